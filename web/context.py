"""What a request needs, opened once per application context and closed at its teardown.

The search engine and the record store are kept in ``flask.g``, never in module globals: each
worker thread of the WSGI server gets its own handles, a test app its own index, and nothing is
opened at import time. The web never writes: the engine is opened ``read_only`` and the store
through an SQLite ``mode=ro`` connection.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, g

from archive.settings import Settings
from archive.store import Store
from search.engine import SearchEngine
from search.model import SearchQuery
from web.stats import Stats, StatsCache

STATS_KEY = "kamerwacht.stats"
DEMO_KINDS = ("constructed", "abridged")


def settings() -> Settings:
    return current_app.config["SETTINGS"]


def get_engine() -> SearchEngine:
    if "engine" not in g:
        g.engine = current_app.config["ENGINE_FACTORY"](settings())
    return g.engine


def get_store() -> Store | None:
    """The record store, read-only (``mode=ro``); None when nothing was crawled yet (no store
    file): pages say so instead of failing."""
    if "store" not in g:
        path = settings().store_path
        g.store = Store(path, read_only=True) if path.exists() else None
    return g.store


def get_stats() -> Stats:
    cache: StatsCache = current_app.extensions[STATS_KEY]
    return cache.get(get_engine())


def demo_count() -> tuple[int, int]:
    """(records from constructed or abridged recordings, all records): the demo banner shows
    while the first is not zero. Counted by the engine through the hidden provenance filter."""
    engine = get_engine()
    demo = engine.count(SearchQuery(filters={"provenance": DEMO_KINDS}, facets=False, highlight=False))
    return demo, engine.count()


def _teardown(_exc: BaseException | None) -> None:
    engine = g.pop("engine", None)
    if engine is not None:
        engine.close()
    store = g.pop("store", None)
    if store is not None:
        store.close()


def init_app(app: Flask) -> None:
    app.extensions[STATS_KEY] = StatsCache(ttl=float(app.config["STATS_TTL"]))
    app.teardown_appcontext(_teardown)


def default_engine_factory(config_settings: Settings) -> Any:
    # Imported here so that importing web does not import a backend (and its native library)
    # before the application is created.
    from search.factory import open_engine

    return open_engine(config_settings, read_only=True)
