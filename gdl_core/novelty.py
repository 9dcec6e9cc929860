"""Copy or new? Rule 2 for categorical data: a sample must not repeat a training observation.

A sample is a *copy* when every one of its features equals those of some training row, and
*new* otherwise. Everything here works on integer code tables (rows = observations, columns
= features), so it serves the five Wrodl features as well as 1,024 pixels.

- :func:`is_copy`: the verdict for each sample, without a Python loop (which training row a
  copy repeats: :func:`gdl_core.categorical.match_rows`).
- :func:`copy_chance`: the probability that one draw from a model is a copy,
  Σ p_model(x) over the distinct training rows. For the smoothed multinomial this is
  1 − (its unseen mass).
- :func:`novelty_curve`: 1 − copy chance for a model refitted at several pseudocounts, and
  :func:`sampled_novelty`, the same measured by drawing samples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from gdl_core.categorical import match_rows
from gdl_core.rng import Seed, as_generator

__all__ = ["copy_chance", "is_copy", "novelty_curve", "sampled_novelty"]


def is_copy(codes: np.ndarray, training: np.ndarray) -> np.ndarray:
    """True where a row of ``codes`` (M, K) equals some row of ``training`` (N, K) in every
    feature."""
    return match_rows(codes, training) >= 0


def copy_chance(model, training: np.ndarray) -> float:
    """Probability that one draw from ``model`` (anything with ``.prob(codes)``) is a copy.

    The copies are exactly the distinct training rows, so the chance is the sum of
    ``model.prob`` over them.
    """
    distinct = np.unique(np.asarray(training), axis=0)
    return float(np.sum(model.prob(distinct)))


def novelty_curve(
    make_model: Callable[[float], object],
    training: np.ndarray,
    n_values: int | Sequence[int],
    alphas: Iterable[float],
) -> np.ndarray:
    """Chance that a draw is new, 1 − copy chance, for a model fitted at each α.

    ``make_model(alpha)`` returns an unfitted model (e.g. ``JointMultinomial`` or
    ``CategoricalNB`` itself); it is fitted to ``training`` with ``n_values``.
    """
    return np.array([
        1.0 - copy_chance(make_model(alpha).fit(training, n_values), training)
        for alpha in alphas
    ])


def sampled_novelty(
    make_model: Callable[[float], object],
    training: np.ndarray,
    n_values: int | Sequence[int],
    alphas: Iterable[float],
    n: int,
    seed: Seed,
) -> np.ndarray:
    """Share of new faces among ``n`` draws from the model fitted at each α.

    The empirical counterpart of :func:`novelty_curve`; one generator made from ``seed``
    serves every α in turn, so the whole curve is reproducible.
    """
    rng = as_generator(seed)
    return np.array([
        1.0 - is_copy(make_model(alpha).fit(training, n_values).sample(n, rng), training).mean()
        for alpha in alphas
    ])
