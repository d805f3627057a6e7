"""`kamerwacht index|reindex --backend elasticsearch`: the store's records into versioned
indices behind the alias, the site's backend switched by the environment, and a clear error when
the cluster cannot be reached. Runs against the noida-db emulator unless ELASTICSEARCH_URL is
set (tests/conftest.py)."""

import socket

import pytest

from archive.settings import Settings
from search.factory import open_engine
from search.model import SearchQuery
from tests.conftest import ES_MARK, REPO, es_prefix, run_cli

SENAAT = REPO / "data" / "recordings" / "senaat"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("es-cli")
    run_cli(["crawl", "senaat", "--replay", str(SENAAT)], data)
    return data


@ES_MARK
def test_index_then_reindex_on_elasticsearch(crawled, es_env):
    env = {**es_env, "KAMERWACHT_ES_INDEX_PREFIX": es_prefix(crawled)}
    out = run_cli(["index", "--backend", "elasticsearch"], crawled, env=env)
    assert "indexed 10 records" in out.stdout and "the index holds 10" in out.stdout
    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(crawled), "KAMERWACHT_SEARCH_BACKEND": "elasticsearch",
                                  **env})
    engine = open_engine(settings, read_only=True)
    try:
        [first] = engine.live_indices()
        assert engine.search(SearchQuery(q="reconnaissance faciale")).total >= 2
        out = run_cli(["reindex", "--backend", "elasticsearch"], crawled, env=env)
        assert "rebuilt the index with 10 records" in out.stdout
        [second] = engine.live_indices()
        assert second != first and engine.count() == 10
    finally:
        engine.close()


def test_an_unreachable_cluster_is_a_clear_error(crawled):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = run_cli(["index", "--backend", "elasticsearch"], crawled,
                   env={"ELASTICSEARCH_URL": f"http://127.0.0.1:{port}"}, check=False)
    assert proc.returncode == 1
    assert f"cannot reach Elasticsearch at http://127.0.0.1:{port}" in proc.stderr
    assert "Traceback" not in proc.stderr
