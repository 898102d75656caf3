"""Test setup: the checkout imported as the `centralites` package, whatever its folder name.

pytest-qgis starts QGIS (offscreen) before the tests are collected; the
fixtures here add processing and the Centralités provider. Nothing is
imported from QGIS at module level: the core's tests (tests/core) run
without QGIS through this file too. Data paths: testdata.py.
"""

import os
import shutil
import sys
import tempfile

import pytest

from testdata import ROOT  # noqa: E402  (tests/ is on sys.path: pytest puts it there for this file)

# The checkout itself must not be on sys.path (`python -m pytest` puts the current
# folder there): its `processing` package would hide QGIS's own.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != ROOT]
_IMPORT_DIR = tempfile.mkdtemp(prefix="centralites-tests-")
os.symlink(ROOT, os.path.join(_IMPORT_DIR, "centralites"))
sys.path.insert(0, _IMPORT_DIR)
if "/usr/share/qgis/python/plugins" not in sys.path:
    sys.path.append("/usr/share/qgis/python/plugins")
# Bind the name `processing` to QGIS's package now: pytest may later put the
# checkout back on sys.path (it depends on the folder's name), and the
# plugin's own `processing` folder would then shadow QGIS's. Without QGIS
# (the core's tests alone, tests/core) there is nothing to bind.
try:
    import processing  # noqa: E402,F401
except ImportError:
    processing = None


_POSTGIS = {}  # the session's cluster, or the reason it could not start


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_IMPORT_DIR, ignore_errors=True)
    cluster = _POSTGIS.get("cluster")
    if cluster is not None:
        cluster.stop()


@pytest.fixture(scope="session")
def postgis_cluster():
    """A throwaway PostgreSQL + PostGIS cluster with the sample territory and tables (tests/postgis.py),
    started once for the session and removed at its end (and at exit, tests failing or not); the test is
    skipped with the reason when PostgreSQL or PostGIS is not installed or the cluster cannot start."""
    import postgis

    if "cluster" not in _POSTGIS and "reason" not in _POSTGIS:
        try:
            _POSTGIS["cluster"] = postgis.start()
        except postgis.ClusterUnavailable as error:
            _POSTGIS["reason"] = str(error)
    if "reason" in _POSTGIS:
        pytest.skip(_POSTGIS["reason"])
    cluster = _POSTGIS["cluster"]
    yield cluster
    cluster.stop()


_PROVIDERS = []  # Python references: a collected provider loses its overridden methods


@pytest.fixture()
def provider(qgis_app, qgis_processing):
    """The Centralités provider, registered when it is not (the plugin tests remove it)."""
    from qgis.core import QgsApplication

    from centralites.processing.provider import CentralitesProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("centralites")
    if existing is not None:
        return existing
    instance = CentralitesProvider()
    _PROVIDERS.append(instance)
    registry.addProvider(instance)
    return instance


@pytest.fixture()
def run_algorithm(provider):
    """processing.run with a feedback that keeps the log, returns (results, log lines)."""
    from logs import LogFeedback

    def run(algorithm_id, parameters):
        feedback = LogFeedback()
        results = processing.run(algorithm_id, parameters, feedback=feedback)
        return results, feedback.lines

    return run
