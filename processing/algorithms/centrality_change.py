"""centralites:centrality_change — the same profile scored at two dates on one scale: gains, losses, level moves."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ...compat import NO_GEOMETRY, SOURCE_POLYGON
from ...core.bpe import year_from_name
from ...core.editions import fill, has_placeholders, recognise, resolve_at
from ...core.indicators import AREA_COLUMN
from ...core.mergers import Passage
from ...core.profile import ProfileError, load_profile, needs_geometry_area, profile_columns
from ...core.reference import describe as describe_reference
from ...core.scoring import ScoringError
from ...core.tables import TableError
from ...core.trajectory import (
    ALL_TERRITORY,
    BAND_FIELDS,
    BEYOND_BAND_FIELD,
    beyond_band,
    CONTRIBUTION_CHANGE_PREFIX,
    bpe_at_two_dates,
    change_scores,
    date_years,
    move_counts,
    output_fields,
    transitions,
)
from ...core.vocabulary import CODE_FIELD, group_field
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..bulk_geopackage import start_bulk_copy, write_layer_with_columns
from ..frames import ellipsoidal_areas_km2, fields_for, read_attributes, require_field, write_table
from ..profile_inputs import add_method_parameters, method_choices
from ..qml_styles import ChangeStyleOnLoad
from ..reports import report_fields, write_report
from ..table_inputs import read_table_entry, refuse_writing_onto_inputs

MERGED_FIELD = "communes_fusionnees"  # the codes of a commune's former communes summed onto it, per date


class CentralityChange(CentralitesAlgorithm):
    ALGORITHM_ID = "centrality_change"
    GROUP_ID = "diagnostic"

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    BPE_BEFORE = "BPE_BEFORE"
    BPE_AFTER = "BPE_AFTER"
    PASSAGE = "PASSAGE"
    NORMALISATION = "NORMALISATION"
    AGGREGATION = "AGGREGATION"
    LEVEL_METHOD = "LEVEL_METHOD"
    REFERENCE = "REFERENCE"
    CODE_FIELD = "CODE_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    OUTPUT = "OUTPUT"
    TRANSITIONS = "TRANSITIONS"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Centrality change between two dates")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Scores the communes with the same profile at two dates, on one common scale, and gives the change: "
            "centres that gain or lose centrality, and the levels they rise to or fall from.\n\n"
            "Which column gives each date: the profile names the census columns by their role (P{census}_POP…). "
            "At the later date the roles are those of the comparateur joined (e.g. census 2018 in the 2021 "
            "edition); at the earlier date every census role moves one census back (P{census}_POP reads "
            "P13_POP). The BPE counts come from two BPE files in INSEE's long layout (DEPCOM, TYPEQU, NB_EQUIP), "
            "BPE_BEFORE and BPE_AFTER (e.g. 2013 and 2019), counted over the equipment types present in both "
            "(the nomenclature changes between years: the types of one year only are left out, and counted in "
            "the log), with the gamme lists of the later year for both. An indicator that has no column at one "
            "date (a growth rate needing an older census, vacancy when the earlier census lacks it, "
            "establishments of one year, BPE columns without the two files) is left out of both dates, and the "
            "log names it with the reason; the others share its weight.\n\n"
            "One scale: the communes at both dates are scored together. Against France (the built-in profiles) "
            "the national goalposts are fixed; with min-max, z-score or percentile ranks the bounds are taken "
            "over both dates together, so that a point means the same at both dates.\n\n"
            "Merged communes: the BPE of the earlier year is in the geography of its year; with a table de "
            "passage (PASSAGE) the rows of communes merged since are summed onto today's commune (as the join "
            "does), and communes_fusionnees says which codes were summed.\n\n"
            "Output fields: score_<function>_avant, score_<function>_apres and evol_<function> (points) for the "
            "four functions and the composite (score_centralite_avant, score_centralite_apres, "
            "evol_centralite), rang_avant, rang_apres (each date's rank), niveau_avant, niveau_apres, "
            "niveau_code_avant, niveau_code_apres, mouvement (progresse: a level up, recule, stable), "
            "moteurs_evolution (the indicators that moved the composite most, with their points), and "
            "evol_contrib_<indicator id>: each indicator's points in the composite at the later date minus the "
            "earlier one — they add up to evol_centralite.\n\n"
            "With the rank bands of the sensitivity algorithm in the layer (rang_p05, rang_p95, of the later date), "
            "evolution_significative is 1 when the commune's earlier rank lies outside its band, 0 within it: a "
            "change no larger than the method's choices move, drawn as stable by the change style.\n\n"
            "TRANSITIONS: the communes and their population (at each census) from each level to each level, "
            "for the whole territory and for each intercommunality (GROUP_FIELD), with the move."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Communes with the comparateur joined"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile (JSON; empty = built-in AULA 360°)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.BPE_BEFORE, tr("BPE of the earlier date (long layout, e.g. BPE 2013)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.BPE_AFTER, tr("BPE of the later date (long layout, e.g. BPE 2019)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.PASSAGE, tr("Table de passage of merged communes (old code, new code; optional)"), optional=True))
        add_method_parameters(self)
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Commune code field"), defaultValue=CODE_FIELD, parentLayerParameterName=self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, tr("Intercommunality field (for the transition table; empty = found by name)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Centrality change")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TRANSITIONS, tr("Transition table (levels at the two dates)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, tr("BPE report (rows left out, communes merged)"), optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, source)
        entries = {name: self.parameterAsFile(parameters, name, context)
                   for name in (self.BPE_BEFORE, self.BPE_AFTER, self.PASSAGE)}
        if bool(entries[self.BPE_BEFORE]) != bool(entries[self.BPE_AFTER]):
            self.fail(tr("Give the BPE of both dates (BPE_BEFORE and BPE_AFTER), or neither."))
        refuse_writing_onto_inputs(self, parameters, context, [e for e in entries.values() if e])
        try:
            profile = load_profile(self.parameterAsFile(parameters, self.PROFILE, context) or None)
        except ProfileError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("Profile: {name}").format(name=profile["name"]))
        names = source.fields().names()
        recognition = recognise(names)
        if has_placeholders(profile) and recognition.mixed():
            self.fail(recognition.mixed())
        years_before, years_after = date_years(recognition)
        if "census" not in years_before:
            self.fail(tr("The layer has the columns of one census only ({found}): the comparateur's latest and "
                         "previous censuses (P18_POP and P13_POP in the 2021 edition) give the two dates. Join the "
                         "whole comparateur file.").format(found=recognition.describe() or tr("none")))
        feedback.pushInfo(tr("Dates: census {before} and census {after} ({description}).").format(
            before=years_before["census"], after=years_after["census"], description=recognition.describe()))
        methods = method_choices(self, parameters, context)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or CODE_FIELD
        require_field(source, code_field, tr("Commune code field"))
        group = self.parameterAsString(parameters, self.GROUP_FIELD, context) or group_field(names)
        populations = [fill("P{census}_POP", years) for years in (years_before, years_after)]
        columns = []
        for years in (years_before, years_after):
            columns += profile_columns(resolve_at(profile, years, names))
        columns = list(dict.fromkeys([c for c in columns + populations + list(BAND_FIELDS) if c in names]
                                     + [code_field]
                                     + ([group] if group and group in names else [])))
        replaced = [name for name in names
                    if name in output_fields() + [MERGED_FIELD, BEYOND_BAND_FIELD]
                    or name.startswith(CONTRIBUTION_CHANGE_PREFIX)]
        bulk_copy = start_bulk_copy(self, parameters, context, source, drop_fields=replaced)
        try:
            return self._compute_and_write(parameters, context, feedback, source, profile, methods, entries,
                                           code_field, group, populations, columns, replaced, bulk_copy,
                                           recognition)
        finally:
            if bulk_copy is not None:
                bulk_copy.discard()

    def _compute_and_write(self, parameters, context, feedback, source, profile, methods, entries, code_field,
                           group, populations, columns, replaced, bulk_copy, recognition):
        feature_ids = []
        frame = read_attributes(source, columns, feedback, code_field=code_field, feature_ids=feature_ids)
        if frame is None:
            return {}
        codes = frame[code_field].fillna("").str.strip()
        frame.index = codes.to_numpy()
        names = source.fields().names()
        if any(needs_geometry_area(resolve_at(profile, years, names), names)
               for years in date_years(recognition)):
            feedback.pushInfo(tr("Computing ellipsoidal areas for densities…"))
            areas = ellipsoidal_areas_km2(source, context, feedback)
            if areas is None:
                return {}
            frame[AREA_COLUMN] = areas.to_numpy()
        report, merged = [], {}
        before_values = after_values = None
        if entries[self.BPE_BEFORE]:
            dates = self._bpe(entries, context, feedback, list(codes))
            if dates is None:
                return {}
            report, merged = dates.report, dates.merged
            before_values = dates.before.set_axis(frame.index)
            after_values = dates.after.set_axis(frame.index)
        else:
            feedback.pushWarning(tr("No BPE files given: the indicators of equipment counts (columns without a "
                                    "census year) have one date only and are left out."))
        feedback.setProgress(30)
        try:
            result = change_scores(frame, profile, before_values, after_values, recognition=recognition, **methods)
        except ScoringError as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        self._log_method(result, feedback)
        changes = result.changes.copy()
        changes[MERGED_FIELD] = [merged.get(code) for code in frame.index]
        if all(name in frame.columns for name in BAND_FIELDS):
            flags = beyond_band(changes["rang_avant"], frame[BAND_FIELDS[0]], frame[BAND_FIELDS[1]])
            changes[BEYOND_BAND_FIELD] = flags.array  # Int64, by position
            feedback.pushInfo(tr("Rank bands of the sensitivity found (rang_p05, rang_p95): {within} communes moved "
                                 "within their band (evolution_significative = 0, drawn as stable), {beyond} beyond "
                                 "it.").format(within=int((flags == 0).sum()), beyond=int((flags == 1).sum())))
        changes.index = range(len(changes))
        feedback.setProgress(50)
        if replaced:
            feedback.pushInfo(tr("Existing fields replaced: {fields}").format(fields=", ".join(replaced)))
        sink_id = write_layer_with_columns(self, parameters, context, feedback, source, changes, feature_ids,
                                           bulk_copy, drop_fields=replaced)
        if sink_id is None:
            return {}
        outputs = {self.OUTPUT: sink_id}
        if context.willLoadLayerOnCompletion(sink_id):
            context.layerToLoadOnCompletionDetails(sink_id).setPostProcessor(ChangeStyleOnLoad.create())
        groups = frame[group].to_numpy() if group and group in frame.columns else None
        pop = [frame[c] if c in frame.columns else None for c in populations]
        table = transitions(result.changes, groups, pop[0], pop[1])
        table_sink, table_id = self.parameterAsSink(parameters, self.TRANSITIONS, context,
                                                    fields_for(table, existing=()), NO_GEOMETRY)
        if table_sink is not None:
            write_table(table_sink, table)
            outputs[self.TRANSITIONS] = table_id
        report_sink, report_id = self.parameterAsSink(parameters, self.REPORT, context, report_fields(), NO_GEOMETRY)
        if report_sink is not None:
            write_report(report_sink, report)
            outputs[self.REPORT] = report_id
        self._log_moves(table, result, feedback)
        return outputs

    def _bpe(self, entries, context, feedback, codes):
        tables = []
        for name in (self.BPE_BEFORE, self.BPE_AFTER):
            label, frame = read_table_entry(entries[name], context)
            tables.append((label, frame, year_from_name(os.path.basename(entries[name].split("|")[0]))))
            if feedback.isCanceled():
                return None
        passage = None
        if entries[self.PASSAGE]:
            passage_name, passage_frame = read_table_entry(entries[self.PASSAGE], context)
            try:
                passage = Passage(passage_frame, passage_name)
            except TableError as error:
                raise QgsProcessingException(str(error)) from error
        try:
            dates = bpe_at_two_dates(tables[0][1], tables[1][1], codes, passage=passage,
                                     sources=(tables[0][0], tables[1][0]), bpe_years=(tables[0][2], tables[1][2]))
        except TableError as error:
            raise QgsProcessingException(str(error)) from error
        for line in dates.lines:
            feedback.pushInfo(line)
        if dates.only_before or dates.only_after:
            feedback.pushWarning(tr(
                "BPE nomenclature: {before} equipment types of {first} only and {after} of {second} only left "
                "out of both dates ({types}); {kept} types compared.").format(
                before=len(dates.only_before), after=len(dates.only_after), first=tables[0][0],
                second=tables[1][0], types=", ".join(dates.only_before + dates.only_after),
                kept=int(dates.kept_types)))
        if dates.vanished:
            feedback.pushInfo(tr(
                "{count} commune code(s) of {first} are neither in {second} nor in the layer ({codes}): communes "
                "outside the territory without equipment at the later date, or communes merged between the two "
                "dates. If one of them lies in your territory, give the table de passage (PASSAGE): its equipment "
                "is summed onto today's commune instead of being left out.").format(
                count=len(dates.vanished), first=tables[0][0], second=tables[1][0],
                codes=", ".join(dates.vanished)))
        if dates.merged:
            feedback.pushInfo(tr("Communes merged since, summed onto today's commune through the table de passage: "
                                 "{count} ({codes}); field communes_fusionnees.").format(
                count=len(dates.merged), codes=", ".join(sorted(dates.merged))))
        return dates

    @staticmethod
    def _log_method(result, feedback):
        feedback.pushInfo(tr("Method: normalisation {normalisation}, aggregation {aggregation}, levels {levels} "
                             "(limits {limits}), over both dates together.").format(
            normalisation=result.method.normalisation, aggregation=result.method.aggregation,
            levels=result.method.levels, limits=", ".join(f"{t:.1f}" for t in result.thresholds)))
        if result.method.normalisation == "national":
            feedback.pushInfo(tr("National reference: {reference}.").format(reference=describe_reference()))
        for note in result.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(tr("Indicators compared at both dates: {indicators}.").format(
            indicators=", ".join(result.compared)))
        if result.left_out:
            feedback.pushWarning(tr("Indicators left out of both dates ({count}):").format(count=len(result.left_out)))
            for item in result.left_out:
                feedback.pushWarning(f"  {item.key}: {item.reason}")

    @staticmethod
    def _log_moves(table, result, feedback):
        counts = move_counts(table)
        feedback.pushInfo(tr("Communes that rose, fell, held a level:"))
        for territory, moves in counts.items():
            name = tr("whole territory") if territory == ALL_TERRITORY else territory
            feedback.pushInfo(tr("  {territory}: {rose} rose, {fell} fell, {held} held").format(
                territory=name, rose=moves["progresse"], fell=moves["recule"], held=moves["stable"]))
        changes = result.changes
        unscored = int(changes["evol_centralite"].isna().sum())
        if unscored:
            feedback.reportError(tr("Communes not scored at one of the dates (kept, with empty changes): "
                                    "{count}.").format(count=unscored), fatalError=False)
        scored = changes["evol_centralite"].dropna()
        if len(scored):
            feedback.pushInfo(tr("Composite score: {gained} communes gained points, {lost} lost some (median change "
                                 "{median:+.1f} points).").format(gained=int((scored > 0).sum()),
                                                                   lost=int((scored < 0).sum()),
                                                                   median=float(scored.median())))
