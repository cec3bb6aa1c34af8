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
WAIVERS = "waivers"  # rules a record switches off for itself: [{rule, reason}] or {rule: reason}

COMMON_FIELDS: dict[str, str] = {
    "id": TEXT,
    "kind": TEXT,
    "title": TEXT,
    "status": TEXT,
    "date": DATE,
    "tags": NAMES,
    "related": IDS,
    "supersedes": IDS,
    "superseded_by": IDS,  # one successor, or several when a record was split
    "project": ID,
    "addresses": NAMES,
    "complies_with": IDS,
    "deviates_from": DEVIATIONS,
    "review_by": DATE,
    "waivers": WAIVERS,
}

# Standards and projects are not decisions: they do not serve projects or follow standards.
_ORDINARY_FIELDS = {
    key: value
    for key, value in COMMON_FIELDS.items()
    if key not in ("project", "addresses", "complies_with", "deviates_from")
}

# Maps of Dublin Core terms (Alliander's ``dct:``), read for our fields (records/parse.py).
DUBLIN_CORE_KEYS = frozenset({"dct", "dcterms", "dc"})

# Keys that belong to the page, not the record: MkDocs and Material page metadata, and the
# Jekyll keys MADR's own site uses. Accepted without a finding and passed on untouched.
PAGE_KEYS = (
    frozenset(
        {
            "statusHistory",  # a status history, read for the status and date (records/parse.py)
            "status_history",
            "status-history",
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
            # Docusaurus
            "slug",
            "sidebar_position",
            "sidebar_label",
            "sidebar_class_name",
            "pagination_label",
            "pagination_next",
            "pagination_prev",
            "displayed_sidebar",
            "hide_title",
            "hide_table_of_contents",
            "keywords",
            "image",
            "draft",
            "is-draft",  # scientific-python's SPECs: read as the status draft
            "is_draft",
            "unlisted",
            "adr",
            # Hugo, Jekyll, Backstage and RFC processes' own bookkeeping
            "weight",
            "aliases",
            "categories",
            "summary",
            "toc",
            "excerpt",
            "redirect_from",
            "last-updated",
            "last_updated",
            "release-date",
            "release-versions",
            "teams",
            "prs",
            "project-link",
            "suite",
            "meta",
            "see-also",
            "owl",  # linked-data version information (Alliander)
        }
    )
    | DUBLIN_CORE_KEYS
)

# Names other tools use for our fields; read silently so their files need no rewrite.
FOREIGN_KEYS: dict[str, str] = {
    "decision-makers": "deciders",  # MADR 4
    "decision_makers": "deciders",
    "stage": "status",  # Ember RFCs
    "state": "status",
    "start-date": "date",  # Ember RFCs
    "start_date": "date",
    "creation-date": "date",  # Tekton TEPs, Kubernetes KEPs
    "creation_date": "date",
    "date-started": "date",  # Jupyter JEPs
    "date_started": "date",
    "created": "date",
    "author": "authors",
    "owners": "authors",
    "supersededby": "superseded_by",  # NEAR's NEPs: `SupersededBy: 141`, `Replaces: 21`
    "superseded-by": "superseded_by",
    # misspelt so by whole collections (PowerShell's RFCs: `SupercededBy: RFC0037`)
    "supercededby": "superseded_by",
    "superceded-by": "superseded_by",
    "superceded_by": "superseded_by",
    "replaced-by": "superseded_by",
    "replaced_by": "superseded_by",
    "replacedby": "superseded_by",
    "replaces": "supersedes",
    "discussions-to": "discussion",  # Ethereum-style proposals (EIPs, MetaMask's SIPs)
    "discussions_to": "discussion",
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
    min_options: int = 2  # considered options an ADR lists (DEC303)
    exclude: tuple[str, ...] = field(default_factory=tuple)
    numbered: bool = True  # ids from file numbers (ADR-0007); else from `id:` or the file name
    decision: bool = True  # listed in the decisions index; can address objectives
    categories: tuple[str, ...] = ()  # for standards: the allowed values of `category`
    final: tuple[str, ...] = ()  # statuses of records that no longer apply
    default_status: str | None = None  # the status of a record that states none
    vocabulary_configured: bool = False  # the team named its sections: all are required
    page_keys: frozenset[str] = frozenset()  # more front-matter keys of other tools
    date_tolerance: int = 60  # days a decision date may lie before the first commit

    def canonical_status(self, raw: str) -> str | None:
        """Map a status as written (any case, aliases, ``in-progress`` as ``in
        progress``) onto one of ``statuses``."""
        word = " ".join(raw.strip().lower().split())
        for written in (word, " ".join(word.replace("-", " ").replace("_", " ").split())):
            written = self.aliases.get(written, written)
            if written in self.statuses:
                return written
        return None

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
        (
            "context and problem statement",
            "context",
            "problem statement",
            "context and problem",
            "context and motivation",
            "problem",
            "background",
            "issue",
            "why",
            "motivation",
            # French, Norwegian and Danish templates
            "contexte",
            "contexte et problématique",
            "contexte et définition du problème",
            "contexte et énoncé du problème",
            "kontekst",
            "kontekst og problembeskrivelse",
            "problembeskrivelse",
            "bakgrunn",
            # Spanish, Portuguese, German, Dutch; Chinese, Japanese, Korean
            "contexto",
            "contexto y problema",
            "contexto e problema",
            "kontext",
            "hintergrund",
            "achtergrond",
            "背景",
            "上下文",
            "问题",
            "コンテキスト",
            "背景と課題",
            "배경",
            "맥락",
            # Russian, Ukrainian, Polish, Italian, Turkish
            "контекст",
            "контекст и проблема",
            "контекст и постановка задачи",
            "предпосылки",
            "проблема",
            "контекст і проблема",
            "kontekst i problem",
            "contesto",
            "contesto e problema",
            "bağlam",
        ),
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
            "possible solutions",
            "solutions considered",
            "options and alternatives",
            "options envisagées",
            "options considérées",
            "alternativer vurdert",
            "vurderte alternativer",
            "opciones consideradas",
            "opções consideradas",
            "betrachtete optionen",
            "optionen",
            "考虑的选项",
            "备选方案",
            "検討した選択肢",
            "選択肢",
            "고려한 옵션",
            "рассмотренные варианты",
            "варианты",
            "альтернативы",
            "розглянуті варіанти",
            "варіанти",
            "rozważane opcje",
            "opcje",
            "opzioni considerate",
            "opzioni",
            "değerlendirilen seçenekler",
        ),
    ),
    SectionSpec(
        "Decision Outcome",
        (
            "decision outcome",
            "decision",
            "outcome",
            "decision taken",
            "resolution",
            "our decision",
            # a Nygard record's "Proposal" is what was decided once it is accepted
            "proposal",
            "what's proposed",
            "solution",  # nextflow's ADRs: "## Solution"
            "chosen solution",
            "chosen option",
            "selected option",
            "preferred option",
            "décision",
            "résultat de la décision",
            "beslutning",
            "beslutningsresultat",
            "decisión",
            "decisão",
            "entscheidung",
            "besluit",
            "决策",
            "决定",
            "決定",
            "決定事項",
            "결정",
            "решение",
            "принятое решение",
            "рішення",
            "decyzja",
            "decisione",
            "karar",
        ),
        required_from=frozenset({"accepted", "rejected", "deprecated", "superseded"}),
    ),
    SectionSpec(
        "Consequences",
        (
            "consequences",
            "positive consequences",
            "negative consequences",
            # adr-tools' prompt made headings: "## What becomes easier?", "... harder?"
            "what becomes easier",
            "what becomes harder",
            "what becomes more difficult",
            "implications",
            "impact",
            "results",
            "conséquences",
            "konsekvenser",
            "consecuencias",
            "consequências",
            "konsequenzen",
            "gevolgen",
            "后果",
            "结果",
            "影响",
            "結果",
            "影響",
            "결과",
            "последствия",
            "наслідки",
            "konsekwencje",
            "conseguenze",
            "sonuçlar",
        ),
        required_from=DECIDED,
    ),
)

PROS_AND_CONS = ("pros and cons of the options", "pros and cons", "pros and cons of options")
# Headings of the forces a decision weighs its options against (optional in every kind):
# the rows of the trade-off matrix.
DECISION_DRIVERS = (
    "decision drivers",
    "drivers",
    "decision criteria",
    "criteria",
    "evaluation criteria",
    "decision factors",
    "forces",
    "critères de décision",
    "beslutningsdrivere",
    "beslutningens pådrivere",
)

# The design, its alternatives and drawbacks are asked of an RFC once it is reviewed; not
# of a draft, nor of one its authors withdrew (often before the design was written).
_REVIEWED = frozenset(RFC_STATUSES) - {"draft", "withdrawn"}

# Headings of real RFC processes (Rust, React, Vue, Ember, Swift, Kotlin, Kubernetes,
# Tekton, OpenTelemetry, Jupyter, gRPC, NATS), mapped onto our five sections.
RFC_SECTIONS = (
    SectionSpec(
        "Summary",
        (
            "summary",
            "abstract",
            "synopsis",
            "overview",
            "introduction",
            "tl;dr",
            "tldr",
            "executive summary",
            "objective",  # TensorFlow
            "intro",
        ),
    ),
    SectionSpec(
        "Motivation",
        (
            "motivation",
            "background",
            "problem statement",
            "problem",
            "context",
            "context and problem statement",
            "context and motivation",
            "which problem does it solve",
            "why",
            "use cases",
            "goals",
            "goal",
            "goals and non-goals",
            "immediate goals",  # Gateway API's GEPs, beside "Longer Term Goals"
            "longer term goals",
            "problem description",  # Kotlin
            "motivating example",
            "problems this proposal solves",
        ),
    ),
    SectionSpec(
        "Design",
        (
            "design",
            "proposal",
            "detailed design",
            "detail design",
            "design proposal",
            "proposed design",
            "design details",
            "specification",
            "guide-level explanation",
            "reference-level explanation",
            "proposed solution",
            "proposed implementation",
            "proposed approach",
            "approach",
            "proposed enhancement",
            "proposed change",
            "proposed changes",
            "explanation",
            "internal details",
            "implementation",
            "technical design",
            "solution",
            "description",
            "how",
            "transition path",  # Ember's deprecation RFCs
            "technical details",
            "api details",
            "api design",
            "implementation details",
            "design overview",
            "proposal overview",
            "implementation design",
            "api changes",
            "detailed api changes",
        ),
        required_from=_REVIEWED,
    ),
    SectionSpec(
        "Alternatives",
        (
            "alternatives",
            "rationale and alternatives",
            "alternatives considered",
            "alternative considered",
            "considered alternatives",
            "rejected ideas",
            "rejected alternatives",
            "alternative designs",
            "alternative design",
            "alternate designs",
            "alternate design",
            "alternates considered",
            "alternative approaches",
            "alternative solutions",
            "prior art and alternatives",
            "alternatives and future possibilities",
            "rationale",
            "discarded ideas",
            "options",
            "considered options",
            "potential alternatives",  # OpenTofu
            "alternative",
            "alternative approach",
            "rejected alternative",
            "solutions considered",
        ),
        required_from=_REVIEWED,
    ),
    SectionSpec(
        "Drawbacks",
        (
            "drawbacks",
            "risks",
            "risks and mitigations",
            "risk and mitigations",
            "risks and assumptions",
            "downsides",
            "drawbacks / considerations",
            "trade-offs",
            "tradeoffs",
            "trade-offs and mitigations",
            "concerns",
            "known issues",
            "cons",
            "disadvantages",
            "consequences",
            "implications",
            "potential new issues",
            "arguments against",
            "why should we not do this",
            "why not",
            "limitations",
            "caveats",
        ),
        required_from=_REVIEWED,
    ),
)


# Status words of the languages templates are translated into (French, Spanish,
# Portuguese, Italian, German, Dutch, Norwegian, Danish, Russian, Ukrainian, Polish,
# Turkish; Chinese, Japanese, Korean), by the English word they
# translate; each kind maps that word as it maps the English one (a French "proposé" RFC
# is in review, a "proposé" ADR is proposed).
TRANSLATED_STATUSES: dict[str, str] = {
    **dict.fromkeys(
        (
            "brouillon",
            "borrador",
            "rascunho",
            "bozza",
            "entwurf",
            "utkast",
            "udkast",
            "草稿",
            "草案",
            "下書き",
            "초안",
            "черновик",
            "чернетка",
            "szkic",
            "taslak",
        ),
        "draft",
    ),
    **dict.fromkeys(
        (
            "proposé",
            "proposition",
            "proposée",
            "propuesto",
            "propuesta",
            "proposto",
            "proposta",
            "vorgeschlagen",
            "voorgesteld",
            "foreslått",
            "foreslået",
            "forslag",
            "förslag",
            "提议",
            "提议中",
            "建议",
            "提案",
            "提案中",
            "제안",
            "제안됨",
            "предложено",
            "предложен",
            "предложена",
            "запропоновано",
            "proponowany",
            "proponowana",
            "zaproponowany",
            "zaproponowana",
            "önerildi",
        ),
        "proposed",
    ),
    **dict.fromkeys(
        (
            "accepté",
            "acceptée",
            "approuvé",
            "approuvée",
            "adopté",
            "résolu",
            "résolue",
            "aceptado",
            "aceptada",
            "aprobado",
            "aceito",
            "aceita",
            "aprovado",
            "accettato",
            "approvato",
            "angenommen",
            "akzeptiert",
            "genehmigt",
            "geaccepteerd",
            "aangenomen",
            "akseptert",
            "godkjent",
            "accepteret",
            "godkendt",
            "besluttet",
            "beslutad",
            "beslutta",
            "已接受",
            "接受",
            "已采纳",
            "采纳",
            "已批准",
            "通过",
            "已通过",
            "承認",
            "承認済み",
            "採用",
            "승인",
            "승인됨",
            "채택",
            "принято",
            "принят",
            "принята",
            "утверждено",
            "прийнято",
            "zaakceptowany",
            "zaakceptowana",
            "zaakceptowane",
            "przyjęty",
            "przyjęta",
            "kabul edildi",
        ),
        "accepted",
    ),
    **dict.fromkeys(
        (
            "rejeté",
            "rejetée",
            "refusé",
            "rechazado",
            "rechazada",
            "rejeitado",
            "rifiutato",
            "respinto",
            "abgelehnt",
            "afgewezen",
            "verworpen",
            "avvist",
            "afvist",
            "已拒绝",
            "拒绝",
            "却下",
            "不採用",
            "거부",
            "거부됨",
            "отклонено",
            "отклонён",
            "отклонена",
            "відхилено",
            "odrzucony",
            "odrzucona",
            "reddedildi",
        ),
        "rejected",
    ),
    **dict.fromkeys(
        (
            "déprécié",
            "obsolète",
            "obsoleto",
            "depreciado",
            "veraltet",
            "verouderd",
            "utdatert",
            "forældet",
            "已弃用",
            "弃用",
            "废弃",
            "已废弃",
            "廃止",
            "非推奨",
            "폐기",
            "устарело",
            "устарел",
            "застаріло",
            "przestarzały",
            "przestarzała",
        ),
        "deprecated",
    ),
    **dict.fromkeys(
        (
            "remplacé",
            "remplacée",
            "reemplazado",
            "sustituido",
            "substituído",
            "sostituito",
            "ersetzt",
            "abgelöst",
            "vervangen",
            "erstattet",
            "已取代",
            "取代",
            "被取代",
            "已被取代",
            "置き換え",
            "대체됨",
            "заменено",
            "заменён",
            "заменена",
            "замінено",
            "zastąpiony",
            "zastąpiona",
        ),
        "superseded",
    ),
    **dict.fromkeys(("完成", "已完成", "已实现", "实施完成", "実装済み", "完了"), "implemented"),
}


def _translated(statuses: tuple[str, ...], aliases: dict[str, str]) -> dict[str, str]:
    """The aliases of a kind with the status words of other languages added: each maps
    where its English word does; words whose English word the kind has no status for
    (a deprecated RFC) are left out."""
    translated = {}
    for word, english in TRANSLATED_STATUSES.items():
        status = aliases.get(english, english)
        if status in statuses:
            translated[word] = status
    return {**translated, **aliases}


# Lifecycles with a stage named for the approved design (Kubernetes KEPs, Tekton TEPs,
# Flux RFCs: proposed or provisional, then implementable, then implemented). In a
# collection whose records use such a word, the stage before it is the one in which only
# the problem is written and the design is still to come: read as draft, whatever the
# kind's alias for the word says otherwise ("proposed" is "review" in most RFC processes).
DESIGN_APPROVED_WORDS = frozenset({"implementable"})
BEFORE_DESIGN_WORDS = frozenset({"proposed", "provisional"})
BEFORE_DESIGN_STATUS = "draft"


def stage_before_design(raw_status: str, used_words: frozenset[str]) -> bool:
    """Whether a status word, in a collection that uses ``used_words``, names the stage
    before the design of a lifecycle that has an "implementable" stage."""
    word = " ".join(raw_status.lower().split())
    return word in BEFORE_DESIGN_WORDS and bool(used_words & DESIGN_APPROVED_WORDS)


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
    "measurements",  # requirements and quality attributes: [{date, value, source, note}]
)


# Headings that name a section in the records teams write, besides the kinds' own
# sections: a first heading such as "# Summary" or "# Context" is never a title.
SECTION_NAMES = frozenset(
    {
        "summary",
        "abstract",
        "synopsis",
        "overview",
        "introduction",
        "tl;dr",
        "tldr",
        "motivation",
        "background",
        "context",
        "problem",
        "problem statement",
        "status",
        "decision",
        "decisions",
        "consequences",
        "rationale",
        "goals",
        "detailed design",
        "proposal",
        "description",
        "table of contents",
        "contents",
    }
)


def with_article(noun: str) -> str:
    """``an Architecture decision record``, ``a Request for comments``."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def section_names(kinds: dict[str, KindSpec]) -> frozenset[str]:
    """Every heading that names a section of some kind, for telling titles from sections."""
    names = set(SECTION_NAMES)
    for kind in kinds.values():
        for spec in kind.sections:
            names.update(spec.aliases)
    names.update(PROS_AND_CONS)
    return frozenset(names)


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
            # Words teams use for the same lifecycle (log4brains writes "draft").
            aliases=_translated(
                ADR_STATUSES,
                {
                    "draft": "proposed",
                    "in review": "proposed",
                    "under review": "proposed",
                    "in progress": "proposed",
                    "in consideration": "proposed",
                    "under consideration": "proposed",
                    "proposal": "proposed",  # "Status: Proposal" (Cortex)
                    "pending": "proposed",
                    "approved": "accepted",
                    "agreed": "accepted",
                    "adopted": "accepted",
                    "decided": "accepted",
                    "implemented": "accepted",
                    "implementable": "accepted",  # Konflux: approved to be built
                    "done": "accepted",
                    "declined": "rejected",
                    "obsolete": "deprecated",
                    "depreciated": "deprecated",
                    "superceded": "superseded",
                    "replaced": "superseded",
                },
            ),
            fields={
                **COMMON_FIELDS,
                "deciders": NAMES,
                "consulted": NAMES,
                "informed": NAMES,
                "authors": NAMES,  # who wrote it, besides who decided (many teams say both)
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
                # Many processes review the pull request, not the file: a draft is
                # merged as accepted, and never says "review" (Dapr's proposals). Its
                # authors withdraw a draft, or another proposal replaces it, as often.
                "draft": ("review", "accepted", "rejected", "withdrawn", "superseded"),
                "review": ("accepted", "rejected", "withdrawn", "draft"),
                "accepted": ("implemented", "superseded"),
                "implemented": ("superseded",),
            },
            aliases=_translated(
                RFC_STATUSES,
                {
                    "proposed": "review",
                    "proposal": "review",
                    "in review": "review",
                    "under review": "review",
                    "active review": "review",
                    "approved": "accepted",
                    "adopted": "accepted",  # Go: "this proposal was adopted"
                    "final": "accepted",
                    "last call": "review",  # EIPs and HIPs: the review's last stage
                    "declined": "rejected",
                    "abandoned": "withdrawn",
                    "superceded": "superseded",
                    "replaced": "superseded",
                    # Kubernetes KEPs, Tekton TEPs, Flux RFCs: "provisional" while the
                    # problem is agreed and the design is still being written, then
                    # "implementable" once the design is approved.
                    "provisional": "draft",
                    "implementable": "accepted",
                    "ready for implementation": "accepted",
                    "merged": "accepted",
                    # Shipped in a release: "Released Cilium 1.17" is read as "Released".
                    "released": "implemented",
                    "shipped": "implemented",
                    "completed": "implemented",
                },
            ),
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
