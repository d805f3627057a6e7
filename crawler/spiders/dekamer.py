"""dekamer: written questions to the Belgian federal government in the Chamber (QRVA).

Source: the Chamber's open data ``http://data.dekamer.be/v0/qrva?leg=<leg>&start=<n>`` (list,
paged by ``start`` up to ``total``) and ``/v0/qrva/<SDOCNAME>`` (one record, question and
answers in Dutch and French); the human page ``www.dekamer.be/kvvcr/showpage.cfm?...qrvaXml.cfm``
when the record is missing (shared/reference/SOURCES.md section 3, FORMATS.md section 11).
Terms: said to be CC0; the service itself warns its data may be incomplete or test data; no
documented rate limit, so the shared politeness settings apply.
Caveats: the list gives no date and no modification time, so there is no watermark and
``since``/``until`` act on the session years in the SDOCNAME; the list is narrowed by the
vocabulary on its titles and main descriptors (both languages), so a question naming a tool only
in its text is not fetched. ``/v0/qrva`` was last seen answering in recordings of 2017-2019.
Spider argument ``leg``: comma-separated legislatures, default ``56,55,54`` (the current one,
and 55 and 54 for the history since the first cabinet in the minister registry, 2014).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

import scrapy

from archive.vocabulary import Vocabulary, default_vocabulary
from crawler.parsers.dekamer import (
    PARSER_VERSION, ListItem, QrvaParseError, detail_url, doc_id_for, in_period, item_url, list_url,
    parse_detail_html, parse_item, parse_list, sdocname_from_detail_url,
)
from crawler.spiders.base import KamerwachtSpider, ResponsesFactory

DEFAULT_LEGS = (56, 55, 54)
ITEM_PATH_RE = re.compile(r"/qrva/([^/]+)$")


def parse_legs(value: str | None) -> tuple[int, ...]:
    if not value:
        return DEFAULT_LEGS
    try:
        return tuple(int(v) for v in str(value).split(",") if v.strip())
    except ValueError:
        raise ValueError(f"spider argument leg={value!r}: expected numbers like 56,55") from None


def read_list(status: int, body: bytes, leg: int, start: int, vocabulary: Vocabulary,
              since: dt.date | None = None, until: dt.date | None = None):
    """One list page as the crawl and the reparse read it: (page or None, problems as (reason,
    doc id), items to fetch, items left aside with why)."""
    where = f"QRVA list leg={leg} start={start}"
    if status != 200:
        return None, [(f"{where}: HTTP {status}", None)], [], []
    try:
        page = parse_list(body)
    except QrvaParseError as exc:
        return None, [(f"{where}: {exc}", None)], [], []
    fetch: list[ListItem] = []
    skipped: list[tuple[ListItem, str]] = []
    for item in page.items:
        if not in_period(item.sdocname, since, until):
            skipped.append((item, "session outside since/until"))
        elif not vocabulary.tag(item.selection_text()):
            skipped.append((item, "title and descriptors name no tool of the vocabulary"))
        else:
            fetch.append(item)
    return page, list(page.problems), fetch, skipped


def read_item(status: int, body: bytes, url: str):
    """("document", doc) or ("fallback", why the open-data record is not usable)."""
    if status != 200:
        return "fallback", f"open-data item HTTP {status}"
    try:
        doc = parse_item(body, url)
    except QrvaParseError as exc:
        return "fallback", f"open-data item: {exc}"
    if doc is None:
        return "fallback", "open-data item has no record (\"items\": [])"
    return "document", doc


def read_detail(status: int, body: bytes, url: str, failed: str):
    """("document", doc) or ("quarantine", reason) for the human page fetched as a fallback."""
    if status != 200:
        return "quarantine", f"{failed}; HTML detail page HTTP {status}"
    try:
        return "document", parse_detail_html(body, url)
    except QrvaParseError as exc:
        return "quarantine", f"{failed}; HTML detail page: {exc}"


def _detail_doc_id(url: str) -> str | None:
    try:
        return doc_id_for(sdocname_from_detail_url(url))
    except QrvaParseError:
        return None


class DekamerSpider(KamerwachtSpider):
    name = "dekamer"
    parser_version = PARSER_VERSION

    def __init__(self, *args, leg: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.legs = parse_legs(leg)

    async def start(self):
        self.data_url = self.settings["KAMERWACHT_DEKAMER_DATA_URL"]
        self.site_url = self.settings["KAMERWACHT_DEKAMER_URL"]
        self.vocabulary = default_vocabulary()
        crawl_since = self.settings.get("KAMERWACHT_CRAWL_SINCE")
        self.period = (self.since or (dt.date.fromisoformat(crawl_since) if crawl_since else None), self.until)
        for leg in self.legs:
            yield self._list(leg, 0)

    def _list(self, leg: int, start: int) -> scrapy.Request:
        return scrapy.Request(list_url(self.data_url, leg, start), callback=self.parse, errback=self.on_error,
                              cb_kwargs={"leg": leg, "start": start})

    def parse(self, response, leg: int, start: int):
        page, problems, fetch, skipped = read_list(response.status, response.body, leg, start, self.vocabulary,
                                                   *self.period)
        for reason, doc_id in problems:
            yield self.quarantine(response, reason, doc_id=doc_id)
        if page is None:
            return  # without 'total' the walk cannot go on; the reason is in the quarantine
        if page.total == 0:
            self.logger.warning("QRVA list leg=%s is empty (total 0)", leg)
        for item, why in skipped:
            self.logger.debug("%s not fetched: %s", item.sdocname, why)
        self.crawler.stats.inc_value("dekamer/list_items", len(page.items))
        for item in fetch:
            yield scrapy.Request(item_url(self.data_url, item.sdocname), callback=self.parse_question,
                                 errback=self.on_error, cb_kwargs={"item": item})
        following = page.next_start()
        if following is not None:
            yield self._list(leg, following)

    def parse_question(self, response, item: ListItem):
        outcome, value = read_item(response.status, response.body, response.url)
        if outcome == "document":
            yield self.document_item(value, response)
            return
        # The language of the question is not in the list: the Dutch page is asked for; its
        # texts are in the question's language anyway, only title and labels follow the page.
        self.logger.info("%s: %s; trying the HTML page", item.sdocname, value)
        yield scrapy.Request(detail_url(self.site_url, item.sdocname, "nl"), callback=self.parse_detail,
                             errback=self.on_error, cb_kwargs={"failed": value})

    def parse_detail(self, response, failed: str):
        outcome, value = read_detail(response.status, response.body, response.url, failed)
        if outcome == "document":
            yield self.document_item(value, response)
        else:
            yield self.quarantine(response, value, doc_id=_detail_doc_id(response.url))

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes: list pages (for their problems) and open-data items first, remembering
        which items sent the crawl to the HTML page; then the HTML pages, read as the crawl read
        them. Only what the crawl selected was fetched, so every archived item is read."""
        failed: dict[str, str] = {}  # SDOCNAME -> why the open-data item was not usable
        for resp in responses():
            parts = urlsplit(resp.url)
            params = dict(parse_qsl(parts.query))
            if parts.path.endswith("/qrva") and params.get("leg", "").isdigit():
                start = params.get("start", "0")
                _, problems, _, _ = read_list(resp.status, resp.body, int(params["leg"]),
                                              int(start) if start.isdigit() else 0, default_vocabulary())
                for reason, doc_id in problems:
                    yield cls.archived_quarantine(resp, reason, doc_id=doc_id)
                continue
            m = ITEM_PATH_RE.search(parts.path)
            if m is None:
                continue
            outcome, value = read_item(resp.status, resp.body, resp.url)
            if outcome == "document":
                yield cls.archived_document_item(value, resp)
            else:
                failed[m.group(1)] = value
        for resp in responses():
            if "qrvaXml.cfm" not in resp.url:
                continue
            try:
                sdocname = sdocname_from_detail_url(resp.url)
            except QrvaParseError:
                continue
            outcome, value = read_detail(resp.status, resp.body, resp.url,
                                         failed.get(sdocname, "open-data item not usable"))
            if outcome == "document":
                yield cls.archived_document_item(value, resp)
            else:
                yield cls.archived_quarantine(resp, value, doc_id=_detail_doc_id(resp.url))
