"""The panel's "Change by level" tab: population and jobs between two censuses, summed per level."""

import numpy as np
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..core.change import change_by_level
from ..i18n import tr


class ChangeByLevel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555; font-size: 8pt;")
        layout.addWidget(self.note)
        self._codes = None  # the levels the table was computed for
        self._waiting = None  # (data, codes, new layer) not shown yet: the tab is behind another

    def show_levels(self, data, codes, new_layer=False):
        """The table for the panel's ``data``; the sums by level change only when a commune changes level.
        Behind another tab of a panel on screen, the table is made when the tab is shown: a slider move
        does not sum France's communes for a table nobody sees."""
        if not self.isVisible() and self.window().isVisible():
            new_layer = new_layer or (self._waiting is not None and self._waiting[2])
            self._waiting = (data, codes, new_layer)
            return
        self._waiting = None
        if new_layer or not np.array_equal(codes, self._codes, equal_nan=True):
            self._codes = codes
            self._fill(data)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._waiting is not None:
            self.show_levels(*self._waiting)

    def _fill(self, data):
        table, note = self.table, self.note
        summary, columns, missing = change_by_level(data)
        table.clear()
        if summary is None:
            table.setRowCount(0)
            table.setColumnCount(0)
            note.setText(tr("Population and job change need the census columns {columns}, absent from this layer.")
                         .format(columns=", ".join(missing)))
            return
        headers, rates = [tr("Level"), tr("Communes")], set()
        for measure, (first, last) in columns.items():
            what = tr("Population") if measure == "POP" else tr("Jobs")
            # Two-line headers keep the eight columns within the panel's width.
            headers += [f"{what}\n{first}", f"{what}\n{last}", tr("{what} %/year").format(what=what).replace(" ", "\n", 1)]
            rates.add(len(headers) - 1)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(summary))
        for row, values in enumerate(summary.itertuples(index=False)):
            for column, value in enumerate(values):
                if isinstance(value, float):
                    if value != value:
                        text = ""
                    elif column in rates:
                        text = f"{value:+.2f}"
                    else:
                        text = f"{value:,.0f}".replace(",", "\u202f")  # thin space between thousands
                else:
                    text = str(value)
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        note.setText(tr("Sums over the communes of each level, annual change rate between the census years. "
                        "Levels follow the weights.") + (
            " " + tr("Missing columns: {columns}.").format(columns=", ".join(missing)) if missing else ""))
