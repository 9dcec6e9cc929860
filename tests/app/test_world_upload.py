"""The world-map page on a person's own points (issue 15), in Streamlit's AppTest.

The points are read back from the file here with the standard csv module, and every number
the page shows is recomputed from them: the bounding box by min and max, ℓ as a sum of
log densities, each sample's verdict by a loop over the points.
"""

from __future__ import annotations

import csv
import html
import io
import math
from pathlib import Path

import numpy as np
import pytest

from gdl_core.numbers import format_number
from gdl_core.world import EXTENT, Box
from tests.app.helpers import open_page, uploader
from tests.app.test_world_page import _box_on_page, _editor, _metric, _set_box, _tried
from tests.hostile.make_corpus import table_files

PAGE = "app_pages/world.py"
CHOICE, FORGET = "upload_points_source", "world_data_source_forget"
EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "example-points.csv"
ROWS = [(float(lon), float(lat))
        for lon, lat in list(csv.reader(io.StringIO(EXAMPLE.read_text())))[1:]]
LONS, LATS = [lon for lon, _ in ROWS], [lat for _, lat in ROWS]
MLE = Box(min(LONS), max(LONS), min(LATS), max(LATS))
REFUSED = [f for f in table_files()
           if f.table.error is not None or (f.points is not None and f.points.error is not None)]


def _upload(app, name: str, content: bytes):
    uploader(app, "points").set_value((name, content, "text/csv")).run()
    assert not app.exception, app.exception
    return app


def _own(app, name: str = "example-points.csv", content: bytes | None = None):
    """The world page (opened now unless it was) with ``content`` (the example file by
    default) uploaded."""
    if "world_state" not in app.session_state:
        open_page(app, PAGE)
    app.radio(key=CHOICE).set_value("Your own file").run()
    return _upload(app, name, EXAMPLE.read_bytes() if content is None else content)


def _texts(app) -> str:
    """Everything the page writes as Markdown, captions and alerts, in one string."""
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning",
                                  "error") for e in getattr(app, kind)]
    return "\n".join(parts)


def _descriptions(app) -> list[str]:
    """The charts' hidden text alternatives."""
    return [html.unescape(e.proto.body.split(">", 1)[1].rsplit("<", 1)[0])
            for e in app.get("html") if 'class="chart-description' in e.proto.body]


def _section(app):
    return app.session_state["_session_report"][PAGE]


def _log_l(box: Box, rows) -> float:
    area = (box.lon_max - box.lon_min) * (box.lat_max - box.lat_min)
    if not all(box.lon_min <= a <= box.lon_max and box.lat_min <= b <= box.lat_max
               for a, b in rows):
        return -math.inf
    return sum(math.log(1 / area) for _ in rows)


# --------------------------------------------------------------------------- a good file


def test_the_example_file_replaces_the_points_everywhere(app):
    _own(app)
    assert _editor(app)["points"].tolist() == [list(row) for row in ROWS]
    with pytest.raises(KeyError):  # N and the seed belong to the built-in data
        app.number_input(key="world_n")
    text = _texts(app)
    assert "**N = 40**: every row of your file is a point" in text
    assert "A link to this page cannot carry your file" in text
    assert "4. [Ask where the points came from]" in text
    assert "Showing your data from `example-points.csv`." in text
    assert _metric(app, "Points outside") == "0 of 40"
    assert _metric(app, "Log-likelihood ℓ") == format_number(_log_l(Box(*EXTENT), ROWS))

    app.button(key="world_fit_mle").click().run()
    assert _box_on_page(app) == MLE
    assert _metric(app, "Log-likelihood ℓ") == format_number(_log_l(MLE, ROWS))
    assert _metric(app, "ℓ minus ℓ of the MLE") == "0.00"
    assert "Step 4 of 5 · Ask where the points came from" in app.success[-1].value
    where = "40 points from longitude 9.36°W to 34.04°E and latitude 30.22°S to 51.05°N"
    editor = _editor(app)
    assert editor["label"].startswith(f"World map with your {where}")
    assert editor["legend"][0][0] == "your data X (40 points)"
    assert editor["land"] is None
    (history,) = _descriptions(app)
    assert history.startswith(f"On your {where}: ") and "held all 40 points" in history


def test_samples_from_own_points_are_judged_by_rule2_alone(app):
    _own(app)
    app.button(key="world_fit_mle").click().run()
    app.slider(key="world_radius").set_value(2.0).run()
    app.button(key="world_new_samples").click().run()
    labels = [m.label for m in app.metric]
    assert "Near-copy (B)" in labels and "New (C)" in labels
    assert "In the sea (A)" not in labels and "New on land (C)" not in labels
    table = _section(app).tables[0][1]
    assert len(table) == 200 and set(table["verdict"]) <= {"copy", "new"}
    for (lon, lat), verdict in zip(table[["longitude", "latitude"]].to_numpy(),
                                   table["verdict"], strict=True):
        assert MLE.contains([(lon, lat)])[0]  # drawn from the box
        nearest = min(math.hypot(lon - a, lat - b) for a, b in ROWS)
        assert verdict == ("copy" if nearest <= 2.0 else "new")
    copies = int((table["verdict"] == "copy").sum())
    assert _metric(app, "Near-copy (B)") == f"{copies / 200:.0%}"
    assert set(_editor(app)["verdicts"]) <= {"c", "n"}
    assert [d.proto.id.endswith("-world_samples_csv") for d in app.get("download_button")
            ].count(True) == 1

    # The land is only a backdrop: the verdicts stay those of Rule 2.
    app.toggle(key="world_upload_land").set_value(True).run()
    assert _editor(app)["land"].startswith("data:image/png;base64,")
    assert "% land** and **" in _texts(app)
    assert _section(app).tables[0][1]["verdict"].tolist() == table["verdict"].tolist()


def test_the_report_records_the_data_source_box_likelihood_and_mle(app):
    open_page(app, PAGE)
    built_in = _section(app)
    assert dict(built_in.settings)["Data"] == ("built-in: 50 points drawn uniformly over "
                                               "land, seed 0")
    assert dict(built_in.numbers)["N"] == "50" and not built_in.tables
    _own(app)
    app.button(key="world_fit_mle").click().run()
    section = _section(app)
    settings, numbers = dict(section.settings), dict(section.numbers)
    assert settings["Data"].startswith("your file example-points.csv: 40 points from")
    assert settings["Box p_model"] == ("longitude 9.36°W to 34.04°E, latitude 30.22°S to "
                                       "51.05°N")
    assert numbers["N"] == "40" and numbers["MLE box"] == settings["Box p_model"]
    assert numbers["Log-likelihood ℓ"] == numbers["ℓ of the MLE"] == format_number(
        _log_l(MLE, ROWS))


# --------------------------------------------------------------------------- history and link


def test_the_built_in_box_and_history_wait_while_own_points_are_shown(app):
    open_page(app, PAGE)
    _set_box(app, -100, 100, -50, 50)
    built_in = _tried(app)
    _own(app)
    assert _box_on_page(app) == Box(*EXTENT) and _tried(app) == [Box(*EXTENT)]
    # A link cannot carry the file: it keeps the built-in data's view.
    assert [app.query_params[k] for k in ("lon_min", "lon_max", "lat_min", "lat_max")] == [
        "-100.0", "100.0", "-50.0", "50.0"]
    assert app.query_params["n"] == "50"
    _set_box(app, -20, 40, -40, 60)
    own = _tried(app)

    app.radio(key=CHOICE).set_value("Built-in data").run()
    assert _box_on_page(app) == Box(-100, 100, -50, 50) and _tried(app) == built_in
    assert app.number_input(key="world_n").value == 50
    assert len(_editor(app)["points"]) == 50

    app.radio(key=CHOICE).set_value("Your own file").run()
    assert _box_on_page(app) == Box(-20, 40, -40, 60) and _tried(app) == own
    assert len(_editor(app)["points"]) == 40


def test_a_new_file_starts_a_fresh_history_and_forget_returns_to_the_built_in_data(app):
    open_page(app, PAGE)
    _set_box(app, -100, 100, -50, 50)
    _own(app)
    _set_box(app, -20, 40, -40, 60)
    _upload(app, "two.csv", b"lon,lat\n1,2\n3,4\n5,7\n")
    assert _tried(app) == [Box(*EXTENT)] and len(_editor(app)["points"]) == 3
    digest = app.session_state["_upload_points"].digest
    assert set(app.session_state["world_state"]["parked"]) == {None}  # the old file's: gone
    assert app.session_state["world_state"]["source"] == digest

    app.button(key=FORGET).click().run()
    assert not app.exception
    assert _box_on_page(app) == Box(-100, 100, -50, 50)
    assert len(_editor(app)["points"]) == 50
    assert app.session_state["world_state"]["parked"] == {}
    assert "No file yet" in _texts(app)


def test_own_points_survive_a_trip_to_another_page(app):
    _own(app)
    _set_box(app, -20, 40, -40, 60)
    app.slider(key="world_m").set_value(500).run()
    history = _tried(app)
    app.switch_page("app_pages/home.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.radio(key=CHOICE).value == "Your own file"
    assert _editor(app)["points"].tolist() == [list(row) for row in ROWS]
    assert _box_on_page(app) == Box(-20, 40, -40, 60) and _tried(app) == history
    assert app.slider(key="world_m").value == 500


def test_reset_keeps_the_file_but_forgets_the_boxes(app):
    _own(app)
    _set_box(app, -20, 40, -40, 60)
    app.button(key="world_reset").click().run()
    assert not app.exception
    assert _box_on_page(app) == Box(*EXTENT) and _tried(app) == [Box(*EXTENT)]
    assert len(_editor(app)["points"]) == 40


# --------------------------------------------------------------------------- bad files


def test_a_bad_file_after_a_good_one_keeps_the_points_the_box_and_the_settings(app):
    _own(app)
    app.button(key="world_fit_mle").click().run()
    app.slider(key="world_m").set_value(500).run()
    app.toggle(key="world_show_samples").set_value(True).run()
    history, samples = _tried(app), _editor(app)["samples"]
    _upload(app, "text.csv", b"lon,lat\n1,2\nabc,3\n")
    (error,) = app.error
    assert "Could not use that file" in error.value and "`abc`" in error.value
    assert "still shows `example-points.csv`" in error.value
    assert _editor(app)["points"].tolist() == [list(row) for row in ROWS]
    assert _box_on_page(app) == MLE and _tried(app) == history
    assert app.slider(key="world_m").value == 500
    assert _editor(app)["samples"].tolist() == samples.tolist()


@pytest.mark.parametrize("bad", [f for f in REFUSED if f.id.startswith("points_")],
                         ids=lambda f: f.id)
def test_each_bad_points_file_is_named_and_the_good_one_kept(app, bad):
    _own(app)
    _upload(app, bad.name, bad.data)
    (error,) = app.error
    words = (bad.points or bad.table).error
    assert all(word.casefold() in error.value.casefold() for word in words), error.value
    assert len(_editor(app)["points"]) == 40


def test_a_run_of_every_bad_table_never_loses_the_good_file(app):
    _own(app)
    _set_box(app, -20, 40, -40, 60)
    history = _tried(app)
    for bad in REFUSED:
        _upload(app, bad.name, bad.data)
        assert len(app.error) == 1, bad.id
        assert len(_editor(app)["points"]) == 40, bad.id
    assert _box_on_page(app) == Box(-20, 40, -40, 60) and _tried(app) == history


# --------------------------------------------------------------------------- edge cases


def test_one_point_says_there_is_no_best_box_and_what_to_upload(app):
    _own(app, "one.csv", b"lon,lat\n10,20\n")
    assert app.button(key="world_fit_mle").disabled
    (warning,) = app.warning
    assert "A single point has no best box" in warning.value
    assert "Upload a file with two or more points" in warning.value
    assert _metric(app, "ℓ minus ℓ of the MLE") == "—"
    assert "1 point, at longitude 10°E and latitude 20°N" in _texts(app)


def test_identical_points_say_why_they_have_no_best_box(app):
    _own(app, "same.csv", b"lon,lat\n10,20\n10,20\n10,20\n")
    assert app.button(key="world_fit_mle").disabled
    assert "every point has the same longitude" in app.warning[0].value
    app.toggle(key="world_show_samples").set_value(True).run()  # sampling still works
    assert not app.exception and _metric(app, "Points outside") == "0 of 3"


def test_points_across_the_date_line_get_the_flat_maps_box_and_a_note(app):
    _own(app, "pacific.csv", b"lon,lat\n179,10\n-179,12\n178.5,-5\n-178,0\n")
    assert "a band 3.5° wide across that line would do" in _texts(app)
    app.button(key="world_fit_mle").click().run()
    assert _box_on_page(app) == Box(-179, 179, -5, 12)


def test_five_thousand_points_reach_the_editor_and_the_sampler(app):
    rng = np.random.default_rng(5)
    points = np.round(rng.uniform([-60, -40], [60, 70], (5_000, 2)), 4)
    content = "lon,lat\n" + "".join(f"{a},{b}\n" for a, b in points)
    _own(app, "many.csv", content.encode())
    assert _editor(app)["points"].tolist() == points.tolist()
    app.button(key="world_fit_mle").click().run()
    assert _box_on_page(app) == Box(*points.min(axis=0)[[0]], *points.max(axis=0)[[0]],
                                    points[:, 1].min(), points[:, 1].max())
    app.button(key="world_new_samples").click().run()
    assert not app.exception and _metric(app, "Points outside") == "0 of 5,000"
