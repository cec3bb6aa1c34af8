"""The plugin's configuration, read from a plain mapping (the ``decisions`` entry of mkdocs.yml).

Both adapters use this: the MkDocs plugin hands over its options, the CLI reads
them from mkdocs.yml itself. Bad settings raise :class:`SettingsError` with a
message that names the option.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from typing import Any

from ..catalogue.findings import Severity
from ..catalogue.rules import RULES
from ..records.body import section_key
from ..records.kinds import KindSpec, SectionSpec, default_kinds

OPTIONS = (
    "kinds",
    "rules",
    "fail_on",
    "add_to_nav",
    "index",
    "history",
    "require_history",
    "commit_url",
    "neighbourhoods",
    "tags",
    "page_keys",
    "date_tolerance",
    "today",
    "page_limit",
    "graph_limit",
    "cache",
)
# Below these a site is drawn as it always was; above, lists and the graph are split
# (docs/site.md, ADR-0026). The smallest values keep a split page worth opening.
PAGE_LIMIT = 1000
GRAPH_LIMIT = 250
MIN_LIMIT = 10
KIND_OPTIONS = (
    "enabled",
    "folder",
    "statuses",
    "transitions",
    "aliases",
    "exclude",
    "categories",
    "sections",
    "default_status",
    "label",
)


class SettingsError(ValueError):
    """A configuration value that cannot be used; the message names the option."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults of the design."""

    kinds: dict[str, KindSpec] = field(default_factory=default_kinds)
    severities: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    add_to_nav: bool = True
    index: str = "decisions/index.md"
    history: bool = True  # read dates, authors and status changes from git
    require_history: bool = False  # missing or shallow history stops the build
    commit_url: str = ""  # e.g. https://github.com/o/r/commit/{sha}; "" = from repo_url
    neighbourhoods: bool = True  # a picture of its links on every record page
    tags: bool = False  # status, kind and tags as page tags for Material's tags plugin
    # The day review dates are due against: today, unless fixed for reproducible builds
    # (the `today` option, or the DECISIONS_TODAY environment variable).
    today: dt.date = field(default_factory=dt.date.today)
    # The most rows (records, status changes) on one index or timeline page, and the most
    # nodes on one graph page; longer lists get a page per year (then month).
    page_limit: int = PAGE_LIMIT
    graph_limit: int = GRAPH_LIMIT  # the most nodes in one picture of the graph page
    cache: bool = True  # keep parsed records between runs (corpus/parse_store.py)

    def severity(self, rule_id: str) -> Severity:
        return self.severities.get(rule_id, RULES[rule_id].severity)


def settings_from_options(options: dict[str, Any] | None) -> Settings:
    """Validate the plugin's options and merge them over the defaults."""
    options = dict(options or {})
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise SettingsError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(OPTIONS)}")
    kinds = default_kinds()
    configured = options.get("kinds") or {}
    if not isinstance(configured, dict):
        raise SettingsError("kinds: expected a mapping of kind name to its options")
    for name, overrides in configured.items():
        if name not in kinds:
            raise SettingsError(f"kinds: unknown kind `{name}`; known: {', '.join(kinds)}")
        if not isinstance(overrides or {}, dict):
            raise SettingsError(f"kinds: {name}: expected a mapping of options")
        enabled = (overrides or {}).get("enabled", True)
        if not isinstance(enabled, bool):
            raise SettingsError(f"kinds: {name}: enabled: expected true or false")
        if not enabled:
            del kinds[name]
            continue
        kinds[name] = _kind_with(kinds[name], overrides or {})
    _check_folders(kinds)
    page_keys = options.get("page_keys") or []
    if not isinstance(page_keys, list) or not all(isinstance(k, str) for k in page_keys):
        raise SettingsError("page_keys: expected a list of front-matter keys")
    tolerance = options.get("date_tolerance", 60)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance < 0:
        raise SettingsError("date_tolerance: expected a number of days (0 or more)")
    for name, kind in kinds.items():
        kinds[name] = dataclasses.replace(
            # matched in any case, as keys are (`Plan to implement` is `Plan to Implement`)
            kind,
            page_keys=frozenset(key.casefold() for key in page_keys),
            date_tolerance=tolerance,
        )
    severities: dict[str, Severity] = {}
    rules = options.get("rules") or {}
    if not isinstance(rules, dict):
        raise SettingsError("rules: expected a mapping of rule id to severity")
    for rule_id, level in rules.items():
        if str(rule_id).upper() not in RULES:
            raise SettingsError(f"rules: unknown rule `{rule_id}`")
        severities[str(rule_id).upper()] = _severity(f"rules: {rule_id}", level)
    fail_on = _severity("fail_on", options.get("fail_on", "error"))
    if fail_on is Severity.OFF:
        raise SettingsError("fail_on: expected error, warning or info")
    add_to_nav = options.get("add_to_nav", True)
    if not isinstance(add_to_nav, bool):
        raise SettingsError("add_to_nav: expected true or false")
    index = str(options.get("index", "decisions/index.md"))
    if not index.endswith(".md"):
        raise SettingsError("index: expected a Markdown path such as decisions/index.md")
    flags = {}
    for name in ("history", "require_history", "neighbourhoods", "tags", "cache"):
        value = options.get(name, name not in ("require_history", "tags"))
        if not isinstance(value, bool):
            raise SettingsError(f"{name}: expected true or false")
        flags[name] = value
    limits = {}
    for name, default in (("page_limit", PAGE_LIMIT), ("graph_limit", GRAPH_LIMIT)):
        value = options.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < MIN_LIMIT:
            raise SettingsError(f"{name}: expected a whole number of at least {MIN_LIMIT}")
        limits[name] = value
    commit_url = str(options.get("commit_url") or "")
    if commit_url and "{sha}" not in commit_url:
        raise SettingsError("commit_url: expected a URL containing {sha}")
    return Settings(
        kinds,
        severities,
        fail_on,
        add_to_nav,
        index,
        commit_url=commit_url,
        today=_today(options.get("today")),
        **flags,
        page_limit=limits["page_limit"],
        graph_limit=limits["graph_limit"],
    )


def _today(value: Any) -> dt.date:
    """The ``today`` option, else ``DECISIONS_TODAY``, else the real day."""
    source = "today"
    if value in (None, ""):
        value = os.environ.get("DECISIONS_TODAY") or None
        source = "DECISIONS_TODAY"
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SettingsError(
            f"{source}: expected a date written as YYYY-MM-DD, not {value!r}"
        ) from None


def _check_folders(kinds: dict[str, KindSpec]) -> None:
    """Two kinds cannot read the same folder. (A folder inside another kind's folder is
    fine: its files belong to the inner kind only.)"""
    seen: dict[str, str] = {}
    for kind in kinds.values():
        if kind.folder in seen:
            raise SettingsError(
                f"kinds: {kind.name}: folder `{kind.folder}` is also the folder of "
                f"{seen[kind.folder]}; give each kind its own folder"
            )
        seen[kind.folder] = kind.name


def _severity(option: str, value: Any) -> Severity:
    if value is False:  # YAML reads a bare `off` as false
        return Severity.OFF
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise SettingsError(
            f"{option}: `{value}` is not a severity (error, warning, info, off)"
        ) from None


def _kind_with(kind: KindSpec, overrides: dict[str, Any]) -> KindSpec:
    unknown = sorted(set(overrides) - set(KIND_OPTIONS))
    if unknown:
        raise SettingsError(
            f"kinds: {kind.name}: unknown option(s) {', '.join(unknown)}; "
            f"known: {', '.join(KIND_OPTIONS)}"
        )
    changes: dict[str, Any] = {}
    overrides = {key: value for key, value in overrides.items() if key != "enabled"}
    if "folder" in overrides:
        written = str(overrides["folder"]).strip()
        folder = posixpath.normpath(written.rstrip("/") or written or "/")
        # "." is the project root: records kept at the top of the repository, read
        # without its README, docs and other folders (records/discovery.py).
        if folder.startswith("/"):
            raise SettingsError(
                f"kinds: {kind.name}: folder: expected a folder relative to mkdocs.yml "
                '(`"."` for records at the top of the project)'
            )
        changes["folder"] = folder
    statuses = kind.statuses
    if "statuses" in overrides:
        statuses = tuple(str(s).lower() for s in _list(kind, "statuses", overrides["statuses"]))
        changes["statuses"] = statuses
    if "transitions" in overrides:
        transitions = overrides["transitions"]
        if not isinstance(transitions, dict):
            raise SettingsError(f"kinds: {kind.name}: transitions: expected a mapping")
        changes["transitions"] = {
            str(old).lower(): tuple(str(new).lower() for new in _list(kind, "transitions", news))
            for old, news in transitions.items()
        }
    if "aliases" in overrides:
        # `aliases:` with only commented entries below it (as `decisions init` writes
        # the words it cannot guess) is an empty mapping.
        aliases = {} if overrides["aliases"] is None else overrides["aliases"]
        if not isinstance(aliases, dict):
            raise SettingsError(f"kinds: {kind.name}: aliases: expected a mapping")
        for word, status in aliases.items():
            if "|" in str(status):  # `decisions init`'s choice, uncommented as written
                raise SettingsError(
                    f"kinds: {kind.name}: aliases: `{word}` maps to the choice `{status}`: "
                    "keep the one status it means"
                )
            if str(status).lower() not in statuses:
                raise SettingsError(
                    f"kinds: {kind.name}: aliases: `{word}` maps to unknown status `{status}`"
                )
        # Added to the defaults (draft, approved), not replacing them.
        changes["aliases"] = {
            **{w: s for w, s in kind.aliases.items() if s in statuses},
            **{str(w).lower(): str(s).lower() for w, s in aliases.items()},
        }
    if "categories" in overrides:
        if kind.name != "standard":
            raise SettingsError(f"kinds: {kind.name}: categories: only standards have categories")
        changes["categories"] = tuple(
            str(c).strip().lower() for c in _list(kind, "categories", overrides["categories"])
        )
    if "statuses" in overrides:
        changes["final"] = tuple(s for s in kind.final if s in statuses)
    if "exclude" in overrides:
        changes["exclude"] = tuple(str(p) for p in _list(kind, "exclude", overrides["exclude"]))
    if "sections" in overrides:
        changes["sections"] = _sections_with(kind, overrides["sections"])
        changes["vocabulary_configured"] = True
    if "label" in overrides:
        label = overrides["label"]
        if not isinstance(label, str) or not label.strip():
            raise SettingsError(f"kinds: {kind.name}: label: expected a non-empty title")
        changes["label"] = label.strip()
    if overrides.get("default_status") is not None:
        default = kind.canonical_status(str(overrides["default_status"]))
        if default is None or (default not in statuses):
            raise SettingsError(
                f"kinds: {kind.name}: default_status: `{overrides['default_status']}` is not "
                f"a status of this kind ({', '.join(statuses)})"
            )
        changes["default_status"] = default
    return dataclasses.replace(kind, **changes)


def _sections_with(kind: KindSpec, vocabulary: Any) -> tuple[SectionSpec, ...]:
    """The kind's sections with a team's own headings added to their aliases:
    ``{Summary: [Executive Summary], Decision Outcome: [Proposal]}``."""
    if not isinstance(vocabulary, dict):
        raise SettingsError(
            f"kinds: {kind.name}: sections: expected a mapping of section name to headings"
        )
    by_name = {spec.name.lower(): spec for spec in kind.sections}
    added: dict[str, list[str]] = {}
    for name, headings in vocabulary.items():
        spec = by_name.get(str(name).strip().lower())
        if spec is None:
            known = ", ".join(spec.name for spec in kind.sections) or "none"
            raise SettingsError(
                f"kinds: {kind.name}: sections: unknown section `{name}`; known: {known}"
            )
        words = [headings] if isinstance(headings, str) else headings
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise SettingsError(
                f"kinds: {kind.name}: sections: {name}: expected a list of headings"
            )
        added[spec.name] = [section_key(word) for word in words]
    return tuple(
        dataclasses.replace(spec, aliases=(*spec.aliases, *added.get(spec.name, ())))
        for spec in kind.sections
    )


def _list(kind: KindSpec, option: str, value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value
    raise SettingsError(f"kinds: {kind.name}: {option}: expected a list")
