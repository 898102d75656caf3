"""Spreadsheets (XLSX, XLS, ODS) read through OGR as rows of text, for core.tables.table_from_rows.

pandas' own readers need openpyxl/odfpy, absent from QGIS's Python; GDAL's
drivers ship with every QGIS.
"""

import os

from qgis.core import QgsProcessingException

from ..compat import ogr_open
from ..i18n import tr

# XLS: Excel 97-2003, still how many older INSEE files come (GDAL reads it through FreeXL).
SPREADSHEET_DRIVERS = {".xlsx": "XLSX", ".xls": "XLS", ".ods": "ODS"}


def spreadsheet_rows(path, sheet=None):
    """(sheet name, rows of text cells, row numbers) of a sheet of an XLSX, XLS or ODS file, through OGR.

    OGR is told not to guess the header nor the types, so title lines stay
    rows and codes stay text; ``sheet`` is a name or a 1-based number, or
    None for the first sheet naming a commune-code column. Raises
    QgsProcessingException for an unreadable file or an unknown sheet.
    """
    from osgeo import gdal

    from ..core.codes import find_key_column

    prefix = "OGR_" + SPREADSHEET_DRIVERS[os.path.splitext(path)[1].lower()]
    options = {f"{prefix}_HEADERS": "DISABLE", f"{prefix}_FIELD_TYPES": "STRING"}
    before = {name: gdal.GetThreadLocalConfigOption(name, None) for name in options}
    try:
        for name, value in options.items():
            gdal.SetThreadLocalConfigOption(name, value)
        dataset = ogr_open(path)
        if dataset is None:
            raise QgsProcessingException(
                tr("{path}: not a spreadsheet OGR can read (damaged or truncated file?).").format(path=path))
        sheets = {}
        for index in range(dataset.GetLayerCount()):
            layer = dataset.GetLayer(index)
            rows, numbers = [], []
            for feature in layer:
                rows.append([feature.GetField(i) for i in range(feature.GetFieldCount())])
                numbers.append(int(feature.GetFID()))
            sheets[layer.GetName()] = (rows, numbers)
    finally:
        for name, value in before.items():
            gdal.SetThreadLocalConfigOption(name, value)
    names = list(sheets)
    if not names:
        raise QgsProcessingException(tr("{path}: the file holds no sheet.").format(path=path))
    if sheet:
        chosen = _sheet_named(names, str(sheet).strip())
        if chosen is None:
            raise QgsProcessingException(tr("{path}: no sheet '{sheet}'. Sheets found: {sheets}.").format(
                path=path, sheet=sheet, sheets=", ".join(names)))
    else:
        chosen = next((name for name in names
                       if any(find_key_column([str(c) for c in row if c]) for row in sheets[name][0][:50])),
                      names[0])
    return chosen, sheets[chosen][0], sheets[chosen][1]


def _sheet_named(names, wanted):
    by_upper = {name.upper(): name for name in names}
    if wanted.upper() in by_upper:
        return by_upper[wanted.upper()]
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    return None
