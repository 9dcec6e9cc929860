"""The biscuit tins of the chapter's last section: a map f from two latent numbers (height,
width) to a picture, a training set drawn by it, and what a model can learn from the
pictures alone.

- :mod:`~gdl_core.tins.decoder`: f itself.
- :mod:`~gdl_core.tins.dataset`: the training tins.
- :mod:`~gdl_core.tins.comparison`: Naive Bayes on pixels against a Gaussian on z, measured.
- :mod:`~gdl_core.tins.pca`: directions of variation learned from the pixels.
- :mod:`~gdl_core.tins.figures`: the latent plane and the learned coordinates.
"""

from gdl_core.tins.comparison import Gaussian, Samples, latent_samples, pixel_samples
from gdl_core.tins.dataset import Tins, training_tins
from gdl_core.tins.decoder import HEIGHT_RANGE, SIZE, WIDTH_RANGE, draw, draw_many
from gdl_core.tins.pca import PCA

__all__ = [
    "HEIGHT_RANGE", "PCA", "SIZE", "WIDTH_RANGE", "Gaussian", "Samples", "Tins", "draw",
    "draw_many", "latent_samples", "pixel_samples", "training_tins",
]
