"""Long lists on pages of their own: a page per year, a year per month, a month in parts.

A list that fits under the limit stays one page, as on a small site. Above it, the
items go to one part per year, newest first, and undated items last; a year that is
still over the limit gets a part per month, and a month over it is cut into parts of
the limit in its own order. A part's key is its year (``2021``), month (``2021-03``)
or month and number (``2021-03-2``): adding a record changes the part it lands in,
not the addresses of the others (ADR-0026).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

UNDATED = "undated"


@dataclass(frozen=True)
class Part(Generic[T]):
    """Items of one page of a split list, in the order they came."""

    key: str  # "2021", "2021-03", "2021-03-2" or "undated": the page's file name
    title: str  # "2021", "March 2021", "March 2021 (part 2)", "Undated"
    items: list[T]


def by_date(
    items: Sequence[T], day: Callable[[T], dt.date | None], limit: int
) -> list[Part[T]] | None:
    """The parts of ``items`` when there are more than ``limit``, newest first; None when
    they fit on one page."""
    if len(items) <= limit:
        return None
    years: dict[int, list[T]] = {}
    undated: list[T] = []
    for item in items:
        when = day(item)
        if when is None:
            undated.append(item)
        else:
            years.setdefault(when.year, []).append(item)
    parts: list[Part[T]] = []
    for year in sorted(years, reverse=True):
        members = years[year]
        if len(members) <= limit:
            parts.append(Part(str(year), str(year), members))
            continue
        months: dict[int, list[T]] = {}
        for item in members:
            when = day(item)
            assert when is not None
            months.setdefault(when.month, []).append(item)
        for month in sorted(months, reverse=True):
            name = dt.date(year, month, 1).strftime("%B %Y")
            parts.extend(_chunks(f"{year}-{month:02d}", name, months[month], limit))
    parts.extend(_chunks(UNDATED, "Undated", undated, limit))
    return parts


def _chunks(key: str, title: str, items: list[T], limit: int) -> list[Part[T]]:
    if len(items) <= limit:
        return [Part(key, title, items)] if items else []
    count = -(-len(items) // limit)
    return [
        Part(
            key if number == 1 else f"{key}-{number}",
            f"{title} (part {number} of {count})",
            items[(number - 1) * limit : number * limit],
        )
        for number in range(1, count + 1)
    ]


def parts_folder(page: str, index_folder: str = "by-year") -> str:
    """Where the parts of a page go: ``timeline.md`` -> ``timeline/``, and a folder's
    ``index.md`` -> ``<folder>/by-year/`` (its own folder holds the records)."""
    folder, name = posixpath.split(page)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        return posixpath.join(folder, index_folder)
    return posixpath.join(folder, stem)


def pack(sizes: Sequence[int], limit: int) -> list[range]:
    """Consecutive runs of items whose sizes add up to at most ``limit`` (an item larger
    than that has a run of its own): how pictures are shared out among pages."""
    runs: list[range] = []
    start, total = 0, 0
    for index, size in enumerate(sizes):
        if index > start and total + size > limit:
            runs.append(range(start, index))
            start, total = index, 0
        total += size
    if start < len(sizes):
        runs.append(range(start, len(sizes)))
    return runs
