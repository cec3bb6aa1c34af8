"""Measurements of a project's requirements and quality attributes, and whether the latest
one meets the target.

A requirement or quality attribute may list ``measurements``, each with a ``date``
and a ``value`` (a number, or a number with a unit: ``45 minutes``), and optionally
a ``source`` (a link to the run that measured it) and a ``note``::

    measurements:
      - date: 2026-10-31
        value: 12.6
        source: https://ci.example.com/backtest/812
      - date: 2026-11-30
        value: 11.4

The latest measurement by date (the later one in the file when two share a date)
is compared with the target (:mod:`.targets`). Everything is read from records that
are already parsed; problems are described here and reported by the checks.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..catalogue.findings import Position, excerpt
from ..records.kinds import ItemSpec
from ..records.model import KEY, Record
from ..records.urls import link_problem
from .objectives import Objective, is_scalar
from .targets import (
    Comparison,
    Quantity,
    UnreadableTarget,
    UnreadableValue,
    parse_target,
    read_value,
)

MEASUREMENT_KEYS = ("date", "value", "source", "note")
DATE_PATTERN = r"^\s*\d{4}-\d{2}-\d{2}\s*$"  # also the JSON Schema pattern of `date`

# What the latest measurement says about an objective.
MET = "met"
MISSED = "not met"
NO_DATA = "no data"
INCOMPARABLE = "cannot compare"
STATUSES = (MET, MISSED, NO_DATA, INCOMPARABLE)

# Kinds of problem, reported by the checks under their rules.
INCOMPLETE = "incomplete"  # no date or value, or one that cannot be read
UNIT = "unit"  # a value whose unit does not convert to the target's
UNKNOWN_KEY = "unknown key"
WRONG_TYPE = "wrong type"
UNSAFE_URL = "unsafe url"


def is_measured(spec: ItemSpec) -> bool:
    """Whether items of this list have a target to measure against (requirements and
    quality attributes)."""
    return "target" in spec.required


@dataclass(frozen=True)
class Measurement:
    """One readable measurement: a day and a value."""

    index: int  # its place in the item's `measurements`
    date: dt.date
    quantity: Quantity
    source: str
    note: str
    position: Position  # of the entry
    value_position: Position

    @property
    def written(self) -> str:
        """The value as the file writes it (``11.4``, ``45 minutes``)."""
        return self.quantity.text


@dataclass(frozen=True)
class Problem:
    """Something wrong with an item's measurements, where it is written, and how to fix it."""

    kind: str  # INCOMPLETE, UNIT, UNKNOWN_KEY, WRONG_TYPE or UNSAFE_URL
    message: str
    position: Position
    hint: str = ""


@dataclass(frozen=True)
class Reading:
    """An item's measurements as far as they can be read, and what could not be."""

    measurements: tuple[Measurement, ...]  # in file order
    problems: tuple[Problem, ...]
    comparison: Comparison | None  # the target, read
    target_problem: str  # why the target could not be read ("" when it could, or is empty)


@dataclass(frozen=True)
class Assessment:
    """What an objective's measurements say: by date, the latest, and met or not."""

    status: str  # one of STATUSES
    comparison: Comparison | None
    measurements: tuple[Measurement, ...]  # by date, oldest first
    latest: Measurement | None
    reason: str  # why it cannot compare ("" otherwise)

    def value_of(self, measurement: Measurement) -> float | None:
        """A measurement's value in the target's unit; None when it does not compare."""
        if self.comparison is None:
            return None
        return self.comparison.value_of(measurement.quantity)

    def meets(self, measurement: Measurement) -> bool | None:
        """Whether one measurement meets the target; None when it cannot be compared."""
        if self.comparison is None:
            return None
        return self.comparison.meets(measurement.quantity)


def read_measurements(record: Record, objective: Objective) -> Reading:
    """The ``measurements`` of one objective of ``record`` (a project)."""
    comparison, target_problem = _target(objective)
    raw = objective.raw.get("measurements") if isinstance(objective.raw, dict) else None
    label = objective.id or f"{objective.spec.label.lower()} item {objective.index + 1}"
    if raw is None:
        return Reading((), (), comparison, target_problem)
    if not isinstance(raw, list):
        problem = Problem(
            WRONG_TYPE,
            f"`measurements` of {label} must be a list of entries with `date` and `value`",
            objective.position_of(record, "measurements"),
            "write each measurement as `- date: YYYY-MM-DD` with `value: ...` below it",
        )
        return Reading((), (problem,), comparison, target_problem)
    found: list[Measurement] = []
    problems: list[Problem] = []
    for index, entry in enumerate(raw):
        measurement = _measurement(record, objective, label, index, entry, comparison, problems)
        if measurement is not None:
            found.append(measurement)
    return Reading(tuple(found), tuple(problems), comparison, target_problem)


def assess(record: Record, objective: Objective, reading: Reading | None = None) -> Assessment:
    """Whether the latest measurement of an objective meets its target."""
    reading = reading or read_measurements(record, objective)
    ordered = tuple(sorted(reading.measurements, key=lambda m: (m.date, m.index)))
    comparison = reading.comparison
    if not ordered:
        return Assessment(NO_DATA, comparison, (), None, "")
    latest = ordered[-1]
    if comparison is None:
        reason = reading.target_problem or "the objective has no target"
        return Assessment(INCOMPARABLE, None, ordered, latest, reason)
    met = comparison.meets(latest.quantity)
    if met is None:
        reason = (
            f"the latest value, {latest.written}, is not in a unit of the target "
            f"`{comparison.text}`"
        )
        return Assessment(INCOMPARABLE, comparison, ordered, latest, reason)
    return Assessment(MET if met else MISSED, comparison, ordered, latest, "")


def _target(objective: Objective) -> tuple[Comparison | None, str]:
    if not objective.target:
        return None, ""
    try:
        return parse_target(objective.target), ""
    except UnreadableTarget as error:
        return None, str(error)


def _measurement(
    record: Record,
    objective: Objective,
    label: str,
    index: int,
    entry: object,
    comparison: Comparison | None,
    problems: list[Problem],
) -> Measurement | None:
    """One entry read, its problems added to ``problems``; None when it has no date or
    value that can be read."""

    def at(*path: str | int) -> Position:
        return objective.position_of(record, "measurements", index, *path)

    what = f"measurement {index + 1} of {label}"
    if not isinstance(entry, dict):
        problems.append(
            Problem(
                INCOMPLETE,
                f"{what} is not a mapping with `date` and `value`",
                at(),
                "write it as `- date: YYYY-MM-DD` with `value: ...` on the next line",
            )
        )
        return None
    for key in entry:
        name = str(key)
        if name not in MEASUREMENT_KEYS:
            close = difflib.get_close_matches(name.lower(), MEASUREMENT_KEYS, n=1)
            problems.append(
                Problem(
                    UNKNOWN_KEY,
                    f"unknown key `{name}` in {what}",
                    at(key, KEY),
                    f"did you mean `{close[0]}`?"
                    if close
                    else f"known keys: {', '.join(MEASUREMENT_KEYS)}",
                )
            )
    missing = [key for key in ("date", "value") if entry.get(key) is None]
    if missing:
        problems.append(
            Problem(
                INCOMPLETE,
                f"{what} has no {' and no '.join(f'`{key}`' for key in missing)}",
                at(),
                "a measurement needs the day it was taken (`date: YYYY-MM-DD`) and what "
                "was measured (`value: 11.4`)",
            )
        )
    day = _date(entry.get("date"))
    if day is None and "date" not in missing:
        problems.append(
            Problem(
                INCOMPLETE,
                f"`date` of {what} is {excerpt(entry.get('date'))}, not a day",
                at("date"),
                "write the day as `YYYY-MM-DD`",
            )
        )
    quantity: Quantity | None = None
    if "value" not in missing:
        try:
            quantity = read_value(entry.get("value"))
        except UnreadableValue as error:
            problems.append(
                Problem(
                    INCOMPLETE,
                    f"`value` of {what} cannot be read: {error}",
                    at("value"),
                    "write a number (`11.4`), or a number and its unit (`45 minutes`)",
                )
            )
    if (
        quantity is not None
        and comparison is not None
        and not quantity.unit.compatible(comparison.unit)
    ):
        problems.append(
            Problem(
                UNIT,
                f"`value` of {what}, {quantity.text}, does not convert to the unit of "
                f"the target `{comparison.text}`",
                at("value"),
                f"write the value in {comparison.unit.label or 'the target unit'}, or as "
                "a plain number in the target's unit",
            )
        )
    source = _text_field(entry, "source", what, at, problems, urls=True)
    note = _text_field(entry, "note", what, at, problems, urls=False)
    if day is None or quantity is None:
        return None
    return Measurement(index, day, quantity, source, note, at(), at("value"))


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None  # a day, not a moment: the schema says the same
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(DATE_PATTERN, value):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _text_field(
    entry: dict[object, object],
    key: str,
    what: str,
    at: Callable[..., Position],
    problems: list[Problem],
    urls: bool,
) -> str:
    """``source`` (a link) or ``note`` (text) of an entry; "" when absent or wrong."""
    value = entry.get(key)
    position = at(key)
    if value is None:
        return ""
    if urls and not isinstance(value, str):
        problems.append(Problem(WRONG_TYPE, f"`source` of {what} must be a link", position))
        return ""
    if not is_scalar(value):
        problems.append(
            Problem(WRONG_TYPE, f"`{key}` of {what} must be text on one line", position)
        )
        return ""
    text = " ".join(str(value).split())
    if urls:
        problem = link_problem(text)
        if problem is not None:
            problems.append(
                Problem(UNSAFE_URL, f"`source` of {what} is not linked: {problem}", position)
            )
            return ""
    return text
