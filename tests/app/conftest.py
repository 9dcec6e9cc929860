"""AppTest runs the scripts in-process; they import ``ui`` and ``gdl_core`` from the root."""

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def navigation_not_pages_directory(monkeypatch):
    """Run app.py on every rerun, as the real server does once st.navigation has been called.

    AppTest resets ``PagesManager.uses_pages_directory`` before each run; because our page
    scripts live in ``pages/`` it then takes the app for an old-style multipage app and, from
    the second run on, executes the page script alone — without app.py and its sidebar.
    """
    original_init = PagesManager.__init__

    def init_for_navigation(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init_for_navigation)


@pytest.fixture
def app():
    """A fresh session of the whole app (navigation and sidebar included)."""
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
