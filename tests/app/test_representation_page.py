"""The representation-learning page: the latent plane and f, the two ways to new tins, PCA,
and the Wrodl blends, with their state in the URL."""

import base64
import json

import numpy as np
import pytest

from gdl_core.tins import training_tins
from tests.app.helpers import open_page, send_from_component
from tests.plotly_specs import unpacked

PAGE = "app_pages/representation.py"


def metric(app, label: str, index: int = 0) -> str:
    return [m for m in app.metric if m.label == label][index].value


def chart(app, key: str) -> dict:
    (found,) = [c for c in app.get("plotly_chart") if key in c.proto.id]
    return unpacked(json.loads(found.proto.spec))


def plane(app) -> dict:
    """The data the page gives the latent plane's point editor, its points decoded."""
    (editor,) = [e for e in app.get("bidi_component")
                 if e.proto.id.endswith("-rep_latent_plane")]
    data = json.loads(editor.proto.json)
    data["points"] = np.frombuffer(base64.b64decode(data["points"]), "<f8").reshape(-1, 2)
    return data


def send_from_the_plane(app, xy, seq: str = "1") -> None:
    """What the plane sends when a click, a drag or a run of arrow keys ends."""
    send_from_component(app, "rep_latent_plane", {"point": {"xy": list(xy), "seq": seq}})


def f_of_z_captions(app) -> list[str]:
    return [image.proto.imgs[0].caption for image in app.container(key="rep_f_of_z").image]


def test_the_page_shows_f_of_the_chosen_point_and_keeps_it_in_the_url(app):
    open_page(app, PAGE, height="4.5", width="11")
    assert f_of_z_captions(app) == ["f(4.50, 11.00)"]
    app.number_input(key="rep_height").set_value(12.25).run()
    assert f_of_z_captions(app) == ["f(12.25, 11.00)"]
    assert app.query_params["height"] == "12.25"


def test_one_cm_taller_draws_both_tins_and_an_arrow(app):
    open_page(app, PAGE)
    assert plane(app)["offset"] is None
    app.toggle(key="rep_taller").set_value(True).run()
    assert f_of_z_captions(app) == ["f(9.00, 6.00)", "f(10.00, 6.00)"]
    # The arrow goes from z one cm up (y is the height), and follows z as it is dragged.
    assert plane(app)["point"] == [6.0, 9.0] and plane(app)["offset"] == [0.0, 1.0]
    app.button(key="rep_go_taller").click().run()
    assert f_of_z_captions(app) == ["f(10.00, 6.00)", "f(11.00, 6.00)"]
    assert plane(app)["point"] == [6.0, 10.0]


def test_the_plane_is_every_tin_f_can_draw_with_the_training_tins_on_it(app):
    open_page(app, PAGE)
    data = plane(app)
    assert data["mode"] == "point" and data["preview"] == "tin"
    # x is the width, y the height, over the whole range f can draw (2 to 14 cm).
    assert data["extent"] == [2.0, 14.0, 2.0, 14.0]
    assert data["axes"] == {"x": "width", "y": "height"} and data["order"] == "yx"
    training = training_tins(60, seed=0)
    np.testing.assert_array_equal(data["points"], training.z[:, ::-1])  # bit for bit
    assert (data["step"], data["big_step"]) == (0.25, 1.0)
    assert data["font_scale"] == 1.0


def test_a_point_from_the_plane_moves_z_and_python_draws_f_of_it(app):
    open_page(app, PAGE)
    send_from_the_plane(app, [13.5, 12.25])  # (width, height): no training tin is that wide
    assert f_of_z_captions(app) == ["f(12.25, 13.50)"]
    assert app.number_input(key="rep_height").value == 12.25
    assert app.number_input(key="rep_width").value == 13.5
    assert (app.query_params["height"], app.query_params["width"]) == ("12.25", "13.5")
    assert plane(app)["point"] == [13.5, 12.25]
    (image,) = app.container(key="rep_f_of_z").image
    assert "12.25 cm tall and 13.50 cm wide" in image.proto.imgs[0].alt
    # Off the plane or not a point: clamped to the tins f can draw, or ignored.
    send_from_the_plane(app, [99, -3], seq="2")
    assert f_of_z_captions(app) == ["f(2.00, 14.00)"]
    send_from_the_plane(app, ["a", None], seq="3")
    assert f_of_z_captions(app) == ["f(2.00, 14.00)"]
    # The inputs drive the plane too.
    app.number_input(key="rep_width").set_value(7.75).run()
    assert plane(app)["point"] == [7.75, 2.0]


def test_in_presenter_mode_the_plane_is_drawn_larger(app):
    open_page(app, PAGE, present="1")
    assert plane(app)["font_scale"] > 1


def test_the_latent_route_draws_tins_and_the_pixel_route_noise(app):
    open_page(app, PAGE)
    pixel = float(metric(app, "Median distance to a drawable tin", 0))
    latent = float(metric(app, "Median distance to a drawable tin", 1))
    assert pixel > 20 > 1 > latent
    assert metric(app, "Copies of a training tin", 1) == "0 of 10"
    # each row of samples is also a table, whose distances are the ones under the pictures
    for key, median in (("rep_pixel_samples", pixel), ("rep_latent_samples", latent)):
        table = app.container(key=f"{key}_table").dataframe[0].value
        (caption,) = app.container(key=key).caption
        shown = [float(d) for d in caption.value.rstrip(".").split(": ")[1].split(", ")]
        column = table["to the nearest drawable tin (grey levels)"]
        assert list(column) == pytest.approx(shown, abs=0.051)
        assert float(column.median()) == pytest.approx(median, abs=0.051)


def test_more_learned_coordinates_rebuild_the_tins_better(app):
    open_page(app, PAGE)

    def errors():
        caption = app.container(key="rep_reconstructions").caption[0].value
        return [float(e) for e in caption.rstrip(".").split("; error (grey levels) ")[1]
                .split(", ")]

    app.slider(key="rep_k").set_value(1).run()
    one = errors()
    app.slider(key="rep_k").set_value(10).run()
    ten = errors()
    assert all(b < a for a, b in zip(one, ten, strict=True))
    assert app.query_params["k"] == "10"


@pytest.mark.parametrize("query", [{"height": "99"}, {"k": "zero"}])
def test_a_bad_link_gets_a_notice_and_a_working_page(app, query):
    open_page(app, PAGE, **query)
    assert app.warning and "link" in app.warning[0].value


def test_reset_puts_every_setting_back(app):
    open_page(app, PAGE, height="3", width="13", seed="7", k="6", a="5", b="9", taller="1")
    app.button(key="rep_reset").click().run()
    assert f_of_z_captions(app) == ["f(9.00, 6.00)"]
    assert app.slider(key="rep_k").value == 2
    assert app.number_input(key="rep_seed").value == 0
    assert app.selectbox(key="rep_face_a").value == 0


def test_halfway_in_features_is_a_real_wrodler(app):
    open_page(app, PAGE, a="0", b="1")
    alts = [image.proto.imgs[0].alt for image in app.image
            if image.proto.imgs[0].caption.startswith(("First", "Halfway", "Second"))]
    assert len(alts) == 4
    assert "double exposure" in alts[1]
