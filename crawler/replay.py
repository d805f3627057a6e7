"""Replay download handler: serves bundled recordings instead of the network.

Used by ``make run`` and by the end-to-end tests. Everything else in the crawl is real: the
scheduler, the downloader middlewares (robots.txt, retry, WARC capture), the spider callbacks
and the item pipelines. Only the transport is replaced. A recording's manifest says which URL
each file answers and whether the bytes are real (``recorded``) or written by us
(``constructed``); the response carries that in the ``X-Kamerwacht-Replay`` header, so the raw
archive and every record built from it keep their provenance.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from crawler.warc import REPLAY_HEADER, canonical_url


class RecordingError(ValueError):
    """A malformed recordings manifest."""


@dataclass
class Recording:
    url: str
    file: Path | None
    status: int
    content_type: str | None
    kind: str
    match_params: dict[str, str] | None

    def matches(self, url: str) -> bool:
        if self.match_params is None:
            return canonical_url(url) == canonical_url(self.url)
        parts = urlsplit(url)
        if canonical_url(f"{parts.scheme}://{parts.netloc}{parts.path}") != canonical_url(self.url):
            return False
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        return all(params.get(k) == v for k, v in self.match_params.items())


def load_manifest(folder: Path) -> list[Recording]:
    path = folder / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RecordingError(f"cannot read recordings manifest {path}: {exc}") from None
    out = []
    for i, entry in enumerate(data.get("responses", [])):
        try:
            file = folder / entry["file"] if entry.get("file") else None
            if file is not None and not file.is_file():
                raise RecordingError(f"{path}: entry {i} names missing file {entry['file']}")
            if entry["kind"] not in ("recorded", "abridged", "constructed"):
                raise RecordingError(f"{path}: entry {i} has unknown kind {entry['kind']!r}")
            out.append(Recording(entry["url"], file, int(entry.get("status", 200)), entry.get("content_type"),
                                 entry["kind"], entry.get("match_params")))
        except KeyError as exc:
            raise RecordingError(f"{path}: entry {i} lacks {exc}") from None
    return out


def manifest_spider_args(folder: Path) -> dict[str, str]:
    """The spider arguments a set of recordings was made for (manifest key ``spider_args``,
    e.g. the Brussels legislatures it covers), so a replay asks only for what was recorded."""
    path = folder / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RecordingError(f"cannot read recordings manifest {path}: {exc}") from None
    args = data.get("spider_args") or {}
    if not isinstance(args, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in args.items()):
        raise RecordingError(f"{path}: spider_args must map names to strings")
    return dict(args)


class ReplayDownloadHandler(BaseDownloadHandler):
    """Answers http(s) requests from the recordings in ``KAMERWACHT_REPLAY_DIRS``."""

    def __init__(self, crawler):
        super().__init__(crawler)
        folders = crawler.settings.getlist("KAMERWACHT_REPLAY_DIRS")
        self.recordings = [r for f in folders for r in load_manifest(Path(f))]

    async def download_request(self, request: Request) -> Response:
        for rec in self.recordings:
            if rec.matches(request.url):
                body = rec.file.read_bytes() if rec.file else b""
                headers = Headers({REPLAY_HEADER: f"{rec.kind}; file={rec.file.name if rec.file else '-'}"})
                if rec.content_type:
                    headers["Content-Type"] = rec.content_type
                cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
                return cls(url=request.url, status=rec.status, headers=headers, body=body, request=request)
        # Not recorded: answer like a server that does not have it, and say why.
        headers = Headers({REPLAY_HEADER: "not-recorded", "Content-Type": "text/plain"})
        return Response(url=request.url, status=404, headers=headers,
                        body=b"not in the bundled recordings", request=request)
