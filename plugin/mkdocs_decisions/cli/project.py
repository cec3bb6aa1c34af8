"""Reading a project for the ``decisions`` command: its mkdocs.yml, settings and records."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from ..corpus import child
from ..corpus.links import Corpus
from ..corpus.load import ParseCache, load_corpus, project_history
from ..corpus.parse_store import kept_between_runs
from ..corpus.settings import Settings, SettingsError, settings_from_options
from ..corpus.survey import proposed_options, survey, unread_folders
from ..history.git_log import History

# `decisions pages` writes here by default, beside mkdocs.yml; the generators it writes for.
DEFAULT_OUTPUT = "generated-docs"
GENERATORS = ("zensical", "mkdocs")


class ProjectError(Exception):
    """The project cannot be read; the message says why."""


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    settings: Settings
    corpus: Corpus


def load_project(
    config_file: str | Path,
    history: bool = True,
    require_folders: bool = True,
    parsed: ParseCache | None = None,
) -> Project:
    """Settings and every record of the project whose configuration is ``config_file``.
    History is read when asked for and configured; its warnings go to standard error.
    ``parsed`` keeps records between runs of a command that watches (``pages --watch``)."""
    root, docs_dir, settings = read_project(Path(config_file))
    # A command that runs once reads history in a child process while this one parses
    # the records; a command that watches keeps history between its runs, here.
    reading = None
    if history and settings.history:
        reading = HistoryReading(root, settings, in_child=parsed is None)
    if parsed is None and settings.cache:
        # A command that runs once keeps the parsed records on disk for the next (ADR-0030).
        with kept_between_runs(root, Path(config_file).name) as stored:
            corpus = load_corpus(root, docs_dir, settings, None, stored)
    else:
        corpus = load_corpus(root, docs_dir, settings, None, parsed)
    if reading is not None:
        corpus.history = reading.result()
        for problem in corpus.history.warnings:
            print(f"decisions: warning: {problem}", file=sys.stderr)
        if corpus.history.warnings and settings.require_history:
            raise ProjectError("history is required (require_history: true) but incomplete")
    if require_folders and len(corpus.missing_folders) == len(settings.kinds):
        folders = ", ".join(f"{folder}/" for folder in corpus.missing_folders)
        raise ProjectError(f"no record folders found in {root} (looked for {folders})")
    return Project(root, docs_dir, settings, corpus)


class HistoryReading:
    """The project's git history, read in a child process (``corpus.child``) while this one
    goes on: git and the reading of its output on one core, the records' Markdown on the
    other."""

    def __init__(self, root: Path, settings: Settings, in_child: bool = True) -> None:
        read = partial(project_history, root, settings)
        self.result: Callable[[], History] = child.in_child(read) if in_child else read


class TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing anything: unknown tags (``!ENV``,
    ``!!python/name:``) become plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


TolerantLoader.add_multi_constructor("", _any_tag)


def read_project(config_file: Path) -> tuple[Path, Path, Settings]:
    """Project root, docs folder and plugin settings from an mkdocs.yml (or defaults)."""
    root = config_file.resolve().parent
    if not config_file.exists():
        return root, root / "docs", _surveyed_settings(root)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError, ValueError, TypeError) as error:
        problem = " ".join(str(getattr(error, "problem", None) or error).split())
        raise ProjectError(f"{config_file}: cannot read: {problem}") from None
    if not isinstance(config, dict):
        raise ProjectError(f"{config_file}: expected a mapping at the top level")
    options: dict[str, Any] = {}
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else _plugin_entries(plugins)
    for name, value in entries:
        if name == "decisions":
            options = value or {}
    docs_dir = root / str(config.get("docs_dir", "docs"))
    try:
        return root, docs_dir, settings_from_options(options)
    except SettingsError as error:
        raise ProjectError(f"{config_file}: plugins: decisions: {error}") from None


@cache
def _surveyed_settings(root: Path) -> Settings:
    """Without an mkdocs.yml, the default settings; when none of the default folders
    exists, the settings ``decisions init`` would propose: the folders it finds, read as
    they are. Said once on standard error, so that the first ``check`` in a new
    repository reads its records, not nothing."""
    defaults = settings_from_options({})
    if any((root / kind.folder).is_dir() for kind in defaults.kinds.values()):
        return defaults
    found = survey(root)
    if not found.folders:
        return defaults
    unread = unread_folders(found)
    folders = ", ".join(f"{folder.folder}/" for folder in found.folders if folder not in unread)
    print(
        f"decisions: no mkdocs.yml here; reading {folders} as `decisions init` would "
        "configure them (`decisions init --write` keeps that configuration)",
        file=sys.stderr,
    )
    return settings_from_options(proposed_options(found))


def _plugin_entries(plugins: list[Any]) -> list[tuple[str, Any]]:
    entries: list[tuple[str, Any]] = []
    for item in plugins:
        if isinstance(item, str):
            entries.append((item, {}))
        elif isinstance(item, dict):
            entries.extend(item.items())
    return entries
