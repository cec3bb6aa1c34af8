"""The cycle collector is paused while records are worked out, and left as it was."""

from __future__ import annotations

import gc

import pytest

from mkdocs_decisions.corpus.collector import collector_paused


def test_the_collector_is_paused_during_a_step_and_resumed_after() -> None:
    seen: list[bool] = []

    @collector_paused
    def step(fail: bool) -> int:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("a step that fails")
        return 7

    assert gc.isenabled()
    assert step(False) == 7
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ValueError):
        step(True)
    assert gc.isenabled()  # resumed after a failure too


def test_a_collector_that_was_off_stays_off() -> None:
    @collector_paused
    def inner() -> bool:
        return gc.isenabled()

    @collector_paused
    def outer() -> tuple[bool, bool]:
        return inner(), gc.isenabled()  # the inner step does not resume it

    gc.disable()
    try:
        assert inner() is False and not gc.isenabled()
    finally:
        gc.enable()
    assert outer() == (False, False) and gc.isenabled()
