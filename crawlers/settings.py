"""Scrapy settings shared by every Stopwijzer spider: polite by default.

Live runs obey robots.txt, identify themselves, throttle themselves, cache responses for a day
and retry with backoff. `crawlers.run` switches to replay or record mode on top of these.
"""

BOT_NAME = "stopwijzer"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

USER_AGENT = "Stopwijzer/0.1 (+https://github.com/stopwijzer/stopwijzer; monitor of stop-smoking apps for Trimbos)"
ROBOTSTXT_OBEY = True

# One request at a time per site, at least a second apart; AutoThrottle slows down further
# when a site answers slowly.
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
# A store page is ~1.5 MB; anything far bigger is not a page we can use.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

# A nightly crawl fetches each page at most once a day; the cache also spares the sites when an
# editor reruns a crawl after fixing something.
HTTPCACHE_ENABLED = True
HTTPCACHE_EXPIRATION_SECS = 20 * 3600
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0   # seconds; doubled on every retry
RETRY_BACKOFF_MAX = 120.0  # never wait longer than this, whatever Retry-After says

# A cap on pages per spider and run, so a loop in a site cannot run away with the night.
CLOSESPIDER_PAGECOUNT = 400

DOWNLOADER_MIDDLEWARES = {
    "crawlers.middlewares.MirrorMiddleware": 10,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.BackoffRetryMiddleware": 550,
    "crawlers.middlewares.ReplayMiddleware": 950,
    "crawlers.middlewares.RecordMiddleware": 580,  # after decompression: readable bodies
}
ITEM_PIPELINES = {
    "crawlers.pipelines.ValidationPipeline": 100,
}

FEED_EXPORT_ENCODING = "utf-8"
# The log goes to the crawl folder's crawl.log, and to the editor only with --verbose: what the
# editor sees while a crawl runs are the progress events (crawlers.extensions.ProgressEvents).
LOG_LEVEL = "INFO"
LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s: %(message)s"
LOG_DATEFORMAT = "%H:%M:%S"
LOGSTATS_INTERVAL = 30.0
STOPWIJZER_PROGRESS_INTERVAL = 1.0  # seconds between progress events to the parent process

EXTENSIONS = {"crawlers.extensions.StatsFile": 900, "crawlers.extensions.ProgressEvents": 910}
