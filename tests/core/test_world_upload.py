"""Tests for the world map on a person's own points: gdl_core.world.upload (reading, the
words for the points, the 180° line), judging by Rule 2 alone, and the samples as a table.

The oracles are written here: the example file parsed with the standard csv module, the
bounding box by a loop, the narrowest band round the globe by trying every cut, nearest
distances by a double loop.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pytest

from gdl_core.uploads import UploadError
from gdl_core.world import Box, judge, judge_samples, land_mask, samples_table
from gdl_core.world.figures import UPLOAD_VERDICT_STYLE, VERDICT_STYLE, history_description
from gdl_core.world.points import degrees
from gdl_core.world.upload import date_line_widths, points_description, read_points

EXAMPLE = Path(__file__).resolve().parents[2] / "assets" / "example-points.csv"


def _example_rows() -> list[tuple[float, float]]:
    rows = list(csv.reader(io.StringIO(EXAMPLE.read_text(encoding="utf-8"))))
    assert rows[0] == ["lon", "lat"]
    return [(float(lon), float(lat)) for lon, lat in rows[1:]]


def _narrowest_band(lons) -> float:
    """The narrowest band of longitude round the globe holding every point: try each point
    as the band's west edge and measure eastwards to the farthest one."""
    return min(max((lon - west) % 360 for lon in lons) for west in lons)


# --------------------------------------------------------------------------- the example file


def test_the_example_file_is_small_made_up_and_on_land():
    rows = _example_rows()
    assert len(rows) == 40 and len(set(rows)) == 40
    assert EXAMPLE.stat().st_size < 1_000
    lon, lat = np.array(rows).T
    assert land_mask().is_land(lon, lat).all()  # plausible as the built-in p_data's


def test_read_points_gives_the_files_points_and_their_bounding_box():
    data, notes = read_points([("example-points.csv", EXAMPLE.read_bytes())])
    rows = _example_rows()
    assert data.points.tolist() == [list(row) for row in rows]
    assert not data.points.flags.writeable
    lons, lats = [lon for lon, _ in rows], [lat for _, lat in rows]
    assert data.mle == Box(min(lons), max(lons), min(lats), max(lats))
    area = (max(lons) - min(lons)) * (max(lats) - min(lats))
    assert data.mle_log_likelihood == pytest.approx(sum(math.log(1 / area) for _ in rows))
    assert notes == [f"Your file gives 40 points from longitude {degrees(min(lons), 'E', 'W')}"
                     f" to {degrees(max(lons), 'E', 'W')} and latitude "
                     f"{degrees(min(lats), 'N', 'S')} to {degrees(max(lats), 'N', 'S')}."]


@pytest.mark.parametrize("files, words", [
    ([], "one table"),
    ([("a.csv", b"lon,lat\n1,2\n"), ("b.csv", b"lon,lat\n3,4\n")], "one table"),
    ([("bad.csv", b"lon,lat\n1,2\nabc,3\n")], "abc"),
    ([("empty.csv", b"")], "empty"),
])
def test_read_points_refuses_what_is_not_one_table_of_points(files, words):
    with pytest.raises(UploadError, match=words):
        read_points(files)


def test_one_point_and_identical_points_are_read_with_no_best_box():
    one, notes = read_points([("one.csv", b"lon,lat\n10,20\n")])
    assert one.mle is None and "single point" in one.no_mle_reason
    assert notes == ["Your file gives 1 point, at longitude 10°E and latitude 20°N."]
    same, notes = read_points([("same.csv", b"lon,lat\n-3.5,-7\n-3.5,-7\n-3.5,-7\n")])
    assert same.mle is None and "same longitude" in same.no_mle_reason
    assert notes == ["Your file gives 3 points, all at longitude 3.5°W and latitude 7°S."]


def test_repeated_rows_are_counted_in_a_note():
    rows = [(1, 2), (1, 2), (3, 4), (5, 6), (3, 4), (1, 2)]
    content = "lon,lat\n" + "".join(f"{a},{b}\n" for a, b in rows)
    data, notes = read_points([("r.csv", content.encode())])
    repeats = sum(1 for i, row in enumerate(rows) if row in rows[:i])
    assert len(data.points) == len(rows)  # every row is a point: N counts repeats
    assert notes[1] == f"{repeats} rows repeat the exact position of an earlier one; N and ℓ " \
                       "count every row."


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize("value, text", [
    (2.35, "2.35°E"), (-33.9, "33.9°W"), (0, "0°"), (-0.001, "0°"), (180, "180°E"),
    (-179.999, "180°W"), (12.5, "12.5°E"),
])
def test_degrees_are_written_with_a_compass_letter(value, text):
    assert degrees(value, "E", "W") == text


def test_points_description_counts_and_spans_them():
    points = [(-5.1, 42), (9.5, 51.05), (0, 45)]
    assert points_description(points) == ("3 points from longitude 5.1°W to 9.5°E and "
                                          "latitude 42°N to 51.05°N")
    assert points_description(np.empty((0, 2))) == "no points"


# --------------------------------------------------------------------------- the 180° line


@pytest.mark.parametrize("seed", range(20))
def test_date_line_widths_match_trying_every_cut(seed):
    rng = np.random.default_rng(seed)
    centre = rng.uniform(-180, 180)
    lons = (centre + rng.uniform(-40, 40, int(rng.integers(2, 12))) + 180) % 360 - 180
    points = np.column_stack([lons, rng.uniform(-60, 60, len(lons))])
    flat, band = max(lons) - min(lons), _narrowest_band(list(lons))
    widths = date_line_widths(points)
    if band < flat - 1e-9:
        assert widths == pytest.approx((flat, band))
    else:
        assert widths is None


def test_points_across_the_date_line_get_a_note_and_points_all_round_do_not():
    across = b"lon,lat\n179,10\n-179,12\n178.5,-5\n-178,0\n"
    data, notes = read_points([("pacific.csv", across)])
    assert data.mle.as_tuple() == (-179, 179, -5, 12)  # the flat map's box: almost all of it
    assert date_line_widths(data.points) == pytest.approx((358, 3.5))
    assert notes[-1] == ("Your points lie on both sides of the 180° line. A box on this flat "
                         "map cannot wrap round it, so the smallest box holding them is "
                         "358.0° wide; on a globe a band 3.5° wide across that line would do.")
    everywhere = np.column_stack([np.linspace(-179, 179, 50), np.zeros(50)])
    everywhere[10, 0] = -150  # the widest gap is inside, but a band across saves little
    content = "lon,lat\n" + "".join(f"{a},{b}\n" for a, b in everywhere)
    assert date_line_widths(everywhere) is not None
    assert len(read_points([("all.csv", content.encode())])[1]) == 1


# --------------------------------------------------------------------------- Rule 2 alone


def _nearest_by_loop(samples, training) -> list[float]:
    return [min(math.hypot(s[0] - t[0], s[1] - t[1]) for t in training) for s in samples]


@pytest.mark.parametrize("radius", [0.0, 2.0, 7.5])
def test_rule2_alone_calls_a_sample_a_copy_exactly_when_a_point_is_within_the_radius(radius):
    rng = np.random.default_rng(3)
    training = rng.uniform([-20, -20], [20, 20], (30, 2))
    samples = np.vstack([rng.uniform([-30, -30], [30, 30], (300, 2)), training[:5]])
    verdicts = judge(samples, training, radius, rule1=False)
    expected = ["copy" if d <= radius else "new"
                for d in _nearest_by_loop(samples, training)]
    assert verdicts.tolist() == expected
    # With Rule 1 as well, the samples on land get the same verdicts, the rest "sea".
    both = judge(samples, training, radius)
    on_land = land_mask().is_land(samples[:, 0], samples[:, 1])
    assert both[on_land].tolist() == verdicts[on_land].tolist()
    assert set(both[~on_land]) <= {"sea"}


def test_judge_samples_by_rule2_alone_never_says_sea():
    box = Box(-170, -120, -60, 60)  # mostly Pacific: Rule 1 would call most of it sea
    training = [(-150, 0), (-140, 10)]
    judged = judge_samples(box, 500, 4, training, 5.0, rule1=False)
    assert judged.counts["sea"] == 0
    assert judged.counts["copy"] + judged.counts["new"] == 500
    assert judge_samples(box, 500, 4, training, 5.0).counts["sea"] > 300


def test_the_upload_styles_name_two_verdicts_in_the_same_colours():
    assert list(UPLOAD_VERDICT_STYLE) == ["copy", "new"]
    assert UPLOAD_VERDICT_STYLE["copy"] == VERDICT_STYLE["copy"]
    assert UPLOAD_VERDICT_STYLE["new"][0] == "new (C)"
    assert UPLOAD_VERDICT_STYLE["new"][1:] == VERDICT_STYLE["new"][1:]


# --------------------------------------------------------------------------- the table


def test_samples_table_holds_every_sample_and_its_verdict():
    judged = judge_samples(Box(-10, 10, 40, 50), 25, 9, [(0, 45)], 3.0)
    table = samples_table(judged)
    assert list(table.columns) == ["longitude", "latitude", "verdict"]
    assert table.index.tolist() == list(range(1, 26)) and table.index.name == "sample"
    assert table[["longitude", "latitude"]].to_numpy().tolist() == judged.samples.tolist()
    assert table["verdict"].tolist() == judged.verdicts.tolist()
    assert list(samples_table(judged, verdicts=False).columns) == ["longitude", "latitude"]
    assert judged.table is judged.table  # made once for every session sharing the samples
    assert judged.table.equals(table)


def test_the_history_description_says_first_which_points():
    attempts = [(64_800.0, -40 * math.log(64_800))]
    plain = history_description(attempts, 40)
    assert history_description(attempts, 40, data="your 40 points from a to b") == (
        f"On your 40 points from a to b: {plain}")
