"""Plugin load and unload through classFactory, initGui and unload, with pytest-qgis's stub iface."""

import pytest
from qgis.core import QgsApplication, QgsProject

EXPECTED_ALGORITHMS = {
    "centralites:join_tables",
    "centralites:centrality_score",
    "centralites:apply_style",
    "centralites:export_layout",
    "centralites:diagnostic_centralites",
}


@pytest.fixture()
def registry(qgis_app, qgis_processing):
    """The processing registry without any Centralités provider left by other tests."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("centralites")
    if existing is not None:
        registry.removeProvider(existing)
    return registry


def centralites_providers(registry):
    return [p for p in registry.providers() if p.id() == "centralites"]


def test_init_gui_adds_provider_menu_and_toolbar_then_unload_removes_them(registry, qgis_iface):
    import centralites

    plugin = centralites.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert len(centralites_providers(registry)) == 1
        ids = {a.id() for a in registry.providerById("centralites").algorithms()}
        assert EXPECTED_ALGORITHMS <= ids
        assert len(plugin.actions) == 7
        assert all(action.text() for action in plugin.actions)
        toolbar = plugin.toolbar.actions()
        assert len(toolbar) == 3
        # Each button its own picture: the diagnosis, the panel, the sample territory.
        pictures = {action.icon().pixmap(32, 32).toImage().bits().asstring(32 * 32 * 4) for action in toolbar}
        assert len(pictures) == 3 and all(not action.icon().isNull() for action in toolbar)
        model = registry.providerById("centralites").algorithm("diagnostic_centralites")
        assert model.id() == "centralites:diagnostic_centralites"
        assert model.displayName() == "Centrality diagnosis (join, score, style, map)"
    finally:
        plugin.unload()
    assert centralites_providers(registry) == []
    assert plugin.actions == []


def test_provider_is_added_once_even_when_init_processing_runs_again(registry, qgis_iface):
    import centralites

    plugin = centralites.classFactory(qgis_iface)
    plugin.initProcessing()  # what QGIS calls first (qgis_process does only this)
    plugin.initGui()  # calls initProcessing again
    plugin.initProcessing()
    try:
        assert len(centralites_providers(registry)) == 1
    finally:
        plugin.unload()


def test_processing_only_load_never_touches_iface(registry):
    import centralites

    plugin = centralites.classFactory(None)  # iface is None under qgis_process
    plugin.initProcessing()
    try:
        assert len(centralites_providers(registry)) == 1
    finally:
        plugin.unload()
    assert centralites_providers(registry) == []


def test_load_sample_territory_action_adds_the_layer(registry, qgis_iface):
    import centralites

    plugin = centralites.classFactory(qgis_iface)
    plugin.initGui()
    try:
        before = len(QgsProject.instance().mapLayers())
        plugin.actions[-1].trigger()
        layers = list(QgsProject.instance().mapLayers().values())
        assert len(layers) == before + 1
        added = [layer for layer in layers if layer.featureCount() == 319]
        assert added and "INSEE_COM" in added[0].fields().names()
    finally:
        plugin.unload()
        QgsProject.instance().removeAllMapLayers()


def test_without_pandas_the_plugin_says_what_to_install(registry, qgis_iface, monkeypatch):
    # A minimal OSGeo4W install may lack pandas: a message saying what to install, no traceback, no provider.
    import centralites
    from centralites import plugin as plugin_module
    from qgis.core import QgsApplication

    monkeypatch.setattr(plugin_module, "missing_libraries", lambda: ["pandas"])
    messages = []

    def keep(message, tag, level):
        if tag == "Centralités":
            messages.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    plugin = centralites.classFactory(qgis_iface)
    try:
        plugin.initGui()
        assert centralites_providers(registry) == []
        assert plugin.actions == []
    finally:
        plugin.unload()
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    assert messages and "python3-pandas" in messages[0] and "pip install pandas" in messages[0]
