"""AppTest runs the scripts in-process; they import ``ui`` and ``gdl_core`` from the root."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app():
    """A fresh session of the whole app (navigation and sidebar included)."""
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
