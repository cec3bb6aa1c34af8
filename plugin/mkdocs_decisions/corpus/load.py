"""Loading a project: every record parsed once, its links resolved, and its history read
with the project's settings; and what to tell people about gaps in that history.

Shared by both adapters, so that the site and ``decisions check`` read records and
history the same way and say the same things when history is incomplete.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..catalogue.findings import Finding, Position
from ..catalogue.rules import finding
from ..history.git_log import History, cached_history
from ..records.discovery import Discovered, discover, read_regular_file
from ..records.model import Record, Reference
from ..records.parse import normalise_id, parse_record
from .links import Corpus, Link
from .settings import Settings


def project_history(project_root: Path, settings: Settings) -> History:
    """History of every kind's folder, statuses mapped through each kind's aliases."""
    kinds = settings.kinds.values()
    return cached_history(
        project_root,
        [kind.folder for kind in kinds],
        {kind.folder: kind.canonical_status for kind in kinds},
    )


def uncommitted_notes(corpus: Corpus, project_root: Path | None = None) -> list[str]:
    """A note on records not committed yet, on records inside git submodules (whose
    history is another repository's), and on committed records deleted from the work
    tree. Landing pages, templates and files that were refused are on disk: never
    "deleted"."""
    history = corpus.history
    if not history.available or not history.head:
        return []
    notes = []
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


def _by_path_suffix(target: str, by_path: dict[str, Record]) -> Record | None:
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
    return max(found, key=lambda record: len(record.path)) if found else None


def _nested_repository(project_root: Path, path: str) -> str | None:
    """The folder of a git submodule (or another repository) that holds ``path``."""
    parts = path.split("/")[:-1]
    for depth in range(len(parts), 0, -1):
        folder = "/".join(parts[:depth])
        if (project_root / folder / ".git").exists():
            return folder
    return None


def load_corpus(
    project_root: Path, docs_dir: Path, settings: Settings, history: History | None = None
) -> Corpus:
    """Discover and parse every record once, then resolve the links between them."""
    return build_corpus(discover(project_root, docs_dir, settings.kinds), settings, history)


def build_corpus(
    discovered: Discovered, settings: Settings, history: History | None = None
) -> Corpus:
    records: list[Record] = []
    findings: list[Finding] = list(discovered.findings)
    refused = list(discovered.refused)
    for source, kind in discovered.records:
        try:
            data = read_regular_file(source.source_path)
        except OSError as error:
            findings.append(
                finding(
                    "DEC012",
                    source.path,
                    Position(1, 1),
                    f"cannot read the file: {error.strerror or error}; it gets no page",
                )
            )
            refused.append(source.site_path)
            continue
        record, record_findings = parse_record(data, source, kind, settings.kinds)
        records.append(record)
        findings.extend(record_findings)
    records.sort(key=lambda r: (r.kind, r.number is None, r.number or 0, r.path))

    by_id: dict[str, Record] = {}
    for record in records:
        key = normalise_id(record.id)
        if key in by_id:
            first = by_id[key]
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
    for record in records:
        for reference in record.references:
            target = by_path.get(reference.target) if reference.target.endswith(".md") else None
            target = target or by_id.get(normalise_id(reference.target))
            target = target or _by_path_suffix(reference.target, by_path)
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
        skipped=discovered.skipped,
        refused=refused,
        assets=discovered.assets,
        site_bases=discovered.site_bases,
        history=history or History(),
        today=settings.today,
    )
