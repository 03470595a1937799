"""`banshi serve` for the tests: started on a free loopback port (port 0,
the address read from what it prints), spoken to with real HTTP from the
standard library, stopped with SIGTERM."""

import http.client
import json
import os
import re
import signal
import subprocess
import time
import uuid

from support import BANSHI

REPORT_FIELDS = ("report", "text", "fields", "figure", "template", "impose", "lang", "format")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def header(self, name):
        return self.headers.get(name.lower())

    def timing(self, name):
        """Milliseconds of `name` in the Server-Timing header, or None."""
        m = re.search(rf"(?:^|, ){re.escape(name)};dur=([0-9.]+)", self.header("Server-Timing") or "")
        return float(m.group(1)) if m else None


def multipart(parts):
    """parts: list of (name, value) with value str/bytes, or (name, (filename, bytes))."""
    boundary = "banshi" + uuid.uuid4().hex
    out = bytearray()
    for name, value in parts:
        out += f"--{boundary}\r\n".encode()
        if isinstance(value, tuple):
            filename, data = value
            out += f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'.encode()
            out += b"Content-Type: application/octet-stream\r\n\r\n"
        else:
            data = value
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        out += data.encode("utf-8") if isinstance(data, str) else data
        out += b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


class Server:
    """A running `banshi serve`; use as a context manager."""

    def __init__(self, *args, env=None):
        self.args = ["serve", "--listen", "127.0.0.1:0", *args]
        self.env = dict(os.environ, **(env or {}))
        self.env.setdefault("LANG", "C.UTF-8")

    def __enter__(self):
        self.proc = subprocess.Popen([BANSHI, *self.args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        line = self.proc.stdout.readline().decode("utf-8")
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise AssertionError(f"banshi serve printed {line!r}; stderr: {self.proc.stderr.read().decode()}")
        self.port = int(m.group(1))
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()

    def stop(self, timeout=60):
        """SIGTERM; the exit status."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def connection(self, timeout=120):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=120):
        conn = self.connection(timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, parts, headers=None, **kw):
        body, ctype = multipart(parts)
        return self.request("POST", path, body, {"Content-Type": ctype, **(headers or {})}, **kw)

    def render_host_pid(self):
        """The pid of the render host: the server's child running `serve --render-host`."""
        for _ in range(50):
            for pid, cmd in children_of(self.proc.pid):
                if b"--render-host" in cmd:
                    return pid
            time.sleep(0.1)
        raise AssertionError("no render host")

    def job_pids(self):
        """The jobs running now: the render host's children."""
        return [pid for pid, _ in children_of(self.render_host_pid())]


def children_of(parent):
    """(pid, command line) of each process whose parent is `parent`."""
    out = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        if ppid == parent:
            out.append((int(pid), cmd))
    return out


def sample(name):
    from support import SAMPLES

    with open(os.path.join(SAMPLES, name), "rb") as f:
        return f.read()
