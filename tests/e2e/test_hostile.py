"""Hostile input: every kind of broken, tricky or oversized report an
applicant (or an attacker) can hand banshi. Each case must end in a clear
error (exit 2, `file:line[:column]: error: what is wrong`) or a correct PDF
(exit 0, opens in PyMuPDF, the text is there) — never a crash, a hang or
unbounded memory. Every run is bounded by a timeout and, unless banshi is
built with AddressSanitizer (which reserves terabytes of address space),
by RLIMIT_AS; the child's own peak RSS is read from wait4().

The engine bugs this suite found (PNGs that made libpng abort, Latin-1
misread as GB18030, undrawable characters quoted invisibly, non-web links)
are fixed; their tests stay here as ordinary tests. Fixtures: tests/data/hostile/ (its README says what each file is)."""

import json
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import unittest
import zlib

import fitz  # PyMuPDF, Debian's python3-fitz

import image_kinds
from support import BANSHI, OUT_DIR, SOURCE_DIR, squeeze

DATA = os.path.join(SOURCE_DIR, "tests", "data", "hostile")
SAMPLE_PNG = os.path.join(SOURCE_DIR, "samples", "figures", "red-tourism-visitors.png")

AS_LIMIT = 2 << 30          # bytes of address space for an uninstrumented banshi
TIMEOUT = 120               # seconds for any one run (sanitized builds are slow)
FOLIO = re.compile(r"—\d+—")


def _sanitized():
    """Whether banshi is built with AddressSanitizer (RLIMIT_AS cannot be
    used then: ASan maps its shadow memory up front)."""
    try:
        with open(BANSHI, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


SANITIZED = _sanitized()
# Peak RSS allowed for one run: no hostile input should cost more.
RSS_LIMIT_MB = 2560 if SANITIZED else 1024


class Run:
    def __init__(self, code, out, err, peak_rss_mb, seconds, timed_out):
        self.code, self.out, self.err = code, out, err
        self.peak_rss_mb, self.seconds, self.timed_out = peak_rss_mb, seconds, timed_out

    def __repr__(self):
        return (f"exit {self.code}, {self.seconds:.1f} s, peak RSS {self.peak_rss_mb:.0f} MB"
                f"{', TIMED OUT' if self.timed_out else ''}\n--- stderr ---\n{self.err[-3000:]}")


def run(*args, timeout=TIMEOUT, cwd=None, limits=None, drop_privileges=False, env_extra=None):
    """Runs banshi with a timeout and a memory limit; returns a Run with the
    child's own peak RSS (wait4's rusage, not the sum over earlier children)."""
    env = dict(os.environ, **(env_extra or {}))
    if SANITIZED:
        # The RSS cap ASan can enforce itself, on top of whatever the CI set.
        opts = env.get("ASAN_OPTIONS", "")
        env["ASAN_OPTIONS"] = (opts + ":" if opts else "") + f"hard_rss_limit_mb={RSS_LIMIT_MB + 512}"

    def preexec():
        if not SANITIZED:
            resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
        for which, value in (limits or {}).items():
            resource.setrlimit(which, (value, value))
        if drop_privileges:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen([BANSHI, *args], stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                             cwd=cwd, env=env, preexec_fn=preexec)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout:
                timed_out = True
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        return Run(p.returncode, out.read(), err.read().decode("utf-8", "replace"),
                   usage.ru_maxrss / 1024, seconds, timed_out)


def workdir(name):
    """A fresh directory of this test's own under BANSHI_TEST_OUT."""
    d = os.path.join(OUT_DIR, "hostile", name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    return d


def write(directory, name, data):
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def report(body, title="测试报告", head='<?xml version="1.0" encoding="UTF-8"?>\n'):
    return (f'{head}<report template="outcome" version="1">\n  <outcome>\n    <title>{title}</title>\n'
            f'    <body>\n      {body}\n    </body>\n  </outcome>\n</report>\n')


def pdf_pages(pdf):
    """The squeezed text of each page of a PDF that must open."""
    doc = fitz.open(pdf)
    pages = ["".join(page.get_text().split()) for page in doc]
    doc.close()
    return pages


def leftovers(directory, pdf_name):
    return [f for f in os.listdir(directory) if f.startswith("." + pdf_name + ".")]


class HostileCase(unittest.TestCase):
    """Assertions shared by every class of hostile input."""

    def assertSurvived(self, r):
        self.assertFalse(r.timed_out, f"banshi hung:\n{r!r}")
        self.assertGreaterEqual(r.code, 0, f"banshi was killed by signal {-r.code}:\n{r!r}")
        self.assertLess(r.code, 128, f"banshi crashed:\n{r!r}")
        for mark in ("Sanitizer", "runtime error:", "libpng error", "terminate called", "Segmentation"):
            self.assertNotIn(mark, r.err, f"banshi reported a crash or undefined behaviour:\n{r!r}")
        self.assertLess(r.peak_rss_mb, RSS_LIMIT_MB, f"banshi used too much memory:\n{r!r}")

    def assertRefused(self, r, xml, message, line=True):
        """Exit 2 with `xml:LINE[:COL]: error: …message…` (a regex)."""
        self.assertSurvived(r)
        self.assertEqual(r.code, 2, f"expected exit 2 (bad input):\n{r!r}")
        where = re.escape(xml) + (r":\d+(:\d+)?" if line else r"(:\d+(:\d+)?)?")
        self.assertRegex(r.err, where + r": error: .*" + message, f"unclear or missing message:\n{r!r}")

    def assertRendered(self, r, pdf):
        """Exit 0 and a PDF that opens; returns the squeezed text per page."""
        self.assertSurvived(r)
        self.assertEqual(r.code, 0, f"expected a PDF:\n{r!r}")
        pages = pdf_pages(pdf)
        self.assertGreater(len(pages), 0)
        return pages

    def assertContainsText(self, expected, text):
        """`expected` is in `text`; on failure, says where it breaks off
        instead of printing both."""
        if expected in text:
            return
        n = len(expected)
        while n and expected[:n] not in text:
            n //= 2
        lo, hi = n, len(expected)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if expected[:mid] in text:
                lo = mid
            else:
                hi = mid
        self.fail(f"text of {len(expected)} characters not found whole: found up to character {lo}, "
                  f"…{expected[max(0, lo - 20):lo]}[{expected[lo:lo + 20]}…]")

    def render(self, directory, xml, *extra, **kw):
        pdf = os.path.join(directory, os.path.splitext(os.path.basename(xml))[0] + ".pdf")
        return run("render", xml, "-o", pdf, "--impose", "none", *extra, **kw), pdf


# ---------------------------------------------------------------- malformed XML

class MalformedXml(HostileCase):
    CASES = [
        # name, text, line, message
        ("mismatched-end-tag", report("<p>粗体<b>没有关闭</p>"), 6, r"</p> does not match <b>"),
        ("unquoted-attribute", report('<section numbered=no><h>节</h><p>x</p></section>'), 6, r"must be in quotes"),
        ("truncated-file", report("<p>正文").split("</body>")[0].rstrip(), 6, r"never closed"),
        ("undefined-entity", report("<p>不换行&nbsp;空格</p>"), 6, r"undefined entity &nbsp;"),
        ("bare-ampersand", report("<p>研究&发展</p>"), 6, r'bare "&"'),
        ("bare-less-than", report("<p>a < b</p>"), 6, r'"<" in text'),
        ("two-roots", report("<p>x</p>") + "<report/>\n", 10, r"after the end of the root element"),
        ("duplicate-attribute", report("<p>x</p>").replace('version="1"', 'version="1" version="1"'), 2,
         r'attribute "version" appears twice'),
        ("unclosed-comment", report("<!-- 注释没有结束 <p>x</p>"), 6, r"comment is never closed"),
        ("surrogate-reference", report("<p>&#xD800;</p>"), 6, r"&#xD800; is not a character XML allows"),
        ("declaration-not-first", "\n  " + report("<p>x</p>"), 2, r"declaration must be the very first thing"),
        ("unknown-element", report("<para>x</para>"), 6, r"<para>.*not allowed"),
    ]

    def test_malformed_xml_is_refused_with_its_position(self):
        d = workdir("malformed")
        for name, text, line, message in self.CASES:
            with self.subTest(name):
                xml = write(d, name + ".xml", text)
                r, pdf = self.render(d, xml)
                self.assertRefused(r, xml, message)
                self.assertRegex(r.err, re.escape(xml) + f":{line}:\\d+: error:", f"wrong line:\n{r!r}")
                self.assertFalse(os.path.exists(pdf))
                self.assertEqual(leftovers(d, os.path.basename(pdf)), [])

    def test_empty_and_binary_files_are_refused(self):
        d = workdir("not-xml")
        with self.subTest("empty"):
            xml = write(d, "empty.xml", b"")
            r, _ = self.render(d, xml)
            self.assertRefused(r, xml, r"no root element", line=False)
        with self.subTest("a PNG given as the report"):
            xml = write(d, "picture.xml", read(SAMPLE_PNG))
            r, _ = self.render(d, xml)
            self.assertRefused(r, xml, r"(NUL byte|not a text file|not valid)")


# ---------------------------------------------------------------- encodings

class WrongEncodings(HostileCase):
    TEXT = "简体中文，全角标点；测试“引号”。"

    def test_wrong_encodings_are_refused_or_converted(self):
        d = workdir("encodings")
        utf8 = report(f"<p>{self.TEXT}</p>").encode("utf-8")
        bare = report(f"<p>{self.TEXT}</p>", head="").encode
        at = utf8.index("全角".encode("utf-8"))
        refused = [
            # Latin-1 bytes that are not GB18030 either (é before a space).
            ("latin1", report("<p>café au lait, naïve rôle</p>", title="Latin").encode("latin-1"),
             r"not valid UTF-8"),
            ("latin1-declared", report("<p>café</p>", title="Latin",
                                       head='<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("latin-1"),
             r'encoding "ISO-8859-1" is not supported'),
            ("truncated-utf8-inside", utf8[:at + 1] + utf8[at + 3:], r"not valid UTF-8"),
            ("truncated-utf8-at-end", utf8.rstrip(b"\n") + "中".encode("utf-8")[:2], r"not valid UTF-8"),
            ("utf16le-without-bom", bare("utf-16-le"), r"UTF-16 without a byte-order mark"),
            ("utf16be-without-bom", bare("utf-16-be"), r"UTF-16 without a byte-order mark"),
            ("utf16-declared-without-bom",
             report("<p>x</p>", head='<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-8"),
             r"no byte-order mark"),
        ]
        for name, data, message in refused:
            with self.subTest(name):
                xml = write(d, name + ".xml", data)
                r, pdf = self.render(d, xml)
                self.assertRefused(r, xml, message)
                self.assertFalse(os.path.exists(pdf))
        converted = [
            ("gb18030-undeclared", bare("gb18030")),
            ("gb18030-declared", report(f"<p>{self.TEXT}</p>",
                                        head='<?xml version="1.0" encoding="GB18030"?>\n').encode("gb18030")),
            ("gbk-declared", report(f"<p>{self.TEXT}</p>",
                                    head='<?xml version="1.0" encoding="GBK"?>\n').encode("gbk")),
            ("gb18030-declared-utf8", report(f"<p>{self.TEXT}</p>").encode("gb18030")),
            ("utf16le-with-bom", b"\xff\xfe" + bare("utf-16-le")),
            ("utf8-with-bom", b"\xef\xbb\xbf" + utf8),
        ]
        for name, data in converted:
            with self.subTest(name):
                xml = write(d, name + ".xml", data)
                r, pdf = self.render(d, xml)
                pages = self.assertRendered(r, pdf)
                self.assertIn(squeeze(self.TEXT), "".join(pages))
                if name.startswith("gb"):
                    self.assertRegex(r.err, re.escape(xml) + r":\d+:\d+: warning: .*(GB18030|GBK)")

    def test_latin1_letters_are_not_read_as_gb18030(self):
        # Latin-1 "Müller" is the byte pair FC 6C, which GB18030 decodes as
        # 黮; a decoder that only asks "is this valid GB18030?" would print
        # "M黮ler, Stra遝 …". It must be refused (or read correctly), never
        # printed as mojibake.
        d = workdir("latin1-mojibake")
        xml = os.path.join(DATA, "latin1-mojibake.xml")
        r, pdf = self.render(d, xml)
        self.assertSurvived(r)
        if r.code == 0:
            self.assertIn("Müller", "".join(pdf_pages(pdf)))
        else:
            self.assertRefused(r, xml, r"UTF-8")


# ---------------------------------------------------------------- DOCTYPE / ENTITY

class DoctypeAndEntities(HostileCase):
    def test_doctype_and_entity_tricks_are_refused(self):
        d = workdir("entities")
        for name in ("billion-laughs.xml", "xxe-passwd.xml"):
            with self.subTest(name):
                xml = os.path.join(DATA, name)
                r, pdf = self.render(d, xml)
                self.assertRefused(r, xml, r"<!DOCTYPE> is not allowed")
                self.assertLess(r.seconds, 30)
                self.assertNotIn("root:", r.err)  # nothing of /etc/passwd leaks into messages
                self.assertFalse(os.path.exists(pdf))
        cases = [
            ("entity-without-doctype", report("<p>&xxe;</p>"), r"undefined entity &xxe;"),
            ("entity-declaration-in-body", report('<!ENTITY x "y"><p>x</p>'), r"declarations are not allowed"),
            ("external-dtd", '<?xml version="1.0"?>\n<!DOCTYPE report SYSTEM "http://example.org/r.dtd">\n'
             + report("<p>x</p>", head=""), r"<!DOCTYPE> is not allowed"),
        ]
        for name, text, message in cases:
            with self.subTest(name):
                xml = write(d, name + ".xml", text)
                r, _ = self.render(d, xml)
                self.assertRefused(r, xml, message)


# ---------------------------------------------------------------- size limits

def sentences(prefix, n):
    """Distinct numbered sentences, so a lost or repeated piece shows."""
    return "".join(f"{prefix}第{i}句，用于检查文字是否完整无缺。" for i in range(1, n + 1))


class HugeParagraphs(HostileCase):
    def test_10mb_paragraph_is_refused_with_the_limit(self):
        d = workdir("huge-paragraph")
        xml = write(d, "ten-mb.xml", report("<p>" + "测" * (10 * 1024 * 1024 // 3) + "</p>"))
        self.assertGreater(os.path.getsize(xml), 10 * 1024 * 1024 - 1024)
        r, pdf = self.render(d, xml)
        self.assertRefused(r, xml, r"<p> \(正文段落\) holds 349\d+ characters; a paragraph, heading, table cell or note may hold at most 100000")
        self.assertFalse(os.path.exists(pdf))

    def test_every_block_of_text_has_the_limit(self):
        # Headings, table cells, captions and references are set by the
        # same line breaker as paragraphs: a million characters in a cell
        # took 24 s to set before the whole report was refused by its pages.
        d = workdir("long-blocks")
        long = "长" * 100_001
        cases = [
            ("heading", f"<section><h>{long}</h><p>x</p></section>", r"<h> \(标题\) holds 100003 characters"),
            ("cell", f"<table><tr><td>{long}</td></tr></table>", r"<td> \(单元格\) holds 100001 characters"),
        ]
        for name, body, message in cases:
            with self.subTest(name):
                xml = write(d, name + ".xml", report(body))
                r, pdf = self.render(d, xml)
                self.assertRefused(r, xml, message + r"; a paragraph, heading, table cell or note may hold at most 100000")
                self.assertFalse(os.path.exists(pdf))
        with self.subTest("in Chinese"):
            xml = write(d, "zh.xml", report(f"<table><tr><td>{long}</td></tr></table>"))
            r = run("render", xml, "-o", os.path.join(d, "zh.pdf"), "--lang", "zh")
            self.assertEqual(r.code, 2, r)
            self.assertRegex(r.err, re.escape(xml) + r":6:\d+: 错误：单元格（<td>）有 100001 个字符.*最多只能有 100000 个字符")

    def test_paragraph_just_under_the_limit_renders_whole(self):
        d = workdir("long-paragraph")
        text = sentences("长段", 5000)[:99_999]
        self.assertEqual(len(text), 99_999)
        xml = write(d, "under-limit.xml", report("<p>" + text + "</p>", title="长段"))
        r, pdf = self.render(d, xml)
        pages = self.assertRendered(r, pdf)
        self.assertGreater(len(pages), 50)
        body = FOLIO.sub("", "".join(pages))
        self.assertContainsText("长段" + text, body)
        self.assertEqual(len(body), len("长段" + text))

    def test_title_of_a_hundred_pages_renders_whole(self):
        # The title is set whole; the PDF's Title and bookmark, which
        # libharu limits to 64 KB, are cut at 1,000 characters with ….
        d = workdir("huge-title")
        title = sentences("题", 3000)[:90_000]
        xml = write(d, "title.xml", report("<p>正文。</p>", title=title))
        r, pdf = self.render(d, xml)
        pages = self.assertRendered(r, pdf)
        self.assertGreater(len(pages), 100)
        self.assertContainsText(title, FOLIO.sub("", "".join(pages)))
        doc = fitz.open(pdf)
        meta, toc = doc.metadata["title"], doc.get_toc()
        doc.close()
        self.assertEqual(len(meta), 1000)
        self.assertEqual(meta, title[:999] + "…")
        self.assertEqual(toc[0][1], title[:999] + "…")


class PageLimit(HostileCase):
    def test_report_past_the_page_limit_is_refused_where_it_passes_it(self):
        # 60,000 one-line paragraphs (22 lines a page): about 2,700 pages.
        # The limit (2000 pages) is checked while the flow grows, so the
        # refusal names the paragraph where it is passed (line 44,000 or
        # so: 2,000 pages of 22 lines, after the title) instead of laying
        # out every page first.
        d = workdir("page-limit")
        body = "\n".join(f"<p>第{i}段。</p>" for i in range(60_000))
        xml = write(d, "too-long.xml", report(body))
        r, pdf = self.render(d, xml)
        self.assertRefused(r, xml, r"would print more than 2000 pages by here; a report may have at most 2000")
        line = int(re.search(re.escape(xml) + r":(\d+):", r.err).group(1))
        self.assertGreater(line, 2000 * 22 - 100)
        self.assertLess(line, 2000 * 22 + 100)
        self.assertFalse(os.path.exists(pdf))


class DeepNesting(HostileCase):
    def test_100_levels_of_nesting_are_refused_with_the_depth(self):
        d = workdir("nesting")
        cases = [
            ("sections-100", "<section><h>节</h>" * 100 + "<p>x</p>" + "</section>" * 100, r"nested more than \d+ deep"),
            ("inline-100", "<p>" + "<b>" * 50 + "<em>" * 50 + "x" + "</em>" * 50 + "</b>" * 50 + "</p>",
             r"nested more than \d+ deep"),
            ("sections-5", "<section><h>节</h>" * 5 + "<p>x</p>" + "</section>" * 5,
             r"is nested 5 deep; sections go at most 4 deep"),
        ]
        for name, body, message in cases:
            with self.subTest(name):
                xml = write(d, name + ".xml", report(body))
                r, _ = self.render(d, xml)
                self.assertRefused(r, xml, message)

    def test_reasonable_nesting_renders(self):
        d = workdir("nesting-ok")
        body = ("<section><h>节</h>" * 4 + "<p>" + "<b><em>" * 10 + "深层文字" + "</em></b>" * 10 + "</p>"
                + "</section>" * 4)
        xml = write(d, "ok.xml", report(body))
        r, pdf = self.render(d, xml)
        self.assertIn("深层文字", "".join(self.assertRendered(r, pdf)))


# ---------------------------------------------------------------- images

def gigapixel_png(path, side=30000):
    """A valid side × side RGB PNG of zeros (2.7 GB of pixels in ~2.6 MB):
    one deflate block, byte-aligned by a full flush, repeated."""
    row = b"\0" * (1 + 3 * side)
    rows_per_block = 100
    assert side % rows_per_block == 0
    block = row * rows_per_block
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(side // rows_per_block):
        adler = zlib.adler32(block, adler)
    idat = b"\x78\xda" + piece * (side // rows_per_block) + b"\x03\x00" + struct.pack(">I", adler)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


class BadImages(HostileCase):
    def test_missing_and_non_images_are_refused(self):
        d = workdir("images")
        cases = [
            ("figure-missing.xml", r"no-such-figure\.png.*is not a file"),
            ("figure-not-an-image.xml", r"not-an-image\.png.*not a PNG or JPEG"),
            ("figure-huge-header.xml", r"100000 × 100000 pixels"),
            ("figure-truncated.xml", r"truncated\.png.*(truncated|damaged)"),
        ]
        for name, message in cases:
            with self.subTest(name):
                # Run from elsewhere: the image path is relative to the XML file.
                xml = os.path.join(DATA, name)
                r, pdf = self.render(d, xml, cwd=d)
                self.assertRefused(r, xml, message)
                self.assertFalse(os.path.exists(pdf))
                # Every image problem points at the src value, with the same
                # path and form label, whichever stage found it.
                self.assertRegex(r.err, re.escape(xml) + r":7:20: error: <outcome>/<body>/<figure>/@src \(图片文件\)")

    def test_gigapixel_png_within_the_side_limit_is_refused_quickly(self):
        # 30000 × 30000 is within 30000 a side: a 2.6 MB PNG that decodes to
        # 2.7 GB of pixels took libharu ~2 minutes and then failed for want
        # of memory; a pixel budget now refuses it at once.
        d = workdir("images-gigapixel")
        gigapixel_png(os.path.join(d, "giga.png"))
        xml = write(d, "giga.xml", report('<p>前。</p><figure src="giga.png"><caption>图1 巨图</caption></figure>'))
        r, _ = self.render(d, xml, timeout=30)
        self.assertRefused(r, xml, r"30000 × 30000 pixels")
        self.assertLess(r.seconds, 20)

    def test_png_with_good_checksums_but_bad_pixel_data_is_refused(self):
        # Good chunks and CRCs are not enough: a PNG whose IDAT holds too few
        # bytes for its size, or a damaged deflate stream with a correct CRC,
        # would reach libpng through libharu, whose error handler abort()s
        # (SIGABRT, exit 134, in `batch` too). The pixel data is inflated and
        # checked first, by `render` and `check` alike.
        d = workdir("images-corrupt")
        for name in ("figure-short-data.xml", "figure-bad-deflate.xml"):
            xml = os.path.join(DATA, name)
            with self.subTest(name, command="render"):
                r, pdf = self.render(d, xml, cwd=d)
                self.assertRefused(r, xml, r"(truncated|damaged|image data)")
            with self.subTest(name, command="check"):
                r = run("check", xml, cwd=d)
                self.assertRefused(r, xml, r"(truncated|damaged|image data)")


def figure_report(src, width="80mm"):
    return report(f'<p>图前。</p><figure src="{src}" width="{width}"><caption>图</caption></figure>')


def quadrant_colours(pdf):
    """The colours printed at the centres of the four quadrants (top left,
    top right, bottom left, bottom right) of the one image in `pdf`."""
    doc = fitz.open(pdf)
    try:
        for page in doc:
            infos = page.get_image_info()
            if not infos:
                continue
            x0, y0, x1, y1 = infos[0]["bbox"]
            pix = page.get_pixmap(dpi=72)  # 1 px = 1 pt
            return [pix.pixel(int(x0 + (x1 - x0) * fx), int(y0 + (y1 - y0) * fy))
                    for fy in (0.25, 0.75) for fx in (0.25, 0.75)]
        return None
    finally:
        doc.close()


class ImageKinds(HostileCase):
    """Every PNG the PNG specification allows — each colour type and bit
    depth, interlaced or not, with a tRNS colour key, palette alpha — prints
    right; JPEG passes when PDF can show it; everything else is refused at
    its <figure> with a reason, by `check` as by `render`. The kinds and
    their expected colours are in image_kinds.py. Found before: an RGB PNG
    with tRNS crashed (SIGSEGV in libharu), a palette PNG without PLTE
    aborted, 16-bit PNGs lost their bottom half, an interlaced PNG failed
    as an internal error, 12-bit and arithmetic JPEGs printed as garbage;
    `check` passed them all."""

    @classmethod
    def setUpClass(cls):
        cls.dir = workdir("image-kinds")
        cls.kinds = image_kinds.all_kinds()
        cls.xml = {}
        for k in cls.kinds:
            write(cls.dir, k.filename, k.data)
            cls.xml[k.name] = write(cls.dir, k.name + ".xml", figure_report(k.filename))

    def test_every_printable_kind_prints_its_colours(self):
        ok = [k for k in self.kinds if k.prints]
        out = os.path.join(self.dir, "out")
        r = run("batch", *[self.xml[k.name] for k in ok], "-o", out, "-j", "2", "--impose", "none")
        self.assertSurvived(r)
        self.assertEqual(r.code, 0, f"every kind should render:\n{r!r}")
        for k in ok:
            with self.subTest(k.name):
                got = quadrant_colours(os.path.join(out, k.name + ".pdf"))
                self.assertIsNotNone(got, "no image on any page")
                for q, (want, have) in enumerate(zip(k.prints, got)):
                    self.assertLessEqual(max(abs(a - b) for a, b in zip(want, have)), k.tolerance,
                                         f"quadrant {q} of {k.filename}: printed {have}, should be {want}")
        r = run("check", *[self.xml[k.name] for k in ok])
        self.assertSurvived(r)
        self.assertEqual(r.code, 0, f"check should pass them all:\n{r!r}")

    def test_every_unprintable_kind_is_refused_at_its_figure(self):
        bad = [k for k in self.kinds if k.refused]
        r = run("check", *[self.xml[k.name] for k in bad])
        self.assertSurvived(r)
        self.assertEqual(r.code, 2)
        for k in bad:
            where = re.escape(self.xml[k.name]) + r":6:\d+: error: <outcome>/<body>/<figure>/@src \(图片文件\) "
            with self.subTest(k.name, command="check"):
                self.assertRegex(r.err, where + re.escape(f'"{k.filename}" ') + r".*" + k.refused)
            with self.subTest(k.name, command="render"):
                rr, pdf = self.render(self.dir, self.xml[k.name])
                self.assertRefused(rr, self.xml[k.name], k.refused)
                self.assertRegex(rr.err, where)
                self.assertFalse(os.path.exists(pdf))

    def test_every_bad_figure_of_a_report_is_reported_at_once(self):
        body = "".join(f'<figure src="{k.filename}"><caption>{k.name}</caption></figure>'
                       for k in self.kinds if k.refused)
        xml = write(self.dir, "all-bad.xml", report(body))
        r = run("check", xml)
        self.assertRefused(r, xml, "")
        self.assertEqual(len(re.findall(r": error: ", r.err)), sum(1 for k in self.kinds if k.refused), r.err)

    def test_prepared_images_are_deterministic(self):
        k = next(k for k in self.kinds if k.name == "rgba-16-interlaced")
        xml = self.xml[k.name]
        pdfs = []
        for n in range(2):
            pdf = os.path.join(self.dir, f"again-{n}.pdf")
            r = run("render", xml, "-o", pdf, "--impose", "none")
            self.assertRendered(r, pdf)
            pdfs.append(read(pdf))
        self.assertEqual(pdfs[0], pdfs[1])


class FiguresFromWord(HostileCase):
    """A picture in a .docx is the package part's bytes, handed to the image
    stage without a path: it prints as an XML figure's file would, and what
    cannot print is refused at its paragraph."""

    def make_docx(self, d, name, image_kind):
        import docx  # python3-docx (.ci/setup)
        k = next(k for k in image_kinds.all_kinds() if k.name == image_kind)
        picture = write(d, k.filename, k.data)
        doc = docx.Document()
        doc.add_heading("图片测试", level=0)
        doc.add_paragraph("正文一段。")
        doc.add_picture(picture, width=docx.shared.Mm(80))
        doc.add_paragraph("图1 四色")
        path = os.path.join(d, name)
        doc.save(path)
        os.remove(picture)  # the bytes are in the package only
        return path, k

    def test_picture_in_a_docx_prints_from_its_part(self):
        d = workdir("figures-docx")
        path, k = self.make_docx(d, "pictures.docx", "rgb-16-trns")
        pdf = os.path.join(d, "pictures.pdf")
        r = run("render", path, "-o", pdf, "--impose", "none")
        self.assertRendered(r, pdf)
        got = quadrant_colours(pdf)
        for q, (want, have) in enumerate(zip(k.prints, got)):
            self.assertLessEqual(max(abs(a - b) for a, b in zip(want, have)), k.tolerance, f"quadrant {q}: {have}")

    def test_unprintable_picture_in_a_docx_is_refused_at_its_paragraph(self):
        d = workdir("figures-docx-bad")
        path, k = self.make_docx(d, "bad.docx", "palette-no-plte")
        for command in ("render", "check"):
            with self.subTest(command):
                r = run(command, path, *(["-o", os.path.join(d, "bad.pdf")] if command == "render" else []))
                self.assertSurvived(r)
                self.assertEqual(r.code, 2, r)
                self.assertRegex(r.err, re.escape(path) + r":¶\d+.*error: .*word/media/\S+\.png.* " + k.refused)
                self.assertFalse(os.path.exists(os.path.join(d, "bad.pdf")))


def big_png(path, width, height, shade):
    """A valid 16-bit RGB PNG of width × height (a horizontal gradient that
    differs by `shade`, every row alike, so it is written quickly and
    compresses to a few MB)."""
    row = b"\0" + b"".join(struct.pack(">HHH", (x * 65535) // width, shade * 4099 % 65536, 40000)
                           for x in range(width))
    c = zlib.compressobj(1)
    data = b"".join(c.compress(row) for _ in range(height)) + c.flush()

    def chunk(kind, d):
        return struct.pack(">I", len(d)) + kind + d + struct.pack(">I", zlib.crc32(kind + d))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0))
                + chunk(b"IDAT", data) + chunk(b"IEND", b""))


class ImageMemory(HostileCase):
    @unittest.skipIf(SANITIZED, "peak RSS means little under AddressSanitizer")
    def test_large_figures_are_decoded_one_at_a_time(self):
        # Four distinct 16-Mpx 16-bit PNGs: 48 MB of 8-bit RGB pixels each
        # once decoded (96 MB at 16 bits). libharu held about 200 MB for
        # them (ten of 36 Mpx: 1.2 GB, bench/images.py); decoded,
        # compressed and released a row at a time, they need less than the
        # pixels of two of them.
        d = workdir("images-memory")
        body = ""
        for n in range(4):
            big_png(os.path.join(d, f"big{n}.png"), 4000, 4000, n)
            body += f'<figure src="big{n}.png"><caption>大图{n}</caption></figure>'
        xml = write(d, "big.xml", report(body))
        r, pdf = self.render(d, xml)
        self.assertRendered(r, pdf)
        self.assertLess(r.peak_rss_mb, 100, f"peak RSS {r.peak_rss_mb:.0f} MB")


class FigureRoots(HostileCase):
    """A figure must lie in the report's own directory unless --figures
    allows another: no absolute paths, no ../ out of it, no symbolic link
    out of it, and the refusal does not tell whether what lies outside
    exists."""

    def setUp(self):
        self.dir = workdir("figure-roots")
        self.report_dir = os.path.join(self.dir, "report")
        self.outside = os.path.join(self.dir, "elsewhere")
        os.makedirs(os.path.join(self.report_dir, "figs"))
        os.makedirs(self.outside)
        shutil.copy(SAMPLE_PNG, os.path.join(self.report_dir, "figs", "inside.png"))
        shutil.copy(SAMPLE_PNG, os.path.join(self.outside, "secret.png"))

    def figure(self, src, name="r.xml"):
        return write(self.report_dir, name, figure_report(src))

    def test_paths_out_of_the_report_directory_are_refused_alike(self):
        secret = os.path.join(self.outside, "secret.png")
        os.symlink(secret, os.path.join(self.report_dir, "link.png"))
        os.symlink(self.outside, os.path.join(self.report_dir, "linkdir"))
        cases = {
            "absolute": secret,
            "absolute, missing": os.path.join(self.outside, "nothing.png"),
            "../": "../elsewhere/secret.png",
            "../, missing": "../elsewhere/nothing.png",
            "../ through a subdirectory": "figs/../../elsewhere/secret.png",
            "/etc/passwd": "/etc/passwd",
            "a link to a file outside": "link.png",
            "a link to a directory outside": "linkdir/secret.png",
        }
        messages = {}
        for case, src in cases.items():
            with self.subTest(case):
                xml = self.figure(src)
                for command in ("render", "check"):
                    r = run(command, xml, *(["-o", os.path.join(self.dir, "r.pdf")] if command == "render" else []))
                    self.assertRefused(r, xml, r"is not inside the report's folder or a folder allowed with --figures")
                    self.assertFalse(os.path.exists(os.path.join(self.dir, "r.pdf")))
                # Whether it exists or not, the words are the same. (The
                # value is echoed cut at 80 characters, so it is replaced
                # by its quotes, not by the path: the test directory's
                # length decides where an absolute path is cut.)
                messages[case] = re.sub(r'\(图片文件\) "[^"]*"', '(图片文件) "SRC"', r.err)
        self.assertEqual(len({m for m in messages.values()}), 1, "\n".join(messages.values()))

    def test_figures_inside_the_report_directory_render(self):
        os.symlink("figs/inside.png", os.path.join(self.report_dir, "inner-link.png"))
        for src in ("figs/inside.png", "./figs/../figs/inside.png", "inner-link.png",
                    os.path.join(self.report_dir, "figs", "inside.png")):
            with self.subTest(src):
                xml = self.figure(src)
                r, pdf = self.render(self.dir, xml)
                self.assertRendered(r, pdf)

    def test_figures_option_allows_another_directory(self):
        for src in (os.path.join(self.outside, "secret.png"), "../elsewhere/secret.png"):
            with self.subTest(src):
                xml = self.figure(src)
                r, pdf = self.render(self.dir, xml, "--figures", self.outside)
                self.assertRendered(r, pdf)
                r = run("check", xml, "--figures", self.outside)
                self.assertEqual(r.code, 0, r)
        # Repeatable, and no wider than asked: another directory stays out.
        xml = self.figure(os.path.join(self.outside, "secret.png"))
        r, _ = self.render(self.dir, xml, "--figures", os.path.join(self.report_dir, "figs"),
                           "--figures", self.outside)
        self.assertEqual(r.code, 0, r)
        r, _ = self.render(self.dir, xml, "--figures", os.path.join(self.report_dir, "figs"))
        self.assertRefused(r, xml, r"not inside the report's folder")
        r = run("render", xml, "--figures", os.path.join(self.dir, "no-such-dir"))
        self.assertEqual(r.code, 2)
        self.assertIn("is not a directory", r.err)

    def test_a_fifo_in_the_report_directory_does_not_hang(self):
        os.mkfifo(os.path.join(self.report_dir, "pipe.png"))
        xml = self.figure("pipe.png")
        r, _ = self.render(self.dir, xml, timeout=20)
        self.assertRefused(r, xml, r"is not a file")


# ---------------------------------------------------------------- characters

class OddCharacters(HostileCase):
    def test_zero_width_characters_render(self):
        d = workdir("zero-width")
        text = "零\u200b宽\u200d连\ufeff接字符。"
        xml = write(d, "zw.xml", report(f"<p>{text}</p><p>后\u200b文。</p>"))
        r, pdf = self.render(d, xml)
        pages = self.assertRendered(r, pdf)
        visible = re.sub("[\u200b\u200d\ufeff]", "", "".join(pages))
        self.assertIn("零宽连接字符。", visible)
        self.assertIn("后文。", visible)

    def test_c0_controls_are_refused_naming_the_character(self):
        d = workdir("c0")
        for name, text, code in [("soh", "控制\x01字符", "U+0001"), ("esc", "控制\x1b字符", "U+001B"),
                                 ("vt", "控制\x0b字符", "U+000B"), ("reference", "控制&#1;字符", "&#1;")]:
            with self.subTest(name):
                xml = write(d, name + ".xml", report(f"<p>{text}</p>"))
                r, _ = self.render(d, xml)
                self.assertRefused(r, xml, re.escape(code) + r".*(not allowed|XML allows)")
                self.assertRegex(r.err, re.escape(xml) + r":6:\d+: error:")

    def test_undrawable_characters_are_named_by_code_point(self):
        # DEL and U+0085 (legal in XML) are invisible: a warning that quoted
        # them as they are would show the applicant an empty list, so it
        # names them (U+007F …).
        d = workdir("undrawable")
        xml = write(d, "invisible.xml", report("<p>甲\ufeff乙\u007f丙\u0085丁</p>"))
        r, pdf = self.render(d, xml)
        self.assertRendered(r, pdf)
        lines = [line for line in r.err.splitlines() if "no installed font" in line]
        self.assertTrue(lines, f"no warning about undrawable characters:\n{r!r}")
        for line in lines:
            self.assertRegex(line, r"U\+[0-9A-F]{4}")
        self.assertIn("U+007F", "\n".join(lines))

    def test_characters_drawn_alike_copy_as_written(self):
        # Text pasted from other PDFs carries Kangxi radicals (⼀ U+2F00) and
        # compatibility ideographs beside the ideographs they look like; a
        # font draws both with one glyph, whose ToUnicode entry can name
        # only one of them. The other use is marked with /ActualText, so
        # copying gives back what was written, either way round.
        d = workdir("alike")
        for name, text in (("radical-first", "⼀与一，⼈与人。"), ("ideograph-first", "一与⼀，人与⼈。")):
            with self.subTest(name):
                xml = write(d, name + ".xml", report(f"<p>{text}</p>"))
                r, pdf = self.render(d, xml)
                self.assertRendered(r, pdf)
                # The applicant is told, once per character, where it is.
                warned = [l for l in r.err.splitlines() if "prints like" in l]
                self.assertEqual(len(warned), 2, r.err)
                self.assertRegex(warned[0], re.escape(xml) + r":6:\d+: warning: .*⼀ \(U\+2F00\) prints like 一 \(U\+4E00\)")
                # poppler reads /ActualText (as Acrobat does; MuPDF's plain
                # text extraction does not).
                self.assertIn(text, subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                                   text=True).stdout.replace("\n", ""))

    def test_emoji_and_extension_b_render_with_a_fallback(self):
        d = workdir("emoji")
        xml = write(d, "emoji.xml", report("<p>表情😀👍和扩展B的𠀀𠀁𪚥字。</p>"))
        r, pdf = self.render(d, xml)
        text = "".join(self.assertRendered(r, pdf))
        self.assertIn("😀", text)
        self.assertIn("𠀀𠀁𪚥", text)
        # The warning names the font the Extension B characters come from.
        m = re.search(r"warning: .*𠀀 \(([^)]+)\)", r.err)
        self.assertIsNotNone(m, f"no fallback warning naming a font:\n{r!r}")
        self.assertTrue(m.group(1).strip())


class HostileLinks(HostileCase):
    def test_links_other_than_web_and_mail_are_refused(self):
        # <a href="javascript:…"> or "file:…" must not become a PDF /URI
        # action a reader may follow.
        d = workdir("links")
        for name, href in (("javascript", "javascript:app.alert(1)"), ("file", "file:///etc/passwd"),
                           ("data", "data:text/html,<b>x</b>".replace("<", "&lt;"))):
            with self.subTest(name):
                xml = write(d, name + ".xml", report(f'<p>链接<a href="{href}">点这里</a>。</p>'))
                r, pdf = self.render(d, xml)
                self.assertRefused(r, xml, r"<a>.*href=.*(not a web address|http)")
                self.assertFalse(os.path.exists(pdf))
        with self.subTest("https"):
            xml = write(d, "https.xml", report('<p>链接<a href="https://example.org/a?b=1&amp;c=2">网址</a>。</p>'))
            r, pdf = self.render(d, xml)
            self.assertIn("网址", "".join(self.assertRendered(r, pdf)))
            self.assertIn(b"/URI (https:", read(pdf))

    def test_link_address_of_70kb_is_refused_with_the_limit(self):
        # The PDF keeps an address as one string; libharu refuses 64 KB.
        d = workdir("long-link")
        href = "https://example.org/" + "a" * 70_000
        xml = write(d, "long.xml", report(f'<p>链接<a href="{href}">网址</a>。</p>'))
        r, pdf = self.render(d, xml)
        self.assertRefused(r, xml, r"<a> \(链接\) href holds 70020 bytes; a link address may hold at most 8000")
        self.assertFalse(os.path.exists(pdf))
        href = "https://example.org/" + "a" * 7_000
        xml = write(d, "long-but-fine.xml", report(f'<p>链接<a href="{href}">网址</a>。</p>'))
        r, pdf = self.render(d, xml)
        self.assertRendered(r, pdf)
        doc = fitz.open(pdf)
        uris = [link.get("uri") for page in doc for link in page.get_links()]
        doc.close()
        self.assertTrue(uris == [href], "the 7,000-byte address is not the page's link")


# ---------------------------------------------------------------- page-sized pieces

class OversizedPieces(HostileCase):
    def test_footnote_longer_than_three_pages(self):
        d = workdir("long-note")
        note = sentences("注释", 300)
        xml = write(d, "note.xml", report(f"<p>正文开始<fn>{note}</fn>正文结束。</p><p>第二段。</p>", title="长注"))
        r, pdf = self.render(d, xml)
        pages = self.assertRendered(r, pdf)
        self.assertGreaterEqual(len(pages), 4)
        rest = []
        for p in pages:
            p = FOLIO.sub("", p)
            for body in ("长注", "正文开始1正文结束。", "第二段。"):
                p = p.replace(body, "", 1)
            rest.append(re.sub(r"^续", "", p))  # a continued note may be labelled 续
        self.assertContainsText("1" + note, "".join(rest))
        self.assertEqual(len("".join(rest)), len("1" + note))

    def test_table_row_taller_than_a_page(self):
        d = workdir("tall-row")
        cell = sentences("单元格", 200)
        xml = write(d, "row.xml", report(
            f'<p>前文。</p><table><caption>表1 高行</caption><tr><th>甲栏</th><th>乙栏</th></tr>'
            f'<tr><td>{cell}</td><td>短格</td></tr><tr><td>末行</td><td>尾格</td></tr></table><p>后文。</p>',
            title="高行"))
        r, pdf = self.render(d, xml)
        pages = self.assertRendered(r, pdf)
        self.assertGreaterEqual(len(pages), 3)
        # Continuation pages repeat the header row under 续表1; take them
        # out, and the short cell printed beside the tall one's first lines.
        text = "".join(pages[:1] + [p.replace("续表1甲栏乙栏", "", 1) for p in pages[1:]])
        text = FOLIO.sub("", text)
        for piece in ("表1高行", "短格", "末行", "尾格", "后文。"):
            self.assertIn(piece, text)
            text = text.replace(piece, "", 1)
        self.assertContainsText(cell, text)


# ---------------------------------------------------------------- messages

class MessagesThatHelp(HostileCase):
    """What a message shows of the input: where it is, invisible characters
    by code point, and no more than about 80 characters of any name or
    value."""

    def test_characters_no_font_has_are_warned_at_their_text(self):
        d = workdir("missing-glyphs")
        xml = write(d, "missing.xml", report("<p>甲\ufeff乙\u007f丙</p>\n      <p>第二段\U000F0001。</p>"))
        r = run("check", xml, "--json")
        self.assertSurvived(r)
        rows = [json.loads(line) for line in r.out.decode().splitlines()]
        missing = [row for row in rows if row["code"] == "font.missing-char"]
        self.assertEqual([(row["line"], row["args"]["char"]) for row in missing],
                         [(6, "U+007F"), (6, "U+FEFF"), (7, "\U000F0001 (U+F0001)")])
        for row in missing:
            self.assertGreater(row["column"], 0, row)
            for invisible in "\ufeff\u007f":
                self.assertNotIn(invisible, row["message"], row)
        r = run("check", xml)
        self.assertRegex(r.err, re.escape(xml) + r":6:\d+: warning: no installed font has U\+007F; it prints as an empty box")

    def test_a_name_of_100_kb_is_cut_in_the_message(self):
        d = workdir("long-names")
        cases = [
            ("tag", report("<p>正文</p><" + "x" * 100_000 + ">y</" + "x" * 100_000 + ">"), "<" + "x" * 80 + "…>"),
            ("attribute", report("<p>正文</p>").replace('version="1"', 'version="1" ' + "z" * 100_000 + '="1"'),
             "@" + "z" * 80 + "…"),
            ("value", report('<section numbered="' + "n" * 100_000 + '"><h>节</h></section>'), "n" * 80 + "…"),
            ("reference", report('<p>正文<cite ref="' + "r" * 100_000 + '"/></p>'), "r" * 80 + "…"),
        ]
        for name, text, shown in cases:
            with self.subTest(name):
                xml = write(d, name + ".xml", text)
                for args in (["check", xml], ["check", xml, "--json"]):
                    r = run(*args)
                    self.assertEqual(r.code, 2, r)
                    out = r.err + r.out.decode()
                    self.assertIn(shown, out)
                    self.assertLess(max(len(line) for line in out.splitlines()), 600, out[:2000])

    def test_invisible_characters_in_a_value_are_named(self):
        d = workdir("invisible-value")
        xml = write(d, "value.xml", report('<section numbered="ye\u0085s\u200b"><h>节</h></section>'))
        r = run("check", xml)
        self.assertEqual(r.code, 2, r)
        self.assertIn('"ye<U+0085>s<U+200B>"', r.err)
        self.assertNotIn("\u0085", r.err)

    def test_processing_instruction_in_the_text_is_refused_at_its_place(self):
        # Valid XML, but nothing a report needs: refused with line and
        # column (it was "malformed <?…?> declaration" with a line only).
        d = workdir("processing-instruction")
        for name, body, line, column in (("in-text", "<p>正文<?php echo 1; ?>后文</p>", 6, 12),
                                         ("between", "<p>正文</p><?between x?><p>后</p>", 6, 16)):
            with self.subTest(name):
                xml = write(d, name + ".xml", report(body))
                r, pdf = self.render(d, xml)
                self.assertRefused(r, xml, r"a processing instruction <\?\w+ …\?> may stand only before the root element")
                self.assertIn(f"{xml}:{line}:{column}: error:", r.err)
                self.assertFalse(os.path.exists(pdf))
        with self.subTest("before the root"):
            xml = write(d, "prolog.xml", report("<p>正文。</p>", head='<?xml version="1.0" encoding="UTF-8"?>\n'
                                                                   '<?xml-stylesheet href="a.css"?>\n'))
            r, pdf = self.render(d, xml)
            self.assertRendered(r, pdf)


# ---------------------------------------------------------------- templates

class HostileTemplates(HostileCase):
    """A template is input too: values that put text off the page (or made
    it vanish, exit 0) are refused when it loads. The ranges are in
    templates/README.md; tests/unit/style_ranges_test.cpp checks each message."""

    def data_dir(self, d, name, template):
        """A data directory with the installed templates, the font map and
        one more template."""
        root = os.path.join(d, "data")
        shutil.copytree(os.path.join(SOURCE_DIR, "templates"), os.path.join(root, "templates"))
        os.symlink(os.path.join(SOURCE_DIR, "fonts"), os.path.join(root, "fonts"))
        os.makedirs(os.path.join(root, "templates", name))
        write(os.path.join(root, "templates", name), "template.xml", template)
        return root

    def test_values_that_lose_text_are_refused_at_load(self):
        cases = [
            ("size", '<style name="body" label="正文" face="fangsong" size="10000pt"/>',
             r'<style> \(模板\) size="10000pt" is out of range: it must be from 5pt to 72pt'),
            ("margin", '<page size="A4" top="-10mm"/>', r'<page> \(模板\) top="-10mm" is out of range'),
            ("indent", '<style name="body" label="正文" face="fangsong" size="三号" first-indent="900em"/>',
             r'<style> \(模板\) left-indent="0mm" \+ first-indent="900em" start a line 5014.29mm into a text block '
             r"156mm wide, leaving less than one character"),
            ("outdent", '<style name="body" label="正文" face="fangsong" size="三号" first-indent="-900em"/>',
             r'<style> \(模板\) left-indent="0mm" \+ first-indent="-900em" start a line -5014.29mm from the text '
             r"block's left edge, outside it"),
        ]
        for name, element, message in cases:
            with self.subTest(name):
                d = workdir("template-" + name)
                root = self.data_dir(d, "bad", f'<?xml version="1.0" encoding="UTF-8"?>\n'
                                               f'<template name="bad" version="1" extends="outcome">\n'
                                               f'  {element}\n</template>\n')
                xml = write(d, "report.xml", report("<p>正文。</p>").replace('template="outcome"', 'template="bad"'))
                pdf = os.path.join(d, "report.pdf")
                template = os.path.join(root, "templates", "bad", "template.xml")
                for command in (["render", xml, "-o", pdf], ["check", xml]):
                    r = run(*command, env_extra={"BANSHI_DATA_DIR": root})
                    self.assertSurvived(r)
                    self.assertEqual(r.code, 2, r)
                    self.assertRegex(r.err, re.escape(template) + r":3: error: " + message)
                    self.assertFalse(os.path.exists(pdf))


# ---------------------------------------------------------------- inputs that grow

class GrowingInputs(HostileCase):
    """Inputs whose cost grew with the square of their size (bench/scaling.py
    times them at n, 2n, 4n; no timing here): at a modest size each must
    render whole and in the right order."""

    def test_references_are_listed_in_order_of_first_citation(self):
        # Cited in a scrambled order, some twice, some never: the list is
        # by first citation, the uncited after them in the order written.
        d = workdir("many-citations")
        n = 400
        order = [(i * 7) % n for i in range(n) if i % 5 != 4]  # 320 of the 400, scrambled
        body = "".join(f'<p>引{k}<cite ref="r{i}"/>与<cite ref="r{order[0]}"/>。</p>' for k, i in enumerate(order))
        refs = "".join(f'<ref id="r{i}">文献{i}号。</ref>' for i in range(n))
        xml = write(d, "cites.xml", report(body).replace("  </outcome>", f"<references>{refs}</references></outcome>"))
        r, pdf = self.render(d, xml)
        text = FOLIO.sub("", "".join(self.assertRendered(r, pdf)))
        listed = re.findall(r"\[(\d+)\]文献(\d+)号。", text)
        uncited = [i for i in range(n) if i not in set(order)]
        self.assertEqual([int(k) for k, _ in listed], list(range(1, n + 1)))
        self.assertEqual([int(i) for _, i in listed], order + uncited)

    def test_table_cell_of_20000_characters_renders_whole(self):
        d = workdir("long-cell")
        cell = sentences("格", 1000)[:20_000]
        xml = write(d, "cell.xml", report(f"<table><caption>表1 长格</caption><tr><th>甲</th><th>乙</th></tr>"
                                          f"<tr><td>{cell}</td><td>短</td></tr></table><p>后文。</p>"))
        r, pdf = self.render(d, xml)
        pages = self.assertRendered(r, pdf)
        text = FOLIO.sub("", "".join(pages[:1] + [p.replace("续表1甲乙", "", 1) for p in pages[1:]]))
        text = text.replace("短", "", 1)
        self.assertContainsText(cell, text)
        self.assertIn("后文。", text)

    def test_letter_with_2000_combining_marks_renders_with_its_marks(self):
        d = workdir("combining-marks")
        xml = write(d, "marks.xml", report("<p>前文a" + "\u0301" * 2000 + "b后文。</p>"))
        r, pdf = self.render(d, xml)
        text = "".join(self.assertRendered(r, pdf))
        self.assertIn("前文a", text)
        self.assertIn("b后文。", text)
        # Every mark is drawn (text extraction drops glyphs drawn on top of
        # the same glyph, so count what the page draws).
        doc = fitz.open(pdf)
        drawn = sum(1 for span in doc[0].get_texttrace() for c in span["chars"] if c[0] == 0x301)
        doc.close()
        self.assertEqual(drawn, 2000)

    def test_zero_width_spaces_each_in_its_own_span_stay_on_one_line(self):
        # Invisible clusters that cannot join a letter (each in a span of
        # its own) take no room: the line around them is one line.
        d = workdir("zero-width-spans")
        xml = write(d, "zw.xml", report("<p>甲" + "<b>\u200b</b>\u200b" * 2000 + "乙。</p>"))
        r, pdf = self.render(d, xml)
        self.assertRendered(r, pdf)
        doc = fitz.open(pdf)
        lines = [re.sub("\u200b", "", "".join(s["text"] for s in line["spans"]))
                 for block in doc[0].get_text("dict")["blocks"] for line in block.get("lines", [])]
        doc.close()
        self.assertIn("甲乙。", lines)

    def test_footnote_of_twenty_pages_continues_whole(self):
        # A note cut at a page's foot goes on at the next one's, marked 续,
        # as many times as it takes; nothing is lost or repeated.
        d = workdir("twenty-page-note")
        note = sentences("注", 1200)
        xml = write(d, "note.xml", report(f"<p>正文<fn>{note}</fn>。</p>", title="长注"))
        r, pdf = self.render(d, xml)
        pages = [FOLIO.sub("", p) for p in self.assertRendered(r, pdf)]
        self.assertGreater(len(pages), 20)
        self.assertTrue(pages[0].startswith("长注正文1。1注第1句"), pages[0][:40])
        rest = [pages[0][len("长注正文1。1"):]]
        for p in pages[1:]:
            self.assertTrue(p.startswith("续"), p[:20])
            rest.append(p[1:])
        self.assertContainsText(note, "".join(rest))
        self.assertEqual(len("".join(rest)), len(note))

    def test_thousand_footnotes_in_a_row_are_all_printed_on_the_page(self):
        # One line carries 44 markers, more notes than a page holds: they
        # fill its foot and go on at the next pages' (they ran off the top
        # of the page, notes 1 to 3 lost).
        d = workdir("notes-in-a-row")
        xml = write(d, "notes.xml", report("<p>正文" + "".join(f"<fn>注{i}。</fn>" for i in range(1, 1001)) + "。</p>"))
        r, pdf = self.render(d, xml)
        self.assertRendered(r, pdf)
        doc = fitz.open(pdf)
        notes = []
        for page in doc:
            for x0, y0, x1, y1, text, *_ in page.get_text("blocks"):
                self.assertGreaterEqual(y0, 0, f"text above page {page.number + 1}: {text[:40]}")
                self.assertLessEqual(y1, page.rect.height, f"text below page {page.number + 1}: {text[:40]}")
            notes += re.findall(r"注(\d+)。", "".join(page.get_text().split()))
        doc.close()
        self.assertEqual([int(n) for n in notes], list(range(1, 1001)))


# ---------------------------------------------------------------- output files

def large_report(directory):
    """A report that keeps banshi busy for a while (about 1,400 pages)."""
    para = sentences("大文档", 200)
    return write(directory, "large.xml", report("".join(f"<p>{para}</p>" for _ in range(150)), title="大文档"))


class InterruptedRender(HostileCase):
    def test_killed_render_leaves_the_old_pdf_and_no_temporary(self):
        d = workdir("killed")
        good = write(d, "good.xml", report("<p>完好的旧文件。</p>"))
        large = large_report(d)
        pdf = os.path.join(d, "out.pdf")
        # How long a whole render takes here; the signals come well inside it.
        t0 = time.monotonic()
        self.assertEqual(run("render", large, "-o", os.path.join(d, "whole.pdf"), "--impose", "none").code, 0)
        whole = time.monotonic() - t0
        for sig in (signal.SIGKILL, signal.SIGTERM):
            killed = 0
            for fraction in (0.1, 0.3, 0.6):
                with self.subTest(signal=sig.name, at=fraction):
                    r = run("render", good, "-o", pdf, "--impose", "none")
                    self.assertEqual(r.code, 0, r)
                    before = read(pdf)
                    p = subprocess.Popen([BANSHI, "render", large, "-o", pdf, "--impose", "none"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    time.sleep(whole * fraction)
                    p.send_signal(sig)
                    code = p.wait(timeout=TIMEOUT)
                    if code == -sig:
                        killed += 1
                        self.assertEqual(read(pdf), before, "the old PDF was touched by a killed render")
                    else:
                        # Finished before the signal: the new PDF, whole.
                        self.assertEqual(code, 0)
                        self.assertGreater(len(pdf_pages(pdf)), 100)
                    self.assertEqual(leftovers(d, "out.pdf"), [])
            self.assertGreater(killed, 0, f"no render was still running to take {sig.name}")

    def test_render_killed_while_writing_keeps_the_old_pdf_and_leaves_no_temporary(self):
        # RLIMIT_FSIZE makes the kernel kill banshi (SIGXFSZ) in the middle
        # of writing its output: a deterministic "killed mid-write". The old
        # PDF must be untouched and no ".out.pdf.*" temporary left behind
        # (an unnamed O_TMPFILE file leaves nothing; a named mkstemp one did).
        d = workdir("killed-writing")
        good = write(d, "good.xml", report("<p>完好的旧文件。</p>"))
        pdf = os.path.join(d, "out.pdf")
        self.assertEqual(run("render", good, "-o", pdf, "--impose", "none").code, 0)
        before = read(pdf)
        other = write(d, "other.xml", report("<p>" + sentences("新", 300) + "</p>"))
        r = run("render", other, "-o", pdf, "--impose", "none",
                limits={resource.RLIMIT_FSIZE: 4096, resource.RLIMIT_CORE: 0})
        self.assertEqual(r.code, -signal.SIGXFSZ, r)
        self.assertEqual(read(pdf), before)
        self.assertEqual(leftovers(d, "out.pdf"), [])


class UnwritableOutput(HostileCase):
    def test_unwritable_output_directory_is_a_clear_error(self):
        d = workdir("unwritable")
        xml = write(d, "good.xml", report("<p>正文。</p>"))
        locked = os.path.join(d, "locked")
        os.makedirs(locked)
        os.chmod(locked, 0o555)
        os.chmod(d, 0o755)
        os.chmod(xml, 0o644)
        root = os.geteuid() == 0  # root ignores the mode bits: run as nobody
        cases = [
            ("read-only directory", os.path.join(locked, "out.pdf"), r"(Permission denied|not writable|Read-only)"),
            ("missing directory", os.path.join(d, "no", "such", "dir", "out.pdf"),
             r"(No such file or directory|no directory)"),
        ]
        try:
            for name, out, reason in cases:
                with self.subTest(name):
                    r = run("render", xml, "-o", out, "--impose", "none", drop_privileges=root)
                    self.assertSurvived(r)
                    self.assertIn(r.code, (1, 2), r)
                    self.assertRegex(r.err, r"error: .*" + reason, r)
                    # The message names where it wanted to write.
                    self.assertIn(os.path.dirname(out), r.err)
                    if os.path.isdir(os.path.dirname(out)):
                        self.assertEqual(os.listdir(os.path.dirname(out)), [])
        finally:
            os.chmod(locked, 0o755)


# ---------------------------------------------------------------- batch

class HostileBatch(HostileCase):
    def make_dir(self, name):
        d = workdir(name)
        src = os.path.join(d, "in")
        os.makedirs(src)
        write(src, "a-good.xml", report("<p>第一份好报告。</p>"))
        write(src, "b-malformed.xml", report("<p>粗体<b>没有关闭</p>"))
        write(src, "c-utf16.xml", report("<p>x</p>", head="").encode("utf-16-le"))
        shutil.copy(os.path.join(DATA, "billion-laughs.xml"), os.path.join(src, "d-doctype.xml"))
        shutil.copy(os.path.join(DATA, "not-an-image.png"), src)
        shutil.copy(os.path.join(DATA, "figure-not-an-image.xml"), os.path.join(src, "e-fake-image.xml"))
        shutil.copy(os.path.join(DATA, "figure-missing.xml"), os.path.join(src, "f-missing-image.xml"))
        write(src, "g-control.xml", report("<p>控制\x01字符</p>"))
        write(src, "h-deep.xml", report("<section><h>节</h>" * 100 + "</section>" * 100))
        write(src, "i-good.xml", report("<p>第二份好报告。</p>"))
        shutil.copy(os.path.join(DATA, "truncated.png"), src)
        shutil.copy(os.path.join(DATA, "figure-truncated.xml"), os.path.join(src, "j-truncated-png.xml"))
        return d, src

    def check_batch(self, d, src, expected):
        out = os.path.join(d, "out")
        jsonl = os.path.join(d, "report.jsonl")
        r = run("batch", src, "-o", out, "-j", "2", "--report", jsonl, "--impose", "none")
        self.assertSurvived(r)
        self.assertEqual(r.code, 2, r)
        with open(jsonl, encoding="utf-8") as f:
            rows = {os.path.basename(row["file"]): row for row in map(json.loads, f)}
        self.assertEqual(sorted(rows), sorted(expected), r)
        for name, status in expected.items():
            row = rows[name]
            self.assertEqual(row["status"], status, row)
            if status == "ok":
                self.assertIn("第", "".join(pdf_pages(row["output"])))
            else:
                self.assertIsNone(row["output"])
                self.assertRegex(row["error"], re.escape(name) + r"(:\d+:\d+)?: error: ")
                self.assertFalse(os.path.exists(os.path.join(out, name[:-4] + ".pdf")))
        self.assertRegex(r.err, rf"{len(expected)} files: \d+ ok, \d+ failed")

    def test_batch_goes_on_past_hostile_files(self):
        d, src = self.make_dir("batch")
        expected = {"a-good.xml": "ok", "i-good.xml": "ok"}
        for name in os.listdir(src):
            if name.endswith(".xml"):
                expected.setdefault(name, "invalid")
        self.check_batch(d, src, expected)

    def test_batch_goes_on_past_a_png_short_of_pixel_data(self):
        # A PNG that libpng could not decode would abort the whole batch (see
        # BadImages); it is refused as one invalid job instead.
        d, src = self.make_dir("batch-corrupt")
        shutil.copy(os.path.join(DATA, "short-data.png"), src)
        shutil.copy(os.path.join(DATA, "figure-short-data.xml"), os.path.join(src, "k-short-data.xml"))
        expected = {"a-good.xml": "ok", "i-good.xml": "ok"}
        for name in os.listdir(src):
            if name.endswith(".xml"):
                expected.setdefault(name, "invalid")
        self.check_batch(d, src, expected)


if __name__ == "__main__":
    unittest.main()
