"""Merge the documents of one written question into one Record.

A question's life is spread over several official documents: the question itself (KOOP
``kv-tk-<Zaak>``), postponement notices, the answer and follow-up answers (``ah-tk-...``).
They are grouped by question key (the Tweede Kamer Zaak number, ``vraagnummer``) or, for
documents that carry no key, by the fingerprint of their question header. The merge is a pure
function of the set of documents: whatever order they were crawled in, the record is the same.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from archive import lifecycle
from archive.model import (
    ABRIDGED, ANSWER, CONSTRUCTED, FOLLOW_UP, POSTPONEMENT, QUESTION, RECORDED, AnswerPart, Asker, DocumentRef, Event, Related, Translation, Minister, Provenance, QuestionPart,
    Record, SourceDocument, Tool,
)

KIND_ORDER = {QUESTION: 0, POSTPONEMENT: 1, ANSWER: 2, FOLLOW_UP: 3}
# A record is as trustworthy as its least trustworthy document.
PROVENANCE_ORDER = {RECORDED: 0, ABRIDGED: 1, CONSTRUCTED: 2}
ZAAK_RE = re.compile(r"^\d{4}Z\d{5}$")


class MergeError(ValueError):
    """Documents that cannot belong to one question."""


def document_order(doc: SourceDocument) -> tuple:
    """Chronological order of a question's life; ties broken by kind and id so that the
    order never depends on crawl order."""
    return (KIND_ORDER[doc.kind], doc.date.isoformat() if doc.date else "", doc.doc_id)


def record_id(docs: list[SourceDocument]) -> str:
    """The Tweede Kamer Zaak number when any document gives it, else the KOOP id of the first
    document of the thread."""
    zaak = sorted({d.question_key for d in docs if d.question_key and ZAAK_RE.match(d.question_key)})
    if len(zaak) > 1:
        raise MergeError(f"documents of one question carry different Zaak numbers: {zaak}")
    if zaak:
        return zaak[0]
    return sorted(docs, key=document_order)[0].doc_id


def _merge_askers(docs: list[SourceDocument]) -> list[Asker]:
    # The document with the most complete asker list (parties included) wins; documents repeat
    # the same header, so this only matters when one of them was cut short.
    best = max(docs, key=lambda d: (len(d.askers), sum(a.party is not None for a in d.askers), -KIND_ORDER[d.kind]))
    return [Asker(a.name, a.party, a.party_id) for a in best.askers]


def _unique_tools(docs: Iterable[SourceDocument]) -> list[Tool]:
    seen: dict[str, Tool] = {}
    for d in docs:
        for t in d.tools:
            seen.setdefault(t.id, t)
    return list(seen.values())


def _ministers(docs: Iterable[SourceDocument]) -> list[Minister]:
    out: list[Minister] = []
    keys: set = set()
    for d in docs:
        for m in d.ministers:
            key = m.person_id or (m.name or "").lower() or (m.role or "").lower()
            if key in keys:
                continue
            keys.add(key)
            out.append(Minister(m.name, m.role, m.ministry, m.person_id, m.co_signer))
    return out


def merge(documents: Iterable[SourceDocument], as_of: dt.date | None = None) -> Record:
    """``as_of``: the day the status is computed for (default today): a question becomes late
    when its deadline passes without answer or postponement (archive.lifecycle)."""
    docs = sorted(documents, key=document_order)
    if not docs:
        raise MergeError("no documents to merge")
    countries = {d.country for d in docs}
    parliaments = {d.parliament for d in docs}
    if len(countries) > 1 or len(parliaments) > 1:
        raise MergeError(f"documents from different parliaments: {sorted(parliaments)}")

    answers_docs = [d for d in docs if d.kind in (ANSWER, FOLLOW_UP)]
    first_answers = [d for d in answers_docs if d.kind == ANSWER] or answers_docs
    postponements = [d for d in docs if d.kind == POSTPONEMENT]
    header_doc = next((d for d in docs if d.asked_on), docs[0])

    # Questions: the document that lists most of them (answers repeat the questions).
    qdoc = max(docs, key=lambda d: (len(d.questions), -KIND_ORDER[d.kind]))
    questions = [QuestionPart(q.number, q.text) for q in qdoc.questions]
    answers = [
        AnswerPart(list(a.numbers), a.text, d.kind, d.doc_id)
        for d in answers_docs for a in d.answers
    ]

    # A question document signs nothing: ministers on it (a Belgian page that states who
    # answered, without the answer text) go to the answer reference below.
    documents = [
        DocumentRef(d.kind, d.url, d.date, d.doc_id,
                    [Minister(m.name, m.role, m.ministry, m.person_id, m.co_signer) for m in d.ministers]
                    if d.kind != QUESTION else [],
                    notice=d.notice)
        for d in docs
    ]
    known = {d.doc_id for d in docs}
    # An answer the question's metadata links to (overheidop:aanhangsel) but that is not in the
    # archive yet: the question *was* answered; say so, and say the text is missing.
    linked_missing = sorted({lid for d in docs for lid in d.linked_ids if lid not in known})
    for lid in linked_missing:
        documents.append(DocumentRef(ANSWER, f"https://zoek.officielebekendmakingen.nl/{lid}.html", None, lid, [], False))

    # A date the source states for an answer whose text is not here (Senate chronology).
    stated = sorted(d.answered_on for d in docs if d.answered_on)
    answered_on = first_answers[0].date if first_answers else (stated[0] if stated else None)
    stating = [d for d in docs if d.answered_on]
    if stated and not answers_docs and not any(r.kind == ANSWER for r in documents):
        # One reference to the answer whose text is missing, signed by whoever the stating
        # page says answered (the addressed office on Belgian pages).
        first = min(stating, key=lambda d: d.answered_on)
        documents.append(DocumentRef(ANSWER, first.url, first.answered_on, None,
                                     [Minister(m.name, m.role, m.ministry, m.person_id, m.co_signer)
                                      for d in stating for m in d.ministers], False))
    asked_on = header_doc.asked_on
    due = lifecycle.deadline(asked_on, next((d.deadline for d in docs if d.deadline), None))
    closed_on = next((d.closed_on for d in docs if d.closed_on), None)
    status = lifecycle.status(answered=bool(answers_docs or linked_missing or stated), postponed=bool(postponements),
                              due=due, as_of=as_of or dt.date.today(), closed=closed_on is not None)
    days = (answered_on - asked_on).days if answered_on and asked_on else None

    provs = [d.provenance for d in docs if d.provenance]
    if len(provs) != len(docs):
        raise MergeError("a document without provenance cannot enter a record")
    primary = provs[0]
    kind = max((p.kind for p in provs), key=PROVENANCE_ORDER.__getitem__)
    footnotes: list[str] = []
    for d in docs:
        footnotes += [f for f in d.footnotes if f not in footnotes]
    addressed = next((d.addressed_to for d in docs if d.addressed_to), [])
    # The question's own title (a short topic, as KOOP gives it) reads best; otherwise the subject
    # of the header ("over <subject>"), which starts lower-case in the running sentence.
    title = next((d.title for d in docs if d.kind == QUESTION and d.title), "") or header_doc.subject or docs[0].title
    title = title[:1].upper() + title[1:]
    zaak = next((d.question_key for d in docs if d.question_key and ZAAK_RE.match(d.question_key)), None)

    return Record(
        id=record_id(docs),
        country=docs[0].country,
        parliament=docs[0].parliament,
        number=zaak or docs[0].number,
        title=title,
        language=docs[0].language,
        askers=_merge_askers(docs),
        addressed_to=list(addressed),
        ministers=_ministers(answers_docs or stating),
        asked_on=asked_on,
        answered_on=answered_on,
        status=status,
        questions=questions,
        answers=answers,
        footnotes=footnotes,
        documents=documents,
        tools=_unique_tools(docs),
        provenance=Provenance(
            url=primary.url,
            fetched_at=max(p.fetched_at for p in provs),
            sha256=primary.sha256,
            parser_version=primary.parser_version,
            kind=kind,
            documents=list(provs),
        ),
        subject=header_doc.subject,
        postponed_on=postponements[0].date if postponements else None,
        days_to_answer=days,
        deadline=due,
        withdrawn=any(d.withdrawn for d in docs),
        languages=_languages(docs),
        translations=_translations(docs, qdoc, answers_docs),
        closed_on=closed_on,
        events=sorted({(e.date, e.label): Event(e.date, e.label, e.kind) for d in docs for e in d.events}.values(),
                      key=lambda e: (e.date or dt.date.min, e.label)),
        related=_related(docs),
        thread_key=next((d.thread_key for d in docs if d.thread_key), None),
        descriptors=_union(d.descriptors for d in docs),
        references=_union(d.references for d in docs),
        gaps=_union(d.gaps for d in docs),
    )


def _union(lists: Iterable[list[str]]) -> list[str]:
    out: list[str] = []
    for items in lists:
        out += [x for x in items if x not in out]
    return out


def _languages(docs: list[SourceDocument]) -> list[str]:
    return _union([[docs[0].language]] + [[t.language for t in d.translations] for d in docs])


def _translations(docs: list[SourceDocument], qdoc: SourceDocument, answers_docs: list[SourceDocument]) -> list[Translation]:
    """One translation per other language: title and questions from the document that lists
    most of them, answers from every answering document, as for the record's own language."""
    main = docs[0].language
    out: list[Translation] = []
    for lang in _languages(docs)[1:]:
        if lang == main:
            continue
        versions = [(d, t) for d in docs for t in d.translations if t.language == lang]
        if not versions:
            continue
        best = max(versions, key=lambda dt_: (len(dt_[1].questions), dt_[0] is qdoc))[1]
        answers = [AnswerPart(list(a.numbers), a.text, d.kind, d.doc_id)
                   for d in answers_docs for t in d.translations if t.language == lang for a in t.answers]
        title = next((t.title for _, t in versions if t.title), "")
        out.append(Translation(lang, title[:1].upper() + title[1:], best.subject,
                               [QuestionPart(q.number, q.text) for q in best.questions], answers))
    return out


def _related(docs: list[SourceDocument]) -> list[Related]:
    own = {d.doc_id for d in docs}
    seen: dict[tuple[str, str], Related] = {}
    for d in docs:
        for r in d.related:
            if r.id not in own:
                seen.setdefault((r.relation, r.id), Related(r.relation, r.id, r.label, r.url))
    return list(seen.values())
