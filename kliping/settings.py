"""Scrapy settings for kliping: polite, identifiable defaults.

What varies by environment comes from the environment: ``KLIPING_OUT`` (output directory),
``KLIPING_MIRROR`` (JSON {host: local base URL}, used by the demo and the tests to serve the
fictional sample sites from 127.0.0.1), ``KLIPING_CONTACT`` (the contact URL in the User-Agent).
"""

from __future__ import annotations

import json
import os

from scrapy.settings import default_settings as _default

from kliping import __version__

BOT_NAME = "kliping"
SPIDER_MODULES = ["kliping.spiders"]
NEWSPIDER_MODULE = "kliping.spiders"

CONTACT_URL = os.environ.get("KLIPING_CONTACT", "https://github.com/kliping/kliping")
USER_AGENT = f"kliping/{__version__} (+{CONTACT_URL}; research crawler)"

# Politeness on the real web.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# A response's status line and headers, at most (kliping/crawler/headerlimit.py): nothing else
# bounds them, and a server sending header lines forever filled memory until DOWNLOAD_TIMEOUT.
KLIPING_HEADERS_MAXSIZE = 256 * 1024

# Retries with backoff on throttling and server errors.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
REDIRECT_ENABLED = True

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy's MemoryStatsCollector without its per-access deprecation shim (~0.08 ms a page):
# the same stats, for scrapy crawl and Scrapyd jobs as for kliping crawl (kliping/crawler/stats.py)
STATS_CLASS = "kliping.crawler.stats.QuickStatsCollector"
LOG_LEVEL = os.environ.get("KLIPING_LOG_LEVEL", "INFO")
# the per-page "Crawled"/"Scraped" DEBUG lines are built only when a handler takes DEBUG
LOG_FORMATTER = "kliping.crawler.logformat.QuietLogFormatter"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
# `scrapy crawl SITE -O items.jsonl` (any format): one cleaned article record per item, JSON-safe
# (kliping/dataset/exporters.py); Scrapy's own exporters choke on the raw body bytes the item carries.
FEED_EXPORTERS = {
    "json": "kliping.dataset.exporters.JsonExporter",
    "jsonlines": "kliping.dataset.exporters.JsonLinesExporter",
    "jsonl": "kliping.dataset.exporters.JsonLinesExporter",
    "jl": "kliping.dataset.exporters.JsonLinesExporter",
    "csv": "kliping.dataset.exporters.CsvExporter",
    "xml": "kliping.dataset.exporters.XmlExporter",
    "marshal": "kliping.dataset.exporters.MarshalExporter",
    "pickle": "kliping.dataset.exporters.PickleExporter",
}

DOWNLOAD_HANDLERS = {
    "http": "kliping.testing.mirror.MirrorDownloadHandler",
    "https": "kliping.testing.mirror.MirrorDownloadHandler",
    # a news crawl speaks http(s) only: a file:// or ftp:// URL in a hostile sitemap must find no
    # handler at all (NetGuardMiddleware drops it anyway)
    "file": None,
    "s3": None,
    "ftp": None,
}
KLIPING_MIRROR: dict[str, str] = json.loads(os.environ.get("KLIPING_MIRROR", "{}") or "{}")

ITEM_PIPELINES = {
    "kliping.pipelines.archive_raw.ArchiveRawPipeline": 100,
    "kliping.pipelines.clean_article.CleanArticlePipeline": 200,
    "kliping.pipelines.store_articles.StoreArticlesPipeline": 300,
}
EXTENSIONS = {
    "kliping.crawler.extensions.RunLedger": 500,
    "kliping.crawler.progress.Progress": 600,  # live table on a terminal, a status line per site otherwise
}
KLIPING_PROGRESS = os.environ.get("KLIPING_PROGRESS", "auto")  # auto, live, lines, off
KLIPING_PROGRESS_INTERVAL = 60.0  # seconds between status lines off a terminal
# Left out of Scrapy's defaults altogether, not just switched off: Scrapy imports every component
# it lists, even those set to None, and these pull in modules a news crawl never uses (the remote
# control extension: aiohttp; the cookies middleware, with COOKIES_ENABLED off anyway: tldextract
# and requests; telnet: twisted.conch). A scheduled crawl's whole process stays smaller for it
# (bench/seen_set.py). Set COOKIES_ENABLED and add the middleware back in a site that needs them.
_UNUSED = {
    "scrapy.extensions.telnet.TelnetConsole",
    "scrapy.extensions.memdebug.MemoryDebugger",
    "scrapy.extensions.remote_control.RemoteControl",
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",
}
EXTENSIONS_BASE = {k: v for k, v in _default.EXTENSIONS_BASE.items() if k not in _UNUSED}
DOWNLOADER_MIDDLEWARES_BASE = {
    k: v for k, v in _default.DOWNLOADER_MIDDLEWARES_BASE.items() if k not in _UNUSED
}
# The network guard (kliping/crawler/netguard.py). Every request and redirect hop must be on the spider's
# allowed domains (a site's `domains`, the generic spider's domain); NetGuardMiddleware drops the
# rest (counted in kliping/offsite/dropped), and refuses hosts that are, or resolve to, private,
# loopback, link-local, multicast or reserved addresses (kliping/private_address/dropped) unless
# listed in KLIPING_ALLOW_PRIVATE_NETWORKS: CIDRs ("10.0.0.0/8"), addresses or host names, or "*"
# for every address (comma-separated with -s). Hosts served by KLIPING_MIRROR are an explicit
# opt-in and skip the address check (not the domain check).
KLIPING_ALLOW_PRIVATE_NETWORKS: list[str] = []
# robots.txt is read up to this many bytes (RFC 9309's 500 KiB, as Google; up to the last whole
# line), the rest ignored: kliping/robots/truncated. 0: whole (DOWNLOAD_MAXSIZE still applies).
KLIPING_ROBOTS_MAXSIZE = 512_000
# robots.txt answered 5xx or not at all (reset, timeout): "disallow" the host (RFC 9309) or "allow".
KLIPING_ROBOTS_UNREACHABLE = "disallow"
# Backoff on throttling (BackoffMiddleware): a 429/503 sets the domain's delay to its Retry-After
# (seconds or HTTP date, at most KLIPING_RETRY_AFTER_MAX seconds) or, without one, doubles it from
# KLIPING_BACKOFF_BASE up to KLIPING_BACKOFF_MAX; each good response halves it again. Counted in
# kliping/throttle/responses (the health check `throttled` reports it), .../retry_after,
# .../retry_after_capped, .../max_delay. RetryMiddleware still retries (RETRY_TIMES).
KLIPING_BACKOFF_HTTP_CODES = [429, 503]
KLIPING_RETRY_AFTER_MAX = 120.0
KLIPING_BACKOFF_BASE = 1.0
KLIPING_BACKOFF_MAX = 120.0
# Sitemaps (.xml.gz) are decompressed up to this many bytes (the sitemap protocol's own limit is
# 50 MB); a bigger one (a gzip bomb) is a counted listing error, kliping/listing/too_large.
KLIPING_SITEMAP_MAXSIZE = 50 * 1024 * 1024
# One listing document (sitemap, feed) yields at most this many entries (the sitemap protocol's
# limit; the rest: kliping/listing/entries_over_limit), and sitemap indexes nest at most this deep
# (an index listing itself would loop: listings skip the duplicate filter; kliping/listing/too_deep).
KLIPING_LISTING_MAX_ENTRIES = 50_000
KLIPING_SITEMAP_DEPTH = 3
# child sitemaps an index may send the crawl to, all indexes together: each fetched once per crawl
# (an index naming itself N times was read N + N^2 + N^3 times), at most this many
KLIPING_SITEMAP_MAX_CHILDREN = 50_000
DOWNLOADER_MIDDLEWARES = {
    "kliping.crawler.netguard.NetGuardMiddleware": 40,  # before robots.txt: not even that of another host
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "kliping.crawler.netguard.RobotsFirstMiddleware": 100,
    "kliping.crawler.netguard.BackoffMiddleware": 560,  # sees a 429/503 before RetryMiddleware (550)
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "kliping.crawler.netguard.MetaRefreshMiddleware": 580,  # a refresh to no URL keeps the page
    # after decompression (590), before anything reads response.text: a label that is no charset
    "kliping.crawler.netguard.CharsetMiddleware": 585,
}

# With KLIPING_REDIS_URL set (``--redis``, or ``-s KLIPING_REDIS_URL=redis://…`` for ``scrapy crawl``)
# this add-on switches to the shared Redis frontier of kliping.cluster (docs/cluster.md).
ADDONS = {
    "kliping.cluster.addon.RedisFrontier": 0,
}
KLIPING_REDIS_URL = os.environ.get("KLIPING_REDIS_URL", "")
KLIPING_RUN = os.environ.get("KLIPING_RUN", "default")  # workers with the same run share a frontier

KLIPING_OUT = os.environ.get("KLIPING_OUT", "data/crawl")
KLIPING_FLUSH_ROWS = 200  # Parquet part size (rows) before a flush
KLIPING_FLUSH_SECONDS = 60.0  # and at most this long between flushes
KLIPING_PAGE_SECONDS = 30.0  # cleaning budget per page; past it, an error row of kind "timeout"
# Cleaning runs in this many worker processes (kliping/crawler/cleaning.py), off the thread that
# drives the downloads; None: one per core (at most 8); 0: inline, in that thread.
KLIPING_CLEAN_WORKERS: int | None = None
# Pages handed to the workers at once (None: 8 per worker); past it an item waits in the pipeline,
# and once SCRAPER_SLOT_MAX_ACTIVE_SIZE bytes of responses wait, Scrapy stops fetching.
KLIPING_CLEAN_IN_FLIGHT: int | None = None
# Niceness the cleaning workers add to the crawl process's (0-19; None: 5): a contended core goes
# to the thread that drives the downloads first.
KLIPING_CLEAN_NICE: int | None = None
# The workers are forked by a zygote that has imported the cleaner once (a worker starts warm in
# milliseconds); False: each worker starts as a process of its own (imports ~0.4 s of CPU).
KLIPING_CLEAN_ZYGOTE = True
# Parquet parts are written in a thread of their own (raw parts first, in order); False: in the
# crawl's thread. The Redis frontier (cluster) always writes in the crawl's thread.
KLIPING_WRITE_THREAD = True
# Per-item machinery: a kliping callback yields one item per article response, and Scrapy starts
# CONCURRENT_ITEMS asyncio tasks for every response whatever it yields (100 by default: 150,000
# tasks for 1,500 pages, about 4 s of the crawl thread's 42 s in the profile of bench/crawl.py).
CONCURRENT_ITEMS = 4
# Scrapy re-reads and parses a generator callback's source to warn about `return value` in it,
# again for every request whose bound callback is no longer cached; kliping's callbacks have none.
WARN_ON_GENERATOR_RETURN_VALUE = False

# Health thresholds per site and run (see kliping/crawler/health.py); override any of them here.
KLIPING_HEALTH: dict[str, float] = {}
