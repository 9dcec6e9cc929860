"""The full multinomial: one parameter for every combination of feature values.

With K features of L_1 … L_K values the sample space has d = Π_k L_k combinations
(4,032 for Wrodl, 256**1024 for Planet Pixel) and the model has d − 1 free parameters.
Combination j, seen n_j times among N observations, gets

    θ_j = (n_j + α) / (N + d α).

At α = 0 this is the maximum-likelihood estimate n_j / N, which gives every unseen
combination probability 0; any α > 0 gives all unseen combinations the same value
α / (N + d α).

Nothing here builds an array of d cells: only the seen combinations are stored, d is a
Python int, and probabilities are computed in log space, so Planet Pixel works too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from gdl_core.categorical import CategoricalModel, check_alpha, check_codes, match_rows
from gdl_core.rng import Seed, as_generator, check_count


class JointMultinomial(CategoricalModel):
    """One categorical distribution over whole combinations, with pseudocount α.

    Fitted attributes: ``seen_`` (u, K) the distinct combinations observed; ``counts_`` (u,)
    how often each was observed (n_j); ``alpha_`` the checked α; ``n_values_`` L_k;
    ``n_obs_`` N; ``d_`` Π L_k; ``n_params_`` d − 1.
    """

    def fit(self, codes: np.ndarray, n_values: int | Sequence[int]) -> JointMultinomial:
        """Count each distinct combination n_j. Returns ``self``."""
        self.alpha_ = check_alpha(self.alpha)
        codes, levels = check_codes(codes, n_values)
        if codes.shape[0] == 0:
            raise ValueError("the multinomial needs at least one observation to fit")
        self.n_values_ = levels
        self.n_obs_ = codes.shape[0]
        self.d_ = math.prod(int(n) for n in levels)
        self.n_params_ = self.d_ - 1
        self._training = codes
        self.seen_, self.counts_ = np.unique(codes, axis=0, return_counts=True)
        self.n_distinct_ = len(self.seen_)
        return self

    def _log_denominator(self) -> float:
        """log(N + d α), computed without turning the (maybe huge) d into a float."""
        if self.alpha_ == 0:
            return math.log(self.n_obs_)
        log_d_alpha = math.log(self.d_) + math.log(self.alpha_)
        return float(np.logaddexp(math.log(self.n_obs_), log_d_alpha))

    def count(self, codes: np.ndarray) -> np.ndarray:
        """n_j for each row of ``codes``: how often that combination was observed."""
        self._check_fitted()
        codes, _ = check_codes(codes, self.n_values_)
        seen = match_rows(codes, self.seen_)
        return np.where(seen >= 0, self.counts_[seen], 0).astype(float)

    def log_prob(self, codes: np.ndarray) -> np.ndarray:
        """log θ_j = log(n_j + α) − log(N + d α); −inf for unseen rows when α = 0."""
        with np.errstate(divide="ignore"):
            return np.log(self.count(codes) + self.alpha_) - self._log_denominator()

    def prob(self, codes: np.ndarray) -> np.ndarray:
        """θ_j = (n_j + α) / (N + d α) for each row (underflows to 0 when d is astronomical)."""
        return np.exp(self.log_prob(codes))

    def unseen_theta(self) -> float:
        """θ of each single unseen combination, α / (N + d α): the same for all of them."""
        self._check_fitted()
        if self.alpha_ == 0:
            return 0.0
        return math.exp(math.log(self.alpha_) - self._log_denominator())

    def unseen_mass(self) -> float:
        """Total probability of all unseen combinations: (d − u) α / (N + d α)."""
        self._check_fitted()
        n_unseen = self.d_ - self.n_distinct_
        if self.alpha_ == 0 or n_unseen == 0:
            return 0.0
        log_mass = math.log(n_unseen) + math.log(self.alpha_) - self._log_denominator()
        return math.exp(log_mass)

    def sample(self, n: int, seed: Seed) -> np.ndarray:
        """Draw ``n`` combinations exactly: (n, K) int codes.

        θ_j is a mixture: with weight N / (N + d α) copy a training row chosen uniformly
        (which picks combination j with chance n_j / N), otherwise draw every feature
        uniformly (chance 1 / d for each combination). The weights add to θ_j exactly.
        """
        self._check_fitted()
        n = check_count(n)
        rng = as_generator(seed)
        copy_weight = math.exp(math.log(self.n_obs_) - self._log_denominator())
        is_copy = rng.random(n) < copy_weight
        rows = self._training[rng.integers(self.n_obs_, size=n)]
        uniform = np.floor(rng.random((n, len(self.n_values_))) * self.n_values_).astype(np.int64)
        return np.where(is_copy[:, None], rows, uniform)
