"""Apple App Store through the iTunes Search and Lookup API (country=nl): the same queries as
Google Play, and a lookup of the known track ids from curation/known_apps.csv."""

from crawlers.known_apps import known_apps
from crawlers.parsers.appstore import lookup_url, search_url
from crawlers.parsers.googleplay import QUERIES
from crawlers.spiders.base import SourceSpider


class AppStoreSpider(SourceSpider):
    name = "appstore"
    allowed_domains = ["itunes.apple.com"]

    def first_urls(self):
        known = [app["ios_track_id"] for app in known_apps() if app["ios_track_id"]]
        return [search_url(query) for query in QUERIES] + ([lookup_url(known)] if known else [])
