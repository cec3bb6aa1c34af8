"""Regressions found by building ADR collections that real projects wrote."""

from __future__ import annotations

from pathlib import Path

from mkdocs_decisions.corpus.links import Corpus
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.tradeoffs import option_titles

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
