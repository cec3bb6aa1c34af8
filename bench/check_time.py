"""Time ``decisions check`` and its peak memory, with and without git history.

Usage::

    python bench/check_time.py [--sizes 500 1000 4000] [--repeat 3] [--out bench/out]

For each size N it generates (or reuses) the corpus of ``generate_corpus.py`` in
``OUT/corpus-N`` (a git repository with one commit) and runs, as a subprocess in the
corpus folder, ``decisions check -f mkdocs-plugin.yml --format json`` and the same with
``--no-history``, ``--repeat`` times each after one untimed run (so the parsed records
are in the store of ADR-0030, as on a developer's machine), and the first mode once
more with an empty store each time (a clean CI machine). It reports the
wall-clock time (best and median), the peak resident memory of the process (its
``ru_maxrss``, from ``os.wait4``), the time per 1,000 records, and the exponent of the
growth between the smallest and the largest size (time ~ N^k). The numbers go into
docs/performance.md.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from build_time import machine_description, source_revision
from generate_corpus import DEFAULT_SEED, generate

DECISIONS = str(Path(sys.executable).parent / "decisions")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def run_check(project: Path, history: bool, cold: bool = False) -> Run:
    """One ``decisions check``; ``cold`` with a store of parsed records of its own,
    empty."""
    command = [DECISIONS, "check", "-f", "mkdocs-plugin.yml", "--format", "json"]
    if not history:
        command.append("--no-history")
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "XDG_CACHE_HOME": empty} if cold else None
        return _timed(command, project, env)


def _timed(command: list[str], project: Path, env: dict[str, str] | None) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"decisions check exited with {code} in {project}")
    return Run(seconds, usage.ru_maxrss / 1024)


def measure(project: Path, repeat: int) -> dict[str, list[Run]]:
    cold = "with history, nothing stored"
    results: dict[str, list[Run]] = {"with history": [], "--no-history": [], cold: []}
    for history in (True, False):
        run_check(project, history)  # untimed: warms the file cache and the store
    for _ in range(repeat):
        for history, name in ((True, "with history"), (False, "--no-history")):
            results[name].append(run_check(project, history))
        results[cold].append(run_check(project, True, cold=True))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    arguments = parser.parse_args(argv)
    print("\n".join(machine_description()))
    print(f"- Commit: {source_revision()}\n")
    measured: dict[int, dict[str, list[Run]]] = {}
    records: dict[int, int] = {}
    for size in arguments.sizes:
        project = arguments.out / f"corpus-{size}"
        if not (project / "mkdocs-plugin.yml").exists():
            generate(size, project, arguments.seed)
        records[size] = sum(1 for _ in project.glob("adr/*.md")) + sum(
            1 for _ in project.glob("rfc/*.md")
        )
        measured[size] = measure(project, arguments.repeat)
    print("| N | mode | best s | median s | s per 1,000 records (median) | peak MB |")
    print("|---|---|---|---|---|---|")
    for size, results in measured.items():
        for name, runs in results.items():
            median = statistics.median(run.seconds for run in runs)
            print(
                f"| {size} | {name} | {min(run.seconds for run in runs):.3f} | {median:.3f} | "
                f"{median / records[size] * 1000:.3f} | {max(run.peak_mb for run in runs):.0f} |"
            )
    small, large = min(measured), max(measured)
    if small != large:
        for name in measured[small]:
            low = statistics.median(run.seconds for run in measured[small][name])
            high = statistics.median(run.seconds for run in measured[large][name])
            exponent = math.log(high / low) / math.log(records[large] / records[small])
            print(f"\nGrowth {small} -> {large}, {name}: time ~ N^{exponent:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
