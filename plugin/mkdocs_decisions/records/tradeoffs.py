"""The trade-offs a record writes down, read from its sections: the considered options,
the option chosen, pros and cons, and negative consequences. Shared by the checks
(DEC3xx) and anything that shows them."""

from __future__ import annotations

import re

from .body import plain_text
from .model import ListItem, Section

PRO = re.compile(r"^(good|pro|pros|positive|advantage|\+)\b", re.IGNORECASE)
CON = re.compile(
    r"^(bad|con|cons|negative|disadvantage|drawback|downside|risk|cost)\b", re.IGNORECASE
)
NEGATIVE_HEADINGS = (
    "negative consequences",
    "negative",
    "bad",
    "cons",
    "drawbacks",
    "downsides",
    "risks",
)
# Straight and typographic quotes (written as escapes: U+2018/2019 and U+201C/201D).
CHOSEN_QUOTED = re.compile(
    "chosen option\\s*:?\\s*[\"'\u2018\u201c]([^\"'\u2019\u201d\\n]+)", re.IGNORECASE
)
CHOSEN_BARE = re.compile(r"chosen option\s*:?\s*([^,\n]+)", re.IGNORECASE)


def find_section(sections: list[Section], aliases: tuple[str, ...]) -> Section | None:
    return next((section for section in sections if section.key in aliases), None)


def all_items(section: Section) -> list[ListItem]:
    items: list[ListItem] = list(section.items)
    for child in section.children:
        items.extend(all_items(child))
    return items


def option_titles(section: Section) -> list[str]:
    """The options of a section: its top-level list items (as plain text, links reduced
    to their words), or else its subsection titles."""
    if section.items:
        return [plain_text(item.text) for item in section.items]
    return [child.title for child in section.children]


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", plain_text(text).lower()).split())


def chosen_option(outcome: Section, options: list[str]) -> str | None:
    """The option the outcome names: ``Chosen option: "X"``, else any option it mentions."""
    text = plain_text(outcome.full_text)
    match = CHOSEN_QUOTED.search(text) or CHOSEN_BARE.search(text)
    candidates = [_key(match.group(1))] if match else []
    keyed = {_key(option): option for option in options if _key(option)}
    for candidate in candidates:
        for key, option in keyed.items():
            if candidate and (key in candidate or candidate in key):
                return option
    whole = _key(text)
    for key, option in sorted(keyed.items(), key=lambda pair: -len(pair[0])):
        if re.search(rf"\b{re.escape(key)}\b", whole):
            return option
    return None


def has_negative_consequence(section: Section) -> bool:
    if section.key in NEGATIVE_HEADINGS and not section.is_empty:
        return True
    for child in section.children:
        if child.key in NEGATIVE_HEADINGS and not child.is_empty:
            return True
    for line in section.full_text.split("\n"):
        text = plain_text(line.strip().lstrip("*-+ ").strip())
        if CON.match(text):
            return True
    return False
