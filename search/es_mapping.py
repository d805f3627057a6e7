"""The Elasticsearch index, declared once from search/schema.py: settings (analyzers), mappings,
and the document sent for a record. Plain JSON, built without a server (unit-tested as such).

Analyzers (the chains of search/analysis.py, in Elasticsearch's terms):

* ``kw_nl``: words are runs of letters and digits (``pattern`` tokenizer, as tantivy's simple
  tokenizer), tokens over 60 characters dropped, lower case, ASCII folding, single letters
  dropped, Dutch stemmer (Lucene's classic Snowball ``dutch``: it differs from tantivy's Snowball 3
  on some words, e.g. "minister" stays "minister"; recall, not the stems, is what users see).
* ``kw_fr``: the same with the light French stemmer.
* ``kw_exact``: the same without stemming: the ``.exact`` sub-fields, for "exact phrases".
* the ``parts`` field holds the parts of the Dutch compounds, split in Python by the same
  ``Decompounder`` as the embedded backend (search/analysis.py; word list
  data/search/nl-compound-words.txt plus the one-word tool aliases), analyzed with ``kw_nl``.
  Elasticsearch's own ``dictionary_decompounder`` was tried first and dropped: it takes any
  substring that is a list word, so "navraag" gave "vraag" (a question about a postponement
  notice was found by "vragen") and "voorbeeld" gave "beeld", which the contract suite caught;
  the Python splitter only splits words that decompose completely, and both backends then
  find the same compounds.
* ``kw_nl_search`` / ``kw_fr_search``: the search side of ``kw_nl``/``kw_fr`` with a
  ``synonym_graph`` of the tool vocabulary's aliases of that language ("kentekenherkenning" finds
  "ANPR", "logiciel espion" finds "spyware").
* ``kw_plain``: no stemming, for the spelling vocabulary ("did you mean", the term suggester).

The spelling field (titles in both languages and names) also has a ``search_as_you_type``
sub-field (``spell.complete``): the typeahead of ``complete``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from archive.vocabulary import Alias, Vocabulary, default_vocabulary
from search import schema
from search.analysis import MAX_TOKEN_CHARS, SINGLE_LETTERS, fold_word

ANALYZER = {"nl": "kw_nl", "fr": "kw_fr", "plain": "kw_plain"}
SEARCH_ANALYZER = {"nl": "kw_nl_search", "fr": "kw_fr_search"}
EXACT = "exact"  # sub-field for phrases
COMPLETE = "complete"  # search_as_you_type sub-field
# Titles (both languages) and names, together in the spelling field: a typed word from the
# title and one from a name must both count ("clearview grapp").
COMPLETION_FIELDS = ("spell",)
_NON_WORD = re.compile(r"[^\w]+|_")


def _chain(*extra: str) -> dict[str, Any]:
    return {"type": "custom", "tokenizer": "kw_words",
            "filter": ["kw_long", "lowercase", "asciifolding", "kw_letters", *extra]}


def _alias_text(alias: Alias) -> str | None:
    """An alias as the synonym rules write it: folded words, or None for aliases that must not
    be used as free-text synonyms (case-sensitive acronyms such as CATCH, context-bound ones,
    those the vocabulary keeps out of search)."""
    if alias.case_sensitive or not alias.search or alias.context:
        return None
    words = [w for w in _NON_WORD.split(fold_word(alias.term)) if len(w) > 1]
    return " ".join(words) if words and len(" ".join(words)) >= 3 else None


def synonyms(vocabulary: Vocabulary, language: str) -> list[str]:
    """One rule per tool: its aliases in ``language`` ("a, b, c"), when there are two or more."""
    rules = []
    for entry in vocabulary.entries:
        texts = sorted({t for t in (_alias_text(a) for a in entry.terms if language in a.languages) if t})
        if len(texts) >= 2:
            rules.append(", ".join(texts))
    return rules


def index_settings(vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    vocabulary = vocabulary or default_vocabulary()
    return {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "analysis": {
            "tokenizer": {"kw_words": {"type": "pattern", "pattern": r"[^\p{L}\p{N}]+"}},
            "filter": {
                "kw_long": {"type": "length", "max": MAX_TOKEN_CHARS},
                "kw_letters": {"type": "stop", "stopwords": list(SINGLE_LETTERS)},
                "kw_nl_stem": {"type": "stemmer", "language": "dutch"},
                "kw_fr_stem": {"type": "stemmer", "language": "light_french"},
                "kw_nl_synonyms": {"type": "synonym_graph", "synonyms": synonyms(vocabulary, "nl"), "lenient": True},
                "kw_fr_synonyms": {"type": "synonym_graph", "synonyms": synonyms(vocabulary, "fr"), "lenient": True},
            },
            "analyzer": {
                "kw_nl": _chain("kw_nl_stem"),
                "kw_fr": _chain("kw_fr_stem"),
                "kw_exact": _chain(),
                "kw_plain": _chain(),
                "kw_nl_search": _chain("kw_nl_synonyms", "kw_nl_stem"),
                "kw_fr_search": _chain("kw_fr_synonyms", "kw_fr_stem"),
            },
        },
    }


def _text_mapping(f: schema.Field) -> dict[str, Any]:
    if f.name == "parts":
        return {"type": "text", "analyzer": "kw_nl"}
    if f.analyzer == "plain":
        out = {"type": "text", "analyzer": "kw_plain"}
        if f.name in COMPLETION_FIELDS:
            out["fields"] = {COMPLETE: {"type": "search_as_you_type", "analyzer": "kw_exact"}}
        return out
    out: dict[str, Any] = {"type": "text", "analyzer": ANALYZER[f.analyzer],
                           "search_analyzer": SEARCH_ANALYZER[f.analyzer],
                           "fields": {EXACT: {"type": "text", "analyzer": "kw_exact"}}}
    return out


def mappings() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for f in schema.FIELDS:
        if f.kind == "keyword":
            properties[f.name] = {"type": "keyword"}
        elif f.kind == "date":
            properties[f.name] = {"type": "date", "format": "strict_date"}
        elif f.kind == "int":
            properties[f.name] = {"type": "long"}
        elif f.kind == "stored":
            # The whole record, returned with every hit; not indexed.
            properties[f.name] = {"type": "object", "enabled": False}
        else:
            properties[f.name] = _text_mapping(f)
    return {"dynamic": "strict", "_meta": {"mapping_version": mapping_version()}, "properties": properties}


@functools.cache
def mapping_version() -> str:
    """A short hash of everything that shapes the index: a new value means a new index."""
    body = {"settings": index_settings(), "properties": {f.name: (f.kind, f.analyzer) for f in schema.FIELDS}}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:10]


def es_document(record: Mapping[str, Any]) -> dict[str, Any]:
    """The document indexed for a record: the values of search/schema.py (the same as the
    embedded backend indexes), with the record as a JSON object and dates as ISO strings."""
    values = schema.document_for(record)
    out: dict[str, Any] = {}
    for f in schema.FIELDS:
        value = values[f.name]
        if f.kind == "stored":
            out[f.name] = dict(record)
        elif f.kind == "date":
            out[f.name] = value.isoformat() if isinstance(value, dt.date) else None
        else:
            out[f.name] = value
    return out
