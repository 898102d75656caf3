"""BPE (Base permanente des équipements) in INSEE's long layout -> counts per commune.

One row per commune (or IRIS: DCIRIS is cut to its commune) and equipment
type (TYPEQU) with NB_EQUIP becomes one row per commune with the total and
the count per domain (the first letter of TYPEQU: A services, B shops,
C education, D health and social, E transport, F sport and culture, G tourism).
"""

import pandas as pd

from .codes import find_key_column, normalise_code
from .tables import TableError, parse_number

DOMAINS = tuple("ABCDEFG")
COMMUNE_COLUMNS = ("DEPCOM", "CODGEO", "COM")


def domain_counts(frame, source="BPE"):
    """DataFrame DEPCOM, NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (text codes, integer counts)."""
    upper = {str(c).upper(): c for c in frame.columns}
    code_column = find_key_column(frame.columns, None)
    iris_column = upper.get("DCIRIS")
    if code_column is None and iris_column is None:
        raise TableError(f"{source}: no DEPCOM or DCIRIS column. Columns found: {', '.join(frame.columns)}.")
    for needed in ("TYPEQU",):
        if needed not in upper:
            raise TableError(f"{source}: no {needed} column: is it a BPE file in INSEE's long layout?")
    codes = frame[code_column] if code_column else frame[iris_column].astype(str).str[:5]
    counts = (
        frame[upper["NB_EQUIP"]].map(parse_number) if "NB_EQUIP" in upper else pd.Series(1.0, index=frame.index)
    )
    table = pd.DataFrame({
        "DEPCOM": codes.map(normalise_code),
        "domain": frame[upper["TYPEQU"]].astype(str).str.strip().str[:1].str.upper(),
        "count": counts.fillna(0.0),
    })
    wide = table.pivot_table(index="DEPCOM", columns="domain", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(DOMAINS), fill_value=0).astype("int64")
    wide.columns = [f"NB_EQUIP_{d}" for d in DOMAINS]
    wide.insert(0, "NB_EQUIP_TOTAL", wide.sum(axis=1))
    return wide.reset_index()
