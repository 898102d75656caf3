"""The Centralités map styles, loaded from the QML files of resources/styles and fitted to the data.

The QML files hold everything that does not depend on the data (colours, fonts,
symbols, placements); what does — class bounds of the score, the name and
population fields, the largest population sizing the pies, translated legend
labels — is set here after loading. scripts/build_cartography.py writes the QML.
"""

import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationCustom,
    QgsClassificationJenks,
    QgsClassificationQuantile,
    QgsDataDefinedSizeLegend,
    QgsExpression,
    QgsGraduatedSymbolRenderer,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererRange,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QByteArray, QLocale
from qgis.PyQt.QtXml import QDomDocument

from ..core.trajectory import BEYOND_BAND_FIELD
from ..core.vocabulary import LEVEL_CODE_FIELD, LEVEL_LABELS, function_labels, name_field
from ..i18n import tr

STYLES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "styles")
METHODS = ("quantile", "jenks", "fixed")
DIAGRAM_KINDS = ("pie", "bars")
# The field names the QML files were written with, replaced by the layer's own.
TEMPLATE_NAME_FIELD = '"NOM"'
TEMPLATE_SIZE_FIELD = '"POPULATION"'


class StyleFileError(Exception):
    """A shipped QML file is missing or QGIS cannot read it (a broken installation)."""


def style_path(name):
    return os.path.join(STYLES_DIR, name)


def load_style(layer, name, category):
    """Load one category (symbology, labels, diagrams) of a shipped QML onto ``layer``; the rest stays."""
    path = style_path(name)
    if not os.path.exists(path):
        raise StyleFileError(tr("The style file {path} is missing: reinstall the plugin.").format(path=path))
    # importNamedStyle with the category: loadNamedStyle's overloads may load the style stored
    # in the GeoPackage instead, or every category of the file (dropping the labels).
    document = read_xml(path)
    ok, message = (False, tr("not a QML document")) if document is None else layer.importNamedStyle(document, category)
    if not ok:
        raise StyleFileError(tr("The style file {path} could not be read: {message}").format(path=path, message=message))


def read_xml(path):
    """The QDomDocument of an XML file (QML, QPT), None when it does not parse."""
    document = QDomDocument()
    with open(path, "rb") as handle:  # bytes: Qt reads the file's own encoding declaration
        parsed = document.setContent(QByteArray(handle.read()))
    # PyQt5 returns (ok, message, line, column); Qt 6.5's ParseResult converts to bool.
    ok = parsed[0] if isinstance(parsed, tuple) else bool(parsed)
    return document if ok else None


def level_legend_label(label):
    labels = {
        "majeure": tr("Major centre"),
        "structurante": tr("Structuring centre"),
        "intermédiaire": tr("Intermediate centre"),
        "locale": tr("Local centre"),
        "hors centralité": tr("Not a centre"),
    }
    return labels[label]


def apply_level_style(layer):
    """niveau.qml: niveau_code in fixed colours and a grey class for communes not scored."""
    load_style(layer, "niveau.qml", QgsMapLayer.StyleCategory.Symbology)
    renderer = layer.renderer()
    labels = {code: level_legend_label(label) for code, label in enumerate(LEVEL_LABELS, start=1)}
    for index, category in enumerate(renderer.categories()):
        value = category.value()
        try:
            code = int(value)
        except (TypeError, ValueError):  # the NULL class
            renderer.updateCategoryLabel(index, tr("Not scored (no data)"))
            continue
        renderer.updateCategoryLabel(index, labels.get(code, category.label()))
    layer.triggerRepaint()
    return renderer


def apply_score_style(layer, field, classes=5, method="quantile", bounds=()):
    """score.qml re-classified on ``field``: quantiles, natural breaks or the given upper bounds."""
    load_style(layer, "score.qml", QgsMapLayer.StyleCategory.Symbology)
    renderer = layer.renderer()
    renderer.setClassAttribute(field)
    ramp = renderer.sourceColorRamp().clone()
    label_format = tr("%1 to %2")
    if method == "fixed":
        renderer.deleteAllClasses()
        edges = [0.0, *sorted(float(b) for b in bounds if 0 < float(b) < 100), 100.0]
        for low, high in zip(edges[:-1], edges[1:]):
            label = label_format.replace("%1", _bound(low)).replace("%2", _bound(high))
            renderer.addClassRange(QgsRendererRange(low, high, renderer.sourceSymbol().clone(), label))
        renderer.setClassificationMethod(QgsClassificationCustom())
    else:
        classification = QgsClassificationJenks() if method == "jenks" else QgsClassificationQuantile()
        classification.setLabelFormat(label_format)
        classification.setLabelPrecision(0)
        renderer.setClassificationMethod(classification)
        renderer.updateClasses(layer, classes)
    renderer.updateColorRamp(ramp)
    layer.triggerRepaint()
    return renderer


def _bound(value):
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def apply_main_centre_labels(layer, label_field):
    """labels.qml: the names of the main centres, the most central placed first when labels collide."""
    load_style(layer, "labels.qml", QgsMapLayer.StyleCategory.Labeling)
    settings = layer.labeling().settings()
    settings.fieldName = settings.fieldName.replace(TEMPLATE_NAME_FIELD, QgsExpression.quotedColumnRef(label_field))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def apply_function_diagrams(layer, kind, size_field="", largest=1.0):
    """diagrams_pie.qml (area follows ``size_field``, the largest value drawn 9 mm wide) or
    diagrams_bars.qml (a bar's length is the score: the same scale on every commune)."""
    load_style(layer, f"diagrams_{kind}.qml", QgsMapLayer.StyleCategory.Diagrams)
    renderer = layer.diagramRenderer().clone()
    settings = renderer.diagramSettings()[0]
    settings.categoryLabels = function_labels()
    renderer.setDiagramSettings(settings)
    if kind == "pie":
        renderer.setClassificationAttributeExpression(QgsExpression.quotedColumnRef(size_field))
        renderer.setUpperValue(float(largest) or 1.0)
        renderer.setDataDefinedSizeLegend(population_legend(float(largest) or 1.0))
    layer.setDiagramRenderer(renderer)
    return renderer


def population_legend(largest):
    """Two nested circles in the legend reading the pies' population: a round value near the
    largest and a quarter of it (half the diameter, the areas being proportional)."""
    top = _round_down(largest)
    legend = QgsDataDefinedSizeLegend()
    legend.setTitle(tr("Population (area of the pies)"))
    legend.setLegendType(QgsDataDefinedSizeLegend.LegendType.LegendCollapsed)
    legend.setSymbol(QgsMarkerSymbol.createSimple({"color": "255,255,255,0", "outline_color": "#4d4d4d",
                                                   "outline_width": "0.2"}))
    locale = QLocale()
    legend.setClasses([QgsDataDefinedSizeLegend.SizeClass(value, locale.toString(int(value)))
                       for value in (top, _round_down(top / 4))])
    return legend


def _round_down(value):
    """``value`` rounded down to its first two significant digits (31 427 → 31 000)."""
    if value < 100:
        return max(1.0, float(int(value)))
    step = 10 ** (len(str(int(value))) - 2)
    return float(int(value) // step * step)


CHANGE_FIELD = "evol_centralite"  # core/trajectory.CHANGE_FIELD
NEUTRAL_BAND = 2.0  # points: a change of the composite within ±2 is drawn as stable
STRONG_CHANGE = 5.0


def apply_change_style(layer, neutral=NEUTRAL_BAND, field=CHANGE_FIELD):
    """evolution.qml: the change of the composite between two dates, diverging — losses in red, gains in
    blue — around a neutral band of ±``neutral`` points drawn as stable; with evolution_significative
    (the sensitivity's rank bands), a move within the band is drawn as stable too."""
    load_style(layer, "evolution.qml", QgsMapLayer.StyleCategory.Symbology)
    renderer = layer.renderer()
    if layer.fields().lookupField(BEYOND_BAND_FIELD) >= 0:
        # A move within the commune's rank band (the sensitivity's) is drawn as stable.
        renderer.setClassAttribute(f'CASE WHEN "{BEYOND_BAND_FIELD}" = 0 THEN 0 ELSE "{field}" END')
    else:
        renderer.setClassAttribute(field)
    neutral = abs(float(neutral))
    strong = max(STRONG_CHANGE, 2.0 * neutral)
    edges = [-100.0, -strong, -neutral, neutral, strong, 100.0]
    n, s = _bound(neutral), _bound(strong)
    labels = [tr("Loss of {strong} points or more").format(strong=s),
              tr("Loss of {neutral} to {strong} points").format(neutral=n, strong=s),
              tr("Stable (within {neutral} points)").format(neutral=n),
              tr("Gain of {neutral} to {strong} points").format(neutral=n, strong=s),
              tr("Gain of {strong} points or more").format(strong=s)]
    for index, label in enumerate(labels):
        renderer.updateRangeLowerValue(index, edges[index])
        renderer.updateRangeUpperValue(index, edges[index + 1])
        renderer.updateRangeLabel(index, label)
    layer.triggerRepaint()
    return renderer


# A main centre's name followed by its level move: "Béthune ▲" rose a level, "Lens ▼" fell one.
MOVE_SUFFIX = ("CASE WHEN \"mouvement\" = 'progresse' THEN ' ▲' WHEN \"mouvement\" = 'recule' THEN ' ▼' "
               "ELSE '' END")


def apply_change_labels(layer, label_field):
    """labels.qml on a change layer: the names of the main centres at either date, the most central at the
    later date placed first, each followed by ▲ or ▼ when its level moved."""
    apply_main_centre_labels(layer, label_field)
    settings = layer.labeling().settings()
    name = QgsExpression.quotedColumnRef(label_field)
    settings.fieldName = (f'CASE WHEN "niveau_code_apres" <= 2 OR "niveau_code_avant" <= 2 '
                          f'THEN {name} || {MOVE_SUFFIX} END')
    properties = settings.dataDefinedProperties()
    for key in properties.propertyKeys():  # the template's priority and size read the later date's level and rank
        prop = properties.property(key)
        if prop.expressionString():
            prop.setExpressionString(prop.expressionString().replace('"niveau_code"', '"niveau_code_apres"')
                                     .replace('"rang"', '"rang_apres"'))
            properties.setProperty(key, prop)
    settings.setDataDefinedProperties(properties)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def has_change_style(layer):
    """Whether ``layer`` is drawn by the change of its composite (evolution.qml or the like)."""
    renderer = layer.renderer()
    return isinstance(renderer, QgsGraduatedSymbolRenderer) and CHANGE_FIELD in renderer.classAttribute()


class KeptPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """A layer post-processor held here: QGIS keeps only a pointer, and Python would collect the
    instance before it runs. Post-processors run on the main thread, where touching a project layer is
    safe."""

    _instances = []

    @classmethod
    def create(cls):
        instance = cls()
        KeptPostProcessor._instances.append(instance)
        return instance


class ChangeStyleOnLoad(KeptPostProcessor):
    """Styles centrality_change's output when QGIS desktop loads it: gains and losses, the names of the
    main centres."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if not isinstance(layer, QgsVectorLayer) or layer.fields().lookupField(CHANGE_FIELD) < 0:
            return
        try:
            apply_change_style(layer)
            label_field = name_field(layer.fields().names())
            if label_field:
                apply_change_labels(layer, label_field)
        except StyleFileError as error:
            feedback.reportError(str(error))
        except Exception as error:  # noqa: BLE001 — the layer is loaded: a failed style is said, not raised
            feedback.reportError(tr("The change style could not be applied to {layer}: {error}").format(
                layer=layer.name(), error=error))
        layer.triggerRepaint()


def has_score_style(layer, field):
    renderer = layer.renderer()
    if isinstance(renderer, QgsGraduatedSymbolRenderer):
        return renderer.classAttribute() == field
    return isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == LEVEL_CODE_FIELD


class StyleOnLoad(KeptPostProcessor):
    """Styles a scored layer when QGIS desktop loads it at the end of an algorithm."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if not isinstance(layer, QgsVectorLayer) or layer.fields().lookupField(LEVEL_CODE_FIELD) < 0:
            return
        try:
            apply_level_style(layer)
            label_field = name_field(layer.fields().names())
            if label_field:
                apply_main_centre_labels(layer, label_field)
        except StyleFileError as error:
            feedback.reportError(str(error))
        except Exception as error:  # noqa: BLE001 — the layer is loaded: a failed style is said, not raised
            feedback.reportError(tr("The level style could not be applied to {layer}: {error}").format(
                layer=layer.name(), error=error))
        layer.triggerRepaint()
