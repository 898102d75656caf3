"""The map while the weights are tuned: a copy of the layer, in memory and with the layer's own style,
drawn in the layer's place on the map canvas and holding the re-scored values.

Writing France's 35,000 communes into a GeoPackage takes seconds, re-scoring them
milliseconds: a slider move changes the copy's values (only those that differ, only
the fields the style draws), the canvas repaints it, and the layer itself is left
alone until its scores are written. Nothing of this is in the project: the copy is
not one of its layers, only the canvas's list of layers shows it, so a project saved
while tuning holds the user's layer and style as they are. When the scores are
written, or the panel leaves the layer, the canvas shows the layer again.
"""

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest, QgsMapLayerStyle, QgsRenderContext
from qgis.PyQt.QtCore import QObject

from ..compat import REQUEST_NO_GEOMETRY
from .layer_io import plain_values, weighted_fields

ALL_ATTRIBUTES = "#!allattributes!#"  # QgsFeatureRequest.ALL_ATTRIBUTES: an expression reads every field


class LiveMap(QObject):
    """Shows re-scored values on ``canvas`` (a QgsMapCanvas) without writing the layer.

    ``show(layer, feature_ids, scores)`` draws ``scores`` (rows in the order of
    ``feature_ids``) in place of ``layer``; ``hide()`` gives the canvas the layer back.
    ``drawn_layer`` is what the canvas draws for the layer now.
    """

    def __init__(self, canvas, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.layer = None
        self.copy = None  # memory layer: the layer's features and style, the live values
        self.rows = None  # feature id in the copy of each feature id of the layer
        self.shown = None  # the values the copy holds, by layer feature id, for the fields drawn
        self.fields = []  # the score fields the style draws (their values change with the weights)
        self.classes = {}  # field: (lower, upper) bounds of a graduated renderer's classes, its only reader
        self.last = None  # (feature_ids, scores) last shown, to redraw after a style change
        self.wanted = None  # what show() was given for a layer the map did not show (hidden in the layer tree)
        self.prepared = None  # (layer, copy, rows) copied ahead of the first move (prepare), not drawn yet
        if canvas is not None:
            canvas.layersChanged.connect(self._put_in_place)

    @property
    def drawn_layer(self):
        return self.copy if self.copy is not None else self.layer

    def showing(self):
        return self.copy is not None

    # ------------------------------------------------------------------ showing
    def show(self, layer, feature_ids, scores, held=None):
        """Draw ``scores`` in place of ``layer`` (built the first time: a copy of its features; ``held``:
        the values the layer holds, same rows, so that only those that differ are changed in the copy)."""
        if self.canvas is None or layer is None:
            return False
        if self.copy is None and layer not in self.canvas.layers():
            self.wanted = (layer, feature_ids, scores, held)  # drawn if the layer is shown on the map later
            return False
        self.wanted = None
        if self.layer is not layer or self.copy is None:
            prepared = self._take_prepared(layer)
            self.hide()
            if not self._build(layer, prepared):
                return False
            if held is not None and len(held) == len(feature_ids):
                self.shown = pd.DataFrame({name: held[name].to_numpy(dtype=object) for name in self.fields
                                           if name in held.columns}, index=pd.Index(feature_ids, dtype="int64"))
        self.last = (list(feature_ids), scores)
        self._update(feature_ids, scores, self.fields)
        self._put_in_place()
        return True

    def prepare(self, layer):
        """Copy ``layer`` for the map ahead of the first move (the panel asks once opened, the interface idle),
        so that this move only changes the copy's values: copying France took it half a second. Nothing is
        drawn until ``show``; an edit of the layer drops the copy (the move then copies it again)."""
        if self.canvas is None or layer is None or self.copy is not None or layer not in self.canvas.layers():
            return False
        self._take_prepared(None)
        made = self._copied(layer)
        if made is None:
            return False
        self.prepared = (layer, *made)
        for signal in self._prepared_signals(layer):
            signal.connect(self._drop_prepared)
        return True

    def _take_prepared(self, layer):
        """(copy, rows) prepared for ``layer`` when its style reads no field the copy lacks, else None; the
        prepared copy is let go either way."""
        prepared, self.prepared = self.prepared, None
        if prepared is None:
            return None
        try:
            signals = self._prepared_signals(prepared[0])
        except RuntimeError:  # the layer was deleted since
            return None
        for signal in signals:
            try:
                signal.disconnect(self._drop_prepared)
            except (TypeError, RuntimeError):
                pass
        if prepared[0] is not layer or self._lacks_fields(layer, prepared[1]):
            return None
        return prepared[1:]

    def _drop_prepared(self, *_args):
        self._take_prepared(None)

    def hide(self):
        """The canvas shows the layer again (its scores written, or the panel left it)."""
        self._take_prepared(None)
        copy, layer = self.copy, self.layer
        self.copy = self.rows = self.shown = self.last = self.wanted = None
        self.fields = []
        if layer is not None:
            for signal, slot in self._layer_signals(layer):
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
        self.layer = None
        if copy is not None and self.canvas is not None:
            layers = self.canvas.layers()
            if copy in layers:
                self.canvas.setLayers([layer if item is copy else item for item in layers if item is not None])
            if layer is not None:
                layer.triggerRepaint()

    # ------------------------------------------------------------------ the copy
    def _build(self, layer, made=None):
        """Draw from a copy of ``layer``: ``made`` ((copy, rows) prepared ahead), else copied now."""
        made = made or self._copied(layer)
        if made is None:
            return False
        self.layer, (self.copy, self.rows) = layer, made
        self._copy_style()
        self._mirror_selection()
        for signal, slot in self._layer_signals(layer):
            signal.connect(slot)
        return True

    @staticmethod
    def _copied(layer):
        """(copy, rows): a memory copy of ``layer``'s features as the layer has them (its unsaved edits
        included), with the fields the style reads (all when it cannot say: fewer fields, a copy made and
        drawn faster), and the copy's feature id of each of the layer's; None when the style draws no score
        (the map does not change with the weights) or the layer changed while copied."""
        if not drawn_fields(layer):
            return None
        used = style_fields(layer)
        request = QgsFeatureRequest()
        if used is not None:
            request.setSubsetOfAttributes([name for name in layer.fields().names() if name in used], layer.fields())
        copy = layer.materialize(request)
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setNoAttributes()
        layer_ids = [feature.id() for feature in layer.getFeatures(request)]
        copy_ids = [feature.id() for feature in copy.getFeatures(request)]
        if len(layer_ids) != len(copy_ids):
            return None
        return copy, pd.Series(np.asarray(copy_ids, dtype="int64"), index=pd.Index(layer_ids, dtype="int64"))

    @staticmethod
    def _lacks_fields(layer, copy):
        """True when ``layer``'s style reads fields ``copy`` does not have (it was copied for another style)."""
        used = style_fields(layer)
        names = set(copy.fields().names())
        fields = set(layer.fields().names())
        return bool((used is None and names != fields) or (used is not None and (used & fields) - names))

    @staticmethod
    def _edit_signals(layer):
        # Features added, removed or reshaped by the user: a copy no longer has them right.
        return (layer.featureAdded, layer.featuresDeleted, layer.geometryChanged, layer.afterCommitChanges,
                layer.afterRollBack)

    @classmethod
    def _prepared_signals(cls, layer):
        # A copy made ahead holds the values the layer had then: any edit lets it go.
        return (*cls._edit_signals(layer), layer.attributeValueChanged)

    def _layer_signals(self, layer):
        return ((layer.styleChanged, self._style_changed),
                (layer.selectionChanged, self._mirror_selection),
                *((signal, self._layer_edited) for signal in self._edit_signals(layer)))

    def _copy_style(self):
        style = QgsMapLayerStyle()
        style.readFromLayer(self.layer)  # symbology, labels, diagrams, opacity, blending, scales…
        style.writeToLayer(self.copy)
        self.copy.setSimplifyMethod(self.layer.simplifyMethod())
        self.copy.setName(self.layer.name())
        self.fields = drawn_fields(self.layer)
        self.classes = graduated_classes(self.layer)
        self.shown = None

    def _style_changed(self):
        if self.copy is None:
            return
        if self._lacks_fields(self.layer, self.copy):
            layer, last = self.layer, self.last  # the new style reads fields the copy lacks: copied again
            self.hide()
            if last is not None:
                self.show(layer, *last)
            return
        self._copy_style()
        if self.last is not None:  # a field the new style draws takes its live values too
            self._update(self.last[0], self.last[1], self.fields)
        self.copy.triggerRepaint()

    def _mirror_selection(self, *_args):
        if self.copy is None:
            return
        selected = self.rows.reindex(pd.Index(self.layer.selectedFeatureIds(), dtype="int64")).dropna()
        self.copy.selectByIds([int(fid) for fid in selected])

    def _layer_edited(self, *_args):
        self.hide()  # the next move copies the layer again

    def _put_in_place(self, *_args):
        # The canvas's layers are set again when the layer tree changes: the copy keeps the layer's place.
        if self.copy is None and self.wanted is not None and self.wanted[0] in self.canvas.layers():
            self.show(*self.wanted)  # the layer is shown on the map again: with the new scores
            return
        if self.copy is None or self.canvas is None:
            return
        layers = self.canvas.layers()
        if self.layer in layers and self.copy not in layers:
            self.canvas.setLayers([self.copy if item is self.layer else item for item in layers])

    def _update(self, feature_ids, scores, fields):
        """Change the copy's values of ``fields`` where they differ from what it holds."""
        names = [name for name in fields if name in scores.columns]
        if not names:
            return
        ids = pd.Index(feature_ids, dtype="int64")
        copy_ids = self.rows.reindex(ids).to_numpy()
        known = ~np.isnan(copy_ids.astype("float64"))
        if not known.all():  # a feature added since the copy: copy again
            self.hide()
            return
        frame = scores[names].reset_index(drop=True)
        frame.index = ids
        if self.shown is None or not self.shown.index.equals(ids):
            self.shown = pd.DataFrame(index=ids)
        changes = {}
        copy_fields = self.copy.fields()
        for name in names:
            index = copy_fields.lookupField(name)
            rows = np.arange(len(frame))
            if name in self.shown and name in self.classes:  # drawn by its class only: the class changes
                rows = np.flatnonzero(_class_of(frame[name], self.classes[name])
                                      != _class_of(self.shown[name], self.classes[name]))
            elif name in self.shown:
                rows = np.flatnonzero(_differs(frame[name], self.shown[name]))
            else:
                self.shown[name] = pd.Series(np.full(len(frame), None, dtype=object), index=ids)
            values = plain_values(frame[name].iloc[rows])
            for fid, value in zip(copy_ids[rows].tolist(), values):
                changes.setdefault(int(fid), {})[index] = value
            column = self.shown[name].to_numpy(dtype=object).copy()  # what the copy holds now
            column[rows] = frame[name].to_numpy(dtype=object)[rows]
            self.shown[name] = column
        if changes:
            self.copy.dataProvider().changeAttributeValues(changes)
        self.copy.triggerRepaint()


def style_fields(layer):
    """The fields ``layer``'s style reads (renderer, simple labels), or None when it reads every field or
    cannot say (rule-based labels, diagrams)."""
    used = set()
    context = QgsRenderContext()
    renderer = layer.renderer()
    if renderer is not None:
        used |= set(renderer.usedAttributes(context))
    if layer.labelsEnabled() and layer.labeling() is not None:
        labeling = layer.labeling()
        if labeling.type() != "simple":  # rule-based labels: their rules' filters read fields too
            return None
        try:
            used |= set(labeling.settings().referencedFields(context))
        except (AttributeError, TypeError):
            return None
    if layer.diagramsEnabled() and layer.diagramRenderer() is not None:
        return None  # the diagrams' expressions: not worth telling apart
    return None if ALL_ATTRIBUTES in used else used


def drawn_fields(layer):
    """The weight-dependent score fields that ``layer``'s style reads (all of them when it cannot say)."""
    names = layer.fields().names()
    weighted = [name for name in weighted_fields(names) if name in names]
    used = style_fields(layer)
    return weighted if used is None else [name for name in weighted if name in used]


def graduated_classes(layer):
    """{field: K × 2 bounds} when a graduated renderer classes that plain score field and nothing else of
    the style reads it (no label, diagram or symbol property): a commune is drawn anew only when its class
    changes, not at each new value."""
    from qgis.core import QgsGraduatedSymbolRenderer

    renderer = layer.renderer()
    if not isinstance(renderer, QgsGraduatedSymbolRenderer):
        return {}
    name = renderer.classAttribute()
    context = QgsRenderContext()
    ranges = renderer.ranges()  # kept: each range owns its symbol
    symbols = [r.symbol() for r in ranges] + [renderer.sourceSymbol()]
    if layer.fields().lookupField(name) < 0 or any(
            symbol is not None and name in symbol.usedAttributes(context) for symbol in symbols):
        return {}
    if layer.labelsEnabled() or layer.diagramsEnabled():
        copy_names = set()
        labeling = layer.labeling()
        if labeling is None or labeling.type() != "simple":
            return {}
        try:
            copy_names |= set(labeling.settings().referencedFields(context))
        except (AttributeError, TypeError):
            return {}
        if name in copy_names or layer.diagramsEnabled() or ALL_ATTRIBUTES in copy_names:
            return {}
    bounds = np.array([[r.lowerValue(), r.upperValue()] for r in ranges], dtype="float64")
    return {name: bounds.reshape(-1, 2)}


def _class_of(values, bounds):
    """The index of the first class whose [lower, upper] holds each value (as QGIS draws), -1 for none."""
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    found = np.full(len(numbers), -1)
    for position in range(len(bounds) - 1, -1, -1):  # the first class that holds the value wins
        lower, upper = bounds[position]
        found[(numbers >= lower) & (numbers <= upper)] = position
    return found


def _differs(new, old):
    a = np.asarray(new, dtype=object)
    b = np.asarray(old, dtype=object)
    missing_a, missing_b = pd.isna(a), pd.isna(b)
    same = (missing_a & missing_b) | (~missing_a & ~missing_b & (a == b))
    return ~same
