"""JSON Schemas of each kind's front matter, for editors (yaml-language-server).

Generated from the same kind specifications the checks use, so the schema and
the validator cannot drift: a test validates every fixture with both and
compares. The schemas of the built-in settings are shipped in the package
(``schemas/*.schema.json``, regenerated with
``python -m mkdocs_decisions.site.schemas plugin/mkdocs_decisions/site/schemas``); the
plugin publishes each site's own (with its configured statuses and categories)
under ``assets/decisions/schemas/``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from ..records import kinds as types
from ..records.kinds import (
    FOREIGN_KEYS,
    ITEM_KEYS,
    OBJECTIVE_LISTS,
    PAGE_KEYS,
    KindSpec,
    default_kinds,
)
from ..trace.measurements import DATE_PATTERN, is_measured
from ..trace.targets import VALUE_PATTERN

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SHIPPED = Path(__file__).parent / "schemas"

_SCALAR = {"type": ["string", "number"]}
_NAME = {"type": ["string", "integer"]}
_NAMES = {"anyOf": [_NAME, {"type": "array", "items": _NAME}, {"type": "null"}]}
_DATE = {
    "anyOf": [
        {"type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}(?:[Tt ][0-9:.+\-Zz ]*)?\s*$"},
        {"type": "null"},
    ],
    "description": "YYYY-MM-DD",
}
_ID = {
    "anyOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 1},
        {"type": "null"},
    ]
}
_TEXT = {"type": ["string", "number"], "pattern": r"\S"}  # not empty
_MEASUREMENT = {
    "type": "object",
    "properties": {
        "date": {"type": "string", "pattern": DATE_PATTERN, "description": "YYYY-MM-DD"},
        "value": {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": VALUE_PATTERN}],
            "description": "A number, or a number and its unit: 11.4, 45 minutes, 99.7 %",
        },
        "source": {"type": ["string", "null"], "description": "A link to the run"},
        "note": {"anyOf": [_SCALAR, {"type": "null"}]},
    },
    "required": ["date", "value"],
    "additionalProperties": False,
}
_DEVIATION = {
    "type": "object",
    "properties": {"standard": _TEXT, "reason": _TEXT},
    "required": ["standard", "reason"],
    "additionalProperties": False,
}


def front_matter_schema(kind: KindSpec) -> dict[str, Any]:
    """The JSON Schema of a record's front matter for ``kind``."""
    properties: dict[str, Any] = {}
    for key, value_type in kind.fields.items():
        properties[key] = _property(key, value_type, kind)
    for foreign, ours in FOREIGN_KEYS.items():
        if ours in kind.fields:
            properties[foreign] = {**_property(ours, kind.fields[ours], kind), "deprecated": True}
    for key in sorted(PAGE_KEYS):
        properties.setdefault(key, {})
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"mkdocs-decisions front matter, kind {kind.name} ({kind.noun})",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def _property(key: str, value_type: str, kind: KindSpec) -> dict[str, Any]:
    if key == "status":
        return {
            "anyOf": [{"type": "string", "pattern": _status_pattern(kind)}, {"type": "null"}],
            "description": "One of: " + ", ".join(kind.statuses),
        }
    if key == "kind":
        return {"type": "string", "pattern": _words_pattern(list(default_kinds()))}
    if key == "category" and kind.categories:
        return {
            "anyOf": [
                {"type": "string", "pattern": _words_pattern(list(kind.categories))},
                {"type": "null"},
            ],
            "description": "One of: " + ", ".join(kind.categories),
        }
    if value_type == types.TEXT:
        return {"anyOf": [_SCALAR, {"type": "null"}]}
    if value_type == types.DATE:
        return dict(_DATE)
    if value_type in (types.NAMES, types.IDS):
        return dict(_NAMES)
    if value_type == types.ID:
        return dict(_ID)
    if value_type == types.URL:
        return {"type": ["string", "null"]}
    if value_type == types.BOOL:
        return {"type": ["boolean", "null"]}
    if value_type == types.DEVIATIONS:
        return {
            "anyOf": [
                _DEVIATION,
                {"type": "array", "items": _DEVIATION},
                {"type": "null"},
            ]
        }
    if value_type == types.WAIVERS:
        rule = {"type": "string", "pattern": "^[Dd][Ee][Cc][0-9]{3}$"}
        entry = {
            "type": "object",
            "properties": {"rule": rule, "reason": {"type": "string", "minLength": 1}},
            "required": ["rule", "reason"],
            "additionalProperties": False,
        }
        return {
            "description": "Rules this record switches off for itself, each with a reason.",
            "anyOf": [
                {"type": "array", "items": entry},
                {
                    "type": "object",
                    "propertyNames": rule,
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
                {"type": "null"},
            ],
        }
    if value_type == types.ITEMS:
        spec = next(spec for spec in OBJECTIVE_LISTS if spec.key == key)
        item_properties: dict[str, Any] = {
            name: _SCALAR for name in ITEM_KEYS if name != "measurements"
        }
        if is_measured(spec):
            item_properties["measurements"] = {
                "anyOf": [{"type": "array", "items": _MEASUREMENT}, {"type": "null"}],
                "description": "Measured values, each with its date (decisions measure)",
            }
        for name in ("id", "title", *spec.required):
            item_properties[name] = _TEXT
        item_properties["negotiable"] = {"type": "boolean"}
        item_properties["serves"] = {
            "anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}, {"type": "null"}]
        }
        required = ["id", "title", *spec.required]
        return {
            "anyOf": [
                {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": item_properties,
                        "required": required,
                        "additionalProperties": False,
                    },
                },
                {"type": "null"},
            ]
        }
    return {}


def _status_pattern(kind: KindSpec) -> str:
    words = sorted({*kind.statuses, *kind.aliases}, key=lambda word: (-len(word), word))
    alternatives = [_case_free(word) for word in words]
    if "superseded" in kind.statuses:
        alternatives.append(_case_free("superseded by") + r"\s.*")
    return r"^\s*(?:" + "|".join(alternatives) + r")\s*$"


def _words_pattern(words: list[str]) -> str:
    return r"^\s*(?:" + "|".join(_case_free(word) for word in words) + r")\s*$"


def _case_free(word: str) -> str:
    """A regular expression for ``word`` in any case, any run of spaces between its words
    (JSON Schema patterns have no case-insensitive flag)."""
    parts = []
    for char in word:
        if char.isalpha():
            parts.append(f"[{char.lower()}{char.upper()}]")
        elif char == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def write_schemas(folder: Path, kinds: dict[str, KindSpec] | None = None) -> list[Path]:
    """Write one ``<kind>.schema.json`` per kind into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in (kinds or default_kinds()).values():
        path = folder / f"{kind.name}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def schema_text(kind: KindSpec) -> str:
    return json.dumps(front_matter_schema(kind), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for written in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else SHIPPED):
        print(written)
