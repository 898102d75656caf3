"""What every Centralités algorithm shares: naming, translation, help, icon, and how it fails."""

import configparser
import os

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from .addresses import address_hint, is_database_address
from .failures import checked_sink, guarded
from .frames import geopackage_table_behind, memory_layer_behind, whole_layer_behind
from .postgis_tables import database_outputs, output_address_problem
from .postgis_reading import postgis_table_behind

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

    def __init_subclass__(cls, **kwargs):
        # Every algorithm's outputs checked before it runs and cleaned after a failure or a cancel;
        # every failure a message in the user's language, never a traceback (processing/failures.py).
        super().__init_subclass__(**kwargs)
        if "processAlgorithm" in cls.__dict__:
            cls.processAlgorithm = guarded(cls.__dict__["processAlgorithm"])

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

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's check; a layer given as a database address QGIS cannot open gets the address to type
        (``postgres://`` + the URI: processing/addresses.py) instead of "not found", and so does a PostGIS output
        given in a form QGIS does not write (processing/postgis_tables.py)."""
        ok, message = super().checkParameterValues(parameters, context)
        for name, address in database_outputs(self, parameters, context).items():
            problem = output_address_problem(address)  # QGIS would write a file of that name
            if ok and problem:
                return False, f"{self.parameterDefinition(name).description()}: {problem}"
        if ok:
            return ok, message
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(value, QgsProcessingFeatureSourceDefinition):
                value = value.source.staticValue()
            if isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)) \
                    and is_database_address(value) and definition.name() in message:
                return False, f"{definition.description()}: {address_hint(value)}"
        return ok, message

    def parameterAsSink(self, parameters, name, context, fields, *args, **kwargs):  # noqa: N802
        """QGIS's sink, with the format checked against the fields (a shapefile cuts long names) and every
        write checked; the file is closed and read back when the algorithm ends (processing/failures.py)."""
        return checked_sink(self, parameters, name, context, fields, *args, **kwargs)

    def parameterAsSource(self, parameters, name, context):  # noqa: N802
        """QGIS's feature source, with ``memory_layer``, ``geopackage_table`` and ``postgis_table``: the memory
        layer, the GeoPackage file and table, or the PostGIS table, behind it when the source is the whole layer
        as it is (``frames.read_attributes`` then reads it in one pass), else None; and ``whole_layer``, that
        layer (``frames.fill_memory_layer`` copies its features as they are, as the GeoPackage bulk copy does)."""
        source = super().parameterAsSource(parameters, name, context)
        if source is not None:
            layer = whole_layer_behind(self, parameters, name, context, source)
            source.whole_layer = layer
            source.memory_layer = memory_layer_behind(layer)
            source.geopackage_table = geopackage_table_behind(layer)
            source.postgis_table = postgis_table_behind(layer)
        return source

    def tr(self, text):
        return tr(text)

    def require_features(self, parameters, name, source):
        """Refuse an input with no feature, saying whether the layer is empty or nothing is selected."""
        if source is None or source.featureCount() != 0:
            return
        label = self.parameterDefinition(name).description()
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
            self.fail(tr("{label}: no feature is selected, and only the selected features are to be used. Select "
                         "the communes, or untick “Selected features only”.").format(label=label))
        self.fail(tr("{label}: the layer has no feature.").format(label=label))

    @staticmethod
    def fail(message):
        raise QgsProcessingException(message)
