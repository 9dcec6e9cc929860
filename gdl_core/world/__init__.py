"""The world-map example: points on land (``p_data``), a box (``p_model``), its likelihood,
the maximum-likelihood box, and the two rules a generated point is judged by.

- :mod:`~gdl_core.world.points`    coordinates and the map's extent
- :mod:`~gdl_core.world.land`      ``p_data``: the land raster and :func:`sample_land`
- :mod:`~gdl_core.world.box`       ``p_model``: :class:`Box`, its likelihood and :meth:`Box.fit`
- :mod:`~gdl_core.world.attempts`  boxes scored against the data: :class:`Training` (the
  points and their MLE), :class:`Score`, and :class:`Attempts` (every box a person tried)
- :mod:`~gdl_core.world.rules`     Rule 1 / Rule 2: :func:`judge`, :func:`judge_samples`,
  :func:`samples_table`
- :mod:`~gdl_core.world.figures`   the map and the chart of attempts, as plotly figures
- :mod:`~gdl_core.world.steps`     the example as five steps, and the hint for the next one
- :mod:`~gdl_core.world.upload`    a person's own points from a CSV (imported on its own: it
  needs :mod:`gdl_core.uploads`)
"""

from gdl_core.world.attempts import Attempts, Score, Training
from gdl_core.world.box import Box
from gdl_core.world.land import LAND_MASK_PATH, LandMask, land_mask, sample_land
from gdl_core.world.points import EXTENT
from gdl_core.world.rules import (
    EXAMPLE_LABELS,
    VERDICTS,
    JudgedSamples,
    examples,
    judge,
    judge_samples,
    nearest_distance,
    samples_table,
)

__all__ = [
    "EXAMPLE_LABELS",
    "EXTENT",
    "LAND_MASK_PATH",
    "VERDICTS",
    "Attempts",
    "Box",
    "JudgedSamples",
    "LandMask",
    "Score",
    "Training",
    "examples",
    "judge",
    "judge_samples",
    "land_mask",
    "nearest_distance",
    "sample_land",
    "samples_table",
]
