"""Fixtures for the search engine contract suite, parametrised over backends.

A backend joins the suite by adding its name to BACKENDS, with whatever it needs started by a
fixture (``backend_env``: the Elasticsearch backend needs a server, tests/conftest.py ``es_env``). Every engine is opened
through search.factory.open_engine, as the command line and the web open it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.settings import Settings
from search.engine import SearchEngine
from search.factory import open_engine
from tests.conftest import ES_MARK, ES_MODE, es_prefix
from tests.search.corpus import CORPUS

# The Elasticsearch backend runs against the noida-db emulator ("emulator" tests), or against the
# real cluster at ELASTICSEARCH_URL ("real_es"): see tests/conftest.py.
BACKENDS = ["embedded", pytest.param("elasticsearch", marks=ES_MARK, id=f"elasticsearch-{ES_MODE}")]


def open_backend(backend: str, data_dir: Path, *, read_only: bool, env: dict[str, str] | None = None) -> SearchEngine:
    values = {"KAMERWACHT_DATA_DIR": str(data_dir), "KAMERWACHT_SEARCH_BACKEND": backend}
    if backend == "elasticsearch":
        values.update(env or {})
        values["KAMERWACHT_ES_INDEX_PREFIX"] = es_prefix(data_dir)
    return open_engine(Settings.from_env(values), read_only=read_only)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def backend_env(backend, request) -> dict[str, str]:
    """What opening the backend needs (the Elasticsearch URL; nothing for the embedded one)."""
    return request.getfixturevalue("es_env") if backend == "elasticsearch" else {}


@pytest.fixture(scope="module")
def corpus_dir(backend, backend_env, tmp_path_factory) -> Path:
    """A data dir whose index holds the corpus (written once per module and backend)."""
    data_dir = tmp_path_factory.mktemp(f"search-{backend}")
    writer = open_backend(backend, data_dir, read_only=False, env=backend_env)
    try:
        assert writer.upsert(CORPUS) == len(CORPUS)
    finally:
        writer.close()
    return data_dir


@pytest.fixture(scope="module")
def engine(backend, backend_env, corpus_dir):
    """A read-only engine over the corpus, as the web opens it."""
    opened = open_backend(backend, corpus_dir, read_only=True, env=backend_env)
    yield opened
    opened.close()


@pytest.fixture
def writer(backend, backend_env, tmp_path):
    """A writable engine over an empty index of its own (for tests that change the index)."""
    opened = open_backend(backend, tmp_path, read_only=False, env=backend_env)
    yield opened
    opened.close()


@pytest.fixture
def reader_for(backend, backend_env, tmp_path):
    """Opens read-only engines on the same index as ``writer`` (closed at the end)."""
    opened: list[SearchEngine] = []

    def open_reader() -> SearchEngine:
        engine = open_backend(backend, tmp_path, read_only=True, env=backend_env)
        opened.append(engine)
        return engine

    yield open_reader
    for engine in opened:
        engine.close()
