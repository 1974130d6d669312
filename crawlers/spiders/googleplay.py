"""Google Play (hl=nl, gl=NL): search results for Dutch stop-smoking queries, every app's detail
page, and the known packages from curation/known_apps.csv."""

from crawlers.known_apps import known_apps
from crawlers.parsers.googleplay import QUERIES, detail_url, search_url
from crawlers.spiders.base import SourceSpider


class GooglePlaySpider(SourceSpider):
    name = "googleplay"
    allowed_domains = ["play.google.com"]

    def first_urls(self):
        known = [detail_url(app["android_package"]) for app in known_apps()
                 if app["android_package"]]
        return [search_url(query) for query in QUERIES] + known
