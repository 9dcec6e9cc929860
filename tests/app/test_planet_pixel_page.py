"""The Planet Pixel page in Streamlit's AppTest: it renders, and its state lives in the URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

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


def test_the_page_is_in_the_navigation(app):
    app.run()
    from ui.demos import PATH

    (step,) = [s for s in PATH if s.title == "Planet Pixel"]
    assert step.page == PAGE


def test_renders_every_section_at_50_faces(app):
    open_pixel_page(app)
    assert app.title[0].value.startswith("Planet Pixel")
    headers = [h.value for h in app.header]
    assert len(headers) == 5
    for number, header in enumerate(headers, start=1):
        assert header.startswith(f"{number} ·")
    # 20 training faces, Table 1-3's face, 10 samples, 10 nearest faces, the inspected pixel,
    # 10 feature samples and the 10 pixel samples again
    assert len(images(app)) == 20 + 1 + 10 + 10 + 1 + 10 + 10
    assert "261,120 free parameters" in text_of(app)
    labels = [m.label for m in app.metric]
    assert "50 training faces" in labels
    assert len(app.get("plotly_chart")) == 3
    assert not app.warning


def test_table_1_3_shows_ten_rows_of_ten_palette_indices(app):
    open_pixel_page(app)
    table = app.table[0].value
    assert table.shape == (10, 10)
    assert list(table.columns) == [f"px_{j}" for j in range(458, 468)]
    assert list(table.index) == list(range(10))
    for column in table.columns:
        for value in table[column]:
            assert float(value).is_integer() and 0 <= value <= 255


def test_renders_at_2000_faces(app):
    open_pixel_page(app, n="2000")
    assert app.select_slider(key="pp_n").value == 2000
    labels = [m.label for m in app.metric]
    assert "2,000 training faces" in labels
    assert "faces 50–1,999" in " ".join(c.value for c in app.caption).lower()
    assert len(images(app)) == 62
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
    before = [img.value[0] for img in images(app)[21:31]]
    app.button[0].click().run(timeout=TIMEOUT)
    assert app.number_input(key="pp_seed").value == 10
    assert app.query_params["seed"] == "10"
    after = [img.value[0] for img in images(app)[21:31]]
    assert before != after


def test_the_same_url_gives_the_same_samples(app):
    open_pixel_page(app, alpha="0.1", seed="5")
    other = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    open_pixel_page(other, alpha="0.1", seed="5")
    distances = [i.captions[0] for i in images(app)[31:41]]
    assert all(d.isdigit() and 0 < int(d) <= 1024 for d in distances)
    assert distances == [i.captions[0] for i in images(other)[31:41]]
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
    assert app.select_slider(key="pp_alpha").value in (0.0, 0.001, 0.01, 0.1, 0.5, 1.0, 2.0, 5.0)
    assert app.select_slider(key="pp_n").value in (50, 200, 500, 1000, 2000)
    assert 0 <= app.number_input(key="pp_row").value <= 31


def test_the_pixel_picker_shows_that_pixels_colours(app):
    open_pixel_page(app)
    assert "Pixel 458" in text_of(app)
    app.number_input(key="pp_row").set_value(3).run(timeout=TIMEOUT)
    app.number_input(key="pp_col").set_value(20).run(timeout=TIMEOUT)
    assert "Pixel 116" in text_of(app)  # 3 × 32 + 20
    assert app.query_params["row"] == "3" and app.query_params["col"] == "20"
    charts = app.get("plotly_chart")
    assert '"type":"bar"' in charts[1].proto.spec.replace(" ", "")


def test_settings_survive_a_visit_to_another_page(app):
    open_pixel_page(app, alpha="0.1", seed="3")
    app.switch_page("app_pages/home.py").run(timeout=TIMEOUT)
    app.switch_page(PAGE).run(timeout=TIMEOUT)
    assert app.select_slider(key="pp_alpha").value == pytest.approx(0.1)
    assert app.number_input(key="pp_seed").value == 3
