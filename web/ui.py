"""The site for people: search, record, minister, tool and coverage pages (no JavaScript needed).

Every search state is in the query string, with the same parameter names as the API
(web.params), so a page can be shared and its results fetched as JSON or CSV by swapping the
path. The interface language is a cookie (see web.i18n).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, abort, make_response, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from archive.ministers import default_registry
from archive.sources import BY_NAME as SOURCE_BY_NAME, SOURCES as SOURCE_CATALOGUE
from archive.vocabulary import default_vocabulary
from search import related
from search.model import MAX_WINDOW, QueryError, SearchQuery, SearchResult, STATUSES
from web import charts, i18n, present
from web.context import demo_count, get_engine, get_stats, get_store, settings
from web.params import FACET_TO_PARAM, FILTER_PARAMS, SEARCH_PARAMS, parse_search

# Templates and static files are the application's (web/templates, web/static at /static).
ui = Blueprint("ui", __name__)

FACET_ORDER = ("minister", "ministry", "tool", "category", "party", "asker", "parliament", "country", "year",
               "status", "language")
FACET_VISIBLE = 8  # more values sit in a <details> element (no JavaScript needed)
PAGE_WINDOW = 2  # page links on each side of the current page
COOKIE_MAX_AGE = 365 * 24 * 3600
# The reader's preferred language for texts published in both (Belgian records): a preference,
# like the interface language, so a shared link still opens on the record.
TEXT_COOKIE = "kw_text"


# --- helpers ---------------------------------------------------------------------------------

def lang() -> str:
    return i18n.choose(request.cookies.get(i18n.COOKIE))


def t(key: str, **values: object) -> str:
    return i18n.translate(lang(), key, **values)


def _known_pairs(args: MultiDict[str, str]) -> list[tuple[str, str]]:
    """The search state of a request: known parameters, empty values dropped, in a stable order."""
    return [(name, value) for name in SEARCH_PARAMS for value in args.getlist(name) if value.strip()]


def search_url(pairs: Iterable[tuple[str, str]], endpoint: str = "ui.search") -> str:
    pairs = list(pairs)
    base = url_for(endpoint)
    return f"{base}?{urlencode(pairs)}" if pairs else base


def _without_paging(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in pairs if k != "page"]


def toggle_url(pairs: list[tuple[str, str]], param: str, value: str) -> str:
    """The search with ``param=value`` added, or removed when it is there (back to page 1)."""
    base = _without_paging(pairs)
    if (param, value) in base:
        return search_url([p for p in base if p != (param, value)])
    return search_url(base + [(param, value)])


def page_url(pairs: list[tuple[str, str]], page: int) -> str:
    base = _without_paging(pairs)
    return search_url(base + ([("page", str(page))] if page > 1 else []))


def _safe_next(target: str | None) -> str:
    # Only a path on this site: "//evil.example" or "https://..." would make an open redirect.
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("ui.search")
    return target


def page(template: str, status: int = 200, **context: Any) -> Response:
    demo, total = demo_count()
    html = render_template(template, demo_records=demo, total_records=total,
                           status_as_of=settings().status_as_of, **context)
    return make_response(html, status)


# --- search ----------------------------------------------------------------------------------

@dataclass
class FacetLink:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetBlock:
    name: str  # facet name
    param: str
    title: str
    values: list[FacetLink]


def _facet_label(facet: str, value: str, label: str) -> str:
    if facet == "status" and value in STATUSES:
        return t(f"status_{value}")
    if facet == "category" and lang() != "nl":
        return default_vocabulary().categories.get(value, {}).get(lang(), label)
    return label


def facet_blocks(result: SearchResult, query: SearchQuery, pairs: list[tuple[str, str]]) -> list[FacetBlock]:
    blocks = []
    for facet in FACET_ORDER:
        param = FACET_TO_PARAM[facet]
        selected = query.filters.get(facet, ())
        values = result.facets.get(facet, [])
        links = [FacetLink(v.value, _facet_label(facet, v.value, v.label), v.count, v.value in selected,
                           toggle_url(pairs, param, v.value)) for v in values]
        shown = {v.value for v in values}
        # A selected value the engine did not count (no longer matching) must stay removable.
        links += [FacetLink(v, _facet_label(facet, v, v), 0, True, toggle_url(pairs, param, v))
                  for v in selected if v not in shown]
        if links:
            blocks.append(FacetBlock(facet, param, t(f"facet_{param}"), links))
    return blocks


def active_filters(query: SearchQuery, pairs: list[tuple[str, str]],
                   labels: dict[tuple[str, str], str]) -> list[tuple[str, str, str]]:
    """(facet title, value label, removal URL) for each filter in use."""
    out = []
    for facet, values in query.filters.items():
        param = FACET_TO_PARAM[facet]
        for value in values:
            label = labels.get((facet, value), _facet_label(facet, value, value))
            out.append((t(f"facet_{param}"), label, toggle_url(pairs, param, value)))
    return out


def pagination(result: SearchResult, pairs: list[tuple[str, str]]) -> dict[str, Any] | None:
    pages = math.ceil(min(result.total, MAX_WINDOW) / result.per_page) if result.total else 0
    if pages <= 1:
        return None
    current = result.page
    numbers = sorted({1, pages, *range(max(1, current - PAGE_WINDOW), min(pages, current + PAGE_WINDOW) + 1)})
    links: list[tuple[int | None, str | None]] = []
    for number in numbers:
        if links and links[-1][0] is not None and number - links[-1][0] > 1:  # type: ignore[operator]
            links.append((None, None))  # a gap
        links.append((number, page_url(pairs, number)))
    return {
        "current": current,
        "pages": pages,
        "links": links,
        "previous": page_url(pairs, current - 1) if current > 1 else None,
        "next": page_url(pairs, current + 1) if current < pages else None,
    }


@ui.get("/")
def search() -> Response:
    pairs = _known_pairs(request.args)
    try:
        query = parse_search(request.args, strict=False)
        result = get_engine().search(query)  # the engine refuses some queries too ("OR" alone)
    except QueryError as exc:
        return page("search.html", status=400, error=str(exc), query=None, result=None, pairs=pairs,
                    args=request.args)
    labels = {(facet, v.value): _facet_label(facet, v.value, v.label)
              for facet, values in result.facets.items() for v in values}
    csv_pairs = [(k, v) for k, v in pairs if k not in ("page", "per_page")]
    return page(
        "search.html",
        error=None,
        query=query,
        result=result,
        pairs=pairs,
        args=request.args,
        facets=facet_blocks(result, query, pairs),
        active=active_filters(query, pairs, labels),
        pagination=pagination(result, pairs),
        items=[(_in_text_language(present.result_item(hit, present.permalink), hit.record), hit.record,
                _postponers(hit.record)) for hit in result.hits],
        suggestion_url=search_url([("q", result.suggestion), *[(k, v) for k, v in _without_paging(pairs) if k != "q"]])
        if result.suggestion else None,
        csv_url=search_url(csv_pairs, "api.search_csv"),
        json_url=search_url(pairs, "api.search"),
        feed_url=search_url([(k, v) for k, v in csv_pairs if k != "sort"], "feeds.search"),
        hidden_filters=[(k, v) for k, v in pairs if k in FILTER_PARAMS or k == "per_page"],
    )


def _postponers(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Who signed a postponement notice: the minister filter finds them (search.schema), so a
    result found through them says so even when no answer is signed yet."""
    seen = {(m.get("person_id"), m.get("name")) for m in record["ministers"]}
    out = []
    for document in record["documents"]:
        if document["kind"] != "postponement_notice":
            continue
        for minister in document["ministers"]:
            key = (minister.get("person_id"), minister.get("name"))
            if key not in seen:
                seen.add(key)
                out.append(minister)
    return out


def _in_text_language(item: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """A result shows its title in the reader's chosen text language when the parliament
    published one (see TEXT_COOKIE)."""
    chosen = request.cookies.get(TEXT_COOKIE)
    if not chosen or chosen == record["language"]:
        return item
    view, _ = present.in_language(record, chosen)
    return {**item, "title": view["title"], "title_lang": chosen} if view is not record else item


# --- record ----------------------------------------------------------------------------------

def _record_or_redirect(record_id: str) -> dict[str, Any] | Response:
    record = get_engine().get(record_id)
    if record is not None:
        return record
    store = get_store()
    target = store.alias_target(record_id) if store else None
    if target:
        return redirect(url_for("ui.record", record_id=target), code=301)
    abort(404, description=t("error_404") + f": {record_id}")


@ui.get("/questions/<record_id>")
def record(record_id: str) -> Response:
    found = _record_or_redirect(record_id)
    if isinstance(found, Response):
        return found
    documents = sorted(found["documents"], key=lambda d: (d.get("date") or "9999", d["kind"]))
    languages = found.get("languages") or [found["language"]]
    asked_for = request.args.get("text")
    text_lang = next((x for x in (asked_for, request.cookies.get(TEXT_COOKIE)) if x in languages), found["language"])
    view, answers_stay = present.in_language(found, text_lang)
    engine = get_engine()
    thread = related.thread(engine, found)
    response = page("record.html", record=view, original=found, pairs=present.pairs(view), documents=documents,
                    official_url=present.official_url(found), kinds=_provenance_kinds(found),
                    doc_dates={d["id"]: d["date"] for d in documents if d.get("id")},
                    languages=languages, text_lang=text_lang, answers_stay=answers_stay,
                    thread=thread, linked=present.linked(found, thread, engine), elsewhere=related.elsewhere(engine, found, limit=5))
    if asked_for in languages and len(languages) > 1:
        # The reader chose a text language: remembered for the next bilingual record.
        response.set_cookie(TEXT_COOKIE, asked_for, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                            secure=request.is_secure)
    return response


def _provenance_kinds(record: dict[str, Any]) -> set[str]:
    provenance = record["provenance"]
    return {provenance["kind"], *(d["kind"] for d in provenance.get("documents", []))}


# --- ministers and tools -----------------------------------------------------------------------

def _year_rows(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Every year from the first to the last, zeros included: gaps in time are information."""
    if not counts:
        return []
    years = range(int(min(counts)), int(max(counts)) + 1)
    return [(str(year), counts.get(str(year), 0)) for year in years]


@ui.get("/ministers")
def ministers() -> Response:
    registry = default_registry()
    stats = get_stats()
    rows = [(person, stats.ministers.get(person.id)) for person in registry.people(country=None)]
    # Those with answers in the archive first (most first), then everyone else by surname.
    rows.sort(key=lambda row: (-(row[1].answers if row[1] else 0), row[0].surname.lower()))
    roles = sorted((r.as_json() for r in stats.roles.values()), key=lambda r: (-r["late"], -r["answered"], r["role"]))
    return page("ministers.html", rows=rows, roles=roles)


@ui.get("/ministers/<person_id>")
def minister(person_id: str) -> Response:
    registry = default_registry()
    try:
        person = registry.person(person_id)
    except KeyError:
        abort(404, description=t("error_404") + f": {person_id}")
    figures = get_stats().ministers.get(person_id)
    data = present.minister_json(person, figures, registry, lambda _id: {})
    year_rows = _year_rows(data["answers_per_year"])
    chart = charts.simple_bars(year_rows, t("answers_per_year")) if year_rows else None
    return page("minister.html", person=person, data=data, chart=chart, year_rows=year_rows,
                search_link=search_url([("minister", person_id)]),
                valid_through=registry.valid_through(person.country))


@ui.get("/open")
def open_questions() -> Response:
    stats = get_stats()
    groups = [{"name": name, "rows": present.waiting_json(stats, name)} for name in present.WAITING_GROUPS]
    return page("open.html", groups=groups)


@ui.get("/tools")
def tools() -> Response:
    vocabulary = default_vocabulary()
    stats = get_stats()
    rows = [(entry, stats.tools.get(entry.id)) for entry in vocabulary.entries]
    return page("tools.html", rows=rows, categories=vocabulary.categories)


@ui.get("/tools/<tool_id>")
def tool(tool_id: str) -> Response:
    vocabulary = default_vocabulary()
    try:
        entry = vocabulary.get(tool_id)
    except KeyError:
        abort(404, description=t("error_404") + f": {tool_id}")
    data = present.tool_json(entry, get_stats().tools.get(tool_id), vocabulary, lambda _id: {}, detail=True)
    parliaments = sorted(data["per_parliament"])
    matrix: dict[str, dict[str, int]] = {}
    for cell in data["per_year_parliament"]:
        matrix.setdefault(cell["year"], {})[cell["parliament"]] = cell["count"]
    years = [year for year, _ in _year_rows(data["per_year"])]
    table = [(year, matrix.get(year, {})) for year in years]
    chart = charts.stacked_bars(table, parliaments) if table else None
    return page("tool.html", entry=entry, data=data, parliaments=parliaments, table=table, chart=chart,
                category_label=vocabulary.categories[entry.category].get(lang(), entry.category),
                search_link=search_url([("tool", tool_id)]))


# --- coverage --------------------------------------------------------------------------------

@ui.get("/coverage")
def coverage() -> Response:
    store = get_store()
    sources = []
    crawled = set(store.sources()) if store is not None else set()
    # Every source the archive knows, crawled or not (a source never crawled says so), then any
    # name the store holds that the catalogue no longer lists.
    names = [s.name for s in SOURCE_CATALOGUE] + sorted(crawled - {s.name for s in SOURCE_CATALOGUE})
    for source in names:
        info = SOURCE_BY_NAME.get(source)
        if store is None or source not in crawled:
            sources.append({"name": source, "info": info, "crawled": False})
            continue
        accepted, kept_out = store.document_counts(source)
        quarantined = store.quarantined(source)
        sources.append({
            "name": source, "info": info, "crawled": True,
            "last_run": store.last_run(source),
            "last_ok": store.last_run(source, finished_ok=True),
            "records": store.count_records(source),
            "accepted": accepted,
            "kept_out": kept_out,
            "kept_out_reasons": store.rejected_reasons(source),
            "quarantined": quarantined,
            "quarantine_reasons": Counter(entry.reason for entry in quarantined).most_common(),
        })
    return page("coverage.html", store_exists=store is not None, sources=sources, indexed=get_engine().count())


# --- interface language ------------------------------------------------------------------------

@ui.get("/lang/<code>")
def set_language(code: str) -> Response:
    if code not in i18n.LANGUAGES:
        abort(404)
    response = redirect(_safe_next(request.args.get("next")), code=303)
    response.set_cookie(i18n.COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return response


def _switch_url() -> str:
    other = "en" if lang() == "nl" else "nl"
    here = request.full_path.rstrip("?") if request.query_string else request.path
    return url_for("ui.set_language", code=other, next=here)


def _is_link(value: str) -> bool:
    return value.startswith(("https://", "http://"))


def init_app(app: Flask) -> None:
    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {"lang": lang(), "t": t, "switch_url": _switch_url, "is_link": _is_link}

    app.add_template_filter(lambda value: i18n.format_date(value, lang()), "date")
