"""The table of checks: each a small function over one record, registered with the rule ids
it can report. Rule severities and documentation live in ``catalogue.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..catalogue.findings import Finding
from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record

CheckFunction = Callable[[Record, KindSpec, Corpus], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    rules: tuple[str, ...]
    run: CheckFunction
    # Reads the record alone (not the corpus): its findings are kept with the record,
    # and a rebuild of `mkdocs serve` checks again only records whose file changed.
    local: bool = False


CHECKS: list[Check] = []


def check(*rule_ids: str, local: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function for the rules it can report; ``local`` when it reads
    nothing but the record and its kind (never ``corpus``)."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS.append(Check(rule_ids, function, local))
        return function

    return register
