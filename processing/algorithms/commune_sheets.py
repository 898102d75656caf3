"""centralites:commune_sheets — one A4 page per commune (fiche communale), in one PDF and optionally one per commune."""

import os
import shutil
import tempfile
import unicodedata
import uuid

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsFeedback,
    QgsLayoutExporter,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsRectangle,
    QgsVectorLayer,
)

from qgis.PyQt.QtCore import QLocale

from ...compat import FLAG_NO_THREADING, REQUEST_NO_GEOMETRY, SOURCE_POLYGON
from ...core.change import CHANGE_COLUMN
from ...core.editions import VINTAGE_FIELD
from ...core.indicators import AREA_COLUMN
from ...core.profile import needs_geometry_area, profile_columns
from ...core.sensitivity import BAND_FIELDS
from ...core.sheets import build_sheets, sheet_file_name
from ...core.vocabulary import (
    CODE_FIELD,
    COMPOSITE_FIELD,
    CONTRIBUTION_PREFIX,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    RANK_FIELD,
    SCORE_FIELDS,
    find_field,
    group_field,
    name_field,
)
from ...i18n import tr
from ..base import CentralitesAlgorithm, plugin_version
from ..chart_picture import SheetChart, chart_unavailable_reason
from ..frames import ellipsoidal_areas_km2, read_attributes, require_field
from ..profile_inputs import read_profile
from ..qml_styles import StyleFileError, apply_level_style, apply_main_centre_labels
from ..qpt_layouts import LayoutTemplateError, data_vintage, default_sources, dissolved_outlines
from ..sheet_pages import (
    chart_size,
    coverage_layer,
    export_sheet_files,
    export_sheets,
    fill_sheet_layout,
    fitted_extent,
    load_sheet_template,
    map_ratio,
    private_project,
    rows_layer,
)

ORDERS = ("name", "rank", "code")  # permanent order: saved models store the index
CHART_SHARE = 35.0  # progress: the charts up to here, then the pages


class CommuneSheets(CentralitesAlgorithm):
    ALGORITHM_ID = "commune_sheets"
    GROUP_ID = "cartography"

    INPUT = "INPUT"
    FILTER = "FILTER"
    PROFILE = "PROFILE"
    NAME_FIELD = "NAME_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    ORDER = "ORDER"
    DPI = "DPI"
    TEMPLATE = "TEMPLATE"
    OUTPUT = "OUTPUT"
    FOLDER = "FOLDER"
    PAGES = "PAGES"

    def displayName(self):  # noqa: N802
        return tr("Commune sheets (PDF, one page per commune)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "One A4 page per commune of a scored layer (the output of “Centrality score”): every commune, the "
            "selected ones (tick “Selected features only”), or those of a filter expression such as "
            "\"NOM_EPCI\" = 'CC du Ternois' or \"niveau_code\" <= 2 — in one PDF, and optionally one PDF per "
            "commune in a folder, named by code and name.\n\n"
            "Each page: the commune's name, code and intercommunality, its level, its rank out of the communes "
            "scored, its composite score and, when the layer carries the sensitivity fields (rang_p05, "
            "rang_p95), its rank band; a chart of its four functions against the territory's median and the "
            "mean of its level; the indicators of the profile — raw value with its unit, the territory's "
            "median, the commune's percentile among the territory's communes (P90: higher than 90 % of "
            "them), its contribution to the composite in points (the contrib_ fields), ▲ a strength (ahead of "
            "at least 75 % of the communes, on the indicator's direction: a low vacancy is ahead) or ▼ a "
            "weakness (ahead of at most 25 %); three sentences that say why; a locator map of the commune in "
            "its intercommunality, the communes coloured by level with the names of the main centres; the "
            "change of population and jobs between the two census years of the layer; the sources with the "
            "INSEE editions used (field millesimes), the date and the page number. The territory is the whole "
            "layer: medians, percentiles and level means are taken over all its communes.\n\n"
            "The profile must be the one the layer was scored with (empty: the built-in one). The page comes "
            "from the plugin's template resources/layouts/fiche_communale_A4.qpt, or from your own .qpt "
            "(your logo, your colours) keeping the item ids title, subtitle, summary, map, legend, chart, "
            "change, explanation, indicators (an attribute table's frame), sources, date, page; the items it "
            "lacks are left out and listed in the log. The chart needs pyqtgraph."
        )

    def flags(self):
        # Main thread: the charts are drawn with Qt widgets (pyqtgraph).
        return super().flags() | FLAG_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Scored commune layer (the selected communes, or all)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Only the communes where this expression is true (empty: all)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile the layer was scored with (JSON; empty = built-in AULA 360°)"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, tr("Commune name field (empty: NOM, NOM_COM or LIBGEO)"), None, self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, tr("Intercommunality field (empty: NOM_EPCI, LIBEPCI… when present)"), None,
            self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ORDER, tr("Order of the pages"), [tr("By name"), tr("By rank"), tr("By code")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, tr("Resolution of the pictures (DPI)"), defaultValue=150, minValue=72, maxValue=600))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, tr("Sheet template (.qpt; empty: the plugin's own)"), extension="qpt", optional=True))
        # Optional, made by default: in a model, an output left empty skips the sheets (nothing is computed).
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Sheets (PDF)"), "PDF (*.pdf)", optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.FOLDER, tr("Also one PDF per commune in this folder (optional)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        layer = self._territory(parameters, context)
        if source is None or layer is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, source)
        if not self.parameterAsFileOutput(parameters, self.OUTPUT, context) \
                and not self.parameterAsString(parameters, self.FOLDER, context):
            feedback.pushInfo(tr("No PDF and no folder asked: no sheet made."))
            return {self.PAGES: 0}
        names = layer.fields().names()
        for field in (COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD) + SCORE_FIELDS:
            if field not in names:
                self.fail(tr("The layer has no field '{field}': run the centrality score first.").format(field=field))
        fields = {
            "name": self.parameterAsString(parameters, self.NAME_FIELD, context) or name_field(names),
            "group": self.parameterAsString(parameters, self.GROUP_FIELD, context) or group_field(names),
            "code": find_field(names, CODE_FIELD),
        }
        for key, parameter in (("name", self.NAME_FIELD), ("group", self.GROUP_FIELD)):
            if fields[key]:
                require_field(layer, fields[key], self.parameterDefinition(parameter).description())
        chosen = self._chosen(parameters, context, source, feedback)
        if chosen is None:
            return {}
        profile, _ = read_profile(self.parameterAsFile(parameters, self.PROFILE, context), layer, feedback)
        feature_ids = []
        frame = self._read(layer, profile, fields, context, feedback, feature_ids)
        if frame is None:
            return {}
        position = {fid: k for k, fid in enumerate(feature_ids)}
        positions = [position[fid] for fid in chosen if fid in position]
        positions = ordered(frame, positions, ORDERS[self.parameterAsEnum(parameters, self.ORDER, context)], fields)
        # Numbers as the user reads them: QGIS sets Qt's default locale to its number format ("," in French).
        sheets = build_sheets(frame, profile, positions, fields["name"], fields["code"], fields["group"],
                              decimal_mark=QLocale().decimalPoint())
        missing_contributions = [i.label for i in sheets.indicators if i.contribution_field not in names]
        if missing_contributions:
            feedback.pushWarning(tr("The layer has no contribution for {indicators}: was it scored with this "
                                    "profile? Their points are left empty.").format(
                indicators=", ".join(missing_contributions)))
        feedback.pushInfo(tr("{count} sheets to make.").format(count=len(positions)))
        feedback.setProgress(5)
        try:
            return self._make(parameters, context, feedback, layer, frame, feature_ids, positions, sheets, fields,
                              profile)
        except (LayoutTemplateError, StyleFileError) as error:
            raise QgsProcessingException(str(error)) from None

    def _territory(self, parameters, context):
        """The whole layer behind the input (every commune: the territory), even when only its selection is
        to be made into sheets."""
        value = parameters.get(self.INPUT)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            text, _ = value.source.valueAsString(context.expressionContext())
            layer = QgsProcessingUtils.mapLayerFromString(text, context)
            return layer if isinstance(layer, QgsVectorLayer) else None
        return self.parameterAsVectorLayer(parameters, self.INPUT, context)

    def _chosen(self, parameters, context, source, feedback):
        """The feature ids of the communes chosen: the source's (its selection), filtered by the expression."""
        request = QgsFeatureRequest().setNoAttributes().setFlags(REQUEST_NO_GEOMETRY)
        text = self.parameterAsExpression(parameters, self.FILTER, context)
        if text:
            expression = QgsExpression(text)
            if expression.hasParserError():
                self.fail(tr("The filter expression is not valid: {error}").format(error=expression.parserErrorString()))
            request = QgsFeatureRequest(expression, context.expressionContext())
            request.setFlags(REQUEST_NO_GEOMETRY)
        ids = []
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                return None
            ids.append(feature.id())
        if not ids:
            self.fail(tr("No commune matches the filter expression {expression}: nothing to make.").format(
                expression=text))
        return ids

    def _read(self, layer, profile, fields, context, feedback, feature_ids):
        names = layer.fields().names()
        wanted = [fields["code"], fields["name"], fields["group"], COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD,
                  LEVEL_CODE_FIELD, VINTAGE_FIELD, *SCORE_FIELDS, *BAND_FIELDS]
        wanted += [name for name in names if name.startswith(CONTRIBUTION_PREFIX) or CHANGE_COLUMN.fullmatch(name)]
        wanted += list(profile_columns(profile))
        columns = list(dict.fromkeys(name for name in wanted if name and name in names))
        frame = read_attributes(layer, columns, feedback, code_field=fields["code"], feature_ids=feature_ids)
        if frame is None:
            return None
        if needs_geometry_area(profile, names):
            areas = ellipsoidal_areas_km2(layer, context, feedback)
            if areas is None:
                return None
            frame[AREA_COLUMN] = areas.to_numpy()
        return frame

    def _make(self, parameters, context, feedback, layer, frame, feature_ids, positions, sheets, fields, profile):
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        folder = self.parameterAsString(parameters, self.FOLDER, context)
        folder = self.parameterAsFileOutput(parameters, self.FOLDER, context) if folder else ""
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        project = private_project(layer.crs())
        layout, missing = load_sheet_template(project, self.parameterAsFile(parameters, self.TEMPLATE, context))
        if missing:
            feedback.pushWarning(tr("The sheet template has no item of id {ids}: left out of the pages.").format(
                ids=", ".join(missing)))
        group = fields["group"]
        outlines = dissolved_outlines(layer, group, tr("Intercommunalities")) if group else None
        extents = self._extents(layer, frame, feature_ids, positions, group, map_ratio(layout))
        work = tempfile.mkdtemp(prefix="centralites-sheets-")
        written = []  # files to remove after a failure or a cancel
        try:
            charts = self._charts(layout, sheets, frame, positions, work, dpi, feedback)
            if charts is None:
                return {}
            pages = []
            for number, position in enumerate(positions, start=1):
                page = sheets.pages.loc[position]
                code = frame.at[position, fields["code"]] if fields["code"] else str(number)
                pages.append({"page": number, "title": page["title"], "subtitle": page["subtitle"],
                              "summary": page["summary"], "explanation": page["explanation"],
                              "change": page["change"], "chart": charts.get(position, ""),
                              "file": sheet_file_name(code or number, page["title"] if fields["name"] else "")})
            geometries = self._geometries(layer, [feature_ids[p] for p in positions])
            coverage = coverage_layer(layer.crs().authid(), pages, geometries, extents)
            page_of = {position: number for number, position in enumerate(positions, start=1)}
            rows = rows_layer([dict(row, page=page_of[row["page"]]) for row in _first_of_function(sheets.rows)])
            levels = layer.clone()
            apply_level_style(levels)
            levels.setName(tr("Level of centrality"))
            if fields["name"]:
                apply_main_centre_labels(levels, fields["name"])
            sources = default_sources(plugin_version(), data_vintage(layer)) + " " + tr(
                "Profile: {name}.").format(name=profile["name"])
            fill_sheet_layout(layout, project, levels, outlines, coverage, rows, sources)
            outputs = {self.PAGES: len(positions)}
            moves = []
            if pdf:
                partial = _hidden(pdf)
                written.append(partial)
                result = self._export(lambda fb: export_sheets(layout, partial, fb, dpi), feedback,
                                       CHART_SHARE, 100.0 if not folder else 80.0)
                if result is None:
                    return {}
                self._check(result, pdf)
                outputs[self.OUTPUT] = pdf
                moves.append((partial, pdf))
            if folder:
                os.makedirs(folder, exist_ok=True)
                staging = os.path.join(folder, f".centralites-{uuid.uuid4().hex[:12]}")
                os.makedirs(staging)
                written.append(staging)
                result = self._export(lambda fb: export_sheet_files(layout, staging, fb, dpi), feedback,
                                       80.0 if pdf else CHART_SHARE, 100.0)
                if result is None:
                    return {}
                self._check(result, folder)
                for name in sorted(os.listdir(staging)):
                    moves.append((os.path.join(staging, name), os.path.join(folder, name)))
                files = len(moves) - (1 if pdf else 0)
                moves.append((staging, None))  # removed once emptied
                outputs[self.FOLDER] = folder
            if feedback.isCanceled():
                return {}
            for partial_file, final in moves:
                if final is None:
                    os.rmdir(partial_file)
                else:
                    os.replace(partial_file, final)
            if folder:
                feedback.pushInfo(tr("{count} PDF files in {folder}.").format(count=files, folder=folder))
            if pdf:
                feedback.pushInfo(tr("{count} pages written to {path}.").format(count=len(positions), path=pdf))
            written.clear()
            del project
            return outputs
        finally:
            shutil.rmtree(work, ignore_errors=True)
            for path in written:  # what a failed or cancelled run leaves: nothing
                if os.path.isdir(path):
                    shutil.rmtree(path, ignore_errors=True)
                elif os.path.exists(path):
                    os.remove(path)

    def _charts(self, layout, sheets, frame, positions, work, dpi, feedback):
        """{position: PNG path} of the four functions' charts; {} without a chart item or pyqtgraph; None
        when cancelled."""
        size = chart_size(layout)
        if size is None:
            return {}
        reason = chart_unavailable_reason()
        if reason:
            feedback.pushWarning(reason)
            layout.removeLayoutItem(layout.itemById("chart"))
            return {}
        chart = SheetChart(*size, dpi=max(dpi, 150))
        paths = {}
        try:
            for count, position in enumerate(positions):
                if feedback.isCanceled():
                    return None
                path = os.path.join(work, f"chart-{count:05d}.png")
                level = frame.at[position, LEVEL_FIELD]
                if not chart.write(path, sheets.scores.loc[position].tolist(), sheets.medians,
                                   sheets.level_means.loc[position].tolist(), "" if level is None else str(level)):
                    raise QgsProcessingException(tr("The chart {path} could not be written.").format(path=path))
                paths[position] = path
                feedback.setProgress(5 + (CHART_SHARE - 5) * (count + 1) / len(positions))
        finally:
            chart.close()
        return paths

    @staticmethod
    def _geometries(layer, ids):
        request = QgsFeatureRequest().setFilterFids(ids).setNoAttributes()
        found = {feature.id(): feature.geometry() for feature in layer.getFeatures(request)}
        return [found.get(fid) for fid in ids]

    @staticmethod
    def _extents(layer, frame, feature_ids, positions, group, ratio):
        """The locator map's extent of each page: the commune's intercommunality (or the commune and its
        surroundings without one), fitted to the map item."""
        boxes, groups = {}, {}
        request = QgsFeatureRequest().setSubsetOfAttributes([group] if group else [], layer.fields())
        for feature in layer.getFeatures(request):
            if not feature.hasGeometry():
                continue
            box = feature.geometry().boundingBox()
            boxes[feature.id()] = box
            if group:
                key = feature[group]
                if key in groups:
                    groups[key].combineExtentWith(box)
                else:
                    groups[key] = QgsRectangle(box)
                groups.setdefault(("fid", feature.id()), key)
        extents = []
        for position in positions:
            fid = feature_ids[position]
            box = boxes.get(fid)
            if box is None:
                extents.append(fitted_extent(layer.extent(), ratio))
                continue
            key = groups.get(("fid", fid)) if group else None
            area = QgsRectangle(groups[key]) if key in groups else None
            if area is None:
                area = QgsRectangle(box)
                area.scale(4.0)
            extents.append(fitted_extent(area, ratio))
        return extents

    def _export(self, export, feedback, start, end):
        """Run ``export(child feedback)`` with its progress mapped on [start, end] and the run's cancel
        passed on; the result, or None when cancelled."""
        child = QgsFeedback()

        def progress(value):
            if feedback.isCanceled():
                child.cancel()
            feedback.setProgress(start + (end - start) * value / 100.0)

        child.progressChanged.connect(progress)
        result, error = export(child)
        if feedback.isCanceled() or result == QgsLayoutExporter.ExportResult.Canceled:
            return None
        self._last_error = error
        return result

    def _check(self, result, path):
        if result != QgsLayoutExporter.ExportResult.Success:
            self.fail(tr("The sheets could not be written to {path} (error {code}: {error}): check that the folder "
                         "exists and is writable.").format(path=path, code=int(result),
                                                           error=getattr(self, "_last_error", "") or "—"))


def ordered(frame, positions, order, fields):
    """The pages' order: by name (accents ignored), by rank (the unscored last), or by code."""
    def name(position):
        value = frame.at[position, fields["name"]] if fields["name"] else ""
        text = unicodedata.normalize("NFKD", "" if value is None else str(value))
        return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()

    def code(position):
        value = frame.at[position, fields["code"]] if fields["code"] else None
        return "" if value is None else str(value)

    if order == "rank":
        ranks = frame[RANK_FIELD]

        def key(position):
            rank = ranks.iat[position]
            return (rank != rank or rank is None, 0 if rank != rank or rank is None else rank, name(position))
    elif order == "code":
        def key(position):
            return (code(position), position)
    else:
        def key(position):
            return (name(position), code(position))
    return sorted(positions, key=key)


def _hidden(path):
    folder, name = os.path.split(path)
    root, extension = os.path.splitext(name)
    return os.path.join(folder, f".centralites-{root}.partial{extension}")


def _first_of_function(rows):
    """The table's rows, the function named on its first indicator only (the table reads as groups)."""
    previous = None
    for row in rows.to_dict("records"):
        key = (row["page"], row["function"])
        if key == previous:
            row = dict(row, function="")
        previous = key
        yield row
