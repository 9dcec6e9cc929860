"""Pictures for the pages: avatars and pixel faces as cached PNG bytes.

A grid of faces goes out as one picture (a contact sheet), not one st.image per face: with a
whole class on one server, every st.image costs a turn at Streamlit's media file lock and
one message to the browser. Images go out as PNG (st.image would send RGB as JPEG) and small
pixel faces are enlarged with nearest-neighbour scaling, so they stay crisp on a projector.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
from PIL import Image

from gdl_core import avatars, pixels
from gdl_core.images import Badge, contact_sheet, png_bytes
from gdl_core.pixels import figures as pixel_figures
from gdl_core.tins import figures as tins_figures
from gdl_core.uploads import safe_csv
from gdl_core.wrodl import FEATURES

#: Pixels between the faces of a sheet: ten 128 px faces and nine such gaps make 1,460 px,
#: the widest picture st.image sends as it is (a wider one it scales down, blurring pixel
#: faces, on every rerun).
SHEET_GAP = 20
#: Sheets kept per kind: the three or so each student's page shows, for a class of about 80
#: (a sheet of ten faces is 25–35 KB; a larger class redraws some, about 4 ms each). Bounded
#: so that the server fits Community Cloud's guaranteed memory (python -m bench.memory).
SHEETS_KEPT = 256


def _sheet_png(
    tiles: list[Image.Image], columns: int, labels: tuple[str | Badge, ...] | None
) -> bytes:
    """Tiles as one contact sheet, PNG-encoded for speed (zlib level 1: about 4 ms for ten
    faces instead of 6.5 ms, for a file about a fifth larger)."""
    return png_bytes(contact_sheet(tiles, columns, labels, SHEET_GAP), compress_level=1)


# PNG bytes never change once made, so the caches hand every session the same object
# (st.cache_resource) instead of a fresh copy per read (st.cache_data pickles).
# 512 portraits of about 13 KB (256 px): a class of about 100 each picking five faces in the
# calculator, beside the 50 Wrodlers; one more is drawn in 30-50 ms.
@st.cache_resource(max_entries=512, show_spinner=False)
def avatar_png(face: tuple[str, ...], size: int) -> bytes:
    """One Wrodler as PNG; ``face`` is its five values in FEATURES order."""
    return png_bytes(avatars.render(dict(zip(FEATURES, face, strict=True)), size))


def face_key(features) -> tuple[str, ...]:
    """The cache key of a face given as a mapping or a DataFrame row: values in FEATURES order."""
    return tuple(str(features[name]) for name in FEATURES)


@st.cache_resource(max_entries=SHEETS_KEPT, show_spinner=False)
def avatar_sheet_png(
    faces: tuple[tuple[str, ...], ...], size: int,
    labels: tuple[str | Badge, ...] | None = None, columns: int = 10,
) -> bytes:
    """Wrodlers (each its five values in FEATURES order) drawn ``size`` px wide, as one PNG
    contact sheet (:func:`gdl_core.images.contact_sheet`) in rows of ``columns``."""
    tiles = [avatars.render(dict(zip(FEATURES, face, strict=True)), size) for face in faces]
    return _sheet_png(tiles, columns, labels)


@st.cache_resource(max_entries=SHEETS_KEPT, show_spinner=False)
def pixel_sheet_png(
    codes: np.ndarray, palette: np.ndarray, labels: tuple[str, ...] | None = None,
    columns: int = 10, size: int = pixels.SIZE, scale: int = 4,
) -> bytes:
    """Planet Pixel faces (one row of palette indices each), each enlarged ``scale`` times
    with square pixels (a 32 px face becomes 128 px), as one PNG contact sheet in rows of
    ``columns``."""
    tiles = [
        pixels.to_image(row, palette, size).resize(
            (size * scale, size * scale), Image.Resampling.NEAREST
        )
        for row in codes
    ]
    return _sheet_png(tiles, columns, labels)


@st.cache_resource(max_entries=SHEETS_KEPT, show_spinner=False)
def tin_sheet_png(
    pictures: np.ndarray, labels: tuple[str, ...] | None = None, columns: int = 10,
) -> bytes:
    """Biscuit tins (grey values in [0, 1], one 32 × 32 picture each), enlarged four times
    with square pixels, as one PNG contact sheet in rows of ``columns``."""
    return _sheet_png([tins_figures.tin_tile(picture) for picture in pictures], columns, labels)


@st.cache_resource(max_entries=256, show_spinner=False)
def outlined_face_png(
    codes_row: np.ndarray, palette: np.ndarray, marked: tuple[int, ...],
    size: int = pixels.SIZE, scale: int = 12, ring: bool = False,
) -> bytes:
    """A Planet Pixel face enlarged ``scale`` times with the ``marked`` pixels boxed, as PNG
    (``ring=True``: a bolder box around each pixel, for small pictures)."""
    return png_bytes(
        pixel_figures.outlined_face(codes_row, palette, marked, size=size, scale=scale, ring=ring)
    )


def crisp_images() -> None:
    """Ask the browser to enlarge every picture on the page with square, unsmoothed pixels.

    The PNGs are already enlarged with nearest-neighbour scaling, but the page rarely shows
    them at exactly their own width, and the browser's smoothing would blur the pixel edges
    again.
    """
    st.html("<style>[data-testid='stImage'] img { image-rendering: pixelated; }</style>")


#: Screens at most this wide (phones) get a sheet's narrow version, with fewer faces a row.
NARROW_SCREEN_PX = 640
NARROW_COLUMNS = 5
#: Keyboard users: a heading's "Link to heading" and a picture's toolbar (the Fullscreen button
#: Streamlit gives every st.image, which 1.67 has no option to remove) are taken out of the tab
#: order (visibility: hidden is no tab stop) and shown again under the mouse, where Streamlit
#: shows them anyway: the first control of a page is then a few Tabs away, and a keyboard user
#: still saves a sheet with its "Save as PNG" button and enlarges it with the browser's zoom.
#: Other toolbars (a table's) show while they have the focus, and a link, a tab or a radio
#: option gets the theme's blue ring (Streamlit draws next to none on a page link or a radio).
#: A formula's box gets room for glyphs that stick out of it by a pixel or two, which made it
#: a scrollable region no key can reach. A chart's text alternative (ui.charts) is read by
#: screen readers but not drawn, and takes no room.
KEYBOARD_CSS = """
[data-testid="stHeaderActionElements"],
div:has(> [data-testid="stImage"]) > [data-testid="stElementToolbar"] { visibility: hidden; }
[data-testid="stHeadingWithActionElements"]:hover [data-testid="stHeaderActionElements"],
div:has(> [data-testid="stImage"]):hover > [data-testid="stElementToolbar"] {
  visibility: visible; }
[data-testid="stElementToolbar"]:focus-within { opacity: 1; }
[data-testid="stMain"] a:focus-visible,
[data-testid="stMain"] [role="tab"]:focus-visible {
  outline: 2px solid #1b61d1 !important; outline-offset: 2px; border-radius: 0.25rem; }
[data-testid="stMain"] [data-testid="stRadio"] label:has(input:focus-visible) {
  outline: 2px solid #1b61d1; outline-offset: 2px; border-radius: 0.25rem; }
.katex-display { padding: 0 0.3em; }
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] .chart-description) {
  position: absolute !important; width: 1px !important; height: 1px !important;
  margin: 0; padding: 0; clip-path: inset(50%); pointer-events: none; }
"""
#: Where the right half of a split row (show_sheet(split=True)) starts, in widths of its frame:
#: at its sixth face, so the two rows line up. The picture is ten TILE_PX faces with gaps,
#: shown twice the frame's width.
TILE_PX = 128
SPLIT_SHIFT = 2 * 5 * (TILE_PX + SHEET_GAP) / (10 * TILE_PX + 9 * SHEET_GAP)
SHEET_CSS = f"""<style>
[class*="-sheet-narrow"] {{ display: none; }}
@media (max-width: {NARROW_SCREEN_PX}px) {{
  [class*="-sheet-wide"] {{ display: none; }}
  [class*="-sheet-narrow"] {{ display: block; }}
}}
[class*="-half-"] [data-testid="stImage"] {{ overflow: hidden; }}
[class*="-half-"] img {{ width: 200% !important; max-width: none !important; }}
[class*="-half-right"] {{ padding-top: 0.4rem; }}
[class*="-half-right"] img {{ margin-left: -{100 * SPLIT_SHIFT:.3f}%; }}
{KEYBOARD_CSS}
</style>"""


@dataclass(frozen=True)
class Sheet:
    """A contact sheet ready for :func:`show_sheet`: the picture, its phone version, its
    alternative text and caption. Built once per input by a cached function, so a rerun
    neither hashes the faces nor writes the words again."""

    png: bytes
    narrow_png: bytes | None
    alt: str
    text: str | None = None
    split: bool = False
    #: What the pictures show as a table, one row a face, in an expander under them (its
    #: label ``table_label``): the text alternative a person can sort and read at leisure.
    table: pd.DataFrame | None = None
    table_label: str = "These pictures as a table"

    @functools.cached_property
    def arrow_table(self) -> pa.Table:
        """:attr:`table` as Streamlit sends it, converted once (see :func:`arrow_table`)."""
        return arrow_table(self.table)

    def show(self, key: str, download: str | None = None) -> None:
        show_sheet(self.png, key, self.alt, self.text, self.narrow_png, download, self.split)
        if self.table is not None:
            with st.expander(self.table_label), st.container(key=f"{key}_table"):
                st.dataframe(self.arrow_table, hide_index=True, width="stretch")
                csv_download(self.table, f"{(download or key).removesuffix('.png')}.csv",
                             key=f"{key}_csv")


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """``frame`` (without its index) as the Arrow table ``st.dataframe`` sends. Given a
    DataFrame, Streamlit converts it again on every rerun (0.45 ms for a small table, against
    0.06 ms for an Arrow table), so a table shown on every rerun is converted once, where it
    is cached."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def csv_download(table: pd.DataFrame, file_name: str, key: str) -> None:
    """A "Save as CSV" button for ``table``, written by :func:`gdl_core.uploads.safe_csv`
    (no cell can run as a spreadsheet formula) only when pressed."""
    st.download_button(
        "Save as CSV", lambda: safe_csv(table), file_name=file_name, mime="text/csv",
        icon=":material/download:", key=key, on_click="ignore",
    )


def show_sheet(
    png: bytes, key: str, alt: str, text: str | None = None,
    narrow_png: bytes | None = None, download: str | None = None, split: bool = False,
) -> None:
    """One contact sheet, full width, in a container with key ``key`` (CSS class
    ``st-key-<key>``, for tests and styling), described by ``alt``, with ``text`` as a
    caption under it: the numbers its labels show, as text a screen reader and a search can
    find.

    ``narrow_png``, the same faces in rows of :data:`NARROW_COLUMNS`, replaces the sheet on
    a phone (by :data:`SHEET_CSS`, which app.py puts on every page: no rerun, and the server
    need not know the screen). ``split=True`` says the sheet is one row of ten
    :data:`TILE_PX` faces: a phone shows it as two rows, its left half over its right half,
    both cropped from the same picture, so there is no second picture to draw.
    ``download`` names the PNG file a button under the sheet saves.
    """
    with st.container(key=key):
        # Only a sheet with a narrow version is hidden on a phone.
        has_narrow = narrow_png is not None or split
        with st.container(key=f"{key}-sheet-wide" if has_narrow else None):
            st.image(png, width="stretch", output_format="PNG", alt=alt)
        if narrow_png is not None:
            with st.container(key=f"{key}-sheet-narrow"):
                st.image(narrow_png, width="stretch", output_format="PNG", alt=alt)
        elif split:  # the same picture twice (sent once): the left half's alt says it all
            with st.container(key=f"{key}-sheet-narrow", gap=None):
                st.container(key=f"{key}-half-left").image(
                    png, width="stretch", output_format="PNG", alt=alt)
                st.container(key=f"{key}-half-right").image(
                    png, width="stretch", output_format="PNG", alt="")
        if text:
            st.caption(text)
        if download:
            st.download_button(
                "Save as PNG", png, file_name=download, mime="image/png",
                icon=":material/download:", key=f"{key}_download", on_click="ignore",
            )
