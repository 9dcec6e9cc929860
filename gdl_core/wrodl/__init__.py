"""Planet Wrodl: 50 faces described by five categorical features, and their pictures.

- :mod:`~gdl_core.wrodl.data`     the faces, their vocabulary and integer codes
- :mod:`~gdl_core.wrodl.figures`  the charts of the two Wrodl pages

The models themselves are the shared :class:`gdl_core.multinomial.JointMultinomial` and
:class:`gdl_core.naive_bayes.CategoricalNB`, the same ones Planet Pixel uses.
"""

from gdl_core.wrodl.data import (
    COMBINATION_1,
    COMBINATION_2,
    CSV_PATH,
    FEATURES,
    N_COMBINATIONS,
    N_VALUES,
    all_combinations,
    combination_index,
    decode,
    encode,
    load,
)

__all__ = [
    "COMBINATION_1",
    "COMBINATION_2",
    "CSV_PATH",
    "FEATURES",
    "N_COMBINATIONS",
    "N_VALUES",
    "all_combinations",
    "combination_index",
    "decode",
    "encode",
    "load",
]
