"""The session report: each page records what it shows now, and the end of every page offers
the whole session as one HTML file."""

from html.parser import HTMLParser

from gdl_core.report import session_report_html
from tests.app.helpers import open_page
from ui.report import _KEY, REPORT_TITLE

PAGES_WITH_AN_END = (
    "app_pages/framework.py", "app_pages/world.py", "app_pages/wrodl_counting.py",
    "app_pages/wrodl_naive_bayes.py", "app_pages/planet_pixel.py",
    "app_pages/representation.py",
)


def _text(document: bytes) -> str:
    parts: list[str] = []
    parser = HTMLParser()
    parser.handle_data = parts.append
    parser.feed(document.decode("utf-8"))
    return "".join(parts)


def _settings(app, page: str) -> dict[str, str]:
    return dict(app.session_state[_KEY][page].settings)


def test_every_page_ends_with_the_report_and_the_view_link(app):
    for page in PAGES_WITH_AN_END:
        open_page(app, page)
        (button,) = [e for e in app.get("download_button")
                     if e.proto.id.endswith("-page_end_report")]
        assert button.proto.label == "Download a report of this session"
        assert any("copy-view-link" in e.proto.body for e in app.get("html")), page
        assert page in app.session_state[_KEY], f"{page} recorded nothing"


def test_a_fragment_rerun_updates_the_record(app):
    """Sample again reruns only a fragment; the report still follows the seed."""
    open_page(app, "app_pages/framework.py")
    assert _settings(app, "app_pages/framework.py")["seed"] == "0"
    app.button(key="fw_sample_again").click().run()
    assert _settings(app, "app_pages/framework.py")["seed"] == "1"
    answer = app.metric[0].value
    numbers = dict(app.session_state[_KEY]["app_pages/framework.py"].numbers)
    assert numbers["p(sunglasses | this face)"] == answer


def test_the_report_holds_each_visited_page_in_the_chapters_order(app):
    open_page(app, "app_pages/representation.py")
    app.switch_page("app_pages/framework.py").run()
    recorded = app.session_state[_KEY]
    assert set(recorded) == {"app_pages/representation.py", "app_pages/framework.py"}
    ordered = [recorded[page] for page in PAGES_WITH_AN_END if page in recorded]
    text = _text(session_report_html(ordered, REPORT_TITLE))
    assert text.index("Generative or discriminative?") < text.index("Representation learning")
    assert "z: height (cm)" in text
