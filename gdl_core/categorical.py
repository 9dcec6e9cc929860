"""Code shared by the categorical models: checks of code arrays, value counts and the
pseudocount, and :func:`match_rows`, which finds whole rows of one code table in another.

A dataset of N observations with K categorical features is an (N, K) array of integer
codes; feature k takes the values 0 … L_k − 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: The pseudocounts every page offers: 0 (the maximum-likelihood fit), steps of ×10 near 0
#: (tiny α already matter when 256 colours share one pixel), then about ×2 up to 10.
PSEUDOCOUNTS: tuple[float, ...] = (0.0, 0.001, 0.01, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


class NotFittedError(ValueError):
    """A model was asked for probabilities or samples before :meth:`fit` was called."""


class CategoricalModel:
    """What the two categorical models share, in scikit-learn's manner: the pseudocount α is
    stored as given in ``__init__`` and checked in ``fit``; learned attributes end in ``_``;
    using a model before ``fit`` raises :class:`NotFittedError`.

    Both set ``counts_``, ``n_obs_``, ``n_values_`` and ``n_params_`` when fitted.
    """

    def __init__(self, alpha: float = 0.0):
        self.alpha = alpha

    def __repr__(self) -> str:
        return f"{type(self).__name__}(alpha={self.alpha!r})"

    def _check_fitted(self) -> None:
        if not hasattr(self, "n_params_"):
            raise NotFittedError(
                f"this {type(self).__name__} is not fitted yet: call fit(codes, n_values) "
                "before asking it for probabilities or samples"
            )


def check_alpha(alpha: float) -> float:
    """Return the pseudocount α as a float; it must be a finite number ≥ 0."""
    try:
        value = float(alpha)
    except (TypeError, ValueError):
        raise ValueError(f"alpha must be a number ≥ 0, got {alpha!r}") from None
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"alpha must be ≥ 0, got {alpha}")
    return value


def check_codes(
    codes: np.ndarray, n_values: int | Sequence[int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Validate an (N, K) array of codes and the number of values L_k of each feature.

    ``n_values`` is one int for every feature or one per feature; ``None`` reuses the
    largest code + 1 per feature. Returns the codes as an integer array and L as (K,) int64.
    """
    codes = np.asarray(codes)
    if codes.ndim != 2:
        raise ValueError(
            f"codes must be a 2-D array (observations × features), got {codes.ndim} dimension(s)"
        )
    if codes.size and not np.issubdtype(codes.dtype, np.integer):
        if not np.all(np.mod(codes, 1) == 0):
            raise ValueError("codes must be whole numbers (category indices)")
        codes = codes.astype(np.int64)
    elif not codes.size:
        codes = codes.astype(np.int64)
    n_features = codes.shape[1]
    if n_values is None:
        if not codes.shape[0]:
            raise ValueError("n_values is needed when there are no observations")
        n_values = codes.max(axis=0).astype(np.int64) + 1
    levels = np.asarray(n_values, dtype=np.int64)
    if levels.ndim == 1 and len(levels) != n_features:
        raise ValueError(f"expected {len(levels)} features per row, got {n_features}")
    levels = np.broadcast_to(levels, (n_features,)).copy()
    if np.any(levels < 1):
        raise ValueError(f"every feature needs at least one value, got n_values={n_values}")
    if codes.size:
        dtype_max = np.iinfo(codes.dtype).max
        # A uint8 array with 256 values per feature cannot hold a bad code: skip the pass.
        if np.issubdtype(codes.dtype, np.signedinteger) and codes.min() < 0:
            raise ValueError("codes must be ≥ 0")
        if dtype_max >= levels.min():
            too_big = codes.max(axis=0) >= levels
            if np.any(too_big):
                k = int(np.flatnonzero(too_big)[0])
                raise ValueError(
                    f"feature {k} has a code {int(codes[:, k].max())} but only "
                    f"{int(levels[k])} values (0 … {int(levels[k]) - 1})"
                )
    return codes, levels


def match_rows(queries: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """For each row of ``queries``, the index of the first identical row of ``reference``, or −1.

    ``queries`` is (M, K) and ``reference`` is (N, K), both whole-number codes. Rows of both
    tables are labelled together by one ``np.unique``; a query row inherits the first
    reference row with its label. Returns an (M,) int64 array.
    """
    queries, reference = np.asarray(queries), np.asarray(reference)
    if queries.ndim != 2 or reference.ndim != 2 or queries.shape[1] != reference.shape[1]:
        raise ValueError(
            "the two code tables must both be 2-D with the same number of features, got "
            f"shapes {queries.shape} and {reference.shape}"
        )
    if len(queries) == 0 or len(reference) == 0:
        return np.full(len(queries), -1, dtype=np.int64)
    for table in (queries, reference):
        if not np.issubdtype(table.dtype, np.integer):
            raise ValueError(f"codes must be whole numbers, got dtype {table.dtype}")
    # Keep narrow codes narrow (uint8 pixels): np.unique compares whole rows as bytes.
    dtype = np.result_type(queries, reference)
    if not np.issubdtype(dtype, np.integer):  # uint64 with a signed type
        dtype = np.int64
    both = np.concatenate([table.astype(dtype, copy=False) for table in (reference, queries)])
    _, label = np.unique(both, axis=0, return_inverse=True)
    label = label.ravel()
    n_reference = len(reference)
    first_row = np.full(label.max() + 1, -1, dtype=np.int64)
    # Assign from the last reference row to the first, so the first occurrence wins.
    first_row[label[:n_reference][::-1]] = np.arange(n_reference - 1, -1, -1)
    return first_row[label[n_reference:]]
