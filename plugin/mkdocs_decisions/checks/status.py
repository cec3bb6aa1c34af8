"""DEC1xx: a record's status, and the fields its status requires.

Hints say where the record's own format writes a value: in front matter, on a
``* Status:`` line, in a metadata table or in a ``## Status`` section. A status word
that the lifecycle does not know is reported once per word, on its first record, with
the alias that would map it; a collection that writes no statuses at all (many RFC
processes: merged means accepted) gets one note, not one error per record.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace

from ..catalogue.findings import Finding, Severity
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import DECIDED, KindSpec
from ..records.model import Record
from .registry import check
from .sections import CONVENTION_MINIMUM, CONVENTION_SHARE


@check("DEC101", "DEC102")
def check_status(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.raw_status is None:
        if "status" in record.rejected_keys or kind.default_status:
            return
        convention = _no_status_convention(corpus, kind)
        if convention is None:
            yield finding(
                "DEC102",
                record.path,
                record.title_position,
                "the record has no status",
                _where_to_write(record, "status", kind.statuses[0]),
            )
        elif convention == record.path:
            count, total = _status_counts(corpus, kind)
            note = finding(
                "DEC102",
                record.path,
                record.title_position,
                f"{total - count} of {total} {kind.label.lower()} state no status, so this "
                "collection does not write one; said once, not per record",
                f"if a record without a status has one all the same (merged RFCs are "
                f"accepted), set `kinds: {kind.name}: default_status: {kind.statuses[0]}`",
            )
            yield replace(note, severity=Severity.INFO)
        return
    if record.status is None:
        users = _records_with_word(corpus, kind, record.raw_status)
        if users[0].path != record.path:
            return  # said once, on the first record that uses the word
        others = f" (and {len(users) - 1} more record(s))" if len(users) > 1 else ""
        word = record.raw_status.lower()
        typo = difflib.get_close_matches(word, list(kind.statuses), n=1, cutoff=0.8)
        hint = (
            f"did you mean `{typo[0]}`?"
            if typo
            else f"use one of: {', '.join(kind.statuses)}; or map your word onto one under "
            f"`kinds: {kind.name}: aliases: {{{word}: {kind.statuses[0]}}}` in mkdocs.yml "
            "(`decisions init` proposes aliases)"
        )
        yield finding(
            "DEC101",
            record.path,
            record.position_of("status"),
            f"status `{record.raw_status}` is not a status of {kind.label.lower()}{others}",
            hint,
        )


def _records_with_word(corpus: Corpus, kind: KindSpec, word: str) -> list[Record]:
    def compute() -> dict[str, list[Record]]:
        users: dict[str, list[Record]] = {}
        for record in corpus.records:
            if record.kind == kind.name and record.status is None and record.raw_status:
                users.setdefault(record.raw_status.lower(), []).append(record)
        return users

    return corpus.memo(f"unknown-statuses:{kind.name}", compute)[word.lower()]


def _status_counts(corpus: Corpus, kind: KindSpec) -> tuple[int, int]:
    records = [r for r in corpus.records if r.kind == kind.name]
    return sum(1 for r in records if r.raw_status is not None), len(records)


def _no_status_convention(corpus: Corpus, kind: KindSpec) -> str | None:
    """The record that carries the one note when most records of a kind state no
    status; None when they do."""

    def compute() -> str | None:
        count, total = _status_counts(corpus, kind)
        if total < CONVENTION_MINIMUM or count >= CONVENTION_SHARE * total:
            return None
        return min(r.path for r in corpus.records if r.kind == kind.name and not r.raw_status)

    return corpus.memo(f"no-status:{kind.name}", compute)


def _where_to_write(record: Record, key: str, example: str) -> str:
    """Where a record of this format writes a missing value."""
    label = key.capitalize()
    if record.metadata_style == "list":
        return f"add a `* {label}: {example}` line below the title"
    if record.metadata_style == "table":
        return f"add a `| {label} | {example} |` row to the table below the title"
    if record.metadata_style == "section" and key == "status":
        return f"add a `## Status` section with `{example.capitalize()}` on its first line"
    return f"add `{key}: {example}` to the front matter"


@check("DEC105")
def check_required_fields(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    named = "superseded_by" in record.rejected_keys or any(
        r.relation == "superseded_by" for r in record.references
    )
    if record.status == "superseded" and not named and not corpus.successors(record):
        yield finding(
            "DEC105",
            record.path,
            record.position_of("status"),
            "status is superseded but no successor is named",
            "add `superseded_by: ADR-NNNN` (or `supersedes:` in the newer record)"
            if record.metadata_style == "front matter"
            else "write `Superseded by [ADR-NNNN](NNNN-x.md)` as the status",
        )
    # Deciders and a date are this tool's own format's fields: records that keep their
    # metadata in the body (adr-tools, MADR 2, tables) have no place or no need for them.
    if record.metadata_style != "front matter":
        return
    if record.status in DECIDED and "deciders" in kind.fields:
        missing = [
            key
            for key in ("date", "deciders")
            if not record.value(key) and key not in record.rejected_keys
        ]
        if missing:
            yield finding(
                "DEC105",
                record.path,
                record.position_of("status"),
                f"a decision with status {record.status} needs {' and '.join(missing)}",
                f"add {' and '.join(f'`{key}:`' for key in missing)} to the front matter",
            )
