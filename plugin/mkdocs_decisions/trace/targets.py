"""Targets as teams write them, read into a comparison; measured values with their units.

A requirement's or quality attribute's ``target`` is text for people
(``"<= 12 units"``, ``">= 99.5 % (at most one fallback day in 200)"``). To say
whether a measurement meets it, the text is read into a :class:`Comparison`:

- an operator and one number: ``<= 12 units``, ``≤ 12``, ``< 60 minutes``,
  ``>= 99.5 %``, ``≥99.5%``, ``= 0``, ``p95 < 300 ms`` (a label such as ``p95`` or
  ``MAE`` may come before a sign), or in words: ``at most``, ``no more than``,
  ``up to``, ``within``, ``under``, ``less than``, ``below``, ``at least``,
  ``no less than``, ``more than``, ``over``, ``above``, ``exactly``;
- a range, ends included: ``between 88 % and 92 %``, ``88-92 %`` (or an en dash), ``88 to 92 %``,
  ``from 88 to 92 %``, ``90 % ± 2``;
- a quantity and a direction: ``12 units or less``, ``99.5 % or more``;
- a bare quantity, which must be met exactly: ``0 incidents``, ``100 %``.

A remark in parentheses, or after a comma or semicolon, is not part of the
comparison: ``>= 99.5 % (at most one fallback day in 200)``, ``100 %, kept for 24
months``. Words after the unit describe it (``>= 95 % of order lines``).

Units are compared, never guessed (ADR-0024): percentages with percentages, times
with times (``ms``, ``s``, ``min``, ``h``, ``days``, converted), a currency with
the same currency, any other word with the same word (``unit`` and ``units`` are
one). A number written without a unit is read in the unit of what it is compared
with (a pipeline writes ``11.4`` for a target of ``<= 12 units``). Anything else
cannot be compared, and is said so.

Nothing here reads files or knows records: text in, values out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..catalogue.patterns import lazy_pattern

# Forms shown in findings and docs when a target cannot be read.
TARGET_FORMS = (
    "<= 12 units",
    ">= 99.5 %",
    "between 88 % and 92 %",
    "< 60 minutes",
    "= 0 incidents",
)

# Seconds per time unit, by every spelling accepted (compared in lower case).
_TIME_UNITS: dict[str, float] = {
    **dict.fromkeys(("µs", "μs", "us", "microsecond", "microseconds"), 1e-6),
    **dict.fromkeys(("ms", "msec", "msecs", "millisecond", "milliseconds"), 1e-3),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1.0),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), 60.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600.0),
    **dict.fromkeys(("d", "day", "days"), 86400.0),
    **dict.fromkeys(("wk", "wks", "week", "weeks"), 604800.0),
}
_PERCENT = frozenset({"%", "percent", "pct"})
CURRENCIES = "$£€"

# A number: digits with optional thousands groups (2,500) and decimals (99.5).
_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+"
# A unit right after a number: `%` or one word (`units`, `ms`, `req/s`).
_UNIT = r"%|[A-Za-zµμ][A-Za-zµμ0-9/_-]*"
# A measured value as a file may write it: a number, an optional currency before it and
# an optional unit after it. Also the JSON Schema pattern of a measurement's value.
VALUE_PATTERN = rf"^\s*(?:[{CURRENCIES}]\s*(?:{_NUMBER})|(?:{_NUMBER})(?:\s*(?:{_UNIT}))?)\s*$"


def _quantity(name: str) -> str:
    """A number with a currency before it (``£2,500``) or a unit after it (``12 units``)."""
    return (
        rf"(?P<{name}>(?P<{name}_cur>[{CURRENCIES}])\s*(?P<{name}_cnum>{_NUMBER})"
        rf"|(?P<{name}_num>{_NUMBER})(?:\s*(?P<{name}_unit>{_UNIT}))?)"
    )


_A, _B = _quantity("a"), _quantity("b")
# What may follow a comparison: words that describe the unit (`of order lines`).
_TAIL = r"(?P<tail>(?:\s+.*)?)"
_LABEL = r"(?:[a-z][\w.-]*\s+){0,3}[a-z][\w.-]*"  # `p95`, `mae`, `p95 latency`
_SIGNS = {"<=": "<=", "<": "<", ">=": ">=", ">": ">", "=": "="}
_WORDS = {
    "at most": "<=",
    "no more than": "<=",
    "not more than": "<=",
    "no greater than": "<=",
    "no higher than": "<=",
    "not above": "<=",
    "up to": "<=",
    "within": "<=",
    "maximum": "<=",
    "max": "<=",
    "less than": "<",
    "fewer than": "<",
    "lower than": "<",
    "under": "<",
    "below": "<",
    "at least": ">=",
    "no less than": ">=",
    "not less than": ">=",
    "no fewer than": ">=",
    "no lower than": ">=",
    "not below": ">=",
    "minimum": ">=",
    "min": ">=",
    "more than": ">",
    "greater than": ">",
    "higher than": ">",
    "over": ">",
    "above": ">",
    "exactly": "=",
    "equal to": "=",
    "equals": "=",
}
_WORD_OPERATORS = "|".join(
    re.escape(word) for word in sorted(_WORDS, key=lambda word: (-len(word), word))
)
_BETWEEN = lazy_pattern(rf"(?:between|from)\s+{_A}\s+(?:and|to|-)\s+{_B}{_TAIL}")
_PLUS_MINUS = lazy_pattern(rf"{_A}\s*±\s*{_B}{_TAIL}")
_SIGNED = lazy_pattern(rf"(?:{_LABEL}\s*)?(?P<op><=|>=|<|>|=)\s*{_A}{_TAIL}")
_WORDED = lazy_pattern(rf"(?P<op>{_WORD_OPERATORS})\.?\s+{_A}{_TAIL}")
_RANGE = lazy_pattern(rf"{_A}(?:\s*-\s*|\s+to\s+){_B}{_TAIL}")
_OR_BEYOND = {
    **dict.fromkeys(("less", "fewer", "lower", "below", "under"), "<="),
    **dict.fromkeys(("more", "higher", "greater", "above", "over"), ">="),
}
_SUFFIXED = lazy_pattern(rf"{_A}\s+or\s+(?P<beyond>{'|'.join(_OR_BEYOND)}){_TAIL}")
_BARE = lazy_pattern(rf"{_A}{_TAIL}")
_VALUE = lazy_pattern(VALUE_PATTERN)
# Words that join a second condition: a tail with one of them is not a description.
_JOINING = frozenset({"or", "and", "nor", "but", "to", "between", "unless", "except"})


class UnreadableTarget(ValueError):
    """A target that cannot be read as a comparison; the message says why."""


class UnreadableValue(ValueError):
    """A measured value that is not a number with an optional unit."""


@dataclass(frozen=True)
class Unit:
    """A unit as compared: its dimension, its name within it and its scale."""

    dimension: str  # "" (none), "percent", "time", "currency" or "word"
    name: str  # how it compares within its dimension (the word in the singular, the symbol)
    scale: float = 1.0  # times: seconds per unit
    label: str = ""  # as written: "minutes", "%", "units"

    def compatible(self, other: Unit) -> bool:
        """Whether values in the two units can be compared (no unit goes with any)."""
        if not self.dimension or not other.dimension:
            return True
        if self.dimension != other.dimension:
            return False
        return self.dimension in ("percent", "time") or self.name == other.name

    def convert(self, value: float, to: Unit) -> float:
        """``value`` in this unit, expressed in ``to`` (which must be compatible)."""
        if not self.dimension or not to.dimension:
            return value
        return value * self.scale / to.scale


NO_UNIT = Unit("", "")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as read from a value or a target."""

    value: float
    unit: Unit
    text: str  # as written

    def shown(self) -> str:
        """The number and its unit for people: ``11.4 units``, ``99.7 %``, ``£2,400``."""
        return show(self.value, self.unit)


@dataclass(frozen=True)
class Comparison:
    """What a target asks of a measured value."""

    operator: str  # "<=", "<", ">=", ">", "=" or "between"
    bounds: tuple[float, ...]  # one number; two (low, high) for "between"
    unit: Unit
    text: str  # the target as written

    def holds(self, value: float) -> bool:
        """Whether ``value`` (in the comparison's unit) meets the target."""
        first = self.bounds[0]
        if self.operator == "<=":
            return value <= first or _same(value, first)
        if self.operator == "<":
            return value < first and not _same(value, first)
        if self.operator == ">=":
            return value >= first or _same(value, first)
        if self.operator == ">":
            return value > first and not _same(value, first)
        if self.operator == "=":
            return _same(value, first)
        low, high = self.bounds
        return (low <= value or _same(value, low)) and (value <= high or _same(value, high))

    def value_of(self, quantity: Quantity) -> float | None:
        """``quantity`` in the comparison's unit; None when the units do not compare."""
        if not quantity.unit.compatible(self.unit):
            return None
        return quantity.unit.convert(quantity.value, self.unit)

    def meets(self, quantity: Quantity) -> bool | None:
        """Whether the quantity meets the target; None when the units do not compare."""
        value = self.value_of(quantity)
        return None if value is None else self.holds(value)

    def shown(self) -> str:
        """The comparison in one canonical form: ``<= 12 units``, ``between 88 and 92 %``."""
        if self.operator == "between":
            low, high = self.bounds
            first = self.unit if self.unit.dimension == "currency" else NO_UNIT
            return f"between {show(low, first)} and {show(high, self.unit)}"
        return f"{self.operator} {show(self.bounds[0], self.unit)}"


def parse_target(text: str) -> Comparison:
    """Read a target into a comparison, or raise :class:`UnreadableTarget` saying why."""
    written = " ".join(str(text).split())
    if not written:
        raise UnreadableTarget("the target is empty")
    core = _comparison_part(_normalised(written))
    if not re.search(r"\d", core):
        raise UnreadableTarget(f"`{written}` has no number to compare with")
    if re.search(r"\d,\d{1,2}(?!\d)|\d,\d{4,}", core):
        raise UnreadableTarget(
            f"`{written}` has a number with a comma that is not a thousands separator: "
            "write decimals with a point (12.5)"
        )
    for pattern, operator in (
        (_BETWEEN, "between"),
        (_PLUS_MINUS, "±"),
        (_SIGNED, ""),
        (_WORDED, ""),
        (_RANGE, "between"),
        (_SUFFIXED, ""),
        (_BARE, "="),
    ):
        match = pattern.fullmatch(core)
        if match is None or not _describes(match["tail"]):
            continue
        first = _read(match, "a")
        if operator in ("between", "±"):
            return _range(match, first, _read(match, "b"), operator, written)
        sign, beyond = match.groupdict().get("op"), match.groupdict().get("beyond")
        if sign:
            operator = _SIGNS.get(sign) or _WORDS[sign]
        elif beyond:
            operator = _OR_BEYOND[beyond]
        return Comparison(operator, (first.value,), first.unit, written)
    if len(re.findall(r"\d+(?:[.,]\d+)*", core)) > 2:
        raise UnreadableTarget(f"`{written}` has more numbers than one comparison")
    raise UnreadableTarget(f"`{written}` is not a comparison this tool can read")


def read_value(value: object) -> Quantity:
    """A measured value: a number, or text with a number and an optional unit
    (``45 minutes``, ``99.7 %``); raises :class:`UnreadableValue` otherwise."""
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        raise UnreadableValue("it is not a number")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise UnreadableValue("it is not a finite number")
        return Quantity(float(value), NO_UNIT, _number(float(value)))
    text = str(value).strip()
    if _VALUE.fullmatch(text) is None:
        raise UnreadableValue(
            f"`{' '.join(text.split())[:60]}` is not a number with an optional unit "
            "(`11.4`, `45 minutes`, `99.7 %`)"
        )
    match = _BARE.fullmatch(text)
    assert match is not None  # VALUE_PATTERN is a narrower _BARE
    try:
        return _read(match, "a")
    except UnreadableTarget as error:  # a number too large for a float
        raise UnreadableValue(str(error)) from None


def unit_of(word: str) -> Unit:
    """The unit a word or sign names; an unknown word is a unit of its own."""
    written = word.strip().rstrip(".")
    lowered = written.lower()
    if not lowered:
        return NO_UNIT
    if lowered in _PERCENT:
        return Unit("percent", "%", 1.0, "%")
    if lowered in _TIME_UNITS:
        return Unit("time", "s", _TIME_UNITS[lowered], written)
    if lowered in CURRENCIES:
        return Unit("currency", lowered, 1.0, written)
    singular = lowered[:-1] if lowered.endswith("s") and not lowered.endswith("ss") else lowered
    return Unit("word", singular, 1.0, written)


def show(value: float, unit: Unit) -> str:
    """A number for people (``12``, ``11.4``, ``2,500``) with its unit."""
    number = _number(value)
    if unit.dimension == "currency":
        return f"{unit.label}{number}"
    if not unit.label:
        return number
    return f"{number} {unit.label}"


def _number(value: float) -> str:
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _same(a: float, b: float) -> bool:
    """Equal but for the last bits of a float (0.1 + 0.2 is 0.3)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _normalised(text: str) -> str:
    """One spelling for each sign: ``≤`` and ``=<`` are ``<=``, every dash ``-``."""
    text = text.lower()
    for old, new in (
        ("≤", "<="),
        ("⩽", "<="),
        ("=<", "<="),
        ("≥", ">="),
        ("⩾", ">="),
        ("=>", ">="),
        ("==", "="),
        ("\uff1c", "<"),  # full-width signs
        ("\uff1e", ">"),
        ("\u2212", "-"),  # minus sign
        ("\u2013", "-"),  # en dash
        ("\u2014", "-"),  # em dash
        ("+/-", "±"),
        ("+-", "±"),
        ("per cent", "percent"),
    ):
        text = text.replace(old, new)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _comparison_part(text: str) -> str:
    """The text without remarks: parentheses, and what follows `, ` or `; `."""
    previous = None
    while previous != text:  # nested parentheses, innermost first
        previous = text
        text = re.sub(r"\([^()]*\)", " ", text)
    text = re.split(r"[;,](?=\s)", text, maxsplit=1)[0]
    return " ".join(text.split()).rstrip(".:")


def _describes(tail: str) -> bool:
    """Whether what follows the comparison only describes it (no second number or
    condition)."""
    words = tail.split()
    return not re.search(r"[\d<>=±]", tail) and not any(word in _JOINING for word in words)


def _read(match: re.Match[str], name: str) -> Quantity:
    symbol = match[f"{name}_cur"]
    digits = match[f"{name}_cnum"] if symbol else match[f"{name}_num"]
    number = float(digits.replace(",", ""))
    if not math.isfinite(number):
        raise UnreadableTarget(f"`{match[name][:40]}` is too large a number")
    unit = unit_of(symbol) if symbol else unit_of(match[f"{name}_unit"] or "")
    return Quantity(number, unit, match[name])


def _range(
    match: re.Match[str], first: Quantity, second: Quantity, operator: str, written: str
) -> Comparison:
    """A range from its two quantities: the unit of one goes for both."""
    if not first.unit.compatible(second.unit):
        raise UnreadableTarget(
            f"`{written}` compares in two units that do not convert "
            f"({first.unit.label} and {second.unit.label})"
        )
    unit = second.unit if second.unit.dimension else first.unit
    if operator == "±":
        centre = first.unit.convert(first.value, unit)
        spread = abs(second.unit.convert(second.value, unit))
        low, high = centre - spread, centre + spread
    else:
        low, high = first.unit.convert(first.value, unit), second.value
        if low > high:
            raise UnreadableTarget(f"`{written}`: the first end of the range is above the second")
    return Comparison("between", (low, high), unit, written)
