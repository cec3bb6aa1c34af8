"""Text from records and from git, made safe to show: characters that XML 1.0 does not
allow (control characters such as terminal escapes) replaced, and e-mail addresses
taken out of people's names.

Pages, pictures, the feed and the exports all show names and titles; cleaning them
once, where they are read, keeps every output safe (STD-PRIV-001, STD-SEC-001).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# What XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
# surrogates, U+FFFE and U+FFFF), plus DEL and the C1 controls, which terminals obey.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ADDRESS = re.compile(r"[^\s<>()\[\]@,;:\"']+@[^\s<>()\[\]@,;:\"']+")
_BRACKETED = re.compile(r"\s*[<(\[]\s*[^\s<>()\[\]]*@[^\s<>()\[\]]*\s*[>)\]]")


def without_control_characters(text: str) -> str:
    """``text`` with every character XML 1.0 forbids (and DEL, C1) replaced by U+FFFD."""
    return _CONTROL.sub(REPLACEMENT, text)


def has_control_characters(text: str) -> bool:
    return _CONTROL.search(text) is not None


def without_email(name: str) -> str:
    """A person's name without any e-mail address in it: ``Ana <ana@x.org>`` is ``Ana``;
    a name that is only an address keeps its part before the ``@``."""
    text = _BRACKETED.sub("", name)
    text = _ADDRESS.sub(lambda match: match[0].split("@", 1)[0], text)
    return " ".join(text.split())


def clean_name(name: str) -> str:
    """A name as every output shows it: no address, no control characters."""
    return without_control_characters(without_email(name)) or "unknown"
