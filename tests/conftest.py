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


def standard(
    record_id: str = "STD-SEC-001",
    title: str = "Secrets live in the vault",
    category: str = "security",
    mandatory: str = "true",
    status: str = "active",
) -> str:
    """A standard; ``mandatory`` and ``category`` are written as given (YAML text)."""
    return (
        f"---\nid: {record_id}\ntitle: {title}\nstatus: {status}\ncategory: {category}\n"
        f"mandatory: {mandatory}\nowner: Information Security\n---\n\n# {title}\n\n"
        "## Rule\n\nEvery secret is read from the vault at run time.\n"
    )


# Line numbers matter: the rule fixtures point at them (BO-1 item on 6, REQ-1 on 9,
# QA-1 on 15, CON-1 on 20, cross_cutting on 23).
PROJECT = """\
---
id: demand-forecasting
title: Demand forecasting
status: active
business_objectives:
  - id: BO-1
    title: Cut fresh-food waste by 15 %
requirements:
  - id: REQ-1
    title: Forecast next-day demand per store and product
    metric: MAE in units per store-product-day
    target: "<= 12 units"
    serves: [BO-1]
quality_attributes:
  - id: QA-1
    title: Timeliness
    measure: minutes from sales data landing at 08:00 to forecasts published
    target: "<= 60 minutes"
constraints:
  - id: CON-1
    title: Supplier orders leave at 09:00
    negotiable: false
cross_cutting: [STD-SEC-001]
---

# Demand forecasting

Forecast daily demand per store and product.
"""

TRACED_FRONT = (
    "title: {title}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]\n"
    "project: demand-forecasting\naddresses: [REQ-1, QA-1]\ncomplies_with: [STD-SEC-001]"
)


def traced(**replacements: str) -> dict[str, str]:
    """A project, a mandatory standard and an ADR that addresses everything: no findings.
    ``replacements`` maps a file to new content."""
    files = {
        "docs/standards/std-sec-001.md": standard(),
        "docs/projects/demand-forecasting.md": PROJECT,
        "adr/0001-batch.md": adr(front=TRACED_FRONT.format(title="Nightly batch")),
    }
    files.update(replacements)
    return files


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

    def decisions(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run the `decisions` command in the project folder."""
        return subprocess.run(
            [str(BIN / "decisions"), *arguments],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=120,
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


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Parsed records are kept in the user's cache folder between runs (ADR-0030): the
    tests keep theirs in a folder of their own, never in the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
