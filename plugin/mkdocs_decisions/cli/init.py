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

from ..corpus.survey import (
    ROOT,
    UNDECIDED_SHOWN,
    FolderSurvey,
    Survey,
    proposed_options,
    survey,
    unread_folders,
)
from ..edit.config import KindNotes, new_config, options_block, with_plugin
from ..edit.files import Change, WriteRefused, write_changes
from ..records.kinds import default_kinds
from .project import ProjectError, TolerantLoader, read_project

INDEX = """\
# {name}

The architecture decisions, RFCs, standards and objectives of this project, built by
[mkdocs-decisions](https://github.com/mkdocs-decisions/mkdocs-decisions) from the records
in the repository.
"""


def _configured_folders(config: Path) -> dict[str, str]:
    """The kinds' folders an existing mkdocs.yml names for the plugin ({} without one, or
    when it cannot be read: init then says what it finds)."""
    if not config.exists():
        return {}
    try:
        _, _, settings = read_project(config)
    except ProjectError:
        return {}
    return {name: kind.folder for name, kind in settings.kinds.items()}


def command_init(arguments: argparse.Namespace) -> int:
    config = Path(arguments.config_file).resolve()
    root = config.resolve().parent
    found = survey(root, _configured_folders(config))
    if not found.folders:
        print(
            "decisions: no record folders found (looked for doc/adr, docs/decisions, "
            "docs/architecture/decisions, rfcs, proposals, ... and folders, the top of the "
            "repository too, with three numbered or dated Markdown files); `decisions new adr "
            '"Title"` starts one in adr/; records kept elsewhere are read with `kinds: <kind>: '
            'folder: <folder>` in mkdocs.yml (`"."` for the top of the repository)',
            file=sys.stderr,
        )
        return 1
    options = proposed_options(found)
    print(f"Found {len(found.folders)} record folder(s) in {root}:")
    for number, folder in enumerate(found.folders):
        first = all(other.kind != folder.kind for other in found.folders[:number])
        _describe(folder, options["kinds"][folder.kind] if first else {})
    for folder in unread_folders(found):
        print(f"  note: {_unread_note(found, folder)}")
    notes = _notes(found, options)
    configured, changes = _changes(config, root, options, notes)
    if configured:
        print(
            "\n`plugins: - decisions` is configured in mkdocs.yml already; it is not "
            "changed. The options that read these folders as they are:\n"
        )
        print("\n".join(options_block(options, 2, notes)))
    if not changes:
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


def _current(found: Survey, kind: str) -> FolderSurvey:
    """The folder a kind reads: the first of its kind."""
    return next(folder for folder in found.folders if folder.kind == kind)


def _unread_note(found: Survey, folder: FolderSurvey) -> str:
    """What becomes of a second folder of a kind: it is not read, why the other one is,
    and how to read it too. Never "move the current series under this one": the
    folder read is the live one, this one is most often an archive."""
    current = _current(found, folder.kind)
    noun = "ADRs" if folder.kind == "adr" else "RFCs"
    if current.folder == ROOT:
        where = "./ (the top of the repository)"
        inside = "a stage folder at the top (such as Archive/)"
    else:
        where = f"{current.folder}/"
        inside = f"a sub-folder of {where} (such as {where}archive/)"
    return (
        f"{folder.folder}/ ({_records(len(folder.records))}) is another folder of {noun}, "
        f"not read: a kind reads one folder (with its sub-folders), and {where} is read "
        f"because {current.chosen_because}. To read its records as well, keep them in {inside}"
    )


def _describe(folder: FolderSurvey, proposed: dict[str, Any]) -> None:
    noun = "ADRs" if folder.kind == "adr" else "RFCs"
    where = "./ (the top of the repository)" if folder.folder == "." else f"{folder.folder}/"
    print(f"  {where}  {len(folder.records)} {noun}, {folder.format}  [{folder.source}]")
    aliases = folder.aliases()
    if aliases:
        words = ", ".join(
            f"{word} ({folder.unknown_statuses[word]})" + (f" -> {status}" if status else " -> ?")
            for word, status in aliases.items()
        )
        print(f"      status words the lifecycle does not know: {words}")
    if folder.without_status:
        print(f"      {folder.without_status} record(s) state no status")
    for status, count in folder.undecided_by_place.items():
        print(
            f"      {count} record(s) at the top state no status, beside the folders of "
            f"decided ones: read as {status}"
        )
    default = proposed.get("default_status")
    if proposed and folder.mostly_without_status and folder.undecided:
        print(
            "      no `default_status` asserted: they say they are drafts or out for "
            f"feedback ({'; '.join(folder.undecided[:UNDECIDED_SHOWN])}); the choice is "
            "left commented"
        )
    if default:
        print(
            f"      proposed `default_status: {default}`: a record that states no status is "
            f"read as {default}, without what {default} asks of a record that writes it "
            f"(a date, deciders, the sections required when {default})"
        )
    for template in folder.templates:
        print(f"      template {template}: its records are asked for the sections it has")


def _notes(found: Survey, options: dict[str, Any]) -> KindNotes:
    """Per kind, the comment lines for its options: the status words no alias could be
    guessed for, as commented alias lines to complete, and what a proposed
    ``default_status`` means."""
    notes: KindNotes = {}
    kinds = options.get("kinds", {})
    for folder in found.folders:
        if folder.kind in notes or folder.kind not in kinds:
            continue  # a kind reads its first folder only
        kind_notes = notes.setdefault(folder.kind, {})
        others = [other for other in unread_folders(found) if other.kind == folder.kind]
        if others:
            kind_notes["folder"] = [
                f"# Read from here because {folder.chosen_because}; not read:",
                *(f"#   {other.folder}/ ({_records(len(other.records))})" for other in others),
            ]
        words = [word for word, status in folder.aliases().items() if status is None]
        if words:
            statuses = default_kinds()[folder.kind].statuses
            # Each word's line offers every status, none filled in: a guess would read
            # as a meaning the tool worked out (`completed: proposed`).
            choice = " | ".join(statuses)
            kind_notes["aliases"] = [
                "# Words without a guessed meaning: keep the one status each means",
                "# and remove its `#`.",
                *(
                    f"# {_alias_line(word, choice)}   # {_records(folder.unknown_statuses[word])}"
                    for word in words
                ),
            ]
        default = kinds[folder.kind].get("default_status")
        if default:
            kind_notes["default_status"] = _default_status_note(folder, default)
        elif folder.mostly_without_status and folder.undecided:
            kind_notes["default_status"] = _undecided_note(folder)
    return {kind: kind_notes for kind, kind_notes in notes.items() if kind_notes}


def _default_status_note(folder: FolderSurvey, status: str) -> list[str]:
    """What ``default_status`` means, as comment lines above it."""
    return [
        f"# {folder.without_status} of {len(folder.records)} records state no status: they "
        f"are read as {status}, but what a",
        f"# record that writes `{status}` must have (a date, deciders, the sections required",
        f"# when {status}) is not asked of them. A record that states a status is checked as ever.",
    ]


def _undecided_note(folder: FolderSurvey) -> list[str]:
    """A commented ``default_status`` that offers every status, for records that state
    none and say they are drafts: accepted would be a meaning the tool made up."""
    statuses = default_kinds()[folder.kind].statuses
    return [
        f"# {folder.without_status} of {len(folder.records)} records state no status, and "
        "they say they are drafts or",
        f"# out for feedback ({folder.undecided[0]}):",
        "# keep the status they are read as and remove the `#`.",
        f"# default_status: {' | '.join(statuses)}",
    ]


def _alias_line(word: str, status: str) -> str:
    """``word: status`` as a YAML mapping entry, the word quoted when YAML needs it."""
    return yaml.safe_dump({word: status}, allow_unicode=True, width=1000).strip()


def _records(count: int) -> str:
    return "1 record" if count == 1 else f"{count} records"


def _changes(
    config: Path, root: Path, options: dict[str, Any], notes: KindNotes
) -> tuple[bool, list[Change]]:
    """Whether mkdocs.yml configures the plugin already, and the files to write: the
    configuration, and the home page when the docs folder has none (also under a
    configuration that names the plugin already: the build needs the folder)."""
    changes: list[Change] = []
    configured = False
    if config.exists():
        before = config.read_bytes()
        after = with_plugin(before.decode("utf-8"), options, notes)
        configured = after is None
        if after is not None:
            changes.append(Change(config, before, after.encode("utf-8")))
        docs_dir = root / str(_config_value(before, "docs_dir") or "docs")
        name = _config_value(before, "site_name") or root.name
    else:
        theme = "material" if importlib.util.find_spec("material") else "mkdocs"
        apart = OWN_DOCS if _other_generators(root / "docs") else None
        text = new_config(root.name or "Decisions", options, theme, notes, apart)
        changes.append(Change(config, None, text.encode("utf-8")))
        docs_dir = root / (apart or "docs")
        name = root.name
    index = docs_dir / "index.md"
    readme = docs_dir / "README.md"
    if not index.exists() and not readme.exists():
        changes.append(Change(index, None, INDEX.format(name=name).encode("utf-8")))
    return configured, changes


# Where a new mkdocs.yml puts the site's pages when docs/ belongs to another generator.
OWN_DOCS = "decisions-site"
# Files that say a folder is another generator's project (Astro, Docusaurus, VitePress,
# Sphinx, Jekyll, Hugo, mdBook, Antora), where an index.md of ours does not belong.
_GENERATOR_FILES = (
    "package.json",
    "astro.config.mjs",
    "astro.config.ts",
    "docusaurus.config.js",
    "docusaurus.config.ts",
    ".vitepress",
    "conf.py",
    "_config.yml",
    "hugo.toml",
    "hugo.yaml",
    "config.toml",
    "book.toml",
    "antora.yml",
)


def _other_generators(docs: Path) -> bool:
    return any((docs / name).exists() for name in _GENERATOR_FILES)


def _config_value(config: bytes, key: str) -> str | None:
    """A text value of an existing mkdocs.yml (``docs_dir``, ``site_name``), if it has one."""
    try:
        loaded = yaml.load(config.decode("utf-8"), Loader=TolerantLoader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError):
        return None
    value = loaded.get(key) if isinstance(loaded, dict) else None
    return str(value) if isinstance(value, str) and value.strip() else None
