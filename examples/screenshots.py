"""Take the screenshots in docs/images/ from the demand-forecasting example.

    .venv/bin/python examples/screenshots.py [--out docs/images]

Builds the example in a temporary folder, serves it on 127.0.0.1 and photographs pages
in Debian's Chromium (``/usr/bin/chromium``) through Playwright, with every other host
blocked, as the browser tests do. Run it after a change to what these pages show, and
look at the pictures before committing them.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "demand-forecasting"
CHROMIUM = "/usr/bin/chromium"

# (file, page, what to photograph: a CSS selector or "" for the top of the page, width)
SHOTS = (
    ("index.png", "decisions/", "", 1280),
    ("record.png", "adr/0007-java-adapter-for-orderlink-bulk-import/", "", 1280),
    (
        "tradeoffs.png",
        "adr/0006-daily-batch-scoring-on-the-ml-platform/",
        ".decisions-matrix",
        1280,
    ),
    ("project.png", "projects/demand-forecasting/", "#project-requirements + table", 1280),
)


def build(folder: Path) -> Path:
    site = folder / "example"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site"))
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        [
            "git",
            "-c",
            "user.name=Example",
            "-c",
            "user.email=example@example.org",
            "commit",
            "-q",
            "-m",
            "The example",
        ],
    ):
        subprocess.run(command, cwd=site, check=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=site, check=True
    )
    return site / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def photograph(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        for name, path, selector, width in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if selector:
                # The header stays on top while scrolling: hide it for a clean picture.
                page.add_style_tag(content=".md-header, .md-tabs { display: none !important; }")
                page.locator(selector).first.screenshot(path=str(out / name))
            else:
                page.screenshot(path=str(out / name))
            page.close()
            print(out / name)
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server, base = serve(build(Path(folder)))
        try:
            photograph(base, arguments.out)
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
