"""Loaded as ``sitecustomize`` (through PYTHONPATH) into a command that a hardening test
runs: an audit hook that acts at one file-system event of that command. No module of the
package is touched; the command runs unchanged until the event.

HOSTILE_MODE picks what happens, once, at the first matching event in HOSTILE_FOLDER:

- ``kill-at-second-rename``: SIGKILL at the second rename onto a ``.md`` file (os.replace
  raises the ``os.rename`` event too);
- ``pause-before-write``: sleep HOSTILE_PAUSE seconds at the first write (a slow disk, or
  a process put to sleep by the scheduler);
- ``edit-before-write``: at the first write, another editor appends a line to
  HOSTILE_TARGET.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import Any

_MODE = os.environ.get("HOSTILE_MODE", "")
_FOLDER = os.path.realpath(os.environ.get("HOSTILE_FOLDER", "/nonexistent"))
_state = {"renames": 0, "fired": False}


def _in_folder(path: Any) -> bool:
    if isinstance(path, int):
        return False
    try:
        return os.path.dirname(os.path.realpath(os.fsdecode(path))) == _FOLDER
    except (TypeError, ValueError):
        return False


def _writing(event: str, args: tuple[Any, ...]) -> bool:
    if event == "os.rename":
        return _in_folder(args[1])
    if event == "open" and len(args) >= 3:
        mode = args[1] if isinstance(args[1], str) else ""
        flags = args[2] if isinstance(args[2], int) else 0
        wants = any(c in mode for c in "wxa+") or bool(flags & (os.O_WRONLY | os.O_RDWR))
        return wants and _in_folder(args[0])
    return False


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _state["fired"]:
        return
    if _MODE == "kill-at-second-rename" and event == "os.rename":
        destination = "" if isinstance(args[1], int) else os.fsdecode(args[1])
        if destination.endswith(".md") and _in_folder(destination):
            _state["renames"] += 1
            if _state["renames"] == 2:
                _state["fired"] = True
                os.kill(os.getpid(), signal.SIGKILL)
    elif _MODE == "pause-before-write" and _writing(event, args):
        _state["fired"] = True
        time.sleep(float(os.environ.get("HOSTILE_PAUSE", "1")))
    elif _MODE == "edit-before-write" and _writing(event, args):
        _state["fired"] = True
        with open(os.environ["HOSTILE_TARGET"], "ab") as handle:
            handle.write(b"\nConcurrent edit by Bob.\n")


if _MODE:
    sys.addaudithook(_hook)
