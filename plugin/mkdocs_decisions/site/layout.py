"""Layered drawings of directed graphs (Sugiyama's method), for the decision graph.

Nodes come in bands (for the decision graph: projects, then decisions, then
standards); every layer of a band lies below every layer of the band before. The
steps, each deterministic (ties are broken by the order nodes and links are given in,
so the same graph gives the same picture, to the byte, on every build):

1. Cycles: inside a band, the links that close a cycle in a depth-first search are
   left out of the layering (a supersession cycle is an error, but must still draw).
2. Layers: a ranking link's upper end lies on a layer above its lower end, and no
   layer holds more than ``max_width`` nodes. Nodes are placed in topological order,
   earliest given first, each on the highest layer with room below its upper ends
   (list scheduling, as in Coffman and Graham's algorithm). The ends of a link that
   does not rank go on different layers where the band has them to spare, since a
   link inside a layer is an arc that crosses what lies between its ends.
3. A link that spans several layers gets a dummy node on each layer between its ends.
   Links that fan out of one node (a project to its decisions) or into one (a standard
   from its followers) may share their dummies: one trunk, with a branch to each
   other end at its layer (edge concentration). Merging is not crossing, and a
   hundred links to one node cost one column of dummies instead of a hundred.
4. Order inside the layers: barycenter sweeps up and down, each layer followed by
   adjacent transpositions, at most a fixed number of times and until a sweep up and
   one down gain nothing; the order with the fewest crossings seen is kept. Crossings
   are counted exactly, in O(E log V) per pair of layers (Barth, Juenger and Mutzel's
   accumulator, as a Fenwick tree).
5. x coordinates: each layer's nodes are pulled towards the mean of their neighbours'
   positions, as close as their order and spacing allow. That is an isotonic
   regression, solved exactly in linear time per layer by pooling adjacent violators;
   dummies weigh more, so long links run straight.
6. Routes: every link becomes a list of points through its dummies, leaving and
   entering nodes at ports spread along their borders in the order of the other
   ends, so that the links of one node do not cross each other.

Time per picture: O(S (V + D + E) log V), S the fixed number of sweeps, D the dummies.
Pictures are made per project or group of linked records, so V is one picture's size.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

SWEEPS = 12  # at most this many barycenter sweeps (up, down, ...); the best order is kept
PATIENCE = 2  # sweeps without a better order after which the sweeping stops
TRANSPOSE_ROUNDS = 3  # adjacent-swap rounds per layer and sweep
PLACEMENT_ROUNDS = 2  # x-coordinate sweeps (down and up), then one towards both sides
DUMMY_WIDTH = 10.0
DUMMY_WEIGHT = 4.0  # how much more a dummy resists being pulled off its neighbours' line
ARC_LIFT = 28.0  # the most an arc between two nodes of one layer rises above them
PORT_STEP = 8.0  # distance between the ends of links at a node's border
PORT_SHARE = 0.6  # the share of a node's width that the ends may spread over

Point = tuple[float, float]


@dataclass(frozen=True)
class Link:
    """An edge to draw between two nodes (their indexes).

    ``upper`` is drawn above ``lower`` when ``ranks`` is true and both are in one
    band; the ends of a link that does not rank (a symmetric relation) go on different
    layers where the band has layers to spare. ``trunk`` names the end whose long links
    of the same ``group`` share their dummies."""

    upper: int
    lower: int
    ranks: bool = True
    trunk: Literal["", "upper", "lower"] = ""
    group: str = ""


@dataclass(frozen=True)
class Spacing:
    """Sizes in the picture's units (pixels): node height, gaps and margin."""

    node_height: float = 36.0
    layer_gap: float = 64.0  # free space between two layers, for the links
    node_gap: float = 18.0  # free space between two nodes of a layer
    margin: float = 24.0


@dataclass(frozen=True)
class Layout:
    """Where everything goes: each node's centre and layer, each link's route."""

    x: list[float]
    y: list[float]
    layer: list[int]
    routes: list[list[Point]]  # per link: from its ``upper`` node's border to ``lower``'s
    width: float
    height: float
    crossings: int  # between adjacent layers, counted on the drawn segments
    dummies: int


def layered_layout(
    widths: Sequence[float],
    bands: Sequence[int],
    links: Sequence[Link],
    max_width: int,
    spacing: Spacing = Spacing(),
) -> Layout:
    """Lay out nodes ``0 .. len(widths) - 1`` (each ``widths[i]`` wide, in band
    ``bands[i]``) and ``links`` between them; see the module's docstring."""
    count = len(widths)
    if count == 0:
        return Layout([], [], [], [[] for _ in links], 0.0, 0.0, 0, 0)
    layer = _layers(count, bands, links, max(1, max_width))
    graph = _ProperGraph(count, layer, links)
    order = _order(graph)
    crossings = _total_crossings(order, graph)
    x = _place(order, graph, widths, spacing)
    height = spacing.node_height
    step = height + spacing.layer_gap
    # An arc between two nodes of the top layer rises above it: room for it.
    top = spacing.margin + (ARC_LIFT if 0 in graph.arc_layers else 0.0)
    layer_y = [top + height / 2 + index * step for index in range(graph.depth)]
    routes = _routes(graph, links, x, layer_y, widths, height)
    left = min(x[node] - _width(node, widths) / 2 for node in range(len(x)))
    right = max(x[node] + _width(node, widths) / 2 for node in range(len(x)))
    shift = spacing.margin - left
    return Layout(
        x=[x[node] + shift for node in range(count)],
        y=[layer_y[layer[node]] for node in range(count)],
        layer=layer,
        routes=[[(px + shift, py) for px, py in route] for route in routes],
        width=right - left + 2 * spacing.margin,
        height=layer_y[-1] + height / 2 + spacing.margin,
        crossings=crossings,
        dummies=len(x) - count,
    )


# --- 1 and 2: cycles and layers ---------------------------------------------------


def _layers(count: int, bands: Sequence[int], links: Sequence[Link], max_width: int) -> list[int]:
    """Each node's layer: bands in their order, ranking links pointing down in a band."""
    below: list[list[int]] = [[] for _ in range(count)]
    beside: list[list[int]] = [[] for _ in range(count)]  # links that do not rank
    for link in links:
        upper, lower = link.upper, link.lower
        if bands[upper] != bands[lower] or upper == lower:
            continue
        if link.ranks:
            below[upper].append(lower)
        else:
            beside[upper].append(lower)
            beside[lower].append(upper)
    _break_cycles(below)
    layer = [0] * count
    start = 0
    for band in sorted(set(bands)):
        members = [node for node in range(count) if bands[node] == band]
        start = _schedule(members, below, beside, layer, start, max_width) + 1
    return layer


def _break_cycles(below: list[list[int]]) -> None:
    """Drop, in place, every link that closes a cycle in a depth-first search from the
    nodes in their order (iterative: long chains need no deep recursion). Such links
    are still drawn, just not used for the layering."""
    state = [0] * len(below)  # 0 new, 1 on the current path, 2 done
    for root in range(len(below)):
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, 0)]
        while stack:
            node, index = stack[-1]
            targets = below[node]
            if index == len(targets):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, index + 1)
            target = targets[index]
            if state[target] == 1:
                targets[index] = -1  # closes a cycle
            elif state[target] == 0:
                state[target] = 1
                stack.append((target, 0))
    for index, targets in enumerate(below):
        if -1 in targets:
            below[index] = [target for target in targets if target != -1]


def _schedule(
    members: list[int],
    below: list[list[int]],
    beside: list[list[int]],
    layer: list[int],
    start: int,
    max_width: int,
) -> int:
    """Place one band's nodes on layers from ``start``; return the lowest layer used.

    In topological order (earliest given first), each node goes to the highest layer
    with room below its upper neighbours, but not onto the layer of a neighbour by a
    link that does not rank (a link inside one layer must be drawn as an arc), while
    the band stays as deep as its chains and its width bound make it anyway (at least
    three layers when it has such links: before, beside and after)."""
    inside = set(members)
    above_count = dict.fromkeys(members, 0)
    for node in members:
        for target in below[node]:
            if target in inside:
                above_count[target] += 1
    depth = max(_longest_chain(members, below, inside), -(-len(members) // max_width))
    if any(beside[node] for node in members):
        depth = max(depth, 3)
    deepest = start + depth - 1
    earliest = dict.fromkeys(members, start)
    ready = [node for node in members if above_count[node] == 0]
    heapq.heapify(ready)
    filled: dict[int, int] = {}
    full: dict[int, int] = {}  # a full layer -> a layer below it that may have room
    placed: set[int] = set()
    lowest = start
    while ready:
        node = heapq.heappop(ready)
        spot = _free_layer(earliest[node], full)
        taken = {layer[other] for other in beside[node] if other in placed}
        candidate = spot
        while candidate in taken and candidate < deepest:
            candidate = _free_layer(candidate + 1, full)
        if candidate <= deepest and candidate not in taken:
            spot = candidate
        layer[node] = spot
        placed.add(node)
        filled[spot] = filled.get(spot, 0) + 1
        if filled[spot] >= max_width:
            full[spot] = spot + 1
        lowest = max(lowest, spot)
        for target in below[node]:
            if target in inside:
                earliest[target] = max(earliest[target], spot + 1)
                above_count[target] -= 1
                if above_count[target] == 0:
                    heapq.heappush(ready, target)
    return lowest


def _longest_chain(members: list[int], below: list[list[int]], inside: set[int]) -> int:
    """The number of nodes on the longest path of ranking links in a band (the links
    form no cycle any more): the layers the band needs at least."""
    height: dict[int, int] = {}
    for root in members:
        if root in height:
            continue
        stack = [(root, 0)]
        while stack:
            node, index = stack[-1]
            targets = below[node]
            if index < len(targets):
                stack[-1] = (node, index + 1)
                target = targets[index]
                if target in inside and target not in height:
                    stack.append((target, 0))
                continue
            stack.pop()
            height[node] = 1 + max((height[t] for t in targets if t in inside), default=0)
    return max(height.values(), default=1)


def _free_layer(wanted: int, full: dict[int, int]) -> int:
    """The first layer at or below ``wanted`` with room: a full layer points further
    down, and the pointers are shortened on the way (union-find with path halving)."""
    spot = wanted
    while spot in full:
        ahead = full[spot]
        if ahead in full:
            full[spot] = full[ahead]
        spot = ahead
    return spot


# --- 3: the proper graph: segments between adjacent layers ------------------------


class _ProperGraph:
    """Real nodes, then dummies; every segment joins two adjacent layers. Each link is
    the list of its segments from top to bottom (none for an arc inside one layer)."""

    def __init__(self, count: int, layer: list[int], links: Sequence[Link]) -> None:
        self.real = count
        self.layer = list(layer)
        self.up: list[list[int]] = [[] for _ in range(count)]
        self.down: list[list[int]] = [[] for _ in range(count)]
        self.segments: list[tuple[int, int]] = []  # (upper node, lower node)
        self.paths: list[list[int]] = []  # per link: its segments, top to bottom
        self.arc_layers: set[int] = set()
        # (hub, group, downwards) -> the trunk: its nodes from the hub, and its segments
        trunks: dict[tuple[int, str, bool], tuple[list[int], list[int]]] = {}
        for link in links:
            top, bottom = link.upper, link.lower
            if layer[top] > layer[bottom]:
                top, bottom = bottom, top
            span = layer[bottom] - layer[top]
            if span == 0:
                self.arc_layers.add(layer[top])
                self.paths.append([])
            elif span == 1 or not link.trunk:
                between = range(layer[top] + 1, layer[bottom])
                chain = [top, *(self._dummy(level) for level in between), bottom]
                self.paths.append([self._segment(a, b) for a, b in pairwise(chain)])
            else:
                hub = link.upper if link.trunk == "upper" else link.lower
                self.paths.append(self._branch(hub, top, bottom, link.group, trunks))
        self.depth = max(self.layer) + 1

    def _dummy(self, level: int) -> int:
        self.layer.append(level)
        self.up.append([])
        self.down.append([])
        return len(self.layer) - 1

    def _segment(self, upper: int, lower: int) -> int:
        self.down[upper].append(lower)
        self.up[lower].append(upper)
        self.segments.append((upper, lower))
        return len(self.segments) - 1

    def _branch(
        self,
        hub: int,
        top: int,
        bottom: int,
        group: str,
        trunks: dict[tuple[int, str, bool], tuple[list[int], list[int]]],
    ) -> list[int]:
        """A link along the hub's trunk (grown as far as it needs), then its own branch
        to the other end; segments of the trunk are shared with the hub's other links."""
        downwards = hub == top
        trunk, segments = trunks.setdefault((hub, group, downwards), ([hub], []))
        far = bottom if downwards else top
        needed = abs(self.layer[far] - self.layer[hub]) - 1  # trunk nodes between them
        while len(trunk) - 1 < needed:
            level = self.layer[trunk[-1]] + (1 if downwards else -1)
            node = self._dummy(level)
            if downwards:
                segments.append(self._segment(trunk[-1], node))
            else:
                segments.append(self._segment(node, trunk[-1]))
            trunk.append(node)
        joint = trunk[needed]
        own = self._segment(joint, far) if downwards else self._segment(far, joint)
        shared = segments[:needed]
        return [*shared, own] if downwards else [own, *shared[::-1]]

    def is_dummy(self, node: int) -> bool:
        return node >= self.real


# --- 4: the order inside each layer -----------------------------------------------


def _order(graph: _ProperGraph) -> list[list[int]]:
    order: list[list[int]] = [[] for _ in range(graph.depth)]
    for node in range(len(graph.layer)):  # real nodes in the given order, then dummies
        order[graph.layer[node]].append(node)
    if all(len(nodes) < 2 for nodes in order):
        return order  # nothing to order (most neighbourhood pictures, in places)
    position = [0] * len(graph.layer)
    for nodes in order:
        for index, node in enumerate(nodes):
            position[node] = index
    # A first pass down puts every node under its upper neighbours.
    for level in range(1, graph.depth):
        _sort_layer(order[level], graph.up, position, len(order[level - 1]))
    best = [list(nodes) for nodes in order]
    best_count = _total_crossings(order, graph)
    since_best = 0
    for sweep in range(SWEEPS):
        if best_count == 0 or since_best == PATIENCE:
            break  # nothing to gain, or a sweep up and one down gained nothing
        downwards = sweep % 2 == 1
        levels = range(1, graph.depth) if downwards else range(graph.depth - 2, -1, -1)
        for level in levels:
            if downwards:
                _sort_layer(order[level], graph.up, position, len(order[level - 1]))
            else:
                _sort_layer(order[level], graph.down, position, len(order[level + 1]))
            if len(order[level]) > 1:
                _transpose(order[level], graph, position)
        found = _total_crossings(order, graph)
        since_best += 1
        if found < best_count:
            best, best_count, since_best = [list(nodes) for nodes in order], found, 0
    return best


def _sort_layer(nodes: list[int], fixed: list[list[int]], position: list[int], span: int) -> None:
    """Sort a layer by the mean position of each node's neighbours in the fixed layer
    (``span`` nodes wide), as fractions of the layers' widths; a node without any
    neighbour there keeps its place."""
    own = len(nodes)
    keys = []
    for index, node in enumerate(nodes):
        neighbours = fixed[node]
        if neighbours:
            mean = sum(position[other] for other in neighbours) / len(neighbours)
            keys.append(((mean + 0.5) / span, index, node))
        else:
            keys.append(((index + 0.5) / own, index, node))
    keys.sort()
    for index, (_, _, node) in enumerate(keys):
        nodes[index] = node
        position[node] = index


def _transpose(nodes: list[int], graph: _ProperGraph, position: list[int]) -> None:
    """Swap neighbours in a layer while that lowers the crossings with both adjacent
    layers; at most ``TRANSPOSE_ROUNDS`` passes. The adjacent layers stay as they are,
    so each node's neighbour positions are sorted once."""
    ends = {
        node: (
            sorted(position[other] for other in graph.up[node]),
            sorted(position[other] for other in graph.down[node]),
        )
        for node in nodes
    }
    for _ in range(TRANSPOSE_ROUNDS):
        improved = False
        for index in range(len(nodes) - 1):
            left, right = nodes[index], nodes[index + 1]
            (left_up, left_down), (right_up, right_down) = ends[left], ends[right]
            keep_up, swap_up = _pair_crossings(left_up, right_up)
            keep_down, swap_down = _pair_crossings(left_down, right_down)
            if swap_up + swap_down < keep_up + keep_down:
                nodes[index], nodes[index + 1] = right, left
                position[left], position[right] = index + 1, index
                improved = True
        if not improved:
            return


def _pair_crossings(left: list[int], right: list[int]) -> tuple[int, int]:
    """Crossings between two nodes' segments to one adjacent layer (the sorted positions
    of their other ends): with ``left`` first, and with ``right`` first."""
    if not left or not right:
        return 0, 0
    size = len(right)
    as_is = swapped = below = not_above = 0
    for end in left:
        while below < size and right[below] < end:
            below += 1
        while not_above < size and right[not_above] <= end:
            not_above += 1
        as_is += below  # right's segments that end left of this one cross it
        swapped += size - not_above
    return as_is, swapped


def _total_crossings(order: list[list[int]], graph: _ProperGraph) -> int:
    position = [0] * len(graph.layer)
    for nodes in order:
        for index, node in enumerate(nodes):
            position[node] = index
    total = 0
    for level in range(graph.depth - 1):
        if len(order[level]) > 1 and len(order[level + 1]) > 1:  # else every segment shares an end
            total += _layer_pair_crossings(order[level], len(order[level + 1]), graph, position)
    return total


def _layer_pair_crossings(
    upper: list[int], lower_size: int, graph: _ProperGraph, position: list[int]
) -> int:
    """Crossings between two adjacent layers: segments in the order of their upper end,
    each counting the segments before it whose lower end lies right of its own."""
    tree = [0] * (lower_size + 1)
    seen = 0
    total = 0
    for node in upper:
        ends = sorted(position[other] for other in graph.down[node])
        for end in ends:
            index, not_right = end + 1, 0
            while index > 0:
                not_right += tree[index]
                index -= index & -index
            total += seen - not_right
        for end in ends:
            index = end + 1
            while index <= lower_size:
                tree[index] += 1
                index += index & -index
        seen += len(ends)
    return total


# --- 5: x coordinates -------------------------------------------------------------


def _width(node: int, widths: Sequence[float]) -> float:
    return widths[node] if node < len(widths) else DUMMY_WIDTH


def _place(
    order: list[list[int]], graph: _ProperGraph, widths: Sequence[float], spacing: Spacing
) -> list[float]:
    """Each node's x: pulled towards its neighbours, in layer order, never closer to the
    next node than their half widths and a gap."""
    x = [0.0] * len(graph.layer)
    offsets: list[list[float]] = []
    for nodes in order:
        running, layer_offsets = 0.0, []
        for index, node in enumerate(nodes):
            if index:
                gap = spacing.node_gap
                if graph.is_dummy(node) or graph.is_dummy(nodes[index - 1]):
                    gap /= 2
                running += (_width(nodes[index - 1], widths) + _width(node, widths)) / 2 + gap
            layer_offsets.append(running)
        offsets.append(layer_offsets)
        for node, offset in zip(nodes, layer_offsets, strict=True):
            x[node] = offset - running / 2  # every layer centred on 0 to start with
    weights = [[DUMMY_WEIGHT if graph.is_dummy(node) else 1.0 for node in nodes] for nodes in order]
    for placement in range(PLACEMENT_ROUNDS + 1):
        downwards = placement % 2 == 0
        if placement == PLACEMENT_ROUNDS:  # the last sweep looks both ways
            sides = [graph.up[node] + graph.down[node] for node in range(len(x))]
        else:
            sides = graph.up if downwards else graph.down
        levels = range(graph.depth) if downwards else range(graph.depth - 1, -1, -1)
        moved = 0.0
        for level in levels:
            nodes = order[level]
            if len(nodes) == 1:  # nothing in the way: straight to its neighbours' mean
                node = nodes[0]
                neighbours = sides[node]
                if neighbours:
                    value = sum([x[other] for other in neighbours]) / len(neighbours)
                    moved = max(moved, abs(x[node] - value))
                    x[node] = value
                continue
            targets = [
                sum([x[other] for other in sides[node]]) / len(sides[node])
                if sides[node]
                else x[node]
                for node in nodes
            ]
            placed = _isotonic(targets, weights[level], offsets[level])
            for node, value in zip(nodes, placed, strict=True):
                delta = abs(x[node] - value)
                if delta > moved:
                    moved = delta
                x[node] = value
        if moved < 0.5:
            break  # settled: a further sweep would move nothing by as much as a pixel
    return x


def _isotonic(targets: list[float], weights: list[float], offsets: list[float]) -> list[float]:
    """The positions closest to ``targets`` (least weighted squares) that keep the order
    and the spacing, ``x[i + 1] - x[i] >= offsets[i + 1] - offsets[i]``. With
    ``y = x - offsets`` that asks for a non-decreasing ``y``: pool adjacent violators."""
    if len(targets) == 1:
        return targets
    pooled_weights: list[float] = []  # per block of pooled nodes: weight, weighted sum, size
    pooled_sums: list[float] = []
    sizes: list[int] = []
    for target, weight, offset in zip(targets, weights, offsets, strict=True):
        total, value, size = weight, weight * (target - offset), 1
        while pooled_weights and pooled_sums[-1] * total > value * pooled_weights[-1]:
            total += pooled_weights.pop()
            value += pooled_sums.pop()
            size += sizes.pop()
        pooled_weights.append(total)
        pooled_sums.append(value)
        sizes.append(size)
    placed: list[float] = []
    for total, value, size in zip(pooled_weights, pooled_sums, sizes, strict=True):
        mean = value / total
        placed += [mean + offset for offset in offsets[len(placed) : len(placed) + size]]
    return placed


# --- 6: routes ----------------------------------------------------------------------


def _routes(
    graph: _ProperGraph,
    links: Sequence[Link],
    x: list[float],
    layer_y: list[float],
    widths: Sequence[float],
    height: float,
) -> list[list[Point]]:
    half = height / 2
    # Ports: where each segment leaves its upper node and enters its lower node. A real
    # node spreads its segments along its border in the order of their other ends.
    top_port = [0.0] * len(graph.segments)
    bottom_port = [0.0] * len(graph.segments)
    leaving: dict[int, list[tuple[float, int]]] = {}
    entering: dict[int, list[tuple[float, int]]] = {}
    for index, (upper, lower) in enumerate(graph.segments):
        top_port[index], bottom_port[index] = x[upper], x[lower]
        if not graph.is_dummy(upper):
            leaving.setdefault(upper, []).append((x[lower], index))
        if not graph.is_dummy(lower):
            entering.setdefault(lower, []).append((x[upper], index))
    for ports, ends_of in ((top_port, leaving), (bottom_port, entering)):
        for node, ends in ends_of.items():
            ends.sort()
            step = min(PORT_STEP, _width(node, widths) * PORT_SHARE / max(len(ends) - 1, 1))
            middle = (len(ends) - 1) / 2
            for rank, (_, index) in enumerate(ends):
                ports[index] = x[node] + (rank - middle) * step
    routes = []
    for link, path in zip(links, graph.paths, strict=True):
        if not path:  # both ends on one layer: an arc above it
            level_y = layer_y[graph.layer[link.upper]] - half
            routes.append([(x[link.upper], level_y), (x[link.lower], level_y)])
            continue
        first_upper = graph.segments[path[0]][0]
        route = [(top_port[path[0]], layer_y[graph.layer[first_upper]] + half)]
        for index in path:
            lower = graph.segments[index][1]
            lower_y = layer_y[graph.layer[lower]]
            route.append((bottom_port[index], lower_y - half))
            if graph.is_dummy(lower):
                route.append((x[lower], lower_y + half))  # straight through the layer
        if first_upper != link.upper:
            route.reverse()
        routes.append(route)
    return routes


def route_path(route: Sequence[Point]) -> str:
    """SVG path data for a route: straight where it runs straight down, S-curves with
    vertical tangents between layers, an arc above the layer between two nodes of one
    layer. Coordinates with one decimal."""
    if not route:
        return ""
    parts = [f"M{route[0][0]:.1f} {route[0][1]:.1f}"]
    for (ax, ay), (bx, by) in pairwise(route):
        if ay == by:
            lift = min(ARC_LIFT, 10.0 + abs(bx - ax) * 0.15)
            parts.append(f"C{ax:.1f} {ay - lift:.1f} {bx:.1f} {by - lift:.1f} {bx:.1f} {by:.1f}")
        elif ax == bx:
            parts.append(f"L{bx:.1f} {by:.1f}")
        else:
            middle = (ay + by) / 2
            parts.append(f"C{ax:.1f} {middle:.1f} {bx:.1f} {middle:.1f} {bx:.1f} {by:.1f}")
    return "".join(parts)
