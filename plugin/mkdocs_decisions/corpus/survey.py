"""What a repository holds before the tool is set up in it: its record folders, the
format each is written in, the status words and headings its teams use, and the
configuration that would read them as they are (``decisions init``).

Folders are found where teams keep records (``doc/adr``, ``docs/decisions``,
``docs/architecture/decisions``, ``rfcs``, ``proposals``, ...), where Backstage's
``backstage.io/adr-location`` annotation points, and wherever several numbered or
dated Markdown files read like decision records, the top of the repository too
(``folder: "."``: dapr's proposals, Node's EPs). Every file is parsed with the same reader
as a build, once.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..records.discovery import RECORD_EXTENSIONS, discover, is_stage_folder, is_template
from ..records.kinds import KindSpec, default_kinds
from ..records.model import Record
from ..records.parse import METADATA_FILE
from .load import build_corpus
from .settings import settings_from_options

# Where teams keep records, most specific first: (folder, kind).
USUAL_FOLDERS = (
    ("docs/architecture/decisions", "adr"),
    ("doc/architecture/decisions", "adr"),
    ("architecture/decisions", "adr"),
    ("docs/adr", "adr"),
    ("docs/adrs", "adr"),
    ("doc/adr", "adr"),
    ("doc/adrs", "adr"),
    ("docs/decisions", "adr"),
    ("doc/decisions", "adr"),
    ("docs/decision-records", "adr"),
    ("src/adrs", "adr"),
    ("src/adr", "adr"),
    ("decisions", "adr"),
    ("adr", "adr"),
    ("adrs", "adr"),
    ("docs/rfcs", "rfc"),
    ("docs/rfc", "rfc"),
    ("rfcs", "rfc"),
    ("rfc", "rfc"),
    ("rfcs/text", "rfc"),
    ("text", "rfc"),
    ("proposals", "rfc"),
    ("docs/proposals", "rfc"),
    ("design", "rfc"),
    ("docs/design", "rfc"),
    ("enhancements", "rfc"),
    ("keps", "rfc"),
    ("docs/architecture-decision-records", "adr"),
    ("architecture-decision-records", "adr"),
    ("decision-records", "adr"),
)
# Folders never searched for records.
_IGNORED = {".git", "node_modules", ".venv", "venv", "site", "vendor", "target", "build", "dist"}
# A numbered name (0007-x.md, ADR-12-x.md) or one that starts with its date
# (20221025-P-proposal-process.md, as dapr and log4brains name records).
_NUMBERED = re.compile(r"^(?:[A-Za-z]{1,10}[-_]?){0,3}(?:\d{1,6}|(?:19|20)\d{6})[-_ .]")
ROOT = "."  # a kind's folder at the top of the repository
_RFC_HEADINGS = {
    *("summary", "motivation", "drawbacks", "unresolved questions", "abstract", "proposal"),
    *("problem", "problem statement", "rationale", "specification", "goals", "non-goals"),
}
_ADR_HEADINGS = {"context", "decision", "consequences", "considered options", "status"}
# Status words teams use, and what they mean in each kind's lifecycle.
_MEANINGS: dict[str, dict[str, str]] = {
    "adr": {
        "approved": "accepted",
        "agreed": "accepted",
        "implemented": "accepted",
        "partially implemented": "accepted",
        "done": "accepted",
        "completed": "accepted",  # decided and carried out, as done is
        "implementing": "accepted",  # decided, being carried out
        "final": "accepted",
        "active": "accepted",
        "living": "accepted",  # EIP-style: in force, and kept up to date
        "stagnant": "proposed",  # EIP-style: a draft left untouched for months
        "withdrawn": "rejected",  # given up by its authors: never taken
        "in review": "proposed",
        "review": "proposed",
        "reviewing": "proposed",
        "pending review": "proposed",
        "open": "proposed",
        "draft": "proposed",
        "wip": "proposed",
        "declined": "rejected",
        "refused": "rejected",
        "obsolete": "deprecated",
        "retired": "deprecated",
        "reverted": "deprecated",  # taken, then undone: it no longer applies
        "replaced": "superseded",
        "partly superseded": "superseded",
        "partially superseded": "superseded",
        "ratified": "accepted",
        "resolved": "accepted",
        "not planned": "rejected",
        "won't do": "rejected",
        "cancelled": "rejected",
        "canceled": "rejected",
        # Built, shipped: decided and carried out, as implemented is (ADRs have no
        # implemented: accepted).
        "built": "accepted",
        "shipped": "accepted",
        "released": "accepted",
        # A record written after the fact, about what is there: a decision in force.
        "documented existing implementation": "accepted",
        "documents existing implementation": "accepted",
        "existing implementation": "accepted",
        "work in progress": "proposed",  # as wip is
    },
    "rfc": {
        "approved": "accepted",
        "final": "accepted",
        "active": "accepted",
        "stable": "implemented",
        "released": "implemented",
        "recommended": "implemented",
        "partially implemented": "implemented",
        "in review": "review",
        "reviewing": "review",
        "active review": "review",
        "public discussion": "review",
        "design review": "review",
        "proposed": "review",
        "open": "review",
        "declined": "rejected",
        "returned for revision": "draft",
        "predraft": "draft",
        "pre-draft": "draft",
        "idea": "draft",
        "stagnant": "draft",  # EIPs: a draft left untouched for months
        "publish": "accepted",  # Joyent's RFDs: discussed and published
        "published": "accepted",
        "living": "accepted",
        "prototyped": "accepted",
        "experimental": "accepted",
        "ready for implementation": "accepted",
        "ready-for-release": "accepted",
        "expired": "withdrawn",
        "reverted": "withdrawn",
        "done": "implemented",
        "completed": "implemented",
        "implementing": "accepted",
        "decided": "accepted",
        "deprecated": "withdrawn",  # RFCs have no deprecated: no longer pursued
        "discontinued": "withdrawn",
        "ratified": "accepted",  # IPFS' IPIPs
        "activated": "implemented",  # Solana's SIMDs: live on the network
        "implementation": "accepted",  # EIP-style: agreed after review, being built
        "deployed": "implemented",
        "not planned": "withdrawn",
        "cancelled": "withdrawn",
        "canceled": "withdrawn",
        "deferred": "draft",  # paused, to be taken up again: not under review, not given up
        "postponed": "draft",
        "abandoned": "withdrawn",
        "built": "implemented",  # as released and shipped are
        # An ADR's `in progress` is proposed (a built-in alias): an RFC's is in review.
        "in progress": "review",
        "work in progress": "draft",
        # Written after the fact, about what is there: implemented, as the words say.
        "documented existing implementation": "implemented",
        "documents existing implementation": "implemented",
        "existing implementation": "implemented",
    },
}


def likely_status(kind: str, word: str) -> str | None:
    """The status of ``kind`` a team's own status word most likely means, when that is
    plain (``Ready for Implementation`` is accepted); None when the team must say."""
    return _MEANINGS.get(kind, {}).get(" ".join(word.lower().split()))


@dataclass
class FolderSurvey:
    """One folder of records as found: its kind, format and what its records use."""

    folder: str  # relative to the project root, posix
    kind: str
    records: list[Record] = field(default_factory=list)
    formats: Counter[str] = field(default_factory=Counter)
    unknown_statuses: Counter[str] = field(default_factory=Counter)
    headings: Counter[str] = field(default_factory=Counter)
    without_status: int = 0
    # Records that state no status, at the top of a folder whose sub-folders hold the
    # decided ones (`accepted/`): read as under discussion, by status.
    undecided_by_place: Counter[str] = field(default_factory=Counter)
    unknown_keys: Counter[str] = field(default_factory=Counter)
    source: str = ""  # why it was taken: "usual place", "Backstage", "numbered records"
    templates: list[str] = field(default_factory=list)  # its own template files
    # Where records that state no status, or the folder's README, say they are drafts or
    # proposals out for feedback: ``path: "the words"``, a few of them.
    undecided: list[str] = field(default_factory=list)
    # Why the kind reads this folder and not another of its kind that was found: the
    # other folder's README points here (an archive that names the current series), or
    # this one holds more records. "" when no other folder of the kind was found.
    chosen_because: str = ""

    @property
    def mostly_without_status(self) -> bool:
        """Whether three quarters of its records or more state no status."""
        return bool(self.records) and self.without_status >= 0.75 * len(self.records)

    @property
    def format(self) -> str:
        """The format most of its records are written in, in words."""
        if not self.formats:
            return "no records yet"
        name, count = self.formats.most_common(1)[0]
        share = "" if count == len(self.records) else f" ({count} of {len(self.records)})"
        return name + share

    def aliases(self) -> dict[str, str | None]:
        """Each status word the lifecycle does not know, and the status it most likely
        means (None: no guess; the team says)."""
        return {
            word: likely_status(self.kind, word) for word, _ in self.unknown_statuses.most_common()
        }


@dataclass
class Survey:
    """Every record folder of a repository."""

    root: Path
    folders: list[FolderSurvey]


def survey(root: Path, configured: dict[str, str] | None = None) -> Survey:
    """Find and read the record folders of the repository at ``root``; ``configured``
    (kind to folder, from an mkdocs.yml that names them) are read first."""
    candidates = _candidate_folders(root, configured or {})
    kinds = default_kinds()
    folders = []
    for folder, kind_name, source in candidates:
        found = _read_folder(root, folder, kinds, kind_name)
        if found.records:
            found.source = source
            folders.append(found)
    return Survey(root, _current_first(root, folders))


def _current_first(root: Path, folders: list[FolderSurvey]) -> list[FolderSurvey]:
    """The folders, each kind's current one first (a kind reads one folder): the one
    mkdocs.yml names; else the one another folder's README points to (an archive's
    "new records go in ../../adr/"); else the one with the most records. Not the first
    found: the usual places are tried most specific first, and a small archive may sit in
    a more usual place than the live series."""
    chosen: dict[str, FolderSurvey] = {}
    for kind in dict.fromkeys(folder.kind for folder in folders):
        same = [folder for folder in folders if folder.kind == kind]
        if len(same) < 2 or same[0].source == "mkdocs.yml":
            same[0].chosen_because = "mkdocs.yml names it" if len(same) > 1 else ""
            chosen[kind] = same[0]
            continue
        pointed = [
            (folder, other)
            for folder in same
            for other in same
            if other is not folder and _readme_points_to(root, other.folder, folder.folder)
        ]
        if pointed and all(folder is pointed[0][0] for folder, _ in pointed):
            best, other = pointed[0]
            best.chosen_because = f"the README of {other.folder}/ points to it"
        else:
            best = max(same, key=lambda folder: len(folder.records))  # the first of a tie
            best.chosen_because = "it holds the most records"
        chosen[kind] = best
    ordered: list[FolderSurvey] = []
    for folder in folders:
        first = chosen[folder.kind]
        if first not in ordered:
            ordered.append(first)
        if folder is not first:
            ordered.append(folder)
    return ordered


# A path in a README: a link's target, or a path in backticks (`../../adr/`, `docs/adr/`).
_README_PATH = re.compile(r"\]\(\s*<?([^)\s>]+)|`([^`\s]*/[^`\s]*)`")


def _readme_points_to(root: Path, folder: str, target: str) -> bool:
    """Whether the README (or index) of ``folder`` names ``target`` or a file in it, by
    a path from the README or from the top of the repository."""
    goal = os.path.realpath(root / target)
    for landing in ("README.md", "readme.md", "index.md"):
        page = root / folder / landing
        if not page.is_file():
            continue
        text = _head_of(page)
        for match in _README_PATH.finditer(text):
            path = (match[1] or match[2]).split("#", 1)[0]
            if not path or "://" in path:
                continue
            for base in (page.parent, root):
                real = os.path.realpath(base / path)
                if real == goal or real.startswith(goal + os.sep):
                    return True
        return False
    return False


def unread_folders(found: Survey) -> list[FolderSurvey]:
    """Folders of a kind whose current folder is another (a kind reads one folder)."""
    seen: set[str] = set()
    extra = []
    for folder in found.folders:
        if folder.kind in seen:
            extra.append(folder)
        seen.add(folder.kind)
    return extra


# A key as a person names one (`shortcutDepth`, `api-approvers`, `Feature Name`): never
# markup YAML happened to read as a key (`<!-- status`), which no page_keys entry fixes.
_KEY_NAME = re.compile(r"[A-Za-z_][\w.-]*(?: [A-Za-z_][\w.-]*){0,2}")


def proposed_options(found: Survey) -> dict[str, Any]:
    """The ``decisions`` plugin options that read the folders as they are."""
    kinds: dict[str, Any] = {}
    for folder in found.folders:
        if folder.kind in kinds:
            continue  # one folder per kind: the first, most specific, is taken
        options: dict[str, Any] = {"folder": folder.folder}
        aliases = {word: status for word, status in folder.aliases().items() if status}
        if aliases:
            options["aliases"] = aliases
        if folder.mostly_without_status and not folder.undecided:
            # Merged means accepted in most RFC processes that write no status; not where
            # the records say they are drafts (`decisions init` then leaves the choice).
            options["default_status"] = "accepted"
        kinds[folder.kind] = options
    proposed: dict[str, Any] = {"kinds": kinds} if kinds else {}
    keys = Counter[str]()
    for folder in found.folders:
        keys.update(folder.unknown_keys)
    # A key of another tool's (`shortcutDepth`, `contributors`), however few records use
    # it; one record's key that looks like a field of ours misspelt (`statsu`) stays out,
    # for DEC006 to say so.
    ours = {name for kind in default_kinds().values() for name in kind.fields}
    # Keys match in any case: `Plan to Implement` and `Plan to implement` are one key,
    # proposed as most records write it.
    spellings: dict[str, Counter[str]] = {}
    for key, count in keys.items():
        spellings.setdefault(key.casefold(), Counter())[key] += count
    common = []
    for written in spellings.values():
        key = written.most_common(1)[0][0]
        count = sum(written.values())
        if _KEY_NAME.fullmatch(key) and (
            count >= 2 or not difflib.get_close_matches(key.lower(), ours, n=1, cutoff=0.8)
        ):
            common.append(key)
    common.sort()
    if common:
        proposed["page_keys"] = common
    return proposed


def _candidate_folders(root: Path, configured: dict[str, str]) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    taken: set[str] = set()
    # Stage folders at the top (`Final/`, `Archive/Rejected/`) are read with the top
    # (`folder: "."`), not each as a folder of its own.
    stages = set(_stage_folders(root))

    def add(folder: str, kind: str, source: str) -> None:
        # A folder whose name and headings say neither (`accepted/2020/x.md`): RFCs, the
        # kind of document a collection of designs most often is.
        kind = kind or "rfc"
        real = os.path.realpath(root / folder)
        if source != "mkdocs.yml" and folder.split("/", 1)[0] in stages:
            return
        if folder and real not in taken and (root / folder).is_dir():
            inside = any(real.startswith(t + os.sep) or t.startswith(real + os.sep) for t in taken)
            if not inside or folder == ROOT:  # the top is read without the folders in it
                taken.add(real)
                found.append((folder, kind, source))

    for kind, folder in configured.items():
        if _has_records(root / folder):
            add(folder, kind, "mkdocs.yml")
    for folder in _backstage_locations(root):
        add(folder, "adr", "Backstage's backstage.io/adr-location")
    for folder, kind in USUAL_FOLDERS:
        if _has_records(root / folder):
            add(folder, kind, "usual place")
    for folder in _numbered_folders(root):
        add(folder, _guess_kind(root / folder), "numbered records")
    for folder in _named_folders(root):
        add(folder, _guess_kind(root / folder), "a folder named for records")
    kind = _kind_at_root(root)
    if kind:
        add(ROOT, kind, "numbered records at the top")
    return found


# A metadata line that states a status: `* Status: Accepted`, `| Status | REJECTED |`,
# `status: draft` in front matter, `**Status**: Draft`.
_STATUS_LINE = re.compile(r"^[\s>*_|-]*status[*_\s]*[:|]", re.IGNORECASE | re.MULTILINE)


# A line of tags that starts with a status, below a title: "`draft` `optional` `relay`".
_STATUS_TAGS = re.compile(
    r"^`(?:draft|proposed|accepted|final|active|rejected|withdrawn|deprecated|superseded)`"
    r"(?:[ \t]+`[^`\s]+`)*[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _kind_at_root(root: Path) -> str:
    """The kind of the records at the top of the repository (dapr's proposals, Node's
    EPs): at least three numbered or dated Markdown files that read like records, by
    their headings or, failing those, by the statuses most of them state (RFCs: a
    process that numbers proposals at the top); "" when the top holds none."""
    try:
        names = sorted(name for name in os.listdir(root) if _is_markdown(name))
    except OSError:
        return ""
    numbered = [name for name in names if _NUMBERED.match(name)]
    in_folders = _numbered_record_folders(root)
    stages = _stage_folders(root)
    if stages:  # PowerShell's `Final/`, `Archive/Rejected/`: stages of numbered records
        return _kind_of_series(root / stages[0]) or _guess_kind(root / stages[0]) or "rfc"
    if len(numbered) + len(in_folders) < 3:
        return ""
    kind = _guess_kind(root, numbered_only=True) if numbered else ""
    if kind:
        return kind
    if len(in_folders) >= 3:  # "spec-0001/index.md", "0012/README.md": proposals' folders
        return _guess_kind(root / in_folders[0]) or "rfc"
    stating = 0
    for name in numbered[:8]:
        text = _head_of(root / name)
        stating += bool(_STATUS_LINE.search(text) or _STATUS_TAGS.search(text))
    return "rfc" if 2 * stating > min(len(numbered), 8) else ""


def _stage_folders(root: Path) -> list[str]:
    """The folders at the top named by status words that hold numbered records
    (``Final/``, ``Draft-Accepted/``, ``Archive/``), when there are two or more: the
    stages of one collection, read from the top. One ``archive/`` alone is no such
    collection."""
    try:
        names = sorted(name for name in os.listdir(root) if (root / name).is_dir())
    except OSError:
        return []
    rfc = default_kinds()["rfc"]
    stages = [name for name in names if is_stage_folder(root / name, rfc)]
    return stages if len(stages) >= 2 else []


def _numbered_record_folders(directory: Path, subdirs: list[str] | None = None) -> list[str]:
    """The numbered folders of ``directory`` that hold one record each, as its README.md or
    index.md (Joyent's ``rfd/0012/README.md``, ``spec-0001/index.md``)."""
    if subdirs is None:
        try:
            subdirs = [d for d in os.listdir(directory) if (directory / d).is_dir()]
        except OSError:
            return []
    return sorted(
        name
        for name in subdirs
        if _NUMBERED_FOLDER_NAME.match(name)
        and any((directory / name / page).is_file() for page in ("README.md", "index.md"))
    )


# A folder named by its record's number: "0012", "spec-0001", "KEP-2214-x".
_NUMBERED_FOLDER_NAME = re.compile(r"^(?:[A-Za-z]{1,10}[-_]?)?\d{1,6}(?:[-_].*)?$")


def _backstage_locations(root: Path) -> list[str]:
    locations = []
    for name in ("catalog-info.yaml", "catalog-info.yml"):
        path = root / name
        if not path.is_file():
            continue
        try:
            documents = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, OSError, UnicodeDecodeError, ValueError, TypeError):
            continue  # ValueError: a value that only looks like a date (`2020-23-01`)
        for document in documents:
            metadata = document.get("metadata") if isinstance(document, dict) else None
            annotations = metadata.get("annotations") if isinstance(metadata, dict) else None
            location = (
                annotations.get("backstage.io/adr-location")
                if isinstance(annotations, dict)
                else None
            )
            if isinstance(location, str) and location.strip():
                relative = os.path.normpath(location.strip().removeprefix("./"))
                if not relative.startswith(".."):
                    locations.append(Path(relative).as_posix())
    return locations


def _has_records(folder: Path) -> bool:
    if not folder.is_dir():
        return False
    count = 0
    for _, _, files in os.walk(folder):
        count += sum(1 for name in files if _is_markdown(name) and not is_template(name))
        if count >= 1:
            return True
    return False


def _numbered_folders(root: Path, limit: int = 5000) -> list[str]:
    """Folders with at least three numbered Markdown files that read like records; a
    folder whose sub-folders hold records named by number alone (AIPs' scopes,
    ``aip/general/0100.md`` beside ``aip/auth/4110.md``) for them all."""
    found = []
    by_number_alone = []
    for seen, (directory, subdirs, files) in enumerate(os.walk(root)):
        subdirs[:] = sorted(d for d in subdirs if d not in _IGNORED and not d.startswith("."))
        if seen > limit:
            break
        numbered = [name for name in files if _is_markdown(name) and _NUMBERED.match(name)]
        numbered += _numbered_record_folders(Path(directory), subdirs)
        if len(numbered) >= 3:
            relative = Path(directory).relative_to(root).as_posix()
            if relative == ".":
                continue
            if _guess_kind(Path(directory)) != "":
                found.append(relative)
                subdirs[:] = []
            elif _named_by_number_alone(Path(directory), files):
                found.append(relative)
                by_number_alone.append(relative)
                subdirs[:] = []
    return _scopes_together(found, by_number_alone)


# A record's file named by its number alone: "0100.md", "4110.md".
_NUMBER_ALONE = re.compile(r"^\d{1,6}$")
# Front matter's status or its id, as records named by number state them.
_STATE_KEY = re.compile(r"^(?:status|state|id)\s*:\s*\S", re.IGNORECASE | re.MULTILINE)


def _named_by_number_alone(directory: Path, files: list[str]) -> bool:
    """Whether a folder holds three or more Markdown files named by their number alone
    (``0100.md``) whose front matter states a status or an id, most of the first few of
    them: records whose headings are the collection's own (AIPs' ``## Guidance``), not
    chapters numbered ``01.md``, ``02.md``."""
    names = sorted(
        name for name in files if _is_markdown(name) and _NUMBER_ALONE.match(Path(name).stem)
    )
    if len(names) < 3:
        return False
    stating = 0
    for name in names[:8]:
        front = _front_of(_head_of(directory / name))
        stating += bool(_STATE_KEY.search(front))
    return 2 * stating > min(len(names), 8)


def _scopes_together(found: list[str], by_number_alone: list[str]) -> list[str]:
    """The folders, those named by number alone that are two or more sub-folders of one
    folder (``aip/general/``, ``aip/auth/``) read from that folder (``aip``): one
    collection numbered across its scopes."""
    parents = Counter(posixpath.dirname(folder) for folder in by_number_alone)
    together = {parent for parent, count in parents.items() if parent and count >= 2}
    result = []
    for folder in found:
        parent = posixpath.dirname(folder)
        place = parent if folder in by_number_alone and parent in together else folder
        if place not in result:
            result.append(place)
    return result


# A folder whose name says it holds records, in any case: Unleash's `ADRs/`, OpenFeature's
# `OFEP/`, conda's `ceps/` (an *enhancement* or *improvement proposals* series).
_RECORD_FOLDER = re.compile(
    r"^(?:adrs?|decisions|decision[-_ ]records|architecture[-_ ]decisions|rfcs?|proposals|"
    r"design[-_ ]docs|[a-z]{0,4}eps?|[a-z]{0,4}ips)$",
    re.IGNORECASE,
)


def _named_folders(root: Path, limit: int = 5000) -> list[str]:
    """Folders named for records (``ADRs/``, ``OFEP/``) that hold at least three Markdown
    files, numbered or not, in them or in their sub-folders (Unleash's ``ADRs/back-end/``)."""
    found = []
    for seen, (directory, subdirs, _) in enumerate(os.walk(root)):
        subdirs[:] = sorted(d for d in subdirs if d not in _IGNORED and not d.startswith("."))
        if seen > limit:
            break
        if directory == str(root):
            continue  # the repository's own name says nothing ("ofep/")
        name = os.path.basename(directory)
        if _RECORD_FOLDER.match(name) and _pages(Path(directory)) >= 3:
            found.append(Path(directory).relative_to(root).as_posix())
            subdirs[:] = []
        elif _STATUS_FOLDER.match(name) and _pages(Path(directory)) >= 3:
            # "accepted/", "implemented/": a collection that keeps a folder per status
            # (npm's and the Bytecode Alliance's RFCs), read from the folder that holds
            # them; at the top of the repository, from the first of them.
            parent = Path(directory).parent
            place = parent if parent != root else Path(directory)
            found.append(place.relative_to(root).as_posix())
            subdirs[:] = []
    return list(dict.fromkeys(found))


# A folder named for the status of the records in it.
_STATUS_FOLDER = re.compile(
    r"^(?:accepted|approved|implemented|active|final|drafts?|proposed|rejected|withdrawn|"
    r"superseded|deprecated|archived?)$",
    re.IGNORECASE,
)


# "Decisions" in the languages the labels are read in (Danish, Norwegian, Swedish, German,
# French, Spanish, Portuguese, Dutch, Japanese, Chinese): a folder so named that holds
# numbered or dated records holds ADRs.
_DECISIONS_IN_OTHER_LANGUAGES = re.compile(
    r"^(?:beslutninger|beslut|beslutningslogg?|entscheidungen|d[ée]cisions|decisiones|"
    r"decis[õo]es|besluiten|決定|决策)$",
    re.IGNORECASE,
)


def _pages(folder: Path, most: int = 3) -> int:
    """How many Markdown files that are no landing page nor template a folder holds,
    counted up to ``most``."""
    count = 0
    for directory, subdirs, files in os.walk(folder):
        subdirs[:] = [d for d in subdirs if d not in _IGNORED and not d.startswith(".")]
        count += sum(
            1
            for name in files
            if _is_markdown(name)
            and not is_template(name)
            and name.lower() not in ("readme.md", "index.md")
            and name.lower() != f"{os.path.basename(directory).lower()}.md"
        )
        if count >= most:
            break
    return count


def _guess_kind(folder: Path, numbered_only: bool = False) -> str:
    """adr or rfc from the headings of a few of the folder's files (``numbered_only``:
    of its numbered files, not the README of a repository's top); "" for neither."""
    words = folder.as_posix().lower()
    name = folder.name.lower()
    if "rfc" in words or "proposal" in words or re.fullmatch(r"[a-z]{0,4}(?:eps?|ips)", name):
        return "rfc"
    if re.fullmatch(r"adrs?|decisions|decision[-_ ]records|architecture[-_ ]decisions", name):
        return "adr"
    if _DECISIONS_IN_OTHER_LANGUAGES.match(unicodedata.normalize("NFC", name)):
        return "adr"  # `beslutninger/` of dated records: the team's own word for them
    series = _kind_of_series(folder)
    if series:
        return series
    rfc = adr = known = 0
    names = sorted(
        name
        for name in os.listdir(folder)
        if _is_markdown(name) and (_NUMBERED.match(name) or not numbered_only)
    )[:8]
    if len(names) < 3:  # records kept one per numbered folder: their pages
        for sub in _numbered_record_folders(folder)[:8]:
            page = "README.md" if (folder / sub / "README.md").is_file() else "index.md"
            names.append(f"{sub}/{page}")
    for name in names:
        try:
            text = (folder / name).read_text(encoding="utf-8", errors="replace")[:20000]
        except OSError:
            continue
        headings = {
            line.lstrip("#").strip().lower().rstrip(":")
            for line in text.split("\n")
            if line.startswith("#")
        }
        rfc += len(headings & _RFC_HEADINGS)
        adr += len(headings & _ADR_HEADINGS)
        known += bool(headings & (_RFC_HEADINGS | _ADR_HEADINGS))
    if rfc == adr == 0 or 2 * known < len(names):
        # Fewer than half of the files head a section of a record: chapters of a document
        # (NERC's `architecture/add/01-architecture-overview.md`), not records.
        return ""
    return "rfc" if rfc > adr else "adr"


# A record's name or front-matter key numbered in a kind's own series: "ADR-31-x.md",
# "adr-0007-x.md", `adr: 31`; "RFC-0003-x.md", `rfc: 3`.
_SERIES_NAME = re.compile(r"^(adr|rfc)[-_ ]?\d{1,6}(?=[-_ .])", re.IGNORECASE)
_SERIES_KEY = re.compile(r"^(adr|rfc)\s*:\s*\d{1,6}\s*$", re.IGNORECASE | re.MULTILINE)


def _head_of(path: Path) -> str:
    """The first few thousand characters of a file, where front matter and a status are;
    "" when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return ""


def _front_of(text: str) -> str:
    """The front matter at the top of ``text`` (its opening ``---`` line kept), or ""."""
    text = text.lstrip("\ufeff")
    return text.split("\n---", 1)[0] if text.startswith("---") else ""


def _kind_of_series(folder: Path) -> str:
    """The kind whose series most of a folder's Markdown files are numbered in, by their
    names (``ADR-31-x.md``) or, failing those, the key of a few of them
    (``adr: 31``): a folder of ADRs whose headings are an RFC's (Decentraland's
    Abstract, Need, Approach) all the same; "" when no series is most."""
    try:
        names = sorted(name for name in os.listdir(folder) if _is_markdown(name))
    except OSError:
        return ""
    named = Counter(match[1].lower() for match in map(_SERIES_NAME.match, names) if match)
    if named:
        kind, count = named.most_common(1)[0]
        return kind if 2 * count > len(names) else ""
    keyed = Counter[str]()
    for name in names[:8]:
        front = _front_of(_head_of(folder / name))
        keyed.update(match[1].lower() for match in _SERIES_KEY.finditer(front))
    if keyed:
        kind, count = keyed.most_common(1)[0]
        return kind if 2 * count > min(len(names), 8) else ""
    return ""


def _read_folder(
    root: Path, folder: str, kinds: dict[str, KindSpec], kind_name: str
) -> FolderSurvey:
    found = FolderSurvey(folder, kind_name)
    settings = settings_from_options(
        {
            "kinds": {
                name: ({"folder": folder} if name == kind_name else {"enabled": False})
                for name in kinds
            }
        }
    )
    kind = settings.kinds[kind_name]
    discovered = discover(root, root / "docs", settings.kinds)
    # The records as `decisions check` reads them: a template kept under a number
    # (conda-forge's `cfep-00.md`), a stub where a record moved, are no records here either.
    corpus = build_corpus(discovered, settings)
    found.templates = [template.path for template in corpus.templates]
    for record in corpus.records:
        found.records.append(record)
        found.formats[_format_of(record, kind)] += 1
        if record.raw_status is None and record.status is not None:
            found.undecided_by_place[record.status] += 1  # beside `accepted/`
        elif record.raw_status is None:
            found.without_status += 1
        elif record.status is None:
            found.unknown_statuses[record.raw_status.lower()] += 1
        for section in record.sections:
            found.headings[section.key] += 1
        found.unknown_keys.update({key for key, _ in record.unknown_keys})  # once a record
    if found.mostly_without_status:
        found.undecided = _said_undecided(root, folder, found.records)
    return found


# Words with which records, or their folder's README, say they are not decided: drafts,
# proposals out for feedback ("This is a draft proposal, not the final specification",
# "published for feedback"). Not "request for comments": every RFC process is named so.
_UNDECIDED_WORDS = re.compile(
    r"(?<![\w-])(?:drafts?(?![\w-])|work in progress|not (?:yet |the )?final|"
    r"(?:for|leave|give|your) feedback|(?:likely|subject) to change|might change|"
    r"under discussion|not (?:yet )?(?:accepted|approved|decided))\b",
    re.IGNORECASE,
)
_OPENING_LINES = 4  # the lines of a record, or of its folder's README, that say what it is
UNDECIDED_SHOWN = 2
# Records that must say so, when the README does not: one record's word is no convention.
_UNDECIDED_RECORDS = 2


def _said_undecided(root: Path, folder: str, records: list[Record]) -> list[str]:
    """Where the folder's README or its records that state no status say, in their
    opening lines, that they are drafts or proposals out for feedback, as
    ``path: "words"``: then stating no status does not mean accepted."""
    said: list[str] = []
    for landing in ("README.md", "index.md"):
        page = root / folder / landing
        try:
            text = page.read_text(encoding="utf-8", errors="replace")[:8000]
        except OSError:
            continue
        quoted = _undecided_words(text.split("\n"))
        if quoted:
            said.append(f'{page.relative_to(root).as_posix()}: "{quoted}"')
        break
    in_records = []
    for record in records:
        if record.raw_status is None:
            quoted = _undecided_words(record.body.split("\n"))
            if quoted:
                in_records.append(f'{record.path}: "{quoted}"')
    return said + in_records if said or len(in_records) >= _UNDECIDED_RECORDS else []


def _undecided_words(lines: list[str]) -> str:
    """The opening line of a page (its first lines of text after the title; headings,
    underlines and list items aside: a list says what is done, not what the page is)
    that says it is undecided, cut short; "" when none does."""
    opening = [
        line.strip()
        for line in lines
        if line.strip() and not re.match(r"^\s*(?:#|={3,}|-{3,}|<!--|\[!|[-*+]\s|\d+\.\s)", line)
    ][:_OPENING_LINES]
    for line in opening:
        match = _UNDECIDED_WORDS.search(line)
        if match:  # the words around the match, some 60 characters
            start, end = max(0, match.start() - 30), min(len(line), match.end() + 30)
            if start:
                start = line.find(" ", start, match.start()) + 1 or start
            if end < len(line):
                end = line.rfind(" ", match.end(), end) if " " in line[match.end() : end] else end
            words = line[start:end].strip("*_> ")
            return f"{'...' if start else ''}{words}{'...' if end < len(line) else ''}"
    return ""


def _format_of(record: Record, kind: KindSpec) -> str:
    """The format a record is written in, as people call it."""
    keys = {section.key for section in record.iter_sections()}
    if kind.name == "rfc":
        if record.metadata_style == "front matter":
            return "RFC with front matter"
        if record.metadata_style == METADATA_FILE:
            return (
                f"RFC with a metadata file beside it ({posixpath.basename(record.metadata_path)})"
            )
        if record.metadata_style == "table":
            return "RFC with a metadata table"
        if record.metadata_style == "list":
            return "RFC with metadata lines (Rust-style)"
        if record.metadata_style == "tags":
            return "RFC with status tags below the title"
        return "RFC without metadata"
    madr = bool(keys & {"considered options", "decision drivers", "decision outcome"})
    if record.metadata_style == "front matter":
        return "MADR 3/4 (front matter)" if madr else "front matter"
    if record.metadata_style == "list":
        return "MADR 2 / log4brains (metadata lines)" if madr else "metadata lines"
    if record.metadata_style == "table":
        return "metadata table"
    if record.metadata_style == "section":
        return "Nygard / adr-tools (Status section)"
    if record.metadata_style == "tags":
        return "status tags below the title"
    return "no metadata"


def _is_markdown(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in RECORD_EXTENSIONS and not name.startswith(".")
