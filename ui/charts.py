"""pyqtgraph charts of the panel; pyqtgraph is optional, imported only when a chart is made."""

import numpy as np

from ..core.profile import FUNCTIONS
from ..i18n import tr

FUNCTION_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3")
MEAN_COLOUR = "#9e9e9e"


def pyqtgraph_or_none():
    """The pyqtgraph module, or None when it is not installed."""
    try:
        import pyqtgraph
    except ImportError:
        return None
    return pyqtgraph


def function_labels():
    return [tr("Habiter"), tr("Travailler"), tr("Consommer"), tr("Services")]


class FunctionBars:
    """The four sub-scores of the selected commune next to the territory's mean."""

    def __init__(self, pg):
        self.pg = pg
        self.widget = pg.PlotWidget(background="w")
        self.widget.setYRange(0, 100)
        self.widget.setMouseEnabled(x=False, y=False)
        axis = self.widget.getAxis("bottom")
        axis.setTicks([list(enumerate(function_labels()))])
        font = axis.style.get("tickFont") or self.widget.font()
        font.setPointSizeF(7.5)
        axis.setStyle(tickFont=font)
        self.widget.setTitle(tr("Commune (colours) and territory mean (grey)"), size="8pt")
        self.commune = pg.BarGraphItem(x=np.arange(4) - 0.18, height=[0] * 4, width=0.34,
                                       brushes=[pg.mkBrush(c) for c in FUNCTION_COLOURS], name=tr("Commune"))
        self.mean = pg.BarGraphItem(x=np.arange(4) + 0.18, height=[0] * 4, width=0.34,
                                    brush=pg.mkBrush(MEAN_COLOUR), name=tr("Territory mean"))
        self.widget.addItem(self.commune)
        self.widget.addItem(self.mean)

    def show(self, commune_scores, mean_scores):
        self.commune.setOpts(height=[_number(v) for v in commune_scores])
        self.mean.setOpts(height=[_number(v) for v in mean_scores])


class ScoreHistogram:
    """Distribution of the composite score, the selected commune marked by a line."""

    def __init__(self, pg):
        self.pg = pg
        self.widget = pg.PlotWidget(background="w")
        self.widget.setMouseEnabled(x=False, y=False)
        self.widget.setLabel("bottom", tr("Composite score"))
        self.widget.setLabel("left", tr("Communes"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=4.6, brush=pg.mkBrush("#fd8d3c"))
        self.widget.addItem(self.bars)
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen("#bd0026", width=2))
        self.widget.addItem(self.marker)
        self.marker.hide()

    def show(self, scores, selected=None):
        values = np.asarray([v for v in scores if v is not None and v == v], dtype=float)
        counts, edges = np.histogram(values, bins=20, range=(0, 100))
        self.bars.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=counts)
        if selected is None or selected != selected:
            self.marker.hide()
        else:
            self.marker.setValue(float(selected))
            self.marker.show()


def export_plot(widget, path):
    """A chart to PNG or SVG, by the file's extension, with pyqtgraph's own exporters."""
    import pyqtgraph.exporters as exporters

    item = widget.getPlotItem()
    exporter = exporters.SVGExporter(item) if path.lower().endswith(".svg") else exporters.ImageExporter(item)
    exporter.export(path)


def _number(value):
    return 0.0 if value is None or value != value else float(value)


FUNCTION_FIELDS = [f"score_{name}" for name in FUNCTIONS]
