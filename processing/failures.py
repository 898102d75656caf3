"""What a failure says, and what it leaves: the same rule for every algorithm.

``guarded`` wraps every algorithm's ``processAlgorithm`` (``base.CentralitesAlgorithm``
does it for each subclass, and routes its ``parameterAsSink`` through
``checked_sink``). Before the algorithm runs, every output file's folder is
checked (created when missing, writable, not a file), so that a read-only
folder is said before any work. A new file output is written under a hidden
temporary name beside it, every feature added is checked, and when the
algorithm returns the file is closed, read back and moved into place (the bulk
GeoPackage copy likewise). When the algorithm fails or is cancelled, every
output file it created is removed (a shapefile with its sidecar files) and a
file of the same name from before stays; an unexpected exception becomes a
``QgsProcessingException`` in the user's language: a full disk, a read-only
folder, a locked file or a missing folder is said in those words, and a
programming error says it is one instead of showing a traceback (the traceback
goes to the log's debug information).
"""

import errno
import functools
import os
import shutil
import sqlite3
import string
import tempfile
import traceback
import uuid

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
)

from ..i18n import tr
from .postgis_tables import refuse_database_outputs

# Files GDAL writes beside a shapefile or a dBase file, and SQLite's journals.
SIDECAR_SUFFIXES = (".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".fix",
                    "-journal", "-wal", "-shm")
_NOT_FILES = ("ogr:", "memory:", "postgres", "postgis:", "spatialite:", "mssql:", "oracle:", "TEMPORARY_OUTPUT",
              "dbname=", "service=", "PG:")


def is_file_destination(destination):
    """Whether an output destination is a file path, its folder made when missing: never a database table
    (``postgres://…``, ``postgis:…``, ``dbname=…``, OGR's ``PG:…``), a memory layer or a temporary output."""
    path = (destination or "").split("|")[0]
    return bool(path) and not path.startswith(_NOT_FILES) and "TEMPORARY_OUTPUT" not in path

# Kinds of failures the user can act on.
FULL, READ_ONLY, LOCKED, MISSING, NOT_A_FOLDER, TOO_LARGE = (
    "full", "read-only", "locked", "missing", "not-a-folder", "too-large")
_KIND_OF_ERRNO = {
    errno.ENOSPC: FULL, errno.EDQUOT: FULL,
    errno.EACCES: READ_ONLY, errno.EPERM: READ_ONLY, errno.EROFS: READ_ONLY,
    errno.EBUSY: LOCKED, errno.ETXTBSY: LOCKED,
    errno.ENOENT: MISSING,
    errno.ENOTDIR: NOT_A_FOLDER, errno.EEXIST: NOT_A_FOLDER, errno.EISDIR: NOT_A_FOLDER,
    errno.EFBIG: TOO_LARGE,
}
_WINDOWS_SHARING_VIOLATIONS = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
# Words of SQLite, GDAL and QGIS for the same kinds (lower case).
_KIND_OF_TEXT = (
    ("disk is full", FULL), ("no space left", FULL), ("disk full", FULL), ("disk quota", FULL),
    ("readonly database", READ_ONLY), ("read-only", READ_ONLY), ("read only", READ_ONLY),
    ("permission denied", READ_ONLY), ("access is denied", READ_ONLY),
    ("database is locked", LOCKED), ("locked", LOCKED), ("in use", LOCKED), ("busy", LOCKED),
    ("file too large", TOO_LARGE),
    ("no such file or directory", MISSING),
    ("not a directory", NOT_A_FOLDER),
)


def kind_of_error(error):
    """FULL, READ_ONLY, … for an OSError, an SQLite error or a message text; None when unknown."""
    if isinstance(error, OSError):
        if getattr(error, "winerror", None) in _WINDOWS_SHARING_VIOLATIONS:
            return LOCKED
        kind = _KIND_OF_ERRNO.get(error.errno)
        if kind is not None:
            return kind
    text = str(error).lower()
    return next((kind for words, kind in _KIND_OF_TEXT if words in text), None)


def explain(kind, path, detail=""):
    """The sentence for a failure of ``kind`` on ``path`` (a file or a folder)."""
    messages = {
        FULL: tr("{path}: the disk is full (no space left). Free some space or choose a folder on another "
                 "disk, then run again."),
        READ_ONLY: tr("{path}: the folder is read-only (permission denied). Choose a folder you can write to."),
        LOCKED: tr("{path}: the file is in use (locked) by another program or layer. Close it (remove the "
                   "layer from the project, close the spreadsheet) or choose another name, then run again."),
        MISSING: tr("{path}: the folder does not exist and could not be created."),
        NOT_A_FOLDER: tr("{path}: a part of this path is a file, not a folder. Choose another folder."),
        TOO_LARGE: tr("{path}: the file grew larger than this disk or this session allows (file too large)."),
    }
    message = messages.get(kind) or tr("{path} could not be written: {detail}")
    return message.format(path=path, detail=detail)


def explain_error(error, paths=()):
    """A clear message for an OSError or an SQLite error met while writing ``paths``."""
    path = getattr(error, "filename", None) or ", ".join(paths) or "?"
    detail = getattr(error, "strerror", None) or str(error)
    return explain(kind_of_error(error), path, detail)


def file_outputs(algorithm, parameters, context):
    """{parameter name: file path} of the outputs that are files on disk (not layers in a database)."""
    paths = {}
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        value = parameters.get(name)
        if value is None and not definition.defaultValue() and isinstance(
                definition, QgsProcessingParameterFileDestination):
            continue
        try:
            if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                                       QgsProcessingParameterRasterDestination)):
                path = algorithm.parameterAsOutputLayer(parameters, name, context)
            elif isinstance(definition, (QgsProcessingParameterFileDestination,
                                         QgsProcessingParameterFolderDestination)):
                path = algorithm.parameterAsFileOutput(parameters, name, context)
            else:
                continue
        except QgsProcessingException:
            continue
        path = (path or "").split("|")[0]
        if not is_file_destination(path):
            continue
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            continue  # a folder of several files: the algorithm answers for it
        paths[name] = os.path.abspath(path)
    return paths


def check_writable(path):
    """Raise QgsProcessingException unless a file can be written at ``path`` (its folder made when missing).

    Returns the folders it made, deepest first."""
    folder = os.path.dirname(path) or os.curdir
    if os.path.isdir(path):
        raise QgsProcessingException(tr("{path} is a folder: give a file name for the output.").format(path=path))
    ancestor = folder
    while ancestor and not os.path.exists(ancestor) and os.path.dirname(ancestor) != ancestor:
        ancestor = os.path.dirname(ancestor)
    if os.path.exists(ancestor) and not os.path.isdir(ancestor):
        raise QgsProcessingException(explain(NOT_A_FOLDER, ancestor))
    made, missing = [], folder
    while missing and not os.path.exists(missing) and os.path.dirname(missing) != missing:
        made.append(missing)
        missing = os.path.dirname(missing)
    try:
        os.makedirs(folder, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".centralites-probe-", dir=folder)
        os.close(handle)
        os.remove(probe)
    except OSError as error:
        kind = kind_of_error(error) or READ_ONLY
        raise QgsProcessingException(explain(kind, folder, error.strerror or str(error))) from error
    return made


def output_files(path):
    """``path`` and the files a writer may leave beside it: a shapefile's (or a dBase file's) sidecars,
    SQLite's journals, GDAL's .aux.xml. Never another file of the same name that is not the output's."""
    root, extension = os.path.splitext(path)
    names = [path] + [path + suffix for suffix in ("-journal", "-wal", "-shm", ".aux.xml")]
    if extension.lower() in (".shp", ".dbf"):
        suffixes = [suffix for suffix in SIDECAR_SUFFIXES if suffix.startswith(".")]
        names += [root + suffix for suffix in suffixes] + [root + suffix.upper() for suffix in suffixes]
    return list(dict.fromkeys(names))


def remove_output_file(path, keep=()):
    """Remove ``path`` and the files written beside it (a shapefile's .dbf, .shx, …) but those in ``keep``."""
    for candidate in output_files(path):
        try:
            if candidate not in keep and os.path.isfile(candidate):
                os.remove(candidate)
        except OSError:
            pass


class OutputFiles:
    """The output files of one run: checked before it, removed after a failure or a cancel when new."""

    def __init__(self, algorithm, parameters, context):
        self.paths = file_outputs(algorithm, parameters, context)
        self._made = []  # folders made for the outputs: removed again, when left empty, after a failure
        for path in self.paths.values():
            self._made += check_writable(path)
        # Only what this run creates may be removed: a file (and its sidecars) that was not there.
        self._before = {path: self._present(path) for path in self.paths.values()}

    @staticmethod
    def _present(path):
        return {candidate for candidate in output_files(path) if os.path.exists(candidate)}

    def discard_new(self):
        for path, present in self._before.items():
            if path not in present:
                remove_output_file(path, keep=present)
        for folder in sorted(set(self._made), key=len, reverse=True):
            try:
                os.rmdir(folder)  # only when empty
            except OSError:
                pass


def guarded(process):
    """``processAlgorithm`` with the outputs checked before and cleaned after, and every failure explained."""
    if getattr(process, "_centralites_guarded", False):
        return process

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        self.__dict__["_centralites_sinks"] = []  # the outputs to close, verify and move into place at the end
        self.__dict__["_centralites_guarded_run"] = True
        try:
            return _run(self, parameters, context, feedback)
        finally:
            self.__dict__.pop("_centralites_guarded_run", None)
            self.__dict__.pop("_centralites_sinks", None)

    def _run(self, parameters, context, feedback):
        refuse_database_outputs(self, parameters, context)  # a PostGIS output's form, the views on its table
        outputs = OutputFiles(self, parameters, context)
        try:
            results = process(self, parameters, context, feedback)
        except QgsProcessingException as error:
            _release(outputs, error, self)
            raise
        except (OSError, sqlite3.Error) as error:
            _release(outputs, error, self)
            raise QgsProcessingException(explain_error(error, outputs.paths.values())) from None
        except MemoryError:
            _release(outputs, None, self)
            raise QgsProcessingException(tr("Not enough memory for this run: close other programs or work on "
                                             "fewer communes or columns.")) from None
        except Exception as error:  # noqa: BLE001 — a bug: said as one, the traceback kept in the log
            details = traceback.format_exc()
            _release(outputs, error, self)
            if feedback is not None:
                feedback.pushDebugInfo(details)
            raise QgsProcessingException(tr(
                "Centralités stopped on an unexpected error ({kind}: {error}); no output was written. This is a "
                "bug: please report it with the log.").format(kind=type(error).__name__, error=error)) from None
        if feedback is not None and feedback.isCanceled():
            _release(outputs, None, self)
            return {}
        sinks = self.__dict__.pop("_centralites_sinks", [])
        try:
            for sink in sinks:
                sink.close()
                sink.verify()
            for sink in sinks:
                sink.commit()
        except (QgsProcessingException, OSError) as error:
            for sink in sinks:
                sink.abandon()
            outputs.discard_new()
            if isinstance(error, OSError):
                raise QgsProcessingException(explain_error(error, outputs.paths.values())) from None
            raise
        return openable_outputs(results)

    run._centralites_guarded = True
    return run


def openable_outputs(results):
    """The results with a database output QGIS wrote as ``postgis:…`` (or ``postgres:…``) given back as
    ``postgres://…``: QGIS 3.22's processing writes these but opens only the last, so the next step of a model
    (or processing.run loading the result) would not find the layer."""
    if not isinstance(results, dict):
        return results
    return {name: _openable(value) for name, value in results.items()}


def _openable(value):
    if not isinstance(value, str) or value.startswith("postgres://"):
        return value
    for prefix in ("postgis:", "postgres:"):
        if value.startswith(prefix):
            return "postgres://" + value[len(prefix):]
    return value


# Formats written under a hidden temporary name and moved into place once complete and read back.
STAGED_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".csv", ".xlsx", ".ods", ".fgb", ".sqlite", ".dbf")
STAGE_PREFIX = ".centralites-"


def checked_sink(algorithm, parameters, name, context, fields, *args, **kwargs):
    """``parameterAsSink`` for Centralités algorithms: the output's format checked against its fields
    first, every write checked; a new file is written under a hidden temporary name in its folder,
    read back and moved into place when the algorithm ends (``guarded``)."""
    destination = algorithm.parameterAsOutputLayer(parameters, name, context) or ""
    check_output_fields(destination, fields.names())
    # Inside a guarded run only: the guard moves the file into place at the end.
    staged = _staged_path(destination) if algorithm.__dict__.get("_centralites_guarded_run") else None
    load = None
    if staged is not None:
        definition = parameters.get(name)
        options = {}
        if isinstance(definition, QgsProcessingOutputLayerDefinition):
            options.update(definition.createOptions or {})
            if definition.destinationProject is not None:
                load = (definition.destinationName or algorithm.parameterDefinition(name).description(),
                        definition.destinationProject)
        options["layerName"] = os.path.splitext(os.path.basename(destination))[0]  # not the temporary name's
        staged_definition = QgsProcessingOutputLayerDefinition(staged)  # no project: never loaded as is
        staged_definition.createOptions = options
        parameters = {**parameters, name: staged_definition}
    try:
        sink, identifier = QgsProcessingAlgorithm.parameterAsSink(
            algorithm, parameters, name, context, fields, *args, **kwargs)
    except QgsProcessingException as error:
        text = str(error)
        if staged is not None:
            remove_output_file(staged)
            text = text.replace(staged, destination)  # the user knows the output's name, not the temporary one
        if "wrong field type for fid" in text.lower():
            raise QgsProcessingException(tr(
                "{path}: the layer has a field named fid that does not hold whole numbers, and a GeoPackage keeps "
                "its feature ids in a column fid. Rename that field (or remove it), or choose another output "
                "format.").format(path=destination)) from None
        kind = kind_of_error(text)
        if kind is None:
            raise QgsProcessingException(text) from None
        raise QgsProcessingException(explain(kind, destination, text)) from None
    if sink is None:
        return None, identifier
    final = identifier
    if staged is not None:
        final = destination  # what QGIS names a new file output
        if load is not None:
            context.addLayerToLoadOnCompletion(final, QgsProcessingContext.LayerDetails(load[0], load[1], name))
    checked = CheckedSink(sink, destination, identifier, fields, staged=staged)
    algorithm.__dict__.setdefault("_centralites_sinks", []).append(checked)  # the guard's list, or a new one
    return checked, final


def _staged_path(destination):
    """A hidden temporary name beside a file output, or None when the output is not a plain file."""
    if not destination or "|" in destination or destination.startswith(_NOT_FILES) \
            or "TEMPORARY_OUTPUT" in destination or not destination.lower().endswith(STAGED_SUFFIXES):
        return None
    folder, base = os.path.split(os.path.abspath(destination))
    return os.path.join(folder, f"{STAGE_PREFIX}{uuid.uuid4().hex[:12]}-{base}")


def _files_of(path):
    """A file and the files GDAL writes beside it that exist."""
    return [candidate for candidate in output_files(path) if os.path.isfile(candidate)]


def _release(outputs, error=None, algorithm=None):
    # The failed frames hold the algorithm's sinks: clearing them closes the files before they are removed.
    if error is not None and error.__traceback__ is not None:
        traceback.clear_frames(error.__traceback__)
    if algorithm is not None:
        for sink in algorithm.__dict__.pop("_centralites_sinks", []):
            sink.abandon()
    outputs.discard_new()


# --- Formats' limits: refused before anything is written ------------------------------------------------------

SHAPEFILE_NAME_BYTES = 10  # dBase field names: longer ones are cut by GDAL
SHAPEFILE_MAX_FIELDS = 255
GEOPACKAGE_MAX_COLUMNS = 2000  # SQLite's column limit, the feature id and the geometry included
_PUNCTUATION = frozenset(string.punctuation) - {"_"}


def check_output_fields(destination, names):
    """Refuse an output whose format would cut or drop fields (a shapefile, a GeoPackage's column limit)."""
    path = (destination or "").split("|")[0].lower()
    if path.endswith((".shp", ".dbf")):
        cut = [name for name in names if len(str(name).encode("utf-8")) > SHAPEFILE_NAME_BYTES]
        if cut:
            raise QgsProcessingException(tr(
                "{path}: a shapefile keeps field names of at most 10 characters, and {count} of this output's "
                "names are longer ({fields}): they would be cut (score_centralite → score_cent) and the next "
                "steps would not find them. Choose a GeoPackage (.gpkg) output.").format(
                path=destination, count=len(cut), fields=", ".join(cut[:10]) + (" …" if len(cut) > 10 else "")))
        if len(names) > SHAPEFILE_MAX_FIELDS:
            raise QgsProcessingException(tr(
                "{path}: a shapefile holds at most {limit} fields and this output has {count}. Choose a "
                "GeoPackage (.gpkg) output.").format(path=destination, limit=SHAPEFILE_MAX_FIELDS, count=len(names)))
    layer_name = os.path.splitext(os.path.basename(path))[0]
    if path.endswith(".gpkg") and "layername=" not in (destination or "") and layer_name[:1] in _PUNCTUATION:
        # The layer is named after the file, and GDAL refuses a GeoPackage layer name starting so.
        raise QgsProcessingException(tr(
            "{path}: the output layer is named after the file, and a GeoPackage layer name cannot start with "
            "“{character}”. Start the file name with a letter or a digit.").format(
            path=destination, character=layer_name[:1]))
    if path.endswith((".gpkg", ".sqlite")) and len(names) + 2 > GEOPACKAGE_MAX_COLUMNS:
        raise QgsProcessingException(tr(
            "{path}: this output would have {count} fields, and a GeoPackage table holds at most {limit} "
            "(SQLite's limit). Join fewer columns (parameter 'Columns to join') or write to another "
            "format (e.g. a temporary layer).").format(path=destination, count=len(names),
                                                       limit=GEOPACKAGE_MAX_COLUMNS - 2))


# --- Sinks whose every write is checked ---------------------------------------------------------------------------


def sink_failure(error_text, destination):
    kind = kind_of_error(error_text)
    if kind is not None:
        return explain(kind, destination, error_text)
    return tr("The output {path} could not be written: {error}").format(path=destination,
                                                                         error=error_text or tr("unknown error"))


class CheckedSink:
    """A feature sink whose every write is checked: the first failure stops the run with its reason.

    ``close`` flushes and releases the sink (the file is complete), ``verify`` reads the file back.
    """

    def __init__(self, sink, destination, identifier, fields, staged=None):
        self._sink = sink
        self.destination = destination
        self.identifier = identifier  # where QGIS writes: the staged file when there is one
        self.staged = staged
        self.names = list(fields.names())
        self.count = 0

    def addFeature(self, feature, *flags):  # noqa: N802 — QgsFeatureSink's name
        if self._sink is None or not self._sink.addFeature(feature, *flags):
            raise QgsProcessingException(sink_failure(self._last_error(), self.destination))
        self.count += 1
        return True

    def addFeatures(self, features, *flags):  # noqa: N802
        features = list(features)  # one call for the batch: the sink says whether all of it was written
        if self._sink is None or not self._sink.addFeatures(features, *flags):
            raise QgsProcessingException(sink_failure(self._last_error(), self.destination))
        self.count += len(features)
        return True

    def _last_error(self):
        return self._sink.lastError() if self._sink is not None and hasattr(self._sink, "lastError") else ""

    def flushBuffer(self):  # noqa: N802
        if self._sink is not None and not self._sink.flushBuffer():
            raise QgsProcessingException(sink_failure(self._last_error(), self.destination))
        return True

    def lastError(self):  # noqa: N802
        return self._last_error()

    def __getattr__(self, name):
        # Any other QgsFeatureSink method, on the sink itself (only additions are checked).
        sink = self.__dict__.get("_sink")
        if sink is None:
            raise AttributeError(name)
        return getattr(sink, name)

    def abandon(self):
        """Release the sink unflushed and remove its temporary file (a failed or cancelled run)."""
        self._sink = None
        if self.staged is not None:
            remove_output_file(self.staged)

    def commit(self):
        """Move the staged file (and a shapefile's sidecars) onto the destination."""
        if self.staged is None:
            return
        final = os.path.abspath(self.destination)
        staged_root, final_root = os.path.splitext(self.staged)[0], os.path.splitext(final)[0]
        moved = _files_of(self.staged)
        if final.lower().endswith(".shp"):  # sidecars of an older shapefile this run does not write
            written = {os.path.splitext(path)[1].lower() for path in moved}
            for old in _files_of(final):
                if os.path.splitext(old)[1].lower() in {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"} \
                        - written:
                    os.remove(old)
        for path in moved:
            target = final_root + path[len(staged_root):]
            try:
                os.replace(path, target)
            except OSError as error:
                if os.path.exists(target) and kind_of_error(error) in (READ_ONLY, LOCKED):
                    # The folder took the temporary file: it is the existing output that is held open.
                    raise QgsProcessingException(explain(LOCKED, target)) from None
                raise
        self.staged = None

    def close(self):
        """Flush and release the sink: the file is closed and complete, or the run fails."""
        if self._sink is None:
            return
        self.flushBuffer()
        self._sink = None

    def verify(self):
        """Read a file output back: it opens, with its fields and every feature written."""
        path = (self.identifier or "").split("|")[0]
        if not path or not os.path.isfile(path):
            return  # a memory or database layer: nothing on disk to read back
        from qgis.core import QgsVectorLayer

        single = not path.lower().endswith((".gpkg", ".sqlite"))  # a file of one layer, named after the file
        layer = QgsVectorLayer(path if single else self.identifier, "check", "ogr")
        try:
            valid = layer.isValid()
            count = layer.featureCount() if valid else -1
            missing = [name for name in self.names if layer.fields().lookupField(name) < 0] if valid else []
        finally:
            del layer
        if (valid and count == self.count and not missing) or (self.count == 0 and not missing):
            return  # an empty table (a report without rows) may not open as a layer in every format
        folder = os.path.dirname(path) or os.curdir
        if _free_bytes(folder) < 1024 * 1024:
            raise QgsProcessingException(explain(FULL, path))
        if not valid:
            raise QgsProcessingException(tr("{path} was written but cannot be opened again: it is not kept. "
                                            "Check the disk and the folder, then run again.").format(path=path))
        if missing:
            raise QgsProcessingException(tr("{path} was written without the fields {fields}: it is not kept.").format(
                path=path, fields=", ".join(missing)))
        raise QgsProcessingException(tr("{path} holds {count} features of the {expected} written: it is not "
                                        "kept.").format(path=path, count=count, expected=self.count))


def _free_bytes(folder):
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62
