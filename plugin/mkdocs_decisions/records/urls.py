"""Which addresses from records may become links: web addresses (``http``, ``https``)
and relative links inside the site. Everything else (``javascript:``, ``data:``,
``vbscript:``, ``file:``, protocol-relative ``//host``) is never linked, and a URL
field that holds one is a DEC602 finding. The site and the checks ask the same
function, so what is reported is exactly what is not linked."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# Control characters and spaces inside a scheme are ignored by browsers
# (`java\tscript:`): they are removed before the scheme is read.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def link_problem(url: str) -> str | None:
    """Why ``url`` may not be linked, or None when it may."""
    text = url.strip()
    if not text:
        return "it is empty"
    squeezed = _IGNORED_IN_SCHEME.sub("", text)
    if squeezed.startswith(("//", "\\\\")):
        return "it leaves the site without saying how (`//host`): write `https://host`"
    try:
        scheme = urlsplit(squeezed).scheme.lower()
    except ValueError:
        return "it is not a valid address"
    if not scheme:
        return None  # a relative link inside the site
    if scheme in WEB_SCHEMES:
        return None
    return f"its scheme `{scheme}:` is not http or https"


def is_safe_link(url: str) -> bool:
    return link_problem(url) is None
