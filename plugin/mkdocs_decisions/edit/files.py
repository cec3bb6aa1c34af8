"""Writing files so that nothing else is touched and nothing is lost.

Record folders come from pull requests, so a path beside a record may be a symbolic
link planted to redirect a write (``.0001-x.md.tmp -> ../.git/hooks/pre-commit``).
Every write here therefore:

- goes through a temporary file created exclusively, with an unpredictable name, in
  the target's own folder (``tempfile.mkstemp``), whose mode is set on the open file
  descriptor, never on a path;
- never follows or replaces a target that is a symbolic link: it refuses and says
  where the link points;
- replaces a file only if it still holds the bytes the edit was made from (an edit
  made meanwhile in an editor is never lost);
- writes every file of a change before renaming any, renames them in the order
  given, and undoes what it renamed if a later rename fails; no temporary file is left
  behind on any failure it can see.

A new file is created with a hard link from the finished temporary file, which fails
if the name exists: the file appears whole or not at all, and is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEMPORARY_SUFFIX = ".decisions-tmp"


class WriteRefused(ValueError):
    """A write that would not be safe; the message says why and nothing was changed."""


@dataclass(frozen=True)
class Change:
    """New bytes for one file, and the bytes they were made from (``None``: a new file)."""

    path: Path
    before: bytes | None
    after: bytes


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file that is not a symbolic link; refused otherwise."""
    _refuse_link(path)
    return path.read_bytes()


def write_changes(changes: list[Change]) -> None:
    """Write every change, all or nothing as far as the file system allows."""
    for change in changes:
        _refuse_link(change.path)
        if change.before is None and os.path.lexists(change.path):
            raise WriteRefused(f"{change.path} exists already; nothing was written")
    temporaries: list[tuple[Change, str]] = []
    try:
        for change in changes:
            temporaries.append((change, _temporary_copy(change)))
        for change, _ in temporaries:
            if change.before is not None and _current(change.path) != change.before:
                raise WriteRefused(
                    f"{change.path} changed while the command ran; nothing was written "
                    "(run the command again)"
                )
        done: list[Change] = []
        try:
            for change, temporary in temporaries:
                _put(temporary, change)
                done.append(change)
        except BaseException:
            _undo(done)
            raise
    finally:
        for _, temporary in temporaries:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    for change in changes:
        remove_leftovers(change.path)


def remove_leftovers(path: Path) -> list[Path]:
    """Delete temporary files that an interrupted command (killed between its writes)
    left beside ``path``; a link at such a name is removed itself, never followed."""
    removed: list[Path] = []
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMPORARY_SUFFIX):
            leftover = path.parent / name
            with contextlib.suppress(OSError):
                os.unlink(leftover)
                removed.append(leftover)
    return removed


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on a folder while a number is chosen and the file created,
    so that commands run at the same time never take the same number. No lock file is
    made: the lock is on the folder itself (where the platform has ``flock``)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: creation stays exclusive
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise WriteRefused(
            f"{path} is a symbolic link (to {os.readlink(path)}); nothing was written: "
            "edit the file it points to, or replace the link with the file"
        )


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _temporary_copy(change: Change) -> str:
    """The change's new bytes in an exclusive, unpredictably named file beside the target,
    with the target's permissions (or the default for a new file)."""
    folder = change.path.parent
    descriptor, name = tempfile.mkstemp(
        prefix=f".{change.path.name}.", suffix=TEMPORARY_SUFFIX, dir=folder
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(change.after)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), _mode_for(change.path))
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return name


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _put(temporary: str, change: Change) -> None:
    if change.before is None:
        try:
            os.link(temporary, change.path)  # fails if the name exists: never overwrites
        except FileExistsError:
            raise WriteRefused(f"{change.path} exists already; nothing was written") from None
        except OSError:  # a file system without hard links: exclusive create instead
            _create_exclusive(change.path, change.after)
    else:
        _refuse_link(change.path)
        os.replace(temporary, change.path)


def _create_exclusive(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o666)
    except FileExistsError:
        raise WriteRefused(f"{path} exists already; nothing was written") from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def _undo(done: list[Change]) -> None:
    """Put back what was renamed before a later rename failed."""
    for change in reversed(done):
        with contextlib.suppress(OSError):
            if change.before is None:
                os.unlink(change.path)
            else:
                restored = _temporary_copy(Change(change.path, None, change.before))
                os.replace(restored, change.path)
