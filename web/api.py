"""The versioned JSON API (``/api/v1``): read-only, documented in ``/api/v1/openapi.json``.

Endpoint names and shapes are the contract of issue 3 item 6; web.openapi describes each one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, request, stream_with_context, url_for

from archive.ministers import default_registry
from archive.vocabulary import default_vocabulary
from search import related
from search.model import MAX_PER_PAGE, MAX_WINDOW, SearchQuery
from web import present
from web.present import WAITING_GROUPS
from web.context import get_engine, get_stats, get_store
from web.openapi import openapi_document
from web.params import ParamError, check_text, number_param, parse_search, reject_unknown
from web.present import permalink

api = Blueprint("api", __name__)

CSV_COLUMNS = ("id", "title", "parliament", "country", "asked_on", "answered_on", "status", "askers",
               "ministers", "tools", "url", "permalink")
# A cell starting with one of these is a formula to a spreadsheet: source text is untrusted, so
# such text cells get a leading apostrophe (OWASP "CSV injection"); dates and ids never start so.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_COMPLETE_CHARS = 100


def _minister_links(person_id: str) -> dict[str, str]:
    return {"api_url": url_for("api.minister", person_id=person_id, _external=True),
            "permalink": url_for("ui.minister", person_id=person_id, _external=True)}


def _tool_links(tool_id: str) -> dict[str, str]:
    return {"api_url": url_for("api.tool", tool_id=tool_id, _external=True),
            "permalink": url_for("ui.tool", tool_id=tool_id, _external=True)}


@api.get("/search")
def search() -> Response:
    query = parse_search(request.args)
    result = get_engine().search(query)
    return jsonify(present.search_json(result, permalink))


@api.get("/questions/<record_id>")
def question(record_id: str) -> Response:
    reject_unknown(request.args, ())
    found = _record_or_404(record_id, "api.question")
    if isinstance(found, Response):
        return found
    return jsonify(present.record_json(found, permalink))


def _record_or_404(record_id: str, endpoint: str) -> dict[str, Any] | Response:
    record = get_engine().get(record_id)
    if record is None:
        store = get_store()
        target = store.alias_target(record_id) if store else None
        if target:
            return redirect(url_for(endpoint, record_id=target), code=301)
        abort(404, description=f"no question with id {record_id!r}; ids look like 2021Z13971 or ah-tk-20212022-105")
    return record


@api.get("/questions/<record_id>/related")
def question_related(record_id: str) -> Response:
    reject_unknown(request.args, ("limit",))
    limit = number_param(request.args, "limit", 10, 1, 50)
    found = _record_or_404(record_id, "api.question_related")
    if isinstance(found, Response):
        return found
    engine = get_engine()
    return jsonify(present.related_json(found, related.thread(engine, found), related.elsewhere(engine, found, limit),
                                        engine, permalink, lambda rid: url_for("api.question", record_id=rid,
                                                                               _external=True)))


@api.get("/complete")
def complete() -> Response:
    """Typeahead for a search box: records whose titles or names hold the words typed so far."""
    reject_unknown(request.args, ("q", "limit"))
    q = request.args.get("q", "")
    if not q.strip():
        raise ParamError("q is required: the words typed so far, e.g. q=clearv")
    if len(q) > MAX_COMPLETE_CHARS:
        raise ParamError(f"q is {len(q)} characters long; at most {MAX_COMPLETE_CHARS} are allowed for completion")
    check_text("q", q)
    limit = number_param(request.args, "limit", 8, 1, 20)
    found = get_engine().complete(q, limit)
    return jsonify({"q": q, "results": [{**c, "permalink": permalink(c["id"]),
                                         "api_url": url_for("api.question", record_id=c["id"], _external=True)}
                                        for c in found]})


@api.get("/ministers")
def ministers() -> Response:
    reject_unknown(request.args, ())
    registry = default_registry()
    stats = get_stats()
    people = sorted(registry.people(country=None), key=lambda p: (p.surname.lower(), p.name))
    results = [present.minister_json(p, stats.ministers.get(p.id), registry, _minister_links) for p in people]
    roles = sorted((r.as_json() for r in stats.roles.values()), key=lambda r: (-r["late"], -r["answered"], r["role"]))
    return jsonify({"total": len(results), "results": results, "roles": roles})


@api.get("/open-questions")
def open_questions() -> Response:
    reject_unknown(request.args, ("group",))
    group = request.args.get("group") or "minister"
    if group not in WAITING_GROUPS:
        abort(400, description=f"unknown group {group!r}; use one of {', '.join(WAITING_GROUPS)}")
    results = present.waiting_json(get_stats(), group)
    return jsonify({"group": group, "total": len(results), "results": results})


@api.get("/ministers/<person_id>")
def minister(person_id: str) -> Response:
    reject_unknown(request.args, ())
    registry = default_registry()
    try:
        person = registry.person(person_id)
    except KeyError:
        abort(404, description=f"no minister with id {person_id!r} in the registry; see /api/v1/ministers")
    return jsonify(present.minister_json(person, get_stats().ministers.get(person_id), registry, _minister_links))


@api.get("/tools")
def tools() -> Response:
    reject_unknown(request.args, ())
    vocabulary = default_vocabulary()
    stats = get_stats()
    results = [present.tool_json(e, stats.tools.get(e.id), vocabulary, _tool_links) for e in vocabulary.entries]
    return jsonify({"total": len(results), "results": results})


@api.get("/tools/<tool_id>")
def tool(tool_id: str) -> Response:
    reject_unknown(request.args, ())
    vocabulary = default_vocabulary()
    try:
        entry = vocabulary.get(tool_id)
    except KeyError:
        abort(404, description=f"no tool with id {tool_id!r} in the vocabulary; see /api/v1/tools")
    return jsonify(present.tool_json(entry, get_stats().tools.get(tool_id), vocabulary, _tool_links, detail=True))


def _csv_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _minister_cell(minister: dict[str, Any]) -> str:
    details = [d for d in (minister.get("role"), "co-signer" if minister.get("co_signer") else None) if d]
    name = minister.get("name") or "?"
    return f"{name} ({', '.join(details)})" if details else name


def csv_row(item: dict[str, Any]) -> list[str]:
    askers = "; ".join(a["name"] + (f" ({a['party']})" if a.get("party") else "") for a in item["askers"])
    ministers = "; ".join(_minister_cell(m) for m in item["ministers"])
    tools = "; ".join(t["name"] for t in item["tools"])
    return [item["id"], _csv_cell(item["title"]), item["parliament"], item["country"], item["asked_on"] or "",
            item["answered_on"] or "", item["status"], _csv_cell(askers), _csv_cell(ministers), _csv_cell(tools),
            item["url"], item["permalink"]]


def _csv_line(row: list[str] | tuple[str, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(row)
    return buffer.getvalue()


@api.get("/search.csv")
def search_csv() -> Response:
    """The whole result set, one row per record, streamed page by page.

    Capped at CSV_MAX_ROWS (default 10,000: the engine's result window); the headers say when
    the cap cut the set (X-Result-Truncated) and how many records matched (X-Total-Count)."""
    base = parse_search(request.args, paging=False, facets=False, highlight=False)
    cap = min(int(current_app.config["CSV_MAX_ROWS"]), MAX_WINDOW)  # deeper pages are refused by the engine
    engine = get_engine()
    # The first page is fetched before the response starts, so a failing search is still a
    # proper error response and the totals can go into the headers.
    first = engine.search(_page(base, 1))

    def rows() -> Iterator[str]:
        yield _csv_line(CSV_COLUMNS)
        result, page, sent = first, 1, 0
        while result.hits and sent < cap:
            for hit in result.hits[: cap - sent]:
                yield _csv_line(csv_row(present.result_item(hit, permalink)))
                sent += 1
            if page * MAX_PER_PAGE >= min(result.total, cap):
                break
            page += 1
            result = engine.search(_page(base, page))

    headers = {
        "Content-Disposition": 'attachment; filename="kamerwacht-search.csv"',
        "X-Total-Count": str(first.total),
        "X-Result-Truncated": "true" if first.total > cap else "false",
    }
    return Response(stream_with_context(rows()), mimetype="text/csv", headers=headers)


def _page(query: SearchQuery, page: int) -> SearchQuery:
    return SearchQuery(q=query.q, filters=query.filters, date_from=query.date_from, date_to=query.date_to,
                       sort=query.sort, page=page, per_page=MAX_PER_PAGE, facets=False, highlight=False).validated()


@api.get("/export.jsonl")
def export_jsonl() -> Response:
    """Every record in the contract shape, one JSON object per line (what `kamerwacht import`
    reads), streamed straight from the engine."""
    reject_unknown(request.args, ())
    engine = get_engine()

    def lines() -> Iterator[str]:
        for record in engine.iter_records():
            yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"

    headers = {"Content-Disposition": 'attachment; filename="kamerwacht-records.jsonl"'}
    return Response(stream_with_context(lines()), mimetype="application/x-ndjson", headers=headers)


@api.get("/openapi.json")
def openapi() -> Response:
    reject_unknown(request.args, ())
    return jsonify(openapi_document(server_url=url_for("api.search", _external=True).rsplit("/", 1)[0]))


@api.after_request
def _cors(response: Response) -> Response:
    # Public, read-only data: scripts on other origins may read it (no cookies are involved).
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
