"""The shape of the package: a core that imports no mkdocs, and the entry points users see."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

CORE = [
    "catalogue",
    "corpus",
    "discovery",
    "frontmatter",
    "kinds",
    "markdown_structure",
    "model",
    "records",
    "render",
    "rules",
    "settings",
    "cli",
]


def test_core_never_imports_mkdocs() -> None:
    imports = "; ".join(f"import mkdocs_decisions.{name}" for name in CORE)
    loaded = "sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs')"
    probe = f"{imports}; import sys; print({loaded})"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_entry_points() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        (plugin,) = entry_points(group=group, name="decisions")
        assert plugin.load().__name__ == "DecisionsPlugin"
    (script,) = entry_points(group="console_scripts", name="decisions")
    assert script.value == "mkdocs_decisions.cli:main"
