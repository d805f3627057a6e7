"""Scrapy settings for the Kamerwacht crawler, built from archive.settings (the one place that
reads the environment). ``scrapy crawl`` uses this module through scrapy.cfg; ``kamerwacht
crawl`` builds the same settings with ``scrapy_settings()`` and its own overrides."""

from __future__ import annotations

from typing import Any

from archive.settings import Settings

BOT_NAME = "kamerwacht"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"


def scrapy_settings(s: Settings) -> dict[str, Any]:
    return {
        "BOT_NAME": BOT_NAME,
        "SPIDER_MODULES": SPIDER_MODULES,
        "NEWSPIDER_MODULE": NEWSPIDER_MODULE,
        "USER_AGENT": s.user_agent,
        # Politeness for live use (house rule: robots.txt, AutoThrottle, <= 2 per host).
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": min(s.concurrency_per_host, 2),
        "DOWNLOAD_DELAY": s.download_delay,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": s.download_delay,
        "AUTOTHROTTLE_MAX_DELAY": 60.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": 60,
        # Retries on 5xx and 429; Retry-After honoured by our subclass of Scrapy's middleware.
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 4,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        # Giving up is not a crawl error: the spider quarantines the request with its reason.
        "RETRY_GIVE_UP_LOG_LEVEL": "WARNING",
        "KAMERWACHT_MAX_RETRY_AFTER": s.max_retry_after,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.middlewares.RetryAfterMiddleware": 550,
            # Closest to the downloader: the archive sees every response exactly as received,
            # including the 503s that are retried and the 404s that are given up.
            "crawler.middlewares.WarcCaptureMiddleware": 950,
        },
        # Non-200 responses reach the spider so it can fall back or quarantine with a reason.
        "HTTPERROR_ALLOW_ALL": True,
        "ITEM_PIPELINES": {
            "crawler.pipelines.ValidatePipeline": 100,
            "crawler.pipelines.NormalisePipeline": 200,
            "crawler.pipelines.TagPipeline": 300,
            "crawler.pipelines.ResolveMinistersPipeline": 400,
            "crawler.pipelines.StorePipeline": 900,
        },
        "KAMERWACHT_RAW_DIR": str(s.raw_dir),
        "KAMERWACHT_STORE_PATH": str(s.store_path),
        "KAMERWACHT_CRAWL_SINCE": s.crawl_since.isoformat(),
        "KAMERWACHT_KOOP_SRU_URL": s.koop_sru_url,
        "KAMERWACHT_TK_API_ROOT": s.tk_api_root,
        "KAMERWACHT_DEKAMER_URL": s.dekamer_url,
        "KAMERWACHT_DEKAMER_DATA_URL": s.dekamer_data_url,
        "KAMERWACHT_VLPAR_URL": s.vlpar_url,
        "KAMERWACHT_SENATE_URL": s.senate_url,
        "KAMERWACHT_BRUSSELS_URL": s.brussels_url,
        "KAMERWACHT_STATUS_AS_OF": s.status_as_of.isoformat() if s.status_as_of else None,
        "HTTPCACHE_ENABLED": s.http_cache,
        "HTTPCACHE_DIR": str(s.data_dir / "httpcache"),
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "FEED_EXPORT_ENCODING": "utf-8",
    }


globals().update(scrapy_settings(Settings.from_env()))
