"""Where the tests' data are: the sample territory in the checkout, the real INSEE files in ../shared.

Plain Python (no QGIS): the core's tests and the QGIS tests both read it.
"""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_INSEE = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "insee"))
SHARED_REFERENCE = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "reference"))
SAMPLE = os.path.join(ROOT, "resources", "sample")
SAMPLE_TERRITORY = os.path.join(SAMPLE, "territoire_aula.gpkg")
SAMPLE_COMMUNES = SAMPLE_TERRITORY + "|layername=communes"
sys.path.append(os.path.join(ROOT, "scripts"))  # data_france_passage, shared with the README's maps
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


def data_france_communes():
    """code, type, parent code of every commune of data-france 1.1.0 (INSEE's COG: communes, communes
    déléguées and associées with their commune today); skips the test when the package is absent."""
    from data_france_passage import communes, communes_path

    if communes_path() is None:
        pytest.skip("the Python package data-france is not installed")
    return communes()


def data_france_passage(frame=None):
    """A real table de passage (CODE_ANCIEN, CODE_ACTUEL): the communes déléguées and associées of
    data-france and the commune they belong to today."""
    from data_france_passage import passage

    return passage(data_france_communes() if frame is None else frame)
