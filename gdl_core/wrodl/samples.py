"""New faces drawn from a model fitted to the 50 Wrodl faces, each judged copy or new (Rule 2:
a sample is a copy when all five features match some training face)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gdl_core.categorical import match_rows
from gdl_core.rng import Seed
from gdl_core.wrodl.data import EXAMPLE_ORDER, decode, face_tuples, training_codes
from gdl_core.wrodl.models import fit

__all__ = ["Samples", "draw"]


@dataclass(frozen=True, eq=False)
class Samples:
    """``codes`` (n, 5) drawn faces; ``copy_of`` for each the first training face it equals,
    −1 when it is new; ``faces`` each as its five values in FEATURES order; ``verdicts``
    "new" or "copy of #i"; ``table`` the samples numbered from 1 with their features (worked
    example's order) and verdicts."""

    codes: np.ndarray
    copy_of: np.ndarray
    faces: tuple[tuple[str, ...], ...]
    verdicts: tuple[str, ...]
    table: pd.DataFrame

    @property
    def n_new(self) -> int:
        """How many of the samples are new faces."""
        return int((self.copy_of < 0).sum())


def draw(model: type, alpha: float, n: int, seed: Seed) -> Samples:
    """``n`` :class:`Samples` from ``model`` (a class, e.g.
    :class:`~gdl_core.naive_bayes.CategoricalNB`) fitted to the 50 faces at ``alpha``."""
    codes = fit(model, alpha).sample(n, seed)
    copy_of = match_rows(codes, training_codes())
    for array in (codes, copy_of):
        array.flags.writeable = False
    verdicts = tuple("new" if i < 0 else f"copy of #{i}" for i in copy_of.tolist())
    table = decode(codes)[list(EXAMPLE_ORDER)].astype(str)
    table.insert(0, "sample", np.arange(1, len(table) + 1))
    table["copy or new"] = list(verdicts)
    return Samples(codes, copy_of, tuple(face_tuples(codes)), verdicts, table)
