"""Behaviour specific to the embedded (tantivy) backend: versioned directories, the writer
lock, read-only engines, visibility across processes. The engine contract is in
test_contract.py."""

from __future__ import annotations

import copy
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive.settings import Settings
from search.embedded import (
    CURRENT,
    EmbeddedEngine,
    IndexBusyError,
    IndexCorruptError,
    ReadOnlyError,
)
from search.factory import BackendUnavailableError, open_engine
from search.indexer import index_records
from search.model import SearchQuery
from tests.search.corpus import BY_ID, CORPUS

REPO = Path(__file__).resolve().parents[2]


def versions(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.iterdir() if p.is_dir() and p.name.startswith("v"))


def test_factory_opens_the_embedded_engine_under_the_settings_index_dir(tmp_path):
    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(tmp_path)})
    engine = open_engine(settings, read_only=False)
    try:
        assert isinstance(engine, EmbeddedEngine)
        assert engine.index_dir == tmp_path / "index"
        assert (tmp_path / "index" / CURRENT).is_file()
    finally:
        engine.close()


def test_factory_says_clearly_when_elasticsearch_cannot_be_reached(tmp_path):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(tmp_path), "KAMERWACHT_SEARCH_BACKEND": "elasticsearch",
                                  "ELASTICSEARCH_URL": f"http://127.0.0.1:{port}"})
    with pytest.raises(BackendUnavailableError, match=f"cannot reach Elasticsearch at http://127.0.0.1:{port}"):
        open_engine(settings)


def test_factory_refuses_an_unknown_backend(tmp_path):
    settings = Settings.from_env({"KAMERWACHT_DATA_DIR": str(tmp_path)})
    settings = type(settings)(**{**settings.__dict__, "search_backend": "solr"})
    with pytest.raises(BackendUnavailableError, match="unknown search backend 'solr'"):
        open_engine(settings)


def test_read_only_engine_without_an_index_is_empty_until_one_appears(tmp_path):
    reader = EmbeddedEngine(tmp_path, read_only=True)
    assert reader.count() == 0
    assert reader.search(SearchQuery(q="Clearview")).total == 0
    assert reader.get("2020Z04331") is None
    assert list(reader.iter_records()) == []
    writer = EmbeddedEngine(tmp_path, read_only=False)
    writer.upsert(CORPUS)
    assert reader.count() == len(CORPUS)
    writer.close()
    reader.close()


def test_read_only_engine_refuses_writes(tmp_path):
    EmbeddedEngine(tmp_path, read_only=False).close()
    reader = EmbeddedEngine(tmp_path, read_only=True)
    with pytest.raises(ReadOnlyError):
        reader.upsert(CORPUS[:1])
    with pytest.raises(ReadOnlyError):
        reader.delete("2020Z04331")
    with pytest.raises(ReadOnlyError):
        reader.rebuild(CORPUS)
    reader.close()


def test_one_writer_at_a_time(tmp_path):
    writer = EmbeddedEngine(tmp_path, read_only=False)
    with pytest.raises(IndexBusyError, match="another process"):
        EmbeddedEngine(tmp_path, read_only=False)
    EmbeddedEngine(tmp_path, read_only=True).close()  # readers are never blocked
    writer.close()
    EmbeddedEngine(tmp_path, read_only=False).close()  # the lock is released on close


def test_rebuild_writes_a_new_version_and_keeps_only_the_previous_one(tmp_path):
    writer = EmbeddedEngine(tmp_path, read_only=False)
    first = versions(tmp_path)
    writer.rebuild(CORPUS)
    second = versions(tmp_path)
    assert len(second) == 2 and first[0] in second
    current = (tmp_path / CURRENT).read_text().strip()
    assert current in second and current not in first
    writer.rebuild(CORPUS[:3])
    third = versions(tmp_path)
    assert len(third) == 2 and current in third and first[0] not in third
    assert writer.count() == 3
    writer.close()


def test_failed_rebuild_leaves_the_live_index_alone(tmp_path):
    writer = EmbeddedEngine(tmp_path, read_only=False)
    writer.upsert(CORPUS)
    before = versions(tmp_path)
    broken = copy.deepcopy(CORPUS[1])
    del broken["questions"]

    with pytest.raises(ValueError, match="questions"):
        writer.rebuild([CORPUS[0], broken])
    assert versions(tmp_path) == before
    assert writer.count() == len(CORPUS)
    assert writer.upsert([CORPUS[0]]) == 1  # still writable
    writer.close()


def test_unusable_current_version_is_reported_and_cured_by_a_rebuild(tmp_path):
    EmbeddedEngine(tmp_path, read_only=False).close()
    (tmp_path / CURRENT).write_text("vmissing\n")
    with pytest.raises(IndexCorruptError, match="reindex"):
        EmbeddedEngine(tmp_path, read_only=True)
    writer = EmbeddedEngine(tmp_path, read_only=False)
    with pytest.raises(IndexCorruptError):
        writer.upsert(CORPUS[:1])
    assert writer.rebuild(CORPUS) == len(CORPUS)
    writer.close()
    assert EmbeddedEngine(tmp_path, read_only=True).count() == len(CORPUS)


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, check=True, timeout=120)


def test_writes_and_rebuilds_of_another_process_become_visible(tmp_path):
    writer = EmbeddedEngine(tmp_path, read_only=False)
    writer.upsert(CORPUS[:5])
    writer.close()
    reader = EmbeddedEngine(tmp_path, read_only=True)
    assert reader.count() == 5
    _run(f"""
        from pathlib import Path
        from search.embedded import EmbeddedEngine
        from tests.search.corpus import CORPUS
        engine = EmbeddedEngine(Path({str(tmp_path)!r}), read_only=False)
        engine.upsert(CORPUS[5:8])
        engine.close()
    """)
    assert reader.count() == 8
    assert reader.get(CORPUS[7]["id"]) == CORPUS[7]
    _run(f"""
        from pathlib import Path
        from search.embedded import EmbeddedEngine
        from tests.search.corpus import CORPUS
        engine = EmbeddedEngine(Path({str(tmp_path)!r}), read_only=False)
        engine.rebuild(CORPUS)
        engine.close()
    """)
    assert reader.count() == len(CORPUS)
    assert reader.search(SearchQuery(q="Clearview")).total == 2
    reader.close()


def test_index_records_in_batches_with_progress(tmp_path):
    writer = EmbeddedEngine(tmp_path, read_only=False)
    progress: list[int] = []
    assert index_records(writer, iter(CORPUS), progress=progress.append, batch_size=4) == len(CORPUS)
    assert progress == [4, 8, 12, len(CORPUS)]
    assert writer.count() == len(CORPUS)
    assert index_records(writer, [BY_ID["2020Z04331"]]) == 1  # upsert, not append
    assert writer.count() == len(CORPUS)
    with pytest.raises(ValueError):
        index_records(writer, CORPUS, batch_size=0)
    writer.close()


def test_iter_records_walks_more_than_one_window(tmp_path, monkeypatch):
    from search import embedded

    monkeypatch.setattr(embedded, "ITER_WINDOW", 4)
    writer = EmbeddedEngine(tmp_path, read_only=False)
    writer.upsert(CORPUS)
    writer.upsert(CORPUS[:6])  # replaced records get new sequence numbers: gaps in the walk
    writer.delete(CORPUS[10]["id"])
    walked = [r["id"] for r in writer.iter_records()]
    assert sorted(walked) == sorted(r["id"] for r in CORPUS if r["id"] != CORPUS[10]["id"])
    writer.close()
