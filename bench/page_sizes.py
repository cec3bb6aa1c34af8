"""List the size of every page the decisions plugin generates in a built site, and the
number of nodes in every graph picture.

Usage::

    python bench/page_sizes.py SITE_DIR [--all] [--limit-kb 1024] [--max-nodes 250]

``SITE_DIR`` is the output of ``mkdocs build`` (the built-in ``mkdocs`` theme or
Material). For each page that lists records (everything under ``decisions/``, the
folder indexes of each kind, the standards catalogue, the compliance matrix, the
projects index, project and standard pages) it prints the file's size and the size
of the page's own content: what lies inside the theme's main column (``role="main"``
in the ``mkdocs`` theme, ``<article`` in Material), so without the navigation that
every page of a site repeats. Record pages are summarised (count, largest); ``--all``
lists them too.

Graph pictures (``assets/decisions/graphs/*.svg``) are read for their ``data-nodes``
attribute: it prints the graph page's pictures one by one and the neighbourhoods as a
summary. It exits 1 when a page's own content is larger than ``--limit-kb`` or a
picture holds more than ``--max-nodes`` nodes, else 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_NODES = re.compile(rb'data-nodes="(\d+)"')
_MAIN_START = (b'role="main"', b"<article")
_MAIN_END = (b'<footer class="col-md-12"', b"</article>")
RECORD_FOLDERS = ("adr", "rfc")  # the default folders of ADRs and RFCs


def own_content(html: bytes) -> int:
    """The bytes of a page's main column: from the theme's main element to its end."""
    for start_mark, end_mark in zip(_MAIN_START, _MAIN_END, strict=True):
        start = html.find(start_mark)
        if start == -1:
            continue
        end = html.find(end_mark, start)
        return (end if end != -1 else len(html)) - start
    return len(html)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--all", action="store_true", help="list record pages one by one")
    parser.add_argument("--limit-kb", type=float, default=1024.0, metavar="KB")
    parser.add_argument("--max-nodes", type=int, default=250, metavar="N")
    arguments = parser.parse_args(argv)
    site: Path = arguments.site
    over = False

    pages = sorted(site.rglob("*.html"))
    listing: list[tuple[str, int, int]] = []
    records: list[tuple[str, int, int]] = []
    for path in pages:
        relative = path.relative_to(site)
        if relative.name == "404.html" or relative.as_posix() == "index.html":
            continue
        data = path.read_bytes()
        row = (relative.as_posix(), len(data), own_content(data))
        leaf = not any(child.is_dir() for child in path.parent.iterdir())
        split_part = "by-year" in relative.parts  # a page of a split index (ADR-0026)
        in_records = relative.parts[0] in RECORD_FOLDERS and not split_part
        if in_records and (leaf or relative.name != "index.html"):
            records.append(row)  # a record's page (a folder index has records below it)
        else:
            listing.append(row)

    print(f"Pages that list records in {site} (KB = 1,000 bytes):\n")
    print("| page | file KB | own content KB |")
    print("|---|---:|---:|")
    for name, total, content in listing:
        print(f"| {name} | {total / 1000:,.0f} | {content / 1000:,.0f} |")
        over |= content > arguments.limit_kb * 1000
    if records:
        largest = max(records, key=lambda row: row[2])
        print(
            f"\nRecord pages: {len(records)}; largest own content "
            f"{largest[2] / 1000:,.0f} KB ({largest[0]}, file {largest[1] / 1000:,.0f} KB)"
        )
        over |= largest[2] > arguments.limit_kb * 1000
        if arguments.all:
            for name, total, content in records:
                print(f"- {name}: {total / 1000:,.0f} KB, own {content / 1000:,.0f} KB")

    graphs = site / "assets" / "decisions" / "graphs"
    pictures = sorted(graphs.glob("*.svg")) if graphs.is_dir() else []
    overview: list[tuple[str, int, int]] = []
    near: list[tuple[str, int, int]] = []
    for picture in pictures:
        data = picture.read_bytes()
        found = _NODES.search(data)
        nodes = int(found.group(1)) if found else -1
        row = (picture.name, nodes, len(data))
        is_overview = picture.name.startswith(("project-", "group-", "unconnected"))
        (overview if is_overview else near).append(row)
    print(f"\nGraph page pictures: {len(overview)}\n")
    print("| picture | nodes | KB |")
    print("|---|---:|---:|")
    for name, nodes, size in overview:
        print(f"| {name} | {nodes} | {size / 1000:,.0f} |")
        over |= nodes > arguments.max_nodes
    if overview:
        total = sum(row[1] for row in overview)
        largest = max(row[1] for row in overview)
        print(f"\nLargest graph page picture: {largest} nodes; {total} nodes in all")
    if near:
        biggest = max(near, key=lambda row: row[1])
        print(f"Neighbourhood pictures: {len(near)}; largest {biggest[1]} nodes ({biggest[0]})")
        over |= biggest[1] > arguments.max_nodes
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
