"""Communes merged between the two dates of a trajectory: said, never silently lost (core, no QGIS)."""

import pandas as pd

from centralites.core.mergers import Passage
from centralites.core.trajectory import bpe_at_two_dates, vanished_codes

LAYER = {"62001", "62002", "62003"}


def test_a_code_gone_between_the_dates_and_absent_from_the_layer_is_listed():
    assert vanished_codes(["62001", "62002", "62900"], ["62001", "62002"], LAYER) == ["62900"]


def test_codes_of_other_departements_and_of_the_later_date_are_not():
    # 59350 is in another département (the territory says nothing about it); 62901 exists at both dates.
    assert vanished_codes(["59350", "62901", "62001"], ["62901", "62001"], LAYER) == []


def test_a_code_the_passage_knows_is_not_listed_wherever_it_went():
    passage = Passage(pd.DataFrame({"CODE_ANCIEN": ["62900", "62901"], "CODE_ACTUEL": ["62001", "62555"]}), "passage")
    assert vanished_codes(["62900", "62901", "62902"], [], LAYER, passage) == ["62902"]


def test_overseas_departements_are_three_characters():
    assert vanished_codes(["97105", "97205"], [], {"97101"}) == ["97105"]


def test_bpe_at_two_dates_sums_a_commune_merged_between_the_dates_through_the_passage():
    before = pd.DataFrame({"DEPCOM": ["62001", "62900", "62002"], "TYPEQU": ["A101", "A101", "B101"],
                           "NB_EQUIP": ["1", "2", "1"]})
    after = pd.DataFrame({"DEPCOM": ["62001", "62002"], "TYPEQU": ["A101", "B101"], "NB_EQUIP": ["3", "1"]})
    layer = ["62001", "62002", "62003"]
    lost = bpe_at_two_dates(before, after, layer, bpe_years=(2013, 2019))
    assert lost.vanished == ["62900"]
    assert lost.before["NB_EQUIP_TOTAL"].tolist()[0] == 1
    passage = Passage(pd.DataFrame({"CODE_ANCIEN": ["62900"], "CODE_ACTUEL": ["62001"]}), "passage")
    summed = bpe_at_two_dates(before, after, layer, passage=passage, bpe_years=(2013, 2019))
    assert summed.vanished == []
    assert summed.before["NB_EQUIP_TOTAL"].tolist()[0] == 3
    assert "62900" in summed.merged["62001"]
