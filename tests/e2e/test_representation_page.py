"""The representation page in Chromium: a click anywhere in the latent plane draws that tin."""

from tests.e2e.test_screens import LOADED

#: Page coordinates of a point (width, height) of the latent plane, from plotly's own axes.
PLANE_TO_PAGE = """([width, height]) => {
  const plot = document.querySelector('.st-key-rep_latent_plane .js-plotly-plot')
    || [...document.querySelectorAll('.js-plotly-plot')][0];
  const layout = plot._fullLayout, box = plot.getBoundingClientRect();
  return [box.left + layout._size.l + layout.xaxis.l2p(width),
          box.top + layout._size.t + layout.yaxis.l2p(height)];
}"""
CAPTIONS = """() => [...document.querySelectorAll('.st-key-rep_f_of_z [data-testid="stImage"]')]
  .map(e => e.innerText.trim())"""


def test_clicking_an_empty_spot_of_the_plane_draws_a_new_tin(visit):
    visit.open("representation")
    visit.page.wait_for_function(LOADED, timeout=30_000)
    before = visit.page.locator('.st-key-rep_f_of_z img').first.get_attribute("src")
    plot = visit.page.locator(".js-plotly-plot").first
    plot.scroll_into_view_if_needed()
    x, y = visit.page.evaluate(PLANE_TO_PAGE, [13.5, 13.5])  # no training tin is that big
    visit.page.mouse.click(x, y)
    visit.page.wait_for_function(f"() => ({CAPTIONS})()[0] === 'f(13.50, 13.50)'")
    visit.wait_until_idle()
    after = visit.page.locator('.st-key-rep_f_of_z img').first.get_attribute("src")
    assert after != before
    visit.page.wait_for_url("**height=13.5**")
    assert visit.exceptions() == [] and visit.foreign_requests == []
