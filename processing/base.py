"""What every Centralités algorithm shares: naming, translation, help, icon."""

import configparser
import os

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))


def plugin_version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="?")


def plugin_icon():
    return QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "centralites.svg"))


class CentralitesAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``ALGORITHM_ID`` (permanent) and ``GROUP_ID``."""

    ALGORITHM_ID = ""
    GROUP_ID = "diagnostic"

    def name(self):
        return self.ALGORITHM_ID

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def group(self):
        labels = {"data": tr("1 — Data"), "diagnostic": tr("2 — Diagnosis"), "cartography": tr("3 — Cartography")}
        return labels[self.GROUP_ID]

    def icon(self):
        return plugin_icon()

    def createInstance(self):  # noqa: N802
        return type(self)()

    def tr(self, text):
        return tr(text)

    @staticmethod
    def fail(message):
        raise QgsProcessingException(message)
