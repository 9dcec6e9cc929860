"""A student's own data beside a demo's built-in data: the "Built-in / Your own" choice, the
uploader, the example file, and what the session keeps of an upload.

What is kept is only what :mod:`gdl_core.uploads` (or :mod:`gdl_core.pixels.upload`) made of
the file, in this session's state, never the file and never on disk. Results the pages compute
from it may be cached under the content's SHA-256 (:attr:`Upload.digest`), which only a
session holding the very same bytes can ask for. One upload per kind of data: a new file
replaces the last one, so a session holds at most one dataset of each kind however many files
it tries. A file that cannot be used leaves the last good one in place and says, as text,
what is wrong and what to do.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from gdl_core.uploads import UploadError, inline_code
from gdl_core.uploads.messages import file_size
from ui.state import keep

BUILT_IN = "Built-in data"
YOUR_OWN = "Your own file"
ASSETS = Path(__file__).resolve().parent.parent / "assets"


@dataclass(frozen=True)
class Upload:
    """What a session keeps of an uploaded file: the file name(s) as uploaded (show them
    with :func:`~gdl_core.uploads.inline_code`), what the reader made of them, the reader's
    notes (Markdown-safe sentences) and the SHA-256 of the content (to tell a new file from
    the same one uploaded again)."""

    names: tuple[str, ...]
    data: object
    notes: tuple[str, ...]
    digest: str

    @property
    def shown_names(self) -> str:
        """The file names, each as a Markdown code span."""
        return ", ".join(inline_code(name) for name in self.names)


@dataclass(frozen=True)
class Source:
    """One kind of data a page may take from a file.

    ``kind`` names the session keys (several pages may share one kind, as the two Planet
    Wrodl pages share one table); ``read`` turns the uploaded ``(name, bytes)`` pairs into
    ``(data, notes)`` or raises :class:`~gdl_core.uploads.UploadError`; ``example`` the file
    in ``assets/`` offered as a template; ``limits`` one sentence stating the limits and the
    formats. The picker takes any file: the content decides what a file is, not its name,
    and a file of the wrong kind gets the reader's message saying what it is instead.
    """

    kind: str
    label: str
    read: Callable[[Sequence[tuple[str, bytes]]], tuple[object, Sequence[str]]]
    example: str
    example_mime: str
    limits: str
    max_mb: int = 2
    multiple: bool = False

    @property
    def choice_key(self) -> str:
        return f"upload_{self.kind}_source"

    @property
    def file_key(self) -> str:
        return f"upload_{self.kind}_file"

    @property
    def kept_key(self) -> str:
        return f"_upload_{self.kind}"

    @property
    def refused_key(self) -> str:
        return f"_upload_{self.kind}_refused"

    @property
    def round_key(self) -> str:
        return f"_upload_{self.kind}_round"


def kept(source: Source) -> Upload | None:
    """The session's last good upload of this kind, if any."""
    return st.session_state.get(source.kept_key)


def in_use(source: Source) -> Upload | None:
    """The upload the page should show: the kept one while "Your own file" is chosen."""
    if st.session_state.get(source.choice_key) != YOUR_OWN:
        return None
    return kept(source)


def _next_uploader(source: Source) -> None:
    """Give the uploader a new key: the next run draws an empty one."""
    st.session_state[source.round_key] = st.session_state.get(source.round_key, 0) + 1


def _forget(source: Source) -> None:
    """Drop the kept upload (the page goes back to the built-in data)."""
    st.session_state.pop(source.kept_key, None)
    st.session_state.pop(source.refused_key, None)
    _next_uploader(source)


def _uploader_key(source: Source) -> str:
    """The uploader's key now: :attr:`Source.file_key`, then ``_1``, ``_2``… (see
    :func:`_on_upload`)."""
    rounds = st.session_state.get(source.round_key, 0)
    return f"{source.file_key}_{rounds}" if rounds else source.file_key


def _on_upload(source: Source, key: str) -> None:
    """Read what was just uploaded, then let go of the file itself.

    Streamlit keeps an uploaded file's bytes in memory until the session ends, and a
    multiple-file uploader adds each new choice to the files already in it. So once a file
    is read (kept or refused), its bytes are dropped from Streamlit's store and the uploader
    is replaced by an empty one: each choice is a new upload on its own, and a session holds
    what was made of its files, never the files.
    """
    picked = st.session_state.get(key)
    files = picked if isinstance(picked, list) else [picked] if picked else []
    if files:
        _take(source, [(file.name, file.getvalue()) for file in files])
        context = get_script_run_ctx()
        if context is not None:
            for file in files:
                context.uploaded_file_mgr.remove_file(context.session_id, file.file_id)
    _next_uploader(source)


def _take(source: Source, files: Sequence[tuple[str, bytes]]) -> None:
    """Read ``files`` if they are not the upload already kept or already refused."""
    digest = hashlib.sha256()
    for name, content in files:
        digest.update(hashlib.sha256(name.encode("utf-8", "replace")).digest())
        digest.update(hashlib.sha256(content).digest())
    digest = digest.hexdigest()
    current = kept(source)
    refused = st.session_state.get(source.refused_key)
    if (current is not None and current.digest == digest) or (
        refused is not None and refused[0] == digest
    ):
        return
    try:
        data, notes = source.read(files)
    except UploadError as error:
        st.session_state[source.refused_key] = (digest, str(error))
        return
    st.session_state.pop(source.refused_key, None)
    st.session_state[source.kept_key] = Upload(
        tuple(name for name, _ in files), data, tuple(notes), digest
    )


@functools.cache
def _example(name: str) -> bytes:
    """An example file of ``assets/``, read once."""
    return (ASSETS / name).read_bytes()


def data_source(source: Source, key: str) -> Upload | None:
    """The "Built-in data / Your own file" choice and, under "Your own file", the uploader,
    the example file, the limits and what happened to the last file. Returns the upload to
    show (``None``: the built-in data). ``key`` names the container (for tests and CSS)."""
    keep(**{source.choice_key: BUILT_IN})
    with st.container(key=key):
        choice = st.radio(
            source.label, (BUILT_IN, YOUR_OWN), key=source.choice_key, horizontal=True,
        )
        if choice != YOUR_OWN:
            return None
        st.file_uploader(
            "Choose a file" if not source.multiple else "Choose files (or one zip)",
            accept_multiple_files=source.multiple,
            key=_uploader_key(source), max_upload_size=source.max_mb,
            on_change=_on_upload, args=(source, _uploader_key(source)),
        )
        refused = st.session_state.get(source.refused_key)
        current = kept(source)
        if refused is not None:
            still = (f" The page still shows {current.shown_names}."
                     if current else " The page still shows the built-in data.")
            st.error(f"**Could not use that file.** {refused[1]}{still}",
                     icon=":material/error:")
        if current is not None:
            st.success(f"Showing your data from {current.shown_names}.",
                       icon=":material/check_circle:")
            for note in current.notes:
                st.caption(note)
        elif refused is None:
            st.info("No file yet: the page shows the built-in data until you choose one.",
                    icon=":material/upload_file:")
        with st.container(horizontal=True):
            if current is not None:
                st.button("Forget my file", key=f"{key}_forget", on_click=_forget,
                          args=(source,), icon=":material/delete:")
            example = _example(source.example)
            st.download_button(
                f"Example file ({file_size(len(example))})", example,
                file_name=source.example, mime=source.example_mime, key=f"{key}_example",
                icon=":material/download:", on_click="ignore",
            )
        st.caption(source.limits)
    return current
