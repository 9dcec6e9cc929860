"""Planet Pixel: faces as rows of indices into one shared 256-colour palette."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from gdl_core import avatars, pixels, wrodl
from gdl_core.wrodl import FEATURES

NAMES = list(FEATURES)


def face(i: int) -> dict[str, str]:
    """A deterministic walk through the vocabulary: face i takes value i mod L_k."""
    return {
        name: values[(i * (k + 1)) % len(values)]
        for k, (name, values) in enumerate(FEATURES.items())
    }


@pytest.fixture(scope="module")
def faces() -> pd.DataFrame:
    rows = [face(i) for i in range(12)]
    rows.append(rows[3])  # an exact repeat: row 12 is row 3 again
    rows.append(rows[0])  # row 13 is row 0 again
    return pd.DataFrame(rows, columns=NAMES)


@pytest.fixture(scope="module")
def dataset(faces):
    return pixels.make_dataset(faces)


def opaque_render(features: dict[str, str], size: int = 32) -> np.ndarray:
    """The avatar as drawn, laid on its disc colour: what the palette has to approximate."""
    rgba = avatars.render(features, size)
    base = Image.new("RGBA", rgba.size, (*pixels.BACKGROUND_RGB, 255))
    return np.asarray(Image.alpha_composite(base, rgba).convert("RGB"))


# --- shapes and types -----------------------------------------------------------------------


def test_codes_and_palette_have_the_promised_shape_and_type(faces, dataset):
    codes, palette = dataset
    assert codes.dtype == np.uint8
    assert codes.shape == (len(faces), 32 * 32)
    assert palette.dtype == np.uint8
    assert palette.shape == (256, 3)


def test_other_sizes_work(faces):
    codes, palette = pixels.make_dataset(faces.head(3), size=16)
    assert codes.shape == (3, 256)
    assert palette.shape == (256, 3)
    assert pixels.to_image(codes[0], palette, size=16).size == (16, 16)


def test_used_palette_entries_are_distinct_colours(dataset):
    codes, palette = dataset
    used = np.unique(codes)
    assert len(np.unique(palette[used], axis=0)) == len(used)
    # the picture needs many colours: flat fills plus their anti-aliased edges
    assert len(used) > 40


# --- round trip and fidelity ---------------------------------------------------------------


def test_to_image_is_the_palette_looked_up_row_by_row(dataset):
    codes, palette = dataset
    for i in range(len(codes)):
        image = pixels.to_image(codes[i], palette)
        assert image.mode == "RGB"
        assert image.size == (32, 32)
        np.testing.assert_array_equal(np.asarray(image), palette[codes[i]].reshape(32, 32, 3))


def test_to_image_accepts_a_square_array_and_a_list(dataset):
    codes, palette = dataset
    expected = np.asarray(pixels.to_image(codes[1], palette))
    np.testing.assert_array_equal(
        np.asarray(pixels.to_image(codes[1].reshape(32, 32), palette)), expected
    )
    np.testing.assert_array_equal(np.asarray(pixels.to_image(codes[1].tolist(), palette)), expected)


def test_quantised_faces_stay_close_to_the_original_render(faces, dataset):
    codes, palette = dataset
    for i, row in enumerate(faces.itertuples(index=False)):
        original = opaque_render(dict(zip(NAMES, row, strict=True))).astype(int)
        quantised = palette[codes[i]].reshape(32, 32, 3).astype(int)
        error = np.abs(quantised - original)
        # Measured over all 4,032 faces: mean error 0.40 (worst face 1.12) on the 0-255
        # scale, because flat fills are kept exactly and only anti-aliased edge pixels
        # move. The limit of 2 (under 1 % of the range, invisible by eye) still catches a
        # careless palette: a 256-colour median cut of one face applied to the others
        # gives 5.1 on average and up to 15.
        assert error.mean() < 2.0, (i, error.mean())
        # and most pixels (the flat areas) come back exactly: at least 78.8 % on every face
        assert (error.max(axis=2) == 0).mean() > 0.7, i


def test_background_and_flat_colours_are_exact_palette_entries(dataset):
    codes, palette = dataset
    background = np.array(pixels.BACKGROUND_RGB, dtype=np.uint8)
    # the background is the avatar's own disc: the commonest opaque colour of a bald face
    rgba = np.asarray(avatars.render({**face(0), "topType": "NoHair"}, 64))
    colours, counts = np.unique(rgba[rgba[..., 3] == 255][:, :3], axis=0, return_counts=True)
    np.testing.assert_array_equal(colours[counts.argmax()], background)
    # the most common colour, the background, is palette entry 0
    np.testing.assert_array_equal(palette[0], background)
    # the top-left corner of every face is plain background, and maps to it exactly
    np.testing.assert_array_equal(palette[codes[:, 0]], np.tile(background, (len(codes), 1)))
    assert len(set(codes[:, 0].tolist())) == 1


# --- identity and determinism --------------------------------------------------------------


def test_identical_faces_give_identical_rows(dataset):
    codes, _ = dataset
    np.testing.assert_array_equal(codes[12], codes[3])
    np.testing.assert_array_equal(codes[13], codes[0])


def test_different_faces_give_different_rows(dataset):
    codes, _ = dataset
    assert len(np.unique(codes[:12], axis=0)) == 12


def test_same_input_gives_byte_identical_output_even_from_a_cold_cache(faces, dataset):
    codes, palette = dataset
    pixels.encoding._codes_cached.cache_clear()
    pixels.encoding._palette_cached.cache_clear()
    avatars._drawn_png.cache_clear()
    codes2, palette2 = pixels.make_dataset(faces)
    assert codes2.tobytes() == codes.tobytes()
    assert palette2.tobytes() == palette.tobytes()


def test_palette_and_codes_do_not_depend_on_the_other_faces(faces, dataset):
    codes, palette = dataset
    alone, palette_alone = pixels.make_dataset(faces.iloc[[5]])
    np.testing.assert_array_equal(palette_alone, palette)
    np.testing.assert_array_equal(alone[0], codes[5])
    reversed_codes, _ = pixels.make_dataset(faces.iloc[::-1])
    np.testing.assert_array_equal(reversed_codes, codes[::-1])


def test_categorical_columns_and_extra_columns_are_fine(faces, dataset):
    codes, _ = dataset
    typed = faces.copy()
    for name, values in FEATURES.items():
        typed[name] = pd.Categorical(typed[name], categories=values)
    typed.insert(0, "face_id", range(len(typed)))
    typed = typed[list(reversed(typed.columns))]
    codes2, _ = pixels.make_dataset(typed)
    np.testing.assert_array_equal(codes2, codes)


def test_returned_arrays_are_the_callers_own(faces):
    codes, palette = pixels.make_dataset(faces.head(2))
    codes[:] = 0
    palette[:] = 0
    codes2, palette2 = pixels.make_dataset(faces.head(2))
    assert codes2.any()
    assert palette2.any()


def test_hair_colour_only_matters_when_there_is_hair():
    rows = [
        {**face(0), "topType": "NoHair", "hairColor": "Red"},
        {**face(0), "topType": "NoHair", "hairColor": "Black"},
        {**face(0), "topType": "LongHairCurly", "hairColor": "Red"},
        {**face(0), "topType": "LongHairCurly", "hairColor": "Black"},
    ]
    codes, _ = pixels.make_dataset(pd.DataFrame(rows))
    np.testing.assert_array_equal(codes[0], codes[1])
    assert np.any(codes[2] != codes[3])


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "size", "match"),
    [
        (lambda f: f.drop(columns="hairColor"), 32, "missing the column"),
        (lambda f: f.head(0), 32, "empty"),
        (lambda f: f.assign(topType="Mohawk"), 32, "Mohawk"),
        (lambda f: f.assign(clothingColor=None), 32, "clothingColor"),
        (lambda f: f.to_dict("records"), 32, "DataFrame"),
        (lambda f: f, 4, "between 8 and 1024"),
        (lambda f: f, 256, "at most 128"),
        (lambda f: f, 32.0, "whole number"),
    ],
)
def test_make_dataset_rejects_bad_input(faces, make, size, match):
    with pytest.raises(ValueError, match=match):
        pixels.make_dataset(make(faces.head(2)), size=size)


@pytest.mark.parametrize(
    ("row", "palette", "size", "match"),
    [
        (np.zeros(1000, np.uint8), None, 32, "needs 1024"),
        (np.zeros(1024, np.uint8), None, 16, "needs 256"),
        (np.zeros((2, 1024), np.uint8), None, 32, "one row"),
        (np.full(1024, 256), None, 32, "between 0 and 255"),
        (np.full(1024, -1), None, 32, "between 0 and 255"),
        (np.zeros(1024, float), None, 32, "whole numbers"),
        (np.zeros(1024, np.uint8), np.zeros((255, 3), np.uint8), 32, r"shape \(256, 3\)"),
        (np.zeros(1024, np.uint8), np.full((256, 3), 300), 32, "between 0 and 255"),
    ],
)
def test_to_image_rejects_bad_input(dataset, row, palette, size, match):
    palette = dataset[1] if palette is None else palette
    with pytest.raises(ValueError, match=match):
        pixels.to_image(row, palette, size=size)


def test_pixel_numbers_count_row_by_row_from_the_top_left(dataset):
    codes, palette = dataset
    image = np.asarray(pixels.to_image(codes[1], palette))
    for row, column in ((0, 0), (0, 31), (1, 0), (14, 10), (14, 19), (31, 31), (20, 5)):
        index = pixels.pixel_index(row, column)
        np.testing.assert_array_equal(palette[codes[1, index]], image[row, column])
    assert [pixels.pixel_index(14, c) for c in (10, 19)] == [458, 467]  # Table 1-3's slice
    assert pixels.pixel_index(3, 7, size=16) == 55
    for row, column in ((32, 0), (0, 32), (-1, 0)):
        with pytest.raises(ValueError, match="between 0 and 31"):
            pixels.pixel_index(row, column)


def test_the_prerendered_faces_are_what_drawing_them_now_gives():
    # The 32 px table is looked up at run time; drawing a face afresh (the path every
    # other size takes) must give the same palette and the same row, byte for byte.
    from gdl_core.pixels import encoding

    stored_palette, stored = encoding._prerendered()
    np.testing.assert_array_equal(stored_palette, encoding._palette_cached(32))
    every = wrodl.all_combinations()
    rows = np.random.default_rng(7).choice(len(every), size=40, replace=False)
    faces = wrodl.decode(every[rows]).astype(str).itertuples(index=False, name=None)
    fresh = np.stack([encoding._codes_cached(face, 32) for face in faces])
    np.testing.assert_array_equal(stored[rows], fresh)


def test_make_dataset_at_32_px_looks_faces_up_by_their_features():
    faces = wrodl.load()
    codes, _ = pixels.make_dataset(faces)
    # Face 3 and face 21 are the same combination (the book's combination 1): same pixels.
    np.testing.assert_array_equal(codes[3], codes[21])
    # Row order follows the table, whatever its index says.
    shuffled, _ = pixels.make_dataset(faces.iloc[::-1])
    np.testing.assert_array_equal(shuffled, codes[::-1])
