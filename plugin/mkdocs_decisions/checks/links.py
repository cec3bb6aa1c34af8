"""DEC2xx: references between records, and supersession."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..catalogue.findings import Finding
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record
from .registry import check

# An id in a series of the team's own ("TEP-0107" in a collection whose records are
# numbered 0107-x.md), or a site route ending in the number ("/adr/23").
_SERIES_ID = re.compile(r"[A-Za-z]{1,10}[-_ ]?0*(\d{1,6})|(?:.*/)?0*(\d{1,6})/?")


def names_a_record(target: str, record: Record, corpus: Corpus) -> bool:
    """Whether an unresolved reference still names a record of the collection, the way
    a reader follows it: by the number in another series' id or in a site route, or by a
    link to the record's own folder (``/keps/sig-x/4322-cluster-inventory/``)."""
    plain = target.split("#", 1)[0].strip()
    match = _SERIES_ID.fullmatch(plain)
    if match:
        number = int(match[1] or match[2])
        return any(r.kind == record.kind and r.number == number for r in corpus.records)
    folder = plain.strip("/")
    if plain.endswith("/") and folder:
        return any(
            ("/" + r.path).startswith(f"/{folder}/") or f"/{folder}/" in r.path
            for r in corpus.records
        )
    return False


def _outside_the_collection(target: str, line: int, record: Record, kind: KindSpec) -> bool:
    """Whether a link the body's own status line gives ("Superseded by the [streaming
    design](../design/streaming.md)") points at a file outside the kind's folder: a
    document of the repository, not a record that was mistyped."""
    if line < record.body_line or kind.folder == ".":
        return False
    path = target.split("#", 1)[0]
    if "/" not in path or not path.lower().endswith((".md", ".markdown", "/")):
        return False
    return not path.startswith(kind.folder.rstrip("/") + "/")


@check("DEC201")
def check_dangling(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    for reference in corpus.unresolved_of(record):
        if names_a_record(reference.target, record, corpus):
            continue
        if _outside_the_collection(reference.target, reference.position.line, record, kind):
            continue
        yield finding(
            "DEC201",
            record.path,
            reference.position,
            f"`{reference.relation}` names {reference.target}, which is not a known record",
        )


@check("DEC202", "DEC203")
def check_supersession(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    successors = [s for s in corpus.successors(record) if s.path != record.path]
    # A record split in two is no conflict: every successor says it supersedes this one,
    # and this one names none of its own, or names them all. A conflict is a successor
    # this record names beside another that it does not.
    named = {
        link.target.path for link in corpus.outgoing(record) if link.relation == "superseded_by"
    }
    disagree = bool(named) and any(s.path not in named for s in successors)
    if len(successors) > 1 and disagree:
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
