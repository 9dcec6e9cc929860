"""The probability of one face under both models at one pseudocount α: the chapter's worked
example, p(x) = Π_k θ̂_k[x_k] for Naive Bayes against θ̂_j = (n_j + α) / (N + d α) for the
multinomial, for any face.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.numbers import format_prob
from gdl_core.wrodl.data import COMBINATION_1, COMBINATION_2, EXAMPLE_ORDER, FEATURES, encode
from gdl_core.wrodl.models import fit
from gdl_core.wrodl.text import theta_text

__all__ = ["FaceReport", "FaceScore", "face_report", "score_face"]


@dataclass(frozen=True)
class FaceScore:
    """One face under both models.

    ``factors`` are the five θ̂_k[x_k] that Naive Bayes multiplies and ``value_counts`` the
    matching n_k[x_k], both in the worked example's order (:data:`EXAMPLE_ORDER`);
    ``naive_bayes`` is their product p(x), ``product`` that product written out ("0.46 × 0.16
    × 0.44 × 0.38 × 0.44 = 0.0054", each factor as :func:`~gdl_core.wrodl.text.theta_text`
    writes it, so "0.20" rather than "0.2" without a pseudocount); ``times_seen`` is n_j and
    ``multinomial`` θ̂_j.
    """

    face: Mapping[str, str]
    factors: tuple[float, ...]
    value_counts: tuple[int, ...]
    naive_bayes: float
    product: str
    times_seen: int
    multinomial: float


def score_face(
    naive_bayes: CategoricalNB, multinomial: JointMultinomial, face: Mapping[str, str]
) -> FaceScore:
    """The :class:`FaceScore` of ``face`` (feature -> value) under two fitted Wrodl models."""
    codes = encode(face)
    order = [list(FEATURES).index(feature) for feature in EXAMPLE_ORDER]
    factors = naive_bayes.factors(codes)[0, order].tolist()
    counts = naive_bayes.counts_[order, codes[0, order]].astype(int).tolist()
    p = float(naive_bayes.prob(codes)[0])
    return FaceScore(
        face=dict(face),
        factors=tuple(factors),
        value_counts=tuple(counts),
        naive_bayes=p,
        product=" × ".join(theta_text(f) for f in factors) + f" = {format_prob(p, 2)}",
        times_seen=int(multinomial.count(codes)[0]),
        multinomial=float(multinomial.prob(codes)[0]),
    )


@dataclass(frozen=True, eq=False)
class FaceReport:
    """A chosen face at pseudocount ``alpha``: its :class:`FaceScore` and ``comparison``, a
    table of combination 1, combination 2 and the chosen face under both models: how often
    each occurs, its Naive Bayes p(x) written out and its multinomial θ̂ (four short
    columns, so it fits a phone)."""

    alpha: float
    score: FaceScore
    comparison: pd.DataFrame


def face_report(alpha: float, face: Mapping[str, str]) -> FaceReport:
    """The :class:`FaceReport` of ``face`` (feature -> value) with both models fitted to the
    50 faces at ``alpha``."""
    naive_bayes, multinomial = fit(CategoricalNB, alpha), fit(JointMultinomial, alpha)
    rows = {name: score_face(naive_bayes, multinomial, chosen) for name, chosen in (
        ("combination 1", COMBINATION_1), ("combination 2", COMBINATION_2), ("your face", face),
    )}
    comparison = pd.DataFrame([
        {
            "face": name,
            "times in the data": score.times_seen,
            "Naive Bayes p(x)": score.product,
            "multinomial θ̂": format_prob(score.multinomial, 4),
        }
        for name, score in rows.items()
    ])
    return FaceReport(naive_bayes.alpha_, rows["your face"], comparison)
