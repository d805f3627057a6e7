"""The record contract.

Two levels:

* ``SourceDocument``: one official document as a parser read it (a KOOP ``kv-tk-...`` question,
  an ``ah-tk-...`` answer, postponement notice or follow-up answer). Parsers produce these;
  the store keeps every one of them, so a record can always be rebuilt.
* ``Record``: one written question with everything that followed it, merged from all
  documents that share its question key (see ``archive.merge``). Its JSON field names are the
  contract shared by the API, the exports and ``kamerwacht parse``.

Dates are ``datetime.date`` in Python and ISO strings in JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Document kinds (``documents[].kind``) in the order they normally happen.
QUESTION = "question"
POSTPONEMENT = "postponement_notice"
ANSWER = "answer"
FOLLOW_UP = "follow_up_answer"
DOCUMENT_KINDS = (QUESTION, POSTPONEMENT, ANSWER, FOLLOW_UP)

# Record status (archive.lifecycle says when each applies).
OPEN = "open"
POSTPONED = "postponed"
ANSWERED = "answered"
LATE = "late"
STATUSES = (OPEN, POSTPONED, ANSWERED, LATE)

# Provenance kinds: real bytes from the source, real bytes cut short, or text written by us.
RECORDED = "recorded"
ABRIDGED = "abridged"
CONSTRUCTED = "constructed"
PROVENANCE_KINDS = (RECORDED, ABRIDGED, CONSTRUCTED)


@dataclass
class Asker:
    name: str
    party: str | None = None


@dataclass
class Minister:
    """Who signed an answer (or a postponement notice). ``role`` is the office held on the
    document's date ("Minister van Justitie en Veiligheid"); ``person_id`` comes from the
    registry and is ``None`` when the name could not be resolved (kept as written)."""

    name: str | None
    role: str | None = None
    ministry: str | None = None
    person_id: str | None = None
    co_signer: bool = False  # "mede namens": signed on behalf of, not the first signatory


@dataclass
class QuestionPart:
    number: int
    text: str


@dataclass
class AnswerPart:
    numbers: list[int]
    text: str
    # Which document gave this answer: the first answer and a later "nader antwoord" can both
    # answer question 2; the record keeps both, in document order.
    kind: str = "answer"
    document_id: str | None = None


@dataclass
class DocumentRef:
    kind: str
    url: str
    date: dt.date | None = None
    id: str | None = None
    # Who signed this document (a postponement notice is signed too, though it answers nothing).
    ministers: list[Minister] = field(default_factory=list)
    # False for a document we know exists (e.g. the answer a question's metadata links to) but
    # whose text is not in the archive yet.
    fetched: bool = True
    # What a postponement notice says (why and until when), when the source gives the sentence.
    notice: str | None = None


@dataclass
class Tool:
    id: str
    name: str
    category: str


@dataclass
class DocumentProvenance:
    """Where one document came from: enough to find its raw bytes again."""

    id: str  # official identifier, e.g. ah-tk-20192020-2237
    url: str  # official (human) URL
    fetched_url: str  # the URL the bytes were fetched from
    fetched_at: str  # ISO timestamp of the fetch
    sha256: str  # of the raw response body
    parser_version: str
    kind: str  # recorded | abridged | constructed
    warc_file: str | None = None
    warc_offset: int | None = None
    reason: str | None = None  # why it entered the archive (vocabulary hits)


@dataclass
class Provenance:
    url: str
    fetched_at: str
    sha256: str
    parser_version: str
    kind: str
    documents: list[DocumentProvenance] = field(default_factory=list)


@dataclass
class SourceDocument:
    """One parsed official document. ``question_key`` is the Tweede Kamer Zaak number
    (``vraagnummer``) when the source gives it; ``fingerprint`` identifies the question by its
    header (chamber, submission date, askers, subject) for documents without one."""

    source: str
    doc_id: str
    kind: str
    country: str
    parliament: str
    url: str
    language: str = "nl"
    question_key: str | None = None
    fingerprint: str | None = None
    number: str | None = None  # official number of the document (aanhangselnummer, Zaak)
    title: str = ""
    subject: str = ""
    askers: list[Asker] = field(default_factory=list)
    addressed_to: list[str] = field(default_factory=list)
    ministers: list[Minister] = field(default_factory=list)
    asked_on: dt.date | None = None
    date: dt.date | None = None  # received / published date of this document
    questions: list[QuestionPart] = field(default_factory=list)
    answers: list[AnswerPart] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    linked_ids: list[str] = field(default_factory=list)  # e.g. overheidop:aanhangsel
    see_also: list[str] = field(default_factory=list)  # "Zie ook" references, as KOOP ids
    notice: str | None = None  # the sentence of a postponement notice
    toelichting: str | None = None  # an explanatory note printed after the header or reply line
    tools: list[Tool] = field(default_factory=list)
    provenance: DocumentProvenance | None = None
    deadline: dt.date | None = None  # the source's own answer deadline (TK Zaak.Termijn)
    withdrawn: bool = False  # the asker withdrew the question (kept, and marked)

    def text(self) -> str:
        """All text a reader sees, for tagging and search."""
        parts = [self.title, self.subject]
        parts += [q.text for q in self.questions]
        parts += [a.text for a in self.answers]
        return "\n".join(p for p in parts if p)


@dataclass
class Record:
    id: str
    country: str
    parliament: str
    number: str | None
    title: str
    language: str
    askers: list[Asker]
    addressed_to: list[str]
    ministers: list[Minister]
    asked_on: dt.date | None
    answered_on: dt.date | None
    status: str
    questions: list[QuestionPart]
    answers: list[AnswerPart]
    footnotes: list[str]
    documents: list[DocumentRef]
    tools: list[Tool]
    provenance: Provenance
    subject: str = ""
    postponed_on: dt.date | None = None
    days_to_answer: int | None = None
    deadline: dt.date | None = None
    withdrawn: bool = False


# --- JSON ---------------------------------------------------------------------------------

def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def to_json(obj: Any) -> dict[str, Any]:
    """A dataclass (Record, SourceDocument, ...) as JSON-ready dict with ISO dates."""
    return _encode(obj)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _prov(d: dict[str, Any] | None) -> DocumentProvenance | None:
    return DocumentProvenance(**d) if d else None


def document_from_json(d: dict[str, Any]) -> SourceDocument:
    d = dict(d)
    d["askers"] = [Asker(**a) for a in d.get("askers", [])]
    d["ministers"] = [Minister(**m) for m in d.get("ministers", [])]
    d["questions"] = [QuestionPart(**q) for q in d.get("questions", [])]
    d["answers"] = [AnswerPart(**a) for a in d.get("answers", [])]
    d["tools"] = [Tool(**t) for t in d.get("tools", [])]
    d["asked_on"] = _date(d.get("asked_on"))
    d["date"] = _date(d.get("date"))
    d["deadline"] = _date(d.get("deadline"))
    d["provenance"] = _prov(d.get("provenance"))
    return SourceDocument(**d)


def record_from_json(d: dict[str, Any]) -> Record:
    d = dict(d)
    d["askers"] = [Asker(**a) for a in d["askers"]]
    d["ministers"] = [Minister(**m) for m in d["ministers"]]
    d["questions"] = [QuestionPart(**q) for q in d["questions"]]
    d["answers"] = [AnswerPart(**a) for a in d["answers"]]
    d["tools"] = [Tool(**t) for t in d["tools"]]
    d["documents"] = [
        DocumentRef(**{**r, "date": _date(r.get("date")),
                       "ministers": [Minister(**m) for m in r.get("ministers", [])]})
        for r in d["documents"]
    ]
    p = dict(d["provenance"])
    p["documents"] = [DocumentProvenance(**x) for x in p.get("documents", [])]
    d["provenance"] = Provenance(**p)
    for key in ("asked_on", "answered_on", "postponed_on", "deadline"):
        d[key] = _date(d.get(key))
    return Record(**d)


# --- validation of records from outside (kamerwacht import) -------------------------------

class RecordError(ValueError):
    """A record (e.g. a line of an import file) that does not follow the contract."""


_REQUIRED = ("id", "country", "parliament", "title", "language", "askers", "addressed_to", "ministers",
             "asked_on", "answered_on", "status", "questions", "answers", "footnotes", "documents", "tools",
             "provenance")


def validate_record_json(d: Any) -> dict[str, Any]:
    """The record in its canonical JSON shape, or RecordError saying what is wrong."""
    if not isinstance(d, dict):
        raise RecordError(f"a record is a JSON object, not {type(d).__name__}")
    missing = [k for k in _REQUIRED if k not in d]
    if missing:
        raise RecordError(f"missing field(s): {', '.join(missing)}")
    if not isinstance(d["id"], str) or not d["id"].strip():
        raise RecordError("id must be a non-empty string")
    if d["country"] not in ("NL", "BE"):
        raise RecordError(f"country {d['country']!r} is not NL or BE")
    if d["status"] not in STATUSES:
        raise RecordError(f"status {d['status']!r} is not one of {', '.join(STATUSES)}")
    kind = d["provenance"].get("kind") if isinstance(d["provenance"], dict) else None
    if kind not in PROVENANCE_KINDS:
        raise RecordError(f"provenance.kind {kind!r} is not one of {', '.join(PROVENANCE_KINDS)}")
    for key in ("asked_on", "answered_on", "postponed_on", "deadline"):
        value = d.get(key)
        if value is not None:
            try:
                dt.date.fromisoformat(value)
            except (TypeError, ValueError):
                raise RecordError(f"{key} {value!r} is not a date YYYY-MM-DD") from None
    try:
        record = record_from_json(d)
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        raise RecordError(f"does not follow the record contract: {exc}") from None
    return to_json(record)
