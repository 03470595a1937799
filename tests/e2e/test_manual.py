"""One description of the command line (engine/manual/banshi.xml) and what is made
of it: the manual page (rendered by groff and man with every warning on),
the help text, the option parsers and the bash completion (sourced in a
real bash and asked as bash asks it)."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from support import BANSHI, SOURCE_DIR, run_banshi

DESCRIPTION = os.path.join(SOURCE_DIR, "engine", "manual", "banshi.xml")


def described():
    """{command: [option elements]} and the root, from the description."""
    root = ET.parse(DESCRIPTION).getroot()
    return root, {c.get("name"): c.findall("option") for c in root.findall("command")}


class ManualPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        code, out, err = run_banshi("help", "--man")
        assert code == 0, err
        cls.roff = out
        cls.tmp = tempfile.mkdtemp(prefix="banshi-man-")
        cls.page = os.path.join(cls.tmp, "banshi.1")
        with open(cls.page, "wb") as f:
            f.write(out)
        r = subprocess.run(["groff", "-ww", "-man", "-Tutf8", cls.page], capture_output=True)
        cls.groff_status, cls.groff_err = r.returncode, r.stderr.decode()
        # Bold and underline overstrikes removed: the page as a reader sees it.
        cls.text = re.sub(r".\x08", "", r.stdout.decode("utf-8"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_groff_gives_no_warnings(self):
        self.assertEqual(self.groff_status, 0)
        self.assertEqual(self.groff_err, "")

    def test_man_renders_it_without_warnings(self):
        if not shutil.which("man"):
            self.skipTest("man-db is not installed")
        env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0", LANG="C.UTF-8")
        r = subprocess.run(["man", "--warnings=w", "-l", self.page], capture_output=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stderr.decode(), "")
        self.assertIn("EXIT STATUS", re.sub(r".\x08", "", r.stdout.decode()))

    def test_ascii_source(self):
        self.roff.decode("ascii")  # non-ASCII as \[uXXXX], read alike by any groff

    def test_the_built_page_is_this_binarys(self):
        built = os.path.join(os.path.dirname(BANSHI), "banshi.1")
        with open(built, "rb") as f:
            self.assertEqual(f.read(), self.roff)

    def test_every_section(self):
        for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT",
                        "FILES", "LIMITS", "EXAMPLES", "SEE ALSO"):
            self.assertRegex(self.text, rf"(?m)^{section}$")
        self.assertIn("巴中市社会科学界联合会", self.text)

    def test_every_command_and_option(self):
        _, commands = described()
        for command, options in commands.items():
            self.assertIn(command, self.text)
            for o in options:
                if o.get("hidden") == "yes":
                    self.assertNotIn(o.get("name"), self.text)
                else:
                    self.assertIn(o.get("name"), self.text, command)

    def test_every_environment_variable_the_sources_read(self):
        names = set()
        for folder, _, files in os.walk(os.path.join(SOURCE_DIR, "engine")):
            if "fuzz" in folder:
                continue
            for name in files:
                if name.endswith((".cpp", ".h")):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        names |= set(re.findall(r'getenv\("([A-Z_]+)"\)', f.read()))
        self.assertIn("BANSHI_DATA_DIR", names)
        environment = self.text[self.text.index("\nENVIRONMENT"):self.text.index("\nFILES")]
        for name in sorted(names):
            if name in ("XDG_DATA_HOME", "XDG_DATA_DIRS", "PATH"):
                continue  # the standard lookups, not banshi's own settings
            self.assertIn(name, environment)

    def test_exit_statuses(self):
        status = self.text[self.text.index("\nEXIT STATUS"):self.text.index("\nENVIRONMENT")]
        for code in ("0", "1", "2", "128+N"):
            self.assertRegex(status, rf"(?m)^\s+{re.escape(code)}\s")


class HelpText(unittest.TestCase):
    def test_overview_names_every_command(self):
        code, out, _ = run_banshi("--help")
        self.assertEqual(code, 0)
        _, commands = described()
        for command in commands:
            self.assertIn(f"banshi {command}", out.decode())
        for line in out.decode().splitlines():
            self.assertLessEqual(len(line), 100, line)

    def test_command_help_lists_its_options(self):
        _, commands = described()
        for command, options in commands.items():
            if command.startswith("-"):
                continue
            for how in (("help", command), (command, "--help")):
                code, out, err = run_banshi(*how)
                self.assertEqual(code, 0, err)
                text = out.decode()
                for o in options:
                    if o.get("hidden") != "yes":
                        self.assertIn(o.get("name"), text, how)
                self.assertIn("--lang", text)

    def test_the_parser_takes_what_is_documented_and_nothing_else(self):
        code, _, err = run_banshi("render", "--impose", "none", "--bogus", "x.xml")
        self.assertEqual(code, 2)
        self.assertIn("unknown option --bogus", err)
        # A documented flag is accepted (fails later, on the missing file).
        code, _, err = run_banshi("check", "--strict", "/nonexistent/report.xml")
        self.assertNotIn("unknown option", err)

    def test_every_command_is_run_by_one_of_the_two_executables(self):
        # banshi runs some commands and hands the others to banshi-full
        # (engine/cli/hand_off.h); each command's parser answers, whichever
        # runs it, and banshi-full answers every command itself.
        full = os.path.join(os.path.dirname(BANSHI), "banshi-full")
        for command in (c for c in described()[1] if not c.startswith("-")):
            for exe in (BANSHI, full):
                r = subprocess.run([exe, command, "--bogus"], capture_output=True, timeout=60)
                err = r.stderr.decode()
                self.assertEqual(r.returncode, 2, (exe, command, err))
                self.assertIn("unknown option --bogus", err, (exe, command))

    def test_unknown_command_help(self):
        code, _, err = run_banshi("help", "frobnicate")
        self.assertEqual(code, 2)
        self.assertIn("unknown command frobnicate", err)


class BashCompletion(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="banshi-completion-")
        cls.script = os.path.join(cls.tmp, "banshi.bash")
        code, out, err = run_banshi("help", "--bash-completion")
        assert code == 0, err
        with open(cls.script, "wb") as f:
            f.write(out)
        cls.files = os.path.join(cls.tmp, "files")
        os.makedirs(os.path.join(cls.files, "sub"))
        for name in ("a.xml", "b.docx", "c.pdf", "d.txt", "serve.conf", "E.DOCX"):
            open(os.path.join(cls.files, name), "w").close()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def complete(self, *words):
        """What bash offers for the last word, the line being `banshi WORDS`."""
        line = " ".join(["banshi", *words])
        words_list = " ".join(f"'{w}'" for w in [BANSHI, *words])
        script = (f"source '{self.script}'\n"
                  f"COMP_WORDS=({words_list}); COMP_CWORD={len(words)}; COMP_LINE='{line}'; COMP_POINT={len(line)}\n"
                  "_banshi\n"
                  "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
        r = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True, cwd=self.files)
        self.assertEqual(r.stderr.decode(), "")
        return sorted(x for x in r.stdout.decode().splitlines() if x)

    def test_commands(self):
        self.assertEqual(self.complete("re"), ["render"])
        self.assertIn("templates", self.complete(""))
        self.assertEqual(self.complete("--lang", "zh", "ch"), ["check"])

    def test_options_and_their_values(self):
        self.assertEqual(self.complete("render", "--im"), ["--impose"])
        self.assertEqual(self.complete("render", "--impose", ""), ["a3-booklet", "none"])
        self.assertEqual(self.complete("batch", "--no"), ["--no-pdfa"])
        self.assertEqual(self.complete("--lang", ""), ["en", "zh"])
        self.assertEqual(self.complete("audit", "--summary", ""), ["csv"])
        self.assertIn("--lang", self.complete("check", "--"))

    def test_hidden_options_are_not_offered(self):
        self.assertEqual(self.complete("serve", "--r"), [])
        self.assertEqual(self.complete("serve", "--sc"), [])

    def test_templates_come_from_the_installation(self):
        self.assertEqual(self.complete("render", "x.xml", "--template", ""), ["jiexiang", "outcome"])

    def test_file_types(self):
        self.assertEqual(self.complete("render", ""), ["E.DOCX", "a.xml", "b.docx", "sub"])
        self.assertEqual(self.complete("audit", ""), ["E.DOCX", "b.docx", "c.pdf", "sub"])
        self.assertEqual(self.complete("render", "a.xml", "-o", ""), ["c.pdf", "sub"])
        self.assertEqual(self.complete("serve", "--config", ""), ["serve.conf", "sub"])
        self.assertEqual(self.complete("batch", "-o", ""), ["sub"])
        self.assertEqual(self.complete("help", "au"), ["audit"])
        self.assertEqual(self.complete("fonts", ""), [])


if __name__ == "__main__":
    unittest.main()
