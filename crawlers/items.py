"""The one record shape every source produces: an observation of an app or programme.

Parsers return plain dicts with these keys (missing facts are None or left out), so a record can
be printed as JSON, stored as raw JSON and loaded into typed DuckDB columns without conversion
code per source. The catalogue's `observation` table has one typed column per field below.
"""

from __future__ import annotations

from crawlers.sources import names

SOURCES = names()  # for command-line choices; crawlers/sources.py is the registry

# field -> (DuckDB type, meaning). Order is the column order in the catalogue.
FIELDS: dict[str, tuple[str, str]] = {
    "source": ("VARCHAR", "source name, one of SOURCES"),
    "source_id": ("VARCHAR", "id within the source: package name, track id, slug"),
    "url": ("VARCHAR", "canonical page of the record at the source"),
    "kind": ("VARCHAR", "app, website or programme"),
    "title": ("VARCHAR", "name as the source shows it"),
    "developer": ("VARCHAR", "developer, seller or provider"),
    "description": ("VARCHAR", "full description text (plain text, untrusted)"),
    "languages": ("VARCHAR[]", "ISO 639-1 codes, lower case, e.g. ['nl', 'en']"),
    "platforms": ("VARCHAR[]", "android, ios and/or web"),
    "version": ("VARCHAR", "current version string"),
    "updated": ("DATE", "date of the current version / last update"),
    "rating": ("DOUBLE", "average user rating, 0-5"),
    "rating_count": ("BIGINT", "number of user ratings"),
    "price": ("DOUBLE", "price in EUR; 0 means free"),
    "installs": ("VARCHAR", "install band as shown, e.g. '100.000+'"),
    "content_rating": ("VARCHAR", "age/content rating or advisory"),
    "privacy_url": ("VARCHAR", "privacy policy URL"),
    "screenshots": ("INTEGER", "number of screenshots"),
    "min_os": ("VARCHAR", "minimum OS version"),
    "website": ("VARCHAR", "the app's or programme's own website"),
    "links": ("VARCHAR[]", "outbound links to stores/websites, used to link records to one app"),
    "target_group": ("VARCHAR", "target group as the source states it"),
    "quality_score": ("DOUBLE", "GGD AppStore overall score, 0-5 in halves"),
    "quality_themes": ("JSON", "GGD AppStore judgement per theme, e.g. {'onderbouwing': 4}"),
    "recognition_level": ("VARCHAR", "Loketgezondleven Erkenningstraject level"),
    "recognition_date": ("DATE", "date of that judgement"),
    "recommended": ("BOOLEAN", "on the ikstopnu.nl selection"),
    "summary": ("VARCHAR", "what a curated source says about the app"),
    # Google Play's Data safety page: the maker's own declaration, never verified by Google.
    "privacy_shares": ("BOOLEAN", "declares sharing user data with third parties"),
    "privacy_shared_kinds": ("VARCHAR[]", "kinds of data shared, as the page names them"),
    "privacy_collects": ("BOOLEAN", "declares collecting user data"),
    "privacy_collected_kinds": ("VARCHAR[]", "kinds of data collected, as the page names them"),
    "privacy_encrypted": ("BOOLEAN", "declares data encrypted in transit; None if not stated"),
    "privacy_deletion": ("BOOLEAN", "declares the user can ask for deletion; None if not stated"),
    "privacy_declaration_url": ("VARCHAR", "the Data safety page the declaration was read from"),
}

# Fields a parser must fill for every record; the validation pipeline counts the others.
REQUIRED = ("source", "source_id", "url", "title")

def new_record(source: str, source_id: str, url: str, **fields) -> dict:
    """A record with every field present (None where unknown), so all sources look alike."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise KeyError(f"unknown record fields: {sorted(unknown)}")
    record = dict.fromkeys(FIELDS)
    record.update(source=source, source_id=str(source_id), url=url, **fields)
    return record
