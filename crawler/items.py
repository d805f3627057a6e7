"""Typed items passed from spiders to pipelines (declared once; see archive.model)."""

from __future__ import annotations

from dataclasses import dataclass

from archive.model import SourceDocument
from archive.store import QuarantineEntry


@dataclass
class DocumentItem:
    """One parsed official document, with its provenance attached."""

    document: SourceDocument
    accepted: bool | None = None  # set by TagPipeline: names a vocabulary tool?
    reason: str = ""


# A response that could not become a document: kept with its reason and a pointer to its raw
# bytes in the WARC archive, never dropped in silence. The store's row type, so pipelines and
# reparse hand it over as it is.
QuarantineItem = QuarantineEntry


@dataclass
class DeletionItem:
    """A source says these documents are deleted: they leave the archive with a trace
    (archive.store.Store.delete_documents)."""

    source: str
    reason: str
    doc_ids: list[str] | None = None  # these documents, or
    question_key: str | None = None  # every document of this question from the source


@dataclass
class WithdrawalItem:
    """A source says the asker withdrew this question: the record stays, marked withdrawn."""

    source: str
    question_key: str
    reason: str
