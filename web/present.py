"""Records, search results, ministers and tools in the shapes the API returns (the pages use the
same shapes, so what a script sees is what a reader sees)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import url_for
from markupsafe import Markup, escape

from archive.ministers import Person, Registry
from archive.model import FOLLOW_UP
from archive.vocabulary import ToolEntry, Vocabulary
from search.model import Hit, SearchResult
from search.related import days_apart, summary
from web.params import FACET_TO_PARAM
from web.stats import MinisterFigures, ToolFigures

Link = Callable[[str], str]  # record id -> absolute URL


_MARK_OPEN, _MARK_CLOSE = "<mark>", "</mark>"


def safe_highlight(fragment: str) -> Markup:
    """A highlight fragment as markup that can only contain <mark> elements.

    The engine promises escaped text with matches in <mark> (search.model.Hit.highlights); this
    checks the promise instead of trusting it: a fragment with any other '<' or '>' is escaped
    whole (its marks restored), so an engine bug shows tags as text rather than running them."""
    bare = fragment.replace(_MARK_OPEN, "").replace(_MARK_CLOSE, "")
    if "<" not in bare and ">" not in bare:
        return Markup(fragment)
    escaped = str(escape(fragment))
    return Markup(escaped.replace("&lt;mark&gt;", _MARK_OPEN).replace("&lt;/mark&gt;", _MARK_CLOSE))


def permalink(record_id: str) -> str:
    """The record's page on this site (absolute: it goes into JSON and CSV)."""
    return url_for("ui.record", record_id=record_id, _external=True)


def official_url(record: dict[str, Any]) -> str:
    """The official (human) page of the record's main document."""
    return record["provenance"]["url"]


def result_item(hit: Hit, permalink: Link) -> dict[str, Any]:
    record = hit.record
    return {
        "id": record["id"],
        "title": record["title"],
        "parliament": record["parliament"],
        "country": record["country"],
        "asked_on": record["asked_on"],
        "answered_on": record["answered_on"],
        "status": record["status"],
        "askers": record["askers"],
        "ministers": record["ministers"],
        "tools": record["tools"],
        "highlights": [str(safe_highlight(fragment)) for fragment in hit.highlights],
        "url": official_url(record),
        "permalink": permalink(record["id"]),
    }


def facets_json(result: SearchResult) -> dict[str, list[dict[str, Any]]]:
    # Keyed by parameter name ("lang", not the engine's "language"): every key is a filter.
    return {
        FACET_TO_PARAM.get(name, name): [{"value": v.value, "label": v.label, "count": v.count} for v in values]
        for name, values in result.facets.items()
    }


def search_json(result: SearchResult, permalink: Link) -> dict[str, Any]:
    return {
        "total": result.total,
        "page": result.page,
        "per_page": result.per_page,
        "results": [result_item(hit, permalink) for hit in result.hits],
        "facets": facets_json(result),
        "suggestion": result.suggestion,
        "fuzzy": result.fuzzy,
    }


@dataclass
class Pair:
    number: int | None
    question: str | None
    answers: list[dict[str, Any]] = field(default_factory=list)
    # Other question numbers whose answer also covers this one ("Antwoord 2 en 4" sits at 2).
    answered_at: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "question": self.question, "answers": self.answers,
                "answered_at": self.answered_at}


def pairs(record: dict[str, Any]) -> list[Pair]:
    """Questions and answers paired by number, answers in document order (the first answer,
    then follow-up answers, each marked by its ``kind``). A joint answer ("2 and 4") sits at its
    first number; the other questions point to it. Answers to numbers the record has no
    question text for get a pair of their own, so no answer is ever hidden."""
    by_number: dict[int, Pair] = {}
    ordered: list[Pair] = []
    for question in record["questions"]:
        pair = Pair(number=question["number"], question=question["text"])
        by_number.setdefault(question["number"], pair)
        ordered.append(pair)
    for answer in record["answers"]:
        numbers = answer["numbers"] or [None]
        first = numbers[0]
        if first is None or first not in by_number:
            pair = Pair(number=first, question=None)
            if first is not None:
                by_number[first] = pair
            ordered.append(pair)
        target = by_number[first] if first is not None else ordered[-1]
        target.answers.append({**answer, "follow_up": answer.get("kind") == FOLLOW_UP})
        for other in numbers[1:]:
            if other in by_number and first not in by_number[other].answered_at:
                by_number[other].answered_at.append(first)
    return ordered


def record_json(record: dict[str, Any], permalink: Link) -> dict[str, Any]:
    return {
        **record,
        "url": official_url(record),
        "permalink": permalink(record["id"]),
        "pairs": [pair.as_json() for pair in pairs(record)],
    }


def roles_json(person: Person, registry: Registry) -> list[dict[str, Any]]:
    roles = []
    for term in sorted(person.terms, key=lambda t: t.start):
        roles.append({
            "title": term.title,
            "role": term.role,
            "ministry": term.ministry,
            "start": term.start.isoformat(),
            "end": term.end.isoformat() if term.end else None,
            "cabinet": term.cabinet,
            "cabinet_name": registry.cabinet(term.cabinet).name,
            "acting": term.acting,
            "party": term.party,
        })
    return roles


def minister_json(person: Person, figures: MinisterFigures | None, registry: Registry,
                  links: Callable[[str], dict[str, str]]) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "party": person.party,
        "country": person.country,
        "roles": roles_json(person, registry),
        **(figures or MinisterFigures()).as_json(),
        **links(person.id),
    }


def tool_json(entry: ToolEntry, figures: ToolFigures | None, vocabulary: Vocabulary,
              links: Callable[[str], dict[str, str]], *, detail: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entry.id,
        "name": entry.name,
        "category": entry.category,
        "category_label": vocabulary.categories[entry.category],
        "vendor": entry.vendor,
        **(figures or ToolFigures()).as_json(),
        **links(entry.id),
    }
    if detail:
        data["aliases"] = {lang: list(terms) for lang, terms in entry.aliases.items()}
        data["note"] = entry.note
    return data


WAITING_GROUPS = ("minister", "ministry", "party")


def waiting_json(stats: Any, group: str) -> list[dict[str, Any]]:
    """Unanswered questions for one grouping (web.stats.Stats.waiting), late first."""
    out = []
    for key, slot in stats.waiting.get(group, {}).items():
        counts = {s: sum(q["status"] == s for q in slot["questions"]) for s in ("open", "postponed", "late")}
        questions = sorted(slot["questions"], key=lambda q: (q["status"] != "late", q.get("asked_on") or ""))
        out.append({"key": key, "label": slot["label"], **counts, "questions": questions})
    return sorted(out, key=lambda g: (-g["late"], -(g["open"] + g["postponed"] + g["late"]), g["label"]))


def linked(record: dict[str, Any], thread: list[dict[str, Any]], engine: Any) -> list[dict[str, Any]]:
    """The questions the source links to this one, each saying whether it is in the archive."""
    known = {r["id"] for r in thread}
    return [{**link, "in_archive": link["id"] in known or engine.get(link["id"]) is not None}
            for link in record.get("related") or ()]


def related_json(record: dict[str, Any], thread: list[dict[str, Any]], elsewhere: list[Any], engine: Any,
                 permalink: Link, api_url: Link) -> dict[str, Any]:
    """The /questions/<id>/related answer: thread siblings, the source's own links (saying which
    are in the archive) and the same subject in other parliaments."""
    def item(fields: dict[str, Any]) -> dict[str, Any]:
        return {**fields, "permalink": permalink(fields["id"]), "api_url": api_url(fields["id"])}

    siblings = [item({**summary(r), "shared_tools": [], "days_apart": days_apart(record, r), "score": 0.0})
                for r in thread]
    return {"id": record["id"], "thread": siblings, "linked": linked(record, thread, engine),
            "elsewhere": [item(m.summary()) for m in elsewhere]}



def in_language(record: dict[str, Any], language: str) -> tuple[dict[str, Any], str | None]:
    """The record as a reader of ``language`` sees it: title, subject, questions and answers of
    the translation the parliament published in that language, when there is one. Returns the
    view and, when the answers had to stay in the original language (the translation has none),
    that language."""
    if language == record["language"]:
        return record, None
    translation = next((t for t in record.get("translations") or () if t["language"] == language), None)
    if translation is None:
        return record, None
    view = {**record,
            "title": translation.get("title") or record["title"],
            "subject": translation.get("subject") or record.get("subject", ""),
            "questions": translation.get("questions") or record["questions"]}
    answers_stay = None
    if translation.get("answers"):
        view["answers"] = translation["answers"]
    elif record["answers"]:
        answers_stay = record["language"]
    return view, answers_stay
