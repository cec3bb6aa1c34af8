"""DEC4xx: what git history says about a record's lifecycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..catalogue.findings import Finding
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record
from .registry import check


@check("DEC401")
def check_transitions(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    file = corpus.history.of(record.path)
    changes = (
        [
            (c.old, c.new, f"in commit {c.commit.short} ({c.commit.day})")
            for c in file.status_timeline
        ]
        if file
        else []
    )
    last = file.status_timeline[-1].new if file and file.status_timeline else None
    # A status from the metadata file beside the record (a GEP's metadata.yaml) is not
    # the one its text's history says ("* Status: Provisional"): nothing to compare.
    stated = record.fields.get("status")
    elsewhere = stated is not None and bool(stated.value_position.file)
    if file and record.status and last and record.status != last and not elsewhere:
        changes.append((last, record.status, "in the working tree (not committed yet)"))
    for old, new, where in changes:
        if (
            old in kind.statuses
            and new in kind.statuses
            and new not in kind.transitions.get(old, ())
        ):
            allowed = ", ".join(kind.transitions.get(old, ())) or "none: it is final"
            yield finding(
                "DEC401",
                record.path,
                record.position_of("status")
                if "status" in record.fields
                else record.title_position,
                f"status changed from {old} to {new} {where}; the {kind.name} lifecycle "
                f"does not allow it (from {old}: {allowed})",
                _transition_hint(kind, old, new),
            )


def _transition_hint(kind: KindSpec, old: str, new: str) -> str:
    """Going back (or out of a final status) re-opens a decision: supersede it. Going
    forward past a step is a process the lifecycle does not know: allow it."""
    if not kind.transitions.get(old) or old in _reachable(kind, new):
        return "supersede the record with a new one instead of changing its status back"
    return (
        f"if your process goes from {old} to {new} (a step it does not write down), "
        f"allow it under `kinds: {kind.name}: transitions: {old}:`"
    )


def _reachable(kind: KindSpec, status: str) -> set[str]:
    """Every status the lifecycle can reach from ``status``, in one step or more."""
    seen: set[str] = set()
    todo = [status]
    while todo:
        for following in kind.transitions.get(todo.pop(), ()):
            if following not in seen:
                seen.add(following)
                todo.append(following)
    return seen


# How long after the commit that accepted a decision its edits are still its acceptance.
SETTLING = dt.timedelta(days=1)


@check("DEC402")
def check_edits_after_acceptance(
    record: Record, kind: KindSpec, corpus: Corpus
) -> Iterable[Finding]:
    file = corpus.history.of(record.path)
    if kind.name != "adr" or file is None:
        return
    accepted = next((c.commit for c in file.status_timeline if c.new == "accepted"), None)
    edits = [
        edit
        for edit in file.content_edits
        if edit.status == "accepted"
        # the touch-ups of the day it was accepted (a typo seen in the merged page, a link
        # fixed the next morning) are part of its acceptance
        and not (accepted is not None and edit.commit.date - accepted.date <= SETTLING)
    ]
    if edits:
        latest = edits[-1].commit
        merge = edits[-1].merged
        merged = f", merged in {merge.short} ({merge.day})" if merge else ""
        more = f" (and {len(edits) - 1} earlier commit(s))" if len(edits) > 1 else ""
        yield finding(
            "DEC402",
            record.path,
            record.title_position,
            f"accepted decision edited after acceptance in commit {latest.short} "
            f"({latest.day}) by {latest.author}{merged}{more}",
            "supersede instead: write a new ADR with `supersedes:` naming this one",
        )


# A commit that adds this many records at once imports them: their dates were set long
# before, elsewhere, and say nothing about the lag between deciding and merging.
IMPORT_SIZE = 5


def _added_together(corpus: Corpus) -> dict[str, int]:
    """How many records each commit added (the first commit of each record file), also
    counting Markdown files of the record folders deleted since: an imported batch
    stays one when some of its records are gone."""

    def compute() -> dict[str, int]:
        counts: dict[str, int] = {}
        paths = {record.path for record in corpus.records}
        for path, file in corpus.history.files.items():
            gone = path.endswith(".md") and not file.versions[-1].blob
            if path in paths or gone:
                counts[file.created.sha] = counts.get(file.created.sha, 0) + 1
        return counts

    return corpus.memo("added together", compute)


@check("DEC403")
def check_date_against_git(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "adr":
        return  # an RFC's date is when it was proposed: its review takes months
    file = corpus.history.of(record.path)
    if file is None or record.date is None or corpus.history.shallow:
        return
    created = file.created
    if _added_together(corpus).get(created.sha, 0) >= IMPORT_SIZE:
        return  # records brought in all at once (from a wiki, another repository)
    # Deciding comes before merging: a lag of days or weeks is normal, not a wrong date.
    lag = (created.day - record.date).days
    if lag > kind.date_tolerance:
        yield finding(
            "DEC403",
            record.path,
            record.position_of("date"),
            f"date {record.date} is {lag} days before the file's first commit "
            f"{created.short} ({created.day}); more than the {kind.date_tolerance} days "
            "that deciding may take before merging",
        )
