"""Everything one build of the site gets from us, whichever adapter delivers it.

The MkDocs plugin turns these pages and files into MkDocs ``File`` objects and puts
each page's HTML into the converted page; ``decisions pages`` writes the same pages
and files into a folder, with the HTML placed in the Markdown (``site/standalone.py``),
for generators that run no plugin. One renderer for both: a difference between the two
sites is a bug (``tests/test_generators.py`` compares them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from markupsafe import escape

from ..corpus.child import Beside
from ..corpus.collector import collector_paused
from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.kinds import KindSpec
from .environment import ASSETS
from .export import export_text
from .feed import atom_feed
from .pages import Page, Part, SiteRenderer
from .reuse import PageReuse
from .schemas import schema_text
from .split import parts_folder
from .urls import commit_url_template, page_url

CSS_PATH = "assets/decisions/decisions.css"
JS_PATH = "assets/decisions/filters.js"
SCHEMA_FOLDER = "assets/decisions/schemas"


@dataclass(frozen=True)
class SiteOptions:
    """What a build takes from the generator's configuration."""

    site_name: str = ""
    site_url: str = ""
    repo_url: str = ""
    use_directory_urls: bool = True
    link_style: str = "url"  # see site/context.py: LINK_STYLES


@dataclass(frozen=True)
class SiteFile:
    """A file of the site that is not a page: its bytes, or the file on disk it is a copy
    of (a picture beside a record outside docs/)."""

    site_path: str
    content: bytes = b""
    source_path: str | None = None


@dataclass
class SiteBuild:
    """The pages and files of one build, and the renderer that made them (for the nav)."""

    renderer: SiteRenderer
    pages: list[Page]
    files: list[SiteFile] = field(default_factory=list)

    @property
    def collisions(self) -> list[str]:
        return self.renderer.collisions

    @property
    def feed_path(self) -> str:
        return self.renderer.feed_path


@collector_paused
def build_site(
    corpus: Corpus,
    settings: Settings,
    options: SiteOptions,
    reuse: PageReuse | None = None,
    beside: Beside[Part] | None = None,
) -> SiteBuild:
    """Render every page and file that the records add to a site. With ``reuse`` (kept
    between the builds of ``mkdocs serve``), what no change touched is not drawn again.
    With ``beside`` (a build that runs once), half the pages are drawn in another
    process while this one draws the rest."""
    if reuse is not None:
        reuse.begin(_context(corpus, settings, options))
    renderer = SiteRenderer(
        corpus,
        settings,
        commit_url_template(options.repo_url),
        options.use_directory_urls,
        options.link_style,
        reuse,
    )
    pages = renderer.pages(beside)
    files = [
        SiteFile(CSS_PATH, (ASSETS / "decisions.css").read_bytes()),
        SiteFile(JS_PATH, (ASSETS / "filters.js").read_bytes()),
    ]
    page_urls = {
        record.site_path: page_url(record.site_path, options.use_directory_urls)
        for record in corpus.records
    }

    def feed() -> bytes:
        text = atom_feed(
            corpus, renderer.feed_path, page_urls, options.site_name, options.site_url or ""
        )
        return text.encode("utf-8")

    def exported() -> bytes:
        return export_text(corpus, settings, renderer.once if reuse else None).encode("utf-8")

    if reuse is None:
        files.append(SiteFile(renderer.feed_path, feed()))
        files.append(SiteFile(renderer.json_path, exported()))
    else:
        inputs = (renderer.faces, renderer.history_input)
        files.append(SiteFile(renderer.feed_path, reuse.value("feed", inputs, feed)))
        every = (renderer.history_input, *corpus.records)
        files.append(SiteFile(renderer.json_path, reuse.value("json", every, exported)))
    for path, text in renderer.files.items():  # the graph pictures
        files.append(SiteFile(path, text.encode("utf-8")))
    for kind in settings.kinds.values():  # for editors: this site's own statuses
        schema = f"{SCHEMA_FOLDER}/{kind.name}.schema.json"
        if reuse is None:
            files.append(SiteFile(schema, _schema_bytes(kind)))
        else:  # it follows from the settings alone, and reuse starts afresh when they change
            files.append(SiteFile(schema, reuse.value(schema, (), partial(_schema_bytes, kind))))
    for site_path, source in sorted(corpus.assets.items()):
        files.append(SiteFile(site_path, source_path=source))
    if reuse is not None:
        reuse.finish({record.path for record in corpus.records})
    return SiteBuild(renderer, pages, files)


def _context(corpus: Corpus, settings: Settings, options: SiteOptions) -> tuple[object, ...]:
    """What any page may show besides the records and their history: when it differs
    from the last build's, nothing drawn then is used. The files around the records are
    named (pictures, templates, files left out, landing pages), since a record's links
    are drawn to what is there."""
    return (
        settings,
        options,
        corpus.today,
        tuple(sorted(corpus.site_bases.items())),
        tuple(sorted(corpus.assets.items())),
        tuple(corpus.skipped),
        tuple(corpus.refused),
        tuple(page.source.path for page in corpus.landing_pages),
    )


def _schema_bytes(kind: KindSpec) -> bytes:
    return schema_text(kind).encode("utf-8")


def decisions_nav(build: SiteBuild) -> list[Any]:
    """The navigation section the records add to a nav written by hand: the overview,
    timeline and graph, then one section per kind (its index, its records, its
    sub-folders). Empty when that nav places one of our pages already."""
    renderer = build.renderer
    corpus, settings = renderer.corpus, renderer.settings
    section: list[Any] = [{"Overview": renderer.index_path}]
    section += _parts_of(build, renderer.index_path, "Decisions by year")
    if renderer.has_timeline:
        section.append({"Timeline": renderer.timeline_path})
        section += _parts_of(build, renderer.timeline_path, "Timeline by year")
    section.append({"Decision graph": renderer.graph_path})
    section += _parts_of(build, renderer.graph_path, "Graph pages")
    for kind in settings.kinds.values():
        base = corpus.site_bases.get(kind.name)
        if base is None:
            continue
        records = [r for r in corpus.records if r.kind == kind.name]
        entries: list[Any] = [f"{base}/index.md"]
        entries += _parts_of(build, f"{base}/index.md", "By year")
        if kind.name == "standard" and renderer.trace_pages.compliance_path:
            entries.append({"Compliance matrix": renderer.trace_pages.compliance_path})
        entries += [r.site_path for r in records if not r.group]
        for group in sorted({r.group for r in records if r.group}):
            members = [r.site_path for r in records if r.group == group]
            # Themes write nav titles as they are: a folder name is escaped here.
            entries.append({str(escape(group)): [f"{base}/{group}/index.md", *members]})
        section.append({kind.label: entries})
    return [{"Decisions": section}]


def _parts_of(build: SiteBuild, page: str, title: str) -> list[Any]:
    """A nav section of the pages a split list was shared out among (site/split.py);
    none for a list on one page."""
    folder = f"{parts_folder(page)}/"
    records = {record.site_path for record in build.renderer.corpus.records}
    paths = [
        p.site_path
        for p in build.pages
        if p.site_path.startswith(folder) and "/" not in p.site_path[len(folder) :]
    ]
    paths = [path for path in paths if path not in records]
    return [{title: paths}] if paths else []


def places_our_pages(nav: Any, build: SiteBuild) -> bool:
    """Whether a nav written by hand names one of the pages the records add."""
    return bool(nav_paths(nav) & {page.site_path for page in build.pages})


def nav_paths(nav: Any) -> set[str]:
    """Every page path named anywhere in a nav configuration."""
    found: set[str] = set()
    if isinstance(nav, str):
        found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found |= nav_paths(value)
    return found
