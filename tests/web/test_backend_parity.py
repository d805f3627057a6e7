"""The site and the API on both backends, on the demo data (every source's recordings, crawled
as `make run` does): the same searches give the same records, in the same order. Where the two
analyses differ, the difference is asserted here and explained, so a change shows.

The Elasticsearch side runs against the noida-db emulator unless ELASTICSEARCH_URL is set (then
against that cluster): see tests/conftest.py."""

from __future__ import annotations

import pytest

from archive.settings import Settings
from archive.store import Store
from tests.conftest import ES_MARK, es_prefix

pytestmark = ES_MARK

# Searches a journalist runs, in both languages, with filters and the query syntax.
QUERIES = [
    "q=Clearview",
    "q=gezichtsherkenning",
    "q=reconnaissance+faciale",
    "q=Pegasus",
    "q=logiciel+espion",
    "q=ANPR",
    "q=camera",
    "q=drones",
    "q=bodycams",
    "q=politie+Clearview",
    "q=%22minister+van+Justitie%22",
    "q=Grapperhaus",
    "q=Clearview+-uitgeprobeerd",
    "q=drones+OR+Pegasus",
    "q=vragen",
    "q=toezicht",
    "q=cam%C3%A9ras",
    "q=clearveiw",
    "country=BE",
    "country=BE&status=answered",
    "tool=anpr&tool=cctv",
    "party=sp.a",
    "minister=be-rudi-vervoort",
    "parliament=Belgische+Senaat&sort=oldest",
    "q=Clearview&sort=newest",
    "lang=fr",
    "date_from=2021-01-01&date_to=2021-12-31",
]


@pytest.fixture(scope="module")
def apps(web_settings, es_env):
    from search.factory import open_engine
    from web import create_app

    es_settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(web_settings.data_dir),
                                     "KAMERWACHT_SEARCH_BACKEND": "elasticsearch",
                                     "KAMERWACHT_ES_INDEX_PREFIX": es_prefix(web_settings.data_dir), **es_env})
    store = Store(web_settings.store_path)
    try:
        records = list(store.iter_record_json())
    finally:
        store.close()
    writer = open_engine(es_settings, read_only=False)
    try:
        writer.rebuild(records)
    finally:
        writer.close()
    embedded = create_app({"SETTINGS": web_settings, "STATS_TTL": 0}).test_client()
    elastic = create_app({"SETTINGS": es_settings, "STATS_TTL": 0}).test_client()
    return embedded, elastic, {r["id"] for r in records}


def results(client, params):
    body = client.get(f"/api/v1/search?per_page=100&{params}").get_json()
    return body["total"], [r["id"] for r in body["results"]], body


# Both backends find the same records for every query (same totals, same sets, same "did you
# mean"). Records sorted by date or listed by filters come in the same order. Ranked by
# relevance, the order can differ: the first hit differs on these queries, and why:
FIRST_HIT_DIFFERS = {
    # Elasticsearch expands a tool's aliases at search time (synonym_graph): a record whose text
    # says several of them scores higher there. 5-3751 says "gezichtsscan" and "gezichtsherkenning".
    "q=gezichtsherkenning": "synonyms: gezichtsscan, gelaatsherkenning, gezichtsvergelijking",
    # n°899 (Brussels) says "logiciel espion" and "logiciels espions" and "Pegasus".
    "q=logiciel+espion": "synonyms of the French spyware aliases",
    # 5-8890 says "trajectcontrole" and "ANPR-camera's": both aliases of ANPR.
    "q=ANPR": "synonyms: kentekenherkenning, trajectcontrole, nummerplaatherkenning",
    # Scoring: Lucene's BM25 and tantivy's differ in how they encode field lengths and in the
    # stems they count (Lucene's classic Dutch stemmer and light French stemmer, tantivy's
    # Snowball 3 Dutch and Snowball French), so close scores swap.
    "q=camera": "BM25 field-length norms and stems",
    "q=toezicht": "BM25 field-length norms and stems",
    "q=cam%C3%A9ras": "French stems: light_french (Lucene) vs Snowball French (tantivy)",
}


def overlap(a: list[str], b: list[str], n: int) -> int:
    return len(set(a[:n]) & set(b[:n]))


@pytest.mark.parametrize("params", QUERIES)
def test_the_api_answers_alike_on_both_backends(apps, params):
    embedded, elastic, stored = apps
    total_e, ids_e, body_e = results(embedded, params)
    total_s, ids_s, body_s = results(elastic, params)
    xss = [i for i in ids_e if i not in stored]  # the web fixture's extra XSS record is embedded-only
    ids_e = [i for i in ids_e if i in stored]
    total_e -= len(xss)
    assert set(ids_s) == set(ids_e) and total_s == total_e
    assert body_s["suggestion"] == body_e["suggestion"] and body_s["fuzzy"] == body_e["fuzzy"]
    ranked = "q=" in params and "sort=" not in params
    if not ranked:
        assert ids_s == ids_e  # by date, or by filters only: the same order
        return
    assert overlap(ids_e, ids_s, 5) >= 3, (ids_e[:5], ids_s[:5])
    assert (ids_s[:1] != ids_e[:1]) == (params in FIRST_HIT_DIFFERS), (params, ids_e[:3], ids_s[:3])


def test_facets_count_alike(apps):
    embedded, elastic, _ = apps
    for params in ("country=BE", "q=Clearview", "q=camera&status=answered"):
        facets_e = results(embedded, params)[2]["facets"]
        facets_s = results(elastic, params)[2]["facets"]
        for name in ("tool", "parliament", "status", "year", "lang", "minister", "party"):
            assert facets_s[name] == facets_e[name], (params, name)


def test_the_same_pages_render_on_elasticsearch(apps):
    _, elastic, _ = apps
    for url in ("/?q=reconnaissance+faciale", "/questions/sv-7-400", "/questions/prb-153438?text=nl",
                "/tools/clearview-ai", "/ministers/be-rudi-vervoort", "/coverage", "/open",
                "/api/v1/questions/prb-153438/related", "/api/v1/export.jsonl"):
        response = elastic.get(url)
        assert response.status_code == 200, url
    page = elastic.get("/questions/prb-153438").get_data(as_text=True)
    assert 'href="/questions/ah-tk-20212022-105"' in page  # the same subject elsewhere, via ES


@pytest.mark.parametrize("q", ["clea", "gezichtsh", "clearview grapp", "recon", "dron"])
def test_completion_finds_the_same_records(apps, q):
    embedded, elastic, stored = apps
    got = [{r["id"] for r in c.get(f"/api/v1/complete?q={q}&limit=20").get_json()["results"]} for c in (embedded, elastic)]
    assert got[0] & stored == got[1] and got[1]
