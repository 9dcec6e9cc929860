"""A table as categorical features: :func:`categorical_dataset` turns every column into
integer codes (a :class:`CategoricalDataset`) for the Counting and Naive Bayes pages
(:class:`~gdl_core.naive_bayes.CategoricalNB`, :class:`~gdl_core.multinomial.JointMultinomial`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gdl_core.numbers import plural
from gdl_core.uploads.cells import PLAIN_NUMBER, column_text, row_label
from gdl_core.uploads.messages import UploadError, inline_code

__all__ = ["MAX_CATEGORIES", "MAX_COMBINATIONS", "CategoricalDataset", "categorical_dataset"]

#: Most different values in one column: the Naive Bayes page draws one bar per value, and a
#: column with more different values is nearly always an id, a name or a free-text answer,
#: where every value is seen once or twice and counting teaches nothing.
MAX_CATEGORIES = 50
#: Most combinations Π L_k (4,032 for Wrodl): the two pages list every combination, so the
#: code table is at most 100,000 × 20 int64 = 16 MB.
MAX_COMBINATIONS = 100_000

_ID_NAME = re.compile(r"(?:id|index|row|#|unnamed: ?\d+|.*[ _-]id)", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class CategoricalDataset:
    """A table as categorical features: what :class:`~gdl_core.naive_bayes.CategoricalNB`
    and :class:`~gdl_core.multinomial.JointMultinomial` fit directly::

        model = CategoricalNB(alpha).fit(dataset.codes, dataset.n_values)

    ``features`` the column names (K); ``values[k]`` feature k's values, the code of a value
    being its position there; ``codes`` the (N, K) int64 code table (read-only), so that
    ``values[k][codes[i, k]]`` is row i's value of feature k; ``rows`` each row's number in
    the file; ``dropped`` the identifier columns left out (see :func:`categorical_dataset`);
    ``is_wrodl`` whether the features are exactly the five Wrodl features with Wrodl values,
    so that faces can be drawn (then ``features`` is ``wrodl.FEATURES``'s order,
    ``values`` its full vocabulary and ``codes`` equal ``wrodl.encode`` of the table);
    ``notes`` sentences a page may show (why a Wrodl-like table is not drawn as faces).
    An empty value is the value ``""``: a page should show it as "(empty)".
    """

    features: tuple[str, ...]
    values: tuple[tuple[str, ...], ...]
    codes: np.ndarray
    rows: tuple[int, ...]
    is_wrodl: bool
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (f"CategoricalDataset(n_obs={self.n_obs}, features={self.features!r}, "
                f"n_values={self.n_values}, is_wrodl={self.is_wrodl}, dropped={self.dropped!r})")

    @property
    def n_values(self) -> tuple[int, ...]:
        """L_k, the number of values of each feature: the models' ``n_values``."""
        return tuple(len(values) for values in self.values)

    @property
    def n_obs(self) -> int:
        """N, the number of rows."""
        return int(self.codes.shape[0])

    @property
    def n_combinations(self) -> int:
        """d = Π L_k, the number of possible combinations."""
        return math.prod(self.n_values)

    @property
    def vocabulary(self) -> dict[str, tuple[str, ...]]:
        """Feature → its values, shaped like ``wrodl.FEATURES``."""
        return dict(zip(self.features, self.values, strict=True))

    def decode(self, codes: np.ndarray) -> pd.DataFrame:
        """Rows of codes (a model's samples) as a DataFrame of values, one column a feature."""
        codes = np.asarray(codes)
        if codes.ndim != 2 or codes.shape[1] != len(self.features):
            raise ValueError(
                f"codes must be a table with {len(self.features)} columns (one per feature), "
                f"got shape {codes.shape}"
            )
        return pd.DataFrame({
            feature: np.asarray(values, dtype=object)[codes[:, k]] if len(codes) else []
            for k, (feature, values) in enumerate(self.vocabulary.items())
        }, dtype=object)


def _sorted_values(values: set[str]) -> tuple[str, ...]:
    """The values in order: "" first; numerically if every other value is a plain number
    ("2" before "10"), otherwise alphabetically ignoring case."""
    filled = [value for value in values if value]
    if filled and all(PLAIN_NUMBER.fullmatch(value) for value in filled):
        ordered = sorted(filled, key=lambda value: (float(value), value))
    else:
        ordered = sorted(filled, key=lambda value: (value.casefold(), value))
    return ("",) * ("" in values) + tuple(ordered)


def categorical_dataset(
    table: pd.DataFrame,
    *,
    max_categories_per_column: int = MAX_CATEGORIES,
    max_combinations: int | None = MAX_COMBINATIONS,
) -> CategoricalDataset:
    """Every column of ``table`` as a categorical feature (see :class:`CategoricalDataset`).

    A column whose name says it is an identifier (``id``, ``face_id``, ``index``, ``row``,
    ``Unnamed: 0`` …) and whose values are all different is left out and listed in
    ``dropped``: an id is not a feature. Values are compared as text after removing
    surrounding spaces, so ``Red`` and ``red`` are two values.

    Raises :class:`UploadError` for fewer than two rows, a column that is empty in every
    row, a column with more than ``max_categories_per_column`` different values, or
    features whose combinations number more than ``max_combinations`` (``None``: no limit).
    """
    from gdl_core.wrodl.data import FEATURES as WRODL_FEATURES

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"categorical_dataset expects a DataFrame, got {type(table).__name__}")
    n_rows = len(table)
    if n_rows < 2:
        raise UploadError(
            f"This table has {plural(n_rows, 'row')} of data; counting needs at least two. "
            "Add more rows and upload again."
        )
    names = [str(name).strip() for name in table.columns]
    if len({name.casefold() for name in names}) < len(names):
        raise UploadError("Two columns have the same name. Rename one and upload again.")
    columns: dict[str, np.ndarray] = {}
    dropped = []
    for j, name in enumerate(names):
        text = column_text(table.iloc[:, j])
        distinct = set(text.tolist())
        if distinct == {""}:
            raise UploadError(
                f"Column {inline_code(name)} is empty in every row. Delete it, or fill it in, "
                "and upload again."
            )
        if _ID_NAME.fullmatch(name) and len(distinct) == n_rows:
            dropped.append(name)
            continue
        if len(distinct) > max_categories_per_column:
            raise UploadError(
                f"Column {inline_code(name)} has {len(distinct):,} different values; the "
                f"limit is {max_categories_per_column:,}. A column like an id, a name or a "
                "free-text answer cannot be counted: remove it, or group its values into "
                f"at most {max_categories_per_column:,} categories, and upload again."
            )
        columns[name] = text
    if not columns:
        raise UploadError(
            "Every column of this table is an identifier (all its values differ), so there "
            "is nothing to count. Add columns of categories and upload again."
        )

    notes: list[str] = []
    is_wrodl = set(columns) == set(WRODL_FEATURES)
    if is_wrodl:
        for feature, allowed in WRODL_FEATURES.items():
            allowed_set = set(allowed)
            unknown = [i for i, value in enumerate(columns[feature]) if value not in allowed_set]
            if unknown:
                is_wrodl = False
                position = unknown[0]
                notes.append(
                    f"The columns are the five Wrodl features, but "
                    f"{inline_code(columns[feature][position])} in "
                    f"{row_label(table, position)} is not one of the values of "
                    f"{inline_code(feature)}, so the rows cannot be drawn as faces."
                )
                break
    if is_wrodl:
        features = tuple(WRODL_FEATURES)
        values = tuple(WRODL_FEATURES.values())
    else:
        features = tuple(columns)
        values = tuple(_sorted_values(set(columns[name].tolist())) for name in features)

    d = math.prod(len(v) for v in values)
    if max_combinations is not None and d > max_combinations:
        product = " × ".join(str(len(v)) for v in values)
        raise UploadError(
            f"Together these {len(features)} columns make {d:,} possible combinations "
            f"({product}); the limit is {max_combinations:,}. Remove a column or merge rare "
            "values, and upload again."
        )
    codes = np.empty((n_rows, len(features)), dtype=np.int64)
    for k, name in enumerate(features):
        codes[:, k] = pd.Categorical(columns[name], categories=list(values[k])).codes
    codes.flags.writeable = False
    if table.index.name == "row":
        rows = tuple(int(row) for row in table.index)
    else:
        rows = tuple(range(2, n_rows + 2))
    return CategoricalDataset(
        features=features, values=values, codes=codes, rows=rows, is_wrodl=is_wrodl,
        dropped=tuple(dropped), notes=tuple(notes),
    )
