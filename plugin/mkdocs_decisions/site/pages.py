"""Turn the corpus into site pages: Markdown text per page path, from Jinja templates.

Pages are Markdown (not HTML) so that the site generator resolves and checks
the links between them, whatever the theme or URL style. Every value that comes
from a record passes through the ``md`` filter, which escapes HTML and Markdown
syntax; autoescaping is on for everything else. See ADR-0004.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TypeVar
from urllib.parse import quote, unquote

from markupsafe import Markup, escape

from ..corpus.child import Beside
from ..corpus.links import Corpus
from ..corpus.reviews import UPCOMING_DAYS, due_for_review, review_date
from ..corpus.settings import Settings
from ..history.git_log import Commit, StatusChange
from ..records.body import plain_text, scan_body
from ..records.discovery import LandingPage, read_regular_file
from ..records.frontmatter import split_front_matter
from ..records.kinds import KindSpec
from ..records.model import Record
from ..records.text import without_control_characters
from ..records.urls import is_safe_link
from .context import SiteContext
from .graph import (
    ARROWS,
    NODE_HEIGHT,
    PICTURE_PALETTE,
    Cluster,
    Graph,
    clusters,
    label_length,
    legend,
    neighbourhood,
    node_shape,
    node_width,
    short_label,
)
from .markup import css_token, file_token, heading_anchors, web_link
from .reuse import PageReuse
from .split import by_date, pack, parts_folder
from .trace_pages import TracePages
from .tradeoffs import matrix_for, matrix_values, weighs_against_rows
from .urls import page_url, relative_link, relative_path

T = TypeVar("T")
# What drawing gave, and the pictures (site path -> text) it made.
Drawn = tuple[T, dict[str, str]]
# The part of a build drawn beside: record pages, and the lists when they were asked for.
Part = tuple[list[Drawn["Page"]], Drawn[list["Page"]] | None]
# Below this many pages to draw, starting a second process costs more than it saves.
PAGES_WORTH_SPLITTING = 200

GRAPH_FOLDER = "assets/decisions/graphs"
EDGE_LABELS = {
    "supersedes": "supersedes",
    "related": "is related to",
    "decisions": "led to",
    "addresses": "addresses",
    "complies": "complies with",
    "deviates": "deviates from",
}
DECISION_BANNERS = ("superseded", "deprecated")
# Statuses whose page gets a banner, per kind: a deprecated standard is still in force.
BANNER_STATUSES = {"standard": ("superseded", "deprecated", "retired"), "project": ("retired",)}


@dataclass(frozen=True)
class Page:
    """A page of the site: its path (as a Markdown source path), its Markdown, and HTML
    that goes into the converted page as it is (after the title, and at the end).

    Generated tables, headers and banners are HTML with links computed here, so the
    site generator does not parse them as Markdown a second time (ADR-0010).
    """

    site_path: str
    markdown: str
    source_path: str | None = None  # the real file behind it, for the edit link
    html_after_title: str = ""
    html_at_end: str = ""
    title: str = ""  # plain text; set as the page title so no theme derives it from HTML


class SiteRenderer(SiteContext):
    """Renders every generated page of one build."""

    def __init__(
        self,
        corpus: Corpus,
        settings: Settings,
        commit_url: str = "",
        use_directory_urls: bool = True,
        link_style: str = "url",
        reuse: PageReuse | None = None,
    ) -> None:
        super().__init__(corpus, settings, use_directory_urls, link_style)
        self.commit_url = settings.commit_url or commit_url
        self.reuse = reuse  # pages of the previous build, while serving (site/reuse.py)
        # MADR keeps ADRs in docs/decisions/, whose folder index is decisions/index.md too:
        # then the folder keeps its page (and landing text) and the overall index moves.
        folders = {_index_path(base) for base in corpus.site_bases.values()}
        self.index_path = settings.index
        if self.index_path in folders:
            self.index_path = posixpath.join(posixpath.dirname(settings.index), "all.md")
        self.timeline_path = posixpath.join(posixpath.dirname(self.index_path), "timeline.md")
        self.graph_path = posixpath.join(posixpath.dirname(self.index_path), "graph.md")
        self.feed_path = posixpath.join(posixpath.dirname(self.index_path), "feed.xml")
        self.json_path = posixpath.join(posixpath.dirname(self.index_path), "decisions.json")
        self.trace_pages = TracePages(self)
        self.collisions: list[str] = []
        self.files: dict[str, str] = {}  # other generated files: path in the site -> text
        self._nodes: dict[str, Markup] = {}  # record path -> its node in graph pictures
        self._inputs: dict[str, tuple[object, ...]] = {}  # record path -> what its pages show

    @property
    def has_timeline(self) -> bool:
        return self.corpus.history.available

    def pages(self, beside: Beside[Part] | None = None) -> list[Page]:
        """All pages: one per record, one index per kind and sub-folder, the decisions index,
        the timeline and the compliance matrix. A generated page whose path a record page
        already has is left out and named in ``collisions``: records are never replaced.

        ``beside`` draws the last two fifths of the record pages to draw, and the lists,
        elsewhere while this process draws the rest (a full build has two cores to use):
        the same pages and pictures in the same order."""
        records = self.corpus.records
        drawn, (generated, pictures) = self._drawn_pages(records, beside)
        pages = []
        for record in records:
            page, files = drawn[record.path]
            pages.append(page)
            self.files.update(files)
        self.files.update(pictures)
        taken = {record.site_path: record.path for record in self.corpus.records}
        for page in generated:
            owner = taken.get(page.site_path)
            if owner is None:
                taken[page.site_path] = f"the generated page {page.site_path}"
                pages.append(page)
            else:
                self.collisions.append(
                    f"generated page {page.site_path} is left out: {owner} has the same "
                    "path (rename that file, or set the plugin's `index` option)"
                )
        return pages

    def _drawn_pages(
        self, records: list[Record], beside: Beside[Part] | None
    ) -> tuple[dict[str, Drawn[Page]], Drawn[list[Page]]]:
        """Each record's page and the pictures it made, by the record's path, and the lists
        with theirs: kept from the last build where nothing they show changed, else drawn,
        here or, for a share of them, beside."""
        drawn: dict[str, Drawn[Page]] = {}
        stale = [record for record in records if not self._kept("page", record)]
        lists_stale = self.reuse is None or not self.reuse.fresh("lists", self._list_inputs)
        elsewhere: list[Record] = []
        later = None
        if beside is not None and len(stale) >= PAGES_WORTH_SPLITTING:
            # The other process draws the lists too: a share of the records that gives
            # both the same work (measured at 500 records: docs/performance.md).
            elsewhere = stale[len(stale) * 3 // 5 :]
            later = beside(partial(self._drawn_part, elsewhere, lists_stale))
        away = {record.path for record in elsewhere}
        for record in records:
            if record.path not in away:
                drawn[record.path] = self._record_page_once(record)
        if later is None:
            return drawn, self._lists_once()
        part, lists = later()
        for record, value in zip(elsewhere, part, strict=True):
            drawn[record.path] = value
            if self.reuse is not None:
                self.reuse.keep(f"page:{record.path}", self._inputs_of(record), value)
        if lists is None:
            return drawn, self._lists_once()
        if self.reuse is not None:
            self.reuse.keep("lists", self._list_inputs, lists)
        return drawn, lists

    def _drawn_part(self, records: list[Record], lists: bool) -> Part:
        """The pages of ``records`` with their pictures, then the lists with theirs when
        asked for: the part of a build drawn beside."""
        pages = [self._drawing(partial(self.record_page, record)) for record in records]
        return pages, self._drawing(self.lists) if lists else None

    def lists(self) -> list[Page]:
        """The pages that list records: folder indexes, the decisions index, the
        timeline, the compliance matrix and the graph."""
        generated = self.folder_pages()
        generated.extend(self.decisions_index())
        if self.has_timeline:
            generated.extend(self.timeline())
        if self.trace_pages.compliance_path:
            generated.append(self.compliance_page(self.trace_pages.compliance_path))
        generated.extend(self.graph_page())
        return generated

    @cached_property
    def history_input(self) -> object:
        """The history as an input of what is drawn: the very object read from git (read
        again only when git moved), or, without history, a word that every build shares
        (a build without history has a new empty one)."""
        history = self.corpus.history
        return history if history.available or history.files else "no history"

    @cached_property
    def faces(self) -> bytes:
        """What lists show of all records (site/reuse.py), for reusing lists."""
        return self.reuse.faces_of(self.corpus.records) if self.reuse else b""

    @cached_property
    def _list_inputs(self) -> tuple[object, ...]:
        """What the lists are drawn from: the records' faces, the history, the folders'
        landing pages."""
        landing = tuple(_stamp(page.source.source_path) for page in self.corpus.landing_pages)
        return (self.faces, self.history_input, *landing)

    def _lists_once(self) -> Drawn[list[Page]]:
        if self.reuse is None:
            return self._drawing(self.lists)
        return self.reuse.value("lists", self._list_inputs, lambda: self._drawing(self.lists))

    def _record_page_once(self, record: Record) -> Drawn[Page]:
        """The record's page, drawn again only when it or a record it shows changed."""
        return self.once("page", record, partial(self._drawing, partial(self.record_page, record)))

    def _kept(self, what: str, record: Record) -> bool:
        """Whether the last build's ``what`` for ``record`` serves again unchanged."""
        if self.reuse is None:
            return False
        return self.reuse.fresh(f"{what}:{record.path}", self._inputs_of(record))

    def once(self, what: str, record: Record, draw: Callable[[], T]) -> T:
        """``draw()`` for one record, or what it gave last time when neither the record
        nor a record it shows has changed since (always ``draw()`` without reuse)."""
        if self.reuse is None:
            return draw()
        return self.reuse.value(f"{what}:{record.path}", self._inputs_of(record), draw)

    def _inputs_of(self, record: Record) -> tuple[object, ...]:
        """What a record's page and its entry in the export are drawn from."""
        assert self.reuse is not None
        if record.kind in ("project", "standard"):  # they list the records that cite them
            return (record, self.faces, self.history_input)
        inputs = self._inputs.get(record.path, ())
        if not inputs and self._as_before:
            # The same faces everywhere: what the page shows of other records is what it
            # showed, and only its own record can have changed.
            kept = self.reuse.inputs(f"page:{record.path}")
            if kept and kept[0] is record:
                inputs = self._inputs[record.path] = kept
        if not inputs:  # the same for the record's page and its entry in the export
            near = self._shown_with(record)
            faces = (self.reuse.face(other) for other in near)
            inputs = self._inputs[record.path] = (record, self.history_input, *faces)
        return inputs

    @cached_property
    def _as_before(self) -> bool:
        """Whether every record's face and the history are the last build's."""
        if self.reuse is None or not self.reuse.seen_before(self.faces, self.history_input):
            return False
        self.reuse.touch("graph")  # drawn from the faces; not asked for when none changed
        return True

    def _shown_with(self, record: Record) -> list[Record]:
        """The records whose face a record's page shows: those it links to or is linked
        from, in the text or the graph (its project, its standards), by path."""
        near = {link.target.path: link.target for link in self.corpus.outgoing(record)}
        near.update((link.source.path, link.source) for link in self.corpus.incoming(record))
        by_path = self.graph.by_path
        for edge in self.graph.touching.get(record.path, []):
            for path in (edge.source, edge.target):
                near[path] = by_path[path]
        near.pop(record.path, None)
        return [near[path] for path in sorted(near)]

    def _drawing(self, draw: Callable[[], T]) -> tuple[T, dict[str, str]]:
        """What ``draw`` returns, and the files (pictures) it made."""
        before = set(self.files)
        value = draw()
        return value, {path: text for path, text in self.files.items() if path not in before}

    @cached_property
    def graph(self) -> Graph:
        if self.reuse is None:
            return Graph(self.corpus)
        # The graph is made of faces (links, titles, statuses): the same faces, the same
        # graph, though the records behind them may have new bodies.
        return self.reuse.value("graph", (self.faces,), lambda: Graph(self.corpus))

    def graph_page(self) -> list[Page]:
        """Every record in pictures: one per project, one per group of linked records,
        none with more than ``graph_limit`` nodes. When they hold more than
        ``page_limit`` nodes in all, they are shared out among pages of their own and
        the graph page lists them (ADR-0026)."""
        here = self.graph_path
        drawn = clusters(self.graph, self.settings.graph_limit)
        runs = pack([len(c.nodes) for c in drawn], self.settings.page_limit)
        if len(runs) <= 1:
            runs, paths = [range(len(drawn))], [here]
        else:
            paths = _unique_paths(parts_folder(here), [drawn[run[0]].key for run in runs])
        page_of = {drawn[i].key: path for run, path in zip(runs, paths, strict=True) for i in run}
        for cluster in drawn:
            src = f"{GRAPH_FOLDER}/{file_token(cluster.key)}.svg"
            self.files[src] = self.render("graph_file.svg.j2", {"c": self._picture(cluster)})
        values: dict[str, object] = {
            "clusters": [],
            "index_link": self.href(here, self.index_path),
            "legend": legend(self.settings.kinds),
            "nav": None,
            "parts": [],
        }
        if len(paths) == 1:
            values["clusters"] = [self._picture_entry(c, here, page_of) for c in drawn]
            return [self._graph_page_of(here, values, "Decision graph")]
        values["parts"] = [
            {
                "title": c.title,
                "count": len(c.nodes),
                "href": f"{self.href(here, page_of[c.key])}#graph-{css_token(c.key)}",
            }
            for c in drawn
        ]
        values["limit"] = self.settings.page_limit
        values["total"] = sum(len(c.nodes) for c in drawn)
        pages = [self._graph_page_of(here, values, "Decision graph")]
        titles = [_run_title([drawn[i].title for i in run]) for run in runs]
        for number, (run, path) in enumerate(zip(runs, paths, strict=True)):
            part_values = {
                **values,
                "parts": [],
                "clusters": [self._picture_entry(drawn[i], path, page_of) for i in run],
                "index_link": self.href(path, self.index_path),
                "nav": self._part_nav(
                    path, here, "Decision graph", list(zip(paths, titles, strict=True)), number
                ),
            }
            title = f"Decision graph: {titles[number]}"
            pages.append(self._graph_page_of(path, part_values, title, part=True))
        return pages

    def _graph_page_of(
        self, here: str, values: dict[str, object], title: str, part: bool = False
    ) -> Page:
        if part:
            return self._part_page(here, title, _graph_summary(values), "graph.html.j2", values)
        markdown = self.render("graph.md.j2", values)
        return Page(here, markdown, html_at_end=self.render("graph.html.j2", values), title=title)

    def _part_page(
        self, here: str, title: str, summary: str, template: str, values: Mapping[str, object]
    ) -> Page:
        """One page of a list or graph split in parts: its title and summary above, the
        part itself (``template`` with ``values``) below."""
        return Page(
            here,
            self.render("part.md.j2", {"title": title, "summary": summary}),
            html_at_end=self.render(template, values),
            title=title,
        )

    def _picture_entry(
        self, cluster: Cluster, here: str, page_of: dict[str, str]
    ) -> dict[str, object]:
        """How a page shows one picture: its file, size, and the other parts of the same
        project or group, when it had to be split."""
        folder = posixpath.dirname(page_url(here, self.use_directory_urls)) or "."
        src = f"{GRAPH_FOLDER}/{file_token(cluster.key)}.svg"
        siblings = []
        for key in cluster.parts:
            target = page_of[key]
            link = "" if target == here else self.href(here, target)
            siblings.append(
                {
                    "href": f"{link}#graph-{css_token(key)}",
                    "number": cluster.parts.index(key) + 1,
                    "this": key == cluster.key,
                }
            )
        return {
            "key": cluster.key,
            "title": cluster.title,
            "width": int(cluster.width),
            "src": relative_path(src, folder),
            "count": len(cluster.nodes),
            "siblings": siblings,
        }

    def _picture(self, cluster: Cluster) -> dict[str, object]:
        """A picture's values for ``graph_file.svg.j2``. All pictures are files in one
        folder, so each record's node is the same markup everywhere: made once."""
        by_path = self.graph.by_path
        return {
            "title": cluster.title,
            "width": _number(cluster.width),
            "height": _number(cluster.height),
            "style": self._graph_style,
            "nodes": [
                {
                    "x": _number(node.x),
                    "y": _number(node.y),
                    "centre": node.centre,
                    "body": self._node_markup(node.record),
                }
                for node in cluster.nodes
            ],
            "edges": [
                {
                    "kind": drawn.edge.kind,
                    "d": Markup(drawn.path),  # numbers and path commands only
                    "arrow": drawn.edge.kind in ARROWS,
                    "label": f"{by_path[drawn.edge.source].id} {EDGE_LABELS[drawn.edge.kind]} "
                    f"{by_path[drawn.edge.target].id}",
                }
                for drawn in cluster.edges
            ],
        }

    @cached_property
    def _graph_style(self) -> Markup:
        """The style and markers of every picture: the same in each, made once."""
        return Markup(self.render("graph_style.svg.j2", {"palette": PICTURE_PALETTE}))

    def _node_markup(self, record: Record) -> Markup:
        cached = self._nodes.get(record.path)
        if cached is None:
            href = self._asset_href(f"{GRAPH_FOLDER}/x.svg", record.site_path)
            status = record.status or record.raw_status or "unknown"
            values = {
                "href": href if is_safe_link(href) else None,
                "id": record.id,
                "title": record.title,
                "status": status,
                "kind": record.kind,
                "kind_noun": self.settings.kinds[record.kind].noun.lower(),
                "shape": node_shape(record.kind),
                "w": node_width(record) / 2,
                "h": NODE_HEIGHT / 2,
                "label": short_label(record.id, label_length(record)),
                "status_label": short_label(status, label_length(record)),
            }
            cached = self._nodes[record.path] = Markup(self.render("graph_node.svg.j2", values))
        return cached

    def _asset_href(self, asset: str, to_page: str) -> str:
        target = page_url(to_page, self.use_directory_urls)
        relative = relative_path(target or ".", posixpath.dirname(asset) or ".")
        if target.endswith("/") or not target:
            relative = "./" if relative == "." else f"{relative}/"
        return quote(relative)

    def compliance_page(self, here: str) -> Page:
        values = self.trace_pages.compliance_values(here)
        return Page(
            here,
            self.render("compliance.md.j2", values),
            html_at_end=self.render("compliance.html.j2", values),
        )

    # --- record pages -------------------------------------------------------------

    def record_page(self, record: Record) -> Page:
        kind = self.settings.kinds[record.kind]
        here = record.site_path
        successor = self.corpus.successor(record)
        banner = record.status in BANNER_STATUSES.get(record.kind, DECISION_BANNERS)
        # A slug id (log4brains) repeats the file name; only a numbered id adds to the title.
        stem = posixpath.splitext(posixpath.basename(record.path))[0]
        # Projects go by their title; their id is a slug for links.
        named_by_file = record.id.lower() == stem.lower() or record.kind == "project"
        heading = record.title if named_by_file else f"{record.id}: {record.title}"
        values = {
            "heading": heading,
            "page_tags": self._page_tags(record),
            "record": record,
            "kind": kind,
            "status": record.status or record.raw_status or "unknown",
            "known_status": record.status is not None,
            # The team's own word, where an alias reads it as another (`Deferred` as draft)
            "status_as_written": _as_written(record),
            "facts": self._facts(record),
            "discussion": record.value("discussion"),
            "links": self.trace_pages.header_links(record, here)
            + self._link_groups(
                record, here, banner and bool(successor) and kind.name != "project"
            ),
            "banner": banner,
            # A record split in two (Buildpacks' RFC 4, superseded by RFC 60 and RFC 106):
            # the banner names every successor, the header none of them a second time.
            "successors": [
                self.entry(other, here)
                for other in self.corpus.successors(record)
                if other.path != record.path
            ],
            "body": self._with_links_to_pages(record, shown_body(record)),
            "title_anchors": title_anchors(record, heading),
            "history": self._status_rows(record),
        }
        return Page(
            here,
            self.render("record.md.j2", values),
            record.source_path,
            html_after_title=self.render("record_header.html.j2", values) + self._tradeoffs(record),
            html_at_end=self.trace_pages.record_sections(record, here)
            + self._neighbourhood(record, here)
            + self.render("record_history.html.j2", values),
            title=heading,
        )

    def _tradeoffs(self, record: Record) -> str:
        """The record's trade-off matrix, below its header (ADR-0023); "" without one."""
        matrix = matrix_for(self.corpus, self.settings, record)
        if matrix is None or not weighs_against_rows(matrix):
            return ""
        return self.render("record_tradeoffs.html.j2", {"matrix": matrix_values(matrix)})

    def _page_tags(self, record: Record) -> str:
        """With ``tags: true``: the status, the kind and the record's own tags as page tags
        for Material's tags plugin, written as a JSON list (which is also YAML)."""
        if not self.settings.tags:
            return ""
        status = record.status or record.raw_status
        words = [status] if status else []
        words.append(self.settings.kinds[record.kind].noun)
        words += [tag for tag in record.strings("tags") if tag not in words]
        # Material writes tag names into the page as they are: escape them here.
        return json.dumps([str(escape(word)) for word in words], ensure_ascii=False)

    def _neighbourhood(self, record: Record, here: str) -> str:
        """The record's neighbourhood as an SVG file of its own, shown through <object>:
        the page keeps only a link list (its fallback), so pages stay small (ADR-0016)."""
        near = neighbourhood(record, self.graph) if self.settings.neighbourhoods else None
        if near is None:
            return ""
        src = f"{GRAPH_FOLDER}/{file_token(record.path)}.svg"
        self.files[src] = self.render("graph_file.svg.j2", {"c": self._picture(near)})
        values = {
            "src": relative_path(
                src, posixpath.dirname(page_url(here, self.use_directory_urls)) or "."
            ),
            "width": int(near.width),
            "title": near.title,
            "count": len(near.nodes),
        }
        return self.render("record_graph.html.j2", {"near": values})

    def _facts(self, record: Record) -> list[tuple[str, str]]:
        facts = []
        if record.date:
            facts.append(("Date", record.date.isoformat()))
        for key, label in (
            ("deciders", "Deciders"),
            ("authors", "Authors"),
            ("reviewers", "Reviewers"),
            ("consulted", "Consulted"),
            ("informed", "Informed"),
        ):
            names = record.strings(key)
            if names:
                facts.append((label, ", ".join(names)))
        for key, label in (("category", "Category"), ("owner", "Owner")):
            if record.value(key):
                facts.append((label, str(record.value(key))))
        if record.kind == "standard":
            mandatory = record.value("mandatory") is True
            facts.append(("Mandatory", "yes: not negotiable" if mandatory else "no"))
        if record.strings("stakeholders"):
            facts.append(("Stakeholders", ", ".join(record.strings("stakeholders"))))
        review_by = record.value("review_by")
        if review_by:
            due = review_date(record)
            days = (due - self.corpus.today).days if due else 0
            soon = due is not None and days <= UPCOMING_DAYS
            shown = f"{review_by} ({_review_distance(days)})" if soon else str(review_by)
            facts.append(("Review by", shown))
        facts.extend(self._git_facts(record))
        tags = record.strings("tags")
        if tags:
            facts.append(("Tags", ", ".join(tags)))
        if record.waivers:
            facts.append(("Waives", "; ".join(f"{w.rule} ({w.reason})" for w in record.waivers)))
        return facts

    def _git_facts(self, record: Record) -> list[tuple[str, str]]:
        history = self.corpus.history
        if not history.available:
            return []
        # Named for the commits they come from, so that they do not read as the record's
        # own dates (a TAP's `* Created: 18-03-2020` is its Date; its first commit is later).
        file = history.of(record.path)
        if file is None:
            return [("First commit", "uncommitted")]
        facts = [("First commit", file.created.day.isoformat())]
        if file.updated.sha != file.created.sha:
            facts.append(("Last change", file.updated.day.isoformat()))
        accepted = file.changed_to("accepted")
        if accepted:
            facts.append(("Marked accepted", accepted.day.isoformat()))
        facts.append(("Contributors", ", ".join(file.authors)))
        return facts

    def _commit(self, commit: Commit) -> dict[str, str]:
        url = self.commit_url.replace("{sha}", commit.sha) if self.commit_url else ""
        return {"short": commit.short, "url": web_link(url) if url else ""}

    def _with_links_to_pages(self, record: Record, body: str) -> str:
        """The body with links to folder records' README.md pointed at their pages, and
        links to templates (which are not published) as text."""
        if ".htm" in body:  # "[ADR 39](0039-x.html)": the page Jekyll made of a record
            body = links_to_sources(body, record, self._record_paths())
        if ".md" not in body:
            return body
        body = without_links_to(body, record.path, self._skipped())

        def folder_pages() -> dict[str, str]:
            pages = {
                other.path: other.site_path
                for other in self.corpus.records
                if posixpath.basename(other.path) != posixpath.basename(other.site_path)
            }
            # A folder's README, which is its index page here (`[the guide](README.md)`)
            for landing in self.corpus.landing_pages:
                folder = _folder_of(landing.source.site_path)
                pages.setdefault(landing.source.path, _index_path(folder))
            return pages

        pages = self.corpus.memo("pages of folder records", folder_pages)
        return links_to_pages(body, record, pages) if pages else body

    def _record_paths(self) -> frozenset[str]:
        corpus = self.corpus
        return corpus.memo("record paths", lambda: frozenset(r.path for r in corpus.records))

    def _skipped(self) -> frozenset[str]:
        """The templates of the record folders, which are not published (other skipped
        files, document pages and a record's annexes, are pages of the site)."""
        corpus = self.corpus
        return corpus.memo(
            "unpublished templates",
            lambda: frozenset(t.path for t in corpus.templates) & frozenset(corpus.skipped),
        )

    def _status_rows(self, record: Record) -> list[dict[str, object]]:
        """The record's status changes, oldest first, for its History section."""
        file = self.corpus.history.of(record.path)
        if file is None:
            return []
        return [
            {
                "date": change.commit.day.isoformat(),
                "commit": self._commit(change.commit),
                "author": change.commit.author,
                # A status written into a record committed without one is a change.
                "old": change.old or (None if change.created else "no status"),
                "new": change.new or "no status",
            }
            for change in file.status_timeline
        ]

    def _link_groups(
        self, record: Record, here: str, in_banner: bool = False
    ) -> list[tuple[str, list[dict[str, str]]]]:
        """The header's rows of related records; the successors the banner names below the
        header (``in_banner``) are not listed a second time."""
        corpus = self.corpus
        successors = corpus.successors(record)
        groups = [
            ("Supersedes", corpus.predecessors(record)),
            ("Superseded by", [] if in_banner else successors),
            ("Decisions", corpus.decisions_of(record)),
            ("Discussed in", corpus.decided_in(record)),
            ("Related", corpus.related(record)),
        ]
        shown = {r.path for _, records in groups for r in records}
        shown |= {r.path for r in successors} if in_banner else set()
        shown |= self.trace_pages.linked_paths(record)
        # Anything else that points here (e.g. a future relation) is still shown.
        referenced_by = corpus.referenced_by(record)
        groups.append(("Referenced by", [r for r in referenced_by if r.path not in shown]))
        rows = [
            (label, [self.entry(r, here) for r in records]) for label, records in groups if records
        ]
        translations = [
            {"href": self.href(here, page), "id": language, "title": "", "note": ""}
            for language, page in record.translations
        ]
        return rows + ([("Translations", translations)] if translations else [])

    def _row(self, record: Record, here: str) -> dict[str, str]:
        """An index table row: the entry, plus what the filters match on."""
        trace = self.corpus.traceability
        projects = [record] if record.kind == "project" else []
        if record.kind not in ("project", "standard"):
            own = trace.own_project(record)
            projects = [own] if own is not None else []
        return {
            **self.entry(record, here),
            "projects": " ".join(p.id.lower() for p in projects),
            "tags": " ".join(tag.lower() for tag in record.strings("tags")),
            "text": f"{record.id} {record.title}".lower(),
        }

    # --- index pages ----------------------------------------------------------------

    def folder_pages(self) -> list[Page]:
        """One index per kind folder and per sub-folder, each topped by its landing page."""
        pages = []
        landing = {_folder_of(page.source.site_path): page for page in self.corpus.landing_pages}
        for kind in self.settings.kinds.values():
            base = self.corpus.site_bases.get(kind.name)
            if base is None:
                continue
            records = [r for r in self.corpus.records if r.kind == kind.name]
            groups = {r.group for r in records if r.group}
            groups |= {p.source.group for p in landing.values() if p.kind == kind.name}
            for group in sorted(groups | {""}):
                members = [
                    r
                    for r in records
                    if not group or r.group == group or r.group.startswith(f"{group}/")
                ]
                folder = f"{base}/{group}" if group else base
                pages.extend(self._folder_page(kind, folder, group, members, landing.get(folder)))
        return pages

    def _folder_page(
        self,
        kind: KindSpec,
        folder: str,
        group: str,
        records: list[Record],
        landing: LandingPage | None,
    ) -> list[Page]:
        here = _index_path(folder)
        title = kind.label if not group else group.rsplit("/", 1)[-1].replace("-", " ").capitalize()
        intro = ""
        if landing is not None:
            landing_title, intro = _landing_content(landing)
            intro = without_record_lists(intro, landing.source.path, records)
            intro = without_links_to(intro, landing.source.path, self._skipped())
            title = landing_title or title
        values = {
            "title": title,
            "intro": intro,
            "groups": self._by_status(records, here, kind.statuses),
            "count": len(records),
            "show_kind": False,
            "parts": [],
        }
        template = "folder_index.html.j2"
        if not group and kind.name == "standard":  # the standards catalogue
            template = "standards_catalogue.html.j2"
            values.update(self.trace_pages.catalogue_values(here))
        elif not group and kind.name == "project":
            template = "projects_index.html.j2"
            values.update(self.trace_pages.projects_values(here))
        split = []
        if template == "folder_index.html.j2":
            split = self._split_index(here, title, records, kind.statuses, False, values)
        return [
            Page(
                here,
                self.render("folder_index.md.j2", values),
                landing.source.source_path if landing else None,
                html_at_end=self.render(template, values),
                title=title,
            ),
            *split,
        ]

    def decisions_index(self) -> list[Page]:
        here = self.index_path
        statuses: list[str] = []
        for kind in self.settings.kinds.values():
            if kind.decision:
                statuses.extend(s for s in kind.statuses if s not in statuses)
        decisions = [r for r in self.corpus.records if self.settings.kinds[r.kind].decision]
        kind_links = [
            {
                "label": kind.label,
                "count": sum(1 for r in self.corpus.records if r.kind == kind.name),
                "link": relative_link(here, _index_path(self.corpus.site_bases[kind.name])),
            }
            for kind in self.settings.kinds.values()
            if kind.name in self.corpus.site_bases
        ]
        values = {
            "title": "Decisions",
            "kinds": kind_links,
            "recent": self._recently_changed(here),
            "due": self._due_for_review(here),
            "upcoming_days": UPCOMING_DAYS,
            "timeline_link": relative_link(here, self.timeline_path) if self.has_timeline else "",
            "feed_link": relative_link(here, self.feed_path),
            "graph_link": relative_link(here, self.graph_path),
            "json_link": relative_link(here, self.json_path),
            "groups": [],
            "count": len(self.corpus.records),
            "show_kind": True,
            "parts": [],
        }
        split = self._split_index(here, "Decisions", decisions, tuple(statuses), True, values)
        if not split:
            values["groups"] = self._by_status(decisions, here, tuple(statuses))
        return [
            Page(
                here,
                self.render("decisions_index.md.j2", values),
                html_at_end=self.render("decisions_index.html.j2", values),
            ),
            *split,
        ]

    def _split_index(
        self,
        here: str,
        title: str,
        records: list[Record],
        order: tuple[str, ...],
        show_kind: bool,
        values: dict[str, object],
    ) -> list[Page]:
        """An index with more records than ``page_limit``: a page per year (per month for
        a year over the limit), each grouped by status as the index would be. ``values``
        (the index's own) get the table of those pages; [] when the index fits."""
        parts = by_date(records, _record_day, self.settings.page_limit)
        if parts is None:
            return []
        paths = [f"{parts_folder(here)}/{part.key}.md" for part in parts]
        titles = [part.title for part in parts]
        pairs = list(zip(paths, titles, strict=True))
        grouped = [
            self._by_status(part.items, path, order)
            for part, path in zip(parts, paths, strict=True)
        ]
        present = {status for groups in grouped for status, _ in groups}
        columns = [status for status in (*order, "unknown status") if status in present]
        values["parts"] = [
            {
                "title": part.title,
                "href": self.href(here, path),
                "count": len(part.items),
                "counts": [(status, len(dict(groups).get(status, []))) for status in columns],
            }
            for part, path, groups in zip(parts, paths, grouped, strict=True)
        ]
        values["statuses"] = columns
        values["limit"] = self.settings.page_limit
        values["heading"] = "By year"
        values["split_months"] = any(len(part.key) > 4 and part.key[4] == "-" for part in parts)
        pages = []
        for number, (part, path, groups) in enumerate(zip(parts, paths, grouped, strict=True)):
            page_title = f"{title}: {part.title}"
            dated = "without a date" if part.key == "undated" else f"dated {part.title}"
            summary = f"The {len(part.items)} of {len(records)} records {dated}."
            part_values = {
                "nav": self._part_nav(path, here, title, pairs, number),
                "groups": groups,
                "show_kind": show_kind,
            }
            pages.append(self._part_page(path, page_title, summary, "part.html.j2", part_values))
        return pages

    def _part_nav(
        self, here: str, overview: str, label: str, parts: list[tuple[str, str]], number: int
    ) -> dict[str, object]:
        """The links at the top of one page of a split list: its first page, the pages
        before and after it."""

        def link(index: int) -> dict[str, str] | None:
            if not 0 <= index < len(parts):
                return None
            path, title = parts[index]
            return {"href": self.href(here, path), "title": title}

        return {
            "overview": self.href(here, overview),
            "overview_label": label,
            "newer": link(number - 1),
            "older": link(number + 1),
            "number": number + 1,
            "count": len(parts),
        }

    def _due_for_review(self, here: str) -> list[dict[str, object]]:
        return [
            {
                **self.entry(review.record, here),
                "due": review.due.isoformat(),
                "overdue": review.overdue,
                "when": _review_distance(review.days),
            }
            for review in due_for_review(self.corpus)
        ]

    def _recently_changed(self, here: str, limit: int = 10) -> list[dict[str, str]]:
        history = self.corpus.history
        dated = [
            (history.files[r.path].updated, r)
            for r in self.corpus.records
            if r.path in history.files
        ]
        dated.sort(key=lambda pair: (pair[0].date, pair[1].path), reverse=True)
        return [
            {**self.entry(record, here), "updated": commit.day.isoformat()}
            for commit, record in dated[:limit]
        ]

    def timeline(self) -> list[Page]:
        """Every status change of every record, newest first, grouped by month; with
        more than ``page_limit`` of them, a page per year (or month) and a list of them."""
        here = self.timeline_path
        events = []
        for record in self.corpus.records:
            file = self.corpus.history.of(record.path)
            for change in file.status_timeline if file else ():
                events.append((change, record))
        events.sort(key=lambda pair: (pair[0].commit.date, pair[1].path), reverse=True)
        parts = by_date(events, lambda pair: pair[0].commit.day, self.settings.page_limit)
        if parts is None:
            whole = {"months": self._months(events, here), "nav": None, "parts": []}
            return [
                Page(
                    here,
                    self.render("timeline.md.j2", whole),
                    html_at_end=self.render("timeline.html.j2", whole),
                )
            ]
        paths = [f"{parts_folder(here)}/{part.key}.md" for part in parts]
        pairs = [(path, part.title) for path, part in zip(paths, parts, strict=True)]
        months = [self._months(part.items, path) for part, path in zip(parts, paths, strict=True)]
        listed = [
            {
                "title": part.title,
                "href": self.href(here, path),
                "count": len(part.items),
                # a page per year lists its months; a month's own page needs no anchors
                "months": [name for name, _ in by_month] if len(by_month) > 1 else [],
            }
            for part, path, by_month in zip(parts, paths, months, strict=True)
        ]
        values: dict[str, object] = {"months": [], "nav": None, "parts": listed}
        values.update(limit=self.settings.page_limit, total=len(events))
        pages = [
            Page(
                here,
                self.render("timeline.md.j2", values),
                html_at_end=self.render("timeline.html.j2", values),
            )
        ]
        for number, (part, path) in enumerate(zip(parts, paths, strict=True)):
            title = f"Timeline: {part.title}"
            summary = f"{len(part.items)} of {len(events)} status changes, newest first."
            part_values = {
                "months": months[number],
                "nav": self._part_nav(path, here, "Timeline", pairs, number),
                "parts": [],
            }
            pages.append(self._part_page(path, title, summary, "timeline.html.j2", part_values))
        return pages

    def _months(
        self, events: list[tuple[StatusChange, Record]], here: str
    ) -> list[tuple[str, list[dict[str, object]]]]:
        months: dict[str, list[dict[str, object]]] = {}
        for change, record in events:
            month = change.commit.date.strftime("%B %Y")
            months.setdefault(month, []).append(
                {
                    **self.entry(record, here),
                    "day": change.commit.day.isoformat(),
                    "old": change.old or (None if change.created else "no status"),
                    "new": change.new or "no status",
                    "commit": self._commit(change.commit),
                    "author": change.commit.author,
                }
            )
        return list(months.items())

    def _by_status(
        self, records: list[Record], here: str, order: tuple[str, ...]
    ) -> list[tuple[str, list[dict[str, str]]]]:
        grouped: dict[str, list[dict[str, str]]] = {status: [] for status in order}
        unknown: list[dict[str, str]] = []
        for record in records:
            entry = self._row(record, here)
            if record.status in grouped:
                grouped[record.status].append(entry)
            else:
                unknown.append(entry)
        result = [(status, entries) for status, entries in grouped.items() if entries]
        if unknown:
            result.append(("unknown status", unknown))
        return result


def _record_day(record: Record) -> dt.date | None:
    return record.date


def _unique_paths(folder: str, keys: list[str]) -> list[str]:
    """A page path per key in ``folder``, from the key's words; a number when two keys
    have the same words."""
    paths: list[str] = []
    for key in keys:
        stem = css_token(key)
        path, number = f"{folder}/{stem}.md", 2
        while path in paths:
            path, number = f"{folder}/{stem}-{number}.md", number + 1
        paths.append(path)
    return paths


def _run_title(titles: list[str]) -> str:
    """What a page of pictures is called: its picture's title, or the first and last."""
    return titles[0] if len(titles) == 1 else f"{titles[0]} to {titles[-1]}"


def _graph_summary(values: dict[str, object]) -> str:
    clusters = values["clusters"]
    assert isinstance(clusters, list)
    count = sum(int(c["count"]) for c in clusters)
    noun = "picture" if len(clusters) == 1 else "pictures"
    return f"{len(clusters)} {noun} of the decision graph, {count} records in all."


def _review_distance(days: int) -> str:
    """How a review date stands to today, in words: "overdue by 3 days", "due today",
    "due in 12 days"."""
    if days == 0:
        return "due today"
    plural = "s" if abs(days) != 1 else ""
    return f"overdue by {-days} day{plural}" if days < 0 else f"due in {days} day{plural}"


def _stamp(path: str) -> tuple[str, int, int]:
    """A file's path, modification time and size: whether it changed since last time."""
    try:
        stat = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, stat.st_mtime_ns, stat.st_size)


# A link in Markdown to a README.md or index.md, inline or as a reference definition.
_LINK_TO_FOLDER_PAGE = re.compile(
    r"(?P<lead>\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?)(?P<target>[^)\s>#]*?(?:readme|index)\.md)"
    r"(?=[#)\s>]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def links_to_pages(body: str, record: Record, pages: Mapping[str, str]) -> str:
    """The body with its links to records kept as their folder's README.md pointed at
    their pages (``../0002/README.md`` to ``../0002/index.md``, where the site has it).
    ``pages`` maps a record's path in the repository to its page's path in the site."""

    def pointed(match: re.Match[str]) -> str:
        target = match["target"]
        if "://" in target:
            return match[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(record.path), target))
        page = pages.get(path)
        if page is None:
            return match[0]
        return match["lead"] + relative_link(record.site_path, page)

    return _LINK_TO_FOLDER_PAGE.sub(pointed, body)


def _as_written(record: Record) -> str:
    """The status word as the record writes it, when the page's status is another word
    (an alias: `Deferred` shown as draft, `Final` as accepted); "" otherwise."""
    written = " ".join((record.raw_status or "").split())
    if not written or record.status is None or record.status_assumed:
        return ""
    return "" if written.lower() == record.status.lower() else written


def title_anchors(record: Record, heading: str) -> list[str]:
    """The ids of the body's title heading, which the page does not show (its header has
    the title): the record's own links to it (a table of contents written for GitHub:
    ``[GEP-0030: Title](#gep-0030-title)``) still lead to the top of the page. Not the
    page heading's own id, which it has already."""
    if not record.title_heading:
        return []
    own = set(heading_anchors(plain_text(heading)))
    return [a for a in heading_anchors(plain_text(record.title_heading)) if a not in own]


def shown_body(record: Record) -> str:
    """The record's Markdown as its page shows it: without the metadata lines that the
    page header repeats (``* Status: accepted``, ``| Date | ... |``, a ``## Status``
    section holding only the status). The file keeps them; lines are blanked, not
    removed, so the Markdown's structure stays, except a table's rows hidden from a table
    that keeps others: those are left out, as a blank line would end the table."""
    if not record.hidden_lines:
        return record.body
    lines = record.body.split("\n")
    hidden = {number - record.body_line for number in record.hidden_lines}
    hidden = {index for index in hidden if 0 <= index < len(lines)}
    left_out: set[int] = set()
    for index in hidden:
        if _TABLE_LINE.match(lines[index]) and _in_kept_table(lines, index, hidden):
            left_out.add(index)
    for index in hidden - left_out:
        lines[index] = ""
    return "\n".join(line for index, line in enumerate(lines) if index not in left_out)


def _in_kept_table(lines: list[str], index: int, hidden: set[int]) -> bool:
    """Whether the table row at ``index`` is in a table some of whose rows stay."""
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(lines) and _TABLE_LINE.match(lines[at]):
            if at not in hidden:
                return True
            at += step
    return False


def _number(value: float) -> Markup:
    """A coordinate for SVG: one decimal, and safe as it is (no escaping to do)."""
    return Markup(f"{value:.1f}")


def _index_path(folder: str) -> str:
    return f"{folder}/index.md" if folder not in ("", ".") else "index.md"


def _folder_of(site_path: str) -> str:
    return posixpath.dirname(site_path) or "."


_ITEM_OR_ROW = re.compile(r"^\s*(?:[-*+]|\d{1,4}[.)])\s+\S|^\s*\|")
_TABLE_LINE = re.compile(r"^\s*\|")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>#]+)")


_MARKDOWN_LINK = re.compile(
    r"(?<!!)\[(?P<text>[^\[\]]*)\]\(\s*<?(?P<target>[^)\s>#?]+\.md)(?:#[^)\s>]*)?>?"
    r"(?:\s+\"[^\"]*\")?\s*\)",
    re.IGNORECASE,
)


_LINK_TO_HTML = re.compile(r"(?P<lead>\]\(\s*<?)(?P<target>[^)\s>#?:]+)\.html?(?=[#)\s>])")


def links_to_sources(markdown: str, record: Record, records: frozenset[str]) -> str:
    """``markdown`` with its links to the pages a Jekyll site published of records
    (``0039-workspace-deprecation.html``) pointed at the records' files, which this site
    publishes as pages; other links stay."""
    folder = posixpath.dirname(record.path)

    def pointed(match: re.Match[str]) -> str:
        source = f"{match['target']}.md"
        if posixpath.normpath(posixpath.join(folder, unquote(source))) not in records:
            return match[0]
        return f"{match['lead']}{source}"

    return _LINK_TO_HTML.sub(pointed, markdown)


def without_links_to(markdown: str, from_path: str, unpublished: frozenset[str]) -> str:
    """``markdown`` with its links to files that are not published (a collection's
    template: "use [the template](adr-template.md)") written as their text and the
    file's name, so that the page names the file and no link leads nowhere."""
    if not unpublished or ".md" not in markdown.lower():
        return markdown
    folder = posixpath.dirname(from_path)

    def unlinked(match: re.Match[str]) -> str:
        target = match["target"]
        if "://" in target:
            return match[0]
        path = posixpath.normpath(posixpath.join(folder, unquote(target)))
        if path not in unpublished:
            return match[0]
        name = posixpath.basename(path)
        text = match["text"].strip()
        if not text or text.strip("`") == name:
            return f"`{name}`"
        return f"{text} (`{name}`)"

    lines = markdown.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening and (not fence or opening[1].startswith(fence)):
            fence = "" if fence else opening[1]  # code shows links as written
        elif not fence and ".md" in line.lower():
            lines[number] = _MARKDOWN_LINK.sub(unlinked, line)
    return "\n".join(lines)


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def without_record_lists(intro: str, landing_path: str, records: list[Record]) -> str:
    """A landing page's text without the list it keeps of the folder's records (adr-tools'
    README: `* [1. Record architecture decisions](0001-record-architecture-decisions.md)`,
    a table of them): the index below lists them already, with their statuses. List
    items and table rows whose every link is to a record of the folder go, when there
    are two or more; a table left without rows goes whole. The prose stays."""
    paths = {record.path for record in records}
    folder = posixpath.dirname(landing_path)

    def of_records(line: str) -> bool:
        targets = _LINK_TARGET.findall(line)
        return bool(targets) and all(
            posixpath.normpath(posixpath.join(folder, target)) in paths for target in targets
        )

    lines = intro.split("\n")
    listed = [i for i, line in enumerate(lines) if _ITEM_OR_ROW.match(line) and of_records(line)]
    if len(listed) < 2:
        return intro
    gone = set(listed)
    # A table whose data rows are all gone goes with its header and rule.
    start = None
    for index in range(len(lines) + 1):
        in_table = index < len(lines) and bool(_TABLE_LINE.match(lines[index]))
        if in_table and start is None:
            start = index
        elif not in_table and start is not None:
            rows = range(start + 2, index)
            if rows and all(row in gone for row in rows):
                gone.update(range(start, index))
            start = None
    return "\n".join(line for index, line in enumerate(lines) if index not in gone).strip()


_PAGE_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


def _landing_content(landing: LandingPage) -> tuple[str | None, str]:
    """A landing page's own title and the Markdown below it."""
    try:
        data = read_regular_file(landing.source.source_path)
    except OSError:
        return None, ""
    text = without_control_characters(data.decode("utf-8", errors="replace"))
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    front = split_front_matter(lines, landing.source.path)
    declared = front.fields.get("title")
    lines = lines[front.body_start :]
    structure = scan_body(lines, 1)
    heading = plain_text(structure.title) if structure.title else None
    title = str(declared.value) if declared and isinstance(declared.value, str) else heading
    if heading and title and _PAGE_SLUG.fullmatch(title.strip()):
        title = heading  # Jekyll's `title: index` over "# Architectural Decision Log"
    if structure.title_index is not None:
        end = structure.title_index + structure.title_lines
        return title, "\n".join(lines[: structure.title_index] + lines[end:]).strip()
    return title, "\n".join(lines).strip()
