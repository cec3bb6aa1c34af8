"""`mkdocs serve` rebuilds when a record outside docs/ changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import Project, adr


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
