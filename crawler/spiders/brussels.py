"""brussels: written questions to the Brussels-Capital government (parlement.brussels, weblex).

Source: the legislature index ``/prb_includes/weblex/data/dos_qu_legis_<yy>-<yy>.json`` (the
list the site's own search uses), then for every written question its page in both languages,
``/weblex-quest-det/?lang=<fr|nl>&moncode=<n>&base=1&taal=<fr|nd>`` (FORMATS.md section 9).
Terms: public pages of the parliament; no documented API, no documented rate limit: the shared
politeness settings apply (robots.txt, AutoThrottle, <= 2 requests per host).
Caveats: the index is not a documented API and its row layout is known from third-party code
only (crawler.parsers.brussels says which cells are read); it has no modification date, so every
run reads the whole of each legislature it covers (answers arrive months later on the same
page). Which language a question was asked in is not printed: the page the index row links to
(lang/taal in its link) is taken as the asked text, French when the link does not say. The
legislatures read are those overlapping --since/--until (default KAMERWACHT_CRAWL_SINCE .. today),
or the ``legislature`` spider argument ("19-24", or several: "19-24,24-29").
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

import scrapy

from crawler.parsers.brussels import (
    DEFAULT_BASE, DEFAULT_LANGUAGE, INDEX_FILE_RE, LEGISLATURE_RE, PARSER_VERSION, BrusselsParseError, Fetched,
    IndexRow, build_document, detail_url, index_url, legislatures_between, parse_index, url_language, url_moncode,
)
from crawler.items import QuarantineItem
from crawler.spiders.base import KamerwachtSpider, ResponsesFactory


def read_index(status: int, body: bytes, url: str, since: dt.date | None, until: dt.date | None):
    """One index file as the crawl and the reparse both read it: (rows to fetch, problems)."""
    name = url.rsplit("/", 1)[-1]
    if status != 200:
        return [], [f"index {name}: HTTP {status}"]
    try:
        page = parse_index(body)
    except BrusselsParseError as exc:
        return [], [f"index {name}: {exc}"]
    rows = [r for r in page.rows if r.received is None
            or ((since is None or r.received >= since) and (until is None or r.received <= until))]
    return rows, [f"index {name}: {p}" for p in page.problems]


def languages(row: IndexRow) -> tuple[str, str]:
    """(the language the question was asked in, the other one)."""
    main = row.language or DEFAULT_LANGUAGE
    return main, "nl" if main == "fr" else "fr"


def read_question(row: IndexRow, main: Fetched, other: Fetched | None, base: str):
    """("document", SourceDocument, "main"|"other") or ("quarantine", reason, None)."""
    try:
        doc, primary = build_document(row.moncode, main, other, base, row)
    except BrusselsParseError as exc:
        return "quarantine", str(exc), None
    return "document", doc, primary


def _fetched(language: str, response) -> Fetched:
    ctype = response.headers.get("Content-Type")
    return Fetched(language, response.url, response.status, response.body, ctype.decode("latin-1") if ctype else None)


class BrusselsSpider(KamerwachtSpider):
    name = "brussels"
    parser_version = PARSER_VERSION

    def __init__(self, *args, legislature: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.legislatures = [part.strip() for part in legislature.split(",")] if legislature else None
        for part in self.legislatures or []:
            if not LEGISLATURE_RE.match(part):
                raise ValueError(f"spider argument legislature={part!r}: expected e.g. 19-24")

    @property
    def base(self) -> str:
        return (self.settings.get("KAMERWACHT_BRUSSELS_URL") or DEFAULT_BASE).rstrip("/")

    def window(self) -> tuple[dt.date, dt.date]:
        since = self.since or dt.date.fromisoformat(self.settings.get("KAMERWACHT_CRAWL_SINCE") or "2008-01-01")
        return since, self.until or dt.date.today()

    async def start(self):
        since, until = self.window()
        for legislature in self.legislatures or legislatures_between(since, until):
            yield scrapy.Request(index_url(self.base, legislature), callback=self.parse, errback=self.on_error)

    def parse(self, response):
        since, until = self.window()
        rows, problems = read_index(response.status, response.body, response.url, since, until)
        for reason in problems:
            yield self.quarantine(response, reason)
        self.logger.info("%s: %d written questions to read", response.url, len(rows))
        for row in rows:
            main, _ = languages(row)
            yield scrapy.Request(detail_url(self.base, row.moncode, main), callback=self.parse_main,
                                 errback=self.main_failed, cb_kwargs={"row": row})

    def main_failed(self, failure):
        """The page in the asked language got no response at all (robots.txt, DNS, timeouts
        after the retries): quarantined with the reason; the other page is not asked for."""
        row = failure.request.cb_kwargs["row"]
        reason = failure.getErrorMessage() or failure.type.__name__
        yield QuarantineItem(self.name, failure.request.url, f"not fetched: {reason}", f"prb-{row.moncode}")

    def parse_main(self, response, row: IndexRow):
        _, other = languages(row)
        yield scrapy.Request(detail_url(self.base, row.moncode, other), callback=self.parse_question,
                             errback=self.other_failed, cb_kwargs={"row": row, "main": response})

    def parse_question(self, response, row: IndexRow, main):
        first, second = languages(row)
        outcome, value, primary = read_question(row, _fetched(first, main), _fetched(second, response), self.base)
        yield from self._emit(outcome, value, primary, row, main, response)

    def other_failed(self, failure):
        """The page in the other language got no response at all: the document is built from
        the page in the asked language, with a gap saying what is missing."""
        kwargs = failure.request.cb_kwargs
        row, main = kwargs["row"], kwargs["main"]
        first, second = languages(row)
        other = Fetched(second, failure.request.url, error=failure.getErrorMessage() or failure.type.__name__)
        outcome, value, primary = read_question(row, _fetched(first, main), other, self.base)
        yield from self._emit(outcome, value, primary, row, main, None)

    def _emit(self, outcome, value, primary, row, main, other) -> Iterator:
        if outcome == "quarantine":
            yield self.quarantine(main, value, doc_id=f"prb-{row.moncode}")
        else:
            yield self.document_item(value, main if primary == "main" or other is None else other)

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """Two passes, as the crawl read them: the index files say which moncodes are written
        questions and in which language each was asked; then each moncode's two pages (the
        latest archived response of each) become its document."""
        rows: dict[str, tuple[IndexRow, str]] = {}  # moncode -> (row, site root)
        pages: dict[tuple[str, str], object] = {}  # (moncode, language) -> latest response
        for resp in responses():
            if INDEX_FILE_RE.search(resp.url.split("?", 1)[0]):
                found, problems = read_index(resp.status, resp.body, resp.url, None, None)
                for reason in problems:
                    yield cls.archived_quarantine(resp, reason)
                root = resp.url.split("/prb_includes/", 1)[0]
                rows.update({r.moncode: (r, root) for r in found})
            elif "/weblex-quest-det/" in resp.url:
                moncode, lang = url_moncode(resp.url), url_language(resp.url)
                if moncode and lang:
                    pages[(moncode, lang)] = resp
        for moncode, (row, root) in rows.items():
            first, second = languages(row)
            main = pages.get((moncode, first))
            if main is None:  # never fetched: the crawl quarantined the request (or stopped)
                continue
            other = pages.get((moncode, second))
            outcome, value, primary = read_question(
                row, Fetched(first, main.url, main.status, main.body, main.headers.get("content-type")),
                Fetched(second, other.url, other.status, other.body, other.headers.get("content-type"))
                if other is not None else Fetched(second, detail_url(root, moncode, second), error="no response"),
                root)
            if outcome == "quarantine":
                yield cls.archived_quarantine(main, value, doc_id=f"prb-{moncode}")
            else:
                yield cls.archived_document_item(value, main if primary == "main" or other is None else other)
