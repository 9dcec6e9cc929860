"""Planet Pixel: the Wrodl faces as 32 × 32 pictures on one 256-colour palette, and what
pixel-wise Naive Bayes makes of them.

- :mod:`~gdl_core.pixels.encoding`  faces → rows of palette indices, and back to pictures
- :mod:`~gdl_core.pixels.analysis`  the training set and the measures of the samples
- :mod:`~gdl_core.pixels.figures`   the page's pictures and charts
"""

from gdl_core.pixels.encoding import (
    BACKGROUND_RGB,
    MAX_SIZE,
    N_COLORS,
    make_dataset,
    palette,
    render_rgb,
    to_image,
)

__all__ = [
    "BACKGROUND_RGB",
    "MAX_SIZE",
    "N_COLORS",
    "make_dataset",
    "palette",
    "render_rgb",
    "to_image",
]
