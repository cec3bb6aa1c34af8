"""A collection's own template file says which sections its records need (DEC301).

Each pattern was seen in real collections: a design template with no Alternatives
(Bazel's ``designs/template.md``), MADR 3 and 4 marking Consequences "an optional
element" on the line before the heading, MADR 2 marking it on the heading line, a
template kept for one sub-folder only, a template in a folder of its own.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_decisions.catalogue.findings import Finding, Severity
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus, project_history
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.kinds import default_kinds
from mkdocs_decisions.records.templates import read_template

from conftest import Project


def checked(
    root: Path, files: dict[str, str], kind: str, options: dict | None = None
) -> list[Finding]:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    kinds = {kind: {"folder": kind, **(options or {})}}
    settings = settings_from_options({"kinds": kinds, "history": False})
    return run_checks(load_corpus(root, root / "docs", settings), settings)


def missing(findings: list[Finding]) -> list[tuple[str, str]]:
    return sorted((f.path, f.message) for f in findings if f.rule == "DEC301")


DESIGN_TEMPLATE = (
    "# Design document template\n\n# Abstract\n\nOne paragraph.\n\n# Background\n\n"
    "What a reader needs to know.\n\n# Proposal\n\nThe design.\n\n"
    "# Backward-compatibility\n\nWhat breaks.\n"
)
DESIGN = (
    "---\ntitle: {title}\nstatus: accepted\n---\n\n# {title}\n\n# Abstract\n\nA.\n\n"
    "# Background\n\nB.\n\n# Proposal\n\nP.\n"
)


def test_a_section_the_template_does_not_have_is_not_asked_for(tmp_path: Path) -> None:
    files = {
        "rfc/0001-remote-cache.md": DESIGN.format(title="Remote cache"),
        "rfc/0002-sandboxing.md": DESIGN.format(title="Sandboxing"),
    }
    without_template = missing(checked(tmp_path, files, "rfc"))
    assert (
        "rfc/0001-remote-cache.md",
        "missing section `Alternatives` (required when accepted)",
    ) in without_template
    with_template = checked(tmp_path / "with", {**files, "rfc/template.md": DESIGN_TEMPLATE}, "rfc")
    assert missing(with_template) == []


def test_a_section_the_template_has_is_still_asked_for(tmp_path: Path) -> None:
    template = DESIGN_TEMPLATE + "\n# Alternatives\n\nWhat else was considered.\n"
    files = {
        "rfc/template.md": template,
        "rfc/0001-remote-cache.md": DESIGN.format(title="Remote cache"),
    }
    assert missing(checked(tmp_path, files, "rfc")) == [
        ("rfc/0001-remote-cache.md", "missing section `Alternatives` (required when accepted)")
    ]


MADR = (
    "---\nstatus: accepted\ndate: 2024-03-01\ndecision-makers: Ana\n---\n\n# Use Postgres\n\n"
    "## Context and Problem Statement\n\nWe need a store.\n\n## Considered Options\n\n"
    '* Postgres\n* MongoDB\n\n## Decision Outcome\n\nChosen option: "Postgres", because it fits.\n'
)
MADR_TEMPLATE = (
    '---\nstatus: "{{proposed | accepted}}"\n---\n\n# {{short title}}\n\n'
    "## Context and Problem Statement\n\n{{context}}\n\n"
    "<!-- This is an optional element. Feel free to remove. -->\n"
    "## Decision Drivers\n\n* {{driver}}\n\n"
    "## Considered Options\n\n* {{title of option 1}}\n\n"
    '## Decision Outcome\n\nChosen option: "{{title}}"\n\n'
    "{marker}### Consequences\n\n* Good, because {{positive consequence}}\n"
)


def test_a_section_the_template_marks_optional_is_not_asked_for(tmp_path: Path) -> None:
    optional = MADR_TEMPLATE.format(
        marker="<!-- This is an optional element. Feel free to remove. -->\n"
    )
    files = {"adr/adr-template.md": optional, "adr/0001-use-postgres.md": MADR}
    assert missing(checked(tmp_path, files, "adr")) == []
    required = MADR_TEMPLATE.format(marker="")
    files = {"adr/adr-template.md": required, "adr/0001-use-postgres.md": MADR}
    assert missing(checked(tmp_path / "required", files, "adr")) == [
        ("adr/0001-use-postgres.md", "missing section `Consequences` (required when accepted)")
    ]


def test_the_ways_templates_mark_a_heading_optional_are_read() -> None:
    text = (
        "# {title}\n\n## Context\n\nC.\n\n## Decision Drivers <!-- optional -->\n\nD.\n\n"
        "## Validation (optional)\n\nV.\n\n<!-- This is an optional element. -->\n"
        "## More Information\n\nM.\n\n## Links\n\n<!-- optional: related records -->\n\n"
        "## Consequences\n\n<!-- What becomes easier or harder -->\n"
    )
    kinds = default_kinds()
    outline = read_template(text, "adr/template.md", kinds["adr"], kinds, "")
    assert sorted(outline.optional) == [
        "decision drivers",
        "links",
        "more information",
        "validation",
    ]
    assert "consequences" in {section.key for section in outline.sections}


def test_a_template_in_a_sub_folder_is_for_the_records_there(tmp_path: Path) -> None:
    files = {
        "rfc/stdlib/TEMPLATE.md": DESIGN_TEMPLATE,
        "rfc/stdlib/0001-sum-of.md": DESIGN.format(title="Sum of"),
        "rfc/0002-value-classes.md": DESIGN.format(title="Value classes"),
    }
    paths = {path for path, _ in missing(checked(tmp_path, files, "rfc"))}
    assert paths == {"rfc/0002-value-classes.md"}


def test_a_template_folder_is_read_and_never_published(tmp_path: Path) -> None:
    files = {
        "rfc/NNNN-kep-template/README.md": DESIGN_TEMPLATE,
        "rfc/sig-apps/2214-indexed-job/README.md": DESIGN.format(title="Indexed job"),
    }
    findings = checked(tmp_path, files, "rfc")
    assert missing(findings) == []
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}, "history": False})
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    assert [record.path for record in corpus.records] == ["rfc/sig-apps/2214-indexed-job/README.md"]
    assert corpus.landing_pages == []
    assert "rfc/NNNN-kep-template/README.md" in corpus.skipped


def test_a_record_numbered_zero_is_no_template(tmp_path: Path) -> None:
    """``0000-kep-process/`` has a title of its own: it is record 0, checked like the
    others, and its headings are no template's: the records beside it still need their
    sections."""
    files = {
        "rfc/sig-arch/0000-kep-process/README.md": DESIGN.format(title="KEP process"),
        "rfc/sig-arch/0001-api-review/README.md": DESIGN.format(title="API review"),
    }
    paths = {path for path, _ in missing(checked(tmp_path, files, "rfc"))}
    assert paths == {
        "rfc/sig-arch/0000-kep-process/README.md",
        "rfc/sig-arch/0001-api-review/README.md",
    }


def test_sections_named_in_the_configuration_win_over_the_template(tmp_path: Path) -> None:
    files = {
        "rfc/template.md": DESIGN_TEMPLATE,
        "rfc/0001-remote-cache.md": DESIGN.format(title="Remote cache"),
    }
    options = {"sections": {"Alternatives": ["Alternatives"]}}
    assert (
        "rfc/0001-remote-cache.md",
        "missing section `Alternatives` (required when accepted)",
    ) in missing(checked(tmp_path, files, "rfc", options))


MADR3_TEMPLATE = (
    "---\n# These are optional elements. Feel free to remove any of them.\n"
    'status: "{proposed | rejected | accepted}"\ndate: {YYYY-MM-DD}\n'
    "decision-makers: {list everyone involved}\n---\n\n# {short title}\n\n"
    "## Context and Problem Statement\n\n{context}\n\n## Considered Options\n\n* {option}\n\n"
    '## Decision Outcome\n\nChosen option: "{title}"\n'
)


def test_metadata_the_template_marks_optional_is_not_asked_for(tmp_path: Path) -> None:
    record = MADR.replace("decision-makers: Ana\n", "")
    files = {"adr/0001-use-postgres.md": record}
    asked = [f.message for f in checked(tmp_path, files, "adr") if f.rule == "DEC105"]
    assert asked == ["a decision with status accepted needs deciders"]
    files["adr/adr-template.md"] = MADR3_TEMPLATE
    assert [f for f in checked(tmp_path / "t", files, "adr") if f.rule == "DEC105"] == []


def test_a_status_the_template_marks_optional_is_not_asked_for(tmp_path: Path) -> None:
    template = (
        "# [short title]\n\n* Status: [proposed | accepted] <!-- optional -->\n"
        "* Deciders: [everyone involved] <!-- optional -->\n* Date: [YYYY-MM-DD]\n\n"
        "## Context and Problem Statement\n\n[context]\n"
    )
    record = "# Use Postgres\n\n* Date: 2024-03-01\n\n## Context and Problem Statement\n\nC.\n"
    files = {"adr/0001-use-postgres.md": record}
    assert [f.rule for f in checked(tmp_path, files, "adr") if f.rule == "DEC102"] == ["DEC102"]
    files["adr/template.md"] = template
    assert [f for f in checked(tmp_path / "t", files, "adr") if f.rule == "DEC102"] == []
    kinds = default_kinds()
    outline = read_template(template, "adr/template.md", kinds["adr"], kinds, "")
    assert sorted(outline.optional_fields) == ["deciders", "status"]


def test_a_template_beside_the_folder_and_its_conditional_sections_are_read(
    tmp_path: Path,
) -> None:
    """NATS keeps ``adr-template.md`` at the root beside ``adr/``; its Design and
    Decision placeholders say "If ..." and "Maybe ...": one or the other."""
    template = (
        "# Title\n\n## Context and Problem Statement\n\n[Describe the context.]\n\n"
        "## Design\n\n[If this is a specification or actual design, write something here.]\n\n"
        "## Decision\n\n[Maybe this was just an architectural decision...]\n\n"
        "## Consequences\n\n[Any consequences of this design]\n"
    )
    spec = (
        "# JetStream API\n\n| Metadata | Value |\n|---|---|\n| Date | 2021-04-01 |\n"
        "| Status | Implemented |\n\n## Context and Problem Statement\n\nWhy.\n\n"
        "## Design\n\nThe API.\n"
    )
    files = {"adr/ADR-1.md": spec, "adr/ADR-2.md": spec.replace("JetStream API", "KV")}
    without = missing(checked(tmp_path, files, "adr"))
    assert ("adr/ADR-1.md", "missing section `Consequences` (required when accepted)") in without
    files["adr-template.md"] = template
    found = missing(checked(tmp_path / "t", files, "adr"))
    assert found == [
        ("adr/ADR-1.md", "missing section `Consequences` (required when accepted)"),
        ("adr/ADR-2.md", "missing section `Consequences` (required when accepted)"),
    ]


def test_a_template_in_a_folder_without_records_is_for_the_whole_collection(
    tmp_path: Path,
) -> None:
    files = {
        "rfc/guidelines/JEP-TEMPLATE.md": DESIGN_TEMPLATE,
        "rfc/28-jupyter-server/jupyter-server.md": DESIGN.format(title="Jupyter server"),
    }
    assert missing(checked(tmp_path, files, "rfc")) == []


def test_without_a_template_a_section_most_records_lack_is_one_note(tmp_path: Path) -> None:
    files = {
        f"rfc/000{n}-r.md": DESIGN.format(title=f"R{n}")
        + ("\n# Alternatives\n\nA, B.\n" if n < 3 else "")
        for n in range(1, 7)
    }
    found = checked(tmp_path, files, "rfc")
    findings = [f for f in found if f.rule == "DEC301" and "Alternatives" in f.message]
    assert [(f.path, f.severity.name) for f in findings] == [("rfc/0003-r.md", "INFO")]
    assert findings[0].message.startswith("4 of 6 requests for comments have no `Alternatives`")
    files.update({f"rfc/000{n}-r.md": files["rfc/0001-r.md"] for n in (3, 4)})  # 4 of 6 have it
    found = checked(tmp_path / "most", files, "rfc")
    errors = [f.path for f in found if f.rule == "DEC301" and "Alternatives" in f.message]
    assert errors == ["rfc/0005-r.md", "rfc/0006-r.md"]


def test_a_template_beside_a_folder_in_docs_is_not_published(project: Project) -> None:
    """log4brains-like layout inside docs/: the template beside the records is read,
    and MkDocs does not publish it as a page."""
    project.write("docs/adr/0001-use-postgres.md", MADR)
    project.write("docs/adr-template.md", MADR_TEMPLATE.format(marker=""))
    project.configure(plugin_options={"kinds": {"adr": {"folder": "docs/adr"}}})
    project.git_commit_all("records")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert not (project.root / "site/adr-template/index.html").exists()
    assert (project.root / "site/adr/0001-use-postgres/index.html").exists()
    assert "missing section `Consequences`" in result.stderr  # the template asks for them


def test_a_template_beside_two_folders_is_for_the_kind_it_names(tmp_path: Path) -> None:
    """`rfc-template.md` at the root beside `adr/` and `rfc/` is the RFCs' template: the
    ADRs are still asked for their sections."""
    files = {"rfc-template.md": DESIGN_TEMPLATE, "adr/0001-use-postgres.md": MADR}
    found = missing(checked(tmp_path, files, "adr"))
    assert found == [
        ("adr/0001-use-postgres.md", "missing section `Consequences` (required when accepted)")
    ]


def test_a_folder_of_templates_beside_the_records_and_headings_deep_in_it(
    tmp_path: Path,
) -> None:
    """Cilium keeps its template in `cfps/` beside `cilium/`: it is the collection's
    template; its `#### Cons` under an example `### Option 1:` asks for no Drawbacks."""
    template = (
        "# CFP-003: Template\n\n**Status:** Implementable\n\n## Summary\n\nx\n\n"
        "## Motivation\n\nx\n\n## Proposal\n\nx\n\n## Impacts / Key Questions\n\n"
        "### Option 1:\n\n#### Pros\n\n* x\n\n#### Cons\n\n* y\n"
    )
    record = "# CFP-{n}: R{n}\n\n**Status:** Implementable\n\n## Summary\n\nx\n\n## Proposal\n\nx\n"
    files = {"cfps/CFP-003-template.md": template, "cfps/README.md": "# Templates\n"}
    files.update({f"cilium/CFP-{n}-r.md": record.format(n=n) for n in (11, 12, 13)})
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    settings = settings_from_options({"kinds": {"rfc": {"folder": "cilium"}}})
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    assert [t.path for t in corpus.templates] == ["cfps/CFP-003-template.md"]
    missing = [f.message for f in run_checks(corpus, settings) if f.rule == "DEC301"]
    assert missing == [
        "missing section `Motivation`",
        "missing section `Motivation`",
        "missing section `Motivation`",
    ]


def test_a_template_that_leaves_every_section_to_the_author_asks_for_none(
    tmp_path: Path,
) -> None:
    """RisingWave's template: "Please feel free to add or remove sections." Its headings
    are suggestions; a record without Alternatives is fine. Without that sentence the
    same template asks for them."""
    template = DESIGN_TEMPLATE + "\n# Alternatives\n\nWhat else was considered.\n"
    leaves = template.replace("One paragraph.", "Please feel free to add or remove sections.")
    files = {"rfc/template.md": leaves, "rfc/0001-remote-cache.md": DESIGN.format(title="Cache")}
    assert missing(checked(tmp_path, files, "rfc")) == []
    files["rfc/template.md"] = template
    assert [path for path, _ in missing(checked(tmp_path / "asks", files, "rfc"))] == [
        "rfc/0001-remote-cache.md"
    ]


def test_a_template_with_no_place_for_a_status_asks_records_for_none(tmp_path: Path) -> None:
    files = {
        "adr/template.md": "# Titel\n\n## Context\n\n## Besluit\n\n## Gevolgen\n",
        "adr/0001-gebruik-postgres.md": "# Gebruik Postgres\n\n## Context\n\nX\n",
        "adr/0002-gebruik-kafka.md": "# Gebruik Kafka\n\n## Context\n\nY\n",
    }
    assert not [f for f in checked(tmp_path, files, "adr") if f.rule == "DEC102"]
    with_status = dict(files, **{"adr/template.md": "# Titel\n\n## Status\n\n## Context\n"})
    assert [f.rule for f in checked(tmp_path / "b", with_status, "adr") if f.rule == "DEC102"] == [
        "DEC102",
        "DEC102",
    ]


def test_a_section_the_template_asks_for_that_most_records_lack_is_one_note(
    tmp_path: Path,
) -> None:
    template = "# Title\n\n## Abstract\n\n## Motivation\n\n## Rationale\n"
    files = {"rfc/template.md": template}
    for number in range(1, 7):
        motivation = "## Motivation\n\nWhy.\n\n" if number == 1 else ""
        files[f"rfc/000{number}-x.md"] = (
            f"# Proposal {number} of ours\n\n## Abstract\n\nA.\n\n{motivation}## Rationale\n\nR.\n"
        )
    found = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC301"]
    about = [f for f in found if "Motivation" in f.message]
    assert len(about) == 1 and about[0].severity is Severity.INFO
    assert about[0].message.startswith("5 of 6 requests for comments have no `Motivation`")


def test_a_template_that_marks_its_required_sections_leaves_the_others_optional(
    tmp_path: Path,
) -> None:
    """Gateway API's GEP template marks each required section with a `[required_in]: #`
    line below its heading and leaves Alternatives unmarked: an accepted GEP without
    Alternatives lacks nothing; one without its TLDR does."""
    template = (
        "# GEP-696: GEP template\n\n* Status: Provisional|Implementable|Standard\n\n"
        "## TLDR\n\n[required_in]: # (Provisional status and above)\n\nOne line.\n\n"
        "## Goals\n\n[required_in]: # (Provisional status and above)\n\nList.\n\n"
        "## Alternatives\n\nWhat else.\n"
    )
    gep = "# GEP-{n}: {title}\n\n* Status: Implementable\n\n{tldr}## Goals\n\nG.\n\n"
    gep += "## API\n\nA.\n"
    files = {
        "rfc/gep-696/index.md": template,
        "rfc/gep-713/index.md": gep.format(n=713, title="Metaresources", tldr="## TLDR\n\nT.\n\n"),
        "rfc/gep-718/index.md": gep.format(n=718, title="Rewrites", tldr=""),
    }
    assert missing(checked(tmp_path, files, "rfc")) == [
        ("rfc/gep-718/index.md", "missing section `TLDR`")
    ]


def test_a_template_is_unfollowed_only_when_well_past_half_lack_its_section(
    tmp_path: Path,
) -> None:
    """Five of eight records without the template's Consequences are five errors, and
    one more such record makes six: only more than two thirds make the one note, so one
    new record does not turn known errors into a note."""
    template = "# Title\n\n## Status\n\nProposed\n\n## Context\n\nX\n\n## Decision\n\nY\n\n"
    template += "## Consequences\n\nZ\n"
    nygard = "# {n}. Use {n}\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nY\n"
    files = {"adr/template.md": template}
    for n in range(1, 9):
        text = nygard.format(n=n) + ("\n## Consequences\n\nZ\n" if n > 5 else "")
        files[f"adr/000{n}-use-{n}.md"] = text

    def errors() -> list[str]:
        found = checked(tmp_path, files, "adr")
        return [f.path for f in found if f.rule == "DEC301" and f.severity is Severity.ERROR]

    assert errors() == [f"adr/000{n}-use-{n}.md" for n in range(1, 6)]
    files["adr/0009-use-9.md"] = nygard.format(n=9)
    assert len(errors()) == 6
    for n in (10, 11, 12):  # nine of twelve: the team does not write it
        files[f"adr/00{n}-use-{n}.md"] = nygard.format(n=n)
    assert errors() == []


def test_a_template_of_another_document_beside_the_records_template_asks_nothing(
    tmp_path: Path,
) -> None:
    """Alliander keeps `adr-decision-template.md` (tables of approvers, no section of a
    decision) beside `adr-template.md`: the sections are the ADR template's, so an
    accepted record without them is still told."""
    files = {
        "adr/adr-template.md": "# {title}\n\n## Context and Problem Statement\n\nX\n\n"
        "## Decision Outcome\n\nY\n",
        "adr/adr-decision-template.md": "# Decision Approval Record List\n\n"
        "## 2. Record (entry name)\n\n| Decision | Accepted |\n|---|---|\n",
        "adr/0001-good.md": "---\nstatus: proposed\n---\n\n# Good\n\n"
        "## Context and Problem Statement\n\nX\n\n## Decision Outcome\n\nY\n",
        "adr/0009-bad.md": "---\nstatus: accepted\ndate: 2026-01-01\n---\n\n# Bad two\n",
    }
    assert ("adr/0009-bad.md", "missing section `Decision Outcome` (required when accepted)") in (
        missing(checked(tmp_path, files, "adr"))
    )


def test_a_template_at_the_top_stays_the_template_after_the_records_move_deeper(
    tmp_path: Path,
) -> None:
    """Solana keeps `XXXX-template.md` at the top beside `proposals/`; after the records
    move to `docs/simds/`, it is their template all the same (no Drawbacks asked: it has
    none)."""
    template = (
        "# Title\n\n## Summary\n\nX\n\n## Motivation\n\nY\n\n## Alternatives Considered\n\nZ\n"
    )
    simd = "---\nsimd: '{n:04}'\ntitle: {title}\nstatus: Accepted\n---\n\n## Summary\n\nX\n\n"
    simd += "## Motivation\n\nY\n\n## Alternatives Considered\n\nZ\n\n## Detailed Design\n\nD\n"
    files = {"XXXX-template.md": template}
    for n, title in ((1, "Process"), (2, "Fees"), (3, "Votes")):
        files[f"docs/simds/{n:04}-x.md"] = simd.format(n=n, title=title)
    assert missing(checked(tmp_path, files, "rfc", {"folder": "docs/simds"})) == []


def test_the_template_in_a_folder_of_rfcs_beside_the_adrs_is_the_rfcs(tmp_path: Path) -> None:
    """NeIC keeps `docs/rfcs/template.md` (no Decision Outcome) beside `docs/decisions/`:
    that is the RFCs' template, and does not excuse the ADRs from their outcome."""
    files = {
        "docs/decisions/0006-use-x.md": "---\nstatus: accepted\ndate: 2026-01-01\n---\n\n"
        "# Use X\n\n## Context and Problem Statement\n\nWhy.\n\n## Considered Options\n\n"
        "* X\n* Y\n",
        "docs/rfcs/README.md": "# RFCs\n",
        "docs/rfcs/template.md": "# Title\n\n## Summary\n\nX\n\n## Open Questions\n\nY\n",
    }
    found = missing(checked(tmp_path, files, "adr", {"folder": "docs/decisions"}))
    assert (
        "docs/decisions/0006-use-x.md",
        "missing section `Decision Outcome` (required when accepted)",
    ) in found


def test_githubs_issue_template_at_the_top_is_no_template_of_records(tmp_path: Path) -> None:
    """The walk up to the top takes templates of records only: GitHub's
    `ISSUE_TEMPLATE.md` with a `## Context` does not excuse an ADR its consequences."""
    nygard = "# {n}. Use {n}\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nY\n"
    files = {
        "ISSUE_TEMPLATE.md": "## Context\n\nWhat happened.\n\n## Steps to reproduce\n\n1.\n",
        **{
            f"docs/adr/000{n}-use-{n}.md": nygard.format(n=n) + "\n## Consequences\n\nZ\n"
            for n in range(1, 4)
        },
        "docs/adr/0004-use-4.md": nygard.format(n=4),
    }
    found = missing(checked(tmp_path, files, "adr", {"folder": "docs/adr"}))
    assert (
        "docs/adr/0004-use-4.md",
        "missing section `Consequences` (required when accepted)",
    ) in found


TYPED_RECORD = "---\ntitle: {title}\ntype: {type}\n{status}---\n\n{body}"


def test_a_record_is_asked_what_the_template_of_its_own_type_asks(tmp_path: Path) -> None:
    """Two templates in one folder, each stating a `type:`: a decision record is asked for
    the decision template's `Context` although the standard template has none, a
    standard for the standard template's sections only, and a type with no template
    (notes beside a standard, never with a status) for nothing: one note, no error."""
    files = {
        "rfc/std-XXXX-vN-decision-record-template.md": "---\ntitle: _Title_\ntype: Decision "
        "Record\nstatus: Draft\n---\n\n## Abstract\n\nA.\n\n## Context\n\nB.\n\n"
        "## Decision\n\nC.\n",
        "rfc/std-XXXX-vN-standard-template.md": "---\ntitle: _Title_\ntype: Standard  # | "
        "Guide\nstatus: Draft\n---\n\n## Introduction\n\nA.\n\n## Standard\n\nB.\n",
        "rfc/std-0001-v1-pick-a-queue.md": TYPED_RECORD.format(
            title="Pick a queue",
            type="Decision Record",
            status="status: Draft\n",
            body="## Abstract\n\nA.\n\n## Decision\n\nC.\n",
        ),
        **{
            f"rfc/std-001{n}-v1-log-format-{n}.md": TYPED_RECORD.format(
                title=f"Log format {n}",
                type="Standard",
                status="status: Draft\n",
                body="## Introduction\n\nA.\n\n## Standard\n\nB.\n",
            )
            for n in (1, 2, 3)
        },
        **{
            f"rfc/std-000{n}-w1-notes-{n}.md": TYPED_RECORD.format(
                title=f"Notes {n}", type="Supplement", status="", body="## Testing\n\nT.\n"
            )
            for n in (3, 4, 5)
        },
    }
    found = checked(tmp_path, files, "rfc")
    assert missing(found) == [("rfc/std-0001-v1-pick-a-queue.md", "missing section `Context`")]
    statuses = [(f.path, f.severity) for f in found if f.rule == "DEC102"]
    assert statuses == [("rfc/std-0003-w1-notes-3.md", Severity.INFO)]
    note = next(f for f in found if f.rule == "DEC102")
    assert note.message.startswith("none of the 3 requests for comments of type `supplement`")


def test_a_hidden_template_with_type_choices_and_a_joined_heading(tmp_path: Path) -> None:
    """`.TEMPLATE.md` is the folder's template though hidden. Its `## Context, Reach &
    Scope` is the Context section, so MADR's heading satisfies it as well as its own;
    its `type:` offers two choices, and a record of another type is not asked for it."""
    record = "---\ntitle: {title}\nstatus: proposed\ntype: {type}\n---\n\n{body}"
    files = {
        "adr/.TEMPLATE.md": "---\ntitle: Title\nstatus: proposed\ntype: Track | Meta # pick "
        "one\n---\n\n## Context, Reach & Scope\n\nWhy.\n\n## Decision\n\nWhat.\n",
        "adr/0001-a.md": record.format(
            title="A",
            type="Track",
            body="## Context and Problem Statement\n\nW.\n\n## Decision\n\nD.\n",
        ),
        "adr/0002-b.md": record.format(
            title="B", type="Meta", body="## Context, Reach & Scope\n\nW.\n\n## Decision\n\nD.\n"
        ),
        "adr/0003-c.md": record.format(title="C", type="Track", body="## Decision\n\nD.\n"),
        "adr/0004-d.md": record.format(title="D", type="Informational", body="## Notes\n\nN.\n"),
    }
    found = checked(tmp_path, files, "adr")
    assert missing(found) == [("adr/0003-c.md", "missing section `Context, Reach & Scope`")]
    assert next(f for f in found if f.rule == "DEC301").position.line == 2


def test_records_committed_before_their_template_are_not_asked_for_its_sections(
    project: Project,
) -> None:
    """Two proposals committed before the template (without its Motivation) are one note
    with history; the one committed after it is still asked for it."""
    draft = "---\ntitle: {title}\nstatus: draft\n---\n\n## Summary\n\nS.\n\n{more}## Plan\n\nP.\n"
    project.write("rfc/0001-cache.md", draft.format(title="Cache", more=""))
    project.write("rfc/0002-queue.md", draft.format(title="Queue", more=""))
    project.git_commit_all("old proposals", "2025-01-10T09:00:00+00:00")
    project.write("rfc/template.md", "# Title\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n")
    project.git_commit_all("template", "2025-06-01T09:00:00+00:00")
    project.write("rfc/0003-pool.md", draft.format(title="Pool", more=""))
    project.write("rfc/0004-index.md", draft.format(title="Index", more="## Motivation\n\nM.\n\n"))
    project.git_commit_all("new proposals", "2025-07-01T09:00:00+00:00")
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}})
    corpus = load_corpus(
        project.root, project.root / "docs", settings, project_history(project.root, settings)
    )
    found = [f for f in run_checks(corpus, settings) if f.rule == "DEC301"]
    assert [(f.path, f.severity, f.position.line) for f in found] == [
        ("rfc/0001-cache.md", Severity.INFO, 2),
        ("rfc/0003-pool.md", Severity.ERROR, 2),
    ]
    assert found[0].message.startswith(
        "2 requests for comments committed before their template `rfc/template.md` (first "
        "committed on 2025-06-01) have no `Motivation` section"
    )
    without_history = checked(project.root, {}, "rfc")
    assert [f.path for f in without_history if f.rule == "DEC301"] == [
        "rfc/0001-cache.md",
        "rfc/0002-queue.md",
        "rfc/0003-pool.md",
    ]


def test_a_record_committed_with_its_template_is_not_asked_for_its_sections(
    project: Project,
) -> None:
    """napari's NAP-0, the process itself, came in the commit that added the template: it
    was not written from it. The one committed later is asked."""
    draft = "---\ntitle: {title}\nstatus: draft\n---\n\n## Summary\n\nS.\n\n## Plan\n\nP.\n"
    project.write("rfc/0001-process.md", draft.format(title="Process"))
    project.write("rfc/template.md", "# Title\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n")
    project.git_commit_all("process and template", "2025-06-01T09:00:00+00:00")
    project.write("rfc/0002-pool.md", draft.format(title="Pool"))
    project.git_commit_all("a proposal", "2025-07-01T09:00:00+00:00")
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}})
    corpus = load_corpus(
        project.root, project.root / "docs", settings, project_history(project.root, settings)
    )
    found = [f for f in run_checks(corpus, settings) if f.rule == "DEC301"]
    assert [(f.path, f.severity) for f in found] == [
        ("rfc/0001-process.md", Severity.INFO),
        ("rfc/0002-pool.md", Severity.ERROR),
    ]


RFC_TEMPLATE = (
    "# Title\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n"
    "## Detailed design\n\nHow.\n\n## Drawbacks\n\nX\n\n## Alternatives\n\nY\n"
)


def test_a_top_level_section_is_not_a_heading_inside_another_section(tmp_path: Path) -> None:
    """The template's `## Summary` is the record's own: a `### Summary` of the options
    under `## Proposal` is part of the proposal, and the record has no Summary."""
    record = (
        "# Faster caches\n\n## Background\n\nSlow.\n\n## Proposal\n\n### Option 1\n\nA\n\n"
        "### Option 2\n\nB\n\n### Summary\n\nA is simpler.\n"
    )
    findings = checked(
        tmp_path, {"rfc/template.md": RFC_TEMPLATE, "rfc/0001-caches.md": record}, "rfc"
    )
    found = [(f.position.line, f.message) for f in findings if f.rule == "DEC301"]
    assert found == [
        (1, "missing section `Summary` (`### Summary` at line 17 is part of `Proposal`)")
    ]


def test_sections_at_the_records_own_top_level_count(tmp_path: Path) -> None:
    """The record's top level is where its sections are: all `###` under a heading that
    is no section, or under a level-1 section, or all level-1 without a title."""
    nested = (
        "# Faster caches\n\n## Caches\n\n### Summary\n\nS\n\n### Motivation\n\nM\n\n"
        "### Detailed design\n\nD\n"
    )
    first_level = (
        "---\ntitle: Faster caches\n---\n\n# Motivation\n\nM\n\n## Summary\n\nS\n\n"
        "## Detailed design\n\nD\n"
    )
    all_level_one = "# Summary\n\nS\n\n# Motivation\n\nM\n\n# Detailed design\n\nD\n"
    files = {
        "rfc/template.md": RFC_TEMPLATE,
        "rfc/0001-nested.md": nested,
        "rfc/0002-first-level.md": first_level,
        "rfc/0003-all-level-one.md": all_level_one,
    }
    assert missing(checked(tmp_path, files, "rfc")) == []


def test_the_hints_follow_the_template(tmp_path: Path) -> None:
    """DEC306 suggests the template's own pros and cons (`` - `+` ``), and DEC301 the
    level and the section the template writes a missing section at."""
    template = (
        "# Title\n\n## Context and Problem Statement\n\nX\n\n## Considered Options\n\n"
        "- Option 1\n- Option 2\n\n## Decision Outcome\n\nX\n\n### Positive Consequences\n\n"
        "- X\n\n## Pros and Cons of the Options\n\n### Option 1\n\n- `+` A pro\n- `-` A con\n"
    )
    record = (
        "---\nstatus: accepted\ndate: 2024-05-02\ndeciders: [Ana]\n---\n\n# Use Postgres\n\n"
        "## Context and Problem Statement\n\nX\n\n## Considered Options\n\n- Postgres\n"
        "- MongoDB\n\n## Decision Outcome\n\nChosen option: Postgres, because X.\n\n"
        "## Pros and Cons of the Options\n\n### Postgres\n\n- `+` known\n\n"
        "### MongoDB\n\n- `+` flexible\n- `-` new\n"
    )
    files = {"adr/template.md": template, "adr/0001-postgres.md": record}
    found = {f.rule: (f.position.line, f.message, f.hint) for f in checked(tmp_path, files, "adr")}
    assert found["DEC306"] == (
        24,
        "option `Postgres` has no con (`` - `-` ... ``)",
        "Give the option at least one `` - `+` ... `` and one `` - `-` ... ``.",
    )
    assert found["DEC301"] == (
        7,
        "missing section `Positive Consequences` (required when accepted)",
        "add a `### Positive Consequences` section under `## Decision Outcome`",
    )


def test_a_template_with_an_implementation_section_and_no_status_asks_for_none(
    tmp_path: Path,
) -> None:
    """Flax's FLIPs: the template's `# Implementation` is a section on how, no place for
    a status; and its sections are "just a possible structure": none is asked for."""
    template = "- Start Date: (fill me in)\n- FLIP PR: [#0000](https://x.org/0)\n\n"
    template += "(Below sections are just a possible structure - please adapt to your FLIP.)\n\n"
    template += "# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy.\n\n# Implementation\n\nHow.\n"
    record = "- Start Date: 2023-01-01\n- FLIP PR: [#12](https://x.org/12)\n\n# Summary\n\nX\n"
    files = {"rfc/0000-template.md": template, "rfc/1009-optimizers.md": record}
    findings = checked(tmp_path, files, "rfc")
    assert [f.rule for f in findings if f.severity is Severity.ERROR] == []


def test_consequences_under_the_decision_outcome_are_the_records_own(tmp_path: Path) -> None:
    """Konflux's template writes `## Consequences` at its top; a record that keeps MADR's
    `### Consequences` under `## Decision Outcome` has them all the same."""
    template = "# Title\n\n## Context\n\nC\n\n## Decision\n\nD\n\n## Consequences\n\nE\n"
    record = "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Logs\n\n## Context\n\nC\n\n"
    record += "## Decision Outcome\n\nD\n\n### Consequences\n\n* Bad, because slow.\n"
    files = {"adr/0000-adr-template.md": template, "adr/0058-logs.md": record}
    found = [f.message for f in checked(tmp_path, files, "adr") if f.rule == "DEC301"]
    assert not any("Consequences" in message for message in found), found
