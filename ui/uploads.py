"""A student's own data beside a demo's built-in data: the "Built-in / Your own" choice, the
uploader, the example file, and what the session keeps of an upload.

What is kept is only what :mod:`gdl_core.uploads` (or :mod:`gdl_core.pixels.upload`) made of
the file, in this session's state: never the file on disk, never in a cache another session
reads. One upload per kind of data: a new file replaces the last one, so a session holds at
most one dataset of each kind however many files it tries. A file that cannot be used leaves
the last good one in place and says, as text, what is wrong and what to do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

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
    ``(data, notes)`` or raises :class:`~gdl_core.uploads.UploadError`; ``types`` the file
    extensions the picker offers (the content decides what a file is, not its name);
    ``example`` the file in ``assets/`` offered as a template; ``limits`` one sentence
    stating the limits.
    """

    kind: str
    label: str
    read: Callable[[Sequence[tuple[str, bytes]]], tuple[object, Sequence[str]]]
    types: tuple[str, ...]
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


def kept(source: Source) -> Upload | None:
    """The session's last good upload of this kind, if any."""
    return st.session_state.get(source.kept_key)


def in_use(source: Source) -> Upload | None:
    """The upload the page should show: the kept one while "Your own file" is chosen."""
    if st.session_state.get(source.choice_key) != YOUR_OWN:
        return None
    return kept(source)


def _forget(source: Source) -> None:
    st.session_state.pop(source.kept_key, None)
    st.session_state.pop(source.refused_key, None)


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
        picked = st.file_uploader(
            "Choose a file" if not source.multiple else "Choose files (or one zip)",
            type=list(source.types), accept_multiple_files=source.multiple,
            key=source.file_key, max_upload_size=source.max_mb,
        )
        files = picked if isinstance(picked, list) else [picked] if picked else []
        if files:
            _take(source, [(file.name, file.getvalue()) for file in files])
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
            st.button("Forget my file", key=f"{key}_forget", on_click=_forget, args=(source,),
                      icon=":material/delete:")
        elif refused is None:
            st.info("No file yet: the page shows the built-in data until you choose one.",
                    icon=":material/upload_file:")
        example = ASSETS / source.example
        st.download_button(
            f"Example file ({file_size(example.stat().st_size)})", example.read_bytes(),
            file_name=source.example, mime=source.example_mime, key=f"{key}_example",
            icon=":material/download:", on_click="ignore",
        )
        st.caption(source.limits)
    return current
