"""The raw archive: every response the crawler receives is appended to a WARC file.

One gzipped WARC file per crawl run (``<raw>/<source>/<source>-<UTC time>.warc.gz``), each
record its own gzip member so that a (file, offset) pointer reaches one response directly.
The archive is the ground truth: ``kamerwacht reparse`` rebuilds every record from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Responses served from bundled recordings carry this header (set by crawler.replay), so the
# archive itself says which bytes are real and which were written for testing.
REPLAY_HEADER = "X-Kamerwacht-Replay"


def canonical_url(url: str) -> str:
    """Scrapy lower-cases scheme and host (the PLOOI recordings say "__MOCK_SERVICE__"), so an
    archived URL is compared with a source's link in this form; path and query keep their case."""
    parts = urlsplit(url)
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


@dataclass
class ArchivedResponse:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    warc_file: str  # relative to the raw archive root
    warc_offset: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @property
    def replay_kind(self) -> str | None:
        value = self.headers.get(REPLAY_HEADER.lower())
        return value.split(";")[0].strip() if value else None


class WarcArchive:
    """Append-only writer for one crawl run."""

    def __init__(self, raw_dir: Path, source: str):
        self.root = raw_dir
        folder = raw_dir / source
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        self.path = folder / f"{source}-{stamp}-{os.getpid()}.warc.gz"
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        self.count = 0

    @property
    def relpath(self) -> str:
        return str(self.path.relative_to(self.root))

    def write(self, url: str, method: str, request_headers: list[tuple[str, str]], status: int,
              headers: list[tuple[str, str]], body: bytes, when: dt.datetime | None = None) -> tuple[str, int, str]:
        """Append request and response records; returns (file, offset of the response, WARC-Date)."""
        when = when or dt.datetime.now(dt.timezone.utc)
        warc_date = when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "") or "/"
        req = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(f"{method} {target} HTTP/1.1", request_headers, is_http_request=True),
            warc_headers_dict={"WARC-Date": warc_date},
        )
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Unknown"
        resp = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body),
            http_headers=StatusAndHeaders(f"{status} {phrase}", headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": warc_date},
        )
        req.rec_headers.add_header("WARC-Concurrent-To", resp.rec_headers.get_header("WARC-Record-ID"))
        self._writer.write_record(req)
        self._fh.flush()
        offset = self._fh.tell()
        self._writer.write_record(resp)
        self._fh.flush()
        self.count += 1
        return self.relpath, offset, warc_date

    def close(self) -> None:
        self._fh.close()
        if self.count == 0:
            self.path.unlink(missing_ok=True)


def _archived(record, root: Path, path: Path, offset) -> ArchivedResponse:
    """``offset``: an int, or the iterator to ask for it *after* the body is read (warcio's
    get_record_offset() reads the record to its end)."""
    body = record.content_stream().read()
    return ArchivedResponse(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        status=int(record.http_headers.get_statuscode()),
        headers={k.lower(): v for k, v in record.http_headers.headers},
        body=body,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
        warc_file=str(path.relative_to(root)),
        warc_offset=offset if isinstance(offset, int) else offset.get_record_offset(),
    )


def warc_files(raw_dir: Path, source: str) -> list[Path]:
    # File names start with a UTC timestamp: name order is crawl order.
    return sorted((raw_dir / source).glob("*.warc.gz"))


def iter_responses(raw_dir: Path, source: str) -> Iterator[ArchivedResponse]:
    """Every archived response of a source, oldest crawl first."""
    for path in warc_files(raw_dir, source):
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                if record.rec_type == "response":
                    yield _archived(record, raw_dir, path, it)


def read_response(raw_dir: Path, warc_file: str, offset: int) -> ArchivedResponse:
    """The one response a provenance or quarantine pointer names."""
    path = raw_dir / warc_file
    with open(path, "rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        if record.rec_type != "response":
            raise ValueError(f"{warc_file}@{offset} is a {record.rec_type} record, not a response")
        return _archived(record, raw_dir, path, offset)
