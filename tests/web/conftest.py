"""An app over a real index: the records of a replay crawl of every source's bundled recordings
(run by the kamerwacht CLI in a subprocess, as in production) plus one constructed XSS record, indexed with
search.indexer.index_records into the embedded engine. Built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.settings import Settings
from archive.store import Store
from tests.conftest import crawl_recordings
from tests.web.xss_record import XSS_RECORD


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from search.factory import open_engine
    from search.indexer import index_records

    data_dir = tmp_path_factory.mktemp("web-data")
    crawl_recordings(data_dir)
    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(data_dir)})
    store = Store(settings.store_path)
    try:
        records = list(store.iter_record_json())
    finally:
        store.close()
    assert len(records) >= 10, f"the replay crawl gave {len(records)} records"
    engine = open_engine(settings, read_only=False)
    try:
        index_records(engine, [*records, XSS_RECORD])
    finally:
        engine.close()
    return settings


@pytest.fixture(scope="session")
def app(web_settings: Settings):
    from web import create_app

    return create_app({"SETTINGS": web_settings, "STATS_TTL": 0})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def stored_records(web_settings: Settings) -> dict[str, dict]:
    store = Store(Path(web_settings.store_path))
    try:
        return {r["id"]: r for r in store.iter_record_json()}
    finally:
        store.close()
