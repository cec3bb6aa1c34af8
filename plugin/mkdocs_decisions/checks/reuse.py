"""Findings of the checks that read other records, kept between the builds of
``mkdocs serve``.

A check that reads only its record keeps its findings with the record (``Record.memo``).
A check that reads the collection too (links, supersession, the collection's sections
and statuses, traceability, history) could report something new about any record when
one changes. But what it reads of the *other* records is their facts, not their prose:
ids, paths, kinds, statuses, front matter and links, the headings they have and which
are empty, whether they weigh options. When no record's facts changed (nor the
settings, the day or the history), a record that is the same object as in the last
build has the same findings as then: typing in the body of one record checks that
record again, alone.

Standards and projects are compared whole: what a project says is traced everywhere.
The collections' template files are compared whole too: they say which sections and
metadata every record of their folder needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..catalogue.findings import Finding
from ..corpus.links import Corpus
from ..corpus.settings import Settings
from ..records.kinds import KindSpec
from ..records.model import Record
from .sections import weighs_options

# Kinds whose prose no check of another record reads (see ``cross_record_facts``).
_PROSE_KINDS = frozenset({"adr", "rfc"})


def cross_record_facts(record: Record, kind: KindSpec) -> object:
    """What checking another record may read of ``record`` (equal facts, equal
    findings elsewhere); worked out once per record."""
    if kind.name not in _PROSE_KINDS:
        return record
    return record.memo(("cross-record facts", kind.name), lambda: _facts(record, kind))


def _facts(record: Record, kind: KindSpec) -> tuple[object, ...]:
    headings = tuple(
        (section.key, section.title, section.level, section.is_empty)
        for section in record.iter_sections()
    )
    without_prose = replace(record, body="", sections=(), derived={})
    return without_prose, headings, weighs_options(record, kind)


@dataclass
class CheckReuse:
    """The last build's findings of the checks that read the collection, per record,
    with what they were worked out from."""

    signature: tuple[object, ...] | None = None
    history: object = None
    # record path -> the record, and its findings of every check (of one record too)
    kept: dict[str, tuple[Record, list[Finding]]] = field(default_factory=dict)
    checked: int = 0  # how many records the current build checked (the rest were reused)

    def begin(self, corpus: Corpus, settings: Settings) -> bool:
        """Start a build; whether the findings kept may serve records that did not change."""
        signature = (
            settings,
            corpus.today,
            tuple(corpus.templates),  # what the collections' own templates ask (DEC301, DEC102)
            tuple(
                cross_record_facts(record, settings.kinds[record.kind]) for record in corpus.records
            ),
        )
        # The same history is the same object (``cached_history``); without history, an
        # empty one each build.
        history = corpus.history
        same = signature == self.signature and (history is self.history or history == self.history)
        if not same:
            self.kept = {}
        self.signature, self.history = signature, history
        self.checked = 0
        return same

    def findings(self, record: Record) -> list[Finding] | None:
        """The findings kept for ``record``, if it is the record they were for."""
        kept = self.kept.get(record.path)
        return kept[1] if kept is not None and kept[0] is record else None

    def keep(self, record: Record, findings: list[Finding]) -> None:
        before = self.kept.get(record.path)
        if before is not None and before[0] is record and before[1] is findings:
            return  # served from what was kept
        self.checked += 1
        self.kept[record.path] = (record, findings)

    def keep_only(self, paths: set[str]) -> None:
        """Forget records that are gone."""
        for path in [path for path in self.kept if path not in paths]:
            del self.kept[path]
