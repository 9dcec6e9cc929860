"""What a screen reader gets from a page of each kind: Playwright's ``aria_snapshot()`` of the
main area (roles, names, states and text, as the accessibility tree gives them), for the world
map (an interactive picture), the Counting page (grids of faces) and Planet Pixel (charts).

Each snapshot must describe the demo, not only its controls: the map's role and name and its
live ℓ, the faces' features, a chart's current values. The snapshots are saved to
``/tmp/aria-<page>.yaml`` for a person to read.

Playwright leaves out a name longer than 900 characters (it writes ``img`` alone). The
sheets of ten and fifty faces have longer alt texts, so for them the test reads the name
from Chromium's own accessibility tree (the DevTools protocol), which is what a screen
reader is given.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import Visit
from tests.e2e.test_screens import LOADED

SNAPSHOTS = Path("/tmp")
#: How the alt texts name the five features (written out here, not imported).
FEATURE_WORDS = ("hairstyle", "hair colour", "glasses", "clothes", "clothing colour")


def _open(page, url: str) -> None:
    page.goto(url)
    Visit(page, "").wait_until_idle(60_000)
    page.wait_for_function(LOADED, timeout=30_000)
    page.wait_for_timeout(300)


def snapshot(page, name: str) -> str:
    """The main area's ARIA snapshot, saved as ``/tmp/aria-<name>.yaml``."""
    text = page.locator('[data-testid="stMain"]').aria_snapshot()
    (SNAPSHOTS / f"aria-{name}.yaml").write_text(text)
    return text


def image_names(page) -> list[str]:
    """The names Chromium's accessibility tree gives the pictures of the page (in full)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return [node.get("name", {}).get("value", "") for node in nodes
            if node.get("role", {}).get("value") == "image" and not node.get("ignored")]


def metric_value(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


@pytest.mark.e2e
def test_world_map_is_named_and_announces_its_likelihood(page, app_url):
    _open(page, f"{app_url}/world")
    before = snapshot(page, "world")
    # The map: an interactive picture, named by what it shows and how to work it.
    assert re.search(r'- \w+ "World map with 50 points and the box p_model', before), before
    assert "arrow keys move it" in before
    # Its live region: the box and ℓ, as the read-out beside the map shows it.
    log_l = metric_value(page, "Log-likelihood ℓ")
    statuses = re.findall(r"- status: (.*)", before)
    assert any("Log-likelihood" in s and log_l in s for s in statuses), (log_l, statuses)
    # The history chart's text alternative, with the same ℓ as the read-out.
    history = re.search(r"paragraph: \"?Log-likelihood ℓ against area for the (\d+) boxe?s? "
                        r"tried; the latest has area [\d,]+ square degrees and ℓ = (\S+)\.",
                        before)
    assert history and history.group(2) == log_l, (history, log_l)
    # The live text follows the box.
    page.get_by_role("button", name="Shrink").click()
    Visit(page, "").wait_until_idle()
    page.wait_for_function(
        """old => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes('Log-likelihood') && !m.innerText.includes(old))""",
        arg=log_l, timeout=10_000)
    page.wait_for_timeout(500)  # the map's live region follows the new box
    after = snapshot(page, "world-after-shrink")
    new_log_l = metric_value(page, "Log-likelihood ℓ")
    assert new_log_l != log_l
    statuses = re.findall(r"- status: (.*)", after)
    assert any("Log-likelihood" in s and new_log_l in s for s in statuses), (new_log_l, statuses)


@pytest.mark.e2e
def test_counting_faces_are_described_by_their_features(page, app_url):
    _open(page, f"{app_url}/wrodl_counting")
    text = snapshot(page, "wrodl_counting")
    # A portrait: its five features and whether it is in the data.
    assert re.search(r'img "Face #3: hairstyle LongHairStraight, hair colour Red, glasses '
                     r'Round, clothes ShirtScoopNeck, clothing colour White; in the data', text)
    # The samples: their verdicts as text under the picture, and a table one click away.
    assert re.search(r"Samples 1 to 10, left to right: (copy of #\d+|new)(, (copy of #\d+|new))"
                     r"{9}\.", text), text
    assert 'The 10 samples as a table' in text
    assert "All 50 faces as a table" in text
    # The chart of all 4,032 θ̂: its description with the values at α now.
    assert "All 4,032 θ̂ of the multinomial at α = 0" in text
    # The sheets' alt texts are longer than Playwright prints: read them from Chromium.
    names = image_names(page)
    sheet = next(n for n in names if n.startswith("The Wrodlers as cartoon faces"))
    assert sheet.count("#") == 50 and "#49 " in sheet
    samples = next(n for n in names if n.startswith("10 sampled faces"))
    assert all(word in samples for word in FEATURE_WORDS), samples
    assert len(re.findall(r"\d+\. hairstyle", samples)) == 10, samples


@pytest.mark.e2e
def test_planet_pixel_charts_and_samples_are_described(page, app_url):
    _open(page, f"{app_url}/planet_pixel")
    text = snapshot(page, "planet_pixel")
    # The samples: each one's nearest training face and how many pixels differ.
    assert re.search(r"img \"10 faces sampled from Naive Bayes on the pixels, each compared "
                     r"with the training face nearest to it: sample 1: nearest training face "
                     r"\d+, \d+ of 1,024 pixels differ", text), text
    # The entropy map: its range, mean and the picked pixel's value, in numbers.
    assert re.search(r"Map of the model's uncertainty at each of the 32 × 32 pixels, in bits, "
                     r"from [\d.]+ to [\d.]+ \(mean [\d.]+\); the pixel picked, row 14, column "
                     r"10, has [\d.]+ bits\.", text), text
    # The colours at the picked pixel, with their shares.
    assert re.search(r"Colours at pixel 458 in the 50 training faces, most common first: "
                     r"colour \d+ in \d+%", text), text
    # The correlation maps: both means.
    assert re.search(r"in the 50 training faces \(mean correlation [\d.]+\) and in 200 Naive "
                     r"Bayes samples \(mean -?[\d.]+\)", text), text
