"""Pictures as bytes: one PNG encoder for every picture the project sends or embeds."""

from __future__ import annotations

import io

from PIL import Image

__all__ = ["png_bytes"]


def png_bytes(image: Image.Image, **options) -> bytes:
    """``image`` encoded as PNG; ``options`` go to Pillow's PNG writer (e.g. ``optimize=True``,
    ``bits=1`` for a two-colour palette image)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **options)
    return buffer.getvalue()
