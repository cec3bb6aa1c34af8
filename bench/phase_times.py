"""Where a ``mkdocs build`` spends its time, phase by phase, without a profiler.

Usage (from a corpus folder written by ``generate_corpus.py``)::

    python ../../phase_times.py mkdocs-baseline.yml mkdocs-plugin.yml [--repeat 3]

Runs each configuration's build in this process with wall-clock timers around
MkDocs' phases and the decisions plugin's steps, and prints a Markdown table of
the median seconds per phase. The timers wrap MkDocs 1.6 internals
(``mkdocs.commands.build._build_page``, ``Page.render``) and empties the plugin's
in-memory history cache before each build (a real ``mkdocs build`` starts with
an empty one), so it is a diagnostic tool tied to those internals, not part of
the benchmark's contract.
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

import mkdocs.commands.build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.contrib.search import SearchPlugin
from mkdocs.structure.pages import Page

from mkdocs_decisions import plugin as decisions_plugin
from mkdocs_decisions.history import git_log as decisions_history
from mkdocs_decisions.site.pages import SiteRenderer

Timers = dict[str, float]
_current: Timers = defaultdict(float)


def _timed(owner: Any, name: str, label: Callable[..., str]) -> None:
    """Replace ``owner.name`` by a wrapper that adds its wall-clock time to ``label(...)``."""
    original = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _current[label(*args, **kwargs)] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def _page_kind(page: Page, *args: Any, **kwargs: Any) -> str:
    uri = page.file.src_uri
    if uri.endswith("index.md") and uri != "index.md":
        return "Markdown: generated index pages"
    return "Markdown: record pages and home"


def _fixed(label: str) -> Callable[..., str]:
    return lambda *args, **kwargs: label


def install_timers() -> None:
    """Wrap the phases once; every later build in this process is measured."""
    _timed(Page, "render", _page_kind)
    _timed(mkdocs_build, "_build_page", _fixed("theme: render and write pages (incl. search)"))
    _timed(SearchPlugin, "on_page_context", _fixed("search: index page text"))
    _timed(SearchPlugin, "on_post_build", _fixed("search: write index"))
    plugin_class = decisions_plugin.DecisionsPlugin
    _timed(plugin_class, "on_files", _fixed("decisions: on_files (all below)"))
    _timed(decisions_plugin, "project_history", _fixed("decisions:   project_history (git)"))
    _timed(decisions_plugin, "discover", _fixed("decisions:   discover (on_config)"))
    _timed(decisions_plugin, "build_corpus", _fixed("decisions:   build_corpus"))
    _timed(decisions_plugin, "check_corpus", _fixed("decisions:   check_corpus"))
    _timed(decisions_plugin, "build_site", _fixed("decisions:   build_site (all pages)"))
    _timed(SiteRenderer, "pages", _fixed("decisions:     SiteRenderer.pages"))
    _timed(plugin_class, "_replace", _fixed("decisions:   _replace (add files)"))


def measure(config_file: Path, repeat: int) -> dict[str, list[float]]:
    """Build ``repeat`` times (after one warm-up) and collect each phase's seconds."""
    samples: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as site:
        for run in range(repeat + 1):
            _current.clear()
            # Each real build is a fresh process with an empty history cache.
            getattr(decisions_history, "_CACHE", {}).clear()
            config = load_config(str(config_file), site_dir=site)
            start = time.perf_counter()
            mkdocs_build.build(config)
            total = time.perf_counter() - start
            if run == 0:
                continue  # warm-up
            samples["whole build (in-process)"].append(total)
            for label, seconds in _current.items():
                samples[label].append(seconds)
    return samples


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("configs", type=Path, nargs="+", help="mkdocs.yml files to build")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    install_timers()
    results = {config: measure(config, arguments.repeat) for config in arguments.configs}
    labels = sorted({label for samples in results.values() for label in samples})
    header = " | ".join(config.name for config in arguments.configs)
    print(f"| phase (median s of {arguments.repeat}) | {header} |")
    print("|---|" + "---|" * len(arguments.configs))
    for label in labels:
        cells = [
            f"{statistics.median(results[c][label]):.3f}" if label in results[c] else "-"
            for c in arguments.configs
        ]
        print(f"| {label} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
