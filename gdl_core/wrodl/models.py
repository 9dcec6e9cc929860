"""The chapter's two models fitted to the 50 Wrodl faces, and how often each invents a face.

A model is passed as its class, :class:`~gdl_core.multinomial.JointMultinomial` (one θ̂ per
combination) or :class:`~gdl_core.naive_bayes.CategoricalNB` (one θ̂ per feature value);
both are fitted by counting with pseudocount α.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from gdl_core import novelty
from gdl_core.categorical import PSEUDOCOUNTS
from gdl_core.wrodl.data import N_VALUES, all_combinations, training_codes

__all__ = ["PSEUDOCOUNTS", "NoveltyCurve", "fit", "novelty_by_alpha", "probability_decades"]


def fit(model: type, alpha: float):
    """``model(alpha)`` fitted to the 50 faces."""
    return model(alpha).fit(training_codes(), N_VALUES)


@dataclass(frozen=True, eq=False)
class NoveltyCurve:
    """How often a model invents a face, at each pseudocount in ``alphas``.

    ``expected[i]`` is the chance that one draw is new, 1 − Σ p(x) over the distinct training
    faces; ``observed[i]`` the share of new faces among ``n`` draws.
    """

    alphas: tuple[float, ...]
    expected: np.ndarray
    observed: np.ndarray
    n: int


@functools.lru_cache(maxsize=8)
def novelty_by_alpha(
    model: type, alphas: tuple[float, ...] = PSEUDOCOUNTS, n: int = 1000, seed: int = 0
) -> NoveltyCurve:
    """The :class:`NoveltyCurve` of ``model`` fitted to the 50 faces (computed once)."""
    codes = training_codes()
    expected = novelty.novelty_curve(model, codes, N_VALUES, alphas)
    observed = novelty.sampled_novelty(model, codes, N_VALUES, alphas, n, seed)
    for array in (expected, observed):
        array.flags.writeable = False
    return NoveltyCurve(tuple(alphas), expected, observed, n)


@functools.lru_cache(maxsize=8)
def probability_decades(
    models: tuple[type, ...], alphas: tuple[float, ...] = PSEUDOCOUNTS
) -> tuple[float, float]:
    """(10^a, 10^b): the decades that hold every non-zero probability any of ``models`` gives
    any of the 4,032 faces at any α in ``alphas``. A chart's axis set to them stays still
    while the α slider moves, and never cuts a face off (at α = 0.001 Naive Bayes goes
    down to about 4 × 10⁻¹³)."""
    every = all_combinations()
    probabilities = [fit(model, alpha).prob(every) for model in models for alpha in alphas]
    low = min(float(p[p > 0].min()) for p in probabilities)
    high = max(float(p.max()) for p in probabilities)
    return 10.0 ** math.floor(math.log10(low)), 10.0 ** math.ceil(math.log10(high))
