"""DEC3xx: the sections a record needs, and the trade-offs written in them."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.findings import Finding, Position
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.body import plain_text
from ..records.kinds import DECIDED, PROS_AND_CONS, KindSpec
from ..records.model import Record, Section
from ..records.tradeoffs import (
    CON,
    PRO,
    all_items,
    chosen_option,
    find_section,
    has_negative_consequence,
    option_titles,
)
from .registry import check


@check("DEC301", "DEC302")
def check_sections(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    sections = record.iter_sections()
    for spec in kind.sections:
        if spec.required_from is not None and record.status not in spec.required_from:
            continue
        section = find_section(sections, spec.aliases)
        if section is None:
            yield finding(
                "DEC301",
                record.path,
                record.title_position,
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
    options_section = find_section(sections, kind.section("Considered Options").aliases)
    if options_section is None or options_section.is_empty:
        return  # DEC301/DEC302 already say so
    options = option_titles(options_section)
    yield from _too_few("DEC303", record, kind, options_section, "considered option(s)")
    outcome = find_section(sections, kind.section("Decision Outcome").aliases)
    decided = record.status in DECIDED and outcome is not None and options
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
    if kind.name != "adr" or record.status not in DECIDED:
        return
    sections = [s for s in record.iter_sections() if s.key in kind.section("Consequences").aliases]
    if not sections or all(section.is_empty for section in sections):
        return  # DEC301/DEC302 already say so
    if any(has_negative_consequence(section) for section in sections):
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
    pros_and_cons = find_section(record.iter_sections(), PROS_AND_CONS)
    if pros_and_cons is None:
        return
    for option in pros_and_cons.children:
        items = [plain_text(item.text) for item in all_items(option)]
        missing = []
        if not any(PRO.match(item) for item in items):
            missing.append("pro (`* Good, because ...`)")
        if not any(CON.match(item) for item in items):
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
    section = find_section(record.iter_sections(), kind.section("Alternatives").aliases)
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
