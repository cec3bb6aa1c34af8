"""DEC3xx: the sections a record needs, and the trade-offs written in them.

What a record must contain depends on the format it is written in: a MADR record (or one
in this tool's own format) weighs considered options; a Nygard record has Context,
Decision and Consequences and no options. A section that most records of a collection
lack is not part of that team's template: it is said once, as a note, until the team
names its sections in the configuration (``kinds: <kind>: sections:``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

from ..catalogue.findings import Finding, Position, Severity
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..history.git_log import Commit
from ..records.arguments import stated_kinds
from ..records.body import plain_text, section_key
from ..records.kinds import (
    DECIDED,
    DECISION_DRIVERS,
    PROS_AND_CONS,
    KindSpec,
    SectionSpec,
    section_names,
    with_article,
)
from ..records.model import ListItem, Record, Section
from ..records.templates import TemplateOutline, covering, of_type
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

# A collection of at least this many records in which fewer than this share follow a
# convention (name their deciders, say) does not have that convention.
CONVENTION_MINIMUM = 5
CONVENTION_SHARE = 0.25
# A section that most of a collection's records lack is not in its template, when it
# keeps no template file that says what is (records/templates.py).
SECTION_SHARE = 0.5
# A template the team does not follow: more than two thirds of the records it covers lack
# a section it asks for. Well past half, so that one more record without it does not
# turn a collection's errors into a note (and its baseline's findings into "fixed").
UNFOLLOWED_SHARE = 2 / 3
# MADR's outcome line ("Chosen option: "X", because", "**Chosen options:**"), not the words
# in a sentence ("any chosen option should be unique").
_CHOSEN_LINE = re.compile(r"^[\s>*_-]*chosen\s+options?\b[*_]*\s*:", re.IGNORECASE | re.MULTILINE)
# What an RFC's Alternatives section says when it considered none.
_NO_ALTERNATIVES = re.compile(
    r"^(?:none|nothing|n/?a|tbd|tbc|todo|-+|\u2014|\u2013|not applicable"
    r"|(?:there\s+(?:are|were)\s+)?no(?:ne)?(?:\s+(?:other|real|known))?\s+"
    r"(?:alternatives?|options?)(?:\s+(?:were\s+|have\s+been\s+)?considered)?"
    r"(?:\s+(?:yet|so\s+far|at\s+this\s+time))?|none\s+(?:yet|so\s+far|considered))"
    r"\s*[.!]?$",
    re.IGNORECASE,
)
_HTML_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
# Headings that only a record weighing options has (MADR and this tool's own format).
_OPTION_MARKERS = ("decision drivers", "decision outcome", *PROS_AND_CONS)


@check("DEC301", "DEC302", "DEC308")
def check_sections(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    sections = record.iter_sections()
    if not sections and _points_elsewhere(record):
        return  # "This was an older SID that can be found [here](...)": kept elsewhere
    missing = False
    for finding_ in _section_findings(record, kind, corpus, sections):
        missing |= finding_.rule == "DEC301" and finding_.severity is Severity.ERROR
        yield finding_
    if not missing and _decided_without_content(record):
        yield finding(
            "DEC308",
            record.path,
            record.position_of("status") if "status" in record.fields else record.title_position,
            f"the record is {record.status} but says nothing below its title: no section, "
            "no sentence",
        )


_DECIDED_STATUSES = frozenset({"accepted", "rejected", "deprecated", "superseded", "implemented"})
# A word, or one character of a script written without spaces (Chinese, Japanese, Korean)
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\W\d_]+")


def _decided_without_content(record: Record) -> bool:
    """Whether a decided record has no words of its own below its title and metadata."""
    # Decided by `default_status` too: a record that says nothing is empty whatever its
    # format leaves unsaid (Strimzi's proposals, read as accepted).
    if record.status not in _DECIDED_STATUSES or record.moved_to:
        return False
    text = "\n".join(
        line
        for number, line in enumerate(record.body.split("\n"), record.body_line)
        if number not in record.hidden_lines
    )
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    return len(_WORD.findall(text)) < 2  # "Use Postgres." is a decision; "TBD" is not


def _section_findings(
    record: Record, kind: KindSpec, corpus: Corpus, sections: list[Section]
) -> Iterable[Finding]:
    """DEC301 and DEC302 of one record."""
    for spec in required_sections(record, kind):
        section = _written_section(_countable(corpus, kind, record, spec), spec.aliases)
        if section is not None:
            if section.is_empty and not _heads_a_group(section, sections, kind, corpus):
                yield finding(
                    "DEC302",
                    record.path,
                    Position(section.line, 1),
                    f"section `{section.title}` is empty",
                )
            continue
        asked = template_asks(corpus, kind, record, spec)
        if asked is False:
            continue  # the collection's own template has no such section, or marks it optional
        if asked and record.path in _before_template(corpus, kind):
            if _before_template_note_on(corpus, kind, spec) == record.path:
                yield _before_template_note(corpus, kind, spec, record)
            continue
        if asked:
            unfollowed = _template_unfollowed(corpus, kind, spec)
            if unfollowed is not None:
                if unfollowed == record.path:
                    yield _unfollowed_note(corpus, kind, spec, record)
                continue
        if _bold_heading(record, spec.aliases):
            continue  # "**Abstract**" on a line of its own: the section, written in bold
        convention = None if asked else _section_convention(corpus, kind, spec)
        folder = folder_convention(
            corpus,
            f"sections:{kind.name}:{spec.name}",
            record,
            partial(_needs, kind, spec),
            partial(_lacks, corpus, kind, spec),
        )
        if convention is None and folder is not None:
            if folder == record.path:
                yield _folder_note(kind, spec, record)
        elif convention is None:
            name = _template_heading(corpus, record, spec) or _usual_heading(corpus, kind, spec)
            yield finding(
                "DEC301",
                record.path,
                record.title_position,
                f"missing section `{name}`"
                + (f" (required when {record.status})" if spec.required_from else "")
                + _inside_note(record, kind, spec),
                _add_hint(corpus, record, spec, name),
            )
        elif convention == record.path:
            yield _convention_note(corpus, kind, spec, record)


# A line that is only bold words: how some records head their sections (Hedera's
# "**Abstract**", "**Motivation**").
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<name>[^*_\n]{2,60}?):?(?:\*\*|__):?\s*$", re.MULTILINE)


def _bold_heading(record: Record, aliases: tuple[str, ...]) -> bool:
    """Whether the record heads the section with a bold line instead of a heading."""
    if "**" not in record.body and "__" not in record.body:
        return False
    return any(section_key(match["name"]) in aliases for match in _BOLD_LINE.finditer(record.body))


# What a heading carries besides its name: its number, an emoji (`2. `, `:memo: `).
_PLAIN_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*[.):]?\s+|:[a-z0-9_+-]+:\s*)+")


def _template_heading(corpus: Corpus, record: Record, spec: SectionSpec) -> str:
    """The heading the collection's template gives a section, for the record's folder;
    "" without one."""
    for template in of_type(covering(corpus.templates, record.kind, record.group), record.types):
        written = find_section(_outline(template), spec.aliases)
        if written is not None:
            return _PLAIN_HEADING.sub("", plain_text(written.title)).strip()
    return ""


def _add_hint(corpus: Corpus, record: Record, spec: SectionSpec, name: str) -> str:
    """Where to add a missing section: at the level the template writes it, and under
    its section when the template nests it (``add a `### Positive Consequences` section
    under `## Decision Outcome```); else as a ``##`` section."""
    for template in of_type(covering(corpus.templates, record.kind, record.group), record.types):
        outline = _outline(template)
        written = find_section(outline, spec.aliases)
        if written is None:
            continue
        hint = f"add a `{'#' * written.level} {name}` section"
        above = outline[: outline.index(written)]
        parent = next((s for s in reversed(above) if s.level < written.level), None)
        if parent is not None:
            title = _PLAIN_HEADING.sub("", plain_text(parent.title)).strip()
            hint += f" under `{'#' * parent.level} {title}`"
        return hint
    return f"add a `## {name}` section"


def _usual_heading(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> str:
    """The heading the collection writes for a section (`Context` in a Nygard collection,
    `Contexte` in a French one): the one most of its records that have the section use,
    if at least two do; else the section's own name."""

    def compute() -> str:
        written: Counter[str] = Counter()
        for record in corpus.records:
            if record.kind == kind.name:
                found = find_section(record.iter_sections(), spec.aliases)
                if found is not None:
                    written[_PLAIN_HEADING.sub("", plain_text(found.title)).strip()] += 1
        common = written.most_common(1)
        return common[0][0] if common and common[0][1] >= 2 else spec.name

    return corpus.memo(f"heading:{kind.name}:{spec.name}", compute)


_POINTER_WORDS = 60  # a body of fewer words than this that links on is a pointer


def _points_elsewhere(record: Record) -> bool:
    """A record without sections whose whole body is a few words and a link: the record
    is kept elsewhere (an older document, an internal repository), and asks for none."""
    text = " ".join(record.body.split())
    return bool(_LINK_OR_URL.search(text)) and len(text.split()) < _POINTER_WORDS


_LINK_OR_URL = re.compile(r"\]\([^)]+\)|https?://\S+")


def _countable(corpus: Corpus, kind: KindSpec, record: Record, spec: SectionSpec) -> list[Section]:
    """The record's sections that can be ``spec``: all of them, unless the collection's
    template writes the section at its top level. Then a heading of that name inside
    another of the record's sections (chaos-mesh's ``### Summary`` of the two options
    under ``## Proposal``) is part of that section, not the record's Summary. Measured
    against the record's own sections, not heading levels: a record whose sections are
    all ``###`` under an ``## Overview``, or all ``#``, has them at its top, and so has
    one whose sections sit under a level-1 ``# Motivation``."""
    sections = record.iter_sections()
    if not _template_keeps_at_top(corpus, kind, record, spec):
        return sections
    inside = _inside_other_sections(record, kind).get(spec.name, {})
    return [
        section
        for section in sections
        if id(section) not in inside or _part_of_its_decision(kind, spec, inside[id(section)])
    ]


def _part_of_its_decision(kind: KindSpec, spec: SectionSpec, outer: Section) -> bool:
    """Whether a heading inside another section counts all the same: the consequences of
    the decision under its outcome (MADR's ``### Consequences`` under ``## Decision
    Outcome``), which every reader takes for the record's consequences."""
    decision = next((s for s in kind.sections if s.name == "Decision Outcome"), None)
    if spec.name != "Consequences" or decision is None:
        return False
    return find_section([outer], decision.aliases) is not None


def _template_keeps_at_top(
    corpus: Corpus, kind: KindSpec, record: Record, spec: SectionSpec
) -> bool:
    """Whether every template the record is written from that has the section has it at
    the template's top level (chaos-mesh's ``## Summary``; not MADR's ``### Consequences``
    under ``## Decision Outcome``, nor the KEP's ``### Risks and Mitigations`` under
    ``## Proposal``); False without a template."""
    if kind.vocabulary_configured:
        return False
    templates = of_type(
        _record_templates(kind, covering(corpus.templates, record.kind, record.group)),
        record.types,
    )
    levels = []
    for template in templates:
        outline = _outline(template)
        written = find_section(outline, spec.aliases)
        if written is not None:
            levels.append(written.level == min(section.level for section in outline))
    return bool(levels) and all(levels)


def _inside_other_sections(record: Record, kind: KindSpec) -> dict[str, dict[int, Section]]:
    """Per section of the kind, the record's headings that sit inside another of the
    kind's sections, each with the section it is inside (by ``id``)."""

    def compute() -> dict[str, dict[int, Section]]:
        inside: dict[str, dict[int, Section]] = {}

        def walk(section: Section, owners: list[tuple[str, Section]]) -> None:
            for spec in kind.sections:
                outer = next((s for name, s in owners if name != spec.name), None)
                if outer is not None:
                    inside.setdefault(spec.name, {})[id(section)] = outer
            # A level-1 section ("# Motivation" over "## Specification") is a record's
            # first level: its own sections are the record's, as for its Status.
            own = [
                spec.name
                for spec in kind.sections
                if section.level > 1 and find_section([section], spec.aliases)
            ]
            for child in section.children:
                walk(child, [*owners, *((name, section) for name in own)])

        for top in record.sections:
            walk(top, [])
        return inside

    return record.memo(("inside other sections", kind.name), compute)


def _inside_note(record: Record, kind: KindSpec, spec: SectionSpec) -> str:
    """What the message adds when a heading of the section's name is inside another
    section: `` (`### Summary` at line 140 is part of `Proposal`)``."""
    inside = _inside_other_sections(record, kind).get(spec.name, {})
    for section in record.iter_sections():
        outer = inside.get(id(section))
        if outer is not None and find_section([section], spec.aliases):
            heading = "#" * section.level + " " + plain_text(section.title).strip()
            return f" (`{heading}` at line {section.line} is part of `{outer.title}`)"
    return ""


def _written_section(sections: list[Section], aliases: tuple[str, ...]) -> Section | None:
    """The section that counts as one of ``aliases``: the first that has text, else the
    first at all (an empty ``### Risks and Mitigations`` under the proposal does not hide
    the ``## Drawbacks`` written further down)."""
    first = found = find_section(sections, aliases)
    rest = sections
    while found is not None and found.is_empty:
        rest = [section for section in rest if section is not found]
        found = find_section(rest, aliases)
    return found or first


def _heads_a_group(
    section: Section, sections: list[Section], kind: KindSpec, corpus: Corpus
) -> bool:
    """Whether an empty section heads the sections that follow it at its own level
    (``## Alternatives considered`` over ``## Not requiring one execution``): its text
    is theirs. Not when the next heading is a section of the template: one the kind
    names (``## Drawbacks``) or one that other records of the collection have too
    (``## Unresolved questions``); a collection too small to tell has no such groups."""
    index = next((i for i, s in enumerate(sections) if s is section), len(sections))
    following = sections[index + 1] if index + 1 < len(sections) else None
    if following is None or following.level != section.level:
        return False
    names = (*section_names({kind.name: kind}), *DECISION_DRIVERS)
    if find_section([following], names) is not None:
        return False
    counts = _heading_counts(corpus, kind)
    return sum(counts.values()) > 0 and counts[following.key] <= 1


def _heading_counts(corpus: Corpus, kind: KindSpec) -> Counter[str]:
    """How many records of a kind have each heading; empty for a collection smaller than
    a convention needs."""

    def compute() -> Counter[str]:
        records = [r for r in corpus.records if r.kind == kind.name]
        counts: Counter[str] = Counter()
        if len(records) >= CONVENTION_MINIMUM:
            for record in records:
                counts.update({section.key for section in record.iter_sections()})
        return counts

    return corpus.memo(f"headings:{kind.name}", compute)


def required_sections(record: Record, kind: KindSpec, optional: bool = True) -> list[SectionSpec]:
    """The sections a record of this kind needs, for its status and its format; with
    ``optional=False``, also those its format marks optional (what a collection's
    convention is judged on). A status the record does not state (the kind's
    ``default_status``) asks for no section of its own."""
    required = [
        spec
        for spec in kind.sections
        if spec.required_from is None
        or (record.status in spec.required_from and not record.status_assumed)
    ]
    if kind.name == "adr" and not weighs_options(record, kind):
        required = [spec for spec in required if spec.name != "Considered Options"]
    elif (
        optional
        and kind.name == "adr"
        and record.metadata_style != "front matter"
        and not (kind.vocabulary_configured)
    ):
        # MADR 2 and log4brains mark the consequences optional ("Positive Consequences
        # <!-- optional -->"): a decision outcome without them is complete.
        required = [spec for spec in required if spec.name != "Consequences"]
    return required


def weighs_options(record: Record, kind: KindSpec) -> bool:
    """Whether the record's format lists considered options (worked out once)."""
    return record.memo(("weighs options", kind.name), lambda: _weighs_options(record, kind))


def _weighs_options(record: Record, kind: KindSpec) -> bool:
    """Whether the record's format lists considered options: front matter (MADR 3/4 and
    this tool's format), or MADR's headings and ``Chosen option``; a Nygard or adr-tools
    record (Context, Decision, Consequences) does not."""
    keys = {section.key for section in record.iter_sections()}
    options = kind.section("Considered Options").aliases if kind.name == "adr" else ()
    if keys & set(_OPTION_MARKERS) or keys & set(options):
        return True
    if _CHOSEN_LINE.search(record.body):  # MADR's "Chosen option: ..." line
        return True
    # Front matter is this tool's format or MADR 3/4, unless the record has Nygard's
    # sections: a Docusaurus or Jekyll page's front matter over Context, Decision and
    # Consequences weighs no options.
    return record.metadata_style == "front matter" and "decision" not in keys


def template_asks(corpus: Corpus, kind: KindSpec, record: Record, spec: SectionSpec) -> bool | None:
    """Whether the collection's own template asks this record for the section: None
    when no template file covers the record (or the team named its sections itself,
    which wins). With several templates for one folder (MADR's full and minimal ones),
    the section is asked for only when every one has it and none marks it optional; a
    template in a sub-folder is for the records there, over one further up. Templates
    that state a ``type:`` are for the records of that type: a record is asked what the
    template of its own type asks, and a type with no template is asked for nothing."""
    if kind.vocabulary_configured:
        return None
    in_folder = _record_templates(kind, covering(corpus.templates, record.kind, record.group))
    if not in_folder:
        return None
    templates = of_type(in_folder, record.types)
    if not templates:
        # A type the folder keeps no template for (SCS's supplements beside its standard
        # and decision-record templates): nothing says what such a record holds.
        return False
    for template in templates:
        written = find_section(_outline(template), spec.aliases)
        if written is None or written.key in template.optional:
            return False
    return True


def _record_templates(kind: KindSpec, templates: list[TemplateOutline]) -> list[TemplateOutline]:
    """The templates that are of records of the kind: with at least one of its sections.
    Another template in the folder (Alliander's approval record: `# Approval Record
    List` over tables) says nothing of what a decision holds."""
    return [
        template
        for template in templates
        if any(find_section(_outline(template), spec.aliases) for spec in kind.sections)
    ]


def _outline(template: TemplateOutline) -> list[Section]:
    """A template's sections and their sub-sections (MADR's ``### Consequences``), not
    the headings deeper inside them: Cilium's ``#### Cons`` under ``### Option 1:`` is
    part of an example option, no Drawbacks section."""
    if not template.sections:
        return []
    top = min(section.level for section in template.sections)
    return [section for section in template.sections if section.level <= top + 1]


def template_leaves_out(corpus: Corpus, record: Record, field: str) -> bool:
    """Whether the collection's own template marks a metadata field optional (MADR 2's
    ``- Deciders: ... <!-- optional -->``, MADR 3 and 4's optional front matter), so
    that a record without it is complete."""
    templates = of_type(covering(corpus.templates, record.kind, record.group), record.types)
    return any(field in template.optional_fields for template in templates)


def _section_convention(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> str | None:
    """The path of the record that carries the one note, when the collection does not use
    this section; None when it does (or when the team named its sections itself)."""
    if kind.vocabulary_configured:
        return None

    def compute() -> str | None:
        pool = _convention_pool(corpus, kind, spec)
        if len(pool) < CONVENTION_MINIMUM:
            return None
        having = [r for r in pool if find_section(r.iter_sections(), spec.aliases)]
        if len(having) >= SECTION_SHARE * len(pool):
            return None
        lacking = [
            r
            for r in corpus.records
            if r.kind == kind.name
            and r not in having
            and spec in required_sections(r, kind)
            and template_asks(corpus, kind, r, spec) is None
        ]
        return min(r.path for r in lacking) if lacking else ""

    return corpus.memo(f"sections:{kind.name}:{spec.name}", compute)


# A sub-folder in which at least this many records, and most, lack what the rest of the
# collection has (a section, a status) keeps records of another format (an archive of
# proposals written before the template, reviews beside the decisions): one note, not
# an error each.
FOLDER_MINIMUM = 3


def _needs(kind: KindSpec, spec: SectionSpec, record: Record) -> bool:
    return spec in required_sections(record, kind)


def _lacks(corpus: Corpus, kind: KindSpec, spec: SectionSpec, record: Record) -> bool:
    return find_section(_countable(corpus, kind, record, spec), spec.aliases) is None


def top_folder(record: Record) -> str:
    """The sub-folder of the kind's folder a record is in ("" at its top)."""
    return record.group.split("/")[0]


def folder_convention(
    corpus: Corpus,
    key: str,
    record: Record,
    counted: Callable[[Record], bool],
    lacks: Callable[[Record], bool],
) -> str | None:
    """The path of the record that carries the one note of ``record``'s sub-folder (and
    the folders in it) when most of its ``counted`` records, and at least
    ``FOLDER_MINIMUM``, ``lacks`` something; None when they do not (or at the top)."""
    top = top_folder(record)
    if not top:
        return None

    def compute() -> str | None:
        records = [
            r
            for r in corpus.records
            if r.kind == record.kind and top_folder(r) == top and counted(r)
        ]
        lacking = [r.path for r in records if lacks(r)]
        if len(lacking) < FOLDER_MINIMUM or len(lacking) <= SECTION_SHARE * len(records):
            return None
        return min(lacking)

    return corpus.memo(f"{key}:{top}", compute)


def _folder_note(kind: KindSpec, spec: SectionSpec, record: Record) -> Finding:
    note = finding(
        "DEC301",
        record.path,
        record.title_position,
        f"most {kind.label.lower()} in `{top_folder(record)}/` have no `{spec.name}` "
        "section, so the records of this folder are written without it; said once, not "
        "per record",
        "if they are records of another kind or an older format, give them a kind of their "
        f"own or exclude the folder under `kinds: {kind.name}: exclude:`",
    )
    subject = f"{kind.name}:folder:{top_folder(record)}:section:{spec.name}"
    return replace(note, severity=Severity.INFO, subject=subject)


def _convention_pool(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> list[Record]:
    """The records a section's convention is judged on: those whose status and format
    need it, or, when fewer than a convention needs do (two decided Node EPs among six),
    every record of the kind: a section no record has is not in the template."""
    records = [r for r in corpus.records if r.kind == kind.name]
    needing = [r for r in records if spec in required_sections(r, kind, optional=False)]
    return needing if len(needing) >= CONVENTION_MINIMUM else records


def _template_unfollowed(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> str | None:
    """The path of the record that carries the one note, when the collection's template
    asks for a section that most of the records it covers (five or more) do not have: a
    template younger than the records, or one the team does not follow (.NET's designs,
    Erlang's EEPs); None when most records have it."""

    pool, lacking = _unfollowed(corpus, kind, spec)
    if len(pool) < CONVENTION_MINIMUM or len(lacking) <= UNFOLLOWED_SHARE * len(pool):
        return None
    return min(r.path for r in lacking)


def _unfollowed(
    corpus: Corpus, kind: KindSpec, spec: SectionSpec
) -> tuple[list[Record], list[Record]]:
    """The records the template asks for the section, and those of them without it."""

    def compute() -> tuple[list[Record], list[Record]]:
        older = _before_template(corpus, kind)
        pool = [
            r
            for r in _convention_pool(corpus, kind, spec)
            if template_asks(corpus, kind, r, spec)
            and spec in required_sections(r, kind)
            and r.path not in older
        ]
        return pool, [r for r in pool if not _has_section(corpus, kind, r, spec)]

    return corpus.memo(f"unfollowed:{kind.name}:{spec.name}", compute)


def _before_template(corpus: Corpus, kind: KindSpec) -> dict[str, tuple[str, Commit]]:
    """The records of a kind that were written before their template: whose first commit
    is older than the first commit of every template they are written from, or is that
    commit; with the
    path and first commit of the oldest of those templates. Only with history, and not
    in a shallow clone, whose first commits are not the files' first."""

    def compute() -> dict[str, tuple[str, Commit]]:
        history = corpus.history
        if not history.available or history.shallow:
            return {}
        older: dict[str, tuple[str, Commit]] = {}
        for record in corpus.records:
            file = history.of(record.path)
            if record.kind != kind.name or file is None or not file.versions:
                continue
            in_folder = covering(corpus.templates, record.kind, record.group)
            templates = of_type(_record_templates(kind, in_folder), record.types)
            born = [(t.path, history.of(t.path)) for t in templates]
            firsts = [(path, past.created) for path, past in born if past and past.versions]
            if templates and len(firsts) == len(templates):
                oldest = min(firsts, key=lambda first: first[1].date)
                # Committed with the template (napari's NAP-0, the process itself, came in
                # the commit that added the template): not written from it either.
                with_it = file.created.sha == oldest[1].sha
                if file.created.date < oldest[1].date or with_it:
                    older[record.path] = oldest
        return older

    return corpus.memo(f"before template:{kind.name}", compute)


def _lacking_before_template(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> list[Record]:
    """The records written before their template that lack a section it asks for."""

    def compute() -> list[Record]:
        older = _before_template(corpus, kind)
        return [
            r
            for r in corpus.records
            if r.path in older
            and spec in required_sections(r, kind)
            and template_asks(corpus, kind, r, spec)
            and not _has_section(corpus, kind, r, spec)
        ]

    return corpus.memo(f"before template:{kind.name}:{spec.name}", compute)


def _before_template_note_on(corpus: Corpus, kind: KindSpec, spec: SectionSpec) -> str:
    lacking = _lacking_before_template(corpus, kind, spec)
    return min(r.path for r in lacking) if lacking else ""


def _before_template_note(
    corpus: Corpus, kind: KindSpec, spec: SectionSpec, record: Record
) -> Finding:
    lacking = _lacking_before_template(corpus, kind, spec)
    template, first = _before_template(corpus, kind)[record.path]
    name = _template_heading(corpus, record, spec) or spec.name
    note = finding(
        "DEC301",
        record.path,
        record.title_position,
        f"{len(lacking)} {kind.label.lower()} committed before their template `{template}` "
        f"(first committed on {first.day.isoformat()}) have no `{name}` section; written "
        "before it, they are not asked for it; said once, not per record",
        "records committed since are asked for it; add it to an older record when you "
        "next revise it",
    )
    return replace(note, severity=Severity.INFO, subject=f"{kind.name}:before template:{spec.name}")


def _has_section(corpus: Corpus, kind: KindSpec, record: Record, spec: SectionSpec) -> bool:
    sections = _countable(corpus, kind, record, spec)
    return _written_section(sections, spec.aliases) is not None or _bold_heading(
        record, spec.aliases
    )


def _unfollowed_note(corpus: Corpus, kind: KindSpec, spec: SectionSpec, record: Record) -> Finding:
    pool, lacking = _unfollowed(corpus, kind, spec)
    note = finding(
        "DEC301",
        record.path,
        record.title_position,
        f"{len(lacking)} of {len(pool)} {kind.label.lower()} have no `{spec.name}` section, "
        "which their template asks for: written before the template, or not following it; "
        "said once, not per record",
        "write the section in new records (`decisions baseline` keeps the old ones from "
        "failing the build), or remove it from the template if the team does not write it",
    )
    return replace(
        note, severity=Severity.INFO, subject=f"{kind.name}:section unfollowed:{spec.name}"
    )


def _convention_note(corpus: Corpus, kind: KindSpec, spec: SectionSpec, record: Record) -> Finding:
    pool = _convention_pool(corpus, kind, spec)
    missing = [r for r in pool if not find_section(r.iter_sections(), spec.aliases)]
    note = finding(
        "DEC301",
        record.path,
        record.title_position,
        f"{len(missing)} of {len(pool)} {kind.label.lower()} have no `{spec.name}` section, "
        "so this collection's template seems not to have one; said once, not per record",
        f"if your records call it something else, name it under `kinds: {kind.name}: "
        f"sections: {{{spec.name}: [Your heading]}}`; naming your sections there also makes "
        "every record need them",
    )
    return replace(note, severity=Severity.INFO, subject=f"{kind.name}:section:{spec.name}")


@check("DEC303", "DEC304", local=True)
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


@check("DEC305", local=True)
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
    sections = {alias for spec in kind.sections for alias in spec.aliases}
    forms = _argument_forms(corpus, record)
    hints = {"good": f"pro ({_code(forms[0])})", "bad": f"con ({_code(forms[1])})"}
    hint = f"Give the option at least one {_code(forms[0])} and one {_code(forms[1])}."
    # "### Pros of Polling" and "### Cons of Polling": one option, its arguments headed
    headed: dict[str, tuple[int, str, set[str]]] = {}
    for part in pros_and_cons.children:
        said = _HEADED_ARGUMENTS.match(plain_text(part.title).strip())
        if said is not None and all_items(part):
            name = said["option"]
            line, title, kinds = headed.setdefault(name.lower(), (part.line, name, set()))
            kinds.add("good" if said["good"] else "bad")
    for line, title, kinds in headed.values():
        lacking = [text for kind_of, text in hints.items() if kind_of not in kinds]
        if lacking:
            yield finding(
                "DEC306",
                record.path,
                Position(line, 1),
                f"option `{title}` has no {' and no '.join(lacking)}",
                hint,
            )
    for option in pros_and_cons.children:
        if option.key in sections or _COMMENT_HEADING.match(option.key):
            continue  # "### Consequences" misplaced, "### General comments (Arno)"
        if _HEADED_ARGUMENTS.match(plain_text(option.title).strip()):
            continue  # counted above, with the other heading of its option
        items = all_items(option)
        if not items:
            continue  # pros and cons written as prose
        stated = stated_kinds(option) | _kinds_in_tables(option)
        missing = []
        if "good" not in stated and not any(is_pro(plain_text(i.text), i) for i in items):
            missing.append(hints["good"])
        if "bad" not in stated and not any(is_con(plain_text(i.text), i) for i in items):
            missing.append(hints["bad"])
        if missing:
            yield finding(
                "DEC306",
                record.path,
                Position(option.line, 1),
                f"option `{option.title}` has no {' and no '.join(missing)}",
                hint,
            )


_COMMENT_HEADING = re.compile(r"^(?:general\s+)?(?:comments?|remarks?|notes?|discussion)\b")
# MADR's pros and cons, unless the collection's template writes its own.
_MADR_ARGUMENTS = ("* Good, because ...", "* Bad, because ...")
# How an argument opens: a sign in code (`+`), a word and "because" ("Good, because"),
# a label ("Pro:"), an emoji.
_ARGUMENT_OPENING = re.compile(r"^(?:`[^`]+`|[^\s,]+,\s+\S+|\S+)")


def _argument_forms(corpus: Corpus, record: Record) -> tuple[str, str]:
    """How the record's template writes a pro and a con (``- `+` ...``, ``- `-` ...``),
    from the items of its pros and cons; MADR's ``* Good, because ...`` without one."""
    for template in of_type(covering(corpus.templates, record.kind, record.group), record.types):
        section = find_section(list(template.sections), PROS_AND_CONS)
        if section is None:
            continue
        # Not a label over the arguments ("* **Pros**" above "  * Good, because ..."):
        # the nested arguments are MADR's.
        items = [i for i in all_items(section) if _opening(i) != i.text.strip()]
        pro = next((i for i in items if is_pro(plain_text(i.text), i)), None)
        con = next((i for i in items if is_con(plain_text(i.text), i)), None)
        if pro is not None and con is not None:
            return _argument_form(pro), _argument_form(con)
    return _MADR_ARGUMENTS


def _opening(item: ListItem) -> str:
    """The words an argument opens with (`` `+` ``, ``Good, because``)."""
    opening = _ARGUMENT_OPENING.match(item.text.strip())
    return opening[0] if opening else ""


def _argument_form(item: ListItem) -> str:
    return f"{item.marker or '*'} {_opening(item)} ..."


def _code(text: str) -> str:
    """``text`` as a code span, fenced with two backticks when it holds one."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


_HEADED_ARGUMENTS = re.compile(
    r"^(?:(?P<good>pros?|advantages?|benefits?|strengths?|upsides?)|"
    r"(?:cons?|disadvantages?|drawbacks?|weakness(?:es)?|downsides?))\s+(?:of|for)\s+(?P<option>.+)$",
    re.IGNORECASE,
)


def _kinds_in_tables(option: Section) -> frozenset[str]:
    """The kinds of the arguments an option's tables state in their cells (a rating
    table: ``| Transparency | +++ | Good, because ... |``)."""
    kinds = set()
    for part in (option, *option.children):
        for line in part.body.split("\n"):
            if line.lstrip().startswith("|"):
                for cell in line.strip().strip("|").split("|"):
                    text = plain_text(cell).strip()
                    kinds.add("good" if is_pro(text) else "bad" if is_con(text) else "")
    return frozenset(kinds - {""})


@check("DEC307", local=True)
def check_alternatives(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if kind.name != "rfc":
        return
    section = find_section(record.iter_sections(), kind.section("Alternatives").aliases)
    if section is None or section.is_empty:
        return  # DEC301/DEC302 already say so
    # The proposal is one option, so one alternative is a trade-off; an RFC considered
    # none only when the section says so ("None", "N/A", "TBD").
    text = " ".join(plain_text(_HTML_COMMENTS.sub("", section.full_text)).split())
    if _NO_ALTERNATIVES.match(re.sub(r"^[*+-]\s+", "", text)):
        yield finding(
            "DEC307",
            record.path,
            Position(section.line, 1),
            f"section `{section.title}` says no alternative was considered (`{text[:40]}`)",
            f"name at least one alternative under `## {plain_text(section.title).strip()}` (a "
            "bullet or a `###` subsection each) and why it was not chosen",
        )


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
