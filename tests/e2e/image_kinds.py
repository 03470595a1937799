"""Every kind of PNG and JPEG a figure can be, made here with zlib and
struct (JPEG from the small fixtures in tests/data/images/), each with what
banshi must do with it: print it right or refuse it with a reason.

A printable kind is 32 × 32 pixels in four 16 × 16 quadrants (top left, top
right, bottom left, bottom right), and `prints` gives the colour each
quadrant must have on the white page — after alpha is composited, 16-bit
samples are brought to 8 bits, and a palette or a colour key is applied.
A refused kind gives a regex of the message instead.

test_hostile.py renders them all; `python3 image_kinds.py DIR` writes them
into DIR (the fuzzers' image corpus, engine/fuzz/images/)."""

import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
JPEG_DIR = os.path.join(HERE, "..", "data", "images")

SIDE = 32
WHITE = (255, 255, 255)
# The quadrants' colours, as in tests/data/images/make_jpegs.py.
COLOURS = [(200, 30, 30), (30, 160, 60), (40, 60, 200), (240, 200, 40)]
# Alpha per quadrant where a kind is transparent: opaque, clear, half, opaque.
ALPHA = [255, 0, 128, 255]


class Kind:
    def __init__(self, name, data, prints=None, refused=None, tolerance=4):
        self.name, self.data = name, data
        self.prints, self.refused, self.tolerance = prints, refused, tolerance

    @property
    def filename(self):
        return self.name + (".png" if self.data.startswith(b"\x89PNG") else ".jpg")


# ---------------------------------------------------------------- PNG writing

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def quadrant(x, y):
    return (1 if x >= SIDE // 2 else 0) + (2 if y >= SIDE // 2 else 0)


def pack_row(pixels, depth):
    """Samples (tuples of channel values) → the bytes of one PNG row."""
    samples = [s for p in pixels for s in p]
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, bits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png(colour_type, depth, pixel, width=SIDE, height=SIDE, interlace=False, plte=None, trns=None, filters=True):
    """A PNG whose pixel at (x, y) is pixel(x, y), a tuple of samples.
    Rows cycle through the five filter types, so decoders' unfiltering is
    exercised too."""
    def rows(xs, ys):
        out = bytearray()
        for n, y in enumerate(ys):
            raw = pack_row([pixel(x, y) for x in xs], depth)
            ftype = n % 5 if filters else 0
            out += bytes([ftype]) + apply_filter(ftype, raw, prev(xs, ys, n), bytes_per_pixel(colour_type, depth))
        return bytes(out)

    def prev(xs, ys, n):
        return pack_row([pixel(x, ys[n - 1]) for x in xs], depth) if n else None

    if interlace:
        data = b""
        for x0, y0, dx, dy in ADAM7:
            xs, ys = list(range(x0, width, dx)), list(range(y0, height, dy))
            if xs and ys:
                data += rows(xs, ys)
    else:
        data = rows(list(range(width)), list(range(height)))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0,
                                                             1 if interlace else 0))
    if plte is not None:
        out += chunk(b"PLTE", b"".join(bytes(c) for c in plte))
    if trns is not None:
        out += chunk(b"tRNS", trns)
    return out + chunk(b"IDAT", zlib.compress(data)) + chunk(b"IEND", b"")


def bytes_per_pixel(colour_type, depth):
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    return max(1, channels * depth // 8)


def apply_filter(ftype, raw, prior, bpp):
    prior = prior or bytes(len(raw))
    out = bytearray(len(raw))
    for i, x in enumerate(raw):
        a = raw[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        if ftype == 0:
            p = 0
        elif ftype == 1:
            p = a
        elif ftype == 2:
            p = b
        elif ftype == 3:
            p = (a + b) // 2
        else:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        out[i] = (x - p) & 0xFF
    return bytes(out)


def over_white(colour, alpha):
    return tuple(round((c * alpha + 255 * (255 - alpha)) / 255) for c in colour)


def grey(v):
    return (v, v, v)


# ---------------------------------------------------------------- the kinds

def png_kinds(interlace):
    tag = "-interlaced" if interlace else ""
    kinds = []
    # Grey, every depth: the levels 0, 1/3, 2/3, 1 (1-bit: black and white).
    for depth in (1, 2, 4, 8, 16):
        top = (1 << depth) - 1
        levels = [0, top, top, 0] if depth == 1 else [0, top // 3, 2 * top // 3, top]
        prints = [grey(round(v * 255 / top)) for v in levels]
        kinds.append(Kind(f"grey-{depth}{tag}", png(0, depth, lambda x, y: (levels[quadrant(x, y)],),
                                                    interlace=interlace), prints))
        # A colour key (tRNS): the top right quadrant's level is clear.
        key = levels[1]
        keyed = [WHITE if v == key else grey(round(v * 255 / top)) for v in levels]
        kinds.append(Kind(f"grey-{depth}-trns{tag}", png(0, depth, lambda x, y: (levels[quadrant(x, y)],),
                                                         interlace=interlace, trns=struct.pack(">H", key)), keyed))
    # RGB, 8 and 16 bits; the 16-bit samples have a low byte that is not
    # their high byte, so samples read as 8-bit data would show.
    kinds.append(Kind(f"rgb-8{tag}", png(2, 8, lambda x, y: COLOURS[quadrant(x, y)], interlace=interlace), COLOURS))
    wide = lambda x, y: tuple(c * 256 + (x * 7 + y * 5) % 200 for c in COLOURS[quadrant(x, y)])
    kinds.append(Kind(f"rgb-16{tag}", png(2, 16, wide, interlace=interlace), COLOURS))
    for depth in (8, 16):
        scale = 257 if depth == 16 else 1
        key = struct.pack(">HHH", *(c * scale for c in COLOURS[1]))
        kinds.append(Kind(f"rgb-{depth}-trns{tag}",
                          png(2, depth, lambda x, y, s=scale: tuple(c * s for c in COLOURS[quadrant(x, y)]),
                              interlace=interlace, trns=key),
                          [COLOURS[0], WHITE, COLOURS[2], COLOURS[3]]))
    # Palette, every depth (1-bit: two entries), with and without alpha.
    for depth in (1, 2, 4, 8):
        index = (lambda x, y: (0 if quadrant(x, y) in (0, 3) else 1,)) if depth == 1 else \
            (lambda x, y: (quadrant(x, y),))
        entries = [COLOURS[0], COLOURS[3]] if depth == 1 else COLOURS
        prints = [COLOURS[0], COLOURS[3], COLOURS[3], COLOURS[0]] if depth == 1 else COLOURS
        kinds.append(Kind(f"palette-{depth}{tag}", png(3, depth, index, interlace=interlace, plte=entries), prints))
    kinds.append(Kind(f"palette-8-alpha{tag}",
                      png(3, 8, lambda x, y: (quadrant(x, y),), interlace=interlace, plte=COLOURS,
                          trns=bytes(ALPHA)),
                      [over_white(c, a) for c, a in zip(COLOURS, ALPHA)]))
    # Grey with alpha and RGBA, 8 and 16 bits.
    for depth in (8, 16):
        s = 257 if depth == 16 else 1
        levels = [0, 0, 85, 170]
        kinds.append(Kind(f"grey-alpha-{depth}{tag}",
                          png(4, depth, lambda x, y, s=s: (levels[quadrant(x, y)] * s, ALPHA[quadrant(x, y)] * s),
                              interlace=interlace),
                          [over_white(grey(v), a) for v, a in zip(levels, ALPHA)]))
        kinds.append(Kind(f"rgba-{depth}{tag}",
                          png(6, depth, lambda x, y, s=s: tuple(c * s for c in COLOURS[quadrant(x, y)])
                              + (ALPHA[quadrant(x, y)] * s,), interlace=interlace),
                          [over_white(c, a) for c, a in zip(COLOURS, ALPHA)]))
    return kinds


def broken_png_kinds():
    good = png(2, 8, lambda x, y: COLOURS[quadrant(x, y)])
    ihdr_end = 8 + 25
    idat_at = good.index(b"IDAT") - 4
    idat_len = struct.unpack(">I", good[idat_at:idat_at + 4])[0]
    idat = good[idat_at + 8:idat_at + 8 + idat_len]
    tail = good[idat_at + 12 + idat_len:]

    def with_idat(data):
        return good[:idat_at] + chunk(b"IDAT", data) + tail

    bad_crc = bytearray(good)
    bad_crc[ihdr_end - 1] ^= 0xFF  # the IHDR checksum
    raw = zlib.decompress(idat)
    bad_filter = bytearray(raw)
    bad_filter[0] = 9  # no such filter type
    return [
        Kind("palette-no-plte", png(3, 8, lambda x, y: (quadrant(x, y),)), refused=r"palette PNG without its palette"),
        Kind("empty-0x0", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0))
             + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""), refused=r"empty image \(0 × 0 pixels\)"),
        Kind("too-wide", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40000, 1, 8, 0, 0, 0, 0))
             + chunk(b"IDAT", zlib.compress(b"\0" * 40001)) + chunk(b"IEND", b""),
             refused=r"40000 × 1 pixels, too large"),
        Kind("bad-checksum", bytes(bad_crc), refused=r"checksum"),
        Kind("cut-short", good[:idat_at + 8 + idat_len // 2], refused=r"truncated or damaged PNG"),
        Kind("short-image-data", with_idat(zlib.compress(raw[:len(raw) // 2])), refused=r"truncated or damaged PNG"),
        Kind("bad-deflate", with_idat(idat[:2] + bytes(b ^ 0x55 for b in idat[2:])),
             refused=r"(image data is damaged|truncated or damaged)"),
        Kind("bad-filter", with_idat(zlib.compress(bytes(bad_filter))), refused=r"image data is damaged"),
        Kind("bad-bit-depth", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 3, 2, 0, 0, 0))
             + chunk(b"IDAT", idat) + chunk(b"IEND", b""), refused=r"not a valid PNG"),
    ]


def read_jpeg(name):
    with open(os.path.join(JPEG_DIR, name), "rb") as f:
        return f.read()


def with_frame(jpeg, marker=None, precision=None, height=None):
    """`jpeg` with its frame header (SOFn) changed: banshi reads only that
    to refuse what PDF cannot show, so the rest may stay baseline data."""
    at = next(i for i in range(2, len(jpeg) - 1) if jpeg[i] == 0xFF and 0xC0 <= jpeg[i + 1] <= 0xC2)
    out = bytearray(jpeg)
    if marker is not None:
        out[at + 1] = marker
    if precision is not None:
        out[at + 4] = precision
    if height is not None:
        out[at + 5:at + 7] = struct.pack(">H", height)
    return bytes(out)


def jpeg_kinds():
    base = read_jpeg("baseline.jpg")
    # Lossy: the quadrants print near their colours, not exactly.
    return [
        Kind("jpeg-baseline", base, COLOURS, tolerance=16),
        Kind("jpeg-progressive", read_jpeg("progressive.jpg"), COLOURS, tolerance=16),
        Kind("jpeg-grey", read_jpeg("grey.jpg"), [grey(round(0.299 * r + 0.587 * g + 0.114 * b)) for r, g, b in COLOURS],
             tolerance=16),
        Kind("jpeg-cmyk-adobe", read_jpeg("cmyk.jpg"), COLOURS, tolerance=40),
        Kind("jpeg-arithmetic", read_jpeg("arithmetic.jpg"), refused=r"arithmetic-coded JPEG"),
        Kind("jpeg-12-bit", with_frame(base, precision=12), refused=r"JPEG of 12-bit samples"),
        Kind("jpeg-lossless", with_frame(base, marker=0xC3), refused=r"lossless JPEG"),
        Kind("jpeg-hierarchical", with_frame(base, marker=0xC5), refused=r"hierarchical JPEG"),
        Kind("jpeg-arithmetic-progressive", with_frame(base, marker=0xCA), refused=r"arithmetic-coded JPEG"),
        Kind("jpeg-height-0", with_frame(base, height=0), refused=r"empty image \(32 × 0 pixels\)"),
        Kind("jpeg-cut-in-headers", base[:base.index(b"\xff\xda") - 20], refused=r"damaged JPEG"),
        Kind("jpeg-cut-in-data", base[:(base.index(b"\xff\xda") + len(base)) // 2], refused=r"truncated JPEG"),
        Kind("jpeg-no-frame", base[:2] + base[base.index(b"\xff\xda"):], refused=r"JPEG without a frame header"),
    ]


def all_kinds():
    return png_kinds(False) + png_kinds(True) + broken_png_kinds() + jpeg_kinds()


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for k in all_kinds():
        with open(os.path.join(out, k.filename), "wb") as f:
            f.write(k.data)
    print(f"{len(all_kinds())} images in {out}")
