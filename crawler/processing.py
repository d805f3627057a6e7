"""The stages between parser and store, as pure functions: validate, normalise, tag tools,
resolve ministers. The Scrapy pipelines, ``kamerwacht parse`` and ``kamerwacht reparse`` all
call these, so a document is treated the same however it arrives."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from archive.ministers import Registry
from archive.model import (
    ANSWER, DOCUMENT_KINDS, FOLLOW_UP, GOVERNMENTS, POSTPONEMENT, QUESTION, RECORDED, DocumentProvenance,
    SourceDocument,
)
from archive.parties import default_parties
from archive.vocabulary import Vocabulary

# Latin-1 bytes decoded as UTF-8 twice over ("BelgiÃ«", "geÃ¯nvesteerd", "â€™"): a sign the
# source or an intermediate mangled the encoding. We do not guess the repair.
MOJIBAKE_RE = re.compile(r"Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2122]|Â[\u00a0-\u00bf]|\ufffd")
EARLIEST = dt.date(1900, 1, 1)


class ValidationError(ValueError):
    pass


def validate(doc: SourceDocument, today: dt.date | None = None) -> None:
    """Raise ValidationError (reason = the quarantine reason) for a document the archive must
    not hold as it is."""
    today = today or dt.date.today()
    problems: list[str] = []
    if doc.kind not in DOCUMENT_KINDS:
        problems.append(f"unknown document kind {doc.kind!r}")
    if not doc.askers:
        problems.append("no askers")
    if not doc.questions:
        problems.append("no questions")
    if doc.asked_on is None:
        problems.append("no submission date ('ingezonden')")
    if doc.kind in (ANSWER, FOLLOW_UP, POSTPONEMENT):
        if doc.date is None:
            problems.append(f"{doc.kind.replace('_', ' ')} without a received date")
        if not doc.ministers:
            problems.append(f"{doc.kind.replace('_', ' ')} without a signing minister")
    if doc.kind in (ANSWER, FOLLOW_UP) and not doc.answers:
        problems.append(f"{doc.kind.replace('_', ' ')} without any answer text")
    if doc.kind == QUESTION and doc.answers:
        problems.append("a question document that contains answers")
    for label, value in (("submission date", doc.asked_on), ("document date", doc.date)):
        if value and not (EARLIEST <= value <= today + dt.timedelta(days=1)):
            problems.append(f"implausible {label} {value.isoformat()}")
    if doc.asked_on and doc.date and doc.kind != QUESTION and doc.date < doc.asked_on:
        problems.append(f"received {doc.date.isoformat()} before it was asked {doc.asked_on.isoformat()}")
    texts = [doc.title, doc.subject, *(a.name for a in doc.askers), *(q.text for q in doc.questions),
             *(a.text for a in doc.answers)]
    for t in doc.translations:
        texts += [t.title, t.subject, *(q.text for q in t.questions), *(a.text for a in t.answers)]
        if t.language == doc.language:
            problems.append(f"a translation in the document's own language {t.language!r}")
    bad = next((m.group(0) for t in texts if t for m in [MOJIBAKE_RE.search(t)] if m), None)
    if bad:
        problems.append(f"mojibake in the text ({bad!r}: latin-1 bytes read as UTF-8?)")
    if problems:
        raise ValidationError("; ".join(problems))


def normalise(doc: SourceDocument) -> None:
    """Whitespace and duplicates only; the parser already did the layout work."""
    doc.title = " ".join(doc.title.split())
    doc.subject = " ".join(doc.subject.split())
    parties = default_parties()
    for a in doc.askers:
        a.name = " ".join(a.name.split())
        a.party = " ".join(a.party.split()) if a.party else None
        a.party_id = parties.resolve(a.party, country=doc.country, on=doc.asked_on) if a.party else None
    seen: list[str] = []
    for url in doc.footnotes:
        if url not in seen:
            seen.append(url)
    doc.footnotes = seen


def tag(doc: SourceDocument, vocabulary: Vocabulary) -> tuple[bool, str]:
    """Find the vocabulary's tools in the document. A document enters the archive only when it
    names at least one; the returned reason says which words got it in (or that none did)."""
    text = doc.text()
    doc.tools = vocabulary.tag(text)
    accepted = bool(doc.tools)
    reason = "names " + vocabulary.explain(text) if accepted else "names no surveillance tool of the vocabulary"
    if doc.provenance is not None:
        doc.provenance.reason = reason
    return accepted, reason


def resolve_ministers(doc: SourceDocument, registry: Registry) -> list[str]:
    """Fill person ids from the registry, by name or, when the source names only the office
    (Belgian pages: "de minister van Veiligheid en Binnenlandse Zaken"), by the office and the
    date, within the government that answers to this parliament. Unknown names stay as written;
    they are returned so the caller can count them.

    NL: the registry's wording of the office replaces the printed one (the printed reply line
    is often abridged). BE: the role stays as the source wrote it, in its language."""
    unknown: list[str] = []
    # A question page that states its answer date names who answered as of that day.
    on = (doc.answered_on if doc.kind == QUESTION else None) or doc.date or doc.asked_on
    government = GOVERNMENTS.get(doc.parliament)
    for m in doc.ministers:
        try:
            found = registry.resolve(name=m.name, role=m.role, ministry=m.ministry, title=None, on=on,
                                     country=doc.country, government=government)
        except KeyError:  # a country the registry has no data for
            found = None
        if found is None:
            unknown.append(m.name or m.role or "?")
            continue
        m.person_id = found.person.id
        m.name = found.person.name
        if found.term is not None:
            if doc.country == "NL" or not m.role:
                m.role = found.term.role
            m.ministry = found.term.ministry
    return unknown


@dataclass
class Outcome:
    document: SourceDocument
    accepted: bool
    reason: str
    unknown_ministers: list[str] = field(default_factory=list)


def process(doc: SourceDocument, vocabulary: Vocabulary, registry: Registry) -> Outcome:
    """validate -> normalise -> tag -> resolve; ValidationError propagates (quarantine)."""
    validate(doc)
    normalise(doc)
    accepted, reason = tag(doc, vocabulary)
    unknown = resolve_ministers(doc, registry)
    return Outcome(doc, accepted, reason, unknown)


def provenance_for(doc: SourceDocument, *, fetched_url: str, fetched_at: str, body: bytes, kind: str | None,
                   parser_version: str, warc_file: str | None, warc_offset: int | None) -> DocumentProvenance:
    return DocumentProvenance(
        id=doc.doc_id, url=doc.url, fetched_url=fetched_url, fetched_at=fetched_at,
        sha256=hashlib.sha256(body).hexdigest(), parser_version=parser_version, kind=kind or RECORDED,
        warc_file=warc_file, warc_offset=warc_offset,
    )
