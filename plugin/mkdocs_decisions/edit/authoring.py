"""Writing records: a new record from a template, a status change, a supersession.

Everything here returns changes (new bytes, with the bytes they were made from) and
never writes: the ``decisions`` command writes them through :mod:`.files`, and only
the files it was asked to change.
Edits go through :mod:`.frontmatter`, so the rest of each file keeps its
bytes; a status written in the body (MADR 2 bullets, adr-tools' Status
section) is changed where it is written.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record
from ..records.parse import SourceFile, normalise_id, parse_record
from .files import Change, WriteRefused, read_regular
from .frontmatter import Document, EditError

TEMPLATES = Path(__file__).parent / "templates"
# Where a kind's folder may hold its own template (adr-tools, log4brains and MADR names);
# `{kind}` becomes the kind's name: adr-template.md, rfc-template.md.
TEMPLATE_NAMES = ("template.md", "{kind}-template.md", "0000-template.md")


class AuthoringError(ValueError):
    """A change that cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class NewRecord:
    path: Path  # where to write it
    record_id: str
    content: bytes
    superseded: tuple[Record, Change] | None = None  # the record it supersedes, edited

    @property
    def changes(self) -> list[Change]:
        """The new file first, then the superseded one: if the second write is cut short,
        ``decisions check`` names the half-done supersession (DEC203) and its command."""
        changes = [Change(self.path, None, self.content)]
        if self.superseded is not None:
            changes.append(self.superseded[1])
        return changes


def slug(title: str, limit: int = 60) -> str:
    """``Use Feast for features!`` -> ``use-feast-for-features``: ASCII, lower case."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:limit].rstrip("-") or "record"


def next_number(corpus: Corpus, kind: KindSpec, folder: Path) -> int:
    """One more than the highest number used by a record of the kind or a file name."""
    numbers = [r.number for r in corpus.records if r.kind == kind.name and r.number is not None]
    if folder.is_dir():
        for path in folder.rglob("*.md"):
            match = re.match(r"^(\d{1,18})[-_ .]", path.name)
            if match:
                numbers.append(int(match.group(1)))
    return max(numbers, default=0) + 1


def template_text(kind: KindSpec, folder: Path) -> tuple[str, Path]:
    """The kind's template and where it is: a template file in its folder, else the
    built-in one."""
    for name in TEMPLATE_NAMES:
        candidate = folder / name.format(kind=kind.name)
        if candidate.is_file() and not candidate.is_symlink():
            try:
                return candidate.read_text(encoding="utf-8"), candidate
            except (OSError, UnicodeDecodeError) as error:
                raise AuthoringError(f"template {candidate}: cannot read it: {error}") from None
    built_in = TEMPLATES / f"{kind.name}.md"
    return built_in.read_text(encoding="utf-8"), built_in


def new_record(
    corpus: Corpus,
    kind: KindSpec,
    project_root: Path,
    title: str,
    today: dt.date,
    record_id: str = "",
    supersedes: Record | None = None,
    force: bool = False,
) -> NewRecord:
    """A new record of ``kind`` with ``title``: next number, slugged name, the template
    with title, status, date (and id for named kinds) filled in; with ``supersedes``,
    also the old record's new text (superseded by the new one)."""
    title = " ".join(title.split())
    if not title:
        raise AuthoringError("the title is empty")
    folder = project_root / kind.folder
    if record_id and kind.numbered:
        raise AuthoringError(
            f"--id is for standards and projects; {kind.name} records are numbered "
            "from their file names"
        )
    if kind.numbered:
        number = next_number(corpus, kind, folder)
        record_id = f"{kind.prefix}-{number:04d}"
        name = f"{number:04d}-{slug(title)}.md"
    else:
        record_id = record_id or (slug(title) if kind.name == "project" else "")
        if not record_id:
            numbers = [
                int(match.group(1))
                for r in corpus.records
                if r.kind == kind.name and (match := re.search(r"(?<!\d)(\d{1,18})$", r.id))
            ]
            record_id = f"{kind.prefix}-{max(numbers, default=0) + 1:03d}"
        taken = corpus.get(record_id)
        if taken is not None:
            raise AuthoringError(f"id {record_id} is already used by {taken.path}")
        name = f"{slug(f'{record_id} {title}' if kind.name == 'standard' else record_id)}.md"
    path = folder / name
    if path.exists():
        raise AuthoringError(f"{path} exists already; nothing was written")
    template, template_path = template_text(kind, folder)
    document = _template_document(template, template_path)
    if not kind.numbered:
        document.set_scalar("id", record_id)
    document.set_scalar("title", title, after=("id",))
    document.set_scalar("status", kind.statuses[0], after=("id", "title"))
    document.set_scalar("date", today.isoformat(), after=("id", "title", "status"), plain=True)
    superseded = None
    if supersedes is not None:
        if supersedes.kind != kind.name:
            raise AuthoringError(
                f"{supersedes.id} is a {supersedes.kind}; a new {kind.name} cannot supersede it"
            )
        if not force:
            _check_supersedable(supersedes, kind)
        document.add_to_list("supersedes", supersedes.id, after=("status", "date"), same=same_id)
        relative = posixpath.relpath(
            Path(path).relative_to(project_root).as_posix(), posixpath.dirname(supersedes.path)
        )
        superseded = (supersedes, _mark_superseded(supersedes, record_id, relative))
    document.check_still_yaml()
    document.set_heading(title)
    content = document.render()
    _check_new_record(content, path, project_root, kind, template_path)
    return NewRecord(path, record_id, content, superseded)


def _template_document(template: str, template_path: Path) -> Document:
    document = Document.parse(template.encode("utf-8"))
    problem = _front_matter_problem(document)
    if problem:
        raise AuthoringError(f"template {template_path}: {problem}; nothing was written")
    return document


def _check_new_record(
    content: bytes, path: Path, project_root: Path, kind: KindSpec, template_path: Path
) -> None:
    """A new record must pass its own syntax checks: a template that yields a record the
    checks reject is refused before anything is written."""
    shown = (
        path.relative_to(project_root).as_posix()
        if path.is_relative_to(project_root)
        else str(path)
    )
    source = SourceFile(str(path), shown, shown)
    _, findings = parse_record(content, source, kind, {kind.name: kind})
    syntax = [f for f in findings if f.rule < "DEC100" and f.severity.value == "error"]
    if syntax:
        first = syntax[0]
        raise AuthoringError(
            f"template {template_path} gives a record that fails {first.rule} "
            f"({first.message}); fix the template first"
        )


def change_status(record: Record, kind: KindSpec, new_status: str, force: bool = False) -> Change:
    """The record's file with its status changed, where the status is written."""
    canonical = kind.canonical_status(new_status)
    if canonical is None:
        raise AuthoringError(
            f"`{new_status}` is not a status of kind {kind.name}; use one of: "
            + ", ".join(kind.statuses)
        )
    if record.status is None and record.raw_status is not None and not force:
        raise AuthoringError(
            f"{record.id}'s status `{record.raw_status}` is not one this tool knows, so it "
            "cannot tell what to replace; edit it by hand, or use --force to replace it whole"
        )
    if record.status is not None and not force:
        if canonical == record.status:
            raise AuthoringError(f"{record.id} is {record.status} already; nothing to change")
        allowed = kind.transitions.get(record.status, ())
        if canonical not in allowed:
            raise AuthoringError(
                f"{record.id} is {record.status}; the {kind.name} lifecycle allows "
                f"{', '.join(allowed) or 'no change: it is final'}. To revisit a decision, "
                "supersede it with a new record (`decisions supersede OLD NEW`); --force "
                "changes it anyway"
            )
    document, before = editable_document(record)
    _set_status(document, record, canonical)
    document.check_still_yaml()
    return Change(Path(record.source_path), before, document.render())


def supersede(old: Record, new: Record, kind: KindSpec, force: bool = False) -> list[Change]:
    """Both files after ``new`` supersedes ``old``: the new one listing the old in
    ``supersedes`` (written first), the old one ``superseded`` with ``superseded_by``."""
    if old.path == new.path:
        raise AuthoringError("a record cannot supersede itself")
    if old.kind != new.kind:
        raise AuthoringError(f"{new.id} is a {new.kind}; it cannot supersede a {old.kind}")
    if not force:
        _check_supersedable(old, kind)
    link = posixpath.relpath(new.path, posixpath.dirname(old.path))
    old_change = _mark_superseded(old, new.id, link)
    new_document, before = editable_document(new)
    new_document.add_to_list("supersedes", old.id, after=("status", "date"), same=same_id)
    new_document.check_still_yaml()
    return [Change(Path(new.source_path), before, new_document.render()), old_change]


def _check_supersedable(old: Record, kind: KindSpec) -> None:
    if old.status == "superseded":
        raise AuthoringError(f"{old.id} is superseded already (--force names a new successor)")
    if "superseded" not in kind.statuses:
        raise AuthoringError(f"records of kind {kind.name} have no status `superseded`")
    allowed = kind.transitions.get(old.status or "", ())
    if old.status is not None and "superseded" not in allowed:
        raise AuthoringError(
            f"{old.id} is {old.status}; the {kind.name} lifecycle does not let it become "
            f"superseded (from {old.status}: {', '.join(allowed) or 'none'}). "
            "--force supersedes it anyway"
        )


def _mark_superseded(old: Record, new_id: str, link: str) -> Change:
    """The old record's text with status superseded and its successor named."""
    old_document, before = editable_document(old)
    if _status_in_front_matter(old_document, old):
        _set_status(old_document, old, "superseded")
        old_document.set_scalar("superseded_by", new_id, after=("status",))
    else:
        # MADR 2 and adr-tools say it in the status itself: "superseded by [ADR-0009](...)".
        _set_status(old_document, old, f"superseded by [{new_id}]({link})")
    old_document.check_still_yaml()
    return Change(Path(old.source_path), before, old_document.render())


def same_id(written: str, record_id: str) -> bool:
    """Whether an id as written (``adr-1``, ``ADR 0001``) names ``record_id``."""
    return normalise_id(written) == normalise_id(record_id)


def editable_document(record: Record) -> tuple[Document, bytes]:
    """The record's file as an editable document, and the bytes it was read from."""
    try:
        before = read_regular(Path(record.source_path))
        document = Document.parse(before)
    except WriteRefused as error:
        raise AuthoringError(str(error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AuthoringError(f"{record.path}: cannot read: {error}") from None
    problem = _front_matter_problem(document)
    if problem:
        raise AuthoringError(f"{record.path}: {problem}")
    return document, before


def _front_matter_problem(document: Document) -> str:
    """Why a document's front matter cannot be edited safely ("" when it can)."""
    if document.unclosed:
        return "the front matter is never closed with `---` (DEC003); fix it first"
    duplicates = document.duplicate_keys()
    if duplicates:
        return f"`{duplicates[0]}` is set twice in the front matter (DEC005); remove one first"
    try:
        document.check_still_yaml()
    except EditError:
        return "the front matter is not valid YAML; fix it first (`decisions check` says where)"
    return ""


def _status_in_front_matter(document: Document, record: Record) -> bool:
    if document.entry("status") is not None or "status" not in record.fields:
        return True
    # A status key in the front matter that the line scan could not take apart.
    return document.front is not None and (
        record.fields["status"].key_position.line <= document.front[1] + 1
    )


def _refuse_metadata_file(record: Record) -> None:
    """A status written in a metadata file beside the record (a KEP's ``kep.yaml``) is
    that file's to change: the record's own file does not say it."""
    written = record.fields.get("status")
    if written is not None and written.value_position.file:
        raise AuthoringError(
            f"{record.path}: the status is written in {written.value_position.file} "
            f"(line {written.value_position.line}); change it there"
        )


def _set_status(document: Document, record: Record, status: str) -> None:
    _refuse_metadata_file(record)
    if _status_in_front_matter(document, record):
        document.set_scalar("status", status, after=("id", "title"), keep_case=True)
        return
    written = record.fields["status"]
    raw = str(written.value)
    # Keep the record's own capitalisation: adr-tools writes "Accepted".
    new = status[:1].upper() + status[1:] if raw[:1].isupper() else status
    try:
        document.replace_text(written.value_position.line, raw, new)
    except EditError as error:
        raise AuthoringError(f"{record.path}: {error}") from None
