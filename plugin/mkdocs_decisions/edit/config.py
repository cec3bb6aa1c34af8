"""Adding the plugin to a project's ``mkdocs.yml`` without reformatting it.

The configuration is edited as lines, like records are (ADR-0014): a ``plugins:``
list gets one more entry in its own indentation; a file without ``plugins:`` gets the
block at its end; a file that names ``decisions`` already is left alone (the command
then shows what to merge). A project without ``mkdocs.yml`` gets a small new one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_PLUGINS = re.compile(r"^plugins\s*:\s*(#.*)?$")
_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")
_ITEM = re.compile(r"^(\s*)-\s")


# Per kind, per option, comment lines for the team to answer. Those for ``aliases`` are
# written as its last entries (an alias line with a ``#`` before it: removing the ``#``
# makes it one); those for any other option are written above it, to say what it means,
# or, for an option the kind does not set (a ``default_status`` left to choose), after
# the kind's options.
KindNotes = dict[str, dict[str, list[str]]]
_KIND_LINE = re.compile(r"^  ([A-Za-z_]+):$")
_OPTION_LINE = re.compile(r"^    ([A-Za-z_]+):")


def options_block(
    options: dict[str, Any], indent: int, notes: KindNotes | None = None
) -> list[str]:
    """The ``- decisions:`` list entry with its options, at ``indent`` spaces, with the
    comment lines of ``notes`` in each kind's options (``kinds: <kind>:``)."""
    pad = " " * indent
    if not options:
        return [f"{pad}- decisions"]
    notes = notes or {}
    options = _with_alias_keys(options, notes)
    body = yaml.safe_dump(options, sort_keys=False, default_flow_style=False, allow_unicode=True)
    lines = [f"{pad}- decisions:"]
    in_kinds = False
    kind = option = ""

    given = options.get("kinds")
    kinds: dict[str, Any] = given if isinstance(given, dict) else {}

    def close_aliases() -> None:
        if option == "aliases":
            lines.extend(f"{pad}          {note}" for note in notes.get(kind, {}).get(option, []))

    def close_kind() -> None:
        close_aliases()
        written = kinds.get(kind) if kind else None
        if not isinstance(written, dict):
            return
        for name, unset in notes.get(kind, {}).items():
            if name not in written:
                lines.extend(f"{pad}        {note}" for note in unset)

    for line in body.rstrip("\n").split("\n"):
        kind_line, option_line = _KIND_LINE.match(line), _OPTION_LINE.match(line)
        if re.match(r"^[^\s-]", line):  # a top-level option
            close_kind()
            in_kinds, kind, option = line == "kinds:", "", ""
        elif in_kinds and kind_line:
            close_kind()
            kind, option = kind_line.group(1), ""
        elif kind and option_line:
            close_aliases()
            option = option_line.group(1)
            if option == "aliases":
                line = "    aliases:"  # not `{}`: its commented entries follow
            else:
                lines.extend(f"{pad}        {note}" for note in notes.get(kind, {}).get(option, []))
        lines.append(f"{pad}    {line}" if line else line)
    close_kind()
    return lines


def _with_alias_keys(options: dict[str, Any], notes: KindNotes) -> dict[str, Any]:
    """``options`` with an ``aliases`` key (after ``folder``) for each kind that has alias
    lines to write but no alias of its own."""
    kinds = options.get("kinds")
    if not isinstance(kinds, dict):
        return options
    changed = {}
    for name, kind_options in kinds.items():
        if notes.get(name, {}).get("aliases") and "aliases" not in kind_options:
            items = list(kind_options.items())
            at = 1 if items and items[0][0] == "folder" else 0
            kind_options = dict([*items[:at], ("aliases", {}), *items[at:]])
        changed[name] = kind_options
    return {**options, "kinds": changed}


def with_plugin(text: str, options: dict[str, Any], notes: KindNotes | None = None) -> str | None:
    """``text`` (an mkdocs.yml) with the ``decisions`` plugin added; None when it names
    ``decisions`` already or has a ``plugins:`` it cannot extend line by line."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if _PLUGINS.match(line)), None)
    if start is None:
        ending = [] if not lines[-1] else [""]
        block = ["plugins:", "  - search", *options_block(options, 2, notes), ""]
        return newline.join([*lines[: len(lines) - (0 if lines[-1] else 1)], *ending, *block])
    end = start + 1
    indent = None
    while end < len(lines) and (not lines[end].strip() or not _TOP_KEY.match(lines[end])):
        item = _ITEM.match(lines[end])
        if item and indent is None:
            indent = len(item.group(1))
        if re.match(r"^\s*-\s*decisions\s*(:|$)", lines[end]):
            return None
        end += 1
    if indent is None:
        return None  # `plugins: [search]` or a mapping: not extended by line edits
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    new = [*lines[:end], *options_block(options, indent, notes), *lines[end:]]
    return newline.join(new)


def new_config(
    site_name: str,
    options: dict[str, Any],
    theme: str,
    notes: KindNotes | None = None,
    docs_dir: str | None = None,
) -> str:
    """A small mkdocs.yml for a repository that has none; ``docs_dir`` when the site's
    pages cannot go in ``docs/`` (another generator's folder)."""
    name = yaml.safe_dump(site_name, default_style=None).strip().removesuffix("...").strip()
    lines = [
        f"site_name: {name}",
        *(
            [
                "# docs/ holds another generator's site: this one's pages are kept apart.",
                f"docs_dir: {docs_dir}",
            ]
            if docs_dir
            else []
        ),
        "# Written by `decisions init`; the plugin's options are in",
        "# https://mkdocs-decisions.github.io/mkdocs-decisions/reference/configuration/",
        "theme:",
        f"  name: {theme}",
        "# Records often link to files of the repository that are not part of the site",
        "# (code, configuration): reported as notes, so that `--strict` fails on the",
        "# decisions' own findings only. Set `not_found: warn` once the links are fixed.",
        "validation:",
        "  links:",
        "    not_found: info",
        "plugins:",
        "  - search",
        *options_block(options, 2, notes),
        "",
    ]
    return "\n".join(lines)
