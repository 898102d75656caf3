"""Totals and weighted means per territory (core/summary.py), by hand."""

import numpy as np
import pandas as pd
import pytest

from centralites.core.summary import level_count_field, summarise


def test_summarise_by_hand():
    frame = pd.DataFrame({
        "epci": ["a", "a", "b", None],
        "nom": ["A", "A", "B", None],
        "pop": [100.0, 300.0, 50.0, 10.0],
        "jobs": [10.0, np.nan, 5.0, 1.0],
        "score": [100.0, 0.0, 40.0, np.nan],
        "code": [1, 5, 3, None],
    })
    table = summarise(frame, "epci", label="nom", sums=["pop", "jobs"], weight="pop", means=["score"],
                      level_code="code")
    assert table["territoire"].tolist() == ["", "a", "b", "TOTAL"]
    assert table["nom"].tolist() == ["", "A", "B", "Total"]
    assert table["nb_communes"].tolist() == [1, 2, 1, 4]
    assert table["pop"].tolist() == [10, 400, 50, 460]
    assert table["jobs"].tolist() == [1, 10, 5, 16]
    # (100 × 100 + 0 × 300) / 400 = 25; the TOTAL row leaves out the commune without a score.
    assert table["moy_score"].tolist()[1:] == pytest.approx([25, 40, (10000 + 2000) / 450])
    assert np.isnan(table["moy_score"].iloc[0])
    assert table[level_count_field("majeure")].tolist() == [0, 1, 0, 1]
    assert table[level_count_field("hors centralité")].tolist() == [0, 1, 0, 1]
    assert level_count_field("intermédiaire") == "nb_intermediaire"
    without_total = summarise(frame, "epci", sums=["pop"], total=False)
    assert without_total["territoire"].tolist() == ["", "a", "b"]
