"""centralites:apply_style — the report-ready style, stored with the layer."""

import os
import tempfile

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...compat import (
    FLAG_NO_THREADING,
    REQUEST_NO_GEOMETRY,
    SOURCE_POLYGON,
    save_style_to_database,
    stores_styles_in_database,
)
from ...core.editions import fill, recognise
from ...core.trajectory import is_change_output
from ...core.vocabulary import CODE_FIELD, COMPOSITE_FIELD, FUNCTIONS, LEVEL_CODE_FIELD, find_field
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..qml_styles import (
    METHODS,
    CHANGE_FIELD,
    StyleFileError,
    apply_change_labels,
    apply_change_style,
    apply_function_diagrams,
    apply_level_style,
    apply_main_centre_labels,
    apply_score_style,
    name_field,
)

STYLES = ("score", "niveau", "evolution")  # a permanent order: saved models store the index
DIAGRAM_KINDS = ("none", "pie", "bars")
SIZE_CANDIDATES = ("POPULATION", "P{census}_POP", "PMUN", "population")  # P22_POP in the 2025 edition…


class ApplyStyle(CentralitesAlgorithm):
    ALGORITHM_ID = "apply_style"
    GROUP_ID = "cartography"

    INPUT = "INPUT"
    STYLE = "STYLE"
    FIELD = "FIELD"
    CLASSES = "CLASSES"
    METHOD = "METHOD"
    BOUNDS = "BOUNDS"
    LABELS = "LABELS"
    LABEL_FIELD = "LABEL_FIELD"
    DIAGRAMS = "DIAGRAMS"
    SIZE_FIELD = "SIZE_FIELD"
    SAVE_AS_DEFAULT = "SAVE_AS_DEFAULT"
    QML = "QML"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Apply the centrality style")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Styles a scored commune layer for a report.\n\n"
            "Map: either the composite score (or another score field) graduated in five classes by "
            "default, ColorBrewer YlOrRd (safe for colour-blind readers), classes by quantiles, "
            "natural breaks (Jenks) or fixed bounds (e.g. 35, 52, 72, 88), legend bounds rounded to "
            "whole numbers; or the level of centrality (niveau_code) in fixed colours, darker for "
            "more central, with a grey class for communes not scored; or the change of the composite between two "
            "dates (evol_centralite, from centrality_change), diverging: losses in red, gains in blue, changes "
            "within 2 points drawn as stable.\n\n"
            "Labels: the names of the main centres (up to the structuring ones), the most central "
            "placed first when labels collide; on a change between two dates, the main centres of either date, "
            "followed by ▲ or ▼ when their level rose or fell. Diagrams (optional): the four sub-scores of each "
            "major or structuring centre, as a pie whose area follows the population, or as four "
            "bars whose length is the score (100 = 8 mm, the same scale everywhere).\n\n"
            "The styles are the QML files shipped in the plugin's resources/styles folder, fitted "
            "to the layer (class bounds, name and population fields, largest population).\n\n"
            "The features are not modified. When the layer is stored in a GeoPackage or a database (PostGIS: "
            "its layer_styles table), the style is saved there as the layer's default style, so the layer "
            "keeps it when opened later or on another machine. The style can also be written to a QML file."
        )

    def flags(self):
        # Styles are set on layers that may belong to the project: main thread only.
        return super().flags() | FLAG_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Scored commune layer"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterEnum(
            self.STYLE, tr("Map"), [tr("Composite score (graduated)"), tr("Level of centrality (categories)"),
                                    tr("Change between two dates (centrality_change: gains and losses)")],
            defaultValue=0))
        self.addParameter(
            QgsProcessingParameterField(self.FIELD, tr("Score field"), COMPOSITE_FIELD, self.INPUT, optional=True)
        )
        self.addParameter(QgsProcessingParameterNumber(
            self.CLASSES, tr("Number of classes"), defaultValue=5, minValue=2, maxValue=9))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Classification method"),
            [tr("Quantiles"), tr("Natural breaks (Jenks)"), tr("Fixed bounds")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.BOUNDS, tr("Fixed bounds, between 0 and 100 (e.g. 35, 52, 72, 88)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.LABELS, tr("Label the main centres"), True))
        self.addParameter(QgsProcessingParameterField(
            self.LABEL_FIELD, tr("Name field for labels (empty: found automatically)"), None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.DIAGRAMS, tr("Diagrams of the four functions"), [tr("None"), tr("Pies"), tr("Bars")], defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.SIZE_FIELD, tr("Population field sizing the diagrams (empty: found automatically)"), None,
            self.INPUT, optional=True))
        self.addParameter(
            QgsProcessingParameterBoolean(self.SAVE_AS_DEFAULT, tr("Save as the layer's default style in its GeoPackage or database"), True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.QML, tr("Style file (QML)"), "QML (*.qml)", optional=True, createByDefault=False)
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, tr("Styled layer")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, layer)
        try:
            return self._style(layer, parameters, context, feedback)
        except StyleFileError as error:
            raise QgsProcessingException(str(error))

    def _style(self, layer, parameters, context, feedback):
        names = layer.fields().names()
        style = STYLES[self.parameterAsEnum(parameters, self.STYLE, context)]
        if style == "niveau":
            self._require(names, LEVEL_CODE_FIELD, layer)
            apply_level_style(layer)
        elif style == "evolution":
            self._require(names, CHANGE_FIELD, layer)
            renderer = apply_change_style(layer)
            feedback.pushInfo(tr("Classes: {classes}").format(classes="; ".join(r.label() for r in renderer.ranges())))
        else:
            field = self.parameterAsString(parameters, self.FIELD, context) or COMPOSITE_FIELD
            self._require(names, field, layer)
            method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
            bounds = self._bounds(self.parameterAsString(parameters, self.BOUNDS, context), method)
            renderer = apply_score_style(layer, field, self.parameterAsInt(parameters, self.CLASSES, context),
                                         method, bounds)
            if not renderer.ranges():
                self.fail(tr("The field '{field}' has no values to classify.").format(field=field))
            feedback.pushInfo(tr("Classes: {classes}").format(classes="; ".join(r.label() for r in renderer.ranges())))

        # On a change, the main centres of either date, with ▲ or ▼ when their level moved.
        two_dates = style == "evolution" and is_change_output(names)
        if self.parameterAsBool(parameters, self.LABELS, context) and (two_dates or LEVEL_CODE_FIELD in names):
            label_field = self.parameterAsString(parameters, self.LABEL_FIELD, context) or name_field(names) or find_field(
                names, CODE_FIELD)
            if label_field:
                (apply_change_labels if two_dates else apply_main_centre_labels)(layer, label_field)
        kind = DIAGRAM_KINDS[self.parameterAsEnum(parameters, self.DIAGRAMS, context)]
        if kind != "none":
            self._add_diagrams(layer, names, kind, self.parameterAsString(parameters, self.SIZE_FIELD, context))
        layer.triggerRepaint()

        outputs = {self.OUTPUT: layer.id()}
        if self.parameterAsBool(parameters, self.SAVE_AS_DEFAULT, context):
            self._save_in_database(layer, feedback)
        qml = self.parameterAsFileOutput(parameters, self.QML, context)
        if qml:
            self._save_qml(layer, qml)
            outputs[self.QML] = qml
        return outputs

    def _save_qml(self, layer, qml):
        """The style file, written under a temporary name and moved into place once it is really there:
        QGIS's saveNamedStyle may report success for a file it could not write."""
        folder = os.path.dirname(os.path.abspath(qml))
        handle, partial = tempfile.mkstemp(prefix=".centralites-", suffix=".qml", dir=folder)
        os.close(handle)
        try:
            message, ok = layer.saveNamedStyle(partial)
            if not ok or os.path.getsize(partial) == 0:
                self.fail(tr("The style file {path} could not be written: {message}").format(path=qml, message=message))
            os.replace(partial, qml)
        finally:
            if os.path.exists(partial):
                os.remove(partial)

    def _require(self, names, field, layer=None):
        if field not in names:
            self.fail(tr("The layer has no field '{field}': run the centrality score first.").format(field=field))
        if layer is not None:
            request = QgsFeatureRequest().setFilterExpression(
                f"{QgsExpression.quotedColumnRef(field)} IS NOT NULL").setLimit(1).setNoAttributes()
            request.setFlags(REQUEST_NO_GEOMETRY)
            if next(layer.getFeatures(request), None) is None:
                self.fail(tr("The field '{field}' is empty (NULL) for every commune: there is nothing to style. "
                             "Run the centrality score again on this layer, or choose another field.").format(
                    field=field))

    def _bounds(self, text, method):
        if method != "fixed":
            return ()
        try:
            bounds = [float(part.replace(",", ".")) for part in text.replace(";", " ").split() if part.strip()]
        except ValueError:
            bounds = []
        if not bounds or not all(0 < b < 100 for b in bounds):
            self.fail(tr("Fixed bounds: give numbers between 0 and 100 separated by spaces or semicolons, "
                         "e.g. 35; 52; 72; 88 (got '{text}').").format(text=text))
        return bounds

    def _add_diagrams(self, layer, names, kind, size_field):
        for name in FUNCTIONS:
            self._require(names, f"score_{name}")
        if kind == "bars":
            apply_function_diagrams(layer, kind)
            return
        years = recognise(names).years  # the latest census of the comparateur joined, whichever edition
        size_field = size_field or _first(names, [fill(candidate, years) for candidate in SIZE_CANDIDATES])
        if not size_field:
            self.fail(tr("Diagrams are sized by population: choose the population field."))
        largest = layer.maximumValue(layer.fields().lookupField(size_field))
        apply_function_diagrams(layer, kind, size_field, largest or 1.0)

    def _save_in_database(self, layer, feedback):
        """The style as the layer's default in its own database: a GeoPackage, or PostGIS's layer_styles
        (any provider that stores styles)."""
        geopackage = layer.providerType() == "ogr" and ".gpkg" in layer.source().lower()
        if not geopackage and (layer.providerType() == "ogr" or not stores_styles_in_database(layer)):
            feedback.pushWarning(tr("The layer is neither in a GeoPackage nor in a database that stores styles: its "
                                    "style is applied but not stored with it."))
            return
        name = tr("Centralités")
        # Saving over a style of the same name makes QGIS 3.22 ask with a modal dialog (which
        # hangs a headless run): remove our previous style first.
        _, ids, names, _, _ = layer.listStylesInDatabase()
        for style_id, style_name in zip(ids, names):
            if style_name == name:
                layer.deleteStyleFromDatabase(style_id)
        message = save_style_to_database(layer, name, tr("Centrality score style"), True)
        if message:
            raise QgsProcessingException(tr("The style could not be stored in its database: {message}").format(
                message=message))
        feedback.pushInfo(tr("Style stored in its database as the layer's default style."))
        # Writing the style through another connection leaves the layer's own reader unable to read
        # ("unable to open database file", QGIS 3.22): the next step of a model reads this layer object.
        layer.dataProvider().reloadData()


def _first(names, candidates):
    return next((name for name in candidates if name in names), None)
