"""The trade-off matrix of a record, for its page and for ``decisions.json``: computed
once per build (``trace/tradeoffs.py`` places the arguments), shown from the template
``record_tradeoffs.html.j2``."""

from __future__ import annotations

from typing import Any

from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.model import Record
from ..trace.tradeoffs import Row, TradeoffMatrix, tradeoff_matrix

# Each kind is shown with a sign and a word, so that it reads without colour.
SIGNS = {"good": "+", "neutral": "\u25cb", "bad": "\u2212"}


def matrix_for(corpus: Corpus, settings: Settings, record: Record) -> TradeoffMatrix | None:
    """The record's trade-off matrix (None when it has none), computed once per build."""
    kind = settings.kinds.get(record.kind)
    if kind is None or record.kind not in ("adr", "rfc"):
        return None
    return corpus.memo(
        f"tradeoffs:{record.path}",
        lambda: tradeoff_matrix(record, kind, corpus.traceability),
    )


def weighs_against_rows(matrix: TradeoffMatrix) -> bool:
    """Whether an argument is placed in a row of a driver or an objective: a matrix whose
    arguments are all "other arguments" repeats the record's pros and cons, and is not
    shown."""
    return any(
        any(cell for cell in cells)
        for row, cells in zip(matrix.rows, matrix.cells, strict=True)
        if row.kind != "other"
    )


def matrix_values(matrix: TradeoffMatrix) -> dict[str, Any]:
    """What ``record_tradeoffs.html.j2`` shows: columns, and rows of cells of arguments."""
    return {
        "columns": matrix.columns,
        "rows": [
            {
                "kind": row.kind,
                **_label(row),
                "cells": [
                    {
                        "mark": column.mark,
                        "arguments": [
                            {
                                "kind": placed.argument.kind,
                                "sign": SIGNS[placed.argument.kind],
                                "text": placed.argument.text,
                                "names": ", ".join(placed.names),
                            }
                            for placed in cell
                        ],
                    }
                    for column, cell in zip(matrix.columns, cells, strict=True)
                ],
            }
            for row, cells in zip(matrix.rows, matrix.cells, strict=True)
        ],
    }


def _label(row: Row) -> dict[str, str]:
    """A row's label as its lead (up to the end of its id or name, shown strong) and the
    rest: ``Timeliness`` and ``: forecasts within 60 minutes (QA-1)``."""
    label = row.label
    for lead in (row.name, row.id):
        at = label.find(lead) if lead else -1
        if at >= 0:
            end = at + len(lead)
            return {"lead": label[:end], "rest": label[end:]}
    return {"lead": "", "rest": label}


def matrix_export(matrix: TradeoffMatrix | None) -> dict[str, Any] | None:
    """The matrix in ``decisions.json``: the options, and each row with one list of
    arguments per option, in the options' order."""
    if matrix is None:
        return None
    return {
        "options": [
            {
                "title": column.title,
                "name": column.name,
                "mark": column.mark or None,
                "proposal": column.proposal,
                "line": column.line or None,
            }
            for column in matrix.columns
        ],
        "rows": [
            {
                "kind": row.kind,
                "label": row.label,
                "id": row.id or None,
                "line": row.line or None,
                "cells": [
                    [
                        {
                            "kind": placed.argument.kind,
                            "text": placed.argument.text,
                            "line": placed.argument.line,
                            "names": list(placed.names),
                        }
                        for placed in cell
                    ]
                    for cell in cells
                ],
            }
            for row, cells in zip(matrix.rows, matrix.cells, strict=True)
        ],
    }
