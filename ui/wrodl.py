"""The controls and pictures the two Planet Wrodl pages share: the pseudocount, the sampling
row, faces and charts, and the student's own table (:data:`SURVEY`). What they show comes
from :mod:`ui.wrodl_reports`.

The pseudocount α lives under one session key (:data:`ALPHA`), so moving it on one page
moves it on the other (and a page's reset puts it back to 0 for both). The uploaded table
and the choice "Built-in data / Your own file" are shared the same way (one
:class:`~ui.uploads.Source` of kind "categorical").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from gdl_core import wrodl
from gdl_core.images import Badge
from gdl_core.numbers import plural
from gdl_core.report import ReportSection
from gdl_core.uploads import (
    MAX_CATEGORIES,
    MAX_COLUMNS,
    MAX_COMBINATIONS,
    MAX_ROWS,
    CategoricalDataset,
    categorical_dataset,
    inline_code,
    read_table,
)
from gdl_core.wrodl.alt_text import face_alt, face_words, faces_alt
from gdl_core.wrodl.models import PSEUDOCOUNTS
from gdl_core.wrodl.samples import Samples
from gdl_core.wrodl.survey import table_text
from gdl_core.wrodl.text import percent
from ui import wrodl_reports as reports
from ui.charts import show_chart
from ui.images import (
    NARROW_COLUMNS,
    NARROW_SCREEN_PX,
    SHEETS_KEPT,
    Sheet,
    avatar_png,
    avatar_sheet_png,
    csv_download,
)
from ui.report import record
from ui.state import Param, next_seed, publish, restore
from ui.uploads import Source, Upload, data_source

ALPHA = Param("wrodl_alpha", "alpha", 0.0, lo=0.0, hi=10.0, options=PSEUDOCOUNTS)
AVATAR_PX = 128  # rendered size of the small faces: sharp when shown about 100 px wide
MAX_SEED = 2**31 - 1


def seed_param(key: str) -> Param:
    return Param(key, "seed", 0, lo=0, hi=MAX_SEED)


# --- the student's own table ----------------------------------------------------------------


def _read_survey(files: Sequence[tuple[str, bytes]]) -> tuple[CategoricalDataset, list[str]]:
    """An uploaded CSV as a :class:`~gdl_core.uploads.CategoricalDataset`, with notes on
    what was made of it (Markdown-safe: every piece of the file through ``inline_code``)."""
    ((name, content),) = files
    dataset = categorical_dataset(read_table(content, name))
    notes = [
        f"{plural(dataset.n_obs, 'row')} and {plural(len(dataset.features), 'column')} of "
        f"categories: " + ", ".join(
            f"{inline_code(feature)} ({plural(n, 'value')})"
            for feature, n in zip(dataset.features, dataset.n_values, strict=True)
        ) + "."
    ]
    if dataset.dropped:
        notes.append("Left out, as an identifier whose every value differs: "
                     + ", ".join(inline_code(column) for column in dataset.dropped) + ".")
    notes.extend(dataset.notes)
    if dataset.is_wrodl:
        notes.append("These are the five Wrodl features: the rows are drawn as faces.")
    return dataset, notes


#: One table for both Planet Wrodl pages: an upload on one page is the data of the other.
SURVEY = Source(
    kind="categorical",
    label="Data for both Planet Wrodl pages",
    read=_read_survey,
    example="example-survey.csv",
    example_mime="text/csv",
    limits=(
        "A CSV file (comma, semicolon or tab) whose first row names the columns; each "
        f"column one question with at most {MAX_CATEGORIES} different answers. At most "
        f"{MAX_ROWS:,} rows, {MAX_COLUMNS} columns, {MAX_COMBINATIONS:,} combinations and "
        "2 MB. The file stays in this session only. A table with exactly the five Wrodl "
        "columns (accessoriesType, clothingColor, clothingType, hairColor, topType) is "
        "drawn as faces."
    ),
)


def survey_source(key: str) -> Upload | None:
    """The data choice and uploader (:func:`ui.uploads.data_source`) for :data:`SURVEY`:
    the upload to show, or ``None`` for the 50 Wrodlers."""
    return data_source(SURVEY, key)


def data_name(upload: Upload | None) -> str:
    """The data in plain text, for the session report (which escapes it)."""
    return "your file " + ", ".join(upload.names) if upload else "the 50 Wrodlers (built in)"


def recorder(
    page: str, title: str, upload: Upload | None, numbers: Sequence[tuple[str, str]],
) -> OnDrawn:
    """What :func:`samples_section` calls once the samples are drawn: it records page
    ``page``'s part of the session report (:func:`ui.report.record`): the data, α and the
    seed; ``numbers`` and the batch's new faces; the samples as a picture (faces) and as a
    table."""
    def on_drawn(drawn: Samples, seed: int, sheet: Sheet | None) -> None:
        n = len(drawn.verdicts)
        record(page, ReportSection(
            title,
            settings=[("Data", data_name(upload)), ("Pseudocount α", f"{alpha():g}"),
                      ("Seed", str(seed))],
            numbers=[*numbers, ("New in the batch of samples", f"{drawn.n_new} of {n}")],
            pictures=[(sheet.alt, sheet.png)] if sheet is not None else [],
            tables=[(f"The {n} samples", drawn.table)],
        ))
    return on_drawn


# --- the pseudocount ------------------------------------------------------------------------


def restore_alpha() -> list[str]:
    """Take α from the URL on a first visit (snapped to a slider stop); return notices."""
    return restore(ALPHA)


def alpha() -> float:
    """The α the slider holds, for a page that needs it above the slider (Streamlit stores a
    widget's new value before the rerun that draws it)."""
    return float(st.session_state[ALPHA.key])


def alpha_slider() -> float:
    """The pseudocount control (keyboard: focus the handle, then ← / →), with what its
    stops mean as a caption (no "?" tab stop of its own)."""
    alpha = float(st.select_slider(
        "Pseudocount α (added to every count)",
        options=PSEUDOCOUNTS,
        key=ALPHA.key,
        format_func=lambda a: f"{a:g}",
    ))
    st.caption("α = 0 is the plain maximum-likelihood estimate; α = 1 is Laplace smoothing, "
               "as in the book. Both Planet Wrodl pages share this one setting.")
    return alpha


# --- charts and faces -----------------------------------------------------------------------


def chart(figure, key: str, description: str, where=st) -> None:
    """Show a Wrodl figure (its own colours and fonts, enlarged in presenter mode) with a
    toolbar button that saves it as ``<key>.png`` and ``description`` (what it shows, its key
    values now) as its text alternative."""
    show_chart(figure, key, where=where, description=description)


#: Hides a ``-for-narrow`` container on wide screens and a ``-for-wide`` one on phones (as
#: ui.images does for face sheets), so a page can offer a chart in two layouts. On a phone,
#: the tables of an uploaded table (containers ``wrodl_…upload…``) are set smaller and wrap
#: their cells between words (column names also after "_": gdl_core.wrodl.survey.table_text),
#: so that their columns fit the screen.
SCREEN_CSS = f"""
[class*="-for-narrow"] {{ display: none; }}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  [class*="-for-wide"] {{ display: none; }}
  [class*="-for-narrow"] {{ display: block; }}
  [class*="st-key-wrodl_"][class*="upload"] [data-testid="stTable"] :is(th, td, th *, td *) {{
    white-space: normal; overflow-wrap: break-word; min-width: 0; font-size: 0.8rem; }}
}}
"""
#: Presenter mode: the Wrodl pages' small tables (Table 1-2, the comparison) as large as the
#: text around them.
PRESENTER_TABLE_CSS = """
[class*="st-key-wrodl_"] [data-testid="stTable"] th,
[class*="st-key-wrodl_"] [data-testid="stTable"] td { font-size: 1.15rem; }
"""


def page_style() -> None:
    """The Wrodl pages' own CSS (one element at the top of a page): the screen-dependent
    charts of :func:`chart_for_screens`, and large tables in presenter mode."""
    css = SCREEN_CSS + (PRESENTER_TABLE_CSS if st.session_state.get("presenter_mode") else "")
    st.html(f"<style>{css}</style>")


def chart_for_screens(wide, narrow, key: str, description: str, where=st) -> None:
    """``wide`` on a laptop or projector, ``narrow`` (the same chart laid out for about
    360 px) on a phone, chosen by the browser (CSS from :func:`page_style`): the server need
    not know the screen. Their containers are ``<key>-for-wide`` and ``<key>-for-narrow``;
    both save as ``<key>.png`` and have ``description`` as their text alternative."""
    with where.container(key=f"{key}-for-wide"):
        show_chart(wide, f"{key}_wide", filename=key, description=description)
    with where.container(key=f"{key}-for-narrow"):
        show_chart(narrow, f"{key}_narrow", filename=key, description=description)


def portrait(face: tuple[str, ...], key: str, css_px: int = 160, what: str = "A Wrodler") -> None:
    """One face drawn large: rendered at 256 px and shown ``css_px`` wide, so it stays sharp on
    a high-density screen (a fixed pixel width would make Streamlit shrink the file itself).
    ``key`` names its container; its alternative text is ``what`` followed by the face's five
    features and whether it is a training face (:func:`gdl_core.wrodl.alt_text.face_alt`)."""
    with st.container(width=css_px, key=key):
        st.image(avatar_png(face, 256), width="stretch", output_format="PNG",
                 alt=face_alt(dict(zip(wrodl.FEATURES, face, strict=True)), what))


# --- sampling -------------------------------------------------------------------------------


#: What a samples section tells its page once drawn (from a fragment's rerun too): the
#: samples, the seed and the picture of them if faces were drawn.
OnDrawn = Callable[[Samples, int, Sheet | None], None]


def _seed_row(seed: Param, button_key: str):
    """Seed input and "Sample again"; returns the seed now and two columns for read-outs."""
    seed_col, again_col, batch_col, free_col = st.columns(
        [1.1, 1.1, 1.4, 1.4], vertical_alignment="bottom"
    )
    seed_col.number_input("Seed", min_value=0, max_value=MAX_SEED, step=1, key=seed.key)
    again_col.button(
        "Sample again", key=button_key, icon=":material/casino:",
        on_click=next_seed, args=(seed.key, MAX_SEED),
    )
    return int(st.session_state[seed.key]), batch_col, free_col


@st.fragment
def samples_section(
    model: type, alpha: float, n: int, seed: Param, button_key: str, key: str,
    chance_new: float | None = None, on_drawn: OnDrawn | None = None,
) -> None:
    """Seed input, "Sample again", the batch's novelty read-out and the ``n`` samples of
    ``model`` (a class) at α in container ``key``, their table (and its CSV) in an expander
    under them (container ``<key>_table``); then ``on_drawn`` (e.g. to record the page's
    report).

    A fragment: a new seed reruns only this part of the page, so a class pressing "Sample
    again" together costs the server a fraction of whole-page reruns.
    """
    seed_now, batch_col, free_col = _seed_row(seed, button_key)
    drawn = reports.samples(model, alpha, n, seed_now)
    batch_col.metric("New faces in this batch", f"{drawn.n_new} of {n}")
    if chance_new is not None:
        free_col.metric("Chance a sample is new", percent(chance_new))
    sheet = samples_sheet(model, alpha, n, seed_now)
    sheet.show(key, f"{key}-alpha{alpha:g}-seed{seed_now}.png")
    if on_drawn is not None:
        on_drawn(drawn, seed_now, sheet)
    publish(seed)  # a fragment's rerun does not reach the page's own publish()


@st.fragment
def upload_samples_section(
    upload: Upload, model: type, alpha: float, n: int, seed: Param, button_key: str,
    key: str, chance_new: float, on_drawn: OnDrawn | None = None,
) -> None:
    """:func:`samples_section` on the uploaded table: the samples as a table (container
    ``<key>_table``) with a CSV download, and as faces too when the table is Wrodl's."""
    seed_now, batch_col, free_col = _seed_row(seed, button_key)
    dataset: CategoricalDataset = upload.data
    drawn = reports.upload_samples(upload.digest, model, alpha, n, seed_now, dataset)
    batch_col.metric("New in this batch", f"{drawn.n_new} of {n}")
    free_col.metric("Chance a sample is new", percent(chance_new))
    name = f"{key}-alpha{alpha:g}-seed{seed_now}"
    sheet = None
    if dataset.is_wrodl:
        sheet = upload_samples_sheet(upload.digest, model, alpha, n, seed_now, dataset)
        sheet.show(key, f"{name}.png")
    else:
        with st.container(key=f"{key}_table"):
            st.table(table_text(drawn.table), hide_index=True)
            csv_download(drawn.table, f"{name}.csv", key=f"{key}_csv")
    if on_drawn is not None:
        on_drawn(drawn, seed_now, sheet)
    publish(seed)


def _badges(drawn: Samples) -> tuple[Badge, ...]:
    return tuple(
        Badge("new", "green") if copy < 0 else Badge(verdict, "gray")
        for copy, verdict in zip(drawn.copy_of.tolist(), drawn.verdicts, strict=True)
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def upload_samples_sheet(
    digest: str, model: type, alpha: float, n: int, seed: int, _dataset: CategoricalDataset,
) -> Sheet:
    """The samples of an uploaded Wrodl table as faces in one row, each over its verdict
    ("new" or "copy of row r"), with the samples as a table under them."""
    drawn = reports.upload_samples(digest, model, alpha, n, seed, _dataset)
    faces = [dict(zip(wrodl.FEATURES, face, strict=True)) for face in drawn.faces]
    return Sheet(
        avatar_sheet_png(drawn.faces, AVATAR_PX, _badges(drawn), columns=len(drawn.faces)),
        None,
        f"{len(faces)} sampled faces, left to right: " + "; ".join(
            f"{i}. {face_words(face)} ({verdict})"
            for i, (face, verdict) in enumerate(zip(faces, drawn.verdicts, strict=True), 1)
        ) + ".",
        f"Samples 1 to {len(faces)}, left to right: {', '.join(drawn.verdicts)}.",
        split=True, table=drawn.table, table_label=f"The {len(faces)} samples as a table",
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def upload_faces_sheet(digest: str, _dataset: CategoricalDataset, most: int = 50) -> Sheet:
    """The first ``most`` rows of an uploaded Wrodl table as faces, ten to a row (five on a
    phone), each over its row number in the file."""
    codes = _dataset.codes[:most]
    faces = tuple(wrodl.face_tuples(codes))
    rows = tuple(f"row {r}" for r in _dataset.rows[: len(faces)])
    first = "The first " if len(faces) < _dataset.n_obs else "All "
    return Sheet(
        avatar_sheet_png(faces, AVATAR_PX, rows),
        avatar_sheet_png(faces, AVATAR_PX, rows, columns=NARROW_COLUMNS),
        f"{first}{len(faces)} rows of your table as faces, ten to a row: " + "; ".join(
            f"{row} {face_words(dict(zip(wrodl.FEATURES, face, strict=True)))}"
            for row, face in zip(rows, faces, strict=True)
        ),
        f"{first}{len(faces)} rows of your table, ten to a row, each over its row number.",
    )


@st.cache_resource(max_entries=SHEETS_KEPT, show_spinner=False)
def samples_sheet(model: type, alpha: float, n: int, seed: int) -> Sheet:
    """The samples of :func:`ui.wrodl_reports.samples` in one row (on a phone two rows),
    each over a green "new" or a grey "copy of #i" badge, with the verdicts again as text."""
    drawn = reports.samples(model, alpha, n, seed)
    return Sheet(
        avatar_sheet_png(drawn.faces, AVATAR_PX, _badges(drawn), columns=len(drawn.faces)),
        None,
        faces_alt([dict(zip(wrodl.FEATURES, face, strict=True)) for face in drawn.faces],
                  f"{len(drawn.faces)} sampled faces"),
        f"Samples 1 to {len(drawn.faces)}, left to right: {', '.join(drawn.verdicts)}.",
        split=True, table=drawn.table, table_label=f"The {n} samples as a table",
    )


@st.cache_resource(show_spinner=False)
def training_sheet() -> Sheet:
    """The 50 Wrodlers, ten to a row (five on a phone), each over its number."""
    faces = tuple(wrodl.face_tuples(wrodl.training_codes()))
    ids = tuple(f"#{i}" for i in range(len(faces)))
    return Sheet(
        avatar_sheet_png(faces, AVATAR_PX, ids),
        avatar_sheet_png(faces, AVATAR_PX, ids, columns=NARROW_COLUMNS),
        "The Wrodlers as cartoon faces, ten to a row: " + "; ".join(
            f"{i} {face}" for i, face in
            zip(ids, wrodl.describe(wrodl.training_codes()), strict=True)
        ),
        f"Faces #0 to #{len(faces) - 1}, ten to a row: #0 to #9 on the first row, #10 to #19 "
        "on the second, and so on (five to a row on a phone).",
    )
