"""Item pipelines, in order: validate -> normalise -> tag -> resolve ministers -> store.

Each does one thing by calling the matching function of crawler.processing (the same functions
``kamerwacht reparse`` and ``kamerwacht parse`` use). A document that fails validation becomes
a QuarantineItem, so nothing is dropped in silence."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from archive.ministers import default_registry
from archive.store import Store
from archive.vocabulary import default_vocabulary
from crawler import processing
from crawler.items import DeletionItem, DocumentItem, QuarantineItem, WithdrawalItem

logger = logging.getLogger(__name__)


class _Stage:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


class ValidatePipeline(_Stage):
    def process_item(self, item):
        if isinstance(item, DocumentItem):
            try:
                processing.validate(item.document)
            except processing.ValidationError as exc:
                doc = item.document
                prov = doc.provenance
                return QuarantineItem(doc.source, prov.fetched_url if prov else doc.url, f"invalid record: {exc}",
                                      doc.doc_id, prov.warc_file if prov else None,
                                      prov.warc_offset if prov else None, prov.sha256 if prov else None)
        return item


class NormalisePipeline(_Stage):
    def process_item(self, item):
        if isinstance(item, DocumentItem):
            processing.normalise(item.document)
        return item


class TagPipeline(_Stage):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.vocabulary = default_vocabulary()

    def process_item(self, item):
        if isinstance(item, DocumentItem):
            item.accepted, item.reason = processing.tag(item.document, self.vocabulary)
        return item


class ResolveMinistersPipeline(_Stage):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.registry = default_registry()

    def process_item(self, item):
        if isinstance(item, DocumentItem):
            for name in processing.resolve_ministers(item.document, self.registry):
                if item.accepted:  # names in documents kept out of the archive are nobody's concern
                    self.crawler.stats.inc_value("kamerwacht/unknown_ministers")
                    logger.info("minister not in the registry, kept as written: %r (%s)", name, item.document.doc_id)
        return item


class StorePipeline(_Stage):
    """Writes documents (re-merging their record) and quarantine entries; records the run and
    fails it loudly when a source that used to yield documents yields none."""

    def __init__(self, crawler):
        super().__init__(crawler)
        as_of = crawler.settings.get("KAMERWACHT_STATUS_AS_OF")
        self.store = Store(Path(crawler.settings["KAMERWACHT_STORE_PATH"]),
                           as_of=dt.date.fromisoformat(as_of) if as_of else None)
        self.run_id: int | None = None
        self.documents = 0
        self.quarantined = 0

    def open_spider(self):
        spider = self.crawler.spider
        self.run_id = self.store.start_run(spider.name, getattr(spider, "mode", "live"))

    def process_item(self, item):
        stats = self.crawler.stats
        if isinstance(item, WithdrawalItem):
            self.store.mark_withdrawn(item.source, item.question_key, item.reason)
            stats.inc_value("kamerwacht/withdrawn")
        elif isinstance(item, DeletionItem):
            removed = self.store.delete_documents(item.source, doc_ids=item.doc_ids, question_key=item.question_key,
                                                  reason=item.reason)
            stats.inc_value("kamerwacht/documents_deleted", len(removed))
            if removed:
                logger.warning("removed %s: %s", ", ".join(removed), item.reason)
        elif isinstance(item, QuarantineItem):
            self.store.quarantine(item)
            self.quarantined += 1
            stats.inc_value("kamerwacht/quarantined")
            url = item.url if len(item.url) <= 120 else item.url[:117] + "..."
            logger.warning("quarantined %s (%s): %s", item.doc_id or "-", url, item.reason)
        elif isinstance(item, DocumentItem):
            if item.accepted is None:
                raise RuntimeError("DocumentItem reached the store untagged: TagPipeline is not enabled")
            self.store.put_document(item.document, item.accepted, item.reason)
            self.documents += 1
            stats.inc_value("kamerwacht/documents_accepted" if item.accepted else "kamerwacht/documents_kept_out")
        return item

    def close_spider(self):
        spider = self.crawler.spider
        outcome = "ok"
        previous = self.store.last_run(spider.name, finished_ok=True)
        if self.documents == 0 and previous and previous["documents"] > 0 and not getattr(spider, "incremental", False):
            outcome = (f"failed: zero documents this run, {previous['documents']} in the previous run"
                       f" ({previous['started_at']}): the source or its parser changed")
            logger.error("%s %s", spider.name, outcome)
            self.crawler.stats.set_value("kamerwacht/failed", outcome)
        if self.crawler.stats.get_value("kamerwacht/failed") and outcome == "ok":
            outcome = "failed: " + str(self.crawler.stats.get_value("kamerwacht/failed"))
        self.store.finish_run(self.run_id, self.documents, self.quarantined,
                              getattr(spider, "watermark", None), outcome)
        self.store.close()
