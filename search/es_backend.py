"""The Elasticsearch backend (8.x, the official ``elasticsearch`` client).

Index layout: versioned indices ``<prefix>-<mapping version>-<time>`` behind the alias
``<prefix>`` (settings ``KAMERWACHT_ES_INDEX_PREFIX``, default ``kamerwacht-records``). Searches and
writes go through the alias. ``rebuild`` builds a new index and moves the alias to it in one
atomic ``_aliases`` call when it is complete, then removes the old indices; a mapping change
(search/es_mapping.py, ``mapping_version``) always means a new index and a swap, never a rewrite
in place (``stale_mapping`` says when one is needed; ``kamerwacht index`` then rebuilds).

Writes use ``helpers.streaming_bulk`` (retries with back-off on 429), then a refresh, so they are
visible to searches when ``upsert`` returns. Documents the cluster refuses are reported together
(``IndexingError``), never skipped in silence.

Answers are built like the embedded backend's: the same query tree (search/query.py), the same
facet labels and order and the same highlighter over the stored record (search/results.py), the
same "did you mean" rules (a word no record contains is corrected from the spelling field, here
by the term suggester; failing that, fuzzy matching).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from archive.settings import Settings
from archive.vocabulary import default_vocabulary
from search import es_mapping, es_query, schema
from search.engine import COMPLETIONS, Progress, SearchEngine, completion_words
from search.factory import BackendUnavailableError
from search.model import Hit, SearchQuery, SearchResult
from search.query import Node, Term, parse, positive_leaves, render, replace_terms
from search.results import empty_facets, facet_values, highlighter_for

SUPPORTED_MAJOR = 8
BULK_CHUNK = 500
ITER_WINDOW = 1000
SUGGEST_MIN_CHARS = 4


class IndexingError(RuntimeError):
    """Documents the cluster refused; ``failures`` holds (record id, reason) for each."""

    def __init__(self, failures: list[tuple[str, str]]) -> None:
        self.failures = failures
        shown = "; ".join(f"{rid}: {reason}" for rid, reason in failures[:10])
        more = f" (and {len(failures) - 10} more)" if len(failures) > 10 else ""
        super().__init__(f"{len(failures)} record(s) were not indexed: {shown}{more}")


class ReadOnlyError(RuntimeError):
    pass


_CLIENTS: dict[tuple[Any, ...], Any] = {}
_CLIENTS_LOCK = threading.Lock()
_VERSIONS: dict[int, str] = {}  # id(client) -> the cluster version checked for it


def client_for(settings: Settings) -> Any:
    """One client (and connection pool) per cluster and credentials for the whole process: the
    client is thread-safe and meant to live long; engines come and go with each web request,
    and a streamed export may outlive the request's engine."""
    from elasticsearch import Elasticsearch

    key = (settings.elasticsearch_url, settings.elasticsearch_username, settings.elasticsearch_password,
           str(settings.elasticsearch_ca_certs))
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is None:
            kwargs: dict[str, Any] = {"request_timeout": 30, "retry_on_timeout": True, "max_retries": 3}
            if settings.elasticsearch_password:
                kwargs["basic_auth"] = (settings.elasticsearch_username or "elastic", settings.elasticsearch_password)
            if settings.elasticsearch_ca_certs:
                kwargs["ca_certs"] = str(settings.elasticsearch_ca_certs)
            client = _CLIENTS[key] = Elasticsearch(settings.elasticsearch_url, **kwargs)
        return client


def check_cluster(client: Any, url: str) -> str:
    """The cluster's version, or BackendUnavailableError saying what is wrong."""
    from elasticsearch import AuthenticationException, ConnectionError as ESConnectionError, TransportError

    try:
        info = client.info()
    except AuthenticationException:
        raise BackendUnavailableError(f"Elasticsearch at {url} refused the credentials: check "
                                      "ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD") from None
    except (ESConnectionError, TransportError) as exc:
        raise BackendUnavailableError(f"cannot reach Elasticsearch at {url} ({type(exc).__name__}: {exc}); "
                                      "is the cluster up (docker compose up -d elasticsearch), and are "
                                      "ELASTICSEARCH_URL and ELASTICSEARCH_CA_CERTS right?") from None
    version = str(info.get("version", {}).get("number", "?"))
    if not version.split(".")[0].isdigit() or int(version.split(".")[0]) != SUPPORTED_MAJOR:
        raise BackendUnavailableError(f"Elasticsearch at {url} is version {version}; this backend needs "
                                      f"{SUPPORTED_MAJOR}.x (the client is pinned to the 8 line)")
    return version


class ElasticsearchEngine(SearchEngine):
    def __init__(self, settings: Settings, *, read_only: bool = True, client: Any = None) -> None:
        self.settings = settings
        self.read_only = read_only
        self.alias = settings.es_index_prefix
        self.client = client or client_for(settings)
        with _CLIENTS_LOCK:
            version = _VERSIONS.get(id(self.client))
        if version is None:  # once per client: not a round trip on every web request
            version = check_cluster(self.client, settings.elasticsearch_url)
            with _CLIENTS_LOCK:
                _VERSIONS[id(self.client)] = version
        self.version = version
        self.vocabulary = default_vocabulary()

    # --- indices ---------------------------------------------------------------------------

    def _new_index_name(self) -> str:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dt%H%M%S%f")
        return f"{self.alias}-{es_mapping.mapping_version()}-{stamp}"

    def _create_index(self) -> str:
        name = self._new_index_name()
        self.client.indices.create(index=name, settings=es_mapping.index_settings(self.vocabulary),
                                   mappings=es_mapping.mappings())
        return name

    def live_indices(self) -> list[str]:
        """The index (normally one) the alias points at; empty before the first write."""
        from elasticsearch import NotFoundError

        try:
            return sorted(self.client.indices.get_alias(name=self.alias).keys())
        except NotFoundError:
            return []

    def _own_indices(self) -> list[str]:
        from elasticsearch import NotFoundError

        try:
            return sorted(self.client.indices.get(index=f"{self.alias}-*").keys())
        except NotFoundError:
            return []

    def _ensure_alias(self) -> None:
        if self.read_only:
            raise ReadOnlyError("this engine was opened read-only")
        if not self.live_indices():
            name = self._create_index()
            self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])

    def stale_mapping(self) -> str | None:
        """Why the live index must be rebuilt (its mapping is not this code's), or None."""
        live = self.live_indices()
        if not live:
            return None
        meta = self.client.indices.get_mapping(index=live[0])[live[0]]["mappings"].get("_meta") or {}
        have = meta.get("mapping_version")
        want = es_mapping.mapping_version()
        return None if have == want else f"the live index {live[0]} has mapping {have}, this code declares {want}"

    # --- writing ---------------------------------------------------------------------------

    def _bulk(self, index: str, records: Iterable[dict[str, Any]], progress: Progress | None = None) -> int:
        from elasticsearch import helpers

        def actions() -> Iterator[dict[str, Any]]:
            for record in records:
                yield {"_op_type": "index", "_index": index, "_id": record["id"],
                       "_source": es_mapping.es_document(record)}

        done, failures = 0, []
        for ok, item in helpers.streaming_bulk(self.client, actions(), chunk_size=BULK_CHUNK, max_retries=5,
                                               initial_backoff=1, max_backoff=30, raise_on_error=False,
                                               raise_on_exception=False):
            if ok:
                done += 1
                if progress is not None and done % BULK_CHUNK == 0:
                    progress(done)
            else:
                info = next(iter(item.values()))
                error = info.get("error")
                reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
                failures.append((str(info.get("_id")), reason))
        self.client.indices.refresh(index=index)
        if progress is not None:
            progress(done)
        if failures:
            raise IndexingError(failures)
        return done

    def upsert(self, records: Iterable[dict[str, Any]]) -> int:
        self._ensure_alias()
        return self._bulk(self.alias, records)

    def delete(self, record_id: str) -> bool:
        from elasticsearch import NotFoundError

        if self.read_only:
            raise ReadOnlyError("this engine was opened read-only")
        try:
            self.client.delete(index=self.alias, id=record_id, refresh=True)
        except NotFoundError:
            return False
        return True

    def rebuild(self, records: Iterable[dict[str, Any]], progress: Progress | None = None) -> int:
        """A new versioned index; the alias moves to it in one atomic call only when every
        record is in; then the old indices go."""
        if self.read_only:
            raise ReadOnlyError("this engine was opened read-only")
        name = self._create_index()
        try:
            done = self._bulk(name, records, progress)
        except BaseException:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        old = self.live_indices()
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in self._own_indices():
            if index != name:
                self.client.indices.delete(index=index, ignore_unavailable=True)
        return done

    # --- reading ---------------------------------------------------------------------------

    def get(self, record_id: str) -> dict[str, Any] | None:
        from elasticsearch import NotFoundError

        try:
            found = self.client.get(index=self.alias, id=record_id, source_includes=["record"])
        except NotFoundError:
            return None
        return found["_source"]["record"]

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every record, walked with search_after on the id (no result window limit)."""
        after: list[Any] | None = None
        while True:
            body: dict[str, Any] = {"query": es_query.MATCH_ALL, "sort": [{"id": "asc"}], "size": ITER_WINDOW,
                                    "_source": ["record"], "track_total_hits": False}
            if after is not None:
                body["search_after"] = after
            response = self._or_none(lambda body=body: self.client.search(index=self.alias, **body))
            hits = response["hits"]["hits"] if response is not None else []
            for hit in hits:
                yield hit["_source"]["record"]
            if len(hits) < ITER_WINDOW:
                return
            after = hits[-1]["sort"]

    def complete(self, text: str, limit: int = COMPLETIONS) -> list[dict[str, str]]:
        """The ``search_as_you_type`` sub-field of titles and names (``spell.complete``): every
        typed word must be there, the last one as a prefix (a prefix query on a
        search_as_you_type field uses its edge-n-gram sub-field); by score, then newest."""
        words = completion_words(text)
        if words is None or limit < 1:
            return []
        whole, prefix = words
        field = f"spell.{es_mapping.COMPLETE}"
        must: list[dict[str, Any]] = [{"match": {field: w}} for w in whole]
        must.append({"prefix": {field: {"value": prefix}}})
        response = self._or_none(lambda: self.client.search(
            index=self.alias, size=limit, _source=["record"], query={"bool": {"must": must}},
            sort=[{"_score": "desc"}, {"sort_newest": "asc"}]))
        if response is None:
            return []
        return [{"id": h["_source"]["record"]["id"], "title": h["_source"]["record"]["title"]}
                for h in response["hits"]["hits"]]

    def count(self, query: SearchQuery | None = None) -> int:
        body = {}
        if query is not None:
            query = query.validated()
            body = es_query.count_body(query, parse(query.q), self.vocabulary)
        response = self._or_none(lambda: self.client.count(index=self.alias, **body))
        return int(response["count"]) if response is not None else 0

    def search(self, query: SearchQuery) -> SearchResult:
        query = query.validated()
        tree = parse(query.q)
        response = self._or_none(lambda: self._run(query, tree))
        if response is None:  # nothing indexed yet
            return SearchResult(0, query.page, query.per_page, [], empty_facets(query))
        total = response["hits"]["total"]["value"]
        shown_tree, suggestion, fuzzy = tree, None, False
        if total == 0 and tree is not None:
            found = self._fallback(query, tree)
            if found is not None:
                response, shown_tree, suggestion = found
                total, fuzzy = response["hits"]["total"]["value"], True
        facets = facet_values(es_query.facet_counts(response.get("aggregations", {}))) if query.facets else {}
        highlighter = highlighter_for(shown_tree) if query.highlight else None
        hits = []
        for hit in response["hits"]["hits"]:
            record = hit["_source"]["record"]
            fragments = schema.highlight_fragments(highlighter, record) if highlighter is not None else []
            hits.append(Hit(record["id"], float(hit.get("_score") or 0.0), record, fragments))
        return SearchResult(total, query.page, query.per_page, hits, facets, suggestion=suggestion, fuzzy=fuzzy)

    def _or_none(self, call: Any) -> Any:
        """The response, or None when the alias does not exist yet (nothing was ever indexed):
        one request per call, no separate check."""
        from elasticsearch import NotFoundError

        try:
            return call()
        except NotFoundError as exc:
            if "index_not_found" in str(getattr(exc, "message", "")) or "index_not_found" in str(exc):
                return None
            raise

    def _run(self, query: SearchQuery, tree: Node | None, *, fuzzy: bool = False) -> dict[str, Any]:
        body = es_query.search_body(query, tree, self.vocabulary, fuzzy=fuzzy)
        return self.client.search(index=self.alias, **body).body

    # --- "did you mean" and fuzzy fallback ---------------------------------------------------

    def _fallback(self, query: SearchQuery, tree: Node) -> tuple[dict[str, Any], Node, str | None] | None:
        corrected = replace_terms(tree, self._correct)
        suggestion = render(corrected) if corrected != tree else None
        if corrected != tree:
            response = self._run(query, corrected)
            if response["hits"]["total"]["value"]:
                return response, corrected, suggestion
        if not any(isinstance(leaf, Term) for leaf in positive_leaves(tree)):
            return None
        response = self._run(query, tree, fuzzy=True)
        if response["hits"]["total"]["value"]:
            return response, corrected if suggestion else tree, suggestion
        return None

    def _known(self, word: str) -> bool:
        q = es_query.translate(Term(word))
        return q is not None and self.client.count(index=self.alias, query=q)["count"] > 0

    def _correct(self, term: Term) -> Node:
        if self._known(term.text):
            return term
        better = self.suggest_word(term.text)
        return Term(better) if better else term

    def suggest_word(self, word: str) -> str | None:
        """The indexed spelling closest to ``word`` (1 edit up to 5 letters, 2 beyond; the
        first letter kept), the most frequent on ties; None if there is none."""
        from search.analysis import analyze

        tokens = analyze("plain", word)
        if len(tokens) != 1 or len(tokens[0]) < SUGGEST_MIN_CHARS or tokens[0].isdigit():
            return None
        token = tokens[0]
        response = self.client.search(index=self.alias, size=0, suggest={"spell": {"text": token, "term": {
            "field": "spell", "suggest_mode": "always", "max_edits": 1 if len(token) <= 5 else 2,
            "prefix_length": 1, "min_word_length": SUGGEST_MIN_CHARS, "sort": "score",
            "string_distance": "damerau_levenshtein"}}})
        for entry in response.get("suggest", {}).get("spell", []):
            for option in entry.get("options", []):
                if option["text"] != token:
                    return option["text"]
        return None

    def close(self) -> None:
        """Nothing to release: the client is shared by the process (see ``client_for``)."""
