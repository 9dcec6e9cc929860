"""The Planet Pixel page in Streamlit's AppTest: it renders, and its state lives in the URL."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from gdl_core import pixels, wrodl
from gdl_core.categorical import PSEUDOCOUNTS
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import experiment
from tests.app.helpers import open_page

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/planet_pixel.py"
TIMEOUT = 120  # a cold 2,000-face build draws ~850 distinct faces (~8 s); be generous


def open_pixel_page(app, **query):
    return open_page(app, PAGE, timeout=TIMEOUT, **query)


def text_of(app) -> str:
    return " ".join(m.value for m in app.markdown)


def images(app) -> list:
    return list(app.image)


GRIDS = ("pp_training", "pp_samples", "pp_nearest", "pp_feature_samples", "pp_pixel_samples")


def source(app, key: str) -> str:
    """The address of the grid in the container with this key: one picture of all its faces
    (the address names the PNG's bytes), ten faces a row. A phone gets five a row: the
    training faces (two rows) as a second picture, a single row as the same picture twice,
    each cropped to one half."""
    wide, *narrow = (image.proto.imgs[0].url for image in app.container(key=key).image)
    if key == "pp_training":
        assert narrow != [wide] and len(narrow) == 1
    else:
        assert narrow == [wide, wide]
    return wide


def distances(app) -> list[int]:
    """The pixel distances listed under the nearest training faces."""
    (line,) = app.container(key="pp_nearest").caption
    head, numbers = line.value.rstrip(".").split(": ")
    assert head == "Pixels that differ from the nearest training face, sample by sample"
    return [int(number) for number in numbers.split(", ")]


TITLE = "Planet Pixel: Naive Bayes on raw pixels"
STEPS = (
    "Look at the training faces",
    "Read the pixels as numbers",
    "Sample from pixel-wise Naive Bayes",
    "Score the samples",
    "Look inside: one pixel at a time",
    "See why: neighbouring pixels go together",
    "Same model, five features instead",
)
#: Every control of the page, by key: the kind of widget it is.
CONTROLS = {
    "pp_n": "select_slider",
    "pp_alpha": "select_slider",
    "pp_seed": "number_input",
    "pp_next_seed": "button",
    "pp_row": "number_input",
    "pp_col": "number_input",
    "pp_reset": "button",
}


def test_the_navigation_entry_opens_this_page(app):
    from ui.demos import PATH

    (step,) = [s for s in PATH if s.title == "Planet Pixel"]
    open_page(app, step.page, timeout=TIMEOUT)
    assert [title.value for title in app.title] == [TITLE]


def test_renders_every_section_at_50_faces(app):
    open_pixel_page(app)
    assert [title.value for title in app.title] == [TITLE]
    headers = [h.value for h in app.header]
    assert headers == [f"{number}. {title}" for number, title in enumerate(STEPS, start=1)]
    # the grids (source() checks their phone versions), Table 1-3's face and the inspected
    # pixel's face
    assert len(images(app)) == 2 + 3 * (len(GRIDS) - 1) + 2
    # section 5 shows the same pixel samples as section 3, and different ones from Naive
    # Bayes on the features
    assert source(app, "pp_pixel_samples") == source(app, "pp_samples")
    assert len({source(app, key) for key in GRIDS}) == len(GRIDS) - 1
    (training,) = app.container(key="pp_training").caption
    assert training.value.startswith("Training faces 0–19 of 50, each with its face_id")
    assert len(distances(app)) == 10
    assert "261,120 free parameters" in text_of(app)
    labels = [m.label for m in app.metric]
    assert "50 training faces" in labels
    assert len(app.get("plotly_chart")) == 3
    assert not app.warning


def test_a_grid_is_one_crisp_picture_that_streamlit_sends_unchanged():
    """Ten faces in a row stay within the width st.image sends as it is (a wider picture it
    would scale down, smoothly, on every rerun), each face enlarged with square pixels."""
    from streamlit.elements.lib.image_utils import MAXIMUM_CONTENT_WIDTH

    from ui.images import pixel_sheet_png

    codes, palette = pixels.make_dataset(wrodl.load().head(10))
    with Image.open(io.BytesIO(pixel_sheet_png(codes, palette))) as picture:
        sheet = np.asarray(picture.convert("RGB"))
    assert sheet.shape[:2] == (128, MAXIMUM_CONTENT_WIDTH)
    step = (MAXIMUM_CONTENT_WIDTH - 128) // 9  # tile and gap
    for i, row in enumerate(codes):
        face = palette[row].reshape(32, 32, 3).repeat(4, axis=0).repeat(4, axis=1)
        np.testing.assert_array_equal(sheet[:, i * step : i * step + 128], face)


def test_table_1_3_shows_pixels_458_to_467_of_the_first_ten_wrodlers(app):
    open_pixel_page(app)
    (table,) = app.container(key="pp_table_1_3-wide").table
    table = table.value
    assert list(table.columns) == [f"px_{j}" for j in range(458, 468)]
    assert list(table.index) == list(range(10))
    codes, _ = pixels.make_dataset(wrodl.load().head(10))
    expected = codes.reshape(10, 32, 32)[:, 14, 10:20]  # row 14, columns 10-19
    np.testing.assert_array_equal(table.to_numpy(), expected)
    # A phone (by CSS) shows the first five columns instead, which fit its width.
    (narrow,) = app.container(key="pp_table_1_3-narrow").table
    assert list(narrow.value.columns) == [f"px_{j}" for j in range(458, 463)]
    np.testing.assert_array_equal(narrow.value.to_numpy(), expected[:, :5])
    assert "first five columns" in app.container(key="pp_table_1_3-narrow").caption[0].value


def test_renders_at_2000_faces(app):
    open_pixel_page(app, n="2000")
    assert app.select_slider(key="pp_n").value == 2000
    labels = [m.label for m in app.metric]
    assert "2,000 training faces" in labels
    assert "faces 50–1,999" in " ".join(c.value for c in app.caption).lower()
    assert len(images(app)) == 2 + 3 * (len(GRIDS) - 1) + 2
    assert all(source(app, key) for key in GRIDS)
    assert len(distances(app)) == 10
    # a rerun after moving α finishes cleanly at this size too
    app.select_slider(key="pp_alpha").set_value(0.1).run(timeout=TIMEOUT)
    assert not app.exception
    assert app.query_params["alpha"] == "0.1"


def test_alpha_seed_and_size_are_read_from_the_url(app):
    open_pixel_page(app, alpha="0.01", seed="42", n="200")
    assert app.select_slider(key="pp_alpha").value == pytest.approx(0.01)
    assert app.number_input(key="pp_seed").value == 42
    assert app.select_slider(key="pp_n").value == 200
    assert "(seed 42)" in text_of(app)
    assert not app.warning


def test_alpha_and_seed_are_written_to_the_url(app):
    open_pixel_page(app)
    app.select_slider(key="pp_alpha").set_value(0.5).run(timeout=TIMEOUT)
    app.number_input(key="pp_seed").set_value(9).run(timeout=TIMEOUT)
    assert app.query_params["alpha"] == "0.5"
    assert app.query_params["seed"] == "9"
    assert app.query_params["n"] == "50"
    # the button draws new samples
    before = source(app, "pp_samples")
    training = source(app, "pp_training")
    app.button(key="pp_next_seed").click().run(timeout=TIMEOUT)
    assert app.number_input(key="pp_seed").value == 10
    assert app.query_params["seed"] == "10"
    assert source(app, "pp_samples") != before
    assert source(app, "pp_training") == training  # the data stay put


def test_the_same_url_gives_the_same_samples(app):
    open_pixel_page(app, alpha="0.1", seed="5")
    other = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    open_pixel_page(other, alpha="0.1", seed="5")
    found = distances(app)
    # the same numbers, counted here: the model's first ten samples against every face
    data = experiment.data_report(50)
    model = CategoricalNB(0.1).fit(data.training, pixels.N_COLORS)
    shown = model.sample(experiment.N_SAMPLES, 5)[:10]
    assert found == [int((row != data.training).sum(axis=1).min()) for row in shown]
    assert all(0 < d <= 1024 for d in found)
    assert found == distances(other)
    assert source(app, "pp_samples") == source(other, "pp_samples")
    assert source(app, "pp_nearest") == source(other, "pp_nearest")
    assert text_of(app) == text_of(other)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"alpha": "abc"}, "alpha=abc"),
        ({"alpha": "0.3"}, "alpha=0.3"),
        ({"alpha": "-1"}, "alpha=-1"),
        ({"seed": "-5"}, "seed=-5"),
        ({"seed": "1.5"}, "seed=1.5"),
        ({"n": "123"}, "n=123"),
        ({"n": "99999"}, "n=99999"),
        ({"row": "40"}, "row=40"),
    ],
)
def test_bad_url_values_give_a_notice_not_an_error(app, query, fragment):
    open_pixel_page(app, **query)
    notices = " ".join(w.value for w in app.warning)
    assert fragment in notices
    assert app.select_slider(key="pp_alpha").value in PSEUDOCOUNTS
    assert app.select_slider(key="pp_n").value in (50, 200, 500, 1000, 2000)
    assert 0 <= app.number_input(key="pp_row").value <= 31


def test_the_pixel_picker_shows_that_pixels_colours(app):
    open_pixel_page(app)
    assert "Pixel 458" in text_of(app)
    app.number_input(key="pp_row").set_value(3).run(timeout=TIMEOUT)
    app.number_input(key="pp_col").set_value(20).run(timeout=TIMEOUT)
    assert "Pixel 116" in text_of(app)  # 3 × 32 + 20
    assert app.query_params["row"] == "3" and app.query_params["col"] == "20"
    assert '"type":"bar"' in app.get_by_key("pp_distribution").proto.spec.replace(" ", "")


def test_settings_survive_a_visit_to_another_page(app):
    open_pixel_page(app, alpha="0.1", seed="3")
    app.switch_page("app_pages/home.py").run(timeout=TIMEOUT)
    app.switch_page(PAGE).run(timeout=TIMEOUT)
    assert app.select_slider(key="pp_alpha").value == pytest.approx(0.1)
    assert app.number_input(key="pp_seed").value == 3


def test_the_alpha_slider_offers_the_stops_every_page_shares(app):
    open_pixel_page(app)
    options = app.select_slider(key="pp_alpha").options
    assert [float(option) for option in options] == list(PSEUDOCOUNTS)


def test_every_control_sits_in_the_page_not_in_the_sidebar(app):
    """The sidebar is folded in presenter mode and on phones: nothing may live only there."""
    open_pixel_page(app)
    for key, kind in CONTROLS.items():
        assert [w.key for w in app.main.get(kind) if w.key == key] == [key], key
        assert [w.key for w in app.sidebar.get(kind) if w.key == key] == [], key


def test_the_steps_are_listed_and_linked_at_the_top(app):
    open_pixel_page(app)
    (overview,) = app.container(key="pp_steps").markdown
    for number, title in enumerate(STEPS, start=1):
        assert f"{number}. [{title}](#step-{number})" in overview.value
    # the one thing to do in each step, in bold under its heading
    assert "**Click a square on the map" in text_of(app)


def test_each_step_has_its_controls_beside_its_result(app):
    """Controls come right after the heading of the step that uses them, before the
    next step's heading."""
    open_pixel_page(app)
    order = [
        (e.type, getattr(e, "key", None) or getattr(e, "value", None))
        for e in app.main if e.type in ("header", "select_slider", "number_input", "button")
    ]

    def step_of(key):
        index = next(i for i, (_, name) in enumerate(order) if name == key)
        headers = [name for kind, name in order[:index] if kind == "header"]
        return headers[-1] if headers else None

    assert step_of("pp_n") == f"1. {STEPS[0]}"
    for key in ("pp_alpha", "pp_seed", "pp_next_seed"):
        assert step_of(key) == f"3. {STEPS[2]}", key
    assert step_of("pp_row") == step_of("pp_col") == f"5. {STEPS[4]}"


def test_reset_puts_every_setting_back_to_its_default(app):
    open_pixel_page(app, n="200", alpha="0.5", seed="12", row="3", col="20")
    assert app.select_slider(key="pp_n").value == 200
    app.button(key="pp_reset").click().run(timeout=TIMEOUT)
    assert not app.exception
    assert app.select_slider(key="pp_n").value == 50
    assert app.select_slider(key="pp_alpha").value == 0.0
    assert app.number_input(key="pp_seed").value == 0
    assert app.number_input(key="pp_row").value == 14
    assert app.number_input(key="pp_col").value == 10
    shared = {name: app.query_params[name] for name in ("n", "alpha", "seed", "row", "col")}
    assert shared == {"n": "50", "alpha": "0", "seed": "0", "row": "14", "col": "10"}
    assert "Pixel 458" in text_of(app)


def test_every_face_grid_has_a_phone_version_and_a_png_download(app):
    open_pixel_page(app)
    for key in GRIDS:
        grid = app.container(key=key)
        source(app, key)  # the phone version
        wide, narrow, *right_half = (image.proto.imgs[0].alt for image in grid.image)
        assert wide == narrow != "" and right_half in ([], [""])
        (button,) = grid.get("download_button")
        assert button.proto.label == "Save as PNG"
        assert button.proto.url.endswith(".png")
        assert button.proto.ignore_rerun  # saving a picture does not rerun the page


def test_the_page_ends_with_the_next_stop_of_the_chapter(app):
    """The last link leads on along the chapter's path, or home after its last stop."""
    from ui.demos import PATH

    open_pixel_page(app)
    demos = list(PATH)
    index = [stop.page for stop in demos].index(PAGE)
    expected = (f"Next: {demos[index + 1].title}" if index + 1 < len(demos)
                else "Back to the start")
    assert app.get("page_link")[-1].proto.label == expected


def test_each_sample_says_which_training_face_is_nearest_and_how_far(app):
    """The samples' text alternative names, sample by sample, the nearest training face and
    how many pixels differ, as found here by brute force over every training face."""
    import re

    open_pixel_page(app, seed="3", alpha="1")
    wide = app.container(key="pp_samples").image[0].proto.imgs[0].alt
    said = [(int(face), int(differ)) for face, differ in re.findall(
        r"nearest training face (\d+), (\d+) of 1,024 pixels differ", wide)]
    data = experiment.data_report(50)
    model = CategoricalNB(1.0).fit(data.training, pixels.N_COLORS)
    samples = experiment.sample_report(model, data, 3).codes[:experiment.N_SHOWN]
    differ = (samples[:, None, :] != data.training[None, :, :]).sum(axis=2)
    assert len(said) == experiment.N_SHOWN
    for (face, pixels_differ), row in zip(said, differ, strict=True):
        assert pixels_differ == row.min() and row[face] == row.min()
    # and the same as a table, one click away
    table = app.container(key="pp_samples_table").dataframe[0].value
    assert list(table["sample"]) == list(range(1, experiment.N_SHOWN + 1))
    assert list(zip(table["nearest training face"], table["pixels that differ (of 1,024)"],
                    strict=True)) == said
