"""A collection's own template file: the sections it asks its records to have.

Teams keep a template beside their records (``adr-template.md``, ``0000-template.md``,
``designs/template.md``). Its headings say what the team's records contain better than
any format this tool knows: Bazel's design template has no Alternatives, MADR 3 marks
Consequences "an optional element". The template is read for its headings only, once,
and never becomes a record or a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .body import scan_body
from .frontmatter import split_front_matter
from .kinds import FOREIGN_KEYS, KindSpec, section_names
from .metadata import LABELS
from .model import Field, Section, flatten_sections
from .titles import title_key

# How templates mark a heading optional: MADR 2 on the heading line
# (``## Decision Drivers <!-- optional -->``), MADR 3 and 4 on the line before
# (``<!-- This is an optional element. Feel free to remove. -->``), others in words
# after the heading (``## Validation (optional)``) or on the first line below it.
_OPTIONAL = re.compile(
    r"<!--[^>]*\boptional\b|[(\[]\s*(?:optional|if\s+(?:applicable|any|needed|relevant))"
    r"\s*[)\]]|^\s*_?\(?optional\b",
    re.I,
)
# A placeholder that makes the section conditional: "[If this is a specification, write
# something here.]", "[Maybe this was just an architectural decision...]".
_CONDITIONAL = re.compile(
    r"^[\s\[({<_*>-]*(?:if\b|maybe\b|when\s+(?:relevant|applicable|needed)|where\s+applicable|"
    r"optional(?:ly)?\b)",
    re.I,
)
# A metadata line of a template: ``- Status: [proposed | ...] <!-- optional -->``,
# ``* **Deciders:** ...``, ``| Date | ...``, or a front-matter key, commented out or not
# (MADR's template under Jekyll writes ``# status: ...``).
_LABEL = re.compile(r"^\s*(?:[-*+]\s+|\|\s*|#\s*)?[*_]*([A-Za-z][\w -]{0,30}?)[*_]*\s*[:|]")


@dataclass(frozen=True)
class TemplateOutline:
    """The headings of one template file, with those it marks optional."""

    path: str  # as shown in findings, relative to the project root
    kind: str
    group: str  # the sub-folder of the kind's folder whose records it is for; "" for all
    sections: tuple[Section, ...]  # every heading below the title, depth first
    optional: frozenset[str]  # keys of the headings it marks optional
    optional_fields: frozenset[str] = frozenset()  # our field names it marks optional
    # Its own titles, as :func:`title_key` writes them: a record that kept one of them
    # ("Neat Enhancement Idea") was not given a title of its own.
    titles: frozenset[str] = frozenset()
    # The document types its ``type:`` offers, as :func:`stated_types` reads them
    # (SCS's decision-record template: "decision record"; Decentraland's ``type:
    # Standards Track | Meta | RFC``: three); empty when it states none.
    types: frozenset[str] = frozenset()

    def covers(self, kind: str, group: str) -> bool:
        """Whether a record of ``kind`` in sub-folder ``group`` is written from it."""
        if kind != self.kind:
            return False
        return not self.group or group == self.group or group.startswith(self.group + "/")


def stated_types(fields: dict[str, Field]) -> frozenset[str]:
    """The document types a front matter's ``type:`` names (``type: Standard``), lower
    case; a template's choices (``Standards Track | Meta | RFC``) are one each. Read
    from the value, not its comment: ``type: Standard  # | Procedural`` is a standard."""
    found = next((field for key, field in fields.items() if key.lower() == "type"), None)
    value = found.value if found is not None else None
    written = value if isinstance(value, list) else [value]
    return frozenset(
        " ".join(choice.lower().split())
        for item in written
        if isinstance(item, str)
        for choice in item.split("|")
        if choice.strip()
    )


def of_type(templates: list[TemplateOutline], types: frozenset[str]) -> list[TemplateOutline]:
    """The templates a record that states ``types`` is written from: those that offer one
    of them, or state no type. A record that states none may follow any."""
    if not types:
        return templates
    return [template for template in templates if not template.types or template.types & types]


def read_template(
    text: str, path: str, kind: KindSpec, kinds: dict[str, KindSpec], group: str
) -> TemplateOutline:
    """The outline of a template file's text; a template that cannot be read has none."""
    lines = text.replace("\r\n", "\n").split("\n")
    front = split_front_matter(lines, path)
    body = lines[front.body_start :]
    # A template whose front matter has a title has none in its body: its first heading,
    # of level 2, is a section (`## Context, Reach & Scope`), as it is in a record.
    titled = any(key.lower() == "title" for key in front.fields)
    structure = scan_body(body, front.body_start + 1, section_names(kinds), titled)
    sections = tuple(flatten_sections(structure.sections))
    every_one = _ALL_OPTIONAL.search(text) is not None
    optional = frozenset(
        section.key
        for section in sections
        if every_one
        or _marked_optional(lines, section.line - 1)
        or _CONDITIONAL.match(_first_words(section))
    )
    # A template that marks the sections it requires (Gateway API's GEPs: a
    # `[required_in]: # (Provisional status and above)` line below the heading) leaves
    # the others to the author.
    marked = {section.key for section in sections if _marked_required(lines, section.line - 1)}
    if marked:
        optional = optional | {section.key for section in sections if section.key not in marked}
    fields = _optional_fields(lines, front.body_start if front.present else 0)
    if not _STATUS_WORDS.search(text):
        # A template with no place for a status at all (no key, label or section): its
        # records do not write one, and are not asked to (Geonovum's).
        fields = fields | {"status"}
    declared = front.fields.get("title")
    written = [structure.title or "", str(declared.value) if declared is not None else ""]
    titles = frozenset(title_key(title) for title in written if title_key(title))
    types = stated_types(front.fields)
    return TemplateOutline(path, kind.name, group, sections, optional, fields, titles, types)


# The words that give a template a place for the status: our labels for it, in every
# language they are read in, and the key.
_STATUS_WORDS = re.compile(
    "|".join(
        rf"(?<!\w){re.escape(label)}(?!\w)"
        for label in sorted({*(k for k, v in LABELS.items() if v == "status"), "status"})
        # "# Implementation" is a section on how, in a template; a status only where a
        # record writes how far it got ("* **Implementation:** Partially implemented")
        if label != "implementation"
    )
    + r"|(?<!\w)(?:statut|estado|stato|état|状态|狀態|状態|ステータス|상태)(?!\w)",
    re.IGNORECASE,
)
# A template that leaves every section to the author (RisingWave: "Please feel free to
# add or remove sections."): its headings are suggestions, none is asked for.
_ALL_OPTIONAL = re.compile(
    r"\b(?:add or remove|remove or add|add, remove|remove,? or rename)\s+(?:any\s+)?sections\b"
    r"|\ball\s+(?:of\s+the\s+)?sections\s+are\s+optional\b"
    r"|\bsections\s+are\s+(?:all\s+)?optional\b"
    # Flax's FLIPs: "(Below sections are just a possible structure - please adapt ...)"
    r"|\bsections\s+are\s+(?:just|only|merely)\s+an?\s+(?:possible|suggested|example)\s+"
    r"(?:structure|outline)\b",
    re.IGNORECASE,
)


def _first_words(section: Section) -> str:
    """The first line of text the template writes under a heading."""
    return next((line for line in section.body.split("\n") if line.strip()), "")


def covering(templates: list[TemplateOutline], kind: str, group: str) -> list[TemplateOutline]:
    """The templates a record of ``kind`` in sub-folder ``group`` is written from: those
    of the nearest folder that has any (a sub-folder's own over the kind's)."""
    found = [template for template in templates if template.covers(kind, group)]
    nearest = max((len(template.group) for template in found), default=0)
    return [template for template in found if len(template.group) == nearest]


def _optional_fields(lines: list[str], front_end: int) -> frozenset[str]:
    """Our names of the metadata a template marks optional: front-matter keys after a
    comment that says so (MADR 3 and 4: ``# These are optional elements. Feel free to
    remove any of them.``) or with ``# optional`` after them, and body metadata lines
    with ``<!-- optional -->`` (MADR 2: ``- Deciders: [...] <!-- optional -->``)."""
    names: set[str] = set()
    after_note = False
    for index, line in enumerate(lines):
        in_front = 0 < index < front_end - 1
        comment = in_front and line.lstrip().startswith("#") and "optional" in line.lower()
        if comment and (not _LABEL.match(line) or " " in line.split(":", 1)[0].strip("# ")):
            after_note = True  # a comment that says what follows is optional
            continue
        label = _LABEL.match(line)
        if label is None:
            continue
        if (in_front and after_note) or (_OPTIONAL.search(line) and "optional" in line.lower()):
            names.add(_field_name(label.group(1)))
    return frozenset(names)


def _field_name(label: str) -> str:
    """Our name for a label or key as a template writes it (``decision-makers``,
    ``Deciders``, ``Date``)."""
    key = label.strip().lower()
    spoken = " ".join(key.replace("_", " ").replace("-", " ").split())
    return FOREIGN_KEYS.get(key) or LABELS.get(spoken) or spoken


_REQUIRED = re.compile(
    r"^\s*\[required[\w-]*\]:\s*#|<!--\s*(?:this\s+section\s+is\s+)?required\b|"
    r"^\s*[_*(]+\s*required\b",
    re.IGNORECASE,
)


def _marked_required(lines: list[str], index: int) -> bool:
    """Whether the heading on ``lines[index]`` is marked required, on its own line or on
    the first non-blank line below it."""
    if not 0 <= index < len(lines):
        return False
    below = next((line for line in lines[index + 1 :] if line.strip()), "")
    return bool(re.search(r"\(required\)", lines[index], re.I) or _REQUIRED.search(below))


def _marked_optional(lines: list[str], index: int) -> bool:
    """Whether the heading on ``lines[index]`` is marked optional: on its own line, on
    the line right above it (a comment further up, after a blank line, is the text of
    the section before), or on the first non-blank line below it."""
    if not 0 <= index < len(lines):
        return False
    if _OPTIONAL.search(lines[index]):
        return True
    above = lines[index - 1] if index else ""
    below = next((line for line in lines[index + 1 :] if line.strip()), "")
    return bool(
        (above.lstrip().startswith("<!--") and _OPTIONAL.search(above))
        or (below.lstrip().startswith(("<!--", "_(", "*(", "(")) and _OPTIONAL.search(below))
    )
