"""The guided flow every page shares: numbered steps, each a heading with the one thing to
do now; a list of the steps at the top that jumps to each; a reset; and the next stop on the
chapter's path at the bottom."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.demos import PATH
from ui.report import report_download


def step_anchor(number: int) -> str:
    """The HTML id of step ``number``'s heading (for links: ``#step-2``)."""
    return f"step-{number}"


#: The steps' list in one or two lines rather than one a step, so the page's first control
#: comes into view sooner.
_STEPS_CSS = """<style>
[class*="-steps-overview"] ol { display: flex; flex-wrap: wrap; column-gap: 1.6rem;
  row-gap: 0.2rem; list-style-position: inside; padding-left: 0; margin: 0 0 0.5rem; }
[class*="-steps-overview"] li { margin: 0; padding: 0; }
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] .steps-keys) { display: none; }
</style>"""
#: The steps' list is one tab stop, not one a step (the ARIA "roving tabindex" pattern): Tab
#: reaches the first link (or the one last used), the arrow keys, Home and End move between
#: the links, Enter jumps. So a keyboard user passes the list in one Tab on the way to the
#: page's first control. Installed once a browser page; it follows every list that appears.
_STEPS_JS = """<script class="steps-keys">
(() => {
  if (window.stepsKeys) return;
  window.stepsKeys = true;
  const LIST = '[class*="-steps-overview"]';
  const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  const links = list => [...list.querySelectorAll("a")];
  const roving = () => document.querySelectorAll(LIST).forEach(list => {
    const all = links(list);
    if (!all.length || all.some(a => a.dataset.rove)) return;
    all.forEach((a, i) => { a.dataset.rove = "1"; a.tabIndex = i === 0 ? 0 : -1; });
    list.setAttribute("role", "navigation");
    list.setAttribute("aria-label", "Steps on this page (arrow keys move between them)");
  });
  new MutationObserver(roving).observe(document.body, { childList: true, subtree: true });
  roving();
  document.addEventListener("keydown", ev => {
    const link = ev.target.closest && ev.target.closest(LIST + " a");
    if (!link) return;
    const all = links(link.closest(LIST));
    const i = all.indexOf(link);
    const to = ev.key === "Home" ? 0 : ev.key === "End" ? all.length - 1
      : ev.key in MOVES ? (i + MOVES[ev.key] + all.length) % all.length : null;
    if (to === null) return;
    ev.preventDefault();
    all.forEach((a, n) => { a.tabIndex = n === to ? 0 : -1; });
    all[to].focus();
  });
})();
(() => {
  if (window.viewLinkCopy) return;
  window.viewLinkCopy = true;
  document.addEventListener("click", async ev => {
    const button = ev.target.closest && ev.target.closest(".copy-view-link");
    if (!button) return;
    const status = button.parentElement.querySelector(".copy-view-status");
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = "Copied: the link opens this page with these settings "
        + "(an uploaded file stays with you).";
    } catch (error) {
      status.textContent = "Copy this link from here or from the address bar: " + link;
    }
  });
})();
</script>"""
#: The end of a page: a button that copies the address bar (the settings are kept in it by
#: ui.state.publish, so it is the link to this very view, however the page got there), with a
#: live region that says what happened. Constant HTML; the copying is _STEPS_JS's.
_VIEW_LINK_HTML = """<style>
.copy-view-link { font: inherit; font-size: 0.875rem; color: inherit; background: #fff;
  cursor: pointer; display: inline-flex; align-items: center; gap: 0.5rem;
  border: 1px solid rgba(49, 51, 63, 0.3); border-radius: 0.5rem; padding: 0.35rem 0.8rem;
  min-height: 2.5rem; }
.copy-view-icon { font-family: "Material Symbols Rounded"; font-size: 1.25em; line-height: 1; }
.copy-view-link:hover { border-color: #1b61d1; color: #1b61d1; }
.copy-view-link:focus-visible { outline: 2px solid #1b61d1; outline-offset: 2px; }
.copy-view-status { margin-left: 0.75rem; overflow-wrap: anywhere; }
</style>
<div class="copy-view"><button type="button" class="copy-view-link"><span aria-hidden="true"
class="copy-view-icon">link</span>Copy the link to this view</button>
<span class="copy-view-status" role="status" aria-live="polite"></span></div>"""


def steps_overview(
    steps: Sequence[str], key: str, on_reset: Callable[[], None] | None = None,
    reset_key: str | None = None,
) -> None:
    """The page's steps as a numbered list of links to their headings, in a container with
    key ``key`` (CSS class ``st-key-<key>``); with ``on_reset``, a :func:`reset_button`
    (key ``reset_key``) beside it."""
    st.html(_STEPS_CSS + _STEPS_JS, unsafe_allow_javascript=True)
    overview, restart = (
        st.columns([3, 1], vertical_alignment="bottom") if on_reset else (st.container(), None)
    )
    with overview, st.container(key=key), st.container(key=f"{key}-steps-overview"):
        st.markdown(
            "\n".join(
                f"{number}. [{title}](#{step_anchor(number)})"
                for number, title in enumerate(steps, start=1)
            )
        )
    if restart is not None:
        with restart:
            reset_button(on_reset, key=reset_key)


def step(number: int, title: str, todo: str | None = None) -> None:
    """Step ``number``'s heading and, under it, ``todo``: what to do in this step, in bold."""
    st.header(f"{number}. {title}", anchor=step_anchor(number), divider="gray")
    if todo:
        st.markdown(f"**{todo}**")


def reset_button(on_reset: Callable[[], None], key: str) -> None:
    """A "Reset this page" button that calls ``on_reset`` (put every setting of the page back
    to its default and drop what was built on it) before the page reruns."""
    st.button(
        "Reset this page", icon=":material/restart_alt:", on_click=on_reset, key=key,
        help="Every setting of this page back to its starting value.",
    )


def reset_to_defaults(*params) -> None:
    """Put each :class:`ui.state.Param` back to its default (a reset's usual body)."""
    for param in params:
        st.session_state[param.key] = param.default


def next_page_link(page: str) -> None:
    """The end of a page: a link to the stop after ``page`` on the chapter's path (or back
    home after the last), then the link to this view and the session report to take away."""
    index = next(i for i, stop in enumerate(PATH) if stop.page == page)
    st.divider()
    if index + 1 < len(PATH):
        following = PATH[index + 1]
        st.page_link(following.page, label=f"Next: {following.title}",
                     icon=":material/arrow_forward:")
    else:
        st.page_link("app_pages/home.py", label="Back to the start",
                     icon=":material/home:")
    with st.container(key="page_end_share"):
        st.html(_VIEW_LINK_HTML)
        report_download("page_end_report")
