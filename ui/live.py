"""Live re-scoring of a scored layer: which profile made it, new weights, the fields written back.

The scores come from core.rescoring (the same computation as the
centrality_score algorithm); this module only reads the layer, finds the
profile and method that reproduce its scores, and writes the new values.
"""

import glob
import json
import os
import time

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest, QgsFeedback, QgsProcessingContext, QgsProject

from ..compat import REQUEST_NO_GEOMETRY, python_value
from ..core.profile import (
    LEVEL_METHODS,
    NORMALISATIONS,
    ProfileError,
    default_profile_path,
    fit_profile,
    load_profile,
    profiles_dir,
)
from ..core.rescoring import WEIGHTED_FIELDS, Rescorer, matches_scores
from ..core.scoring import ScoringError
from ..core.vocabulary import CODE_FIELD, CONTRIBUTION_PREFIX, LEVEL_CODE_FIELD

PROJECT_SCOPE = "centralites"


def builtin_profiles():
    """(name, path) of the profiles shipped with the plugin, the default first."""
    paths = sorted(glob.glob(os.path.join(profiles_dir(), "*.json")))
    default = default_profile_path()
    paths.sort(key=lambda p: p != default)
    found = []
    for path in paths:
        try:
            found.append((load_profile(path)["name"], path))
        except ProfileError:
            continue  # a broken file is not offered
    return found


class LiveScores:
    """A scored layer with the profile that reproduces its scores, ready to re-score.

    ``matched`` says whether the profile and method reproduce the layer's
    score_centralite and niveau_code, with ``weights`` ((function weights,
    indicator weights), e.g. saved in the project) or else the profile's own;
    ``rescorer`` is None when the profile's
    columns are not in the layer (``problem`` then says why).
    """

    def __init__(self, layer, profile_path, weights=None):
        self.layer = layer
        self.profile_path = profile_path
        self.rescorer = None
        self.resolved = None
        self.matched = False
        self.problem = None
        self.feature_ids = []
        try:
            self.profile = load_profile(profile_path)  # as written: "Save as profile" keeps its placeholders
            # resolved on this layer's edition: the labels shown say its years (Population 2022)
            self.resolved, self.recognition = fit_profile(self.profile, layer.fields().names())
        except ProfileError as error:
            self.profile = self.resolved = None
            self.problem = str(error)
            return
        self.feature_ids = read_feature_ids(layer)
        frame = read_frame(layer, self.resolved)  # resolved once, above
        stored = read_stored_scores(layer)
        self.written = stored  # what the layer's score fields hold, in feature order
        self.rescorer, self.matched = _matching_rescorer(frame, self.profile, stored, weights)

    def score(self, function_weights, indicator_weights):
        return self.rescorer.score(function_weights, indicator_weights)

    def write(self, scores):
        """Write ``scores`` into the layer, only the values that differ from what it holds;
        returns (success, milliseconds)."""
        ok, milliseconds = write_scores(self.layer, self.feature_ids, scores, self.written)
        if ok:
            self.written = scores[[c for c in self.written.columns if c in scores]].reset_index(drop=True)
        return ok, milliseconds


def _matching_rescorer(frame, profile, stored, weights=None):
    """The Rescorer whose method reproduces the stored scores (the profile's method tried first),
    with ``weights`` when given, or the profile's own when none does."""
    first = None
    for normalisation in _ordered(profile["normalisation"], NORMALISATIONS):
        for aggregation in _ordered(profile["aggregation"], ("arithmetic", "geometric")):
            try:
                rescorer = Rescorer(frame, profile, normalisation=normalisation, aggregation=aggregation)
            except ScoringError:
                continue  # e.g. "reference" without a reference commune
            first = first or rescorer
            known = rescorer.known_weights(*(weights or ({}, {})))
            if _close(rescorer.score(*known), stored):
                for levels in _ordered(profile["levels"]["method"], LEVEL_METHODS):
                    candidate = rescorer.with_levels(levels)
                    if matches_scores(candidate.score(*known), stored):
                        return candidate, True
    return first, False


def _close(result, stored):
    # The composite alone (levels are tried afterwards).
    return matches_scores(result, stored.drop(columns=[LEVEL_CODE_FIELD], errors="ignore"))


def _ordered(first, options):
    return [first] + [o for o in options if o != first]


def read_feature_ids(layer):
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setNoAttributes()
    return [feature.id() for feature in layer.getFeatures(request)]


def read_frame(layer, profile):
    """The profile's columns (and ellipsoidal areas when a density needs them), in feature order,
    indexed by commune code when the layer has INSEE_COM (for a reference commune)."""
    from ..processing.profile_inputs import read_profile_frame

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # the project's ellipsoid, as the algorithm uses
    by_code = layer.fields().lookupField(CODE_FIELD) >= 0
    return read_profile_frame(layer, profile, context, QgsFeedback(), CODE_FIELD if by_code else None, by_code)


def read_stored_scores(layer):
    """The weight-dependent score fields the layer has, in feature order."""
    fields = layer.fields()
    names = [name for name in weighted_fields(fields.names()) if fields.lookupField(name) >= 0]
    indexes = [fields.lookupField(n) for n in names]
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes(indexes)
    rows = []
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        rows.append([python_value(attributes[i]) for i in indexes])
    return pd.DataFrame(rows, columns=names)


def find_profile(layer, candidates=None, weights=None):
    """The first profile (built-in ones by default) that reproduces the layer's scores (with
    ``weights`` when given), as a LiveScores; else the first whose columns are in the layer
    (matched False); else None."""
    fallback = None
    for _name, path in candidates or builtin_profiles():
        live = LiveScores(layer, path, weights)
        if live.rescorer is None:
            continue
        if live.matched:
            return live
        fallback = fallback or live
    return fallback


def weighted_fields(names):
    """The score fields a weight change alters, with the layer's contributions (contrib_*)."""
    return list(WEIGHTED_FIELDS) + [name for name in names if name.startswith(CONTRIBUTION_PREFIX)]


def write_scores(layer, feature_ids, scores, previous=None):
    """Write the weight-dependent score fields of ``scores`` (rows in the order of
    ``feature_ids``) into the layer in one bulk change; returns (success, milliseconds).

    With ``previous`` (the values the layer holds, same rows), only the values that
    differ are written: a function weight leaves the four sub-scores as they are.
    Only score fields change: the attributes the scores are computed from are never
    written. With the layer in edit mode the values go to its edit buffer (the user
    saves or discards them, with undo); otherwise straight to the data provider.
    """
    start = time.perf_counter()
    fields = layer.fields()
    names = [name for name in weighted_fields(fields.names()) if fields.lookupField(name) >= 0 and name in scores]
    changes = {}
    for name in names:
        index = fields.lookupField(name)
        values = _plain(scores[name])
        rows = range(len(values))
        if previous is not None and name in previous:
            rows = np.flatnonzero(_differs(scores[name], previous[name])).tolist()
        for row in rows:
            changes.setdefault(feature_ids[row], {})[index] = values[row]
    ok = True
    if not changes:
        pass
    elif layer.isEditable():
        layer.beginEditCommand("Centralités weights")
        for fid, values in changes.items():
            layer.changeAttributeValues(fid, values)
        layer.endEditCommand()
    else:
        ok = layer.dataProvider().changeAttributeValues(changes)
    layer.triggerRepaint()
    return ok, (time.perf_counter() - start) * 1000.0


def _differs(new, old):
    new, old = pd.Series(new).reset_index(drop=True), pd.Series(old).reset_index(drop=True)
    if new.dtype == object or old.dtype == object:
        same = (new.isna() & old.isna()) | (new.astype(object) == old.astype(object))
        return ~same.to_numpy(dtype=bool)
    a = new.to_numpy(dtype="float64", na_value=np.nan)
    b = pd.to_numeric(old, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return ~((a == b) | (np.isnan(a) & np.isnan(b)))


def _plain(column):
    # Plain Python values for QVariant: NaN and pd.NA as None (NULL), numpy scalars unwrapped.
    values = column.astype(object).where(column.notna(), None).tolist()
    return [value.item() if hasattr(value, "item") else value for value in values]


# ------------------------------------------------------------------ project file


def save_weights(layer, profile_path, function_weights, indicator_weights):
    """The weights of ``layer`` in the project file (scope "centralites", key per layer id)."""
    value = json.dumps({"profile": profile_path, "functions": function_weights, "indicators": indicator_weights})
    QgsProject.instance().writeEntry(PROJECT_SCOPE, f"weights/{layer.id()}", value)


def clear_weights(layer):
    QgsProject.instance().removeEntry(PROJECT_SCOPE, f"weights/{layer.id()}")


def saved_weights(layer):
    """{"profile", "functions", "indicators"} saved for ``layer`` in the project, or None."""
    text, found = QgsProject.instance().readEntry(PROJECT_SCOPE, f"weights/{layer.id()}", "")
    if not found or not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
