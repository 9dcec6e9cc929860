"""Fixtures for tests/js: what gdl_core makes of random boxes and point sets, and of random
latent points of the tins, for the plane editor's JavaScript maths (ui/box_editor.js) to
match: the box mode's read-outs, the point mode's f(z) (gdl_core.tins.decoder) and points.

    python tests/js/make_fixtures.py      # writes tests/js/fixtures.json

tests/core/test_world_box_editor_js.py checks that the file is what this makes now (so a
change to gdl_core shows up) and runs ``node --test tests/js``.
"""

from __future__ import annotations

import base64
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gdl_core.numbers import format_likelihood, format_number  # noqa: E402
from gdl_core.tins import HEIGHT_RANGE, WIDTH_RANGE, draw  # noqa: E402
from gdl_core.tins.figures import tin_tile  # noqa: E402
from gdl_core.world import Box, Training, sample_land  # noqa: E402
from ui.box_editor import encode_floats, point_from_value  # noqa: E402

FIXTURES = Path(__file__).with_name("fixtures.json")


def _float(value: float):
    """JSON has no infinities or NaN: those travel as strings."""
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def _random_box(rng, points) -> Box:
    kind = rng.integers(5)
    if kind == 0 and len(points) > 1:  # the MLE itself, or just around it
        best = Box.fit(points)
        pad = float(rng.choice([0.0, 0.01, 0.5]))
        return Box(max(best.lon_min - pad, -180), min(best.lon_max + pad, 180),
                   max(best.lat_min - pad, -90), min(best.lat_max + pad, 90))
    if kind == 1:  # tiny: under a square degree, so L is enormous
        lon, lat = rng.uniform(-170, 170), rng.uniform(-80, 80)
        w, h = rng.uniform(0.01, 1.5, size=2)
        return Box(round(lon, 2), round(lon + w, 2), round(lat, 2), round(lat + h, 2))
    if kind == 2 and len(points):  # an edge exactly on a point (closed box: inside)
        p = points[rng.integers(len(points))]
        return Box(float(p[0]), 180.0, -90.0, float(p[1]))
    corners = np.round(np.sort(rng.uniform(-180, 180, 2)), 2).tolist() + \
        np.round(np.sort(rng.uniform(-90, 90, 2)), 2).tolist()
    if corners[0] == corners[1] or corners[2] == corners[3]:
        return Box(-180, 180, -90, 90)
    return Box(*corners)


def score_cases(seed: int = 16, count: int = 120) -> list[dict]:
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        # One case at the page's largest N, the rest small: the file stays small.
        n = 5000 if i == 1 else int(rng.choice([0, 1, 2, 7, 50, 120]))
        if i % 3 == 0:
            points = rng.uniform([-180, -90], [180, 90], size=(n, 2))
        else:
            points = sample_land(n, int(rng.integers(1_000_000)))
        training = Training(points)
        box = _random_box(rng, training.points)
        score = training.score(box)
        cases.append({
            "points": encode_floats(training.points),
            "n": n,
            "box": list(box.as_tuple()),
            "mle_log_l": None if training.mle is None else training.mle_log_likelihood,
            "inside": n - score.outside,
            "outside": score.outside,
            "area": score.area,
            "log_density": score.log_density,
            "log_l": _float(score.log_likelihood),
            "gap": _float(score.gap),
            "text": {
                "inside": f"{n - score.outside:,} of {n:,}",
                "outside": f"{score.outside:,} of {n:,}",
                "area": format_number(score.area, 0),
                "density": format_likelihood(score.log_density),
                "L": format_likelihood(score.log_likelihood),
                "logL": format_number(score.log_likelihood),
                "gap": format_number(score.gap),
            },
        })
    return cases


def format_cases(seed: int = 17, count: int = 300) -> list[dict]:
    rng = np.random.default_rng(seed)
    values = [0.0, -0.0, -0.004, 0.004, 1e-9, -math.inf, math.inf, math.nan, 1234567.891,
              -54321.23456, 999.995, 64800.0, 0.5]
    values += (rng.standard_normal(count) * 10.0 ** rng.integers(-4, 6, count)).tolist()
    logs = [-math.inf, math.inf, math.nan, 0.0, -6.9, 2.3, 9.0, -209.0, 6.907755278982137]
    logs += (-rng.exponential(2000, count)).tolist() + rng.uniform(-12, 12, count).tolist()
    return [
        {"value": _float(v), "number": format_number(v), "number0": format_number(v, 0)}
        for v in values
    ] + [{"log": _float(v), "likelihood": format_likelihood(v)} for v in logs]


def edit_cases(seed: int = 18, count: int = 80) -> list[dict]:
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(count):
        box = _random_box(rng, np.empty((0, 2)))
        d_lon, d_lat = rng.choice([-1, 1], 2) * rng.choice([1, 5, 10, 400], 2)
        by = float(rng.choice([-10, -5, -1, 1, 5, 10]))
        try:
            grown = list(box.resized(by).as_tuple())
        except ValueError:
            grown = None
        cases.append({"box": list(box.as_tuple()), "d_lon": float(d_lon),
                      "d_lat": float(d_lat), "by": by,
                      "shifted": list(box.shifted(float(d_lon), float(d_lat)).as_tuple()),
                      "resized": grown})
    return cases


def tin_cases(seed: int = 19, count: int = 48, exact: int = 4) -> list[dict]:
    """f(height, width) at random latent points (at hundredths, as the editor makes them,
    and a few not), the range's corners among them: the grey levels the page shows
    (``tin_tile`` at scale 1, base64), and for the first ``exact`` every value (float64)."""
    rng = np.random.default_rng(seed)
    corners = [(HEIGHT_RANGE[0], WIDTH_RANGE[0]), (HEIGHT_RANGE[1], WIDTH_RANGE[1]),
               (HEIGHT_RANGE[1], WIDTH_RANGE[0]), (9.0, 6.0), (2.25, 13.75)]
    z = corners + [tuple(np.round(rng.uniform(2, 14, 2), 2)) for _ in range(count - 10)]
    z += [tuple(rng.uniform(2, 14, 2)) for _ in range(5)]
    cases = []
    for i, (height, width) in enumerate(z):
        picture = draw(height, width)
        grey = np.asarray(tin_tile(picture, scale=1), dtype=np.uint8)
        case = {"height": float(height), "width": float(width),
                "grey": base64.b64encode(grey.tobytes()).decode("ascii"),
                "caption": f"f({height:.2f}, {width:.2f})"}
        if i < exact:
            case["values"] = encode_floats(picture)
        cases.append(case)
    return cases


def point_cases(seed: int = 20, count: int = 60) -> list[dict]:
    """Where a press puts z (anywhere the hand is, on the plane or off it) and where an arrow
    key takes it: what the page keeps of it (``point_from_value``)."""
    rng = np.random.default_rng(seed)
    extent = (*WIDTH_RANGE, *HEIGHT_RANGE)
    cases = []
    for _ in range(count):
        x, y = rng.uniform(-2, 18, 2)
        start = tuple(np.round(rng.uniform(2, 14, 2), 2))
        dx, dy = (int(v) for v in rng.integers(-1, 2, 2))
        step = float(rng.choice([0.25, 1.0]))
        cases.append({
            "extent": list(extent), "raw": [float(x), float(y)],
            "snapped": list(point_from_value({"xy": [x, y]}, extent)),
            "start": [float(v) for v in start], "dx": dx, "dy": dy, "step": step,
            "stepped": list(point_from_value(
                {"xy": [start[0] + dx * step, start[1] + dy * step]}, extent)),
        })
    return cases


def fixtures() -> dict:
    return {"score": score_cases(), "format": format_cases(), "edit": edit_cases(),
            "tins": tin_cases(), "points": point_cases()}


def text() -> str:
    return json.dumps(fixtures(), ensure_ascii=False, indent=0, allow_nan=False) + "\n"


if __name__ == "__main__":
    FIXTURES.write_text(text(), encoding="utf-8")
    print(FIXTURES)
