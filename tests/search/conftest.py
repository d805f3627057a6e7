"""Fixtures for the search engine contract suite, parametrised over backends.

A backend joins the suite by adding its name to BACKENDS (the Elasticsearch issue adds
"elasticsearch", with whatever it needs started in ``open_backend``). Every engine is opened
through search.factory.open_engine, as the command line and the web open it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.settings import Settings
from search.engine import SearchEngine
from search.factory import open_engine
from tests.search.corpus import CORPUS

BACKENDS = ["embedded"]


def open_backend(backend: str, data_dir: Path, *, read_only: bool) -> SearchEngine:
    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(data_dir), "KAMERWACHT_SEARCH_BACKEND": backend})
    return open_engine(settings, read_only=read_only)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def corpus_dir(backend, tmp_path_factory) -> Path:
    """A data dir whose index holds the corpus (written once per module and backend)."""
    data_dir = tmp_path_factory.mktemp(f"search-{backend}")
    writer = open_backend(backend, data_dir, read_only=False)
    try:
        assert writer.upsert(CORPUS) == len(CORPUS)
    finally:
        writer.close()
    return data_dir


@pytest.fixture(scope="module")
def engine(backend, corpus_dir):
    """A read-only engine over the corpus, as the web opens it."""
    opened = open_backend(backend, corpus_dir, read_only=True)
    yield opened
    opened.close()


@pytest.fixture
def writer(backend, tmp_path):
    """A writable engine over an empty index of its own (for tests that change the index)."""
    opened = open_backend(backend, tmp_path, read_only=False)
    yield opened
    opened.close()


@pytest.fixture
def reader_for(backend, tmp_path):
    """Opens read-only engines on the same index as ``writer`` (closed at the end)."""
    opened: list[SearchEngine] = []

    def open_reader() -> SearchEngine:
        engine = open_backend(backend, tmp_path, read_only=True)
        opened.append(engine)
        return engine

    yield open_reader
    for engine in opened:
        engine.close()
