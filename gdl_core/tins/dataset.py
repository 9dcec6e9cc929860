"""The training set of the tins page: tins whose (height, width) are drawn uniformly from a
region of the latent plane, and their pictures from f."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdl_core.rng import Seed, as_generator, check_count
from gdl_core.tins.decoder import draw_many

__all__ = ["TRAINING_HEIGHTS", "TRAINING_WIDTHS", "Tins", "training_tins"]

#: The region the training tins come from (cm): taller than wide, mostly.
TRAINING_HEIGHTS = (5.0, 13.0)
TRAINING_WIDTHS = (4.0, 11.0)


@dataclass(frozen=True, eq=False)
class Tins:
    """Tins as latent points ``z`` (n, 2: height, width in cm) and ``pictures`` (n, 32, 32)."""

    z: np.ndarray
    pictures: np.ndarray

    @property
    def pixels(self) -> np.ndarray:
        """One row of 1,024 pixel values per tin (rows of the picture, top to bottom)."""
        return self.pictures.reshape(len(self.pictures), -1)


def training_tins(n: int = 60, seed: Seed = 0) -> Tins:
    """``n`` tins with height and width uniform over the training region, drawn by f."""
    rng = as_generator(seed)
    n = check_count(n)
    z = np.column_stack([rng.uniform(*TRAINING_HEIGHTS, n), rng.uniform(*TRAINING_WIDTHS, n)])
    return Tins(z, draw_many(z))
