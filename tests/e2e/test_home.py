"""The home page in a real browser: it renders, cleanly, and talks only to this machine."""


def test_home_page_renders_offline_without_errors(visit):
    visit.open()
    title = visit.page.get_by_role("heading", name="Generative modelling, hands on")
    title.wait_for(state="visible")
    assert visit.page.get_by_text("The path through the chapter").is_visible()
    visit.screenshot("home")
    assert visit.exceptions() == []
    assert visit.foreign_requests == []
    assert visit.console_errors == []


def test_presenter_mode_enlarges_text_and_is_kept_in_the_url(visit):
    visit.open()
    size_of_intro = """() => parseFloat(getComputedStyle(
        document.querySelector('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p')
    ).fontSize)"""
    before = visit.page.evaluate(size_of_intro)
    visit.page.get_by_test_id("stSidebar").get_by_text("Presenter mode").click()
    visit.page.wait_for_url("**present=1**")
    visit.page.wait_for_function(f"() => ({size_of_intro})() > {before} * 1.2")
    visit.screenshot("home-presenter")
    # A shared link keeps presenter mode on.
    visit.open("?present=1")
    visit.page.wait_for_function(f"() => ({size_of_intro})() > {before} * 1.2")
