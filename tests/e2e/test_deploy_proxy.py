"""Two app replicas behind nginx running deploy/nginx.conf, as deploy/compose.yaml does.

The proxy settings are not copied here: the test reads deploy/nginx.conf and swaps only its
``listen`` line and its ``server appN:8501`` lines for loopback addresses. nginx's access
log records, for every request, the affinity key it hashed and the replica that answered;
the tests read that log to check that each browser keeps talking to one replica.

Needs nginx (Debian: ``apt-get install nginx``). Without it the tests skip with the reason,
except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser fixture then skips (or fails under CI) with the reason
    PlaywrightTimeout = TimeoutError

from bench.server import Server, free_port, serve
from tests.e2e.conftest import Visit

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "deploy" / "nginx.conf"
COOKIE = "gdl_affinity"
# URL path -> the page's title (its h1) and whether it shows pictures (st.image).
PAGES = {
    "": ("Generative modelling, hands on", False),
    "world": ("Likelihood and maximum likelihood", False),
    "wrodl_counting": ("Counting and smoothing", True),
    "wrodl_naive_bayes": ("Naive Bayes", True),
    "planet_pixel": ("Planet Pixel: Naive Bayes on raw pixels", True),
}
IMAGES_LOADED = """(atLeast) => {
    const images = [...document.querySelectorAll('[data-testid="stImage"] img')];
    return images.length >= atLeast && images.every(img => img.complete && img.naturalWidth > 0);
}"""
SAMPLE_SOURCES = """() => [...document.querySelectorAll('.st-key-wrodl_mn_samples img')]
    .map(img => img.getAttribute('src'))"""
IMAGE_STATES = """() => [...document.querySelectorAll('[data-testid="stImage"] img')]
    .map(img => `${img.getAttribute('src')} complete=${img.complete} width=${img.naturalWidth}`)"""


def _unavailable(reason: str):
    """The convention of tests/e2e/conftest.py: skip on a laptop, fail under CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"the proxy test must run under CI, but {reason}")
    pytest.skip(reason)


def _nginx_binary() -> str:
    candidates = [os.environ.get("NGINX_PATH"), shutil.which("nginx"), "/usr/sbin/nginx"]
    found = next((c for c in candidates if c and Path(c).is_file()), None)
    if found is None:
        _unavailable("nginx is not installed (Debian: apt-get install nginx)")
    return found


def site_config(port: int, upstreams: list[str]) -> str:
    """deploy/nginx.conf, listening on 127.0.0.1:``port`` and balancing over ``upstreams``
    (``host:port``) instead of the compose services. Fails if the file's shape changed, so
    the test never silently runs something other than the deployment's settings."""
    text = SITE.read_text()
    text, listens = re.subn(
        r"^(\s*)listen\s+80;", rf"\g<1>listen 127.0.0.1:{port};", text, flags=re.MULTILINE
    )
    servers = "".join(f"    server {address};\n" for address in upstreams)
    text, blocks = re.subn(
        r"(?:^[ \t]*server app\d+:8501;[ \t]*\n)+", servers, text, flags=re.MULTILINE
    )
    assert (listens, blocks) == (1, 1), (
        f"{SITE} no longer has one `listen 80;` and one block of `server appN:8501;` lines: "
        "update site_config()"
    )
    return text


def main_config(directory: Path, site: Path) -> str:
    """The frame around the site file (the nginx image includes it inside http {} too),
    with every path nginx writes to inside ``directory``, and an access log for the tests."""
    return f"""
pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {site};
    # After the include: $affinity_key comes from the site file's map.
    log_format affinity '$affinity_key\\t$upstream_addr\\t$status\\t$request_uri';
    access_log {directory}/access.log affinity;
}}
"""


@dataclass(frozen=True)
class Hit:
    """One line of the access log."""

    key: str
    replica: str  # upstream address; two, comma-separated, had nginx retried another
    status: int
    uri: str


@dataclass(frozen=True)
class Proxy:
    url: str
    replicas: tuple[str, ...]  # "127.0.0.1:port" of each replica, as nginx logs them
    log: Path

    def hits(self) -> list[Hit]:
        lines = self.log.read_text().splitlines() if self.log.exists() else []
        return [Hit(k, r, int(s), u) for k, r, s, u in (line.split("\t") for line in lines)]

    def wait_for(self, condition: Callable[[list[Hit]], bool], timeout: float = 10) -> list[Hit]:
        """The log once ``condition`` holds (nginx writes a line when a request ends, and
        a websocket's only when it closes)."""
        deadline = time.monotonic() + timeout
        while not condition(hits := self.hits()):
            assert time.monotonic() < deadline, f"the access log never got there: {hits}"
            time.sleep(0.05)
        return hits


@contextlib.contextmanager
def _nginx(directory: Path, port: int, upstreams: list[str]):
    binary = _nginx_binary()
    site = directory / "site.conf"
    site.write_text(site_config(port, upstreams))
    conf = directory / "nginx.conf"
    conf.write_text(main_config(directory, site))
    # -e: the error log before the config is read (else /var/log/nginx, not ours to write).
    command = [binary, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx -t refused the config:\n{checked.stderr}"
    process = subprocess.Popen([*command, "-g", "daemon off;"])
    try:
        _wait_until_healthy(f"http://127.0.0.1:{port}", process, directory / "error.log")
        yield
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_healthy(url: str, process: subprocess.Popen, error_log: Path):
    deadline = time.monotonic() + 15
    while True:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer,
        ):
            if answer.read() == b"ok":
                return
        if process.poll() is not None or time.monotonic() > deadline:
            log = error_log.read_text() if error_log.exists() else ""
            pytest.fail(f"nginx did not proxy /_stcore/health:\n{log}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def proxy():
    """Two replicas of ``streamlit run app.py`` behind nginx on a free loopback port."""
    _nginx_binary()  # skip (or fail under CI) before starting anything
    with contextlib.ExitStack() as stack:
        try:
            servers: list[Server] = [stack.enter_context(serve("app.py")) for _ in range(2)]
        except RuntimeError as error:  # a replica never answered its health check
            pytest.fail(str(error))
        # A directory nginx's workers can enter: run as root, nginx drops them to "nobody".
        directory = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="gdl-nginx-")))
        directory.chmod(0o755)
        port = free_port()
        replicas = tuple(urlparse(server.url).netloc for server in servers)
        stack.enter_context(_nginx(directory, port, list(replicas)))
        yield Proxy(f"http://127.0.0.1:{port}", replicas, directory / "access.log")


def _get(url: str, cookie: str | None = None) -> SimpleCookie:
    """GET ``url`` (sending the affinity cookie if given); the cookies it set."""
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as answer:
        answer.read()
        return SimpleCookie("\n".join(answer.headers.get_all("Set-Cookie") or []))


def test_one_address_is_spread_over_the_replicas_and_each_browser_pinned(proxy):
    """A lecture hall behind one NAT: every request comes from 127.0.0.1 here. Each new
    browser gets its own cookie, the cookies spread over both replicas, and every request
    that carries one goes to the same replica."""
    health = f"{proxy.url}/_stcore/health"
    keys = []
    for _ in range(24):
        cookie = _get(health)[COOKIE]
        assert cookie["httponly"] and cookie["path"] == "/" and cookie["samesite"] == "Lax"
        keys.append(cookie.value)
    assert len(set(keys)) == len(keys), "every new browser needs a cookie of its own"
    for key in keys:
        for _ in range(3):
            assert COOKIE not in _get(health, key), "a browser's cookie must not be replaced"
    hits = proxy.wait_for(lambda hits: sum(hit.key in keys for hit in hits) == 3 * len(keys))
    pinned = {key: {hit.replica for hit in hits if hit.key == key} for key in keys}
    assert all(len(replicas) == 1 for replicas in pinned.values()), pinned
    # With 24 browsers, all on one replica would happen by chance about once in 10^5 runs.
    assert set().union(*pinned.values()) == set(proxy.replicas), pinned


@dataclass
class Student:
    visit: Visit
    key: str  # the affinity cookie nginx gave this browser
    replica: str


def _new_student(browser, proxy: Proxy, taken: set[str]) -> Student:
    """A browser whose cookie pins it to a replica no other student has, so that each
    replica holds one session (cookies are random: try again until one lands there)."""
    for _ in range(30):
        context = browser.new_context(viewport={"width": 1400, "height": 1800})
        # The context's request API shares the browser's cookie jar: the first request
        # gets the cookie from nginx, the second carries it and shows where it leads.
        context.request.get(f"{proxy.url}/_stcore/health")
        key = next(c["value"] for c in context.cookies() if c["name"] == COOKIE)
        context.request.get(f"{proxy.url}/_stcore/health")
        hits = proxy.wait_for(lambda hits, key=key: any(h.key == key for h in hits))
        (replica,) = {hit.replica for hit in hits if hit.key == key}
        if replica not in taken:
            return Student(Visit(context.new_page(), proxy.url), key, replica)
        context.close()
    pytest.fail(f"30 new cookies all led to {taken}: is the hash ignoring the cookie?")


def _open(student: Student, path: str):
    """Open the page at ``path``: its title shows, its pictures load, nothing raised."""
    title, pictures = PAGES[path]
    visit = student.visit
    visit.open(path)
    visit.page.get_by_role("heading", name=title, exact=True).first.wait_for(state="visible")
    visit.wait_until_idle()  # the title comes first; now the whole page is there
    # Every picture is a /media/ file that only the session's own replica holds.
    _wait_for_pictures(visit, int(pictures), f"the pictures on /{path}")
    assert visit.exceptions() == [], (path, visit.exceptions())


def _wait_for_pictures(visit: Visit, at_least: int, what: str):
    """Wait until at least ``at_least`` pictures show and all have loaded; if they never
    do, say which did not."""
    try:
        visit.page.wait_for_function(IMAGES_LOADED, arg=at_least)
    except PlaywrightTimeout:
        pytest.fail(f"{what} did not load: {visit.page.evaluate(IMAGE_STATES)}")


def _query(visit: Visit) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(visit.page.url).query).items()}


def _new_data_moves_the_seed(student: Student):
    visit = student.visit
    _open(student, "world")
    seed = int(_query(visit)["seed"])
    visit.page.get_by_role("button", name="New data").click()
    visit.page.wait_for_url(re.compile(rf"[?&]seed={seed + 1}(&|$)"))
    visit.wait_until_idle()
    assert visit.exceptions() == []


def _sample_again_draws_new_faces(student: Student):
    _open(student, "wrodl_counting")
    page = student.visit.page
    # The samples' own pictures, once drawn and loaded.
    page.wait_for_function(
        f"() => {{ const now = ({SAMPLE_SOURCES})(); return now.length > 0 && "
        "[...document.querySelectorAll('.st-key-wrodl_mn_samples img')]"
        ".every(img => img.complete && img.naturalWidth > 0); }"
    )
    # The row's first picture is its ten-wide sheet; the page may still be adding the rest.
    before = page.evaluate(SAMPLE_SOURCES)[0]
    page.get_by_role("button", name="Sample again").click()
    page.wait_for_function(
        f"(old) => {{ const now = ({SAMPLE_SOURCES})(); "
        "return now.length > 0 && now[0] !== old; }",
        arg=before,
    )
    student.visit.wait_until_idle()
    _wait_for_pictures(student.visit, 1, "the new samples")
    assert student.visit.exceptions() == []


def test_two_students_use_every_page_through_the_proxy(browser, proxy):
    students: list[Student] = []
    try:
        for _ in range(2):
            students.append(_new_student(browser, proxy, {s.replica for s in students}))
        for path in PAGES:
            for student in students:  # both sessions open at once, on different replicas
                _open(student, path)
        for student in students:
            _new_data_moves_the_seed(student)
            _sample_again_draws_new_faces(student)
            assert student.visit.foreign_requests == []
    finally:
        for student in students:
            student.visit.page.context.close()  # closes the websockets: nginx logs them now

    def streams_closed(hits: list[Hit]) -> bool:
        return all(
            any(h.key == s.key and h.uri == "/_stcore/stream" for h in hits) for s in students
        )

    hits = proxy.wait_for(streams_closed)
    for student in students:
        mine = [hit for hit in hits if hit.key == student.key]
        # Pinned: the page's files, its websocket and its pictures all came from one replica.
        assert {hit.replica for hit in mine} == {student.replica}, mine
        assert any(hit.uri == "/_stcore/stream" and hit.status == 101 for hit in mine), mine
        media = [hit for hit in mine if hit.uri.startswith("/media/")]
        assert media, "the pages' pictures should come through the proxy"
        assert all(hit.status == 200 for hit in media), media
    assert students[0].replica != students[1].replica
