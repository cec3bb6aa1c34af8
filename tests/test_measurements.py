"""Objectives against measurements: targets read as comparisons, the checks on
measurements, the project page and index, the export, and `decisions measure`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_decisions.catalogue.findings import Finding, Severity
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import settings_from_options
from mkdocs_decisions.site.schemas import SHIPPED
from mkdocs_decisions.trace.measurements import (
    INCOMPARABLE,
    MET,
    MISSED,
    NO_DATA,
    assess,
)
from mkdocs_decisions.trace.targets import (
    UnreadableTarget,
    UnreadableValue,
    parse_target,
    read_value,
)

from conftest import PROJECT, Project, traced

PATH = "docs/projects/demand-forecasting.md"

# --- targets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "operator", "bounds", "unit"),
    [
        ("<= 12 units", "<=", (12,), "unit"),
        ("≤ 12", "<=", (12,), ""),
        ("=< 12", "<=", (12,), ""),
        ("< 60 minutes", "<", (60,), "time"),
        (">= 99.5 %", ">=", (99.5,), "%"),
        ("≥99.5%", ">=", (99.5,), "%"),
        ("=> 99.5 percent", ">=", (99.5,), "%"),
        ("> 0.8", ">", (0.8,), ""),
        ("at least 99.5%", ">=", (99.5,), "%"),
        ("At most 12", "<=", (12,), ""),
        ("no more than 22 minutes", "<=", (22,), "time"),
        ("not more than 3 incidents", "<=", (3,), "incident"),
        ("up to 4 hours", "<=", (4,), "time"),
        ("within 60 minutes", "<=", (60,), "time"),
        ("max. 3 h", "<=", (3,), "time"),
        ("under 1 hour", "<", (1,), "time"),
        ("less than 300 ms", "<", (300,), "time"),
        ("fewer than 5 incidents", "<", (5,), "incident"),
        ("more than 1,000 stores", ">", (1000,), "store"),
        ("above 0.9", ">", (0.9,), ""),
        ("exactly 7 days", "=", (7,), "time"),
        ("between 88 % and 92 %", "between", (88, 92), "%"),
        ("between 88 and 92 %", "between", (88, 92), "%"),
        ("from 1 to 2 hours", "between", (1, 2), "time"),
        ("88\u201392 %", "between", (88, 92), "%"),  # en dash
        ("88-92%", "between", (88, 92), "%"),
        ("88 to 92 %", "between", (88, 92), "%"),
        ("90 % ± 2", "between", (88, 92), "%"),
        ("90 +/- 2 %", "between", (88, 92), "%"),
        ("= 0", "=", (0,), ""),
        ("== 0", "=", (0,), ""),
        ("0 incidents", "=", (0,), "incident"),
        ("100 %, kept for 24 months", "=", (100,), "%"),
        ("12 units or less", "<=", (12,), "unit"),
        ("99.5 % or more", ">=", (99.5,), "%"),
        ("p95 < 300 ms", "<", (300,), "time"),
        ("P95 latency <= 0.3 s", "<=", (0.3,), "time"),
        ("MAE <= 12 units", "<=", (12,), "unit"),
        (">= 99.5 % (at most one fallback day in 200)", ">=", (99.5,), "%"),
        (">= 95 % of order lines", ">=", (95,), "%"),
        ("<= 12 units per store-product-day", "<=", (12,), "unit"),
        ("<= £2,500 a month", "<=", (2500,), "£"),
        ("≥ \u22125 %", ">=", (-5,), "%"),  # minus sign
    ],
)
def test_targets_as_teams_write_them(
    target: str, operator: str, bounds: tuple[float, ...], unit: str
) -> None:
    comparison = parse_target(target)
    assert comparison.operator == operator
    assert comparison.bounds == pytest.approx(bounds)
    name = comparison.unit.name if comparison.unit.dimension in ("word", "currency") else ""
    shown = {"percent": "%", "time": "time"}.get(comparison.unit.dimension, name)
    assert shown == unit
    assert comparison.text == target


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("", "empty"),
        ("fast enough", "no number"),
        ("as good as today", "no number"),
        ("<= 12 units or 5 %", "not a comparison"),
        ("12,5 units", "decimals with a point"),
        ("between 92 and 88 %", "above the second"),
        ("between 1 hour and 50 %", "two units"),
        ("<= 12 units and >= 3 units", "not a comparison"),
        ("3 to 5 to 7", "more numbers"),
    ],
)
def test_targets_that_cannot_be_read_say_why(target: str, why: str) -> None:
    with pytest.raises(UnreadableTarget, match=why):
        parse_target(target)


@pytest.mark.parametrize(
    ("target", "value", "met"),
    [
        ("<= 12 units", 11.4, True),
        ("<= 12 units", 12, True),
        ("<= 12 units", 12.01, False),
        ("<= 12 units", "11 units", True),
        ("<= 12 unit", "11 units", True),  # one word, singular or plural
        ("<= 12 units", "11 boxes", None),  # another word: never guessed
        ("< 60 minutes", "45 minutes", True),
        ("< 60 minutes", 60, False),
        ("< 1 hour", "45 min", True),
        ("< 1 hour", "90 minutes", False),
        ("<= 300 ms", "0.25 s", True),
        ("<= 300 ms", "3 kg", None),
        ("<= 60 minutes", "50 %", None),
        (">= 99.5 %", 99.7, True),
        (">= 99.5 %", "99.4 %", False),
        (">= 99.5 %", "99.5 percent", True),
        ("> 99.5 %", 99.5, False),
        ("between 88 % and 92 %", 88, True),
        ("between 88 % and 92 %", "92 %", True),
        ("between 88 % and 92 %", 92.5, False),
        ("= 0", 0, True),
        ("0 incidents", "1 incident", False),
        ("= 0.3", 0.1 + 0.2, True),  # float noise is not a miss
        ("<= £2,500", "£2,400", True),
        ("<= £2,500", "$2,400", None),
        ("<= 12", "11 units", True),  # a target without a unit takes the value's
    ],
)
def test_values_meet_targets_only_in_units_that_compare(
    target: str, value: object, met: bool | None
) -> None:
    assert parse_target(target).meets(read_value(value)) is met


@pytest.mark.parametrize(
    "value", ["fast", "", "11.4 units extra", "1/2", True, None, [1], {"a": 1}, float("nan")]
)
def test_values_that_are_not_numbers(value: object) -> None:
    with pytest.raises(UnreadableValue):
        read_value(value)


def test_values_with_units_keep_what_was_written() -> None:
    assert read_value("45 minutes").text == "45 minutes"
    assert read_value(11.4).text == "11.4"
    assert read_value(12).shown() == "12"
    assert read_value("£2,400").shown() == "£2400"
    assert parse_target("between 88 % and 92 %").shown() == "between 88 and 92 %"


# --- checks ----------------------------------------------------------------------------


def measured_project(measurements: str, target: str = '"<= 12 units"', status: str = "active"):  # type: ignore[no-untyped-def]
    """The conftest project with ``measurements`` (YAML lines, indented for the item) on
    REQ-1, whose item starts on line 9 and whose `serves` is line 13."""
    text = PROJECT.replace('    target: "<= 12 units"\n', f"    target: {target}\n")
    text = text.replace("status: active", f"status: {status}")
    return traced(
        **{PATH: text.replace("    serves: [BO-1]\n", "    serves: [BO-1]\n" + measurements)}
    )


def findings_of(tmp_path: Path, files: dict[str, str], **options: object) -> list[Finding]:
    for path, content in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(content, encoding="utf-8")
    settings = settings_from_options(options)
    return run_checks(load_corpus(tmp_path, tmp_path / "docs", settings), settings)


def rules_at(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule, f.position.line, f.position.column) for f in findings]


GOOD = (
    "    measurements:\n"  # line 14
    "      - date: 2026-07-12\n"
    "        value: 12.4\n"
    "        source: https://ci.example.com/runs/1\n"
    "      - date: 2026-10-25\n"  # line 18
    "        value: 11.4\n"
    "        note: after the weekly retrain\n"
)


def test_measurements_that_meet_the_target_raise_nothing(tmp_path: Path) -> None:
    assert findings_of(tmp_path, measured_project(GOOD)) == []


def test_a_missed_target_is_a_warning_at_the_latest_value(tmp_path: Path) -> None:
    missed = GOOD.replace("value: 11.4", "value: 12.6")
    (found,) = findings_of(tmp_path, measured_project(missed))
    assert rules_at([found]) == [("DEC514", 19, 16)]
    assert found.severity is Severity.WARNING
    assert "REQ-1" in found.message and "12.6" in found.message and "2026-10-25" in found.message
    assert "<= 12 units" in found.hint and "demand-forecasting/REQ-1" in found.hint


def test_a_missed_target_can_fail_the_build_or_stay_quiet(tmp_path: Path) -> None:
    missed = measured_project(GOOD.replace("value: 11.4", "value: 12.6"))
    (error,) = findings_of(tmp_path / "a", missed, rules={"DEC514": "error"})
    assert (error.rule, error.severity) == ("DEC514", Severity.ERROR)
    assert findings_of(tmp_path / "b", missed, rules={"DEC514": "off"}) == []


def test_only_active_projects_are_held_to_their_targets(tmp_path: Path) -> None:
    missed = GOOD.replace("value: 11.4", "value: 12.6")
    found = findings_of(tmp_path, measured_project(missed, status="proposed"))
    assert "DEC514" not in {f.rule for f in found}


def test_the_latest_is_by_date_not_by_place_in_the_file(tmp_path: Path) -> None:
    # The newer measurement is written first; the older one misses the target.
    swapped = (
        "    measurements:\n"
        "      - {date: 2026-10-25, value: 11.4}\n"
        "      - {date: 2026-07-12, value: 12.4}\n"
        "      - {date: 2026-10-25, value: 11.9}\n"  # same day, later in the file: it counts
    )
    files = measured_project(swapped)
    assert findings_of(tmp_path, files) == []
    settings = settings_from_options({})
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    project = corpus.get("demand-forecasting")
    assert project is not None
    req1 = corpus.traceability.objective(project, "REQ-1")
    assert req1 is not None
    assessment = assess(project, req1)
    assert assessment.status == MET
    assert assessment.latest is not None and assessment.latest.written == "11.9"
    assert [m.date.isoformat() for m in assessment.measurements] == [
        "2026-07-12",
        "2026-10-25",
        "2026-10-25",
    ]


def test_unreadable_target_with_measurements_is_a_warning(tmp_path: Path) -> None:
    files = measured_project(GOOD, target="as good as the baseline")
    (found,) = findings_of(tmp_path, files)
    assert rules_at([found]) == [("DEC512", 12, 13)]
    assert found.severity is Severity.WARNING
    assert "no number" in found.message and "`<= 12 units`" in found.hint


def test_unreadable_targets_without_measurements_are_text(tmp_path: Path) -> None:
    files = measured_project("", target="as good as the baseline")
    assert findings_of(tmp_path, files) == []


def test_incomplete_and_unreadable_measurements(tmp_path: Path) -> None:
    broken = (
        "    measurements:\n"  # line 14
        "      - value: 11\n"  # 15: no date
        "      - date: 2026-10-01\n"  # 16: no value
        "      - date: soon\n"  # 17
        "        value: 11\n"
        "      - date: 2026-10-02\n"  # 19
        "        value: fast\n"  # 20
        "      - date: 2026-10-03\n"  # 21
        "        value: 45 minutes\n"  # 22: not in units
        "      - date: 2026-10-04\n"  # 23
        "        value: 11\n"
        "        sorce: https://ci.example.com/1\n"  # 25
        "        source: javascript:alert(1)\n"  # 26
        "        note: [a, b]\n"  # 27
        "      - 11.4\n"  # 28
        "      - date: 2026-10-05 10:00:00\n"  # 29: a moment, not a day
        "        value: 11\n"
    )
    found = findings_of(tmp_path, measured_project(broken))
    assert rules_at(found) == [
        ("DEC513", 15, 9),
        ("DEC513", 16, 9),
        ("DEC513", 17, 15),
        ("DEC513", 20, 16),
        ("DEC513", 22, 16),
        ("DEC511", 25, 9),
        ("DEC602", 26, 17),
        ("DEC007", 27, 15),
        ("DEC513", 28, 9),
        ("DEC513", 29, 15),
    ]
    messages = [f.message for f in found]
    assert "has no `date`" in messages[0] and "has no `value`" in messages[1]
    assert "does not convert" in messages[4]
    assert found[5].hint == "did you mean `source`?"
    assert all(f.severity is Severity.ERROR for f in found if f.rule == "DEC513")


def test_measurements_belong_to_measured_lists(tmp_path: Path) -> None:
    text = PROJECT.replace(
        "    title: Cut fresh-food waste by 15 %\n",
        "    title: Cut fresh-food waste by 15 %\n"
        "    measurements: [{date: 2026-10-01, value: 3}]\n",
    )
    (found,) = findings_of(tmp_path, traced(**{PATH: text}))
    assert rules_at([found]) == [("DEC511", 8, 5)]
    assert "business objectives" in found.message


def test_measurements_must_be_a_list(tmp_path: Path) -> None:
    (found,) = findings_of(tmp_path, measured_project("    measurements: 11.4\n"))
    assert rules_at([found]) == [("DEC007", 14, 19)]


# --- the site --------------------------------------------------------------------------

HOSTILE = (
    "    measurements:\n"
    "      - date: 2026-07-12\n"
    "        value: 12.4\n"
    '        source: "javascript:alert(1)"\n'
    "      - date: 2026-08-30\n"
    "        value: 11.5\n"
    "        source: https://ci.example.com/runs/2?a=1&b=2\n"
    "      - date: 2026-10-25\n"
    "        value: 12.6\n"
    '        note: "<script>alert(1)</script> & <b>bold</b>"\n'
    '        source: "https://ci.example.com/runs/3\\"><script>alert(2)</script>"\n'
)


def build_measured(project: Project, measurements: str, **plugin_options: object) -> None:
    for path, content in measured_project(measurements).items():
        project.write(path, content)
    text = (project.root / PATH).read_text(encoding="utf-8")
    # A quality attribute with data in another unit, and one that cannot be compared.
    text = text.replace(
        '    target: "<= 60 minutes"\n',
        '    target: "<= 1 hour"\n    measurements:\n'
        "      - {date: 2026-10-01, value: 45 minutes}\n",
    )
    project.write(PATH, text)
    project.write(
        "docs/projects/other.md",
        "---\nid: other\ntitle: Other\nstatus: proposed\nrequirements:\n  - id: REQ-1\n"
        "    title: Big <enough>\n    metric: size\n    target: roughly right\n"
        "    measurements: [{date: 2026-10-01, value: 3}]\n  - id: REQ-2\n    title: Small\n"
        "    metric: size\n    target: <= 5\n---\n\n# Other\n",
    )
    project.configure(plugin_options=plugin_options or None)
    result = project.build()
    assert result.returncode == 0, result.stderr


def test_project_page_shows_latest_value_status_and_trend(project: Project) -> None:
    build_measured(project, GOOD.replace("value: 11.4", "value: 12.6"))
    page = project.content("projects/demand-forecasting/index.html")
    row = page.split('<tr id="objective-req-1">', 1)[1].split("</tr>", 1)[0]
    assert "12.6 units" in row and "2026-10-25" in row
    assert "decisions-measure-not-met" in row and "✗ not met" in row
    assert "after the weekly retrain" in row
    (svg,) = re.findall(r"<svg class=\"decisions-trend\".*?</svg>", row)
    assert 'role="img"' in svg and 'aria-labelledby="objective-req-1-trend-title"' in svg
    title = re.search(r'<title id="objective-req-1-trend-title">([^<]*)</title>', svg)
    assert title is not None
    assert title[1] == (
        "Trend of REQ-1: 2 measurements from 2026-07-12 to 2026-10-25; target &lt;= 12 "
        "units; latest 12.6 units on 2026-10-25: not met"
    )
    assert svg.count('class="decisions-trend-target"') == 1  # the target line
    assert 'class="decisions-trend-band"' in svg  # the side that meets it
    assert svg.count("<circle ") == 2 and 'data-points="2"' in svg
    assert svg.count("decisions-trend-missed") == 2  # 12.4 and 12.6 both miss
    assert "<polyline " in svg
    assert "#" not in svg.split("<title", 1)[0]  # no fixed colour: the stylesheet's
    qa1 = page.split('<tr id="objective-qa-1">', 1)[1].split("</tr>", 1)[0]
    assert "45 minutes" in qa1 and "✓ met" in qa1 and 'data-points="1"' in qa1
    # Measured lists get the column; business objectives and constraints do not.
    assert page.count("<th>Latest</th>") == 2
    other = project.content("projects/other/index.html")
    assert "cannot compare" in other and "no number" in other
    assert "decisions-trend" not in other.split('id="objective-req-2"', 1)[1].split("</tr>")[0]
    assert "no data" in other


def test_projects_index_counts_met_unmet_and_no_data(project: Project) -> None:
    build_measured(project, GOOD.replace("value: 11.4", "value: 12.6"))
    index = project.content("projects/index.html")
    assert "<th>Targets met</th><th>Not met</th><th>No data</th>" in index
    rows = {
        name: row
        for name, row in re.findall(r'<tr><td><a href="[^"]*">([^<]+)</a>(.*?)</tr>', index)
    }
    # demand-forecasting: QA-1 met, REQ-1 not met; other: REQ-1 cannot compare, REQ-2 no data.
    cells = re.findall(r"<td>(.*?)</td>", rows["demand-forecasting"])
    assert cells[4:7] == ["1", '<span class="decisions-gap">1</span>', "0"]
    other = re.findall(r"<td>(.*?)</td>", rows["other"])
    assert other[4] == "0" and other[5] == "0"
    assert other[6].startswith("1") and "1 more cannot be compared" in other[6]


def test_projects_without_measurements_keep_their_pages(project: Project) -> None:
    for path, content in traced().items():
        project.write(path, content)
    project.configure()
    assert project.build("--strict").returncode == 0
    assert "<th>Latest</th>" not in project.content("projects/demand-forecasting/index.html")
    assert "Targets met" not in project.content("projects/index.html")


def test_hostile_values_are_escaped_and_never_linked(project: Project) -> None:
    build_measured(project, HOSTILE)
    page = project.content("projects/demand-forecasting/index.html")
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "javascript:" not in page
    row = page.split('<tr id="objective-req-1">', 1)[1].split("</tr>", 1)[0]
    # The latest source is linked with its quotes and brackets percent-encoded.
    assert (
        '<a href="https://ci.example.com/runs/3%22%3E%3Cscript%3Ealert%282%29%3C/script%3E">' in row
    )
    other = project.content("projects/other/index.html")
    assert "Big &lt;enough&gt;" in other
    result = project.check()
    assert "DEC602" in result.stdout


def test_trend_pictures_are_the_same_bytes_on_every_build(project: Project) -> None:
    build_measured(project, GOOD)
    first = project.content("projects/demand-forecasting/index.html")
    assert project.build().returncode == 0
    assert project.content("projects/demand-forecasting/index.html") == first


def test_export_carries_measurements_and_the_comparison(project: Project) -> None:
    build_measured(project, GOOD.replace("value: 11.4", "value: 12.6"))
    result = project.decisions("export", "--no-history")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    schema = json.loads((SHIPPED / "decisions-export.schema.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in document["records"]}
    record_schema = {"$ref": "#/$defs/record", "$defs": schema["$defs"]}
    for project_id in ("demand-forecasting", "other"):
        jsonschema.Draft202012Validator(record_schema).validate(records[project_id])
    objectives = {o["id"]: o for o in records["demand-forecasting"]["objectives"]}
    req1 = objectives["REQ-1"]
    assert req1["comparison"] == {"operator": "<=", "bounds": [12.0], "unit": "units"}
    assert req1["measurement_status"] == MISSED
    assert [m["value"] for m in req1["measurements"]] == [12.4, 12.6]
    assert req1["measurements"][0]["source"] == "https://ci.example.com/runs/1"
    assert req1["latest_measurement"] == req1["measurements"][-1]
    assert req1["latest_measurement"]["meets_target"] is False
    qa1 = objectives["QA-1"]
    assert qa1["measurements"][0]["unit"] == "minutes" and qa1["measurement_status"] == MET
    assert "measurements" not in objectives["BO-1"] and "comparison" not in objectives["CON-1"]
    other = {o["id"]: o for o in records["other"]["objectives"]}
    assert other["REQ-1"]["comparison"] is None
    assert other["REQ-1"]["measurement_status"] == INCOMPARABLE
    assert other["REQ-2"]["measurement_status"] == NO_DATA


# --- decisions measure -----------------------------------------------------------------

# A project as people write it: comments, odd spacing, quoting, a folded description,
# lists indented both ways, and a body after the front matter.
HAND_WRITTEN = """\
---
# Objectives agreed with Store operations, 2026-01-12.
id: demand-forecasting
title:   Demand forecasting   # the working title
status: active
requirements:
- id: REQ-1
  title: 'Forecast demand'
  description: >-
    Next-day units per store and product,
    for every active pair.
  metric: MAE in units
  target: "<= 12 units"    # agreed with the product owner
  # measured weekly by the backtest
- id: REQ-2
  title: Fresh
  metric: MAE on fresh
  target: "<= 10 units"
  measurements:
  - date: 2026-10-25   # the first live month
    value: 9.6
    source: https://ci.example.com/runs/1

  - date: 2026-11-01
    value: 9.4
  # more follow from CI
quality_attributes:
  - id: QA-1
    title: Timeliness
    measure: minutes after 08:00
    target: "<= 1 hour"
    measurements:
      - {date: 2026-10-31, value: 45 minutes}
  - id: QA-2
    title: Availability
    measure: share of days
    target: ">= 99.5 %"
    measurements: []
  - id: QA-3
    title: Cost
    measure: pounds a month
    target: "<= £2,500"
    measurements:
  - id: QA-4
    title: Retraining
    measure: hours
    target: "<= 4 hours"
    measurements: ~  # none yet
cross_cutting: [STD-SEC-001]
---

# Demand forecasting

Text that stays as it is.
"""


def measure(project: Project, *arguments: str) -> tuple[int, str, str]:
    result = project.decisions("measure", *arguments)
    return result.returncode, result.stdout, result.stderr


def added_lines(before: str, after: str) -> list[str]:
    """The lines ``after`` has that ``before`` has not, asserting nothing else changed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added, cursor = [], 0
    for line in new:
        if cursor < len(old) and line == old[cursor]:
            cursor += 1
        else:
            added.append(line)
    assert cursor == len(old), "a line of the file was changed or lost"
    return added


@pytest.fixture
def hand_written(project: Project) -> Project:
    project.write(PATH, HAND_WRITTEN)
    project.write("docs/standards/std-sec-001.md", traced()["docs/standards/std-sec-001.md"])
    project.configure()
    return project


@pytest.mark.parametrize(
    ("objective", "arguments", "expected"),
    [
        (
            "REQ-1",  # no list yet: created in block style, after the item's last line
            ["11.4", "--date", "2026-11-30", "--source", "https://ci.example.com/runs/9"],
            [
                "  measurements:\n",
                "  - date: 2026-11-30\n",
                "    value: 11.4\n",
                "    source: https://ci.example.com/runs/9\n",
            ],
        ),
        (
            "REQ-2",  # a block list: the entry after the last, before the trailing comment
            ["9.3", "--date", "2026-11-30", "--note", "after ADR-0009: weekly, it's fine"],
            [
                "  - date: 2026-11-30\n",
                "    value: 9.3\n",
                "    note: 'after ADR-0009: weekly, it''s fine'\n",
            ],
        ),
        (
            "QA-1",  # flow entries: one more flow entry
            ["50 minutes", "--date", "2026-11-30", "--source", "https://ci.example.com/r?a=1,2"],
            [
                '      - {date: 2026-11-30, value: 50 minutes, source: "https://ci.example.com/r?a=1,2"}\n'
            ],
        ),
        (
            "QA-3",
            ["£2,400", "--date", "2026-11-30"],
            ["      - date: 2026-11-30\n", "        value: £2,400\n"],
        ),
    ],
)
def test_measure_appends_one_entry_and_keeps_every_other_byte(
    hand_written: Project, objective: str, arguments: list[str], expected: list[str]
) -> None:
    code, out, err = measure(hand_written, f"demand-forecasting/{objective}", *arguments)
    assert code == 0, err
    assert out.strip() == PATH
    after = (hand_written.root / PATH).read_text(encoding="utf-8")
    assert added_lines(HAND_WRITTEN, after) == expected
    assert hand_written.check().returncode == 0


def test_measure_fills_an_empty_flow_list_and_null_values(hand_written: Project) -> None:
    assert (
        measure(hand_written, "demand-forecasting/QA-2", "99.7 %", "--date", "2026-11-30")[0] == 0
    )
    assert measure(hand_written, "demand-forecasting/QA-4", "3.5", "--date", "2026-11-30")[0] == 0
    after = (hand_written.root / PATH).read_text(encoding="utf-8")
    assert "    measurements: [{date: 2026-11-30, value: 99.7 %}]\n" in after
    assert "    measurements:  # none yet\n      - date: 2026-11-30\n        value: 3.5\n" in after
    front = yaml.safe_load(after.split("---\n")[1])
    assert front["quality_attributes"][1]["measurements"] == [
        {"date": dt.date(2026, 11, 30), "value": "99.7 %"}
    ]
    assert front["quality_attributes"][3]["measurements"] == [
        {"date": dt.date(2026, 11, 30), "value": 3.5}
    ]
    # Everything else kept: remove what was added and the file is the original.
    restored = after.replace("[{date: 2026-11-30, value: 99.7 %}]", "[]").replace(
        "  # none yet\n      - date: 2026-11-30\n        value: 3.5\n", " ~  # none yet\n"
    )
    assert restored == HAND_WRITTEN


def test_measure_keeps_crlf_and_a_byte_order_mark(project: Project) -> None:
    original = ("\ufeff" + PROJECT).replace("\n", "\r\n").encode("utf-8")
    for path, content in traced().items():
        project.write(path, content)
    project.write(PATH, original)
    project.configure()
    code, _, err = measure(project, "demand-forecasting/QA-1", "42", "--date", "2026-11-30")
    assert code == 0, err
    after = (project.root / PATH).read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    assert (
        after.replace(
            b"    measurements:\r\n      - date: 2026-11-30\r\n        value: 42\r\n", b""
        )
        == original
    )


def test_measure_twice_the_same_changes_nothing(hand_written: Project) -> None:
    arguments = ("demand-forecasting/REQ-2", "9.4", "--date", "2026-11-01")
    code, out, err = measure(hand_written, *arguments)
    assert code == 0 and out == "" and "already" in err
    assert (hand_written.root / PATH).read_text(encoding="utf-8") == HAND_WRITTEN


def test_measure_defaults_to_today(hand_written: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DECISIONS_TODAY", "2026-12-01")
    assert measure(hand_written, "demand-forecasting/REQ-1", "11")[0] == 0
    assert "  - date: 2026-12-01\n    value: 11\n" in (hand_written.root / PATH).read_text()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["demand-forcasting/REQ-1", "11"],
            "no project has the id `demand-forcasting`; did you mean `demand-forecasting`?",
        ),
        (["demand-forecasting/REQ-9", "11"], "project demand-forecasting defines no `REQ-9`"),
        (["REQ-1", "11"], "does not name an objective"),
        (["demand-forecasting/REQ-1", "fast"], "is not a number with an optional unit"),
        (["demand-forecasting/QA-1", "3 kg"], "not in a unit of the target of QA-1"),
        (["demand-forecasting/REQ-1", "11", "--date", "2026-13-01"], "--date 2026-13-01"),
        (["demand-forecasting/REQ-1", "11", "--date", "30.11.2026"], "YYYY-MM-DD"),
        (["demand-forecasting/REQ-1", "11", "--source", "javascript:alert(1)"], "DEC602"),
        (["demand-forecasting/REQ-1", "11", "--source", "ci/runs/1"], "not an http(s) address"),
        (["demand-forecasting/REQ-1", "11", "--note", "a\x1bb"], "control characters"),
    ],
)
def test_measure_refuses_with_one_line(
    hand_written: Project, arguments: list[str], message: str
) -> None:
    code, out, err = measure(hand_written, *arguments)
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1 and err.startswith("decisions: ")
    assert (hand_written.root / PATH).read_text(encoding="utf-8") == HAND_WRITTEN


def test_measure_refuses_business_objectives(project: Project) -> None:
    for path, content in traced().items():
        project.write(path, content)
    project.configure()
    code, _, err = measure(project, "demand-forecasting/BO-1", "3")
    assert code == 1 and "no target to measure against" in err


def test_measure_refuses_items_written_in_flow_style(project: Project) -> None:
    flow = PROJECT.replace(
        "  - id: QA-1\n    title: Timeliness\n"
        "    measure: minutes from sales data landing at 08:00 to forecasts published\n"
        '    target: "<= 60 minutes"\n',
        '  - {id: QA-1, title: Timeliness, measure: minutes, target: "<= 60 minutes"}\n',
    )
    for path, content in traced(**{PATH: flow}).items():
        project.write(path, content)
    project.configure()
    code, _, err = measure(project, "demand-forecasting/QA-1", "3")
    assert code == 1 and "by hand" in err
    assert (project.root / PATH).read_text(encoding="utf-8") == flow


def test_what_measure_writes_the_site_shows(hand_written: Project) -> None:
    for value, day in (("13.1", "2026-10-01"), ("11.9", "2026-11-01")):
        code, _, err = measure(hand_written, "demand-forecasting/REQ-1", value, "--date", day)
        assert code == 0, err
    assert hand_written.build().returncode == 0
    page = hand_written.content("projects/demand-forecasting/index.html")
    row = page.split('<tr id="objective-req-1">', 1)[1].split("</tr>", 1)[0]
    assert "11.9 units" in row and "✓ met" in row and 'data-points="2"' in row
