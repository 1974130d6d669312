"""ikstopnu.nl (Trimbos): the apps and programmes it recommends."""

from crawlers.spiders.base import SourceSpider


class IkStopNuSpider(SourceSpider):
    name = "ikstopnu"
    allowed_domains = ["ikstopnu.nl"]
