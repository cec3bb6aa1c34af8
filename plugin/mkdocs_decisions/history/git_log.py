"""Decision history from git, read in one pass for the whole repository.

One streamed ``git log --raw -z`` over the repository's Markdown files gives every
commit that touched a record, following renames (also of a whole record folder, and
into it from elsewhere), with the blob id of each version; the contents of all past
versions then stream through one ``git cat-file --batch`` process, each reduced to its
status and a digest as it arrives, so memory does not grow with the size of history.
No git process is started per file or per commit. See ADR-0009.

Fields are separated by NUL, which no author name or path can contain; a commit that
cannot be read is skipped with one warning. Author names go through ``.mailmap``;
e-mail addresses are never read, and a name that holds one is masked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import hashlib
import os
import posixpath
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..catalogue.patterns import lazy_pattern
from ..records.metadata import LABELS
from ..records.parse import folder_status, status_as_written
from ..records.text import clean_name

# GitPython refuses to import without a git binary unless told to stay quiet;
# a missing binary is reported as a warning instead (see ``read_history``).
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

# hash, parents, author name through .mailmap, strict ISO author date: NUL-separated (-z)
_FORMAT = "%H%x00%P%x00%aN%x00%aI"
_SHA = lazy_pattern(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
# Places records have lived (their folders and where they were moved from) that history
# follows, at most: a bound on the logs run, however often a folder moved.
_MOST_PLACES = 32
_NULL_BLOB = "0" * 40
# Lines that may change after acceptance without changing the decision (DEC402): its status,
# its links, and what it is traced to, in front matter or as a body line (MADR 2's
# ``* Status: accepted``). A YAML list below such a key counts with it.
_LINK_KEYS = lazy_pattern(
    r"^(?:[-*+]\s+)?(?:\*\*|__)?(status|superseded_by|supersedes|related|decisions|tags|"
    r"review_by|project|addresses|complies_with)(?:\*\*|__)?\s*:",
    re.IGNORECASE,
)
_CONTINUATION = lazy_pattern(r"^(\s+\S|-\s)")
_FENCES = ("---", "...")
# A body line of metadata (``- **State:** Approved``, ``* Deciders: Ana``, ``Date:
# 2023-09-26``, ``| Authors | @a |``): what the record is, not what it decided.
_METADATA_LINE = lazy_pattern(
    r"^\s*(?:[-*+|]\s*)?(?:\*\*|__|\*|_)?(?:"
    + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True))
    + r")(?:\*\*|__|\*|_)?\s*(?::|\|)",
    re.IGNORECASE,
)
# The links adr-tools writes when one record amends, supersedes or clarifies another
# (``adr new -l "4:Amends:Amended by"``): "Amended by [7. Use ZAP](0007-use-zap.md)".
_LIFECYCLE_LINK = lazy_pattern(
    r"^\s*(?:[-*+]\s+)?(?:amended by|amends|superseded by|superceded by|supersedes|"
    r"clarified by|clarifies)\s*:?\s*\[[^\]]*\]\([^)]*\)",
    re.IGNORECASE,
)
_HEADING = lazy_pattern(r"^#{1,6}\s")
_STATUS_HEADING = lazy_pattern(
    r"^#{1,6}\s+status\s*(:.*)?$", re.IGNORECASE
)  # "## Status: Accepted"
_NOT_WORDS = lazy_pattern(r"[^\w\n]+|_+")
# An edit of at most this many words (after whitespace, letter case and emphasis are
# ignored) fixes a typo; it does not change an accepted decision (DEC402).
SMALL_FIX_WORDS = 3
_LONGEST_STRETCH = 40  # lines
# Past versions larger than this are not compared (the working tree refuses them too).
_LARGEST_VERSION = 4 * 1024 * 1024

LOG_OPTIONS = (
    f"--format={_FORMAT}",
    # The history of the branch as it landed: merges count as one change against their
    # first parent, so a side branch's order of commits cannot reorder statuses.
    "--first-parent",
    "--diff-merges=first-parent",
    "--root",
    "--raw",
    "--no-abbrev",
    "-z",
)

# Renames are found by comparing contents (``-M``), which reads the blobs of files
# changed together; a clone without some blobs (a partial or damaged one) makes git
# stop. History is then read again with renames of identical files only, which git
# finds by their ids.
_RENAMES = "-M"
# What git says of an object the clone does not have (a damaged clone; a partial one whose
# remote cannot be reached).
_MISSING_OBJECT = ("unable to read", "could not fetch", "promisor remote")
_EXACT_RENAMES = "-M100%"


SHALLOW_FIX = (
    "fetch the full history: `fetch-depth: 0` for actions/checkout on GitHub Actions, "
    "`GIT_DEPTH: 0` on GitLab CI, or `git fetch --unshallow`"
)


@dataclass(frozen=True)
class Commit:
    """A commit as the site shows it: no e-mail address."""

    sha: str
    short: str
    author: str
    date: dt.datetime
    parents: tuple[str, ...] = ()

    @property
    def day(self) -> dt.date:
        return self.date.date()


@dataclass(frozen=True)
class Version:
    """One committed version of a record file."""

    commit: Commit
    path: str  # the file's path (relative to the project root) in that commit
    blob: str  # "" when the commit deleted the file


@dataclass(frozen=True)
class StatusChange:
    """A commit that changed a record's status; ``created`` for the commit that created the
    file (``old`` is None then, and also when a status was written into a record that had
    none)."""

    commit: Commit
    old: str | None
    new: str | None
    created: bool = False


@dataclass(frozen=True)
class ContentEdit:
    """A commit that changed more than status and links, and the status it was made under."""

    commit: Commit
    status: str | None  # the status before this commit
    # The merge that brought ``commit`` to the branch, when the log saw the change as a
    # merge and ``commit`` is the one on the merged branch that made it.
    merged: Commit | None = None


@dataclass(frozen=True)
class FileHistory:
    """What git knows about one record file, oldest version first."""

    path: str
    versions: tuple[Version, ...]
    status_timeline: tuple[StatusChange, ...]
    content_edits: tuple[ContentEdit, ...]
    # The commits of merged branches that changed the file, oldest first: who wrote what
    # a merge commit brought (its own author only pressed the button, or is a bot).
    branch_commits: tuple[Commit, ...] = ()
    # Who wrote the first version, when a merge brought it: the author of the oldest
    # commit of that merge's branch that changed the file.
    branch_creator: str = ""

    @property
    def created(self) -> Commit:
        return self.versions[0].commit

    @property
    def creator(self) -> str:
        """Who wrote the file's first version: the author of its first commit, or, when
        that is a merge, of the oldest commit of the merged branches that changed it."""
        first = self.versions[0].commit
        if len(first.parents) > 1 and self.branch_creator:
            return self.branch_creator
        return first.author

    @property
    def edits(self) -> tuple[Version, ...]:
        """The versions that changed the file's text: a move (``git mv doc/adr adr``)
        keeps the text, and is no edit of the record."""
        kept = [self.versions[0]]
        for before, after in zip(self.versions, self.versions[1:], strict=False):
            if after.blob != before.blob:
                kept.append(after)
        return tuple(kept)

    @property
    def updated(self) -> Commit:
        return self.edits[-1].commit

    @property
    def authors(self) -> tuple[str, ...]:
        """Names of everyone who changed the text, in order of first commit (who moved
        the file only is not an author of it). One person's name and login, as their
        commits and their merges on the forge write them (`Jason Morais`, `jasonmorais`),
        are one name: the first written."""
        names: dict[str, str] = {}
        written = [version.commit for version in self.edits]
        if self.branch_commits:  # a merge's author is an author only of what no branch wrote
            written = [c for c in written if len(c.parents) < 2] + list(self.branch_commits)
        for commit in sorted(written, key=lambda commit: commit.date):
            name = commit.author
            names.setdefault(re.sub(r"[\W_]+", "", name).lower() or name, name)
        return tuple(names.values())

    def changed_to(self, status: str) -> Commit | None:
        """The commit that first changed the record's status to ``status``; None when none
        did, also when the file's first version had that status already: the commit
        that added a record written as accepted (often imported, or merged after the
        decision) is not the day it was accepted."""
        if self.status_timeline and self.status_timeline[0].new == status:
            return None
        return next((c.commit for c in self.status_timeline[1:] if c.new == status), None)


@dataclass
class History:
    """Histories by record path, plus what made history incomplete."""

    files: dict[str, FileHistory] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    head: str = ""
    shallow: bool = False
    available: bool = False
    # Whether the index was read (renames staged but not committed): then it is part of
    # what the history was read from (``cached_history``).
    read_index: bool = False

    def of(self, path: str) -> FileHistory | None:
        return self.files.get(path)


def status_in(text: str) -> str | None:
    """The status a past version states, lower-cased, or None: read by the same code as
    the records of the working tree (:func:`status_as_written`)."""
    status = status_as_written(text)
    return " ".join(status.lower().split()) if status else None


def content_lines(text: str) -> list[str]:
    """A version's lines without its status and link lines: what DEC402 compares
    between versions (see :func:`is_small_fix` for what a change is).

    Left out: status and link fields, the body of a Status section (adr-tools writes
    "Superseded by [..](..)" there), and adr-tools' link lines anywhere ("Amended by
    [..](..)"): changing them is part of the record's lifecycle, not of its decision."""
    kept = []
    skipping = in_status = False
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in _FENCES), 0)
        if end:
            kept = _substance_of_front_matter(lines[1:end])
            lines = lines[end + 1 :]
    in_sections = False  # below the first section heading (`##`), past the metadata
    for line in lines:
        # Cheap tests first: a large record has thousands of lines, and many versions.
        if line.startswith("#") and _HEADING.match(line):
            in_status = bool(_STATUS_HEADING.match(line))
            in_sections = in_sections or line.startswith("##")
        elif in_status:
            continue
        skipping = bool(_LINK_KEYS.match(line) or (skipping and _CONTINUATION.match(line)))
        # The body's metadata lines, where records keep them: above the first section
        # (below the title), not a "| State | Redis cluster |" row of the decision itself.
        metadata = (
            not in_sections
            and (":" in line or line.count("|") == 3)
            and _METADATA_LINE.match(line) is not None
        )
        if not skipping and not metadata and not ("](" in line and _LIFECYCLE_LINK.match(line)):
            kept.append(line)
    return kept


# Front-matter keys that say something of the decision itself: a deviation from a
# standard, with its reason. The others (status, dates, people, tags, links, other tools'
# keys such as `category:` or `sidebar_position:`) say what the record is.
_SUBSTANCE_KEYS = frozenset({"deviates_from"})
_TOP_KEY = lazy_pattern(r"^([A-Za-z_][\w-]*)\s*:")


def _substance_of_front_matter(lines: list[str]) -> list[str]:
    """The front-matter lines DEC402 compares: those of the keys of substance."""
    kept: list[str] = []
    key = ""
    for line in lines:
        top = _TOP_KEY.match(line)
        if top:
            key = top.group(1).lower()
        if key in _SUBSTANCE_KEYS:
            kept.append(line)
    return kept


def content_key(text: str) -> str:
    """A digest of a version's words without its status and link lines: equal keys,
    equal content."""
    words = " ".join(_words(content_lines(text)))
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).hexdigest()


def _words(lines: list[str]) -> list[str]:
    """The words of some lines in lower case: whitespace, punctuation and Markdown
    emphasis ignored."""
    return _NOT_WORDS.sub(" ", "\n".join(lines).lower()).split()


def is_small_fix(before: list[str], after: list[str]) -> bool:
    """Whether an edit (of two versions' :func:`content_lines`) fixes a few words
    (typos, a link's address) rather than changing the decision: at most
    ``SMALL_FIX_WORDS`` words replaced, of which at most one added or removed (a doubled
    word). Whitespace, line wrapping, letter case, emphasis and list markers never count,
    however many lines they touch (a formatter run over every file)."""
    if before == after:
        return True
    # Only the lines between the first and the last difference are compared word by
    # word: linear for a long record; a stretch too long to hold a few fixes is an edit,
    # unless its words are the same (formatting only: wrapping, list markers, prettier).
    shortest = min(len(before), len(after))
    start = 0
    while start < shortest and before[start] == after[start]:
        start += 1
    end = 0
    while end < shortest - start and before[-1 - end] == after[-1 - end]:
        end += 1
    middle_before = before[start : len(before) - end]
    middle_after = after[start : len(after) - end]
    old, new = _words(middle_before), _words(middle_after)
    if old == new:
        return True
    if max(len(middle_before), len(middle_after)) > _LONGEST_STRETCH:
        return False
    if abs(len(old) - len(new)) > 1:
        return False
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changed = added_or_removed = 0
    for tag, first, last, other_first, other_last in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed += max(last - first, other_last - other_first)
        added_or_removed += abs((last - first) - (other_last - other_first))
        if changed > SMALL_FIX_WORDS or added_or_removed > 1:
            return False
    return True


def read_history(
    project_root: Path,
    folders: list[str],
    canonical_status: dict[str, Any] | None = None,
) -> History:
    """Read the history of every file under ``folders`` (relative to ``project_root``).

    ``canonical_status`` maps a folder to a function that turns a status as written
    into the kind's canonical status (aliases, case). Never raises for a missing
    git, a folder that is not a repository or a shallow clone: ``warnings`` says
    what is missing.
    """
    history = History()
    try:
        import git
    except ImportError:  # pragma: no cover - GitPython is a dependency
        history.warnings.append("GitPython is not installed; no history")
        return history
    try:
        repo = git.Repo(project_root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        history.warnings.append(
            f"{project_root} is not in a git repository: dates, authors and status "
            "history come from git, so they are not shown"
        )
        return history
    try:
        try:
            return _read(repo, project_root, folders, canonical_status or {}, history)
        except git.GitCommandError as error:
            if not any(said in str(error.stderr) for said in _MISSING_OBJECT):
                raise
            history = History()
            history.warnings.append(
                f"git could not read an object of the repository ({_first_line(error)}): "
                "a partial or damaged clone; renames are followed only where the file "
                "did not change. `git fsck` names what is missing; a full clone has it"
            )
            return _read(
                repo, project_root, folders, canonical_status or {}, history, _EXACT_RENAMES
            )
    except git.GitCommandNotFound:
        history.warnings.append("git is not installed: no dates, authors or status history")
        return history
    except git.GitCommandError as error:
        history.warnings.append(f"git failed ({error.status}): {str(error.stderr).strip()}")
        return history
    finally:
        repo.close()


def _read(
    repo: Any,
    project_root: Path,
    folders: list[str],
    canonical_status: dict[str, Any],
    history: History,
    renames: str = _RENAMES,
) -> History:
    if repo.bare or repo.working_tree_dir is None:
        history.warnings.append(
            "the git repository is bare (core.bare is true): it has no work tree, so "
            "dates, authors and status history are not shown"
        )
        return history
    work_tree = Path(repo.working_tree_dir).resolve()
    try:
        prefix = project_root.resolve().relative_to(work_tree).as_posix()
    except ValueError:
        prefix = ""
    prefix = "" if prefix == "." else prefix
    head = _head_of(repo)
    if not head:
        history.warnings.append("the git repository has no commits yet: records are uncommitted")
        history.available = True
        return history
    history.head = head
    history.shallow = (Path(repo.git_dir) / "shallow").exists()
    if history.shallow:
        history.warnings.append(
            "this is a shallow clone: creation dates, authors and status history are "
            f"incomplete; {SHALLOW_FIX}"
        )
    # The project may be a folder of a larger repository: only its own files count.
    skipped: list[str] = []
    is_record = _in_places(folders)
    versions = _join_lost_renames(_versions_by_file(repo, prefix, folders, skipped, renames))
    if _uncommitted_files(work_tree / prefix, folders, versions):
        # A move staged but not committed yet (``git mv doc/adr adr``, then a check before
        # the commit): the records keep the history of the paths they had at HEAD. Asked
        # of git only when a record file on disk has no history: not on a clean tree.
        staged = _staged_renames(repo, prefix)
        history.read_index = True
        staged = {new: old for new, old in staged.items() if is_record(new)}
        elsewhere = {posixpath.dirname(old) or old for old in staged.values()}
        elsewhere = {place for place in elsewhere if not is_record(place)}
        if elsewhere:
            places = list(folders) + sorted(elsewhere)
            versions = _join_lost_renames(_versions_by_file(repo, prefix, places, skipped, renames))
        for new, old in staged.items():
            if old in versions and new not in versions:
                versions[new] = versions.pop(old)
    versions = {path: found for path, found in versions.items() if is_record(path)}
    if skipped:
        history.warnings.append(
            f"{len(skipped)} commit(s) of the git log could not be read and are left out "
            f"(first: {skipped[0]})"
        )
    canonicals = {path: _canonical_for(path, canonical_status) for path in versions}
    missing: list[str] = []
    summaries = _summarise_versions(repo, versions, canonicals, missing)
    if missing:
        history.warnings.append(
            f"{len(missing)} version(s) of record files are missing from this clone and are "
            f"left out of their history (first: {missing[0]}); a full clone has them"
        )
    for path, file_versions in versions.items():
        history.files[path] = _file_history(summaries[path], path, file_versions, canonicals[path])
    _name_branch_commits(repo, prefix, history, renames)
    _add_branch_commits(repo, prefix, folders, history, renames)
    history.available = True
    return history


def _uncommitted_files(root: Path, places: list[str], versions: dict[str, Any]) -> bool:
    """Whether a Markdown file under the record places on disk has no history: new, or
    moved and not committed yet. A walk of the folders, which the records' discovery has
    just read (the system keeps them cached)."""
    for place in places:
        where = root / place
        if where.is_file():
            if place not in versions:
                return True
            continue
        for folder, _, names in os.walk(where):
            inside = os.path.relpath(folder, root).replace(os.sep, "/")
            for name in names:
                if name.endswith(".md") and f"{inside}/{name}" not in versions:
                    return True
    return False


def _staged_renames(repo: Any, prefix: str) -> dict[str, str]:
    """The renames the index holds over HEAD, new path to old, relative to the project:
    one ``git diff`` of the index, which git answers from its own records of the files."""
    import git  # GitPython, imported where history is read (see read_history)

    try:
        output = repo.git.diff(
            "--cached",
            "-M",
            "--name-status",
            "--diff-filter=R",
            "-z",
            "HEAD",
            "--",
            _spec(prefix, "."),
        )
    except git.GitCommandError:  # an index git cannot read: the history of HEAD's paths
        return {}
    fields = output.split("\0")
    renames: dict[str, str] = {}
    for at in range(0, len(fields) - 2, 3):
        if fields[at].startswith("R"):
            renames[_local(fields[at + 2], prefix)] = _local(fields[at + 1], prefix)
    return renames


def _name_branch_commits(repo: Any, prefix: str, history: History, renames: str) -> None:
    """For each edit after acceptance that the first-parent log saw as a merge ("Merge
    pull request #93"), the commit of the merged branch that made the change: the newest
    one there that wrote the merged version's text. One ``git log`` of those files
    from the merged branches, for all such edits at once, and only when there are any;
    an edit whose text no branch commit wrote (a conflict resolved in the merge) keeps
    the merge."""
    wanted: dict[tuple[str, str], list[tuple[str, int]]] = {}  # (path, blob) -> edits
    tips: set[str] = set()
    for path, file in history.files.items():
        blobs = {version.commit.sha: version for version in file.versions}
        for number, edit in enumerate(file.content_edits):
            version = blobs.get(edit.commit.sha)
            if edit.status != "accepted" or len(edit.commit.parents) < 2 or version is None:
                continue
            wanted.setdefault((version.path, version.blob), []).append((path, number))
            tips.update(edit.commit.parents[1:])
    if not wanted:
        return
    specs = sorted({_spec(prefix, path) for path, _ in wanted})
    branch_log = (f"--format={_FORMAT}", "--no-merges", "--raw", "--no-abbrev", renames, "-z")
    process = repo.git.log(*sorted(tips), *branch_log, "--", *specs, as_process=True)
    found: dict[tuple[str, str], Commit] = {}
    for commit, changes in _parse_log(process.stdout, []):
        for _, blob, _, new_path in changes:
            key = (_local(new_path, prefix), blob)
            if key in wanted:
                found.setdefault(key, commit)
        if len(found) == len(wanted):
            break
    process.kill()  # the older history of these files is not needed
    process.proc.wait()
    for key, commit in found.items():
        for path, number in wanted[key]:
            file = history.files[path]
            edits = list(file.content_edits)
            edits[number] = replace(edits[number], commit=commit, merged=edits[number].commit)
            history.files[path] = replace(file, content_edits=tuple(edits))


def _add_branch_commits(
    repo: Any, prefix: str, folders: list[str], history: History, renames: str
) -> None:
    """For the records that merge commits changed, the commits of the merged branches that
    changed them (``FileHistory.branch_commits``), and who wrote the first version when a
    merge brought it (``FileHistory.branch_creator``). Run only when a merge changed a
    record: one ``git rev-list`` tells which merge brought each commit to the branch,
    and one ``git log`` of the places the records have lived lists the commits of merged
    branches that changed them. A commit counts for a record only when the merge that
    brought it changed that record; renames on the branch are followed back, and a
    commit that only moved the file wrote nothing of it."""
    merges_of: dict[str, set[str]] = {}  # record -> the merges among its versions
    merges: list[Commit] = []
    for path, file in history.files.items():
        found_here = [v.commit for v in file.versions if len(v.commit.parents) > 1]
        if found_here:
            merges_of[path] = {commit.sha for commit in found_here}
            merges.extend(found_here)
    if not merges:
        return
    owners: dict[str, set[str]] = {}  # a path some version had -> the records with it
    for path, file in history.files.items():
        for version in file.versions:
            in_repository = f"{prefix}/{version.path}" if prefix else version.path
            owners.setdefault(in_repository, set()).add(path)
    # Every place the records have lived (a folder moved since: `git mv adr docs/adr`),
    # so that a branch merged before the move is read too.
    places = set(folders) | {
        posixpath.dirname(version.path) or "."
        for file in history.files.values()
        for version in file.versions
    }
    specs = [_spec(prefix, place or ".") for place in sorted(places)]
    options = (f"--format={_FORMAT}", "--no-merges", "--raw", "--no-abbrev", renames, "-z")
    found: dict[str, dict[str, Commit]] = {}
    creators: dict[str, Commit] = {}
    oldest = min(merges, key=lambda commit: commit.date)
    try:
        brought = _brought_by_merges(repo, oldest.parents[0])
        since = ("HEAD", f"^{oldest.parents[0]}")  # what no merge brought is left out
        process = repo.git.log(*options, *since, "--", *specs, as_process=True)
        for commit, changes in _parse_log(process.stdout, []):  # newest first
            merge = brought.get(commit.sha)
            if merge is None:
                continue  # on the first-parent line: the main log has it
            for status, _, old_path, new_path in changes:
                for record in list(owners.get(new_path, ())):
                    if merge not in merges_of.get(record, ()):
                        continue  # a merge that did not change this record brought it
                    if old_path and old_path != new_path:  # renamed here: older name too
                        owners.setdefault(old_path, set()).add(record)
                    if status == "R100":
                        continue  # only moved
                    found.setdefault(record, {})[commit.sha] = commit
                    if merge == history.files[record].versions[0].commit.sha:
                        creators[record] = commit  # the oldest, as the log goes back
        process.proc.wait()
    except Exception:  # git failed: the merges stay the authors, as the log saw them
        return
    for record, commits in found.items():
        ordered = tuple(sorted(commits.values(), key=lambda commit: commit.date))
        creator = creators[record].author if record in creators else ""
        history.files[record] = replace(
            history.files[record], branch_commits=ordered, branch_creator=creator
        )


def _brought_by_merges(repo: Any, before: str) -> dict[str, str]:
    """For each commit that is not on the first-parent line of HEAD, the merge on that
    line that brought it: from one ``git rev-list --parents``, the line walked from its
    oldest commit, each merge bringing what its other parents reach that no earlier
    commit of the line did. Only since ``before`` (the first parent of the oldest merge
    that changed a record): what it reaches, no later merge brought."""
    parents: dict[str, list[str]] = {}
    process = repo.git.rev_list("--parents", "HEAD", f"^{before}", as_process=True)
    for raw in process.stdout:
        shas = raw.decode("ascii", errors="replace").split()
        if shas:
            parents[shas[0]] = shas[1:]
    process.proc.wait()
    head = _head_of(repo)
    line = []
    while head:
        line.append(head)
        head = (parents.get(head) or [""])[0]
    seen: set[str] = set(line)
    brought: dict[str, str] = {}
    for merge in reversed(line):
        waiting = [sha for sha in parents.get(merge, [])[1:] if sha not in seen]
        while waiting:
            sha = waiting.pop()
            if sha in seen:
                continue
            seen.add(sha)
            brought[sha] = merge
            waiting.extend(parent for parent in parents.get(sha, ()) if parent not in seen)
    return brought


def _canonical_for(path: str, canonical_status: dict[str, Any]) -> Any:
    for place, function in canonical_status.items():
        if _in_places([place])(path):
            return function
    return _as_written


def _first_line(error: Any) -> str:
    """The first line git wrote to stderr, without its "fatal: " and quotes."""
    text = str(error.stderr).strip().removeprefix("stderr:").strip().strip("'\"")
    return text.splitlines()[0].removeprefix("fatal: ").strip() if text else str(error.status)


def _as_written(status: str) -> str:
    """A status as written: for paths no kind's lifecycle reads (tests read history so)."""
    return status


def _versions_by_file(
    repo: Any, prefix: str, folders: list[str], skipped: list[str], renames: str
) -> dict[str, list[Version]]:
    """Every version of every record file, newest first, keyed by the file's newest path.

    The log selects the commits that touch the record folders, and shows every file they
    change (``--full-diff``), so a rename into a folder from elsewhere (``git mv doc/adr
    adr``, or one file moved in) is seen as a rename. The older path then maps to the
    record, and one more log of the place it came from, before the move, reaches back to
    its first commit: one ``git log`` per place the records have lived, not per file.

    A place is not read again from a commit that a log of it, or of a folder around it,
    has reached already: a moved folder's subfolders, a folder renamed inside the record
    folder (read from HEAD) and a place several records left at different times add no
    log. Logs of places still overlap (a commit can touch two of them), so each file
    keeps one version per commit, in the order of the branch (:func:`_branch_order`).
    """
    is_record = _in_places(folders)
    identity: dict[str, str | None] = {}  # a path in some commit -> newest path, or None
    versions: dict[str, list[Version]] = {}
    passes: list[tuple[str | None, list[str]]] = [(None, list(folders))]
    # The commits each place's logs have reached, back to its first; None: all, from HEAD.
    reached: dict[str, set[str] | None] = {folder.rstrip("/"): None for folder in folders}
    logs = 0
    while passes and logs < _MOST_PLACES:
        start, places = passes.pop(0)
        if start:  # one place, left at commit ``start``: read by a log run since?
            if _reached_already(places[0], start, reached):
                continue
            reached[places[0]] = (reached.get(places[0]) or set()) | {start}
        logs += 1
        revision = [start] if start else []
        specs = [_spec(prefix, place or ".") for place in places]
        process = repo.git.log(
            *revision, *LOG_OPTIONS, renames, "--full-diff", "--", *specs, as_process=True
        )
        moved_from: dict[str, str] = {}
        listed: set[str] = set()
        for commit, changes in _parse_log(process.stdout, skipped):
            listed.add(commit.sha)
            for status, blob, old_path, new_path in changes:
                if not _inside(new_path, prefix) and not _inside(old_path or "", prefix):
                    continue
                new_local = _local(new_path, prefix)
                # A Markdown file of a place records came from may be one of them under a
                # name git lost (see ``_join_lost_renames``), also when an earlier log saw
                # it as no record's (the commit that moved the folder deleted it).
                candidate = (
                    start is not None and new_local.endswith(".md") and _under(new_local, places)
                )
                if new_local not in identity or (candidate and identity[new_local] is None):
                    identity[new_local] = new_local if is_record(new_local) or candidate else None
                newest = identity[new_local]
                if status.startswith("R") and old_path:
                    old_local = _local(old_path, prefix)
                    # An earlier log may have listed that path as no record's (a commit
                    # that also touched another kind's folder): the rename says it was.
                    if identity.get(old_local) is None:
                        identity[old_local] = newest
                    # Only a record's move is followed, not a candidate's (below).
                    record = newest is not None and is_record(newest)
                    if record and commit.parents:
                        moved_from.setdefault(posixpath.dirname(old_local), commit.sha)
                if newest is None:
                    continue
                blob_id = "" if blob == _NULL_BLOB or status == "D" else blob
                versions.setdefault(newest, []).append(Version(commit, new_local, blob_id))
        process.wait()
        for place in places:
            if reached.get(place) is not None:
                reached[place] = (reached.get(place) or set()) | listed
        # Outer places first, so that a moved folder's subfolders are seen as inside it.
        passes.extend(
            (sha, [place])
            for place, sha in sorted(_gathered(moved_from).items(), key=lambda i: len(i[0]))
        )
    if logs > 1:
        order = _branch_order(repo, {v.commit.sha for vs in versions.values() for v in vs})
        for path, newest_first in versions.items():
            versions[path] = _one_per_commit(newest_first, order)
    return versions


def _gathered(moved_from: dict[str, str]) -> dict[str, str]:
    """The places records left, with sibling places read as their parent: records that
    are folders of their own (``designs/2019-x/README.md``) each left their own folder
    when ``designs`` moved, and one log of ``designs`` reads them all. The parent is read
    from the newest of its children's moves (``moved_from`` lists the newest first): a log
    from there reaches every older one. So a move of many record folders costs one log,
    not one per record, and no record is left past the bound on logs."""
    rank = {place: index for index, place in enumerate(moved_from)}  # 0: the newest move
    places = dict(moved_from)
    while True:
        children: dict[str, list[str]] = {}
        for place in places:
            if place:
                children.setdefault(posixpath.dirname(place), []).append(place)
        # Records kept as folders of their own leave many siblings; two or so are folders
        # of their own records (`adr/`, `rfcs/`), each read narrowly; never the whole tree.
        siblings = {parent: kids for parent, kids in children.items() if len(kids) >= 3 and parent}
        if not siblings:
            return places
        # The deepest first; a parent gathered in this round waits for the next.
        for parent, kids in sorted(siblings.items(), key=lambda item: -len(item[0])):
            kids = [kid for kid in kids if kid in places]
            if len(kids) < 2:
                continue
            if parent in places:
                kids.append(parent)
            newest = min(kids, key=rank.__getitem__)
            sha = places[newest]
            for kid in kids:
                del places[kid]
            places[parent], rank[parent] = sha, rank[newest]


_NUMBER = lazy_pattern(r"\d+")


# Names that say nothing of which record a file is: each record folder has one.
_GENERIC_NAMES = frozenset({"readme.md", "index.md", "_index.md", "proposal.md", "design.md"})


def _join_lost_renames(versions: dict[str, list[Version]]) -> dict[str, list[Version]]:
    """Renames git did not see, joined: a record renamed and rewritten in one commit
    (``Greenhouse-ADR-1-x.md`` became ``001-x.md`` in a new template) is, to git, one
    file deleted and another added. When a commit deletes exactly one Markdown file of a
    folder with a number in its name and adds exactly one with the same number, the
    added file continues the deleted one's history: its created date and first author
    are the older file's. A template deleted is never a record renamed. So is a folder
    moved in a commit that also edits some of its files (``git mv wiki/adr product/adr``
    with edits): git sees the edited ones as deleted and added; a file deleted and one
    added under the same name, one of each in the commit, are one file moved.
    """
    # (commit, folder, number) or (commit, "", file name) -> paths
    added: dict[tuple[str, str, str], list[str]] = {}
    deleted: dict[tuple[str, str, str], list[str]] = {}
    for path, newest_first in versions.items():
        first, last = newest_first[-1], newest_first[0]
        ends = [(first, added)] + ([(last, deleted)] if not last.blob else [])
        for version, found in ends:
            name = posixpath.basename(version.path)
            if not name.endswith(".md"):
                continue
            number = _NUMBER.search(name)
            if number:
                numbered = (
                    version.commit.sha,
                    posixpath.dirname(version.path),
                    str(int(number[0])),
                )
                found.setdefault(numbered, []).append(path)
            if name.lower() not in _GENERIC_NAMES:  # a folder's README is any record's
                found.setdefault((version.commit.sha, "", name), []).append(path)
    joined_into: dict[str, str] = {}  # a file joined to a newer one -> that one
    for key, (later,) in ((k, v) for k, v in added.items() if len(v) == 1):
        earlier = deleted.get(key, [])
        if len(earlier) != 1 or earlier[0] == later or earlier[0] not in versions:
            continue  # none, several, itself, or joined already (by its number)
        if "template" in posixpath.basename(earlier[0]).lower():
            # `0000-template.md` deleted as `0000-query-syntax.md` is added (a proposal
            # written over the copied template): the template's history is not the record's.
            continue
        while later in joined_into:  # renamed again since, and joined already
            later = joined_into[later]
        # The deletion is the older file's newest version: the added file's first replaces it.
        versions[later] = versions[later] + versions.pop(earlier[0])[1:]
        joined_into[earlier[0]] = later
    return versions


def _reached_already(place: str, sha: str, reached: dict[str, set[str] | None]) -> bool:
    """Whether ``place``, before commit ``sha`` (which touched it), is read already: by
    the log of a folder around it (or itself) that reached ``sha`` or started there. A
    log lists every commit that touches its folder, so one that did not list ``sha``
    started older."""
    for folder, commits in reached.items():
        around = not folder or folder == place or place.startswith(folder + "/")
        if around and (commits is None or sha in commits):
            return True
    return False


def _branch_order(repo: Any, wanted: set[str]) -> dict[str, int]:
    """The position of each of the ``wanted`` commits on the first-parent line of HEAD,
    0 for the newest: the logs of several places each list their commits in this order,
    but only this says how they interleave (author dates need not)."""
    order: dict[str, int] = {}
    process = repo.git.rev_list("--first-parent", "HEAD", as_process=True)
    for position, line in enumerate(process.stdout):
        sha = line.strip().decode("ascii", errors="replace")
        if sha in wanted:
            order[sha] = position
    process.wait()
    return order


def _one_per_commit(newest_first: list[Version], order: dict[str, int]) -> list[Version]:
    """A file's versions from several logs: the first seen of each commit, newest first."""
    kept: dict[str, Version] = {}
    for version in newest_first:
        kept.setdefault(version.commit.sha, version)
    return sorted(kept.values(), key=lambda version: order.get(version.commit.sha, len(order)))


def _in_places(places: list[str]) -> Callable[[str], bool]:
    """Whether a path is one of ``places`` or inside one: a place is a record folder, or
    one record's file or folder at the top of the project (``folder: "."``). Built once
    per log: it is asked of every path of every commit."""
    exact = frozenset(place.rstrip("/") for place in places)
    inside = tuple(place + "/" for place in exact)
    return lambda path: path in exact or path.startswith(inside)


def _under(path: str, places: list[str]) -> bool:
    return any(not place or path.startswith(place + "/") for place in places)


def _spec(prefix: str, folder: str) -> str:
    """A literal pathspec for a folder of the project (``prefix``: the project's folder in
    the repository)."""
    path = posixpath.normpath(f"{prefix}/{folder}" if prefix else folder)
    return f":(literal){path}"


def _tokens(stream: Any) -> Iterator[str]:
    """The NUL-separated fields of ``git log -z`` output, streamed."""
    buffer = b""
    for chunk in iter(lambda: stream.read(1 << 16), b""):
        buffer += chunk
        *complete, buffer = buffer.split(b"\0")
        for token in complete:
            yield token.decode("utf-8", errors="replace")
    if buffer:
        yield buffer.decode("utf-8", errors="replace")


def _parse_log(
    stream: Any, skipped: list[str]
) -> Iterator[tuple[Commit, list[tuple[str, str, str | None, str]]]]:
    """Commits and their raw changes from ``git log -z --raw`` with ``_FORMAT``.

    Each commit is four fields (hash, parents, author, date), then per changed file a
    ``:meta STATUS`` field followed by one path (two for a rename or copy). A commit
    whose fields cannot be read is skipped and named in ``skipped``.
    """
    tokens = _tokens(stream)
    pending = next(tokens, None)
    while pending is not None:
        sha = pending.strip()
        parents = tuple(next(tokens, "").split())
        author = next(tokens, "")
        date = next(tokens, "")
        commit: Commit | None = None
        try:
            if not _SHA.match(sha):
                raise ValueError(f"not a commit id: {sha[:50]!r}")
            when = dt.datetime.fromisoformat(date)
            commit = Commit(sha, sha[:7], clean_name(author), when, parents)
        except ValueError as error:
            skipped.append(f"{sha[:12]}: {error}")
        changes: list[tuple[str, str, str | None, str]] = []
        pending = next(tokens, None)
        while pending is not None and pending.lstrip("\n").startswith(":"):
            fields = pending.lstrip("\n")[1:].split()
            if len(fields) < 5:
                pending = next(tokens, None)
                continue
            blob, status = fields[3], fields[4]
            if status[:1] in ("R", "C"):
                old_path, new_path = next(tokens, ""), next(tokens, "")
                changes.append((status, blob, old_path, new_path))
            else:
                changes.append((status, blob, None, next(tokens, "")))
            pending = next(tokens, None)
        if commit is not None:
            yield commit, changes


def _inside(path: str, prefix: str) -> bool:
    return not prefix or path.startswith(prefix + "/")


def _local(path: str, prefix: str) -> str:
    return path[len(prefix) + 1 :] if prefix and path.startswith(prefix + "/") else path


@dataclass(frozen=True)
class VersionSummary:
    """What history needs of one past version: the status it states, and whether it
    changes more than a few words of the version before it (for DEC402)."""

    status: str | None
    edited: bool


def _summarise_versions(
    repo: Any,
    versions: dict[str, list[Version]],
    canonicals: dict[str, Any],
    missing: list[str],
) -> dict[str, dict[int, VersionSummary]]:
    """Every version of every file, summarised as it streams from one ``git cat-file
    --batch --buffer`` process, file by file, oldest version first: only a version and
    the one before it are held in memory at a time.

    The ids are handed over as a file, so git reads requests and writes answers at its
    own pace: one process, no round trip per blob, no pipe deadlock. Versions are
    compared word by word only while the record is accepted: DEC402 is about nothing
    else. A version the clone does not have is named in ``missing`` and left out.
    """
    order = [
        (path, number, version)
        for path, newest_first in versions.items()
        for number, version in enumerate(reversed(newest_first))
        if version.blob
    ]
    summaries: dict[str, dict[int, VersionSummary]] = {path: {} for path in versions}
    if not order:
        return summaries
    with tempfile.TemporaryFile() as requests:
        requests.write("".join(f"{version.blob}\n" for _, _, version in order).encode())
        requests.seek(0)
        process = repo.git.cat_file("--batch", "--buffer", istream=requests, as_process=True)
        stream = process.stdout
        # path, content lines (only kept while accepted: the next version is compared
        # with them, and each version's lines are computed once), accepted
        previous: tuple[str, list[str], bool] | None = None
        for path, number, version in order:
            header = stream.readline().split()
            if len(header) < 3:  # "<id> missing": a blob the clone does not have
                missing.append(f"{version.path} in {version.commit.short}")
                previous = None
                continue
            size = int(header[2])
            if size > _LARGEST_VERSION:
                for _ in range(0, size, 1 << 20):
                    stream.read(min(1 << 20, size))
                stream.read(1)
                summaries[path][number] = VersionSummary(None, False)
                previous = None
                continue
            text = stream.read(size).decode("utf-8", errors="replace")
            stream.read(1)  # the newline after each object
            status = status_in(text)
            edited = False
            lines: list[str] | None = None
            if previous is not None and previous[0] == path and previous[2]:
                lines = content_lines(text)
                edited = not is_small_fix(previous[1], lines)
            accepted = bool(status) and canonicals[path](status) == "accepted"
            if accepted and lines is None:
                lines = content_lines(text)
            summaries[path][number] = VersionSummary(status, edited)
            previous = (path, lines or [], accepted)
        process.wait()
    return summaries


def _file_history(
    summaries: dict[int, VersionSummary], path: str, newest_first: list[Version], canonical: Any
) -> FileHistory:
    versions = tuple(reversed(newest_first))
    timeline: list[StatusChange] = []
    edits: list[ContentEdit] = []
    previous_status: str | None = None
    seen = False
    for number, version in enumerate(versions):
        summary = summaries.get(number) if version.blob else None
        if summary is None:
            continue  # deleted in this commit (a later version may restore it), or missing
        raw = summary.status
        status = canonical(raw) if raw else None
        status = status or raw
        if raw is None and canonical is not _as_written:  # its folder's, as parse reads it
            by_folder = folder_status(version.path, canonical)
            status = (by_folder[1] or by_folder[0]) if by_folder else None
        if not seen or status != previous_status:
            timeline.append(StatusChange(version.commit, previous_status, status, not seen))
        if seen and summary.edited:
            edits.append(ContentEdit(version.commit, previous_status))
        previous_status, seen = status, True
    return FileHistory(path, versions, tuple(timeline), tuple(edits))


_CACHE: dict[tuple[str, tuple[str, ...]], tuple[tuple[object, ...], History]] = {}
_LAST_USED: dict[str, tuple[str, tuple[str, ...]]] = {}  # project root -> its last key


def cached_history(
    project_root: Path,
    folders: list[str],
    canonical_status: dict[str, Any] | None = None,
) -> History:
    """``read_history``, kept between rebuilds of ``mkdocs serve``.

    Read again only when HEAD moves, a record file is added, removed or renamed, or
    ``.mailmap`` changes; otherwise the previous result (the same object) is returned
    without starting git. Editing a record changes nothing git has: saving one while
    ``mkdocs serve`` runs does not read history again.
    """
    key = (str(project_root.resolve()), tuple(folders))
    signature: tuple[object, ...] = (
        _head(project_root),
        _readers_of(canonical_status),
        *_file_names(project_root, folders),
        *_mailmaps(project_root),
    )
    cached = _CACHE.get(key)
    _LAST_USED[key[0]] = key
    if cached and cached[1].read_index:  # read with renames staged: the index says too
        signature = (*signature, _index_stamp(project_root))
    if cached and cached[0] == signature:
        return cached[1]
    history = read_history(project_root, folders, canonical_status)
    if history.read_index and not (cached and cached[1].read_index):
        signature = (*signature, _index_stamp(project_root))
    if history.available:  # a failed read (no git, a refused repository) is tried again
        _CACHE[key] = (signature, history)
    else:
        _CACHE.pop(key, None)
    return history


def _readers_of(canonical_status: dict[str, Any] | None) -> tuple[object, ...]:
    """What maps each folder's status words (a kind's ``canonical_status``, compared by
    its kind: a bound method is equal only to itself), so that new aliases read the
    history again."""
    if not canonical_status:
        return ()
    return tuple(
        (folder, getattr(read, "__self__", read)) for folder, read in canonical_status.items()
    )


def kept_histories(project_root: Path) -> dict[tuple[str, tuple[str, ...]], object]:
    """The history ``cached_history`` last gave for the project at ``project_root``,
    with what it was read at: for a next run to start from (``restore_histories``).
    Only the last: the histories of record places since gone are not kept."""
    key = _LAST_USED.get(str(project_root.resolve()))
    found = _CACHE.get(key) if key is not None else None
    return {key: found} if key is not None and found is not None else {}


def restore_histories(kept: object) -> None:
    """Histories a previous run read (``kept_histories``), for ``cached_history`` to give
    again while HEAD and the record files are what they were then. What is not such a
    mapping, or is known here already, is left alone."""
    if not isinstance(kept, dict):
        return
    for key, value in kept.items():
        if key in _CACHE or not (isinstance(value, tuple) and len(value) == 2):
            continue
        if isinstance(value[0], tuple) and isinstance(value[1], History):
            _CACHE[key] = value


def _head(project_root: Path) -> str:
    """What HEAD is, for the cache key: the commit id, or the files git keeps it in
    (read without starting git or loading GitPython); "none" outside a repository."""
    kept = _head_files(project_root)
    if kept is not None:
        return kept
    try:
        import git

        repo = git.Repo(project_root, search_parent_directories=True)
    except Exception:  # no repository, no git: nothing to cache on but the files
        return "none"
    try:
        return _head_of(repo) or "empty"
    finally:
        repo.close()


def _git_dirs(project_root: Path) -> tuple[Path, Path, Path] | None:
    """The top of the work tree holding ``project_root``, its git folder and the folder
    of the refs it shares (a worktree's), as the files say; None when there is none or
    the layout is not the plain one."""
    for folder in (project_root, *project_root.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            git_dir = dot_git
            break
        if dot_git.is_file():  # a worktree or a submodule: "gitdir: <path>"
            text = _read_text(dot_git)
            if not text.startswith("gitdir:"):
                return None
            git_dir = (folder / text[len("gitdir:") :].strip()).resolve()
            break
    else:
        return None
    common = git_dir
    if (git_dir / "commondir").is_file():
        common = (git_dir / _read_text(git_dir / "commondir").strip()).resolve()
    return folder, git_dir, common


def _head_files(project_root: Path) -> str | None:
    """HEAD as the repository's files say it: ``HEAD``, the branch's loose ref and the
    packed refs (any commit, checkout or reset rewrites one of them), or the list of
    tables of a reftable repository; None when the layout is not the plain one (left to
    GitPython)."""
    found = _git_dirs(project_root)
    if found is None:
        return None
    _, git_dir, common = found
    head = _read_text(git_dir / "HEAD")
    if not head:
        return None
    parts = [head.strip()]
    if head.startswith("ref:"):
        ref = head[len("ref:") :].strip()
        parts.append(_read_text(git_dir / ref) or _read_text(common / ref))
    # the packed refs, the refs of a reftable repository (git 3's default: HEAD is then
    # `ref: refs/heads/.invalid`), and the list of a shallow clone's cut-off commits
    # (deepened by a fetch while HEAD stays)
    kept = (common / "packed-refs", common / "reftable" / "tables.list", common / "shallow")
    for path in kept:
        with contextlib.suppress(OSError):
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size}")
    return "\n".join(parts)


def _index_stamp(project_root: Path) -> tuple[object, ...]:
    """The index's modification time and size (renames staged but not committed)."""
    found = _git_dirs(project_root)
    if found is None:
        return ("no index",)
    try:
        stat = (found[1] / "index").stat()
    except OSError:
        return ("no index",)
    return ("index", stat.st_mtime_ns, stat.st_size)


def _mailmaps(project_root: Path) -> list[tuple[str, int, int]]:
    """The ``.mailmap`` files git reads for this project: at the top of its work tree
    (and beside ``mkdocs.yml``, where the project is a folder of a larger repository)."""
    found = _git_dirs(project_root)
    tops = {project_root.resolve()}
    if found is not None:
        tops.add(found[0].resolve())
    return [stamp for top in sorted(tops) for stamp in _file_signature(top, [".mailmap"])]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _head_of(repo: Any) -> str:
    """HEAD's commit id read from the repository's files, without starting git; "" if unborn."""
    from git.refs.symbolic import SymbolicReference

    try:
        return str(SymbolicReference.dereference_recursive(repo, "HEAD"))
    except ValueError:
        return ""


def _file_names(project_root: Path, folders: list[str]) -> list[str]:
    found: list[str] = [folder for folder in folders if (project_root / folder).is_file()]
    for folder in folders:
        for directory, _, files in os.walk(project_root / folder):
            found.extend(os.path.join(directory, name) for name in files)
    return sorted(found)


def _file_signature(project_root: Path, folders: list[str]) -> list[tuple[str, int, int]]:
    found = []
    for folder in folders:
        if (project_root / folder).is_file():
            stat = (project_root / folder).stat()
            found.append((folder, stat.st_mtime_ns, stat.st_size))
        for directory, _, files in os.walk(project_root / folder):
            for name in files:
                try:
                    stat = os.stat(os.path.join(directory, name))
                except OSError:  # a broken symlink: discovery reports it, the key ignores it
                    continue
                found.append((os.path.join(directory, name), stat.st_mtime_ns, stat.st_size))
    return sorted(found)
