"""Opening the configured search backend (the one place that knows which backends exist)."""

from __future__ import annotations

from archive.settings import Settings
from search.engine import SearchEngine


class BackendUnavailableError(RuntimeError):
    """The configured backend cannot be opened: unknown, not reachable, wrong version."""


def open_engine(settings: Settings, *, read_only: bool = True) -> SearchEngine:
    """The search engine named by ``settings.search_backend``. The web opens it read-only;
    the command line (index, reindex, import) opens the one writer."""
    backend = settings.search_backend
    if backend == "embedded":
        from search.embedded import EmbeddedEngine

        return EmbeddedEngine(settings.search_index_dir, read_only=read_only)
    if backend == "elasticsearch":
        from search.es_backend import ElasticsearchEngine

        return ElasticsearchEngine(settings, read_only=read_only)
    raise BackendUnavailableError(f"unknown search backend {backend!r}; use 'embedded' or 'elasticsearch'")
