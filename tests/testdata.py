"""Where the tests' data are: the sample territory in the checkout, the real INSEE files in ../shared.

Plain Python (no QGIS): the core's tests and the QGIS tests both read it.
"""

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_INSEE = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "insee"))
SHARED_REFERENCE = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "reference"))
SAMPLE = os.path.join(ROOT, "resources", "sample")
SAMPLE_TERRITORY = os.path.join(SAMPLE, "territoire_aula.gpkg")
SAMPLE_COMMUNES = SAMPLE_TERRITORY + "|layername=communes"
SAMPLE_TABLES = [
    os.path.join(SAMPLE, "illustratif_base_cc_comparateur.csv"),
    os.path.join(SAMPLE, "illustratif_bpe_domaines.csv"),
]


def real_insee(name):
    """Path of a real INSEE file of ../shared, or skip the test with the reason."""
    path = os.path.join(SHARED_INSEE, name)
    if not os.path.exists(path):
        pytest.skip(f"real INSEE data not available here ({path} is absent)")
    return path
