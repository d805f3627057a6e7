"""The one engine interface every backend implements (contract: tests/search/test_contract.py)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Callable, Iterable

from search.model import SearchQuery, SearchResult

Progress = Callable[[int], None]  # called with the number of records done so far


class SearchEngine(ABC):
    """Records go in as JSON dicts in the record contract shape (archive.model.to_json) and
    come back the same. Writes are visible to searches after they return."""

    @abstractmethod
    def upsert(self, records: Iterable[dict[str, Any]]) -> int:
        """Add or replace records by id; returns how many were written."""

    @abstractmethod
    def delete(self, record_id: str) -> bool:
        """Remove one record; False when it was not there."""

    @abstractmethod
    def get(self, record_id: str) -> dict[str, Any] | None:
        """The stored record, or None."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult:
        """Run a validated query (raises search.model.QueryError for bad input)."""

    @abstractmethod
    def count(self, query: SearchQuery | None = None) -> int:
        """How many records match (all records without a query)."""

    @abstractmethod
    def rebuild(self, records: Iterable[dict[str, Any]], progress: Progress | None = None) -> int:
        """Build a complete new index from these records and switch to it only when it is
        complete: searches keep being answered from the old index until then."""

    @abstractmethod
    def iter_records(self) -> Iterable[dict[str, Any]]:
        """Every stored record (exports, statistics)."""

    def stale_mapping(self) -> str | None:
        """Why the live index must be rebuilt because it was built with another mapping (the
        Elasticsearch backend); None when it can be updated in place."""
        return None

    def close(self) -> None:  # noqa: B027 - optional
        """Release files and connections."""
