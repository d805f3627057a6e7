"""What every Kamerwacht spider shares: arguments, provenance, quarantine, and the contract
that lets ``kamerwacht reparse`` rebuild a source's documents from the raw archive."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

import scrapy
from scrapy.http import Response

from archive.model import SourceDocument
from archive.store import Store
from crawler.items import DocumentItem, QuarantineItem
from crawler.processing import provenance_for
from crawler.warc import REPLAY_HEADER, ArchivedResponse

Item = DocumentItem | QuarantineItem
ResponsesFactory = Callable[[], Iterator[ArchivedResponse]]


def _date_arg(name: str, value: str | None) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"spider argument {name}={value!r}: expected YYYY-MM-DD") from None


class KamerwachtSpider(scrapy.Spider):
    parser_version: str = "unset"

    def __init__(self, *args, since: str | None = None, until: str | None = None, full: str | bool = False,
                 mode: str = "live", **kwargs):
        super().__init__(*args, **kwargs)
        self.since = _date_arg("since", since)
        self.until = _date_arg("until", until)
        self.full = full in (True, "1", "true", "yes")
        self.mode = mode
        self.watermark: str | None = None  # newest modification date seen this run
        # True when the run asks only for what changed since the stored watermark: zero new
        # documents is then normal, and not a sign that the source broke.
        self.incremental = False

    def stored_watermark(self) -> str | None:
        """Where the last successful run stopped: an incremental run asks only for what
        changed since (``--since`` or ``--full`` override it)."""
        if self.full or self.since:
            return None
        path = self.settings.get("KAMERWACHT_STORE_PATH")
        if not path or not Path(path).exists():
            return None
        store = Store(Path(path))
        try:
            last = store.last_run(self.name, finished_ok=True, mode=self.mode)
        finally:
            store.close()
        watermark = last["watermark"] if last else None
        self.incremental = watermark is not None
        return watermark

    def see_modified(self, value: str | None) -> None:
        if value and (self.watermark is None or value > self.watermark):
            self.watermark = value

    # --- items ---------------------------------------------------------------------------------

    def quarantine(self, response: Response, reason: str, doc_id: str | None = None) -> QuarantineItem:
        warc = response.meta.get("warc", {})
        return QuarantineItem(self.name, response.url, reason, doc_id, warc.get("file"), warc.get("offset"),
                              hashlib.sha256(response.body).hexdigest())

    def on_error(self, failure):
        """Requests that got no response at all (robots.txt refusal, DNS, timeouts after the
        retries): quarantined with the reason, so the gap is visible."""
        request = failure.request
        rec = request.cb_kwargs.get("rec")
        reason = failure.getErrorMessage() or failure.type.__name__
        yield QuarantineItem(self.name, request.url, f"not fetched: {reason}",
                             getattr(rec, "identifier", None))

    def document_item(self, doc: SourceDocument, response: Response) -> DocumentItem:
        warc = response.meta.get("warc", {})
        replay = response.headers.get(REPLAY_HEADER)
        kind = replay.decode().split(";")[0].strip() if replay else None
        doc.provenance = provenance_for(
            doc, fetched_url=response.url, fetched_at=warc.get("date") or dt.datetime.now(dt.timezone.utc).isoformat(),
            body=response.body, kind=kind, parser_version=self.parser_version,
            warc_file=warc.get("file"), warc_offset=warc.get("offset"))
        return DocumentItem(doc)

    # --- reparse -------------------------------------------------------------------------------

    @classmethod
    def reparse(cls, responses: ResponsesFactory) -> Iterable[Item]:
        """Items rebuilt from archived responses, without the network. Sources implement it
        with the same parse functions their callbacks use."""
        raise NotImplementedError(f"{cls.__name__} does not implement reparse")

    @classmethod
    def archived_document_item(cls, doc: SourceDocument, resp: ArchivedResponse) -> DocumentItem:
        doc.provenance = provenance_for(
            doc, fetched_url=resp.url, fetched_at=resp.fetched_at, body=resp.body, kind=resp.replay_kind,
            parser_version=cls.parser_version, warc_file=resp.warc_file, warc_offset=resp.warc_offset)
        return DocumentItem(doc)

    @classmethod
    def archived_quarantine(cls, resp: ArchivedResponse, reason: str, doc_id: str | None = None) -> QuarantineItem:
        return QuarantineItem(cls.name, resp.url, reason, doc_id, resp.warc_file, resp.warc_offset, resp.sha256)
