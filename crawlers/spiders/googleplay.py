"""Google Play (hl=nl, gl=NL): search results for Dutch stop-smoking queries, every app's detail
page, and the known packages from curation/known_apps.csv."""

import warnings

from crawlers.known_apps import known_apps
from crawlers.middlewares import report_problem
from crawlers.parsers.googleplay import QUERIES, FallbackWarning, detail_url, search_url
from crawlers.spiders.base import SourceSpider


class GooglePlaySpider(SourceSpider):
    name = "googleplay"
    allowed_domains = ["play.google.com"]

    def first_urls(self):
        known = [detail_url(app["android_package"]) for app in known_apps()
                 if app["android_package"]]
        return [search_url(query) for query in QUERIES] + known

    def parse(self, response):
        # The page is read in full inside the context: warnings filters are process-wide.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", FallbackWarning)
            found = list(super().parse(response))
        for warning in caught:
            if issubclass(warning.category, FallbackWarning):
                self.crawler.stats.inc_value("stopwijzer/fallbacks")
                report_problem(self.crawler, str(warning.message))
        yield from found
