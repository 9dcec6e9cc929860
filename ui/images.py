"""Pictures for the pages: avatars and pixel faces as cached PNG bytes, shown in grids.

Images go to the browser as PNG (st.image would send RGB as JPEG) and small pixel faces are
enlarged with nearest-neighbour scaling, so they stay crisp on a projector.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st
from PIL import Image

from gdl_core import avatars, pixels
from gdl_core.images import png_bytes
from gdl_core.pixels import figures as pixel_figures
from gdl_core.wrodl import FEATURES


@st.cache_data(max_entries=8192, show_spinner=False)
def avatar_png(face: tuple[str, ...], size: int) -> bytes:
    """One Wrodler as PNG; ``face`` is its five values in FEATURES order."""
    return png_bytes(avatars.render(dict(zip(FEATURES, face, strict=True)), size))


def face_key(features) -> tuple[str, ...]:
    """The cache key of a face given as a mapping or a DataFrame row: values in FEATURES order."""
    return tuple(str(features[name]) for name in FEATURES)


@st.cache_data(max_entries=256, show_spinner=False)
def pixel_faces_png(
    codes: np.ndarray, palette: np.ndarray, size: int = pixels.SIZE, scale: int = 4
) -> list[bytes]:
    """Planet Pixel faces (one row of palette indices each) as PNGs enlarged ``scale`` times
    (a 32 px face goes out as 128 px; the browser enlarges it further, unsmoothed).

    One cache entry per set of faces: a grid of ten pictures costs one lookup, not ten.
    """
    return [
        png_bytes(
            pixels.to_image(row, palette, size).resize(
                (size * scale, size * scale), Image.Resampling.NEAREST
            )
        )
        for row in codes
    ]


@st.cache_data(max_entries=256, show_spinner=False)
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

    The PNGs are already enlarged with nearest-neighbour scaling, but a column rarely has
    exactly their width, and the browser's own smoothing would blur the pixel edges again.
    """
    st.html("<style>[data-testid='stImage'] img { image-rendering: pixelated; }</style>")


def image_grid(
    pngs: Sequence[bytes],
    captions: Sequence[str] | None = None,
    columns: int = 10,
    key: str | None = None,
) -> None:
    """Show PNG pictures in rows of ``columns``, each with an optional caption.

    ``captions`` (one per picture; ``None`` or ``""`` for none) may be left out. ``key`` puts
    the grid in a container with that key (CSS class ``st-key-<key>``), for tests and styling.
    Pictures go out as PNG, so RGB pictures are never re-encoded as JPEG.
    """
    captions = list(captions) if captions is not None else [None] * len(pngs)
    with st.container(key=key):
        for start in range(0, len(pngs), columns):
            cells = st.columns(columns)
            for cell, png, caption in zip(
                cells, pngs[start : start + columns], captions[start : start + columns],
                strict=False,
            ):
                cell.image(png, caption=caption or None, width="stretch", output_format="PNG")
