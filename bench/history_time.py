"""Time reading the git history of decision records, against git itself and another plugin.

Usage::

    python bench/history_time.py [--records 2000] [--commits 10000] [--seed 1] [--repeat 5]
                                 [--plugin-repeat 1] [--plugin-modes parallel sequential]
                                 [--out bench/out/history]

Generates (once) a repository with ``generate_history.py`` into
``OUT/repo-R-C-sS``, creates (once) the benchmark environment ``OUT/venv`` with
``pip install -e <this project> mkdocs-git-revision-date-localized-plugin`` (that
plugin is installed there only, it is not a dependency of the project), and times,
each as a fresh process:

- **bare git log**: exactly the ``git log`` command that ``read_history`` runs (same
  format, flags and pathspecs), output to ``/dev/null``;
- **mkdocs-decisions**: ``read_history(Path(repo), ["adr", "rfc"])`` in a fresh Python
  process of the benchmark environment; the process also reports the time of its
  imports (GitPython and ``mkdocs_decisions.history.git_log``) and of the call, measured
  in-process;
- **git-revision-date-localized**: that plugin computing the created and the updated
  date of every record file through its own Python API: ``sequential`` calls
  ``Util.get_git_commit_timestamp(path, is_first_commit)`` for the updated and then the
  created date of each file, as ``on_page_markdown`` does with
  ``enable_parallel_processing: false``; ``parallel`` (the plugin's default) calls the
  plugin's ``on_files`` with ``enable_creation_date: true``, which computes both dates
  for all files in a ``multiprocessing`` pool of ``min(10, cpu_count)`` processes.

Every variant runs once untimed first (warm caches); git log and mkdocs-decisions
then run ``--repeat`` rounds in alternating order. The other plugin takes minutes per
run, so it runs ``--plugin-repeat`` times (default 1). The created and updated dates of
mkdocs-decisions are compared with the other plugin's, file by file. The script
prints the machine, a Markdown table (best and median wall-clock seconds, ratio to
bare git log) and the ratios; it writes the raw numbers to ``OUT/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_history import DEFAULT_SEED, MARKER, generate

PROJECT = Path(__file__).resolve().parent.parent
OTHER_PLUGIN = "mkdocs-git-revision-date-localized-plugin"
FOLDERS = ["adr", "rfc"]
MODES = ("parallel", "sequential")

OURS = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
import git
from mkdocs_decisions.history.git_log import read_history
t1 = time.perf_counter()
history = read_history(Path(sys.argv[1]), ["adr", "rfc"])
t2 = time.perf_counter()
if history.warnings or not history.available:
    raise SystemExit("; ".join(history.warnings))
dates = {
    path: [int(f.created.date.timestamp()), int(f.updated.date.timestamp())]
    for path, f in history.files.items()
}
if len(sys.argv) > 2:
    Path(sys.argv[2]).write_text(json.dumps(dates))
print(json.dumps({"import": t1 - t0, "call": t2 - t1, "files": len(dates)}))
"""

PLUGIN_SEQUENTIAL = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin
from mkdocs_git_revision_date_localized_plugin.util import Util
t1 = time.perf_counter()
repo = Path(sys.argv[1]).resolve()
names = sorted(f"{d}/{p.name}" for d in ("adr", "rfc") for p in (repo / d).glob("*.md"))
plugin = GitRevisionDateLocalizedPlugin()
errors, _ = plugin.load_config({"enable_creation_date": True, "enable_parallel_processing": False})
assert not errors, errors
util = Util(config=plugin.config, mkdocs_dir=str(repo))
dates = {}
for name in names:  # as on_page_markdown: the updated date, then the created date
    _, updated = util.get_git_commit_timestamp(str(repo / name), is_first_commit=False)
    _, created = util.get_git_commit_timestamp(str(repo / name), is_first_commit=True)
    dates[name] = [created, updated]
t2 = time.perf_counter()
if len(sys.argv) > 2:
    Path(sys.argv[2]).write_text(json.dumps(dates))
print(json.dumps({"import": t1 - t0, "call": t2 - t1, "files": len(dates)}))
"""

PLUGIN_PARALLEL = """
import json, multiprocessing, sys, time
t0 = time.perf_counter()
from pathlib import Path
from mkdocs.structure.files import File, Files
from mkdocs_git_revision_date_localized_plugin.plugin import GitRevisionDateLocalizedPlugin
from mkdocs_git_revision_date_localized_plugin.util import Util
t1 = time.perf_counter()
repo = Path(sys.argv[1]).resolve()
names = sorted(f"{d}/{p.name}" for d in ("adr", "rfc") for p in (repo / d).glob("*.md"))
plugin = GitRevisionDateLocalizedPlugin()
errors, _ = plugin.load_config({"enable_creation_date": True})
assert not errors, errors
plugin.on_startup(command="build", dirty=False)
plugin.util = Util(config=plugin.config, mkdocs_dir=str(repo))
site = str(repo / "site")
files = Files([File(n, src_dir=str(repo), dest_dir=site, use_directory_urls=True) for n in names])
plugin.on_files(files, config={"plugins": {}})
dates = {}
for name in names:
    key = str((repo / name).absolute())
    dates[name] = [plugin.created_commits[key][1], plugin.last_revision_commits[key][1]]
t2 = time.perf_counter()
if len(sys.argv) > 2:
    Path(sys.argv[2]).write_text(json.dumps(dates))
print(json.dumps({
    "import": t1 - t0, "call": t2 - t1, "files": len(dates),
    "pool": min(10, multiprocessing.cpu_count()),
}))
"""


@dataclass
class Timing:
    """Wall-clock seconds of the runs of one variant, and what the process reported."""

    runs: list[float] = field(default_factory=list)
    imports: list[float] = field(default_factory=list)
    calls: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def git_log_command() -> list[str]:
    """The ``git log`` that ``read_history`` runs (its options and pathspecs)."""
    from mkdocs_decisions.history import git_log as history

    return ["git", "log", *history.LOG_OPTIONS, "-M", "--full-diff", "--", *FOLDERS]


def ensure_repo(out: Path, records: int, commits: int, seed: int) -> Path:
    """The generated repository, made when missing or made with other arguments."""
    repo = out / f"repo-{records}-{commits}-s{seed}"
    wanted = {"records": records, "commits": commits, "seed": seed}
    marker = repo / ".git" / MARKER
    if marker.exists() and json.loads(marker.read_text(encoding="utf-8")) == wanted:
        return repo
    print(f"generating {repo} ...", file=sys.stderr)
    return generate(repo, records, commits, seed, force=True)


def ensure_venv(out: Path) -> Path:
    """The benchmark environment's python, with this project and the other plugin installed."""
    venv = out / "venv"
    python = venv / "bin" / "python"
    imports = "import mkdocs_decisions, mkdocs_git_revision_date_localized_plugin"
    probe = [str(python), "-c", imports]
    if python.exists() and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return python
    print(f"creating {venv} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(python), "-m", "pip", "install", "-q", "-e", str(PROJECT), OTHER_PLUGIN]
    subprocess.run(pip, check=True)
    return python


def run_git_log(repo: Path) -> float:
    """One bare ``git log``, output to /dev/null; wall-clock seconds."""
    start = time.perf_counter()
    subprocess.run(git_log_command(), cwd=repo, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def run_python(python: Path, code: str, repo: Path, dump: Path | None) -> tuple[float, dict]:
    """Run ``code`` in a fresh process of the benchmark environment; seconds and its report."""
    command = [str(python), "-c", code, str(repo), *([str(dump)] if dump else [])]
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"{command[0]} -c ... failed:\n{completed.stdout}{completed.stderr}")
    return elapsed, json.loads(completed.stdout.strip().splitlines()[-1])


def record(timing: Timing, elapsed: float, report: dict) -> None:
    timing.runs.append(elapsed)
    timing.imports.append(report["import"])
    timing.calls.append(report["call"])


def versions(python: Path) -> dict[str, str]:
    """Versions of the tools in the benchmark environment."""
    code = (
        "from importlib.metadata import version as v; import platform; "
        "print(platform.python_version()); "
        "[print(v(n)) for n in ('mkdocs-decisions', 'mkdocs-git-revision-date-localized-plugin',"
        " 'GitPython', 'mkdocs')]"
    )
    lines = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    names = ["python", "mkdocs-decisions", OTHER_PLUGIN, "GitPython", "mkdocs"]
    git = subprocess.run(["git", "--version"], capture_output=True, text=True, check=True)
    return {**dict(zip(names, lines, strict=True)), "git": git.stdout.strip()}


def machine() -> dict[str, str]:
    """CPU model, processor count, OS and load average."""
    cpu = platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return {"cpu": cpu, "nproc": str(os.cpu_count()), "os": platform.platform(), "load": load}


def compare(ours: dict[str, list[int]], theirs: dict[str, list[int]]) -> dict[str, str | int]:
    """How many files get the same created and updated dates from both."""
    same = [name for name in ours if name in theirs]
    return {
        "files (ours / theirs / both)": f"{len(ours)} / {len(theirs)} / {len(same)}",
        "created equal": sum(ours[n][0] == theirs[n][0] for n in same),
        "updated equal": sum(ours[n][1] == theirs[n][1] for n in same),
    }


def main(argv: list[str] | None = None) -> int:
    """Generate, install, time and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--plugin-repeat", type=int, default=1)
    parser.add_argument("--plugin-modes", nargs="*", choices=MODES, default=list(MODES))
    parser.add_argument("--out", type=Path, default=PROJECT / "bench" / "out" / "history")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    repo = ensure_repo(out, args.records, args.commits, args.seed)
    python = ensure_venv(out)
    host = machine()

    names = {
        "git": "bare git log",
        "ours": "mkdocs-decisions `read_history`",
        "parallel": "git-revision-date-localized, default (parallel)",
        "sequential": "git-revision-date-localized, `enable_parallel_processing: false`",
    }
    codes = {"ours": OURS, "parallel": PLUGIN_PARALLEL, "sequential": PLUGIN_SEQUENTIAL}
    timings = {key: Timing() for key in ["git", "ours", *args.plugin_modes]}
    dumps = {key: out / f"dates-{key}.json" for key in codes}
    reports: dict[str, dict] = {}

    # Warm-up, untimed: page cache, and the dates of mkdocs-decisions for the comparison.
    run_git_log(repo)
    _, reports["ours"] = run_python(python, OURS, repo, dumps["ours"])
    for round_number in range(args.repeat):
        order = ["git", "ours"] if round_number % 2 == 0 else ["ours", "git"]
        for key in order:
            if key == "git":
                timings["git"].runs.append(run_git_log(repo))
            else:
                record(timings["ours"], *run_python(python, OURS, repo, None))
    for round_number in range(args.plugin_repeat):
        for mode in args.plugin_modes:
            print(f"timing the other plugin ({mode}) ...", file=sys.stderr)
            dump = dumps[mode] if round_number == 0 else None
            elapsed, reports[mode] = run_python(python, codes[mode], repo, dump)
            record(timings[mode], elapsed, reports[mode])

    tools = versions(python)
    print(f"- Machine: {host['cpu']}; nproc {host['nproc']}; {host['os']}")
    print(f"- Load average at start (1, 5, 15 min): {host['load']}")
    print(f"- {tools['git']}; Python {tools['python']}; GitPython {tools['GitPython']}")
    print(
        f"- mkdocs-decisions {tools['mkdocs-decisions']}; {OTHER_PLUGIN} "
        f"{tools[OTHER_PLUGIN]}; MkDocs {tools['mkdocs']}"
    )
    print(
        f"- Repository: {args.records} records, {args.commits} commits (seed {args.seed}); "
        f"rounds: {args.repeat} (git log, mkdocs-decisions), {args.plugin_repeat} (other plugin)"
    )
    if "parallel" in reports:
        print(f"- The other plugin's pool: {reports['parallel']['pool']} processes")
    print()
    base = timings["git"].best
    print("| what | best s | median s | best / bare git log | in-process: imports s, call s |")
    print("|---|---|---|---|---|")
    for key, timing in timings.items():
        inside = "-"
        if timing.calls:
            inside = f"{min(timing.imports):.3f}, {min(timing.calls):.3f}"
        print(
            f"| {names[key]} | {timing.best:.3f} | {timing.median:.3f} "
            f"| {timing.best / base:.2f} | {inside} |"
        )
    print()
    ours = timings["ours"]
    print(f"- ours / git log (whole process, best): {ours.best / base:.2f}")
    print(f"- ours / git log (read_history call only, best): {min(ours.calls) / base:.2f}")
    mine = json.loads(dumps["ours"].read_text(encoding="utf-8"))
    comparisons = {}
    for mode in args.plugin_modes:
        ratio = timings[mode].best / ours.best
        print(f"- plugin ({mode}) / ours (whole process, best): {ratio:.1f}")
        theirs = json.loads(dumps[mode].read_text(encoding="utf-8"))
        comparisons[mode] = compare(mine, theirs)
        same = "; ".join(f"{k}: {v}" for k, v in comparisons[mode].items())
        print(f"- dates compared with the plugin ({mode}): {same}")

    results = {
        "machine": host,
        "versions": tools,
        "arguments": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "git_log_command": git_log_command(),
        "timings": {key: vars(timing) for key, timing in timings.items()},
        "reports": reports,
        "comparisons": comparisons,
    }
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
