"""Building the print layout of the diagnosis: title, map, legend, scale bar, sources."""

import datetime
import os

from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import DISTANCE_KM, FIT_SEGMENT_WIDTH, LAYOUT_MM, is_null, set_label_text_style
from ..i18n import tr

PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
MARGIN = 10.0
TEXT_COLOUR = QColor("#222222")
OUTLINE_NAME = "name"  # the field of the dissolved outlines that names each group
NORTH_ARROW = "/usr/share/qgis/svg/arrows/NorthArrow_02.svg"


def dissolved_outlines(layer, field, name):
    """A memory layer with one polygon per value of ``field`` (e.g. each intercommunality)."""
    groups = {}
    for feature in layer.getFeatures():
        value = feature[field]
        if is_null(value) or not feature.hasGeometry():
            continue
        groups.setdefault(str(value), []).append(feature.geometry())
    outlines = QgsVectorLayer(f"MultiPolygon?crs={layer.crs().authid()}&field={OUTLINE_NAME}:string(254)", name, "memory")
    features = []
    for value in sorted(groups):
        feature = QgsFeature(outlines.fields())
        feature.setGeometry(QgsGeometry.unaryUnion(groups[value]))
        feature.setAttributes([value])
        features.append(feature)
    outlines.dataProvider().addFeatures(features)
    outlines.updateExtents()
    outlines.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#252525", "outline_width": "0.5", "style": "no"})))
    return outlines


def _atlas(layout, map_item, coverage, communes, x, y, width, height):
    """One page per coverage feature, the main map following it, an inset showing where it lies."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setPageNameExpression(f'"{OUTLINE_NAME}"')
    atlas.setEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.08)
    inset = _map(layout, "inset", [coverage], communes, (x, y, width, height), margin=1.05)
    overview = QgsLayoutItemMapOverview("page", inset)
    overview.setLinkedMap(map_item)
    overview.setFrameSymbol(QgsFillSymbol.createSimple({"color": "189,0,38,90", "outline_color": "#bd0026", "outline_width": "0.4"}))
    inset.overviews().addOverview(overview)


def build_layout(layer, title, subtitle, sources, paper="A4", legend_title="", outlines=None, atlas=False):
    """A landscape print layout around ``layer`` in a private project; returns (project, layout).

    ``outlines`` (a polygon layer, e.g. intercommunalities) is drawn over the communes; with
    ``atlas`` it also drives one page per feature, with an inset locating the page in the
    whole territory. The project must be kept alive while the layout is used.
    """
    width, height = PAPERS[paper]
    project = QgsProject()
    project.setCrs(layer.crs())
    project.addMapLayer(layer)
    map_layers = [layer]
    if outlines is not None:
        project.addMapLayer(outlines)
        map_layers.insert(0, outlines)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(title)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, LAYOUT_MM))

    scale = width / 297.0
    if atlas:
        # The page's group names the page; the general title moves to the subtitle line.
        subtitle = f"{title} — {subtitle}" if subtitle else title
        title = f'[% "{OUTLINE_NAME}" %]'  # expression evaluated per atlas page
    title_item = _label(layout, title, 20 * scale, bold=True, item_id="title")
    _place(title_item, MARGIN, MARGIN, width - 2 * MARGIN, 12 * scale)
    subtitle_item = _label(layout, subtitle, 11 * scale, item_id="subtitle")
    _place(subtitle_item, MARGIN, MARGIN + 12 * scale, width - 2 * MARGIN, 8 * scale)

    top = MARGIN + 22 * scale
    legend_width = 70 * scale
    map_width = width - 2 * MARGIN - legend_width - 5
    map_height = height - top - MARGIN - 12 * scale
    map_item = _map(layout, "map", map_layers, layer, (MARGIN, top, map_width, map_height), margin=1.04)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(legend_title or tr("Centrality score"))
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(False)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(MARGIN + map_width + 5, top, LAYOUT_MM))

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(DISTANCE_KM)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(5.0)
    scalebar.setSegmentSizeMode(FIT_SEGMENT_WIDTH)
    scalebar.setMinimumBarWidth(15.0 * scale)
    scalebar.setMaximumBarWidth(40.0 * scale)
    scalebar.setBackgroundEnabled(True)  # readable over dark communes
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(MARGIN + 2, top + map_height - 13 * scale, LAYOUT_MM))

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(NORTH_ARROW)
    arrow.setLinkedMap(map_item)
    arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    layout.addLayoutItem(arrow)
    _place(arrow, MARGIN + map_width - 14 * scale, top + 3, 10 * scale, 12 * scale)

    if atlas and outlines is not None:
        _atlas(layout, map_item, outlines, layer, MARGIN + map_width + 5, top + map_height - 45 * scale,
               legend_width - 5, 45 * scale)
    sources_item = _label(layout, sources, 7.5 * scale, item_id="sources")
    _place(sources_item, MARGIN, height - MARGIN - 9 * scale, width - 2 * MARGIN, 9 * scale)
    return project, layout


def default_sources(version, vintage=""):
    today = datetime.date.today().strftime("%d/%m/%Y")
    data = vintage or tr("INSEE (census, territory comparator base, BPE)")
    return tr("Sources: {data}; IGN, ADMIN EXPRESS. Produced with Centralités {version}, {date}.").format(
        data=data, version=version, date=today
    )


def export_pdf(layout, path, dpi=300):
    """The layout, or every atlas page into one PDF."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    if layout.atlas().enabled():
        result, _ = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings)
        return result
    return QgsLayoutExporter(layout).exportToPdf(path, settings)


def export_png(layout, path, dpi=150):
    """The page as PNG (atlas: one file per page, numbered), rendered by Qt.

    QgsLayoutExporter.exportToImage would also try to georeference the file
    through GDAL, which cannot update a PNG and logs an error. Returns the result
    and the paths written.
    """
    exporter = QgsLayoutExporter(layout)
    atlas = layout.atlas()
    if not atlas.enabled():
        image = exporter.renderPageToImage(0, QSize(), dpi)
        ok = not image.isNull() and image.save(path, "PNG")
        return (QgsLayoutExporter.ExportResult.Success if ok else QgsLayoutExporter.ExportResult.FileError), [path]
    root, extension = os.path.splitext(path)
    written = []
    atlas.beginRender()
    for page in range(atlas.count()):
        atlas.seekTo(page)
        target = f"{root}_{page + 1:02d}{extension}"
        image = exporter.renderPageToImage(0, QSize(), dpi)
        if image.isNull() or not image.save(target, "PNG"):
            atlas.endRender()
            return QgsLayoutExporter.ExportResult.FileError, written
        written.append(target)
    atlas.endRender()
    return QgsLayoutExporter.ExportResult.Success, written


def _label(layout, text, size, bold=False, item_id=""):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    set_label_text_style(label, font, TEXT_COLOUR)
    layout.addLayoutItem(label)
    return label


def _map(layout, item_id, layers, extent_layer, box, margin):
    """A framed map item showing ``layers``, zoomed on ``extent_layer`` with a margin factor."""
    item = QgsLayoutItemMap(layout)
    item.setId(item_id)
    item.setLayers(layers)
    item.setCrs(extent_layer.crs())
    layout.addLayoutItem(item)
    _place(item, *box)
    extent = extent_layer.extent()
    extent.scale(margin)
    item.zoomToExtent(extent)
    item.setFrameEnabled(True)
    return item


def _place(item, x, y, width, height):
    # Resize before moving: a map item moved while still zero-sized ends with an empty extent.
    item.attemptResize(QgsLayoutSize(width, height, LAYOUT_MM))
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MM))
