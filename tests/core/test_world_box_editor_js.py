"""The plane editor's JavaScript maths (ui/box_editor.js) against gdl_core, under Node.

tests/js/fixtures.json holds what gdl_core makes of random boxes and point sets (the world
map's box mode) and of random latent points of the tins (f(z) of the point mode); it must be
what tests/js/make_fixtures.py makes now, and ``node --test tests/js`` must pass on it.
Without Node the Node part is skipped with the reason, except under ``CI=true``, where that
is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JS_TESTS = ROOT / "tests" / "js"


def _make_fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", JS_TESTS / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fixtures_are_what_gdl_core_makes_now():
    module = _make_fixtures()
    assert module.FIXTURES.read_text(encoding="utf-8") == module.text(), (
        "tests/js/fixtures.json is out of date: run python tests/js/make_fixtures.py")


def test_the_javascript_maths_passes_its_node_tests():
    node = shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Node is needed for tests/js under CI, but it is not installed")
        pytest.skip("Node is not installed, so tests/js (the box editor's maths) cannot run")
    run = subprocess.run([node, "--test", str(JS_TESTS)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
