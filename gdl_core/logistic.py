"""Binary logistic regression, the textbook discriminative model: p(y = 1 | x) directly,
with no model of x itself.

p(y = 1 | x) = σ(b + w·x), σ(t) = 1 / (1 + e^−t). Fitted by Newton's method on the
penalised negative log-likelihood Σ log-loss + ‖w‖² / (2C) (the intercept b is not
penalised), scikit-learn's default objective, so the two agree.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["LogisticRegression", "one_hot"]


def one_hot(codes: np.ndarray, n_values: Sequence[int]) -> np.ndarray:
    """Categorical codes (N, K) as 0/1 columns, one per value of each feature (N, Σ L_k)."""
    codes = np.asarray(codes, dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(n_values)[:-1]])
    columns = np.zeros((len(codes), int(np.sum(n_values))))
    np.put_along_axis(columns, codes + offsets, 1.0, axis=1)
    return columns


class LogisticRegression:
    """p(y = 1 | x) = σ(b + w·x) with an L2 penalty of strength 1/C on w."""

    def __init__(self, C: float = 1.0, iterations: int = 50):
        self.C = C
        self.iterations = iterations

    def fit(self, x, y) -> LogisticRegression:
        """Newton steps until the weights stop moving; sets ``coef_`` and ``intercept_``."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if self.C <= 0:
            raise ValueError(f"C must be > 0, got {self.C}")
        if set(np.unique(y)) - {0.0, 1.0}:
            raise ValueError("y must hold only 0 and 1")
        design = np.column_stack([np.ones(len(x)), x])
        penalty = np.eye(design.shape[1]) / self.C
        penalty[0, 0] = 0.0
        weights = np.zeros(design.shape[1])
        for _ in range(self.iterations):
            p = 1.0 / (1.0 + np.exp(-design @ weights))
            gradient = design.T @ (p - y) + penalty @ weights
            hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
            step = np.linalg.solve(hessian, gradient)
            weights -= step
            if np.abs(step).max() < 1e-12:
                break
        self.intercept_, self.coef_ = weights[0], weights[1:]
        return self

    def predict_proba(self, x) -> np.ndarray:
        """p(y = 1 | x) for each row of ``x``."""
        return 1.0 / (1.0 + np.exp(-(self.intercept_ + np.asarray(x, dtype=float) @ self.coef_)))
