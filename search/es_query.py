"""SearchQuery -> Elasticsearch request bodies, as plain JSON (unit-tested without a server).

The query tree of search/query.py is translated word by word, as the embedded backend does:

* a word is a ``match_phrase`` on every searched field with its weight (a word that analysis
  splits, "ANPR-camera's", is then a phrase: anpr camera); an "exact phrase" is a
  ``match_phrase`` on the unstemmed ``.exact`` sub-fields, never on the compound parts;
* AND, OR and exclusions are ``bool`` must / should / must_not;
* a query that is nothing but tool names also matches the records tagged with those tools
  (search.query.named_tools), below those whose text says them;
* filters are ``terms`` on keyword fields, OR within a facet and AND across facets; they go into
  ``post_filter`` so that each facet's aggregation can leave out its own filter ("disjunctive"
  counts) while counting under all the others;
* the year facet is a ``date_histogram`` by calendar year; every other facet a ``terms``
  aggregation;
* sort: score then id (ties in a stable order), or the precomputed newest/oldest keys; pages
  with ``from``/``size`` inside the 10,000-result window (search.model.MAX_WINDOW); exports walk
  the whole index with ``search_after``.
"""

from __future__ import annotations

from typing import Any

from search import schema
from search.analysis import analyze
from search.es_mapping import EXACT
from search.model import FACETS, SearchQuery
from search.query import And, Node, Not, Or, Phrase, Term, named_tools, positive_leaves
from search.results import COMPLETE_FACETS, MAX_FACET_VALUES

# Edits allowed by word length, as the embedded backend: none up to 3 letters, 1 up to 5, 2 beyond.
FUZZINESS = "AUTO:4,6"
MATCH_NONE: dict[str, Any] = {"match_none": {}}
MATCH_ALL: dict[str, Any] = {"match_all": {}}


def _has_words(text: str) -> bool:
    """Whether analysis keeps anything of a word: a word that is only punctuation or a single
    letter is dropped from the query, as the embedded backend drops it."""
    return bool(analyze("plain", text))


def leaf(text: str, *, phrase: bool, fuzzy: bool = False) -> dict[str, Any] | None:
    should: list[dict[str, Any]] = []
    for f in schema.SEARCHED_FIELDS:
        if phrase:
            if f.name == "parts":
                continue  # an exact phrase means the word itself, not a compound holding it
            field = f.name if f.analyzer == "plain" else f"{f.name}.{EXACT}"
            should.append({"match_phrase": {field: {"query": text, "boost": f.boost}}})
        elif fuzzy:
            if f.name in schema.FUZZY_FIELDS:
                should.append({"match": {f.name: {"query": text, "fuzziness": FUZZINESS, "operator": "and",
                                                  "boost": f.boost}}})
        else:
            should.append({"match_phrase": {f.name: {"query": text, "boost": f.boost}}})
    return {"bool": {"should": should, "minimum_should_match": 1}} if should else None


def translate(node: Node | None, *, fuzzy: bool = False) -> dict[str, Any] | None:
    """The tree as an Elasticsearch query; None for a tree with no searchable word."""
    if node is None:
        return None
    if isinstance(node, (Term, Phrase)):
        if not _has_words(node.text):
            return None
        return leaf(node.text, phrase=isinstance(node, Phrase), fuzzy=fuzzy and isinstance(node, Term))
    if isinstance(node, Not):
        inner = translate(node.node, fuzzy=fuzzy)
        return None if inner is None else {"bool": {"must_not": [inner]}}
    if isinstance(node, Or):
        subs = [q for q in (translate(c, fuzzy=fuzzy) for c in node.nodes) if q is not None]
        if not subs:
            return None
        return subs[0] if len(subs) == 1 else {"bool": {"should": subs, "minimum_should_match": 1}}
    assert isinstance(node, And)
    must = [q for q in (translate(c, fuzzy=fuzzy) for c in node.nodes if not isinstance(c, Not)) if q is not None]
    must_not = [q for q in (translate(c.node, fuzzy=fuzzy) for c in node.nodes if isinstance(c, Not))
                if q is not None]
    if not must and not must_not:
        return None
    if len(must) == 1 and not must_not:
        return must[0]
    out: dict[str, Any] = {"must": must or [MATCH_ALL]}
    if must_not:
        out["must_not"] = must_not
    return {"bool": out}


def text_query(tree: Node | None, vocabulary: Any, *, fuzzy: bool = False) -> dict[str, Any] | None:
    """The free-text part: None without words; match_none for words that analysis drops."""
    if tree is None:
        return None
    q = translate(tree, fuzzy=fuzzy) or MATCH_NONE
    tools = named_tools(tree, vocabulary) if not fuzzy else ()
    if tools and q is not MATCH_NONE:
        tagged = {"constant_score": {"filter": {"bool": {"filter": [{"term": {"tool": t}} for t in tools]}},
                                     "boost": schema.TOOL_MATCH_BOOST}}
        q = {"bool": {"should": [q, tagged], "minimum_should_match": 1}}
    return q


def filter_clauses(query: SearchQuery) -> dict[str, dict[str, Any]]:
    """One ``terms`` clause per filtered facet (or hidden filter), keyed by its name."""
    return {name: {"terms": {schema.FILTER_FIELDS[name].name: list(values)}}
            for name, values in query.filters.items() if values}


def date_clause(query: SearchQuery) -> dict[str, Any] | None:
    if not (query.date_from or query.date_to):
        return None
    bounds = {}
    if query.date_from:
        bounds["gte"] = query.date_from.isoformat()
    if query.date_to:
        bounds["lte"] = query.date_to.isoformat()
    return {"range": {"asked_on": bounds}}


def base_query(text: dict[str, Any] | None, query: SearchQuery, *, with_filters: bool) -> dict[str, Any]:
    must = [text] if text is not None else []
    filters = [c for c in [date_clause(query)] if c is not None]
    if with_filters:
        filters += list(filter_clauses(query).values())
    if not must and not filters:
        return MATCH_ALL
    out: dict[str, Any] = {}
    if must:
        out["must"] = must
    if filters:
        out["filter"] = filters
    return {"bool": out}


def facet_aggregations(query: SearchQuery) -> dict[str, Any]:
    clauses = filter_clauses(query)
    aggs = {}
    for facet in FACETS:
        others = [c for name, c in clauses.items() if name != facet]
        if facet == "year":
            inner = {"date_histogram": {"field": "asked_on", "calendar_interval": "year", "format": "yyyy",
                                        "min_doc_count": 1}}
        else:
            size = 1000 if facet in COMPLETE_FACETS else 10 * MAX_FACET_VALUES
            inner = {"terms": {"field": schema.FACET_FIELDS[facet].name, "size": size}}
        aggs[facet] = {"filter": {"bool": {"filter": others}} if others else MATCH_ALL, "aggs": {"values": inner}}
    return aggs


def facet_counts(aggregations: dict[str, Any]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
        counts[facet] = {str(b.get("key_as_string", b["key"])): b["doc_count"] for b in buckets if b["doc_count"]}
    return counts


def sort_for(query: SearchQuery, ranked: bool) -> list[dict[str, Any]]:
    if query.sort == "relevance" and ranked:
        return [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    # Without words to rank by, "relevance" lists the newest first (as the embedded backend).
    key = "sort_oldest" if query.sort == "oldest" else "sort_newest"
    return [{key: {"order": "asc"}}]


def search_body(query: SearchQuery, tree: Node | None, vocabulary: Any, *, fuzzy: bool = False) -> dict[str, Any]:
    """The whole search request: page, total, facets."""
    text = text_query(tree, vocabulary, fuzzy=fuzzy)
    clauses = filter_clauses(query)
    body: dict[str, Any] = {
        "query": base_query(text, query, with_filters=False),
        "sort": sort_for(query, ranked=next(positive_leaves(tree), None) is not None),
        "from": (query.page - 1) * query.per_page,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": ["record"],
    }
    if clauses:
        body["post_filter"] = {"bool": {"filter": list(clauses.values())}}
    if query.facets:
        body["aggs"] = facet_aggregations(query)
    return body


def count_body(query: SearchQuery, tree: Node | None, vocabulary: Any) -> dict[str, Any]:
    return {"query": base_query(text_query(tree, vocabulary), query, with_filters=True)}
