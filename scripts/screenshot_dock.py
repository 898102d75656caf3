"""Run inside QGIS desktop (qgis --code): load the demo's scores, open the panel, save a screenshot.

Driven by scripts/screenshot_dock.sh, which starts QGIS under Xvfb with a scratch profile.
Environment: CENTRALITES_SCORES (GeoPackage), CENTRALITES_SHOT (PNG to write).
"""

import os

import processing
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins


def open_panel():
    layer = QgsVectorLayer(os.environ["CENTRALITES_SCORES"], "Centralités — communes", "ogr")
    QgsProject.instance().addMapLayer(layer)
    processing.run("centralites:apply_style", {"INPUT": layer, "STYLE": 1, "SAVE_AS_DEFAULT": False})
    iface.mapCanvas().setExtent(layer.extent())
    iface.mapCanvas().refresh()
    plugins["centralites"]._toggle_dock()
    dock = plugins["centralites"].dock
    iface.mainWindow().resizeDocks([dock], [600], Qt.Orientation.Horizontal)
    bethune = next(layer.getFeatures("\"INSEE_COM\" = '62119'"))
    lens = next(layer.getFeatures("\"INSEE_COM\" = '62498'"))
    dock.set_reference(lens.id())
    layer.selectByIds([bethune.id()])
    # "What if commerce weighs more?": the sliders re-score and the map follows.
    dock.weights.move("consommer", 2.0)
    if os.environ.get("CENTRALITES_TAB") == "why":  # the "Why this score" tab instead of the ranking
        dock.tabs.setCurrentWidget(dock.why)
    QTimer.singleShot(1500, lambda: zoom_to(layer))  # the canvas is narrower with the panel open
    QTimer.singleShot(6000, grab)


def zoom_to(layer):
    extent = layer.extent()
    extent.scale(1.05)
    iface.mapCanvas().setExtent(extent)
    iface.mapCanvas().refresh()


def grab():
    iface.mainWindow().grab().save(os.environ["CENTRALITES_SHOT"])
    os._exit(0)


iface.mainWindow().resize(1600, 1000)
QTimer.singleShot(4000, open_panel)
