"""centralites:sensitivity — Monte Carlo rank bands over weights and scoring methods."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import NUMBER_DOUBLE, SOURCE_POLYGON
from ...core.scoring import ScoringError
from ...core.sensitivity import OUTPUT_FIELDS, monte_carlo
from ...core.vocabulary import CODE_FIELD
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..bulk_geopackage import start_bulk_copy, write_layer_with_columns
from ..profile_inputs import read_profile, read_profile_frame

# Enum options, in a permanent order (saved models store the indexes).
WEIGHT_CHOICES = ("none", "noise", "dirichlet")
NORMALISATION_CHOICES = ("minmax", "zscore", "percentile", "reference", "national")
AGGREGATION_CHOICES = ("arithmetic", "geometric")


class Sensitivity(CentralitesAlgorithm):
    ALGORITHM_ID = "sensitivity"
    GROUP_ID = "diagnostic"

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    DRAWS = "DRAWS"
    WEIGHTS = "WEIGHTS"
    NOISE = "NOISE"
    NORMALISATIONS = "NORMALISATIONS"
    AGGREGATIONS = "AGGREGATIONS"
    REFERENCE = "REFERENCE"
    CODE_FIELD = "CODE_FIELD"
    SEED = "SEED"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Sensitivity of the ranks (Monte Carlo)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "How much does a commune's rank depend on the scoring choices? Each of DRAWS random draws "
            "scores the communes again with the profile's indicators (see the centrality score's help for "
            "the formulas), a normalisation and an aggregation picked at random among those chosen, and "
            "perturbed weights:\n"
            "• noise: each weight multiplied by (1 + u), u uniform between −NOISE and +NOISE;\n"
            "• Dirichlet: the weights of the indicators of each function, and of the four functions, drawn "
            "from a Dirichlet distribution whose mean is the profile's weights (with equal weights, every "
            "split of the total is equally likely);\n"
            "• none: the profile's weights, only the methods vary.\n\n"
            "Output fields, added to the communes: rang_p05, rang_p50, rang_p95 (5th, 50th and 95th "
            "percentiles of the commune's rank over the draws, 1 = most central) and part_niveau_stable "
            "(% of the draws in which the commune keeps the level of the reference run, the profile's own "
            "methods and weights; levels by the profile's method, classed exactly as the reference run), and "
            "which choice moves the commune: ecart_poids, the width rang_p95 − rang_p05 with the weights alone "
            "drawn (the profile's methods kept), and ecart_methodes, with the methods alone drawn (the "
            "profile's weights kept), half as many draws each. A narrow band means a rank that does not "
            "depend on the choices. The same SEED gives the same result. Communes without any data get "
            "empty fields."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("Communes with joined indicators"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile (JSON; empty = built-in AULA 360°)"), extension="json",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DRAWS, tr("Number of draws"), defaultValue=1000, minValue=1, maxValue=100000))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, tr("Weight perturbation"),
            options=[tr("None"), tr("Noise (uniform, ± a share)"), tr("Dirichlet")], defaultValue=2))
        self.addParameter(QgsProcessingParameterNumber(
            self.NOISE, tr("Noise: share of each weight (0.25 = ±25 %)"),
            type=NUMBER_DOUBLE,
            defaultValue=0.25, minValue=0.01, maxValue=0.99))
        self.addParameter(QgsProcessingParameterEnum(
            self.NORMALISATIONS, tr("Normalisations drawn from"),
            options=[tr("Min-max (0–100)"), tr("Z-score"), tr("Percentile rank"),
                     tr("Distance to a reference commune"), tr("Against France (national goalposts)")],
            allowMultiple=True, defaultValue=[0, 1, 2, 4]))
        self.addParameter(QgsProcessingParameterEnum(
            self.AGGREGATIONS, tr("Aggregations drawn from"),
            options=[tr("Arithmetic (compensatory)"), tr("Geometric (not compensatory)")],
            allowMultiple=True, defaultValue=[0, 1]))
        self.addParameter(QgsProcessingParameterString(
            self.REFERENCE, tr("Reference commune (its code; for the distance to a reference)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Commune code field (for the reference commune)"), defaultValue=CODE_FIELD,
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed"), defaultValue=1, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Communes with rank bands")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, source)
        profile, _ = read_profile(self.parameterAsFile(parameters, self.PROFILE, context), source, feedback)
        normalisations = tuple(NORMALISATION_CHOICES[i]
                               for i in self.parameterAsEnums(parameters, self.NORMALISATIONS, context))
        aggregations = tuple(AGGREGATION_CHOICES[i]
                             for i in self.parameterAsEnums(parameters, self.AGGREGATIONS, context))
        reference = self.parameterAsString(parameters, self.REFERENCE, context).strip() or None
        by_code = "reference" in normalisations or profile["normalisation"] == "reference"
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) if by_code else None
        replaced = [name for name in OUTPUT_FIELDS if name in source.fields().names()]
        # The layer's copy for a GeoPackage output runs while the draws are computed.
        bulk_copy = start_bulk_copy(self, parameters, context, source, drop_fields=replaced)
        try:
            simulated = self._simulate(parameters, context, feedback, source, profile, normalisations,
                                       aggregations, reference, code_field, by_code)
            if simulated is None:
                return {}
            bands, feature_ids = simulated
            if replaced:
                feedback.pushInfo(tr("Existing fields replaced: {fields}").format(fields=", ".join(replaced)))
            sink_id = write_layer_with_columns(self, parameters, context, feedback, source, bands,
                                               feature_ids, bulk_copy, drop_fields=replaced)
        finally:
            if bulk_copy is not None:
                bulk_copy.discard()
        if sink_id is None:
            return {}
        known = bands.dropna()
        if len(known):
            feedback.pushInfo(tr("Median width of the 90 % rank band: {width} ranks; communes keeping their "
                                 "level in at least 90 % of the draws: {stable} of {total}.").format(
                width=int((known["rang_p95"] - known["rang_p05"]).median()),
                stable=int((known["part_niveau_stable"] >= 90).sum()), total=len(known)))
            feedback.pushInfo(tr("Which choice moves the ranks: median band width {weights} ranks with the weights "
                                 "alone drawn (ecart_poids), {methods} with the methods alone "
                                 "(ecart_methodes).").format(
                weights=int(known["ecart_poids"].median()), methods=int(known["ecart_methodes"].median())))
        return {self.OUTPUT: sink_id}

    def _simulate(self, parameters, context, feedback, source, profile, normalisations, aggregations, reference,
                  code_field, by_code):
        """(rank bands, one row per feature; the features' ids), or None when cancelled."""
        feature_ids = []
        frame = read_profile_frame(source, profile, context, feedback, code_field, by_code, feature_ids)
        if frame is None:
            return None
        draws = self.parameterAsInt(parameters, self.DRAWS, context)
        feedback.pushInfo(tr("{draws} draws…").format(draws=draws))
        try:
            result = monte_carlo(
                frame, profile, draws=draws,
                weights=WEIGHT_CHOICES[self.parameterAsEnum(parameters, self.WEIGHTS, context)],
                noise=self.parameterAsDouble(parameters, self.NOISE, context),
                normalisations=normalisations, aggregations=aggregations, reference=reference,
                seed=self.parameterAsInt(parameters, self.SEED, context), is_cancelled=feedback.isCanceled)
        except ScoringError as error:
            raise QgsProcessingException(str(error)) from error
        if result is None:
            return None
        feedback.setProgress(50)
        return result.bands.reset_index(drop=True), feature_ids
