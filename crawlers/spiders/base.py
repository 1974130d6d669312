"""What every source spider does: start from its URLs, hand each page to the source's parser,
yield the records and follow the links the parser found."""

from __future__ import annotations

import importlib

import scrapy

from crawlers import parsers
from crawlers.errors import ParseError
from crawlers.middlewares import report_problem


class SourceSpider(scrapy.Spider):
    """Subclasses set `name` (the source name) and `allowed_domains`; sources that start from
    more than their parser's START_URLS override `first_urls`."""

    def first_urls(self) -> list[str]:
        return list(importlib.import_module(f"crawlers.parsers.{self.name}").START_URLS)

    async def start(self):
        for url in self.first_urls():
            yield scrapy.Request(url, callback=self.parse, errback=self.failed)

    def parse(self, response):
        self.crawler.stats.inc_value("stopwijzer/pages")
        try:
            parsed = parsers.parse(self.name, response.text, response.url)
        except ParseError as error:
            # The page lacks the structure its parser expects: a layout change or a broken page.
            self._page_failed(str(error))
            return
        except Exception as error:  # noqa: BLE001 - any other error is a bug (or a hostile page)
            # Not a layout change: keep the traceback for whoever fixes it. The page still counts
            # as failed, so the source is at most partial and declares no app gone.
            self.logger.error("%s: %s: bug while parsing", self.name, response.url, exc_info=True)
            self._page_failed(f"{self.name}: {response.url}: unexpected "
                              f"{type(error).__name__} while parsing: {error}"[:300])
            return
        yield from parsed.records
        for url in parsed.follow:
            yield response.follow(url, callback=self.parse, errback=self.failed)

    def _page_failed(self, problem: str) -> None:
        self.crawler.stats.inc_value("stopwijzer/parse_errors")
        report_problem(self.crawler, problem)

    def failed(self, failure):
        self.crawler.stats.inc_value("stopwijzer/fetch_errors")
        request = failure.request
        url = request.meta.get("mirrored_from", request.url)
        report_problem(self.crawler, f"{self.name}: {url}: "
                                     f"{failure.type.__name__}: {failure.getErrorMessage()}")
