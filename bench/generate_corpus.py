"""Generate a synthetic, valid corpus of ADRs and RFCs for the build-time benchmark.

Usage::

    python bench/generate_corpus.py N OUT_DIR [--seed S]

writes into ``OUT_DIR``:

- ``adr/`` (about 80% of N) and ``rfc/`` (about 20%) records in the native format:
  YAML front matter (title, status, date, deciders or authors/reviewers, tags,
  supersedes/superseded_by chains, related ids, an RFC's ``decisions:``) and MADR /
  RFC bodies of roughly 60-120 lines with relative links between records;
- ``docs/standards/`` (twelve standards, two per category; security, privacy and ethics
  mandatory) and ``docs/projects/`` (one project per 100 records, at least two, each with
  business objectives, requirements, quality attributes and constraints); every ADR names
  a project, addresses one or two of its objectives and complies with one or two
  standards, and some deviate from a standard that is not mandatory, with a reason;
- ``docs/index.md``, ``mkdocs-plugin.yml`` (plugins: search, decisions),
  ``mkdocs-plugin-nohistory.yml`` (the same with ``history: false``) and
  ``mkdocs-plugin-nocache.yml`` (``cache: false``: every build is a first build);
- ``docs-baseline/`` holding the same ``index.md``, ``adr/``, ``rfc/``, standards and
  projects files as plain pages, and ``mkdocs-baseline.yml`` (plugins: search only);
- a git repository with all of it in one commit (unless ``--no-git``), because the
  plugin reads the records' history from git.

All configurations use the built-in ``mkdocs`` theme so that timings are about the
plugin, not a theme. The output depends only on N and the seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_SEED = 20260301
RFC_SHARE = 0.2
WRAP = 78
FIRST_DATE = dt.date(2019, 1, 7)
DATE_SPAN_DAYS = 6 * 365  # record dates run from FIRST_DATE over six years
# The one commit is dated before every record, so no record's date predates its file.
COMMIT_DATE = "2019-01-01T09:00:00+00:00"
MARKER = ".bench-corpus"  # marks a folder as ours, so regenerating may delete in it
OWNED = (
    "adr",
    "rfc",
    "docs",
    "docs-baseline",
    "mkdocs-plugin.yml",
    "mkdocs-plugin-nohistory.yml",
    "mkdocs-plugin-nocache.yml",
    "mkdocs-baseline.yml",
    ".git",
)

# --- vocabulary ------------------------------------------------------------------

# Each area has candidate options; option names are chosen so that none is a prefix of
# another within an area (the chosen-option rule matches by prefix).
AREAS: dict[str, list[str]] = {
    "the feature store": ["Feast", "Tecton", "Hopsworks", "In-house tables on Delta Lake"],
    "experiment tracking": ["MLflow", "Weights & Biases", "Neptune", "A shared spreadsheet"],
    "the model registry": ["MLflow Model Registry", "SageMaker Model Registry", "Vertex AI"],
    "batch scoring": ["Spark on Kubernetes", "Dask", "Ray", "Nightly SQL in the warehouse"],
    "online serving": ["KServe", "Seldon Core", "BentoML", "A FastAPI service"],
    "workflow orchestration": ["Airflow", "Dagster", "Prefect", "Argo Workflows"],
    "data validation": ["Great Expectations", "Pandera", "Deequ", "Hand-written checks"],
    "stream ingestion": ["Kafka", "Kinesis", "Pub/Sub", "Pulsar"],
    "the analytical warehouse": ["BigQuery", "Snowflake", "Redshift", "DuckDB on object storage"],
    "model monitoring": ["Evidently", "WhyLabs", "Arize", "Prometheus with custom metrics"],
    "labelling": ["Label Studio", "Scale AI", "An internal labelling tool"],
    "secrets management": ["HashiCorp Vault", "AWS Secrets Manager", "Sealed Secrets"],
    "infrastructure as code": ["Terraform", "Pulumi", "AWS CDK", "Crossplane"],
    "container builds": ["Docker BuildKit", "Kaniko", "Buildpacks", "Nix"],
    "API style": ["REST with OpenAPI", "gRPC", "GraphQL"],
    "the Python toolchain": ["uv", "Poetry", "pip-tools", "Conda"],
    "GPU scheduling": ["Kubernetes device plugins", "Slurm", "Run:ai", "A fixed GPU pool"],
    "vector search": ["pgvector", "Qdrant", "Milvus", "FAISS in process"],
    "dataset versioning": ["DVC", "lakeFS", "Delta Lake time travel", "Dated folders"],
    "release management": ["Trunk-based releases", "GitFlow", "Release trains"],
}
VERBS = ["Use", "Adopt", "Standardise on", "Move to", "Keep", "Introduce"]
TEAMS = [
    "forecasting",
    "pricing",
    "search",
    "platform",
    "data engineering",
    "recommendations",
    "fraud",
    "supply chain",
    "marketing science",
    "MLOps",
]
PEOPLE = [
    "Ana Silva",
    "Bo Chen",
    "Chiara Rossi",
    "Dmitri Petrov",
    "Elif Yilmaz",
    "Femi Adeyemi",
    "Grace Okafor",
    "Hiro Tanaka",
    "Ines Moreau",
    "Jonas Berg",
    "Kavya Rao",
    "Liam Walsh",
    "Maya Cohen",
    "Nils Larsen",
    "Olivia Brown",
    "Pablo Diaz",
    "Qiu Lin",
    "Rosa Santos",
]
TAGS = [
    "serving",
    "training",
    "data",
    "infrastructure",
    "security",
    "privacy",
    "cost",
    "observability",
    "tooling",
    "process",
    "ml-platform",
    "governance",
]
QUALITIES = [
    "latency",
    "cost",
    "operability",
    "vendor lock-in",
    "time to market",
    "reliability",
    "auditability",
    "developer experience",
    "data freshness",
    "scalability",
]
SYSTEMS = [
    "the demand forecast",
    "the ranking model",
    "the churn model",
    "the price optimiser",
    "the fraud scorer",
    "the recommendation service",
    "the feature pipelines",
    "the training cluster",
    "the data lake",
    "the reporting jobs",
]

SENTENCES = [
    "The {team} team runs {system} in production and depends on {area} every day.",
    "Today {area} is handled differently by each team, which makes on-call harder.",
    "Incidents in the last quarter showed that {quality} is our weakest point.",
    "We expect the number of models to double within a year, so {quality} matters more.",
    "{system} has to meet its service level objective of {number} ms at the 95th percentile.",
    "Several engineers raised the cost of keeping {area} consistent across environments.",
    "Auditors asked us to show how {system} is built and which data it was trained on.",
    "The current setup was chosen {number} months ago under time pressure.",
    "We want a choice that a new team member can understand in an afternoon.",
    "Any option must work in both the staging and the production accounts.",
    "The {team} team has already built a prototype and shared its measurements.",
    "Nothing in this decision changes how {system} is trained, only how it is operated.",
    "The budget for {area} is fixed for this financial year.",
    "We prefer managed services where they do not lock our data into one vendor.",
    "The decision affects roughly {number} pipelines owned by {count} teams.",
    "Data protection requirements apply because {system} processes customer records.",
    "A wrong choice here is expensive to undo, so we compared the options carefully.",
    "The platform group will own the result and support the other teams.",
]
DRIVERS = [
    "Keep {quality} acceptable as the number of models grows",
    "Limit the operational load on the platform team",
    "Stay within the agreed budget for {area}",
    "Make results reproducible for audits",
    "Avoid lock-in to a single cloud vendor",
    "Let teams self-serve without tickets",
    "Fit the existing deployment process for {system}",
    "Meet the data protection requirements for customer data",
]
GOOD = [
    "it improves {quality} for {system}",
    "the {team} team already knows it well",
    "it needs no new infrastructure to start",
    "it has a large community and good documentation",
    "it integrates with our CI pipeline",
    "it keeps the data in our own accounts",
    "it reduces the time to ship a model change",
    "it makes {area} consistent across teams",
]
BAD = [
    "it adds another system to operate",
    "it costs more than the current setup",
    "migrating {system} will take several sprints",
    "few people in the organisation have used it",
    "it ties us more closely to one vendor",
    "its {quality} is worse under peak load",
    "the licence terms need legal review",
    "it does not cover every use case of {area}",
]
QUESTIONS = [
    "How do we migrate the existing pipelines without downtime?",
    "Who owns the shared configuration once this is in place?",
    "What is the rollback plan if {quality} degrades?",
    "Do we need a separate budget line for {area}?",
    "Which teams move first, and when?",
]


@dataclass
class Spec:
    """One record to write: identity, front matter values and the links it carries."""

    kind: str  # "adr" or "rfc"
    number: int
    title: str
    area: str
    option: str  # for an ADR, the option its title names and its outcome chooses
    status: str
    date: dt.date
    tags: list[str]
    people: list[str]
    reviewers: list[str] = field(default_factory=list)
    supersedes: list[int] = field(default_factory=list)
    superseded_by: int | None = None
    related: list[tuple[str, int]] = field(default_factory=list)
    decisions: list[int] = field(default_factory=list)
    project: str = ""
    addresses: list[str] = field(default_factory=list)
    complies_with: list[str] = field(default_factory=list)
    deviations: list[dict[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.kind.upper()}-{self.number:04d}"

    @property
    def file_name(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:60].rstrip("-")
        return f"{self.number:04d}-{slug}.md"


class Writer:
    """Builds record texts from a seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def fill(self, template: str, area: str) -> str:
        """A template with its slots filled; ``area`` keeps a record on one topic."""
        rng = self.rng
        return template.format(
            team=rng.choice(TEAMS),
            system=rng.choice(SYSTEMS),
            area=area,
            quality=rng.choice(QUALITIES),
            number=rng.randint(3, 400),
            count=rng.randint(2, 9),
        )

    def paragraph(self, area: str, sentences: int) -> list[str]:
        """A wrapped paragraph of ``sentences`` distinct sentences."""
        chosen = self.rng.sample(SENTENCES, k=min(sentences, len(SENTENCES)))
        text = " ".join(_capitalised(self.fill(s, area)) for s in chosen)
        return _wrap(text, WRAP)

    def bullets(self, pool: list[str], area: str, count: int, prefix: str = "") -> list[str]:
        """``count`` bullets from ``pool``, each on its own line, wrapped."""
        lines: list[str] = []
        for template in self.rng.sample(pool, k=min(count, len(pool))):
            text = _capitalised(prefix + self.fill(template, area))
            wrapped = _wrap(text, WRAP - 2)
            lines.append(f"* {wrapped[0]}")
            lines.extend(f"  {rest}" for rest in wrapped[1:])
        return lines


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


# --- the corpus plan ---------------------------------------------------------------


def plan(n: int, rng: random.Random) -> tuple[list[Spec], list[Spec]]:
    """Decide every record's metadata and links before any text is written."""
    n_rfc = max(1, round(n * RFC_SHARE)) if n > 1 else 0
    n_adr = n - n_rfc
    adrs = [_new_spec("adr", i + 1, _date(i, n_adr), rng) for i in range(n_adr)]
    rfcs = [
        _new_spec("rfc", i + 1, _date(i, n_rfc) + dt.timedelta(days=1), rng) for i in range(n_rfc)
    ]
    for spec in adrs:
        spec.status = rng.choices(
            ["accepted", "proposed", "rejected", "deprecated", "superseded"],
            weights=[55, 12, 8, 5, 20],
        )[0]
    for spec in rfcs:
        spec.status = rng.choices(
            ["implemented", "accepted", "review", "draft", "rejected", "withdrawn", "superseded"],
            weights=[30, 20, 12, 10, 8, 5, 15],
        )[0]
    _chain(adrs, ("accepted", "superseded", "deprecated"), rng)
    _chain(rfcs, ("accepted", "implemented", "superseded"), rng)

    # An accepted or implemented RFC lists the ADRs it led to (decided after the RFC).
    for rfc in rfcs:
        if rfc.status in ("accepted", "implemented", "superseded"):
            later = [a.number for a in adrs if a.date >= rfc.date][:40]
            if later:
                rfc.decisions = sorted(rng.sample(later, k=min(len(later), rng.randint(1, 3))))
    everyone = [("adr", a.number) for a in adrs] + [("rfc", r.number) for r in rfcs]
    for spec in adrs + rfcs:
        candidates = rng.sample(everyone, k=min(len(everyone), 4))
        spec.related = [c for c in candidates if c != (spec.kind, spec.number)][: rng.randint(0, 3)]
    return adrs, rfcs


def _date(index: int, count: int) -> dt.date:
    """The date of the index-th of ``count`` records, spread evenly over the span."""
    return FIRST_DATE + dt.timedelta(days=index * DATE_SPAN_DAYS // max(count, 1))


def _new_spec(kind: str, number: int, date: dt.date, rng: random.Random) -> Spec:
    area = rng.choice(list(AREAS))
    option = rng.choice(AREAS[area])
    if kind == "adr":
        title = f"{rng.choice(VERBS)} {option} for {area}"
    else:
        title = f"{rng.choice(['Proposal', 'Plan', 'Design'])} for {area} in {rng.choice(TEAMS)}"
    people = rng.sample(PEOPLE, k=rng.randint(1, 3))
    reviewers = rng.sample([p for p in PEOPLE if p not in people], k=rng.randint(1, 3))
    tags = rng.sample(TAGS, k=rng.randint(1, 3))
    return Spec(kind, number, title, area, option, "", date, tags, people, reviewers)


def _chain(specs: list[Spec], successor_statuses: tuple[str, ...], rng: random.Random) -> None:
    """Give every superseded record exactly one later successor (chains form naturally)."""
    for index, spec in enumerate(specs):
        if spec.status != "superseded":
            continue
        window = specs[index + 1 : index + 60]
        candidates = [s for s in window if s.status in successor_statuses]
        if not candidates:
            spec.status = "accepted"
            continue
        successor = rng.choice(candidates)
        spec.superseded_by = successor.number
        successor.supersedes.append(spec.number)


# --- standards and projects ---------------------------------------------------------------

CATEGORIES = ("security", "privacy", "ethics", "regulatory", "tech-stack", "process")
MANDATORY = ("security", "privacy", "ethics")


def standards() -> list[dict[str, object]]:
    """Two standards per category, the cross-cutting ones mandatory."""
    found = []
    for category in CATEGORIES:
        for number in (1, 2):
            code = category.split("-")[0][:4].upper()
            found.append(
                {
                    "id": f"STD-{code}-{number:03d}",
                    "title": f"{category.capitalize()} standard {number} for every ML system",
                    "status": "active",
                    "category": category,
                    "mandatory": category in MANDATORY,
                    "owner": f"{category.capitalize()} guild",
                    "date": FIRST_DATE,
                }
            )
    return found


def projects(n: int, rng: random.Random) -> list[dict[str, object]]:
    """One project per 100 records (at least two), listing every mandatory standard."""
    mandatory = [s["id"] for s in standards() if s["mandatory"]]
    found = []
    for index in range(max(2, n // 100)):
        system = SYSTEMS[index % len(SYSTEMS)].removeprefix("the ")
        found.append(
            {
                "id": f"{re.sub(r'[^a-z0-9]+', '-', system)}-{index + 1}",
                "title": f"{system.capitalize()} ({index + 1})",
                "status": "active",
                "date": FIRST_DATE,
                "owner": rng.choice(PEOPLE),
                "business_objectives": [
                    {"id": f"BO-{i}", "title": f"Improve {rng.choice(QUALITIES)} by {i * 10} %"}
                    for i in (1, 2)
                ],
                "requirements": [
                    {
                        "id": f"REQ-{i}",
                        "title": f"Predict {system} outcomes, part {i}",
                        "metric": "MAE on a rolling 8-week backtest",
                        "target": f"<= {rng.randint(5, 20)} units",
                        "serves": ["BO-1"],
                    }
                    for i in (1, 2, 3)
                ],
                "quality_attributes": [
                    {
                        "id": f"QA-{i}",
                        "title": _capitalised(quality),
                        "measure": f"{quality} measured weekly",
                        "target": f"<= {rng.randint(10, 90)} minutes",
                        "serves": ["BO-2"],
                    }
                    for i, quality in enumerate(rng.sample(QUALITIES, k=3), start=1)
                ],
                "constraints": [
                    {"id": "CON-1", "title": "Runs in our own cloud accounts", "negotiable": False},
                    {"id": "CON-2", "title": "Fits this year's budget", "negotiable": True},
                ],
                "cross_cutting": mandatory,
            }
        )
    return found


TRACED_ITEMS = ["REQ-1", "REQ-2", "REQ-3", "QA-1", "QA-2", "QA-3", "BO-1", "BO-2"]


def trace(adrs: list[Spec], project_ids: list[str], rng: random.Random) -> None:
    """Give every ADR a project, objectives it addresses and standards it follows."""
    all_standards = [s["id"] for s in standards()]
    optional = [s["id"] for s in standards() if not s["mandatory"]]
    for index, spec in enumerate(adrs):
        spec.project = project_ids[index % len(project_ids)]
        # Every objective of every project is addressed by an accepted ADR early on.
        first = TRACED_ITEMS[(index // len(project_ids)) % len(TRACED_ITEMS)]
        spec.addresses = [first, *rng.sample(TRACED_ITEMS, k=rng.randint(0, 1))]
        spec.complies_with = rng.sample(all_standards, k=rng.randint(1, 2))
        if rng.random() < 0.05:
            standard = rng.choice([s for s in optional if s not in spec.complies_with])
            spec.deviations = [
                {"standard": standard, "reason": f"The vendor SDK for {spec.area} needs it."}
            ]


def named_record(data: dict[str, object], text: str) -> str:
    front = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
    )
    return f"---\n{front}---\n\n# {data['title']}\n\n{text}\n"


# --- writing -------------------------------------------------------------------------


def front_matter(spec: Spec) -> str:
    """The YAML front matter block of a record, closing fence included."""
    data: dict[str, object] = {"title": spec.title, "status": spec.status, "date": spec.date}
    if spec.kind == "adr":
        data["deciders"] = spec.people
    else:
        data["authors"] = spec.people
        data["reviewers"] = spec.reviewers
    prefix = spec.kind.upper()
    if spec.supersedes:
        data["supersedes"] = [f"{prefix}-{n:04d}" for n in spec.supersedes]
    if spec.superseded_by is not None:
        data["superseded_by"] = f"{prefix}-{spec.superseded_by:04d}"
    if spec.related:
        data["related"] = [f"{kind.upper()}-{n:04d}" for kind, n in spec.related]
    if spec.decisions:
        data["decisions"] = [f"ADR-{n:04d}" for n in spec.decisions]
    if spec.project:
        data["project"] = spec.project
        data["addresses"] = spec.addresses
        data["complies_with"] = spec.complies_with
    if spec.deviations:
        data["deviates_from"] = spec.deviations
    data["tags"] = spec.tags
    text = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
    )
    return f"---\n{text}---\n"


def adr_body(spec: Spec, writer: Writer, links: list[str]) -> list[str]:
    """A MADR body: context, drivers, options, outcome, consequences, pros and cons."""
    rng = writer.rng
    area = spec.area
    pool = AREAS[area]
    others = [option for option in pool if option != spec.option]
    options = [spec.option, *rng.sample(others, k=rng.randint(1, min(3, len(others))))]
    rng.shuffle(options)
    chosen = spec.option
    lines = [f"# {spec.title}", "", "## Context and Problem Statement", ""]
    for _ in range(rng.randint(2, 4)):
        lines += [*writer.paragraph(area, rng.randint(3, 6)), ""]
    lines += [f"Which option should we use for {area}?", ""]
    lines += ["## Decision Drivers", "", *writer.bullets(DRIVERS, area, rng.randint(3, 5)), ""]
    lines += ["## Considered Options", "", *(f"* {option}" for option in options), ""]
    lines += ["## Decision Outcome", ""]
    reason = writer.fill(rng.choice(GOOD), area)
    lines += _wrap(f'Chosen option: "{chosen}", because {reason}.', WRAP)
    lines += ["", *writer.paragraph(area, rng.randint(2, 3)), ""]
    lines += ["### Consequences", ""]
    lines += writer.bullets(GOOD, area, rng.randint(2, 3), "Good, because ")
    lines += writer.bullets(BAD, area, rng.randint(1, 2), "Bad, because ")
    lines += ["", "## Pros and Cons of the Options", ""]
    for option in options:
        lines += [f"### {option}", ""]
        lines += writer.bullets(GOOD, area, rng.randint(1, 3), "Good, because ")
        lines += writer.bullets(BAD, area, rng.randint(1, 2), "Bad, because ")
        lines.append("")
    lines += _more_information(links)
    return lines


def rfc_body(spec: Spec, writer: Writer, links: list[str]) -> list[str]:
    """An RFC body: summary, motivation, design, alternatives, drawbacks, questions."""
    rng = writer.rng
    area = spec.area
    lines = [f"# {spec.title}", "", "## Summary", "", *writer.paragraph(area, 3), ""]
    lines += ["## Motivation", ""]
    for _ in range(rng.randint(2, 4)):
        lines += [*writer.paragraph(area, rng.randint(3, 6)), ""]
    lines += ["## Design", ""]
    for step in range(1, rng.randint(3, 5)):
        lines += [f"### Step {step}", "", *writer.paragraph(area, rng.randint(2, 4)), ""]
    lines += ["```yaml", f"area: {area}", f"owner: {rng.choice(TEAMS)}", "```", ""]
    lines += ["## Alternatives", ""]
    alternatives = rng.sample(AREAS[area], k=min(len(AREAS[area]), rng.randint(2, 4)))
    for alternative in alternatives:
        wrapped = _wrap(f"{alternative}: {writer.fill(rng.choice(BAD), area)}.", WRAP - 2)
        lines += [f"* {wrapped[0]}", *(f"  {rest}" for rest in wrapped[1:])]
    lines += ["", "## Drawbacks", "", *writer.bullets(BAD, area, rng.randint(2, 4)), ""]
    lines += ["## Unresolved Questions", ""]
    lines += writer.bullets(QUESTIONS, area, rng.randint(2, 3))
    lines += ["", *_more_information(links)]
    return lines


def _more_information(links: list[str]) -> list[str]:
    if not links:
        return []
    return ["## More Information", "", *(f"* See {link}." for link in links), ""]


def _link(from_kind: str, spec: Spec) -> str:
    folder = "" if spec.kind == from_kind else f"../{spec.kind}/"
    return f"[{spec.id}]({folder}{spec.file_name})"


def render(spec: Spec, writer: Writer, by_key: dict[tuple[str, int], Spec]) -> str:
    """The full text of one record file."""
    linked = [by_key[key] for key in spec.related]
    linked += [by_key[("adr", n)] for n in spec.decisions]
    links = [_link(spec.kind, other) for other in linked]
    body = (adr_body if spec.kind == "adr" else rfc_body)(spec, writer, links)
    while body and not body[-1]:
        body.pop()
    return front_matter(spec) + "\n" + "\n".join(body) + "\n"


INDEX = """# Synthetic decision log

A generated corpus of {adrs} architecture decision records and {rfcs} RFCs, used to
time `mkdocs build` with and without the mkdocs-decisions plugin.
"""

PLUGIN_YML = """site_name: Decision log benchmark ({n} records)
docs_dir: docs
theme:
  name: mkdocs
plugins:
  - search
  - decisions
"""

PLUGIN_NOHISTORY_YML = """site_name: Decision log benchmark ({n} records, no history)
docs_dir: docs
theme:
  name: mkdocs
plugins:
  - search
  - decisions:
      history: false
"""

PLUGIN_NOCACHE_YML = """site_name: Decision log benchmark ({n} records, nothing kept)
docs_dir: docs
theme:
  name: mkdocs
plugins:
  - search
  - decisions:
      cache: false
"""

BASELINE_YML = """site_name: Decision log benchmark ({n} records, baseline)
docs_dir: docs-baseline
theme:
  name: mkdocs
plugins:
  - search
"""


def generate(n: int, out: Path, seed: int = DEFAULT_SEED, git: bool = True) -> tuple[int, int]:
    """Write the corpus for ``n`` records into ``out``; return (ADR count, RFC count).

    ``out`` must be empty, missing, or a corpus written before (it holds ``MARKER``).
    With ``git``, ``out`` becomes a git repository with all files in one commit whose
    author, committer and date are fixed, so the plugin reads history as in a real
    project and the commit id is the same on every run.
    """
    if n < 2:
        raise ValueError("N must be at least 2")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ValueError(f"{out} is not empty and was not written by this script")
    rng = random.Random(seed)
    adrs, rfcs = plan(n, rng)
    # A second generator, so that the records' own texts do not depend on the tracing.
    tracing = random.Random(seed + 1)
    project_data = projects(n, tracing)
    trace(adrs, [str(p["id"]) for p in project_data], tracing)
    by_key = {(s.kind, s.number): s for s in adrs + rfcs}
    writer = Writer(rng)

    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by bench/generate_corpus.py\n", encoding="utf-8")
    for name in OWNED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    for folder in ("adr", "rfc", "docs", "docs-baseline/adr", "docs-baseline/rfc"):
        (out / folder).mkdir(parents=True)
    for folder in ("standards", "projects"):
        for docs in ("docs", "docs-baseline"):
            (out / docs / folder).mkdir(parents=True)
    named = [("standards", s, "Every ML system follows this standard.") for s in standards()]
    named += [("projects", p, "The objectives of this project.") for p in project_data]
    for folder, data, text in named:
        record = named_record(data, text)
        for docs in ("docs", "docs-baseline"):
            (out / docs / folder / f"{str(data['id']).lower()}.md").write_text(
                record, encoding="utf-8"
            )

    for spec in adrs + rfcs:
        text = render(spec, writer, by_key)
        for target_dir in (out / spec.kind, out / "docs-baseline" / spec.kind):
            (target_dir / spec.file_name).write_text(text, encoding="utf-8")
    index = INDEX.format(adrs=len(adrs), rfcs=len(rfcs))
    for folder in ("docs", "docs-baseline"):
        (out / folder / "index.md").write_text(index, encoding="utf-8")
    (out / "mkdocs-plugin.yml").write_text(PLUGIN_YML.format(n=n), encoding="utf-8")
    (out / "mkdocs-plugin-nohistory.yml").write_text(
        PLUGIN_NOHISTORY_YML.format(n=n), encoding="utf-8"
    )
    (out / "mkdocs-plugin-nocache.yml").write_text(PLUGIN_NOCACHE_YML.format(n=n), encoding="utf-8")
    (out / "mkdocs-baseline.yml").write_text(BASELINE_YML.format(n=n), encoding="utf-8")
    if git:
        commit_all(out)
    return len(adrs), len(rfcs)


def commit_all(out: Path) -> None:
    """Make ``out`` a git repository holding every file in one reproducible commit."""
    identity = {
        "GIT_AUTHOR_NAME": "Bench Generator",
        "GIT_AUTHOR_EMAIL": "bench@example.invalid",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_NAME": "Bench Generator",
        "GIT_COMMITTER_EMAIL": "bench@example.invalid",
        "GIT_COMMITTER_DATE": COMMIT_DATE,
    }
    environment = {**os.environ, **identity}
    settings = ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["commit", "-q", "--no-verify", "-m", "Synthetic decision log"],
    ):
        subprocess.run(["git", *settings, *command], cwd=out, env=environment, check=True)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of records (ADRs + RFCs)")
    parser.add_argument("out_dir", type=Path, help="folder to write the project into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--no-git", action="store_true", help="do not make OUT_DIR a git repository"
    )
    arguments = parser.parse_args(argv)
    try:
        adrs, rfcs = generate(
            arguments.n, arguments.out_dir, arguments.seed, git=not arguments.no_git
        )
    except ValueError as error:
        parser.error(str(error))
    print(f"wrote {adrs} ADRs and {rfcs} RFCs to {arguments.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
