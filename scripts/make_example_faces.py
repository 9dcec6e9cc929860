"""Write ``assets/example-faces.zip``: twelve 64 × 64 cartoon faces for Planet Pixel's upload.

The faces are drawn here with Pillow's plain shapes (no anti-aliasing, a handful of flat
colours) from our own made-up choices of skin, hair, eyes and mouth: a template that shows
what to upload (square pictures of one face each) and a set small enough to try at once.
The zip is the same bytes on every run (fixed order, fixed dates, no extra metadata).

    python scripts/make_example_faces.py
"""

from __future__ import annotations

import io
import zipfile
from itertools import cycle, islice
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "assets" / "example-faces.zip"
SIDE = 64
BACKGROUND = (236, 240, 244)
SKINS = ((246, 214, 180), (214, 160, 112), (141, 92, 60))
HAIRS = ((40, 30, 25), (200, 140, 40), (170, 60, 40), (120, 120, 130))
INK = (30, 30, 40)
MOUTH = (190, 60, 70)
SHIRTS = ((60, 110, 190), (60, 150, 90), (150, 70, 160))
N_FACES = 12


def face(skin: tuple, hair: tuple, shirt: tuple, style: int, glasses: bool,
         smile: bool) -> Image.Image:
    """One face: shirt, head, hair (0 short, 1 long, 2 none), eyes, glasses, mouth."""
    image = Image.new("RGB", (SIDE, SIDE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 50, 54, 80), fill=shirt)  # shoulders
    if style == 1:
        draw.rectangle((14, 16, 50, 50), fill=hair)  # long hair behind the head
    draw.ellipse((16, 12, 48, 48), fill=skin)  # head
    if style in (0, 1):
        draw.chord((15, 9, 49, 35), 180, 360, fill=hair)  # hair on top
    draw.rectangle((24, 26, 26, 28), fill=INK)  # eyes
    draw.rectangle((38, 26, 40, 28), fill=INK)
    if glasses:
        draw.rectangle((21, 23, 29, 31), outline=INK)
        draw.rectangle((35, 23, 43, 31), outline=INK)
        draw.line((29, 27, 35, 27), fill=INK)
    if smile:
        draw.arc((25, 30, 39, 42), 20, 160, fill=MOUTH, width=2)
    else:
        draw.line((27, 39, 37, 39), fill=MOUTH, width=2)
    return image


def faces() -> list[Image.Image]:
    """:data:`N_FACES` faces, each choice cycling at its own pace so that no two agree."""
    choices = zip(
        islice(cycle(SKINS), N_FACES), islice(cycle(HAIRS), N_FACES),
        islice(cycle(SHIRTS), N_FACES), islice(cycle((0, 1, 0, 2, 1)), N_FACES),
        islice(cycle((False, False, True)), N_FACES), islice(cycle((True, False)), N_FACES),
        strict=True,
    )
    return [face(*choice) for choice in choices]


def zip_bytes(pictures: list[Image.Image]) -> bytes:
    """The pictures as PNGs (palette mode: a few colours) in one deflated zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, picture in enumerate(pictures, start=1):
            png = io.BytesIO()
            picture.quantize(16, dither=Image.Dither.NONE).save(png, "PNG", optimize=True)
            info = zipfile.ZipInfo(f"example-faces/face-{i:02d}.png", (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, png.getvalue())
    return buffer.getvalue()


if __name__ == "__main__":
    data = zip_bytes(faces())
    OUT.write_bytes(data)
    print(f"{OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}: "
          f"{N_FACES} faces, {len(data):,} bytes")
