"""The Centralités map style: graduated composite score, five classes, colour-blind-safe."""

from qgis.core import (
    QgsClassificationJenks,
    QgsClassificationQuantile,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import tr

# ColorBrewer YlOrRd, 5 classes: sequential and safe for the common colour-vision deficiencies.
SCORE_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
OUTLINE_COLOUR = "#6e6e6e"
METHODS = ("quantile", "jenks")


def score_colour_ramp():
    first, *middle, last = SCORE_COLOURS
    stops = [QgsGradientStop((i + 1) / (len(middle) + 1), QColor(c)) for i, c in enumerate(middle)]
    return QgsGradientColorRamp(QColor(first), QColor(last), False, stops)


def graduated_score_renderer(layer, field, classes=5, method="quantile"):
    """A graduated renderer on ``field`` with rounded French-style legend labels."""
    symbol = QgsFillSymbol.createSimple(
        {"color": SCORE_COLOURS[0], "outline_color": OUTLINE_COLOUR, "outline_width": "0.1"}
    )
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setSourceSymbol(symbol)
    renderer.setSourceColorRamp(score_colour_ramp())
    classification = QgsClassificationJenks() if method == "jenks" else QgsClassificationQuantile()
    classification.setLabelFormat(tr("%1 to %2"))
    classification.setLabelPrecision(0)
    renderer.setClassificationMethod(classification)
    renderer.updateClasses(layer, classes)
    renderer.updateColorRamp(score_colour_ramp())
    return renderer


def apply_score_style(layer, field, classes=5, method="quantile"):
    """Set the score style on ``layer``; returns the renderer."""
    renderer = graduated_score_renderer(layer, field, classes, method)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer


def has_score_style(layer, field):
    renderer = layer.renderer()
    return isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == field
