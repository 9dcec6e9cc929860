"""Build ``gdl_core/data/pixel_faces_32.xz``: every Wrodl face as 32 x 32 palette indices.

Planet Pixel needs up to 2,200 faces as pixels; drawing them on a cold server took seconds.
There are only 4,032 different faces, so this script draws them all once, with the same
code the library uses at other sizes (``gdl_core.pixels.encoding.draw_every_face``), and
stores the palette and the codes LZMA-compressed (about 17 KB).

    python scripts/build_pixel_faces.py           # rewrites the file (about 15 s)
    python scripts/build_pixel_faces.py --check   # exit 1 if the committed file differs
"""

from __future__ import annotations

import argparse
import lzma
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdl_core.pixels import encoding


def build() -> bytes:
    """The file's bytes: the palette, then every face's codes, LZMA-compressed."""
    palette, codes = encoding.draw_every_face(encoding.SIZE)
    return lzma.compress(palette.tobytes() + codes.tobytes(), preset=9 | lzma.PRESET_EXTREME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    path = encoding.PRERENDERED_PATH
    content = build()
    if args.check:
        same = path.read_bytes() == content
        print(f"{path}: {'up to date' if same else 'DIFFERS from a fresh drawing'}")
        return 0 if same else 1
    path.write_bytes(content)
    print(f"wrote {path}: {len(content):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
