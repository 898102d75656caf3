"""A profile read for a layer: resolved against its columns (the INSEE edition said), and the columns it reads."""

from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterString

from ..core.editions import has_placeholders
from ..core.indicators import AREA_COLUMN
from ..core.profile import ProfileError, fit_profile, load_profile, needs_geometry_area, profile_columns
from ..core.vocabulary import CODE_FIELD
from ..i18n import tr
from .frames import ellipsoidal_areas_km2, read_attributes, require_field

# The method parameters' options (centrality_score, centrality_change), in a permanent order (saved models
# store the index); None = the profile's choice.
NORMALISATION_CHOICES = (None, "minmax", "zscore", "percentile", "reference", "national")
AGGREGATION_CHOICES = (None, "arithmetic", "geometric")
LEVEL_CHOICES = (None, "thresholds", "quantiles", "jenks")


def add_method_parameters(algorithm):
    """The NORMALISATION, AGGREGATION, LEVEL_METHOD and REFERENCE parameters of a scoring algorithm."""
    algorithm.addParameter(QgsProcessingParameterEnum(
        algorithm.NORMALISATION, tr("Normalisation"),
        options=[tr("As in the profile"), tr("Min-max (0–100)"), tr("Z-score"), tr("Percentile rank"),
                 tr("Distance to a reference commune"), tr("Against France (national goalposts)")],
        defaultValue=0))
    algorithm.addParameter(QgsProcessingParameterEnum(
        algorithm.AGGREGATION, tr("Aggregation"),
        options=[tr("As in the profile"), tr("Arithmetic (compensatory)"), tr("Geometric (not compensatory)")],
        defaultValue=0))
    algorithm.addParameter(QgsProcessingParameterEnum(
        algorithm.LEVEL_METHOD, tr("Levels of centrality"),
        options=[tr("As in the profile"), tr("Fixed thresholds"), tr("Quantiles"), tr("Natural breaks (Jenks)")],
        defaultValue=0))
    algorithm.addParameter(QgsProcessingParameterString(
        algorithm.REFERENCE, tr("Reference commune (its code; for the distance to a reference)"), optional=True))


def method_choices(algorithm, parameters, context):
    """{"normalisation", "aggregation", "levels", "reference"} as given (None: the profile's choice)."""
    return {
        "normalisation": NORMALISATION_CHOICES[algorithm.parameterAsEnum(parameters, algorithm.NORMALISATION, context)],
        "aggregation": AGGREGATION_CHOICES[algorithm.parameterAsEnum(parameters, algorithm.AGGREGATION, context)],
        "levels": LEVEL_CHOICES[algorithm.parameterAsEnum(parameters, algorithm.LEVEL_METHOD, context)],
        "reference": algorithm.parameterAsString(parameters, algorithm.REFERENCE, context).strip() or None,
    }


def read_profile(path, source, feedback):
    """(the profile — the built-in one when ``path`` is empty — resolved against the layer's columns,
    the ``Recognition`` of the INSEE editions they come from), the edition said in the log."""
    try:
        profile, recognition = fit_profile(load_profile(path or None), source.fields().names())
    except ProfileError as error:
        raise QgsProcessingException(str(error)) from error
    feedback.pushInfo(tr("Profile: {name}").format(name=profile["name"]))
    described = recognition.describe()
    if described:
        feedback.pushInfo(tr("INSEE data recognised: {description}.").format(description=described))
    for note in recognition.notes:
        feedback.pushInfo(note)
    for warning in recognition.warnings:
        feedback.pushWarning(warning)
    return profile, recognition


def read_profile_frame(source, profile, context, feedback, code_field=None, by_code=False, feature_ids=None,
                       read=None):
    """The columns the profile reads, with the geometry's area when a density needs it;
    indexed by the commune codes of ``code_field`` (INSEE_COM by default) when ``by_code``.
    ``read``: how the attributes are read (by default ``frames.read_attributes``; a bulk copy's reader).
    None when cancelled."""
    names = source.fields().names()
    if has_placeholders(profile):  # a profile as written: its columns are those of the layer's edition
        try:
            profile, _ = fit_profile(profile, names)
        except ProfileError as error:
            raise QgsProcessingException(str(error)) from error
    if by_code:
        code_field = code_field or CODE_FIELD
        require_field(source, code_field, tr("Commune code field"))
    else:
        code_field = None
    columns = [c for c in profile_columns(profile) if c in names]
    if code_field and code_field not in columns:
        columns.append(code_field)
    frame = (read or read_attributes)(source, columns, feedback, code_field=code_field, feature_ids=feature_ids)
    if frame is None:
        return None
    if code_field:
        frame.index = frame[code_field].fillna("").str.strip()
    if needs_geometry_area(profile, names):
        feedback.pushInfo(tr("Computing ellipsoidal areas for densities…"))
        areas = ellipsoidal_areas_km2(source, context, feedback)
        if areas is None:
            return None
        frame[AREA_COLUMN] = areas.to_numpy()
    return frame
