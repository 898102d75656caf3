"""Regenerate the shipped styles (resources/styles/*.qml) and layout templates (resources/layouts/*.qpt).

The QML and QPT files are what the plugin loads at run time; this script is how
they were made, kept so that a change of colour or of a layout's geometry is made
once, here, and written again with `python scripts/build_cartography.py`. The files
can as well be edited in QGIS (Layer Properties → Style → Save Style; Layout →
Save as Template) as long as the item ids and the style categories stay.

Texts written in the files are English placeholders: the plugin replaces them at
run time with translated text (legend labels, titles, sources, date).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

STYLES = os.path.join(PLUGIN_ROOT, "resources", "styles")
LAYOUTS = os.path.join(PLUGIN_ROOT, "resources", "layouts")

# ColorBrewer YlOrRd, 5 classes: sequential and safe for the common colour-vision deficiencies.
SCORE_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
# Levels 1 (majeure) to 5 (hors centralité): ColorBrewer RdPu, darker = more central.
LEVEL_COLOURS = ("#7a0177", "#c51b8a", "#f768a1", "#fbb4b9", "#f7f4f9")
LEVEL_LABELS = ("Major centre", "Structuring centre", "Intermediate centre", "Local centre", "Not a centre")
NO_DATA_LABEL = "Not scored (no data)"
# The four functions, ColorBrewer Set2 (distinct for colour-blind readers); the chart uses the same.
FUNCTION_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3")
FUNCTION_LABELS = ("Habiter", "Travailler", "Consommer", "Services")
FUNCTIONS = ("habiter", "travailler", "consommer", "services")
NO_DATA_COLOUR = "#d9d9d9"
OUTLINE_COLOUR = "#6e6e6e"
MAX_LEVEL = 2  # labels and diagrams for the major and structuring centres
# The change of the composite between two dates (centrality_change's evol_centralite), in points:
# ColorBrewer RdBu reversed (losses red, gains blue, safe for colour-blind readers) around a neutral
# band; the plugin moves the band's bounds (qml_styles.apply_change_style).
CHANGE_CLASSES = ((-100.0, -5.0, "#ca0020", "Loss of 5 points or more"),
                  (-5.0, -2.0, "#f4a582", "Loss of 2 to 5 points"),
                  (-2.0, 2.0, "#f7f7f7", "Stable (within 2 points)"), (2.0, 5.0, "#92c5de", "Gain of 2 to 5 points"),
                  (5.0, 100.0, "#0571b0", "Gain of 5 points or more"))


def fill(colour, outline=OUTLINE_COLOUR, width="0.1"):
    from qgis.core import QgsFillSymbol

    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": width})


def score_renderer():
    """Graduated template: five equal classes of 0–100; the plugin re-classifies on the data."""
    from qgis.core import (
        QgsGradientColorRamp,
        QgsGradientStop,
        QgsGraduatedSymbolRenderer,
        QgsRendererRange,
    )
    from qgis.PyQt.QtGui import QColor

    first, *middle, last = SCORE_COLOURS
    stops = [QgsGradientStop((i + 1) / (len(middle) + 1), QColor(c)) for i, c in enumerate(middle)]
    renderer = QgsGraduatedSymbolRenderer("score_centralite")
    renderer.setSourceSymbol(fill(first))
    renderer.setSourceColorRamp(QgsGradientColorRamp(QColor(first), QColor(last), False, stops))
    for i, colour in enumerate(SCORE_COLOURS):
        renderer.addClassRange(QgsRendererRange(i * 20.0, (i + 1) * 20.0, fill(colour), f"{i * 20} to {(i + 1) * 20}"))
    return renderer


def change_renderer():
    """Diverging graduated renderer of evol_centralite: losses, a neutral band, gains."""
    from qgis.core import QgsClassificationCustom, QgsGraduatedSymbolRenderer, QgsRendererRange

    renderer = QgsGraduatedSymbolRenderer("evol_centralite")
    renderer.setSourceSymbol(fill(CHANGE_CLASSES[2][2]))
    for low, high, colour, label in CHANGE_CLASSES:
        renderer.addClassRange(QgsRendererRange(low, high, fill(colour), label))
    renderer.setClassificationMethod(QgsClassificationCustom())
    return renderer


def level_renderer():
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    renderer = QgsCategorizedSymbolRenderer("niveau_code")
    for code, (label, colour) in enumerate(zip(LEVEL_LABELS, LEVEL_COLOURS), start=1):
        renderer.addCategory(QgsRendererCategory(code, fill(colour), label))
    renderer.addCategory(QgsRendererCategory(None, fill(NO_DATA_COLOUR), NO_DATA_LABEL))
    return renderer


# Used only here, to write the shipped files (the plugin reads them): not in compat.py.
def _label_properties():
    from qgis.core import QgsPalLayerSettings

    return (QgsPalLayerSettings.Property.Priority, QgsPalLayerSettings.Property.AlwaysShow,
            QgsPalLayerSettings.Property.IsObstacle)


def _diagram_over_point():
    from qgis.core import QgsDiagramLayerSettings

    return QgsDiagramLayerSettings.Placement.OverPoint


def set_label_text_style(label, font, colour):
    """Font and colour of a layout label (QgsTextFormat from 3.24, setFont before)."""
    if hasattr(label, "setTextFormat"):
        from qgis.core import QgsTextFormat

        text_format = QgsTextFormat.fromQFont(font)
        text_format.setColor(colour)
        label.setTextFormat(text_format)
    else:
        label.setFont(font)
        label.setFontColor(colour)


def main_centre_labels():
    """Names of the main centres (field NOM, replaced at run time), the most central placed first."""
    LABEL_PRIORITY, LABEL_ALWAYS_SHOW, LABEL_IS_OBSTACLE = _label_properties()
    from centralites.compat import LABEL_AROUND_POINT
    from qgis.core import (
        QgsPalLayerSettings,
        QgsProperty,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    settings = QgsPalLayerSettings()
    settings.fieldName = f'CASE WHEN "niveau_code" <= {MAX_LEVEL} THEN "NOM" END'
    settings.isExpression = True
    settings.placement = LABEL_AROUND_POINT
    settings.dist = 1.5  # mm from the centroid, clear of the diagram drawn there
    text = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    text.setFont(font)
    text.setSize(7.5)
    text.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.zIndex = 10.0  # names drawn over the diagrams, which would otherwise hide them
    # Collisions: the engine drops the less important label; rank 1 is the most important.
    settings.dataDefinedProperties().setProperty(LABEL_PRIORITY, QgsProperty.fromExpression('10 - least(9, "rang" / 5)'))
    # The territory's five leading communes are always named, even where diagrams crowd the map (its major
    # centres among them: with national goalposts a territory may have one or two only). Not every major
    # centre: France counts 138, whose names forced onto the map covered each other.
    settings.dataDefinedProperties().setProperty(LABEL_ALWAYS_SHOW, QgsProperty.fromExpression('"rang" <= 5'))
    # Only the named communes are obstacles to the names: the boundaries of all 34,875 communes of France
    # made the labelling engine take 80 s for one map (under a second without names).
    settings.dataDefinedProperties().setProperty(
        LABEL_IS_OBSTACLE, QgsProperty.fromExpression(f'"niveau_code" <= {MAX_LEVEL}'))
    return QgsVectorLayerSimpleLabeling(settings)


def function_diagrams(kind):
    """The four sub-scores of each main centre: a pie whose area follows the population (field
    POPULATION and its maximum replaced at run time), or bars whose length is the score."""
    DIAGRAM_OVER_POINT = _diagram_over_point()
    from centralites.compat import RENDER_MM
    from qgis.core import (
        QgsDiagramLayerSettings,
        QgsDiagramSettings,
        QgsHistogramDiagram,
        QgsLinearlyInterpolatedDiagramRenderer,
        QgsPieDiagram,
        QgsProperty,
    )
    from qgis.PyQt.QtCore import QSizeF
    from qgis.PyQt.QtGui import QColor

    settings = QgsDiagramSettings()
    settings.categoryAttributes = [f'"score_{name}"' for name in FUNCTIONS]
    settings.categoryColors = [QColor(c) for c in FUNCTION_COLOURS]
    settings.categoryLabels = list(FUNCTION_LABELS)
    settings.sizeType = RENDER_MM
    settings.penColor = QColor("#ffffff")
    settings.penWidth = 0.2
    settings.opacity = 0.95
    renderer = QgsLinearlyInterpolatedDiagramRenderer()
    renderer.setLowerValue(0.0)
    renderer.setLowerSize(QSizeF(0.0, 0.0))
    if kind == "pie":
        renderer.setDiagram(QgsPieDiagram())
        settings.scaleByArea = True  # area, not diameter, proportional to population
        renderer.setClassificationAttributeIsExpression(True)
        renderer.setClassificationAttributeExpression('"POPULATION"')
        renderer.setUpperValue(100000.0)
        renderer.setUpperSize(QSizeF(9.0, 9.0))
    else:
        renderer.setDiagram(QgsHistogramDiagram())
        # A bar's length is its score: 100 draws 8 mm, the same scale for every commune.
        settings.barWidth = 1.1
        settings.penColor = QColor("#4d4d4d")
        settings.penWidth = 0.1
        settings.scaleByArea = False
        renderer.setClassificationAttributeIsExpression(True)
        renderer.setClassificationAttributeExpression('"score_centralite"')
        renderer.setUpperValue(100.0)
        renderer.setUpperSize(QSizeF(8.0, 8.0))
    renderer.setDiagramSettings(settings)
    layer_settings = QgsDiagramLayerSettings()
    layer_settings.setPlacement(DIAGRAM_OVER_POINT)
    layer_settings.setShowAllDiagrams(True)
    # Diagrams are obstacles: the names of the centres go beside them, not under them.
    layer_settings.setIsObstacle(True)
    layer_settings.setPriority(0)  # when a diagram and a name compete for room, the name wins
    layer_settings.setZIndex(0.0)
    layer_settings.dataDefinedProperties().setProperty(
        QgsDiagramLayerSettings.Property.Show, QgsProperty.fromExpression(f'"niveau_code" <= {MAX_LEVEL}'))
    return renderer, layer_settings


def write_styles():
    from qgis.core import QgsMapLayer, QgsVectorLayer

    os.makedirs(STYLES, exist_ok=True)
    fields = "".join(f"&field={name}:double" for name in
                     ["score_centralite", "niveau_code", "rang", "POPULATION", "evol_centralite"]
                     + [f"score_{f}" for f in FUNCTIONS])
    categories = QgsMapLayer.StyleCategory

    def save(name, category, setup):
        layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:2154&field=NOM:string{fields}", "communes", "memory")
        setup(layer)
        path = os.path.join(STYLES, name)
        message, ok = layer.saveNamedStyle(path, category)
        if not ok:
            raise SystemExit(f"{path}: {message}")
        print(f"wrote {path}")

    save("score.qml", categories.Symbology, lambda layer: layer.setRenderer(score_renderer()))
    save("niveau.qml", categories.Symbology, lambda layer: layer.setRenderer(level_renderer()))
    save("evolution.qml", categories.Symbology, lambda layer: layer.setRenderer(change_renderer()))

    def labels(layer):
        layer.setLabeling(main_centre_labels())
        layer.setLabelsEnabled(True)

    save("labels.qml", categories.Labeling, labels)
    for kind in ("pie", "bars"):
        def diagrams(layer, kind=kind):
            renderer, settings = function_diagrams(kind)
            layer.setDiagramRenderer(renderer)
            layer.setDiagramLayerSettings(settings)

        save(f"diagrams_{kind}.qml", categories.Diagrams, diagrams)


# Layout templates: landscape pages, every item named by the id the plugin looks for.
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
TEXT_COLOUR = "#222222"
NORTH_ARROW = "arrows/NorthArrow_02.svg"  # in QGIS's own SVG folder, found by name on any system


def layout_template(project, paper):
    """The layout of one paper size; sizes follow the page width (A3 = A4 × 1.41)."""
    from centralites.compat import (
        DISTANCE_KM,
        FIT_SEGMENT_WIDTH,
        LAYOUT_MM,
    )
    from qgis.core import (
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsRectangle,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    width, height = PAPERS[paper]
    k = width / 297.0
    margin = 10.0 * k
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"Centralités {paper}")
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, LAYOUT_MM))

    def place(item, x, y, w, h):
        # Resize before moving: a map item moved while still zero-sized ends with an empty extent.
        item.attemptResize(QgsLayoutSize(w, h, LAYOUT_MM))
        item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MM))

    def label(item_id, text, size, box, bold=False, align=Qt.AlignmentFlag.AlignLeft):
        item = QgsLayoutItemLabel(layout)
        item.setId(item_id)
        item.setText(text)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        set_label_text_style(item, font, QColor(TEXT_COLOUR))
        item.setHAlign(align)
        item.setVAlign(Qt.AlignmentFlag.AlignVCenter)
        layout.addLayoutItem(item)
        place(item, *box)
        return item

    column = 78.0 * k  # the right column: legend, chart, inset
    gap = 4.0 * k
    top = margin + 19.0 * k
    bottom = height - margin - 7.0 * k
    map_width = width - 2 * margin - column - gap
    right = margin + map_width + gap

    label("title", "Title", 18 * k, (margin, margin - 2 * k, width - 2 * margin, 11 * k), bold=True)
    label("subtitle", "Subtitle", 9.5 * k, (margin, margin + 9 * k, width - 2 * margin, 7 * k))

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)
    place(map_item, margin, top, map_width, bottom - top)
    map_item.zoomToExtent(QgsRectangle(600000, 6900000, 700000, 7000000))

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legend")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(True)
    legend.setSymbolWidth(6.0 * k)
    legend.setSymbolHeight(3.6 * k)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 10.5, True), (QgsLegendStyle.Style.Group, 8.5, True),
                              (QgsLegendStyle.Style.Subgroup, 8.0, False), (QgsLegendStyle.Style.SymbolLabel, 7.5, False)):
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size * k)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2 * k)
    layout.addLayoutItem(legend)
    place(legend, right, top, column, 60 * k)

    chart = QgsLayoutItemPicture(layout)
    chart.setId("chart")
    chart.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(chart)
    place(chart, right, top + 72 * k, column, 56 * k)

    inset_height = 34.0 * k
    inset = QgsLayoutItemMap(layout)
    inset.setId("inset")
    inset.setFrameEnabled(True)
    inset.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(inset)
    place(inset, right, bottom - inset_height, column, inset_height)
    inset.zoomToExtent(QgsRectangle(500000, 6800000, 800000, 7100000))

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
    scalebar.setMinimumBarWidth(15.0 * k)
    scalebar.setMaximumBarWidth(40.0 * k)
    scalebar.setHeight(2.0 * k)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5 * k)
    if hasattr(scalebar, "setTextFormat"):
        from qgis.core import QgsTextFormat

        scalebar.setTextFormat(QgsTextFormat.fromQFont(font))
    else:
        scalebar.setFont(font)
    scalebar.setBackgroundEnabled(True)  # readable over dark communes
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(margin + 2 * k, bottom - 13 * k, LAYOUT_MM))

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(f"/usr/share/qgis/svg/{NORTH_ARROW}")
    arrow.setLinkedMap(map_item)
    arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    layout.addLayoutItem(arrow)
    place(arrow, margin + map_width - 12 * k, top + 3 * k, 8 * k, 10 * k)

    label("sources", "Sources", 6.5 * k, (margin, bottom + 1.5 * k, width - 2 * margin - 45 * k, 6 * k))
    label("date", "Date", 6.5 * k, (width - margin - 45 * k, bottom + 1.5 * k, 45 * k, 6 * k),
          align=Qt.AlignmentFlag.AlignRight)
    # The layers, the atlas, the inset's overview frame and the texts are set by the plugin.
    return layout


# The commune sheet (fiche communale): one A4 portrait page per commune, an atlas filled by the plugin.
SHEET_PAGE = (210.0, 297.0)
SHEET_ACCENT = "#7a0177"  # the colour of the major centres: the sheet's headings


def sheet_template(project):
    """The commune sheet's page: header, locator map and its legend, the four functions' chart, the change
    of population and jobs, the explanation, the indicators table, sources, date and page number. Every
    item is named by the id the plugin fills (processing/sheet_pages.py SHEET_ITEM_IDS)."""
    from centralites.compat import LAYOUT_MM
    from qgis.core import (
        QgsLayoutFrame,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemShape,
        QgsLayoutMultiFrame,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsRectangle,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    width, height = SHEET_PAGE
    margin = 12.0
    inner = width - 2 * margin
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Fiche communale A4")
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width, height, LAYOUT_MM))

    def place(item, x, y, w, h):
        item.attemptResize(QgsLayoutSize(w, h, LAYOUT_MM))
        item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MM))

    def label(item_id, text, size, box, bold=False, align=Qt.AlignmentFlag.AlignLeft, colour=TEXT_COLOUR,
              valign=Qt.AlignmentFlag.AlignTop):
        item = QgsLayoutItemLabel(layout)
        item.setId(item_id)
        item.setText(text)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        set_label_text_style(item, font, QColor(colour))
        item.setHAlign(align)
        item.setVAlign(valign)
        layout.addLayoutItem(item)
        place(item, *box)
        return item

    band = QgsLayoutItemShape(layout)  # the header's coloured rule
    band.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    from qgis.core import QgsFillSymbol

    band.setSymbol(QgsFillSymbol.createSimple({"color": SHEET_ACCENT, "outline_style": "no"}))
    layout.addLayoutItem(band)
    place(band, margin, 35.0, inner, 0.8)

    label("title", "Commune", 20, (margin, 9.0, inner, 10.0), bold=True, colour=SHEET_ACCENT,
          valign=Qt.AlignmentFlag.AlignVCenter)
    label("subtitle", "Code · intercommunality", 9, (margin, 19.5, inner, 5.5))
    label("summary", "Level · rank · score", 9, (margin, 25.5, inner, 9.0), bold=True)

    top = 39.0
    column = (inner - 6.0) / 2
    right = margin + column + 6.0
    label("map_title", "Location", 8.5, (margin, top, column, 5.0), bold=True, colour=SHEET_ACCENT)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)
    place(map_item, margin, top + 5.5, column, 70.0)
    map_item.zoomToExtent(QgsRectangle(640000, 7020000, 700000, 7060000))

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(True)  # never clipped: six classes in three columns of two rows
    legend.setColumnCount(3)
    legend.setColumnSpace(2.0)
    legend.setEqualColumnWidth(False)
    legend.setSplitLayer(True)
    legend.setSymbolWidth(3.6)
    legend.setSymbolHeight(2.4)
    legend.setBoxSpace(0.5)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 7.0, True), (QgsLegendStyle.Style.Group, 6.5, True),
                              (QgsLegendStyle.Style.Subgroup, 6.5, False),
                              (QgsLegendStyle.Style.SymbolLabel, 6.0, False)):
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.0)
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Left, 1.0)
    layout.addLayoutItem(legend)
    place(legend, margin, top + 76.5, column, 14.0)

    label("chart_title", "The four functions", 8.5, (right, top, column, 5.0), bold=True, colour=SHEET_ACCENT)
    chart = QgsLayoutItemPicture(layout)
    chart.setId("chart")
    chart.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(chart)
    place(chart, right, top + 5.5, column, 56.0)
    label("change_title", "Population and jobs", 8.5, (right, top + 63.0, column, 5.0), bold=True,
          colour=SHEET_ACCENT)
    label("change", "Change between the two censuses", 7.5, (right, top + 68.5, column, 22.0))

    label("explanation_title", "Why this score", 8.5, (margin, 131.0, inner, 5.0), bold=True, colour=SHEET_ACCENT)
    label("explanation", "Sentences", 8.5, (margin, 136.5, inner, 27.0))

    label("indicators_title", "Indicators", 8.5, (margin, 165.0, inner, 5.0), bold=True, colour=SHEET_ACCENT)
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    for setter, size, bold in (("Header", 7.0, True), ("Content", 7.0, False)):
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        if hasattr(table, f"set{setter}TextFormat"):
            from qgis.core import QgsTextFormat

            text_format = QgsTextFormat.fromQFont(font)
            text_format.setColor(QColor(TEXT_COLOUR))
            getattr(table, f"set{setter}TextFormat")(text_format)
        else:
            getattr(table, f"set{setter}Font")(font)
            getattr(table, f"set{setter}FontColor")(QColor(TEXT_COLOUR))
    table.setCellMargin(1.0)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bdbdbd"))
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setMaximumNumberOfFeatures(60)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("indicators")
    place(frame, margin, 170.5, inner, 98.0)
    table.addFrame(frame)

    label("sources", "Sources", 6.5, (margin, 272.0, inner - 42.0, 14.0))
    label("date", "Date", 6.5, (width - margin - 40.0, 272.0, 40.0, 5.0), align=Qt.AlignmentFlag.AlignRight)
    label("page", "Page", 6.5, (width - margin - 40.0, 277.5, 40.0, 5.0), align=Qt.AlignmentFlag.AlignRight)
    # The atlas, the layers, the table's source and columns and every text are set by the plugin.
    return layout


def write_layouts():
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsReadWriteContext

    os.makedirs(LAYOUTS, exist_ok=True)
    for paper in PAPERS:
        project = QgsProject()
        project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
        layout = layout_template(project, paper)
        path = os.path.join(LAYOUTS, f"centralites_{paper}.qpt")
        if not layout.saveAsTemplate(path, QgsReadWriteContext()):
            raise SystemExit(f"could not write {path}")
        print(f"wrote {path}")
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    layout = sheet_template(project)
    path = os.path.join(LAYOUTS, "fiche_communale_A4.qpt")
    if not layout.saveAsTemplate(path, QgsReadWriteContext()):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")


if __name__ == "__main__":
    app = start_qgis()
    write_styles()
    write_layouts()
