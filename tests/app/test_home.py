"""The home page and the shared sidebar, in Streamlit's AppTest."""

from ui.demos import PATH


def test_home_page_introduces_the_chapter_path(app):
    app.run()
    assert not app.exception
    assert [title.value for title in app.title] == ["Generative modelling, hands on"]
    text = " ".join(m.value for m in app.markdown)
    for step in PATH:
        assert step.title in text


def test_presenter_mode_is_read_from_and_written_to_the_url(app):
    app.query_params["present"] = "1"
    app.run()
    assert app.toggle(key="presenter_mode").value is True
    app.toggle(key="presenter_mode").set_value(False).run()
    assert "present" not in app.query_params
    app.toggle(key="presenter_mode").set_value(True).run()
    assert app.query_params["present"] == "1"
