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


@st.cache_data(max_entries=4096, show_spinner=False)
def pixel_face_png(codes_row: bytes, palette: bytes, size: int = 32, scale: int = 4) -> bytes:
    """A Planet Pixel face (its palette indices as bytes) as a PNG enlarged ``scale`` times."""
    pal = np.frombuffer(palette, dtype=np.uint8).reshape(-1, 3)
    image = pixels.to_image(np.frombuffer(codes_row, dtype=np.uint8), pal, size)
    return png_bytes(image.resize((size * scale, size * scale), Image.Resampling.NEAREST))


@st.cache_data(max_entries=256, show_spinner=False)
def outlined_face_png(
    codes_row: bytes, palette: bytes, marked: tuple[int, ...], size: int = 32, scale: int = 12,
    ring: bool = False,
) -> bytes:
    """A Planet Pixel face enlarged ``scale`` times with the ``marked`` pixels boxed, as PNG
    (``ring=True``: a bolder box around each pixel, for small pictures)."""
    pal = np.frombuffer(palette, dtype=np.uint8).reshape(-1, 3)
    row = np.frombuffer(codes_row, dtype=np.uint8)
    return png_bytes(
        pixel_figures.outlined_face(row, pal, marked, size=size, scale=scale, ring=ring)
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
