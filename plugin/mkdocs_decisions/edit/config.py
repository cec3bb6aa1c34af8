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


def options_block(
    options: dict[str, Any], indent: int, comments: dict[str, list[str]] | None = None
) -> list[str]:
    """The ``- decisions:`` list entry with its options, at ``indent`` spaces;
    ``comments`` are lines to add inside a kind's options (``kinds: <kind>:``), as
    questions for the team (status words without a guessed meaning)."""
    pad = " " * indent
    if not options:
        return [f"{pad}- decisions"]
    body = yaml.safe_dump(options, sort_keys=False, default_flow_style=False, allow_unicode=True)
    lines = [f"{pad}- decisions:"]
    in_kinds = False
    for line in body.rstrip("\n").split("\n"):
        lines.append(f"{pad}    {line}" if line else line)
        if line == "kinds:":
            in_kinds = True
        elif in_kinds and re.match(r"^  [A-Za-z_]+:$", line):
            kind = line.strip().rstrip(":")
            for comment in (comments or {}).get(kind, []):
                lines.append(f"{pad}        {comment}")
        elif not line.startswith(" "):
            in_kinds = False
    return lines


def with_plugin(
    text: str, options: dict[str, Any], comments: dict[str, list[str]] | None = None
) -> str | None:
    """``text`` (an mkdocs.yml) with the ``decisions`` plugin added; None when it names
    ``decisions`` already or has a ``plugins:`` it cannot extend line by line."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if _PLUGINS.match(line)), None)
    if start is None:
        ending = [] if not lines[-1] else [""]
        block = ["plugins:", "  - search", *options_block(options, 2, comments), ""]
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
    new = [*lines[:end], *options_block(options, indent, comments), *lines[end:]]
    return newline.join(new)


def new_config(
    site_name: str,
    options: dict[str, Any],
    theme: str,
    comments: dict[str, list[str]] | None = None,
) -> str:
    """A small mkdocs.yml for a repository that has none."""
    name = yaml.safe_dump(site_name, default_style=None).strip().removesuffix("...").strip()
    lines = [
        f"site_name: {name}",
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
        *options_block(options, 2, comments),
        "",
    ]
    return "\n".join(lines)
