"""What every backend builds its answer from, so that both answer alike: facet values with
their labels and order, and highlight fragments (computed here from the stored record, not by
the engine, so escaping and marking are the same everywhere)."""

from __future__ import annotations


from archive.ministers import default_registry
from archive.vocabulary import default_vocabulary
from search.analysis import Highlighter, analyze, is_stopword
from search.model import FACETS, FacetValue, SearchQuery
from search.query import Node, positive_leaves

# Facets with few values are listed whole; the others show their MAX_FACET_VALUES largest.
COMPLETE_FACETS = ("status", "country", "language", "parliament", "year")
MAX_FACET_VALUES = 50


def highlighter_for(tree: Node | None) -> Highlighter:
    """The highlighter of a query: the analyzed forms (Dutch and French) of its positive words,
    function words left unmarked unless there is nothing else."""
    words = [w for leaf in positive_leaves(tree) for w in leaf.text.split()]
    marked = [w for w in words if not is_stopword(w)] or words
    terms = {}
    for lang in ("nl", "fr"):
        terms[lang] = frozenset(t for w in marked for t in analyze(lang, w) if len(t) > 1)
    return Highlighter(terms)


def empty_facets(query: SearchQuery) -> dict[str, list[FacetValue]]:
    return {name: [] for name in FACETS} if query.facets else {}


def facet_values(counts: dict[str, dict[str, int]]) -> dict[str, list[FacetValue]]:
    """Counts per facet and value -> the facet lists a result carries: labelled, by count then
    label, the long ones cut at MAX_FACET_VALUES."""
    out = {}
    for facet in FACETS:
        items = sorted(counts.get(facet, {}).items(), key=lambda kv: -kv[1])
        if facet not in COMPLETE_FACETS and len(items) > MAX_FACET_VALUES:
            # Labels (registry, vocabulary) only for the values that can make the cut: the
            # first MAX_FACET_VALUES and those tied with the last of them.
            last = items[MAX_FACET_VALUES - 1][1]
            items = [kv for kv in items if kv[1] >= last]
        values = [FacetValue(v, facet_label(facet, v), c) for v, c in items]
        values.sort(key=lambda v: (-v.count, v.label.casefold(), v.value))
        out[facet] = values if facet in COMPLETE_FACETS else values[:MAX_FACET_VALUES]
    return out


def facet_label(facet: str, value: str) -> str:
    """The label a person reads for a facet value (see the search/web contract)."""
    if facet == "minister":
        try:
            return default_registry().person(value).name
        except KeyError:
            return value  # a name as written (not in the registry)
    if facet == "tool":
        try:
            return default_vocabulary().get(value).name
        except KeyError:
            return value
    if facet == "category":
        labels = default_vocabulary().categories.get(value)
        return labels["nl"] if labels else value
    return value


