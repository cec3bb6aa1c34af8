"""The site in a real browser: Debian's Chromium, headless, with every address but
127.0.0.1 blocked. (.ci/run installs chromium with apt-get; no browser is downloaded.)"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, Project

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = ROOT / "examples" / "demand-forecasting"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example built with Material, served on 127.0.0.1; yields its base URL."""
    root = tmp_path_factory.mktemp("browser") / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    result = Project(root).build("--strict")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def dom(url: str) -> str:
    """The page's DOM after its scripts ran, from headless Chromium with the network cut
    off: every host but 127.0.0.1 resolves to nothing."""
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--virtual-time-budget=3000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def rows(html: str) -> tuple[list[str], list[str]]:
    """Ids of the index rows the page shows and hides."""
    shown, hidden = [], []
    for attributes, record_id in re.findall(
        r"<tr (data-decisions-row[^>]*)><td><a [^>]*>([^<]+)</a>", html
    ):
        (hidden if re.search(r"\bhidden\b", attributes) else shown).append(record_id)
    return shown, hidden


def test_filters_narrow_the_index(example_site: str) -> None:
    everything = dom(example_site + "decisions/")
    shown, hidden = rows(everything)
    assert len(shown) == 13 and hidden == []
    assert 'class="decisions-filters"' in everything
    assert '<form class="decisions-filters" hidden' not in everything  # shown by the script

    accepted = dom(example_site + "decisions/?status=accepted&kind=adr")
    shown, hidden = rows(accepted)
    assert shown and all(record_id.startswith("ADR-") for record_id in shown)
    assert len(shown) + len(hidden) == 13
    assert "RFC-0001" in hidden and "ADR-0003" in hidden  # implemented RFC, superseded ADR
    # Status groups with nothing left are hidden with their heading.
    assert re.search(r'<h2 id="status-superseded"[^>]*hidden', accepted)

    text = dom(example_site + "decisions/?q=orderlink")
    shown, _ = rows(text)
    assert shown == ["ADR-0007"]


def test_without_javascript_the_table_is_whole(example_site: str) -> None:
    html = dom(example_site + "decisions/")
    shown, _ = rows(html)
    served = subprocess.run(
        [
            "python3",
            "-c",
            "import sys, urllib.request; "
            "sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
            example_site + "decisions/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The HTML as served: the form is hidden, no row is.
    assert '<form class="decisions-filters" hidden' in served
    assert "data-decisions-row" in served and " hidden data-status" not in served
    assert len(shown) == served.count("data-decisions-row ")
