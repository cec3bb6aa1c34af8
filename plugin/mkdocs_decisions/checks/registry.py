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


CHECKS: list[Check] = []


def check(*rule_ids: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function for the rules it can report."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS.append(Check(rule_ids, function))
        return function

    return register
