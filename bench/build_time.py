"""Time ``mkdocs build`` with the decisions plugin against the same pages built without it.

Usage::

    python bench/build_time.py [--sizes 500 2000] [--repeat 3] [--out bench/out] [--seed S]

For each size N it generates a corpus with ``generate_corpus.py`` into
``OUT/corpus-N`` (a git repository with one commit), runs one untimed warm-up
build of each variant, then ``--repeat`` timed rounds. Each round builds, as a
subprocess ``mkdocs build -f <yml> -q -d <site dir>`` timed by wall clock, the
four variants in rotating order: ``baseline`` (the same record files as plain
pages, no plugin), ``plugin`` (default options, git history read; each build
starts from what the build before kept, ADR-0035), ``plugin-nohistory``
(``history: false``) and ``plugin-nocache`` (``cache: false``: every build is a
first build, as on a clean CI machine). It then times the plugin's core
in-process on the same corpus, from nothing kept: ``read_history``,
``load_corpus``, ``run_checks`` and ``SiteRenderer(...).pages()``.

The package is compiled to bytecode first (``compileall``), as installing it
does: a checkout installed in editable mode, run with ``PYTHONDONTWRITEBYTECODE``
set, would otherwise compile its modules in every build.

It prints the machine and Markdown tables (best / median of the rounds). The
overhead is ``(plugin - baseline) / baseline``. Built sites are deleted after
each size unless ``--keep-sites`` is given (the built-in theme repeats the whole
navigation in every page, so one site for N=2000 is about 750 MB). It exits 0
when every build succeeds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import mkdocs_decisions
from generate_corpus import DEFAULT_SEED, generate
from mkdocs_decisions.catalogue.findings import Severity
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.history.git_log import read_history
from mkdocs_decisions.site.pages import SiteRenderer

VARIANTS = ("baseline", "plugin", "plugin-nohistory", "plugin-nocache")  # mkdocs-<variant>.yml
CORE_PHASES = ("read_history", "load_corpus", "run_checks", "pages()")


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of repeated runs of one thing."""

    runs: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


@dataclass(frozen=True)
class SizeResult:
    """Everything measured for one corpus size."""

    n: int
    adrs: int
    rfcs: int
    builds: dict[str, Timing]  # variant -> build timings
    core: dict[str, Timing]  # phase -> in-process timings


class BuildFailed(RuntimeError):
    """A ``mkdocs build`` exited non-zero; the message holds its output."""


def machine_description() -> list[str]:
    """Lines describing where the numbers were taken."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = "?"
    if hasattr(os, "getloadavg"):
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"- CPU: {cpu}; nproc: {os.cpu_count()}",
        f"- OS: {platform.platform()}",
        f"- Python: {platform.python_version()} ({sys.executable})",
        f"- MkDocs: {version('mkdocs')}; Markdown: {version('markdown')}; "
        f"mkdocs-decisions: {version('mkdocs-decisions')}",
        f"- Load average at start (1, 5, 15 min): {load}",
        f"- Code: {source_revision()}",
    ]


def source_revision() -> str:
    """The git commit of the plugin's source, and whether its working tree has changes."""
    package = Path(mkdocs_decisions.__file__).parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=package,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "."],
            cwd=package,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{package} (not a git checkout)"
    return f"git {commit}" + (" with uncommitted changes in the package" if changed else "")


def mkdocs_build(project: Path, config: str, site: Path) -> float:
    """Run one quiet build as a subprocess and return its wall-clock seconds."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config, "-q", "-d", str(site)]
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise BuildFailed(
            f"{' '.join(command)} (in {project}) exited {completed.returncode}:\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return elapsed


def time_builds(project: Path, sites: Path, repeat: int) -> dict[str, Timing]:
    """Warm up, then ``repeat`` rounds of every variant, rotating which builds first."""
    runs: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    for variant in VARIANTS:
        mkdocs_build(project, f"mkdocs-{variant}.yml", sites / f"site-{variant}")
    for round_number in range(repeat):
        shift = round_number % len(VARIANTS)
        for variant in VARIANTS[shift:] + VARIANTS[:shift]:
            elapsed = mkdocs_build(project, f"mkdocs-{variant}.yml", sites / f"site-{variant}")
            runs[variant].append(elapsed)
    return {variant: Timing(tuple(values)) for variant, values in runs.items()}


def time_core(project: Path, repeat: int) -> dict[str, Timing]:
    """Time the plugin's core phases in this process, called as ``on_files`` calls them.

    History is read with ``read_history`` (what ``project_history`` does on a cold
    cache, as in every ``mkdocs build``), so repeated runs here do not hit the cache.
    """
    settings = settings_from_options({})
    kinds = settings.kinds.values()
    folders = [kind.folder for kind in kinds]
    canonical = {kind.folder: kind.canonical_status for kind in kinds}
    phases: dict[str, list[float]] = {name: [] for name in CORE_PHASES}
    for _ in range(repeat + 1):  # the first run warms imports and caches; dropped below
        t0 = time.perf_counter()
        history = read_history(project, folders, canonical)
        t1 = time.perf_counter()
        corpus = load_corpus(project, project / "docs", settings, history)
        t2 = time.perf_counter()
        findings = run_checks(corpus, settings)
        t3 = time.perf_counter()
        SiteRenderer(corpus, settings).pages()
        t4 = time.perf_counter()
        if history.warnings or any(f.severity is Severity.ERROR for f in findings):
            raise BuildFailed(f"the corpus in {project} has history warnings or error findings")
        for name, seconds in zip(CORE_PHASES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            phases[name].append(seconds)
    result = {phase: Timing(tuple(values[1:])) for phase, values in phases.items()}
    totals = [sum(values) for values in zip(*(t.runs for t in result.values()), strict=True)]
    result["core total"] = Timing(tuple(totals))
    return result


def overhead(baseline: float, plugin: float) -> str:
    """The relative cost of ``plugin`` over ``baseline``, as a signed percentage."""
    return f"{(plugin - baseline) / baseline * 100:+.1f}%"


def build_table(results: list[SizeResult]) -> list[str]:
    """The main table: build times of each variant and the plugin's overhead."""
    lines = [
        "| N (ADR + RFC) | baseline s | with plugin s | overhead "
        "| with plugin, `history: false` s | overhead "
        "| with plugin, `cache: false` (a first build) s | overhead |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        base = r.builds["baseline"]
        cells = [f"{r.n} ({r.adrs} + {r.rfcs})", f"{base.best:.2f} / {base.median:.2f}"]
        for variant in ("plugin", "plugin-nohistory", "plugin-nocache"):
            plug = r.builds[variant]
            cells.append(f"{plug.best:.2f} / {plug.median:.2f}")
            cells.append(f"{overhead(base.best, plug.best)} / {overhead(base.median, plug.median)}")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def core_table(results: list[SizeResult]) -> list[str]:
    """Where the plugin's time goes: its core phases in-process (median seconds)."""
    lines = [
        "| N | "
        + " | ".join(f"{phase} s" for phase in CORE_PHASES)
        + " | core total s | build difference s | core share of difference |",
        "|---|" + "---|" * (len(CORE_PHASES) + 3),
    ]
    for r in results:
        difference = r.builds["plugin"].median - r.builds["baseline"].median
        core = r.core["core total"].median
        share = f"{core / difference * 100:.0f}%" if difference > 0 else "n/a"
        phases = " | ".join(f"{r.core[phase].median:.3f}" for phase in CORE_PHASES)
        lines.append(f"| {r.n} | {phases} | {core:.3f} | {difference:.2f} | {share} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000], metavar="N")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds per size")
    parser.add_argument("--out", type=Path, default=Path("bench/out"), help="work folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus random seed")
    parser.add_argument(
        "--keep-sites", action="store_true", help="keep the built sites (N=2000: ~2.3 GB)"
    )
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1:
        parser.error("--repeat must be at least 1")

    # Bytecode for the package, as `pip install` writes it (an editable checkout with
    # PYTHONDONTWRITEBYTECODE would compile every module in every timed build).
    compileall.compile_dir(Path(mkdocs_decisions.__file__).parent, quiet=1)
    print("Machine:\n")
    print("\n".join(machine_description()))
    print()
    results: list[SizeResult] = []
    for n in arguments.sizes:
        project = (arguments.out / f"corpus-{n}").resolve()
        adrs, rfcs = generate(n, project, arguments.seed)
        print(f"N={n}: {adrs} ADRs + {rfcs} RFCs in {project}; building...", file=sys.stderr)
        try:
            builds = time_builds(project, project.parent / f"sites-{n}", arguments.repeat)
            core = time_core(project, arguments.repeat)
        except BuildFailed as error:
            print(f"build_time: {error}", file=sys.stderr)
            return 1
        if not arguments.keep_sites:
            shutil.rmtree(project.parent / f"sites-{n}", ignore_errors=True)
        results.append(SizeResult(n, adrs, rfcs, builds, core))

    print(
        f"`mkdocs build -q`, wall clock in seconds, best / median of {arguments.repeat} "
        "runs after one warm-up build:\n"
    )
    print("\n".join(build_table(results)))
    print("\nThe plugin's core alone, in-process (median seconds):\n")
    print("\n".join(core_table(results)))
    print("\nAll runs (seconds):\n")
    for r in results:
        for name, timing in [*r.builds.items(), *r.core.items()]:
            print(f"- N={r.n} {name}: " + ", ".join(f"{run:.3f}" for run in timing.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
