"""The write side: records from the store into a search engine, in batches."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

from search.engine import Progress, SearchEngine

BATCH = 2000  # one commit per batch: tantivy commits cost tens of ms, records a few us each


def index_records(engine: SearchEngine, records: Iterable[dict[str, Any]], progress: Progress | None = None,
                  *, batch_size: int = BATCH) -> int:
    """Upsert ``records`` (JSON contract dicts) in batches; ``progress`` gets the running total
    after each batch. Returns how many records were written. For a full reindex use
    ``engine.rebuild`` instead: it builds a new index and switches only when it is complete."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    done = 0
    it = iter(records)
    while batch := list(islice(it, batch_size)):
        done += engine.upsert(batch)
        if progress is not None:
            progress(done)
    return done
