"""Typed items passed from spiders to pipelines (declared once; see archive.model)."""

from __future__ import annotations

from dataclasses import dataclass

from archive.model import SourceDocument


@dataclass
class DocumentItem:
    """One parsed official document, with its provenance attached."""

    document: SourceDocument
    accepted: bool | None = None  # set by TagPipeline: names a vocabulary tool?
    reason: str = ""


@dataclass
class QuarantineItem:
    """A response that could not become a document: kept with its reason and a pointer to
    its raw bytes in the WARC archive, never dropped in silence."""

    source: str
    url: str
    reason: str
    doc_id: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    sha256: str | None = None
