"""DEC3xx: the sections a record needs, and the trade-offs written in them.

What a record must contain depends on the format it is written in: a MADR record (or one
in this tool's own format) weighs considered options; a Nygard record has Context,
Decision and Consequences and no options. A section that most records of a collection
lack is not part of that team's template: it is said once, as a note, until the team
names its sections in the configuration (``kinds: <kind>: sections:``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..catalogue.findings import Finding, Position, Severity
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.body import plain_text
from ..records.kinds import DECIDED, PROS_AND_CONS, KindSpec, SectionSpec, with_article
from ..records.model import Record, Section
from ..records.tradeoffs import (
    all_items,
    chosen_options,
    considered_options,
    discusses_in_prose,
    find_section,
    has_negative_consequence,
    is_con,
    is_pro,
    uses_good_and_bad,
)
from .registry import check

# A collection of at least this many records in which fewer than this share have a
# section does not use that section: its template has none.
CONVENTION_MINIMUM = 5
CONVENTION_SHARE = 0.25
# Headings that only a record weighing options has (MADR and this tool's own format).
_OPTION_MARKERS = ("decision drivers", "decision outcome", *PROS_AND_CONS)


@check("DEC301", "DEC302")
def check_sections(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    sections = record.iter_sections()
    for spec in required_sections(record, kind):
        section = find_section(sections, spec.aliases)
        if section is not None:
            if section.is_empty:
                yield finding(
                    "DEC302",
                    record.path,
                    Position(section.line, 1),
                    f"section `{section.title}` is empty",
                )
            continue
        convention = _section_convention(corpus, kind, spec)
        if convention is None:
            yield finding(
                "DEC301",
                record.path,
                record.title_position,
                f"missing section `{spec.name}`"
                + (f" (required when {record.status})" if spec.required_from else ""),
                f"add a `## {spec.name}` section",
            )
        elif convention == record.path:
            yield _convention_note(corpus, kind, spec, record)


def required_sections(record: Record, kind: KindSpec) -> list[SectionSpec]:
    """The sections a record of this kind needs, for its status and its format."""
    required = [
        spec
        for spec in kind.sections
        if spec.required_from is None or record.status in spec.required_from
    ]
    if kind.name == "adr" and not weighs_options(record, kind):
        required = [spec for spec in required if spec.name != "Considered Options"]
    return required


def weighs_options(record: Record, kind: KindSpec) -> bool:
    """Whether the record's format lists considered options: front matter (MADR 3/4 and
    this tool's format), or MADR's headings and ``Chosen option``; a Nygard or adr-tools
    record (Context, Decision, Consequences) does not."""
    if record.metadata_style == "front matter":
        return True
    keys = {section.key for section in record.iter_sections()}
    options = kind.section("Considered Options").aliases if kind.name == "adr" else ()
    if keys & set(_OPTION_MARKERS) or keys & set(options):
        return True
    return "chosen option" in record.body.lower()


def _section_convention(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> str | None:
    """The path of the record that carries the one note, when the collection does not use
    this section; None when it does (or when the team named its sections itself)."""
    if kind.vocabulary_configured:
        return None

    def compute() -> str | None:
        records = [r for r in corpus.records if r.kind == kind.name]
        needing = [r for r in records if spec in required_sections(r, kind)]
        if len(needing) < CONVENTION_MINIMUM:
            return None
        having = [r for r in needing if find_section(r.iter_sections(), spec.aliases)]
        if len(having) >= CONVENTION_SHARE * len(needing):
            return None
        return min(r.path for r in needing if r not in having)

    return corpus.memo(f"sections:{kind.name}:{spec.name}", compute)


def _convention_note(corpus: Corpus, kind: KindSpec, spec: SectionSpec, record: Record) -> Finding:
    records = [r for r in corpus.records if r.kind == kind.name]
    needing = [r for r in records if spec in required_sections(r, kind)]
    missing = [r for r in needing if not find_section(r.iter_sections(), spec.aliases)]
    note = finding(
        "DEC301",
        record.path,
        record.title_position,
        f"{len(missing)} of {len(needing)} {kind.label.lower()} have no `{spec.name}` section, "
        "so this collection's template seems not to have one; said once, not per record",
        f"if your records call it something else, name it under `kinds: {kind.name}: "
        f"sections: {{{spec.name}: [Your heading]}}`; naming your sections there also makes "
        "every record need them",
    )
    return replace(note, severity=Severity.INFO)


@check("DEC303", "DEC304")
def check_options(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "adr":
        return
    sections = record.iter_sections()
    options_section = find_section(sections, kind.section("Considered Options").aliases)
    if options_section is None or options_section.is_empty:
        return  # DEC301/DEC302 already say so
    options = considered_options(options_section)
    if not options:
        return  # options written as prose cannot be counted
    if options_section.key.startswith(("alternative", "rejected")):
        # "## Alternatives" lists what was not chosen: the decision is the other option,
        # so one alternative is enough, and the outcome names none of them.
        return
    yield from _too_few("DEC303", record, kind, options_section, len(options), "considered option")
    outcome = find_section(sections, kind.section("Decision Outcome").aliases)
    if record.status not in DECIDED or outcome is None:
        return
    if not chosen_options(outcome, options):
        yield finding(
            "DEC304",
            record.path,
            Position(outcome.line, 1),
            "the decision outcome names none of the considered options ("
            + ", ".join(f'"{option.short_name}"' for option in options)
            + ")",
        )


@check("DEC305")
def check_negative_consequence(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "adr" or record.status not in DECIDED:
        return
    sections = [s for s in record.iter_sections() if s.key in kind.section("Consequences").aliases]
    if not sections or all(section.is_empty for section in sections):
        return  # DEC301/DEC302 already say so
    if not any(uses_good_and_bad(section) for section in sections):
        return  # consequences written as prose: whether one is bad cannot be told
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
        items = all_items(option)
        if not items:
            continue  # pros and cons written as prose
        missing = []
        if not any(is_pro(plain_text(item.text), item) for item in items):
            missing.append("pro (`* Good, because ...`)")
        if not any(is_con(plain_text(item.text), item) for item in items):
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
    count = len(considered_options(section))
    if count:  # alternatives discussed as prose cannot be counted
        yield from _too_few("DEC307", record, kind, section, count, "alternative")


def _too_few(
    rule_id: str, record: Record, kind: KindSpec, section: Section, count: int, what: str
) -> Iterable[Finding]:
    if count < kind.min_options and not discusses_in_prose(section):
        listed = f"{count} {what}{'s' if count != 1 else ''}"
        yield finding(
            rule_id,
            record.path,
            Position(section.line, 1),
            f"{listed} listed; {with_article(kind.noun)} weighs at least {kind.min_options}",
        )
