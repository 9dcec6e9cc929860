"""Principal component analysis by numpy's SVD: directions of variation learned from the
pixels alone, with no idea that the pictures were made from a height and a width.

For data X (n × d) with mean μ, the centred data X − μ = U S Vᵀ. The rows of Vᵀ are the
components, in order of the variance they explain, S² / (n − 1). A picture's learned
coordinates are c = (x − μ) Vₖ, and its reconstruction from k of them is μ + c Vₖᵀ.
"""

from __future__ import annotations

import numpy as np

__all__ = ["PCA"]


class PCA:
    """Linear directions of variation, fitted with :meth:`fit` (scikit-learn's names)."""

    def fit(self, x) -> PCA:
        """Learn the mean, the components and their variances from the rows of ``x``."""
        x = np.asarray(x, dtype=float)
        if x.ndim != 2 or len(x) < 2:
            raise ValueError(f"PCA needs at least two rows of numbers; got shape {x.shape}")
        self.mean_ = x.mean(axis=0)
        _, singular, components = np.linalg.svd(x - self.mean_, full_matrices=False)
        self.components_ = components
        self.explained_variance_ = singular**2 / (len(x) - 1)
        total = self.explained_variance_.sum()
        self.explained_variance_ratio_ = (
            self.explained_variance_ / total if total > 0 else np.zeros_like(singular)
        )
        return self

    def transform(self, x, k: int | None = None) -> np.ndarray:
        """The first ``k`` learned coordinates of each row of ``x`` (all, without ``k``)."""
        return (np.asarray(x, dtype=float) - self.mean_) @ self.components_[:k].T

    def inverse_transform(self, coordinates) -> np.ndarray:
        """Pictures from learned coordinates (as many components as columns given)."""
        coordinates = np.atleast_2d(np.asarray(coordinates, dtype=float))
        return self.mean_ + coordinates @ self.components_[: coordinates.shape[1]]

    def reconstruct(self, x, k: int) -> np.ndarray:
        """Each row of ``x`` rebuilt from its first ``k`` coordinates."""
        return self.inverse_transform(self.transform(x, k))
