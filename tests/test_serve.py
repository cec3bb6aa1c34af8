"""`mkdocs serve` rebuilds when a record outside docs/ changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import VALID_RFC, Project, adr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.25)
    return False


def test_serve_reloads_when_a_record_changes(project: Project) -> None:
    record = project.write("adr/0001-x.md", adr("First title"))
    project.configure()
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/adr/0001-x/"
        assert wait_for(url, "ADR-0001: First title")
        record.write_text(adr("Second title"), encoding="utf-8")
        assert wait_for(url, "ADR-0001: Second title")
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- `mkdocs serve --dirty`: only the pages that show an edit are rewritten -----------


class DirtyServer:
    """`mkdocs serve --dirty` on a project, its site folder found through TMPDIR."""

    def __init__(self, project: Project, tmp: Path) -> None:
        self.project = project
        self.port = free_port()
        self.tmp = tmp
        tmp.mkdir()
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "mkdocs"),
                "serve",
                "--dirty",
                "-a",
                f"127.0.0.1:{self.port}",
            ],
            cwd=project.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp)},
        )

    @property
    def site(self) -> Path:
        (folder,) = self.tmp.glob("mkdocs_*")
        return folder

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}/{page}"

    def stamps(self) -> dict[str, int]:
        """Each built page and its modification time."""
        return {
            path.relative_to(self.site).as_posix(): path.stat().st_mtime_ns
            for path in self.site.rglob("*.html")
            if path.name != "404.html"  # MkDocs writes it on every build
        }

    def edit(self, path: str, old: str, new: str, page: str, shown: str) -> set[str]:
        """Replace ``old`` by ``new`` in a record, wait until ``page`` shows ``shown``,
        and return the pages that were rewritten."""
        before = self.stamps()
        time.sleep(0.05)  # a rewrite gets a later time stamp than the ones above
        file = self.project.root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert wait_for(self.url(page), shown), f"{page} never showed {shown!r}"
        time.sleep(1.0)  # let the build finish writing
        after = self.stamps()
        return {page for page, stamp in after.items() if before.get(page) != stamp}

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def test_dirty_serve_rewrites_only_the_pages_that_show_an_edit(
    project: Project, tmp_path: Path
) -> None:
    project.write(
        "adr/0001-nightly.md",
        adr(
            "Serve forecasts nightly",
            front="title: Serve forecasts nightly\nstatus: superseded\ndate: 2026-01-10\n"
            "deciders: [Ana Silva]\nsuperseded_by: ADR-0002",
        ),
    )
    project.write(
        "adr/0002-hourly.md",
        adr(
            "Serve forecasts hourly",
            front="title: Serve forecasts hourly\nstatus: accepted\ndate: 2026-03-02\n"
            "deciders: [Ana Silva]\nsupersedes: [ADR-0001]",
        ),
    )
    project.write("adr/0003-lakehouse.md", adr("Keep features in the lakehouse"))
    project.write("adr/0004-python.md", adr("Write models in Python"))
    project.write(
        "rfc/0001-feature-store.md",
        VALID_RFC.replace("status: review", "status: review\ndecisions: [ADR-0002]"),
    )
    project.write("docs/guide.md", "# Guide\n\nHow we work.\n")
    project.configure(theme={"name": "mkdocs"})
    server = DirtyServer(project, tmp_path / "serve-tmp")
    try:
        assert wait_for(server.url("adr/0003-lakehouse/"), "ADR-0003: Keep features")
        time.sleep(1.0)

        # A sentence in the body: that record's page, nothing else.
        changed = server.edit(
            "adr/0003-lakehouse.md",
            "## Context",
            "## Context\n\nMarker sentence one.\n",
            "adr/0003-lakehouse/",
            "Marker sentence one.",
        )
        assert changed == {"adr/0003-lakehouse/index.html"}, changed
        # Its navigation still names the pages that were not rewritten.
        rewritten = fetch(server.url("adr/0003-lakehouse/"))
        assert "ADR-0004: Write models in Python" in rewritten
        assert "Serve forecasts hourly" in rewritten

        # A status: the record, the indexes that list it, the graph; not the others.
        changed = server.edit(
            "adr/0004-python.md",
            "status: accepted",
            "status: deprecated",
            "adr/0004-python/",
            "decisions-status-deprecated",
        )
        assert {"adr/0004-python/index.html", "adr/index.html", "decisions/index.html"} <= changed
        untouched = {
            "adr/0001-nightly/index.html",
            "adr/0002-hourly/index.html",
            "adr/0003-lakehouse/index.html",
            "rfc/0001-feature-store/index.html",
            "guide/index.html",
            "index.html",
        }
        assert not changed & untouched, changed & untouched

        # A link: both ends show it, the rest stays.
        changed = server.edit(
            "adr/0003-lakehouse.md",
            "deciders: [Ana Silva]",
            "deciders: [Ana Silva]\nrelated: [ADR-0004]",
            "adr/0004-python/",
            "0003-lakehouse/",
        )
        assert {"adr/0003-lakehouse/index.html", "adr/0004-python/index.html"} <= changed
        assert not changed & {"rfc/0001-feature-store/index.html", "guide/index.html"}

        # A new record: found, though the last builds did not walk the folder again.
        project.write("adr/0005-onnx.md", adr("Export models to ONNX"))
        assert wait_for(server.url("adr/0005-onnx/"), "ADR-0005: Export models to ONNX")
        assert wait_for(server.url("adr/"), "0005-onnx/")
        time.sleep(1.0)

        # A title is in every page's navigation: every page is rewritten, plain ones too,
        # and the pages that name the record show the new title.
        changed = server.edit(
            "adr/0002-hourly.md",
            "title: Serve forecasts hourly",
            "title: Serve forecasts every hour",
            "adr/0002-hourly/",
            "ADR-0002: Serve forecasts every hour",
        )
        assert set(server.stamps()) == changed
        for page in ("adr/0001-nightly/", "rfc/0001-feature-store/", "guide/"):
            assert "Serve forecasts every hour" in fetch(server.url(page)), page
    finally:
        server.stop()
    assert "Traceback" not in server.process.stderr.read()  # type: ignore[union-attr]
