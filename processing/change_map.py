"""The change between two dates in the print layout (a centrality_change output): the change style, the main
centres' names with their level move, and a layer of ▲ ▼ markers on the main centres whose level moved."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsField,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ..compat import FIELD_STRING, is_null
from ..core.trajectory import AFTER, BEFORE, FELL, MOVE_FIELD, ROSE, census_dates, dated_field
from ..core.vocabulary import LEVEL_CODE_FIELD, LEVEL_FIELD, name_field
from ..i18n import tr
from .qml_styles import apply_change_labels, apply_change_style, has_change_style

MAIN_LEVEL = 3  # the main centres: majeure, structurante or intermédiaire at either date
MARKER_COLOURS = {ROSE: "#0571b0", FELL: "#ca0020"}  # evolution.qml's strongest gain and loss


def style_change_layer(layer):
    """The layout's copy of a change layer: its own change style kept (or the one stored with it), else
    evolution.qml; the main centres named with their move."""
    if not has_change_style(layer):
        layer.loadDefaultStyle()
    if not has_change_style(layer):
        apply_change_style(layer)
    label_field = name_field(layer.fields().names())
    if label_field and not layer.labelsEnabled():
        apply_change_labels(layer, label_field)
    layer.setName(tr("Composite score, change in points"))


def period(layer):
    """"2013 → 2018", or "" when the census years cannot be told from the layer's columns."""
    years = census_dates(layer.fields().names())
    return f"{years[BEFORE]} → {years[AFTER]}" if years else ""


def move_markers(layer):
    """A point layer (a point inside each commune) of the main centres whose level moved, ▲ blue when it rose a
    level, ▼ red when it fell; None when none moved. Fields: the name, the move, the two levels."""
    names = layer.fields().names()
    label_field = name_field(names)
    markers = QgsVectorLayer(f"Point?crs={layer.crs().authid()}", tr("Level moves of the main centres"), "memory")
    fields = [QgsField(name, FIELD_STRING) for name in ("nom", MOVE_FIELD, dated_field(LEVEL_FIELD, BEFORE),
                                                          dated_field(LEVEL_FIELD, AFTER))]
    markers.dataProvider().addAttributes(fields)
    markers.updateFields()
    before, after = dated_field(LEVEL_CODE_FIELD, BEFORE), dated_field(LEVEL_CODE_FIELD, AFTER)
    features = []
    for feature in layer.getFeatures():
        move = feature[MOVE_FIELD]
        if move not in (ROSE, FELL) or not feature.hasGeometry():
            continue
        codes = [feature[before], feature[after]]
        if not any(not is_null(code) and int(code) <= MAIN_LEVEL for code in codes):
            continue
        point = QgsFeature(markers.fields())
        point.setGeometry(feature.geometry().pointOnSurface())
        point.setAttributes([str(feature[label_field]) if label_field else "", move,
                             feature[dated_field(LEVEL_FIELD, BEFORE)], feature[dated_field(LEVEL_FIELD, AFTER)]])
        features.append(point)
    if not features:
        return None
    markers.dataProvider().addFeatures(features)
    markers.updateExtents()
    categories = []
    for move, label, angle in ((ROSE, tr("rose a level"), 0),
                               (FELL, tr("fell a level"), 180)):
        symbol = QgsMarkerSymbol.createSimple({"name": "triangle", "color": MARKER_COLOURS[move], "size": "3.4",
                                               "outline_color": "#ffffff", "outline_width": "0.35",
                                               "angle": str(angle)})
        categories.append(QgsRendererCategory(move, symbol, label))
    markers.setRenderer(QgsCategorizedSymbolRenderer(MOVE_FIELD, categories))
    return markers
