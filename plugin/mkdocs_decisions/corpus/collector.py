"""Python's cycle collector, paused while the records of a build are worked out.

Parsing, checking and drawing a few thousand records allocate millions of small
objects that live until the build ends. Each of them pushes the collector towards a
full pass over everything alive, MkDocs' pages included, and none of those passes
frees anything: at 2,000 records they cost a fifth of parsing and checking
(docs/performance.md). The collector is paused for those steps only, and resumed
after, when it was on; memory that cycles hold is freed at the next pass as usual.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(step: Callable[P, R]) -> Callable[P, R]:
    """``step`` run with the cycle collector paused (nested steps leave it as they found
    it: only the outermost one resumes it)."""

    @functools.wraps(step)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return step(*args, **kwargs)
        gc.disable()
        try:
            return step(*args, **kwargs)
        finally:
            gc.enable()

    return paused
