"""The built-in profiles: each valid, each reading the columns its sources provide."""

import glob
import os

import pytest

from centralites.core.profile import ProfileError, check_columns, fit_profile, load_profile, profile_columns, profiles_dir
from centralites.core.vocabulary import FUNCTIONS

from test_core_scoring import BPE_COLUMNS, COMPARATEUR_COLUMNS

GAMME_COLUMNS = ["NB_EQUIP_PROXIMITE", "NB_EQUIP_INTERMEDIAIRE", "NB_EQUIP_SUPERIEURE", "NB_EQUIP_HORS_GAMME",
                 "NB_TYPEQU"]


def builtin(name):
    return load_profile(os.path.join(profiles_dir(), name))


def test_every_shipped_profile_is_valid_and_named():
    paths = sorted(glob.glob(os.path.join(profiles_dir(), "*.json")))
    names = {os.path.basename(p) for p in paths}
    assert {"aula_360.json", "aula_360_gammes.json", "equipements_inrae_anct.json", "equipements_diversite.json",
            "modele_vierge.json"} <= names
    seen = set()
    for path in paths:
        profile = load_profile(path)
        assert profile["name"] and profile["name"] not in seen
        seen.add(profile["name"])
        assert list(profile["functions"]) == list(FUNCTIONS)


def test_aula_profile_follows_the_issue_list():
    profile = builtin("aula_360.json")
    formulas = {f: [i["formula"] for i in spec["indicators"]] for f, spec in profile["functions"].items()}
    # Edition-free: the columns are named by their role, the years read from the layer.
    assert formulas["habiter"][0] == "P{census}_POP"
    assert {"share": ["P{census}_LOGVAC", "P{census}_LOG"]} in formulas["habiter"]
    assert {"growth": ["P{previous}_POP", "P{census}_POP"], "years": ["{previous}", "{census}"], "min_base": 200} \
        in formulas["habiter"]
    assert {"ratio": ["P{census}_EMPLT", {"difference": ["P{census}_ACT1564", "P{census}_CHOM1564"]}],
            "scale": 100} in formulas["travailler"]
    assert "NB_EQUIP_B" in formulas["consommer"] and "ETGU{establishments}" in formulas["consommer"]
    # On the 2021 edition's columns, the same indicators as the issue's list.
    resolved, recognition = fit_profile(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS)
    assert recognition.years["census"] == 2018 and recognition.years["previous"] == 2013
    formulas = {f: [i["formula"] for i in spec["indicators"]] for f, spec in resolved["functions"].items()}
    assert formulas["habiter"][0] == "P18_POP"
    assert {"growth": ["P13_POP", "P18_POP"], "years": [2013, 2018], "min_base": 200} in formulas["habiter"]
    assert {"growth": ["P13_EMPLT", "P18_EMPLT"], "years": [2013, 2018], "min_base": 50} in formulas["travailler"]
    assert "ETGU18" in formulas["consommer"]
    assert resolved["functions"]["habiter"]["indicators"][0]["label"] == "Population 2018"
    # It reads the BPE domain file (bpe2019_domaines): no gamme column needed.
    check_columns(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS)


def test_aula_gamme_profile_services_as_in_the_issue():
    profile = builtin("aula_360_gammes.json")
    services = [i["formula"] for i in profile["functions"]["services"]["indicators"]]
    assert services == [{"difference": ["NB_EQUIP_TOTAL", "NB_EQUIP_B"]}, "NB_TYPEQU", "NB_EQUIP_INTERMEDIAIRE",
                        "NB_EQUIP_SUPERIEURE"]
    check_columns(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS + GAMME_COLUMNS)
    with pytest.raises(Exception, match="NB_TYPEQU"):
        check_columns(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS)


def test_equipment_profile_reads_only_the_bpe():
    profile = builtin("equipements_inrae_anct.json")
    assert set(profile_columns(profile)) <= set(BPE_COLUMNS)
    assert profile["levels"]["method"] == "quantiles"
    assert profile["missing"] == "zero"


def test_template_names_placeholders_only():
    profile = builtin("modele_vierge.json")
    assert all(column.startswith("COLUMN_") or "{" in column for column in profile_columns(profile))
    with pytest.raises(Exception, match="COLUMN_A.*Join the tables"):
        check_columns(profile, COMPARATEUR_COLUMNS)


def test_every_shipped_profile_is_edition_free():
    """No shipped profile names one edition's column: a census, income or establishment year in a
    column name would stop the default pipeline on the other editions."""
    import json
    import re

    year_bound = re.compile(r"^(P|C)\d\d_|^(MED|PIMP|TP60|NBMENFISC|ET[A-Z]{2,5}|NAISD|DECESD|NAIS|DECE)\d{2,4}$")
    for path in sorted(glob.glob(os.path.join(profiles_dir(), "*.json"))):
        profile = load_profile(path)
        bound = [c for c in profile_columns(profile) if year_bound.match(c)]
        assert not bound, f"{os.path.basename(path)} names edition-bound columns {bound}"
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
        growths = [i["formula"] for f in raw["functions"].values() for i in f["indicators"]
                   if isinstance(i["formula"], dict) and "growth" in i["formula"]]
        assert all(not isinstance(y, int) for g in growths for y in g.get("years", [])), path


def test_columns_lower_cased_by_ogr2ogr_are_matched_and_said():
    """ogr2ogr lower-cases a database table's columns by default: p18_pop is read for P{census}_POP."""
    upper, _ = fit_profile(load_profile(), COMPARATEUR_COLUMNS + BPE_COLUMNS)
    lower_columns = [column.lower() for column in COMPARATEUR_COLUMNS + BPE_COLUMNS]
    lower, recognition = fit_profile(load_profile(), lower_columns)
    assert recognition.years["census"] == 2018 and recognition.years["previous"] == 2013
    assert profile_columns(lower) == [column.lower() for column in profile_columns(upper)]
    assert set(profile_columns(lower)) <= set(lower_columns) | {"superf"}
    note = next(note for note in recognition.notes if note.startswith("Columns matched whatever their case"))
    assert "P18_POP → p18_pop" in note
    # The same column in two cases is no match: the profile says it is missing.
    with pytest.raises(ProfileError, match="P18_POP"):
        fit_profile(load_profile(), [c for c in lower_columns if c != "p18_pop"] + ["p18_Pop", "P18_pop"])


def test_fields_found_whatever_their_case():
    from centralites.core.vocabulary import find_field, group_field, name_field

    assert find_field(["fid", "insee_com"], "INSEE_COM") == "insee_com"
    assert find_field(["INSEE_COM", "insee_com"], "INSEE_COM") == "INSEE_COM"  # the exact name first
    assert find_field(["Insee_Com", "insee_com"], "INSEE_COM") is None  # two of other cases: none chosen
    assert find_field(["nom"], "INSEE_COM") is None
    assert group_field(["insee_com", "siren_epci", "nom_epci"]) == "nom_epci"
    assert name_field(["insee_com", "nom_com"]) == "nom_com"
