"""The fonts applicants have: the Windows and macOS Chinese system fonts are
preferred after the official 方正 fonts and before the free stand-ins, each
in its role, their ，。 measured before their punctuation is trusted. The
system fonts cannot be had here, so free fonts are copied under their
names (tests/fonts/make_system_fonts.py) into a font directory given as
BANSHI_FONT_DIR."""

import json
import os
import shutil
import subprocess
import unittest

from support import BANSHI, OUT_DIR, SAMPLES, SOURCE_DIR, pdffonts

MAKE_FONTS = os.path.join(SOURCE_DIR, "tests", "fonts", "make_system_fonts.py")
SAMPLE = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")


def banshi(*args, font_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "HOME")}
    env.update(LANG="C.UTF-8", BANSHI_FONT_DIR=font_dir, HOME=os.path.join(font_dir, "home"))
    p = subprocess.run([BANSHI, *args], capture_output=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr.decode()


class SystemFonts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Made once per build tree (about 20 s of CPU), kept between runs.
        cls.all_fonts = os.path.join(OUT_DIR, "system-fonts", "all")
        subprocess.run(["/usr/bin/python3", MAKE_FONTS, cls.all_fonts], check=True)
        # Only the macOS 华文楷体, whose marks are centred.
        cls.only_stkaiti = os.path.join(OUT_DIR, "system-fonts", "stkaiti")
        os.makedirs(cls.only_stkaiti, exist_ok=True)
        target = os.path.join(cls.only_stkaiti, "STKAITI.TTF")
        if not os.path.exists(target):
            os.link(os.path.join(cls.all_fonts, "STKAITI.TTF"), target)
        code, out, err = banshi("fonts", "--json", font_dir=cls.all_fonts)
        assert code == 0, err
        cls.faces = {f["id"]: f for f in json.loads(out)}

    def test_each_system_font_in_its_role(self):
        expect = {"fangsong": ("FangSong", "simfang.ttf"), "hei": ("SimHei", "simhei.ttf"),
                  "kai": ("KaiTi", "simkai.ttf"), "xiaobiaosong": ("STZhongsong", "STZHONGS.TTF")}
        for face, (family, file) in expect.items():
            f = self.faces[face]
            self.assertEqual(f["tier"], "system", face)
            self.assertFalse(f["official"])
            self.assertEqual(f["font"]["family"], family, face)
            self.assertEqual(os.path.basename(f["font"]["file"]), file, face)
        # The page numbers' 宋体 has no system stand-in here: still the free one.
        self.assertEqual(self.faces["song"]["tier"], "stand-in")

    def test_warning_names_the_official_font_and_the_one_used(self):
        f = self.faces["fangsong"]
        self.assertIn("方正仿宋_GBK", f["substitution"])
        self.assertIn("FangSong", f["substitution"])
        self.assertIn("system font", f["substitution"])
        code, _, err = banshi("render", SAMPLE, "-o", os.path.join(OUT_DIR, "system-fonts.pdf"), "--impose", "none",
                              font_dir=self.all_fonts)
        self.assertEqual(code, 0, err)
        lines = [l for l in err.splitlines() if "方正仿宋_GBK" in l]
        self.assertEqual(len(lines), 1, err)
        self.assertIn("using the system font FangSong", lines[0])

    def test_stand_ins_follow_as_fallbacks(self):
        fallbacks = [f["family"] for f in self.faces["fangsong"]["fallbacks"]]
        self.assertIn("FandolFang", fallbacks)
        kai = [f["family"] for f in self.faces["kai"]["fallbacks"]]
        self.assertLess(kai.index("STKaiti"), kai.index("AR PL KaitiM GB"))

    def test_punctuation_is_measured(self):
        fang = self.faces["fangsong"]["font"]
        self.assertTrue(fang["punctuation"])
        self.assertIn("lower left", fang["punctuation_check"])
        stkaiti = next(f for f in self.faces["kai"]["fallbacks"] if f["family"] == "STKaiti")
        self.assertFalse(stkaiti["punctuation"])
        self.assertIn("not lower left", stkaiti["punctuation_check"])

    def test_synthetic_bold_where_the_face_has_none(self):
        self.assertTrue(self.faces["xiaobiaosong"]["font"]["embolden"])
        self.assertFalse(self.faces["fangsong"]["font"]["embolden"])

    def test_fonts_says_which_file_to_copy_where(self):
        f = self.faces["fangsong"]
        self.assertIn("FZFSK.TTF", f["official_files"])
        self.assertEqual(f["copy_to"][0], self.all_fonts)
        code, out, _ = banshi("fonts", font_dir=self.all_fonts)
        self.assertEqual(code, 0)
        text = out.decode()
        self.assertIn("copy FZFSK.TTF or FZFSJW.TTF (方正仿宋_GBK) into " + self.all_fonts, text)
        self.assertIn("(system font)", text)

    def test_the_render_embeds_the_system_fonts(self):
        pdf = os.path.join(OUT_DIR, "system-fonts-embedded.pdf")
        code, _, err = banshi("render", SAMPLE, "-o", pdf, "--impose", "none", "--no-pdfa", font_dir=self.all_fonts)
        self.assertEqual(code, 0, err)
        names = {f["name"].split("+", 1)[-1] for f in pdffonts(pdf)}
        for name in ("FangSong", "SimHei", "KaiTi", "STZhongsong"):
            self.assertIn(name, names)
        self.assertNotIn("FandolFang-Regular", names)  # only for what FangSong lacks: nothing in the sample
        self.assertTrue(all(f["emb"] == "yes" for f in pdffonts(pdf)))

    def test_centred_marks_are_taken_from_the_next_font(self):
        code, out, err = banshi("fonts", "--json", font_dir=self.only_stkaiti)
        self.assertEqual(code, 0, err)
        kai = next(f for f in json.loads(out) if f["id"] == "kai")
        self.assertEqual(kai["font"]["family"], "STKaiti")
        self.assertFalse(kai["font"]["punctuation"])
        # Its ，in a 楷体 line (the authors' line) comes from AR PL KaitiM GB.
        import fitz
        pdf = os.path.join(OUT_DIR, "system-fonts-stkaiti.pdf")
        code, _, err = banshi("render", os.path.join(SAMPLES, "bazhong-xinzhi-outcome.xml"), "-o", pdf, "-q",
                              font_dir=self.only_stkaiti)
        self.assertEqual(code, 0, err)
        marks, letters = set(), set()
        with fitz.open(pdf) as doc:
            for page in doc:
                for block in page.get_text("rawdict")["blocks"]:
                    for line in block.get("lines", []):
                        for span in line["spans"]:
                            for ch in span["chars"]:
                                if span["font"].endswith("STKaiti"):
                                    letters.add(ch["c"])
                                    if ch["c"] in "，。（）：、":
                                        marks.add(ch["c"])
        self.assertTrue(letters, "no text in STKaiti")
        self.assertEqual(marks, set())


if __name__ == "__main__":
    unittest.main()
