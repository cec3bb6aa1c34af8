"""DEC1xx: a record's status, and the fields its status requires.

Hints say where the record's own format writes a value: in front matter, on a
``* Status:`` line, in a metadata table or in a ``## Status`` section. A status word
that the lifecycle does not know is an error on each record when it is a typo of a
status; any other word is the team's own, a warning once per word with the alias that
would map it. A collection that writes no statuses at all (many RFC processes: merged
means accepted) gets one note, not one error per record.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..catalogue.findings import Finding, Severity
from ..catalogue.rules import finding
from ..corpus.links import Corpus
from ..corpus.survey import likely_status
from ..records.kinds import DECIDED, KindSpec
from ..records.model import Record
from ..records.templates import covering
from .registry import check
from .sections import (
    CONVENTION_MINIMUM,
    CONVENTION_SHARE,
    FOLDER_MINIMUM,
    folder_convention,
    template_leaves_out,
    top_folder,
    weighs_options,
)


@check("DEC101", "DEC102")
def check_status(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    if record.raw_status is None:
        if "status" in record.rejected_keys or kind.default_status or record.status_assumed:
            return  # `default_status`, or proposed beside the folders of decided records
        if template_leaves_out(corpus, record, "status"):
            return  # the collection's template marks the status optional
        convention = _no_status_convention(corpus, kind)
        typed = None if convention is not None else _type_without_status(corpus, kind, record)
        if typed is not None:
            if typed == record.path:
                yield _type_note(corpus, kind, record)
            return
        folder = folder_convention(
            corpus, f"no-status:{kind.name}", record, lambda r: True, lambda r: not r.raw_status
        )
        if convention is None and folder is not None:
            if folder == record.path:
                top = top_folder(record)
                yield _no_status_note(
                    record,
                    f"most records in `{top}/` state no status, so the records of this "
                    "folder do not write one; said once, not per record",
                    "if they are records of another kind, give that kind its own folder "
                    "under `kinds:`; else add a status to each",
                    f"{kind.name}:folder:{top}:no status",
                )
        elif convention is None:
            yield finding(
                "DEC102",
                record.path,
                record.title_position,
                "the record has no status",
                _where_to_write(record, [("status", kind.statuses[0])], corpus),
            )
        elif convention == record.path:
            count, total = _status_counts(corpus, kind)
            note = finding(
                "DEC102",
                record.path,
                record.title_position,
                f"{total - count} of {total} {kind.label.lower()} state no status, so this "
                "collection does not write one; said once, not per record",
                "if a record without a status has one all the same (a merged RFC is "
                f"accepted), set `kinds: {kind.name}: default_status: {_stated_alike(kind)}`",
            )
            yield replace(note, severity=Severity.INFO, subject=f"{kind.name}:no status")
        return
    if record.status is None:
        yield from _unknown_status(record, kind, corpus, record.raw_status)


def _stated_alike(kind: KindSpec) -> str:
    """The status a record without one most likely has: accepted, where the kind has it."""
    return "accepted" if "accepted" in kind.statuses else kind.statuses[0]


# A collection of at least CONVENTION_MINIMUM records in which fewer than this share state
# a status does not write one (most records state none): one note, not an error each.
NO_STATUS_SHARE = 0.5

# A status word this close to one the kind knows (difflib's ratio) is taken for a typo.
TYPO_CUTOFF = 0.85


def _unknown_status(record: Record, kind: KindSpec, corpus: Corpus, raw: str) -> Iterable[Finding]:
    """A likely typo of a status or alias is an error on each record; any other word is
    the team's own, said once per word as a warning, with the alias that would map it."""
    word = " ".join(raw.lower().split())
    typo = likely_typo(word, kind)
    if typo is not None:
        meant = kind.canonical_status(typo)
        yield finding(
            "DEC101",
            record.path,
            record.position_of("status"),
            f"status `{raw}` is not a status of {kind.label.lower()}",
            f"did you mean `{typo}`"
            + (f" ({meant})" if meant and meant != typo else "")
            + "? Fix the spelling",
        )
        return
    users = _records_with_word(corpus, kind, raw)
    if users[0].path != record.path:
        return  # said once, on the first record that uses the word
    status = likely_status(kind.name, word)
    mapping = f"{{{word}: {status or '<status>'}}}"
    choose = "" if status else f", with <status> one of: {', '.join(kind.statuses)}"
    used = f"{len(users)} records use it" if len(users) > 1 else "one record uses it"
    note = finding(
        "DEC101",
        record.path,
        record.position_of("status"),
        f"status `{raw}` is not a status of {kind.label.lower()} ({used}): it is read as "
        "your team's own word; said once, not per record",
        f"map it onto a status under `kinds: {kind.name}: aliases: {mapping}` in mkdocs.yml"
        f"{choose} (`decisions init` proposes aliases)",
    )
    yield replace(note, severity=Severity.WARNING, subject=f"{kind.name}:status word:{word}")


def likely_typo(word: str, kind: KindSpec) -> str | None:
    """The status or alias of ``kind`` that ``word`` is most likely a misspelling of:
    as many words, and spelt almost alike (``aprroved``, ``superseeded``)."""
    known = [w for w in (*kind.statuses, *kind.aliases) if len(w.split()) == len(word.split())]
    close = difflib.get_close_matches(word, known, n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else None


def _records_with_word(corpus: Corpus, kind: KindSpec, word: str) -> list[Record]:
    def compute() -> dict[str, list[Record]]:
        users: dict[str, list[Record]] = {}
        for record in corpus.records:
            if record.kind == kind.name and record.status is None and record.raw_status:
                users.setdefault(record.raw_status.lower(), []).append(record)
        return users

    return corpus.memo(f"unknown-statuses:{kind.name}", compute)[word.lower()]


def _status_counts(corpus: Corpus, kind: KindSpec) -> tuple[int, int]:
    records = [r for r in corpus.records if r.kind == kind.name]
    return sum(1 for r in records if r.raw_status is not None), len(records)


def _no_status_convention(corpus: Corpus, kind: KindSpec) -> str | None:
    """The record that carries the one note when most records of a kind state no
    status; None when they do."""

    def compute() -> str | None:
        count, total = _status_counts(corpus, kind)
        if total < CONVENTION_MINIMUM or count >= NO_STATUS_SHARE * total:
            return None
        return min(r.path for r in corpus.records if r.kind == kind.name and not r.raw_status)

    return corpus.memo(f"no-status:{kind.name}", compute)


def _of_same_type(corpus: Corpus, kind: KindSpec, record: Record) -> list[Record]:
    return [r for r in corpus.records if r.kind == kind.name and r.types & record.types]


def _type_without_status(corpus: Corpus, kind: KindSpec, record: Record) -> str | None:
    """The record that carries the one note when no record of this one's ``type:`` states
    a status (SCS's supplements: notes on a standard, with no lifecycle of their own), at
    least ``FOLDER_MINIMUM`` of them, and no template of the folder is of that type (one
    would say whether it has a status); None otherwise."""
    if not record.types:
        return None

    def compute() -> str | None:
        same = _of_same_type(corpus, kind, record)
        if len(same) < FOLDER_MINIMUM or any(r.raw_status for r in same):
            return None
        templates = covering(corpus.templates, record.kind, record.group)
        if any(template.types & record.types for template in templates):
            return None
        return min(r.path for r in same)

    types = "|".join(sorted(record.types))
    return corpus.memo(f"no-status-type:{kind.name}:{record.group}:{types}", compute)


def _type_note(corpus: Corpus, kind: KindSpec, record: Record) -> Finding:
    count = len(_of_same_type(corpus, kind, record))
    named = " or ".join(f"`{name}`" for name in sorted(record.types))
    return _no_status_note(
        record,
        f"none of the {count} {kind.label.lower()} of type {named} states a status, so "
        "records of this type have none; said once, not per record",
        "if they have a lifecycle all the same, add a status to each, or keep a template "
        "of this type with a `status:` beside the others",
        f"{kind.name}:type:{'|'.join(sorted(record.types))}:no status",
    )


def _no_status_note(record: Record, message: str, hint: str, subject: str) -> Finding:
    """DEC102 said once for records that write no status, as a note about ``subject``."""
    note = finding("DEC102", record.path, record.title_position, message, hint)
    return replace(note, severity=Severity.INFO, subject=subject)


def _where_to_write(
    record: Record, values: list[tuple[str, str]], corpus: Corpus | None = None
) -> str:
    """Where a record of this format writes missing values (key and example each): in its
    own way of writing metadata, or, when it writes none, in its collection's."""
    collection = _collection_style(corpus, record) if corpus else ""
    style = record.metadata_style or collection
    if values[0][0] == "status" and collection == "section":
        # A record of a collection that writes its status in a section (Nygard), whose own
        # metadata is only a date line: the status goes where the others write it.
        style = collection
    keys = " and ".join(f"`{key}: {example}`" for key, example in values)
    if record.metadata_path:
        return f"add {keys} to `{posixpath.basename(record.metadata_path)}`"
    if style == "tags" and values[0][0] == "status":  # "`draft` `optional`" below the title
        return f"add `` `{values[0][1]}` `` as the first tag below the title"
    if style == "section" and values[0][0] == "status":
        return f"add a `## Status` section with `{values[0][1].capitalize()}` on its first line"
    if style in ("list", "section"):  # MADR 2's bullets; adr-tools' "Date: ..." lines
        mark = "* " if style == "list" else ""
        lines = " and ".join(f"`{mark}{key.capitalize()}: {example}`" for key, example in values)
        return f"add {lines} below the title"
    if style == "table":
        rows = " and ".join(f"`| {key.capitalize()} | {example} |`" for key, example in values)
        return f"add {rows} to the table below the title"
    return f"add {keys} to the front matter"


def _collection_style(corpus: Corpus, record: Record) -> str:
    """How most records of the record's folder write their metadata ("" for none)."""

    def compute() -> dict[tuple[str, str], str]:
        styles: dict[tuple[str, str], Counter[str]] = {}
        for other in corpus.records:
            if other.metadata_style:
                styles.setdefault((other.kind, other.group), Counter())[other.metadata_style] += 1
        return {folder: counts.most_common(1)[0][0] for folder, counts in styles.items()}

    return corpus.memo("metadata styles", compute).get((record.kind, record.group), "")


@check("DEC105")
def check_required_fields(record: Record, kind: KindSpec, corpus: Corpus) -> Iterable[Finding]:
    named = "superseded_by" in record.rejected_keys or any(
        r.relation == "superseded_by" and not r.by_title for r in record.references
    )  # a title names a successor only when a record has it (then it is a successor)
    if record.status == "superseded" and not named and not corpus.successors(record):
        yield finding(
            "DEC105",
            record.path,
            record.position_of("status"),
            "status is superseded but no successor is named",
            _successor_hint(record, kind),
        )
    if not _asks_for_date_and_deciders(record, kind):
        return
    missing = [
        key
        for key in ("date", "deciders")
        if not record.value(key)
        and key not in record.rejected_keys
        and not template_leaves_out(corpus, record, key)
    ]
    if "deciders" in missing:
        convention = _deciders_convention(corpus, kind)
        if convention is not None:
            missing.remove("deciders")  # the collection's template has no deciders
        if convention == record.path:
            yield _deciders_note(corpus, kind, record)
    if missing:
        yield finding(
            "DEC105",
            record.path,
            record.position_of("status"),
            f"a decision with status {record.status} needs {' and '.join(missing)}",
            _where_to_write(
                record,
                [(_collection_key(corpus, kind, key), _EXAMPLES[key]) for key in missing],
                corpus,
            ),
        )


# What the hints of DEC105 write for each missing value.
_EXAMPLES = {"date": "YYYY-MM-DD", "deciders": "Name, Name"}


def _collection_key(corpus: Corpus, kind: KindSpec, key: str) -> str:
    """The key the kind's records write a field under, most of those that write it
    (MADR 4's ``decision-makers`` for ``deciders``): the hint names the collection's own
    key, not ours; ours when no record writes the field."""

    def compute() -> dict[str, str]:
        written: dict[str, Counter[str]] = {}
        for other in corpus.records:
            if other.kind == kind.name and other.metadata_style == "front matter":
                for name in _EXAMPLES:
                    found = other.fields.get(name)
                    if found is not None:
                        written.setdefault(name, Counter())[found.written or name] += 1
        return {name: counts.most_common(1)[0][0] for name, counts in written.items()}

    return corpus.memo(f"written keys:{kind.name}", compute).get(key, key)


def _successor_hint(record: Record, kind: KindSpec) -> str:
    """Where a superseded record of this format names its successor."""
    example = f"{kind.prefix}-NNNN"
    if record.metadata_path:
        name = posixpath.basename(record.metadata_path)
        return f"name the successor in `{name}` (`superseded-by: [{example}]`)"
    if record.metadata_style == "front matter":
        return f"add `superseded_by: {example}` (or `supersedes:` in the newer record)"
    return f"write `Superseded by [{example}](NNNN-x.md)` as the status"


def _asks_for_date_and_deciders(record: Record, kind: KindSpec) -> bool:
    """Deciders and a date are this tool's own format's fields, asked of decided records:
    records that keep their metadata in the body (adr-tools, MADR 2, tables) have no
    place or no need for them, and neither has a site's front matter over Nygard's
    sections (a Docusaurus page), nor a record that states no status and is decided
    only by the kind's ``default_status``."""
    if record.metadata_style != "front matter" or record.status not in DECIDED:
        return False
    if record.status_assumed:
        return False  # decided by `default_status`: the record did not say it is
    if kind.name == "adr" and not weighs_options(record, kind):
        return False
    return "deciders" in kind.fields


def _deciders_counts(corpus: Corpus, kind: KindSpec) -> tuple[int, int]:
    """How many decided records of a kind name their deciders, of how many."""
    decided = [
        r
        for r in corpus.records
        if r.kind == kind.name and r.status in DECIDED and not r.status_assumed
    ]
    return sum(1 for r in decided if r.value("deciders")), len(decided)


def _deciders_convention(corpus: Corpus, kind: KindSpec) -> str | None:
    """The record that carries the one note when few decided records of a kind name
    their deciders (MADR 3 and 4 mark them optional); None when the collection does."""

    def compute() -> str | None:
        naming, decided = _deciders_counts(corpus, kind)
        # A small collection of which no decided record names deciders has no place for
        # them either: too few records to weigh a share, none to follow.
        none_named = naming == 0 and decided >= 2
        if (decided < CONVENTION_MINIMUM and not none_named) or (
            naming >= CONVENTION_SHARE * decided
        ):
            return None
        asked = [
            r.path
            for r in corpus.records
            if r.kind == kind.name
            and _asks_for_date_and_deciders(r, kind)
            and not r.value("deciders")
            and "deciders" not in r.rejected_keys
        ]
        return min(asked) if asked else ""

    return corpus.memo(f"deciders:{kind.name}", compute)


def _deciders_note(corpus: Corpus, kind: KindSpec, record: Record) -> Finding:
    naming, decided = _deciders_counts(corpus, kind)
    note = finding(
        "DEC105",
        record.path,
        record.position_of("status"),
        f"{decided - naming} of {decided} decided {kind.label.lower()} name no deciders, so "
        "this collection's template seems not to have them; said once, not per record",
        "deciders are optional in MADR 3 and 4; where a record has them, add `deciders:` "
        "(or `decision-makers:`) to its front matter",
    )
    return replace(note, severity=Severity.INFO, subject=f"{kind.name}:no deciders")
