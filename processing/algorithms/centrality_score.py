"""centralites:centrality_score — four sub-scores, composite, rank and level from a profile."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ...compat import NO_GEOMETRY, SOURCE_POLYGON
from ...core.editions import VINTAGE_FIELD
from ...core.explain import EXPLANATION_FIELD, explanations
from ...core.vocabulary import CODE_FIELD, CONTRIBUTION_PREFIX, LEVEL_FIELD, LEVEL_LABELS, MISSING_FIELD, OUTPUT_FIELDS
from ...core.quality import score_diagnostics
from ...core.reference import describe as describe_reference
from ...core.scoring import ScoringError, compute_scores
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..bulk_geopackage import start_bulk_copy, write_layer_with_columns
from ..frames import fields_for, write_table
from ..profile_inputs import add_method_parameters, method_choices, read_profile, read_profile_frame
from ..qml_styles import StyleOnLoad



class CentralityScore(CentralitesAlgorithm):
    ALGORITHM_ID = "centrality_score"
    GROUP_ID = "diagnostic"

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    NORMALISATION = "NORMALISATION"
    AGGREGATION = "AGGREGATION"
    LEVEL_METHOD = "LEVEL_METHOD"
    REFERENCE = "REFERENCE"
    CODE_FIELD = "CODE_FIELD"
    OUTPUT = "OUTPUT"
    STATISTICS = "STATISTICS"

    def displayName(self):  # noqa: N802
        return tr("Centrality score (four functions)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Scores every commune on the four functions of centrality — Habiter, Travailler, "
            "Consommer, Services — from an indicator profile (JSON; empty = the built-in AULA 360° "
            "profile on INSEE's comparator base and BPE domains, normalised against France).\n\n"
            "1. Indicators are computed from the layer's columns (ratio, per 1,000 inhabitants, share, "
            "density per km², annual growth rate, difference). A missing value follows the indicator's "
            "policy: reweight (left out, the others' weights re-spread), zero, or the territory's median. "
            "Transformation: log(1+x), or winsorise (values clipped to the (100−p)th and pth percentiles).\n\n"
            "2. Normalisation (x reversed when the direction is '-'), against France or over the layer:\n"
            "• against France (the built-in profiles' choice): y = 100 × clip((x − p01) / (p99 − p01), 0, 1), "
            "p01 and p99 the 1st and 99th percentiles of the indicator over the communes of France "
            "(resources/reference/reference_nationale.json, INSEE comparateur 2021 and BPE 2019): a score and "
            "a level mean the same in any territory and do not move when the layer is cut differently;\n"
            "• min-max: y = 100 × (x − min) / (max − min);\n"
            "• z-score: z = (x − mean) / standard deviation, y = 100 × Φ(z), Φ the standard normal "
            "distribution (50 = the layer's mean);\n"
            "• percentile rank: y = 100 × (r − 1) / (n − 1), r the rank from the lowest (ties share their "
            "mean rank), n the communes with a value;\n"
            "• distance to a reference commune: y = min(100, 100 × (x − min) / (x_ref − min)), 100 = the "
            "reference commune (REFERENCE, a code of CODE_FIELD) or better.\n\n"
            "3. Aggregation with the profile's weights, of the indicators into each function and of the "
            "four functions into the composite: arithmetic (compensatory) Σ w·y / Σ w; geometric (a "
            "weakness is not made up by a strength) exp(Σ w·ln(1 + y) / Σ w) − 1.\n\n"
            "Column names follow the edition of INSEE's comparateur joined: a profile writes P{census}_POP "
            "for the population at the latest census, P{previous}_POP at the previous one, MED{income}, "
            "ETGU{establishments}…; the years are read from the layer's columns (every edition since 2019), "
            "growth rates use the real period, and the log says which edition and years were found.\n\n"
            "4. Except against France and with the z-score, sub-scores and composite are re-expressed on "
            "0–100 over the layer (100 = the highest commune); against France the composite is the weighted "
            "mean of the four sub-scores. Raising a '+' indicator never lowers a commune's composite.\n\n"
            "5. Levels (niveau, niveau_code 1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors "
            "centralité) from the composite: fixed thresholds (the profile's, set on its normalisation: the "
            "built-in profiles' are the national composite's quantiles at the INRAE/ANCT shares; another "
            "normalisation chosen here classes by quantiles instead, and the log says so); "
            "quantiles (the top shares of communes, by default 0.4 %, 2.5 %, 11 %, 31 % as in the "
            "INRAE/ANCT 2021 levels of France); or natural breaks (Jenks: the five classes that minimise "
            "the sum of squared deviations from their class means).\n\n"
            "Methods left on 'as in the profile' use the profile's (min-max, arithmetic, thresholds when "
            "it says nothing).\n\n"
            "Output fields: score_habiter, score_travailler, score_consommer, score_services, "
            "score_centralite (0–100), rang (1 = most central), niveau, niveau_code, donnees_manquantes "
            "(indicators missing or imputed), indicateurs_manquants (which, each with what the score did: "
            "\"vacance (médiane), sante (0), emplois\" — median, zero, or left out), millesimes (the INSEE editions and years the columns came from, "
            "e.g. \"INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2021\"), explication (the "
            "commune's two strongest and two weakest indicators on the normalised scale, each with its value and "
            "its rank in the layer, in the user's language), and contrib_<indicator "
            "id> for each indicator: its points in score_centralite, which they add up to (a missing indicator "
            "has none). Before its re-expression the composite is a sum of one term per indicator present — "
            "arithmetic: (W_f / ΣW) × (w_i / Σw_f) × y_i, geometric: the same weights on ln(1 + y_i) —, and each "
            "indicator gets its term's share of the score: contrib_i = score_centralite × term_i / Σ terms. "
            "Data floor (the profile's \"availability\"): a function counts for a commune when at least half "
            "of its indicators have a value (a zero the profile imputes is a value, a median is not); a "
            "commune is scored on at least three functions. A commune below the floor, or with no data at "
            "all, is kept with empty scores, does not shape the others' normalisation, and is counted in "
            "the log. The optional STATISTICS table gives each indicator's count, min, median "
            "and max; the skewness and excess kurtosis of the values normalised, flagged (asymetrique) beyond "
            "2 and 3.5 (the JRC/COINr rule for outliers); against France, the communes clipped at the national "
            "goalposts, at 0 or 100 (ecretees: the outliers' treatment); its Spearman rank correlation with "
            "score_centralite "
            "(r_composite) and with every other indicator; its nominal weight in the composite "
            "(poids_nominal, % = W_f / ΣW × w_i / Σw_f), its effective share of the composite's variance "
            "(part_effective, % = cov(contrib_i, score) / var(score), adding up to 100) and their ratio "
            "(rapport_poids). The log warns of a flagged indicator and of a ratio beyond 2 or below 1/2."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("Communes with joined indicators"), [SOURCE_POLYGON])
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.PROFILE, tr("Indicator profile (JSON; empty = built-in AULA 360°)"),
                extension="json", optional=True,
            )
        )
        add_method_parameters(self)
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Commune code field (for the reference commune)"), defaultValue=CODE_FIELD,
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Scored communes")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STATISTICS, tr("Indicator statistics and correlations"), optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, source)
        profile, recognition = read_profile(self.parameterAsFile(parameters, self.PROFILE, context), source, feedback)
        methods = method_choices(self, parameters, context)
        # A scored layer scored again: its scores, years and contributions (of any profile) are replaced.
        replaced = [name for name in source.fields().names()
                    if name in OUTPUT_FIELDS + (VINTAGE_FIELD, EXPLANATION_FIELD) or name.startswith(CONTRIBUTION_PREFIX)]
        # The layer's copy for a GeoPackage output runs while the scores are computed (a memory layer's once the
        # fields scored are read).
        bulk_copy = start_bulk_copy(self, parameters, context, source, drop_fields=replaced, read_first=True)
        try:
            return self._score_and_write(parameters, context, feedback, source, profile, methods, replaced,
                                         bulk_copy, recognition)
        finally:
            if bulk_copy is not None:
                bulk_copy.discard()

    def _score_and_write(self, parameters, context, feedback, source, profile, methods, replaced, bulk_copy,
                         recognition):
        uses_reference = (methods["normalisation"] or profile["normalisation"]) == "reference"
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) if uses_reference else None
        feature_ids = []
        # A memory layer copied for a GeoPackage output is read once, by the copy.
        frame = read_profile_frame(source, profile, context, feedback, code_field, uses_reference, feature_ids,
                                   read=bulk_copy.attribute_reader() if bulk_copy is not None else None)
        if frame is None:
            return {}
        try:
            result = compute_scores(frame, profile, **methods)
        except ScoringError as error:
            raise QgsProcessingException(str(error)) from error
        # Why each commune scores as it does: its strongest and weakest indicators, in the user's language.
        result.scores[EXPLANATION_FIELD] = explanations(result, profile).to_numpy()
        result.scores.index = range(len(result.scores))
        # The data's years travel with the scores: a map's sources line reads them (export_layout).
        result.scores[VINTAGE_FIELD] = recognition.vintage() or None
        feedback.pushInfo(tr("Method: normalisation {normalisation}, aggregation {aggregation}, levels {levels} "
                             "(limits {limits}).").format(
            normalisation=result.method.normalisation, aggregation=result.method.aggregation,
            levels=result.method.levels, limits=", ".join(f"{t:.1f}" for t in result.thresholds)))
        if result.method.note:
            feedback.pushWarning(result.method.note)
        if result.method.normalisation == "national":
            feedback.pushInfo(tr("National reference: {reference}.").format(reference=describe_reference()))
        feedback.setProgress(50)

        if replaced:
            feedback.pushInfo(tr("Existing fields replaced by the new scores: {fields}").format(fields=", ".join(replaced)))
        sink_id = write_layer_with_columns(self, parameters, context, feedback, source, result.scores,
                                           feature_ids, bulk_copy, drop_fields=replaced)
        if sink_id is None:
            return {}
        outputs = {self.OUTPUT: sink_id}
        if context.willLoadLayerOnCompletion(sink_id):
            # QGIS desktop loads the result: it opens styled by level, names of the main centres.
            context.layerToLoadOnCompletionDetails(sink_id).setPostProcessor(StyleOnLoad.create())
        # The statistics table's ranks and correlations only when it is asked for; the warnings always.
        wanted = bool(self.parameterAsOutputLayer(parameters, self.STATISTICS, context))
        statistics, warnings = score_diagnostics(result, profile, statistics=wanted)
        for warning in warnings:
            feedback.pushWarning(warning)
        if wanted:
            table_sink, table_id = self.parameterAsSink(
                parameters, self.STATISTICS, context, fields_for(statistics, existing=()), NO_GEOMETRY)
            if table_sink is not None:
                write_table(table_sink, statistics)
                outputs[self.STATISTICS] = table_id
        self._log_summary(result, profile, feedback)
        return outputs

    def _log_summary(self, result, profile, feedback):
        scores = result.scores
        warn_weak_indicators(result.indicators, feedback)
        counts = scores[LEVEL_FIELD].value_counts()
        feedback.pushInfo(tr("Communes per level:"))
        for label in LEVEL_LABELS:
            feedback.pushInfo(f"  {label}: {int(counts.get(label, 0))}")
        without_values = result.unscored - result.below_floor
        if without_values:
            feedback.reportError(
                tr("Communes without any indicator value (kept, with empty scores): {count}.").format(
                    count=without_values), fatalError=False)
        if result.below_floor:
            feedback.reportError(tr(
                "Communes below the profile's data floor, not scored (kept, with empty scores; their missing "
                "indicators in indicateurs_manquants): {count}. A commune is scored on at least {functions} "
                "functions, each with at least {share:.0%} of its indicators."
            ).format(count=result.below_floor, functions=profile["availability"]["functions"],
                     share=profile["availability"]["function"]), fatalError=False)
        imputed = int((scores[MISSING_FIELD] > 0).sum())
        if imputed:
            feedback.pushInfo(tr("Communes with at least one missing or imputed indicator "
                                 "(field donnees_manquantes): {count}.").format(count=imputed))


FEW_COMMUNES = 10


def warn_weak_indicators(indicators, feedback):
    """Warnings where the scores are valid but weak: indicators without a value, or the same for every
    commune (they separate nothing), and territories too small for normalisations and quantiles."""
    empty = [key for key in indicators.columns if indicators[key].isna().all()]
    constant = [key for key in indicators.columns
                if key not in empty and indicators[key].nunique(dropna=True) <= 1]
    if empty:
        feedback.pushWarning(tr("Indicators without a value for any commune (left out of the scores): "
                                "{indicators}.").format(indicators=", ".join(empty)))
    if constant and len(constant) + len(empty) == len(indicators.columns):
        feedback.pushWarning(tr("Every indicator has the same value for every commune: the scores cannot tell the "
                                "communes apart (every commune gets the same score and level). Check the "
                                "joined columns."))
    elif constant:
        feedback.pushWarning(tr("Indicators with the same value for every commune (they separate nothing): "
                                "{indicators}.").format(indicators=", ".join(constant)))
    functions = {}
    for key in indicators.columns:
        functions.setdefault(key.split(".")[0], []).append(key)
    for function, keys in functions.items():
        missing = int(indicators[keys].isna().all(axis=1).sum())
        if len(indicators) and missing * 2 > len(indicators):
            feedback.pushWarning(tr("The function {function} has no indicator value for {count} of {total} "
                                    "communes: its score there rests on nothing.").format(
                function=function, count=missing, total=len(indicators)))
    if 0 < len(indicators) < FEW_COMMUNES:
        feedback.pushWarning(tr("Only {count} communes: scores relative to the territory (min-max, percentiles, "
                                "quantile levels) mean little on so few.").format(count=len(indicators)))
