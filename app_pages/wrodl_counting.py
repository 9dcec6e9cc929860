"""Planet Wrodl I: the 50 faces, one probability per combination, and the pseudocount."""

import streamlit as st

from gdl_core import wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.numbers import format_prob
from ui import wrodl as w
from ui import wrodl_reports as reports
from ui.images import avatar_sheet_png, face_key, show_sheet
from ui.state import Param, publish, restore

SEED = w.seed_param("wrodl_mn_seed")
FACE = Param("wrodl_face", "face", 3, lo=0, hi=49)
N_SAMPLES = 10

notices = w.restore_alpha() + restore(SEED, FACE)

st.title("Counting and smoothing")
st.markdown(
    "You have 50 examples of what people on Planet Wrodl wear, and the job of inventing new "
    "looks that fit in. The bluntest possible model gives **every possible face its own "
    "probability**, learned by counting. Here you can see what that gets right, and why "
    "counting alone never invents anything."
)
for notice in notices:
    st.warning(notice, icon=":material/link_off:")

faces = wrodl.load()
report = reports.counting(w.alpha())  # the slider itself sits by the formula below

# --- 1. the data --------------------------------------------------------------------------
st.header("The 50 Wrodlers", anchor=False)
st.markdown(
    "Each face is described by five categorical features: glasses (`accessoriesType`), "
    "clothing colour, clothing type, hair colour and hair style (`topType`). Everything else "
    "about the drawing is the same on every face."
)
show_sheet(
    avatar_sheet_png(
        tuple(wrodl.face_tuples(wrodl.training_codes())), w.AVATAR_PX,
        tuple(f"#{i}" for i in faces.index),
    ),
    "wrodl_faces_grid",
    "The Wrodlers as cartoon faces, ten to a row: " + "; ".join(
        f"#{i} {face}" for i, face in
        zip(faces.index, wrodl.describe(wrodl.training_codes()), strict=True)
    ),
    f"Faces #0 to #{len(faces) - 1}, ten to a row: #0 to #9 on the first row, #10 to #19 on "
    "the second, and so on.",
)

table_col, face_col = st.columns([2.3, 1], gap="large")
with table_col:
    st.dataframe(reports.faces_table(), height=388, width="stretch", key="wrodl_faces_table")
    st.caption(
        "The same faces as a table, one row per face. The first ten rows (face_id 0 to 9) are "
        "the ones the book prints as Table 1-1."
    )
with face_col:
    face_id = st.selectbox(
        "Look closer at face", options=list(faces.index), key=FACE.key,
        format_func=lambda i: f"#{i}",
    )
    w.portrait(face_key(faces.loc[face_id]), "wrodl_face_portrait")
    st.markdown("\n".join(
        [f"| feature | face #{face_id} |", "|---|---|"]
        + [f"| {feature} | **{value}** |" for feature, value in faces.loc[face_id].items()]
    ))
    twins = wrodl.twins(face_id)
    if len(twins) > 1:
        others = ", ".join(f"#{i}" for i in twins if i != face_id)
        st.markdown(f"This exact face occurs **{len(twins)} times** (also {others}).")
    else:
        st.markdown("This exact face occurs **once** in the data.")

# --- 2. the multinomial -------------------------------------------------------------------
st.header("One probability for every combination", anchor=False)
d, n_obs, n_seen = report.d, report.n_obs, report.n_distinct
sizes = " × ".join(str(n) for n in wrodl.N_VALUES)
space, params, covered = st.columns(3)
space.metric("Possible faces d", f"{d:,}")
space.caption(f"{sizes} values")
params.metric("Free parameters", f"{report.n_params:,}")
params.caption("one θ̂ per combination, minus one: they must add up to 1")
covered.metric("Combinations in the data", f"{n_seen} of {d:,}")
covered.caption(
    f"{n_obs} faces, {n_seen} different ones: {n_seen / d:.1%} of the sample space"
)

st.markdown(
    "The model's estimate for combination j is its share of the data, after adding a "
    "pseudocount α to **every** count, seen or not:"
)
d_tex = f"{d:,}".replace(",", "{,}")  # a thousands comma without LaTeX's list spacing
st.latex(
    rf"\hat\theta_j = \frac{{n_j + \alpha}}{{N + d\,\alpha}}"
    rf"\qquad N = {n_obs},\quad d = {d_tex}"
)
w.alpha_slider()
alpha, unseen = report.alpha, report.n_unseen
denominator = f"{n_obs} + {d:,} × {alpha:g}"

one, two, mass, each = st.columns(4)
one.metric(
    "θ̂ combination 1", format_prob(report.combination_1),
    help="LongHairStraight, Red, Round, ShirtScoopNeck, White: twice in the data",
)
one.caption(f"seen twice: (2 + {alpha:g}) / ({denominator})")
two.metric(
    "θ̂ combination 2", format_prob(report.combination_2),
    help="LongHairStraight, Red, Round, ShirtScoopNeck, Blue01: never in the data",
)
two.caption(f"never seen: (0 + {alpha:g}) / ({denominator})")
mass.metric(f"Total for all {unseen:,} unseen", format_prob(report.unseen_mass))
mass.caption(f"{unseen:,} × {alpha:g} / ({denominator}): the chance a sample is new")
each.metric("θ̂ of each unseen combination", format_prob(report.unseen_theta))
each.caption("the same for all of them, whatever they look like")

w.chart(report.sorted_theta, "wrodl_sorted_theta")
st.caption(
    "All 4,032 estimates from largest to smallest. Navy: the combinations in the data; "
    "orange: the rest. With α = 0 the orange ones are exactly 0 (drawn on the band at the "
    "bottom). Any α > 0 lifts them all onto one flat floor: smoothing makes unseen faces "
    "possible, but it cannot tell a plausible new face from an absurd one."
)
with st.expander("A note on d in the book"):
    st.markdown(
        "The book uses d both for the number of parameters (4,031) and inside the "
        "smoothing formula. In the formula it has to be the number of combinations, "
        "**4,032**: only then do the smoothed estimates add up to exactly 1. This page uses "
        "d = 4,032 throughout."
    )

# --- 3. sampling --------------------------------------------------------------------------
st.header(f"Sample {N_SAMPLES} faces from this model", anchor=False)
st.markdown(
    "A sample is a **copy** when all five features match some face in the data, and "
    "**new** otherwise. The chapter's second rule asks for new faces, not copies."
)
w.samples_section(
    JointMultinomial, alpha, N_SAMPLES, SEED, "wrodl_mn_again", key="wrodl_mn_samples"
)

w.chart(report.novelty, "wrodl_novelty")
st.caption(
    "Bars: the chance that one sample is new, which is the total probability of the unseen "
    "combinations. Dots: the share of new faces among 1,000 samples. Without a pseudocount "
    "the model only ever repeats the data; with α ≥ 1 almost every sample is new, but new "
    "faces are drawn uniformly at random, with no preference for the popular styles."
)

publish(w.ALPHA, SEED, FACE)
