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

import datetime as dt

from archive.ministers import Registry, Resolution, default_registry
from archive.model import ANSWER, FOLLOW_UP, GOVERNMENTS

from search.schema import party_label

def _p90(days: list[int]) -> float | None:
    if not days:
        return None
    if len(days) == 1:
        return float(days[0])
    return statistics.quantiles(days, n=10, method="inclusive")[-1]


def _life_json(records: set[str], unanswered: Counter[str], days: list[int]) -> dict[str, Any]:
    """The lifecycle figures a person and an office share."""
    return {
        "answered": len(records),
        "open": unanswered["open"],
        "postponed": unanswered["postponed"],
        "late": unanswered["late"],
        "median_days_to_answer": statistics.median(days) if days else None,
        "p90_days_to_answer": _p90(days),
    }


@dataclass
class MinisterFigures:
    answers: int = 0  # answer and follow-up documents signed (first signatory or "mede namens")
    co_signed: int = 0  # of which as co-signer
    records: set[str] = field(default_factory=set)  # questions they answered
    days: list[int] = field(default_factory=list)  # days_to_answer of questions whose first answer they signed
    per_year: Counter[str] = field(default_factory=Counter)  # answers by year of the answer document
    # Questions without an answer, counted for whoever held the office they were addressed to
    # on the day they were asked (archive.lifecycle: open, postponed, late).
    unanswered: Counter[str] = field(default_factory=Counter)

    def as_json(self) -> dict[str, Any]:
        return {
            "answers": self.answers,
            "co_signed": self.co_signed,
            "records": len(self.records),
            **_life_json(self.records, self.unanswered, self.days),
            "answers_per_year": dict(sorted(self.per_year.items())),
        }


@dataclass
class RoleFigures:
    """One office across its holders and its ministry's renames ("Minister van Veiligheid en
    Justitie" until 2017 and "Minister van Justitie en Veiligheid" after are one history)."""

    label: str  # the role as most recently written
    label_date: str = ""
    holders: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)
    days: list[int] = field(default_factory=list)
    unanswered: Counter[str] = field(default_factory=Counter)

    def note(self, role: str, day: str | None) -> None:
        if day and day >= self.label_date:
            self.label, self.label_date = role, day

    def as_json(self) -> dict[str, Any]:
        return {"role": self.label, "holders": sorted(self.holders), **_life_json(self.records, self.unanswered, self.days)}


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
    roles: dict[str, RoleFigures] = field(default_factory=dict)
    # Unanswered questions (open, postponed, late) by who they are waiting for: the person
    # holding the addressed office on the day of asking, the ministry (across renames), the
    # askers' party. group -> key -> {"label", "questions"}.
    waiting: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


def _year(value: str | None) -> str | None:
    return value[:4] if value else None


UNANSWERED = ("open", "postponed", "late")


def _office_key(term: Any) -> str:
    return "|".join(term.office) if term.office else term.role


def compute(records: Iterable[dict[str, Any]], registry: Registry | None = None) -> Stats:
    registry = registry or default_registry()
    ministers: dict[str, MinisterFigures] = defaultdict(MinisterFigures)
    roles: dict[str, RoleFigures] = {}
    waiting: dict[str, dict[str, dict[str, Any]]] = {"minister": {}, "ministry": {}, "party": {}}
    tools: dict[str, ToolFigures] = defaultdict(ToolFigures)
    count = 0
    for record in records:
        count += 1
        _add_ministers(ministers, record)
        _add_roles(roles, registry, record)
        if record.get("status") in UNANSWERED:
            _add_waiting(ministers, roles, waiting, registry, record)
        year = _year(record.get("asked_on"))
        parliament = record["parliament"]
        for tool in {t["id"] for t in record["tools"]}:
            figures = tools[tool]
            figures.total += 1
            figures.per_parliament[parliament] += 1
            if year:
                figures.per_year[year] += 1
                figures.per_year_parliament[(year, parliament)] += 1
    return Stats(ministers=dict(ministers), tools=dict(tools), records=count, roles=roles, waiting=waiting)


def _role(roles: dict[str, RoleFigures], key: str, label: str) -> RoleFigures:
    if key not in roles:
        roles[key] = RoleFigures(label)
    return roles[key]


def _add_roles(roles: dict[str, RoleFigures], registry: Registry, record: dict[str, Any]) -> None:
    """Answered questions, for the office of whoever signed the first answer (first signatory)."""
    answer = next((d for d in record["documents"] if d["kind"] == ANSWER), None) or next(
        (d for d in record["documents"] if d["kind"] == FOLLOW_UP), None)
    if answer is None:
        return
    for m in answer["ministers"]:
        if m.get("co_signer") or not m.get("person_id"):
            continue
        try:
            term = registry.person(m["person_id"]).term_on(dt.date.fromisoformat(answer["date"])) if answer.get("date") else None
        except KeyError:
            term = None
        key = _office_key(term) if term else (m.get("role") or "?")
        figures = _role(roles, key, m.get("role") or (term.role if term else "?"))
        figures.note(term.role if term else (m.get("role") or "?"), answer.get("date"))
        figures.holders.add(m["person_id"])
        figures.records.add(record["id"])
        if record.get("days_to_answer") is not None:
            figures.days.append(record["days_to_answer"])


def _add_waiting(ministers, roles, waiting, registry: Registry, record: dict[str, Any]) -> None:
    asked = dt.date.fromisoformat(record["asked_on"]) if record.get("asked_on") else None
    entry = {"id": record["id"], "title": record["title"], "asked_on": record.get("asked_on"),
             "deadline": record.get("deadline"), "status": record["status"], "parliament": record["parliament"]}
    def wait(group: str, key: str, label: str) -> None:
        slot = waiting[group].setdefault(key, {"label": label, "label_date": "", "questions": []})
        if entry["id"] not in {q["id"] for q in slot["questions"]}:
            slot["questions"].append(entry)
        if (record.get("asked_on") or "") >= slot["label_date"]:  # the newest name of a renamed ministry
            slot["label"], slot["label_date"] = label, record.get("asked_on") or ""

    government = GOVERNMENTS.get(record["parliament"])
    for role in record["addressed_to"]:
        holders = _addressee_holders(registry, role, asked, record["country"], government)
        if not holders:  # an office the registry does not cover: kept as written
            _role(roles, role, role).unanswered[record["status"]] += 1
            wait("ministry", role, role)
            continue
        for found in holders:
            ministers[found.person.id].unanswered[record["status"]] += 1
            wait("minister", found.person.id, found.person.name)
            figures = _role(roles, _office_key(found.term), found.term.role)
            figures.note(found.term.role, record.get("asked_on"))
            figures.holders.add(found.person.id)
            figures.unanswered[record["status"]] += 1
            wait("ministry", found.term.ministry_id or found.term.ministry, found.term.ministry)
    for party in sorted({party_label(a, record["country"]) for a in record["askers"] if a.get("party")}):
        wait("party", party, party)


def _addressee_holders(registry: Registry, addressee: str, asked: dt.date | None, country: str,
                       government: str | None) -> list[Resolution]:
    """Who held the office a question was addressed to on the day it was asked. Sources name the
    office ("minister van Justitie en Veiligheid") or, in Brussels and Flanders, the person first
    ("Rudi Vervoort, Ministre-Président du Gouvernement ..."); both are resolved within the
    government of the parliament that asked."""
    if asked is None:
        return []
    holders = registry.resolve_role(addressee, asked, country=country, government=government)
    if holders or country == "NL":
        return holders
    name = addressee.split(",")[0].strip()
    found = registry.resolve(name=name, role=None, ministry=None, title=None, on=asked, country=country,
                             government=government)
    return [found] if found is not None and found.term is not None else []


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
