"""Shareable page state: widget values mirrored in the URL and kept across page switches.

A page lists its shareable settings as :class:`Param` objects, calls :func:`restore` before
drawing its widgets (each widget uses ``key=param.key``) and :func:`publish` after them.
On the first visit in a session a value comes from the URL; a malformed or out-of-range
URL value is replaced (default or nearest allowed value) and a notice says so. Afterwards
the session's own value wins, and the URL is rewritten to match it, so a copied link opens
the same view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import streamlit as st

from gdl_core.uploads import inline_code

_KEPT = "_kept_widget_keys"


@dataclass(frozen=True)
class Param:
    """One shareable setting: its widget key, its URL name, default and allowed range.

    ``options`` lists the only values a widget offers (a select slider's stops): a URL value
    between them snaps to the nearest one.
    """

    key: str
    url: str
    default: float | int | bool
    lo: float | None = None
    hi: float | None = None
    exact: bool = False  # write floats to the URL in full (round-trip exact), not to 6 digits
    options: tuple | None = None

    def parse(self, text: str) -> tuple[float | int | bool, str | None]:
        """Value for a URL string, and a notice when the string had to be corrected. The
        notice quotes the link's text as a code span (:func:`gdl_core.uploads.inline_code`):
        whatever a link holds shows as text, never as Markdown, a picture or a link."""
        shown = inline_code(f"{self.url}={text}")
        if isinstance(self.default, bool):
            if text in ("1", "true", "0", "false"):
                return text in ("1", "true"), None
            return self.default, f"Ignored {shown} in the link: expected 1 or 0."
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or (isinstance(self.default, int) and number % 1):
            kind = "a whole number" if isinstance(self.default, int) else "a number"
            return self.default, f"Ignored {shown} in the link: expected {kind}."
        clamped = min(max(number, -math.inf if self.lo is None else self.lo),
                      math.inf if self.hi is None else self.hi)
        value = int(clamped) if isinstance(self.default, int) else clamped
        if self.options is not None and value not in self.options:
            # The nearest stop; between two equally near ones, the smaller.
            value = min(self.options, key=lambda option: (abs(option - value), option))
            if clamped == number:
                return value, (f"{shown} in the link is not one of the slider's "
                               f"stops; using {value:g}.")
        if clamped != number:
            return value, f"{shown} in the link is out of range; using {value}."
        return value, None

    def format(self, value) -> str:
        if isinstance(self.default, bool):
            return "1" if value else "0"
        if isinstance(self.default, int):
            return str(int(value))
        return repr(float(value)) if self.exact else f"{float(value):.6g}"


def restore(*params: Param) -> list[str]:
    """Fill session state from the URL on a first visit; return the notices to show."""
    kept = st.session_state.setdefault(_KEPT, set())
    notices = []
    for param in params:
        kept.add(param.key)
        if param.key in st.session_state:
            continue
        text = st.query_params.get(param.url)
        value, notice = (param.default, None) if text is None else param.parse(text)
        st.session_state[param.key] = value
        if notice:
            notices.append(notice)
    return notices


def publish(*params: Param) -> None:
    """Write the current values into the URL."""
    for param in params:
        st.query_params[param.url] = param.format(st.session_state[param.key])


def next_seed(key: str, maximum: int) -> None:
    """Move the seed under ``key`` on by one, back to 0 past ``maximum`` (the seed input's
    ``max_value``). A "Sample again" button's callback: ``on_click=next_seed,
    args=(key, maximum)``."""
    st.session_state[key] = (int(st.session_state[key]) + 1) % (maximum + 1)


def keep(**defaults) -> None:
    """Give widgets that are not in the URL a starting value and keep them across page
    switches, like :func:`restore` does for shareable ones (``keep(world_m=200)``)."""
    kept = st.session_state.setdefault(_KEPT, set())
    for key, default in defaults.items():
        kept.add(key)
        st.session_state.setdefault(key, default)


def keep_widget_state() -> None:
    """Stop Streamlit from forgetting a page's widget values while another page is shown.

    Streamlit drops the state of widgets that a run did not draw; saving each value back
    under its own key at the top of every run (the documented remedy) keeps it.
    """
    for key in st.session_state.get(_KEPT, ()):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
