"""Compare ``decisions check`` of two or more code trees on a shared machine.

Usage::

    python bench/check_compare.py CORPUS TREE [TREE ...] [--runs 7] [--no-history]

Each TREE is a folder that holds the ``mkdocs_decisions`` package (a ``plugin/``
folder of a checkout, or of ``git archive COMMIT plugin`` unpacked somewhere). Runs
``python -m mkdocs_decisions.cli.main check -f mkdocs-plugin.yml --format json`` in
CORPUS as a new process with the tree first on ``PYTHONPATH``, the trees in turn,
``--runs`` rounds after one untimed round, so that a change of the machine's load
falls on every tree alike (``check_time.py`` times one tree at a time). Prints the best
and median wall-clock seconds and CPU seconds (the process and its children: git, and
the child processes of ``corpus/child.py``) per tree.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def run_once(corpus: Path, tree: Path, history: bool) -> tuple[float, float]:
    command = [sys.executable, "-m", "mkdocs_decisions.cli.main", "check"]
    command += ["-f", "mkdocs-plugin.yml", "--format", "json"]
    if not history:
        command.append("--no-history")
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=corpus, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"decisions check failed with {tree}")
    return seconds, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("trees", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-history", action="store_true")
    arguments = parser.parse_args(argv)
    history = not arguments.no_history
    for tree in arguments.trees:
        run_once(arguments.corpus, tree, history)  # untimed: warms the file cache
    results: dict[Path, list[tuple[float, float]]] = {tree: [] for tree in arguments.trees}
    for _ in range(arguments.runs):
        for tree in arguments.trees:
            results[tree].append(run_once(arguments.corpus, tree, history))
    print("| tree | wall best s | wall median s | CPU best s | CPU median s |")
    print("|---|---|---|---|---|")
    for tree, runs in results.items():
        wall = [run[0] for run in runs]
        cpu = [run[1] for run in runs]
        print(
            f"| {tree} | {min(wall):.3f} | {statistics.median(wall):.3f} | "
            f"{min(cpu):.3f} | {statistics.median(cpu):.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
