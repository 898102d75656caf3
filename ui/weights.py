"""Weight sliders: one per function, one per indicator (folded), with the weight and its share."""

from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QGridLayout, QLabel, QSlider, QVBoxLayout, QWidget

from ..core.vocabulary import FUNCTIONS, FUNCTION_COLOURS, function_labels
from ..i18n import tr

STEPS_PER_UNIT = 10  # slider positions per unit of weight: 0.1 steps
MAX_WEIGHT = 5.0


class WeightSliders(QWidget):
    """Sliders for the four function weights and, folded below, the indicator weights.

    ``changed`` is emitted on every move; ``weights()`` gives the exact values
    (a profile's 0.25 stays 0.25 until its slider is moved).
    """

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sliders = {}  # key -> QSlider; key is a function name or "function.indicator"
        self.values = {}  # key -> exact weight
        self.value_labels = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.function_grid = QGridLayout()
        self.function_grid.setVerticalSpacing(1)
        layout.addLayout(self.function_grid)
        self.indicator_box = QgsCollapsibleGroupBox(tr("Indicator weights"))
        self.indicator_box.setCollapsed(True)
        self.indicator_grid = QGridLayout(self.indicator_box)
        self.indicator_grid.setVerticalSpacing(1)
        layout.addWidget(self.indicator_box)
        for row, (name, label, colour) in enumerate(zip(FUNCTIONS, function_labels(), FUNCTION_COLOURS)):
            title = QLabel(f"<span style='color:{colour}'>■</span> {label}")
            self._add(self.function_grid, row, name, title, 1.0)
        self.indicator_keys = []

    def set_indicators(self, indicators):
        """Rebuild the indicator sliders: ``indicators`` is [(key, label, weight)] in the profile's order."""
        while self.indicator_grid.count():
            widget = self.indicator_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for key in self.indicator_keys:
            self.sliders.pop(key, None)
            self.values.pop(key, None)
            self.value_labels.pop(key, None)
        self.indicator_keys = []
        row, current_function = 0, None
        labels = dict(zip(FUNCTIONS, function_labels()))
        for key, label, weight in indicators:
            function = key.split(".", 1)[0]
            if function != current_function:
                heading = QLabel(f"<b>{labels.get(function, function)}</b>")
                self.indicator_grid.addWidget(heading, row, 0, 1, 3)
                row, current_function = row + 1, function
            title = QLabel(label)
            title.setToolTip(key)
            title.setWordWrap(True)  # long indicator labels must not squeeze their slider
            title.setMaximumWidth(230)
            self._add(self.indicator_grid, row, key, title, weight)
            self.indicator_keys.append(key)
            row += 1

    def _add(self, grid, row, key, title, weight):
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(1, int(MAX_WEIGHT * STEPS_PER_UNIT))
        slider.setPageStep(STEPS_PER_UNIT // 2)
        value = QLabel()
        value.setMinimumWidth(70)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(title, row, 0)
        grid.addWidget(slider, row, 1)
        grid.addWidget(value, row, 2)
        grid.setColumnStretch(1, 1)
        self.sliders[key] = slider
        self.value_labels[key] = value
        self._set(key, weight)
        slider.valueChanged.connect(lambda position, key=key: self._moved(key, position))

    def _set(self, key, weight):
        slider = self.sliders[key]
        slider.blockSignals(True)
        slider.setMaximum(max(int(MAX_WEIGHT * STEPS_PER_UNIT), int(round(weight * STEPS_PER_UNIT))))
        slider.setValue(max(1, int(round(weight * STEPS_PER_UNIT))))
        slider.blockSignals(False)
        self.values[key] = float(weight)

    def _moved(self, key, position):
        self.values[key] = position / STEPS_PER_UNIT
        self._update_labels()
        self.changed.emit()

    def _update_labels(self):
        total = sum(self.values[name] for name in FUNCTIONS)
        for key, label in self.value_labels.items():
            weight = self.values[key]
            if key in FUNCTIONS:
                label.setText(tr("{weight:g} ({share:.0f} %)").format(weight=round(weight, 3), share=100 * weight / total))
            else:
                label.setText(f"{round(weight, 3):g}")

    def weights(self):
        """({function: weight}, {"function.indicator": weight})"""
        return ({name: self.values[name] for name in FUNCTIONS},
                {key: self.values[key] for key in self.indicator_keys})

    def set_weights(self, function_weights, indicator_weights):
        """Show these weights without emitting ``changed``; unknown keys are ignored."""
        for key, weight in list(function_weights.items()) + list(indicator_weights.items()):
            if key in self.sliders and isinstance(weight, (int, float)) and weight > 0:
                self._set(key, float(weight))
        self._update_labels()

    def is_dragging(self):
        return any(slider.isSliderDown() for slider in self.sliders.values())

    def move(self, key, weight):
        """Move one slider as the user would (emits ``changed``)."""
        self.sliders[key].setValue(int(round(weight * STEPS_PER_UNIT)))
