"""DEC1xx: a record's status, and the fields its status requires."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.findings import Finding
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import DECIDED, KindSpec
from ..records.model import Record
from .registry import check


@check("DEC101", "DEC102")
def check_status(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.raw_status is None:
        if "status" not in record.rejected_keys:
            yield finding("DEC102", record.path, record.title_position, "the record has no status")
        return
    if record.status is None:
        yield finding(
            "DEC101",
            record.path,
            record.position_of("status"),
            f"unknown status `{record.raw_status}` for a record of kind {kind.name}",
            f"use one of: {', '.join(kind.statuses)}",
        )


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
            "add `superseded_by: ADR-NNNN` (or `supersedes:` in the newer record)",
        )
    if record.status in DECIDED and "deciders" in kind.fields:
        missing = [key for key in ("date", "deciders") if not record.value(key)]
        if missing:
            yield finding(
                "DEC105",
                record.path,
                record.position_of("status"),
                f"a decision with status {record.status} needs {' and '.join(missing)}",
                f"add {' and '.join(f'`{key}:`' for key in missing)} to the front matter",
            )
