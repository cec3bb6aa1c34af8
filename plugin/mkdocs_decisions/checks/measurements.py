"""Checks of the measurements of a project's objectives (DEC512-DEC514, and the DEC007,
DEC511 and DEC602 problems of measurement entries).

Measurements must have a day and a readable value; a target that has measurements
must be readable as a comparison; and on an active project, the latest measurement
of each objective should meet its target.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.findings import Finding
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import KEY, Record
from ..trace.measurements import (
    INCOMPLETE,
    MISSED,
    UNIT,
    UNKNOWN_KEY,
    UNSAFE_URL,
    WRONG_TYPE,
    assess,
    is_measured,
    read_measurements,
)
from ..trace.targets import TARGET_FORMS
from .registry import check

_RULE_OF = {
    INCOMPLETE: "DEC513",
    UNIT: "DEC513",
    UNKNOWN_KEY: "DEC511",
    WRONG_TYPE: "DEC007",
    UNSAFE_URL: "DEC602",
}


@check("DEC007", "DEC511", "DEC512", "DEC513", "DEC514", "DEC602")
def check_measurements(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.kind != "project":
        return
    for objective in corpus.traceability.objectives.get(record.path, []):
        if not isinstance(objective.raw, dict) or "measurements" not in objective.raw:
            continue
        label = objective.id or f"{objective.spec.label.lower()} item {objective.index + 1}"
        if not is_measured(objective.spec):
            yield finding(
                "DEC511",
                record.path,
                objective.position_of(record, "measurements", KEY),
                f"`measurements` of {label}: {objective.spec.label.lower()} have no target "
                "to measure against",
                "move the measurements to the requirement or quality attribute they measure",
            )
            continue
        reading = read_measurements(record, objective)
        for problem in reading.problems:
            yield finding(
                _RULE_OF[problem.kind], record.path, problem.position, problem.message, problem.hint
            )
        if reading.measurements and reading.target_problem:
            yield finding(
                "DEC512",
                record.path,
                objective.position_of(record, "target"),
                f"target of {label}: {reading.target_problem}, so its measurements are "
                "not compared",
                "write it as one of: " + ", ".join(f"`{form}`" for form in TARGET_FORMS),
            )
        assessment = assess(record, objective, reading)
        latest = assessment.latest
        if (
            assessment.status == MISSED
            and record.status == "active"
            and latest is not None
            and assessment.comparison is not None
        ):
            yield finding(
                "DEC514",
                record.path,
                latest.value_position,
                f"{label} ({objective.title}) misses its target `{objective.target}`: the "
                f"latest measurement is {latest.written} on {latest.date.isoformat()}",
                f"the target asks for {assessment.comparison.shown()}; record the decision "
                f"that will meet it (`addresses: [{record.id}/{objective.id}]`), then the "
                "next measurement with `decisions measure`",
            )
