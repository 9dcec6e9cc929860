"""Presenter mode enlarges the charts' text too, on every page that draws charts."""

import json

import pytest

PAGES_WITH_CHARTS = [
    "app_pages/world.py",
    "app_pages/wrodl_counting.py",
    "app_pages/wrodl_naive_bayes.py",
]


def chart_font_sizes(app) -> list[float]:
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return [spec["layout"].get("font", {}).get("size", 12) for spec in specs]


@pytest.mark.parametrize("page", PAGES_WITH_CHARTS)
def test_presenter_mode_enlarges_chart_fonts(app, page):
    app.run()
    app.switch_page(page).run()
    normal = chart_font_sizes(app)
    app.switch_page("app_pages/home.py").run()
    app.toggle(key="presenter_mode").set_value(True).run()
    app.switch_page(page).run()
    assert not app.exception
    projected = chart_font_sizes(app)
    assert len(projected) == len(normal) > 0
    assert all(big > small for big, small in zip(projected, normal, strict=True))
