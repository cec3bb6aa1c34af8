"""Score the readers against answer keys written by reading real record collections.

The collections are other teams' repositories, checked out outside this one (never
committed here); each answer key is a JSON file written by a person who read every
record (title, status word, decision date, template or not). This script reads each
collection with the core, exactly as ``decisions check`` would, and reports per
collection how many titles, statuses and dates were read right, how many error-level
findings the first run gives, and every miss with ``--details``.

    python bench/real_corpora.py KEYS SOURCES [--only SLUG ...] [--details] [--markdown]

KEYS holds ``<slug>.json`` answer keys; SOURCES holds ``<slug>/`` checkouts. A key names
the record folder (``folder``, several separated by commas), the kind (adr or rfc) and
per record: ``path``, ``template``, ``title``, ``status`` (the word as written, lower
case, null when none), ``date`` (ISO, null when none). Numbers are written into
docs/formats.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_decisions.catalogue.findings import Finding, Severity
from mkdocs_decisions.checks.run import run_checks
from mkdocs_decisions.corpus.load import load_corpus
from mkdocs_decisions.corpus.settings import Settings, settings_from_options
from mkdocs_decisions.records.model import Record


@dataclass
class Score:
    slug: str
    kind: str
    records: int = 0
    titles: int = 0
    statuses: int = 0
    dates: int = 0
    missing: int = 0  # keyed records the tool did not read as records
    templates_read: int = 0  # template files the tool read as records
    errors: int = 0
    error_rules: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def share(self, count: int) -> str:
        return f"{100 * count / self.records:.0f} %" if self.records else "-"


def _words(text: str | None) -> str:
    """The words of a title or status as compared: code marks (backticks) are no words,
    since a title is its text (issue 12: `Arc<T>` is shown as Arc<T>)."""
    return " ".join(str(text or "").replace("`", "").split())


def _title_key(text: str | None) -> str:
    return _words(text).strip(" .").casefold()


def _status_key(text: str | None) -> str:
    words = re.sub(r"[^\w\s-]", " ", str(text or "").lower())
    return " ".join(words.split())


def status_matches(record: Record, expected: str | None, settings: Settings) -> bool:
    if expected is None:
        return record.raw_status is None
    kind = settings.kinds[record.kind]
    ours = {_status_key(record.raw_status), _status_key(record.status)}
    if _status_key(expected) in ours:
        return True
    return record.status is not None and kind.canonical_status(expected) == record.status


def score(key_path: Path, sources: Path, details: bool) -> Score:
    key = json.loads(key_path.read_text(encoding="utf-8"))
    slug = key_path.stem
    result = Score(slug, key["kind"])
    checkout = sources / slug
    folders = [folder.strip() for folder in key["folder"].split(",")]
    # Records at the repository root are read there, as `folder: "."` reads them.
    root = checkout
    read: dict[str, Record] = {}
    findings: list[Finding] = []
    for folder in folders:
        settings = settings_from_options(
            {
                "kinds": {
                    key["kind"]: {"folder": folder},
                    **{k: {"enabled": False} for k in ("adr", "rfc") if k != key["kind"]},
                    "standard": {"enabled": False},
                    "project": {"enabled": False},
                },
                "history": False,
            }
        )
        corpus = load_corpus(root, root / "docs", settings)
        for record in corpus.records:
            read[record.path] = record
        findings += [f for f in run_checks(corpus, settings) if f.severity is Severity.ERROR]
    for entry in key["records"]:
        path = entry["path"]
        record = read.get(path)
        if entry.get("template"):
            if record is not None:
                result.templates_read += 1
                result.misses.append(f"{path}: template read as a record")
            continue
        result.records += 1
        if record is None:
            result.missing += 1
            result.misses.append(f"{path}: not read as a record")
            continue
        if _title_key(record.title) == _title_key(entry["title"]):
            result.titles += 1
        else:
            result.misses.append(f"{path}: title {record.title!r}, key {entry['title']!r}")
        if status_matches(record, entry.get("status"), settings):
            result.statuses += 1
        else:
            result.misses.append(
                f"{path}: status {record.raw_status!r} ({record.status}), "
                f"key {entry.get('status')!r}"
            )
        expected = entry.get("date")
        ours = record.date.isoformat() if isinstance(record.date, dt.date) else None
        if ours == expected:
            result.dates += 1
        else:
            result.misses.append(f"{path}: date {ours}, key {expected}")
    result.errors = len(findings)
    result.error_rules = Counter(f.rule for f in findings)
    if details:
        result.misses += [f"  finding: {f.as_text()}" for f in findings]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", type=Path)
    parser.add_argument("sources", type=Path)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--markdown", action="store_true")
    arguments = parser.parse_args()
    keys = sorted(arguments.keys.glob("*.json"))
    if arguments.only:
        keys = [k for k in keys if k.stem in arguments.only]
    scores = [score(key, arguments.sources, arguments.details) for key in keys]
    total = Score("all", "")
    for item in scores:
        for name in ("records", "titles", "statuses", "dates", "missing", "templates_read"):
            setattr(total, name, getattr(total, name) + getattr(item, name))
        total.errors += item.errors
        total.error_rules.update(item.error_rules)
    if arguments.markdown:
        print("| collection | kind | records | titles | statuses | dates | errors |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
    for item in [*scores, total]:
        if arguments.markdown:
            print(
                f"| {item.slug} | {item.kind} | {item.records} | {item.share(item.titles)} | "
                f"{item.share(item.statuses)} | {item.share(item.dates)} | {item.errors} |"
            )
        else:
            rules = ", ".join(f"{rule}x{n}" for rule, n in item.error_rules.most_common())
            print(
                f"{item.slug:58} {item.records:4} titles {item.share(item.titles):>5} "
                f"statuses {item.share(item.statuses):>5} dates {item.share(item.dates):>5} "
                f"errors {item.errors:4} {rules}"
            )
        if arguments.details and item is not total:
            for miss in item.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
