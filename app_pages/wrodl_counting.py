"""Planet Wrodl I: the 50 faces (or a table of the student's own), one probability per
combination, and the pseudocount."""

import streamlit as st

from gdl_core import wrodl
from gdl_core.multinomial import JointMultinomial
from gdl_core.numbers import format_prob
from gdl_core.wrodl import counting
from gdl_core.wrodl.survey import table_text
from gdl_core.wrodl.text import percent, plural, times
from ui import wrodl as w
from ui import wrodl_reports as reports
from ui.guide import next_page_link, reset_to_defaults, step, steps_overview
from ui.images import csv_download, face_key
from ui.state import Param, publish, restore
from ui.uploads import Upload

PAGE = "app_pages/wrodl_counting.py"
SEED = w.seed_param("wrodl_mn_seed")
FACE = Param("wrodl_face", "face", 3, lo=0, hi=49)
N_SAMPLES = 10
TOP_SHOWN = 10  # combinations listed in step 1 of an uploaded table (all of them: a click away)
STEPS = (
    "Meet the 50 Wrodlers (Figure 1-7)",
    "Give every combination a probability",
    "Add a pseudocount",
    "Sample and judge",
)
#: The same steps on the student's own table.
UPLOAD_STEPS = ("Meet your data", *STEPS[1:])


def reset() -> None:
    """α (shared with the Naive Bayes page), the seed and the face shown back to defaults."""
    reset_to_defaults(w.ALPHA, SEED, FACE)


def record(upload: Upload | None, numbers: list[tuple[str, str]]) -> w.OnDrawn:
    """This page's part of the session report, recorded once the samples are drawn."""
    return w.recorder(PAGE, "Counting and smoothing", upload, numbers)


def formula(n_obs: int, d: int) -> None:
    """θ̂_j = (n_j + α) / (N + d α), and this data's N and d."""
    d_tex = f"{d:,}".replace(",", "{,}")  # a thousands comma without LaTeX's list spacing
    # Two short formulas rather than one long one, so neither runs off a phone's screen.
    st.latex(r"\hat\theta_j = \frac{n_j + \alpha}{N + d\,\alpha}")
    st.latex(rf"N = {n_obs},\quad d = {d_tex}")


@st.fragment
def built_in() -> None:
    """The four steps on the 50 Wrodlers, as a fragment: picking a face reruns them, not the
    title, the data choice and the page's end (and α only steps 3 and 4, a fragment inside)."""
    faces = wrodl.load()
    report = reports.counting(w.alpha())  # step 2 reads only what α does not change

    # --- 1. the data --------------------------------------------------------------------------
    step(1, STEPS[0], "Look over the faces, then pick one to see its five features.")
    st.caption(
        "Five features tell the faces apart: glasses (accessoriesType), clothing colour, "
        "clothing type, hair colour and hairstyle (topType). The rest of the drawing never changes."
    )
    w.training_sheet().show("wrodl_faces_grid", download="wrodl-50-faces.png")

    pick_col, features_col = st.columns([1, 2], gap="large")
    with pick_col:
        face_id = st.selectbox(
            "Look closer at face", options=list(faces.index), key=FACE.key,
            format_func=lambda i: f"#{i}",
        )
        w.portrait(face_key(faces.loc[face_id]), "wrodl_face_portrait", what=f"Face #{face_id}")
    with features_col:
        st.markdown("\n".join(
            [f"| feature | face #{face_id} |", "|---|---|"]
            + [f"| {feature} | **{value}** |" for feature, value in faces.loc[face_id].items()]
        ))
        twins = wrodl.twins(face_id)
        if len(twins) > 1:
            others = ", ".join(f"#{i}" for i in twins if i != face_id)
            st.markdown(f"This exact face occurs **{times(len(twins))}** in the data "
                        f"(also {others}).")
        else:
            st.markdown("This exact face occurs **once** in the data.")
    with st.expander("All 50 faces as a table (the first ten rows are the book's Table 1-1)"):
        st.dataframe(reports.faces_table(), height=388, width="stretch", hide_index=True,
                     key="wrodl_faces_table")

    # --- 2. the multinomial -------------------------------------------------------------------
    step(2, STEPS[1], "Count: each possible face gets θ̂ = n / N, its share of the 50 faces.")
    d, n_obs, n_seen = report.d, report.n_obs, report.n_distinct
    unseen = report.n_unseen
    sizes = " × ".join(str(n) for n in wrodl.N_VALUES)
    space, params, covered = st.columns(3)
    space.metric("Possible faces d", f"{d:,}")
    space.caption(f"{sizes} values")
    params.metric("Free parameters", f"{report.n_params:,}")
    params.caption("one θ̂ per face, minus one: together they make 1")
    covered.metric("Combinations in the data", f"{n_seen} of {d:,}")
    covered.caption(f"{n_obs} faces, {n_seen} different: {n_seen / d:.1%} of all possible faces")
    st.markdown(
        f"The other **{plural(unseen, 'combination')}** never "
        f"{'occurs' if unseen == 1 else 'occur'}, so counting gives each of them θ̂ = 0: this "
        "model can only hand back faces it has already seen."
    )

    smoothing_and_sampling()
    publish(w.ALPHA, SEED, FACE)  # a fragment's rerun stops before the page's own


@st.fragment
def smoothing_and_sampling() -> None:
    """Steps 3 and 4 on the 50 Wrodlers: everything α changes. A fragment, so that moving α
    reruns these two steps only, not the faces and the counts above them."""
    report = reports.counting(w.alpha())
    d, n_obs, n_seen, unseen = report.d, report.n_obs, report.n_distinct, report.n_unseen

    # --- 3. the pseudocount -------------------------------------------------------------------
    step(3, STEPS[2], "Move α to the right: every unseen face leaves 0, all to the same height.")
    formula(n_obs, d)
    controls, picture = st.columns([1.15, 1.5], gap="large")
    with controls:
        w.alpha_slider()
        alpha = report.alpha
        denominator = f"{n_obs} + {d:,} × {alpha:g}"
        one, two = st.columns(2)
        mass, each = st.columns(2)
        one.metric("θ̂ combination 1", format_prob(report.combination_1))
        one.caption(f"seen twice: (2 + {alpha:g}) / ({denominator})")
        two.metric("θ̂ combination 2", format_prob(report.combination_2))
        two.caption(f"never seen: (0 + {alpha:g}) / ({denominator})")
        mass.metric(f"Total for all {unseen:,} unseen", format_prob(report.unseen_mass))
        mass.caption(f"the chance a sample is new: {unseen:,} × {alpha:g} / ({denominator})")
        each.metric("θ̂ of one unseen face", format_prob(report.unseen_theta))
        each.caption(f"the same for every one of them: {alpha:g} / ({denominator})")
        st.caption("Combination 1: LongHairStraight, Red, Round, ShirtScoopNeck, White. "
                   "Combination 2: the same with clothing colour Blue01.")
    with picture:
        w.chart(
            report.sorted_theta, "wrodl_sorted_theta",
            f"All {d:,} θ̂ of the multinomial at α = {alpha:g}, largest first, on log scales: "
            f"the {n_seen} faces in the data at {format_prob(report.combination_1)} (seen twice) "
            f"or less, and the {unseen:,} unseen faces all at "
            f"{format_prob(report.unseen_theta)}.",
        )
        st.caption(
            "All 4,032 θ̂, largest first. Navy: faces in the data; orange: the rest, on one flat "
            "floor (at α = 0 on the band marked 0)."
        )
    st.markdown("**Why a pseudocount is not enough: two faces nobody has seen**")
    near_col, odd_col, why_col = st.columns([1, 1, 2.2], gap="medium")
    rarest = counting.rarest_face()
    for column, face, label, key in (
        (near_col, wrodl.COMBINATION_2, "Combination 2: a face seen twice, in blue",
         "wrodl_near_face"),
        (odd_col, rarest, "Each feature's rarest value: " + ", ".join(rarest.values()),
         "wrodl_odd_face"),
    ):
        with column:
            w.portrait(face_key(face), key, css_px=120, what=label)
            st.caption(label)
    why_col.markdown(
        f"The multinomial gives the first θ̂ = **{format_prob(report.combination_2)}** and the "
        f"second θ̂ = **{format_prob(report.rarest)}**: the same floor α / (N + dα), although "
        "one is a small change to a popular face and the other is built from values almost "
        "nobody wears. "
        "Smoothing makes new faces possible; it cannot say which new faces are plausible. "
        "Naive Bayes (the next page), at the same α, gives them "
        f"{format_prob(report.naive_bayes_combination_2)} and "
        f"{format_prob(report.naive_bayes_rarest)}."
    )
    with st.expander("A note on d in the book"):
        st.markdown(
            "The book uses d both for the number of parameters (4,031) and inside the "
            "smoothing formula. In the formula it has to be the number of combinations, "
            "**4,032**: only then do the smoothed estimates add up to exactly 1. This page uses "
            "d = 4,032 throughout."
        )

    # --- 4. sampling --------------------------------------------------------------------------
    step(4, STEPS[3], f"Press Sample again: are the {N_SAMPLES} faces copies or new? "
         "Then try a bigger α in step 3.")
    st.caption(
        "A sample is a **copy** when all five features match a face in the data, **new** "
        "otherwise. The chapter's second rule asks for new faces."
    )
    w.samples_section(
        JointMultinomial, alpha, N_SAMPLES, SEED, "wrodl_mn_again", key="wrodl_mn_samples",
        chance_new=report.unseen_mass,
        on_drawn=record(None, [
            ("Possible faces d", f"{d:,}"),
            ("θ̂ combination 1 (seen twice)", format_prob(report.combination_1)),
            ("θ̂ of one unseen face", format_prob(report.unseen_theta)),
            ("Chance a sample is new", format_prob(report.unseen_mass)),
        ]),
    )
    w.chart(
        report.novelty, "wrodl_novelty",
        "The chance that a sample is new, for each pseudocount α, with the share of new faces "
        f"among 1,000 samples; at the α set now ({alpha:g}) the chance is "
        f"{format_prob(report.unseen_mass)}.",
    )
    st.caption(
        "Bars: the chance that a sample is new at each α. Dots: the share of new faces among "
        "1,000 samples."
    )
    with st.expander("Why a new face is no better than a random one"):
        st.markdown(
            "Without a pseudocount the model only ever repeats the data. From α = 1 on, almost "
            f"every sample is new, but a new face is drawn uniformly from the {unseen:,} unseen "
            "ones: "
            "the model has no idea that LongHairStraight is popular and LongHairBun is not. "
            "The next page fixes that by counting each feature on its own."
        )
    publish(w.ALPHA, SEED, FACE)  # a fragment's rerun does not reach the page's own publish()


def your_own(upload: Upload) -> None:
    """The four steps on the student's own table."""
    dataset = upload.data
    basis = reports.upload_basis(upload.digest, dataset)
    report = reports.upload_counting(upload.digest, w.alpha(), dataset)

    # --- 1. the data ------------------------------------------------------------------------
    step(1, UPLOAD_STEPS[0], "Look over your table: which combinations come up more than once?")
    st.caption(
        "Each column is one feature, each row one observation. The models on this page "
        "count whole rows: two rows with the same value in every column are the same "
        "combination."
    )
    if dataset.is_wrodl:
        w.upload_faces_sheet(upload.digest, dataset).show(
            "wrodl_upload_faces", download="my-wrodlers.png")
    rows_col, columns_col, distinct_col = st.columns(3)
    rows_col.metric("Rows N", f"{dataset.n_obs:,}")
    columns_col.metric("Features K", len(dataset.features))
    distinct_col.metric("Different combinations", f"{report.n_distinct:,}")
    st.markdown("**The most frequent combinations**")
    top = basis.combinations.head(TOP_SHOWN)
    st.container(key="wrodl_upload_top").table(table_text(top), hide_index=True)
    every = f"Every combination and how often it occurs ({report.n_distinct:,})"
    with st.expander(every), st.container(key="wrodl_upload_combinations"):
        st.dataframe(basis.combinations, hide_index=True, width="stretch")
        csv_download(basis.combinations, "combination-counts.csv",
                     key="wrodl_upload_combinations_csv")
    with st.expander(f"Your table as uploaded ({plural(dataset.n_obs, 'row')})"):
        data = dataset.decode(dataset.codes)
        data.index = list(dataset.rows)
        data.index.name = "row"
        st.container(key="wrodl_upload_data").dataframe(data, width="stretch")

    # --- 2. the multinomial -----------------------------------------------------------------
    step(2, UPLOAD_STEPS[1], "Count: each possible combination gets θ̂ = n / N, its share of "
         f"the {dataset.n_obs:,} rows.")
    d, n_seen, unseen = report.d, report.n_distinct, report.n_unseen
    space, params, covered = st.columns(3)
    space.metric("Possible combinations d", f"{d:,}")
    space.caption(f"{report.sizes} values")
    params.metric("Free parameters", f"{report.n_params:,}")
    params.caption("one θ̂ per combination, minus one: together they make 1")
    covered.metric("Combinations in the data", f"{n_seen:,} of {d:,}")
    covered.caption(f"{dataset.n_obs:,} rows, {n_seen:,} different: {n_seen / d:.1%} of all "
                    "possible combinations")
    if unseen:
        st.markdown(
            f"The other **{plural(unseen, 'combination')}** never "
            f"{'occurs' if unseen == 1 else 'occur'}, so counting gives each of them θ̂ = 0: "
            "this model can only hand back rows it has already seen."
        )
    else:
        st.markdown("Every possible combination occurs in your data, so even without a "
                    "pseudocount every one of them has θ̂ > 0.")

    # --- 3. the pseudocount -----------------------------------------------------------------
    step(3, UPLOAD_STEPS[2], "Move α to the right: every unseen combination leaves 0, all to "
         "the same height.")
    formula(dataset.n_obs, d)
    controls, picture = st.columns([1.15, 1.5], gap="large")
    with controls:
        w.alpha_slider()
        alpha = report.alpha
        denominator = f"{dataset.n_obs:,} + {d:,} × {alpha:g}"
        top, each = st.columns(2)
        mass, _ = st.columns(2)
        top.metric("θ̂ most frequent", format_prob(report.top))
        top.caption(f"seen {times(report.top_count)}: ({report.top_count} + {alpha:g}) / "
                    f"({denominator})")
        each.metric("θ̂ of one unseen", format_prob(report.unseen_theta))
        each.caption(f"the same for every one of them: {alpha:g} / ({denominator})"
                     if unseen else "no combination is unseen")
        mass.metric(f"Total for all {unseen:,} unseen", format_prob(report.unseen_mass))
        mass.caption(f"the chance a sample is new: {unseen:,} × {alpha:g} / ({denominator})")
        st.caption("The most frequent combination is the first row of the counts in step 1.")
    with picture:
        w.chart(
            report.sorted_theta, "wrodl_sorted_theta",
            f"All {d:,} θ̂ of the multinomial at α = {alpha:g}, largest first, on log scales: "
            f"the {n_seen:,} combinations in the data at {format_prob(report.top)} (the most "
            f"frequent, seen {times(report.top_count)}) or less, and the {unseen:,} unseen "
            f"ones all at {format_prob(report.unseen_theta)}.",
        )
        st.caption(f"All {d:,} θ̂, largest first. Navy: combinations in the data; orange: the "
                   "rest, on one flat floor (at α = 0 on the band marked 0).")
    st.markdown("**Why a pseudocount is not enough**")
    st.container(key="wrodl_upload_contrast").table(table_text(report.contrast),
                                                   hide_index=True)
    st.caption(
        "Unseen combinations all get the same multinomial θ̂, α / (N + dα), whether they are "
        "made of popular values or of values almost nobody gave. Naive Bayes (the next page) "
        "tells them apart."
    )

    # --- 4. sampling ------------------------------------------------------------------------
    step(4, UPLOAD_STEPS[3], f"Press Sample again: are the {N_SAMPLES} rows copies or new? "
         "Then try a bigger α in step 3.")
    st.caption("A sample is a **copy** when every feature matches a row of your data, "
               "**new** otherwise.")
    w.upload_samples_section(
        upload, JointMultinomial, alpha, N_SAMPLES, SEED, "wrodl_mn_again",
        key="wrodl_mn_upload_samples", chance_new=report.unseen_mass,
        on_drawn=record(upload, [
            ("Possible combinations d", f"{d:,} ({report.sizes})"),
            ("Combinations in the data", f"{n_seen:,} of {d:,}"),
            ("θ̂ of the most frequent combination", format_prob(report.top)),
            ("θ̂ of one unseen combination", format_prob(report.unseen_theta)),
            ("Chance a sample is new", format_prob(report.unseen_mass)),
        ]),
    )
    w.chart(
        report.novelty, "wrodl_novelty",
        "The chance that a sample is new, for each pseudocount α, with the share of new rows "
        f"among 1,000 samples; at the α set now ({alpha:g}) the chance is "
        f"{percent(report.unseen_mass)}.",
    )
    st.caption("Bars: the chance that a sample is new at each α. Dots: the share of new rows "
               "among 1,000 samples.")


notices = w.restore_alpha() + restore(SEED, FACE)

st.title("Counting and smoothing", anchor=False)
intro = st.container()
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
w.page_style()
overview = st.container()
upload = w.survey_source("wrodl_mn_data")
with intro:
    st.markdown(
        "Fifty faces from Planet Wrodl, five features each. The bluntest model gives **every "
        "possible face its own probability**, learned by counting. Four steps show what that "
        "gets right, and why counting alone never invents a face." if upload is None else
        "Your table, one feature a column. The bluntest model gives **every possible "
        "combination of values its own probability**, learned by counting. Four steps show "
        "what that gets right, and why counting alone never invents a new row."
    )
with overview:
    steps_overview(STEPS if upload is None else UPLOAD_STEPS, "wrodl_mn_steps", reset,
                   "wrodl_mn_reset")
if upload is None:
    built_in()
else:
    your_own(upload)

publish(w.ALPHA, SEED, FACE)
next_page_link(PAGE)
