"""The chapter's two models fitted to the 50 Wrodl faces, and how often each invents a face.

A model is passed as its class, :class:`~gdl_core.multinomial.JointMultinomial` (one θ̂ per
combination) or :class:`~gdl_core.naive_bayes.CategoricalNB` (one θ̂ per feature value);
both are fitted by counting with pseudocount α.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from gdl_core import novelty
from gdl_core.categorical import PSEUDOCOUNTS
from gdl_core.wrodl.data import N_VALUES, training_codes

__all__ = ["PSEUDOCOUNTS", "NoveltyCurve", "fit", "novelty_by_alpha"]



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
