"""Time edit-to-preview in ``mkdocs serve --dirty``: with the plugin, and for the same
pages without it.

Usage::

    python bench/serve_time.py [--sizes 500 1000 4000] [--repeat 5] [--out bench/out]
                               [--plain-serve]

For each size N it generates (or reuses) the corpus of ``generate_corpus.py`` in
``OUT/corpus-N`` and starts ``mkdocs serve --dirty`` twice, one server at a time:
``plugin`` (``mkdocs-plugin.yml``: the records outside docs/, read by the plugin) and
``baseline`` (``mkdocs-baseline.yml``: the same files as plain pages of docs-baseline/,
no plugin). Once a server has built the site, it makes ``--repeat`` edits to one ADR,
each a new sentence at the end of its body, and measures the wall-clock time from
writing the file to the page served with the sentence in it (polled every 10 ms). With
the plugin it also times an edit of the record's status (the indexes, the graph and
the feed show it) and of its title (every page's navigation shows it).

``--plain-serve`` runs the plugin's server without ``--dirty``, to show what a full
rebuild per save costs. Every edit is undone at the end. Prints Markdown tables
(median and best of the runs); the numbers go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from build_time import machine_description, source_revision
from generate_corpus import DEFAULT_SEED, generate

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
POLL = 0.01
TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = TIMEOUT) -> float:
    """Seconds until ``url`` serves ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise TimeoutError(f"{url} never showed {text!r}")


class Server:
    def __init__(self, project: Path, config: str, dirty: bool) -> None:
        self.port = free_port()
        self.tmp = tempfile.TemporaryDirectory(prefix="serve-bench-")
        command = [MKDOCS, "serve", "-f", config, "-a", f"127.0.0.1:{self.port}"]
        if dirty:
            command.append("--dirty")
        self.log = open(Path(self.tmp.name) / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            cwd=project,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": self.tmp.name},
        )

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        self.tmp.cleanup()


def first_adr(folder: Path) -> Path:
    return sorted(folder.glob("*.md"))[len(list(folder.glob("*.md"))) // 2]


def time_edits(server: Server, record: Path, page: str, repeat: int) -> list[float]:
    """Append a sentence ``repeat`` times; seconds from each write to the page showing it."""
    original = record.read_text(encoding="utf-8")
    runs = []
    try:
        for run in range(repeat):
            marker = f"Benchmark sentence {run} {time.time_ns()}."
            record.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            runs.append(wait_for(server.url(page), marker))
            time.sleep(0.5)  # let the server settle before the next save
    finally:
        record.write_text(original, encoding="utf-8")
    return runs


def time_front_matter_edit(
    server: Server, record: Path, page: str, old: str, new: str, shown: str
) -> float:
    original = record.read_text(encoding="utf-8")
    try:
        record.write_text(original.replace(old, new, 1), encoding="utf-8")
        return wait_for(server.url(page), shown)
    finally:
        record.write_text(original, encoding="utf-8")
        time.sleep(0.5)


def page_of(record: Path, root: Path) -> str:
    return record.relative_to(root).with_suffix("").as_posix() + "/"


def measure(project: Path, repeat: int, dirty: bool) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    for variant, config, folder in (
        ("baseline", "mkdocs-baseline.yml", project / "docs-baseline"),
        ("plugin", "mkdocs-plugin.yml", project),
    ):
        record = first_adr(folder / "adr")
        page = page_of(record, folder)
        server = Server(project, config, dirty or variant == "baseline")
        try:
            startup = wait_for(server.url(page), "</html>")
            time.sleep(1.0)
            results[f"{variant}: first build"] = [startup]
            results[f"{variant}: body edit"] = time_edits(server, record, page, repeat)
            if variant == "plugin":
                text = record.read_text(encoding="utf-8")
                status = next(line for line in text.splitlines() if line.startswith("status:"))
                title = next(line for line in text.splitlines() if line.startswith("title:"))
                new_status = (
                    "status: deprecated" if "deprecated" not in status else "status: accepted"
                )
                results["plugin: status edit"] = [
                    time_front_matter_edit(
                        server, record, page, status, new_status, new_status.split()[1]
                    )
                ]
                results["plugin: title edit"] = [
                    time_front_matter_edit(
                        server, record, page, title, title + " (renamed)", "(renamed)"
                    )
                ]
        finally:
            server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 4000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--plain-serve", action="store_true", help="the plugin without --dirty")
    arguments = parser.parse_args(argv)
    print("\n".join(machine_description()))
    print(f"- Commit: {source_revision()}\n")
    rows = []
    for size in arguments.sizes:
        project = arguments.out / f"corpus-{size}"
        if not (project / "mkdocs-plugin.yml").exists():
            generate(size, project, arguments.seed)
        results = measure(project, arguments.repeat, not arguments.plain_serve)
        rows.append((size, results))
    print("| N | what | median s | best s | runs |")
    print("|---|---|---|---|---|")
    for size, results in rows:
        for what, runs in results.items():
            print(
                f"| {size} | {what} | {statistics.median(runs):.3f} | {min(runs):.3f} | "
                + ", ".join(f"{run:.3f}" for run in runs)
                + " |"
            )
        plugin = statistics.median(results["plugin: body edit"])
        baseline = statistics.median(results["baseline: body edit"])
        print(f"| {size} | plugin / baseline, body edit | {plugin / baseline:.2f}x | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
