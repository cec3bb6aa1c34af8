"""The decision graph: records as nodes, their relations as typed edges, laid out at build
time as SVG (no JavaScript library, nothing from the network).

A graph of every record at once is a hairball beyond a few dozen records, so the
graph page is clustered: one picture per project (the project, its decisions and
the standards they follow), then one per group of connected decisions outside any
project. Each record page shows its neighbourhood: the record and what it links to
or is linked from. Layouts are rings around a centre, computed in linear time and
the same on every build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..corpus.links import Corpus
from ..records.model import Record

# Edge types, in the order the legend lists them.
EDGE_TYPES = ("supersedes", "related", "decisions", "addresses", "complies", "deviates")
RING_GAP = 120.0
NODE_SPACING = 72.0


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
class Cluster:
    """One picture: its nodes with positions, the edges among them, and its size."""

    key: str
    title: str
    nodes: list[PlacedNode]
    edges: list[Edge]
    width: float
    height: float


class Graph:
    """Every record's typed edges, indexed by the records they touch."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.by_path = {record.path: record for record in corpus.records}
        self.edges = all_edges(corpus)
        self.touching: dict[str, list[Edge]] = {path: [] for path in self.by_path}
        for edge in self.edges:
            self.touching[edge.source].append(edge)
            self.touching[edge.target].append(edge)

    def among(self, paths: set[str]) -> list[Edge]:
        """The edges whose both ends are in ``paths``, each once, in the same order on
        every run (the pictures are the same bytes for the same records)."""
        found = {
            (e.source, e.target, e.kind): e
            for path in sorted(paths)
            for e in self.touching.get(path, [])
            if e.source in paths and e.target in paths
        }
        return list(found.values())


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


def clusters(graph: Graph) -> list[Cluster]:
    """The graph page's pictures: per project, then per group of connected records."""
    corpus, by_path = graph.corpus, graph.by_path
    trace = corpus.traceability
    placed: set[str] = set()
    result: list[Cluster] = []
    for project in trace.projects:
        members = [d.path for d in trace.decisions_in(project)]
        if not members:
            continue
        standards = {
            e.target
            for path in members
            for e in graph.touching[path]
            if e.source == path and e.kind in ("complies", "deviates")
        }
        ring_one = [by_path[path] for path in members]
        ring_two = [by_path[path] for path in sorted(standards)]
        result.append(
            _rings(f"project-{project.id}", project.title, project, [ring_one, ring_two], graph)
        )
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
        records = [by_path[path] for path in group]
        centre = max(records, key=lambda r: (len(graph.touching[r.path]), r.path))
        others = [r for r in records if r.path != centre.path]
        result.append(
            _rings(f"group-{index}", f"Connected records {index}", centre, [others], graph)
        )
    if single:
        result.append(_grid("unconnected", "Records without links", [by_path[p] for p in single]))
    return result


NEIGHBOURHOOD_LIMIT = 40  # beyond this a ring is a blur; the graph page has the rest


def neighbourhood(record: Record, graph: Graph) -> Cluster | None:
    """The record in the middle, the records it links to or is linked from around it.

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
    return _rings(f"near-{record.id}", record.title, record, [others], graph)


def _rings(
    key: str, title: str, centre: Record, rings: list[list[Record]], graph: Graph
) -> Cluster:
    """``centre`` in the middle, each list on a ring of its own, wide enough for it."""
    nodes = [PlacedNode(centre, 0.0, 0.0, centre=True)]
    radius = 0.0
    for ring in rings:
        if not ring:
            continue
        # The circumference must hold every node of the ring with room to spare.
        radius = max(radius + RING_GAP, len(ring) * NODE_SPACING / (2 * math.pi))
        for index, record in enumerate(ring):
            angle = -math.pi / 2 + 2 * math.pi * index / len(ring)
            nodes.append(PlacedNode(record, radius * math.cos(angle), radius * math.sin(angle)))
    margin = 60.0
    size = 2 * (radius + margin)
    shifted = [PlacedNode(n.record, n.x + size / 2, n.y + size / 2, n.centre) for n in nodes]
    return Cluster(key, title, shifted, graph.among({n.record.path for n in shifted}), size, size)


def _grid(key: str, title: str, records: list[Record]) -> Cluster:
    columns = max(1, min(10, math.ceil(math.sqrt(len(records) * 2))))
    cell = 70.0
    nodes = [
        PlacedNode(record, cell / 2 + cell * (i % columns), cell / 2 + cell * (i // columns))
        for i, record in enumerate(records)
    ]
    rows = math.ceil(len(records) / columns)
    return Cluster(key, title, nodes, [], cell * columns, cell * rows)
