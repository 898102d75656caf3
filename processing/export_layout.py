"""centralites:export_layout — the diagnosis map as a PDF (and PNG) print layout."""

import os

from qgis.core import (
    QgsLayoutExporter,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..compat import FLAG_NO_THREADING, SOURCE_POLYGON
from ..core.scoring import COMPOSITE_FIELD
from ..i18n import tr
from .base import CentralitesAlgorithm, plugin_version
from .layouts import PAPERS, build_layout, default_sources, export_pdf, export_png
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
    OUTPUT = "OUTPUT"
    OUTPUT_PNG = "OUTPUT_PNG"

    PAPER_NAMES = tuple(PAPERS)

    def displayName(self):  # noqa: N802
        return tr("Export the centrality map (PDF layout)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Exports a landscape print layout (A4 or A3) of a scored commune layer: title, "
            "subtitle, map, legend, scale bar and a sources line, to PDF and optionally PNG.\n\n"
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
        layer.setName(tr("Composite score (0–100)"))
        if not has_score_style(layer, COMPOSITE_FIELD):
            layer.loadDefaultStyle()
        if not has_score_style(layer, COMPOSITE_FIELD):
            apply_score_style(layer, COMPOSITE_FIELD)

        title = self.parameterAsString(parameters, self.TITLE, context) or tr("Centrality of communes")
        subtitle = self.parameterAsString(parameters, self.SUBTITLE, context)
        sources = self.parameterAsString(parameters, self.SOURCES, context) or default_sources(plugin_version())
        paper = self.PAPER_NAMES[self.parameterAsEnum(parameters, self.PAPER, context)]
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        project, layout = build_layout(layer, title, subtitle, sources, paper)
        feedback.setProgress(30)
        if feedback.isCanceled():
            return {}

        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        self._export(lambda path: export_pdf(layout, path, dpi), pdf, "PDF")
        outputs = {self.OUTPUT: pdf}
        feedback.setProgress(70)
        png = self.parameterAsFileOutput(parameters, self.OUTPUT_PNG, context)
        if png and not feedback.isCanceled():
            self._export(lambda path: export_png(layout, path, min(dpi, 200)), png, "PNG")
            outputs[self.OUTPUT_PNG] = png
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
