"""centralites:aggregate_bpe — a BPE file in INSEE's long or point-level layout -> one row per commune.

Optionally the equipments of a point-level file as a point layer (POINTS):
the core parses and checks the coordinates; here they are reprojected to
EPSG:2154 and written.
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...compat import FIELD_STRING, NO_GEOMETRY, POINT_GEOMETRY, SINK_FAST_INSERT, SOURCE_POINT
from ...core.bpe import LAMBERT_93, aggregate, user_gammes, year_from_name
from ...core.tables import TableError
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..bulk_geopackage import BulkUnavailable
from ..bulk_points import points_target, write_points
from ..bulk_tables import table_target, write_table_file
from ..frames import discard_output, fields_for, output_exists, write_table
from ..reports import report_fields, write_report
from ..table_inputs import read_table_entry

POINT_FIELDS = ("TYPEQU", "DEPCOM", "DOMAINE", "GAMME")
BATCH = 20000


class AggregateBpe(CentralitesAlgorithm):
    ALGORITHM_ID = "aggregate_bpe"
    GROUP_ID = "data"

    INPUT = "INPUT"
    YEAR = "YEAR"
    GAMMES = "GAMMES"
    ARRONDISSEMENTS = "ARRONDISSEMENTS"
    OUTPUT = "OUTPUT"
    POINTS = "POINTS"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Count BPE equipment per commune")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Sums a file of INSEE's Base permanente des équipements (BPE) into one row per commune, to join "
            "to the communes with 'Join INSEE tables to communes'. Two layouts are read: the long layout — "
            "one row per commune (DEPCOM) or IRIS (DCIRIS, cut to its commune) and equipment type (TYPEQU) "
            "with NB_EQUIP — and the point-level layout of INSEE's geolocated files (BPE 2018 and later: "
            "one row per equipment, no NB_EQUIP, each row counts one); both optionally with AN.\n\n"
            "Output fields: DEPCOM (text), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domains: A services, "
            "B shops, C education, D health and social, E transport, F sport and culture, G tourism), "
            "NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (INSEE's gammes), "
            "NB_EQUIP_HORS_GAMME (types in no gamme), NB_TYPEQU (number of distinct equipment types) and "
            "NB_TYPEQU_PROXIMITE, NB_TYPEQU_INTERMEDIAIRE, NB_TYPEQU_SUPERIEURE (distinct types of each gamme).\n\n"
            "Gamme lists: INSEE's lists are shipped per year in resources/bpe/gammes_<year>.csv. With no "
            "file given, the list of the BPE's year is used — the year of its AN column, else the year "
            "given, else the year in the file name (bpe2019_…, BPE24.csv) — or the nearest earlier year's, "
            "or the latest shipped when none is earlier; the log and the report say which list and why. "
            "Another file with the columns TYPEQU and GAMME can be given.\n\n"
            "When the file holds several years (AN), the latest is counted unless a year is given. The "
            "arrondissements of Paris, Lyon and Marseille are counted in their commune (75056, 69123, "
            "13055) unless unticked. Every row left out (invalid code or type, count not a number, another "
            "year) is written to the report.\n\n"
            "Equipments as points (optional, not created by default): the equipments of a point-level file, "
            "one point each in EPSG:2154 with TYPEQU, DEPCOM (the file's code, arrondissements kept), "
            "DOMAINE and GAMME. Coordinates are read from LAMBERT_X/LAMBERT_Y in the CRS of the EPSG column "
            "(without it, Lambert 93, or the département's UTM zone overseas), else LONGITUDE/LATITUDE "
            "(WGS 84); other CRSs are reprojected and counted in the log. Rows without usable coordinates "
            "are counted and written to the report, and still counted in their commune."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("BPE file (long layout: DEPCOM or DCIRIS, TYPEQU, NB_EQUIP; or one row per equipment)")))
        self.addParameter(QgsProcessingParameterString(
            self.YEAR, tr("Year (AN) to count (empty: the latest in the file)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.GAMMES,
            tr("Gamme lists (CSV with TYPEQU and GAMME; empty: INSEE's lists of the BPE's year, shipped)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ARRONDISSEMENTS,
            tr("Count the arrondissements of Paris, Lyon and Marseille in their commune"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Equipment per commune")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.POINTS, tr("Equipments as points (point-level BPE files)"), type=SOURCE_POINT,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, tr("BPE report"), optional=True, createByDefault=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        entry = self.parameterAsFile(parameters, self.INPUT, context)
        if not entry:
            self.fail(tr("Give a BPE file."))
        gammes_path = self.parameterAsFile(parameters, self.GAMMES, context)
        year = self.parameterAsString(parameters, self.YEAR, context).strip() or None
        points_destination = self._points_destination(parameters, context)
        try:
            gammes = user_gammes(gammes_path) if gammes_path else None
            name, frame = read_table_entry(entry, context)
            if feedback.isCanceled():
                return {}
            feedback.pushInfo(tr("Read {name}: {rows} rows, {columns} columns.").format(
                name=name, rows=len(frame), columns=len(frame.columns)))
            result = aggregate(frame, source=name, gammes=gammes, year=year,
                               sum_arrondissements=self.parameterAsBool(parameters, self.ARRONDISSEMENTS, context),
                               bpe_year=year_from_name(entry.split("|")[0]) or year_from_name(name),
                               points=bool(points_destination))
        except TableError as error:  # NoCoordinates included: points asked of a file without coordinates
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        feedback.setProgress(30)
        feedback.pushInfo(tr("Gamme lists: {note}.").format(note=result.summary.gamme_note))

        table = result.table
        if table.empty:
            self.fail(tr("{name}: no row could be counted. {summary}").format(
                name=name, summary=result.summary.line()))
        created = []  # (existed before, sink id) of the files this run writes, removed if cancelled
        destination_before = output_exists(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        sink_id = self._write_table_in_bulk(parameters, context, feedback, table, destination_before, created)
        if sink_id is False:
            return self._cancelled(created)
        if sink_id is None:
            sink, sink_id = self.parameterAsSink(
                parameters, self.OUTPUT, context, fields_for(table, existing=()), NO_GEOMETRY)
            if sink is None:
                self.fail(tr("The output table could not be created."))
            created.append((destination_before, sink_id))
            if not write_table(sink, table, feedback, progress=(30.0, 40.0)):
                del sink
                return self._cancelled(created)
            del sink
        feedback.setProgress(40)
        outputs = {self.OUTPUT: sink_id}

        report = list(result.report)
        if result.points is not None:
            points_id = self._write_points(parameters, context, feedback, result.points, name, report, created)
            if points_id is None:
                return self._cancelled(created)
            outputs[self.POINTS] = points_id
            feedback.pushInfo(result.points.line())
            if result.points.inferred_epsg:
                feedback.pushInfo(tr(
                    "{count} equipments without an EPSG value: their CRS was taken from their département "
                    "(Lambert 93; UTM overseas).").format(count=result.points.inferred_epsg))

        report_sink, report_id = self.parameterAsSink(
            parameters, self.REPORT, context, report_fields(), NO_GEOMETRY)
        if report_sink is not None:
            write_report(report_sink, report)
            outputs[self.REPORT] = report_id
        if result.summary.types_without_gamme:
            feedback.pushWarning(tr(
                "{note}; {count} types in no gamme (counted in NB_EQUIP_HORS_GAMME): {types}.").format(
                note=result.summary.gamme_note, count=len(result.summary.types_without_gamme),
                types=", ".join(result.summary.types_without_gamme)))
        feedback.pushInfo(result.summary.line())
        return outputs

    def _write_table_in_bulk(self, parameters, context, feedback, table, destination_before, created):
        """The counts to a GeoPackage file in bulk (bulk_tables): the destination, False when cancelled, None
        when the output is not a plain GeoPackage file or GDAL cannot write it (the sink writes it then)."""
        target = table_target(self, parameters, self.OUTPUT, context)
        if target is None:
            return None
        try:
            if not write_table_file(target, table, fields_for(table, existing=()), feedback.isCanceled):
                return False
        except BulkUnavailable as reason:
            feedback.pushInfo(tr("Writing feature by feature ({reason}).").format(reason=reason))
            return None
        created.append((destination_before, target.destination))
        target.load_on_completion(context)
        feedback.pushInfo(tr("Written in bulk to {path} (GDAL).").format(path=target.destination))
        return target.destination

    def _points_destination(self, parameters, context):
        """The POINTS destination, or '' when the output is not asked for (the default)."""
        if not parameters.get(self.POINTS):
            return ""
        return self.parameterAsOutputLayer(parameters, self.POINTS, context) or ""

    @staticmethod
    def _point_fields():
        fields = QgsFields()
        for name in POINT_FIELDS:
            fields.append(QgsField(name, FIELD_STRING))
        return fields

    @staticmethod
    def _cancelled(created):
        for existed_before, destination in created:
            discard_output(existed_before, destination)
        return {}

    def _write_points(self, parameters, context, feedback, points, source, report, created):
        """The equipments as points in EPSG:2154: in bulk to a GeoPackage file, else through the sink.

        Returns the output's id, or None when cancelled.
        """
        xs, ys, placed = self._reproject(points, source, report, context, feedback)
        lambert93 = QgsCoordinateReferenceSystem("EPSG:2154")
        columns = {name: points.table[name].tolist() for name in POINT_FIELDS}
        if not placed.all():
            xs, ys = xs[placed], ys[placed]
            columns = {name: [v for v, ok in zip(values, placed.tolist()) if ok] for name, values in columns.items()}
        feedback.setProgress(50)
        target = points_target(self, parameters, self.POINTS, context)
        if target is not None:
            try:
                if not write_points(target, lambert93.toWkt(), xs, ys, columns, feedback.isCanceled):
                    return None
            except BulkUnavailable as reason:
                feedback.pushInfo(tr("Writing the points feature by feature ({reason}).").format(reason=reason))
            else:
                target.load_on_completion(context)
                feedback.pushInfo(tr("Points written in bulk to {path} (GDAL).").format(path=target.destination))
                return target.destination
        points_before = output_exists(self.parameterAsOutputLayer(parameters, self.POINTS, context))
        sink, points_id = self.parameterAsSink(
            parameters, self.POINTS, context, self._point_fields(), POINT_GEOMETRY, lambert93)
        if sink is None:
            self.fail(tr("The points output could not be created."))
        created.append((points_before, points_id))
        total = max(len(xs), 1)
        batch = []
        for count, (x, y, *values) in enumerate(zip(xs.tolist(), ys.tolist(), *columns.values())):
            feature = QgsFeature()
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes(values)
            batch.append(feature)
            if len(batch) == BATCH:
                if feedback.isCanceled():
                    return None
                sink.addFeatures(batch, SINK_FAST_INSERT)
                batch = []
                feedback.setProgress(50.0 + 45.0 * count / total)
        if feedback.isCanceled():
            return None
        sink.addFeatures(batch, SINK_FAST_INSERT)
        del sink
        return points_id

    @staticmethod
    def _reproject(points, source, report, context, feedback):
        """(x, y, placed) in EPSG:2154: rows of another CRS transformed, those QGIS cannot transform reported."""
        table = points.table
        xs = table["x"].to_numpy(dtype="float64", copy=True)
        ys = table["y"].to_numpy(dtype="float64", copy=True)
        epsg = table["epsg"].to_numpy()
        placed = np.ones(len(table), dtype=bool)
        target = QgsCoordinateReferenceSystem("EPSG:2154")
        for code in sorted(set(points.by_epsg) - {LAMBERT_93}):
            positions = (epsg == code).nonzero()[0].tolist()
            crs = QgsCoordinateReferenceSystem(f"EPSG:{code}")
            failed = []
            if crs.isValid():
                transform = QgsCoordinateTransform(crs, target, context.transformContext())
                for position in positions:
                    try:
                        point = transform.transform(QgsPointXY(xs[position], ys[position]))
                    except QgsCsException:
                        failed.append(position)
                        continue
                    xs[position], ys[position] = point.x(), point.y()
            else:
                failed = positions
            if failed:
                placed[failed] = False
                message = (tr("{count} equipments with EPSG:{code} could not be reprojected to EPSG:2154: "
                              "not placed; they are still counted in their commune") if crs.isValid() else
                           tr("{count} equipments with EPSG:{code}, a CRS QGIS does not know: not placed; "
                              "they are still counted in their commune")).format(count=len(failed), code=code)
                report.append({"source": source, "line": None, "code": None, "problem": tr("no coordinates"),
                               "action": message})
                feedback.pushWarning(message)
        return xs, ys, placed
