"""What a record weighs, lined up for a trade-off matrix: each option with the arguments
written for and against it (good, neutral or bad, in the record's own words), the options
chosen, and the decision drivers.

An ADR's options come from its options section, and their arguments from the option's
own text there (a nested list, the lists below a ``**Option 1:**`` paragraph, a
sub-heading) and from *Pros and Cons of the Options* (a sub-heading per option, a list
item per option, or a table with an option per row and columns of pros and cons). An
RFC weighs its own proposal, whose arguments are its drawbacks, against its alternatives.

Nothing is guessed. An argument must say its kind (``Good, because``, ``Con:``, a sign,
or a ``Pros:`` label or heading above its list). An option discussed only in prose, an
argument that says no kind, an argument outside any option, a heading in Pros and Cons
that names none of the options, or a table that is not one of pros and cons mean that
the options cannot be lined up: the record gets no matrix (:attr:`Weighing.problem` says
why) rather than one that drops or misfiles an argument. Imports only ``records``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..catalogue.patterns import lazy_pattern
from .body import outside_fences, plain_text
from .kinds import DECISION_DRIVERS, PROS_AND_CONS, KindSpec
from .model import Record, Section
from .tradeoffs import (
    Option,
    argument_label,
    argument_text,
    chosen_options,
    considered_options,
    explicit_kind,
    find_section,
    option_named,
)

PROPOSAL_TITLE = "This proposal"
# An id as records write them: ``QA-1``, ``CON-3``, ``STD-ETH-001``, ``ADR-0007``, and
# ``demand-forecasting/QA-1`` with its project. A hyphen before the number is required:
# ``S3`` or ``P95`` are words, not ids.
REFERENCE_ID = lazy_pattern(
    r"(?<![\w/-])(?:(?P<project>[a-z0-9][a-z0-9_.-]*)/)?"
    r"(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+)(?![\w-])"
)
# Words that never name a driver: articles, pronouns, prepositions, auxiliaries, small
# numbers, and the words every option shares.
_STOP_TEXT = """a about after again against all also an and any are as at be been before being
    between both but by can could did do does doing during each either every few for from
    had has have having how if in into is it its itself just may might more most much must
    no nor not of off on once one only or other others our out over own per same shall
    should so some such than that the their them then there these they this those through
    to too two three four five six seven eight nine ten under until up upon us use used
    uses using very via was we were what when where which while who whom why will with
    within without would yet you your option options alternative alternatives approach
    choice solution"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
# A driver's name is its words before a colon or dash when they are this few...
_NAME_WORDS = 5
# ...or all of it when it has at most this many significant words.
_SHORT_DRIVER = 3

_ITEM = lazy_pattern(r"^( *)([*+-]|\d{1,9}[.)])(?:( +)(.*))?$")
_COMMENT = lazy_pattern(r"<!--.*?-->", re.DOTALL)
_BREAK = lazy_pattern(r"<br\s*/?>", re.IGNORECASE)
_EMPTY_CELL = lazy_pattern(r"^(?:n/?a|none|-+|\u2013|\u2014)?$", re.IGNORECASE)
_TABLE_RULE = lazy_pattern(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_CELL_SPLIT = lazy_pattern(r"(?<!\\)\|")
_CHOSEN_WORDS = lazy_pattern(
    r"\((?:chosen|selected|accepted|recommended|preferred|decision)[^)]*\)|\[(?:selected|"
    r"chosen)\]",
    re.IGNORECASE,
)
_NUMBERING = lazy_pattern(
    r"^\s*(?:option|alternative|approach|solution|choice)?\s*#?\s*(?:\d{1,2}|[a-h])?\s*"
    r"[:.)\-\u2013\u2014]\s+",
    re.IGNORECASE,
)
# Headings of RFC sections that hold only what speaks against the proposal; the other
# names of Drawbacks ("Risks and mitigations", "Consequences") are read item by item.
_AGAINST = frozenset(
    {
        "drawbacks",
        "risks",
        "downsides",
        "cons",
        "disadvantages",
        "concerns",
        "arguments against",
        "why should we not do this",
        "why not",
        "known issues",
        "potential new issues",
    }
)
_DECIDED_RFC = ("accepted", "implemented", "superseded")
# More options than this make a table nobody reads (and a page that grows with the square
# of a hostile record): the record's own sections say it better.
MAX_OPTIONS = 12


@dataclass(frozen=True)
class Argument:
    """One argument for or against an option."""

    kind: str  # good | neutral | bad
    text: str  # plain text: the record's words without the "Good, because" that said the kind
    line: int


@dataclass(frozen=True)
class WeighedOption:
    """An option and what the record says for and against it."""

    option: Option
    arguments: tuple[Argument, ...]
    proposal: bool = False  # an RFC's own design, weighed against its alternatives


@dataclass(frozen=True)
class Driver:
    """One decision driver, and what names it."""

    text: str  # plain text, as written
    line: int
    own_id: str = ""  # the label it starts with: ``D1``, ``DD-2``, ``QA-1``; "" without
    name: str = ""  # its name (``Cost`` of ``**Cost**: ...``); "" when only ids name it
    mentions: str = ""  # all its text, nested items too: where the ids it names are


@dataclass(frozen=True)
class Weighing:
    """The options of a record, lined up; empty, with the reason, when they cannot be."""

    options: tuple[WeighedOption, ...] = ()
    chosen: tuple[int, ...] = ()  # indices into ``options``
    drivers: tuple[Driver, ...] = ()
    problem: str = ""


def significant_words(text: str) -> frozenset[str]:
    """The words of ``text`` that can name something, stemmed (``costs`` is ``cost``):
    no ids, numbers, stop words or words of two letters."""
    without_ids = REFERENCE_ID.sub(" ", text)
    return frozenset(
        _stem(word)
        for word in re.findall(r"[^\W\d_]+", without_ids.lower())
        if len(word) > 2 and word not in STOP_WORDS
    )


def _stem(word: str) -> str:
    """A plural's singular, roughly: enough for ``costs`` to name ``Cost``."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# --- a small block reader: list items with their nested items, paragraphs, tables ---------


@dataclass
class _Node:
    line: int
    indent: int
    marker: str  # a list marker; "" for a paragraph, "|" for a table, "<" for HTML
    lines: list[str]
    content: int = 0  # column where an item's text starts: nested items start there
    children: list[_Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The block's words as written: Markdown emphasis and links reduced to their
        text, HTML kept as text (``Vec<T>``)."""
        return plain_text(" ".join(self.lines), tags=True)

    @property
    def is_item(self) -> bool:
        return self.marker not in ("", "|", "<")


def _nodes(body: str, first_line: int) -> list[_Node]:
    """The top-level blocks of ``body`` (whose first line is file line ``first_line``):
    list items with their nested items and text, paragraphs, tables and HTML lines.
    Nesting follows CommonMark: an item is nested when it starts at or after the column
    where its parent's text starts."""
    text = _COMMENT.sub(lambda comment: "\n" * comment[0].count("\n"), body)
    top: list[_Node] = []
    stack: list[_Node] = []  # the open items, outermost first
    paragraph: _Node | None = None
    blank = True
    for offset, raw in outside_fences(text.split("\n")):
        line = raw.expandtabs(4)
        number = first_line + offset
        if not line.strip():
            blank, paragraph = True, None
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        if item:
            spaces = len(item[3] or " ")
            content = item.end(2) + (spaces if spaces <= 4 else 1)
            node = _Node(number, indent, item[2], [item[4] or ""], content)
            while stack and indent < stack[-1].content:
                stack.pop()
            (stack[-1].children if stack else top).append(node)
            stack.append(node)
            blank, paragraph = False, None
            continue
        stripped = line.strip()
        label = bool(argument_label(plain_text(stripped)))
        owners = [n for n in stack if n.content <= indent]
        if owners or (stack and not blank and not (label and not indent)):
            owner = owners[-1] if owners else stack[-1]
            del stack[stack.index(owner) + 1 :]
            last = owner.children[-1] if owner.children else None
            if blank or label or (last is not None and last.is_item):
                owner.children.append(_Node(number, indent, _kind_of_line(stripped), [stripped]))
            elif last is not None:
                last.lines.append(stripped)
            else:
                owner.lines.append(stripped)
            blank = False
            continue
        stack.clear()
        marker = _kind_of_line(stripped)
        if paragraph is not None and paragraph.marker == marker and not label:
            paragraph.lines.append(stripped)
        else:
            paragraph = _Node(number, indent, marker, [stripped])
            top.append(paragraph)
        if label:
            paragraph = None  # what follows a label is not part of it
        blank = False
    return top


def _kind_of_line(stripped: str) -> str:
    if stripped.startswith("|"):
        return "|"
    return "<" if stripped.startswith("<") else ""


def _flat_text(nodes: list[_Node]) -> str:
    parts = []
    for node in nodes:
        if node.marker != "<":
            parts.append(node.text)
            parts.append(_flat_text(node.children))
    return "; ".join(part for part in parts if part)


def _has_words(text: str) -> bool:
    return bool(re.search(r"\w", text))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in _CELL_SPLIT.split(text)]


def _table_header(node: _Node) -> list[str] | None:
    """The kind of each column of a table (``Pros`` is good, ``Option`` is ""), or None
    when it is not a table whose columns are pros and cons."""
    if len(node.lines) < 2 or not _TABLE_RULE.match(node.lines[1].strip()):
        return None
    header = [argument_label(plain_text(cell)) for cell in _cells(node.lines[0])]
    return header if any(header) else None


class _Reader:
    """Reads the arguments of blocks, and keeps the first reason why the options cannot
    be lined up."""

    def __init__(self, words: bool = True) -> None:
        self.problem = ""
        self.words = words  # False: only the kinds are wanted, not the arguments' words

    def fail(self, reason: str) -> None:
        if not self.problem:
            self.problem = reason

    def arguments(self, nodes: list[_Node], label: str = "") -> list[Argument]:
        """The arguments in the blocks of one option; ``label`` is the kind a heading
        above them says (``#### Cons``)."""
        found: list[Argument] = []
        signs = any(node.marker == "+" for node in nodes)  # "+ fast" beside "- slow"
        current = label
        for node in nodes:
            text = node.text
            if node.marker == "<" or not _has_words(text):
                continue
            if node.marker == "|":
                found.extend(argument for _, argument in self.table(node, None))
                continue
            announced = argument_label(text)
            if not node.is_item:
                if announced:
                    current = announced
                elif explicit_kind(text):  # "Good, because ..." written as a paragraph
                    found.append(Argument(explicit_kind(text), argument_text(text), node.line))
                else:
                    current = label  # prose ends what a label began
                continue
            if announced and node.children:  # "* Pros:" with its arguments nested
                found.extend(self.arguments(node.children, announced))
                continue
            kind = explicit_kind(text, node.marker)
            if not kind and signs and node.marker == "-":
                kind = "bad"
            kind = kind or current
            if not kind:
                self.fail(f'line {node.line}: "{_short(text)}" does not say good, neutral or bad')
                continue
            if not self.words:
                found.append(Argument(kind, "", node.line))
                continue
            words = argument_text(text)
            details = _flat_text(node.children)
            found.append(Argument(kind, f"{words}; {details}" if details else words, node.line))
        return found

    def section(self, section: Section, label: str = "") -> tuple[list[Argument], bool]:
        """The arguments of a section (an option's sub-heading, Drawbacks) and of its
        sub-headings (``#### Pros``), and whether it holds any words at all."""
        found = self.section_arguments(section, label)
        return found, _has_words(plain_text(section.full_text))

    def section_arguments(self, section: Section, label: str = "") -> list[Argument]:
        """The arguments of a section and of its sub-headings (see :meth:`section`)."""
        found = self.arguments(_nodes(section.body, section.line + 1), label)
        for child in section.children:
            found.extend(self.section_arguments(child, argument_label(child.title) or label))
        return found

    def table(
        self, node: _Node, option_of: Callable[[str], Option | None] | None
    ) -> list[tuple[Option | None, Argument]]:
        """The arguments of a table whose columns are pros and cons: of one option
        (``| Pros | Cons |``), or, given how to find an option by its name, of the
        option each row names (``| Option | Pros | Cons |``)."""
        header = _table_header(node)
        named = [index for index, kind in enumerate(header or []) if not kind]
        if header is None or (option_of is None) != (not named):
            self.fail(f"line {node.line}: a table that is not one of pros and cons")
            return []
        found: list[tuple[Option | None, Argument]] = []
        for offset, line in enumerate(node.lines[2:], start=2):
            row = _cells(line)
            option = None
            if option_of is not None:
                name = plain_text(row[named[0]]) if named[0] < len(row) else ""
                option = option_of(name)
                if option is None:
                    self.fail(f'line {node.line + offset}: "{_short(name)}" is none of the options')
                    continue
            for index, kind in enumerate(header):
                if not kind or index >= len(row):
                    continue
                for piece in _BREAK.split(row[index]):
                    text = plain_text(piece, tags=True)
                    if _EMPTY_CELL.match(text.strip()) or not _has_words(text):
                        continue
                    argument = Argument(
                        explicit_kind(text) or kind, argument_text(text), node.line + offset
                    )
                    found.append((option, argument))
        return found


# --- the options of a record, with their arguments -------------------------------------


def stated_kinds(section: Section) -> frozenset[str]:
    """The kinds (``good``, ``neutral``, ``bad``) of the arguments a section states, with
    what a label or sub-heading above a list says of it (``Goods:``, ``Pros``, ``####
    Disadvantages``)."""
    return frozenset(argument.kind for argument in _Reader(words=False).section_arguments(section))


def weighing(record: Record, kind: KindSpec) -> Weighing:
    """The options ``record`` weighs, each with its arguments, lined up; or why not."""
    if kind.name == "rfc":
        found = _rfc(record, kind)
    elif kind.name == "adr":
        found = _adr(record, kind)
    else:
        return Weighing(problem=f"{kind.name} records weigh no options")
    if found.problem:
        return found
    if len(found.options) > MAX_OPTIONS:
        return Weighing(problem=f"more than {MAX_OPTIONS} options: too many for one table")
    if not any(option.arguments for option in found.options):
        return Weighing(problem="no option has an argument that says good, neutral or bad")
    return Weighing(found.options, found.chosen, decision_drivers(record))


class _Collected:
    """Arguments gathered per option (by index) from the places a record writes them."""

    def __init__(self, options: list[Option]) -> None:
        self.options = options
        self.arguments: dict[int, list[Argument]] = {}
        self.worded: set[int] = set()  # options with words of their own besides their name
        self._index = {id(option): index for index, option in enumerate(options)}
        self._names: dict[str, Option] = {}
        for name, option in [(o.title, o) for o in options] + [(o.short_name, o) for o in options]:
            self._names.setdefault(_name_key(name), option)  # a whole title first

    def named(self, name: str) -> Option | None:
        """The option a heading or a table row names: its title or short name as it is
        (the common case, looked up at once), else as the outcome is matched."""
        return self._names.get(_name_key(name)) or option_named(name, self.options)

    def add(self, option: Option | int, arguments: list[Argument], worded: bool = False) -> None:
        index = option if isinstance(option, int) else self._index[id(option)]
        self.arguments.setdefault(index, []).extend(arguments)
        if worded:
            self.worded.add(index)

    def weighed(self) -> tuple[WeighedOption, ...] | str:
        """Each option with its arguments, once each and in file order; or why an option
        cannot be shown (it is discussed only in prose)."""
        weighed = []
        for index, option in enumerate(self.options):
            arguments = _distinct(self.arguments.get(index, []))
            if not arguments and (index in self.worded or _describes(option)):
                return f'line {option.line}: "{_short(option.short_name)}" is discussed in prose'
            weighed.append(WeighedOption(option, tuple(arguments)))
        return tuple(weighed)


def _name_key(name: str) -> str:
    return " ".join(plain_text(name).lower().split()).strip(" .:*_\"'`")


def _aliases(kind: KindSpec, name: str) -> tuple[str, ...]:
    return next((spec.aliases for spec in kind.sections if spec.name == name), ())


def _adr(record: Record, kind: KindSpec) -> Weighing:
    sections = record.iter_sections()
    reader = _Reader()
    options_section = find_section(sections, _aliases(kind, "Considered Options"))
    pros_and_cons = find_section(sections, PROS_AND_CONS)
    options: list[Option] = []
    if options_section is not None:
        options = considered_options(options_section) or _table_options(options_section)
    if not options and pros_and_cons is not None:
        options = [Option(child.title, child.line) for child in pros_and_cons.children]
        options = options or _table_options(pros_and_cons)
    if len(options) < 2:
        return Weighing(problem="fewer than two options are listed")
    collected = _Collected(options)
    if options_section is not None:
        _read_options(reader, options_section, collected)
    if pros_and_cons is not None:
        _read_pros_and_cons(reader, pros_and_cons, collected)
    if reader.problem:
        return Weighing(problem=reader.problem)
    outcome = find_section(sections, _aliases(kind, "Decision Outcome"))
    chosen = chosen_options(outcome, options) if outcome is not None else []
    alternatives_only = options_section is not None and options_section.key.startswith(
        ("alternative", "rejected")
    )
    if alternatives_only and not chosen:  # what was not chosen: the decision is missing
        return Weighing(problem="the options section lists only the alternatives")
    weighed = collected.weighed()
    if isinstance(weighed, str):
        return Weighing(problem=weighed)
    return Weighing(weighed, tuple(options.index(option) for option in chosen))


def _rfc(record: Record, kind: KindSpec) -> Weighing:
    sections = record.iter_sections()
    reader = _Reader()
    alternatives = find_section(sections, _aliases(kind, "Alternatives"))
    if alternatives is None:
        return Weighing(problem="no alternatives section")
    options = considered_options(alternatives) or _table_options(alternatives)
    if not options:
        return Weighing(problem="the alternatives are discussed in prose")
    collected = _Collected(options)
    _read_options(reader, alternatives, collected)
    drawbacks = find_section(sections, _aliases(kind, "Drawbacks"))
    against: list[Argument] = []
    if drawbacks is not None:
        against, worded = reader.section(drawbacks, "bad" if drawbacks.key in _AGAINST else "")
        if worded and not against:
            reader.fail(f"line {drawbacks.line}: the drawbacks are written in prose")
    if reader.problem:
        return Weighing(problem=reader.problem)
    weighed = collected.weighed()
    if isinstance(weighed, str):
        return Weighing(problem=weighed)
    proposal = WeighedOption(Option(PROPOSAL_TITLE, 0), tuple(against), proposal=True)
    chosen = (0,) if record.status in _DECIDED_RFC else ()
    return Weighing((proposal, *weighed), chosen)


def _distinct(arguments: list[Argument]) -> list[Argument]:
    """Each argument once (the same list may be written twice), in file order."""
    seen: set[tuple[str, str]] = set()
    found = []
    for argument in sorted(arguments, key=lambda a: a.line):
        key = (argument.kind, " ".join(argument.text.lower().split()))
        if key not in seen:
            seen.add(key)
            found.append(argument)
    return found


def _describes(option: Option) -> bool:
    """Whether an option's title says more than its name (``dbt tables: cheap, but ...``):
    words that may weigh it."""
    title = _NUMBERING.sub("", _CHOSEN_WORDS.sub("", option.title), count=1).strip()
    name = option.short_name
    at = title.find(name)
    rest = title[at + len(name) :] if at >= 0 and name else title
    return _has_words(rest)


def _read_options(reader: _Reader, section: Section, collected: _Collected) -> None:
    """The arguments written with the options in their own section: under each option's
    sub-heading, nested in its list item, or below its ``**Option 1:**`` paragraph."""
    options = collected.options
    by_line = {option.line: index for index, option in enumerate(options)}
    for child in section.children:
        if child.line in by_line:
            arguments, worded = reader.section(child)
            collected.add(by_line[child.line], arguments, worded)
        elif _Reader().section_arguments(child):  # "Not considered further: ..."
            reader.fail(f"line {child.line}: arguments under a heading that is no option")
    nodes = _nodes(section.body, section.line + 1)
    paragraphs = any(node.line in by_line and not node.is_item for node in nodes)
    below: dict[int, list[_Node]] = {}  # the blocks below each "**Option 1:**" paragraph
    current: int | None = None
    for node in nodes:
        index = by_line.get(node.line)
        if index is not None and node.is_item:
            worded = len(node.lines) > 1 or any(_has_words(c.text) for c in node.children)
            collected.add(index, reader.arguments(node.children), worded)
            continue
        if index is not None:  # a "**Option 1:** ..." paragraph
            current = index
            below[index] = []
            collected.add(index, [], len(node.lines) > 1)
            continue
        if node.marker == "<" or not _has_words(node.text):
            continue
        header = _table_header(node) if node.marker == "|" else None
        if header is not None and not all(header):  # a table with an option per row
            for option, argument in reader.table(node, collected.named):
                if option is not None:
                    collected.add(option, [argument])
            continue
        if paragraphs and current is not None:
            below[current].append(node)
        elif node.marker == "|":
            reader.fail(f"line {node.line}: a table that is not one of pros and cons")
        elif node.is_item or argument_label(node.text) or explicit_kind(node.text):
            reader.fail(f"line {node.line}: an argument outside any option")
    for index, blocks in below.items():
        arguments = reader.arguments(blocks)
        prose = any(
            not node.is_item
            and node.marker != "|"
            and not argument_label(node.text)
            and not explicit_kind(node.text)
            for node in blocks
        )
        collected.add(index, arguments, prose)


def _read_pros_and_cons(reader: _Reader, section: Section, collected: _Collected) -> None:
    """The arguments of *Pros and Cons of the Options*: a sub-heading per option, a list
    item per option with its arguments nested, or a table with an option per row."""
    for child in section.children:
        option = collected.named(child.title)
        if option is None:
            reader.fail(f'line {child.line}: "{_short(child.title)}" is none of the options')
            continue
        arguments, worded = reader.section(child)
        collected.add(option, arguments, worded)
    for node in _nodes(section.body, section.line + 1):
        if node.marker == "<" or not _has_words(node.text):
            continue
        if node.marker == "|":
            for named, argument in reader.table(node, collected.named):
                if named is not None:
                    collected.add(named, [argument])
            continue
        if not node.is_item:
            if argument_label(node.text) or explicit_kind(node.text):
                reader.fail(f"line {node.line}: an argument outside any option")
            continue  # an introduction
        option = None if explicit_kind(node.text, node.marker) else collected.named(node.text)
        if option is None:
            reader.fail(f'line {node.line}: "{_short(node.text)}" is none of the options')
            continue
        collected.add(option, reader.arguments(node.children), bool(node.children))


def _table_options(section: Section) -> list[Option]:
    """The options of a table with one option per row and columns of pros and cons."""
    for node in _nodes(section.body, section.line + 1):
        header = _table_header(node) if node.marker == "|" else None
        if header is None or all(header):
            continue
        column = header.index("")
        options = []
        for offset, line in enumerate(node.lines[2:], start=2):
            cells = _cells(line)
            name = plain_text(cells[column]) if column < len(cells) else ""
            if _has_words(name):
                options.append(Option(name, node.line + offset))
        return options
    return []


# --- decision drivers -----------------------------------------------------------------

# "D1:", "DD-2", "QA-1", "[D1]", "**D1**" at the start of a driver, before its text.
_OWN_ID = lazy_pattern(
    r"^(?P<open>\*\*|__|\[|\()?(?P<id>[A-Z]{1,8}(?:-[A-Z]{1,8})*-?\d{1,4}[a-z]?)"
    r"(?P<close>\*\*|__|\]|\))?(?P<sep>\s*[:.)\]\u2013\u2014-]\s*|\s+)"
)
_BOLD_NAME = lazy_pattern(r"^(\*\*|__)(.+?)\1\s*[:.\u2013\u2014-]?\s*")
_NAME_SEPARATORS = (": ", " \u2014 ", " \u2013 ", " - ", " (")


def decision_drivers(record: Record) -> tuple[Driver, ...]:
    """The record's decision drivers: the items of its drivers section, else one per
    sub-heading; none when the section is prose."""
    section = find_section(record.iter_sections(), DECISION_DRIVERS)
    if section is None:
        return ()
    items = [node for node in _nodes(section.body, section.line + 1) if node.is_item]
    if items:
        return tuple(
            driver(" ".join(node.lines), node.line, _flat_text(node.children)) for node in items
        )
    return tuple(driver(child.title, child.line, child.full_text) for child in section.children)


def driver(markdown: str, line: int, details: str = "") -> Driver:
    """A driver from its Markdown: its own id (``D1: ...``), and its name: the bold words
    it starts with, its words before a colon or a dash when they are few, or all of it
    when it is short. ``details``: its nested items, read for the ids it names."""
    text = markdown.strip()
    own_id = ""
    found = _OWN_ID.match(text)
    if found is not None:
        marked = found["open"] or found["close"] or found["sep"].strip()
        if "-" in found["id"] or marked:  # "D1 Latency" without a mark is a word
            own_id = found["id"]
            text = text[found.end() :]
    name = ""
    bold = _BOLD_NAME.match(text)
    if bold is not None:
        name = plain_text(bold[2]).strip(" :.")
    else:
        words = plain_text(text)
        cuts = [at for at in (words.find(s) for s in _NAME_SEPARATORS) if at > 0]
        head = words[: min(cuts)].strip() if cuts else ""
        if head and len(head.split()) <= _NAME_WORDS and significant_words(head):
            name = head
        elif len(significant_words(words)) <= _SHORT_DRIVER:
            name = words.strip(" .")
    label = plain_text(markdown)
    return Driver(label, line, own_id, name, f"{label} {plain_text(details)}".strip())
