"""What a commune's sheet (fiche communale) says: its scores against the territory, its indicators, why.

Pure pandas: the algorithm ``centralites:commune_sheets`` reads the scored layer
into a DataFrame (every commune: the territory), and this module gives, for the
communes chosen, the texts and figures of each page:

- the header: level, rank out of the communes scored, composite score, the rank
  band p05–p95 when the layer carries the sensitivity fields;
- the four functions against the territory's median and the mean of the
  commune's level (the chart's figures);
- one row per indicator of the profile: the raw value with its unit, the
  territory's median, the commune's percentile among the territory's communes
  (of the raw value: P90 = higher than 90 % of them), its contribution to the
  composite in points (the layer's ``contrib_<id>`` fields), and a mark for a
  strength or a weakness — read on the direction of the indicator (a low
  vacancy is a strength): the commune ahead of at least 75 % of the territory's
  communes, or of at most 25 %;
- three sentences: the rank and level, the strongest and weakest functions,
  the strongest and weakest indicators;
- the change of population and jobs between the two census years of the layer.

The territory is every commune of the layer; percentiles, medians and means are
taken over the communes with a value.
"""

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .change import change_fields
from .explain import EXPLANATION_FIELD, number_text, points_against_median
from .indicators import evaluate, small_base
from .messages import tr
from .sensitivity import BAND_FIELDS
from .vocabulary import (
    COMPOSITE_FIELD,
    CONTRIBUTION_PREFIX,
    FUNCTIONS,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    RANK_FIELD,
    SCORE_FIELDS,
    function_labels,
)

STRENGTH_PERCENTILE = 75.0  # ahead of at least 75 % of the territory's communes: a strength
WEAKNESS_PERCENTILE = 25.0  # ahead of at most 25 %: a weakness
SENTENCE_ITEMS = 2  # indicators named in the sentence of strengths, and of weaknesses
STRENGTH_MARK, WEAKNESS_MARK = "▲", "▼"


@dataclass
class Indicator:
    key: str  # "function.id", as the scoring names it
    id: str
    function: str
    label: str
    formula: object
    direction: str  # "+" or "-"

    @property
    def contribution_field(self):
        return f"{CONTRIBUTION_PREFIX}{self.id}"


@dataclass
class Sheets:
    """The figures and texts of the chosen communes' pages, indexed like the chosen rows of the frame."""

    pages: pd.DataFrame  # title, subtitle, summary, explanation, change (texts), one row per commune
    scores: pd.DataFrame  # the four functions' scores of each commune (NaN when not scored)
    medians: list  # the territory's median of each function
    level_means: pd.DataFrame  # the mean of each function over the commune's level (NaN when not scored)
    rows: pd.DataFrame  # one row per commune and indicator: page, order, function, label, value, median, …
    strongest: pd.Series  # the label of each commune's strongest indicator ("" when none)
    indicators: list = field(default_factory=list)


def profile_indicators(profile):
    """The profile's indicators, in its order (functions in FUNCTIONS' order)."""
    found = []
    for function in FUNCTIONS:
        spec = profile["functions"].get(function)
        if not spec:
            continue
        for indicator in spec["indicators"]:
            found.append(Indicator(f"{function}.{indicator['id']}", indicator["id"], function, indicator["label"],
                                   indicator["formula"], indicator.get("direction", "+")))
    return found


def unit_of(formula):
    """The unit of an indicator's raw value, from its formula: "%", "/yr", "per 1,000 inhabitants"…"""
    if isinstance(formula, str):
        return ""
    kind = next((key for key in ("ratio", "per_1000", "share", "density", "growth", "difference") if key in formula),
                "")
    units = {
        "per_1000": tr("per 1,000 inh."),
        "share": "%",
        "density": tr("inh./km²"),
        "growth": tr("%/yr"),
    }
    return units.get(kind, "")


def indicator_values(frame, indicators):
    """The raw values of the indicators (columns by key), NaN where undefined or on a base the score leaves out."""
    values = {}
    for indicator in indicators:
        try:
            column = evaluate(indicator.formula, frame)
            column = column.where(~small_base(indicator.formula, frame))
        except KeyError:  # a column the layer lacks: no value (the sheet says "—")
            column = pd.Series(np.nan, index=frame.index)
        values[indicator.key] = column.astype("float64").to_numpy()
    return pd.DataFrame(values, index=frame.index)


def percentile_ranks(values):
    """Per column, 100 × (r − 1) / (n − 1): r the rank from the lowest (ties share their mean rank), n the
    values present; NaN for a missing value, 50 when there is a single value."""
    ranks = values.rank(method="average")
    counts = values.notna().sum()
    spread = (counts - 1).where(counts > 1)
    result = (ranks - 1).div(spread) * 100.0
    single = counts[counts == 1].index
    for column in single:
        result[column] = result[column].where(values[column].isna(), 50.0)
    return result


def function_references(frame):
    """(medians, level means): the territory's median of each function score over the scored communes, and a
    DataFrame of each function's mean per level code (index 1 … 5)."""
    scores = frame[list(SCORE_FIELDS)].apply(pd.to_numeric, errors="coerce")
    composite = pd.to_numeric(frame[COMPOSITE_FIELD], errors="coerce")
    scored = scores[composite.notna()]
    medians = [float(scored[name].median()) if scored[name].notna().any() else float("nan") for name in SCORE_FIELDS]
    codes = pd.to_numeric(frame[LEVEL_CODE_FIELD], errors="coerce")
    means = scored.groupby(codes[composite.notna()]).mean()
    return medians, means


def build_sheets(frame, profile, chosen, name_field=None, code_field=None, group_field=None, decimal_mark="."):
    """The pages of the rows ``chosen`` (positions in ``frame``) of a scored layer's ``frame`` (every commune);
    numbers written with ``decimal_mark`` (the user's: "," in French)."""
    frame = frame.reset_index(drop=True)
    chosen = list(chosen)
    indicators = [i for i in profile_indicators(profile)]
    raw = indicator_values(frame, indicators)
    signs = np.array([-1.0 if i.direction == "-" else 1.0 for i in indicators])
    percentiles = percentile_ranks(raw)
    # Ahead of what share of the territory's communes, on the indicator's direction (low vacancy is ahead).
    ahead = percentile_ranks(raw * signs) if indicators else percentiles
    medians_raw = raw.median()
    medians, means = function_references(frame)
    codes = pd.to_numeric(frame[LEVEL_CODE_FIELD], errors="coerce")
    composite = pd.to_numeric(frame[COMPOSITE_FIELD], errors="coerce")
    ranks = pd.to_numeric(frame[RANK_FIELD], errors="coerce")
    scored_count = int(composite.notna().sum())
    scores = frame[list(SCORE_FIELDS)].apply(pd.to_numeric, errors="coerce")
    has_band = all(name in frame.columns for name in (BAND_FIELDS[0], BAND_FIELDS[-1]))
    labels = function_labels()
    change = _change_texts(frame)
    contributions = pd.DataFrame({i.key: pd.to_numeric(frame[i.contribution_field], errors="coerce")
                                  if i.contribution_field in frame.columns else np.nan for i in indicators},
                                 index=frame.index)

    pages, level_rows, rows, strongest = [], [], [], []
    for position in chosen:
        name = _text(frame.at[position, name_field]) if name_field else ""
        code = _text(frame.at[position, code_field]) if code_field else ""
        group = _text(frame.at[position, group_field]) if group_field else ""
        title = name or code
        subtitle = " · ".join(part for part in (tr("INSEE code {code}").format(code=code) if code else "", group) if part)
        level_code = codes.iat[position]
        level_rows.append([means.at[level_code, s] if not np.isnan(level_code) and level_code in means.index
                           else np.nan for s in SCORE_FIELDS])
        commune_ahead = ahead.iloc[position]
        # Ahead of the most communes first; ties (several at 100 %) by the points brought to the score.
        points = contributions.iloc[position].fillna(0.0).to_numpy()
        order = [k for k in np.lexsort((-points, -commune_ahead.fillna(-1).to_numpy()))
                 if not np.isnan(commune_ahead.iat[k])]
        # Strong: ahead of more than half the territory's communes; weak: of less than half.
        best = [indicators[k] for k in order if commune_ahead.iat[k] > 50.0][:SENTENCE_ITEMS]
        worst_first = sorted(order, key=lambda k: (commune_ahead.iat[k], points[k]))
        worst = [indicators[k] for k in worst_first if commune_ahead.iat[k] < 50.0][:SENTENCE_ITEMS]
        strongest.append(indicators[order[0]].label if order else "")
        is_scored = not np.isnan(composite.iat[position])
        if is_scored:
            summary = _summary(frame, position, ranks.iat[position], scored_count, composite.iat[position], has_band)
            sentences = [tr("{name} ranks {rank} of the {count} communes scored, with a composite score of "
                            "{score}/100: level {level}.").format(
                name=title, rank=int(ranks.iat[position]), count=scored_count,
                score=f"{composite.iat[position]:.1f}", level=_text(frame.at[position, LEVEL_FIELD]))]
            sentences.append(functions_sentence(scores.iloc[position].to_numpy(), medians, labels))
        else:
            summary = tr("Not scored: too few indicators have a value (see the field indicateurs_manquants).")
            sentences = [tr("{name} is not scored: too few of its indicators have a value.").format(name=title)]
        if order:
            sentences.append(_indicators_sentence(best, worst, raw.iloc[position], commune_ahead, indicators))
        pages.append({"title": title, "subtitle": subtitle, "summary": summary,
                      "explanation": " ".join(sentences), "change": change[position]})
        for k, indicator in enumerate(indicators):
            value = raw.iat[position, k]
            unit = unit_of(indicator.formula)
            contribution = contributions.iat[position, k]
            share = commune_ahead.iat[k]
            mark = ""
            if not np.isnan(share) and share >= STRENGTH_PERCENTILE:
                mark = f"{STRENGTH_MARK} {tr('strength')}"
            elif not np.isnan(share) and share <= WEAKNESS_PERCENTILE:
                mark = f"{WEAKNESS_MARK} {tr('weakness')}"
            rows.append({
                "page": position, "order": k, "function": labels[FUNCTIONS.index(indicator.function)],
                "indicator": indicator.label, "value": _with_unit(value, unit),
                "median": _with_unit(medians_raw.iat[k], unit),
                "percentile": "—" if np.isnan(percentiles.iat[position, k]) else
                f"P{int(round(percentiles.iat[position, k]))}",
                "points": "—" if np.isnan(contribution) else f"{contribution:.1f}",
                "mark": mark,
            })
    index = pd.Index(chosen)
    if decimal_mark != ".":
        pages = [{key: _decimal(text, decimal_mark) for key, text in page.items()} for page in pages]
        rows = [{key: _decimal(value, decimal_mark) if key in ("value", "median", "points") else value
                 for key, value in row.items()} for row in rows]
    return Sheets(
        pages=pd.DataFrame(pages, index=index, columns=["title", "subtitle", "summary", "explanation", "change"]),
        scores=scores.iloc[chosen].set_axis(index, axis=0),
        medians=medians,
        level_means=pd.DataFrame(level_rows, index=index, columns=list(SCORE_FIELDS)),
        rows=pd.DataFrame(rows, columns=["page", "order", "function", "indicator", "value", "median", "percentile",
                                         "points", "mark"]),
        strongest=pd.Series(strongest, index=index, dtype=object),
        indicators=indicators,
    )


def _summary(frame, position, rank, count, composite, has_band):
    parts = [tr("Level: {level}").format(level=_text(frame.at[position, LEVEL_FIELD])),
             tr("Rank {rank} of {count}").format(rank=int(rank), count=count),
             tr("Composite score {score}/100").format(score=f"{composite:.1f}")]
    if has_band:
        low = pd.to_numeric(pd.Series([frame.at[position, BAND_FIELDS[0]]]), errors="coerce").iat[0]
        high = pd.to_numeric(pd.Series([frame.at[position, BAND_FIELDS[-1]]]), errors="coerce").iat[0]
        if not (np.isnan(low) or np.isnan(high)):
            parts.append(tr("Rank band (p05–p95): {low}–{high}").format(low=int(low), high=int(high)))
    return " · ".join(parts)


def functions_sentence(scores, medians, labels):
    present = [k for k in range(len(scores)) if not np.isnan(scores[k])]
    if not present:
        return ""
    gaps = {k: scores[k] - (medians[k] if not np.isnan(medians[k]) else 0.0) for k in present}
    best = max(present, key=lambda k: gaps[k])
    worst = min(present, key=lambda k: gaps[k])
    text = tr("Its strongest function against the territory is {function} ({score}, median {median}).").format(
        function=labels[best], score=f"{scores[best]:.0f}", median=_score(medians[best]))
    best_score, best_median = f"{scores[best]:.0f}", _score(medians[best])
    worst_score, worst_median = f"{scores[worst]:.0f}", _score(medians[worst])
    if worst != best and gaps[worst] >= 0:
        return tr("All its functions are at or above the territory's median: the furthest ahead is {best} "
                  "({best_score}, median {best_median}), the least {worst} ({worst_score}, median "
                  "{worst_median}).").format(best=labels[best], best_score=best_score, best_median=best_median,
                                             worst=labels[worst], worst_score=worst_score,
                                             worst_median=worst_median)
    if worst != best and gaps[best] <= 0:
        return tr("All its functions are at or below the territory's median: the closest is {best} "
                  "({best_score}, median {best_median}), the furthest behind {worst} ({worst_score}, median "
                  "{worst_median}).").format(best=labels[best], best_score=best_score, best_median=best_median,
                                             worst=labels[worst], worst_score=worst_score,
                                             worst_median=worst_median)
    if worst != best:
        text = tr("Its strongest function against the territory is {best} ({best_score}, median {best_median}); "
                  "its weakest, {worst} ({worst_score}, median {worst_median}).").format(
            best=labels[best], best_score=f"{scores[best]:.0f}", best_median=_score(medians[best]),
            worst=labels[worst], worst_score=f"{scores[worst]:.0f}", worst_median=_score(medians[worst]))
    return text


def _indicators_sentence(best, worst, values, ahead, indicators):
    keys = [i.key for i in indicators]

    def told(indicator):
        k = keys.index(indicator.key)
        return tr("{label} {value} (ahead of {share} % of the territory's communes)").format(
            label=indicator.label, value=_with_unit(values.iat[k], unit_of(indicator.formula)),
            share=int(round(ahead.iat[k])))

    if best:
        text = tr("Strongest indicators: {items}.").format(items="; ".join(told(i) for i in best))
    else:
        text = tr("None of its indicators is ahead of half the territory's communes.")
    if worst:
        text += " " + tr("Weakest: {items}.").format(items="; ".join(told(i) for i in worst))
    return text


def _change_texts(frame):
    """Per commune, the change of population and jobs between the layer's two census years, with the
    territory's; a sentence saying which columns are missing when there are not two years."""
    names = [c for c in frame.columns if isinstance(c, str)]
    years, missing = change_fields(names)
    labels = {"POP": tr("Population"), "EMPLT": tr("Jobs at place of work")}
    lines = {}
    for measure, (first, last) in years.items():
        start = pd.to_numeric(frame[f"P{first:02d}_{measure}"], errors="coerce")
        end = pd.to_numeric(frame[f"P{last:02d}_{measure}"], errors="coerce")
        span = last - first
        territory = _annual_rate(start.sum(min_count=1), end.sum(min_count=1), span)
        texts = []
        for a, b in zip(start.to_numpy(), end.to_numpy()):
            if np.isnan(a) and np.isnan(b):
                texts.append(tr("{label}: no data").format(label=labels[measure]))
                continue
            texts.append(tr("{label}: {start} in {first} → {end} in {last}, {rate} a year (territory: "
                            "{territory})").format(
                label=labels[measure], start=number_text(a), end=number_text(b), first=2000 + first,
                last=2000 + last, rate=_rate(_annual_rate(a, b, span)), territory=_rate(territory)))
        lines[measure] = texts
    if not lines:
        text = tr("Change of population and jobs: the layer has no census columns of two years ({columns}).").format(
            columns=", ".join(missing))
        return [text] * len(frame)
    return ["\n".join(lines[m][row] for m in lines) for row in range(len(frame))]


_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")


def _decimal(text, mark):
    """The decimal points of the numbers in ``text`` written ``mark`` (never a dot between words)."""
    return _DECIMAL.sub(mark, text) if isinstance(text, str) else text


def _annual_rate(start, end, years):
    if start is None or end is None or np.isnan(start) or np.isnan(end) or start <= 0 or years <= 0:
        return float("nan")
    return ((end / start) ** (1.0 / years) - 1.0) * 100.0


def _rate(value):
    if np.isnan(value):
        return "—"
    text = f"{value:+.2f} %"
    return text[1:] if text in ("+0.00 %", "-0.00 %") else text


def _score(value):
    return "—" if np.isnan(value) else f"{value:.0f}"


def _with_unit(value, unit):
    whole = value is not None and not np.isnan(value) and float(value).is_integer()
    text = f"{value:.0f}" if whole and abs(value) < 100 else number_text(value)
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.0: a rate rounded to nothing has no sign
    if text == "—" or not unit:
        return text
    return f"{text} {unit}" if unit != "%" else f"{text} %"


def _text(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


def commune_reasons(frame, row, indicators):
    """Why the commune at index label ``row`` of a scored layer's ``frame`` (scores, contrib_* fields, the
    score's explanation) scores as it does, for the panel: (items, sentences). ``items``: one (function index,
    label, points against the territory's median) per indicator the layer has contributions of, in the
    profile's order (without a profile: the contrib_* fields as they come)."""
    known = [i for i in indicators if i.contribution_field in frame.columns]
    if not known:
        prefix = len(CONTRIBUTION_PREFIX)
        known = [Indicator(name[prefix:], name[prefix:], FUNCTIONS[0], name[prefix:], None, "+")
                 for name in frame.columns if isinstance(name, str) and name.startswith(CONTRIBUTION_PREFIX)]
    gaps = points_against_median(frame[[i.contribution_field for i in known]]) if known else None
    items = [(FUNCTIONS.index(i.function), i.label, float(gaps.at[row, i.contribution_field])) for i in known]
    sentences = []
    if pd.notna(pd.to_numeric(pd.Series([frame.at[row, COMPOSITE_FIELD]]), errors="coerce").iat[0]):
        medians, _ = function_references(frame)
        scores = pd.to_numeric(frame.loc[row, list(SCORE_FIELDS)], errors="coerce").to_numpy(dtype="float64")
        sentences.append(functions_sentence(scores, medians, function_labels()))
    explanation = frame.at[row, EXPLANATION_FIELD] if EXPLANATION_FIELD in frame.columns else None
    if isinstance(explanation, str) and explanation:
        sentences.append(explanation)
    return items, " ".join(s for s in sentences if s)


def sheet_file_name(code, name):
    """A file name of the commune's code and name, safe on every system: "62119_Bethune" style but accented
    letters kept (every system stores them); characters forbidden on Windows replaced by "_"."""
    text = f"{code}_{name}" if name else str(code)
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return cleaned.strip(" .") or "commune"
