"""Per-minister and per-tool figures computed from the indexed records.

One pass over ``engine.iter_records()`` builds everything the minister and tool endpoints and
pages show; the result is cached on the application for ``STATS_TTL`` seconds and rebuilt sooner
when the number of indexed records changes (an import or reindex).

Scaling: the pass is linear in the archive and decodes every record, about 1-2 s per 100k
records on one core. That is fine for the demo and for the real archive (a few thousand
questions a year touch surveillance), but not for a 1M-record corpus: there the figures belong in
the index (a facet on minister/tool crossed with year and parliament, a stored days_to_answer
field aggregated by the engine) or precomputed by ``kamerwacht index`` next to the index.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from archive.model import ANSWER, FOLLOW_UP


@dataclass
class MinisterFigures:
    answers: int = 0  # answer and follow-up documents signed (first signatory or "mede namens")
    co_signed: int = 0  # of which as co-signer
    records: set[str] = field(default_factory=set)  # questions they answered
    days: list[int] = field(default_factory=list)  # days_to_answer of questions whose first answer they signed
    per_year: Counter[str] = field(default_factory=Counter)  # answers by year of the answer document

    def as_json(self) -> dict[str, Any]:
        return {
            "answers": self.answers,
            "co_signed": self.co_signed,
            "records": len(self.records),
            "median_days_to_answer": statistics.median(self.days) if self.days else None,
            "answers_per_year": dict(sorted(self.per_year.items())),
        }


@dataclass
class ToolFigures:
    total: int = 0
    per_year: Counter[str] = field(default_factory=Counter)  # by year asked
    per_parliament: Counter[str] = field(default_factory=Counter)
    per_year_parliament: Counter[tuple[str, str]] = field(default_factory=Counter)

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "per_year": dict(sorted(self.per_year.items())),
            "per_parliament": dict(sorted(self.per_parliament.items())),
            "per_year_parliament": [
                {"year": year, "parliament": parliament, "count": count}
                for (year, parliament), count in sorted(self.per_year_parliament.items())
            ],
        }


@dataclass
class Stats:
    ministers: dict[str, MinisterFigures]
    tools: dict[str, ToolFigures]
    records: int


def _year(value: str | None) -> str | None:
    return value[:4] if value else None


def compute(records: Iterable[dict[str, Any]]) -> Stats:
    ministers: dict[str, MinisterFigures] = defaultdict(MinisterFigures)
    tools: dict[str, ToolFigures] = defaultdict(ToolFigures)
    count = 0
    for record in records:
        count += 1
        _add_ministers(ministers, record)
        year = _year(record.get("asked_on"))
        parliament = record["parliament"]
        for tool in {t["id"] for t in record["tools"]}:
            figures = tools[tool]
            figures.total += 1
            figures.per_parliament[parliament] += 1
            if year:
                figures.per_year[year] += 1
                figures.per_year_parliament[(year, parliament)] += 1
    return Stats(ministers=dict(ministers), tools=dict(tools), records=count)


def _add_ministers(ministers: dict[str, MinisterFigures], record: dict[str, Any]) -> None:
    # Documents, not the record's merged minister list: a follow-up answer signed by someone
    # else is that person's answer, and its date is the year it belongs to.
    first_answer_seen = False
    for document in record["documents"]:
        if document["kind"] not in (ANSWER, FOLLOW_UP):
            continue
        first_answer = document["kind"] == ANSWER and not first_answer_seen
        first_answer_seen = first_answer_seen or document["kind"] == ANSWER
        for person in {m["person_id"]: m for m in document["ministers"] if m.get("person_id")}.values():
            figures = ministers[person["person_id"]]
            figures.answers += 1
            figures.co_signed += bool(person.get("co_signer"))
            figures.records.add(record["id"])
            year = _year(document.get("date"))
            if year:
                figures.per_year[year] += 1
            if first_answer and record.get("days_to_answer") is not None:
                figures.days.append(record["days_to_answer"])


class StatsCache:
    """Per-application cache (kept in ``app.extensions``, never a module global)."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._value: tuple[float, int, Stats] | None = None

    def get(self, engine: Any) -> Stats:
        size = engine.count()
        now = time.monotonic()
        with self._lock:
            cached = self._value
        if cached and cached[1] == size and now - cached[0] < self.ttl:
            return cached[2]
        stats = compute(engine.iter_records())
        with self._lock:
            self._value = (now, size, stats)
        return stats
