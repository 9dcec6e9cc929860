"""Planet Pixel: the Wrodl faces as 32 × 32 pictures on one 256-colour palette, and what
pixel-wise Naive Bayes makes of them.

- :mod:`~gdl_core.pixels.encoding`    faces → rows of palette indices, and back to pictures
- :mod:`~gdl_core.pixels.training`    the training set, the held-out faces, Table 1-3
- :mod:`~gdl_core.pixels.measures`    distances, likelihoods, entropy, neighbour correlation
- :mod:`~gdl_core.pixels.experiment`  the whole experiment, as one report per input
- :mod:`~gdl_core.pixels.figures`     the page's pictures and charts
- :mod:`~gdl_core.pixels.upload`      uploaded pictures (or a zip) read safely → faces, one palette
"""

from gdl_core.pixels.encoding import (
    BACKGROUND_RGB,
    MAX_SIZE,
    N_COLORS,
    N_PIXELS,
    SIZE,
    make_dataset,
    palette,
    pixel_index,
    to_image,
)

__all__ = [
    "BACKGROUND_RGB",
    "MAX_SIZE",
    "N_COLORS",
    "N_PIXELS",
    "SIZE",
    "make_dataset",
    "palette",
    "pixel_index",
    "to_image",
]
