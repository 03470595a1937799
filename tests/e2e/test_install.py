"""banshi installed as Debian software: `cmake --install` into a prefix,
the .deb that `cpack -G DEB` makes (control fields, file list, what
apt-get would do with it), and both run from another directory with a clean
environment, finding their data from the executable's own location."""

import os
import shutil
import subprocess
import tempfile
import unittest

from support import SAMPLES, SOURCE_DIR, pdffonts, pdftotext

BUILD_DIR = os.environ.get("BANSHI_BUILD_DIR", os.path.join(SOURCE_DIR, "build"))
SAMPLE = os.path.join(SAMPLES, "bazhong-xinzhi-outcome.xml")
# A Word document: read by libexec/banshi/banshi-full, which bin/banshi runs.
WORD = os.path.join(SOURCE_DIR, "tests", "data", "audit", "corpus", "docx-body-song.docx")

# What every installed tree holds, relative to its prefix.
INSTALLED = [
    "bin/banshi",
    "libexec/banshi/banshi-full",
    "share/banshi/templates/outcome/template.xml",
    "share/banshi/templates/jiexiang/template.xml",
    "share/banshi/fonts/fontmap.xml",
    "share/banshi/fonts/families.xml",
    "share/doc/banshi/README.md",
    "share/doc/banshi/INPUT.md",
    "share/doc/banshi/TEMPLATES.md",
]


def clean_run(exe, *args, cwd):
    """Runs an installed banshi as a service or a fresh login would: no
    BANSHI_* variables, no PATH tricks, from an unrelated directory."""
    env = {"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    return subprocess.run([exe, *args], cwd=cwd, env=env, capture_output=True, timeout=300)


class Install(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="banshi-install-")
        cls.elsewhere = os.path.join(cls.tmp, "elsewhere")
        os.makedirs(cls.elsewhere)
        shutil.copy(SAMPLE, cls.elsewhere)
        shutil.copy(WORD, cls.elsewhere)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def check_renders(self, exe):
        """Renders a sample with `exe` from another directory, env -i style."""
        r = clean_run(exe, "templates", cwd=self.elsewhere)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn(b"outcome", r.stdout)
        pdf = os.path.join(self.elsewhere, os.path.basename(os.path.dirname(os.path.dirname(exe))) + ".pdf")
        r = clean_run(exe, "render", "bazhong-xinzhi-outcome.xml", "-o", pdf, "-q", cwd=self.elsewhere)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        text = pdftotext(pdf)
        self.assertIn("巴中", text)
        fonts = pdffonts(pdf)
        self.assertTrue(fonts and all(f["emb"] == "yes" for f in fonts), fonts)
        r = clean_run(exe, "check", "bazhong-xinzhi-outcome.xml", cwd=self.elsewhere)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        # What bin/banshi hands to banshi-full, found from bin/ wherever the
        # prefix is: a Word document, and a command of its own.
        r = clean_run(exe, "render", "docx-body-song.docx", "-o", pdf, "-q", cwd=self.elsewhere)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("巴中", pdftotext(pdf))
        r = clean_run(exe, "audit", pdf, cwd=self.elsewhere)
        self.assertIn(r.returncode, (0, 1), r.stderr.decode())
        self.assertTrue(r.stdout, r.stderr.decode())

    def needed(self, exe):
        """The shared libraries an executable names (readelf -d)."""
        out = subprocess.run(["readelf", "-d", exe], check=True, capture_output=True).stdout.decode()
        return {line.split("[")[1].split("]")[0] for line in out.splitlines() if "(NEEDED)" in line}

    def test_cmake_install_into_a_prefix(self):
        prefix = os.path.join(self.tmp, "prefix")
        subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", prefix], check=True, capture_output=True)
        for rel in INSTALLED:
            self.assertTrue(os.path.isfile(os.path.join(prefix, rel)), rel)
        self.check_renders(os.path.join(prefix, "bin", "banshi"))
        # bin/banshi, which renders report XML, loads neither the Word
        # reader's libzip, the server's cpp-httplib nor what they pull in.
        lean = self.needed(os.path.join(prefix, "bin", "banshi"))
        full = self.needed(os.path.join(prefix, "libexec", "banshi", "banshi-full"))
        for lib in ("libzip.so.4", "libcpp-httplib.so.0.11"):
            self.assertNotIn(lib, lean)
            self.assertIn(lib, full)
        self.assertIn("libharfbuzz.so.0", lean)

        # A prefix moved as a whole still works: nothing absolute is baked in.
        moved = os.path.join(self.tmp, "moved")
        shutil.copytree(prefix, moved, symlinks=True)
        self.check_renders(os.path.join(moved, "bin", "banshi"))

        # BANSHI_DATA_DIR still wins over the installed data.
        env = {"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "BANSHI_DATA_DIR": os.path.join(self.tmp, "nowhere")}
        r = subprocess.run([os.path.join(moved, "bin", "banshi"), "templates"], cwd=self.elsewhere, env=env,
                           capture_output=True)
        self.assertEqual(r.stdout, b"")

    def test_a_copy_without_its_data_never_uses_the_source_tree(self):
        lone = os.path.join(self.tmp, "lone", "bin")
        os.makedirs(lone)
        shutil.copy(os.path.join(BUILD_DIR, "banshi"), lone)
        r = clean_run(os.path.join(lone, "banshi"), "templates", cwd=self.elsewhere)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn("cannot find banshi's data", err)
        self.assertIn(os.path.join(self.tmp, "lone", "share", "banshi"), err)
        self.assertIn("BANSHI_DATA_DIR", err)
        # Without banshi-full: what needs it says so (and what to do).
        r = clean_run(os.path.join(lone, "banshi"), "import", "docx-body-song.docx", cwd=self.elsewhere)
        self.assertEqual(r.returncode, 1)
        err = r.stderr.decode()
        self.assertIn(os.path.join(self.tmp, "lone", "libexec", "banshi", "banshi-full"), err)
        self.assertIn("reinstall banshi", err)

    def test_debian_package(self):
        pkgdir = os.path.join(self.tmp, "pkg")
        subprocess.run(["cpack", "-G", "DEB", "--config", os.path.join(BUILD_DIR, "CPackConfig.cmake"), "-B", pkgdir],
                       check=True, capture_output=True)
        debs = [f for f in os.listdir(pkgdir) if f.endswith(".deb")]
        self.assertEqual(len(debs), 1, debs)
        self.assertRegex(debs[0], r"^banshi_\d+\.\d+\.\d+_[a-z0-9]+\.deb$")
        deb = os.path.join(pkgdir, debs[0])

        def field(name):
            return subprocess.run(["dpkg-deb", "-f", deb, name], check=True, capture_output=True).stdout.decode().strip()

        self.assertEqual(field("Package"), "banshi")
        arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True).stdout.decode().strip()
        self.assertEqual(field("Architecture"), arch)
        depends = field("Depends")
        # From dpkg-shlibdeps: the libraries both executables link, with
        # versions (libzip and cpp-httplib: banshi-full's alone).
        for lib in ("libharfbuzz0b (>=", "libhpdf-2.3.0", "libfreetype6", "libfontconfig1", "libtinyxml2",
                    "libzip4", "libcpp-httplib0.11", "libicu72", "libc6 (>="):
            self.assertIn(lib, depends)
        # Used at run time without linking.
        for pkg in ("icc-profiles-free", "libjs-pdf"):
            self.assertIn(pkg, depends)
        recommends = field("Recommends")
        for pkg in ("fonts-noto-cjk", "fonts-arphic-gkai00mp", "texlive-lang-chinese", "fonts-liberation"):
            self.assertIn(pkg, recommends)

        listing = subprocess.run(["dpkg-deb", "-c", deb], check=True, capture_output=True).stdout.decode()
        paths = {line.split()[-1] for line in listing.splitlines()}
        for rel in INSTALLED:
            self.assertIn("./usr/" + rel, paths)
        # Only /usr and /etc: nothing of the build machine leaks in.
        for p in paths:
            self.assertTrue(p == "./" or p.startswith(("./usr/", "./etc/")), p)

        # The package unpacked (as dpkg would) and run from elsewhere.
        root = os.path.join(self.tmp, "root")
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        self.check_renders(os.path.join(root, "usr", "bin", "banshi"))

        # What apt-get would do: every dependency can be had.
        if shutil.which("apt-get"):
            r = subprocess.run(["apt-get", "install", "--simulate", "-q", deb], capture_output=True)
            self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())
            self.assertIn(b"banshi", r.stdout)


if __name__ == "__main__":
    unittest.main()
