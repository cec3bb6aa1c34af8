"""Shared helpers: real projects in temporary folders, real git, real builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

VALID_BODY = """\
# {title}

## Context and Problem Statement

Forecasts must be ready before suppliers are ordered at 09:00.

## Considered Options

* Nightly batch
* Online service

## Decision Outcome

Chosen option: "Nightly batch", because the data lands once a day.

### Consequences

* Good, because it is cheap to run.
* Bad, because a late data drop delays every forecast.
"""


def adr(
    title: str = "Serve forecasts nightly", front: str | None = None, body: str | None = None
) -> str:
    """A valid accepted ADR; ``front`` replaces its front-matter lines, ``body`` its body."""
    if front is None:
        front = f"title: {title}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]"
    return f"---\n{front}\n---\n\n" + (body if body is not None else VALID_BODY.format(title=title))


VALID_RFC = """\
---
title: Feature store
status: review
date: 2026-02-01
authors: [Bo Chen]
---

# Feature store

## Summary

One store for features.

## Motivation

Features are computed three times.

## Design

A table per entity.

## Alternatives

* Keep computing in each pipeline
* Buy a managed store

## Drawbacks

One more system to run.
"""


class Project:
    """A throwaway MkDocs project with records, built with the real mkdocs command."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, path: str, content: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target

    def configure(self, **extra: object) -> None:
        options = extra.pop("plugin_options", None)
        config: dict[str, object] = {
            "site_name": "Test decisions",
            "theme": {"name": "mkdocs"},
            "plugins": ["search", {"decisions": options} if options else "decisions"],
        }
        config.update(extra)
        self.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False))
        if not (self.root / "docs" / "index.md").exists():
            self.write("docs/index.md", "# Home\n\nWelcome.\n")

    def build(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [str(BIN / "mkdocs"), "build", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "decisions"), "check", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def html(self, page: str) -> str:
        return (self.root / "site" / page).read_text(encoding="utf-8")

    def content(self, page: str) -> str:
        """The page's own content: everything from its title on, without the nav before it."""
        return "<h1" + self.html(page).split("<h1", 1)[1]

    def git_commit_all(
        self,
        message: str,
        date: str = "2026-01-05T10:00:00+00:00",
        author: tuple[str, str] = ("Ana Silva", "ana@example.com"),
    ) -> None:
        """Commit everything with a fixed author and fixed author and committer dates."""
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": author[0],
            "GIT_AUTHOR_EMAIL": author[1],
            "GIT_COMMITTER_NAME": author[0],
            "GIT_COMMITTER_EMAIL": author[1],
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
        }
        if not (self.root / ".git").exists():
            subprocess.run(["git", "init", "-q", "-b", "main"], cwd=self.root, check=True, env=env)
        subprocess.run(["git", "config", "commit.gpgsign", "false"], cwd=self.root, check=True)
        subprocess.run(["git", "add", "-A"], cwd=self.root, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", message], cwd=self.root, check=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)
