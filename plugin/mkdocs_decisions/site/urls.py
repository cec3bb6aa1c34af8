"""Where pages end up and how one links to another: page URLs as MkDocs builds them,
relative links between pages, and commit links of forges."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote, urlsplit


def commit_url_template(repo_url: str | None) -> str:
    """A commit link template with ``{sha}`` for a forge's repository URL ("" if none)."""
    if not repo_url or urlsplit(repo_url).scheme not in ("http", "https"):
        return ""
    base = repo_url.rstrip("/")
    if "gitlab" in urlsplit(base).netloc:
        return f"{base}/-/commit/{{sha}}"
    return f"{base}/commit/{{sha}}"


def relative_link(from_page: str, to_page: str) -> str:
    """The relative Markdown link from one page's source path to another's."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_url(site_path: str, use_directory_urls: bool) -> str:
    """The URL of a page, relative to the site root, as MkDocs builds it."""
    stem = posixpath.splitext(site_path)[0]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


@lru_cache(maxsize=65536)  # a page links the same few pages many times
def relative_href(from_page: str, to_page: str, use_directory_urls: bool) -> str:
    """The relative URL from one page to another, for links written as HTML."""
    source = page_url(from_page, use_directory_urls)
    target = page_url(to_page, use_directory_urls)
    base = source if source.endswith("/") or not source else posixpath.dirname(source) + "/"
    relative = relative_path(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        relative = "./" if relative == "." else f"{relative}/"
    return quote(relative)  # "why?.md", "c#.md" and "100%.md" are file names too


_SOURCE_ESCAPES = {character: f"%{ord(character):02X}" for character in "%#? \t\n\r"}


def source_href(from_page: str, to_page: str) -> str:
    """The relative link from one page's Markdown file to another's, for HTML that the
    generator rewrites as it rewrites Markdown links. Only what would end the path (``#``,
    ``?``, ``%``, white space) is percent-encoded: such a generator does not decode it."""
    relative = relative_path(to_page, posixpath.dirname(from_page) or ".")
    return "".join(_SOURCE_ESCAPES.get(character, character) for character in relative)


def relative_path(target: str, start: str) -> str:
    """``posixpath.relpath`` for paths inside the site, without touching the file system."""
    target_parts = [part for part in target.split("/") if part not in ("", ".")]
    start_parts = [part for part in start.split("/") if part not in ("", ".")]
    if ".." in target_parts or ".." in start_parts:
        return posixpath.relpath(target, start)
    common = 0
    for mine, theirs in zip(target_parts, start_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."
