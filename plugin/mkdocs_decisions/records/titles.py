"""A record's title as people read it, from wherever its file says it.

Teams number their titles in every form (``0001 - Title``, ``2. Title``, ``ADR-0003:
Title``, ``ADR 12 - Title``, ``[ADR-4] Title``, ``A29: Title``), leave template
placeholders (``# Title``, ``# [short title of solved problem]``, ``ADR-nnn``), prefix a
status (``[Superseded by [ADR-19](..)] Title``), and write code spans. The title is
the words: numbering, placeholders and status prefixes go; code spans keep their text.
"""

from __future__ import annotations

import posixpath
import re

from ..catalogue.patterns import lazy_pattern
from .body import CJK_LETTERS, plain_text, without_attributes

# Prefixes that name a record series: an id written without punctuation before the title
# ("ADR-0001 Record decisions") is stripped only for these and the kind's own prefix.
SERIES = frozenset(
    {"ADR", "RFC", "KEP", "TEP", "PEP", "JEP", "OTEP", "EIP", "BIP", "KEEP", "SE", "MADR"}
)
_NUMBER = r"(?:\d{1,18}(?:\.\d+)*|n+|x+|N+|X+|#+)"
# "0001 - Title", "2. Title", "12: Title", "001) Title", "0001 Title" (leading zeros); not
# "2021 roadmap" or "1.5 release notes", whose number is part of the title.
_LEADING_NUMBER = lazy_pattern(
    rf"^(?:{_NUMBER}\s*[.:)|\-\u2013\u2014]+\s+|0\d*\s+|(?:n+|x+|N+|X+)\s+)(?=\S)"
)
# "ADR-0003: Title", "ADR 12 - Title", "A29: Title", "RFC: Title", "KEP-2214: Title"
_SERIES_ID = lazy_pattern(
    rf"^(?P<series>[A-Za-z]{{1,6}})(?:[-_ ]?#|[-_ ])?(?P<number>{_NUMBER})?"
    r"(?P<separator>\s*[:.|\-\u2013\u2014]+\s+|\s+)(?=\S)"
)
# "[ADR-4] Title", "[Superseded by ADR-19] Title", "(RFC 12) Title", and an id that is a
# link: "[KEP-3077](https://...): Title"
_BRACKETED = lazy_pattern(
    r"^[\[(](?P<inside>(?:[^\[\]()]|\[[^\]]*\](?:\([^)]*\))?)*)[\])]"
    r"(?:\([^)\s]*\))?\s*(?:[:|\-\u2013\u2014]+\s+)?(?=\S)"
)
# What a template puts before the title: "Open Data Hub - ODH-ADR-Operator-0009 - Title"
# (the record's id between dashes), "Open Data Hub - Architecture Decision Record: Title"
_INFIX_ID = lazy_pattern(
    r"^.{0,60}?\s[-\u2013\u2014|:]\s+(?:[A-Z][A-Za-z]*-){1,4}\d{1,6}\s*[-\u2013\u2014|:]\s+(?=\S)"
)
# A few words, then the record's own id, then the title: "F# RFC FS-1033 - Title".
_WORDS_THEN_OWN_ID = lazy_pattern(
    r"^(?:\S+\s+){1,3}?[A-Za-z]{1,6}[-_ ]?(?P<number>\d{1,6})(?:\s*[-\u2013\u2014:|]\s+|-)(?=\S)"
)
_INFIX_NOUN = lazy_pattern(
    r"^(?:.{0,60}?\s[-\u2013\u2014|:]\s+)?(?:architecture\s+)?decision\s+record\s*"
    r"(?:#?\d{1,6}\s*)?[-\u2013\u2014|:]\s+(?=\S)",
    re.IGNORECASE,
)
# The record's id written after the title, in the kind's own series: "Record decisions - ADR
# 001" (Docusaurus page titles), "Record decisions (ADR-0001)". Another series' id stays:
# "Support HTTP/2 - RFC 7540" in an ADR names the standard.
_SUFFIX_ID = lazy_pattern(
    r"(?:\s+[-\u2013\u2014|:]\s+|\s*[\[(])(?P<series>[A-Za-z]{1,6})[-_ #]?"
    rf"(?P<number>{_NUMBER})[\])]?\s*$"
)
# A word naming the kind of document before a colon: "Proposal: Title" (Go), "Design
# doc: Title".
_DOCUMENT_NOUN = lazy_pattern(
    r"^(?:proposal|design\s+proposal|design\s+doc(?:ument)?|enhancement\s+proposal|"
    r"request\s+for\s+comments|feature\s+name|(?:[A-Z][\w-]*\s+)?feature\s+proposal|"
    r"[A-Z][\w-]*\s+design\s+proposal(?=\s[-\u2013\u2014]))"  # "Kyverno Design Proposal - X"
    r"(?:[-\s#]*\d{1,6})?\s*(?::|\s[-\u2013\u2014])\s+(?=\S)",
    re.IGNORECASE,
)
# The series named before a title in Chinese, Japanese or Korean: "ADR Close処理の設計"
_SERIES_BEFORE_CJK = lazy_pattern(rf"^(?:ADR|RFC|KEP|PEP)\s+(?=.*[{CJK_LETTERS}])")
# The series named twice: "ADR ADR-061: Title"
_DOUBLED_SERIES = lazy_pattern(
    r"^(?P<series>[A-Za-z]{2,6})\s+(?=(?P=series)[-_ #]?\d)", re.IGNORECASE
)
_STATUS_WORDS = lazy_pattern(
    r"^(superseded|superceded|deprecated|rejected|accepted|proposed|draft|withdrawn|"
    r"obsolete|replaced|retired)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = lazy_pattern(
    r"^(?:title|(?:feature |proposal |rfc |adr )?name|\{.*\}|<.*>|adr[- ]?(?:n+|x+|\d*)|"
    r"rfc[- ]?(?:n+|x+)|"
    r"(?:an? )?(?:short )?title of .*|template|adr template|rfc template|your title here|"
    # MADR's placeholder as teams translated it (French, German, Spanish, Norwegian)
    r"(?:court\s+)?titre\s+d[ue]\s.*|(?:kurzer\s+)?titel\s+de[rs]\s.*|"
    r"t[ií]tulo\s+(?:corto\s+)?del?\s.*|(?:kort\s+)?tittel\s+p[åa]\s.*)$",
    re.IGNORECASE,
)
# What else a template writes in brackets: "[Decision Title]", "[Feature Name]", "[...]".
_BRACKETED_PLACEHOLDER = lazy_pattern(
    r"^(?:(?:[\w-]+\s+){0,2}title|(?:feature|proposal|decision|project)\s+name|name of .*|"
    r"\.\.\.|\u2026|)$",
    re.IGNORECASE,
)
# A title written in brackets: the template's placeholder ("[short title of solved
# problem]") when its words are one, else the title ("[CPython version support]").
_IN_BRACKETS = lazy_pattern(r"^\[([^\[\]]+)\]$|^\(([^()]+)\)$")  # "(Break on errors)" too
# A bracketed label naming the kind of document before the title ("[PT2.1 Feature
# Proposal] SDPA CPU Optimization"); "[WIP] Title" keeps its label.
_DOCUMENT_LABEL = lazy_pattern(r"\b(?:proposal|rfc|adr|design\s+doc(?:ument)?)$", re.IGNORECASE)
# A kind of decision record named by its letters ("[SDR] Title", "[ODR]Title": strategic,
# operational; "[TDR]"): a few capitals that end in DR, as ADR does.
_RECORD_TYPE = lazy_pattern(r"^[A-Z]{1,3}DR$")
# A number and a space before the title ("23 Logging"): numbering when it is the record's
# own number, words of the title otherwise ("2021 roadmap").
_BARE_NUMBER = lazy_pattern(r"^(\d{1,18})\s+(?=\S)")


# The template's "[Project Name]: Failure Modes and ..." with its brackets kept.
_FILLED_BRACKET = lazy_pattern(r"^\[([^\[\]]{1,60})\](?=:\s+\S)")
# The template's "# [NUMBER]. [TITLE]" filled in inside the brackets.
_NUMBERED_BRACKETS = lazy_pattern(r"^\[\d{1,6}\]\s*[.:)\-]?\s*\[([^\[\]]+)\]$")
# A title that is the file's slug, number first: the number goes, the slug stays.
_NUMBERED_SLUG = lazy_pattern(r"^(\d{1,6})-(?=[a-z][a-z0-9]*(?:-[a-z0-9]+)+$)")
# A generator's `# 0004-Title`: zero-padded; not "3-tier", "12-factor", "0-downtime"
_NUMBER_HYPHEN = lazy_pattern(r"^(0\d{1,5})-(?=[^\W\d_])")
# "RFC 2064 - 2020-03-17 - Title", "RFC #2768 - 2020-06-12 - Title", "RFC 2023-05-02 -
# Title", "2020-03-17 - Title": the series and its number (or none), then a day standing
# alone between dashes (or before a space: "RFC #3643 - 2020-09-28 Title"), then the title.
_DATED_NUMBERING = lazy_pattern(
    r"^(?:(?P<series>[A-Za-z]{1,6})\s*(?:#?\s*\d{1,6})?\s*[-\u2013\u2014:]?\s+)?"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s*[-\u2013\u2014:|])?\s+(?=\S)"
)
_DATED_ID = lazy_pattern(r"^[A-Z]{2,6}-\d{4}-\d{2}-\d{2}\s*[:\-\u2013\u2014]\s+(?=\S)")
# "CFP-37315", "ADR-12", "ADR12", "adr 12"; not a word that ends with a version
# ("SamplerV2", "OAuth2", "Python3")
_ONLY_ID = lazy_pattern(r"^(?:[A-Z]{1,8}[-_ ]?\d{1,6}|[A-Za-z]{1,8}[-_ ]\d{1,6})$")


# HTML's inline markup in a heading (`Serving <code>run_exports</code> metadata`): its
# text is the title; other angle brackets stay (`Arc<T>`, `</title><script>`).
_INLINE_TAG = lazy_pattern(
    r"</?(?:code|em|strong|b|i|kbd|sub|sup|span|mark|small|u|s|tt|var|samp)(?:\s[^<>]*)?>",
    re.IGNORECASE,
)


# Issues a title's proposal was discussed in, in parentheses after it: "Title ([#308](..),
# [#262](..))", "Title (#308)". Only issue numbers: "Title (v2)" keeps its words.
_ISSUE = r"(?:\[#\d{1,7}\]\([^)\s]*\)|#\d{1,7})"
_TRAILING_ISSUES = lazy_pattern(rf"\s*\(\s*{_ISSUE}(?:\s*[,;]?\s*{_ISSUE})*\s*\)\s*$")


def without_inline_markup(heading: str) -> str:
    """A heading's text without HTML's inline markup (a front matter's title is text,
    and keeps what it says)."""
    return _INLINE_TAG.sub("", heading)


def clean_title(
    title: str, prefix: str = "", number: int | None = None, series: frozenset[str] = frozenset()
) -> str:
    """The title's words: numbering, a series id, a status prefix, a heading's attribute
    list and Markdown removed.

    ``prefix`` is the kind's id prefix (``ADR``): an id in it is stripped even without
    punctuation after it; so is the record's own ``number`` before the title ("23
    Logging" in ``023-logging.md``). ``series`` are the names the record's place gives
    its series (``FLIP`` for ``docs/flip/``, ``FMA`` for ``fma-x.md``): "FLIP: Title"
    loses it too. The title is returned as it was if nothing would be left.
    """
    title = without_attributes(title)  # "12) Use PSR-4 {#adr_0012}": an anchor, no words
    title = _TRAILING_ISSUES.sub("", title)  # "Title ([#308](..), [#262](..))"
    text = " ".join(title.split())
    enclosed = _IN_BRACKETS.match(text)
    inside = enclosed and (enclosed[1] or enclosed[2])
    if inside and not is_placeholder(inside):
        text = inside.strip()
    text = _TAGGED_TOPIC.sub("", text)  # "[RFC][BXL] Streamed Output in BXL"
    bracketed = _BRACKETED.match(text)  # before links become words: it may hold one
    if bracketed and _is_prefix(bracketed["inside"], prefix):
        text = text[bracketed.end() :]
    filled = _FILLED_BRACKET.match(text)  # "[Operator Fee]: Failure Modes and ...": filled in
    if filled and _BRACKETED_PLACEHOLDER.match(filled[1].strip()):
        return f"[{filled[1]}]"  # "[Project Name]: ...": the template's, as left
    if filled:
        text = f"{filled[1].strip()}{text[filled.end(1) + 1 :]}"
    text = plain_text(text, tags=True).strip()
    original = plain_text(title, tags=True).strip()
    for _ in range(3):  # "[ADR-4] 0004 - Title"
        before = text
        doubled = _DOUBLED_SERIES.match(text) or _SERIES_BEFORE_CJK.match(text)
        if doubled:
            text = text[doubled.end() :]
        bracketed = _BRACKETED.match(text)
        if bracketed and _is_prefix(bracketed["inside"], prefix):
            text = text[bracketed.end() :]
        text = _DOCUMENT_TAG.sub("", text)  # "[RFC] Title", "Title [RFC]", "Title RFC"
        dated = _dated_numbering(text, prefix)
        if dated:
            text = text[dated.end() :]
        named = _SERIES_ID.match(text)
        if named and (_strips(named, prefix) or _placed(named, prefix, series, text)):
            text = text[named.end() :]
        leading = _LEADING_NUMBER.match(text)
        if leading:
            text = text[leading.end() :]
        dated = _DATED_ID.match(text)  # "CFP-2024-06-12: Title": an id made of a date
        if dated:
            text = text[dated.end() :]
        numbered = _NUMBERED_BRACKETS.match(text)  # "[0010]. [FHIRPath Python Module]"
        if numbered:
            text = numbered[1]
        # "009-greenhouse-helm-controller-ng", "0004-Use X" (a generator's `# 0004-Заголовок`)
        slug = _NUMBERED_SLUG.match(text) or _NUMBER_HYPHEN.match(text)
        if slug and (slug[1].startswith("0") or int(slug[1]) == number):
            text = text[slug.end() :]
        bare = _BARE_NUMBER.match(text)
        if bare and number is not None and int(bare[1]) == number:
            text = text[bare.end() :]
        infix = _INFIX_ID.match(text) or _INFIX_NOUN.match(text) or _DOCUMENT_NOUN.match(text)
        if infix:
            text = text[infix.end() :]
        own = _WORDS_THEN_OWN_ID.match(text)  # "F# RFC FS-1033 - Title": its own id
        if own and number is not None and int(own["number"]) == number:
            text = text[own.end() :]
        suffix = _SUFFIX_ID.search(text)
        if suffix and prefix and suffix["series"].upper() == prefix.upper() and suffix.start():
            text = text[: suffix.start()]
        text = text.strip()
        quoted = re.fullmatch(r"(['\"\u2018\u201c])(.+)['\"\u2019\u201d]", text)
        if quoted:  # "Feature Name: 'quick_start_book'"
            text = quoted[2].strip()
        if text == before:
            break
    if text and is_placeholder(text):
        return text  # "CFP-003: Template": the template's title, as the caller can tell
    return text if text else original


# The document's tag with a topic tag joined to it (buck2's "[RFC][BXL] Title"): both go.
_TAGGED_TOPIC = lazy_pattern(
    r"^\[(?:rfc|rr|adr|proposal)\](?:\[[^\[\]\s]{1,12}\])+\s*(?=\S)", re.IGNORECASE
)
# What a team writes around a title to say what the document is (Flyte: "[RR] Typing
# Metadata", "[RFC Template] Title", "Out of Core Plugin [RFC]", "Config Overrides RFC").
_DOCUMENT_TAG = lazy_pattern(
    r"^\[(?:rfc|rr|adr|proposal|rfc template|template)\]\s*"
    r"|\s*\[(?:rfc|rr|adr|proposal)\]$|(?<=\w)\s+rfc$",
    re.IGNORECASE,
)


def _dated_numbering(text: str, prefix: str) -> re.Match[str] | None:
    """The numbering and the day before a title (``RFC 2064 - 2020-03-17 - ``), when what
    names the series is one (``RFC``, the kind's prefix, or a word in capitals)."""
    dated = _DATED_NUMBERING.match(text)
    if dated is None:
        return None
    series = dated["series"]
    return dated if not series or _is_series(series, prefix) or series.isupper() else None


def numbering_date(title: str, prefix: str = "") -> str:
    """The day a title heading writes with its numbering (``RFC 2064 - 2020-03-17 -
    Title`` gives ``2020-03-17``), as written; "" when it writes none."""
    dated = _dated_numbering(" ".join(plain_text(title).split()), prefix)
    return dated["date"] if dated else ""


def title_key(title: str) -> str:
    """A title compared without case, punctuation, dashes and Markdown: "Neat-enhancement-
    idea" and "# Neat Enhancement Idea" are one."""
    return " ".join(re.sub(r"[\W_]+", " ", plain_text(title).lower()).split())


def is_only_id(title: str) -> bool:
    """A title that is only the record's id (``# CFP-37315``, ``# ADR-12``): it names no
    decision, so the file name says more."""
    return bool(_ONLY_ID.match(plain_text(title).strip()))


def is_placeholder(title: str) -> bool:
    """A template's title left as it was (``Title``, ``{title}``, ``ADR-nnn``,
    ``[short title of solved problem]``)."""
    text = plain_text(title).strip(" :.-")
    enclosed = _IN_BRACKETS.match(text)
    if enclosed:
        inside = (enclosed[1] or enclosed[2]).strip(" :-")
        return bool(_PLACEHOLDER.match(inside) or _BRACKETED_PLACEHOLDER.match(inside))
    return bool(_PLACEHOLDER.match(text))


def title_from_file_name(path: str) -> str:
    """``0007-use-raw-Arc-pointers.md`` is "Use raw Arc pointers": the first letter made
    upper case, the rest as the file name has it."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    stem = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}[-_ ]*", "", stem)  # a date first (2021-06-05_001-x)
    # the series' letters, a day and a number: "rfc-net-20211026-1-flexmatch"
    stem = re.sub(r"^(?:[A-Za-z]{1,8}[-_]){1,2}(?:19|20)\d{6}[-_]\d{1,3}[-_]+(?=\S)", "", stem)
    # "0007-", "ADR0007-", "adr-7-": a number first; not "utf8-" in "utf8-migration"
    stem = re.sub(r"^(?:[A-Za-z]{1,6}[-_]\d+|[A-Za-z]{1,6}\d{2,}|\d+)[-_ .]*", "", stem)
    stem = re.sub(r"^[A-Za-z]{1,6}[-_](?:TODO|TBD|X+|N+)[-_ .]+", "", stem)  # "CFP-TODO-x"
    words = " ".join(stem.replace("-", " ").replace("_", " ").split())
    if not words:  # "eep-0004.md": its id is all its name says
        whole = posixpath.splitext(posixpath.basename(path))[0]
        return " ".join(whole.replace("-", " ").replace("_", " ").split()).upper() or whole
    return words[:1].upper() + words[1:]


def _is_prefix(inside: str, prefix: str) -> bool:
    """Whether a bracketed start is an id or a status (``[ADR-4]``, ``[Superseded by
    [ADR-19](x.md)]``), not words of the title (``[WIP] ...`` stays)."""
    inside = plain_text(inside).strip()
    if _STATUS_WORDS.match(inside) or _DOCUMENT_LABEL.search(inside):
        return True
    if _RECORD_TYPE.match(inside):
        return True  # "[SDR] Title": the kind of record it is
    series = _SERIES_ID.match(inside + " x")
    if series and not series["number"] and series.end() == len(inside) + 1:
        return _is_series(series["series"], prefix)  # "[RFC] Title", "[ADR] Title"
    return bool(series and series["number"] and _strips(series, prefix))


def _placed(match: re.Match[str], prefix: str, series: frozenset[str], text: str) -> bool:
    """Whether a series name alone starts the title: one the record's place names, in
    capitals and with a colon ("FLIP: Axis metadata" in ``docs/flip/``); or the kind's
    own, in capitals, before a title of two words or more that starts with one ("RFC
    Vclock implementation design")."""
    name, rest = match["series"].upper(), text[match.end() :]
    if match["number"]:
        return False
    if name in series and match["series"].isupper() and match["separator"].strip() == ":":
        return True  # in capitals, as a series is: "VyLog: ups and downs" keeps its name
    words = rest.split()
    return (
        bool(prefix)
        and name == prefix.upper()
        and match["series"].isupper()  # "Keep a changelog" keeps its first word
        and not match["separator"].strip()
        and len(words) >= 2
        and rest[:1].isupper()
    )


def _is_series(series: str, prefix: str) -> bool:
    """Whether a word names a record series: a known one, or the kind's own prefix."""
    return series.upper() in SERIES or bool(prefix and series.upper() == prefix.upper())


def _strips(match: re.Match[str], prefix: str) -> bool:
    series = match["series"]
    known = series.upper() in SERIES or (prefix and series.upper() == prefix.upper())
    punctuated = bool(match["separator"].strip())
    number = match["number"] or ""
    glued = match[0][len(series) : len(series) + 1] not in ("-", "_", " ", "#")
    if number and number[0] in "nNxX" and glued and len(number) < 3:
        return False  # "SPEEDEX - Configuration": the word's last letter, no placeholder
    if number:
        # "A29: Title", "L126 - Title": a letter and a number, then punctuation.
        return bool(known or (series.isupper() and punctuated))
    # "RFC: Title" (a series name alone, with punctuation)
    return bool(known and punctuated)


# A collection's name before every title ("Open Data Hub - Operator Scope"): the words up
# to the first " - " or ": ".
_PREFIX = lazy_pattern(r"^(?P<prefix>[^:\-\u2013\u2014]{2,60}?(?:\s[-\u2013\u2014]|:)\s+)(?=\S)")
SHARED_PREFIX_MINIMUM = 4  # records of a folder that must share the prefix
SHARED_PREFIX_SHARE = 0.5  # and more than this share of its titles


def shared_prefix(titles: list[str]) -> str:
    """The prefix that most titles of a folder start with, as a team's template writes
    its collection's name before the title ("Open Data Hub - "): shared by at least four
    titles and more than half of them, and the only prefix that several share; where
    two prefixes recur ("Frontend: ", "Backend: ") they are categories, and stay. ""
    when there is none."""
    counts: dict[str, int] = {}
    for title in titles:
        match = _PREFIX.match(title)
        if match:
            counts[match["prefix"]] = counts.get(match["prefix"], 0) + 1
    if not counts:
        return ""
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    prefix, count = ranked[0]
    if count < SHARED_PREFIX_MINIMUM or count <= SHARED_PREFIX_SHARE * len(titles):
        return ""
    if len(ranked) > 1 and ranked[1][1] >= 2:
        return ""
    return prefix
