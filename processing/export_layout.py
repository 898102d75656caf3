"""centralites:export_layout — the diagnosis map as a PDF (and PNG) print layout."""

import os

from qgis.core import (
    QgsLayoutExporter,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..compat import FLAG_NO_THREADING, SOURCE_POLYGON
from ..core.scoring import COMPOSITE_FIELD, LEVEL_CODE_FIELD
from ..i18n import tr
from .base import CentralitesAlgorithm, plugin_version
from .layouts import PAPERS, build_layout, default_sources, dissolved_outlines, export_pdf, export_png

OUTLINE_CANDIDATES = ("NOM_EPCI", "SIREN_EPCI", "EPCI", "LIBEPCI")
from .styling import apply_score_style, has_score_style


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
    OUTPUT = "OUTPUT"
    OUTPUT_PNG = "OUTPUT_PNG"

    PAPER_NAMES = tuple(PAPERS)

    def displayName(self):  # noqa: N802
        return tr("Export the centrality map (PDF layout)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Exports a landscape print layout (A4 or A3) of a scored commune layer: title, "
            "subtitle, map, legend, scale bar, north arrow, the outlines of the intercommunalities "
            "(or of any grouping field) and a sources line with the date, to PDF and optionally "
            "PNG.\n\nAtlas: with an atlas field, one page per value (e.g. per intercommunality) "
            "in a single PDF, each page titled with the value, zoomed on it, with an inset map "
            "locating it in the whole territory; the PNG is then one file per page, numbered.\n\n"
            "The layer keeps its own style when it has one on the score (as set by “Apply the "
            "centrality style” or stored in its GeoPackage); otherwise the centrality style is "
            "applied to the map. The layer and the current project are not modified."
        )

    def flags(self):
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
        self.addParameter(QgsProcessingParameterString(self.SOURCES, tr("Sources line (empty = automatic)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PAPER, tr("Paper (landscape)"), list(self.PAPER_NAMES), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.DPI, tr("Resolution (DPI)"), defaultValue=300, minValue=72, maxValue=1200))
        self.addParameter(QgsProcessingParameterField(
            self.OUTLINE_FIELD, tr("Outlines of groups of communes, e.g. intercommunalities (empty: NOM_EPCI or "
                                   "SIREN_EPCI when present)"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ATLAS_FIELD, tr("Atlas: one page per value of this field (empty: a single page)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("PDF file"), "PDF (*.pdf)"))
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT_PNG, tr("PNG image"), "PNG (*.png)", optional=True, createByDefault=False)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source_layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if source_layer is None:
            self.fail(tr("The commune layer could not be read."))
        if source_layer.fields().lookupField(COMPOSITE_FIELD) < 0:
            self.fail(tr("The layer has no field '{field}': run the centrality score first.").format(field=COMPOSITE_FIELD))
        layer = source_layer.clone()  # the layout lives in a private project: the user's layer stays as it is
        if not has_score_style(layer, COMPOSITE_FIELD):
            layer.loadDefaultStyle()
        if not has_score_style(layer, COMPOSITE_FIELD):
            apply_score_style(layer, COMPOSITE_FIELD)
        by_level = layer.renderer().classAttribute() == LEVEL_CODE_FIELD
        layer.setName(tr("Level of centrality") if by_level else tr("Composite score (0–100)"))
        names = source_layer.fields().names()
        atlas_field = self.parameterAsString(parameters, self.ATLAS_FIELD, context)
        outline_field = atlas_field or self.parameterAsString(parameters, self.OUTLINE_FIELD, context) or next(
            (name for name in OUTLINE_CANDIDATES if name in names), "")
        outlines = None
        if outline_field:
            outlines = dissolved_outlines(source_layer, outline_field, tr("Intercommunalities")
                                          if outline_field in OUTLINE_CANDIDATES else outline_field)
            feedback.pushInfo(tr("Outlines: {count} groups of communes by {field}.").format(
                count=outlines.featureCount(), field=outline_field))

        title = self.parameterAsString(parameters, self.TITLE, context) or tr("Centrality of communes")
        subtitle = self.parameterAsString(parameters, self.SUBTITLE, context)
        sources = self.parameterAsString(parameters, self.SOURCES, context) or default_sources(plugin_version())
        paper = self.PAPER_NAMES[self.parameterAsEnum(parameters, self.PAPER, context)]
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        project, layout = build_layout(
            layer, title, subtitle, sources, paper,
            legend_title=tr("Centrality") if by_level else tr("Centrality score"),
            outlines=outlines, atlas=bool(atlas_field),
        )
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}

        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        self._export(lambda path: export_pdf(layout, path, dpi), pdf, "PDF")
        outputs = {self.OUTPUT: pdf}
        if atlas_field:
            feedback.pushInfo(tr("Atlas: {count} pages.").format(count=layout.atlas().count()))
        feedback.setProgress(70)
        png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
        if png and not feedback.isCanceled():
            result, written = export_png(layout, png, min(dpi, 200))
            if result != QgsLayoutExporter.ExportResult.Success:
                self.fail(tr("The PNG file {path} could not be written: check that the folder exists and is "
                             "writable.").format(path=png))
            outputs[self.OUTPUT_PNG] = png if not atlas_field else written[0]
            if atlas_field:
                feedback.pushInfo(tr("PNG pages: {paths}").format(paths=", ".join(written)))
        del project
        return outputs

    def _export(self, exporter, path, kind):
        """Export to a temporary name then rename, so a failure leaves no partial file."""
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        root, extension = os.path.splitext(path)
        partial = f"{root}.partial{extension}"
        result = exporter(partial)
        if result != QgsLayoutExporter.ExportResult.Success:
            if os.path.exists(partial):
                os.remove(partial)
            self.fail(tr("The {kind} file {path} could not be written (error {code}): check that the "
                         "folder exists and is writable.").format(kind=kind, path=path, code=int(result)))
        os.replace(partial, path)
