"""The backend-independent query model: what a search asks and what it answers.

The web layer builds a ``SearchQuery`` from request parameters (``SearchQuery.validated``
raises ``QueryError`` with a message a person can act on), every backend answers it with a
``SearchResult``. Nothing here knows tantivy or Elasticsearch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

# Facets (and filters): name -> what the value is.
FACETS: dict[str, str] = {
    "minister": "person id of a signing minister (name as written when not in the registry)",
    "ministry": "ministry of a signing minister",
    "tool": "tool id from the vocabulary",
    "category": "tool category id",
    "party": "party of an asker, by its current name across renames and languages (sp.a and Vooruit "
             "are 'Vooruit'; a label not in the party list stays as written)",
    "asker": "asker name, as written",
    "parliament": "parliament, e.g. 'Tweede Kamer'",
    "country": "NL or BE",
    "year": "year the question was asked (YYYY)",
    "status": "open, postponed, answered, late (deadline passed, no answer, no postponement) or closed "
              "(the parliament closed the file without an answer)",
    "language": "language of a text of the record (nl, fr): a record published in both counts for both",
}
# Filters the web uses internally but does not offer as facets (e.g. the "demo data" banner
# counts records built from constructed recordings).
HIDDEN_FILTERS = ("provenance", "thread")
PROVENANCE_KINDS = ("recorded", "abridged", "constructed")
SORTS = ("relevance", "newest", "oldest")
STATUSES = ("open", "postponed", "answered", "late", "closed")
MAX_PER_PAGE = 100
MAX_WINDOW = 10_000  # page * per_page: deeper pages are refused (narrow the search instead)
MAX_QUERY_CHARS = 500


class QueryError(ValueError):
    """A search the engine will not run; the message goes to the user as a 400."""


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""  # words (AND by default), "exact phrases", OR, -exclusion
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # OR within a facet, AND across facets
    date_from: dt.date | None = None  # on asked_on, inclusive
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    facets: bool = True  # compute facet counts
    highlight: bool = True  # compute highlight fragments

    def validated(self) -> "SearchQuery":
        """Raise QueryError for anything a backend should not be asked."""
        if len(self.q) > MAX_QUERY_CHARS:
            raise QueryError(f"the query is {len(self.q)} characters long; at most {MAX_QUERY_CHARS} are allowed")
        bad = next((c for c in self.q if (ord(c) < 32 and c not in "\t") or 0x7F <= ord(c) < 0xA0), None)
        if bad is not None:
            raise QueryError(f"the query contains a control character (U+{ord(bad):04X}); remove it")
        if self.q.count('"') % 2:
            raise QueryError('the query has an unbalanced quote ("); close the phrase or remove the quote')
        unknown = sorted(set(self.filters) - set(FACETS) - set(HIDDEN_FILTERS))
        if unknown:
            raise QueryError(f"unknown filter {', '.join(unknown)}; known: {', '.join(FACETS)}")
        for value in self.filters.get("status", ()):
            if value not in STATUSES:
                raise QueryError(f"unknown status {value!r}; use one of {', '.join(STATUSES)}")
        for value in self.filters.get("provenance", ()):
            if value not in PROVENANCE_KINDS:
                raise QueryError(f"unknown provenance kind {value!r}; use one of {', '.join(PROVENANCE_KINDS)}")
        for value in self.filters.get("year", ()):
            if not (len(value) == 4 and value.isdigit()):
                raise QueryError(f"year {value!r} is not a four-digit year")
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort {self.sort!r}; use one of {', '.join(SORTS)}")
        if self.per_page < 1 or self.per_page > MAX_PER_PAGE:
            raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}")
        if self.page < 1:
            raise QueryError("page must be 1 or more")
        if self.page * self.per_page > MAX_WINDOW:
            raise QueryError(f"page {self.page} is beyond the first {MAX_WINDOW} results; narrow the search"
                             " with filters or dates, or use the export")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"date_from {self.date_from.isoformat()} is after date_to {self.date_to.isoformat()}")
        return self


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Hit:
    id: str
    score: float
    record: dict[str, Any]  # the stored record, in the JSON contract shape
    highlights: list[str] = field(default_factory=list)  # HTML-safe: escaped text, matches in <mark>


@dataclass
class SearchResult:
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str | None = None  # "did you mean" when the query found nothing as typed
    fuzzy: bool = False  # the hits come from the fuzzy fallback, not from the query as typed
