"""Refusals and their wording: :class:`UploadError`, and the helpers that quote a piece of
a file (:func:`inline_code`) or say a count or a size in words for its message."""

from __future__ import annotations

import re
import unicodedata

from gdl_core.numbers import plural

__all__ = ["UploadError", "file_size", "inline_code"]


class UploadError(ValueError):
    """An uploaded file cannot be used. The message, one or two plain sentences, says what
    is wrong with the file and what to do; pieces of the file in it are Markdown-safe."""


_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def inline_code(text: object, max_chars: int = 40) -> str:
    """``text`` as a Markdown code span, safe to show with ``st.markdown`` or ``st.error``.

    Inside a code span Markdown shows every character as itself: ``**bold**``,
    ``[x](javascript:…)``, ``![](http://…)`` and ``<script>`` stay text, never formatting,
    links, pictures or HTML. The fence is one backtick longer than the longest run of
    backticks in the text, so no value can close it early. Characters that would not show
    (control, format and bidirectional characters such as U+202E, line separators) are
    written as ``\\u202e``; text longer than ``max_chars`` characters is cut and ends in "…".
    An empty text is written "(empty)".
    """
    text = str(text)
    if not text:
        return "(empty)"
    cut = len(text) > max_chars
    text = text[:max_chars]
    text = "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in _INVISIBLE else ch for ch in text
    )
    if cut:
        text += "…"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text[0] in "` " or text[-1] in "` ":
        text = f" {text} "  # CommonMark strips exactly one space from each side
    return f"{fence}{text}{fence}"


def file_size(n_bytes: int) -> str:
    """``file_size(512)`` → "512 bytes", ``file_size(1_500)`` → "1.5 KB",
    ``file_size(2_000_000)`` → "2 MB"."""
    if n_bytes < 1_000:
        return plural(n_bytes, "byte")
    if n_bytes < 1_000_000:
        return f"{n_bytes / 1_000:.1f} KB".replace(".0 ", " ")
    return f"{n_bytes / 1_000_000:.1f} MB".replace(".0 ", " ")
