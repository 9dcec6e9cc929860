"""Halfway between two Wrodlers, two ways.

The five Wrodl features are a latent space made by hand, and :func:`gdl_core.avatars.render`
is its f. Averaging two faces' pixels gives a double exposure that no feature values could
draw; going halfway in feature space (some features from one face, the rest from the other)
and then drawing gives a whole, ordinary face.
"""

from __future__ import annotations

from collections.abc import Mapping

from PIL import Image

from gdl_core import avatars
from gdl_core.wrodl import FEATURES

__all__ = ["in_features", "in_pixels"]


def in_pixels(a: Mapping[str, str], b: Mapping[str, str], size: int) -> Image.Image:
    """The two faces drawn ``size`` px wide and averaged pixel by pixel (50 % each)."""
    return Image.blend(avatars.render(a, size), avatars.render(b, size), 0.5)


def in_features(a: Mapping[str, str], b: Mapping[str, str]) -> dict[str, str]:
    """A face halfway between ``a`` and ``b`` in feature space: the first half of the
    features (book order, rounded up) from ``a``, the rest from ``b``."""
    names = list(FEATURES)
    from_a = (len(names) + 1) // 2
    return {name: (a if i < from_a else b)[name] for i, name in enumerate(names)}
