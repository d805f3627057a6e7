"""The one engine interface every backend implements (contract: tests/search/test_contract.py)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Callable, Iterable

from search.model import SearchQuery, SearchResult

Progress = Callable[[int], None]  # called with the number of records done so far
COMPLETIONS = 8  # completions returned by default
MIN_PREFIX = 2  # letters of the last word before completing


def completion_words(text: str) -> tuple[list[str], str] | None:
    """(whole words, last word as a prefix), folded as the spelling field is; None when there is
    nothing to complete (no word, or a last word under MIN_PREFIX letters)."""
    from search.analysis import analyze

    words = analyze("plain", text)
    if not words or text[-1:].isspace() or len(words[-1]) < MIN_PREFIX:
        return None
    return words[:-1], words[-1]


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
    def complete(self, text: str, limit: int = COMPLETIONS) -> list[dict[str, str]]:
        """Typeahead: records whose title or names hold the words typed so far, the last one
        as a prefix ("clea" -> Clearview, "minister van jus" -> Justitie), as {"id", "title"},
        best first; [] when nothing usable was typed (see ``completion_words``)."""

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
