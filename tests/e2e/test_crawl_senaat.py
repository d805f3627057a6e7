"""End to end for the senaat spider: a real Scrapy crawl of the constructed recordings
(data/recordings/senaat, see its PROVENANCE.md), through the pipelines into the store, then
``kamerwacht reparse`` from the raw archive. Facts asserted come from DOCUMENTS.md rows 33-43
and 46 and the minister registry; texts are constructed."""


import pytest

from archive.store import Store
from tests.conftest import REPO, run_cli, stored_records as records

pytestmark = pytest.mark.crawl

SENAAT = REPO / "data" / "recordings" / "senaat"
AS_OF = {"KAMERWACHT_STATUS_AS_OF": "2024-06-01"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("senaat")
    out = run_cli(["crawl", "senaat", "--replay", str(SENAAT)], data, env=AS_OF)
    return data, out


@pytest.fixture(scope="module")
def recs(crawled):
    return records(crawled[0])


def test_summary(crawled):
    out = crawled[1].stdout
    assert "senaat (replay):" in out and "10 documents in the archive" in out
    assert "0 kept out" in out and "1 quarantined" in out


def test_every_recorded_question_is_a_record(recs):
    assert sorted(recs) == ["sv-4-7451", "sv-5-3751", "sv-5-8890", "sv-5-9045", "sv-7-1648", "sv-7-1870", "sv-7-1874",
                            "sv-7-400", "sv-7-480", "sv-7-481"]
    for r in recs.values():
        assert r["country"] == "BE" and r["parliament"] == "Belgische Senaat"
        assert r["provenance"]["kind"] == "constructed"


def test_askers_and_parties(recs):
    assert [(a["name"], a["party"], a["party_id"]) for a in recs["sv-5-8890"]["askers"]] == [
        ("Ludo Sannen", "sp.a", "be-vooruit")]
    assert [(a["name"], a["party"], a["party_id"]) for a in recs["sv-7-400"]["askers"]] == [
        ("Stephanie D'Hose", "Open Vld", "be-open-vld")]
    assert recs["sv-4-7451"]["askers"][0]["party_id"] == "be-cdenv"


def test_ministers_resolved_by_office_and_date(recs):
    [m] = recs["sv-7-480"]["ministers"]
    assert m["person_id"] == "be-pieter-de-crem" and m["name"] == "Pieter De Crem"
    assert m["role"] == "minister van Veiligheid en Binnenlandse Zaken, belast met Buitenlandse Handel"  # as printed
    [m] = recs["sv-7-1870"]["ministers"]
    assert m["person_id"] == "be-ludivine-dedonder" and m["role"] == "minister van Defensie"
    [m] = recs["sv-4-7451"]["ministers"]  # 2010: before the registry's first cabinet, kept as printed
    assert m["person_id"] is None and m["role"].startswith("staatssecretaris voor Mobiliteit")
    # No answer text, but the Chronologie dates the answer: the addressed office answered, and
    # the registry names who held it on 2020-04-09.
    [m] = recs["sv-7-400"]["ministers"]
    assert m["person_id"] == "be-pieter-de-crem" and m["role"].startswith("minister van Veiligheid en Binnenlandse Zaken")
    [ref] = [d for d in recs["sv-7-400"]["documents"] if d["kind"] == "answer"]
    assert ref["fetched"] is False and ref["date"] == "2020-04-09" and ref["ministers"][0]["person_id"] == "be-pieter-de-crem"


def test_statuses_dates_and_deadlines(recs):
    r = recs["sv-7-400"]
    assert (r["status"], r["asked_on"], r["answered_on"], r["deadline"]) == ("answered", "2020-03-10", "2020-04-09", "2020-04-09")
    assert [d["fetched"] for d in r["documents"] if d["kind"] == "answer"] == [False]  # answer text not here
    r = recs["sv-7-1870"]  # answered six days after the source's own deadline
    assert (r["status"], r["deadline"], r["answered_on"], r["days_to_answer"]) == ("answered", "2023-03-02", "2023-03-08", 41)
    assert [a["numbers"] for a in r["answers"]] == [[1, 2], [3]]
    r = recs["sv-5-3751"]
    assert (r["status"], r["closed_on"], r["answered_on"]) == ("closed", "2011-12-07", None)
    assert (recs["sv-5-8890"]["status"], recs["sv-5-8890"]["closed_on"]) == ("closed", "2013-10-01")
    assert recs["sv-7-1874"]["status"] == "late" and recs["sv-7-1874"]["deadline"] == "2023-03-02"
    assert recs["sv-7-1648"]["status"] == "answered" and recs["sv-7-1648"]["answered_on"] == "2022-08-11"
    assert [(e["kind"], e["date"]) for e in recs["sv-5-9045"]["events"]] == [
        ("sent", "2013-05-16"), ("reminder", "2013-09-17"), ("reminder", "2013-12-18"), ("requalified", "2014-02-24")]
    # Requalified into an oral question: no written answer will come, the written file closes.
    assert (recs["sv-5-9045"]["status"], recs["sv-5-9045"]["closed_on"]) == ("closed", "2014-02-24")


def test_languages_translations_and_gaps(recs):
    r = recs["sv-5-3751"]
    assert r["language"] == "nl" and r["languages"] == ["nl", "fr"]
    assert r["translations"][0]["subject"] == "Aéroports - Scanographie du visage - Biométrie"
    assert recs["sv-7-1648"]["languages"] == ["nl", "fr"]  # from the bilingual print
    r = recs["sv-7-1874"]
    assert r["language"] == "fr" and r["languages"] == ["fr"]
    assert any("Dutch page could not be read" in g for g in r["gaps"])
    assert "België" in recs["sv-5-9045"]["subject"]
    assert {t["id"] for t in recs["sv-5-3751"]["tools"]} >= {"facial-recognition"}
    assert {t["id"] for t in recs["sv-7-1874"]["tools"]} >= {"hikvision"}


def test_related_and_threads(recs):
    assert recs["sv-7-480"]["thread_key"] == recs["sv-7-481"]["thread_key"] == "sv-7-480"
    assert recs["sv-7-400"]["thread_key"] == "sv-7-399"
    assert [(x["relation"], x["id"]) for x in recs["sv-5-3751"]["related"]] == [("refiled_as", "sv-5-5009")]
    assert [(x["relation"], x["id"]) for x in recs["sv-5-9045"]["related"]] == [("requalified_as", "sv-ou-5-4834")]
    assert ("refers_to", "sv-4-7450") in [(x["relation"], x["id"]) for x in recs["sv-4-7451"]["related"]]
    assert [x["id"] for x in recs["sv-7-1648"]["related"]] == ["sv-7-1649", "sv-7-1650"]


def test_empty_page_is_quarantined_with_its_reason(crawled):
    store = Store(crawled[0] / "kamerwacht.sqlite")
    try:
        [entry] = store.quarantined("senaat")
    finally:
        store.close()
    assert entry.doc_id == "sv-7-99999" and "not on the Senate site" in entry.reason
    assert entry.warc_file and entry.sha256


def test_reparse_rebuilds_the_same_records(tmp_path):
    run_cli(["crawl", "senaat", "--replay", str(SENAAT)], tmp_path, env=AS_OF)
    before = records(tmp_path)
    out = run_cli(["reparse", "--source", "senaat"], tmp_path, env=AS_OF)
    assert "senaat: reparsed 10 documents into 10 records, 1 quarantined" in out.stdout
    assert records(tmp_path) == before
