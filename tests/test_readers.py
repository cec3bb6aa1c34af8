"""The readers against the ways teams write records, one minimal fixture per pattern.

Every fixture here is written for this test: a few lines that reproduce a pattern seen
in real collections (titles, statuses, metadata lines and tables, options, the chosen
option, pros and cons), with the value the reader must give, or the finding it must
raise and where, or that it must raise none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mkdocs_decisions.catalogue.findings import Finding, Position, Severity
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.links import Corpus
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.body import scan_body, section_key
from mkdocs_decisions.records.discovery import discover, is_template, root_places
from mkdocs_decisions.records.kinds import default_kinds, section_names
from mkdocs_decisions.records.model import ListItem, Record, Section
from mkdocs_decisions.records.parse import SourceFile, parse_record
from mkdocs_decisions.records.tradeoffs import (
    Option,
    argument_kind,
    chosen_options,
    considered_options,
    find_section,
    is_con,
    is_pro,
)

KINDS = default_kinds()
SECTION_NAMES = section_names(KINDS)


def parse(
    text: str, path: str = "adr/0001-x.md", kind: str = "adr"
) -> tuple[Record, list[Finding]]:
    source = SourceFile(source_path=f"/project/{path}", path=path, site_path=path)
    return parse_record(text.encode("utf-8"), source, KINDS[kind], KINDS)


def record(text: str, path: str = "adr/0001-x.md", kind: str = "adr") -> Record:
    return parse(text, path, kind)[0]


def checked(root: Path, files: dict[str, str], kind: str = "adr") -> list[Finding]:
    """Findings for a collection of records written under ``root``."""
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    settings = settings_from_options({"kinds": {kind: {"folder": kind}}, "history": False})
    return run_checks(load_corpus(root, root / "docs", settings), settings)


def loaded(root: Path, files: dict[str, str], options: dict[str, object] | None = None) -> Corpus:
    """The corpus of records written under ``root`` (no history)."""
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    settings = settings_from_options({**(options or {}), "history": False})
    return load_corpus(root, root / "docs", settings)


def at(found: Finding) -> tuple[str, int, int]:
    return found.rule, found.position.line, found.position.column


def section(markdown: str, key: str) -> Section:
    structure = scan_body(markdown.split("\n"), 1, SECTION_NAMES)
    sections = [s for top in structure.sections for s in _walk(top)]
    found = find_section(sections, (key,))
    assert found is not None, key
    return found


def _walk(top: Section) -> list[Section]:
    return [top, *(s for child in top.children for s in _walk(child))]


def names(options: list[Option]) -> list[str]:
    return [option.short_name for option in options]


# --- titles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# 0001 - Use Postgres", "Use Postgres"),
        ("# 2. Use Postgres", "Use Postgres"),
        ("# 0010. Use Postgres", "Use Postgres"),
        ("# ADR-0003: Use Postgres", "Use Postgres"),
        ("# ADR 12 - Use Postgres", "Use Postgres"),
        ("# ADR 002: Use Postgres", "Use Postgres"),
        ("# [ADR-4] Use Postgres", "Use Postgres"),
        ("# ADR-0001 Use Postgres", "Use Postgres"),
        ("# ADR-nnn: Use Postgres", "Use Postgres"),
        ("# ADR: Use Postgres", "Use Postgres"),
        (" # ADR: Use Postgres", "Use Postgres"),
        ("# n. Use Postgres", "Use Postgres"),
        ("# [Superseded by [ADR-19](0019-x.md)] Use Postgres", "Use Postgres"),
        ("# RFC: Use Postgres", "Use Postgres"),
        ("# RFC 0002 Use Postgres", "Use Postgres"),
        ("# TEP-0006: Use Postgres", "Use Postgres"),
        ("# KEP-2214: Use Postgres", "Use Postgres"),
        ("# [KEP-3077](https://example.org/issues/3077): contextual logging", "contextual logging"),
        ("## A79: Use Postgres", "Use Postgres"),
        ("# Use raw `Arc<T>` pointers", "Use raw Arc<T> pointers"),
        ("# Use Postgres ", "Use Postgres"),
        ("# Use [Effect](https://effect.website/)", "Use Effect"),
        # numbers that belong to the title stay
        ("# 2021 roadmap", "2021 roadmap"),
        ("# Go 1.18 generics", "Go 1.18 generics"),
        ("# 1.5 release notes", "1.5 release notes"),
        ("# 3D rendering", "3D rendering"),
        ("# [WIP] Use Postgres", "[WIP] Use Postgres"),
        # a day standing alone with the numbering is no word of the title (Vector-like RFCs)
        ("# RFC 2064 - 2020-03-17 - Event stream", "Event stream"),
        ("# RFC #2768 - 2020-06-12 - Batch rework", "Batch rework"),
        ("# RFC #2768 - Batch rework", "Batch rework"),
        ("# RFC 2023-05-02 - Volume metrics", "Volume metrics"),
        ("# RFC #3643 - 2020-09-28 Volume metrics", "Volume metrics"),
        ("# Go 2020-03-17 - Volume metrics", "Go 2020-03-17 - Volume metrics"),
        # a word that ends in a letter of a placeholder number is a word ("ADR-X: Title")
        ("# PHOENIX - Configuration", "PHOENIX - Configuration"),
        ("# ADR-X: Use Postgres", "Use Postgres"),
        # an attribute list sets the heading's anchor or class: no words of the title
        ("# 12) Use Postgres {#adr_0012}", "Use Postgres"),
        ("# Use Postgres {: .note #pg}", "Use Postgres"),
        ("# Use Postgres {.unnumbered}", "Use Postgres"),
        ("# Use {braces} here", "Use {braces} here"),
        # the issues it was discussed in, after it, are no words of the title
        (
            "# ADR-7: Use Postgres ([#308](https://x.org/308), [#262](https://x.org/262))",
            "Use Postgres",
        ),
        ("# Use Postgres (#308)", "Use Postgres"),
        ("# Use Postgres (v2)", "Use Postgres (v2)"),
    ],
)
def test_title_heading_loses_its_numbering(heading: str, title: str) -> None:
    parsed, findings = parse(f"{heading}\n\n## Context\n\nText.\n")
    assert parsed.title == title
    assert "DEC106" not in {f.rule for f in findings}


@pytest.mark.parametrize(
    ("heading", "day"),
    [
        ("# RFC 2064 - 2020-08-28 - Event stream", dt.date(2020, 8, 28)),  # over the name's
        ("# RFC 2064 - 2020-08-28 - Event stream\n\nDate: 2020-08-30", dt.date(2020, 8, 30)),
        ("# Event stream", dt.date(2020, 7, 28)),
    ],
)
def test_the_title_headings_day_is_the_date_when_none_is_stated(heading: str, day: dt.date) -> None:
    text = f"{heading}\n\n## Motivation\n\nText.\n"
    assert record(text, "rfcs/2020-07-28-2064-event-stream.md", "rfc").date == day


def test_a_title_headings_day_that_does_not_exist_is_a_note_and_the_name_dates() -> None:
    text = "# RFC 2064 - 2020-08-36 - Event stream\n\n## Motivation\n\nText.\n"
    parsed, findings = parse(text, "rfcs/2020-07-28-2064-event-stream.md", "rfc")
    assert parsed.date == dt.date(2020, 7, 28)
    assert [at(f) for f in findings if f.rule == "DEC014"] == [("DEC014", 1, 14)]


@pytest.mark.parametrize(
    "top",
    [
        "XIP-07\n======\n\nRelay hints for replies\n-----------------------\n",
        "# XIP-07\n\n## Relay hints for replies\n",
        "XIP-5B\n======\n\nRelay hints for replies\n-----------------------\n",
    ],
)
def test_a_heading_below_an_id_heading_is_the_title_and_code_span_tags_state_the_status(
    top: str,
) -> None:
    """NIP-like: the id over the title, then tags whose first is the status."""
    text = f"{top}\n`final` `optional` `relay`\n\nSome words.\n\n## Events\n\nX.\n"
    parsed, findings = parse(text, "07.md", "rfc")
    assert parsed.title == "Relay hints for replies"
    assert (parsed.raw_status, parsed.status) == ("final", "accepted")
    assert [s.title for s in parsed.sections] == ["Events"]
    assert parsed.position_of("status").line == top.count("\n") + 2  # the tags' line
    assert "DEC106" not in {f.rule for f in findings}


def test_a_section_below_an_id_heading_and_tags_that_open_with_no_status() -> None:
    text = "# ADR-12\n\n## Context\n\n`optional` `relay`\n\nX.\n\n## Decision\n\nY.\n"
    parsed = record(text, "adr/0012-x.md")
    assert parsed.title == "X"  # from the file name: the id heading names nothing
    assert "Context" in [s.title for s in parsed.sections]
    assert parsed.raw_status is None
    below_prose = "# Use X\n\nSome words.\n\n`draft` `optional`\n\n## Context\n\nX.\n"
    assert record(below_prose, "adr/0012-x.md").raw_status is None  # not right below


def test_a_record_of_a_collection_that_tags_its_status_is_told_to_tag_it(tmp_path: Path) -> None:
    tagged = "XIP-{n:02d}\n======\n\nRelay hint {n}\n------------\n\n{tags}\n\n## Events\n\nX.\n"
    files = {f"rfc/{n:02d}.md": tagged.format(n=n, tags="`draft` `optional`") for n in range(1, 5)}
    files["rfc/05.md"] = tagged.format(n=5, tags="`optional`")
    found = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC102"]
    assert [(f.path, f.hint) for f in found] == [
        ("rfc/05.md", "add `` `draft` `` as the first tag below the title")
    ]


@pytest.mark.parametrize(
    ("first_line", "status"),
    [
        ("Pulls and issues have a Status that defaults to 'Open' and can be changed.", None),
        ("Accepted in the meeting of the board, after a long discussion of it.", "Accepted"),
        ("Accepted", "Accepted"),
    ],
)
def test_a_status_section_whose_sentence_describes_something_else_states_none(
    first_line: str, status: str | None
) -> None:
    text = f"# Use X\n\n## Context\n\nX.\n\n## Status\n\n{first_line}\n"
    parsed = record(text, "adr/0012-x.md")
    assert parsed.raw_status == status


def test_setext_title_with_a_series_id() -> None:
    text = "HTTP proxy support\n------------------\n* Status: Draft\n\n## Abstract\n\nText.\n"
    assert record(text, "rfc/A1-http-proxy.md", "rfc").title == "HTTP proxy support"
    text = "A29: xDS-based security\n----\n* Status: Draft\n\n## Abstract\n\nText.\n"
    parsed = record(text, "rfc/A29-xds-security.md", "rfc")
    assert parsed.title == "xDS-based security"
    assert parsed.title_position == Position(1, 1)


def test_a_metadata_title_line_wins_over_the_first_heading() -> None:
    after = record(
        "# Summary of shapes\n\n- Title: Shaper\n- Status: accepted\n\n## Context\n\nX\n"
    )
    assert after.title == "Shaper"
    assert after.title_position == Position(3, 10)
    before = record("- Title: Shaper\n- Start Date: 2018-03-07\n\n# Summary\n\nText.\n")
    assert before.title == "Shaper"
    assert before.date == dt.date(2018, 3, 7)


def test_a_metadata_table_title_wins_over_the_heading() -> None:
    text = "# Jupyter debugger\n\n| Item | Value |\n|---|---|\n| Title | Debugger Protocol |\n"
    assert record(text).title == "Debugger Protocol"


@pytest.mark.parametrize("name", ["Summary", "Context", "Note", "History", "1. Summary"])
def test_a_first_heading_that_names_a_section_is_never_the_title(name: str) -> None:
    text = f"- Start Date: 2018-03-07\n\n# {name}\n\nText.\n\n# Motivation\n\nMore.\n"
    parsed, findings = parse(text, "rfc/0007-use-raw-Arc-pointers.md", "rfc")
    assert parsed.title == "Use raw Arc pointers"
    assert [at(f) for f in findings if f.rule == "DEC106"] == [("DEC106", 1, 1)]


def test_no_title_at_all_gives_the_file_name() -> None:
    parsed = record("Some text without any heading.\n", "adr/0007-use-raw-Arc-pointers.md")
    assert parsed.title == "Use raw Arc pointers"


@pytest.mark.parametrize(
    "heading",
    ["# Title", "# {title}", "# [short title of solved problem and solution]", "# ADR-nnn"],
)
def test_a_placeholder_heading_is_no_title(heading: str) -> None:
    parsed, findings = parse(f"{heading}\n\n## Context\n\nText.\n", "adr/0003-use-postgres.md")
    assert parsed.title == "Use postgres"
    assert "DEC106" in {f.rule for f in findings}


def test_front_matter_title_as_a_block_scalar_loses_its_number() -> None:
    text = (
        "---\nslug: 1\ntitle: |\n  1. Record Architecture Decisions\n---\n\n## Status\n\nAccepted\n"
    )
    parsed = record(text, "adr/2021-06-05_001-record.md")
    assert parsed.title == "Record Architecture Decisions"
    assert parsed.raw_status == "Accepted"


def test_a_status_note_before_the_title_is_not_the_title() -> None:
    text = (
        "*This TEP is marked as `withdrawn` as it adds too little.*\n\n"
        "# TEP-0063: Workspace Dependencies\n\n## Summary\n\nText.\n"
    )
    assert record(text, "rfc/0063-workspace-dependencies.md", "rfc").title == (
        "Workspace Dependencies"
    )


def test_an_alert_before_the_title_is_not_the_title() -> None:
    text = "> [!WARNING]\n> Moved elsewhere.\n\n# OpenTelemetry Protocol\n\n## Motivation\n\nX\n"
    assert record(text, "rfc/0035-otlp.md", "rfc").title == "OpenTelemetry Protocol"


def test_headings_in_fenced_code_are_not_titles() -> None:
    text = "```sh\n# default in Nextflow 25.04\n```\n\n# Strict syntax\n\n## Context\n\nX\n"
    assert record(text).title == "Strict syntax"


# --- status ----------------------------------------------------------------------------


def nygard(status: str, rest: str = "") -> str:
    return (
        f"# 1. Use Postgres\n\nDate: 2021-05-12\n\n## Status\n\n{status}\n{rest}\n## Context\n\nX\n"
    )


@pytest.mark.parametrize(
    ("written", "raw", "canonical"),
    [
        ("Accepted", "Accepted", "accepted"),
        ("Accepted.", "Accepted", "accepted"),
        ("Accepted in [#1811](https://x.org/pull/1811)", "Accepted", "accepted"),
        ("Partially implemented in [#12](https://x.org/12)", "Partially implemented", None),
        ("Reverted by [discussion #1198](https://x.org/1198)", "Reverted", None),
        ("[Approved](https://x.org/pull/918)", "Approved", "accepted"),
        ("[Accepted]", "Accepted", "accepted"),
        ("**Implemented (Swift 5.5)**", "Implemented", "accepted"),
        ("Rejected (by design when proposed)", "Rejected", "rejected"),
        ("Superseded — the migration is complete. This ADR is kept.", "superseded", "superseded"),
        ("Pending", "Pending", "proposed"),
        ("In Review", "In Review", "proposed"),
        ("Accepted (for the GitHub package pipeline)", "Accepted", "accepted"),
        ("Work in progress", "Work in progress", None),
        ("Accepted -- one clause amended by [ADR-0011](0011-x.md)", "Accepted", "accepted"),
        # a sentence in another language: the word, then where or when it was decided
        ("Godkendt på styregruppemødet den 4. juni 2026.", "Godkendt", "accepted"),
        ("Angenommen am 3. Mai 2024", "Angenommen", "accepted"),
        ("Accepté le 3 mai 2024 par le comité", "Accepté", "accepted"),
        ("Aprobado el 3 de mayo", "Aprobado", "accepted"),
        ("Aangenomen op 3 mei", "Aangenomen", "accepted"),
        ("Beslutad i ledningsgruppen", "Beslutad", "accepted"),
    ],
)
def test_status_section_first_line(written: str, raw: str, canonical: str | None) -> None:
    parsed = record(nygard(written))
    assert (parsed.raw_status, parsed.status) == (raw, canonical)
    assert parsed.position_of("status").line == 7


def test_superseded_by_a_link_names_the_successor() -> None:
    parsed = record(nygard("Superseded by [ADR-0020](0020-use-mysql.md)"))
    assert (parsed.raw_status, parsed.status) == ("superseded", "superseded")
    successors = [r for r in parsed.references if r.relation == "superseded_by"]
    assert [(r.target, r.position.line) for r in successors] == [("adr/0020-use-mysql.md", 7)]


def _successors(root: Path, files: dict[str, str]) -> dict[str, list[str]]:
    corpus = loaded(root, files, {"kinds": {"adr": {"folder": "adr"}}})
    return {r.path: [s.id for s in corpus.successors(r)] for r in corpus.records}


def test_a_successor_named_by_its_title_is_that_record(tmp_path: Path) -> None:
    """`Superseded by: Use string ids`, where another record has that title: its
    successor. Words that are no record's title name none: DEC105, not DEC201."""
    files = {
        "adr/0004-int-ids.md": nygard("Superseded by: Use string ids"),
        "adr/0006-string-ids.md": "# 6. Use string ids\n\n## Status\n\nAccepted\n",
        "adr/0008-old.md": nygard("Superseded by: the new login design"),
    }
    successors = _successors(tmp_path, files)
    assert (successors["adr/0004-int-ids.md"], successors["adr/0008-old.md"]) == (["ADR-0006"], [])
    found = [(f.path, *at(f)) for f in checked(tmp_path, {}) if f.rule in ("DEC105", "DEC201")]
    assert found == [("adr/0008-old.md", "DEC105", 7, 1)]


def test_a_successor_linked_without_its_extension_is_that_file(tmp_path: Path) -> None:
    """`[ADR 35](0035-scrub-db)`: the link a forge resolves to `0035-scrub-db.md`."""
    files = {
        "adr/0007-scrub.md": nygard("Superseded by: [ADR 35](0035-scrub-db)"),
        "adr/0035-scrub-db.md": "# 35. Scrub the database\n\n## Status\n\nAccepted\n",
    }
    assert _successors(tmp_path, files)["adr/0007-scrub.md"] == ["ADR-0035"]
    assert "DEC201" not in {f.rule for f in checked(tmp_path, {})}


def test_a_reference_to_a_sibling_file_by_its_name_is_that_record(tmp_path: Path) -> None:
    """`replaces: 0100-v2-flavors.md` in front matter names the file beside the record,
    as a link from it would."""
    front = "---\ntitle: {t}\nstatus: {s}\ndate: 2021-01-01\ndeciders: [Ana]\n{x}---\n\n# {t}\n"
    files = {
        "adr/0100-v2-flavors.md": front.format(t="Flavors 2", s="superseded", x=""),
        "adr/0101-v3-flavors.md": front.format(
            t="Flavors 3", s="accepted", x="replaces: 0100-v2-flavors.md\n"
        ),
    }
    assert _successors(tmp_path, files)["adr/0100-v2-flavors.md"] == ["ADR-0101"]
    assert {"DEC105", "DEC201"} & {f.rule for f in checked(tmp_path, {})} == set()


def test_superseded_by_a_link_whose_text_is_a_title() -> None:
    parsed = record(nygard("Superseded by [DNS Infrastructure](0015-dns-infrastructure.md)"))
    successors = [r.target for r in parsed.references if r.relation == "superseded_by"]
    assert successors == ["adr/0015-dns-infrastructure.md"]


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("* Status: **Implemented (Swift 5.5)**", "Implemented"),
        ("* Status:  **Implemented (Swift 6.4)**", "Implemented"),
        ("* Status: **Status: Active Review (Aug 10...Aug 24, 2026)**", "Active Review"),
        ("* **Status**: Stable in 1.1", "Stable"),
        ("Status: **Stable in 1.1**", "Stable"),
        ("**Status:** Superceded entirely by [0072-x](0072-x.md)", "superseded"),
        ("**Status**: Accepted  ", "Accepted"),
        ("- Status: proposed. **This ADR did not reach consensus.** However, ...", "proposed"),
        ("- Status: deprecated (not applicable to Chariott)", "deprecated"),
        ("* Status: {Draft}", "Draft"),
        ("* Status: Final", "Final"),
        # the template's word chosen in brackets, then a remark
        ("* Status: [Accepted] - But needs to be re-written later", "Accepted"),
        ("* Status: [Deprecated], see the new format", "Deprecated"),
    ],
)
def test_status_lines(line: str, raw: str) -> None:
    parsed = record(f"# Use Postgres\n\n{line}\n\n## Context\n\nX\n")
    assert parsed.raw_status == raw
    assert parsed.position_of("status").line == 3


def test_a_remark_after_a_bracketed_status_stays_on_the_page() -> None:
    text = "# Use Postgres\n\n* Status: [Accepted] - But needs a rewrite\n\n## Context\n\nX\n"
    assert record(text).status == "accepted"
    assert "But needs a rewrite" in _shown(text)


@pytest.mark.parametrize(
    "placeholder",
    [
        "{Draft, In Review, Ready for Implementation, Implemented}",
        "[proposed | accepted | rejected]",
        "[Proposed, Accepted, Deprecated, Superseded]",
        "`Proposed`, `Approved`, `Implemented`, `Deprecated`",
    ],
)
def test_a_template_placeholder_is_no_status(placeholder: str) -> None:
    assert (
        record(f"# Use Postgres\n\n* Status: {placeholder}\n\n## Context\n\nX\n").raw_status is None
    )
    assert record(nygard(placeholder, "\nAccepted by the team on Monday.\n")).raw_status is None


def test_the_next_paragraph_is_never_the_status() -> None:
    empty = "# Use Postgres\n\n* Status:\n\nAccepted by all of us.\n\n## Context\n\nX\n"
    assert record(empty).raw_status is None
    amended = nygard("Accepted", "\nAmended by [17. Data structure](0017-data-structure.md)\n")
    parsed = record(amended)
    assert parsed.raw_status == "Accepted"
    assert [r.relation for r in parsed.references] == ["related"]


def test_only_the_records_own_status_section_counts() -> None:
    nested = "# Use Postgres\n\n## Context\n\n### Status\n\nAccepted\n\n## Decision\n\nX\n"
    assert record(nested).raw_status is None
    api = (
        "# KV design\n\n|Metadata|Value|\n|---|---|\n|Status|Implemented|\n\n"
        "## Context\n\nX\n\n## Status\n\nThe Status interface returns the bucket.\n"
    )
    assert record(api).raw_status == "Implemented"
    quo = "# Use Postgres\n\n## Status\n\nAccepted\n\n## Context\n\n### Status Quo\n\nSlow.\n"
    assert record(quo).raw_status == "Accepted"


def test_decoy_status_headings_after_the_status_section() -> None:
    text = (
        "# 13. Submission statuses\n\n## Status\n\nAccepted.\n\n## Context\n\n"
        "#### **Rejected**\n\nThe SAC was sent back.\n\n## Status diagram\n\nX\n"
    )
    parsed = record(text)
    assert (parsed.raw_status, parsed.status) == ("Accepted", "accepted")


def test_a_status_section_at_level_one() -> None:
    text = (
        "# 28. Portfolio sessions\n\nDate: 2025-05-29\n\n# Status\n\nApproved\n\n# Context\n\nX\n"
    )
    parsed = record(text)
    assert (parsed.title, parsed.raw_status, parsed.status) == (
        "Portfolio sessions",
        "Approved",
        "accepted",
    )


def test_a_value_section_that_is_not_a_status() -> None:
    text = "# Use Postgres\n\n## Status\n\nAccepted\n\n## Green Impact\n\nPositive\n"
    assert record(text).raw_status == "Accepted"


def test_an_unknown_status_word_is_one_finding_for_all_its_records(tmp_path: Path) -> None:
    files = {
        f"adr/000{n}-r{n}.md": f"# Record {n}\n\n## Status\n\nPending review\n\n## Context\n\nX\n"
        for n in (1, 2, 3)
    }
    findings = checked(tmp_path, files)
    unknown = [f for f in findings if f.rule == "DEC101"]
    assert [(f.path, f.position.line, f.position.column) for f in unknown] == [
        ("adr/0001-r1.md", 5, 1)
    ]
    assert "`Pending review`" in unknown[0].message and "3 records use it" in unknown[0].message
    assert unknown[0].severity is Severity.WARNING  # the team's own word, not a mistake
    assert "aliases: {pending review: proposed}" in unknown[0].hint


# --- metadata tables -------------------------------------------------------------------


def test_metadata_table_with_a_header() -> None:
    text = (
        "# JetStream API\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2020-04-30|\n"
        "|Author  |@ripienaar, @mh|\n|Status  |Implemented|\n|Tags    |jetstream, client|\n"
        "\n## Context\n\nX\n"
    )
    parsed = record(text, "rfc/0001-x.md", "rfc")
    assert (parsed.raw_status, parsed.status) == ("Implemented", "implemented")
    assert parsed.date == dt.date(2020, 4, 30)
    assert parsed.strings("authors") == ("@ripienaar", "@mh")
    assert parsed.strings("tags") == ("jetstream", "client")
    assert parsed.position_of("status") == Position(7, 11)
    assert parsed.position_of("date") == Position(5, 11)
    assert parsed.metadata_style == "table"


def test_padded_metadata_table_without_a_header() -> None:
    text = (
        "# Consumer heartbeats\n\n| Status   | Partially Implemented |\n"
        "| Date     | 2021-05-12 |\n| Authors  | @a, @b |\n\n## Context\n\nX\n"
    )
    parsed = record(text)
    assert parsed.raw_status == "Partially Implemented"
    assert parsed.date == dt.date(2021, 5, 12)
    assert parsed.position_of("status") == Position(3, 14)


def test_metadata_table_with_an_empty_header_and_broken_rows() -> None:
    text = (
        "# Operator scope\n\n|                |            |\n| -------------- | ---------- |\n"
        "| Date           | Sep 5th, 2023 |\n| Status         | Approved |\n"
        "| Authors        | Edson Tirelli\n| Superseded by: | N/A |\n\n## Context\n\nX\n"
    )
    parsed, findings = parse(text)
    assert (parsed.raw_status, parsed.status) == ("Approved", "accepted")
    assert parsed.date == dt.date(2023, 9, 5)
    assert not [r for r in parsed.references if r.relation == "superseded_by"]
    assert [at(f) for f in findings if f.rule == "DEC014"] == [("DEC014", 5, 20)]


def test_metadata_table_whose_first_row_is_data() -> None:
    text = (
        "# Metrics\n\n| **Date** | October 16, 2025 |\n|----------|----|\n"
        "| **Status** | Proposed |\n"
    )
    parsed = record(text)
    assert (parsed.raw_status, parsed.date) == ("Proposed", dt.date(2025, 10, 16))


def test_metadata_table_inside_a_quote() -> None:
    text = (
        "# ADR-nnn: Use Django\n\n"
        "> | Date         | `17/04/2025` _when the decision was last updated_ |\n"
        "> | Status       | `Proposed`                                        |\n"
        "> | Deciders     | `Team`                                            |\n"
        "\n## Context\n\nX\n"
    )
    parsed = record(text, "adr/ADR-001-Use_Django.md")
    assert parsed.title == "Use Django"
    assert (parsed.raw_status, parsed.status) == ("Proposed", "proposed")
    assert parsed.date == dt.date(2025, 4, 17)
    assert parsed.strings("deciders") == ("Team",)
    assert parsed.position_of("status").line == 4


def test_transposed_metadata_table() -> None:
    text = (
        "# Use Postgres\n\n| Status | Date | Deciders |\n|---|---|---|\n"
        "| Accepted | 2021-01-02 | Ana |\n"
    )
    parsed = record(text)
    assert (parsed.raw_status, parsed.date) == ("Accepted", dt.date(2021, 1, 2))
    assert parsed.strings("deciders") == ("Ana",)
    assert parsed.position_of("status") == Position(5, 3)


def test_a_revision_history_table_is_not_metadata() -> None:
    text = (
        "# Direct get\n\n| Revision | Date       | Author  | Info           |\n"
        "|---|---|---|---|\n| 1        | 2022-08-08 | @tbeets | Initial design |\n"
        "\n## Context\n\nX\n"
    )
    parsed = record(text)
    assert parsed.date is None and parsed.raw_status is None


# --- metadata lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Date: 2021-05-12", dt.date(2021, 5, 12)),
        ("- Start Date: 2018-03-07", dt.date(2018, 3, 7)),
        ("* Start Date: 2018-03-07", dt.date(2018, 3, 7)),
        ("**Date:** 2023-09-22", dt.date(2023, 9, 22)),
        ("**Date**: 2025-09-29  ", dt.date(2025, 9, 29)),
        ("Date 2023-09-26", dt.date(2023, 9, 26)),
        ("Date: 2024-05-22 (back dated)", dt.date(2024, 5, 22)),
        ("Date: 2018-08-30; Last update date: 2019-04-09", dt.date(2018, 8, 30)),
        ("- Date: 2022-10-05 (Updated 2023-07-12)", dt.date(2022, 10, 5)),
        ("[2022-10-05]", dt.date(2022, 10, 5)),
    ],
)
def test_iso_date_lines(line: str, day: dt.date) -> None:
    parsed, findings = parse(f"# Use Postgres\n\n{line}\n\n## Context\n\nX\n")
    assert parsed.date == day
    assert parsed.position_of("date").line == 3
    assert "DEC014" not in {f.rule for f in findings}


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Date: 2022-04-7", dt.date(2022, 4, 7)),
        ("Date: 12/05/2021", dt.date(2021, 5, 12)),
        ("- Date: 03.05.2020", dt.date(2020, 5, 3)),
        ("27 July 2022", dt.date(2022, 7, 27)),
        ("- Date: Sep 5th, 2023", dt.date(2023, 9, 5)),
        ("* Last updated: June 7, 2018", dt.date(2018, 6, 7)),
        ("Introduced: 20220513", dt.date(2022, 5, 13)),
        ("Date: 2023-13-10", dt.date(2023, 10, 13)),
        ("- Start Date: 30 Oct 18", dt.date(2018, 10, 30)),
        ("- Start Date: 28 Feb 2017", dt.date(2017, 2, 28)),
        ("- Date: 11-April-2023", dt.date(2023, 4, 11)),
    ],
)
def test_lenient_date_lines_are_read_and_said_to_be_not_iso(line: str, day: dt.date) -> None:
    parsed, findings = parse(f"# Use Postgres\n\n{line}\n\n## Context\n\nX\n")
    assert parsed.date == day
    lenient = [f for f in findings if f.rule == "DEC014"]
    assert [f.position.line for f in lenient] == [3]
    assert lenient[0].position == parsed.position_of("date")


def test_a_bare_iso_date_line_under_the_title() -> None:
    parsed = record("# Use Postgres\n\n2022-10-05\n\n## Context\n\nX\n")
    assert parsed.date == dt.date(2022, 10, 5)
    assert parsed.position_of("date") == Position(3, 1)


def test_a_date_section() -> None:
    text = "# 6. Data sources\n\n## Status\n\nAccepted\n\n## Date\n\n2022-11-1\n\n## Context\n\nX\n"
    parsed, findings = parse(text)
    assert parsed.date == dt.date(2022, 11, 1)
    assert [at(f) for f in findings if f.rule == "DEC014"] == [("DEC014", 9, 1)]


def test_body_metadata_lines_before_and_after_the_title() -> None:
    before = (
        "- Feature Name: move_cell\n- Start Date: 2016-06-15\n"
        "- RFC PR: [rust-lang/rfcs#1651](https://x.org/1651)\n\n## Summary\n\nX\n"
    )
    parsed = record(before, "rfc/1651-movecell.md", "rfc")
    assert parsed.title == "Movecell"
    assert parsed.date == dt.date(2016, 6, 15)
    after = (
        "# Use Postgres\n\n* Status: accepted\n* Deciders: Ana, Bo and Cy\n"
        "* Date: 2021-05-12\n\n## Context\n\nX\n"
    )
    parsed = record(after)
    assert (parsed.raw_status, parsed.date) == ("accepted", dt.date(2021, 5, 12))
    assert parsed.strings("deciders") == ("Ana", "Bo", "Cy")
    assert parsed.position_of("deciders") == Position(4, 13)
    assert parsed.metadata_style == "list"


def test_a_metadata_value_wrapped_on_an_indented_line() -> None:
    text = (
        "# Service discovery\n\n- Status: accepted\n- Deciders: Bastian Burger, Daniele Antonio\n"
        "  Maggio, Maggie Salak\n- Last updated: 2022-06-08\n\n## Context\n\nX\n"
    )
    parsed = record(text)
    assert parsed.strings("deciders") == (
        "Bastian Burger",
        "Daniele Antonio Maggio",
        "Maggie Salak",
    )
    assert parsed.date == dt.date(2022, 6, 8)


@pytest.mark.parametrize("nothing", ["N/A", "TBD", "n/a", "-", "None", "(leave this empty)"])
def test_nothing_values_are_read_as_nothing(nothing: str) -> None:
    text = f"# Use Postgres\n\n- Status: {nothing}\n- Deciders: {nothing}\n- Date: {nothing}\n"
    parsed = record(text + "\n## Context\n\nX\n")
    assert parsed.raw_status is None
    assert parsed.strings("deciders") == ()
    assert parsed.date is None
    assert record(nygard(nothing)).raw_status is None


def test_superseded_by_as_its_own_line() -> None:
    text = (
        "# Behaviors\n\n* Status: **Withdrawn**\n"
        "* Superseded by: [SE-0258](0258-property-wrappers.md)\n"
    )
    parsed = record(text)
    assert parsed.raw_status == "Withdrawn"
    successors = [
        (r.target, r.position.line) for r in parsed.references if r.relation == "superseded_by"
    ]
    assert successors == [("adr/0258-property-wrappers.md", 4)]


def test_metadata_in_yaml_comments_and_html_comments_is_not_read() -> None:
    text = (
        "# Use Postgres\n\n<!---\nDirections for above:\nstatus: Leave as is\n-->\n\n"
        "## Context\n\nX\n"
    )
    assert record(text).raw_status is None


def test_metadata_of_a_record_without_a_status_section_or_line() -> None:
    parsed = record("# Use Postgres\n\n## Context\n\nWe need a database.\n")
    assert parsed.raw_status is None and parsed.date is None
    assert parsed.metadata_style == ""


# --- considered options -----------------------------------------------------------------


def test_options_are_the_direct_items_of_the_section() -> None:
    text = (
        "## Considered Options\n\n* Postgres\n* MongoDB\n  * managed\n\n"
        "### Noticed, but not further considered\n\n* Oracle\n"
    )
    assert names(considered_options(section(text, "considered options"))) == ["Postgres", "MongoDB"]
    numbered = "## Considered Options\n\n1. Postgres\n1. MongoDB\n1. SQLite\n"
    assert names(considered_options(section(numbered, "considered options"))) == [
        "Postgres",
        "MongoDB",
        "SQLite",
    ]


def test_bold_option_paragraphs_with_their_own_pros_and_cons() -> None:
    text = (
        "## Considered Options\n\n**Option 1:** Release once a sprint\n\n"
        "Releasing once a sprint means big batches.\n\n✅ Pros:\n- fewer releases\n\n"
        "❌ Cons:\n- big batches\n\n**Option 2:** Release once a week\n\n"
        "✅ Pros:\n\n- smaller batches\n\n❌ Cons:\n\n- more releases\n"
    )
    options = considered_options(section(text, "considered options"))
    assert [(o.short_name, o.line) for o in options] == [
        ("Release once a sprint", 3),
        ("Release once a week", 13),
    ]


def test_options_in_details_blocks_and_nested_sections_are_not_options() -> None:
    text = (
        "## Considered Options\n\n* Postgres\n* MongoDB\n\n<details>\n<summary>Pros</summary>\n\n"
        "* cheap\n* fast\n\n</details>\n\n### Postgres\n\n* Good, because it is known\n"
    )
    assert names(considered_options(section(text, "considered options"))) == ["Postgres", "MongoDB"]


def test_pros_and_cons_lists_are_not_options() -> None:
    text = (
        "## Considered Options\n\n* Good, because it is fast\n* Bad, because it is new\n\n"
        "### Postgres\n\nText.\n\n### MongoDB\n\nText.\n"
    )
    assert names(considered_options(section(text, "considered options"))) == ["Postgres", "MongoDB"]


def test_options_as_sub_headings() -> None:
    text = (
        "## Considered Options\n\n### Option 1: Bare repository\n\n* Pro: small\n\n"
        "### Option 2: Shallow clones\n\n* Con: slow\n"
    )
    options = considered_options(section(text, "considered options"))
    assert names(options) == ["Bare repository", "Shallow clones"]
    assert [o.line for o in options] == [3, 7]


def test_options_written_as_a_table_are_one_per_row() -> None:
    text = (
        "## Considered Options\n\n| Option | Criteria | Score |\n|---|---|---|\n"
        "| **A: Postgres (entschieden)** | known | 9/10 |\n| B: MongoDB | new | 5/10 |\n"
        "| C: SQLite | small | 4/10 |\n\n### Why this option?\n\n- \u2705 it is known\n"
    )
    options = considered_options(section(text, "considered options"))
    assert [(o.short_name, o.line, o.marked_chosen) for o in options] == [
        ("Postgres", 5, True),
        ("MongoDB", 6, False),
        ("SQLite", 7, False),
    ]


def test_a_table_that_heads_no_options_is_not_the_options() -> None:
    text = (
        "## Considered Options\n\n| Criterion | Postgres | MongoDB |\n|---|---|---|\n"
        "| Cost | low | high |\n\n### Postgres\n\nX\n\n### MongoDB\n\nY\n"
    )
    assert names(considered_options(section(text, "considered options"))) == ["Postgres", "MongoDB"]


def test_a_heading_that_argues_for_the_choice_is_no_option() -> None:
    text = (
        "## Betrachtete Optionen\n\n### Postgres\n\nX\n\n### MongoDB\n\nY\n\n"
        "### Warum die gewählte Option?\n\nZ\n"
    )
    options = considered_options(section(text, "betrachtete optionen"))
    assert names(options) == ["Postgres", "MongoDB"]


def test_a_table_of_options_is_counted_and_its_chosen_row_named(tmp_path: Path) -> None:
    text = (
        "# Use Postgres\n\n**Status:** Accepted\n\n## Kontext\n\nX\n\n## Entscheidung\n\n"
        "Wir nutzen eine relationale Datenbank.\n\n## Betrachtete Optionen\n\n"
        "| Option | Bewertung |\n| --- | --- |\n| **A: Postgres (entschieden)** | 9/10 |\n"
        "| B: MongoDB | 5/10 |\n\n### Warum die gewählte Option?\n\n- \u2705 bekannt\n\n"
        "## Konsequenzen\n\nY\n"
    )
    findings = checked(tmp_path, {"adr/0001-postgres.md": text})
    assert [at(f) for f in findings if f.rule in ("DEC303", "DEC304")] == []
    one = text.replace("| B: MongoDB | 5/10 |\n", "")
    findings = checked(tmp_path, {"adr/0001-postgres.md": one})
    assert [at(f) for f in findings if f.rule in ("DEC303", "DEC304")] == [("DEC303", 13, 1)]


def test_option_short_names_lose_their_description() -> None:
    text = (
        "## Considered Options\n\n* **Terraform** \u2013 Define users declaratively\n"
        "* [MADR](https://adr.github.io/madr/) 2.1.2 - The original Markdown records\n"
        "* Option C: Lambda: run a function\n"
    )
    assert names(considered_options(section(text, "considered options"))) == [
        "Terraform",
        "MADR 2.1.2",
        "Lambda",
    ]


# --- the chosen option ------------------------------------------------------------------

OPTIONS = (
    "## Considered Options\n\n* Extract Class\n* MongoDB - a document store\n"
    "* Inline Method: merge the two\n\n"
)


def chosen(outcome: str, options: str = OPTIONS) -> list[str]:
    text = options + outcome
    considered = considered_options(section(text, "considered options"))
    decided = next(
        s
        for s in scan_body(text.split("\n"), 1, SECTION_NAMES).sections
        if s.key != "considered options"
    )
    return names(chosen_options(decided, considered))


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (
            '## Decision Outcome\n\nChosen option: "Extract Class", because it is small.\n',
            ["Extract Class"],
        ),
        ("## Decision Outcome\n\nChosen option: **Extract Class**\n", ["Extract Class"]),
        ("## Decision Outcome\n\nChosen option: `Extract Class`, because\n", ["Extract Class"]),
        ("## Decision Outcome\n\nChosen option: MongoDB because it scales.\n", ["MongoDB"]),
        ('## Decision Outcome\n\nChosen option: "MongoDB", because\n', ["MongoDB"]),
        ("## Decision Outcome\n\nChosen option: inline method.\n", ["Inline Method"]),
        ("## Decision Outcome\n\nChosen option: Option 3, because\n", ["Inline Method"]),
        ("## Decision Outcome\n\nWe chose the second option.\n", ["MongoDB"]),
        ("## Decision Outcome\n\nChosen option: 2\n", ["MongoDB"]),
        ("## Decision Outcome\n\nChosen option: **_extract class_**.\n", ["Extract Class"]),
        (
            "## Decision Outcome\n\nChosen options: **Extract Class** and **MongoDB**\n",
            ["Extract Class", "MongoDB"],
        ),
        (
            "## Decision Outcome\n\nChosen options:\n\n1. Extract Class\n2. Inline Method\n",
            ["Extract Class", "Inline Method"],
        ),
        ("## Decision Outcome: MongoDB\n\nIt scales.\n", ["MongoDB"]),
        ("## Decision Outcome\n\nChosen options: 1 & 3\n", ["Extract Class", "Inline Method"]),
        (
            '## Decision Outcome\n\nChosen option: "All considered options", because\n',
            ["Extract Class", "MongoDB", "Inline Method"],
        ),
    ],
)
def test_chosen_option(outcome: str, expected: list[str]) -> None:
    assert chosen(outcome) == expected


def test_an_option_marked_chosen_in_its_title() -> None:
    marked = (
        "## Considered Options\n\n**Option 1:** Submit a form\n\n"
        "**[SELECTED] Option 2:** Call a URL path\n\n"
    )
    assert chosen("## Decision\n\nWe went that way.\n", marked) == ["Call a URL path"]
    headings = (
        "## Considered Options\n\n#### Option 1: URL versioning (chosen)\n\nX\n\n"
        "#### Option 2: Header versioning\n\nY\n\n"
    )
    assert chosen("## Decision\n\nSee above.\n", headings) == ["URL versioning"]


def test_an_alternatives_section_needs_no_chosen_option(tmp_path: Path) -> None:
    text = (
        "# 1. Use Postgres\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\n"
        "We will use Postgres.\n\n## Alternatives\n\n* MongoDB\n* SQLite\n\n## Consequences\n\n"
        "* Bad, because one more system.\n"
    )
    findings = checked(tmp_path, {"adr/0001-use-postgres.md": text})
    assert "DEC304" not in {f.rule for f in findings}


def test_an_outcome_naming_no_option_is_reported_at_the_outcome(tmp_path: Path) -> None:
    text = (
        "# Use a store\n\n* Status: accepted\n* Deciders: Ana\n* Date: 2021-05-12\n\n"
        "## Context and Problem Statement\n\nX\n\n"
        + OPTIONS
        + "## Decision Outcome\n\nChosen option: Redis, because it is fast.\n\n"
        "### Consequences\n\n* Bad, because one more system.\n"
    )
    findings = checked(tmp_path, {"adr/0001-use-a-store.md": text})
    assert [at(f) for f in findings if f.rule == "DEC304"] == [("DEC304", 17, 1)]


def test_a_madr_record_that_names_its_option_raises_no_finding(tmp_path: Path) -> None:
    text = (
        "# Use a store\n\n* Status: accepted\n* Deciders: Ana\n* Date: 2021-05-12\n\n"
        "## Context and Problem Statement\n\nX\n\n"
        + OPTIONS
        + "## Decision Outcome\n\nChosen option: **MongoDB**, because it scales.\n\n"
        "### Consequences\n\n* Good, because it scales.\n* Bad, because one more system.\n"
    )
    findings = checked(tmp_path, {"adr/0001-use-a-store.md": text})
    assert [f for f in findings if f.severity.value in ("error", "warning")] == []


# --- pros and cons ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "marker", "kind"),
    [
        ("Good, because it is fast", "*", "good"),
        ("Bad, because it is new", "*", "bad"),
        ("Pro: small", "*", "good"),
        ("Con: slow", "*", "bad"),
        ("Pros: small", "-", "good"),
        ("Cons: slow", "-", "bad"),
        ("Strengths: known", "*", "good"),
        ("Weaknesses: old", "*", "bad"),
        ("Better, because it is faster", "*", "good"),
        ("Worse, because it is slower", "*", "bad"),
        ("+ fast", "*", "good"),
        ("- slow", "*", "bad"),
        ("fast", "+", "good"),
        (":white_check_mark: fast", "*", "good"),
        (":x: slow", "*", "bad"),
        (":no_entry: unsupported", "*", "bad"),
        ("✅ fast", "*", "good"),
        ("❌ slow", "*", "bad"),
        ("👍 fast", "*", "good"),
        ("👎 slow", "*", "bad"),
        ("\u2795 fast", "*", "good"),
        ("\u2796 slow", "*", "bad"),
        ("Neutral, because it changes nothing", "*", "neutral"),
        ("`Good`, because it is fast", "*", "good"),
        ("Good because it is fast", "*", "good"),
        ("It runs on every laptop", "*", ""),
        ("Postgres", "*", ""),
    ],
)
def test_argument_kinds(text: str, marker: str, kind: str) -> None:
    from mkdocs_decisions.records.body import plain_text

    item = ListItem(text, 1, marker)
    assert argument_kind(plain_text(text), item) == kind
    assert is_pro(plain_text(text), item) == (kind == "good")
    assert is_con(plain_text(text), item) == (kind == "bad")


def test_a_bad_consequence_in_a_negative_list_raises_no_finding(tmp_path: Path) -> None:
    text = (
        "# Use a store\n\n* Status: accepted\n* Deciders: Ana\n* Date: 2021-05-12\n\n"
        "## Context and Problem Statement\n\nX\n\n"
        + OPTIONS
        + '## Decision Outcome\n\nChosen option: "Extract Class".\n\n'
        "### Positive Consequences\n\n* It is small.\n\n"
        "### Negative Consequences\n\n* One more class.\n"
    )
    findings = checked(tmp_path, {"adr/0001-use-a-store.md": text})
    assert "DEC305" not in {f.rule for f in findings}


# --- section headings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("1 Executive Summary", "executive summary"),
        ("2. Motivation", "motivation"),
        ("## 3. Detailed Design", "detailed design"),
        ("Drawbacks [optional]", "drawbacks"),
        ("Infrastructure Needed (Optional)", "infrastructure needed"),
        ("Summary <!-- omit in toc -->", "summary"),
        ("Implications:", "implications"),
        ("[Manual Process] {#manual-process}", "manual process"),
        ("Context {: .note #ctx}", "context"),
        ('<a name="nested"></a>Nested type aliases', "nested type aliases"),
    ],
)
def test_numbered_and_decorated_headings_match_their_section(heading: str, key: str) -> None:
    assert section_key(heading.lstrip("# ")) == key


def test_a_heading_attribute_list_is_no_part_of_a_section_or_option_title() -> None:
    """Doxygen's and attr_list's `{#id}` after a heading sets its anchor: the section's
    and an option's title are the words before it."""
    text = "# Use X\n\n## Considered Options {#options}\n\n### Postgres {: #pg}\n\nX\n"
    options = section(text, "considered options")
    assert (options.title, [child.title for child in options.children]) == (
        "Considered Options",
        ["Postgres"],
    )


def test_a_combined_heading_matches_each_of_its_parts() -> None:
    text = "# RFC\n\n## Motivation / use cases\n\nX\n\n## Drawbacks / Considerations\n\nY\n"
    sections = list(scan_body(text.split("\n"), 1).sections)
    motivation = find_section(sections, ("motivation",))
    assert motivation is not None and motivation.title == "Motivation / use cases"
    drawbacks = find_section(sections, ("drawbacks",))
    assert drawbacks is not None and drawbacks.line == 7


@pytest.mark.parametrize(
    ("heading", "section_name"),
    [
        ("Kontext und Problem", "Context and Problem Statement"),
        ("Contexte et enjeux", "Context and Problem Statement"),
        ("Konsequenzen für Umsetzung und Betrieb", "Consequences"),
        ("Consequences for operations", "Consequences"),
        ("Decision Outcome - Storage", "Decision Outcome"),
        ("Decision Outcome \u2013 Network", "Decision Outcome"),
        ("Beslutning og begrunnelse", "Decision Outcome"),
    ],
)
def test_a_heading_that_adds_words_after_a_connector_is_its_section(
    heading: str, section_name: str
) -> None:
    parsed = record(f"# Pick a store\n\n## {heading}\n\nText.\n")
    found = find_section(parsed.iter_sections(), KINDS["adr"].section(section_name).aliases)
    assert found is not None and found.title == heading


@pytest.mark.parametrize(
    ("heading", "aliases"),
    [
        ("Kontextualisierung und Ziele", ("kontext",)),  # never inside a word
        ("Decision-making and risks", ("decision",)),
        ("Decision Outcomes of the pilot", ("decision outcome",)),
        # the longer name it starts with decides: this is a Problem statement
        ("Problem statement: billing", ("problem",)),
    ],
)
def test_a_heading_that_only_starts_like_a_section_is_not_it(
    heading: str, aliases: tuple[str, ...]
) -> None:
    parsed = record(f"# Pick a store\n\n## {heading}\n\nText.\n")
    assert find_section(parsed.iter_sections(), aliases) is None


def test_sections_named_with_added_words_satisfy_the_record(tmp_path: Path) -> None:
    text = (
        "# ADR-0001: Postgres\n\n**Status:** Accepted\n\n## Kontext und Problem\n\nX\n\n"
        "## Entscheidung\n\nPostgres.\n\n## Konsequenzen für den Betrieb\n\nY\n"
    )
    findings = checked(tmp_path, {"adr/0001-postgres.md": text})
    assert [at(f) for f in findings if f.rule == "DEC301"] == []
    # The same record without the sections is told so: the test can fail.
    bare = text.replace("## Kontext und", "## Kontextbezug und")
    bare = bare.replace("## Konsequenzen", "## Folgen")
    findings = checked(tmp_path, {"adr/0001-postgres.md": bare})
    assert sorted(f.message for f in findings if f.rule == "DEC301") == [
        "missing section `Consequences` (required when accepted)",
        "missing section `Context and Problem Statement`",
    ]


def test_an_rfc_with_numbered_sections_has_all_of_them(tmp_path: Path) -> None:
    text = (
        "- Start Date: 2018-10-30\n\n# Optional peer dependencies\n\n## 1. Summary\n\nX\n\n"
        "## 2. Motivation\n\nX\n\n## 3. Detailed Design\n\nX\n\n## 4. Drawbacks\n\nX\n\n"
        "## 5. Alternatives\n\n* Keep it\n* Drop it\n"
    )
    findings = checked(tmp_path, {"rfc/0000-optional-peer.md": text}, "rfc")
    assert "DEC301" not in {f.rule for f in findings}


# --- more patterns from real collections ------------------------------------------------


def test_a_status_note_heading_is_not_the_title() -> None:
    text = (
        "- Start Date: 2015-02-04\n\n"
        "## This RFC was previously approved, but later **withdrawn**\n\nSee the comment.\n\n"
        "## Summary\n\nX\n"
    )
    assert record(text, "rfc/0809-box-and-in.md", "rfc").title == "Box and in"


def test_a_superseded_by_heading_is_not_the_title() -> None:
    """Kubewarden: the table names the feature; the heading above the old text says
    what became of it, and stays on the page."""
    text = "| | |\n|:--|:--|\n| Feature Name | Policy reports |\n| State | **REJECTED** |\n\n"
    text += "# SUPERSEDED BY [RFC 12](./0012-policy-report.md).\n\nThe old text.\n\n"
    text += "# Summary\n\nX\n"
    parsed = record(text, "rfc/0005-policy-reports.md", "rfc")
    assert (parsed.title, parsed.status) == ("Policy reports", "rejected")
    assert "SUPERSEDED BY" in shown_body_of(parsed)
    replaced = text.replace("| Feature Name | Policy reports |\n", "")
    assert (
        record(replaced.replace("SUPERSEDED BY", "Replaced by"), "rfc/0005-x.md", "rfc").title
        == "X"
    )


def test_status_section_with_blank_lines_of_spaces_and_a_trailing_space() -> None:
    text = "# 2. Hosting\n \nDate: 2017-06-30\n \n## Status \n \nAccepted\n \n## Context\n\nX\n"
    parsed = record(text)
    assert (parsed.raw_status, parsed.date) == ("Accepted", dt.date(2017, 6, 30))
    assert parsed.position_of("status").line == 7


def test_a_second_status_paragraph_names_a_relation_not_the_status() -> None:
    parsed = record(nygard("Accepted", "\nSupersedes [ADR 31](./0031-builder.md)\n"))
    assert parsed.raw_status == "Accepted"
    assert [(r.relation, r.target) for r in parsed.references] == [
        ("supersedes", "adr/0031-builder.md")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- Status: superseded by [adr-0012](./0012-intent-registration.md)",
        "* **Status**: Superseded by [ADR-0012](./0012-intent-registration.md)",
        "Status: superseded by [ADR-0012](0012-intent-registration.md)",
    ],
)
def test_a_superseded_status_line_names_its_successor(line: str) -> None:
    parsed = record(f"# Service discovery\n\n{line}\n\n## Context\n\nX\n")
    assert (parsed.raw_status, parsed.status) == ("superseded", "superseded")
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == [
        "adr/0012-intent-registration.md"
    ]


def test_front_matter_without_a_status_and_metadata_in_the_body() -> None:
    text = (
        "---\ntags:\n  - ISO 27001 A.17.1.1\n---\n# We believe in open source\n\n"
        "- Status: accepted\n- Deciders: Architecture Meeting\n- Date: 2021-02-03\n\n"
        "## Context\n\nX\n"
    )
    parsed, findings = parse(text)
    assert (parsed.title, parsed.raw_status) == ("We believe in open source", "accepted")
    assert parsed.strings("deciders") == ("Architecture Meeting",)
    assert parsed.metadata_style == "list"
    assert parsed.position_of("status") == Position(7, 11)
    assert not [f for f in findings if f.rule == "DEC006"]


def test_page_keys_beside_madr_keys_in_front_matter() -> None:
    text = (
        "---\n# Configuration for Just the Docs\nnav_order: 1\nparent: Decision Records\n\n"
        "status: accepted\ndate: 2023-01-04\n---\n# Adopt a code of conduct\n\n## Context\n\nX\n"
    )
    parsed, findings = parse(text)
    assert (parsed.raw_status, parsed.date) == ("accepted", dt.date(2023, 1, 4))
    assert parsed.metadata_style == "front matter"
    assert not [f for f in findings if f.rule in ("DEC006", "DEC002")]


def test_bold_metadata_lines_with_the_colon_outside() -> None:
    text = (
        " # ADR: Directory traversal\n\n**Date**: 2025-09-29  \n**Status**: Accepted  \n"
        "**Context**: Need for standardized listing\n\n## Decision\n\nX\n"
    )
    parsed = record(text)
    assert (parsed.title, parsed.raw_status) == ("Directory traversal", "Accepted")
    assert parsed.date == dt.date(2025, 9, 29)
    assert parsed.position_of("status") == Position(4, 13)


def test_a_broken_date_with_a_space_is_read_leniently() -> None:
    parsed, findings = parse("# API v3\n\nDate: 2025-11- 05 \n\n## Context\n\nX\n")
    assert parsed.date == dt.date(2025, 11, 5)
    assert [at(f) for f in findings if f.rule == "DEC014"] == [("DEC014", 3, 7)]


def test_a_month_alone_is_no_date() -> None:
    assert record("# Breakpoints\n\nDate: 2018-11\n\n## Context\n\nX\n").date is None


def test_a_template_date_placeholder_is_no_date() -> None:
    assert record("# Adopt\n\n- Date: YYYY-MM-DD\n\n## Context\n\nX\n").date is None
    assert record("# Adopt\n\n| Date | insert date |\n\n## Context\n\nX\n").date is None


def test_a_status_in_a_multi_line_comment_after_front_matter_is_not_read() -> None:
    text = (
        "---\nstage: accepted\nstart-date: 2020-01-02T00:00:00.000Z\n---\n\n<!---\n"
        "Directions for above:\nstage: Leave as is\nstart-date: Fill in with today's date\n-->\n\n"
        "# Summary\n\nX\n"
    )
    parsed = record(text, "rfc/0939-import-glob.md", "rfc")
    assert (parsed.raw_status, parsed.status) == ("accepted", "accepted")
    assert parsed.date == dt.date(2020, 1, 2)
    assert parsed.title == "Import glob"


def test_options_written_as_reference_links() -> None:
    text = "## Considered Options\n\n* [Bazel]\n* [Nx]\n\n[Bazel]: https://bazel.build/\n"
    options = considered_options(section(text, "considered options"))
    assert names(options) == ["Bazel", "Nx"]
    assert chosen('## Decision Outcome\n\nChosen option: "Nx", because:\n', text) == ["Nx"]


def test_options_not_further_considered_are_not_options() -> None:
    text = (
        "## Considered Options\n\n### TipTap\n\nX\n\n### ProseMirror\n\nY\n\n"
        "### Noticed, but not further considered\n\nZ\n"
    )
    assert names(considered_options(section(text, "considered options"))) == [
        "TipTap",
        "ProseMirror",
    ]


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        ("## Decision Outcome\n\nChosen option 2, since it scales.\n", ["MongoDB"]),
        ("## Decision Outcome\n\nChosen option: option 2, because\n", ["MongoDB"]),
        ("## Decision Outcome\n\n**Chosen Option:** Option 3: merge them\n", ["Inline Method"]),
        ('## Decision Outcome\n\nChosen option "MongoDB", because\n', ["MongoDB"]),
        ("## Decision Outcome\n\nWe chose MongoDB, because it scales.\n", ["MongoDB"]),
        (
            '## Decision Outcome\n\nChosen option:\n"Extract Class",\nbecause it is small.\n',
            ["Extract Class"],
        ),
        ('## Decision Outcome\n\nChosen option: **2**: "MongoDB", because\n', ["MongoDB"]),
        ("## Decision: Option 3 - Inline Method\n\nX\n", ["Inline Method"]),
    ],
)
def test_chosen_option_as_teams_write_it(outcome: str, expected: list[str]) -> None:
    assert chosen(outcome) == expected


def test_an_outcome_heading_that_names_the_option_counts_as_the_outcome(tmp_path: Path) -> None:
    text = (
        "# Provision users\n\n* Status: accepted\n* Deciders: Ana\n* Date: 2021-05-12\n\n"
        "## Context and Problem Statement\n\nX\n\n## Considered Options\n\n"
        "* Terraform\n* AWS Lambda function\n\n## Decision Outcome: AWS Lambda function\n\n"
        "It runs once.\n\n### Consequences\n\n* Bad, because one more function.\n"
    )
    findings = checked(tmp_path, {"adr/0001-provision-users.md": text})
    assert [at(f) for f in findings if f.rule in ("DEC301", "DEC304")] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Goods: already in production", "good"),
        ("Bads: one more system", "bad"),
        ("OK, because it is known", "neutral"),
        ("Good - simple", "good"),
        ("Bad - slow", "bad"),
        ("Advantage: simple", "good"),
        ("Drawback: slow", "bad"),
    ],
)
def test_more_argument_words(text: str, kind: str) -> None:
    assert argument_kind(text, ListItem(text, 1, "*")) == kind


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# Open Data Hub - ODH-ADR-Operator-0009 - Tracing Strategy", "Tracing Strategy"),
        ("# Open Data Hub - Architecture Decision Record: Metrics Scraping", "Metrics Scraping"),
        ("# Architecture Decision Record: Metrics Scraping", "Metrics Scraping"),
        ("# Use Architecture Decision Records", "Use Architecture Decision Records"),
        ("# Upgrade to Go 1.18 - what changes", "Upgrade to Go 1.18 - what changes"),
    ],
)
def test_a_template_prefix_before_the_title_goes(heading: str, title: str) -> None:
    assert record(f"{heading}\n\n## Context\n\nX\n").title == title


RUST_HEAD = "- Start Date: 2015-02-04\n- RFC PR: [rust-lang/rfcs#809](https://x.org/809)\n\n"


@pytest.mark.parametrize(
    ("text", "raw", "line"),
    [
        (
            RUST_HEAD + "## This RFC was previously approved, but later **withdrawn**\n\n"
            "See the comment.\n\n## Summary\n\nX\n",
            "withdrawn",
            4,
        ),
        (
            RUST_HEAD + "## This RFC was previously approved, but part of it later **withdrawn**"
            "\n\n## Summary\n\nX\n",
            "partially withdrawn",
            4,
        ),
        (
            RUST_HEAD + "> \u26a0 This RFC has mostly been superseded \u26a0\n>\n> It was hard.\n\n"
            "## Summary\n\nX\n",
            "mostly superseded",
            4,
        ),
        (
            RUST_HEAD + "## Summary\n\nUnions.\n\n**Note:** This RFC has been partially "
            "superseded by `unions-and-drop`.\n\n## Motivation\n\nX\n",
            "partially superseded",
            8,
        ),
        (
            "*This TEP is marked as `withdrawn` as it adds too little.*\n\n"
            "# TEP-0063: Workspace Dependencies\n\n## Summary\n\nX\n",
            "withdrawn",
            1,
        ),
    ],
)
def test_a_status_stated_only_in_a_note(text: str, raw: str, line: int) -> None:
    parsed = record(text, "rfc/0809-box-and-in.md", "rfc")
    assert parsed.raw_status == raw
    assert parsed.position_of("status").line == line


def test_a_note_that_the_record_was_superseded_names_its_successor() -> None:
    text = (
        RUST_HEAD + "## Summary\n\nSwap the allocator.\n\n*Note:* this RFC has been superseded "
        "by [RFC 1974][].\n\n## Motivation\n\nX\n\n[RFC 1974]: https://x.org/1974.md\n"
    )
    parsed = record(text, "rfc/1183-swap-out-jemalloc.md", "rfc")
    assert (parsed.raw_status, parsed.status) == ("superseded", "superseded")
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == ["RFC-1974"]


def test_a_note_that_amends_or_discusses_is_no_status() -> None:
    amended = RUST_HEAD + "## Note\n\nThis RFC has been amended by [RFC 1574].\n\n## Summary\n\nX\n"
    assert record(amended, "rfc/0505-api-comments.md", "rfc").raw_status is None
    prose = (
        RUST_HEAD + "## Summary\n\nThe old design was withdrawn in 2014.\n\n## Motivation\n\nX\n"
    )
    assert record(prose, "rfc/0505-api-comments.md", "rfc").raw_status is None


def test_a_status_section_that_says_what_replaced_the_record() -> None:
    parsed = record(nygard("This KEP has been replaced by [KEP 2433: Hints](../2433-hints.md)."))
    assert parsed.raw_status == "replaced"
    assert parsed.status == "superseded"
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == [
        "2433-hints.md"
    ]


def test_a_note_names_its_successors_by_reference_links() -> None:
    text = (
        "# Release process\n\n## Note Before\n\nThis document is superseded by three ADRs: "
        "[Release Methodology][adr_methodology], [Release Steps][adr_steps].\n\n"
        "[adr_methodology]: ./0015-release-methodology.md\n[adr_steps]: ./0016-steps.md\n\n"
        "## Context\n\nX\n"
    )
    parsed = record(text, "adr/0007-release-process.md")
    assert (parsed.raw_status, parsed.status) == ("superseded", "superseded")
    assert parsed.position_of("status") == Position(5, 18)
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == [
        "adr/0015-release-methodology.md"
    ]


# --- issue 12: patterns met in collections the readers were not tuned on ----------------


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        # the id after the title, in the kind's own series (Docusaurus page titles)
        ("# Ingest Google Sheets Data - ADR 002", "Ingest Google Sheets Data"),
        ("# Use Postgres (ADR-0003)", "Use Postgres"),
        # another series' id names a standard and stays
        ("# Support HTTP/2 - RFC 7540", "Support HTTP/2 - RFC 7540"),
        # a series named in brackets without a number
        ("# [ADR] Use Postgres", "Use Postgres"),
        # the kind of document before a colon
        ("# Proposal: Security Policy for Go", "Security Policy for Go"),
        # backslash escapes are the characters they escape
        ("# Enabling global exec\\_groups", "Enabling global exec_groups"),
        ("# tf.\\_\\_internal\\_\\_ API namespace", "tf.__internal__ API namespace"),
    ],
)
def test_title_without_its_id_suffix_document_noun_or_escapes(heading: str, title: str) -> None:
    assert record(f"{heading}\n\n## Context\n\nText.\n").title == title


def test_a_file_named_by_date_and_time_gives_the_date() -> None:
    parsed = record("# Use Postgres\n\n## Context\n\nX\n", "adr/20240516132303-use-postgres.md")
    assert parsed.date == dt.date(2024, 5, 16)
    assert parsed.id == "20240516132303-use-postgres"


def test_front_matter_keys_written_as_the_bodys_labels() -> None:
    # Docusaurus pages: `date-issued`; Bazel: `created` wins over `last updated`
    issued = record(
        '---\ntitle: "Partition Strategy - ADR 004"\ndate-issued: "2021-05-19"\n'
        'status: "Accepted"\n---\n\n## Context\n\nX\n',
        "adr/004-partition.md",
    )
    assert (issued.title, issued.date, issued.raw_status) == (
        "Partition Strategy",
        dt.date(2021, 5, 19),
        "Accepted",
    )
    both, findings = parse(
        "---\ncreated: 2018-10-09\nlast updated: 2018-11-14\nstatus: Implemented\n"
        "title: Platform Inheritance\n---\n\n# Abstract\n\nX\n",
        "rfc/2018-10-09-platform-inheritance.md",
        "rfc",
    )
    assert both.date == dt.date(2018, 10, 9)
    assert "DEC006" not in {f.rule for f in findings}  # `last updated` is no unknown key
    alone = record("---\nlast updated: 2018-11-14\n---\n\n# Summary\n\nX\n", "rfc/0001-x.md", "rfc")
    assert alone.date == dt.date(2018, 11, 14)


def test_front_matter_and_labels_in_the_teams_language() -> None:
    parsed, findings = parse(
        "---\n# Ce sont des éléments optionnels.\nstatut: accepté\ndate: 2026-08-05\n"
        "décideurs: Raphaël Courivaud\n---\n\n# Mocker l\u2019API\n\n"
        "## Contexte et problématique\n\nX\n"
    )
    assert (parsed.raw_status, parsed.date) == ("accepté", dt.date(2026, 8, 5))
    assert parsed.value("deciders") == ["Raphaël Courivaud"]
    assert "DEC006" not in {f.rule for f in findings}
    body = record(
        "# Use Postgres\n\n* Statut : proposé\n* Décideurs : Ana, Bo\n\n## Contexte\n\nX\n"
    )
    assert (body.raw_status, body.value("deciders")) == ("proposé", ["Ana", "Bo"])


def test_a_status_section_written_as_a_task_list() -> None:
    text = (
        "# 0001 - Repostruktur\n\n## Status\n\n"
        "- [x] Foreslått (dato: 2025-06-02)\n"
        "- [x] Akseptert (dato: 2025-06-10)\n"
        "- [ ] Avvist (dato: ÅÅÅÅ-MM-DD)\n"
        "- [ ] Erstattet (dato: ÅÅÅÅ-MM-DD) _lenke til ADR som erstatter denne_\n\n"
        "## Kontekst\n\nX\n"
    )
    parsed, findings = parse(text)
    assert (parsed.raw_status, parsed.date) == ("Akseptert", dt.date(2025, 6, 10))
    assert parsed.position_of("status") == Position(6, 7)
    assert "DEC014" not in {f.rule for f in findings}
    template = record(text.replace("[x]", "[ ]"))
    assert (template.raw_status, template.date) == (None, None)


@pytest.mark.parametrize(
    ("written", "raw"),
    [
        ("✅ Accepted", "Accepted"),
        ("⌛️ Superseded", "superseded"),
        ("this proposal was [adopted for the Go 1.4 release]", "adopted"),
        ("This document is a draft.", "draft"),
    ],
)
def test_status_after_a_sign_or_in_a_sentence(written: str, raw: str) -> None:
    assert record(nygard(written)).raw_status == raw


def test_a_successor_named_by_its_number_alone() -> None:
    parsed = record(nygard("Superseded (by 0013)"), "adr/0009-grouper.md")
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == ["ADR-0013"]
    dated = record(nygard("Superseded 2021-05-01"), "adr/0009-grouper.md")
    assert [r for r in dated.references if r.relation == "superseded_by"] == []


def test_a_first_section_named_by_a_status_word() -> None:
    text = (
        "# Contracts — Draft Design\n\nIan Lance Taylor\\\nJuly 31, 2019\n\n## Superseded\n\n"
        "We will not pursue this.\nIt has been replaced by a [new\n"
        "proposal](43651-type-parameters.md).\n\n## Abstract\n\nX\n"
    )
    parsed = record(text, "rfc/go2draft-contracts.md", "rfc")
    assert (parsed.raw_status, parsed.date) == ("superseded", dt.date(2019, 7, 31))
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == [
        "rfc/43651-type-parameters.md"
    ]
    # a section about deprecated things further down says nothing of the record
    later = "# Use X\n\n## Summary\n\nX\n\n## Motivation\n\nY\n\n## Deprecated\n\nZ\n"
    assert record(later, "rfc/0001-x.md", "rfc").raw_status is None


def test_a_rule_above_the_title_is_no_front_matter() -> None:
    parsed, findings = parse(
        "---\n# Enabling global exec groups\n\n**Status**: Draft\n\n# Intro\n\nX\n"
    )
    assert "DEC003" not in {f.rule for f in findings}
    assert (parsed.title, parsed.raw_status) == ("Enabling global exec groups", "Draft")
    assert "DEC003" in {f.rule for f in parse("---\ntitle: T\n\n# Body\n")[1]}


def test_supersedes_written_as_words_names_no_record() -> None:
    text = (
        "# Connection API\n\n| | |\n| --- | --- |\n| Status | Proposed |\n"
        "| Supersedes | Data Connections (pre-2.16) |\n| Superseded by: | N/A |\n\n## What\n\nX\n"
    )
    assert record(text).references == ()
    named = record(text.replace("Data Connections (pre-2.16)", "ADR-0003, ADR-0004"))
    assert [r.target for r in named.references] == ["ADR-0003", "ADR-0004"]


def test_a_body_label_the_kind_has_no_field_for_is_no_unknown_key() -> None:
    text = (
        "A12: Use X\n----\n* Author(s): ana\n* Approver: bo\n* Status: Draft\n\n## Abstract\n\nX\n"
    )
    parsed, findings = parse(text, "rfc/A12-use-x.md", "rfc")
    assert parsed.raw_status == "Draft"
    assert "DEC006" not in {f.rule for f in findings}


def test_files_below_a_record_folder_are_its_parts(tmp_path: Path) -> None:
    rfc = "# Use X\n\n- Status: accepted\n\n## Summary\n\nX\n\n## Motivation\n\nY\n"
    findings = checked(
        tmp_path,
        {
            "rfc/CIP-0088/README.md": rfc,
            "rfc/CIP-0088/CIPs/0025/README.md": "# Token fields\n\nNotes.\n",
            "rfc/CIP-0105/README.md": rfc,
            "rfc/CIP-0105/test-vectors/test-vector-1.md": "# Vector\n\nkeys\n",
            # a folder named by the number, beside the record with that number
            "rfc/15292-generics.md": rfc,
            "rfc/15292/2013-10-gen.md": "# Generalized types\n\nX\n",
            "rfc/15292/2013-12-type-params.md": "# Type parameters\n\nX\n",
        },
        "rfc",
    )
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}, "history": False})
    paths = sorted(r.path for r in load_corpus(tmp_path, tmp_path / "docs", settings).records)
    assert paths == ["rfc/15292-generics.md", "rfc/CIP-0088/README.md", "rfc/CIP-0105/README.md"]
    assert not [f for f in findings if f.rule in ("DEC103", "DEC107")]


MADR2 = (
    "# Use {name}\n\n* Status: accepted\n* Date: 2021-05-12\n\n## Context and Problem Statement\n\n"
    "X\n\n## Considered Options\n\n* {name}\n* Other\n\n## Decision Outcome\n\n"
    'Chosen option: "{name}", because it is simple.\n'
)


def test_madr_2_consequences_are_optional(tmp_path: Path) -> None:
    files = {f"adr/000{n}-use-{name}.md": MADR2.format(name=name) for n, name in enumerate("ab", 1)}
    assert not [f for f in checked(tmp_path, files) if f.rule == "DEC301"]


def test_front_matter_over_nygards_sections_weighs_no_options(tmp_path: Path) -> None:
    nygard_page = (
        '---\ntitle: "Partition Strategy - ADR 004"\ndate-issued: "2021-05-19"\n'
        'status: "Accepted"\n---\n\n'
        "## Context\n\nX\n\n## Decision\n\nY\n\n## Consequences\n\nZ\n"
    )
    found = checked(tmp_path, {"adr/004-partition-strategy.md": nygard_page})
    assert not [f for f in found if f.rule in ("DEC301", "DEC105")]  # no options, no deciders


def test_references_a_reader_follows_are_not_dangling(tmp_path: Path) -> None:
    tep = (
        "---\ntitle: {title}\nstatus: {status}\n{extra}---\n\n"
        "## Summary\n\nX\n\n## Motivation\n\nY\n"
    )
    files = {
        "rfc/0023-implicit.md": tep.format(
            title="Implicit", status="implemented", extra="superseded-by:\n- TEP-0107\n"
        ),
        "rfc/0107-propagating.md": tep.format(title="Propagating", status="proposed", extra=""),
        "rfc/0018-single-state.md": "# Single state\n\n## Status\n\nSuperseded by "
        "[RFC 107](/rfc/107)\n\n## Summary\n\nX\n\n## Motivation\n\nY\n",
        "rfc/5339-plugin/README.md": "# Plugin\n\n## Status\n\nThis KEP has been replaced by "
        "[KEP-4322](/rfc/4322-cluster-inventory/).\n\n## Summary\n\nX\n\n## Motivation\n\nY\n",
        "rfc/4322-cluster-inventory/README.md": tep.format(
            title="Inventory", status="proposed", extra=""
        ),
        "rfc/0031-typo.md": tep.format(
            title="Typo", status="proposed", extra="supersedes: [TEP-0099]\n"
        ),
    }
    dangling = [(f.path, f.message) for f in checked(tmp_path, files, "rfc") if f.rule == "DEC201"]
    assert dangling == [
        ("rfc/0031-typo.md", "`supersedes` names TEP-0099, which is not a known record")
    ]


def test_a_link_target_with_escaped_brackets_names_the_file(tmp_path: Path) -> None:
    nygard_page = "# {n}. {title}\n\nDate: 2022-05-03\n\n## Status\n\n{status}\n\n## Context\n\nX\n"
    files = {
        "adr/0004-[Superseded]use-java-17.md": nygard_page.format(
            n=4, title="Use Java 17", status="Superseded by [22. Use Java 21](0022-use-java-21.md)"
        ),
        "adr/0022-use-java-21.md": nygard_page.format(
            n=22,
            title="Use Java 21",
            status="Accepted\n\nSupersedes [4. Use Java 17](0004-\\[Superseded\\]use-java-17.md)",
        ),
    }
    assert not [f for f in checked(tmp_path, files) if f.rule in ("DEC201", "DEC204")]


def test_a_record_that_has_superseded_another_is_not_superseded() -> None:
    text = (
        "# Using urfave/cli instead of cobra\n\n> [!IMPORTANT]\n"
        "This RFC has superseded [20251105-use-cobra.md](20251105-use-cobra.md)\n\n"
        "## Proposed Solution\n\nX\n"
    )
    parsed = record(text, "rfc/20260807-use-urfave.md", "rfc")
    assert parsed.raw_status is None
    assert [(r.relation, r.target) for r in parsed.references] == [
        ("supersedes", "rfc/20251105-use-cobra.md")
    ]
    passive = record(text.replace("has superseded", "has been superseded by"), "rfc/x.md", "rfc")
    assert passive.raw_status == "superseded"


def test_the_words_chosen_option_in_prose_ask_for_no_options(tmp_path: Path) -> None:
    text = (
        "# 17. Addressing of Validation Errors\n\nDate: 2023-08-03\n\n## Status\n\nAccepted\n\n"
        "## Context\n\nX\n\n## Decision\n\nAny chosen option should be unique across domains.\n\n"
        "## Consequences\n\nY\n"
    )
    assert not [
        f for f in checked(tmp_path, {"adr/0017-validation.md": text}) if f.rule == "DEC301"
    ]


@pytest.mark.parametrize(
    ("badge", "raw"),
    [
        ("[![Generic badge](https://badgen.net/badge/ADR/approved/green/)](README.md)", "approved"),
        ("![status](https://img.shields.io/badge/status-accepted-green.svg)", "accepted"),
        (
            "![s](https://img.shields.io/static/v1?label=status&message=deprecated&color=red)",
            "deprecated",
        ),
    ],
)
def test_a_status_badge_states_its_word(badge: str, raw: str) -> None:
    assert record(nygard(badge)).raw_status == raw


def test_a_status_section_in_the_teams_language() -> None:
    text = (
        "# 1. Registrar decisiones\n\nFecha: 2026-05-21\n\n## Estado\n\nAceptado\n\n"
        "## Contexto\n\nX\n"
    )
    parsed = record(text)
    assert (parsed.raw_status, parsed.date) == ("Aceptado", dt.date(2026, 5, 21))
    french = (
        "# 001. Enregistrement\n\nDate : 2022-11-02\n\n## Contexte\n\nX\n\n## État\n\nProposé.\n"
    )
    assert (record(french).raw_status, record(french).date) == ("Proposé", dt.date(2022, 11, 2))


@pytest.mark.parametrize(
    "name", ["adr-mal.md", "0000-modele-adr.md", "vorlage.md", "plantilla-adr.md"]
)
def test_a_template_named_in_the_teams_language_is_no_record(tmp_path: Path, name: str) -> None:
    checked(
        tmp_path, {f"adr/{name}": "# [kort tittel]\n\n## Kontekst\n\nX\n", "adr/0001-a.md": MADR2}
    )
    settings = settings_from_options({"kinds": {"adr": {"folder": "adr"}}, "history": False})
    paths = [r.path for r in load_corpus(tmp_path, tmp_path / "docs", settings).records]
    assert paths == ["adr/0001-a.md"]
    assert not is_template("0012-mal-formed-input.md")  # a record about "mal-formed" input


def test_records_without_extension_template_folders_and_zero_index_pages(tmp_path: Path) -> None:
    rfc = "# Use X\n\n- Status: accepted\n\n## Summary\n\nX\n\n## Motivation\n\nY\n"
    checked(
        tmp_path,
        {
            "rfc/0016-handle-concurrent-git-operations": rfc,  # saved without ".md"
            "rfc/RFC-0000/README.md": "# RFC-NNNN Title\n\n**Status:** provisional\n",
            "rfc/RFC-0001/README.md": rfc,
            "rfc/000-index.md": "# Decisions\n\n* [1](0001-x.md)\n",
            "rfc/LICENSE": "MIT\n",
        },
        "rfc",
    )
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}, "history": False})
    paths = sorted(r.path for r in load_corpus(tmp_path, tmp_path / "docs", settings).records)
    assert paths == ["rfc/0016-handle-concurrent-git-operations", "rfc/RFC-0001/README.md"]


# --- section names and status words in the teams' own words ------------------------------


@pytest.mark.parametrize(
    ("kind", "heading", "section_name"),
    [
        ("rfc", "Objective", "Summary"),  # TensorFlow's template
        ("rfc", "Problem description", "Motivation"),
        ("rfc", "Motivating example", "Motivation"),
        ("rfc", "The problem", "Motivation"),
        ("rfc", "Transition Path", "Design"),  # Ember's deprecation RFCs
        ("rfc", "The proposed solution", "Design"),
        ("rfc", "Potential Alternatives", "Alternatives"),
        ("rfc", "Rejected alternative: a dict type", "Alternatives"),
        ("rfc", "Notes and Caveats", "Drawbacks"),
        ("adr", "Kontekst og Problembeskrivelse", "Context and Problem Statement"),
        ("adr", "Bakgrunn:", "Context and Problem Statement"),
        ("adr", "Contexte et problématique", "Context and Problem Statement"),
        ("adr", "Options envisagées", "Considered Options"),
        ("adr", "Vurderte Alternativer", "Considered Options"),
        ("adr", "What\u2019s proposed", "Decision Outcome"),
        ("adr", "Beslutning", "Decision Outcome"),
        ("adr", "Conséquences", "Consequences"),
    ],
)
def test_headings_teams_use_for_a_section(kind: str, heading: str, section_name: str) -> None:
    parsed = record(f"# A record\n\n## {heading}\n\nText.\n", kind=kind)
    spec = KINDS[kind].section(section_name)
    found = find_section(parsed.iter_sections(), spec.aliases)
    assert found is not None and found.title == heading


def test_a_french_madr_record_has_its_sections(tmp_path: Path) -> None:
    text = (
        "---\nstatut: accepté\ndate: 2024-06-03\ndécideurs: Ana\n---\n\n# Mocker l'API\n\n"
        "## Contexte et problématique\n\nX\n\n## Options envisagées\n\n* msw\n* nock\n\n"
        "## Décision\n\nOption choisie : msw, car X.\n\n### Conséquences\n\n"
        "* Bien, car X\n* Mauvais, car Y\n"
    )
    findings = checked(tmp_path, {"adr/0001-mocker.md": text})
    parsed = record(text)
    assert (parsed.raw_status, parsed.status) == ("accepté", "accepted")
    assert [f.rule for f in findings if f.severity.name == "ERROR"] == []


@pytest.mark.parametrize(
    ("kind", "word", "status"),
    [
        ("adr", "Akseptert", "accepted"),
        ("adr", "Foreslått", "proposed"),
        ("adr", "Besluttet", "accepted"),
        ("adr", "beslutad", "accepted"),
        ("adr", "beslutta", "accepted"),
        ("adr", "Forslag", "proposed"),
        ("rfc", "förslag", "review"),
        ("adr", "udkast", "proposed"),
        ("rfc", "Udkast", "draft"),
        ("adr", "accepté", "accepted"),
        ("adr", "Proposé", "proposed"),
        ("adr", "Aceptado", "accepted"),
        ("adr", "Rechazado", "rejected"),
        ("adr", "Abgelehnt", "rejected"),
        ("adr", "Angenommen", "accepted"),
        ("adr", "Erstattet", "superseded"),
        ("rfc", "proposé", "review"),
        ("rfc", "brouillon", "draft"),
        ("rfc", "adopted", "accepted"),
        ("rfc", "veraltet", None),  # an RFC has no deprecated status
    ],
)
def test_status_words_in_other_languages(kind: str, word: str, status: str | None) -> None:
    assert KINDS[kind].canonical_status(word) == status


def test_an_empty_heading_over_sibling_headings_is_not_empty(tmp_path: Path) -> None:
    rfc = (
        "# Once\n\n- Status: accepted\n\n## Summary\n\nX\n\n## Motivation\n\nX\n\n"
        "## Detailed design\n\nX\n\n## Drawbacks\n\nX\n\n## Alternatives considered\n\n"
        "{alternatives}## Unresolved questions\n\nNone.\n"
    )
    files = {f"rfc/000{n}-x.md": rfc.format(alternatives="* A\n* B\n\n") for n in range(1, 5)}
    # the alternatives as sibling headings: the empty heading is over them
    files["rfc/0005-once.md"] = rfc.format(alternatives="## Not requiring one execution\n\nY\n\n")
    # an empty section before the template's next section is empty
    files["rfc/0006-empty.md"] = rfc.format(alternatives="")
    findings = checked(tmp_path, files, "rfc")
    assert [(f.path, *at(f)) for f in findings if f.rule == "DEC302"] == [
        ("rfc/0006-empty.md", "DEC302", 21, 1)
    ]


# --- the chosen option named otherwise, pros and cons under labels ------------------------

NUMBERED_OPTIONS = "## Considered Options\n\n1. React\n2. htmx + Alpine.js + JS\n\n"


@pytest.mark.parametrize(
    ("outcome", "options", "expected"),
    [
        (
            "## Decision\n\n(#2) Use htmx and Alpine.js from now on.\n",
            NUMBERED_OPTIONS,
            ["htmx + Alpine.js + JS"],
        ),
        ("## Decision\n\nWe go with option 2.\nKeys are uploaded.\n", OPTIONS, ["MongoDB"]),
        ("## Decision\n\nOption 1 - We will extract it.\n", OPTIONS, ["Extract Class"]),
        ("## Decision\n\nAdopt **option 3**: merge them.\n", OPTIONS, ["Inline Method"]),
        ("## Decision\n\nWe will go with MongoDB for the first version.\n", OPTIONS, ["MongoDB"]),
        (
            '## Decision Outcome\n\nChosen option: "Option 3: merge the two classes into one", '
            "because\n",
            OPTIONS,
            ["Inline Method"],
        ),
        (
            '## Decision Outcome\n\nChosen option: "Rely on upstream", because\n',
            "## Considered Options\n\n* Install CRDs in the bootstrap step\n"
            "* Rely on whatever mechanism upstream Helm charts propose\n\n",
            ["Rely on whatever mechanism upstream Helm charts propose"],
        ),
        (
            '## Decision Outcome\n\nChosen option: "stateles actors", because\n',
            "## Considered Options\n\n* Actor state in the actor API\n"
            "* Actors are inherently stateless - state comes from a provider\n\n",
            ["Actors are inherently stateless"],
        ),
        (
            "## Decision Outcome\n\nWe introduce `neverthrow` in new code.\n",
            "## Considered Options\n\n* keep idiomatic error handling\n"
            "* use the Result pattern with neverthrow\n\n",
            ["use the Result pattern with neverthrow"],
        ),
        (
            "## Decision Outcome\n\nManage the ECR repository as part of the prod account "
            "module. It always exists.\n",
            "## Considered Options\n\n* A separate build account for the ECR repository\n"
            "* Manage the ECR repository as part of the prod account\n\n",
            ["Manage the ECR repository as part of the prod account"],
        ),
    ],
)
def test_chosen_option_named_otherwise(outcome: str, options: str, expected: list[str]) -> None:
    assert chosen(outcome, options) == expected


@pytest.mark.parametrize(
    ("outcome", "options"),
    [
        # no choice yet, a template's placeholder, none of the options, the only option refused
        ("## Decision Outcome\n\nConsensus was to go with option 2 or 3.\n", OPTIONS),
        ('## Decision Outcome\n\nChosen option: "{title of option 1}", because\n', OPTIONS),
        (
            "## Decision outcome: Out-of-process COA\n\nNone fits; we decided to go with an "
            "out-of-process broker.\n",
            "## Considered Options\n\n* CTP 1\n* In-process COA\n* Dapr\n\n",
        ),
        (
            "## Decision\n\nWe move the whole Staging account into Production instead.\n",
            "## Considered Options\n\n* Remove the Production data from the Staging account\n\n",
        ),
    ],
)
def test_an_outcome_that_chooses_none_of_the_options(outcome: str, options: str) -> None:
    assert chosen(outcome, options) == []


@pytest.mark.parametrize(
    "arguments",
    [
        "Goods:\n\n- already in production\n\nBads:\n\n- hard to scale\n",
        "Pros\n\n- Declarative\n\nCons\n\n- Needs a public database\n",
        "#### Advantages\n\n- headless\n\n#### Disadvantages\n\n- complex to set up\n",
        "* \u2705 Has serialization built in\n* \u274e No undo\n",
        "* Bra, fordi vi sparer tid\n* Dårlig, fordi vi står fast\n",
    ],
)
def test_pros_and_cons_under_labels_and_signs(tmp_path: Path, arguments: str) -> None:
    pros_and_cons = f"## Pros and Cons of the Options\n\n### Extract Class\n\n{arguments}\n"
    text = MADR2.format(name="Extract Class").replace(
        "## Decision Outcome", pros_and_cons + "## Decision Outcome"
    )
    findings = checked(tmp_path, {"adr/0001-a.md": text})
    assert [at(f) for f in findings if f.rule == "DEC306"] == []


@pytest.mark.parametrize(
    ("consequences", "expected"),
    [
        ("### Positive\n\n- Fast\n\n### Trade-offs and risks\n\n- Static only\n", []),
        ("### Positive\n\n- Fast\n\n### Negative og risiko\n\n- Drift\n", []),
        ("* Better long-term outlook.\n* Feature work delayed as we move.\n", []),
        ("### Positive\n\n- Fast\n- Simple\n", [("DEC305", 15, 1)]),
    ],
)
def test_negative_consequences_under_joined_headings_and_prose_lists(
    tmp_path: Path, consequences: str, expected: list[tuple[str, int, int]]
) -> None:
    text = (
        "# Unify the app\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\n"
        "We merge the apps.\n\n## Consequences\n\n" + consequences
    )
    findings = checked(tmp_path, {"adr/0001-unify.md": text})
    assert [at(f) for f in findings if f.rule == "DEC305"] == expected


def test_a_sub_folder_numbered_from_one_is_a_series_of_its_own(tmp_path: Path) -> None:
    rfc = "# {title}\n\n- Status: {status}\n\n## Summary\n\nX\n\n## Motivation\n\nY\n"
    files = {
        "rfc/0001-keywords.md": rfc.format(title="Keywords", status="draft"),
        "rfc/0002-currying.md": rfc.format(title="Currying", status="draft"),
        "rfc/testing/0001-bug-inits.md": rfc.format(title="Bug inits", status="draft"),
        "rfc/testing/0002-json-abi.md": rfc.format(title="JSON ABI", status="superseded by 0001"),
        # a sub-folder that goes on with the kind's numbering is no series of its own
        "rfc/stdlib/0003-random.md": rfc.format(title="Random", status="draft"),
        "rfc/stdlib/0004-uuid.md": rfc.format(title="UUID", status="draft"),
    }
    findings = checked(tmp_path, files, "rfc")
    assert "DEC103" not in {f.rule for f in findings}
    assert "DEC201" not in {f.rule for f in findings}
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}, "history": False})
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    ids = {r.path: r.id for r in corpus.records}
    assert ids["rfc/testing/0001-bug-inits.md"] == "TESTING-0001"
    assert ids["rfc/0001-keywords.md"] == "RFC-0001"
    assert ids["rfc/stdlib/0003-random.md"] == "RFC-0003"
    successor = corpus.successor(corpus.by_id["TESTING-0002"])
    assert successor is not None and successor.path == "rfc/testing/0001-bug-inits.md"


def test_a_one_record_sub_folder_numbered_from_one_is_a_series_like_its_siblings(
    tmp_path: Path,
) -> None:
    """`adr/search/ADR-0001 c.md` alone beside `adr/billing/ADR-0001..0004`: its own
    series like billing's, no DEC103 with the top-level ADR-0001. Alone, without such a
    sibling, it clashes as before."""
    adr = "# {title}\n\n* Status: accepted\n\n## Context\n\nX\n"
    files = {"adr/ADR-0001 a.md": adr.format(title="A"), "adr/ADR-0002 b.md": adr.format(title="B")}
    files |= {f"adr/billing/ADR-000{n} x{n}.md": adr.format(title=f"X{n}") for n in range(1, 5)}
    files["adr/search/ADR-0001 c.md"] = adr.format(title="C")
    duplicates = [f for f in checked(tmp_path, files, "adr") if f.rule == "DEC103"]
    assert duplicates == []
    ids = {
        r.path: r.id for r in loaded(tmp_path, {}, {"kinds": {"adr": {"folder": "adr"}}}).records
    }
    assert (ids["adr/search/ADR-0001 c.md"], ids["adr/billing/ADR-0001 x1.md"]) == (
        "SEARCH-0001",
        "BILLING-0001",
    )
    for n in range(1, 5):
        (tmp_path / f"adr/billing/ADR-000{n} x{n}.md").unlink()
    duplicates = [f for f in checked(tmp_path, {}, "adr") if f.rule == "DEC103"]
    assert [(f.path, f.position.line) for f in duplicates] == [("adr/search/ADR-0001 c.md", 1)]


def test_a_stub_left_by_a_renamed_record_is_no_record_of_its_own(tmp_path: Path) -> None:
    rfc = "# {title}\n\n- Status: accepted\n\n## Summary\n\nX\n"
    files = {
        "rfc/0519-ref-types.md": rfc.format(title="Ref types"),
        "rfc/0519-borrow-types.md": "This document was renamed as part of the process. "
        "Please see [SE-0519: Ref types](0519-ref-types.md).\n",
        "rfc/2071-alias.md": "Moved to [2071-ref-types.md](0519-ref-types.md).\n",
    }
    findings = checked(tmp_path, files, "rfc")
    stubs = ("rfc/0519-borrow-types.md", "rfc/2071-alias.md")
    assert [f.rule for f in findings if f.path in stubs and f.severity is Severity.ERROR] == []
    assert "DEC103" not in {f.rule for f in findings}
    parsed = record(files["rfc/2071-alias.md"], "rfc/2071-alias.md", "rfc")
    assert parsed.moved_to == "0519-ref-types.md"
    assert record(rfc.format(title="Moved to Postgres"), "rfc/0001-x.md", "rfc").moved_to == ""


def test_a_stub_that_names_where_the_record_lives_now_is_no_record(tmp_path: Path) -> None:
    """An archive keeps a stub where a record moved: a path, not a link ("Moved to
    ../../adr/"), or a few lines in the team's language under a title whose only paths
    name the file of its own name in the current folder."""
    adr = "# {title}\n\n- Status: accepted\n\n## Context\n\nSee `../old/0001-a.md`.\n"
    files = {
        "adr/0001-a.md": adr.format(title="A"),
        "adr/0002-b.md": "Moved to ../../adr/\n",
        "adr/0003-c.md": "# Hinweis zu ADR-003\n\nNur ein Platzhalter.\n\n"
        "Die aktuelle Fassung liegt unter:\n\n- `../../adr/0003-c.md`\n",
    }
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "adr"}}})
    assert [r.path for r in corpus.records] == ["adr/0001-a.md"]
    assert record(files["adr/0002-b.md"], "adr/0002-b.md").moved_to == "../../adr/"
    assert record(files["adr/0003-c.md"], "adr/0003-c.md").moved_to == "../../adr/0003-c.md"
    # A record whose one path names another file is a record, however short; so is a
    # folder's README that links to another folder's README.
    short = "# C\n\nDie Fassung liegt unter `../../adr/0004-d.md`.\n"
    assert record(short, "adr/0003-c.md").moved_to == ""
    readme = "# Genesis\n\nSee [ADR 2](../0002/README.md).\n"
    assert record(readme, "adr/0001/README.md").moved_to == ""


# --- metadata files, staged lifecycles, pages that are no records, shared prefixes ----

KEP_README = (
    "<!-- Instructions of the template, kept in the file.\n"
    "``` <<[UNRESOLVED context ]>> argued. <<[/UNRESOLVED]>> ```\n"
    "-->\n"
    "# KEP-{number}: {heading}\n\n"
    "## Summary\n\nS.\n\n## Motivation\n\nM.\n\n"
    "### Risks and Mitigations\n\n"
    "## Design Details\n\n```go\ntype X struct{{}}\n```\n\n"
    "## Drawbacks\n\nSlower.\n\n"
    "## Alternatives\n\nA queue.\n"
)
KEP_YAML = (
    "title: {title}\n"
    "kep-number: {number}\n"
    "authors:\n  - '@ana'\n"
    "owning-sig: sig-apps\n"
    "status: {status}\n"
    "creation-date: {date}\n"
    "superseded-by:\n  - n/a\n"
    "milestone:\n  alpha: 'v1.21'\n"
)


def kep(number: int, status: str, date: str = "2020-12-29") -> dict[str, str]:
    folder = f"rfc/sig-apps/{number}-indexed-job"
    return {
        f"{folder}/README.md": KEP_README.format(number=number, heading="Indexed Job for all"),
        f"{folder}/kep.yaml": KEP_YAML.format(
            title="Indexed Job", number=number, status=status, date=date
        ),
    }


def corpus_of(root: Path, files: dict[str, str], kind: str = "rfc") -> list[Record]:
    return loaded(root, files, {"kinds": {kind: {"folder": kind}}}).records


def test_a_folder_readme_reads_the_metadata_file_beside_it(tmp_path: Path) -> None:
    files = {**kep(2214, "implementable"), **kep(3077, "implemented", date="2021-13-45")}
    findings = checked(tmp_path, files, "rfc")
    (first, second) = corpus_of(tmp_path, {})
    assert first.path == "rfc/sig-apps/2214-indexed-job/README.md"
    assert first.metadata_path == "rfc/sig-apps/2214-indexed-job/kep.yaml"
    assert (first.title, first.raw_status, first.status) == (
        "Indexed Job",
        "implementable",
        "accepted",
    )
    assert first.date == dt.date(2020, 12, 29)
    assert first.value("authors") == ["@ana"]
    assert first.metadata_style == "metadata file"
    assert not [r for r in first.references if r.relation == "superseded_by"]  # n/a
    assert second.status == "implemented"
    # The other tool's keys are no unknown keys; the bad date is found where it is written.
    assert {f.rule for f in findings} & {"DEC006", "DEC201"} == set()
    bad = [f for f in findings if f.rule == "DEC007"]
    assert [(f.path, f.position.line, f.position.column) for f in bad] == [
        ("rfc/sig-apps/3077-indexed-job/kep.yaml", 7, 16)
    ]
    # The template's comment holds no fence; the empty Risks and Mitigations does not
    # hide the Drawbacks written further down.
    assert [f for f in findings if f.rule in ("DEC301", "DEC302")] == []


@pytest.mark.parametrize(
    "written",
    [
        "superseded-by: []",
        "superseded-by:\n  - []",
        "superseded-by:\n  -",
        "superseded-by:\n  - N.A.",
        "replaces:\n  - []\n  - n/a",
    ],
)
def test_a_reference_list_that_says_nothing_names_no_record(tmp_path: Path, written: str) -> None:
    """An empty list, a list of empty items (`- []`, `-` alone) and a word for none
    (`N.A.`) in a template's reference list: no DEC007, no DEC201, no reference."""
    front = f"---\ntitle: Use X\nstatus: implemented\n{written}\n---\n\n# Use X\n"
    files = {"rfc/0001-use-x.md": front + "\n## Summary\n\nX\n"}
    findings = checked(tmp_path, files, "rfc")
    assert {f.rule for f in findings} & {"DEC007", "DEC201"} == set()
    assert corpus_of(tmp_path, {})[0].references == ()


def test_superseded_by_names_one_successor_or_several(tmp_path: Path) -> None:
    """`superseded-by:` written as a list, as the KEP-like template writes it: each item a
    successor; one item is as good as the single value."""
    front = "---\ntitle: {title}\nstatus: {status}\n{extra}---\n\n# {title}\n\n## Summary\n\nX\n"
    files = {
        "rfc/0001-a.md": front.format(
            title="A", status="superseded", extra="superseded-by:\n  - RFC-0002\n  - RFC-0003\n"
        ),
        "rfc/0002-b.md": front.format(title="B", status="implemented", extra=""),
        "rfc/0003-c.md": front.format(title="C", status="implemented", extra=""),
        "rfc/0004-d.md": front.format(
            title="D", status="superseded", extra="superseded-by: [RFC-0002]\n"
        ),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    by_path = {r.path: r for r in corpus.records}
    assert [r.id for r in corpus.successors(by_path["rfc/0001-a.md"])] == ["RFC-0002", "RFC-0003"]
    assert [r.id for r in corpus.successors(by_path["rfc/0004-d.md"])] == ["RFC-0002"]
    assert {f.rule for f in checked(tmp_path, {}, "rfc")} & {"DEC007", "DEC105", "DEC201"} == set()


def test_a_status_written_as_an_empty_list_is_no_status(tmp_path: Path) -> None:
    """`status: []`: the record states no status (DEC102), not a value of the wrong type."""
    files = {"rfc/0001-use-x.md": "---\ntitle: Use X\nstatus: []\n---\n\n# Use X\n"}
    rules = {f.rule for f in checked(tmp_path, files, "rfc")}
    assert "DEC102" in rules and "DEC007" not in rules


def test_a_metadata_file_named_for_the_series_is_read(tmp_path: Path) -> None:
    """``gep.yaml`` beside ``geps/0011-x/README.md`` is the record's metadata, as
    ``kep.yaml`` is; its number key numbers a folder whose name has none. A YAML file
    named for no series of the collection is not read."""
    readme = "# GEP-{n}: Invert the tunnel\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n"
    gep = "title: Invert the tunnel\ngep-number: {n}\nstatus: {status}\ncreation-date: {date}\n"
    files = {
        "geps/0011-tunnel/README.md": readme.format(n="0011"),
        "geps/0011-tunnel/gep.yaml": gep.format(n="0011", status="withdrawn", date="2020-04-09"),
        "geps/0012-proxy/README.md": readme.format(n="0012"),
        "geps/0012-proxy/gep.yml": gep.format(n="0012", status="implemented", date="2021-01-02"),
        "geps/proxy-v2/README.md": readme.format(n="0013"),
        "geps/proxy-v2/gep.yaml": gep.format(n="0013", status="deferred", date="2022-03-04"),
        "geps/0014-chart/README.md": readme.format(n="0014"),
        "geps/0014-chart/chart.yaml": gep.format(n="0014", status="withdrawn", date="2023-01-01"),
    }
    by_path = {
        r.path: r for r in loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "geps"}}}).records
    }
    first = by_path["geps/0011-tunnel/README.md"]
    assert (first.metadata_path, first.raw_status, first.status, first.date) == (
        "geps/0011-tunnel/gep.yaml",
        "withdrawn",
        "withdrawn",
        dt.date(2020, 4, 9),
    )
    assert (first.id, first.metadata_style) == ("RFC-0011", "metadata file")
    assert by_path["geps/0012-proxy/README.md"].status == "implemented"
    unnumbered = by_path["geps/proxy-v2/README.md"]
    assert (unnumbered.id, unnumbered.number, unnumbered.raw_status) == ("RFC-0013", 13, "deferred")
    other = by_path["geps/0014-chart/README.md"]
    assert (other.metadata_path, other.raw_status) == ("", None)


def test_a_missing_section_of_a_kep_names_its_readme(tmp_path: Path) -> None:
    files = kep(2214, "implemented")
    readme = "rfc/sig-apps/2214-indexed-job/README.md"
    files[readme] = files[readme].split("## Drawbacks")[0]
    missing = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC301"]
    assert [(f.path, f.position.line, f.message) for f in missing] == [
        (readme, 4, "missing section `Alternatives` (required when implemented)"),
    ]
    # With the Drawbacks gone, the empty Risks and Mitigations is the one there is.
    empty = [f for f in checked(tmp_path, {}, "rfc") if f.rule == "DEC302"]
    assert [(f.path, f.position.line) for f in empty] == [(readme, 14)]


def test_a_status_in_a_metadata_file_is_told_where_to_write_it(tmp_path: Path) -> None:
    files = kep(2214, "implemented")
    yaml_path = "rfc/sig-apps/2214-indexed-job/kep.yaml"
    files[yaml_path] = files[yaml_path].replace("status: implemented\n", "status: replaced\n")
    found = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC105"]
    assert [(f.path, f.position.line) for f in found] == [(yaml_path, 6)]
    assert "`kep.yaml`" in found[0].hint


def test_a_successor_named_in_the_status_section_counts(tmp_path: Path) -> None:
    body = (
        "---\ntitle: Routing\nstatus: replaced\n---\n\n# Routing\n\n## Status\n"
        "This KEP has been replaced by [KEP 2433: Topology Aware\n"
        "Hints](https://example.org/keps/2433). It goes in 1.22.\n\n"
        "## Summary\n\nS.\n\n## Motivation\n\nM.\n"
    )
    parsed = record(body, "rfc/0536-routing.md", "rfc")
    assert parsed.status == "superseded"
    assert [r.target for r in parsed.references if r.relation == "superseded_by"] == [
        "https://example.org/keps/2433"
    ]


TEP = (
    "---\ntitle: {title}\nstatus: {status}\ncreation-date: 2021-01-05\n---\n\n"
    "# TEP-00{number}: {title}\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n{more}"
)
DESIGNED = "\n## Design Details\n\nD.\n\n## Alternatives\n\nA.\n\n## Drawbacks\n\nB.\n"


def test_proposed_is_before_the_design_where_the_lifecycle_has_implementable(
    tmp_path: Path,
) -> None:
    files = {
        "rfc/0001-a.md": TEP.format(title="A", status="implementable", number=1, more=DESIGNED),
        "rfc/0002-b.md": TEP.format(title="B", status="proposed", number=2, more=""),
        "rfc/0003-c.md": TEP.format(title="C", status="provisional", number=3, more=""),
        "rfc/0004-d.md": TEP.format(title="D", status="withdrawn", number=4, more=""),
    }
    records = {r.path: r for r in corpus_of(tmp_path, files)}
    assert records["rfc/0002-b.md"].status == "draft"
    assert records["rfc/0002-b.md"].raw_status == "proposed"
    assert records["rfc/0003-c.md"].status == "draft"
    assert [f for f in checked(tmp_path, {}, "rfc") if f.rule == "DEC301"] == []


def test_proposed_is_in_review_where_the_lifecycle_has_no_implementable(
    tmp_path: Path,
) -> None:
    files = {
        "rfc/0001-a.md": TEP.format(title="A", status="accepted", number=1, more=DESIGNED),
        "rfc/0002-b.md": TEP.format(title="B", status="proposed", number=2, more=""),
    }
    missing = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC301"]
    assert {(f.path, f.position.line) for f in missing} == {("rfc/0002-b.md", 2)}
    assert len(missing) == 3  # Design, Alternatives, Drawbacks: required when review


def test_a_sub_folder_without_numbers_beside_numbered_records_holds_no_records(
    tmp_path: Path,
) -> None:
    cip = "---\nTitle: {title}\nStatus: Active\n---\n\n## Abstract\n\nA.\n"
    files = {
        "rfc/CIP-0001/README.md": cip.format(title="Process"),
        "rfc/CIP-0002/README.md": cip.format(title="Coin selection"),
        "rfc/BiweeklyMeetings/2020-07-01.md": "# Meeting\n\nNotes.\n",
        "rfc/BiweeklyMeetings/2020-07-15.md": "# Meeting\n\nNotes.\n",
        "rfc/design/onboarding-guide.md": "# Onboarding guide\n\nSteps.\n",
        "rfc/logs/20210105-use-queues.md": cip.format(title="Use queues"),
    }
    paths = sorted(r.path for r in corpus_of(tmp_path, files))
    assert paths == [
        "rfc/CIP-0001/README.md",
        "rfc/CIP-0002/README.md",
        "rfc/logs/20210105-use-queues.md",
    ]
    findings = checked(tmp_path, {}, "rfc")
    assert not [f for f in findings if "BiweeklyMeetings" in f.path or "design/" in f.path]


@pytest.mark.parametrize(
    ("text", "path", "title"),
    [
        ("# 23 Logging\n\nDate: 2024-11-11\n", "adr/023-logging.md", "Logging"),
        ("# 2021 roadmap\n", "adr/0005-roadmap.md", "2021 roadmap"),
        (
            "\n# [CPython version support]\n\n## Motivation\n",
            "rfc/0038-x.md",
            "CPython version support",
        ),
        ("# [short title of solved problem]\n", "adr/0002-use-queues.md", "Use queues"),
        ("## Author(s)\n\n- @ana\n\n## Abstract\n\nA.\n", "rfc/0054-hud-results.md", "Hud results"),
        ("# Superseded!\n\nSee RFC 44.\n\n## Summary\n", "rfc/0025-core-team.md", "Core team"),
        (
            "# [PT2.1 Feature Proposal] SDPA CPU Optimization\n",
            "rfc/0025-x.md",
            "SDPA CPU Optimization",
        ),
        ("# [WIP] Faster builds\n", "adr/0003-x.md", "[WIP] Faster builds"),
        ("# [SDR] Cancel the meetings\n", "adr/2025-02-02-x.md", "Cancel the meetings"),
        ("# [ODR]Buy support hours\n", "adr/2025-02-10-x.md", "Buy support hours"),
        (
            "---\ntitle: redirecting-step-output-streams\n---\n\n"
            "# TEP-0011: Redirecting Step Output Streams\n",
            "rfc/0011-redirecting-step-output-streams.md",
            "Redirecting Step Output Streams",
        ),
    ],
)
def test_titles_without_labels_numbers_and_brackets(text: str, path: str, title: str) -> None:
    assert record(text, path, path.split("/")[0]).title == title


def test_a_type_label_that_the_titles_of_a_folder_open_with_is_taken_off(
    tmp_path: Path,
) -> None:
    adr = "# {title}\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n"
    files = {
        "adr/0001-a.md": adr.format(title="[PRD] Use queues"),
        "adr/0002-b.md": adr.format(title="[PRD]Use caches"),
        "adr/0003-c.md": adr.format(title="[OPS] Page on call"),
        "adr/0004-d.md": adr.format(title="[OPS] Keep logs"),
        "adr/0005-e.md": adr.format(title="Plain title"),
        # A label on a few titles of a folder is words of the title.
        "adr/other/0006-f.md": adr.format(title="[API] Use REST"),
        "adr/other/0007-g.md": adr.format(title="[API] Version the paths"),
        "adr/other/0008-h.md": adr.format(title="Use Postgres"),
        "adr/other/0009-i.md": adr.format(title="Use Kafka"),
        "adr/other/0010-j.md": adr.format(title="Use Redis"),
    }
    titles = [r.title for r in loaded(tmp_path, files).records]
    assert titles == [
        "Use queues",
        "Use caches",
        "Page on call",
        "Keep logs",
        "Plain title",
        "[API] Use REST",
        "[API] Version the paths",
        "Use Postgres",
        "Use Kafka",
        "Use Redis",
    ]


def test_a_prefix_shared_by_the_titles_of_a_folder_is_taken_off(tmp_path: Path) -> None:
    adr = "# {title}\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n"
    files = {
        "adr/0001-a.md": adr.format(title="Open Hub - Operator scope"),
        "adr/0002-b.md": adr.format(title="Open Hub - Auth CR"),
        "adr/0003-c.md": adr.format(title="Open Hub - Connection API"),
        "adr/0004-d.md": adr.format(title="Open Hub - Module onboarding"),
        "adr/0005-e.md": adr.format(title="Gateway architecture"),
        "adr/other/0006-f.md": adr.format(title="Frontend: use React"),
        "adr/other/0007-g.md": adr.format(title="Frontend: use Redux"),
        "adr/other/0008-h.md": adr.format(title="Frontend: styled components"),
        "adr/other/0009-i.md": adr.format(title="Backend: use Postgres"),
        "adr/other/0010-j.md": adr.format(title="Backend: use Kafka"),
    }
    titles = [r.title for r in corpus_of(tmp_path, files, "adr")]
    assert titles == [
        "Operator scope",
        "Auth CR",
        "Connection API",
        "Module onboarding",
        "Gateway architecture",
        "Frontend: use React",  # two prefixes recur: categories, kept
        "Frontend: use Redux",
        "Frontend: styled components",
        "Backend: use Postgres",
        "Backend: use Kafka",
    ]


def test_a_prefix_that_names_the_sub_folder_is_the_records_category(tmp_path: Path) -> None:
    """`Billing domain/` holds four records titled `Billing: ...`: the prefix says which
    domain, as the single record of the sibling `Search domain/` says `Search: ...`; it
    is no collection name to take off."""
    adr = "# {title}\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n"
    files = {
        f"adr/Billing domain/000{n}-x.md": adr.format(title=f"Billing: topic {n}")
        for n in range(1, 5)
    }
    files["adr/Search domain/0001-y.md"] = adr.format(title="Search: ranking")
    titles = sorted(r.title for r in corpus_of(tmp_path, files, "adr"))
    assert titles == [*(f"Billing: topic {n}" for n in range(1, 5)), "Search: ranking"]


def test_headings_after_a_code_span_line_are_sections() -> None:
    text = (
        "# Protocols\n\n## Summary\n\n```Values are names such as x.com/y.```\n\n"
        "## Motivation\n\nM.\n\n<!--\n# not a heading\n-->\n## Drawbacks\n\nD.\n"
    )
    keys = [s.key for s in record(text, "rfc/0001-x.md", "rfc").iter_sections()]
    assert keys == ["summary", "motivation", "drawbacks"]


def test_a_missing_status_is_one_note_when_most_records_state_none(tmp_path: Path) -> None:
    with_status = "# T{n}\n\n* Status: accepted\n\n## Context and Problem Statement\n\nC.\n"
    without = "# T{n}\n\n## Context and Problem Statement\n\nC.\n"
    files = {
        f"adr/000{n}-x.md": (with_status if n <= 2 else without).format(n=n) for n in range(1, 7)
    }
    missing = [f for f in checked(tmp_path, files, "adr") if f.rule == "DEC102"]
    assert [(f.path, f.severity) for f in missing] == [("adr/0003-x.md", Severity.INFO)]


def test_a_missing_status_is_an_error_where_most_records_state_one(tmp_path: Path) -> None:
    with_status = "# T{n}\n\n* Status: accepted\n\n## Context and Problem Statement\n\nC.\n"
    without = "# T{n}\n\n## Context and Problem Statement\n\nC.\n"
    files = {
        f"adr/000{n}-x.md": (with_status if n <= 3 else without).format(n=n) for n in range(1, 6)
    }
    missing = [f for f in checked(tmp_path, files, "adr") if f.rule == "DEC102"]
    assert [(f.path, f.position.line, f.severity) for f in missing] == [
        ("adr/0004-x.md", 1, Severity.ERROR),
        ("adr/0005-x.md", 1, Severity.ERROR),
    ]


def test_a_solution_heading_is_the_decision_outcome(tmp_path: Path) -> None:
    adr = (
        "---\ntitle: {title}\nstatus: accepted\ndate: 2025-09-22\n---\n\n"
        "## Context\n\nC.\n\n## {heading}\n\nWe do it.\n\n## Consequences\n\nSlower.\n"
    )
    files = {
        "adr/20250922-plugin-spec.md": adr.format(title="Plugin spec", heading="Solution"),
        "adr/20251205-assets.md": adr.format(
            title="Assets", heading="Solution or decision outcome"
        ),
    }
    outcome = [f for f in checked(tmp_path, files) if "Decision Outcome" in f.message]
    assert outcome == []


def test_a_bold_date_line_in_the_first_section_is_the_date() -> None:
    text = (
        "# RFC 001: Matcher\n\n## Purpose\nThis RFC proposes a matcher.\n\n"
        "**Last modified:** 2018-11-02T16:46:57+00:00\n\n## Background\n\n"
        "**Date:** 2020-01-01 is when the old one broke.\n"
    )
    parsed = record(text, "rfc/001-matcher/README.md", "rfc")
    assert parsed.date == dt.date(2018, 11, 2)
    assert parsed.position_of("date") == Position(6, 20)
    # Not a date of a later section, nor one in prose of the first.
    later = text.replace("**Last modified:** 2018-11-02T16:46:57+00:00\n\n", "")
    assert record(later, "rfc/001-matcher/README.md", "rfc").date is None


def test_an_option_of_no_words_and_an_empty_chosen_option_are_read(tmp_path: Path) -> None:
    """A template's "…" left as an option, and `Chosen option: ""`: nothing to match,
    and no crash in the checks or the trade-off matrix."""
    from mkdocs_decisions.records.arguments import weighing
    from mkdocs_decisions.records.kinds import default_kinds

    text = (
        "# Vim end of line\n\n## Context and Problem Statement\n\nC.\n\n"
        "## Considered Options\n\n* Always force eol off.\n"
        "* When fixeol is on, send the fixes to the daemon.\n* \u2026\n\n"
        '## Decision Outcome\n\nChosen option: "", because {justification.\n\n'
        "## Pros and Cons of the Options\n\n### Always force eol off\n\n* Good, because simple.\n"
    )
    files = {"adr/0002-vim-eol.md": "---\nstatus: proposed\n---\n" + text}
    findings = checked(tmp_path, files, "adr")
    (only,) = corpus_of(tmp_path, {}, "adr")
    found = weighing(only, default_kinds()["adr"])
    assert found.chosen == [] or found.problem
    assert all(f.rule != "DEC000" for f in findings)


@pytest.mark.parametrize(
    ("heading", "alias"),
    [
        ("Considered options for provider discovery", "considered options"),
        ("Alternative solutions to this proposal", "alternatives"),
        ("Alternative design considered", "alternatives"),
        ("Summary of changes", "summary"),
        ("Risk and mitigations", "risk and mitigations"),
    ],
)
def test_a_heading_that_qualifies_a_section_name_is_that_section(heading: str, alias: str) -> None:
    structure = scan_body(f"# T\n\n## {heading}\n\nText.\n".split("\n"), 1, SECTION_NAMES)
    found = find_section(list(structure.sections), (alias,))
    assert found is not None and found.title == heading


def test_an_adr_motivation_is_its_context(tmp_path: Path) -> None:
    text = (
        "# 1. Use NATS\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Motivation\n\n"
        "We need messaging.\n\n## Decision\n\nNATS.\n\n## Consequences\n\nOne more server.\n"
    )
    assert [
        f for f in checked(tmp_path, {"adr/0001-use-nats.md": text}) if f.rule == "DEC301"
    ] == []


# Patterns found on collections new to the tool (the unseen2 trial, docs/formats.md).


def test_several_labels_on_one_line_are_each_read() -> None:
    text = (
        "# ADR 001: API first\n\n**Status:** Accepted | **Date:** 2025-03-26 | "
        "**Review:** 2026-03-26\n\n## Context\n\nWhy.\n"
    )
    parsed = record(text)
    assert (parsed.status, parsed.date) == ("accepted", dt.date(2025, 3, 26))
    assert parsed.value("review_by") == dt.date(2026, 3, 26)
    assert parsed.position_of("review_by") == Position(3, 59)
    # A review that names who, not when, is no review date.
    assert record(text.replace("2026-03-26", "the board")).value("review_by") is None


@pytest.mark.parametrize(
    ("heading", "section_name"),
    [
        ("Consequence", "Consequences"),
        ("Decision-1", "Decision Outcome"),
        ("Preferred option", "Decision Outcome"),
        ("Selected option", "Decision Outcome"),
    ],
)
def test_a_section_written_in_the_singular_or_numbered_counts(
    tmp_path: Path, heading: str, section_name: str
) -> None:
    text = (
        "# 2. Use B\n\n* Status: accepted\n* Date: 2019-04-29\n\n## Context\n\nWhy.\n\n"
        "## Decision\n\nWhat.\n\n## Consequences\n\nHarder to test.\n"
    )
    replaced = "## Consequences" if section_name == "Consequences" else "## Decision"
    files = {"adr/0002-use-b.md": text.replace(replaced, f"## {heading}")}
    assert [f.message for f in checked(tmp_path, files) if f.rule == "DEC301"] == []


def test_a_document_named_in_capitals_beside_numbered_records_is_no_record(
    tmp_path: Path,
) -> None:
    files = {
        "rfc/PROPOSALS.md": "# Technical Working Group\n\n## Purpose\n\nHow we work.\n",
        "rfc/0001-bindists.md": "# Bindists\n\n## Abstract\n\nA.\n\n## Motivation\n\nM.\n",
    }
    assert [r.path for r in corpus_of(tmp_path, files)] == ["rfc/0001-bindists.md"]


def test_an_outcome_that_selects_an_option_by_its_number_names_it(tmp_path: Path) -> None:
    text = (
        "# Support\n\n* Status: accepted\n* Date: 2023-04-25\n\n## Context and Problem Statement"
        "\n\nWhy.\n\n## Considered Options\n\n1) On call every week\n2) On call every day\n\n"
        "## Decision Outcome\n\nSelected option 2) as option 1) does not scale.\n\n"
        "### Negative Consequences\n\n* More hand-overs.\n"
    )
    assert [f for f in checked(tmp_path, {"adr/0001-support.md": text}) if f.rule == "DEC304"] == []


def test_a_date_with_a_month_name_is_read_and_an_unreadable_one_is_said() -> None:
    text = "# Feature selection\n\n* Status: accepted\n* Date: {date}\n\n## Context\n\nWhy.\n"
    assert record(text.format(date="2020-Nov-09")).date == dt.date(2020, 11, 9)
    parsed, findings = parse(text.format(date="sometime in spring"), "adr/0001-x.md", "adr")
    assert parsed.date is None
    assert [(f.rule, f.position.line, f.position.column) for f in findings] == [("DEC014", 4, 9)]
    # The template's own placeholder is not a date written wrong.
    _, findings = parse(text.format(date="[YYYY-MM-DD when decided]"), "adr/0001-x.md", "adr")
    assert "DEC014" not in {f.rule for f in findings}


def test_a_translated_template_title_is_a_placeholder(tmp_path: Path) -> None:
    text = (
        "# [titre du problème résolu et de sa solution]\n\n- Statut: proposé\n"
        "- Date: 2022-06-20\n\n## Contexte et Définition du Problème\n\nPourquoi.\n"
    )
    parsed = record(text, "adr/0002-keycloak.md")
    assert parsed.title == "Keycloak"
    found = checked(tmp_path, {"adr/0002-keycloak.md": text})
    assert [f.rule for f in found if f.severity is Severity.ERROR] == []
    assert "DEC106" in {f.rule for f in found}


# Patterns from the second trial on collections new to the tool (docs/formats.md).


def test_file_names_that_start_with_a_date_are_not_numbers(tmp_path: Path) -> None:
    madr = "# {title}\n\n* Status: accepted\n* Date: 2020-03-03\n\n## Context\n\nx\n"
    files = {
        "adr/2020_03_03_api_translations.md": madr.format(title="API translations"),
        "adr/2020_03_03_api_values.md": madr.format(title="API values"),
        "adr/202012-receive-split.md": madr.format(title="Receive split"),
        "adr/202012-deletions.md": madr.format(title="Deletions"),
    }
    found = checked(tmp_path, files)
    assert [f for f in found if f.rule in ("DEC103", "DEC107")] == []
    records = corpus_of(tmp_path, {}, "adr")
    assert sorted(r.id for r in records) == [
        "202012-deletions",
        "202012-receive-split",
        "2020_03_03_api_translations",
        "2020_03_03_api_values",
    ]
    assert {r.date_in_name for r in records if r.id.startswith("2020_")} == {dt.date(2020, 3, 3)}


def test_partials_and_annexes_are_no_records(tmp_path: Path) -> None:
    record_text = "# Sign mode\n\n## Status\n\nAccepted\n\n## Context\n\nx\n"
    files = {
        "adr/_readme.md": "Conventions for ADRs:\n - The filename is the date.\n",
        "adr/_sidebar.md": "* [Home](/)\n",
        "adr/adr-050-sign-mode.md": record_text,
        "adr/adr-050-sign-mode-annex1.md": "# Annex 1\n\nThe encoding.\n",
        "adr/adr-050-sign-mode-appendix-b.md": "# Appendix B\n\nMore.\n",
    }
    assert [r.path for r in corpus_of(tmp_path, files, "adr")] == ["adr/adr-050-sign-mode.md"]
    assert [f for f in checked(tmp_path, {}) if f.rule == "DEC103"] == []


def test_translations_beside_a_record_are_pages_of_it(tmp_path: Path) -> None:
    record_text = "---\ntitle: Launch priority\nstatus: implementable\n---\n\n# {0}\n"
    files = {
        "rfc/20210809-launchpriority.md": record_text.format("Launch priority"),
        "rfc/20210809-launchpriority-zh.md": record_text.format("启动优先级"),
        "rfc/20210809-launchpriority.ja.md": record_text.format("起動の優先度"),
        "rfc/20250306-ConfigSet.md": "# Config sets\n\n## Motivation\n\nX\n",
        "rfc/20250306-configSet_zh_CN.md": "# 配置集\n\n## 背景\n\nX\n",
        # A name that ends as a language does but has no record beside it is a record.
        "rfc/20220101-use-go-es.md": "# Use Go in ES\n",
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    assert [(r.path, r.translations) for r in corpus.records] == [
        (
            "rfc/20210809-launchpriority.md",
            (
                ("ja", "rfc/20210809-launchpriority.ja.md"),
                ("zh", "rfc/20210809-launchpriority-zh.md"),
            ),
        ),
        ("rfc/20220101-use-go-es.md", ()),
        ("rfc/20250306-ConfigSet.md", (("zh_CN", "rfc/20250306-configSet_zh_CN.md"),)),
    ]
    # Not checked: the translation's 背景 is no finding of a record.
    assert not [f for f in corpus.findings if "zh" in f.path or ".ja." in f.path]


def test_records_beside_folders_of_decided_ones_are_proposed(tmp_path: Path) -> None:
    adr = "# {0}\n\n## Context\n\nX\n"
    files = {
        "adr/accepted/0001-a.md": adr.format("Use queues"),
        "adr/0002-b.md": adr.format("Use caches"),
        "adr/0003-c.md": "# Use logs\n\n## Status\n\nAccepted\n",
    }
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "adr"}}})
    found = [(r.path, r.raw_status, r.status, r.status_assumed) for r in corpus.records]
    assert found == [
        ("adr/accepted/0001-a.md", "accepted", "accepted", False),
        ("adr/0002-b.md", None, "proposed", True),
        ("adr/0003-c.md", "Accepted", "accepted", False),
    ]
    # A folder of deprecated records decides nothing of those at the top.
    files = {"adr/deprecated/0001-a.md": adr.format("Use queues"), "adr/0002-b.md": ""}
    files["adr/0002-b.md"] = adr.format("Use caches")
    corpus = loaded(tmp_path / "other", files, {"kinds": {"adr": {"folder": "adr"}}})
    assert [r.status for r in corpus.records] == ["deprecated", None]


def test_labels_that_open_the_first_section_are_the_records_metadata() -> None:
    text = (
        "# Beslutning nummer 2\n\n## Beskrivelse af beslutningen\n\n"
        "- **Dato**: 2025-02-12\n- **Status**: Accepteret\n- **Beslutningstagere**: Styregruppen\n"
        "- **Beslutningstype**: Operationel\n\nVi gør det.\n"
    )
    parsed = record(text, "adr/2025-02-10-x.md")
    assert (parsed.raw_status, parsed.status, parsed.date) == (
        "Accepteret",
        "accepted",
        dt.date(2025, 2, 12),
    )
    assert parsed.strings("deciders") == ("Styregruppen",)
    assert {5, 6, 7} <= parsed.hidden_lines  # the page header says them
    # Prose first: the labels below it are the text's.
    later = text.replace("## Beskrivelse af beslutningen\n\n", "## Beskrivelse\n\nVi gør det.\n\n")
    assert record(later, "adr/2025-02-10-x.md").raw_status is None
    # A list of a text's fields, which says no status word and no date, is the text's.
    fields = "# Events\n\n## Summary\n\n- Status: the HTTP status code\n- Date: when it was sent\n"
    parsed = record(fields, "rfc/0004-events.md", "rfc")
    assert (parsed.raw_status, parsed.date) == (None, None)


def test_a_status_written_as_a_heading_is_read() -> None:
    parsed = record("# ADR X\n# Status: accepted\n# Context\nc\n# Decision\nd\n")
    assert (parsed.raw_status, parsed.status) == ("accepted", "accepted")


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Enhancement Proposal-2035: Advanced NGINX Extensions", "Advanced NGINX Extensions"),
        ("Enhancement Proposal 4687: OpenID Connect", "OpenID Connect"),
        ("Proposal-1508: Traffic splitting", "Traffic splitting"),
        ("ADR ADR-061: Liquid staking", "Liquid staking"),
    ],
)
def test_a_document_noun_with_a_number_and_a_doubled_series_are_numbering(
    heading: str, title: str
) -> None:
    assert record(f"# {heading}\n\n- Status: Completed\n", "rfc/x.md", "rfc").title == title


def test_records_written_in_chinese_and_portuguese_are_read(tmp_path: Path) -> None:
    chinese = (
        "# ADR 009: 证据模块\n\n## 变更日志\n\n* 2019年7月31日\uff1a初稿\n\n## 状态\n\n已接受\n\n"
        "## 背景\n\n为什么。\n\n## 决策\n\n什么。\n\n## 影响\n\n更难测试。\n"
    )
    portuguese = (
        "# 1. Registrar decisões\n\nData: 2019-02-22\n\n## Status\n\nAceito\n\n"
        "## Contexto\n\nPor quê.\n\n## Decisão\n\nO quê.\n\n## Consequências\n\nMais texto.\n"
    )
    files = {"adr/adr-009-evidence.md": chinese, "adr/0001-registrar.md": portuguese}
    found = checked(tmp_path, files)
    assert [f.rule for f in found if f.severity is Severity.ERROR] == []
    by_path = {r.path: r for r in corpus_of(tmp_path, {}, "adr")}
    evidence, register = by_path["adr/adr-009-evidence.md"], by_path["adr/0001-registrar.md"]
    assert (evidence.status, evidence.date, evidence.title) == (
        "accepted",
        dt.date(2019, 7, 31),
        "证据模块",
    )
    assert (register.status, register.date) == ("accepted", dt.date(2019, 2, 22))


def test_a_changelog_gives_the_date_a_record_does_not_state() -> None:
    text = (
        "# ADR 010: Evidence\n\n## Changelog\n\n* 2019-07-31: Initial draft\n"
        "* 2019-08-05: Revised\n\n## Status\n\nAccepted\n\n## Context\n\nx\n"
    )
    assert record(text).date == dt.date(2019, 7, 31)
    assert record(text.replace("## Changelog", "Date: 2020-01-02\n\n## Changelog")).date == dt.date(
        2020, 1, 2
    )


@pytest.mark.parametrize(
    ("entry", "day"),
    [
        ("1st Sept. 2023", dt.date(2023, 9, 1)),
        ("15th May 2024", dt.date(2024, 5, 15)),
        ("27th of June, 2024", dt.date(2024, 6, 27)),
    ],
)
def test_a_changelog_entry_dated_with_an_ordinal_day_gives_the_date(
    entry: str, day: dt.date
) -> None:
    """`* 1st Sept. 2023: Initial draft`: the colon after the year ends the date."""
    text = f"# ADR 010: Evidence\n\n## Changelog\n\n* {entry}: Initial draft\n\n"
    text += "## Status\n\nAccepted\n\n## Context\n\nx\n"
    parsed, findings = parse(text)
    assert parsed.date == day
    assert [at(f) for f in findings if f.rule == "DEC014"] == [("DEC014", 5, 3)]


def test_a_changelog_that_writes_its_dates_month_first_is_read_so() -> None:
    """`* 5/1/2023` reads either way; the same log's `7/23/2023` can only be month first,
    so the log is read month first: created on 1 May, the note saying so."""
    text = (
        "# ADR 005: Checks\n\n## Changelog\n\n* 5/1/2023: Initial draft\n"
        "* 7/23/2023: Add a section\n\n## Status\n\nAccepted\n\n## Context\n\nx\n"
    )
    parsed, findings = parse(text)
    assert (parsed.date, parsed.date_order) == (dt.date(2023, 5, 1), "month first")
    (note,) = [f for f in findings if f.rule == "DEC014" and f.position.line == 5]
    assert "2023-05-01" in note.message and "2023-01-05" not in note.message + note.hint
    # a log that writes no date only one way keeps reading day first (adr-tools' way)
    alone = record(text.replace("* 7/23/2023: Add a section\n", ""))
    assert alone.date == dt.date(2023, 1, 5)


def test_an_entry_that_rejects_the_record_in_braces_dates_the_decision() -> None:
    """`* {11/10/22}: Reject this ADR`: the imperative entry of the change, its date in
    braces, is the decision date over the first entry."""
    text = (
        "# ADR 012: Releases\n\n## Changelog\n\n* 2022-08-18: Initial draft\n"
        "* {11/10/22}: Reject this ADR\n\n## Status\n\nRejected\n\n## Context\n\nx\n"
    )
    assert record(text).date == dt.date(2022, 11, 10)


def test_an_entry_that_is_the_decision_dates_the_decision() -> None:
    """Celestia's `- 2022-03-04: decision` below `- 2022-02-06: init commit`; an entry
    that only speaks of the decision (`Update the decision drivers`) dates nothing."""
    log = "# ADR #005: Services\n\n## Changelog\n\n- 2022-02-06: init commit\n- {0}\n"
    text = log + "\n## Status\n\nAccepted\n\n## Context\n\nx\n"
    assert record(text.format("2022-03-04: decision")).date == dt.date(2022, 3, 4)
    about = record(text.format("2022-03-04: Update the decision drivers"))
    assert about.date == dt.date(2022, 2, 6)


@pytest.mark.parametrize("key", ["stabilized_at", "accepted_at", "approved_at"])
def test_a_lifecycle_date_key_is_the_decision_date(key: str) -> None:
    """SCS's `stabilized_at: 2023-06-14` beside `deprecated_at:`: the decision date is the
    day it was stabilized, not the deprecation's, nor a changelog's earlier entry."""
    text = f"---\ntitle: Use X\nstatus: Stable\n{key}: 2023-06-14\ndeprecated_at: 2023-11-30\n"
    text += "---\n\n## Changelog\n\n* 2022-01-05: Version 1\n\n## Context\n\nx\n"
    parsed = record(text)
    assert (parsed.date, parsed.position_of("date").line) == (dt.date(2023, 6, 14), 4)
    alone = record("---\ntitle: Use X\nstatus: Deprecated\ndeprecated_at: 2023-11-30\n---\n")
    assert alone.date is None


def test_more_date_forms_and_a_day_that_does_not_exist() -> None:
    text = "# X\n\n* Status: accepted\n* Date: {date}\n\n## Context\n\nWhy.\n"
    assert record(text.format(date="30th of May 2025")).date == dt.date(2025, 5, 30)
    parsed, findings = parse(text.format(date="2020-09-31"), "adr/0001-x.md", "adr")
    assert parsed.date is None
    assert [(f.rule, f.severity) for f in findings] == [("DEC014", Severity.WARNING)]


def test_a_front_matter_date_written_year_day_month_is_read_as_the_body_reads_it() -> None:
    """`creation-date: 2020-23-01` (23 is no month): 2020-01-23 with the non-ISO note,
    not YAML's "cannot be read" as well; a day that exists in no order stays DEC007."""
    parsed, findings = parse("---\ntitle: X\ncreation-date: 2020-23-01\n---\n\n# X\n")
    assert parsed.date == dt.date(2020, 1, 23)
    assert [at(f) for f in findings] == [("DEC014", 3, 16)]
    _, findings = parse("---\ntitle: X\ndate: 2020-02-30\n---\n\n# X\n")
    assert [at(f) for f in findings] == [("DEC007", 3, 7)]
    # a page's key (`last-updated`) is not read, and its date is no error either
    _, findings = parse("---\ntitle: X\nlast-updated: 2020-23-01\n---\n\n# X\n")
    assert [at(f) for f in findings] == [("DEC014", 3, 15)]


def test_an_impossible_date_in_front_matter_that_is_not_yaml_is_a_finding() -> None:
    """`- @ana` makes the YAML invalid; the plain line `creation-date: 2020-23-01` is
    then read alone, and YAML's date constructor raises on it: DEC002 for the YAML, the
    date read with its note, and no traceback. A key that looks like a date is a key."""
    text = "---\nreviewers:\n  - @ana\ncreation-date: 2020-23-01\nstatus: accepted\n---\n"
    parsed, findings = parse(text + "\n# Use X\n")
    assert (parsed.date, parsed.raw_status) == (dt.date(2020, 1, 23), "accepted")
    assert [at(f) for f in findings if f.rule in ("DEC002", "DEC014")] == [
        ("DEC002", 3, 5),
        ("DEC014", 4, 16),
    ]
    keyed, _ = parse("---\n2020-23-01: x\ntitle: Use X\n---\n")
    assert keyed.title == "Use X"


def test_a_generic_template_beside_the_folder_is_the_collections(tmp_path: Path) -> None:
    """Polkadot keeps ``0000-template.md`` at the root beside ``text/``."""
    template = (
        "# RFC-0000: Title\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n\n## Explanation\n\nE.\n"
    )
    rfc = "# RFC-0001: Agile coretime\n\n| Start Date | 2023-08-01 |\n| --- | --- |\n\n"
    rfc += "## Summary\n\nS.\n\n## Motivation\n\nM.\n"
    files = {"rfc/0001-agile-coretime.md": rfc, "0000-template.md": template}
    assert [f.message for f in checked(tmp_path, files, "rfc") if f.rule == "DEC301"] == []


@pytest.mark.parametrize(
    ("written", "status", "successor"),
    [
        ("已接受。实施已开始。", "accepted", None),
        ("已接受 已实施", "accepted", None),
        ("草稿 未实现", "proposed", None),  # an ADR has no draft: proposed
        ("废弃。正在讨论替代方案 #11955。", "deprecated", None),
        ("被 ADR-045 取代", "superseded", "ADR-045"),
    ],
)
def test_a_status_in_chinese_is_its_first_word(
    written: str, status: str, successor: str | None
) -> None:
    parsed = record(f"# ADR 010: 模块\n\n## 状态\n\n{written}\n\n## 背景\n\nx\n")
    assert parsed.status == status
    targets = [r.target for r in parsed.references if r.relation == "superseded_by"]
    assert targets == ([successor] if successor else [])


def test_the_series_before_a_title_in_japanese_is_numbering() -> None:
    assert record("# ADR Close処理の責任所在設計\n\n## Status\n\naccepted\n").title == (
        "Close処理の責任所在設計"
    )


# Patterns from the third trial on collections new to the tool (docs/formats.md).


@pytest.mark.parametrize(
    ("first_lines", "title"),
    [
        ("# Architecture Decision Record 5: Log Storage and Search", "Log Storage and Search"),
        ("# Feature Name: 'quick_start_book'", "quick_start_book"),
        ("RFC: GraphQL Input Union\n----------\n\n# Problem Statement\n\nx", "GraphQL Input Union"),
    ],
)
def test_titles_from_the_third_trial(first_lines: str, title: str) -> None:
    assert record(f"{first_lines}\n\n# Solution\n\ny\n", "rfc/0002-x.md", "rfc").title == title


def test_a_status_with_an_empty_link_keeps_its_word() -> None:
    parsed = record("# Log storage\n\n__Status__: Implemented in [][impl]\n\n[impl]: https://x\n")
    assert parsed.raw_status == "Implemented"


def test_sections_no_record_has_are_not_asked_of_the_few_decided_ones(tmp_path: Path) -> None:
    """Six Node EPs, two of them decided: none has Alternatives or Drawbacks."""
    ep = "| Title  | {title} |\n|--------|---|\n| Status | {status} |\n\n## Description\n\nD.\n"
    files = {
        f"rfc/00{n}-ep.md": ep.format(title=f"EP {n}", status=status)
        for n, status in enumerate(["ACCEPTED", "REJECTED", "DRAFT", "DRAFT", "DRAFT", "DRAFT"], 1)
    }
    found = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC301"]
    assert [f.severity for f in found if "Alternatives" in f.message] == [Severity.INFO]


def test_a_collection_named_by_slugs_is_told_once(tmp_path: Path) -> None:
    files = {f"rfc/{name}.md": f"# {name}\n\n## Summary\n\nS.\n" for name in "abcdef"}
    found = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC107"]
    assert [(f.path, f.severity) for f in found] == [("rfc/a.md", Severity.INFO)]
    assert found[0].message.startswith("6 of 6 records have no leading number")
    one = {
        "rfc/0001-x.md": "# X\n\n## Summary\n\nS.\n",
        "rfc/loose.md": "# L\n\n## Summary\n\nS.\n",
    }
    alone = [f for f in checked(tmp_path / "one", one, "rfc") if f.rule == "DEC107"]
    assert [(f.path, f.severity) for f in alone] == [("rfc/loose.md", Severity.WARNING)]


def test_a_status_history_in_front_matter_gives_the_status_and_the_date() -> None:
    text = (
        "---\ntitle: Error Reporting\nstatusHistory:\n- status: proposed\n  date: 2023-07-01\n"
        "- status: decided\n  date: 2023-07-24\n- status: superseded\n  date: 2024-02-16\n---\n"
        "# Error Reporting\n"
    )
    parsed, findings = parse(text, "adr/0002-error.md", "adr")
    assert (parsed.raw_status, parsed.date) == ("superseded", dt.date(2023, 7, 24))
    assert parsed.position_of("status") == Position(8, 11)
    assert "DEC006" not in {f.rule for f in findings}
    written = text.replace("title: Error Reporting\n", "title: Error Reporting\nstatus: accepted\n")
    assert record(written).raw_status == "accepted"  # the front matter's own status wins


def test_dublin_core_terms_give_the_title_status_and_date() -> None:
    """Alliander's MADR bodies under a `dct:` map (and `owl:` version info): the title,
    the status in `isVersionOf` and the `issued` date are read, with their lines; neither
    map is an unknown key."""
    text = (
        "---\nparent: Decisions\nnav_order: ADR.12\ndct:\n  identifier: urn:uuid:f6a7\n"
        "  title: Use a common grid model\n  isVersionOf: accepted\n  issued: 2025-01-01\n"
        'owl:\n  versionInfo: "v1.0.0 (2025-01-01)"\n---\n\n# Use a common grid model\n\n'
        "## Context and Problem Statement\n\nTeams name the same things differently.\n"
    )
    parsed, findings = parse(text, "doc/decisions/0012-grid-model.md", "adr")
    assert (parsed.title, parsed.raw_status, parsed.date) == (
        "Use a common grid model",
        "accepted",
        dt.date(2025, 1, 1),
    )
    assert parsed.position_of("status") == Position(7, 16)
    assert not {"DEC006", "DEC007"} & {f.rule for f in findings}
    relation = text.replace("isVersionOf: accepted", "isVersionOf: https://example.org/adr/11")
    assert record(relation).raw_status is None  # a relation is no status word


# --- What the page hides: only what its header shows ---------------------------------

NYGARD_WITH = "# 2. Use Postgres\n\nDate: {date}\n\n## Status\n\n{status}\n\n## Context\n\nX\n"


def _shown(text: str) -> str:
    from mkdocs_decisions.site.pages import shown_body

    return shown_body(record(text, "adr/0002-use-postgres.md"))


@pytest.mark.parametrize(
    "line",
    [
        "* **Decided**: 2026-01-20 — delivered in [#7887](https://example.org/pull/7887)",
        "* **Date**: 2026-03-01, extended 2026-07-29 (binary coverage)",
    ],
)
def test_a_date_line_that_says_more_than_the_date_stays_on_the_page(line: str) -> None:
    """Jaeger's ADRs: the header shows the date; the line stays for what it adds."""
    text = f"# ADR-003: Lazy init\n\n* **Status**: Implemented\n{line}\n\n## Context\n\nX\n"
    parsed = record(text, "adr/003-lazy-init.md")
    assert parsed.date is not None and parsed.date.year == 2026
    assert line in _shown(text)
    bare = text.replace(line, "* **Date**: Monday, 12 March 2026")
    assert "12 March" not in _shown(bare)


def test_a_date_that_cannot_be_read_stays_on_the_page() -> None:
    # The header cannot show "March 2023": the line is the only place it is said.
    shown = _shown(NYGARD_WITH.format(date="March 2023", status="Accepted"))
    assert "Date: March 2023" in shown
    assert "Date: 2023-04-02" not in _shown(NYGARD_WITH.format(date="2023-04-02", status="X"))


def test_a_status_line_that_says_more_than_the_status_stays_on_the_page() -> None:
    said = "Accepted, partly superseded by [ADR 3](0003-use-sqlite.md)"
    parsed = record(NYGARD_WITH.format(date="2023-04-02", status=said))
    assert parsed.status == "accepted"
    assert said in _shown(NYGARD_WITH.format(date="2023-04-02", status=said))
    assert "Accepted in [#1811](https://example.org/pull/1811)" in _shown(
        NYGARD_WITH.format(
            date="2023-04-02", status="Accepted in [#1811](https://example.org/pull/1811)"
        )
    )
    # The status and its successor, which the header and banner show: hidden.
    replaced = "Superseded by [ADR 5](0005-use-valkey.md)"
    assert replaced not in _shown(NYGARD_WITH.format(date="2023-04-02", status=replaced))
    assert "## Status" not in _shown(NYGARD_WITH.format(date="2023-04-02", status="Accepted"))


def test_a_relation_the_header_shows_only_as_related_stays_on_the_page() -> None:
    amends = "Accepted\n\nAmends [ADR 2](0002-use-postgres.md)"
    shown = _shown(NYGARD_WITH.format(date="2023-05-02", status=amends))
    assert "Amends [ADR 2](0002-use-postgres.md)" in shown


def test_a_status_then_but_is_the_status() -> None:
    said = "Accepted but modified by [ADR 5](0005-use-valkey.md)"
    parsed = record(NYGARD_WITH.format(date="2023-07-01", status=said))
    assert (parsed.raw_status, parsed.status) == ("Accepted", "accepted")


def test_a_metadata_table_with_a_date_it_cannot_read_stays_on_the_page() -> None:
    text = (
        "# Use Postgres\n\n| Status | Accepted |\n| --- | --- |\n| Date | spring 2023 |\n"
        "\n## Context\n\nX\n"
    )
    assert "| Date | spring 2023 |" in _shown(text)
    fine = text.replace("spring 2023", "2023-04-02")
    assert "| Date | 2023-04-02 |" not in _shown(fine)


def test_a_record_in_a_folder_named_for_a_status_has_that_status() -> None:
    text = "# Add a lockfile\n\n## Summary\n\nX\n"
    parsed = record(text, "rfcs/implemented/0007-lockfile.md", "rfc")
    assert (parsed.raw_status, parsed.status) == ("implemented", "implemented")
    assert record(text, "rfcs/text/0007-lockfile.md", "rfc").status is None
    # Its own status wins over the folder's.
    own = record("# Add a lockfile\n\n- Status: withdrawn\n\nX\n", "rfcs/accepted/0007-a.md", "rfc")
    assert own.status == "withdrawn"


def test_a_folder_named_for_a_status_in_the_plural_gives_that_status() -> None:
    """buck2's `docs/rfcs/drafts/`: a folder of drafts; `proposals/` is where a team keeps
    its proposals, whatever their status, and says nothing."""
    text = "# Streamed output\n\n## Summary\n\nX\n"
    drafted = record(text, "docs/rfcs/drafts/streaming.md", "rfc")
    assert (drafted.raw_status, drafted.status) == ("draft", "draft")
    assert record(text, "adr/drafts/0003-queue.md", "adr").status == "proposed"
    assert record(text, "docs/proposals/0007-streaming.md", "rfc").status is None


def test_a_metadata_table_key_with_hyphens_reads_as_its_words() -> None:
    """SunPy's SEPs: `| date-creation | 2014-04-22 |` is the creation date, and it goes
    from the page like the other rows; `| date-updated |` loses to it."""
    text = (
        "# SEP-0004 - Releases\n\n| SEP | 4 |\n|---|---|\n| date-creation | 2014-04-22 |\n"
        "| date-updated | 2023-05-11 |\n| status | accepted |\n\n## Rationale\n\nX\n"
    )
    parsed = record(text, "SEP-0004.md", "rfc")
    assert (parsed.date, parsed.status) == (dt.date(2014, 4, 22), "accepted")
    # Its people are separated by line breaks in the cell.
    row = "| author(s) | [Ana](https://x.org/a) <br> Bo Li |\n| status |"
    both = record(text.replace("| status |", row), "SEP-0004.md", "rfc")
    assert both.strings("authors") == ("Ana", "Bo Li")
    assert "date-creation" not in shown_body_of(parsed)


def test_a_collections_own_series_before_its_numbers_is_not_the_title(tmp_path: Path) -> None:
    # Joyent's RFDs: "# RFD 12 Bedtime for old client" in rfd/0012/README.md; a folder
    # whose titles say so twice or more. One title alone keeps its words.
    files = {
        "rfc/0012/README.md": "# RFD 12 Bedtime for old client\n\nX\n",
        "rfc/0013/README.md": "# RFD 13 Metrics everywhere\n\nX\n",
        "rfc/0002/README.md": "# HTTP 2 support\n\nX\n",
    }
    titles = {r.path: r.title for r in loaded(tmp_path, files).records}
    assert titles == {
        "rfc/0012/README.md": "Bedtime for old client",
        "rfc/0013/README.md": "Metrics everywhere",
        "rfc/0002/README.md": "HTTP 2 support",
    }


def test_the_templates_quoted_advice_in_a_status_section_is_no_status() -> None:
    text = (
        '# ADR 036: X\n\n## Status\n\n> A decision may be "proposed" if it is not agreed '
        'yet, or "accepted" once it is.\n\n{Deprecated|Proposed|Accepted|Declined}\n\n'
        "## Context\n\nX\n"
    )
    assert record(text).raw_status is None
    # A quoted status of its own is read.
    quoted = "# X\n\n## Status\n\n> Superseded by [ADR 9](0009-y.md)\n\n## Context\n\nX\n"
    assert record(quoted).status == "superseded"


def test_a_status_section_below_a_second_level_one_heading_is_the_records() -> None:
    text = (
        "# ADR 037: Deliver block data\n\n## Changelog\n\n- 2019-01-01: first\n\n"
        "# Background\n\nSome text.\n\n## Status\n\nIn review\n\n## Context\n\nX\n"
    )
    parsed = record(text)
    assert (parsed.raw_status, parsed.status) == ("In review", "proposed")
    # A "### Status" inside a section of its own is still not the record's.
    nested = "# X\n\n## Context\n\n### Status\n\nAccepted\n\n## Decision\n\nY\n"
    assert record(nested).raw_status is None


def test_a_changelog_written_as_plain_lines_dates_the_record() -> None:
    text = (
        "# ADR 039: X\n\n## Changelog\n\n08-06-2018: Initial draft\n"
        "09-06-2018: Accepted\n\n## Status\n\nAccepted\n\n## Context\n\nX\n"
    )
    assert record(text).date == dt.date(2018, 6, 9)  # the entry that says it was accepted


def test_a_fence_closed_with_a_tab_inside_a_list_ends_there() -> None:
    text = (
        "# ADR 076: X\n\n## Status\n\nAccepted\n\n## Context\n\n1. Step\n\t```go\n"
        "\t# not a heading\n\t```\n\n## Decision\n\nY\n\n## Consequences\n\nZ\n"
    )
    assert [s.key for s in record(text).sections] == [
        "status",
        "context",
        "decision",
        "consequences",
    ]


def test_a_consequences_list_of_plus_items_is_a_list_not_good_points(tmp_path: Path) -> None:
    body = "# 17. Use Go\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nY\n\n"
    found = checked(
        tmp_path,
        {
            "adr/0017-use-go.md": body
            + "## Consequences\n\n+ Builds are fast\n+ Hiring is easier\n",
            "adr/0018-use-rust.md": body.replace("17. Use Go", "18. Use Rust")
            + "## Consequences\n\n+ Safe\n- Slow to compile? no: it is only said\n",
        },
    )
    assert not [f for f in found if f.rule == "DEC305"]


@pytest.mark.parametrize(
    ("written", "said", "first"),
    [
        ("0{n}-06-2018", "write their dates in another form", "`01-06-2018` is read as 2018-06-01"),
        ("June 202{n}", "write their dates in a form that names no day", "(first: `June 2021`)"),
    ],
)
def test_dates_a_collection_writes_in_its_own_form_are_noted_once(
    tmp_path: Path, written: str, said: str, first: str
) -> None:
    files = {
        f"adr/000{n}-use-tool-{n}.md": f"# {n}. Use tool {n}\n\nDate: {written.format(n=n)}\n\n"
        "## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nY\n\n## Consequences\n\nZ\n"
        for n in range(1, 7)
    }
    notes = [f for f in checked(tmp_path, files) if f.rule == "DEC014"]
    assert len(notes) == 1
    assert notes[0].message.startswith(f"6 of 6 records {said}")
    assert first in notes[0].message


def test_a_front_matter_title_left_as_the_templates_slug_gives_way_to_the_heading() -> None:
    text = "---\ntitle: Neat-enhancement-idea\nstatus: implementable\n---\n\n# Sync waves\n\nX\n"
    assert record(text, "docs/proposals/005-sync-waves.md", "rfc").title == "Sync waves"


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("001-proposal-template.md", True),
        ("0000-adr-template.md", True),
        ("0003-use-templates.md", False),
        ("0004-template-engine.md", False),
    ],
)
def test_a_numbered_template_is_a_template(name: str, template: bool) -> None:
    assert is_template(name) is template


def test_a_successor_named_by_its_number_in_yaml_is_an_id(tmp_path: Path) -> None:
    files = {
        "rfc/hip-0010.md": "---\ntitle: Token metadata\nstatus: Replaced\n"
        "superseded-by: 412\n---\n\nX\n",
        "rfc/hip-0412.md": "---\ntitle: Token metadata two\nstatus: Final\n---\n\nX\n",
    }
    found = checked(tmp_path, files, kind="rfc")
    assert not [f for f in found if f.rule in ("DEC007", "DEC201")]


def test_a_change_log_of_status_links_gives_the_status_and_its_date() -> None:
    text = (
        "# Use tokens\n\n## Change Log\n\n- [proposed](https://example.org/pr/1) (2021-12-28)\n"
        "- [approved](https://example.org/pr/2) (2023-02-18)\n\n## Context\n\nX\n"
    )
    parsed, found = parse(text)
    assert (parsed.raw_status, parsed.status, parsed.date) == (
        "approved",
        "accepted",
        dt.date(2023, 2, 18),
    )
    assert not [f for f in found if f.rule == "DEC014"]  # the date is ISO: nothing to say


def test_a_rejection_in_the_change_log_is_the_decision_date() -> None:
    text = (
        "# Use tokens\n\n## Changelog\n\n- 2023-11-13: Marked as rejected in favour of ADR 111\n"
        "- 2023-11-03: First draft\n\n## Context\n\nX\n"
    )
    assert record(text).date == dt.date(2023, 11, 13)


def test_the_day_an_approval_was_voted_is_the_decision_date() -> None:
    text = "# Use tokens\n\n## Status\n\n**Approved** (by TSC vote on 3/25/21)\n\n## Context\n\nX\n"
    parsed = record(text)
    assert (parsed.status, parsed.date) == ("accepted", dt.date(2021, 3, 25))
    # A date of its own wins.
    dated = text.replace("## Status", "Date: 2021-01-04\n\n## Status")
    assert record(dated).date == dt.date(2021, 1, 4)


def test_a_missing_status_is_asked_for_in_the_collections_own_way(tmp_path: Path) -> None:
    nygard = "# {n}. Use tool {n}\n\nDate: 2024-01-0{n}\n\n{status}## Context\n\nX\n\n"
    files = {
        f"adr/000{n}-use-tool-{n}.md": nygard.format(n=n, status="## Status\n\nAccepted\n\n")
        for n in range(1, 4)
    }
    files["adr/0004-use-tool-4.md"] = "# 4. Use tool 4\n\n## Context\n\nX\n"
    (missing,) = [f for f in checked(tmp_path, files) if f.rule == "DEC102"]
    assert missing.hint == "add a `## Status` section with `Proposed` on its first line"
    # A record whose own metadata is a date line: the status goes where the others write it.
    files["adr/0004-use-tool-4.md"] = "# 4. Use tool 4\n\nDate: 2024-01-04\n\n## Context\n\nX\n"
    (missing,) = [f for f in checked(tmp_path, files) if f.rule == "DEC102"]
    assert missing.hint == "add a `## Status` section with `Proposed` on its first line"


def test_a_proposal_folder_without_a_number_among_numbered_ones_is_a_record(
    tmp_path: Path,
) -> None:
    kep = "# {title}\n\n## Summary\n\nX\n\n## Implementation History\n\n- Initial proposal: {day}\n"
    files = {
        "rfc/12020-model-registry/README.md": kep.format(title="Model registry", day="2024-11-18"),
        "rfc/11385-literal-inputs/README.md": kep.format(title="Literal inputs", day="2024-10-01"),
        "rfc/tests-refactor/README.md": kep.format(title="Tests refactor", day="2024-09-02"),
        "rfc/README.md": "# Proposals\n\nHow we write them.\n",
    }
    corpus = loaded(tmp_path, files)
    read = {r.title: r.date for r in corpus.records}
    assert read == {
        "Model registry": dt.date(2024, 11, 18),
        "Literal inputs": dt.date(2024, 10, 1),
        "Tests refactor": dt.date(2024, 9, 2),  # the KEP's Implementation History
    }


def test_a_draft_flag_is_the_status_where_none_is_written() -> None:
    text = '---\ntitle: "SPEC 2 - API dispatch"\nis-draft: true\n---\n\n## Description\n\nX\n'
    parsed, found = parse(text, "spec-0002/index.md", "rfc")
    assert parsed.status == "draft"
    assert not [f for f in found if f.rule == "DEC006"]
    stated = text.replace("is-draft: true", "is-draft: true\nstatus: accepted")
    assert record(stated, "spec-0002/index.md", "rfc").status == "accepted"


def test_a_heading_that_says_another_title_than_the_sites_front_matter_wins() -> None:
    text = (
        "---\ntitle: Reverse Proxy Extensions\nauthors: ['@a']\n---\n\n"
        "# Reverse-Proxy Extensions support for Argo CD\n\n## Summary\n\nX\n"
    )
    assert record(text, "docs/proposals/proxy-extensions.md", "rfc").title == (
        "Reverse-Proxy Extensions support for Argo CD"
    )
    # Our own format: the title in front matter, and no heading.
    own = "---\ntitle: Serve forecasts nightly\nstatus: accepted\n---\n\n## Context\n\nX\n"
    assert record(own).title == "Serve forecasts nightly"


def test_a_front_matter_title_that_is_an_identifier_gives_way_to_the_heading() -> None:
    front = "---\ntitle: {title}\ncreation-date: 2021-08-09\nstatus: implementable\n---\n\n"
    path = "rfc/20210809-launchpriority.md"
    text = front.format(title="LaunchPriority") + "# Container launch priority\n\n## Summary\n"
    assert record(text, path, "rfc").title == "Container launch priority"
    # A title in words is the record's own, and holds over a heading that says more.
    text = front.format(title="Launch priority") + "# Container launch priority\n"
    assert record(text, path, "rfc").title == "Launch priority"
    # Without a heading the identifier is the title.
    assert record(front.format(title="LaunchPriority"), path, "rfc").title == "LaunchPriority"


def test_a_title_left_as_the_templates_is_no_title(tmp_path: Path) -> None:
    template = "---\ntitle: Neat-enhancement-idea\n---\n\n# Neat Enhancement Idea\n\n## Summary\n"
    files = {
        "rfc/001-proposal-template.md": template,
        "rfc/headless-argocd.md": template.replace("## Summary\n", "## Summary\n\nX\n"),
        "rfc/sync-waves.md": "# Sync waves\n\n## Summary\n\nX\n",
    }
    corpus = loaded(tmp_path, files)
    assert sorted(r.title for r in corpus.records) == ["Headless argocd", "Sync waves"]
    (note,) = [f for f in corpus.findings if f.rule == "DEC106"]
    assert note.path == "rfc/headless-argocd.md" and "its template's" in note.message


def test_a_front_matter_title_left_as_the_templates_gives_way_to_the_body(
    tmp_path: Path,
) -> None:
    proposal = "---\ntitle: Proposal Template\nstatus: {status}\n---\n\n# {title}\n\n## Summary\n"
    feature = "---\nlayout: default\ntitle: FIR Template\n---\n\n- Feature Name: {name}\n"
    feature += "- Start Date: {date}\n\n# Summary\n\nX\n"
    files = {
        "props/YYYYMMDD-template.md": proposal.format(status="provisional", title="Title"),
        "props/20210316-widgetrequest.md": proposal.format(
            status="implementable", title="Restart containers on request"
        ),
        "rfc/0000-template.md": feature.format(name="(fill me in)", date="(YYYY-MM-DD)"),
        "rfc/0002-query-syntax.md": feature.format(name="Query syntax changes", date="2022-01-05"),
    }
    options = {"kinds": {"rfc": {"folder": "rfc"}, "adr": {"folder": "props"}}}
    corpus = loaded(tmp_path, files, options)
    titles = {r.path: r.title for r in corpus.records}
    assert titles == {
        "props/20210316-widgetrequest.md": "Restart containers on request",
        "rfc/0002-query-syntax.md": "Query syntax changes",
    }
    # The record has a title of its own: no "no title" note, and the page header says
    # the Feature Name, so its line (line 6) is not shown again below it.
    assert not [f for f in corpus.findings if f.rule == "DEC106"]
    (query,) = [r for r in corpus.records if r.kind == "rfc"]
    assert 6 in query.hidden_lines


def test_front_matter_left_as_the_template_wrote_it_is_no_error() -> None:
    text = (
        "---\ntitle: Scalability benchmarks\nreviewers:\n  - \n  - \ndate: yyyy-mm-dd\n---\n\n"
        "# Scalability benchmarks\n\n## Summary\n\nX\n"
    )
    parsed, found = parse(text, "docs/proposals/004-x.md", "rfc")
    assert not [f for f in found if f.rule == "DEC007"]
    assert parsed.date is None and not parsed.strings("reviewers")


def test_a_section_headed_by_a_bold_line_is_there(tmp_path: Path) -> None:
    body = "---\ntitle: Token metadata\nstatus: draft\n---\n\n**Abstract**\n\nX\n\n"
    found = checked(tmp_path, {"rfc/hip-0023.md": body + "**Motivation:**\n\nY\n"}, "rfc")
    missing = {f.message for f in found if f.rule == "DEC301"}
    assert "missing section `Abstract`" not in missing
    assert "missing section `Motivation`" not in missing


def test_authors_listed_below_their_label_or_under_their_own_heading() -> None:
    below = "# Use tokens\n\n**Authors:**\n\n- Ana Silva\n- Bo Chen\n\n## Summary\n\nX\n"
    assert record(below, "rfc/0002-x.md", "rfc").strings("authors") == ("Ana Silva", "Bo Chen")
    headed = "# Use tokens\n\n## Authors\n\n- Ana Silva\n- Bo Chen\n\n## Summary\n\nX\n"
    parsed = record(headed, "rfc/0003-x.md", "rfc")
    assert parsed.strings("authors") == ("Ana Silva", "Bo Chen")
    from mkdocs_decisions.site.pages import shown_body

    assert "Bo Chen" not in shown_body(parsed)  # the header shows them


def test_a_quoted_superseded_note_at_the_top_is_the_status() -> None:
    text = "# Pipelines v2\n\n> ⚠️ Superseded by https://example.org/pull/12\n\n## Summary\n\nX\n"
    assert record(text, "proposals/text/0001-pipelines.md", "rfc").status == "superseded"


def test_an_introduction_numbered_zero_is_a_page_not_a_record(tmp_path: Path) -> None:
    files = {
        "docs/besluiten/00-introductie.md": "# Introductie\n\nHoe wij besluiten vastleggen.\n",
        "docs/besluiten/0001-gebruik-postgres.md": "# Gebruik Postgres\n\n## Status\n\nAanvaard\n",
        "docs/besluiten/0002-gebruik-kafka.md": "# Gebruik Kafka\n\n## Status\n\nAangenomen\n",
    }
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "docs/besluiten"}}})
    assert sorted(r.path for r in corpus.records) == [
        "docs/besluiten/0001-gebruik-postgres.md",
        "docs/besluiten/0002-gebruik-kafka.md",
    ]
    assert "docs/besluiten/00-introductie.md" in corpus.skipped


def test_a_successor_outside_the_collection_is_a_document_not_a_broken_link(
    tmp_path: Path,
) -> None:
    body = (
        "# {n}. Use tool {n}\n\nDate: 2024-01-0{n}\n\n## Status\n\n{status}\n\n"
        "## Context\n\nX\n\n## Decision\n\nY\n\n## Consequences\n\nZ\n"
    )
    files = {
        "adr/0001-use-tool-1.md": body.format(
            n=1, status="Superseded by the [streaming design](../design/streaming.md)"
        ),
        "adr/0002-use-tool-2.md": body.format(n=2, status="Superseded by [ADR 9](0009-gone.md)"),
    }
    broken = [f.path for f in checked(tmp_path, files) if f.rule == "DEC201"]
    assert broken == ["adr/0002-use-tool-2.md"]  # a record of the collection that is not there


def test_a_pep_style_header_block_is_read_key_by_key() -> None:
    text = (
        "    Author: Ann Example <ann(at)example(dot)org>\n    Status: Final/24.0 Implemented\n"
        "    Type: Standards Track\n    Created: 28-Jul-2008\n    Post-History:\n"
        "    Replaced-By: EEP-0068\n****\nEEP 18: JSON bifs\n----\n\nAbstract\n========\n\nX\n"
    )
    parsed = record(text, "eeps/eep-0018.md", "rfc")
    assert parsed.title == "JSON bifs"
    assert parsed.raw_status == "Final"
    assert parsed.strings("authors") == ("Ann Example",)
    assert parsed.date == dt.date(2008, 7, 28)
    assert [(r.relation, r.target) for r in parsed.references] == [("superseded_by", "EEP-0068")]


_FENCED_HEADER = (
    "```\nXIP: 0007\nTitle: Rotate the keys\nWorking Group:\n    Owner: Ana Silva\n"
    "Status: Final\nCreated: 2019-Mar-04\nDiscussion: https://example.org/x/1\n"
    "https://example.org/x/2\n```\n"
)


@pytest.mark.parametrize(
    "before",
    ["## Preamble\n\n", "", "# XIP-0007\n\n## Metadata\n\n", "<!-- licence -->\n"],
)
def test_a_pep_style_header_in_a_fence_is_the_header(before: str) -> None:
    """Stellar-like CAPs: the header as the first block, or the first under `## Preamble`."""
    text = f"{before}{_FENCED_HEADER}\n## Simple Summary\n\nRotate.\n"
    parsed = record(text, "rfc/xip-0007.md", "rfc")
    assert parsed.title == "Rotate the keys"
    assert (parsed.raw_status, parsed.status) == ("Final", "accepted")
    assert parsed.date == dt.date(2019, 3, 4)
    assert parsed.strings("authors") == ("Ana Silva",)
    assert "Simple Summary" in [s.title for s in parsed.sections]  # a section, not the title


@pytest.mark.parametrize(
    "text",
    [
        "```\nTitle: x\nStatus: y\n```\n\n## Summary\n\nX\n",  # under no heading of its own
        "## Usage\n\n```\nTitle: Rotate\nStatus: Final\n```\n",
        "```\nfoo()\nTitle: Rotate\nStatus: Final\n```\n",
        "```\nCAP: 0001\nCreated: 2019-03-04\n```\n",
    ],
)
def test_a_fence_that_is_no_header_states_nothing(text: str) -> None:
    parsed = record("# Rotate the keys\n\nSome words here.\n\n" + text, "rfc/xip-0007.md", "rfc")
    assert parsed.raw_status is None and parsed.date is None


def test_a_fenced_header_whose_every_line_is_shown_leaves_no_empty_fence() -> None:
    from mkdocs_decisions.site.pages import shown_body

    text = "## Preamble\n\n```\nTitle: Rotate\nStatus: Final\n```\n\n## Summary\n\nX\n"
    shown = shown_body(record(text, "rfc/xip-0007.md", "rfc"))
    assert "```" not in shown and "Status" not in shown


def test_a_bold_implementation_status_is_the_status() -> None:
    text = (
        "# Secure cluster traffic\n\n* **Owners:**\n  * Max Example\n\n"
        "* **Implementation:** Implemented\n\n## Why\n\nX\n"
    )
    parsed = record(text, "proposals/0002-secure-cluster.md", "rfc")
    assert (parsed.status, parsed.strings("authors")) == ("implemented", ("Max Example",))


def test_a_quoted_note_that_the_document_moved_is_a_stub() -> None:
    text = "> IMPORTANT: This document was moved to [0002-flags.md](./0002-flags.md)\n"
    assert record(text, "proposals/2024-01-02-flags.md", "rfc").moved_to == "./0002-flags.md"


def test_a_meta_sections_name_is_the_title() -> None:
    text = (
        "# Meta\n[meta]: #meta\n- Name: Enable cache with informers\n- Start Date: 2022-11-23\n"
        "- Author(s): ana, bo\n\n# Overview\n\nX\n"
    )
    parsed = record(text, "proposals/cache_enhancements.md", "rfc")
    assert (parsed.title, parsed.date) == ("Enable cache with informers", dt.date(2022, 11, 23))


def test_a_projects_design_proposal_prefix_is_not_the_title() -> None:
    text = "# Kyverno Design Proposal - Mutate Existing Resources\n\n## Overview\n\nX\n"
    assert record(text, "proposals/mutate_existing.md", "rfc").title == "Mutate Existing Resources"


def test_dates_kept_in_sections_of_their_own() -> None:
    text = (
        "# 3. Use a linter\n\n## Creation Date\n\n01/12/22\n\n## Decision Date\n\n15/12/22\n\n"
        "## Status\n\nAccepted\n\n## Context\n\nX\n"
    )
    assert record(text).date == dt.date(2022, 12, 15)  # the decision's, over the creation's


def test_the_file_names_date_says_a_slash_date_is_month_first() -> None:
    text = "# Use Redux\n\n- Status: accepted\n- Date: 7/12/2022\n\n## Context\n\nX\n"
    assert record(text, "adr/20220713-use-redux.md").date == dt.date(2022, 7, 12)


def test_the_chosen_option_is_what_the_outcome_names_before_its_reasons() -> None:
    text = (
        "# Pick a build tool\n\n## Considered Options\n\n* Alpha\n* Beta\n\n"
        '## Decision Outcome\n\nChosen option: "Beta", because the "Alpha" option is slow.\n'
    )
    parsed = record(text)
    options = considered_options(find_section(parsed.iter_sections(), ("considered options",)))
    outcome = find_section(parsed.iter_sections(), ("decision outcome",))
    assert [o.short_name for o in chosen_options(outcome, options)] == ["Beta"]


def test_a_title_heading_says_more_than_a_feature_name() -> None:
    text = (
        "- Feature Name: Product Tour\n- Start Date: 2020-01-25\n\n"
        "# Amundsen Product Tour and Feature Walkthrough\n\n## Summary\n\nX\n"
    )
    assert record(text, "rfcs/002-tour.md", "rfc").title == (
        "Amundsen Product Tour and Feature Walkthrough"
    )
    alone = "- Feature Name: Add gem exec command\n\n# Summary\n\nX\n"
    assert record(alone, "rfcs/003-exec.md", "rfc").title == "Add gem exec command"


def test_a_generic_first_section_is_no_title() -> None:
    text = "---\nStatus: IN PROGRESS\n---\n\n## Purpose\n\nWhy we do it.\n\n## Design\n\nX\n"
    parsed = record(text, "proposals/148/column_level_lineage.md", "rfc")
    assert parsed.title == "Column level lineage"
    assert [s.key for s in parsed.sections][:1] == ["purpose"]


@pytest.mark.parametrize(
    "name",
    [
        "000-feature-template.md",
        "000-deprecation-template.md",
        "ADRXXX-decision-record-template.md",
        "std-XXXX-vN-standard-template.md",  # the series first, then the placeholder
    ],
)
def test_a_template_numbered_by_a_placeholder_is_a_template(name: str) -> None:
    assert is_template(name)


def test_a_date_label_above_the_status_word_is_the_date() -> None:
    text = (
        "# Save a form\n\n## Status\n\nDate created: *2025-08-08*\n\nIn development\n\n"
        "## Context\n\nX\n"
    )
    parsed = record(text)
    assert (parsed.raw_status, parsed.date) == ("In development", dt.date(2025, 8, 8))


def test_a_folder_named_for_a_status_outside_the_lifecycle_is_the_status_as_written() -> None:
    parsed = record("# Python SDK\n\n## Summary\n\nX\n", "design/open/python-sdk.md", "rfc")
    assert (parsed.raw_status, parsed.status) == ("open", None)


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("proposals/2023-11-13-utf8-migration.md", "Utf8 migration"),
        ("eeps/eep-0004.md", "EEP 0004"),
        ("proposals/148/column_level_lineage.md", "Column level lineage"),
        ("adr/ADR0007-use-x.md", "Use x"),
    ],
)
def test_a_title_from_the_file_name_keeps_its_words(path: str, title: str) -> None:
    assert record("Some text without a heading.\n", path, "rfc").title == title


def test_two_bold_labels_on_one_line_without_a_separator() -> None:
    text = "# Scarf integration\n\n**Status:** Draft **Date:** 2025-09-20\n\n## Summary\n\nX\n"
    parsed = record(text, "design/20250920-scarf.md", "rfc")
    assert (parsed.raw_status, parsed.date) == ("Draft", dt.date(2025, 9, 20))


def test_lists_of_front_matter_yaml_cannot_read_are_read_all_the_same() -> None:
    text = (
        '---\ntitle: Server-Side Apply\nauthors:\n  - "@ann"\nreviewers:\n  - @team/core\n'
        "creation-date: 2022-01-18\n---\n\n# Server-Side Apply\n\n## Summary\n\nX\n"
    )
    parsed, found = parse(text, "design/ssa.md", "rfc")
    assert [f.rule for f in found if f.rule == "DEC002"] == ["DEC002"]  # still said
    assert parsed.strings("authors") == ("@ann",) and parsed.strings("reviewers") == ("@team/core",)


def test_keys_indented_by_mistake_in_front_matter_yaml_cannot_read_are_read() -> None:
    text = (
        '---\ntitle: Deadlines\nauthors:\n- "@ana"\n  reviewers:\n- "@bo"\n'
        "  creation-date: 2024-03-10\n  status: implementable\n  colour: blue\n---\n\n"
        "# Support deadlines\n\n## Summary\n\nX\n"
    )
    parsed, found = parse(text, "rfc/20240309-deadlines.md", "rfc")
    assert [at(f) for f in found if f.rule == "DEC002"] == [("DEC002", 5, 3)]  # still said
    assert (parsed.raw_status, parsed.position_of("status")) == ("implementable", Position(8, 11))
    assert parsed.date == dt.date(2024, 3, 10) and parsed.strings("reviewers") == ("@bo",)
    # A key the kind does not know, indented so, is no key of the record's: not unknown.
    assert parsed.unknown_keys == ()


def test_keys_nested_in_a_list_item_of_broken_yaml_are_not_the_records() -> None:
    text = (
        "---\ntitle: X\ndeviates_from:\n  - standard: STD-1\n    status: waived\n"
        "tags: [a\n---\n\n# X\n"
    )
    parsed, found = parse(text)
    assert "DEC002" in {f.rule for f in found}
    assert parsed.raw_status is None


def test_people_are_not_split_inside_parentheses() -> None:
    from mkdocs_decisions.records.metadata import names_in

    assert names_in("Ana Silva (Acme, Data team), Bo Chen") == [
        "Ana Silva (Acme, Data team)",
        "Bo Chen",
    ]


def test_a_status_and_what_it_says_of_it_after_a_comma() -> None:
    text = "# Blocks storage\n\n- Status: Proposed, partially implemented\n- Reviewers:\n"
    text += "- Date: 2020-08-01\n\n## Problem\n\nX\n"
    parsed = record(text, "docs/proposals/blocks-storage.md", "rfc")
    assert (parsed.raw_status, parsed.date) == ("Proposed", dt.date(2020, 8, 1))
    assert parsed.strings("reviewers") == ()


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# Make .Is* properties visible", "Make .Is* properties visible"),
        ("# Label PRs with release:*labels", "Label PRs with release:*labels"),
        ("# Use **bold *nested* words**", "Use bold nested words"),
    ],
)
def test_a_lone_asterisk_is_the_character_not_emphasis(heading: str, title: str) -> None:
    assert record(f"{heading}\n\n## Context\n\nX\n").title == title


def test_a_date_under_another_tools_key_is_named_as_written() -> None:
    text = "---\nstatus: accepted\ncreated: 2021/13/45\n---\n# Use Z\n\n## Context\n\nX\n"
    _, findings = parse(text, "adr/0003-use-z.md", "adr")
    wrong = [f for f in findings if f.rule == "DEC007"]
    assert [(at(f), f.message.split(" must")[0]) for f in wrong] == [
        (("DEC007", 3, 10), "`created`")
    ]
    assert wrong[0].hint == "write it as `created: YYYY-MM-DD`"
    text = "---\nStatus: accepted\nDate: 5 September 2023\n---\n# Use Z\n\n## Context\n\nX\n"
    parsed, findings = parse(text, "adr/0003-use-z.md", "adr")
    assert parsed.date == dt.date(2023, 9, 5)
    assert [f.message.split(":")[0] for f in findings if f.rule == "DEC014"] == ["`Date"]


def test_an_unreadable_date_under_any_date_label_is_said_when_no_other_date_is_read() -> None:
    table = "# Use W\n\n| Status | Accepted |\n|---|---|\n| Created | {date} |\n\n## Context\n\nX\n"
    parsed, findings = parse(table.format(date="45.13.2021"), "adr/0004-use-w.md", "adr")
    assert parsed.date is None
    assert [at(f) for f in findings if f.rule == "DEC014"] == [("DEC014", 5, 13)]
    # A better date elsewhere: the unreadable "last updated" is not worth a word.
    text = "# Use W\n\n* Status: accepted\n* Date: 2021-05-12\n* Last updated: soon\n"
    text += "\n## Context\n\nX\n"
    parsed, findings = parse(text, "adr/0004-use-w.md", "adr")
    assert parsed.date == dt.date(2021, 5, 12)
    assert "DEC014" not in {f.rule for f in findings}


@pytest.mark.parametrize(
    "said",
    [
        "Gewählte Option: MongoDB, weil",
        "Gekozen optie: MongoDB, omdat",
        "Opción elegida: MongoDB, porque",
        "Opção escolhida: MongoDB, porque",
        "Opzione scelta: MongoDB, perché",
        "Wybrana opcja: MongoDB, bo",
        "Выбранный вариант: MongoDB, потому что",
        "Обраний варіант: MongoDB, тому що",
        "Seçilen seçenek: MongoDB, çünkü",
        "选择的方案：MongoDB，因为",
    ],
)
def test_the_chosen_option_in_translated_madr_templates(said: str) -> None:
    assert chosen(f"## Decision Outcome\n\n{said}\n") == ["MongoDB"]


def test_records_written_in_russian_and_polish_are_read(tmp_path: Path) -> None:
    russian = (
        "# 1. Использовать PostgreSQL\n\nДата: 2023-04-05\n\n## Статус\n\nПринято\n\n"
        "## Контекст\n\nНужна база.\n\n## Решение\n\nPostgreSQL.\n\n## Последствия\n\nАдмин.\n"
    )
    polish = (
        "# 2. Użyj Kafki\n\n* Status: zaakceptowany\n* Data: 2023-05-06\n\n"
        "## Kontekst i problem\n\nX\n\n## Rozważane opcje\n\n* Kafka\n* RabbitMQ\n\n"
        "## Decyzja\n\nWybrana opcja: Kafka, bo tak.\n\n## Konsekwencje\n\nY\n"
    )
    files = {"adr/0001-use-postgres.md": russian, "adr/0002-use-kafka.md": polish}
    first, second = (record(text, path) for path, text in files.items())
    assert (first.title, first.status, first.date) == (
        "Использовать PostgreSQL",
        "accepted",
        dt.date(2023, 4, 5),
    )
    assert (second.status, second.raw_status, second.date) == (
        "accepted",
        "zaakceptowany",
        dt.date(2023, 5, 6),
    )
    assert checked(tmp_path, files) == []


RFC_HEAD = "- Start Date: {date}\n\n# {title}\n\n## Summary\n\nX\n\n## Motivation\n\nY\n"


def test_names_that_many_records_start_with_the_same_year_are_dated_not_numbered(
    tmp_path: Path,
) -> None:
    """ESLint's `designs/2019-config-tester/README.md` beside `designs/2019-core-options/`:
    the year is shared, so it dates the records; no "duplicate number" for all of them."""
    files = {
        f"rfc/{name}/README.md": RFC_HEAD.format(date=f"{name[:4]}-06-14", title=title)
        for name, title in [
            ("2019-config-tester", "Config Tester"),
            ("2019-core-options", "Core options"),
            ("2019-plugin-loading", "Plugin loading improvement"),
            ("2020-flat-config", "Flat config"),
        ]
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    assert sorted(r.id for r in corpus.records) == [
        "2019-config-tester",
        "2019-core-options",
        "2019-plugin-loading",
        "2020-flat-config",
    ]
    assert {r.title for r in corpus.records} >= {"Config Tester", "Flat config"}
    found = checked(tmp_path, files, "rfc")
    assert "DEC103" not in {f.rule for f in found}


def test_numbers_that_look_like_years_but_are_each_used_once_stay_numbers(
    tmp_path: Path,
) -> None:
    """Rust's `2005-match-ergonomics.md` among numbers used once each: RFC 2005."""
    files = {
        f"rfc/{name}.md": RFC_HEAD.format(date="2017-02-01", title=title)
        for name, title in [
            ("2005-match-ergonomics", "Match ergonomics"),
            ("2008-non-exhaustive", "Non-exhaustive"),
            ("2011-generic-assert", "Generic assert"),
        ]
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    assert sorted(r.id for r in corpus.records) == ["RFC-2005", "RFC-2008", "RFC-2011"]


def test_a_status_label_wins_over_a_line_on_the_implementation() -> None:
    """D's DIPs: `| Implementation: | [PR 6855] |` above `| Status: | Accepted |`. A link,
    an address or a name says nothing of how far the implementation got."""
    table = "# Scoped pointers\n\n| Field | Value |\n|---|---|\n| DIP: | 1000 |\n"
    table += "| Implementation: | {value} |\n| Status: | Accepted |\n\n## Abstract\n\nX\n"
    for value in ("[PR 6855](https://x/pull/6855)", "https://x/pull/1", "[Timon Gehr]"):
        parsed = record(table.format(value=value), "DIPs/DIP1000.md", "rfc")
        assert (parsed.raw_status, parsed.status) == ("Accepted", "accepted")
    # Alone, how far it got is the status (Prometheus' proposals).
    text = "# Rules\n\n* **Owners:** Ana\n* **Implementation:** Implemented\n\n## Why\n\nX\n"
    assert record(text, "proposals/0001-x.md", "rfc").status == "implemented"
    text = "# Rules\n\n* **Implementation:** [PR 12](https://x/12)\n\n## Why\n\nX\n"
    assert record(text, "proposals/0001-x.md", "rfc").raw_status is None


def test_a_heading_on_the_implementation_is_a_section_not_a_status() -> None:
    text = "# Store\n\nCreated on 2022-01-19\n\n## Summary\n\nX\n\n"
    text += "## Implementation: etcd state store\n\nSome text.\n"
    parsed, findings = parse(text, "rfcs/012-store.md", "rfc")
    assert parsed.raw_status is None
    assert [s.title for s in parsed.sections] == ["Summary", "Implementation: etcd state store"]
    assert "DEC101" not in {f.rule for f in findings}


def test_names_and_titles_only_a_template_has_are_templates(tmp_path: Path) -> None:
    """`YYYY-MM-DD-copy-me.md` (Neon's), and a numbered folder whose page is titled as
    the template (`gep-696/index.md`, "GEP-696: GEP template"): no records, no pages."""
    assert is_template("YYYY-MM-DD-copy-me.md") and is_template("yyyymmdd-name.md")
    assert not is_template("0001-copy-mechanism.md")
    gep = '---\ntitle: "GEP-{n}: {title}"\n---\n\n* Status: {status}\n\n## TLDR\n\nX\n'
    files = {
        "rfc/YYYY-MM-DD-copy-me.md": "# Name\n\nCreated on YYYY-MM-DD\n\n## Summary\n",
        "rfc/2022-01-19-store.md": RFC_HEAD.format(date="2022-01-19", title="Store"),
        "geps/gep-696/index.md": gep.format(n=696, title="GEP template", status="Provisional"),
        "geps/gep-713/index.md": gep.format(n=713, title="Metaresources", status="Standard"),
        "geps/gep-718/index.md": gep.format(n=718, title="Rewrites", status="Standard"),
    }
    corpus = loaded(
        tmp_path,
        files,
        {"kinds": {"rfc": {"folder": "rfc"}, "adr": {"folder": "geps"}}},
    )
    assert sorted(r.path for r in corpus.records) == [
        "geps/gep-713/index.md",
        "geps/gep-718/index.md",
        "rfc/2022-01-19-store.md",
    ]


def test_a_chinese_status_log_with_the_templates_choices_and_slashed_dates() -> None:
    """phodal/adr's Chinese records: the template's choices above a dated log, and a
    log line dated with slashes; 通过 is accepted, 完成 implemented."""
    head = "# 1. 使用 X\n\n日期: 2017/11/22\n\n## 状态\n\n"
    tail = "\n\n## 上下文\n\nX\n\n## 决策\n\nY\n\n## 结果\n\nZ\n"
    parsed = record(head + "列表：提议/通过/完成/已弃用/已取代\n\n2017-11-26 提议" + tail)
    assert (parsed.raw_status, parsed.status) == ("提议", "proposed")
    parsed = record(head + "2017-11-23 提议\n\n2017-11-23 通过\n\n2017/11/24 完成" + tail)
    assert (parsed.raw_status, parsed.status) == ("完成", "accepted")
    assert record(head + "2017-11-23 通过" + tail).status == "accepted"
    parsed = record(head + "Proposed / Accepted / Deprecated\n\nAccepted" + tail)
    assert parsed.raw_status == "Accepted"
    assert record("# 1. X\n\n## Statut\n\nRésolu\n\n## Contexte\n\nX\n").status == "accepted"


def test_a_simplified_chinese_consequences_heading_counts(tmp_path: Path) -> None:
    text = "# 1. 使用 X\n\n日期: 2017-11-22\n\n## 状态\n\n已弃用\n\n"
    text += "## 上下文\n\nX\n\n## 决策\n\nY\n\n## 结果\n\nZ\n"
    found = checked(tmp_path, {"adr/0001-x.md": text})
    assert [f.rule for f in found if f.severity is Severity.ERROR] == []


def test_a_status_section_is_hidden_but_its_link_definitions_stay() -> None:
    """GOV.UK's records end with `## Status` / `Accepted`, then the record's link
    definitions: the header shows the status; the definitions keep `[1]` working."""
    text = "# 3. Use a tag manager\n\n25-10-2017\n\n## Context\n\nSee [the wiki][1].\n\n"
    text += "## Decision\n\nUse it.\n\n## Status\n\nAccepted\n\n[1]: https://example.org/wiki\n"
    shown = _shown(text)
    assert "## Status" not in shown and "Accepted" not in shown
    assert "[1]: https://example.org/wiki" in shown and "See [the wiki][1]." in shown


def test_a_superseded_record_names_its_successor_in_a_sentence(tmp_path: Path) -> None:
    """D's DIP1019: `| Status: | Superseded |`, and further down "superseded by [the
    acceptance of DIP 1030](../accepted/DIP1030.md)": the successor is named."""
    old = "# Named arguments\n\n| Field | Value |\n|---|---|\n| Status: | Superseded |\n\n"
    old += "## Abstract\n\nThis DIP was postponed and subsequently superseded by "
    old += "[the acceptance of DIP 1030](../accepted/DIP1030.md).\n"
    new = "# Named arguments lite\n\n| Field | Value |\n|---|---|\n| Status: | Accepted |\n\n"
    new += "## Abstract\n\nX\n"
    files = {"rfc/archive/DIP1019.md": old, "rfc/accepted/DIP1030.md": new}
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    replaced = next(r for r in corpus.records if r.path.endswith("DIP1019.md"))
    assert [(r.relation, r.target) for r in replaced.references] == [
        ("superseded_by", "rfc/accepted/DIP1030.md")
    ]
    found = checked(tmp_path, files, "rfc")
    assert "DEC105" not in {f.rule for f in found}
    # Replaced by something that is no record, linked: named all the same. Unlinked, not.
    switch = old.replace(
        "[the acceptance of DIP 1030](../accepted/DIP1030.md)",
        "the `-check` switch [released in DMD 2.084.0](https://dlang.org/changelog/2.084.0.html)",
    )
    retired = old.replace("[the acceptance of DIP 1030](../accepted/DIP1030.md)", "a release")
    files = {"rfc/archive/DIP1006.md": switch, "rfc/archive/DIP1007.md": retired}
    found = checked(tmp_path / "other", files, "rfc")
    assert [f.path for f in found if f.rule == "DEC105"] == ["rfc/archive/DIP1007.md"]


def test_folders_named_by_slug_whose_page_states_a_status_are_records(tmp_path: Path) -> None:
    """NHS Wales: `decisions/<category>/<slug>/index.md`, each page with `**Status**:`
    (the newer ones inside an indented admonition); the category's and the collection's
    own index pages are pages, not records."""
    older = "# Use MkDocs\n\n**Status**: accepted\n**Date**: 2025-04-08\n\n## Context\n\nX\n"
    newer = '# Use containers\n\n!!! info "Metadata"\n    **Status**: proposed\n\n## Summary\n'
    files = {
        "adr/index.md": "# Decisions\n\nThe team's decisions, by category.\n",
        "adr/meta/index.md": "# Meta decisions\n\n- [Use MkDocs](use-mkdocs/index.md)\n",
        "adr/meta/use-mkdocs/index.md": older,
        "adr/meta/use-mkdocs/images/site.png": "png",
        "adr/technical/containers/index.md": newer,
    }
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "adr"}}})
    assert sorted((r.path, r.title, r.raw_status) for r in corpus.records) == [
        ("adr/meta/use-mkdocs/index.md", "Use MkDocs", "accepted"),
        ("adr/technical/containers/index.md", "Use containers", "proposed"),
    ]


def test_folders_named_by_slug_with_a_proposals_front_matter_are_records(tmp_path: Path) -> None:
    """Karmada-like: `proposals/<slug>/README.md` (or one named file, pictures beside it)
    with `title:`, `authors:` and `creation-date:` but no status, among folders alike and
    numbered ones; a category's README without such front matter is a page, and so is a
    lone page with it among folders that have none."""
    page = '---\ntitle: {title}\nauthors:\n- "@ana"\n{key}: 2022-02-14\n---\n\n# {title}\n\nX\n'
    files = {
        "rfc/caching/README.md": page.format(title="Cache reads", key="creation-date"),
        "rfc/caching/statics/flow.png": "png",
        "rfc/quota/quota.md": page.format(title="Quota", key="creation-date"),
        "rfc/quota/resources/q.png": "png",
        "rfc/sched/README.md": "# Scheduling\n\nThe scheduling proposals.\n",
        "rfc/sched/12-estimator/README.md": page.format(title="Estimator", key="creation-date"),
        "rfc/sched/14-rebalancer/README.md": page.format(title="Rebalancer", key="creation-date"),
        "rfc/sched/lazy/lazy-activation.md": page.format(title="Lazy", key="creation-date"),
        "rfc/failover/app-failover.md": page.format(title="Failover", key="create-date"),
        "rfc/failover/eviction.md": page.format(title="Eviction", key="creation-date"),
        "rfc/failover/queue.md": page.format(title="Queue", key="creation-date"),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    assert sorted(r.title for r in corpus.records) == [
        "Cache reads",
        "Estimator",
        "Eviction",
        "Failover",
        "Lazy",
        "Queue",
        "Quota",
        "Rebalancer",
    ]
    failover = next(r for r in corpus.records if r.title == "Failover")
    assert failover.date == dt.date(2022, 2, 14)  # `create-date:`, the key misspelt
    alone = {"docs/guide/README.md": page.format(title="Guide", key="creation-date")}
    alone["docs/other/README.md"] = "# Other\n\nNotes.\n"
    alone["docs/0001-x.md"] = "# 1. X\n\n* Status: accepted\n\n## Context\n\nX\n"
    assert [r.path for r in loaded(tmp_path / "two", alone).records] == []


def test_a_misspelt_date_key_is_read_with_a_warning_that_names_the_key_meant() -> None:
    text = "---\ntitle: X\nstatus: draft\ncreate-date: 2023-02-10\ncreator: Ana\n---\n\n# X\n"
    parsed, findings = parse(text, "rfc/0001-x.md", "rfc")
    assert parsed.date == dt.date(2023, 2, 10)
    typo = [f for f in findings if f.rule == "DEC006"]
    assert [(at(f), f.hint) for f in typo] == [(("DEC006", 4, 1), "did you mean `creation-date`?")]
    assert [key for key, _ in parsed.unknown_keys] == ["creator"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Neon's template heading left as it was: the file names the record.
        ("# Name\n\nCreated on: 2023-08-23\n\n## Summary\n\nX\n", "Pageserver wal recovery"),
        # A first level-1 heading that is one section among several level-1 sections.
        ("# Preface\n\nX\n\n# Design\n\nY\n", "Pageserver wal recovery"),
    ],
)
def test_a_template_name_heading_and_a_preface_are_no_titles(text: str, title: str) -> None:
    parsed, findings = parse(text, "rfcs/029-pageserver-wal-recovery.md", "rfc")
    assert parsed.title == title
    assert "DEC106" in {f.rule for f in findings}


def test_a_goal_and_immediate_goals_count_as_the_motivation(tmp_path: Path) -> None:
    rfc = "# GEP-{n}: {title}\n\n* Status: Provisional\n\n## TLDR\n\nX\n\n{goals}\n\n"
    rfc += "## API\n\nY\n"
    files = {
        "rfc/0001-a.md": rfc.format(n=1, title="Routes", goals="## Goal\n\nZ"),
        "rfc/0002-b.md": rfc.format(
            n=2, title="Ports", goals="## Immediate Goals\n\nZ\n\n## Longer Term Goals\n\nW"
        ),
    }
    found = checked(tmp_path, files, "rfc")
    assert [f for f in found if f.rule == "DEC301" and "Motivation" in f.message] == []


def test_record_zero_named_with_its_series_is_numbered_without_a_warning(
    tmp_path: Path,
) -> None:
    """GOV.UK's `adr-000-document-decisions.md` beside `adr-001-...`: ADR-0000, and no
    "cannot number this record" for it."""
    nygard = "# ADR {n}: Decision {n}\n\n25-10-2017\n\n## Context\n\nX\n\n## Decision\n\nY\n\n"
    nygard += "## Consequences\n\nZ\n\n## Status\n\nAccepted.\n"
    files = {f"adr/adr-{n}-decision-{n}.md": nygard.format(n=n) for n in ("000", "001", "002")}
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "adr"}}})
    assert sorted(r.id for r in corpus.records) == ["ADR-0000", "ADR-0001", "ADR-0002"]
    assert "DEC107" not in {f.rule for f in checked(tmp_path, files)}


def test_a_title_kept_in_the_templates_parentheses_is_its_words() -> None:
    text = "- Start Date: 2021-01-12\n\n# (Break on parsing errors)\n\n## Summary\n\nX\n"
    assert record(text, "designs/2021-break/README.md", "rfc").title == "Break on parsing errors"
    assert record("# Use X (and Y)\n\n## Context\n\nZ\n").title == "Use X (and Y)"


def test_a_status_section_that_is_only_a_task_list_is_hidden() -> None:
    """phodal/adr's Japanese template: `## ステータス` over `- [ ] 提案中` / `- [x] 承認`;
    the header shows 承認, and the boxes are not left below it as literal `[x]`."""
    text = "# 1. X を使う\n\n## ステータス\n\n- [ ] 提案中\n- [x] 承認\n\n## 背景\n\nY\n"
    parsed = record(text)
    assert (parsed.raw_status, parsed.status) == ("承認", "accepted")
    shown = _shown(text)
    assert "[x]" not in shown and "ステータス" not in shown and "## 背景" in shown
    # An earlier box's date is more than the header says: the list stays.
    dated = "# Use Z\n\n## Status\n\n- [x] Proposed (date: 2025-06-02)\n"
    dated += "- [x] Accepted (date: 2025-06-10)\n- [ ] Rejected\n\n## Context\n\nX\n"
    assert record(dated).date == dt.date(2025, 6, 10)
    assert "Proposed (date: 2025-06-02)" in _shown(dated)


def test_a_metadata_table_keeps_the_rows_the_header_does_not_show() -> None:
    """D's DIPs, Qiskit's RFCs, Kubewarden's RFCs: a table of DIP, Review Count,
    Author(s) and Status rows. The header shows the authors and the status: the page
    leaves those rows out of the table (a blank line would end it there) and keeps the
    others under the table's header. An author on a row of their own, first cell empty,
    is one of the authors."""
    text = "# Named arguments\n\n| Field | Value |\n|---|---|\n| DIP: | 1019 |\n"
    text += "| Review Count: | 2 |\n| Authors: | Ana Silva |\n| | Bo Chen |\n"
    text += "| Status: | Accepted |\n\n## Abstract\n\nX\n"
    shown = _shown(text)
    assert "| Field | Value |\n|---|---|\n| DIP: | 1019 |\n| Review Count: | 2 |\n\n" in shown
    assert "Ana Silva" not in shown and "Bo Chen" not in shown and "Accepted" not in shown
    parsed = record(text, "DIPs/DIP1019.md", "rfc")
    assert (parsed.raw_status, parsed.strings("authors")) == ("Accepted", ("Ana Silva", "Bo Chen"))


def test_a_table_without_header_keeps_its_rows_the_page_header_does_not_show() -> None:
    """Kubewarden's RFCs: a table with an empty header row, then Feature Name (the
    title), Start Date, Category, RFC PR and State. Title, date and status are in the
    page header; Category and RFC PR stay in the table."""
    text = "|  |  |\n| :-- | :-- |\n| Feature Name | Policy catalogue |\n"
    text += "| Start Date | 2022-08-22 |\n| Category | Development |\n"
    text += "| RFC PR | https://example.org/pull/11 |\n| State | **ACCEPTED** |\n\n"
    text += "# Summary\n\nX\n"
    parsed = record(text, "rfc/0010-x.md", "rfc")
    assert (parsed.title, parsed.raw_status) == ("Policy catalogue", "ACCEPTED")
    assert parsed.date == dt.date(2022, 8, 22)
    shown = shown_body_of(parsed)
    assert shown.startswith("|  |  |\n| :-- | :-- |\n| Category | Development |\n| RFC PR |")
    assert "Policy catalogue" not in shown and "2022-08-22" not in shown
    assert "ACCEPTED" not in shown


def shown_body_of(parsed: Record) -> str:
    from mkdocs_decisions.site.pages import shown_body

    return shown_body(parsed)


def test_a_collection_that_writes_month_first_has_its_ambiguous_dates_read_so(
    tmp_path: Path,
) -> None:
    """`10/25/2017` can only be month first: in its collection, `04/08/2020` is April 8.
    Where a date is surely day first (`25/10/2017`), or none says, it stays day first."""
    nygard = "# {n}. Use {n}\n\nDate: {date}\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n"
    nygard += "## Decision\n\nY\n\n## Consequences\n\nZ\n"
    us = {"adr/0001-use-1.md": "10/25/2017", "adr/0002-use-2.md": "04/08/2020"}
    files = {path: nygard.format(n=path[6], date=day) for path, day in us.items()}
    corpus = loaded(tmp_path / "us", files, {"kinds": {"adr": {"folder": "adr"}}})
    assert {r.path: r.date for r in corpus.records} == {
        "adr/0001-use-1.md": dt.date(2017, 10, 25),
        "adr/0002-use-2.md": dt.date(2020, 4, 8),
    }
    (note,) = [f for f in corpus.findings if f.path == "adr/0002-use-2.md" and f.rule == "DEC014"]
    assert "2020-04-08" in note.message and note.hint == "write it as 2020-04-08"
    # The other record's note, at the same line and column, says its own date.
    (other,) = [f for f in corpus.findings if f.path == "adr/0001-use-1.md" and f.rule == "DEC014"]
    assert other.hint == "write it as 2017-10-25"
    eu = {"adr/0001-use-1.md": "25/10/2017", "adr/0002-use-2.md": "04/08/2020"}
    files = {path: nygard.format(n=path[6], date=day) for path, day in eu.items()}
    corpus = loaded(tmp_path / "eu", files, {"kinds": {"adr": {"folder": "adr"}}})
    assert {r.path: r.date for r in corpus.records}["adr/0002-use-2.md"] == dt.date(2020, 8, 4)


def test_a_folder_named_as_the_record_beside_it_holds_its_parts(tmp_path: Path) -> None:
    """NEAR's `neps/nep-0245.md` and `neps/nep-0245/Events.md`: the folder's pages are
    parts of NEP-245, not records of their own."""
    nep = "---\nNEP: {n}\nTitle: {title}\nStatus: Final\nCreated: 2022-01-01\n---\n\n"
    nep += "## Summary\n\nX\n\n## Motivation\n\nY\n"
    files = {
        "rfc/nep-0245.md": nep.format(n=245, title="Multi Token Standard"),
        "rfc/nep-0245/Events.md": "# Events\n\nThe events.\n",
        "rfc/nep-0245/Metadata.md": "# Metadata\n\nThe metadata.\n",
        "rfc/nep-0141.md": nep.format(n=141, title="Fungible Token Standard"),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    assert sorted(r.path for r in corpus.records) == ["rfc/nep-0141.md", "rfc/nep-0245.md"]


def test_a_folder_of_attachments_holds_parts_of_records(tmp_path: Path) -> None:
    """`adr/resources/ADR-51/profile-files.md`, `adr/billing/attachments/0001-x.md`: a
    record's attachments, pages of the site (its links to them work), never records;
    no DEC103 for the number the folder shares with its record, no DEC102."""
    adr = "---\nadr: {n}\nstatus: Final\ndate: 2022-01-01\n---\n\n# ADR-{n}: Profiles\n\nX.\n"
    files = {
        "adr/ADR-51-profiles.md": adr.format(n=51),
        "adr/resources/ADR-51/profile-files.md": "# Profile files\n\nThe list.\n",
        "adr/billing/ADR-1-bills.md": adr.format(n=1),
        "adr/billing/attachments/0001-sample.md": "# Sample\n\nA sample.\n",
    }
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "adr"}}})
    assert sorted(r.path for r in corpus.records) == [
        "adr/ADR-51-profiles.md",
        "adr/billing/ADR-1-bills.md",
    ]
    found = checked(tmp_path, files, "adr")
    assert not [f for f in found if f.rule in ("DEC102", "DEC103")]
    settings = settings_from_options({"kinds": {"adr": {"folder": "adr"}}, "history": False})
    discovered = discover(tmp_path, tmp_path / "docs", settings.kinds)
    assert "adr/resources/ADR-51/profile-files.md" in discovered.assets


def test_other_processes_keys_for_successors_are_read(tmp_path: Path) -> None:
    """NEAR's `SupersededBy: 141` and `Replaces: 21`: the same relation as ours."""
    nep = "---\nNEP: {n}\nTitle: {title}\nStatus: {status}\n{more}Created: 2022-01-01\n---\n\n"
    nep += "## Summary\n\nX\n\n## Motivation\n\nY\n"
    files = {
        "rfc/nep-0021.md": nep.format(
            n=21, title="Fungible Token", status="Superseded", more="SupersededBy: 141\n"
        ),
        "rfc/nep-0141.md": nep.format(
            n=141, title="Fungible Token 2", status="Final", more="Replaces: 21\n"
        ),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    old = next(r for r in corpus.records if r.path == "rfc/nep-0021.md")
    assert corpus.successor(old) is not None and corpus.successor(old).path == "rfc/nep-0141.md"
    found = checked(tmp_path, files, "rfc")
    assert not {"DEC105", "DEC201"} & {f.rule for f in found}
    assert not [f for f in found if f.rule == "DEC006" and "SupersededBy" in f.message]


@pytest.mark.parametrize("key", ["SupercededBy", "Superceded-By", "superceded_by"])
def test_a_misspelt_successor_key_names_the_successor(tmp_path: Path, key: str) -> None:
    """PowerShell-like: `SupercededBy: RFC0037` names the record numbered 37."""
    page = "---\nStatus: {status}\n{key}: {value}\n---\n\n# {title}\n\n## Summary\n\nX\n"
    files = {
        "rfc/0022-old.md": page.format(status="Rejected", key=key, value="RFC0037", title="Old"),
        "rfc/0037-new.md": page.format(status="Final", key=key, value="N/A", title="New"),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfc"}}})
    old = next(r for r in corpus.records if r.path == "rfc/0022-old.md")
    assert [(r.relation, r.target) for r in old.references] == [("superseded_by", "RFC0037")]
    assert corpus.successor(old) is not None and corpus.successor(old).path == "rfc/0037-new.md"
    assert not [f for f in checked(tmp_path, files, "rfc") if f.rule in ("DEC006", "DEC201")]


def test_a_key_of_another_tool_written_in_two_cases_is_one_key(tmp_path: Path) -> None:
    page = "---\nstatus: draft\n{key}: yes\n---\n\n# T{n}\n\n## Summary\n\nX\n"
    files = {
        "rfc/0001-a.md": page.format(key="Plan to Implement", n=1),
        "rfc/0002-b.md": page.format(key="Plan to implement", n=2),
    }
    keys = [f for f in checked(tmp_path, files, "rfc") if f.rule == "DEC006"]
    assert [(f.path, f.severity.value) for f in keys] == [("rfc/0001-a.md", "info")]  # one note
    options = {"kinds": {"rfc": {"folder": "rfc"}}, "page_keys": ["plan to implement"]}
    assert all(not r.unknown_keys for r in loaded(tmp_path, files, options).records)


@pytest.mark.parametrize(
    ("top", "day", "review"),
    [
        ("## Established\n\n2026-04-06\n\n## Revisit by\n\n2027-04-06\n\n", (2026, 4, 6), True),
        ("Established: 2026-04-06\n\n", (2026, 4, 6), False),
        ("Proposal Date: 2024-05-23\n\n", (2024, 5, 23), False),
        ("Proposal date: 2024-05-23\n\nDate: 2024-06-01\n\n", (2024, 6, 1), False),
    ],
)
def test_an_established_date_and_a_proposal_date_are_read(
    top: str, day: tuple[int, int, int], review: bool
) -> None:
    """rke2-like: the template's `## Established` (the decision date) and `## Revisit by`;
    `Proposal Date:` is a start date, which a decision date wins over."""
    text = f"# 11. Use X\n\n{top}## Status\n\nAccepted\n\n## Context\n\nX\n"
    parsed = record(text, "adr/0011-use-x.md")
    assert parsed.date == dt.date(*day)
    assert (parsed.value("review_by") == dt.date(2027, 4, 6)) is review


@pytest.mark.parametrize(
    ("value", "raw", "status"),
    [
        ("Rejected / Not Implemented", "Rejected", "rejected"),
        ("Proposed / Accepted / Deprecated", None, None),  # the template's choices
        ("Proposed / Accepted", None, None),  # two statuses: no choice made
    ],
)
def test_a_status_with_a_second_word_after_a_slash_is_the_first(
    value: str, raw: str | None, status: str | None
) -> None:
    parsed = record(f"# Use X\n\n**Status:** {value}\n\n## Context\n\nX\n", "adr/0001-x.md")
    assert (parsed.raw_status, parsed.status) == (raw, status)


def test_a_generators_russian_records_are_read() -> None:
    """SynAdor's records: `# 0004-Title` (number and hyphen), `## Дата создания` over a
    dotted date, `## Авторы` over a name."""
    text = "# 0004-Использовать X\n\n## Статус\n\nПринято\n\n## Дата создания\n\n12.01.2020\n\n"
    text += "## Авторы\n\nkreghek\n\n## Контекст\n\nX\n"
    parsed = record(text, "adr/0004-x.md")
    assert (parsed.title, parsed.status, parsed.date) == (
        "Использовать X",
        "accepted",
        dt.date(2020, 1, 12),
    )
    assert parsed.strings("authors") == ("kreghek",)
    assert record("# 404-page design\n\n## Context\n\nX\n", "adr/0005-x.md").title == (
        "404-page design"
    )


def test_the_templates_question_above_the_status_is_not_the_status() -> None:
    text = "# 3. X\n\n## Status\n\nWhat is the status, such as proposed, accepted, rejected, "
    text += "deprecated, superseded, etc.?\n\naccepted\n\n## Context\n\nX\n"
    assert record(text, "adr/0003-x.md").status == "accepted"


@pytest.mark.parametrize(
    ("said", "successor"),
    [
        ("Superseded (0005)", "ADR-0005"),
        ("Superseded (by 0013)", "ADR-0013"),
        ("Superseded 2021", None),
        ("Superseded 2021-05-01", None),
    ],
)
def test_a_successor_named_by_its_number_in_brackets(said: str, successor: str | None) -> None:
    parsed = record(f"# 3. X\n\n## Status\n\n{said}\n\n## Context\n\nX\n", "adr/0003-x.md")
    assert parsed.status == "superseded"
    assert [r.target for r in parsed.references] == ([successor] if successor else [])


def test_a_warning_sign_marks_a_negative_consequence(tmp_path: Path) -> None:
    text = (
        "# ADR-001: Usar X\n\n**Status:** ✅ Aceita\n**Data:** 2025-01-02\n\n## Contexto\n\nX\n\n"
    )
    text += (
        "## Alternativas Consideradas\n\n- A\n- B\n\n## Decisão\n\nOpção escolhida: A, porque.\n\n"
    )
    text += "## Consequências\n\n### Positivas\n\n- ✅ bom\n\n### Negativas\n\n- ⚠️ ruim\n"
    assert "DEC305" not in {f.rule for f in checked(tmp_path, {"adr/001-usar-x.md": text})}


def test_a_section_holding_only_the_templates_comment_is_empty(tmp_path: Path) -> None:
    text = "# 1. Use X\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n## Decision\n\nY\n\n"
    text += "## Consequences\n\n<!-- What becomes easier or more difficult? -->\n"
    found = checked(tmp_path, {"adr/0001-use-x.md": text})
    assert [at(f) for f in found if f.rule == "DEC302"] == [("DEC302", 15, 1)]


def test_a_record_in_the_middle_of_an_adr_tools_chain_is_superseded() -> None:
    """adr-tools writes `Supersedes [1. R1](..)` above `Superseded by [3. R3](..)` for the
    middle of a chain: the first is a link, the second the status; misspelt, the same."""
    head = "# 2. R2\n\nDate: 2020-01-02\n\n## Status\n\n"
    chain = head + "Supersedes [1. R1](0001-r1.md)\n\nSuperseded by [3. R3](0003-r3.md)\n"
    parsed = record(chain + "\n## Context\n\nX\n", "adr/0002-r2.md")
    assert parsed.status == "superseded"
    assert {(r.relation, r.target) for r in parsed.references} == {
        ("supersedes", "adr/0001-r1.md"),
        ("superseded_by", "adr/0003-r3.md"),
    }
    newer = record(head + "Supersedes [1. R1](0001-r1.md)\n\nAccepted\n\n## Context\n\nX\n")
    assert newer.status == "accepted"
    misspelt = head + "Superceded by [14. X](0014-x.md)\n\n## Context\n\nX\n"
    assert record(misspelt).status == "superseded" and "## Status" not in _shown(misspelt)


def test_metadata_lines_left_empty_are_not_left_on_the_page() -> None:
    """`* Status:` with nothing after it, `* Decider(s):` in a Status section of bullets:
    they say nothing, and the lines beside them are in the header."""
    bullets = "# Applying X\n\n* Status: \n* Deciders: Ann\n* Date: 2020-10-07\n\n## Context\n\nX\n"
    assert "Status:" not in _shown(bullets) and record(bullets).raw_status is None
    section = "# ADR 1: X\n\n## Status\n\n* Status: proposed\n* Author(s): Ann\n* Decider(s):\n"
    section += "* Date: 2022-06-06\n\n## Context\n\nX\n"
    assert "## Status" not in _shown(section) and "Decider" not in _shown(section)
    assert record(section).strings("authors") == ("Ann",)


TAP = "* TAP: {n}\n* Title: {title}\n* Status: {status}\n* Created: 07-Sep-2016\n\n"
TAP += "# Abstract\n\nX\n\n# Motivation\n\nY\n"


def test_names_that_glue_a_series_to_its_number_are_numbered(tmp_path: Path) -> None:
    """TUF's `tap1.md` ... `tap12.md` at the top of the repository: TAP-0001 to TAP-0012,
    read from `folder: "."`; `tap2.md`, whose title and status are the template's
    placeholders, is the template. `utf8.md` alone is no series."""
    files = {
        "tap1.md": TAP.format(n=1, title="TAP Purpose", status="Active"),
        "tap2.md": TAP.format(n="<TAP number>", title="<TAP title>", status="<Draft | Final>"),
        "tap3.md": TAP.format(n=3, title="Multi-role delegations", status="Accepted"),
        "tap12.md": TAP.format(n=12, title="Improving keyid flexibility", status="Accepted"),
        "README.md": "# TAPs\n",
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "."}}})
    assert [(r.id, r.title) for r in sorted(corpus.records, key=lambda r: r.number or 0)] == [
        ("TAP-0001", "TAP Purpose"),
        ("TAP-0003", "Multi-role delegations"),
        ("TAP-0012", "Improving keyid flexibility"),
    ]
    assert "tap2.md" in corpus.skipped
    assert record("# UTF-8\n\n## Context\n\nX\n", "adr/utf8.md").number is None


def test_stage_folders_at_the_top_hold_records_of_a_kind_read_from_there(tmp_path: Path) -> None:
    """`folder: "."` reads the stage folders at the top (`Final/`, `Draft-Accepted/`,
    `Archive/Rejected/`) that hold numbered records; a folder of dated notes, or one
    named by status words that holds no numbered record, is the repository's."""
    rfc = "---\nStatus: {0}\n---\n\n# Idea\n\n## Motivation\n\nX.\n"
    files = {
        "Final/RFC0001-a.md": rfc.format("Final"),
        "Final/Readme.md": "Final RFCs go here\n",
        "Draft-Accepted/RFC0002-b.md": rfc.format("Draft"),
        "Archive/Rejected/RFC0003-c.md": rfc.format("Rejected"),
        "notes/20190610-notes.md": rfc.format("Draft"),
        "Archived/how-to.md": rfc.format("Draft"),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "."}}})
    assert sorted((r.id, r.path) for r in corpus.records) == [
        ("RFC-0001", "Final/RFC0001-a.md"),
        ("RFC-0002", "Draft-Accepted/RFC0002-b.md"),
        ("RFC-0003", "Archive/Rejected/RFC0003-c.md"),
    ]
    assert root_places(tmp_path, KINDS["rfc"]) == ["Archive", "Draft-Accepted", "Final"]


def test_a_record_folder_holds_its_record_named_like_it_and_attachments(tmp_path: Path) -> None:
    """One folder per RFC without a README: the file named like the folder is the
    record, the other Markdown files beside it are its attachments; a name with a typo
    against its folder's is the record when it is the only file of the folder's number.
    Every record's page is its folder's."""
    rfc = "- Status: accepted\n\n# {0}\n\n## Summary\n\nSee [story](user-story-a.md).\n"
    files = {
        "rfcs/001-workflows/001-workflows.md": rfc.format("Workflows"),
        "rfcs/001-workflows/user-story-a.md": "# A use case:\n\nAs a user ...\n",
        "rfcs/002-fields/002-fiealds.md": rfc.format("Fields"),
        "rfcs/003-sessions/README.md": rfc.format("Sessions"),
        "rfcs/004-s3/004-s3.md": rfc.format("S3"),
    }
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfcs"}}})
    assert sorted((r.id, r.site_path) for r in corpus.records) == [
        ("RFC-0001", "rfcs/001-workflows/index.md"),
        ("RFC-0002", "rfcs/002-fields/index.md"),
        ("RFC-0003", "rfcs/003-sessions/index.md"),
        ("RFC-0004", "rfcs/004-s3/index.md"),
    ]
    assert "rfcs/001-workflows/user-story-a.md" in corpus.skipped
    # A numbered folder of several numbered records is a group, none of them its record.
    group = {f"rfcs/v1/000{n}-x{n}.md": rfc.format(f"X{n}") for n in (1, 2)}
    grouped = loaded(tmp_path / "g", group, {"kinds": {"rfc": {"folder": "rfcs"}}})
    assert sorted(r.site_path for r in grouped.records) == [
        "rfcs/v1/0001-x1.md",
        "rfcs/v1/0002-x2.md",
    ]


def test_an_underlined_title_over_level_one_sections_wins_over_a_slug_feature_name() -> None:
    """GreptimeDB: `Feature Name: "procedure-framework"` in front matter, then the title
    underlined with dashes (level 2) above `# Summary`, `# Motivation`, `# Details`."""
    text = '---\nFeature Name: "procedure-framework"\nDate: 2023-01-03\n---\n\n'
    text += "Procedure Framework\n----------------------\n\n# Summary\n\nX\n\n# Motivation\n\nY\n\n"
    text += "# Details\n\nZ\n"
    parsed = record(text, "rfc/2023-01-03-procedure-framework.md", "rfc")
    assert parsed.title == "Procedure Framework"
    assert [s.title for s in parsed.sections] == ["Summary", "Motivation", "Details"]


def test_an_html_comment_in_front_matter_is_no_key() -> None:
    """The template's `<!-- status: provisional|implementable -->` above `status:`: a
    comment, on one line or several, and the keys below keep their lines."""
    text = "---\ntitle: Use X\n<!-- status: provisional|implementable -->\nstatus: implementable\n"
    text += "<!--\ndate: 2000-01-01\n-->\ndate: 2021-01-02\n---\n\n# Use X\n"
    parsed, findings = parse(text, "rfc/0001-use-x.md", "rfc")
    assert (parsed.raw_status, parsed.date) == ("implementable", dt.date(2021, 1, 2))
    assert (parsed.position_of("status").line, parsed.position_of("date").line) == (4, 8)
    assert [f for f in findings if f.rule in ("DEC002", "DEC005", "DEC006")] == []


def test_a_key_of_words_is_read_from_front_matter_that_is_not_valid_yaml() -> None:
    """`Author: @jeremy` makes the YAML invalid (DEC002); `Feature Name:` is read all the
    same, as the message says the plain lines are."""
    text = "---\nFeature Name: Export/Import V2\nDate: 2025-12-30\nAuthor: @jeremy\n---\n\n"
    text += "# Summary\n\nX\n\n# Motivation\n\nY\n"
    parsed, findings = parse(text, "rfc/2025-12-30-export-import-v2.md", "rfc")
    assert "DEC002" in {f.rule for f in findings}
    assert (parsed.title, parsed.date) == ("Export/Import V2", dt.date(2025, 12, 30))


@pytest.mark.parametrize(
    "written",
    [
        "Ana Silva <ana@x.org>; Bo Chen <bo@x.org>",
        "Ana Silva <ana@x.org> Bo Chen <bo@x.org>",
        "Ana Silva; Bo Chen",
        "Ana Silva and Bo Chen",
    ],
)
def test_people_in_one_front_matter_string_are_each_a_person(written: str) -> None:
    """NEAR's `Authors: A <a@x>; B <b@x>`: two authors, without their addresses."""
    text = f"---\nTitle: X\nStatus: Final\nAuthors: {written}\n---\n\n## Summary\n\nX\n"
    assert record(text, "rfc/nep-0021.md", "rfc").strings("authors") == ("Ana Silva", "Bo Chen")


def test_toml_front_matter_is_read_and_not_shown(tmp_path: Path) -> None:
    """VMware's records under Zola: `+++`, a licence in `#` comments, `title = "..."`,
    then MADR 2 bullets; a file named `20240509-adr-0005-use-v.md` is ADR-0005."""
    text = '+++\n# Licence header\n# */\ntitle = "ADR-0005: Use V"\nweight = 5\n\n'
    text += "[extra]\ntoc = true\n+++\n\n- Status: accepted\n- Date: 2024-05-08\n\n"
    text += "## Context and Problem Statement\n\nX\n"
    parsed, _ = parse(text, "adr/20240509-adr-0005-use-v.md", "adr")
    assert (parsed.id, parsed.title, parsed.raw_status, parsed.date) == (
        "ADR-0005",
        "Use V",
        "accepted",
        dt.date(2024, 5, 8),
    )
    assert parsed.fields["title"].key_position.line == 4
    assert "+++" not in _shown(text) and "Licence" not in _shown(text)
    broken = parse('+++\ntitle = "Use V\n+++\n\n# Use V\n', "adr/0005-use-v.md", "adr")[1]
    assert [at(f) for f in broken if f.rule == "DEC002"] == [("DEC002", 2, 1)]
    found = checked(tmp_path, {"adr/20240509-adr-0005-use-v.md": text})
    assert "DEC006" not in {f.rule for f in found}


def test_records_that_share_a_number_but_declare_ids_of_their_own_are_no_duplicates(
    tmp_path: Path,
) -> None:
    """Brighter numbers loosely and names its records by `id:` (`0037-use-a`,
    `0037-use-b`): no DEC103. Without an `id:` of its own, the second is a duplicate."""
    nygard = "---\nid: {id}\ntitle: {title}\nstatus: Proposed\n---\n\n# 37. {title}\n\n"
    nygard += "## Context\n\nX\n"
    files = {
        "adr/0037-use-a.md": nygard.format(id="0037-use-a", title="Use A"),
        "adr/0037-use-b.md": nygard.format(id="0037-use-b", title="Use B"),
    }
    assert "DEC103" not in {f.rule for f in checked(tmp_path / "apart", files)}
    files["adr/0037-use-b.md"] = "# 37. Use B\n\n## Status\n\nProposed\n\n## Context\n\nX\n"
    assert "DEC103" in {f.rule for f in checked(tmp_path / "alike", files)}


def test_a_body_that_says_the_front_matters_date_and_status_again_shows_them_once() -> None:
    """Brighter's front matter over a Nygard body (`Date:` line, `## Status` section):
    the header shows them, the body's repetition is left out; a body that says
    otherwise stays."""
    front = "---\nid: 0037-use-a\ntitle: Use a\nstatus: Accepted\ncreated: 2026-01-21\n---\n"
    body = "# 37. Use a\n\nDate: 2026-01-21\n\n## Status\n\nAccepted\n\n## Context\n\nX\n"
    shown = _shown(front + body)
    assert "Date:" not in shown and "## Status" not in shown and "## Context" in shown
    other = body.replace("2026-01-21", "2026-01-25").replace("\nAccepted\n", "\nProposed\n")
    shown = _shown(front + other)
    assert "Date: 2026-01-25" in shown and "Proposed" in shown


def test_group_13_titles_numbers_and_statuses(tmp_path: Path) -> None:
    """A word that ends with a version is a title (`# SamplerV2`); `supersedes: 0161` is
    161, not YAML 1.1's octal; IPFS' `ipip: proposal` in `ipip-0383.md` is the status;
    a lone underscore is the character (`_redirects`)."""
    assert record("# SamplerV2\n\n## Summary\n\nX\n", "rfc/0016-sampler.md", "rfc").title == (
        "SamplerV2"
    )
    assert record("# ADR-12\n\n## Context\n\nX\n", "adr/0012-use-x.md").title == "Use x"
    numbered = "---\ntitle: New way\nstatus: review\nsupersedes: 0161\nrelated: [0010]\n---\n\n"
    numbered += "## Summary\n\nX\n"
    parsed = record(numbered, "rfc/0500-x.md", "rfc")
    assert [r.target for r in parsed.references] == ["RFC-0161", "RFC-0010"]
    ipip = '---\ntitle: "IPIP-0002: _redirects File Support"\ndate: 2023-03-09\n'
    ipip += "ipip: proposal\n---\n\n## Summary\n\nX\n"
    parsed, _ = parse(ipip, "rfc/ipip-0002.md", "rfc")
    assert (parsed.id, parsed.title, parsed.raw_status) == (
        "IPIP-0002",
        "_redirects File Support",
        "proposal",
    )
    hip = '---\nhip: "0001"\ntitle: X\nstatus: accepted\n---\n\n## Summary\n\nX\n'
    assert record(hip, "rfc/hip-0001.md", "rfc").raw_status == "accepted"
    assert record("# Use _snake_ names\n\n## Context\n\nX\n").title == "Use snake names"


def test_a_one_column_status_table_and_a_meta_name_in_code() -> None:
    """Strimzi's `| State |` / `|---|` / `| Implemented |`; Buildpacks' `- Name:
    \\`.profile\\` Utility Buildpack` under `# Meta`."""
    table = "# Remove X\n\n| State |\n|---|\n| Implemented |\n\n## Motivation\n\nX\n"
    assert record(table, "rfc/003-x.md", "rfc").status == "implemented"
    assert "| Implemented |" not in _shown(table)
    meta = "# Meta\n\n- Name: `.profile` Utility Buildpack\n- Start Date: 2020-01-01\n"
    meta += "- Status: Implemented\n\n# Summary\n\nX\n"
    parsed = record(meta, "rfc/0093-dot-profile-utility-buildpack.md", "rfc")
    assert (parsed.title, parsed.raw_status) == (".profile Utility Buildpack", "Implemented")


def test_a_successor_linked_on_the_forge_is_found_after_its_folder_moved(tmp_path: Path) -> None:
    """Buildpacks link records by their address on GitHub (`.../blob/main/text/0022-x.md`);
    after `git mv text rfcs` the link still names the record of that file name."""
    meta = "# Meta\n\n- Name: {name}\n- Start Date: 2020-01-0{n}\n- Status: {status}\n{more}\n"
    meta += "# Summary\n\nX\n\n# Motivation\n\nY\n"
    url = "https://github.com/o/r/blob/main/text/0022-old.md"
    files = {
        "rfcs/0022-old.md": meta.format(name="Old way", n=1, status="Superseded", more=""),
        "rfcs/0060-new.md": meta.format(
            name="New way", n=2, status="Implemented", more=f"- Supersedes: [RFC-0022]({url})\n"
        ),
    }
    # Only a link to this repository's forge: another repository's file of the same name
    # is not this record.
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfcs"}}})
    old = next(r for r in corpus.records if r.path == "rfcs/0022-old.md")
    assert corpus.successors(old) == []
    files[".git/config"] = (
        '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:o/r.git\n'
    )
    corpus = loaded(tmp_path, files, {"kinds": {"rfc": {"folder": "rfcs"}}})
    old = next(r for r in corpus.records if r.path == "rfcs/0022-old.md")
    assert [r.path for r in corpus.successors(old)] == ["rfcs/0060-new.md"]


def test_a_question_heading_is_its_section_not_the_title() -> None:
    """fablabbcn's records: no title heading, `## Why?` first: the title is the file
    name's, and `Why?` is the context, as `Why` is."""
    text = (
        "- Deciders: someone\n- Date: 2020-12-03\n\n## Why?\n\n- Fewer bytes.\n\n## Solution\n\nX\n"
    )
    parsed = record(text, "adr/0001-minimize-kit-payload.md")
    assert parsed.title == "Minimize kit payload"
    assert [s.key for s in parsed.sections] == ["why", "solution"]


@pytest.mark.parametrize(
    ("heading", "path", "title"),
    [
        ("# 3-tier architecture", "adr/0003-x.md", "3-tier architecture"),
        ("# 2-phase commit for payments", "adr/0002-x.md", "2-phase commit for payments"),
        ("# 0-downtime deployments", "adr/0005-x.md", "0-downtime deployments"),
        ("# 12-factor app", "adr/0012-x.md", "12-factor app"),
        ("# 0004-Use X", "adr/0004-x.md", "Use X"),
    ],
)
def test_a_number_that_belongs_to_the_title_stays(heading: str, path: str, title: str) -> None:
    assert record(f"{heading}\n\n## Context\n\nX\n", path).title == title


def test_odd_inputs_found_in_review_become_findings_not_tracebacks() -> None:
    """An `Implementation:` value that is no status word before the Status label; a
    superscript digit as a reference; TOML and YAML nested past any sense."""
    text = "# 1. Use X\n\n* Implementation: pending the work of the storage team\n"
    text += "* Status: Accepted\n\n## Context\n\nWe need.\n"
    assert record(text).status == "accepted"
    parsed, _ = parse('---\nsupersedes: "²"\nstatus: accepted\n---\n# X\n', "adr/0001-x.md", "adr")
    assert [r.target for r in parsed.references] == ["²"]
    toml = '+++\ntitle = "Use X"\nx = ' + "[" * 500 + "]" * 500 + "\n+++\n# X\n"
    assert "DEC002" in {f.rule for f in parse(toml, "adr/0001-x.md", "adr")[1]}
    deep = "---\nx: " + "[" * 6000 + "]" * 6000 + "\n---\n# X\n"
    assert "DEC002" in {f.rule for f in parse(deep, "adr/0001-x.md", "adr")[1]}


def test_record_folders_titled_with_the_word_template_stay_records(tmp_path: Path) -> None:
    nygard = "# {n}. {title}\n\nDate: 2024-01-0{n}\n\n## Status\n\nProposed\n\n## Context\n\nX\n"
    files = {
        f"adr/000{n}-x{n}/README.md": nygard.format(n=n, title=title)
        for n, title in ((1, "Use A"), (2, "Email templates"), (3, "Helm chart template"))
    }
    corpus = loaded(tmp_path, files, {"kinds": {"adr": {"folder": "adr"}}})
    assert len(corpus.records) == 3


def test_a_sentence_that_links_elsewhere_after_superseded_by_names_no_successor(
    tmp_path: Path,
) -> None:
    text = "# 2. Use B\n\n## Status\n\nSuperseded\n\n## Context\n\nThis record was superseded "
    text += "by later work; see [the changelog](../CHANGELOG.md).\n"
    found = checked(tmp_path, {"adr/0002-use-b.md": text})
    assert "DEC105" in {f.rule for f in found} and "DEC201" not in {f.rule for f in found}


@pytest.mark.parametrize(
    ("body", "empty"),
    [
        ("使用PostgreSQL作为主数据库。", False),
        ("We use X.", False),
        ("Use Postgres.", False),
        ("TBD", True),
        ("", True),
    ],
)
def test_a_short_decision_is_content(tmp_path: Path, body: str, empty: bool) -> None:
    text = f"---\nstatus: accepted\ndate: 2026-01-01\ndeciders: [Ana]\n---\n\n# Use X\n\n{body}\n"
    files = {"rfc/0001-use-x.md": text}
    found = checked(tmp_path, files, "rfc")
    if empty:  # said by the missing sections, or by DEC308 where none is asked
        assert {"DEC301", "DEC308"} & {f.rule for f in found}
    else:
        assert "DEC308" not in {f.rule for f in found}


def test_an_address_then_a_handle_is_one_person_and_discussions_to_is_the_discussion() -> None:
    """conda-forge's `Jane Doe <jane@example.org> (@jdoe)`; MetaMask's `discussions-to:`."""
    from mkdocs_decisions.records.metadata import names_in

    assert names_in("Jane Doe <jane@example.org> (@jdoe), Bob Roe (@broe)") == [
        "Jane Doe (@jdoe)",
        "Bob Roe (@broe)",
    ]
    sip = "---\ntitle: Snap Locations\nstatus: Draft\n"
    sip += "discussions-to: https://github.com/acme/sips/discussions/75\n---\n\n## Summary\n\nX\n"
    parsed = record(sip, "rfc/sip-1.md", "rfc")
    assert parsed.value("discussion") == "https://github.com/acme/sips/discussions/75"


def test_a_level_two_heading_that_repeats_the_front_matter_title_is_the_title() -> None:
    """`## ADR 008: Retry the sync` under `title: Retry the sync` is the title again, not
    a section: the page does not show it twice. A first `## Step 1: Plan` is a section."""
    repeated = record(
        "---\ntitle: Retry the sync\n---\n\n## ADR 008: Retry the sync\n\n## Status\n\n"
        "Accepted\n\n## Context\n\nX\n",
        "adr/adr-008-retry.md",
    )
    assert [s.key for s in repeated.sections] == ["status", "context"]
    assert repeated.title == "Retry the sync"
    assert repeated.title_heading == "ADR 008: Retry the sync"
    assert "ADR 008" not in repeated.body
    section_first = record(
        "---\ntitle: Retry the sync\n---\n\n## Step 1: Plan\n\nX\n", "adr/adr-009-plan.md"
    )
    assert [s.key for s in section_first.sections] == ["step 1: plan"]
    assert section_first.title_heading == ""


def test_an_html_comment_after_the_title_is_not_part_of_it() -> None:
    text = "# Serve client and server apart <!-- The title should say the outcome -->\n\n"
    text += "- Status: Decided\n\n## Context\n\nX\n"
    assert record(text, "adr/0003-x.md").title == "Serve client and server apart"


def test_bold_around_label_and_value_and_a_hard_line_break() -> None:
    """`* **Status: Active**\\` ends with a hard line break; the value is without it."""
    text = "# Use a wiki\n\n* **Status: Active**\\\n* **Deciders:** Wendy\\\n"
    text += "* **Date:** 2023-07-05\n\n## Context\n\nX\n"
    parsed = record(text, "adr/0004-x.md")
    assert (parsed.raw_status, parsed.strings("deciders")) == ("Active", ("Wendy",))
    assert parsed.position_of("status").line == 3


def test_an_escaped_placeholder_of_choices_states_no_status() -> None:
    text = "# Use X\n\n- Status: \\[In progress or Decided\\]\n\n## Context\n\nX\n"
    assert record(text, "adr/0004-x.md").raw_status is None


def test_tags_separated_by_commas_keep_their_spaces() -> None:
    text = "# Use X\n\n* **Tags:** participatory budgeting, civic engagement\n\n## Context\n\nX\n"
    assert record(text).strings("tags") == ("participatory budgeting", "civic engagement")
    spaced = text.replace("participatory budgeting, civic engagement", "#jetstream #kv")
    assert record(spaced).strings("tags") == ("jetstream", "kv")


@pytest.mark.parametrize(
    ("lines", "day", "deciders"),
    [
        (
            "**Status:** Akzeptiert\n**Entscheidungsdatum:** 2026-02-27\n"
            "**Entschieden durch:** Core Team",
            dt.date(2026, 2, 27),
            ("Core Team",),
        ),
        ("**Status:** Akzeptiert\n**Datum:** 27. Februar 2026", dt.date(2026, 2, 27), ()),
        ("- Statut : Accepté\n- Date : 12 mars 2023", dt.date(2023, 3, 12), ()),
        ("- Estado: Aceptado\n- Fecha: 3 de mayo de 2024", dt.date(2024, 5, 3), ()),
    ],
)
def test_labels_and_month_names_in_other_languages(
    lines: str, day: dt.date, deciders: tuple[str, ...]
) -> None:
    parsed = record(f"# Nutze X\n\n{lines}\n\n## Kontext\n\nX\n")
    assert (parsed.status, parsed.date, parsed.strings("deciders")) == ("accepted", day, deciders)


def test_a_last_edit_date_does_not_beat_the_date_the_file_name_gives() -> None:
    """HHS: files named by the day they were written, and a `Last Modified` line; the
    line stays on the page, since the header shows the name's date."""
    text = "# Chat\n\n* **Status:** Accepted\n* **Last Modified:** 2023-08-17\n\n## Context\n\nX\n"
    parsed = record(text, "adr/2023-07-05-chat.md")
    assert parsed.date == dt.date(2023, 7, 5)
    assert "Last Modified:** 2023-08-17" in shown_body_of(parsed)
    assert record(text, "adr/0005-chat.md").date == dt.date(2023, 8, 17)  # the only date


@pytest.mark.parametrize(
    ("written", "raw"),
    [
        ("**ACCEPTED**, later **DEPRECATED**", "DEPRECATED"),
        ("Proposed, then withdrawn", "withdrawn"),
    ],
)
def test_a_status_that_says_what_the_record_became(written: str, raw: str) -> None:
    assert record(nygard(written)).raw_status == raw


@pytest.mark.parametrize(
    ("status", "day"),
    [
        ("Akzeptiert, 2026-03-09", dt.date(2026, 3, 9)),
        ("Godkendt på styregruppemødet den 4. juni 2026.", dt.date(2026, 6, 4)),
    ],
)
def test_a_status_section_in_another_language_says_when_it_was_decided(
    status: str, day: dt.date
) -> None:
    parsed = record(f"# ADR-018: Fehlervertrag\n\n## Status\n\n{status}\n\n## Kontext\n\nX\n")
    assert (parsed.status, parsed.date) == ("accepted", day)


def test_a_restructuredtext_field_list_in_an_eval_rst_fence_is_the_header() -> None:
    """napari's NAPs (MyST): a target line, the title, then a ```{eval-rst} block of
    `:Field: value` lines; two Author lines are two authors; Resolved is the day it was
    decided. The page leaves out the target and the lines the header shows."""
    text = "(nap2)=\n\n# NAP-2 — Packaging with conda\n\n```{eval-rst}\n"
    text += ":Author: Ana Silva\n:Author: Bo Chen\n:Created: 2022-05-05\n"
    text += ":Resolved: 2022-07-14\n:Status: Withdrawn\n:Type: Standards Track\n```\n\n"
    text += "## Abstract\n\nX\n"
    parsed = record(text, "docs/naps/2-conda.md", "rfc")
    assert (parsed.title, parsed.raw_status) == ("Packaging with conda", "Withdrawn")
    assert parsed.date == dt.date(2022, 7, 14)
    assert parsed.strings("authors") == ("Ana Silva", "Bo Chen")
    assert parsed.position_of("status") == Position(10, 10)
    shown = shown_body_of(parsed)
    assert "(nap2)=" not in shown and "Ana Silva" not in shown and ":Status:" not in shown
    assert ":Type: Standards Track" in shown


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("- SEP Status: Draft", "raw_status", "Draft"),
        ("- Decision owners: Ana, Bo", "deciders", ("Ana", "Bo")),
        (
            "- Feature Name: [security] Run the master as non root\n- Status: Draft",
            "title",
            "Run the master as non root",
        ),
    ],
)
def test_labels_of_series_and_owners(lines: str, field: str, value: object) -> None:
    kind = "adr" if field == "deciders" else "rfc"  # an RFC has authors, not deciders
    text = f"- Start Date: 2020-01-01\n{lines}\n\n# Summary\n\nX\n"
    parsed = record(text, f"{kind}/0012-x.md", kind)
    got = parsed.strings(field) if field == "deciders" else getattr(parsed, field)
    assert got == value


def test_a_datum_section_is_the_date() -> None:
    parsed = record(
        "# Nutze X\n\n## Status\n\nAkzeptiert\n\n## Datum\n\n02.05.2023\n\n## Kontext\n\nX\n"
    )
    assert (parsed.status, parsed.date) == ("accepted", dt.date(2023, 5, 2))


def test_an_indented_eval_rst_fence_is_read_as_commonmark_reads_it() -> None:
    """The fence and its fields indented by one space (CommonMark takes it off the
    lines); each field is a label of its own, not the value above going on."""
    text = "(nap-8)= \n\n # NAP-8 — Telemetry\n\n ```{eval-rst} \n :Author: Ana Silva \n"
    text += " :Created: 2023-08-11\n :Resolved: <date resolved>\n :Status: Withdrawn\n ``` \n\n"
    text += " ## Abstract\n\nX\n"
    parsed = record(text, "docs/naps/8-telemetry.md", "rfc")
    assert (parsed.raw_status, parsed.date) == ("Withdrawn", dt.date(2023, 8, 11))
    assert parsed.strings("authors") == ("Ana Silva",)
    assert parsed.position_of("status") == Position(9, 11)


@pytest.mark.parametrize(
    "table",
    [
        # a metadata row first is the table's header row: the table stays whole
        "| Status | Accepted |\n|---|---|\n| Category | Infra |\n| Date | 2024-01-01 |\n",
        # a quoted table: a blank line would end the quote's table
        "> | Key | Value |\n> |---|---|\n> | Status | Accepted |\n> | Category | Infra |\n",
    ],
)
def test_a_table_whose_rows_cannot_go_stays_whole(table: str) -> None:
    text = f"# Use X\n\n{table}\n## Context\n\nY\n"
    parsed = record(text)
    assert parsed.raw_status == "Accepted"
    assert table in shown_body_of(parsed)


def test_a_last_modified_row_under_a_dated_name_keeps_its_table_whole() -> None:
    table = "| Key | Value |\n|---|---|\n| Status | Accepted |\n| Last Modified | 2023-08-17 |\n"
    parsed = record(f"# Chat\n\n{table}\n## Context\n\nY\n", "adr/2023-07-05-chat.md")
    assert parsed.date == dt.date(2023, 7, 5)
    assert table in shown_body_of(parsed)


@pytest.mark.parametrize(
    ("lines", "raw"),
    [
        ("* PR Status: Open\n* Status: Accepted", "Accepted"),
        ("* CI Status: passing\n* Status: Accepted", "Accepted"),
    ],
)
def test_the_status_of_a_pull_request_or_a_build_is_not_the_records(lines: str, raw: str) -> None:
    assert record(f"# Use X\n\n{lines}\n\n## Context\n\nY\n").raw_status == raw


@pytest.mark.parametrize(
    "date",
    [
        "3 de mayo de 2024",
        "le 3 mai 2024",
        "2024-01-20T10:00:00Z",
        "2024-01-20 10:00 CET",
        "2024-01-20 (YYYY-MM-DD)",
        "Montag, 3. März 2024",
    ],
)
def test_a_date_line_with_only_the_dates_own_words_is_left_out(date: str) -> None:
    text = f"# Use X\n\n* Status: Accepted\n* Date: {date}\n\n## Context\n\nY\n"
    parsed = record(text)
    assert parsed.date is not None
    assert "Date:" not in shown_body_of(parsed)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("# Use Postgres <!-- e.g. `Use X` -->", "Use Postgres"),
        ("# Use Postgres <!-- no end", "Use Postgres <!-- no end"),
    ],
)
def test_an_html_comment_with_a_code_span_is_not_in_the_title(written: str, title: str) -> None:
    assert record(f"{written}\n\n* Status: Accepted\n\n## Context\n\nY\n").title == title


@pytest.mark.parametrize(
    ("written", "raw"),
    [
        ("Accepted, now proposed for deprecation", "Accepted"),
        ("Accepted Phase I", "Accepted Phase I"),
    ],
)
def test_what_a_status_line_asks_for_is_not_what_it_became(written: str, raw: str) -> None:
    assert record(nygard(written)).raw_status == raw


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Date: v2. Approved 12 May 2023", dt.date(2023, 5, 12)),
        ("Date: sprint 12. Retro 14 March 2024", dt.date(2024, 3, 14)),
    ],
)
def test_a_false_start_does_not_hide_the_date_after_it(line: str, day: dt.date) -> None:
    assert record(f"# Use X\n\n{line}\n\n## Status\n\nAccepted\n\n## Context\n\nY\n").date == day


def test_myst_targets_above_any_heading_are_left_out_of_the_page() -> None:
    text = "---\ntitle: X\nstatus: accepted\n---\n\n(nap3)=\n# X\n\nText\n\n(sec)=\n"
    text += "## Context\n\nY\n\n```\n(code)=\n```\n"
    shown = shown_body_of(record(text))
    assert "(nap3)=" not in shown and "(sec)=" not in shown and "(code)=" in shown


def test_a_header_indented_as_code_under_a_preamble_heading() -> None:
    """Perl's PPCs: `## Preämble` over `    Status:  Implemented`."""
    text = "# Deferred blocks\n\n## Preämble\n\n    Author:  Ana Silva <ANA>\n    Sponsor:\n"
    text += "    ID:      0004\n    Status:  Implemented\n\n## Abstract\n\nX\n"
    parsed = record(text, "ppcs/ppc0004-defer-block.md", "rfc")
    assert (parsed.title, parsed.raw_status) == ("Deferred blocks", "Implemented")
    assert parsed.strings("authors") == ("Ana Silva",)
    assert parsed.position_of("status") == Position(8, 14)


def test_a_generated_table_of_contents_is_no_title_and_hides_no_metadata() -> None:
    """Optimism's design docs: doctoc's block, with its own heading, above the title and
    the metadata table."""
    text = "<!-- START doctoc generated TOC please keep comment here -->\n\n"
    text += "## **Table of Contents** _generated with [DocToc](https://x.org)_\n\n"
    text += "- [Intro](#intro)\n<!-- END doctoc generated TOC please keep comment here -->\n\n"
    text += "## **Token bridge: Failure Modes**\n\n| Author | Ana |\n| --- | --- |\n"
    text += "| Created at | 2024-10-02 |\n| Status | Final |\n\n## Intro\n\nX\n"
    parsed = record(text, "security/fma-token-bridge.md", "rfc")
    assert (parsed.title, parsed.raw_status) == ("Token bridge: Failure Modes", "Final")
    assert parsed.date == dt.date(2024, 10, 2)
    assert "Table of Contents" not in shown_body_of(parsed)


@pytest.mark.parametrize(
    ("heading", "path", "title"),
    [
        (
            "# [Operator Fee]: Failure Modes",
            "security/fma-operator-fee.md",
            "Operator Fee: Failure Modes",
        ),
        ("# [Project Name]: Failure Modes", "security/fma-cannon-go.md", "Fma cannon go"),
        ("# FLIP: Axis metadata", "docs/flip/2434-general-metadata.md", "Axis metadata"),
        ("# FMA: L2CM", "security/fma-l2cm.md", "L2CM"),
        (
            "# RFC Vclock implementation design",
            "doc/rfc/vclock_struct.md",
            "Vclock implementation design",
        ),
        ("# VyLog: ups and downs", "doc/rfc/vylog-ups-and-downs.md", "VyLog: ups and downs"),
        ("# API: new design", "docs/api/0001-x.md", "API: new design"),
        ("# Keep A Changelog", "text/2022-01-17-keep-a-changelog.md", "Keep A Changelog"),
        ("# rfc-net-20211026-1", "rfcs/rfc-net-20211026-1-flexmatch.md", "Flexmatch"),
    ],
)
def test_titles_lose_what_their_template_or_series_adds(
    heading: str, path: str, title: str
) -> None:
    assert record(f"{heading}\n\n* Status: Draft\n\n## Summary\n\nX\n", path, "rfc").title == title


def test_a_day_in_a_series_name_is_the_records_date() -> None:
    parsed = record(
        "# rfc-net-20211026-1\n\n## Summary\n\nX\n", "rfcs/rfc-net-20211026-1-flexmatch.md", "rfc"
    )
    assert parsed.date == dt.date(2021, 10, 26)


def test_a_name_then_a_handle_and_an_escaped_address_is_one_person() -> None:
    """Tarantool's RFCs: `Ana Silva @asilva \\<ana@example.org\\>`."""
    text = "# RFC Caches\n\n* **Status**: in progress\n"
    text += "* **Authors**: Ana Silva @asilva \\<ana@example.org\\>, Bo Chen @bchen \\<b@x.org\\>\n"
    text += "\n## Summary\n\nX\n"
    assert record(text, "doc/rfc/caches.md", "rfc").strings("authors") == ("Ana Silva", "Bo Chen")


def test_a_status_section_that_repeats_the_front_matter_in_the_teams_word_is_left_out() -> None:
    """Konflux: `status: Implementable` in front matter and `## Status` / `Implementable`
    below; a `Relates to` line there says no more than the header's Related row."""
    text = "---\ntitle: 47. Caching\nstatus: Implementable\n---\n\n# 47. Caching\n\n"
    text += "## Status\n\nImplementable\n\nRelates to [ADR 12](0012-x.md)\n\n## Context\n\nX\n"
    parsed = record(text, "ADR/0047-caching.md")
    assert parsed.status == "accepted"
    assert [(r.relation, r.target) for r in parsed.references] == [("related", "ADR/0012-x.md")]
    assert "## Status" not in shown_body_of(parsed)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Implementable", "accepted"),
        ("In consideration", "proposed"),
        ("Approuvée", "accepted"),
        ("Proposition", "proposed"),
    ],
)
def test_status_words_of_more_teams(word: str, status: str) -> None:
    assert record(nygard(word)).status == status


def test_the_day_accepted_wins_over_the_day_documented() -> None:
    text = "# 15. Promotion\n\n* Date Documented: 2023-02-09\n* Date Accepted: 2023-02-14\n\n"
    text += "## Status\n\nAccepted\n\n## Context\n\nX\n"
    assert record(text, "ADR/0015-promotion.md").date == dt.date(2023, 2, 14)


def test_a_relation_to_the_page_jekyll_published_names_the_record(tmp_path: Path) -> None:
    """Konflux links siblings by their published names: `0017-use-pipelines.html`."""
    files = {
        "adr/0007-change.md": nygard("Accepted\n\nRelates to [ADR 17](0017-use-pipelines.html)"),
        "adr/0017-use-pipelines.md": nygard("Accepted"),
    }
    parsed = record(files["adr/0007-change.md"], "adr/0007-change.md")
    assert [(r.relation, r.target) for r in parsed.references] == [
        ("related", "adr/0017-use-pipelines.md")
    ]
    assert "DEC201" not in {f.rule for f in checked(tmp_path, files)}


def test_a_link_to_a_published_page_of_a_record_leads_to_its_page() -> None:
    from mkdocs_decisions.site.pages import links_to_sources

    here = record(nygard("Accepted"), "adr/0002-x.md")
    body = (
        "see [ADR 39](0039-deprecation.html#why), [a page](guide.html), [web](https://x.org/a.html)"
    )
    assert links_to_sources(body, here, frozenset({"adr/0039-deprecation.md"})) == (
        "see [ADR 39](0039-deprecation.md#why), [a page](guide.html), [web](https://x.org/a.html)"
    )


def test_adr_tools_prompts_as_headings_are_the_consequences(tmp_path: Path) -> None:
    body = "# 3. Use Next\n\nDate: 2021-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nX\n\n"
    body += "## Decision\n\nY\n\n## What becomes easier?\n\nA\n\n## What becomes harder?\n\nB\n"
    assert "DEC301" not in {f.rule for f in checked(tmp_path, {"adr/0003-use-next.md": body})}
