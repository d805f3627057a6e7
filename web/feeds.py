"""Atom 1.0 feeds (RFC 4287), so a journalist can follow a search or one question in a feed reader.

* ``/feeds/search.atom?<the parameters of /api/v1/search>``: the records of the search whose last
  change is newest, one entry per record.
* ``/feeds/questions/<id>.atom``: one entry per event in the life of one question (asked, each
  postponement notice, answered, follow-up answers), newest first.

Decisions:

* A feed is ordered by the date of a record's last change (its newest document: asked, postponed,
  answered, follow-up answer), whatever ``sort`` asks: a reader wants "what happened lately". The
  engine can only sort by ``asked_on``, so the feed takes the CANDIDATES newest-asked matches and
  reorders those; a question asked before the CANDIDATES newest matches that changed lately is
  missed (answers come weeks or months after the question, so in practice it is there).
* ``sort`` is accepted (so an API URL works with its path changed) but does not change the order;
  ``page``/``per_page`` are refused: a feed is its newest entries, not a page of a result list.
* Errors raised by a feed view (bad parameters: 400, unknown question: 404) are plain text
  (``text/plain; charset=utf-8``): feed readers show a status and a body, not an HTML page or a
  JSON envelope, and a person pasting the URL into a browser can read the sentence. Routing
  errors (an unknown path under /feeds, a POST) keep the site's HTML error page.
* The XML is built with ElementTree: untrusted source text only ever becomes element text or an
  attribute value, escaped by the serializer, never markup. Summaries are ``type="text"``.
* Entry ids are the record's permalink (a question feed's events: permalink + ``#`` + kind and
  document), so a feed reader sees one entry per record across every feed of this site.
* Dates in the archive are days; Atom wants RFC 3339 date-times, so a day is written as
  midnight UTC. A document whose date is not known (an answer the source links to but that is not
  fetched yet) is dated with the record's last known date, so it still shows.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, abort, redirect, request, url_for
from werkzeug.exceptions import HTTPException

from archive.model import ANSWER, FOLLOW_UP, POSTPONEMENT, QUESTION
from search.model import MAX_PER_PAGE, QueryError, SearchQuery
from web.context import get_engine, get_store
from web.params import PAGING_PARAMS, ParamError, parse_search
from web.present import official_url, permalink

feeds = Blueprint("feeds", __name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM_MIMETYPE = "application/atom+xml"
FEED_ENTRIES = 50
CANDIDATES = 2 * MAX_PER_PAGE  # newest-asked matches reordered by last change (see the module doc)
GENERATOR = "Kamerwacht"

# Event titles by document kind (English, like the API: a feed reader has no language cookie).
EVENT_LABELS = {
    QUESTION: "Asked",
    POSTPONEMENT: "Postponed",
    ANSWER: "Answered",
    FOLLOW_UP: "Follow-up answer",
}
# Same-day events in the order they happen (a question answered the day it was asked).
_KIND_ORDER = {kind: rank for rank, kind in enumerate((QUESTION, POSTPONEMENT, ANSWER, FOLLOW_UP))}

ET.register_namespace("", ATOM_NS)


class FeedError(ValueError):
    """A record the feed cannot describe (a document kind it does not know)."""


# --- dates ---------------------------------------------------------------------------------------

def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def rfc3339(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return day.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{day.isoformat()}T00:00:00Z"


def last_change(record: dict[str, Any]) -> dt.date | None:
    """The date of the newest thing that happened to the record: asked, postponed, answered,
    closed without answer, or a follow-up answer (which ``answered_on`` does not move)."""
    days = [_day(record.get(name)) for name in ("asked_on", "postponed_on", "answered_on", "closed_on")]
    days += [_day(document.get("date")) for document in record["documents"]]
    known = [day for day in days if day is not None]
    return max(known) if known else None


# --- text ----------------------------------------------------------------------------------------

def _person(name: str | None, detail: str | None) -> str:
    shown = name or "?"
    return f"{shown} ({detail})" if detail else shown


def askers_text(record: dict[str, Any]) -> str:
    return "; ".join(_person(a["name"], a.get("party")) for a in record["askers"])


def ministers_text(ministers: Iterable[dict[str, Any]]) -> str:
    return "; ".join(_person(m.get("name"), m.get("role")) for m in ministers)


def record_summary(record: dict[str, Any]) -> str:
    lines = [f"Status: {record['status']}"]
    # deadline/withdrawn come with the lifecycle of issue 4 item 3: read with .get, so records
    # indexed before it still make a feed.
    if record.get("withdrawn"):
        lines.append("Withdrawn by the asker")
    if record.get("deadline"):
        lines.append(f"Deadline: {record['deadline']}")
    if record["askers"]:
        lines.append(f"Asked by: {askers_text(record)}")
    if record["ministers"]:
        lines.append(f"Ministers: {ministers_text(record['ministers'])}")
    if record["tools"]:
        lines.append(f"Tools: {', '.join(t['name'] for t in record['tools'])}")
    return "\n".join(lines)


# --- events --------------------------------------------------------------------------------------

@dataclass
class Event:
    kind: str
    day: dt.date | None  # None: the document's date is not known
    document: dict[str, Any]
    index: int  # position in record["documents"]: tells apart documents without an id
    authors: list[str] = field(default_factory=list)


def events(record: dict[str, Any]) -> list[Event]:
    """The record's documents as events, newest first (undated ones after the dated events of
    their kind's place: they happened, we do not know when)."""
    out = []
    for index, document in enumerate(record["documents"]):
        kind = document["kind"]
        if kind not in EVENT_LABELS:
            raise FeedError(f"record {record['id']}: document kind {kind!r} is not one of {', '.join(EVENT_LABELS)}")
        if kind == QUESTION:
            authors = [_person(a["name"], a.get("party")) for a in record["askers"]]
        else:
            authors = [_person(m.get("name"), m.get("role")) for m in document.get("ministers") or []]
        out.append(Event(kind=kind, day=_day(document.get("date")), document=document, index=index, authors=authors))
    fallback = last_change(record) or dt.date.min
    out.sort(key=lambda e: (e.day or fallback, _KIND_ORDER[e.kind], e.index), reverse=True)
    return out


def event_summary(record: dict[str, Any], event: Event) -> str:
    document = event.document
    lines = []
    if event.kind == QUESTION:
        if record["askers"]:
            lines.append(f"Asked by: {askers_text(record)}")
        if record["addressed_to"]:
            lines.append(f"Addressed to: {'; '.join(record['addressed_to'])}")
    elif document.get("ministers"):
        lines.append(f"Signed by: {ministers_text(document['ministers'])}")
    if document.get("notice"):
        lines.append(document["notice"])
    if event.kind == ANSWER and record.get("days_to_answer") is not None:
        lines.append(f"Days to answer: {record['days_to_answer']}")
    if event.day is None:
        lines.append("The date of this document is not known yet.")
    if not document.get("fetched", True):
        lines.append("The text of this document is not in the archive yet.")
    lines.append(f"Status of the question: {record['status']}")
    return "\n".join(lines)


# --- XML -----------------------------------------------------------------------------------------

def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str, type_: str | None = None, title: str | None = None) -> None:
    attrs = {"rel": rel, "href": href}
    if type_:
        attrs["type"] = type_
    if title:
        attrs["title"] = title
    _el(parent, "link", **attrs)


def _authors(parent: ET.Element, names: Sequence[str]) -> None:
    for name in names:
        author = _el(parent, "author")
        _el(author, "name", name)


def _tools(parent: ET.Element, record: dict[str, Any]) -> None:
    for tool in record["tools"]:
        # The scheme is the API's list of tools, where each term is described.
        _el(parent, "category", term=tool["id"], label=tool["name"], scheme=url_for("api.tools", _external=True))


def new_feed(*, feed_id: str, title: str, updated: str, self_url: str, alternate: str) -> ET.Element:
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _el(feed, "id", feed_id)
    _el(feed, "title", title, type="text")
    _el(feed, "updated", updated)
    _link(feed, self_url, "self", ATOM_MIMETYPE)
    _link(feed, alternate, "alternate", "text/html")
    # An entry without askers or signers (an answer document whose header names nobody) still
    # has an author through the feed's (RFC 4287 4.1.1: every entry needs one).
    _authors(feed, [GENERATOR])
    _el(feed, "generator", GENERATOR)
    return feed


def record_entry(feed: ET.Element, record: dict[str, Any], fallback_updated: str) -> None:
    entry = _el(feed, "entry")
    entry.set(XML_LANG, record["language"])
    link = permalink(record["id"])
    changed = last_change(record)
    _el(entry, "id", link)
    _el(entry, "title", record["title"] or record["id"], type="text")
    _el(entry, "updated", rfc3339(changed) if changed else fallback_updated)
    if record.get("asked_on"):
        _el(entry, "published", rfc3339(_day(record["asked_on"])))  # type: ignore[arg-type]
    _link(entry, link, "alternate", "text/html")
    _link(entry, official_url(record), "related", "text/html", "official text")
    _authors(entry, [_person(a["name"], a.get("party")) for a in record["askers"]])
    _tools(entry, record)
    _el(entry, "summary", record_summary(record), type="text")


def event_entry(feed: ET.Element, record: dict[str, Any], event: Event, fallback: dt.date | None,
                fallback_updated: str) -> None:
    entry = _el(feed, "entry")
    entry.set(XML_LANG, record["language"])
    link = permalink(record["id"])
    day = event.day or fallback
    _el(entry, "id", f"{link}#{event.kind}-{event.document.get('id') or event.index}")
    _el(entry, "title", f"{EVENT_LABELS[event.kind]}: {record['title'] or record['id']}", type="text")
    _el(entry, "updated", rfc3339(day) if day else fallback_updated)
    _link(entry, link, "alternate", "text/html")
    if event.document.get("url"):
        _link(entry, event.document["url"], "related", "text/html", "official text")
    _authors(entry, event.authors)
    # The term is the record's documents[].kind (archive.model), for readers that filter on it.
    _el(entry, "category", term=event.kind, label=EVENT_LABELS[event.kind])
    _el(entry, "summary", event_summary(record, event), type="text")


def atom_response(feed: ET.Element) -> Response:
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, content_type=f"{ATOM_MIMETYPE}; charset=utf-8")


def _now() -> str:
    return rfc3339(dt.datetime.now(dt.UTC).replace(microsecond=0))


# --- views ---------------------------------------------------------------------------------------

def _canonical_pairs() -> list[tuple[str, str]]:
    """The request's parameters, names sorted, values in the order given, empty values dropped:
    the same search gives the same feed id whatever order its URL lists them in."""
    return [(name, value) for name in sorted(request.args) for value in request.args.getlist(name) if value != ""]


def _url(endpoint: str, pairs: list[tuple[str, str]]) -> str:
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    return url_for(endpoint, _external=True, **values)


def _search_title(pairs: list[tuple[str, str]]) -> str:
    if not pairs:
        return "Kamerwacht: all questions"
    return "Kamerwacht: " + ", ".join(f"{name}={value}" for name, value in pairs)


def _candidates(base: SearchQuery) -> list[dict[str, Any]]:
    engine = get_engine()
    records: list[dict[str, Any]] = []
    for page in range(1, CANDIDATES // MAX_PER_PAGE + 1):
        query = SearchQuery(q=base.q, filters=base.filters, date_from=base.date_from, date_to=base.date_to,
                            sort="newest", page=page, per_page=MAX_PER_PAGE, facets=False,
                            highlight=False).validated()
        result = engine.search(query)
        records += [hit.record for hit in result.hits]
        if page * MAX_PER_PAGE >= result.total:
            break
    return records


@feeds.get("/search.atom")
def search() -> Response:
    given = [p for p in PAGING_PARAMS if p in request.args]
    if given:
        raise ParamError(f"{', '.join(given)} does not apply to a feed: it always holds the {FEED_ENTRIES} "
                         "most lately changed matches; remove it")
    base = parse_search(request.args, paging=False, facets=False, highlight=False)
    # Newest change first; ties by id so the order of a feed does not move between requests.
    records = sorted(_candidates(base), key=lambda r: r["id"], reverse=True)
    records.sort(key=lambda r: last_change(r) or dt.date.min, reverse=True)
    records = records[:FEED_ENTRIES]
    pairs = _canonical_pairs()
    now = _now()
    newest = last_change(records[0]) if records else None
    self_url = _url("feeds.search", pairs)
    alternate = _url("ui.search", [(k, v) for k, v in pairs if k != "sort"])
    feed = new_feed(feed_id=self_url, title=_search_title(pairs), updated=rfc3339(newest) if newest else now,
                    self_url=self_url, alternate=alternate)
    for record in records:
        record_entry(feed, record, now)
    return atom_response(feed)


@feeds.get("/questions/<record_id>.atom")
def question(record_id: str) -> Response:
    if request.args:
        raise ParamError(f"unknown parameter {', '.join(sorted(request.args))}; this feed takes none")
    record = get_engine().get(record_id)
    if record is None:
        store = get_store()
        target = store.alias_target(record_id) if store else None
        if target:
            return redirect(url_for("feeds.question", record_id=target), code=301)  # type: ignore[return-value]
        abort(404, description=f"no question with id {record_id!r}; ids look like 2021Z13971 or ah-tk-20212022-105")
    changed = last_change(record)
    now = _now()
    self_url = url_for("feeds.question", record_id=record["id"], _external=True)
    feed = new_feed(feed_id=self_url, title=f"Kamerwacht: {record['title'] or record['id']}",
                    updated=rfc3339(changed) if changed else now, self_url=self_url,
                    alternate=permalink(record["id"]))
    for event in events(record):
        event_entry(feed, record, event, changed, now)
    return atom_response(feed)


# --- errors --------------------------------------------------------------------------------------

def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")


@feeds.errorhandler(QueryError)
def _query_error(exc: QueryError) -> Response:
    return _plain(400, str(exc))


@feeds.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    return _plain(exc.code or 500, str(exc.description))
