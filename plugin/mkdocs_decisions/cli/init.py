"""``decisions init``: set the tool up in an existing repository.

It finds the record folders, says what format each is written in and how many records
it holds, and proposes the configuration that reads them as they are (folders, status
aliases for the team's own words, a default status where records state none, the
front-matter keys of other tools). It shows the change as a diff and writes it only
with ``--write``: ``mkdocs.yml`` (and ``docs/index.md``) are created when missing; an
existing ``mkdocs.yml`` gets the plugin added line by line, never reformatted; one that
configures the plugin already is left as it is.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import sys
from pathlib import Path
from typing import Any

import yaml

from ..corpus.survey import FolderSurvey, Survey, proposed_options, survey, unread_folders
from ..edit.config import new_config, options_block, with_plugin
from ..edit.files import Change, WriteRefused, write_changes
from .project import TolerantLoader

INDEX = """\
# {name}

The architecture decisions, RFCs, standards and objectives of this project, built by
[mkdocs-decisions](https://github.com/mkdocs-decisions/mkdocs-decisions) from the records
in the repository.
"""


def command_init(arguments: argparse.Namespace) -> int:
    config = Path(arguments.config_file).resolve()
    root = config.resolve().parent
    found = survey(root)
    if not found.folders:
        print(
            "decisions: no record folders found (looked for doc/adr, docs/decisions, "
            "docs/architecture/decisions, rfcs, proposals, ... and numbered Markdown files); "
            '`decisions new adr "Title"` starts one in adr/',
            file=sys.stderr,
        )
        return 1
    print(f"Found {len(found.folders)} record folder(s) in {root}:")
    for folder in found.folders:
        _describe(folder)
    for folder in unread_folders(found):
        print(
            f"  note: {folder.folder}/ is a second folder of {folder.kind.upper()}s; a kind "
            "reads one folder (with its sub-folders): move it under the first to include it"
        )
    options = proposed_options(found)
    changes = _changes(config, root, options, _unmapped_words(found))
    if changes is None:
        print(
            "\n`plugins: - decisions` is configured in mkdocs.yml already; nothing is "
            "changed. The options that read these folders as they are:\n"
        )
        print("\n".join(options_block(options, 2)))
        return 0
    print()
    for change in changes:
        before = (change.before or b"").decode("utf-8").splitlines(keepends=True)
        after = change.after.decode("utf-8").splitlines(keepends=True)
        name = change.path.relative_to(root).as_posix()
        source = f"a/{name}" if change.before is not None else "/dev/null"
        sys.stdout.writelines(difflib.unified_diff(before, after, source, f"b/{name}"))
    if not arguments.write:
        print("\nNothing was written: run `decisions init --write` to write this.")
        return 0
    try:
        for change in changes:
            change.path.parent.mkdir(parents=True, exist_ok=True)  # docs/ for its index
        write_changes(changes)
    except (WriteRefused, OSError) as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 1
    print(
        "\nWritten. Next: `decisions check`, then `decisions baseline` to adopt the "
        "checks without fixing old records first, then `mkdocs build --strict`.",
        file=sys.stderr,
    )
    return 0


def _describe(folder: FolderSurvey) -> None:
    noun = "ADRs" if folder.kind == "adr" else "RFCs"
    print(f"  {folder.folder}/  {len(folder.records)} {noun}, {folder.format}  [{folder.source}]")
    aliases = folder.aliases()
    if aliases:
        words = ", ".join(
            f"{word} ({folder.unknown_statuses[word]})" + (f" -> {status}" if status else " -> ?")
            for word, status in aliases.items()
        )
        print(f"      status words the lifecycle does not know: {words}")
    if folder.without_status:
        print(f"      {folder.without_status} record(s) state no status")
    for template in folder.templates:
        print(f"      template {template}: its records are asked for the sections it has")


def _unmapped_words(found: Survey) -> dict[str, list[str]]:
    """Per kind, comment lines for the status words no alias could be guessed for."""
    comments: dict[str, list[str]] = {}
    for folder in found.folders:
        words = [word for word, status in folder.aliases().items() if status is None]
        if words and folder.kind not in comments:
            comments[folder.kind] = [
                f"# {word}: ?   # {folder.unknown_statuses[word]} record(s) say `{word}`: "
                "which status does it mean?"
                for word in words
            ]
    return comments


def _changes(
    config: Path, root: Path, options: dict[str, Any], comments: dict[str, list[str]]
) -> list[Change] | None:
    changes: list[Change] = []
    if config.exists():
        before = config.read_bytes()
        after = with_plugin(before.decode("utf-8"), options, comments)
        if after is None:
            return None
        changes.append(Change(config, before, after.encode("utf-8")))
        docs_dir = root / str(_docs_dir(before) or "docs")
    else:
        theme = "material" if importlib.util.find_spec("material") else "mkdocs"
        text = new_config(root.name or "Decisions", options, theme, comments)
        changes.append(Change(config, None, text.encode("utf-8")))
        docs_dir = root / "docs"
    index = docs_dir / "index.md"
    readme = docs_dir / "README.md"
    if not index.exists() and not readme.exists():
        changes.append(Change(index, None, INDEX.format(name=root.name).encode("utf-8")))
    return changes


def _docs_dir(config: bytes) -> str | None:
    try:
        loaded = yaml.load(config.decode("utf-8"), Loader=TolerantLoader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    value = loaded.get("docs_dir") if isinstance(loaded, dict) else None
    return str(value) if isinstance(value, str) else None
