"""Time ``read_history`` on records kept as folders of their own after two folder moves.

Writes a git repository of N records ``designs/2019-topic-NNN/README.md`` (committed ten
at a time), then ``git mv designs rfcs`` and ``git mv rfcs proposals``, and reads its
history in this process: the best of ``--repeat`` runs, and how many records were
created before the moves (all of them, when the moves are followed).

    python bench/history_folder_moves.py [--records 300] [--repeat 3] [--out DIR]

Run it with ``PYTHONPATH`` pointing at another checkout's ``plugin`` to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from mkdocs_decisions.history.git_log import read_history


def _git(root: Path, *arguments: str, date: str = "2020-01-01T10:00:00+00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ana",
        "GIT_AUTHOR_EMAIL": "ana@example.com",
        "GIT_COMMITTER_NAME": "Ana",
        "GIT_COMMITTER_EMAIL": "ana@example.com",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    subprocess.run(["git", *arguments], cwd=root, env=env, check=True, capture_output=True)


def write_repository(root: Path, records: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _git(root, "init", "-q")
    for number in range(1, records + 1):
        folder = root / "designs" / f"2019-topic-{number:03}"
        folder.mkdir(parents=True)
        text = f"- Start Date: 2019-06-14\n\n# Topic {number}\n\n## Summary\n\nX\n"
        (folder / "README.md").write_text(text, encoding="utf-8")
        if number % 10 == 0 or number == records:
            _git(root, "add", "-A")
            _git(root, "commit", "-qm", f"topics to {number}")
    _git(root, "mv", "designs", "rfcs")
    _git(root, "commit", "-qm", "move", date="2021-05-05T10:00:00+00:00")
    _git(root, "mv", "rfcs", "proposals")
    _git(root, "commit", "-qm", "move again", date="2022-05-05T10:00:00+00:00")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    root = arguments.out or Path(tempfile.mkdtemp()) / "repository"
    write_repository(root, arguments.records)
    best = float("inf")
    for _ in range(arguments.repeat):
        start = time.perf_counter()
        history = read_history(root, ["proposals"])
        best = min(best, time.perf_counter() - start)
    before = sum(1 for file in history.files.values() if file.created.day.year == 2020)
    records = arguments.records
    print(f"{records} records: read_history best {best:.3f} s; {before} created before the moves")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
