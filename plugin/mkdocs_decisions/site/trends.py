"""The trend picture of an objective's measurements: a small line chart drawn at build
time as inline SVG, with the target drawn in (no JavaScript library, nothing from the
network).

Points are placed by date and value (in the target's unit); the target is a dashed
line, with the side of it that meets the target shaded (a band for a range). Colours
come from the stylesheet, with ``currentColor`` as the fallback, so both palettes read
well; a point that misses the target is drawn hollow, not only in another colour. The
picture's title says in words what it shows. Coordinates are rounded to a tenth, so the
same measurements give the same bytes on every build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..trace.measurements import MET, MISSED, Assessment, Measurement
from ..trace.targets import Comparison, show

WIDTH = 160.0
HEIGHT = 40.0
PAD_X = 6.0  # room for the first and last point
PAD_Y = 5.0
RADIUS = 2.5


def shown_value(measurement: Measurement, assessment: Assessment) -> str:
    """A measured value for people: as written when it has a unit (``45 minutes``), in
    the target's unit when it is a plain number (``11.4 units``)."""
    value = assessment.value_of(measurement)
    if measurement.quantity.unit.dimension or value is None or assessment.comparison is None:
        return measurement.written
    return show(value, assessment.comparison.unit)


def trend_picture(
    objective_id: str, html_id: str, target: str, assessment: Assessment
) -> dict[str, Any] | None:
    """The values of the trend template for one objective; None when nothing can be drawn
    (no measurement that compares with the target)."""
    comparison = assessment.comparison
    placed = [(m, assessment.value_of(m)) for m in assessment.measurements]
    points = [(m, value) for m, value in placed if value is not None]
    if comparison is None or not points:
        return None
    values = [value for _, value in points] + list(comparison.bounds)
    low, high = min(values), max(values)
    span = (high - low) or max(abs(high), 1.0)
    low, high = low - span * 0.15, high + span * 0.15
    first, last = points[0][0].date, points[-1][0].date
    days = (last - first).days

    def x(measurement: Measurement) -> float:
        if not days:
            return WIDTH / 2
        return PAD_X + (WIDTH - 2 * PAD_X) * (measurement.date - first).days / days

    def y(value: float) -> float:
        return PAD_Y + (HEIGHT - 2 * PAD_Y) * (high - value) / (high - low)

    drawn = []
    for measurement, value in points:
        met = comparison.holds(value)
        drawn.append(
            {
                "x": _coordinate(x(measurement)),
                "y": _coordinate(y(value)),
                "state": "met" if met else "missed",
                "label": f"{measurement.date.isoformat()}: {show(value, comparison.unit)}, "
                + (MET if met else MISSED),
            }
        )
    latest = assessment.latest
    assert latest is not None  # there are points
    summary = (
        f"Trend of {objective_id}: {len(points)} measurement{'s' if len(points) > 1 else ''} "
        f"from {first.isoformat()} to {last.isoformat()}; target {target}; latest "
        f"{shown_value(latest, assessment)} on {latest.date.isoformat()}: {assessment.status}"
    )
    return {
        "id": html_id,
        "width": f"{WIDTH:g}",
        "height": f"{HEIGHT:g}",
        "radius": _coordinate(RADIUS),
        "title": summary,
        "points": drawn,
        "line": " ".join(f"{p['x']},{p['y']}" for p in drawn) if len(drawn) > 1 else "",
        "target": _target_shapes(comparison, y),
    }


def _target_shapes(comparison: Comparison, y: Callable[[float], float]) -> dict[str, Any]:
    """The target's lines, and the band where values meet it (top to bottom in SVG)."""
    lines = [_coordinate(y(bound)) for bound in comparison.bounds]
    band: tuple[float, float] | None
    if comparison.operator in ("<=", "<"):
        band = (y(comparison.bounds[0]), HEIGHT)
    elif comparison.operator in (">=", ">"):
        band = (0.0, y(comparison.bounds[0]))
    elif comparison.operator == "between":
        band = (y(comparison.bounds[1]), y(comparison.bounds[0]))
    else:
        band = None  # exactly one value: the line is the target
    return {
        "lines": lines,
        "band": {"y": _coordinate(band[0]), "height": _coordinate(band[1] - band[0])}
        if band is not None
        else None,
        "label": comparison.shown(),
    }


def _coordinate(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text
