"""Questions related to a record: the same question sent to other ministers (its thread), and
"the same subject elsewhere": records from *other* parliaments that name the same tools within a
year, best matches first.

Tools are language-independent ids (the tagger puts "gezichtsherkenning" and "reconnaissance
faciale" on one id), so a Dutch question in The Hague finds a French one in Brussels without
translating anything. Built only on the SearchEngine interface, so every backend gives the same
answer.

Ranking (``Match.score``): the shared tools weighted by how rare each is in the window (sharing
"Clearview AI" says more than sharing "cameratoezicht"), as a share of the record's own tool
weight, minus a small penalty for distance in time; ties by date distance, then id.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Mapping

from search.engine import SearchEngine
from search.model import MAX_PER_PAGE, SearchQuery

WINDOW_DAYS = 365
# At most this many candidates are ranked: the engine returns them newest first within the
# window, all of which share a tool with the record.
CANDIDATES = MAX_PER_PAGE


@dataclass
class Match:
    record: dict[str, Any]
    shared_tools: list[str]
    days_apart: int | None
    score: float

    def summary(self) -> dict[str, Any]:
        return {**summary(self.record), "shared_tools": self.shared_tools, "days_apart": self.days_apart,
                "score": round(self.score, 4)}


def summary(r: Mapping[str, Any]) -> dict[str, Any]:
    """What a list of related records shows of each."""
    return {
        "id": r["id"], "title": r["title"], "parliament": r["parliament"], "country": r["country"],
        "language": r["language"], "languages": r.get("languages") or [r["language"]],
        "asked_on": r.get("asked_on"), "status": r["status"], "askers": r["askers"], "ministers": r["ministers"],
    }


def days_apart(a: Mapping[str, Any], b: Mapping[str, Any]) -> int | None:
    first, second = _day(a.get("asked_on")), _day(b.get("asked_on"))
    return abs((first - second).days) if first and second else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def thread(engine: SearchEngine, record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The other records of the record's thread (one question sent to several ministers),
    oldest first."""
    key = record.get("thread_key")
    if not key:
        return []
    result = engine.search(SearchQuery(filters={"thread": (key,)}, sort="oldest", per_page=MAX_PER_PAGE,
                                       facets=False, highlight=False))
    return [h.record for h in result.hits if h.id != record["id"]]


def elsewhere(engine: SearchEngine, record: Mapping[str, Any], limit: int = 10,
              window_days: int = WINDOW_DAYS) -> list[Match]:
    """Records of other parliaments naming a tool of ``record``, asked within ``window_days``
    of it, best first. Empty when the record has no tools or no asking date."""
    tools = tuple(dict.fromkeys(t["id"] for t in record.get("tools") or ()))
    asked = _day(record.get("asked_on"))
    if not tools or asked is None or limit <= 0:
        return []
    window = dt.timedelta(days=window_days)
    base = SearchQuery(filters={"tool": tools}, date_from=asked - window, date_to=asked + window,
                       per_page=1, highlight=False)
    counts = engine.search(base)
    others = tuple(f.value for f in counts.facets.get("parliament", ()) if f.value != record["parliament"])
    if not others:
        return []
    in_window = {f.value: f.count for f in counts.facets.get("tool", ())}
    total = max(counts.total, 1)
    weight = {t: math.log(1 + total / max(in_window.get(t, 1), 1)) for t in tools}
    own = sum(weight.values()) or 1.0
    found = engine.search(SearchQuery(filters={"tool": tools, "parliament": others}, date_from=base.date_from,
                                      date_to=base.date_to, sort="newest", per_page=CANDIDATES,
                                      facets=False, highlight=False))
    matches = []
    for hit in found.hits:
        other = hit.record
        shared = [t for t in tools if t in {x["id"] for x in other.get("tools") or ()}]
        days = days_apart(record, other)
        score = sum(weight[t] for t in shared) / own - 0.1 * ((days if days is not None else window_days) / window_days)
        matches.append(Match(other, shared, days, score))
    matches.sort(key=lambda m: (-m.score, m.days_apart if m.days_apart is not None else window_days + 1, m.record["id"]))
    return matches[:limit]
