"""Reading a project's history with its settings, and what to tell people about gaps.

Shared by both adapters, so that the site and ``decisions check`` read history
the same way and say the same things when it is incomplete.
"""

from __future__ import annotations

from pathlib import Path

from .corpus import Corpus
from .history import History, cached_history
from .settings import Settings


def project_history(project_root: Path, settings: Settings) -> History:
    """History of every kind's folder, statuses mapped through each kind's aliases."""
    kinds = settings.kinds.values()
    return cached_history(
        project_root,
        [kind.folder for kind in kinds],
        {kind.folder: kind.canonical_status for kind in kinds},
    )


def uncommitted_notes(corpus: Corpus) -> list[str]:
    """A note on records not committed yet and committed ones deleted from the work tree."""
    history = corpus.history
    if not history.available or not history.head:
        return []
    notes = []
    present = {record.path for record in corpus.records}
    uncommitted = sorted(path for path in present if path not in history.files)
    if uncommitted:
        notes.append(
            f"{len(uncommitted)} record(s) not committed yet, shown as uncommitted: "
            + ", ".join(uncommitted[:5])
            + (" ..." if len(uncommitted) > 5 else "")
        )
    deleted = sorted(
        path
        for path, file in history.files.items()
        if path not in present and file.versions[-1].blob and path.endswith(".md")
    )
    if deleted:
        notes.append(
            f"{len(deleted)} committed record(s) deleted in the working tree, not shown: "
            + ", ".join(deleted[:5])
            + (" ..." if len(deleted) > 5 else "")
        )
    return notes
