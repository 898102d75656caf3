"""A profile read for a layer: resolved against its columns (the INSEE edition said), and the columns it reads."""

from qgis.core import QgsProcessingException

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


def read_profile_frame(source, profile, context, feedback, code_field=None, by_code=False, feature_ids=None):
    """The columns the profile reads, with the geometry's area when a density needs it;
    indexed by the commune codes of ``code_field`` (INSEE_COM by default) when ``by_code``.
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
    frame = read_attributes(source, columns, feedback, code_field=code_field, feature_ids=feature_ids)
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
