"""Projects, standards and the decisions traced to them: rules on real files, pages from
real builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import SettingsError, settings_from_options

from conftest import PROJECT, TRACED_FRONT, VALID_RFC, Project, adr, standard, traced
from test_rules import findings_for

TECH = standard("STD-TECH-002", "Integrate through the event bus", "tech-stack", "false")
DEVIATING = adr(
    front="title: Java adapter for the ordering system\nstatus: accepted\ndate: 2026-04-01\n"
    "deciders: [Bo Chen]\nproject: demand-forecasting\naddresses: [demand-forecasting/REQ-1]\n"
    "complies_with: [STD-SEC-001]\ndeviates_from:\n  - standard: STD-TECH-002\n"
    "    reason: The vendor SDK is <b>Java</b> only & has no REST API"
)


def rules_of(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.rule for f in findings]


# --- rules ---------------------------------------------------------------------------


def test_a_traced_set_is_clean(tmp_path: Path) -> None:
    files = traced(
        **{"docs/standards/std-tech-002.md": TECH, "adr/0002-java-adapter.md": DEVIATING}
    )
    assert [f.as_text() for f in findings_for(tmp_path, files)] == []


def test_short_and_long_objective_ids_and_case(tmp_path: Path) -> None:
    front = TRACED_FRONT.format(title="T").replace(
        "addresses: [REQ-1, QA-1]", "addresses: [Demand-Forecasting/req-1, qa-1]"
    )
    assert findings_for(tmp_path, traced(**{"adr/0001-batch.md": adr(front=front)})) == []


def test_short_id_without_project_says_what_to_write(tmp_path: Path) -> None:
    front = TRACED_FRONT.format(title="T").replace("project: demand-forecasting\n", "")
    findings = findings_for(tmp_path, traced(**{"adr/0001-batch.md": adr(front=front)}))
    hits = [f for f in findings if f.rule == "DEC503"]
    assert len(hits) == 2 and "names no project" in hits[0].message
    assert "project-id/REQ-1" in hits[0].hint


def test_unknown_project_in_addresses_suggests_one(tmp_path: Path) -> None:
    front = TRACED_FRONT.format(title="T").replace(
        "addresses: [REQ-1, QA-1]", "addresses: [demand-forcasting/REQ-1, QA-1]"
    )
    findings = findings_for(tmp_path, traced(**{"adr/0001-batch.md": adr(front=front)}))
    (hit,) = [f for f in findings if f.rule == "DEC503"]
    assert "demand-forcasting" in hit.message and "demand-forecasting" in hit.hint


def test_only_accepted_or_implemented_decisions_address(tmp_path: Path) -> None:
    proposed = TRACED_FRONT.format(title="T").replace("status: accepted", "status: proposed")
    findings = findings_for(tmp_path, traced(**{"adr/0001-batch.md": adr(front=proposed)}))
    gaps = [f for f in findings if f.rule == "DEC504"]
    assert [f.position.line for f in gaps] == [9, 15]
    assert "only by ADR-0001 (proposed)" in gaps[0].message
    # An implemented RFC counts as a decision taken.
    rfc = VALID_RFC.replace("status: review", "status: implemented").replace(
        "authors: [Bo Chen]", "authors: [Bo Chen]\nproject: demand-forecasting\naddresses: [QA-1]"
    )
    findings = findings_for(tmp_path, {"rfc/0001-feature-store.md": rfc})
    assert [f.position.line for f in findings if f.rule == "DEC504"] == [9]


def test_a_proposed_project_has_no_gaps_yet(tmp_path: Path) -> None:
    files = traced(
        **{
            "docs/projects/demand-forecasting.md": PROJECT.replace(
                "status: active", "status: proposed"
            ),
            "adr/0001-batch.md": adr(front="title: T\nstatus: proposed"),
        }
    )
    assert findings_for(tmp_path, files) == []


def test_applies_to_limits_a_mandatory_standard(tmp_path: Path) -> None:
    scoped = standard("STD-REG-001", "EU AI Act logging", "regulatory").replace(
        "owner:", "applies_to: [churn-model]\nowner:"
    )
    files = traced(**{"docs/standards/std-reg-001.md": scoped})
    # Only the unknown project is reported; demand-forecasting need not list the standard.
    assert rules_of(findings_for(tmp_path, files)) == ["DEC201"]
    everywhere = scoped.replace("applies_to: [churn-model]", "applies_to: all")
    findings = findings_for(tmp_path, {"docs/standards/std-reg-001.md": everywhere})
    (hit,) = [f for f in findings if f.rule == "DEC505"]
    assert "STD-REG-001" in hit.message and hit.hint == "add STD-REG-001 to `cross_cutting`"


def test_draft_mandatory_standards_are_not_required_yet(tmp_path: Path) -> None:
    draft = standard("STD-ETH-001", "Fairness review", "ethics", status="draft")
    assert findings_for(tmp_path, traced(**{"docs/standards/std-eth-001.md": draft})) == []


def test_retired_standards_only_matter_to_records_that_still_apply(tmp_path: Path) -> None:
    retired = standard(status="retired")
    superseded = TRACED_FRONT.format(title="T").replace(
        "status: accepted", "status: superseded\nsuperseded_by: ADR-0002"
    )
    files = {
        "docs/standards/std-sec-001.md": retired,
        "adr/0001-batch.md": adr(front=superseded),
        "adr/0002-new.md": adr(front="title: New\nstatus: proposed\nsupersedes: [ADR-0001]"),
    }
    assert "DEC506" not in rules_of(findings_for(tmp_path, files))


def test_wrong_kinds_are_named(tmp_path: Path) -> None:
    front = (
        "title: B\nstatus: proposed\nproject: STD-SEC-001\ncomplies_with: [ADR-0001]\n"
        "deviates_from:\n  - standard: demand-forecasting\n    reason: x"
    )
    findings = findings_for(tmp_path, traced(**{"adr/0002-b.md": adr(front=front)}))
    messages = [f.message for f in findings if f.rule == "DEC205"]
    assert messages == [
        "`project` names STD-SEC-001, which is a standard, not a project",
        "`complies_with` names ADR-0001, which is a adr, not a standard",
        "`deviates_from` names demand-forecasting, which is a project, not a standard",
    ]


def test_objective_items_are_checked_one_by_one(tmp_path: Path) -> None:
    project = PROJECT.replace("  - id: REQ-1\n", "  - id: QA-1\n").replace(
        "constraints:\n", "constraints:\n  - just a string\n"
    )
    project = project.replace("    serves: [BO-1]", "    serves: [BO-7]")
    findings = findings_for(tmp_path, traced(**{"docs/projects/demand-forecasting.md": project}))
    texts = [(f.rule, f.position.line, f.message) for f in findings if f.rule.startswith("DEC5")]
    assert ("DEC507", 9, "id QA-1 is used by more than one item of this project") in texts
    assert ("DEC507", 20, "constraints item 1 is not a mapping") in texts
    assert ("DEC503", 13, "QA-1 serves BO-7, which this project does not define") in texts


def test_deviation_entries_are_checked(tmp_path: Path) -> None:
    front = (
        "title: B\nstatus: proposed\ndeviates_from:\n  - reason: no standard named\n"
        "  - standard: STD-TECH-002\n    reasn: typo"
    )
    files = traced(**{"docs/standards/std-tech-002.md": TECH, "adr/0002-b.md": adr(front=front)})
    found = [(f.rule, f.position.line) for f in findings_for(tmp_path, files)]
    assert ("DEC502", 5) in found  # names no standard
    assert ("DEC511", 7) in found  # `reasn`
    assert ("DEC502", 6) in found  # so no reason either


def test_categories_are_configurable_for_standards_only(tmp_path: Path) -> None:
    settings = settings_from_options({"kinds": {"standard": {"categories": ["Safety"]}}})
    assert settings.kinds["standard"].categories == ("safety",)
    with pytest.raises(SettingsError, match="only standards have categories"):
        settings_from_options({"kinds": {"adr": {"categories": ["x"]}}})
    files = {"docs/standards/s.md": standard(category="safety")}
    for path, content in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(content)
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    assert run_checks(corpus, settings) == []


def test_named_kinds_take_their_id_from_front_matter_or_file_name(tmp_path: Path) -> None:
    files = {
        "docs/projects/churn-model.md": PROJECT.replace("id: demand-forecasting\n", ""),
        "docs/standards/std-sec-001.md": standard(),
    }
    findings_for(tmp_path, files)
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings_from_options({}))
    assert sorted((r.kind, r.id, r.number) for r in corpus.records) == [
        ("project", "churn-model", None),
        ("standard", "STD-SEC-001", None),
    ]


# --- the site ----------------------------------------------------------------------


@pytest.fixture
def traced_site(project: Project) -> Project:
    files = traced(
        **{
            "docs/standards/std-tech-002.md": TECH,
            "adr/0002-java-adapter.md": DEVIATING,
            "docs/projects/demand-forecasting.md": PROJECT.replace(
                "    title: Timeliness", "    title: Timeliness <script>alert(1)</script>"
            )
            .replace(
                "    metric: MAE in units per store-product-day",
                "    metric: MAE in units per store-product-day from `backtest.py` <i>8 weeks</i>",
            )
            .replace(
                "constraints:",
                '  - id: QA-2\n    title: Explanations for store managers\n    measure: "share'
                ' of forecasts with top-3 drivers shown"\n    target: "100 %"\nconstraints:',
            ),
        }
    )
    for path, content in files.items():
        project.write(path, content)
    project.configure(theme={"name": "material"})
    return project


def test_strict_build_passes_with_a_gap_and_names_it(traced_site: Project) -> None:
    result = traced_site.build("--strict")
    assert result.returncode == 0, result.stderr
    gaps = [line for line in result.stderr.splitlines() if "DEC504" in line]
    assert len(gaps) == 1 and "INFO" in gaps[0]
    assert "docs/projects/demand-forecasting.md:19:5: DEC504 warning" in gaps[0]
    assert "QA-2 (Explanations for store managers)" in gaps[0]


def test_project_page_lists_objectives_and_traces_them(traced_site: Project) -> None:
    assert traced_site.build("--strict").returncode == 0
    page = traced_site.content("projects/demand-forecasting/index.html")
    assert "<h1" in page and "Demand forecasting</h1>" in page
    requirement = _row(page, "objective-req-1")
    assert "from <code>backtest.py</code> &lt;i&gt;8 weeks&lt;/i&gt;" in requirement
    assert "&lt;= 12 units" in requirement and "serves BO-1" in requirement
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _row(page, "objective-qa-1")
    assert "<script>alert" not in page
    assert "not negotiable" in _row(page, "objective-con-1")
    trace = page.split('id="project-traceability"', 1)[1]
    qa1 = _trace_row(trace, "QA-1")
    assert 'href="../../adr/0001-batch/"' in qa1 and "decisions-status-accepted" in qa1
    qa2 = _trace_row(trace, "QA-2")
    assert "decisions-gap-row" in qa2 and "gap: no accepted decision" in qa2
    bo1 = _trace_row(trace, "BO-1")
    assert "ADR-0001</a> Nightly batch" in bo1 and "(via REQ-1)" in bo1
    assert "1 without an accepted decision" in trace
    standards = page.split('id="project-standards"', 1)[1].split("</table>", 1)[0]
    assert "STD-SEC-001" in standards and "STD-TECH-002" not in standards
    # The generated headings are in the page's table of contents.
    toc = traced_site.html("projects/demand-forecasting/index.html").split("md-nav--secondary")[1]
    for anchor in ("project-requirements", "project-traceability", "project-standards"):
        assert f'href="#{anchor}"' in toc


def test_decision_header_links_project_objectives_and_standards(traced_site: Project) -> None:
    assert traced_site.build("--strict").returncode == 0
    header = traced_site.content("adr/0002-java-adapter/index.html").split("</div>", 1)[0]
    assert 'href="../../projects/demand-forecasting/"' in header
    assert 'href="../../projects/demand-forecasting/#objective-req-1">REQ-1</a>' in header
    assert 'href="../../standards/std-sec-001/">STD-SEC-001</a>' in header
    deviates = header.split("Deviates from:", 1)[1]
    assert 'href="../../standards/std-tech-002/">STD-TECH-002</a>' in deviates
    assert "The vendor SDK is &lt;b&gt;Java&lt;/b&gt; only &amp; has no REST API" in deviates


def test_standard_page_shows_compliance_both_ways(traced_site: Project) -> None:
    assert traced_site.build("--strict").returncode == 0
    sec = traced_site.content("standards/std-sec-001/index.html")
    assert "Mandatory:</strong> yes: not negotiable" in sec
    projects = sec.split('id="standard-projects"', 1)[1].split("<h3", 1)[0]
    assert 'href="../../projects/demand-forecasting/"' in projects
    complying = sec.split('id="standard-complying"', 1)[1].split("<h3", 1)[0]
    assert "ADR-0001" in complying and "ADR-0002" in complying
    tech = traced_site.content("standards/std-tech-002/index.html")
    deviating = tech.split('id="standard-deviating"', 1)[1]
    assert "ADR-0002" in deviating and "&lt;b&gt;Java&lt;/b&gt;" in deviating


def test_catalogue_groups_standards_by_category(traced_site: Project) -> None:
    assert traced_site.build("--strict").returncode == 0
    catalogue = traced_site.content("standards/index.html")
    headings = re.findall(r'<h2 id="category-([a-z-]+)"', catalogue)
    assert headings == ["security", "tech-stack"]  # in the configured order
    assert 'href="compliance/"' in catalogue
    security = catalogue.split('id="category-security"', 1)[1].split("</table>", 1)[0]
    assert "STD-SEC-001" in security and ">yes<" in security


def test_compliance_matrix_marks_missing_mandatory_standards(project: Project) -> None:
    files = traced(
        **{
            "docs/standards/std-priv-001.md": standard(
                "STD-PRIV-001", "Pseudonymise customer data", "privacy"
            ),
            "docs/standards/std-tech-002.md": TECH,
        }
    )
    for path, content in files.items():
        project.write(path, content)
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 1
    assert "DEC505 error: project does not list mandatory standard STD-PRIV-001" in result.stderr
    assert project.build().returncode == 0
    matrix = project.content("standards/compliance/index.html")
    header = matrix.split("</thead>", 1)[0]
    assert "STD-SEC-001" in header and "STD-PRIV-001" in header
    assert "STD-TECH-002" not in header  # not mandatory
    row = matrix.split("</thead>", 1)[1]
    assert "&#10003; listed" in row or "✓ listed" in row
    assert "missing" in row and "1 decision complies" in row


def test_deviating_from_a_mandatory_standard_fails_the_build(project: Project) -> None:
    front = TRACED_FRONT.format(title="T") + (
        "\ndeviates_from:\n  - standard: STD-SEC-001\n    reason: Too slow"
    )
    for path, content in traced(**{"adr/0001-batch.md": adr(front=front)}).items():
        project.write(path, content)
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 1
    assert (
        "adr/0001-batch.md:10:5: DEC501 error: deviates from STD-SEC-001 "
        "(Secrets live in the vault), a mandatory standard: cross-cutting concerns are not "
        "negotiable"
    ) in result.stderr


def test_decisions_index_lists_decisions_not_standards(traced_site: Project) -> None:
    assert traced_site.build("--strict").returncode == 0
    index = traced_site.content("decisions/index.html")
    assert "ADR-0001" in index and "STD-SEC-001" not in index.split("</p>", 2)[-1]
    assert 'href="../standards/"' in index and 'href="../projects/"' in index
    projects = traced_site.content("projects/index.html")
    assert "demand-forecasting" in projects and "decisions-gap" in projects


def _row(page: str, anchor: str) -> str:
    return page.split(f'id="{anchor}"', 1)[1].split("</tr>", 1)[0]


def _trace_row(table: str, objective_id: str) -> str:
    start = table.index(f">{objective_id}</a>")
    return table[table.rindex("<tr", 0, start) : table.index("</tr>", start)]


# --- bad input and odd layouts (found in review) -------------------------------------


def test_odd_values_in_objectives_are_findings_not_tracebacks(project: Project) -> None:
    odd = (
        PROJECT.replace("    serves: [BO-1]", "    serves: 1")
        .replace("    title: Timeliness", "    title: {a: b}")
        .replace("    negotiable: false", '    negotiable: "no"')
        .replace("    measure: minutes", "    tilte: typo\n    measure: minutes")
    )
    for path, content in traced(**{"docs/projects/demand-forecasting.md": odd}).items():
        project.write(path, content)
    project.configure()
    result = project.check()
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert any(":13:13: DEC503" in line and "serves 1" in line for line in lines)
    assert any(":16:12: DEC007" in line and "`title` of QA-1" in line for line in lines)
    assert any(":17:5: DEC511" in line and "`tilte`" in line for line in lines)
    assert any("DEC509" in line and "must be true or false, not 'no'" in line for line in lines)
    assert not any("DEC508" in line and "QA-1 has no `title`" in line for line in lines)
    build = project.build()
    assert build.returncode == 0 and "Traceback" not in build.stderr


def test_serves_true_and_deviation_lists_are_wrong_types(tmp_path: Path) -> None:
    files = traced(
        **{
            "docs/projects/demand-forecasting.md": PROJECT.replace(
                "    serves: [BO-1]", "    serves: true"
            ),
            "adr/0002-b.md": adr(
                front="title: B\nstatus: proposed\ndeviates_from:\n"
                "  - standard: [STD-SEC-001, STD-TECH-002]\n    reason: two at once"
            ),
        }
    )
    found = [(f.rule, f.path, f.position.line) for f in findings_for(tmp_path, files)]
    assert ("DEC007", "docs/projects/demand-forecasting.md", 13) in found
    assert ("DEC007", "adr/0002-b.md", 5) in found


def test_addresses_without_an_item_and_repeated_entries(project: Project) -> None:
    front = TRACED_FRONT.format(title="T").replace(
        "addresses: [REQ-1, QA-1]",
        "addresses: [REQ-1, QA-1, demand-forecasting/QA-1, qa-1, demand-forecasting/]",
    )
    for path, content in traced(**{"adr/0001-batch.md": adr(front=front)}).items():
        project.write(path, content)
    project.configure()
    result = project.check()
    assert "names no objective after the `/`" in result.stdout
    project.build()
    header = project.content("adr/0001-batch/index.html").split("</div>", 1)[0]
    assert header.count("#objective-qa-1") == 1
    page = project.content("projects/demand-forecasting/index.html")
    trace = page.split('id="project-traceability"', 1)[1]
    assert _trace_row(trace, "QA-1").count("ADR-0001") == 1


def test_references_written_as_links_are_traced(tmp_path: Path) -> None:
    linked_project = PROJECT.replace(
        "cross_cutting: [STD-SEC-001]", 'cross_cutting: ["[STD-SEC-001](../standards/s.md)"]'
    )
    front = (
        TRACED_FRONT.format(title="T")
        .replace(
            "project: demand-forecasting",
            'project: "[Demand forecasting](../docs/projects/demand-forecasting.md)"',
        )
        .replace(
            "complies_with: [STD-SEC-001]",
            'complies_with: ["[STD-SEC-001](../docs/standards/s.md)"]',
        )
    )
    files = {
        "docs/standards/s.md": standard(),
        "docs/projects/demand-forecasting.md": linked_project,
        "adr/0001-batch.md": adr(front=front),
    }
    assert [f.as_text() for f in findings_for(tmp_path, files)] == []
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings_from_options({}))
    trace = corpus.traceability
    (sec,) = trace.standards
    assert [r.id for r in trace.complying(sec)] == ["ADR-0001"]


def test_named_kinds_are_not_checked_against_numbers_in_file_names(tmp_path: Path) -> None:
    files = {
        "docs/projects/q3-churn.md": PROJECT.replace("id: demand-forecasting", "id: churn-2025")
        .replace("status: active", "status: proposed")
        .replace("cross_cutting: [STD-SEC-001]", "cross_cutting: []"),
        "docs/standards/iso27001-access.md": standard("ISO-27002", category="security").replace(
            "mandatory: true", "mandatory: false"
        ),
    }
    assert [f.rule for f in findings_for(tmp_path, files)] == []


def test_kinds_can_be_switched_off_and_may_not_share_a_folder(project: Project) -> None:
    project.write("docs/projects/website.md", "# Website relaunch\n\nA page, not a record.\n")
    project.configure(plugin_options={"kinds": {"project": {"enabled": False}}})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "Website relaunch" in project.content("projects/website/index.html")
    with pytest.raises(SettingsError, match="also the folder of standard"):
        settings_from_options({"kinds": {"project": {"folder": "docs/standards"}}})


def test_a_kind_folder_inside_another_belongs_to_the_inner_kind(tmp_path: Path) -> None:
    settings = settings_from_options({"kinds": {"project": {"folder": "docs/standards/projects"}}})
    files = {
        "docs/standards/s.md": standard(),
        "docs/standards/projects/demand-forecasting.md": PROJECT,
        "adr/0001-batch.md": adr(front=TRACED_FRONT.format(title="T")),
    }
    findings_for(tmp_path, files)
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    assert sorted((r.kind, r.path) for r in corpus.records) == [
        ("adr", "adr/0001-batch.md"),
        ("project", "docs/standards/projects/demand-forecasting.md"),
        ("standard", "docs/standards/s.md"),
    ]
    assert run_checks(corpus, settings) == []


def test_generated_pages_never_replace_records(project: Project) -> None:
    project.write("docs/standards/compliance.md", standard())
    project.configure()
    assert project.build("--strict").returncode == 0
    assert "Secrets live in the vault" in project.content("standards/compliance/index.html")
    assert "Compliance matrix" in project.content("standards/compliance-matrix/index.html")
    project.configure(plugin_options={"index": "standards/compliance.md"})
    result = project.build("--strict")
    assert result.returncode == 1
    assert "generated page standards/compliance.md is left out" in result.stderr
    assert "docs/standards/compliance.md has the same path" in result.stderr


def test_similar_objective_ids_get_their_own_anchors(project: Project) -> None:
    similar = PROJECT.replace(
        "quality_attributes:",
        "  - id: REQ_1\n    title: Underscore\n    metric: m\n    target: t\nquality_attributes:",
    ).replace("status: active", "status: proposed")
    project.write("docs/projects/p.md", similar)
    project.write("docs/standards/s.md", standard())
    project.configure()
    assert project.build("--strict").returncode == 0
    page = project.content("projects/p/index.html")
    assert 'id="objective-req-1"' in page and 'id="objective-req_1"' in page


def test_deprecated_standards_are_still_in_force(project: Project) -> None:
    project.write("docs/standards/s.md", standard(status="deprecated"))
    project.configure()
    assert project.build("--strict").returncode == 0
    page = project.content("standards/s/index.html")
    assert "This standard is still in force, and will be retired" in page
    banner = page.split('class="decisions-banner', 1)[1].split("</div>", 1)[0]
    assert "This decision" not in banner
