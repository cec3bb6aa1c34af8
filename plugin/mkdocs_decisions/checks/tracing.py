"""Checks that tie decisions to projects and standards (DEC205, DEC5xx).

Projects must define measurable, identified objectives and acknowledge the
mandatory standards that apply to them; decisions must name objectives that
exist and may deviate only from standards that are negotiable, with a reason.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

from ..catalogue.findings import Finding, Position, excerpt
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import ITEM_KEYS, KindSpec
from ..records.model import KEY, Record
from ..trace.matrix import is_mandatory
from ..trace.objectives import Objective, is_addressing, is_scalar
from .registry import check

# Which kind of record each relation must point at.
_EXPECTED_KIND = {
    "project": "project",
    "applies_to": "project",
    "complies_with": "standard",
    "deviates_from": "standard",
    "cross_cutting": "standard",
}
_DEVIATION_KEYS = ("standard", "reason")
_TEXT_ITEM_KEYS = ("id", "title", "description", "metric", "target", "baseline", "measure")


@check("DEC205")
def check_reference_kinds(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    for link in corpus.outgoing(record):
        expected = _EXPECTED_KIND.get(link.relation)
        if expected is None or link.target.kind == expected:
            continue
        yield finding(
            "DEC205",
            record.path,
            link.reference.position,
            f"`{link.relation}` names {link.target.id}, which is a {link.target.kind}, "
            f"not a {expected}",
        )


@check("DEC007", "DEC501", "DEC502", "DEC511")
def check_deviations(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    trace = corpus.traceability
    found = record.fields.get("deviates_from")
    entries = found.value if found is not None and isinstance(found.value, list) else []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or found is None:
            continue
        for key, value in entry.items():
            if str(key) not in _DEVIATION_KEYS:
                yield _unknown_key(
                    "a `deviates_from` entry",
                    str(key),
                    _DEVIATION_KEYS,
                    record,
                    found.inner.get((index, key, KEY), found.value_position),
                )
            elif value is not None and not is_scalar(value):
                yield finding(
                    "DEC007",
                    record.path,
                    found.inner.get((index, key), found.value_position),
                    f"`deviates_from` entry {index + 1}: `{key}` must be "
                    + ("one standard id" if key == "standard" else "text"),
                    "write one deviation per standard, each with its own reason",
                )
    for deviation in trace.deviations.get(record.path, []):
        if not deviation.standard_id:
            yield finding(
                "DEC502",
                record.path,
                deviation.position,
                "a `deviates_from` entry names no standard",
                "write the entry as `- standard: STD-...` with `reason: ...`",
            )
            continue
        standard = trace.resolve(record, deviation.standard_id, "standard")
        if standard is not None and is_mandatory(standard):
            yield finding(
                "DEC501",
                record.path,
                deviation.position,
                f"deviates from {standard.id} ({standard.title}), a mandatory standard: "
                "cross-cutting concerns are not negotiable",
            )
        if not deviation.reason:
            yield finding(
                "DEC502",
                record.path,
                deviation.position,
                f"the deviation from {deviation.standard_id} gives no reason",
            )


@check("DEC503")
def check_addresses(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    trace = corpus.traceability
    for entry in trace.addresses.get(record.path, []):
        project = trace.project_of(record, entry)
        if entry.short and "project" not in record.fields:
            yield finding(
                "DEC503",
                record.path,
                entry.position,
                f"`addresses: {entry.text}` names no project, and the record has no `project:`",
                f"write `project-id/{entry.item_id}`, or add `project: project-id`",
            )
        elif entry.short and project is None:
            continue  # the `project` field itself is reported (DEC201 or DEC205)
        elif not entry.item_id:
            yield finding(
                "DEC503",
                record.path,
                entry.position,
                f"`addresses: {entry.text}` names no objective after the `/`",
                f"write `{entry.project_id or 'project-id'}/QA-1`",
            )
        elif project is None:
            yield finding(
                "DEC503",
                record.path,
                entry.position,
                f"`addresses: {entry.text}` names project {entry.project_id}, "
                "which is not a known project",
                _suggest(entry.project_id, [p.id for p in trace.projects]),
            )
        elif trace.objective(project, entry.item_id) is None:
            known = [o.id for o in trace.objectives.get(project.path, []) if o.id]
            yield finding(
                "DEC503",
                record.path,
                entry.position,
                f"`addresses: {entry.text}`: project {project.id} defines no {entry.item_id}",
                _suggest(entry.item_id, known) or f"its ids: {', '.join(known) or 'none'}",
            )


@check("DEC504", "DEC507", "DEC508", "DEC509", "DEC511")
def check_objectives(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.kind != "project":
        return
    trace = corpus.traceability
    objectives = trace.objectives.get(record.path, [])
    counts = Counter(o.key for o in objectives if o.key)
    for objective in objectives:
        yield from _check_item(record, objective, counts[objective.key], corpus)


def _check_item(
    record: Record, objective: Objective, id_uses: int, corpus: Corpus
) -> Iterable[Finding]:
    trace = corpus.traceability
    what = f"{objective.spec.label.lower()} item {objective.index + 1}"
    if not isinstance(objective.raw, dict):
        yield finding(
            "DEC507",
            record.path,
            objective.position,
            f"{what} is not a mapping",
            f"write it as `- id: {objective.spec.prefix}-{objective.index + 1}` "
            "with `title: ...` on the next line",
        )
        return
    wrong_type = set()
    for key, value in objective.raw.items():
        name = str(key)
        if name not in ITEM_KEYS:
            yield _unknown_key(
                what, name, ITEM_KEYS, record, objective.position_of(record, key, KEY)
            )
        elif name in _TEXT_ITEM_KEYS and value is not None and not is_scalar(value):
            wrong_type.add(name)
            yield finding(
                "DEC007",
                record.path,
                objective.position_of(record, key),
                f"`{name}` of {objective.id or what} must be a single value, "
                f"not {type(value).__name__}",
                "write it as text on one line (quote it if it starts with `<`, `>` or `[`)",
            )
        elif name == "serves" and value is not None and not _ids(value):
            yield finding(
                "DEC007",
                record.path,
                objective.position_of(record, key),
                f"`serves` of {objective.id or what} must be a list of objective ids",
                "write `serves: [BO-1]`",
            )
    if not objective.id:
        if "id" not in wrong_type:
            yield finding("DEC507", record.path, objective.position, f"{what} has no `id:`")
    elif id_uses > 1:
        yield finding(
            "DEC507",
            record.path,
            objective.position_of(record, "id"),
            f"id {objective.id} is used by more than one item of this project",
        )
    label = objective.id or what
    missing = [
        key
        for key in ("title", *objective.spec.required)
        if key != "negotiable" and key not in wrong_type and not getattr(objective, key)
    ]
    if missing:
        yield finding(
            "DEC508",
            record.path,
            objective.position,
            f"{label} has no {' and no '.join(f'`{key}`' for key in missing)}",
        )
    if "negotiable" in objective.spec.required and objective.negotiable is None:
        written = objective.raw.get("negotiable")
        yield finding(
            "DEC509",
            record.path,
            objective.position_of(record, "negotiable"),
            f"constraint {label} does not say whether it is negotiable"
            if written is None
            else f"`negotiable` of constraint {label} must be true or false, "
            f"not {excerpt(written)}",
        )
    serves = objective.raw.get("serves")
    for number, served in enumerate(objective.serves):
        if trace.objective(record, served) is None:
            at = ("serves", number) if isinstance(serves, list) else ("serves",)
            yield finding(
                "DEC503",
                record.path,
                objective.position_of(record, *at),
                f"{label} serves {served}, which this project does not define",
            )
    if record.status == "active" and objective.spec.traced and objective.id:
        decisions = [t.decision for t in trace.traces_to(record, objective)]
        if not any(is_addressing(decision) for decision in decisions):
            others = ", ".join(f"{d.id} ({d.status})" for d in decisions)
            yield finding(
                "DEC504",
                record.path,
                objective.position,
                f"{objective.spec.label[:-1].lower()} {objective.id} ({objective.title}) "
                "is addressed by no accepted decision" + (f"; only by {others}" if others else ""),
            )


def _ids(value: object) -> bool:
    if isinstance(value, list):
        return all(is_scalar(item) for item in value)
    return is_scalar(value)


@check("DEC505")
def check_mandatory_standards(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.kind != "project" or record.status in kind.final:
        return
    trace = corpus.traceability
    declared = {standard.path for standard in trace.declared_standards(record)}
    for standard in trace.required_standards(record):
        if standard.path not in declared:
            yield finding(
                "DEC505",
                record.path,
                record.position_of("cross_cutting"),
                f"project does not list mandatory standard {standard.id} ({standard.title}) "
                "in `cross_cutting`",
                f"add {standard.id} to `cross_cutting`",
            )


@check("DEC506")
def check_retired_standards(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.status in kind.final:
        return  # history: it may name what was in force then
    for link in corpus.outgoing(record):
        target = link.target
        if link.relation in ("complies_with", "deviates_from", "cross_cutting") and (
            target.kind == "standard" and target.status == "retired"
        ):
            successor = corpus.successor(target)
            yield finding(
                "DEC506",
                record.path,
                link.reference.position,
                f"`{link.relation}` names {target.id}, a retired standard",
                f"name its successor {successor.id}" if successor else "",
            )


@check("DEC510")
def check_category(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.kind != "standard" or not kind.categories:
        return
    category = record.value("category")
    if not category:
        if "category" not in record.rejected_keys:
            yield finding(
                "DEC510",
                record.path,
                record.title_position,
                "the standard has no `category`",
                f"add `category:` with one of: {', '.join(kind.categories)}",
            )
    elif str(category).strip().lower() not in kind.categories:
        yield finding(
            "DEC510",
            record.path,
            record.position_of("category"),
            f"unknown category `{category}`",
            _suggest(str(category), list(kind.categories))
            or f"use one of: {', '.join(kind.categories)}",
        )


def _unknown_key(
    what: str, key: str, known: tuple[str, ...], record: Record, position: Position
) -> Finding:
    return finding(
        "DEC511",
        record.path,
        position,
        f"unknown key `{key}` in {what}",
        _suggest(key, list(known)) or f"known keys: {', '.join(known)}",
    )


def _suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in candidates}
        close = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered), n=1)]
    return f"did you mean `{close[0]}`?" if close else ""
