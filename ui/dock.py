"""The Centralités panel: explore a commune, compare it, tune the weights with the map following.

The dock builds the widgets and wires them. Scores come from the layer's
fields (layer_io); new weights are re-scored by the LiveController
(live_controller) through core.rescoring, the same computation as
centralites:centrality_score: the panel never computes a score itself.
Selection is shared with the map both ways.
"""

import os

import numpy as np
import pandas as pd
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProject,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QStringListModel, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.explain import EXPLANATION_FIELD
from ..core.sheets import commune_reasons, profile_indicators, sheet_file_name
from ..core.trajectory import census_dates
from ..core.vocabulary import (
    CODE_FIELD,
    COMPOSITE_FIELD,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    LEVEL_LABELS,
    RANK_FIELD,
    SCORE_FIELDS,
)
from ..i18n import tr
from . import live
from .change_layer import is_change_layer, read_change_data
from .change_table import ChangeByLevel
from .charts import (
    ContributionBars,
    FunctionBars,
    ScoreHistogram,
    export_plot,
    in_bin,
    pyqtgraph_or_none,
)
from .layer_io import has_scores, read_explanation, read_layer_data, saved_weights
from .live_controller import LiveController
from .ranking import FID_ROLE, RANK, SCORE, RankingModel
from .trajectory_tab import TrajectoryTab
from .weights import WeightSliders
from .why_tab import WhyTab


def install_hint():
    return tr(
        "The charts need the Python package pyqtgraph. On Debian or Ubuntu: sudo apt install python3-pyqtgraph; "
        "with the OSGeo4W installer on Windows: the package python3-pyqtgraph, or 'pip install pyqtgraph' in "
        "the OSGeo4W shell. The ranking table works without it."
    )


class CentralitesDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Centralités"), parent)
        self.setObjectName("CentralitesDock")
        self.iface = iface
        self.layer = None
        self.data = pd.DataFrame()  # one row per feature (index = feature id): name, group, scores, counts
        self.explained = set()  # the feature ids whose explanation (a long text) is read into data
        self.current_fid = None
        self.reference_fid = None
        self.reference_ids = [None]  # feature id of each item of reference_box
        self._syncing = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.layer_box = QgsMapLayerComboBox()
        self.layer_box.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layer_box.setAllowEmptyLayer(True)
        layout.addWidget(self.layer_box)
        self.title = QLabel(tr("Select a commune on the map or in the table."))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._charts_widget())
        # The weights scroll in their own pane: unfolding the indicator sliders leaves the charts their room.
        weights_pane = QScrollArea()
        weights_pane.setWidgetResizable(True)
        weights_pane.setFrameShape(QFrame.Shape.NoFrame)
        weights_pane.setWidget(self._weights_widget())
        splitter.addWidget(weights_pane)
        splitter.addWidget(self._tabs_widget())
        splitter.setChildrenCollapsible(False)
        weights_pane.setMinimumHeight(weights_pane.widget().sizeHint().height())  # the folded weights, all visible
        splitter.setSizes([400, weights_pane.minimumHeight(), 240])
        layout.addWidget(splitter)
        body.setMinimumWidth(380)
        self.setWidget(body)

        self.layer_box.layerChanged.connect(self.set_layer)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.layersWillBeRemoved.connect(self._layers_removed)
        self.set_layer(self._first_scored_layer())

    # ------------------------------------------------------------------ widgets
    def _charts_widget(self):
        box = QWidget()
        charts = QVBoxLayout(box)
        charts.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Compare with")))
        self.reference_box = QComboBox()
        self.reference_box.setEditable(True)
        self.reference_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reference_names = QStringListModel(self.reference_box)
        self.reference_box.setModel(self.reference_names)  # the completer searches it too
        # Sized without measuring France's 35,000 names when first shown (a third of a second).
        self.reference_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reference_box.setMinimumContentsLength(14)
        self.reference_box.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.reference_box.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.reference_box.setToolTip(tr("A reference commune shown next to the selected one"))
        self.reference_box.currentIndexChanged.connect(self._reference_changed)
        row.addWidget(self.reference_box, 1)
        charts.addLayout(row)
        pg = pyqtgraph_or_none()
        if pg is None:
            self.bars = self.histogram = None
            hint = QLabel(install_hint())
            hint.setWordWrap(True)
            charts.addWidget(hint)
        else:
            self.bars = FunctionBars(pg, on_click=self._bar_clicked)
            self.histogram = ScoreHistogram(pg, on_click=self.select_bin)
            plots = QSplitter(Qt.Orientation.Vertical)
            plots.addWidget(self.bars.widget)
            plots.addWidget(self.histogram.widget)
            plots.setSizes([210, 160])
            charts.addWidget(plots, 1)
        return box

    def _weights_widget(self):
        self.weights_box = QgsCollapsibleGroupBox(tr("Weights (the map follows)"))
        self.weights_box.setCollapsed(False)
        layout = QVBoxLayout(self.weights_box)
        layout.setContentsMargins(4, 2, 4, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Profile")))
        self.profile_box = QComboBox()
        for name, path in live.builtin_profiles():
            self.profile_box.addItem(name, path)
        self.profile_box.activated.connect(lambda index: self.set_profile(self.profile_box.itemData(index)))
        row.addWidget(self.profile_box, 1)
        browse = QPushButton(tr("Browse…"))
        browse.setToolTip(tr("Open an indicator profile (JSON)"))
        browse.clicked.connect(self._browse_profile)
        row.addWidget(browse)
        layout.addLayout(row)
        self.profile_status = QLabel()
        self.profile_status.setWordWrap(True)
        self.profile_status.setStyleSheet("color: #555555; font-size: 8pt;")
        layout.addWidget(self.profile_status)
        self.weights = WeightSliders()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        self.controller = LiveController(self.weights, self, canvas)  # re-scoring, the map, writing, profiles
        self.controller.rescored.connect(self._scores_rescored)
        self.controller.profile_changed.connect(self._show_profile)
        self.controller.timings_changed.connect(self._show_timings)
        self.controller.problem.connect(self._message)
        layout.addWidget(self.weights)
        buttons = QHBoxLayout()
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.setToolTip(tr("Back to the profile's weights"))
        self.reset_button.clicked.connect(self.reset_weights)
        buttons.addWidget(self.reset_button)
        self.save_button = QPushButton(tr("Save as profile…"))
        self.save_button.setToolTip(tr("Write a profile (JSON) with these weights, for the Centrality score algorithm"))
        self.save_button.clicked.connect(self._ask_profile_file)
        buttons.addWidget(self.save_button)
        self.write_button = QPushButton(tr("Write scores to the layer"))
        self.write_button.clicked.connect(self.write_scores_now)
        self.write_button.setVisible(False)
        buttons.addWidget(self.write_button)
        self.controller.unwritten.connect(self._unwritten)
        buttons.addStretch(1)
        self.timing = QLabel()
        self.timing.setStyleSheet("color: #777777; font-size: 8pt;")
        buttons.addWidget(self.timing)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return self.weights_box

    def _tabs_widget(self):
        self.tabs = QTabWidget()
        ranking = QWidget()
        table_layout = QVBoxLayout(ranking)
        table_layout.setContentsMargins(2, 2, 2, 2)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search a commune…"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 2)
        self.group_filter = QComboBox()
        self.group_filter.setToolTip(tr("Show the communes of one intercommunality"))
        # Long names ("Communauté d'agglomération de …") must not squeeze the search box.
        self.group_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_filter.setMinimumContentsLength(14)
        filters.addWidget(self.group_filter, 2)
        self.level_filter = QComboBox()
        self.level_filter.setToolTip(tr("Show the communes of one level"))
        self.level_filter.addItem(tr("All levels"), None)
        for code, label in enumerate(LEVEL_LABELS, start=1):
            self.level_filter.addItem(label, code)
        filters.addWidget(self.level_filter, 1)
        table_layout.addLayout(filters)
        self.model = RankingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table_layout.addWidget(self.table)
        tools = QHBoxLayout()
        copy_button = QPushButton(tr("Copy table"))
        copy_button.setToolTip(tr("Copy the visible rows as CSV, to paste into a spreadsheet"))
        copy_button.clicked.connect(self.copy_table)
        tools.addWidget(copy_button)
        if self.bars is not None:
            export_button = QPushButton(tr("Export charts…"))
            export_button.clicked.connect(self._ask_chart_file)
            tools.addWidget(export_button)
        tools.addStretch(1)
        table_layout.addLayout(tools)
        self.tabs.addTab(ranking, tr("Ranking"))

        self.change = ChangeByLevel()
        self.change_table = self.change.table
        self.trajectory = TrajectoryTab()  # on a centrality_change output, in place of the sums by level
        self.trajectory.communes_chosen.connect(self.select_features)
        self.change_pages = QStackedWidget()
        self.change_pages.addWidget(self.change)
        self.change_pages.addWidget(self.trajectory)
        self.tabs.addTab(self.change_pages, tr("Change by level"))
        pg = pyqtgraph_or_none()
        self.why = WhyTab(ContributionBars(pg) if pg is not None else None)
        self.why.sheet_requested.connect(self.make_sheet)
        self.tabs.addTab(self.why, tr("Why this score"))

        self.search.textChanged.connect(lambda text: self._filter(text=text))
        self.group_filter.currentIndexChanged.connect(
            lambda index: self._filter(group=self.group_filter.itemData(index)))
        self.level_filter.currentIndexChanged.connect(
            lambda index: self._filter(level_code=self.level_filter.itemData(index)))
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        return self.tabs

    # ------------------------------------------------------------------ layer
    def _first_scored_layer(self):
        for layer in QgsProject.instance().mapLayers().values():
            if _shown(layer):
                return layer
        return None

    def set_layer(self, layer):
        if self.layer is not None:
            self.controller.flush()  # the last slider move reaches the layer before the panel leaves it
            for signal, slot in ((self.layer.selectionChanged, self._map_selection_changed),
                                 (self.layer.afterRollBack, self._edits_discarded)):
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
        self.layer = layer if _shown(layer) else None
        self.current_fid = self.reference_fid = None
        if layer is not None and self.layer_box.currentLayer() is not layer:
            self.layer_box.setLayer(layer)
        two_dates = is_change_layer(self.layer)
        self.explained = set()
        saved = saved_weights(self.layer) if self.layer and not two_dates else None
        table = None
        if two_dates:
            self.data = read_change_data(self.layer)
        elif self.layer:
            table = live.read_table(self.layer, (saved or {}).get("profile"))  # read once
            self.data = read_layer_data(self.layer, table)
        else:
            self.data = pd.DataFrame()
        self._fill_communes()
        self._show_change_page(two_dates)
        if self.layer is not None:
            self.layer.selectionChanged.connect(self._map_selection_changed)
            self.layer.afterRollBack.connect(self._edits_discarded)
            # A change layer's two dates share one scale: re-scoring one date would break it.
            self.controller.open(None if two_dates else self.layer, saved, table)
            if two_dates:
                self._set_weights_enabled(False, tr(
                    "A change between two dates: the panel shows the later date, and the “Change between dates” tab "
                    "both. The weights are those of the run: run “Centrality change between two dates” again to "
                    "change them."))
            self._show_timings()
            self._refresh_scores(new_layer=True)
            ids = self.layer.selectedFeatureIds()
            self._show(ids[0] if len(ids) == 1 else None)
        else:
            self.controller.open(None)
            self._show_timings()
            self._refresh_scores(new_layer=True)
            self._show(None)
            if layer is not None:
                self.title.setText(tr("This layer has no centrality scores: run “Centrality score” first."))

    def _show_change_page(self, two_dates):
        """The Change tab: the two dates and the transition table on a change layer, else the sums by level."""
        self.change_pages.setCurrentWidget(self.trajectory if two_dates else self.change)
        self.tabs.setTabText(self.tabs.indexOf(self.change_pages),
                             tr("Change between dates") if two_dates else tr("Change by level"))
        self.trajectory.set_data(self.data if two_dates else None,
                                 census_dates(self.layer.fields().names()) if two_dates else None)
        # A change layer has no score of one date to explain: its indicators are in the Change tab.
        why = self.tabs.indexOf(self.why)
        if two_dates and self.tabs.currentIndex() == why:
            self.tabs.setCurrentWidget(self.change_pages)
        self.tabs.setTabEnabled(why, not two_dates)
        self.tabs.setTabToolTip(why, tr("The indicators behind a change between two dates are in the “Change between "
                                        "dates” tab.") if two_dates else "")

    def _edits_discarded(self):
        # The user discarded the layer's edits, re-scored values included: back to what the layer
        # holds, with the profile's weights (the weights kept in the project went with the edits).
        self.controller.discard()
        self.set_layer(self.layer)

    def _layers_removed(self, layer_ids):
        if self.layer is not None and self.layer.id() in layer_ids:
            self.layer = None  # its features are about to go: forget it before Qt deletes it
            self.set_layer(None)

    def _project_read(self, *args):
        layer = self.layer_box.currentLayer()
        self.set_layer(layer if _shown(layer) else self._first_scored_layer())

    # ------------------------------------------------------------------ profile and weights
    @property
    def live(self):
        """live.LiveScores of the layer (its profile, ready to re-score), or None."""
        return self.controller.live

    @property
    def last_timings(self):
        return self.controller.last_timings

    def set_profile(self, path):
        """Re-score the layer from another profile (its own weights)."""
        self.controller.set_profile(path)

    def apply_weights(self):
        """Re-score with the sliders' weights, refresh the panel and write the layer's score fields now."""
        self.controller.apply()

    def write_layer(self):
        """Write the last re-scored values into the layer's score fields (the map and its style follow)."""
        self.controller.write()

    def reset_weights(self):
        """Back to the profile's weights (and the layer to the profile's scores)."""
        self.controller.reset()

    def write_scores_now(self):
        """Write the scores the panel shows into the layer (the "Write scores to the layer" button)."""
        self.controller.write(asked=True)

    def _unwritten(self, waiting):
        self.write_button.setVisible(self.controller.asks_before_writing())
        self.write_button.setToolTip(self.controller.write_hint())
        self.write_button.setEnabled(waiting)

    def save_as_profile(self, path):
        """Write a profile with the current weights (and method) to ``path``; it becomes the panel's profile."""
        return self.controller.save_as_profile(path)

    def _show_profile(self):
        live_scores = self.live
        if live_scores is None:
            self._set_weights_enabled(False, tr("No indicator profile can be read from this layer's columns: "
                                                "open the profile used for the score with “Browse…”.")
                                      if self.layer is not None else "")
            return
        index = self.profile_box.findData(live_scores.profile_path)
        if index < 0:
            name = live_scores.profile["name"] if live_scores.profile else os.path.basename(live_scores.profile_path)
            self.profile_box.addItem(name, live_scores.profile_path)
            index = self.profile_box.count() - 1
        self.profile_box.setCurrentIndex(index)
        if live_scores.rescorer is None:
            self._set_weights_enabled(False, tr("This profile cannot re-score the layer: {problem}").format(
                problem=live_scores.problem))
            return
        rescorer = live_scores.rescorer
        self.weights.set_indicators([
            (key, _indicator_label(live_scores.resolved or live_scores.profile, key), weight)
            for key, weight in rescorer.profile_indicator_weights().items()])
        self.weights.set_weights(rescorer.profile_function_weights(), rescorer.profile_indicator_weights())
        method = rescorer.method
        if live_scores.matched:
            status = tr("“{name}” reproduces the layer's scores (normalisation {normalisation}, aggregation "
                        "{aggregation}, levels by {levels}).")
        else:
            status = tr("“{name}” does not reproduce the layer's scores exactly (another profile or method made "
                        "them): the sliders re-score with it (normalisation {normalisation}, aggregation "
                        "{aggregation}, levels by {levels}).")
        self._set_weights_enabled(True, status.format(
            name=live_scores.profile["name"], normalisation=method.normalisation,
            aggregation=method.aggregation, levels=method.levels))

    def _set_weights_enabled(self, enabled, status):
        self.weights.setEnabled(enabled)
        self.reset_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.profile_status.setText(status)

    def _scores_rescored(self, result):
        """Show a re-scored result: the panel's rows of the re-scored features take its values."""
        fids = self.live.feature_ids
        # Rows of the panel's data for the re-scored features (the same order unless the layer changed).
        positions = self.data.index.get_indexer(pd.Index(fids, dtype="int64"))
        read = positions >= 0  # a feature the panel has not read (added since) must not land on another's row
        positions = positions[read]
        in_order = len(positions) == len(self.data) and bool((positions == np.arange(len(positions))).all())
        columns = {}
        for name in result.scores.columns:
            if name == LEVEL_FIELD:
                values, column = result.scores[name].to_numpy(dtype=object), np.full(len(self.data), None, object)
            elif name in self.data.columns:
                values = result.scores[name].to_numpy(dtype="float64", na_value=np.nan)
                column = np.full(len(self.data), np.nan)
            else:
                continue
            if in_order and read.all():
                column[:] = values
            else:
                column[positions] = values[read]
            columns[name] = column
        # One new frame: replacing forty columns one by one splits and merges pandas' blocks at each (0.1 s on
        # France at every slider move).
        self.data = pd.DataFrame({name: columns[name] if name in columns else self.data[name]
                                  for name in self.data.columns}, index=self.data.index, columns=self.data.columns)
        self._refresh_scores()
        self._show(self.current_fid)

    def _show_timings(self):
        timings = self.last_timings
        self.timing.setText(tr("{count} communes re-scored in {rescore:.0f} ms, map in {write:.0f} ms").format(
            count=timings.get("communes", 0), rescore=timings.get("rescore_ms", 0.0),
            write=timings.get("map_ms", timings.get("write_ms", 0.0))) if timings else "")

    def _ask_profile_file(self):
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as profile"), "", tr("Indicator profile (*.json)"))
        if path:
            if not path.lower().endswith(".json"):
                path += ".json"
            self.save_as_profile(path)

    def _browse_profile(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Open an indicator profile"), "",
                                              tr("Indicator profile (*.json)"))
        if path:
            self.set_profile(path)

    # ------------------------------------------------------------------ data shown
    def _fill_communes(self):
        data = self.data
        names = data["name"].tolist() if len(data) else []
        self.model.set_communes(data.index.to_numpy(), names, data["group"].tolist() if len(data) else [])
        self.reference_box.blockSignals(True)
        # The communes in one list model (35,000 addItem calls take a second, QComboBox's own items a tenth):
        # their ids kept beside, in the names' order (a stable sort: namesakes in feature order).
        order = np.argsort(np.array(names, dtype=object), kind="stable") if names else np.empty(0, "int64")
        ids = data.index.to_numpy()
        self.reference_ids = [None] + [int(fid) for fid in ids[order]]
        self.reference_names.setStringList([tr("(no reference commune)")] + [names[i] for i in order.tolist()])
        self.reference_box.setCurrentIndex(0)
        self.reference_box.blockSignals(False)
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(tr("All intercommunalities"), None)
        groups = sorted({g for g in data["group"] if g}) if len(data) else []
        for group in groups:
            self.group_filter.addItem(group, group)
        self.group_filter.setEnabled(bool(groups))
        self.group_filter.blockSignals(False)
        self.model.set_filter(group=None)

    def _refresh_scores(self, new_layer=False):
        data = self.data
        codes = data[LEVEL_CODE_FIELD].to_numpy(dtype="float64", na_value=np.nan) if len(data) else np.empty(0)
        if len(data):
            self.model.set_scores(data[RANK_FIELD].to_numpy(dtype="float64", na_value=np.nan),
                                  data[COMPOSITE_FIELD].to_numpy(dtype="float64", na_value=np.nan),
                                  data[LEVEL_FIELD].tolist(), codes)
        else:
            self.model.set_scores([], [], [], [])
        if new_layer:  # the widest rank and score, measured once per layer
            ranks = data[RANK_FIELD].dropna() if len(data) else []
            scores = data[COMPOSITE_FIELD].dropna() if len(data) else []
            self._fit_column(RANK, f"{ranks.max():.0f}" if len(ranks) else "")
            self._fit_column(SCORE, max((f"{scores.min():.1f}", f"{scores.max():.1f}"), key=len) if len(scores) else "")
        # The sums by level change only when a commune changes level.
        self.change.show_levels(self.data, codes, new_layer)

    def _fit_column(self, column, widest):
        """The column as wide as its widest text or its header (Qt measuring a thousand rows of France took
        a tenth of a second, and missed the widest rank)."""
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        width = self.table.fontMetrics().horizontalAdvance(widest) + margin + 1  # + 1: the grid line
        self.table.setColumnWidth(column, max(width, self.table.horizontalHeader().sectionSizeHint(column)))

    def _scores_of(self, fid):
        if fid is None or fid not in self.data.index:
            return None
        return [_float(v) for v in self.data.loc[fid, list(SCORE_FIELDS)]]

    def _means(self):
        if not len(self.data):
            return [0.0] * 4
        return [float(v) if v == v else 0.0 for v in
                self.data[list(SCORE_FIELDS)].apply(pd.to_numeric, errors="coerce").mean()]

    def _show(self, feature_id):
        """Show the commune ``feature_id`` (None: none) in the title, the charts and the table."""
        self.current_fid = feature_id if feature_id in self.data.index else None
        reference = self.reference_fid if self.reference_fid in self.data.index else None
        reference_name = self.data.loc[reference, "name"] if reference is not None else None
        composite = float("nan")
        if self.current_fid is None:
            if self.layer is not None and len(self.layer.selectedFeatureIds()) > 1:
                self.title.setText(tr("{count} communes selected on the map.").format(
                    count=len(self.layer.selectedFeatureIds())))
            elif self.layer is not None:
                self.title.setText(tr("Select a commune on the map or in the table."))
            name = None
        else:
            row = self.data.loc[self.current_fid]
            name = row["name"]
            composite = _float(row[COMPOSITE_FIELD])
            self.title.setText(tr("{name}: rank {rank}, {level}, composite score {score:.1f}").format(
                name=name, rank=_text(row[RANK_FIELD]), level=row[LEVEL_FIELD] or "—",
                score=composite if composite == composite else 0.0))
        if self.bars:
            self.bars.set_names(name, reference_name)
            self.bars.show(self._scores_of(self.current_fid) or [0] * 4, self._means(), self._scores_of(reference))
        if self.histogram:
            reference_score = _float(self.data.loc[reference, COMPOSITE_FIELD]) if reference is not None else None
            self.histogram.show(self.data[COMPOSITE_FIELD].to_numpy(dtype="float64") if len(self.data) else [],
                                composite, reference_score)
        self._show_reasons(name)
        self.trajectory.show_commune(self.current_fid)
        self._syncing = True
        row = self.model.row_of(self.current_fid) if self.current_fid is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
        self._syncing = False

    def _show_reasons(self, name):
        if self.current_fid is None:
            self.why.show_commune(None)
            return
        profile = (self.live.resolved or self.live.profile) if self.live is not None else None
        if EXPLANATION_FIELD in self.data.columns and self.current_fid not in self.explained:
            self.data.at[self.current_fid, EXPLANATION_FIELD] = read_explanation(self.layer, self.current_fid)
            self.explained.add(self.current_fid)
        items, sentences = commune_reasons(self.data, self.current_fid, profile_indicators(profile) if profile else [])
        self.why.show_commune(name, items, sentences)

    def make_sheet(self, open_it=True):
        """The selected commune's sheet (centralites:commune_sheets) in QGIS's temporary folder, opened with
        the system's PDF viewer; returns its path (None when no commune is selected or it failed)."""
        if self.layer is None or self.current_fid is None:
            return None
        import processing  # QGIS's processing package (the plugin's own is centralites.processing)
        from qgis.core import QgsProcessingException, QgsProcessingUtils

        self.controller.flush()  # the sheet is made from what the layer holds: the last weights first
        row = self.data.loc[self.current_fid]
        code = row[CODE_FIELD] if CODE_FIELD in self.data.columns else self.current_fid
        path = os.path.join(QgsProcessingUtils.tempFolder(), sheet_file_name(code, row["name"]) + ".pdf")
        parameters = {"INPUT": self.layer, "FILTER": f"$id = {int(self.current_fid)}", "OUTPUT": path}
        if self.live is not None and self.live.profile_path:
            parameters["PROFILE"] = self.live.profile_path
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            processing.run("centralites:commune_sheets", parameters)
        except QgsProcessingException as error:
            self._message(tr("The commune sheet could not be made: {error}").format(error=error))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if open_it:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return path

    # ------------------------------------------------------------------ selection
    def select_feature(self, feature_id, pan=True):
        """Select a commune on the map (and so in the panel), panning the map to it."""
        if self.layer is None:
            return
        self.layer.selectByIds([feature_id])
        if pan and self.iface is not None:
            canvas = self.iface.mapCanvas()
            feature = next(self.layer.getFeatures(QgsFeatureRequest().setFilterFid(feature_id)), None)
            if canvas is not None and feature is not None and feature.hasGeometry():
                canvas.setCenter(canvas.mapSettings().layerToMapCoordinates(
                    self.layer, feature.geometry().centroid().asPoint()))
                canvas.refresh()

    def select_features(self, feature_ids):
        """Select these communes on the map (a cell of the transition table); the panel follows."""
        if self.layer is not None:
            self.layer.selectByIds([int(i) for i in feature_ids])

    def select_bin(self, low, high):
        """Select on the map the communes whose composite score is in the histogram bar [low, high)."""
        if self.layer is None or not len(self.data):
            return []
        ids = [int(fid) for fid, score in self.data[COMPOSITE_FIELD].items() if in_bin(_float(score), low, high)]
        self.layer.selectByIds(ids)
        return ids

    def _bar_clicked(self, group):
        target = {"commune": self.current_fid, "reference": self.reference_fid}.get(group)
        if target is not None:
            self.select_feature(target)

    def _map_selection_changed(self, *_args):
        ids = self.layer.selectedFeatureIds() if self.layer else []
        self._show(ids[0] if len(ids) == 1 else None)

    def _table_selection_changed(self, *_args):
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.select_feature(self.model.data(rows[0], FID_ROLE))

    def set_reference(self, feature_id):
        index = self.reference_ids.index(feature_id) if feature_id in self.reference_ids else 0
        self.reference_box.setCurrentIndex(index)

    def _reference_changed(self, index):
        self.reference_fid = self.reference_ids[index] if 0 <= index < len(self.reference_ids) else None
        self._show(self.current_fid)

    def _filter(self, **changes):
        self.model.set_filter(**changes)
        self._show(self.current_fid)

    # ------------------------------------------------------------------ exports
    def table_csv(self):
        """The visible rows of the ranking as CSV text (semicolons, as French spreadsheets expect)."""
        return self.model.csv()

    def copy_table(self):
        QApplication.clipboard().setText(self.table_csv())

    def export_charts(self, path):
        """Write the bar chart and the histogram to ``path`` (PNG or SVG, from its extension);
        the histogram goes to a file with the suffix _histogramme. Returns the files written."""
        root, extension = os.path.splitext(path)
        written = []
        for widget, target in ((self.bars.widget, path), (self.histogram.widget, f"{root}_histogramme{extension}")):
            export_plot(widget, target)
            written.append(target)
        return written

    def _ask_chart_file(self):
        path, _ = QFileDialog.getSaveFileName(self, tr("Export charts"), "", tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export_charts(path)

    def _message(self, text):
        if self.iface is not None and self.iface.messageBar() is not None:
            self.iface.messageBar().pushMessage(tr("Centralités"), text, level=Qgis.MessageLevel.Warning)
        self.profile_status.setText(text)

    def closeEvent(self, event):  # noqa: N802
        # Closed is only hidden: the plugin shows the same panel again, still following the project.
        self.controller.close()
        super().closeEvent(event)

    def teardown(self):
        """Before the plugin unloads: the last weights written, the project's signals let go."""
        self.controller.close()
        project = QgsProject.instance()
        for signal, slot in ((project.readProject, self._project_read),
                             (project.layersWillBeRemoved, self._layers_removed)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass


def _shown(layer):
    """Whether the panel can show ``layer``: scored, or a change between two dates."""
    return has_scores(layer) or is_change_layer(layer)


def _indicator_label(profile, key):
    function, indicator_id = key.split(".", 1)
    for indicator in profile["functions"][function]["indicators"]:
        if indicator["id"] == indicator_id:
            return indicator["label"]
    return key


def _float(value):
    try:
        return float("nan") if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return float("nan")


def _text(value):
    value = _float(value)
    return "—" if value != value else f"{value:.0f}"

