"""The shipped profiles' indicator labels go through tr(); a user's own profile keeps its labels."""

import shutil

from centralites.core import messages
from centralites.core.profile import default_profile_path, fit_profile, load_profile
from testdata import SAMPLE_TABLES


def _labels(profile):
    return [i["label"] for spec in profile["functions"].values() for i in spec["indicators"]]


def test_shipped_labels_are_translated_and_filled_with_the_years(tmp_path):
    french = {"Vacant dwellings {census} (%)": "Logements vacants {census} (%)"}
    previous = messages.set_translator(lambda text: french.get(text, text))
    try:
        shipped = load_profile()
        copied = tmp_path / "mine.json"
        shutil.copy(default_profile_path(), copied)
        own = load_profile(str(copied))
    finally:
        messages.set_translator(previous)
    assert "Logements vacants {census} (%)" in _labels(shipped)
    assert "Vacant dwellings {census} (%)" in _labels(own)  # the user's file, as written
    columns = []
    for table in SAMPLE_TABLES:  # the columns of a joined layer
        with open(table, encoding="utf-8") as handle:
            columns += handle.readline().strip().replace(",", ";").split(";")
    previous = messages.set_translator(lambda text: french.get(text, text))
    try:
        resolved, _ = fit_profile(load_profile(), columns)
    finally:
        messages.set_translator(previous)
    assert "Logements vacants 2018 (%)" in _labels(resolved)


def test_without_a_translator_the_labels_are_the_files():
    assert "Vacant dwellings {census} (%)" in _labels(load_profile())
