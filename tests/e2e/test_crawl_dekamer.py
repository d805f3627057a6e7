"""End to end for the dekamer spider: a real Scrapy crawl of data/recordings/dekamer (the real
leg-54 open-data list and item, plus INVENTED leg-55 questions in the real structure, see its
PROVENANCE.md), the pipelines (tools, ministers resolved by date in the federal government),
the quarantine, and a reparse from the raw archive giving the same records."""


import pytest

from archive.store import Store
from tests.conftest import REPO, run_cli, stored_records as records

pytestmark = pytest.mark.crawl

REC = REPO / "data" / "recordings" / "dekamer"
# The recordings' day: the ANPR question's deadline (2023-12-21) has not passed yet.
ENV = {"KAMERWACHT_STATUS_AS_OF": "2023-12-15"}
CLEARVIEW = "qrva-55-901-9001-2021202290001"
PEGASUS = "qrva-55-902-9002-2020202190002"
ANPR = "qrva-55-901-9003-2023202490003"
BODYCAMS = "qrva-55-901-9004-2021202290004"
DRONES = "qrva-55-902-9005-2021202290005"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    data = tmp_path_factory.mktemp("dekamer")
    out = run_cli(["crawl", "dekamer", "--replay", str(REC)], data, env=ENV)
    return data, out


def test_summary(crawl):
    out = crawl[1].stdout
    assert "5 documents in the archive, 0 kept out (no surveillance tool), 2 quarantined" in out
    assert "0 minister names not in the registry" in out


def test_records_and_statuses(crawl):
    recs = records(crawl[0])
    assert {rid: r["status"] for rid, r in recs.items()} == {
        CLEARVIEW: "answered", PEGASUS: "answered", BODYCAMS: "answered", ANPR: "open", DRONES: "late"}
    assert all(r["provenance"]["kind"] == "constructed" for r in recs.values())
    assert all(r["country"] == "BE" and r["parliament"] == "Kamer van volksvertegenwoordigers" for r in recs.values())


def test_dutch_record_with_french_translation(crawl):
    r = records(crawl[0])[CLEARVIEW]
    assert (r["number"], r["language"], r["languages"]) == ("55-9001", "nl", ["nl", "fr"])
    assert [(a["name"], a["party"], a["party_id"]) for a in r["askers"]] == [("Els Voorbeeld", "Ecolo-Groen", "be-ecolo-groen")]
    assert (r["asked_on"], r["answered_on"], r["deadline"]) == ("2021-10-15", "2021-12-13", "2021-11-15")
    assert [m["person_id"] for m in r["ministers"]] == ["be-annelies-verlinden"]
    assert {"clearview-ai", "facial-recognition"} <= {t["id"] for t in r["tools"]}
    assert [q["number"] for q in r["questions"]] == [1, 2, 3]
    assert r["translations"][0]["language"] == "fr" and len(r["translations"][0]["questions"]) == 3
    assert r["references"] == ["B999"] and r["descriptors"][0] == "POLITIE"
    assert r["provenance"]["url"] == ("https://www.dekamer.be/kvvcr/showpage.cfm?section=qrva&language=nl"
                                      "&cfm=qrvaXml.cfm?legislat=55&dossierID=55-B999-901-9001-2021202290001.xml")


def test_french_record_minister_resolved_by_date(crawl):
    r = records(crawl[0])[PEGASUS]
    assert r["language"] == "fr" and r["languages"] == ["fr", "nl"]
    [m] = r["ministers"]
    # the office as printed (French), the person from the registry on the answer's date
    assert m["role"] == "Vice-premier ministre et ministre de la Justice et de la Mer du Nord"
    assert (m["person_id"], m["name"]) == ("be-vincent-van-quickenborne", "Vincent Van Quickenborne")
    assert {"pegasus", "spyware"} <= {t["id"] for t in r["tools"]}


def test_open_and_partial_records(crawl):
    recs = records(crawl[0])
    anpr = recs[ANPR]
    assert anpr["answered_on"] is None and anpr["ministers"] == [] and anpr["deadline"] == "2023-12-21"
    assert anpr["addressed_to"] == ["Minister van Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing"]
    assert "anpr" in {t["id"] for t in anpr["tools"]}
    bodycams = recs[BODYCAMS]
    assert bodycams["languages"] == ["nl"] and bodycams["translations"] == []
    assert bodycams["gaps"] == ["the French side of the record is empty (TITF, TEXTQF, TEXTA1F)"]


def test_html_fallback_record_from_latin1_bytes(crawl):
    r = records(crawl[0])[DRONES]
    assert r["title"] == "Inzet van drones met gezichtsherkenning bij betogingen in België."
    assert "België" in r["questions"][0]["text"] and "privéleven" in r["questions"][0]["text"]
    assert r["questions"][1]["text"] == "Werd die inzet geëvalueerd?"
    assert (r["asked_on"], r["deadline"], r["answered_on"]) == ("2022-05-12", "2022-06-13", None)
    assert r["askers"][0]["party_id"] == "be-vlaams-belang"
    assert r["provenance"]["documents"][0]["fetched_url"].startswith("https://www.dekamer.be/kvvcr/showpage.cfm")
    assert any("cp1252" in g for g in r["gaps"])


def test_nothing_from_the_real_leg_54_and_sham_marriages_not_stored(crawl):
    store = Store(crawl[0] / "kamerwacht.sqlite")
    try:
        assert not any(r.id.startswith("qrva-54-") for r in store.iter_records())
        with pytest.raises(KeyError):
            store.get_document("qrva-54-3-0001-0000201400004")
        assert store.document_counts("dekamer") == (5, 0)
    finally:
        store.close()


def test_broken_items_quarantined_with_reasons(crawl):
    store = Store(crawl[0] / "kamerwacht.sqlite")
    try:
        reasons = {e.doc_id: e.reason for e in store.quarantined("dekamer")}
    finally:
        store.close()
    assert reasons == {
        "qrva-55-901-9006-2022202390006": 'open-data item has no record ("items": []); HTML detail page HTTP 404',
        "qrva-55-903-9007-2022202390007": reasons["qrva-55-903-9007-2022202390007"],
    }
    assert reasons["qrva-55-903-9007-2022202390007"].startswith("open-data item: QRVA item is not valid JSON")
    assert reasons["qrva-55-903-9007-2022202390007"].endswith("; HTML detail page HTTP 404")


def test_reparse_gives_the_same_records(crawl):
    data = crawl[0]
    before = records(data)
    out = run_cli(["reparse", "--source", "dekamer"], data, env=ENV)
    assert "dekamer: reparsed 5 documents into 5 records, 2 quarantined" in out.stdout
    assert records(data) == before
