"""The Centralités map styles: composite score, levels, labels of the main centres, function diagrams."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationCustom,
    QgsClassificationJenks,
    QgsClassificationQuantile,
    QgsDiagramLayerSettings,
    QgsDiagramSettings,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsLinearlyInterpolatedDiagramRenderer,
    QgsPalLayerSettings,
    QgsPieDiagram,
    QgsProcessingLayerPostProcessorInterface,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSizeF
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import DIAGRAM_OVER_POINT, LABEL_ALWAYS_SHOW, LABEL_AROUND_POINT, LABEL_PRIORITY, RENDER_MM
from ..core.profile import FUNCTIONS, LEVEL_LABELS
from ..core.scoring import LEVEL_CODE_FIELD, RANK_FIELD
from ..i18n import tr

# ColorBrewer YlOrRd, 5 classes: sequential and safe for the common colour-vision deficiencies.
SCORE_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
# Levels 1 (majeure) to 5 (hors centralité): ColorBrewer RdPu, darker = more central.
LEVEL_COLOURS = ("#7a0177", "#c51b8a", "#f768a1", "#fbb4b9", "#f7f4f9")
# The four functions, ColorBrewer Set2 (distinct for colour-blind readers).
FUNCTION_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3")
NO_DATA_COLOUR = "#d9d9d9"
OUTLINE_COLOUR = "#6e6e6e"
METHODS = ("quantile", "jenks", "fixed")


def _fill(colour, outline=OUTLINE_COLOUR, width="0.1"):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": width})


def score_colour_ramp():
    first, *middle, last = SCORE_COLOURS
    stops = [QgsGradientStop((i + 1) / (len(middle) + 1), QColor(c)) for i, c in enumerate(middle)]
    return QgsGradientColorRamp(QColor(first), QColor(last), False, stops)


def graduated_score_renderer(layer, field, classes=5, method="quantile", bounds=()):
    """Graduated renderer on ``field``: quantiles, natural breaks or the given upper bounds."""
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setSourceSymbol(_fill(SCORE_COLOURS[0]))
    renderer.setSourceColorRamp(score_colour_ramp())
    if method == "fixed":
        edges = [0.0, *sorted(float(b) for b in bounds if 0 < float(b) < 100), 100.0]
        for low, high in zip(edges[:-1], edges[1:]):
            label = tr("%1 to %2").replace("%1", f"{low:.0f}").replace("%2", f"{high:.0f}")
            renderer.addClassRange(QgsRendererRange(low, high, _fill(SCORE_COLOURS[0]), label))
        renderer.setClassificationMethod(QgsClassificationCustom())
    else:
        classification = QgsClassificationJenks() if method == "jenks" else QgsClassificationQuantile()
        classification.setLabelFormat(tr("%1 to %2"))
        classification.setLabelPrecision(0)
        renderer.setClassificationMethod(classification)
        renderer.updateClasses(layer, classes)
    renderer.updateColorRamp(score_colour_ramp())
    return renderer


def level_renderer():
    """Categories of niveau_code with fixed colours, and a grey class for communes not scored."""
    renderer = QgsCategorizedSymbolRenderer(LEVEL_CODE_FIELD)
    for code, (label, colour) in enumerate(zip(LEVEL_LABELS, LEVEL_COLOURS), start=1):
        renderer.addCategory(QgsRendererCategory(code, _fill(colour), level_legend_label(label)))
    renderer.addCategory(QgsRendererCategory(None, _fill(NO_DATA_COLOUR), tr("Not scored (no data)")))
    return renderer


def level_legend_label(label):
    labels = {
        "majeure": tr("Major centre"),
        "structurante": tr("Structuring centre"),
        "intermédiaire": tr("Intermediate centre"),
        "locale": tr("Local centre"),
        "hors centralité": tr("Not a centre"),
    }
    return labels[label]


def main_centre_labels(label_field, max_level=2):
    """Names of the communes up to ``max_level`` (1 = majeure), the most central placed first."""
    settings = QgsPalLayerSettings()
    settings.fieldName = f'CASE WHEN "{LEVEL_CODE_FIELD}" <= {int(max_level)} THEN "{label_field}" END'
    settings.isExpression = True
    settings.placement = LABEL_AROUND_POINT
    settings.dist = 1.0  # mm from the centroid, clear of the pie drawn there
    text = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    text.setFont(font)
    text.setSize(8)
    text.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    # Collisions: the engine drops the less important label; rank 1 is the most important.
    settings.dataDefinedProperties().setProperty(
        LABEL_PRIORITY, QgsProperty.fromExpression(f'10 - least(9, "{RANK_FIELD}" / 5)')
    )
    # Major centres are always named, even where pies crowd the map.
    settings.dataDefinedProperties().setProperty(
        LABEL_ALWAYS_SHOW, QgsProperty.fromExpression(f'"{LEVEL_CODE_FIELD}" = 1')
    )
    return QgsVectorLayerSimpleLabeling(settings)


def function_diagrams(size_field, max_value, max_level=2):
    """The four sub-scores of each centre up to ``max_level`` as a pie sized by ``size_field``:
    the slices show how the functions balance in that centre."""
    settings = QgsDiagramSettings()
    settings.categoryAttributes = [f'"score_{name}"' for name in FUNCTIONS]
    settings.categoryColors = [QColor(c) for c in FUNCTION_COLOURS]
    settings.categoryLabels = [tr("Habiter"), tr("Travailler"), tr("Consommer"), tr("Services")]
    settings.sizeType = RENDER_MM
    settings.penColor = QColor("#ffffff")
    settings.penWidth = 0.2
    settings.opacity = 0.95
    renderer = QgsLinearlyInterpolatedDiagramRenderer()
    renderer.setDiagram(QgsPieDiagram())
    renderer.setDiagramSettings(settings)
    renderer.setClassificationAttributeIsExpression(True)
    renderer.setClassificationAttributeExpression(
        f'CASE WHEN "{LEVEL_CODE_FIELD}" <= {int(max_level)} THEN "{size_field}" ELSE 0 END'
    )
    renderer.setLowerValue(0.0)
    renderer.setUpperValue(float(max_value) or 1.0)
    renderer.setLowerSize(QSizeF(0.0, 0.0))
    # Area, not diameter, proportional to population.
    settings.scaleByArea = True
    renderer.setUpperSize(QSizeF(10.0, 10.0))
    layer_settings = QgsDiagramLayerSettings()
    layer_settings.setPlacement(DIAGRAM_OVER_POINT)
    layer_settings.setShowAllDiagrams(True)
    layer_settings.setIsObstacle(False)  # the names of the centres go around their pie
    layer_settings.setPriority(0)  # when a pie and a name compete for room, the name wins
    return renderer, layer_settings


def apply_score_style(layer, field, classes=5, method="quantile", bounds=()):
    """Set the score style on ``layer``; returns the renderer."""
    renderer = graduated_score_renderer(layer, field, classes, method, bounds)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer


def has_score_style(layer, field):
    renderer = layer.renderer()
    if isinstance(renderer, QgsGraduatedSymbolRenderer):
        return renderer.classAttribute() == field
    return isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == LEVEL_CODE_FIELD


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Styles a scored layer when QGIS desktop loads it at the end of an algorithm.

    Post-processors run on the main thread, where touching a project layer is
    safe. QGIS keeps only a pointer: the instance is held here so Python does
    not collect it before it runs.
    """

    _instances = []

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if not isinstance(layer, QgsVectorLayer) or layer.fields().lookupField(LEVEL_CODE_FIELD) < 0:
            return
        layer.setRenderer(level_renderer())
        name_field = next((n for n in ("NOM", "NOM_COM", "LIBGEO", "nom") if n in layer.fields().names()), None)
        if name_field:
            layer.setLabeling(main_centre_labels(name_field))
            layer.setLabelsEnabled(True)
        layer.triggerRepaint()

    @classmethod
    def create(cls):
        instance = cls()
        cls._instances.append(instance)
        return instance
