"""What the page tests share: opening a page the way a shared link does."""


def open_page(app, page: str, timeout: float | None = None, **query):
    """Run the app with ``query`` in the URL, go to ``page``, and insist nothing raised."""
    for name, value in query.items():
        app.query_params[name] = value
    app.run(timeout=timeout)
    app.switch_page(page).run(timeout=timeout)
    assert not app.exception, app.exception
    return app
