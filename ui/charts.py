"""pyqtgraph charts of the panel; pyqtgraph is optional, imported only when a chart is made."""

import numpy as np
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.vocabulary import FUNCTION_COLOURS, function_labels
from ..i18n import tr

MEAN_COLOUR = "#9e9e9e"
OUTLINE_COLOUR = "#404040"
HISTOGRAM_COLOUR = "#fd8d3c"
HISTOGRAM_SELECTED = "#bd0026"
BIN_WIDTH = 5.0  # composite score points per histogram bar
GROUP_OFFSETS = {"commune": -0.28, "reference": 0.0, "mean": 0.28}
BAR_WIDTH = 0.26
LABEL_WIDTH = 160  # pixels for the indicators' names of the contribution bars (a longer name is dropped)
LABEL_CHARACTERS = 24
ROW_PIXELS = 17  # height of one indicator's bar and name


def pyqtgraph_or_none():
    """The pyqtgraph module, or None when it is not installed."""
    try:
        import pyqtgraph
    except ImportError:
        return None
    return pyqtgraph


def _clicks(widget, callback):
    """Call ``callback(x, y)`` in data coordinates for each left click on the plot."""
    plot = widget.getPlotItem()

    def clicked(event):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = plot.getViewBox().mapSceneToView(event.scenePos())
        callback(point.x(), point.y())

    widget.scene().sigMouseClicked.connect(clicked)


class FunctionBars:
    """The four sub-scores of the selected commune, of a reference commune and the territory's mean.

    ``on_click(group)`` is called with "commune", "reference" or "mean" when a bar is clicked.
    """

    def __init__(self, pg, on_click=None):
        self.pg = pg
        self.on_click = on_click
        self.widget = pg.PlotWidget(background="w")
        # Room above 100 and below 0 for those tick labels: pyqtgraph drops a label that would cross the edge.
        self.widget.setYRange(-9, 109, padding=0)
        self.widget.setXRange(-0.55, 3.55, padding=0)
        self.widget.setMouseEnabled(x=False, y=False)
        self.widget.hideButtons()
        self.widget.setMenuEnabled(False)
        axis = self.widget.getAxis("bottom")
        axis.setTicks([list(enumerate(function_labels()))])
        self.widget.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 25)]])
        _show_end_labels(self.widget)
        self.widget.showGrid(y=True, alpha=0.25)
        x = np.arange(4)
        self.commune = pg.BarGraphItem(x=x + GROUP_OFFSETS["commune"], height=[0] * 4, width=BAR_WIDTH,
                                       brushes=[pg.mkBrush(c) for c in FUNCTION_COLOURS],
                                       pen=pg.mkPen(OUTLINE_COLOUR, width=1))
        self.reference = pg.BarGraphItem(x=x + GROUP_OFFSETS["reference"], height=[0] * 4, width=BAR_WIDTH,
                                         brushes=[pg.mkBrush(_lighter(c)) for c in FUNCTION_COLOURS],
                                         pen=pg.mkPen(OUTLINE_COLOUR, width=1, style=_dash()))
        self.mean = pg.BarGraphItem(x=x + GROUP_OFFSETS["mean"], height=[0] * 4, width=BAR_WIDTH,
                                    brush=pg.mkBrush(MEAN_COLOUR), pen=pg.mkPen(MEAN_COLOUR))
        for item in (self.commune, self.reference, self.mean):
            self.widget.addItem(item)
        self.set_names(None, None)
        _clicks(self.widget, self._clicked)

    def set_names(self, commune, reference):
        parts = [f"<b>{commune}</b>" if commune else tr("no commune selected")]
        if reference:
            parts.append(tr("{name} (light)").format(name=reference))
        parts.append(tr("territory mean (grey)"))
        self.widget.setTitle(" · ".join(parts), size="8pt")

    def show(self, commune_scores, mean_scores, reference_scores=None):
        self.commune.setOpts(height=[_number(v) for v in commune_scores])
        self.mean.setOpts(height=[_number(v) for v in mean_scores])
        self.reference.setOpts(height=[_number(v) for v in (reference_scores or [0] * 4)])
        self.reference.setVisible(reference_scores is not None)

    def group_at(self, x, y):
        """Which bar is at (x, y) in data coordinates: "commune", "reference", "mean" or None."""
        function = int(round(x))
        if not 0 <= function < 4:
            return None
        heights = {"commune": self.commune, "reference": self.reference, "mean": self.mean}
        for group, offset in GROUP_OFFSETS.items():
            if abs(x - function - offset) <= BAR_WIDTH / 2:
                item = heights[group]
                if item.isVisible() and 0 <= y <= max(_number(item.opts["height"][function]), 3.0):
                    return group
        return None

    def _clicked(self, x, y):
        group = self.group_at(x, y)
        if group and self.on_click:
            self.on_click(group)


class ScoreHistogram:
    """Distribution of the composite score, the selected commune marked by a line.

    ``on_click(low, high)`` is called with the score range of a clicked bar.
    """

    def __init__(self, pg, on_click=None):
        self.pg = pg
        self.on_click = on_click
        self.widget = pg.PlotWidget(background="w")
        self.widget.setMouseEnabled(x=False, y=False)
        self.widget.hideButtons()
        self.widget.setMenuEnabled(False)
        self.widget.setXRange(0, 100, padding=0.02)
        self.widget.setLabel("bottom", tr("Composite score (click a bar to select its communes)"))
        self.widget.setLabel("left", tr("Communes"))
        self.widget.getAxis("bottom").setTicks([[(v, str(v)) for v in range(0, 101, 10)]])
        _show_end_labels(self.widget)
        self.bars = pg.BarGraphItem(x=[], height=[], width=BIN_WIDTH * 0.92, brush=pg.mkBrush(HISTOGRAM_COLOUR))
        self.widget.addItem(self.bars)
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(HISTOGRAM_SELECTED, width=2))
        self.widget.addItem(self.marker)
        self.marker.hide()
        self.reference_marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(OUTLINE_COLOUR, width=1.5, style=_dash()))
        self.widget.addItem(self.reference_marker)
        self.reference_marker.hide()
        self.counts = np.zeros(int(100 / BIN_WIDTH), dtype=int)
        _clicks(self.widget, self._clicked)

    def show(self, scores, selected=None, reference=None):
        """The histogram of ``scores``, the selected commune's score as a red line, the reference's dashed."""
        values = np.asarray(scores, dtype=float)
        values = values[~np.isnan(values)]
        self.counts, edges = np.histogram(values, bins=int(100 / BIN_WIDTH), range=(0, 100))
        self.bars.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=self.counts)
        for marker, value in ((self.marker, selected), (self.reference_marker, reference)):
            if value is None or value != value:
                marker.hide()
            else:
                marker.setValue(float(value))
                marker.show()

    def bin_at(self, x):
        """(low, high) of the histogram bar at score x, or None outside 0–100."""
        if not 0 <= x <= 100:
            return None
        low = min(int(x // BIN_WIDTH), len(self.counts) - 1) * BIN_WIDTH
        return low, low + BIN_WIDTH

    def _clicked(self, x, _y):
        limits = self.bin_at(x)
        if limits and self.on_click:
            self.on_click(*limits)


class ContributionBars:
    """The selected commune's points per indicator against the territory's median: one horizontal bar per
    indicator (right: above a typical commune, left: below), coloured by function, in the profile's order."""

    def __init__(self, pg):
        self.pg = pg
        self.widget = pg.PlotWidget(background="w")
        self.widget.setMouseEnabled(x=False, y=False)
        self.widget.hideButtons()
        self.widget.setMenuEnabled(False)
        self.widget.showGrid(x=True, alpha=0.25)
        self.widget.getAxis("bottom").setLabel(tr("points against the median"))
        left = self.widget.getAxis("left")
        font = QFont()
        font.setPointSize(7)
        left.setStyle(tickFont=font, autoExpandTextSpace=False)
        left.setWidth(LABEL_WIDTH)
        self.widget.addItem(pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(OUTLINE_COLOUR, width=1)))
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, pen=pg.mkPen(OUTLINE_COLOUR, width=0.5))
        self.widget.addItem(self.bars)
        self.points = np.empty(0)
        self.show(None, [], [], np.empty(0))

    def show(self, name, functions, labels, points):
        """``functions``: the function index (0–3) of each bar; ``points``: its points against the median."""
        self.points = np.asarray(points, dtype="float64")
        count = len(labels)
        y = np.arange(count)[::-1].astype("float64")  # the profile's first indicator on top
        self.bars.setOpts(x0=np.minimum(self.points, 0.0), width=np.abs(self.points), y=y,
                          brushes=[self.pg.mkBrush(FUNCTION_COLOURS[f]) for f in functions])
        self.widget.getAxis("left").setTicks([[(float(y[k]), _elided(labels[k])) for k in range(count)]])
        span = max(1.0, float(np.nanmax(np.abs(self.points))) if count else 1.0) * 1.1
        self.widget.setXRange(-span, span, padding=0)
        self.widget.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
        self.widget.setTitle(f"<b>{name}</b>" if name else tr("no commune selected"), size="8pt")
        # Room for every indicator's name: pyqtgraph leaves out a tick label that would overlap another.
        self.widget.setMinimumHeight(max(160, ROW_PIXELS * count + 70))


def _elided(label, length=LABEL_CHARACTERS):
    return label if len(label) <= length else label[:length - 1].rstrip() + "…"


def in_bin(score, low, high):
    """Whether a composite score falls in the histogram bar [low, high) (the last bar includes 100)."""
    if score is None or score != score:
        return False
    return low <= score < high or (high >= 100 and score == high)


def export_plot(widget, path):
    """A chart to PNG or SVG, by the file's extension, with pyqtgraph's own exporters."""
    import pyqtgraph.exporters as exporters

    item = widget.getPlotItem()
    exporter = exporters.SVGExporter(item) if path.lower().endswith(".svg") else exporters.ImageExporter(item)
    exporter.export(path)


def _show_end_labels(widget):
    # pyqtgraph hides tick labels that reach the plot's edge: 0 and 100 are the ones that matter here.
    for name in ("left", "bottom"):
        widget.getAxis(name).setStyle(hideOverlappingLabels=False, textFillLimits=[(0, 0.95), (2, 0.8)])


def _lighter(colour):
    return QColor(colour).lighter(135)


def _dash():
    return Qt.PenStyle.DashLine


def _number(value):
    return 0.0 if value is None or value != value else float(value)

