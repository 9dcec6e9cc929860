"""Counting and smoothing: the full multinomial fitted to the 50 faces at one pseudocount α.

Combination j, seen n_j times among the N = 50 faces, gets θ̂_j = (n_j + α) / (N + d α)
with d = 4,032. :func:`counting_report` gathers every number and picture the chapter draws
from that one formula at one α.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import plotly.graph_objects as go

from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.wrodl import figures
from gdl_core.wrodl.data import (
    COMBINATION_1,
    COMBINATION_2,
    FEATURES,
    all_combinations,
    encode,
    load,
)
from gdl_core.wrodl.models import fit, novelty_by_alpha, probability_decades

__all__ = ["CountingReport", "counting_report", "rarest_face"]


def rarest_face() -> dict[str, str]:
    """The face made of each feature's least common value among the 50 (the first of
    equals, in the book's order of values): an odd face that no Wrodler comes close to."""
    return dict(_rarest_values())


@functools.cache
def _rarest_values() -> tuple[tuple[str, str], ...]:
    faces = load()
    return tuple(
        (feature, min(values, key=lambda value: (faces[feature] == value).sum()))
        for feature, values in FEATURES.items()
    )


@dataclass(frozen=True, eq=False)
class CountingReport:
    """The multinomial at pseudocount ``alpha``.

    ``n_obs`` N, ``d`` Π L_k, ``n_distinct`` how many different faces the data holds,
    ``n_params`` d − 1; ``combination_1`` / ``combination_2`` / ``rarest`` (the
    :func:`rarest_face`) their θ̂, and ``naive_bayes_…`` what Naive Bayes at the same α gives
    the last two, for contrast; ``unseen_theta`` the
    θ̂ every unseen combination shares, α / (N + d α); ``unseen_mass`` their total, the
    chance a sample is new. ``sorted_theta`` draws all d θ̂ by rank, ``novelty`` the chance
    of a new face at each of :data:`~gdl_core.wrodl.models.PSEUDOCOUNTS`.
    """

    alpha: float
    n_obs: int
    d: int
    n_distinct: int
    n_params: int
    combination_1: float
    combination_2: float
    unseen_theta: float
    unseen_mass: float
    rarest: float
    naive_bayes_combination_2: float
    naive_bayes_rarest: float
    sorted_theta: go.Figure
    novelty: go.Figure

    @property
    def n_unseen(self) -> int:
        """How many of the d combinations never occur in the data."""
        return self.d - self.n_distinct


def counting_report(alpha: float) -> CountingReport:
    """The :class:`CountingReport` of the multinomial fitted to the 50 faces at ``alpha``."""
    model = fit(JointMultinomial, alpha)
    naive_bayes = fit(CategoricalNB, alpha)
    every = all_combinations()
    theta_1, theta_2 = model.prob(encode(COMBINATION_1))[0], model.prob(encode(COMBINATION_2))[0]
    curve = novelty_by_alpha(JointMultinomial)
    return CountingReport(
        alpha=model.alpha_,
        n_obs=model.n_obs_,
        d=model.d_,
        n_distinct=model.n_distinct_,
        n_params=model.n_params_,
        combination_1=float(theta_1),
        combination_2=float(theta_2),
        unseen_theta=model.unseen_theta(),
        unseen_mass=model.unseen_mass(),
        rarest=float(model.prob(encode(rarest_face()))[0]),
        naive_bayes_combination_2=float(naive_bayes.prob(encode(COMBINATION_2))[0]),
        naive_bayes_rarest=float(naive_bayes.prob(encode(rarest_face()))[0]),
        sorted_theta=figures.sorted_theta_figure(
            model.prob(every), model.count(every),
            y_range=probability_decades((JointMultinomial,)),
            marks={"combination 1": float(theta_1), "combination 2": float(theta_2)},
        ),
        novelty=figures.novelty_figure(
            curve.alphas, curve.expected, observed=curve.observed, current=model.alpha_,
            n_observed=curve.n,
        ),
    )
