"""`decisions init` on repositories as teams have them: finds the record folders, names
their formats, proposes the configuration, and writes it only when asked, never
reformatting what exists. Then check, baseline and a strict build work."""

from __future__ import annotations

import json
import re

import pytest

from mkdocs_decisions.cli.project import ProjectError, read_project
from mkdocs_decisions.records.kinds import default_kinds

from conftest import Project

# The statuses `init` offers for a word it cannot guess the meaning of, in an ADR.
CHOICE = "proposed | accepted | rejected | deprecated | superseded"

NYGARD = """\
# {number}. {title}

Date: 2024-0{number}-10

## Status

{status}

## Context

The context.

## Decision

We do it.

## Consequences

It costs a little.
"""

RUST_RFC = """\
- Feature Name: `{slug}`
- Start Date: 2023-05-0{number}

# Summary

One paragraph.

# Motivation

Why.
"""


def nygard_repository(project: Project) -> None:
    for number, (title, status) in enumerate(
        [("Record decisions", "Accepted"), ("Use Postgres", "Implemented"), ("Use S3", "Stable")],
        start=1,
    ):
        slug = title.lower().replace(" ", "-")
        project.write(
            f"doc/adr/000{number}-{slug}.md",
            NYGARD.format(number=number, title=title, status=status),
        )
    project.git_commit_all("records", "2024-04-01T09:00:00+00:00")


def test_init_shows_the_change_and_writes_it_only_when_asked(project: Project) -> None:
    nygard_repository(project)
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "doc/adr/  3 ADRs, Nygard / adr-tools (Status section)" in shown.stdout
    assert "stable (1) -> ?" in shown.stdout
    assert "+          folder: doc/adr" in shown.stdout
    # a word without a guessed meaning: a question, no status filled in for it
    assert f"# stable: {CHOICE}   # 1 record" in shown.stdout
    assert "Nothing was written" in shown.stdout
    assert not (project.root / "mkdocs.yml").exists()
    assert not (project.root / "docs").exists()

    written = project.decisions("init", "--write")
    assert written.returncode == 0, written.stderr
    config = (project.root / "mkdocs.yml").read_text()
    assert "folder: doc/adr" in config and "not_found: info" in config
    assert (project.root / "docs/index.md").exists()

    checked = project.decisions("check")
    assert "DEC101" in checked.stdout and "`Stable`" in checked.stdout  # one finding
    assert checked.stdout.count("DEC101") == 1
    assert project.decisions("baseline").returncode == 0
    assert project.decisions("check").returncode == 0
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "ADR-0002" in project.html("doc/adr/0002-use-postgres/index.html")

    # A new bad record still fails the build.
    project.write("doc/adr/0004-bad.md", "# 4. Bad\n\n## Status\n\nAcepted\n")
    failed = project.build("--strict")
    assert failed.returncode == 1
    assert "did you mean `accepted`?" in failed.stderr


def test_init_adds_the_plugin_to_an_existing_config_line_by_line(project: Project) -> None:
    nygard_repository(project)
    original = (
        "site_name: Team docs  # our site\n"
        "theme:\n"
        "    name: mkdocs\n"
        "plugins:\n"
        "    - search   # keep this comment\n"
        "markdown_extensions:\n"
        "    - toc\n"
    )
    project.write("mkdocs.yml", original)
    project.write("docs/index.md", "# Home\n")
    assert project.decisions("init", "--write").returncode == 0
    config = (project.root / "mkdocs.yml").read_text()
    assert config.startswith(original.split("markdown_extensions:")[0])
    assert "    - decisions:\n        kinds:\n" in config
    assert config.endswith("markdown_extensions:\n    - toc\n")
    assert (project.root / "docs/index.md").read_text() == "# Home\n"

    again = project.decisions("init", "--write")
    assert again.returncode == 0 and "configured in mkdocs.yml already" in again.stdout
    assert (project.root / "mkdocs.yml").read_text() == config


def test_init_for_rfcs_without_statuses_proposes_a_default(project: Project) -> None:
    for number in range(1, 6):
        project.write(
            f"rfcs/000{number}-idea-{number}.md", RUST_RFC.format(slug="x", number=number)
        )
    shown = project.decisions("init")
    assert "rfcs/  5 RFCs, RFC with metadata lines (Rust-style)" in shown.stdout
    assert "default_status: accepted" in shown.stdout
    # what the default means, in the output and above the option it proposes
    assert "a record that states no status is read as accepted, without what" in shown.stdout
    assert "+          # 5 of 5 records state no status: they are read as accepted, but" in (
        shown.stdout
    )


@pytest.mark.parametrize("where", ["record", "readme"])
def test_init_asserts_no_default_for_records_that_say_they_are_drafts(
    project: Project, where: str
) -> None:
    """Records that state no status but open with "This is a draft proposal", or whose
    README says they are published for feedback, are not read as accepted: the choice
    is written commented, every status offered, and the file is valid as it stands."""
    for number in range(1, 6):
        text = RUST_RFC.format(slug="x", number=number)
        if where == "record" and number in (2, 4):
            text = text.replace("One paragraph.", "*This is a draft proposal, not final.*")
        if number == 3:  # a draft named in a list is what is done, not what the page is
            text = text.replace("One paragraph.", "One paragraph.\n\n- Run draft-release.")
        project.write(f"rfcs/000{number}-idea-{number}.md", text)
    if where == "readme":
        project.write("rfcs/README.md", "# Ideas\n\nIdeas we have published for feedback.\n")
    written = project.decisions("init", "--write")
    assert written.returncode == 0, written.stderr
    assert "default_status: accepted" not in written.stdout
    quoted = (
        'rfcs/0002-idea-2.md: "This is a draft proposal, not final."'
        if where == "record"
        else 'rfcs/README.md: "Ideas we have published for feedback."'
    )
    both = f'{quoted}; rfcs/0004-idea-4.md: "This is a draft proposal, not final."'
    shown = both if where == "record" else quoted
    assert f"they say they are drafts or out for feedback ({shown})" in written.stdout
    assert "no `default_status` asserted" in written.stdout
    config = project.root / "mkdocs.yml"
    text = config.read_text()
    assert (
        "          folder: rfcs\n"
        "          # 5 of 5 records state no status, and they say they are drafts or\n"
        f"          # out for feedback ({quoted}):\n"
        "          # keep the status they are read as and remove the `#`.\n"
        "          # default_status: draft | review | accepted | rejected | withdrawn | "
        "implemented | superseded\n"
    ) in text
    assert read_project(config)[2].kinds["rfc"].default_status is None


def test_init_proposes_page_keys_for_keys_records_share(project: Project) -> None:
    """Keys another tool writes (here `sidebar_weight`, `owner_team`, and
    `reviewed_by_legal` in one record) become page keys; one written once that looks like
    a field of ours misspelt (`decidres`) is left to the check to report."""
    for number in range(1, 5):
        extra = "owner_team: data\n" if number < 3 else "reviewed_by_legal: yes\n"
        extra = "decidres: [Ana]\n" if number == 4 else extra
        project.write(
            f"docs/decisions/000{number}-choice-{number}.md",
            f"---\nstatus: accepted\ndate: 2024-01-0{number}\nsidebar_weight: {number}\n"
            f"{extra}---\n\n# Choice {number}\n\n## Context and Problem Statement\n\nC.\n",
        )
    project.git_commit_all("records", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "Traceback" not in shown.stderr
    assert "page_keys" in shown.stdout and "owner_team" in shown.stdout
    assert "sidebar_weight" in shown.stdout and "reviewed_by_legal" in shown.stdout
    assert "decidres" not in shown.stdout


def test_init_proposes_a_key_written_in_two_cases_once(project: Project) -> None:
    for number, key in enumerate(["Plan to Implement", "Plan to Implement", "Plan to implement"]):
        project.write(
            f"docs/decisions/000{number + 1}-choice.md",
            f"---\nstatus: accepted\n{key}: yes\nSupercededBy: N/A\n---\n\n# Choice\n\n"
            "## Context and Problem Statement\n\nC.\n",
        )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "Plan to Implement" in shown.stdout and "Plan to implement" not in shown.stdout
    assert "SupercededBy" not in shown.stdout  # the successor's key, misspelt: ours


def test_init_proposes_no_page_key_that_is_no_name(project: Project) -> None:
    """A key that is markup YAML happened to read (`"<b>"`, quoted) is no key a page
    has: no `page_keys` entry for it; a template's `<!-- status: a|b -->` line is a
    comment, no key at all."""
    for number in range(1, 3):
        project.write(
            f"docs/decisions/000{number}-choice-{number}.md",
            f'---\n<!-- status: proposed|accepted -->\nstatus: accepted\n"<b>": x\n'
            f"owner_team: data\n---\n\n# Choice {number}\n\n## Context\n\nC.\n",
        )
    project.git_commit_all("records", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "owner_team" in shown.stdout
    assert "<!--" not in shown.stdout and "<b>" not in shown.stdout


def test_init_follows_backstage_annotation(project: Project) -> None:
    project.write(
        "catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n"
        "  annotations:\n    backstage.io/adr-location: handbook/choices\n",
    )
    project.write(
        "handbook/choices/0001-a.md", NYGARD.format(number=1, title="A", status="Accepted")
    )
    shown = project.decisions("init")
    assert "handbook/choices/" in shown.stdout and "Backstage" in shown.stdout


def test_init_without_records_says_how_to_start(project: Project) -> None:
    project.write("README.md", "# Just code\n")
    result = project.decisions("init")
    assert result.returncode == 1
    assert "no record folders found" in result.stderr and "decisions new adr" in result.stderr


def test_init_names_the_template_the_records_are_held_to(project: Project) -> None:
    nygard_repository(project)
    project.write(
        "doc/adr/template.md", "# NUMBER. TITLE\n\n## Status\n\n## Context\n\n## Decision\n"
    )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "template doc/adr/template.md: its records are asked for the sections it has" in (
        shown.stdout
    )
    assert "4 ADRs" not in shown.stdout  # the template is no record


def test_init_writes_unguessed_status_words_as_alias_lines_to_uncomment(project: Project) -> None:
    """A word the tool cannot map is a commented entry under `aliases:`: the file is valid
    as written, and removing the `#` (after choosing the status) makes it an alias."""
    nygard_repository(project)
    project.write("doc/adr/0004-use-s4.md", NYGARD.format(number=4, title="S4", status="Final"))
    assert project.decisions("init", "--write").returncode == 0
    config = project.root / "mkdocs.yml"
    text = config.read_text()
    assert "          aliases:\n            final: accepted\n" in text
    assert f"\n            # stable: {CHOICE}   # 1 record\n" in text
    read_project(config)  # valid as written
    config.write_text(text.replace(f"# stable: {CHOICE}", "stable: accepted"))
    assert read_project(config)[2].kinds["adr"].aliases["stable"] == "accepted"
    assert project.decisions("check").returncode == 0


def test_init_writes_aliases_with_only_questions_under_it(project: Project) -> None:
    """With no word it can guess, `aliases:` holds only commented lines: still valid.
    A line uncommented without choosing is refused, naming the choice left to make."""
    for number, status in enumerate(["Accepted", "Stable", "Approved/Merged"], start=1):
        project.write(
            f"doc/adr/000{number}-choice-{number}.md",
            NYGARD.format(number=number, title=f"Choice {number}", status=status),
        )
    assert project.decisions("init", "--write").returncode == 0
    config = project.root / "mkdocs.yml"
    text = config.read_text()
    assert "          aliases:\n            # Words without a guessed meaning" in text
    assert f"# stable: {CHOICE}   # 1 record" in text
    assert read_project(config)[2].kinds["adr"].aliases == default_kinds()["adr"].aliases
    config.write_text(re.sub(r"(?m)^(\s*)# (\S+: proposed)", r"\1\2", text))
    with pytest.raises(ProjectError, match=r"`stable` maps to the choice .*: keep the one"):
        read_project(config)


def test_records_at_the_top_of_the_repository(project: Project) -> None:
    """dapr's and Node's layout: numbered and dated records at the top, beside the
    repository's own files. `init` proposes `folder: "."`; only the records are read
    (not the README, CONTRIBUTING, LICENSE, CHANGELOG, the docs, the code or another
    kind's folder), and their pages go under `rfc/`, not over the site's index."""
    names = ["0001-first-idea", "20240212-R-second-idea", "20240305-S-third-idea"]
    picture = "\n![flow](resources/0001-first-idea/flow.png)\n"
    for number, name in enumerate(names, start=1):
        text = RUST_RFC.format(slug=name, number=number) + (picture if number == 2 else "")
        project.write(f"{name}.md", text)
    for name in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md", "CODE_OF_CONDUCT.md"):
        project.write(name, f"# {name}\n\n## Summary\n\nAbout the repository.\n")
    project.write("LICENSE", "MIT\n")
    project.write("logo.png", "not a record's picture\n")
    project.write("resources/0001-first-idea/flow.png", "a record's picture\n")
    project.write("resources/README.md", "# Pictures of the proposals\n")
    project.write("templates/proposal.md", "# Title\n\n## Summary\n\n## Motivation\n")
    project.write("guides/0001-how-to-propose.md", RUST_RFC.format(slug="guide", number=9))
    project.write("src/0001-migration.md", RUST_RFC.format(slug="code", number=8))
    project.write("v2-api/0001-endpoints.md", RUST_RFC.format(slug="api", number=6))
    project.write("docs/index.md", "# Proposals\n\nThe site's own home page.\n")
    project.write("docs/0002-a-page.md", RUST_RFC.format(slug="page", number=7))
    project.git_commit_all("proposals", "2024-04-01T09:00:00+00:00")

    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "./ (the top of the repository)  3 RFCs" in shown.stdout
    assert "template templates/proposal.md" in shown.stdout
    assert "+          folder: ." in shown.stdout
    assert project.decisions("init", "--write").returncode == 0
    read_project(project.root / "mkdocs.yml")  # `folder: .` is a valid folder

    listed = project.decisions("list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    paths = sorted(record["path"] for record in json.loads(listed.stdout)["records"])
    assert paths == [f"{name}.md" for name in names]
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    # their git history is read (the record files at the top, not the whole repository):
    # created by the commit above, none uncommitted, the repository's files not read
    assert "at the top of the repository" not in built.stderr
    assert "not committed yet" not in built.stderr
    exported = json.loads(project.html("decisions/decisions.json"))
    created = {r["path"]: (r["history"] or {}).get("created") for r in exported["records"]}
    assert sorted(created) == [f"{name}.md" for name in names]
    assert all(commit and commit["date"].startswith("2024-04-01") for commit in created.values())
    assert "uncommitted" not in project.content("rfc/0001-first-idea/index.html")
    assert "second idea" in project.html("rfc/20240212-R-second-idea/index.html").lower()
    assert "The site's own home page." in project.html("index.html")
    assert not (project.root / "site/rfc/README").exists()
    assert not (project.root / "site/rfc/CHANGELOG").exists()
    # the records' pictures are where their links look; the repository's are not taken
    assert (project.root / "site/rfc/resources/0001-first-idea/flow.png").exists()
    assert not (project.root / "site/rfc/resources/README").exists()
    assert not (project.root / "site/rfc/logo.png").exists()
    page = project.html("rfc/20240212-R-second-idea/index.html")
    assert 'src="../resources/0001-first-idea/flow.png"' in page


def test_init_finds_numbered_files_at_the_top_that_tag_their_status(project: Project) -> None:
    """NIP-like: `01.md` ... at the top, the status a code-span tag below the title."""
    page = "XIP-{n:02d}\n======\n\nRelay hint {n}\n------------\n\n`draft` `optional`\n\nX.\n"
    for number in range(1, 5):
        project.write(f"{number:02d}.md", page.format(n=number))
    project.write("README.md", "# Index\n\nThe list.\n")
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "./ (the top of the repository)  4 RFCs, RFC with status tags" in shown.stdout


def test_a_kind_folder_at_the_top_is_accepted_and_others_are_refused(project: Project) -> None:
    for folder in (".", "./"):
        project.configure(plugin_options={"kinds": {"rfc": {"folder": folder}}})
        assert read_project(project.root / "mkdocs.yml")[2].kinds["rfc"].folder == "."
    project.configure(plugin_options={"kinds": {"rfc": {"folder": "/srv/rfcs"}}})
    with pytest.raises(ProjectError, match=r"folder relative to mkdocs\.yml"):
        read_project(project.root / "mkdocs.yml")


def test_init_finds_folders_named_for_records_and_the_folder_mkdocs_yml_names(
    project: Project,
) -> None:
    """Unleash keeps unnumbered ADRs in `contributing/ADRs/` sub-folders, OpenFeature in
    `OFEP/`: their names say what they hold; a folder that mkdocs.yml names is read
    whatever its name."""
    page = "---\ntitle: 'ADR: {0}'\n---\n\n## Background\n\nx\n\n## Decision\n\ny\n"
    for name in ("logging", "exports", "styling"):
        project.write(f"contributing/ADRs/back-end/{name}.md", page.format(name))
    project.write("contributing/ADRs/ADRs.md", "---\ntitle: ADR Overview\n---\n\n* [x](x)\n")
    proposal = "---\ntitle: {0}\nstatus: approved\n---\n\n# {0}\n\n## Background\n\nx\n"
    for name in ("sync", "hooks", "events"):
        project.write(f"OFEP/{name}.md", proposal.format(name))
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "contributing/ADRs/  3 ADRs" in shown.stdout
    assert "OFEP/  3 RFCs" in shown.stdout

    elsewhere = Project(project.root / "other")
    for name in ("a", "b", "c"):
        elsewhere.write(f"notes/kept/{name}.md", page.format(name))
    elsewhere.write(
        "mkdocs.yml",
        "site_name: x\nplugins:\n  - decisions:\n      kinds:\n        adr: {folder: notes/kept}\n",
    )
    found = elsewhere.decisions("init")
    assert found.returncode == 0, found.stderr
    assert "notes/kept/  3 ADRs" in found.stdout and "[mkdocs.yml]" in found.stdout


@pytest.mark.parametrize("folder", ["beslutninger", "Entscheidungen", "décisions", "决策"])
def test_init_finds_a_folder_named_decisions_in_another_language(
    project: Project, folder: str
) -> None:
    """A Danish team keeps its dated decisions in `beslutninger/`, with labels in Danish
    that name no ADR section: the folder's name says what it holds."""
    page = "# {0}\n\n- **Dato**: 2025-02-0{1}\n- **Status**: Accepteret\n\n## Beskrivelse\n\nX\n"
    for number, name in enumerate(("aflys-moder", "ny-styregruppe", "ny-version"), 1):
        project.write(f"{folder}/2025-02-0{number}-{name}.md", page.format(name, number))
    # Notes not named as records are not a folder of records, whatever its name.
    for name in ("referat", "dagsorden", "plan"):
        project.write(f"noter/beslut/{name}.md", page.format(name, 1))
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert f"{folder}/  3 ADRs" in shown.stdout
    assert "beslut/" not in shown.stdout.replace("beslutninger/", "")


def test_check_before_init_reads_the_folders_init_would_configure(project: Project) -> None:
    nygard_repository(project)
    checked = project.decisions("check")
    assert "3 records checked" in checked.stderr, checked.stdout
    assert "no mkdocs.yml here; reading doc/adr/" in checked.stderr
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    assert len(listed["records"]) == 3


def test_init_titles_the_home_page_by_the_existing_site_name(project: Project) -> None:
    nygard_repository(project)
    project.write("mkdocs.yml", "site_name: Payments platform\n")
    assert project.decisions("init", "--write").returncode == 0
    assert (project.root / "docs/index.md").read_text().startswith("# Payments platform\n")


def test_init_keeps_its_pages_out_of_another_generators_docs_folder(project: Project) -> None:
    nygard_repository(project)
    project.write("docs/package.json", '{"name": "docs-site"}\n')
    project.write("docs/astro.config.mjs", "export default {}\n")
    written = project.decisions("init", "--write")
    assert written.returncode == 0, written.stderr
    assert not (project.root / "docs/index.md").exists()
    assert "docs_dir: decisions-site" in (project.root / "mkdocs.yml").read_text()
    assert (project.root / "decisions-site/index.md").exists()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    # Kinds left at their default folders that do not exist are not news.
    assert "rfc/ does not exist" not in result.stderr


def test_a_folder_mkdocs_yml_names_that_does_not_exist_is_noted(project: Project) -> None:
    project.configure(plugin_options={"kinds": {"rfc": {"folder": "proposals"}}})
    project.write("adr/0001-a.md", NYGARD.format(number=1, title="A", status="Accepted"))
    result = project.build()
    assert "WARNING" in result.stderr and "record folder proposals/ does not exist" in result.stderr
    assert "docs/standards/ does not exist" not in result.stderr
    assert project.build("--strict").returncode == 1  # a site without those records


RFD = "---\nstate: publish\n---\n\n# RFD {n} {title}\n\n## Problem\n\nX.\n\n## Proposal\n\nY.\n"


def test_init_finds_records_kept_one_per_numbered_folder(project: Project) -> None:
    for number, title in ((1, "Bedtime for old clients"), (2, "Metrics"), (12, "Logs")):
        project.write(f"rfd/{number:04d}/README.md", RFD.format(n=number, title=title))
    project.git_commit_all("rfds", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    assert "rfd/  3 RFCs" in shown.stdout, shown.stdout + shown.stderr
    assert project.decisions("init", "--write").returncode == 0
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    titles = sorted(record["title"] for record in listed["records"])
    assert titles == ["Bedtime for old clients", "Logs", "Metrics"]


def test_init_finds_numbered_folders_at_the_top_and_reads_folder_zero(project: Project) -> None:
    spec = '---\ntitle: "SPEC {n} - {title}"\ndate: 2020-12-17\n---\n\n## Description\n\nX.\n'
    titles = ("Minimum supported dependencies", "Scientific Python tooling", "Release keys")
    for number, title in enumerate(titles):
        project.write(f"spec-{number:04d}/index.md", spec.format(n=number, title=title))
    project.write("README.md", "# Specs\n")
    project.git_commit_all("specs", "2024-04-01T09:00:00+00:00")
    assert "./ (the top of the repository)  3 RFCs" in project.decisions("init").stdout
    assert project.decisions("init", "--write").returncode == 0
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    ids = {record["id"]: record["title"] for record in listed["records"]}
    assert ids["SPEC-0000"] == "Minimum supported dependencies"  # record 0, not a template
    assert len(ids) == 3


def test_init_reads_a_collection_kept_in_a_folder_per_status(project: Project) -> None:
    rfc = "# {title}\n\n## Summary\n\nX.\n\n## Motivation\n\nY.\n"
    for title in ("Wasm GC", "Shared everything", "CFI improvements"):
        slug = title.lower().replace(" ", "-")
        project.write(f"rfcs/accepted/{slug}.md", rfc.format(title=title))
    project.write("rfcs/withdrawn/threads.md", rfc.format(title="Threads"))
    project.git_commit_all("rfcs", "2024-04-01T09:00:00+00:00")
    assert "rfcs/  4 RFCs" in project.decisions("init").stdout
    assert project.decisions("init", "--write").returncode == 0
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    statuses = {record["title"]: record["status"] for record in listed["records"]}
    assert statuses == {
        "Wasm GC": "accepted",
        "Shared everything": "accepted",
        "CFI improvements": "accepted",
        "Threads": "withdrawn",
    }


def test_init_reads_records_beside_folders_of_decided_ones_as_in_review(
    project: Project,
) -> None:
    """Delta keeps its decided RFCs in `accepted/` and `rejected/`, the open ones at the
    top: those are in review, not of unknown status nor accepted by default."""
    rfc = "# {title}\n\n## Summary\n\nX.\n\n## Motivation\n\nY.\n"
    for folder, title in [("accepted/", "Type widening"), ("rejected/", "Managed commits")]:
        slug = title.lower().replace(" ", "-")
        project.write(f"rfcs/{folder}{slug}.md", rfc.format(title=title))
    for title in ("Interval types", "Checkpoint protection", "Collated strings"):
        project.write(f"rfcs/{title.lower().replace(' ', '-')}.md", rfc.format(title=title))
    project.git_commit_all("rfcs", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    told = "3 record(s) at the top state no status, beside the folders of decided ones"
    assert f"{told}: read as review" in shown.stdout
    assert "default_status" not in shown.stdout
    assert project.decisions("init", "--write").returncode == 0
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    statuses = {record["title"]: record["status"] for record in listed["records"]}
    assert statuses == {
        "Type widening": "accepted",
        "Managed commits": "rejected",
        "Interval types": "review",
        "Checkpoint protection": "review",
        "Collated strings": "review",
    }
    checked = project.decisions("check")
    assert "DEC102" not in checked.stdout + checked.stderr


def test_init_reads_designs_grouped_by_year_in_a_folder_per_status(project: Project) -> None:
    design = "# {title}\n\n## Summary\n\nX.\n"
    for path, title in (
        ("accepted/2020/feature-switch.md", "Feature switches"),
        ("accepted/2020/cbor/cbor.md", "CBOR reader"),
        ("accepted/2020/workloads/workloads.md", "Workloads"),
        ("accepted/2020/workloads/workload-manifest.md", "Workload manifest"),
        ("accepted/2021/net5/net5.md", "Planning for five"),
        ("accepted/2024/netstandard.md", "Net standard"),
    ):
        project.write(path, design.format(title=title))
    project.git_commit_all("designs", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    assert "accepted/  6 RFCs" in shown.stdout
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    records = {record["title"]: (record["id"], record["status"]) for record in listed["records"]}
    assert records == {
        "Feature switches": ("feature-switch", "accepted"),
        "CBOR reader": ("cbor", "accepted"),
        "Workloads": ("workloads", "accepted"),
        "Workload manifest": ("workload-manifest", "accepted"),
        "Planning for five": ("net5", "accepted"),  # a digit in a name is no number
        "Net standard": ("netstandard", "accepted"),  # a year folder is no record's
    }


def test_init_under_a_configuration_naming_the_plugin_still_makes_the_docs_folder(
    project: Project,
) -> None:
    """The folder set by hand in mkdocs.yml, no docs/: `init --write` leaves mkdocs.yml
    alone and writes the home page the build needs, so `mkdocs build --strict` passes."""
    nygard_repository(project)
    config = "site_name: Team\nplugins:\n  - decisions:\n      kinds:\n        adr:\n"
    config += "          folder: doc/adr\n"
    project.write("mkdocs.yml", config)
    written = project.decisions("init", "--write")
    assert written.returncode == 0, written.stderr
    assert "configured in mkdocs.yml already" in written.stdout
    assert (project.root / "mkdocs.yml").read_text() == config
    assert (project.root / "docs/index.md").read_text().startswith("# Team\n")
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr


def test_init_does_not_take_numbered_chapters_of_a_document_for_records(project: Project) -> None:
    """NERC's `architecture/add/01-architecture-overview.md` ... `08-...`: numbered
    chapters of an architecture description, beside its ADRs; not a folder of RFCs."""
    nygard_repository(project)
    for number, chapter in enumerate(("overview", "context", "functional", "process"), 1):
        project.write(
            f"architecture/add/0{number}-architecture-{chapter}.md",
            f"# Architecture {chapter}\n\n## Platform context\n\nText.\n\n## User types\n\nMore.\n"
            + ("\n### Goals\n\nOurs.\n\n### Scope\n\nAll.\n" if number == 1 else ""),
        )
    shown = project.decisions("init")
    assert "doc/adr/" in shown.stdout and "architecture/add" not in shown.stdout


def test_init_counts_the_records_as_check_does(project: Project) -> None:
    """conda-forge keeps its template as `cfep-00.md` among `cfep-01.md` ... : `check`
    reads it as the template, and `init` says so too, not "4 RFCs, 1 without status"."""
    row = "<tr><td> {0} </td><td> {1} </td></tr>\n"
    for number in range(0, 4):
        status = "Draft &#124; Proposed &#124; Accepted" if number == 0 else "Accepted"
        title = "&lt;CFEP title&gt;" if number == 0 else f"Idea {number}"
        table = "<table>\n" + row.format("Title", title) + row.format("Status", status)
        table += row.format("Created", "Aug 30, 2016") + "</table>\n\n"
        project.write(f"cfep-0{number}.md", table + "## Abstract\n\nX\n\n## Motivation\n\nY\n")
    shown = project.decisions("init")
    assert "3 RFCs" in shown.stdout and "state no status" not in shown.stdout, shown.stdout


NUMBER_ALONE = """\
---
id: {number}
state: approved
created: 2019-0{month}-10
---

# Guide {number}

## Guidance

Do it so.
"""


def test_init_finds_records_named_by_number_alone_in_scope_folders(project: Project) -> None:
    """``specs/general/0100.md`` beside ``specs/auth/4110.md``: numbered records, their
    headings the collection's own; the folder of the scopes is the record folder. A
    folder of numbered chapters without front matter holds no records."""
    for scope, first in (("general", 100), ("auth", 4110)):
        for offset in range(3):
            number = first + offset
            project.write(
                f"specs/{scope}/{number:04d}.md",
                NUMBER_ALONE.format(number=number, month=offset + 1),
            )
    for chapter in range(1, 4):
        project.write(f"book/0{chapter}.md", f"# Chapter {chapter}\n\nText.\n\n## More\n")
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "specs/  6 RFCs, RFC with front matter  [numbered records]" in shown.stdout
    assert "+          folder: specs\n" in shown.stdout
    assert "book" not in shown.stdout


SERIES_ADR = """\
---
adr: {number}
status: {status}
---

# ADR-{number}: Sync {number}

## Abstract

A.

## Motivation

M.

## Specification

S.
"""


@pytest.mark.parametrize("name", ["ADR-{number}-sync.md", "{number:04d}-sync.md"])
def test_init_reads_files_named_in_the_adr_series_as_adrs(project: Project, name: str) -> None:
    """``ADR-N-slug.md`` (or ``adr: N`` in front matter) in a folder named for neither
    kind, headed as RFCs are: ADRs, so that their `deprecated` stays deprecated (an
    RFC's would be withdrawn)."""
    for number, status in ((1, "Final"), (2, "Deprecated"), (3, "Living")):
        project.write(
            f"content/{name.format(number=number)}",
            SERIES_ADR.format(number=number, status=status),
        )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "content/  3 ADRs" in shown.stdout
    assert "+        adr:\n+          folder: content\n" in shown.stdout
    assert "deprecated" not in shown.stdout
    assert "+            living: accepted\n" in shown.stdout


def test_init_reads_done_words_as_accepted_adrs(project: Project) -> None:
    """`Completed` and `Implementing` say the decision was taken: accepted, not the
    placeholder `proposed` of a word without a meaning."""
    for number, status in enumerate(["Completed", "Implementing", "Completed"], start=1):
        project.write(
            f"doc/adr/000{number}-step-{number}.md",
            NYGARD.format(number=number, title=f"Step {number}", status=status),
        )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "+            completed: accepted\n+            implementing: accepted\n" in shown.stdout
    assert "proposed" not in shown.stdout


def test_init_reads_the_folder_an_archive_points_to_and_never_says_move_it_there(
    project: Project,
) -> None:
    """A legacy archive in a usual place (`docs/architecture/decisions/`) whose README
    says new records go in `../../adr/`: the kind reads `docs/adr/`, the archive is named
    as not read, and its stub is no record."""
    for number in (1, 2, 3):
        project.write(
            f"docs/architecture/decisions/000{number}-old-{number}.md",
            NYGARD.format(number=number, title=f"Old {number}", status="Accepted"),
        )
    project.write("docs/architecture/decisions/0004-moved.md", "Moved to ../../adr/\n")
    project.write("docs/architecture/decisions/README.md", "# Archive\n\nNew ones: `../../adr/`.\n")
    for number in (1, 2):
        project.write(
            f"docs/adr/000{number}-new-{number}.md",
            NYGARD.format(number=number, title=f"New {number}", status="Accepted"),
        )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "+          folder: docs/adr\n" in shown.stdout
    assert "docs/architecture/decisions/  3 ADRs" in shown.stdout
    assert (
        "note: docs/architecture/decisions/ (3 records) is another folder of ADRs, not read"
        in shown.stdout
    )
    assert "because the README of docs/architecture/decisions/ points to it" in shown.stdout
    assert "+          #   docs/architecture/decisions/ (3 records)\n" in shown.stdout
    assert "move it under" not in shown.stdout


def test_init_reads_the_folder_of_a_kind_that_holds_the_most_records(project: Project) -> None:
    for number in (1, 2, 3):
        project.write(
            f"docs/architecture/decisions/000{number}-old-{number}.md",
            NYGARD.format(number=number, title=f"Old {number}", status="Accepted"),
        )
    for number in range(1, 6):
        project.write(
            f"docs/adr/000{number}-new-{number}.md",
            NYGARD.format(number=number, title=f"New {number}", status="Accepted"),
        )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "+          folder: docs/adr\n" in shown.stdout
    assert "docs/adr/ is read because it holds the most records" in shown.stdout
    checked = project.decisions("check")
    assert "reading docs/adr/ as" in checked.stderr, checked.stderr


def test_init_reads_stage_folders_at_the_top_with_the_top(project: Project) -> None:
    """PowerShell-like RFCs: numbered records kept in stage folders at the top of the
    repository (`Final/`, `Draft-Accepted/`, `Archive/Rejected/`) are one collection,
    read with `folder: "."`; dated notes in `notes/` are no stage and stay out."""
    rfc = "---\nRFC: RFC{n:04d}\nStatus: {status}\n---\n\n# Idea {n}\n\n## Motivation\n\nX.\n"
    places = {1: ("Final", "Final"), 2: ("Final", "Final"), 3: ("Draft-Accepted", "Draft")}
    places[4] = ("Archive/Rejected", "Rejected")
    for n, (folder, status) in places.items():
        project.write(f"{folder}/RFC{n:04d}-idea-{n}.md", rfc.format(n=n, status=status))
    for day in ("20190610", "20190624", "20190701"):
        project.write(f"notes/{day} - Discussion Notes.md", "# Notes\n\nWe talked.\n")
    project.write("README.md", "# RFCs\n")
    project.git_commit_all("rfcs", "2024-04-01T09:00:00+00:00")
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert "./ (the top of the repository)  4 RFCs" in shown.stdout
    assert "Final/" not in shown.stdout and "note:" not in shown.stdout
    assert project.decisions("init", "--write").returncode == 0
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    statuses = {record["id"]: record["status"] for record in listed["records"]}
    assert statuses == {
        "RFC-0001": "accepted",
        "RFC-0002": "accepted",
        "RFC-0003": "draft",
        "RFC-0004": "rejected",
    }


def test_init_guesses_built_in_progress_and_documented_implementation(project: Project) -> None:
    """`Built` is implemented where the lifecycle has it (RFCs) and accepted where it
    has not (ADRs); an RFC `in Progress` is in review, as an ADR's is proposed; a record
    that documents an existing implementation states a decision in force."""
    for number, status in enumerate(["Built", "in Progress", "Built"], start=1):
        project.write(
            f"rfcs/00{number}-x/00{number}-x.md",
            f"- Start Date: 2022-03-0{number}\n- Status: {status}\n\n# Idea {number}\n\n"
            "## Summary\n\nX.\n\n## Motivation\n\nY.\n",
        )
    for number, status in enumerate(
        ["Built", "Documented existing implementation", "Accepted"], start=1
    ):
        project.write(
            f"doc/adr/000{number}-step-{number}.md",
            NYGARD.format(number=number, title=f"Step {number}", status=status),
        )
    shown = project.decisions("init")
    assert shown.returncode == 0, shown.stderr
    assert (
        "+            built: accepted\n+            documented existing implementation: accepted\n"
        in (shown.stdout)
    )
    assert "+            built: implemented\n+            in progress: review\n" in shown.stdout
    assert "-> ?" not in shown.stdout
