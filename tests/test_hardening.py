"""Attacks on the tool through its public surface, each asserting the safe outcome.

Every test drives the ``decisions`` command or ``mkdocs build``/``serve`` as a real process
on real files: symlinks, FIFOs, git histories with hostile names, parallel processes and
SIGKILL (an audit hook loaded as ``sitecustomize`` from ``tests/hostile/``). A test that
fails reproduces the attack. Every command runs under a hard timeout (its whole process
group is killed) and an address-space limit, so a hang or a memory blow-up fails the test
and not the machine. The sections follow the hardening issue:

1. Writes go only where they mean to: never through a symlink planted at a temporary
   name, never silently over a record that is a symlink.
2. Nothing from outside the repository is published: record, README, template or folder
   links to ``/etc/passwd``, ``/proc/self/environ``, a sibling folder or ``/``.
3. Bounded work: an alias bomb, a FIFO, a 1,600-record supersession chain, and the peak
   memory of reading 400 commits of a 1 MB record.
4. Nothing crashes: ``\\x01``/``\\x02`` in a git author, ``.mailmap`` or file name; an id
   of 4,400 digits; a symlink loop; a bare repository; ``export -o`` to a bad path; a file
   name that is not UTF-8.
5. Markup only where we write it: a quote in a file name, HTML in a folder name, control
   characters (feed.xml and the SVGs stay well-formed), tags, terminal escapes in the
   check, list and build output, distinct pictures for ``use-x.md`` and ``use_x.md``.
6. No e-mail address is published: pages, timeline, feed, decisions.json, search index,
   ``decisions export``.
7. Concurrent and interrupted writes: six parallel ``new``, an edit between the command's
   read and write, SIGKILL between supersede's renames, a template with a duplicate key.
8. Serve and messages: serve keeps reloading after the record folder is recreated; README
   and template are never called deleted; records in a submodule; an unreadable folder or
   file gets one finding (as root, with the capabilities that ignore file modes dropped).
"""

from __future__ import annotations

import ctypes
import html
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_serve import fetch, free_port

from conftest import BIN, ROOT, VALID_RFC, Project, adr

TIMEOUT = 20.0  # seconds for any one command: ten times what a build takes here
MEMORY = 2 * 1024**3  # bytes of address space for any one command
CANARY = "canary-7d1c0ffee5ec2e7"  # an environment value that must never be published
HOSTILE = ROOT / "tests" / "hostile"  # the audit hook, loaded as sitecustomize

ADR_TOOLS_RECORD = """\
# 1. Record architecture decisions

Date: 2026-01-05

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records.

## Consequences

See Michael Nygard's article.
"""


def record(title: str, status: str = "accepted", extra: str = "") -> str:
    """conftest's ADR with another ``status`` and ``extra`` front-matter lines."""
    front = f"title: {title}\nstatus: {status}\ndate: 2026-03-02\ndeciders: [Ana Silva]\n{extra}"
    return adr(title, front=front.rstrip())


# --- running commands under limits ------------------------------------------------------


def _limits(then: Callable[[], None] | None = None, memory: int = MEMORY) -> Callable[[], None]:
    """A preexec function: the address-space limit, then ``then``."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if then is not None:
            then()

    return apply


def run(
    project: Project,
    program: str,
    *arguments: str,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """conftest's commands, with a timeout that kills the whole process group and fails
    the test with the command's name, and the memory limit."""
    shown = " ".join([program, *arguments])
    process = subprocess.Popen(
        [str(BIN / program), *arguments],
        cwd=project.root,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        start_new_session=True,
        preexec_fn=_limits(preexec),
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"`{shown}` did not finish within {timeout:.0f} s")
    return subprocess.CompletedProcess(shown, process.returncode, out, err)


def decisions(
    project: Project,
    *arguments: str,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    return run(project, "decisions", *arguments, env=env, preexec=preexec, timeout=timeout)


def build(
    project: Project, *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run(project, "mkdocs", "build", *arguments, env=env)


def check_or_build(project: Project, command: str) -> subprocess.CompletedProcess[str]:
    """``check`` or ``build``: the two ways a record is read."""
    return decisions(project, "check") if command == "check" else build(project)


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def assert_handled(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 0 or 1 (a finding, a refusal or a one-line error), never a traceback."""
    assert "Traceback" not in result.stderr, f"`{result.args}` crashed: {last_line(result.stderr)}"
    assert result.returncode in (0, 1), (
        f"`{result.args}` exited {result.returncode}: {last_line(result.stderr)}"
    )


def git(root: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=root, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"git {' '.join(arguments)}: {done.stderr}"
    return done.stdout


def link(project: Project, path: str, target: str | Path) -> Path:
    """A real symlink at ``path`` in the project, pointing at ``target``."""
    where = project.root / path
    where.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, where)
    return where


def hostile(mode: str, folder: Path, **variables: str) -> dict[str, str]:
    """Environment that loads tests/hostile/sitecustomize.py in the command's Python."""
    path = os.pathsep.join(filter(None, [str(HOSTILE), os.environ.get("PYTHONPATH", "")]))
    return {"PYTHONPATH": path, "HOSTILE_MODE": mode, "HOSTILE_FOLDER": str(folder), **variables}


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_file_capabilities() -> None:
    """In the child, before exec: root without the capabilities that ignore file modes."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def file_modes_enforced() -> Callable[[], None] | None:
    """A preexec function under which chmod 000 stops reading (None: no need), or skip."""
    if os.geteuid() != 0:
        return None
    probe = subprocess.run(
        ["true"], preexec_fn=_drop_file_capabilities, capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip("running as root, and cannot drop CAP_DAC_OVERRIDE: chmod 000 is ignored")
    return _drop_file_capabilities


# --- reading the built site -------------------------------------------------------------


def site_files(project: Project) -> dict[str, str]:
    """Every file of the built site, as text."""
    site = project.root / "site"
    return {
        path.relative_to(site).as_posix(): path.read_bytes().decode("utf-8", errors="replace")
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def published(project: Project, needle: str) -> list[str]:
    """The files of the built site that contain ``needle``."""
    return [name for name, text in site_files(project).items() if needle in text]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of an HTML document, with its attributes."""
    parser = _Elements()
    parser.feed(markup)
    return parser.found


def elements_with(project: Project, attribute: str) -> list[tuple[str, str]]:
    """(page, tag) of every element of the built site's pages that has ``attribute``."""
    return [
        (name, tag)
        for name, text in site_files(project).items()
        if name.endswith(".html")
        for tag, attributes in elements(text)
        if attribute in attributes
    ]


def poll(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def valid_records(project: Project) -> None:
    """An accepted ADR-0001 and a proposed ADR-0002."""
    project.write("adr/0001-old.md", record("Keep the nightly batch"))
    project.write("adr/0002-new.md", record("Stream forecasts", status="proposed"))
    project.configure()


# --- 1. writes go only where they mean to -----------------------------------------------

HOOKS = ("pre-commit", "post-checkout", "pre-push", "post-merge")


def plant_temp_links(project: Project, targets: list[str]) -> list[Path]:
    """At every temporary name a write could use beside each target (``.<name>.tmp``,
    ``.<name>.decisions-tmp``), a committed symlink to a git hook that does not exist."""
    hooks = []
    names = iter(HOOKS * 2)
    for target in targets:
        folder, name = os.path.split(target)
        for pattern in (".{}.decisions-tmp", ".{}.tmp"):
            hook = next(names)
            depth = "../" * (folder.count("/") + 1) if folder else ""
            link(project, os.path.join(folder, pattern.format(name)), f"{depth}.git/hooks/{hook}")
            hooks.append(project.root / ".git" / "hooks" / hook)
    return hooks


WRITES = {
    "status": (
        ["status", "ADR-0002", "accepted"],
        ["adr/0002-new.md"],
        {"adr/0002-new.md": "status: accepted"},
    ),
    "supersede": (
        ["supersede", "ADR-0001", "ADR-0002"],
        ["adr/0001-old.md", "adr/0002-new.md"],
        {"adr/0001-old.md": "status: superseded", "adr/0002-new.md": "supersedes"},
    ),
    "new --supersedes": (
        ["new", "adr", "Third way", "--supersedes", "ADR-0001", "--date", "2026-04-01"],
        ["adr/0001-old.md"],
        {"adr/0001-old.md": "status: superseded", "adr/0003-third-way.md": "supersedes"},
    ),
    "export -o": (
        ["export", "-o", "decisions.json"],
        ["decisions.json"],
        {"decisions.json": '"records"'},
    ),
}


@pytest.mark.parametrize("command", WRITES)
def test_write_does_not_follow_symlink_at_temporary_name(project: Project, command: str) -> None:
    arguments, targets, expected = WRITES[command]
    valid_records(project)
    project.git_commit_all("Records")
    hooks = plant_temp_links(project, targets)
    project.git_commit_all("A harmless-looking pull request")
    folders = {project.root / os.path.dirname(t) for t in targets}
    before = {folder: set(os.listdir(folder)) for folder in folders}

    result = decisions(project, *arguments)

    assert_handled(result)
    created = [str(h.relative_to(project.root)) for h in hooks if os.path.lexists(h)]
    assert not created, f"the write went through the planted symlink into {created}"
    for path, text in expected.items():
        written = project.root / path
        assert not written.is_symlink(), f"{path} was replaced by the planted symlink"
        assert text in written.read_text(encoding="utf-8"), f"{path} was not updated"
    for folder, names in before.items():
        left = set(os.listdir(folder)) - names - {os.path.basename(p) for p in expected}
        assert not left, f"temporary files left behind: {sorted(left)}"


def test_import_does_not_follow_symlink_at_temporary_name(project: Project) -> None:
    name = "0001-record-architecture-decisions.md"
    project.write(f"adr/{name}", ADR_TOOLS_RECORD)
    project.configure()
    project.git_commit_all("adr-tools records")
    hooks = plant_temp_links(project, [f"adr/{name}"])
    project.git_commit_all("A harmless-looking pull request")
    before = set(os.listdir(project.root / "adr"))

    result = decisions(project, "import", "adr", "--from", "adr-tools")

    assert_handled(result)
    created = [str(h.relative_to(project.root)) for h in hooks if os.path.lexists(h)]
    assert not created, f"the import wrote through the planted symlink into {created}"
    imported = project.root / "adr" / name
    assert not imported.is_symlink(), "the record was replaced by the planted symlink"
    assert imported.read_text(encoding="utf-8").startswith("---\n"), "the record was not imported"
    assert set(os.listdir(project.root / "adr")) <= before, "temporary files left behind"


@pytest.mark.parametrize("command", ["status", "supersede"])
def test_record_that_is_a_symlink_is_not_silently_replaced(project: Project, command: str) -> None:
    valid_records(project)
    (project.root / "adr" / "0002-new.md").unlink()
    real = project.write("shared/0002-new.md", record("Stream forecasts", status="proposed"))
    symlink = link(project, "adr/0002-new.md", "../shared/0002-new.md")
    project.git_commit_all("ADR-0002 lives in shared/")

    if command == "status":
        result = decisions(project, "status", "ADR-0002", "accepted")
        expected = "status: accepted"
    else:
        result = decisions(project, "supersede", "ADR-0001", "ADR-0002")
        expected = "supersedes"

    assert_handled(result)
    assert symlink.is_symlink(), "the symlinked record was replaced by a regular file"
    if result.returncode == 0:
        assert expected in real.read_text(encoding="utf-8"), "the change went nowhere"
    else:
        assert "link" in result.stderr.lower(), f"refused without saying why: {result.stderr}"


# --- 2. nothing from outside the repository is published --------------------------------

OUTSIDE_FILES = {"/etc/passwd": "root:x:0:0", "/proc/self/environ": CANARY}


def _with_inside_symlink(project: Project) -> None:
    """A regular record, and a record that is a symlink to a file inside the repository."""
    project.write("adr/0001-regular.md", record("Regular record"))
    project.write("shared/0002-real.md", record("Inside the repository"))
    link(project, "adr/0002-alias.md", "../shared/0002-real.md")


@pytest.mark.parametrize("name", ["0007-leak.md", "README.md"])
@pytest.mark.parametrize("target", list(OUTSIDE_FILES))
def test_symlink_to_file_outside_repository_is_not_published(
    project: Project, name: str, target: str
) -> None:
    _with_inside_symlink(project)
    link(project, f"adr/{name}", target)
    project.configure()
    project.git_commit_all("A pull request with a symlink")

    built = build(project, env={"LEAK_CANARY": CANARY})
    check = decisions(project, "check", env={"LEAK_CANARY": CANARY})

    assert_handled(built)
    leaked = published(project, OUTSIDE_FILES[target])
    assert not leaked, f"{target} published in {leaked[:3]}"
    named = [
        line
        for line in check.stdout.splitlines()
        if line.startswith(f"adr/{name}:") and re.search(r"link|outside", line, re.IGNORECASE)
    ]
    assert named, f"`decisions check` has no finding about the symlink adr/{name} -> {target}"
    assert "Inside the repository" in project.html("adr/0002-alias/index.html")


def test_a_record_linked_into_git_is_not_published(project: Project) -> None:
    """`.git/config` is inside the project but holds a CI checkout's token."""
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure()
    project.git_commit_all("The records")
    git(project.root, "config", "http.extraheader", f"AUTHORIZATION: basic {CANARY}")
    link(project, "adr/0002-config.md", "../.git/config")
    link(project, "adr/0003-config.md", os.path.abspath(project.root / ".git" / "config"))

    built = build(project)
    check = decisions(project, "check")

    assert_handled(built)
    assert not published(project, CANARY), "the .git folder was published"
    for name in ("adr/0002-config.md", "adr/0003-config.md"):
        assert f"{name}:1:1: DEC011" in check.stdout, check.stdout
    assert "into the repository's .git folder" in check.stdout


@pytest.mark.parametrize("where", ["sibling folder", "/"])
def test_folder_symlink_outside_repository_is_not_walked(
    project: Project, tmp_path_factory: pytest.TempPathFactory, where: str
) -> None:
    _with_inside_symlink(project)
    if where == "/":
        link_name, target = "adr/root", Path("/")
    else:
        link_name, target = "adr/elsewhere", tmp_path_factory.mktemp("outside")
        (target / "0042-secret.md").write_text(record(f"Secret {CANARY}"), encoding="utf-8")
    link(project, link_name, target)
    project.configure()
    project.git_commit_all("A pull request with a folder symlink")

    built = build(project)
    check = decisions(project, "check")

    assert_handled(built)
    pages = [n for n in site_files(project) if n.startswith(link_name + "/")]
    assert not pages, f"pages from {target} published: {pages[:3]}"
    assert not published(project, CANARY), "a record from outside the repository published"
    assert any(line.startswith(link_name) for line in check.stdout.splitlines()), (
        f"`decisions check` has no finding about the folder symlink {link_name} -> {target}"
    )
    assert (project.root / "site" / "adr" / "0002-alias" / "index.html").exists()


def test_links_in_docs_to_outside_the_repository_are_not_published(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """MkDocs reads docs/ itself: a folder link there (with a record and a text file in
    it) and a link to a picture outside are dropped from the build, each with DEC011."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text(f"token {CANARY}\n", encoding="utf-8")
    (outside / "std-x.md").write_text(f"# Standard X\n\n{CANARY}\n", encoding="utf-8")
    (outside / "diagram.png").write_text(f"not a picture {CANARY}\n", encoding="utf-8")
    project.write("adr/0001-regular.md", record("Regular record"))
    project.write("docs/index.md", "# Home\n")
    project.write("docs/inside.txt", "a text file inside the repository\n")
    link(project, "docs/standards/elsewhere", outside)
    link(project, "docs/diagram.png", outside / "diagram.png")
    link(project, "docs/inside-link.txt", "inside.txt")
    link(project, "docs/git-config.txt", "../.git/config")  # CI keeps its token there
    project.configure()
    project.git_commit_all("A pull request with links in docs/")

    built = build(project)
    strict = build(project, "--strict")

    assert_handled(built)
    assert built.returncode == 0 and strict.returncode == 1, strict.stderr
    assert not published(project, CANARY), "a file from outside the repository published"
    assert not (project.root / "site" / "git-config.txt").exists()
    for name in ("docs/standards/elsewhere/secret.txt", "docs/diagram.png", "docs/git-config.txt"):
        assert f"{name}:1:1: DEC011" in built.stderr, built.stderr
    assert "inside-link.txt:1:1: DEC011" not in built.stderr
    site = project.root / "site"
    assert (site / "inside-link.txt").read_text() == "a text file inside the repository\n"
    # The theme's own files come from outside the project, and are published as always.
    assert list(site.glob("css/*.css")) or list(site.glob("assets/stylesheets/*.css"))


def test_template_symlink_outside_repository_is_not_copied(project: Project) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    link(project, "adr/template.md", "/etc/passwd")
    project.configure()
    project.git_commit_all("A pull request with a template symlink")

    result = decisions(project, "new", "adr", "Use the template", "--date", "2026-04-01")

    assert_handled(result)
    copied = [
        p.name
        for p in (project.root / "adr").glob("*.md")
        if not p.is_symlink() and "root:x:0:0" in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert not copied, f"/etc/passwd copied into {copied}"


# --- 3. bounded work --------------------------------------------------------------------


def alias_bomb(key: str) -> str:
    """Under 500 bytes of YAML: nine levels of nine aliases, 9**9 strings when expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, current in zip("abcdefg", "bcdefgh", strict=True):
        lines.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append(f"{key}: [" + ",".join(["*h"] * 9) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("where", "command"),
    [("record date", "check"), ("record date", "build"), ("landing page title", "build")],
)
def test_alias_bomb_is_bounded(project: Project, where: str, command: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    if where == "record date":
        front = f"title: Bomb\nstatus: proposed\n{alias_bomb('date')}"
        project.write("adr/0002-bomb.md", adr(front=front, body="# Bomb\n"))
    else:
        project.write("adr/README.md", f"---\n{alias_bomb('title')}\n---\n\nAll decisions.\n")
    assert len(alias_bomb("date")) < 500
    project.configure()

    started = time.monotonic()
    result = check_or_build(project, command)
    seconds = time.monotonic() - started

    assert_handled(result)
    assert seconds < 10, f"took {seconds:.1f} s"


def test_a_long_list_is_told_apart_from_an_alias_bomb() -> None:
    """Both are not read; only the bomb is told about aliases."""
    from mkdocs_decisions.records.frontmatter import split_front_matter

    long_list = "tags: [" + ",".join(["t"] * 10_001) + "]"
    for yaml_text, said, hint in (
        (alias_bomb("date"), "expands to more than 10,000 values through YAML aliases", "alias"),
        (long_list, "`tags` holds more than 10,000 values; it is not read", "shorter"),
    ):
        lines = ["---", *yaml_text.split("\n"), "---", "", "# T"]
        front = split_front_matter(lines, "adr/0001-x.md")
        found = [f for f in front.findings if f.rule == "DEC007" and said in f.message]
        assert found and all(hint in f.hint for f in found), front.findings


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("0002-pipe.md", "check"),
        ("0002-pipe.md", "build"),
        ("0002-pipe.md", "new"),
        ("README.md", "build"),
        ("template.md", "new"),
    ],
)
def test_fifo_in_record_folder_does_not_hang(project: Project, name: str, command: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    os.mkfifo(project.root / "adr" / name)
    project.configure()

    if command == "new":
        result = decisions(project, "new", "adr", "After the pipe", "--date", "2026-04-01")
    else:
        result = check_or_build(project, command)

    assert_handled(result)


def test_long_supersession_chain_is_checked_quickly(project: Project) -> None:
    """A walk of the chain from every record is cubic: 30-40 s for these 1,600."""
    count = 1600
    for number in range(1, count + 1):
        last = number == count
        extra = "" if last else f"superseded_by: ADR-{number + 1:04d}"
        status = "accepted" if last else "superseded"
        project.write(
            f"adr/{number:04d}-step.md", record(f"Step {number}", status=status, extra=extra)
        )
    project.configure()

    started = time.monotonic()
    result = decisions(project, "check", "--no-history", timeout=30)
    seconds = time.monotonic() - started

    assert_handled(result)
    assert seconds < 10, f"`decisions check` took {seconds:.1f} s for {count} records"


def _fast_import_history(project: Project, path: str, versions: int, size: int) -> None:
    """``versions`` commits of one ``size``-byte record, through one git fast-import."""
    git(project.root, "init", "-q", "-b", "main")
    paragraph = "Forecasts are computed for every store and product, once a night. " * 8 + "\n"
    body = paragraph * (size // len(paragraph))
    process = subprocess.Popen(
        ["git", "fast-import", "--quiet"],
        cwd=project.root,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    stamp = 1767607200  # 2026-01-05 10:00 UTC, one second per revision
    for number in range(versions):
        content = (record("Big record", extra=f"revision: {number}") + body).encode()
        message = f"Revision {number}".encode()
        process.stdin.write(
            b"commit refs/heads/main\n"
            + f"author Ana Silva <ana@example.com> {stamp + number} +0000\n".encode()
            + f"committer Ana Silva <ana@example.com> {stamp + number} +0000\n".encode()
            + f"data {len(message)}\n".encode()
            + message
            + b"\n"
            + f"M 100644 inline {path}\n".encode()
            + f"data {len(content)}\n".encode()
            + content
            + b"\n"
        )
    process.stdin.close()
    assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    git(project.root, "reset", "-q", "--hard", "main")


def peak_rss(arguments: list[str], cwd: Path, timeout: float) -> tuple[int, int]:
    """Exit code and peak resident memory (bytes) of a command and of the children it
    waited for (git), from wait4."""
    process = subprocess.Popen(
        arguments,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=_limits(memory=4 * 1024**3),  # room to measure a blow-up
    )
    timer = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL))
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
        process.returncode = 0  # reaped here: keep Popen from waiting again
    assert not os.WIFSIGNALED(status), f"killed after {timeout:.0f} s or by a signal"
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024


def test_history_of_large_record_is_read_in_bounded_memory(project: Project) -> None:
    """Keeping every version's text at once took 432 MB."""
    versions, size = 400, 1024 * 1024
    project.configure()
    _fast_import_history(project, "adr/0001-big.md", versions, size)

    code, peak = peak_rss([str(BIN / "decisions"), "check"], project.root, timeout=120)

    assert code in (0, 1)
    assert peak < 250 * 1024**2, (
        f"peak RSS {peak / 1024**2:.0f} MB for {versions} versions of a {size // 1024} KB record"
    )


# --- 4. nothing crashes -----------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("where", ["author", "mailmap", "file name"])
@pytest.mark.parametrize("character", ["\x01", "\x02"], ids=["x01", "x02"])
def test_control_character_in_git_history_does_not_crash(
    project: Project, where: str, character: str, command: str
) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure()
    project.git_commit_all("First")
    author = "Ana Silva"
    if where == "author":
        author = f"Mal{character}lory"
        project.write("adr/0002-second.md", record("Second record"))
    elif where == "mailmap":
        project.write(".mailmap", f"Mal{character}lory <ana@example.com>\n")
    else:
        project.write(f"adr/0002-odd{character}name.md", record("Odd name"))
    project.git_commit_all("Second", author=(author, "ana@example.com"))

    result = check_or_build(project, command)

    assert_handled(result)


IMPOSSIBLE_DATE = "---\ntitle: Use X\nreviewers:\n  - @ana\ncreation-date: 2026-23-01\n{rest}---\n"


@pytest.mark.parametrize("command", ["check", "build"])
def test_invalid_yaml_beside_an_impossible_date_does_not_crash(
    project: Project, command: str
) -> None:
    """`- @ana` makes the YAML invalid and `2026-23-01` is no ISO date: YAML's date
    constructor raises ValueError on the plain line read after the YAML error. Neither
    the working copy nor a version in git history may crash the reading."""
    project.write("adr/0001-use-x.md", IMPOSSIBLE_DATE.format(rest="status: proposed\n"))
    project.configure()
    project.git_commit_all("First")
    project.write("adr/0001-use-x.md", IMPOSSIBLE_DATE.format(rest="status: accepted\n"))
    project.git_commit_all("Second", date="2026-02-05T10:00:00+00:00")

    result = check_or_build(project, command)

    assert_handled(result)
    if command == "check":
        assert "adr/0001-use-x.md:4:5: DEC002" in result.stdout
        assert "adr/0001-use-x.md:5:16: DEC014" in result.stdout


def test_status_edit_of_a_record_with_an_impossible_date_does_not_crash(project: Project) -> None:
    """The edit re-reads the front matter (still YAML?); a value YAML cannot make into a
    date was there before the edit, so the edit goes ahead."""
    project.write(
        "adr/0001-use-x.md",
        adr("Use X", front="title: Use X\nstatus: proposed\ncreation-date: 2026-23-01"),
    )
    project.configure()

    result = decisions(project, "status", "adr/0001-use-x.md", "accepted")

    assert_handled(result)
    assert "status: accepted" in (project.root / "adr/0001-use-x.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("field", ["id", "supersedes"])
def test_id_with_thousands_of_digits_does_not_crash(
    project: Project, field: str, command: str
) -> None:
    digits = "1" * 4400  # Python refuses int() of more than 4,300 digits
    project.write("adr/0001-regular.md", record("Regular record"))
    extra = f"id: ADR-{digits}" if field == "id" else f"supersedes: [ADR-{digits}]"
    project.write("adr/0002-long.md", record("Long number", extra=extra))
    project.configure()

    result = check_or_build(project, command)

    assert_handled(result)


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("loop", ["itself", "two files"])
def test_symlink_loop_in_record_folder_does_not_crash(
    project: Project, loop: str, command: str
) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    if loop == "itself":
        link(project, "adr/0004-loop.md", "0004-loop.md")
    else:
        link(project, "adr/0004-a.md", "0005-b.md")
        link(project, "adr/0005-b.md", "0004-a.md")
    project.configure()

    result = check_or_build(project, command)

    assert_handled(result)


@pytest.mark.parametrize("command", ["check", "build"])
def test_bare_repository_does_not_crash(project: Project, command: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure()
    project.git_commit_all("Records")
    git(project.root, "config", "core.bare", "true")

    result = check_or_build(project, command)

    assert_handled(result)


@pytest.mark.parametrize("output", ["missing/dir/x.json", "mkdocs.yml/x.json", "a-folder"])
def test_export_to_bad_output_path_does_not_crash(project: Project, output: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure()
    (project.root / "a-folder").mkdir()

    result = decisions(project, "export", "-o", output, "--force")

    assert_handled(result)


@pytest.mark.parametrize(
    "command", ["check", "check, PYTHONIOENCODING=utf-8", "list", "export -o", "build"]
)
def test_undecodable_file_name_does_not_crash(project: Project, command: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    name = os.fsdecode(b"0002-caf\xe9.md")  # Latin-1 bytes, not UTF-8
    project.write(f"adr/{name}", record("Latin-1 file name", extra="colour: blue"))  # a finding
    project.configure()

    if command == "build":
        result = build(project)
    elif command == "export -o":
        result = decisions(project, "export", "-o", "decisions.json")
    else:
        strict_output = {"PYTHONIOENCODING": "utf-8"} if "PYTHONIOENCODING" in command else {}
        result = decisions(project, command.split(",")[0], env=strict_output)

    assert_handled(result)


# --- 5. markup only where we write it ---------------------------------------------------


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_quote_in_file_name_does_not_inject_attribute(project: Project, theme: str) -> None:
    project.write('adr/0009-x" onmouseover="alert(1).md', record("Quoted name"))
    project.configure(
        theme={"name": theme},
        repo_url="https://github.com/example/decisions",
        edit_uri="edit/main/docs/",
    )

    result = build(project)

    assert_handled(result)
    injected = elements_with(project, "onmouseover")
    assert not injected, f"onmouseover attribute injected in {injected[:3]}"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_html_in_folder_name_is_escaped(project: Project, theme: str) -> None:
    folder = "<img src=x onerror=alert(1)>"
    project.write(f"adr/{folder}/0005-grouped.md", record("Grouped record"))
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure(theme={"name": theme})

    result = build(project)

    assert_handled(result)
    injected = elements_with(project, "onerror")
    assert not injected, f"the folder name became markup in {sorted({n for n, _ in injected})[:4]}"


@pytest.mark.parametrize("source", ["front-matter title", "heading", "git author"])
def test_control_characters_keep_xml_well_formed(project: Project, source: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record", extra="related: [ADR-0002]"))
    author = "Ana Silva"
    if source == "front-matter title":
        project.write("adr/0002-bell.md", record('"Ring \\a the \\e[31m bell"'))
    elif source == "heading":
        text = (
            record("Plain")
            .replace("title: Plain\n", "")
            .replace("# Plain", "# Ring \x07 the \x1b bell")
        )
        project.write("adr/0002-bell.md", text)
    else:
        project.write("adr/0002-bell.md", record("Bell"))
        author = "Bell\x07Boy \x1b[31m"
    project.configure()
    project.git_commit_all("Records", author=(author, "ana@example.com"))

    result = build(project)

    assert_handled(result)
    broken = []
    for name in site_files(project):
        if name.endswith((".xml", ".svg")):
            try:
                ElementTree.parse(project.root / "site" / name)
            except ElementTree.ParseError as error:
                broken.append(f"{name}: {error}")
    assert not broken, f"not well-formed XML: {broken[:3]}"


def test_tags_with_yaml_syntax_are_shown_as_tags(project: Project) -> None:
    tags = ["a:b", "#hash", 'say "hi"', "{curly}", "- dash", "key: value", "x & y"]
    project.write("adr/0001-tagged.md", record("Tagged", extra=f"tags: {json.dumps(tags)}"))
    project.write("docs/tags.md", "# Tags\n\n<!-- material/tags -->\n")
    project.configure(
        theme={"name": "material"}, plugins=["search", "tags", {"decisions": {"tags": True}}]
    )

    result = build(project)

    assert_handled(result)
    page = project.html("adr/0001-tagged/index.html")
    shown = {html.unescape(t) for t in re.findall(r'class="md-tag[^"]*"[^>]*>([^<]*)<', page)}
    missing = [tag for tag in tags if tag not in shown]
    assert not missing, f"tags not shown as tags: {missing} (shown: {sorted(shown)})"


@pytest.mark.parametrize("command", ["check", "list", "build"])
def test_terminal_escapes_are_not_printed_raw(project: Project, command: str) -> None:
    front = (
        'title: "\\e[31mRed title\\e]0;pwned\\a"\n'
        'status: "\\e[2J\\e[31maccepted"\n'
        "date: 2026-03-02\n"
        "deciders: [Ana Silva]\n"
        '"\\e]0;window title\\a": x'
    )
    project.write("adr/0001-escapes.md", adr("Red", front=front))
    project.configure()

    result = build(project) if command == "build" else decisions(project, command)

    assert_handled(result)
    output = result.stdout + result.stderr
    assert "\x1b" not in output, "an escape sequence reached the terminal: " + repr(
        next(line for line in output.splitlines() if "\x1b" in line)
    )


def test_neighbourhood_pictures_of_similar_names_are_distinct(project: Project) -> None:
    project.write(
        "adr/use-x.md", record("Use X with dashes", extra="id: ADR-0001\nrelated: [ADR-0003]")
    )
    project.write(
        "adr/use_x.md", record("Use X with underscores", extra="id: ADR-0002\nrelated: [ADR-0003]")
    )
    project.write("adr/0003-hub.md", record("Hub"))
    project.configure()

    result = build(project)

    assert_handled(result)
    pictures = {}
    for page in ("use-x", "use_x"):
        text = project.html(f"adr/{page}/index.html")
        sources = [a["data"] for t, a in elements(text) if t == "object" and a.get("data")]
        assert sources, f"{page} has no neighbourhood picture"
        pictures[page] = Path(str(sources[0])).name
    assert pictures["use-x"] != pictures["use_x"], f"both pages show {pictures['use-x']}"
    graphs = project.root / "site" / "assets" / "decisions" / "graphs"
    assert "Use X with dashes" in (graphs / pictures["use-x"]).read_text(encoding="utf-8")


# --- 6. no e-mail address is published --------------------------------------------------


@pytest.mark.parametrize(
    "source", ["git author", "git author with angle brackets", "mailmap", "deciders", "authors"]
)
def test_email_addresses_are_not_published(project: Project, source: str) -> None:
    author, people = "Ana Silva", ""
    if source == "git author":
        author = "mallory@evil.example"
    elif source == "git author with angle brackets":
        author = "Mallory <mallory@evil.example>"
    elif source == "mailmap":
        project.write(".mailmap", "mallory@evil.example <ana@example.com>\n")
    elif source == "deciders":
        people = 'deciders: ["mallory@evil.example", "Name <x@evil.example>"]'
    else:
        people = 'authors: ["mallory@evil.example", "Name <x@evil.example>"]'
    if source == "authors":  # an RFC's people are its authors
        project.write("rfc/0001-mailed.md", VALID_RFC.replace("authors: [Bo Chen]", people))
    else:
        project.write(
            "adr/0001-mailed.md",
            record("Mailed").replace("deciders: [Ana Silva]", people or "deciders: [Ana Silva]"),
        )
    project.configure()
    project.git_commit_all("Records", author=(author, "ana@example.com"))

    built = build(project)
    export = decisions(project, "export")

    assert_handled(built)
    leaked = published(project, "evil.example")
    assert not leaked, f"an e-mail address is published in {leaked}"
    assert "evil.example" not in export.stdout, "an e-mail address is in `decisions export`"


# --- 7. concurrent and interrupted writes -----------------------------------------------


def test_parallel_new_gets_distinct_numbers(project: Project) -> None:
    """Six real processes at once. A slow disk (the hook holds each process for 1 s at
    its first write in adr/; here they all reach it within 0.3 s of each other) makes all
    six choose their number before any file exists, so the race happens on every run."""
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure()
    command = [str(BIN / "decisions"), "new", "adr", "X", "--date", "2026-04-01"]
    env = {
        **os.environ,
        **hostile("pause-before-write", project.root / "adr", HOSTILE_PAUSE="1"),
    }
    processes = [
        subprocess.Popen(
            command,
            cwd=project.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
            preexec_fn=_limits(),
        )
        for _ in range(6)
    ]
    results = []
    for process in processes:
        try:
            _, err = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            for other in processes:
                if other.poll() is None:
                    os.killpg(other.pid, signal.SIGKILL)
            pytest.fail(f"`decisions new` did not finish within {TIMEOUT:.0f} s")
        results.append((process.returncode, err.decode(errors="replace").strip()))

    created = sorted(p.name for p in (project.root / "adr").glob("*.md"))
    refused = [err for code, err in results if code != 0]
    assert not refused, f"{len(refused)} of 6 refused: {refused[0]}"
    assert len(created) == 7, f"files: {created}"


def test_concurrent_edit_between_read_and_write_is_not_lost(project: Project) -> None:
    valid_records(project)
    project.git_commit_all("Records")
    target = project.root / "adr" / "0002-new.md"
    env = hostile("edit-before-write", target.parent, HOSTILE_TARGET=str(target))

    result = decisions(project, "status", "ADR-0002", "accepted", env=env)

    assert_handled(result)
    text = target.read_text(encoding="utf-8")
    assert "Concurrent edit by Bob." in text, (
        "another editor's change, saved while `decisions status` ran, was lost "
        f"(exit {result.returncode})"
    )
    if result.returncode == 0:
        assert "status: accepted" in text


def test_killed_supersede_is_reported_and_recoverable(project: Project) -> None:
    valid_records(project)
    project.git_commit_all("Records")
    env = hostile("kill-at-second-rename", project.root / "adr")

    killed = decisions(project, "supersede", "ADR-0001", "ADR-0002", env=env)
    assert killed.returncode == -signal.SIGKILL, (
        f"the hook did not kill `supersede` at its second rename (exit {killed.returncode})"
    )

    check = decisions(project, "check")
    completing = "decisions supersede ADR-0001 ADR-0002"
    assert completing in check.stdout + check.stderr, (
        "`decisions check` does not name the half-done supersession with the command that "
        f"completes it; it says: {[x for x in check.stdout.splitlines() if '0001' in x][:2]}"
    )
    done = decisions(project, "supersede", "ADR-0001", "ADR-0002")
    assert done.returncode == 0, last_line(done.stderr)
    assert "status: superseded" in (project.root / "adr/0001-old.md").read_text(encoding="utf-8")
    left = [n for n in os.listdir(project.root / "adr") if n.startswith(".")]
    assert not left, f"temporary files left behind: {left}"


@pytest.mark.parametrize("key", ["deciders", "status"])
def test_template_with_duplicate_key_is_refused(project: Project, key: str) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    twice = "deciders: [B]" if key == "deciders" else "status: draft"
    front = f"title: T\nstatus: proposed\ndate: 2026-01-01\ndeciders: [A]\n{twice}"
    project.write("adr/template.md", adr("T", front=front))
    project.configure()

    result = decisions(project, "new", "adr", "From the template", "--date", "2026-04-01")

    assert_handled(result)
    written = project.root / "adr" / "0002-from-the-template.md"
    if written.exists():
        check = decisions(project, "check", "adr/0002-from-the-template.md", "--no-history")
        assert "DEC005" not in check.stdout, (
            f"`new` wrote a record that its own check rejects: {check.stdout.splitlines()[0]}"
        )
    assert result.returncode == 1 and not written.exists(), "`new` did not refuse the template"


# --- 8. serve and messages --------------------------------------------------------------


def test_serve_keeps_reloading_after_record_folder_is_recreated(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project.write("adr/0001-x.md", record("First title"))
    project.configure()
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        start_new_session=True,
        preexec_fn=_limits(),
    )
    url = f"http://127.0.0.1:{port}/adr/0001-x/"
    try:
        assert poll(lambda: "First title" in fetch(url), 60), "serve never showed the record"
        shutil.rmtree(project.root / "adr")
        poll(lambda: "First title" not in fetch(url), 5)  # the removal may or may not be seen
        project.write("adr/0001-x.md", record("Second title"))
        poll(lambda: "Second title" in fetch(url), 5)  # nor the new folder
        project.write("adr/0001-x.md", record("Third title"))  # but an edit after that must be
        assert poll(lambda: "Third title" in fetch(url), 30), (
            "`mkdocs serve` stopped reloading after adr/ was removed and recreated; its log ends: "
            + log_path.read_text(errors="replace")[-300:]
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()


def test_build_log_does_not_call_landing_and_template_pages_deleted(project: Project) -> None:
    project.write("adr/0001-regular.md", record("Regular record"))
    project.write("adr/README.md", "# Architecture decisions\n\nHow we decide.\n")
    project.write("adr/template.md", "---\ntitle: T\nstatus: proposed\n---\n\n# T\n")
    project.configure()
    project.git_commit_all("Records")

    result = build(project)

    assert_handled(result)
    said = [line for line in result.stderr.splitlines() if "deleted in the working tree" in line]
    assert not said, said[0]


def test_records_in_submodule_are_not_reported_uncommitted(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    team = Project(tmp_path_factory.mktemp("team-decisions"))
    team.write("0005-team.md", record("Team record"))
    team.git_commit_all("Team records")
    project.write("adr/0001-regular.md", record("Regular record"))
    project.configure()
    project.git_commit_all("Records")
    git(
        project.root,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "--quiet",
        "add",
        str(team.root),
        "adr/team",
    )
    project.git_commit_all("Add the team's decisions as a submodule")

    result = build(project)

    assert_handled(result)
    said = [line for line in result.stderr.splitlines() if "not committed yet" in line]
    assert not said, said[0]


def test_unreadable_subfolder_is_reported(project: Project) -> None:
    preexec = file_modes_enforced()
    project.write("adr/0001-regular.md", record("Regular record"))
    project.write("adr/private/0005-hidden.md", record("Hidden record"))
    project.configure()
    (project.root / "adr" / "private").chmod(0)
    try:
        result = decisions(project, "check", "--no-history", preexec=preexec)
    finally:
        (project.root / "adr" / "private").chmod(0o755)

    assert_handled(result)
    assert "adr/private" in result.stdout + result.stderr, (
        "the unreadable folder adr/private was skipped without a finding"
    )


def test_unreadable_file_gets_one_finding(project: Project) -> None:
    preexec = file_modes_enforced()
    project.write("adr/0001-regular.md", record("Regular record"))
    locked = project.write("adr/0006-locked.md", record("Locked record"))
    project.configure()
    locked.chmod(0)
    try:
        result = decisions(project, "check", "--no-history", preexec=preexec)
    finally:
        locked.chmod(0o644)

    assert_handled(result)
    about = [line for line in result.stdout.splitlines() if line.startswith("adr/0006-locked.md:")]
    assert any("read" in line for line in about), f"no finding says it cannot be read: {about}"
    assert len(about) == 1, "contradictory findings for one unreadable file:\n" + "\n".join(about)
