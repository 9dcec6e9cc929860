"""Streamlit helpers shared by the pages: navigation, URL state, presenter mode.

Everything that imports streamlit and is used by more than one page lives here; the maths
and the figures live in :mod:`gdl_core`.
"""
