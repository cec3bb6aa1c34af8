"""Parsed records kept on disk between runs, so that a file is parsed once, not once per
``decisions check`` or ``mkdocs build`` (ADR-0030); and with them what later stages made
of the records (the history read, the findings, the pages drawn: ADR-0035).

A record is what ``parse_record`` makes of a file's bytes, its place and its kind, and
nothing else: the same inputs give the same record. The store keeps each record with a
digest of those bytes, beside the settings of the kinds and a fingerprint of this
package's code; a file whose bytes changed, or any change of the code or of the kinds, is
parsed again. What a later stage keeps is pickled in the same file as the records, so a
page kept with the record it was drawn from names the very object the parse cache gives
for that file when its bytes are unchanged: the stage compares its inputs by identity,
as it does between the builds of ``mkdocs serve``. The store lives in the user's cache
folder (``$XDG_CACHE_HOME`` or ``~/.cache``, under ``mkdocs-decisions/``), one file per
project, never in the repository. A store that cannot be read or written is no store:
every file is parsed and every page drawn, as without one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from .child import may_fork
from .collector import collector_paused
from .load import ParseCache

# Bumped when the stored layout changes in a way the code fingerprint would not show.
FORMAT = 2
STORE_FOLDER = "mkdocs-decisions"

T = TypeVar("T")
# The libraries whose versions change what is drawn from the same records.
_DRAWN_WITH = ("jinja2", "markupsafe", "pyyaml", "markdown")
# A temporary file older than this was left by a writer that was killed (a container
# that stopped): removed by the next writer.
_STALE_SECONDS = 3600


@dataclass
class Kept:
    """What one run keeps for the next: the parsed records, and by name what later
    stages made of them (``stage``)."""

    parsed: ParseCache = field(default_factory=ParseCache)
    stages: dict[str, object] = field(default_factory=dict)
    changed: bool = False  # a stage kept something new: store again

    def stage(self, name: str, kind: type[T], make: Callable[[], T]) -> T:
        """What the stage ``name`` kept last time, or ``make()`` (kept from now on) when
        it kept nothing of that type."""
        found = self.stages.get(name)
        if not isinstance(found, kind):
            found = self.stages[name] = make()
        return found


def store_path(project_root: Path, configuration: str = "mkdocs.yml") -> Path:
    """Where what the runs of the project at ``project_root`` with the configuration file
    named ``configuration`` (beside it) keep is kept: one store per configuration, so that
    two sites built from one repository do not undo each other's pages."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    root = str(project_root.resolve())
    if configuration != "mkdocs.yml":
        root = f"{root}\0{configuration}"
    name = hashlib.blake2b(root.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return Path(base) / STORE_FOLDER / f"{name}.records"


@cache
def code_fingerprint() -> str:
    """A digest of this package's code, templates and assets: what other code parsed or
    drew is not reused (a new release, or a working tree being edited)."""
    package = Path(__file__).resolve().parent.parent
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(str(FORMAT).encode())
    # what the pages are drawn with, too: one checkout shared by two environments
    hasher.update(sys.version.encode())
    for name in _DRAWN_WITH:
        with contextlib.suppress(Exception):
            hasher.update(f"{name} {metadata.version(name)}".encode())
    # Its code, and the templates and assets that pages are drawn from; not the bytecode.
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        hasher.update(path.relative_to(package).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


@contextlib.contextmanager
def kept_between_runs(
    project_root: Path, configuration: str = "mkdocs.yml"
) -> Iterator[ParseCache]:
    """The project's stored records, to parse with; stored again when the work is done,
    if it parsed anything new."""
    path = store_path(project_root, configuration)
    kept = load_kept(path)
    yield kept.parsed
    save_kept(kept, path)


def load_parses(path: Path) -> ParseCache:
    """The records stored at ``path``; an empty cache when there are none, or when they
    were stored by other code or cannot be read."""
    return load_kept(path).parsed


def save_parses(cached: ParseCache, path: Path) -> None:
    """Store ``cached`` at ``path`` when it changed since it was loaded, with what the
    later stages kept there (read again: a command that only parses keeps the pages that a
    build drew)."""
    if cached.changed:
        kept = load_kept(path)
        kept.parsed = cached
        save_kept(kept, path)
        cached.changed = False


@collector_paused  # a few hundred thousand objects, none of them garbage
def load_kept(path: Path) -> Kept:
    """What is stored at ``path``; nothing kept when there is no store, or when it was
    stored by other code or cannot be read."""
    try:
        with path.open("rb") as stream:
            fingerprint, kept = pickle.load(stream)
    except Exception:  # a missing, partial or foreign file: parse everything
        return Kept()
    if fingerprint != code_fingerprint() or not isinstance(kept, Kept):
        return Kept()
    if not isinstance(kept.parsed, ParseCache) or not isinstance(kept.stages, dict):
        return Kept()
    kept.parsed.changed = kept.changed = False
    return kept


# A store of more records than this is written by a process of its own, so that the
# command does not wait for it (0.1 s at 500 records with their pages, half a second at
# 4,000 records parsed).
WRITTEN_BESIDE = 200


def save_kept(kept: Kept, path: Path) -> None:
    """Store ``kept`` at ``path`` when something in it changed since it was loaded:
    written to a temporary file beside it and moved into place, so a reader never sees
    half a file. Nothing is raised: a store that cannot be written is only slower next
    time."""
    if not (kept.changed or kept.parsed.changed):
        return
    kept.changed = kept.parsed.changed = False
    if len(kept.parsed.entries) > WRITTEN_BESIDE and may_fork():
        _write_beside(kept, path)
    else:
        _write(kept, path)


def _write_beside(kept: Kept, path: Path) -> None:
    """``_write`` in a grandchild process, which nobody waits for and which holds none
    of this process's output streams; the child between them ends at once, so no
    process is left unreaped."""
    try:
        child = os.fork()
    except OSError:
        _write(kept, path)
        return
    if child == 0:
        try:
            if os.fork() == 0:
                quiet = os.open(os.devnull, os.O_RDWR)
                for stream in (0, 1, 2):
                    os.dup2(quiet, stream)
                _write(kept, path)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


def _remove_stale_temporaries(folder: Path) -> None:
    now = time.time()
    for left in folder.glob(".records-*"):
        with contextlib.suppress(OSError):
            if now - left.stat().st_mtime > _STALE_SECONDS:
                left.unlink()


def _write(kept: Kept, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path.parent)
        handle, temporary = tempfile.mkstemp(prefix=".records-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((code_fingerprint(), kept), stream, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:
        return
