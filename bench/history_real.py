"""Time ``read_history`` on an existing repository, each run in a fresh process.

Usage::

    python bench/history_real.py REPO FOLDER [--plugin PLUGIN_DIR] [--repeat 5]

``PLUGIN_DIR`` is the folder that holds the ``mkdocs_decisions`` package (default: this
project's ``plugin``), so that an older version exported with ``git archive`` can be
timed on the same repository. One untimed run warms the caches; the script prints the
number of record files and versions read, the best and median wall-clock seconds, and
the best CPU seconds (user and system, of the Python process and the git processes it
waited for), which other work on a busy machine changes less.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PROBE = (
    "import sys; from pathlib import Path; "
    "from mkdocs_decisions.history.git_log import read_history; "
    "h = read_history(Path(sys.argv[1]), [sys.argv[2]]); "
    "print(len(h.files), sum(len(f.versions) for f in h.files.values()))"
)


def main(argv: list[str] | None = None) -> int:
    """Time and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("folder")
    parser.add_argument("--plugin", type=Path, default=PROJECT / "plugin")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(args.plugin.resolve())}
    command = [sys.executable, "-c", PROBE, str(args.repo), args.folder]
    runs: list[float] = []
    cpu: list[float] = []
    read = ""
    for _ in range(args.repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        runs.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        read = completed.stdout.strip()
    files, versions = read.split()
    timed = runs[1:]
    print(
        f"{args.repo} {args.folder}: {files} files, {versions} versions; "
        f"best {min(timed):.3f} s, median {statistics.median(timed):.3f} s, "
        f"best CPU {min(cpu[1:]):.3f} s ({args.repeat} runs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
