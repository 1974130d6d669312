"""Is a source's crawl good enough to apply? Decided from its stats, before anything is written.

- failed: nothing of it is applied (the crawl broke off, found nothing, most pages failed, or a
  field it always had is suddenly missing: a layout change);
- partial: its records are applied, but it cannot tell that an app is gone;
- ok: applied, and a known record it did not find is marked gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawlers import sources

# A field whose coverage falls by more than this share (e.g. 0.9 -> 0.4) signals a layout change.
COVERAGE_DROP = 0.3
# From this share of failed pages on, the source as a whole is failed.
FAILED_PAGE_SHARE = 0.5
FINISHED = ("finished", "closespider_pagecount")


@dataclass
class Health:
    status: str
    reason: str | None
    coverage: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def coverage(source: str, records: list[dict]) -> dict[str, float]:
    if not records:
        return {}
    return {name: round(sum(1 for r in records if r.get(name) not in (None, "", [], {}))
                        / len(records), 3)
            for name in sources.get(source).expected}


def judge(source: str, stats: dict, records: list[dict],
          previous_coverage: dict[str, float] | None) -> Health:
    problems = list(stats.get("stopwijzer/problem_list") or [])
    cov = coverage(source, records)
    finish = stats.get("finish_reason", "no stats: the crawl did not finish")
    pages = stats.get("stopwijzer/pages", 0)
    failed_pages = stats.get("stopwijzer/parse_errors", 0) + stats.get("stopwijzer/fetch_errors", 0)

    def result(status, reason=None):
        return Health(status, reason, cov, problems)

    if finish not in FINISHED:
        return result("failed", f"crawl ended early ({finish})")
    if not records:
        first = f": {problems[0]}" if problems else ""
        return result("failed", f"no records found{first}")
    if failed_pages and failed_pages >= FAILED_PAGE_SHARE * (pages + stats.get(
            "stopwijzer/fetch_errors", 0)):
        return result("failed", f"{failed_pages} of {pages} pages failed: {problems[0]}")
    for name, before in (previous_coverage or {}).items():
        now = cov.get(name, 0.0)
        if before - now > COVERAGE_DROP:
            return result("failed", f"layout change? field '{name}' found in {now:.0%} of records, "
                                    f"was {before:.0%} in the last good run")
    if problems:
        return result("partial", f"{len(problems)} problem(s), first: {problems[0]}")
    if finish != "finished":
        return result("partial", "page cap reached; the crawl may be incomplete")
    return result("ok")
