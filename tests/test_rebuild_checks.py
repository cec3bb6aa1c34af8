"""`mkdocs serve --dirty` keeps the findings of the checks that read the collection
between rebuilds (``checks.reuse``): a body edit checks that record alone, and an edit
of what other records read (a link, a status) still gives every new finding. Real
builds of a git repository in a temporary folder, the plugin kept between them as
`mkdocs serve` keeps it."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_decisions.checks.run import check_corpus
from mkdocs_decisions.cli.project import load_project
from mkdocs_decisions.plugin import DecisionsPlugin

from conftest import Project, adr, traced


class Serving:
    """Builds as `mkdocs serve --dirty` does: the configuration read again each time,
    the same plugin object kept."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.site = project.root / "site"
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=False)

    def _config(self):  # type: ignore[no-untyped-def]
        return load_config(str(self.project.root / "mkdocs.yml"), site_dir=str(self.site))

    def rebuild(self) -> DecisionsPlugin:
        config = self._config()
        build(config, dirty=True)
        plugin = config.plugins["decisions"]
        assert isinstance(plugin, DecisionsPlugin)
        return plugin

    def edit(self, path: str, old: str, new: str) -> list[str]:
        """Replace ``old`` by ``new`` in a file, rebuild, and return the findings, after
        checking they are those of a fresh `decisions check` of the same files."""
        file = self.project.root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        plugin = self.rebuild()
        fresh = load_project(self.project.root / "mkdocs.yml")
        expected = check_corpus(fresh.corpus, fresh.settings).findings
        assert [f.as_dict() for f in plugin.findings] == [f.as_dict() for f in expected]
        return [f.as_text() for f in plugin.findings]


def serving(project: Project, tmp_path: Path) -> Serving:
    for path, content in traced().items():
        project.write(path, content)
    project.write("adr/0002-stream.md", adr("Stream sales events"))
    project.write("adr/0003-lakehouse.md", adr("Keep features in the lakehouse"))
    project.configure()
    project.git_commit_all("records")
    return Serving(project)


def test_a_body_edit_checks_that_record_alone(project: Project, tmp_path: Path) -> None:
    server = serving(project, tmp_path)
    kept = dict(server.rebuild().checked.kept)
    sentence = "Forecasts must be ready before suppliers are ordered at 09:00."
    assert (
        server.edit("adr/0003-lakehouse.md", sentence, f"{sentence} One more.\n\nAnd more.") == []
    )
    now = server.rebuild().checked.kept
    # The other records' findings are the very ones of the build before: not checked again.
    assert now["adr/0001-batch.md"] is kept["adr/0001-batch.md"]
    assert now["adr/0002-stream.md"] is kept["adr/0002-stream.md"]
    assert now["adr/0003-lakehouse.md"] is not kept["adr/0003-lakehouse.md"]


def test_a_link_edit_gives_the_finding_on_the_record_it_names(
    project: Project, tmp_path: Path
) -> None:
    server = serving(project, tmp_path)
    found = server.edit(
        "adr/0002-stream.md",
        "deciders: [Ana Silva]",
        "deciders: [Ana Silva]\nsupersedes: [ADR-0003]",
    )
    # ADR-0003's file did not change; its finding comes from ADR-0002's new link.
    assert any(f.startswith("adr/0003-lakehouse.md") and "DEC203" in f for f in found), found
    assert server.edit("adr/0002-stream.md", "supersedes: [ADR-0003]", "related: [ADR-0003]") == []


def test_a_status_edit_gives_the_findings_of_the_records_that_read_it(
    project: Project, tmp_path: Path
) -> None:
    server = serving(project, tmp_path)
    found = server.edit("docs/standards/std-sec-001.md", "status: active", "status: retired")
    assert any(f.startswith("adr/0001-batch.md") and "DEC506" in f for f in found), found
    server.edit("docs/standards/std-sec-001.md", "status: retired", "status: active")
    found = server.edit("adr/0003-lakehouse.md", "status: accepted", "status: proposed")
    assert not any("DEC506" in f for f in found), found


def test_a_template_written_while_serving_changes_what_records_are_asked(
    project: Project, tmp_path: Path
) -> None:
    """The collection's own template is read by the section checks of every record: an
    edit of the template alone changes the findings of records that did not change."""
    server = serving(project, tmp_path)
    found = server.edit("adr/0002-stream.md", "## Consequences", "## Aftermath")
    missing = "adr/0002-stream.md:2:8: DEC301 error: missing section `Consequences`"
    assert any(f.startswith(missing) for f in found), found
    template = "# {title}\n\n## Context and Problem Statement\n\n## Considered Options\n\n"
    template += "## Decision Outcome\n\n## Consequences\n"
    project.write("adr/adr-template.md", template)
    found = server.edit("adr/adr-template.md", "## Consequences", "## Consequences")
    assert any(f.startswith(missing) for f in found), found  # the template asks for them
    found = server.edit("adr/adr-template.md", "## Consequences", "## Consequences (optional)")
    assert not any(f.startswith(missing) for f in found), found
