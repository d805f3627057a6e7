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
CLOSED = "closed"  # the parliament closed the file without an answer (Senate "Dossier gesloten")
STATUSES = (OPEN, POSTPONED, ANSWERED, LATE, CLOSED)

LANGUAGES = ("nl", "fr")

# Parliaments (the ``parliament`` field holds these names) and the government that answers
# their questions: the minister registry resolves a role within that government only ("minister
# van Binnenlandse Zaken" is a different person in Brussels, Flanders and the federal state).
TWEEDE_KAMER = "Tweede Kamer"
EERSTE_KAMER = "Eerste Kamer"
BE_CHAMBER = "Kamer van volksvertegenwoordigers"
BE_SENATE = "Belgische Senaat"
FLEMISH_PARLIAMENT = "Vlaams Parlement"
BRUSSELS_PARLIAMENT = "Brussels Parlement"
GOVERNMENTS = {
    TWEEDE_KAMER: None, EERSTE_KAMER: None,  # the NL cabinet: the registry's only NL government
    BE_CHAMBER: "federaal", BE_SENATE: "federaal",
    FLEMISH_PARLIAMENT: "vlaams", BRUSSELS_PARLIAMENT: "brussels",
}

# Relations between questions (``related[].relation``).
SAME_QUESTION = "same_question"  # the same text sent to another minister ("Ook gesteld aan")
REFILED_AS = "refiled_as"  # "Heringediend als" / "Réintroduite comme"
REQUALIFIED_AS = "requalified_as"  # written question turned into an oral one, or from one
REFERS_TO = "refers_to"  # the answer points to another question's answer
RELATIONS = (SAME_QUESTION, REFILED_AS, REQUALIFIED_AS, REFERS_TO)

# Provenance kinds: real bytes from the source, real bytes cut short, or text written by us.
RECORDED = "recorded"
ABRIDGED = "abridged"
CONSTRUCTED = "constructed"
PROVENANCE_KINDS = (RECORDED, ABRIDGED, CONSTRUCTED)


@dataclass
class Asker:
    name: str
    party: str | None = None  # as the source wrote it ("sp.a", "PTB*PVDA", "Ecolo-Groen")
    # The party across renames and languages (archive.parties): "sp.a" and "Vooruit" are one
    # party_id; None when the label is unknown or absent.
    party_id: str | None = None


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
class Translation:
    """The same question (and answer) in another language, as the source publishes it: Belgian
    pages often carry a Dutch and a French text. The record's own texts are in
    ``Record.language``; each translation says its language."""

    language: str
    title: str = ""
    subject: str = ""
    questions: list[QuestionPart] = field(default_factory=list)
    answers: list[AnswerPart] = field(default_factory=list)


@dataclass
class Event:
    """One step of the source's own chronology ("Rappel", "Herkwalificatie", "Tijdig
    beantwoord"), as written, with its date."""

    date: dt.date | None
    label: str
    kind: str = "other"  # sent | answered | reminder | closed | requalified | refiled | other


@dataclass
class Related:
    """Another question this one is linked to by the source (``RELATIONS``). ``id`` is the
    archive id the other question has or will have; ``label`` the number as printed."""

    relation: str
    id: str
    label: str = ""
    url: str | None = None


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
    # --- fields the Belgian sources fill (empty for the NL ones) ---
    translations: list[Translation] = field(default_factory=list)
    # The answer date a source states without the answer text being here (Senate
    # "Chronologie", Brussels "Date de réponse"): the question counts as answered on that day.
    answered_on: dt.date | None = None
    closed_on: dt.date | None = None  # closed without an answer ("Dossier gesloten")
    events: list[Event] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    # Questions sent as one text to several ministers share a thread key (each minister's copy
    # stays its own record, with its own answer and dates).
    thread_key: str | None = None
    descriptors: list[str] = field(default_factory=list)  # Eurovoc / thesaurus terms, as printed
    references: list[str] = field(default_factory=list)  # bulletin references ("B059", "3-38")
    # What the source did not give, said plainly ("the French side of the page is empty", "the
    # answer PDF holds no text layer"): a partial record is kept and marked, never dropped.
    gaps: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All text a reader sees, in every language, for tagging and search."""
        parts = [self.title, self.subject]
        parts += [q.text for q in self.questions]
        parts += [a.text for a in self.answers]
        for t in self.translations:
            parts += [t.title, t.subject, *(q.text for q in t.questions), *(a.text for a in t.answers)]
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
    languages: list[str] = field(default_factory=list)  # ``language`` first, then translations
    translations: list[Translation] = field(default_factory=list)
    closed_on: dt.date | None = None
    events: list[Event] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    thread_key: str | None = None
    descriptors: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)


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


def _translations(items: list[dict[str, Any]] | None) -> list[Translation]:
    return [Translation(t["language"], t.get("title", ""), t.get("subject", ""),
                        [QuestionPart(**q) for q in t.get("questions", [])],
                        [AnswerPart(**a) for a in t.get("answers", [])]) for t in items or []]


def _events(items: list[dict[str, Any]] | None) -> list[Event]:
    return [Event(_date(e.get("date")), e["label"], e.get("kind", "other")) for e in items or []]


def _related(items: list[dict[str, Any]] | None) -> list[Related]:
    return [Related(**r) for r in items or []]


def document_from_json(d: dict[str, Any]) -> SourceDocument:
    d = dict(d)
    d["translations"] = _translations(d.get("translations"))
    d["events"] = _events(d.get("events"))
    d["related"] = _related(d.get("related"))
    d["answered_on"] = _date(d.get("answered_on"))
    d["closed_on"] = _date(d.get("closed_on"))
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
    d["translations"] = _translations(d.get("translations"))
    d["events"] = _events(d.get("events"))
    d["related"] = _related(d.get("related"))
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
    for key in ("asked_on", "answered_on", "postponed_on", "deadline", "closed_on"):
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
    if d["language"] not in LANGUAGES:
        raise RecordError(f"language {d['language']!r} is not one of {', '.join(LANGUAGES)}")
    if d["status"] not in STATUSES:
        raise RecordError(f"status {d['status']!r} is not one of {', '.join(STATUSES)}")
    kind = d["provenance"].get("kind") if isinstance(d["provenance"], dict) else None
    if kind not in PROVENANCE_KINDS:
        raise RecordError(f"provenance.kind {kind!r} is not one of {', '.join(PROVENANCE_KINDS)}")
    for key in ("asked_on", "answered_on", "postponed_on", "deadline", "closed_on"):
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
