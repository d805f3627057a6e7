"""The index schema, declared once for every backend.

``FIELDS`` says what the index holds; ``document_for(record)`` computes the values from a record
in the JSON contract shape. The embedded backend (search/embedded.py) builds its tantivy schema
from ``FIELDS``; the Elasticsearch backend will derive its mapping from the same list (text ->
``text`` with the named analyzer, keyword -> ``keyword``, date -> ``date``, int -> ``long``,
stored -> a non-indexed ``_source`` field), so both index the same values.

What feeds the full text, and why:

* ``title``/``text``: the title, the subject (when it says more than the title), every question
  and answer and the sentence of a postponement notice. Footnotes are left out: they are source
  references (URLs, "Kamerstuk 32 761, nr. 12") whose words would only add noise to the ranking.
  French texts go to ``title_fr``/``text_fr`` (French stemmer). A Belgian record published in
  both languages feeds both pairs (its own texts and its translation), so either language finds it.
* ``names``: who asked (name and party), to whom the question was addressed, and every minister
  who signed something (answers, co-signers, postponement notices: name, role, ministry), plus
  the names of the tagged tools. So "Grapperhaus", "minister van Justitie" or "D66" find records
  whose text never says so. Tool *aliases* are not added: the tagger already put the canonical
  tool on the record, and aliases in other languages would make a Dutch word find French records
  that never use it.
* ``parts``: the parts of the Dutch compounds of title and text (search/analysis.py), searched
  with a lower weight so that "toezicht" finds "cameratoezicht" below records that say "toezicht".
* ``spell``: unstemmed words of titles and names: the vocabulary for "did you mean". Titles
  carry the words people search for (tool names, places, subjects); adding the questions made
  a rebuild ~12% slower on the synthetic 20k corpus for a few more rare words.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from archive.parties import default_parties
from search.analysis import default_decompounder, fold_word
from search.model import FACETS, HIDDEN_FILTERS

KINDS = ("text", "keyword", "date", "int", "stored")
ANALYZER_NAMES = ("nl", "fr", "plain")


class RecordError(ValueError):
    """A record lacks what the index needs (the message names the record and the field)."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | keyword | date | int | stored
    source: str  # which parts of the record feed it (documentation; document_for is the code)
    analyzer: str | None = None  # text fields: nl | fr | plain (keywords are indexed as is)
    boost: float = 0.0  # weight in the free-text query; 0 = not searched by the free text
    facet: str | None = None  # the facet (search.model.FACETS) counted on this field
    filter: str | None = None  # the filter (FACETS or HIDDEN_FILTERS) applied on this field
    sortable: bool = False  # sorted on (needs a columnar / doc-values representation)
    multi: bool = False  # keyword fields: several values per record

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name}: unknown kind {self.kind!r}")
        if (self.kind == "text") != (self.analyzer is not None):
            raise ValueError(f"field {self.name}: text fields, and only they, name an analyzer")
        if self.analyzer is not None and self.analyzer not in ANALYZER_NAMES:
            raise ValueError(f"field {self.name}: unknown analyzer {self.analyzer!r}")

    @property
    def fast(self) -> bool:
        """Needs column storage: counted as a facet, sorted on, or used in a range."""
        return self.facet is not None or self.sortable or self.kind == "date"


def _kw(name: str, source: str, *, facet: bool = True, filtered: bool = True, multi: bool = False) -> Field:
    """A keyword field named after the facet/filter it serves."""
    return Field(name, "keyword", source, facet=name if facet else None, filter=name if filtered else None, multi=multi)


FIELDS: tuple[Field, ...] = (
    Field("id", "keyword", "record id", sortable=True),
    Field("record", "stored", "the whole record as JSON, returned by get() and in hits"),
    Field("title", "text", "Dutch titles (the record's own and its Dutch translation)", analyzer="nl", boost=3.0),
    Field("title_fr", "text", "French titles (the record's own and its French translation)", analyzer="fr", boost=3.0),
    Field("text", "text", "subject, questions, answers, postponement notices in Dutch", analyzer="nl", boost=1.0),
    Field("text_fr", "text", "the same in French", analyzer="fr", boost=1.0),
    Field("names", "text", "askers and parties, addressed_to, ministers' names/roles/ministries "
          "(answers and postponement notices), tool names", analyzer="nl", boost=1.0),
    Field("parts", "text", "parts of Dutch compounds in title and text", analyzer="nl", boost=0.5),
    Field("spell", "text", "unstemmed words of titles and names (suggestions)", analyzer="plain"),
    _kw("minister", "person_id (or the name as written) of every minister who signed an answer, "
        "co-signed it or signed a postponement notice", multi=True, filtered=False),
    Field("minister_key", "keyword", "person ids and names as written of the same ministers: the "
          "minister filter accepts either", filter="minister", multi=True),
    _kw("ministry", "ministries of those ministers", multi=True),
    _kw("tool", "tool ids", multi=True),
    _kw("category", "tool category ids", multi=True),
    _kw("party", "askers' parties", multi=True),
    _kw("asker", "askers' names as written", multi=True),
    _kw("parliament", "parliament"),
    _kw("country", "country"),
    _kw("year", "year of asked_on"),
    _kw("status", "status"),
    _kw("language", "language"),
    _kw("provenance", "provenance.kind (hidden filter for the demo-data banner)", facet=False),
    _kw("thread", "thread_key: copies of one question sent to several ministers (hidden filter)", facet=False),
    Field("asked_on", "date", "asked_on (date range filter)", sortable=True),
    Field("answered_on", "date", "answered_on"),
    Field("sort_newest", "keyword", "asked_on descending, then id (records without a date last)", sortable=True),
    Field("sort_oldest", "keyword", "asked_on ascending, then id (records without a date last)", sortable=True),
)

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
TEXT_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.kind == "text")
SEARCHED_FIELDS: tuple[Field, ...] = tuple(f for f in TEXT_FIELDS if f.boost > 0)
# Fields the fuzzy fallback searches (compound parts would only add noise to a guess).
FUZZY_FIELDS = ("title", "title_fr", "text", "text_fr", "names")
# Score of a record matched only through its tool tag by a query that names the tool (a text
# match of the same words scores several times more): search.query.named_tools.
TOOL_MATCH_BOOST = 0.5
FACET_FIELDS: dict[str, Field] = {f.facet: f for f in FIELDS if f.facet}
FILTER_FIELDS: dict[str, Field] = {f.filter: f for f in FIELDS if f.filter}

# The declaration must cover the query model exactly: a facet without a field, or a field for a
# facet the model does not know, is a bug to catch at import time.
if set(FACET_FIELDS) != set(FACETS):
    raise RuntimeError(f"schema facets {sorted(FACET_FIELDS)} differ from search.model.FACETS {sorted(FACETS)}")
if set(FILTER_FIELDS) != set(FACETS) | set(HIDDEN_FILTERS):
    raise RuntimeError(f"schema filters {sorted(FILTER_FIELDS)} differ from FACETS + HIDDEN_FILTERS")

FRENCH = "fr"
_NO_DATE_NEWEST = "99999999"  # sorts after every inverted date
_NO_DATE_OLDEST = "9999-99-99"


def text_fields_for(language: str) -> tuple[str, str]:
    """(title field, text field) for a record language."""
    return ("title_fr", "text_fr") if language == FRENCH else ("title", "text")


def analyzer_for(language: str) -> str:
    return "fr" if language == FRENCH else "nl"


def _required(record: Mapping[str, Any], key: str) -> Any:
    try:
        return record[key]
    except KeyError:
        raise RecordError(f"record {record.get('id', '?')!r} has no {key!r}") from None


def _date(record: Mapping[str, Any], key: str) -> dt.date | None:
    value = record.get(key)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(f"record {record.get('id', '?')!r}: {key} {value!r} is not an ISO date") from None


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def signers(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Every minister on the record: answer signers and co-signers, then the signers of its
    documents (postponement notices are signed too)."""
    found = list(_required(record, "ministers"))
    for doc in _required(record, "documents"):
        found.extend(doc.get("ministers") or ())
    return found


def minister_value(minister: Mapping[str, Any]) -> str | None:
    """The minister facet value: the registry person id, or the name as written (the office as
    written when the source names none, as Belgian pages often do)."""
    return minister.get("person_id") or minister.get("name") or minister.get("role")


def _body(record: Mapping[str, Any]) -> list[str]:
    title = _required(record, "title") or ""
    subject = record.get("subject") or ""
    parts = [subject] if subject and fold_word(subject.strip()) != fold_word(title.strip()) else []
    parts += [q["text"] for q in _required(record, "questions")]
    parts += [a["text"] for a in _required(record, "answers")]
    parts += [d["notice"] for d in _required(record, "documents") if d.get("notice")]
    return parts


def _translation_body(t: Mapping[str, Any]) -> list[str]:
    title, subject = t.get("title") or "", t.get("subject") or ""
    parts = [subject] if subject and fold_word(subject.strip()) != fold_word(title.strip()) else []
    parts += [q["text"] for q in t.get("questions") or ()]
    parts += [a["text"] for a in t.get("answers") or ()]
    return parts


def _texts_by_language(record: Mapping[str, Any], language: str) -> dict[str, tuple[list[str], list[str]]]:
    """language -> (titles, body parts): the record's own texts and each translation."""
    out: dict[str, tuple[list[str], list[str]]] = {"nl": ([], []), FRENCH: ([], [])}
    key = FRENCH if language == FRENCH else "nl"
    out[key][0].append(_required(record, "title") or "")
    out[key][1].extend(_body(record))
    for t in record.get("translations") or ():
        key = FRENCH if t.get("language") == FRENCH else "nl"
        out[key][0].append(t.get("title") or "")
        out[key][1].extend(_translation_body(t))
    return out


def highlight_fragments(highlighter: Any, record: Mapping[str, Any]) -> list[str]:
    """Highlight fragments from the record's own texts; when the match is only in a translation
    (a French query on a Dutch question published in both languages), from that translation."""
    segments = [q["text"] for q in record["questions"]] + [a["text"] for a in record["answers"]]
    fragments = highlighter.fragments(segments, analyzer_for(record["language"]), fallback=[record["title"]])
    if any("<mark>" in f for f in fragments):
        return fragments
    for t in record.get("translations") or ():
        segments = [q["text"] for q in t.get("questions") or ()] + [a["text"] for a in t.get("answers") or ()]
        translated = highlighter.fragments(segments, analyzer_for(t.get("language", "nl")), fallback=[t.get("title") or ""])
        if any("<mark>" in f for f in translated):
            return translated
    return fragments


def party_label(asker: Mapping[str, Any], country: str | None) -> str | None:
    """The party facet value of an asker: the party's current name (archive.parties), or the
    label as written when it is not in the party list."""
    return default_parties().display(asker.get("party"), country)


def _names(record: Mapping[str, Any], ministers: list[Mapping[str, Any]]) -> list[str]:
    out: list[str | None] = []
    for asker in _required(record, "askers"):
        out += [asker.get("name"), asker.get("party"), party_label(asker, record.get("country"))]
    out += list(_required(record, "addressed_to"))
    for m in ministers:
        out += [m.get("name"), m.get("role"), m.get("ministry")]
    out += [t.get("name") for t in _required(record, "tools")]
    return _unique(out)


def _sort_keys(record_id: str, asked_on: dt.date | None) -> tuple[str, str]:
    if asked_on is None:
        return f"{_NO_DATE_NEWEST} {record_id}", f"{_NO_DATE_OLDEST} {record_id}"
    inverted = 99_999_999 - int(asked_on.strftime("%Y%m%d"))
    return f"{inverted:08d} {record_id}", f"{asked_on.isoformat()} {record_id}"


def document_for(record: Mapping[str, Any]) -> dict[str, Any]:
    """The index values of one record: field name -> str (text, stored), list[str] (keyword),
    dt.date or None (date). Empty texts and lists are kept (backends skip them)."""
    record_id = _required(record, "id")
    if not isinstance(record_id, str) or not record_id:
        raise RecordError(f"record id {record_id!r} is not a non-empty string")
    language = _required(record, "language")
    title = _required(record, "title") or ""
    texts = _texts_by_language(record, language)
    nl_titles, nl_body = texts["nl"]
    fr_titles, fr_body = texts[FRENCH]
    ministers = signers(record)
    names = _names(record, ministers)
    asked_on = _date(record, "asked_on")
    askers = _required(record, "askers")
    tools = _required(record, "tools")
    provenance = _required(record, "provenance")
    newest, oldest = _sort_keys(record_id, asked_on)
    empty: dict[str, Any] = {"keyword": [], "date": None, "int": None}
    doc: dict[str, Any] = {f.name: empty.get(f.kind, "") for f in FIELDS}
    doc.update({
        "id": [record_id],
        # ASCII escapes: twice as fast to encode as ensure_ascii=False, and loads() gives
        # back exactly the same record.
        "record": json.dumps(record, separators=(",", ":")),
        "title": "\n".join(t for t in nl_titles if t),
        "text": "\n".join(nl_body),
        "title_fr": "\n".join(t for t in fr_titles if t),
        "text_fr": "\n".join(fr_body),
        "names": "\n".join(names),
        "parts": " ".join(default_decompounder().text_parts("\n".join([*nl_titles, *nl_body])))
        if nl_titles or nl_body else "",
        "spell": "\n".join([title, *(t.get("title") or "" for t in record.get("translations") or ()), *names]),
        "minister": _unique(minister_value(m) for m in ministers),
        "minister_key": _unique(v for m in ministers for v in (m.get("person_id"), m.get("name"))),
        "ministry": _unique(m.get("ministry") for m in ministers),
        "tool": _unique(t["id"] for t in tools),
        "category": _unique(t["category"] for t in tools),
        "party": _unique(party_label(a, record.get("country")) for a in askers),
        "asker": _unique(a.get("name") for a in askers),
        "parliament": _unique([_required(record, "parliament")]),
        "country": _unique([_required(record, "country")]),
        "year": [asked_on.strftime("%Y")] if asked_on else [],
        "status": _unique([_required(record, "status")]),
        "language": _unique([language, *(record.get("languages") or ()),
                             *(t.get("language") for t in record.get("translations") or ())]),
        "thread": _unique([record.get("thread_key")]),
        "provenance": _unique([_required(provenance, "kind")]),
        "asked_on": asked_on,
        "answered_on": _date(record, "answered_on"),
        "sort_newest": [newest],
        "sort_oldest": [oldest],
    })
    return doc
