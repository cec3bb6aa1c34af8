"""``decisions pages``: the site's pages as files, for generators that run no plugin.

It writes one folder that it owns (``generated-docs/`` by default): the project's docs
with every page and file the plugin adds to a build (record pages, indexes, timeline,
graph, traceability pages, feed, ``decisions.json``, schemas, CSS and JavaScript), the
record files in docs/ replaced by their decorated pages, so that the URLs and links of
the site stay those of the plugin's build. A manifest in the folder names every file it
wrote; the command refuses a folder that holds anything else, removes what it wrote
before and no longer makes, and rewrites only files whose bytes change (through
``edit/files.py``: exclusive temporary files, never following a link). ``--check``
says whether the folder is stale; ``--watch`` keeps it current while a generator's
own server runs. Exit codes: 0 written or up to date, 1 stale (``--check``) or
refused, 2 could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..corpus.load import ParseCache
from ..corpus.settings import Settings
from ..edit.files import Change, WriteRefused, write_changes
from ..records.discovery import discover, is_root_record_name, read_regular_file
from ..site.build import SiteOptions, build_site
from ..site.reuse import PageReuse
from ..site.standalone import (
    GENERATOR_CONFIG,
    MANIFEST,
    MANIFEST_FORMAT,
    docs_tree,
    manifest_text,
    markdown_headings_available,
    zensical_config,
)
from .project import (
    DEFAULT_OUTPUT,
    Project,
    ProjectError,
    TolerantLoader,
    load_project,
    read_project,
)

# MkDocs never publishes these from docs/ (its default `exclude_docs`), nor do we.
_TEMPLATES_FOLDER = "templates"


class PagesRefused(Exception):
    """The folder cannot be written; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class Plan:
    """What one run would do: the new bytes of each file, and the files to remove."""

    output: Path
    changes: list[Change]
    removals: list[Path]
    unchanged: int
    notes: list[str]

    @property
    def stale(self) -> list[str]:
        paths = [change.path for change in self.changes] + self.removals
        return sorted(_shown(path, self.output) for path in paths)


def command_pages(arguments: argparse.Namespace) -> int:
    config_file = Path(arguments.config_file)
    try:
        output = _output_folder(arguments, config_file)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    if arguments.watch:
        return _watch(arguments, config_file, output)
    return _run_once(arguments, config_file, output)


@dataclass
class Kept:
    """What ``--watch`` keeps between runs: parsed records and drawn pages, so that a
    save redraws only what it changes (ADR-0025)."""

    parsed: ParseCache = field(default_factory=ParseCache)
    drawn: PageReuse = field(default_factory=PageReuse)


def _run_once(
    arguments: argparse.Namespace, config_file: Path, output: Path, kept: Kept | None = None
) -> int:
    try:
        plan = plan_pages(config_file, output, arguments.generator, kept)
    except ProjectError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    except PagesRefused as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 1
    for note in plan.notes:
        print(f"decisions: {note}", file=sys.stderr)
    shown = _shown(output, Path.cwd())
    if arguments.check:
        if plan.stale:
            listed = ", ".join(plan.stale[:10]) + (
                f" and {len(plan.stale) - 10} more" if len(plan.stale) > 10 else ""
            )
            print(
                f"decisions: {shown}/ is stale ({listed}); run `decisions pages`",
                file=sys.stderr,
            )
            return 1
        print(f"decisions: {shown}/ is up to date")
        return 0
    try:
        apply_plan(plan)
    except (WriteRefused, PagesRefused, OSError) as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 1
    print(
        f"decisions: {shown}/: {len(plan.changes)} written, {len(plan.removals)} removed, "
        f"{plan.unchanged} unchanged"
    )
    return 0


def plan_pages(
    config_file: Path, output: Path, generator: str = "zensical", kept: Kept | None = None
) -> Plan:
    """Render the site and compare it with what ``output`` holds."""
    project = load_project(config_file, parsed=kept.parsed if kept else None)
    config = read_config(config_file)
    _check_output_place(output, project)
    build = build_site(
        project.corpus,
        project.settings,
        SiteOptions(
            site_name=str(config.get("site_name") or ""),
            site_url=str(config.get("site_url") or ""),
            repo_url=str(config.get("repo_url") or ""),
            use_directory_urls=config.get("use_directory_urls", True) is not False,
            link_style="source" if generator == "zensical" else "url",
        ),
        kept.drawn if kept else None,
    )
    notes = list(build.collisions)
    assets = {}
    for site_file in build.files:
        if site_file.source_path is not None:
            with contextlib.suppress(OSError):  # unreadable: the plugin would fail the same
                assets[site_file.site_path] = read_regular_file(site_file.source_path)
    tree = docs_tree(
        build,
        _user_docs(project, output),
        assets,
        markdown_headings=markdown_headings_available(config, generator),
    )
    notes += [
        f"{_shown(project.docs_dir / path, project.root)}: left out, the generated page "
        f"{path} takes its place"
        for path in tree.replaced
    ]
    files = dict(tree.files)
    if generator == "zensical":
        files[GENERATOR_CONFIG] = zensical_config(
            build,
            tree,
            config,
            inherit=Path(os.path.relpath(config_file.resolve(), output.resolve())).as_posix(),
            docs_dir=Path(os.path.relpath(output.resolve(), project.root)).as_posix(),
            add_to_nav=project.settings.add_to_nav,
        ).encode("utf-8")
    files[MANIFEST] = manifest_text(files).encode("utf-8")
    return _compare(output, files, notes)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as YAML gives it, without executing any tag (``{}`` if missing)."""
    if not config_file.exists():
        return {}
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError, ValueError, TypeError) as error:
        raise ProjectError(f"{config_file}: cannot read: {error}") from None
    if not isinstance(config, dict):
        raise ProjectError(f"{config_file}: expected a mapping at the top level")
    return config


def _output_folder(arguments: argparse.Namespace, config_file: Path) -> Path:
    if arguments.output:
        return Path(arguments.output).absolute()
    return config_file.absolute().parent / DEFAULT_OUTPUT


def _check_output_place(output: Path, project: Project) -> None:
    """The folder lies inside the project (generators want their docs there), outside
    docs/ and every record folder (it would read itself), and is not a link."""
    real = Path(os.path.realpath(output))
    root = Path(os.path.realpath(project.root))
    if real == root or not real.is_relative_to(root):
        raise ProjectError(f"{output}: the generated folder must be a folder inside {root}")
    # A kind read from the project's top (`folder: "."`) reads no folder of it but its
    # numbered ones and templates, so the generated folder may lie there.
    folders = [project.docs_dir] + [
        project.root / k.folder for k in project.settings.kinds.values() if k.folder != "."
    ]
    for folder in folders:
        inner = Path(os.path.realpath(folder))
        if real.is_relative_to(inner) or inner.is_relative_to(real):
            raise ProjectError(
                f"{output}: the generated folder must not hold or lie in {folder} "
                "(choose another with --output)"
            )
    if output.is_symlink():
        raise ProjectError(f"{output} is a symbolic link; nothing was written")


def _user_docs(project: Project, output: Path) -> dict[str, bytes]:
    """The files of docs/ that a build publishes, by site path: not names starting with a
    dot nor the top-level templates/ folder (MkDocs' defaults), not the templates and
    unreadable files of record folders (the plugin leaves them out too), nothing whose
    real path leaves the project."""
    docs = project.docs_dir
    if not docs.is_dir():
        return {}
    left_out = set(project.corpus.refused)
    discovered = discover(project.root, docs, project.settings.kinds)
    docs_real = os.path.realpath(docs)
    for path in discovered.skipped:
        real = os.path.realpath(project.root / path)
        if real.startswith(docs_real + os.sep):
            left_out.add(Path(os.path.relpath(real, docs_real)).as_posix())
    boundary = os.path.realpath(project.root)
    output_real = os.path.realpath(output)
    found: dict[str, bytes] = {}
    for directory, folders, names in os.walk(docs, followlinks=True):
        relative = Path(os.path.relpath(directory, docs)).as_posix()
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and not (relative == "." and name == _TEMPLATES_FOLDER)
            and os.path.realpath(Path(directory) / name) != output_real
            and os.path.realpath(Path(directory) / name).startswith(boundary + os.sep)
        )
        for name in sorted(names):
            if name.startswith("."):
                continue
            site_path = name if relative == "." else f"{relative}/{name}"
            source = Path(directory) / name
            real = os.path.realpath(source)
            if site_path in left_out or not real.startswith(boundary + os.sep):
                continue
            with contextlib.suppress(OSError):  # a FIFO, a device, a link that loops
                found[site_path] = read_regular_file(str(source), limit=1 << 30)
    return found


def _compare(output: Path, files: dict[str, bytes], notes: list[str]) -> Plan:
    """What must change in ``output`` for it to hold ``files``; refused if it holds a
    file that its manifest does not name (or it has none)."""
    ours = _manifest_files(output)
    present = set(_files_in(output))
    foreign = sorted(present - ours - {MANIFEST})
    if foreign:
        listed = ", ".join(foreign[:5]) + (
            f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        )
        raise PagesRefused(
            f"{_shown(output, Path.cwd())}/ holds files that `decisions pages` did not write "
            f"({listed}); nothing was written: choose an empty or new folder with --output"
        )
    changes: list[Change] = []
    unchanged = 0
    for relative, content in files.items():
        path = output / relative
        before = _current(path) if relative in present else None
        if before == content:
            unchanged += 1
        else:
            changes.append(Change(path, before, content))
    removals = [output / relative for relative in sorted(ours & present) if relative not in files]
    return Plan(output, changes, removals, unchanged, notes)


def apply_plan(plan: Plan) -> None:
    """Write the plan: the manifest naming old and new files first (an interrupted run
    still owns what it left), then the files, then the removals, then the manifest."""
    manifest_path = plan.output / MANIFEST
    final = next((c for c in plan.changes if c.path == manifest_path), None)
    others = [c for c in plan.changes if c.path != manifest_path]
    if not others and not plan.removals and final is None:
        return
    _make_folders(plan.output, [c.path.parent for c in plan.changes])
    interim_files = {_shown(c.path, plan.output) for c in others} | _manifest_files(plan.output)
    interim = manifest_text(interim_files - {MANIFEST}).encode("utf-8")
    current = _current(manifest_path)
    if others and current != interim:
        write_changes([Change(manifest_path, current, interim)])
        current = interim
    for start in range(0, len(others), 200):  # bounded open temporary files
        write_changes(others[start : start + 200])
    for path in plan.removals:
        if path.is_symlink() or not path.is_file():
            raise PagesRefused(f"{path} is not a regular file; it was not removed")
        path.unlink()
    _remove_empty_folders(plan.output)
    if final is not None:
        write_changes([Change(manifest_path, _current(manifest_path), final.after)])


def _manifest_files(output: Path) -> set[str]:
    path = output / MANIFEST
    if path.is_symlink() or not path.is_file():
        return set()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(document, dict) or document.get("generated_by") != MANIFEST_FORMAT:
        return set()
    return {item for item in document.get("files", []) if isinstance(item, str)}


def _files_in(output: Path) -> Iterator[str]:
    """Every entry in ``output`` that is not a folder (links and FIFOs included, as
    posix paths relative to it); folders that are links are refused."""
    if not output.exists():
        return
    for directory, folders, names in os.walk(output):
        for name in folders:
            if (Path(directory) / name).is_symlink():
                raise PagesRefused(
                    f"{Path(directory) / name} is a symbolic link; nothing was written"
                )
        for name in names:
            yield Path(os.path.relpath(Path(directory) / name, output)).as_posix()


def _current(path: Path) -> bytes | None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode):
        raise PagesRefused(f"{path} is not a regular file; nothing was written")
    return path.read_bytes()


def _make_folders(output: Path, folders: list[Path]) -> None:
    for folder in sorted(set(folders)):
        for parent in [*reversed(folder.relative_to(output.parent).parents), folder]:
            path = output.parent / parent
            if path.is_symlink():
                raise PagesRefused(f"{path} is a symbolic link; nothing was written")
        folder.mkdir(parents=True, exist_ok=True)


def _remove_empty_folders(output: Path) -> None:
    for directory, _, _ in sorted(os.walk(output), key=lambda entry: -len(entry[0])):
        path = Path(directory)
        if path != output:
            with contextlib.suppress(OSError):
                path.rmdir()  # only succeeds when empty


def _shown(path: Path, base: Path) -> str:
    try:
        return path.absolute().relative_to(base.absolute()).as_posix()
    except ValueError:
        return str(path)


# --- --watch ----------------------------------------------------------------------------


def _watch(arguments: argparse.Namespace, config_file: Path, output: Path) -> int:
    """Regenerate whenever a watched file changes, until interrupted (polling: no
    dependency, and it sees folders that are removed and made again)."""
    signature: tuple[tuple[str, int, int], ...] | None = None
    runs = 0
    kept = Kept()
    try:
        while arguments.max_runs is None or runs < arguments.max_runs:
            current = _signature(config_file, output)
            if current != signature:
                signature = current
                runs += 1
                _run_once(arguments, config_file, output, kept)
                sys.stdout.flush()
            time.sleep(arguments.interval)
    except KeyboardInterrupt:
        return 0
    return 0


def _signature(config_file: Path, output: Path) -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of every file that a run reads: the configuration,
    .mailmap, git's HEAD (a commit changes the history), docs/ and record folders."""
    project_root = config_file.absolute().parent
    roots = [project_root / "docs"]
    with contextlib.suppress(ProjectError):  # a broken mkdocs.yml: the run says why
        _, docs, settings = read_project(config_file)
        roots = [
            docs,
            *(project_root / k.folder for k in settings.kinds.values() if k.folder != "."),
            *_records_at_top(project_root, settings),
        ]
    entries: list[tuple[str, int, int]] = []
    singles = [config_file, project_root / ".mailmap", project_root / ".git" / "HEAD"]
    singles.append(project_root / ".git" / "logs" / "HEAD")
    for path in singles:
        entries.append(_entry(path))
    output_real = os.path.realpath(output)
    for root in roots:
        entries.append(_entry(root))
        for directory, folders, names in os.walk(root, followlinks=True):
            folders[:] = sorted(
                name for name in folders if os.path.realpath(Path(directory) / name) != output_real
            )
            for name in sorted(names):
                entries.append(_entry(Path(directory) / name))
    return tuple(entries)


def _records_at_top(project_root: Path, settings: Settings) -> list[Path]:
    """The files and folders at the project's top that a kind read from there takes."""
    kinds = [kind for kind in settings.kinds.values() if kind.folder == "."]
    try:
        names = sorted(os.listdir(project_root)) if kinds else []
    except OSError:
        return []
    return [
        project_root / name
        for name in names
        if any(is_root_record_name(name, kind) for kind in kinds)
    ]


def _entry(path: Path) -> tuple[str, int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (str(path), status.st_mtime_ns, status.st_size)
