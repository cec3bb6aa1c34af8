"""The MkDocs adapter: the only module that imports mkdocs.

It reads the records through the core, logs the findings, and adds the
rendered pages to the build as generated files (records outside ``docs/``
included), with edit links that point at the real files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import posixpath
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import AnchorLink

from .catalogue.findings import Finding, Position, Severity, printable
from .catalogue.rules import finding
from .checks.baseline import BaselineError, filter_known
from .checks.reuse import CheckReuse
from .checks.run import check_corpus
from .corpus.child import in_child, may_fork
from .corpus.links import Corpus
from .corpus.load import (
    ParseCache,
    build_corpus,
    empty_folder_notes,
    project_history,
    uncommitted_notes,
)
from .corpus.parse_store import Kept, load_kept, save_kept, store_path
from .corpus.settings import (
    GRAPH_LIMIT,
    PAGE_LIMIT,
    Settings,
    SettingsError,
    settings_from_options,
)
from .history.git_log import kept_histories, restore_histories
from .records.discovery import RECORD_EXTENSIONS, Discovered, DiscoveryMemo
from .site.build import (
    CSS_PATH,
    JS_PATH,
    SiteBuild,
    SiteOptions,
    build_site,
    decisions_nav,
    places_our_pages,
)
from .site.pages import Page
from .site.rebuild import RebuildTracker
from .site.reuse import PageReuse

log = get_plugin_logger("decisions")

# Commands that build the site once: nothing is kept for a next build.
ONE_BUILD_COMMANDS = frozenset({"build", "gh-deploy"})
# Headings in the HTML our templates produce (never in users' text): for the page's TOC.
_GENERATED_HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)


class DecisionsConfig(Config):  # type: ignore[no-untyped-call]
    """Options under ``plugins: - decisions:``; their meaning is in docs/configuration.md."""

    kinds = c.Type(dict, default={})
    rules = c.Type(dict, default={})
    fail_on = c.Choice(("error", "warning", "info"), default="error")
    add_to_nav = c.Type(bool, default=True)
    index = c.Type(str, default="decisions/index.md")
    history = c.Type(bool, default=True)
    require_history = c.Type(bool, default=False)
    commit_url = c.Type(str, default="")
    neighbourhoods = c.Type(bool, default=True)
    tags = c.Type(bool, default=False)
    page_keys = c.Type(list, default=[])
    date_tolerance = c.Type(int, default=60)
    today = c.Optional(c.Type((str, dt.date)))  # `today: 2026-12-01` is a YAML date
    page_limit = c.Type(int, default=PAGE_LIMIT)  # split lists above this (ADR-0026)
    graph_limit = c.Type(int, default=GRAPH_LIMIT)
    cache = c.Type(bool, default=True)  # parsed records kept between runs (ADR-0030)


class DecisionsPlugin(BasePlugin[DecisionsConfig]):  # type: ignore[no-untyped-call]
    """Decision records, validated and published as part of an MkDocs site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings = Settings()
        self.project_root = Path.cwd()
        self.corpus: Corpus | None = None
        self.findings: list[Finding] = []
        self.html_parts: dict[str, tuple[str, str]] = {}  # src_uri -> (after title, at end)
        self.titles: dict[str, str] = {}  # src_uri -> plain-text title from front matter
        self.feed_url = ""  # the Atom feed's path from the site root
        # Kept between the builds of one `mkdocs serve` (MkDocs keeps a plugin that has
        # `on_startup`): what each build delivered, so a dirty rebuild rewrites only what
        # changed (docs/performance.md).
        self.dirty = False
        self.once = False  # a command that builds once (no serve): nothing to keep
        self.rebuilds = RebuildTracker()
        self.parsed = ParseCache()
        self.checked = CheckReuse()
        self.drawn = PageReuse()
        self.stored = False  # whether this process read the store of the last run yet
        self.config_name = "mkdocs.yml"  # the configuration file's name, for the store
        self.discovered: Discovered | None = None
        self.discoveries = DiscoveryMemo()  # what the last build found, while serving
        # The generated files of the last build and of this one, by site path, while serving.
        self.generated_files: dict[str, _GeneratedFile] = {}
        self.generated_now: dict[str, _GeneratedFile] = {}
        self.docs_real = ""  # the docs folder, symlinks resolved, for edit links
        self.edit_uris: dict[tuple[str, str], str] = {}  # (record file, docs) -> edit link
        self.nonce = secrets.token_hex(8)  # marks where generated HTML goes in a page
        self.collected = False  # whether the first build of `mkdocs serve` was collected

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.once = command in ONE_BUILD_COMMANDS

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.settings = settings_from_options(dict(self.config))
        except SettingsError as error:
            raise PluginError(f"decisions: {error}") from None
        self.project_root = Path(config.config_file_path or ".").resolve().parent
        self.config_name = Path(config.config_file_path or "mkdocs.yml").name
        self._exclude_unpublished(config)
        if CSS_PATH not in config.extra_css:
            config.extra_css.append(CSS_PATH)
        if JS_PATH not in config.extra_javascript:
            config.extra_javascript.append(JS_PATH)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        # The first build of a process starts from what the last run kept (ADR-0030,
        # ADR-0035): records parsed, history read, findings and pages as they were drawn.
        store = self._open_store() if self.settings.cache else None
        history = None
        if self.settings.history:
            history = project_history(self.project_root, self.settings)
            for problem in history.warnings:
                if self.settings.require_history:
                    raise PluginError(f"decisions: {problem} (require_history is on)")
                self._log(Severity.WARNING, problem)
        # The files were found in on_config, moments ago, for exclude_docs: not again.
        discovered = self.discovered or self._discover(docs_dir)
        self.discovered = None
        self.corpus = build_corpus(discovered, self.settings, history, self.parsed)
        # A missing folder is news only where mkdocs.yml names it: a kind left at its
        # default folder (rfc/ in a repository of ADRs) is simply not used.
        named = {
            str(options.get("folder", "")).strip("/")
            for options in (self.config["kinds"] or {}).values()
            if isinstance(options, dict)
        }
        for folder in self.corpus.missing_folders:
            if folder.strip("/") in named:
                # A folder mkdocs.yml names, not there (moved, and the configuration not
                # told): a site without those records is no site to publish (`--strict`).
                log.warning(
                    printable(
                        f"record folder {folder}/ does not exist; nothing to read there "
                        "(moved? set its new place under `kinds: <kind>: folder:`)"
                    )
                )
        for note in empty_folder_notes(self.corpus, self.settings):
            log.info(printable(note))
        for path in self.corpus.skipped:
            log.info(
                printable(
                    f"{path}: not a record (a template, a part of a record, an excluded "
                    "file or a second landing page)"
                )
            )
        for note in uncommitted_notes(self.corpus, self.project_root):
            self._log(Severity.WARNING, note)
        # A build that runs once draws part of what it must draw on the second core
        # (corpus/child.py); without a store, it keeps nothing for a next build.
        beside = in_child if self.once and may_fork() else None
        keeping = not self.once or self.settings.cache
        result = check_corpus(self.corpus, self.settings, self.checked if keeping else None, beside)
        for waived in result.waived:  # waived findings never fail the build, but are shown
            log.info(waived.as_text())
        try:
            outcome = filter_known(
                result.findings,
                self.project_root,
                self.settings,
                history is not None and history.available,
            )
        except BaselineError as error:
            raise PluginError(f"decisions: {error}") from None
        self.findings = outcome.new_findings
        for item in self.findings:
            self._log(item.severity, item.as_text())
        for note in outcome.notes():
            log.info(note)

        build = build_site(
            self.corpus,
            self.settings,
            SiteOptions(
                site_name=config.site_name,
                site_url=config.site_url or "",
                repo_url=config.repo_url or "",
                use_directory_urls=config.use_directory_urls,
            ),
            self.drawn if keeping else None,
            beside,
        )
        log.debug(
            f"{self.drawn.drawn} pages and files drawn, "
            f"{len(self.drawn.used) - self.drawn.drawn} as the last build drew them, "
            f"{len(self.drawn.entries)} kept; "
            f"{self.checked.checked} records checked"
        )
        if store is not None:
            self._close_store(store)
        pages = build.pages
        ours = {page.site_path for page in pages}
        if not self.once:  # what a next build of `mkdocs serve` compares with
            self.rebuilds.start(
                build, [f.src_uri for f in files.documentation_pages() if f.src_uri not in ours]
            )
        if self.dirty and self.rebuilds.previous and self.rebuilds.navigation_changed:
            _mark_stale(files)  # every page shows the navigation, which changed
        for collision in build.collisions:
            log.warning(printable(collision))
        for site_file in build.files:
            # Pictures and other files beside records outside docs/ go into the site with
            # them; one in docs/ is in the build already.
            if site_file.source_path and files.get_file_from_path(site_file.site_path) is None:
                files.append(
                    File.generated(config, site_file.site_path, abs_src_path=site_file.source_path)
                )
        for refused in self.corpus.refused:  # links outside the project, FIFOs, devices
            existing = files.get_file_from_path(refused)
            if existing is not None:
                files.remove(existing)
        reported = set(self.corpus.refused)
        for outside in _files_outside(files, config.docs_dir, self.project_root, reported):
            self._log(outside[1].severity, outside[1].as_text())
            files.remove(outside[0])
        self.docs_real = Path(os.path.realpath(config.docs_dir)).as_posix()
        by_src = {file.src_uri: file for file in files}
        by_dest = {file.dest_uri: file for file in files}
        self.html_parts = {}
        self.titles = {}
        self.generated_now = {}
        for page in pages:
            self._replace(files, by_src, by_dest, page, config)
            if page.html_after_title or page.html_at_end:
                self.html_parts[page.site_path] = (page.html_after_title, page.html_at_end)
            if page.title:
                self.titles[page.site_path] = page.title
        for site_file in build.files:  # CSS, JavaScript, feed, decisions.json, graphs, schemas
            if site_file.source_path is None:
                changed = self.rebuilds.file_changed(site_file.site_path)
                made = self._generated(config, site_file.site_path, site_file.content, changed)
                files.append(made)
        self.generated_files, self.generated_now = self.generated_now, {}
        self.feed_url = build.feed_path
        if isinstance(config.nav, list) and self.settings.add_to_nav:
            self._extend_nav(config.nav, build)
        if self.once:
            # What we made lives until the build ends: MkDocs' own cycle collections
            # would walk all of it again and again while pages are written, freeing
            # nothing (docs/performance.md). on_post_build gives it back.
            gc.freeze()
        return files

    def _open_store(self) -> Kept | None:
        """What the last run kept, for the first build of this process; None for a later
        build of ``mkdocs serve``, which goes on from the build before it."""
        if self.stored:
            return None
        self.stored = True
        store = load_kept(self._store_path())
        restore_histories(store.stages.get("history"))
        self.parsed = store.parsed
        self.checked = store.stage("checks", CheckReuse, CheckReuse)
        self.drawn = store.stage("pages", PageReuse, PageReuse)
        return store

    def _store_path(self) -> Path:
        return store_path(self.project_root, self.config_name)

    def _close_store(self, store: Kept) -> None:
        """Keep for the next run what this build read and drew, when any of it is new."""
        histories = kept_histories(self.project_root)
        if self.drawn.drawn or self.checked.checked or histories != store.stages.get("history"):
            store.changed = True
        store.stages["history"] = histories
        save_kept(store, self._store_path())

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.once:
            gc.unfreeze()
            return
        # The files kept for the next build need not keep this build's pages (its
        # navigation, every page's HTML) alive until then.
        for made in self.generated_files.values():
            made.page = None
        if not self.collected:
            # The first build of `mkdocs serve` leaves everything it kept (records,
            # pages, the store) to be walked by Python's collector once: here, before
            # the first save, not inside its rebuild (docs/performance.md).
            self.collected = True
            gc.collect()

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Sections that MkDocs made from record folders: a kind's folder is titled by the
        kind's name ("Architecture decisions", not "Adr"), and a sub-folder's name is
        escaped, since themes write section titles as they are."""
        if self.dirty:
            self._title_pages_not_rebuilt(nav)
        if self.corpus is None or config.nav:  # a nav written by hand keeps its titles
            return nav
        bases = {
            base: self.settings.kinds[kind].label for kind, base in self.corpus.site_bases.items()
        }
        for section in _sections(nav.items):
            folder = _folder_of_section(section)
            if folder is None:
                continue
            if folder in bases and section.title == _auto_title(folder):
                section.title = str(escape(bases[folder]))
            elif any(folder.startswith(f"{base}/") for base in bases if base != "."):
                section.title = str(escape(section.title))
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        """Give our pages their title as escaped text: MkDocs would take it from the
        rendered heading, with entities escaped a second time in the nav."""
        title = self.titles.get(page.file.src_uri)
        if title:
            page.title = str(escape(title))
        return markdown

    @event_priority(100)  # before plugins that rewrite the page (minifiers drop comments)
    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """Put the generated HTML where on_page_content marked its place; link the Atom
        feed from every page's head; and keep a record's title escaped in ``<title>``:
        Material writes it through ``striptags``, which unescapes entities, so a title
        such as ``</title><script>`` would become markup."""
        edits: list[tuple[str, str]] = []  # (what, with what), each once, in the page's order
        title = self.titles.get(page.file.src_uri)
        if title:
            unescaped = f"<title>{Markup(escape(title)).striptags()}"
            safe = f"<title>{escape(' '.join(title.split()))}"
            if unescaped != safe:
                edits.append((unescaped, safe))
        if self.feed_url:
            url = page.url
            folder = url if url.endswith("/") or not url else posixpath.dirname(url)
            href = posixpath.relpath(self.feed_url, folder.rstrip("/") or ".")
            link = (
                '<link rel="alternate" type="application/atom+xml" '
                f'title="{escape(config.site_name)}: decisions" href="{escape(href)}">'
            )
            edits.append(("</head>", link + "</head>"))
        parts = self.html_parts.get(page.file.src_uri)
        if parts is not None:
            edits.extend(zip(self._marks(page), parts, strict=True))
        return _edited(output, edits)

    def on_page_content(
        self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        """Put the generated HTML (header, tables) into the converted page (ADR-0010)."""
        parts = self.html_parts.get(page.file.src_uri)
        if parts is None:
            return html
        after_title, at_end = parts
        _extend_toc(page, after_title, first=True)  # the trade-offs, below the header
        _extend_toc(page, at_end)
        # Marks here, the HTML itself after the page is written (on_post_page): search
        # indexes the record's own words, not the tables we draw from other records
        # (their titles, the history, the arguments repeated in the trade-off matrix),
        # which made the search index larger and the build slower (docs/performance.md).
        before, after = self._marks(page)
        title_end = html.find("</h1>")
        if title_end == -1:
            return before + html + after
        title_end += len("</h1>")
        return html[:title_end] + "\n" + before + html[title_end:] + after

    def _marks(self, page: MkDocsPage) -> tuple[str, str]:
        """Where a page's generated HTML goes: comments no record can write, since they
        carry a number drawn for this build."""
        return (
            f"<!--decisions:{self.nonce}:{page.file.src_uri}:after-title-->",
            f"<!--decisions:{self.nonce}:{page.file.src_uri}:at-end-->",
        )

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Records live outside docs/, so MkDocs would not notice their changes: watch each
        record folder, and its parent for the folder being removed and made again (a
        checkout of another branch does that), which would leave the first watch dead."""
        for kind in self.settings.kinds.values():
            folder = self.project_root / kind.folder
            if kind.folder == ".":
                # Records at the top of the project: its files, not every folder in it
                # (docs/ is MkDocs' own; the code and .git are no records).
                server.watch(str(self.project_root), recursive=False)
                continue
            if folder.is_dir():
                server.watch(str(folder))
            _watch_for_recreation(server, folder, self.project_root)
        return server

    # ------------------------------------------------------------------------------

    def _exclude_unpublished(self, config: MkDocsConfig) -> None:
        """Record folders inside docs/ (log4brains' layout) hold templates and may hold a
        README beside an index.md: tell MkDocs not to build them, before it reads
        docs/, so that it neither publishes a template nor warns about the README."""
        docs_dir = Path(config.docs_dir)
        discovered = self.discovered = self._discover(docs_dir)
        docs = os.path.realpath(docs_dir)
        patterns = []
        # A record whose file MkDocs takes for no page ("x.MD", a name without an
        # extension) is ours to render as "x.md": MkDocs would copy the raw file too.
        raw = [
            source.path
            for source, _ in discovered.records
            if os.path.splitext(source.source_path)[1] not in RECORD_EXTENSIONS
        ]
        for path in [*discovered.skipped, *raw]:
            real = os.path.realpath(self.project_root / path)
            if real.startswith(docs + os.sep):
                relative = Path(os.path.relpath(real, docs)).as_posix()
                patterns.append("/" + re.sub(r"([*?\[\]!#\\])", r"\\\1", relative))
        if not patterns:
            return
        import pathspec  # MkDocs' own dependency, for `exclude_docs`

        ours = pathspec.GitIgnoreSpec.from_lines(patterns)
        config.exclude_docs = ours if config.exclude_docs is None else config.exclude_docs + ours

    def _discover(self, docs_dir: Path) -> Discovered:
        """The record files; while serving, those of the last build when nothing that
        discovery looked at changed. A build that runs once keeps nothing."""
        if self.once:
            self.discoveries = DiscoveryMemo()
        return self.discoveries.discover(self.project_root, docs_dir, self.settings.kinds)

    def _log(self, severity: Severity, message: str) -> None:
        """At or above ``fail_on`` as a warning (fails --strict), an error-level finding
        as an error (shown and counted by --strict even with -q, which drops warnings
        before MkDocs counts them), below ``fail_on`` as info; control characters from
        records are shown escaped."""
        if severity.rank >= self.settings.fail_on.rank:
            if severity is Severity.ERROR:
                log.error(printable(message))
            else:
                log.warning(printable(message))
        else:
            log.info(printable(message))

    def _replace(
        self,
        files: Files,
        by_src: dict[str, File],
        by_dest: dict[str, File],
        page: Page,
        config: MkDocsConfig,
    ) -> None:
        """Add ``page`` as a generated file, replacing any file that would collide with it."""
        changed = self.rebuilds.page_changed(page.site_path)
        generated = self._generated(config, page.site_path, page.markdown, changed)
        colliding = {by_src.get(page.site_path), by_dest.get(generated.dest_uri)} - {None}
        for existing in colliding:
            if existing is not None:
                files.remove(existing)
                own_source = Path(os.path.realpath(page.source_path)) if page.source_path else None
                theirs = existing.abs_src_path and Path(os.path.realpath(existing.abs_src_path))
                elsewhere = bool(theirs) and theirs != own_source
                if elsewhere and str(theirs) in self._asset_paths():
                    # IPFS' `src/ipips/index.html`, another generator's page beside the
                    # records: the folder's index takes its place in this site.
                    log.info(
                        printable(
                            f"generated page {page.site_path} takes the place of "
                            f"{existing.src_uri}, a page beside the records"
                        )
                    )
                elif elsewhere:
                    log.warning(
                        printable(
                            f"generated page {page.site_path} replaces docs/"
                            f"{existing.src_uri}; move that page, or set the plugin's "
                            "`index` option"
                        )
                    )
        if page.source_path:
            generated.edit_uri = self._edit_uri(page.source_path)
        files.append(generated)

    def _generated(
        self, config: MkDocsConfig, site_path: str, content: str | bytes, changed: bool
    ) -> File:
        """A generated file of ``content``: while serving, the very file of the last build
        when its content is the same (a page that was not drawn again), made ready
        for this build; MkDocs makes a new page of it. Making 8,000 files anew costs a
        tenth of a second at 4,000 records (docs/performance.md)."""
        made = self.generated_files.get(site_path)
        if (
            made is None
            or made.drawn_from != content  # a page kept is the same object; a picture, equal
            or made.dest_dir != config.site_dir
            or made.use_directory_urls != config.use_directory_urls
        ):
            new = _GeneratedFile.generated(config, site_path, content=content)
            assert isinstance(new, _GeneratedFile)
            made = new
            made.drawn_from = content
        else:
            made.page = None  # the last build's page: MkDocs makes this build's
            made.modified = None
            made.inclusion = InclusionLevel.UNDEFINED  # worked out again (`draft_docs`)
        made.changed = changed
        if not self.once:
            self.generated_now[site_path] = made
        return made

    def _asset_paths(self) -> set[str]:
        """The real paths of the files copied from beside the records, once per corpus."""
        corpus = self.corpus
        if corpus is None:
            return set()
        return corpus.memo(
            "asset real paths", lambda: {os.path.realpath(a) for a in corpus.assets.values()}
        )

    def _edit_uri(self, source_path: str) -> str:
        """The edit link of a record: the real file relative to docs/, as a URL path,
        percent-encoded so that a file name cannot close the attribute it is written into.
        Kept between rebuilds while serving: resolving links costs system calls."""
        key = (source_path, self.docs_real)
        known = self.edit_uris.get(key)
        if known is None:
            real = Path(os.path.realpath(source_path)).as_posix()
            known = self.edit_uris[key] = quote(posixpath.relpath(real, self.docs_real))
        return known

    def _title_pages_not_rebuilt(self, nav: Navigation) -> None:
        """A dirty build does not read the pages it does not rewrite, so the navigation of
        the pages it does rewrite would show those untitled. Ours have their titles here:
        the page is not rendered, only named."""
        for page in nav.pages:
            title = self.titles.get(page.file.src_uri)
            if title and not page.file.is_modified() and page.markdown is None:
                page.markdown = ""
                page.meta = {"title": str(escape(title))}

    def _extend_nav(self, nav: list[Any], build: SiteBuild) -> None:
        """Append a Decisions section unless the user's nav already places our pages."""
        if not places_our_pages(nav, build):
            nav.extend(decisions_nav(build))


class _GeneratedFile(File):
    """A page or file we generate: in a dirty build MkDocs rewrites it only when its
    content differs from the previous build's (or it is missing from the site)."""

    changed = True
    modified: bool | None = None  # asked two or three times per build: looked at once
    drawn_from: str | bytes = b""  # the content it was made of

    def is_modified(self) -> bool:
        if self.modified is None:
            self.modified = self.changed or not os.path.isfile(self.abs_dest_path)
        return self.modified


def _edited(text: str, edits: list[tuple[str, str]]) -> str:
    """``text`` with the first occurrence of each ``what`` after the one before replaced
    ``with what``; a ``what`` not found is left out. The page is copied once, not once per
    edit (a page of the built-in theme is about 100 KB of navigation)."""
    pieces: list[str] = []
    start = 0
    for what, replacement in edits:
        at = text.find(what, start)
        if at == -1:
            continue
        pieces.append(text[start:at])
        pieces.append(replacement)
        start = at + len(what)
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def _files_outside(
    files: Files, docs_dir: str, project_root: Path, reported: set[str]
) -> list[tuple[File, Finding]]:
    """Files MkDocs found in docs/ whose real path is outside the project (and outside
    docs/, which the configuration may place elsewhere) or in its ``.git`` folder: a link
    to ``/proc/self/environ``, to ``.git/config`` or into a folder elsewhere is never
    published (DEC011). The theme's own files come from the theme's folder and are not
    looked at."""
    docs = os.path.abspath(docs_dir)
    root = os.path.realpath(project_root)
    boundaries = tuple(
        folder.rstrip(os.sep) + os.sep for folder in (root, os.path.realpath(docs_dir))
    )
    git = os.path.join(root, ".git") + os.sep  # its config may hold CI's credentials
    found = []
    for file in files:
        source = file.abs_src_path
        if (
            not source
            or file.generated_by
            or file.src_uri in reported
            or not file.src_dir
            or os.path.abspath(file.src_dir) != docs
        ):
            continue
        real = os.path.realpath(source)
        into_git = real.startswith(git)
        if real.startswith(boundaries) and not into_git:
            continue
        shown = Path(os.path.relpath(source, root)).as_posix()
        where = "into the repository's .git folder" if into_git else "outside the project"
        message = f"is a link to {real}, {where}; it is not published"
        found.append((file, finding("DEC011", shown, Position(1, 1), message)))
    return found


def _mark_stale(files: Files) -> None:
    """Make a dirty build rewrite every page of the site, by dating the built ones back:
    MkDocs rewrites a page whose output is older than its source."""
    for file in files.documentation_pages():
        with contextlib.suppress(OSError):
            if os.path.isfile(file.abs_dest_path):
                os.utime(file.abs_dest_path, (0, 0))


def _watch_for_recreation(server: Any, folder: Path, project_root: Path) -> None:
    """Watch the nearest existing parent of ``folder`` (not recursively); when ``folder``
    appears there again, watch the new folder and ask for a rebuild."""
    observer = getattr(server, "observer", None)
    if observer is None:  # not MkDocs' (or ProperDocs') own LiveReloadServer
        return
    import watchdog.events

    target = os.path.abspath(folder)
    parent = Path(target).parent
    while not parent.is_dir() and parent != project_root and parent != parent.parent:
        parent = parent.parent

    def appeared(event: Any) -> None:
        paths = {getattr(event, "src_path", ""), getattr(event, "dest_path", "")}
        made = event.event_type in ("created", "moved")
        if not (event.is_directory and made and any(target == os.fsdecode(p) for p in paths)):
            return
        with contextlib.suppress(KeyError, ValueError, OSError):
            server.unwatch(target)  # the watch of the removed folder is dead
        with contextlib.suppress(OSError):
            server.watch(target)
        # MkDocs 1.6 (the last 1.x) and ProperDocs have no public way to ask for a
        # rebuild; this is what their own file-change callback does.
        condition = getattr(server, "_rebuild_cond", None)
        if condition is not None:
            with condition:
                server._want_rebuild = True
                condition.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = appeared  # type: ignore[method-assign]
    with contextlib.suppress(OSError):
        observer.schedule(handler, str(parent), recursive=False)


def _sections(items: list[Any]) -> list[Section]:
    found: list[Section] = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found


def _folder_of_section(section: Section) -> str | None:
    """The folder whose pages a section of an automatic nav lists (None when its pages
    are not all in one folder, as in a nav written by hand)."""
    folders = set()
    for child in section.children:
        if isinstance(child, MkDocsPage):
            folders.add(posixpath.dirname(child.file.src_uri))
        elif isinstance(child, Section):
            inner = _folder_of_section(child)
            if inner is None:
                return None
            folders.add(posixpath.dirname(inner))
    return folders.pop() if len(folders) == 1 else None


def _auto_title(folder: str) -> str:
    """The title MkDocs gives a section made from a folder (``adr`` -> ``Adr``)."""
    title = posixpath.basename(folder).replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _extend_toc(page: MkDocsPage, html: str, first: bool = False) -> None:
    """Add the generated headings (History, Traceability, ...) to the page's table of
    contents, under its title when the TOC has one, so themes list them like any other;
    with ``first``, before the page's own headings (HTML put in after the title)."""
    items = getattr(page.toc, "items", None)
    if items is None:
        return
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    at = 0 if first else len(parent)
    last_h2: AnchorLink | None = None
    for level, anchor, title in _GENERATED_HEADING.findall(html):
        link = AnchorLink(title, anchor, int(level))
        if level == "3" and last_h2 is not None:
            last_h2.children.append(link)
        else:
            parent.insert(at, link)
            at += 1
            last_h2 = link
