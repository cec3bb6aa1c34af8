"""DEC6xx: hygiene. Review dates that have passed, and URLs that are never linked."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.findings import Finding
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..corpus.reviews import review_date
from ..records import kinds as types
from ..records.kinds import KindSpec
from ..records.model import Record
from ..records.urls import link_problem
from .registry import check


@check("DEC601")
def check_review_date(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    due = review_date(record)
    if due is not None and due < corpus.today:
        days = (corpus.today - due).days
        yield finding(
            "DEC601",
            record.path,
            record.position_of("review_by"),
            f"{record.id} was due for review on {due.isoformat()}, {days} day(s) ago",
        )


@check("DEC602")
def check_urls(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    for key, value_type in kind.fields.items():
        if value_type != types.URL:
            continue
        value = record.value(key)
        if not isinstance(value, str):
            continue
        problem = link_problem(value)
        if problem is not None:
            yield finding(
                "DEC602",
                record.path,
                record.position_of(key),
                f"`{key}` is not linked: {problem}",
            )
