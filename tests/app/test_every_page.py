"""What every page owes its users: charts that save as pictures, face sheets a phone can read
and a person can take away, and a way on to the next stop of the chapter."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.helpers import open_page
from ui.demos import PATH

DEMOS = [step.page for step in PATH]


def page_links(app) -> list[str]:
    """The URL paths of the pages the page links to, in page order ("" is home)."""
    return [element.proto.page for element in app.get("page_link")]


@pytest.mark.parametrize("page", [page for page in DEMOS if page != "app_pages/framework.py"])
def test_every_chart_offers_a_png_download_and_nothing_else(app, page):
    open_page(app, page)
    for chart in app.get("plotly_chart"):
        config = json.loads(chart.proto.config)
        assert config["displayModeBar"] is True
        assert config["modeBarButtons"] == [["toImage"]]
        assert config["toImageButtonOptions"]["format"] == "png"
        assert config["toImageButtonOptions"]["filename"]  # a name that says what it is


@pytest.mark.parametrize("page", DEMOS)
def test_every_page_ends_with_the_next_stop_of_the_chapter(app, page):
    open_page(app, page)
    following = DEMOS[DEMOS.index(page) + 1] if page != DEMOS[-1] else None
    assert page_links(app)[-1] == ("" if following is None else Path(following).stem)


def _sheet_page():
    from PIL import Image

    from gdl_core.images import contact_sheet, png_bytes
    from ui.images import NARROW_COLUMNS, show_sheet

    tiles = [Image.new("RGB", (8, 8), (20 * i, 0, 0)) for i in range(10)]
    show_sheet(
        png_bytes(contact_sheet(tiles, 10, None, 2)), "demo", "ten red squares", "Ten squares.",
        narrow_png=png_bytes(contact_sheet(tiles, NARROW_COLUMNS, None, 2)),
        download="squares.png",
    )


def test_a_sheet_has_a_phone_version_and_a_png_download():
    app = AppTest.from_function(_sheet_page).run()
    assert not app.exception
    images = list(app.image)
    # The ten-wide sheet and the five-wide one for phones, both described in words.
    assert [image.proto.imgs[0].alt for image in images] == ["ten red squares"] * 2
    download = app.get("download_button")
    assert [button.proto.label for button in download] == ["Save as PNG"]
    assert app.caption[0].value == "Ten squares."
