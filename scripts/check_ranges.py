"""Check that the ranges in ``requirements.txt`` hold at both ends, on every supported Python.

Streamlit Community Cloud builds a fresh environment from ``requirements.txt`` on every
deploy and reboot, with the newest versions the ranges allow; someone with an older
environment may have the oldest. Both ends must work, so this script:

1. **wheels** — resolves ``requirements.txt`` for each Python that ``pyproject.toml``'s
   ``requires-python`` admits (3.11, 3.12, 3.13), for Linux (``x86_64-manylinux_2_28``,
   wheels only, as Cloud installs them), at the lowest and at the newest versions, and checks
   that the lowest resolution lands exactly on every lower bound (so no bound is a version
   without a wheel for one of those Pythons);
2. **envs** — for each Python found on this machine and each resolution (``lowest-direct``:
   every package named in the requirements files at its lower bound; ``highest``: the
   newest), builds a virtual environment with uv from ``requirements-dev.txt``, checks the
   versions it got, and runs ``tests/core``, ``tests/app`` and a visit of every page in
   headless Chromium (``--e2e full``: all of ``tests/e2e`` instead).

Usage (``pip install -r requirements-dev.txt`` brings uv)::

    python scripts/check_ranges.py                       # every supported Python found here
    python scripts/check_ranges.py --pythons 3.11 --resolutions lowest-direct
    python scripts/check_ranges.py --ci                  # what .ci/run runs (a few minutes)

It needs PyPI (uv downloads what its cache lacks) and Debian's chromium for the visit.
A supported Python that is not on this machine is reported as not tested, never as passed
(uv finds interpreters on the PATH and under pyenv's ``versions/``). Exit status 0 only when
every check that ran passed and none was missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "requirements.txt"
DEV = ROOT / "requirements-dev.txt"
RESOLUTIONS = ("lowest-direct", "highest")
#: Cloud runs Debian on x86_64; manylinux_2_28 wheels install on glibc 2.28 and newer.
PLATFORM = "x86_64-manylinux_2_28"
#: Cloud's default Python (chosen in the deploy dialog's advanced settings).
CLOUD_DEFAULT = "3.12"


# --------------------------------------------------------------------------- the files


def requirements(path: Path = RUNTIME) -> list[Requirement]:
    """The requirements of a requirements file (``-r`` lines and comments skipped)."""
    found = []
    for line in path.read_text().splitlines():
        text = line.split("#", 1)[0].strip()
        if text and not text.startswith("-"):
            found.append(Requirement(text))
    return found


def lower_bound(requirement: Requirement) -> Version | None:
    """The version after ``>=`` (or ``==``) in a requirement, if it has one."""
    for spec in requirement.specifier:
        if spec.operator in (">=", "=="):
            return Version(spec.version)
    return None


def supported_pythons() -> list[str]:
    """The minor versions of Python 3 that pyproject.toml's ``requires-python`` admits."""
    admitted = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())
                            ["project"]["requires-python"])
    return [f"3.{minor}" for minor in range(8, 30) if f"3.{minor}" in admitted]


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def _pins(text: str) -> dict[str, Version]:
    """``name==version`` lines (uv's compile or freeze output) as a dict."""
    pins = {}
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line.strip())
        if match:
            pins[_name(match[1])] = Version(match[2])
    return pins


def off_bounds(pins: dict[str, Version], reqs: list[Requirement]) -> list[str]:
    """Each requirement whose resolved version is not its lower bound, said in words."""
    wrong = []
    for req in reqs:
        bound, got = lower_bound(req), pins.get(_name(req.name))
        if bound is not None and got != bound:
            wrong.append(f"{req.name}: lower bound {bound}, resolved {got}")
    return wrong


# --------------------------------------------------------------------------- uv


def _uv() -> str:
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    if not Path(uv).exists():
        sys.exit("uv is missing: pip install -r requirements-dev.txt (or pip install uv)")
    return uv


def _run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, text=True, capture_output=True, **kwargs)


def find_python(version: str) -> str | None:
    """An interpreter for ``version`` (e.g. "3.12") on this machine, or None."""
    found = _run(_uv(), "python", "find", "--no-python-downloads", version)
    if found.returncode == 0 and found.stdout.strip():
        return found.stdout.strip()
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = sorted(pyenv.glob(f"{version}.*/bin/python{version}"),
                        key=lambda p: Version(p.parts[-3]))
    return str(candidates[-1]) if candidates else None


def check_wheels(pythons: list[str]) -> list[str]:
    """Resolve requirements.txt, wheels only, for each Python and both resolutions."""
    failures = []
    reqs = requirements()
    for python in pythons:
        for resolution in RESOLUTIONS:
            done = _run(_uv(), "pip", "compile", "--quiet", "--no-header", "--no-annotate",
                        "--python-version", python, "--python-platform", PLATFORM,
                        "--only-binary", ":all:", "--resolution", resolution, str(RUNTIME))
            label = f"wheels {python} {resolution}"
            if done.returncode != 0:
                failures.append(f"{label}: {done.stderr.strip()[-600:]}")
                print(f"{label}: FAILED to resolve", flush=True)
                continue
            pins = _pins(done.stdout)
            wrong = off_bounds(pins, reqs) if resolution == "lowest-direct" else []
            failures += [f"{label}: {message}" for message in wrong]
            print(f"{label}: {'FAILED' if wrong else 'ok'} " + _versions(pins, reqs),
                  flush=True)
    return failures


def _versions(pins: dict[str, Version], reqs: list[Requirement]) -> str:
    return " ".join(f"{req.name}=={pins.get(_name(req.name))}" for req in reqs)


# --------------------------------------------------------------------------- environments


def build_env(python: str, resolution: str, where: Path) -> dict[str, Version]:
    """A virtual environment at ``where`` with requirements-dev.txt resolved ``resolution``."""
    uv = _uv()
    subprocess.run([uv, "venv", "--quiet", "--no-python-downloads", "--python", python,
                    str(where)], check=True)
    subprocess.run([uv, "pip", "install", "--quiet", "--python", str(where / "bin/python"),
                    "--only-binary", ":all:", "--resolution", resolution, "-r", str(DEV)],
                   check=True, cwd=ROOT)
    return _pins(_run(uv, "pip", "freeze", "--python", str(where / "bin/python")).stdout)


def check_env(version: str, resolution: str, e2e: str, keep: Path | None) -> list[str]:
    """Build one environment and run the tests in it; the failures, in words."""
    label = f"Python {version} {resolution}"
    python = find_python(version)
    if python is None:
        print(f"{label}: NOT TESTED — no Python {version} on this machine", flush=True)
        return [f"{label}: not tested, no interpreter"]
    base = keep or Path(tempfile.mkdtemp(prefix="ranges-"))
    where = base / f"{resolution}-{version}"
    shutil.rmtree(where, ignore_errors=True)
    failures = []
    try:
        pins = build_env(python, resolution, where)
        reqs = requirements()
        print(f"{label} ({python}): " + _versions(pins, reqs), flush=True)
        if resolution == "lowest-direct":
            failures += [f"{label}: {message}" for message in off_bounds(pins, reqs)]
        env_python = str(where / "bin/python")
        env = {**os.environ, "CI": "true", "PYTHONDONTWRITEBYTECODE": "1"}
        suites = [["tests/core", "tests/app"]]
        if e2e == "full":
            suites.append(["tests/e2e"])
        for paths in suites:
            done = subprocess.run([env_python, "-m", "pytest", *paths, "-q", "-x",
                                   "-p", "no:cacheprovider"], cwd=ROOT, env=env,
                                  text=True, capture_output=True)
            summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
            print(f"  pytest {' '.join(paths)}: {summary}", flush=True)
            if done.returncode != 0:
                failures.append(f"{label}: pytest {' '.join(paths)}: {summary}")
                print(done.stdout[-4000:], done.stderr[-2000:], sep="\n", flush=True)
        if e2e == "visit":
            done = subprocess.run([env_python, str(Path(__file__).resolve()), "--visit"],
                                  cwd=ROOT, env=env, text=True, capture_output=True)
            print("\n".join("  " + line for line in done.stdout.strip().splitlines()),
                  flush=True)
            if done.returncode != 0:
                failures.append(f"{label}: Chromium visit failed")
                print(done.stderr[-3000:], flush=True)
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return failures


# --------------------------------------------------------------------------- the visit


def pages() -> list[str]:
    """Every page's URL path: home ("") and one per demo of the chapter's path."""
    sys.path.insert(0, str(ROOT))
    from ui.demos import PATH

    return ["", *(Path(step.page).stem for step in PATH)]


def visit_every_page() -> int:
    """Open every page on a fresh server in headless Chromium (run inside the env checked).

    Each page is opened as a shared link would open it (a new browser context, the page's
    own URL). It must finish its script run with no exception shown, no console error and
    no request leaving this machine.
    """
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from bench.server import serve
    from tests.e2e.conftest import CHROMIUM_ARGS, Visit

    bad = 0
    with serve("app.py") as server, sync_playwright() as playwright:
        chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             headless=True)
        for page in pages():
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            visit = Visit(context.new_page(), server.url)
            failed: list[str] = []
            visit.page.on("response", lambda r, failed=failed: r.status >= 400 and failed.append(
                f"{r.status} {r.url.removeprefix(server.url)}"))
            visit.open(page, timeout=90_000)
            # On a deep link Streamlit's frontend first asks for /<page>/_stcore/health and
            # host-config (to find the app's base path), gets 404, then asks the root: not a
            # fault. Failed loads are judged by their responses, not their console lines.
            probes = {f"404 /{page}/_stcore/{name}" for name in ("health", "host-config")}
            problems = (visit.exceptions() + visit.foreign_requests
                        + [f for f in failed if f not in probes]
                        + [e for e in visit.console_errors
                           if not e.startswith("Failed to load resource")])
            elements = visit.page.locator('[data-testid="stElementContainer"]').count()
            if elements == 0:
                problems.append("nothing was drawn")
            bad += bool(problems)
            status = "ok" if not problems else "FAILED: " + "; ".join(problems)[:400]
            print(f"Chromium /{page}: {status} ({elements} elements)", flush=True)
            context.close()
        browser.close()
    print(f"visit: {len(pages()) - bad} passed, {bad} failed")
    return 1 if bad else 0


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pythons", nargs="+", default=None,
                        help="minor versions to test (default: every supported one)")
    parser.add_argument("--resolutions", nargs="+", choices=RESOLUTIONS, default=RESOLUTIONS)
    parser.add_argument("--e2e", choices=("visit", "full", "none"), default="visit")
    parser.add_argument("--keep", type=Path, help="build the environments here and keep them")
    parser.add_argument("--no-wheels", action="store_true", help="skip the wheel check")
    parser.add_argument("--ci", action="store_true",
                        help="what CI runs: the wheel check, the lowest versions on this "
                             f"Python and the newest on Cloud's default ({CLOUD_DEFAULT})")
    parser.add_argument("--visit", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.visit:
        return visit_every_page()

    supported = supported_pythons()
    failures = [] if args.no_wheels else check_wheels(supported)
    if args.ci:
        here = f"{sys.version_info.major}.{sys.version_info.minor}"
        runs = [(here, "lowest-direct"), (CLOUD_DEFAULT, "highest")]
    else:
        runs = [(python, resolution) for python in (args.pythons or supported)
                for resolution in args.resolutions]
    for python, resolution in runs:
        failures += check_env(python, resolution, args.e2e, args.keep)
    print()
    for failure in failures:
        print(f"FAILED {failure}")
    print(f"ranges: {'every check passed' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
