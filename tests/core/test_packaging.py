"""gdl_core is an installable package: its data travel with it and its ranges match the app's.

And what Streamlit Community Cloud installs is complete and bounded: requirements.txt names
every package the app's code imports, each with a lower and an upper bound, and no other
dependency file stands in front of it. (Whether the bounds really work is for
``scripts/check_ranges.py``, which builds both ends with uv: too slow for this suite.)
"""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from scripts import check_ranges

ROOT = Path(__file__).resolve().parents[2]
#: In requirements.txt but not in the library's own dependencies: what only the app needs.
APP_ONLY = {"streamlit", "pyarrow"}
#: Packages of this repository, not of PyPI.
OWN = {"gdl_core", "ui", "app_pages"}
#: Files that Community Cloud would read instead of requirements.txt (its documented order:
#: uv.lock, Pipfile, environment.yml, requirements.txt, pyproject.toml).
COMPETING = ("uv.lock", "Pipfile", "Pipfile.lock", "environment.yml", "environment.yaml")


def _requirements(lines) -> dict[str, str]:
    parsed = (Requirement(line.split("#")[0]) for line in lines
              if line.split("#")[0].strip() and not line.startswith("-"))
    return {req.name.lower(): str(req.specifier) for req in parsed}


def _app() -> dict[str, str]:
    return _requirements((ROOT / "requirements.txt").read_text().splitlines())


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_the_library_asks_for_the_same_ranges_as_the_app():
    library = _requirements(_project()["project"]["dependencies"])
    app = _app()
    assert library == {name: spec for name, spec in app.items() if name not in APP_ONLY}
    assert app.keys() >= APP_ONLY


@pytest.mark.parametrize("name", sorted(_app()))
def test_every_requirement_has_a_lower_and_an_upper_bound(name):
    operators = {re.match(r"[<>=!~]+", spec)[0] for spec in _app()[name].split(",")}
    assert ">=" in operators and "<" in operators, f"{name}: {_app()[name]}"


def _imported_top_level_names() -> set[str]:
    files = [ROOT / "app.py"]
    for folder in ("app_pages", "ui", "gdl_core"):
        files += sorted((ROOT / folder).rglob("*.py"))
    names = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_the_app_imports_nothing_but_the_standard_library_and_requirements_txt():
    third_party = _imported_top_level_names() - set(sys.stdlib_module_names) - OWN
    distributions = importlib.metadata.packages_distributions()
    required = {re.sub(r"[-_.]+", "-", name) for name in _app()}
    imported = set()
    for module in third_party:
        assert module in distributions, f"{module} is imported but not installed"
        imported |= {re.sub(r"[-_.]+", "-", d).lower() for d in distributions[module]}
    assert imported <= required, f"not in requirements.txt: {imported - required}"
    # Nothing stale either: each requirement is imported.
    assert required == imported


def test_the_installed_versions_are_inside_the_ranges():
    for name, spec in _app().items():
        version = importlib.metadata.version(name)
        assert Requirement(f"{name}{spec}").specifier.contains(version, prereleases=True), (
            f"{name} {version} is outside {spec}"
        )


def test_nothing_stands_in_front_of_requirements_txt_on_community_cloud():
    # Cloud looks beside the entry point (app.py, at the root) and then at the root; the
    # first of uv.lock, Pipfile, environment.yml, requirements.txt, pyproject.toml wins.
    assert (ROOT / "app.py").exists() and (ROOT / "requirements.txt").exists()
    assert [name for name in COMPETING if (ROOT / name).exists()] == []
    # Were pyproject.toml ever read, it would be with poetry: it has no poetry section.
    assert "poetry" not in _project().get("tool", {})


def test_requires_python_admits_exactly_the_pythons_the_readme_names():
    assert check_ranges.supported_pythons() == ["3.11", "3.12", "3.13"]
    readme = (ROOT / "README.md").read_text()
    deploy = readme[readme.index("## Deploy on Streamlit Community Cloud"):]
    deploy = deploy[:deploy.index("\n## ", 1)]
    assert "3.11" in deploy and "3.12" in deploy and "3.13" in deploy
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in check_ranges.supported_pythons()


def test_the_range_check_reads_lower_bounds_and_resolved_versions():
    reqs = check_ranges.requirements()
    assert {req.name for req in reqs} == set(_app())
    pins = check_ranges._pins("numpy==2.1.0\nresvg-py==0.2.2\n    # via x\npandas==3.0.0\n")
    chosen = [r for r in reqs if r.name in ("numpy", "resvg-py", "pandas")]
    wrong = check_ranges.off_bounds(pins, chosen)
    assert wrong == ["pandas: lower bound 2.2.3, resolved 3.0.0"]


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
