"""Wrodl faces drawn with the avataaars artwork.

A Wrodler is five categorical features (:data:`gdl_core.wrodl.FEATURES`). :func:`render`
turns them into a picture: ``python_avatars`` assembles the avataaars SVG and ``resvg_py``
rasterises it, with no system library and no network. Everything the five features do not
describe (skin, eyes, eyebrows, nose, mouth, no beard, the background) is the same on
every face, so two pictures differ exactly where their features differ.

The background is a soft periwinkle disc on a transparent square (:data:`BACKGROUND`),
chosen to stay visible on a projector and to be clearly different from every clothing
colour, including ``White`` and ``Gray01``, and from ``SilverGray`` hair.

Rasterising is cached per (features, size), so asking again for a face is nearly free;
every call hands back a fresh copy, so a caller may draw on its image freely.
"""

from __future__ import annotations

import functools
import io
import operator
from collections.abc import Mapping

import python_avatars as pa
import resvg_py
from PIL import Image

from gdl_core.wrodl import FEATURES

__all__ = [
    "BACKGROUND",
    "MAX_SIZE",
    "MIN_SIZE",
    "TABLES",
    "render",
    "svg",
]

#: Colour of the disc behind every face (RGB hex). Light enough for a projector, yet
#: well away from the white and light-grey clothes and the silver-grey hair.
BACKGROUND = "#C3CBEF"

#: Smallest and largest picture side, in pixels, that :func:`render` accepts.
MIN_SIZE = 8
MAX_SIZE = 1024
# Pictures larger than this are drawn afresh each time instead of being kept in memory: the
# 256 px portraits are kept as PNG by the app (ui.images.avatar_png), and 4,032 faces of
# 256 KB each would not fit its server (python -m bench.memory).
_LARGEST_CACHED = 128

# --- Wrodl value -> python_avatars member, one explicit table per feature -------------------
# The avataaars names map onto python_avatars like this (its SVG ids confirm it, e.g. the
# file for HairType.CURLY is "Top/Long-Hair/Curly" and STRAIGHT_1 is "Top/Long-Hair/Straight").

TOP_TYPES: dict[str, pa.HairType] = {
    "NoHair": pa.HairType.NONE,
    "LongHairBun": pa.HairType.BUN,
    "LongHairCurly": pa.HairType.CURLY,
    "LongHairStraight": pa.HairType.STRAIGHT_1,
    "ShortHairShortWaved": pa.HairType.SHORT_WAVED,
    "ShortHairShortFlat": pa.HairType.SHORT_FLAT,
    "ShortHairFrizzle": pa.HairType.FRIZZLE,
}

HAIR_COLORS: dict[str, pa.HairColor] = {
    "Black": pa.HairColor.BLACK,
    "Blonde": pa.HairColor.BLONDE,
    "Brown": pa.HairColor.BROWN,
    "PastelPink": pa.HairColor.PASTEL_PINK,
    "Red": pa.HairColor.RED,
    "SilverGray": pa.HairColor.SILVER_GRAY,
}

ACCESSORIES: dict[str, pa.AccessoryType] = {
    "Blank": pa.AccessoryType.NONE,
    "Round": pa.AccessoryType.ROUND,
    "Sunglasses": pa.AccessoryType.SUNGLASSES,
}

CLOTHING_TYPES: dict[str, pa.ClothingType] = {
    "Hoodie": pa.ClothingType.HOODIE,
    "Overall": pa.ClothingType.OVERALL,
    "ShirtScoopNeck": pa.ClothingType.SHIRT_SCOOP_NECK,
    "ShirtVNeck": pa.ClothingType.SHIRT_V_NECK,
}

CLOTHING_COLORS: dict[str, pa.ClothingColor] = {
    "Black": pa.ClothingColor.BLACK,
    "Blue01": pa.ClothingColor.BLUE_01,
    "Gray01": pa.ClothingColor.GRAY_01,
    "PastelGreen": pa.ClothingColor.PASTEL_GREEN,
    "PastelOrange": pa.ClothingColor.PASTEL_ORANGE,
    "Pink": pa.ClothingColor.PINK,
    "Red": pa.ClothingColor.RED,
    "White": pa.ClothingColor.WHITE,
}

#: feature name -> {Wrodl value -> python_avatars member}
TABLES: dict[str, Mapping[str, object]] = {
    "accessoriesType": ACCESSORIES,
    "clothingColor": CLOTHING_COLORS,
    "clothingType": CLOTHING_TYPES,
    "hairColor": HAIR_COLORS,
    "topType": TOP_TYPES,
}


def _check_tables() -> None:
    """Fail at import if a table and the Wrodl vocabulary ever drift apart."""
    if set(TABLES) != set(FEATURES):
        raise ImportError(
            f"avatars.TABLES covers {sorted(TABLES)} but wrodl.FEATURES has {sorted(FEATURES)}."
        )
    for name, values in FEATURES.items():
        if set(TABLES[name]) != set(values):
            raise ImportError(
                f"avatars.TABLES[{name!r}] has {sorted(TABLES[name])} "
                f"but wrodl.FEATURES[{name!r}] has {sorted(values)}."
            )


_check_tables()

# The avataaars "circle" style draws a disc behind the face, but python_avatars leaves one
# layer of it with an empty fill, which resvg paints black. We give that layer our colour.
_EMPTY_DISC_LAYER = '<g id="circle_Fabric-Color" mask="url(#circle_mask-2)" fill="">'
_ROOT_SIZE = 'width="264px" height="280px" viewBox="0 0 264 280"'
# The artwork is 264 x 280 and the tallest hair (the bun) touches y = 0; a 280-unit square
# centred on the face (x from -8 to 272) keeps the whole figure and makes the picture square.
_SQUARE_ROOT = 'width="280" height="280" viewBox="-8 0 280 280"'


def _key(features: Mapping[str, str]) -> tuple[str, ...]:
    """Check ``features`` and return its values in FEATURES order (a hashable cache key)."""
    if not isinstance(features, Mapping):
        raise ValueError(
            f"features must be a mapping from feature name to value, got {type(features).__name__}."
        )
    unknown = sorted(set(features) - set(FEATURES))
    if unknown:
        raise ValueError(f"Unknown feature name(s) {unknown}; the features are {list(FEATURES)}.")
    missing = [name for name in FEATURES if name not in features]
    if missing:
        raise ValueError(f"Missing feature(s) {missing}; a face needs all of {list(FEATURES)}.")
    key = []
    for name, allowed in FEATURES.items():
        value = features[name]
        if value not in TABLES[name]:
            raise ValueError(f"{value!r} is not a valid {name}; choose one of {list(allowed)}.")
        key.append(str(value))
    return tuple(key)


def _check_size(size: object) -> int:
    try:
        if isinstance(size, bool):
            raise TypeError
        size = operator.index(size)
    except TypeError:
        raise ValueError(f"size must be a whole number of pixels, got {size!r}.") from None
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise ValueError(f"size must be between {MIN_SIZE} and {MAX_SIZE} pixels, got {size}.")
    return size


def _svg_from_key(key: tuple[str, ...]) -> str:
    f = dict(zip(FEATURES, key, strict=True))
    avatar = pa.Avatar(
        style=pa.AvatarStyle.CIRCLE,
        background_color=BACKGROUND,
        top=TOP_TYPES[f["topType"]],
        hair_color=HAIR_COLORS[f["hairColor"]],
        accessory=ACCESSORIES[f["accessoriesType"]],
        clothing=CLOTHING_TYPES[f["clothingType"]],
        clothing_color=CLOTHING_COLORS[f["clothingColor"]],
        # everything below is the same on every Wrodler
        skin_color=pa.SkinColor.LIGHT,
        eyes=pa.EyeType.DEFAULT,
        eyebrows=pa.EyebrowType.DEFAULT,
        nose=pa.NoseType.DEFAULT,
        mouth=pa.MouthType.SMILE,
        facial_hair=pa.FacialHairType.NONE,
        facial_hair_color=pa.HairColor.BROWN,
        hat_color=pa.ClothingColor.HEATHER,
        shirt_graphic=pa.ClothingGraphic.SKULL,
    )
    text = avatar.render()
    for old, new in (
        (_EMPTY_DISC_LAYER, _EMPTY_DISC_LAYER.replace('fill=""', f'fill="{BACKGROUND}"')),
        (_ROOT_SIZE, _SQUARE_ROOT),
    ):
        if text.count(old) != 1:  # pragma: no cover - guards against a python_avatars change
            raise RuntimeError(f"python_avatars output changed: expected one {old!r}.")
        text = text.replace(old, new)
    return text


def svg(features: Mapping[str, str]) -> str:
    """The face as SVG text (square, 280 x 280 user units)."""
    return _svg_from_key(_key(features))


# Faces kept as the PNG resvg draws (about 6 KB at 128 px), not as pictures (64 KB): 2,048
# of them in about 13 MB, so a class's samples (thousands of draws over a few hundred
# distinct faces) are drawn once each. Drawing a face takes 10-30 ms, decoding it 0.2 ms
# (python -m bench.load --n 100: Naive Bayes for a class of 100 cost 90 ms of server time a
# rerun with 256 pictures kept, 48 ms with these 2,048 PNGs).
@functools.lru_cache(maxsize=2048)
def _drawn_png(key: tuple[str, ...], size: int) -> bytes:
    return bytes(resvg_py.svg_to_bytes(svg_string=_svg_from_key(key), width=size, height=size))


def _decoded(png: bytes, size: int) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    image = image.convert("RGBA")
    if image.size != (size, size):  # pragma: no cover - resvg keeps the square viewBox
        image = image.resize((size, size), Image.Resampling.LANCZOS)
    return image


def render(features: Mapping[str, str], size: int) -> Image.Image:
    """Draw one Wrodler as an RGBA image of ``size`` x ``size`` pixels.

    ``features`` maps each of the five feature names of :data:`gdl_core.wrodl.FEATURES`
    to one of its values (official avataaars spellings); extra keys are refused. Outside
    the background disc the picture is transparent.
    """
    key, size = _key(features), _check_size(size)
    if size > _LARGEST_CACHED:
        return _decoded(_drawn_png.__wrapped__(key, size), size)
    return _decoded(_drawn_png(key, size), size)
