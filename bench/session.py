"""A Streamlit session without a browser: Streamlit's own websocket protocol, spoken directly.

A session is one websocket on ``/_stcore/stream``. It asks for a run with a ``BackMsg`` whose
``rerun_script`` names the page and its query string, and reads ``ForwardMsg`` messages until
``script_finished``. Widgets arrive in the deltas with their ids (a keyed widget's id ends in
``-<key>``); changing one is another ``rerun_script`` carrying that widget's new state.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: What a widget change carries: the WidgetState field and its value, e.g. ("int_value", 3).
Change = tuple[str, object]


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    first_element: float = float("nan")  # seconds until the first element arrived
    widgets: dict[str, object] = field(default_factory=dict)  # id -> widget proto
    texts: list[str] = field(default_factory=list)  # markdown bodies, in order
    exceptions: list[str] = field(default_factory=list)
    n_elements: int = 0
    kinds: Counter = field(default_factory=Counter)  # element type -> how many
    n_images: int = 0  # pictures (an image element may hold several)
    status: str = ""  # how the run finished (FINISHED_SUCCESSFULLY, ...)
    query_string: str | None = None  # the URL's query string, if the run changed it


class Session:
    """One browser tab's worth of Streamlit, driven from asyncio."""

    def __init__(self, url: str, page: str, query: str = ""):
        self.url = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.page = page
        self.query = query
        self.widgets: dict[str, object] = {}
        self.fragments: dict[str, str] = {}  # widget id -> id of the fragment drawing it
        self._socket = None

    async def __aenter__(self) -> Session:
        self._socket = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=None, open_timeout=120,
            ping_interval=None,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self._socket.close()

    def widget_id(self, name: str) -> str:
        """The id of the widget with user key ``name`` (or, failing that, label ``name``)."""
        for widget_id in self.widgets:
            if widget_id.endswith(f"-{name}"):
                return widget_id
        for widget_id, proto in self.widgets.items():
            if proto.label == name:
                return widget_id
        raise KeyError(f"no widget with key or label {name!r} on page {self.page!r}")

    def value(self, name: str):
        """The value the last run reported for the widget with key or label ``name``."""
        return self.widgets[self.widget_id(name)].value

    async def run(self, changes: dict[str, Change] | None = None) -> Run:
        """Rerun the page, with the widgets named (key or label) in ``changes`` set anew.

        As a browser does, a change to widgets that all sit in one ``st.fragment`` reruns
        only that fragment.
        """
        message = BackMsg()
        state = message.rerun_script
        state.page_name = self.page
        state.query_string = self.query
        ids = [self.widget_id(key) for key in changes or {}]
        fragments = {self.fragments.get(widget_id, "") for widget_id in ids}
        if len(fragments) == 1:
            state.fragment_id = fragments.pop()
        for widget_id, (kind, value) in zip(ids, (changes or {}).values(), strict=True):
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            target = getattr(widget, kind)
            if isinstance(value, list | tuple):
                target.data.extend(value)
            else:
                setattr(widget, kind, value)
        start = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        run = Run(seconds=0.0)
        while True:
            data = await self._socket.recv()
            forward = ForwardMsg.FromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta":
                if run.n_elements == 0:
                    run.first_element = time.perf_counter() - start
                self._read_delta(forward.delta, run)
            elif kind == "page_info_changed":
                run.query_string = forward.page_info_changed.query_string
            elif kind == "page_not_found":
                run.exceptions.append(f"page not found: {forward.page_not_found.page_name}")
            elif kind == "script_finished":
                run.seconds = time.perf_counter() - start
                run.status = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                self.widgets.update(run.widgets)
                return run

    def _read_delta(self, delta, run: Run) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        run.n_elements += 1
        run.kinds[kind] += 1
        proto = getattr(element, kind)
        if kind == "exception":
            run.exceptions.append(proto.message)
        elif kind == "imgs":
            run.n_images += len(proto.imgs)
        elif kind == "markdown":
            run.texts.append(proto.body)
        elif getattr(proto, "id", "") and hasattr(proto, "label"):
            run.widgets[proto.id] = proto
            self.fragments[proto.id] = delta.fragment_id
