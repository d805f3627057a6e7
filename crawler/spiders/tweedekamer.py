"""tweedekamer: the Tweede Kamer's own open data (gegevensmagazijn, OData v4).

Source: ``https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak`` (Soort 'Schriftelijke
vragen', with ZaakActor and Document($expand=DocumentVersie)), server-driven paging by
``@odata.nextLink`` (at most 250 per page); document files from ``Document(<Id>)/resource``.
Terms: CC0, no registration, no documented request limit (the Kamer may throttle per IP), so
the shared politeness settings apply. Covers the Tweede Kamer only (no Eerste Kamer).
Caveats: the list is not narrowed server-side by vocabulary (``contains(...)`` is only seen in
third-party code); the local tagger on the full text decides, as for every source. Documents
that KOOP also publishes (DocumentVersie.ExterneIdentifier = ``kv-tk-...``/``ah-tk-...``) are left
to the officielebekendmakingen spider, see ``_koop_twin``. Incremental runs ask for Zaken with
``GewijzigdOp`` since the stored watermark, deleted entities included: a deleted Zaak or Document
(``Verwijderd``) takes its documents out of the archive, with a trace (``deletions``).
"""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import urlsplit

import scrapy

from crawler.parsers.tk import (
    API_ROOT, MAX_PAGE, PARSER_VERSION, TkDocument, TkPage, TkParseError, TkZaak, document_from_resource, parse_page,
    resource_url, zaak_url,
)
from crawler.items import DeletionItem, WithdrawalItem
from crawler.spiders.base import KamerwachtSpider, ResponsesFactory
from crawler.warc import canonical_url

SKIP_RE = re.compile(r"([?&]\$skip=)(\d+)")


def page_after(url: str) -> str:
    """Where the walk goes on when a page cannot be read (so its nextLink is lost): the same
    query one page further by ``$skip``. An overshoot past the end is an empty page, which
    ends the walk."""
    if SKIP_RE.search(url):
        return SKIP_RE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + MAX_PAGE}", url, count=1)
    return f"{url}&$skip={MAX_PAGE}"


def read_page(status: int, body: bytes, url: str) -> tuple[TkPage | None, list[tuple[str, str | None]]]:
    """One discovery page as the crawl and the reparse both read it."""
    if status != 200:
        return None, [(f"OData page {url}: HTTP {status}", None)]
    try:
        page = parse_page(body)
    except TkParseError as exc:
        return None, [(f"OData page {url}: {exc}", None)]
    return page, list(page.problems)


def _koop_twin(doc: TkDocument) -> bool:
    """The same real document as a KOOP publication. Decision: such a document is archived
    from KOOP only, whether or not the KOOP crawl has run yet. Emitting it from here too would
    list one postponement notice (2020D11840 = ah-tk-20192020-2237) twice in the record, and
    skipping it only when the KOOP twin is already stored would make the record depend on the
    crawl order. The record contract has no 'same as' field to join the two (see report)."""
    return doc.koop_twin is not None


def withdrawals(page: TkPage) -> Iterator[WithdrawalItem]:
    for zaak in page.zaken:
        if zaak.withdrawn and zaak.nummer and not zaak.verwijderd:
            yield WithdrawalItem("tweedekamer", zaak.nummer, f"Zaak {zaak.nummer}: withdrawal notice at the Tweede Kamer")


def deletions(page: TkPage) -> Iterator[DeletionItem]:
    """What the page says is deleted at the source: whole Zaken, or single documents."""
    for zaak in page.zaken:
        if zaak.verwijderd and zaak.nummer:
            yield DeletionItem("tweedekamer", f"Zaak {zaak.nummer} is deleted at the source (Verwijderd)",
                               question_key=zaak.nummer)
            continue
        gone = [d.nummer for d in zaak.documents if d.verwijderd and d.nummer]
        if gone:
            yield DeletionItem("tweedekamer", f"deleted at the source (Verwijderd) in Zaak {zaak.nummer}", doc_ids=gone)
        # A document archived from here before KOOP published it: now that its KOOP twin is
        # named, the copy from here goes (the KOOP spider archives it), so the record never
        # holds one document twice. Nothing happens when no copy was stored.
        for d in zaak.documents:
            if d.koop_twin and d.nummer and not d.verwijderd:
                yield DeletionItem("tweedekamer", f"published by KOOP as {d.koop_twin}: archived from there",
                                   doc_ids=[d.nummer])


def fetch_list(page: TkPage) -> Iterator[tuple[TkZaak, TkDocument | None, str]]:
    """(zaak, document to fetch or None, what to log) for each thing the page names."""
    for zaak in page.zaken:
        for reason in zaak.ignored:
            yield zaak, None, f"Zaak {zaak.nummer}: ignored {reason}"
        if zaak.verwijderd:
            yield zaak, None, f"Zaak {zaak.nummer}: Verwijderd; not fetched"
            continue
        for doc in zaak.documents:
            if doc.verwijderd:
                yield zaak, None, f"Zaak {zaak.nummer}: {doc.nummer} Verwijderd; not fetched"
            elif _koop_twin(doc):
                yield zaak, None, f"Zaak {zaak.nummer}: {doc.nummer} is KOOP's {doc.koop_twin}; archived from there"
            else:
                yield zaak, doc, ""


def read_resource(status: int, body: bytes, content_type: str | None, zaak: TkZaak, doc: TkDocument):
    """("document", SourceDocument) or ("quarantine", reason)."""
    if status != 200:
        return "quarantine", f"{doc.nummer or doc.id} (Zaak {zaak.nummer}): document file HTTP {status}"
    try:
        return "document", document_from_resource(body, content_type, zaak, doc)
    except TkParseError as exc:
        return "quarantine", f"{doc.nummer or doc.id} (Zaak {zaak.nummer}): {exc}"


class TweedeKamerSpider(KamerwachtSpider):
    name = "tweedekamer"
    parser_version = PARSER_VERSION

    @property
    def api_root(self) -> str:
        return self.settings.get("KAMERWACHT_TK_API_ROOT") or API_ROOT

    async def start(self):
        since = self.since.isoformat() if self.since else self.settings.get("KAMERWACHT_CRAWL_SINCE")
        watermark = self.stored_watermark()
        url = zaak_url(since, self.api_root, modified_since=watermark,
                       until=self.until.isoformat() if self.until else None)
        yield scrapy.Request(url, callback=self.parse, errback=self.on_error)

    def parse(self, response):
        page, problems = read_page(response.status, response.body, response.url)
        for reason, doc_id in problems:
            yield self.quarantine(response, reason, doc_id=doc_id)
        if page is None:
            if response.status == 200:  # unreadable page: lost for this run, not the walk
                yield scrapy.Request(page_after(response.url), callback=self.parse, errback=self.on_error)
            return
        yield from deletions(page)
        yield from withdrawals(page)
        for zaak, doc, note in fetch_list(page):
            self.see_modified(zaak.gewijzigd_op)
            if doc is None:
                # An unknown relation is a change in the API that someone should see.
                (self.logger.warning if "unknown Relatie" in note else self.logger.info)(note)
                continue
            yield scrapy.Request(resource_url(doc.id, self.api_root), callback=self.parse_resource, errback=self.on_error,
                                 cb_kwargs={"zaak": zaak, "doc": doc})
        if page.next_link:
            yield scrapy.Request(page.next_link, callback=self.parse, errback=self.on_error)

    def parse_resource(self, response, zaak: TkZaak, doc: TkDocument):
        ctype = response.headers.get("Content-Type")
        outcome, value = read_resource(response.status, response.body, ctype.decode() if ctype else None, zaak, doc)
        if outcome == "quarantine":
            yield self.quarantine(response, value, doc_id=doc.nummer)
        else:
            yield self.document_item(value, response)

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes: the Zaak pages say which Zaak each document file belongs to, then each
        file is read as the crawl read it. A later run's page replaces an earlier one's Zaak."""
        wanted: dict[str, tuple[TkZaak, TkDocument]] = {}
        deleted: list[tuple[str, DeletionItem]] = []  # (run, deletion): applied after the documents
        for resp in responses():
            if not urlsplit(resp.url).path.endswith("/Zaak"):
                continue
            page, problems = read_page(resp.status, resp.body, resp.url)
            for reason, doc_id in problems:
                yield cls.archived_quarantine(resp, reason, doc_id=doc_id)
            if page is None:
                continue
            deleted += [(resp.warc_file, item) for item in deletions(page)]
            yield from withdrawals(page)
            root = resp.url[: resp.url.index("Zaak?")] if "Zaak?" in resp.url else API_ROOT
            for zaak, doc, _ in fetch_list(page):
                if doc is not None:
                    wanted[canonical_url(resource_url(doc.id, root))] = (zaak, doc)
        last_run: dict[str, str] = {}  # document number / Zaak number -> last run that delivered it
        for resp in responses():
            key = canonical_url(resp.url)
            if key not in wanted:
                continue
            zaak, doc = wanted[key]
            outcome, value = read_resource(resp.status, resp.body, resp.headers.get("content-type"), zaak, doc)
            if outcome == "document":
                last_run[doc.nummer or ""] = last_run[zaak.nummer or ""] = resp.warc_file
                yield cls.archived_document_item(value, resp)
            else:
                yield cls.archived_quarantine(resp, value, doc_id=doc.nummer)
        # A deletion stands unless a later run delivered the document again (run files sort by time).
        for run, item in deleted:
            keys = item.doc_ids or [item.question_key]
            if all(last_run.get(k, "") <= run for k in keys):
                yield item
