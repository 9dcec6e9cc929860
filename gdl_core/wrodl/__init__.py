"""Planet Wrodl: 50 faces described by five categorical features, and what the chapter's two
models make of them.

- :mod:`~gdl_core.wrodl.data`          the faces, their vocabulary and integer codes
- :mod:`~gdl_core.wrodl.models`        both models fitted to the faces; how often they invent
- :mod:`~gdl_core.wrodl.counting`      the multinomial at one α (:func:`counting_report`)
- :mod:`~gdl_core.wrodl.independence`  Naive Bayes at one α (:func:`naive_bayes_report`)
- :mod:`~gdl_core.wrodl.calculator`    one face under both models (:func:`face_report`)
- :mod:`~gdl_core.wrodl.samples`       new faces from a model, copy or new (:func:`draw`)
- :mod:`~gdl_core.wrodl.figures`       the charts of the two Wrodl pages
- :mod:`~gdl_core.wrodl.text`          counts and estimates in words ("twice", "0.20")

The models themselves are the shared :class:`gdl_core.multinomial.JointMultinomial` and
:class:`gdl_core.naive_bayes.CategoricalNB`, the same ones Planet Pixel uses; a function that
needs one takes the class itself.
"""

from gdl_core.wrodl.data import (
    COMBINATION_1,
    COMBINATION_2,
    CSV_PATH,
    EXAMPLE_ORDER,
    FEATURES,
    N_COMBINATIONS,
    N_VALUES,
    TABLE_ORDER,
    all_combinations,
    combination_index,
    decode,
    describe,
    encode,
    face_tuples,
    load,
    training_codes,
    twins,
)

__all__ = [
    "COMBINATION_1",
    "COMBINATION_2",
    "CSV_PATH",
    "EXAMPLE_ORDER",
    "FEATURES",
    "N_COMBINATIONS",
    "N_VALUES",
    "TABLE_ORDER",
    "all_combinations",
    "combination_index",
    "decode",
    "describe",
    "encode",
    "face_tuples",
    "load",
    "training_codes",
    "twins",
]
