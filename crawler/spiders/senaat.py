"""senaat: written questions of the Belgian Senate (senate.be), one record per question.

Source: ``{senate_url}/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=<leg>&NR=<nr>&LANG=<nl|fr>``
(SOURCES.md section 5; layouts FORMATS.md sections 6 and 7). Per question the Dutch page, then
the French page; when neither can be read, the bilingual print ``MIval=Vragen/SVPrintNLFR``.
The question's own language (``(Vraag gesteld in het Nederlands)``) gives the record's texts,
the other page its translation. ``Ook gesteld aan`` / ``Heringediend als`` links are followed.
Terms: public pages, no documented API, licence or rate limit: the shared politeness settings
apply (robots.txt, AutoThrottle, at most 2 requests per host).

Discovery: there is NO documented list endpoint. Arguments: ``questions="7-400,7-1648"`` and/or
``leg=7 start=1`` to walk numbers upward until ``misses`` (default 5) numbers in a row give no
question. That the Senate answers an unknown number with an empty page (and that numbers have
no long holes) is inferred, not verified. Such a page is quarantined with its reason like any
other, so a walk leaves its last misses in the quarantine; the crawl that later finds the
question settles them (Store.put_document). Without arguments a live crawl asks for the questions
on surveillance tools known to the project (``KNOWN_QUESTIONS``, shared/reference/DOCUMENTS.md);
a replay asks for every question the recordings hold (for this source the recordings are the
only list there is).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import scrapy

from archive.model import REFILED_AS, SAME_QUESTION, SourceDocument
from crawler.parsers.senaat import (
    PARSER_VERSION, NoSuchQuestion, SenaatParseError, Side, build_document, detail_url, doc_id, document_from_print,
    page_key, parse_detail, print_url,
)
from crawler.items import QuarantineItem
from crawler.replay import load_manifest
from crawler.spiders.base import KamerwachtSpider, ResponsesFactory
from crawler.warc import REPLAY_HEADER

KNOWN_QUESTIONS = ("4-7451", "5-3751", "5-8890", "5-9045", "5-9463", "7-400", "7-480", "7-1648", "7-1870", "7-1874")
FOLLOWED = (SAME_QUESTION, REFILED_AS)
NUMBER_RE = re.compile(r"^\s*(\d+)-(\d+)\s*$")


def parse_numbers_arg(value: str | None) -> list[tuple[int, int]]:
    out = []
    for part in (value or "").split(","):
        if not part.strip():
            continue
        m = NUMBER_RE.match(part)
        if m is None:
            raise ValueError(f"spider argument questions: {part!r} is not <leg>-<nr> (e.g. 7-400)")
        out.append((int(m[1]), int(m[2])))
    return out


def read_side(lang: str, status: int, body: bytes, content_type: str | None, replay: str | None, base: str) -> Side:
    """One detail page as the crawl and the reparse both read it."""
    if replay == "not-recorded":
        return Side(None, f"HTTP {status} (not in the bundled recordings)", unrecorded=True)
    if status != 200:
        return Side(None, f"HTTP {status}")
    try:
        return Side(parse_detail(body, content_type, lang, base))
    except NoSuchQuestion as exc:
        return Side(None, str(exc), definitive=True)
    except SenaatParseError as exc:
        return Side(None, str(exc))


def read_print(status: int, body: bytes, content_type: str | None, replay: str | None, base: str,
               leg: int, nr: int) -> SourceDocument | Side:
    if replay == "not-recorded" or status != 200:
        return read_side("print", status, body, content_type, replay, base)
    try:
        return document_from_print(leg, nr, body, content_type, base)
    except NoSuchQuestion as exc:
        return Side(None, str(exc), definitive=True)
    except SenaatParseError as exc:
        return Side(None, str(exc))


def decide(leg: int, nr: int, sides: dict[str, Side], printed: SourceDocument | Side | None, base: str):
    """("document", doc) | ("quarantine", reason) | ("print", None): fetch the print next |
    ("skip", reason): a replay without any copy of the question (logged, not quarantined)."""
    if any(s.page for s in sides.values()):
        try:
            return "document", build_document(leg, nr, sides, base)
        except SenaatParseError as exc:
            return "quarantine", str(exc)
    reasons = "; ".join(f"{lang} page: {s.reason}" for lang, s in sides.items())
    if any(s.definitive for s in sides.values()):
        return "quarantine", f"question {leg}-{nr} is not on the Senate site ({reasons})"
    if printed is None:
        return "print", None
    if isinstance(printed, SourceDocument):
        return "document", printed
    reasons += f"; bilingual print: {printed.reason}"
    if all(s.unrecorded for s in sides.values()) and printed.unrecorded:
        return "skip", f"{leg}-{nr}: {reasons}"
    return "quarantine", f"question {leg}-{nr}: no page could be read ({reasons})"


def _replay(headers) -> str | None:
    value = headers.get(REPLAY_HEADER) if hasattr(headers, "getlist") else headers.get(REPLAY_HEADER.lower())
    if isinstance(value, bytes):
        value = value.decode()
    return value.split(";")[0].strip() if value else None


def _ctype(headers) -> str | None:
    value = headers.get("Content-Type") if hasattr(headers, "getlist") else headers.get("content-type")
    return value.decode("latin-1") if isinstance(value, bytes) else value


class SenaatSpider(KamerwachtSpider):
    name = "senaat"
    parser_version = PARSER_VERSION

    def __init__(self, *args, questions: str | None = None, leg: str | None = None, start: str | None = None,
                 misses: str = "5", **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = parse_numbers_arg(questions)
        self.walk_leg = int(leg) if leg else None
        self.walk_start = int(start) if start else 1
        self.max_misses = int(misses)
        self.seen: set[tuple[int, int]] = set()

    @property
    def base(self) -> str:
        return self.settings.get("KAMERWACHT_SENATE_URL") or "https://www.senate.be"

    def seeds(self) -> list[tuple[int, int]]:
        if self.questions or self.walk_leg:
            return list(self.questions)
        if self.mode == "replay":
            keys = {page_key(r.url) for d in self.settings.getlist("KAMERWACHT_REPLAY_DIRS") for r in load_manifest(Path(d))}
            return sorted({(k.leg, k.nr) for k in keys if k is not None})
        return [tuple(map(int, q.split("-"))) for q in KNOWN_QUESTIONS]

    async def start(self):
        for leg, nr in self.seeds():
            if (leg, nr) not in self.seen:
                yield self.question_request(leg, nr)
        if self.walk_leg:
            first = self.walk_start
            while (self.walk_leg, first) in self.seen:
                first += 1
            yield self.question_request(self.walk_leg, first, walk=0)

    def question_request(self, leg: int, nr: int, walk: int | None = None) -> scrapy.Request:
        """The Dutch page first; ``walk``: misses in a row so far when this number is a step of
        the walk (None: asked for or linked)."""
        self.seen.add((leg, nr))
        return self._side_request(leg, nr, "nl", {}, {}, walk)

    def _side_request(self, leg, nr, variant, sides, responses, walk) -> scrapy.Request:
        url = print_url(self.base, leg, nr) if variant == "print" else detail_url(self.base, leg, nr, variant)
        return scrapy.Request(url, callback=self.parse_question, errback=self.side_failed, dont_filter=True,
                              cb_kwargs={"leg": leg, "nr": nr, "variant": variant, "sides": sides,
                                         "responses": responses, "walk": walk})

    def parse_question(self, response, leg, nr, variant, sides, responses, walk):
        replay, ctype = _replay(response.headers), _ctype(response.headers)
        if variant == "print":
            got = read_print(response.status, response.body, ctype, replay, self.base, leg, nr)
        else:
            got = read_side(variant, response.status, response.body, ctype, replay, self.base)
        yield from self._step(leg, nr, variant, got, sides, {**responses, variant: response}, walk)

    def side_failed(self, failure):
        """No response at all (DNS, timeout after the retries, robots.txt): the other pages of
        the question are still tried, and the reason ends up in the quarantine or the gaps."""
        kw = failure.request.cb_kwargs
        got = Side(None, f"not fetched: {failure.getErrorMessage() or failure.type.__name__}")
        yield from self._step(kw["leg"], kw["nr"], kw["variant"], got, kw["sides"], kw["responses"], kw["walk"])

    def _step(self, leg, nr, variant, got, sides, responses, walk):
        printed = got if variant == "print" else None
        if variant != "print":
            sides = {**sides, variant: got}
            if variant == "nl":
                yield self._side_request(leg, nr, "fr", sides, responses, walk)
                return
        outcome, value = decide(leg, nr, sides, printed, self.base)
        if outcome == "print":
            yield self._side_request(leg, nr, "print", sides, responses, walk)
            return
        if outcome == "document":
            for note in {n for s in sides.values() if s.page for n in s.page.notes}:
                self.logger.info("%s: %s", value.doc_id, note)
            yield self.document_item(value, provenance_response(value, sides, responses))
            for r in value.related:
                key = _written_question(r.id)
                if r.relation in FOLLOWED and key and key not in self.seen:
                    yield self.question_request(*key)
        elif outcome == "quarantine":
            if responses:
                yield self.quarantine(responses.get("nl") or next(iter(responses.values())), value, doc_id=doc_id(leg, nr))
            else:
                yield QuarantineItem(self.name, detail_url(self.base, leg, nr, "nl"), value, doc_id(leg, nr))
        else:
            self.logger.info("not archived: %s", value)
            self.crawler.stats.inc_value("kamerwacht/not_recorded")
        if walk is not None:
            misses = 0 if outcome == "document" else walk + 1
            step = nr + 1
            while (leg, step) in self.seen:  # asked for or linked already: its own chain reads it
                step += 1
            if misses < self.max_misses:
                yield self.question_request(leg, step, walk=misses)

    @classmethod
    def reparse(cls, responses: ResponsesFactory):
        """The newest archived copy of each page of each question, read and combined as the
        crawl combined them."""
        latest: dict[tuple[int, int], dict[str, object]] = {}
        base = None
        for resp in responses():
            key = page_key(resp.url)
            if key is None:
                continue
            latest.setdefault((key.leg, key.nr), {})[key.variant] = resp
            parts = urlsplit(resp.url)
            base = base or f"{parts.scheme}://{parts.netloc}"
        for (leg, nr), pages in sorted(latest.items()):
            sides = {lang: read_side(lang, r.status, r.body, _ctype(r.headers), _replay(r.headers), base)
                     for lang in ("nl", "fr") if (r := pages.get(lang)) is not None}
            for lang in ("nl", "fr"):
                sides.setdefault(lang, Side(None, "not fetched"))
            p = pages.get("print")
            printed = (read_print(p.status, p.body, _ctype(p.headers), _replay(p.headers), base, leg, nr)
                       if p is not None else None)
            outcome, value = decide(leg, nr, sides, printed, base)
            if outcome == "print":  # the crawl stopped before it fetched the print
                outcome, value = decide(leg, nr, sides, Side(None, "not fetched"), base)
            if outcome == "document":
                yield cls.archived_document_item(value, provenance_response(value, sides, pages))
            elif outcome == "quarantine":
                yield cls.archived_quarantine(pages.get("nl") or next(iter(pages.values())), value, doc_id=doc_id(leg, nr))


def _written_question(rid: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"sv-(\d+)-(\d+)", rid)
    return (int(m[1]), int(m[2])) if m else None


def provenance_response(doc: SourceDocument, sides: dict[str, Side], responses: dict):
    """The response the document's provenance points at: the page its own texts come from,
    else the print it was read from. (A document combines two pages; the other one is in the
    raw archive of the same run.)"""
    if doc.language in responses and sides.get(doc.language) and sides[doc.language].page is not None:
        return responses[doc.language]
    return responses["print"]
