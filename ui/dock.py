"""The Centralités panel: explore a commune, compare it with the territory, browse the ranking.

It reads the score fields written by centralites:centrality_score and never
computes a score itself. Selection is shared with the map both ways.
"""

import os

from qgis.core import QgsFeatureRequest, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..compat import python_value
from ..core.scoring import COMPOSITE_FIELD, LEVEL_FIELD, RANK_FIELD
from ..i18n import tr
from .charts import FUNCTION_FIELDS, FunctionBars, ScoreHistogram, export_plot, pyqtgraph_or_none

NAME_FIELDS = ("NOM", "NOM_COM", "LIBGEO", "nom")


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
        self.rows = []  # (feature id, name, rank, level, composite, four sub-scores)
        self._syncing = False

        body = QWidget()
        layout = QVBoxLayout(body)
        self.layer_box = QgsMapLayerComboBox()
        self.layer_box.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layer_box.setAllowEmptyLayer(True)
        layout.addWidget(self.layer_box)
        self.title = QLabel(tr("Select a commune on the map or in the table."))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        splitter = QSplitter(Qt.Orientation.Vertical)
        pg = pyqtgraph_or_none()
        if pg is None:
            self.bars = self.histogram = None
            hint = QLabel(install_hint())
            hint.setWordWrap(True)
            splitter.addWidget(hint)
        else:
            self.bars = FunctionBars(pg)
            self.histogram = ScoreHistogram(pg)
            splitter.addWidget(self.bars.widget)
            splitter.addWidget(self.histogram.widget)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search a commune…"))
        tools.addWidget(self.search)
        copy_button = QPushButton(tr("Copy table"))
        copy_button.setToolTip(tr("Copy the visible rows as CSV, to paste into a spreadsheet"))
        copy_button.clicked.connect(self.copy_table)
        tools.addWidget(copy_button)
        if self.bars is not None:
            export_button = QPushButton(tr("Export charts…"))
            export_button.clicked.connect(self._ask_chart_file)
            tools.addWidget(export_button)
        table_layout.addLayout(tools)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Rank"), tr("Commune"), tr("Score"), tr("Level")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        table_layout.addWidget(self.table)
        splitter.addWidget(table_box)
        splitter.setSizes([230, 170, 360][-splitter.count():])  # charts above, the ranking gets the most room
        layout.addWidget(splitter)
        body.setMinimumWidth(360)
        self.setWidget(body)

        self.layer_box.layerChanged.connect(self.set_layer)
        self.search.textChanged.connect(self._filter_rows)
        self.table.itemSelectionChanged.connect(self._table_selection_changed)
        self.set_layer(self._first_scored_layer())

    # ----------------------------------------------------------------- layer
    def _first_scored_layer(self):
        for layer in QgsProject.instance().mapLayers().values():
            if has_scores(layer):
                return layer
        return None

    def set_layer(self, layer):
        if self.layer is not None:
            try:
                self.layer.selectionChanged.disconnect(self._map_selection_changed)
            except (TypeError, RuntimeError):
                pass
        self.layer = layer if has_scores(layer) else None
        if layer is not None and self.layer_box.currentLayer() is not layer:
            self.layer_box.setLayer(layer)
        self.rows = read_rows(self.layer) if self.layer else []
        self._fill_table()
        if self.layer is not None:
            self.layer.selectionChanged.connect(self._map_selection_changed)
            if self.histogram:
                self.histogram.show([row[4] for row in self.rows])
            self._show(None)
        elif layer is not None:
            self.title.setText(tr("This layer has no centrality scores: run “Centrality score” first."))

    # -------------------------------------------------------------- selection
    def select_feature(self, feature_id, pan=True):
        """Select a commune on the map (and so in the panel), panning the map to it."""
        if self.layer is None:
            return
        self.layer.selectByIds([feature_id])
        if pan and self.iface is not None:
            canvas = self.iface.mapCanvas()
            feature = next(self.layer.getFeatures(QgsFeatureRequest().setFilterFid(feature_id)), None)
            if canvas is not None and feature is not None and feature.hasGeometry():
                canvas.setCenter(canvas.mapSettings().layerToMapCoordinates(self.layer, feature.geometry().centroid().asPoint()))
                canvas.refresh()

    def _map_selection_changed(self, selected, _deselected, _clear):
        ids = self.layer.selectedFeatureIds() if self.layer else []
        self._show(ids[0] if ids else None)

    def _table_selection_changed(self):
        if self._syncing:
            return
        items = self.table.selectedItems()
        if items:
            self.select_feature(items[0].data(Qt.ItemDataRole.UserRole))

    def _show(self, feature_id):
        row = next((r for r in self.rows if r[0] == feature_id), None)
        if row is None:
            self.title.setText(tr("Select a commune on the map or in the table."))
            if self.bars:
                self.bars.show([0] * 4, self._means())
            return
        _, name, rank, level, composite, scores = row
        self.title.setText(tr("{name}: rank {rank}, {level}, composite score {score:.1f}").format(
            name=name, rank=rank, level=level or "—", score=composite if composite == composite else 0.0))
        if self.bars:
            self.bars.show(scores, self._means())
        if self.histogram:
            self.histogram.show([r[4] for r in self.rows], composite)
        self._syncing = True
        for index in range(self.table.rowCount()):
            if self.table.item(index, 0).data(Qt.ItemDataRole.UserRole) == feature_id:
                self.table.selectRow(index)
                self.table.scrollToItem(self.table.item(index, 0))
        self._syncing = False

    def _means(self):
        means = []
        for position in range(4):
            values = [r[5][position] for r in self.rows if r[5][position] == r[5][position]]
            means.append(sum(values) / len(values) if values else 0.0)
        return means

    # ------------------------------------------------------------------ table
    def _fill_table(self):
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for index, (feature_id, name, rank, level, composite, _) in enumerate(self.rows):
            cells = [NumberItem(rank), QTableWidgetItem(name), NumberItem(composite, 1), QTableWidgetItem(level or "")]
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, feature_id)
                self.table.setItem(index, column, cell)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()

    def table_csv(self):
        """The visible rows of the ranking as CSV text (semicolons, as French spreadsheets expect)."""
        lines = [";".join(self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount()))]
        for index in range(self.table.rowCount()):
            if not self.table.isRowHidden(index):
                cells = [self.table.item(index, c).text() for c in range(self.table.columnCount())]
                lines.append(";".join(f'"{cell}"' if ";" in cell else cell for cell in cells))
        return "\n".join(lines) + "\n"

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

    def _filter_rows(self, text):
        text = text.strip().lower()
        for index in range(self.table.rowCount()):
            name = self.table.item(index, 1).text().lower()
            self.table.setRowHidden(index, bool(text) and text not in name)


class NumberItem(QTableWidgetItem):
    """A table cell sorted by number, empty for a missing value."""

    def __init__(self, value, decimals=0):
        missing = value is None or value != value
        super().__init__("" if missing else f"{value:.{decimals}f}")
        self.value = float("inf") if missing else float(value)

    def __lt__(self, other):
        return self.value < getattr(other, "value", float("inf"))


def has_scores(layer):
    return isinstance(layer, QgsVectorLayer) and all(
        layer.fields().lookupField(name) >= 0 for name in (COMPOSITE_FIELD, RANK_FIELD, *FUNCTION_FIELDS))


def read_rows(layer):
    fields = layer.fields().names()
    name_field = next((n for n in NAME_FIELDS if n in fields), None)
    rows = []
    for feature in layer.getFeatures():
        value = {name: python_value(feature[name]) for name in (COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD, *FUNCTION_FIELDS)
                 if name in fields}
        rows.append((
            feature.id(),
            str(python_value(feature[name_field])) if name_field else str(feature.id()),
            value.get(RANK_FIELD),
            value.get(LEVEL_FIELD),
            _float(value.get(COMPOSITE_FIELD)),
            [_float(value.get(name)) for name in FUNCTION_FIELDS],
        ))
    return rows


def _float(value):
    return float("nan") if value is None else float(value)
