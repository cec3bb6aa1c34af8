"""Find the record files of every kind, and the landing pages of their folders.

A kind read from the top of the project (``folder: "."``) takes only the numbered and
dated files and folders there, its templates, and its pictures' folders
(``is_root_record_name``, ``PICTURE_FOLDERS``), never the repository's own files.

Record folders are untrusted input (they come from pull requests). The project root
is the boundary: a file or folder whose real path is outside it is never read (one
DEC011 finding names the link and where it points), and only regular files are read,
never a FIFO, a device or a link that loops (DEC012). Links inside the project work.
"""

from __future__ import annotations

import difflib
import errno
import fnmatch
import functools
import os
import posixpath
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar, cast

from ..catalogue.findings import Finding, Position
from ..catalogue.patterns import lazy_pattern
from ..catalogue.rules import finding
from .kinds import KindSpec
from .parse import SourceFile
from .titles import clean_title, is_placeholder
from .trail import Status, listdir, look, recording, statuses, unchanged

T = TypeVar("T")

_YEAR = lazy_pattern(r"^(?:19|20)\d{2}$")
_NUMBERED_FOLDER = lazy_pattern(r"^(?:[A-Za-z]{1,6}[-_]?)?\d{1,18}(?:[-_]|$)")
# A name that is a date and nothing else (2020-07-01, 20200701, 2020_07_01).
_DATE_ONLY = lazy_pattern(r"^(?:19|20)\d{2}([-_.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])$")
# A record's number, after a prefix of up to four words (ODH-ADR-Operator-0001).
_NUMBERED_NAME = lazy_pattern(r"^(?:[A-Za-z]+[-_]?){0,4}?\d{1,18}(?=[-_ .]|$)")
# A record's name at the top of a repository: its number first, or after one short word
# and a dash (``0012-x``, ``20240508-S-x``, ``EP-002-x``), not a word with a digit in it
# (``v2-api/``, ``python3/``), as the repository's own folders are named.
_ROOT_NUMBERED = lazy_pattern(r"^(?:[A-Za-z]{1,6}[-_])?\d{1,18}(?=[-_ .]|$)")
# A record saved without its extension ("0016-handle-concurrent-git-operations"): a
# numbered slug of words, no dot.
_RECORD_WITHOUT_EXTENSION = lazy_pattern(r"^\d{1,18}-[^\W\d_][\w-]*$")
# A record larger than this is not read (DEC012): no decision record is near it, and
# every later stage (YAML, Markdown, history) would pay for it many times over.
MAX_RECORD_BYTES = 4 * 1024 * 1024

LANDING_NAMES = ("readme.md", "index.md")
# Folders at the top of a repository that keeps its records there (``folder: "."``)
# which hold the records' pictures: read for those files only, never for records.
PICTURE_FOLDERS = frozenset(
    {
        *("resources", "assets", "images", "img", "media", "figures", "diagrams", "pictures"),
        "attachments",
    }
)
# YAML files that hold the metadata of the record that is their folder's README or index
# (Kubernetes KEPs: keps/sig-x/2214-indexed-job/kep.yaml beside README.md), read as its
# front matter; the first of these names that is there counts. A file named for the
# collection's series does too (Gardener's geps/0011-x/gep.yaml): ``_metadata_file``.
METADATA_NAMES = ("kep.yaml", "kep.yml", "metadata.yaml", "metadata.yml")
METADATA_EXTENSIONS = (".yaml", ".yml")
# A series' letters as a collection writes them: in its folder's name (``geps/``), a
# record folder's (``gep-0011-x/``) or a title (``GEP-0011: T``).
_SERIES_LETTERS = lazy_pattern(r"^([A-Za-z]{2,6}?)s?$")
_SERIES_OF_NAME = lazy_pattern(r"^([A-Za-z]{2,6})[-_ ]?\d{1,6}(?:[-_ :.]|$)")
RECORD_EXTENSIONS = (".md", ".markdown")
SKIPPED_NAMES = ("backlog.md",)  # log4brains reserves it
# Pages that live beside numbered records without being records (a folder's FAQ, an
# installation guide): in a kind whose records are numbered, an unnumbered file with one
# of these names is left out, and named in the log.
_DOCUMENT_IN_CAPITALS = lazy_pattern(r"^[A-Z]{3,}(?:[_-][A-Z]{2,})*$")
DOCUMENT_NAMES = frozenset(
    {
        "faq",
        "changelog",
        "changes",
        "contributing",
        "glossary",
        "guide",
        "guidelines",
        "howto",
        "install",
        "installation",
        "license",
        "nav",
        "navigation",
        "overview",
        "process",
        "summary",
        "toc",
        "usage",
        "code_of_conduct",
        "code-of-conduct",
        "owners",
        "security",
        # an introduction numbered zero, in the languages teams write in ("00-introductie")
        "introduction",
        "intro",
        "introductie",
        "inleiding",
        "einleitung",
        "einführung",
        "introducción",
        "introdução",
        "introduzione",
        "innledning",
        "about",
    }
)
# Template files that teams keep beside the records (template.md, adr-template.md,
# adr-template-minimal.md, 0000-template.md, RFC-0000-Template.md, GRFC-TEMPLATE.md,
# YYYYMMDD-template-name.md) are not records: besides "template", their name holds only
# zeros, placeholders and words that qualify a template. A record *about* templates
# (0019-consequences-in-minimal-template.md) has a number and words of its own.
# "template" in the languages teams write in: mal (Norwegian), mall (Swedish), skabelon
# (Danish), sjabloon (Dutch), vorlage (German), modèle (French), plantilla (Spanish),
# modello (Italian), modelo (Portuguese).
_TEMPLATE_WORD = lazy_pattern(
    r"^_*(?:templates?|mal|mall|skabelon|sjabloon|vorlage|mod[eè]le|plantilla|modello|modelo)$",
    re.IGNORECASE,
)
_PLACEHOLDER_NUMBER = lazy_pattern(r"[A-Za-z]{0,6}?(?:0+|[xX]{2,}|[nN]{2,})")
# What a numbered template is a template of ("001-proposal-template.md").
_KIND_OF_TEMPLATE = lazy_pattern(
    r"^(?:adr|rfc|proposal|record|decision|design|architecture|enhancement|example)$", re.I
)
_TEMPLATE_QUALIFIERS = lazy_pattern(
    r"^(?:0+|[xn]+|y{2,4}m{2}d{2}|[a-z]{1,5}|minimal|bare|full|lean|light|lightweight|"
    r"simple|short|long|default|example|sample|name|title|new|record|decision|proposal|"
    r"architecture|design)$",
    re.IGNORECASE,
)


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
    findings: list[Finding] = field(default_factory=list)  # links outside, unreadable files
    # Site paths of files in record folders that must not become pages: not read (links
    # outside, FIFOs), templates, a README beside an index.md.
    refused: list[str] = field(default_factory=list)
    # Other files beside the records (pictures, diagrams, PDFs): site path -> file on disk,
    # so that relative links from records work in the site as in the repository.
    assets: dict[str, str] = field(default_factory=dict)
    # The collections' own template files (never records): what their records are asked
    # to contain (records/templates.py). ``group`` is the sub-folder they are for.
    templates: list[tuple[SourceFile, KindSpec]] = field(default_factory=list)
    # Translations of records, each a page of its record (``x-zh.md`` beside ``x.md``):
    # the record's path -> (language, the translation's site path).
    translations: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Values worked out from these files alone (their numbering): kept with them, for a
    # discovery that serves again (``DiscoveryMemo``).
    derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per discovery."""
        if key not in self.derived:
            self.derived[key] = compute()
        return cast(T, self.derived[key])


def read_regular_file(path: str, limit: int = MAX_RECORD_BYTES) -> bytes:
    """The bytes of a regular file, never blocking on a FIFO or reading a device.

    Raises ``OSError`` (with a message that says why) for anything else, or for a file
    larger than ``limit``.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"not a regular file ({_file_type(status.st_mode)})")
        if status.st_size > limit:
            raise OSError(f"larger than {limit // (1024 * 1024)} MiB ({status.st_size} bytes)")
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def site_folder(folder: Path, project_root: Path, docs_dir: Path) -> str:
    """Where a kind's folder appears in the site (posix, relative to the site root)."""
    for base in (docs_dir, project_root):
        try:
            return folder.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return folder.name


@dataclass
class DiscoveryMemo:
    """The last discovery of a process, with the status of every folder it listed and
    every file whose first lines it read (``records/trail.py``): while ``mkdocs serve``
    runs, a save that added, removed or renamed nothing there and changed none of those
    files finds the same files, and is not walked again (docs/performance.md). A kind
    read from the top of the project is walked every time: what it looks at there is
    the whole repository's top."""

    key: tuple[object, ...] | None = None
    looked_at: tuple[tuple[str, Status], ...] = ()
    found: Discovered | None = None

    def discover(
        self, project_root: Path, docs_dir: Path, kinds: dict[str, KindSpec]
    ) -> Discovered:
        key = (os.path.abspath(project_root), os.path.abspath(docs_dir), dict(kinds))
        if self.found is not None and self.key == key and unchanged(self.looked_at):
            return self.found
        started = time.time_ns()
        with recording() as paths:
            found = discover(project_root, docs_dir, kinds)
        looked_at = statuses(paths, started)
        top = os.path.realpath(project_root)
        at_root = any(os.path.realpath(project_root / k.folder) == top for k in kinds.values())
        if looked_at is None or at_root:
            self.key, self.looked_at, self.found = None, (), None
        else:
            self.key, self.looked_at, self.found = key, looked_at, found
        return found


def discover(project_root: Path, docs_dir: Path, kinds: dict[str, KindSpec]) -> Discovered:
    """Walk each kind's folder recursively, in a stable order, inside the project root."""
    records: list[tuple[SourceFile, KindSpec]] = []
    landing_pages: list[LandingPage] = []
    missing: list[str] = []
    skipped: list[str] = []
    site_bases: dict[str, str] = {}
    findings: list[Finding] = []
    refused: list[str] = []
    assets: dict[str, str] = {}
    unpublished: list[str] = []
    templates: list[tuple[SourceFile, KindSpec]] = []
    translations: dict[str, list[tuple[str, str]]] = {}
    boundary = os.path.realpath(project_root)
    # A kind's folder inside another's (docs/standards inside docs) belongs to its own kind.
    kind_folders = {
        os.path.realpath(project_root / kind.folder): kind.name for kind in kinds.values()
    }
    for kind in kinds.values():
        folder = project_root / kind.folder
        look(str(folder.parent))  # where the folder would appear
        if not folder.is_dir():
            missing.append(kind.folder)
            continue
        if not _inside(os.path.realpath(folder), boundary):
            findings.append(_outside(folder, project_root))
            continue
        # Records kept at the top of the repository (dapr's proposals, Node's EPs): their
        # pages go under the kind's name, not over the site's own index and pages.
        at_root = os.path.realpath(folder) == boundary
        site_base = kind.name if at_root else site_folder(folder, project_root, docs_dir)
        site_bases[kind.name] = site_base
        for outside_folder in _templates_beside(folder, project_root, kind, kinds):
            templates.append((outside_folder, kind))
            in_docs = os.path.relpath(outside_folder.source_path, docs_dir)
            if not in_docs.startswith(".."):  # docs/adr-template.md beside docs/adr/
                unpublished.append(Path(in_docs).as_posix())

        def walk_error(error: OSError, folder: Path = folder) -> None:
            look(str(error.filename or folder))  # its permissions given back: walked again
            shown = _display_path(Path(error.filename or folder), project_root)
            findings.append(
                finding(
                    "DEC012",
                    shown,
                    Position(1, 1),
                    f"cannot read the folder: {error.strerror or error}; its records are not shown",
                    "give the folder read permission, or remove it",
                )
            )

        visited: set[str] = set()
        # Folders that are one record each (a numbered folder with its README): everything
        # below them is that record's parts, never records of their own (a CIP's
        # test-vectors/, a design's nested sub-proposal folders).
        record_folders: list[str] = []
        for directory, subdirs, files in os.walk(folder, followlinks=True, onerror=walk_error):
            # Symlinked sub-folders are followed, each real folder once (no loops).
            look(directory)
            real = os.path.realpath(directory)
            if real in visited:
                subdirs[:] = []
                continue
            visited.add(real)
            if at_root and real == boundary:
                subdirs[:] = [
                    name
                    for name in subdirs
                    if is_root_record_name(name, kind)
                    or name.lower() in PICTURE_FOLDERS
                    or is_stage_folder(Path(directory) / name, kind)
                ]
                glued = glued_series_names(files)
                files = [name for name in files if is_root_record_name(name, kind) or name in glued]
            elif at_root and Path(directory).relative_to(folder).parts[0].lower() in (
                PICTURE_FOLDERS
            ):
                # The records' pictures (dapr's resources/<record>/x.png), in the site
                # where the records' links look; the Markdown files there are no records.
                files = [
                    n for n in files if os.path.splitext(n)[1].lower() not in RECORD_EXTENSIONS
                ]
            inside = []
            for name in sorted(subdirs):
                if name.startswith("."):
                    continue
                if not _utf8(name):
                    findings.append(_bad_name(Path(directory) / name, project_root))
                    continue
                target = os.path.realpath(os.path.join(directory, name))
                if not _inside(target, boundary):
                    findings.append(_outside(Path(directory) / name, project_root))
                    continue
                if kind_folders.get(target, kind.name) == kind.name:
                    inside.append(name)
            subdirs[:] = inside
            relative_dir = Path(directory).relative_to(folder).as_posix()
            group = "" if relative_dir == "." else relative_dir
            landing_names = [n for n in files if n.lower() in LANDING_NAMES]
            # Like MkDocs: index.md wins over README.md as the folder's page.
            landing_name = min(landing_names, key=lambda n: n.lower() != "index.md", default="")
            own_name = os.path.basename(directory)
            # One folder per record: Kubernetes KEPs (keps/sig-x/2214-indexed-job/README.md),
            # Jupyter JEPs (28-jupyter-server/jupyter-server.md); or a record's own folder
            # of parts beside it (text/3392-council.md and text/3392-council/*.md).
            markdown = [
                n
                for n in files
                if os.path.splitext(n)[1].lower() in RECORD_EXTENSIONS and not n.startswith(".")
            ]
            # Its pictures' folder (`resources/`, `statics/`) makes no category of a
            # proposal's folder.
            pictures = [d for d in subdirs if _pictures_only(os.path.join(directory, d))]
            category = len(markdown) > 2 or len(pictures) < len(subdirs)
            if not landing_name and not _NUMBERED_FOLDER.match(own_name) and category:
                # Docusaurus: "ADRs/ADRs.md" is the folder's page (its category index), over
                # the records beside or below it; "cbor/cbor.md" alone, or with one part,
                # is a record.
                landing_name = next(
                    (n for n in sorted(files) if n.lower() == f"{own_name.lower()}.md"), ""
                )
            folder_name = own_name
            # "accepted/2020/": a year groups records, unless it is a record's own folder
            year = bool(_YEAR.match(folder_name)) and not landing_name
            numbered_folder = bool(group and _NUMBERED_FOLDER.match(folder_name)) and not year
            inside_record = any(_inside(directory, root) for root in record_folders)
            # "resources/ADR-51/profile-files.md", "assets/": a folder of the records'
            # attachments, anywhere in the kind's folder; its pages are parts of records.
            in_attachments = any(part.lower() in PICTURE_FOLDERS for part in group.split("/"))
            parts_of_record = (
                inside_record
                or in_attachments
                or (numbered_folder and _has_record_beside(directory, folder_name))
            )
            # A sub-folder of notes named by date alone (BiweeklyMeetings/2020-07-01.md)
            # beside numbered records: pages of the folder, not records.
            unnumbered_pages = _unnumbered_pages(directory, group, markdown, inside, kind)
            record_of_folder = ""
            # "RFC-0000/", "0000-template/": the template's own folder, no record
            named_template = bool(group) and not inside_record and is_template(folder_name)
            template_folder = named_template or (
                numbered_folder
                and not parts_of_record
                and _template_folder(folder_name, directory, landing_name)
            )
            titled_template = (
                landing_name
                if template_folder
                and landing_name
                and _raw_title_of(os.path.join(directory, landing_name), _TEMPLATE_TITLE)
                else ""
            )
            if numbered_folder and not parts_of_record and not template_folder:
                record_of_folder = landing_name or _own_record(folder_name, markdown)
            unnumbered_leaf = (
                not record_of_folder
                and group
                and not numbered_folder
                and not inside_record
                and landing_name
            )
            if unnumbered_leaf and (
                (markdown == [landing_name] and not subdirs and _beside_numbered_records(directory))
                or (
                    all(name.lower() in LANDING_NAMES for name in markdown)  # a README too
                    and len(pictures) == len(subdirs)
                    and _reads_as_record(os.path.join(directory, landing_name))
                )
            ):
                # "proposals/tests-refactor/README.md" among "proposals/12020-x/README.md":
                # a proposal's folder whose name has no number is one all the same; and
                # "decisions/technical/containers/index.md" that says "**Status**:
                # accepted": a folder of its own per record, named by its slug.
                record_of_folder = landing_name
            if record_of_folder or template_folder:
                record_folders.append(directory)
            companions = _companions_of_records(files)
            by_lower_name = {name.lower(): name for name in files}
            for name in sorted(files):
                full = os.path.join(directory, name)
                stem, extension = os.path.splitext(name)
                if name.startswith("."):
                    if _hidden_template(name) and not parts_of_record:
                        templates.append((_template_source(full, group, project_root), kind))
                    continue
                if template_folder and extension.lower() in RECORD_EXTENSIONS:
                    skipped.append(_display_path(full, project_root))
                    inner = f"{group}/{name}"
                    unpublished.append(f"{site_base}/{inner}" if site_base != "." else inner)
                    # Not a record numbered 0; "gep-696/index.md" titled as the template is
                    if named_template or is_template(name) or titled_template == name:
                        templates.append((_template_source(full, group, project_root), kind))
                    continue
                if extension.lower() not in RECORD_EXTENSIONS and not (
                    kind.numbered and _RECORD_WITHOUT_EXTENSION.match(name)
                ):
                    asset = Path(directory) / name
                    if _utf8(name) and _unreadable(asset, boundary, project_root, 0) is None:
                        inner_asset = f"{group}/{name}" if group else name
                        site = f"{site_base}/{inner_asset}" if site_base != "." else inner_asset
                        assets[site] = str(asset)
                    continue
                if not _utf8(name):
                    findings.append(_bad_name(Path(directory) / name, project_root))
                    continue
                inner = f"{group}/{name}" if group else name
                # The page is always ``.md``: MkDocs copies "x.MD" as a static file.
                page = f"{group}/{stem}.md" if group else f"{stem}.md"
                if _excluded(inner, kind) and not _decided_record_named_template(inner, full, kind):
                    skipped.append(_display_path(full, project_root))
                    unpublished.append(f"{site_base}/{inner}" if site_base != "." else inner)
                    if is_template(name) and not parts_of_record:
                        templates.append((_template_source(full, group, project_root), kind))
                    continue
                source = SourceFile(
                    source_path=full,
                    path=_display_path(full, project_root),
                    site_path=f"{site_base}/{page}" if site_base != "." else page,
                    group=group,
                )
                problem = _unreadable(Path(full), boundary, project_root)
                if problem is not None:
                    findings.append(problem)
                    refused.append(source.site_path)
                    continue
                translated = _translated_record_beside(stem, extension, by_lower_name)
                if (
                    parts_of_record
                    or (_document_page(name, kind) and name != record_of_folder)
                    or (record_of_folder and name != record_of_folder)
                    or (unnumbered_pages and name != landing_name)
                    or _annex_of_record_beside(stem, extension, files)
                    or name in companions
                    or translated
                ):
                    # A part of a record, not a record: a page of its own in the site, so
                    # that the record's links to it work.
                    skipped.append(source.path)
                    assets[source.site_path] = source.source_path
                    if translated:  # linked from its record's page
                        original = os.path.join(directory, translated[0])
                        original = _display_path(original, project_root)
                        pages = translations.setdefault(original, [])
                        pages.append((translated[1], source.site_path))
                    continue
                if name == record_of_folder:
                    parent = posixpath.dirname(group)
                    index = f"{group}/index.md"
                    beside = (
                        _metadata_file(directory, files, kind, group)
                        if landing_name == name
                        else ""
                    )
                    if beside and _unreadable(Path(beside), boundary, project_root) is not None:
                        beside = ""  # a link outside, a FIFO: the file's own finding says so
                    source = SourceFile(
                        source_path=source.source_path,
                        path=source.path,
                        site_path=f"{site_base}/{index}" if site_base != "." else index,
                        group=parent,
                        name=os.path.basename(directory),
                        metadata_file=beside,
                        metadata_path=_display_path(beside, project_root) if beside else "",
                    )
                    records.append((source, kind))
                elif name == landing_name:
                    landing_pages.append(LandingPage(source, kind.name))
                elif name.lower() in LANDING_NAMES:
                    skipped.append(source.path)  # a second landing page: index.md wins
                    unpublished.append(f"{site_base}/{inner}" if site_base != "." else inner)
                else:
                    records.append((source, kind))
    templates = _for_records(templates, records)
    return Discovered(
        records,
        landing_pages,
        missing,
        skipped,
        site_bases,
        findings,
        refused + unpublished,
        assets,
        templates,
        translations,
    )


def _templates_beside(
    folder: Path, project_root: Path, kind: KindSpec, kinds: dict[str, KindSpec]
) -> list[SourceFile]:
    """Template files in the folder that holds the kind's folder (NATS' ``adr-template.md``
    beside ``adr/``, Polkadot's ``0000-template.md`` beside ``text/``), or in a folder
    beside it that holds templates only (Cilium's ``cfps/`` beside ``cilium/``): the
    collection's template all the same; not one named for another kind
    (``rfc-template.md`` beside ``adr/`` and ``rfc/``)."""
    others = {k.prefix.lower() for k in kinds.values() if k.prefix and k.name != kind.name}
    others -= {kind.prefix.lower()}
    parent = folder.parent
    if os.path.realpath(folder) == os.path.realpath(project_root) or not _inside(
        os.path.realpath(parent), os.path.realpath(project_root)
    ):
        return []
    try:
        names = sorted(listdir(parent))
    except OSError:
        return []

    def template_file(path: Path) -> bool:
        name = path.name
        return (
            os.path.splitext(name)[1].lower() in RECORD_EXTENSIONS
            and is_template(name)
            and not others & set(re.split(r"[-_.\s]+", name.lower()))
            and path.is_file()
            and not path.is_symlink()
        )

    found = [
        _template_source(str(parent / n), "", project_root)
        for n in names
        if template_file(parent / n)
    ]
    for name in names:  # "cfps/CFP-003-template.md" beside "cilium/": a folder of templates
        sibling = parent / name
        if (
            name.startswith(".")
            or sibling == folder
            or sibling.is_symlink()
            or not sibling.is_dir()
            or name.lower().rstrip("s") in others  # "rfcs/template.md": the RFCs' own
        ):
            continue
        try:
            inside = sorted(listdir(sibling))
        except OSError:
            continue
        pages = [n for n in inside if os.path.splitext(n)[1].lower() in RECORD_EXTENSIONS]
        templates = [n for n in pages if template_file(sibling / n)]
        if templates and all(n in templates or n.lower() in LANDING_NAMES for n in pages):
            found += [_template_source(str(sibling / n), "", project_root) for n in templates]
    # Higher up, to the top of the repository: Solana's `XXXX-template.md` at the top
    # stays the template of its proposals after they move from `proposals/` to
    # `docs/simds/`.
    above = parent
    while not found and os.path.realpath(above) != os.path.realpath(project_root):
        above = above.parent
        if not _inside(os.path.realpath(above), os.path.realpath(project_root)):
            break
        try:
            higher = sorted(listdir(above))
        except OSError:
            break
        found = [
            _template_source(str(above / n), "", project_root)
            for n in higher
            if template_file(above / n) and _RECORD_TEMPLATE_NAME.search(n)
        ]
    return found


def _for_records(
    templates: list[tuple[SourceFile, KindSpec]], records: list[tuple[SourceFile, KindSpec]]
) -> list[tuple[SourceFile, KindSpec]]:
    """Each template for the nearest folder at or above its own that holds records: a
    template kept in a folder of guidelines (``jep-guidelines/JEP-TEMPLATE.md``) is for
    the whole collection."""
    groups = {(kind.name, source.group) for source, kind in records}

    def holds_records(kind: str, group: str) -> bool:
        return any(k == kind and (g == group or g.startswith(group + "/")) for k, g in groups)

    placed = []
    for source, kind in templates:
        group = source.group
        while group and not holds_records(kind.name, group):
            group = posixpath.dirname(group)
        placed.append((replace(source, group=group) if group != source.group else source, kind))
    return placed


def _hidden_template(name: str) -> bool:
    """A hidden Markdown file named as a template (``.TEMPLATE.md``,
    ``.WIDGET-TEMPLATE.md``): kept out of the site, and the collection's template all
    the same. No record is hidden, so the words before *template* need not be ones that
    qualify a template, as they must for a file that could be a record."""
    stem, extension = os.path.splitext(name.lstrip("."))
    words = [word for word in re.split(r"[-_.\s]+", stem) if word]
    return (
        extension.lower() in RECORD_EXTENSIONS
        and bool(words)
        and _TEMPLATE_WORD.match(words[-1]) is not None
    )


def _template_source(full: str, group: str, project_root: Path) -> SourceFile:
    """A template file, for the records of the folder it is in: a template in a folder
    of templates (``templates/template.md``, ``RFC-0000/README.md``) is for the records
    of the folder above."""
    if group and is_template(posixpath.basename(group)):
        group = posixpath.dirname(group)
    return SourceFile(
        source_path=full, path=_display_path(full, project_root), site_path="", group=group
    )


# "adr-050-sign-mode-textual-annex1.md" beside "adr-050-sign-mode-textual.md"
_ANNEX = lazy_pattern(
    r"^(?P<record>.+?)[-_ ](?:annex|appendix|addendum|attachment|anhang|anexo|annexe)"
    r"(?:[-_ ]?[0-9a-z]{1,3})?$",
    re.IGNORECASE,
)


def _annex_of_record_beside(stem: str, extension: str, files: list[str]) -> bool:
    """Whether a file is an annex of the record beside it, named as the record's file
    with ``-annex1``, ``-appendix-a``: a page of that record, not a record (its number
    is the record's)."""
    match = _ANNEX.match(stem)
    return match is not None and f"{match['record']}{extension}" in files


# "x-zh.md", "x_zh_CN.md", "x.ja.md", "x-pt-BR.md" beside "x.md": the record in a language
# of its own. Only the languages records are translated into, so that a name's last word
# is rarely taken for one.
_TRANSLATION = lazy_pattern(
    r"^(?P<record>.+?)[-_.](?P<language>(?:zh|ja|ko|en|es|pt|fr|de|it|ru|uk|pl|tr|nl|sv|da|"
    r"nb|no|fi|cs|ar|he|hi|id|vi|th|fa)(?:[-_](?:[A-Z]{2}|Hans|Hant))?)$"
)


def _translated_record_beside(
    stem: str, extension: str, by_lower_name: dict[str, str]
) -> tuple[str, str] | None:
    """The record a file translates, and into which language (``("x.md", "zh")`` for
    ``x-zh.md``), when it is named as the record beside it, in any case, with a language
    after it: a page of that record, not a record of its own. None for any other file."""
    match = _TRANSLATION.match(stem)
    if match is None:
        return None
    record = by_lower_name.get(f"{match['record']}{extension}".lower())
    return (record, match["language"]) if record else None


# "0012D-use-cim.md" beside "0012-use-cim.md": the record's number, one letter, a name.
_LETTERED = lazy_pattern(r"^(?P<number>\d{1,18})(?P<letter>[A-Za-z])(?=[-_ .])")
_NUMBER_FIRST = lazy_pattern(r"^(\d{1,18})(?=[-_ .])")
COMPANION_MINIMUM = 3  # records with a companion of the same letter, for a convention


def _companions_of_records(files: list[str]) -> frozenset[str]:
    """Files that go with a record of the same number, named with one letter after it
    (Alliander's approval records, ``0012D-x.md`` beside ``0012-x.md``): pages of that
    record, not records. Only a convention of the folder counts: at least
    ``COMPANION_MINIMUM`` records with a companion of the same letter, and every file of
    that letter beside its record; a lone ``0005a-x.md`` is a record of its own."""
    numbers = {int(m[1]) for m in map(_NUMBER_FIRST.match, files) if m}
    by_letter: dict[str, list[tuple[str, int]]] = {}
    for name in files:
        match = _LETTERED.match(name)
        if match and os.path.splitext(name)[1].lower() in RECORD_EXTENSIONS:
            by_letter.setdefault(match["letter"].lower(), []).append((name, int(match["number"])))
    companions: set[str] = set()
    for named in by_letter.values():
        if len(named) >= COMPANION_MINIMUM and all(number in numbers for _, number in named):
            companions.update(name for name, _ in named)
    return frozenset(companions)


def _unnumbered_pages(
    directory: str, group: str, markdown: list[str], subdirs: list[str], kind: KindSpec
) -> bool:
    """Whether a sub-folder of a kind whose records are numbered holds pages that are no
    records: no file or folder in it is numbered (meeting notes named by their date
    alone, ``BiweeklyMeetings/2020-07-01.md``; a guide, ``design/onboarding-guide.md``;
    specifications, ``specs/agent-rpc.md``), while numbered records lie beside the folder
    (``CIP-0001/``, ``0007-x.md``). A record named by date has words after the date
    (log4brains' ``20210105-use-x.md``): that is a numbered name."""
    pages = [name for name in markdown if name.lower() not in LANDING_NAMES]
    if not (kind.numbered and group and pages):
        return False
    own = os.path.basename(directory)
    if _numbered_name(own):
        return False  # a record's own folder (28-jupyter-server/jupyter-server.md)
    if set(re.split(r"[-_ .]+", own.lower())) & _RECORD_FOLDER_WORDS:
        return False  # "proposed-adrs/": records that get their number when accepted
    if any(_numbered_name(os.path.splitext(name)[0]) for name in pages):
        return False
    if any(_numbered_name(name) for name in subdirs):
        return False
    if len(pages) == 1 and _reads_as_record(os.path.join(directory, pages[0])):
        return False  # a proposal's own folder, named by its slug, among numbered ones
    try:
        beside = listdir(os.path.dirname(directory))
    except OSError:
        return False
    # Numbered records beside it: two or more ("net5/" alone among named designs is a
    # name with a digit, not a numbered collection).
    numbered = [
        name
        for name in beside
        if name != own and _CLEARLY_NUMBERED.match(name) and not _YEAR.match(name)
    ]
    return len(numbered) >= 2


# A name numbered as records are: the number first, or after a series and a separator
# (0007-x.md, CIP-0001/), not a word with a digit in it (net5, utf8).
_CLEARLY_NUMBERED = lazy_pattern(r"^(?:[A-Za-z]{1,10}[-_])?\d{1,6}(?:[-_.]|$)")


# Folder names that say they hold records of a stage: proposals not numbered yet, records
# retired without their numbers.
_RECORD_FOLDER_WORDS = frozenset(
    {
        "proposed",
        "proposals",
        "draft",
        "drafts",
        "adr",
        "adrs",
        "rfc",
        "rfcs",
        "decisions",
        "historic",
        "archive",
        "archived",
        "superseded",
        "deprecated",
        "rejected",
        "defunct",
        "obsolete",
        "retired",
        "withdrawn",
    }
)


def _numbered_name(stem: str) -> bool:
    """A name that numbers a record (``0007-x``, ``CIP-0001``, ``ODH-ADR-Operator-0001-x``,
    ``20210105-x``, ``0000-x``); a date alone (``2020-07-01``) numbers nothing."""
    match = _NUMBERED_NAME.match(stem)
    if match is None or _DATE_ONLY.match(stem):
        return False
    # "design-doc-packages-v2": a version of a document, not a record's number
    return not _VERSION_NUMBER.search(match.group(0))


_VERSION_NUMBER = lazy_pattern(r"(?:^|[-_])[vV]\d+$")


def _metadata_file(directory: str, files: list[str], kind: KindSpec, group: str) -> str:
    """The metadata file beside a folder's README (``kep.yaml``), if there is one: one of
    ``METADATA_NAMES``, or a YAML file named for the collection's series (``gep.yaml``
    beside ``geps/0011-x/README.md``)."""
    by_name = {name.lower(): name for name in files}
    for candidate in METADATA_NAMES:
        if candidate in by_name:
            return os.path.join(directory, by_name[candidate])
    named = {
        stem: name
        for stem, extension, name in ((*os.path.splitext(n), by_name[n]) for n in sorted(by_name))
        if extension in METADATA_EXTENSIONS and _SERIES_LETTERS.fullmatch(stem)
    }
    if not named:
        return ""
    series = _series_of_collection(directory, kind, group)
    for stem, name in named.items():
        if stem in series:
            return os.path.join(directory, name)
    return ""


def _series_of_collection(directory: str, kind: KindSpec, group: str) -> set[str]:
    """The series' letters, lower case, that a record folder's collection is written
    with: the kind's prefix, its folder's name and the folders' names between (``geps``
    is gep), the record folder's own name (``gep-0011-x``), and the series its README's
    title is numbered in (``# GEP-0011: T``)."""
    series = {kind.prefix.lower()} if kind.prefix else set()
    names = [*Path(kind.folder).parts, *group.split("/")]
    for name in names:
        letters = _SERIES_LETTERS.match(name) or _SERIES_OF_NAME.match(name)
        if letters:
            series.add(letters[1].lower())
    for landing in LANDING_NAMES:
        page = os.path.join(directory, landing)
        title = _written_title(page) if os.path.isfile(page) else None
        numbered = _SERIES_OF_NAME.match(title or "")
        if numbered:
            series.add(numbered[1].lower())
    return series


def is_root_record_name(name: str, kind: KindSpec) -> bool:
    """Whether a file or folder at the top of the repository can be a record of a kind
    read from there (``folder: "."``): a numbered or dated name (``0012-x.md``,
    ``20221025-P-proposal-process.md``, a record's own folder ``0004-x/``) or a template
    (``templates/``, ``0000-template.md``). Everything else at the top is the
    repository's, not the kind's: its README, CONTRIBUTING, LICENSE and CHANGELOG, the
    docs and site folders, the code, and the folders of the other kinds."""
    if name.startswith((".", "_")):
        return False
    stem, extension = os.path.splitext(name)
    if extension and extension.lower() not in RECORD_EXTENSIONS:
        return False  # pictures at the top belong to the repository's README
    if is_template(name):
        return True
    numbered = _ROOT_NUMBERED.match(stem) and not _DATE_ONLY.match(stem)
    return kind.numbered and bool(numbered) and stem.lower() not in DOCUMENT_NAMES


def root_places(project_root: Path, kind: KindSpec) -> list[str]:
    """The files and folders at the top of the project that can be records of a kind read
    from there (``is_root_record_name``): the places whose git history is read for it."""
    try:
        names = sorted(listdir(project_root))
    except OSError:
        return []
    glued = glued_series_names(names)
    return [
        name
        for name in names
        if is_root_record_name(name, kind)
        or name in glued
        or is_stage_folder(project_root / name, kind)
    ]


# The words a stage folder is named by, alone or joined (`Final/`, `Draft-Accepted/`,
# `Archive/`): the status of the records in it, or the archive of the old ones.
_STAGE_WORDS = frozenset(
    {
        *("draft", "drafts", "proposed", "review", "accepted", "approved", "final"),
        *("implemented", "active", "experimental", "rejected", "withdrawn", "declined"),
        *("superseded", "deprecated", "obsolete", "abandoned", "deferred", "postponed"),
        *("archive", "archived"),
    }
)
_STAGE_NAME = lazy_pattern(r"[A-Za-z]+(?:[-_ ][A-Za-z]+){0,2}")
_STAGE_RECORD = lazy_pattern(r"^(?:[A-Za-z]{1,6}[-_]?)?\d{1,18}(?=[-_ .])")
_STAGE_LOOK = 200  # files looked at for a numbered record, at most


def is_stage_folder(path: Path, kind: KindSpec) -> bool:
    """Whether a folder at the top of the repository is a stage of a kind read from there
    (PowerShell's RFCs: ``Final/``, ``Draft-Accepted/``, ``Archive/Rejected/``): named
    by status words alone, and holding a numbered record (``RFC0045-x.md``) in it or in
    its sub-folders. Its records are the kind's, with its other numbered ones."""
    name = path.name
    words = re.split(r"[-_ ]", name.lower())
    if not kind.numbered or not _STAGE_NAME.fullmatch(name):
        return False
    if not all(word in _STAGE_WORDS for word in words) or not path.is_dir():
        return False
    looked = 0
    for directory, subdirs, files in os.walk(path):
        look(directory)
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for file in files:
            stem, extension = os.path.splitext(file)
            if extension.lower() in RECORD_EXTENSIONS and _STAGE_RECORD.match(stem):
                return True
            looked += 1
        if looked > _STAGE_LOOK:
            break
    return False


# A name that is a series' letters and its number, glued: TUF's `tap12.md`.
_GLUED = lazy_pattern(r"^([A-Za-z]{2,6})(\d{1,6})$")


def glued_series_names(names: list[str]) -> set[str]:
    """The Markdown names that are a series' letters glued to a number (``tap1.md``,
    ``tap12.md``), where three or more of ``names`` share the letters: records numbered
    so, not ``utf8.md`` or ``net5.md`` alone."""
    by_letters: dict[str, list[str]] = {}
    for name in names:
        stem, extension = os.path.splitext(name)
        glued = _GLUED.match(stem)
        if glued and extension.lower() in RECORD_EXTENSIONS:
            by_letters.setdefault(glued[1].lower(), []).append(name)
    return {name for group in by_letters.values() if len(group) >= 3 for name in group}


def _beside_numbered_records(directory: str) -> bool:
    """Whether a folder's siblings include two or more numbered folders that each hold a
    record as their README.md or index.md (a KEP-like collection)."""
    parent = os.path.dirname(directory)
    try:
        siblings = listdir(parent)
    except OSError:
        return False
    numbered = 0
    for name in siblings:
        if not _NUMBERED_FOLDER.match(name):
            continue
        look(os.path.join(parent, name))
        if any(
            os.path.isfile(os.path.join(parent, name, page)) for page in ("README.md", "index.md")
        ):
            numbered += 1
            if numbered >= 2:
                return True
    return False


# A numbered name with words after its number ("001-new-workflow-commands"): its number.
_NUMBER_THEN_WORDS = lazy_pattern(r"^(?:[A-Za-z]{1,6}[-_]?)?(\d{1,18})[-_](?=[^\W\d_])")
_LIKE_ITS_FOLDER = 0.8  # how alike a record's name and its folder's are, despite a typo


def _own_record(folder_name: str, markdown: list[str]) -> str:
    """The record of a numbered folder that has no README or index: the Markdown file
    named like the folder (``001-x/001-x.md``, beside its attachments
    ``user-story-y.md``); else the one file numbered as the folder whose name is the
    folder's but for a typo (``008-new-dataset-fields/008-new-dataset-fiealds.md``), or
    numbered as the folder and alone in it; else a lone file with no number of its own
    (``0012-x/design.md``); "" when none is clearly the record (``v1/0001-a.md``: a
    group of records)."""
    stems = {name: os.path.splitext(name)[0] for name in markdown}
    named_alike = [name for name in markdown if stems[name].lower() == folder_name.lower()]
    if len(named_alike) == 1:
        return named_alike[0]
    folder_number = _NUMBER_THEN_WORDS.match(folder_name)
    if folder_number:
        same_number = [
            name
            for name in markdown
            if (own := _NUMBER_THEN_WORDS.match(stems[name]))
            and int(own[1]) == int(folder_number[1])
        ]
        if len(same_number) == 1 and (
            len(markdown) == 1
            or difflib.SequenceMatcher(
                None, stems[same_number[0]].lower(), folder_name.lower()
            ).ratio()
            >= _LIKE_ITS_FOLDER
        ):
            return same_number[0]
    if len(markdown) == 1 and not _NUMBERED_FOLDER.match(markdown[0]):
        return markdown[0]  # "0012-x/design.md"
    return ""


def _template_folder(folder_name: str, directory: str = "", landing: str = "") -> bool:
    """A numbered folder that holds the template: named as one, or numbered zero unless
    its page has a title of its own (scientific-python's ``spec-0000/index.md`` is
    "SPEC 0 — Minimum Supported Dependencies", a record)."""
    match = _NUMBERED_FOLDER.match(folder_name)
    digits = re.sub(r"\D", "", match.group(0)) if match else ""
    if is_template(folder_name):
        return True
    if not digits or int(digits) != 0:
        # "gep-696/index.md" titled "GEP-696: GEP template": a number like any other's
        return bool(landing) and _raw_title_of(os.path.join(directory, landing), _TEMPLATE_TITLE)
    return not (landing and _titled(os.path.join(directory, landing)))


_TITLE_LINE = lazy_pattern(r"^(?:title:\s*|#\s+)(?P<title>\S.*)$", re.MULTILINE)


def _titled(page: str) -> bool:
    """Whether a page's front-matter title or first heading names something: not the
    template's placeholder (``Title``, ``{title}``, ``RFD 0 Template``)."""
    return _title_of(page, lambda title: not is_placeholder(title) and not is_template(title))


# A page titled as the template by its id: "GEP-696: GEP template", "RFC 0: Template";
# not "2. Email templates" nor "Helm chart template".
_TEMPLATE_TITLE = lazy_pattern(
    r"^[A-Za-z]{2,6}[- ]?\d+\s*:\s*(?:[A-Za-z]{2,6}\s+)?templates?$", re.IGNORECASE
)


# A status written as one word of the lifecycles, not a template's choices or placeholder.
_DECIDED_STATUS_LINE = lazy_pattern(
    r"^[\s*_>-]*status[*_]*\s*:?[*_]*\s*[*_]*(?:accepted|approved|adopted|decided|"
    r"implemented|final|superseded|deprecated|rejected)[*_.]*\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _decided_record_named_template(inner: str, page: str, kind: KindSpec) -> bool:
    """Whether a file named as a numbered template (``0001-adr-template.md``) is a record:
    numbered other than zero, and stating a decided status in its head (the record that
    chose the collection's template: `**Status:** Accepted`). A template states choices
    (`Proposed | Accepted`) or nothing. A file the kind's ``exclude`` names stays out."""
    name = inner.rsplit("/", 1)[-1]
    if not is_template(name) or any(fnmatch.fnmatch(inner, p) for p in kind.exclude):
        return False
    number = re.match(r"^\D{0,8}?(\d{1,6})[-_ ]", name)
    if number is None or not int(number[1]):
        return False
    head = _head_of(page)
    return head is not None and bool(_DECIDED_STATUS_LINE.search(head))


def _head_of(page: str) -> str | None:
    """The first 4 KiB of a page, as text; None when it cannot be read."""
    look(page)
    try:
        with open(page, "rb") as opened:
            return opened.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return None


def _raw_title_of(page: str, pattern: re.Pattern[str]) -> bool:
    """Whether a page's front-matter title or first heading, as written, matches."""
    written = _written_title(page)
    return written is not None and bool(pattern.match(written))


def _written_title(page: str) -> str | None:
    """A page's front-matter title or first heading as written, quotes aside; None when
    it has neither or cannot be read."""
    head = _head_of(page)
    found = _TITLE_LINE.search(head) if head is not None else None
    return found["title"].strip().strip("\"'") if found is not None else None


def _title_of(page: str, test: Callable[[str], bool]) -> bool:
    """Whether a page has a front-matter title or first heading, without its number, that
    passes ``test``."""
    written = _written_title(page)
    if written is None:
        return False
    title = clean_title(written)
    return bool(title) and test(title)


# A status label near the top of a page, as front matter, a line (bold, in a list or in
# an indented admonition) or a section: "**Status**: accepted", "## Status".
_STATUS_STATED = lazy_pattern(
    r"^(?:status:\s*\S|\s*(?:[-*+]\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*(?::|\*\*:)\s*\S"
    r"|#{1,3}\s+status\s*$)",
    re.IGNORECASE | re.MULTILINE,
)


def _pictures_only(folder: str) -> bool:
    """Whether a sub-folder holds the pictures of a record and no pages: named for them
    (``images/``), or with no Markdown file in it (``statics/flow.png``)."""
    if os.path.basename(folder).lower() in PICTURE_FOLDERS:
        return True
    try:
        names = listdir(folder)
    except OSError:
        return False
    return bool(names) and all(
        os.path.isfile(os.path.join(folder, name))
        and os.path.splitext(name)[1].lower() not in RECORD_EXTENSIONS
        for name in names
    )


def _reads_as_record(page: str) -> bool:
    """Whether the page of a folder of its own, named by its slug, is a record: it states
    a status near its top, or its front matter is a proposal's (a title and its authors or
    creation date, as KEP-like templates ask) as a sibling proposal's is."""
    if _states_status(page):
        return True
    return _proposal_front_matter(page) and _proposal_beside(os.path.dirname(page))


# Front matter as a KEP-like template writes it: `title:`, then `authors:` or the day it
# was written (`creation-date: 2022-02-14`, also misspelt `create-date:`).
_FRONT_TITLE = lazy_pattern(r"^title\s*:\s*\S", re.IGNORECASE | re.MULTILINE)
_FRONT_PROPOSAL_KEY = lazy_pattern(
    r"^(?:authors?|creat(?:ion|ed?)[-_ ]?(?:date|on)?|start[-_ ]date)\s*:",
    re.IGNORECASE | re.MULTILINE,
)


def _proposal_front_matter(page: str) -> bool:
    """Whether a page opens with front matter that holds a title and its authors or
    creation date."""
    head = _head_of(page)
    if head is None or not head.lstrip("\ufeff").startswith("---"):
        return False
    front = head.lstrip("\ufeff")[3:].split("\n---", 1)[0]
    return bool(_FRONT_TITLE.search(front) and _FRONT_PROPOSAL_KEY.search(front))


def _proposal_beside(directory: str) -> bool:
    """Whether another folder beside this one holds a page with a proposal's front matter
    (its README, or its one Markdown file): a collection of such folders, not a lone
    page that happens to have one."""
    parent = os.path.dirname(directory)
    own = os.path.basename(directory)
    try:
        siblings = sorted(listdir(parent))
    except OSError:
        return False
    for name in siblings[:200]:
        folder = os.path.join(parent, name)
        if name == own or name.startswith(".") or not os.path.isdir(folder):
            continue
        try:
            pages = [n for n in listdir(folder) if os.path.splitext(n)[1].lower() == ".md"]
        except OSError:
            continue
        landing = [n for n in pages if n.lower() in LANDING_NAMES]
        for page in landing or (pages if len(pages) == 1 else []):
            if _proposal_front_matter(os.path.join(folder, page)):
                return True
    return False


def _states_status(page: str) -> bool:
    """Whether a page states a status near its top, as records do and landing pages do
    not."""
    head = _head_of(page)
    return head is not None and bool(_STATUS_STATED.search(head))


_DATED_FOLDER = lazy_pattern(r"^(?:19|20)\d{2}[-_]?\d{1,2}[-_]?\d{1,2}[-_]")


def _has_record_beside(directory: str, folder_name: str) -> bool:
    """Whether a numbered folder belongs to a record file beside it, with the same number
    (``text/3392-council/`` beside ``text/3392-council.md``, ``A69_graphics/`` beside
    ``A69-crl-enhancements.md``): then it holds that record's parts and pictures."""
    match = _NUMBERED_FOLDER.match(folder_name)
    if match is None:
        return False
    try:
        siblings = listdir(os.path.dirname(directory))
    except OSError:
        return False
    if _DATED_FOLDER.match(folder_name):  # "2024-10-18-x/": a date is no number others share
        return any(
            stem == folder_name and extension.lower() in RECORD_EXTENSIONS
            for stem, extension in map(os.path.splitext, siblings)
        )
    number = re.sub(r"[-_]$", "", match.group(0)).lower()
    # "CIP-0001/" alone is the record's own folder (its README is it); "15292/" beside
    # "15292-generics.md" holds that record's parts.
    named_by_number = number == folder_name.lower()
    for sibling in siblings:
        stem, extension = os.path.splitext(sibling)
        if extension.lower() not in RECORD_EXTENSIONS:
            continue
        lowered = stem.lower()
        if named_by_number:  # "nep-0245/" beside "nep-0245.md" or "nep-0245-x.md"
            if re.match(rf"{re.escape(number)}(?:[-_. ]|$)", lowered):
                return True
        elif lowered == folder_name.lower() or re.match(
            rf"{re.escape(number)}(?:[-_. ]|$)", lowered
        ):
            return True
    return False


def _utf8(name: str) -> bool:
    """Whether a file name (as the file system gave it) is valid UTF-8: others cannot be
    written into URLs, pages or reports faithfully."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _bad_name(path: Path, project_root: Path) -> Finding:
    shown = os.fsencode(_display_path(path, project_root)).decode("utf-8", "backslashreplace")
    return finding(
        "DEC012",
        shown,
        Position(1, 1),
        "cannot read the file: its name is not valid UTF-8; it gets no page",
        "rename it with a UTF-8 name (e.g. `git mv`)",
    )


def _inside(real: str, boundary: str) -> bool:
    """Whether a real path is inside ``boundary`` and not in its ``.git`` folder (whose
    config holds the token of a CI checkout)."""
    if not (real == boundary or real.startswith(boundary.rstrip(os.sep) + os.sep)):
        return False
    return not _in_git(real, boundary)


def _in_git(real: str, boundary: str) -> bool:
    git = os.path.join(boundary, ".git")
    return real == git or real.startswith(git + os.sep)


def _outside(path: Path, project_root: Path) -> Finding:
    try:
        target = os.readlink(path)
    except OSError:
        target = os.path.realpath(path)
    where = (
        "into the repository's .git folder"
        if _in_git(os.path.realpath(path), os.path.realpath(project_root))
        else "outside the project"
    )
    return finding(
        "DEC011",
        _display_path(path, project_root),
        Position(1, 1),
        f"is a link to {target}, {where}; it is not read",
    )


def _unreadable(
    path: Path, boundary: str, project_root: Path, limit: int = MAX_RECORD_BYTES
) -> Finding | None:
    """DEC011 for a link that leads outside the project, DEC012 for anything that is not
    a regular file (a FIFO, a device, a link that loops or leads nowhere). A file refused
    is looked at again when its status (or its target's) changes: a file cut below the
    limit, a link whose target appears."""
    problem = _problem_reading(path, boundary, project_root, limit)
    if problem is not None:
        look(str(path))
    return problem


def _problem_reading(path: Path, boundary: str, project_root: Path, limit: int) -> Finding | None:
    shown = _display_path(path, project_root)
    try:
        status = path.lstat()
        if stat.S_ISLNK(status.st_mode):
            if not _inside(os.path.realpath(path), boundary):
                return _outside(path, project_root)
            status = path.stat()  # raises for a loop or a missing target
    except OSError as error:
        reason = "a link that loops" if error.errno == errno.ELOOP else "a link that leads nowhere"
        return finding("DEC012", shown, Position(1, 1), f"cannot read the file: {reason}")
    if not stat.S_ISREG(status.st_mode):
        return finding(
            "DEC012",
            shown,
            Position(1, 1),
            f"cannot read the file: it is {_file_type(status.st_mode)}, not a regular file",
        )
    if limit and status.st_size > limit:
        return finding(
            "DEC012",
            shown,
            Position(1, 1),
            f"the file is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MiB "
            f"({status.st_size} bytes); it is not read",
            "split it, or move the large content (data, images) beside the record",
        )
    return None


# A template's name that says it is of records (a number's placeholder or a kind's word),
# not GitHub's `ISSUE_TEMPLATE.md` or `PULL_REQUEST_TEMPLATE.md` at the top
_RECORD_TEMPLATE_NAME = lazy_pattern(
    r"(?:^|[-_.\s])(?:0{2,}|x{2,}|n{2,}|adr|rfc|decision|proposal|design|record|kep|sip|simd|"
    r"cfep|nep|tep|enhancement)s?(?:[-_.\s]|$)",
    re.IGNORECASE,
)
# A name no record can have: its date is the template's placeholder
# (``YYYY-MM-DD-copy-me.md``), or it asks to be copied.
_PLACEHOLDER_NAME = lazy_pattern(
    r"^(?:y{4}[-_]?m{2}[-_]?d{2}|y{4}[-_]?m{2})(?:[-_.]|$)|^copy[-_]?me$",
    re.IGNORECASE,
)


def is_template(name: str) -> bool:
    """A template file that teams keep beside the records (template.md, ...)."""
    if _PLACEHOLDER_NAME.search(os.path.splitext(name)[0]):
        return True
    words = [word for word in re.split(r"[-_.\s]+", os.path.splitext(name)[0]) if word]
    if len(words) > 2 and words[0].isalpha() and words[1].isdigit():
        words = [words[0], *words[2:]]  # "CFP-003-template": a series' number for it
    elif len(words) > 2 and words[0].isalpha() and _PLACEHOLDER_NUMBER.fullmatch(words[1]):
        # "scs-XXXX-vN-standard-template": the series, then a placeholder for the number
        words = words[1:]
    if (
        len(words) > 2
        and words[0].isdigit()
        and _TEMPLATE_WORD.match(words[-1])
        and all(_KIND_OF_TEMPLATE.match(word) for word in words[1:-1])
    ):
        words = words[1:]  # "001-proposal-template": numbered first, as the records are
    if len(words) > 2 and _PLACEHOLDER_NUMBER.fullmatch(words[0]) and len(words) <= 6:
        # "000-feature-template", "ADRXXX-architecture-decision-record-template": a
        # placeholder for the number, then what it is a template of
        last = words[-1]
        if _TEMPLATE_WORD.match(last) and not last.lower().endswith("templates"):
            return True
    if not any(_TEMPLATE_WORD.match(word) for word in words):
        return False
    return all(_TEMPLATE_WORD.match(word) or _TEMPLATE_QUALIFIERS.match(word) for word in words)


def _excluded(inner: str, kind: KindSpec) -> bool:
    name = inner.rsplit("/", 1)[-1]
    if is_template(name) or name.lower() in SKIPPED_NAMES:
        return True
    if name.startswith("_"):
        return True  # a site's partial or a note on the folder (_readme.md, _sidebar.md)
    return any(fnmatch.fnmatch(inner, pattern) for pattern in kind.exclude)


def _document_page(name: str, kind: KindSpec) -> bool:
    """A page about the records beside them, not one of them: published as a page of the
    folder, never checked. ``FAQ.md``, ``000-index.md`` and ``00-introductie.md`` (an
    index or introduction numbered zero), a name in capitals alone (``PROPOSALS.md``,
    ``GOVERNANCE.md``, as repositories name their documents) beside numbered records."""
    if not kind.numbered:
        return False
    written = os.path.splitext(name)[0].lower()
    stem = re.sub(r"^0+[-_ .]+", "", written)
    if stem in DOCUMENT_NAMES or (stem != written and stem == "index"):
        return True
    capitals = _DOCUMENT_IN_CAPITALS.match(os.path.splitext(name)[0])
    return bool(capitals) and name.lower() not in LANDING_NAMES


def _display_path(path: Path | str, project_root: Path) -> str:
    """The path as people name it from the project root; symlinks are not resolved, so
    ``adr/0001-x.md`` stays that even when ``adr`` links elsewhere."""
    text = os.fspath(path)
    root = _absolute(os.fspath(project_root))
    # The common case, cheaply (discovery names every file): a clean path below the root.
    if text.startswith(root + os.sep) and f"{os.sep}." not in text[len(root) :]:
        return text[len(root) + 1 :].replace(os.sep, "/")
    relative = os.path.relpath(os.path.abspath(path), root)
    return Path(relative).as_posix() if not relative.startswith("..") else Path(path).as_posix()


@functools.lru_cache(maxsize=64)
def _absolute(path: str) -> str:
    return os.path.abspath(path)
