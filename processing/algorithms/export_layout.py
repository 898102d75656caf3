"""centralites:export_layout — the diagnosis map as a PDF (and PNG, SVG) print layout."""

import os

from qgis.core import (
    QgsApplication,
    QgsLayoutExporter,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ...compat import FLAG_NO_THREADING, SOURCE_POLYGON
from ...core.trajectory import is_change_output
from ...core.vocabulary import COMPOSITE_FIELD, LEVEL_CODE_FIELD, find_field
from ...i18n import tr
from ..base import CentralitesAlgorithm, plugin_version
from ..change_map import move_markers, period, style_change_layer
from ..chart_picture import chart_files, place_charts
from ..frames import require_field
from ..layout_tables import layout_tables_for
from ..qpt_layouts import (
    PAPERS,
    LayoutTemplateError,
    add_layout_to_project,
    build_layout,
    data_vintage,
    default_sources,
    diagrams_only_inside,
    dissolved_outlines,
    export_pdf,
    export_png,
    export_svg,
    fade_labels_outside,
    remove_chart,
)
from ..qml_styles import StyleFileError, apply_score_style, has_score_style

OUTLINE_CANDIDATES = ("NOM_EPCI", "SIREN_EPCI", "EPCI", "LIBEPCI")


class ExportLayout(CentralitesAlgorithm):
    ALGORITHM_ID = "export_layout"
    GROUP_ID = "cartography"

    INPUT = "INPUT"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    SOURCES = "SOURCES"
    PAPER = "PAPER"
    DPI = "DPI"
    OUTLINE_FIELD = "OUTLINE_FIELD"
    ATLAS_FIELD = "ATLAS_FIELD"
    INSET_LAYER = "INSET_LAYER"
    CHART = "CHART"
    TEMPLATE = "TEMPLATE"
    OUTPUT = "OUTPUT"
    OUTPUT_PNG = "OUTPUT_PNG"
    OUTPUT_SVG = "OUTPUT_SVG"

    PAPER_NAMES = tuple(PAPERS)

    def displayName(self):  # noqa: N802
        return tr("Export the centrality map (PDF layout)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Exports a landscape print layout (A4 or A3) of a scored commune layer: title, "
            "subtitle, map, legend, scale bar, north arrow, the outlines of the intercommunalities "
            "(or of any grouping field), a chart of the ten most central communes' four functions "
            "(drawn with pyqtgraph when it is installed), a sources line and the date, to PDF and "
            "optionally PNG and SVG. The layout comes from the templates shipped in the plugin's "
            "resources/layouts folder, or from your own .qpt template keeping the same item ids "
            "(title, subtitle, map, legend, scalebar, north_arrow, inset, chart, sources, date).\n\n"
            "Atlas: with an atlas field, one page per value (e.g. per intercommunality) in a single "
            "PDF, each page titled with the value, zoomed on it, the other groups faded, with an "
            "inset map locating it in the whole territory and the chart of its own leading "
            "communes; the PNG and SVG are then one file per page, numbered. On a single page, the "
            "inset locates the territory in the context layer you give (e.g. the départements).\n\n"
            "The layer keeps its own style when it has one on the score (as set by “Apply the "
            "centrality style” or stored in its GeoPackage); otherwise the centrality style is "
            "applied to the map. The layer is not modified. In QGIS desktop, the layout is also added to the "
            "project (Project → Layouts) to be edited.\n\n"
            "A change between two dates (the output of “Centrality change between two dates”) is drawn with "
            "the change style (gains in blue, losses in red, a neutral band drawn as stable), titled with its "
            "two census years (unless you give a title), the main centres whose level moved marked ▲ (rose) "
            "or ▼ (fell) and named with the same sign, and the chart shows the largest gains and losses of the "
            "composite."
        )

    def flags(self):
        # Main thread: the chart is drawn with Qt widgets, and the layout may join the project.
        return super().flags() | FLAG_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Scored commune layer"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), tr("Centrality of communes")))
        self.addParameter(
            QgsProcessingParameterString(
                self.SUBTITLE, tr("Subtitle"), tr("Composite score of the four functions: Habiter, Travailler, Consommer, Services"),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString(self.SOURCES, tr("Sources line (empty = automatic, with the INSEE editions and years of the scores)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PAPER, tr("Paper (landscape)"), list(self.PAPER_NAMES), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.DPI, tr("Resolution (DPI)"), defaultValue=300, minValue=72, maxValue=1200))
        self.addParameter(QgsProcessingParameterField(
            self.OUTLINE_FIELD, tr("Outlines of groups of communes, e.g. intercommunalities (empty: NOM_EPCI or "
                                   "SIREN_EPCI when present)"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ATLAS_FIELD, tr("Atlas: one page per value of this field (empty: a single page)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INSET_LAYER, tr("Context layer of the inset on a single page (empty: the départements of metropolitan France, "
               "shipped with the plugin)"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CHART, tr("Chart of the leading communes' four functions"), True))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, tr("Layout template (.qpt; empty: the plugin's own for the paper chosen)"),
            extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("PDF file"), "PDF (*.pdf)"))
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_PNG, tr("PNG image"), "PNG (*.png)", optional=True, createByDefault=False)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_SVG, tr("SVG image"), "SVG (*.svg)", optional=True, createByDefault=False)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if source_layer is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, source_layer)
        names = source_layer.fields().names()
        if source_layer.fields().lookupField(COMPOSITE_FIELD) < 0 and not is_change_output(names):
            self.fail(tr("The layer has no field '{field}': run the centrality score first (or the centrality "
                         "change between two dates, for a map of the change).").format(field=COMPOSITE_FIELD))
        for name in (self.ATLAS_FIELD, self.OUTLINE_FIELD):
            field = self.parameterAsString(parameters, name, context)
            if field:
                require_field(source_layer, field, self.parameterDefinition(name).description())
        try:
            return self._export_all(source_layer, parameters, context, feedback)
        except (LayoutTemplateError, StyleFileError) as error:
            raise QgsProcessingException(str(error))

    def _export_all(self, source_layer, parameters, context, feedback):
        atlas_field = self.parameterAsString(parameters, self.ATLAS_FIELD, context)
        layer = self._styled_clone(source_layer, atlas_field)  # the user's layer stays as it is
        by_level = layer.renderer().classAttribute() == LEVEL_CODE_FIELD
        names = source_layer.fields().names()
        change = is_change_output(names)
        outline_field = atlas_field or self.parameterAsString(parameters, self.OUTLINE_FIELD, context) or next(
            (found for found in (find_field(names, name) for name in OUTLINE_CANDIDATES) if found), "")
        outline_name = tr("Intercommunalities") if outline_field.upper() in OUTLINE_CANDIDATES else outline_field

        def outlines():
            return dissolved_outlines(source_layer, outline_field, outline_name) if outline_field else None

        title = self.parameterAsString(parameters, self.TITLE, context) or tr("Centrality of communes")
        subtitle = self.parameterAsString(parameters, self.SUBTITLE, context)
        legend_title = tr("Centrality") if by_level else tr("Centrality score")
        if change:
            title, subtitle, legend_title = self._change_texts(source_layer, title, subtitle)
        options = dict(
            title=title,
            subtitle=subtitle,
            sources=self.parameterAsString(parameters, self.SOURCES, context) or default_sources(
                plugin_version(), data_vintage(source_layer)),
            paper=self.PAPER_NAMES[self.parameterAsEnum(parameters, self.PAPER, context)],
            legend_title=legend_title,
            atlas=bool(atlas_field),
            context_layer=self.parameterAsVectorLayer(parameters, self.INSET_LAYER, context),
            template=self.parameterAsFile(parameters, self.TEMPLATE, context),
        )
        notes = []
        group_layer = outlines()
        if group_layer is not None:
            feedback.pushInfo(tr("Outlines: {count} groups of communes by {field}.").format(
                count=group_layer.featureCount(), field=outline_field))
        def overlays():  # the ▲ ▼ of the main centres' level moves, on a change layer
            markers = move_markers(source_layer) if change else None
            return [markers] if markers is not None else []

        markers = overlays()
        if change:
            feedback.pushInfo(tr("Level moves of the main centres marked: {count}.").format(
                count=markers[0].featureCount() if markers else 0))
        project, layout = build_layout(layer, outlines=group_layer, notes=notes, overlays=markers, **options)
        for note in notes:
            feedback.pushInfo(note)

        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        charts = None
        if self.parameterAsBool(parameters, self.CHART, context):
            charts = self._charts(layout, layer, atlas_field, pdf, feedback)
        else:
            remove_chart(layout)
        feedback.setProgress(30)
        if feedback.isCanceled():
            _remove(chart_files(charts))
            return {}

        dpi = self.parameterAsInt(parameters, self.DPI, context)
        if atlas_field and layout.atlas().updateFeatures() == 0:
            _remove(chart_files(charts))
            self.fail(tr("The atlas has no page: the field '{field}' is empty (NULL) for every commune. Choose "
                         "another atlas field or leave it empty for a single page.").format(field=atlas_field))
        written = list(chart_files(charts))  # removed, with every page, when a later export fails or is cancelled
        moves = []  # (hidden temporary file, final name): moved once every file is written
        try:
            partial_pdf = self._export(lambda path: export_pdf(layout, path, dpi), pdf, "PDF")
            written.append(partial_pdf)
            moves.append((partial_pdf, pdf))
            outputs = {self.OUTPUT: pdf}
            if atlas_field:
                feedback.pushInfo(tr("Atlas: {count} pages.").format(count=layout.atlas().count()))
            feedback.setProgress(60)
            png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
            if png and not feedback.isCanceled():
                outputs[self.OUTPUT_PNG] = self._export_pages(
                    lambda path: export_png(layout, path, min(dpi, 200)), png, "PNG", atlas_field, feedback, written,
                    moves)
            svg = self.parameterAsFileOutput(parameters, self.OUTPUT_SVG, context)
            if svg and not feedback.isCanceled():
                outputs[self.OUTPUT_SVG] = self._export_pages(lambda path: export_svg(layout, path),
                                                              svg, "SVG", atlas_field, feedback, written, moves)
        except QgsProcessingException:
            _remove(written)  # no picture or page left behind without the rest
            raise
        if feedback.isCanceled():
            _remove(written)
            return {}
        for partial, final in moves:
            os.replace(partial, final)
        if charts:
            outputs["CHARTS"] = chart_files(charts)
        feedback.setProgress(90)
        if _desktop():
            layers_file = os.path.splitext(pdf)[0] + "-layout-layers.gpkg"
            self._add_to_project(context.project(), source_layer, outlines, options, charts, feedback, atlas_field,
                                 layers_file=layout_tables_for(source_layer, pdf, layers_file) or layers_file,
                                 overlays=overlays)
        del project
        return outputs

    def _change_texts(self, layer, title, subtitle):
        """The title, subtitle and legend title of a change map: the parameters' defaults say the change."""
        span = period(layer)
        if title == tr("Centrality of communes"):
            title = tr("Change in centrality, {period}").format(period=span) if span else \
                tr("Change in centrality between two dates")
        if subtitle == tr("Composite score of the four functions: Habiter, Travailler, Consommer, Services"):
            subtitle = tr("Composite score at the two dates on one scale, change in points; ▲ ▼ main centres "
                          "whose level of centrality rose or fell")
        legend = tr("Change {period}").format(period=span) if span else tr("Change between two dates")
        return title, subtitle, legend

    def _styled_clone(self, source_layer, atlas_field=""):
        layer = source_layer.clone()
        if is_change_output(layer.fields().names()):
            style_change_layer(layer)
        else:
            if not has_score_style(layer, COMPOSITE_FIELD):
                layer.loadDefaultStyle()
            if not has_score_style(layer, COMPOSITE_FIELD):
                apply_score_style(layer, COMPOSITE_FIELD)
            by_level = layer.renderer().classAttribute() == LEVEL_CODE_FIELD
            layer.setName(tr("Level of centrality") if by_level else tr("Composite score (0–100)"))
        if atlas_field:
            fade_labels_outside(layer, atlas_field)
            diagrams_only_inside(layer, atlas_field)
        return layer

    def _charts(self, layout, layer, atlas_field, pdf, feedback):
        """The chart picture(s) next to the PDF, placed in the layout; None when there is none."""
        folder = os.path.dirname(pdf)
        if folder:
            os.makedirs(folder, exist_ok=True)
        charts, warning = place_charts(layout, layer, atlas_field, os.path.splitext(pdf)[0])
        if warning:
            feedback.pushWarning(warning)
        if charts:
            feedback.pushInfo(tr("Chart of the leading communes: {paths}").format(paths=", ".join(chart_files(charts))))
        return charts

    def _export_pages(self, exporter, path, kind, atlas_field, feedback, created, moves):
        """The page(s) under hidden temporary names (atlas pages numbered alike), recorded in ``moves``
        with their final names; ``created`` gets every file written, to be removed after a failure."""
        folder, name = os.path.split(path)
        root, extension = os.path.splitext(name)
        hidden_root = os.path.join(folder, f".centralites-{root}.partial")
        created.append(hidden_root + extension)  # a single page half written by a failed export
        result, written = exporter(hidden_root + extension)
        created.extend(written)
        if result != QgsLayoutExporter.ExportResult.Success:
            self.fail(tr("The {kind} file {path} could not be written: check that the folder exists and is "
                         "writable.").format(kind=kind, path=path))
        finals = [os.path.join(folder, root + page[len(hidden_root):]) for page in written]
        moves.extend(zip(written, finals))
        if atlas_field:
            feedback.pushInfo(tr("{kind} pages: {paths}").format(kind=kind, paths=", ".join(finals)))
        return finals[0] if finals else path

    def _add_to_project(self, project, source_layer, outlines, options, charts, feedback, atlas_field="",
                        layers_file=None, overlays=list):
        """The same layout in the user's project, for editing; the layers made for it saved in
        ``layers_file`` (a GeoPackage next to the PDF, or a LayoutTables: tables of the PostGIS commune layer's
        database, where a project saved in that database finds them) so that the project reopens with them."""
        if project is None:
            return
        layer = self._styled_clone(source_layer, atlas_field)
        name = add_layout_to_project(project, layer, outlines(), options, charts, layers_file, overlays())
        where = layers_file.description() if hasattr(layers_file, "description") else layers_file
        feedback.pushInfo(tr("Layout “{name}” added to the project (Project → Layouts) to be edited; the layers "
                             "made for it are saved in {path}.").format(name=name, path=where))

    def _export(self, exporter, path, kind):
        """Export to a hidden temporary name in the folder of ``path``, returned: the caller moves it into
        place when every output is written, so a failure leaves no partial file and keeps an older one."""
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        name, extension = os.path.splitext(os.path.basename(path))
        partial = os.path.join(folder, f".centralites-{name}.partial{extension}")  # hidden until complete
        result = exporter(partial)
        if result != QgsLayoutExporter.ExportResult.Success:
            if os.path.exists(partial):
                os.remove(partial)
            self.fail(tr("The {kind} file {path} could not be written (error {code}): check that the "
                         "folder exists and is writable.").format(kind=kind, path=path, code=int(result)))
        return partial


def _remove(paths):
    for path in paths:
        if os.path.exists(path):
            os.remove(path)


def _desktop():
    """QGIS desktop, on its main thread: where a layout may join the user's project. Not
    qgis_process, not a standalone script or the tests (platform "external")."""
    application = QgsApplication.instance()
    if application is None or application.platform() != "desktop":
        return False
    return QThread.currentThread() == QCoreApplication.instance().thread()
