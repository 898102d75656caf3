"""centralites:centrality_score — four sub-scores, composite, rank and level from a profile."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from ..compat import SOURCE_POLYGON
from ..core.indicators import AREA_COLUMN
from ..core.profile import (
    LEVEL_LABELS,
    ProfileError,
    check_columns,
    load_profile,
    needs_geometry_area,
    profile_columns,
)
from ..core.scoring import LEVEL_FIELD, MISSING_FIELD, OUTPUT_FIELDS, compute_scores
from ..i18n import tr
from .base import CentralitesAlgorithm
from .frames import (
    discard_output,
    ellipsoidal_areas_km2,
    output_exists,
    output_fields,
    read_attributes,
    write_with_columns,
)


class CentralityScore(CentralitesAlgorithm):
    ALGORITHM_ID = "centrality_score"
    GROUP_ID = "diagnostic"

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Centrality score (four functions)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Scores every commune on the four functions of centrality — Habiter, Travailler, "
            "Consommer, Services — from an indicator profile (JSON; empty = the built-in AULA 360° "
            "profile on INSEE's comparator base and BPE domains).\n\n"
            "Method: each indicator is computed from the layer's columns (ratio, per 1,000 "
            "inhabitants, share, density per km², annual growth rate, difference), optionally "
            "log-transformed (log(1+x)), then normalised min-max to 0–100 over the layer "
            "(reversed when its direction is '-'). A function's mean is the weighted mean of its "
            "indicators; the composite is the weighted mean of the four function means. Sub-scores "
            "and composite are then each re-expressed on 0–100 over the layer (100 = the highest "
            "commune).\n\n"
            "Output fields: score_habiter, score_travailler, score_consommer, score_services, "
            "score_centralite (0–100), rang (1 = most central), niveau and niveau_code (1 majeure, "
            "2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité, by the profile's "
            "thresholds on the composite), donnees_manquantes (indicators missing or imputed). "
            "A missing value follows the indicator's policy: reweight (left out, the others' "
            "weights re-spread), zero, or the median. A commune with no data at all is kept with "
            "empty scores and counted in the log."
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
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Scored communes")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        try:
            profile = load_profile(path or None)
            check_columns(profile, source.fields().names())
        except ProfileError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("Profile: {name}").format(name=profile["name"]))

        names = source.fields().names()
        columns = [c for c in profile_columns(profile) if c in names]
        frame = read_attributes(source, columns, feedback)
        if frame is None:
            return {}
        if needs_geometry_area(profile, names):
            feedback.pushInfo(tr("Computing ellipsoidal areas for densities…"))
            areas = ellipsoidal_areas_km2(source, context, feedback)
            if areas is None:
                return {}
            frame[AREA_COLUMN] = areas.to_numpy()
        result = compute_scores(frame, profile)
        feedback.setProgress(50)

        replaced = [name for name in OUTPUT_FIELDS if name in names]
        if replaced:
            feedback.pushInfo(tr("Existing fields replaced by the new scores: {fields}").format(fields=", ".join(replaced)))
        fields = output_fields(source, result.scores, drop_fields=replaced)
        existed = output_exists(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            self.fail(tr("The output layer could not be created."))
        if not write_with_columns(source, sink, result.scores, feedback, drop_fields=replaced):
            del sink
            discard_output(existed, sink_id)
            return {}
        self._log_summary(result, feedback)
        return {self.OUTPUT: sink_id}

    def _log_summary(self, result, feedback):
        scores = result.scores
        counts = scores[LEVEL_FIELD].value_counts()
        feedback.pushInfo(tr("Communes per level:"))
        for label in LEVEL_LABELS:
            feedback.pushInfo(f"  {label}: {int(counts.get(label, 0))}")
        if result.unscored:
            feedback.reportError(
                tr("Communes without any indicator value (kept, with empty scores): {count}.").format(
                    count=result.unscored), fatalError=False)
        imputed = int((scores[MISSING_FIELD] > 0).sum())
        if imputed:
            feedback.pushInfo(tr("Communes with at least one missing or imputed indicator "
                                 "(field donnees_manquantes): {count}.").format(count=imputed))
