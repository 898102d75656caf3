"""The print layout of the diagnosis: a .qpt template of resources/layouts filled with the layers.

The template fixes the page, fonts and places; its items are found by id and
filled here: texts, layers of the main map and the inset, legend, atlas, the
chart picture. A user's own template works when it keeps the ids it needs
(at least ``map``); items it lacks are left out. scripts/build_cartography.py
writes the shipped templates.
"""

import datetime
import os

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDataProvider,
    QgsCsException,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSize

from ..compat import DIAGRAM_SHOW, LAYOUT_MM, REQUEST_NO_GEOMETRY, is_null, write_vector_layer
from ..core.editions import VINTAGE_FIELD
from ..i18n import tr
from .qml_styles import read_xml

LAYOUTS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "layouts")
# Metropolitan départements, generalised (scripts/build_context_layer.py): the single-page inset's context.
DEPARTEMENTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "context", "departements.gpkg")
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ITEM_IDS = ("title", "subtitle", "map", "legend", "scalebar", "north_arrow", "inset", "chart", "sources", "date")
OUTLINE_NAME = "name"  # the field of the dissolved outlines that names each group
HIGHLIGHT = "#bd0026"
MIN_CHART_HEIGHT = 30.0  # mm on A4: below, the chart's names would be unreadable


class LayoutTemplateError(Exception):
    """A template that is missing, not a QGIS layout, or without a map item."""


def template_path(paper):
    return os.path.join(LAYOUTS_DIR, f"centralites_{paper}.qpt")


def load_template(project, path):
    """A QgsPrintLayout of ``project`` made from the .qpt file at ``path``."""
    if not os.path.exists(path):
        raise LayoutTemplateError(tr("The layout template {path} does not exist.").format(path=path))
    document = read_xml(path)
    layout = QgsPrintLayout(project)
    if document is None:
        raise LayoutTemplateError(tr("The layout template {path} is not an XML file.").format(path=path))
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok or not isinstance(layout.itemById("map"), QgsLayoutItemMap):
        raise LayoutTemplateError(tr("The layout template {path} has no map item of id 'map': give the main map "
                                     "that id in the layout's Item Properties.").format(path=path))
    return layout


def dissolved_outlines(layer, field, name):
    """A memory layer with one polygon per value of ``field`` (e.g. each intercommunality)."""
    groups = {}
    for feature in layer.getFeatures():
        value = feature[field]
        if is_null(value) or not feature.hasGeometry():
            continue
        groups.setdefault(str(value), []).append(feature.geometry())
    outlines = _memory_polygons(layer.crs().authid(), name, [(value, QgsGeometry.unaryUnion(groups[value]))
                                                              for value in sorted(groups)])
    outlines.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#252525", "outline_width": "0.5", "style": "no"})))
    return outlines


def _memory_polygons(authid, name, rows):
    layer = QgsVectorLayer(f"MultiPolygon?crs={authid}&field={OUTLINE_NAME}:string(254)", name, "memory")
    features = []
    for value, geometry in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _copy(outlines, name, renderer):
    copy = _memory_polygons(outlines.crs().authid(), name,
                            [(f[OUTLINE_NAME], f.geometry()) for f in outlines.getFeatures()])
    copy.setRenderer(renderer)
    return copy


def _rules(*rules):
    """A rule-based renderer from (filter expression, symbol properties) pairs."""
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, properties in rules:
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(properties), 0, 0, expression))
    return QgsRuleBasedRenderer(root)


CURRENT_GROUP = f'"{OUTLINE_NAME}" = attribute(@atlas_feature, \'{OUTLINE_NAME}\')'


def atlas_veil(outlines):
    """Fades the communes outside the atlas page's group: white at 60 % over the other groups."""
    return _copy(outlines, tr("Other groups (faded)"), _rules(
        (f"NOT ({CURRENT_GROUP})", {"color": "255,255,255,153", "outline_style": "no"})))


def fade_labels_outside(layer, group_field):
    """On atlas pages, the names of the communes of the other groups in grey and smaller, so the
    eye stays on the page's group (``layer`` is the layout's own copy: the user's layer keeps its labels)."""
    labeling = layer.labeling()
    if not layer.labelsEnabled() or not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    current = (f"to_string({QgsExpression.quotedColumnRef(group_field)}) = "
               f"attribute(@atlas_feature, '{OUTLINE_NAME}')")
    size = settings.format().size()
    properties = settings.dataDefinedProperties()
    properties.setProperty(QgsPalLayerSettings.Property.Color,
                           QgsProperty.fromExpression(f"if({current}, '#1a1a1a', '#737373')"))
    properties.setProperty(QgsPalLayerSettings.Property.Size,
                           QgsProperty.fromExpression(f"if({current}, {size}, {size * 0.85:.2f})"))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def diagrams_only_inside(layer, group_field):
    """On atlas pages, the four functions' diagrams of the page's group only: the veil fades the
    other communes, but diagrams are drawn above every layer and would not fade with them."""
    renderer = layer.diagramRenderer()
    if renderer is None:
        return
    settings = layer.diagramLayerSettings()
    properties = settings.dataDefinedProperties()
    properties.setProperty(DIAGRAM_SHOW, QgsProperty.fromExpression(
        f"to_string({QgsExpression.quotedColumnRef(group_field)}) = attribute(@atlas_feature, '{OUTLINE_NAME}')"))
    settings.setDataDefinedProperties(properties)
    layer.setDiagramLayerSettings(settings)


def inset_groups(outlines):
    """The groups in the inset, the atlas page's one in the highlight colour."""
    return _copy(outlines, tr("Location"), _rules(
        (CURRENT_GROUP, {"color": HIGHLIGHT, "outline_color": "#252525", "outline_width": "0.2"}),
        (f"NOT ({CURRENT_GROUP})", {"color": "#e0e0e0", "outline_color": "#737373", "outline_width": "0.15"})))


def context_grey(context_layer):
    """A copy of the inset's context layer (e.g. the départements) in light grey: the user's layer,
    which may belong to a project or to the algorithm's context, is neither moved nor restyled."""
    copy = context_layer.clone()
    copy.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#e0e0e0", "outline_color": "#737373", "outline_width": "0.15"})))
    copy.setLabelsEnabled(False)
    return copy


def default_context_layer(layer, transform_context):
    """The shipped départements when they cover the territory (metropolitan France), else None."""
    departements = QgsVectorLayer(f"{DEPARTEMENTS}|layername=departements", tr("Départements"), "ogr")
    if not departements.isValid():
        return None
    transform = QgsCoordinateTransform(layer.crs(), departements.crs(), transform_context)
    try:
        extent = transform.transformBoundingBox(layer.extent())
    except QgsCsException:
        return None
    return departements if departements.extent().contains(extent.center()) else None


def territory_outline(layer):
    """The whole territory as one polygon in the highlight colour, for the single-page inset."""
    geometry = QgsGeometry.unaryUnion([f.geometry() for f in layer.getFeatures() if f.hasGeometry()])
    outline = _memory_polygons(layer.crs().authid(), tr("Territory"), [(tr("Territory"), geometry)])
    outline.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": HIGHLIGHT, "outline_color": HIGHLIGHT, "outline_width": "0.3"})))
    return outline


def build_layout(layer, title, subtitle, sources, paper="A4", legend_title="", outlines=None, atlas=False,
                 context_layer=None, template="", project=None, date_text=None, notes=None, added=None, overlays=()):
    """A landscape print layout around ``layer``; returns (project, layout).

    ``outlines`` (a polygon layer, e.g. intercommunalities) is drawn over the communes; with
    ``atlas`` it also drives one page per feature, the other groups faded and an inset locating
    the page's group. Without atlas, the inset shows the territory over ``context_layer`` (e.g. the
    départements) when given. ``overlays`` (e.g. the markers of the level moves) are drawn just above the
    communes, under the atlas veil, and join the legend. ``project`` is a private QgsProject by default; the layers not in it
    are added (and listed in ``added``). The project must be kept alive while the layout is used.
    ``notes`` (a list) receives what was left out, for the user.
    """
    notes = notes if notes is not None else []
    added = added if added is not None else []
    if project is None:
        project = QgsProject()
        project.setCrs(layer.crs())
    layout = load_template(project, template or template_path(paper))
    layout.setName(title)
    items = {item_id: layout.itemById(item_id) for item_id in ITEM_IDS}
    missing = [item_id for item_id, item in items.items() if item is None]
    if missing:
        notes.append(tr("The layout template has no item of id {ids}: left out.").format(ids=", ".join(missing)))

    def add(map_layer):
        if project.mapLayer(map_layer.id()) is None:
            project.addMapLayer(map_layer, False)  # not in the layer tree: the layout only
            added.append(map_layer)
        return map_layer

    add(layer)
    map_layers = [add(overlay) for overlay in overlays] + [layer]
    veil = None
    if outlines is not None:
        add(outlines)
        map_layers.insert(0, outlines)
        if atlas:
            veil = add(atlas_veil(outlines))
            map_layers.insert(1, veil)

    if atlas:
        # The page's group names the page; the general title moves to the subtitle line.
        subtitle = f"{title} — {subtitle}" if subtitle else title
        title = f'[% "{OUTLINE_NAME}" %]'  # expression evaluated per atlas page
    _set_text(items["title"], title)
    _set_text(items["subtitle"], subtitle)
    _set_text(items["sources"], sources)
    _set_text(items["date"], date_text if date_text is not None else datetime.date.today().strftime("%d/%m/%Y"))

    map_item = items["map"]
    map_item.setLayers(map_layers)
    map_item.setKeepLayerSet(True)
    map_item.setCrs(layer.crs())
    extent = layer.extent()
    extent.scale(1.04)
    map_item.zoomToExtent(extent)

    if items["legend"] is not None:
        _fill_legend(items["legend"], map_item, [lyr for lyr in map_layers if lyr is not veil],
                     legend_title or tr("Centrality score"))
    if items["scalebar"] is not None:
        items["scalebar"].setLinkedMap(map_item)
        items["scalebar"].update()
    if items["north_arrow"] is not None:
        items["north_arrow"].setLinkedMap(map_item)

    inset = items["inset"]
    if atlas and outlines is not None:
        _atlas(layout, map_item, outlines)
        if inset is not None:
            _fill_inset(inset, map_item, [add(inset_groups(outlines))], outlines, overview=True,
                        transform_context=project.transformContext())
    elif inset is not None:
        context_layer = context_layer or default_context_layer(layer, project.transformContext())
        if context_layer is not None:
            context = context_grey(context_layer)
            _fill_inset(inset, map_item, [add(territory_outline(layer)), add(context)], context, crs=layer.crs(),
                        transform_context=project.transformContext())
        else:
            layout.removeLayoutItem(inset)
            items["inset"] = None
            notes.append(tr("No inset: the territory is outside metropolitan France, whose départements the "
                            "plugin ships; give a context layer to locate it in (INSET_LAYER)."))
    _stack_right_column(layout, items)
    return project, layout


def _set_text(item, text):
    if item is not None:
        item.setText(text or "")


def _fill_legend(legend, map_item, layers, title):
    legend.setTitle(title)
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(False)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for map_layer in layers:
        root.addLayer(map_layer)
    legend.adjustBoxSize()
    legend.refresh()


def _atlas(layout, map_item, coverage):
    """One page per coverage feature in name order, the main map following it."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setPageNameExpression(f'"{OUTLINE_NAME}"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression(f'"{OUTLINE_NAME}"')
    atlas.setEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.08)


def _fill_inset(inset, map_item, layers, extent_layer, overview=False, crs=None, transform_context=None):
    """``crs``: the inset's projection (the territory's, so that France is not drawn in degrees);
    ``transform_context``: the layout's project's."""
    inset.setLayers(layers)
    inset.setKeepLayerSet(True)
    crs = crs or extent_layer.crs()
    inset.setCrs(crs)
    extent = extent_layer.extent()
    if crs != extent_layer.crs():
        extent = QgsCoordinateTransform(extent_layer.crs(), crs, transform_context or QgsCoordinateTransformContext()) \
            .transformBoundingBox(extent)
    extent.scale(1.08)
    inset.zoomToExtent(extent)
    if overview:  # the frame of the main map, as it moves from page to page
        frame = QgsLayoutItemMapOverview("page", inset)
        frame.setLinkedMap(map_item)
        frame.setFrameSymbol(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#252525", "outline_width": "0.35", "outline_style": "dash"}))
        inset.overviews().addOverview(frame)


def _stack_right_column(layout, items):
    """The chart goes under the legend, as tall as the room left above the inset (or the page's
    bottom) allows, so a long legend never runs under it; too little room, no chart."""
    legend, chart = items["legend"], items["chart"]
    if legend is None or chart is None:
        return
    gap = 3.0 * _scale(layout)
    top = legend.positionWithUnits().y() + _legend_height(layout, legend) + gap
    anchor = items["inset"] or items["map"]
    bottom = (anchor.positionWithUnits().y() - gap) if items["inset"] else (
        anchor.positionWithUnits().y() + anchor.sizeWithUnits().height())
    height = min(chart.sizeWithUnits().height() * 1.25, bottom - top)
    if height < MIN_CHART_HEIGHT * _scale(layout):
        layout.removeLayoutItem(chart)
        items["chart"] = None
        return
    chart.attemptResize(QgsLayoutSize(chart.sizeWithUnits().width(), height, LAYOUT_MM))
    chart.attemptMove(QgsLayoutPoint(chart.positionWithUnits().x(), top, LAYOUT_MM))


def _legend_height(layout, legend):
    """The legend's height once drawn: it only resizes to its content at its first paint."""
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    size = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
    return max(size.height(), legend.sizeWithUnits().height() if not legend.resizeToContents() else 0.0)


def _scale(layout):
    return layout.pageCollection().page(0).pageSize().width() / 297.0


def chart_size(layout):
    """(width, height) in mm of the chart picture, or None when the layout has no room for it."""
    chart = layout.itemById("chart")
    if chart is None:
        return None
    return chart.sizeWithUnits().width(), chart.sizeWithUnits().height()


def set_chart(layout, paths):
    """The chart picture: one file, or per atlas page a file chosen by the page's group name
    (``paths`` a dict name → file)."""
    chart = layout.itemById("chart")
    if chart is None:
        return
    if isinstance(paths, dict):
        pairs = ", ".join(f"{QgsExpression.quotedString(k)}, {QgsExpression.quotedString(v)}" for k, v in paths.items())
        chart.dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.PictureSource,
            QgsProperty.fromExpression(f"map_get(map({pairs}), attribute(@atlas_feature, '{OUTLINE_NAME}'))"))
        chart.refreshDataDefinedProperty(QgsLayoutObject.DataDefinedProperty.PictureSource)
    else:
        chart.setPicturePath(paths)


def remove_chart(layout):
    chart = layout.itemById("chart")
    if chart is not None:
        layout.removeLayoutItem(chart)


def add_layout_to_project(project, layer, outlines, options, charts, layers_file=None, overlays=()):
    """The layout also in the user's ``project`` for editing, under a title not yet taken; returns
    that title. Its layers (a styled copy of the communes, the outlines…) go in a layer group,
    unchecked: the layout draws them, the map canvas does not. ``options`` are build_layout's.
    The layers made for the layout (outlines, veil, inset…) are written to ``layers_file`` (a
    GeoPackage, or a LayoutTables: tables of a database) so that they are still there when the
    project is saved and reopened."""
    added = []
    _, layout = build_layout(layer, outlines=outlines, project=project, added=added, overlays=overlays, **options)
    if hasattr(layers_file, "keep"):  # tables of the commune layer's database (processing/layout_tables.py)
        layers_file.keep(added, project.transformContext())
    elif layers_file:
        keep_memory_layers(added, layers_file, project.transformContext())
    if charts:
        set_chart(layout, layers_file.embedded(charts) if hasattr(layers_file, "embedded") else charts)
    else:
        remove_chart(layout)
    manager = project.layoutManager()
    base = options["title"]
    name, number = base, 1
    while manager.layoutByName(name) is not None:
        number += 1
        name = f"{base} ({number})"
    layout.setName(name)
    manager.addLayout(layout)
    group = project.layerTreeRoot().addGroup(tr("Layout: {name}").format(name=name))
    for map_layer in added:
        group.addLayer(map_layer)
    group.setItemVisibilityChecked(False)
    return name


def unused_path(path):
    """``path``, or ``name-2.gpkg``, ``name-3.gpkg``… the first that does not exist."""
    root, extension = os.path.splitext(path)
    number = 1
    while os.path.exists(path):
        number += 1
        path = f"{root}-{number}{extension}"
    return path


def keep_memory_layers(layers, path, transform_context):
    """Write the memory layers among ``layers`` to the GeoPackage ``path`` (one table each) and
    point each layer at its table, keeping its style: a project keeps no memory layer's features."""
    memory = [map_layer for map_layer in layers if map_layer.providerType() == "memory"]
    path = unused_path(path)  # an earlier layout of the project may draw from a file of that name
    for number, map_layer in enumerate(memory, start=1):
        table = f"layer_{number}"
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        if number > 1:
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if not write_vector_layer(map_layer, path, transform_context, options):
            continue  # this one stays in memory: drawn now, gone when the project is reopened
        map_layer.setDataSource(f"{path}|layername={table}", map_layer.name(), "ogr",
                                QgsDataProvider.ProviderOptions(), False)


def data_vintage(layer):
    """The INSEE editions and years the scores came from (the score's millesimes field), "" when
    the layer has none: e.g. "INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2024"."""
    index = layer.fields().lookupField(VINTAGE_FIELD)
    if index < 0:
        return ""
    # Read feature by feature: OGR's uniqueValues runs SQL that fails on a GeoPackage another
    # connection of the same model just wrote ("unable to open database file").
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([index])
    values = sorted({str(value) for value in (f.attribute(index) for f in layer.getFeatures(request))
                     if not is_null(value) and value != ""})
    return "; ".join(values)  # several when layers of different editions were merged: all are named


def default_sources(version, vintage=""):
    data = vintage or tr("INSEE (census, territory comparator base, BPE)")
    return tr("Sources: {data}; IGN, ADMIN EXPRESS. Produced with Centralités {version}.").format(
        data=data, version=version)


def export_pdf(layout, path, dpi=300):
    """The layout, or every atlas page into one PDF."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    if layout.atlas().enabled():
        result, _ = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings)
        return result
    return QgsLayoutExporter(layout).exportToPdf(path, settings)


def _pages(layout, path, write):
    """``write(exporter, target)`` for the page, or for each atlas page into numbered files."""
    exporter = QgsLayoutExporter(layout)
    atlas = layout.atlas()
    if not atlas.enabled():
        return write(exporter, path), [path]
    root, extension = os.path.splitext(path)
    written = []
    atlas.beginRender()
    try:
        for page in range(atlas.count()):
            atlas.seekTo(page)
            target = f"{root}_{page + 1:02d}{extension}"
            result = write(exporter, target)
            if result != QgsLayoutExporter.ExportResult.Success:
                if os.path.isfile(target):
                    os.remove(target)  # a page half written is not a page
                return result, written
            written.append(target)
    finally:
        atlas.endRender()
    return QgsLayoutExporter.ExportResult.Success, written


def export_png(layout, path, dpi=150):
    """The page as PNG (atlas: one file per page, numbered), rendered by Qt.

    QgsLayoutExporter.exportToImage would also try to georeference the file
    through GDAL, which cannot update a PNG and logs an error. Returns the result
    and the paths written.
    """
    def write(exporter, target):
        image = exporter.renderPageToImage(0, QSize(), dpi)
        ok = not image.isNull() and image.save(target, "PNG")
        return QgsLayoutExporter.ExportResult.Success if ok else QgsLayoutExporter.ExportResult.FileError

    return _pages(layout, path, write)


def export_svg(layout, path):
    """The page as SVG, text kept as text (atlas: one file per page, numbered)."""
    settings = QgsLayoutExporter.SvgExportSettings()
    settings.forceVectorOutput = True
    settings.exportMetadata = False
    return _pages(layout, path, lambda exporter, target: exporter.exportToSvg(target, settings))
