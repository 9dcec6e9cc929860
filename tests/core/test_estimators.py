"""Both categorical models follow scikit-learn's conventions, so they can be used alike."""

from __future__ import annotations

import numpy as np
import pytest

from gdl_core import wrodl
from gdl_core.categorical import NotFittedError
from gdl_core.multinomial import JointMultinomial
from gdl_core.naive_bayes import CategoricalNB

MODELS = (CategoricalNB, JointMultinomial)
CODES = np.array([[0, 1], [1, 1], [1, 0]])


@pytest.mark.parametrize("model_class", MODELS)
@pytest.mark.parametrize(
    "use",
    [
        lambda m: m.prob(CODES),
        lambda m: m.log_prob(CODES),
        lambda m: m.sample(3, seed=0),
    ],
    ids=["prob", "log_prob", "sample"],
)
def test_use_before_fit_says_what_to_do(model_class, use):
    with pytest.raises(NotFittedError, match=r"not fitted yet: call fit"):
        use(model_class(alpha=1))
    assert issubclass(NotFittedError, ValueError)  # pages catch ValueError


@pytest.mark.parametrize("model_class", MODELS)
def test_alpha_is_kept_as_given_and_checked_in_fit(model_class):
    model = model_class(alpha=-2)
    assert model.alpha == -2
    with pytest.raises(ValueError, match="alpha must be ≥ 0, got -2"):
        model.fit(CODES, 2)
    assert not hasattr(model, "n_params_")  # a failed fit leaves it unfitted


@pytest.mark.parametrize("model_class", MODELS)
def test_repr_names_the_hyper_parameter_fitted_or_not(model_class):
    model = model_class(alpha=0.5)
    assert repr(model) == f"{model_class.__name__}(alpha=0.5)"
    assert repr(model.fit(CODES, 2)) == f"{model_class.__name__}(alpha=0.5)"


def test_both_models_share_the_fitted_attribute_names():
    codes = wrodl.encode(wrodl.load())
    nb = CategoricalNB(0).fit(codes, wrodl.N_VALUES)
    multinomial = JointMultinomial(0).fit(codes, wrodl.N_VALUES)
    for name in ("counts_", "n_obs_", "n_values_", "n_params_", "alpha_"):
        assert hasattr(nb, name) and hasattr(multinomial, name), name
    # Each model's counts add up to the 50 faces: per feature for Naive Bayes, per
    # distinct face for the multinomial.
    assert (nb.counts_.sum(axis=1) == 50).all()
    assert multinomial.counts_.sum() == 50
    assert (nb.n_obs_, nb.n_params_) == (50, 23)
    assert (multinomial.n_obs_, multinomial.n_params_) == (50, 4031)
