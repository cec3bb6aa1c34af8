"""The structure of a record's Markdown body: title, sections and list items.

A small line scanner, not a full Markdown parser: it knows ATX and setext
headings, fenced code blocks (whose contents are never headings) and top-level
list items, which is all the rules need. It keeps the file line of everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..catalogue.patterns import lazy_pattern
from .model import ListItem, Section

# A no-break space after the hashes (pasted from a rich editor) and a number right after
# them (`#25. Title`) make a heading for every reader of the file, if not for CommonMark.
_ATX = lazy_pattern(
    r"^ {0,3}(#{1,6})(?:[ \t\u00a0]+(.*?)|(?=\d+\.\s+\S)(.*?))?(?:[ \t]+#+)?[ \t]*$"
)
_SETEXT = lazy_pattern(r"^ {0,3}(=+|-+)[ \t]*$")
# A fence of backticks has no backtick after it: "```text```" on a line is a code span.
# A fence at any indentation: inside a list item it is indented with the item's text, by
# spaces or a tab ("\t```" closing a block of a numbered step).
_FENCE = lazy_pattern(r"^[ \t]*(`{3,}(?=[^`]*$)|~{3,})")
_COMMENT_OPEN = lazy_pattern(r"^ {0,3}<!--")
# The first character (after spaces) of a line that may be a heading, or may open a fence
# or a comment: lines that start otherwise are not matched against the patterns.
_HEADING_STARTS = frozenset("#=-")
_FENCE_STARTS = frozenset("`~<")
_ITEM = lazy_pattern(r"^( {0,3})([*+-]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_LINK = lazy_pattern(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = lazy_pattern(r"\[([^\]]*)\]\[[^\]]*\]")
_TAG = lazy_pattern(r"<[^>]+>")
_PAIRED_STARS = lazy_pattern(r"(?<!\*)(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1(?!\*)")
_STAR_RUNS = lazy_pattern(r"\*{2,}")
_CODE = lazy_pattern(r"`+([^`]+?)`+")
# Emphasis with underscores: a pair of marks at the edges of words (`_word_`, `__bold__`);
# a lone one is the character (`_redirects`, snake_case).
_UNDERSCORES = lazy_pattern(r"(?<![\w])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])\1(?![\w])")
# A backslash escape of ASCII punctuation (``exec\\_groups``, ``\\*``): the character itself,
# kept out of the markup removal by a private-use stand-in until the end.
_ESCAPE = lazy_pattern(r"\\([!-/:-@\[-`{-~])")
_ESCAPED = 0xE000
_UNESCAPE = {_ESCAPED + code: chr(code) for code in range(33, 127)}
_NUMBERING = lazy_pattern(r"^(?:\d+(?:\.\d+)*[.):]?|[A-Za-z][.)])\s+")
# An attribute list after a heading's text, which sets its anchor or class and is no
# word of it: "{#manual-process}" (attr_list, Pandoc, Doxygen's `{#adr_0012}`), "{: .note
# #ctx}" (kramdown), "{.unnumbered}", Pandoc's "{-}". Not "{x}", words in braces.
ATTRIBUTE_LIST = r"\{(?::[^{}]*|\s*[#.][A-Za-z_][^{}]*|-)\}"
_TRAILING_ATTRIBUTES = lazy_pattern(rf"\s*{ATTRIBUTE_LIST}\s*$")
# What a heading carries besides its name: "[optional]", "(Optional)", an attribute list,
# a comment "<!-- omit in toc -->".
_HEADING_SUFFIX = lazy_pattern(
    rf"\s*(?:[\[(]\s*optional\s*[\])]|{ATTRIBUTE_LIST}|<!--.*?-->)\s*$", re.I
)
# Emoji before a heading's name, as a shortcode or a character (`## :memo: Status`,
# `## 📝 Décision`): gitmoji-style templates.
_DECORATION = lazy_pattern(
    r"^(?::[a-z0-9_+-]+:|[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
    r"\ufe0f\u200d])+\s*"
)
_WHOLE_BRACKETS = lazy_pattern(r"^\[([^\[\]]+)\]$")
_LEADING_ARTICLE = lazy_pattern(r"^the\s+(?=\S)")
# Headings that open a note about the record, never its title (Rust RFCs start "# Note",
# "# History"); with the kinds' section names they tell a title from a section.
NOT_TITLES = frozenset(
    {"note", "notes", "history", "update", "updates", "changelog", "revision history"}
    # a metadata label written as a heading ("## Author(s)" above the list of authors)
    | {"author", "authors", "author(s)", "owner", "owners", "deciders", "reviewers"}
    | {"meta", "metadata", "meta data", "authors and reviewers"}
    # a generic first section of a record without a title heading ("## Purpose")
    | {"purpose", "problem statement", "problem statements", "overview", "introduction"}
    | {"intro", "background", "abstract", "summary", "goals", "scope", "preface", "what"}
    # a status written as a heading above the title ("# Superseded!")
    | {"superseded", "deprecated", "withdrawn", "rejected", "obsolete", "archived"}
)
# "## This RFC was previously approved, but later **withdrawn**": a note about the
# record written as a heading, not its title.
_NOTE_HEADING = lazy_pattern(
    r"^this\s+(?:rfc|adr|tep|kep|jep|keep|proposal|document|record|decision|design)\s+"
    r"(?:was|has|is|had)\b|"
    # "# SUPERSEDED BY [RFC 12](..)", "# Replaced by ADR-0031": what became of the record
    r"^(?:superseded|superceded|replaced|obsoleted|deprecated)\s+(?:by|in\s+favou?r\s+of)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    index: int  # 0-based line index in the body
    lines: int = 1  # 2 for a setext heading (its text and its underline)


@dataclass(frozen=True)
class BodyStructure:
    """What the scanner found in a body."""

    title: str | None  # the title heading's text as written (Markdown)
    title_index: int | None  # 0-based body line of the title heading
    sections: tuple[Section, ...]
    preamble: tuple[str, ...]  # lines before the first section, the title's left out
    preamble_index: int  # 0-based body line of the preamble's first line (always 0)
    region_end: int = 0  # 0-based body line of the first section heading
    title_lines: int = 1  # lines the title heading takes (2 for setext)


_HTML_COMMENT = lazy_pattern(r"<!--.*?-->", re.DOTALL)


# The markers of a table of contents a tool writes into the file (doctoc, markdown-toc,
# Markdown All in One), start and end.
_TOC_START = lazy_pattern(r"^\s*<!--\s*(?:START doctoc\b|toc\s*-->|TOC\s*-->)", re.IGNORECASE)
_TOC_END = lazy_pattern(r"^\s*<!--\s*(?:END doctoc\b|tocstop\s*-->|/TOC\s*-->)", re.IGNORECASE)


def without_generated_toc(lines: list[str]) -> list[str]:
    """``lines`` with a generated table of contents blanked, its markers included: its
    heading (``## Table of Contents``) and its links are no title, section or metadata,
    and the site has its own. The same list when there is none."""
    if not any("<!--" in line and _TOC_START.match(line) for line in lines):
        return lines
    out = list(lines)
    start = None
    for index, line in enumerate(lines):
        if start is None and _TOC_START.match(line):
            start = index
        elif start is not None and _TOC_END.match(line):
            out[start : index + 1] = [""] * (index + 1 - start)
            start = None
    return out


def plain_text(markdown: str, tags: bool = False) -> str:
    """Inline Markdown reduced to its words: links to their text, no emphasis marks, no
    HTML tags (kept as text with ``tags=True``, as titles keep them); a code span keeps
    its text as written (``Arc<T>`` stays ``Arc<T>``). An HTML comment is never words of
    it ("# Title <!-- the template's advice, e.g. `Use X` -->")."""
    if "<!--" in markdown:
        markdown = _HTML_COMMENT.sub("", markdown)
    if "`" in markdown:
        parts = _CODE.split(markdown)
        if len(parts) > 1:
            words = (
                part if index % 2 else _without_markup(part, tags)
                for index, part in enumerate(parts)
            )
            return " ".join("".join(words).split())
    return " ".join(_without_markup(markdown, tags).split())


def _without_markup(markdown: str, tags: bool = False) -> str:
    text = markdown
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE.sub(lambda match: chr(_ESCAPED + ord(match[1])), text)
    if "[" in text:
        text = _REF_LINK.sub(r"\1", _LINK.sub(r"\1", text))
    if "<" in text and not tags:
        text = _TAG.sub("", text)
    if "*" in text:
        # Emphasis is a pair of marks around words; a lone `*` is the character
        # ("Make .Is* properties visible", "release:*labels"); `**` alone is bold left open.
        for _ in range(3):  # "**bold *nested* end**"
            paired = _PAIRED_STARS.sub(r"\2", text)
            if paired == text:
                break
            text = paired
        text = _STAR_RUNS.sub("", text)
    if "`" in text:
        text = text.replace("`", "")
    if "_" in text:
        for _ in range(3):  # "__bold _nested_ end__"
            paired = _UNDERSCORES.sub(r"\2", text)
            if paired == text:
                break
            text = paired
    return text.translate(_UNESCAPE) if escaped else text


def without_attributes(heading: str) -> str:
    """A heading's text without the attribute list after it (``Use PSR-4 {#adr_0012}``
    is "Use PSR-4")."""
    return _TRAILING_ATTRIBUTES.sub("", heading) if "{" in heading else heading


def section_key(title: str) -> str:
    """Normalise a heading for matching: plain, lower case, numbering and colon removed."""
    text = title
    while True:
        stripped = _HEADING_SUFFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = plain_text(text).lower().strip()
    text = _DECORATION.sub("", text)
    text = _NUMBERING.sub("", text)
    text = _WHOLE_BRACKETS.sub(r"\1", text.rstrip(":?").strip())
    # A typographic apostrophe is a plain one; "The problem" names the problem section.
    text = _LEADING_ARTICLE.sub("", text.replace("\u2019", "'"))
    return text.strip()


def scan_headings(lines: list[str]) -> list[Heading]:
    """Every heading outside fenced code, with its level and line index."""
    headings: list[Heading] = []
    for index, line in outside_fences(lines):
        first = line.lstrip(" ")[:1]  # what a heading can start with, before the patterns
        if first not in _HEADING_STARTS:
            continue
        atx = _ATX.match(line) if first == "#" else None
        if atx:
            text = atx.group(2) if atx.group(2) is not None else atx.group(3)
            headings.append(Heading(len(atx.group(1)), (text or "").strip(), index))
            continue
        setext = _SETEXT.match(line)
        if setext and index > 0 and _is_paragraph_line(lines[index - 1]):
            if headings and headings[-1].index == index - 1:
                continue  # "# A" followed by "---" is a heading then a rule
            level = 1 if setext.group(1).startswith("=") else 2
            headings.append(Heading(level, lines[index - 1].strip(), index - 1, 2))
    return headings


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """``(index, line)`` for every line that is not inside a fenced code block, nor
    inside an HTML comment of several lines (as in CommonMark, a fence or a heading
    written in a comment is the comment's text: the KEP template's instructions)."""
    fence: str | None = None
    in_comment = False
    # A comment never closed is no comment: the rest of the file is still read.
    last_close = -1
    if any("-->" in line for line in lines):
        last_close = max(i for i, line in enumerate(lines) if "-->" in line)
    for index, line in enumerate(lines):
        if in_comment:
            in_comment = "-->" not in line
            continue
        first = line.lstrip(" \t")[:1]  # most lines start with none of "<", "`", "~"
        if first not in _FENCE_STARTS and not fence:
            yield index, line
            continue
        if not fence and index < last_close and _COMMENT_OPEN.match(line) and "-->" not in line:
            in_comment = True
            continue
        fence_match = _FENCE.match(line) if first in "`~" else None
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
        if item and (item.group(3) or "").strip():
            items.append(ListItem(item.group(3).strip(), first_line + offset, item.group(2)))
    return tuple(items)


def _prose_before(lines: list[str], index: int) -> bool:
    """Whether a paragraph of prose comes before line ``index``: a line of several words
    that is no list item, label, table, quote, comment or rule."""
    for line in lines[:index]:
        text = line.strip()
        if line.startswith(("    ", "\t")):
            continue  # an indented block: a header block's lines (PEP style), code
        if not text or text[:1] in "-*+|>#<[!`" or _ITEM.match(line) or set(text) <= set("-=_*"):
            continue
        if re.match(r"^[^\s:]{1,30}(?:\s[^\s:]{1,30}){0,3}\s*:", text):
            continue  # "Status: x", "Date created: 2024-01-01": a label, not prose
        if len(text.split()) >= 4:
            return True
    return False


def scan_body(
    lines: list[str],
    first_line: int,
    section_names: frozenset[str] = frozenset(),
    titled: bool = False,
    declared: str = "",
) -> BodyStructure:
    """Title, section tree and preamble of a body whose first line is file line
    ``first_line`` (the title as :func:`title_heading` finds it; ``titled`` when the
    front matter gives the title, ``declared`` that title)."""
    headings = scan_headings(lines)
    all_headings = headings
    title, headings = title_heading(headings, section_names, titled, declared)
    if title is not None and title.level > 1 and _prose_before(lines, title.index):
        # "Some words.\n\n## Configuration": a section of a record that has no title
        # heading, not its title (a title below the metadata lines is one)
        title, headings = None, all_headings
    if title is not None and headings:
        title, headings = _title_below_id(title, headings, lines, section_names)
    title_index = title.index if title is not None else None
    title_lines = title.lines if title is not None else 1
    region_end = headings[0].index if headings else len(lines)
    skipped = range(title_index, title_index + title_lines) if title_index is not None else ()
    preamble = tuple(
        "" if index in skipped else line for index, line in enumerate(lines[:region_end])
    )
    sections = _build_tree(lines, headings, first_line, len(lines))
    return BodyStructure(
        title.text if title is not None else None,
        title_index,
        sections,
        preamble,
        0,
        region_end,
        title_lines,
    )


# A heading that is only the record's id: "NIP-01", "RFC-0012", the hex-numbered "NIP-5A".
_ID_HEADING = lazy_pattern(r"^[A-Z]{2,8}(?:[-_ ](?:\d{1,6}|[0-9A-F]{2,4})|\d{1,6})$")


def _title_below_id(
    title: Heading, headings: list[Heading], lines: list[str], section_names: frozenset[str]
) -> tuple[Heading, list[Heading]]:
    """A level-1 heading that is only the record's id (``NIP-01``) with a level-2 heading
    right below it (blank lines only between): the title is that heading (NIPs, both
    underlined), and both are the title's lines. A section's name there (``## Context``
    below ``# ADR-12``) stays a section."""
    below = headings[0]
    if title.level != 1 or below.level != 2 or not _ID_HEADING.match(title.text.strip()):
        return title, headings
    if any(line.strip() for line in lines[title.index + title.lines : below.index]):
        return title, headings
    key = section_key(below.text)
    if key in section_names or key.rstrip("!. ") in NOT_TITLES:
        return title, headings
    lines_taken = below.index + below.lines - title.index
    return Heading(2, below.text, title.index, lines_taken), headings[1:]


# The letters of Chinese, Japanese (kana too) and Korean, which need no space between
# words: a status word ends at punctuation, a title in them has no English words.
CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A heading that names the document it heads ("RFC: Input Union", "ADR 12: Use X",
# "Proposal: Generics"): the title, whatever its level.
_NAMES_DOCUMENT = lazy_pattern(
    r"^(?:(?:rfc|adr|kep|pep|proposal|design\s+doc(?:ument)?)\b[\s#-]*\d{0,6}"
    r"|[a-z]{2,6}[\s#-]*\d{1,6})\s*:\s*\S",  # "EEP 18: JSON bifs", "MSC1929: Title"
    re.I,
)


# Headings that hold a value after their name, not a title: the metadata readers'.
_VALUE_HEADINGS = frozenset(
    {"status", "state", "date", "statut", "état", "estado", "stato", "datum", "fecha", "data"}
    | {"状态", "狀態", "状態", "ステータス", "상태", "статус", "дата", "durum", "tarih"}
)
_SECTION_AND_TITLE = lazy_pattern(
    r"^(?P<name>[^\W\d_][\w ]{1,40}?)\s+[-\u2013\u2014:]\s+(?P<title>\S.*)$"
)


def title_heading(
    headings: list[Heading],
    section_names: frozenset[str],
    titled: bool = False,
    declared: str = "",
) -> tuple[Heading | None, list[Heading]]:
    """The title heading, and the headings of the sections.

    The title is the first heading when it is a level-1 heading, or any heading when the
    body has no level-1 heading (and the front matter gives no title: ``titled``; unless
    the heading repeats that title, ``declared``), unless it names a section
    (``# Summary``, ``# Context``: ``section_names``); then the record has no title
    heading.
    """
    if not headings:
        return None, headings
    first = headings[0]
    both = _SECTION_AND_TITLE.match(first.text)
    if (
        both
        and not titled
        and first.level > 1
        and section_key(both["name"]) in section_names
        and section_key(both["name"]) not in _VALUE_HEADINGS  # "## Status: Accepted"
        and not any(h.level == 1 for h in headings)
    ):
        # "## Summary - Serve Pipeline" opens a body without a title: the title, and the
        # Summary section; the heading stays on the page (the title takes no line).
        title = Heading(first.level, both["title"].strip(), first.index, 0)
        return title, [Heading(first.level, both["name"], first.index, first.lines), *headings[1:]]
    label = first.text.partition(":")[0]
    if ":" in first.text and section_key(label) in _VALUE_HEADINGS:
        return None, headings  # "## Status: Accepted" first: a status, not the title
    key = section_key(first.text)
    bare = key.rstrip("!. ")
    # "# [Superseded by ADR-19] Use Postgres": a label before the title, not a note
    note = _NOTE_HEADING.match(key) and not first.text.lstrip().startswith("[")
    if key in section_names or bare in NOT_TITLES or note:
        return None, headings
    if first.level > 1 and titled:
        if _repeats_title(first.text, declared):
            return first, headings[1:]  # "## ADR 008: Use X" under `title: Use X`
        return None, headings  # the front matter's title: "### Problem to be solved" opens
    if first.level == 1 or not any(h.level == 1 for h in headings) or _NAMES_DOCUMENT.match(key):
        # "RFC: GraphQL Input Union" underlined as level 2 over level-1 sections: a title
        return first, headings[1:]
    top = next((h for h in headings[1:] if h.level == 1), None)
    if section_names and top is not None and section_key(top.text) in section_names:
        # "Procedure Framework" underlined with dashes over "# Summary", "# Motivation":
        # the first level-1 heading is a section, so the one above it is the title
        return first, headings[1:]
    return None, headings


# A heading that numbers its document before the title: "ADR 008: ", "RFC-12 - ".
_NUMBERED_TITLE = lazy_pattern(
    r"^[^\W\d_]{2,6}[\s#-]*\d{1,6}\s*[:.\u2013\u2014-]\s+(?P<title>\S.*)$"
)


def _repeats_title(heading: str, declared: str) -> bool:
    """Whether a heading is the front matter's title again, numbered or not."""
    if not declared.strip():
        return False
    numbered = _NUMBERED_TITLE.match(plain_text(heading))
    written = [plain_text(heading), numbered["title"] if numbered else ""]
    return _words_of(declared) in {_words_of(text) for text in written if text}


def _words_of(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).casefold().split())


def top_level_sections(
    lines: list[str], headings: list[Heading], first_line: int, keys: frozenset[str]
) -> tuple[Section, ...]:
    """The top-level sections among ``headings`` whose key is in ``keys``, each with its
    own text (not its subsections): what :func:`scan_body` would give at the top of its
    tree for them, without building the rest of the tree."""
    found = []
    root_level: int | None = None
    for position, heading in enumerate(headings):
        if root_level is not None and heading.level > root_level:
            continue  # inside the previous top-level section
        root_level = heading.level
        key = section_key(heading.text)
        if key not in keys:
            continue
        following = headings[position + 1 :]
        end = next((h.index for h in following if h.level <= heading.level), len(lines))
        own_end = following[0].index if following else len(lines)
        body_lines = lines[heading.index + 1 : min(own_end, end)]
        found.append(
            Section(
                title=plain_text(without_attributes(heading.text)),
                key=key,
                level=heading.level,
                line=first_line + heading.index,
                end_line=first_line + end - 1,
                body="\n".join(body_lines),
                items=(),
            )
        )
    return tuple(found)


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
                title=plain_text(without_attributes(heading.text)),
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


def qualified_names(key: str) -> list[str]:
    """The section a heading names when it says more: ``Decision Outcome: AWS Lambda``,
    ``Decision (Proposed Workflow Solution)``, ``Decisions``."""
    names = []
    head = key.split(":", 1)[0].strip()
    if head != key and head:
        names.append(head)
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", head).strip()
    if bare and bare != head:
        names.append(bare)
    # "Decision-1", "Decision 2": one of several parts of the section
    numbered = re.sub(r"[\s-]*\d{1,2}$", "", bare)
    if numbered and numbered != bare:
        names.append(numbered)  # never plural: "Option 1" is one option, not the options
    elif bare.endswith("s") and len(bare) > 4:
        names.append(bare[:-1])
    elif len(bare) > 4:
        names.append(bare + "s")  # "Consequence" for "Consequences"
    # "Considered options for provider discovery", "Alternatives to a central registry"
    topic = re.match(r"(.+?)\s+(?:for|of|to|in)\s+\S", bare)
    if topic:
        names.append(topic.group(1))
    # "Alternative solutions to this proposal", "Alternative design considered"
    if re.match(r"alternatives?\s+(?!\d|[a-h]\b)\S", bare):  # not "Alternative 2: X"
        names.append("alternatives")
    # "Major alternatives", "Implementation alternatives", "Rejected alternatives"
    if re.fullmatch(r"(?:[^\W\d_]+\s){1,2}alternatives", bare):
        names.append("alternatives")
    return names
