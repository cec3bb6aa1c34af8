"""The shape of the package: stages whose imports point one way, a core that imports no
mkdocs, and the entry points users see (docs/architecture.md, ADR-0018)."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import mkdocs_decisions

PACKAGE = Path(mkdocs_decisions.__file__).parent

# Lowest first. A module may import modules of its own stage and of stages on a lower
# layer; stages on one layer never import each other.
LAYERS: list[tuple[str, ...]] = [
    ("catalogue",),
    ("records",),
    ("history", "trace"),
    ("corpus",),
    ("checks", "site", "edit"),
    ("cli", "plugin"),
]
LAYER_OF = {stage: number for number, stages in enumerate(LAYERS) for stage in stages}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's own modules that a module imports, as dotted names below the package."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.split(".")[0] == "mkdocs_decisions":
                target = node.module.partition(".")[2]
            else:
                continue
            for alias in node.names:
                child = f"{target}.{alias.name}" if target else alias.name
                found.add(child if child in known else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "mkdocs_decisions":
                    found.add(alias.name.partition(".")[2])
    return {module for module in found if module in known and module != name}


def import_graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(name, path, known) for name, path in found.items()}


def stage_of(module: str) -> str:
    return module.split(".")[0]


def test_every_module_belongs_to_a_stage() -> None:
    stray = [name for name in modules() if name and stage_of(name) not in LAYER_OF]
    assert stray == [], f"modules outside every stage of LAYERS: {stray}"


def test_every_stage_says_what_it_takes_hands_on_and_never_imports() -> None:
    for stages in LAYERS:
        for stage in stages:
            if stage == "plugin":
                continue
            init = PACKAGE / stage / "__init__.py"
            docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
            assert docstring, f"{stage}/__init__.py has no docstring"
            assert "never" in docstring.lower(), f"{stage}/__init__.py: say what it never imports"


def test_imports_point_down_the_pipeline() -> None:
    upward = []
    for source, targets in import_graph().items():
        if not source:
            continue
        for target in sorted(targets):
            if not target or stage_of(target) == stage_of(source):
                continue
            if LAYER_OF[stage_of(target)] >= LAYER_OF[stage_of(source)]:
                upward.append(f"{source} -> {target}")
    assert upward == [], "imports that do not point down the pipeline:\n" + "\n".join(upward)


def test_no_two_modules_import_each_other() -> None:
    graph = import_graph()
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, route: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*route[route.index(target) :], target]))
            elif target not in state:
                visit(target, [*route, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def test_module_names_do_not_repeat_their_folder_or_say_nothing() -> None:
    vague = {"utils", "util", "helpers", "helper", "common", "misc"}
    bad = []
    for name in modules():
        parts = name.split(".")
        if parts[-1] in vague or (len(parts) >= 2 and parts[-1].startswith(parts[-2])):
            bad.append(name)
    assert bad == []


def test_core_never_imports_mkdocs() -> None:
    core = [n for n in modules() if n and n != "plugin" and not n.endswith("__main__")]
    imports = "; ".join(f"import mkdocs_decisions.{name}" for name in core)
    loaded = "sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs')"
    probe = f"{imports}; import sys; print({loaded})"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_only_the_plugin_imports_mkdocs_in_its_source() -> None:
    importing = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            if any(n.split(".")[0] == "mkdocs" for n in names):
                importing.append(name)
    assert sorted(set(importing)) == ["plugin"]


def test_the_direction_test_catches_an_upward_import(tmp_path: Path) -> None:
    """The checker itself: a records module that imports the site is named."""
    module = tmp_path / "probe.py"
    module.write_text("from ..site.pages import SiteRenderer\nfrom .model import Record\n")
    found = imports_of("records.probe", module, {"site.pages", "records.model"})
    assert found == {"site.pages", "records.model"}
    assert LAYER_OF[stage_of("site.pages")] > LAYER_OF[stage_of("records.probe")]


def test_entry_points() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        (plugin,) = entry_points(group=group, name="decisions")
        assert plugin.load().__name__ == "DecisionsPlugin"
    (script,) = entry_points(group="console_scripts", name="decisions")
    assert script.value == "mkdocs_decisions.cli.main:main"
    assert script.load().__module__ == "mkdocs_decisions.cli.main"


def test_the_rules_reference_is_printed_by_its_documented_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_decisions.catalogue"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("# Rules reference")


def test_no_file_of_the_package_is_ignored_by_git() -> None:
    """The wheel is built from what git does not ignore: a pattern such as ``site/`` for
    built sites would silently drop the ``site`` stage from the package."""
    files = [str(path) for path in PACKAGE.rglob("*") if path.is_file()]
    files = [name for name in files if "__pycache__" not in name]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        input="\n".join(files),
        capture_output=True,
        text=True,
        cwd=PACKAGE,
    )
    assert result.stdout.strip() == "", f"ignored by git: {result.stdout}"
