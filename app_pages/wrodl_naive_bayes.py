"""Planet Wrodl II: Naive Bayes, its 23 parameters, a probability calculator and new styles."""

import streamlit as st

from gdl_core import wrodl
from gdl_core.numbers import format_prob, format_product
from gdl_core.wrodl.figures import parameter_table
from ui import wrodl as w
from ui.images import face_key
from ui.state import Param, publish, restore

FEATURE_NAMES = list(wrodl.FEATURES)
SEED = w.seed_param("wrodl_nb_seed")
URL_NAMES = {
    "topType": "top", "hairColor": "hair", "accessoriesType": "glasses",
    "clothingType": "clothes", "clothingColor": "colour",
}
CHOICE = {
    feature: Param(
        f"nb_calc_{feature}", URL_NAMES[feature],
        wrodl.FEATURES[feature].index(wrodl.COMBINATION_1[feature]),
        lo=0, hi=len(wrodl.FEATURES[feature]) - 1,
    )
    for feature in w.EXAMPLE_ORDER
}
N_SAMPLES = 10

notices = w.restore_alpha() + restore(SEED, *CHOICE.values())

st.title("Naive Bayes")
st.markdown(
    "Instead of one probability per whole face, assume that the five features are chosen "
    "**independently** of each other. Then a face's probability is the product of one "
    "probability per feature, and a handful of counts is all the model needs."
)
for notice in notices:
    st.warning(notice, icon=":material/link_off:")

st.latex(
    r"p(\mathbf{x}) = \prod_{k=1}^{5} \hat\theta_{k,\,x_k}, \qquad"
    r"\hat\theta_{kl} = \frac{n_{kl} + \alpha}{N + L_k\,\alpha}"
)
st.caption(
    "n_kl: how many of the N = 50 faces have value l for feature k; L_k: how many values "
    "feature k can take."
)
alpha = w.alpha_slider()
model = w.fit("naive_bayes", alpha)
multinomial = w.fit("multinomial", alpha)

# --- Table 1-2 ----------------------------------------------------------------------------
st.header("The 23 parameters (Table 1-2)", anchor=False)
levels = {feature: len(values) for feature, values in wrodl.FEATURES.items()}
terms = " + ".join(f"({levels[f]} − 1)" for f in w.TABLE_ORDER)
ours, theirs, why = st.columns([1, 1, 2.4])
ours.metric("Naive Bayes parameters", model.n_params_)
theirs.metric("Multinomial parameters", f"{multinomial.n_params_:,}")
why.markdown(
    f"One θ̂ per value of each feature: {sum(levels.values())} values. Within a feature "
    f"the θ̂ add up to 1, so the last one is fixed by the others: "
    f"{terms} = **{model.n_params_}**."
)
chart_tab, table_tab = st.tabs(["Bar charts", "Table"])
w.chart(w.naive_bayes_chart(alpha), "wrodl_nb_bars", chart_tab)
table_cells = [*table_tab.columns(3), *table_tab.columns(3)]  # rows of three, as the charts
for cell, feature in zip(table_cells, w.TABLE_ORDER, strict=False):
    cell.dataframe(
        parameter_table(model, wrodl.FEATURES, feature), hide_index=True, width="stretch",
        key=f"wrodl_table_{feature}",
        column_config={"n": st.column_config.NumberColumn(width="small"),
                       "θ̂": st.column_config.NumberColumn(width="small")},
    )
if alpha == 0:
    st.markdown(
        ":red[**LongHairBun** hair and **Black** clothing never occur in the data, so at "
        "α = 0 their θ̂ is 0 and every face with either of them gets probability 0.] "
        "Move α above 0 to make them possible."
    )
else:
    st.markdown(
        f"With α = {alpha:g}, LongHairBun hair and Black clothing are no longer impossible. "
        "The black ticks on the bars show the unsmoothed share n / N for comparison."
    )

# --- the calculator -----------------------------------------------------------------------
st.header("The probability of one face", anchor=False)
st.markdown(
    "Pick a face; Naive Bayes multiplies the five θ̂. Next to it: what the full multinomial "
    "of the previous page gives the same face at the same α."
)
choice = {}
for column, feature in zip(st.columns(len(w.EXAMPLE_ORDER)), w.EXAMPLE_ORDER, strict=True):
    k, values = FEATURE_NAMES.index(feature), wrodl.FEATURES[feature]
    with column:
        code = st.selectbox(
            feature, options=range(len(values)), key=CHOICE[feature].key,
            format_func=values.__getitem__,
        )
        choice[feature] = values[code]
        st.caption(
            f"θ̂ = {format_prob(model.theta_[k, code])}  (n = {int(model.counts_[k, code])})"
        )

face_codes = wrodl.encode(choice)
p_nb = float(model.prob(face_codes)[0])
n_seen = int(multinomial.count(face_codes)[0])
p_multinomial = float(multinomial.prob(face_codes)[0])

picture, numbers = st.columns([1, 5], vertical_alignment="center")
with picture:
    w.portrait(face_key(choice), 150)
with numbers:
    st.markdown(f"#### p(x) = {format_product(w.nb_factors(model, choice), p_nb)}")
    nb_col, mn_col, _ = st.columns(3)
    nb_col.metric("Naive Bayes p(x)", format_prob(p_nb, 4))
    mn_col.metric("Multinomial θ̂", format_prob(p_multinomial, 4))
    mn_col.caption(
        f"this face is {'never seen' if n_seen == 0 else f'seen {n_seen}×'} in the data"
    )

comparison_rows = []
for name, face in (
    ("combination 1", wrodl.COMBINATION_1),
    ("combination 2", wrodl.COMBINATION_2),
    ("your face", choice),
):
    codes = wrodl.encode(face)
    comparison_rows.append({
        "": name,
        "face": ", ".join(face[f] for f in w.EXAMPLE_ORDER),
        "times in the data": int(multinomial.count(codes)[0]),
        "Naive Bayes p(x)": format_product(
            w.nb_factors(model, face), float(model.prob(codes)[0])
        ),
        "multinomial θ̂": format_prob(float(multinomial.prob(codes)[0]), 4),
    })
st.dataframe(comparison_rows, hide_index=True, width="stretch", key="wrodl_comparison_table")
st.caption(
    "Combination 2 is combination 1 in Blue01 instead of White. It never occurs, yet Naive "
    "Bayes still gives it a fair chance, lower only because blue clothes are rarer than white "
    "ones. The multinomial can only say 0 (α = 0) or the same floor as every unseen face."
)
with st.expander("Notes on the book's text"):
    st.markdown(
        "- Table 1-2 in the book spells three values differently from the data: "
        "*ShortHairFrizz*, *SilverGrey* and *Grey01*. The data (and this app) use "
        "**ShortHairFrizzle**, **SilverGray** and **Gray01**.\n"
        "- Right after the worked example the book says combination 1 does not occur in the "
        "data; a few paragraphs earlier it counts it **twice**, and twice is right.\n"
        "- The book then compares combination 1 with itself by mistake. The intended "
        "comparison is with **combination 2** (Blue01 clothing): "
        "0.46 × 0.16 × 0.44 × 0.38 × 0.08 ≈ 0.00098, the second row above at α = 0."
    )

# --- sampling -----------------------------------------------------------------------------
st.header(f"{N_SAMPLES} new styles (Figure 1-8)", anchor=False)
st.markdown(
    "To sample, draw each feature on its own from its θ̂, like spinning five separate "
    "wheels. Every face gets a green *new* badge unless all five features match a face "
    "in the data."
)
codes, copies, chance_col = w.sample_controls(
    "naive_bayes", alpha, N_SAMPLES, SEED.key, "wrodl_nb_again"
)
chance_new = w.novelty_by_alpha("naive_bayes")["expected"][w.ALPHAS.index(alpha)]
chance_col.metric("Chance a sample is new", f"{chance_new:.0%}")
w.show_samples(codes, copies, key="wrodl_nb_faces")
st.dataframe(
    w.samples_table(codes, copies), hide_index=True, width="stretch", key="wrodl_nb_samples",
)

# --- both models on every face -----------------------------------------------------------
st.header("Both models on all 4,032 faces", anchor=False)
w.chart(w.comparison_chart(alpha), "wrodl_comparison")
st.caption(
    "Each column holds the faces seen equally often. The red bar is the multinomial's "
    "estimate, one value for the whole column; the green dots are Naive Bayes, one per face. "
    "Among the faces never seen, the multinomial cannot tell a likely one from an unlikely "
    "one, while Naive Bayes spreads them over several orders of magnitude, ranking them by "
    "how common their features are."
)

publish(w.ALPHA, SEED, *CHOICE.values())
