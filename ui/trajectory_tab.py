"""The panel's "Change" tab on a centrality_change output: the selected commune at the two dates side by side
(the four functions and the composite, rank, level, the move and the indicators behind it), and the
territory's transition table — levels at the earlier date × levels at the later one — whose cells select
their communes on the layer."""

import pandas as pd
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.trajectory import (
    AFTER,
    ALL_TERRITORY,
    BEFORE,
    BEYOND_BAND_FIELD,
    DRIVERS_FIELD,
    FELL,
    HELD,
    MOVE_FIELD,
    NO_LEVEL,
    ROSE,
    SCORED,
    change_field,
    dated_field,
    transitions,
)
from ..core.vocabulary import LEVEL_CODE_FIELD, LEVEL_FIELD, LEVEL_LABELS, RANK_FIELD, function_labels
from ..i18n import tr
from .change_layer import POPULATION_AFTER, POPULATION_BEFORE

# The matrix's rows and columns: the five levels, then "not scored at that date".
MATRIX_LEVELS = tuple(LEVEL_LABELS) + (NO_LEVEL,)
# The columns' headers, short enough for six columns in the panel's width (the full names in their tooltips).
SHORT_LEVELS = ("maj.", "struct.", "interm.", "locale", "hors c.", NO_LEVEL)
# The change style's colours (resources/styles/evolution.qml), lighter: blue a gain, red a loss.
MOVE_COLOURS = {ROSE: "#92c5de", FELL: "#f4a582", HELD: "#f7f7f7"}
MOVE_SIGNS = {ROSE: "▲", FELL: "▼", HELD: "="}


def _codes(values):
    """Level codes 1…5, 0 where the commune was not scored at that date."""
    return pd.to_numeric(pd.Series(values), errors="coerce").fillna(0).astype(int).to_numpy()


def _number(value, digits=1, signed=False):
    if value is None or pd.isna(value):
        return "—"
    text = f"{float(value):+.{digits}f}" if signed else f"{float(value):.{digits}f}"
    return text.replace("-", "\u2212")  # a true minus sign


def _count(value):
    if value is None or pd.isna(value):
        return "—"
    return f"{float(value):,.0f}".replace(",", "\u202f")  # thin space between thousands


def move_text(move):
    return {ROSE: tr("rose a level"), FELL: tr("fell a level"), HELD: tr("held its level")}.get(move, "—")


class TrajectoryTab(QWidget):
    """``communes_chosen(ids)`` is emitted with the feature ids of a clicked cell of the transition table."""

    communes_chosen = pyqtSignal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data = None
        self.years = {}
        self.cells = {}  # (row, column) of the matrix -> feature ids
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # a short panel scrolls rather than squeezing the tables
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.dates = QTableWidget(0, 3)
        self.dates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dates.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.dates.verticalHeader().setDefaultSectionSize(20)
        self.dates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dates.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.dates)
        self.drivers = QLabel()
        self.drivers.setWordWrap(True)
        layout.addWidget(self.drivers)
        row = QHBoxLayout()
        self.transitions_label = QLabel()
        row.addWidget(self.transitions_label)
        self.territory_box = QComboBox()
        self.territory_box.setToolTip(tr("The whole territory or one intercommunality"))
        self.territory_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.territory_box.setMinimumContentsLength(14)
        self.territory_box.currentIndexChanged.connect(lambda _index: self._fill_matrix())
        row.addWidget(self.territory_box, 1)
        layout.addLayout(row)
        self.matrix = QTableWidget(len(MATRIX_LEVELS), len(MATRIX_LEVELS))
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.verticalHeader().setDefaultSectionSize(20)
        self.matrix.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix.cellClicked.connect(self._cell_clicked)
        layout.addWidget(self.matrix)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555; font-size: 8pt;")
        layout.addWidget(self.note)
        layout.addStretch(1)

    # ------------------------------------------------------------------ the layer
    def set_data(self, data, years=None):
        """The panel's data of a change layer (change_layer.read_change_data), with the census years of
        the two dates ({"avant": 2013, "apres": 2018}, {} when unknown)."""
        self.data, self.years = data, years or {}
        before, after = self.date_names()
        self.dates.setHorizontalHeaderLabels([before, after, tr("Change")])
        self.transitions_label.setText(tr("Levels {before} → {after} of").format(before=before, after=after))
        self.matrix.setHorizontalHeaderLabels(list(SHORT_LEVELS))
        for column, level in enumerate(MATRIX_LEVELS):
            self.matrix.horizontalHeaderItem(column).setToolTip(tr("{level} in {year}").format(level=level, year=after))
            self.matrix.setVerticalHeaderItem(column, QTableWidgetItem(level))
            self.matrix.verticalHeaderItem(column).setToolTip(tr("{level} in {year}").format(level=level, year=before))
        _fit_height(self.matrix)
        self.territory_box.blockSignals(True)
        self.territory_box.clear()
        self.territory_box.addItem(tr("Whole territory"), None)
        for group in sorted({g for g in data["group"] if g}) if data is not None and len(data) else []:
            self.territory_box.addItem(group, group)
        self.territory_box.blockSignals(False)
        self._fill_matrix()
        self.show_commune(None)

    def date_names(self):
        if self.years:
            return str(self.years[BEFORE]), str(self.years[AFTER])
        return tr("Earlier date"), tr("Later date")

    # ------------------------------------------------------------------ the commune
    def show_commune(self, feature_id):
        data = self.data
        if data is None or feature_id is None or feature_id not in data.index:
            self.heading.setText(tr("Select a commune to see it at the two dates."))
            self.dates.setRowCount(0)
            self.drivers.setText("")
            return
        row = data.loc[feature_id]
        before, after = self.date_names()
        move = row.get(MOVE_FIELD)
        move = move if move in MOVE_SIGNS else None
        change = row.get(change_field("score_centralite"))
        heading = tr("{name}: {level_before} in {before} → {level_after} in {after}, {points} points").format(
            name=row["name"], level_before=row.get(dated_field(LEVEL_FIELD, BEFORE)) or "—", before=before,
            level_after=row.get(dated_field(LEVEL_FIELD, AFTER)) or "—", after=after,
            points=_number(change, signed=True))
        if move:
            heading += f" ({MOVE_SIGNS[move]} {move_text(move)})"
        if BEYOND_BAND_FIELD in data.columns and row.get(BEYOND_BAND_FIELD) == 0:
            heading += " " + tr("— within the uncertainty of its rank: drawn as stable.")
        self.heading.setText(heading)
        labels = function_labels() + [tr("Composite score"), tr("Rank"), tr("Level")]
        self.dates.setRowCount(len(labels))
        self.dates.setVerticalHeaderLabels(labels)
        for index, name in enumerate(SCORED):
            self._set_row(index, _number(row.get(dated_field(name, BEFORE))),
                          _number(row.get(dated_field(name, AFTER))),
                          _number(row.get(change_field(name)), signed=True), bold=name == SCORED[-1])
        rank_before, rank_after = row.get(dated_field(RANK_FIELD, BEFORE)), row.get(dated_field(RANK_FIELD, AFTER))
        places = "—"
        if not (pd.isna(rank_before) or pd.isna(rank_after)):
            gained = float(rank_before) - float(rank_after)
            places = "=" if gained == 0 else tr("{places} places").format(places=_number(gained, 0, signed=True))
        self._set_row(len(SCORED), _number(rank_before, 0), _number(rank_after, 0), places)
        self._set_row(len(SCORED) + 1, row.get(dated_field(LEVEL_FIELD, BEFORE)) or "—",
                      row.get(dated_field(LEVEL_FIELD, AFTER)) or "—",
                      f"{MOVE_SIGNS[move]} {move_text(move)}" if move else "—", colour=MOVE_COLOURS.get(move))
        self.dates.resizeColumnsToContents()
        _fit_height(self.dates)
        drivers = row.get(DRIVERS_FIELD)
        self.drivers.setText(
            tr("Indicators behind the change (points of the composite): {drivers}.").format(
                drivers=str(drivers).replace(", ", " · ").replace(" -", " \u2212"))
            if isinstance(drivers, str) and drivers else tr("No indicator moved the composite by 0.05 points or more."))

    def _set_row(self, row, before, after, change, bold=False, colour=None):
        for column, text in enumerate((before, after, change)):
            item = QTableWidgetItem(str(text))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = QFont()
                font.setBold(True)
                item.setFont(font)
            if colour and column == 2:
                item.setBackground(QBrush(QColor(colour)))
            self.dates.setItem(row, column, item)

    # ------------------------------------------------------------------ the transition table
    def territory(self):
        return self.territory_box.currentData()

    def _fill_matrix(self):
        self.matrix.clearContents()
        self.cells = {}
        data = self.data
        if data is None or not len(data):
            self.note.setText("")
            return
        group = self.territory()
        part = data if group is None else data[data["group"] == group]
        table = transitions(part, None, part.get(POPULATION_BEFORE), part.get(POPULATION_AFTER))
        table = table[table["territoire"] == ALL_TERRITORY]
        first = _codes(part[dated_field(LEVEL_CODE_FIELD, BEFORE)])
        second = _codes(part[dated_field(LEVEL_CODE_FIELD, AFTER)])
        ids = part.index.to_numpy()
        before, after = self.date_names()
        for entry in table.itertuples(index=False):
            row, column = MATRIX_LEVELS.index(entry.niveau_avant), MATRIX_LEVELS.index(entry.niveau_apres)
            code_row, code_column = (row + 1) % 6, (column + 1) % 6  # "—" is code 0
            self.cells[(row, column)] = [int(i) for i in ids[(first == code_row) & (second == code_column)]]
            item = QTableWidgetItem(str(entry.communes))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(tr("{count} communes from {level_before} ({before}) to {level_after} ({after}); "
                               "population {population_before} in {before}, {population_after} in {after}. "
                               "Click to select them.").format(
                count=entry.communes, level_before=entry.niveau_avant, level_after=entry.niveau_apres,
                before=before, after=after, population_before=_count(entry.population_avant),
                population_after=_count(entry.population_apres)))
            if entry.mouvement in MOVE_COLOURS:
                item.setBackground(QBrush(QColor(MOVE_COLOURS[entry.mouvement])))
            self.matrix.setItem(row, column, item)
        self.matrix.resizeColumnsToContents()
        _fit_height(self.matrix)
        counts = {move: int(table.loc[table["mouvement"] == move, "communes"].sum()) for move in (ROSE, FELL, HELD)}
        self.note.setText(tr("Rows: the level in {before}; columns: the level in {after}. {rose} communes rose "
                             "a level (blue), {fell} fell (red), {held} held; {total} in all. The tooltip gives the "
                             "population; a click selects the communes.").format(
            before=before, after=after, rose=counts[ROSE], fell=counts[FELL], held=counts[HELD],
            total=int(table["communes"].sum())))

    def _cell_clicked(self, row, column):
        ids = self.cells.get((row, column))
        if ids:
            self.communes_chosen.emit(ids)

    def cell_ids(self, level_before, level_after):
        """The feature ids counted in the cell (level at the earlier date, level at the later one)."""
        return list(self.cells.get((MATRIX_LEVELS.index(level_before), MATRIX_LEVELS.index(level_after)), []))

    def cell_position(self, level_before, level_after):
        return MATRIX_LEVELS.index(level_before), MATRIX_LEVELS.index(level_after)



def _fit_height(table):
    """The table as tall as its rows: the tab scrolls as a whole, the table never on its own."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(row) for row in range(table.rowCount()))
    if table.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)
