"""centralites:territory_summary — totals and means per intercommunality (or any field)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import NO_GEOMETRY, SOURCE_VECTOR_ANY, parameter_as_field_names
from ...core.vocabulary import COMPOSITE_FIELD, LEVEL_CODE_FIELD, SCORE_FIELDS
from ...core.summary import SummaryError, summarise
from ...core.trajectory import CHANGE_FIELD, MOVE_FIELD
from ...i18n import tr
from ..base import CentralitesAlgorithm
from ..frames import fields_for, read_attributes, require_field, write_table


class TerritorySummary(CentralitesAlgorithm):
    ALGORITHM_ID = "territory_summary"
    GROUP_ID = "diagnostic"

    INPUT = "INPUT"
    GROUP_FIELD = "GROUP_FIELD"
    LABEL_FIELD = "LABEL_FIELD"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    SUM_FIELDS = "SUM_FIELDS"
    MEAN_FIELDS = "MEAN_FIELDS"
    TOTAL = "TOTAL"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Territory summary")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "One row per intercommunality — or per value of any field (GROUP_FIELD, SIREN_EPCI by "
            "default) — of a commune layer, usually the output of the centrality score.\n\n"
            "Columns: territoire (the group's value), nom (LABEL_FIELD of its first commune), "
            "nb_communes; the sum of each count field (SUM_FIELDS; the population field when empty); "
            "moy_<field>, the population-weighted mean of each score field (MEAN_FIELDS; every score_* "
            "field of the layer when empty): Σ score × population / Σ population over the communes that "
            "have both; and, when the layer has niveau_code, the number of communes at each level "
            "(nb_majeure, nb_structurante, nb_intermediaire, nb_locale, nb_hors_centralite); on the output of "
            "centrality_change, the communes that rose, fell or held a level (nb_progresse, nb_recule, nb_stable) "
            "and the mean change of the composite (moy_evol_centralite). A last row "
            "TOTAL sums the whole layer (TOTAL parameter). Communes with an empty group value are "
            "gathered under an empty key."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Communes"), [SOURCE_VECTOR_ANY]))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, tr("Group by (intercommunality code or any field)"), "SIREN_EPCI", self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LABEL_FIELD, tr("Name of the group (optional)"), "NOM_EPCI", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, tr("Population field (weights of the means)"), "POPULATION", self.INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SUM_FIELDS, tr("Count fields to sum (empty: the population)"), None, self.INPUT,
            allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.MEAN_FIELDS, tr("Score fields to average (empty: every score_* field)"), None, self.INPUT,
            allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.TOTAL, tr("Add a TOTAL row"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Summary per territory")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            self.fail(tr("The commune layer could not be read."))
        self.require_features(parameters, self.INPUT, source)
        names = source.fields().names()
        group = self.parameterAsString(parameters, self.GROUP_FIELD, context) or "SIREN_EPCI"
        require_field(source, group, tr("Group by"))
        label = self._optional_field(parameters, self.LABEL_FIELD, "NOM_EPCI", source, context)
        weight = self._optional_field(parameters, self.WEIGHT_FIELD, "POPULATION", source, context)
        sums = parameter_as_field_names(self, parameters, self.SUM_FIELDS, context) or ([weight] if weight else [])
        means = parameter_as_field_names(self, parameters, self.MEAN_FIELDS, context) or [
            name for name in SCORE_FIELDS + (COMPOSITE_FIELD,) if name in names]
        for name in sums + means:
            require_field(source, name, tr("Fields to sum or average"))
        if means and not weight:
            feedback.pushInfo(tr("No population field: the means of the scores are not weighted."))
        level = LEVEL_CODE_FIELD if LEVEL_CODE_FIELD in names else None
        moves = MOVE_FIELD if MOVE_FIELD in names else None  # a layer of centrality_change
        if moves and not parameter_as_field_names(self, parameters, self.MEAN_FIELDS, context):
            means += [name for name in (CHANGE_FIELD,) if name in names]
        columns = list(dict.fromkeys([group] + [c for c in (label, weight, level, moves) if c] + sums + means))
        frame = read_attributes(source, columns, feedback, code_field=group)
        if frame is None:
            return {}
        total = self.parameterAsBoolean(parameters, self.TOTAL, context)
        try:
            table = summarise(frame, group, label=label, sums=sums, weight=weight, means=means, level_code=level,
                              total=total, moves=moves)
        except SummaryError as error:
            raise QgsProcessingException(str(error)) from error
        sink, sink_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields_for(table, existing=()), NO_GEOMETRY)
        if sink is None:
            self.fail(tr("The output table could not be created."))
        write_table(sink, table)
        feedback.pushInfo(tr("{count} territories summarised.").format(count=len(table) - (1 if total else 0)))
        return {self.OUTPUT: sink_id}

    def _optional_field(self, parameters, name, default, source, context):
        """The field given, or the default when the layer has it; a field given but absent is an error."""
        value = self.parameterAsString(parameters, name, context)
        if value:
            require_field(source, value, tr("Field"))
            return value
        return default if source.fields().lookupField(default) >= 0 else None
