"""Planet Pixel on the student's own pictures, in Streamlit's AppTest: the whole page runs on
an upload (a zip or several pictures), a bad upload keeps the good one, the settings
survive, and Forget brings back the built-in faces.

The expected numbers are worked out here from the pictures: the faces by
:func:`gdl_core.pixels.upload.read_faces` (tested on its own in tests/core), the samples'
nearest training faces by brute force over every training face.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest

from gdl_core import pixels
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.pixels import experiment as pe
from gdl_core.pixels.upload import read_faces
from gdl_core.report import ReportSection
from tests.app.helpers import open_page, uploader
from tests.hostile import make_images as mi
from ui.report import _KEY as REPORT_KEY

ROOT = Path(__file__).resolve().parents[2]
PAGE = "app_pages/planet_pixel.py"
EXAMPLE = (ROOT / "assets" / "example-faces.zip").read_bytes()
CHOICE = "upload_pixels_source"
UPLOADED_STEPS = 6  # step 7 compares with the Wrodl features, which pictures do not have


def example_pngs() -> list[tuple[str, bytes]]:
    """The example zip's pictures as separate PNG files."""
    with zipfile.ZipFile(io.BytesIO(EXAMPLE)) as archive:
        return [(Path(name).name, archive.read(name)) for name in archive.namelist()]


def upload(app, files: list[tuple[str, bytes]], mime: str = "image/png"):
    """Choose "Your own file" (if not chosen yet) and upload ``files``."""
    if app.radio(key=CHOICE).value != "Your own file":
        app.radio(key=CHOICE).set_value("Your own file").run()
    uploader(app, "pixels").set_value([(name, data, mime) for name, data in files]).run()
    assert not app.exception, app.exception
    return app


def upload_zip(app):
    return upload(app, [("example-faces.zip", EXAMPLE)], "application/zip")


def headers(app) -> list[str]:
    return [h.value for h in app.header]


def training_caption(app) -> str:
    (caption,) = app.container(key="pp_training").caption
    return caption.value


def said_nearest(app) -> list[tuple[int, int]]:
    """(nearest training face, pixels that differ) of each sample, from the samples' alt."""
    alt = app.container(key="pp_samples").image[0].proto.imgs[0].alt
    return [(int(face), int(differ)) for face, differ in re.findall(
        r"nearest training face (\d+), (\d+) of 1,024 pixels differ", alt)]


def assert_nearest_by_brute_force(app, data: pe.DataReport, alpha: float, seed: int):
    """The samples the page describes are the model's, each with its true nearest face."""
    model = CategoricalNB(alpha).fit(data.training, pixels.N_COLORS)
    shown = model.sample(pe.N_SAMPLES, seed)[: pe.N_SHOWN]
    differ = (shown[:, None, :] != data.training[None, :, :]).sum(axis=2)
    said = said_nearest(app)
    assert len(said) == pe.N_SHOWN
    for (face, pixels_differ), row in zip(said, differ, strict=True):
        assert pixels_differ == row.min() and row[face] == row.min()


def test_a_zip_runs_the_whole_page_on_its_faces(app):
    open_page(app, PAGE)
    upload_zip(app)
    assert not uploader(app, "pixels").proto.type  # any file: its content decides
    data, _ = read_faces([("example-faces.zip", EXAMPLE)])
    n_files = len(zipfile.ZipFile(io.BytesIO(EXAMPLE)).namelist())
    n_held = len(data.held_out)
    n = n_files - n_held
    assert n_files == 12 and n_held == 2 and len(data.training) == n

    assert [s.value for s in app.success] == ["Showing your data from `example-faces.zip`."]
    assert not app.error
    assert headers(app)[-1] == "6. See why: neighbouring pixels go together"
    assert len(headers(app)) == UPLOADED_STEPS
    (overview,) = app.container(key="pp_steps").markdown
    assert "6. [" in overview.value and "7. [" not in overview.value
    # N is the number of pictures, and the page says every one is used
    assert not [w for w in app.select_slider if w.key == "pp_n"]
    said = " ".join(c.value for c in app.caption)
    assert f"**{n_files} faces from your pictures:** {n} train the model and {n_held}" in said
    assert "every picture you upload is used" in said
    assert training_caption(app).startswith(f"Training faces 0–{n - 1} of {n}, each with")
    # the pixels as numbers: Table 1-3's slice of the uploaded training faces
    (table,) = app.container(key="pp_table_1_3-wide").table
    expected = data.training.reshape(n, 32, 32)[:, 14, 10:20]
    np.testing.assert_array_equal(table.value.to_numpy(), expected)
    # samples and their nearest faces, scores, the entropy, colours and correlation charts
    assert_nearest_by_brute_force(app, data, 0.0, 0)
    labels = [m.label for m in app.metric]
    assert labels[:3] == [f"{pe.N_SAMPLES} samples", f"{n} training faces",
                          f"{n_held} new faces"]
    assert len(app.get("plotly_chart")) == 3
    assert "pp_feature_samples" not in {c.key for c in app.get("flex_container")}
    text = " ".join(m.value for m in app.markdown)
    assert f"A typical one of your {n_held} faces kept back from training (the median)" in text
    assert f"fitted to {n} faces" in text
    assert not app.exception


def test_several_pictures_are_faces_too_and_every_grid_saves_as_png_and_csv(app):
    open_page(app, PAGE)
    files = example_pngs()[:6]
    upload(app, files)
    data, _ = read_faces(files)
    assert len(data.training) + len(data.held_out) == 6 and len(data.held_out) == 1
    assert "**6 faces from your pictures:** 5 train the model and 1" in " ".join(
        c.value for c in app.caption)
    assert training_caption(app).startswith("Training faces 0–4 of 5")
    assert_nearest_by_brute_force(app, data, 0.0, 0)
    for key in ("pp_training", "pp_samples", "pp_nearest"):
        (button,) = app.container(key=key).get("download_button")
        assert button.proto.label == "Save as PNG" and button.proto.url.endswith(".png")
    (csv,) = app.container(key="pp_samples_table").get("download_button")
    assert csv.proto.label == "Save as CSV"
    table = app.container(key="pp_samples_table").dataframe[0].value
    assert list(zip(table["nearest training face"], table["pixels that differ (of 1,024)"],
                    strict=True)) == said_nearest(app)


def test_fewer_than_five_pictures_all_train_and_the_new_faces_are_left_out(app):
    open_page(app, PAGE)
    upload(app, example_pngs()[:3])
    assert "all 3 train the model" in " ".join(c.value for c in app.caption)
    labels = [m.label for m in app.metric]
    assert f"{pe.N_SAMPLES} samples" in labels and "3 training faces" in labels
    assert not [label for label in labels if "new faces" in label]
    assert "kept back from training" not in " ".join(m.value for m in app.markdown)


#: Every refused upload of the corpus: the picker takes any file, whatever its name says.
BAD = [case for case in mi.corpus() if case.outcome == "error" and case.files]


@pytest.mark.parametrize("case", BAD, ids=lambda case: case.name)
def test_a_bad_upload_after_a_good_one_keeps_the_good_faces_and_the_settings(app, case):
    open_page(app, PAGE, alpha="0.1", seed="4")
    upload_zip(app)
    before = training_caption(app), said_nearest(app)
    upload(app, list(case.files), "application/octet-stream")
    (error,) = app.error
    message = error.value.lower()
    assert message.startswith("**could not use that file.**")
    assert all(word in message for word in case.words), (case.words, message)
    assert "still shows `example-faces.zip`" in message
    assert [s.value for s in app.success] == ["Showing your data from `example-faces.zip`."]
    assert (training_caption(app), said_nearest(app)) == before
    assert app.select_slider(key="pp_alpha").value == pytest.approx(0.1)
    assert app.number_input(key="pp_seed").value == 4
    assert len(headers(app)) == UPLOADED_STEPS


def test_one_usable_picture_is_refused_with_the_reason_for_the_others(app):
    open_page(app, PAGE)
    upload(app, [("face.png", example_pngs()[0][1]), ("notes.png", b"just some text\n" * 9)])
    (error,) = app.error
    assert "Only 1 picture in this upload could be used" in error.value
    assert "`notes.png` was skipped: it holds text" in error.value
    assert "still shows the built-in data" in error.value
    assert len(headers(app)) == 7  # the built-in faces, all seven steps


def test_alpha_and_seed_survive_an_upload_and_drive_its_samples(app):
    open_page(app, PAGE)
    app.select_slider(key="pp_alpha").set_value(0.5).run()
    app.number_input(key="pp_seed").set_value(7).run()
    upload_zip(app)
    assert app.select_slider(key="pp_alpha").value == pytest.approx(0.5)
    assert app.number_input(key="pp_seed").value == 7
    assert app.query_params["alpha"] == "0.5" and app.query_params["seed"] == "7"
    data, _ = read_faces([("example-faces.zip", EXAMPLE)])
    assert_nearest_by_brute_force(app, data, 0.5, 7)
    app.button(key="pp_next_seed").click().run()
    assert_nearest_by_brute_force(app, data, 0.5, 8)
    # picking a pixel (a fragment rerun) describes the uploaded faces' colours there
    app.number_input(key="pp_row").set_value(3).run()
    n = len(data.training)
    assert f"in the {n} training faces" in " ".join(m.value for m in app.markdown)


def test_the_upload_survives_a_visit_to_another_page(app):
    open_page(app, PAGE)
    upload_zip(app)
    before = said_nearest(app)
    app.switch_page("app_pages/home.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.radio(key=CHOICE).value == "Your own file"
    assert said_nearest(app) == before
    assert len(headers(app)) == UPLOADED_STEPS


def test_forget_goes_back_to_the_built_in_faces(app):
    open_page(app, PAGE)
    builtin = training_caption(app)
    upload_zip(app)
    assert training_caption(app) != builtin
    app.button(key="pp_source_forget").click().run()
    assert not app.success and not app.error
    assert training_caption(app) == builtin
    assert len(headers(app)) == 7
    app.run()  # and stays forgotten: the uploader was emptied
    assert training_caption(app) == builtin
    assert not app.success
    # a new upload after Forget is read again
    uploader(app, "pixels").set_value([("example-faces.zip", EXAMPLE, "application/zip")]).run()
    assert len(headers(app)) == UPLOADED_STEPS


def test_built_in_again_shows_the_wrodlers_and_keeps_the_upload_for_later(app):
    open_page(app, PAGE)
    upload_zip(app)
    app.radio(key=CHOICE).set_value("Built-in data").run()
    assert training_caption(app).startswith("Training faces 0–19 of 50")
    app.radio(key=CHOICE).set_value("Your own file").run()
    assert [s.value for s in app.success] == ["Showing your data from `example-faces.zip`."]


def test_a_file_name_that_is_html_or_markdown_is_shown_as_text(app):
    open_page(app, PAGE)
    pictures = example_pngs()
    upload(app, [(mi.HTML_NAME, pictures[0][1]), (mi.MARKDOWN_NAME, pictures[1][1])])
    (success,) = app.success
    # each name inside a code span (a long one cut short): characters, not HTML or a link
    assert success.value.startswith(f"Showing your data from `{mi.HTML_NAME}`, "
                                    f"`{mi.MARKDOWN_NAME[:30]}")
    assert success.value.count("`") == 4


def test_the_session_report_records_the_upload_and_the_settings(app):
    open_page(app, PAGE, alpha="1", seed="2")
    section: ReportSection = app.session_state[REPORT_KEY][PAGE]
    assert dict(section.settings)["faces"] == "the built-in Wrodlers"
    assert dict(section.settings)["training faces"] == "50"
    upload_zip(app)
    section = app.session_state[REPORT_KEY][PAGE]
    settings, numbers = dict(section.settings), dict(section.numbers)
    assert settings == {"faces": "your pictures: example-faces.zip", "training faces": "10",
                        "pseudocount α": "1", "seed": "2"}
    shown = {m.label: m.value for m in app.metric}
    assert numbers["mean log-likelihood per pixel, 10 training faces"] == \
        shown["10 training faces"]
    assert numbers["mean log-likelihood per pixel, 2 new faces"] == shown["2 new faces"]
    (samples_alt, samples_png), _ = section.pictures
    assert samples_alt == app.container(key="pp_samples").image[0].proto.imgs[0].alt
    assert samples_png.startswith(b"\x89PNG")
    ((_, table),) = section.tables
    assert list(table["nearest training face"]) == [face for face, _ in said_nearest(app)]
