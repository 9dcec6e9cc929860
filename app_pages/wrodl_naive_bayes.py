"""Planet Wrodl II: Naive Bayes, its 23 parameters (or those of the student's own table), a
probability calculator and new styles."""

import pandas as pd
import streamlit as st

from gdl_core import wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.numbers import format_prob
from gdl_core.uploads import inline_code
from gdl_core.wrodl.survey import table_text, value_label
from gdl_core.wrodl.text import plural, theta_text, times
from ui import wrodl as w
from ui import wrodl_reports as reports
from ui.guide import next_page_link, reset_to_defaults, step, steps_overview
from ui.images import face_key
from ui.state import Param, keep, publish, restore
from ui.uploads import Upload

PAGE = "app_pages/wrodl_naive_bayes.py"
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
#: The calculator on an uploaded table: one select a feature, under these keys (kept across
#: page switches), and the upload they were chosen for (a new file starts from its first row).
UPLOAD_CHOICE = "wrodl_nb_upload_{}"
UPLOAD_CHOICE_FOR = "wrodl_nb_upload_for"
N_SAMPLES = 10
STEPS = (
    "Count each feature on its own (Table 1-2)",
    "Score one face",
    "Add a pseudocount",
    "Sample and judge (Figure 1-8)",
)
#: The same steps on the student's own table.
UPLOAD_STEPS = ("Count each feature on its own", "Score one combination", *STEPS[2:3],
                "Sample and judge")


def reset() -> None:
    """α (shared with the counting page), the seed and the face scored back to defaults."""
    reset_to_defaults(w.ALPHA, SEED, *CHOICE.values())
    st.session_state.pop(UPLOAD_CHOICE_FOR, None)  # the uploaded table's first row again


def record(upload: Upload | None, numbers: list[tuple[str, str]]) -> w.OnDrawn:
    """This page's part of the session report, recorded once the samples are drawn."""
    return w.recorder(PAGE, "Naive Bayes", upload, numbers)


def formulas(n_features: str, what: str) -> None:
    """p(x) = Π θ̂ over ``n_features`` and θ̂_kl = (n_kl + α) / (N + L_k α), with ``what``
    N counts."""
    # Two short formulas rather than one long one, so neither runs off a phone's screen.
    st.latex(rf"p(\mathbf{{x}}) = \prod_{{k=1}}^{{{n_features}}} \hat\theta_{{k,\,x_k}}")
    st.latex(r"\hat\theta_{kl} = \frac{n_{kl} + \alpha}{N + L_k\,\alpha}")
    st.caption(
        f"n_kl: how many of the N = {what} have value l for feature k; L_k: how many values "
        "feature k can take; α: the pseudocount of step 3."
    )


@st.fragment
def built_in() -> None:
    """The four steps on the 50 Wrodlers. α changes all four, so they make one fragment: a
    change reruns them, not the title, the data choice and the page's end."""
    report = reports.naive_bayes(w.alpha())  # the slider itself sits in step 3
    alpha = report.alpha

    # --- 1. Table 1-2 -------------------------------------------------------------------------
    step(1, STEPS[0], "Read Table 1-2: for each value, θ̂ is the share of the 50 faces that "
         "have it.")
    formulas("5", "50 faces")
    ours, theirs, why = st.columns([1, 1, 2.4])
    ours.metric("Naive Bayes parameters", report.n_params)
    theirs.metric("Multinomial parameters", f"{report.multinomial_n_params:,}")
    why.markdown(
        f"One θ̂ per value of each feature: {report.n_theta} values. Within a feature "
        f"the θ̂ add up to 1, so the last one is fixed by the others: "
        f"{report.parameter_terms} = **{report.n_params}**."
    )
    chart_tab, table_tab = st.tabs(["Bar charts", "Table"])
    w.chart_for_screens(
        report.bars, report.bars_narrow, "wrodl_nb_bars",
        f"Table 1-2 as bar charts, one per feature: θ̂ of each value at α = {alpha:g}. "
        + " ".join(
            f"{feature}: " + ", ".join(
                f"{row.iloc[0]} {row.iloc[2]}" for _, row in table.iterrows()
            ) + "." for feature, table in report.tables.items()
        ),
        where=chart_tab,
    )
    table_cells = [*table_tab.columns(3), *table_tab.columns(3)]  # rows of three, as the charts
    for cell, (feature, table) in zip(table_cells, report.tables.items(), strict=False):
        cell.container(key=f"wrodl_table_{feature}").table(table, hide_index=True)
    if alpha == 0:
        st.markdown(
            ":red[**LongHairBun** hair and **Black** clothing never occur in the data, so at "
            "α = 0 their θ̂ is 0.00 and every face with either of them gets probability 0.] "
            "Step 3 changes that."
        )
    else:
        st.markdown(
            f"With α = {alpha:g}, LongHairBun hair and Black clothing are no longer impossible. "
            "The black ticks on the bars show the unsmoothed share n / N for comparison."
        )

    # --- 2. the calculator --------------------------------------------------------------------
    step(2, STEPS[1], "Pick a value for each feature: Naive Bayes multiplies their five θ̂.")
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
        column.caption(f"θ̂ = {theta_text(theta)}  (n = {n})")

    picture, numbers = st.columns([1, 5], vertical_alignment="center")
    with picture:
        w.portrait(face_key(choice), "wrodl_calc_portrait", 150, what="The face you picked")
    with numbers:
        st.markdown(f"### p(x) = {score.product}")
        nb_col, mn_col = st.columns(2)
        nb_col.metric("Naive Bayes p(x)", format_prob(score.naive_bayes, 4))
        mn_col.metric("Multinomial θ̂", format_prob(score.multinomial, 4))
        seen = score.times_seen
        mn_col.caption("this face never occurs in the data" if seen == 0
                       else f"this face occurs {times(seen)} in the data")

    st.markdown(
        "**Combination 1** (LongHairStraight, Red, Round, ShirtScoopNeck, White) is the book's "
        "worked example; **combination 2** is the same face in Blue01."
    )
    st.container(key="wrodl_comparison_table").table(calculator.comparison, hide_index=True)
    st.caption(
        "Combination 2 never occurs, yet Naive Bayes gives it a fair chance, lower only because "
        "blue clothes are rarer than white ones. The multinomial can only say 0 (α = 0) or the "
        "floor every unseen face shares."
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

    # --- 3. the pseudocount -------------------------------------------------------------------
    step(3, STEPS[2], "Move α above 0: the impossible faces become possible, each at its own "
         "height.")
    slider_col, zero_col = st.columns([1, 1.3], vertical_alignment="bottom")
    with slider_col:
        w.alpha_slider()
    n_zero = report.n_impossible
    with zero_col:
        if n_zero:
            st.markdown(f"At α = {alpha:g}, **{plural(n_zero, 'face')}** of 4,032 "
                        f"{'gets' if n_zero == 1 else 'get'} p(x) = 0: each has LongHairBun hair "
                        "or Black clothes.")
        else:
            st.markdown(f"At α = {alpha:g}, every one of the 4,032 faces has p(x) > 0.")
    w.chart(
        report.comparison, "wrodl_comparison",
        f"At α = {alpha:g}, the probability of each of the 4,032 faces, grouped by how often it "
        "occurs in the data (never, once, twice): the multinomial gives every face of a group one "
        "value, Naive Bayes spreads the same faces over several orders of magnitude; "
        f"{plural(n_zero, 'face')} get p(x) = 0 under Naive Bayes.",
    )
    st.caption(
        "One column per count n (never seen, once, twice). Red bar: the multinomial's θ̂, one "
        "value for the whole column. Green dots: Naive Bayes, one per face."
    )
    with st.expander("Reading the chart"):
        st.markdown(
            "The multinomial's estimate depends only on how often a face was seen, so all "
            "never-seen faces share one value. Naive Bayes spreads the same faces over several "
            "orders of magnitude, ranking them by how common their features are: a never-seen "
            "face made of popular values gets a high p(x), one made of rare values a low one."
        )

    # --- 4. sampling --------------------------------------------------------------------------
    step(4, STEPS[3], f"Press Sample again: how many of the {N_SAMPLES} are new, and would "
         "they pass as Wrodlers?")
    st.caption(
        "Each feature is drawn on its own from its θ̂, like spinning five separate wheels. A "
        "sample is a **copy** when all five features match a face in the data, **new** otherwise."
    )
    w.samples_section(
        CategoricalNB, alpha, N_SAMPLES, SEED, "wrodl_nb_again", key="wrodl_nb_faces",
        chance_new=report.chance_new,
        on_drawn=record(None, [
            ("Naive Bayes parameters", str(report.n_params)),
            ("Your face", ", ".join(choice.values())),
            ("Its Naive Bayes p(x)", score.product),
            ("Chance a sample is new", format_prob(report.chance_new)),
        ]),
    )
    publish(w.ALPHA, SEED, *CHOICE.values())  # a fragment's rerun stops before the page's


def upload_choices(upload: Upload) -> None:
    """Start the calculator's selects at the table's first row when the table is new."""
    dataset = upload.data
    keep(**{UPLOAD_CHOICE.format(k): 0 for k in range(len(dataset.features))})
    if st.session_state.get(UPLOAD_CHOICE_FOR) != upload.digest:
        st.session_state[UPLOAD_CHOICE_FOR] = upload.digest
        for k, code in enumerate(dataset.codes[0].tolist()):
            st.session_state[UPLOAD_CHOICE.format(k)] = code


def your_own(upload: Upload) -> None:
    """The four steps on the student's own table."""
    dataset = upload.data
    basis = reports.upload_basis(upload.digest, dataset)
    report = reports.upload_naive_bayes(upload.digest, w.alpha(), dataset)
    alpha, n_obs = report.alpha, dataset.n_obs

    # --- 1. the table of θ̂ ------------------------------------------------------------------
    step(1, UPLOAD_STEPS[0], "Read the table: for each value, θ̂ is the share of the rows that "
         "have it.")
    formulas("K", f"{n_obs:,} rows")
    ours, theirs, why = st.columns([1, 1, 2.4])
    ours.metric("Naive Bayes parameters", f"{report.n_params:,}")
    theirs.metric("Multinomial parameters", f"{report.multinomial_n_params:,}")
    why.markdown(
        f"One θ̂ per value of each feature: {report.n_theta:,} values. Within a feature the θ̂ "
        f"add up to 1, so the last one is fixed by the others: {report.parameter_terms} = "
        f"**{report.n_params:,}**."
    )
    chart_tab, table_tab = st.tabs(["Bar charts", "Table"])
    w.chart_for_screens(
        report.bars, report.bars_narrow, "wrodl_nb_bars",
        f"Your table's θ̂ as bar charts, one per feature, at α = {alpha:g}. " + " ".join(
            f"{feature}: " + ", ".join(f"{row.iloc[0]} {row.iloc[2]}"
                                       for _, row in table.iterrows()) + "."
            for feature, table in report.tables.items()
        ),
        where=chart_tab,
    )
    tables = list(report.tables.values())
    for first in range(0, len(tables), 3):  # rows of three, as the charts
        for k, (cell, table) in enumerate(
            zip(table_tab.columns(3), tables[first : first + 3], strict=False), first
        ):
            cell.container(key=f"wrodl_upload_table_{k}").table(table_text(table),
                                                                hide_index=True)
    if report.never_seen and alpha == 0:
        st.markdown(
            ":red[**Never in the data:**] "
            + ", ".join(f"{inline_code(value)} ({inline_code(feature)})"
                        for feature, value in report.never_seen)
            + ". At α = 0 their θ̂ is 0, and every combination with one of them gets "
            "probability 0. Step 3 changes that."
        )
    elif report.never_seen:
        st.markdown(f"With α = {alpha:g}, values never seen in the data are no longer "
                    "impossible. The black ticks on the bars show the unsmoothed share n / N.")
    else:
        st.markdown(
            "Every value of your table occurs in it, so no θ̂ is 0. Yet Naive Bayes gives "
            "every one of the possible combinations a probability above 0, seen or not."
            + (" The black ticks on the bars show the unsmoothed share n / N." if alpha else "")
        )

    # --- 2. the calculator ------------------------------------------------------------------
    step(2, UPLOAD_STEPS[1], "Pick a value for each feature: Naive Bayes multiplies their θ̂.")
    upload_choices(upload)
    chosen = []
    for first in range(0, len(dataset.features), 5):
        names = dataset.features[first : first + 5]
        columns = st.columns(5 if len(dataset.features) > 5 else len(names))
        for k, (column, feature) in enumerate(zip(columns, names, strict=False), first):
            values = dataset.values[k]
            chosen.append(column.selectbox(
                inline_code(feature), options=range(len(values)),
                key=UPLOAD_CHOICE.format(k), format_func=lambda c, v=values: value_label(v[c]),
            ))
    score = reports.upload_row(upload.digest, alpha, tuple(chosen), dataset)
    top = reports.upload_row(upload.digest, alpha, tuple(basis.seen[0].tolist()), dataset)
    st.caption("θ̂ of each value you picked, in the order of the columns: " + "; ".join(
        f"{theta_text(theta)} (n = {n})"
        for theta, n in zip(score.factors, score.value_counts, strict=True)
    ) + ".")
    if dataset.is_wrodl:
        picture, numbers = st.columns([1, 5], vertical_alignment="center")
        with picture:
            w.portrait(face_key(score.face), "wrodl_calc_portrait", 150,
                       what="The face you picked")
    else:
        numbers = st.container()
    with numbers:
        st.markdown(f"### p(x) = {score.product}")
        nb_col, mn_col = st.columns(2)
        nb_col.metric("Naive Bayes p(x)", format_prob(score.naive_bayes, 4))
        mn_col.metric("Multinomial θ̂", format_prob(score.multinomial, 4))
        mn_col.caption("this combination never occurs in the data" if score.times_seen == 0
                       else f"this combination occurs {times(score.times_seen)} in the data")
    st.container(key="wrodl_upload_comparison_table").table(table_text(pd.DataFrame([
        {"combination": name, "values": ", ".join(value_label(v) for v in row.face.values()),
         "times in the data": row.times_seen, "Naive Bayes p(x)": row.product,
         "multinomial θ̂": format_prob(row.multinomial, 4)}
        for name, row in (("the most frequent", top), ("yours", score))
    ])), hide_index=True)
    st.caption("Pick a combination that never occurs: Naive Bayes still gives it a share, "
               "larger the more common its values are; the multinomial gives it 0 (α = 0) or "
               "the floor every unseen combination shares.")

    # --- 3. the pseudocount -----------------------------------------------------------------
    step(3, UPLOAD_STEPS[2], "Move α above 0: values never seen become possible, each "
         "combination at its own height.")
    slider_col, zero_col = st.columns([1, 1.3], vertical_alignment="bottom")
    with slider_col:
        w.alpha_slider()
    n_zero, d = report.n_impossible, report.multinomial_n_params + 1
    with zero_col:
        if n_zero:
            st.markdown(f"At α = {alpha:g}, **{plural(n_zero, 'combination')}** of {d:,} "
                        f"{'gets' if n_zero == 1 else 'get'} p(x) = 0: each has a value never "
                        "seen in the data.")
        else:
            st.markdown(f"At α = {alpha:g}, every one of the {d:,} combinations has p(x) > 0.")
    if report.comparison is not None:
        w.chart(
            report.comparison, "wrodl_comparison",
            f"At α = {alpha:g}, the probability of each of the {d:,} combinations, grouped by "
            "how often it occurs in the data: the multinomial gives every combination of a "
            "group one value, Naive Bayes spreads them by how common their values are; "
            f"{plural(n_zero, 'combination')} get p(x) = 0 under Naive Bayes.",
        )
        st.caption("One column per count n. Red bar: the multinomial's θ̂, one value for the "
                   "whole column. Green dots: Naive Bayes, one per combination.")
    else:
        st.caption(f"The chart of all {d:,} combinations under both models is drawn for "
                   "tables of at most 10,000 combinations.")

    # --- 4. sampling ------------------------------------------------------------------------
    step(4, UPLOAD_STEPS[3], f"Press Sample again: how many of the {N_SAMPLES} are new, and "
         "would they pass as rows of your table?")
    st.caption("Each feature is drawn on its own from its θ̂. A sample is a **copy** when "
               "every feature matches a row of your data, **new** otherwise.")
    w.upload_samples_section(
        upload, CategoricalNB, alpha, N_SAMPLES, SEED, "wrodl_nb_again",
        key="wrodl_nb_upload_samples", chance_new=report.chance_new,
        on_drawn=record(upload, [
            ("Naive Bayes parameters", f"{report.n_params:,}"),
            ("Multinomial parameters", f"{report.multinomial_n_params:,}"),
            ("Your combination", ", ".join(value_label(v) for v in score.face.values())),
            ("Its Naive Bayes p(x)", score.product),
            ("Chance a sample is new", format_prob(report.chance_new)),
        ]),
    )


notices = w.restore_alpha() + restore(SEED, *CHOICE.values())

st.title("Naive Bayes", anchor=False)
intro = st.container()
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
w.page_style()
overview = st.container()
upload = w.survey_source("wrodl_nb_data")
intro.markdown(
    "Suppose the five features are chosen **independently** of each other. Then a face's "
    "probability is a product of five numbers, one per feature, and counting each feature "
    "on its own is all the learning there is." if upload is None else
    "Suppose the columns of your table are **independent** of each other. Then a row's "
    "probability is a product of one number per column, and counting each column on its own "
    "is all the learning there is."
)
with overview:
    steps_overview(STEPS if upload is None else UPLOAD_STEPS, "wrodl_nb_steps", reset,
                   "wrodl_nb_reset")
if upload is None:
    built_in()
else:
    your_own(upload)

publish(w.ALPHA, SEED, *CHOICE.values())
next_page_link(PAGE)
