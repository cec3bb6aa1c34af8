"""Metadata that teams keep in a record's Markdown body, read like front matter.

Records written without front matter say their status, date and people in the body,
in one of a few shapes, all found in real collections:

- list items or plain lines near the title: ``* Status: accepted``, ``- **Date:**
  2021-05-12``, ``Status: **Implemented (Swift 5.5)**``, ``Date 2023-09-26``;
- a two-column table at the top: ``| Status | Implemented |`` (also inside a quote);
- a top-level section: ``## Status`` with the status on its first line (Nygard,
  adr-tools), ``## Date``.

Each value keeps the line and column it was written at, so findings point at it. The
lines that only repeat what the page header shows are collected in ``hidden_lines``:
the page leaves them out, the file keeps them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from ..catalogue.findings import Finding, Position, Severity
from ..catalogue.patterns import lazy_pattern
from ..catalogue.rules import finding
from .body import CJK_LETTERS, outside_fences, plain_text, section_key
from .kinds import TRANSLATED_STATUSES
from .model import Field, Section
from .titles import is_placeholder

# Labels as teams write them (normalised: plain text, lower case, no colon) -> our field.
LABELS: dict[str, str] = {
    "status": "status",
    "state": "status",
    "current status": "status",
    "decision status": "status",
    "adr status": "status",
    "rfc status": "status",
    "date": "date",
    "decision date": "date",
    "date of decision": "date",
    "decided": "date",
    "decided on": "date",
    "accepted on": "date",
    # Konflux: "Date Documented: 2023-02-09" then "Date Accepted: 2023-02-14"
    "date accepted": "date",
    "date approved": "date",
    "date decided": "date",
    "date documented": "date",
    "date started": "date",
    "date proposed": "date",
    # a lifecycle's dates kept as keys (SCS's `stabilized_at:`); `deprecated_at` is when
    # the record stopped holding, not when it was decided, and is not read as the date
    "accepted at": "date",
    "approved at": "date",
    "approved on": "date",
    "stabilized at": "date",
    "stabilised at": "date",
    "created": "date",
    "created on": "date",
    "created at": "date",  # Optimism's design docs: `| Created at | 2024-05-13 |`
    "resolved": "date",  # napari's NAPs: `:Resolved: 2022-07-14`, the day it was decided
    "date created": "date",
    "creation date": "date",
    "date creation": "date",  # SunPy's SEPs: `| date-creation | 2014-04-22 |`
    "date updated": "date",  # and `| date-updated | 2023-05-11 |`, the last edit
    "start date": "date",
    "start-date": "date",
    "proposed": "date",
    "proposed on": "date",
    "proposal date": "date",  # "Proposal Date: 2024-05-23", when it was proposed
    # rke2's template: "## Established" over "the date when the decision is considered
    # final", and "## Revisit by" over the date to look at it again
    "established": "date",
    "revisit by": "review_by",
    "introduced": "date",
    "last updated": "date",
    "last update": "date",
    "last modified": "date",
    "updated": "date",
    "date issued": "date",
    "issued": "date",
    "date of issue": "date",
    "deciders": "deciders",
    "decider": "deciders",
    "decider(s)": "deciders",
    "decision makers": "deciders",
    "decision maker": "deciders",
    "decision owners": "deciders",
    "decision owner": "deciders",
    "decision-makers": "deciders",
    "decided by": "deciders",
    "approvers": "deciders",
    "approver": "deciders",
    "approver(s)": "deciders",
    "approved by": "deciders",
    "authors": "authors",
    "author": "authors",
    "author(s)": "authors",
    "authored by": "authors",
    "by": "authors",  # Scala's "**By: Martin Odersky and Lukas Rytz**"
    "proposed by": "authors",
    "proposer": "authors",
    "proposers": "authors",
    "reviewers": "reviewers",
    "reviewer": "reviewers",
    "reviewer(s)": "reviewers",
    # the next review of the decision, when written as a date ("**Review:** 2026-03-26")
    "review": "review_by",
    "review by": "review_by",
    "review date": "review_by",
    "next review": "review_by",
    "next review date": "review_by",
    "consulted": "consulted",
    "informed": "informed",
    "tags": "tags",
    "tag": "tags",
    "title": "title",
    "feature name": "title",  # a title where it is prose (RubyGems, Pony), not an identifier
    "superseded by": "superseded_by",
    "superceded by": "superseded_by",
    "replaced by": "superseded_by",  # PEP-style headers: "Replaced-By: EEP-0068"
    "replaced-by": "superseded_by",
    "superseded-by": "superseded_by",
    "supersedes": "supersedes",
    "supercedes": "supersedes",
    "replaces": "supersedes",
    "implementation status": "status",  # Prometheus: "* **Implementation Status:** ..."
    "implementation": "status",  # and "* **Implementation:** Implemented"
    "owners": "authors",
    "owner": "authors",
    "owner(s)": "authors",
}
# The same labels in the languages teams write records in (MADR and Nygard templates are
# translated): French, Spanish, Portuguese, Italian, German, Dutch, the Scandinavian
# languages.
LABELS.update(
    {
        "statut": "status",
        "état": "status",
        "estado": "status",
        "stato": "status",
        "datum": "date",
        "dato": "date",
        "fecha": "date",
        "date de décision": "date",
        "fecha de decisión": "date",
        "décideurs": "deciders",
        "decideurs": "deciders",
        "décisionnaires": "deciders",
        "decisores": "deciders",
        "entscheider": "deciders",
        "entscheidungsverantwortliche": "deciders",
        "entschieden durch": "deciders",
        "entschieden von": "deciders",
        "entscheidungsdatum": "date",
        "entschieden am": "date",
        "beschlossen am": "date",
        "besluitdatum": "date",
        "beslutsdatum": "date",
        "beslutningsdato": "date",
        "date de la décision": "date",
        "décidé par": "deciders",
        "decidido por": "deciders",
        "beslutningstakere": "deciders",
        "beslutningstagere": "deciders",
        "auteur": "authors",
        "auteurs": "authors",
        "autor": "authors",
        "autores": "authors",
        "autoren": "authors",
        "forfatter": "authors",
        "forfattere": "authors",
        "consultés": "consulted",
        "informés": "informed",
        "titre": "title",
        "titel": "title",
        "título": "title",
        "data": "date",  # Portuguese, Italian
        "situação": "status",
        # Chinese, Japanese and Korean templates
        "状态": "status",
        "狀態": "status",
        "状態": "status",
        "ステータス": "status",
        "상태": "status",
        "日期": "date",
        "日付": "date",
        "날짜": "date",
        "决策者": "deciders",
        "決定者": "deciders",
        "作者": "authors",
        "作成者": "authors",
        "提交作者": "authors",
        "提交时间": "date",
        "创建时间": "date",
        "创建日期": "date",
        "决策日期": "date",
        # Russian, Ukrainian, Polish and Turkish templates
        "статус": "status",
        "состояние": "status",
        "стан": "status",
        "дата": "date",
        "дата решения": "date",
        "дата принятия решения": "date",
        "дата рішення": "date",
        "дата создания": "date",
        "дата створення": "date",
        "автор": "authors",
        "авторы": "authors",
        "автори": "authors",
        "autorzy": "authors",
        "autore": "authors",
        "autori": "authors",
        "durum": "status",
        "tarih": "date",
        "название": "title",
        "назва": "title",
        "tytuł": "title",
        "titolo": "title",
    }
)
# Labels of RFC processes for the day a design was proposed: the date an RFC states.
LABELS.update(
    {
        "begin design discussion": "date",
        "design discussion began": "date",
        "submitted": "date",
        "submitted on": "date",
        "date submitted": "date",
        "opened": "date",
    }
)
# When a record states several dates, the decision date wins over a creation or start
# date, and both over the date of the last edit.
_DATE_RANK = {
    "last updated": 3,
    "last update": 3,
    "last modified": 3,
    "updated": 3,
    "date updated": 3,
    "created": 2,
    "created on": 2,
    "date creation": 2,
    "created at": 2,
    "date documented": 2,
    "date started": 2,
    "date proposed": 2,
    "date created": 2,
    "creation date": 2,
    "start date": 2,
    "start-date": 2,
    "introduced": 2,
    "begin design discussion": 2,
    "design discussion began": 2,
    "submitted": 2,
    "submitted on": 2,
    "date submitted": 2,
    "opened": 2,
    "提交时间": 2,
    "创建时间": 2,
    "创建日期": 2,
    "дата создания": 2,
    "дата створення": 2,
    "proposed": 2,
    "proposed on": 2,
    "proposal date": 2,
}
NAME_FIELDS = ("deciders", "authors", "reviewers", "consulted", "informed")
# Sections whose first line is a value, when they are top-level sections of the record.
_VALUE_SECTIONS = {
    "status": "status",
    "date": "date",
    "deciders": "deciders",
    "decision date": "date",  # "## Decision Date" over "15/12/22" (CDDO)
    "date of decision": "date",
    "creation date": "date",
    "date created": "date",
    "established": "date",  # "## Established" over "2026-04-06"
    "revisit by": "review_by",
    "authors": "authors",
    "author": "authors",
    # the same sections in the team's language: French, Spanish and Portuguese, Italian
    "statut": "status",
    "état": "status",
    "estado": "status",
    "stato": "status",
    "fecha": "date",
    "datum": "date",  # German and Dutch: "## Datum" over "2023-05-02"
    "dato": "date",
    "entscheidungsdatum": "date",
    # Chinese, Japanese and Korean
    "状态": "status",
    "狀態": "status",
    "状態": "status",
    "ステータス": "status",
    "상태": "status",
    # Russian, Ukrainian and Turkish
    "статус": "status",
    "дата": "date",
    "дата создания": "date",
    "дата принятия решения": "date",
    "авторы": "authors",
    "автор": "authors",
    "durum": "status",
    "tarih": "date",
}
VALUE_SECTIONS = frozenset(_VALUE_SECTIONS)

_COMMENT = lazy_pattern(r"<!--.*?-->", re.DOTALL)
_NOTHING = lazy_pattern(
    r"^(?:n/?a|none|nil|null|-+|\u2014|tbd|tba|todo|\?+|\.\.\.|\u2026|\[\s*\]|\(\s*\)|"
    r"\((?:leave|fill|to be)\b[^\d)]*\))?\.?$",
    re.IGNORECASE,
)
_QUOTE = lazy_pattern(r"^\s*(?:>\s?)+")
_DATE_AFTER_WORD = lazy_pattern(r"^[\s(\[,:-]*(?:[^\W\d_]+\s*:\s*)?")
_TASK = lazy_pattern(r"^\s*[*+-]\s+\[(?P<box>[ xX])\]\s+(?P<text>\S.*)$")
_ITEM_MARK = lazy_pattern(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")
# "Status: x", "**Status:** x", "**Status**: x", "__Date__: x", "*Date*: x"
_LABELLED = lazy_pattern(
    r"^(?P<open>\*\*|__|\*|_)?\s*(?P<label>[^\W\d_](?:[^\W\d_]|[()/ -]){0,30}?)\s*"
    r"(?:(?P<c1>:)\s*(?P=open)|(?P=open)\s*(?P<c2>:))\s*(?P<value>.*)$"
)
_LABEL_ONLY = lazy_pattern(r"^(?P<label>[^\W\d_](?:[^\W\d_]|[()/ -]){0,30}?)\s*:\s*(?P<value>.*)$")
_BOLD_LABEL = lazy_pattern(r"^\*\*(?P<label>[^*:]{2,30}?)(?::\*\*|\*\*\s*:)\s*\S")
_DATE_WITHOUT_COLON = lazy_pattern(
    r"^(?P<label>date|introduced|created|updated|last updated|submitted)\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)
_TABLE_ROW = lazy_pattern(r"^\s*\|?(.*?)\|?\s*$")
_TABLE_RULE = lazy_pattern(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TABLE_HEADERS = {"metadata", "value", "key", "field", "property", "attribute", "name", ""}
_LINK = lazy_pattern(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_REF_LINK = lazy_pattern(r"\[([^\]]*)\]\[[^\]]*\]")
_PLACEHOLDER = lazy_pattern(r"^[\[{(<].*[|,].*[\]})>]$|^\{.*\}$|\|")
# One word in brackets or braces ("[Accepted]", "{Draft}") is a word, not a placeholder,
# unless it is the template's own name for the value ("{status}").
_ENCLOSED = lazy_pattern(r"^[\[{(<]\s*([^\[\]{}()<>|,]+?)\s*[\]})>]$")
# The template's word chosen in brackets, then a remark: "[Accepted] - But needs to be
# re-written", "[Accepted] (2021)", "[Accepted], with changes".
_ENCLOSED_FIRST = lazy_pattern(r"^\[\s*([^\[\]{}()<>|,]+?)\s*\](?=\s*(?:[-\u2013\u2014:,;(]|$))")
_TEMPLATE_WORDS = frozenset({"status", "state", "value", "title", "date", "...", "\u2026"})
_ID_IN_TEXT = lazy_pattern(r"\b([A-Z][A-Za-z]{0,9})[-_ ]?(\d{1,6})\b")
# A successor named by its number alone: "Superseded (by 0013)", "Superseded by #12".
_NUMBER_IN_TEXT = lazy_pattern(
    r"^\W*(?P<by>by\s+)?(?:#(\d{1,6})|(\d{2,6}))\b(?![-/.]\d)", re.IGNORECASE
)
_NAMED_RECORD = lazy_pattern(r"[\w./-]+\.(?:md|markdown)|#?\d{1,6}|[A-Za-z]{1,10}[-_ ]?\d{1,6}")
# A status badge's picture: ``[![Generic badge](https://badgen.net/badge/ADR/approved/green/)]``
_BADGE = lazy_pattern(
    r"!\[[^\]]*\]\(\s*<?https?://(?P<host>badgen\.net|img\.shields\.io)/(?:static/v1|badge)/?"
    r"(?P<path>[^)\s?>]*)(?:\?(?:[^)\s>]*&)?message=(?P<message>[^)&\s>]+))?[^)]*\)",
    re.IGNORECASE,
)
# Signs before a status word: "✅ Accepted", "⌛️ Superseded", "🤔 Proposed".
_SYMBOLS = lazy_pattern(r"^[^\w\[({<\"'`*]+")
# A status written as a sentence about the record: "this proposal was adopted ...".
_STATUS_SENTENCE = lazy_pattern(
    r"^this\s+(?:rfc|adr|tep|kep|jep|keep|proposal|document|record|decision|design|"
    r"enhancement)\s+(?:has\s+been|had\s+been|was|is|has)\s+(?:now\s+|since\s+|been\s+|an?\s+)*"
    r"(?=[\[(*_]*[^\W\d_])",
    re.IGNORECASE,
)
_STATUS_WORDS = (
    "proposed|accepted|adopted|rejected|deprecated|superseded|draft|withdrawn|implemented|"
    "approved|final|stable|experimental|declined|deferred|postponed|obsolete|retired"
)
_STATUS_WORD = lazy_pattern(rf"\b({_STATUS_WORDS})\b", re.IGNORECASE)
# A sentence that says what became of the record, as Rust RFCs, TEPs and others note it.
_STATUS_NOTE = lazy_pattern(
    r"\bthis\s+(?:rfc|adr|tep|kep|jep|keep|proposal|document|record|decision|design|"
    r"enhancement)\s+(?P<aux>has|had|was|is|have)\s+(?:been\s+)?"
    r"(?:(?:previously|originally)\s+(?:approved|accepted|merged),?\s+but\s+)?"
    r"(?P<part>(?:part\s+of\s+it|partially|partly|mostly|largely)\s+)?"
    r"(?:(?:later|since|now|been|then|subsequently)\s+)*"
    r"(?P<part2>(?:partially|partly|mostly|largely)\s+)?(?:been\s+)?(?:marked\s+as\s+)?"
    r"(?P<word>superseded|superceded|withdrawn|rejected|deprecated|replaced|abandoned|"
    r"postponed|deferred|declined)\b",
    re.IGNORECASE,
)

_SUPERSEDES_NOTE = lazy_pattern(
    r"\bthis\s+(?:rfc|adr|tep|kep|jep|keep|proposal|document|record|decision|design|"
    r"enhancement)\s+(?:has|have|had)\s+(?P<word>superseded|superceded|replaced)\b",
    re.IGNORECASE,
)


def status_note(text: str) -> re.Match[str] | None:
    """The first sentence in ``text`` that says what became of the record ("this RFC has
    been superseded"); "this RFC has superseded [X]" says what it did to another."""
    for note in _STATUS_NOTE.finditer(text):
        active = note["aux"].lower() in ("has", "had", "have") and not re.search(
            r"\bbeen\b", note[0], re.IGNORECASE
        )
        if not active:
            return note
    return None


_REF_LINK_NAMES = lazy_pattern(r"\[([^\]]+)\]\[([^\]]*)\]")
_LINK_DEFINITION = lazy_pattern(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
_NOTE_SECTIONS = frozenset({"note", "notes", "note before", "history", "update", "updates"})
# A first section whose heading is only a status word says what became of the record.
_STATUS_HEADINGS = frozenset(
    {
        "superseded",
        "superceded",
        "replaced",
        "deprecated",
        "withdrawn",
        "rejected",
        "abandoned",
        "dropped",
        "obsolete",
        "postponed",
        "deferred",
    }
)
_NOTE_LABEL = lazy_pattern(r"^(?:note|update)\b", re.IGNORECASE)
_SUPERSEDED = lazy_pattern(r"^(superseded|superceded|replaced)\b(\s+by\b)?", re.IGNORECASE)
# Where a status word ends: punctuation, a dash between spaces, or a word that starts
# what is said about it ("Accepted in [#1811]", "Stable since 1.3", "Reverted by ...").
_STATUS_END = lazy_pattern(
    # "/24.0" (the release after the word), " / Not Implemented" (a second word for it:
    # the first holds; three words or more between slashes are the template's choices)
    r"\s*(?:[(\[{,;:!?]|/(?=\S*\d)|\s/\s|\.(?:\s|$)|\s(?:[-\u2013\u2014]|-{2,3})\s|"
    r"\s(?:in(?!\s+progress\b)|by|since|until|from|as of|at|"
    r"per|via|with|after|before|on|but|though|although|except|however|"
    # the same in the other languages whose words the lifecycles know ("Godkendt på
    # styregruppemødet", "Angenommen am 3. Mai", "Accepté le 3 mai", "Aceito em ...")
    r"på|af|av|ved|i(?=\s+[^\W\d_]{2})|am|im|seit|durch|von|bei|le|par|depuis|dans|en|el|por|desde|em|op|"
    r"door|sinds|il|dal|nel)(?:\s|$))",
    re.IGNORECASE,
)
_RELATION_LINE = lazy_pattern(
    r"^(?P<label>superseded by|superceded by|supersedes|supercedes|replaced by|replaces|"
    r"amended by|amends|extended by|extends|refined by|refines|related to|relates to|"
    r"see also|clarified by|clarifies)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# Relation labels that say no more than the header's *Related* row ("Relates to [ADR
# 12](..)" in a Status section).
_RELATED_LABELS = frozenset({"related to", "relates to", "see also"})
_RELATIONS = {
    "superseded by": "superseded_by",
    "superceded by": "superseded_by",
    "replaced by": "superseded_by",
    "supersedes": "supersedes",
    "supercedes": "supersedes",
    "replaces": "supersedes",
}

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# The months in the other languages the lifecycles know (German, French, Spanish,
# Portuguese, Italian, Dutch, the Scandinavian languages): "27. Februar 2026".
MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            (
                "januar janvier enero janeiro gennaio januari janv",
                "februar février fevrier febrero fevereiro febbraio februari févr",
                "märz maerz mars marzo março maart marts",
                "avril abril aprile",
                "mai mayo maio maggio mei maj",
                "juni juin junio junho giugno",
                "juli juillet julio julho luglio juil",
                "août aout agosto augustus augusti",
                "septembre septiembre setembro settembre",
                "oktober octobre octubre outubro ottobre",
                "novembre noviembre novembro",
                "dezember décembre decembre diciembre dezembro dicembre",
            ),
            start=1,
        )
        for name in names.split()
    }
)
_ISO = lazy_pattern(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_YMD = lazy_pattern(r"(?<!\d)(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")
_DMY = lazy_pattern(r"(?<!\d)(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)")
_COMPACT = lazy_pattern(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# "27 July 2022", "1st of June 2023", "27. Februar 2026", "3 de mayo de 2024"
_DAY_MONTH_YEAR = lazy_pattern(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?[\s-]+(?:of\s+|de\s+)?([^\W\d_]{3,10})\.?,?[\s-]+"
    r"(?:de\s+)?(\d{4}(?!\d)|\d{2}(?![\d:]))"
)
# A line that is only a date ("27 July 2022", "[2022-10-05]"): what is left once the
# date's own words are taken out.
_DATE_WORDS = lazy_pattern(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+|[\s,./-]+")
_CJK_DATE = lazy_pattern(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_YEAR_MONTH_DAY = lazy_pattern(r"(?<!\d)(\d{4})[\s/-]+([^\W\d_]{3,10})\.?[\s/-]+(\d{1,2})(?!\d)")
_MONTH_DAY_YEAR = lazy_pattern(
    r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})(?!\d)"
)


@dataclass(frozen=True)
class Relation:
    """A link between records written in the body: ``Superseded by [ADR-9](0009-x.md)``."""

    relation: str  # supersedes | superseded_by | related
    target: str  # the link's target, or an id written as text
    position: Position


@dataclass
class BodyMetadata:
    """What a record's body says about it, and where."""

    fields: dict[str, Field] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    style: str = ""  # where its status is written: "list", "table", "section", "tags" or ""
    layout: str = ""  # where its other metadata is written, when it states no status
    hidden_lines: set[int] = field(default_factory=set)  # file lines the header repeats
    anchor_lines: set[int] = field(default_factory=set)  # MyST's "(label)=", never shown
    status_by_implementation: bool = False  # the status is an "Implementation:" line's
    # Labels whose values are the template's placeholders (`* Title: <TAP title>`,
    # `* Status: <Draft | Active | Accepted>`): a template, when title and status are.
    placeholders: set[str] = field(default_factory=set)
    # The title is a `- Feature Name:` in words: the record's title heading, when it has
    # one, says it in full ("Product Tour" under "# Amundsen Product Tour and ...").
    title_is_feature_name: bool = False
    # The status is the first words of a Status section's sentence ("Root patches, pulls
    # and issues have a Status that ..."): a status only when the kind knows the word.
    status_in_sentence: bool = False
    findings: list[Finding] = field(default_factory=list)
    # A decision date written so that it cannot be read: said when no other date is read.
    unread_date: list[Finding] = field(default_factory=list)
    date_order: str = ""  # of the date read, when written with the year last (date_order)
    _date_rank: int = 99

    @property
    def date_is_last_edit(self) -> bool:
        """Whether the date read is the day of the record's last edit (``Last Modified``)."""
        return self._date_rank >= _LAST_EDIT_RANK and "date" in self.fields


_LAST_EDIT_RANK = 3


def date_rank(label: str) -> int:
    """How much a date written under this label says about the decision: 0 for a decision
    date, 2 for a creation or start date, 3 for the date of the last edit (lower wins)."""
    return _DATE_RANK.get(label, 0)


def read_body_metadata(
    lines: list[str],
    first_line: int,
    region_end: int,
    sections: tuple[Section, ...],
    path: str,
    skip: int | None = None,
    title_end: int | None = None,
) -> BodyMetadata:
    """Metadata from the top of a body (its lines up to ``region_end``, the first section
    heading; ``skip`` is the title's line index, ``title_end`` the index of the line after
    the title's last) and from its top-level value sections.

    ``lines`` are the body's lines, the first of which is file line ``first_line``.
    """
    found = BodyMetadata()
    header = fenced_header(lines)
    if header is not None:
        _read_fenced_header(header, lines, first_line, path, found)
    title_lines = range(skip, max(title_end or 0, skip + 1)) if skip is not None else range(0)
    region = [
        (index, line)
        for index, line in outside_comments(outside_fences(lines[:region_end]))
        if index not in title_lines and line.strip()
    ]
    # "(nap2)=" above the title or a heading: MyST's anchor, which MkDocs shows as text
    if any(")=" in line for line in lines):
        found.anchor_lines = {
            first_line + i for i, line in outside_fences(lines) if MYST_TARGET.match(line)
        }
        found.hidden_lines.update(found.anchor_lines)
    _read_tables(region, first_line, path, found)
    _read_html_table(region, first_line, path, found)
    _read_lines(region, lines, first_line, path, found)
    if title_lines:
        _read_tag_line(region, title_lines.stop, first_line, path, found)
    for section in sections[:2]:
        if header is not None and section.line <= first_line + header.fence <= section.end_line:
            continue  # its header block is read already
        if section.key in _METADATA_SECTIONS:  # "## Meta", "## Metadata": a list of labels
            own = [
                (section.line - first_line + 1 + offset, line)
                for offset, line in enumerate(section.body.split("\n"))
                if line.strip()
            ]
            _read_tables(own, first_line, path, found)
            _read_lines(own, lines, first_line, path, found)
            _read_meta_name(own, lines, first_line, found)
    if not {"status", "date"} & found.fields.keys() and sections:
        # Nothing above the first section: the labels that open it are the metadata
        _read_lines(_labels_opening(sections[0], first_line), lines, first_line, path, found)
    if "date" not in found.fields and sections:
        _read_lines(
            _dates_in_first_section(sections[0], first_line), lines, first_line, path, found
        )
    # A record that writes some of its sections as level-1 headings ("# Background" below
    # the title) holds its "## Status" under one: a second level, not a nested section.
    under_first_level = [child for s in sections if s.level == 1 for child in s.children]
    for section in [*sections, *under_first_level]:
        target = _VALUE_SECTIONS.get(section.key)
        if target is not None:
            _read_value_section(section, target, path, found)
    # "# Status: accepted", "## Date: 2024-05-01": a heading that is a label and its value
    headed = [
        (section.line - first_line, section.title)
        for section in sections
        if _label_heading(section.title)
    ]
    if headed:
        _read_lines(headed, lines, first_line, path, found)
    _read_changelog(sections, lines, first_line, path, found)
    if "status" not in found.fields:
        _read_status_note(region, first_line, sections, found)
    return found


# A first section that holds the record's metadata as labelled lines or a table.
_METADATA_SECTIONS = frozenset(
    {"meta", "metadata", "meta data", "metadaten", "métadonnées", "document information"}
    # Perl's PPCs: "## Preämble" over a header indented as code
    | {"preamble", "preämble"}
)


@dataclass(frozen=True)
class FencedHeader:
    """A PEP-style header kept in a fenced code block: its lines (body indices) and keys."""

    fence: int  # the index of the opening fence
    inner: range  # the lines between the fences
    keys: frozenset[str]  # normalised (``title``, ``status``, ``protocol version``)


# A line of an RFC 822 style header: "Title: Bump Sequence", "Working Group:" (its value
# on the indented lines below), "Discussion: https://...".
# "Status: Final", or a reStructuredText field, ":Status: Final" (napari's NAPs, in a
# ```{eval-rst} block)
_HEADER_LINE = lazy_pattern(r"^:?(?P<key>[A-Za-z][\w()/ -]{0,30}?)\s*:(?:\s+\S.*)?\s*$")
_REST_FIELD = lazy_pattern(r"^(\s*):(?=[A-Za-z][\w()/ -]{0,30}?:(?:\s|$))")
# The headings a header block may sit under ("## Preamble", as Stellar's CAPs write it).
_HEADER_SECTIONS = _METADATA_SECTIONS
_ATX_HEADING = lazy_pattern(r"^ {0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")


def fenced_header(lines: list[str]) -> FencedHeader | None:
    """The PEP-style header that some processes keep in a fenced code block (Stellar's
    CAPs and SEPs, after BIPs): the body's first block, or the first block under a
    ``## Preamble`` or ``## Metadata`` heading (also below a level-1 title), made of
    ``Key: value`` lines (and indented lines that go on with a value), one of them
    ``Title:`` or ``Status:``. None when the body opens with no such block."""
    index = _next_block(lines, 0)
    heading = _ATX_HEADING.match(lines[index]) if index < len(lines) else None
    title = heading is not None and len(heading["hashes"]) == 1
    if title and heading is not None and section_key(heading["text"]) not in _HEADER_SECTIONS:
        index = _next_block(lines, index + 1)  # "# XIP-0007: Title" above "## Preamble"
        heading = _ATX_HEADING.match(lines[index]) if index < len(lines) else None
    if heading is not None and section_key(heading["text"]) in _HEADER_SECTIONS:
        index = _next_block(lines, index + 1)
    opening = _FENCE_OPENING.match(lines[index]) if index < len(lines) else None
    if opening is None:
        return None
    marker = opening["marker"]
    close = next(
        (
            i
            for i in range(index + 1, len(lines))
            if lines[i].strip().startswith(marker[0] * len(marker))
            and not lines[i].strip().strip(marker[0])
        ),
        None,
    )
    if close is None:
        return None
    keys: list[str] = []
    other = 0  # lines that are no key: a value gone on at the margin (a second link)
    indent = len(lines[index]) - len(lines[index].lstrip(" "))  # the fence's, off each line
    for written_line in lines[index + 1 : close]:
        line = _dedented(written_line, indent)
        if not line.strip() or (keys and line[:1] in (" ", "\t")):
            continue  # a blank line, or a value that goes on (the keys below "Working Group:")
        written = _HEADER_LINE.match(line)
        if written is None and not keys:
            return None  # code, or prose: not a header
        if written is None:
            other += 1
        else:
            keys.append(_label(written["key"]))
    if len(keys) < 2 or other * 3 > len(keys) or not {"title", "status"} & set(keys):
        return None
    return FencedHeader(index, range(index + 1, close), frozenset(keys))


# A fence that opens a code block, with or without an info string (```text).
_FENCE_OPENING = lazy_pattern(r"^ {0,3}(?P<marker>`{3,}|~{3,})(?:[\w+-]*|\{[\w-]+\})\s*$")
# A MyST target above a heading, "(nap2)=": an anchor for cross-references, no text.
MYST_TARGET = lazy_pattern(r"^\([\w.:-]+\)=\s*$")


def _dedented(line: str, indent: int) -> str:
    """``line`` without up to ``indent`` leading spaces: a fenced block's lines as
    CommonMark reads them, when the fence itself is indented."""
    return line[min(indent, len(line) - len(line.lstrip(" "))) :]


def _next_block(lines: list[str], start: int) -> int:
    """The index of the first line at or after ``start`` that is neither blank nor an HTML
    comment of its own line (a licence notice above the header)."""
    index = start
    while index < len(lines) and (
        not lines[index].strip()
        or _COMMENT.fullmatch(lines[index].strip())
        or MYST_TARGET.match(lines[index])
    ):
        index += 1
    return index


def _read_fenced_header(
    header: FencedHeader, lines: list[str], first_line: int, path: str, found: BodyMetadata
) -> None:
    """The header's values, read as lines near the title are; when the page header shows
    every one of them, the fence goes from the page too (no empty code block is left)."""
    # A field's leading colon read as a space: the columns stay the file's, and a field
    # below another starts a label of its own, not the value going on.
    read = list(lines)
    for index in header.inner:
        read[index] = _REST_FIELD.sub(r"\1 ", lines[index])
    own = [(index, read[index]) for index in header.inner if read[index].strip()]
    _read_lines(own, read, first_line, path, found)
    if all(first_line + index in found.hidden_lines for index, _ in own):
        found.hidden_lines.update({first_line + header.fence, first_line + header.inner.stop})


# A line of code spans only: "`draft` `mandatory` `relay`", tags below a NIP's title.
_TAG_LINE = lazy_pattern(r"^(?:`[^`\s]+`[ \t]*)+$")


def _read_tag_line(
    region: list[tuple[int, str]], below: int, first_line: int, path: str, found: BodyMetadata
) -> None:
    """The status of a record that tags itself right below its title (the first line
    after it, at ``below`` or later) with code spans, the first a status word: "`draft`
    `mandatory`" is *draft*. The line stays on the page: its other tags say more."""
    after = next(((index, line) for index, line in region if index >= below), None)
    if after is None or not _TAG_LINE.match(after[1].strip()):
        return
    index, line = after
    first = line.strip().split("`")[1]
    if _STATUS_WORD.fullmatch(first):
        _take(found, "status", first, first_line + index, line, path, "tags")


def _label_heading(title: str) -> bool:
    """Whether a heading is a status or date label with its value (``Status: accepted``);
    ``## Implementation: etcd state store`` is a section on the implementation."""
    label, colon, value = title.partition(":")
    if not (colon and value.strip()):
        return False
    name = _label(label)
    return name not in _IMPLEMENTATION_LABELS and LABELS.get(name) in ("status", "date")


# Labels that give the status only by how far the implementation got (Prometheus'
# ``* **Implementation Status:** Partially implemented``): their value is a status only
# when it says how far, and a Status label of the record's own replaces it (D's DIPs
# write ``| Implementation: | [PR 6855] |`` above ``| Status: | Accepted |``).
_IMPLEMENTATION_LABELS = frozenset({"implementation", "implementation status"})
_HOW_FAR = lazy_pattern(
    r"^\W*(?:(?:not\s+|partially\s+|partly\s+|fully\s+)?implemented|partial(?:ly)?|"
    r"not\s+(?:started|yet)|in\s+progress|done|complete[d]?|pending|planned|started|ongoing|"
    r"merged|shipped|released|accepted|draft|proposed|rejected|deferred|withdrawn|"
    r"superseded|abandoned|n/?a|none)\b",
    re.IGNORECASE,
)


# A record's log of its own changes ("## Changelog" / "* 2019-07-31: Initial draft", as
# Cosmos SDK's ADRs keep it): without a date of its own, the first entry is when it was
# written.
_CHANGELOGS = frozenset(
    {"changelog", "change log", "revision history", "version history", "document history"}
    | {"implementation history"}  # a KEP's: "- Initial proposal: 2024-11-18"
    | {"history", "变更日志", "更新日志", "变更记录", "変更履歴"}
)


def _read_changelog(
    sections: tuple[Section, ...], lines: list[str], first_line: int, path: str, found: BodyMetadata
) -> None:
    """A record's log of its changes: the entry that says it was accepted is the
    decision date (``- 2024-07-22: Accepted.``, over a `Created` row); without one, and
    without any other date, the earliest entry is when it was written (the log may run
    either way, and its top entry may be an editorial fix)."""
    log = next((section for section in sections if section.key in _CHANGELOGS), None)
    if log is None:
        return
    dated = []  # (day, file line, the date as written, what the entry says)
    for item in log.items:
        day = read_date(item.text)[0]
        if day is not None:
            parts = re.split(r"\s*(?::\s|\uff1a)|\s+[-\u2013\u2014]\s", item.text, maxsplit=1)
            if is_bare_date(parts[0]):
                dated.append((day, item.line, parts[0], parts[1] if len(parts) > 1 else ""))
            else:  # "[approved](https://x/pr/2) (2023-02-18)": the date after what changed
                dated.append((day, item.line, day.isoformat(), item.text))
    for offset, line in enumerate(log.body.split("\n")):  # "| Jun 25th 2016 | Initial Draft |"
        plain = _PLAIN_ENTRY.match(line)  # "08-06-2018: Initial draft", not in a list
        if plain and not _ITEM_MARK.match(line):
            day = read_date(plain["when"])[0]
            if day is not None:
                dated.append((day, log.line + 1 + offset, plain["when"], plain["what"]))
            continue
        if not line.lstrip().startswith("|") or _TABLE_RULE.match(line):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        day = read_date(cells[0])[0] if cells else None
        if day is not None:
            dated.append((day, log.line + 1 + offset, cells[0], " ".join(cells[1:])))
    if not dated:
        return
    # "* 5/1/2023: ..." in a log that also writes "* 7/23/2023: ...": the log writes its
    # dates month first, so its dates that read either way are read so too.
    orders = {date_order(written) for _, _, written, _ in dated}
    month_first = "month first" in orders and "day first" not in orders
    if month_first:
        dated = [
            (
                (swapped_date(day) or day) if date_order(written) == "either" else day,
                at,
                written,
                what,
            )
            for day, at, written, what in dated
        ]
    if "status" not in found.fields:
        # "- [approved](https://x/pr/2) (2023-02-18)": the newest entry that is a status
        # word, where the record writes its status nowhere else (EdgeX's change logs).
        for _day, number, _, what in sorted(dated, key=lambda entry: entry[0], reverse=True):
            stated = _ENTRY_STATUS.match(plain_text(what))
            if stated:
                column = section_column(lines[number - first_line], stated["word"])
                position = Position(number, column)
                found.fields["status"] = Field(stated["word"], Position(number, 1), position)
                found.style = found.style or "section"
                break
    accepted = [entry for entry in dated if _ACCEPTED_ENTRY.search(entry[3])]
    label = "accepted on" if accepted else "created"
    day, number, value, _ = accepted[0] if accepted else min(dated, key=lambda entry: entry[0])
    read_before = found.fields.get("date")
    _take(found, label, value, number, lines[number - first_line], path, "list")
    taken = found.fields.get("date")
    if month_first and taken is not read_before and taken is not None and taken.value != day:
        wrong = taken.value.isoformat() if isinstance(taken.value, dt.date) else ""
        found.fields["date"] = replace(taken, value=day)
        found.date_order = "month first"
        found.findings = [
            replace(
                item,
                message=item.message.replace(wrong, day.isoformat()),
                hint=item.hint.replace(wrong, day.isoformat()),
            )
            if item.rule == "DEC014" and item.position == taken.value_position and wrong
            else item
            for item in found.findings
        ]


def swapped_date(read: dt.date) -> dt.date | None:
    """The date with its day and month the other way round, if there is such a day."""
    try:
        return dt.date(read.year, read.day, read.month)
    except ValueError:
        return None


# A log entry that is a status: "approved (2023-02-18)", "Accepted.", "proposed", also
# after what it names ("original - approved (2023-01-03)") and before a note ("... -
# With approvals from ...").
_ENTRY_STATUS = lazy_pattern(
    rf"^(?:[^-\u2013\u2014]{{1,40}}\s[-\u2013\u2014]\s)?\W*(?P<word>{_STATUS_WORDS})"
    r"\b[\W\d]*(?:\s[-\u2013\u2014]\s.*)?$",
    re.IGNORECASE,
)
# ("Reject this ADR", "Accept the proposal": the entry of the change, in the imperative)
_ACCEPTED_ENTRY = lazy_pattern(
    r"\b(?:accept(?:ed)?|approved?|adopted|ratified|reject(?:ed)?|declined|decided)\b"
    # Celestia's "- 2022-03-04: decision": the entry that is the decision, not one about it
    r"|^\s*(?:final\s+)?decision(?:\s+(?:made|taken|reached))?\s*\.?\s*$",
    re.IGNORECASE,
)
# A log entry on a line of its own: a date, then ": " or " - ", then what changed.
_PLAIN_ENTRY = lazy_pattern(
    r"^(?P<when>[\w ,./-]{6,30}?)\s*(?::\s|\s[-\u2013\u2014]\s)\s*(?P<what>\S.*)$"
)


# Known labels a block must hold to be the record's metadata, not a list of the text's.
_OPENING_LABELS = 2


def _labels_opening(section: Section, first_line: int) -> list[tuple[int, str]]:
    """The block of labelled lines that opens a section, before any prose (`## Beskrivelse`
    over `- **Dato**: 2025-02-12` and `- **Status**: Accepteret`), as body lines: the
    record's metadata written below its first heading. None unless the block holds two
    known labels or more, the status or the date among them."""
    block: list[tuple[int, str]] = []
    for offset, line in enumerate(section.body.split("\n")):
        if not line.strip():
            if block:
                break
            continue
        match = _LABELLED.match(_ITEM_MARK.sub("", _QUOTE.sub("", line)).strip())
        if match is None:
            break
        block.append((section.line - first_line + 1 + offset, line))
    known = []
    says = False  # a status word or a date: a list of a text's fields says neither
    for _, line in block:
        match = _LABELLED.match(_ITEM_MARK.sub("", _QUOTE.sub("", line)).strip())
        field = LABELS.get(_label(match["label"])) if match else None
        if match is None or field is None:
            continue
        known.append(field)
        value = plain_text(_strip_marks(match["value"])).strip()
        if field == "status":
            says = says or status_phrase(value)[0] is not None
        elif field == "date":
            says = says or read_date(value)[0] is not None
    return block if len(known) >= _OPENING_LABELS and says else []


def _dates_in_first_section(section: Section, first_line: int) -> list[tuple[int, str]]:
    """A bold date line of its own in the first section, below its opening paragraph
    ("## Purpose" ... "**Last modified:** 2018-11-02T16:46:57+00:00"), as body lines."""
    found = []
    for offset, line in enumerate(section.body.split("\n")):
        match = _BOLD_LABEL.match(line.strip())
        if match and LABELS.get(_label(match["label"])) == "date":
            found.append((section.line - first_line + 1 + offset, line))
    return found


def outside_comments(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """``(index, line)`` for the lines that are not inside an HTML comment spanning lines
    (``<!--`` ... ``-->``: a template's directions, such as ``stage: Leave as is``)."""
    inside = False
    for index, line in lines:
        if inside:
            if "-->" in line:
                inside = False
                rest = line.split("-->", 1)[1]
                if rest.strip():  # blanked, not cut, so that columns stay the file's
                    yield index, " " * (len(line) - len(rest)) + rest
            continue
        opened = line.rfind("<!--")
        if opened >= 0 and "-->" not in line[opened:]:
            inside = True
            if line[:opened].strip():
                yield index, line[:opened]
            continue
        yield index, line


# A status in Chinese, Japanese or Korean, which need no space after the word: the word
# up to the first space or punctuation; "被 X 取代" (superseded by X) names its successor.
_CJK_STATUS = lazy_pattern(
    rf"^(?:被\s*(?P<by>.+?)\s*(?:取代|替代|替换)|(?P<word>[{CJK_LETTERS}]+))(?=$|[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f,.;:(])"
)


# "Accepted, later deprecated", "Proposed, then withdrawn": the status it came to.
_LATER_STATUS = lazy_pattern(
    rf"^[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[,;]?\s+(?:and\s+)?(?:later|then|now|subsequently)\s+"
    rf"(?:been\s+|was\s+|is\s+)?(?P<word>{_STATUS_WORDS})\b"
    # what it became, not what is asked of it ("now proposed for deprecation")
    r"(?=\s*$|\s*[.,;:(\[]|\s+(?:by|in|on|since|as|at|with|after|per|via)\b)",
    re.IGNORECASE,
)
# "[Proposed or Accepted]": the word between a template's choices.
_CHOICE_WORD = lazy_pattern(r"\s(?:or|oder|ou|eller|или)\s", re.IGNORECASE)


def status_phrase(text: str) -> tuple[str | None, list[tuple[str, str]]]:
    """The status word a value states, and the successors it names.

    ``Accepted in [#1811](...)`` is ``accepted``; ``Superseded by [ADR-0020](0020-x.md)``
    is ``superseded`` with successor ``0020-x.md``; ``Implemented (Swift 5.5)`` is
    ``implemented``; ``Partially implemented in [#12](...)`` is ``partially implemented``.
    A template's placeholder (``{proposed | accepted}``) states none.
    """
    text = _COMMENT.sub("", text).strip()
    badge = _BADGE.search(text)
    if badge:  # a status badge: the word is in the picture's address
        text = _badge_word(badge)
    links = [(label, target) for label, target in _LINK.findall(text)]
    plain = plain_text(_strip_marks(text))
    plain = re.sub(r"^(?:status\s*:\s*)+", "", plain, flags=re.IGNORECASE).strip(" \"'`*_")
    plain = _SYMBOLS.sub("", plain)  # "✅ Accepted", "⌛️ Superseded": the word after the sign
    if _NOTHING.match(plain):
        return None, []  # "N/A", "TBD", "(leave this empty)"
    plain = _STATUS_DATE.sub("", plain)  # "2020-03-25 accepted": the word; the date is when
    enclosed = _ENCLOSED.match(plain) or _ENCLOSED_FIRST.match(plain)
    written = _strip_marks(text).strip()
    first = _first_of_choices(plain, written)
    if enclosed and _CHOICE_WORD.search(enclosed[1]):
        return None, []  # "\[In progress or Decided\]": the template's choices
    if enclosed and enclosed[1].strip().lower() not in _TEMPLATE_WORDS:
        plain = enclosed[1].strip()  # "[Accepted]", "{Draft}": the template's word, chosen
    elif first:
        plain = first  # "proposed | partially superseded by [008](..)": the template's word
        links = []
    elif not plain or _PLACEHOLDER.search(written):
        return None, []
    if _is_word_list(plain):
        return None, []  # "`Proposed`, `Approved`, `Deprecated`": the template's choices
    cjk = _CJK_STATUS.match(plain)
    if cjk:  # "已接受。实施已开始。", "已接受 已实施": the first word; "被 ADR-045 取代"
        if cjk["by"]:
            named = _ID_IN_TEXT.search(cjk["by"])
            targets = [t for _, t in links if t] or ([f"{named[1]}-{named[2]}"] if named else [])
            return "superseded", [("superseded_by", target) for target in targets[:1]]
        return cjk["word"], []
    sentence = _STATUS_SENTENCE.match(plain)
    if sentence and not _SUPERSEDED.match(plain[sentence.end() :]):
        # "this proposal was adopted for the Go 1.4 release": the verb says it (a successor
        # is read from the whole sentence below)
        plain = plain[sentence.end() :].lstrip("[(*_ ")
    later = _LATER_STATUS.match(plain)
    if later:  # "ACCEPTED, later DEPRECATED", "Accepted, then superseded by ..": it became
        plain = plain[later.start("word") :]
    superseded = _SUPERSEDED.match(plain)
    if superseded:
        rest = plain[superseded.end() :]
        successors = [target for _, target in links if target]
        if not successors:
            named = _ID_IN_TEXT.search(rest)
            number = _NUMBER_IN_TEXT.match(rest)
            in_brackets = rest.lstrip().startswith(("(", "#"))  # "Superseded (0005)", "#12"
            if number and not (superseded[2] or number["by"] or in_brackets):
                number = None  # "Superseded 2021" names no successor
            successors = (
                [f"{named[1]}-{named[2]}"] if named else [number[2] or number[3]] if number else []
            )
        return "superseded", [("superseded_by", target) for target in successors[:1]]
    end = _STATUS_END.search(plain)
    word = plain[: end.start()] if end else plain
    # "Withdrawn 2026-05-13 by [RFC 85](..)": the date after the word is when
    word = _STATUS_DATE.sub("", word.strip()).strip(" \"'`*_.-")
    released = _RELEASED_IN.match(word)
    if released:  # "Released Cilium 1.17": the word, not the release it came in
        word = released[1]
    if not word:
        return None, []
    if len(word.split()) > 4:
        # A sentence ("This KEP has been replaced by [KEP 2433](..)"): the status it states.
        note = status_note(plain)
        if note is not None and not (note["part"] or note["part2"]):
            said = note["word"].lower()
            if said in ("superseded", "superceded", "replaced"):
                return said, [("superseded_by", target) for _, target in links[:1] if target]
            return said, []
        known = _STATUS_WORD.search(" ".join(plain.split()[:12]))
        return (known[0].lower(), []) if known else (None, [])
    return word, []


# Status words that say a decision was taken, whose line may say when.
_DECIDED_WORDS = frozenset({"accepted", "approved", "adopted", "decided", "agreed", "ratified"})


def _translated(words: frozenset[str]) -> frozenset[str]:
    """The words of other languages for ``words`` ("Akzeptiert, 2026-03-09")."""
    return frozenset(
        re.escape(said) for said, english in TRANSLATED_STATUSES.items() if english in words
    )


_DECIDED_LINE = lazy_pattern(
    rf"\b(?:{'|'.join(sorted(_DECIDED_WORDS | _translated(_DECIDED_WORDS)))})\b", re.IGNORECASE
)
# Words a status line may hold beside its status and successor that say nothing more.
_STATUS_FILLER = frozenset({"by", "in", "on", "at", "as", "of", "see", "and", "status", "since"})


def says_more(value: str, word: str, successors: list[str]) -> bool:
    """Whether a status value says more than the page header shows of it: the header shows
    the status and the records that supersede it; "Accepted, partly superseded by [ADR
    9](..)", "Accepted in [#1811](..)" or "Proposed (waiting for the board)" say more, and
    the page keeps the line. A date beside the word says when, which the history shows."""
    text = _COMMENT.sub("", value)
    for label, target in _LINK.findall(text):
        if target in successors:
            text = text.replace(label, " ")
    text = _LINK.sub(lambda link: f" {link[1]} link ", text)
    plain = plain_text(_strip_marks(text)).lower()
    plain = re.sub(r"\d{4}-\d{1,2}-\d{1,2}", " ", plain)
    for said in word.lower().split():
        plain = plain.replace(said, " ", 1)
    if word.lower() == "superseded":  # "Superceded by [..]", "Replaced by [..]": the same
        plain = re.sub(r"\b(?:superceded|replaced)\b", " ", plain, count=1)
    words = [w for w in re.findall(r"[^\W\d_]+", plain) if w not in _STATUS_FILLER]
    if successors:  # "Superseded by ADR-0020": the id the successor was read from
        words = [w for w in words if not re.fullmatch(r"adr|rfc|[a-z]{1,5}", w)]
    return bool(words)


# A date before or after the status word: "2020-03-25 accepted", "Accepted 2021-05-12".
_STATUS_DATE = lazy_pattern(
    r"^\d{4}([-/])\d{1,2}\1\d{1,2}\s*[:,\u2013-]?\s+(?=[^\W\d_])|(?<=[^\W\d_])\s*[,\u2013-]?\s+"
    r"\d{4}([-/])\d{1,2}\2\d{1,2}$"
)
# The template's choices of status, left in the record: "Proposed / Accepted / Rejected",
# "列表：提议/通过/完成/已弃用/已取代" (a label, then three or more words between slashes).
_CHOICES = lazy_pattern(
    r"^(?:[^\W\d_]{1,12}\s*[:：]\s*)?[^\W\d_][\w -]{0,20}"
    r"(?:\s*[/|]\s*[^\W\d_][\w -]{0,20}){2,}$"
)
# A word, a product's name and its version: "Released Cilium 1.17", "Shipped v2.1".
_RELEASED_IN = lazy_pattern(r"^([^\W\d_]+)\s+(?:\S+\s+){0,2}v?\d+(?:\.\d+)+$")


def _first_of_choices(plain: str, written: str) -> str:
    """The first part of a value that keeps the template's ``|`` between the status and
    what follows (``proposed | partially superseded by [x](x.md)``); "" for a choice
    of words (``proposed | accepted``) or a placeholder in brackets."""
    if "|" not in plain or written[:1] in "[{(<" or _is_word_list(plain):
        return ""
    first = plain.split("|", 1)[0].strip(" `*_")
    if not first or len(first.split()) > 3 or first.lower() in _TEMPLATE_WORDS:
        return ""
    return first


def _badge_word(badge: re.Match[str]) -> str:
    """The status a badge shows: ``badgen.net/badge/ADR/approved/green``,
    ``img.shields.io/badge/status-accepted-green``, ``?label=status&message=accepted``."""
    if badge["message"]:
        return unquote(badge["message"]).replace("_", " ").replace("+", " ")
    parts = unquote(badge["path"]).split("/")
    if badge["host"].startswith("badgen"):
        word = parts[1] if len(parts) > 1 else parts[0]
    else:  # shields.io: label-message-color, "--" for a dash, "_" for a space
        pieces = parts[0].replace("--", "\0").split("-")
        word = pieces[-2] if len(pieces) >= 3 else pieces[0]
        word = word.replace("\0", "-")
    return word.replace("_", " ")


def _is_word_list(plain: str) -> bool:
    """Whether a value lists the template's status words rather than stating one."""
    parts = [part.strip(" `*_") for part in re.split(r"\s*[,|/]\s*", plain)]
    if any(re.search(r"\d", part) for part in parts):
        return False  # "Final/24.0 Implemented": a status and the release it shipped in
    # A choice is a status word alone, or "In Review": "Proposed, partially implemented"
    # is a status and what it says of it.
    known = [
        part
        for part in parts
        if _STATUS_WORD.fullmatch(part.split(" ")[-1] or "-")
        and (len(part.split()) == 1 or part.split()[0].lower() in ("in", "under"))
    ]
    return len(parts) >= 2 and len(known) >= 2 and len(known) >= len(parts) - 1


def date_order(text: str) -> str:
    """Which number comes first in a date written with slashes, dashes or dots and the
    year last: "month first" (``10/25/2017``: 25 is no month), "day first"
    (``25/10/2017``), "either" (``04/08/2020``, read day first unless the collection
    shows otherwise), "" for any other form or one the reading already decided
    (``3/25/21``, the American short form)."""
    plain = plain_text(text)
    match = _DMY.search(plain)
    if match is None or _ISO.search(plain):
        return ""
    first, second = int(match[1]), int(match[3])
    if second > 12 >= first:
        return "month first"
    if first > 12 >= second:
        return "day first"
    american = match[2] == "/" and len(match[4]) == 2 and "0" not in match[1][:1] + match[3][:1]
    return "either" if first != second and not american else ""


def read_date(text: str) -> tuple[dt.date | None, bool]:
    """A date written in any of the ways teams write one, and whether it was ISO.

    ``2021-05-12``, ``2022-04-7``, ``12/05/2021`` (day first, as adr-tools wrote it),
    ``19.04.2020``, ``20220513``, ``27 July 2022``, ``June 7, 2018``, ``Sep 5th,
    2023``, ``1st Sept. 2023: Initial draft``; in brackets or code spans too. A month
    alone (``2018-11``) is no date.
    """
    text = plain_text(text).strip(" []{}()`*_")
    if not text:
        return None, False
    iso = _ISO.search(text)
    if iso and iso.start() == 0:
        day = _date(int(iso[1]), int(iso[2]), int(iso[3]))
        if day is not None:
            return day, True
    for pattern, order in ((_YMD, "ymd"), (_DMY, "dmy"), (_COMPACT, "compact")):
        match = pattern.search(text)
        if not match:
            continue
        if order == "ymd":
            year, first, second = int(match[1]), int(match[3]), int(match[4])
            # "2023-13-10" is year, day, month
            month, day_number = (second, first) if first > 12 >= second else (first, second)
        elif order == "dmy":
            first, second, year = int(match[1]), int(match[3]), int(match[4])
            # "3/25/21", "3/2/22": slashes, no leading zeros and a short year are the
            # American way, month first; "12/05/2021", "19.04.2020" are day first.
            american = (
                match[2] == "/" and len(match[4]) == 2 and "0" not in match[1][:1] + match[3][:1]
            )
            year += 2000 if year < 100 else 0
            # Day first unless the first number cannot be a month's day order
            day_number, month = (second, first) if second > 12 >= first else (first, second)
            if american and first <= 12:
                day_number, month = second, first
        else:
            year, month, day_number = int(match[1]), int(match[2]), int(match[3])
        day = _date(year, month, day_number)
        if day is not None:
            return day, False
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        # the first whose month is a month's name: "v2. Approved 12 May 2023" (the
        # search goes on from each false start, which may hold the next date's day)
        match = pattern.search(text)
        while match is not None and match[month_group].lower() not in MONTHS:
            match = pattern.search(text, match.start() + 1)
        if match is not None:
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)  # "30 Oct 18"
            day = _date(year, MONTHS[match[month_group].lower()], int(match[day_group]))
            if day is not None:
                return day, False
    cjk = _CJK_DATE.search(text)  # "2019年7月31日"
    if cjk:
        day = _date(int(cjk[1]), int(cjk[2]), int(cjk[3]))
        if day is not None:
            return day, False
    match = _YEAR_MONTH_DAY.search(text)  # "2020-Nov-09"
    if match and match[2].lower() in MONTHS:
        day = _date(int(match[1]), MONTHS[match[2].lower()], int(match[3]))
        if day is not None:
            return day, False
    return None, False


def is_bare_date(text: str) -> bool:
    """Whether a line holds a date and nothing else (``27 July 2022``, ``[2022-10-05]``)."""
    plain = plain_text(text).strip(" []{}()`*_.")
    if not 6 <= len(plain) <= 30 or read_date(plain)[0] is None:
        return False
    for word in _DATE_WORDS.findall(plain):
        letters = word.strip().lower()
        if letters.isalpha() and letters not in MONTHS and letters != "of":  # "27th of June"
            return False
    return not _DATE_WORDS.sub("", plain)


def names_in(text: str) -> list[str]:
    """People named in one value: ``Ana, Bo and Cy``, ``@a, @b``, ``[Ana S., Bo L.]``
    (the template's brackets, filled in), ``- Ana, Bo`` (a stray list mark), ``Ana <br>
    Bo`` (SunPy's table cells: a line break between people)."""
    text = _LINE_BREAK.sub(", ", text)
    if "@" in text:  # "Ana <a@x.org> Bo <b@x.org>": each address ends a name
        text = text.replace("\\<", "<").replace("\\>", ">")  # "Ana \<a@x.org\>", escaped
        text = _ADDRESS_IN_BRACKETS.sub(
            lambda match: "; " if _NAME_FOLLOWS.match(text, match.end()) else " ", text
        ).strip(" ;")
    text = _list_value(plain_text(_strip_marks(text)))
    # Not inside parentheses: "Ana Silva (Acme, Data team), Bo Chen" is two people.
    parts = re.split(r"\s*(?:,|;|\band\b|&|\s\|\s)\s*(?![^()]*\))", text)
    names = [part.strip() for part in parts]
    # "@KPostOffice @fridex @cgoern": handles written with spaces between them
    names = [n for name in names for n in (name.split() if _HANDLES.match(name) else [name])]
    # "Ilya Markov @imarkov": the person; a bare handle after the name goes
    names = [_HANDLE_AFTER_NAME.sub("", name) for name in names]
    # "Ivo G." keeps the full stop of its initial; "Ana." ends a sentence.
    names = [name if _INITIAL_LAST.search(name) else name.rstrip(". ") for name in names]
    return [name for name in names if name]


def tags_in(text: str) -> list[str]:
    """The tags of a body line: separated by commas or semicolons when it has any
    (``participatory budgeting, civic engagement``: two tags), else by spaces
    (``#jetstream #kv``)."""
    text = _list_value(plain_text(_strip_marks(text)))
    separators = r"\s*[,;]\s*" if re.search(r"[,;]", text) else r"\s+"
    parts = (part.strip().lstrip("#") for part in re.split(separators, text))
    return [part for part in parts if part.strip("#/")]


_INITIAL_LAST = lazy_pattern(r"\s[A-Z]\.$")
_LINE_BREAK = lazy_pattern(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_ADDRESS_IN_BRACKETS = lazy_pattern(r"\s*<[^\s<>]*@[^\s<>]*>\s*;?")
# After an address, another name ("Bo Chen <...>"), not the same person's handle "(@jdoe)"
_NAME_FOLLOWS = lazy_pattern(r"\s*[^\W\d_]")
_HANDLES = lazy_pattern(r"^@[\w.-]+(?:\s+@[\w.-]+)+$")
_HANDLE_AFTER_NAME = lazy_pattern(r"(?<=[^\W\d_])\s+@[\w.-]+$")  # "(@jdoe)" stays


def _list_value(text: str) -> str:
    """A list's value without the brackets a template wrote around it and a list mark
    before it."""
    text = re.sub(r"^[-*+]\s+", "", text.strip())
    enclosed = re.fullmatch(r"\[([^\[\]]*)\]", text)
    return enclosed[1] if enclosed else text


# --- the shapes ------------------------------------------------------------------------


def _read_tables(
    region: list[tuple[int, str]], first_line: int, path: str, found: BodyMetadata
) -> None:
    """Two-column key/value tables (``| Status | Implemented |``), and tables whose header
    row names the keys and whose single data row holds the values."""
    rows: list[tuple[int, list[str], str]] = []

    def flush() -> None:
        if rows:
            _read_table(rows, first_line, path, found)
        rows.clear()

    previous = -2
    for index, line in region:
        unquoted = _QUOTE.sub("", line)
        if "|" not in unquoted:
            flush()
            previous = index
            continue
        if index != previous + 1:
            flush()
        previous = index
        if _TABLE_RULE.match(unquoted):
            rows.append((index, [], line))
            continue
        inner = _TABLE_ROW.match(unquoted)
        cells = [cell.strip() for cell in (inner[1] if inner else unquoted).split("|")]
        while len(cells) > 2 and not _COMMENT.sub("", cells[-1]).strip():
            cells.pop()  # "| Status | `ACCEPTED` | <!-- Possible values: ... -->"
        rows.append((index, cells, line))
    flush()


_HTML_ROW = lazy_pattern(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table>|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_CELL = lazy_pattern(
    r"<t[dh]\b[^>]*>(.*?)(?:</t[dh]>|(?=<t[dh]\b)|\Z)", re.IGNORECASE | re.DOTALL
)


def _read_html_table(
    region: list[tuple[int, str]], first_line: int, path: str, found: BodyMetadata
) -> None:
    """A metadata table written in HTML, as PEPs and conda's CEPs keep it:
    ``<tr><td> Status </td><td> Accepted </td></tr>``, a cell's value on several
    lines, entities (``&lt;``) and a row whose ``</tr>`` was left out."""
    if not any("<td" in line.lower() for _, line in region):
        return
    starts = []  # the offset in the joined text where each line begins
    offset = 0
    for _, line in region:
        starts.append(offset)
        offset += len(line) + 1
    text = "\n".join(line for _, line in region)
    for row in _HTML_ROW.finditer(text):
        cells = [html.unescape(plain_text(cell)) for cell in _HTML_CELL.findall(row[1])]
        if len(cells) != 2 or not cells[1]:
            continue
        label = _label(cells[0])
        if label not in LABELS:
            continue
        at = bisect.bisect_right(starts, row.start()) - 1
        index, line = region[at]
        if _take(found, label, cells[1], first_line + index, line, path, "table"):
            last = bisect.bisect_right(starts, row.end() - 1) - 1
            found.hidden_lines.update(first_line + region[i][0] for i in range(at, last + 1))


def _read_table(
    rows: list[tuple[int, list[str], str]], first_line: int, path: str, found: BodyMetadata
) -> None:
    data = [(index, cells, line) for index, cells, line in rows if cells]
    if not data:
        return
    header = [_label(cell) for cell in data[0][1]]
    keys = [h for h in header if h in LABELS]
    alone = len(header) == 1 and LABELS.get(header[0]) in ("status", "date")  # "| State |"
    if len(data) == 2 and (len(keys) >= 2 or alone) and all(h in LABELS or not h for h in header):
        # A header of keys only: a row of a revision history (``| Revision | Date |``) is
        # not the record's metadata.
        # | Status | Date |  /  | Accepted | 2021-01-01 |
        index, values, line = data[1]
        shown = [
            _take(found, label, value, first_line + index, line, path, "table")
            for label, value in zip(header, values, strict=False)
            if label in LABELS and value
        ]
        if all(shown):
            found.hidden_lines.update(first_line + index for index, _, _ in rows)
        return
    taken = False
    all_shown = True
    shown_rows: set[int] = set()
    for position, (index, cells, line) in enumerate(data):
        if len(cells) != 2:
            continue
        label = _label(cells[0])
        value = cells[1]
        # Qiskit's authors, one a row: `| **Authors** | Ann One |` then `| | Bob Two |`
        continued = [index]
        for more_index, more, _ in data[position + 1 :]:
            if len(more) != 2 or more[0].strip(" *_") or not more[1]:
                break
            value = f"{value}, {more[1]}"
            continued.append(more_index)
        if label in LABELS and value:
            row_shown = _take(found, label, value, first_line + index, line, path, "table")
            all_shown &= row_shown
            taken = True
            if row_shown:
                shown_rows.update(continued)
    # The page hides the table when the header shows all of it; else the rows the header
    # shows (a row it would not show, ``| Category | ... |`` or a date it cannot read,
    # stays with the table's header: the page leaves hidden rows out of the table).
    pairs = [cells for _, cells, _ in data if not _is_header(cells) and cells[0].strip(" *_")]
    if (
        taken
        and all_shown
        and all(len(cells) == 2 and _label(cells[0]) in LABELS for cells in pairs)
    ):
        found.hidden_lines.update(first_line + index for index, _, _ in rows)
    elif _rows_can_go(rows, shown_rows):
        found.hidden_lines.update(first_line + index for index in shown_rows)


def _rows_can_go(rows: list[tuple[int, list[str], str]], going: set[int]) -> bool:
    """Whether the page can leave ``going`` out of a table and keep the rest a table: its
    header row stays (a metadata row first is the header, in GFM), and every line starts
    with a pipe outside a quote (the page leaves out only such rows)."""
    return (
        bool(going)
        and rows[0][0] not in going
        and all(line.lstrip().startswith("|") for _, _, line in rows)
    )


def _is_header(cells: list[str]) -> bool:
    return all(_label(cell) in _TABLE_HEADERS for cell in cells)


def _read_lines(
    region: list[tuple[int, str]],
    lines: list[str],
    first_line: int,
    path: str,
    found: BodyMetadata,
) -> None:
    indices = {index for index, _ in region}
    for index, line in region:
        text = _COMMENT.sub("", _QUOTE.sub("", line)).strip()
        if not text or text.startswith("|"):
            continue
        text = _ITEM_MARK.sub("", text)
        if text.endswith("\\") and not text.endswith("\\\\"):
            text = text[:-1].rstrip()  # "* **Deciders:** Wendy\": a hard line break
        if text.startswith("**") and text.endswith("**") and ":" in text:
            text = text[2:-2]  # "**Begin Design Discussion: 2024-08-28**": all of it bold
        pairs = _labelled_pairs(text)
        if pairs:  # "**Status:** Accepted | **Date:** 2025-03-26 | **Review:** 2026-03-26"
            shown = [
                _take(found, label, value, first_line + index, line, path, "list")
                for label, value in pairs
            ]
            if all(shown):
                found.hidden_lines.add(first_line + index)
            continue
        match = _LABELLED.match(text) or _LABEL_ONLY.match(text)
        label = _label(match["label"]) if match else ""
        value = match["value"].strip() if match else ""
        if not match or label not in LABELS:
            without_colon = _DATE_WITHOUT_COLON.match(text)
            if without_colon is not None and read_date(without_colon["value"])[0] is not None:
                label, value = without_colon["label"].lower(), without_colon["value"]
            elif is_bare_date(text):
                label, value = "date", text  # "27 July 2022" alone below the title
            else:
                continue
        # A list item's value may wrap onto indented lines below it.
        following = index + 1
        taken = [index]
        while (
            following in indices
            and lines[following][:1] in (" ", "\t")
            and not _ITEM_MARK.match(lines[following])
            and not _starts_label(lines[following].strip())
        ):
            value = f"{value} {lines[following].strip()}"
            taken.append(following)
            following += 1
        if not value.strip(" *_"):
            value, below = _value_below(label, index, indices, lines)
            if not value:  # "* Status:" left empty: nothing to show, nothing to keep
                found.hidden_lines.add(first_line + index)
                continue
            taken += below
        if _take(found, label, value, first_line + index, line, path, "list"):
            found.hidden_lines.update(first_line + i for i in taken)


# "- Name: Enable cache with informers": a Meta section's name of the proposal (Kyverno's
# KDPs, after Rust's "Feature Name"); only there is "Name" a title, not a person's name.
_META_NAME = lazy_pattern(
    r"^\s*[-*]\s*(?:\*\*)?name(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?P<value>\S.*)$", re.I
)


def _read_meta_name(
    own: list[tuple[int, str]], lines: list[str], first_line: int, found: BodyMetadata
) -> None:
    if "title" in found.fields:
        return
    for index, line in own:
        named = _META_NAME.match(line)
        if named and _PROSE_NAME.match(plain_text(named["value"]).strip()):
            value = plain_text(_strip_marks(named["value"])).strip()
            position = Position(first_line + index, section_column(line, named["value"]))
            found.fields["title"] = Field(value, Position(first_line + index, 1), position)
            found.hidden_lines.add(first_line + index)
            return


def _starts_label(text: str) -> bool:
    """Whether a line starts a labelled value of its own (``**Date:** x``, ``Status:
    Replaced`` in a PEP-style header block), so that it does not wrap onto the line above."""
    if _LABELLED.match(text):
        return True
    plain = _LABEL_ONLY.match(text)
    if plain is None:
        return False
    label = plain["label"].strip()
    return _label(label) in LABELS or bool(_HEADER_KEY.match(label))


# A header key of an RFC 822 style block ("Type", "Post-History", "Erlang-Version").
_HEADER_KEY = lazy_pattern(r"^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*(?: [A-Z][A-Za-z]*){0,2}$")


def _value_below(
    label: str, index: int, indices: set[int], lines: list[str]
) -> tuple[str, list[int]]:
    """The value of a label left empty on its line, and the lines it is on: the items
    of a list nested below it (``* Author(s):`` then ``    * Cassie``), joined by commas,
    or the next line for a status or a date (``**Status:**`` then ``Implementable``)."""
    nested = []
    following = index + 1
    while following in indices and lines[following][:1] in (" ", "\t"):
        item = _ITEM_MARK.match(lines[following])
        if item is None:
            break
        nested.append(following)
        following += 1
    if nested:
        return ", ".join(_ITEM_MARK.sub("", lines[i]).strip() for i in nested), nested
    if LABELS[label] in NAME_FIELDS:
        # "**Authors:**", a blank line, then a list of names at the left margin
        start = index + 2 if index + 1 < len(lines) and not lines[index + 1].strip() else index + 1
        names = []
        while (
            start in indices
            and _ITEM_MARK.match(lines[start])
            and not _starts_label(_ITEM_MARK.sub("", lines[start]).strip())
        ):
            names.append(start)
            start += 1
        if names:
            return ", ".join(_ITEM_MARK.sub("", lines[i]).strip() for i in names), names
    following = index + 1
    apart = following < len(lines) and not lines[following].strip()
    if apart:
        following += 1  # "**Status:**", a blank line, then "Implementable"
    if LABELS[label] not in ("status", "date") or following not in indices:
        return "", []
    text = _COMMENT.sub("", lines[following]).strip()
    if not text or len(text.split()) > 6 or text.startswith(("#", "|", ">", "<")):
        return "", []
    if apart and len(plain_text(text).split()) > 1:
        return "", []  # a paragraph below ("Accepted by all of us.") is prose, not the value
    if _ITEM_MARK.match(text) or _LABELLED.match(text) or _LABEL_ONLY.match(text):
        return "", []
    return text, [following]


def _is_guidance(plain: str) -> bool:
    """Whether a quoted line of a Status section advises on statuses rather than stating
    one: it names two different status words, or quotes one inside a sentence."""
    words = {match[0].lower() for match in _STATUS_WORD.finditer(plain)}
    quoted = re.search(rf"[\"\u201c']{_STATUS_WORD.pattern}[\"\u201d']", plain, re.IGNORECASE)
    return len(words) >= 2 or bool(quoted and len(plain.split()) >= 6)


def _labelled_pairs(text: str) -> list[tuple[str, str]]:
    """The labels and values of one line that holds several, separated by ``|`` or
    ``·`` (``**Status:** Accepted | **Date:** 2025-03-26``); empty unless every part is
    a label we know with its value."""
    if "|" in text or "\u00b7" in text:
        parts = [part.strip() for part in re.split(r"\s[|\u00b7]\s", text)]
    elif text.count("**") >= 4:  # "**Status:** Draft **Date:** 2025-09-20"
        parts = [part.strip() for part in re.split(r"\s+(?=\*\*[^*]{1,30}:\*\*)", text)]
    else:
        return []
    if len(parts) < 2:
        return []
    pairs = []
    for part in parts:
        match = _LABELLED.match(part) or _LABEL_ONLY.match(part)
        label = _label(match["label"]) if match else ""
        if match is None or label not in LABELS or not match["value"].strip():
            return []
        pairs.append((label, match["value"].strip()))
    return pairs


# The relations that end a Status section's dated history with a new status
# ("2020-09-22 Accepted", then "Superseded by [0014](..)").
_REPLACED = ("superseded", "superceded", "replaced")


# Labels a Status section's line may start with and still state the status or its
# successor ("Status: Accepted", "Superseded by: [ADR 9](..)"); None: no label of ours.
_STATUS_LINE_LABELS = (None, "status", "superseded_by", "supersedes")


def _read_value_section(section: Section, target: str, path: str, found: BodyMetadata) -> None:
    """``## Status`` (or ``## Date``): the first line is the value; relation lines such as
    ``Superseded by [..](..)`` anywhere in it are links. Later paragraphs are prose."""
    body = section.body.split("\n")
    if target == "status" and _read_task_list(section, body, path, found):
        return
    if target in NAME_FIELDS and section.items and target not in found.fields:
        # "## Authors" over a list of names: every item, not the first alone
        names = ", ".join(plain_text(item.text).strip() for item in section.items)
        line = body[section.items[0].line - section.line - 1]
        shown = _take(found, target, names, section.items[0].line, line, path, "")
        found.style = found.style or "section"
        listed = [text for text in body if text.strip()]
        if shown and len(listed) == len(section.items) and not section.children:
            found.hidden_lines.update(range(section.line, section.end_line + 1))
        return
    first: tuple[int, str] | None = None
    only_metadata = True
    dated: list[tuple[int, str]] = []  # "2020-09-16 Proposed", "2020-09-22 Accepted"
    definitions: set[int] = set()  # "[1]: https://...": the record's links, kept on the page
    for offset, line in enumerate(body):
        text = _COMMENT.sub("", line).strip()
        if not text:
            continue
        line_number = section.line + 1 + offset
        if _LINK_DEFINITION.match(line):
            definitions.add(line_number)
            continue
        plain = plain_text(_ITEM_MARK.sub("", text))
        if target == "status" and text.startswith(">") and _is_guidance(plain):
            continue  # the template's advice, quoted: 'A decision may be "proposed" if ...'
        if target == "status" and _CHOICES.match(plain) and not _LINK.search(text):
            continue  # the template's choices: "Proposed / Accepted / Deprecated"
        if target == "status" and first is None and plain.rstrip(" *_").endswith("?"):
            continue  # the template's question: "What is the status, such as proposed, ...?"
        if target == "status" and _STATUS_DATE.match(plain):  # "2020-09-22 Accepted"
            dated.append((line_number, _ITEM_MARK.sub("", text)))
        labelled = _LABEL_ONLY.match(plain) if target == "status" else None
        if labelled and LABELS.get(_label(labelled["label"])) not in _STATUS_LINE_LABELS:
            # "Date created: *2025-08-08*" above the status word: that label's value
            _take(found, _label(labelled["label"]), labelled["value"], line_number, line, path, "")
            continue
        relation = _RELATION_LINE.match(plain) if target == "status" else None
        if relation and first is not None:
            _take_relation(found, relation["label"], text, line_number)
            said = relation["label"].lower()
            if said not in _RELATIONS and said not in _RELATED_LABELS:
                only_metadata = False  # "Amends [ADR 2](..)": the header says only "Related"
            if len(dated) >= 2 and relation["label"].lower().startswith(_REPLACED):
                dated.append((line_number, _ITEM_MARK.sub("", text)))
            continue
        if first is None and relation and not relation["label"].lower().startswith(_REPLACED):
            # "Supersedes [1. R1](0001-r1.md)" above "Superseded by [3. R3](..)" (a record in
            # the middle of an adr-tools chain): a link, not the status
            _take_relation(found, relation["label"], text, line_number)
            if relation["label"].lower() not in _RELATIONS:
                only_metadata = False
            continue
        if first is None:
            first = (line_number, _ITEM_MARK.sub("", text))
            if relation:
                _take_relation(found, relation["label"], text, line_number)
            continue
        only_metadata = False
    if first is None or (target in found.fields and target != "date"):  # dates: by rank
        return
    if len(dated) >= 2:  # a dated history of statuses, oldest first: the last one holds
        first = dated[-1]
    line_number, value = first
    column = section_column(body[line_number - section.line - 1], value)
    if target == "status":
        value = _with_link_continued(value, body[line_number - section.line :])
        word, successors = status_phrase(value)
        if word is None:
            return
        if says_more(value, word, [target for _, target in successors]):
            only_metadata = False  # "Accepted, partly superseded by [ADR 9](..)": all of it
        found.fields["status"] = Field(
            value, Position(line_number, 1), Position(line_number, column)
        )
        found.style = found.style or "section"
        found.status_in_sentence = len(plain_text(value).split()) >= _SENTENCE_WORDS
        for kind_of_link, link in successors:
            found.relations.append(Relation(kind_of_link, link, Position(line_number, column)))
        decided = TRANSLATED_STATUSES.get(word.lower(), word.lower()) in _DECIDED_WORDS
        if decided and "date" not in found.fields:
            # "**Approved** (by TSC vote on 3/25/21)", or on a line below: "Approved by the
            # TSC on 3/2/22": the day it was decided
            for offset, line in enumerate(body[line_number - section.line - 1 :]):
                said = plain_text(line)
                day = read_date(said)[0] if _DECIDED_LINE.search(said) else None
                if day is not None:
                    number = line_number + offset
                    _take(found, "accepted on", day.isoformat(), number, line, path, "")
                    break
    else:
        label = section.key if section.key in LABELS else target  # its rank: "Creation Date"
        _take(found, label, value, line_number, body[line_number - section.line - 1], path, "")
    if only_metadata:
        found.hidden_lines.update(set(range(section.line, section.end_line + 1)) - definitions)


# Words from which a Status section's first line is a sentence, not a status and a remark.
_SENTENCE_WORDS = 8


def _with_link_continued(value: str, following: list[str]) -> str:
    """A status line whose link goes on to the next lines of its paragraph ("This KEP has
    been replaced by [KEP 2433: Topology Aware" / "Hints](https://...)"), joined up to
    the line that closes it; other lines are left alone. "Superseded by" at the end of
    its line names the successor on the next."""
    by = re.search(r"\bby\s*:?$", value.strip(), re.IGNORECASE)
    if by and following[:1] and following[0].strip():
        return f"{value.strip()} {following[0].strip()}"
    joined = value
    for line in following[:3]:
        if joined.count("[") <= joined.count("]") or not line.strip():
            break
        joined = f"{joined} {line.strip()}"
    return joined if joined.count("[") <= joined.count("]") else value


def _read_task_list(section: Section, body: list[str], path: str, found: BodyMetadata) -> bool:
    """A Status section written as a task list, one box per status, the ones reached
    ticked (``- [x] Proposed (date: 2025-06-02)``, ``- [x] Accepted (date: 2025-06-10)``,
    ``- [ ] Rejected``): the last ticked box is the status, and its date the date. With no
    box ticked (a template) the record states none. False when the section is no task
    list."""
    boxes = [
        (section.line + 1 + offset, match)
        for offset, line in enumerate(body)
        if (match := _TASK.match(_COMMENT.sub("", line)))
    ]
    if len(boxes) < 2:
        return False
    ticked = [(number, match) for number, match in boxes if match["box"] in "xX"]
    if not ticked or "status" in found.fields:
        return True
    line_number, match = ticked[-1]
    value = match["text"].strip()
    word, successors = status_phrase(value)
    if word is None:
        return True
    line = body[line_number - section.line - 1]
    position = Position(line_number, section_column(line, value))
    found.fields["status"] = Field(value, Position(line_number, 1), position)
    found.style = found.style or "section"
    others_say_more = any(
        re.search(r"\d", match["text"]) for number, match in boxes if number != line_number
    )
    only_boxes = len(boxes) == sum(1 for text in body if text.strip())
    if only_boxes and not others_say_more and not section.children:
        # Only the boxes: the header shows the one ticked last, the others are the
        # template's choices (a box dated otherwise says when that stage was reached).
        found.hidden_lines.update(range(section.line, section.end_line + 1))
    for kind_of_link, link in successors:
        found.relations.append(Relation(kind_of_link, link, position))
    # "(date: 2025-06-10)" after the word: the date as written, without its label
    written = _DATE_AFTER_WORD.sub("", value[len(word) :]).rstrip(" )]")
    if read_date(written)[0] is not None:
        _take(found, "date", written, line_number, line, path, "")
    return True


def section_column(line: str, value: str) -> int:
    at = line.find(value)
    return at + 1 if at >= 0 else 1


# A feature's name written as words, two or more ("Add gem exec command", "`.profile`
# Utility Buildpack"), not as an identifier ("my_awesome_feature") or the template's
# "(fill me in ...)".
_PROSE_NAME = lazy_pattern(r"^[^\s_(\[{<][^\s]*(?:\s+\S+)+$")


def _shortened(text: str, most: int = 40) -> str:
    """A value as a message quotes it: whole, or cut at a word with an ellipsis."""
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0].rstrip(" ,;:") + "\u2026"


def _take(
    found: BodyMetadata,
    label: str,
    value: str,
    line_number: int,
    line: str,
    path: str,
    style: str,
) -> bool:
    """Store what a labelled value says; whether the page header shows it (the line is then
    hidden below the header, else it stays: an unread date, a second value, "TBD")."""
    key = LABELS[label]
    value = _COMMENT.sub("", value).strip()
    if not plain_text(_strip_marks(value)).strip():
        if value and key in ("title", "status"):
            found.placeholders.add(key)  # "<TAP title>", "<Draft | Active>": read as tags
        return True  # "* Decider(s):" left empty says nothing the page would miss
    if _NOTHING.match(plain_text(_strip_marks(value))):
        return False  # "N/A", "None", "-", "TBD": the template's way of saying nothing
    position = Position(line_number, section_column(line, value))
    if key in ("superseded_by", "supersedes"):
        links = [target for _, target in _LINK.findall(value) if target]
        # Without links, the ids and file names it names ("ADR-0003, ADR-0004",
        # "0003-x.md", "0013"); other words name no record ("Data Connections (pre-2.16)").
        targets = links or _named_records(plain_text(value))
        for target in targets:
            found.relations.append(Relation(key, target, position))
        return bool(targets)
    if key == "date":
        rank = date_rank(label)
        if rank >= found._date_rank:
            return False
        day, iso = read_date(value)
        if day is None:
            shown = plain_text(value)
            template = _PLACEHOLDER.search(shown) or re.search(r"yyyy|^[\[{(<]", shown, re.I)
            if not template:  # said only when the record gives no date it can read
                unread = finding(
                    "DEC014",
                    path,
                    position,
                    f"date `{_shortened(shown)}` cannot be read as a date; "
                    "the record is shown without one",
                    "write it as YYYY-MM-DD",
                )
                if _ISO.search(shown) or _YMD.search(shown):  # "2020-09-31": no such day
                    unread = replace(unread, severity=Severity.WARNING)
                found.unread_date.append(unread)
            return False
        found._date_rank = rank
        found.layout = found.layout or style
        if not iso:
            found.findings.append(
                finding(
                    "DEC014",
                    path,
                    position,
                    f"date `{_shortened(plain_text(value))}` is read as {day.isoformat()}; "
                    "it is not written as YYYY-MM-DD",
                    f"write it as {day.isoformat()}",
                )
            )
        found.fields["date"] = Field(day, Position(line_number, 1), position)
        found.date_order = date_order(value)
        # "2026-01-20 — delivered in [#7887](..)", "2026-03-01, extended 2026-07-29 (..)":
        # the header shows the date, the line stays for what it says beside it.
        return not _date_says_more(value)
    weak_label = key == "status" and label in _IMPLEMENTATION_LABELS
    if weak_label and (
        "status" in found.fields or not _HOW_FAR.match(plain_text(_strip_marks(value)))
    ):
        return False
    if key == "status" and not weak_label and found.status_by_implementation:
        # The record's own Status label, below a line on how far the implementation got:
        # that line stays on the page, and this one is the status.
        weak = found.fields.pop("status", None)
        if weak is not None:
            found.hidden_lines.discard(weak.key_position.line)
        found.status_by_implementation = False
    if key in found.fields:
        previous = found.fields[key]
        if key in NAME_FIELDS and previous.key_position.line == line_number - 1:
            # ":Author: Ana" then ":Author: Bo" on the next line: both are the authors
            names = [*previous.value, *names_in(value)]
            found.fields[key] = replace(previous, value=names)
            return True
        return False
    if key == "review_by" and read_date(value)[0] is None:
        return False  # "Review: the architecture board" names who, not when
    found.layout = found.layout or style
    parsed: object = value
    in_header = True
    if key in NAME_FIELDS:
        parsed = names_in(value)
    elif key == "tags":
        parsed = tags_in(value)
    elif key == "title":
        parsed = plain_text(_strip_marks(value))
        if is_placeholder(str(parsed)):
            found.placeholders.add("title")
        if label == "feature name":  # "[security] Run as non root": a label, then the name
            parsed = re.sub(r"^\[[^\[\]]{1,20}\]\s+(?=\S)", "", str(parsed))
        if label == "feature name" and not _PROSE_NAME.match(str(parsed)):
            return False  # Rust's `- Feature Name: my_awesome_feature`: an identifier
        found.title_is_feature_name = label == "feature name"
    elif key == "status":
        word, successors = status_phrase(value)
        if word is None:
            if _PLACEHOLDER.search(plain_text(value).strip()):
                found.placeholders.add("status")
            return False
        for relation, target in successors:
            found.relations.append(Relation(relation, target, position))
        found.style = found.style or style
        in_header = not says_more(value, word, [target for _, target in successors])
        found.status_by_implementation = weak_label  # stored: a Status label may replace it
    found.fields[key] = Field(parsed, Position(line_number, 1), position)
    return in_header


# Words a date may be written with that say nothing beside it.
_SAID_WITH_DATES = frozenset(
    {"st", "nd", "rd", "th", "on", "of", "the", "de", "del", "le", "la", "el", "am", "den"}
    | {"der", "du", "t", "z", "utc", "gmt", "cet", "cest", "est", "edt", "pst", "pdt"}
    | {"yyyy", "mm", "dd"}  # "2024-01-20 (YYYY-MM-DD)": the template's hint left
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    | {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}
    | {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
    | {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"}
    | {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}
    | {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"}
)


def _date_says_more(value: str) -> bool:
    """Whether a date value holds more than the date: words or links beside it (a day's
    name, a time and its zone, "de" and "le" say nothing more)."""
    text = _LINK.sub(lambda link: f" {link[1]} link ", _COMMENT.sub("", value))
    plain = plain_text(_strip_marks(text)).lower()
    plain = re.sub(r"\d(t)(?=\d{1,2}:\d{2})", " ", plain)  # "2024-01-20T10:00:00Z"
    words = re.findall(r"[^\W\d_]+", plain)
    return any(word not in MONTHS and word not in _SAID_WITH_DATES for word in words)


def _named_records(text: str) -> list[str]:
    """The records a plain value names: ids, Markdown file names, numbers."""
    named = []
    for part in re.split(r"\s*[,;]\s*|\s+(?:and|&)\s+", text):
        part = part.strip(" .()[]")
        if _NAMED_RECORD.fullmatch(part):
            named.append(part.lstrip("#"))
        else:
            named += [match[0] for match in _ID_IN_TEXT.finditer(part)]
    return named


def _read_status_note(
    region: list[tuple[int, str]],
    first_line: int,
    sections: tuple[Section, ...],
    found: BodyMetadata,
) -> None:
    """A status stated only in a note about the record ("This RFC was previously
    approved, but later **withdrawn**", "*Note:* this RFC has been superseded by [RFC
    1974][]"): above the first section, as a heading, in a Note or History section, or in a
    paragraph of a top-level section that starts with "Note:"."""
    for section in sections[:2]:
        # "## Superseded", "## DROPPED" at the top: the heading is the status, and the
        # section says by what.
        said = section.key.strip(" !.:")
        if said in _STATUS_HEADINGS:
            column = section_column(section.title, section.title.strip())
            position = Position(section.line, column)
            found.fields["status"] = Field(said, position, position)
            if said in ("superseded", "superceded", "replaced"):
                for target in _successors(section.body, region, sections)[:1]:
                    found.relations.append(Relation("superseded_by", target, position))
            return
    # "SUPERSEDED BY [ADR: Styling](/contributing/ADRs/styling)" opening the record or
    # its first section: a collection that writes no status marks a replaced record so
    opening = [(first_line + index, line) for index, line in region]
    if sections and not opening:
        body = sections[0].body.split("\n")
        opening = [(sections[0].line + 1 + i, line) for i, line in enumerate(body)]
    first = next((pair for pair in opening if pair[1].strip()), None)
    # "> ⚠️ Superseded by https://...": in a quote, after a sign, too (Haystack's proposals)
    opening_text = _SYMBOLS.sub("", _QUOTE.sub("", first[1]).strip()) if first else ""
    marked = _SUPERSEDED.match(plain_text(_strip_marks(opening_text)).strip()) if first else None
    if first is not None and marked is not None and marked[2]:
        position = Position(first[0], section_column(first[1], first[1].strip()))
        found.fields["status"] = Field("superseded", position, position)
        for target in _successors(first[1], region, sections)[:1]:
            found.relations.append(Relation("superseded_by", target, position))
        return
    paragraphs = _paragraphs([(first_line + index, line) for index, line in region])
    for section in sections:
        paragraphs.append([(section.line, section.title)])
        own = [
            (section.line + 1 + offset, line)
            for offset, line in enumerate(section.body.split("\n"))
        ]
        note_section = section.key in _NOTE_SECTIONS
        for paragraph in _paragraphs(own):
            if note_section or _NOTE_LABEL.match(
                plain_text(_QUOTE.sub("", paragraph[0][1])).strip()
            ):
                paragraphs.append(paragraph)
    for paragraph in paragraphs:
        joined = " ".join(_QUOTE.sub("", line).strip() for _, line in paragraph)
        active = _SUPERSEDES_NOTE.search(plain_text(_strip_marks(joined)))
        if active:  # "This RFC has superseded [20251105-x.md](...)": what it replaces
            after = joined[joined.lower().find(active["word"].lower()) :]
            for target in _successors(after, region, sections)[:1]:
                found.relations.append(Relation("supersedes", target, Position(paragraph[0][0], 1)))
        note = status_note(plain_text(_strip_marks(joined)))
        if note is None:
            continue
        said = note["word"].lower()
        line_number, line = next(
            ((number, text) for number, text in paragraph if said in text.lower()), paragraph[0]
        )
        column = section_column(line, note["word"])
        part = (note["part"] or note["part2"] or "").split()
        word = f"{'partially' if part[0] == 'part' else part[0].lower()} {said}" if part else said
        found.fields["status"] = Field(
            word, Position(line_number, column), Position(line_number, column)
        )
        if said in ("superseded", "superceded", "replaced") and not part:
            after = joined[joined.lower().find(said) :]
            for target in _successors(after, region, sections)[:1]:
                found.relations.append(
                    Relation("superseded_by", target, Position(line_number, column))
                )
        return


def _paragraphs(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Consecutive non-blank lines, each paragraph with the file line of each line."""
    paragraphs: list[list[tuple[int, str]]] = []
    previous = None
    for number, line in lines:
        if not line.strip():
            previous = None
            continue
        if previous is not None and number == previous + 1 and paragraphs:
            paragraphs[-1].append((number, line))
        else:
            paragraphs.append([(number, line)])
        previous = number
    return paragraphs


def _successors(
    text: str, region: list[tuple[int, str]], sections: tuple[Section, ...]
) -> list[str]:
    """What a note's "superseded by ..." names: links, reference links defined elsewhere
    in the record, else an id written as text."""
    targets = [target for _, target in _LINK.findall(text) if target]
    if not targets:  # "[Release Methodology][adr_methodology]", defined below
        defined = _link_definitions(region, sections)
        targets = [
            defined[(name or label).lower()]
            for label, name in _REF_LINK_NAMES.findall(text)
            if "://" not in defined.get((name or label).lower(), "://")
        ]
    if not targets:
        named = _ID_IN_TEXT.search(plain_text(text))
        targets = [f"{named[1]}-{named[2]}"] if named else []
    return targets


def _link_definitions(
    region: list[tuple[int, str]], sections: tuple[Section, ...]
) -> dict[str, str]:
    """Reference-link definitions (``[adr_steps]: ./0016-release-steps.md``) by name."""
    lines = [line for _, line in region]
    for section in sections:
        lines.extend(section.full_text.split("\n"))
    return {
        match[1].lower(): match[2]
        for match in (_LINK_DEFINITION.match(line) for line in lines)
        if match
    }


def _take_relation(found: BodyMetadata, label: str, text: str, line_number: int) -> None:
    relation = _RELATIONS.get(label.lower(), "related")
    targets = [target for _, target in _LINK.findall(text) if target]
    if not targets:
        named = _ID_IN_TEXT.search(plain_text(text)[len(label) :])
        targets = [f"{named[1]}-{named[2]}"] if named else []
    for target in targets:
        found.relations.append(Relation(relation, target, Position(line_number, 1)))


def _label(text: str) -> str:
    written = " ".join(plain_text(_strip_marks(text)).strip().rstrip(":").split())
    series = _SERIES_STATUS.match(written)
    if series and series[1] not in _NOT_SERIES:
        return "status"  # "SEP Status: Draft", "NAP Status": the series' own name for it
    label = written.lower()
    if label not in LABELS:  # "date-creation", "decision_date": words joined by a mark
        spaced = " ".join(label.replace("-", " ").replace("_", " ").split())
        if spaced in LABELS:
            return spaced
    return label


# A series' acronym before "Status" (Salt's `- SEP Status: Draft`).
_SERIES_STATUS = lazy_pattern(r"^([A-Z]{2,6})[- ]?Status$")
# Acronyms of what else has a status near a record's top: a pull request, a build, a ticket.
_NOT_SERIES = frozenset(
    {"PR", "MR", "CI", "CD", "QA", "JIRA", "API", "UI", "UX", "CR", "SLA", "SLO", "POC", "MVP"}
)


def _strip_marks(text: str) -> str:
    """Emphasis around a whole value (``**Implemented**``) and reference links."""
    text = _REF_LINK.sub(r"\1", text)
    return text.replace("**", "").replace("__", "")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_section_name(title: str, section_names: frozenset[str]) -> bool:
    """Whether a heading names a section (``# Summary``, ``# Context``), never a title."""
    return section_key(title) in section_names
