"""The layers made for a layout kept in the commune layer's own PostGIS database.

When export_layout adds its layout to the user's project (QGIS desktop) and the commune layer is a PostGIS
table, the layers it makes (outlines, atlas veil, inset groups, territory, the grey context: in memory, or the
départements shipped in the plugin's folder) are copied as tables next to it, in its schema, so that a project
saved in the database (``postgresql://`` project storage) opens with them on any workstation or on QGIS
Server/Lizmap, where a GeoPackage next to the PDF on one's disk (what a file layer gets) would be missing.
A layer the database refuses (no right to create tables) goes to that GeoPackage instead, as before. The chart
picture of the leading communes is written into the project (``base64:``) for the same reason.
"""

import base64
import os

from qgis.core import QgsDataProvider, QgsDataSourceUri

from ..i18n import tr
from .postgis_tables import copy_to_table, free_table_names, qualified_name
from .qpt_layouts import LAYOUTS_DIR, keep_memory_layers

RESOURCES_DIR = os.path.dirname(LAYOUTS_DIR)


def layout_tables_for(layer, pdf, fallback_file):
    """A LayoutTables in the database of ``layer`` when it is a PostGIS table, else None."""
    if layer is None or layer.providerType() != "postgres":
        return None
    uri = QgsDataSourceUri(layer.source())
    if not uri.table():
        return None
    return LayoutTables(uri, os.path.splitext(os.path.basename(pdf))[0] + "_layout", fallback_file)


def made_for_layout(layer):
    """A layer made for the layout: in memory, or a file shipped in the plugin's folder (the départements)."""
    if layer.providerType() == "memory":
        return True
    path = os.path.abspath(layer.source().split("|")[0])
    return layer.providerType() == "ogr" and path.startswith(RESOURCES_DIR + os.sep)


class LayoutTables:
    """Where ``add_layout_to_project`` keeps the layers made for a layout: tables ``<pdf name>_layout_1``…
    (``…_layout_2_1``… when those exist) of the database and schema of ``uri``."""

    def __init__(self, uri, base, fallback_file):
        self.uri = uri
        self.base = base
        self.fallback_file = fallback_file
        self.tables = []  # "schema"."table" written
        self.in_file = []  # names of the layers the database refused, kept in fallback_file

    def keep(self, layers, transform_context):
        made = [layer for layer in layers if made_for_layout(layer)]
        if not made:
            return
        refused = []
        try:
            names = free_table_names(self.uri, self.base, len(made))
        except Exception:  # noqa: BLE001 — the database unreachable now: the GeoPackage, as for a file layer
            names = [None] * len(made)
        for layer, name in zip(made, names):
            target = copy_to_table(layer, self.uri, name) if name else None
            if target is None:
                refused.append(layer)
                continue
            layer.setDataSource(target.uri(False), layer.name(), "postgres", QgsDataProvider.ProviderOptions(), False)
            self.tables.append(qualified_name(target.schema(), target.table()))
        refused = [layer for layer in refused if layer.providerType() == "memory"]  # a file stays where it is
        if refused:
            keep_memory_layers(refused, self.fallback_file, transform_context)
            self.in_file = [layer.name() for layer in refused]

    @staticmethod
    def embedded(charts):
        """The chart picture(s) as ``base64:`` data written in the project, not paths next to the PDF that
        another workstation or the server cannot reach (a file name, or a dict group → file name)."""
        if isinstance(charts, dict):
            return {group: _base64(path) for group, path in charts.items()}
        return _base64(charts)

    def description(self):
        """Where the layers went, for the log."""
        text = tr("the commune layer's database (tables {tables})").format(tables=", ".join(self.tables)) \
            if self.tables else ""
        if self.in_file:
            text += ("; " if text else "") + tr("{path} for {layers}, which the database did not take (no right "
                                                 "to create tables?)").format(path=self.fallback_file,
                                                                             layers=", ".join(self.in_file))
        return text


def _base64(path):
    with open(path, "rb") as handle:
        return "base64:" + base64.b64encode(handle.read()).decode("ascii")
