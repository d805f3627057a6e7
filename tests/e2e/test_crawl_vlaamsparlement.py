"""End to end for the vlaamsparlement spider: a real Scrapy crawl of the constructed recordings
(data/recordings/vlaamsparlement, every question INVENTED, see its PROVENANCE.md), reparse, and bad
input from a local fixture server (a PDF that is not there, a record answered as XML, the walk
stopping at --since)."""

import json

import pytest

from archive.store import Store
from crawler.parsers.vlaamsparlement import search_url
from tests.conftest import REPO, run_cli, stored_records as records
from tests.fixture_server import FixtureServer, Reply

pytestmark = pytest.mark.crawl

VP = REPO / "data" / "recordings" / "vlaamsparlement"
AS_OF = {"KAMERWACHT_STATUS_AS_OF": "2024-11-01"}  # the recordings' date: 9990004 is still within its three weeks


def quarantine(data) -> list[tuple[str | None, str]]:
    store = Store(data / "kamerwacht.sqlite")
    try:
        return sorted((e.doc_id, e.reason) for e in store.quarantined("vlaamsparlement"))
    finally:
        store.close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("vlpar")
    out = run_cli(["crawl", "vlaamsparlement", "--replay", str(VP)], data, env=AS_OF)
    return data, out, records(data)


def test_replay_summary(crawled):
    out = crawled[1].stdout
    assert "vlaamsparlement (replay): 17 responses archived, 4 documents in the archive" in out
    assert "1 quarantined, 0 minister names not in the registry" in out


def test_answered_on_time_with_answer_pdf(crawled):
    r = crawled[2]["vp-schv-9990001"]
    assert (r["country"], r["parliament"], r["language"], r["number"]) == ("BE", "Vlaams Parlement", "nl", "9991")
    assert [(a["name"], a["party"]) for a in r["askers"]] == [("An Voorbeeld", None)]
    assert r["addressed_to"] == ["Lydia Peeters"]
    [m] = r["ministers"]
    assert (m["name"], m["person_id"]) == ("Lydia Peeters", "be-lydia-peeters")  # by name and date, in "vlaams"
    assert (r["asked_on"], r["answered_on"], r["status"], r["days_to_answer"]) == ("2021-10-14", "2021-11-05", "answered", 22)
    assert [q["number"] for q in r["questions"]] == [1, 2, 3] and len(r["answers"]) == 3
    assert [(e["date"], e["label"], e["kind"]) for e in r["events"]][:2] == [
        ("2021-10-14", "Vraag gesteld aan de minister", "sent"), ("2021-11-05", "Tijdig beantwoord", "answered")]
    assert "anpr" in {t["id"] for t in r["tools"]}
    assert r["descriptors"] == ["Verkeersveiligheid", "Privacy"] and r["gaps"] == []
    assert r["provenance"]["kind"] == "constructed"
    assert r["provenance"]["documents"][0]["fetched_url"] == "https://ws.vlpar.be/e/opendata/schv/9990001"


def test_answered_late(crawled):
    r = crawled[2]["vp-schv-9990002"]
    assert r["status"] == "answered" and r["answered_on"] == "2022-05-10" and r["days_to_answer"] == 70
    assert ("2022-05-10", "Laattijdig beantwoord", "answered") in [(e["date"], e["label"], e["kind"]) for e in r["events"]]
    assert [m["person_id"] for m in r["ministers"]] == ["be-bart-somers"]
    assert {"drones", "bodycams"} <= {t["id"] for t in r["tools"]}
    assert [a["numbers"] for a in r["answers"]] == [[1], [2, 3]]


def test_answer_pdf_without_text_layer_is_kept_answered_with_gaps(crawled):
    r = crawled[2]["vp-schv-9990003"]
    assert r["status"] == "answered" and r["answered_on"] == "2022-12-20" and r["answers"] == []
    assert "the answer PDF has no text layer" in r["gaps"]
    assert "facial-recognition" in {t["id"] for t in r["tools"]}
    assert [(d["kind"], d["fetched"]) for d in r["documents"]] == [("question", True), ("answer", False)]


def test_open_question(crawled):
    r = crawled[2]["vp-schv-9990004"]
    assert r["status"] == "open" and r["answered_on"] is None and r["ministers"] == []
    assert r["addressed_to"] == ["Annick De Ridder"] and r["asked_on"] == "2024-10-21"
    assert [e["kind"] for e in r["events"]] == ["sent"]


def test_malformed_record_is_quarantined(crawled):
    [(doc_id, reason)] = quarantine(crawled[0])
    assert doc_id == "vp-schv-9990005" and reason.startswith("schv 9990005: not valid JSON (cut off?)")
    assert set(crawled[2]) == {"vp-schv-9990001", "vp-schv-9990002", "vp-schv-9990003", "vp-schv-9990004"}


def test_reparse_rebuilds_the_same_records(crawled):
    data, _, before = crawled
    out = run_cli(["reparse", "--source", "vlaamsparlement"], data, env=AS_OF)
    assert "vlaamsparlement: reparsed 4 documents into 4 records, 1 quarantined" in out.stdout
    assert records(data) == before
    assert [d for d, _ in quarantine(data)] == ["vp-schv-9990005"]


# --- bad input from a local server -----------------------------------------------------------

def _hit(sid, published):
    return {"id": f"https://www.vlaamsparlement.be/x/{sid}/pfls",
            "metatags": {"metatag": [{"name": "soort", "value": "SCHV"}, {"name": "publicatiedatum", "value": published}]}}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("vlparfx")
    with FixtureServer() as server:
        page = {"count": 40, "result": [_hit("9990001", "2024-10-01T09:00:00+02:00"),
                                        _hit("9990002", "2024-09-01T09:00:00+02:00"),
                                        _hit("9990003", "2024-05-01T09:00:00+02:00")]}  # before --since: the walk ends
        search_path = search_url("", "2024-2029", 1).split("?")[0]
        server.routes[search_path] = [Reply(200, json.dumps(page).encode(), {"Content-Type": "application/json"})]
        record = json.loads((VP / "schv" / "9990001.json").read_bytes())
        record["bestand-ordered"] = [{"URL": f"{server.base}/files/pfile?id=404"}]  # not served: a 404
        server.routes["/e/opendata/schv/9990001"] = [Reply(200, json.dumps(record).encode(), {"Content-Type": "application/json"})]
        server.routes["/e/opendata/schv/9990002"] = [Reply(200, b'<?xml version="1.0"?><schv/>', {"Content-Type": "application/xml"})]
        env = {"KAMERWACHT_VLPAR_URL": server.base, "KAMERWACHT_DOWNLOAD_DELAY": "0", **AS_OF}
        proc = run_cli(["crawl", "vlaamsparlement", "--since", "2024-06-10"], data, env=env, check=False)
        yield {"data": data, "server": server, "proc": proc}


def test_served_crawl_succeeds(served):
    assert served["proc"].returncode == 0, served["proc"].stdout + served["proc"].stderr


def test_missing_pdf_keeps_the_record_with_a_gap(served):
    r = records(served["data"])["vp-schv-9990001"]
    assert r["status"] == "answered" and r["answered_on"] == "2021-11-05" and r["answers"] == []
    assert "the answer PDF could not be fetched (HTTP 404)" in r["gaps"]


def test_xml_answer_is_quarantined_and_json_was_asked_for(served):
    assert quarantine(served["data"]) == [
        ("vp-schv-9990002", "schv 9990002: the server answered XML or HTML, not JSON (was Accept: application/json sent?)")]
    hits = served["server"].hits_for("/e/opendata/schv/9990002")
    assert hits and all(h.headers.get("Accept") == "application/json" for h in hits)


def test_walk_stops_at_since(served):
    paths = [h.path for h in served["server"].hits]
    assert "/e/opendata/schv/9990003" not in paths
    assert sum("/api/search/query/" in p for p in paths) == 1  # no page 2, no older legislature
