"""The structure of a record's Markdown body: title, sections and list items.

A small line scanner, not a full Markdown parser: it knows ATX and setext
headings, fenced code blocks (whose contents are never headings) and top-level
list items, which is all the rules need. It keeps the file line of everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import ListItem, Section

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^( {0,3})(?:[*+-]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"[*`]+")
_UNDERSCORES = re.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.):]?|[A-Za-z][.)])\s+")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    index: int  # 0-based line index in the body


@dataclass(frozen=True)
class BodyStructure:
    """What the scanner found in a body."""

    title: str | None
    title_index: int | None  # 0-based body line of the first H1 when it opens the body
    sections: tuple[Section, ...]
    preamble: tuple[str, ...]  # lines between the title and the first section
    preamble_index: int  # 0-based body line of the preamble's first line


def plain_text(markdown: str) -> str:
    """Inline Markdown reduced to its words: links to their text, no emphasis marks."""
    text = markdown
    if "[" in text:
        text = _REF_LINK.sub(r"\1", _LINK.sub(r"\1", text))
    if "<" in text:
        text = _TAG.sub("", text)
    if "*" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    if "_" in text:
        text = _UNDERSCORES.sub("", text)  # keep snake_case
    return " ".join(text.split())


def section_key(title: str) -> str:
    """Normalise a heading for matching: plain, lower case, numbering and colon removed."""
    text = plain_text(title).lower()
    text = _NUMBERING.sub("", text)
    return text.rstrip(":").strip()


def scan_headings(lines: list[str]) -> list[Heading]:
    """Every heading outside fenced code, with its level and line index."""
    headings: list[Heading] = []
    for index, line in outside_fences(lines):
        atx = _ATX.match(line)
        if atx:
            headings.append(Heading(len(atx.group(1)), (atx.group(2) or "").strip(), index))
            continue
        setext = _SETEXT.match(line)
        if setext and index > 0 and _is_paragraph_line(lines[index - 1]):
            if headings and headings[-1].index == index - 1:
                continue  # "# A" followed by "---" is a heading then a rule
            level = 1 if setext.group(1).startswith("=") else 2
            headings.append(Heading(level, lines[index - 1].strip(), index - 1))
    return headings


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """``(index, line)`` for every line that is not inside a fenced code block."""
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence:
            marker = fence_match.group(1) if fence_match else ""
            if marker[:1] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        yield index, line


def _is_paragraph_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not _ITEM.match(line) and not stripped.startswith((">", "|", "<"))


def list_items(lines: list[str], first_line: int) -> tuple[ListItem, ...]:
    """Top-level list items of ``lines``, numbered from file line ``first_line``."""
    items: list[ListItem] = []
    for offset, line in outside_fences(lines):
        item = _ITEM.match(line)
        if item and (item.group(2) or "").strip():
            items.append(ListItem(item.group(2).strip(), first_line + offset))
    return tuple(items)


def scan_body(lines: list[str], first_line: int) -> BodyStructure:
    """Title, section tree and preamble of a body whose first line is file line ``first_line``."""
    headings = scan_headings(lines)
    title: str | None = None
    title_index: int | None = None
    if headings and headings[0].level == 1:
        title = plain_text(headings[0].text)
        before = lines[: headings[0].index]
        # Blank lines and HTML comments (e.g. markdownlint switches) may precede the title.
        if not any(re.sub(r"<!--.*?-->", "", line).strip() for line in before):
            title_index = headings[0].index
        headings = headings[1:]
    start = title_index + 1 if title_index is not None else 0
    preamble_end = headings[0].index if headings else len(lines)
    preamble = tuple(lines[start:preamble_end])
    sections = _build_tree(lines, headings, first_line, len(lines))
    return BodyStructure(title, title_index, sections, preamble, start)


def _build_tree(
    lines: list[str], headings: list[Heading], first_line: int, end: int
) -> tuple[Section, ...]:
    sections: list[Section] = []
    position = 0
    while position < len(headings):
        heading = headings[position]
        # children: following headings deeper than this one
        stop = position + 1
        while stop < len(headings) and headings[stop].level > heading.level:
            stop += 1
        section_end = headings[stop].index if stop < len(headings) else end
        own_end = headings[position + 1].index if position + 1 < len(headings) else end
        own_end = min(own_end, section_end)
        body_lines = lines[heading.index + 1 : own_end]
        children = _build_tree(lines, headings[position + 1 : stop], first_line, section_end)
        sections.append(
            Section(
                title=plain_text(heading.text),
                key=section_key(heading.text),
                level=heading.level,
                line=first_line + heading.index,
                end_line=first_line + section_end - 1,
                body="\n".join(body_lines),
                items=list_items(body_lines, first_line + heading.index + 1),
                children=children,
            )
        )
        position = stop
    return tuple(sections)
