"""Loading a project: every record parsed once, its links resolved, and its history read
with the project's settings; and what to tell people about gaps in that history.

Shared by both adapters, so that the site and ``decisions check`` read records and
history the same way and say the same things when history is incomplete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..catalogue.findings import Finding, Position, Severity
from ..catalogue.rules import finding
from ..history.git_log import History, cached_history
from ..records.discovery import (
    MAX_RECORD_BYTES,
    Discovered,
    discover,
    read_regular_file,
    root_places,
)
from ..records.kinds import (
    BEFORE_DESIGN_STATUS,
    KindSpec,
    default_kinds,
    stage_before_design,
)
from ..records.metadata import swapped_date
from ..records.model import Record, Reference
from ..records.parse import SourceFile, normalise_id, parse_record, with_date_said
from ..records.templates import TemplateOutline, covering, read_template
from ..records.titles import (
    SHARED_PREFIX_SHARE,
    shared_prefix,
    title_from_file_name,
    title_key,
)
from ..records.trail import Status, settled_file
from .collector import collector_paused
from .links import Corpus, Link
from .numbering import glued_names, sub_series, year_names
from .settings import Settings


def project_history(project_root: Path, settings: Settings) -> History:
    """History of every kind's folder, statuses mapped through each kind's aliases. A
    kind read from the top of the project (``folder: "."``) is read as the record files
    and folders there (``root_places``), never as the whole repository."""
    places: dict[str, Any] = {}
    for kind in settings.kinds.values():
        here = [kind.folder] if kind.folder != "." else root_places(project_root, kind)
        places.update(dict.fromkeys(here, kind.canonical_status))
    if not places:
        return History()
    return cached_history(project_root, list(places), places)


def uncommitted_notes(corpus: Corpus, project_root: Path | None = None) -> list[str]:
    """A note on records not committed yet, on records inside git submodules (whose
    history is another repository's), and on committed records deleted from the work
    tree. Landing pages, templates and files that were refused are on disk: never
    "deleted"."""
    history = corpus.history
    notes: list[str] = []
    if not history.available or not history.head:
        return notes
    present = {record.path for record in corpus.records}
    on_disk = present | {page.source.path for page in corpus.landing_pages}
    on_disk |= set(corpus.skipped)
    on_disk |= {f.path for f in corpus.findings if f.rule in ("DEC011", "DEC012")}
    not_in_history = sorted(path for path in present if path not in history.files)
    submodules: dict[str, list[str]] = {}
    if project_root is not None:
        for path in not_in_history:
            repository = _nested_repository(project_root, path)
            if repository is not None:
                submodules.setdefault(repository, []).append(path)
    in_submodules = {path for paths in submodules.values() for path in paths}
    uncommitted = [path for path in not_in_history if path not in in_submodules]
    if uncommitted:
        notes.append(
            f"{len(uncommitted)} record(s) not committed yet, shown as uncommitted: "
            + ", ".join(uncommitted[:5])
            + (" ..." if len(uncommitted) > 5 else "")
        )
    for repository, paths in sorted(submodules.items()):
        notes.append(
            f"{len(paths)} record(s) in {repository}/, a git submodule or nested repository: "
            "their history is in that repository, which is not read, so they show no dates "
            "or authors from git"
        )
    deleted = sorted(
        path
        for path, file in history.files.items()
        if path not in on_disk and file.versions[-1].blob and path.endswith(".md")
    )
    if project_root is not None:
        deleted = [path for path in deleted if not os.path.lexists(project_root / path)]
    if deleted:
        notes.append(
            f"{len(deleted)} committed record(s) deleted in the working tree, not shown: "
            + ", ".join(deleted[:5])
            + (" ..." if len(deleted) > 5 else "")
        )
    return notes


def _by_title(records: list[Record]) -> dict[tuple[str, str], Record]:
    """Each record by its kind and its title as compared (:func:`title_key`); a title that
    two records of a kind share names neither."""
    found: dict[tuple[str, str], Record] = {}
    shared: set[tuple[str, str]] = set()
    for record in records:
        key = (record.kind, title_key(record.title))
        if key in found:
            shared.add(key)
        found[key] = record
    return {key: record for key, record in found.items() if key not in shared}


def _file_beside(record: Record, target: str, by_path: dict[str, Record]) -> Record | None:
    """The record a reference names by its file in the record's own folder: a file name
    in front matter (``replaces: scs-0100-v2-x.md``), a link without its extension
    (``[ADR 35](0035-scrub-db)``) or to a record's folder (``[GEP 7](../0007-x)``)."""
    path = target.split("#", 1)[0]
    if not path or "://" in path or path.startswith("/"):
        return None
    extension = posixpath.splitext(path)[1].lower()
    if extension in (".md", ".markdown"):
        candidates = [path]
    elif extension:
        return None  # "design.pdf", "v1.2": no record's file
    else:
        candidates = [f"{path}.md", f"{path}/README.md", f"{path}/index.md"]
    folder = posixpath.dirname(record.path)
    for candidate in candidates:
        found = by_path.get(posixpath.normpath(posixpath.join(folder, candidate)))
        if found is not None:
            return found
    return None


def _by_path_suffix(target: str, by_path: dict[str, Record], forge: str = "") -> Record | None:
    """The record a path or URL ends with: a link written from the repository's root
    (``doc/adr/0021-x.md`` inside ``doc/adr/``), or to the record on the forge
    (``https://github.com/o/r/blob/main/doc/adr/0021-x.md``)."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path.lower().endswith((".md", ".markdown")) or "/" not in path:
        return None
    found = [
        record
        for record_path, record in by_path.items()
        if path == record_path or path.endswith("/" + record_path)
    ]
    if not found and forge and path.startswith(forge + "/"):
        # A link to the record on this repository's forge, from before its folder moved
        # (`.../blob/main/text/0022-x.md` to `rfcs/0022-x.md`): the one record of that name.
        name = posixpath.basename(path)
        found = [record for record in by_path.values() if posixpath.basename(record.path) == name]
        return found[0] if len(found) == 1 else None
    return max(found, key=lambda record: len(record.path)) if found else None


# A picture a record shows or links to: `![arch](../images/diagram.png)`, `[the
# diagram](../images/x.png)`, `<img src="../assets/x.svg">`
_PICTURE_LINK = re.compile(
    r"\]\(\s*<?(?P<md>[^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"'](?P<html>[^\"']+)",
    re.IGNORECASE,
)
_PICTURE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp")
# A body that names no file with one of those extensions shows no picture: one search in
# C instead of a look at each of its links (a log of 4,000 records links a lot).
_NAMES_A_PICTURE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|bmp)\b", re.IGNORECASE)
_LARGEST_PICTURE = 20 * 1024 * 1024


def _pictures_beside(records: list[Record]) -> dict[str, str]:
    """Pictures records show from folders beside theirs (Fabric's `../images/x.png`,
    MetaMask's `../assets/sip-23/x.png`): site path -> file, so that the pages show them
    as the repository does. Only pictures, only inside the repository (never `.git`),
    only where the link stays inside the site."""
    found: dict[str, str] = {}
    for record in records:
        if _NAMES_A_PICTURE.search(record.body) is None:
            continue
        root = _root_of(record)
        if not root:
            continue
        real_root = os.path.realpath(root)
        for link in _PICTURE_LINK.finditer(record.body):
            target = (link["md"] or link["html"] or "").split("#", 1)[0].split("?", 1)[0]
            if (
                not target.lower().endswith(_PICTURE_EXTENSIONS)
                or "://" in target
                or target.startswith("/")
            ):
                continue
            site_path = posixpath.normpath(
                posixpath.join(posixpath.dirname(record.site_path), target)
            )
            if site_path.startswith("../") or site_path in found:
                continue
            on_disk = os.path.realpath(os.path.join(root, posixpath.dirname(record.path), target))
            inside = (
                on_disk.startswith(real_root + os.sep) and f"{os.sep}.git{os.sep}" not in on_disk
            )
            try:
                small = (
                    inside
                    and os.path.isfile(on_disk)
                    and os.path.getsize(on_disk) <= _LARGEST_PICTURE
                )
            except OSError:
                small = False
            if small:
                found[site_path] = on_disk
    return found


def _root_of(record: Record) -> str:
    """The project's folder on disk, as the record's file path gives it; "" when the two
    paths do not say it."""
    if not record.source_path.endswith(record.path):
        return ""
    return record.source_path[: -len(record.path)]


def _forge_of(records: list[Record]) -> str:
    """The web address of the project's `origin` remote (`https://github.com/o/r`), read
    from `.git/config` (no git process); "" when it has none."""
    root = next((found for found in map(_root_of, records) if found), "")
    if not root:
        return ""
    try:
        with open(os.path.join(root, ".git", "config"), encoding="utf-8") as opened:
            config = opened.read(65536)
    except (OSError, UnicodeDecodeError):
        return ""
    origin = re.search(r'\[remote "origin"\][^\[]*?\burl\s*=\s*(\S+)', config)
    if origin is None:
        return ""
    url = re.sub(r"^(?:ssh://)?git@([^:/]+)[:/]", r"https://\1/", origin[1])
    return url.removesuffix(".git").rstrip("/")


def _nested_repository(project_root: Path, path: str) -> str | None:
    """The folder of a git submodule (or another repository) that holds ``path``."""
    parts = path.split("/")[:-1]
    for depth in range(len(parts), 0, -1):
        folder = "/".join(parts[:depth])
        if (project_root / folder / ".git").exists():
            return folder
    return None


@dataclass
class ParseCache:
    """Records parsed by earlier builds of this process (``mkdocs serve``), or by earlier
    runs (``corpus/parse_store.py``): a file whose bytes, place and kind are the same is
    not parsed again. Records are immutable, so the same object serves every build; new
    settings start the cache afresh. The bytes are kept as a digest."""

    kinds: dict[str, KindSpec] | None = None
    entries: dict[SourceFile, tuple[bytes, bytes | None, KindSpec, Record, list[Finding]]] = field(
        default_factory=dict
    )
    changed: bool = False  # since it was loaded from disk: whether to store it again
    # Each record as the last corpus had it, after what its collection changed in it (a
    # prefix its folder shares, the order of its dates): ``settle``.
    settled: dict[str, Record] = field(default_factory=dict)
    # The status of each file when it was last read (``records.trail.settled_file``): a
    # file whose status is the same is not read again (``unchanged``).
    stamps: dict[SourceFile, Status] = field(default_factory=dict)

    def settle(self, records: list[Record]) -> list[Record]:
        """The records, each the very object the last corpus had where it is equal to it:
        a record its collection changed is a new object each time it is read, and what
        is kept for a record (pages, findings) is kept for the object."""
        out = []
        for record in records:
            kept = self.settled.get(record.path)
            if kept is not None and kept is not record and kept == record:
                record = kept
            out.append(record)
        settled = {record.path: record for record in out}
        if settled.keys() != self.settled.keys() or any(
            settled[path] is not self.settled[path] for path in settled
        ):
            self.changed = True
        self.settled = settled
        return out

    def parse(
        self,
        data: bytes,
        source: SourceFile,
        kind: KindSpec,
        kinds: dict[str, KindSpec],
        metadata_data: bytes | None = None,
        stamp: Status = None,
    ) -> tuple[Record, list[Finding]]:
        """The record of ``data``; ``stamp`` is what the file's status said just before
        ``data`` was read (``records.trail.settled_file``), kept so that a next build
        need not read it."""
        if self.kinds != kinds:
            self.kinds, self.entries, self.stamps, self.changed = kinds, {}, {}, True
        digest = _digest(data)
        beside = None if metadata_data is None else _digest(metadata_data)
        cached = self.entries.get(source)
        self.stamps.pop(source, None)
        if cached is None or cached[0] != digest or cached[1] != beside or cached[2] != kind:
            record, findings = parse_record(data, source, kind, kinds, metadata_data)
            cached = self.entries[source] = (digest, beside, kind, record, findings)
            self.changed = True
        if stamp is not None and not source.metadata_file:
            self.stamps[source] = stamp  # once its record is the file's
        return cached[3], cached[4]

    def unchanged(
        self, source: SourceFile, kind: KindSpec, kinds: dict[str, KindSpec], stamp: Status
    ) -> tuple[Record, list[Finding]] | None:
        """The record parsed from the file when its status is what it was then (the same
        file, size, modification and change times: ``settled_file``), without reading it;
        None when it must be read. A file with a metadata file beside it (a KEP's
        ``kep.yaml``) is always read."""
        if stamp is None or self.kinds != kinds or source.metadata_file:
            return None
        cached = self.entries.get(source)
        if cached is None or cached[2] != kind or self.stamps.get(source) != stamp:
            return None
        return cached[3], cached[4]

    def keep_only(self, sources: set[SourceFile]) -> None:
        """Forget files that are gone, so a long session does not grow without end."""
        for source in [source for source in self.entries if source not in sources]:
            del self.entries[source]
            self.changed = True
        for source in [source for source in self.stamps if source not in sources]:
            del self.stamps[source]


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _without_shared_prefixes(records: list[Record]) -> list[Record]:
    """Titles without the prefix (nearly) every title of their folder starts with (the
    collection's name: "Open Data Hub - Operator Scope" is "Operator Scope")."""
    folders: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        folders.setdefault((record.kind, record.group), []).append(record)
    prefixes = {
        folder: _not_the_group(shared_prefix([record.title for record in members]), folder[1])
        for folder, members in folders.items()
    }
    series = {folder: _own_series(members) for folder, members in folders.items()}
    cleaned = []
    for record in records:
        prefix = prefixes[(record.kind, record.group)]
        rest = record.title[len(prefix) :].strip() if prefix else ""
        if prefix and record.title.startswith(prefix) and rest:
            record = replace(record, title=rest, derived={})
        own = _SERIES_START.match(record.title)
        folder_series = series[(record.kind, record.group)]
        if own and own["series"] in folder_series and int(own["number"]) == record.number:
            record = replace(record, title=record.title[own.end() :], derived={})
        cleaned.append(record)
    return cleaned


# A bracketed label of capitals before a title, with or without a space: "[PRD] Title",
# "[OPS]Title". Words that say the work is unfinished are no label of a type.
_TYPE_LABEL = re.compile(r"^\[(?P<label>[A-Z]{2,5})\]\s*(?=\S)")
_UNFINISHED = frozenset({"WIP", "TBD", "TODO"})


def _without_type_labels(records: list[Record]) -> list[Record]:
    """Titles without the bracketed label a folder's titles open with to say what kind of
    document each is ("[PRD] Title" beside "[OPS] Title"): a label that two records of
    the folder write, where most of its titles open with one. A label on a few titles
    ("[API] Use REST" among plain ones) is words of the title, and stays."""
    folders: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        folders.setdefault((record.kind, record.group), []).append(record)
    labels: dict[tuple[str, str], set[str]] = {}
    for folder, members in folders.items():
        counts = Counter(
            match["label"]
            for match in (_TYPE_LABEL.match(record.title) for record in members)
            if match and match["label"] not in _UNFINISHED
        )
        if sum(counts.values()) > SHARED_PREFIX_SHARE * len(members):
            labels[folder] = {label for label, count in counts.items() if count >= 2}
    cleaned = []
    for record in records:
        match = _TYPE_LABEL.match(record.title)
        if match and match["label"] in labels.get((record.kind, record.group), set()):
            record = replace(record, title=record.title[match.end() :], derived={})
        cleaned.append(record)
    return cleaned


# "RFD 12 Bedtime for old client", "MSC1929 Homeserver admin contact": a series of
# capitals and the record's own number before the title, with no punctuation between.
_SERIES_START = re.compile(r"^(?P<series>[A-Z]{2,6})[ -]?(?P<number>\d{1,6})\s+(?=\S)")


def _not_the_group(prefix: str, group: str) -> str:
    """A shared prefix, unless it names the sub-folder its records are in ("Charges: "
    on every title of `Charges domain/`): that is the records' category, as in the
    sibling folders whose single record writes it too, not the collection's name."""
    words = set(title_key(prefix).split())
    if group and words and words <= set(title_key(posixpath.basename(group)).split()):
        return ""
    return prefix


def _own_series(members: list[Record]) -> set[str]:
    """The series words a folder's titles start with before their records' own numbers:
    a collection's own name for its records (Joyent's RFDs, Matrix's MSCs), known by two
    records or more saying it so; one title alone ("HTTP 2 support") is words."""
    counts: Counter[str] = Counter()
    for record in members:
        own = _SERIES_START.match(record.title)
        if own and record.number is not None and int(own["number"]) == record.number:
            counts[own["series"]] += 1
    return {word for word, count in counts.items() if count >= 2}


def _staged_lifecycles(records: list[Record], settings: Settings) -> list[Record]:
    """Records of a kind whose collection has an "implementable" stage (KEPs, TEPs), those
    at the stage before it (``proposed``) read as drafts: their process writes the
    design later. Said in the front-matter reference."""
    used: dict[str, set[str]] = {}
    for record in records:
        if record.raw_status:
            used.setdefault(record.kind, set()).add(" ".join(record.raw_status.lower().split()))
    built_in = default_kinds()
    staged = []
    for record in records:
        kind = settings.kinds[record.kind]
        default = built_in.get(record.kind)
        if (
            record.raw_status
            and BEFORE_DESIGN_STATUS in kind.statuses
            and record.status != BEFORE_DESIGN_STATUS
            # a team's own alias for the word is kept
            and default is not None
            and default.canonical_status(record.raw_status) == record.status
            and stage_before_design(record.raw_status, frozenset(used.get(record.kind, ())))
        ):
            record = replace(record, status=BEFORE_DESIGN_STATUS, derived={})
        staged.append(record)
    return staged


# The statuses a review ends in: a folder named for one holds the decided records.
_DECIDED = frozenset({"accepted", "rejected", "implemented"})
# The word for a record under discussion: a proposed ADR, an RFC in review.
_UNDECIDED_WORD = "proposed"


def _undecided_beside_status_folders(records: list[Record], settings: Settings) -> list[Record]:
    """Records at the top of a kind's folder that state no status, where the kind keeps its
    decided records in folders named for their status (Delta's ``protocol_rfcs/x.md``
    beside ``accepted/`` and ``rejected/``): not decided yet, so proposed (an RFC in
    review), as ``default_status`` would say it: the record is not asked for what a
    decided one is."""
    decided_folders = {
        record.kind
        for record in records
        if record.group
        and settings.kinds[record.kind].canonical_status(record.group.split("/")[0].lower())
        in _DECIDED
    }
    undecided = []
    for record in records:
        if record.kind in decided_folders and not record.group and record.status is None:
            status = settings.kinds[record.kind].canonical_status(_UNDECIDED_WORD)
            if status is not None and record.raw_status is None:
                record = replace(record, status=status, derived={})
        undecided.append(record)
    return undecided


def _metadata_bytes(source: SourceFile) -> bytes | None:
    """The bytes of a record's metadata file (a KEP's ``kep.yaml``), None without one or
    when it cannot be read (the record is then read from its own file alone)."""
    if not source.metadata_file:
        return None
    try:
        return read_regular_file(source.metadata_file)
    except OSError:
        return None


def _parsed(
    source: SourceFile, kind: KindSpec, settings: Settings, cache: ParseCache | None
) -> tuple[Record, list[Finding]] | Finding:
    """The record of one file and its findings; with a cache, the file is not read when
    its status says it is unchanged. A file that cannot be read gives a DEC012 instead."""
    stamp: Status = None
    if cache is not None:
        stamp = settled_file(source.source_path, MAX_RECORD_BYTES)
        known = cache.unchanged(source, kind, settings.kinds, stamp)
        if known is not None:
            return known
    try:
        data = read_regular_file(source.source_path)
    except OSError as error:
        return finding(
            "DEC012",
            source.path,
            Position(1, 1),
            f"cannot read the file: {error.strerror or error}; it gets no page",
        )
    metadata_data = _metadata_bytes(source)
    if cache is None:
        return parse_record(data, source, kind, settings.kinds, metadata_data)
    return cache.parse(data, source, kind, settings.kinds, metadata_data, stamp)


def load_corpus(
    project_root: Path,
    docs_dir: Path,
    settings: Settings,
    history: History | None = None,
    cache: ParseCache | None = None,
) -> Corpus:
    """Discover and parse every record once, then resolve the links between them."""
    discovered = discover(project_root, docs_dir, settings.kinds)
    return build_corpus(discovered, settings, history, cache)


@collector_paused
def build_corpus(
    discovered: Discovered,
    settings: Settings,
    history: History | None = None,
    cache: ParseCache | None = None,
) -> Corpus:
    records: list[Record] = []
    findings: list[Finding] = list(discovered.findings)
    refused = list(discovered.refused)
    sources = discovered.memo(
        "numbered", lambda: sub_series(glued_names(year_names(discovered.records)))
    )
    for source, kind in sources:
        parsed = _parsed(source, kind, settings, cache)
        if isinstance(parsed, Finding):
            findings.append(parsed)
            refused.append(source.site_path)
            continue
        record, record_findings = parsed
        translated = discovered.translations.get(record.path)
        if translated:  # its pages in other languages, which its page links to
            record = replace(record, translations=tuple(sorted(translated)), derived={})
        records.append(record)
        findings.extend(record_findings)
    if cache is not None:
        cache.keep_only({source for source, _ in sources})
    templates = [_template(source, kind, settings) for source, kind in discovered.templates]
    records = _without_type_labels(_without_shared_prefixes(_staged_lifecycles(records, settings)))
    records = _undecided_beside_status_folders(records, settings)
    records, findings = _dates_in_collection_order(records, findings)
    skipped = list(discovered.skipped)
    untitled = {item.path for item in findings if item.rule == "DEC106"}
    records, zero_templates = _numbered_zero(records, settings, untitled)
    # A template kept among the records under a number (TUF's `tap2.md`: `* Title: <TAP
    # title>`, `* Status: <Draft | Active | ...>`)
    zero_templates += [record for record in records if record.template_copy]
    records = [record for record in records if not record.template_copy]
    numbered = {record.path for record in records if record.number == 0}
    # Record 0 is numbered after all ("adr-000-x.md"): no "cannot number this record".
    findings = [f for f in findings if not (f.rule == "DEC107" and f.path in numbered)]
    for zero in zero_templates:  # "cep-0000.md": the template
        findings = [item for item in findings if item.path != zero.path]
        skipped.append(zero.path)
        source = SourceFile(zero.source_path, zero.path, "", zero.group)
        templates.append(_template(source, settings.kinds[zero.kind], settings))
    records, findings = _without_template_titles(records, findings, templates)
    # A stub left where a record was moved ("This document was moved to [x](x)") is a
    # page of the folder, not a record: not listed, counted nor checked.
    assets = dict(discovered.assets)
    for site_path, source_path in _pictures_beside(records).items():
        assets.setdefault(site_path, source_path)
    stubs = {record.site_path: record for record in records if record.moved_to}
    for site_path, stub in stubs.items():
        assets[site_path] = stub.source_path
        skipped.append(stub.path)
    if stubs:
        records = [record for record in records if not record.moved_to]
        gone = {stub.path for stub in stubs.values()}
        findings = [item for item in findings if item.path not in gone]
    findings = _said_once(findings, records)
    records.sort(key=lambda r: (r.kind, r.number is None, r.number or 0, r.path))
    if cache is not None:
        records = cache.settle(records)

    by_id: dict[str, Record] = {}
    for record in records:
        key = normalise_id(record.id)
        if key in by_id:
            first = by_id[key]
            if _named_alike(record, first):
                continue  # "design-doc-x.md" in two folders of a collection named by files
            if _declared_apart(record, first):
                continue  # Brighter's `id: 0037-use-a` and `id: 0037-use-b`: one number, two ids
            findings.append(
                finding(
                    "DEC103",
                    record.path,
                    record.position_of("id") if "id" in record.fields else Position(1, 1),
                    f"id {record.id} is also used by {first.path}",
                )
            )
            continue
        by_id[key] = record
    by_path = {record.path: record for record in records}

    links: list[Link] = []
    unresolved: list[tuple[Record, Reference]] = []
    forge = (
        _forge_of(records) if any("://" in r.target for x in records for r in x.references) else ""
    )
    by_title = _by_title(records) if any(r.by_title for x in records for r in x.references) else {}
    for record in records:
        for reference in record.references:
            if reference.by_title:
                titled = by_title.get((record.kind, title_key(reference.target)))
                if titled is not None and titled is not record:
                    links.append(Link(record, reference.relation, titled, reference))
                continue  # words that are no record's title: prose, not a dangling reference
            target = by_path.get(reference.target) if reference.target.endswith(".md") else None
            target = target or by_id.get(normalise_id(reference.target))
            target = target or _file_beside(record, reference.target, by_path)
            target = target or _by_path_suffix(reference.target, by_path, forge)
            if target is None and reference.target.startswith("/"):  # a site's route
                target = _by_path_suffix(reference.target.rstrip("/") + ".md", by_path)
            if target is None and "://" in reference.target:
                continue  # a link to a page elsewhere: not a record of this project
            if target is None:
                unresolved.append((record, reference))
            else:
                links.append(Link(record, reference.relation, target, reference))
    return Corpus(
        records=records,
        landing_pages=discovered.landing_pages,
        findings=findings,
        links=links,
        unresolved=unresolved,
        by_id=by_id,
        missing_folders=discovered.missing_folders,
        skipped=skipped,
        refused=refused,
        assets=assets,
        site_bases=discovered.site_bases,
        history=history or History(),
        today=settings.today,
        templates=[outline for outline in templates if outline is not None],
    )


# A collection that names most of its records by a slug alone (GraphQL's, OCaml's RFCs)
# is told once that they are not numbered, not once per record.
UNNUMBERED_ONCE = 5


def _named_alike(record: Record, first: Record) -> bool:
    """Two records whose ids are only their file names, in different folders: a
    collection that names records by file (``defunct/x.md`` beside ``x.md``) has no
    number to share; links by file name find the first."""
    return (
        record.number is None
        and first.number is None
        and "id" not in record.fields
        and "id" not in first.fields
        and posixpath.dirname(record.path) != posixpath.dirname(first.path)
    )


_ZERO_NAME = re.compile(r"^0+[-_ ]")
_ZERO_FILE = re.compile(r"^(?:[A-Za-z]{1,6}[-_]?)?0+(?:[-_ ]|$)")  # 0000-x, cep-0000
_SERIES_OF_ID = re.compile(r"\d+$")


def _declared_apart(record: Record, other: Record) -> bool:
    """Whether two records that share a number each declare an `id:` of their own, and
    the two differ: the team names its records by those ids, and numbers them loosely."""
    ids = [
        str(each.fields["id"].value).strip().lower() if "id" in each.fields else ""
        for each in (record, other)
    ]
    return all(ids) and ids[0] != ids[1]


def _dates_in_collection_order(
    records: list[Record], findings: list[Finding]
) -> tuple[list[Record], list[Finding]]:
    """Dates such as ``04/08/2020`` read month first in a collection that writes its
    dates month first: some of its dates can be read no other way (``10/25/2017``) and
    none is surely day first. Elsewhere they stay day first, as adr-tools wrote them."""
    orders: dict[str, Counter[str]] = {}
    for record in records:
        if record.date_order:
            orders.setdefault(record.kind, Counter())[record.date_order] += 1
    month_first = {
        kind for kind, said in orders.items() if said["month first"] and not said["day first"]
    }
    if not month_first or not any(orders[kind]["either"] for kind in month_first):
        return records, findings
    read_again = []
    said: dict[str, tuple[Position, dt.date, dt.date]] = {}  # path -> where, read, now
    for record in records:
        found = record.fields.get("date")
        read = found.value if found is not None else None
        swapped = swapped_date(read) if isinstance(read, dt.date) else None
        if (
            record.kind in month_first
            and record.date_order == "either"
            and found is not None
            and isinstance(read, dt.date)
            and swapped is not None
        ):
            fields = {**record.fields, "date": replace(found, value=swapped)}
            record = replace(record, fields=fields, date_order="month first", derived={})
            said[record.path] = (found.value_position, read, swapped)
        read_again.append(record)
    # One pass over the findings, whatever the number of dates read again
    findings = [
        with_date_said([item], *said[item.path], item.path)[0]
        if item.rule == "DEC014" and item.path in said
        else item
        for item in findings
    ]
    return read_again, findings


def _numbered_zero(
    records: list[Record], settings: Settings, untitled: set[str]
) -> tuple[list[Record], list[Record]]:
    """Files numbered 0 beside numbered records, and what they are: the records without
    the templates among them, record 0 renumbered; and those templates.

    A lone ``0000-x.md`` among numbered records is record 0 ("0000-record-architecture-
    decisions.md" opens many collections): ADR-0000, not its file name. It is the
    collection's template (conda's ``cep-0000.md``) when its title is the template's
    placeholder (it is in ``untitled``) and it states no status, while most numbered
    records state one; MADR's own first record copied without a status has a title of
    its own. Where several files of a folder are numbered 0, the process numbers none
    (Yarn's RFCs)."""
    zeros: dict[tuple[str, str], list[Record]] = {}
    numbered: Counter[tuple[str, str]] = Counter()
    stated: Counter[tuple[str, str]] = Counter()
    series: dict[tuple[str, str], str] = {}  # the folder's series: "ADR-", "TESTING-"
    for record in records:
        where, stem = _place_and_name(record.path)
        folder = (record.kind, where)
        if _ZERO_FILE.match(stem):
            zeros.setdefault(folder, []).append(record)
        elif record.number is not None:
            numbered[folder] += 1
            stated[folder] += record.raw_status is not None
            series.setdefault(folder, _SERIES_OF_ID.sub("", record.id))
    templates: list[Record] = []
    renumbered: dict[str, Record] = {}
    for folder, found in zeros.items():
        zero, kind = found[0], settings.kinds.get(folder[0])
        if len(found) > 1 or numbered[folder] < 2 or kind is None or not kind.numbered:
            continue
        if (
            zero.raw_status is None
            and zero.path in untitled
            and 2 * stated[folder] > numbered[folder]
        ):
            templates.append(zero)
        elif zero.number is None and (_ZERO_NAME.match(zero.id) or _ZERO_FILE.match(zero.id)):
            record_id = f"{series.get(folder) or kind.prefix + '-'}0000"
            renumbered[zero.path] = replace(zero, number=0, id=record_id)
    gone = {zero.path for zero in templates}
    kept = [renumbered.get(r.path, r) for r in records if r.path not in gone]
    return kept, templates


def _without_template_titles(
    records: list[Record], findings: list[Finding], templates: list[TemplateOutline | None]
) -> tuple[list[Record], list[Finding]]:
    """Records that kept their template's title ("Neat Enhancement Idea", Argo CD's) are
    shown by the title their body gives (a front matter's `title: Proposal Template` over
    `# Restart containers on request`), else by their file names, as records with no
    title are, and told so (DEC106)."""
    outlines = [outline for outline in templates if outline is not None and outline.titles]
    if not outlines:
        return records, findings
    kept = []
    for record in records:
        of_template = covering(outlines, record.kind, record.group)
        if _is_templates_title(record.title, of_template):
            below = record.body_title
            if below is not None and not _is_templates_title(below.value, of_template):
                # The body's own title; a `Feature Name:` line that gives it is the header's
                hidden = record.hidden_lines | {below.key_position.line}
                kept.append(replace(record, title=below.value, hidden_lines=hidden, derived={}))
                continue
            title = title_from_file_name(record.path)
            findings.append(
                finding(
                    "DEC106",
                    record.path,
                    record.title_position,
                    f"the record's title is its template's (\"{record.title}\"); it is shown "
                    f'as "{title}", from its file name',
                    "give it a title of its own",
                )
            )
            record = replace(record, title=title, derived={})
        kept.append(record)
    return kept, findings


def _is_templates_title(title: str, outlines: list[TemplateOutline]) -> bool:
    return any(title_key(title) in outline.titles for outline in outlines)


def _place_and_name(path: str) -> tuple[str, str]:
    """The folder a record is one of and the name that numbers it: its file's, or for a
    record kept as its own folder's page (``spec-0000/index.md``) that folder's."""
    folder, name = posixpath.split(path)
    stem = posixpath.splitext(name)[0]
    if stem.lower() in ("index", "readme") and folder:
        folder, stem = posixpath.split(folder)
    return folder, stem


def _said_once(findings: list[Finding], records: list[Record]) -> list[Finding]:
    """Notes that say a collection's way of writing, not a slip in each record, said once
    per kind when five records or more (``UNNUMBERED_ONCE``) get them: no leading number
    (DEC107, and only when most records have none), no title of its own (DEC106), dates
    read but not written as YYYY-MM-DD (DEC014)."""
    kinds = {record.path: record.kind for record in records}
    totals = Counter(record.kind for record in records)
    found: dict[tuple[str, str], list[Finding]] = {}
    for item in findings:
        way = _way_of_writing(item)
        if way and item.path in kinds:
            found.setdefault((way, kinds[item.path]), []).append(item)
    folded: set[int] = set()
    notes = []
    for (way, kind), items in found.items():
        total = totals[kind]
        if len(items) < UNNUMBERED_ONCE or (way == "no number" and 2 * len(items) < total):
            continue
        folded.update(id(item) for item in items)
        first = min(items, key=lambda item: item.path)
        message, hint = _SAID_ONCE[way]
        said = first.message.removeprefix("date ").split("; it is")[0]
        said = said.split(" cannot be read")[0]
        notes.append(
            replace(
                first,
                severity=Severity.INFO,
                message=message.format(count=len(items), total=total, first=said),
                hint=hint,
                subject=f"{kind}:{way}",
            )
        )
    return [item for item in findings if id(item) not in folded] + notes


def _way_of_writing(item: Finding) -> str:
    if item.rule == "DEC107":
        return "no number"
    if item.rule == "DEC106":
        return "no title"
    if item.rule == "DEC014" and item.severity is Severity.INFO and "is read as" in item.message:
        return "dates not ISO"
    if (
        item.rule == "DEC014"
        and item.severity is Severity.INFO
        and "cannot be read" in item.message
    ):
        return "dates unread"
    return ""


_SAID_ONCE = {
    "no number": (
        "{count} of {total} records have no leading number and no `id:`, so this collection "
        "names its records by their file names; said once, not per record",
        "links by id need numbers: rename the files to `NNNN-title.md` or add `id:`; links "
        "by file name work as they are",
    ),
    "no title": (
        "{count} of {total} records have no title of their own and are shown by their file "
        "names; said once, not per record",
        "give each a `# Title` line at the top of the body (or `title:` in its front matter)",
    ),
    "dates unread": (
        "{count} of {total} records write their dates in a form that names no day "
        "(first: {first}), and are shown without one; said once, not per record",
        "write dates as YYYY-MM-DD",
    ),
    "dates not ISO": (
        "{count} of {total} records write their dates in another form than YYYY-MM-DD, and "
        "are read (first: {first}); said once, not per record",
        "write dates as YYYY-MM-DD, so that every tool reads them alike",
    ),
}


def _template(source: SourceFile, kind: KindSpec, settings: Settings) -> TemplateOutline | None:
    """The outline of a collection's template file; None when it cannot be read (it is
    no record: the log says it was left out, and no section rule leans on it)."""
    try:
        data = read_regular_file(source.source_path)
    except OSError:
        return None
    text = data.decode("utf-8", errors="replace")
    return read_template(text, source.path, kind, settings.kinds, source.group)


def empty_folder_notes(corpus: Corpus, settings: Settings) -> list[str]:
    """What to tell of a kind's folder that holds pages but no record: why none of them
    was read as one."""
    notes = []
    for kind_name, pages in sorted(corpus.pages_without_records().items()):
        folder = settings.kinds[kind_name].folder
        notes.append(
            f"{folder}/ holds {pages} page{'s' if pages != 1 else ''} but no record: a "
            "record is a Markdown file named with a number or a date (`0001-x.md`, "
            "`20240105-x.md`), a numbered folder's README.md or index.md, or the page of a "
            "folder of its own that states a status (`**Status**: accepted`)"
        )
    return notes
