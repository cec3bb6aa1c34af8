"""How records of a collection are numbered, which only the collection as a whole
tells: a sub-folder numbered again from 1 is a series of its own, a year that many names
start with dates them rather than numbering them, and letters that many names glue to a
number (``tap12.md``) are a series."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

from ..records.discovery import glued_series_names
from ..records.kinds import KindSpec
from ..records.parse import SourceFile, file_number

# A name that starts with a year and then words: "2019-config-tester".
_YEAR_THEN_WORDS = re.compile(r"^(?:19|20)\d{2}[-_][^\W\d_]")


def year_names(sources: list[tuple[SourceFile, KindSpec]]) -> list[tuple[SourceFile, KindSpec]]:
    """The sources, those whose names start with a year marked as named by it: when at
    least three names of a kind start with a year and then words, and most of those
    years are shared with another record's name (ESLint's ``designs/2019-config-tester/``
    beside ``designs/2019-core-options/``), the year dates the record, it does not number
    it. Rust's ``2005-match-ergonomics.md`` among numbers that are each used once stays
    RFC 2005."""
    by_year: dict[tuple[str, str], list[SourceFile]] = {}
    for source, kind in sources:
        stem = posixpath.splitext(source.identity_name)[0]
        if kind.numbered and _YEAR_THEN_WORDS.match(stem):
            by_year.setdefault((kind.name, stem[:4]), []).append(source)
    dated: set[SourceFile] = set()
    for kind_name in {name for name, _ in by_year}:
        groups = [group for (name, _), group in by_year.items() if name == kind_name]
        named = sum(len(group) for group in groups)
        shared = sum(len(group) for group in groups if len(group) > 1)
        if named >= 3 and shared * 2 > named:
            dated.update(source for group in groups for source in group)
    return [
        (replace(source, year_named=True), kind) if source in dated else (source, kind)
        for source, kind in sources
    ]


def sub_series(sources: list[tuple[SourceFile, KindSpec]]) -> list[tuple[SourceFile, KindSpec]]:
    """The sources, those of a sub-folder whose numbers start again at 1 beside the
    kind's own marked as a series of their own (Swift's ``proposals/testing/0001-x.md``
    beside ``proposals/0001-y.md``): most of its numbers are used outside it too. A
    sub-folder that continues the kind's numbering (``keps/sig-node/2133-x/``) is not; one
    whose only record is numbered 1 again is a series when a sibling sub-folder is."""
    numbers: dict[tuple[str, str], set[int]] = {}
    for source, kind in sources:
        number = file_number(source, kind)
        if number is not None:
            numbers.setdefault((kind.name, source.group), set()).add(number)
    series: dict[tuple[str, str], str] = {}
    for (kind_name, group), own in numbers.items():
        if not group or len(own) < 2 or min(own) != 1:
            continue
        elsewhere = set().union(
            *(
                used
                for (name, other), used in numbers.items()
                if name == kind_name and other != group
            )
        )
        if len(own & elsewhere) * 2 >= len(own):
            series[(kind_name, group)] = _series_name(group)
    # A sub-folder with one record, numbered 1 again (``search/0001-x.md``), beside
    # sub-folders that are series of their own (``billing/0001..0004``): one like them.
    for (kind_name, group), own in numbers.items():
        if group and own == {1} and (kind_name, group) not in series:
            parent = posixpath.dirname(group)
            if any(
                name == kind_name and posixpath.dirname(other) == parent
                for name, other in list(series)
            ):
                series[(kind_name, group)] = _series_name(group)
    return [
        (replace(source, series=series[(kind.name, source.group)]), kind)
        if (kind.name, source.group) in series
        else (source, kind)
        for source, kind in sources
    ]


def _series_name(group: str) -> str:
    """The id letters of a sub-folder's series: ``TESTING`` for ``testing/``."""
    return re.sub(r"[^A-Z0-9]+", "-", group.upper()).strip("-")


def glued_names(sources: list[tuple[SourceFile, KindSpec]]) -> list[tuple[SourceFile, KindSpec]]:
    """The sources, those named by a series' letters glued to a number (``tap12.md``)
    marked so, where three or more names of a folder of a kind share the letters."""
    names: dict[tuple[str, str], list[str]] = {}
    for source, kind in sources:
        folder = (kind.name, posixpath.dirname(source.path))
        names.setdefault(folder, []).append(posixpath.basename(source.path))
    glued = {folder: glued_series_names(found) for folder, found in names.items()}
    return [
        (replace(source, glued=True), kind)
        if kind.numbered
        and posixpath.basename(source.path) in glued[(kind.name, posixpath.dirname(source.path))]
        else (source, kind)
        for source, kind in sources
    ]
