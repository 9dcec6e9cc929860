"""The biscuit tins' map f: two latent numbers (height and width, in cm) to a 32 × 32
grayscale picture of a tin.

f is deterministic and smooth: every edge is drawn with its exact pixel coverage (a pixel
half covered by the tin is half tin, half background), so a small change of z makes a small
change of the picture. Values run from 0 (black) to 1 (white).

The tin stands on the bottom of the picture, centred, ``PX_PER_CM`` pixels to the cm: a
body shaded like a cylinder (lighter in the middle) under a darker lid, slightly wider
than the body, whose depth grows with the tin's height.
"""

from __future__ import annotations

import numpy as np

__all__ = ["HEIGHT_RANGE", "PX_PER_CM", "SIZE", "WIDTH_RANGE", "draw", "draw_many"]

SIZE = 32
PX_PER_CM = 2.0
#: The heights and widths f can draw (cm): the whole tin, lid included, fits the picture.
HEIGHT_RANGE = (2.0, 14.0)
WIDTH_RANGE = (2.0, 14.0)
BACKGROUND = 0.96
LID = 0.18
BODY_EDGE, BODY_MIDDLE = 0.30, 0.72  # the body's shade at its sides and down its middle
LID_DEPTH = 0.15  # the lid's depth as a share of the tin's height
LID_OVERHANG = 0.75  # px the lid sticks out on each side
FLOOR = SIZE - 2.0  # the row the tin stands on (px from the top)


def _coverage(start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """How much of each pixel cell [i, i + 1) the interval [start, stop) covers: (m, SIZE)."""
    cells = np.arange(SIZE, dtype=float)
    lo = np.maximum(cells, start[:, None])
    hi = np.minimum(cells + 1.0, stop[:, None])
    return np.clip(hi - lo, 0.0, 1.0)


def _check(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    if z.ndim != 2 or z.shape[1] != 2:
        raise ValueError(f"z must be pairs (height, width), shape (n, 2); got shape {z.shape}")
    for column, name, (lo, hi) in ((0, "height", HEIGHT_RANGE), (1, "width", WIDTH_RANGE)):
        values = z[:, column]
        if not np.all(np.isfinite(values)) or values.min(initial=lo) < lo or \
                values.max(initial=hi) > hi:
            raise ValueError(
                f"Every {name} must be a number from {lo:g} to {hi:g} cm "
                f"(the tins f can draw); got {values.min():g} to {values.max():g}"
            )
    return z


def draw_many(z) -> np.ndarray:
    """f for many latent points: ``z`` is (n, 2) pairs (height, width) in cm; the pictures
    come back as an (n, SIZE, SIZE) float array in [0, 1]."""
    z = _check(z)
    height_px, width_px = z[:, 0] * PX_PER_CM, z[:, 1] * PX_PER_CM
    centre = SIZE / 2
    left, right = centre - width_px / 2, centre + width_px / 2
    top = FLOOR - height_px
    lid_bottom = top + np.maximum(LID_DEPTH * height_px, 1.0)

    body_rows = _coverage(top, np.full_like(top, FLOOR))
    body_cols = _coverage(left, right)
    # Cylinder shading: each column's shade from where its centre sits across the body.
    across = np.clip((np.arange(SIZE) + 0.5 - left[:, None]) / width_px[:, None], 0.0, 1.0)
    shade = BODY_EDGE + (BODY_MIDDLE - BODY_EDGE) * np.sin(np.pi * across)
    lid_rows = _coverage(top - 0.5, lid_bottom)
    lid_cols = _coverage(left - LID_OVERHANG, right + LID_OVERHANG)

    body = body_rows[:, :, None] * body_cols[:, None, :]
    lid = lid_rows[:, :, None] * lid_cols[:, None, :]
    picture = BACKGROUND * (1.0 - body) + shade[:, None, :] * body
    return picture * (1.0 - lid) + LID * lid


def draw(height: float, width: float) -> np.ndarray:
    """f(height, width): one tin as a (SIZE, SIZE) float array in [0, 1] (0 is black)."""
    return draw_many([[height, width]])[0]
