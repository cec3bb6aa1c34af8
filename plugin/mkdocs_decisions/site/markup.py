"""Escaping values from records for the places they go: inline Markdown, HTML text,
CSS class names and link targets. See ADR-0004 and STD-SEC-001."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..records.urls import WEB_SCHEMES, link_problem

_CODE_SPAN = re.compile(r"`([^`]+)`")
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]|#!])")


def markdown_text(value: object) -> Markup:
    """Escape a value for inline Markdown: HTML entities and backslash-escaped syntax.

    Balanced code spans (`like_this`) are kept: Markdown escapes their content itself.
    """
    text = " ".join(str(value).split())
    parts = _CODE_SPAN.split(text)
    escaped = [
        f"`{part}`" if index % 2 else _MARKDOWN_SPECIALS.sub(r"\\\1", _escape_text(part))
        for index, part in enumerate(parts)
    ]
    return Markup("".join(escaped))


def _escape_text(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities. Quotes stay: they are harmless in text, and an
    entity in a heading is escaped a second time in the table of contents."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heading_anchors(text: str) -> list[str]:
    """The ids a heading's text is linked by: as GitHub writes them, where records are
    read and their tables of contents written (``#gep-0030-rework-the-proxy``; `` - ``
    is three hyphens), and as MkDocs' table of contents does (one hyphen), when that
    differs. Lower case, punctuation left out, a hyphen per space."""
    words = text.strip().lower()
    github = re.sub(r"[^\w\- ]", "", words).replace(" ", "-")
    ascii_words = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    mkdocs = re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_words).strip().lower())
    return [anchor for anchor in dict.fromkeys((github, mkdocs)) if anchor.strip("-")]


def inline_html(value: object) -> Markup:
    """A value as HTML text: everything escaped, then `code spans` shown as code."""
    escaped = str(escape(" ".join(str(value).split())))
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", escaped))


def file_token(value: object) -> str:
    """A file name for a generated file of one record or picture: readable, and unique
    (``use-x.md`` and ``use_x.md`` reduce to the same words, so a digest follows)."""
    digest = hashlib.blake2b(str(value).encode("utf-8"), digest_size=4).hexdigest()
    return f"{css_token(value)[:80]}-{digest}"


def css_token(value: object) -> str:
    """A value reduced to a safe CSS class fragment."""
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "unknown"


def web_link(value: object) -> str:
    """An http(s) URL made safe to use as a link target; "" for anything else (a
    relative link too: a value from a record's metadata names a page by its URL)."""
    url = str(value).strip()
    if link_problem(url) is not None or urlsplit(url).scheme.lower() not in WEB_SCHEMES:
        return ""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
