"""A picture of the leading communes' four functions, drawn with pyqtgraph, for the print layout (on a
change between two dates: the largest gains and losses of the composite).

pyqtgraph is optional: without it (or off the main thread, where Qt widgets
must not be made) there is no chart and the layout is exported without it.
"""

import contextlib
import os

from qgis.PyQt.QtCore import QCoreApplication, Qt, QThread
from qgis.PyQt.QtGui import QFont, QPainterPath

from ..core.trajectory import AFTER, BEFORE, CHANGE_FIELD, census_dates, is_change_output
from ..core.vocabulary import CODE_FIELD, FUNCTION_COLOURS, FUNCTIONS, find_field, function_labels, name_field
from ..i18n import tr

TEXT_COLOUR = "#222222"


def chart_unavailable_reason():
    """Why no chart can be drawn here, or an empty string when it can."""
    try:
        import pyqtgraph  # noqa: F401
    except ImportError:
        return tr("pyqtgraph is not installed: the layout has no chart of the leading communes "
                  "(install python3-pyqtgraph, or pip install pyqtgraph, to get it).")
    application = QCoreApplication.instance()
    if application is None or QThread.currentThread() != application.thread():
        return tr("The chart of the leading communes is drawn on the main thread only: the layout has no chart.")
    return ""


CHART_COUNT = 10


def place_charts(layout, layer, group_field, root):
    """Draw the chart picture(s) at the size of the layout's ``chart`` item and place them.

    One PNG ``<root>-chart.png``, or with ``group_field`` (atlas) one per group,
    ``<root>-chart-01.png``… chosen by the page's group. Returns (charts, warning): charts is
    the path, the {group: path} dict or None when the layout has no chart (then removed).
    """
    from .qpt_layouts import chart_size, remove_chart, set_chart

    size = chart_size(layout)
    if size is None:
        return None, ""
    reason = chart_unavailable_reason()
    if reason:
        remove_chart(layout)
        return None, reason
    names = layer.fields().names()
    label_field = name_field(names) or find_field(names, CODE_FIELD) or ""
    # As many communes as the height gives room for, each row at least 3.2 mm (text 6.5 pt).
    scale = layout.pageCollection().page(0).pageSize().width() / 297.0
    count = max(5, min(CHART_COUNT, int((size[1] / scale - 14) / 3.2)))
    if is_change_output(names):
        years = census_dates(names)
        title = tr("The largest gains and losses of the composite ({period}, points)").format(
            period=f"{years[BEFORE]} → {years[AFTER]}" if years else tr("two dates"))
        groups = leading_changes(layer, label_field, count, group_field)
        write = write_change_chart
    else:
        title = tr("The {count} most central communes (scores 0–100)").format(count=count)
        groups = leading_communes(layer, label_field, count, group_field)
        write = write_function_chart
    paths = {}
    for index, (group, rows) in enumerate(sorted(groups.items()), start=1):
        path = f"{root}-chart-{index:02d}.png" if group_field else f"{root}-chart.png"
        if not write(rows, path, title, *size):
            remove_chart(layout)
            for written in paths.values():
                os.remove(written)
            return None, tr("The chart {path} could not be written: the layout has no chart.").format(path=path)
        paths[group] = path
    if not paths:
        remove_chart(layout)
        return None, ""
    charts = paths if group_field else paths[None]
    set_chart(layout, charts)
    return charts, ""


def chart_files(charts):
    if not charts:
        return []
    return list(charts.values()) if isinstance(charts, dict) else [charts]


def leading_communes(layer, name_field, count=10, group_field=""):
    """{group: [(name, [four sub-scores], composite)]}: the ``count`` communes of highest composite
    score of each value of ``group_field`` (as text), or of the whole layer under the key None."""
    from ..compat import is_null

    groups = {}
    for feature in layer.getFeatures():
        composite = feature["score_centralite"]
        group = feature[group_field] if group_field else None
        if is_null(composite) or (group_field and is_null(group)):
            continue
        scores = [feature[f"score_{name}"] for name in FUNCTIONS]
        name = feature[name_field] if name_field else ""
        row = (str(name), [0.0 if is_null(v) else float(v) for v in scores], float(composite))
        groups.setdefault(None if group is None else str(group), []).append(row)
    return {group: sorted(rows, key=lambda row: -row[2])[:count] for group, rows in groups.items()}


def leading_changes(layer, name_field, count=10, group_field=""):
    """{group: [(name, change)]}: the largest gains of the composite (up to half of ``count``, the largest
    first) then the largest losses (the largest last), of each value of ``group_field`` (as text) or of
    the whole layer under the key None; a commune unchanged or unscored at a date is left out."""
    from ..compat import is_null

    groups = {}
    for feature in layer.getFeatures():
        change = feature[CHANGE_FIELD]
        group = feature[group_field] if group_field else None
        if is_null(change) or float(change) == 0.0 or (group_field and is_null(group)):
            continue
        name = feature[name_field] if name_field else ""
        groups.setdefault(None if group is None else str(group), []).append((str(name), float(change)))
    half = max(1, count // 2)
    out = {}
    for group, rows in groups.items():
        gains = sorted((row for row in rows if row[1] > 0), key=lambda row: -row[1])
        losses = sorted((row for row in rows if row[1] < 0), key=lambda row: row[1])
        # The room left by one side goes to the other: ten bars whenever there are ten changes.
        gains_kept = gains[:max(half, count - len(losses))]
        losses_kept = losses[:count - len(gains_kept)]
        out[group] = gains_kept + losses_kept[::-1]
    return out


def write_change_chart(rows, path, title, width_mm, height_mm, dpi=200):
    """Horizontal bars of the change of the composite of each commune (the first on top), gains in blue to
    the right, losses in red to the left, into a PNG at the size it takes on the page. True when written."""
    import numpy as np
    import pyqtgraph as pg

    with _bar_chart(width_mm, height_mm, dpi) as chart:
        values = np.array([row[1] for row in rows], dtype="float64")
        colours = [CHANGE_COLOURS[0] if value > 0 else CHANGE_COLOURS[1] for value in values]
        chart.plot.addItem(pg.BarGraphItem(x0=np.minimum(values, 0.0), y=np.arange(len(rows)), width=np.abs(values),
                                           height=0.7, brushes=[pg.mkBrush(c) for c in colours], pen=pg.mkPen(None)))
        chart.plot.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#555555")))
        reach = max(1.0, float(np.abs(values).max()) if len(values) else 1.0) * 1.1
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if reach / s <= 5)
        ticks = [v * step for v in range(-int(reach // step), int(reach // step) + 1)]
        chart.axes([(i, f"{row[0]} " + f"{row[1]:+.1f}".replace("-", "\u2212")) for i, row in enumerate(rows)],
                   [(v, f"{v:+d}".replace("-", "\u2212") if v else "0") for v in ticks])
        chart.title(title, ((tr("gain"), CHANGE_COLOURS[0]), (tr("loss"), CHANGE_COLOURS[1])))
        return chart.export(path, len(rows), (-reach, reach))


CHANGE_COLOURS = ("#0571b0", "#ca0020")  # gain, loss: evolution.qml's strongest classes


def write_function_chart(rows, path, title, width_mm, height_mm, dpi=200):
    """Horizontal bars of the four sub-scores of each commune (the first on top) into a PNG.

    Drawn at the size it takes on the page so that the text keeps its point size.
    Returns True when the file was written.
    """
    import numpy as np
    import pyqtgraph as pg

    with _bar_chart(width_mm, height_mm, dpi) as chart:
        positions = np.arange(len(rows))
        thickness = 0.2
        for k, colour in enumerate(FUNCTION_COLOURS):
            values = [row[1][k] for row in rows]
            chart.plot.addItem(pg.BarGraphItem(x0=0, y=positions + (k - 1.5) * thickness, width=values,
                                               height=thickness * 0.95, brush=pg.mkBrush(colour), pen=pg.mkPen(None)))
        chart.axes([(i, row[0]) for i, row in enumerate(rows)], [(v, str(v)) for v in range(0, 101, 25)])
        chart.title(title, zip(function_labels(), FUNCTION_COLOURS))
        return chart.export(path, len(rows), (-3, 106))  # room for the tick labels "0" and "100"


class _BarChart:
    """A pyqtgraph plot of horizontal bars (the first row on top) drawn at the size it takes on the page, so that
    its text keeps its point size: laid out and drawn like a shown widget, never on screen (the desktop sees
    no window). The two charts of the layouts (four functions, change) share it."""

    def __init__(self, width_mm, height_mm, dpi):
        import pyqtgraph as pg

        self.width = max(200, int(width_mm / 25.4 * dpi))
        self.points = dpi / 72.0  # pixels per typographic point
        self.widget = pg.PlotWidget(background="w")
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.widget.resize(self.width, max(150, int(height_mm / 25.4 * dpi)))
        plot = self.plot = self.widget.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        margin = int(3 * self.points)
        plot.setContentsMargins(margin, margin, 2 * margin, margin)  # room for the last tick label
        plot.setMenuEnabled(False)

    def axes(self, left_ticks, bottom_ticks):
        import pyqtgraph as pg

        font = QFont("DejaVu Sans")
        font.setPixelSize(max(8, int(6.5 * self.points)))
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.setStyle(tickFont=font, tickTextOffset=int(2 * self.points))
        self.plot.getAxis("left").setTicks([left_ticks])
        self.plot.getAxis("bottom").setTicks([bottom_ticks])

    def title(self, title, key):
        """The title, and under it the key of the colours ((label, colour) pairs): a pyqtgraph legend would
        cover bars."""
        shown = "&nbsp;&nbsp;".join(f'<span style="color:{colour}">&#9632;</span>&nbsp;{label}'
                                    for label, colour in key)
        self.plot.setTitle(f"<b>{title}</b><br>{shown}", color=TEXT_COLOUR, size=f"{6.5 * self.points:.0f}px")
        self.plot.layout.setRowFixedHeight(0, int(2 * 6.5 * 1.45 * self.points))  # two lines: pyqtgraph sizes one
        self.plot.showGrid(x=True, alpha=0.25)
        self.plot.invertY(True)

    def export(self, path, count, x_range):
        """The chart of ``count`` rows over ``x_range`` to a PNG at ``path``; True when written."""
        import pyqtgraph.exporters

        self.widget.show()
        QCoreApplication.processEvents()
        # The ranges once the widget is laid out: set before, the first layout auto-ranges them.
        self.plot.disableAutoRange()
        self.plot.setYRange(-0.55, count - 0.45, padding=0)
        self.plot.setXRange(*x_range, padding=0)
        QCoreApplication.processEvents()
        exporter = pyqtgraph.exporters.ImageExporter(self.plot)
        exporter.parameters()["width"] = self.width
        image = exporter.export(toBytes=True)
        return image is not None and not image.isNull() and image.save(path, "PNG")

    def close(self):
        self.widget.hide()
        self.widget.deleteLater()


@contextlib.contextmanager
def _bar_chart(width_mm, height_mm, dpi):
    chart = _BarChart(width_mm, height_mm, dpi)
    try:
        yield chart
    finally:
        chart.close()


class SheetChart:
    """The commune sheet's chart: the commune's four functions (bars, 0–100) against the territory's median
    (a black tick) and the mean of the commune's level (a white diamond). One pyqtgraph widget is drawn
    again for each commune: building it costs more than drawing it. Main thread only; close() when done."""

    def __init__(self, width_mm, height_mm, dpi=200):
        import pyqtgraph as pg

        self.width = max(200, int(width_mm / 25.4 * dpi))
        self.height = max(150, int(height_mm / 25.4 * dpi))
        points = dpi / 72.0
        self.widget = pg.PlotWidget(background="w")
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.widget.resize(self.width, self.height)
        plot = self.plot = self.widget.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        margin = int(2 * points)
        plot.setContentsMargins(margin, margin, 2 * margin, margin)
        labels = function_labels()
        self.bars = pg.BarGraphItem(x0=0, y=list(range(4)), width=[0] * 4, height=0.6,
                                    brushes=[pg.mkBrush(colour) for colour in FUNCTION_COLOURS], pen=pg.mkPen(None))
        plot.addItem(self.bars)
        size = max(8, int(7 * points))
        tick = QPainterPath()  # a vertical stroke: pyqtgraph's own "|" is not in every version
        tick.moveTo(0, -0.5)
        tick.lineTo(0, 0.5)
        self.medians = pg.ScatterPlotItem(symbol=tick, size=int(size * 2.2), pen=pg.mkPen("#111111", width=max(2, int(0.9 * points))),
                                          brush=pg.mkBrush("#111111"))
        self.means = pg.ScatterPlotItem(symbol="d", size=int(size * 1.3), pen=pg.mkPen("#111111", width=max(1, int(0.5 * points))),
                                        brush=pg.mkBrush("#ffffff"))
        plot.addItem(self.medians)
        plot.addItem(self.means)
        self.values = []
        for k in range(4):
            text = pg.TextItem("", color=TEXT_COLOUR, anchor=(0, 0.5))
            plot.addItem(text)
            self.values.append(text)
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(8, int(6.5 * points)))
        self.font = font
        for text in self.values:
            text.setFont(font)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen("#555555"))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.setStyle(tickFont=font, tickTextOffset=int(2 * points))
        plot.getAxis("left").setTicks([[(k, label) for k, label in enumerate(labels)]])
        plot.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, 101, 25)]])
        self.points = points
        plot.showGrid(x=True, alpha=0.25)
        plot.invertY(True)
        self.widget.show()
        QCoreApplication.processEvents()
        plot.disableAutoRange()
        plot.setYRange(-0.6, 3.6, padding=0)
        plot.setXRange(-3, 112, padding=0)

    def key(self, level):
        """The chart's key: what the tick and the diamond stand for."""
        return tr("| territory median   ◇ mean of the level {level}").format(level=level) if level else \
            tr("| territory median")

    def write(self, path, scores, medians, means, level=""):
        """The chart of one commune into the PNG ``path``; True when written. NaN: no bar, no marker."""
        import math

        import pyqtgraph.exporters

        def clean(values):
            return [None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
                    for value in values]

        scores, medians, means = clean(scores), clean(medians), clean(means)
        self.bars.setOpts(width=[value or 0.0 for value in scores])
        self.medians.setData([m for m in medians if m is not None], [k for k, m in enumerate(medians) if m is not None])
        self.means.setData([m for m in means if m is not None], [k for k, m in enumerate(means) if m is not None])
        for k, text in enumerate(self.values):
            value = scores[k]
            text.setText("" if value is None else f"{value:.0f}")
            mean = means[k] if means[k] is not None else 0.0
            text.setPos(max(value or 0.0, mean) + 3.0, k)  # after the bar and the diamond
        self.plot.setTitle(self.key(level), color=TEXT_COLOUR, size=f"{6.5 * self.points:.0f}px")
        QCoreApplication.processEvents()
        exporter = pyqtgraph.exporters.ImageExporter(self.plot)
        exporter.parameters()["width"] = self.width
        image = exporter.export(toBytes=True)
        return image is not None and not image.isNull() and image.save(path, "PNG")

    def close(self):
        self.widget.hide()
        self.widget.deleteLater()
