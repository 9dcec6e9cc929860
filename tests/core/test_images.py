"""The PNG encoder and the contact sheet: geometry pixel for pixel, legible labels, and
input errors a student can read."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageColor

from gdl_core.images import BADGE_COLORS, INK, Badge, contact_sheet, png_bytes

WHITE = "#ffffff"  # the page's background (light theme)


def tiles(n: int, width: int = 40, height: int = 30, seed: int = 0) -> list[Image.Image]:
    """``n`` different opaque noise tiles, RGBA."""
    rng = np.random.default_rng(seed)
    pictures = rng.integers(0, 256, (n, height, width, 4), dtype=np.uint8)
    pictures[..., 3] = 255
    return [Image.fromarray(p, "RGBA") for p in pictures]


def pixels(image: Image.Image, box=None) -> np.ndarray:
    return np.asarray(image.crop(box) if box else image)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an ``#rrggbb`` colour."""
    channels = np.array(ImageColor.getrgb(colour)[:3]) / 255
    linear = np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def contrast(one: str, two: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- PNG ------------------------------------------------------------------------------------


def test_png_bytes_round_trips_and_passes_options():
    rgb = np.random.default_rng(0).integers(0, 256, (8, 12, 3), dtype=np.uint8)
    png = png_bytes(Image.fromarray(rgb))
    assert png.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(png)) as image:
        assert np.array_equal(np.asarray(image.convert("RGB")), rgb)
    two = Image.fromarray((rgb[..., 0] > 127).astype(np.uint8), mode="L").convert("P")
    two.putpalette([0, 0, 0, 255, 255, 255] + [0, 0, 0] * 254)
    assert len(png_bytes(two, bits=1)) < len(png_bytes(two))


# --- geometry -------------------------------------------------------------------------------


def test_each_tile_sits_in_its_cell_pixel_for_pixel_and_the_rest_is_transparent():
    faces = tiles(6)  # 40 × 30, in rows of 4: the second row has two empty cells
    sheet = contact_sheet(faces, columns=4, gap=5)
    assert sheet.mode == "RGBA"
    assert sheet.size == (4 * 40 + 3 * 5, 2 * 30 + 5)
    covered = np.zeros(sheet.size[::-1], dtype=bool)
    for i, face in enumerate(faces):
        x, y = (i % 4) * 45, (i // 4) * 35
        np.testing.assert_array_equal(pixels(sheet, (x, y, x + 40, y + 30)), pixels(face))
        covered[y : y + 30, x : x + 40] = True
    # gaps and the two empty cells
    assert (pixels(sheet)[..., 3][~covered] == 0).all()
    assert covered.sum() == 6 * 40 * 30


def test_rgb_tiles_are_pasted_opaque():
    face = Image.new("RGB", (8, 8), (10, 200, 30))
    sheet = contact_sheet([face, face], columns=2, gap=2)
    assert sheet.size == (18, 8)
    assert (pixels(sheet, (0, 0, 8, 8)) == (10, 200, 30, 255)).all()
    assert (pixels(sheet, (8, 0, 10, 8))[..., 3] == 0).all()


def test_a_sheet_keeps_its_columns_when_fewer_tiles_are_given():
    """Three tiles in a ten-column sheet: as wide as ten, so each keeps its displayed size."""
    assert contact_sheet(tiles(3), columns=10).size == contact_sheet(tiles(10), columns=10).size


def test_the_default_gap_is_three_sixteenths_of_a_tile():
    assert contact_sheet(tiles(2, width=128, height=128), columns=2).size == (128 * 2 + 24, 128)


def test_the_label_band_is_there_only_when_labels_are_given():
    faces = tiles(4, width=100, height=100)
    plain = contact_sheet(faces, columns=2, gap=10)
    labelled = contact_sheet(faces, columns=2, gap=10, labels=["1", "2", "3", "4"])
    assert plain.size == (210, 210)
    assert labelled.size == (210, 2 * (100 + 22) + 10)  # a band of 0.22 × 100 under each row
    # the tiles move down by the band, row by row
    np.testing.assert_array_equal(pixels(labelled, (110, 132, 210, 232)), pixels(faces[3]))
    # labels given but all empty: the band stays (same layout), and stays transparent
    blank = contact_sheet(faces, columns=2, gap=10, labels=[None, "", None, ""])
    assert blank.size == labelled.size
    assert (pixels(blank, (0, 100, 210, 122))[..., 3] == 0).all()


# --- labels ---------------------------------------------------------------------------------


def band(sheet: Image.Image, cell: int, columns: int, size: int = 100, gap: int = 10):
    """The label band under tile ``cell`` of a sheet of ``size`` px square tiles."""
    height = round(0.22 * size)
    x = (cell % columns) * (size + gap)
    y = (cell // columns) * (size + height + gap) + size
    return pixels(sheet, (x, y, x + size, y + height))


def test_captions_are_drawn_in_ink_and_differ_with_their_text():
    faces = tiles(3, width=100, height=100)
    sheet = contact_sheet(faces, columns=3, gap=10, labels=["242", "251", "242"])
    first, second, third = (band(sheet, i, 3) for i in range(3))
    inked = first[..., 3] > 0
    assert inked.sum() > 50  # the text is there
    solid = first[..., 3] == 255
    assert solid.any()
    assert (first[solid][:, :3] == ImageColor.getrgb(INK)).all()  # in ink, nothing else
    assert not np.array_equal(first, second)
    np.testing.assert_array_equal(first, third)
    # centred under the tile: about as much room left and right of the text
    columns = np.flatnonzero(inked.any(axis=0))
    assert abs(columns[0] - (99 - columns[-1])) <= 2


@pytest.mark.parametrize("colour", sorted(BADGE_COLORS))
def test_badges_are_text_on_their_colour(colour):
    text, background = BADGE_COLORS[colour]
    faces = tiles(2, width=100, height=100)
    sheet = contact_sheet(faces, columns=2, gap=10,
                          labels=[Badge("new", colour), Badge("copy of #7", colour)])
    short, long = band(sheet, 0, 2), band(sheet, 1, 2)
    for label in (short, long):
        rgb = [tuple(p) for p in label[label[..., 3] == 255][:, :3]]
        assert rgb.count(ImageColor.getrgb(background)) > 100  # the rounded background
        assert ImageColor.getrgb(text) in rgb  # the text on it
        assert (label[:, 0, 3] == 0).all()  # the badge stays inside its cell
    # a longer text, a wider badge
    assert (long[..., 3] > 0).any(axis=0).sum() > (short[..., 3] > 0).any(axis=0).sum()


def test_a_label_too_long_for_its_tile_is_shrunk_to_fit():
    long_badge = Badge("copy of #4,031 and more")
    sheet = contact_sheet(tiles(3, width=100, height=100), columns=3, gap=10,
                          labels=[long_badge, "a caption far too long for a tile", long_badge])
    for cell in range(3):
        label = band(sheet, cell, 3)
        text = (label[..., 3] > 128) & (label[..., :3].sum(axis=2) < 3 * 128)  # dark: text
        columns = np.flatnonzero(text.any(axis=0))
        assert columns[-1] - columns[0] > 60  # still there, and wide
        assert columns[0] >= 2 and columns[-1] <= 97  # but whole, clear of the tile's edges
    for gap in (100, 210):  # nothing spills into the gaps
        assert (pixels(sheet, (gap, 100, gap + 10, 122))[..., 3] == 0).all()


@pytest.mark.parametrize(
    ("text", "background"),
    [(INK, WHITE), *BADGE_COLORS.values()],
    ids=["caption", *BADGE_COLORS],
)
def test_every_label_style_has_a_contrast_of_at_least_4_5(text, background):
    assert contrast(text, background) >= 4.5


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"tiles": [], "columns": 3}, "at least one tile"),
        ({"tiles": [*tiles(2), *tiles(1, width=20)], "columns": 3},
         "same size: tile 0 is 40×30 pixels, tile 2 is 20×30"),
        ({"tiles": tiles(3), "columns": 3, "labels": ["a", "b"]}, "3 tiles but 2 labels"),
        ({"tiles": tiles(3), "columns": 0}, "columns must be at least 1, got 0"),
        ({"tiles": tiles(3), "columns": 3, "gap": -1}, "gap must be ≥ 0 pixels, got -1"),
        ({"tiles": tiles(1), "columns": 1, "labels": [Badge("new", "purple")]},
         "Unknown badge colour 'purple'"),
    ],
    ids=["no tiles", "sizes differ", "labels", "columns", "gap", "badge colour"],
)
def test_bad_input_is_a_clear_value_error(arguments, message):
    with pytest.raises(ValueError, match=message):
        contact_sheet(**arguments)
