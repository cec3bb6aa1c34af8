"""The checks over parsed records: status, links, sections and trade-offs.

Each check is a small function registered in ``CHECKS`` with the rule ids it
emits; the rule's severity and documentation live in ``catalogue.py``. Syntax
rules (DEC0xx) and identity rules found while parsing come from ``records.py``
and ``corpus.py``. Checking and rendering are kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from . import trace_rules  # noqa: F401  (registers the DEC2xx/DEC5xx checks of objectives)
from .catalogue import finding
from .corpus import Corpus
from .kinds import PROS_AND_CONS, KindSpec
from .markdown_structure import plain_text
from .model import Finding, ListItem, Position, Record, Section, Severity
from .registry import CHECKS, check
from .settings import Settings

_DECIDED = ("accepted", "deprecated", "superseded")
_PRO = re.compile(r"^(good|pro|pros|positive|advantage|\+)\b", re.IGNORECASE)
_CON = re.compile(
    r"^(bad|con|cons|negative|disadvantage|drawback|downside|risk|cost)\b", re.IGNORECASE
)
_NEGATIVE_HEADINGS = (
    "negative consequences",
    "negative",
    "bad",
    "cons",
    "drawbacks",
    "downsides",
    "risks",
)
# Straight and typographic quotes (written as escapes: U+2018/2019 and U+201C/201D).
_CHOSEN_QUOTED = re.compile(
    "chosen option\\s*:?\\s*[\"'\u2018\u201c]([^\"'\u2019\u201d\\n]+)", re.IGNORECASE
)
_CHOSEN_BARE = re.compile(r"chosen option\s*:?\s*([^,\n]+)", re.IGNORECASE)


def _anchor(record: Record) -> Position:
    """Where to point a finding about the record as a whole: its title line."""
    return record.title_position


# --- DEC1xx status and required fields -------------------------------------


@check("DEC101", "DEC102")
def check_status(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.raw_status is None:
        if "status" not in record.rejected_keys:
            yield finding("DEC102", record.path, _anchor(record), "the record has no status")
        return
    if record.status is None:
        yield finding(
            "DEC101",
            record.path,
            record.position_of("status"),
            f"unknown status `{record.raw_status}` for a record of kind {kind.name}",
            f"use one of: {', '.join(kind.statuses)}",
        )


@check("DEC105")
def check_required_fields(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    named = "superseded_by" in record.rejected_keys or any(
        r.relation == "superseded_by" for r in record.references
    )
    if record.status == "superseded" and not named and not corpus.successors(record):
        yield finding(
            "DEC105",
            record.path,
            record.position_of("status"),
            "status is superseded but no successor is named",
            "add `superseded_by: ADR-NNNN` (or `supersedes:` in the newer record)",
        )
    if record.status in _DECIDED and "deciders" in kind.fields:
        missing = [key for key in ("date", "deciders") if not record.value(key)]
        if missing:
            yield finding(
                "DEC105",
                record.path,
                record.position_of("status"),
                f"a decision with status {record.status} needs {' and '.join(missing)}",
                f"add {' and '.join(f'`{key}:`' for key in missing)} to the front matter",
            )


# --- DEC2xx links -------------------------------------------------------------


@check("DEC201")
def check_dangling(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    for reference in corpus.unresolved_of(record):
        yield finding(
            "DEC201",
            record.path,
            reference.position,
            f"`{reference.relation}` names {reference.target}, which is not a known record",
        )


@check("DEC202", "DEC203")
def check_supersession(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    successors = [s for s in corpus.successors(record) if s.path != record.path]
    if len(successors) > 1:
        names = ", ".join(s.id for s in successors)
        yield finding(
            "DEC202",
            record.path,
            record.position_of("superseded_by")
            if "superseded_by" in record.fields
            else _anchor(record),
            f"{record.id} is superseded by more than one record: {names}",
        )
    if (
        successors
        and record.status is not None
        and record.status
        not in (
            "superseded",
            "deprecated",
            "rejected",
            "withdrawn",
            "retired",
        )
    ):
        yield finding(
            "DEC203",
            record.path,
            record.position_of("status") if "status" in record.fields else _anchor(record),
            f"{successors[0].id} supersedes this record but its status is {record.status}",
            f"set `status: superseded` and `superseded_by: {successors[0].id}`",
        )


@check("DEC204")
def check_cycles(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    chain = [record]
    current = record
    while True:
        following = corpus.successor(current)
        if following is None:
            return
        if following.path == record.path:
            # Report a cycle once, on its member with the smallest path.
            if record.path == min(member.path for member in chain):
                route = " → ".join(member.id for member in [*chain, record])
                yield finding(
                    "DEC204", record.path, _anchor(record), f"supersession cycle: {route}"
                )
            return
        if any(member.path == following.path for member in chain):
            return  # a cycle further along; reported from its own members
        chain.append(following)
        current = following


# --- DEC3xx sections and trade-offs --------------------------------------------


@check("DEC301", "DEC302")
def check_sections(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    sections = record.iter_sections()
    for spec in kind.sections:
        if spec.required_from is not None and record.status not in spec.required_from:
            continue
        section = _find(sections, spec.aliases)
        if section is None:
            yield finding(
                "DEC301",
                record.path,
                _anchor(record),
                f"missing section `{spec.name}`"
                + (f" (required when {record.status})" if spec.required_from else ""),
                f"add a `## {spec.name}` section",
            )
        elif section.is_empty:
            yield finding(
                "DEC302",
                record.path,
                Position(section.line, 1),
                f"section `{section.title}` is empty",
            )


@check("DEC303", "DEC304")
def check_options(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "adr":
        return
    sections = record.iter_sections()
    options_section = _find(sections, kind.section("Considered Options").aliases)
    if options_section is None or options_section.is_empty:
        return  # DEC301/DEC302 already say so
    options = option_titles(options_section)
    yield from _too_few("DEC303", record, kind, options_section, "considered option(s)")
    outcome = _find(sections, kind.section("Decision Outcome").aliases)
    decided = record.status in _DECIDED and outcome is not None and options
    if decided and outcome is not None and chosen_option(outcome, options) is None:
        yield finding(
            "DEC304",
            record.path,
            Position(outcome.line, 1),
            "the decision outcome names none of the considered options ("
            + ", ".join(f'"{option}"' for option in options)
            + ")",
        )


@check("DEC305")
def check_negative_consequence(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "adr" or record.status not in _DECIDED:
        return
    sections = [s for s in record.iter_sections() if s.key in kind.section("Consequences").aliases]
    if not sections or all(section.is_empty for section in sections):
        return  # DEC301/DEC302 already say so
    if any(_has_negative(section) for section in sections):
        return
    yield finding(
        "DEC305",
        record.path,
        Position(sections[0].line, 1),
        "the consequences name no negative consequence",
    )


@check("DEC306")
def check_pros_and_cons(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "adr":
        return
    pros_and_cons = _find(record.iter_sections(), PROS_AND_CONS)
    if pros_and_cons is None:
        return
    for option in pros_and_cons.children:
        items = [plain_text(item.text) for item in _all_items(option)]
        missing = []
        if not any(_PRO.match(item) for item in items):
            missing.append("pro (`* Good, because ...`)")
        if not any(_CON.match(item) for item in items):
            missing.append("con (`* Bad, because ...`)")
        if missing:
            yield finding(
                "DEC306",
                record.path,
                Position(option.line, 1),
                f"option `{option.title}` has no {' and no '.join(missing)}",
            )


@check("DEC307")
def check_alternatives(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "rfc":
        return
    section = _find(record.iter_sections(), kind.section("Alternatives").aliases)
    if section is None or section.is_empty:
        return
    yield from _too_few("DEC307", record, kind, section, "alternative(s)")


def _too_few(
    rule_id: str, record: Record, kind: KindSpec, section: Section, what: str
) -> Iterable[Finding]:
    count = len(option_titles(section))
    if count < kind.min_options:
        yield finding(
            rule_id,
            record.path,
            Position(section.line, 1),
            f"{count} {what} listed; a {kind.noun} weighs at least {kind.min_options}",
        )


# --- DEC4xx history -----------------------------------------------------------------


@check("DEC401")
def check_transitions(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    file = corpus.history.of(record.path)
    changes = (
        [
            (c.old, c.new, f"in commit {c.commit.short} ({c.commit.day})")
            for c in file.status_timeline
        ]
        if file
        else []
    )
    last = file.status_timeline[-1].new if file and file.status_timeline else None
    if file and record.status and last and record.status != last:
        changes.append((last, record.status, "in the working tree (not committed yet)"))
    for old, new, where in changes:
        if (
            old in kind.statuses
            and new in kind.statuses
            and new not in kind.transitions.get(old, ())
        ):
            allowed = ", ".join(kind.transitions.get(old, ())) or "none: it is final"
            yield finding(
                "DEC401",
                record.path,
                record.position_of("status") if "status" in record.fields else _anchor(record),
                f"status changed from {old} to {new} {where}; the {kind.name} lifecycle "
                f"does not allow it (from {old}: {allowed})",
                "supersede the record with a new one instead of changing its status back",
            )


@check("DEC402")
def check_edits_after_acceptance(
    record: Record, kind: KindSpec, corpus: Corpus
) -> Iterable[Finding]:
    file = corpus.history.of(record.path)
    if kind.name != "adr" or file is None:
        return
    edits = [edit for edit in file.content_edits if edit.status == "accepted"]
    if edits:
        latest = edits[-1].commit
        more = f" (and {len(edits) - 1} earlier commit(s))" if len(edits) > 1 else ""
        yield finding(
            "DEC402",
            record.path,
            _anchor(record),
            f"accepted decision edited after acceptance in commit {latest.short} "
            f"({latest.day}) by {latest.author}{more}",
            "supersede instead: write a new ADR with `supersedes:` naming this one",
        )


@check("DEC403")
def check_date_against_git(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    file = corpus.history.of(record.path)
    if file is None or record.date is None or corpus.history.shallow:
        return
    created = file.created
    if record.date < created.day:
        yield finding(
            "DEC403",
            record.path,
            record.position_of("date"),
            f"date {record.date} is before the file's first commit {created.short} ({created.day})",
        )


# --- helpers shared by the checks and the renderer ------------------------------


def _find(sections: list[Section], aliases: tuple[str, ...]) -> Section | None:
    return next((section for section in sections if section.key in aliases), None)


def _all_items(section: Section) -> list[ListItem]:
    items: list[ListItem] = list(section.items)
    for child in section.children:
        items.extend(_all_items(child))
    return items


def option_titles(section: Section) -> list[str]:
    """The options of a section: its top-level list items (as plain text, links reduced
    to their words), or else its subsection titles."""
    if section.items:
        return [plain_text(item.text) for item in section.items]
    return [child.title for child in section.children]


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", plain_text(text).lower()).split())


def chosen_option(outcome: Section, options: list[str]) -> str | None:
    """The option the outcome names: ``Chosen option: "X"``, else any option it mentions."""
    text = plain_text(outcome.full_text)
    match = _CHOSEN_QUOTED.search(text) or _CHOSEN_BARE.search(text)
    candidates = [_key(match.group(1))] if match else []
    keyed = {_key(option): option for option in options if _key(option)}
    for candidate in candidates:
        for key, option in keyed.items():
            if candidate and (key in candidate or candidate in key):
                return option
    whole = _key(text)
    for key, option in sorted(keyed.items(), key=lambda pair: -len(pair[0])):
        if re.search(rf"\b{re.escape(key)}\b", whole):
            return option
    return None


def _has_negative(section: Section) -> bool:
    if section.key in _NEGATIVE_HEADINGS and not section.is_empty:
        return True
    for child in section.children:
        if child.key in _NEGATIVE_HEADINGS and not child.is_empty:
            return True
    for line in section.full_text.split("\n"):
        text = plain_text(line.strip().lstrip("*-+ ").strip())
        if _CON.match(text):
            return True
    return False


# --- running everything ---------------------------------------------------------


def run_checks(corpus: Corpus, settings: Settings) -> list[Finding]:
    """Every finding for the corpus (parse findings included), at configured severities."""
    findings = list(corpus.findings)
    empty = {f.path for f in findings if f.rule == "DEC008"}
    for record in corpus.records:
        if record.path in empty:
            continue  # DEC008 says it all
        kind = settings.kinds[record.kind]
        for registered in CHECKS:
            findings.extend(registered.run(record, kind, corpus))
    return apply_severities(findings, settings)


def apply_severities(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Configured severities applied, rules switched off dropped, sorted by place."""
    adjusted = []
    for item in findings:
        severity = settings.severity(item.rule)
        if severity is Severity.OFF:
            continue
        adjusted.append(replace(item, severity=severity) if severity != item.severity else item)
    adjusted.sort(key=lambda f: (f.path, f.position.line, f.position.column, f.rule))
    return adjusted
