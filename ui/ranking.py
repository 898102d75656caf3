"""The ranking table's model: sorting and filtering with numpy, fast on 35,000 communes."""

import unicodedata

import numpy as np
from qgis.PyQt.QtCore import QAbstractTableModel, Qt

from ..i18n import tr

FID_ROLE = Qt.ItemDataRole.UserRole
RANK, NAME, SCORE, LEVEL = range(4)


def folded(text):
    """Lower case without accents: "Béthune" and "bethune" match."""
    text = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


class RankingModel(QAbstractTableModel):
    """One row per visible commune: rank, name, composite score, level.

    Rows are the communes that pass the filters (search text, intercommunality,
    level), in the order of the last sort.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = [tr("Rank"), tr("Commune"), tr("Score"), tr("Level")]
        self.fids = np.empty(0, dtype="int64")
        self.names, self._folded_names, self.groups = [], [], np.empty(0, dtype=object)
        self.ranks = self.scores = self.codes = np.empty(0)
        self.levels = np.empty(0, dtype=object)
        self.order = np.empty(0, dtype="int64")
        self.sort_column, self.sort_order = RANK, Qt.SortOrder.AscendingOrder
        self.text, self.group, self.level_code = "", None, None

    # ------------------------------------------------------------------ data
    def set_communes(self, fids, names, groups):
        self.beginResetModel()
        self.fids = np.asarray(fids, dtype="int64")
        self.names = [str(n) for n in names]
        self._folded_names = None  # folded when first searched or sorted by name (a second for France)
        self.groups = np.asarray(groups, dtype=object)
        empty = np.full(len(self.fids), np.nan)
        self.ranks, self.scores, self.codes = empty, empty.copy(), empty.copy()
        self.levels = np.full(len(self.fids), None, dtype=object)
        self._refresh()
        self.endResetModel()

    @property
    def folded_names(self):
        if self._folded_names is None:
            self._folded_names = [folded(n) for n in self.names]
        return self._folded_names

    def set_scores(self, ranks, scores, levels, codes):
        """New ranks, composite scores and levels, rows in the order of set_communes."""
        self.layoutAboutToBeChanged.emit()
        self.ranks = np.asarray(ranks, dtype="float64")
        self.scores = np.asarray(scores, dtype="float64")
        self.levels = np.asarray(levels, dtype=object)
        self.codes = np.asarray(codes, dtype="float64")
        self._refresh()
        self.layoutChanged.emit()

    def set_filter(self, text=None, group=..., level_code=...):
        """Keep the communes whose name contains ``text``, of intercommunality ``group`` and
        level ``level_code`` (None: all); arguments left out keep their current value."""
        self.layoutAboutToBeChanged.emit()
        if text is not None:
            self.text = folded(text.strip())
        if group is not ...:
            self.group = group
        if level_code is not ...:
            self.level_code = level_code
        self._refresh()
        self.layoutChanged.emit()

    def _refresh(self):
        keep = np.ones(len(self.fids), dtype=bool)
        if self.text:
            keep &= np.fromiter((self.text in name for name in self.folded_names), dtype=bool, count=len(self.fids))
        if self.group is not None:
            keep &= self.groups == self.group
        if self.level_code is not None:
            keep &= self.codes == self.level_code
        rows = np.flatnonzero(keep)
        self.order = rows[self._sorted(rows)]

    def _sorted(self, rows):
        if self.sort_column == NAME:
            keys = [self.folded_names[r] for r in rows]
            order = np.array(sorted(range(len(rows)), key=keys.__getitem__), dtype="int64")
        else:
            values = {RANK: self.ranks, SCORE: self.scores, LEVEL: self.codes}[self.sort_column][rows]
            # Missing values last in either direction.
            order = np.lexsort((values, np.isnan(values)))
            if self.sort_order == Qt.SortOrder.DescendingOrder:
                known = order[~np.isnan(values[order])]
                return np.concatenate([known[::-1], order[np.isnan(values[order])]]).astype("int64")
            return order
        return order[::-1] if self.sort_order == Qt.SortOrder.DescendingOrder else order

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.order)

    def columnCount(self, parent=None):  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = int(self.order[index.row()])
        if role == FID_ROLE:
            return int(self.fids[row])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (RANK, SCORE):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.text_at(row, index.column())

    def text_at(self, row, column):
        if column == RANK:
            return "" if np.isnan(self.ranks[row]) else f"{self.ranks[row]:.0f}"
        if column == NAME:
            return self.names[row]
        if column == SCORE:
            return "" if np.isnan(self.scores[row]) else f"{self.scores[row]:.1f}"
        return self.levels[row] or ""

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self._refresh()
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ lookups
    def row_of(self, fid):
        """The visible row of feature ``fid``, or -1."""
        rows = np.flatnonzero(self.fids[self.order] == fid)
        return int(rows[0]) if len(rows) else -1

    def csv(self):
        """The visible rows as CSV text (semicolons, as French spreadsheets expect)."""
        lines = [";".join(self.headers)]
        for row in self.order:
            cells = [self.text_at(row, column) for column in range(len(self.headers))]
            lines.append(";".join(f'"{cell}"' if ";" in cell else cell for cell in cells))
        return "\n".join(lines) + "\n"
