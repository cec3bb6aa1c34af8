"""The site under other generators, built for real: ProperDocs runs the plugin as it is;
plain MkDocs (without our plugin) and Zensical build the pages `decisions pages`
writes. Each is compared, page for page, with the plugin's MkDocs build (ADR-0020)."""

from __future__ import annotations

import fcntl
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
import yaml
from markupsafe import escape

from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.site.build import SiteOptions, build_site
from mkdocs_decisions.site.pages import Page
from mkdocs_decisions.site.standalone import standalone_markdown, yaml_quoted
from test_serve import free_port, wait_for

from conftest import BIN, ROOT, Project, adr

EXAMPLE = ROOT / "examples" / "demand-forecasting"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
HEADER = re.compile(r'<div class="decisions-header">.*?</div>', re.DOTALL)
BANNER = re.compile(r'<div class="decisions-banner[^"]*">.*?</div>', re.DOTALL)
GENERATED_ID = re.compile(r' id="((?:decisions|project|standard|status|graph|category)-[^"]+)"')


def run(*command: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    executable = command[0] if "/" in command[0] else str(BIN / command[0])
    return subprocess.run(
        [executable, *command[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=timeout,
    )


def example_copy(tmp_path: Path, name: str = "example", **changes: object) -> Project:
    """A copy of the example, with ``changes`` applied to its mkdocs.yml (``None``
    removes a key; ``theme`` replaces the theme)."""
    root = tmp_path / name
    ignored = shutil.ignore_patterns("site", "site-*", "generated-docs", ".cache")
    shutil.copytree(EXAMPLE, root, ignore=ignored)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return Project(root)


def pages_of(site: Path) -> set[str]:
    return {
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if page.name != "404.html"
    }


def record_pages(site: Path) -> list[str]:
    return sorted(
        page for page in pages_of(site) if "decisions-header" in (site / page).read_text("utf-8")
    )


def normalised(text: str | None) -> str:
    return " ".join((text or "").split())


def header_of(page: str) -> tuple[str, str]:
    header, banner = HEADER.search(page), BANNER.search(page)
    return normalised(header and header.group(0)), normalised(banner and banner.group(0))


def assert_same_site(expected: Path, actual: Path) -> None:
    """The same pages; each record page with the same header and banner (badge, dates,
    links as URLs), the same generated sections and the same browser title."""
    assert pages_of(actual) == pages_of(expected)
    records = record_pages(expected)
    assert len(records) >= 21
    for page in sorted(pages_of(expected)):
        mine = (expected / page).read_text(encoding="utf-8")
        theirs = (actual / page).read_text(encoding="utf-8")
        assert header_of(theirs) == header_of(mine), page
        assert set(GENERATED_ID.findall(theirs)) == set(GENERATED_ID.findall(mine)), page
        assert re.findall(r"<title>(.*?)</title>", theirs) == re.findall(
            r"<title>(.*?)</title>", mine
        ), page
        assert material_nav(theirs) == material_nav(mine), page
        assert material_toc(theirs) == material_toc(mine), page


def material_nav(page: str) -> list[tuple[str, str]]:
    """The links of Material's navigation, with their titles (Zensical writes ``./x/``
    where Material writes ``x/``: the same URL)."""
    if "md-nav--primary" not in page:
        return []
    primary = page.split("md-nav--primary", 1)[1]
    primary = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", primary, flags=re.S)
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*"[^>]*>(.*?)</a>', primary, re.S)
    return [(_same_url(href), normalised(re.sub(r"<[^>]+>", " ", text))) for href, text in links]


def material_toc(page: str) -> list[str]:
    """The anchors of Material's table of contents."""
    if "md-nav--secondary" not in page:
        return []
    toc = page.split("md-nav--secondary", 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="#([^"]+)"', toc)


def _same_url(href: str) -> str:
    while href.startswith("./"):
        href = href[2:]
    return href or "."


def internal_links(page: Path) -> list[str]:
    links = re.findall(r'(?:href|src|data)="([^"]+)"', page.read_text(encoding="utf-8"))
    return [
        html.unescape(link) for link in links if not re.match(r"^(?:[a-z][a-z0-9+.-]*:|#|//)", link)
    ]


def assert_links_resolve(site: Path) -> None:
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        for link in internal_links(page):
            path = link.split("#", 1)[0].split("?", 1)[0]
            if not path:
                continue
            target = (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)} links to missing {link}"


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built by MkDocs with the plugin and the `mkdocs` theme: the reference."""
    project = example_copy(tmp_path_factory.mktemp("mkdocs"), theme={"name": "mkdocs"})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project.root / "site"


# --- ProperDocs -------------------------------------------------------------------------


def test_properdocs_builds_the_example_as_mkdocs_does(tmp_path: Path, mkdocs_site: Path) -> None:
    project = example_copy(tmp_path, theme={"name": "mkdocs"})
    result = run("properdocs", "build", "--strict", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "DEC504 warning" in result.stderr  # the example's one finding, as under MkDocs
    assert_same_site(mkdocs_site, project.root / "site")
    page = project.html("adr/0003-online-prediction-service/index.html")
    assert "decisions-status-superseded" in page and "Superseded.</strong>" in page


def test_properdocs_reads_properdocs_yml(tmp_path: Path, mkdocs_site: Path) -> None:
    project = example_copy(tmp_path, theme={"name": "mkdocs"})
    (project.root / "mkdocs.yml").rename(project.root / "properdocs.yml")
    result = run("properdocs", "build", "--strict", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "should be renamed" not in result.stderr  # its own file name: no fallback note
    assert_same_site(mkdocs_site, project.root / "site")
    assert run("decisions", "check", "-f", "properdocs.yml", cwd=project.root).returncode == 0


def test_properdocs_serve_rebuilds_when_a_record_changes(tmp_path: Path) -> None:
    project = example_copy(tmp_path, theme={"name": "mkdocs"})
    record = project.root / "adr" / "0001-rolling-eight-week-backtest.md"
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "properdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    try:
        url = f"http://127.0.0.1:{port}/adr/0001-rolling-eight-week-backtest/"
        assert wait_for(url, "decisions-header")
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("rolling 8-week", "rolling 9-week", 1), encoding="utf-8")
        assert wait_for(url, "rolling 9-week backtest")
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- ProperDocs with MaterialX, in a virtualenv of its own --------------------------------

MATERIALX_GROUP = "test-materialx"  # pyproject.toml's dependency group: the pins
REQUIRE_MATERIALX = "DECISIONS_REQUIRE_MATERIALX"  # set by .ci/run: CI fails, never skips


def materialx_requirements() -> list[str]:
    """The group's pins, this package's dependencies and its build backend."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [
        *pyproject["dependency-groups"][MATERIALX_GROUP],
        *pyproject["project"]["dependencies"],
        *pyproject["build-system"]["requires"],
    ]


def pip(*arguments: str, python: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Our own pip, installing for ``python`` (so the other virtualenv needs no pip)."""
    return subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def index_unreachable() -> str | None:
    """Why the package index pip installs from does not answer, or None when it does."""
    listed = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True
    ).stdout
    configured = re.search(r"^[\w:.]*\.index-url='([^']+)'", listed, re.MULTILINE)
    index = configured.group(1) if configured else "https://pypi.org/simple/"
    host = urllib.parse.urlsplit(index).hostname or index  # never its credentials
    try:
        with urllib.request.urlopen(index.rstrip("/") + "/properdocs/", timeout=20):
            return None
    except urllib.error.HTTPError:
        return None  # it answered
    except OSError as error:
        return f"the package index ({host}) is unreachable: {error}"


def materialx_venv() -> Path:
    """A virtualenv with the pins and this package's dependencies (not the package), under
    the user's cache folder: made once for each set of pins and Python, then reused."""
    requirements = materialx_requirements()
    identity = json.dumps([sys.version, sys.base_prefix, requirements]).encode()
    key = f"materialx-{hashlib.sha256(identity).hexdigest()[:16]}"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mkdocs-decisions"
    cache.mkdir(parents=True, exist_ok=True)
    venv, python = cache / key, cache / key / "bin" / "python"
    with open(cache / f"{key}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another test session may be making it
        if (venv / ".complete").exists() and subprocess.run([python, "-c", ""]).returncode == 0:
            return venv
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
        installed = pip("install", "--quiet", *requirements, python=python)
        if installed.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            reason = index_unreachable()
            if reason and not os.environ.get(REQUIRE_MATERIALX):
                pytest.skip(f"ProperDocs with MaterialX not built: {reason}")
            pytest.fail(f"installing {requirements} failed ({reason}):\n{installed.stderr}")
        (venv / ".complete").write_text("\n".join(requirements) + "\n", encoding="utf-8")
    for other in cache.glob("materialx-*.lock"):  # virtualenvs of older pins, if unused
        if other.stem != key:
            with open(other, "a") as unused:
                try:
                    fcntl.flock(unused, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                shutil.rmtree(cache / other.stem, ignore_errors=True)
    return venv


@pytest.fixture(scope="module")
def materialx(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """That virtualenv's ``properdocs``, and the environment that runs it with this
    checkout, built and installed as a wheel for this session only."""
    venv = materialx_venv()
    package = tmp_path_factory.mktemp("materialx-package")
    installed = pip(
        *("install", "--quiet", "--no-deps", "--no-build-isolation", "--target"),
        *(str(package), str(ROOT)),
        python=venv / "bin" / "python",
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    return venv / "bin" / "properdocs", {**ENV, "PYTHONPATH": str(package), "PYTHONNOUSERSITE": "1"}


def findings(log: str) -> list[str]:
    return sorted(re.findall(r"decisions: .*", log))


@pytest.fixture(scope="module")
def material_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The example as it is, built by MkDocs with Material: the reference for MaterialX."""
    project = example_copy(tmp_path_factory.mktemp("material"))
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project.root / "site", findings(result.stderr)


def test_properdocs_builds_the_example_with_materialx_as_mkdocs_with_material(
    tmp_path: Path,
    materialx: tuple[Path, dict[str, str]],
    material_build: tuple[Path, list[str]],
) -> None:
    properdocs, env = materialx
    theme = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    project = example_copy(tmp_path, theme={**theme, "name": "materialx"})
    result = subprocess.run(
        [properdocs, "build", "--strict"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    site, expected_findings = material_build
    assert findings(result.stderr) == expected_findings
    assert_same_site(site, project.root / "site")
    generator = re.findall(r'<meta name="generator" content="([^"]*)"', project.html("index.html"))
    assert "ProperDocs" in generator[0] and "mkdocs-materialx" in generator[0]
    page = project.html("adr/0003-online-prediction-service/index.html")
    assert "decisions-status-superseded" in page and "Superseded.</strong>" in page


# --- decisions pages ----------------------------------------------------------------------


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_pages_are_the_same_bytes_and_check_says_when_they_are_stale(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    first = project.decisions("pages")
    assert first.returncode == 0, first.stderr
    generated = project.root / "generated-docs"
    before = folder_bytes(generated)
    assert ".decisions-pages.json" in before and "adr/0001-rolling-eight-week-backtest.md" in before
    again = project.decisions("pages")
    assert again.returncode == 0 and " 0 written, 0 removed" in again.stdout
    assert folder_bytes(generated) == before
    fresh = project.decisions("pages", "--check")
    assert fresh.returncode == 0 and "up to date" in fresh.stdout

    record = project.root / "adr" / "0002-global-lightgbm-model-per-department.md"
    record.write_text(record.read_text(encoding="utf-8").replace("LightGBM", "XGBoost", 1))
    stale = project.decisions("pages", "--check")
    assert stale.returncode == 1
    (message,) = stale.stderr.strip().splitlines()
    assert "stale" in message and "adr/0002-global-lightgbm-model-per-department.md" in message
    assert folder_bytes(generated) == before  # --check writes nothing

    # A record removed: its page goes, and nothing else of ours is left behind.
    (project.root / "adr" / "0010-synthetic-control-stores-for-promotion-uplift.md").unlink()
    assert project.decisions("pages").returncode == 0
    assert project.decisions("pages", "--check").returncode == 0
    assert not (
        generated / "adr" / "0010-synthetic-control-stores-for-promotion-uplift.md"
    ).exists()
    assert "XGBoost" in (generated / "adr/0002-global-lightgbm-model-per-department.md").read_text()


def test_pages_refuse_a_folder_with_files_they_did_not_write(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    mine = project.write("notes/todo.md", "# Mine\n")
    refused = project.decisions("pages", "--output", "notes")
    assert refused.returncode == 1
    assert "did not write" in refused.stderr and "todo.md" in refused.stderr
    assert sorted(p.name for p in mine.parent.iterdir()) == ["todo.md"]

    assert project.decisions("pages").returncode == 0
    project.write("generated-docs/adr/extra.md", "# Added by hand\n")
    again = project.decisions("pages")
    assert again.returncode == 1 and "adr/extra.md" in again.stderr
    inside = project.decisions("pages", "--output", "docs/generated")
    assert inside.returncode == 2 and "must not" in inside.stderr


def test_pages_watch_regenerates_when_a_record_changes(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    record = project.root / "adr" / "0001-rolling-eight-week-backtest.md"
    page = project.root / "generated-docs" / "adr" / "0001-rolling-eight-week-backtest.md"
    watcher = subprocess.Popen(
        [str(BIN / "decisions"), "pages", "--watch", "--interval", "0.2"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait(lambda: page.exists() and "rolling 8-week" in page.read_text())
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("rolling 8-week", "rolling 9-week", 1), encoding="utf-8")
        assert _wait(lambda: "rolling 9-week" in page.read_text())
    finally:
        watcher.terminate()
        watcher.wait(timeout=10)


def _wait(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def test_standalone_markdown_converts_as_the_plugin_inserts(tmp_path: Path) -> None:
    """Python-Markdown turns every generated page into the HTML the plugin would make:
    the page's Markdown converted, with the HTML after the title and at the end."""
    project = example_copy(tmp_path)
    loaded = load_project(project.root / "mkdocs.yml")
    build = build_site(loaded.corpus, loaded.settings, SiteOptions(site_name="x"))
    extensions = ["admonition", "toc", "tables"]
    for page in build.pages:
        front, body = split_front_matter(page.markdown)
        plugin = markdown.Markdown(extensions=extensions).convert(body)
        end = plugin.find("</h1>") + len("</h1>")
        plugin = plugin[:end] + page.html_after_title + plugin[end:] + page.html_at_end
        front, body = split_front_matter(standalone_markdown(page))
        converted = markdown.Markdown(extensions=extensions).convert(body)
        assert between_tags(converted) == between_tags(plugin), page.site_path
        if page.title:
            assert front["title"] == str(escape(page.title))  # escaped once: ADR-0013


def between_tags(text: str) -> str:
    """HTML without the white space between tags, which neither way shows."""
    return re.sub(r">\s+<", "><", normalised(text))


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5 :]


def test_titles_are_quoted_for_yaml() -> None:
    for title in ['a "q" \\ b', "x: y # z", "line\u2028sep", "&lt;/title&gt;", "é 😀"]:
        assert yaml.safe_load(f"title: {yaml_quoted(title)}") == {"title": title}


# --- plain MkDocs and Zensical, from generated pages --------------------------------------


def test_plain_mkdocs_builds_the_same_site_from_generated_pages(
    tmp_path: Path, mkdocs_site: Path
) -> None:
    project = example_copy(tmp_path, theme={"name": "mkdocs"})
    result = project.decisions("pages", "--generator", "mkdocs")
    assert result.returncode == 0, result.stderr
    assert not (project.root / "generated-docs" / ".zensical.yml").exists()
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        docs_dir="generated-docs",
        plugins=["search"],  # no decisions: the pages are there already
        extra_css=["assets/decisions/decisions.css"],
        extra_javascript=["assets/decisions/filters.js"],
    )
    (project.root / "plain.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    built = run("mkdocs", "build", "--strict", "-f", "plain.yml", cwd=project.root)
    assert built.returncode == 0, built.stderr
    assert "decisions:" not in built.stderr  # our plugin did not run
    assert_same_site(mkdocs_site, project.root / "site")
    assert_links_resolve(project.root / "site")


@pytest.fixture(scope="module")
def zensical_example(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The example with its own git history (so it has a timeline), its pages generated
    and built by Zensical."""
    project = example_copy(tmp_path_factory.mktemp("zensical"))
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("history: false", "history: true"))
    project.git_commit_all("Import the forecasting team's records", date="2026-11-01T09:00:00Z")
    result = project.decisions("pages")
    assert result.returncode == 0, result.stderr
    project.write("zensical.yml", "INHERIT: generated-docs/.zensical.yml\n")
    built = run("zensical", "build", "--strict", "-f", "zensical.yml", cwd=project.root)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "No issues found" in built.stdout + built.stderr  # every link and anchor resolves
    return project


def test_zensical_builds_every_record_page_with_its_header(zensical_example: Project) -> None:
    site = zensical_example.root / "site"
    loaded = load_project(zensical_example.root / "mkdocs.yml", history=False)
    assert len(loaded.corpus.records) == 21
    for record in loaded.corpus.records:
        url = record.site_path.removesuffix(".md") + "/index.html"
        page = (site / url).read_text(encoding="utf-8")
        header, banner = header_of(page)
        assert f"decisions-status-{record.status}" in header, url
        if record.date:
            assert f"<strong>Date:</strong> {record.date.isoformat()}" in header, url
        assert "<strong>First commit:</strong> 2026-11-01" in header, url  # from git
        assert f"<title>{html.escape(record.id)}" in page or record.kind == "project", url
        if record.status == "superseded":
            assert "Superseded.</strong>" in banner, url
    adapter = (site / "adr/0007-java-adapter-for-orderlink-bulk-import/index.html").read_text()
    assert (
        '<a href="../../standards/std-tech-002-integration-through-event-bus-and-rest/">'
        in (header_of(adapter)[0])
    )


def test_zensical_has_the_indexes_timeline_and_graph(zensical_example: Project) -> None:
    site = zensical_example.root / "site"
    for page in (
        "decisions/index.html",
        "adr/index.html",
        "rfc/index.html",
        "standards/index.html",
        "projects/index.html",
        "standards/compliance/index.html",
    ):
        assert 'class="decisions-table' in (site / page).read_text(encoding="utf-8"), page
    timeline = (site / "decisions/timeline/index.html").read_text(encoding="utf-8")
    assert "decisions-timeline" in timeline and "2026-11-01" in timeline
    graph = (site / "decisions/graph/index.html").read_text(encoding="utf-8")
    pictures = re.findall(r'<object type="image/svg\+xml" data="([^"]+)"', graph)
    assert len(pictures) >= 2
    for picture in pictures:
        assert (site / "decisions/graph" / picture).resolve().is_file()
    for name in ("decisions/feed.xml", "decisions/decisions.json"):
        assert (site / name).is_file()
    assert (site / "assets/decisions/schemas/adr.schema.json").is_file()
    assert "assets/decisions/decisions.css" in (site / "index.html").read_text(encoding="utf-8")


def test_every_internal_link_of_the_zensical_site_resolves(zensical_example: Project) -> None:
    assert_links_resolve(zensical_example.root / "site")


def test_zensical_and_the_plugin_give_the_same_site(
    zensical_example: Project, tmp_path: Path
) -> None:
    """The plugin's Material build of the same committed example: page for page."""
    plugin_build = zensical_example.build("--strict", "-d", str(tmp_path / "site"))
    assert plugin_build.returncode == 0, plugin_build.stderr
    assert_same_site(tmp_path / "site", zensical_example.root / "site")


def test_zensical_keeps_a_hostile_title_text(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("adr/0001-x.md", adr('</title><script>alert(1)</script> & "q"'))
    project.configure(theme={"name": "material"})
    assert project.decisions("pages").returncode == 0
    project.write("zensical.yml", "INHERIT: generated-docs/.zensical.yml\n")
    built = run("zensical", "build", "-f", "zensical.yml", cwd=project.root)
    assert built.returncode == 0, built.stdout + built.stderr
    page = project.html("adr/0001-x/index.html")
    assert "<script>alert(1)</script>" not in page
    assert "<title>ADR-0001: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page


def test_zensical_serves_a_record_that_changes(tmp_path: Path) -> None:
    """`decisions pages --watch` beside `zensical serve`, as docs/generators.md says."""
    project = example_copy(tmp_path, site_url=None)
    assert project.decisions("pages").returncode == 0
    project.write("zensical.yml", "INHERIT: generated-docs/.zensical.yml\n")
    record = project.root / "adr" / "0001-rolling-eight-week-backtest.md"
    port = free_port()
    processes = [
        subprocess.Popen(
            [str(BIN / "decisions"), "pages", "--watch", "--interval", "0.3"],
            cwd=project.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [str(BIN / "zensical"), "serve", "-f", "zensical.yml", "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENV,
        ),
    ]
    try:
        url = f"http://127.0.0.1:{port}/adr/0001-rolling-eight-week-backtest/"
        assert wait_for(url, "decisions-header", seconds=60)
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("rolling 8-week", "rolling 9-week", 1), encoding="utf-8")
        assert wait_for(url, "rolling 9-week backtest", seconds=60)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


# --- this repository's own site -----------------------------------------------------------


def test_own_site_builds_with_properdocs(tmp_path: Path) -> None:
    result = run(
        "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path), cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "adr/0020-other-generators-through-one-renderer/index.html").exists()
    assert (tmp_path / "decisions/index.html").exists()


def test_own_site_builds_with_zensical(tmp_path: Path) -> None:
    """`make site-zensical` in a copy of the work tree (with its git history)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    copy = tmp_path / "repository"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    shutil.copytree(ROOT / ".git", copy / ".git", symlinks=True)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/decisions pages" in makefile
    assert "$(BIN)/zensical build --strict -f zensical.yml" in makefile
    pages = run("decisions", "pages", cwd=copy)
    assert pages.returncode == 0, pages.stderr
    built = run("zensical", "build", "--strict", "-f", "zensical.yml", cwd=copy, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    site = copy / "site-zensical"
    assert (site / "adr/0021-publish-our-site-with-mkdocs/index.html").exists()
    assert (
        "decisions-header"
        in (site / "standards/std-sec-001-escape-record-values/index.html").read_text()
    )
    assert_links_resolve(site)


def test_generated_headings_are_in_the_table_of_contents(tmp_path: Path) -> None:
    """With attr_list, a generated heading becomes ``## Text {#id}``: in the TOC, with the
    id the plugin gives it; a heading whose text Markdown would read stays HTML."""
    project = example_copy(tmp_path)
    loaded = load_project(project.root / "mkdocs.yml")
    build = build_site(loaded.corpus, loaded.settings, SiteOptions(site_name="x"))
    page = next(p for p in build.pages if p.site_path == "projects/demand-forecasting.md")
    _, body = split_front_matter(standalone_markdown(page, markdown_headings=True))
    converter = markdown.Markdown(extensions=["attr_list", "toc", "tables"])
    converter.convert(body)
    anchors = [token["id"] for token in converter.toc_tokens[0]["children"]]
    assert "project-traceability" in anchors and "project-decisions" in anchors
    hostile = Page("x.md", "# X\n", html_at_end='<h2 id="a-b">*not* emphasis</h2>\n<p>x</p>')
    assert '<h2 id="a-b">*not* emphasis</h2>' in standalone_markdown(
        hostile, markdown_headings=True
    )
