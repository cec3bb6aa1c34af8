"""The trade-offs a record writes down, read from its sections: the considered options,
the option chosen, pros and cons, and negative consequences. Shared by the checks
(DEC3xx) and anything that shows them.

Teams write options as list items, numbered items, ``**Option 1:** ...`` paragraphs or
one sub-heading per option; they name the chosen one quoted, bold, plainly, by its
short name, by its number (``Option 3``, ``the second option``) or several at once;
and they mark pros and cons with words (``Good, because``, ``Pro:``), signs (``+``,
``-``) or emoji (``✅``, ``:x:``). All of these are read here; the matching ignores
case, punctuation and Markdown emphasis.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..catalogue.patterns import lazy_pattern
from .body import outside_fences, plain_text, qualified_names
from .kinds import DECISION_DRIVERS, default_kinds, section_names
from .model import ListItem, Section

_GOOD_WORDS = (
    r"good|goods|pro|pros|positive|advantage|advantages|strength|strengths|better|benefit|benefits|"
    r"upside|upsides|plus|bra"  # Norwegian "Bra, fordi"
)
_BAD_WORDS = (
    r"bad|bads|con|cons|negative|disadvantage|disadvantages|drawback|drawbacks|downside|downsides|"
    r"risk|risks|cost|costs|weakness|weaknesses|worse|minus|limitation|limitations|concern|"
    r"concerns|dårlig"
)
_GOOD_SIGNS = (
    "\u2705",  # white heavy check mark
    "\u2714",  # heavy check mark
    "\U0001f44d",  # thumbs up
    "\u2795",  # heavy plus sign
    ":white_check_mark:",
    ":heavy_check_mark:",
    ":+1:",
    ":thumbsup:",
    ":heavy_plus_sign:",
    "(+)",
    "[+]",
    "+",
)
_BAD_SIGNS = (
    "\u274c",  # cross mark
    "\u274e",  # negative squared cross mark
    "\u2716",  # heavy multiplication x
    "\u26d4",  # no entry
    "\U0001f6ab",  # prohibited
    "\U0001f44e",  # thumbs down
    "\u2796",  # heavy minus sign
    "\u26a0",  # warning sign: a risk, a caveat
    ":x:",
    ":warning:",
    ":no_entry:",
    ":no_entry_sign:",
    ":-1:",
    ":thumbsdown:",
    ":heavy_minus_sign:",
    "(-)",
    "[-]",
    "-",
)
_BAD_SIGNS_BUT_DASH = tuple(sign for sign in _BAD_SIGNS if sign != "-")
_NEUTRAL = lazy_pattern(r"^(?:neutral|meh|either|ok|okay)\b", re.IGNORECASE)
# The words that say an argument's kind when a comma, colon, dash or "because" follows.
_EXPLICIT = {
    "good": r"good|pros?|positive|advantages?|benefits?|upsides?|strengths?|plus|bra",
    "bad": r"bad|cons?|negative|disadvantages?|drawbacks?|downsides?|weakness(?:es)?|minus|"
    r"risks?|concerns?|limitations?|dårlig",
    "neutral": r"neutral",
}
# Labels above a list of arguments (``Pros:``), and headings of such lists.
_LABELS = {
    "good": r"goods?|pros?|positive|advantages?|benefits?|upsides?|strengths?|arguments? for|for"
    r"|fordeler",
    "bad": r"bads?|cons?|negative|disadvantages?|drawbacks?|downsides?|weakness(?:es)?|risks?|"
    r"concerns?|limitations?|arguments? against|against|ulemper",
    "neutral": r"neutral|neither",
}
# The same, compiled once: these run for every argument of every record.
_EXPLICIT_KIND = {
    kind: re.compile(rf"^(?:{words})(?:\s*[,:;]|\s+[-\u2013\u2014]\s|\s+because\b)", re.IGNORECASE)
    for kind, words in _EXPLICIT.items()
}
_EXPLICIT_PREFIX = lazy_pattern(
    rf"^(?:{'|'.join(_EXPLICIT.values())})(?:\s*[,:;]|\s+[-\u2013\u2014](?=\s)|(?=\s+because\b))\s*"
    r"(?:because\b\s*)?",
    re.IGNORECASE,
)
_LABEL_KIND = {kind: re.compile(rf"(?:{words})") for kind, words in _LABELS.items()}
_NOT_LABEL_CHARACTERS = lazy_pattern(r"[^\w\s-]")
PRO = lazy_pattern(rf"^(?:{_GOOD_WORDS})\b", re.IGNORECASE)
CON = lazy_pattern(rf"^(?:{_BAD_WORDS})\b", re.IGNORECASE)
NEGATIVE_HEADINGS = (
    "negative consequences",
    "negative",
    "bad",
    "cons",
    "drawbacks",
    "downsides",
    "risks",
    "trade-offs",
    "tradeoffs",
    "known limitations",
    "limitations",
    "disadvantages",
    "costs",
    "negative konsekvenser",
    "risiko",
)
POSITIVE_HEADINGS = (
    "positive consequences",
    "positive",
    "good",
    "pros",
    "benefits",
    "advantages",
    "positive konsekvenser",
)
# "Trade-offs and risks", "Negative og risiko": a heading that joins names.
_JOINED = lazy_pattern(r"\s*(?:/|&|\+|,)\s*|\s+(?:and|og|et|und|y)\s+")
# "Chosen option:", "Chosen options:", "Chosen approach:", "Chose option", "Selected option:",
# "We chose", "We decided to use", "Decision:". The lookahead names the first letters of
# the alternatives, so the search skips at once every place none of them can start: the
# same matches, several times faster over a long outcome.
_CHOSEN = lazy_pattern(
    r"(?=[cspwdtovgвоo选選採])(?:"
    r"(?:chosen|chose|selected|preferred|picked)\s+(?:options?|approach|alternative|solution)"
    r"\s*:?|\bwe\s+(?:have\s+)?(?:chose|chosen|picked|selected|decided\s+(?:to\s+(?:use|go\s+with|"
    r"adopt)|on|for))\b|^decision\s*:"
    r"|\bwe\s+(?:will\s+|shall\s+)?go\s+with\b|\bthe\s+decision\s+is\s+to\b"
    r"|\boption\s+choisie\s*:?|\bvalgt\s+alternativ\s*:?"  # French and Norwegian MADR
    # MADR's "Chosen option" in German, Dutch, Spanish, Portuguese, Italian, Polish,
    # Russian, Ukrainian, Turkish, Chinese and Japanese
    r"|\bgew(?:ä|ae)hlte\s+option\s*:?|\bgekozen\s+optie\s*:?"
    r"|\bopci(?:ó|o)n\s+(?:elegida|escogida|seleccionada)\s*:?|\bop(?:ç|c)(?:ã|a)o\s+escolhida\s*:?"
    r"|\bopzione\s+scelta\s*:?|\bwybrana\s+opcja\s*:?"
    r"|\bвыбранн(?:ый|ая)\s+(?:вариант|опция)\s*:?|\bобраний\s+варіант\s*:?"
    r"|\bse(?:ç|c)ilen\s+se(?:ç|c)enek\s*:?|选择的方案\s*[:：]?|选定的?方案\s*[:：]?"
    r"|(?:選択|採用)した選択肢\s*[:：]?"
    r")",
    re.IGNORECASE | re.MULTILINE,
)
# An outcome that opens with the option's number: "(#2) Use htmx", "Option 1 - We will".
_LEADING_NUMBER = lazy_pattern(
    r"^\s*(?:\(#(\d{1,2})\)|#(\d{1,2})\b|(?:option|alternative)\s+(\d{1,2}|[A-H])\b)",
    re.IGNORECASE,
)
# "We adopt **option 1**": an option named by its number in the outcome's first paragraph,
# not "option 2 or 3" (no choice yet) and not a template's "{title of option 1}".
_OPTION_MENTION = lazy_pattern(
    r"\b(?:option|alternative)\s+(\d{1,2}|[A-H])\b(?![*_]*\s*(?:or|and|/|,)\s*(?:\d|[A-H]\b))",
    re.IGNORECASE,
)
_PLACEHOLDER = lazy_pattern(r"\{[^{}\n]*\}")
_CODE_OR_BOLD = lazy_pattern(r"`([^`\n]{4,60})`|(?:\*\*|__)([^*_\n]{4,60})(?:\*\*|__)")
# Words that turn a name into its opposite: "out-of-process" is not "in-process".
_NEGATIONS = frozenset({"not", "no", "non", "without", "out", "never", "instead"})
_QUOTED = lazy_pattern("[\"\u201c\u2018'`]([^\"\u201d\u2019'`\\n]{1,200})[\"\u201d\u2019'`]")
_BOLD = lazy_pattern(r"(\*\*|__)(.+?)\1")
_SENTENCE_END = lazy_pattern(
    r"(?:,|;|\.(?:\s|$)|\s(?:because|since|as it|as they|due to|so that|which|given)\b|\n)",
    re.IGNORECASE,
)
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_NUMBERED = lazy_pattern(
    r"^(?:option|alternative|approach|solution|choice)?\s*#?\s*(\d{1,2}|[a-h])\b(?:[a-z]\b)?\s*"
    r"(?:[:.)\-\u2013\u2014]|$)",
    re.IGNORECASE,
)
_OPTION_PREFIX = lazy_pattern(
    r"^(?:(?:option|alternative|approach|solution|choice)\s*#?\s*)?(?:\d{1,2}|[a-h])?[a-z]?"
    r"\s*[:.)\-\u2013\u2014]\s+",
    re.IGNORECASE,
)
_BOLD_PARAGRAPH = lazy_pattern(
    r"^\s*(?:\*\*|__)((?:\[[^\]*_]{1,20}\]\s*)?(?:option|alternative|approach|solution|choice)\b"
    r"[^*_]{0,200}?)(?:\*\*|__)"
    r"\s*:?\s*(.*)$",
    re.IGNORECASE,
)
_CHOSEN_MARK = lazy_pattern(
    r"\((?:chosen|selected|accepted|recommended|preferred|decision"
    # German, French, Spanish, Danish/Norwegian, Dutch: "(entschieden)", "(retenue)"
    r"|entschieden|gewählt|ausgewählt|empfohlen|choisie?|retenue?|recommandée?"
    r"|elegid[ao]|seleccionad[ao]|recomendad[ao]|valgt|anbefalet|anbefalt|gekozen)[^)]*\)"
    r"|\[(?:selected|chosen)\]"
    r"|\bchosen\b\s*$",
    re.IGNORECASE,
)
_DETAILS = lazy_pattern(r"<\s*(/?)\s*details\b", re.IGNORECASE)
_ITEM_LINE = lazy_pattern(r"^\s*(?:[*+-]|\d{1,9}[.)])(?:\s|$)")
_REFERENCE_NAME = lazy_pattern(r"^\[([^\[\]]+)\](?!\()")
_NOT_CONSIDERED = lazy_pattern(r"\bnot\b.*\bconsidered\b|^out of scope\b")
_ITEM_START = lazy_pattern(r"^(\s*)(?:[*+-]|\d{1,9}[.)])[ \t]+")


@dataclass(frozen=True)
class Option:
    """One considered option: its words as written, and where."""

    title: str  # plain text, e.g. "Option 2: Use Postgres - managed by the platform team"
    line: int
    marked_chosen: bool = False  # "(chosen)", "[SELECTED]" in its own title

    @property
    def short_name(self) -> str:
        """The name without ``Option 2:`` and without a description after `` - ``/``:``:
        ``Use Postgres``."""
        name = _CHOSEN_MARK.sub("", self.title).strip()
        name = _OPTION_PREFIX.sub("", name, count=1) or name
        for separator in (" - ", " \u2013 ", " \u2014 ", ": ", " (", ", "):
            head = name.split(separator, 1)[0].strip()
            if head and len(head) >= 2:
                name = head
        return name.strip(" .*_\"'")


def find_section(sections: list[Section], aliases: tuple[str, ...]) -> Section | None:
    """The first section whose heading is one of ``aliases``, or whose heading joins one
    with others (``Motivation / use cases``, ``Risks and Mitigations``, ``Solution or
    decision outcome``)."""
    for section in sections:
        if section.key in aliases:
            return section
    for section in sections:
        parts = re.split(r"\s*(?:/|&|\+|,)\s*|\s+(?:and|or)\s+", section.key)
        if len(parts) > 1 and any(part in aliases for part in parts):
            return section
    for section in sections:
        if any(name in aliases for name in qualified_names(section.key)):
            return section
    for section in sections:
        if _named_before_connector(section.key, aliases):
            return section
    return None


# What joins a section's name to the words a heading adds after it (``Kontext und
# Problem``, ``Konsequenzen für Umsetzung und Betrieb``, ``Decision Outcome - Data
# Replication``): a spaced dash, a colon, or "and" / "for" in the languages templates are
# written in (und, et, y, e, og, och, en; für, pour, para, voor, för). Always after a
# whole word: "Kontextualisierung" names no Kontext.
_CONNECTOR = lazy_pattern(
    r"\s*[:\u2014]|\s+[-\u2013]\s|\s+(?:and|und|et|y|e|og|och|en|for|für|pour|para|voor|för)\s"
)
# Every heading that names a section of a built-in kind, or the forces of a decision.
_SECTION_NAMES = section_names(default_kinds()) | frozenset(DECISION_DRIVERS)


def _named_before_connector(key: str, aliases: tuple[str, ...]) -> bool:
    """Whether a heading starts with one of ``aliases`` and adds words after a connector.
    The longest section name it starts with decides, and a heading that is itself the
    name of another section is that one: ``Context and problem`` is an ADR's Context,
    not a Motivation named ``Context``."""
    if key in _SECTION_NAMES and key not in aliases:
        return False
    heads = [key[: match.start()] for match in _CONNECTOR.finditer(key) if match.start() > 0]
    named = [head for head in heads if head in aliases or head in _SECTION_NAMES]
    return bool(named) and max(named, key=len) in aliases


def all_items(section: Section) -> list[ListItem]:
    items: list[ListItem] = list(section.items)
    for child in section.children:
        items.extend(all_items(child))
    return items


def considered_options(section: Section) -> list[Option]:
    """The direct options of an options section: its ``**Option 1:** ...`` paragraphs
    (each may carry its own lists of pros and cons), else its list items (not those in
    nested sub-sections, in ``<details>`` blocks, under a ``Pros:`` label, or that are
    pros and cons themselves), else one per sub-heading."""
    hidden = _lines_in_details(section) | _lines_of_arguments(section) | _nested_items(section)
    paragraphs = []
    for offset, line in outside_fences(section.body.split("\n")):
        match = _BOLD_PARAGRAPH.match(line)
        line_number = section.line + 1 + offset
        if match and line_number not in hidden:
            title = plain_text(match[1]).rstrip(":").strip()
            rest = plain_text(match[2])
            paragraphs.append(_option(f"{title}: {rest}" if rest else title, line_number))
    if len(paragraphs) >= 2:
        return paragraphs
    rows = _table_options(section)
    if len(rows) >= 2:
        return rows
    items = [
        item
        for item in section.items
        if item.line not in hidden and not _is_argument(plain_text(item.text), item)
    ]
    if len(items) == 1:
        # One lead bullet whose sub-items are the options ("* A script to bump ..."
        # then "    * 1) Run it in CI", "    * 2) Run it in the bot")
        variants = _sub_items(section, items[0].line)
        if len(variants) >= 2:
            return variants
    if items:
        return [_option(plain_text(item.text), item.line) for item in items]
    if paragraphs or rows:
        return paragraphs or rows
    return [
        _option(child.title, child.line)
        for child in section.children
        if not _NOT_CONSIDERED.search(child.key)  # "Noticed, but not further considered"
        and not _WHY_CHOSEN.match(child.key)
    ]


# A sub-heading that argues for the choice, not an option: "Why this option?", "Warum
# die gewählte Option?", "Pourquoi l'option A ?", "Hvorfor valgte vi A?".
_WHY_CHOSEN = lazy_pattern(
    r"^(?:why|warum|wieso|weshalb|pourquoi|por\s+qu[eé]|perch[eé]|hvorfor|varför|waarom)\b"
)
# The first header cell of a table of options: "| Option | Criteria | Score |".
_OPTION_COLUMN = lazy_pattern(
    r"^(?:options?|alternatives?|choices?|solutions?|approach(?:es)?|candidates?|variants?"
    r"|optionen|alternativen|varianten?|lösung(?:en)?|opci[oó]n(?:es)?|alternativas?"
    r"|op[cç](?:ão|ões)|opties?|alternativer|valg|choix|opzion[ei])$"
)
_TABLE_RULE = lazy_pattern(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _table_options(section: Section) -> list[Option]:
    """The options of a table in the section's own text whose first column heads them
    (``| Option | Kriterien | Bewertung |``): one per row, named by its first cell
    (``| **A: Keycloak + BFF (chosen)** | ...``, emphasis removed)."""
    lines = list(outside_fences(section.body.split("\n")))
    for position, (_, line) in enumerate(lines[:-1]):
        if not _is_row(line) or not _OPTION_COLUMN.match(_first_cell(line).lower()):
            continue
        if not _TABLE_RULE.match(lines[position + 1][1]):
            continue
        found = []
        for offset, row in lines[position + 2 :]:
            if not _is_row(row):
                break
            name = _first_cell(row)
            if name:
                found.append(_option(name, section.line + 1 + offset))
        return found
    return []


def _is_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _first_cell(row: str) -> str:
    return plain_text(row.strip().strip("|").split("|", 1)[0]).strip()


_SUB_ITEM = lazy_pattern(r"^(?: {2,}|\t)(?:[*+-]|\d{1,3}[.)])\s+(\S.*)$")


def _sub_items(section: Section, lead_line: int) -> list[Option]:
    """The items nested right below the list item on file line ``lead_line``, as options."""
    lines = section.body.split("\n")
    found = []
    for offset in range(lead_line - section.line, len(lines)):
        line = lines[offset]
        item = _SUB_ITEM.match(line)
        if item:
            found.append(_option(plain_text(item[1]), section.line + 1 + offset))
        elif line.strip() and not line[:1].isspace():
            break
    return found


def discusses_in_prose(section: Section) -> bool:
    """Whether a section says things besides its list of options: a paragraph other than
    a short introduction (``We considered:``). Its options then cannot be counted: the
    prose may weigh one more."""
    for _, line in outside_fences(section.body.split("\n")):
        text = line.strip()
        if not text or text.startswith(("<!--", "|", "#", ">")) or _ITEM_LINE.match(line):
            continue
        if line[:1] in (" ", "\t"):
            continue  # a list item's own text, wrapped
        if text.endswith(":") and len(text) < 120:
            continue
        if _BOLD_PARAGRAPH.match(line):
            continue
        return True
    return False


def option_titles(section: Section) -> list[str]:
    """The options of a section, as plain text (see :func:`considered_options`)."""
    return [option.title for option in considered_options(section)]


def chosen_options(outcome: Section | None, options: list[Option]) -> list[Option]:
    """The options the decision outcome names, in their own order.

    ``Chosen option: "X"``, ``**X**``, ``X, because ...``, by short name, by number
    (``Option 3``, ``the second option``), several at once (``**A** and **B**``); an
    outcome heading that names one (``## Decision Outcome: X``); else an option marked
    ``(chosen)`` in its title; else, without any of these, an option the outcome names.
    """
    if not options:
        return []
    found: list[Option] = []
    text = (f"{outcome.title}\n{outcome.full_text}" if outcome is not None else "").strip()
    for candidate in _named_candidates(text):
        if _EVERY_OPTION.match(plain_text(candidate).strip(" \"'*_`.")):
            return list(options)  # Chosen option: "All considered options", "Both"
        for option in _matching(candidate, options):
            if option not in found:
                found.append(option)
    if not found:
        found = [option for option in options if option.marked_chosen]
    if not found and outcome is not None:
        found = _named_otherwise(outcome, options)
    if not found and text:
        whole = _key(text)
        ranked = sorted(options, key=lambda option: -len(_key(option.short_name)))
        for option in ranked:
            key = _key(option.short_name)
            if len(key) >= 3 and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", whole):
                found.append(option)
                break
    return sorted(found, key=options.index)


# An outcome that chooses them all: "All considered options", "All of them", "Both".
_EVERY_OPTION = re.compile(
    r"^(?:all(?:\s+(?:the|of\s+the|three|four))?\s+(?:considered\s+)?options|all\s+of\s+them|"
    r"both(?:\s+options)?|a\s+combination\s+of\s+(?:all|both|the)\s+options)$",
    re.IGNORECASE,
)


def chosen_option(outcome: Section, options: list[str]) -> str | None:
    """The first option the outcome names (options given as titles)."""
    chosen = chosen_options(outcome, [_option(title, 0) for title in options])
    return chosen[0].title if chosen else None


def is_pro(text: str, item: ListItem | None = None) -> bool:
    """An argument for: ``Good, because``, ``Pro:``, ``+``, ``✅``, ``:+1:``."""
    return _argument(text, item) == "good"


def is_con(text: str, item: ListItem | None = None) -> bool:
    """An argument against: ``Bad, because``, ``Con:``, ``-``, ``❌``, ``:x:``."""
    return _argument(text, item) == "bad"


def argument_kind(text: str, item: ListItem | None = None) -> str:
    """``good``, ``bad``, ``neutral`` or "" for an item of a pros-and-cons list."""
    return _argument(text, item)


def explicit_kind(text: str, marker: str = "") -> str:
    """``good``, ``bad``, ``neutral`` or "" for an argument that says which it is: a sign
    or emoji (``+``, ``✅``, ``:x:``), a ``+`` list marker, or a word followed by a comma,
    colon, dash or "because" (``Good, because``, ``Con:``, ``Neutral because``).

    Stricter than :func:`argument_kind`, which also reads a leading word alone: "Costs
    little to run" is not an argument against. The trade-off matrix shows a kind only
    when the record states it."""
    stripped = text.strip()
    signed = _signed_kind(stripped)
    if signed:
        return signed
    for kind, pattern in _EXPLICIT_KIND.items():
        if pattern.match(stripped):
            return kind
    return "good" if marker == "+" else ""


def argument_label(text: str) -> str:
    """The kind a label announces for the list below it (``Pros:``, ``**Cons**``,
    ``✅ Advantages``, a ``#### Bad`` heading), or "" when ``text`` is not only a label."""
    label = text.strip().rstrip(":").strip()
    if not label or len(label) > 40:
        return ""
    for signs, kind in ((_GOOD_SIGNS, "good"), (_BAD_SIGNS, "bad")):
        for sign in signs:
            if sign not in ("+", "-") and label.startswith(sign):
                rest = label[len(sign) :].strip()
                return kind if not rest or argument_label(rest) == kind else ""
    key = " ".join(_NOT_LABEL_CHARACTERS.sub(" ", label.lower()).split())
    for kind, pattern in _LABEL_KIND.items():
        if pattern.fullmatch(key):
            return kind
    return ""


def argument_text(text: str) -> str:
    """An argument without what says its kind: ``Good, because it is fast`` is ``it is
    fast``; the record's own words otherwise, as written."""
    rest = text.strip()
    for _ in range(2):  # "✅ Good, because ..."
        before = rest
        for sign in (*_GOOD_SIGNS, *_BAD_SIGNS, "\u2212"):
            if sign not in ("+", "-") and rest.startswith(sign):
                rest = rest[len(sign) :].lstrip(" :")
                break
        else:
            if rest.startswith(("+ ", "- ")):
                rest = rest[2:]
        rest = _EXPLICIT_PREFIX.sub("", rest, count=1)
        if rest == before:
            break
    return rest.strip() or text.strip()


def option_named(name: str, options: list[Option]) -> Option | None:
    """The option that ``name`` (a heading in Pros and Cons, a row of a table) stands
    for: by its title, its short name or its number, as the outcome is matched."""
    found = _matching(plain_text(name), options)
    return found[0] if found else None


def uses_good_and_bad(section: Section) -> bool:
    """Whether a consequences section is written as good and bad points (items, or
    sub-headings such as "Positive" and "Negative"), so that a missing bad one can be
    told; prose cannot be judged."""
    if any(
        _names_kind(child.key, NEGATIVE_HEADINGS + POSITIVE_HEADINGS) for child in section.children
    ):
        return True
    # Stated kinds only ("Good, because", "Con:", a sign): "Better long-term outlook"
    # beside "Feature work delayed" is prose in a list. A `+` marker is a sign only
    # beside items marked otherwise: a list all of `+` items is a list.
    items = all_items(section)
    signs = len({"1." if item.marker[:1].isdigit() else item.marker for item in items}) > 1
    return any(explicit_kind(plain_text(i.text), i.marker if signs else "") for i in items)


def _names_kind(key: str, headings: tuple[str, ...]) -> bool:
    """Whether a heading is one of ``headings``, alone or joined with another name."""
    return key in headings or any(part in headings for part in _JOINED.split(key))


def has_negative_consequence(section: Section) -> bool:
    if _names_kind(section.key, NEGATIVE_HEADINGS) and not section.is_empty:
        return True
    for child in section.children:
        if _names_kind(child.key, NEGATIVE_HEADINGS) and not child.is_empty:
            return True
        if has_negative_consequence(child):
            return True
    markers = {item.marker for item in section.items}
    for item in section.items:
        if is_con(plain_text(item.text), item):
            return True
        if item.marker == "-" and "+" in markers:
            return True  # "+ fast" beside "- slow": signs as list markers
    for line in section.body.split("\n"):
        text = plain_text(line.strip().lstrip("*+ ").strip())
        if text and CON.match(text):
            return True
    return False


# --- reading -------------------------------------------------------------------------


def _option(title: str, line: int) -> Option:
    # "* [Bazel]" with "[Bazel]: https://..." at the end of the file: the name in brackets
    marked = bool(_CHOSEN_MARK.search(title))
    if not _CHOSEN_MARK.match(title):
        title = _REFERENCE_NAME.sub(r"\1", title)
    return Option(title, line, marked)


def _signed_kind(stripped: str) -> str:
    """``good`` or ``bad`` for an argument that starts with a sign or emoji (``+``, ``✅``,
    ``- ``, a minus sign, ``❌``), else ""."""
    # A "+" alone says nothing, nor does a "-" (a list's dash) but before a space.
    if stripped != "+" and stripped.startswith(_GOOD_SIGNS):
        return "good"
    if stripped.startswith(_BAD_SIGNS_BUT_DASH):
        return "bad"
    if stripped.startswith("- ") or stripped.startswith("\u2212"):
        return "bad"
    return ""


def _argument(text: str, item: ListItem | None) -> str:
    marker = item.marker if item is not None else ""
    stripped = text.strip()
    signed = _signed_kind(stripped)
    if signed:
        return signed
    if PRO.match(stripped):
        return "good"
    if CON.match(stripped):
        return "bad"
    if _NEUTRAL.match(stripped):
        return "neutral"
    if marker == "+":
        return "good"  # "+ fast" beside "- slow": signs as list markers
    return ""


def _is_argument(text: str, item: ListItem) -> bool:
    return (
        bool(_argument(text, item))
        and item.marker != "+"
        and bool(PRO.match(text) or CON.match(text) or _NEUTRAL.match(text))
    )


def _lines_in_details(section: Section) -> set[int]:
    """File lines inside ``<details>`` blocks of a section's own text."""
    inside: set[int] = set()
    depth = 0
    for offset, line in enumerate(section.body.split("\n")):
        for closing in _DETAILS.findall(line):
            depth = max(0, depth - 1) if closing else depth + 1
        if depth:
            inside.add(section.line + 1 + offset)
    return inside


def _nested_items(section: Section) -> set[int]:
    """File lines of list items nested in another item (``  * managed`` below ``* Mongo``),
    which the scanner keeps as items when they are indented less than four spaces."""
    nested: set[int] = set()
    content_column: int | None = None  # where the text of the current top-level item starts
    for offset, line in outside_fences(section.body.split("\n")):
        item = _ITEM_START.match(line)
        if item is None:
            if line.strip() and not line[:1].isspace():
                content_column = None  # a paragraph ends the list
            continue
        indent = len(item[1])
        if content_column is not None and indent >= content_column:
            nested.add(section.line + 1 + offset)
        else:
            content_column = item.end()
    return nested


def _lines_of_arguments(section: Section) -> set[int]:
    """Lines of lists that follow a pros or cons label (``✅ Pros:``, ``Cons:``): the
    arguments of an option, not options."""
    lines: set[int] = set()
    under_label = False
    for offset, line in enumerate(section.body.split("\n")):
        text = plain_text(line.strip())
        if not text:
            continue
        if _ITEM_LINE.match(line) or line[:1] in (" ", "\t"):
            if under_label:
                lines.add(section.line + 1 + offset)
            continue
        label = text.rstrip(":").strip()
        under_label = text.endswith(":") and bool(_argument(label, None)) and len(label) < 40
    return lines


def _named_candidates(text: str) -> list[str]:
    """What the outcome names as chosen: the quoted, bold or plain words after "Chosen
    option:" (several when it names several), or the outcome heading's own words."""
    candidates: list[str] = []
    for match in _CHOSEN.finditer(text):
        rest = text[match.end() :].lstrip(" :\t")
        line = rest.split("\n", 1)[0]
        below = next((following for following in rest.split("\n")[1:] if following.strip()), "")
        if not line.strip() and below and not _ITEM_LINE.match(below):
            line = below.strip()  # "Chosen option:" and the option on the next line
        if not line.strip():  # "Chosen options:" and a list below it
            for following in rest.split("\n")[1:]:
                if not following.strip():
                    continue
                item = _ITEM_LINE.match(following)
                if not item:
                    if following[:1] in (" ", "\t"):
                        continue
                    break
                words = following[item.end() :]
                end = _SENTENCE_END.search(words)
                candidates.append(words[: end.start()] if end else words)
            continue
        number = re.match(r"\s*#?(\d{1,2})\s*(?:[:.)\-\u2013\u2014]|$)", line)
        if number and re.search(r"(?:option|alternative)s?\W*$", match[0], re.IGNORECASE):
            candidates.append(f"option {number[1]}")  # "Selected option 2) as option 1) ..."
        # What it names before its reasons: 'Chosen option: "Beta", because the "Alpha"
        # option ...' names Beta alone.
        named = re.split(r",?\s+because\b", line, maxsplit=1, flags=re.IGNORECASE)[0]
        spans = [m[1] for m in _QUOTED.finditer(named[:300])] + [
            m[2] for m in _BOLD.finditer(named)
        ]
        spans = [span for span in spans if span.strip()]
        if spans and line.lstrip()[:1] in "\"\u201c\u2018'`*_":
            candidates.extend(spans)
            continue
        end = _SENTENCE_END.search(line)
        phrase = line[: end.start()] if end else line
        if phrase.strip():
            candidates.extend(part for part in re.split(r"\s+(?:and|&)\s+|\s*\+\s*", phrase))
            candidates.append(phrase)
        candidates.extend(spans)
    heading = text.split("\n", 1)[0]
    if ":" in heading and not candidates:  # "Decision Outcome: AWS Lambda function"
        candidates.append(heading.split(":", 1)[1])
    return [c for c in (plain_text(c).strip(" .:*_\"'`") for c in candidates) if c]


def _matching(candidate: str, options: list[Option]) -> list[Option]:
    key = _key(candidate)
    if not key:
        return []
    numbers = [int(n) for n in re.findall(r"\b(\d{1,2})\b", key)]
    number = _NUMBERED.match(candidate.strip())
    ordinal = re.match(r"^(?:the\s+)?(\w+)\s+(?:option|alternative|approach|one)\b", key)
    index = None
    if number:
        index = _index_of(number[1], options)
    elif ordinal and ordinal[1] in _ORDINALS:
        index = _ORDINALS[ordinal[1]]
    explicit = number is not None and re.match(r"(?:option|alternative)\b", key)
    if index is not None and 1 <= index <= len(options) and (_short(key) or explicit):
        return [_numbered(options, index)]
    exact = [o for o in options if key in (_key(o.title), _key(o.short_name))]
    if exact:
        return exact[:1]
    contained = [
        o
        for o in options
        if len(_key(o.short_name)) >= 3
        and (
            re.search(rf"(?<!\w){re.escape(_key(o.short_name))}(?!\w)", key)
            or re.search(rf"(?<!\w){re.escape(key)}(?!\w)", _key(o.title))
        )
    ]
    if contained:
        return sorted(contained, key=lambda o: -len(_key(o.short_name)))[:1]
    close = difflib.get_close_matches(key, [_key(o.short_name) for o in options], n=1, cutoff=0.8)
    if close:
        return [o for o in options if _key(o.short_name) == close[0]][:1]
    # "Use host network if ..." names "Via the host network": every significant word of
    # the option's name is in the phrase, and no other option's are.
    words = set(key.split())
    covered = [
        o for o in options if _significant(o.short_name) and _significant(o.short_name) <= words
    ]
    if len(covered) == 1:
        return covered
    if numbers and len(key.split()) <= 3 and 1 <= numbers[0] <= len(options):
        return [_numbered(options, numbers[0])]
    return _by_words(candidate, options)


def _named_otherwise(outcome: Section, options: list[Option]) -> list[Option]:
    """The option an outcome names without saying "chosen": by its number at the start
    (``(#2) Use htmx``, ``Option 1 - We will``) or once in its first paragraph (``Adopt
    **option 1**``); by a code or bold name only one option has (``We introduce
    `neverthrow```); or, among two or more options, by most of one option's words in its
    first sentence (``Manage the ECR repository as part of the prod account module``)."""
    paragraph = _PLACEHOLDER.sub("", outcome.body.strip().split("\n\n", 1)[0])
    leading = _LEADING_NUMBER.match(paragraph)
    tokens = [next(group for group in leading.groups() if group)] if leading else []
    if not tokens:
        tokens = list(dict.fromkeys(m[1].lower() for m in _OPTION_MENTION.finditer(paragraph)))
    if len(tokens) == 1:
        index = _index_of(tokens[0], options)
        if index is not None and 1 <= index <= len(options):
            return [_numbered(options, index)]
    for match in _CODE_OR_BOLD.finditer(paragraph):
        name = _key(match[1] or match[2])
        having = [
            o for o in options if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", _key(o.title))
        ]
        if len(having) == 1:
            return having
    if len(options) < 2:
        return []
    sentence = re.split(r"(?<=[.!?])\s", plain_text(paragraph), maxsplit=1)[0]
    return _by_words(sentence, options, of_option=True)


def _by_words(candidate: str, options: list[Option], of_option: bool = False) -> list[Option]:
    """The one option whose words the candidate shares, in any order and form ("Rely on
    upstream" for "Rely on whatever mechanism is proposed by upstream Helm Charts",
    "stateles actors" for "Actors are inherently stateless"): most of the candidate's
    words (``of_option``: most of the option's name, at least two words), more than any
    other option; or its first word, when only one option starts with it ("gRPC for the
    first version")."""
    words = _stems(candidate)
    if not words:
        return []
    scored = []
    for option in options:
        own = _stems(option.title)
        if (words & _NEGATIONS) - own:
            continue  # "Out-of-process COA" is not "In-process COA"
        shared = sum(1 for word in words if any(_same_word(word, o) for o in own))
        if of_option:
            name = _stems(option.short_name) or own
            named = sum(1 for word in name if any(_same_word(word, w) for w in words))
            share = named / len(name) if name else 0.0  # an option named "A" or "1"
            scored.append((shared, share >= 0.6 and named >= 2, option))
        else:
            scored.append((shared, shared / len(words) >= 0.6, option))
    scored.sort(key=lambda item: -item[0])
    if scored and scored[0][1] and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return [scored[0][2]]
    if of_option:
        return []
    first = _first_stem(candidate)
    starting = [o for o in options if first and _first_stem(o.title) == first]
    return starting if len(starting) == 1 else []


def _stems(text: str) -> frozenset[str]:
    """The significant words of a text, each without its plural or -ing ending."""
    return frozenset(_stem(word) for word in _key(text).split() if _counts(word))


def _first_stem(text: str) -> str:
    return next((_stem(word) for word in _key(text).split() if _counts(word)), "")


def _counts(word: str) -> bool:
    return len(word) > 1 and not word.isdigit() and word not in _STOP_WORDS


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _same_word(one: str, other: str) -> bool:
    """The same word, or one misspelt ("stateles", "stateless")."""
    if one == other:
        return True
    if min(len(one), len(other)) < 5:
        return False
    return difflib.SequenceMatcher(None, one, other).ratio() >= 0.85


def _index_of(token: str, options: list[Option]) -> int | None:
    if token.isdigit():
        return int(token)
    return ord(token.lower()) - ord("a") + 1


def _numbered(options: list[Option], index: int) -> Option:
    """Option number ``index``: the one whose title says so (``Option 3: ...``), else the
    ``index``-th in the list."""
    for option in options:
        own = _NUMBERED.match(option.title)
        if own and _index_of(own[1], options) == index:
            return option
    return options[index - 1]


def _short(key: str) -> bool:
    return len(key.split()) <= 4


_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "via",
        "with",
        "use",
        "using",
        "we",
        "our",
        "option",
        "alternative",
        "approach",
        "be",
        "do",
        "so",
        "if",
        "are",
        "this",
        "that",
        "will",
    ]
)


def _significant(text: str) -> frozenset[str]:
    return frozenset(
        word for word in _key(text).split() if len(word) > 2 and word not in _STOP_WORDS
    )


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", plain_text(text).lower()).split())
