"""The ``decisions`` command: check, list, export and write records without a site build.

Exit codes (docs/reference/cli.md): ``check`` 0 no finding at or above
``fail_on`` (apart from known and waived ones), 1 such findings; ``new``,
``status``, ``supersede``, ``import``, ``measure``, ``baseline`` 0 written, 1 refused (the
lifecycle forbids it, the file exists, uncommitted changes, a file that is not a
baseline); every command 2 when it cannot run (bad arguments, unreadable
configuration or baseline, no record folder, git unavailable where it is needed).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable
from typing import Any


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """A command that imports its module when it runs: `decisions check` does not pay
    for the site's templates, nor `decisions new` for the checks."""

    def run(arguments: argparse.Namespace) -> int:
        command: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(f"{__package__}.{module}"), name
        )
        return command(arguments)

    return run


command_baseline = _lazy("baseline", "command_baseline")
command_init = _lazy("init", "command_init")
command_check = _lazy("read", "command_check")
command_export = _lazy("read", "command_export")
command_list = _lazy("read", "command_list")
command_schema = _lazy("read", "command_schema")
command_import = _lazy("write", "command_import")
command_measure = _lazy("write", "command_measure")
command_new = _lazy("write", "command_new")
command_status = _lazy("write", "command_status")
command_supersede = _lazy("write", "command_supersede")
command_pages = _lazy("pages", "command_pages")


def build_parser() -> argparse.ArgumentParser:
    # Imported here, once main has paused the cycle collector: it brings in the readers.
    from ..edit.importer import FORMATS

    parser = argparse.ArgumentParser(
        prog="decisions",
        description="Check, list, export and write architecture decision records, RFCs, "
        "standards and projects.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = _command(
        commands,
        "init",
        "set the tool up in an existing repository",
        "Find the record folders, say what format each is written in, and propose the "
        "configuration that reads them as they are (shown as a diff; --write writes it). "
        "Exit 0: shown or written; 1: no record folder found, or refused.",
    )
    init.add_argument("--write", action="store_true", help="write the proposed configuration")
    init.set_defaults(run=command_init)

    check = _command(
        commands,
        "check",
        "validate records without building the site",
        "Validate records. Exit 0: nothing at or above fail_on (default: error); "
        "1: such findings; 2: could not run.",
    )
    check.add_argument("paths", nargs="*", help="report only on these files or folders")
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif", "gitlab"),
        default="text",
        help="text for people, json for programs, github for GitHub Actions annotations, "
        "sarif for GitHub code scanning, gitlab for GitLab Code Quality",
    )
    check.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only on records changed since this git ref (committed or not), "
        "plus link findings (DEC2xx) of every record",
    )
    check.add_argument(
        "--no-history", action="store_true", help="do not read git history (no DEC4xx rules)"
    )
    known = check.add_mutually_exclusive_group()
    known.add_argument(
        "--baseline",
        metavar="FILE",
        help="the baseline of known findings (default: .decisions-baseline.json beside "
        "mkdocs.yml, if it exists)",
    )
    known.add_argument(
        "--no-baseline", action="store_true", help="report known findings too: apply no baseline"
    )
    check.set_defaults(run=command_check)

    baseline = _command(
        commands,
        "baseline",
        "record today's findings, so that check reports only new ones",
        "Write every finding of today to the baseline; `decisions check` then reports only "
        "findings that are not in it. Replaces only a baseline, unless --force.",
    )
    baseline.add_argument(
        "--file",
        metavar="FILE",
        help="where to write it (default: .decisions-baseline.json beside mkdocs.yml)",
    )
    baseline.add_argument(
        "--force", action="store_true", help="replace FILE even if it is not a baseline"
    )
    baseline.set_defaults(run=command_baseline)

    listing = _command(commands, "list", "list records, filtered", "List records.")
    listing.add_argument("--kind", action="append", help="adr, rfc, standard or project")
    listing.add_argument("--status", action="append", help="e.g. accepted (repeatable)")
    listing.add_argument("--project", action="append", help="a project id (repeatable)")
    listing.add_argument("--tag", action="append", help="a tag (repeatable)")
    listing.add_argument(
        "--due",
        nargs="?",
        type=int,
        const=90,
        metavar="DAYS",
        help="records due for review: overdue, or due within DAYS (default 90) of today "
        "(the `today` option or DECISIONS_TODAY fix the day)",
    )
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(run=command_list)

    export = _command(
        commands,
        "export",
        "write decisions.json: every record, its links and history",
        "Export every record as JSON (see docs/reference/export.md).",
    )
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.add_argument("--force", action="store_true", help="replace an existing output file")
    export.add_argument("--no-history", action="store_true", help="do not read git history")
    export.set_defaults(run=command_export)

    schema = _command(
        commands,
        "schema",
        "print the JSON Schema of a kind's front matter",
        "Print the JSON Schema of a kind's front matter, with this project's statuses, "
        "for editors (yaml-language-server).",
    )
    schema.add_argument("kind", help="adr, rfc, standard or project")
    schema.set_defaults(run=command_schema)

    new = _command(
        commands,
        "new",
        "create a record from its kind's template",
        "Create a record: the next free number, a slugged file name, the kind's template "
        "(a template.md in the kind's folder, else the built-in one). Never overwrites.",
    )
    new.add_argument("kind", help="adr, rfc, standard or project")
    new.add_argument("title", help="the record's title")
    new.add_argument("--supersedes", metavar="ID", help="mark this record superseded by the new")
    new.add_argument("--id", help="the id of a new standard or project")
    new.add_argument("--date", help="the date to write (default: today), YYYY-MM-DD")
    new.add_argument(
        "--force",
        action="store_true",
        help="with --supersedes: even if the old record's lifecycle forbids it",
    )
    new.set_defaults(run=command_new)

    status = _command(
        commands,
        "status",
        "change a record's status, following its lifecycle",
        "Change a record's status where it is written, keeping the rest of the file.",
    )
    status.add_argument("id", help="the record's id or path")
    status.add_argument("status", help="the new status")
    status.add_argument(
        "--force", action="store_true", help="change it even if the lifecycle forbids it"
    )
    status.set_defaults(run=command_status)

    supersede = _command(
        commands,
        "supersede",
        "mark OLD superseded by NEW, in both records",
        "OLD gets status superseded and superseded_by NEW; NEW lists OLD in supersedes.",
    )
    supersede.add_argument("old", help="the id or path of the record that is replaced")
    supersede.add_argument("new", help="the id or path of the record that replaces it")
    supersede.add_argument("--force", action="store_true", help="even if OLD is superseded already")
    supersede.set_defaults(run=command_supersede)

    importing = _command(
        commands,
        "import",
        "rewrite records of another tool to native front matter",
        "Move the metadata of adr-tools, log4brains or MADR records into front matter, "
        "keeping their text. Refuses files with uncommitted changes unless --force.",
    )
    importing.add_argument("folder", help="the folder of the records")
    importing.add_argument("--from", dest="source", choices=FORMATS, required=True)
    importing.add_argument("--dry-run", action="store_true", help="print the diff only")
    importing.add_argument(
        "--force", action="store_true", help="even if the files have uncommitted changes"
    )
    importing.set_defaults(run=command_import)

    measure = _command(
        commands,
        "measure",
        "record a measurement of a requirement or quality attribute",
        "Append a measurement to the objective's `measurements` in the project's front "
        "matter, keeping the rest of the file as it is (for a CI job that records its "
        "backtest result). Recording the same value for the same day again changes nothing.",
    )
    measure.add_argument("objective", help="PROJECT/ITEM, e.g. demand-forecasting/REQ-1")
    measure.add_argument(
        "value",
        help='a number (read in the target\'s unit), or a number and its unit: "45 minutes"',
    )
    measure.add_argument(
        "--date",
        help="the day it was measured, YYYY-MM-DD (default: today; the `today` option or "
        "DECISIONS_TODAY fix the day)",
    )
    measure.add_argument("--source", metavar="URL", help="an http(s) link to the run")
    measure.add_argument("--note", help="one line of text about the measurement")
    measure.set_defaults(run=command_measure)
    _pages_parser(commands)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=summary, description=description)
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        help="the project's mkdocs.yml (default: ./mkdocs.yml; defaults apply if it is missing)",
    )
    return parser


def _pages_parser(commands: Any) -> None:
    from .project import DEFAULT_OUTPUT, GENERATORS  # as FORMATS above

    pages = _command(
        commands,
        "pages",
        "write the site's pages as files, for generators that run no plugin (Zensical)",
        "Write the project's docs with every page and file the plugin adds (records, "
        "indexes, timeline, graph, feed, decisions.json, schemas, CSS, JavaScript) into "
        f"one folder that it owns (default: {DEFAULT_OUTPUT}/ beside mkdocs.yml), for a "
        "generator that runs no MkDocs plugin. Exit 0: written or up to date; 1: stale "
        "(--check) or refused (the folder holds files it did not write); 2: could not run.",
    )
    pages.add_argument("-o", "--output", help=f"the folder to write (default: {DEFAULT_OUTPUT})")
    pages.add_argument(
        "--generator",
        choices=GENERATORS,
        default="zensical",
        help="zensical: links as Zensical rewrites them, and a configuration for it "
        "beside the pages; mkdocs: for MkDocs or ProperDocs without the plugin",
    )
    mode = pages.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the folder is stale"
    )
    mode.add_argument(
        "--watch",
        action="store_true",
        help="write, then again whenever a record, docs/, mkdocs.yml or .mailmap changes",
    )
    pages.add_argument(
        "--interval", type=float, default=1.0, help="with --watch: seconds between looks"
    )
    pages.add_argument("--max-runs", type=int, default=None, help=argparse.SUPPRESS)
    pages.set_defaults(run=command_pages)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``decisions`` console script."""
    # A command that runs once imports its modules and reads every record into objects
    # that live until it ends: Python's cycle collector would walk them again and again
    # and free nothing (a sixth of `decisions check`, docs/performance.md). It is paused
    # for the command, but for `pages --watch`, which runs until interrupted.
    collecting = gc.isenabled()
    gc.disable()
    try:
        arguments = build_parser().parse_args(argv)
        if collecting and getattr(arguments, "watch", False):
            gc.enable()
        try:
            result: int = arguments.run(arguments)
        except BrokenPipeError:  # `decisions list | head`: the reader has what it wanted
            sys.stderr.close()
            return 0
        return result
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
