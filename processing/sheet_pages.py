"""The commune sheets' print layout: resources/layouts/fiche_communale_A4.qpt filled by item id, as an atlas.

The texts and figures of every page are computed once, in pandas (core/sheets.py),
and carried by the atlas' coverage layer: one feature per commune chosen, its
geometry the commune's, its fields the page's texts, the path of its chart
picture and the extent of its locator map. The indicators table is an attribute
table over a table layer of one row per commune and indicator, filtered on the
page's commune. So the export evaluates no aggregate and reads no file per page:
QGIS draws the pages, one PDF for all of them (and, when asked, one per commune).

A user's own template works when it keeps the ids it needs (at least ``map``);
the items it lacks are left out and said.
"""

import datetime
import os

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutTable,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsLayoutTableColumn,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from ..i18n import tr
from .qpt_layouts import LAYOUTS_DIR, load_template

SHEET_TEMPLATE = os.path.join(LAYOUTS_DIR, "fiche_communale_A4.qpt")
# The items the plugin fills; a template without one of them gets a page without it, and the log says so.
SHEET_ITEM_IDS = ("title", "subtitle", "summary", "map", "legend", "chart", "change", "explanation", "indicators",
                  "sources", "date", "page")
PAGE_FIELDS = ("page", "title", "subtitle", "summary", "explanation", "change", "chart", "file")
EXTENT_FIELDS = ("xmin", "ymin", "xmax", "ymax")
ROW_FIELDS = ("page", "function", "indicator", "value", "median", "percentile", "points", "mark")
HIGHLIGHT = "#111111"
MAP_MARGIN = 0.06  # around the commune's intercommunality on the locator map


def headings():
    """The headings of the shipped template's blocks (optional items: a user's template may do without)."""
    return {
        "map_title": tr("Location and levels of centrality"),
        "chart_title": tr("The four functions (scores 0–100)"),
        "change_title": tr("Population and jobs"),
        "explanation_title": tr("Why this score"),
        "indicators_title": tr("Indicators"),
    }


def table_columns():
    """(field, heading, width in mm, alignment right) of the indicators table."""
    return (("function", tr("Function"), 16.0, False), ("indicator", tr("Indicator"), 62.0, False),
            ("value", tr("Value"), 24.0, True), ("median", tr("Territory median"), 24.0, True),
            ("percentile", tr("Percentile"), 14.0, True), ("points", tr("Points"), 11.0, True),
            ("mark", "", 19.0, False))


def fitted_extent(rectangle, ratio, margin=MAP_MARGIN):
    """``rectangle`` grown by ``margin`` and widened or heightened to the map item's width/height ``ratio``."""
    width = max(rectangle.width(), 1.0) * (1 + 2 * margin)
    height = max(rectangle.height(), 1.0) * (1 + 2 * margin)
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = rectangle.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def coverage_layer(crs_authid, pages, geometries, extents):
    """The atlas' coverage: one feature per page (``pages`` rows of PAGE_FIELDS, in page order), the
    commune's geometry, and the locator map's extent."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs_authid}", tr("Communes of the sheets"), "memory")
    fields = [QgsField("page", FIELD_INT)] + [QgsField(name, FIELD_STRING) for name in PAGE_FIELDS[1:]] + [
        QgsField(name, FIELD_DOUBLE) for name in EXTENT_FIELDS]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for page, geometry, extent in zip(pages, geometries, extents):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry if geometry is not None else QgsGeometry())
        feature.setAttributes([page[name] for name in PAGE_FIELDS] + [
            extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": HIGHLIGHT, "outline_width": "0.7", "style": "no"}),
        0, 0, "$id = @atlas_featureid"))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = 'CASE WHEN $id = @atlas_featureid THEN "title" END'
    text = QgsTextFormat.fromQFont(_font(8.0, bold=True))
    text.setColor(QColor(HIGHLIGHT))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.priority = 10
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def rows_layer(rows):
    """The indicators table's rows (``rows``: dicts of ROW_FIELDS) as a table layer, in their order."""
    layer = QgsVectorLayer("None", tr("Indicators of the sheets"), "memory")
    layer.dataProvider().addAttributes([QgsField("page", FIELD_INT)] + [QgsField(name, FIELD_STRING)
                                                                         for name in ROW_FIELDS[1:]])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([row[name] for name in ROW_FIELDS])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _font(size, bold=False):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def load_sheet_template(project, path=""):
    """(layout, missing item ids): the shipped template or the user's ``path``."""
    layout = load_template(project, path or SHEET_TEMPLATE)
    missing = [item_id for item_id in SHEET_ITEM_IDS if _item(layout, item_id) is None]
    return layout, missing


def _item(layout, item_id):
    item = layout.itemById(item_id)
    if item_id == "indicators" and item is not None and not isinstance(item, QgsLayoutFrame):
        return None
    return item


def map_ratio(layout):
    map_item = layout.itemById("map")
    size = map_item.sizeWithUnits()
    return size.width() / max(size.height(), 1e-6)


def chart_size(layout):
    """(width, height) in mm of the chart picture item, None when the template has none."""
    chart = layout.itemById("chart")
    if not isinstance(chart, QgsLayoutItemPicture):
        return None
    return chart.sizeWithUnits().width(), chart.sizeWithUnits().height()


def fill_sheet_layout(layout, project, levels, outlines, coverage, rows, sources, date_text=None):
    """The layout's items filled: ``levels`` (the communes styled by level), ``outlines`` (the
    intercommunalities, or None), ``coverage`` (coverage_layer) and ``rows`` (rows_layer) added to
    ``project``; the atlas over ``coverage`` in page order."""
    layers = [layer for layer in (coverage, outlines, levels) if layer is not None]
    for layer in layers + [rows]:
        project.addMapLayer(layer, False)

    def text(item_id, value):
        item = layout.itemById(item_id)
        if isinstance(item, QgsLayoutItemLabel):
            item.setText(value)

    for item_id in ("title", "subtitle", "summary", "explanation", "change"):
        text(item_id, f'[% "{item_id}" %]')
    for item_id, heading in headings().items():
        text(item_id, heading)
    text("sources", sources)
    text("date", date_text if date_text is not None else datetime.date.today().strftime("%d/%m/%Y"))
    text("page", tr("Page {page} of {count}").format(page="[% @atlas_featurenumber %]",
                                                       count="[% @atlas_totalfeatures %]"))

    map_item = layout.itemById("map")
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setCrs(levels.crs())
    map_item.setAtlasDriven(False)  # its extent is the page's intercommunality, read from the coverage
    properties = map_item.dataDefinedProperties()
    for name, prop in zip(EXTENT_FIELDS, (QgsLayoutObject.DataDefinedProperty.MapXMin,
                                          QgsLayoutObject.DataDefinedProperty.MapYMin,
                                          QgsLayoutObject.DataDefinedProperty.MapXMax,
                                          QgsLayoutObject.DataDefinedProperty.MapYMax)):
        properties.setProperty(prop, QgsProperty.fromField(name))
    map_item.setDataDefinedProperties(properties)

    legend = layout.itemById("legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setLinkedMap(map_item)
        legend.setLegendFilterByMapEnabled(False)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        node = root.addLayer(levels)
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)  # the heading names it
        legend.refresh()

    chart = layout.itemById("chart")
    if isinstance(chart, QgsLayoutItemPicture):
        chart.dataDefinedProperties().setProperty(QgsLayoutObject.DataDefinedProperty.PictureSource,
                                                  QgsProperty.fromField("chart"))

    frame = _item(layout, "indicators")
    if frame is not None and isinstance(frame.multiFrame(), QgsLayoutItemAttributeTable):
        table = frame.multiFrame()
        table.setVectorLayer(rows)
        columns = []
        for name, heading, width, right in table_columns():
            column = QgsLayoutTableColumn(heading)
            column.setAttribute(name)
            column.setWidth(width)
            if right:
                column.setHAlignment(_align_right())
            columns.append(column)
        table.setColumns(columns)
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setFilterFeatures(True)
        table.setFeatureFilter("\"page\" = attribute(@atlas_feature, 'page')")
        table.setMaximumNumberOfFeatures(200)
        table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.EmptyTableMode.ShowMessage)
        table.setEmptyTableMessage(tr("No indicator: the profile has none the layer can compute."))

    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setPageNameExpression('"title"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page"')
    atlas.setFilenameExpression('"file"')
    atlas.setEnabled(True)
    return layout


def _align_right():
    from qgis.PyQt.QtCore import Qt

    return Qt.AlignmentFlag.AlignRight


def pdf_settings(dpi=150):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.appendGeoreference = False
    settings.exportMetadata = False
    settings.simplifyGeometries = True
    # Texts as text: searchable, and read back by pdftotext.
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def export_sheets(layout, path, feedback=None, dpi=150):
    """Every page into the PDF ``path``; returns (result, error text)."""
    return QgsLayoutExporter.exportToPdf(layout.atlas(), path, pdf_settings(dpi), feedback)


def export_sheet_files(layout, folder, feedback=None, dpi=150):
    """One PDF per page in ``folder``, named by the coverage's "file" field; returns (result, error text)."""
    return QgsLayoutExporter.exportToPdfs(layout.atlas(), os.path.join(folder, "sheet.pdf"), pdf_settings(dpi),
                                          feedback)


def private_project(crs):
    project = QgsProject()
    project.setCrs(crs)
    return project

