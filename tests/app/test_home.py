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


def test_home_describes_the_pixel_samples_as_they_look(app):
    """Pixel-wise Naive Bayes draws speckled faces (a rough face shape under confetti of
    stray colours), not blurry near-copies of one face."""
    app.run()
    (pixel,) = [step for step in PATH if step.page == "app_pages/planet_pixel.py"]
    assert "speckle" in pixel.idea
    assert "blurry" not in pixel.idea and "near-identical" not in pixel.idea
    text = " ".join(m.value for m in app.markdown)
    assert pixel.idea in text


def test_home_says_where_presenter_mode_is_and_promises_only_what_holds(app):
    app.run()
    captions = " ".join(c.value for c in app.caption)
    # The sidebar is folded on phones and in presenter mode: say how to open it.
    assert "Presenter mode" in captions and "sidebar" in captions
    assert "arrow at the top left" in captions
    # True wherever the app is served: it fetches nothing at run time. Not promised: that
    # nothing leaves the machine (Community Cloud turns usage statistics on regardless).
    assert "Nothing is fetched from the internet" in captions
    for claim in ("Everything runs on this machine", "nothing leaves", "no data leaves"):
        assert claim.lower() not in captions.lower()
