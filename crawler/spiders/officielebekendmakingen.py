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
    PARSER_VERSION, PUBLICATIONS, KoopParseError, SruRecord, UnknownDocumentType, check_publication, document_url,
    parse_document_html, parse_document_xml, parse_sru_page, sru_query, sru_url,
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


def _parse_document(body: bytes, rec: SruRecord, manifestation: str, url: str):
    parse = parse_document_xml if manifestation == "xml" else parse_document_html
    return parse(body, rec, url)


class OfficieleBekendmakingenSpider(KamerwachtSpider):
    name = "officielebekendmakingen"
    parser_version = PARSER_VERSION

    async def start(self):
        base = self.settings["KAMERWACHT_KOOP_SRU_URL"]
        since = (self.since or None) and self.since.isoformat()
        if since is None and self.stored_watermark() is None:
            since = self.settings.get("KAMERWACHT_CRAWL_SINCE")
        dates = {"since": since, "until": self.until.isoformat() if self.until else None,
                 "modified_since": self.stored_watermark()}
        self.seen: set[str] = set()
        for query in query_chunks(base, default_vocabulary().search_terms(languages=["nl"]), **dates):
            yield scrapy.Request(sru_url(base, query, 1, PAGE_SIZE), callback=self.parse, errback=self.on_error,
                                 cb_kwargs={"query": query, "start": 1})

    def parse(self, response, query: str, start: int):
        base = self.settings["KAMERWACHT_KOOP_SRU_URL"]
        if response.status != 200:
            yield self.quarantine(response, f"SRU page startRecord={start}: HTTP {response.status}")
            return
        try:
            page = parse_sru_page(response.body)
        except KoopParseError as exc:
            # The page is lost for this run, not the walk: carry on after it.
            yield self.quarantine(response, f"SRU page startRecord={start}: {exc}")
            yield scrapy.Request(sru_url(base, query, start + PAGE_SIZE, PAGE_SIZE), callback=self.parse, errback=self.on_error,
                                 cb_kwargs={"query": query, "start": start + PAGE_SIZE})
            return
        if not page.records and page.number_of_records >= start:
            yield self.quarantine(response, f"SRU page startRecord={start} has zero records"
                                            f" although numberOfRecords={page.number_of_records}")
        for rec in page.records:
            self.see_modified(rec.modified)
            if rec.identifier in self.seen:  # several query chunks can find the same document
                continue
            self.seen.add(rec.identifier)
            try:
                check_publication(rec)
                manifestation, url = document_url(rec)
            except KoopParseError as exc:
                yield self.quarantine(response, str(exc), doc_id=rec.identifier)
                continue
            yield scrapy.Request(url, callback=self.parse_question, errback=self.on_error,
                                 cb_kwargs={"rec": rec, "manifestation": manifestation})
        next_start = start + len(page.records)
        if page.records and next_start <= page.number_of_records:
            yield scrapy.Request(sru_url(base, query, next_start, PAGE_SIZE), callback=self.parse, errback=self.on_error,
                                 cb_kwargs={"query": query, "start": next_start})

    def parse_question(self, response, rec: SruRecord, manifestation: str, failed: str = ""):
        if response.status != 200:
            waited = response.meta.get("retry_after_exceeded")
            failure = (f"HTTP {response.status} for the {manifestation} manifestation"
                       + (f" (server asked to retry after {waited:.0f}s)" if waited else ""))
            if manifestation == "xml" and "html" in rec.item_urls:
                yield scrapy.Request(rec.item_urls["html"], callback=self.parse_question, errback=self.on_error,
                                     cb_kwargs={"rec": rec, "manifestation": "html", "failed": failure})
                return
            yield self.quarantine(response, f"{rec.identifier}: " + "; ".join(filter(None, [failed, failure])),
                                  doc_id=rec.identifier)
            return
        try:
            doc = _parse_document(response.body, rec, manifestation, response.url)
        except KoopParseError as exc:
            yield self.quarantine(response, str(exc), doc_id=rec.identifier)
            return
        yield self.document_item(doc, response)

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes over the archive: the SRU pages say which record each document URL
        belongs to, then every document response is parsed as the crawl parsed it."""
        wanted: dict[str, tuple[SruRecord, str]] = {}
        seen: set[str] = set()
        for resp in responses():
            parts = urlsplit(resp.url)
            if not parts.path.endswith("/sru"):
                continue
            start = dict(parse_qsl(parts.query)).get("startRecord", "?")
            if resp.status != 200:
                yield cls.archived_quarantine(resp, f"SRU page startRecord={start}: HTTP {resp.status}")
                continue
            try:
                page = parse_sru_page(resp.body)
            except KoopParseError as exc:
                yield cls.archived_quarantine(resp, f"SRU page startRecord={start}: {exc}")
                continue
            for rec in page.records:
                try:
                    check_publication(rec)
                except UnknownDocumentType as exc:
                    if rec.identifier not in seen:  # as in the crawl: once, not once per query chunk
                        yield cls.archived_quarantine(resp, str(exc), doc_id=rec.identifier)
                    seen.add(rec.identifier)
                    continue
                # A later crawl's record (newer metadata) replaces an earlier one.
                for manifestation in ("xml", "html"):
                    if manifestation in rec.item_urls:
                        wanted[canonical_url(rec.item_urls[manifestation])] = (rec, manifestation)
        for resp in responses():
            key = canonical_url(resp.url)
            if key not in wanted:
                continue
            rec, manifestation = wanted[key]
            if resp.status != 200:
                if manifestation == "xml" and "html" in rec.item_urls:
                    continue  # the crawl fell back to the HTML manifestation, archived beside it
                yield cls.archived_quarantine(
                    resp, f"{rec.identifier}: HTTP {resp.status} for the {manifestation} manifestation", rec.identifier)
                continue
            try:
                doc = _parse_document(resp.body, rec, manifestation, resp.url)
            except KoopParseError as exc:
                yield cls.archived_quarantine(resp, str(exc), doc_id=rec.identifier)
                continue
            yield cls.archived_document_item(doc, resp)
