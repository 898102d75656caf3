"""The core's tests: pandas, numpy, pytest and hypothesis only — no QGIS, no Qt.

They run with the whole suite, and alone in a plain virtual environment
(`make test-core`: no QGIS, the oldest Python, numpy and pandas the plugin
supports), so a contributor without QGIS can run them. A test here that asks
for a QGIS fixture is refused at collection.
"""

import pytest

QGIS_FIXTURES = {"qgis_app", "qgis_iface", "qgis_canvas", "qgis_processing", "qgis_new_project", "qgis_bot",
                 "provider", "run_algorithm"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        # The test's own arguments: pytest-qgis adds its session fixtures to every test as autouse.
        info = getattr(item, "_fixtureinfo", None)
        used = QGIS_FIXTURES.intersection(info.argnames if info is not None else ())
        if used and "tests/core/" in str(item.fspath).replace("\\", "/"):
            raise pytest.UsageError(f"{item.nodeid} uses QGIS ({', '.join(sorted(used))}): the core's tests "
                                    "(tests/core) run without QGIS; move it to tests/.")
