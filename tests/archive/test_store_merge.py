"""Merge of a question's documents into one record, and the store that keeps both."""

import datetime as dt
import itertools
import json

import pytest

from archive.merge import MergeError, merge
from archive.model import (
    ANSWER, ANSWERED, CONSTRUCTED, FOLLOW_UP, LATE, OPEN, POSTPONED, POSTPONEMENT, QUESTION, RECORDED, AnswerPart, Asker,
    DocumentProvenance, Minister, QuestionPart, SourceDocument, Tool, record_from_json, to_json,
)
from archive.store import QuarantineEntry, Store

D = dt.date


def doc(doc_id, kind, *, key=None, fp="tk|2020-03-05|buitenweg|clearview", date=None, answers=(), kind_prov=RECORDED,
        linked=(), ministers=()):
    return SourceDocument(
        source="officielebekendmakingen", doc_id=doc_id, kind=kind, country="NL", parliament="Tweede Kamer",
        url=f"https://zoek.officielebekendmakingen.nl/{doc_id}.html", question_key=key, fingerprint=fp,
        title="Clearview" if kind == QUESTION else f"Antwoord op vragen ({doc_id})", subject="Clearview",
        askers=[Asker("Buitenweg", "GroenLinks")], addressed_to=["Minister van Justitie en Veiligheid"],
        ministers=list(ministers), asked_on=D(2020, 3, 5), date=date or D(2020, 3, 5),
        questions=[QuestionPart(1, "Kent u het bericht over Clearview?"), QuestionPart(2, "Werkt de politie ermee?")],
        answers=list(answers), tools=[Tool("clearview-ai", "Clearview AI", "biometrics")], linked_ids=list(linked),
        provenance=DocumentProvenance(doc_id, f"https://zoek.officielebekendmakingen.nl/{doc_id}.html", "u", "2026-01-01T00:00:00Z",
                                      "ab" * 32, "koop-1", kind_prov),
    )


GRAPPERHAUS = Minister("Ferd Grapperhaus", "Minister van Justitie en Veiligheid", "Justitie en Veiligheid", "nl-ferd-grapperhaus")


def thread():
    return [
        doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331"),
        doc("ah-tk-20192020-2237", POSTPONEMENT, key="2020Z04331", date=D(2020, 3, 26), ministers=[GRAPPERHAUS]),
        doc("ah-tk-20192020-9999", ANSWER, key="2020Z04331", date=D(2020, 5, 1), ministers=[GRAPPERHAUS],
            answers=[AnswerPart([1, 2], "Nee.")], kind_prov=CONSTRUCTED),
        # a follow-up answer without the Zaak number: joined by its header fingerprint
        doc("ah-tk-20202021-1", FOLLOW_UP, date=D(2020, 9, 1), ministers=[GRAPPERHAUS],
            answers=[AnswerPart([2], "Aanvulling.")]),
    ]


def test_merge_builds_the_life_of_a_question():
    r = merge(thread())
    assert r.id == "2020Z04331"
    assert r.status == ANSWERED
    assert r.asked_on == D(2020, 3, 5) and r.answered_on == D(2020, 5, 1) and r.postponed_on == D(2020, 3, 26)
    assert r.days_to_answer == 57
    assert [d.kind for d in r.documents] == [QUESTION, POSTPONEMENT, ANSWER, FOLLOW_UP]
    assert [(a.numbers, a.kind) for a in r.answers] == [([1, 2], ANSWER), ([2], FOLLOW_UP)]
    assert [m.person_id for m in r.ministers] == ["nl-ferd-grapperhaus"]  # signed two documents, listed once
    assert r.documents[1].ministers[0].name == "Ferd Grapperhaus"  # who signed the postponement
    assert r.provenance.kind == CONSTRUCTED  # one constructed document makes the record constructed
    assert [p.id for p in r.provenance.documents] == [d.doc_id for d in sorted(thread(), key=lambda d: d.date)]


def test_merge_is_independent_of_crawl_order():
    expected = to_json(merge(thread()))
    for perm in itertools.permutations(thread()):
        assert to_json(merge(list(perm))) == expected


def test_status_open_late_postponed_and_linked_answer():
    q = doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331")  # asked 2020-03-05
    assert merge([q], as_of=D(2020, 3, 26)).status == OPEN  # the last day of the three weeks
    assert merge([q], as_of=D(2020, 3, 26)).deadline == D(2020, 3, 26)
    assert merge([q], as_of=D(2020, 3, 27)).status == LATE  # deadline passed, no answer, no postponement
    q.deadline = D(2020, 4, 30)  # the source's own deadline (TK Zaak.Termijn) wins
    assert merge([q], as_of=D(2020, 4, 1)).status == OPEN
    q.deadline = None
    p = doc("ah-tk-20192020-2237", POSTPONEMENT, key="2020Z04331", date=D(2020, 3, 26), ministers=[GRAPPERHAUS])
    assert merge([q, p], as_of=D(2020, 6, 1)).status == POSTPONED  # a postponement is not an answer, nor late
    assert merge([q, p]).answered_on is None
    linked = doc("kv-tk-2020Z01644", QUESTION, key="2020Z01644", linked=["ah-tk-20192020-2004"])
    r = merge([linked])
    assert r.status == ANSWERED and r.answered_on is None
    assert r.documents[-1].id == "ah-tk-20192020-2004" and r.documents[-1].fetched is False


def test_merge_refuses_two_zaak_numbers_and_two_parliaments():
    a = doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331")
    b = doc("kv-tk-2020Z04332", QUESTION, key="2020Z04332")
    with pytest.raises(MergeError):
        merge([a, b])
    c = doc("ah-ek-20192020-10", ANSWER, answers=[AnswerPart([1], "x")], ministers=[GRAPPERHAUS])
    c.parliament = "Eerste Kamer"
    with pytest.raises(MergeError):
        merge([a, c])


def test_record_json_round_trip():
    r = merge(thread())
    data = json.loads(json.dumps(to_json(r)))
    assert data["asked_on"] == "2020-03-05"
    assert set(data) >= {"id", "country", "parliament", "number", "title", "language", "askers", "addressed_to",
                         "ministers", "asked_on", "answered_on", "status", "questions", "answers", "footnotes",
                         "documents", "tools", "provenance"}
    assert to_json(record_from_json(data)) == data


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "k.sqlite")
    yield s
    s.close()


def test_store_merges_in_any_order_and_keeps_old_ids(store, tmp_path):
    docs = thread()
    # the follow-up answer arrives first: on its own it is a record under its KOOP id ...
    assert store.put_document(docs[3], True, "names clearview") == "ah-tk-20202021-1"
    # ... until the documents with the Zaak number arrive and the thread joins under 2020Z04331
    for d in (docs[1], docs[0], docs[2]):
        assert store.put_document(d, True, "names clearview") == "2020Z04331"
    assert store.count_records() == 1
    assert store.get_record("ah-tk-20202021-1").id == "2020Z04331"  # the old permalink still resolves
    first = store.record_json("2020Z04331")

    other = Store(tmp_path / "other.sqlite")
    for d in reversed(thread()):
        other.put_document(d, True, "names clearview")
    assert other.record_json("2020Z04331") == first
    other.close()


def test_store_keeps_rejected_documents_out_of_records(store):
    d = doc("ah-tk-20202021-3235", ANSWER, key="2021Z09739", answers=[AnswerPart([1], "Ja.")], ministers=[GRAPPERHAUS],
            fp="tk|2021-06-03|kat|tozo")
    assert store.put_document(d, False, "names no surveillance tool of the vocabulary") is None
    assert store.count_records() == 0
    assert store.document_status("ah-tk-20202021-3235") == (False, "names no surveillance tool of the vocabulary")
    # accepted later (e.g. after a vocabulary change and a reparse), it becomes a record; rejected again, it leaves
    assert store.put_document(d, True, "names x") == "2021Z09739"
    assert store.put_document(d, False, "names nothing") is None
    assert store.count_records() == 0


def test_quarantine_is_kept_with_pointer(store):
    store.quarantine(QuarantineEntry("s", "https://x/1.xml", "truncated or malformed document XML", "ah-tk-1", "s/a.warc.gz", 123, "ff"))
    store.quarantine(QuarantineEntry("s", "https://x/1.xml", "truncated or malformed document XML", "ah-tk-1", "s/b.warc.gz", 456, "ff"))
    # found again through another URL (a later crawl's query): still the same entry
    store.quarantine(QuarantineEntry("s", "https://x/other-query", "truncated or malformed document XML", "ah-tk-1", "s/c.warc.gz", 789, "ff"))
    [entry] = store.quarantined("s")  # the same problem twice is one entry, pointing at the newest bytes
    assert (entry.warc_file, entry.warc_offset) == ("s/c.warc.gz", 789)
    # a later good copy of the document settles it
    good = doc("ah-tk-1", ANSWER, key="2020Z04331", answers=[AnswerPart([1], "Nee.")], ministers=[GRAPPERHAUS])
    good.source = "s"
    store.put_document(good, True, "names clearview")
    assert store.quarantined("s") == []


def test_clear_source_keeps_records_of_other_sources(store):
    docs = thread()
    for d in docs:
        store.put_document(d, True, "names clearview")
    other = doc("tk-2020D11840", POSTPONEMENT, key="2020Z04331", date=D(2020, 3, 26), ministers=[GRAPPERHAUS])
    other.source = "tweedekamer"
    store.put_document(other, True, "names clearview")
    store.clear_source("officielebekendmakingen")
    r = store.get_record("2020Z04331")
    assert [d.id for d in r.documents] == ["tk-2020D11840"] and r.status == POSTPONED
    store.clear_source("tweedekamer")
    assert store.count_records() == 0


def test_withdrawn_is_marked_not_dropped():
    q = doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331")
    q.withdrawn = True
    r = merge([q], as_of=D(2020, 3, 10))
    assert r.withdrawn and r.id == "2020Z04331" and r.questions


def test_lifecycle_refresh_moves_open_to_late_only():
    from archive import lifecycle

    rec = to_json(merge([doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331")], as_of=D(2020, 3, 10)))
    assert rec["status"] == "open"
    assert lifecycle.refresh(rec, D(2020, 3, 26))["status"] == "open"
    assert lifecycle.refresh(rec, D(2020, 3, 27))["status"] == "late"
    answered = to_json(merge(thread(), as_of=D(2020, 3, 10)))
    assert lifecycle.refresh(answered, D(2030, 1, 1)) is answered


def test_delete_documents_keeps_a_trace_and_remerges(store):
    docs = thread()
    for d in docs:
        store.put_document(d, True, "names clearview")
    removed = store.delete_documents("officielebekendmakingen", doc_ids=["ah-tk-20192020-9999"],
                                     reason="deleted at the source")
    assert removed == ["ah-tk-20192020-9999"]
    r = store.get_record("2020Z04331")
    assert "ah-tk-20192020-9999" not in [d.id for d in r.documents]
    assert r.answered_on == D(2020, 9, 1)  # the follow-up answer is now the first answer
    [trace] = store.deletions()
    assert (trace["doc_id"], trace["record_id"], trace["reason"]) == ("ah-tk-20192020-9999", "2020Z04331",
                                                                      "deleted at the source")
    # a whole question from one source: the record goes when nothing is left
    assert len(store.delete_documents("officielebekendmakingen", question_key="2020Z04331", reason="gone")) == 2
    assert store.get_record("2020Z04331").documents[0].id == "ah-tk-20202021-1"  # joined by fingerprint, no key
    store.delete_documents("officielebekendmakingen", doc_ids=["ah-tk-20202021-1"], reason="gone")
    assert store.count_records() == 0 and len(store.deletions()) == 4


def test_withdrawn_question_is_marked_in_any_order(store, tmp_path):
    q = doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331")
    store.put_document(q, True, "names clearview")
    assert store.get_record("2020Z04331").withdrawn is False
    assert store.mark_withdrawn("tweedekamer", "2020Z04331", "withdrawal notice") == "2020Z04331"
    r = store.get_record("2020Z04331")
    assert r.withdrawn and r.questions  # marked, not deleted
    other = Store(tmp_path / "other.sqlite")  # the notice first, the question later
    assert other.mark_withdrawn("tweedekamer", "2020Z04331", "withdrawal notice") is None
    other.put_document(doc("kv-tk-2020Z04331", QUESTION, key="2020Z04331"), True, "names clearview")
    assert other.get_record("2020Z04331").withdrawn
    other.close()
