"""The embedded search backend: a tantivy index on local disk, no server.

Layout of ``index_dir``::

    CURRENT            name of the live version directory (replaced atomically with os.replace)
    writer.lock        flock()ed by the one engine that writes (CLI index/reindex/import)
    v20261126T091343-1234-a1b2c3/   a complete tantivy index (one per rebuild)

``rebuild`` writes a new version directory and only then points ``CURRENT`` at it, so searches
keep being answered from the old version until the new one is complete; the version before
the live one is kept (a reader that has not refreshed yet may still open it), older ones are
removed. Read-only engines (the web) check ``CURRENT`` and the live version's ``meta.json``
with two ``stat`` calls at the start of every call, and reopen or reload only when one changed,
so an upsert or a rebuild by another process becomes visible on the next request.

Writes: one writer (tantivy's own lock on a version directory, plus ``writer.lock`` across
versions so that a rebuild in one process and an upsert in another cannot lose writes).
Each ``upsert`` batch is one commit.

Search (what runs per request, and why it is fast enough at 100k+ records):

* the query tree (search/query.py) becomes tantivy term/phrase queries built from the analyzed
  words (never ``Index.parse_query``: no field:value injection, no syntax errors from user text);
* the page is collected with top-k (score, or a string sort key for newest/oldest that already
  holds the id, so ties are ordered by id), the total with tantivy's count collector;
* facets are tantivy ``terms`` aggregations on columnar (fast) keyword fields, multi-valued ones
  through single-valued "slot" columns (see ``SINGLE_SLOTS``): the facets without a filter in two
  aggregation calls run in parallel on a small thread pool (tantivy releases the GIL), plus one
  call per facet that has a filter, run without that facet's own filter ("disjunctive" counts,
  so a user can widen a selection), all while this thread loads and highlights the page;
* only the returned page is loaded (records are stored whole as JSON) and highlighted.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import itertools
import json
import os
import re
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Order, Query

from archive.vocabulary import default_vocabulary
from search import analysis, schema
from search.results import COMPLETE_FACETS, MAX_FACET_VALUES, empty_facets, facet_values, highlighter_for
from search.analysis import analyze
from search.engine import COMPLETIONS, Progress, SearchEngine, completion_words
from search.model import FACETS, FacetValue, Hit, SearchQuery, SearchResult
from search.query import (
    Node,
    Not,
    Or,
    Phrase,
    Term,
    named_tools,
    parse,
    positive_leaves,
    render,
    replace_terms,
)

CURRENT = "CURRENT"
LOCK = "writer.lock"
SEQ = "seq"  # internal: insertion number, so iter_records can walk the index in windows
VERSION_PREFIX = "v"

WRITER_HEAP = 128_000_000
REBUILD_HEAP = 400_000_000
REBUILD_THREADS = 2
PROGRESS_EVERY = 1000
ITER_WINDOW = 2000

# Relevance ties are ordered by id by reading the ids of the tied hits around the page; past
# this many hits after the page, a tie keeps tantivy's order (bounded cost for huge ties).
MAX_TIE_MARGIN = 1000

# Facets listed whole (few values); the others are cut to the 50 most frequent.
# Threads computing facet counts for one search (two groups of facets in parallel).
FACET_THREADS = 2



class ReadOnlyError(RuntimeError):
    """A write on an engine opened read-only (the web never writes)."""


class IndexBusyError(RuntimeError):
    """Another process holds the index for writing."""


class IndexCorruptError(RuntimeError):
    """CURRENT names a version directory that is not a usable index."""


# --- tantivy schema from the declaration ----------------------------------------------------

def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    for f in schema.FIELDS:
        if f.kind == "text":
            index_option = "basic" if f.name == "spell" else "position"
            sb.add_text_field(f.name, stored=False, tokenizer_name=f.analyzer, index_option=index_option)
        elif f.kind == "keyword" and f.facet and f.multi:
            # Filtered on through the inverted index; counted through its slot columns.
            sb.add_text_field(f.name, stored=False, fast=False, tokenizer_name="raw")
            for slot in _slots(f.name):
                sb.add_text_field(slot, stored=False, fast=True, tokenizer_name="raw")
        elif f.kind == "keyword":
            sb.add_text_field(f.name, stored=f.name == "id", fast=f.fast, tokenizer_name="raw")
        elif f.kind == "date":
            sb.add_date_field(f.name, indexed=True, fast=f.fast)
        elif f.kind == "int":
            sb.add_integer_field(f.name, indexed=True, fast=f.fast)
        elif f.kind == "stored":
            sb.add_bytes_field(f.name, stored=True, indexed=False, fast=False)
        else:  # schema.Field validates kinds; a new kind must be handled here first
            raise ValueError(f"field {f.name}: kind {f.kind!r} has no tantivy mapping")
    sb.add_unsigned_field(SEQ, indexed=True, fast=True)
    return sb.build()


# A multi-valued facet is counted from "slot" columns: its 1st and 2nd values in two
# single-valued columns, the rest in a multi-valued one. tantivy's terms aggregation on a
# multi-valued column costs ~30 ns per matching record, on a single-valued one 3-8 ns (measured
# on 100k synthetic records: tool facet 3.1 ms -> 1.6 ms over 70k hits). A record lists a value
# once, so the sum of the slot counts is exactly the number of records with that value.
SINGLE_SLOTS = 2


@functools.cache
def _slots(field: str) -> tuple[str, ...]:
    return (*(f"{field}__{i}" for i in range(SINGLE_SLOTS)), f"{field}__more")


def _to_document(values: Mapping[str, Any], seq: int) -> tantivy.Document:
    doc = tantivy.Document()
    for f in schema.FIELDS:
        value = values[f.name]
        if f.kind == "text":
            if value:
                doc.add_text(f.name, value)
        elif f.kind == "keyword":
            for v in value:
                doc.add_text(f.name, v)
            if f.facet and f.multi:
                for slot, v in zip(_slots(f.name), value):
                    doc.add_text(slot, v)
                for v in value[SINGLE_SLOTS:]:
                    doc.add_text(_slots(f.name)[-1], v)
        elif f.kind == "date":
            if value is not None:
                doc.add_date(f.name, dt.datetime(value.year, value.month, value.day))
        elif f.kind == "int":
            doc.add_integer(f.name, value)
        elif f.kind == "stored":
            doc.add_bytes(f.name, value.encode("utf-8"))
    doc.add_unsigned(SEQ, seq)
    return doc


# --- versions on disk -----------------------------------------------------------------------

@dataclass
class _Version:
    name: str
    path: Path
    index: tantivy.Index
    meta_stamp: tuple[int, int]


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


def _open_index(path: Path) -> tantivy.Index:
    if not (path / "meta.json").is_file():
        raise IndexCorruptError(f"{path} is not a tantivy index (no meta.json); run `kamerwacht reindex`")
    index = tantivy.Index.open(str(path))
    analysis.register_analyzers(index)
    index.config_reader("manual")  # we reload ourselves, once per call, when meta.json changed
    return index


# Read-only engines share one opened index per version directory: the web opens an engine per
# request, and a fresh tantivy Index answers its first search ~4 ms slower (measured at 100k
# records) than one already warm. Writers open their own.
_SHARED: OrderedDict[tuple[str, str], _Version] = OrderedDict()
_SHARED_LOCK = threading.Lock()
_SHARED_MAX = 8  # index directories kept open (tests open many)


def _shared_version(index_dir: Path, name: str) -> _Version:
    key = (str(index_dir.resolve()), name)
    with _SHARED_LOCK:
        found = _SHARED.get(key)
        if found is None:
            path = index_dir / name
            found = _Version(name, path, _open_index(path), _stamp(path / "meta.json") or (0, 0))
            for stale in [k for k in _SHARED if k[0] == key[0]]:
                del _SHARED[stale]  # an older version: engines still holding it keep it alive
            _SHARED[key] = found
            while len(_SHARED) > _SHARED_MAX:
                _SHARED.popitem(last=False)
        _SHARED.move_to_end(key)
        return found


def _reload_if_committed(version: _Version) -> None:
    meta = _stamp(version.path / "meta.json")
    if meta is not None and meta != version.meta_stamp:
        with _SHARED_LOCK:
            if meta != version.meta_stamp:
                version.index.reload()
                version.meta_stamp = meta


_POOL: ThreadPoolExecutor | None = None


def _facet_pool() -> ThreadPoolExecutor:
    """Threads that run facet aggregations (shared by the engines of a process)."""
    global _POOL
    with _SHARED_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(FACET_THREADS, thread_name_prefix="kamerwacht-facets")
        return _POOL


class EmbeddedEngine(SearchEngine):
    def __init__(self, index_dir: Path, read_only: bool = True) -> None:
        self.index_dir = Path(index_dir)
        self.read_only = read_only
        self._schema = build_schema()
        self._lock = threading.RLock()
        self._version: _Version | None = None
        self._current_stamp: tuple[int, int] | None = None
        self._writer: tantivy.IndexWriter | None = None
        self._lock_file: Any = None
        self._seq = 0
        if not read_only:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            self._acquire_writer_lock()
            if self._read_current() is None:
                self._switch_to(self._create_version(empty=True))
            try:
                self._refresh(force=True)
            except IndexCorruptError:
                # A writer may still rebuild (that is the cure); upsert/delete will refuse.
                self._version = None
            self._seq = self._max_seq()
        else:
            self._refresh(force=True)

    # -- versions and refresh --

    def _acquire_writer_lock(self) -> None:
        # Held open (and locked) for the engine's lifetime, released in close().
        handle = open(self.index_dir / LOCK, "a+")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise IndexBusyError(f"another process is writing the index in {self.index_dir}; "
                                 "wait for it to finish (kamerwacht index/reindex/import)") from None
        self._lock_file = handle

    def _read_current(self) -> str | None:
        try:
            name = (self.index_dir / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not name.startswith(VERSION_PREFIX) or "/" in name:
            raise IndexCorruptError(f"{self.index_dir / CURRENT} holds {name!r}, not a version name")
        return name

    def _create_version(self, *, empty: bool) -> _Version:
        name = f"{VERSION_PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"
        path = self.index_dir / name
        path.mkdir()
        index = tantivy.Index(self._schema, path=str(path), reuse=False)
        analysis.register_analyzers(index)
        index.config_reader("manual")
        if empty:
            writer = index.writer(heap_size=15_000_000, num_threads=1)
            writer.commit()
            writer.wait_merging_threads()
        return _Version(name, path, index, _stamp(path / "meta.json") or (0, 0))

    def _switch_to(self, version: _Version) -> None:
        """Point CURRENT at a complete version (atomic on POSIX), then drop old versions."""
        tmp = self.index_dir / f"{CURRENT}.{os.getpid()}.tmp"
        tmp.write_text(version.name + "\n", encoding="utf-8")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.index_dir / CURRENT)
        previous = self._version.name if self._version else None
        self._version = version
        self._current_stamp = _stamp(self.index_dir / CURRENT)
        self._remove_old_versions(keep={version.name, previous})

    def _remove_old_versions(self, keep: set[str | None]) -> None:
        for child in self.index_dir.iterdir():
            if child.is_dir() and child.name.startswith(VERSION_PREFIX) and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    def _refresh(self, force: bool = False) -> _Version | None:
        """The live version, reopened if CURRENT moved and reloaded if it committed since."""
        with self._lock:
            if not self.read_only and not force:
                return self._version  # the one writer: its own commits reload it
            stamp = _stamp(self.index_dir / CURRENT)
            if stamp is None:
                self._version = None
                self._current_stamp = None
                return None
            if self._version is None or stamp != self._current_stamp:
                name = self._read_current()
                if name is None:  # removed between stat and read
                    return self._version
                if self._version is None or self._version.name != name:
                    self._version = self._open_version(name)
                self._current_stamp = stamp
                return self._version
            _reload_if_committed(self._version)
            return self._version

    def _open_version(self, name: str) -> _Version:
        if self.read_only:
            return _shared_version(self.index_dir, name)
        path = self.index_dir / name
        return _Version(name, path, _open_index(path), _stamp(path / "meta.json") or (0, 0))

    def _searcher(self) -> tantivy.Searcher | None:
        version = self._refresh()
        return version.index.searcher() if version else None

    # -- writes --

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("this search engine was opened read-only")

    def _require_writer(self) -> _Version:
        self._require_writable()
        if self._version is None:
            raise IndexCorruptError(f"the index in {self.index_dir} is not usable; run `kamerwacht reindex`")
        return self._version

    def _index_writer(self) -> tantivy.IndexWriter:
        version = self._require_writer()
        if self._writer is None:
            self._writer = version.index.writer(heap_size=WRITER_HEAP, num_threads=0)
        return self._writer

    def _max_seq(self) -> int:
        searcher = self._version.index.searcher() if self._version else None
        if searcher is None or searcher.num_docs == 0:
            return 0
        found = searcher.aggregate(Query.all_query(), {"m": {"max": {"field": SEQ}}})["m"]["value"]
        return int(found or 0)

    def _commit(self) -> None:
        assert self._writer is not None and self._version is not None
        self._writer.commit()
        self._version.index.reload()
        self._version.meta_stamp = _stamp(self._version.path / "meta.json") or (0, 0)

    def upsert(self, records: Iterable[dict[str, Any]]) -> int:
        with self._lock:
            writer = self._index_writer()
            n = 0
            for record in records:
                values = schema.document_for(record)
                self._seq += 1
                writer.delete_documents_by_term("id", values["id"][0])
                writer.add_document(_to_document(values, self._seq))
                n += 1
            if n:
                self._commit()
            return n

    def delete(self, record_id: str) -> bool:
        with self._lock:
            writer = self._index_writer()
            searcher = self._searcher()
            assert searcher is not None
            if searcher.search(Query.term_query(self._schema, "id", record_id), 1).count == 0:
                return False
            writer.delete_documents_by_term("id", record_id)
            self._commit()
            return True

    def rebuild(self, records: Iterable[dict[str, Any]], progress: Progress | None = None) -> int:
        with self._lock:
            self._require_writable()  # not the live version: a rebuild also cures a broken one
            version = self._create_version(empty=False)
            writer = version.index.writer(heap_size=REBUILD_HEAP, num_threads=REBUILD_THREADS)
            seen: set[str] = set()
            n = 0
            try:
                for record in records:
                    values = schema.document_for(record)
                    record_id = values["id"][0]
                    if record_id in seen:  # last one wins, as with upsert
                        writer.delete_documents_by_term("id", record_id)
                    seen.add(record_id)
                    n += 1
                    writer.add_document(_to_document(values, n))
                    if progress is not None and n % PROGRESS_EVERY == 0:
                        progress(n)
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                del writer
                shutil.rmtree(version.path, ignore_errors=True)
                raise
            version.index.reload()
            version.meta_stamp = _stamp(version.path / "meta.json") or (0, 0)
            self._writer = None  # releases tantivy's lock on the old version
            self._switch_to(version)
            self._seq = n
            if progress is not None:
                progress(n)
            return n

    def close(self) -> None:
        with self._lock:
            self._writer = None
            self._version = None
            if self._lock_file is not None:
                fcntl.flock(self._lock_file, fcntl.LOCK_UN)
                self._lock_file.close()
                self._lock_file = None

    # -- reads --

    def get(self, record_id: str) -> dict[str, Any] | None:
        searcher = self._searcher()
        if searcher is None:
            return None
        hits = searcher.search(Query.term_query(self._schema, "id", record_id), 1).hits
        return _record(searcher, hits[0][1]) if hits else None

    def iter_records(self) -> Iterator[dict[str, Any]]:
        searcher = self._searcher()  # one snapshot for the whole walk
        if searcher is None or searcher.num_docs == 0:
            return
        top = int(searcher.aggregate(Query.all_query(), {"m": {"max": {"field": SEQ}}})["m"]["value"] or 0)
        for low in range(1, top + 1, ITER_WINDOW):
            window = Query.range_query(self._schema, SEQ, tantivy.FieldType.Unsigned, low, low + ITER_WINDOW - 1)
            result = searcher.search(window, ITER_WINDOW, count=False, order_by_field=SEQ, order=Order.Asc)
            for _, address in result.hits:
                yield _record(searcher, address)

    def complete(self, text: str, limit: int = COMPLETIONS) -> list[dict[str, str]]:
        searcher = self._searcher()
        words = completion_words(text)
        if searcher is None or words is None or limit < 1:
            return []
        whole, prefix = words
        clauses = [(Occur.Must, Query.term_query(self._schema, "spell", w)) for w in whole]
        clauses.append((Occur.Must, Query.regex_query(self._schema, "spell", re.escape(prefix) + ".*")))
        # Newest first: a constant-score prefix match has no better order to offer.
        result = searcher.search(Query.boolean_query(clauses), limit, order_by_field="sort_newest", order=Order.Asc)
        out = []
        for _, address in result.hits:
            record = _record(searcher, address)
            out.append({"id": record["id"], "title": record["title"]})
        return out

    def count(self, query: SearchQuery | None = None) -> int:
        searcher = self._searcher()
        if searcher is None:
            return 0
        if query is None:
            return searcher.num_docs
        query = query.validated()
        plan = _Plan(self._schema, query)
        return searcher.search(plan.main(), 1, count=True).count

    def search(self, query: SearchQuery) -> SearchResult:
        query = query.validated()
        plan = _Plan(self._schema, query)
        searcher = self._searcher()
        if searcher is None:
            return SearchResult(0, query.page, query.per_page, [], empty_facets(query))
        main = plan.main()
        total, page = _top(searcher, main, query, plan.ranked)
        suggestion, fuzzy = None, False
        if total == 0 and plan.tree is not None:
            fallback = _Fallback(self._schema, searcher, plan)
            found = fallback.run(query)
            if found is not None:
                total, page, suggestion, fuzzy, plan = found
        # Facet counts run on the pool (tantivy releases the GIL) while this thread loads and
        # highlights the page.
        pending = [_facet_pool().submit(searcher.aggregate, q, aggs) for q, aggs in _facet_tasks(plan)] \
            if query.facets else []
        hits = _hits(searcher, page, plan, query)
        facets = _facet_values([f.result() for f in pending]) if query.facets else {}
        return SearchResult(total, query.page, query.per_page, hits, facets, suggestion=suggestion, fuzzy=fuzzy)


# --- query plan -------------------------------------------------------------------------------

class _Plan:
    """A validated SearchQuery as tantivy queries: the text part and one filter per facet."""

    def __init__(self, tv_schema: tantivy.Schema, query: SearchQuery, tree: Node | None = None,
                 *, fuzzy: bool = False, parsed: bool = False) -> None:
        self.schema = tv_schema
        self.query = query
        self.tree = tree if parsed else parse(query.q)
        self.fuzzy = fuzzy
        self.text = _Translator(tv_schema, fuzzy).node(self.tree) if self.tree is not None else None
        # Only words a record must contain give scores to rank by (not "-politie" alone).
        self.ranked = next(positive_leaves(self.tree), None) is not None
        if self.tree is not None and self.text is None:
            # Words, but none that analysis keeps ("???"): nothing can match them.
            self.text = Query.empty_query()
        tools = named_tools(self.tree, default_vocabulary()) if not fuzzy else ()
        if tools and self.text is not None:
            # The query is a tool's name: records tagged with the tool match too (in any
            # language), ranked below those whose text says it.
            tagged = Query.boost_query(_all_of([Query.term_set_query(tv_schema, "tool", [t]) for t in tools]),
                                       schema.TOOL_MATCH_BOOST)
            self.text = Query.boolean_query([(Occur.Should, self.text), (Occur.Should, tagged)])
        self.filters: dict[str, Query] = {}
        for name, values in query.filters.items():
            if values:
                field = schema.FILTER_FIELDS[name].name
                self.filters[name] = Query.term_set_query(tv_schema, field, list(values))
        self.dates: Query | None = None
        if query.date_from or query.date_to:
            self.dates = Query.range_query(
                tv_schema, "asked_on", tantivy.FieldType.Date,
                _datetime(query.date_from) if query.date_from else tantivy.MIN_DATETIME,
                _datetime(query.date_to) if query.date_to else tantivy.MAX_DATETIME,
            )

    def with_tree(self, tree: Node | None, *, fuzzy: bool) -> _Plan:
        return _Plan(self.schema, self.query, tree, fuzzy=fuzzy, parsed=True)

    def main(self, without: str | None = None) -> Query:
        parts = [self.text] if self.text is not None else []
        parts += [q for name, q in self.filters.items() if name != without]
        if self.dates is not None:
            parts.append(self.dates)
        return _all_of(parts)


def _datetime(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _all_of(parts: list[Query]) -> Query:
    if not parts:
        return Query.all_query()
    if len(parts) == 1:
        return parts[0]
    return Query.boolean_query([(Occur.Must, p) for p in parts])


class _Translator:
    """Query tree -> tantivy query. Each word is analyzed with the analyzer of every searched
    field (nl, fr): one token gives a term query, several ("ANPR-camera's") a phrase."""

    def __init__(self, tv_schema: tantivy.Schema, fuzzy: bool) -> None:
        self.schema = tv_schema
        self.fuzzy = fuzzy

    def node(self, node: Node) -> Query | None:
        if isinstance(node, Term):
            return self.leaf(node.text, phrase=False)
        if isinstance(node, Phrase):
            return self.leaf(node.text, phrase=True)
        if isinstance(node, Not):
            inner = self.node(node.node)
            if inner is None:
                return None
            return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, inner)])
        children = [c for c in node.nodes]
        if isinstance(node, Or):
            subs = [q for q in (self.node(c) for c in children) if q is not None]
            if not subs:
                return None
            return subs[0] if len(subs) == 1 else Query.boolean_query([(Occur.Should, q) for q in subs])
        must = [q for q in (self.node(c) for c in children if not isinstance(c, Not)) if q is not None]
        must_not = [q for q in (self.node(c.node) for c in children if isinstance(c, Not)) if q is not None]
        if not must and not must_not:
            return None
        clauses = [(Occur.Must, q) for q in must] or [(Occur.Must, Query.all_query())]
        clauses += [(Occur.MustNot, q) for q in must_not]
        return clauses[0][1] if len(clauses) == 1 else Query.boolean_query(clauses)

    def leaf(self, text: str, *, phrase: bool) -> Query | None:
        tokens_by_analyzer: dict[str, list[str]] = {}
        clauses = []
        for f in schema.SEARCHED_FIELDS:
            if self.fuzzy and f.name not in schema.FUZZY_FIELDS:
                continue
            tokens = tokens_by_analyzer.get(f.analyzer)  # type: ignore[arg-type]
            if tokens is None:
                tokens = tokens_by_analyzer[f.analyzer] = analyze(f.analyzer, text)  # type: ignore[arg-type]
            if not tokens:
                continue
            if len(tokens) == 1:
                if phrase and f.name == "parts":
                    continue  # an exact phrase means the word itself, not a compound holding it
                q = self.term(f.name, tokens[0])
            else:
                if f.name == "parts":
                    continue  # parts carry no meaningful positions
                q = Query.phrase_query(self.schema, f.name, tokens)
            clauses.append((Occur.Should, q if f.boost == 1.0 else Query.boost_query(q, f.boost)))
        if not clauses:
            return None
        return Query.boolean_query(clauses)

    def term(self, field: str, token: str) -> Query:
        if self.fuzzy:
            distance = 0 if len(token) <= 3 else (1 if len(token) <= 5 else 2)
            if distance:
                return Query.fuzzy_term_query(self.schema, field, token, distance, True, False)
        return Query.term_query(self.schema, field, token)


# --- running --------------------------------------------------------------------------------

@dataclass
class _Page:
    addresses: list[tantivy.DocAddress]
    scores: list[float]


def _top(searcher: tantivy.Searcher, main: Query, query: SearchQuery, ranked: bool) -> tuple[int, _Page]:
    offset = (query.page - 1) * query.per_page
    if query.sort == "relevance" and ranked:
        return _top_by_score(searcher, main, offset, query.per_page)
    # Without words to rank by (no query, or only exclusions), "relevance" lists the newest first.
    key = "sort_oldest" if query.sort == "oldest" else "sort_newest"
    result = searcher.search(main, query.per_page, count=True, order_by_field=key, offset=offset, order=Order.Asc)
    return result.count or 0, _Page([a for _, a in result.hits], [0.0] * len(result.hits))


def _top_by_score(searcher: tantivy.Searcher, main: Query, offset: int, size: int) -> tuple[int, _Page]:
    """Top hits by score, equal scores ordered by id. tantivy breaks ties by internal address,
    which changes with every rebuild; so fetch a margin past the page, and when scores tie
    across the page's edges, order that run of hits by id (their ids are read only then)."""
    margin = size
    while True:
        limit = offset + size + margin
        result = searcher.search(main, limit, count=True)
        total = result.count or 0
        hits = result.hits
        window = hits[offset:offset + size]
        if not window:
            return total, _Page([], [])
        high, low = window[0][0], window[-1][0]
        cut_in_tie = len(hits) == limit and hits[-1][0] == low and limit < total
        if cut_in_tie and margin < MAX_TIE_MARGIN:
            margin *= 4
            continue
        start = offset
        while start > 0 and hits[start - 1][0] == high:
            start -= 1
        stop = offset + len(window)
        while stop < len(hits) and hits[stop][0] == low:
            stop += 1
        run = hits[start:stop]
        if len(run) > 1 and any(a[0] == b[0] for a, b in itertools.pairwise(run)):
            ids = [searcher.doc(address)["id"][0] for _, address in run]
            order = sorted(range(len(run)), key=lambda i: (-run[i][0], ids[i]))
            run = [run[i] for i in order]
        chosen = run[offset - start:offset - start + size]
        return total, _Page([a for _, a in chosen], [s for s, _ in chosen])


def _record(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> dict[str, Any]:
    return json.loads(searcher.doc(address)["record"][0])


def _hits(searcher: tantivy.Searcher, page: _Page, plan: _Plan, query: SearchQuery) -> list[Hit]:
    records = [_record(searcher, a) for a in page.addresses]
    highlighter = highlighter_for(plan.tree) if query.highlight else None
    hits = []
    for record, score in zip(records, page.scores):
        fragments: list[str] = []
        if highlighter is not None:
            fragments = schema.highlight_fragments(highlighter, record)
        hits.append(Hit(record["id"], score, record, fragments))
    return hits


# --- facets ---------------------------------------------------------------------------------

def _facet_aggs(facet: str) -> dict[str, Any]:
    """The terms aggregations counting one facet, keyed "<facet>" or "<facet>#<slot>"."""
    f = schema.FACET_FIELDS[facet]
    # Complete facets have few values; for the others, ask each column for more values than
    # are shown, so the slot sums are exact for every value that can reach the top 50.
    size = 1000 if facet in COMPLETE_FACETS else 10 * MAX_FACET_VALUES
    if not f.multi:
        return {facet: {"terms": {"field": f.name, "size": size}}}
    return {f"{facet}#{i}": {"terms": {"field": slot, "size": size}} for i, slot in enumerate(_slots(f.name))}


def _facet_tasks(plan: _Plan) -> list[tuple[Query, dict[str, Any]]]:
    """(query, aggregations) per aggregate() call: the facets without a filter in two groups of
    about equal cost (they run in parallel), and each filtered facet on its own query without
    its own filter ("disjunctive" counts, so a user can widen a selection)."""
    open_facets = [f for f in FACETS if f not in plan.filters]
    groups: list[dict[str, Any]] = [{}, {}]
    weights = [0, 0]
    for facet in sorted(open_facets, key=lambda f: -len(_facet_aggs(f))):
        aggs = _facet_aggs(facet)
        lighter = 0 if weights[0] <= weights[1] else 1
        groups[lighter].update(aggs)
        weights[lighter] += len(aggs)
    main = plan.main()
    tasks = [(main, g) for g in groups if g]
    tasks += [(plan.main(without=f), _facet_aggs(f)) for f in FACETS if f in plan.filters]
    return tasks


def _facet_values(results: list[dict[str, Any]]) -> dict[str, list[FacetValue]]:
    counts: dict[str, dict[str, int]] = {f: {} for f in FACETS}
    for result in results:
        for key, agg in result.items():
            into = counts[key.split("#", 1)[0]]
            for bucket in agg["buckets"]:
                into[bucket["key"]] = into.get(bucket["key"], 0) + bucket["doc_count"]
    return facet_values(counts)


# --- fuzzy fallback and "did you mean" -------------------------------------------------------

class _Fallback:
    """When a query finds nothing: correct the words the index does not know from the spelling
    vocabulary (the ``spell`` field: unstemmed words of titles, questions and names) and run the
    corrected query; failing that, run the query with fuzzy term matching."""

    def __init__(self, tv_schema: tantivy.Schema, searcher: tantivy.Searcher, plan: _Plan) -> None:
        self.schema = tv_schema
        self.searcher = searcher
        self.plan = plan

    def run(self, query: SearchQuery) -> tuple[int, _Page, str | None, bool, _Plan] | None:
        tree = self.plan.tree
        corrected = replace_terms(tree, self._correct)
        suggestion = render(corrected) if corrected != tree else None
        if corrected != tree:
            plan = self.plan.with_tree(corrected, fuzzy=False)
            total, page = _top(self.searcher, plan.main(), query, plan.ranked)
            if total:
                return total, page, suggestion, True, plan
        if not any(isinstance(leaf, Term) for leaf in positive_leaves(tree)):
            return None
        plan = self.plan.with_tree(tree, fuzzy=True)
        total, page = _top(self.searcher, plan.main(), query, plan.text is not None)
        if total:
            # Highlight with the corrected words when there are some (the fuzzy query's own
            # matches are not known by word).
            shown = self.plan.with_tree(corrected, fuzzy=False) if suggestion else plan
            return total, page, suggestion, True, shown
        return None

    def _known(self, word: str) -> bool:
        for f in schema.SEARCHED_FIELDS:
            tokens = analyze(f.analyzer, word)  # type: ignore[arg-type]
            if tokens and all(self.searcher.doc_freq(f.name, t) > 0 for t in tokens):
                return True
        return False

    def _correct(self, term: Term) -> Node:
        if self._known(term.text):
            return term
        better = suggest(self.searcher, term.text)
        return Term(better) if better else term


def suggest(searcher: tantivy.Searcher, word: str) -> str | None:
    """The indexed word closest to ``word`` (at most 1 edit for short words, 2 for longer;
    a transposition counts as one), the most frequent on ties; None if there is none."""
    tokens = analyze("plain", word)
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if len(token) < 4 or token.isdigit():
        return None
    limit = 1 if len(token) <= 5 else 2
    prefixes = {token[:2], token[1] + token[0]}
    best: tuple[int, int, str] | None = None
    for prefix in prefixes:
        for candidate, freq in searcher.terms_with_prefix("spell", prefix):
            if candidate == token or abs(len(candidate) - len(token)) > limit:
                continue
            distance = _edit_distance(token, candidate, limit)
            if distance <= limit and (best is None or (distance, -freq, candidate) < best):
                best = (distance, -freq, candidate)
    return best[2] if best else None


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up (returning limit + 1) past ``limit``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
