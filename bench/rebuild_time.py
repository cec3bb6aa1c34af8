"""Where a dirty rebuild of ``mkdocs serve`` spends its time after a one-record edit.

Usage (from a corpus folder written by ``generate_corpus.py``)::

    python ../../rebuild_time.py mkdocs-plugin.yml [--rounds 6]
    python ../../rebuild_time.py mkdocs-baseline.yml [--rounds 6]

Builds the site once in this process, then appends a sentence to one ADR's body
``--rounds`` times, each followed by ``mkdocs.commands.build.build(config, dirty=True)``
with the configuration read again and the plugin kept, as ``mkdocs serve --dirty``
does. Prints the best and median CPU seconds of the whole rebuild and of the plugin's
steps in ``on_files`` (timers around them; no profiler). The edit is undone at the end.
A diagnostic: the edit-to-preview time a user sees is ``serve_time.py``'s.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_decisions import plugin as decisions_plugin

STEPS = ("build_corpus", "check_corpus", "build_site")
_seconds: dict[str, list[float]] = defaultdict(list)


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _seconds[name].append(time.process_time() - start)

    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config")
    parser.add_argument("--rounds", type=int, default=6)
    arguments = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for step in STEPS:
        setattr(decisions_plugin, step, _timed(step, getattr(decisions_plugin, step)))
    memo = decisions_plugin.DiscoveryMemo
    memo.discover = _timed("discover", memo.discover)  # type: ignore[method-assign]
    plugin_class = decisions_plugin.DecisionsPlugin
    plugin_class.on_files = _timed("on_files", plugin_class.on_files)  # type: ignore[method-assign]
    tracker = decisions_plugin.RebuildTracker
    tracker.start = _timed("RebuildTracker.start", tracker.start)  # type: ignore[method-assign]

    site = tempfile.mkdtemp(prefix="rebuild-site-")  # left for a look at it afterwards
    config = load_config(arguments.config, site_dir=site)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=False)
    # The baseline has the same records as plain pages of docs-baseline/.
    folder = "adr" if "plugin" in arguments.config else "docs-baseline/adr"
    target = sorted((Path.cwd() / folder).glob("*.md"))[7]
    original = target.read_text(encoding="utf-8")
    _seconds.clear()
    rebuilds = []
    try:
        for number in range(arguments.rounds):
            target.write_text(original + f"\nEdit number {number}.\n", encoding="utf-8")
            config = load_config(arguments.config, site_dir=site)
            start = time.process_time()
            build(config, dirty=True)
            rebuilds.append(time.process_time() - start)
    finally:
        target.write_text(original, encoding="utf-8")
    print("| step | best s | median s |\n|---|---|---|")
    print(f"| whole rebuild | {min(rebuilds):.3f} | {statistics.median(rebuilds):.3f} |")
    for name, seconds in _seconds.items():
        print(f"| {name} | {min(seconds):.3f} | {statistics.median(seconds):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
