"""The panel's "Why this score" tab: the selected commune's points per indicator against the territory's
median (a diverging bar chart grouped by function), the sentences that explain its score, and its sheet."""

import numpy as np
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..i18n import tr


class WhyTab(QWidget):
    """``sheet_requested`` is emitted by the "Commune sheet (PDF)" button."""

    sheet_requested = pyqtSignal()

    def __init__(self, chart=None, parent=None):
        super().__init__(parent)
        self.chart = chart  # a charts.ContributionBars, None without pyqtgraph
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        if chart is not None:  # scrolls when the profile has more indicators than the panel has room for
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(chart.widget)
            layout.addWidget(scroll, 1)
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        layout.addWidget(self.sentences)
        row = QHBoxLayout()
        self.sheet_button = QPushButton(tr("Commune sheet (PDF)"))
        self.sheet_button.setToolTip(tr("Make this commune's page (Commune sheets) and open it"))
        self.sheet_button.clicked.connect(self.sheet_requested)
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_commune(None)

    def show_commune(self, name, items=(), sentences=""):
        """``items``: (function index, indicator label, points against the median) in the profile's order."""
        items = [item for item in items if item[2] == item[2]]  # no bar for an indicator without a value
        if name is None:
            self.sentences.setText(tr("Select a commune to see why it scores as it does."))
        elif not items and not sentences:
            self.sentences.setText(tr("This layer has no contributions (contrib_* fields): run "
                                      "“Centrality score” again to see them."))
        else:
            self.sentences.setText(sentences)
        self.sheet_button.setEnabled(name is not None)
        if self.chart is not None:
            self.chart.show(name, [i[0] for i in items], [i[1] for i in items],
                            np.array([i[2] for i in items], dtype="float64"))
