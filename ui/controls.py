"""Controls several pages share."""

from __future__ import annotations

import streamlit as st

from ui.state import Param, next_seed


def seed_row(seed: Param, button_key: str, maximum: int) -> int:
    """A seed input beside a "Sample again" button that moves it on by one; the seed."""
    seed_col, again_col = st.columns([1, 3], vertical_alignment="bottom")
    seed_col.number_input("Seed", min_value=0, max_value=maximum, step=1, key=seed.key)
    again_col.button("Sample again", icon=":material/casino:", key=button_key,
                     on_click=next_seed, args=(seed.key, maximum))
    return int(st.session_state[seed.key])
