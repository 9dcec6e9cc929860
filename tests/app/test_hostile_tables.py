"""The whole table corpus (tests/hostile/make_corpus.py) through the shared table upload of
both Planet Wrodl pages, one file after another in one session, as a student trying files
would: each file the readers refuse gives one message naming the problem while the last good
table and the pseudocount stay; each file they read replaces the table; nothing raises; and
no piece of any file is shown outside a code span or a table."""

from __future__ import annotations

import re

import pytest

from tests.app.helpers import open_page, uploader
from tests.hostile.make_corpus import table_files

CHOICE = "upload_categorical_source"
CORPUS = table_files()
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def _refused_words(item) -> tuple[str, ...] | None:
    """What the message must say if the categorical reader refuses the file, else None
    (read, or either outcome allowed)."""
    if item.table.error is not None:
        return item.table.error
    if item.categorical is not None and item.categorical.error is not None:
        return item.categorical.error
    return None


def _shown(app) -> str:
    """Everything the page writes as Markdown, outside code spans."""
    kinds = ("markdown", "caption", "success", "error", "info", "warning")
    text = "\n".join(e.value for kind in kinds for e in getattr(app, kind))
    return _CODE_SPAN.sub("", text)


@pytest.mark.parametrize("page", ["app_pages/wrodl_counting.py",
                                  "app_pages/wrodl_naive_bayes.py"])
def test_every_table_of_the_corpus_in_one_session(app, page):
    open_page(app, page)
    app.select_slider(key="wrodl_alpha").set_value(1.0).run()
    app.radio(key=CHOICE).set_value("Your own file").run()
    last_good = None
    for item in CORPUS:
        uploader(app, "categorical").set_value((item.name, item.data, "text/csv")).run()
        assert not app.exception, (item.id, app.exception)
        words = _refused_words(item)
        if words is not None:
            (error,) = app.error
            assert "Could not use that file" in error.value, item.id
            assert all(w.casefold() in error.value.casefold() for w in words), (item.id, error)
            if last_good is not None:
                kept = app.session_state["_upload_categorical"]
                assert kept.digest == last_good, item.id  # the last good table stays
        elif item.categorical is not None or not app.error:  # must be read, or was read
            assert not app.error, (item.id, app.error)
            last_good = app.session_state["_upload_categorical"].digest
            (success,) = app.success
            assert "Showing your data" in success.value, item.id
        assert app.select_slider(key="wrodl_alpha").value == 1.0, item.id
        outside = _shown(app)
        assert "<script" not in outside and "javascript:" not in outside, item.id
    assert last_good is not None  # the corpus holds readable tables too
