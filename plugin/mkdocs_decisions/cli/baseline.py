"""The ``baseline`` command: record today's findings, so that ``check`` reports only new ones.

The file is written through ``edit.files``: an exclusive temporary file in the same
folder renamed over the target, never through a symbolic link. An existing file is
replaced only if it is a baseline, or with ``--force``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..checks.baseline import baseline_text, default_baseline_path, is_baseline
from ..checks.identity import identify
from ..checks.run import check_corpus
from ..edit.files import Change, WriteRefused, write_changes
from ..records.discovery import read_regular_file
from .project import ProjectError, load_project


def command_baseline(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    target = Path(arguments.file) if arguments.file else default_baseline_path(project.root)
    if target.is_symlink():
        return _refused(f"{target} is a symbolic link; nothing was written (replace the link)")
    if not target.parent.is_dir():
        print(f"decisions: {target.parent}: no such folder", file=sys.stderr)
        return 2
    before = None
    if target.exists():
        try:
            before = read_regular_file(str(target), 64 * 1024 * 1024)
        except OSError as error:
            print(f"decisions: {target}: cannot read: {error.strerror or error}", file=sys.stderr)
            return 2
        if not is_baseline(before) and not arguments.force:
            return _refused(
                f"{target} exists and is not a decisions baseline; nothing was written "
                "(use --force to replace it)"
            )
    findings = check_corpus(project.corpus, project.settings).findings
    text = baseline_text(identify(findings, project.root))
    after = text.encode("utf-8")
    noun = "finding" if len(findings) == 1 else "findings"
    if after == before:
        print(
            f"decisions: {_shown(target)} is up to date ({len(findings)} {noun})", file=sys.stderr
        )
        return 0
    try:
        write_changes([Change(target, before, after)])
    except WriteRefused as error:
        return _refused(str(error))
    except OSError as error:  # the file system said no: the command could not run
        print(f"decisions: {target}: cannot write: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"decisions: wrote {_shown(target)} ({len(findings)} {noun})", file=sys.stderr)
    return 0


def _shown(path: Path) -> str:
    """The path as people gave it, or relative to the current folder when below it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _refused(message: str) -> int:
    print(f"decisions: {message}", file=sys.stderr)
    return 1
