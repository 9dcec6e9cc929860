"""The framework's floor for bench.load: a one-widget page on the same imports as the app.

The app's modules are imported (not used) so the interpreter holds the same objects as
the real server; a full garbage collection after each run then costs what it costs there.
"""

import streamlit as st

import gdl_core.pixels.figures
import gdl_core.world.figures
import gdl_core.wrodl.figures  # noqa: F401

st.number_input("Seed", min_value=0, step=1, key="seed")
st.write("A page with one widget and two lines of text.")
st.write("Every rerun of any page costs at least this much.")
