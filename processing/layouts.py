"""Building the print layout of the diagnosis: title, map, legend, scale bar, sources."""

import datetime

from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import DISTANCE_KM, LAYOUT_MM, set_label_text_style
from ..i18n import tr

PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
MARGIN = 10.0
TEXT_COLOUR = QColor("#222222")


def build_layout(layer, title, subtitle, sources, paper="A4"):
    """A landscape print layout around ``layer`` in a private project; returns (project, layout).

    The project must be kept alive while the layout is used.
    """
    width, height = PAPERS[paper]
    project = QgsProject()
    project.setCrs(layer.crs())
    project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(title)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, LAYOUT_MM))

    scale = width / 297.0
    title_item = _label(layout, title, 20 * scale, bold=True, item_id="title")
    _place(title_item, MARGIN, MARGIN, width - 2 * MARGIN, 12 * scale)
    subtitle_item = _label(layout, subtitle, 11 * scale, item_id="subtitle")
    _place(subtitle_item, MARGIN, MARGIN + 12 * scale, width - 2 * MARGIN, 8 * scale)

    top = MARGIN + 22 * scale
    legend_width = 70 * scale
    map_width = width - 2 * MARGIN - legend_width - 5
    map_height = height - top - MARGIN - 12 * scale
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setLayers([layer])
    map_item.setCrs(layer.crs())
    layout.addLayoutItem(map_item)
    _place(map_item, MARGIN, top, map_width, map_height)
    extent = layer.extent()
    extent.scale(1.04)
    map_item.zoomToExtent(extent)
    map_item.setFrameEnabled(True)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(tr("Centrality score"))
    legend.setLinkedMap(map_item)
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
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(MARGIN + 3, top + map_height - 12 * scale, LAYOUT_MM))

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
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    return QgsLayoutExporter(layout).exportToPdf(path, settings)


def export_png(layout, path, dpi=150):
    """First page as PNG, rendered by Qt: QgsLayoutExporter.exportToImage would also try
    to georeference the file through GDAL, which cannot update a PNG and logs an error."""
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    if image.isNull() or not image.save(path, "PNG"):
        return QgsLayoutExporter.ExportResult.FileError
    return QgsLayoutExporter.ExportResult.Success


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


def _place(item, x, y, width, height):
    # Resize before moving: a map item moved while still zero-sized ends with an empty extent.
    item.attemptResize(QgsLayoutSize(width, height, LAYOUT_MM))
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MM))
