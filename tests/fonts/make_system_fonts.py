#!/usr/bin/python3
"""Makes stand-ins for the Windows and macOS Chinese system fonts, which
cannot be had here: copies of free fonts under the system fonts' family,
PostScript and file names (python3-fonttools), for the tests of the font
map's system tier (tests/e2e/test_system_fonts.py).

    make_system_fonts.py OUTDIR

writes into OUTDIR
    simfang.ttf   仿宋 / FangSong        from FandolFang (GB-style ，。)
    simhei.ttf    黑体 / SimHei          from FandolHei
    simkai.ttf    楷体 / KaiTi           from AR PL KaitiM GB
    STKAITI.TTF   华文楷体 / STKaiti     from AR PL KaitiM GB, with ，。 moved to
                                        the centre of the em box (Taiwan style),
                                        so its punctuation must be measured as unusable
    STZHONGS.TTF  华文中宋 / STZhongsong from FandolSong (drawn bold as 小标宋)
Each keeps none of its source's names, so it is found only as the system
font it stands for."""

import os
import sys

from fontTools.ttLib import TTFont

FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
GKAI = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"

FONTS = [
    # file, source, Chinese family, English family (= PostScript name), centre ，。
    ("simfang.ttf", f"{FANDOL}/FandolFang-Regular.otf", "仿宋", "FangSong", False),
    ("simhei.ttf", f"{FANDOL}/FandolHei-Regular.otf", "黑体", "SimHei", False),
    ("simkai.ttf", GKAI, "楷体", "KaiTi", False),
    ("STKAITI.TTF", GKAI, "华文楷体", "STKaiti", True),
    ("STZHONGS.TTF", f"{FANDOL}/FandolSong-Regular.otf", "华文中宋", "STZhongsong", False),
]

WINDOWS, ENGLISH, CHINESE = 3, 0x409, 0x804


def rename(font, zh, en):
    name = font["name"]
    # Every name that could identify the source goes (families, full and
    # PostScript names, unique ids, typographic families), in every platform.
    name.names = [n for n in name.names if n.nameID not in (1, 3, 4, 6, 16, 17, 18, 21, 22)]
    for lang, family in ((ENGLISH, en), (CHINESE, zh)):
        name.setName(family, 1, WINDOWS, 1, lang)
        name.setName("Regular", 2, WINDOWS, 1, lang)
        name.setName(family, 4, WINDOWS, 1, lang)
    name.setName(en, 6, WINDOWS, 1, ENGLISH)
    name.setName(en + ";test", 3, WINDOWS, 1, ENGLISH)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [en]
        top = cff.topDictIndex[0]
        for key in ("FullName", "FamilyName"):
            if hasattr(top, key):
                setattr(top, key, en)


def centre_marks(font):
    """Moves ，and 。 of a TrueType font to the middle of the em box."""
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    asc, desc = font["hhea"].ascent, font["hhea"].descent
    for cp in (0xFF0C, 0x3002):
        name = cmap[cp]
        g = glyf[name]
        if g.isComposite():
            g.expand(glyf)
        coords = g.getCoordinates(glyf)[0]
        xs = [x for x, _ in coords]
        ys = [y for _, y in coords]
        advance = hmtx[name][0]
        dx = advance / 2 - (min(xs) + max(xs)) / 2
        dy = (asc + desc) / 2 - (min(ys) + max(ys)) / 2
        coords.translate((round(dx), round(dy)))
        g.coordinates = coords
        g.recalcBounds(glyf)


def main(out):
    os.makedirs(out, exist_ok=True)
    for file, source, zh, en, centre in FONTS:
        target = os.path.join(out, file)
        if os.path.exists(target):
            continue
        font = TTFont(source, lazy=not centre)
        rename(font, zh, en)
        if centre:
            centre_marks(font)
        tmp = target + ".tmp"
        font.save(tmp)
        os.replace(tmp, target)


if __name__ == "__main__":
    main(sys.argv[1])
