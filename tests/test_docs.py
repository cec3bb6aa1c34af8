"""The project's own documentation: generated rules reference and a strict build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs_decisions.catalogue.reference import reference_markdown
from mkdocs_decisions.catalogue.rules import RULES

ROOT = Path(__file__).resolve().parents[1]


def test_rules_reference_lists_exactly_the_rules_in_the_code() -> None:
    page = (ROOT / "docs/reference/rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### (DEC\d{3})$", page, flags=re.M))
    assert documented == set(RULES)
    assert page == reference_markdown(), (
        "docs/reference/rules.md is stale: run "
        "`python -m mkdocs_decisions.catalogue > docs/reference/rules.md`"
    )


def test_own_site_builds_strict(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "adr/0001-record-architecture-decisions/index.html").exists()
    assert (tmp_path / "decisions/index.html").exists()


def test_own_records_pass_the_checks() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "decisions"), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0
    # Nothing but the targets our own project misses, waived with a reason on its page.
    lines = result.stdout.splitlines()
    assert all(line.startswith("waived: ") and " DEC514 " in line for line in lines), lines
    adrs = list((ROOT / "adr").glob("[0-9]*.md"))
    assert len(adrs) >= 5
    assert list((ROOT / "rfc").glob("[0-9]*.md"))


def test_formats_page_lists_every_label_and_alias_in_the_code() -> None:
    """The reading rules in docs/formats.md and the front-matter reference cannot
    drift from the readers: every body-metadata label, built-in status alias and section
    heading of the code is named there."""
    from mkdocs_decisions.records.kinds import default_kinds
    from mkdocs_decisions.records.metadata import LABELS

    formats = (ROOT / "docs/formats.md").read_text(encoding="utf-8").lower()
    reference = (ROOT / "docs/reference/front-matter.md").read_text(encoding="utf-8").lower()
    missing = [label for label in LABELS if label not in formats]
    for kind in default_kinds().values():
        missing += [f"{kind.name}: {word}" for word in kind.aliases if word not in formats]
        for spec in kind.sections:
            missing += [f"{kind.name}: {alias}" for alias in spec.aliases if alias not in reference]
    assert missing == []
