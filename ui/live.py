"""Which profile made a scored layer, ready to re-score it with new weights.

The scores come from core.rescoring (the same computation as the
centrality_score algorithm); this module finds the profile and method that
reproduce the layer's scores. Reading and writing the layer: layer_io.
"""

import copy
import glob
import os

from ..core.profile import (
    LEVEL_METHODS,
    NORMALISATIONS,
    ProfileError,
    default_profile_path,
    fit_profile,
    load_profile,
    profile_columns,
    profiles_dir,
)
from ..core.rescoring import Rescorer, matches_composite, matches_scores
from ..core.scoring import ScoringError, resolve_method
from ..core.vocabulary import CODE_FIELD, COMPOSITE_FIELD, LEVEL_CODE_FIELD
from ..i18n import tr
from .layer_io import LayerTable, display_columns, read_frame, read_stored_scores, weighted_fields, write_scores


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

    def __init__(self, layer, profile_path, weights=None, table=None):
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
        # Read through the same path, so in the same feature order (checked).
        self.feature_ids = []
        stored = read_stored_scores(layer, self.feature_ids, table)
        self.written = stored  # what the layer's score fields hold, in feature order
        frame_ids = []
        frame = read_frame(layer, self.resolved, frame_ids, table)  # resolved once, above
        if frame_ids != self.feature_ids:  # read in another order: the frame follows the stored scores' rows
            position = {fid: row for row, fid in enumerate(frame_ids)}
            if set(position) != set(self.feature_ids):
                self.problem = tr("The layer's features changed while the panel read them: choose the layer again.")
                return
            frame = frame.iloc[[position[fid] for fid in self.feature_ids]]
        self.rescorer, self.matched = _matching_rescorer(frame, self.profile, stored, weights)

    def score(self, function_weights, indicator_weights):
        return self.rescorer.score(function_weights, indicator_weights)

    def holds(self, result):
        """Whether the layer already holds ``result``'s composite and levels."""
        columns = [c for c in (COMPOSITE_FIELD, LEVEL_CODE_FIELD) if c in self.written]
        return matches_scores(result, self.written[columns])

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
    first = prepared = None
    for normalisation in _ordered(profile["normalisation"], NORMALISATIONS):
        normalised = None  # the indicators normalised once per normalisation, aggregated both ways
        for aggregation in _ordered(profile["aggregation"], ("arithmetic", "geometric")):
            try:
                if normalised is None:
                    # The indicators prepared once (they do not depend on the method): France's eight
                    # methods tried in a second, not three.
                    rescorer = normalised = Rescorer(frame, profile, normalisation=normalisation,
                                                     aggregation=aggregation, prepared=prepared)
                    prepared = rescorer.prepared
                else:
                    rescorer = copy.copy(normalised)
                    rescorer.method = resolve_method(profile, normalisation, aggregation)
            except ScoringError:
                continue  # e.g. "reference" without a reference commune
            first = first or rescorer
            known = rescorer.known_weights(*(weights or ({}, {})))
            # The composite alone first (levels are tried afterwards): France's eight methods compared
            # without scoring everything for each.
            if matches_composite(rescorer.composite(*known), stored):
                result = rescorer.score(*known)
                for levels in _ordered(profile["levels"]["method"], LEVEL_METHODS):
                    candidate = rescorer.with_levels(levels)
                    # The same method scores the same: not scored twice (France: 50 ms more at opening).
                    if matches_scores(result if candidate.method == rescorer.method else candidate.score(*known),
                                      stored):
                        return candidate, True
    return first, False


def _ordered(first, options):
    return [first] + [o for o in options if o != first]


def read_table(layer, profile_path=None):
    """The layer's attributes the panel needs — shown, stored scores, and the columns of the profile tried
    first (``profile_path``, else the default one) — in one read (a LayerTable), for opening the panel on it.
    Another profile tried reads only the columns it adds."""
    names = layer.fields().names()
    columns = display_columns(names) + weighted_fields(names) + [CODE_FIELD]
    first = profile_path if profile_path and os.path.exists(profile_path) else default_profile_path()
    try:
        columns += profile_columns(fit_profile(load_profile(first), names)[0])
    except ProfileError:
        pass  # told when the panel tries it
    return LayerTable(layer, columns)


def find_profile(layer, candidates=None, weights=None, table=None):
    """The first profile (built-in ones by default) that reproduces the layer's scores (with
    ``weights`` when given), as a LiveScores; else the first whose columns are in the layer
    (matched False); else None. ``table``: the layer's attributes already read (``read_table``)."""
    fallback = None
    for _name, path in candidates or builtin_profiles():
        live = LiveScores(layer, path, weights, table)
        if live.rescorer is None:
            continue
        if live.matched:
            return live
        fallback = fallback or live
    return fallback
