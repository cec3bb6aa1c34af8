"""The site's pages as Markdown files that build on their own, for generators that run
no MkDocs plugin (Zensical; MkDocs or ProperDocs without ours).

The plugin puts a page's generated HTML into the converted page (after the title, and
at the end). Here the same HTML goes into the Markdown as raw HTML blocks, which
Python-Markdown (and so MkDocs, ProperDocs and Zensical) passes through as it is; the
page title goes into front matter, escaped once as the plugin sets it (ADR-0013). The
generated headings become Markdown headings with their own ids where ``attr_list`` is
on, so that they are in the table of contents as in the plugin's build.

Also here: the docs tree of such a build (the user's pages, with our pages in place of
the record files they stand for), the navigation MkDocs would make for it, and a
configuration for Zensical. Pure functions of their input: the same records give the
same bytes.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from markupsafe import escape

from .build import CSS_PATH, JS_PATH, SiteBuild, decisions_nav, places_our_pages
from .pages import Page

MANIFEST = ".decisions-pages.json"
GENERATOR_CONFIG = ".zensical.yml"
MANIFEST_FORMAT = "mkdocs-decisions generated pages"
_HEADING_LINE = re.compile(r'^<h([23]) id="([A-Za-z0-9_:.\-]+)">([^<>]*)</h\1>$')
# Heading text that Markdown's inline syntax leaves as it is (letters, digits, spaces,
# entities and harmless punctuation): such a heading can become a Markdown heading.
_PLAIN_HEADING = re.compile(r"^[^\\`*_{}\[\]#+!|~^=:<>]*$")


def standalone_markdown(page: Page, *, markdown_headings: bool = False) -> str:
    """The page as one Markdown file: front matter with its title, the Markdown, and the
    generated HTML where the plugin would insert it. ``markdown_headings``: the
    generator has ``attr_list``, so generated headings can be ``## Text {#id}``."""
    lines = page.markdown.split("\n")
    front: list[str] = []
    if lines and lines[0] == "---" and "---" in lines[1:]:
        end = lines.index("---", 1)
        front, lines = lines[1:end], lines[end + 1 :]
    if page.title:
        front.insert(0, f"title: {yaml_quoted(str(escape(page.title)))}")
    body = "\n".join(lines).strip("\n")
    if page.html_after_title:
        block = _html_block(page.html_after_title, markdown_headings)
        title_at = _title_line(body)
        if title_at is None:
            body = f"{block}\n\n{body}"
        else:
            parts = body.split("\n")
            head, rest = parts[: title_at + 1], parts[title_at + 1 :]
            body = "\n".join(head) + f"\n\n{block}\n\n" + "\n".join(rest).strip("\n")
    if page.html_at_end:
        body = body.rstrip("\n") + "\n\n" + _html_block(page.html_at_end, markdown_headings)
    front_matter = "---\n" + "".join(f"{line}\n" for line in front) + "---\n\n" if front else ""
    return front_matter + body.strip("\n") + "\n"


def _title_line(body: str) -> int | None:
    """The index of the page's H1 line (our templates write it as ``# Title``)."""
    in_fence = False
    for index, line in enumerate(body.split("\n")):
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and line.startswith("# "):
            return index
    return None


def _html_block(markup: str, markdown_headings: bool) -> str:
    """Generated HTML as raw blocks: a blank line around each generated heading (made a
    Markdown heading when it can be one), none inside the other blocks."""
    out: list[str] = []
    for line in markup.strip("\n").split("\n"):
        match = _HEADING_LINE.match(line)
        if match is None:
            out.append(line)
            continue
        level, anchor, text = match.groups()
        if markdown_headings and _PLAIN_HEADING.match(html.unescape(text)):
            heading = f"{'#' * int(level)} {text} {{#{anchor}}}"
        else:
            heading = line
        out.extend(["", heading, ""])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: backslash, quote and every character that
    YAML would not keep as it is (controls, line and paragraph separators, BOM) escaped."""
    out = []
    for character in text:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append("\\ufffd")  # not a character YAML can hold
        else:
            out.append(character)
    return '"' + "".join(out) + '"'


# --- the docs tree ---------------------------------------------------------------------


@dataclass(frozen=True)
class Tree:
    """The files of a docs folder for a generator without our plugin: site path -> bytes,
    and what was left out of the user's own docs (a generated page took its place)."""

    files: dict[str, bytes]
    replaced: list[str]


def docs_tree(
    build: SiteBuild,
    user_files: Mapping[str, bytes],
    assets: Mapping[str, bytes],
    *,
    markdown_headings: bool = False,
) -> Tree:
    """Our pages and files over the user's docs (``user_files``: site path -> bytes, the
    record files and templates the plugin would not publish left out already);
    ``assets``: the bytes of the files beside records that ``build.files`` names by
    path. A generated page wins over a docs file at its path, as in the plugin."""
    files = dict(user_files)
    replaced: list[str] = []
    for page in build.pages:
        for taken in _same_page(page.site_path):
            if taken in files and taken not in _sources(build):
                replaced.append(taken)
            files.pop(taken, None)
        text = standalone_markdown(page, markdown_headings=markdown_headings)
        files[page.site_path] = text.encode("utf-8")
    for site_file in build.files:
        if site_file.source_path is not None:
            if site_file.site_path not in files and site_file.site_path in assets:
                files[site_file.site_path] = assets[site_file.site_path]
        else:
            files[site_file.site_path] = site_file.content
    return Tree(dict(sorted(files.items())), sorted(set(replaced)))


def _same_page(site_path: str) -> list[str]:
    """The source paths that would give the same page as ``site_path`` (``index.md`` and
    ``README.md`` of a folder are one page)."""
    folder, name = posixpath.split(site_path)
    if name in ("index.md", "README.md"):
        return [posixpath.join(folder, "index.md"), posixpath.join(folder, "README.md")]
    return [site_path]


def _sources(build: SiteBuild) -> set[str]:
    """Site paths whose docs file is the page's own source (a record inside docs/)."""
    return {page.site_path for page in build.pages if page.source_path}


def auto_nav(paths: Iterable[str]) -> list[Any]:
    """The navigation MkDocs makes when none is configured: folders as sections titled
    from their names, index pages first, folders after files (MkDocs 1.6's order)."""

    def key(path: str) -> tuple[tuple[str, ...], bool, str]:
        parts = PurePosixPath(path).parts
        stem = posixpath.splitext(parts[-1])[0]
        return (parts[:-1], stem not in ("index", "README"), parts[-1])

    nested: list[Any] = []
    for path in sorted(paths, key=key):
        branch = nested
        for part in PurePosixPath(path).parent.parts:
            title = _folder_title(part)
            for item in branch:
                if isinstance(item, dict) and title in item:
                    branch = item[title]
                    break
            else:
                child: list[Any] = []
                branch.append({title: child})
                branch = child
        branch.append(path)
    return nested


def _folder_title(folder: str) -> str:
    title = folder.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _titled_record_sections(nav: list[Any], build: SiteBuild) -> list[Any]:
    """As the plugin does for an automatic nav: a kind's folder is titled by the kind's
    name, and a sub-folder's title is escaped."""
    corpus, settings = build.renderer.corpus, build.renderer.settings
    bases = {base: settings.kinds[kind].label for kind, base in corpus.site_bases.items()}
    out: list[Any] = []
    for item in nav:
        if not isinstance(item, dict):
            out.append(item)
            continue
        ((title, children),) = item.items()
        folder = _folder_of(children)
        if folder in bases:
            title = str(escape(bases[folder]))
        elif folder and any(folder.startswith(f"{base}/") for base in bases if base != "."):
            title = str(escape(title))
        out.append({title: _titled_record_sections(children, build)})
    return out


def _folder_of(children: list[Any]) -> str | None:
    for child in children:
        if isinstance(child, str):
            return posixpath.dirname(child)
        if isinstance(child, dict):
            (inner,) = child.values()
            folder = _folder_of(inner)
            return posixpath.dirname(folder) if folder else None
    return None


def zensical_config(
    build: SiteBuild,
    tree: Tree,
    config: Mapping[str, Any],
    *,
    inherit: str,
    docs_dir: str,
    add_to_nav: bool,
) -> str:
    """A configuration for Zensical that inherits ``inherit`` (the project's mkdocs.yml,
    relative to the folder of this file) and builds ``docs_dir`` (the tree, relative to
    the project root). Zensical merges an inherited file's lists by appending to them, so
    only what the plugin adds is listed: our CSS and JavaScript, the Decisions section
    of a nav written by hand (or, without one, the whole nav MkDocs would make with the
    plugin), and ``attr_list`` for the generated headings."""
    values: dict[str, Any] = {"INHERIT": inherit, "docs_dir": docs_dir}
    extra_css = config.get("extra_css") or []
    extra_js = [
        entry if isinstance(entry, str) else (entry or {}).get("path")
        for entry in config.get("extra_javascript") or []
    ]
    if CSS_PATH not in extra_css:
        values["extra_css"] = [CSS_PATH]
    if JS_PATH not in extra_js:
        values["extra_javascript"] = [JS_PATH]
    nav = config.get("nav")
    if isinstance(nav, list):
        if add_to_nav and not places_our_pages(nav, build):
            values["nav"] = decisions_nav(build)
    else:
        pages = [path for path in tree.files if path.endswith((".md", ".markdown"))]
        values["nav"] = _titled_record_sections(auto_nav(pages), build)
    extensions = config.get("markdown_extensions")
    if isinstance(extensions, list) and not _has_extension(extensions, "attr_list"):
        values["markdown_extensions"] = ["attr_list"]
    lines = [
        "# Written by `decisions pages` (mkdocs-decisions); it is rewritten on every run.",
        "# Build with `zensical build -f zensical.yml`, a file beside mkdocs.yml that",
        f"# says `INHERIT: {docs_dir}/{GENERATOR_CONFIG}` (docs/generators.md).",
    ]
    for key, value in values.items():
        lines.append(f"{key}: {yaml_flow(value)}")  # one line per setting
    return "\n".join(lines) + "\n"


def yaml_flow(value: Any) -> str:
    """Strings, lists and mappings in YAML's flow style, every string double-quoted."""
    if isinstance(value, str):
        return yaml_quoted(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{yaml_flow(str(key))}: {yaml_flow(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return yaml_quoted(str(value))


def markdown_headings_available(config: Mapping[str, Any], generator: str) -> bool:
    """Whether generated headings may be written as ``## Text {#id}``: ``attr_list`` is
    on in the configuration (for Zensical it is by default, and its configuration
    above adds it)."""
    extensions = config.get("markdown_extensions")
    if generator == "zensical":
        return True
    return isinstance(extensions, list) and _has_extension(extensions, "attr_list")


def _has_extension(extensions: list[Any], name: str) -> bool:
    for entry in extensions:
        names = (
            [entry] if isinstance(entry, str) else list(entry) if isinstance(entry, dict) else []
        )
        if any(str(item).removeprefix("markdown.extensions.") == name for item in names):
            return True
    return False


def manifest_text(paths: Iterable[str]) -> str:
    """The marker of a generated folder: every file it holds that we wrote."""
    document = {
        "generated_by": MANIFEST_FORMAT,
        "note": "Written by `decisions pages`; every file listed here is rewritten or "
        "removed by it. Do not edit.",
        "files": sorted(paths),
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"
