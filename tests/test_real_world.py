"""Regressions found by building ADR collections that real projects wrote."""

from __future__ import annotations

from pathlib import Path

from mkdocs_decisions.catalogue.findings import Severity
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.links import Corpus
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.model import Record
from mkdocs_decisions.records.tradeoffs import option_titles
from test_readers import record

from conftest import VALID_BODY, VALID_RFC, Project, adr
from test_rules import findings_for


def records_in(root: Path, folder: str = "adr") -> Corpus:
    settings = settings_from_options({"kinds": {"adr": {"folder": folder}}})
    return load_corpus(root, root / "docs", settings)


def test_a_record_about_templates_is_not_a_template(tmp_path: Path) -> None:
    findings_for(
        tmp_path,
        {
            "adr/0019-consequences-in-minimal-template.md": adr(),
            "adr/adr-template-minimal.md": "# {title}\n",
            "adr/0000-template.md": "# Title\n",
        },
    )
    corpus = records_in(tmp_path)
    assert [r.path for r in corpus.records] == ["adr/0019-consequences-in-minimal-template.md"]
    assert corpus.skipped == ["adr/0000-template.md", "adr/adr-template-minimal.md"]


def test_a_decided_record_named_as_a_numbered_template_is_a_record(tmp_path: Path) -> None:
    """arsnova's `0001-adr-template.md` is the accepted ADR that chose the template: a
    name numbered other than zero with a decided status. A numbered template that
    states the choices, or no status, stays a template."""
    decided = "# ADR-0001: ADR-Template und Konventionen\n\n**Status:** Accepted\n"
    decided += "**Datum:** 2026-02-18\n\n## Kontext\n\nX\n"
    choices = "# ADR-NNNN: [Titel]\n\n**Status:** Proposed | Accepted\n\n## Kontext\n\nX\n"
    write_files(
        tmp_path,
        {
            "adr/0001-adr-template.md": decided,
            "adr/0002-adr-template.md": choices,
            "adr/0003-record-template.md": "# Title\n\n## Context\n",
        },
    )
    corpus = records_in(tmp_path)
    assert [r.path for r in corpus.records] == ["adr/0001-adr-template.md"]
    assert corpus.skipped == ["adr/0002-adr-template.md", "adr/0003-record-template.md"]


def test_titles_lose_a_repeated_id_and_letter_prefixed_names_are_numbered(
    tmp_path: Path,
) -> None:
    body = VALID_BODY.format(title="ADR-0012: Deprecate the type field")
    findings_for(
        tmp_path,
        {
            "adr/0012-deprecate.md": adr(front="status: proposed", body=body),
            "adr/adr002-catalog-format.md": adr("ADR002: Catalog file format"),
        },
    )
    corpus = records_in(tmp_path)
    titles = {r.id: r.title for r in corpus.records}
    assert titles == {
        "ADR-0002": "Catalog file format",
        "ADR-0012": "Deprecate the type field",
    }


def test_nygard_variants(tmp_path: Path) -> None:
    record = (
        "# Timestamp format\n\n### Status\n\nAccepted\n\n## Date\n\n2026-04-11\n\n"
        "## Alternatives considered\n\n* ISO 8601\n* `unix_epoch` seconds\n\n"
        "## Decision\n\nChosen option: **ISO**, because people read logs.\n"
    )
    findings = findings_for(tmp_path, {"adr/0001-timestamps.md": record})
    (parsed,) = records_in(tmp_path).records
    assert parsed.status == "accepted"
    assert parsed.date is not None and parsed.date.isoformat() == "2026-04-11"
    options = next(s for s in parsed.iter_sections() if s.key == "alternatives considered")
    assert option_titles(options) == ["ISO 8601", "unix_epoch seconds"]
    rules = {f.rule for f in findings}
    assert "DEC301" not in {f.rule for f in findings if "Considered Options" in f.message}
    assert "DEC304" not in rules


def test_dangling_successor_is_one_finding(tmp_path: Path) -> None:
    front = (
        "title: T\nstatus: superseded\ndate: 2026-03-02\ndeciders: [Ana]\nsuperseded_by: ADR-0014"
    )
    findings = findings_for(tmp_path, {"adr/0001-a.md": adr(front=front)})
    assert [f.rule for f in findings] == ["DEC201"]


def test_madr_layout_keeps_its_landing_page(project: Project) -> None:
    project.write(
        "docs/decisions/index.md",
        "---\ntitle: Decision log\nnav_order: 3\n---\n\n# ignored heading\n\nOur log.\n",
    )
    project.write("docs/decisions/0001-use-markdown.md", adr("Use `markdown_records`"))
    project.configure(plugin_options={"kinds": {"adr": {"folder": "docs/decisions"}}})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    landing = project.content("decisions/index.html")
    assert "Decision log</h1>" in landing and "Our log." in landing
    assert "nav_order" not in landing
    overall = project.content("decisions/all/index.html")
    assert 'href="../0001-use-markdown/"' in overall
    page = project.content("decisions/0001-use-markdown/index.html")
    # A code span in a title keeps its text; the title is plain text on the page.
    assert ">ADR-0001: Use markdown_records</h1>" in page


def test_odd_files_and_yaml_never_crash(project: Project) -> None:
    project.write("adr/0001-a.md", adr())
    (project.root / "adr/0002-gone.md").symlink_to("nowhere.md")
    project.write("adr/0003-self.md", adr(front="title: T\nstatus: accepted\ntags: &a [*a]"))
    project.write("adr/0004-stamp.md", adr(front="title: T\nstatus: accepted\ndate: !!timestamp x"))
    project.write("adr/0005-heading-only.md", "# Use Postgres\n")
    project.write("adr/0006-upper.MD", adr("Upper-case extension"))
    project.write("adr/0007-why?.md", adr("A question"))
    project.configure()
    checked = project.check()
    assert "Traceback" not in checked.stderr
    for expected in (
        "adr/0002-gone.md:1:1: DEC012",
        "adr/0003-self.md:4:7: DEC007",
        "adr/0004-stamp.md:4:7: DEC007",
        "adr/0005-heading-only.md:1:1: DEC102",
    ):
        assert expected in checked.stdout, expected
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "ADR-0006: Upper-case extension" in project.content("adr/0006-upper/index.html")
    assert 'href="0007-why%3F/"' in project.content("adr/index.html")


def test_symlinked_record_folder_keeps_its_paths(project: Project) -> None:
    """A folder link inside the repository works (one outside is refused: test_hardening)."""
    shared = project.root / "shared" / "adr"
    shared.mkdir(parents=True)
    (shared / "0001-a.md").write_text(adr(front="title: T\nstatus: [x]"), encoding="utf-8")
    (project.root / "adr").symlink_to(shared)
    project.configure()
    result = project.check("adr/0001-a.md")
    assert result.returncode == 1
    assert result.stdout.startswith("adr/0001-a.md:3:9: DEC007")


def test_folder_written_with_dot_slash(tmp_path: Path) -> None:
    settings = settings_from_options({"kinds": {"adr": {"folder": "./decisions/"}}})
    assert settings.kinds["adr"].folder == "decisions"


def test_index_wins_over_readme_and_the_other_is_reported(tmp_path: Path) -> None:
    findings_for(
        tmp_path,
        {"adr/README.md": "# Readme\n", "adr/index.md": "# Index\n", "adr/0001-a.md": adr()},
    )
    corpus = records_in(tmp_path)
    assert [page.source.path for page in corpus.landing_pages] == ["adr/index.md"]
    assert corpus.skipped == ["adr/README.md"]
    assert [r.path for r in corpus.records] == ["adr/0001-a.md"]


def test_pictures_and_parts_beside_records_are_published_with_them(project: Project) -> None:
    """adr/images/topo.png and rfc/img/flow.svg are copied into the site, so the
    records' relative links work and `--strict` passes; a record's own folder of parts
    (text/0012-x/ beside 0012-x.md) becomes pages, not records."""
    project.write(
        "adr/0001-a.md",
        adr() + "\nSee ![the topology](images/topo.png) and [the notes](0001-a/notes.md).\n",
    )
    (project.root / "adr/images").mkdir(parents=True)
    (project.root / "adr/images/topo.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    project.write("adr/0001-a/notes.md", "# Notes\n\nWhat the meeting said.\n")
    project.write("rfc/0001-b.md", VALID_RFC + "\n![flow](img/flow.svg)\n")
    project.write("rfc/img/flow.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert (project.root / "site/adr/images/topo.png").read_bytes().startswith(b"\x89PNG")
    assert (project.root / "site/rfc/img/flow.svg").exists()
    assert "What the meeting said" in project.html("adr/0001-a/notes/index.html")
    corpus = records_in(project.root)
    assert [r.path for r in corpus.records if r.kind == "adr"] == ["adr/0001-a.md"]


def test_a_record_folder_inside_docs_publishes_no_template_and_no_second_landing_page(
    project: Project,
) -> None:
    """log4brains' layout: docs/adr/ with README.md beside index.md, and a template."""
    project.write("docs/index.md", "# Home\n")
    project.write("docs/adr/index.md", "# Decisions\n\nHow we decide.\n")
    project.write("docs/adr/README.md", "# Read me\n")
    project.write("docs/adr/template.md", "---\ntitle: T\nstatus: proposed\n---\n# T\n")
    project.write("docs/adr/0001-a.md", adr())
    project.configure(plugin_options={"kinds": {"adr": {"folder": "docs/adr"}}})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "conflicts with" not in result.stderr
    assert not (project.root / "site/adr/template/index.html").exists()
    assert "How we decide" in project.html("adr/index.html")


def test_links_to_the_template_name_it_and_lead_nowhere(project: Project) -> None:
    """LTB's README: "please use [adr-template.md](adr-template.md)"; the template is not
    published, so the folder's page and the records name it as text and --strict
    passes (MkDocs' own setting for links not found is left as it is)."""
    project.write("docs/index.md", "# Home\n")
    project.write(
        "docs/adr/README.md",
        "# Decisions\n\nFor new ADRs, please use [adr-template.md](adr-template.md).\n",
    )
    project.write("docs/adr/adr-template.md", "# [short title]\n\n## Context\n\nX\n")
    project.write("docs/adr/FAQ.md", "# Questions\n\nWhy ADRs?\n")
    body = VALID_BODY + "\nWritten from [the template](./adr-template.md#context).\n"
    body += "\nSee [the questions](FAQ.md).\n\n```\n[a link in code](adr-template.md)\n```\n"
    project.write("docs/adr/0001-a.md", adr(body=body))
    project.configure(plugin_options={"kinds": {"adr": {"folder": "docs/adr"}}})
    (project.root / "mkdocs.yml").write_text(
        (project.root / "mkdocs.yml").read_text() + "validation:\n  links:\n    not_found: warn\n"
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "please use <code>adr-template.md</code>." in project.html("adr/index.html")
    page = project.html("adr/0001-a/index.html")
    assert "Written from the template (<code>adr-template.md</code>)." in page
    assert 'href="../FAQ/"' in page  # a page of the folder: the link stays
    assert "[a link in code](adr-template.md)" in page


# --- the fifth round of trials: 14 collections new to the tool -------------------------

NYGARD = "## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nBad, because slow.\n"


def write_files(root: Path, files: dict[str, str]) -> None:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def rfcs_in(root: Path, files: dict[str, str], folder: str = "rfc") -> Corpus:
    write_files(root, files)
    options = {"kinds": {"rfc": {"folder": folder}, "adr": {"enabled": False}}}
    return load_corpus(root, root / "docs", settings_from_options(options))


def test_headings_pasted_with_a_no_break_space_or_decorated_with_emoji(tmp_path: Path) -> None:
    findings_for(
        tmp_path,
        {
            "adr/0001-a.md": "# A\n\n##\u00a0Status\n\nApproved\n\n" + NYGARD,
            "adr/0002-b.md": "# B\n\n## :memo: État\n\nAccepté\n\n" + NYGARD,
            "adr/0003-c.md": "# C\n\n## \U0001f4dd Status\n\nRejected\n\n" + NYGARD,
            "adr/0004-d.md": "#4. Automatic code merging\n\n## Status\n\nAccepted\n\n" + NYGARD,
        },
    )
    by_path = {r.path: r for r in records_in(tmp_path).records}
    assert [by_path[f"adr/000{n}-{c}.md"].status for n, c in ((1, "a"), (2, "b"), (3, "c"))] == [
        "accepted",
        "accepted",
        "rejected",
    ]
    assert by_path["adr/0004-d.md"].title == "Automatic code merging"


def test_status_values_with_a_date_a_pipe_or_a_release(tmp_path: Path) -> None:
    corpus = rfcs_in(
        tmp_path,
        {
            "rfc/0001-a.md": "# A\n\n## Status\n\n2020-03-25 accepted\n",
            "rfc/0002-b.md": "# B\n\n- Status: proposed | partially superseded by [C](0003-c.md)\n",
            "rfc/0003-c.md": "# C\n\n**Status:** Released Cilium 1.17\n",
            "rfc/0004-d.md": "# D\n\n**Status:**\n\nImplementable\n",
            "rfc/0005-e.md": "# E\n\n- Status: {proposed | accepted}\n",
        },
    )
    read = {r.id: (r.raw_status, r.status) for r in corpus.records}
    assert read["RFC-0002"][0] == "proposed"
    del read["RFC-0002"]
    assert read == {
        "RFC-0001": ("accepted", "accepted"),
        "RFC-0003": ("Released", "implemented"),
        "RFC-0004": ("Implementable", "accepted"),
        "RFC-0005": (None, None),  # the template's choice, left as it was
    }


def test_rfc_process_labels_and_lists_below_a_label(tmp_path: Path) -> None:
    corpus = rfcs_in(
        tmp_path,
        {
            "rfc/CFP-1-a.md": "# CFP-1: A\n\n**Begin Design Discussion:** 2024-01-19\n",
            "rfc/CFP-2-b.md": "# CFP-2: B\n\n**Begin Design Discussion: 2024-08-28**\n",
            "rfc/20251028-x.md": (
                "# X\n\n- Author(s):\n    - Cassie Coyle (@c)\n    - Bo Li\n"
                "- Introduced 10/28/2025\n\n## Overview\n\nx\n"
            ),
            "rfc/CFP-3-c.md": (
                "# CFP-2024-06-12: Packet Tracing\n\n## Meta\n**Status:** Implementable\n"
                "**Begin Design Discussion:** Jun 12, 2024\n**Authors:** Ben B\n\n## Summary\n\nx\n"
            ),
            "rfc/CFP-4-d.md": "# Cilium Feature Proposal: Profiles\n\n## Summary\n\nx\n",
        },
    )
    read = {r.path.split("/")[1]: r for r in corpus.records}
    assert str(read["CFP-1-a.md"].date) == "2024-01-19"
    assert str(read["CFP-2-b.md"].date) == "2024-08-28"
    assert read["20251028-x.md"].strings("authors") == ("Cassie Coyle", "Bo Li")
    assert str(read["20251028-x.md"].date) == "2025-10-28"
    meta = read["CFP-3-c.md"]
    assert (meta.title, meta.raw_status, str(meta.date)) == (
        "Packet Tracing",
        "Implementable",
        "2024-06-12",
    )
    assert meta.strings("authors") == ("Ben B",)
    assert read["CFP-4-d.md"].title == "Profiles"


def test_a_slash_date_reads_month_first_when_the_file_name_says_so(tmp_path: Path) -> None:
    corpus = rfcs_in(
        tmp_path,
        {
            "rfc/20230406-x.md": "# X\n\n* Date: 04/06/2023\n",
            "rfc/20230604-y.md": "# Y\n\n* Date: 04/06/2023\n",  # day first, as named
            "rfc/0003-z.md": "# Z\n\n* Date: 04/06/2023\n",  # no name to tell: day first
        },
    )
    read = {r.path: str(r.date) for r in corpus.records}
    assert read == {
        "rfc/0003-z.md": "2023-06-04",
        "rfc/20230406-x.md": "2023-04-06",
        "rfc/20230604-y.md": "2023-06-04",
    }
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}})
    hints = [f.hint for f in run_checks(corpus, settings) if f.rule == "DEC014"]
    assert "write it as 2023-04-06" in hints


def test_titles_in_template_brackets_slugs_ids_and_templates_with_a_number(
    tmp_path: Path,
) -> None:
    findings_for(
        tmp_path,
        {
            "adr/0009-fhirpath.md": "# [0010]. [FHIRPath Python Module]\n\n" + NYGARD,
            "adr/0011-helm-controller.md": "# 011-greenhouse-helm-controller\n\n" + NYGARD,
            "adr/0005-factor.md": "# 12-factor-app\n\n" + NYGARD,
            "adr/0013-bgp-auto-discovery.md": "# ADR-0013\n\n" + NYGARD,
            "adr/0014-doc-plan.md": "# ADR-003: Template\n\n" + NYGARD,
            "adr/ADR-003-template.md": "# ADR-003: Template\n\n" + NYGARD,
        },
    )
    corpus = records_in(tmp_path)
    titles = {r.id: r.title for r in corpus.records}
    assert titles == {
        "ADR-0009": "FHIRPath Python Module",
        "ADR-0011": "greenhouse-helm-controller",
        "ADR-0005": "12-factor-app",
        "ADR-0013": "Bgp auto discovery",  # only its id: the file name says more
        "ADR-0014": "Doc plan",  # the template's title, left as it was
    }
    assert "adr/ADR-003-template.md" in corpus.skipped


def test_metadata_lists_in_brackets_and_after_a_stray_dash(tmp_path: Path) -> None:
    findings_for(
        tmp_path,
        {
            "adr/0001-a.md": (
                "# A\n\n- Status: accepted\n- Deciders: [Abhijith R., David G.] <!-- optional -->\n"
                "- Tags: [greenhouse / operators]\n\n" + NYGARD
            ),
            "adr/0002-b.md": "# B\n\n- Status: accepted\n- Deciders: - Arno U, Dana K\n\n" + NYGARD,
        },
    )
    read = {r.id: r for r in records_in(tmp_path).records}
    assert read["ADR-0001"].strings("deciders") == ("Abhijith R.", "David G.")
    assert read["ADR-0001"].strings("tags") == ("greenhouse", "operators")
    assert read["ADR-0002"].strings("deciders") == ("Arno U", "Dana K")


def test_record_zero_among_numbered_records_and_zeros_of_a_process(tmp_path: Path) -> None:
    findings_for(
        tmp_path,
        {
            "adr/000-record-decisions.md": "# Record decisions\n\n## Status\n\nAccepted\n\n"
            + NYGARD,
            "adr/001-a.md": "# A\n\n## Status\n\nAccepted\n\n" + NYGARD,
            "adr/002-b.md": "# B\n\n## Status\n\nAccepted\n\n" + NYGARD,
            "adr/reviews/000-format.md": "# Format\n\n## Status\n\nAccepted\n\n" + NYGARD,
            "adr/reviews/001-x.md": "# X\n\n## Status\n\nAccepted\n\n" + NYGARD,
            "adr/reviews/002-y.md": "# Y\n\n## Status\n\nAccepted\n\n" + NYGARD,
        },
    )
    corpus = records_in(tmp_path)
    ids = {r.path: r.id for r in corpus.records}
    assert ids["adr/000-record-decisions.md"] == "ADR-0000"
    assert ids["adr/reviews/000-format.md"] == "REVIEWS-0000"  # the sub-folder's series
    assert not [f for f in corpus.findings if f.rule == "DEC103"]
    yarn = tmp_path / "yarn"
    for name in ("0000-a.md", "0000-b.md", "0001-c.md", "0002-d.md"):
        (yarn / "adr").mkdir(parents=True, exist_ok=True)
        (yarn / "adr" / name).write_text("# T\n\n" + NYGARD, encoding="utf-8")
    assert {r.id for r in records_in(yarn).records} >= {"0000-a", "0000-b"}


def test_folders_of_unnumbered_stages_are_records_and_versions_are_no_numbers(
    tmp_path: Path,
) -> None:
    status = "## Status\n\nAccepted\n\n"
    corpus = rfcs_in(
        tmp_path,
        {
            "design/design-doc-packages.md": "# Packages\n\n* Status: Accepted\n",
            "design/design-doc-packages-v2.md": "# Packages v2\n\n* Status: Accepted\n",
            "design/defunct/design-doc-packages.md": "# Old packages\n\n* Status: Defunct\n",
            "design/defunct/one-pager-x.md": "# X\n\n* Status: Defunct\n",
            "adrs/0001-a.md": "# A\n\n" + status,
            "adrs/0002-b.md": "# B\n\n" + status,
            "adrs/proposed-adrs/rendering-type.md": "# Rendering type\n\n## Status: Proposed\n",
            "adrs/notes/meeting.md": "# Meeting\n\nnotes\n",
        },
        folder="design",
    )
    paths = sorted(r.path for r in corpus.records)
    assert paths == [
        "design/defunct/design-doc-packages.md",
        "design/defunct/one-pager-x.md",
        "design/design-doc-packages-v2.md",
        "design/design-doc-packages.md",
    ]
    assert not [f for f in corpus.findings if f.rule == "DEC103"]  # file names, two folders
    adrs = records_in(tmp_path, "adrs")
    assert "adrs/proposed-adrs/rendering-type.md" in {r.path for r in adrs.records}
    assert "adrs/notes/meeting.md" not in {r.path for r in adrs.records}


def test_records_in_folders_named_by_date_and_days_without_zeros(tmp_path: Path) -> None:
    corpus = rfcs_in(
        tmp_path,
        {
            "reps/2022-03-09-shuffle.md": "# Shuffle\n\n## Summary\n\nx\n",
            "reps/2023-8-18-ray-on-spark.md": "## Summary\n\nx\n",
            "reps/2024-10-18-train-api/2024-10-18-train-api.md": "# Train API\n\nx\n",
            "reps/2024-10-18-train-api/figure.png": "png",
        },
        folder="reps",
    )
    read = {r.path: (r.title, str(r.date)) for r in corpus.records}
    assert read == {
        "reps/2022-03-09-shuffle.md": ("Shuffle", "2022-03-09"),
        "reps/2023-8-18-ray-on-spark.md": ("Ray on spark", "2023-08-18"),
        "reps/2024-10-18-train-api/2024-10-18-train-api.md": ("Train API", "2024-10-18"),
    }


def test_a_folder_of_records_in_another_format_gives_one_note_per_rule(tmp_path: Path) -> None:
    status = "## Status\n\nAccepted\n\n"
    files = {f"adr/000{n}-r.md": f"# R{n}\n\n{status}{NYGARD}" for n in range(1, 6)}
    files.update(
        {
            f"adr/reviews/00{n}-review.md": f"# Review {n}\n\n## Metadata\n\n- Date: 2021-0{n}-01\n"
            "\n## Findings\n\nx\n"
            for n in range(1, 5)
        }
    )
    findings = findings_for(tmp_path, files)
    reviews = [f for f in findings if f.path.startswith("adr/reviews/")]
    errors = [f for f in reviews if f.severity is Severity.ERROR]
    assert errors == []
    notes = {(f.rule, f.path) for f in reviews}
    assert ("DEC102", "adr/reviews/001-review.md") in notes
    assert ("DEC301", "adr/reviews/001-review.md") in notes
    assert any("most records in `reviews/` state no status" in f.message for f in reviews)
    dated = {r.path: str(r.date) for r in records_in(tmp_path).records}
    assert dated["adr/reviews/002-review.md"] == "2021-02-01"  # the Metadata section's list


def test_a_successor_named_on_the_line_after_superseded_by(tmp_path: Path) -> None:
    findings = findings_for(
        tmp_path,
        {
            "adr/0001-a.md": "# A\n\n## Status\n\nSuperseded by\n[0002-b.md](0002-b.md).\n\n"
            + NYGARD,
            "adr/0002-b.md": "# B\n\n## Status\n\nAccepted\n\n" + NYGARD,
        },
    )
    assert not [f for f in findings if f.rule in ("DEC105", "DEC201")]
    first = next(r for r in records_in(tmp_path).records if r.id == "ADR-0001")
    assert [r.target for r in first.references if r.relation == "superseded_by"] == [
        "adr/0002-b.md"
    ]


def test_pros_and_cons_in_rating_tables_and_sections_that_are_no_options(
    tmp_path: Path,
) -> None:
    record = (
        "---\ntitle: Access\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\n---\n"
        "# Access\n\n## Context and Problem Statement\n\nWho may see what.\n\n"
        "## Considered Options\n\n* Teams\n* Plugins\n\n## Decision Outcome\n\n"
        "Chosen option: Teams, because it is simple.\n\n"
        "### Consequences\n\n* Good, because simple.\n* Bad, because coarse.\n\n"
        "## Pros and Cons of the Options\n\n### Teams\n\nAccess by team.\n\n"
        "* Teams own plugins\n\n| Criterion | Rating | Why |\n|---|---|---|\n"
        "| Transparency | +++ | Good, because everyone sees who has access |\n"
        "| Flexibility | --- | Bad, because a plugin cannot say more |\n\n"
        "### Plugins\n\n* Good, because flexible.\n* Bad, because opaque.\n\n"
        "### General comments (Arno)\n\n* We should revisit this.\n\n"
        "### Consequences\n\n* Teams must be kept up to date.\n"
    )
    findings = findings_for(tmp_path, {"adr/0001-access.md": record})
    assert [f.message for f in findings if f.rule == "DEC306"] == []


def test_a_series_named_in_lower_case_and_versions_in_file_names(tmp_path: Path) -> None:
    front = '---\nhip: "0001"\ntitle: "Writing a HIP"\nstatus: "accepted"\n---\n\n## A\n\nx\n'
    corpus = rfcs_in(
        tmp_path,
        {
            "hips/hip-0001.md": front,
            "hips/hip-0002.md": front.replace("0001", "0002"),
            "hips/archives/monocular/1.0-improvements.md": "# Monocular 1.0\n\nx\n",
            "hips/archives/helm/001-charts.md": "# Charts\n\nx\n",
            "hips/archives/helm/002-hooks.md": "# Hooks\n\nx\n",
            "hips/archives/helm/003-values.md": "# Values\n\nx\n",
        },
        folder="hips",
    )
    ids = {r.path: r.id for r in corpus.records}
    assert ids["hips/hip-0001.md"] == "HIP-0001"
    assert ids["hips/archives/monocular/1.0-improvements.md"] != "RFC-0001"
    hip = next(r for r in corpus.records if r.id == "HIP-0001")
    assert [key for key, _ in hip.unknown_keys] == []  # `hip:` is its number in its series
    settings = settings_from_options({"kinds": {"rfc": {"folder": "hips"}}})
    findings = run_checks(corpus, settings)
    archived = [f for f in findings if f.path.startswith("hips/archives/")]
    assert not [f for f in archived if f.severity is Severity.ERROR and f.rule != "DEC107"]
    assert {f.rule for f in archived if f.severity is Severity.INFO} >= {"DEC102", "DEC301"}


def test_docusaurus_folder_page_handles_and_a_date_heading_under_front_matter(
    tmp_path: Path,
) -> None:
    """A sixth round: `ADRs/ADRs.md` is the folder's page (Docusaurus' category index),
    `@a @b` are two people, and a `## Date:` heading that gives what the front matter
    does not is shown once, in the header."""
    files = {
        "ADRs/ADRs.md": "---\ntitle: ADR Overview\n---\n\n## Overarching ADRs\n\n* [A](a.md)\n",
        "ADRs/a.md": "---\ntitle: 'ADR: Logging levels'\n---\n\n## Date: 2025-03-20\n\n"
        "## Background\n\nx\n\n## Decision\n\ny\n",
        "ADRs/b.md": "# B\n\n* Status: accepted\n* Deciders: @KPostOffice @fridex\n\n" + NYGARD,
    }
    write_files(tmp_path, files)
    corpus = records_in(tmp_path, "ADRs")
    assert sorted(r.path for r in corpus.records) == ["ADRs/a.md", "ADRs/b.md"]
    assert [page.source.path for page in corpus.landing_pages] == ["ADRs/ADRs.md"]
    read = {r.path: r for r in corpus.records}
    assert read["ADRs/b.md"].strings("deciders") == ("@KPostOffice", "@fridex")
    dated = read["ADRs/a.md"]
    assert (dated.title, str(dated.date)) == ("Logging levels", "2025-03-20")
    assert dated.hidden_lines == frozenset({5})


def test_a_first_heading_that_names_its_section_and_the_title(tmp_path: Path) -> None:
    """Ray's REPs open with `## Summary - Serve Pipeline` and no title heading: the
    title is "Serve Pipeline", and the section is the summary; `## Status: Accepted`
    stays a status."""
    corpus = rfcs_in(
        tmp_path,
        {
            "reps/2022-03-08-serve.md": "## Summary - Serve Pipeline\n\nx\n\n## Motivation\n\ny\n",
            "reps/2022-03-09-b.md": "## Status: Accepted\n\n## Summary\n\nx\n",
        },
        folder="reps",
    )
    read = {r.path: r for r in corpus.records}
    serve = read["reps/2022-03-08-serve.md"]
    assert serve.title == "Serve Pipeline"
    assert [s.key for s in serve.sections] == ["summary", "motivation"]
    other = read["reps/2022-03-09-b.md"]
    assert (other.title, other.raw_status) == ("B", "Accepted")


def test_options_as_the_sub_items_of_one_lead_bullet(tmp_path: Path) -> None:
    record = (
        "# Bump images\n\n* Status: accepted\n* Deciders: Ana\n* Date: 2022-03-01\n\n"
        "## Context and Problem Statement\n\nManual bumps.\n\n## Considered Options\n\n"
        "* Implement a script to bump the base images.\n"
        "    * 1) Integrate this script in the CI pipeline\n"
        "    * 2) Integrate this script in the bot\n\n"
        "## Decision Outcome\n\nChosen option: 1). It runs in the pipeline for now.\n"
    )
    findings = findings_for(tmp_path, {"adr/0005-bump.md": record})
    assert not [f for f in findings if f.rule in ("DEC303", "DEC304")]
    (parsed,) = records_in(tmp_path).records
    options = next(s for s in parsed.iter_sections() if s.key == "considered options")
    assert option_titles(options) == [
        "1) Integrate this script in the CI pipeline",
        "2) Integrate this script in the bot",
    ]


def test_a_missing_section_is_named_as_the_collection_writes_it(tmp_path: Path) -> None:
    status = "## Status\n\nAccepted\n\n"
    files = {f"adr/000{n}-r.md": f"# R{n}\n\n{status}{NYGARD}" for n in range(1, 4)}
    files["adr/0004-s.md"] = (
        "# S\n\n## Status\n\nAccepted\n\n## Decision\n\nWhat.\n\n## Consequences\n\nBad.\n"
    )
    findings = findings_for(tmp_path, files)
    missing = [(f.message, f.hint) for f in findings if f.rule == "DEC301"]
    assert missing == [("missing section `Context`", "add a `## Context` section")]


# --- the sixth round: nine collections new to the tool ---------------------------------


def test_metadata_in_an_html_table_and_the_template_numbered_zero(tmp_path: Path) -> None:
    """conda's CEPs: an HTML table of metadata (a row without its `</tr>`, a value on
    several lines, entities), `<code>` in the title, a changelog whose entry says when
    it was accepted, and `cep-0000.md` as the template."""
    table = (
        "# CEP {n} - Serving <code>run_exports</code> metadata\n\n<table>\n"
        "<tr><td> Title </td><td> Serving run_exports metadata </td>\n"
        "<tr><td> Status </td><td> {status} </td></tr>\n"
        "<tr><td> Author(s) </td><td>\n  Ana Silva &lt;ana@example.com&gt;,\n  Bo Li\n</td></tr>\n"
        "<tr><td> Created </td><td> Jun 29, 2021</td></tr>\n</table>\n\n"
        "## Abstract\n\nx\n\n## Changelog\n\n- 2026-04-17: Editorial fixes.\n"
        "- 2024-07-22: Accepted.\n- 2021-06-29: Submitted.\n"
    )
    corpus = rfcs_in(
        tmp_path,
        {
            "ceps/cep-0000.md": "# CEP 0 - A short title of the proposal\n\n<table>\n"
            "<tr><td> Status </td><td> Draft | Proposed | Accepted </td></tr>\n</table>\n\n"
            "## Abstract\n\nx\n",
            "ceps/cep-0001.md": table.format(n=1, status="Accepted"),
            "ceps/cep-0002.md": table.format(n=2, status="Implemented"),
        },
        folder="ceps",
    )
    assert [r.path for r in corpus.records] == ["ceps/cep-0001.md", "ceps/cep-0002.md"]
    assert [t.path for t in corpus.templates if t] == ["ceps/cep-0000.md"]
    first = corpus.records[0]
    assert (first.title, first.raw_status, str(first.date)) == (
        "Serving run_exports metadata",
        "Accepted",
        "2024-07-22",
    )
    assert first.strings("authors") == ("Ana Silva", "Bo Li")
    assert len(first.hidden_lines) == 7  # the table: not shown again below the header


def test_a_table_row_with_the_templates_comment_and_a_foreign_kind_key(tmp_path: Path) -> None:
    corpus = rfcs_in(
        tmp_path,
        {
            "rfc/0005-a.md": "# RFC 0005: A\n\n| | |\n|---|---|\n| Status | `ACCEPTED` | "
            "<!-- Possible values: DRAFT, ACCEPTED --> |\n\n## Summary\n\nx\n",
            "rfc/0006-b.md": "---\nkind: SID\nstatus: shipped\ntitle: B\n---\n\n"
            "**By: Martin O and Lukas R**\n\nThis was an older SID that can be found "
            "[here](https://example.org/sid/6)\n",
            "rfc/0007-c.md": "---\nkind: RFC\n---\n\n# C\n\n## Status\n\nAccepted\n",
            "rfc/0008-d.md": "---\nkind: rfcc\n---\n\n# D\n",
        },
    )
    read = {r.path: r for r in corpus.records}
    assert read["rfc/0005-a.md"].raw_status == "ACCEPTED"
    assert read["rfc/0006-b.md"].strings("authors") == ("Martin O", "Lukas R")
    assert read["rfc/0007-c.md"].kind == "rfc"  # the kind's name in capitals
    kinds = {(f.path, f.severity) for f in corpus.findings if f.rule == "DEC007"}
    assert kinds == {("rfc/0006-b.md", Severity.INFO), ("rfc/0008-d.md", Severity.ERROR)}
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}})
    pointer = [f for f in run_checks(corpus, settings) if f.path == "rfc/0006-b.md"]
    assert not [f for f in pointer if f.rule == "DEC301"]  # the record is kept elsewhere


def test_alternatives_with_a_word_before_them(tmp_path: Path) -> None:
    record = (
        "---\ntitle: Unroll\nstatus: accepted\ndate: 2024-01-02\nauthors: [Li]\n---\n\n"
        "## Summary\n\nx\n\n## Motivation\n\ny\n\n## Design\n\nz\n\n"
        "## Major Alternatives\n\nw\n\n## Drawbacks\n\nv\n"
    )
    corpus = rfcs_in(tmp_path, {"rfc/0061-unroll.md": record})
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}})
    assert not [f for f in run_checks(corpus, settings) if f.rule == "DEC301"]


def test_a_history_table_dates_a_record_by_its_first_row(tmp_path: Path) -> None:
    corpus = rfcs_in(
        tmp_path,
        {
            "content/062-x.md": "---\ntitle: X\nstatus: under-review\n---\n\n## History\n\n"
            "| Date | Version |\n|---|---|\n| June 6th 2023 | Initial Draft |\n"
            "| Feb 15th 2024 | Reviewed Version |\n\n## Summary\n\nx\n",
        },
        folder="content",
    )
    (record,) = corpus.records
    assert str(record.date) == "2023-06-06"


def test_a_replaced_record_marked_in_prose_with_a_route_to_its_successor(
    tmp_path: Path,
) -> None:
    """Unleash writes no status: a replaced ADR opens its first section with
    `SUPERSEDED BY [ADR: ...](/contributing/ADRs/front-end/x)`, a Docusaurus route."""
    files = {
        "contributing/ADRs/front-end/styling.md": "---\ntitle: 'ADR: Styling'\n---\n\n"
        "## Background\n\nx\n\n## Decision\n\ny\n",
        "contributing/ADRs/front-end/deprecated/imports.md": "---\ntitle: 'ADR: Imports'\n"
        "---\n\n## Background\n\nSUPERSEDED BY [ADR: Styling](/contributing/ADRs/front-end/"
        "styling)\n\nWe placed imports first.\n\n## Decision\n\ny\n",
    }
    write_files(tmp_path, files)
    corpus = records_in(tmp_path, "contributing/ADRs")
    old = next(r for r in corpus.records if "deprecated" in r.path)
    assert old.status == "superseded"
    assert [r.path for r in corpus.successors(old)] == ["contributing/ADRs/front-end/styling.md"]


def test_companions_named_with_a_letter_after_the_number_are_pages_of_their_record(
    tmp_path: Path,
) -> None:
    """Alliander keeps each ADR's approval record beside it as `0012D-x.md`: a page of
    ADR-0012, not a record without a status; a lone `0005a-x.md` is a record of its own."""
    approval = "---\nnav_order: ADR.{0}D\n---\n\n# Decision Approval Record List\n"
    files = {"adr/0005a-amend-x.md": adr("Amend the fifth")}
    for number in (1, 2, 3):
        files[f"adr/000{number}-choice-{number}.md"] = adr(f"Choice {number}")
        files[f"adr/000{number}D-choice-{number}.md"] = approval.format(number)
    findings_for(tmp_path, files)
    corpus = records_in(tmp_path)
    assert sorted(r.path for r in corpus.records) == [
        "adr/0001-choice-1.md",
        "adr/0002-choice-2.md",
        "adr/0003-choice-3.md",
        "adr/0005a-amend-x.md",
    ]
    assert "adr/0002D-choice-2.md" in corpus.skipped


def parse_text(text: str, path: str) -> Record:
    return record(text, path, "rfc")


def test_a_feature_name_in_words_is_the_title_and_an_identifier_is_not() -> None:
    """RubyGems and Pony RFCs start with `- Feature Name: Add gem exec command` over a
    `# Summary` heading: that is the title. Rust's `- Feature Name: my_awesome_feature`
    is an identifier, and the file name says more."""
    lines = "- Feature Name: {0}\n- Start Date: 2023-01-24\n\n# Summary\n\nRun a gem's tool.\n"
    prose = parse_text(lines.format("Add `gem exec` to run a tool"), "rfc/0008-gem-exec.md")
    assert prose.title == "Add gem exec to run a tool"
    ident = parse_text(lines.format("`gem_exec`"), "rfc/0008-gem-exec.md")
    assert ident.title == "Gem exec"
    assert parse_text(lines.format("(fill me in)"), "rfc/0008-gem-exec.md").title == "Gem exec"


def test_a_status_word_before_its_date_and_successor() -> None:
    """Pony: `# Status` then `Withdrawn 2026-05-13 by [RFC 85](0085-x.md).`"""
    text = "# Typed literals\n\n# Status\n\nWithdrawn 2026-05-13 by [RFC 85](0085-x.md).\n"
    assert parse_text(text, "rfc/0053-typed-literals.md").raw_status == "Withdrawn"


def test_tags_that_say_what_the_document_is_are_no_part_of_the_title() -> None:
    """Flyte: `# [RR] Typing Metadata`, `# Out of Core Plugin [RFC]`, `# Config Overrides
    RFC`; `# [RFC Template] Title` is the template's title: the file name gives it."""
    cases = {
        "# [RR] Typing Metadata": "Typing Metadata",
        "# Out of Core Plugin [RFC]": "Out of Core Plugin",
        "# Config Overrides RFC": "Config Overrides",
        "# [RFC Template] Title": "Console ui upgrade",
        "# [RFC][BXL] Streamed Output in BXL": "Streamed Output in BXL",  # buck2: a topic
    }
    for heading, title in cases.items():
        text = f"{heading}\n\n## Summary\n\nA change.\n"
        assert parse_text(text, "rfc/RFC-0012-console-ui-upgrade.md").title == title, heading


def test_a_status_section_that_keeps_a_dated_history_gives_its_last_status() -> None:
    """Amsterdam's Nygard records: `## Status` lists `2020-09-16 Proposed` then
    `2020-09-22 Accepted`; one that ends `Superseded by [0014](..)` is superseded."""
    history = "# Use a queue\n\n## Status\n\n2020-09-16 Proposed\n2020-09-22 Accepted\n{0}\n"
    accepted = record(history.format(""), "adr/0006-queue.md")
    assert (accepted.raw_status, accepted.status) == ("Accepted", "accepted")
    replaced = record(history.format("Superseded by [0014](0014-x.md)"), "adr/0010-queue.md")
    assert replaced.status == "superseded"
    one = record("# Use a queue\n\n## Status\n\n2020-09-16 Proposed\n", "adr/0007-queue.md")
    assert one.status == "proposed"
