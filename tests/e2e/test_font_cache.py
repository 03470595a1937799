"""The font cache as a user meets it: the first render writes it where the
environment says, later renders read it, and the PDF is byte-identical with
it, without it and when it is stale, corrupt or cannot be written."""

import glob
import os
import shutil
import subprocess
import tempfile
import unittest

from support import BANSHI, SAMPLES

SAMPLE = os.path.join(SAMPLES, "bz25yb119-jiexiang.xml")


class FontCacheTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="banshi-font-cache-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def render(self, name, **env_vars):
        """The PDF's bytes and stderr of the full sample (A4) with these
        environment variables."""
        env = {k: v for k, v in os.environ.items()
               if k not in ("BANSHI_CACHE_DIR", "CACHE_DIRECTORY", "XDG_CACHE_HOME")}
        env["LANG"] = "C.UTF-8"
        env.update(env_vars)
        out = os.path.join(self.tmp, name + ".pdf")
        p = subprocess.run([BANSHI, "render", SAMPLE, "-o", out, "--impose", "none"], env=env,
                           capture_output=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        with open(out, "rb") as f:
            return f.read(), p.stderr.decode()

    def test_same_pdf_with_and_without_the_cache(self):
        plain, plain_err = self.render("plain", BANSHI_CACHE_DIR="")
        cache = os.path.join(self.tmp, "cache")
        cold, cold_err = self.render("cold", BANSHI_CACHE_DIR=cache)
        files = glob.glob(os.path.join(cache, "fonts-*.cache"))
        self.assertEqual(len(files), 1, os.listdir(cache))
        written = os.stat(files[0])
        warm, warm_err = self.render("warm", BANSHI_CACHE_DIR=cache)
        # Read, not written again.
        self.assertEqual(os.stat(files[0]).st_mtime_ns, written.st_mtime_ns)
        self.assertEqual(cold, plain)
        self.assertEqual(warm, plain)
        # The stand-ins' warnings come from the cache too.
        self.assertIn("is not installed; using the stand-in", warm_err)
        self.assertEqual(warm_err.replace("warm.pdf", "plain.pdf"), plain_err)

        # Corrupt: ignored, the PDF the same, the file made good again.
        with open(files[0], "wb") as f:
            f.write(b"not a cache")
        broken, _ = self.render("broken", BANSHI_CACHE_DIR=cache)
        self.assertEqual(broken, plain)
        with open(files[0], "rb") as f:
            self.assertTrue(f.read().startswith(b"19:banshi-font-cache"))

    def test_where_the_cache_goes(self):
        xdg = os.path.join(self.tmp, "xdg")
        self.render("xdg", XDG_CACHE_HOME=xdg)
        self.assertEqual(len(glob.glob(os.path.join(xdg, "banshi", "fonts-*.cache"))), 1)
        service = os.path.join(self.tmp, "service")
        os.mkdir(service)
        self.render("service", CACHE_DIRECTORY=service, XDG_CACHE_HOME=xdg)
        self.assertEqual(len(glob.glob(os.path.join(service, "fonts-*.cache"))), 1)

    def test_no_writable_place(self):
        plain, _ = self.render("plain", BANSHI_CACHE_DIR="")
        blocker = os.path.join(self.tmp, "a-file")
        with open(blocker, "w") as f:
            f.write("not a directory")
        for name in ("first", "second"):
            pdf, _ = self.render(name, BANSHI_CACHE_DIR=os.path.join(blocker, "cache"))
            self.assertEqual(pdf, plain)


if __name__ == "__main__":
    unittest.main()
