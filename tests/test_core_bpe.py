"""BPE long layout summed per commune and domain, checked against INSEE's own per-domain file."""

import pandas as pd
import pytest

from centralites.core.bpe import domain_counts
from centralites.core.tables import TableError, read_table
from conftest import SAMPLE, real_insee


def test_domain_counts_sum_types_into_domains_and_total():
    frame = pd.DataFrame({
        "DEPCOM": ["62001", "62001", "62001", "1001"],
        "TYPEQU": ["A101", "B201", "B202", "D201"],
        "NB_EQUIP": ["2", "1", "3", "1"],
    })
    counts = domain_counts(frame).set_index("DEPCOM")
    assert counts.loc["62001", "NB_EQUIP_A"] == 2
    assert counts.loc["62001", "NB_EQUIP_B"] == 4
    assert counts.loc["62001", "NB_EQUIP_TOTAL"] == 6
    assert counts.loc["01001", "NB_EQUIP_D"] == 1  # code zero-padded
    assert counts.loc["01001", "NB_EQUIP_G"] == 0


def test_iris_codes_are_cut_to_their_commune():
    frame = pd.DataFrame({"DCIRIS": ["621190101", "621190102"], "TYPEQU": ["B101", "B101"], "NB_EQUIP": ["1", "1"]})
    counts = domain_counts(frame)
    assert counts["DEPCOM"].tolist() == ["62119"] and counts["NB_EQUIP_B"].tolist() == [2]


def test_a_file_without_typequ_is_refused_with_the_reason():
    with pytest.raises(TableError, match="TYPEQU"):
        domain_counts(pd.DataFrame({"DEPCOM": ["62001"], "NB": ["1"]}), source="x.csv")


def test_illustrative_long_file_matches_the_illustrative_domain_file():
    long = read_table(f"{SAMPLE}/illustratif_bpe_communes.csv")
    domains = read_table(f"{SAMPLE}/illustratif_bpe_domaines.csv").set_index("DEPCOM").astype(int)
    computed = domain_counts(long).set_index("DEPCOM")
    pd.testing.assert_frame_equal(computed.sort_index(), domains.sort_index(), check_names=False)


def test_real_bpe_2019_long_file_gives_insee_domain_counts():
    long = read_table(real_insee("bpe2019_communes_dep62.csv"))
    domains = read_table(real_insee("bpe2019_domaines_dep62.csv")).set_index("DEPCOM").astype(int)
    computed = domain_counts(long).set_index("DEPCOM")
    assert len(computed) == len(domains) == 858
    pd.testing.assert_frame_equal(computed.sort_index(), domains.sort_index(), check_names=False)
