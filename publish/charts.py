"""Small, accessible SVG line charts, pre-rendered at build time (no JavaScript needed).

Each chart has its own ids for its <title> and <desc> (one page holds several charts) and an
explicit width: Material gives a <figure> `width: fit-content`, in which an SVG with only a
viewBox shrinks to nothing. The numbers behind each chart are also given as a small table, for
screen readers and for anyone who wants the figures.
"""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 640, 260, 48, 40, 16
COLOURS = ("#00796b", "#e65100", "#3949ab", "#6d4c41", "#c2185b", "#455a64", "#7cb342",
           "#8e24aa", "#00838f", "#f9a825")


def number(value: float, percent: bool) -> str:
    return f"{value:.0f}{'%' if percent else ''}"


def line_chart(chart_id: str, title: str, description: str, dates: list[str],
               series: dict[str, list[float]], percent: bool = False) -> str:
    """An SVG with a <title> and <desc> for screen readers and a legend per series."""
    top = max([max(values, default=0) for values in series.values()] + [1])
    top = 100 if percent else top
    plot_w, plot_h = WIDTH - PAD_LEFT - 16, HEIGHT - PAD_BOTTOM - PAD_TOP

    def x(i: int) -> float:
        return PAD_LEFT + (plot_w * i / (len(dates) - 1) if len(dates) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return PAD_TOP + plot_h * (1 - value / top)

    height = HEIGHT + 20 * len(series)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" role="img" '
             f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="sw-chart">',
             f'<title id="{chart_id}-title">{escape(title)}</title>'
             f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
             f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + plot_h}" x2="{WIDTH - 16}" '
             f'y2="{PAD_TOP + plot_h}" stroke="#555"/>',
             f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{PAD_LEFT}" y2="{PAD_TOP + plot_h}" '
             'stroke="#555"/>']
    for fraction in (0, 0.5, 1):
        value = top * fraction
        parts.append(f'<text x="{PAD_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
                     f'font-size="14">{number(value, percent)}</text>')
    for i in sorted({0, len(dates) - 1}):
        if dates:
            parts.append(f'<text x="{x(i):.1f}" y="{PAD_TOP + plot_h + 18}" text-anchor="middle" '
                         f'font-size="14">{escape(dates[i])}</text>')
    for n, (name, values) in enumerate(series.items()):
        colour = COLOURS[n % len(COLOURS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        if len(values) > 1:
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" '
                         f'points="{points}"/>')
        parts += [f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>'
                  for i, v in enumerate(values) if len(values) <= 60]
        legend_y = HEIGHT + 20 * n
        last = number(values[-1], percent) if values else "-"
        parts.append(f'<rect x="{PAD_LEFT}" y="{legend_y - 10}" width="12" height="12" '
                     f'fill="{colour}"/><text x="{PAD_LEFT + 18}" y="{legend_y}" font-size="15">'
                     f"{escape(name)} (laatst: {last})</text>")
    parts.append("</svg>")
    return "".join(parts)


def data_table(title: str, dates: list[str], series: dict[str, list[float]],
               percent: bool = False) -> str:
    """The numbers behind a chart: one row per date, one column per series. It scrolls inside
    its own box (focusable, so a keyboard can scroll it too) instead of making the page long."""
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in series)
    rows = "".join(
        f'<tr><th scope="row">{escape(date)}</th>'
        + "".join(f"<td>{number(values[i], percent)}</td>" for values in series.values()) + "</tr>"
        for i, date in enumerate(dates))
    return (f'<div class="sw-chart-data" tabindex="0" role="region" '
            f'aria-label="{escape(title)} in cijfers"><table class="sw-chart-table">'
            f"<caption>{escape(title)} in cijfers</caption>"
            f'<thead><tr><th scope="col">Datum</th>{head}</tr></thead><tbody>{rows}</tbody>'
            "</table></div>")


def chart(chart_id: str, title: str, description: str, dates: list[str],
          series: dict[str, list[float]], percent: bool = False) -> dict[str, str]:
    return {"svg": line_chart(chart_id, title, description, dates, series, percent),
            "table": data_table(title, dates, series, percent)}


def trend_charts(trends: list[dict], evidence_labels: dict[str, str]) -> list[dict[str, str]]:
    """The Trends page's charts, each as {"svg": ..., "table": ...}."""
    dates = [point["date"] for point in trends]

    def share(key: str) -> list[float]:
        return [100 * p[key] / p["apps"] if p["apps"] else 0 for p in trends]

    levels = [code for code in evidence_labels if any(p["evidence"].get(code) for p in trends)]
    return [
        chart("sw-chart-apps", "Aantal apps en programma's", "Hoeveel apps en programma's de "
              "crawl bij elke meting vond.", dates,
              {"Apps en programma's": [p["apps"] for p in trends]}),
        chart("sw-chart-dutch", "Aandeel in het Nederlands", "Percentage van de gevonden apps "
              "dat in het Nederlands beschikbaar is.", dates, {"In het Nederlands": share("dutch")},
              percent=True),
        chart("sw-chart-notifications", "Aandeel met meldingen", "Percentage van de gevonden "
              "apps dat herinneringen of pushberichten stuurt.", dates,
              {"Met meldingen": share("notifications")}, percent=True),
        chart("sw-chart-evidence", "Onderbouwing", "Aantal apps per niveau van onderbouwing.",
              dates, {evidence_labels[code]: [p["evidence"].get(code, 0) for p in trends]
                      for code in levels}),
    ]
