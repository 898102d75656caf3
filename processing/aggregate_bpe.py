"""centralites:aggregate_bpe — a BPE file in INSEE's long layout -> one row per commune."""

from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..compat import NO_GEOMETRY
from ..core.bpe import GAMMES_FILE, aggregate, load_gammes
from ..core.tables import TableError
from ..i18n import tr
from .base import CentralitesAlgorithm
from .frames import attribute_rows, discard_output, fields_for, output_exists
from .join_tables import read_table_entry, report_fields, write_report


class AggregateBpe(CentralitesAlgorithm):
    ALGORITHM_ID = "aggregate_bpe"
    GROUP_ID = "data"

    INPUT = "INPUT"
    YEAR = "YEAR"
    GAMMES = "GAMMES"
    ARRONDISSEMENTS = "ARRONDISSEMENTS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Count BPE equipment per commune")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Sums a file of INSEE's Base permanente des équipements (BPE) in its long layout — one row "
            "per commune (DEPCOM) or IRIS (DCIRIS, cut to its commune) and equipment type (TYPEQU), "
            "with NB_EQUIP (without it, each row counts one equipment) and optionally AN — into one row "
            "per commune, to join to the communes with 'Join INSEE tables to communes'.\n\n"
            "Output fields: DEPCOM (text), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domains: A services, "
            "B shops, C education, D health and social, E transport, F sport and culture, G tourism), "
            "NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (INSEE's gammes), "
            "NB_EQUIP_HORS_GAMME (types in no gamme) and NB_TYPEQU (number of distinct equipment types).\n\n"
            "The gamme lists are INSEE's 2021 lists shipped in resources/bpe/gammes_2021.csv; another "
            "file with the columns TYPEQU and GAMME can be given. When the file holds several years (AN), "
            "the latest is counted unless a year is given. The arrondissements of Paris, Lyon and "
            "Marseille are counted in their commune (75056, 69123, 13055) unless unticked. Every row "
            "left out (invalid code or type, count not a number, another year) is written to the report."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("BPE file (long layout: DEPCOM or DCIRIS, TYPEQU, NB_EQUIP)")))
        self.addParameter(QgsProcessingParameterString(
            self.YEAR, tr("Year (AN) to count (empty: the latest in the file)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.GAMMES, tr("Gamme lists (CSV with TYPEQU and GAMME; empty: INSEE 2021, shipped)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ARRONDISSEMENTS,
            tr("Count the arrondissements of Paris, Lyon and Marseille in their commune"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Equipment per commune")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, tr("BPE report"), optional=True, createByDefault=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        entry = self.parameterAsFile(parameters, self.INPUT, context)
        if not entry:
            self.fail(tr("Give a BPE file."))
        gammes_path = self.parameterAsFile(parameters, self.GAMMES, context) or GAMMES_FILE
        year = self.parameterAsString(parameters, self.YEAR, context).strip() or None
        try:
            gammes = load_gammes(gammes_path)
            name, frame = read_table_entry(entry, context)
            if feedback.isCanceled():
                return {}
            feedback.pushInfo(tr("Read {name}: {rows} rows, {columns} columns.").format(
                name=name, rows=len(frame), columns=len(frame.columns)))
            result = aggregate(frame, source=name, gammes=gammes, year=year,
                               sum_arrondissements=self.parameterAsBool(parameters, self.ARRONDISSEMENTS, context))
        except TableError as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50)

        table = result.table
        if table.empty:
            self.fail(tr("{name}: no row could be counted. {summary}").format(
                name=name, summary=result.summary.line()))
        destination_before = output_exists(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        sink, sink_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields_for(table, existing=()), NO_GEOMETRY)
        if sink is None:
            self.fail(tr("The output table could not be created."))
        total = max(len(table), 1)
        for count, values in enumerate(attribute_rows(table)):
            if feedback.isCanceled():
                del sink
                discard_output(destination_before, sink_id)
                return {}
            feature = QgsFeature()
            feature.setAttributes(values)
            sink.addFeature(feature)
            if count % 1000 == 0:
                feedback.setProgress(50.0 + 50.0 * count / total)
        outputs = {self.OUTPUT: sink_id}

        report_sink, report_id = self.parameterAsSink(
            parameters, self.REPORT, context, report_fields(), NO_GEOMETRY)
        if report_sink is not None:
            write_report(report_sink, result.report)
            outputs[self.REPORT] = report_id
        if result.summary.types_without_gamme:
            feedback.pushWarning(tr("Equipment types in no gamme (counted in NB_EQUIP_HORS_GAMME): {types}.").format(
                types=", ".join(result.summary.types_without_gamme)))
        feedback.pushInfo(result.summary.line())
        return outputs
