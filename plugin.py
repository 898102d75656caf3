"""The Centralités plugin: processing provider, menu and toolbar entries.

``initProcessing`` is what QGIS calls in qgis_process (no GUI, iface None);
``initGui`` calls it too for the desktop. The provider is added once only.
"""

import importlib
import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject, QgsVectorLayer

from .i18n import install_translator, tr

PLUGIN_DIR = os.path.dirname(__file__)
SAMPLE_TERRITORY = os.path.join(PLUGIN_DIR, "resources", "sample", "territoire_aula.gpkg")
MODEL_ID = "centralites:diagnostic_centralites"


def missing_libraries():
    """The Python packages the plugin needs and this QGIS lacks (a minimal OSGeo4W install may)."""
    missing = []
    for name in ("numpy", "pandas"):
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


def missing_libraries_message(missing):
    return tr("Centralités needs the Python package(s) {names}, missing from this QGIS. On Windows: run the "
              "OSGeo4W setup and install python3-{first} (or 'pip install {names_pip}' in the OSGeo4W shell); "
              "on Debian or Ubuntu: sudo apt install python3-{first}. Then restart QGIS.").format(
        names=", ".join(missing), first=missing[0], names_pip=" ".join(missing))


class CentralitesPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.menu = None
        self.dock = None

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is not None:
            return
        install_translator()
        missing = missing_libraries()
        if missing:  # said once, plainly, instead of an import traceback
            QgsMessageLog.logMessage(missing_libraries_message(missing), "Centralités", Qgis.MessageLevel.Critical)
            return
        from .processing.provider import CentralitesProvider

        self.provider = CentralitesProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        missing = missing_libraries()
        if missing:
            self.iface.messageBar().pushMessage(tr("Centralités"), missing_libraries_message(missing),
                                                level=Qgis.MessageLevel.Critical)
            return
        from qgis.PyQt.QtWidgets import QAction

        from qgis.PyQt.QtGui import QIcon

        from .processing.base import plugin_icon

        def icon(name):
            return QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", f"{name}.svg"))

        self.menu = tr("&Centralités")
        self.toolbar = self.iface.addToolBar(tr("Centralités"))
        self.toolbar.setObjectName("CentralitesToolbar")
        # The toolbar's three buttons, each its own icon: the diagnosis, the panel, the sample territory.
        entries = (
            (tr("Run the full diagnosis…"), lambda: self._open_algorithm(MODEL_ID), icon("diagnostic"), True),
            (tr("Join INSEE tables…"), lambda: self._open_algorithm("centralites:join_tables"), plugin_icon(), False),
            (tr("Centrality score…"), lambda: self._open_algorithm("centralites:centrality_score"), plugin_icon(),
             False),
            (tr("Apply the centrality style…"), lambda: self._open_algorithm("centralites:apply_style"),
             plugin_icon(), False),
            (tr("Export the map (PDF)…"), lambda: self._open_algorithm("centralites:export_layout"), plugin_icon(),
             False),
            (tr("Explore the scores (panel)"), self._toggle_dock, icon("panel"), True),
            (tr("Load the sample territory"), self._load_sample, icon("sample"), True),
        )
        for text, callback, action_icon, on_toolbar in entries:
            action = QAction(action_icon, text, self.iface.mainWindow())
            action.triggered.connect(callback)
            self.iface.addPluginToMenu(self.menu, action)
            if on_toolbar:
                self.toolbar.addAction(action)
            self.actions.append(action)

    def unload(self):
        if self.dock is not None:
            self.dock.teardown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu, action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    def _open_algorithm(self, algorithm_id):
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id, {})

    def _toggle_dock(self):
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from .ui.dock import CentralitesDock  # pyqtgraph and the panel load only when asked for

            self.dock = CentralitesDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            return
        self.dock.setUserVisible(not self.dock.isUserVisible())

    def _load_sample(self):
        layer = QgsVectorLayer(f"{SAMPLE_TERRITORY}|layername=communes", tr("Sample territory (AULA)"), "ogr")
        if not layer.isValid():
            from qgis.core import Qgis

            self.iface.messageBar().pushMessage(
                tr("Centralités"), tr("The sample territory could not be opened: {path}").format(path=SAMPLE_TERRITORY),
                level=Qgis.MessageLevel.Warning,
            )
            return
        QgsProject.instance().addMapLayer(layer)
