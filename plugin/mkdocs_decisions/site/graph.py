"""The decision graph: records as nodes, their relations as typed edges, laid out at build
time as SVG (no JavaScript library, nothing from the network).

A graph of every record at once is a hairball beyond a few dozen records, so the
graph page is clustered: one picture per project (the project, its decisions and
the standards they follow), then one per group of connected decisions outside any
project. Each record page shows its neighbourhood: the record and what it links to
or is linked from.

Every picture is a layered drawing (``layout.py``) whose layers follow the edges:
projects on top, then the decisions that address them, a superseded decision above
the one that supersedes it and an RFC above the decisions it led to, then the
standards they follow or deviate from. Node shapes say the kind, fills and a word in
the node the status; the colours read on both palettes' backgrounds (ADR-0022).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record
from .layout import Link, Spacing, layered_layout, route_path

# Edge types, in the order the legend lists them.
EDGE_TYPES = ("supersedes", "related", "decisions", "addresses", "complies", "deviates")

# Which end of an edge is drawn above the other, and whether the edge orders the
# layers: a superseded record sits above its successor, a project above the decisions
# that address it, an RFC above the decisions it led to, a standard below its followers.
# "related" is symmetric and does not rank: its ends go on different layers only
# where the band has layers to spare (layout.py).
UPPER_END = {
    "supersedes": "target",
    "addresses": "target",
    "decisions": "source",
    "complies": "source",
    "deviates": "source",
    "related": "source",
}
RANKING = ("supersedes", "addresses", "decisions", "complies", "deviates")
# A project's links to its decisions leave it on one trunk, a standard's followers
# reach it on one: shared lines, not a fan of a hundred crossing ones.
TRUNKS: dict[str, Literal["upper", "lower"]] = {
    "addresses": "upper",
    "complies": "lower",
    "deviates": "lower",
}
BANDS = {"project": 0, "standard": 2}  # every other kind: 1, between them

# Fills by status. Each has a contrast of at least 4.5:1 with the white words inside
# the node, and at least 3:1 with the page behind it in both Material palettes (white,
# and slate's #1e2129): the pictures are files shown through <object>, which the page's
# palette does not reach, so their colours must read on either (ADR-0022).
STATUS_FILLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("#2e7d32", ("accepted", "active", "implemented", "delivered")),
    ("#1976d2", ("proposed", "draft", "review")),
    ("#d32f2f", ("rejected", "withdrawn")),
    ("#8d6e00", ("deprecated", "retired")),
    ("#9b4dca", ("superseded",)),
)
OTHER_FILL = "#757575"  # any other status (teams configure their own)
# Edges: colour, dash pattern, width. Colours of at least 3:1 on both backgrounds.
EDGE_STYLES: dict[str, tuple[str, str, float]] = {
    "supersedes": ("#9575cd", "", 2.2),
    "related": ("#8a8a8a", "5 4", 1.5),
    "decisions": ("#3b82d6", "2 3", 2.0),
    "addresses": ("#8a8a8a", "", 1.0),
    "complies": ("#43a047", "", 1.4),
    "deviates": ("#e53935", "6 3", 2.0),
}
ARROWS = ("supersedes", "decisions")  # edges with an arrow at their target
OUTLINE = "#8a8a8a"  # the outline of the picture's subject: 3:1 on both backgrounds
PICTURE_PALETTE = {
    "fills": STATUS_FILLS,
    "other": OTHER_FILL,
    "edges": EDGE_STYLES,
    "outline": OUTLINE,
    "arrows": ARROWS,
}
SHAPES = {"adr": "rect", "rfc": "pill", "standard": "hexagon", "project": "ellipse"}
LEGEND_EDGES = {
    "supersedes": "supersedes (arrow at the older)",
    "related": "related",
    "decisions": "RFC led to decision",
    "addresses": "addresses (a project's objectives)",
    "complies": "complies with",
    "deviates": "deviates from",
}

NODE_HEIGHT = 36.0
NODE_WIDTHS = {"project": 150.0}  # every other kind: NODE_WIDTH
NODE_WIDTH = 104.0
LABEL_LENGTHS = {"project": 20}  # characters that fit on one line; else LABEL_LENGTH
LABEL_LENGTH = 14
MIN_LAYER_WIDTH = 5  # a layer holds at least this many records before the next starts
SPACING = Spacing(node_height=NODE_HEIGHT, node_gap=14.0)


@dataclass(frozen=True)
class Edge:
    source: str  # record path
    target: str
    kind: str  # one of EDGE_TYPES


@dataclass(frozen=True)
class PlacedNode:
    record: Record
    x: float
    y: float
    centre: bool = False


@dataclass(frozen=True)
class DrawnEdge:
    """An edge and its route through the picture as SVG path data, from its source to
    its target."""

    edge: Edge
    path: str


@dataclass(frozen=True)
class Cluster:
    """One picture: its nodes with positions, the edges among them, and its size."""

    key: str
    title: str
    nodes: list[PlacedNode]
    edges: list[DrawnEdge]
    width: float
    height: float
    crossings: int = 0  # between adjacent layers, as the layout counted them
    parts: tuple[str, ...] = ()  # the keys of all parts of a split picture, this one too


class Graph:
    """Every record's typed edges, indexed by the records they touch."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.by_path = {record.path: record for record in corpus.records}
        self.edges = all_edges(corpus)
        self.touching: dict[str, list[Edge]] = {path: [] for path in self.by_path}
        self.between: dict[tuple[str, str], list[Edge]] = {}  # both ends, in path order
        for edge in self.edges:
            self.touching[edge.source].append(edge)
            self.touching[edge.target].append(edge)
            ends = (min(edge.source, edge.target), max(edge.source, edge.target))
            self.between.setdefault(ends, []).append(edge)

    def among(self, paths: set[str]) -> list[Edge]:
        """The edges whose both ends are in ``paths``, each once, in the same order on
        every run (the pictures are the same bytes for the same records).

        A standard touches hundreds of decisions: for a few records, looking up each
        pair is cheaper than walking every edge of every member."""
        members = sorted(paths)
        if sum(len(self.touching[path]) for path in members) <= len(members) ** 2:
            found = [
                e
                for path in members
                for e in self.touching[path]
                if e.source in paths and e.target in paths
            ]
        else:
            found = [
                e
                for number, first in enumerate(members)
                for second in members[number + 1 :]
                for e in self.between.get((first, second), ())
            ]
        unique = {(e.source, e.target, e.kind): e for e in found}
        return sorted(unique.values(), key=_edge_order)


def _edge_order(edge: Edge) -> tuple[str, str, int]:
    return (edge.source, edge.target, EDGE_TYPES.index(edge.kind))


def all_edges(corpus: Corpus) -> list[Edge]:
    """Every relation between two records, each once, typed."""
    trace = corpus.traceability
    found: dict[tuple[str, str, str], Edge] = {}

    def add(source: Record, target: Record, kind: str) -> None:
        if source.path != target.path:
            found.setdefault((source.path, target.path, kind), Edge(source.path, target.path, kind))

    for record in corpus.records:
        for older in corpus.predecessors(record):
            add(record, older, "supersedes")
        for other in corpus.related(record):
            if record.path < other.path:
                add(record, other, "related")
        for decision in corpus.decisions_of(record):
            add(record, decision, "decisions")
        if record.kind in ("project", "standard"):
            continue
        project = trace.own_project(record)
        addressed = {
            target.path: target
            for entry in trace.addresses.get(record.path, [])
            if (target := trace.project_of(record, entry)) is not None
        }
        if project is not None:
            addressed.setdefault(project.path, project)
        for target in addressed.values():
            add(record, target, "addresses")
        for standard in trace.named(record, "complies_with", "standard"):
            add(record, standard, "complies")
        for deviation in trace.deviations.get(record.path, []):
            departed = trace.resolve(record, deviation.standard_id, "standard")
            if departed is not None:
                add(record, departed, "deviates")
    return list(found.values())


def clusters(graph: Graph, limit: int | None = None) -> list[Cluster]:
    """The graph page's pictures: per project, then per group of connected records. A
    picture that would hold more than ``limit`` nodes is drawn in parts (ADR-0026)."""
    corpus, by_path = graph.corpus, graph.by_path
    trace = corpus.traceability
    placed: set[str] = set()
    result: list[Cluster] = []

    def followed(path: str) -> set[str]:
        return {
            e.target
            for e in graph.touching[path]
            if e.source == path and e.kind in ("complies", "deviates")
        }

    for project in trace.projects:
        members = [d.path for d in trace.decisions_in(project)]
        if not members:
            continue
        key, title = f"project-{project.id}", project.title
        portions = _portions([project], [by_path[p] for p in members], followed, limit)
        result.extend(_drawn_parts(key, title, portions, graph))
        placed |= set(members) | {project.path}
    # Outside projects: connected groups of decisions (standards and projects left out).
    rest = [
        r for r in corpus.records if r.path not in placed and r.kind not in ("project", "standard")
    ]
    neighbours: dict[str, set[str]] = {r.path: set() for r in rest}
    for edge in graph.edges:
        if edge.source in neighbours and edge.target in neighbours:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
    seen: set[str] = set()
    groups: list[list[str]] = []
    for record in rest:
        if record.path in seen:
            continue
        group, stack = [], [record.path]
        while stack:
            path = stack.pop()
            if path in seen:
                continue
            seen.add(path)
            group.append(path)
            stack.extend(neighbours[path] - seen)
        groups.append(sorted(group))
    connected = [g for g in groups if len(g) > 1]
    single = [g[0] for g in groups if len(g) == 1]
    for index, group in enumerate(sorted(connected, key=lambda g: (-len(g), g)), start=1):
        portions = _portions([], [by_path[path] for path in group], _nothing, limit)
        result.extend(_drawn_parts(f"group-{index}", f"Connected records {index}", portions, graph))
    if single:
        portions = _portions([], [by_path[p] for p in single], _nothing, limit)
        result.extend(_drawn_parts("unconnected", "Records without links", portions, graph))
    return result


def _nothing(path: str) -> set[str]:
    return set()


def _portions(
    fixed: list[Record],
    members: list[Record],
    companions: Callable[[str], set[str]],
    limit: int | None,
) -> list[tuple[list[Record], list[str]]]:
    """``members`` in runs, in the order they were decided, such that each run with the
    ``fixed`` records and its members' companions (a project's standards) holds at most
    ``limit`` nodes; one run when everything fits. Each run: its members, and the paths
    of their companions in path order."""
    runs: list[tuple[list[Record], list[str]]] = []
    current: list[Record] = []
    extra: set[str] = set()
    everything: set[str] = set()
    for member in members:
        everything |= companions(member.path)
    if limit is None or len(fixed) + len(members) + len(everything) <= limit:
        return [(fixed + members, sorted(everything))]
    for member in sorted(members, key=_chronological):
        more = extra | companions(member.path)
        if current and len(fixed) + len(current) + 1 + len(more) > limit:
            runs.append((current, sorted(extra)))
            current, more = [], companions(member.path)
        current.append(member)
        extra = more
    runs.append((current, sorted(extra)))
    return [(fixed + run, companions_of) for run, companions_of in runs]


def _drawn_parts(
    key: str, title: str, portions: list[tuple[list[Record], list[str]]], graph: Graph
) -> list[Cluster]:
    """One picture per portion: the whole when there is one, else parts that know of
    each other."""
    by_path = graph.by_path
    if len(portions) == 1:
        members, extra = portions[0]
        return [_layered(key, title, members + [by_path[p] for p in extra], graph)]
    keys = tuple(f"{key}-part-{number}" for number in range(1, len(portions) + 1))
    return [
        dataclasses.replace(
            _layered(
                part_key,
                f"{title} (part {number} of {len(portions)})",
                members + [by_path[p] for p in extra],
                graph,
            ),
            parts=keys,
        )
        for number, (part_key, (members, extra)) in enumerate(zip(keys, portions, strict=True), 1)
    ]


NEIGHBOURHOOD_LIMIT = 40  # beyond this a picture is a blur; the graph page has the rest


def neighbourhood(record: Record, graph: Graph) -> Cluster | None:
    """The record and the records it links to or is linked from, with the edges among
    them.

    Projects and standards link to most decisions; their picture is the project's
    on the graph page, so they get none here."""
    if record.kind in ("project", "standard"):
        return None
    by_path = graph.by_path
    near = {e.target for e in graph.touching[record.path]}
    near |= {e.source for e in graph.touching[record.path]}
    near.discard(record.path)
    if not near:
        return None
    ordered = sorted(near, key=lambda p: (by_path[p].kind, p))[:NEIGHBOURHOOD_LIMIT]
    others = [by_path[path] for path in ordered]
    return _layered(f"near-{record.id}", record.title, [record, *others], graph, centre=record)


def legend(kinds: dict[str, KindSpec]) -> dict[str, object]:
    """The legend's values: each configured kind's shape, the status colours (with the
    configured statuses they stand for), the edge styles."""
    statuses = {status for spec in kinds.values() for status in spec.statuses}
    groups: list[tuple[str, list[str]]] = []
    for fill, words in STATUS_FILLS:
        shown = [word for word in words if word in statuses]
        if shown:
            groups.append((fill, shown))
    coloured = {word for _, words in STATUS_FILLS for word in words}
    if statuses - coloured or not groups:
        groups.append((OTHER_FILL, ["any other status"]))
    return {
        "kinds": [(node_shape(name), spec.noun.lower() or name) for name, spec in kinds.items()],
        "statuses": groups,
        "other": OTHER_FILL,
        "edges": [(LEGEND_EDGES[kind], *EDGE_STYLES[kind], kind in ARROWS) for kind in EDGE_TYPES],
    }


def layer_width(count: int) -> int:
    """How many records a layer holds before the next one starts: about the square
    root of the picture's records, so large pictures grow down as well as across."""
    return max(MIN_LAYER_WIDTH, math.ceil(math.sqrt(1.5 * count)))


def node_width(record: Record) -> float:
    return NODE_WIDTHS.get(record.kind, NODE_WIDTH)


def node_shape(kind: str) -> str:
    """The shape of a kind's nodes: rect, pill, hexagon, ellipse; other kinds are
    parallelograms."""
    return SHAPES.get(kind, "parallelogram")


def label_length(record: Record) -> int:
    return LABEL_LENGTHS.get(record.kind, LABEL_LENGTH)


def short_label(text: str, length: int) -> str:
    """``text`` as it fits on a node's line: cut with an ellipsis when longer."""
    return text if len(text) <= length else text[: length - 1] + "…"


def _layered(
    key: str, title: str, records: list[Record], graph: Graph, centre: Record | None = None
) -> Cluster:
    """``records`` and the edges among them as a layered drawing. Inside a layer the
    earlier decision comes first (by date, then path), so pictures read from the top
    in the order decisions were taken."""
    records = sorted(records, key=_chronological)
    index = {record.path: number for number, record in enumerate(records)}
    edges = graph.among(set(index))
    links = []
    for edge in edges:
        upper, lower = edge.source, edge.target
        if UPPER_END[edge.kind] == "target":
            upper, lower = lower, upper
        links.append(
            Link(
                index[upper],
                index[lower],
                ranks=edge.kind in RANKING,
                trunk=TRUNKS.get(edge.kind, ""),
                group=edge.kind,
            )
        )
    layout = layered_layout(
        [node_width(record) for record in records],
        [BANDS.get(record.kind, 1) for record in records],
        links,
        layer_width(len(records)),
        SPACING,
    )
    drawn = []
    for edge, link, route in zip(edges, links, layout.routes, strict=True):
        if link.upper != index[edge.source]:
            route = list(reversed(route))
        drawn.append(DrawnEdge(edge, route_path(route)))
    nodes = [
        PlacedNode(record, layout.x[number], layout.y[number], centre=record is centre)
        for number, record in enumerate(records)
    ]
    # The picture's subject first, then top to bottom and left to right.
    nodes.sort(key=lambda node: (not node.centre, node.y, node.x))
    return Cluster(key, title, nodes, drawn, layout.width, layout.height, layout.crossings)


def _chronological(record: Record) -> tuple[int, str]:
    # Ordinals, as a date and a datetime do not compare; undated records come last.
    day = record.date
    return (day.toordinal() if day else dt.date.max.toordinal() + 1, record.path)
