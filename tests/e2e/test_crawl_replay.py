"""End to end: a real Scrapy crawl of the bundled recordings (replay download handler), the
store, the raw WARC archive, and reparse from that archive. One crawl for the module."""

import sqlite3

import pytest

from archive.store import Store
from crawler.warc import iter_responses, read_response
from tests.conftest import RECORDINGS, run_cli

pytestmark = pytest.mark.crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    proc = run_cli(["crawl", "officielebekendmakingen", "--replay", str(RECORDINGS)], data)
    return data, proc


@pytest.fixture
def store(crawled):
    s = Store(crawled[0] / "kamerwacht.sqlite")
    yield s
    s.close()


def test_summary_line(crawled):
    out = crawled[1].stdout
    assert "officielebekendmakingen (replay):" in out
    assert "16 documents in the archive" in out or "documents in the archive" in out


def test_clearview_thread_2020(store):
    r = store.get_record("2020Z04331")
    assert r.status == "postponed" and r.postponed_on.isoformat() == "2020-03-26" and r.answered_on is None
    assert [(a.name, a.party) for a in r.askers] == [("Buitenweg", "GroenLinks")]
    assert [d.id for d in r.documents] == ["kv-tk-2020Z04331", "ah-tk-20192020-2237"]
    notice = r.documents[1]
    assert notice.kind == "postponement_notice" and notice.ministers[0].person_id  # Grapperhaus, resolved
    assert "clearview-ai" in {t.id for t in r.tools}
    assert r.provenance.kind == "constructed"


def test_clearview_thread_2021_follow_up_joins_by_header(store):
    r = store.get_record("ah-tk-20212022-105")
    assert [d.id for d in r.documents] == ["ah-tk-20212022-105", "ah-tk-20212022-472"]
    assert [d.kind for d in r.documents] == ["answer", "follow_up_answer"]
    assert r.answered_on.isoformat() == "2021-09-28" and r.days_to_answer == 32
    names = [(m.name, m.co_signer) for m in r.ministers]
    assert any("Dekker" in (n or "") for n, _ in names)
    assert any(co for _, co in names)  # "mede namens de Minister van Justitie en Veiligheid"
    assert {a.kind for a in r.answers} == {"answer", "follow_up_answer"}


def test_pegasus_question_and_answer_merge_by_zaak(store):
    r = store.get_record("2021Z13971")
    assert [d.id for d in r.documents] == ["kv-tk-2021Z13971", "ah-tk-20202021-4028"]
    assert r.status == "answered" and r.answered_on.isoformat() == "2021-09-13"
    assert len(r.ministers) == 2 and all(m.person_id for m in r.ministers)
    assert {t.id for t in r.tools} >= {"pegasus"}
    assert [(a.name, a.party) for a in r.askers] == [("Jasper van Dijk", "SP")]


def test_linked_answer_not_in_archive(store):
    r = store.get_record("2020Z01644")
    assert r.status == "answered" and r.answered_on is None
    assert r.documents[-1].id == "ah-tk-20192020-2004" and r.documents[-1].fetched is False


def test_html_fallback(store):
    r = store.get_record("2013Z08797")
    [prov] = r.provenance.documents
    assert prov.fetched_url.endswith(".html")


def test_non_surveillance_documents_kept_out_with_reason(store):
    assert store.document_status("ah-tk-20202021-3235") == (False, "names no surveillance tool of the vocabulary")
    assert store.document_status("ah-tk-20142015-1365")[0] is False
    ok, reason = store.document_status("kv-tk-2020Z04331")
    assert ok and reason.startswith("names ") and "clearview" in reason.lower()


def test_unknown_types_quarantined_with_raw_pointer(store, crawled):
    entries = store.quarantined("officielebekendmakingen")
    kinds = {e.doc_id: e.reason for e in entries}
    assert kinds["kst-32545-143"].startswith("unknown document type")
    assert kinds["blg-1007826"].startswith("unknown document type")
    e = next(e for e in entries if e.doc_id == "kst-32545-143")
    raw = read_response(crawled[0] / "raw", e.warc_file, e.warc_offset)
    assert b"kst-32545-143" in raw.body and raw.sha256 == e.sha256


def test_provenance_points_at_the_raw_bytes(store, crawled):
    byte_exact = store.get_document("ah-tk-20202021-3235")  # kept out, but stored with provenance
    prov = byte_exact.provenance
    assert prov.kind == "recorded"
    raw = read_response(crawled[0] / "raw", prov.warc_file, prov.warc_offset)
    assert raw.body == (RECORDINGS / "byte-exact" / "ah-tk-20202021-3235.xml").read_bytes()
    assert raw.sha256 == prov.sha256
    urls = [r.url for r in iter_responses(crawled[0] / "raw", "officielebekendmakingen")]
    assert any(u.startswith("https://repository.overheid.nl/sru?") for u in urls)
    assert any(u.endswith("/robots.txt") for u in urls)  # robots.txt asked first, and archived too


def test_reparse_rebuilds_identical_records(crawled):
    data = crawled[0]

    def dump():
        db = sqlite3.connect(data / "kamerwacht.sqlite")
        rows = db.execute("SELECT id, json FROM records ORDER BY id").fetchall()
        docs = db.execute("SELECT doc_id, accepted, reason, json FROM documents ORDER BY doc_id").fetchall()
        db.close()
        return rows, docs

    before = dump()
    assert len(before[0]) == 11
    run_cli(["reparse"], data)
    first = dump()
    run_cli(["reparse"], data)
    assert dump() == first == before


def test_status_command(crawled):
    out = run_cli(["status"], crawled[0]).stdout
    assert "officielebekendmakingen" in out and "quarantined:" in out and "unknown document type" in out
