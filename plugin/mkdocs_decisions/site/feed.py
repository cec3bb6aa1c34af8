"""An Atom feed of status changes, for readers who follow decisions without visiting.

Entries come from git history (one per status change, newest first); without
history, one entry per record at its front-matter date. A record that still applies
and whose ``review_by`` date has come (by the build's today) gets one more entry, on
that date, so followers learn it is due for review. Links are absolute when
the site has a ``site_url``, relative to the feed otherwise.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from ..corpus.links import Corpus
from ..corpus.reviews import due_for_review
from ..records.model import Record
from .environment import template_environment

FEED_LIMIT = 100


@dataclass(frozen=True)
class FeedEntry:
    record: Record
    when: dt.datetime
    old: str | None
    new: str | None
    author: str
    commit: str
    review: bool = False  # the record fell due for review on ``when``


def feed_entries(corpus: Corpus, limit: int = FEED_LIMIT) -> list[FeedEntry]:
    """Status changes, newest first; the records' own dates when there is no history."""
    entries: list[FeedEntry] = []
    history = corpus.history
    for record in corpus.records:
        file = history.of(record.path) if history.available else None
        if file is not None:
            for change in file.status_timeline:
                entries.append(
                    FeedEntry(
                        record,
                        change.commit.date,
                        change.old or (None if change.created else "no status"),
                        change.new,
                        change.commit.author,
                        change.commit.sha,
                    )
                )
        elif record.date is not None:
            when = dt.datetime.combine(record.date, dt.time(), tzinfo=dt.UTC)
            entries.append(FeedEntry(record, when, None, record.status, "", ""))
    for review in due_for_review(corpus, within=0):
        when = dt.datetime.combine(review.due, dt.time(), tzinfo=dt.UTC)
        record = review.record
        entries.append(FeedEntry(record, when, None, record.status, "", "", review=True))
    entries.sort(key=lambda e: (e.when, e.record.path, e.commit, e.review), reverse=True)
    return entries[:limit]


def atom_feed(
    corpus: Corpus,
    feed_path: str,
    page_urls: dict[str, str],
    site_name: str,
    site_url: str,
) -> str:
    """The Atom document. ``page_urls`` maps a record's site path to its URL from the
    site root; ``feed_path`` is the feed's own path from the site root."""
    base = site_url.rstrip("/") + "/" if site_url else ""

    def link(site_relative: str) -> str:
        if base:
            return base + quote(site_relative)
        relative = posixpath.relpath(site_relative or ".", posixpath.dirname(feed_path) or ".")
        if site_relative.endswith("/") or not site_relative:
            relative += "/"  # a directory URL keeps its slash
        return quote(relative)

    entries = feed_entries(corpus)
    updated = entries[0].when if entries else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return (
        template_environment()
        .get_template("feed.xml.j2")
        .render(
            title=f"{site_name}: decisions",
            feed_id=(base + feed_path) if base else f"urn:mkdocs-decisions:{quote(site_name)}",
            self_link=link(feed_path),
            updated=_stamp(updated),
            entries=[
                {
                    "id": _entry_id(entry),
                    "title": _title(entry),
                    "link": link(page_urls.get(entry.record.site_path, "")),
                    "updated": _stamp(entry.when),
                    "author": entry.author or site_name,
                    "summary": entry.record.title,
                    "kind": entry.record.kind,
                    "status": "" if entry.review else entry.new or "",
                    "review": entry.review,
                }
                for entry in entries
            ],
        )
    )


def _entry_id(entry: FeedEntry) -> str:
    record_id = quote(entry.record.id)
    if entry.review:
        return f"urn:mkdocs-decisions:{record_id}:review:{entry.when.date().isoformat()}"
    return f"urn:mkdocs-decisions:{record_id}:{entry.commit or 'date'}:{entry.new or 'none'}"


def _title(entry: FeedEntry) -> str:
    record = entry.record
    if entry.review:
        return f"{record.id} due for review: {record.title}"
    if entry.old:
        return f"{record.id} {entry.old} → {entry.new or 'no status'}: {record.title}"
    return f"{record.id} {entry.new or 'created'}: {record.title}"


def _stamp(when: dt.datetime) -> str:
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.isoformat(timespec="seconds")
