"""officielebekendmakingen (KOOP): Kamervragen (Aanhangsel) and Kamervragen zonder antwoord.

Source: https://repository.overheid.nl/sru (SRU 2.0, recordSchema=gzd), documents from the
``gzd:itemUrl`` of each record (XML manifestation, HTML as fallback).
Terms: official publications, public; no documented rate limit, so we stay at <= 2 parallel
requests with AutoThrottle. Covers Tweede and Eerste Kamer.
Caveats: SRU paging is by startRecord (no nextRecordPosition in real responses); a URL longer
than Scrapy's URLLENGTH_LIMIT is refused, so the vocabulary query is split into chunks; the
question<->answer link is the ``vraagnummer`` (TK Zaak number) of the answer and the
``aanhangsel`` of the question (shared/reference/SOURCES.md section 2).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import scrapy

from archive.vocabulary import default_vocabulary
from crawler.parsers.koop import (
    PARSER_VERSION, PUBLICATIONS, KoopParseError, SruRecord, check_publication, document_url, parse_document_html,
    parse_document_xml, parse_sru_page, sru_query, sru_url,
)
from crawler.spiders.base import KamerwachtSpider, ResponsesFactory
from crawler.warc import canonical_url

PAGE_SIZE = 100  # the service allows up to 1000; 100 keeps a failed page cheap to redo
MAX_URL = 2000  # below Scrapy's URLLENGTH_LIMIT (2083)


def query_chunks(base: str, terms: list[str], **dates) -> list[str]:
    """The vocabulary's terms split over as few CQL queries as fit in a URL."""
    chunks: list[list[str]] = [[]]
    for term in terms:
        trial = chunks[-1] + [term]
        if chunks[-1] and len(sru_url(base, sru_query(PUBLICATIONS, trial, **dates), 99999, PAGE_SIZE)) > MAX_URL:
            chunks.append([term])
        else:
            chunks[-1] = trial
    return [sru_query(PUBLICATIONS, chunk, **dates) for chunk in chunks]


def read_page(status: int, body: bytes, start: int, seen: set[str]):
    """One SRU page as the crawl and the reparse both read it: (page or None, problems as
    (reason, doc id), records to fetch as (record, manifestation, url)). ``seen`` holds the
    identifiers met earlier in the run: several query chunks find the same documents."""
    if status != 200:
        return None, [(f"SRU page startRecord={start}: HTTP {status}", None)], []
    try:
        page = parse_sru_page(body)
    except KoopParseError as exc:
        return None, [(f"SRU page startRecord={start}: {exc}", None)], []
    problems: list[tuple[str, str | None]] = []
    fetch: list[tuple[SruRecord, str, str]] = []
    if not page.records and page.number_of_records >= start:
        problems.append((f"SRU page startRecord={start} has zero records"
                         f" although numberOfRecords={page.number_of_records}", None))
    for rec in page.records:
        if rec.identifier in seen:
            continue
        seen.add(rec.identifier)
        try:
            check_publication(rec)
            manifestation, url = document_url(rec)
        except KoopParseError as exc:
            problems.append((str(exc), rec.identifier))
            continue
        fetch.append((rec, manifestation, url))
    return page, problems, fetch


def read_document(status: int, body: bytes, rec: SruRecord, manifestation: str, url: str, failed: str = "",
                  waited: float | None = None):
    """One document response: ("document", SourceDocument), ("fallback", what failed: fetch the
    HTML manifestation next) or ("quarantine", reason)."""
    if status != 200:
        failure = (f"HTTP {status} for the {manifestation} manifestation"
                   + (f" (server asked to retry after {waited:.0f}s)" if waited else ""))
        if manifestation == "xml" and "html" in rec.item_urls:
            return "fallback", failure
        return "quarantine", f"{rec.identifier}: " + "; ".join(filter(None, [failed, failure]))
    parse = parse_document_xml if manifestation == "xml" else parse_document_html
    try:
        return "document", parse(body, rec, url)
    except KoopParseError as exc:
        return "quarantine", str(exc)


class OfficieleBekendmakingenSpider(KamerwachtSpider):
    name = "officielebekendmakingen"
    parser_version = PARSER_VERSION

    async def start(self):
        base = self.settings["KAMERWACHT_KOOP_SRU_URL"]
        watermark = self.stored_watermark()
        since = self.since.isoformat() if self.since else None
        if since is None and watermark is None:
            since = self.settings.get("KAMERWACHT_CRAWL_SINCE")
        dates = {"since": since, "until": self.until.isoformat() if self.until else None,
                 "modified_since": watermark}
        self.seen: set[str] = set()
        for query in query_chunks(base, default_vocabulary().search_terms(languages=["nl"]), **dates):
            yield scrapy.Request(sru_url(base, query, 1, PAGE_SIZE), callback=self.parse, errback=self.on_error,
                                 cb_kwargs={"query": query, "start": 1})

    def parse(self, response, query: str, start: int):
        base = self.settings["KAMERWACHT_KOOP_SRU_URL"]
        page, problems, fetch = read_page(response.status, response.body, start, self.seen)
        for reason, doc_id in problems:
            yield self.quarantine(response, reason, doc_id=doc_id)
        for rec, manifestation, url in fetch:
            yield scrapy.Request(url, callback=self.parse_question, errback=self.on_error,
                                 cb_kwargs={"rec": rec, "manifestation": manifestation})
        if page is None:
            if response.status == 200:  # unreadable page: lost for this run, not the walk
                yield self._page(base, query, start + PAGE_SIZE)
            return
        for rec in page.records:
            self.see_modified(rec.modified)
        next_start = start + len(page.records)
        if page.records and next_start <= page.number_of_records:
            yield self._page(base, query, next_start)

    def _page(self, base: str, query: str, start: int) -> scrapy.Request:
        return scrapy.Request(sru_url(base, query, start, PAGE_SIZE), callback=self.parse, errback=self.on_error,
                              cb_kwargs={"query": query, "start": start})

    def parse_question(self, response, rec: SruRecord, manifestation: str, failed: str = ""):
        outcome, value = read_document(response.status, response.body, rec, manifestation, response.url, failed,
                                       response.meta.get("retry_after_exceeded"))
        if outcome == "fallback":
            yield scrapy.Request(rec.item_urls["html"], callback=self.parse_question, errback=self.on_error,
                                 cb_kwargs={"rec": rec, "manifestation": "html", "failed": value})
        elif outcome == "quarantine":
            yield self.quarantine(response, value, doc_id=rec.identifier)
        else:
            yield self.document_item(value, response)

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes over the archive: the SRU pages say which record each document URL
        belongs to, then every document response is read as the crawl read it. One WARC file is
        one crawl run; a later run's record (newer metadata) replaces an earlier one."""
        wanted: dict[str, tuple[SruRecord, str]] = {}
        seen: set[str] = set()
        run = None
        for resp in responses():
            parts = urlsplit(resp.url)
            if not parts.path.endswith("/sru"):
                continue
            if resp.warc_file != run:
                run, seen = resp.warc_file, set()
            start = dict(parse_qsl(parts.query)).get("startRecord", "1")
            _, problems, fetch = read_page(resp.status, resp.body, int(start) if start.isdigit() else 1, seen)
            for reason, doc_id in problems:
                yield cls.archived_quarantine(resp, reason, doc_id=doc_id)
            for rec, _, _ in fetch:
                for manifestation in ("xml", "html"):
                    if manifestation in rec.item_urls:
                        wanted[canonical_url(rec.item_urls[manifestation])] = (rec, manifestation)
        failed: dict[str, str] = {}  # the XML failures that sent the crawl to the HTML manifestation
        for resp in responses():
            key = canonical_url(resp.url)
            if key not in wanted:
                continue
            rec, manifestation = wanted[key]
            outcome, value = read_document(resp.status, resp.body, rec, manifestation, resp.url,
                                           failed.get(rec.identifier, "") if manifestation == "html" else "")
            if outcome == "document":
                yield cls.archived_document_item(value, resp)
            elif outcome == "quarantine":
                yield cls.archived_quarantine(resp, value, doc_id=rec.identifier)
            else:  # the crawl fetched the HTML next; it is archived after this response
                failed[rec.identifier] = value
