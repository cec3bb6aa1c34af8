"""``decisions.json``: every record, its links, traceability and history, for other tools.

The document's layout is versioned (``version``) and described by the JSON
Schema ``schemas/decisions-export.schema.json`` shipped in the package and in
docs/reference/export.md. Fields are only added within a version; renaming or
removing one means a new version.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..history.git_log import Commit
from ..records.model import Record
from ..trace.matrix import is_mandatory
from ..trace.measurements import assess, is_measured
from ..trace.objectives import Objective, is_addressing
from .tradeoffs import matrix_export, matrix_for

EXPORT_VERSION = 1
# What ``SiteRenderer.once`` is: (what, record, draw) -> draw() or last build's value.
Once = Callable[[str, Record, Callable[[], str]], str]
PEOPLE = ("deciders", "consulted", "informed", "authors", "reviewers", "stakeholders")


def export_document(corpus: Corpus, settings: Settings) -> dict[str, Any]:
    """The export of every record in the corpus, in the corpus's order."""
    return {
        **export_header(),
        "records": [export_entry(record, corpus, settings) for record in corpus.records],
    }


def export_header() -> dict[str, Any]:
    """The document's fields before its records."""
    try:
        generator = f"mkdocs-decisions {version('mkdocs-decisions')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        generator = "mkdocs-decisions"
    return {"version": EXPORT_VERSION, "generator": generator}


def export_text(corpus: Corpus, settings: Settings, once: Once | None = None) -> str:
    """``decisions.json`` as the site serves it: compact JSON (Python writes it several
    times faster than indented, and it is for programs; a browser shows it indented).
    ``once`` reuses a record's entry from the previous build while serving
    (``SiteRenderer.once``): the document is its header and the entries, joined."""

    def entry(record: Record) -> str:
        return _compact(export_entry(record, corpus, settings))

    entries = [
        once("export", record, functools.partial(entry, record)) if once else entry(record)
        for record in corpus.records
    ]
    header = _compact(export_header())
    return header[:-1] + ',"records":[' + ",".join(entries) + "]}\n"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def export_entry(record: Record, corpus: Corpus, settings: Settings) -> dict[str, Any]:
    """One record's entry."""
    return _with_tradeoffs(_record(record, corpus), record, corpus, settings)


def _with_tradeoffs(
    entry: dict[str, Any], record: Record, corpus: Corpus, settings: Settings
) -> dict[str, Any]:
    """ADRs and RFCs add their trade-off matrix (``null`` when they have none)."""
    if record.kind in ("adr", "rfc"):
        entry["tradeoffs"] = matrix_export(matrix_for(corpus, settings, record))
    return entry


def _record(record: Record, corpus: Corpus) -> dict[str, Any]:
    trace = corpus.traceability
    entry: dict[str, Any] = {
        "id": record.id,
        "kind": record.kind,
        "title": record.title,
        "status": record.status,
        "status_as_written": record.raw_status,
        "date": record.date.isoformat() if record.date else None,
        "path": record.path,
        "page": record.site_path,
        "tags": list(record.strings("tags")),
        "people": {key: list(record.strings(key)) for key in PEOPLE if record.strings(key)},
        "review_by": _text(record.value("review_by")),
        "discussion": _text(record.value("discussion")),
        "links": {
            "supersedes": [r.id for r in corpus.predecessors(record)],
            "superseded_by": [r.id for r in corpus.successors(record)],
            "related": [r.id for r in corpus.related(record)],
            "decisions": [r.id for r in corpus.decisions_of(record)],
            "discussed_in": [r.id for r in corpus.decided_in(record)],
            "referenced_by": [r.id for r in corpus.referenced_by(record)],
        },
        "history": _history(record, corpus),
    }
    if record.kind == "project":
        entry["owner"] = _text(record.value("owner"))
        entry["objectives"] = [
            {
                "list": objective.spec.key,
                "id": objective.id,
                "title": objective.title,
                "description": objective.description or None,
                "metric": objective.metric or None,
                "measure": objective.measure or None,
                "target": objective.target or None,
                "baseline": objective.baseline or None,
                "negotiable": objective.negotiable,
                "serves": list(objective.serves),
                "addressed_by": [
                    {"id": t.decision.id, "status": t.decision.status}
                    for t in trace.traces_to(record, objective)
                ],
                "addressed": any(
                    is_addressing(t.decision) for t in trace.traces_to(record, objective)
                ),
                **_measured(record, objective),
            }
            for objective in trace.objectives.get(record.path, [])
            if objective.id
        ]
        entry["standards"] = [s.id for s in trace.standards_of(record)]
    elif record.kind == "standard":
        entry["category"] = _text(record.value("category"))
        entry["mandatory"] = is_mandatory(record)
        entry["owner"] = _text(record.value("owner"))
        entry["projects"] = [p.id for p in trace.projects_of(record)]
        entry["complying"] = [r.id for r in trace.complying(record)]
        entry["deviating"] = [
            {"id": d.decision.id, "reason": d.reason} for d in trace.deviating(record)
        ]
    else:
        project = trace.own_project(record)
        entry["project"] = project.id if project else None
        entry["addresses"] = [
            {"project": target.id, "objective": objective.id}
            for item in trace.addresses.get(record.path, [])
            if (target := trace.project_of(record, item)) is not None
            and (objective := trace.objective(target, item.item_id)) is not None
        ]
        entry["complies_with"] = [s.id for s in trace.named(record, "complies_with", "standard")]
        entry["deviates_from"] = [
            {"standard": d.standard_id, "reason": d.reason}
            for d in trace.deviations.get(record.path, [])
        ]
    return entry


def _measured(record: Record, objective: Objective) -> dict[str, Any]:
    """Requirements and quality attributes: the target read as a comparison, every
    readable measurement (oldest first) and what the latest says."""
    if not is_measured(objective.spec):
        return {}
    assessment = assess(record, objective)
    comparison = assessment.comparison
    measurements = [
        {
            "date": m.date.isoformat(),
            "value": m.quantity.value,
            "unit": m.quantity.unit.label or None,
            "value_as_written": m.written,
            "source": m.source or None,
            "note": m.note or None,
            "meets_target": assessment.meets(m),
        }
        for m in assessment.measurements
    ]
    latest = assessment.latest
    return {
        "comparison": {
            "operator": comparison.operator,
            "bounds": list(comparison.bounds),
            "unit": comparison.unit.label or None,
        }
        if comparison is not None
        else None,
        "measurements": measurements,
        "measurement_status": assessment.status,
        "latest_measurement": measurements[assessment.measurements.index(latest)]
        if latest is not None
        else None,
    }


def _history(record: Record, corpus: Corpus) -> dict[str, Any] | None:
    """Dates, contributors and status changes from git; ``None`` when not read."""
    if not corpus.history.available:
        return None
    file = corpus.history.of(record.path)
    if file is None:
        return {"committed": False}
    accepted = file.changed_to("accepted")
    return {
        "committed": True,
        # the commit that brought the first version, and who wrote it (on a merged
        # branch, when that commit is a merge)
        "created": {**_commit(file.created), "author": file.creator},
        "updated": _commit(file.updated),
        "accepted": _commit(accepted) if accepted else None,
        "contributors": list(file.authors),
        "status_changes": [
            {**_commit(change.commit), "from": change.old, "to": change.new}
            for change in file.status_timeline
        ],
    }


def _commit(commit: Commit) -> dict[str, str]:
    return {"date": commit.day.isoformat(), "commit": commit.sha, "author": commit.author}


def _text(value: object) -> str | None:
    return None if value is None or isinstance(value, dict | list) else str(value)
