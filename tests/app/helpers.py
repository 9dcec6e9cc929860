"""What the page tests share: opening a page the way a shared link does, and sending what a
browser component (ui.box_editor) sends."""

import json


def open_page(app, page: str, timeout: float | None = None, **query):
    """Run the app with ``query`` in the URL, go to ``page``, and insist nothing raised."""
    for name, value in query.items():
        app.query_params[name] = value
    app.run(timeout=timeout)
    app.switch_page(page).run(timeout=timeout)
    assert not app.exception, app.exception
    return app


def send_from_component(app, key: str, state: dict) -> None:
    """Rerun as after the box editor under ``key`` sent ``state`` (its JSON value)."""
    (editor,) = [e for e in app.get("bidi_component") if e.proto.id.endswith(f"-{key}")]
    states = app._tree.get_widget_states()
    widget = states.widgets.add()
    widget.id = editor.proto.id
    widget.json_value = json.dumps(state)
    app._run(states)
    assert not app.exception, app.exception


def uploader(app, kind: str):
    """The ``ui.uploads`` file picker for ``kind`` now (its key changes after each upload:
    ``upload_<kind>_file``, ``upload_<kind>_file_1``, …)."""
    (picker,) = [u for u in app.file_uploader if u.key.startswith(f"upload_{kind}_file")]
    return picker
