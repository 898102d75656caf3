"""The panel's live weights: profile loading, debounced re-scoring, the map following, writing the layer,
saving a profile.

The dock shows; this controller decides when to re-score and when to write.
A slider move re-scores once the moves pause (RESCORE_DELAY_MS); the panel
follows at once, and so does the map: a layer written quickly (a few thousand
communes) is written when the moves pause for longer than a write takes; a
layer slower to write (France: seconds) is drawn from a copy holding the new
scores (live_map), and written on "Write scores to the layer" or when the
panel leaves it (another layer, panel closed, plugin unloaded, commune sheet),
so that no write stalls a slider. A shared database table is written only on
the button.
"""

import json
import os
import tempfile
import time

from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.scoring import ScoringError
from ..i18n import tr
from . import live
from .layer_io import clear_weights, is_shared_database, save_weights
from .live_map import LiveMap

RESCORE_DELAY_MS = 120  # a slider drag re-scores once it pauses, not at every pixel
PREPARE_MAP_DELAY_MS = 300  # once the panel has shown a layer, its copy for the map is made (France: 0.4 s)
QUICK_WRITE_MS = 150  # a write this short after a pause goes unnoticed; a longer one would stall the next move
WRITE_MS_PER_FEATURE = 0.05  # before the first write: a France GeoPackage takes about 1.5 s for 35,000 communes


class LiveController(QObject):
    """Re-scores the panel's layer with the sliders' weights and writes it back.

    ``rescored(result)`` is emitted with each new ScoreResult (rows in the order
    of ``live.feature_ids``), ``profile_changed`` when ``live`` is replaced,
    ``timings_changed`` after a re-score or a write, ``problem(text)`` with a
    message for the user, ``unwritten(bool)`` when scores wait for "Write scores
    to the layer" (a shared database table is written only when asked).
    """

    rescored = pyqtSignal(object)
    profile_changed = pyqtSignal()
    timings_changed = pyqtSignal()
    problem = pyqtSignal(str)
    unwritten = pyqtSignal(bool)

    def __init__(self, weights, parent=None, canvas=None):
        super().__init__(parent)
        self.map = LiveMap(canvas, self)  # the canvas draws new scores from a copy, the layer unwritten
        self.weights = weights  # the WeightSliders whose values are re-scored
        self.layer = None
        self.live = None  # live.LiveScores of the layer: its profile, ready to re-score
        self.pending = None  # ScoreResult re-scored but not yet written to the layer
        self.last_timings = {}  # milliseconds of the last re-score and layer write, and the communes
        self.writes_on_its_own = True  # False for a shared database table: written on "Write scores" only
        self.rescore_timer = QTimer(self)
        self.rescore_timer.setSingleShot(True)
        self.rescore_timer.setInterval(RESCORE_DELAY_MS)
        self.rescore_timer.timeout.connect(self._sliders_paused)
        self.prepare_timer = QTimer(self)  # the map's copy made ahead of the first move, the interface idle
        self.prepare_timer.setSingleShot(True)
        self.prepare_timer.setInterval(PREPARE_MAP_DELAY_MS)
        self.prepare_timer.timeout.connect(self._prepare_map)
        self.write_timer = QTimer(self)
        self.write_timer.setSingleShot(True)
        self.write_timer.timeout.connect(self.write)
        weights.changed.connect(self.rescore_timer.start)

    # ------------------------------------------------------------------ layer
    def flush(self):
        """The last slider move reaches the layer now (before the panel leaves it or closes)."""
        if self.rescore_timer.isActive():
            self.rescore()
        self.write()

    def close(self):
        """The panel closes or the plugin unloads: the last move written, the map given back to the layer
        (even one that could not be written: no values left on the map that exist nowhere)."""
        self.prepare_timer.stop()
        self.flush()
        self.map.hide()

    def open(self, layer, saved=None, table=None):
        """Follow ``layer`` (None: none): its profile — the one saved with its weights in the project,
        else the one that reproduces its scores — and the saved weights re-applied. ``table``: the
        layer's attributes already read by the panel (live.read_table), so that it is read once."""
        self.rescore_timer.stop()
        self.write_timer.stop()
        self.prepare_timer.stop()
        self.map.hide()
        self.pending = None
        self.last_timings = {}
        self.layer = layer
        self.live = None
        self.writes_on_its_own = layer is None or not is_shared_database(layer)
        self.unwritten.emit(False)
        if layer is None:
            self.profile_changed.emit()
            return
        path = (saved or {}).get("profile")
        weights = (saved.get("functions") or {}, saved.get("indicators") or {}) if saved else None
        if path and os.path.exists(path):
            self.live = live.LiveScores(layer, path, weights, table)
        else:  # no weights saved, or a profile file moved away since: the profile that fits the layer
            self.live = live.find_profile(layer, weights=weights, table=table)
        self.profile_changed.emit()
        if self.live is not None and self.live.rescorer is not None and saved:
            self.weights.set_weights(*weights)
            if self.rescore(on_map=False):
                if self.live.holds(self.pending):
                    self.pending = None  # the layer already holds these weights' scores
                else:
                    self._follow(draw=True)
        if self.can_rescore() and self.asks_before_writing() and not self.map.showing():
            self.prepare_timer.start()

    def _prepare_map(self):
        """The map's copy of the layer made now, the interface idle, rather than at the first slider move."""
        try:
            if self.can_rescore() and self.asks_before_writing() and not self.map.showing():
                self.map.prepare(self.layer)
        except RuntimeError:  # the layer was deleted meanwhile: the panel leaves it anyway
            pass

    def discard(self):
        """The user discarded the layer's edits: the weights kept in the project went with them."""
        self.prepare_timer.stop()
        self.rescore_timer.stop()
        self.map.hide()
        self.pending = None
        if self.layer is not None:
            clear_weights(self.layer)

    def set_profile(self, path):
        """Re-score the layer from another profile (its own weights)."""
        if self.layer is None or not path:
            return
        self.rescore_timer.stop()
        self.write()  # what the sliders showed reaches the layer before the profile changes
        if self.pending is not None:  # a shared table not written: the other profile's scores are not kept
            self.pending = None
            self.unwritten.emit(False)
        self.live = live.LiveScores(self.layer, path)
        self.profile_changed.emit()

    # ------------------------------------------------------------------ re-scoring
    def can_rescore(self):
        return self.live is not None and self.live.rescorer is not None

    def asks_before_writing(self):
        """Whether re-scored values wait for "Write scores to the layer" (or the panel leaving the layer):
        a shared database table, or a layer whose write would stall the sliders."""
        if self.layer is None:
            return False
        if not self.writes_on_its_own:
            return True
        # The larger of the estimate and the last write: a write of the few values a reset changes says
        # nothing of the next one.
        expected = max(self.layer.featureCount() * WRITE_MS_PER_FEATURE, self.last_timings.get("write_ms", 0.0))
        return expected > QUICK_WRITE_MS

    def write_hint(self):
        if not self.writes_on_its_own:
            return tr("This layer is a table of a shared database: the panel shows the new scores and changes the "
                      "table only when you click here")
        return tr("Writing this layer takes longer than a slider move: the map shows the new scores at once, and "
                  "they are written into the layer when you click here, choose another layer or close the panel")

    def rescore(self, on_map=True):
        """Re-score with the sliders' weights (``rescored`` is emitted) and, with ``on_map``, draw them on the
        map without writing the layer; the layer is written by ``write``."""
        if not self.can_rescore():
            return False
        function_weights, indicator_weights = self.weights.weights()
        start = time.perf_counter()
        try:
            result = self.live.score(function_weights, indicator_weights)
        except ScoringError as error:
            self.problem.emit(str(error))
            return False
        self.pending = result
        save_weights(self.layer, self.live.profile_path, function_weights, indicator_weights)
        self.last_timings.update(rescore_ms=(time.perf_counter() - start) * 1000.0,
                                 communes=len(self.live.feature_ids))
        self.rescored.emit(result)
        if on_map and self.asks_before_writing():
            start = time.perf_counter()
            if self.map.show(self.layer, self.live.feature_ids, result.scores, self.live.written):
                self.last_timings["map_ms"] = (time.perf_counter() - start) * 1000.0
        self.timings_changed.emit()
        return True

    def apply(self):
        """Re-score with the sliders' weights and write the layer's score fields now."""
        self.rescore_timer.stop()
        if self.rescore(on_map=not self.writes_on_its_own):  # written at once: no copy for the map (but a shared table)
            self.write()

    def _sliders_paused(self):
        if self.rescore():
            self._follow()

    def _follow(self, draw=False):
        """The layer follows the re-scored values: written after a pause when that is quick, else drawn
        from the map's copy (``draw``: not drawn yet) until asked or the panel leaves the layer."""
        if self.asks_before_writing():
            if draw and self.layer is not None and self.pending is not None:
                self.map.show(self.layer, self.live.feature_ids, self.pending.scores, self.live.written)
            self.unwritten.emit(True)
        else:
            self.write_timer.start(max(RESCORE_DELAY_MS, int(1.5 * self.last_timings.get("write_ms", 0.0))))

    def write(self, asked=False):
        """Write the last re-scored values into the layer's score fields (the map and its style follow).
        A shared database table is written only when ``asked`` (the "Write scores to the layer" button)."""
        self.write_timer.stop()
        if self.pending is not None and not self.writes_on_its_own and not asked:
            self.unwritten.emit(True)  # kept for the button: the team's table changes only when asked
            return
        result, self.pending = self.pending, None
        if result is None or self.layer is None or self.live is None:
            return
        if self.weights.is_dragging():
            self.pending = result  # not while a slider is held: the write would stall the drag
            self.write_timer.start()
            return
        ok, write_ms = self.live.write(result.scores)
        if ok:
            self.map.hide()  # the layer holds what the copy showed
            self.last_timings.pop("map_ms", None)
        else:  # e.g. a read-only file or format: the provider refuses the change
            self.map.show(self.layer, self.live.feature_ids, result.scores)
            self.problem.emit(tr("This layer cannot be changed (its format is read-only): the panel and the map "
                                 "show the new scores, the layer keeps the old ones."))
        self.last_timings["write_ms"] = write_ms
        self.timings_changed.emit()
        self.unwritten.emit(False)

    def reset(self):
        """Back to the profile's weights (and the layer to the profile's scores)."""
        if not self.can_rescore():
            return
        rescorer = self.live.rescorer
        self.weights.set_weights(rescorer.profile_function_weights(), rescorer.profile_indicator_weights())
        self.apply()

    # ------------------------------------------------------------------ profiles
    def save_as_profile(self, path):
        """Write a profile with the current weights (and method) to ``path``, whole or not at all;
        it becomes the panel's profile."""
        function_weights, indicator_weights = self.weights.weights()
        name = os.path.splitext(os.path.basename(path))[0]
        profile = self.live.rescorer.profile_with(function_weights, indicator_weights, name=name)
        profile["description"] = tr("Weights set in the Centralités panel, from “{name}”.").format(
            name=self.live.profile["name"])
        folder = os.path.dirname(os.path.abspath(path))
        handle, scratch = tempfile.mkstemp(prefix=".centralites-", suffix=".json", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(profile, stream, ensure_ascii=False, indent=2)
            os.replace(scratch, path)
        except BaseException:
            if os.path.exists(scratch):
                os.remove(scratch)
            raise
        self.set_profile(path)
        return path
