"""centralites:join_tables — INSEE tables onto a commune layer, with a report of every row."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...compat import NO_GEOMETRY, SOURCE_FILE, SOURCE_POLYGON
from ...core.editions import recognise
from ...core.join import join_tables
from ...core.mergers import Passage
from ...core.tables import TableError
from ...core.vocabulary import CODE_FIELD, find_field
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..bulk_geopackage import start_bulk_copy, write_layer_with_columns
from ..frames import read_attributes
from ..reports import report_fields, write_report
from ..table_inputs import read_table_entry, refuse_writing_onto_inputs, table_entries

# Names an output file gives its feature id and geometry columns (GeoPackage, SpatiaLite, PostGIS):
# a table column of that name is renamed, and reported, like one clashing with a field of the layer.
RESERVED_NAMES = ("fid", "geom", "geometry", "the_geom", "wkb_geometry", "ogc_fid")


class JoinTables(CentralitesAlgorithm):
    ALGORITHM_ID = "join_tables"
    GROUP_ID = "data"

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    TABLES = "TABLES"
    TABLE_KEY = "TABLE_KEY"
    SHEET = "SHEET"
    COLUMNS = "COLUMNS"
    PREFIXES = "PREFIXES"
    PASSAGE = "PASSAGE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Join INSEE tables to communes")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Joins one or more tables (CSV files; XLSX, XLS or ODS spreadsheets, whose header is found below any "
            "title lines, on the sheet given or the first naming a code column; DBF files; or table layers such "
            "as a GeoPackage table) onto a commune layer by INSEE commune code.\n\n"
            "Codes are read as text: leading zeros are kept or restored (1001 → 01001), float "
            "artefacts (62498.0) and spaces around codes are repaired, Corsica's 2A/2B kept. The key column of "
            "each table is found among the usual names (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …) "
            "unless given. Numbers with a decimal comma or thousands spaces are read as numbers; "
            "secret or empty values (s, nd, secret, empty cell) become NULL and are counted.\n\n"
            "Every commune of the layer is kept with its geometry untouched. The join report (REPORT) lists "
            "each table row not joined (unmatched code, duplicate, invalid code), each re-coded key, "
            "each commune absent from a table and each renamed column. The log ends with one summary "
            "line per table.\n\n"
            "Paris, Lyon, Marseille: rows of arrondissements (751xx, 6938x, 132xx) are summed onto "
            "75056, 69123, 13055 when the layer holds these communes, and kept when it holds the "
            "arrondissements. Counts are summed; rates, medians, shares and text cannot be, and are "
            "left empty and reported.\n\n"
            "Merged communes: a table de passage (INSEE's, with one code column per year, or any file "
            "with an old and a new code column) sums the rows of communes merged since the table's "
            "year onto today's commune, the same way. Without one, codes missing from a department "
            "the layer otherwise covers are reported as looking like merged communes.\n\n"
            "Columns to join (optional): only these columns of each table are added. Prefixes "
            "(optional): one per table, in the order of the tables, put before the added column names."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("Commune layer"), [SOURCE_POLYGON])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CODE_FIELD, tr("INSEE code field of the commune layer"), CODE_FIELD, self.INPUT,
                optional=True,  # QGIS 3.22 rejects an omitted field parameter even with a default
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(self.TABLES, tr("Tables to join (files or table layers)"), SOURCE_FILE)
        )
        key = QgsProcessingParameterString(
            self.TABLE_KEY, tr("Key column of the tables (empty: found automatically)"), optional=True
        )
        self.addParameter(key)
        self.addParameter(QgsProcessingParameterString(
            self.SHEET, tr("Sheet of the spreadsheets (name or number; empty: the first with a code column)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COLUMNS, tr("Columns to join, separated by commas (empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PREFIXES, tr("Prefix of the added columns, one per table in order, separated by commas"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.PASSAGE, tr("Table de passage of merged communes (old code, new code; optional)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Joined communes")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.REPORT, tr("Join report"), optional=True, createByDefault=True)
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or CODE_FIELD
        code_field = find_field(source.fields().names(), code_field) or code_field  # insee_com for INSEE_COM
        if source.fields().lookupField(code_field) < 0:
            self.fail(
                tr("The commune layer has no field '{field}'. Fields found: {fields}.").format(
                    field=code_field, fields=", ".join(source.fields().names())
                )
            )
        entries = table_entries(self, parameters, context)
        if not entries:
            self.fail(tr("Give at least one table to join."))
        self.require_features(parameters, self.INPUT, source)
        passage_entry = self.parameterAsFile(parameters, self.PASSAGE, context)
        refuse_writing_onto_inputs(self, parameters, context, entries + ([passage_entry] if passage_entry else []))

        # The layer's copy for a GeoPackage output starts now and runs while the tables are read.
        bulk_copy = start_bulk_copy(self, parameters, context, source)
        try:
            return self._join_and_write(parameters, context, feedback, source, code_field, entries, bulk_copy)
        finally:
            if bulk_copy is not None:
                bulk_copy.discard()

    def _join_and_write(self, parameters, context, feedback, source, code_field, entries, bulk_copy):
        feedback.pushInfo(tr("Reading the commune codes…"))
        feature_ids = []
        codes_frame = read_attributes(source, [code_field], feedback, code_field=code_field, feature_ids=feature_ids)
        if codes_frame is None:
            return {}
        key = self.parameterAsString(parameters, self.TABLE_KEY, context).strip() or None
        sheet = self.parameterAsString(parameters, self.SHEET, context).strip() or None
        tables = []
        for entry in entries:
            if feedback.isCanceled():
                return {}
            name, frame = read_table_entry(entry, context, sheet=sheet, key_column=key, numbers=True)
            feedback.pushInfo(tr("Read {name}: {rows} rows, {columns} columns.").format(
                name=name, rows=len(frame), columns=len(frame.columns)))
            described = recognise(frame.columns).describe()
            if described:
                feedback.pushInfo(tr("  INSEE data recognised: {description}.").format(description=described))
            tables.append((name, frame))

        columns = _split(self.parameterAsString(parameters, self.COLUMNS, context))
        prefixes = self.parameterAsString(parameters, self.PREFIXES, context)
        prefixes = [p.strip() for p in prefixes.split(",")] if prefixes.strip() else None
        passage_entry = self.parameterAsFile(parameters, self.PASSAGE, context)
        try:
            passage = None
            if passage_entry:
                passage_name, passage_frame = read_table_entry(passage_entry, context)
                feedback.pushInfo(tr("Read {name}: {rows} rows, {columns} columns.").format(
                    name=passage_name, rows=len(passage_frame), columns=len(passage_frame.columns)))
                passage = Passage(passage_frame, passage_name)
            result = join_tables(
                codes_frame[code_field].tolist(), tables, key_column=key,
                existing_columns=source.fields().names() + list(RESERVED_NAMES), is_cancelled=feedback.isCanceled,
                passage=passage, columns=columns, prefixes=prefixes,
            )
        except TableError as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        mixed = recognise(list(source.fields().names()) + list(result.values.columns)).mixed()
        if mixed:
            feedback.pushWarning(mixed)
        feedback.setProgress(40)

        output = write_layer_with_columns(self, parameters, context, feedback, source, result.values, feature_ids,
                                          bulk_copy)
        if output is None:
            return {}
        outputs = {self.OUTPUT: output}

        report_sink, report_id = self.parameterAsSink(
            parameters, self.REPORT, context, report_fields(), NO_GEOMETRY
        )
        if report_sink is not None:
            write_report(report_sink, result.report)
            outputs[self.REPORT] = report_id
        for summary in result.summaries:
            feedback.pushInfo(summary.line())
        return outputs


def _split(text):
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
