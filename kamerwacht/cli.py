"""``kamerwacht``: crawl | parse | reparse | index | reindex | serve | export | import | status."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import sys
from collections import Counter
from pathlib import Path

import click

from archive.merge import merge
from archive.settings import Settings, SettingsError
from archive.store import QuarantineEntry, Store
from archive.model import to_json
from archive.sources import SOURCES as SOURCE_CATALOGUE

SOURCES = {source.name: source.spider for source in SOURCE_CATALOGUE}


def _spider_class(source: str):
    if source not in SOURCES:
        raise click.BadParameter(f"unknown source {source!r}; known: {', '.join(SOURCES)}")
    module, name = SOURCES[source].split(":")
    return getattr(__import__(module, fromlist=[name]), name)


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
def main() -> None:
    """Kamerwacht: written parliamentary questions about surveillance tools, and the answers."""


@main.command()
@click.argument("source")
@click.option("--replay", "replay", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Serve responses from these bundled recordings instead of the network.")
@click.option("--since", help="First publication date (YYYY-MM-DD); default: the stored watermark.")
@click.option("--until", help="Last publication date (YYYY-MM-DD).")
@click.option("--full", is_flag=True, help="Ignore the stored watermark: crawl everything since KAMERWACHT_CRAWL_SINCE.")
@click.option("--log-level", default="WARNING", show_default=True)
@click.option("--arg", "-a", "spider_args", multiple=True, metavar="KEY=VALUE",
              help="A spider argument, e.g. -a leg=55 (dekamer) or -a questions=7-400 (senaat); repeatable.")
def crawl(source: str, replay: tuple[Path, ...], since: str | None, until: str | None, full: bool, log_level: str,
          spider_args: tuple[str, ...]) -> None:
    """Crawl SOURCE (live, or from recordings with --replay) into the archive."""
    extra: dict[str, str] = {}
    for item in spider_args:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or key.strip() in ("since", "until", "full", "mode"):
            raise click.BadParameter(f"{item!r}: write KEY=VALUE (since/until/full have their own options)",
                                     param_hint="--arg")
        extra[key.strip()] = value
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import scrapy_settings

    spidercls = _spider_class(source)
    settings = _settings()
    overrides = scrapy_settings(settings)
    overrides["LOG_LEVEL"] = log_level
    mode = "live"
    if replay:
        from crawler.replay import RecordingError, manifest_spider_args

        try:
            recorded_for = {k: v for folder in replay for k, v in manifest_spider_args(folder).items()}
        except RecordingError as exc:
            raise click.ClickException(str(exc)) from None
        extra = {**recorded_for, **extra}  # what the command line says wins
        mode = "replay"
        overrides["KAMERWACHT_REPLAY_DIRS"] = [str(p.resolve()) for p in replay]
        overrides["DOWNLOAD_HANDLERS"] = {"http": "crawler.replay.ReplayDownloadHandler",
                                          "https": "crawler.replay.ReplayDownloadHandler"}
        # Recordings answer at once: politeness delays would only slow the demo down.
        overrides["DOWNLOAD_DELAY"] = 0
        overrides["AUTOTHROTTLE_ENABLED"] = False
    process = CrawlerProcess(overrides)
    crawler = process.create_crawler(spidercls)
    process.crawl(crawler, since=since, until=until, full=full, mode=mode, **extra)
    process.start()
    stats = crawler.stats.get_stats()
    if not stats.get("start_time"):
        # The crawler never opened (a pipeline or the spider failed to start): say so, loudly.
        raise click.ClickException(f"{source}: the crawl did not start (see the log above)")
    click.echo(f"{source} ({mode}): {stats.get('kamerwacht/warc_responses', 0)} responses archived, "
               f"{stats.get('kamerwacht/documents_accepted', 0)} documents in the archive, "
               f"{stats.get('kamerwacht/documents_kept_out', 0)} kept out (no surveillance tool), "
               f"{stats.get('kamerwacht/quarantined', 0)} quarantined, "
               f"{stats.get('kamerwacht/unknown_ministers', 0)} minister names not in the registry")
    failed = stats.get("kamerwacht/failed")
    errors = stats.get("log_count/ERROR", 0)
    if failed:
        raise click.ClickException(f"{source}: {failed}")
    if errors:
        raise click.ClickException(f"{source}: the crawl logged {errors} error(s); see the log above")


def _read_document(path: Path, fmt: str, url: str):
    from crawler.parsers import koop

    if fmt == "xml":
        return koop.parse_document_xml(path.read_bytes(), None, url or path.name)
    if fmt == "html":
        return koop.parse_document_html(path.read_bytes(), None, url or path.name)
    from crawler.parsers.extract import extract_text

    return koop.document_from_text(extract_text(path, fmt), url=url)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["xml", "html", "text", "pdf", "docx"]),
              help="Default: from the file extension (.xml, .html/.htm, .pdf, .docx; anything else is text).")
@click.option("--url", default="", help="The document's original URL (for its id and provenance).")
@click.option("--kind", type=click.Choice(["recorded", "abridged", "constructed"]), default="recorded",
              show_default=True, help="Provenance kind of the saved bytes.")
def parse(file: Path, fmt: str | None, url: str, kind: str) -> None:
    """Print the record parsed from one saved document, as a JSON line (the stored field names).
    Problems (validation, vocabulary, unknown ministers) go to standard error."""
    from archive.ministers import default_registry
    from archive.vocabulary import default_vocabulary
    from crawler import processing
    from crawler.parsers.koop import PARSER_VERSION, KoopParseError

    suffix = file.suffix.lower()
    fmt = fmt or {".xml": "xml", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}.get(suffix, "text")
    try:
        doc = _read_document(file, fmt, url)
    except (KoopParseError, ValueError) as exc:
        raise click.ClickException(f"cannot parse {file}: {exc}") from None
    body = file.read_bytes()
    mtime = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.timezone.utc).replace(microsecond=0).isoformat()
    doc.provenance = processing.provenance_for(doc, fetched_url=url or file.resolve().as_uri(), fetched_at=mtime,
                                               body=body, kind=kind, parser_version=PARSER_VERSION,
                                               warc_file=None, warc_offset=None)
    try:
        processing.validate(doc)
    except processing.ValidationError as exc:
        click.echo(f"warning: would be quarantined: {exc}", err=True)
    processing.normalise(doc)
    accepted, reason = processing.tag(doc, default_vocabulary())
    if not accepted:
        click.echo(f"note: would be kept out of the archive: {reason}", err=True)
    for name in processing.resolve_ministers(doc, default_registry()):
        click.echo(f"note: minister not in the registry, kept as written: {name}", err=True)
    click.echo(json.dumps(to_json(merge([doc])), ensure_ascii=False))


@main.command()
@click.option("--source", "sources", multiple=True, help="Only these sources (default: all).")
def reparse(sources: tuple[str, ...]) -> None:
    """Rebuild every document and record from the raw WARC archive (no network)."""
    from archive.ministers import default_registry
    from archive.vocabulary import default_vocabulary
    from crawler import processing
    from crawler.items import DeletionItem, DocumentItem, WithdrawalItem
    from crawler.warc import iter_responses, warc_files

    settings = _settings()
    store = Store(settings.store_path, as_of=settings.status_as_of)
    vocabulary, registry = default_vocabulary(), default_registry()
    try:
        for source in sources or tuple(SOURCES):
            if not warc_files(settings.raw_dir, source):
                click.echo(f"{source}: nothing in the raw archive")
                continue
            spidercls = _spider_class(source)
            run = store.start_run(source, "reparse")
            store.clear_source(source)
            documents = quarantined = 0
            for item in spidercls.reparse(lambda source=source: iter_responses(settings.raw_dir, source)):
                if isinstance(item, DocumentItem):
                    try:
                        outcome = processing.process(item.document, vocabulary, registry)
                    except processing.ValidationError as exc:
                        prov = item.document.provenance
                        store.quarantine(QuarantineEntry(source, prov.fetched_url, f"invalid record: {exc}",
                                                         item.document.doc_id, prov.warc_file, prov.warc_offset, prov.sha256))
                        quarantined += 1
                        continue
                    store.put_document(outcome.document, outcome.accepted, outcome.reason)
                    documents += 1
                elif isinstance(item, WithdrawalItem):
                    store.mark_withdrawn(item.source, item.question_key, item.reason)
                elif isinstance(item, DeletionItem):
                    store.delete_documents(item.source, doc_ids=item.doc_ids, question_key=item.question_key,
                                           reason=item.reason)
                else:
                    store.quarantine(item)
                    quarantined += 1
            store.finish_run(run, documents, quarantined, None, "ok")
            click.echo(f"{source}: reparsed {documents} documents into {store.count_records(source)} records,"
                       f" {quarantined} quarantined")
    finally:
        store.close()


def _reason_class(reason: str) -> str:
    """Group quarantine reasons without their ids and numbers."""
    reason = re.sub(r"\b(?:ah|kv|kst|blg|h)-[\w-]+", "<id>", reason)
    reason = re.sub(r"\d+", "N", reason)
    return reason.split(":", 1)[0] if len(reason) > 90 else reason


@main.command()
def status() -> None:
    """Per source: last crawl, records, documents, quarantine (with reasons)."""
    settings = _settings()
    if not settings.store_path.exists():
        click.echo(f"no archive yet at {settings.store_path}; run `kamerwacht crawl <source>`")
        return
    store = Store(settings.store_path, as_of=settings.status_as_of)
    try:
        unknown = Counter()
        for rec in store.iter_records():
            for m in rec.ministers:
                if m.person_id is None:
                    unknown[m.name or m.role or "?"] += 1
        click.echo(f"archive: {settings.store_path} - {store.count_records()} records")
        for source in store.sources():
            last = store.last_run(source)
            accepted, kept_out = store.document_counts(source)
            click.echo(f"\n{source}")
            if last:
                click.echo(f"  last run:    {last['started_at']} ({last['mode']}) -> {last['outcome'] or 'running'};"
                           f" {last['documents']} documents, {last['quarantined']} quarantined")
            click.echo(f"  records:     {store.count_records(source)}")
            click.echo(f"  documents:   {accepted} in the archive, {kept_out} kept out")
            for reason, n in store.rejected_reasons(source):
                click.echo(f"                {n} x {reason}")
            gone = store.deletions(source)
            if gone:
                click.echo(f"  deleted at the source (removed, trace kept): {len(gone)}")
            entries = store.quarantined(source)
            click.echo(f"  quarantined: {len(entries)}")
            for reason, n in Counter(_reason_class(e.reason) for e in entries).most_common():
                click.echo(f"                {n} x {reason}")
        if unknown:
            click.echo(f"\nminister names not in the registry (kept as written): {sum(unknown.values())}")
            for name, n in unknown.most_common(10):
                click.echo(f"  {n} x {name}")
    finally:
        store.close()


# --- search index, site, bulk data -----------------------------------------------------------

def _open_engine(settings: Settings, *, read_only: bool):
    from search.factory import BackendUnavailableError, open_engine

    try:
        return open_engine(settings, read_only=read_only)
    except BackendUnavailableError as exc:
        raise click.ClickException(str(exc)) from None


def _with_backend(settings: Settings, backend: str | None) -> Settings:
    """The settings with ``--backend`` (when given) instead of KAMERWACHT_SEARCH_BACKEND."""
    return dataclasses.replace(settings, search_backend=backend) if backend else settings


BACKEND_OPTION = click.option("--backend", type=click.Choice(["embedded", "elasticsearch"]), default=None,
                              help="Search backend (default: KAMERWACHT_SEARCH_BACKEND, else embedded).")


def _indexing_errors(func):
    """Documents a backend refused are listed, with the reason, and the command fails."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from search.es_backend import IndexingError

        try:
            return func(*args, **kwargs)
        except IndexingError as exc:
            for record_id, reason in exc.failures:
                click.echo(f"not indexed: {record_id}: {reason}", err=True)
            raise click.ClickException(str(exc).split(":")[0]) from None
    return wrapper


def _as_of(settings: Settings, records):
    """Records with their status for today (or KAMERWACHT_STATUS_AS_OF): an unanswered question
    turns late when its deadline passes, even if no new document arrived since it was stored
    (archive.lifecycle)."""
    from archive import lifecycle

    day = settings.as_of
    return (lifecycle.refresh(r, day) for r in records)


@main.command()
@BACKEND_OPTION
@_indexing_errors
def index(backend: str | None) -> None:
    """Bring the search index up to date with the record store (adds, replaces, removes). When
    the backend's index was built with another mapping, build a new one and switch to it."""
    from search.indexer import index_records

    settings = _with_backend(_settings(), backend)
    store = Store(settings.store_path, as_of=settings.status_as_of)
    engine = _open_engine(settings, read_only=False)
    try:
        stale = engine.stale_mapping()
        if stale:
            click.echo(f"{stale}: building a new index", err=True)
            with click.progressbar(length=store.count_records(), label="reindexing", file=sys.stderr) as bar:
                done = engine.rebuild(_as_of(settings, store.iter_record_json()),
                                      progress=lambda n: bar.update(n - bar.pos))
            click.echo(f"rebuilt the index with {done} records")
            return
        total = store.count_records()
        wanted = {r["id"] for r in store.iter_record_json()}
        with click.progressbar(length=total, label="indexing", file=sys.stderr) as bar:
            done = index_records(engine, _as_of(settings, store.iter_record_json()),
                                 progress=lambda n: bar.update(n - bar.pos))
        stale = [r["id"] for r in engine.iter_records() if r["id"] not in wanted]
        for record_id in stale:
            engine.delete(record_id)
        click.echo(f"indexed {done} records, removed {len(stale)} no longer in the store;"
                   f" the index holds {engine.count()}")
    finally:
        engine.close()
        store.close()


@main.command()
@BACKEND_OPTION
@_indexing_errors
def reindex(backend: str | None) -> None:
    """Build a new index from the stored records; the site keeps answering from the old one
    until the new one is complete (Elasticsearch: a new versioned index, then the alias moves)."""
    settings = _with_backend(_settings(), backend)
    store = Store(settings.store_path, as_of=settings.status_as_of)
    engine = _open_engine(settings, read_only=False)
    try:
        with click.progressbar(length=store.count_records(), label="reindexing", file=sys.stderr) as bar:
            done = engine.rebuild(_as_of(settings, store.iter_record_json()), progress=lambda n: bar.update(n - bar.pos))
        click.echo(f"rebuilt the index with {done} records")
    finally:
        engine.close()
        store.close()


@main.command()
@click.option("--host", help="Default: KAMERWACHT_HOST (127.0.0.1).")
@click.option("--port", type=int, help="Default: KAMERWACHT_PORT (8000).")
@click.option("--threads", type=int, default=4, show_default=True)
def serve(host: str | None, port: int | None, threads: int) -> None:
    """Serve the site and the JSON API with waitress (a production WSGI server)."""
    import waitress

    from web import create_app

    settings = _settings()
    host, port = host or settings.host, port or settings.port
    app = create_app({"SETTINGS": settings})
    click.echo(f"Kamerwacht is served at http://{host}:{port}/ (API: http://{host}:{port}/api/v1/openapi.json);"
               " stop with Ctrl-C")
    waitress.serve(app, host=host, port=port, threads=threads, ident="kamerwacht")


@main.command()
@click.option("--since", help="Only records asked on or after this date (YYYY-MM-DD).")
def export(since: str | None) -> None:
    """Every record as one JSON line (the record contract), to standard output."""
    if since:
        try:
            dt.date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(f"{since!r} is not a date YYYY-MM-DD", param_hint="--since") from None
    settings = _settings()
    store = Store(settings.store_path, as_of=settings.status_as_of)
    try:
        out = click.get_text_stream("stdout")
        for record in store.iter_record_json():
            if since and (record.get("asked_on") or "") < since:
                continue
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        store.close()


@main.command(name="import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--batch", type=int, default=2000, show_default=True, help="Records per index write.")
@BACKEND_OPTION
@_indexing_errors
def import_(file, batch: int, backend: str | None) -> None:
    """Load records from a JSON-lines FILE (as `export` writes it; - for standard input): each
    line is validated, bad lines are reported with their number and skipped, good ones are
    stored and indexed."""
    from archive.model import RecordError, validate_record_json
    from search.indexer import index_records

    settings = _with_backend(_settings(), backend)
    store = Store(settings.store_path, as_of=settings.status_as_of)
    engine = _open_engine(settings, read_only=False)
    good = bad = 0
    pending: list[dict] = []

    def flush() -> None:
        store.put_records(pending)
        index_records(engine, pending)
        pending.clear()

    try:
        for number, line in enumerate(file, 1):
            if not line.strip():
                continue
            try:
                record = validate_record_json(json.loads(line))
            except (json.JSONDecodeError, RecordError) as exc:
                bad += 1
                click.echo(f"line {number}: skipped: {exc}", err=True)
                continue
            pending.append(record)
            good += 1
            if len(pending) >= batch:
                flush()
                click.echo(f"{good} records imported", err=True)
        if pending:
            flush()
        click.echo(f"\nimported {good} records, skipped {bad} bad lines", err=True)
    finally:
        engine.close()
        store.close()
    if bad and not good:
        raise click.ClickException("no valid record in the file")


if __name__ == "__main__":
    main(sys.argv[1:])
