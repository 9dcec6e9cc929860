"""Planet Pixel: Wrodl faces as small images whose pixels are palette indices.

Every face is drawn with :func:`gdl_core.avatars.render`, laid on an opaque background of
the avatar's own disc colour, and each pixel is replaced by the index (0-255) of the
nearest colour of one shared 256-colour palette. A dataset is then an ``(N, size*size)``
``uint8`` array: at 32 x 32 that is the book's 1,024 features, each with 256 possible values.

The palette depends only on ``size``, never on which faces are asked for: it is built once
from a fixed "basis" set of faces that puts every feature value next to every colour it can
touch, by keeping the flat colours of the artwork exactly and spending the remaining entries
on a median cut of the anti-aliased edge colours (the most common colour, the background,
is entry 0). So index ``k`` means the same colour in
every face and in every dataset of that size, and the same input always gives byte-identical
codes. Each pixel goes to its nearest palette colour, with no dithering (dithering would
sprinkle noise that a pixel-wise model would have to learn).

There are only 4,032 distinct faces, so at the book's 32 x 32 all of them, and the palette,
are drawn once at build time (``scripts/build_pixel_faces.py``; 17 KB compressed) and
looked up at run time: a cold server makes 2,000 training faces in milliseconds instead of
seconds. Other sizes are drawn on demand and cached per distinct face.
"""

from __future__ import annotations

import functools
import lzma
from collections.abc import Iterable

import numpy as np
import pandas as pd
from PIL import Image

from gdl_core import avatars, data, wrodl
from gdl_core.wrodl import FEATURES

__all__ = [
    "BACKGROUND_RGB",
    "MAX_SIZE",
    "N_COLORS",
    "N_PIXELS",
    "PRERENDERED_PATH",
    "SIZE",
    "draw_every_face",
    "make_dataset",
    "palette",
    "pixel_index",
    "to_image",
]

#: Number of palette entries (one byte per pixel).
N_COLORS = 256

#: Side of a Planet Pixel face, and its number of pixels (the book's 1,024 features).
SIZE = 32
N_PIXELS = SIZE * SIZE

#: The opaque colour every face is laid on: the avatar's own disc colour, so the disc
#: blends into a plain square and no white corners compete with white clothes.
BACKGROUND_RGB: tuple[int, int, int] = tuple(
    int(avatars.BACKGROUND[i : i + 2], 16) for i in (1, 3, 5)
)

# Palette entries kept for exact flat colours of the artwork; the rest go to a median cut.
_N_EXACT = 96
# A flat colour must cover at least this share of the basis pixels to be kept exactly.
_MIN_EXACT_SHARE = 1e-4


#: Largest picture side Planet Pixel accepts (the palette is built from 186 renders).
MAX_SIZE = 128

#: Every face at SIZE x SIZE, drawn by :func:`draw_every_face` at build time: the palette's
#: 256 x 3 bytes, then one row of SIZE² palette indices per combination of features, in
#: :func:`gdl_core.wrodl.combination_index` order; LZMA-compressed.
PRERENDERED_PATH = data.path(f"pixel_faces_{SIZE}.xz")


def _check_size(size: object) -> int:
    size = avatars._check_size(size)
    if size > MAX_SIZE:
        raise ValueError(
            f"Planet Pixel faces can be at most {MAX_SIZE}x{MAX_SIZE} pixels, got size {size}."
        )
    return size


def _rgb(key: tuple[str, ...], size: int) -> np.ndarray:
    rgba = avatars.render(dict(zip(FEATURES, key, strict=True)), size)
    base = Image.new("RGBA", rgba.size, (*BACKGROUND_RGB, 255))
    return np.asarray(Image.alpha_composite(base, rgba).convert("RGB"))


def _basis_keys() -> list[tuple[str, ...]]:
    """A fixed set of faces in which every colour pairing of the artwork occurs.

    - every top type with every hair colour (hair edges against skin and background),
    - every accessory with every clothing type and colour,
    - long straight hair (which falls over the clothes) in every hair colour on every
      clothing colour, so hair-on-cloth edge colours are represented too.
    Features not being varied cycle through their values so that all of them appear.
    """
    acc, ccol, ctype, hcol, top = (FEATURES[k] for k in FEATURES)
    keys: list[tuple[str, ...]] = []
    for i, (t, h) in enumerate((t, h) for t in top for h in hcol):
        keys.append((acc[i % len(acc)], ccol[i % len(ccol)], ctype[i % len(ctype)], h, t))
    for i, (a, ct, cc) in enumerate((a, ct, cc) for a in acc for ct in ctype for cc in ccol):
        keys.append((a, cc, ct, hcol[i % len(hcol)], top[i % len(top)]))
    for i, (h, cc) in enumerate((h, cc) for h in hcol for cc in ccol):
        keys.append((acc[i % len(acc)], cc, ctype[i % len(ctype)], h, "LongHairStraight"))
    return keys


def pack_rgb(rgb: np.ndarray) -> np.ndarray:
    """RGB colours (…, 3) as one integer each, 0xRRGGBB, flattened: one number a colour,
    so numpy can count and sort colours."""
    rgb = rgb.reshape(-1, 3).astype(np.uint32)
    return (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


def unpack_rgb(packed: np.ndarray) -> np.ndarray:
    """The inverse of :func:`pack_rgb`: (n, 3) uint8 colours."""
    return np.stack([(packed >> 16) & 255, (packed >> 8) & 255, packed & 255], axis=1).astype(
        np.uint8
    )


@functools.lru_cache(maxsize=16)
def _palette_cached(size: int) -> np.ndarray:
    pixels = np.concatenate([_rgb(k, size).reshape(-1, 3) for k in _basis_keys()])
    colours, counts = np.unique(pack_rgb(pixels), return_counts=True)
    if len(colours) <= N_COLORS:
        chosen = unpack_rgb(colours)
    else:
        # 1) the most common exact colours (flat fills), most frequent first, ties by value
        order = np.lexsort((colours, -counts))
        common = order[:_N_EXACT]
        common = common[counts[common] >= _MIN_EXACT_SHARE * len(pixels)]
        exact = unpack_rgb(colours[common])
        # 2) a median cut of every other pixel for the remaining entries
        rest_mask = np.ones(len(colours), dtype=bool)
        rest_mask[common] = False
        rest = unpack_rgb(np.repeat(colours[rest_mask], counts[rest_mask]))
        n_rest = N_COLORS - len(exact)
        strip = Image.fromarray(rest.reshape(1, -1, 3), "RGB")
        cut = strip.quantize(n_rest, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        cut_palette = np.asarray(cut.getpalette(), dtype=np.uint8).reshape(-1, 3)
        used = np.unique(np.asarray(cut))
        chosen = np.concatenate([exact, cut_palette[used]])
        # drop duplicates, keeping the first occurrence (exact colours come first)
        _, first = np.unique(pack_rgb(chosen), return_index=True)
        chosen = chosen[np.sort(first)]
    out = np.empty((N_COLORS, 3), dtype=np.uint8)
    out[: len(chosen)] = chosen
    # Pad with copies of entry 0: the nearest-colour search prefers the lowest index on a
    # tie, so padding rows are never chosen and every used index has a distinct colour.
    out[len(chosen) :] = chosen[0]
    out.flags.writeable = False
    return out


def palette(size: int = SIZE) -> np.ndarray:
    """The shared ``(256, 3)`` uint8 palette for faces of ``size`` x ``size`` pixels."""
    size = _check_size(size)
    return (_prerendered()[0] if size == SIZE else _palette_cached(size)).copy()


def draw_every_face(size: int = SIZE) -> tuple[np.ndarray, np.ndarray]:
    """Draw all 4,032 faces: ``(palette (256, 3), codes (4032, size²))``, row ``j`` being the
    combination with :func:`gdl_core.wrodl.combination_index` ``j``. Takes seconds at 32 px;
    ``scripts/build_pixel_faces.py`` stores the result in :data:`PRERENDERED_PATH`."""
    size = _check_size(size)
    faces = wrodl.decode(wrodl.all_combinations()).astype(str)
    keys = faces.itertuples(index=False, name=None)
    return _palette_cached(size).copy(), np.stack([_codes_cached(key, size) for key in keys])


@functools.cache
def _prerendered() -> tuple[np.ndarray, np.ndarray]:
    """The palette and the codes of every face at SIZE, read once from PRERENDERED_PATH."""
    with PRERENDERED_PATH.open("rb") as file:
        table = np.frombuffer(lzma.decompress(file.read()), dtype=np.uint8)  # read-only
    colours = table[: N_COLORS * 3].reshape(N_COLORS, 3)
    return colours, table[N_COLORS * 3 :].reshape(wrodl.N_COMBINATIONS, N_PIXELS)


def _face_keys(faces: pd.DataFrame) -> list[tuple[str, ...]]:
    if not isinstance(faces, pd.DataFrame):
        raise ValueError(f"faces must be a pandas DataFrame, got {type(faces).__name__}.")
    missing = [name for name in FEATURES if name not in faces.columns]
    if missing:
        raise ValueError(
            f"faces is missing the column(s) {missing}; it needs all of {list(FEATURES)}."
        )
    if len(faces) == 0:
        raise ValueError("faces is empty; make_dataset needs at least one face.")
    table = faces[list(FEATURES)]
    for name, allowed in FEATURES.items():
        column = table[name].astype(object)
        bad = ~column.isin(allowed)
        if bad.any():
            raise ValueError(
                f"Column {name!r} has the value {column[bad].iloc[0]!r}, which is not one of "
                f"{list(allowed)}."
            )
    return list(table.astype(str).itertuples(index=False, name=None))


#: Colours compared with the palette at once by :func:`nearest_colour` (bounds its memory).
_CHUNK = 4096


def nearest_colour(colours: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Index of the nearest palette colour (squared RGB distance, lowest index on a tie) for
    each colour. ‖c − p‖² = ‖c‖² − 2 c·p + ‖p‖², and ‖c‖² is the same for every p, so the
    argmin of ‖p‖² − 2 c·p is taken: one integer matrix product (exact), in blocks of
    :data:`_CHUNK` colours to bound memory. On a tie the lowest index wins, so padding rows
    at the end of a palette are never chosen."""
    pal = palette.astype(np.int32)
    norms = (pal * pal).sum(axis=1)
    out = np.empty(len(colours), dtype=np.intp)
    for start in range(0, len(colours), _CHUNK):
        block = colours[start : start + _CHUNK].astype(np.int32)
        out[start : start + _CHUNK] = (norms[None, :] - 2 * (block @ pal.T)).argmin(axis=1)
    return out


@functools.lru_cache(maxsize=8192)
def _codes_cached(key: tuple[str, ...], size: int) -> np.ndarray:
    """One face as a row of palette indices (exact nearest colour, no dithering)."""
    packed = pack_rgb(_rgb(key, size))
    colours, inverse = np.unique(packed, return_inverse=True)
    row = nearest_colour(unpack_rgb(colours), _palette_cached(size)).astype(np.uint8)[
        inverse.reshape(-1)
    ]
    row.flags.writeable = False
    return row


def make_dataset(faces: pd.DataFrame, size: int = SIZE) -> tuple[np.ndarray, np.ndarray]:
    """Turn a table of faces into Planet Pixel data.

    ``faces`` has one row per face and the five feature columns of
    :data:`gdl_core.wrodl.FEATURES` (plain strings or Categorical; other columns are
    ignored). Returns ``(codes, palette)``: ``codes`` is ``uint8`` of shape
    ``(N, size*size)``, row ``i`` being face ``i`` read row by row, top-left first; ``palette``
    is ``uint8`` of shape ``(256, 3)`` and ``palette[codes[i, j]]`` is that pixel's colour.
    Identical faces give identical rows.
    """
    size = _check_size(size)
    keys = _face_keys(faces)
    if size == SIZE:
        colours, every_face = _prerendered()
        index = wrodl.combination_index(wrodl.encode(faces[list(FEATURES)].astype(str)))
        return every_face[index], colours.copy()
    distinct = list(dict.fromkeys(keys))  # first-seen order: deterministic
    position = {key: i for i, key in enumerate(distinct)}
    rows = np.stack([_codes_cached(key, size) for key in distinct])
    codes = rows[np.fromiter((position[key] for key in keys), dtype=np.intp, count=len(keys))]
    return codes, palette(size)


def to_image(
    codes_row: Iterable[int] | np.ndarray, palette: np.ndarray, size: int = SIZE
) -> Image.Image:
    """Turn one row of palette indices back into an RGB picture of ``size`` x ``size``."""
    size = _check_size(size)
    codes = np.asarray(codes_row)
    if codes.ndim == 2 and codes.shape == (size, size):
        codes = codes.reshape(-1)
    if codes.ndim != 1:
        raise ValueError(
            f"codes_row must be one row of {size * size} palette indices, got an array of "
            f"shape {codes.shape}."
        )
    if codes.shape[0] != size * size:
        raise ValueError(
            f"codes_row has {codes.shape[0]} values but a {size}x{size} picture needs "
            f"{size * size}."
        )
    if not np.issubdtype(codes.dtype, np.integer):
        raise ValueError(f"codes_row must hold whole numbers, got dtype {codes.dtype}.")
    if codes.min() < 0 or codes.max() > N_COLORS - 1:
        raise ValueError(
            f"codes_row values must lie between 0 and {N_COLORS - 1}, got "
            f"{codes.min()}..{codes.max()}."
        )
    pal = np.asarray(palette)
    if pal.shape != (N_COLORS, 3):
        raise ValueError(f"palette must have shape ({N_COLORS}, 3), got {pal.shape}.")
    if not np.issubdtype(pal.dtype, np.integer) or pal.min() < 0 or pal.max() > 255:
        raise ValueError("palette must hold whole-number colour values between 0 and 255.")
    pixels = pal.astype(np.uint8)[codes.astype(np.intp)].reshape(size, size, 3)
    return Image.fromarray(pixels, "RGB")


def pixel_index(row: int, column: int, size: int = SIZE) -> int:
    """Pixel number of (row, column) in a row of codes: row · size + column, from 0 at the
    top-left."""
    if not (0 <= row < size and 0 <= column < size):
        raise ValueError(
            f"row and column must lie between 0 and {size - 1}, got ({row}, {column})"
        )
    return int(row) * size + int(column)
