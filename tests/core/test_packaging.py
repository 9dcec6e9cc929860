"""gdl_core is an installable package: its data travel with it and its ranges match the app's."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def _requirements(lines) -> dict[str, str]:
    parsed = (Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip())
    return {req.name.lower(): str(req.specifier) for req in parsed}


def test_the_library_asks_for_the_same_ranges_as_the_app():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    library = _requirements(project["dependencies"])
    app = _requirements((ROOT / "requirements.txt").read_text().splitlines())
    assert "streamlit" not in library
    assert library == {name: app[name] for name in library}


def test_the_library_reads_its_data_from_any_directory(tmp_path):
    # Run from an unrelated directory with only the package on the path: the data files are
    # found beside the code, not relative to the working directory.
    script = (
        "from gdl_core import wrodl, world;"
        "print(len(wrodl.load()), world.land_mask().raster.shape)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["50", "(720,", "1440)"]
