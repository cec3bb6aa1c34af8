"""The commands that write records: ``new``, ``status``, ``supersede``, ``import`` and
``measure``.

They change only the files they name, only the bytes of the edit, and write
through :mod:`..edit.files`: exclusive temporary files renamed over their targets,
never through a symbolic link, never over a file that changed meanwhile. A new file
is created exclusively (under a lock on its folder, so that commands run at the same
time take different numbers): an existing one is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import sys
from pathlib import Path

from ..edit.authoring import AuthoringError, change_status, new_record, same_id, supersede
from ..edit.files import WriteRefused, folder_lock, write_changes
from ..edit.frontmatter import EditError
from ..edit.importer import FORMATS, ImportRefused, import_folder
from ..edit.measurements import NewMeasurement, record_measurement
from ..history.changes import GitError, uncommitted
from ..records.model import Record
from .project import Project, ProjectError, load_project


def command_new(arguments: argparse.Namespace) -> int:
    try:
        today = dt.date.fromisoformat(arguments.date) if arguments.date else dt.date.today()
    except ValueError as error:
        print(f"decisions: --date {arguments.date}: {error} (expected YYYY-MM-DD)", file=sys.stderr)
        return 2
    try:
        project = load_project(arguments.config_file, history=False, require_folders=False)
        kind = project.settings.kinds.get(arguments.kind)
        if kind is None:
            raise ProjectError(
                f"unknown kind `{arguments.kind}`; known: {', '.join(project.settings.kinds)}"
            )
        old = _record(project, arguments.supersedes) if arguments.supersedes else None
        folder = project.root / kind.folder
        folder.mkdir(parents=True, exist_ok=True)
        with folder_lock(folder):  # the number is chosen and taken under one lock
            created = new_record(
                project.corpus,
                kind,
                project.root,
                arguments.title,
                today,
                arguments.id or "",
                old,
                force=arguments.force,
            )
            _writable(*(change.path for change in created.changes))
            write_changes(created.changes)
    except (AuthoringError, EditError, ProjectError, WriteRefused, OSError) as error:
        return _refused(error)
    print(_shown(created.path))
    if created.superseded is not None:
        print(
            f"decisions: {created.superseded[0].id} is now superseded by {created.record_id}",
            file=sys.stderr,
        )
    return 0


def command_status(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file, history=False)
        record = _record(project, arguments.id)
        kind = project.settings.kinds[record.kind]
        change = change_status(record, kind, arguments.status, force=arguments.force)
        _writable(change.path)
        write_changes([change])
    except (AuthoringError, EditError, ProjectError, WriteRefused, OSError) as error:
        return _refused(error)
    print(
        f"decisions: {record.id} ({record.path}) is now {kind.canonical_status(arguments.status)}",
        file=sys.stderr,
    )
    return 0


def command_supersede(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file, history=False)
        old = _record(project, arguments.old)
        new = _record(project, arguments.new)
        kind = project.settings.kinds[old.kind]
        changes = supersede(old, new, kind, force=arguments.force)
        _writable(*(change.path for change in changes))
        write_changes(changes)
    except (AuthoringError, EditError, ProjectError, WriteRefused, OSError) as error:
        return _refused(error)
    print(f"decisions: {old.id} is now superseded by {new.id}", file=sys.stderr)
    return 0


def command_import(arguments: argparse.Namespace) -> int:
    folder = Path(arguments.folder)
    if not folder.is_dir():
        print(f"decisions: {folder}: no such folder", file=sys.stderr)
        return 2
    try:
        project = load_project(arguments.config_file, history=False)
        changes = import_folder(folder, arguments.source, project.settings, project.root)
    except (ImportRefused, ProjectError, OSError) as error:
        print(f"decisions: {_one_line(error)}", file=sys.stderr)
        return 2
    if not changes:
        print(f"decisions: nothing to import in {folder}", file=sys.stderr)
        return 0
    if arguments.dry_run:
        for change in changes:
            old = (change.before or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
            new = change.after.decode("utf-8", errors="replace").splitlines(keepends=True)
            name = _shown(change.path)
            sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"))
        print(f"decisions: {len(changes)} file(s) would change (dry run)", file=sys.stderr)
        return 0
    if not arguments.force:
        try:
            dirty = uncommitted(project.root, [change.path for change in changes])
        except GitError as error:
            print(
                f"decisions: cannot tell whether the files have uncommitted changes ({error}); "
                "commit them first, or use --force",
                file=sys.stderr,
            )
            return 1
        if dirty:
            print(
                "decisions: these files have uncommitted changes, so an import could lose "
                f"work: {', '.join(sorted(dirty))}. Commit or stash them, or use --force",
                file=sys.stderr,
            )
            return 1
    try:
        _writable(*(change.path for change in changes))
        write_changes(changes)
        for change in changes:
            print(_shown(change.path))
    except (AuthoringError, WriteRefused) as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"decisions: {_one_line(error)}", file=sys.stderr)
        return 2
    print(f"decisions: imported {len(changes)} file(s) from {arguments.source}", file=sys.stderr)
    return 0


def command_measure(arguments: argparse.Namespace) -> int:
    try:
        project = load_project(arguments.config_file, history=False)
        day = _day(arguments.date) if arguments.date else project.settings.today
        measured = record_measurement(
            project.corpus,
            arguments.objective,
            NewMeasurement(day, arguments.value, arguments.source or "", arguments.note or ""),
        )
        if measured.change is not None:
            _writable(measured.change.path)
            write_changes([measured.change])
    except (AuthoringError, EditError, ProjectError, WriteRefused, OSError) as error:
        return _refused(error)
    name = f"{measured.project.id}/{measured.objective.id}"
    if measured.change is None:
        print(
            f"decisions: {name} has {arguments.value} on {day.isoformat()} already; "
            "nothing to change",
            file=sys.stderr,
        )
    else:
        print(_shown(measured.change.path))
        print(f"decisions: {name}: {arguments.value} on {day.isoformat()}", file=sys.stderr)
    return 0


def _day(text: str) -> dt.date:
    """A day given as YYYY-MM-DD, exactly."""
    try:
        if len(text) != 10:
            raise ValueError("not ten characters")
        return dt.date.fromisoformat(text)
    except ValueError:
        raise AuthoringError(f"--date {text}: not a day written as YYYY-MM-DD") from None


def _record(project: Project, record_id: str) -> Record:
    record = project.corpus.get(record_id)
    if record is not None:
        same = [r for r in project.corpus.records if same_id(r.id, record.id)]
        if len(same) > 1:
            raise AuthoringError(
                f"id {record.id} is used by {len(same)} records ("
                + ", ".join(r.path for r in same)
                + "; DEC103): name the file instead of the id"
            )
    if record is None:
        by_path = {r.path: r for r in project.corpus.records}
        relative = Path(os.path.relpath(Path(record_id).resolve(), project.root)).as_posix()
        record = by_path.get(relative)
    if record is None:
        raise AuthoringError(f"no record has the id or path `{record_id}`")
    return record


def _writable(*paths: Path) -> None:
    """Refuse before writing anything when one of the files cannot be replaced."""
    for path in paths:
        folder = path.parent if path.parent.exists() else path.parent.parent
        if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
            raise AuthoringError(f"{_shown(path)} cannot be written; nothing was changed")


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return Path(relative if not relative.startswith("..") else path).as_posix()


__all__ = [
    "FORMATS",
    "command_import",
    "command_measure",
    "command_new",
    "command_status",
    "command_supersede",
]


def _refused(error: Exception) -> int:
    """Say why on one line; 1 when the change was refused, 2 when the command could not
    run (configuration, file system)."""
    if isinstance(error, AuthoringError | EditError | WriteRefused):
        print(f"decisions: {error}", file=sys.stderr)
        return 1
    print(f"decisions: {_one_line(error)}", file=sys.stderr)
    return 2


def _one_line(error: Exception) -> str:
    """An error message on one line (file system errors name the file)."""
    if isinstance(error, OSError) and error.filename:
        return f"{_shown(Path(error.filename))}: {error.strerror or error}; nothing was changed"
    return " ".join(str(error).split())
