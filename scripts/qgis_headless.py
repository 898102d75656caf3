"""Start QGIS without a window and make this folder importable as the `centralites` package.

Used by the scripts (demo, model builder); the tests use pytest-qgis instead.
The repository folder may have any name: a link named `centralites` in a
temporary folder points at it.
"""

import atexit
import os
import shutil
import sys
import tempfile

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"


def plugin_package_path():
    """A folder holding a `centralites` link to this checkout; returns the folder."""
    folder = tempfile.mkdtemp(prefix="centralites-import-")
    os.symlink(PLUGIN_ROOT, os.path.join(folder, "centralites"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def start_qgis():
    """Initialise QGIS, processing and the Centralités provider; returns the QgsApplication."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, plugin_package_path())
    if QGIS_PYTHON_PLUGINS not in sys.path:
        sys.path.append(QGIS_PYTHON_PLUGINS)
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from centralites.processing.provider import CentralitesProvider

    # Keep a Python reference: a provider collected by Python loses its overridden methods.
    app.centralites_provider = CentralitesProvider()
    QgsApplication.processingRegistry().addProvider(app.centralites_provider)
    return app
