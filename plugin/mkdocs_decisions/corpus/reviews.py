"""Records due for review: the ``review_by`` dates of records that still apply, against
the build's day (``Corpus.today``, which the ``today`` option can fix).

Shared by the check (DEC601), the decisions index, the feed and ``decisions list
--due``, so that all of them agree on what is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..records.model import Record
from .links import Corpus

# Statuses in which a record still applies, so its review date binds, by kind.
IN_FORCE = {
    "adr": ("accepted",),
    "rfc": ("accepted", "implemented"),
    "standard": ("active",),
    "project": ("active",),
}
# How far ahead the index and `decisions list --due` look.
UPCOMING_DAYS = 90


@dataclass(frozen=True)
class Review:
    """A record, the day it is due for review, and how that day stands to today."""

    record: Record
    due: dt.date
    days: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days < 0


def review_date(record: Record) -> dt.date | None:
    """The record's review date when it still applies (None otherwise)."""
    value = record.value("review_by")
    if not isinstance(value, dt.date) or record.status not in IN_FORCE.get(record.kind, ()):
        return None
    return value


def due_for_review(corpus: Corpus, within: int = UPCOMING_DAYS) -> list[Review]:
    """Overdue records first (longest overdue first), then those due within ``within``
    days, soonest first."""
    reviews = []
    for record in corpus.records:
        due = review_date(record)
        if due is not None and (due - corpus.today).days <= within:
            reviews.append(Review(record, due, (due - corpus.today).days))
    return sorted(reviews, key=lambda review: (review.due, review.record.path))
