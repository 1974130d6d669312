"""GGD AppStore (ggdappstore.nl): the stop-smoking apps it reviewed, with score and themes."""

from crawlers.spiders.base import SourceSpider


class GgdAppStoreSpider(SourceSpider):
    name = "ggdappstore"
    allowed_domains = ["ggdappstore.nl"]
