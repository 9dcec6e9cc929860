"""Planet Wrodl II: Naive Bayes, its 23 parameters, a probability calculator and new styles."""

import streamlit as st

from gdl_core import wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.numbers import format_prob
from ui import wrodl as w
from ui import wrodl_reports as reports
from ui.images import face_key
from ui.state import Param, publish, restore

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
    for feature in wrodl.EXAMPLE_ORDER
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
report = reports.naive_bayes(w.alpha_slider())
alpha = report.alpha

# --- Table 1-2 ----------------------------------------------------------------------------
st.header("The 23 parameters (Table 1-2)", anchor=False)
ours, theirs, why = st.columns([1, 1, 2.4])
ours.metric("Naive Bayes parameters", report.n_params)
theirs.metric("Multinomial parameters", f"{report.multinomial_n_params:,}")
why.markdown(
    f"One θ̂ per value of each feature: {report.n_theta} values. Within a feature "
    f"the θ̂ add up to 1, so the last one is fixed by the others: "
    f"{report.parameter_terms} = **{report.n_params}**."
)
chart_tab, table_tab = st.tabs(["Bar charts", "Table"])
w.chart(report.bars, "wrodl_nb_bars", chart_tab)
table_cells = [*table_tab.columns(3), *table_tab.columns(3)]  # rows of three, as the charts
for cell, (feature, table) in zip(table_cells, report.tables.items(), strict=False):
    cell.container(key=f"wrodl_table_{feature}").dataframe(
        table, hide_index=True, width="stretch",
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
choice, columns = {}, st.columns(len(wrodl.EXAMPLE_ORDER))
for column, feature in zip(columns, wrodl.EXAMPLE_ORDER, strict=True):
    values = wrodl.FEATURES[feature]
    code = column.selectbox(
        feature, options=range(len(values)), key=CHOICE[feature].key,
        format_func=values.__getitem__,
    )
    choice[feature] = values[code]
calculator = reports.face(alpha, choice)
score = calculator.score
for column, theta, n in zip(columns, score.factors, score.value_counts, strict=True):
    column.caption(f"θ̂ = {format_prob(theta)}  (n = {n})")

picture, numbers = st.columns([1, 5], vertical_alignment="center")
with picture:
    w.portrait(face_key(choice), "wrodl_calc_portrait", 150)
with numbers:
    st.markdown(f"#### p(x) = {score.product}")
    nb_col, mn_col, _ = st.columns(3)
    nb_col.metric("Naive Bayes p(x)", format_prob(score.naive_bayes, 4))
    mn_col.metric("Multinomial θ̂", format_prob(score.multinomial, 4))
    seen = score.times_seen
    mn_col.caption(f"this face is {'never seen' if seen == 0 else f'seen {seen}×'} in the data")

st.container(key="wrodl_comparison_table").dataframe(
    calculator.comparison, hide_index=True, width="stretch"
)
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
w.samples_section(
    CategoricalNB, alpha, N_SAMPLES, SEED, "wrodl_nb_again", key="wrodl_nb_faces",
    chance_new=report.chance_new, table_key="wrodl_nb_samples",
)

# --- both models on every face -----------------------------------------------------------
st.header("Both models on all 4,032 faces", anchor=False)
w.chart(report.comparison, "wrodl_comparison")
st.caption(
    "Each column holds the faces seen equally often. The red bar is the multinomial's "
    "estimate, one value for the whole column; the green dots are Naive Bayes, one per face. "
    "Among the faces never seen, the multinomial cannot tell a likely one from an unlikely "
    "one, while Naive Bayes spreads them over several orders of magnitude, ranking them by "
    "how common their features are."
)

publish(w.ALPHA, SEED, *CHOICE.values())
