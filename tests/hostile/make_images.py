"""Bad and odd image uploads for Planet Pixel, made in memory (nothing is written to disk).

:func:`corpus` returns one :class:`Case` per upload: the files as ``(name, bytes)`` pairs,
what :func:`gdl_core.pixels.upload.read_images` should do with them (give pictures, or raise
``ImageUploadError``), and words its message (or its notes) must contain, so that a test can
check that each bad case is told in words a person understands. File names appear in
messages verbatim inside Markdown code spans (`` `name` ``).

    python -m tests.hostile.make_images      # lists the cases and their sizes
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np
from PIL import Image

__all__ = ["HTML_NAME", "Case", "corpus", "png_bytes"]

#: A file name that would run script if a page rendered it as HTML.
HTML_NAME = "<img src=x onerror=alert(1)>.png"
#: A file name that Markdown would turn into bold text and a link.
MARKDOWN_NAME = "**bold** [click](javascript:alert(1)).jpg"


@dataclass(frozen=True)
class Case:
    """One upload and what should come of it."""

    name: str  # short identifier, for test ids
    files: tuple[tuple[str, bytes], ...]
    outcome: str  # "images" (pictures come back) or "error" (ImageUploadError)
    words: tuple[str, ...]  # lower-case words the error message / the notes must contain
    n_images: int | None = None  # pictures expected back, when outcome == "images"
    about: str = ""  # what the case tries


# --- pictures -----------------------------------------------------------------------------


def _rng() -> np.random.Generator:
    return np.random.default_rng(15)


def picture(width: int = 48, height: int = 48, mode: str = "RGB") -> Image.Image:
    """A smooth, colourful test picture (a gradient with a disc), in ``mode``."""
    y, x = np.mgrid[0:height, 0:width]
    r = (255 * x / max(width - 1, 1)).astype(np.uint8)
    g = (255 * y / max(height - 1, 1)).astype(np.uint8)
    disc = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (min(width, height) / 3) ** 2
    b = np.where(disc, 220, 40).astype(np.uint8)
    return Image.fromarray(np.dstack([r, g, b]), "RGB").convert(mode)


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_bytes(image: Image.Image | None = None) -> bytes:
    return encode(image if image is not None else picture(), "PNG")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int, bit_depth: int = 8, colour_type: int = 2,
                 rows: bytes = b"") -> bytes:
    """A well-formed PNG whose header says ``width`` × ``height``; its pixel data is
    ``rows`` compressed (none by default: only the header lies)."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows or b"\x00" * 64, 9))
        + _chunk(b"IEND", b"")
    )


def png_bomb(side: int = 20_000) -> bytes:
    """A real decompression bomb: a 1-bit PNG of side × side zero pixels (50 MB decoded at
    20,000 px, ~50 KB on disk)."""
    row = b"\x00" * (1 + (side + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body)
            + _chunk(b"IEND", b""))


def png_text_bomb(megabytes: int = 64) -> bytes:
    """A small, valid PNG with a compressed text chunk (zTXt) that unpacks to ``megabytes``
    MB of zeros, placed before the pixels so that reading the header meets it."""
    plain = png_bytes(picture(16, 16))
    compressor = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    text = b"".join(compressor.compress(zeros) for _ in range(megabytes)) + compressor.flush()
    at = plain.find(b"IDAT") - 4
    return plain[:at] + _chunk(b"zTXt", b"Comment\x00\x00" + text) + plain[at:]


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose start-of-frame marker is patched to say ``width`` × ``height``."""
    data = bytearray(encode(picture(), "JPEG", quality=80))
    at = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def gif_claiming(width: int, height: int) -> bytes:
    data = bytearray(encode(picture(16, 16, "P"), "GIF"))
    struct.pack_into("<HH", data, 6, width, height)
    return bytes(data)


def bmp_claiming(width: int, height: int) -> bytes:
    data = bytearray(encode(picture(8, 8), "BMP"))
    struct.pack_into("<ii", data, 18, width, height)
    return bytes(data)


def animated_gif(frames: int = 3) -> bytes:
    images = [picture(32, 32).rotate(30 * i).convert("P") for i in range(frames)]
    return encode(images[0], "GIF", save_all=True, append_images=images[1:], duration=100,
                  loop=0)


def animated_png(frames: int = 3) -> bytes:
    images = [picture(32, 32).rotate(30 * i) for i in range(frames)]
    return encode(images[0], "PNG", save_all=True, append_images=images[1:], duration=100)


def png_16bit() -> bytes:
    """A 16-bit greyscale PNG: a ramp from 0 to 65535 across, plus 32896 (= 128 × 257)
    in the top-left pixel."""
    ramp = np.tile(np.linspace(0, 65535, 64).astype(np.uint16), (64, 1))
    ramp[0, 0] = 32896
    return png_bytes(Image.fromarray(ramp))


def palette_png_with_transparency() -> bytes:
    image = picture(40, 40).quantize(16)
    return encode(image, "PNG", transparency=0)


def rgba_png() -> bytes:
    image = picture(40, 40, "RGBA")
    alpha = np.zeros((40, 40), np.uint8)
    alpha[10:30, 10:30] = 255
    image.putalpha(Image.fromarray(alpha, "L"))
    return png_bytes(image)


def exif_rotated_jpeg() -> bytes:
    """A 64 × 32 JPEG, left half red and right half blue, whose EXIF orientation (6) says
    "turn 90° clockwise to view": viewed upright it is red on top, blue below."""
    pixels = np.zeros((32, 64, 3), np.uint8)
    pixels[:, :32] = (255, 0, 0)
    pixels[:, 32:] = (0, 0, 255)
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(Image.fromarray(pixels, "RGB"), "JPEG", quality=95, exif=exif)


# --- zips ---------------------------------------------------------------------------------


def zip_of(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


def _patch_central(data: bytes, member: str, *, file_size: int | None = None,
                   flags: int | None = None) -> bytes:
    """Change what the central directory says about ``member``: its unpacked size, or its
    flag bits (bit 0: encrypted)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        (name_length,) = struct.unpack_from("<H", out, at + 28)
        name = bytes(out[at + 46 : at + 46 + name_length]).decode()
        if name == member:
            if file_size is not None:
                struct.pack_into("<I", out, at + 24, file_size)
            if flags is not None:
                struct.pack_into("<H", out, at + 8, flags)
        at = out.find(b"PK\x01\x02", at + 46)
    return bytes(out)


def _directory_claiming(data: bytes, size: int) -> bytes:
    """``data`` (a zip) with its end-of-central-directory record claiming a list of contents
    of ``size`` bytes."""
    out = bytearray(data)
    struct.pack_into("<I", out, out.rfind(b"PK\x05\x06") + 12, size)
    return bytes(out)


def _duplicate_names_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        archive.writestr("face.png", png_bytes(picture(32, 32)))
        archive.writestr("face.png", png_bytes(picture(32, 32).rotate(90)))
    return buffer.getvalue()


# --- the corpus ---------------------------------------------------------------------------


def corpus() -> list[Case]:
    """Every case, in a fixed order; the same bytes on every run."""
    good = png_bytes()
    jpeg = encode(picture(), "JPEG", quality=85)
    noise = _rng().bytes(4000)
    cases = [
        # decompression bombs: refused from the header, before any pixel is decoded
        Case("png_bomb_header", (("huge.png", png_claiming(50_000, 50_000)),), "error",
             ("50,000 × 50,000", "pixels", "shrink"),
             about="a PNG whose header claims 50,000 × 50,000 pixels"),
        Case("png_bomb_real", (("bomb.png", png_bomb()),), "error",
             ("20,000 × 20,000", "pixels"),
             about="a real 1-bit PNG of 20,000 × 20,000 zeros (~50 KB packed)"),
        Case("jpeg_bomb_header", (("huge.jpg", jpeg_claiming(65_000, 65_000)),), "error",
             ("pixels", "decompression bomb"),
             about="a JPEG whose frame header claims 65,000 × 65,000"),
        Case("gif_bomb_header", (("huge.gif", gif_claiming(65_535, 65_535)),), "error",
             ("65,535 × 65,535", "pixels")),
        Case("bmp_bomb_header", (("huge.bmp", bmp_claiming(30_000, -30_000)),), "error",
             ("30,000 × 30,000", "pixels")),
        Case("png_text_bomb", (("chatty.png", png_text_bomb()),), "images", (), n_images=1,
             about="a 16 × 16 PNG whose zTXt text chunk unpacks to 64 MB: read, text unread"),
        Case("png_zero_size", (("zero.png", png_claiming(0, 10)),), "error",
             ("0 × 10", "empty")),
        # damaged files
        Case("png_truncated", (("cut.png", png_bytes(picture(64, 64))[:300]),), "error",
             ("`cut.png`", "damaged or cut short")),
        Case("jpeg_truncated", (("cut.jpg", jpeg[: len(jpeg) // 2]),), "error",
             ("`cut.jpg`", "damaged or cut short")),
        Case("random_bytes_png", (("noise.png", noise),), "error",
             ("`noise.png`", "not a picture")),
        Case("text_as_jpg", (("notes.jpg", b"Dear class,\nthese are not pictures.\n" * 20),),
             "error", ("`notes.jpg`", "holds text")),
        Case("empty_file", (("empty.png", b""),), "error", ("`empty.png`", "empty")),
        Case("svg", (("drawing.png", b'<?xml version="1.0"?><svg xmlns="x"></svg>'),),
             "error", ("svg",)),
        Case("heic", (("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64),),
             "error", ("heic", "jpeg")),
        Case("one_bad_among_good", (("good.png", good), ("bad.png", noise)), "images",
             ("`bad.png` was skipped", "not a picture"), n_images=1),
        # odd but readable
        Case("animated_gif", (("dance.gif", animated_gif()),), "images",
             ("animated", "first frame"), n_images=1),
        Case("animated_png", (("dance.png", animated_png()),), "images",
             ("animated", "first frame"), n_images=1),
        Case("cmyk_jpeg", (("print.jpg", encode(picture(40, 40, "CMYK"), "JPEG")),), "images",
             ("cmyk",), n_images=1),
        Case("png_16bit", (("deep.png", png_16bit()),), "images", ("16 bits",), n_images=1),
        Case("palette_transparency", (("pal.png", palette_png_with_transparency()),),
             "images", ("transparent", "white"), n_images=1),
        Case("rgba", (("alpha.png", rgba_png()),), "images", ("transparent", "white"),
             n_images=1),
        Case("la", (("grey_alpha.png", png_bytes(picture(20, 20, "LA"))),), "images", (),
             n_images=1),
        Case("one_pixel", (("dot.png", png_bytes(picture(1, 1))),), "images", (), n_images=1),
        Case("very_wide", (("strip.png", png_bytes(picture(4000, 10))),), "images",
             ("centre square",), n_images=1),
        Case("webp_and_bmp", (("a.webp", encode(picture(), "WEBP")),
                              ("b.bmp", encode(picture(), "BMP"))), "images", (), n_images=2),
        Case("greyscale_and_1bit", (("g.png", png_bytes(picture(mode="L"))),
                                    ("bw.png", png_bytes(picture(mode="1")))), "images", (),
             n_images=2),
        Case("exif_rotated", (("phone.jpg", exif_rotated_jpeg()),), "images", (), n_images=1),
        Case("wrong_extension", (("really_jpeg.png", jpeg),), "images",
             ("really a jpeg", "its name says png"), n_images=1),
        Case("zip_named_png", (("faces.png", zip_of([("a.png", good)])),), "images",
             ("really a zip",), n_images=1),
        # names that must stay plain text
        Case("html_name", ((HTML_NAME, noise),), "error", (f"`{HTML_NAME.lower()}`",)),
        Case("markdown_name", ((MARKDOWN_NAME, b""),), "error", (f"`{MARKDOWN_NAME.lower()}`",)),
        Case("control_characters_in_name", (("evil\u202egnp.exe\n.png", noise),), "error",
             ("evil\\u202egnp.exe\\u000a.png",)),
        # the upload as a whole
        Case("no_files", (), "error", ("no files",)),
        Case("too_many_files", tuple((f"f{i}.png", good) for i in range(201)), "error",
             ("201 files", "at most 200")),
        Case("too_many_bytes", (("big.png", good + _rng().bytes(11 * 1024 * 1024)),), "error",
             ("11.0 mb", "at most 10.0 mb")),
        Case("two_zips", (("a.zip", zip_of([("a.png", good)])),
                          ("b.zip", zip_of([("b.png", good)]))), "error", ("at most one zip",)),
        # zips
        Case("zip_nested", (("outer.zip", zip_of([("a.png", good),
                                                  ("inner.zip", zip_of([("b.png", good)]))])),),
             "error", ("`inner.zip`", "zips inside zips")),
        Case("zip_nested_by_content", (("outer.zip", zip_of([
            ("a.png", good), ("inner.png", zip_of([("b.png", good)]))])),),
             "error", ("`inner.png`", "zips inside zips")),
        Case("zip_traversal", (("sneaky.zip", zip_of([
            ("../evil.png", good), ("/abs.png", good), ("C:/windows.png", good),
            ("..\\back.png", good), ("ok/good.png", good)])),),
             "images", ("4 entries", "outside the zip", "`../evil.png`", "`/abs.png`"),
             n_images=1),
        Case("zip_traversal_only", (("sneaky.zip", zip_of([("../evil.png", good)])),),
             "error", ("no files that could be pictures", "outside the zip")),
        Case("zip_bomb_declared", (("bomb.zip", zip_of([("zeros.bmp", bytes(60 << 20))])),),
             "error", ("unpack to 60.0 mb", "at most 50.0 mb")),
        Case("zip_bomb_ratio", (("bomb.zip", zip_of([("zeros.bmp", bytes(20 << 20))])),),
             "error", ("zip bomb", "nothing was unpacked")),
        Case("zip_member_lies_smaller", (("liar.zip", _patch_central(
            zip_of([("zeros.bmp", bytes(5 << 20))]), "zeros.bmp", file_size=100)),),
             "error", ("`zeros.bmp` (in `liar.zip`)", "could not be unpacked")),
        Case("zip_member_lies_larger", (("liar.zip", _patch_central(
            zip_of([("a.png", good)], zipfile.ZIP_STORED), "a.png", file_size=len(good) + 1000)),),
             "images", (), n_images=1,
             about="harmless: the real content is read, and its checksum matches"),
        Case("zip_encrypted_flag", (("locked.zip", _patch_central(
            zip_of([("a.png", good), ("b.png", good)]), "a.png", flags=1)),),
             "images", ("password-protected",), n_images=1),
        Case("zip_1000_files", (("many.zip", zip_of(
            [(f"f{i}.png", b"x") for i in range(1000)], zipfile.ZIP_STORED)),),
             "error", ("1,000 entries", "at most 500")),
        Case("zip_201_pictures", (("many.zip", zip_of(
            [(f"f{i}.png", good) for i in range(201)], zipfile.ZIP_STORED)),),
             "error", ("201 files", "at most 200")),
        Case("zip_no_images", (("docs.zip", zip_of([("readme.txt", b"hello\n" * 50),
                                                    ("data.csv", b"a,b\n1,2\n")])),),
             "error", ("no picture", "`readme.txt` (in `docs.zip`)", "holds text")),
        Case("zip_empty", (("empty.zip", zip_of([])),), "error", ("no files",)),
        Case("zip_damaged", (("broken.zip", b"PK\x03\x04" + noise),), "error",
             ("cannot be opened", "damaged")),
        Case("zip_macosx", (("mac.zip", zip_of([
            ("faces/a.png", good), ("__MACOSX/faces/._a.png", b"\x00\x05\x16\x07junk"),
            ("faces/.DS_Store", b"\x00\x00\x00\x01Bud1"), ("faces/", b"")])),),
             "images", ("2 system files", "__macosx"), n_images=1),
        Case("zip_non_images", (("mixed.zip", zip_of([
            ("a.png", good), ("notes.txt", b"some notes\n"), ("slides.pdf", b"%PDF-1.4 ...")])),),
             "images", ("`notes.txt` (in `mixed.zip`) was skipped", "pdf"), n_images=1),
        Case("zip_duplicate_names", (("dupes.zip", _duplicate_names_zip()),), "images",
             ("same name", "`face.png`"), n_images=2),
        Case("zip_html_names", (("names.zip", zip_of([(f"../{HTML_NAME}", good),
                                                     ("ok.png", good)])),),
             "images", (f"`../{HTML_NAME.lower()}`",), n_images=1),
        Case("zip_huge_directory", (("toc.zip", _directory_claiming(
            zip_of([("a.png", good)]), 9_000_000)),), "error",
             ("list of contents", "8.6 mb")),
        Case("zip_empty_entry", (("e.zip", zip_of([("a.png", good), ("b.png", b"")])),),
             "images", ("`b.png` (in `e.zip`) was skipped: it is empty",), n_images=1),
        Case("duplicate_names", (("face.png", good), ("face.png", jpeg)), "images",
             ("same name", "`face.png`"), n_images=2),
        Case("zip_stored_and_deflated", (("fine.zip", zip_of(
            [("a.png", good), ("b.jpg", jpeg)], zipfile.ZIP_STORED)),), "images", (),
             n_images=2),
    ]
    return cases


if __name__ == "__main__":
    for case in corpus():
        size = sum(len(data) for _, data in case.files)
        print(f"{case.name:28} {case.outcome:7} {len(case.files):4} files {size:>12,} bytes")
