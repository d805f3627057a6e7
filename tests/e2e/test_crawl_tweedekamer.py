"""End to end for the tweedekamer spider: a real Scrapy crawl of the constructed recordings
(data/recordings/tweedekamer, see its PROVENANCE.md), the merge with the KOOP recordings in both
crawl orders, reparse, and bad input from a local fixture server (503 during paging retried, a
cut-off page, a missing document file, a scanned PDF)."""

import io
import json

import pytest

from archive.store import Store
from tests.conftest import REPO, RECORDINGS, run_cli, stored_records as records
from tests.fixture_server import FixtureServer, Reply

pytestmark = pytest.mark.crawl

TK = REPO / "data" / "recordings" / "tweedekamer"


@pytest.fixture(scope="module")
def both_orders(tmp_path_factory):
    koop_first, tk_first = tmp_path_factory.mktemp("koop_tk"), tmp_path_factory.mktemp("tk_koop")
    koop = ["crawl", "officielebekendmakingen", "--replay", str(RECORDINGS)]
    tk = ["crawl", "tweedekamer", "--replay", str(TK)]
    run_cli(koop, koop_first)
    out = run_cli(tk, koop_first)
    run_cli(tk, tk_first)
    tk_alone = records(tk_first)
    run_cli(koop, tk_first)
    return koop_first, tk_first, out, tk_alone


def test_tk_replay_summary(both_orders):
    out = both_orders[2].stdout
    assert "tweedekamer (replay): 4 responses archived, 1 documents in the archive" in out
    assert "0 quarantined" in out


def test_late_question_from_tk_alone(both_orders):
    tk_alone = both_orders[3]
    assert list(tk_alone) == ["2099Z00001"]  # the KOOP twins are left to KOOP
    r = tk_alone["2099Z00001"]
    assert r["asked_on"] == "2024-09-25" and r["answered_on"] is None and r["documents"][0]["id"] == "2099D00001"
    assert [(a["name"], a["party"]) for a in r["askers"]] == [("Testlid", "D66")]
    assert "clearview-ai" in {t["id"] for t in r["tools"]}
    assert r["provenance"]["kind"] == "constructed"


def test_same_records_in_both_crawl_orders(both_orders):
    koop_first, tk_first = records(both_orders[0]), records(both_orders[1])
    assert koop_first == tk_first
    assert "2099Z00001" in koop_first and "2020Z04331" in koop_first


def test_postponement_not_doubled_by_its_tk_twin(both_orders):
    r = records(both_orders[0])["2020Z04331"]
    # 2020D11840 (TK) is ah-tk-20192020-2237 (KOOP): one notice, not two
    assert [d["id"] for d in r["documents"]] == ["kv-tk-2020Z04331", "ah-tk-20192020-2237"]
    assert [d["kind"] for d in r["documents"]].count("postponement_notice") == 1


def test_reparse_rebuilds_the_same_records(both_orders):
    data = both_orders[1]
    before = records(data)
    run_cli(["reparse"], data)
    assert records(data) == before


# --- bad input from a local server ---------------------------------------------------------------

def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("tkfx")
    with FixtureServer() as server:
        root = f"{server.base}/OData/v4/2.0/"
        page1 = json.loads((TK / "odata" / "zaak-page-1.json").read_text(encoding="utf-8"))
        late = page1["value"][1]
        extra = []
        for n, soort, nummer in ((302, "Antwoord schriftelijke vragen", "2099D00003"),
                                 (303, "Antwoord schriftelijke vragen (nader)", "2099D00004")):
            d = dict(late["Document"][0], Id=f"00000000-0000-4000-8000-{n:012d}", Soort=soort, DocumentNummer=nummer)
            extra.append(d)
        late["Document"] += extra
        page1["@odata.nextLink"] = page1["@odata.nextLink"].replace("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/", root)
        body1 = json.dumps(page1).encode()
        state = {"first": 0}

        def zaak(query):
            skip = query.get("$skip")
            if skip is None:
                state["first"] += 1
                return Reply(503, b"busy", {"Retry-After": "0"}) if state["first"] <= 2 else Reply(200, body1, JSON)
            if skip == "2":
                return Reply(200, (TK / "odata" / "zaak-page-2.json").read_bytes()[:300], JSON)  # cut off
            return Reply(200, b'{"@odata.context":"x","value":[]}', JSON)

        server.routes["/OData/v4/2.0/Zaak"] = zaak
        docx_type = {"Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        server.routes["/OData/v4/2.0/Document(00000000-0000-4000-8000-000000000301)/resource"] = [
            Reply(200, (TK / "resources" / "2099D00001.docx").read_bytes(), docx_type)]
        # 302 (2099D00003): no route, a 404
        server.routes["/OData/v4/2.0/Document(00000000-0000-4000-8000-000000000303)/resource"] = [
            Reply(200, _blank_pdf(), {"Content-Type": "application/pdf"})]
        env = {"KAMERWACHT_TK_API_ROOT": root, "KAMERWACHT_DOWNLOAD_DELAY": "0"}
        proc = run_cli(["crawl", "tweedekamer", "--full"], data, env=env, check=False)
        yield {"data": data, "server": server, "proc": proc}


JSON = {"Content-Type": "application/json; odata.metadata=minimal"}


@pytest.fixture
def quarantine(served):
    s = Store(served["data"] / "kamerwacht.sqlite")
    yield {e.doc_id or e.url: e.reason for e in s.quarantined("tweedekamer")}, s
    s.close()


def test_503_during_paging_is_retried(served):
    hits = [h for h in served["server"].hits_for("/OData/v4/2.0/Zaak") if "$skip" not in h.query]
    assert len(hits) == 3  # two 503s, then the page
    assert served["proc"].returncode == 0, served["proc"].stdout + served["proc"].stderr


def test_cut_off_page_quarantined_and_walk_goes_on(served, quarantine):
    reasons, _ = quarantine
    [cut] = [r for r in reasons.values() if "not valid JSON" in r]
    assert "$skip=2" in cut and "cut off" in cut
    skips = [h.query.get("$skip") for h in served["server"].hits_for("/OData/v4/2.0/Zaak")]
    assert "252" in skips  # the next page after the lost one was still asked for


def test_missing_file_and_scan_quarantined_good_document_kept(quarantine):
    reasons, store = quarantine
    assert "document file HTTP 404" in reasons["2099D00003"]
    assert "no text layer" in reasons["2099D00004"]
    assert store.get_record("2099Z00001").documents[0].id == "2099D00001"


def test_deleted_zaak_leaves_the_archive_with_a_trace(tmp_path):
    """First a full crawl stores the late Clearview question 2099Z00001; then an incremental run
    sees the same Zaak deleted at the source (Verwijderd): its documents and record go, a trace
    stays, and `kamerwacht status` says so."""
    page1 = json.loads((TK / "odata" / "zaak-page-1.json").read_text(encoding="utf-8"))
    late = dict(page1["value"][1])
    assert late["Nummer"] == "2099Z00001"
    docx_type = {"Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    with FixtureServer() as server:
        root = f"{server.base}/OData/v4/2.0/"
        pages = {"first": json.dumps({"@odata.context": "x", "value": [late]}).encode(),
                 "deleted": json.dumps({"@odata.context": "x", "value": [dict(late, Verwijderd=True,
                                                                               GewijzigdOp="2024-12-01T09:00:00+01:00")]}).encode()}
        state = {"page": "first"}
        server.routes["/OData/v4/2.0/Zaak"] = lambda query: Reply(200, pages[state["page"]], JSON)
        server.routes["/OData/v4/2.0/Document(00000000-0000-4000-8000-000000000301)/resource"] = [
            Reply(200, (TK / "resources" / "2099D00001.docx").read_bytes(), docx_type)]
        env = {"KAMERWACHT_TK_API_ROOT": root, "KAMERWACHT_DOWNLOAD_DELAY": "0"}
        run_cli(["crawl", "tweedekamer", "--full"], tmp_path, env=env)
        assert "2099Z00001" in records(tmp_path)
        state["page"] = "deleted"
        run_cli(["crawl", "tweedekamer"], tmp_path, env=env)  # incremental: deletions included
        queries = [h.query["$filter"] for h in server.hits_for("/OData/v4/2.0/Zaak")]
    assert "Verwijderd eq false" in queries[0] and "Verwijderd" not in queries[-1]
    assert "2099Z00001" not in records(tmp_path)
    store = Store(tmp_path / "kamerwacht.sqlite")
    [trace] = store.deletions("tweedekamer")
    store.close()
    assert trace["doc_id"] == "2099D00001" and trace["record_id"] == "2099Z00001"
    assert "deleted at the source (Verwijderd)" in trace["reason"]
    assert "deleted at the source (removed, trace kept): 1" in run_cli(["status"], tmp_path).stdout
    # and a reparse of the raw archive replays the deletion too
    run_cli(["reparse", "--source", "tweedekamer"], tmp_path)
    assert "2099Z00001" not in records(tmp_path)


def test_withdrawal_notice_marks_the_question(tmp_path):
    """A 'Mededeling' announcing the withdrawal: the question stays in the archive, marked."""
    page1 = json.loads((TK / "odata" / "zaak-page-1.json").read_text(encoding="utf-8"))
    late = dict(page1["value"][1])
    notice = dict(late["Document"][0], Id="00000000-0000-4000-8000-000000000399", Soort="Mededeling",
                  DocumentNummer="2099D00099", Onderwerp="Intrekking schriftelijke vragen over Clearview AI",
                  DocumentVersie=[])
    late["Document"] = late["Document"] + [notice]
    docx_type = {"Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    with FixtureServer() as server:
        root = f"{server.base}/OData/v4/2.0/"
        server.routes["/OData/v4/2.0/Zaak"] = [Reply(200, json.dumps({"@odata.context": "x", "value": [late]}).encode(), JSON)]
        server.routes["/OData/v4/2.0/Document(00000000-0000-4000-8000-000000000301)/resource"] = [
            Reply(200, (TK / "resources" / "2099D00001.docx").read_bytes(), docx_type)]
        run_cli(["crawl", "tweedekamer", "--full"], tmp_path,
                env={"KAMERWACHT_TK_API_ROOT": root, "KAMERWACHT_DOWNLOAD_DELAY": "0"})
        fetched = [h.path for h in server.hits]
    assert not any("000000000399" in p for p in fetched)  # the notice itself is not a document to fetch
    rec = records(tmp_path)["2099Z00001"]
    assert rec["withdrawn"] is True and rec["questions"]
    run_cli(["reparse", "--source", "tweedekamer"], tmp_path)
    assert records(tmp_path)["2099Z00001"]["withdrawn"] is True


def test_copy_archived_before_koop_published_it_goes_when_the_twin_is_named(tmp_path):
    page1 = json.loads((TK / "odata" / "zaak-page-1.json").read_text(encoding="utf-8"))
    late = dict(page1["value"][1])
    docx_type = {"Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    twin = dict(late, GewijzigdOp="2024-12-01T09:00:00+01:00",
                Document=[dict(late["Document"][0], DocumentVersie=[{"Id": "v1", "Versienummer": 1,
                                                                     "ExterneIdentifier": "kv-tk-2099Z00001"}])])
    pages = {"first": [late], "twin": [twin]}
    state = {"page": "first"}
    with FixtureServer() as server:
        root = f"{server.base}/OData/v4/2.0/"
        server.routes["/OData/v4/2.0/Zaak"] = lambda q: Reply(
            200, json.dumps({"@odata.context": "x", "value": pages[state["page"]]}).encode(), JSON)
        server.routes["/OData/v4/2.0/Document(00000000-0000-4000-8000-000000000301)/resource"] = [
            Reply(200, (TK / "resources" / "2099D00001.docx").read_bytes(), docx_type)]
        env = {"KAMERWACHT_TK_API_ROOT": root, "KAMERWACHT_DOWNLOAD_DELAY": "0"}
        run_cli(["crawl", "tweedekamer", "--full"], tmp_path, env=env)
        assert "2099Z00001" in records(tmp_path)
        state["page"] = "twin"
        run_cli(["crawl", "tweedekamer"], tmp_path, env=env)
    assert "2099Z00001" not in records(tmp_path)  # the KOOP crawl brings it back, once
    store = Store(tmp_path / "kamerwacht.sqlite")
    [trace] = store.deletions("tweedekamer")
    store.close()
    assert trace["doc_id"] == "2099D00001" and trace["reason"] == "published by KOOP as kv-tk-2099Z00001: archived from there"
