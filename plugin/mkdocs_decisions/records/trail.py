"""What one discovery of the record files looked at: the folders it listed and the files
whose first lines it read, each with its status then.

A folder's modification time changes when an entry is added, removed or renamed in it,
and its change time when its permissions do; a file's when its bytes do. So a later
discovery over the same places would find the same files when none of those statuses
differ, which costs a few system calls instead of a walk through every record folder
(``records.discovery.DiscoveryMemo``, while ``mkdocs serve`` runs).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager

# A path's status: device, inode, size, modification and change times in nanoseconds;
# None when the path is not there (its appearing is a change too).
Status = tuple[int, int, int, int, int] | None
# A place changed this recently may change again within the clock's resolution without
# its times saying so (git's "racily clean" files): what looked at it is not reused.
SETTLED_NANOSECONDS = 2_000_000_000

_looked_at: set[str] | None = None  # while a discovery runs: the paths it depends on


@contextmanager
def recording() -> Iterator[set[str]]:
    """Record the paths looked at (``look``) until the block ends, in the set it gives."""
    global _looked_at
    outer, _looked_at = _looked_at, set()
    try:
        yield _looked_at
    finally:
        _looked_at = outer


def look(path: str) -> None:
    """Note that what was found depends on ``path``: a folder's entries or a file's bytes."""
    if _looked_at is not None:
        _looked_at.add(os.path.abspath(path))


def listdir(path: str | os.PathLike[str]) -> list[str]:
    """``os.listdir``, noted."""
    look(os.fspath(path))
    return os.listdir(path)


def status_of(path: str) -> Status:
    try:
        return _status(os.stat(path))
    except OSError:
        return None


def _status(found: os.stat_result) -> Status:
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def _settled(status: Status, since: int) -> bool:
    """Whether ``status`` shows no change after, or less than ``SETTLED_NANOSECONDS``
    before, ``since`` (``time.time_ns()``): a change while it was looked at, or one a
    second change could hide."""
    return status is None or since - max(status[3], status[4]) >= SETTLED_NANOSECONDS


def settled_file(path: str, limit: int) -> Status:
    """The status of a regular file of at most ``limit`` bytes that has not changed for
    ``SETTLED_NANOSECONDS``: what says on a later look that it is the file read before,
    unchanged. None for anything else (a folder, a FIFO, a larger file, a file that cannot
    be looked at, one changed a moment ago), which is read every time."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
        return None
    status = _status(found)
    return status if _settled(status, time.time_ns()) else None


def statuses(paths: set[str], since: int) -> tuple[tuple[str, Status], ...] | None:
    """The status of each path, in order, taken after a look that started at ``since``;
    None when one of them is not settled then (``_settled``)."""
    found = tuple((path, status_of(path)) for path in sorted(paths))
    return found if all(_settled(status, since) for _, status in found) else None


def unchanged(recorded: tuple[tuple[str, Status], ...]) -> bool:
    """Whether every path has the status it had when ``statuses`` took it."""
    return all(status_of(path) == status for path, status in recorded)
