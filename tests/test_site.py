"""Real sites built with the real mkdocs command, asserted on their HTML."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from conftest import VALID_RFC, Project, adr


def successor_pair(project: Project) -> None:
    project.write(
        "adr/0001-serve-forecasts-nightly.md",
        adr(
            front="title: Serve forecasts nightly\nstatus: superseded\ndate: 2026-01-10\n"
            "deciders: [Ana Silva]"
        ),
    )
    project.write(
        "adr/0002-serve-forecasts-hourly.md",
        adr(
            "Serve forecasts hourly",
            front="title: Serve forecasts hourly\nstatus: accepted\ndate: 2026-03-02\n"
            "deciders: [Ana Silva, Bo Chen]\nsupersedes: [ADR-0001]\ntags: [serving]",
        ),
    )
    project.write(
        "rfc/0001-feature-store.md",
        VALID_RFC.replace("authors: [Bo Chen]", "authors: [Bo Chen]\ndecisions: [ADR-0002]"),
    )


def test_records_outside_docs_become_pages(project: Project) -> None:
    successor_pair(project)
    project.configure(repo_url="https://example.org/team/repo", edit_uri="edit/main/docs/")
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr

    old = project.html("adr/0001-serve-forecasts-nightly/index.html")
    assert "ADR-0001: Serve forecasts nightly</h1>" in old
    assert 'class="decisions-badge decisions-status-superseded"' in old
    # the banner points at the successor, declared only on the successor's side
    banner = old.split('class="decisions-banner', 1)[1].split("</div>", 1)[0]
    assert "Superseded" in banner
    assert 'href="../0002-serve-forecasts-hourly/"' in banner
    # said once: the banner names the successor, the header does not list it again
    header = old.split('class="decisions-header"', 1)[1].split("</div>", 1)[0]
    assert "Superseded by" not in header and "Referenced by" not in header
    # the edit link points at the real file, not at docs/
    assert (
        'href="https://example.org/team/repo/edit/main/adr/0001-serve-forecasts-nightly.md"' in old
    )

    new = project.html("adr/0002-serve-forecasts-hourly/index.html")
    assert "<strong>Supersedes:</strong>" in new
    assert 'href="../0001-serve-forecasts-nightly/"' in new
    assert "<strong>Deciders:</strong> Ana Silva, Bo Chen" in new
    assert "<strong>Discussed in:</strong>" in new and 'href="../../rfc/0001-feature-store/"' in new
    assert "decisions-banner" not in new

    rfc = project.html("rfc/0001-feature-store/index.html")
    assert (
        "<strong>Decisions:</strong>" in rfc
        and 'href="../../adr/0002-serve-forecasts-hourly/"' in rfc
    )


def test_generated_indexes_group_by_status(project: Project) -> None:
    successor_pair(project)
    project.configure()
    assert project.build("--strict").returncode == 0
    index = project.html("decisions/index.html")
    headings = re.findall(r"<h2[^>]*>([^<]+)", index)
    assert headings == ["Accepted (1)", "Superseded (1)", "Review (1)"]
    assert 'href="../adr/0002-serve-forecasts-hourly/"' in index
    adr_index = project.content("adr/index.html")
    assert "<h1" in adr_index and "Architecture decisions" in adr_index
    assert "RFC-0001" not in adr_index and "ADR-0001" in adr_index
    assert "RFC-0001" in project.content("rfc/index.html")


def test_landing_page_and_subfolders(project: Project) -> None:
    project.write(
        "adr/README.md", "# Our decisions\n\nHow we decide: see the [RFCs](../rfc/index.md).\n"
    )
    project.write("adr/template.md", "# Title\n\n## Context\n")
    project.write("adr/serving/0003-cache-forecasts.md", adr("Cache forecasts"))
    project.write("adr/0001-serve-forecasts-nightly.md", adr())
    project.write("rfc/0001-feature-store.md", VALID_RFC)
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    landing = project.content("adr/index.html")
    assert "Our decisions</h1>" in landing and "How we decide" in landing
    assert "ADR-0003" in landing and "ADR-0001" in landing
    assert (project.root / "site/adr/serving/0003-cache-forecasts/index.html").exists()
    serving = project.content("adr/serving/index.html")
    assert "ADR-0003" in serving and "ADR-0001" not in serving
    assert not (project.root / "site/adr/template/index.html").exists()


def test_front_matter_values_are_escaped(project: Project) -> None:
    project.write(
        "adr/0001-x.md",
        adr(
            front="title: 'Use <script>alert(1)</script> | pipes'\nstatus: accepted\n"
            "date: 2026-03-02\ndeciders: ['<img src=x onerror=alert(2)>']\n"
            "tags: ['\"><b>bold</b>']",
            body="## Context\n\nx\n",
        ),
    )
    project.configure()
    result = project.build()
    assert result.returncode == 0, result.stderr
    for page in ("adr/0001-x/index.html", "decisions/index.html", "adr/index.html"):
        html = project.html(page)
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "<b>bold</b>" not in html
    html = project.html("adr/0001-x/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_bad_input_still_builds_and_strict_fails(project: Project) -> None:
    project.write("adr/0001-good.md", adr())
    project.write("adr/0002-latin1.md", adr("Caf\xe9 choice").encode("latin-1"))
    project.write("adr/0003-empty.md", "")
    project.write("adr/0004-unclosed.md", "---\ntitle: Open\nstatus: accepted\n\n# Open\n")
    project.write("adr/0005-bom-crlf.md", ("\ufeff" + adr("Windows file")).replace("\n", "\r\n"))
    project.write("adr/0006-status-list.md", adr(front="title: Listy\nstatus: [accepted]"))
    project.write("adr/0007-bad-yaml.md", adr(front="title: [unclosed\nstatus: accepted"))
    project.configure()

    result = project.build()
    assert result.returncode == 0, result.stderr
    log = result.stderr
    for expected in (
        "adr/0002-latin1.md:2:11: DEC001",
        "adr/0003-empty.md:1:1: DEC008",
        "adr/0004-unclosed.md:1:1: DEC003",
        "adr/0005-bom-crlf.md:1:1: DEC009",
        "adr/0006-status-list.md:3:9: DEC007",
        "adr/0007-bad-yaml.md:",
    ):
        assert expected in log, expected
    assert "Traceback" not in log
    for number, slug in enumerate(
        ["good", "latin1", "empty", "unclosed", "bom-crlf", "status-list", "bad-yaml"], start=1
    ):
        assert (project.root / f"site/adr/{number:04d}-{slug}/index.html").exists(), slug
    assert "Windows file" in project.html("adr/0005-bom-crlf/index.html")

    strict = project.build("--strict")
    assert strict.returncode != 0
    assert "DEC003" in strict.stderr


def test_warnings_do_not_fail_strict_but_fail_on_can_make_them(project: Project) -> None:
    project.write(
        "adr/0001-x.md",
        adr(
            front="title: T\nstatus: accepted\ndate: 2026-03-02\n"
            "deciders: [Ana]\nnav_order: 3\nsuperseeded_by: ADR-9"
        ),
    )
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "INFO" in result.stderr and "DEC006 warning" in result.stderr

    project.configure(plugin_options={"fail_on": "warning"})
    result = project.build("--strict")
    assert result.returncode != 0
    assert "WARNING" in result.stderr and "DEC006" in result.stderr


def test_rule_severity_configuration(project: Project) -> None:
    project.write("adr/0001-x.md", adr(body="# T\n\n## Context\n\nOnly context.\n"))
    project.configure(plugin_options={"rules": {"DEC301": "off"}})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "DEC301" not in result.stderr


def test_bad_plugin_option_is_a_clear_error(project: Project) -> None:
    project.configure(plugin_options={"rules": {"DEC999": "error"}})
    result = project.build()
    assert result.returncode != 0
    assert "unknown rule `DEC999`" in result.stderr
    assert "Traceback" not in result.stderr


def test_explicit_nav_gets_a_decisions_section(project: Project) -> None:
    successor_pair(project)
    project.configure(nav=[{"Home": "index.md"}])
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    home = project.html("index.html")
    assert "decisions/" in home and "ADR-0002: Serve forecasts hourly" in home


def test_nav_that_places_our_pages_is_left_alone(project: Project) -> None:
    successor_pair(project)
    project.configure(nav=[{"Home": "index.md"}, {"Log": "decisions/index.md"}])
    result = project.build()
    assert result.returncode == 0, result.stderr
    home = project.html("index.html")
    assert "Log" in home
    assert "ADR-0002: Serve forecasts hourly" not in home


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_themes(project: Project, theme: str) -> None:
    successor_pair(project)
    project.configure(theme={"name": theme}, use_directory_urls=False)
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    page = project.html("adr/0001-serve-forecasts-nightly.html")
    assert 'href="0002-serve-forecasts-hourly.html"' in page
    assert "assets/decisions/decisions.css" in page
    assert (project.root / "site/assets/decisions/decisions.css").exists()


def test_records_inside_docs_dir(project: Project) -> None:
    project.write("docs/decisions-log/0001-x.md", adr("Inside docs"))
    project.configure(plugin_options={"kinds": {"adr": {"folder": "docs/decisions-log"}}})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    page = project.html("decisions-log/0001-x/index.html")
    assert "ADR-0001: Inside docs</h1>" in page
    assert "decisions-header" in page


def test_a_record_in_capitals_inside_docs_dir_is_a_page_not_a_raw_copy(project: Project) -> None:
    """`docs/decisions-log/0002-y.MD`: a record page, and MkDocs does not also copy the
    raw file into the site as a static file."""
    project.write("docs/decisions-log/0001-x.md", adr("Lower case"))
    project.write("docs/decisions-log/0002-y.MD", adr("Upper case"))
    project.configure(plugin_options={"kinds": {"adr": {"folder": "docs/decisions-log"}}})
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "ADR-0002: Upper case</h1>" in project.html("decisions-log/0002-y/index.html")
    assert sorted(p.name for p in (project.root / "site/decisions-log").iterdir()) == [
        "0001-x",
        "0002-y",
        "index.html",
    ]


def test_discussion_link_only_for_web_urls(project: Project) -> None:
    project.write(
        "rfc/0001-a.md",
        VALID_RFC.replace(
            "authors: [Bo Chen]", "authors: [Bo Chen]\ndiscussion: https://example.org/pr/1?a=(b)"
        ),
    )
    project.write(
        "rfc/0002-b.md",
        VALID_RFC.replace(
            "authors: [Bo Chen]", "authors: [Bo Chen]\ndiscussion: 'javascript:alert(1)'"
        ),
    )
    project.configure()
    built = project.build("--strict")  # a `javascript:` URL is an error (DEC602)
    assert built.returncode == 1 and "DEC602" in built.stderr
    assert project.build().returncode == 0
    assert 'href="https://example.org/pr/1?a=%28b%29"' in project.content("rfc/0001-a/index.html")
    assert "javascript:" not in project.content("rfc/0002-b/index.html")


def test_explicit_nav_lists_subfolders(project: Project) -> None:
    project.write("adr/serving/0001-a.md", adr())
    project.write("adr/0002-b.md", adr("Second"))
    project.configure(nav=[{"Home": "index.md"}])
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert 'href="adr/serving/"' in project.html("index.html")


@pytest.mark.parametrize("name", ["adr-tools", "log4brains", "madr2", "madr3", "madr4"])
def test_foreign_collections_build_every_record(project: Project, name: str) -> None:
    source = Path(__file__).parent / "fixtures" / "foreign" / name
    shutil.copytree(source, project.root / "adr")
    (project.root / "adr" / "expected.json").unlink()
    project.configure()
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    expected = json.loads((source / "expected.json").read_text(encoding="utf-8"))
    for file_name, want in expected.items():
        if file_name == "_not_records":
            continue
        page = project.content(f"adr/{file_name[:-3]}/index.html")
        assert f'decisions-status-{want["status"]}"' in page, file_name
        if want["superseded_by"]:
            assert 'class="decisions-banner' in page
            assert f'href="../{want["superseded_by"][:-3]}/"' in page, file_name


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_html_links_match_mkdocs_urls(use_directory_urls: bool) -> None:
    """The header's HTML links are computed by the core; MkDocs must agree on every URL."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    from mkdocs_decisions.site.urls import relative_href

    paths = [
        "index.md",
        "adr/index.md",
        "adr/0001-a.md",
        "adr/serving/0003-b.md",
        "adr/serving/index.md",
        "rfc/0001-c.md",
        "decisions/index.md",
        "decisions/timeline.md",
        "docs-like/deep/er/page.md",
        "adr/0013-why?.md",
        "adr/0012-c#-and-f#.md",
        "adr/0014-100%-sure.md",
        "adr/0015-caf\u00e9 au lait.md",
    ]

    def url(path: str) -> str:
        return File(path, "/docs", "/site", use_directory_urls).url

    for source in paths:
        for target in paths:
            expected = get_relative_url(url(target), url(source))
            assert relative_href(source, target, use_directory_urls) == expected, (source, target)


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_titles_are_escaped_once_everywhere(project: Project, theme: str) -> None:
    """The page title reaches <title>, the nav and the TOC each escaped exactly once;
    Material's `striptags` on <title> would otherwise unescape it into markup."""
    title = 'The team\'s "store" & <b>cache</b> </title><script>alert(1)</script>'
    project.write("adr/0001-a.md", adr(title=title))
    project.configure(theme={"name": theme})
    assert project.build("--strict").returncode == 0
    html = project.html("adr/0001-a/index.html")
    assert "<script>alert(1)" not in html and "<b>cache" not in html
    assert "&amp;#39;" not in html and "&amp;amp;" not in html and "&amp;lt;" not in html
    head = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in head
    text = re.sub(r"&#39;|&#34;|&quot;", lambda m: {"&#39;": "'"}.get(m[0], '"'), html)
    assert 'ADR-0001: The team\'s "store" &amp; &lt;b&gt;cache&lt;/b&gt;' in text


def test_relative_paths_match_posixpath() -> None:
    from mkdocs_decisions.site.urls import relative_path as relative_path

    paths = ["", ".", "a", "a/b", "a/b/c", "a/c", "b", "adr/x", "adr/x/y", "projects/p"]
    for target in paths[2:]:
        for start in paths:
            expected = posixpath.relpath(target, start or ".")
            assert relative_path(target, start or ".") == expected, (target, start)


def test_atom_feed_and_json_are_published_and_linked(project: Project) -> None:
    import xml.etree.ElementTree as ElementTree

    project.write("adr/0001-a.md", adr(front="title: A & <B>\nstatus: proposed"))
    project.configure(theme={"name": "material"})
    project.git_commit_all("propose", "2026-01-10T09:00:00+00:00")
    project.write("adr/0001-a.md", adr("A & <B>"))
    project.git_commit_all("accept", "2026-02-01T09:00:00+00:00", ("Bo Chen", "bo@example.com"))
    assert project.build("--strict").returncode == 0
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(project.html("decisions/feed.xml"))
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [
        "ADR-0001 proposed → accepted: A & <B>",
        "ADR-0001 proposed: A & <B>",
    ]
    assert entries[0].findtext(f"{atom}updated") == "2026-02-01T09:00:00+00:00"
    assert entries[0].find(f"{atom}author").findtext(f"{atom}name") == "Bo Chen"
    link = entries[0].find(f"{atom}link").get("href")
    assert link == "../adr/0001-a/"
    assert (project.root / "site/decisions" / link / "index.html").resolve().exists()
    page = project.html("adr/0001-a/index.html")
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="../../decisions/feed.xml"' in page
    records = json.loads(project.html("decisions/decisions.json"))["records"]
    assert (
        records[0]["id"] == "ADR-0001" and records[0]["history"]["accepted"]["author"] == "Bo Chen"
    )
    index = project.content("decisions/index.html")
    assert 'href="feed.xml"' in index and 'href="decisions.json"' in index


def test_status_kind_and_tags_feed_materials_tags_plugin(project: Project) -> None:
    project.write(
        "adr/0001-a.md",
        adr(
            front="title: A\nstatus: accepted\ndate: 2026-03-02\ndeciders: [Ana]\n"
            'tags: [serving, "<b>x</b>"]'
        ),
    )
    project.write("docs/tags.md", "# Tags\n\n<!-- material/tags -->\n")
    project.configure(
        theme={"name": "material"},
        plugins=["search", "tags", {"decisions": {"tags": True}}],
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    page = project.html("adr/0001-a/index.html")
    tags = [t.strip() for t in re.findall(r'<(?:span|a)\b[^>]*class="md-tag"[^>]*>([^<]*)<', page)]
    assert sorted(tags) == sorted(
        ["accepted", "Architecture decision record", "serving", "&lt;b&gt;x&lt;/b&gt;"]
    )
    assert "<b>x</b>" not in page
    assert "adr/0001-a/" in project.html("tags/index.html")
    project.configure(theme={"name": "material"})  # off by default: no page tags
    assert project.build("--strict").returncode == 0
    assert "md-tag" not in project.html("adr/0001-a/index.html")


def test_sidebar_sections_are_titled_by_the_kind_label(project: Project) -> None:
    """Without a `nav:`, MkDocs would title the folders "Adr" and "Rfc"; each kind's
    `label` titles its section and its index instead, and a team can rename it."""
    successor_pair(project)
    project.configure(theme={"name": "material"})
    assert project.build("--strict").returncode == 0
    sidebar = project.html("index.html").split('class="md-nav md-nav--primary"', 1)[1]
    sections = re.findall(
        r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>\s*)?([^<\s][^<]*?)\s*<', sidebar
    )
    assert "Architecture decisions" in sections and "Requests for comments" in sections
    assert "Adr" not in sections and "Rfc" not in sections

    project.configure(
        theme={"name": "material"},
        plugin_options={"kinds": {"adr": {"label": "Decision log <2026>"}}},
    )
    assert project.build("--strict").returncode == 0
    sidebar = project.html("index.html").split('class="md-nav md-nav--primary"', 1)[1]
    assert "Decision log &lt;2026&gt;" in sidebar and "Architecture decisions" not in sidebar
    assert "<h1" in project.content("adr/index.html")
    assert "Decision log &lt;2026&gt;</h1>" in project.content("adr/index.html")


def test_a_kind_label_must_be_text(project: Project) -> None:
    project.configure(plugin_options={"kinds": {"adr": {"label": ""}}})
    result = project.check()
    assert result.returncode == 2
    assert "kinds: adr: label: expected a non-empty title" in result.stderr


def test_search_indexes_a_records_own_words_not_the_tables_drawn_around_them(
    project: Project,
) -> None:
    successor_pair(project)
    project.configure()
    assert project.build("--strict").returncode == 0
    old = project.html("adr/0001-serve-forecasts-nightly/index.html")
    assert "Serve forecasts hourly" in old  # the banner names the successor on the page
    index = json.loads((project.root / "site" / "search" / "search_index.json").read_text())
    texts = " ".join(
        doc["text"] + doc["title"]
        for doc in index["docs"]
        if doc["location"].startswith("adr/0001-serve-forecasts-nightly/")
    )
    assert "Serve forecasts nightly" in texts and "Context" in texts  # its own words
    assert "hourly" not in texts  # not the successor's title from the banner


def test_a_record_cannot_place_the_generated_html_itself(project: Project) -> None:
    """The generated HTML goes where the plugin marked it; a record that writes a mark of
    its own gets nothing there (the marks carry a number drawn for the build)."""
    body = "# Nightly\n\n<!--decisions:0:adr/0001-x.md:at-end-->\n\n## Context\n\nWhy.\n"
    project.write("adr/0001-x.md", adr("Nightly", body=body))
    project.configure()
    assert project.build().returncode == 0
    page = project.content("adr/0001-x/index.html")
    assert page.count('class="decisions-header"') == 1
    assert page.index('class="decisions-header"') < page.index("Why.")


def test_a_stub_where_a_record_moved_is_a_page_not_a_listed_record(project: Project) -> None:
    project.configure()
    project.write("adr/0001-serve-forecasts-nightly.md", adr())
    project.write(
        "adr/2024-01-02-nightly.md",
        "> IMPORTANT: This document was moved to [0001](0001-serve-forecasts-nightly.md)\n",
    )
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    assert "moved to" in project.html("adr/2024-01-02-nightly/index.html")
    index = project.content("decisions/index.html")
    assert "ADR-0001" in index and "2024-01-02-nightly" not in index
    listed = json.loads(project.decisions("list", "--format", "json").stdout)
    assert [record["id"] for record in listed["records"]] == ["ADR-0001"]


def test_links_to_a_folder_records_readme_reach_its_page(project: Project) -> None:
    """Straw Hat's records are `adrs/<id>/README.md`, published as their folder's page:
    a link to `../0000000002/README.md` (inline or by reference) reaches it, and the
    build passes `--strict`."""
    project.configure(plugin_options={"history": False})
    text = "---\nid: '{n}'\nstate: Proposed\ncreated: 2020-11-08\n---\n\n# {title}\n\n{body}\n"
    project.write(
        "adr/0000000001/README.md",
        text.format(
            n="0000000001",
            title="Genesis",
            body="See [ADR 2](../0000000002/README.md#context) and [the other][2].\n\n"
            "[2]: ../0000000002/README.md",
        ),
    )
    project.write(
        "adr/0000000002/README.md",
        text.format(
            n="0000000002",
            title="Use tags",
            body="## Context\n\nX\n\n## Considered Options\n\n* Tags\n* Folders\n",
        ),
    )
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    page = project.content("adr/0000000001/index.html")
    assert 'href="../0000000002/#context"' in page
    assert 'href="../0000000002/"' in page
    assert "README.md" not in page


def test_a_folder_readme_that_lists_the_records_is_not_a_second_list(project: Project) -> None:
    """adr-tools' README keeps a list of the records; the folder's index lists them with
    their statuses already: the README's prose is shown, its list of records is not."""
    project.configure(plugin_options={"history": False})
    for number, title in [(1, "Record decisions"), (2, "Use Postgres")]:
        slug = title.lower().replace(" ", "-")
        project.write(
            f"adr/000{number}-{slug}.md",
            f"# {number}. {title}\n\nDate: 2024-01-0{number}\n\n## Status\n\nProposed\n\n"
            "## Context\n\nX\n",
        )
    project.write(
        "adr/README.md",
        "# Decisions\n\nWe record decisions as [Nygard](https://x.org) describes.\n\n"
        "* [1. Record decisions](0001-record-decisions.md)\n"
        "* [2. Use Postgres](0002-use-postgres.md)\n\n"
        "| ADR | Title |\n|---|---|\n| [1](0001-record-decisions.md) | Record decisions |\n"
        "| [2](0002-use-postgres.md) | Use Postgres |\n\nSee also [the wiki](https://x.org/w).\n",
    )
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    page = project.content("adr/index.html")
    assert "Nygard" in page and "the wiki" in page
    assert page.count('href="0001-record-decisions/"') == 2  # the index's id and title
    assert "<table" not in page.split("the wiki")[0]


def test_a_landing_page_titled_by_a_slug_is_shown_by_its_heading(project: Project) -> None:
    """interlok's `docs/adr/index.md`: Jekyll's `title: index` over `# Architectural
    Decision Log`: the folder's page is headed and listed by the heading."""
    project.configure(plugin_options={"history": False})
    project.write(
        "adr/0001-a.md",
        "# 1. Use A\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\n## Context\n\nX\n",
    )
    project.write(
        "adr/index.md",
        "---\ntitle: index\nlayout: page\n---\n\n# Architectural Decision Log\n\nOurs.\n",
    )
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    page = project.html("adr/index.html")
    assert "<title>Architectural Decision Log" in page and ">index<" not in page


def test_another_generators_index_page_beside_the_records_gives_way(project: Project) -> None:
    """IPFS keeps `src/ipips/index.html` beside its IPIPs: the folder's generated index
    takes its place without a warning, and `--strict` passes on the first build."""
    project.configure(plugin_options={"history": False})
    project.write(
        "adr/0001-a.md",
        "# 1. Use A\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\n## Context\n\nX\n",
    )
    project.write("adr/index.html", "<html><body>Another generator's list</body></html>\n")
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    assert "Another generator" not in project.html("adr/index.html")
    assert "takes the place of adr/index.html" in built.stderr


def test_a_record_split_in_two_names_both_successors_once(project: Project) -> None:
    """Buildpacks' RFC 4 is superseded by RFC 60 and RFC 106: the banner names both, the
    header neither a second time."""
    project.configure(plugin_options={"history": False})
    nygard = "# {n}. {title}\n\nDate: 2024-01-01\n\n## Status\n\n{status}\n\n## Context\n\nX\n\n"
    nygard += "## Decision\n\nY\n\n## Consequences\n\nZ\n"
    project.write("adr/0004-old.md", nygard.format(n=4, title="Old", status="Superseded"))
    for n, title in ((60, "New A"), (106, "New B")):
        status = "Accepted\n\nSupersedes [4. Old](0004-old.md)"
        project.write(f"adr/{n:04}-new-{n}.md", nygard.format(n=n, title=title, status=status))
    project.build()
    header = project.content("adr/0004-old/index.html").split("## Context")[0]
    banner = header.split("decisions-banner", 1)[1]
    assert "ADR-0060" in banner and "ADR-0106" in banner and " and " in banner
    assert "Superseded by:" not in header


def test_a_link_to_the_folders_readme_reaches_its_index(project: Project) -> None:
    """NeIC's records link `[the guide](README.md#index)`; the README is the folder's
    index page here, so the link goes there."""
    project.configure(plugin_options={"history": False})
    project.write("adr/README.md", "# Decisions\n\n## Index\n\nHow we decide.\n")
    project.write(
        "adr/0001-a.md",
        "# 1. Use A\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\n## Context\n\n"
        "See [the guide](README.md) and [the index](README.md#index).\n",
    )
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    page = project.content("adr/0001-a/index.html")
    assert 'href="../"' in page and 'href="../#index"' in page and "README.md" not in page


def test_a_status_read_through_an_alias_keeps_the_teams_word_on_the_page(
    project: Project,
) -> None:
    """conda-forge's `Deferred` read as draft, `Final` as accepted: the badge says the
    status, and the team's word stands beside it, escaped."""
    project.configure(
        plugin_options={
            "history": False,
            "kinds": {"rfc": {"aliases": {"deferred & parked": "draft"}}},
        }
    )
    rfc = "# {title}\n\n* Status: {status}\n\n## Summary\n\nX\n\n## Motivation\n\nY\n"
    project.write("rfc/0001-a.md", rfc.format(title="A", status="Deferred & parked"))
    project.write("rfc/0002-b.md", rfc.format(title="B", status="Draft"))
    built = project.build()
    assert built.returncode == 0, built.stderr
    first = project.content("rfc/0001-a/index.html")
    assert "decisions-status-draft" in first
    assert '<span class="decisions-status-as-written">(Deferred &amp; parked)</span>' in first
    assert "decisions-status-as-written" not in project.content("rfc/0002-b/index.html")


def test_pictures_from_a_folder_beside_the_records_are_published(project: Project) -> None:
    """Fabric keeps `images/` beside `text/` (`![arch](../images/diagram.png)`): the
    picture is copied where the page's link looks, and `--strict` passes; the folder's
    other files are not."""
    project.configure(plugin_options={"history": False, "kinds": {"rfc": {"folder": "text"}}})
    (project.root / "images").mkdir()
    (project.root / "images" / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    project.write("images/notes.txt", "not a picture\n")
    project.write(
        "text/0001-x.md",
        "# X\n\n* Status: Draft\n\n## Summary\n\n![arch](../images/diagram.png)\n\n"
        '<img src="../images/diagram.png" alt="again">\n\n## Motivation\n\nY\n',
    )
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    assert (project.root / "site" / "images" / "diagram.png").is_file()
    assert not (project.root / "site" / "images" / "notes.txt").exists()


def test_the_titles_anchor_is_kept_where_the_header_shows_the_title(project: Project) -> None:
    """The body's title heading is not shown under the page header that has the title;
    an element with its slugs (GitHub's, as the record's own contents list writes it,
    and MkDocs') keeps the record's links to it working under `--strict`."""
    project.configure(plugin_options={"history": False}, validation={"anchors": "warn"})
    body = (
        "# FEP-0007: Cache - Warm starts\n\n"
        "- [FEP-0007: Cache - Warm starts](#fep-0007-cache---warm-starts)\n"
        "  - [Summary](#summary)\n\n" + VALID_RFC.split("# Feature store\n\n", 1)[1]
    )
    front = VALID_RFC.split("\n\n# Feature store", 1)[0].replace("Feature store", "Warm starts")
    project.write("rfc/0007-warm-starts.md", front + "\n\n" + body)
    built = project.build("--strict")
    assert built.returncode == 0, built.stderr
    page = project.content("rfc/0007-warm-starts/index.html")
    assert page.count("FEP-0007: Cache - Warm starts</h") == 0  # not shown twice
    assert '<a id="fep-0007-cache---warm-starts"></a>' in page
    assert '<a id="fep-0007-cache-warm-starts"></a>' in page
    assert 'href="#fep-0007-cache---warm-starts"' in page


def test_a_translation_is_a_page_of_its_record_linked_from_it(project: Project) -> None:
    project.write("rfc/0001-feature-store.md", VALID_RFC)
    project.write("rfc/0001-feature-store-zh.md", VALID_RFC.replace("# Feature store", "# 特征库"))
    project.configure()
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    page = project.content("rfc/0001-feature-store/index.html")
    assert '<strong>Translations:</strong> <a href="../0001-feature-store-zh/">zh</a>' in page
    assert "特征库" in project.html("rfc/0001-feature-store-zh/index.html")
    index = project.content("decisions/index.html")  # the index, not the site's nav
    assert "0001-feature-store/" in index and "0001-feature-store-zh" not in index
