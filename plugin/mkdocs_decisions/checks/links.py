"""DEC2xx: references between records, and supersession."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.findings import Finding
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record
from .registry import check


@check("DEC201")
def check_dangling(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    for reference in corpus.unresolved_of(record):
        yield finding(
            "DEC201",
            record.path,
            reference.position,
            f"`{reference.relation}` names {reference.target}, which is not a known record",
        )


@check("DEC202", "DEC203")
def check_supersession(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    successors = [s for s in corpus.successors(record) if s.path != record.path]
    if len(successors) > 1:
        names = ", ".join(s.id for s in successors)
        yield finding(
            "DEC202",
            record.path,
            record.position_of("superseded_by")
            if "superseded_by" in record.fields
            else record.title_position,
            f"{record.id} is superseded by more than one record: {names}",
        )
    if (
        successors
        and record.status is not None
        and record.status
        not in (
            "superseded",
            "deprecated",
            "rejected",
            "withdrawn",
            "retired",
        )
    ):
        yield finding(
            "DEC203",
            record.path,
            record.position_of("status") if "status" in record.fields else record.title_position,
            f"{successors[0].id} supersedes this record but its status is {record.status}",
            f"run `decisions supersede {record.id} {successors[0].id}` to finish the "
            f"supersession (it sets `status: superseded` and `superseded_by: "
            f"{successors[0].id}`)",
        )


@check("DEC204")
def check_cycles(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    # Each cycle is reported once, on its member with the smallest path.
    cycle = corpus.supersession_cycles.get(record.path)
    if cycle:
        route = " → ".join(member.id for member in [*cycle, record])
        yield finding("DEC204", record.path, record.title_position, f"supersession cycle: {route}")
