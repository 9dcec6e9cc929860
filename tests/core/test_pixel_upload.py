"""Planet Pixel's image uploads (gdl_core.pixels.upload), against hostile and odd input.

Every case of tests/hostile/make_images.py gives pictures or an ImageUploadError whose
message names the problem; nothing else ever escapes, even for randomly damaged files. Bombs
are refused before a pixel is decoded or a zip entry unpacked. The faces are checked against
independent computations: the 50 Wrodlers drawn by the app's own encoder come back pixel
for pixel, and pictures with thousands of colours come back close to a numpy area average.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFile

from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import experiment as pe
from gdl_core.pixels import to_image
from gdl_core.pixels import upload as up
from gdl_core.pixels.upload import ImageUploadError, faces_from_images, read_images
from gdl_core.uploads import UploadError
from tests.hostile import make_images as mi

CASES = mi.corpus()


def outcome(files):
    """("images", images, notes) or ("error", message); any other exception propagates."""
    try:
        images, notes = read_images(list(files))
    except ImageUploadError as error:
        return "error", str(error)
    return "images", images, notes


def only(case_name: str) -> mi.Case:
    return next(case for case in CASES if case.name == case_name)


# --- the corpus -----------------------------------------------------------------------------


def test_corpus_is_large_and_varied():
    assert len(CASES) >= 25
    assert issubclass(ImageUploadError, UploadError) and issubclass(ImageUploadError, ValueError)
    assert len({case.name for case in CASES}) == len(CASES)
    assert {case.outcome for case in CASES} == {"images", "error"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_case_gives_pictures_or_a_message_naming_the_problem(case):
    result = outcome(case.files)
    assert result[0] == case.outcome, result
    if case.outcome == "error":
        message = result[1]
        assert message.strip() and "Traceback" not in message
        for word in case.words:
            assert word in message.lower(), (word, message)
    else:
        images, notes = result[1], result[2]
        assert len(images) == case.n_images
        text = " ".join(notes).lower()
        for word in case.words:
            assert word in text, (word, notes)
        assert all(isinstance(note, str) and note.strip() for note in notes)
        for image in images:
            assert isinstance(image, Image.Image)
            assert image.mode == "RGB"
            assert image.width == image.height <= up.WORKING_SIDE


def test_names_are_shown_verbatim_as_text_in_a_code_span():
    """No escaping: the name reads as uploaded, inside a Markdown code span, so st.error and
    st.markdown show it as characters (no HTML, no bold, no link)."""
    message = outcome(only("html_name").files)[1]
    assert f"`{mi.HTML_NAME}`" in message
    assert "&lt;" not in message
    message = outcome(only("markdown_name").files)[1]
    assert f"`{mi.MARKDOWN_NAME}`" in message
    # control and bidirectional-override characters cannot hide or reorder a name
    message = outcome(only("control_characters_in_name").files)[1]
    assert "\u202e" not in message and "\n" not in message
    # a backtick in a name cannot close the code span early
    message = outcome([("a`b.png", b"")])[1]
    assert "``a`b.png``" in message


def test_a_very_long_name_is_cut():
    name = "a" * 500 + ".png"
    message = outcome([(name, b"")])[1]
    assert "a" * 500 not in message and "a" * 80 + "…`" in message
    assert len(message) < 300


@pytest.mark.parametrize(
    "base",
    [
        ("a.png", mi.png_bytes()),
        ("a.jpg", mi.encode(mi.picture(), "JPEG")),
        ("a.gif", mi.animated_gif()),
        ("a.webp", mi.encode(mi.picture(), "WEBP")),
        ("a.bmp", mi.encode(mi.picture(), "BMP")),
        ("p.png", mi.palette_png_with_transparency()),
        ("d.png", mi.png_16bit()),
        ("c.jpg", mi.encode(mi.picture(40, 40, "CMYK"), "JPEG")),
        ("a.zip", mi.zip_of([("x.png", mi.png_bytes()), ("y.jpg", mi.encode(mi.picture(),
                                                                             "JPEG"))])),
    ],
    ids=lambda base: base[0],
)
def test_randomly_damaged_files_never_raise_anything_else(base):
    """Byte flips, cuts, insertions and huge numbers written over the header: 300 each."""
    name, data = base
    rng = np.random.default_rng(sum(data[:64]))
    for _ in range(300):
        damaged = bytearray(data)
        kind = rng.integers(4)
        if kind == 0:
            for _ in range(rng.integers(1, 6)):
                damaged[rng.integers(len(damaged))] = rng.integers(256)
        elif kind == 1:
            damaged = damaged[: rng.integers(len(damaged))]
        elif kind == 2:
            at = rng.integers(len(damaged))
            damaged[at:at] = rng.bytes(int(rng.integers(1, 50)))
        else:
            at = rng.integers(8, min(64, len(damaged)))
            damaged[at : at + 4] = b"\xff\xff\xff\x7f"
        result = outcome([(name, bytes(damaged))])
        if result[0] == "error":
            assert name in result[1]  # the file, or an entry "x.png (in a.zip)"


# --- bombs are refused before anything is decoded or unpacked --------------------------------


@pytest.fixture
def spies(monkeypatch):
    """Counts of pixel decoding (ImageFile.load) and zip-entry unpacking (ZipExtFile.read)."""
    calls = {"decode": 0, "unpack": 0}
    load, read = ImageFile.ImageFile.load, zipfile.ZipExtFile.read

    def counting_load(self):
        calls["decode"] += 1
        return load(self)

    def counting_read(self, *args):
        calls["unpack"] += 1
        return read(self, *args)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    return calls


BOMBS = [
    "png_bomb_header",
    "png_bomb_real",
    "jpeg_bomb_header",
    "gif_bomb_header",
    "bmp_bomb_header",
    "zip_bomb_declared",
    "zip_bomb_ratio",
    "zip_1000_files",
    "too_many_bytes",
]


@pytest.mark.parametrize("name", BOMBS)
def test_a_bomb_is_refused_fast_without_allocating(name, spies):
    files = only(name).files
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = outcome(files)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result[0] == "error"
    assert spies == {"decode": 0, "unpack": 0}
    assert seconds < 0.5
    # numpy and Python allocations; Pillow's pixel memory is covered by "decode" above
    assert peak < 2 * 1024 * 1024, peak


def test_a_zip_entry_that_is_not_a_picture_is_not_unpacked():
    """Only its first 512 bytes are read: a 5 MB video in the zip costs no 5 MB."""
    video = b"\x00\x00\x00\x18ftypmp42" + np.random.default_rng(5).bytes(5 << 20)
    data = mi.zip_of([("a.png", mi.png_bytes()), ("clip.mp4", video)], zipfile.ZIP_STORED)
    tracemalloc.start()
    try:
        images, notes = read_images([("class.zip", data)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(images) == 1 and "`clip.mp4` (in `class.zip`) was skipped" in notes[0]
    assert "video" in notes[0]
    assert peak < 2 * 1024 * 1024, peak


def test_compressed_text_in_a_png_is_never_unpacked():
    """64 MB of zeros in a zTXt chunk: dropped unread (Pillow would unpack up to 64 MB of
    text per file on opening it); the picture is read."""
    files = only("png_text_bomb").files * 50
    tracemalloc.start()
    try:
        images, _ = read_images(list(files))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(images) == 50
    assert peak < 2 * 1024 * 1024, peak


def test_pictures_over_the_total_pixel_budget_are_refused_before_decoding(spies):
    big = mi.png_bytes(Image.new("RGB", (4096, 4096), (10, 20, 30)))
    result = outcome([(f"big{i}.png", big) for i in range(6)])
    assert result[0] == "error"
    assert "100.0 million" in result[1] and "fewer or smaller" in result[1]
    assert spies["decode"] == 0


def test_a_picture_at_the_pixel_cap_is_read():
    side = int(np.sqrt(up.MAX_PIXELS_PER_IMAGE))
    images, _ = read_images([("big.png", mi.png_bytes(Image.new("RGB", (side, side), "red")))])
    assert images[0].size == (up.WORKING_SIDE, up.WORKING_SIDE)
    assert (np.asarray(images[0]) == (255, 0, 0)).all()
    with pytest.raises(ImageUploadError, match="4,097 × 4,096"):
        read_images([("big.png", mi.png_claiming(side + 1, side))])


def test_reader_errors_are_quoted_as_code():
    """zipfile's own message repeats the entry's name: it is quoted too."""
    message = outcome(only("zip_member_lies_smaller").files)[1]
    assert "it said `Bad CRC-32 for file 'zeros.bmp'`" in message


def test_the_working_copy_is_the_area_average():
    """A 1,024-pixel square shrunk to 128: each pixel the mean of an 8 × 8 block (numpy)."""
    pixels = np.random.default_rng(3).integers(0, 256, (1024, 1024, 3), dtype=np.uint8)
    images, _ = read_images([("noise.png", mi.png_bytes(Image.fromarray(pixels)))])
    expected = pixels.reshape(128, 8, 128, 8, 3).astype(float).mean(axis=(1, 3))
    assert np.abs(np.asarray(images[0]) - expected).max() <= 1


def test_shrinking_in_bands_equals_one_resize():
    """Banded shrinking (no full-size copy) against Pillow's single resize, with alpha and
    a size that is not a multiple of the output."""
    rng = np.random.default_rng(4)
    rgba = Image.fromarray(rng.integers(0, 256, (1500, 1700, 4), dtype=np.uint8), "RGBA")
    box = (100, 0, 1600, 1500)
    banded = up._shrink_square(rgba, box, 128, lambda band: band)
    direct = rgba.resize((128, 128), Image.Resampling.BOX, box=box)
    difference = np.abs(np.asarray(banded, dtype=int) - np.asarray(direct, dtype=int))
    assert difference.max() <= 1 and difference.mean() < 0.01


def test_a_jpeg_is_decoded_at_reduced_scale():
    """A 12-megapixel photo is decoded at 1/8 scale by the JPEG decoder (draft), so it
    counts 0.19 million pixels, not 12, against the budget."""
    def photo_of(width, height):
        image = Image.new("RGB", (width, height), (200, 30, 30))
        image.paste((30, 30, 200), (width // 2 - 500, height // 2 - 500, width // 2 + 500,
                                    height // 2 + 500))
        return mi.encode(image, "JPEG", quality=70)

    photo = photo_of(4000, 3000)
    images, _ = read_images([("photo.jpg", photo)] * 20)
    assert len(images) == 20 and images[0].size == (up.WORKING_SIDE, up.WORKING_SIDE)
    # larger than the cap, but decoded at 1/4 scale: read (the header may declare 4× the cap)
    big = photo_of(6000, 4000)
    images, _ = read_images([("big.jpg", big)])
    assert images[0].size == (up.WORKING_SIDE, up.WORKING_SIDE)
    centre = np.asarray(images[0])[52:76, 52:76].astype(int)  # inside the blue square
    assert np.abs(centre - (30, 30, 200)).max() < 12
    with pytest.raises(ImageUploadError, match=r"67\.1 million"):
        read_images([("huge.jpg", mi.jpeg_claiming(9000, 8000))])


def test_limits_are_keywords():
    good = mi.png_bytes()
    with pytest.raises(ImageUploadError, match="at most 2 pictures"):
        read_images([("a.png", good)] * 3, max_files=2)
    with pytest.raises(ImageUploadError, match="at most 0 KB"):
        read_images([("a.png", good)], max_bytes_total=100)
    with pytest.raises(ImageUploadError, match="48 × 48"):
        read_images([("a.png", good)], max_pixels_per_image=1000)
    images, _ = read_images([("a.png", good)], working_side=16)
    assert images[0].size == (16, 16)


# --- what each odd picture becomes ----------------------------------------------------------


def first_image(case_name: str) -> np.ndarray:
    result = outcome(only(case_name).files)
    assert result[0] == "images", result
    return np.asarray(result[1][0])


def test_16_bit_greyscale_is_scaled_to_8_bits():
    pixels = first_image("png_16bit")
    assert pixels[0, 0].tolist() == [128, 128, 128]  # 32896 = 128 · 257
    assert pixels[1, 0].tolist() == [0, 0, 0]
    assert pixels[1, -1].tolist() == [255, 255, 255]
    ramp = np.linspace(0, 65535, 64)
    assert np.abs(pixels[1, :, 0] - ramp * 255 / 65535).max() <= 0.5


def test_transparent_parts_are_laid_on_white():
    pixels = first_image("rgba")
    assert pixels[0, 0].tolist() == [255, 255, 255]
    original = np.asarray(mi.picture(40, 40))
    assert np.array_equal(pixels[20, 20], original[20, 20])
    pal = first_image("palette_transparency")
    transparent = np.asarray(Image.open(io.BytesIO(mi.palette_png_with_transparency()))) == 0
    assert transparent.any()
    assert (pal[transparent] == 255).all()


def test_an_animation_gives_its_first_frame():
    pixels = first_image("animated_gif")
    with Image.open(io.BytesIO(mi.animated_gif())) as gif:
        frame0 = np.asarray(gif.convert("RGB"))
    assert np.array_equal(pixels, frame0)


def test_cmyk_becomes_rgb():
    pixels = first_image("cmyk_jpeg").astype(int)
    expected = np.asarray(mi.picture(40, 40, "CMYK").convert("RGB")).astype(int)
    assert np.abs(pixels - expected).mean() < 8  # JPEG loss only


def test_a_phone_photo_is_turned_upright():
    pixels = first_image("exif_rotated").astype(int)
    assert pixels.shape == (32, 32, 3)
    top, bottom = pixels[:12].mean(axis=(0, 1)), pixels[-12:].mean(axis=(0, 1))
    assert top[0] > 200 and top[2] < 50  # red above
    assert bottom[2] > 200 and bottom[0] < 50  # blue below


def test_only_the_centre_square_is_kept():
    pixels = np.zeros((32, 96, 3), np.uint8)
    pixels[:, :32] = (255, 0, 0)
    pixels[:, 32:64] = (0, 255, 0)
    pixels[:, 64:] = (0, 0, 255)
    images, notes = read_images([("wide.png", mi.png_bytes(Image.fromarray(pixels)))])
    assert (np.asarray(images[0]) == (0, 255, 0)).all()
    assert "`wide.png` is not square" in " ".join(notes)


# --- faces and their palette ----------------------------------------------------------------


@pytest.fixture(scope="module")
def wrodlers() -> pe.DataReport:
    return pe.data_report(50)


def test_the_50_wrodlers_come_back_pixel_for_pixel(wrodlers):
    files = []
    for i, row in enumerate(wrodlers.training):
        buffer = io.BytesIO()
        to_image(row, wrodlers.palette).save(buffer, "PNG")
        files.append((f"wrodler_{i}.png", buffer.getvalue()))
    images, notes = read_images(files)
    assert notes == []
    codes, palette = faces_from_images(images)
    # same format as the built-in data
    assert codes.shape == wrodlers.training.shape and codes.dtype == wrodlers.training.dtype
    assert palette.shape == wrodlers.palette.shape and palette.dtype == wrodlers.palette.dtype
    # an independent check: the colours, pixel by pixel (they use at most 256 colours)
    uploaded = palette[codes].astype(int)
    built_in = wrodlers.palette[wrodlers.training].astype(int)
    assert np.abs(uploaded - built_in).mean() == 0
    # and the same partition of pixels into colours, up to renaming the palette entries
    pairs = np.unique(np.stack([codes.ravel(), wrodlers.training.ravel()]), axis=1)
    assert len(np.unique(pairs[0])) == len(np.unique(pairs[1])) == pairs.shape[1]


def block_mean(pixels: np.ndarray, size: int = 32) -> np.ndarray:
    """Area average by numpy: the mean of each (side/size)² block."""
    side = pixels.shape[0]
    k = side // size
    return pixels.reshape(size, k, size, k, 3).astype(float).mean(axis=(1, 3))


def test_many_coloured_pictures_come_back_close_to_their_area_average():
    rng = np.random.default_rng(7)
    originals, files = [], []
    for i in range(20):
        y, x = np.mgrid[0:128, 0:128] / 127
        a, b, c = rng.uniform(0, 1, 3)
        pixels = np.dstack([255 * (a * x + (1 - a) * y), 255 * (b * x * y + (1 - b) * (1 - x)),
                            255 * np.abs(np.sin(6 * c * x + 3 * y))])
        pixels = np.clip(pixels + rng.normal(0, 6, pixels.shape), 0, 255).astype(np.uint8)
        originals.append(pixels)
        files.append((f"gradient_{i}.png", mi.png_bytes(Image.fromarray(pixels))))
    images, _ = read_images(files)
    codes, palette = faces_from_images(images)
    assert codes.shape == (20, 1024) and codes.dtype == np.uint8
    assert palette.shape == (256, 3) and palette.dtype == np.uint8
    expected = np.stack([block_mean(p) for p in originals]).reshape(20, 1024, 3)
    error = np.abs(palette[codes].astype(float) - expected).mean()
    # ~20,000 distinct colours spread over the whole colour cube share 256 entries: compare
    # with an independent baseline, the 216-colour grid of 6 levels a channel (0, 51, …, 255)
    grid = np.abs(np.rint(expected / 51) * 51 - expected).mean()
    assert error < 0.8 * grid and error < 10, (error, grid)
    # the palette: most used entry first, used entries distinct, unused ones copy entry 0
    counts = np.bincount(codes.ravel(), minlength=256)
    used = counts > 0
    n_used = int(used.sum())
    assert used[:n_used].all() and not used[n_used:].any()
    assert (np.diff(counts[:n_used]) <= 0).all()
    assert len(np.unique(palette[:n_used], axis=0)) == n_used
    assert (palette[n_used:] == palette[0]).all()
    # each pixel has its nearest palette colour (to within Pillow's rounding of the average)
    faces = np.stack([np.asarray(image.resize((32, 32), Image.Resampling.BOX))
                      for image in images]).reshape(-1, 3).astype(int)
    distance = ((faces[:, None, :] - palette[None, :n_used].astype(int)) ** 2).sum(axis=2)
    chosen = distance[np.arange(len(faces)), codes.ravel()]
    assert (chosen == distance.min(axis=1)).all()


def test_faces_are_deterministic():
    images, _ = read_images(only("webp_and_bmp").files)
    first = faces_from_images(images)
    second = faces_from_images([image.copy() for image in images])
    assert np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])


def test_faces_from_images_checks_its_input():
    with pytest.raises(ValueError, match="at least one picture"):
        faces_from_images([])
    with pytest.raises(ValueError, match="PIL images"):
        faces_from_images(["face.png"])
    rgba = Image.new("RGBA", (8, 8), (0, 0, 0, 0))
    codes, palette = faces_from_images([rgba])
    assert (palette[codes] == 255).all()  # transparent → white


# --- the experiment on uploaded faces -------------------------------------------------------


def test_upload_data_report_runs_the_fit_report(wrodlers):
    data = up.upload_data_report(wrodlers.training, wrodlers.palette)
    assert data.training.shape == (40, 1024) and data.held_out.shape == (10, 1024)
    assert data.training.dtype == data.held_out.dtype == np.uint8
    assert data.correlation_map.shape == wrodlers.correlation_map.shape
    assert data.features.shape == (40, 0)
    assert 0 < data.held_out_distance <= 1024
    rows = {row.tobytes() for row in data.training} | {row.tobytes() for row in data.held_out}
    assert rows == {row.tobytes() for row in wrodlers.training}
    fit = pe.fit_report(CategoricalNB(0.1).fit(data.training, 256), data)
    assert fit.entropy.shape == (32, 32) and fit.held_out_likelihood.n_faces == 10
    few = up.upload_data_report(wrodlers.training[:3], wrodlers.palette)
    assert few.held_out.shape == (0, 1024) and np.isnan(few.held_out_distance)
    with pytest.raises(ValueError, match="at least 2 faces"):
        up.upload_data_report(wrodlers.training[:1], wrodlers.palette)


def test_sample_report_on_uploaded_faces_has_no_feature_samples(wrodlers):
    """Uploaded faces have no Wrodl features: sample_report draws the pixel samples and
    measures them as usual, and no samples of Naive Bayes on the features."""
    data = up.upload_data_report(wrodlers.training[:30], wrodlers.palette)
    model = CategoricalNB(0.5).fit(data.training, 256)
    drawn = pe.sample_report(model, data, seed=11)
    assert drawn.feature_samples.shape == (0, 1024)
    np.testing.assert_array_equal(drawn.codes, model.sample(pe.N_SAMPLES, 11))
    differ = (drawn.codes[: pe.N_SHOWN, None, :] != data.training[None]).sum(axis=2)
    np.testing.assert_array_equal(drawn.distance, differ.min(axis=1))
    assert (differ[np.arange(pe.N_SHOWN), drawn.nearest] == differ.min(axis=1)).all()


EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "example-faces.zip"


def test_read_faces_keeps_every_picture_as_a_training_or_a_new_face():
    files = [("example-faces.zip", EXAMPLE.read_bytes())]
    data, notes = up.read_faces(files)
    with zipfile.ZipFile(EXAMPLE) as archive:
        pictures = [Image.open(io.BytesIO(archive.read(name))).convert("RGB")
                    for name in archive.namelist()]
    # 32 × 32 area averages of 64 × 64 flat drawings: each face pixel is the mean of a 2 × 2
    # block, and every face keeps its own colours on the shared palette
    mean = np.stack([np.asarray(p, dtype=float).reshape(32, 2, 32, 2, 3).mean(axis=(1, 3))
                     for p in pictures])
    faces = np.concatenate([data.training, data.held_out])
    assert len(faces) == len(pictures) == 12 and len(data.held_out) == 2 and notes == []
    assert data.features.shape == (10, 0)
    got = data.palette[faces].reshape(12, 32, 32, 3).astype(float)
    rows = {row.tobytes() for row in faces}
    assert len(rows) == 12  # no two drawings alike
    # every face is one of the pictures, colour for colour (within rounding)
    for face in got:
        assert min(np.abs(face - m).max() for m in mean) <= 1


def test_read_faces_refuses_a_single_usable_picture_and_says_why():
    good = mi.png_bytes()
    with pytest.raises(ImageUploadError) as error:
        up.read_faces([("me.png", good), ("notes.png", b"Some text, not a picture.\n" * 9)])
    message = str(error.value)
    assert message.startswith("Only 1 picture in this upload could be used")
    assert "at least 2 faces" in message and "`notes.png` was skipped: it holds text" in message
    data, _ = up.read_faces([("a.png", good), ("b.png", good)])
    assert len(data.training) == 2 and len(data.held_out) == 0


def test_the_example_upload_is_small_square_faces_made_by_its_script():
    from scripts.make_example_faces import N_FACES, SIDE, faces, zip_bytes

    data = EXAMPLE.read_bytes()
    assert len(data) < 50 * 1024

    def pictures(zipped: bytes) -> list[tuple[str, bytes]]:
        """Each entry's name and pixels (PNG bytes differ between Pillow versions)."""
        with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
            shown = []
            for name in archive.namelist():
                with Image.open(io.BytesIO(archive.read(name))) as picture:
                    assert picture.format == "PNG" and picture.size == (SIDE, SIDE)
                    assert len(picture.convert("RGB").getcolors()) <= 16
                    shown.append((name, picture.convert("RGB").tobytes()))
            return shown

    asset = pictures(data)
    assert len(asset) == N_FACES and all(name.endswith(".png") for name, _ in asset)
    assert pictures(zip_bytes(faces())) == asset  # the asset is what its script draws


# --- no disk, no streamlit ------------------------------------------------------------------


@pytest.fixture
def warm_pillow():
    for case in CASES:  # Pillow imports its plugins (files) on first use
        outcome(case.files)


def test_nothing_is_written_to_disk(warm_pillow, no_files):
    for case in CASES:
        result = outcome(case.files)
        if result[0] == "images":
            faces_from_images(result[1])


def test_the_module_does_not_import_streamlit():
    code = "import sys, gdl_core.pixels.upload; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=os.path.dirname(os.path.dirname(os.path.dirname(
                             os.path.abspath(__file__)))))
    assert out.stdout.strip() == "False"
