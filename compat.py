"""Everything that differs between QGIS 3.22 (Qt5) and later versions (up to QGIS 4, Qt6).

The rest of the plugin imports these names instead of testing versions itself.
pandas 1.5 (QGIS 3.22 on Debian 12) and 2.x (3.40, 3.44) differ too, but core/ imports
no QGIS, hence not this module: its pandas code is written to behave the same on both
(e.g. Int64 columns with pd.NA give floats to Series.map on 2.x: convert with int()).
"""

from qgis.core import (
    Qgis,
    QgsDiagramLayerSettings,
    QgsFeatureRequest,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

QGIS_VERSION = Qgis.QGIS_VERSION_INT

# Algorithm flags: QgsProcessingAlgorithm.Flag* until 3.34, Qgis.ProcessingAlgorithmFlag after.
if hasattr(Qgis, "ProcessingAlgorithmFlag"):
    FLAG_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
else:
    FLAG_NO_THREADING = QgsProcessingAlgorithm.Flag.FlagNoThreading

# Source types of layer parameters.
if hasattr(Qgis, "ProcessingSourceType"):
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_FILE = Qgis.ProcessingSourceType.File
    SOURCE_VECTOR_ANY = Qgis.ProcessingSourceType.Vector
else:
    SOURCE_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon
    SOURCE_POINT = QgsProcessing.SourceType.TypeVectorPoint
    SOURCE_FILE = QgsProcessing.SourceType.TypeFile
    SOURCE_VECTOR_ANY = QgsProcessing.SourceType.TypeVector

# Geometry type of table outputs.
if hasattr(Qgis, "WkbType"):
    NO_GEOMETRY = Qgis.WkbType.NoGeometry
    POINT_GEOMETRY = Qgis.WkbType.Point
else:
    NO_GEOMETRY = QgsWkbTypes.Type.NoGeometry
    POINT_GEOMETRY = QgsWkbTypes.Type.Point

# Sinks: FastInsert skips the provider's per-feature checks and id updates (the flag moved to Qgis in QGIS 4).
if hasattr(Qgis, "FeatureSinkFlag"):
    SINK_FAST_INSERT = Qgis.FeatureSinkFlag.FastInsert
else:
    from qgis.core import QgsFeatureSink

    SINK_FAST_INSERT = QgsFeatureSink.Flag.FastInsert

if hasattr(Qgis, "FeatureRequestFlag"):
    REQUEST_NO_GEOMETRY = Qgis.FeatureRequestFlag.NoGeometry
else:
    REQUEST_NO_GEOMETRY = QgsFeatureRequest.Flag.NoGeometry

if hasattr(Qgis, "InvalidGeometryCheck"):
    GEOMETRY_SKIP_INVALID = Qgis.InvalidGeometryCheck.SkipInvalid
else:
    GEOMETRY_SKIP_INVALID = QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid

if hasattr(Qgis, "Aggregate"):
    ARRAY_AGGREGATE = Qgis.Aggregate.ArrayAggregate
else:
    from qgis.core import QgsAggregateCalculator

    ARRAY_AGGREGATE = QgsAggregateCalculator.Aggregate.ArrayAggregate

if hasattr(Qgis, "AreaUnit"):
    AREA_KM2 = Qgis.AreaUnit.SquareKilometers
else:
    AREA_KM2 = QgsUnitTypes.AreaUnit.AreaSquareKilometers

# Layout and distance units: QgsUnitTypes until 3.28, Qgis.LayoutUnit / Qgis.DistanceUnit after.
if hasattr(Qgis, "LayoutUnit"):
    LAYOUT_MM = Qgis.LayoutUnit.Millimeters
    DISTANCE_KM = Qgis.DistanceUnit.Kilometers
else:
    LAYOUT_MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
    DISTANCE_KM = QgsUnitTypes.DistanceUnit.DistanceKilometers
DISTANCE_UNKNOWN = Qgis.DistanceUnit.Unknown if hasattr(Qgis, "DistanceUnit") else \
    QgsUnitTypes.DistanceUnit.DistanceUnknownUnit

# QgsField types: QVariant.Type until 3.36, QMetaType.Type from 3.38 (and in QGIS 4).
if QGIS_VERSION >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_INT = QMetaType.Type.Int
    FIELD_STRING = QMetaType.Type.QString
    FIELD_LONG_LONG = QMetaType.Type.LongLong
else:
    FIELD_DOUBLE = QVariant.Type.Double
    FIELD_INT = QVariant.Type.Int
    FIELD_STRING = QVariant.Type.String
    FIELD_LONG_LONG = QVariant.Type.LongLong


# Field types whose values SQLite gives as QGIS does (whole numbers, reals, text): read from a GeoPackage
# directly by processing/frames.py.
SQLITE_LIKE_TYPES = frozenset({FIELD_INT, FIELD_DOUBLE, FIELD_STRING, FIELD_LONG_LONG})


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


# Styling: label placement (Qgis.LabelPlacement from 3.26), label and diagram properties,
# render units (Qgis.RenderUnit from 3.30).
if hasattr(Qgis, "LabelPlacement"):
    LABEL_AROUND_POINT = Qgis.LabelPlacement.AroundPoint
else:
    LABEL_AROUND_POINT = QgsPalLayerSettings.Placement.AroundPoint
DIAGRAM_SHOW = QgsDiagramLayerSettings.Property.Show
if hasattr(Qgis, "RenderUnit"):
    RENDER_MM = Qgis.RenderUnit.Millimeters
else:
    RENDER_MM = QgsUnitTypes.RenderUnit.RenderMillimeters

# Number parameter types: QgsProcessingParameterNumber.Type until 3.34, Qgis.ProcessingNumberParameterType after.
if hasattr(Qgis, "ProcessingNumberParameterType"):
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
else:
    from qgis.core import QgsProcessingParameterNumber

    NUMBER_DOUBLE = QgsProcessingParameterNumber.Type.Double


def stores_styles_in_database(layer):
    """Whether the layer's provider keeps styles in the layer's own database (a GeoPackage, PostGIS's
    layer_styles). styleStorageCapabilities replaces isSaveAndLoadStyleToDatabaseSupported in 3.34."""
    provider = layer.dataProvider()
    if provider is None:
        return False
    if hasattr(provider, "styleStorageCapabilities"):
        return bool(provider.styleStorageCapabilities() & Qgis.ProviderStyleStorageCapability.SaveToDatabase)
    return bool(provider.isSaveAndLoadStyleToDatabaseSupported())


def save_style_to_database(layer, name, description, use_as_default, ui_file_content=""):
    """Store the layer's style in its database (a GeoPackage, PostGIS…); the error message, empty when stored.

    saveStyleToDatabaseV2 (returning flags and the message) replaces the deprecated saveStyleToDatabase in 3.44.
    """
    if hasattr(layer, "saveStyleToDatabaseV2"):
        _results, message = layer.saveStyleToDatabaseV2(name, description, use_as_default, ui_file_content)
        return message
    return layer.saveStyleToDatabase(name, description, use_as_default, ui_file_content)


if hasattr(Qgis, "ScaleBarSegmentSizeMode"):
    FIT_SEGMENT_WIDTH = Qgis.ScaleBarSegmentSizeMode.FitWidth
else:
    from qgis.core import QgsScaleBarSettings

    FIT_SEGMENT_WIDTH = QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth


def ogr_open(path, update=0):
    """ogr.Open, None for a file OGR cannot read, whether GDAL raises or not.

    GDAL's Python exceptions are off in QGIS 3.22 (ogr.Open returns None) but get
    switched on during a QGIS 3.40 / 3.44 session (GDAL 3.10+: RuntimeError).
    """
    from osgeo import ogr

    try:
        return ogr.Open(path, update)
    except RuntimeError:
        return None


def parameter_as_field_names(algorithm, parameters, name, context):
    """Field names of a multiple field parameter (parameterAsFields is deprecated from QGIS 3.32)."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def write_vector_layer(layer, path, transform_context, options):
    """Write ``layer`` with QgsVectorFileWriter; True when written.

    writeAsVectorFormatV3 (3.20+) replaces the deprecated V2; both return the error code first.
    """
    from qgis.core import QgsVectorFileWriter

    write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or QgsVectorFileWriter.writeAsVectorFormatV2
    return write(layer, path, transform_context, options)[0] == QgsVectorFileWriter.WriterError.NoError


def export_layer_result_ok(result):
    """Whether QgsVectorLayerExporter.exportLayer's result is a success (an ExportError until 3.40, then
    Qgis.VectorExportResult)."""
    success = getattr(getattr(Qgis, "VectorExportResult", None), "Success", None)
    if success is None:
        from qgis.core import QgsVectorLayerExporter

        success = QgsVectorLayerExporter.ExportError.NoError
    return result == success
