"""centralites:compare_levels — a layer's levels against a reference classification."""

import os

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from ...compat import FIELD_INT, FIELD_STRING, NO_GEOMETRY, SOURCE_VECTOR_ANY
from ...core.agreement import LEVELS, AgreementError, anct_to_codes, compare
from ...core.vocabulary import CODE_FIELD, LEVEL_CODE_FIELD, LEVEL_LABELS
from ...core.tables import TableError, read_table
from ...i18n import tr
from ..base import PLUGIN_DIR, CentralitesAlgorithm
from ..frames import fields_for, read_attributes, require_field, write_table

ANCT_LEVELS = os.path.join(PLUGIN_DIR, "resources", "reference", "niveaux_centralite_anct_2021.csv")
# How the reference field is coded, in a permanent order (saved models store the index).
CODINGS = ("plugin", "anct")
ANCT_CODE_COLUMN = "INSEE_COM"  # the commune code column of the shipped ANCT reference file


class CompareLevels(CentralitesAlgorithm):
    ALGORITHM_ID = "compare_levels"
    GROUP_ID = "diagnostic"

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    LEVEL_FIELD = "LEVEL_FIELD"
    REFERENCE_FIELD = "REFERENCE_FIELD"
    REFERENCE_CODING = "REFERENCE_CODING"
    OUTPUT = "OUTPUT"
    DIFFERENCES = "DIFFERENCES"
    CHART = "CHART"

    def displayName(self):  # noqa: N802
        return tr("Compare levels with a reference classification")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Compares the levels of a commune layer (niveau_code, 1 majeure … 5 hors centralité, from the "
            "centrality score) with a reference classification of the same communes: by default the "
            "INRAE/ANCT 2021 levels of centres shipped with the plugin (resources/reference, Licence Ouverte "
            "2.0), or any field of the layer (REFERENCE_FIELD), coded like niveau_code or like the ANCT "
            "(4 majeur … 0 non centre).\n\n"
            "Over the communes that have both levels: the exact agreement (share at the same level) and "
            "Cohen's weighted kappa κ = 1 − Σ w·O / Σ w·E, O the observed confusion matrix, E the one chance "
            "gives (the product of its margins), with disagreement weights w = |i − j| (linear) and "
            "(i − j)² (quadratic): 1 is perfect agreement, 0 what chance gives.\n\n"
            "Outputs: the confusion matrix (one row per level of the layer, one column per reference "
            "level), the communes two levels apart or more with their geometry (DIFFERENCES), a picture of "
            "the matrix (CHART, PNG), and the figures as numbers (KAPPA_QUADRATIC, KAPPA_LINEAR, AGREEMENT, "
            "COMPARED) for a model. Communes without a level or without a reference level are counted in "
            "the log, not compared."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Communes with levels"),
                                                              [SOURCE_VECTOR_ANY]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Commune code field"), CODE_FIELD, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LEVEL_FIELD, tr("Level field (1 majeure … 5 hors centralité)"), LEVEL_CODE_FIELD, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.REFERENCE_FIELD, tr("Reference level field (empty: the INRAE/ANCT 2021 levels, shipped)"),
            None, self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.REFERENCE_CODING, tr("Coding of the reference field"),
            options=[tr("Like niveau_code: 1 majeure … 5 hors centralité"),
                     tr("Like the INRAE/ANCT: 4 majeur … 0 non centre")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Confusion matrix")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.DIFFERENCES, tr("Communes two levels apart or more"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CHART, tr("Picture of the confusion matrix"), "PNG (*.png)", optional=True, createByDefault=False))
        for name, label in (("KAPPA_QUADRATIC", tr("Weighted kappa (quadratic)")),
                            ("KAPPA_LINEAR", tr("Weighted kappa (linear)")),
                            ("AGREEMENT", tr("Exact agreement")), ("COMPARED", tr("Communes compared"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or CODE_FIELD
        level_field = self.parameterAsString(parameters, self.LEVEL_FIELD, context) or LEVEL_CODE_FIELD
        reference_field = self.parameterAsString(parameters, self.REFERENCE_FIELD, context)
        require_field(source, code_field, tr("Commune code field"))
        require_field(source, level_field, tr("Level field"))
        columns = [code_field, level_field] + ([reference_field] if reference_field else [])
        if reference_field:
            require_field(source, reference_field, tr("Reference level field"))
        feature_ids = []
        frame = read_attributes(source, list(dict.fromkeys(columns)), feedback, code_field=code_field,
                                feature_ids=feature_ids)
        if frame is None:
            return {}
        if frame.empty:
            self.fail(tr("The layer has no feature: nothing to compare."))
        codes = frame[code_field].fillna("").str.strip()
        levels = frame[level_field].set_axis(codes)
        coding = CODINGS[self.parameterAsEnum(parameters, self.REFERENCE_CODING, context)]
        if reference_field:
            reference = frame[reference_field].set_axis(codes)
            name = reference_field
        else:
            reference, coding, name = self._shipped_reference(), "anct", tr("INRAE/ANCT 2021 levels")
        if coding == "anct":
            reference = anct_to_codes(reference).set_axis(reference.index)
        try:
            result = compare(levels, reference)
        except AgreementError as error:
            raise QgsProcessingException(str(error)) from error

        feedback.pushInfo(tr(
            "{compared} communes compared with {reference}: exact agreement {exact:.1%}, weighted kappa "
            "{quadratic:.3f} (quadratic), {linear:.3f} (linear); {higher} put higher than the reference, "
            "{lower} lower, {apart} two levels apart or more."
        ).format(compared=result.compared, reference=name, exact=result.exact, quadratic=result.kappa_quadratic,
                 linear=result.kappa_linear, higher=result.higher, lower=result.lower,
                 apart=len(result.differences)))
        if result.without_level:
            feedback.pushInfo(tr("Communes without a level (not compared): {count}.").format(
                count=result.without_level))
        if result.without_reference:
            feedback.pushWarning(tr("Communes without a reference level (not compared): {count}.").format(
                count=result.without_reference))

        table = confusion_table(result)
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields_for(table, existing=()),
                                             NO_GEOMETRY)
        if sink is None:
            self.fail(tr("The output table could not be created."))
        write_table(sink, table)
        outputs = {self.OUTPUT: sink_id, "KAPPA_QUADRATIC": result.kappa_quadratic,
                   "KAPPA_LINEAR": result.kappa_linear, "AGREEMENT": result.exact, "COMPARED": result.compared}
        differences = self._write_differences(parameters, context, source, feature_ids, codes, result, feedback)
        if differences:
            outputs[self.DIFFERENCES] = differences
        chart = self.parameterAsFileOutput(parameters, self.CHART, context)
        if chart:
            # Under a hidden name, moved into place once whole: an older picture is never left half replaced.
            partial = os.path.join(os.path.dirname(chart) or ".", f".centralites-{os.path.basename(chart)}.partial")
            if not draw_confusion(result, partial, name):
                if os.path.exists(partial):
                    os.remove(partial)
                self.fail(tr("The picture {path} could not be written: check that its folder exists and is "
                             "writable.").format(path=chart))
            os.replace(partial, chart)
            outputs[self.CHART] = chart
        return outputs

    def _shipped_reference(self):
        try:
            table = read_table(ANCT_LEVELS)
        except TableError as error:
            raise QgsProcessingException(str(error)) from error
        return table["NIVEAU_ANCT"].replace("", None).set_axis(table[ANCT_CODE_COLUMN].str.strip())

    def _write_differences(self, parameters, context, source, feature_ids, codes, result, feedback):
        fields = QgsFields(source.fields())
        for name, kind in (("niveau_reference", FIELD_INT), ("ecart", FIELD_INT), ("ecart_libelle", FIELD_STRING)):
            if fields.lookupField(name) < 0:
                fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.DIFFERENCES, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            return None
        apart = result.differences.set_index("code")
        rows = {fid: code for fid, code in zip(feature_ids, codes) if code in apart.index}
        request = QgsFeatureRequest().setFilterFids(list(rows))
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                return None
            row = apart.loc[rows[feature.id()]]
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            attributes = feature.attributes() + [None] * (fields.count() - len(feature.attributes()))
            gap = int(row["ecart"])
            label = tr("{count} levels higher than the reference").format(count=-gap) if gap < 0 else \
                tr("{count} levels lower than the reference").format(count=gap)
            # The layer may already have these fields (a comparison compared again): they are overwritten.
            for name, value in (("niveau_reference", int(row["niveau_reference"])), ("ecart", gap),
                                ("ecart_libelle", label)):
                attributes[fields.lookupField(name)] = value
            out.setAttributes(attributes)
            sink.addFeature(out)
        return sink_id


def confusion_table(result):
    """The confusion matrix as a table: niveau (the layer's), one column per reference level, total."""
    import pandas as pd

    names = [_column(label) for label in LEVEL_LABELS]
    table = pd.DataFrame(result.confusion.to_numpy(), columns=[f"ref_{name}" for name in names])
    table.insert(0, "niveau_code", list(LEVELS))
    table.insert(1, "niveau", list(LEVEL_LABELS))
    table["total"] = table[[f"ref_{name}" for name in names]].sum(axis=1)
    table["accord"] = [int(result.confusion.iat[i, i]) for i in range(len(LEVELS))]
    return table


def _column(label):
    import unicodedata

    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().replace(" ", "_")


def draw_confusion(result, path, reference_name):
    """A PNG of the matrix: one cell per (layer level, reference level), shaded by its share of the row."""
    cell, margin_left, margin_top = 90, 150, 90
    size = len(LEVELS)
    image = QImage(margin_left + cell * size + 20, margin_top + cell * size + 70, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont()
        font.setPointSize(9)
        painter.setFont(font)
        matrix = result.confusion.to_numpy()
        for i in range(size):
            row_total = max(int(matrix[i].sum()), 1)
            for j in range(size):
                share = matrix[i, j] / row_total
                shade = QColor(33, 102, 172) if i == j else QColor(178, 24, 43)
                shade.setAlphaF(0.12 + 0.88 * share if matrix[i, j] else 0.0)
                box = QRectF(margin_left + j * cell, margin_top + i * cell, cell, cell)
                painter.fillRect(box, shade)
                painter.setPen(QColor("#999999"))
                painter.drawRect(box)
                painter.setPen(QColor("white") if share > 0.55 else QColor("black"))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{int(matrix[i, j])}")
        painter.setPen(QColor("black"))
        for k, label in enumerate(LEVEL_LABELS):
            painter.drawText(QRectF(5, margin_top + k * cell, margin_left - 10, cell),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            painter.drawText(QRectF(margin_left + k * cell, margin_top - 40, cell, 40),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)
        painter.drawText(QRectF(margin_left, 5, cell * size, 40), Qt.AlignmentFlag.AlignCenter,
                         tr("Reference: {name}").format(name=reference_name))
        painter.drawText(QRectF(5, margin_top - 40, margin_left - 10, 40),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, tr("This layer ↓"))
        painter.drawText(QRectF(10, margin_top + cell * size + 10, margin_left + cell * size, 50),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         tr("{compared} communes; exact agreement {exact:.1%}; weighted kappa {kappa:.3f}").format(
                             compared=result.compared, exact=result.exact, kappa=result.kappa_quadratic))
    finally:
        painter.end()
    return image.save(path, "PNG")
