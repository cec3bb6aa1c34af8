"""Work done in a child process while this one goes on: a command that runs once has
two cores to use (git history read while the records are parsed; half the records
checked on each core).

The child is a fork of this process, so it starts with everything already read; it
hands its result back pickled through a pipe. Where there is no ``os.fork``, or the
child fails, the work is done here, as it would be without a child. The ``decisions``
command uses it, and the plugin for a build that runs once (``mkdocs build``) in a
process with one thread: ``mkdocs serve`` runs threads, which a fork must not copy.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")
# Runs work elsewhere and gives a function that waits for its result: ``in_child``.
Beside = Callable[[Callable[[], T]], Callable[[], T]]


def may_fork() -> bool:
    """A child can be forked here: the system can, and this process runs one thread (a
    fork copies only the thread that calls it, with the locks the others held)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def in_child(compute: Callable[[], T]) -> Callable[[], T]:
    """``compute()`` started in a child process, and a function that waits for its
    result (or computes it here, raising what ``compute`` raises, when the child could
    not deliver it)."""
    started = _fork(compute) if hasattr(os, "fork") else None

    def result() -> T:
        nonlocal started
        if started is not None:
            process, pipe = started
            started = None
            with os.fdopen(pipe, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(process, 0)
            if os.waitstatus_to_exitcode(status) == 0:
                return cast(T, pickle.loads(data))
        return compute()

    return result


def _fork(compute: Callable[[], object]) -> tuple[int, int] | None:
    """A child process that writes ``compute()`` pickled to a pipe and exits; its process
    id and the pipe's end to read, or None when no child can be started."""
    reading_end, writing_end = os.pipe()
    try:
        process = os.fork()
    except OSError:
        os.close(reading_end)
        os.close(writing_end)
        return None
    if process == 0:  # the child: never returns, never runs the parent's exit handlers
        status = 1
        try:
            os.close(reading_end)
            with os.fdopen(writing_end, "wb") as stream:
                pickle.dump(compute(), stream, pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writing_end)
    return process, reading_end
