"""The validation pipeline counts what each source fails to fill and refuses broken records."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawlers.items import new_record
from crawlers.pipelines import ValidationPipeline


@pytest.fixture
def pipeline():
    crawler = get_crawler()
    crawler.stats.open_spider()
    return ValidationPipeline.from_crawler(crawler)


def record(**fields):
    return new_record("appstore", "483994930", "https://apps.apple.com/nl/app/id483994930",
                      **{"title": "QuitNow!", "developer": "Fewlaps", **fields})


def stat(pipeline, name):
    return pipeline.crawler.stats.get_value(name)


def test_missing_expected_fields_are_counted_per_field(pipeline):
    pipeline.process_item(record(description="Stop met roken", languages=["nl"]))
    assert stat(pipeline, "stopwijzer/items") == 1
    assert stat(pipeline, "stopwijzer/field/version/missing") == 1
    assert stat(pipeline, "stopwijzer/field/description/missing") is None


def test_wrong_types_are_counted_and_emptied(pipeline):
    item = pipeline.process_item(record(rating="vier sterren", updated="25-11-2026"))
    assert (item["rating"], item["updated"]) == (None, None)
    assert stat(pipeline, "stopwijzer/field/rating/wrong_type") == 1
    assert stat(pipeline, "stopwijzer/field/updated/wrong_type") == 1


def test_a_record_without_a_title_is_refused_and_reported(pipeline):
    with pytest.raises(DropItem):
        pipeline.process_item(record(title=""))
    assert stat(pipeline, "stopwijzer/problem_list") == [
        "appstore: https://apps.apple.com/nl/app/id483994930: record without title"]


def test_text_in_the_wrong_encoding_is_refused(pipeline):
    with pytest.raises(DropItem):
        pipeline.process_item(record(description="Stoppen met roken is de beste keuze voor je gezondheid \ufffd"))
    assert "field 'description': text is not valid" in stat(pipeline, "stopwijzer/problem_list")[0]


def test_the_same_record_twice_in_one_run_is_kept_once(pipeline):
    pipeline.process_item(record())
    with pytest.raises(DropItem):
        pipeline.process_item(record())
