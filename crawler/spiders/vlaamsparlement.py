"""vlaamsparlement: written questions to the Flemish government (Vlaams Parlement open data).

Source: discovery through the search API ``https://ws.vlpar.be/api/search/query/+inmeta:legislatuur=
<leg>&requiredfields=...aggregaattype:Schriftelijke%20vraag?collection=vp_collection&sort=date&order=desc``
(one query per legislature, newest first, paged with ``page``), then the open data record
``/e/opendata/schv/<id>`` as JSON (``Accept: application/json``; XML otherwise), then the PDF it
lists (``bestand-ordered[].URL`` on docs.vlaamsparlement.be), which holds the texts.
Terms: open data of the Flemish Parliament (Modellicentie Gratis Hergebruik [C]); no documented
request limit, so the shared politeness settings apply. Caveats: all shapes are [C] (third-party
code), see crawler/parsers/vlaamsparlement.py; a query returns at most 10 000 hits (a full crawl
of a busy legislature may be cut short: logged); the walk stops at the first hit published before
the run's first date (``--since``, or the stored watermark = newest ``publicatiedatum`` seen), which
assumes an answer republishes its question [I]. The document's provenance is the schv record; the
PDF is archived beside it and joined again by its URL on reparse.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import scrapy

from crawler.parsers.vlaamsparlement import (
    MAX_HITS, PAGE_SIZE, PARSER_VERSION, Schv, SearchPage, VlparParseError, doc_id, document_from_schv, legislatures,
    parse_schv, parse_search_page, pdf_text, schv_url, search_url,
)
from crawler.spiders.base import KamerwachtSpider, ResponsesFactory
from crawler.warc import canonical_url

ACCEPT_JSON = {"Accept": "application/json"}


def read_search(status: int, body: bytes, url: str) -> tuple[SearchPage | None, list[str]]:
    """One search page as the crawl and the reparse both read it: (page or None, quarantine reasons)."""
    if status != 200:
        return None, [f"search page {url}: HTTP {status}"]
    try:
        page = parse_search_page(body)
    except VlparParseError as exc:
        return None, [f"search page {url}: {exc}"]
    return page, [f"search page {url}: {p}" for p in page.problems]


def read_schv(status: int, body: bytes, schv_id: str) -> tuple[Schv | None, str | None]:
    if status != 200:
        return None, f"schv {schv_id}: HTTP {status}"
    try:
        return parse_schv(body, schv_id), None
    except VlparParseError as exc:
        return None, str(exc)


def schv_id_of(url: str) -> str | None:
    parts = urlsplit(url).path.rstrip("/").split("/")
    return parts[-1] if len(parts) >= 2 and parts[-2] == "schv" else None


class VlaamsParlementSpider(KamerwachtSpider):
    name = "vlaamsparlement"
    parser_version = PARSER_VERSION

    @property
    def base(self) -> str:
        return self.settings.get("KAMERWACHT_VLPAR_URL").rstrip("/")

    async def start(self):
        first = self.since or dt.date.fromisoformat(self.settings.get("KAMERWACHT_CRAWL_SINCE"))
        watermark = self.stored_watermark()
        if watermark:
            first = max(first, dt.date.fromisoformat(watermark[:10]))
        self.first = first
        todo = legislatures(first, self.until)
        if todo:
            yield self._search(todo, 1)

    def _search(self, todo: list[str], page: int, seen: int = 0) -> scrapy.Request:
        return scrapy.Request(search_url(self.base, todo[0], page, PAGE_SIZE), callback=self.parse, errback=self.on_error,
                              headers=ACCEPT_JSON, cb_kwargs={"todo": todo, "page": page, "seen": seen})

    def parse(self, response, todo: list[str], page: int, seen: int):
        result, problems = read_search(response.status, response.body, response.url)
        for reason in problems:
            yield self.quarantine(response, reason)
        if result is None:
            # The rest of this legislature is lost for this run (quarantined, so it is seen);
            # the older legislatures are still walked.
            if len(todo) > 1:
                yield self._search(todo[1:], 1)
            return
        if page == 1 and result.count >= MAX_HITS:
            self.logger.warning("legislature %s: %d hits, the search API serves at most %d", todo[0], result.count, MAX_HITS)
        reached_first = False
        for hit in result.hits:
            published = hit.published
            if published and published < self.first:
                reached_first = True
                break
            if published and self.until and published > self.until:
                continue
            self.see_modified(hit.publicatiedatum)
            yield scrapy.Request(schv_url(self.base, hit.id), callback=self.parse_schv, errback=self.on_error,
                                 headers=ACCEPT_JSON, cb_kwargs={"schv_id": hit.id})
        seen += len(result.hits) + len(result.problems)
        if not reached_first and (result.hits or result.problems) and seen < min(result.count, MAX_HITS):
            yield self._search(todo, page + 1, seen)
        elif len(todo) > 1 and not reached_first:
            yield self._search(todo[1:], 1)
        elif reached_first:
            self.logger.info("reached %s in legislature %s: older ones are not asked", self.first, todo[0])

    def parse_schv(self, response, schv_id: str):
        schv, reason = read_schv(response.status, response.body, schv_id)
        if schv is None:
            yield self.quarantine(response, reason, doc_id=doc_id(schv_id))
            return
        if schv.pdf_url is None:
            yield self.document_item(document_from_schv(schv, None), response)
            return
        yield scrapy.Request(schv.pdf_url, callback=self.parse_pdf, errback=self.pdf_failed,
                             cb_kwargs={"schv": schv, "record": response})

    def parse_pdf(self, response, schv: Schv, record):
        text, gap = pdf_text(response.status, response.body, _pdf_name(schv))
        if gap:
            self.logger.warning("schv %s: %s", schv.id, gap)
        yield self.document_item(document_from_schv(schv, text, gap), record)

    def pdf_failed(self, failure):
        """No PDF response at all: the record is kept, with the gap said."""
        kwargs = failure.request.cb_kwargs
        self.logger.warning("schv %s: PDF not fetched: %s", kwargs["schv"].id, failure.getErrorMessage())
        text, gap = pdf_text(None, None)
        yield self.document_item(document_from_schv(kwargs["schv"], text, gap), kwargs["record"])

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes: every archived PDF by URL (the newest copy wins), then each schv record
        read as the crawl read it and joined to its PDF. Unreadable search pages are quarantined
        again, as the crawl did."""
        pdfs: dict[str, tuple[int, bytes]] = {}
        for resp in responses():
            if urlsplit(resp.url).path.endswith("/files/pfile"):
                pdfs[canonical_url(resp.url)] = (resp.status, resp.body)
        for resp in responses():
            path = urlsplit(resp.url).path
            if "/api/search/query/" in path:
                _, problems = read_search(resp.status, resp.body, resp.url)
                for reason in problems:
                    yield cls.archived_quarantine(resp, reason)
                continue
            schv_id = schv_id_of(resp.url)
            if schv_id is None:
                continue
            schv, reason = read_schv(resp.status, resp.body, schv_id)
            if schv is None:
                yield cls.archived_quarantine(resp, reason, doc_id=doc_id(schv_id))
                continue
            text = gap = None
            if schv.pdf_url is not None:
                status, body = pdfs.get(canonical_url(schv.pdf_url), (None, None))
                text, gap = pdf_text(status, body, _pdf_name(schv))
            yield cls.archived_document_item(document_from_schv(schv, text, gap), resp)


def _pdf_name(schv: Schv) -> str:
    pid = parse_qs(urlsplit(schv.pdf_url or "").query).get("id", [schv.id])[0]
    return f"pfile-{re.sub(r'[^0-9A-Za-z_-]', '_', pid)}.pdf"
