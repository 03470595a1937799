"""`banshi serve` as a service: the systemd unit an install puts in place
(sandboxing, limits, not enabled, the installed binary and configuration),
checked by systemd-analyze where it can run, and the configuration file the
server reads with --config (real HTTP on loopback)."""

import configparser
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from serve_support import Server
from support import BANSHI, SOURCE_DIR, run_banshi

BUILD_DIR = os.environ.get("BANSHI_BUILD_DIR", os.path.join(SOURCE_DIR, "build"))


def config_server(config, *args):
    """A Server started with --config alone (its --listen from the file)."""
    s = Server()
    s.args = ["serve", "--config", config, *args]
    return s


class Unit(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="banshi-service-")
        cls.prefix = os.path.join(cls.tmp, "prefix")
        subprocess.run(["cmake", "--install", BUILD_DIR, "--prefix", cls.prefix], check=True, capture_output=True)
        cls.unit_file = os.path.join(cls.prefix, "lib", "systemd", "system", "banshi.service")
        cls.unit = configparser.ConfigParser(strict=False, interpolation=None)
        cls.unit.optionxform = str
        cls.unit.read(cls.unit_file, encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_sandboxed_and_limited(self):
        service = self.unit["Service"]
        for key, value in (("DynamicUser", "yes"), ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"),
                           ("PrivateTmp", "yes"), ("ProtectHome", "yes"), ("PrivateDevices", "yes")):
            self.assertEqual(service[key], value, key)
        self.assertRegex(service["MemoryMax"], r"^\d+[KMG]$")
        self.assertRegex(service["TasksMax"], r"^\d+$")
        self.assertNotIn("User", service)  # a dynamic user, never root or a fixed account
        # The one place it may write besides /tmp: the font cache, as $CACHE_DIRECTORY.
        self.assertEqual(service["CacheDirectory"], "banshi")

    def test_runs_the_installed_binary_with_the_installed_configuration(self):
        config = os.path.join(self.prefix, "etc", "banshi", "serve.conf")
        self.assertEqual(self.unit["Service"]["ExecStart"],
                         f"{self.prefix}/bin/banshi serve --config {config}")
        self.assertTrue(os.path.isfile(config))

    def test_not_enabled_by_the_install(self):
        # Only an [Install] section for `systemctl enable`; no wants/ links.
        self.assertEqual(self.unit["Install"]["WantedBy"], "multi-user.target")
        for folder, dirs, _ in os.walk(self.prefix):
            for d in dirs:
                self.assertFalse(d.endswith((".wants", ".requires")), os.path.join(folder, d))

    def test_the_installed_configuration_listens_on_loopback(self):
        with open(os.path.join(self.prefix, "etc", "banshi", "serve.conf"), encoding="utf-8") as f:
            settings = dict(re.findall(r"(?m)^([a-z-]+) = (.*)$", f.read()))
        self.assertEqual(settings["listen"], "127.0.0.1:8080")

    def test_systemd_analyze_verify(self):
        analyze = shutil.which("systemd-analyze")
        if not analyze:
            self.skipTest("systemd-analyze is not installed")
        # A container may lack what verify needs; a unit known to be good tells.
        good = os.path.join(self.tmp, "known-good.service")
        with open(good, "w") as f:
            f.write("[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\n")
        probe = subprocess.run([analyze, "verify", good], capture_output=True)
        if probe.returncode != 0:
            self.skipTest("systemd-analyze verify cannot run here: " + probe.stderr.decode()[:200])
        # Documentation=man:banshi(1) is looked up with man: the installed page.
        env = dict(os.environ, MANPATH=os.path.join(self.prefix, "share", "man"))
        r = subprocess.run([analyze, "verify", self.unit_file], capture_output=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertNotIn("banshi.service", r.stderr.decode())


class ConfigFile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="banshi-conf-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_the_server_reads_its_listen_address_and_limits(self):
        config = self.write("serve.conf", "# comment\nlisten = 127.0.0.1:0   # any free port\nworkers = 2\n"
                            "queue = 5\njob-timeout = 30\njob-memory = 512\nmax-request = 1\n")
        with config_server(config) as s:
            health = s.get("/healthz").json()
            self.assertEqual(health["workers"], 2)
            # max-request = 1 MB: a larger request is refused with 413.
            r = s.request("POST", "/api/check", body=b"x" * (2 << 20),
                          headers={"Content-Type": "application/xml"})
            self.assertEqual(r.status, 413)

    def test_the_command_line_wins(self):
        config = self.write("two.conf", "listen = 127.0.0.1:0\nworkers = 2\n")
        with config_server(config, "-j", "1") as s:
            self.assertEqual(s.get("/healthz").json()["workers"], 1)

    def test_the_packaged_configuration_is_read(self):
        config = os.path.join(SOURCE_DIR, "engine", "install", "serve.conf")
        with Server("--config", config) as s:  # its own --listen 127.0.0.1:0 wins over 8080
            self.assertEqual(s.get("/healthz").json()["status"], "ok")

    def test_every_problem_at_its_line(self):
        config = self.write("bad.conf", "listen = 127.0.0.1:0\nworkres = 2\njust words\nqueue =\n")
        code, _, err = run_banshi("serve", "--config", config)
        self.assertEqual(code, 2)
        self.assertIn(f'{config}:2:1: error: "workres" is not a setting; the settings are listen,', err)
        self.assertIn(f'{config}:3:1: error: "just words" is not a setting: write name = value', err)
        self.assertIn(f"{config}:4:1: error:", err)
        code, _, err = run_banshi("serve", "--config", config, locale="zh_CN.UTF-8")
        self.assertIn("没有“workres”这一设置", err)

    def test_values_are_checked_as_on_the_command_line(self):
        config = self.write("range.conf", "listen = 127.0.0.1:0\nworkers = 0\n")
        code, _, err = run_banshi("serve", "--config", config)
        self.assertEqual(code, 2)
        self.assertIn("--workers", err)

    def test_a_missing_file(self):
        code, _, err = run_banshi("serve", "--config", os.path.join(self.tmp, "absent.conf"))
        self.assertEqual(code, 2)
        self.assertIn("cannot read the configuration file", err)

    def test_config_cannot_set_internal_options(self):
        config = self.write("internal.conf", "render-host = 3\nconfig = other.conf\n")
        code, _, err = run_banshi("serve", "--config", config)
        self.assertEqual(code, 2)
        self.assertIn('"render-host" is not a setting', err)
        self.assertIn('"config" is not a setting', err)


if __name__ == "__main__":
    unittest.main()
