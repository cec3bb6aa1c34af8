"""Record kinds: their statuses, lifecycles, front-matter fields and sections.

The defaults here are the ones in the design; a project changes statuses,
transitions, aliases and folders per kind in its configuration (see
``settings.py``). Everything is plain data so that rules and docs read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Value types a front-matter field can have; rules.check_types knows each.
TEXT = "text"
DATE = "date"
NAMES = "names"  # a list of strings (a single string is accepted as a list of one)
ID = "id"
IDS = "ids"
URL = "url"
DEVIATIONS = "deviations"  # a list of {standard, reason}
BOOL = "bool"
ITEMS = "items"  # a list of mappings, each with an id (a project's objectives)

COMMON_FIELDS: dict[str, str] = {
    "id": TEXT,
    "kind": TEXT,
    "title": TEXT,
    "status": TEXT,
    "date": DATE,
    "tags": NAMES,
    "related": IDS,
    "supersedes": IDS,
    "superseded_by": ID,
    "project": ID,
    "addresses": NAMES,
    "complies_with": IDS,
    "deviates_from": DEVIATIONS,
    "review_by": DATE,
}

# Standards and projects are not decisions: they do not serve projects or follow standards.
_ORDINARY_FIELDS = {
    key: value
    for key, value in COMMON_FIELDS.items()
    if key not in ("project", "addresses", "complies_with", "deviates_from")
}

# Keys that belong to the page, not the record: MkDocs and Material page metadata, and the
# Jekyll keys MADR's own site uses. Accepted without a finding and passed on untouched.
PAGE_KEYS = frozenset(
    {
        "description",
        "hide",
        "search",
        "template",
        "icon",
        "status_icon",
        "subtitle",
        "comments",
        "layout",
        "parent",
        "grand_parent",
        "nav_order",
        "nav_exclude",
        "has_children",
        "permalink",
    }
)

# Names other tools use for our fields; read silently so their files need no rewrite.
FOREIGN_KEYS: dict[str, str] = {
    "decision-makers": "deciders",  # MADR 4
    "decision_makers": "deciders",
}


@dataclass(frozen=True)
class SectionSpec:
    """A section a kind expects, the headings that count as it, and when it is required."""

    name: str  # the canonical heading, as shown in findings
    aliases: tuple[str, ...]  # normalised headings that count as this section
    required_from: frozenset[str] | None = None  # statuses that need it; None = all


@dataclass(frozen=True)
class KindSpec:
    """Everything the core knows about one kind of record."""

    name: str
    prefix: str  # id prefix, e.g. "ADR"
    folder: str  # relative to the project root (the folder of mkdocs.yml)
    statuses: tuple[str, ...]
    transitions: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    fields: dict[str, str]
    sections: tuple[SectionSpec, ...]
    label: str = ""  # plural for page titles, e.g. "Architecture decisions"
    noun: str = ""  # one record, e.g. "Architecture decision record"
    min_options: int = 2  # for ADRs: considered options; for RFCs: alternatives
    exclude: tuple[str, ...] = field(default_factory=tuple)
    numbered: bool = True  # ids from file numbers (ADR-0007); else from `id:` or the file name
    decision: bool = True  # listed in the decisions index; can address objectives
    categories: tuple[str, ...] = ()  # for standards: the allowed values of `category`
    final: tuple[str, ...] = ()  # statuses of records that no longer apply

    def canonical_status(self, raw: str) -> str | None:
        """Map a status as written (any case, aliases) onto one of ``statuses``."""
        word = " ".join(raw.strip().lower().split())
        word = self.aliases.get(word, word)
        return word if word in self.statuses else None

    def section(self, name: str) -> SectionSpec:
        return next(spec for spec in self.sections if spec.name == name)


ADR_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
RFC_STATUSES = (
    "draft",
    "review",
    "accepted",
    "rejected",
    "withdrawn",
    "implemented",
    "superseded",
)

DECIDED = frozenset({"accepted", "deprecated", "superseded"})

ADR_SECTIONS = (
    SectionSpec(
        "Context and Problem Statement",
        ("context and problem statement", "context", "problem statement", "context and problem"),
    ),
    SectionSpec(
        "Considered Options",
        (
            "considered options",
            "options",
            "options considered",
            "alternatives considered",
            "considered alternatives",
            "alternatives",
        ),
    ),
    SectionSpec(
        "Decision Outcome",
        ("decision outcome", "decision", "outcome"),
        required_from=frozenset({"accepted", "rejected", "deprecated", "superseded"}),
    ),
    SectionSpec(
        "Consequences",
        ("consequences", "positive consequences", "negative consequences"),
        required_from=DECIDED,
    ),
)

PROS_AND_CONS = ("pros and cons of the options", "pros and cons")

_REVIEWED = frozenset(RFC_STATUSES) - {"draft"}

RFC_SECTIONS = (
    SectionSpec("Summary", ("summary", "abstract")),
    SectionSpec("Motivation", ("motivation", "background", "problem statement")),
    SectionSpec(
        "Design",
        (
            "design",
            "proposal",
            "detailed design",
            "design proposal",
            "proposed design",
            "specification",
            "guide-level explanation",
            "reference-level explanation",
        ),
        required_from=_REVIEWED,
    ),
    SectionSpec(
        "Alternatives",
        (
            "alternatives",
            "rationale and alternatives",
            "alternatives considered",
            "considered alternatives",
            "rejected ideas",
        ),
        required_from=_REVIEWED,
    ),
    SectionSpec(
        "Drawbacks",
        ("drawbacks", "risks", "risks and mitigations"),
        required_from=_REVIEWED,
    ),
)


STANDARD_STATUSES = ("draft", "active", "deprecated", "retired")
PROJECT_STATUSES = ("proposed", "active", "delivered", "retired")
STANDARD_CATEGORIES = ("security", "privacy", "ethics", "regulatory", "tech-stack", "process")


@dataclass(frozen=True)
class ItemSpec:
    """One list of a project's objectives: its key, label and what each item must say."""

    key: str  # front-matter key, e.g. "requirements"
    label: str  # heading on the project page
    prefix: str  # conventional id prefix, e.g. "REQ" (shown in docs and templates)
    required: tuple[str, ...]  # keys every item of this list needs besides id and title
    traced: bool  # decisions are expected to address it (DEC504)


OBJECTIVE_LISTS = (
    ItemSpec("business_objectives", "Business objectives", "BO", (), traced=False),
    ItemSpec("requirements", "Requirements", "REQ", ("metric", "target"), traced=True),
    ItemSpec("quality_attributes", "Quality attributes", "QA", ("measure", "target"), traced=True),
    ItemSpec("constraints", "Constraints", "CON", ("negotiable",), traced=False),
)
ITEM_KEYS = (
    "id",
    "title",
    "description",
    "metric",
    "target",
    "baseline",
    "measure",
    "negotiable",
    "serves",
)


def default_kinds() -> dict[str, KindSpec]:
    """The built-in kinds with the lifecycles of the design."""
    return {
        "adr": KindSpec(
            name="adr",
            prefix="ADR",
            folder="adr",
            label="Architecture decisions",
            noun="Architecture decision record",
            statuses=ADR_STATUSES,
            transitions={
                "proposed": ("accepted", "rejected"),
                "accepted": ("deprecated", "superseded"),
            },
            # log4brains writes "draft"; teams often say "approved".
            aliases={"draft": "proposed", "approved": "accepted"},
            fields={
                **COMMON_FIELDS,
                "deciders": NAMES,
                "consulted": NAMES,
                "informed": NAMES,
            },
            sections=ADR_SECTIONS,
            final=("rejected", "deprecated", "superseded"),
        ),
        "rfc": KindSpec(
            name="rfc",
            prefix="RFC",
            folder="rfc",
            label="Requests for comments",
            noun="Request for comments",
            statuses=RFC_STATUSES,
            transitions={
                "draft": ("review",),
                "review": ("accepted", "rejected", "withdrawn", "draft"),
                "accepted": ("implemented", "superseded"),
                "implemented": ("superseded",),
            },
            aliases={},
            fields={
                **COMMON_FIELDS,
                "authors": NAMES,
                "reviewers": NAMES,
                "discussion": URL,
                "decisions": IDS,
            },
            sections=RFC_SECTIONS,
            final=("rejected", "withdrawn", "superseded"),
        ),
        "standard": KindSpec(
            name="standard",
            prefix="STD",
            folder="docs/standards",
            label="Standards",
            noun="Standard",
            statuses=STANDARD_STATUSES,
            transitions={
                "draft": ("active",),
                "active": ("deprecated",),
                "deprecated": ("retired",),
            },
            aliases={"approved": "active", "proposed": "draft", "withdrawn": "retired"},
            fields={
                **_ORDINARY_FIELDS,
                "category": TEXT,
                "mandatory": BOOL,
                "owner": TEXT,
                "applies_to": NAMES,
            },
            sections=(),
            numbered=False,
            decision=False,
            categories=STANDARD_CATEGORIES,
            final=("retired",),
        ),
        "project": KindSpec(
            name="project",
            prefix="PRJ",
            folder="docs/projects",
            label="Projects",
            noun="Project",
            statuses=PROJECT_STATUSES,
            transitions={
                "proposed": ("active", "retired"),
                "active": ("delivered", "retired"),
                "delivered": ("retired",),
            },
            aliases={"draft": "proposed", "done": "delivered", "cancelled": "retired"},
            fields={
                **_ORDINARY_FIELDS,
                "owner": TEXT,
                "stakeholders": NAMES,
                **{spec.key: ITEMS for spec in OBJECTIVE_LISTS},
                "cross_cutting": IDS,
            },
            sections=(),
            numbered=False,
            decision=False,
            final=("delivered", "retired"),
        ),
    }
