"""The shared figure look."""

from __future__ import annotations

import plotly.graph_objects as go

from gdl_core import style as figure_style


def test_base_layout_is_valid_plotly_and_can_be_overridden():
    layout = figure_style.base_layout(300, {"l": 1, "r": 2, "t": 3, "b": 4}, font_size=15,
                                      plot_bgcolor="#eeeeee")
    fig = go.Figure(layout=layout)  # full validation
    assert fig.layout.height == 300
    assert fig.layout.font.size == 15
    assert fig.layout.font.family == figure_style.FONT_FAMILY
    assert fig.layout.plot_bgcolor == "#eeeeee"
    assert figure_style.base_layout(300, {})["plot_bgcolor"] == "white"


def test_scale_fonts_enlarges_every_font_and_nothing_else():
    import plotly.graph_objects as go

    from gdl_core.style import scale_fonts

    figure = go.Figure(
        go.Scatter(x=[1, 2], y=[3, 4], mode="markers+text", text=["a", "b"],
                   marker={"size": 9}, textfont={"size": 10}),
        layout={"font": {"size": 12}, "xaxis": {"tickfont": {"size": 11}},
                "annotations": [{"text": "note", "font": {"size": 14}}], "height": 300},
    )
    big = scale_fonts(figure, 1.5)
    assert big.layout.font.size == 18
    assert big.layout.xaxis.tickfont.size == 16.5
    assert big.layout.annotations[0].font.size == 21
    assert big.data[0].textfont.size == 15
    assert big.data[0].marker.size == 9  # a marker is not text
    assert big.layout.height == 300
    assert figure.layout.font.size == 12  # the original is untouched
    assert scale_fonts(go.Figure(), 2).layout.font.size == 32
