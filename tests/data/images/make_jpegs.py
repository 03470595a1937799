#!/usr/bin/python3
"""Writes the JPEG fixtures of this directory (committed; run again only to
change them). Each is 32 × 32 pixels in four 16 × 16 quadrants of the
colours QUADRANTS (top left, top right, bottom left, bottom right), so a
test can check that each prints where and how it should.

Needs python3-pil and cjpeg (libjpeg-turbo-progs), which the tests do not:
they read the files. The kinds no encoder here makes (12-bit, lossless,
hierarchical) are derived by the tests from baseline.jpg by editing its
frame header, which is all banshi reads of them."""

import io
import os
import subprocess

from PIL import Image

QUADRANTS = [(200, 30, 30), (30, 160, 60), (40, 60, 200), (240, 200, 40)]
HERE = os.path.dirname(os.path.abspath(__file__))


def quadrants(mode="RGB"):
    im = Image.new("RGB", (32, 32))
    for q, colour in enumerate(QUADRANTS):
        x0, y0 = (q % 2) * 16, (q // 2) * 16
        for y in range(y0, y0 + 16):
            for x in range(x0, x0 + 16):
                im.putpixel((x, y), colour)
    return im.convert(mode)


def save(name, im, **kw):
    im.save(os.path.join(HERE, name), "JPEG", quality=95, optimize=False, **kw)


save("baseline.jpg", quadrants())
save("progressive.jpg", quadrants(), progressive=True)
save("grey.jpg", quadrants("L"))
# PIL writes CMYK with an Adobe APP14 marker and the inks inverted, as
# Photoshop does.
save("cmyk.jpg", quadrants("CMYK"))

# Arithmetic coding (SOF9): cjpeg from a PPM of the same picture.
ppm = io.BytesIO()
quadrants().save(ppm, "PPM")
out = subprocess.run(["cjpeg", "-arithmetic", "-quality", "95"], input=ppm.getvalue(), capture_output=True,
                     check=True).stdout
with open(os.path.join(HERE, "arithmetic.jpg"), "wb") as f:
    f.write(out)
