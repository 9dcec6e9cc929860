"""Build ``gdl_core/data/land_mask.png``: a 0.25° land/sea raster of the whole world.

Source: the PyPI package ``global-land-mask`` (MIT licence), which ships the NOAA GLOBE
land mask at 30 arc-seconds (1/120°, a 21,600 × 43,200 grid). This script is run by hand,
once, at build time; the app only reads the small PNG it writes and never imports
``global-land-mask`` (importing it takes seconds and close to 1 GB of memory).

Output grid (equirectangular, i.e. plain longitude/latitude):

- 1440 columns × 720 rows, each cell 0.25° × 0.25°;
- row 0 touches 90°N, column 0 touches 180°W;
- cell (i, j) has its centre at lon = -180 + 0.125 + 0.25·j, lat = 90 - 0.125 - 0.25·i;
- pixel value 1 (white) = land, 0 (black) = sea.

Each 0.25° cell covers exactly 30 × 30 source cells. A cell is land when at least half of
those 900 source cells are land (a majority vote, ties going to land), which keeps coasts
where they are instead of depending on a single sampled point. As in GLOBE, most lakes and
inland seas count as land; Antarctica is land.

The result is deterministic: the same source and the same pillow give the same bytes.

Usage::

    pip install "global-land-mask==1.0.0"
    python scripts/build_land_mask.py            # writes gdl_core/data/land_mask.png
    python scripts/build_land_mask.py --check    # exits 1 if the committed PNG differs
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROWS, COLS = 720, 1440  # 0.25° cells
FINE_PER_CELL = 30  # 0.25° / (1/120°)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "gdl_core" / "data" / "land_mask.png"


def load_source() -> np.ndarray:
    """Return GLOBE's land mask at 30 arc-seconds as a bool array, True = land, row 0 = 90°N."""
    try:
        from global_land_mask import globe
    except ImportError as exc:  # pragma: no cover - build-time only
        raise SystemExit(
            "This script needs the package global-land-mask: pip install 'global-land-mask==1.0.0'"
        ) from exc

    # The package keeps the grid in private module attributes: `_mask` is True over the
    # ocean, `_lat` runs from 90 down towards -90, `_lon` from -180 up towards 180, and
    # each value is the north-west corner of its cell (spacing 1/120°).
    ocean = globe._mask
    lat, lon = globe._lat, globe._lon
    expected = (ROWS * FINE_PER_CELL, COLS * FINE_PER_CELL)
    if ocean.shape != expected:
        raise SystemExit(f"Unexpected source grid {ocean.shape}, expected {expected}.")
    step = 1.0 / 120.0
    if not (
        np.isclose(lat[0], 90.0)
        and np.isclose(lon[0], -180.0)
        and np.isclose(lat[0] - lat[1], step)
        and np.isclose(lon[1] - lon[0], step)
    ):
        raise SystemExit(
            "Unexpected source orientation: expected row 0 at 90°N, column 0 at 180°W."
        )
    return ~ocean


def coarsen(fine_land: np.ndarray) -> np.ndarray:
    """Majority vote over each 30 × 30 block: land if at least half of it is land."""
    blocks = fine_land.reshape(ROWS, FINE_PER_CELL, COLS, FINE_PER_CELL)
    land_count = blocks.sum(axis=(1, 3), dtype=np.uint16)
    return land_count * 2 >= FINE_PER_CELL * FINE_PER_CELL


def to_png_bytes(raster: np.ndarray) -> bytes:
    """Encode a bool raster as a 1-bit PNG with no metadata, so the bytes are reproducible."""
    image = Image.fromarray(raster.astype(np.uint8) * 255, mode="L").convert("1", dither=None)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the PNG")
    parser.add_argument(
        "--check", action="store_true", help="compare with the file at --out instead of writing"
    )
    args = parser.parse_args(argv)

    raster = coarsen(load_source())
    data = to_png_bytes(raster)

    # Round trip: the PNG must decode to exactly the raster we meant to write.
    decoded = np.array(Image.open(io.BytesIO(data)))
    if decoded.shape != (ROWS, COLS) or not np.array_equal(decoded.astype(bool), raster):
        raise SystemExit("The PNG does not decode back to the raster: refusing to write it.")

    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from a fresh build'}")
        return 0 if same else 1

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(
        f"wrote {args.out} ({len(data):,} bytes), {COLS}×{ROWS} cells, "
        f"land fraction {raster.mean():.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
