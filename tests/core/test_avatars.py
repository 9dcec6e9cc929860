"""Wrodl faces drawn with avataaars: shape, mapping, background, errors, caching."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from PIL import Image

from gdl_core import avatars
from gdl_core.wrodl import FEATURES

BASE = {
    "accessoriesType": "Blank",
    "clothingColor": "Blue01",
    "clothingType": "ShirtScoopNeck",
    "hairColor": "Brown",
    "topType": "LongHairStraight",  # long hair, so the hair colour is on show
}


def pixels(features, size=64) -> np.ndarray:
    return np.asarray(avatars.render(features, size))


def hex_rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def count_exact(image: np.ndarray, rgb) -> int:
    """Opaque pixels of exactly this colour (the artwork's fills are flat colours)."""
    return int(((image[..., :3] == rgb).all(axis=-1) & (image[..., 3] == 255)).sum())


# --- shape and type -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [8, 32, 57, 128])
def test_render_is_rgba_square_of_the_requested_size(size):
    image = avatars.render(BASE, size)
    assert isinstance(image, Image.Image)
    assert image.mode == "RGBA"
    assert image.size == (size, size)
    alpha = np.asarray(image)[..., 3]
    assert alpha.max() == 255  # something is drawn
    assert alpha.min() == 0  # and the corners outside the disc stay transparent


def test_numpy_integer_size_is_accepted():
    assert avatars.render(BASE, np.int64(20)).size == (20, 20)


# --- the mapping tables ---------------------------------------------------------------------


def test_tables_cover_exactly_the_wrodl_vocabulary():
    assert set(avatars.TABLES) == set(FEATURES)
    for name, values in FEATURES.items():
        table = avatars.TABLES[name]
        assert set(table) == set(values), name
        # no two Wrodl values may share one drawing
        assert len(set(table.values())) == len(values), name


# Each Wrodl name is an avataaars name; the SVG python_avatars loads carries the
# avataaars layer id, which is an independent check of the top and clothing tables.
AVATAAARS_IDS = {
    ("topType", "NoHair"): "Top/-No-Hair",
    ("topType", "LongHairBun"): "Top/Long-Hair/Bun",
    ("topType", "LongHairCurly"): "Top/Long-Hair/Curly",
    ("topType", "LongHairStraight"): "Top/Long-Hair/Straight",
    ("topType", "ShortHairShortWaved"): "Top/Short-Hair/Short-Waved",
    ("topType", "ShortHairShortFlat"): "Top/Short-Hair/Short-Flat",
    ("topType", "ShortHairFrizzle"): "Top/Short-Hair/Frizzle",
    ("clothingType", "Hoodie"): "Clothing/Hoodie",
    ("clothingType", "Overall"): "Clothing/Overall",
    ("clothingType", "ShirtScoopNeck"): "Clothing/Shirt-Scoop-Neck",
    ("clothingType", "ShirtVNeck"): "Clothing/Shirt-V-Neck",
    ("accessoriesType", "Round"): "Top/_Resources/Round",
    ("accessoriesType", "Sunglasses"): "Top/_Resources/Sunglasses",
}


@pytest.mark.parametrize(("feature", "value"), sorted(AVATAAARS_IDS))
def test_svg_uses_the_avataaars_part_of_the_same_name(feature, value):
    ids = re.findall(r' id="([^"]*)"', avatars.svg({**BASE, feature: value}))
    assert any(i.endswith("_" + AVATAAARS_IDS[feature, value]) for i in ids), ids


def test_blank_means_no_accessory_layer():
    ids = re.findall(r' id="([^"]*)"', avatars.svg({**BASE, "accessoriesType": "Blank"}))
    assert not any("_Resources/" in i for i in ids)


# Official avataaars colours (the getavataars palette).
AVATAAARS_COLOURS = {
    "clothingColor": {
        "Black": "#262E33", "Blue01": "#65C9FF", "Gray01": "#E6E6E6",
        "PastelGreen": "#A7FFC4", "PastelOrange": "#FFDEB5", "Pink": "#FF488E",
        "Red": "#FF5C5C", "White": "#FFFFFF",
    },
    "hairColor": {
        "Black": "#2C1B18", "Blonde": "#B58143", "Brown": "#724133",
        "PastelPink": "#F59797", "Red": "#C93305", "SilverGray": "#E8E1E1",
    },
}  # fmt: skip


@pytest.mark.parametrize(
    ("feature", "value"),
    [(f, v) for f, table in AVATAAARS_COLOURS.items() for v in table],
)
def test_colour_is_painted_in_its_avataaars_colour(feature, value):
    image = pixels({**BASE, feature: value}, 128)
    # clothes cover ~1,100 pixels and long straight hair ~4,000 at 128 px
    assert count_exact(image, hex_rgb(AVATAAARS_COLOURS[feature][value])) > 500


# --- every value is visible ----------------------------------------------------------------


@pytest.mark.parametrize("feature", list(FEATURES))
def test_every_value_gives_a_different_picture(feature):
    images = {v: pixels({**BASE, feature: v}) for v in FEATURES[feature]}
    for a, b in itertools.combinations(FEATURES[feature], 2):
        changed = np.any(images[a] != images[b], axis=-1).mean()
        # at 64 px even the smallest change (scoop vs v-neck) moves well over 0.5 % of pixels
        assert changed > 0.005, (feature, a, b, changed)


@pytest.mark.parametrize("top", [t for t in FEATURES["topType"] if t != "NoHair"])
def test_hair_colour_shows_on_every_hair_style(top):
    images = [pixels({**BASE, "topType": top, "hairColor": h}) for h in FEATURES["hairColor"]]
    for a, b in itertools.combinations(images, 2):
        assert np.any(a != b)


def test_hair_colour_cannot_show_without_hair():
    # A bald Wrodler has no hair to colour: all six hair colours give the same picture.
    first, *rest = [
        pixels({**BASE, "topType": "NoHair", "hairColor": h}) for h in FEATURES["hairColor"]
    ]
    for other in rest:
        np.testing.assert_array_equal(first, other)


def test_nohair_differs_from_every_hair_style():
    bald = pixels({**BASE, "topType": "NoHair"})
    for top in FEATURES["topType"][1:]:
        assert np.any(bald != pixels({**BASE, "topType": top})), top


# --- background -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [32, 128])
def test_background_disc_is_the_light_colour_not_black(size):
    bg = hex_rgb(avatars.BACKGROUND)
    assert sum(bg) / 3 > 180  # light enough for a projector
    for top in FEATURES["topType"]:
        image = pixels({**BASE, "topType": top}, size)
        # left and right of the head, inside the disc, clear of every hair style
        y = round(0.57 * size)
        for x in (round(0.09 * size), size - 1 - round(0.09 * size)):
            assert tuple(image[y, x]) == (*bg, 255), (top, size, x, y, image[y, x])
        opaque = image[image[..., 3] == 255][:, :3]
        assert (opaque.sum(axis=1) < 60).mean() < 0.10, "far too many near-black pixels"


def test_background_differs_from_every_clothing_and_hair_colour():
    bg = np.array(hex_rgb(avatars.BACKGROUND))
    for table in AVATAAARS_COLOURS.values():
        for colour in table.values():
            assert np.abs(bg - hex_rgb(colour)).sum() > 40, colour


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("features", "size", "match"),
    [
        ({**BASE, "topType": "Mohawk"}, 32, "not a valid topType"),
        ({**BASE, "clothingColor": "Grey01"}, 32, "not a valid clothingColor"),
        ({**BASE, "hatType": "Beanie"}, 32, "Unknown feature"),
        ({k: v for k, v in BASE.items() if k != "hairColor"}, 32, "Missing feature"),
        (["Blank", "Blue01"], 32, "mapping"),
        (BASE, 7, "between 8 and 1024"),
        (BASE, 1025, "between 8 and 1024"),
        (BASE, 0, "between 8 and 1024"),
        (BASE, 32.5, "whole number"),
        (BASE, "32", "whole number"),
        (BASE, True, "whole number"),
    ],
)
def test_bad_input_raises_value_error(features, size, match):
    with pytest.raises(ValueError, match=match):
        avatars.render(features, size)


# --- caching --------------------------------------------------------------------------------


def test_cached_result_cannot_be_changed_by_a_caller():
    first = avatars.render(BASE, 32)
    before = np.asarray(first).copy()
    first.paste((255, 0, 0, 255), (0, 0, 32, 32))
    np.testing.assert_array_equal(np.asarray(avatars.render(BASE, 32)), before)


def test_rendering_is_deterministic_and_cache_independent():
    before = np.asarray(avatars.render(BASE, 48)).copy()
    avatars._drawn_png.cache_clear()
    np.testing.assert_array_equal(np.asarray(avatars.render(BASE, 48)), before)


def test_key_order_does_not_matter():
    reordered = dict(reversed(list(BASE.items())))
    np.testing.assert_array_equal(pixels(reordered, 32), pixels(BASE, 32))


# --- contact sheet --------------------------------------------------------------------------
