"""Naive Bayes on Planet Wrodl: the five features taken as independent, at one pseudocount α.

Feature k's value l gets θ̂_kl = (n_kl + α) / (N + L_k α) and a face's probability is the
product of its five θ̂, so 3 + 8 + 4 + 6 + 7 = 28 θ̂, of which Σ (L_k − 1) = 23 are free,
describe all 4,032 faces (Table 1-2). :func:`naive_bayes_report` gathers what the chapter
shows of that model at one α, next to the full multinomial.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from gdl_core import novelty
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.wrodl import figures
from gdl_core.wrodl.data import (
    COMBINATION_1,
    COMBINATION_2,
    FEATURES,
    TABLE_ORDER,
    all_combinations,
    combination_index,
    describe,
    encode,
    training_codes,
)
from gdl_core.wrodl.models import fit, probability_decades
from gdl_core.wrodl.text import theta_column

__all__ = ["NaiveBayesReport", "naive_bayes_report", "parameter_table"]


def parameter_table(model, features: Mapping[str, Sequence[str]], name: str) -> pd.DataFrame:
    """One feature's block of Table 1-2: each value, its count n and θ̂, then a total row.

    ``model`` is a fitted :class:`~gdl_core.naive_bayes.CategoricalNB` whose feature k is
    the k-th entry of ``features``. θ̂ is text, as printed (:func:`~gdl_core.wrodl.text.
    theta_column`): two decimals without a pseudocount, like the book's "0.20", "0.00" and
    "1.00"; four with one.
    """
    k = list(features).index(name)
    values = list(features[name])
    counts = model.counts_[k, : len(values)]
    theta = model.theta_[k, : len(values)]
    return pd.DataFrame({
        name: [*values, "total"],
        "n": [*counts.astype(int).tolist(), int(counts.sum())],
        "θ̂": theta_column([*theta.tolist(), float(theta.sum())]),
    })


@dataclass(frozen=True, eq=False)
class NaiveBayesReport:
    """Naive Bayes fitted to the 50 faces at pseudocount ``alpha``.

    ``n_theta`` Σ L_k values, ``n_params`` Σ (L_k − 1) free parameters, written out term by
    term in ``parameter_terms`` ("(7 − 1) + (6 − 1) + …", Table 1-2's order);
    ``multinomial_n_params`` d − 1 for comparison. ``tables`` holds Table 1-2 block by block
    (:func:`parameter_table`), ``bars`` draws it three panels to a row and ``bars_narrow``
    one panel to a row, for a phone; ``chance_new`` is the chance that a sample
    is not one of the 50 faces, 1 − Σ p(x) over the distinct ones; ``n_impossible`` how
    many of the 4,032 faces get p(x) = 0 (those with a value never seen, at α = 0);
    ``comparison`` draws both models on all 4,032 faces.
    """

    alpha: float
    n_theta: int
    n_params: int
    parameter_terms: str
    multinomial_n_params: int
    tables: Mapping[str, pd.DataFrame]
    chance_new: float
    n_impossible: int
    bars: go.Figure
    bars_narrow: go.Figure
    comparison: go.Figure


@functools.cache
def _labels() -> list[str]:
    """Every combination as text, in :func:`~gdl_core.wrodl.data.all_combinations` order."""
    return describe(all_combinations())


def naive_bayes_report(alpha: float) -> NaiveBayesReport:
    """The :class:`NaiveBayesReport` of Naive Bayes fitted to the 50 faces at ``alpha``."""
    model = fit(CategoricalNB, alpha)
    multinomial = fit(JointMultinomial, alpha)
    every = all_combinations()
    nb_prob = model.prob(every)
    marks = {name: int(combination_index(encode(face))[0])
             for name, face in (("combination 1", COMBINATION_1),
                                ("combination 2", COMBINATION_2))}
    return NaiveBayesReport(
        alpha=model.alpha_,
        n_theta=int(model.n_values_.sum()),
        n_params=model.n_params_,
        parameter_terms=" + ".join(f"({len(FEATURES[name])} − 1)" for name in TABLE_ORDER),
        multinomial_n_params=multinomial.n_params_,
        tables={name: parameter_table(model, FEATURES, name) for name in TABLE_ORDER},
        chance_new=1.0 - novelty.copy_chance(model, training_codes()),
        n_impossible=int((nb_prob == 0).sum()),
        bars=figures.naive_bayes_figure(model, FEATURES, TABLE_ORDER),
        bars_narrow=figures.naive_bayes_figure(
            model, FEATURES, TABLE_ORDER, columns=1, label_room=1.1, bar_px=30
        ),
        comparison=figures.comparison_figure(
            multinomial.prob(every), nb_prob, multinomial.count(every),
            labels=_labels(), marks=marks,
            y_range=probability_decades((JointMultinomial, CategoricalNB)),
        ),
    )
