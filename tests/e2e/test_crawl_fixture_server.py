"""A real crawl against a local fixture server: politeness (robots.txt, User-Agent, at most
two requests in flight), retries on 503 and on 429 with Retry-After, quarantine of what cannot
be fetched or parsed, and the loud failure of a source that suddenly yields nothing."""

import re

import pytest

from archive.store import Store
from tests.conftest import PLOOI, RECORDINGS, run_cli
from tests.fixture_server import FixtureServer, Reply

pytestmark = pytest.mark.crawl

PAGE1 = (RECORDINGS / "sru" / "page-0001.xml").read_bytes()
REAL_SRU = (PLOOI / "sru_searchRetrieve_response_officielepublicaties.xml").read_bytes()
XML = {"Content-Type": "text/xml; charset=UTF-8"}


def item_paths(page: bytes) -> dict[str, str]:
    """doc id -> path of its XML manifestation on the fixture server."""
    out = {}
    for url in re.findall(rb'manifestation="xml">https://repository\.overheid\.nl(/[^<]+)<', page):
        doc_id = url.rsplit(b"/", 1)[1][:-4].decode()
        out[doc_id] = "/repository.overheid.nl" + url.decode()
    return out


def serve_sru(server: FixtureServer, page: bytes, *, first_failures: int = 2, empty_second_page: bool = True):
    local = page.replace(b"https://repository.overheid.nl/", f"http://127.0.0.1:{server.port}/repository.overheid.nl/".encode())
    state = {"n": 0}

    def sru(query):
        if query.get("startRecord") == "1":
            state["n"] += 1
            if state["n"] <= first_failures:
                return Reply(503, b"busy", {"Retry-After": "0"})
            return Reply(200, local, XML)
        # numberOfRecords says 18, but the page holds none: an anomaly worth a quarantine line
        start = local.index(b"<sru:records>")
        end = local.index(b"</sru:records>") + len(b"</sru:records>")
        return Reply(200, local[:start] + local[end:] if empty_second_page else local, XML)

    server.routes["/sru"] = sru
    return item_paths(page)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    data = tmp_path_factory.mktemp("fx")
    with FixtureServer() as server:
        server.routes["/robots.txt"] = [Reply(200, b"User-agent: *\nDisallow: /repository.overheid.nl/frbr/officielepublicaties/ah-tk/20182019/\n")]
        # the Pegasus answer loses its date everywhere: in the reply line and in the SRU record
        paths = serve_sru(server, PAGE1.replace(
            b"<overheidwetgeving:datumOntvangst>2021-09-13</overheidwetgeving:datumOntvangst>", b""))
        for doc_id, path in paths.items():
            xml = RECORDINGS / "docs" / f"{doc_id}.xml"
            if xml.exists():  # kv-tk-2013Z08797 is recorded as HTML only: its XML is a 404 here too
                server.routes[path] = [Reply(200, xml.read_bytes(), XML, delay=0.15)]
        retry_after, always_503, truncated = "ah-tk-20192020-2237", "kv-tk-2020Z01644", "kv-tk-2014Z09389"
        assert {retry_after, always_503, truncated} <= set(paths)
        server.routes[paths[retry_after]] = [Reply(429, b"slow down", {"Retry-After": "1"}),
                                             Reply(200, (RECORDINGS / "docs" / f"{retry_after}.xml").read_bytes(), XML)]
        server.routes[paths[always_503]] = [Reply(503, b"down")]
        server.routes[paths[truncated]] = [Reply(200, (RECORDINGS / "docs" / f"{truncated}.xml").read_bytes()[:700], XML)]
        # mojibake: the follow-up answer as an upstream that read UTF-8 as latin-1 would pass it on
        follow_up = (RECORDINGS / "docs" / "ah-tk-20212022-472.xml").read_text(encoding="utf-8")
        head, _, rest = follow_up.partition("<kamervragen>")
        server.routes[paths["ah-tk-20212022-472"]] = [
            Reply(200, (head + "<kamervragen>" + rest.encode("utf-8").decode("latin-1")).encode("utf-8"), XML)]
        undated = (RECORDINGS / "docs" / "ah-tk-20202021-4028.xml").read_bytes()
        undated = re.sub(rb" \(ontvangen <datum[^>]*>[^<]*</datum>\)", b"", undated)
        server.routes[paths["ah-tk-20202021-4028"]] = [Reply(200, undated, XML)]
        env = {"KAMERWACHT_KOOP_SRU_URL": server.base + "/sru", "KAMERWACHT_DOWNLOAD_DELAY": "0",
               "KAMERWACHT_CONTACT_URL": "https://example.org/kamerwacht-contact"}
        proc = run_cli(["crawl", "officielebekendmakingen", "--log-level", "INFO"], data, env=env, check=False)
        yield {"data": data, "server": server, "paths": paths, "proc": proc, "env": env,
               "retry_after": retry_after, "always_503": always_503, "truncated": truncated}


def test_crawl_completes(crawl):
    assert crawl["proc"].returncode == 0, crawl["proc"].stderr[-3000:]


def test_user_agent_and_robots(crawl):
    server = crawl["server"]
    assert server.hits[0].path == "/robots.txt"
    assert all("Kamerwacht" in h.headers.get("User-Agent", "") and "example.org/kamerwacht-contact" in h.headers["User-Agent"]
               for h in server.hits)
    blocked = crawl["paths"]["ah-tk-20182019-3605"]
    assert server.hits_for(blocked) == []  # never requested
    store = Store(crawl["data"] / "kamerwacht.sqlite")
    reasons = {e.doc_id: e.reason for e in store.quarantined()}
    store.close()
    assert reasons["ah-tk-20182019-3605"] == "not fetched: Forbidden by robots.txt"


def test_at_most_two_requests_in_flight(crawl):
    assert 1 <= crawl["server"].max_in_flight <= 2


def test_retries_503_and_honours_retry_after(crawl):
    server = crawl["server"]
    hits = server.hits_for(crawl["paths"][crawl["retry_after"]])
    assert len(hits) == 2 and hits[1].at - hits[0].at >= 0.95  # waited as asked
    assert len([h for h in server.hits_for("/sru") if h.query.get("startRecord") == "1"]) >= 3  # 2 x 503, then pages
    store = Store(crawl["data"] / "kamerwacht.sqlite")
    assert store.get_record("2020Z04331").status == "postponed"  # the 429'd document made it in
    store.close()


def test_quarantine_reasons(crawl):
    server = crawl["server"]
    assert len(server.hits_for(crawl["paths"][crawl["always_503"]])) == 5  # 1 + RETRY_TIMES
    store = Store(crawl["data"] / "kamerwacht.sqlite")
    reasons = {e.doc_id or e.url: e.reason for e in store.quarantined()}
    # the XML kept failing after the retries; the HTML fallback is not on the server either
    assert reasons[crawl["always_503"]] == (f"{crawl['always_503']}: HTTP 503 for the xml manifestation;"
                                            " HTTP 404 for the html manifestation")
    assert reasons[crawl["truncated"]].startswith("truncated or malformed document XML")
    assert any("has zero records although numberOfRecords=18" in r for r in reasons.values())
    assert reasons["ah-tk-20212022-472"].startswith("mojibake")
    assert reasons["ah-tk-20202021-4028"] == ("ah-tk-20202021-4028: answer without a received date (no '(ontvangen ...)'"
                                              " in the reply line and no datumOntvangst in the metadata)")
    # and the rest of the crawl went on: the Clearview 2020 and 2021 threads and the Pegasus question
    assert {r.id for r in store.iter_records()} == {"2020Z04331", "ah-tk-20212022-105", "2021Z13971"}
    pegasus = store.get_record("2021Z13971")
    # the question's metadata says it was answered; the answer itself is in quarantine, so no date is guessed
    assert pegasus.status == "answered" and pegasus.answered_on is None
    assert (pegasus.documents[-1].id, pegasus.documents[-1].fetched) == ("ah-tk-20202021-4028", False)
    store.close()


def test_zero_documents_after_a_good_run_fails_loudly(crawl):
    with FixtureServer() as server:
        start = REAL_SRU.index(b"<sru:records>")
        end = REAL_SRU.index(b"</sru:records>") + len(b"</sru:records>")
        empty = (REAL_SRU[:start] + REAL_SRU[end:]).replace(b"<sru:numberOfRecords>3<", b"<sru:numberOfRecords>0<")
        server.routes["/sru"] = [Reply(200, empty, XML)]
        env = dict(crawl["env"], KAMERWACHT_KOOP_SRU_URL=server.base + "/sru")
        proc = run_cli(["crawl", "officielebekendmakingen", "--full"], crawl["data"], env=env, check=False)
    assert proc.returncode != 0
    assert "zero documents this run" in proc.stderr + proc.stdout
    store = Store(crawl["data"] / "kamerwacht.sqlite")
    assert store.last_run("officielebekendmakingen")["outcome"].startswith("failed: zero documents")
    assert store.count_records() == 3  # nothing already stored is lost
    store.close()


def test_incremental_run_from_watermark_keeps_what_is_stored(tmp_path):
    def setup(server, broken: str | None = None):
        paths = serve_sru(server, PAGE1, first_failures=0)
        for doc_id, path in paths.items():
            xml = RECORDINGS / "docs" / f"{doc_id}.xml"
            if xml.exists():
                body = xml.read_bytes()
                server.routes[path] = [Reply(200, body[:600] if doc_id == broken else body, XML)]

    with FixtureServer() as server:
        setup(server)
        env = {"KAMERWACHT_KOOP_SRU_URL": server.base + "/sru", "KAMERWACHT_DOWNLOAD_DELAY": "0"}
        run_cli(["crawl", "officielebekendmakingen"], tmp_path, env=env)
        first_query = server.hits_for("/sru")[0].query["query"]
    assert "dt.modified" not in first_query and 'dt.date>="2008-01-01"' in first_query
    store = Store(tmp_path / "kamerwacht.sqlite")
    watermark = store.last_run("officielebekendmakingen")["watermark"]
    before = store.record_json("2021Z13971")
    answer_before = store.get_document("ah-tk-20202021-4028")
    store.close()
    modified = sorted(re.findall(rb"<dcterms:modified>([^<]+)<", PAGE1))[-1].decode()
    assert watermark == modified

    with FixtureServer() as server:
        setup(server, broken="ah-tk-20202021-4028")  # the Pegasus answer now arrives cut off
        env["KAMERWACHT_KOOP_SRU_URL"] = server.base + "/sru"
        run_cli(["crawl", "officielebekendmakingen"], tmp_path, env=env)
        second_query = server.hits_for("/sru")[0].query["query"]
    assert f'dt.modified>="{watermark}"' in second_query and "dt.date>=" not in second_query
    store = Store(tmp_path / "kamerwacht.sqlite")
    after = store.record_json("2021Z13971")
    # the stored answer is not lost: same record (only the re-fetched question's fetch time moved) ...
    assert {k: v for k, v in after.items() if k != "provenance"} == {k: v for k, v in before.items() if k != "provenance"}
    assert store.get_document("ah-tk-20202021-4028") == answer_before  # ... and the answer's bytes pointer is the old one
    [q] = [e for e in store.quarantined() if e.doc_id == "ah-tk-20202021-4028"]
    assert q.reason.startswith("truncated or malformed document XML") and q.warc_file
    store.close()
