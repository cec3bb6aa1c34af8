"""Generate a git repository of decision records with a long, realistic history.

Usage::

    python bench/generate_history.py OUT_DIR [--records 2000] [--commits 10000] [--seed 1]
                                             [--force]

creates a git repository in ``OUT_DIR`` holding ``adr/`` (80% of the records) and
``rfc/`` (20%) records in the native format (front matter with title, status, date,
deciders or authors; a MADR-like body of about 40 lines) and a history of exactly
``--commits`` commits by several authors, with fixed, strictly increasing author and
committer dates spread over about three years. The history holds:

- one commit per record creation (``proposed`` for an ADR, ``draft`` for an RFC);
- status changes that follow the lifecycles: ADR proposed -> accepted ->
  superseded or deprecated, or proposed -> rejected; RFC draft -> review ->
  accepted -> implemented (or review -> rejected / withdrawn);
- body edits, mostly before a record is accepted;
- renames in the manner of ``git mv`` (same content, new file name);
- about 10% of commits that touch no record (``docs/index.md``), as in a real
  documentation repository.

The history is written by one ``git fast-import`` process fed a generated stream
(marked blobs and commits), then the working tree is reset to ``HEAD`` and the
repository is packed with ``git gc``. The result
depends only on the arguments: the same arguments give the same commit ids.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 1
START = 1_640_995_200  # 2022-01-01T00:00:00Z
SPAN = 3 * 365 * 86_400  # about three years
RFC_SHARE = 0.2
OTHER_SHARE = 0.1  # commits that touch no record
RENAME_SHARE = 0.04  # records renamed once
MARKER = "bench-history.json"  # written into .git/: what generated this repository

AUTHORS = [
    ("Ana Silva", "ana@example.com", "+0000"),
    ("Bo Chen", "bo@example.com", "+0800"),
    ("Chiara Rossi", "chiara@example.com", "+0100"),
    ("Dmitri Petrov", "dmitri@example.com", "+0200"),
    ("Elif Yilmaz", "elif@example.com", "+0300"),
    ("Femi Adeyemi", "femi@example.com", "+0100"),
    ("Grace Okafor", "grace@example.com", "-0500"),
    ("Hiro Tanaka", "hiro@example.com", "+0900"),
    ("Ines Moreau", "ines@example.com", "+0100"),
    ("Jonas Berg", "jonas@example.com", "+0100"),
]
AREAS = [
    "the feature store",
    "experiment tracking",
    "the model registry",
    "batch scoring",
    "online serving",
    "workflow orchestration",
    "data validation",
    "stream ingestion",
    "the analytical warehouse",
    "model monitoring",
    "secrets management",
    "infrastructure as code",
    "container builds",
    "the API style",
    "the Python toolchain",
    "vector search",
    "dataset versioning",
    "release management",
]
OPTIONS = ["Kafka", "Airflow", "Dagster", "Terraform", "MLflow", "BigQuery", "Ray", "gRPC"]
VERBS = ["Use", "Adopt", "Standardise on", "Move to", "Keep", "Introduce"]
RENAME_VERBS = ["Prefer", "Choose", "Settle on"]
SENTENCES = [
    "The {team} team depends on {area} every day and wants one way to run it.",
    "Today {area} is handled differently by each team, which makes on-call harder.",
    "Incidents in the last quarter showed that {quality} is our weakest point.",
    "We expect the number of models to double within a year.",
    "Any option must work in both the staging and the production accounts.",
    "The {team} team has built a prototype with {option} and shared its measurements.",
    "Data protection requirements apply because customer records are processed.",
    "We prefer managed services where they do not lock our data into one vendor.",
    "The decision affects roughly {number} pipelines owned by {teams} teams.",
    "Choosing {option} would change how {quality} is measured across teams.",
]
TEAMS = ["forecasting", "pricing", "search", "platform", "fraud", "marketing science"]
QUALITIES = ["latency", "cost", "operability", "reliability", "auditability", "scalability"]

ADR_PATHS = [  # (weight, statuses after "proposed")
    (0.45, ["accepted"]),
    (0.20, ["accepted", "superseded"]),
    (0.10, ["accepted", "deprecated"]),
    (0.15, ["rejected"]),
    (0.10, []),
]
RFC_PATHS = [  # (weight, statuses after "draft")
    (0.25, ["review", "accepted", "implemented"]),
    (0.20, ["review", "accepted"]),
    (0.10, ["review", "draft", "review", "accepted", "implemented"]),
    (0.10, ["review", "rejected"]),
    (0.05, ["review", "withdrawn"]),
    (0.15, ["review"]),
    (0.15, []),
]


@dataclass
class Record:
    """One record file and its current state while the history is written."""

    kind: str
    number: int
    title: str
    topic: str  # the file name's words after the number and the verb
    slug: str
    status: str
    date: str
    people: list[str]
    body: list[str]
    superseded_by: str | None = None
    path: str = ""
    statuses: list[str] = field(default_factory=list)  # status changes still to come

    @property
    def ident(self) -> str:
        return f"{self.kind.upper()}-{self.number:04d}"

    def text(self) -> str:
        """The file's content: front matter, then the body."""
        people_key = "deciders" if self.kind == "adr" else "authors"
        lines = [
            "---",
            f"title: {self.title}",
            f"status: {self.status}",
            f"date: {self.date}",
            f"{people_key}: [{', '.join(self.people)}]",
        ]
        if self.superseded_by:
            lines.append(f"superseded_by: {self.superseded_by}")
        lines += ["---", "", f"# {self.title}", "", *self.body]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Event:
    """One commit to write: what it does, to which record (None: a non-record commit)."""

    when: float  # sort key only; commit dates are assigned after sorting
    order: int  # position among the record's events (keeps per-record order stable)
    kind: str  # "create", "status", "edit", "rename", "other"
    record: int | None


def sentence(rng: random.Random, area: str) -> str:
    """One line of body text about ``area``."""
    return rng.choice(SENTENCES).format(
        team=rng.choice(TEAMS),
        area=area,
        quality=rng.choice(QUALITIES),
        option=rng.choice(OPTIONS),
        number=rng.randint(5, 400),
        teams=rng.randint(2, 12),
    )


def make_body(rng: random.Random, kind: str, area: str) -> list[str]:
    """A MADR-like body (ADR) or an RFC outline of about 40 lines."""
    if kind == "adr":
        sections = [
            ("Context and Problem Statement", 8),
            ("Decision Drivers", 4),
            ("Considered Options", 4),
            ("Decision Outcome", 6),
            ("Consequences", 6),
        ]
    else:
        sections = [
            ("Summary", 5),
            ("Motivation", 7),
            ("Proposal", 9),
            ("Drawbacks", 4),
            ("Alternatives", 4),
            ("Unresolved Questions", 3),
        ]
    body: list[str] = []
    for heading, count in sections:
        body += [f"## {heading}", ""]
        bullet = heading in ("Decision Drivers", "Considered Options", "Consequences")
        for _ in range(count):
            text = sentence(rng, area)
            body.append(f"* {text}" if bullet else text)
        body.append("")
    return body[:-1]


def choose_path(rng: random.Random, paths: list[tuple[float, list[str]]]) -> list[str]:
    """A lifecycle path, drawn by weight."""
    weights = [weight for weight, _ in paths]
    return list(rng.choices([path for _, path in paths], weights=weights)[0])


def make_records(rng: random.Random, count: int) -> list[Record]:
    """The records with their titles and planned status changes (not yet dated)."""
    rfcs = round(count * RFC_SHARE)
    kinds = ["rfc"] * rfcs + ["adr"] * (count - rfcs)
    rng.shuffle(kinds)
    numbers = {"adr": 0, "rfc": 0}
    records = []
    names = [name for name, _, _ in AUTHORS]
    for kind in kinds:
        numbers[kind] += 1
        area = rng.choice(AREAS)
        option = rng.choice(OPTIONS)
        if kind == "adr":
            verb, topic = rng.choice(VERBS), f"{option} for {area}"
            initial, path = "proposed", choose_path(rng, ADR_PATHS)
        else:
            verb, topic = "Design for", f"{area} with {option}"
            initial, path = "draft", choose_path(rng, RFC_PATHS)
        title = f"{verb} {topic}"
        record = Record(
            kind=kind,
            number=numbers[kind],
            title=title,
            topic=slugify(topic),
            slug=slugify(title),
            status=initial,
            date="",
            people=sorted(rng.sample(names, rng.randint(1, 3))),
            body=make_body(rng, kind, area),
            statuses=path,
        )
        record.path = f"{kind}/{record.number:04d}-{record.slug}.md"
        records.append(record)
    return records


def slugify(title: str) -> str:
    """A file-name slug: lower case, words joined by dashes."""
    kept = "".join(c if c.isalnum() else " " for c in title.lower())
    return "-".join(kept.split())


def plan_events(rng: random.Random, records: list[Record], commits: int) -> list[Event]:
    """Exactly ``commits`` events in commit order, each record's events in its own order."""
    if commits < len(records):
        raise SystemExit(f"--commits ({commits}) must be at least --records ({len(records)})")
    others = min(round(commits * OTHER_SHARE), commits - len(records))
    budget = commits - len(records) - others  # commits after the creations
    # Per record: the planned kinds of its later commits (status changes and a rename).
    later: list[list[str]] = []
    for record in records:
        planned = ["status"] * len(record.statuses)
        if rng.random() < RENAME_SHARE:
            planned.insert(rng.randint(0, len(planned)), "rename")
        later.append(planned)
    fixed = sum(len(planned) for planned in later)
    while fixed > budget:  # too few commits for every planned change: drop some, last first
        index = rng.randrange(len(records))
        if later[index]:
            dropped = later[index].pop()
            if dropped == "status":
                records[index].statuses.pop()
            fixed -= 1
    edits = budget - fixed
    for _ in range(edits):  # body edits, mostly while the record is still open
        index = rng.randrange(len(records))
        planned = later[index]
        first_final = next(
            (
                position
                for position, status in enumerate(records[index].statuses)
                if status in ("accepted", "rejected", "withdrawn")
            ),
            len(records[index].statuses),
        )
        limit = first_final if rng.random() < 0.9 else len(records[index].statuses)
        # insert before the status change number ``limit`` (renames do not count)
        slots = [p for p, kind in enumerate(planned) if kind == "status"]
        end = slots[limit] if limit < len(slots) else len(planned)
        planned.insert(rng.randint(0, end), "edit")
    events: list[Event] = []
    created = sorted(rng.uniform(0.0, 0.85) for _ in records)
    for index, planned in enumerate(later):
        start = created[index]
        events.append(Event(start, 0, "create", index))
        times = sorted(rng.uniform(start, min(1.0, start + 0.4)) for _ in planned)
        for order, (when, kind) in enumerate(zip(times, planned, strict=True), start=1):
            events.append(Event(when, order, kind, index))
    events += [Event(rng.uniform(0.0, 1.0), 0, "other", None) for _ in range(others)]
    events.sort(key=lambda e: (e.when, -1 if e.record is None else e.record, e.order))
    return events


def data(payload: bytes) -> bytes:
    """A fast-import ``data`` command with its exact byte count."""
    return b"data %d\n" % len(payload) + payload + b"\n"


def build_stream(rng: random.Random, records: list[Record], events: list[Event]) -> bytes:
    """The fast-import stream: one marked blob per new version, one marked commit per event."""
    out: list[bytes] = []
    mark = 0
    previous_commit = 0
    step = SPAN / len(events)
    adr_ids = [r.ident for r in records if r.kind == "adr"]
    index_lines = ["# Decisions", "", "This site publishes our decision records.", ""]
    for number, event in enumerate(events):
        when = START + int(number * step) + rng.randint(0, max(0, int(step) // 2))
        name, email, zone = rng.choice(AUTHORS)
        changes: list[bytes] = []
        if event.record is None:
            index_lines.append(f"- Note {number}: {sentence(rng, rng.choice(AREAS))}")
            index_lines = index_lines[:4] + index_lines[-20:]
            mark += 1
            out.append(b"blob\nmark :%d\n" % mark + data("\n".join(index_lines).encode()))
            changes.append(b"M 100644 :%d docs/index.md\n" % mark)
            message = "Update the site index"
        else:
            record = records[event.record]
            if event.kind == "create":
                record.date = local_day(when, zone)
                message = f"Add {record.ident}: {record.title}"
            elif event.kind == "status":
                old, record.status = record.status, record.statuses.pop(0)
                if record.status == "superseded":
                    later = [i for i in adr_ids if i > record.ident]
                    record.superseded_by = rng.choice(later) if later else None
                message = f"{record.ident}: {old} -> {record.status}"
            elif event.kind == "edit":
                area = rng.choice(AREAS)
                position = rng.randrange(len(record.body))
                if record.body[position] and not record.body[position].startswith("#"):
                    record.body[position] = sentence(rng, area)
                else:
                    record.body.append(sentence(rng, area))
                message = f"{record.ident}: revise the text"
            if event.kind == "rename":
                old_path = record.path
                record.slug = f"{slugify(rng.choice(RENAME_VERBS))}-{record.topic}"
                record.path = f"{record.kind}/{record.number:04d}-{record.slug}.md"
                changes.append(f'R "{old_path}" "{record.path}"\n'.encode())
                message = f"{record.ident}: rename the file"
            else:
                mark += 1
                out.append(b"blob\nmark :%d\n" % mark + data(record.text().encode()))
                changes.append(b"M 100644 :%d %s\n" % (mark, record.path.encode()))
        mark += 1
        who = f"{name} <{email}> {when} {zone}".encode()
        out.append(b"commit refs/heads/main\nmark :%d\n" % mark)
        out.append(b"author " + who + b"\ncommitter " + who + b"\n")
        out.append(data(message.encode()))
        if previous_commit:
            out.append(b"from :%d\n" % previous_commit)
        out += changes
        out.append(b"\n")
        previous_commit = mark
    return b"".join(out)


def local_day(timestamp: int, zone: str) -> str:
    """The calendar day of ``timestamp`` in a ``+HHMM`` time zone, as ``YYYY-MM-DD``."""
    sign = -1 if zone.startswith("-") else 1
    offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
    return dt.datetime.fromtimestamp(timestamp, dt.timezone(offset)).date().isoformat()


def generate(out_dir: Path, records: int, commits: int, seed: int, force: bool = False) -> Path:
    """Create the repository in ``out_dir`` and return its path."""
    if out_dir.exists() and any(out_dir.iterdir()):
        if not force:
            raise SystemExit(f"{out_dir} exists and is not empty (use --force to replace it)")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    all_records = make_records(rng, records)
    events = plan_events(rng, all_records, commits)
    stream = build_stream(rng, all_records, events)
    env_git = ["git", "-C", str(out_dir)]
    subprocess.run([*env_git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*env_git, "fast-import", "--quiet"], input=stream, check=True)
    subprocess.run([*env_git, "reset", "-q", "--hard", "main"], check=True)
    # Pack as a maintained clone is packed (fast-import's own packs are loose-ish).
    subprocess.run([*env_git, "gc", "-q"], check=True)
    count = subprocess.run(
        [*env_git, "rev-list", "--count", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if int(count) != commits:
        raise SystemExit(f"expected {commits} commits, the repository has {count}")
    marker = {"records": records, "commits": commits, "seed": seed}
    (out_dir / ".git" / MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and generate the repository."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="replace OUT_DIR if it exists")
    args = parser.parse_args(argv)
    if args.records < 1:
        parser.error("--records must be at least 1")
    generate(args.out_dir, args.records, args.commits, args.seed, args.force)
    print(f"{args.out_dir}: {args.records} records, {args.commits} commits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
