"""Which files changed since a git ref, and whether files have uncommitted changes.

One ``git`` process per question, for the whole repository: ``git diff`` for
changes since a ref (working tree included), ``git ls-files`` for new files,
``git status`` for uncommitted ones.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitError(RuntimeError):
    """git could not answer; the message says why."""


def _git(root: Path, *arguments: str) -> str:
    try:
        result = subprocess.run(
            ["git", *arguments],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()
        raise GitError(message[-1] if message else f"git {arguments[0]} failed")
    return result.stdout


def _top_level(root: Path) -> Path:
    return Path(_git(root, "rev-parse", "--show-toplevel").strip())


def repository_root(root: Path) -> Path:
    """The top folder of the git repository that holds ``root``; the current folder when
    there is none (annotations are then relative to where the command runs)."""
    try:
        return _top_level(root)
    except GitError:
        return Path.cwd()


def changed_since(root: Path, ref: str) -> set[str]:
    """Paths (relative to ``root``, posix) of files added, changed or renamed since ``ref``,
    committed or not, plus files git does not track yet."""
    top = _top_level(root)
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"`{ref}` is not a commit, branch or tag of this repository") from None
    listed = _git(root, "diff", "--name-only", "-z", "--no-renames", ref, "--", ".")
    listed += _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", ".")
    return {_relative(top / name, root) for name in listed.split("\0") if name}


def uncommitted(root: Path, paths: list[Path]) -> set[str]:
    """Of ``paths``, those with changes git has not committed (staged, unstaged, untracked,
    ignored)."""
    if not paths:
        return set()
    top = _top_level(root)
    listed = _git(
        root,
        "status",
        "--porcelain",
        "-z",
        "--untracked-files=all",
        "--ignored=matching",  # an ignored file cannot be restored by git after an import
        "--",
        *map(str, paths),
    )
    found = set()
    for entry in listed.split("\0"):
        if len(entry) > 3 and entry[2] == " ":
            found.add(_relative(top / entry[3:], root))
    return found


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root.resolve())).as_posix()
