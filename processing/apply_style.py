"""centralites:apply_style — the report-ready style, stored with the layer."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ..compat import FLAG_NO_THREADING, SOURCE_POLYGON
from ..core.scoring import COMPOSITE_FIELD
from ..i18n import tr
from .base import CentralitesAlgorithm
from .styling import METHODS, apply_score_style


class ApplyStyle(CentralitesAlgorithm):
    ALGORITHM_ID = "apply_style"
    GROUP_ID = "cartography"

    INPUT = "INPUT"
    FIELD = "FIELD"
    CLASSES = "CLASSES"
    METHOD = "METHOD"
    SAVE_AS_DEFAULT = "SAVE_AS_DEFAULT"
    QML = "QML"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Apply the centrality style")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Styles a scored commune layer: a graduated map of the composite score (or another "
            "score field), five classes by default, ColorBrewer YlOrRd (safe for colour-blind "
            "readers), classes by quantiles or natural breaks (Jenks), legend bounds rounded to "
            "whole numbers.\n\nThe features are not modified. When the layer is stored in a GeoPackage, "
            "the style is saved inside it as the layer's default style, so the layer keeps it when "
            "opened later or on another machine. The style can also be written to a QML file."
        )

    def flags(self):
        # Styles are set on layers that may belong to the project: main thread only.
        return super().flags() | FLAG_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Scored commune layer"), [SOURCE_POLYGON]))
        self.addParameter(
            QgsProcessingParameterField(self.FIELD, tr("Score field"), COMPOSITE_FIELD, self.INPUT, optional=True)
        )
        classes = QgsProcessingParameterNumber(self.CLASSES, tr("Number of classes"), defaultValue=5, minValue=2, maxValue=9)
        self.addParameter(classes)
        self.addParameter(
            QgsProcessingParameterEnum(self.METHOD, tr("Classification method"), [tr("Quantiles"), tr("Natural breaks (Jenks)")], defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.SAVE_AS_DEFAULT, tr("Save as the layer's default style in its GeoPackage"), True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.QML, tr("Style file (QML)"), "QML (*.qml)", optional=True, createByDefault=False)
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, tr("Styled layer")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            self.fail(tr("The commune layer could not be read."))
        field = self.parameterAsString(parameters, self.FIELD, context) or COMPOSITE_FIELD
        if layer.fields().lookupField(field) < 0:
            self.fail(tr("The layer has no field '{field}': run the centrality score first.").format(field=field))
        classes = self.parameterAsInt(parameters, self.CLASSES, context)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        renderer = apply_score_style(layer, field, classes, method)
        if not renderer.ranges():
            self.fail(tr("The field '{field}' has no values to classify.").format(field=field))
        for item in renderer.ranges():
            feedback.pushInfo(f"{item.label()}")

        outputs = {self.OUTPUT: layer.id()}
        if self.parameterAsBool(parameters, self.SAVE_AS_DEFAULT, context):
            self._save_in_geopackage(layer, feedback)
        qml = self.parameterAsFileOutput(parameters, self.QML, context)
        if qml:
            message, ok = layer.saveNamedStyle(qml)
            if not ok:
                self.fail(tr("The style file {path} could not be written: {message}").format(path=qml, message=message))
            outputs[self.QML] = qml
        return outputs

    def _save_in_geopackage(self, layer, feedback):
        if layer.providerType() != "ogr" or ".gpkg" not in layer.source().lower():
            feedback.pushWarning(tr("The layer is not in a GeoPackage: its style is applied but not stored with it."))
            return
        message = layer.saveStyleToDatabase(tr("Centralités"), tr("Centrality score style"), True, "")
        if message:
            raise QgsProcessingException(tr("The style could not be stored in the GeoPackage: {message}").format(message=message))
        feedback.pushInfo(tr("Style stored in the GeoPackage as the layer's default style."))
