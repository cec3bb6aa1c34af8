"""Parsed records kept on disk between runs, so that a file is parsed once, not once per
``decisions check`` or ``mkdocs build`` (ADR-0030).

A record is what ``parse_record`` makes of a file's bytes, its place and its kind, and
nothing else: the same inputs give the same record. The store keeps each record with a
digest of those bytes, beside the settings of the kinds and a fingerprint of this
package's code; a file whose bytes changed, or any change of the code or of the kinds, is
parsed again. It lives in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``,
under ``mkdocs-decisions/``), one file per project, never in the repository. A store
that cannot be read or written is no store: every file is parsed, as without one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .child import may_fork
from .collector import collector_paused
from .load import ParseCache

# Bumped when the stored layout changes in a way the code fingerprint would not show.
FORMAT = 1
STORE_FOLDER = "mkdocs-decisions"


def store_path(project_root: Path) -> Path:
    """Where the parsed records of the project at ``project_root`` are kept."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    root = str(project_root.resolve())
    name = hashlib.blake2b(root.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return Path(base) / STORE_FOLDER / f"{name}.records"


@cache
def code_fingerprint() -> str:
    """A digest of this package's Python files: records parsed by other code are not
    reused (a new release, or a working tree being edited)."""
    package = Path(__file__).resolve().parent.parent
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(str(FORMAT).encode())
    for path in sorted(package.rglob("*.py")):
        hasher.update(path.relative_to(package).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


@contextlib.contextmanager
def kept_between_runs(project_root: Path) -> Iterator[ParseCache]:
    """The project's stored records, to parse with; stored again when the work is done,
    if it parsed anything new."""
    path = store_path(project_root)
    cached = load_parses(path)
    yield cached
    save_parses(cached, path)


@collector_paused  # a few hundred thousand objects, none of them garbage
def load_parses(path: Path) -> ParseCache:
    """The records stored at ``path``; an empty cache when there are none, or when they
    were stored by other code or cannot be read."""
    try:
        with path.open("rb") as stream:
            fingerprint, cached = pickle.load(stream)
    except Exception:  # a missing, partial or foreign file: parse everything
        return ParseCache()
    if fingerprint != code_fingerprint() or not isinstance(cached, ParseCache):
        return ParseCache()
    cached.changed = False
    return cached


# A store of more records than this is written by a process of its own, so that the
# command does not wait for it (half a second at 4,000 records).
WRITTEN_BESIDE = 1000


def save_parses(cached: ParseCache, path: Path) -> None:
    """Store ``cached`` at ``path`` when it changed since it was loaded: written to a
    temporary file beside it and moved into place, so a reader never sees half a file.
    Nothing is raised: a store that cannot be written is only slower next time."""
    if not cached.changed:
        return
    cached.changed = False
    if len(cached.entries) > WRITTEN_BESIDE and may_fork():
        _write_beside(cached, path)
    else:
        _write(cached, path)


def _write_beside(cached: ParseCache, path: Path) -> None:
    """``_write`` in a grandchild process, which nobody waits for and which holds none
    of this process's output streams; the child between them ends at once, so no
    process is left unreaped."""
    try:
        child = os.fork()
    except OSError:
        _write(cached, path)
        return
    if child == 0:
        try:
            if os.fork() == 0:
                quiet = os.open(os.devnull, os.O_RDWR)
                for stream in (0, 1, 2):
                    os.dup2(quiet, stream)
                _write(cached, path)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


def _write(cached: ParseCache, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".records-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((code_fingerprint(), cached), stream, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:
        return
