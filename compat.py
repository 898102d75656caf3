"""Everything that differs between QGIS 3.22 (Qt5) and later versions (up to QGIS 4, Qt6).

The rest of the plugin imports these names instead of testing versions itself.
"""

from qgis.core import Qgis, QgsFeatureRequest, QgsProcessing, QgsProcessingAlgorithm, QgsUnitTypes, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

QGIS_VERSION = Qgis.QGIS_VERSION_INT

# Algorithm flags: QgsProcessingAlgorithm.Flag* until 3.34, Qgis.ProcessingAlgorithmFlag after.
if hasattr(Qgis, "ProcessingAlgorithmFlag"):
    FLAG_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
else:
    FLAG_NO_THREADING = QgsProcessingAlgorithm.FlagNoThreading

# Source types of layer parameters.
if hasattr(Qgis, "ProcessingSourceType"):
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_FILE = Qgis.ProcessingSourceType.File
    SOURCE_VECTOR_ANY = Qgis.ProcessingSourceType.Vector
else:
    SOURCE_POLYGON = QgsProcessing.TypeVectorPolygon
    SOURCE_FILE = QgsProcessing.TypeFile
    SOURCE_VECTOR_ANY = QgsProcessing.TypeVector

# Geometry type of table outputs.
if hasattr(Qgis, "WkbType"):
    NO_GEOMETRY = Qgis.WkbType.NoGeometry
else:
    NO_GEOMETRY = QgsWkbTypes.NoGeometry

if hasattr(Qgis, "FeatureRequestFlag"):
    REQUEST_NO_GEOMETRY = Qgis.FeatureRequestFlag.NoGeometry
else:
    REQUEST_NO_GEOMETRY = QgsFeatureRequest.NoGeometry

if hasattr(Qgis, "AreaUnit"):
    AREA_KM2 = Qgis.AreaUnit.SquareKilometers
else:
    AREA_KM2 = QgsUnitTypes.AreaSquareKilometers

# Layout and distance units: QgsUnitTypes until 3.28, Qgis.LayoutUnit / Qgis.DistanceUnit after.
if hasattr(Qgis, "LayoutUnit"):
    LAYOUT_MM = Qgis.LayoutUnit.Millimeters
    DISTANCE_KM = Qgis.DistanceUnit.Kilometers
else:
    LAYOUT_MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    DISTANCE_KM = QgsUnitTypes.DistanceUnit.DistanceKilometers

# QgsField types: QVariant.Type until 3.36, QMetaType.Type from 3.38 (and in QGIS 4).
if QGIS_VERSION >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_INT = QMetaType.Type.Int
    FIELD_STRING = QMetaType.Type.QString
else:
    FIELD_DOUBLE = QVariant.Double
    FIELD_INT = QVariant.Int
    FIELD_STRING = QVariant.String


def is_null(value):
    """True for a NULL attribute: None on Qt6, a null QVariant on Qt5."""
    if value is None:
        return True
    return isinstance(value, QVariant) and value.isNull()


def python_value(value):
    """An attribute as plain Python (None for NULL), for building DataFrames."""
    if is_null(value):
        return None
    if isinstance(value, QVariant):
        return value.value()
    return value


def set_label_text_style(label, font, colour):
    """Font and colour of a layout label (QgsTextFormat from 3.24, setFont before)."""
    if hasattr(label, "setTextFormat"):
        from qgis.core import QgsTextFormat

        text_format = QgsTextFormat.fromQFont(font)
        text_format.setColor(colour)
        label.setTextFormat(text_format)
    else:
        label.setFont(font)
        label.setFontColor(colour)
