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


def test_a_shared_link_is_the_first_request_a_fresh_server_sees(browser):
    """A hosted app that has just woken up must still open a link to a page properly:
    with the app's navigation and sidebar, not the page script alone."""
    from tests.e2e.conftest import Visit, serve_app

    with serve_app() as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        visit = Visit(context.new_page(), url)
        visit.open("world?n=80&seed=3")
        visit.page.get_by_role("heading", name="Likelihood and maximum likelihood").wait_for()
        # Streamlit says "Page not found" in a modal dialog when it cannot match the path.
        assert visit.page.get_by_role("dialog").count() == 0
        assert visit.page.get_by_text("Page not found").count() == 0
        navigation = visit.page.get_by_test_id("stSidebarNav")
        assert navigation.get_by_text("Start here").is_visible()
        assert navigation.get_by_text("app", exact=True).count() == 0
        # (the sidebar's toggle comes with the first run, which a fresh server takes a while
        # to finish: wait for it rather than look once)
        toggle = visit.page.get_by_test_id("stSidebar").get_by_text("Presenter mode")
        toggle.wait_for(state="visible", timeout=30_000)
        assert visit.exceptions() == []
        assert visit.foreign_requests == []
        context.close()
