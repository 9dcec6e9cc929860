"""Every bad URL value of the hostile corpus (tests/hostile/make_corpus.py) on every page
that reads a setting from the link: no exception, a notice naming the setting for each value
that had to be ignored or corrected, and the link's text shown only inside code spans (never
as Markdown, a link, a picture or HTML)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tests.app.helpers import open_page
from tests.hostile.make_corpus import query_values

PAGES = (
    "app_pages/framework.py", "app_pages/world.py", "app_pages/wrodl_counting.py",
    "app_pages/wrodl_naive_bayes.py", "app_pages/planet_pixel.py",
    "app_pages/representation.py",
)
_BY_PARAM = defaultdict(list)
for _value in query_values():
    _BY_PARAM[_value.param].append(_value)
#: Link i sets every parameter at once, to its i-th bad value (round robin): every value of
#: the corpus reaches every page that reads its parameter, in as few runs as the longest list.
LINKS = [
    {param: values[i % len(values)] for param, values in _BY_PARAM.items()}
    for i in range(max(len(values) for values in _BY_PARAM.values()))
]
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


@pytest.fixture(scope="module")
def published() -> dict[str, set[str]]:
    """Each page's settings in the link: what the page writes to the URL on a clean visit."""
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import ROOT

    names = {}
    for page in PAGES:
        app = open_page(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), page)
        names[page] = set(app.query_params)
    return names


@pytest.mark.parametrize("page", PAGES)
def test_every_bad_link_value_is_refused_by_name_and_shown_as_text(page, published):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import ROOT

    reads = published[page] & set(_BY_PARAM)
    assert reads, f"{page} reads none of the corpus's parameters"
    for link in LINKS:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        open_page(app, page, **{param: bad.value for param, bad in link.items()})
        notices = [warning.value for warning in app.warning]
        for param in reads:
            bad = link[param]
            if bad.expect != "in range":
                assert any(f"{param}=" in notice for notice in notices), (
                    f"{page}: no notice for {param}={bad.value!r} ({bad.why})")
        for notice in notices:
            outside = _CODE_SPAN.sub("", notice)
            assert "<" not in outside and "](" not in outside and "`" not in outside, notice
