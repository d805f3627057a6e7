"""End to end for the brussels spider: a real Scrapy crawl of the constructed recordings
(data/recordings/brussels, see its PROVENANCE.md: weblex layout of FORMATS.md 9, facts of
DOCUMENTS.md rows 20-32, texts CONSTRUCTED), the store, and reparse from the raw archive."""

import pytest

from archive.ministers import default_registry
from archive.model import BRUSSELS_PARLIAMENT, GOVERNMENTS
from archive.store import Store
from crawler.parsers.brussels import addressee_parts
from tests.conftest import REPO, run_cli, stored_records as records

pytestmark = pytest.mark.crawl

BXL = REPO / "data" / "recordings" / "brussels"
# The recordings hold the 2019-2024 index (rows 20-32) and the 2024-2029 one (quarantine cases);
# their manifest's spider_args ask for exactly those two legislatures.
STORED = {"prb-144227", "prb-144539", "prb-145851", "prb-147082", "prb-153438", "prb-155312", "prb-155697",
          "prb-155991", "prb-155992", "prb-155994", "prb-160865", "prb-161313"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("brussels")
    proc = run_cli(["crawl", "brussels", "--replay", str(BXL)], data)
    return data, proc


@pytest.fixture
def store(crawled):
    s = Store(crawled[0] / "kamerwacht.sqlite")
    yield s
    s.close()


def test_summary(crawled):
    out = crawled[1].stdout
    # robots.txt + 2 indexes + 2 pages for each of the 15 written questions
    assert "brussels (replay): 33 responses archived, 12 documents in the archive, 1 kept out" in out
    assert "2 quarantined" in out


def test_stored_records_and_languages(crawled):
    got = records(crawled[0])
    assert set(got) == STORED
    assert all(r["status"] == "answered" and r["provenance"]["kind"] == "constructed" for r in got.values())
    assert {rid for rid, r in got.items() if r["language"] == "nl"} == {"prb-144539", "prb-147082", "prb-161313"}
    assert got["prb-153438"]["languages"] == ["fr", "nl"]
    assert got["prb-145851"]["languages"] == ["fr"]  # its Dutch side is empty
    assert got["prb-145851"]["gaps"][0] == "the Dutch side of the page is empty (no question text)"
    assert all(r["parliament"] == BRUSSELS_PARLIAMENT and r["country"] == "BE" for r in got.values())


def test_question_with_answer_date_counts_as_answered(store):
    r = store.get_record("prb-153438")  # row 24: Clearview, reconnaissance faciale; answer date only
    assert [(a.name, a.party) for a in r.askers] == [("Hicham Talhi", None)]
    assert r.asked_on.isoformat() == "2021-09-09" and r.answered_on.isoformat() == "2021-11-04"
    assert r.status == "answered" and r.number == "692" and r.answers == []
    assert {t.id for t in r.tools} >= {"clearview-ai", "facial-recognition"}
    assert [t.language for t in r.translations] == ["nl"] and "gezichtsherkenning" in r.translations[0].questions[0].text
    assert [d.fetched for d in r.documents] == [True, False]  # the answer exists; its text is not here


def test_answer_minister_resolved_in_the_brussels_government(store):
    r = store.get_record("prb-160865")  # row 30: answer text on the page
    assert r.answers and r.answered_on.isoformat() == "2023-07-20"
    [m] = r.ministers
    assert m.person_id == "be-rudi-vervoort"
    assert {"cctv", "drones", "bodycams", "anpr", "thermal-cameras"} <= {t.id for t in r.tools}


@pytest.mark.parametrize("record_id, person_id", [
    ("prb-153438", "be-rudi-vervoort"),  # answered 2021-11-04
    ("prb-155312", "be-bernard-clerfayt"),
    ("prb-155991", "be-elke-van-den-brandt"),
    ("prb-155992", "be-alain-maron"),
    ("prb-155994", "be-bernard-clerfayt"),
    ("prb-144539", "be-rudi-vervoort"),  # the Dutch role
])
def test_addressees_resolve_by_date_within_the_brussels_government(store, record_id, person_id):
    """A question-only page names who answers it in its addressee line (the contract keeps
    ``ministers`` for answer documents): the stored line, split as the parser splits it, is the
    person the registry knows on the answer date, in the Brussels government only."""
    r = store.get_record(record_id)
    name, role = addressee_parts(r.addressed_to[0])
    found = default_registry().resolve(name=name, role=role, ministry=None, title=None, on=r.answered_on,
                                       country="BE", government=GOVERNMENTS[BRUSSELS_PARLIAMENT])
    assert found is not None and found.person.id == person_id


def test_one_question_to_three_ministers_shares_a_thread(store):
    copies = [store.get_record(f"prb-{m}") for m in ("155991", "155992", "155994")]
    assert len({c.thread_key for c in copies}) == 1 and copies[0].thread_key
    assert [c.number for c in copies] == ["1242", "1092", "935"]
    assert [c.answered_on.isoformat() for c in copies] == ["2022-05-23", "2022-06-01", "2022-05-18"]
    assert all(c.related == [] for c in copies)  # the pages do not list each other
    assert store.get_record("prb-144227").thread_key != copies[0].thread_key


def test_latin1_page_decoded(store):
    r = store.get_record("prb-155312")
    assert r.askers[0].name == "Ibrahim Dönmez" and "Pegasus" in r.title
    assert any("not UTF-8" in g for g in r.gaps)


def test_question_without_surveillance_tool_is_not_stored(store):
    assert "prb-153616" not in {r.id for r in store.iter_records()}
    accepted, reason = store.document_status("prb-153616")
    assert accepted is False and "no surveillance tool" in reason


def test_unreadable_pages_are_quarantined_with_their_reason(store):
    reasons = {e.doc_id: e.reason for e in store.quarantined("brussels")}
    assert set(reasons) == {"prb-999901", "prb-999902"}
    assert "empty page (0 bytes)" in reasons["prb-999901"] and "Dutch page: HTTP 404" in reasons["prb-999901"]
    assert "French page: no question text; Dutch page: no question text" in reasons["prb-999902"]


def test_reparse_gives_the_same_records(crawled):
    data = crawled[0]
    before = records(data)
    out = run_cli(["reparse", "--source", "brussels"], data).stdout
    assert "brussels: reparsed 13 documents into 12 records, 2 quarantined" in out
    assert records(data) == before
