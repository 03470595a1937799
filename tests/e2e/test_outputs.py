"""Where the PDF goes: nothing the user did not ask to replace is replaced.
A regular file (or a new name) is replaced atomically; a character device,
a FIFO or an open descriptor (/dev/fd/N, as bash's >(…) gives) is written
plainly and stays what it was; a directory or a socket is refused; the
output is never one of the inputs (by device and inode, not by name); a PDF
that cannot be delivered (a full or closed standard output) is exit 1 with
a clear message. Standard input is held to the 16 MB limit of a file and
read no further than that."""

import os
import select
import socket
import stat
import subprocess
import threading
import unittest

import fitz  # PyMuPDF, Debian's python3-fitz

from support import BANSHI
from test_hostile import HostileCase, read, report, run, workdir, write

GOOD = report("<p>第一段正文。</p>")
LIMIT = 16 << 20  # bytes: a report file, and standard input


def render_to(xml, out, **kw):
    return run("render", xml, "-o", out, "--impose", "none", **kw)


def is_pdf(data):
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


class OutputTargets(HostileCase):
    def test_character_device_is_written_not_replaced(self):
        if os.geteuid() != 0:
            self.skipTest("making a device node (mknod) needs root")
        d = workdir("out-chardev")
        xml = write(d, "a.xml", GOOD)
        node = os.path.join(d, "null")
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
        r = render_to(xml, node)
        self.assertSurvived(r)
        self.assertEqual(r.code, 0, r)
        self.assertTrue(stat.S_ISCHR(os.stat(node).st_mode), "the device node was replaced")
        self.assertEqual(os.listdir(d), ["a.xml", "null"])

    def test_fifo_gets_the_pdf_and_stays_a_fifo(self):
        d = workdir("out-fifo")
        xml = write(d, "a.xml", GOOD)
        fifo = os.path.join(d, "pipe.pdf")
        os.mkfifo(fifo)
        received = bytearray()

        def reader():
            # Non-blocking open and a bounded wait: a banshi that never
            # opens the FIFO fails the test instead of hanging it.
            fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            try:
                opened = False
                while True:
                    ready, _, _ = select.select([fd], [], [], 60)
                    if not ready:
                        return
                    chunk = os.read(fd, 1 << 16)
                    if chunk:
                        opened = True
                        received.extend(chunk)
                    elif opened:
                        return  # the writer closed it
            finally:
                os.close(fd)

        t = threading.Thread(target=reader)
        t.start()
        r = render_to(xml, fifo)
        t.join(90)
        self.assertSurvived(r)
        self.assertEqual(r.code, 0, r)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a file")
        self.assertTrue(is_pdf(bytes(received)), f"the reader got {len(received)} bytes, not a PDF")

    def test_open_descriptor_gets_the_pdf(self):
        # What `banshi render a.xml -o >(gzip > a.pdf.gz)` passes: /dev/fd/N.
        d = workdir("out-devfd")
        xml = write(d, "a.xml", GOOD)
        rd, wr = os.pipe()
        p = subprocess.Popen([BANSHI, "render", xml, "-o", f"/dev/fd/{wr}", "--impose", "none"],
                             pass_fds=(wr,), stderr=subprocess.PIPE)
        os.close(wr)
        with os.fdopen(rd, "rb") as f:
            data = f.read()
        _, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, err)
        self.assertTrue(is_pdf(data))
        doc = fitz.open(stream=data, filetype="pdf")
        self.assertIn("第一段正文", doc[0].get_text())

    def test_directory_and_socket_are_refused_and_left_alone(self):
        d = workdir("out-refused")
        xml = write(d, "a.xml", GOOD)
        directory = os.path.join(d, "dir.pdf")
        os.mkdir(directory)
        sock_path = os.path.join(d, "sock.pdf")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(sock_path)
        try:
            for out, kind, check in ((directory, "a directory", stat.S_ISDIR), (sock_path, "a socket", stat.S_ISSOCK)):
                with self.subTest(kind):
                    r = render_to(xml, out)
                    self.assertRefused(r, out, "is " + kind, line=False)
                    self.assertTrue(check(os.stat(out).st_mode), f"{kind} was replaced")
            self.assertEqual(os.listdir(directory), [])
        finally:
            sock.close()


class InputNeverOverwritten(HostileCase):
    def assertUntouched(self, r, path, before):
        self.assertSurvived(r)
        self.assertEqual(r.code, 2, r)
        self.assertRegex(r.err, r"error: is one of the inputs", r)
        self.assertEqual(read(path), before, f"{path} was overwritten")

    def test_output_named_as_the_input(self):
        d = workdir("same-name")
        xml = write(d, "s.xml", GOOD)
        before = read(xml)
        self.assertUntouched(render_to(xml, xml), xml, before)
        # Another name of the same file: ./s.xml, a hard link, a symlink.
        os.link(xml, os.path.join(d, "hard.xml"))
        os.symlink("s.xml", os.path.join(d, "soft.xml"))
        for other in ("./s.xml", "hard.xml", "soft.xml"):
            with self.subTest(other):
                self.assertUntouched(render_to("s.xml", other, cwd=d), xml, before)

    def test_default_output_name_that_is_the_input(self):
        # An XML report saved as r.pdf: `banshi render r.pdf` would write
        # r.pdf — the input itself.
        d = workdir("default-name")
        pdf = write(d, "r.pdf", GOOD)
        before = read(pdf)
        r = run("render", "r.pdf", "--impose", "none", cwd=d)
        self.assertUntouched(r, pdf, before)

    def test_standard_input_redirected_from_the_output(self):
        d = workdir("stdin-is-output")
        xml = write(d, "s.xml", GOOD)
        before = read(xml)
        with open(xml, "rb") as f:
            p = subprocess.run([BANSHI, "render", "-", "-o", xml, "--impose", "none"], stdin=f,
                               capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"is one of the inputs", p.stderr)
        self.assertEqual(read(xml), before)


class LostStandardOutput(HostileCase):
    def render_to_stdout(self, **popen):
        xml = write(workdir("stdout"), "a.xml", GOOD)
        p = subprocess.run([BANSHI, "render", xml, "-o", "-", "--impose", "none"], stderr=subprocess.PIPE,
                           timeout=120, **popen)
        return p.returncode, p.stderr.decode("utf-8", "replace")

    def test_full_standard_output_is_an_error(self):
        with open("/dev/full", "wb") as full:
            code, err = self.render_to_stdout(stdout=full)
        self.assertEqual(code, 1, err)
        self.assertRegex(err, r"error: cannot write to standard output: No space left on device")

    def test_closed_standard_output_is_an_error(self):
        code, err = self.render_to_stdout(stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
        self.assertEqual(code, 1, err)
        self.assertRegex(err, r"error: standard output is closed")


def feed(args, chunk, total):
    """Runs banshi with `total` bytes of `chunk` offered on standard input
    (a bounded flood, as `head -c TOTAL` would give); returns (exit status,
    stderr, bytes banshi took before it stopped reading)."""
    p = subprocess.Popen([BANSHI, *args], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    err = bytearray()
    t = threading.Thread(target=lambda: err.extend(p.stderr.read()))
    t.start()
    sent = 0
    try:
        while sent < total:
            p.stdin.write(chunk)
            sent += len(chunk)
        p.stdin.close()
    except BrokenPipeError:
        pass
    code = p.wait(timeout=120)
    t.join()
    for f in (p.stdin, p.stderr):
        try:
            f.close()
        except BrokenPipeError:
            pass
    return code, err.decode("utf-8", "replace")[:4000], sent


class StdinFlood(HostileCase):
    # 64 MB offered; a pipe buffers 64 KB beyond what banshi reads.
    TOTAL = 64 << 20
    SLACK = 2 << 20

    def test_render_reads_no_more_than_the_limit(self):
        code, err, sent = feed(["render", "-", "-o", os.devnull], b"\0" * (1 << 20), self.TOTAL)
        self.assertEqual(code, 2, err)
        self.assertRegex(err, r"<stdin>: error: standard input is more than the limit of 16777216 bytes")
        self.assertLessEqual(sent, LIMIT + self.SLACK, "banshi read on past the limit")

    def test_batch_reads_no_more_than_the_limit_of_its_list(self):
        for name, chunk in (("zeros", b"\0" * (1 << 20)), ("names", b"x.xml\n" * (1 << 17))):
            with self.subTest(name):
                out = workdir("batch-flood-" + name)
                code, err, sent = feed(["batch", "-", "-o", out], chunk, self.TOTAL)
                self.assertEqual(code, 2, err)
                self.assertRegex(err, r"<stdin>(:\d+)?: error: (the list of files is more than the limit|"
                                      r"more than 100000 files|holds a NUL byte)")
                self.assertLessEqual(sent, LIMIT + self.SLACK, "banshi read on past the limit")
                self.assertEqual(os.listdir(out), [], "a batch that was refused wrote something")

    def test_list_of_names_is_checked_line_by_line(self):
        out = workdir("batch-list")
        for name, data, message in (
                ("nul", b"a.xml\nb\0.xml\n", r"<stdin>:2: error: holds a NUL byte"),
                ("long", b"a.xml\n" + b"x" * 5000 + b".xml\n", r"<stdin>:2: error: a file name of 5004 bytes"),
                ("many", b"a.xml\n" * 100_001, r"<stdin>:100001: error: more than 100000 files")):
            with self.subTest(name):
                p = subprocess.run([BANSHI, "batch", "-", "-o", out], input=data, capture_output=True, timeout=120)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertRegex(p.stderr.decode("utf-8", "replace")[:4000], message)


class OptionValues(HostileCase):
    def test_empty_output_name_says_so(self):
        xml = write(workdir("empty-o"), "a.xml", GOOD)
        for args in (["render", xml, "-o", ""], ["batch", xml, "-o", ""],
                     ["batch", xml, "-o", workdir("empty-report"), "--report", ""]):
            with self.subTest(args[0]):
                r = run(*args)
                self.assertEqual(r.code, 2, r)
                self.assertRegex(r.err, r"the output name given to (-o|--report) is empty")

    def test_source_date_epoch_outside_the_pdf_date_range_is_refused(self):
        d = workdir("epoch")
        xml = write(d, "a.xml", GOOD)
        pdf = os.path.join(d, "a.pdf")
        env = dict(os.environ)
        for value in ("253402300800", "-1", "99999999999999999999"):
            with self.subTest(value):
                env["SOURCE_DATE_EPOCH"] = value
                p = subprocess.run([BANSHI, "render", xml, "-o", pdf], env=env, capture_output=True, timeout=120)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn(b"is outside 0\xe2\x80\xa6253402300799", p.stderr)
                self.assertFalse(os.path.exists(pdf))
        # The last second of 9999 is a valid PDF date.
        env["SOURCE_DATE_EPOCH"] = "253402300799"
        p = subprocess.run([BANSHI, "render", xml, "-o", pdf], env=env, capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(fitz.open(pdf).metadata["creationDate"][:16], "D:99991231235959")


if __name__ == "__main__":
    unittest.main()
