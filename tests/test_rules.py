"""One bad-input fixture per rule: the rule fires, on the right file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_decisions.catalogue.findings import Finding, Position, Severity
from mkdocs_decisions.catalogue.rules import RULES
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import SettingsError, settings_from_options

from conftest import PROJECT, TRACED_FRONT, VALID_BODY, VALID_RFC, adr, standard, traced

GOOD = adr()
OPTIONS_ONLY_ONE = VALID_BODY.format(title="T").replace("* Online service\n", "")
NO_BAD = VALID_BODY.format(title="T").replace(
    "* Bad, because a late data drop delays every forecast.\n", ""
)
WRONG_CHOICE = VALID_BODY.format(title="T").replace('"Nightly batch"', '"Weekly spreadsheet"')
PROS_ONLY = VALID_BODY.format(title="T") + (
    "\n## Pros and Cons of the Options\n\n### Nightly batch\n\n* Good, because cheap.\n"
    "* Bad, because late.\n\n### Online service\n\n* Good, because fresh.\n"
)

# rule id -> (files, file the finding is on, line it points at)
FIXTURES: dict[str, tuple[dict[str, str | bytes], str, int]] = {
    "DEC001": (
        {"adr/0001-a.md": GOOD.replace("cheap", "ch\xe9ap").encode("latin-1")},
        "adr/0001-a.md",
        25,
    ),
    "DEC002": (
        {"adr/0001-a.md": adr(front="title: T\nstatus: [accepted\ndate: 2026-03-02")},
        "adr/0001-a.md",
        4,
    ),
    "DEC003": ({"adr/0001-a.md": "---\ntitle: T\nstatus: accepted\n\n# T\n"}, "adr/0001-a.md", 1),
    "DEC004": ({"adr/0001-a.md": adr(front="- just\n- a list")}, "adr/0001-a.md", 2),
    "DEC005": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: accepted\ndate: 2026-03-02\n"
                "deciders: [Ana]\nstatus: proposed"
            )
        },
        "adr/0001-a.md",
        6,
    ),
    "DEC006": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: accepted\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsuperseeded_by: ADR-0002"
            )
        },
        "adr/0001-a.md",
        6,
    ),
    "DEC007": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: [accepted, proposed]\ndate: 2026-03-02\ndeciders: [Ana]"
            )
        },
        "adr/0001-a.md",
        3,
    ),
    "DEC008": ({"adr/0001-a.md": ""}, "adr/0001-a.md", 1),
    "DEC009": ({"adr/0001-a.md": b"\xef\xbb\xbf" + GOOD.encode()}, "adr/0001-a.md", 1),
    "DEC010": ({"adr/0001-a.md": GOOD.replace("\n", "\r\n")}, "adr/0001-a.md", 1),
    "DEC013": (
        # YAML refuses raw control characters (DEC002), but its escapes make them.
        {"adr/0001-a.md": adr(front='status: proposed\ntitle: "Bell \\a and \\e[31mred"')},
        "adr/0001-a.md",
        3,
    ),
    "DEC014": (
        {"adr/0001-a.md": "# Use X\n\n* Status: proposed\n* Date: 2022-04-7\n\n## Context\n\nx\n"},
        "adr/0001-a.md",
        4,
    ),
    "DEC015": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana Silva]\n"
                "waivers: {DEC999: a typo}"
            )
        },
        "adr/0001-a.md",
        6,
    ),
    "DEC101": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: approvedish\ndate: 2026-03-02\ndeciders: [Ana]"
            )
        },
        "adr/0001-a.md",
        3,
    ),
    "DEC102": ({"adr/0001-a.md": adr("T", front="title: T\ndate: 2026-03-02")}, "adr/0001-a.md", 2),
    "DEC103": ({"adr/0001-a.md": GOOD, "adr/sub/0001-b.md": GOOD}, "adr/sub/0001-b.md", 1),
    "DEC104": (
        {
            "adr/0001-a.md": adr(
                front="id: ADR-0002\ntitle: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]"
            )
        },
        "adr/0001-a.md",
        2,
    ),
    "DEC105": (
        {"adr/0001-a.md": adr(front="title: T\nstatus: accepted\ndate: 2026-03-02")},
        "adr/0001-a.md",
        3,
    ),
    "DEC106": (
        {"adr/0001-a.md": adr(front="status: proposed", body="Some text.\n")},
        "adr/0001-a.md",
        4,
    ),
    "DEC107": ({"adr/use-batch.md": GOOD}, "adr/use-batch.md", 1),
    "DEC201": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: accepted\ndate: 2026-03-02\n"
                "deciders: [Ana]\nrelated: [ADR-0042]"
            )
        },
        "adr/0001-a.md",
        6,
    ),
    "DEC202": (
        {
            "adr/0001-a.md": adr(
                front="title: A\nstatus: superseded\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsuperseded_by: ADR-0002"
            ),
            "adr/0002-b.md": adr(
                front="title: B\nstatus: accepted\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsupersedes: [ADR-0001]"
            ),
            "adr/0003-c.md": adr(
                front="title: C\nstatus: accepted\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsupersedes: [ADR-0001]"
            ),
        },
        "adr/0001-a.md",
        6,
    ),
    "DEC203": (
        {
            "adr/0001-a.md": GOOD,
            "adr/0002-b.md": adr(
                front="title: B\nstatus: accepted\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsupersedes: [ADR-0001]"
            ),
        },
        "adr/0001-a.md",
        3,
    ),
    "DEC204": (
        {
            "adr/0001-a.md": adr(
                front="title: A\nstatus: superseded\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsuperseded_by: ADR-0002"
            ),
            "adr/0002-b.md": adr(
                front="title: B\nstatus: superseded\ndate: 2026-03-02\n"
                "deciders: [Ana]\nsuperseded_by: ADR-0001"
            ),
        },
        "adr/0001-a.md",
        2,
    ),
    "DEC301": (
        {"adr/0001-a.md": GOOD.replace("## Considered Options", "## Choices")},
        "adr/0001-a.md",
        2,
    ),
    "DEC302": (
        {
            "adr/0001-a.md": GOOD.replace(
                "Forecasts must be ready before suppliers are ordered at 09:00.\n", ""
            )
        },
        "adr/0001-a.md",
        10,
    ),
    "DEC303": ({"adr/0001-a.md": adr(body=OPTIONS_ONLY_ONE)}, "adr/0001-a.md", 14),
    "DEC304": ({"adr/0001-a.md": adr(body=WRONG_CHOICE)}, "adr/0001-a.md", 19),
    "DEC305": ({"adr/0001-a.md": adr(body=NO_BAD)}, "adr/0001-a.md", 23),
    "DEC306": ({"adr/0001-a.md": adr(body=PROS_ONLY)}, "adr/0001-a.md", 35),
    "DEC307": (
        {
            "rfc/0001-a.md": VALID_RFC.replace(
                "* Keep computing in each pipeline\n* Buy a managed store\n", "None.\n"
            )
        },
        "rfc/0001-a.md",
        22,
    ),
    "DEC308": (
        {
            **{
                f"adr/000{n}-r{n}.md": f"# {n}. R{n}\n\n## Status\n\nAccepted\n\n"
                "## Notes\n\nWe chose it for its speed and its price.\n"
                for n in range(1, 6)
            },
            "adr/0006-bad.md": "# 6. Bad\n\n## Status\n\nAccepted\n",
        },
        "adr/0006-bad.md",
        5,
    ),
    # --- objectives and standards: a valid traced set with one thing broken each ---
    "DEC205": (
        traced(**{"adr/0002-b.md": adr(front="title: B\nstatus: proposed\nproject: ADR-0001")}),
        "adr/0002-b.md",
        4,
    ),
    "DEC501": (
        traced(
            **{
                "adr/0002-b.md": adr(
                    front="title: B\nstatus: proposed\n"
                    "deviates_from: [{standard: STD-SEC-001, reason: The SDK is Java only}]"
                )
            }
        ),
        "adr/0002-b.md",
        4,
    ),
    "DEC502": (
        traced(
            **{
                "docs/standards/std-tech-001.md": standard(
                    "STD-TECH-001", "Python for models", "tech-stack", "false"
                ),
                "adr/0002-b.md": adr(
                    front="title: B\nstatus: proposed\ndeviates_from:\n  - standard: STD-TECH-001"
                ),
            }
        ),
        "adr/0002-b.md",
        5,
    ),
    "DEC503": (
        traced(
            **{
                "adr/0001-batch.md": adr(
                    front=TRACED_FRONT.format(title="T").replace("[REQ-1, QA-1]", "[REQ-1, QA-9]")
                )
            }
        ),
        "adr/0001-batch.md",
        7,
    ),
    "DEC504": (
        traced(
            **{
                "adr/0001-batch.md": adr(
                    front=TRACED_FRONT.format(title="T").replace("[REQ-1, QA-1]", "[REQ-1]")
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        15,
    ),
    "DEC505": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    "cross_cutting: [STD-SEC-001]", "cross_cutting: []"
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        23,
    ),
    "DEC506": (
        traced(**{"docs/standards/std-sec-001.md": standard(status="retired")}),
        "adr/0001-batch.md",
        8,
    ),
    "DEC507": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    "  - id: BO-1\n    title:", "  - title:"
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        6,
    ),
    "DEC508": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    '    target: "<= 12 units"\n', ""
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        9,
    ),
    "DEC509": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    "    negotiable: false\n", ""
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        20,
    ),
    "DEC510": (
        traced(**{"docs/standards/std-sec-001.md": standard(category="securty")}),
        "docs/standards/std-sec-001.md",
        5,
    ),
    "DEC511": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    "    measure: minutes", "    mesure: minutes"
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        17,
    ),
    # Measurements (tests/test_measurements.py has the rest).
    "DEC512": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    '    target: "<= 12 units"\n    serves: [BO-1]\n',
                    "    target: fast enough\n    serves: [BO-1]\n    measurements:\n"
                    "      - {date: 2026-10-01, value: 11}\n",
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        12,
    ),
    "DEC513": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    '    target: "<= 60 minutes"\n',
                    '    target: "<= 60 minutes"\n    measurements:\n      - value: 45 minutes\n',
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        20,
    ),
    "DEC514": (
        traced(
            **{
                "docs/projects/demand-forecasting.md": PROJECT.replace(
                    "    serves: [BO-1]\n",
                    "    serves: [BO-1]\n    measurements:\n      - date: 2026-10-01\n"
                    "        value: 11.5\n      - date: 2026-11-01\n        value: 13.1\n",
                )
            }
        ),
        "docs/projects/demand-forecasting.md",
        18,
    ),
    "DEC601": (
        {
            "adr/0001-a.md": adr(
                front="title: T\nstatus: accepted\ndate: 2020-03-02\ndeciders: [Ana]\n"
                "review_by: 2021-03-01"
            )
        },
        "adr/0001-a.md",
        6,
    ),
    "DEC602": (
        {
            "rfc/0001-a.md": VALID_RFC.replace(
                "status: review", 'status: review\ndiscussion: "javascript:alert(1)"'
            )
        },
        "rfc/0001-a.md",
        4,
    ),
}


def findings_for(root: Path, files: dict[str, str | bytes]) -> list[Finding]:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
    settings = settings_from_options({})
    return run_checks(load_corpus(root, root / "docs", settings), settings)


# Rules about the file system itself (links out of the project, FIFOs, unreadable files)
# need real links and permissions: their fixtures are in test_hardening.py.
FILE_SYSTEM_RULES = {"DEC011", "DEC012"}


def test_every_rule_has_a_fixture() -> None:
    # History rules (DEC4xx) need git; their fixtures are in test_history.py.
    expected = {rule for rule in RULES if not rule.startswith("DEC4")} - FILE_SYSTEM_RULES
    assert set(FIXTURES) == expected


@pytest.mark.parametrize("rule_id", sorted(FIXTURES))
def test_rule_fires_at_its_line(rule_id: str, tmp_path: Path) -> None:
    files, path, line = FIXTURES[rule_id]
    findings = findings_for(tmp_path, files)
    hits = [f for f in findings if f.rule == rule_id]
    assert hits, f"{rule_id} did not fire; got {[f.as_text() for f in findings]}"
    assert (hits[0].path, hits[0].position.line) == (path, line), hits[0].as_text()
    assert hits[0].hint, "every finding carries a hint"


def test_valid_records_raise_no_findings(tmp_path: Path) -> None:
    findings = findings_for(tmp_path, {"adr/0001-a.md": GOOD, "rfc/0001-b.md": VALID_RFC})
    assert findings == []


def test_severity_override_and_off(tmp_path: Path) -> None:
    files, _, _ = FIXTURES["DEC305"]
    findings_for(tmp_path, files)
    settings = settings_from_options({"rules": {"DEC305": "warning", "DEC306": "off"}})
    findings = run_checks(load_corpus(tmp_path, tmp_path / "docs", settings), settings)
    assert [(f.rule, f.severity) for f in findings] == [("DEC305", Severity.WARNING)]
    settings = settings_from_options({"rules": {"DEC305": "off"}})
    assert run_checks(load_corpus(tmp_path, tmp_path / "docs", settings), settings) == []


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    files, _, _ = FIXTURES["DEC006"]
    hit = next(f for f in findings_for(tmp_path, files) if f.rule == "DEC006")
    assert "superseded_by" in hit.hint


def test_unknown_status_lists_allowed_ones(tmp_path: Path) -> None:
    files, _, _ = FIXTURES["DEC101"]
    hit = next(f for f in findings_for(tmp_path, files) if f.rule == "DEC101")
    assert "proposed, accepted, rejected, deprecated, superseded" in hit.hint


def test_non_utf8_points_at_column(tmp_path: Path) -> None:
    files, _, _ = FIXTURES["DEC001"]
    hit = next(f for f in findings_for(tmp_path, files) if f.rule == "DEC001")
    assert hit.position.column == 25  # right after "* Good, because it is ch"


def test_configured_aliases_extend_the_defaults(tmp_path: Path) -> None:
    settings = settings_from_options({"kinds": {"adr": {"aliases": {"agreed": "accepted"}}}})
    adr_kind = settings.kinds["adr"]
    assert adr_kind.canonical_status("Agreed") == "accepted"
    assert adr_kind.canonical_status("draft") == "proposed"


def test_bold_legacy_metadata_and_bare_chosen_option(tmp_path: Path) -> None:
    body = VALID_BODY.format(title="T").replace(
        'Chosen option: "Nightly batch", because', "Chosen option: Nightly, because"
    )
    record = (
        "# T\n\n**Status:** accepted  \n**Date:** 2026-03-02  \n**Deciders:** Ana\n\n"
        + (body.split("\n", 1)[1])
    )
    findings = findings_for(tmp_path, {"adr/0001-a.md": record})
    assert [f.as_text() for f in findings] == []


def test_fail_on_off_is_rejected() -> None:
    with pytest.raises(SettingsError, match="fail_on"):
        settings_from_options({"fail_on": "off"})


def test_nested_values_keep_their_positions(tmp_path: Path) -> None:
    front = (
        "title: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\n"
        "related:\n  - ADR-0001\n  - ADR-0042\n"
        "deviates_from:\n  - standard: STD-SEC-001\n    reason: The vendor SDK is Java only."
    )
    findings = findings_for(tmp_path, {"adr/0001-a.md": adr(front=front)})
    dangling = [f for f in findings if f.rule == "DEC201"]
    assert [(f.position.line, f.position.column) for f in dangling] == [(8, 5), (10, 15)]
    assert "ADR-0042" in dangling[0].message and "STD-SEC-001" in dangling[1].message
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings_from_options({}))
    record = corpus.records[0]
    assert record.position_of("deviates_from", 0, "reason") == Position(11, 13)
    assert record.position_of("deviates_from", 0, "standard") == Position(10, 15)


# --- a first run on a collection: the team's conventions are notes, mistakes are errors ---


def records(count: int, front: str) -> dict[str, str | bytes]:
    """``count`` valid accepted ADRs, each with ``front`` as its front matter (``{n}`` is
    its number)."""
    return {
        f"adr/{n:04d}-r{n}.md": adr(front=front.format(n=n), body=VALID_BODY.format(title=f"R{n}"))
        for n in range(1, count + 1)
    }


def rules_at(findings: list[Finding], rule: str) -> list[tuple[str, int, Severity]]:
    return [(f.path, f.position.line, f.severity) for f in findings if f.rule == rule]


def test_a_misspelt_status_is_an_error_on_each_record(tmp_path: Path) -> None:
    files = records(2, "title: T{n}\nstatus: Aprroved\ndate: 2026-03-02\ndeciders: [Ana]")
    findings = findings_for(tmp_path, files)
    assert rules_at(findings, "DEC101") == [
        ("adr/0001-r1.md", 3, Severity.ERROR),
        ("adr/0002-r2.md", 3, Severity.ERROR),
    ]
    assert "did you mean `approved` (accepted)?" in findings[0].hint


def test_a_teams_own_status_word_is_one_warning(tmp_path: Path) -> None:
    files = records(3, "title: T{n}\nstatus: Ready for implementation\ndate: 2026-03-02")
    found = [f for f in findings_for(tmp_path, files) if f.rule == "DEC101"]
    assert [(f.path, f.position.line, f.severity) for f in found] == [
        ("adr/0001-r1.md", 3, Severity.WARNING)
    ]
    assert "3 records use it" in found[0].message
    assert "`kinds: adr: aliases: {ready for implementation: <status>}`" in found[0].hint
    assert "one of: proposed, accepted" in found[0].hint
    rfc = VALID_RFC.replace("status: review", "status: Recommended")
    rfcs = findings_for(tmp_path / "rfcs", {"rfc/0001-a.md": rfc})
    hit = next(f for f in rfcs if f.rule == "DEC101")
    assert "aliases: {recommended: implemented}" in hit.hint  # an obvious one
    known = VALID_RFC.replace("status: review", "status: Ready for implementation")
    assert (
        not [  # an RFC process's word for an accepted design
            f
            for f in findings_for(tmp_path / "rfc2", {"rfc/0001-a.md": known})
            if f.rule == "DEC101"
        ]
    )


def test_a_key_most_records_write_is_one_note(tmp_path: Path) -> None:
    files = records(
        4, "title: T{n}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\ncategory: Meta"
    )
    files["adr/0002-r2.md"] = adr(
        front="title: T2\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\ncategory: Meta\n"
        "relatd: [ADR-0001]\nreviewed-in: [#12]"
    )
    findings = findings_for(tmp_path, files)
    assert rules_at(findings, "DEC006") == [
        ("adr/0001-r1.md", 6, Severity.INFO),  # another tool's key: once, a note
        ("adr/0002-r2.md", 7, Severity.WARNING),  # a typo: on its record, with the field
        ("adr/0002-r2.md", 8, Severity.WARNING),  # one record's own key
    ]
    note, typo = [f for f in findings if f.rule == "DEC006"][:2]
    assert "4 of 4 architecture decisions" in note.message and "page_keys" in note.hint
    assert typo.hint == "did you mean `related`?"
    settings = settings_from_options({"page_keys": ["category"]})
    accepted = run_checks(load_corpus(tmp_path, tmp_path / "docs", settings), settings)
    assert [f.position.line for f in accepted if f.rule == "DEC006"] == [7, 8]


def test_deciders_a_collection_does_not_write_are_one_note(tmp_path: Path) -> None:
    files = records(5, "title: T{n}\nstatus: accepted\ndate: 2026-03-02")
    findings = findings_for(tmp_path, files)
    assert rules_at(findings, "DEC105") == [("adr/0001-r1.md", 3, Severity.INFO)]
    assert "5 of 5 decided architecture decisions name no deciders" in findings[0].message
    # Two decided records, neither naming deciders: too few to weigh a share, none to
    # follow; one note too, not an error each.
    for path in list(files):
        (tmp_path / path).unlink()
    small = records(2, "title: T{n}\nstatus: accepted\ndate: 2026-03-02")
    assert rules_at(findings_for(tmp_path, small), "DEC105") == [
        ("adr/0001-r1.md", 3, Severity.INFO)
    ]
    # where the collection names its deciders, a record without them is an error
    files = records(5, "title: T{n}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]")
    files["adr/0003-r3.md"] = adr(front="title: T3\nstatus: accepted\ndate: 2026-03-02")
    for path in list(files):
        (tmp_path / path).unlink(missing_ok=True)
    assert rules_at(findings_for(tmp_path, files), "DEC105") == [
        ("adr/0003-r3.md", 3, Severity.ERROR)
    ]


def test_the_deciders_hint_names_the_key_the_collection_writes(tmp_path: Path) -> None:
    """MADR 4's `decision-makers:`: the hint for a record without deciders names that
    key, not ours."""
    files = records(4, "title: T{n}\nstatus: accepted\ndate: 2026-03-02\ndecision-makers: [Ana]")
    files["adr/0005-r5.md"] = adr(front="title: T5\nstatus: accepted\ndate: 2026-03-02")
    found = [f for f in findings_for(tmp_path, files) if f.rule == "DEC105"]
    assert [(f.path, f.position.line, f.severity) for f in found] == [
        ("adr/0005-r5.md", 3, Severity.ERROR)
    ]
    assert found[0].hint == "add `decision-makers: Name, Name` to the front matter"


def test_a_default_status_asks_nothing_the_record_did_not_say(tmp_path: Path) -> None:
    """`default_status: accepted` gives a record that states no status one, but not what
    accepted asks of a record that writes it: no date nor deciders (DEC105), no section
    required when accepted (DEC301). A record that writes `accepted` is checked as ever."""
    stub = "# Egress\n\n## Context and Problem Statement\n\nIt is written in the wiki.\n"
    files: dict[str, str | bytes] = {
        "adr/0001-silent.md": adr(front="title: Silent"),
        "adr/0002-stub.md": stub,
        "adr/0003-stated.md": adr(front="title: Stated\nstatus: accepted"),
        "adr/0004-stated-stub.md": "---\nstatus: accepted\n---\n\n" + stub,
    }
    findings_for(tmp_path, files)
    settings = settings_from_options({"kinds": {"adr": {"default_status": "accepted"}}})
    corpus = load_corpus(tmp_path, tmp_path / "docs", settings)
    assert {r.path: r.status for r in corpus.records}["adr/0002-stub.md"] == "accepted"
    findings = run_checks(corpus, settings)
    # Neither names deciders: one note for the collection, and each is asked its date.
    assert sorted((f.path, f.message[:44]) for f in findings if f.rule == "DEC105") == [
        ("adr/0003-stated.md", "2 of 2 decided architecture decisions name n"),
        ("adr/0003-stated.md", "a decision with status accepted needs date"),
        ("adr/0004-stated-stub.md", "a decision with status accepted needs date"),
    ]
    missing = {(f.path, f.message) for f in findings if f.rule == "DEC301"}
    assert (
        "adr/0004-stated-stub.md",
        "missing section `Decision Outcome` (required when accepted)",
    ) in missing
    assert not [path for path, _ in missing if path != "adr/0004-stated-stub.md"]
    assert not [f for f in findings if f.rule == "DEC102"]


@pytest.mark.parametrize(
    ("alternatives", "fires"),
    [
        ("* Keep computing in each pipeline\n", False),  # one alternative: a trade-off
        ("We could keep computing features in each pipeline.\n", False),
        ("None.\n", True),
        ("N/A\n", True),
        ("- No alternatives were considered\n", True),
        ("TBD <!-- fill in -->\n", True),
    ],
)
def test_an_rfc_considered_no_alternative_only_when_it_says_so(
    tmp_path: Path, alternatives: str, fires: bool
) -> None:
    text = VALID_RFC.replace(
        "* Keep computing in each pipeline\n* Buy a managed store\n", alternatives
    )
    found = rules_at(findings_for(tmp_path, {"rfc/0001-a.md": text}), "DEC307")
    assert found == ([("rfc/0001-a.md", 22, Severity.WARNING)] if fires else [])


def test_a_decided_record_with_nothing_below_its_title_is_an_error_in_any_format(
    tmp_path: Path,
) -> None:
    """Temporal's proposals share no sections, so none is asked for; an accepted record
    that says nothing but its title still fails (DEC308), once, where no DEC301 does."""
    free = "# Proposal {n}\n\n- Start Date: 2026-01-0{n}\n- Status: accepted\n\n"
    free += "## Topic {n}\n\nWe do thing {n}, because it is faster and simpler.\n"
    files: dict[str, str | bytes] = {f"rfc/00{n}-p{n}.md": free.format(n=n) for n in range(1, 7)}
    files["rfc/007-bad.md"] = "# Bad\n\n- Start Date: 2026-12-01\n- Status: accepted\n"
    files["rfc/008-stub.md"] = "# Stub\n\n- Status: draft\n"
    settings = settings_from_options({"kinds": {"rfc": {"folder": "rfc"}}, "history": False})
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(str(text), encoding="utf-8")
    findings = run_checks(load_corpus(tmp_path, tmp_path / "docs", settings), settings)
    errors = [(f.path, f.rule) for f in findings if f.severity is Severity.ERROR]
    assert errors == [("rfc/007-bad.md", "DEC308")]
    # Where sections are asked for, the missing ones say it: no DEC308 besides.
    assert "DEC308" not in {
        f.rule
        for f in findings_for(
            tmp_path / "adr", {"adr/0001-bad.md": "# Bad\n\n* Status: accepted\n"}
        )
    }


def test_an_empty_record_read_as_accepted_by_default_status_fails_too(tmp_path: Path) -> None:
    """Strimzi's proposals state no status and are read as accepted (`default_status`);
    its template leaves every section optional. A new proposal of a title alone fails."""
    files = {
        "rfc/000-template.md": "<!-- Add or remove sections as required. -->\n\n# Title\n\n"
        "## Motivation\n\nWhy.\n",
        **{
            f"rfc/00{n}-p{n}.md": f"# Proposal {n}\n\n## Motivation\n\nWe do it, for speed {n}.\n"
            for n in range(1, 4)
        },
        "rfc/154-x.md": "# Use a bad idea\n",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    options = {"kinds": {"rfc": {"folder": "rfc", "default_status": "accepted"}}, "history": False}
    settings = settings_from_options(options)
    findings = run_checks(load_corpus(tmp_path, tmp_path / "docs", settings), settings)
    errors = [(f.path, f.rule) for f in findings if f.severity is Severity.ERROR]
    assert errors == [("rfc/154-x.md", "DEC308")]


def test_a_record_split_in_two_is_no_supersession_conflict(tmp_path: Path) -> None:
    """Two records each supersede ADR-0001, which names neither (or both): a split.
    Where ADR-0001 names one, the other's claim disagrees (DEC202)."""
    old = "title: A\nstatus: superseded\ndate: 2026-03-02\ndeciders: [Ana]"
    new = "title: {t}\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\nsupersedes: [ADR-0001]"
    files: dict[str, str | bytes] = {
        "adr/0001-a.md": adr(front=old),
        "adr/0002-b.md": adr(front=new.format(t="B")),
        "adr/0003-c.md": adr(front=new.format(t="C")),
    }
    assert "DEC202" not in {f.rule for f in findings_for(tmp_path / "split", files)}
    files["adr/0001-a.md"] = adr(front=old + "\nsuperseded_by: [ADR-0002, ADR-0003]")
    assert "DEC202" not in {f.rule for f in findings_for(tmp_path / "both", files)}
    files["adr/0001-a.md"] = adr(front=old + "\nsuperseded_by: ADR-0002")
    assert "DEC202" in {f.rule for f in findings_for(tmp_path / "one", files)}


def test_pros_of_and_cons_of_headings_are_one_option(tmp_path: Path) -> None:
    """sharethrift's `### Pros of Polling` then `### Cons of Polling`: one option with
    its pros and its cons, not two options without them; `### Pros of Webhooks` alone
    has no con."""
    body = VALID_BODY.format(title="T").split("## Pros and Cons of the Options")[0]
    body += "## Pros and Cons of the Options\n\n### Pros of Polling\n\n* Simple\n\n"
    body += "### Cons of Polling\n\n* Slow\n\n### Pros of Webhooks\n\n* Fast\n"
    front = "title: T\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]"
    findings = findings_for(tmp_path, {"adr/0001-a.md": adr(front=front, body=body)})
    assert [f.message for f in findings if f.rule == "DEC306"] == [
        "option `Webhooks` has no con (`* Bad, because ...`)"
    ]


def test_the_no_alternatives_hint_names_the_records_own_heading(tmp_path: Path) -> None:
    rfc = VALID_RFC.replace("## Alternatives", "## Rejected alternatives").replace(
        "* Keep computing in each pipeline\n* Buy a managed store\n", "N/A\n"
    )
    (hit,) = [f for f in findings_for(tmp_path, {"rfc/0001-a.md": rfc}) if f.rule == "DEC307"]
    assert "`## Rejected alternatives`" in hit.hint
