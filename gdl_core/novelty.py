"""Copy or new? Rule 2 for categorical data: a sample must not repeat a training observation.

A sample is a *copy* when every one of its features equals those of some training row, and
*new* otherwise. Everything here works on integer code tables (rows = observations, columns
= features), so it serves the five Wrodl features as well as 1,024 pixels.

- :func:`copy_of` / :func:`is_copy`: the verdict for each sample, without a Python loop.
- :func:`copy_chance`: the probability that one draw from a model is a copy,
  Σ p_model(x) over the distinct training rows. For the smoothed multinomial this is
  1 − (its unseen mass).
- :func:`novelty_curve`: 1 − copy chance for a model refitted at several pseudocounts, and
  :func:`sampled_novelty`, the same measured by drawing samples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from gdl_core.rng import Seed, as_generator

__all__ = ["copy_chance", "copy_of", "is_copy", "novelty_curve", "sampled_novelty"]


def copy_of(codes: np.ndarray, training: np.ndarray) -> np.ndarray:
    """For each row of ``codes``, the index of the first identical training row, or −1.

    ``codes`` is (M, K) and ``training`` is (N, K), both whole-number codes. Rows of both
    tables are labelled together by one ``np.unique``; a sample inherits the label's first
    training row.
    """
    codes, training = np.asarray(codes), np.asarray(training)
    if codes.ndim != 2 or training.ndim != 2 or codes.shape[1] != training.shape[1]:
        raise ValueError(
            "samples and training data must be tables with the same number of features, got "
            f"shapes {codes.shape} and {training.shape}"
        )
    if len(codes) == 0 or len(training) == 0:
        return np.full(len(codes), -1, dtype=np.int64)
    for table in (codes, training):
        if not np.issubdtype(table.dtype, np.integer):
            raise ValueError(f"codes must be whole numbers, got dtype {table.dtype}")
    both = np.concatenate([training, codes]).astype(np.int64, copy=False)
    _, label = np.unique(both, axis=0, return_inverse=True)
    label = label.ravel()
    n_train = len(training)
    first_row = np.full(label.max() + 1, -1, dtype=np.int64)
    # Assign from the last training row to the first, so the first occurrence wins.
    first_row[label[:n_train][::-1]] = np.arange(n_train - 1, -1, -1)
    return first_row[label[n_train:]]


def is_copy(codes: np.ndarray, training: np.ndarray) -> np.ndarray:
    """True where a row of ``codes`` equals some row of ``training`` in every feature."""
    return copy_of(codes, training) >= 0


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
