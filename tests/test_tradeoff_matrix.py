"""The trade-off matrix: options and their arguments read as teams write them, and each
argument placed in the rows of the drivers and objectives it names (ADR-0023).

Every fixture is written for this test: a few lines in the shape of a format seen in
real collections (MADR 1 to 4, Nygard, labelled lists, signs, tables, RFC alternatives
and drawbacks), never a copy of another project's file.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.records.arguments import (
    Weighing,
    decision_drivers,
    driver,
    significant_words,
    weighing,
)
from mkdocs_decisions.records.kinds import default_kinds
from mkdocs_decisions.records.model import Record
from mkdocs_decisions.records.parse import SourceFile, normalise_id, parse_record
from mkdocs_decisions.records.tradeoffs import argument_label, argument_text, explicit_kind
from mkdocs_decisions.trace.matrix import Traceability
from mkdocs_decisions.trace.tradeoffs import (
    Target,
    TradeoffMatrix,
    place,
    qualified_ids,
    tradeoff_matrix,
)
from test_export import EXPORT_SCHEMA

from conftest import PROJECT, ROOT, Project, standard

KINDS = default_kinds()


def record(text: str, path: str = "adr/0001-x.md", kind: str = "adr") -> Record:
    source = SourceFile(source_path=f"/project/{path}", path=path, site_path=path)
    return parse_record(text.encode("utf-8"), source, KINDS[kind], KINDS)[0]


def weighed(text: str, kind: str = "adr") -> Weighing:
    path = "rfc/0001-x.md" if kind == "rfc" else "adr/0001-x.md"
    return weighing(record(text, path, kind), KINDS[kind])


def arguments(found: Weighing) -> dict[str, list[tuple[str, str]]]:
    """Each option's short name and its (kind, text) arguments."""
    assert not found.problem, found.problem
    return {
        option.option.short_name: [(a.kind, a.text) for a in option.arguments]
        for option in found.options
    }


def matrix(text: str, *others: str, kind: str = "adr") -> TradeoffMatrix:
    path = "rfc/0001-x.md" if kind == "rfc" else "adr/0001-x.md"
    own = record(text, path, kind)
    records = [own, record(PROJECT, "docs/projects/demand-forecasting.md", "project")]
    records += [record(other, f"adr/000{n + 2}-y.md") for n, other in enumerate(others)]
    trace = Traceability(records, {normalise_id(r.id): r for r in records})
    found = tradeoff_matrix(own, KINDS[kind], trace)
    assert found is not None, weighing(own, KINDS[kind]).problem
    return found


def table(found: TradeoffMatrix) -> dict[str, list[list[str]]]:
    """Each row's label and, per column, the texts of its arguments."""
    return {
        row.label: [[placed.argument.text for placed in cell] for cell in cells]
        for row, cells in zip(found.rows, found.cells, strict=True)
    }


FRONT = "---\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]\n---\n\n"

# MADR 3 and 4: front matter, drivers, options, outcome, pros and cons per option.
MADR4 = (
    FRONT
    + """# Serve forecasts in a nightly batch

## Context and Problem Statement

Forecasts must be ready before 09:00.

## Decision Drivers

* **Timeliness**: forecasts ready within 60 minutes (QA-1)
* D2: Cost of running it
* Team skills

## Considered Options

* Nightly batch
* Online service

## Decision Outcome

Chosen option: "Nightly batch", because it is cheap.

### Consequences

* Good, because it is cheap.
* Bad, because a late load delays every forecast.

## Pros and Cons of the Options

### Nightly batch

A job on the ML platform.

* Good, because it meets QA-1 with a margin.
* Good, because it costs little (D2).
* Neutral, because the team skills it needs are the ones we have.
* Bad, because a late load delays every store.

### Online service

* Good, because it can re-forecast at midday.
* Bad, because its timeliness depends on OrderLink.
* Bad, because it costs four times as much.
"""
)


def test_madr4_options_arguments_and_drivers() -> None:
    found = weighed(MADR4)
    assert arguments(found) == {
        "Nightly batch": [
            ("good", "it meets QA-1 with a margin."),
            ("good", "it costs little (D2)."),
            ("neutral", "the team skills it needs are the ones we have."),
            ("bad", "a late load delays every store."),
        ],
        "Online service": [
            ("good", "it can re-forecast at midday."),
            ("bad", "its timeliness depends on OrderLink."),
            ("bad", "it costs four times as much."),
        ],
    }
    assert found.chosen == (0,)
    assert [(d.own_id, d.name) for d in found.drivers] == [
        ("", "Timeliness"),
        ("D2", "Cost of running it"),
        ("", "Team skills"),
    ]


def test_each_argument_lands_in_the_rows_it_names() -> None:
    found = matrix(MADR4)
    assert [row.kind for row in found.rows] == ["driver", "driver", "driver", "other"]
    assert [column.mark for column in found.columns] == ["chosen", ""]
    assert table(found) == {
        "Timeliness: forecasts ready within 60 minutes (QA-1)": [
            ["it meets QA-1 with a margin."],
            ["its timeliness depends on OrderLink."],
        ],
        "D2: Cost of running it": [["it costs little (D2)."], []],
        "Team skills": [["the team skills it needs are the ones we have."], []],
        "Other arguments": [
            ["a late load delays every store."],
            ["it can re-forecast at midday.", "it costs four times as much."],
        ],
    }
    timeliness = found.cells[0]
    assert timeliness[0][0].names == ("QA-1",)
    assert timeliness[1][0].names == ("\u201cTimeliness\u201d",)


def test_objectives_the_decision_addresses_get_rows_of_their_own() -> None:
    text = MADR4.replace(
        "deciders: [Ana Silva]",
        "deciders: [Ana Silva]\nproject: demand-forecasting\naddresses: [REQ-1, QA-1]",
    ).replace("* Bad, because it costs four times as much.", "* Bad, because it misses REQ-1.")
    found = matrix(text)
    rows = [(row.kind, row.label, row.id) for row in found.rows]
    # QA-1 is named by the Timeliness driver: no row of its own.
    assert ("objective", "REQ-1 Forecast next-day demand per store and product", "REQ-1") in rows
    assert not any(row.label.startswith("QA-1") for row in found.rows)
    assert table(found)["REQ-1 Forecast next-day demand per store and product"] == [
        [],
        ["it misses REQ-1."],
    ]


def test_every_argument_is_shown_once_at_least_and_in_every_row_it_names() -> None:
    found = matrix(
        MADR4.replace(
            "* Good, because it costs little (D2).",
            "* Good, because it costs little (D2) and meets QA-1.",
        )
    )
    texts = [placed.argument.text for cells in found.cells for cell in cells for placed in cell]
    assert texts.count("it costs little (D2) and meets QA-1.") == 2
    originals = [a.text for option in weighed(MADR4).options for a in option.arguments]
    assert len(originals) == 7
    shown = {p.argument.text for cells in found.cells for cell in cells for p in cell}
    assert len(shown) == 7


# MADR 2: metadata bullets, "[option 1]" headings, template leftovers and comments.
MADR2 = """# Use PostgreSQL for the feature registry

* Status: accepted
* Deciders: Ana Silva, Bo Chen
* Date: 2026-02-01

## Context and Problem Statement

We need a registry.

## Decision Drivers <!-- optional -->

* Operations: who runs it at night
* Licence cost

## Considered Options

* [PostgreSQL]
* [MongoDB]
* Files in object storage

## Decision Outcome

Chosen option: "PostgreSQL", because the platform runs it for us.

## Pros and Cons of the Options <!-- optional -->

### [PostgreSQL]

[PostgreSQL]: https://www.postgresql.org/

<!-- This is an optional element. Feel free to remove. -->
* Good, because the platform team operations cover it
* Bad, because schema changes need migrations
* … <!-- numbers of pros and cons can vary -->

### [MongoDB]

* Good, because documents fit the registry entries
* Bad, because nobody here has run it in operations
* Bad, because the licence cost of the managed tier is high

### Files in object storage

* Good, because there is nothing to run
* Bad, because there are no transactions
"""


def test_madr2_reference_names_leftovers_and_comments() -> None:
    found = weighed(MADR2)
    assert arguments(found) == {
        "PostgreSQL": [
            ("good", "the platform team operations cover it"),
            ("bad", "schema changes need migrations"),
        ],
        "MongoDB": [
            ("good", "documents fit the registry entries"),
            ("bad", "nobody here has run it in operations"),
            ("bad", "the licence cost of the managed tier is high"),
        ],
        "Files in object storage": [
            ("good", "there is nothing to run"),
            ("bad", "there are no transactions"),
        ],
    }
    assert found.chosen == (0,)
    rows = table(matrix(MADR2))
    assert rows["Operations: who runs it at night"] == [
        ["the platform team operations cover it"],
        ["nobody here has run it in operations"],
        [],
    ]
    assert rows["Licence cost"] == [[], ["the licence cost of the managed tier is high"], []]


def test_madr1_arguments_nested_under_the_options() -> None:
    text = FRONT + (
        "# Queue\n\n## Considered Options\n\n"
        "* Kafka\n"
        "    * Good, because it keeps events for a week\n"
        "    * Bad, because it needs a cluster\n"
        "      that someone must run\n"
        "        * and patch every month\n"
        "* RabbitMQ\n"
        "  * Good, because the team knows it\n"
        "  * Bad, because replays are hard\n\n"
        "We tried both in March.\n\n"
        "## Decision Outcome\n\nChosen option: Kafka, because of replays.\n"
    )
    assert arguments(weighed(text)) == {
        "Kafka": [
            ("good", "it keeps events for a week"),
            ("bad", "it needs a cluster that someone must run; and patch every month"),
        ],
        "RabbitMQ": [("good", "the team knows it"), ("bad", "replays are hard")],
    }


def test_labels_subheadings_signs_and_emoji() -> None:
    text = FRONT + (
        "# Store\n\n## Considered Options\n\n"
        "### Option 1: Postgres\n\n"
        "Pros:\n\n* managed by the platform\n* SQL\n\nCons:\n\n* costs money\n\n"
        "### Option 2: SQLite\n\n#### Advantages\n\n* no server\n\n#### Drawbacks\n\n"
        "* one writer at a time\n\n"
        "### Option 3: Redis\n\n* Pros:\n  * fast\n* Cons:\n  * memory only\n\n"
        "### Option 4: Files\n\n+ nothing to run\n- no queries\n\n"
        "### Option 5: DynamoDB\n\n* \u2705 scales by itself\n* :x: vendor lock-in\n"
        "* \U0001f44e pricing per request\n\n"
        "## Decision Outcome\n\nChosen option: Option 1.\n"
    )
    found = weighed(text)
    assert arguments(found) == {
        "Postgres": [("good", "managed by the platform"), ("good", "SQL"), ("bad", "costs money")],
        "SQLite": [("good", "no server"), ("bad", "one writer at a time")],
        "Redis": [("good", "fast"), ("bad", "memory only")],
        "Files": [("good", "nothing to run"), ("bad", "no queries")],
        "DynamoDB": [
            ("good", "scales by itself"),
            ("bad", "vendor lock-in"),
            ("bad", "pricing per request"),
        ],
    }
    assert found.chosen == (0,)


def test_bold_paragraph_options_with_their_lists() -> None:
    text = FRONT + (
        "# Cache\n\n## Considered Options\n\n"
        "**Option 1:** A cache in front of the API\n"
        "* Pro: fast answers\n* Con: stale data for a minute\n\n"
        "**Option 2:** No cache\n\n"
        "* Good, because always fresh\n* Bad, because slow at peak\n\n"
        "## Decision Outcome\n\nChosen option: Option 2.\n"
    )
    found = weighed(text)
    assert arguments(found) == {
        "A cache in front of the API": [
            ("good", "fast answers"),
            ("bad", "stale data for a minute"),
        ],
        "No cache": [("good", "always fresh"), ("bad", "slow at peak")],
    }
    assert found.chosen == (1,)


def test_a_table_of_pros_and_cons_per_option() -> None:
    text = FRONT + (
        "# Scheduler\n\n## Considered Options\n\n* Airflow\n* Cron\n\n"
        "## Decision Outcome\n\nChosen option: Airflow.\n\n"
        "## Pros and Cons of the Options\n\n"
        "| Option | Pros | Cons |\n| --- | --- | --- |\n"
        "| Airflow | retries<br>a UI | one more service |\n"
        "| Cron | nothing to run | no retries<br>no history |\n"
    )
    assert arguments(weighed(text)) == {
        "Airflow": [("good", "retries"), ("good", "a UI"), ("bad", "one more service")],
        "Cron": [("good", "nothing to run"), ("bad", "no retries"), ("bad", "no history")],
    }


def test_options_from_the_pros_and_cons_headings_alone() -> None:
    text = FRONT + (
        '# Format\n\n## Decision Outcome\n\nChosen option: "Parquet".\n\n'
        "## Pros and Cons of the Options\n\n### Parquet\n\n* Good, because columnar\n\n"
        "### CSV\n\n* Good, because readable\n* Bad, because no types\n"
    )
    found = weighed(text)
    assert list(arguments(found)) == ["Parquet", "CSV"] and found.chosen == (0,)


def test_an_option_not_argued_anywhere_is_an_empty_column() -> None:
    text = MADR4.replace("* Online service\n", "* Online service\n* Do nothing\n")
    found = matrix(text)
    assert [column.name for column in found.columns][-1] == "Do nothing"
    assert all(cells[-1] == () for cells in found.cells)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        # Nygard: context, decision, consequences; the options only in prose.
        (
            lambda text: (
                FRONT + "# X\n\n## Context\n\nWe weighed Kafka against RabbitMQ; Kafka keeps "
                "events, RabbitMQ is simpler.\n\n## Decision\n\nWe use Kafka.\n"
            ),
            "fewer than two options",
        ),
        # An option whose pros and cons are a paragraph.
        (
            lambda text: text.replace(
                "* Good, because it can re-forecast at midday.\n"
                "* Bad, because its timeliness depends on OrderLink.\n"
                "* Bad, because it costs four times as much.\n",
                "It could re-forecast at midday, but it costs four times as much.\n",
            ),
            '"Online service" is discussed in prose',
        ),
        # An argument that says neither good nor bad.
        (
            lambda text: text.replace(
                "* Bad, because it costs four times as much.", "* It costs four times as much."
            ),
            "does not say good, neutral or bad",
        ),
        # A leading word alone is no kind: "Costs little" is not an argument against.
        (
            lambda text: text.replace(
                "* Bad, because it costs four times as much.", "* Costs four times as much."
            ),
            "does not say good, neutral or bad",
        ),
        # A heading in Pros and Cons that is none of the options.
        (
            lambda text: text.replace("### Online service", "### Serverless functions"),
            '"Serverless functions" is none of the options',
        ),
        # A table that is not one of pros and cons: numbers weigh the options too.
        (
            lambda text: text.replace(
                "## Pros and Cons of the Options\n",
                "## Pros and Cons of the Options\n\n| Option | MAE |\n| --- | --- |\n"
                "| Nightly batch | 11.2 |\n",
            ),
            "a table that is not one of pros and cons",
        ),
        # An argument written next to the options, belonging to none of them.
        (
            lambda text: text.replace(
                "* Online service\n", "* Online service\n* Bad, because both cost money\n"
            ),
            "an argument outside any option",
        ),
        # Arguments that say no kind at all.
        (
            lambda text: text.replace("* Good, because", "*").replace("* Bad, because", "*"),
            "does not say good, neutral or bad",
        ),
    ],
    ids=[
        "nygard",
        "prose",
        "unmarked",
        "leading-word",
        "unknown-heading",
        "numbers-table",
        "outside",
        "no-kinds",
    ],
)
def test_no_matrix_rather_than_a_wrong_one(change: object, problem: str) -> None:
    found = weighed(change(MADR4))  # type: ignore[operator]
    assert problem in found.problem and not found.options


RFC = """---
title: Feature store
status: accepted
date: 2026-02-01
authors: [Bo Chen]
project: demand-forecasting
addresses: [QA-1]
---

# Feature store

## Summary

One store for features.

## Motivation

Features are computed three times.

## Design

A table per entity.

## Alternatives

* Tables in the warehouse
  * Good, because it is cheap.
  * Bad, because joins are written by hand.
* A vendor's store
  * Bad, because it costs £5,000 a month.

## Drawbacks

* One more system to run.
* Features in Python are new to the analysts; materialising them adds 7 minutes
  to the morning run, against QA-1.
"""


def test_an_rfc_weighs_its_proposal_with_its_drawbacks_against_its_alternatives() -> None:
    found = matrix(RFC, kind="rfc")
    assert [(c.name, c.mark, c.proposal) for c in found.columns] == [
        ("This proposal", "chosen", True),
        ("Tables in the warehouse", "", False),
        ("A vendor's store", "", False),
    ]
    assert table(found) == {
        "QA-1 Timeliness": [
            [
                "Features in Python are new to the analysts; materialising them adds 7 "
                "minutes to the morning run, against QA-1."
            ],
            [],
            [],
        ],
        "Other arguments": [
            ["One more system to run."],
            ["it is cheap.", "joins are written by hand."],
            ["it costs £5,000 a month."],
        ],
    }
    in_review = matrix(RFC.replace("status: accepted", "status: review"), kind="rfc")
    assert in_review.columns[0].mark == "proposed"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "* One more system to run.\n* Features in Python are new to the analysts; "
            "materialising them adds 7 minutes\n  to the morning run, against QA-1.\n",
            "It is one more system to run.\n",
            "the drawbacks are written in prose",
        ),
        (
            "* A vendor's store\n  * Bad, because it costs £5,000 a month.\n",
            "* A vendor's store: the best tooling, but £5,000 a month.\n",
            '"A vendor\'s store" is discussed in prose',
        ),
    ],
    ids=["prose-drawbacks", "described-alternative"],
)
def test_an_rfc_in_prose_gets_no_matrix(old: str, new: str, problem: str) -> None:
    assert old in RFC
    found = weighed(RFC.replace(old, new), kind="rfc")
    assert problem in found.problem


def test_risks_and_mitigations_are_read_item_by_item() -> None:
    text = RFC.replace("## Drawbacks", "## Risks and mitigations").replace(
        "* One more system to run.", "* Risk: one more system to run."
    )
    # The second item says no kind: it might be a mitigation.
    assert "does not say good, neutral or bad" in weighed(text, kind="rfc").problem


# --- drivers and matching --------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "own_id", "name"),
    [
        ("**Cost**: stay within the budget (CON-3)", "", "Cost"),
        ("D1: Latency below 200 ms", "D1", "Latency below 200 ms"),
        ("[D2] Team familiarity", "D2", "Team familiarity"),
        ("**DD-3** Vendor lock-in", "DD-3", "Vendor lock-in"),
        ("QA-1 - forecasts within 60 minutes", "QA-1", "forecasts within 60 minutes"),
        ("Load time: the upload must fit in the margin", "", "Load time"),
        ("Security \u2014 no stored credentials", "", "Security"),
        ("Running cost", "", "Running cost"),
        ("D1 latency", "", "D1 latency"),  # "D1" without a mark reads as a word
        (
            "The measure must reproduce what happens in production, with the same data",
            "",
            "",
        ),
        (
            "Forecasts in OrderLink within 60 minutes of 08:00 at the 95th percentile (QA-1)",
            "",
            "",
        ),
    ],
)
def test_a_drivers_id_and_name(markdown: str, own_id: str, name: str) -> None:
    found = driver(markdown, 7)
    assert (found.own_id, found.name) == (own_id, name)


def test_drivers_are_items_else_subheadings_never_prose() -> None:
    items = FRONT + "# X\n\n## Decision Drivers\n\n1. Cost\n2. Speed\n   * under 1 s\n"
    drivers = decision_drivers(record(items))
    assert [(d.text, d.own_id, d.mentions) for d in drivers] == [
        ("Cost", "", "Cost"),
        ("Speed", "", "Speed under 1 s"),
    ]
    headings = FRONT + "# X\n\n## Decision Drivers\n\n### Cost\n\nWithin CON-3.\n\n### Speed\n"
    assert [(d.text, d.mentions) for d in decision_drivers(record(headings))] == [
        ("Cost", "Cost Within CON-3."),
        ("Speed", "Speed"),
    ]
    prose = FRONT + "# X\n\n## Decision Drivers\n\nMostly cost, and a little speed.\n"
    assert decision_drivers(record(prose)) == ()


def targets(*drivers: str) -> list[Target]:
    found = []
    for markdown in drivers:
        parsed = driver(markdown, 1)
        ids = qualified_ids(parsed.mentions, "p")
        if parsed.own_id:
            ids.add(f"p/{parsed.own_id.upper()}")
        found.append(
            Target(frozenset(ids), parsed.name, significant_words(parsed.name), parsed.own_id)
        )
    return found


@pytest.mark.parametrize(
    ("argument", "rows"),
    [
        ("it meets QA-1", [0]),
        ("it meets qa-1 too", []),  # ids are written in capitals
        ("it meets QA-10", []),  # ids are compared whole
        ("it meets p/QA-1", [0]),  # the decision's own project, written out
        ("it meets other/QA-1", []),  # another project's QA-1
        ("it costs little", [1]),  # "costs" names "Cost"
        ("the costs are low, as D2 says", [1, 2]),
        ("it helps D20", []),
        ("the team knows it", []),  # "Team familiarity": every word of the name is needed
        ("the team has familiarity with it", [2]),
        ("it is the one with the most of it", []),  # stop words name nothing
        ("as STD-ETH-001 asks", [3]),
        ("in the margin of the upload", []),  # a long driver is named by its ids only
    ],
)
def test_what_names_a_row(argument: str, rows: list[int]) -> None:
    found = targets(
        "**Timeliness**: within 60 minutes (QA-1)",
        "Cost",
        "[D2] Team familiarity",
        "The upload must fit in the margin left by the morning run, as STD-ETH-001 asks",
    )
    assert [row for row, _ in place(argument, found, "p")] == rows


def test_what_puts_an_argument_in_a_row_is_kept() -> None:
    found = targets("**Cost**: within CON-3", "[D2] Team familiarity")
    assert place("it costs £20 (CON-3), says D2", found, "p") == [
        (0, ("CON-3", "\u201cCost\u201d")),
        (1, ("D2",)),
    ]


def test_significant_words_leave_out_ids_numbers_and_stop_words() -> None:
    assert significant_words("The cost of QA-1 within 60 minutes, for the team") == {
        "cost",
        "minute",
        "team",
    }
    assert significant_words("of the and with to a") == frozenset()


# --- the strict reading of an argument's kind -----------------------------------------


@pytest.mark.parametrize(
    ("text", "marker", "kind"),
    [
        ("Good, because it is fast", "*", "good"),
        ("Bad because it is slow", "*", "bad"),
        ("Neutral, because it changes nothing", "-", "neutral"),
        ("Pro: fast", "*", "good"),
        ("Cons - slow", "*", "bad"),
        ("Risk: lock-in", "*", "bad"),
        ("\u2705 fast", "*", "good"),
        (":x: slow", "*", "bad"),
        ("- slow", "*", "bad"),
        ("fast", "+", "good"),
        ("fast", "-", ""),
        ("Costs little to run", "*", ""),
        ("Better latency", "*", ""),
        ("Goodness knows", "*", ""),
    ],
)
def test_explicit_kind(text: str, marker: str, kind: str) -> None:
    assert explicit_kind(text, marker) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pros:", "good"),
        ("Cons", "bad"),
        ("\u2705 Advantages:", "good"),
        ("Disadvantages", "bad"),
        ("Neutral", "neutral"),
        ("Arguments against", "bad"),
        ("Pros and cons", ""),
        ("Positive consequences", ""),
        ("Option 1: Postgres", ""),
    ],
)
def test_argument_labels(text: str, kind: str) -> None:
    assert argument_label(text) == kind


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Good, because it is fast", "it is fast"),
        ("Bad because slow", "slow"),
        ("Pro: fast", "fast"),
        ("\u2705 Good, because it scales", "it scales"),
        (":x: vendor lock-in", "vendor lock-in"),
        ("- slow", "slow"),
        ("Goodness knows", "Goodness knows"),
    ],
)
def test_argument_text_keeps_the_records_words(text: str, words: str) -> None:
    assert argument_text(text) == words


# --- on the site: a real build ----------------------------------------------------------

HOSTILE = MADR4.replace(
    "* Good, because it can re-forecast at midday.",
    '* Good, because it can re-forecast <script>alert("x")</script> & **bold** at midday.',
).replace("status: accepted", "title: Serve forecasts\nstatus: accepted")
NYGARD = (
    "# 2. Use Kafka\n\nDate: 2026-03-02\n\n## Status\n\nAccepted\n\n## Context\n\n"
    "We need a queue; we weighed Kafka against RabbitMQ.\n\n## Decision\n\nWe use Kafka.\n\n"
    "## Consequences\n\n* Good, because replays.\n* Bad, because a cluster to run.\n"
)


def built(project: Project, *arguments: str) -> None:
    project.write("adr/0001-serve-forecasts.md", HOSTILE)
    project.write("adr/0002-use-kafka.md", NYGARD)
    project.write("rfc/0001-feature-store.md", RFC)
    project.write("docs/projects/demand-forecasting.md", PROJECT)
    project.write("docs/standards/std-sec-001.md", standard())
    project.configure(**({"theme": {"name": "material"}} if "material" in arguments else {}))
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr


def matrix_html(page: str) -> str:
    start = page.index('<h2 id="decisions-tradeoffs">')
    return page[start : page.index("</table>", start)]


def test_the_record_page_shows_its_matrix_below_the_header(project: Project) -> None:
    built(project)
    page = project.content("adr/0001-serve-forecasts/index.html")
    # Below the header, before the record's own text.
    assert page.index('class="decisions-header"') < page.index('id="decisions-tradeoffs"')
    assert page.index('id="decisions-tradeoffs"') < page.index("Context and Problem Statement")
    found = matrix_html(page)
    assert 'class="decisions-matrix" role="region" aria-labelledby="decisions-tradeoffs"' in found
    assert 'tabindex="0"' in found  # the scrolling frame can be scrolled from the keyboard
    heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', found)
    assert heads[0] == "Decision driver"
    assert heads[1].startswith('Nightly batch <span class="decisions-matrix-mark">')
    assert "</span> chosen</span>" in heads[1] and heads[2] == "Online service"
    # A driver's name or id leads its row, strong.
    assert re.findall(r'<th scope="row">(.*?)</th>', found) == [
        "<strong>Timeliness</strong>: forecasts ready within 60 minutes (QA-1)",
        "<strong>D2: Cost of running it</strong>",
        "<strong>Team skills</strong>",
        "Other arguments",
    ]
    # Each argument: sign and word (the sign hidden from screen readers), then its words.
    assert (
        '<li class="decisions-argument decisions-argument-good" title="names QA-1">'
        '<span class="decisions-argument-kind"><span aria-hidden="true">+</span> good:</span> '
        "it meets QA-1 with a margin.</li>"
    ) in found
    assert '<span aria-hidden="true">\u2212</span> bad:</span>' in found
    assert '<span aria-hidden="true">\u25cb</span> neutral:</span>' in found
    # An empty cell says so in words, not only with a dash.
    assert '<span class="decisions-visually-hidden">no argument</span>' in found
    # Values from the file are escaped, and Markdown is not read a second time.
    assert "<script>" not in found
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; bold at midday." in found


def test_records_that_cannot_be_lined_up_get_no_matrix(project: Project) -> None:
    built(project)
    assert "decisions-tradeoffs" not in project.html("adr/0002-use-kafka/index.html")
    rfc = matrix_html(project.content("rfc/0001-feature-store/index.html"))
    assert "This proposal" in rfc
    assert "<strong>QA-1</strong> Timeliness <small>(objective addressed)</small>" in rfc


def test_the_matrix_is_in_the_table_of_contents_before_the_records_sections(
    project: Project,
) -> None:
    built(project, "material")
    page = project.html("adr/0001-serve-forecasts/index.html")
    toc = page.split("md-nav--secondary", 1)[1].split("</nav>", 1)[0]
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert anchors[0] == "decisions-tradeoffs"
    assert anchors.index("decisions-tradeoffs") < anchors.index("context-and-problem-statement")


def test_the_export_carries_the_matrix_and_follows_the_schema(project: Project) -> None:
    built(project)
    document = json.loads(project.html("decisions/decisions.json"))
    jsonschema.Draft202012Validator(EXPORT_SCHEMA).validate(document)
    records = {r["id"]: r for r in document["records"]}
    assert records["ADR-0002"]["tradeoffs"] is None
    assert "tradeoffs" not in records["demand-forecasting"]
    tradeoffs = records["ADR-0001"]["tradeoffs"]
    assert [(o["name"], o["mark"]) for o in tradeoffs["options"]] == [
        ("Nightly batch", "chosen"),
        ("Online service", None),
    ]
    first = tradeoffs["rows"][0]
    assert (first["kind"], first["id"], first["line"]) == ("driver", None, 16)
    assert first["cells"][0] == [
        {"kind": "good", "text": "it meets QA-1 with a margin.", "line": 40, "names": ["QA-1"]}
    ]
    assert records["RFC-0001"]["tradeoffs"]["options"][0]["proposal"] is True


def test_generated_pages_carry_the_same_matrix(project: Project) -> None:
    built(project)
    assert project.decisions("pages").returncode == 0
    text = (project.root / "generated-docs/adr/0001-serve-forecasts.md").read_text("utf-8")
    title = text.index("# ADR-0001: Serve forecasts")
    assert title < text.index("## Trade-offs {#decisions-tradeoffs}") < text.index("## Context")
    plugin = matrix_html(project.content("adr/0001-serve-forecasts/index.html"))
    assert " ".join(plugin.split("</h2>", 1)[1].split()) in " ".join(text.split())


def test_the_examples_tables_put_most_arguments_under_a_driver_or_objective() -> None:
    """The example is what a product owner sees first: every ADR there has a matrix, and
    most of its arguments name the driver or objective they bear on."""
    loaded = load_project(ROOT / "examples/demand-forecasting/mkdocs.yml", history=False)
    placed: set[object] = set()
    other: set[object] = set()
    for found in loaded.corpus.records:
        if found.kind != "adr":
            continue
        shown = tradeoff_matrix(found, KINDS["adr"], loaded.corpus.traceability)
        assert shown is not None, (found.id, weighing(found, KINDS["adr"]).problem)
        for row, cells in zip(shown.rows, shown.cells, strict=True):
            arguments = {(found.id, p.argument) for cell in cells for p in cell}
            (other if row.kind == "other" else placed).update(arguments)
    assert len(placed) > 1.2 * len(other), (len(placed), len(other))


def test_the_example_in_the_docs_lands_as_it_says() -> None:
    """docs/site.md shows drivers and arguments, each with the row it lands in."""
    page = (ROOT / "docs/site.md").read_text(encoding="utf-8")
    section = page.split("### How to write pros and cons so they land in the right row", 1)[1]
    drivers, options = re.findall(r"```markdown\n(.*?)```", section, flags=re.S)[:2]
    text = (
        f"{FRONT}# X\n\n{drivers}\n## Considered Options\n\n* Daily batch job\n* Online\n\n"
        "## Decision Outcome\n\nChosen option: Daily batch job.\n\n"
        f"## Pros and Cons of the Options\n\n{options}\n### Online\n\n* Good, because fast\n"
    )
    said = re.findall(r"^\* .*?(?:\n  .*?)*<!-- (.*?) -->", options, flags=re.M)
    labels = {"Timeliness": 0, "Cost": 1, "D3": 2, "Other arguments": 3}
    found = matrix(text)
    rows_of = {}
    for row, cells in enumerate(found.cells):
        for placed in cells[0]:
            rows_of.setdefault(placed.argument.line, []).append(row)
    expected = [[labels[name] for name in comment.split(" and ")] for comment in said]
    assert [rows_of[line] for line in sorted(rows_of)] == expected


def test_a_table_too_large_to_read_is_not_made() -> None:
    options = "".join(f"* Option {n}\n" for n in range(1, 15))
    pros = "".join(f"### Option {n}\n\n* Good, because {n}\n\n" for n in range(1, 15))
    text = (
        f"{FRONT}# X\n\n## Considered Options\n\n{options}\n"
        f"## Pros and Cons of the Options\n\n{pros}"
    )
    assert "too many for one table" in weighed(text).problem
    drivers = "".join(f"* **Driver {n}**\n" for n in range(45))
    many = MADR4.replace("## Considered Options", f"## Drivers\n\n{drivers}\n## Considered Options")
    many = many.replace("## Decision Drivers", "## Notes")
    own = record(many)
    trace = Traceability([own], {normalise_id(own.id): own})
    assert len(weighing(own, KINDS["adr"]).drivers) == 45
    assert tradeoff_matrix(own, KINDS["adr"], trace) is None


def test_numbered_headings_marked_titles_and_details_blocks() -> None:
    text = FRONT + (
        "# Store\n\n## Considered Options\n\n"
        "1. Option 1: Postgres\n2. Option 2: SQLite (chosen)\n\n"
        "## Decision Outcome\n\nWe take the second one for now.\n\n"
        "## Pros and Cons of the Options\n\n"
        "### Option 1\n\n<details>\n<summary>Details</summary>\n\n"
        "* Good, because managed\n* Bad, because a server to run\n\n</details>\n\n"
        "### Option 2\n\n```text\n* not an argument: code\n```\n\n* Good, because a file\n"
    )
    found = weighed(text)
    assert arguments(found) == {
        "Postgres": [("good", "managed"), ("bad", "a server to run")],
        "SQLite": [("good", "a file")],
    }
    assert found.chosen == (1,)


def test_an_adr_whose_options_section_lists_only_what_was_not_chosen() -> None:
    text = FRONT + (
        "# Queue\n\n## Context\n\nWe need a queue.\n\n## Decision\n\nWe use Kafka.\n\n"
        "## Alternatives\n\n* RabbitMQ\n  * Bad, because no replay\n"
        "* SQS\n  * Bad, because another cloud\n"
    )
    assert "lists only the alternatives" in weighed(text).problem


def test_a_heading_goes_to_the_option_of_that_title_before_one_of_that_short_name() -> None:
    text = FRONT + (
        "# Queue\n\n## Considered Options\n\n* Kafka - managed by the vendor\n* Kafka\n\n"
        "## Pros and Cons of the Options\n\n### Kafka\n\n* Good, because we run it\n\n"
        "### Kafka - managed by the vendor\n\n* Bad, because a contract\n"
    )
    found = weighed(text)
    assert [[(a.kind, a.text) for a in option.arguments] for option in found.options] == [
        [("bad", "a contract")],
        [("good", "we run it")],
    ]


def test_no_matrix_when_no_argument_weighs_on_a_driver(project: Project) -> None:
    """Drivers `Performance` and `Cost`, pros and cons that name neither: every driver
    row would say "no argument" and the other arguments repeat the pros and cons, so
    the page shows no matrix."""
    body = (
        "# Use X\n\n## Context and Problem Statement\n\nWhy.\n\n## Decision Drivers\n\n"
        "* Performance\n* Cost\n\n## Considered Options\n\n* Rust\n* Go\n\n"
        '## Decision Outcome\n\nChosen option: "Rust", because.\n\n### Consequences\n\n'
        "* Good, because fast.\n* Bad, because hard to hire for.\n\n"
        "## Pros and Cons of the Options\n\n### Rust\n\n* Good, because it is written in Rust\n"
        "* Bad, because few know it\n\n### Go\n\n* Good, because simple\n* Bad, because GC\n"
    )
    project.configure(plugin_options={"history": False})
    project.write(
        "adr/0001-use-x.md",
        "---\nstatus: accepted\ndate: 2026-01-02\ndeciders: [Ana]\n---\n\n" + body,
    )
    built = project.build()
    assert built.returncode == 0, built.stderr
    assert "decisions-tradeoffs" not in project.html("adr/0001-use-x/index.html")
    weighed = body.replace("because it is written in Rust", "because of its performance")
    project.write(
        "adr/0001-use-x.md",
        "---\nstatus: accepted\ndate: 2026-01-02\ndeciders: [Ana]\n---\n\n" + weighed,
    )
    project.build()
    assert "decisions-tradeoffs" in project.html("adr/0001-use-x/index.html")
