"""The site in a real browser: Debian's Chromium, headless, with every address but
127.0.0.1 blocked. (.ci/run installs chromium with apt-get; no browser is downloaded.)"""

from __future__ import annotations

import contextlib
import functools
import http.server
import itertools
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, Project

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = ROOT / "examples" / "demand-forecasting"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example built with Material, served on 127.0.0.1; yields its base URL."""
    root = tmp_path_factory.mktemp("browser") / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    result = Project(root).build("--strict")
    assert result.returncode == 0, result.stderr
    with served(root / "site") as url:
        yield url


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 while the block runs; yields its base URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def dom(url: str) -> str:
    """The page's DOM after its scripts ran, from headless Chromium with the network cut
    off: every host but 127.0.0.1 resolves to nothing."""
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--virtual-time-budget=3000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def rows(html: str) -> tuple[list[str], list[str]]:
    """Ids of the index rows the page shows and hides."""
    shown, hidden = [], []
    for attributes, record_id in re.findall(
        r"<tr (data-decisions-row[^>]*)><td><a [^>]*>([^<]+)</a>", html
    ):
        (hidden if re.search(r"\bhidden\b", attributes) else shown).append(record_id)
    return shown, hidden


def test_filters_narrow_the_index(example_site: str) -> None:
    everything = dom(example_site + "decisions/")
    shown, hidden = rows(everything)
    assert len(shown) == 13 and hidden == []
    assert 'class="decisions-filters"' in everything
    assert '<form class="decisions-filters" hidden' not in everything  # shown by the script

    accepted = dom(example_site + "decisions/?status=accepted&kind=adr")
    shown, hidden = rows(accepted)
    assert shown and all(record_id.startswith("ADR-") for record_id in shown)
    assert len(shown) + len(hidden) == 13
    assert "RFC-0001" in hidden and "ADR-0003" in hidden  # implemented RFC, superseded ADR
    # Status groups with nothing left are hidden with their heading.
    assert re.search(r'<h2 id="status-superseded"[^>]*hidden', accepted)

    text = dom(example_site + "decisions/?q=orderlink")
    shown, _ = rows(text)
    assert shown == ["ADR-0007"]


def test_without_javascript_the_table_is_whole(example_site: str) -> None:
    html = dom(example_site + "decisions/")
    shown, _ = rows(html)
    served = subprocess.run(
        [
            "python3",
            "-c",
            "import sys, urllib.request; "
            "sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
            example_site + "decisions/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The HTML as served: the form is hidden, no row is.
    assert '<form class="decisions-filters" hidden' in served
    assert "data-decisions-row" in served and " hidden data-status" not in served
    assert len(shown) == served.count("data-decisions-row ")


# --- Playwright for Python, driving the same Chromium -----------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, tmp_path: Path) -> Iterator[object]:
    """A page that may only talk to 127.0.0.1; what it tried elsewhere is recorded."""
    context = browser.new_context()  # type: ignore[attr-defined]
    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    opened = context.new_page()
    opened.outside = outside
    yield opened
    context.close()


ARTEFACTS = ROOT / "test-artifacts"


def test_graph_renders_every_node_and_nothing_leaves_localhost(
    example_site: str, page: object
) -> None:
    page.goto(example_site + "decisions/graph/")  # type: ignore[attr-defined]
    objects = page.locator("figure.decisions-graph object")  # type: ignore[attr-defined]
    assert objects.count() == 2
    counts = page.evaluate(  # type: ignore[attr-defined]
        """() => Array.from(document.querySelectorAll('figure.decisions-graph object'))
             .map(o => [o.contentDocument.querySelectorAll('[data-id]').length,
                        Number(o.contentDocument.documentElement.dataset.nodes)])"""
    )
    assert counts == [[19, 19], [6, 6]]
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "graph.png"), full_page=True)  # type: ignore[attr-defined]
    assert page.outside == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "query",
    ["ADR-0007", "Java adapter OrderLink", "54 minutes"],
    ids=["id", "title", "body"],
)
def test_search_finds_an_adr_by_id_title_and_body(
    example_site: str, page: object, query: str
) -> None:
    page.goto(example_site)  # type: ignore[attr-defined]
    search = page.locator(".md-search__input")  # type: ignore[attr-defined]
    found = page.locator(".md-search-result__link[href*='adr/0007-']")  # type: ignore[attr-defined]
    # Material's search worker loads its index after the page; a query typed before it
    # is ready finds nothing, so type it again until the record comes up (at most 30 s).
    search.click()  # opens the search dialog once; clicking again would close it
    for _ in range(15):
        # Material listens to key presses, so the query is typed, not filled in.
        search.press("Control+A")
        search.press("Backspace")
        search.press_sequentially(query, delay=30)
        try:
            found.first.wait_for(timeout=2000)
            break
        except Exception:
            continue
    assert found.count() >= 1, query
    assert page.outside == []  # type: ignore[attr-defined]


def test_filters_work_after_instant_navigation(example_site: str, page: object) -> None:
    """Material's instant navigation swaps pages without loading them: the filters must
    still set themselves up (the script subscribes to Material's document$)."""
    page.goto(example_site)  # type: ignore[attr-defined]
    page.locator("article a[href$='decisions/']").first.click()  # type: ignore[attr-defined]
    form = page.locator("form.decisions-filters")  # type: ignore[attr-defined]
    form.wait_for(state="visible", timeout=10000)
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1  # type: ignore[attr-defined]
    form.locator("select[name=status]").select_option("rejected")
    visible = page.locator("tr[data-decisions-row]:not([hidden])")  # type: ignore[attr-defined]
    assert visible.count() == 1 and "ADR-0005" in visible.first.inner_text()
    assert "status=rejected" in page.url  # type: ignore[attr-defined]
    assert page.outside == []  # type: ignore[attr-defined]


def test_every_internal_link_resolves_in_the_browser(example_site: str, page: object) -> None:
    seen: set[str] = set()
    queue = [example_site]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)  # type: ignore[attr-defined]
        assert response is not None and response.status == 200, url
        if not url.endswith("/"):
            continue  # a file (feed, JSON, SVG): no links to follow
        links = page.evaluate(  # type: ignore[attr-defined]
            "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
        )
        for link in links:
            target = link.split("#", 1)[0]
            if target.startswith(example_site) and target not in seen:
                queue.append(target)
    assert len(seen) >= 30  # every page of the example, and the feed and JSON files
    assert example_site + "decisions/graph/" in seen
    assert example_site + "standards/compliance/" in seen
    assert page.outside == []  # type: ignore[attr-defined]


def test_status_badges_are_readable_in_both_palettes(example_site: str, page: object) -> None:
    page.goto(example_site + "decisions/")  # type: ignore[attr-defined]
    for scheme in ("default", "slate"):
        page.evaluate(  # type: ignore[attr-defined]
            f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')"
        )
        ratios = page.evaluate(  # type: ignore[attr-defined]
            """() => Array.from(document.querySelectorAll('.decisions-badge')).map(b => {
                 const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
                 const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
                   .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                   .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                 const s = getComputedStyle(b);
                 const [l1, l2] = [lum(rgb(s.color)), lum(rgb(s.backgroundColor))];
                 return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
               })"""
        )
        assert ratios and min(ratios) >= 4.5, (scheme, min(ratios))
        page.screenshot(path=str(ARTEFACTS / f"index-{scheme}.png"))  # type: ignore[attr-defined]


def test_headings_do_not_skip_levels_and_images_have_alt_text(
    example_site: str, page: object
) -> None:
    for path in (
        "decisions/",
        "projects/demand-forecasting/",
        "adr/0007-java-adapter-for-orderlink-bulk-import/",
    ):
        page.goto(example_site + path)  # type: ignore[attr-defined]
        levels = page.evaluate(  # type: ignore[attr-defined]
            "() => Array.from(document.querySelectorAll('article h1, article h2, article h3, "
            "article h4')).map(h => Number(h.tagName[1]))"
        )
        assert levels[0] == 1, path
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path, levels)
        missing = page.evaluate(  # type: ignore[attr-defined]
            "() => Array.from(document.querySelectorAll('article img:not([alt])')).length"
        )
        assert missing == 0, path
