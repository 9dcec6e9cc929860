"""Pictures as bytes, and many small pictures as one: the PNG encoder for every picture the
project sends or embeds, and the contact sheet that lays out a grid of faces."""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFont

from gdl_core.style import COLOURS

__all__ = ["BADGE_COLORS", "INK", "Badge", "contact_sheet", "png_bytes"]

#: Colour of a plain caption: the figures' near-black text colour, for a white page.
INK = COLOURS["ink"]
#: (text, background) of each badge colour, after Streamlit's ``st.badge``; the text keeps a
#: contrast of at least 4.5:1 (WCAG AA) on its background.
BADGE_COLORS = {"green": ("#1a6b32", "#dcf2e3"), "gray": ("#3d3f4a", "#e4e5ea")}

GAP = 3 / 16  # gap between cells, as a share of the tile width (Streamlit's 1rem column gap
#               next to a column about 85 px wide)
BAND = 0.22  # height of the label band under each tile, as a share of the tile height
CAPTION_SIZE = 0.18  # font size of a plain caption, as a share of the tile height
BADGE_SIZE = 0.15  # font size of a badge's text, as a share of the tile height


class Badge(NamedTuple):
    """A label drawn like Streamlit's ``st.badge``: ``text`` on a rounded background of
    ``color`` (a key of :data:`BADGE_COLORS`)."""

    text: str
    color: str = "gray"


def png_bytes(image: Image.Image, **options) -> bytes:
    """``image`` encoded as PNG; ``options`` go to Pillow's PNG writer (e.g. ``optimize=True``,
    ``bits=1`` for a two-colour palette image)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **options)
    return buffer.getvalue()


def contact_sheet(
    tiles: Sequence[Image.Image],
    columns: int,
    labels: Sequence[str | Badge | None] | None = None,
    gap: int | None = None,
) -> Image.Image:
    """Equal-sized ``tiles`` as one RGBA picture, in rows of ``columns`` cells.

    Layout, for tiles ``w`` × ``h`` pixels: tile ``i`` sits in row ``i // columns``, column
    ``i % columns``, with its top-left corner at ``(column · (w + gap), row · (h + b + gap))``,
    where ``b`` is the label band: ``round(0.22 · h)`` when ``labels`` are given, else 0. The
    sheet is ``columns · w + (columns − 1) · gap`` wide, whatever the number of tiles, so a
    tile always takes the same share of the sheet's width; rows follow each other with ``gap``
    between them. ``gap`` defaults to 3/16 of ``w``. Everything outside the tiles and labels
    is transparent.

    ``labels`` holds one label per tile: a string is a plain caption (``INK`` on transparent),
    a :class:`Badge` is text on a rounded coloured background, ``None`` or ``""`` is nothing.
    Each is centred in the band under its tile, its text shrunk if it would not fit the tile's
    width.
    """
    if columns < 1:
        raise ValueError(f"columns must be at least 1, got {columns}.")
    if not tiles:
        raise ValueError("A contact sheet needs at least one tile, got none.")
    w, h = tiles[0].size
    for i, tile in enumerate(tiles):
        if tile.size != (w, h):
            raise ValueError(
                f"All tiles must have the same size: tile 0 is {w}×{h} pixels, "
                f"tile {i} is {tile.width}×{tile.height}."
            )
    if labels is not None and len(labels) != len(tiles):
        raise ValueError(
            f"Give one label per tile: {len(tiles)} tiles but {len(labels)} labels."
        )
    gap = round(GAP * w) if gap is None else gap
    if gap < 0:
        raise ValueError(f"gap must be ≥ 0 pixels, got {gap}.")
    band = 0 if labels is None else round(BAND * h)
    rows = math.ceil(len(tiles) / columns)
    sheet = Image.new(
        "RGBA", (columns * w + (columns - 1) * gap, rows * (h + band) + (rows - 1) * gap)
    )
    for i, tile in enumerate(tiles):
        x, y = (i % columns) * (w + gap), (i // columns) * (h + band + gap)
        sheet.paste(tile.convert("RGBA"), (x, y))
        if labels is not None and labels[i]:
            sheet.paste(_label(labels[i], w, band, h), (x, y + h))
    return sheet


@functools.lru_cache(maxsize=1024)  # 14 KB each under a 128 px tile
def _label(label: str | Badge, width: int, height: int, tile_height: int) -> Image.Image:
    """One label as an RGBA picture ``width`` × ``height``, text centred on its cap height.
    Cached and shared: only to be read."""
    badge = isinstance(label, Badge)
    if badge and label.color not in BADGE_COLORS:
        raise ValueError(
            f"Unknown badge colour {label.color!r}; use one of {', '.join(BADGE_COLORS)}."
        )
    ink, fill = BADGE_COLORS[label.color] if badge else (INK, None)
    text = label.text if badge else label
    pad = round((0.06 if badge else 0.03) * tile_height)  # text to the badge's or tile's edge
    size = round((BADGE_SIZE if badge else CAPTION_SIZE) * tile_height)
    font = ImageFont.load_default(size=size)
    while (length := font.getlength(text)) > width - 2 * pad and size > 1:  # shrink to fit
        size = min(size - 1, math.floor(size * (width - 2 * pad) / length))
        font = ImageFont.load_default(size=max(size, 1))
    top = round(0.025 * tile_height) if badge else 0  # a badge keeps clear of its tile
    picture = Image.new("RGBA", (width, height))
    if fill:
        left = (width - length) / 2 - pad
        ImageDraw.Draw(picture).rounded_rectangle(
            (round(left), top, round(width - left) - 1, height - 1),
            radius=(height - top) // 4, fill=fill,
        )
    # Text as a mask over a layer of ink, so its smoothed edges blend with what lies under it.
    mask = Image.new("L", (width, height))
    cap_height = -font.getbbox("H", anchor="ls")[1]
    ImageDraw.Draw(mask).text(
        (width / 2, (top + height + cap_height) / 2), text, font=font, fill=255, anchor="ms"
    )
    layer = Image.new("RGBA", (width, height), ink)
    layer.putalpha(mask)
    return Image.alpha_composite(picture, layer)
