"""Centralités QGIS plugin entry point.

Nothing here may touch ``iface`` or import heavy libraries: QGIS calls
``classFactory`` in qgis_process too, where iface is None.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import CentralitesPlugin

    return CentralitesPlugin(iface)
