"""The trade-off matrix of a decision: its options as columns, its decision drivers and
the objectives it addresses as rows, and in each cell the arguments of that option that
bear on that row.

An argument is in a driver's row when it names the driver:

1. by the driver's own id, the label it starts with (``D1``, ``DD-2``, ``QA-1``);
2. by an id the driver names anywhere in its text: an objective (``QA-1``, or
   ``demand-forecasting/QA-1``), a constraint (``CON-3``), a standard (``STD-ETH-001``);
3. by the driver's name: every significant word of it (case, a plural's ``s`` and stop
   words aside). The name is the bold text a driver starts with (``**Cost**``), its words
   before a colon or a dash when they are at most five, or the whole driver when it has
   at most three significant words. A longer driver is named by its ids only.

An argument that names an objective the decision addresses (``addresses`` in its front
matter) that no driver names is in that objective's own row. An argument in no row is
in the row "Other arguments": every argument is shown at least once, and an argument
that names two drivers is shown in both rows. Ids are compared whole and
case-insensitively (``QA-1`` is not ``QA-10``); a short id means the decision's own
project. Imports ``records`` and this stage only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records.arguments import (
    PROPOSAL_TITLE,
    REFERENCE_ID,
    Argument,
    Weighing,
    significant_words,
    weighing,
)
from ..records.kinds import KindSpec
from ..records.model import Record
from .matrix import Traceability
from .objectives import addressed_by

OTHER_LABEL = "Other arguments"
# More rows than this (drivers and objectives) make a table nobody reads.
MAX_ROWS = 40
# What the chosen column is called, by the record's status: a proposed ADR's outcome is
# a proposal; an RFC's own design is "chosen" once accepted.
_PROPOSED_STATUSES = ("proposed", "draft", "review")


@dataclass(frozen=True)
class Column:
    """An option: its title as written, its short name, and how it is marked."""

    title: str
    name: str
    line: int  # 0 for an RFC's own proposal, which has no line of its own
    mark: str = ""  # "chosen", "proposed", or "" for an option not chosen
    proposal: bool = False


@dataclass(frozen=True)
class Row:
    """A decision driver, an objective the decision addresses, or the other arguments."""

    kind: str  # driver | objective | other
    label: str  # the driver's text, ``QA-1 Timeliness``, or "Other arguments"
    id: str = ""  # the driver's own id, or the objective's
    line: int = 0  # the driver's line; 0 for rows the record does not write
    name: str = ""  # the driver's name, when words name it


@dataclass(frozen=True)
class Placed:
    """An argument in a cell, and what it names that puts it in this row."""

    argument: Argument
    names: tuple[str, ...] = ()  # ``QA-1``, ``"cost"``; empty in "Other arguments"


@dataclass(frozen=True)
class TradeoffMatrix:
    """Rows by columns of placed arguments: ``cells[row][column]``."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cells: tuple[tuple[tuple[Placed, ...], ...], ...]


@dataclass(frozen=True)
class Target:
    """What names a row: whole ids (qualified with their project) and the words of a
    name, every one of which an argument must have."""

    ids: frozenset[str]
    name: str = ""
    words: frozenset[str] = frozenset()
    own_id: str = ""


def tradeoff_matrix(record: Record, kind: KindSpec, trace: Traceability) -> TradeoffMatrix | None:
    """The record's matrix, or None when it weighs no options that can be lined up."""
    weighed = weighing(record, kind)
    if weighed.problem:
        return None
    found = matrix_of(record, weighed, trace)
    return found if len(found.rows) <= MAX_ROWS else None


def matrix_of(record: Record, weighed: Weighing, trace: Traceability) -> TradeoffMatrix:
    """Place each argument of ``weighed`` in the rows it names."""
    project = _own_project(record)
    rows: list[Row] = []
    targets: list[Target] = []
    for driver in weighed.drivers:
        ids = qualified_ids(driver.mentions, project)
        if driver.own_id:
            ids |= {_key(project, driver.own_id)}
        words = significant_words(driver.name) if driver.name else frozenset()
        rows.append(Row("driver", driver.text, driver.own_id, driver.line, driver.name))
        targets.append(Target(frozenset(ids), driver.name, words, driver.own_id))
    named = set().union(*(target.ids for target in targets)) if targets else set()
    for entry in addressed_by(record):
        key = _key(entry.project_id.lower() or project, entry.item_id)
        if key in named:
            continue
        named.add(key)
        target_project = trace.project_of(record, entry)
        objective = trace.objective(target_project, entry.item_id) if target_project else None
        label = f"{objective.id} {objective.title}".strip() if objective else entry.text
        rows.append(Row("objective", label, objective.id if objective else entry.item_id))
        targets.append(Target(frozenset({key})))
    columns = tuple(_column(record, weighed, index) for index in range(len(weighed.options)))
    cells: list[list[list[Placed]]] = [[[] for _ in columns] for _ in range(len(rows) + 1)]
    for column, option in enumerate(weighed.options):
        for argument in option.arguments:
            placed = place(argument.text, targets, project)
            for row, names in placed:
                cells[row][column].append(Placed(argument, names))
            if not placed:
                cells[len(rows)][column].append(Placed(argument))
    if any(cells[len(rows)]):
        rows.append(Row("other", OTHER_LABEL))
    else:
        cells.pop()
    return TradeoffMatrix(
        columns, tuple(rows), tuple(tuple(tuple(cell) for cell in row) for row in cells)
    )


def place(text: str, targets: list[Target], project: str = "") -> list[tuple[int, tuple[str, ...]]]:
    """The rows (indices into ``targets``) an argument's text names, each with what it
    names there: the ids it shares with the row, or the row's name."""
    ids = qualified_ids(text, project)
    words = significant_words(text)
    found = []
    for index, target in enumerate(targets):
        names = sorted(target.ids & ids)
        if target.own_id and "-" not in target.own_id and _names_id(text, target.own_id):
            names.append(_key(project, target.own_id))
        shown = [
            name.rsplit("/", 1)[1] if name.startswith(f"{project}/") else name for name in names
        ]
        if target.words and target.words <= words:
            shown.append(f"\u201c{target.name}\u201d")
        if shown:
            found.append((index, tuple(dict.fromkeys(shown))))
    return found


def qualified_ids(text: str, project: str = "") -> set[str]:
    """The ids ``text`` names, each as ``project/ID`` (a short id is in ``project``)."""
    return {
        _key((match["project"] or project).lower(), match["id"])
        for match in REFERENCE_ID.finditer(text)
    }


def _names_id(text: str, own_id: str) -> bool:
    """Whether ``text`` names an id without a hyphen (``D1``) as a whole word."""
    return bool(re.search(rf"(?<![\w-]){re.escape(own_id)}(?![\w-])", text, re.IGNORECASE))


def _key(project: str, item_id: str) -> str:
    return f"{project}/{item_id.strip().upper()}"


def _own_project(record: Record) -> str:
    value = record.value("project")
    return str(value).strip().lower() if isinstance(value, str) else ""


def _column(record: Record, weighed: Weighing, index: int) -> Column:
    option = weighed.options[index]
    mark = ""
    if index in weighed.chosen:
        mark = "proposed" if record.status in _PROPOSED_STATUSES else "chosen"
    elif option.proposal and record.status in _PROPOSED_STATUSES:
        mark = "proposed"
    if option.proposal:
        return Column(PROPOSAL_TITLE, PROPOSAL_TITLE, 0, mark, proposal=True)
    return Column(option.option.title, option.option.short_name, option.option.line, mark)
