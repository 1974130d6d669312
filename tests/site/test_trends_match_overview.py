"""The trends count what the overview lists: no hidden and no off-topic apps."""

from catalogue.store import connect_readonly
from publish.data import off_topic_apps, site_data
from stopwijzer import pipeline


def test_the_latest_trend_point_counts_the_apps_the_overview_lists(built_site):
    db, _ = built_site
    with connect_readonly(db) as con:
        data = site_data(con, pipeline.load_curation(), {})
        off_topic = off_topic_apps(con)
    listed = [a for a in data["apps"] if a["available"]]
    assert off_topic and not {a["app_id"] for a in listed} & set(off_topic)
    assert data["trends"][-1]["apps"] == len(listed)
