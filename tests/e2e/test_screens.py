"""Every page on every screen it is used on: nothing cut off, nothing truncated, phones usable.

Screens: a 720p and a 1080p projector in presenter mode, a laptop, a phone. On each, every
page is measured as a person sees it: text that ends in an ellipsis or spills out of its box,
anything past the right edge of the window, chart titles and labels outside their chart,
tables that hide columns behind a scroll bar. On a phone, image grids must show a few large
faces per row, and the first control must come within a few screens of the top.
"""

from __future__ import annotations

import itertools

import pytest

from tests.e2e.conftest import Visit

SCREENS = {
    "projector720": (1280, 720, "present=1"),
    "projector1080": (1920, 1080, "present=1"),
    "laptop": (1440, 900, ""),
    "phone": (390, 844, ""),
}
PAGES = ("", "framework", "world", "wrodl_counting", "wrodl_naive_bayes", "planet_pixel",
         "representation")
#: Screens of a phone a student may scroll before reaching the page's first control.
PHONE_SCREENS_BEFORE_A_CONTROL = 8

LOADED = """() => !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stMain"] img')]
    .every(img => img.complete && img.naturalWidth > 0)
    && [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))"""

#: Everything a person would find cut off, as [kind, text, detail] triples.
CUT_OFF = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const found = [];
  const visible = e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  const edges = r => [r.left, r.right, r.top, r.bottom].map(Math.round).join(' ');
  const text = e => (e.innerText || e.textContent || '').trim().slice(0, 60);
  const right = document.documentElement.clientWidth;
  // Text that is clipped or ends in an ellipsis inside its own box.
  for (const e of main.querySelectorAll('*')) {
    if (!visible(e) || e.closest('.js-plotly-plot, [data-testid="stDataFrame"], '
        + '[data-testid="stDataFrameResizable"], [data-testid="stExpanderDetails"], '
        + '.katex-display, [data-testid="stTable"]')) continue;
    const style = getComputedStyle(e);
    const clips = style.textOverflow === 'ellipsis'
      || ['hidden', 'clip'].includes(style.overflowX);
    if (clips && e.scrollWidth > e.clientWidth + 1 && text(e))
      found.push(['clipped', text(e), `${e.scrollWidth} > ${e.clientWidth}`]);
  }
  // Anything whose box reaches past the right edge of the window.
  // (A slider's own <input type=range> is invisible and may overhang at its last stop; half
  // of a split row's picture is cropped by its frame on purpose: SPLIT_WRONG checks those.)
  for (const e of main.querySelectorAll(
      'p, h1, h2, h3, label, button, img, input:not([type="range"]), '
      + '[data-testid="stMetricValue"], '
      + '[data-testid="stDataFrame"], [data-testid="stTable"], .js-plotly-plot')) {
    if (!visible(e) || e.closest('[class*="-half-"]')) continue;
    const r = e.getBoundingClientRect();
    if (r.right > right + 1)
      found.push(['past the edge', text(e) || e.tagName, `${r.right} > ${right}`]);
  }
  // Chart titles, axis titles, legends and notes inside their chart.
  for (const plot of main.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    for (const t of plot.querySelectorAll('.gtitle, .xtitle, .ytitle, .legendtext, '
        + '.annotation-text, .xtick text, .ytick text, .colorbar text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
          || r.bottom > box.bottom + 1)
        found.push(['outside its chart', t.textContent.slice(0, 60),
                    `${edges(r)} in ${edges(box)}`]);
    }
  }
  // Formulas wider than their column (KaTeX would let them scroll out of sight).
  for (const display of main.querySelectorAll('.katex-display')) {
    const formula = display.querySelector('.katex-html') || display;
    if (visible(display) && formula.getBoundingClientRect().width
        > display.getBoundingClientRect().width + 1)
      found.push(['formula wider than its column', text(display), '']);
  }
  // Tables whose columns do not all fit (a horizontal scroll bar hides some).
  for (const frame of main.querySelectorAll('[data-testid="stDataFrame"]')) {
    const scroller = frame.querySelector('.dvn-scroller');
    if (scroller && visible(frame) && scroller.scrollWidth > scroller.clientWidth + 1)
      found.push(['table scrolls sideways',
                  frame.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+/)?.[0],
                  `${scroller.scrollWidth} > ${scroller.clientWidth}`]);
  }
  return found;
}"""

#: The levels of the headings in the page's content, in order (1 for h1 …).
HEADING_LEVELS = """() => [...document.querySelectorAll(
  '[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3, '
  + '[data-testid="stMain"] h4, [data-testid="stMain"] h5, [data-testid="stMain"] h6')]
  .filter(h => h.getBoundingClientRect().height > 0 && h.textContent.trim())
  .map(h => Number(h.tagName[1]))"""

SIDEBAR_OPEN = """() => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  return bar !== null && bar.getAttribute('data-collapsed') === 'false'
    && bar.getBoundingClientRect().right > 0;
}"""

FIRST_CONTROL_TOP = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const controls = [...main.querySelectorAll(
    'input, [role="slider"], [data-testid="stBaseButton-secondary"], '
    + '[data-testid="stBaseButton-primary"], [data-baseweb="select"], '
    + '[data-testid="stPageLink-NavLink"]')]
    .filter(e => e.getBoundingClientRect().height > 0);
  const scroller = main.closest('[data-testid="stAppViewContainer"]') || main;
  return controls.length
    ? Math.min(...controls.map(e => e.getBoundingClientRect().top + scroller.scrollTop)) : null;
}"""

#: Each face sheet a phone shows: [key, the width of one row of it in px] (a narrow picture,
#: or one half of a split row, is as wide as its container).
PHONE_SHEETS = """() => [...document.querySelectorAll('[class*="-sheet-narrow"]')]
  .filter(e => e.getBoundingClientRect().height > 0)
  .map(e => [e.className.match(/st-key-(\\S+)-sheet-narrow/)[1],
             e.getBoundingClientRect().width])"""
#: Split rows (ui.images.show_sheet(split=True)) whose halves do not show [left half, right
#: half] of their one picture: [key, left edge of each picture relative to its frame, in
#: frame widths].
#: Ten 128 px faces 20 px apart make a 1,460 px row; a frame shows half (730 px) and the
#: sixth face starts at pixel 740.
SIXTH_FACE = 740 / 730
SPLIT_WRONG = """() => [...document.querySelectorAll('[class*="-half-left"]')]
  .filter(e => e.getBoundingClientRect().height > 0)
  .map(left => {
    const key = left.className.match(/st-key-(\\S+)-half-left/)[1];
    const right = document.querySelector(`.st-key-${key}-half-right`), offset = half => {
      const frame = half.querySelector('[data-testid="stImage"]').getBoundingClientRect();
      return (half.querySelector('img').getBoundingClientRect().left - frame.left) / frame.width;
    };
    return [key, offset(left), offset(right)];
  })
  .filter(([key, l, r]) => Math.abs(l) > 0.005 || Math.abs(r + SHIFT) > 0.005)"""
#: Face sheets hidden on a phone with no narrow version shown in their place.
SHEETS_LOST = """() => [...document.querySelectorAll('[class*="-sheet-wide"]')]
  .map(wide => wide.className.match(/st-key-(\\S+)-sheet-wide/)[1])
  .filter(key => ![...document.querySelectorAll(`.st-key-${key}-sheet-narrow img`)]
    .some(img => img.getBoundingClientRect().width > 0))"""
WIDE_SHEETS_SHOWN = """() => [...document.querySelectorAll('[class*="-sheet-wide"]')]
  .filter(e => e.getBoundingClientRect().height > 0).length"""


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, browser, app_url):
    """One browser window the size of the screen, shared by the pages measured on it."""
    width, height, query = SCREENS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield request.param, Visit(context.new_page(), app_url), query
    context.close()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p or "home")
def test_nothing_is_cut_off(screen, page):
    name, visit, query = screen
    visit.open(f"{page}?{query}")
    visit.page.wait_for_function(LOADED, timeout=30_000)
    visit.page.wait_for_timeout(300)  # the charts' last resize after their column settles
    assert visit.exceptions() == []
    assert visit.page.evaluate(CUT_OFF) == []
    if name == "laptop":  # one h1, and no level skipped on the way down
        levels = visit.page.evaluate(HEADING_LEVELS)
        assert levels.count(1) == 1 and levels[0] == 1, levels
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    if name.startswith("projector"):
        assert not visit.page.evaluate(SIDEBAR_OPEN), "presenter mode should fold the sidebar"
    if name == "phone":
        top = visit.page.evaluate(FIRST_CONTROL_TOP)
        assert top is not None and top < PHONE_SCREENS_BEFORE_A_CONTROL * 844, top
        assert visit.page.evaluate(WIDE_SHEETS_SHOWN) == 0
        assert visit.page.evaluate(SHEETS_LOST) == []
        for key, row_width in visit.page.evaluate(PHONE_SHEETS):
            faces_per_row = 5  # ui.images.NARROW_COLUMNS
            assert row_width / faces_per_row >= 55, f"{key}: faces too small on a phone"
        assert visit.page.evaluate(SPLIT_WRONG.replace("SHIFT", str(SIXTH_FACE))) == []


def test_turning_presenter_mode_on_folds_the_sidebar_and_off_brings_it_back(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    visit = Visit(context.new_page(), app_url)
    visit.open("wrodl_counting")
    sidebar = visit.page.get_by_test_id("stSidebar")
    assert visit.page.evaluate(SIDEBAR_OPEN)
    sidebar.get_by_text("Presenter mode").click()
    visit.page.wait_for_url("**present=1**")
    visit.page.wait_for_function(f"() => !({SIDEBAR_OPEN})()")
    # The arrow at the top left opens it again, with the toggle to switch presenter mode off.
    visit.page.get_by_test_id("stExpandSidebarButton").click()
    sidebar.get_by_text("Presenter mode").click()
    visit.page.wait_for_function("() => !location.search.includes('present=1')")
    visit.wait_until_idle()
    assert visit.page.evaluate(SIDEBAR_OPEN)
    assert visit.exceptions() == []
    context.close()
