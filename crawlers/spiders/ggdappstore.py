"""GGD AppStore (ggdappstore.nl): every app card under the six pillars, each joined to the long
text of its app page. The GGD lists all kinds of apps; scoring decides which are about smoking.

The parser reads each page; this spider only joins a card to its app page: the card's record
waits in the app page's request and leaves with the long text added (or without it, when the
app page cannot be fetched or read). An app listed under several pillars is yielded once.
"""

from scrapy import Request

from crawlers.middlewares import report_problem
from crawlers.spiders.base import SourceSpider

FROM_APP_PAGE = ("description", "quality_themes")


class GgdAppStoreSpider(SourceSpider):
    name = "ggdappstore"
    allowed_domains = ["ggdappstore.nl"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.listed: set[str] = set()

    def parse(self, response):
        found = list(super().parse(response))
        records = [item for item in found if isinstance(item, dict)]
        card = response.meta.get("card")
        if card is not None:
            # A card's app page; when it could not be read, the card goes on without it.
            page = records[0] if records else {}
            yield {**card, **{k: page[k] for k in FROM_APP_PAGE if page.get(k)}}
            return
        if response.meta.get("pillar") and found and not records:
            self.crawler.stats.inc_value("stopwijzer/parse_errors")
            report_problem(self.crawler, f"{self.name}: {response.url}: field 'cards': a "
                                         "pillar page without app cards")
        listed_here = {Request(r["url"]).url for r in records}
        waiting = {}
        for record in records:
            if record["source_id"] in self.listed:
                continue  # the same app under another pillar
            self.listed.add(record["source_id"])
            if record["url"] == response.url:
                yield record  # a card without an app page
            else:
                waiting[Request(record["url"]).url] = record
        for request in (item for item in found if isinstance(item, Request)):
            if request.url in waiting:
                yield request.replace(meta={**request.meta, "card": waiting.pop(request.url)},
                                      errback=self.app_page_failed)
            elif request.url not in listed_here:
                yield request.replace(meta={**request.meta, "pillar": True})

    def app_page_failed(self, failure):
        self.failed(failure)
        yield failure.request.meta["card"]
