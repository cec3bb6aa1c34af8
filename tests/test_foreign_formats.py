"""Records written by other tools are read as they are, without rewriting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.links import Corpus
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.records.tradeoffs import option_titles

FOREIGN = Path(__file__).parent / "fixtures" / "foreign"
FORMATS = sorted(p.name for p in FOREIGN.iterdir() if p.is_dir())


def corpus_of(folder: Path) -> Corpus:
    settings = settings_from_options({"kinds": {"adr": {"folder": folder.name}}})
    return load_corpus(folder.parent, folder.parent / "docs", settings)


def test_all_formats_present() -> None:
    assert FORMATS == ["adr-tools", "log4brains", "madr2", "madr3", "madr4"]


@pytest.mark.parametrize("name", FORMATS)
def test_reads_what_the_format_says(name: str) -> None:
    folder = FOREIGN / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    corpus = corpus_of(folder)
    by_file = {Path(r.path).name: r for r in corpus.records}
    assert set(by_file) == set(expected) - {"_not_records"}
    for file_name, want in expected.items():
        if file_name == "_not_records":
            continue
        record = by_file[file_name]
        date = record.date.isoformat() if record.date else None
        successor = corpus.successor(record)
        options_section = next(
            (s for s in record.iter_sections() if s.key == "considered options"), None
        )
        got = {
            "title": record.title,
            "status": record.status,
            "date": date,
            "deciders": list(record.strings("deciders")),
            "supersedes": sorted(Path(p.path).name for p in corpus.predecessors(record)),
            "superseded_by": Path(successor.path).name if successor else None,
            "options": option_titles(options_section) if options_section else [],
        }
        want = {**want, "supersedes": sorted(want["supersedes"])}
        assert got == want, file_name


@pytest.mark.parametrize("name", FORMATS)
def test_no_syntax_or_link_errors_in_foreign_files(name: str) -> None:
    """Foreign files may lack trade-off sections (DEC3xx), but they read cleanly."""
    folder = FOREIGN / name
    settings = settings_from_options({"kinds": {"adr": {"folder": name}}})
    findings = run_checks(corpus_of(folder), settings)
    unexpected = [
        f.as_text()
        for f in findings
        # CRLF and old adr-tools' dd/mm/yyyy dates are notes, not misreadings.
        if (f.rule[:4] in ("DEC0", "DEC2") and f.rule not in ("DEC010", "DEC014"))
        or f.rule in ("DEC101", "DEC103", "DEC107")
    ]
    assert unexpected == []
