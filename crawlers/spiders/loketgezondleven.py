"""Loketgezondleven interventions database: recognition levels of stop-smoking interventions."""

from crawlers.spiders.base import SourceSpider


class LoketGezondLevenSpider(SourceSpider):
    name = "loketgezondleven"
    allowed_domains = ["loketgezondleven.nl"]
