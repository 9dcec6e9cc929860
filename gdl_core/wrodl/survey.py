"""The two Planet Wrodl pages on any table of categories: a student's own survey, as a
:class:`~gdl_core.uploads.CategoricalDataset`, under the chapter's two models.

With K features of L_k values each and N rows, the full multinomial gives combination j,
seen n_j times, θ̂_j = (n_j + α) / (N + d α) with d = Π L_k; Naive Bayes gives value l of
feature k θ̂_kl = (n_kl + α) / (N + L_k α) and a row x the product p(x) = Π_k θ̂_{k, x_k}.

- :func:`survey_basis`: what does not depend on α (the combinations counted, the axes that
  keep still while α moves, how often each model invents a row at every α).
- :func:`survey_counting` / :func:`survey_naive_bayes`: what each page shows at one α.
- :func:`score_row`: one row under both models (the calculator).
- :func:`draw_samples`: rows drawn from a model, each judged a copy of a row of the data or
  new.

Every value of the file is text that a chart or a table shows: figures get it through
:func:`plot_text` (plotly reads a few HTML tags in labels; an escaped tag is shown as the
characters it is), a table for ``st.table`` through :func:`table_text` (Streamlit renders
Markdown in its cells and headers: links, pictures fetched from anywhere, LaTeX). The
tables the functions here return keep the values as they are, for ``st.dataframe`` and CSV.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from gdl_core import novelty
from gdl_core.categorical import PSEUDOCOUNTS, match_rows
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.numbers import format_prob
from gdl_core.rng import Seed
from gdl_core.uploads import CategoricalDataset
from gdl_core.wrodl import figures
from gdl_core.wrodl.calculator import FaceScore
from gdl_core.wrodl.independence import parameter_table
from gdl_core.wrodl.samples import Samples
from gdl_core.wrodl.text import theta_text

__all__ = [
    "MAX_DRAWN",
    "SurveyBasis",
    "SurveyCounting",
    "SurveyNaiveBayes",
    "all_combinations",
    "draw_samples",
    "free_name",
    "plot_text",
    "score_row",
    "survey_basis",
    "survey_counting",
    "survey_naive_bayes",
    "table_text",
    "value_label",
]

#: Most combinations drawn one dot each in the comparison chart (the built-in data has
#: 4,032): more would make a chart of several megabytes that a phone draws slowly.
MAX_DRAWN = 10_000
#: Samples drawn at each α for the novelty chart's dots.
NOVELTY_DRAWS = 1_000


def value_label(value: str) -> str:
    """A value as a page shows it: an empty cell as "(empty)"."""
    return value if value else "(empty)"


def plot_text(text: object) -> str:
    """Text for a plotly label: ``<``, ``>`` and ``&`` escaped, so a value such as
    ``<b>x</b>`` or ``<a href=…>`` is shown as those characters, not as bold or a link."""
    return html.escape(str(text), quote=False)


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


#: Where a web address or an e-mail address would start: after ":" or "@", and in "www.".
_LINK_START = re.compile(r"(?<=[:@])|(?<=www)(?=\.)", re.IGNORECASE)
#: U+2060 WORD JOINER: invisible, and no character of an address.
WORD_JOINER = "\u2060"


#: A zero-width space: where a column name may break (after "_"), invisible otherwise.
NAME_BREAK = "\u200b"


def table_text(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with a backslash before every ASCII punctuation mark in its text cells and
    column names: Markdown (as ``st.table`` renders it) then shows ``**x**``, ``[x](…)``,
    ``![x](http://…)``, ``<b>``, ``$x$`` or ``1.`` as the characters they are. Streamlit
    also turns bare addresses (``http://…``, ``www.…``, ``a@b.c``) into links after the
    escapes are read, so an invisible :data:`WORD_JOINER` follows every ":" and "@" and
    splits "www." (copied text keeps it; CSV files are written from the table itself). In
    column names a zero-width space follows every "_", so that a narrow column breaks
    ``favourite_season`` there rather than inside a word."""
    def plain(value):
        if not isinstance(value, str):
            return value
        return _PUNCTUATION.sub(r"\\\1", _LINK_START.sub(WORD_JOINER, value))

    shown = table.map(plain)
    shown.columns = [plain(str(name)).replace("_", "_" + NAME_BREAK) for name in table.columns]
    return shown


def free_name(name: str, taken: Sequence[str]) -> str:
    """``name``, with "_" added until it differs (ignoring case) from every name in
    ``taken``: a column the page adds ("n", "sample") never clashes with a feature."""
    used = {str(t).casefold() for t in taken}
    while name.casefold() in used:
        name += "_"
    return name


def all_combinations(n_values: Sequence[int]) -> np.ndarray:
    """Every combination as codes, (Π L_k, K), the last feature changing fastest."""
    return np.indices(tuple(n_values)).reshape(len(n_values), -1).T.astype(np.int64)


def _decades(low: float, high: float) -> tuple[float, float]:
    return 10.0 ** math.floor(math.log10(low)), 10.0 ** math.ceil(math.log10(high))


_FACE_WORDS = re.compile(r"\bface(s?)\b")


def _of_combinations(figure: go.Figure) -> go.Figure:
    """A Wrodl figure's words about "faces" said of "combinations" (a survey has rows, not
    faces): axis titles and ticks, annotations, trace names and hover templates."""
    def say(text):
        return _FACE_WORDS.sub(r"combination\1", text) if isinstance(text, str) else text

    for axis in (figure.layout.xaxis, figure.layout.yaxis):
        if axis.title.text:
            axis.title.text = say(axis.title.text)
        if axis.ticktext:
            axis.ticktext = [say(t) for t in axis.ticktext]
    for note in figure.layout.annotations:
        note.text = say(note.text)
    for trace in figure.data:
        trace.name = say(trace.name)
        if getattr(trace, "hovertemplate", None):
            trace.hovertemplate = say(trace.hovertemplate)
    return figure


@dataclass(frozen=True, eq=False)
class SurveyBasis:
    """What the pages show of ``dataset`` at every α.

    ``combinations`` each different row of the data once, most frequent first, with its
    count n (a DataFrame: one column a feature, then "n"); ``seen`` their codes and
    ``seen_counts`` their n, in the same order; ``theta_range`` the decades holding every
    non-zero θ̂ of the multinomial, and ``prob_range`` those of both models, at any
    α of :data:`PSEUDOCOUNTS`; ``alphas``, ``expected_new`` and ``observed_new`` the chance
    that a multinomial sample is new at each α, and the share of new ones among
    :data:`NOVELTY_DRAWS` draws.
    """

    dataset: CategoricalDataset
    combinations: pd.DataFrame
    seen: np.ndarray
    seen_counts: np.ndarray
    theta_range: tuple[float, float]
    prob_range: tuple[float, float]
    alphas: tuple[float, ...]
    expected_new: np.ndarray
    observed_new: np.ndarray


def survey_basis(dataset: CategoricalDataset, alphas: Sequence[float] = PSEUDOCOUNTS,
                 seed: Seed = 0) -> SurveyBasis:
    """The :class:`SurveyBasis` of ``dataset``."""
    codes, n_values = dataset.codes, dataset.n_values
    seen, counts = np.unique(codes, axis=0, return_counts=True)
    order = np.lexsort((*seen.T[::-1], -counts))  # most frequent first, then in code order
    seen, counts = seen[order], counts[order]
    table = dataset.decode(seen)
    table[free_name("n", dataset.features)] = counts
    theta_low, theta_high, log_low, log_high = math.inf, 0.0, math.inf, -math.inf
    for alpha in alphas:
        multinomial = JointMultinomial(alpha).fit(codes, n_values)
        theta = multinomial.prob(seen)
        floor = multinomial.unseen_theta() if multinomial.n_distinct_ < multinomial.d_ else 0
        theta_low = min(theta_low, float(theta.min()), *([floor] if floor > 0 else []))
        theta_high = max(theta_high, float(theta.max()))
        nb = CategoricalNB(alpha).fit(codes, n_values)
        # Naive Bayes' extremes: each feature's smallest (non-zero) or largest θ̂, multiplied.
        with np.errstate(divide="ignore"):
            logs = np.where(nb.theta_ > 0, np.log10(np.where(nb.theta_ > 0, nb.theta_, 1)),
                            np.inf)
        log_low = min(log_low, float(logs.min(axis=1).sum()))
        log_high = max(log_high, float(np.log10(nb.theta_.max(axis=1)).sum()))
    prob_low = min(theta_low, 10.0 ** log_low)
    prob_high = max(theta_high, 10.0 ** log_high)
    expected = novelty.novelty_curve(JointMultinomial, codes, n_values, alphas)
    observed = novelty.sampled_novelty(JointMultinomial, codes, n_values, alphas,
                                       NOVELTY_DRAWS, seed)
    for array in (seen, counts, expected, observed):
        array.flags.writeable = False
    return SurveyBasis(
        dataset=dataset, combinations=table, seen=seen, seen_counts=counts,
        theta_range=_decades(theta_low, theta_high), prob_range=_decades(prob_low, prob_high),
        alphas=tuple(alphas), expected_new=expected, observed_new=observed,
    )


def _values_text(dataset: CategoricalDataset, codes: np.ndarray) -> str:
    """One combination as its values, comma-separated (empty cells as "(empty)")."""
    return ", ".join(value_label(values[c])
                     for values, c in zip(dataset.values, codes.tolist(), strict=True))


@dataclass(frozen=True, eq=False)
class SurveyCounting:
    """The multinomial fitted to a survey at pseudocount ``alpha``.

    ``n_obs`` N, ``d`` Π L_k (``sizes`` "4 × 3 × 5"), ``n_distinct`` the different rows,
    ``n_params`` d − 1; ``top`` θ̂ of the most frequent combination, seen ``top_count``
    times; ``unseen_theta`` α / (N + d α), the θ̂ every unseen combination shares, and
    ``unseen_mass`` their total, the chance a sample is new. ``contrast`` compares two
    combinations of the same multinomial θ̂ under both models: the one made of each
    feature's rarest value and the unseen one Naive Bayes finds most likely (columns
    "combination", "values", "times in the data", "multinomial θ̂", "Naive Bayes p(x)").
    ``sorted_theta`` draws all d θ̂ by rank; ``novelty`` the chance of a new sample at each α.
    """

    alpha: float
    n_obs: int
    d: int
    sizes: str
    n_distinct: int
    n_params: int
    top: float
    top_count: int
    unseen_theta: float
    unseen_mass: float
    contrast: pd.DataFrame
    sorted_theta: go.Figure
    novelty: go.Figure

    @property
    def n_unseen(self) -> int:
        """How many of the d combinations never occur in the data."""
        return self.d - self.n_distinct


def _rarest(nb: CategoricalNB, n_values: Sequence[int]) -> np.ndarray:
    """Each feature's least frequent value (the first of equals), as one row of codes."""
    counts = np.where(np.arange(nb.counts_.shape[1]) < np.asarray(n_values)[:, None],
                      nb.counts_, np.inf)
    return counts.argmin(axis=1)[None, :]


def survey_counting(basis: SurveyBasis, alpha: float) -> SurveyCounting:
    """The :class:`SurveyCounting` of ``basis``'s dataset at ``alpha``."""
    dataset = basis.dataset
    codes, n_values = dataset.codes, dataset.n_values
    multinomial = JointMultinomial(alpha).fit(codes, n_values)
    nb = CategoricalNB(alpha).fit(codes, n_values)
    seen_theta = multinomial.prob(basis.seen)
    d, u = multinomial.d_, multinomial.n_distinct_
    # All d θ̂ without listing the combinations: the seen ones, then d − u equal floors.
    theta = np.concatenate([seen_theta, np.full(d - u, multinomial.unseen_theta())])
    counts = np.concatenate([basis.seen_counts, np.zeros(d - u, dtype=np.int64)])
    contrasts = [("each feature's rarest value", _rarest(nb, n_values))]
    if u < d:
        every = all_combinations(n_values)
        unseen = multinomial.count(every) == 0
        log_p = np.where(unseen, nb.log_prob(every), -np.inf)
        contrasts.append(("the likeliest unseen under Naive Bayes",
                          every[[int(np.argmax(log_p))]]))
    contrast = pd.DataFrame([{
        "combination": name,
        "values": _values_text(dataset, row[0]),
        "times in the data": int(multinomial.count(row)[0]),
        "multinomial θ̂": format_prob(float(multinomial.prob(row)[0]), 4),
        "Naive Bayes p(x)": format_prob(float(nb.prob(row)[0]), 4),
    } for name, row in contrasts])
    top = float(seen_theta[0])
    return SurveyCounting(
        alpha=multinomial.alpha_, n_obs=multinomial.n_obs_, d=d,
        sizes=" × ".join(str(n) for n in n_values), n_distinct=u,
        n_params=multinomial.n_params_, top=top, top_count=int(basis.seen_counts[0]),
        unseen_theta=multinomial.unseen_theta(), unseen_mass=multinomial.unseen_mass(),
        contrast=contrast,
        sorted_theta=_of_combinations(figures.sorted_theta_figure(
            theta, counts, y_range=basis.theta_range, marks={"most frequent": top},
        )),
        novelty=_of_combinations(figures.novelty_figure(
            basis.alphas, basis.expected_new, observed=basis.observed_new,
            current=multinomial.alpha_, n_observed=NOVELTY_DRAWS,
        )),
    )


@dataclass(frozen=True, eq=False)
class SurveyNaiveBayes:
    """Naive Bayes fitted to a survey at pseudocount ``alpha``.

    ``n_theta`` Σ L_k, ``n_params`` Σ (L_k − 1), written out in ``parameter_terms``;
    ``multinomial_n_params`` d − 1. ``tables`` each feature's values with n and θ̂ (the
    survey's Table 1-2; keys are the features), ``bars`` / ``bars_narrow`` the same as bar
    charts for a wide screen and a phone; ``never_seen`` the (feature, value) pairs with
    n = 0; ``chance_new`` 1 − Σ p(x) over the different rows of the data; ``n_impossible``
    how many of the d combinations get p(x) = 0; ``comparison`` both models on every
    combination (``None`` past :data:`MAX_DRAWN` combinations).
    """

    alpha: float
    n_theta: int
    n_params: int
    parameter_terms: str
    multinomial_n_params: int
    tables: dict[str, pd.DataFrame]
    bars: go.Figure
    bars_narrow: go.Figure
    never_seen: tuple[tuple[str, str], ...]
    chance_new: float
    n_impossible: int
    comparison: go.Figure | None


def _feature_table(nb: CategoricalNB, dataset: CategoricalDataset, k: int) -> pd.DataFrame:
    """Feature k's values with n and θ̂ (:func:`~gdl_core.wrodl.independence.
    parameter_table`), the value column named after the feature (with "_" added should
    that be "n" or "θ̂")."""
    placeholders = {f"feature {i}": tuple(value_label(v) for v in values)
                    for i, values in enumerate(dataset.values)}
    table = parameter_table(nb, placeholders, f"feature {k}")
    return table.rename(columns={f"feature {k}": free_name(dataset.features[k], ("n", "θ̂"))})


def survey_naive_bayes(basis: SurveyBasis, alpha: float) -> SurveyNaiveBayes:
    """The :class:`SurveyNaiveBayes` of ``basis``'s dataset at ``alpha``."""
    dataset = basis.dataset
    codes, n_values = dataset.codes, dataset.n_values
    nb = CategoricalNB(alpha).fit(codes, n_values)
    multinomial = JointMultinomial(alpha).fit(codes, n_values)
    possible = (nb.theta_ > 0).sum(axis=1)
    n_impossible = multinomial.d_ - math.prod(int(p) for p in possible)
    shown = {plot_text(f): tuple(plot_text(value_label(v)) for v in values)
             for f, values in dataset.vocabulary.items()}
    comparison = None
    if multinomial.d_ <= MAX_DRAWN:
        every = all_combinations(n_values)
        comparison = _of_combinations(figures.comparison_figure(
            multinomial.prob(every), nb.prob(every), multinomial.count(every),
            labels=[plot_text(_values_text(dataset, row)) for row in every],
            marks={"most frequent": int(np.ravel_multi_index(basis.seen[0], n_values))},
            y_range=basis.prob_range,
        ))
        # Shorter than "how often a combination occurs in the data": it fits a phone.
        comparison.layout.xaxis.title.text = "how often a combination occurs"
    return SurveyNaiveBayes(
        alpha=nb.alpha_,
        n_theta=int(nb.n_values_.sum()),
        n_params=nb.n_params_,
        parameter_terms=" + ".join(f"({n} − 1)" for n in n_values),
        multinomial_n_params=multinomial.n_params_,
        tables={f: _feature_table(nb, dataset, k) for k, f in enumerate(dataset.features)},
        bars=figures.naive_bayes_figure(nb, shown),
        bars_narrow=figures.naive_bayes_figure(nb, shown, columns=1, label_room=1.1,
                                               bar_px=30),
        never_seen=tuple(
            (f, v) for k, (f, values) in enumerate(dataset.vocabulary.items())
            for v, n in zip(values, nb.counts_[k], strict=False) if n == 0
        ),
        chance_new=1.0 - novelty.copy_chance(nb, codes),
        n_impossible=n_impossible,
        comparison=comparison,
    )


def score_row(dataset: CategoricalDataset, alpha: float, row: Sequence[int]) -> FaceScore:
    """One combination (``row``: a code per feature) under both models fitted to
    ``dataset`` at ``alpha``, as a :class:`~gdl_core.wrodl.calculator.FaceScore` in the
    dataset's order of features: Naive Bayes' factors θ̂_{k, x_k}, their counts n_{k, x_k},
    their product p(x) written out, and the multinomial's n_j and θ̂_j."""
    codes = np.asarray(row, dtype=np.int64)[None, :]
    nb = CategoricalNB(alpha).fit(dataset.codes, dataset.n_values)
    multinomial = JointMultinomial(alpha).fit(dataset.codes, dataset.n_values)
    factors = nb.factors(codes)[0].tolist()
    p = float(nb.prob(codes)[0])
    return FaceScore(
        face={f: dataset.values[k][c] for k, (f, c) in
              enumerate(zip(dataset.features, codes[0].tolist(), strict=True))},
        factors=tuple(factors),
        value_counts=tuple(int(nb.counts_[k, c]) for k, c in enumerate(codes[0].tolist())),
        naive_bayes=p,
        product=" × ".join(theta_text(f) for f in factors) + f" = {format_prob(p, 2)}",
        times_seen=int(multinomial.count(codes)[0]),
        multinomial=float(multinomial.prob(codes)[0]),
    )


def draw_samples(dataset: CategoricalDataset, model: type, alpha: float, n: int,
                 seed: Seed) -> Samples:
    """``n`` rows drawn from ``model`` (a class) fitted to ``dataset`` at ``alpha``, each a
    copy of a row of the data (the first such row, by its number in the file) or new.

    ``faces`` holds each sample's values in the dataset's order of features (for a Wrodl
    table, the key of its avatar); ``table`` numbers the samples from 1, then the features,
    then the verdict.
    """
    codes = model(alpha).fit(dataset.codes, dataset.n_values).sample(n, seed)
    copy_of = match_rows(codes, dataset.codes)
    for array in (codes, copy_of):
        array.flags.writeable = False
    verdicts = tuple("new" if i < 0 else f"copy of row {dataset.rows[i]}"
                     for i in copy_of.tolist())
    table = dataset.decode(codes)
    table.insert(0, free_name("sample", dataset.features), np.arange(1, n + 1))
    table[free_name("copy or new", dataset.features)] = list(verdicts)
    faces = tuple(tuple(values[c] for values, c in zip(dataset.values, row, strict=True))
                  for row in codes.tolist())
    return Samples(codes, copy_of, faces, verdicts, table)
