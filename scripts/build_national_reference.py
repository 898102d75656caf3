"""Write resources/reference/reference_nationale.json: each shipped indicator's distribution over France.

    /usr/bin/python3 scripts/build_national_reference.py [--data ../shared/data/insee/france]

Reads INSEE's France-wide files (the comparateur, the BPE counted per domain,
and the long BPE counted per gamme by the plugin's own core), joins them onto
the communes of France (Paris, Lyon and Marseille whole, as a commune layer
has them), and for every indicator of the shipped profiles stores the
quantiles of the values the score normalises (imputed and transformed), keyed
by the indicator's formula as the profile writes it. Then, for each profile
normalised "national", it sets the fixed level limits to the national
composite's quantiles at the profile's shares of communes (the INRAE/ANCT 2021
shares: 0.4 %, 2.5 %, 11 %, 31 % from the top) and writes them into the profile.
The core only (pandas, numpy): no QGIS needed.
"""

import argparse
import atexit
import datetime
import glob
import json
import os
import shutil
import sys
import tempfile

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee", "france"))


def france_frame(data):
    from centralites.core.bpe import aggregate
    from centralites.core.join import join_tables
    from centralites.core.plm import ARRONDISSEMENT_CITY
    from centralites.core.tables import read_table

    comparateur = read_table(os.path.join(data, "base_cc_comparateur_2021.csv"))
    domains = read_table(os.path.join(data, "bpe2019_domaines.csv"))
    gammes = aggregate(read_table(os.path.join(data, "bpe2019_communes.csv")), source="BPE 2019",
                       sum_arrondissements=True).table
    gammes = gammes[["DEPCOM"] + [c for c in gammes.columns if c not in domains.columns]]
    codes = [code for code in comparateur["CODGEO"] if code not in ARRONDISSEMENT_CITY]
    frame = join_tables(codes, [("comparateur", comparateur), ("bpe", domains), ("gammes", gammes)]).values
    frame.index = codes
    return frame


def build(data, output, profiles):
    from centralites.core.profile import fit_profile, load_profile
    from centralites.core.reference import QUANTILES, distribution, indicator_key
    from centralites.core.scoring import prepare

    frame = france_frame(data)
    indicators = {}
    for path in profiles:
        profile, _ = fit_profile(load_profile(path), frame.columns)
        prepared = prepare(frame, profile)
        scored = ~prepared.no_data
        for k, entry in enumerate(prepared.indicators):
            found = distribution(prepared.values[scored, k])
            if found:
                indicators[indicator_key(entry)] = dict(found, indicateur=prepared.keys[k], profil=profile["name"])
    reference = {
        "description": f"France, {len(frame):,} communes (Paris, Lyon and Marseille whole), INSEE comparateur "
                       "2021 (RP 2018 and 2013) and BPE 2019",
        "source": "INSEE, base du comparateur de territoires 2021 (insee.fr/fr/statistiques/2521169) and Base "
                  "permanente des équipements 2019, Licence Ouverte 2.0; written by "
                  "scripts/build_national_reference.py",
        "written": datetime.date.today().isoformat(),
        "edition": 2021,
        "quantiles": list(QUANTILES),
        "indicators": dict(sorted(indicators.items())),
    }
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(reference, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"{output}: {len(indicators)} indicators over {len(frame):,} communes")
    return frame


def calibrate(frame, path, reference):
    """The profile's fixed limits: the national composite's quantiles at its shares of communes."""
    from centralites.core import reference as national
    from centralites.core.profile import load_profile
    from centralites.core.scoring import compute_scores

    national._LOADED.pop(reference, None)
    profile = load_profile(path)
    if profile["normalisation"] != "national":
        return
    result = compute_scores(frame, profile, levels="quantiles")
    limits = [round(float(t), 1) for t in result.thresholds]
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    data["levels"]["method"] = "thresholds"
    data["levels"]["thresholds"] = limits
    data["levels"]["comment"] = (
        "score_centralite on the national scale (goalposts: the 1st and 99th percentiles of France for each "
        "indicator, resources/reference/reference_nationale.json) >= {0} majeure, >= {1} structurante, >= {2} "
        "intermédiaire, >= {3} locale, otherwise hors centralité: the composite's quantiles over France at the "
        "INRAE/ANCT 2021 shares of communes (0.4 %, 2.5 %, 11 %, 31 % from the top), set by "
        "scripts/build_national_reference.py.".format(*limits))
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    print(f"{os.path.basename(path)}: level limits {limits}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder of INSEE's France-wide files")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="centralites-import-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.symlink(PLUGIN_ROOT, os.path.join(folder, "centralites"))
    sys.path.insert(0, folder)
    from centralites.core.reference import REFERENCE_FILE

    profiles = [p for p in sorted(glob.glob(os.path.join(PLUGIN_ROOT, "resources", "profiles", "*.json")))
                if not p.endswith("modele_vierge.json")]
    frame = build(args.data, REFERENCE_FILE, profiles)
    for path in profiles:
        calibrate(frame, path, REFERENCE_FILE)


if __name__ == "__main__":
    main()
