"""Planet Pixel on your own pictures: uploaded images → 32 × 32 faces on one shared palette.

    images, notes = read_images([("me.jpg", data), ("class.zip", zipped)])
    codes, palette = faces_from_images(images)       # as gdl_core.pixels.make_dataset gives
    data = upload_data_report(codes, palette)        # an experiment.DataReport for the page
    data, notes = read_faces([("class.zip", zipped)])  # the three in one, as the page keeps it

**Reading** (:func:`read_images`). Several pictures (PNG, JPEG, GIF, WebP, BMP) or at most one
zip of them. The format is read from the first bytes of each file, never from its name; a
file whose name says otherwise is read as what it is, with a note. Every check that can be
made before decoding is made before decoding: the total bytes, the number of files, a zip's
entry count and the sizes its entries declare, and each picture's width × height from its
header (Pillow's ``Image.open`` reads only the header; pixels are decoded by ``load``).
Nothing is written to disk: a zip is read in memory, entry by entry, each with a hard byte
cap (an entry may lie about its size). A picture that cannot be used (not a picture,
damaged, too many pixels, an unsafe path in the zip) is skipped with a note naming it;
:class:`ImageUploadError` is raised for a problem with the upload as a whole (too many files
or bytes, a zip bomb, a zip inside the zip, no usable picture at all). Every message says
what is wrong and what to do, and quotes file names verbatim inside Markdown code spans
(:func:`gdl_core.uploads.inline_code`), so ``st.error(str(error))`` shows ``<img …>`` or
``**bold**`` as the characters they are; never pass them to ``unsafe_allow_html``.

Each picture is turned into an 8-bit RGB "working copy": the first frame of an animation;
16-bit greyscale scaled to 8 bits (v · 255 / 65535, rounded); CMYK, palette, greyscale and
YCbCr converted to RGB (CMYK by Pillow's plain formula, without a colour profile); turned
upright by its EXIF orientation; cut to its **centre square** (the largest square in the
middle: Planet Pixel's faces are square, so the rest would be thrown away later anyway) and
shrunk to at most :data:`WORKING_SIDE` pixels a side by area averaging (Pillow's BOX filter;
JPEGs are first decoded at 1/2, 1/4 or 1/8 scale by the decoder itself, ``Image.draft``);
transparent parts laid on white (alpha compositing, with the shrinking done on
premultiplied colours so that hidden colours do not bleed in).

**Faces** (:func:`faces_from_images`). Each working copy is shrunk to 32 × 32 by area
averaging: output pixel (r, c) is the mean colour of the input square it covers (when the
side is not a multiple of 32, an input pixel cut by the square's edge counts in proportion
to the part of it inside). One palette of at most 256 colours
is then chosen for **all** faces together, so that a palette index means the same colour in
every face, as in the built-in data:

- if the faces use at most 256 distinct colours, the palette is exactly those colours;
- otherwise Pillow's median cut (``Image.quantize``, no dithering) of the mosaic of every
  face's pixels picks 256 colours: it splits the box of colours in two at the median of
  its longest side, again and again, until there are 256 boxes, each giving its mean colour
  (Pillow's k-means refinement is left out: it costs seconds on 200 faces of noise).

Each pixel then gets the index of its nearest palette colour (squared RGB distance, lowest
index on a tie; no dithering, which would sprinkle noise a pixel-wise model would have to
learn), and the palette is ordered by how many pixels use each colour, the most common
first (entry 0, usually the background, as in :mod:`gdl_core.pixels.encoding`). Unused
entries are copies of entry 0, so they are never chosen.

**Limits**, each a keyword of :func:`read_images`. Streamlit Community Cloud gives the whole
app about 1 GB of memory and one Python process that a class of students shares, so every
limit bounds memory or time per upload:

- **200 pictures** per upload (zip entries included): the page fits Naive Bayes on them and
  shows them; a grid of 200 faces is already long.
- **10 MB** uploaded in all: the bytes are held in memory while they are read.
- **4096 × 4096 pixels (16.8 million)** decoded per picture: decoding one holds ~70 MB
  (Pillow keeps 4 bytes a pixel; shrinking works in 4 MB bands, so nothing else is that big).
  A JPEG counts as decoded, i.e. after the decoder's scaling, and its header may declare up
  to 4× that (67 million pixels: any phone camera's photo).
- **100 million pixels** decoded in all: ~1 s of decoding on the core the class shares.
- **50 MB** unpacked from the zip, **500** entries listed in it, and no entry over 1 MB that
  declares more than **100×** its packed size: pictures barely shrink when zipped, a zip
  bomb shrinks 1,000-fold.
- **128 × 128** working copy kept per picture: 200 of them are 10 MB.

Never imports streamlit.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from gdl_core.numbers import plural
from gdl_core.pixels import measures
from gdl_core.pixels.encoding import N_COLORS, SIZE, nearest_colour, pack_rgb, unpack_rgb
from gdl_core.pixels.experiment import DataReport
from gdl_core.rng import Seed, as_generator
from gdl_core.uploads import UploadError, inline_code

__all__ = [
    "FORMATS",
    "MAX_BYTES_TOTAL",
    "MAX_FILES",
    "MAX_PIXELS_PER_IMAGE",
    "MAX_PIXELS_TOTAL",
    "MAX_UNZIPPED_BYTES",
    "MAX_ZIP_ENTRIES",
    "MAX_ZIP_RATIO",
    "MIN_FACES",
    "WORKING_SIDE",
    "ImageUploadError",
    "faces_from_images",
    "read_faces",
    "read_images",
    "upload_data_report",
]

#: Most pictures in one upload, zip entries included.
MAX_FILES = 200
#: Most bytes in one upload, all files together (as uploaded: a zip counts its packed size).
MAX_BYTES_TOTAL = 10 * 1024 * 1024
#: Most pixels (width × height, from the header; for a JPEG, as its decoder scales it) in one
#: picture.
MAX_PIXELS_PER_IMAGE = 4096 * 4096
#: Most pixels decoded in one upload, all pictures together.
MAX_PIXELS_TOTAL = 100_000_000
#: Most bytes unpacked from the zip, all entries together.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
#: Most entries (files, folders, junk) listed in the zip.
MAX_ZIP_ENTRIES = 500
#: Largest unpacked/packed size ratio of a zip entry over :data:`_RATIO_FLOOR` bytes.
MAX_ZIP_RATIO = 100
#: Side of the square working copy kept of each picture (4× the face's 32: enough to shrink
#: from by area averaging).
WORKING_SIDE = 128
#: Fewest faces the Planet Pixel experiment can run on (a correlation needs two).
MIN_FACES = 2

#: The picture formats read, by Pillow's name, with the names people know them by.
FORMATS: dict[str, str] = {
    "PNG": "PNG",
    "JPEG": "JPEG",
    "GIF": "GIF",
    "WEBP": "WebP",
    "BMP": "BMP",
}

# A zip entry must unpack to more than this before its compression ratio is held against it
# (a small flat BMP may legitimately compress 100-fold).
_RATIO_FLOOR = 1024 * 1024
# Longest file name shown in a message; longer ones are cut, ending in "…".
_NAME_CHARS = 80
# Bytes of the zip's list of contents allowed per entry (46 + a name + extras; names of
# pictures are far shorter than this).
_DIRECTORY_BYTES_PER_ENTRY = 1024
# Bytes read first from a zip entry to tell what it is.
_HEAD_BYTES = 512
# Names listed in one note before "and N more".
_LISTED = 5
# A JPEG's header may declare this many times MAX_PIXELS_PER_IMAGE (it is decoded scaled down).
_JPEG_HEADER_FACTOR = 4
# Input pixels per band when shrinking (a 4 MB band of RGBA, and its premultiplied copy).
_BAND_PIXELS = 1 << 20

_WHAT_TO_UPLOAD = "Upload PNG, JPEG, GIF, WebP or BMP pictures, or one zip of them."

_EXTENSIONS = {
    "png": "PNG",
    "apng": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "jpe": "JPEG",
    "jfif": "JPEG",
    "gif": "GIF",
    "webp": "WEBP",
    "bmp": "BMP",
    "dib": "BMP",
    "zip": "ZIP",
}

_PNG_KEPT = frozenset(
    (b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"acTL", b"fcTL", b"fdAT", b"eXIf")
)

_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}

# EXIF orientation → the transpose that turns the picture upright.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class ImageUploadError(UploadError):
    """An upload of pictures Planet Pixel cannot use; the message says what is wrong and
    what to do, and quotes file names as Markdown code spans (see :func:`_shown`). A
    :class:`gdl_core.uploads.UploadError`, hence a ``ValueError``."""


class _Skip(Exception):
    """One file cannot be used; the message is the reason, a sentence fragment after its
    name (e.g. "is empty (0 bytes)")."""


# --- messages -------------------------------------------------------------------------------


def _shown(name: str) -> str:
    """A file name as shown in a message: verbatim inside a Markdown code span (so that
    ``st.error``/``st.markdown`` show ``<img …>``, ``**bold**`` or ``[x](javascript:…)`` as
    the characters they are), with invisible and bidirectional characters written as
    ``\\u202e`` and a very long name cut, by :func:`gdl_core.uploads.inline_code`."""
    return inline_code(name, max_chars=_NAME_CHARS)


def _join(shown: Sequence[str]) -> str:
    """Names already passed through :func:`_shown`, listed: the first few, then "and N
    more"."""
    more = len(shown) - _LISTED
    return ", ".join(shown[:_LISTED]) + (f" and {more:,} more" if more > 0 else "")


def _listing(names: Sequence[str]) -> str:
    return _join([_shown(name) for name in names[:_LISTED]] + list(names[_LISTED:]))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _megapixels(n: int) -> str:
    return f"{n / 1e6:,.1f} million"


@dataclass
class _Notes:
    """What was skipped or converted, gathered per kind and told as a few sentences."""

    skipped: list[str] = field(default_factory=list)  # whole sentences, one per file
    converted: dict[str, list[str]] = field(default_factory=dict)  # kind → names
    other: list[str] = field(default_factory=list)

    def skip(self, label: str, reason: str) -> None:
        """``label`` is a file's name as shown (:func:`_shown`)."""
        end = "" if reason.endswith((".", "!", "?")) else "."
        self.skipped.append(f"{label} was skipped: it {reason}{end}")

    def convert(self, kind: str, label: str) -> None:
        self.converted.setdefault(kind, []).append(label)

    def sentences(self) -> list[str]:
        out = list(self.other)
        out += self.skipped[:20]
        if len(self.skipped) > 20:
            out.append(f"{len(self.skipped) - 20:,} more files were skipped as well.")
        for kind, names in self.converted.items():
            one, many = _CONVERSIONS[kind]
            if len(names) == 1:
                out.append(one.format(names=names[0]))
            else:
                out.append(many.format(n=f"{len(names):,}", names=_join(names)))
        return out


# (one picture, several pictures)
_CONVERSIONS = {
    "animated": (
        "{names} is animated: only its first frame was used.",
        "{n} pictures are animated ({names}): only the first frame of each was used.",
    ),
    "cmyk": (
        "{names} is in CMYK (print) colours: it was converted to RGB, so its colours may be "
        "slightly off.",
        "{n} pictures are in CMYK (print) colours ({names}): they were converted to RGB, so "
        "their colours may be slightly off.",
    ),
    "16bit": (
        "{names} has 16 bits per channel: it was reduced to 8 bits.",
        "{n} pictures have 16 bits per channel ({names}): they were reduced to 8 bits.",
    ),
    "alpha": (
        "{names} has transparent parts: they were laid on white.",
        "{n} pictures have transparent parts ({names}): they were laid on white.",
    ),
    "cropped": (
        "{names} is not square: only its centre square is used.",
        "{n} pictures are not square ({names}): only the centre square of each is used.",
    ),
}


# --- what is this file? ---------------------------------------------------------------------


def _sniff(data: bytes) -> str | None:
    """The format of ``data`` from its first bytes ("PNG", "JPEG", …, "ZIP"), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:2] == b"BM" and len(data) >= 26:
        return "BMP"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "ZIP"
    return None


def _what_else(data: bytes) -> str:
    """A short description of a file that is not a picture we read ("holds text", …)."""
    head = data[:512]
    if head.startswith(b"%PDF"):
        return "is a PDF document, not a picture"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return ("is a HEIC photo (the iPhone's format), which Planet Pixel cannot read; "
                    "export it as JPEG first")
        if brand in (b"avif", b"avis"):
            return "is an AVIF picture, which Planet Pixel cannot read; save it as PNG or JPEG"
        return "is a video (MP4/MOV), not a picture"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "is a TIFF picture, which Planet Pixel cannot read; save it as PNG or JPEG"
    if head[:2] == b"\x1f\x8b":
        return "is a gzip archive; only zip archives are opened"
    if head[:6] == b"7z\xbc\xaf\x27\x1c":
        return "is a 7-Zip archive; only zip archives are opened"
    if head[:4] == b"Rar!":
        return "is a RAR archive; only zip archives are opened"
    if head[:4] == b"\x00\x00\x01\x00":
        return "is an icon file (.ico), which Planet Pixel cannot read; save it as PNG"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml")) and b"<svg" in head.lower():
        return "is an SVG drawing (shapes, not pixels); save it as PNG first"
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        decoded = head[: exc.start].decode("utf-8") if exc.start > len(head) - 4 else ""
    if decoded and sum(ch.isprintable() or ch in "\r\n\t" for ch in decoded) >= 0.95 * len(
        decoded
    ):
        return "holds text, not a picture"
    return "is not a picture in a format Planet Pixel reads"


def _extension_kind(name: str) -> str | None:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _EXTENSIONS.get(base.rsplit(".", 1)[-1].lower()) if "." in base else None


def _png_essentials(data: bytes) -> bytes:
    """``data`` (a PNG) with only the chunks that make its first picture: header, palette,
    transparency, pixels (and an animation's, and EXIF for the orientation). Text and colour
    profile chunks are compressed: Pillow would unpack up to 64 MB of them per file while
    merely opening it, so they are dropped unread. A chunk whose length runs past the end
    is passed on as it is, for Pillow to call the file cut short."""
    out = [data[:8]]
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        end = at + 12 + length
        if kind in _PNG_KEPT:
            out.append(data[at:end])
        at = end
        if kind == b"IEND":
            break
    return b"".join(out)


def _declared_size(kind: str, data: bytes) -> tuple[int, int] | None:
    """Width and height written in the header of a PNG, GIF or BMP (None for others or if
    the header is too short): read with struct, before Pillow sees the file."""
    try:
        if kind == "PNG" and data[12:16] == b"IHDR":
            return struct.unpack(">II", data[16:24])
        if kind == "GIF":
            return struct.unpack("<HH", data[6:10])
        if kind == "BMP":
            (header,) = struct.unpack("<I", data[14:18])
            if header == 12:
                return struct.unpack("<HH", data[18:22])
            width, height = struct.unpack("<ii", data[18:26])
            return abs(width), abs(height)
    except struct.error:
        return None
    return None


# --- the zip --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Limits:
    max_files: int
    max_bytes_total: int
    max_pixels_per_image: int
    max_pixels_total: int
    max_unzipped_bytes: int
    max_zip_entries: int
    max_zip_ratio: float
    working_side: int


def _zip_directory(data: bytes) -> tuple[int, int] | None:
    """Entries and size in bytes of the central directory (the zip's list of contents), as
    its end-of-central-directory record declares them: read before the zip is parsed, so a
    zip listing a million entries is refused before it is listed."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 16:
        return None
    entries, size = struct.unpack("<HI", data[end + 10 : end + 16])
    return entries, size


def _is_junk(parts: list[str]) -> bool:
    base = parts[-1]
    return parts[0] == "__MACOSX" or base.startswith("._") or base.lower() in _JUNK_NAMES


def _is_unsafe(member: str) -> bool:
    parts = member.split("/")
    return member.startswith("/") or bool(re.match(r"[A-Za-z]:", member)) or ".." in parts


def _unzip(
    name: str, data: bytes, limits: _Limits, notes: _Notes, n_other: int
) -> list[tuple[str, bytes, str | None]]:
    """The entries of one zip worth trying as pictures, as ``(label, bytes, format their
    name says)``, read in memory.

    Refused before anything is unpacked: more than ``max_zip_entries`` entries, a zip inside
    the zip (by name), declared sizes adding up to more than ``max_unzipped_bytes``, or an
    entry over 1 MB declaring more than ``max_zip_ratio`` times its packed size. Each entry
    is then read with a hard cap (what is left of ``max_unzipped_bytes``), so an entry that
    lies about its size cannot unpack more. Folders, macOS ``__MACOSX``/``._`` files,
    ``.DS_Store``, and entries whose path is absolute or climbs out with ``..`` are skipped
    (nothing is extracted anyway: the names are only shown).
    """
    shown = _shown(name)
    directory = _zip_directory(data)
    if directory is not None:
        declared_entries, directory_bytes = directory
        if declared_entries > limits.max_zip_entries or declared_entries == 0xFFFF:  # zip64
            raise ImageUploadError(
                f"The zip {shown} lists {declared_entries:,} entries; at most "
                f"{limits.max_zip_entries:,} are read. Zip a folder of at most "
                f"{limits.max_files:,} pictures."
            )
        if directory_bytes > _DIRECTORY_BYTES_PER_ENTRY * limits.max_zip_entries:
            raise ImageUploadError(
                f"The zip {shown} has a list of contents of {_mb(directory_bytes)}, far more "
                f"than {limits.max_zip_entries:,} entries need: it is damaged, or made to "
                "exhaust memory. Zip the pictures again and upload the new zip."
            )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except Exception as exc:  # zipfile raises BadZipFile, OSError, ValueError, struct.error…
        raise ImageUploadError(
            f"{shown} looks like a zip but cannot be opened ({_reason(exc)}): it seems "
            "damaged or cut short. Zip the pictures again and upload the new zip."
        ) from None
    if len(entries) > limits.max_zip_entries:
        raise ImageUploadError(
            f"The zip {shown} holds {len(entries):,} entries; at most "
            f"{limits.max_zip_entries:,} are read. Zip a folder of at most "
            f"{limits.max_files:,} pictures."
        )
    kept: list[tuple[str, zipfile.ZipInfo]] = []
    junk = unsafe = 0
    unsafe_names: list[str] = []
    for info in entries:
        member = info.filename.replace("\\", "/")
        if info.is_dir() or member.endswith("/"):
            continue
        if _is_unsafe(member):
            unsafe += 1
            unsafe_names.append(member)
            continue
        parts = [p for p in member.split("/") if p not in ("", ".")]
        if not parts:
            continue
        if _is_junk(parts):
            junk += 1
            continue
        label = f"{_shown(member)} (in {shown})"
        if info.flag_bits & 0x1:
            notes.skip(label, "is password-protected; zip the pictures without a password")
            continue
        if _extension_kind(member) == "ZIP":
            _refuse_nested(shown, member)
        kept.append((label, info))
    if unsafe:
        notes.other.append(
            f"{plural(unsafe, 'entry', 'entries')} of {shown} "
            + ("was skipped because its path points" if unsafe == 1
               else "were skipped because their paths point")
            + f" outside the zip (starting with / or a drive, or containing ..): "
            f"{_listing(unsafe_names)}. Nothing is ever unpacked to disk."
        )
    if junk:
        notes.other.append(
            f"{plural(junk, 'system file')} of {shown} (macOS `__MACOSX` or `._` copies, "
            f"`.DS_Store`, `Thumbs.db`) {'was' if junk == 1 else 'were'} skipped."
        )
    if not kept:
        raise ImageUploadError(
            " ".join([f"The zip {shown} holds no files that could be pictures.",
                      *notes.sentences(), _WHAT_TO_UPLOAD])
        )
    if n_other + len(kept) > limits.max_files:
        raise ImageUploadError(
            f"This upload has {n_other + len(kept):,} files (counting the "
            f"{len(kept):,} in {shown}); at most {limits.max_files:,} pictures can be used. "
            "Upload fewer pictures."
        )
    declared = sum(info.file_size for _, info in kept)
    if declared > limits.max_unzipped_bytes:
        raise ImageUploadError(
            f"The zip {shown} would unpack to {_mb(declared)}; at most "
            f"{_mb(limits.max_unzipped_bytes)} are unpacked. Upload fewer or smaller "
            "pictures."
        )
    for _, info in kept:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
            raise ImageUploadError(
                f"The zip {shown} looks like a zip bomb: {_shown(info.filename)} would unpack "
                f"from {_mb(info.compress_size)} to {_mb(info.file_size)} ({ratio:,.0f} times "
                "larger; pictures barely shrink when zipped). Nothing was unpacked. Zip the "
                "pictures themselves and upload that."
            )
    out: list[tuple[str, bytes, str | None]] = []
    left = limits.max_unzipped_bytes
    for label, info in kept:
        try:
            with archive.open(info) as member:
                # the first bytes say what it is: only pictures are unpacked further
                head = member.read(min(_HEAD_BYTES, left + 1))
                kind = _sniff(head)
                if kind == "ZIP":
                    _refuse_nested(shown, info.filename)
                if not head or kind is None:
                    notes.skip(label, _what_else(head) if head else "is empty (0 bytes)")
                    continue
                content = head + member.read(left + 1 - len(head))
        except ImageUploadError:
            raise
        except Exception as exc:  # BadZipFile (bad CRC), zlib.error, EOFError, …
            notes.skip(
                label,
                f"could not be unpacked ({_reason(exc)}): the zip is damaged there, or the "
                "entry's size does not match what it holds",
            )
            continue
        if len(content) > left:
            raise ImageUploadError(
                f"The zip {shown} unpacks to more than {_mb(limits.max_unzipped_bytes)} "
                f"(at {_shown(info.filename)}, which holds more than it declares): it looks "
                "like a zip bomb. Zip the pictures themselves and upload that."
            )
        left -= len(content)
        out.append((label, content, _extension_kind(info.filename)))
    names = [info.filename for _, info in kept]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        notes.other.append(
            f"The zip {shown} holds several entries with the same name ({_listing(repeated)});"
            " each was read."
        )
    return out


def _refuse_nested(shown: str, member: str) -> None:
    raise ImageUploadError(
        f"The zip {shown} holds another zip, {_shown(member)}; zips inside zips are not "
        "opened. Unzip it and upload its pictures, or one zip with the pictures directly "
        "inside."
    )


def _reason(exc: BaseException) -> str:
    """What the reader (Pillow, zipfile) said, as a Markdown code span: its text may quote
    a file name, so it is shown as characters, never formatting."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return "it said " + inline_code(text, max_chars=80)


# --- one picture ----------------------------------------------------------------------------


def _open(label: str, data: bytes, kind: str, limits: _Limits) -> Image.Image:
    """Open ``data`` lazily (header only), refuse it if it has too many pixels, and ask a
    JPEG's decoder to scale down by 1/2, 1/4 or 1/8 while keeping the centre square at least
    ``working_side`` pixels a side."""
    name = FORMATS[kind]
    size = _declared_size(kind, data)
    if size is not None:
        _check_pixels(size, limits)
    if kind == "PNG":
        data = _png_essentials(data)
    try:
        image = Image.open(io.BytesIO(data), formats=[kind])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _Skip(
            f"declares more than {_megapixels(limits.max_pixels_per_image)} pixels (a picture "
            "that small on disk but that large when decoded is a decompression bomb); "
            f"{_shrink_advice(limits)}"
        ) from None
    except Exception as exc:
        raise _Skip(
            f"could not be read as a {name} picture ({_reason(exc)}): it seems damaged or cut "
            f"short. Open it in an image viewer and save it again as PNG or JPEG"
        ) from None
    if kind != "JPEG":
        _check_pixels(image.size, limits)
        return image
    # A JPEG's decoder can scale by 1/2, 1/4 or 1/8 (Image.draft), so a phone photo larger
    # than the cap is decoded within it; the cap applies to what is decoded, and the header
    # may declare at most _JPEG_HEADER_FACTOR times as much.
    width, height = image.size
    _check_pixels((width, height), limits, _JPEG_HEADER_FACTOR * limits.max_pixels_per_image)
    scale = limits.working_side / min(width, height)
    if scale < 1:
        with contextlib.suppress(Exception):  # if it cannot scale, the check below refuses
            image.draft(image.mode, (math.ceil(width * scale), math.ceil(height * scale)))
    _check_pixels(image.size, limits)
    return image


def _check_pixels(size: tuple[int, int], limits: _Limits, cap: int | None = None) -> None:
    width, height = (int(v) for v in size)
    cap = limits.max_pixels_per_image if cap is None else cap
    if width < 1 or height < 1:
        raise _Skip(f"declares a size of {width} × {height} pixels, which is empty")
    if width * height > cap:
        raise _Skip(
            f"is {width:,} × {height:,} pixels ({_megapixels(width * height)}); at most "
            f"{_megapixels(cap)} pixels are decoded per picture "
            f"(decoding more could exhaust the memory the class shares). "
            f"{_shrink_advice(limits).capitalize()}"
        )


def _shrink_advice(limits: _Limits) -> str:
    side = math.isqrt(limits.max_pixels_per_image)
    return f"shrink it to at most {side:,} × {side:,} pixels and upload it again"


def _eight_bit(image: Image.Image, wide: bool) -> Image.Image:
    """16- or 32-bit greyscale as 8-bit "L": v · 255 / 65535 rounded when ``wide`` (values
    outside 0-65535 clipped), else v itself clipped to 0-255."""
    values = np.asarray(image)
    if wide:
        grey = (np.clip(values, 0, 65535).astype(np.uint32) * 255 + 32767) // 65535
    else:
        grey = np.clip(np.rint(values), 0, 255)
    return Image.fromarray(grey.astype(np.uint8), "L")


def _band_converter(image: Image.Image, label: str, notes: _Notes):
    """How to turn a band of ``image`` into "L", "RGB" or "RGBA" (noting what it changes)."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        wide = mode.startswith("I;16") or (mode == "I" and image.getextrema()[1] > 255)
        if wide:
            notes.convert("16bit", label)
        return lambda band: _eight_bit(band, wide)
    if mode == "CMYK":
        notes.convert("cmyk", label)
        return lambda band: band.convert("RGB")
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        mode in ("P", "L", "RGB", "1") and "transparency" in image.info
    ):
        target = "RGBA"
    elif mode in ("L", "1"):
        target = "L"
    else:
        target = "RGB"  # P, RGB, YCbCr, LAB, HSV, RGBX
    return lambda band: band if band.mode == target else band.convert(target)


def _shrink_square(image: Image.Image, box: tuple[int, int, int, int], side: int, convert):
    """The square ``box`` of ``image`` at most ``side`` × ``side``, by area averaging (BOX),
    converted by ``convert``; worked in bands of input rows, each converted (and, for alpha,
    premultiplied by Pillow) on its own, so that no full-size copy is ever made. The BOX
    filter's output row j only reads input rows [top + j·s, top + (j + 1)·s), s being
    square / side, so the bands give exactly what one resize would."""
    left, top, right, bottom = box
    square = right - left
    if square <= side:
        return convert(image.crop(box))
    scale = square / side
    rows = max(1, _BAND_PIXELS // (square * math.ceil(scale)))  # output rows per band
    out: Image.Image | None = None
    for r0 in range(0, side, rows):
        r1 = min(side, r0 + rows)
        y0, y1 = top + r0 * scale, top + r1 * scale
        i0, i1 = math.floor(y0), min(math.ceil(y1), bottom)
        band = convert(image.crop((left, i0, right, i1)))
        piece = band.resize(
            (side, r1 - r0), Image.Resampling.BOX, box=(0, y0 - i0, square, y1 - i0)
        )
        if out is None:
            out = Image.new(piece.mode, (side, side))
        out.paste(piece, (0, r0))
    return out


def _working_copy(
    label: str, image: Image.Image, side: int, notes: _Notes
) -> Image.Image:
    """Decode the first frame and make the RGB working copy (see the module docstring)."""
    if getattr(image, "is_animated", False):
        notes.convert("animated", label)
        image.seek(0)
    try:
        orientation = int(image.getexif().get(0x0112, 1))
    except Exception:  # damaged EXIF: keep the picture as it is stored
        orientation = 1
    image.load()
    convert = _band_converter(image, label, notes)
    width, height = image.size
    square = min(width, height)
    left, top = (width - square) // 2, (height - square) // 2
    if width != height:
        notes.convert("cropped", label)
    image = _shrink_square(image, (left, top, left + square, top + square), side, convert)
    if orientation in _UPRIGHT:
        image = image.transpose(_UPRIGHT[orientation])
    if image.mode == "RGBA":
        if image.getextrema()[3][0] < 255:
            notes.convert("alpha", label)
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    return image.convert("RGB")


# --- the upload -----------------------------------------------------------------------------


def _check_files(files: object) -> list[tuple[str, bytes]]:
    if isinstance(files, str | bytes) or not isinstance(files, Sequence):
        raise ImageUploadError(
            "files must be a list of (name, bytes) pairs, one per uploaded file."
        )
    out = []
    for item in files:
        if not (isinstance(item, tuple | list) and len(item) == 2):
            raise ImageUploadError(
                "files must be a list of (name, bytes) pairs, one per uploaded file."
            )
        name, data = item
        if isinstance(data, bytearray | memoryview):
            data = bytes(data)
        if not isinstance(data, bytes):
            raise ImageUploadError(
                f"the content of {_shown(str(name))} must be bytes, got {type(data).__name__}."
            )
        out.append((str(name), data))
    return out


def read_images(
    files: Sequence[tuple[str, bytes]],
    *,
    max_files: int = MAX_FILES,
    max_bytes_total: int = MAX_BYTES_TOTAL,
    max_pixels_per_image: int = MAX_PIXELS_PER_IMAGE,
    max_pixels_total: int = MAX_PIXELS_TOTAL,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    max_zip_entries: int = MAX_ZIP_ENTRIES,
    max_zip_ratio: float = MAX_ZIP_RATIO,
    working_side: int = WORKING_SIDE,
) -> tuple[list[Image.Image], list[str]]:
    """Read uploaded pictures, or one zip of them, into RGB working copies.

    ``files`` holds ``(name, content)`` pairs as uploaded (the name is only shown, never used
    as a path). Returns ``(images, notes)``: the working copies (RGB, square, at most
    ``working_side`` a side; see the module docstring) in upload order, zip entries in the
    zip's order, and plain sentences about what was skipped or converted (file names
    verbatim in Markdown code spans: show them with ``st.markdown``/``st.info`` or as text).

    Raises :class:`ImageUploadError` when the upload as a whole cannot be used: no files, more
    than ``max_files`` pictures, more than ``max_bytes_total`` bytes, more than one zip, a
    zip inside the zip, a damaged zip, a zip bomb, more than ``max_pixels_total`` pixels in
    all, or no picture left that could be read (the message then gives each file's reason).
    No other exception escapes for any content of the files.
    """
    limits = _Limits(
        max_files, max_bytes_total, max_pixels_per_image, max_pixels_total,
        max_unzipped_bytes, max_zip_entries, max_zip_ratio, working_side,
    )
    files = _check_files(files)
    if not files:
        raise ImageUploadError(f"No files were uploaded. {_WHAT_TO_UPLOAD}")
    total = sum(len(data) for _, data in files)
    if total > max_bytes_total:
        raise ImageUploadError(
            f"These files add up to {_mb(total)}; at most {_mb(max_bytes_total)} can be "
            "uploaded at once. Upload fewer or smaller pictures (Planet Pixel shrinks each "
            "to 32 × 32 anyway)."
        )
    if len(files) > max_files:
        raise ImageUploadError(
            f"{len(files):,} files were uploaded; at most {max_files:,} pictures can be used. "
            "Upload fewer pictures."
        )
    kinds = [_sniff(data) for _, data in files]
    zips = [name for (name, _), kind in zip(files, kinds, strict=True) if kind == "ZIP"]
    if len(zips) > 1:
        raise ImageUploadError(
            f"{len(zips)} zips were uploaded ({_listing(zips)}); upload at most one zip, or "
            "the pictures themselves."
        )
    notes = _Notes()
    names = [name for name, _ in files]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        notes.other.append(
            f"Several files have the same name ({_listing(repeated)}); each was read."
        )
    # (name as shown, content, the format its name says)
    candidates: list[tuple[str, bytes, str | None]] = []
    for (name, data), kind in zip(files, kinds, strict=True):
        if kind == "ZIP":
            if _extension_kind(name) not in (None, "ZIP"):
                notes.other.append(f"{_shown(name)} is really a zip; it was opened as one.")
            n_other = len(files) - 1
            candidates += _unzip(name, data, limits, notes, n_other)
        else:
            candidates.append((_shown(name), data, _extension_kind(name)))

    opened: list[tuple[str, Image.Image]] = []
    for label, data, named in candidates:
        try:
            if not data:
                raise _Skip("is empty (0 bytes)")
            kind = _sniff(data)
            if kind is None:
                raise _Skip(_what_else(data))
            if kind == "ZIP":  # only reachable for a top-level zip, handled above
                raise _Skip("is a zip inside the upload")
            if named is not None and named != kind:
                notes.other.append(
                    f"{label} is really a {FORMATS[kind]} file (its name says "
                    f"{FORMATS.get(named, named)}); it was read as {FORMATS[kind]}."
                )
            opened.append((label, _open(label, data, kind, limits)))
        except _Skip as skip:
            notes.skip(label, str(skip))

    pixels = sum(image.size[0] * image.size[1] for _, image in opened)
    if pixels > max_pixels_total:
        raise ImageUploadError(
            f"Together these pictures have {_megapixels(pixels)} pixels; at most "
            f"{_megapixels(max_pixels_total)} are decoded per upload (decoding takes time "
            "the whole class shares). Upload fewer or smaller pictures."
        )
    images: list[Image.Image] = []
    for label, image in opened:
        try:
            images.append(_working_copy(label, image, working_side, notes))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            notes.skip(label, f"has too many pixels; {_shrink_advice(limits)}")
        except Exception as exc:  # any decoder failure: OSError, SyntaxError, EOFError, …
            notes.skip(
                label,
                f"could not be decoded ({_reason(exc)}): it seems damaged or cut short. "
                "Open it in an image viewer and save it again as PNG or JPEG",
            )
        finally:
            image.close()
    sentences = notes.sentences()
    if not images:
        raise ImageUploadError(
            " ".join(["No picture in this upload could be used.", *sentences, _WHAT_TO_UPLOAD])
        )
    return images, sentences


# --- faces and their palette ----------------------------------------------------------------


def _face(image: Image.Image, size: int) -> np.ndarray:
    """The centre square of ``image`` shrunk (area averaging) to size × size, as RGB."""
    if not isinstance(image, Image.Image):
        raise ValueError(f"faces_from_images needs PIL images, got {type(image).__name__}.")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    image = image.convert("RGB")
    width, height = image.size
    square = min(width, height)
    left, top = (width - square) // 2, (height - square) // 2
    box = (left, top, left + square, top + square)
    return np.asarray(image.resize((size, size), Image.Resampling.BOX, box=box))


def faces_from_images(
    images: Sequence[Image.Image], size: int = SIZE
) -> tuple[np.ndarray, np.ndarray]:
    """Turn pictures into Planet Pixel data, in the format of
    :func:`gdl_core.pixels.make_dataset`.

    Returns ``(codes, palette)``: ``codes`` is ``uint8`` of shape ``(N, size*size)``, row ``i``
    being picture ``i`` read row by row from the top-left; ``palette`` is ``uint8`` of shape
    ``(256, 3)`` and ``palette[codes[i, j]]`` is that pixel's colour. Each picture's centre
    square is shrunk to ``size`` × ``size`` by area averaging, then every pixel of every
    face is given its nearest colour of one palette chosen for all the faces together
    (exact if they use at most 256 colours, else a median cut); see the module docstring.
    The same pictures always give the same result.
    """
    if isinstance(images, Image.Image) or not isinstance(images, Sequence):
        raise ValueError("faces_from_images needs a list of PIL images.")
    if len(images) == 0:
        raise ValueError("faces_from_images needs at least one picture, got none.")
    if isinstance(size, bool) or not isinstance(size, int | np.integer) or size < 1:
        raise ValueError(f"size must be a whole number ≥ 1, got {size!r}.")
    faces = np.stack([_face(image, int(size)) for image in images])
    packed = pack_rgb(faces)
    colours, inverse, counts = np.unique(packed, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    if len(colours) <= N_COLORS:
        chosen = unpack_rgb(colours)
        index = np.arange(len(colours))  # distinct colour → its own entry
    else:
        strip = Image.fromarray(faces.reshape(1, -1, 3), "RGB")
        cut = strip.quantize(N_COLORS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        entries = np.asarray(cut.getpalette(), dtype=np.uint8).reshape(-1, 3)
        chosen = entries[np.unique(np.asarray(cut))]
        _, first = np.unique(pack_rgb(chosen), return_index=True)
        chosen = chosen[np.sort(first)]
        index = nearest_colour(unpack_rgb(colours), chosen)
    # order the used entries by how many pixels take them (most first; ties by colour value)
    used = np.bincount(index, weights=counts, minlength=len(chosen))
    order = np.lexsort((pack_rgb(chosen), -used))
    order = order[used[order] > 0]
    rank = np.full(len(chosen), -1, dtype=np.intp)
    rank[order] = np.arange(len(order))
    palette = np.empty((N_COLORS, 3), dtype=np.uint8)
    palette[: len(order)] = chosen[order]
    palette[len(order) :] = chosen[order[0]]
    codes = rank[index][inverse].astype(np.uint8).reshape(len(faces), size * size)
    return codes, palette


# --- the experiment's data ------------------------------------------------------------------


def upload_data_report(
    codes: np.ndarray, palette: np.ndarray, held_out_share: float = 0.2, seed: Seed = 0
) -> DataReport:
    """A :class:`gdl_core.pixels.experiment.DataReport` for uploaded faces.

    With at least 5 faces, ``round(held_out_share · N)`` of them (at least 1), chosen by a
    permutation drawn with ``seed``, become the held-out faces and the rest (in upload
    order) the training set; with fewer, every face trains and ``held_out`` is empty (its
    distance is nan). ``features`` is an ``(n_training, 0)`` array: uploaded faces have no
    Wrodl features, so the page must leave out "Naive Bayes on the five features" (and
    :func:`~gdl_core.pixels.experiment.sample_report` must skip its ``feature_samples``).
    Needs at least :data:`MIN_FACES` training faces (a correlation needs two).
    """
    codes = np.asarray(codes)
    palette = np.asarray(palette)
    if codes.ndim != 2 or codes.shape[1] != SIZE * SIZE or codes.dtype != np.uint8:
        raise ValueError(
            f"codes must be uint8 of shape (N, {SIZE * SIZE}), got {codes.dtype} "
            f"{codes.shape}."
        )
    if palette.shape != (N_COLORS, 3) or palette.dtype != np.uint8:
        raise ValueError(f"palette must be uint8 of shape ({N_COLORS}, 3), got {palette.shape}.")
    if not 0 <= held_out_share < 1:
        raise ValueError(f"held_out_share must lie in [0, 1), got {held_out_share}.")
    n = len(codes)
    n_held = max(1, round(held_out_share * n)) if n >= 5 and held_out_share > 0 else 0
    if n - n_held < MIN_FACES:
        raise ValueError(
            f"Planet Pixel needs at least {MIN_FACES} faces to train on, got {n - n_held}: "
            "upload more pictures."
        )
    held = np.zeros(n, dtype=bool)
    held[as_generator(seed).permutation(n)[:n_held]] = True
    training, held_out = codes[~held], codes[held]
    right, below = measures.neighbour_correlation_map(training, palette)
    if n_held:
        _, distance = measures.nearest(held_out, training)
        held_out_distance = float(np.median(distance))
    else:
        held_out_distance = math.nan
    return DataReport(
        features=np.empty((len(training), 0), dtype=np.int64),
        training=training,
        held_out=held_out,
        palette=palette.copy(),
        correlation_map=right,
        correlation=measures.neighbour_correlation(right, below),
        held_out_distance=held_out_distance,
    )


def read_faces(
    files: Sequence[tuple[str, bytes]], **limits: int | float
) -> tuple[DataReport, list[str]]:
    """:func:`read_images` (with ``limits``, its keywords), :func:`faces_from_images` and
    :func:`upload_data_report`, in one: what Planet Pixel keeps of an upload, and the notes.

    Raises :class:`ImageUploadError` as :func:`read_images` does, and also when fewer than
    :data:`MIN_FACES` pictures could be used (the message then says why the others were
    skipped).
    """
    images, notes = read_images(files, **limits)
    if len(images) < MIN_FACES:
        raise ImageUploadError(" ".join([
            f"Only {plural(len(images), 'picture')} in this upload could be used; Planet Pixel "
            f"needs at least {MIN_FACES} faces to learn from.",
            *notes,
            "Upload more pictures, or one zip of them.",
        ]))
    codes, palette = faces_from_images(images)
    return upload_data_report(codes, palette), notes
