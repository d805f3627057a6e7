"""Bar charts as geometry for server-rendered SVG (no JavaScript, no inline styles: colours come
from CSS classes in the static stylesheet, so the CSP needs no 'unsafe-inline')."""

from __future__ import annotations

from dataclasses import dataclass, field

LABEL_WIDTH = 56  # room for a year
VALUE_GAP = 6
ROW_HEIGHT = 22
BAR_HEIGHT = 16
PLOT_WIDTH = 420
SERIES_CLASSES = 6  # .series-0 ... .series-5 in site.css; more series reuse them


@dataclass
class Segment:
    x: float
    width: float
    series: int  # index into the legend; CSS class series-<n % SERIES_CLASSES>
    title: str  # tooltip and accessible text: "Tweede Kamer: 3"


@dataclass
class Row:
    label: str
    y: float
    total: int
    total_x: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    rows: list[Row]
    legend: list[tuple[int, str]]  # (series, name)
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def stacked_bars(rows: list[tuple[str, dict[str, int]]], series: list[str]) -> Chart:
    """One horizontal bar per row label, stacked by series (e.g. years x parliaments)."""
    largest = max((sum(values.values()) for _, values in rows), default=0) or 1
    scale = (PLOT_WIDTH - 40) / largest  # leave room for the total printed after the bar
    out: list[Row] = []
    for index, (label, values) in enumerate(rows):
        x = float(LABEL_WIDTH)
        row = Row(label=label, y=index * ROW_HEIGHT, total=sum(values.values()), total_x=0.0)
        for number, name in enumerate(series):
            count = values.get(name, 0)
            if count:
                row.segments.append(Segment(x=x, width=count * scale, series=number % SERIES_CLASSES,
                                            title=f"{name}: {count}"))
                x += count * scale
        row.total_x = x + VALUE_GAP
        out.append(row)
    return Chart(width=LABEL_WIDTH + PLOT_WIDTH, height=max(len(out), 1) * ROW_HEIGHT, rows=out,
                 legend=[(n % SERIES_CLASSES, name) for n, name in enumerate(series)])


def simple_bars(rows: list[tuple[str, int]], name: str) -> Chart:
    return stacked_bars([(label, {name: count}) for label, count in rows], [name])
