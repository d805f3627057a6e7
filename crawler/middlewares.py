"""Downloader middlewares: WARC capture of every response, and Retry-After on 429/503."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from pathlib import Path

from scrapy import Request, signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from crawler.warc import WarcArchive

logger = logging.getLogger(__name__)


class WarcCaptureMiddleware:
    """Appends every response to the run's WARC file and tells the spider where it went
    (``request.meta['warc']``), so quarantine entries and provenance point at the raw bytes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.raw_dir = Path(crawler.settings["KAMERWACHT_RAW_DIR"])
        self.archive: WarcArchive | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _archive(self) -> WarcArchive:
        if self.archive is None:
            self.archive = WarcArchive(self.raw_dir, self.crawler.spider.name)
        return self.archive

    def process_response(self, request: Request, response: Response) -> Response:
        req_headers = [(k.decode(), b", ".join(v).decode("latin-1")) for k, v in request.headers.items()]
        headers = [(k.decode(), b", ".join(v).decode("latin-1")) for k, v in response.headers.items()]
        when = dt.datetime.now(dt.timezone.utc)
        file, offset, warc_date = self._archive().write(
            request.url, request.method, req_headers, response.status, headers, response.body, when)
        request.meta["warc"] = {"file": file, "offset": offset, "date": warc_date}
        self.crawler.stats.inc_value("kamerwacht/warc_responses")
        return response

    def spider_closed(self, spider, reason):
        if self.archive is not None:
            self.archive.close()


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retry, plus the server's Retry-After on 429 and 503: wait as long as asked
    (up to KAMERWACHT_MAX_RETRY_AFTER), then retry. Asked to wait longer, we give up on the
    request for this run and the spider quarantines it with that reason."""

    def __init__(self, settings):
        super().__init__(settings)
        self.max_retry_after = settings.getfloat("KAMERWACHT_MAX_RETRY_AFTER", 120.0)

    async def process_response(self, request: Request, response: Response):
        if response.status in (429, 503) and not request.meta.get("dont_retry"):
            header = response.headers.get("Retry-After")
            wait = retry_after_seconds(header.decode("latin-1") if header else None)
            if wait is not None:
                if wait > self.max_retry_after:
                    logger.warning("%s asked to wait %.0fs (> %.0fs): giving up on %s for this run",
                                   response.status, wait, self.max_retry_after, request.url)
                    request.meta["retry_after_exceeded"] = wait
                    return response
                retries = request.meta.get("retry_times", 0)
                if retries < self.max_retry_times:
                    logger.info("%s with Retry-After %.1fs on %s", response.status, wait, request.url)
                    await sleep(wait)
        return super().process_response(request, response)
