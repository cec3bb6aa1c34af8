"""DEC006: front-matter keys that a record's kind has no field for.

A key spelt almost like one of the kind's fields (``superseeded_by``) is a typo, and
each record that writes it is told the field it meant. A key that several records of the
collection write (Cardano's ``category``, NixOS' ``shepherd-team``) is another tool's
convention, not a mistake: it is said once, as a note, with how to accept it.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..catalogue.findings import Finding, Severity
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..records.kinds import KindSpec
from ..records.model import Record
from .registry import check
from .sections import CONVENTION_SHARE

# A key this close to one of the kind's fields (difflib's ratio) is taken for a typo.
TYPO_CUTOFF = 0.8
# A key that at least this many records write, or a quarter of the kind's records (two
# at least), is a convention of the collection.
CONVENTION_RECORDS = 3


@check("DEC006")
def check_unknown_keys(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    for key, position in record.unknown_keys:
        typo = difflib.get_close_matches(key, list(kind.fields), n=1, cutoff=TYPO_CUTOFF)
        message = f"unknown key `{key}` for a record of kind {kind.name}"
        if typo:
            yield finding("DEC006", record.path, position, message, f"did you mean `{typo[0]}`?")
            continue
        users = _key_users(corpus, kind).get(key.casefold(), [])
        total = _kind_size(corpus, kind)
        if len(users) >= CONVENTION_RECORDS or (
            len(users) >= 2 and len(users) >= CONVENTION_SHARE * total
        ):
            if users[0] == record.path:
                note = finding(
                    "DEC006",
                    record.path,
                    position,
                    f"`{key}` is in the front matter of {len(users)} of {total} "
                    f"{kind.label.lower()}: another tool's key, it seems, which this one does "
                    "not read; said once, not per record",
                    f"to accept it silently, add it to `page_keys: [{key}]` in mkdocs.yml "
                    "(`decisions init` proposes the keys it finds)",
                )
                yield replace(note, severity=Severity.INFO, subject=f"{kind.name}:key:{key}")
            continue
        near = difflib.get_close_matches(key, list(kind.fields), n=1, cutoff=0.6)
        yield finding(
            "DEC006", record.path, position, message, f"did you mean `{near[0]}`?" if near else ""
        )


def _key_users(corpus: Corpus, kind: KindSpec) -> dict[str, list[str]]:
    """For each unknown key of a kind's records (in any case: `Plan to implement` is
    `Plan to Implement`), the paths of the records that write it, in order."""

    def compute() -> dict[str, list[str]]:
        users: dict[str, list[str]] = {}
        for record in sorted(corpus.records, key=lambda r: r.path):
            if record.kind == kind.name:
                for key in dict.fromkeys(key.casefold() for key, _ in record.unknown_keys):
                    users.setdefault(key, []).append(record.path)
        return users

    return corpus.memo(f"unknown-keys:{kind.name}", compute)


def _kind_size(corpus: Corpus, kind: KindSpec) -> int:
    counts = corpus.memo(
        "records-per-kind", lambda: Counter(record.kind for record in corpus.records)
    )
    return counts[kind.name]
