"""Entry point: page setup, navigation over the demos, and the shared sidebar."""

import streamlit as st

from ui.demos import PATH
from ui.images import SHEET_CSS
from ui.memory import start as start_memory_trimmer
from ui.presenter import presenter_mode_toggle
from ui.state import keep_widget_state

st.set_page_config(
    page_title="Generative modelling, hands on",
    page_icon="assets/icon.png",
    layout="wide",
)
start_memory_trimmer()  # one thread per process returns freed memory to the OS (ui/memory.py)

home = st.Page("app_pages/home.py", title="Start here", icon=":material/home:", default=True)
demos = [
    st.Page(step.page, title=step.label, icon=step.icon) for step in PATH
]
navigation = st.navigation({"Chapter 1": [home, *demos]})

keep_widget_state()
st.html(SHEET_CSS)  # phones get the narrow version of each face sheet

with st.sidebar:
    presenter_mode_toggle()

navigation.run()
