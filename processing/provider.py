"""The Centralités processing provider: its algorithms and its shipped models."""

import glob
import os

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider

from ..i18n import tr
from .algorithms.aggregate_bpe import AggregateBpe
from .algorithms.apply_style import ApplyStyle
from .base import PLUGIN_DIR, plugin_icon, plugin_version
from .algorithms.centrality_change import CentralityChange
from .algorithms.centrality_score import CentralityScore
from .algorithms.commune_sheets import CommuneSheets
from .algorithms.compare_levels import CompareLevels
from .algorithms.export_layout import ExportLayout
from .algorithms.join_tables import JoinTables
from .algorithms.sensitivity import Sensitivity
from .algorithms.territory_summary import TerritorySummary

PROVIDER_ID = "centralites"
MODELS_DIR = os.path.join(PLUGIN_DIR, "resources", "models")


def model_display_names():
    """The shipped models' names in the user's language; their ids (file and model name) never change."""
    return {"diagnostic_centralites": tr("Centrality diagnosis (join, score, style, map)")}


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model of resources/models, shown under a translated name."""

    def displayName(self):  # noqa: N802
        return model_display_names().get(self.name()) or super().displayName()


class CentralitesProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return "Centralités"

    def longName(self):  # noqa: N802
        return tr("Centralités {version} — centrality diagnosis of communes").format(version=plugin_version())

    def icon(self):
        return plugin_icon()

    def versionInfo(self):  # noqa: N802
        return plugin_version()

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in (JoinTables(), AggregateBpe(), CentralityScore(), ApplyStyle(), ExportLayout(),
                          Sensitivity(), TerritorySummary(), CompareLevels(), CommuneSheets(),
                          CentralityChange()):
            self.addAlgorithm(algorithm)
        for path in sorted(glob.glob(os.path.join(MODELS_DIR, "*.model3"))):
            model = ShippedModel()
            if model.fromFile(path):
                self.addAlgorithm(model)
