"""Find the record files of every kind, and the landing pages of their folders."""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .kinds import KindSpec
from .parse import SourceFile

LANDING_NAMES = ("readme.md", "index.md")
RECORD_EXTENSIONS = (".md", ".markdown")
SKIPPED_NAMES = ("backlog.md",)  # log4brains reserves it
# Template files that ADR tools keep beside the records (template.md, adr-template.md,
# adr-template-minimal.md, 0000-template.md, _template.md) are not records; a record
# *about* templates (0019-consequences-in-minimal-template.md) is.
_TEMPLATE = re.compile(r"^(?:0+[-_])?_?(?:adr[-_]|rfc[-_])?template(?:[-_.].*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class LandingPage:
    """A folder's README.md or index.md: shown above that folder's index, not a record."""

    source: SourceFile
    kind: str


@dataclass(frozen=True)
class Discovered:
    records: list[tuple[SourceFile, KindSpec]]
    landing_pages: list[LandingPage]
    missing_folders: list[str]  # configured folders that do not exist
    skipped: list[str]  # template files left out, said in the log so nothing vanishes unseen
    site_bases: dict[str, str]  # kind name -> its folder's path in the site


def site_folder(folder: Path, project_root: Path, docs_dir: Path) -> str:
    """Where a kind's folder appears in the site (posix, relative to the site root)."""
    for base in (docs_dir, project_root):
        try:
            return folder.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return folder.name


def discover(project_root: Path, docs_dir: Path, kinds: dict[str, KindSpec]) -> Discovered:
    """Walk each kind's folder recursively, in a stable order."""
    records: list[tuple[SourceFile, KindSpec]] = []
    landing_pages: list[LandingPage] = []
    missing: list[str] = []
    skipped: list[str] = []
    site_bases: dict[str, str] = {}
    # A kind's folder inside another's (docs/standards inside docs) belongs to its own kind.
    kind_folders = {
        os.path.realpath(project_root / kind.folder): kind.name for kind in kinds.values()
    }
    for kind in kinds.values():
        folder = project_root / kind.folder
        if not folder.is_dir():
            missing.append(kind.folder)
            continue
        site_base = site_folder(folder, project_root, docs_dir)
        site_bases[kind.name] = site_base
        visited: set[str] = set()
        for directory, subdirs, files in os.walk(folder, followlinks=True):
            # Symlinked sub-folders are followed, each real folder once (no loops).
            real = os.path.realpath(directory)
            if real in visited:
                subdirs[:] = []
                continue
            visited.add(real)
            subdirs[:] = sorted(
                d
                for d in subdirs
                if not d.startswith(".")
                and kind_folders.get(os.path.realpath(os.path.join(directory, d)), kind.name)
                == kind.name
            )
            relative_dir = Path(directory).relative_to(folder).as_posix()
            group = "" if relative_dir == "." else relative_dir
            landing_names = [n for n in files if n.lower() in LANDING_NAMES]
            # Like MkDocs: index.md wins over README.md as the folder's page.
            landing_name = min(landing_names, key=lambda n: n.lower() != "index.md", default="")
            for name in sorted(files):
                stem, extension = os.path.splitext(name)
                if extension.lower() not in RECORD_EXTENSIONS or name.startswith("."):
                    continue
                inner = f"{group}/{name}" if group else name
                # The page is always ``.md``: MkDocs copies "x.MD" as a static file.
                page = f"{group}/{stem}.md" if group else f"{stem}.md"
                if _excluded(inner, kind):
                    skipped.append(_display_path(Path(directory) / name, project_root))
                    continue
                source = SourceFile(
                    source_path=str(Path(directory) / name),
                    path=_display_path(Path(directory) / name, project_root),
                    site_path=f"{site_base}/{page}" if site_base != "." else page,
                    group=group,
                )
                if name == landing_name:
                    landing_pages.append(LandingPage(source, kind.name))
                elif name.lower() in LANDING_NAMES:
                    skipped.append(source.path)  # a second landing page: index.md wins
                else:
                    records.append((source, kind))
    return Discovered(records, landing_pages, missing, skipped, site_bases)


def is_template(name: str) -> bool:
    """A template file that ADR tools keep beside the records (template.md, ...)."""
    return bool(_TEMPLATE.search(os.path.splitext(name)[0]))


def _excluded(inner: str, kind: KindSpec) -> bool:
    name = inner.rsplit("/", 1)[-1]
    if is_template(name) or name.lower() in SKIPPED_NAMES:
        return True
    return any(fnmatch.fnmatch(inner, pattern) for pattern in kind.exclude)


def _display_path(path: Path, project_root: Path) -> str:
    """The path as people name it from the project root; symlinks are not resolved, so
    ``adr/0001-x.md`` stays that even when ``adr`` links elsewhere."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(project_root))
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()
