"""core.sensitivity: Monte Carlo rank bands and level stability."""

import numpy as np
import pandas as pd
import pytest

from centralites.core.profile import validate_profile
from centralites.core.scoring import ScoringError, compute_scores
from centralites.core.vocabulary import LEVEL_CODE_FIELD, RANK_FIELD
from centralites.core.sensitivity import BAND_FIELDS, STABLE_FIELD, _draw_weights, monte_carlo

from test_core_scoring import small_profile_data


def random_frame(rows=60, seed=0):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(rng.lognormal(size=(rows, 5)), columns=list("ABCDE"),
                         index=[f"c{i}" for i in range(rows)])
    frame.iloc[3, 1] = np.nan
    frame.iloc[7] = np.nan  # a commune without data: unscored
    return frame


def profile_with(**top):
    data = small_profile_data(**top)
    data["functions"]["habiter"]["indicators"][1]["weight"] = 0.5
    return validate_profile(data)


@pytest.mark.parametrize("normalisation", ["minmax", "zscore", "percentile", "reference"])
@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric"])
@pytest.mark.parametrize("levels", ["thresholds", "quantiles", "jenks"])
def test_without_perturbation_every_draw_is_the_reference_run(normalisation, aggregation, levels):
    frame = random_frame()
    reference = "c0" if normalisation == "reference" else None
    profile = profile_with(normalisation=normalisation, aggregation=aggregation, levels={"method": levels},
                           **({"reference": reference} if reference else {}))
    base = compute_scores(frame, profile).scores
    result = monte_carlo(frame, profile, draws=5, weights="none", normalisations=(normalisation,),
                         aggregations=(aggregation,), reference=reference)
    bands = result.bands
    for field in BAND_FIELDS:
        pd.testing.assert_series_equal(bands[field], base[RANK_FIELD], check_names=False)
    known = base[LEVEL_CODE_FIELD].notna()
    assert (bands.loc[known, STABLE_FIELD] == 100).all()
    assert bands.loc["c7"].isna().all()


def test_bands_are_ordered_and_shares_bounded():
    frame = random_frame()
    result = monte_carlo(frame, profile_with(), draws=300, seed=3)
    bands = result.bands.dropna()
    assert len(bands) == 59
    assert (bands["rang_p05"] <= bands["rang_p50"]).all() and (bands["rang_p50"] <= bands["rang_p95"]).all()
    assert ((bands[STABLE_FIELD] >= 0) & (bands[STABLE_FIELD] <= 100)).all()
    assert bands["rang_p05"].min() == 1 and bands["rang_p95"].max() <= 59
    assert (bands["rang_p95"] > bands["rang_p05"]).any()  # the choices do move some communes
    assert sum(result.combinations.values()) == 300 and len(result.combinations) == 6
    # Same seed, same answer; row order does not matter.
    again = monte_carlo(frame.iloc[::-1], profile_with(), draws=300, seed=3)
    pd.testing.assert_frame_equal(again.bands.loc[frame.index], result.bands)


def test_a_dominant_commune_stays_first():
    frame = random_frame()
    frame.loc["c5"] = [1000, 1000, 1000, 1000, 0]  # best everywhere (E counts against)
    result = monte_carlo(frame, profile_with(), draws=200, weights="noise", noise=0.5)
    assert result.bands.loc["c5", list(BAND_FIELDS)].tolist() == [1, 1, 1]


def test_weight_draws():
    rng = np.random.default_rng(0)
    base = np.array([1.0, 0.5, 2.0, 1.0])
    groups = np.array([0, 0, 1, 1])
    drawn = _draw_weights(rng, base, groups, 20000, "dirichlet", 0.25, 1.0)
    # Each group keeps its total; the mean split is the profile's.
    assert drawn[:2].sum(axis=0) == pytest.approx(np.full(20000, 1.5))
    assert drawn.mean(axis=1) == pytest.approx(base, rel=0.02)
    noisy = _draw_weights(rng, base, groups, 1000, "noise", 0.25, 1.0)
    assert (noisy >= base[:, None] * 0.75).all() and (noisy <= base[:, None] * 1.25).all()
    assert (_draw_weights(rng, base, groups, 3, "none", 0.25, 1.0) == base[:, None]).all()


@pytest.mark.parametrize("arguments, message", [
    ({"draws": 0}, "positive integer"),
    ({"weights": "uniform"}, "none, noise, dirichlet"),
    ({"weights": "noise", "noise": 1.5}, "between 0 and 1"),
    ({"normalisations": ()}, "at least one normalisation"),
    ({"normalisations": ("reference",)}, "reference commune"),
    ({"aggregations": ("median",)}, "Unknown aggregation"),
])
def test_bad_arguments(arguments, message):
    with pytest.raises(ScoringError, match=message):
        monte_carlo(random_frame(), profile_with(), **arguments)


def test_cancel():
    assert monte_carlo(random_frame(), profile_with(), draws=10, is_cancelled=lambda: True) is None


def test_the_profiles_reference_commune_is_used():
    frame = random_frame()
    profile = profile_with(normalisation="reference", reference="c1")
    result = monte_carlo(frame, profile, draws=20, normalisations=("reference",), aggregations=("arithmetic",))
    assert result.bands.loc["c1", "rang_p05"] == 1  # the reference reaches 100 on every indicator


@pytest.mark.parametrize("levels", ["thresholds", "quantiles", "jenks"])
def test_no_perturbation_keeps_every_commune_of_france_at_its_level(levels):
    """Draws are classed exactly like the reference run (one level-classing function): with the
    profile's own weights and methods, every draw is the reference and every level is stable —
    on the 34,000 communes of France, where natural breaks are computed on quantiles."""
    import copy

    from centralites.core.join import join_tables
    from centralites.core.plm import ARRONDISSEMENT_CITY
    from centralites.core.profile import load_profile
    from centralites.core.tables import read_table

    from testdata import real_insee

    comparateur = read_table(real_insee("france/base_cc_comparateur_2021.csv"))
    bpe = read_table(real_insee("france/bpe2019_domaines.csv"))
    codes = [code for code in comparateur["CODGEO"] if code not in ARRONDISSEMENT_CITY]
    frame = join_tables(codes, [("comparateur", comparateur), ("bpe", bpe)]).values
    frame.index = codes
    profile = copy.deepcopy(load_profile())
    profile["levels"]["method"] = levels
    result = monte_carlo(frame, profile, draws=8, weights="none", normalisations=(profile["normalisation"],),
                         aggregations=("arithmetic",))
    scored = result.bands[STABLE_FIELD].dropna()
    assert len(scored) > 34000
    assert (scored == 100.0).all(), scored[scored < 100].head()


def test_the_split_says_which_choice_moves_a_commune():
    """ecart_poids: the rank band's width with the weights alone drawn; ecart_methodes: with the methods
    alone. Without weight perturbation the first is zero; with one method only, the second is."""
    frame = random_frame()
    only_methods = monte_carlo(frame, profile_with(), draws=40, weights="none",
                               normalisations=("minmax", "zscore", "percentile"), aggregations=("arithmetic",))
    known = only_methods.bands.dropna(subset=["rang_p50"])
    assert (known["ecart_poids"] == 0).all() and (known["ecart_methodes"] > 0).any()
    only_weights = monte_carlo(frame, profile_with(), draws=40, weights="dirichlet", normalisations=("minmax",),
                               aggregations=("arithmetic",))
    known = only_weights.bands.dropna(subset=["rang_p50"])
    assert (known["ecart_methodes"] == 0).all() and (known["ecart_poids"] > 0).any()
    assert only_weights.bands.loc["c7", ["ecart_poids", "ecart_methodes"]].isna().all()  # no data: no band
