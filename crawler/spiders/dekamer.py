"""dekamer: written questions to the Belgian federal government in the Chamber (QRVA).

Source: the Chamber's open data ``http://data.dekamer.be/v0/qrva?leg=<leg>&start=<n>`` (list,
paged by ``start`` up to ``total``) and ``/v0/qrva/<SDOCNAME>`` (one record, question and
answers in Dutch and French); the human page ``www.dekamer.be/kvvcr/showpage.cfm?...qrvaXml.cfm``
when the record is missing (shared/reference/SOURCES.md section 3, FORMATS.md section 11).
When the open-data list of a legislature does not answer (HTTP error or no response, not JSON,
no ``items``), the spider walks the site's HTML bulletin listing instead: the legislature's
bulletins (``qrvaList.cfm``), newest first, each one's table of contents (``qrvatoc.cfm``), and
the detail page of every entry whose title names a tool (the same selection as the list's).
Terms: said to be CC0; the service itself warns its data may be incomplete or test data; no
documented rate limit, so the shared politeness settings apply.
Caveats: the list gives no date and no modification time, so there is no watermark and
``since``/``until`` act on the session years in the SDOCNAME; the list is narrowed by the
vocabulary on its titles and main descriptors (both languages), so a question naming a tool only
in its text is not fetched. ``/v0/qrva`` was last seen answering in recordings of 2017-2019.
On the HTML path the entries carry their submission date: ``since``/``until`` act on it, and
``since`` (else KAMERWACHT_CRAWL_SINCE, as for the list) ends the walk at the first bulletin
(newest first) whose entries were all asked before it (bulletins are printed in date order, so older ones hold older questions; a question asked
after ``since`` but printed in an older bulletin than such a one would be missed). Bulletins
are walked one after the other for that reason. The bulletin list's layout is not documented:
it is read on its links to the tables of contents alone.
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
    PARSER_VERSION, VIA_EMPTY_ITEM, VIA_LISTING, Bulletin, ListItem, QrvaParseError, TocEntry, TocPage,
    bulletin_list_leg, bulletin_list_url, detail_url, doc_id_for, item_url, list_url, parse_bulletin_list,
    parse_detail_html, parse_item, parse_list, parse_toc, sdocname_from_detail_url, split_sdocname, toc_params,
    toc_url,
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
    fetch, skipped = select(page.items, vocabulary, since, until)
    return page, list(page.problems), fetch, skipped


def select(items: list, vocabulary: Vocabulary, since: dt.date | None = None, until: dt.date | None = None):
    """The items worth fetching (what they say names a tool of the vocabulary, in the period)
    and the others with why: one rule for the open-data list and the bulletins' tables of
    contents."""
    fetch: list[ListItem] = []
    skipped: list[tuple[ListItem, str]] = []
    for item in items:
        if not item.in_period(since, until):
            skipped.append((item, "outside since/until"))
        elif not vocabulary.tag(item.selection_text()):
            skipped.append((item, "title and descriptors name no tool of the vocabulary"))
        else:
            fetch.append(item)
    return fetch, skipped


def read_bulletins(status: int, body: bytes, leg: int):
    """("bulletins", newest first) or ("error", reason) for a legislature's bulletin list."""
    if status != 200:
        return "error", f"QRVA bulletin list leg={leg}: HTTP {status}"
    try:
        return "bulletins", parse_bulletin_list(body, leg)
    except QrvaParseError as exc:
        return "error", str(exc)


def read_toc(status: int, body: bytes, url: str, vocabulary: Vocabulary,
             since: dt.date | None = None, until: dt.date | None = None):
    """One table of contents as the crawl and the reparse read it: (page or None, problems as
    (reason, doc id), entries to fetch, entries left aside with why)."""
    try:
        leg, bulletin = toc_params(url)
    except QrvaParseError as exc:
        return None, [(str(exc), None)], [], []
    if status != 200:
        return None, [(f"QRVA bulletin {bulletin} (leg {leg}): HTTP {status}", None)], [], []
    try:
        page: TocPage = parse_toc(body, url)
    except QrvaParseError as exc:
        return None, [(str(exc), None)], [], []
    fetch, skipped = select(page.entries, vocabulary, since, until)
    return page, list(page.problems), fetch, skipped


def listed_reason(list_failed: str, entry_bulletin: str) -> str:
    """Why a detail page was read on the HTML path (the head of its quarantine reason)."""
    return f"{list_failed}; listed in HTML bulletin {entry_bulletin}"


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


def read_detail(status: int, body: bytes, url: str, failed: str, via: str = VIA_EMPTY_ITEM):
    """("document", doc) or ("quarantine", reason) for the human page fetched as a fallback."""
    if status != 200:
        return "quarantine", f"{failed}; HTML detail page HTTP {status}"
    try:
        return "document", parse_detail_html(body, url, via)
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
        return scrapy.Request(list_url(self.data_url, leg, start), callback=self.parse,
                              errback=self.on_list_error if start == 0 else self.on_error,
                              cb_kwargs={"leg": leg, "start": start})

    def on_list_error(self, failure):
        """No response at all to a legislature's first list page: the HTML listing instead."""
        leg = failure.request.cb_kwargs["leg"]
        reason = f"QRVA list leg={leg} start=0: not fetched: {failure.getErrorMessage() or failure.type.__name__}"
        yield self._bulletin_list(leg, reason)

    def _bulletin_list(self, leg: int, failed: str) -> scrapy.Request:
        self.logger.warning("%s; walking the HTML bulletin listing instead", failed)
        self.crawler.stats.inc_value("dekamer/html_listing_walks")
        return scrapy.Request(bulletin_list_url(self.site_url, leg), callback=self.parse_bulletins,
                              errback=self.on_error, cb_kwargs={"leg": leg, "failed": failed})

    def parse(self, response, leg: int, start: int):
        page, problems, fetch, skipped = read_list(response.status, response.body, leg, start, self.vocabulary,
                                                   *self.period)
        if page is None and start == 0:
            # The open-data list does not answer (HTTP error, not JSON, no "items"): nothing is
            # lost yet, the bulletin listing has the same questions.
            yield self._bulletin_list(leg, problems[0][0])
            return
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

    def parse_bulletins(self, response, leg: int, failed: str):
        outcome, value = read_bulletins(response.status, response.body, leg)
        if outcome == "error":
            yield self.quarantine(response, f"{failed}; {value}")
            return
        self.crawler.stats.inc_value("dekamer/bulletins", len(value))
        yield self._toc(leg, value, failed)

    def _toc(self, leg: int, bulletins: list[Bulletin], failed: str) -> scrapy.Request:
        """The next bulletin's table of contents; the rest follow it one by one (see ``since``)."""
        return scrapy.Request(toc_url(self.site_url, leg, bulletins[0].bulletin), callback=self.parse_toc,
                              errback=self.on_toc_error, cb_kwargs={"leg": leg, "rest": bulletins[1:], "failed": failed})

    def on_toc_error(self, failure):
        yield from self.on_error(failure)
        kwargs = failure.request.cb_kwargs
        if kwargs["rest"]:
            yield self._toc(kwargs["leg"], kwargs["rest"], kwargs["failed"])

    def parse_toc(self, response, leg: int, rest: list[Bulletin], failed: str):
        page, problems, fetch, skipped = read_toc(response.status, response.body, response.url, self.vocabulary,
                                                  *self.period)
        for reason, doc_id in problems:
            yield self.quarantine(response, reason, doc_id=doc_id)
        for entry, why in skipped:
            self.logger.debug("%s not fetched: %s", entry.sdocname, why)
        entry: TocEntry
        for entry in fetch:
            # The Dutch page, as for the open-data fallback: the texts are in the question's
            # language whatever the page's; built from the dossier id, in the verified URL form.
            yield scrapy.Request(detail_url(self.site_url, entry.sdocname, "nl"), callback=self.parse_detail,
                                 errback=self.on_error,
                                 cb_kwargs={"failed": listed_reason(failed, entry.bulletin), "via": VIA_LISTING})
        if page is not None and page.all_asked_before(self.period[0]):
            self.logger.info("bulletin %s: every entry asked before %s; older bulletins not walked",
                             page.bulletin, self.period[0])
        elif rest:
            yield self._toc(leg, rest, failed)

    def parse_detail(self, response, failed: str, via: str = VIA_EMPTY_ITEM):
        outcome, value = read_detail(response.status, response.body, response.url, failed, via)
        if outcome == "document":
            yield self.document_item(value, response)
        else:
            yield self.quarantine(response, value, doc_id=_detail_doc_id(response.url))

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes. First the listings (open-data list pages, bulletin lists, tables of
        contents) and open-data items, remembering which items sent the crawl to the HTML page
        and which questions the bulletin listing named; then the HTML pages, read as the crawl
        read them. Only what the crawl selected was fetched, so every archived item is read."""
        vocabulary = default_vocabulary()
        failed: dict[str, str] = {}  # SDOCNAME -> why the open-data item was not usable
        lists_ok: set[int] = set()  # legislatures whose first list page answered
        lists_failed: dict[int, tuple[str, object]] = {}  # leg -> (why not, response)
        walked: set[int] = set()  # legislatures whose bulletin list was read
        bulletins_failed: dict[int, tuple[str, object]] = {}
        listed: dict[str, str] = {}  # SDOCNAME -> the bulletin the walk found it in first
        for resp in responses():
            parts = urlsplit(resp.url)
            params = dict(parse_qsl(parts.query))
            if parts.path.endswith("/qrva") and params.get("leg", "").isdigit():
                leg, start = int(params["leg"]), params.get("start", "0")
                start = int(start) if start.isdigit() else 0
                page, problems, _, _ = read_list(resp.status, resp.body, leg, start, vocabulary)
                if page is None and start == 0:
                    lists_failed.setdefault(leg, (problems[0][0], resp))  # retries archive it again
                    continue
                lists_ok.update([leg] if start == 0 else [])
                for reason, doc_id in problems:
                    yield cls.archived_quarantine(resp, reason, doc_id=doc_id)
                continue
            if "qrvalist.cfm" in resp.url.lower():
                try:
                    leg = bulletin_list_leg(resp.url)
                except QrvaParseError:
                    continue  # not a URL this spider asks for
                outcome, value = read_bulletins(resp.status, resp.body, leg)
                if outcome == "bulletins":
                    walked.add(leg)
                else:
                    bulletins_failed.setdefault(leg, (value, resp))
                continue
            if "qrvatoc.cfm" in resp.url.lower():
                page, problems, _, _ = read_toc(resp.status, resp.body, resp.url, vocabulary)
                for reason, doc_id in problems:
                    yield cls.archived_quarantine(resp, reason, doc_id=doc_id)
                for entry in page.entries if page else []:
                    listed.setdefault(entry.sdocname, entry.bulletin)
                continue
            m = ITEM_PATH_RE.search(parts.path)
            if m is None:
                continue
            outcome, value = read_item(resp.status, resp.body, resp.url)
            if outcome == "document":
                yield cls.archived_document_item(value, resp)
            else:
                failed[m.group(1)] = value
        for leg, (reason, resp) in lists_failed.items():
            if leg in lists_ok:
                continue  # a retry answered: the crawl went on with the open data
            if leg in bulletins_failed:
                why, bulletins_resp = bulletins_failed[leg]
                yield cls.archived_quarantine(bulletins_resp, f"{reason}; {why}")
            elif leg not in walked:  # archived by a crawl that did not walk the HTML listing
                yield cls.archived_quarantine(resp, reason)
        for resp in responses():
            if "qrvaXml.cfm" not in resp.url:
                continue
            try:
                sdocname = sdocname_from_detail_url(resp.url)
                leg = int(split_sdocname(sdocname)["leg"])
            except QrvaParseError:
                continue
            if sdocname in failed or sdocname not in listed:
                why, via = failed.get(sdocname, "open-data item not usable"), VIA_EMPTY_ITEM
            else:
                list_failed = lists_failed[leg][0] if leg in lists_failed else "the open-data list did not answer"
                why, via = listed_reason(list_failed, listed[sdocname]), VIA_LISTING
            outcome, value = read_detail(resp.status, resp.body, resp.url, why, via)
            if outcome == "document":
                yield cls.archived_document_item(value, resp)
            else:
                yield cls.archived_quarantine(resp, value, doc_id=_detail_doc_id(resp.url))
