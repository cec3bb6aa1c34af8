"""The ``decisions`` command: the core's checks without a site build.

Exit codes: 0 no finding at or above ``fail_on`` (default: error), 1 such
findings, 2 the command could not run (bad arguments, unreadable configuration,
no record folder).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from .corpus import load_corpus
from .history_view import project_history
from .model import Finding
from .rules import run_checks
from .settings import Settings, SettingsError, settings_from_options

JSON_FORMAT_VERSION = 1


class ConfigError(Exception):
    """The project configuration cannot be used; the message says why."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing anything: unknown tags (``!ENV``,
    ``!!python/name:``) become plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _any_tag)


def read_project(config_file: Path) -> tuple[Path, Path, Settings]:
    """Project root, docs folder and plugin settings from an mkdocs.yml (or defaults)."""
    root = config_file.resolve().parent
    if not config_file.exists():
        return root, root / "docs", settings_from_options({})
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{config_file}: cannot read: {error}") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{config_file}: expected a mapping at the top level")
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
        raise ConfigError(f"{config_file}: plugins: decisions: {error}") from None


def _plugin_entries(plugins: list[Any]) -> list[tuple[str, Any]]:
    entries: list[tuple[str, Any]] = []
    for item in plugins:
        if isinstance(item, str):
            entries.append((item, {}))
        elif isinstance(item, dict):
            entries.extend(item.items())
    return entries


def _selected(findings: list[Finding], root: Path, paths: list[str]) -> list[Finding]:
    if not paths:
        return findings
    wanted = []
    for path in paths:
        # Like the paths in findings: relative to the root, symlinks not resolved.
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        wanted.append(Path(relative if not relative.startswith("..") else path).as_posix())
    return [
        f
        for f in findings
        if any(f.path == w or f.path.startswith(w.rstrip("/") + "/") or w == "." for w in wanted)
    ]


def command_check(arguments: argparse.Namespace) -> int:
    try:
        root, docs_dir, settings = read_project(Path(arguments.config_file))
    except ConfigError as error:
        print(f"decisions: {error}", file=sys.stderr)
        return 2
    for path in arguments.paths:
        if not Path(path).exists():
            print(f"decisions: {path}: no such file or folder", file=sys.stderr)
            return 2
    history = None
    if settings.history and not arguments.no_history:
        history = project_history(root, settings)
        for problem in history.warnings:
            print(f"decisions: warning: {problem}", file=sys.stderr)
        if history.warnings and settings.require_history:
            return 2
    corpus = load_corpus(root, docs_dir, settings, history)
    if len(corpus.missing_folders) == len(settings.kinds):
        folders = ", ".join(f"{folder}/" for folder in corpus.missing_folders)
        print(
            f"decisions: no record folders found in {root} (looked for {folders})", file=sys.stderr
        )
        return 2
    findings = _selected(run_checks(corpus, settings), root, arguments.paths)
    counts = Counter(f.severity.value for f in findings)
    if arguments.format == "json":
        document = {
            "version": JSON_FORMAT_VERSION,
            "records": len(corpus.records),
            "summary": {level: counts.get(level, 0) for level in ("error", "warning", "info")},
            "findings": [f.as_dict() for f in findings],
        }
        print(json.dumps(document, indent=2))
    else:
        for item in findings:
            print(item.as_text())
        print(
            f"{_count(len(corpus.records), 'record')} checked: "
            f"{_count(counts.get('error', 0), 'error')}, "
            f"{_count(counts.get('warning', 0), 'warning')}, "
            f"{_count(counts.get('info', 0), 'note')}",
            file=sys.stderr,
        )
    return 1 if any(f.severity.rank >= settings.fail_on.rank for f in findings) else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="decisions",
        description="Check architecture decision records, RFCs and related records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate records without building the site",
        description="Validate records. Exit 0: nothing at or above fail_on (default: error); "
        "1: such findings; 2: could not run.",
    )
    check.add_argument("paths", nargs="*", help="report only on these files or folders")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--no-history",
        action="store_true",
        help="do not read git history (skips the DEC4xx rules)",
    )
    check.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        help="the project's mkdocs.yml (default: ./mkdocs.yml; defaults apply if it is missing)",
    )
    check.set_defaults(run=command_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``decisions`` console script."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    result: int = arguments.run(arguments)
    return result


if __name__ == "__main__":
    sys.exit(main())
