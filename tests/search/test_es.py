"""The Elasticsearch backend beyond the shared contract suite.

* The mapping and the request bodies as plain JSON, with no server at all.
* Index management against a server: the noida-db emulator by default ("emulator" tests), or
  the real cluster at ELASTICSEARCH_URL ("real_es"); see tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from archive.settings import Settings
from archive.vocabulary import default_vocabulary
from search import es_mapping, es_query, schema
from search.model import SearchQuery
from search.query import parse
from tests.conftest import ES_MARK, es_prefix
from tests.search.corpus import BY_ID, CORPUS

VOCABULARY = default_vocabulary()


# --- the mapping, no server --------------------------------------------------------------------

def test_every_schema_field_is_mapped_and_nothing_else():
    mapping = es_mapping.mappings()
    assert mapping["dynamic"] == "strict"
    assert set(mapping["properties"]) == {f.name for f in schema.FIELDS}
    for f in schema.FIELDS:
        declared = mapping["properties"][f.name]
        expected = {"keyword": "keyword", "date": "date", "text": "text", "stored": "object"}[f.kind]
        assert declared["type"] == expected, f.name
    assert mapping["properties"]["record"] == {"type": "object", "enabled": False}  # returned, not indexed
    assert mapping["_meta"]["mapping_version"] == es_mapping.mapping_version()


def test_text_fields_have_their_language_exact_phrases_and_completion():
    props = es_mapping.mappings()["properties"]
    assert (props["title"]["analyzer"], props["title"]["search_analyzer"]) == ("kw_nl", "kw_nl_search")
    assert (props["text_fr"]["analyzer"], props["text_fr"]["search_analyzer"]) == ("kw_fr", "kw_fr_search")
    for name in ("title", "title_fr", "text", "text_fr", "names"):
        assert props[name]["fields"]["exact"] == {"type": "text", "analyzer": "kw_exact"}
    assert props["parts"] == {"type": "text", "analyzer": "kw_nl"}  # parts split in Python (search/analysis.py)
    assert props["spell"]["analyzer"] == "kw_plain"  # titles and names, unstemmed
    assert props["spell"]["fields"]["complete"] == {"type": "search_as_you_type", "analyzer": "kw_exact"}


def test_analyzer_chains_match_the_embedded_ones():
    analysis = es_mapping.index_settings(VOCABULARY)["analysis"]
    assert analysis["tokenizer"]["kw_words"] == {"type": "pattern", "pattern": r"[^\p{L}\p{N}]+"}
    chain = ["kw_long", "lowercase", "asciifolding", "kw_letters"]
    assert analysis["analyzer"]["kw_nl"]["filter"] == chain + ["kw_nl_stem"]
    assert analysis["analyzer"]["kw_fr"]["filter"] == chain + ["kw_fr_stem"]
    assert analysis["analyzer"]["kw_exact"]["filter"] == chain
    assert analysis["analyzer"]["kw_nl_search"]["filter"] == chain + ["kw_nl_synonyms", "kw_nl_stem"]
    assert analysis["filter"]["kw_nl_stem"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["kw_long"]["max"] == 60 and "s" in analysis["filter"]["kw_letters"]["stopwords"]


def test_synonyms_come_from_the_vocabulary_aliases_of_each_language():
    nl = es_mapping.synonyms(VOCABULARY, "nl")
    fr = es_mapping.synonyms(VOCABULARY, "fr")
    assert "gelaatsherkenning, gezichtsherkenning, gezichtsscan, gezichtsvergelijking" in nl
    assert any(rule.startswith("identification faciale") and "reconnaissance faciale" in rule for rule in fr)
    anpr = next(rule for rule in nl if "kentekenherkenning" in rule)
    assert "anpr" in anpr.split(", ") and "trajectcontrole" in anpr.split(", ")
    # A case-sensitive acronym ("CATCH", never the English word "catch") is no free-text synonym.
    assert not any("catch" in rule.split(", ") for rule in nl)


def test_mapping_version_follows_the_declaration(monkeypatch):
    before = es_mapping.mapping_version()
    assert before == es_mapping.mapping_version() and len(before) == 10
    es_mapping.mapping_version.cache_clear()
    monkeypatch.setattr(es_mapping, "synonyms", lambda vocabulary, language: ["a1, b1"])
    try:
        assert es_mapping.mapping_version() != before
    finally:
        es_mapping.mapping_version.cache_clear()


def test_the_document_holds_the_shared_schema_values():
    record = BY_ID["ah-tk-20212022-105"]
    doc = es_mapping.es_document(record)
    assert set(doc) == {f.name for f in schema.FIELDS}
    assert doc["record"] == record and doc["asked_on"] == "2021-08-27"
    values = schema.document_for(record)
    for name in ("title", "text", "names", "parts", "tool", "minister", "party", "sort_newest"):
        assert doc[name] == values[name]
    json.dumps(doc)  # all JSON


# --- request bodies, no server -----------------------------------------------------------------

def body(**kw):
    query = SearchQuery(**kw).validated()
    return es_query.search_body(query, parse(query.q), VOCABULARY)


def test_a_word_is_a_phrase_on_every_searched_field_with_its_weight():
    q = body(q="politie")["query"]["bool"]["must"][0]
    fields = {next(iter(c["match_phrase"])): next(iter(c["match_phrase"].values()))["boost"]
              for c in q["bool"]["should"]}
    assert fields == {f.name: f.boost for f in schema.SEARCHED_FIELDS}


def test_an_exact_phrase_uses_the_unstemmed_fields_and_never_the_parts():
    q = body(q='"minister van Justitie"')["query"]["bool"]["must"][0]
    fields = [next(iter(c["match_phrase"])) for c in q["bool"]["should"]]
    assert fields == ["title.exact", "title_fr.exact", "text.exact", "text_fr.exact", "names.exact"]


def test_and_or_not():
    q = body(q="politie (drones OR camera) -Clearview")["query"]["bool"]["must"][0]["bool"]
    assert len(q["must"]) == 2 and "should" in q["must"][1]["bool"] and len(q["must_not"]) == 1
    only_not = body(q="-politie")["query"]["bool"]["must"][0]
    assert only_not == {"bool": {"must_not": [es_query.leaf("politie", phrase=False)]}}


def test_words_analysis_drops_are_dropped_and_nothing_left_matches_nothing():
    assert body(q="politie ?")["query"]["bool"]["must"][0] == es_query.leaf("politie", phrase=False)
    assert body(q="?? !!")["query"]["bool"]["must"][0] == es_query.MATCH_NONE


def test_a_tool_name_also_matches_the_tagged_records():
    q = body(q="reconnaissance faciale")["query"]["bool"]["must"][0]
    tagged = q["bool"]["should"][1]["constant_score"]
    assert tagged["filter"]["bool"]["filter"] == [{"term": {"tool": "facial-recognition"}}]
    assert tagged["boost"] == schema.TOOL_MATCH_BOOST
    assert "constant_score" not in json.dumps(body(q="reconnaissance faciale politie")["query"])


def test_filters_go_to_post_filter_and_each_facet_leaves_out_its_own():
    b = body(filters={"status": ("open", "late"), "tool": ("anpr",), "provenance": ("recorded",)},
             date_from=dt.date(2020, 1, 1))
    assert b["query"] == {"bool": {"filter": [{"range": {"asked_on": {"gte": "2020-01-01"}}}]}}
    assert {"terms": {"status": ["open", "late"]}} in b["post_filter"]["bool"]["filter"]
    status_filter = b["aggs"]["status"]["filter"]["bool"]["filter"]
    assert {"terms": {"tool": ["anpr"]}} in status_filter and all("status" not in c["terms"] for c in status_filter)
    assert {"terms": {"provenance": ["recorded"]}} in status_filter  # hidden filters count everywhere
    assert b["aggs"]["year"]["aggs"]["values"]["date_histogram"]["calendar_interval"] == "year"
    assert b["aggs"]["minister"]["aggs"]["values"]["terms"]["field"] == "minister"


def test_the_minister_filter_uses_ids_and_names():
    assert body(filters={"minister": ("nl-ferd-grapperhaus",)})["post_filter"]["bool"]["filter"] == [
        {"terms": {"minister_key": ["nl-ferd-grapperhaus"]}}]


def test_sort_and_paging():
    b = body(q="politie", page=3, per_page=20)
    assert b["sort"] == [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    assert (b["from"], b["size"], b["track_total_hits"]) == (40, 20, True)
    assert body(sort="oldest")["sort"] == [{"sort_oldest": {"order": "asc"}}]
    assert body(q="-politie")["sort"] == [{"sort_newest": {"order": "asc"}}]  # nothing to rank by: newest
    assert "aggs" not in body(q="politie", facets=False)


def test_fuzzy_uses_the_embedded_edit_distances():
    q = es_query.translate(parse("clearveiw"), fuzzy=True)
    match = q["bool"]["should"][0]["match"]["title"]
    assert match["fuzziness"] == "AUTO:4,6" and match["operator"] == "and"
    assert {next(iter(c["match"])) for c in q["bool"]["should"]} == set(schema.FUZZY_FIELDS)


def test_count_applies_every_filter():
    query = SearchQuery(q="politie", filters={"country": ("BE",)}).validated()
    b = es_query.count_body(query, parse(query.q), VOCABULARY)
    assert b["query"]["bool"]["filter"] == [{"terms": {"country": ["BE"]}}]


# --- index management on a server (emulator or real cluster) -------------------------------------

@pytest.fixture
def es_settings(es_env, tmp_path):
    return Settings.from_env({"KAMERWACHT_DATA_DIR": str(tmp_path), "KAMERWACHT_SEARCH_BACKEND": "elasticsearch",
                              "KAMERWACHT_ES_INDEX_PREFIX": es_prefix(tmp_path), **es_env})


@pytest.fixture
def es_engine(es_settings):
    from search.es_backend import ElasticsearchEngine

    engine = ElasticsearchEngine(es_settings, read_only=False)
    yield engine
    for index in engine._own_indices():
        engine.client.indices.delete(index=index, ignore_unavailable=True)
    engine.close()


@ES_MARK
def test_rebuild_moves_the_alias_atomically_and_removes_the_old_index(es_engine):
    es_engine.upsert(CORPUS[:3])
    [first] = es_engine.live_indices()
    assert first.startswith(f"{es_engine.alias}-{es_mapping.mapping_version()}-")
    assert es_engine.rebuild(CORPUS) == len(CORPUS)
    [second] = es_engine.live_indices()
    assert second != first and es_engine._own_indices() == [second]
    assert es_engine.count() == len(CORPUS)


@ES_MARK
def test_a_failed_rebuild_leaves_the_live_index_alone(es_engine):
    es_engine.upsert(CORPUS[:3])
    [live] = es_engine.live_indices()

    def broken():
        yield CORPUS[0]
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError, match="went away"):
        es_engine.rebuild(broken())
    assert es_engine.live_indices() == [live] and es_engine._own_indices() == [live]
    assert es_engine.count() == 3


@ES_MARK
def test_an_index_with_another_mapping_is_stale(es_engine):
    assert es_engine.stale_mapping() is None  # nothing yet
    name = f"{es_engine.alias}-0000000000-old"
    es_engine.client.indices.create(index=name, mappings={"_meta": {"mapping_version": "0000000000"},
                                                          "properties": {"id": {"type": "keyword"}}})
    es_engine.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": es_engine.alias}}])
    assert "has mapping 0000000000" in es_engine.stale_mapping()
    es_engine.rebuild(CORPUS[:2])
    assert es_engine.stale_mapping() is None and name not in es_engine._own_indices()


@ES_MARK
def test_refused_documents_are_listed_not_skipped(es_engine, monkeypatch):
    real = es_mapping.es_document

    def with_unknown_field(record):
        doc = real(record)
        if record["id"] == "2017Z00001":
            doc["colour"] = "red"  # the mapping is strict
        return doc

    monkeypatch.setattr(es_mapping, "es_document", with_unknown_field)
    from search.es_backend import IndexingError

    with pytest.raises(IndexingError) as caught:
        es_engine.upsert(CORPUS)
    assert [rid for rid, _ in caught.value.failures] == ["2017Z00001"]
    assert "colour" in caught.value.failures[0][1]
    assert es_engine.count() == len(CORPUS) - 1  # the others are in


@ES_MARK
def test_iter_records_walks_past_one_window(es_engine, monkeypatch):
    from search import es_backend

    monkeypatch.setattr(es_backend, "ITER_WINDOW", 3)
    es_engine.upsert(CORPUS)
    ids = [r["id"] for r in es_engine.iter_records()]
    assert sorted(ids) == sorted(r["id"] for r in CORPUS) and len(ids) == len(set(ids))


@ES_MARK
def test_a_read_only_engine_on_an_empty_cluster_answers_empty(es_settings):
    from search.es_backend import ElasticsearchEngine, ReadOnlyError

    reader = ElasticsearchEngine(es_settings, read_only=True)
    try:
        assert reader.count() == 0 and reader.search(SearchQuery(q="Clearview")).total == 0
        assert list(reader.iter_records()) == [] and reader.get("x") is None
        with pytest.raises(ReadOnlyError):
            reader.upsert(CORPUS[:1])
    finally:
        reader.close()


def test_a_cluster_of_another_major_version_is_refused():
    from search.es_backend import check_cluster
    from search.factory import BackendUnavailableError

    class Seven:
        def info(self):
            return {"version": {"number": "7.17.9"}}

    with pytest.raises(BackendUnavailableError, match="version 7.17.9; this backend needs 8.x"):
        check_cluster(Seven(), "https://es.example:9200")


# --- bulk retries on 429, against a scripted HTTP server ----------------------------------------

def test_bulk_retries_documents_the_cluster_rejects_with_429(tmp_path):
    """A cluster under load answers 429 for some documents of a bulk request; they are sent
    again after a back-off, and the upsert succeeds (elasticsearch.helpers.streaming_bulk)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from elasticsearch import Elasticsearch

    from search.es_backend import ElasticsearchEngine

    bulks: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _reply(self, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._reply({"version": {"number": "8.15.3"}, "tagline": "You Know, for Search"})

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            if "_bulk" not in self.path:
                self._reply({})
                return
            actions = [json.loads(line) for line in body.splitlines()[::2] if line.strip()]
            first = not bulks
            bulks.append(len(actions))
            status = 429 if first else 201
            items = [{"index": {"_index": "x", "_id": a["index"]["_id"], "status": status,
                                **({"error": {"type": "es_rejected_execution_exception", "reason": "queue full"}}
                                   if first else {})}} for a in actions]
            self._reply({"took": 1, "errors": first, "items": items})

        do_PUT = do_POST  # the client sends bulk requests as PUT

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(tmp_path), "ELASTICSEARCH_URL": url})
        engine = ElasticsearchEngine(settings, read_only=False, client=Elasticsearch(url))
        assert engine._bulk("x", CORPUS[:4]) == 4
        assert bulks == [4, 4]  # rejected as a whole, sent again, accepted
    finally:
        server.shutdown()
