"""End to end for the dekamer spider: a real Scrapy crawl of data/recordings/dekamer (the real
leg-54 open-data list and item, INVENTED leg-55 questions in the real structure, and for leg 56 an
open-data list that answers 503, so the spider walks the HTML bulletin listing to INVENTED
questions; see its PROVENANCE.md), the pipelines (tools, ministers resolved by date in the
federal government), the quarantine, and a reparse from the raw archive giving the same records."""


import pytest

from archive.settings import Settings
from archive.store import Store
from crawler.warc import iter_responses
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
# legislature 56, through the HTML bulletin listing
L56_ANPR = "qrva-56-901-9011-0000202490011"
L56_PEGASUS = "qrva-56-902-9012-0000202490012"
L56_BODYCAMS = "qrva-56-901-9014-0000202490014"
L56_BROKEN = "qrva-56-901-9015-0000202490015"
L56_NOTOOL_DOSSIER = "56-B902-905-9013-0000202490013"
LISTING_GAP = ("the open-data list did not answer; found through the HTML bulletin listing; read from the Dutch"
               " HTML page, which gives no French version")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    data = tmp_path_factory.mktemp("dekamer")
    out = run_cli(["crawl", "dekamer", "--replay", str(REC)], data, env=ENV)
    return data, out


def test_summary(crawl):
    out = crawl[1].stdout
    assert "8 documents in the archive, 0 kept out (no surveillance tool), 3 quarantined" in out
    assert "0 minister names not in the registry" in out


def test_records_and_statuses(crawl):
    recs = records(crawl[0])
    assert {rid: r["status"] for rid, r in recs.items()} == {
        CLEARVIEW: "answered", PEGASUS: "answered", BODYCAMS: "answered", ANPR: "open", DRONES: "late",
        # as of 2023-12-15, the recordings' day for legislature 55 (the demo's day makes it late)
        L56_ANPR: "answered", L56_PEGASUS: "answered", L56_BODYCAMS: "open"}
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
        assert store.document_counts("dekamer") == (8, 0)
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
        L56_BROKEN: ("QRVA list leg=56 start=0: HTTP 503; listed in HTML bulletin B901; HTML detail page:"
                     f" {L56_BROKEN}: no 'nr : <n> - Zittingsperiode : <leg>' heading: not a QRVA page"),
    }
    assert reasons["qrva-55-903-9007-2022202390007"].startswith("open-data item: QRVA item is not valid JSON")
    assert reasons["qrva-55-903-9007-2022202390007"].endswith("; HTML detail page HTTP 404")


def test_reparse_gives_the_same_records(crawl):
    data = crawl[0]
    before = records(data)
    out = run_cli(["reparse", "--source", "dekamer"], data, env=ENV)
    assert "dekamer: reparsed 8 documents into 8 records, 3 quarantined" in out.stdout
    assert records(data) == before
    assert {r["id"] for r in before.values()} >= {L56_ANPR, L56_PEGASUS, L56_BODYCAMS}
    store = Store(data / "kamerwacht.sqlite")
    try:
        assert {e.doc_id for e in store.quarantined("dekamer")} >= {L56_BROKEN}
    finally:
        store.close()


# --- legislature 56: the HTML bulletin listing ---------------------------------------------------------

def archived_urls(data) -> list[tuple[int, str]]:
    raw = Settings.from_env({"KAMERWACHT_DATA_DIR": str(data)}).raw_dir
    return [(r.status, r.url) for r in iter_responses(raw, "dekamer")]


def test_listing_walked_when_the_open_data_list_does_not_answer(crawl):
    urls = archived_urls(crawl[0])
    assert (503, "http://data.dekamer.be/v0/qrva?leg=56&start=0") in urls  # retried, then given up
    site = "https://www.dekamer.be/kvvcr/showpage.cfm?"
    listing = [u for s, u in urls if "qrvaList.cfm" in u or "qrvatoc.cfm" in u]
    # the bulletin list, then its bulletins newest first
    assert listing == [f"{site}section=/qrva&language=nl&cfm=qrvaList.cfm?legislat=56",
                       f"{site}&language=nl&cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat=56&bulletin=B902",
                       f"{site}&language=nl&cfm=/site/wwwcfm/qrva/qrvatoc.cfm?legislat=56&bulletin=B901"]
    details = sorted(u.rsplit("dossierID=", 1)[1] for s, u in urls if "qrvaXml.cfm" in u and "legislat=56" in u)
    # every entry naming a tool, and only those: the finance entry is never asked for
    assert details == ["56-B901-901-9014-0000202490014.xml", "56-B901-901-9015-0000202490015.xml",
                       "56-B902-901-9011-0000202490011.xml", "56-B902-902-9012-0000202490012.xml"]
    assert not any(L56_NOTOOL_DOSSIER in u for _, u in urls)
    assert not any(rid.startswith("qrva-56-905-") for rid in records(crawl[0]))


def test_listing_record_dutch_answered(crawl):
    r = records(crawl[0])[L56_ANPR]
    assert (r["number"], r["language"], r["languages"], r["status"]) == ("56-9011", "nl", ["nl"], "answered")
    assert r["title"] == "Het gebruik van ANPR-camera's en drones bij verkeerscontroles."
    assert [(a["name"], a["party"], a["party_id"]) for a in r["askers"]] == [("Wout Voorbeeldsma", "N-VA", "be-n-va")]
    assert (r["asked_on"], r["answered_on"], r["deadline"]) == ("2024-09-12", "2024-10-17", "2024-10-14")
    # the De Croo government in current affairs: the office as printed, the person on the answer's date
    [m] = r["ministers"]
    assert m["role"] == "Minister van Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing"
    assert m["person_id"] == "be-annelies-verlinden"
    assert {"anpr", "drones"} <= {t["id"] for t in r["tools"]}
    assert [q["number"] for q in r["questions"]] == [1, 2] and len(r["answers"]) == 1
    assert r["references"] == ["B902"] and r["descriptors"][-2:] == ["ANPR-CAMERA", "DRONE"]
    assert r["gaps"] == [LISTING_GAP]
    assert r["provenance"]["kind"] == "constructed"
    assert r["provenance"]["url"] == ("https://www.dekamer.be/kvvcr/showpage.cfm?section=qrva&language=nl"
                                      "&cfm=qrvaXml.cfm?legislat=56&dossierID=56-B902-901-9011-0000202490011.xml")


def test_listing_record_french_minister_resolved_by_date(crawl):
    r = records(crawl[0])[L56_PEGASUS]
    assert (r["language"], r["languages"], r["status"]) == ("fr", ["fr", "nl"], "answered")
    assert r["translations"][0]["title"].startswith("De spionagesoftware Pegasus")
    assert r["questions"][0]["text"].startswith("Cette question est un exemple inventé")  # cp1252 bytes read right
    assert [(a["name"], a["party"], a["party_id"]) for a in r["askers"]] == [
        ("Camille Exemplaire", "Les Engagés", "be-les-engages")]
    assert (r["asked_on"], r["answered_on"], r["deadline"]) == ("2024-09-25", "2024-10-17", "2024-10-28")
    [m] = r["ministers"]
    # the office that was Van Quickenborne's in 2021 (legislature 55) is Van Tigchelt's in 2024
    assert m["role"] == "Vice-eersteminister en minister van Justitie en Noordzee"
    assert (m["person_id"], m["name"]) == ("be-paul-van-tigchelt", "Paul Van Tigchelt")
    assert records(crawl[0])[PEGASUS]["ministers"][0]["person_id"] == "be-vincent-van-quickenborne"
    assert {"pegasus", "spyware"} <= {t["id"] for t in r["tools"]}


def test_listing_record_printed_without_answer(crawl):
    r = records(crawl[0])[L56_BODYCAMS]
    assert (r["language"], r["status"], r["answered_on"], r["ministers"]) == ("nl", "open", None, [])
    assert (r["asked_on"], r["deadline"]) == ("2024-07-18", "2024-08-19")
    assert r["addressed_to"] == ["Minister van Binnenlandse Zaken, Institutionele Hervormingen en Democratische Vernieuwing"]
    assert [(a["name"], a["party_id"]) for a in r["askers"]] == [("Pieter Proefmans", "be-vooruit")]
    assert [q["number"] for q in r["questions"]] == [1, 2, 3] and r["references"] == ["B901"]
    assert "bodycams" in {t["id"] for t in r["tools"]}


def test_since_stops_the_walk_at_a_bulletin_asked_before_it(tmp_path):
    out = run_cli(["crawl", "dekamer", "--replay", str(REC), "--since", "2024-10-01", "-a", "leg=56"], tmp_path, env=ENV)
    assert "0 documents in the archive" in out.stdout
    urls = [u for _, u in archived_urls(tmp_path)]
    # B902's entries were all asked in September 2024: B901 (older) is not asked for, nor any page
    assert any("bulletin=B902" in u for u in urls)
    assert not any("bulletin=B901" in u for u in urls) and not any("qrvaXml.cfm" in u for u in urls)
