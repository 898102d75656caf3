"""The panel's "Why this score" tab: contributions against the territory's median, the sentences, the sheet."""

import subprocess

import numpy as np
import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from test_dock import dock, scored_layer  # noqa: F401,F811 (the model's scores on the sample, the panel on them)


def _contributions(layer):
    from centralites.compat import python_value

    names = [n for n in layer.fields().names() if n.startswith("contrib_")]
    rows = {}
    for feature in layer.getFeatures():
        values = [python_value(feature[n]) for n in names]
        rows[feature.id()] = [np.nan if v is None else float(v) for v in values]
    return names, rows


def test_the_selected_communes_points_against_the_median(dock, scored_layer):
    names, rows = _contributions(scored_layer)
    assert names  # the score writes contrib_* fields
    lens = next(scored_layer.getFeatures("\"INSEE_COM\" = '62498'"))
    scored_layer.selectByIds([lens.id()])
    chart = dock.why.chart
    assert chart is not None
    table = np.array(list(rows.values()))
    medians = np.nanmedian(table, axis=0)
    expected = np.array(rows[lens.id()]) - medians
    shown = chart.points
    # One bar per indicator the layer has points of, in the profile's order (contrib_<id>).
    profile = dock.live.resolved
    ids = [i["id"] for f in ("habiter", "travailler", "consommer", "services")
           for i in profile["functions"][f]["indicators"] if f"contrib_{i['id']}" in names]
    assert len(shown) == len(ids)
    assert shown == pytest.approx([expected[names.index(f"contrib_{i}")] for i in ids], nan_ok=True)
    assert (shown > 0).any() and (shown < 0).any()
    # The sentences: the functions against the median, then the score's own explanation.
    text = dock.why.sentences.text()
    assert "median" in text and lens["explication"] in text
    scored_layer.selectByIds([])
    assert dock.why.sentences.text().startswith("Select a commune")
    assert not dock.why.sheet_button.isEnabled()


def test_the_bars_follow_the_weights(dock, scored_layer):
    lens = next(scored_layer.getFeatures("\"INSEE_COM\" = '62498'"))
    scored_layer.selectByIds([lens.id()])
    before = dock.why.chart.points.copy()
    dock.weights.set_weights({"habiter": 1.0, "travailler": 5.0, "consommer": 1.0, "services": 1.0}, {})
    dock.apply_weights()
    after = dock.why.chart.points
    assert len(after) == len(before) and not np.allclose(after, before, equal_nan=True)


def test_the_sheet_button_makes_and_opens_the_communes_page(dock, scored_layer, monkeypatch):
    from centralites.ui import dock as dock_module

    opened = []
    monkeypatch.setattr(dock_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    bethune = next(scored_layer.getFeatures("\"INSEE_COM\" = '62119'"))
    scored_layer.selectByIds([bethune.id()])
    QTest.mouseClick(dock.why.sheet_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].endswith("62119_Béthune.pdf")
    info = subprocess.run(["pdfinfo", opened[0]], capture_output=True, text=True, check=True).stdout
    assert [line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")] == ["1"]
    text = subprocess.run(["pdftotext", opened[0], "-"], capture_output=True, text=True, check=True).stdout
    assert "Béthune" in text
