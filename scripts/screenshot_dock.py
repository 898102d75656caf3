"""Run inside QGIS desktop (qgis --code): load the demo's scores, open the panel, save a screenshot.

Driven by scripts/screenshot_dock.sh, which starts QGIS under Xvfb with a scratch profile.
Environment: CENTRALITES_SCORES (GeoPackage), CENTRALITES_SHOT (PNG to write).
"""

import os

import processing
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins


def open_panel():
    layer = QgsVectorLayer(os.environ["CENTRALITES_SCORES"], "Centralités — communes", "ogr")
    QgsProject.instance().addMapLayer(layer)
    processing.run("centralites:apply_style", {"INPUT": layer, "STYLE": 1, "SAVE_AS_DEFAULT": False})
    iface.mapCanvas().setExtent(layer.extent())
    iface.mapCanvas().refresh()
    plugins["centralites"]._toggle_dock()
    bethune = next(layer.getFeatures("\"INSEE_COM\" = '62119'"))
    layer.selectByIds([bethune.id()])
    QTimer.singleShot(6000, grab)


def grab():
    iface.mainWindow().grab().save(os.environ["CENTRALITES_SHOT"])
    os._exit(0)


iface.mainWindow().resize(1600, 1000)
QTimer.singleShot(4000, open_panel)
