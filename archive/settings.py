"""Settings, read from the environment in one place (documented in .env.example).

Nothing else in the project reads ``os.environ``: components receive a ``Settings`` object
(Scrapy components get the values through the Scrapy settings built from it)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """An environment variable has a value we cannot use."""


def _bool(name: str, value: str) -> bool:
    v = value.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off", ""):
        return False
    raise SettingsError(f"{name}={value!r}: expected true/false")


def _float(name: str, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r}: expected a number") from None


def _int(name: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r}: expected an integer") from None


def _date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{name}={value!r}: expected a date YYYY-MM-DD") from None


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise SettingsError(f"{name}={value!r}: expected one of {', '.join(allowed)}")
    return value


_INDEX_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,100}$")


def _url(name: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"{name}={value!r}: expected an http(s) URL, e.g. https://localhost:9200")
    return value.rstrip("/")


def _index_name(name: str, value: str) -> str:
    if not _INDEX_NAME.match(value):
        raise SettingsError(f"{name}={value!r}: an Elasticsearch index name: lower-case letters, digits, - and _")
    return value


@dataclass(frozen=True)
class Settings:
    # Where the raw archive (WARC), the record store and crawl state live.
    data_dir: Path
    # Identifies the crawler to the sources; the contact URL lets an operator reach us.
    user_agent: str
    contact_url: str
    # Politeness: at most this many parallel requests per host, and the initial delay (s)
    # AutoThrottle starts from.
    concurrency_per_host: int
    download_delay: float
    # Longest Retry-After (s) we honour before giving up on a 429/503; a source asking for more
    # is treated as down for this run.
    max_retry_after: float
    # First date to crawl when no watermark is stored yet (full history).
    crawl_since: dt.date
    # KOOP SRU endpoint (officielebekendmakingen).
    koop_sru_url: str
    # Scrapy's HTTP cache (development only; the WARC archive is the ground truth).
    http_cache: bool
    # The day statuses are computed for (late = deadline passed by that day). None: today. The
    # demo (`make run`) sets the date of its recordings, so that the snapshot reads as it was.
    status_as_of: dt.date | None = None
    # Tweede Kamer open data, OData v4 root (gegevensmagazijn).
    tk_api_root: str = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
    # Belgian sources (SOURCES.md sections 3 to 5): the site roots the spiders build URLs on.
    dekamer_url: str = "https://www.dekamer.be"  # federal Chamber pages (QRVA)
    dekamer_data_url: str = "http://data.dekamer.be/v0"  # federal Chamber JSON open data
    vlpar_url: str = "https://ws.vlpar.be"  # Flemish Parliament open data + search API
    senate_url: str = "https://www.senate.be"  # Senate written questions
    brussels_url: str = "https://www.parlement.brussels"  # Brussels Parliament weblex
    # Search backend: "embedded" (tantivy, no server) or "elasticsearch" (a cluster, 8.x).
    search_backend: str = "embedded"
    # Elasticsearch: where, who, and the CA that signed the cluster's certificate (docker-compose
    # generates one). The index is ``<prefix>-<version>`` behind the alias ``<prefix>``.
    elasticsearch_url: str = "http://127.0.0.1:9200"
    elasticsearch_username: str | None = None
    elasticsearch_password: str | None = None
    elasticsearch_ca_certs: Path | None = None
    es_index_prefix: str = "kamerwacht-records"
    # Where the embedded index lives (versioned sub-directories, swapped when a rebuild completes).
    index_dir: Path | None = None
    # The site: address and port of the WSGI server started by `kamerwacht serve` / `make run`.
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def store_path(self) -> Path:
        return self.data_dir / "kamerwacht.sqlite"

    @property
    def as_of(self) -> dt.date:
        """The day statuses are computed for."""
        return self.status_as_of or dt.date.today()

    @property
    def search_index_dir(self) -> Path:
        return self.index_dir or self.data_dir / "index"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        g = env.get
        contact = g("KAMERWACHT_CONTACT_URL", "https://github.com/kamerwacht/kamerwacht")
        return cls(
            data_dir=Path(g("KAMERWACHT_DATA_DIR", str(REPO_ROOT / "var"))),
            user_agent=g("KAMERWACHT_USER_AGENT", f"Kamerwacht/0.1 (+{contact})"),
            contact_url=contact,
            concurrency_per_host=_int("KAMERWACHT_CONCURRENCY_PER_HOST", g("KAMERWACHT_CONCURRENCY_PER_HOST", "2")),
            download_delay=_float("KAMERWACHT_DOWNLOAD_DELAY", g("KAMERWACHT_DOWNLOAD_DELAY", "1.0")),
            max_retry_after=_float("KAMERWACHT_MAX_RETRY_AFTER", g("KAMERWACHT_MAX_RETRY_AFTER", "120")),
            crawl_since=_date("KAMERWACHT_CRAWL_SINCE", g("KAMERWACHT_CRAWL_SINCE", "2008-01-01")),
            koop_sru_url=g("KAMERWACHT_KOOP_SRU_URL", "https://repository.overheid.nl/sru"),
            http_cache=_bool("KAMERWACHT_HTTP_CACHE", g("KAMERWACHT_HTTP_CACHE", "false")),
            status_as_of=_date("KAMERWACHT_STATUS_AS_OF", g("KAMERWACHT_STATUS_AS_OF")) if g("KAMERWACHT_STATUS_AS_OF") else None,
            tk_api_root=g("KAMERWACHT_TK_API_ROOT", "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"),
            search_backend=_choice("KAMERWACHT_SEARCH_BACKEND", g("KAMERWACHT_SEARCH_BACKEND", "embedded"),
                                   ("embedded", "elasticsearch")),
            elasticsearch_url=_url("ELASTICSEARCH_URL", g("ELASTICSEARCH_URL", "http://127.0.0.1:9200")),
            elasticsearch_username=g("ELASTICSEARCH_USERNAME") or ("elastic" if g("ELASTICSEARCH_PASSWORD") else None),
            elasticsearch_password=g("ELASTICSEARCH_PASSWORD") or None,
            elasticsearch_ca_certs=Path(g("ELASTICSEARCH_CA_CERTS")) if g("ELASTICSEARCH_CA_CERTS") else None,
            es_index_prefix=_index_name("KAMERWACHT_ES_INDEX_PREFIX", g("KAMERWACHT_ES_INDEX_PREFIX", "kamerwacht-records")),
            dekamer_url=g("KAMERWACHT_DEKAMER_URL", "https://www.dekamer.be").rstrip("/"),
            dekamer_data_url=g("KAMERWACHT_DEKAMER_DATA_URL", "http://data.dekamer.be/v0").rstrip("/"),
            vlpar_url=g("KAMERWACHT_VLPAR_URL", "https://ws.vlpar.be").rstrip("/"),
            senate_url=g("KAMERWACHT_SENATE_URL", "https://www.senate.be").rstrip("/"),
            brussels_url=g("KAMERWACHT_BRUSSELS_URL", "https://www.parlement.brussels").rstrip("/"),
            index_dir=Path(g("KAMERWACHT_INDEX_DIR")) if g("KAMERWACHT_INDEX_DIR") else None,
            host=g("KAMERWACHT_HOST", "127.0.0.1"),
            port=_int("KAMERWACHT_PORT", g("KAMERWACHT_PORT", "8000")),
        )
