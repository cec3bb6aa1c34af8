"""The Jinja environment every generated page and file is rendered with (autoescaping on,
undefined values an error, the filters that escape values from records), and where the
templates and assets this folder ships are."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from .markup import css_token, inline_html, markdown_text, web_link

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"  # CSS and JavaScript that every site gets


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


@lru_cache(maxsize=1)  # templates compile once per process, not once per build
def template_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        # Compiled templates are kept in a per-user temporary folder, keyed by their
        # source, so a build does not compile them again (about 0.1 s per build).
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_text
    environment.filters["css"] = css_token
    environment.filters["text"] = inline_html
    environment.filters["split_words"] = lambda text: sorted(set(str(text).split()))
    environment.filters["web_link"] = web_link
    return environment
