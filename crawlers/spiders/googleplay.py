"""Google Play (hl=nl, gl=NL): search results for Dutch stop-smoking queries, every app's detail
page, and the known packages from curation/known_apps.csv.

Each app's record waits for its Data safety page, which adds the maker's privacy declaration;
when that page cannot be fetched or read, the record is stored without it (and the problem
is reported), so an app never disappears because of its privacy page."""

import warnings

import scrapy

from crawlers.errors import ParseError
from crawlers.known_apps import known_apps
from crawlers.middlewares import report_problem
from crawlers.parsers.googleplay import QUERIES, FallbackWarning, detail_url, search_url
from crawlers.parsers.googleplay_datasafety import is_datasafety, package_of, parse_datasafety
from crawlers.spiders.base import SourceSpider


class GooglePlaySpider(SourceSpider):
    name = "googleplay"
    allowed_domains = ["play.google.com"]

    def first_urls(self):
        known = [detail_url(app["android_package"]) for app in known_apps()
                 if app["android_package"]]
        return [search_url(query) for query in QUERIES] + known

    def parse(self, response):
        if is_datasafety(response.url):
            yield self.with_privacy(response)
            return
        waiting = {}
        for item in self._parsed(response):
            if isinstance(item, dict):
                waiting[item["source_id"]] = item
            elif isinstance(item, scrapy.Request) and package_of(item.url) in waiting \
                    and is_datasafety(item.url):
                yield item.replace(meta={**item.meta, "record": waiting.pop(package_of(item.url))},
                                   errback=self.without_privacy)
            else:
                yield item
        yield from waiting.values()

    def _parsed(self, response) -> list:
        """What the page gives; a detail page read from JSON-LD instead of its data block is a
        counted problem. The page is read in full inside the context: warnings filters are
        process-wide."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", FallbackWarning)
            found = list(super().parse(response))
        for warning in caught:
            if issubclass(warning.category, FallbackWarning):
                self.crawler.stats.inc_value("stopwijzer/fallbacks")
                report_problem(self.crawler, str(warning.message))
        return found

    def with_privacy(self, response) -> dict:
        self.crawler.stats.inc_value("stopwijzer/pages")
        record = response.meta["record"]
        try:
            return {**record, **parse_datasafety(response.text, response.url)}
        except ParseError as error:
            self.crawler.stats.inc_value("stopwijzer/parse_errors")
            report_problem(self.crawler, str(error))
            return record

    def without_privacy(self, failure):
        self.failed(failure)
        yield failure.request.meta["record"]
