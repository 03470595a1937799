"""The web page in a real browser (Debian's chromium, driven by
chromedriver and python3-selenium): fill every field of the form, upload a
report, wait for the preview, see a field's error appear beside it and go
when fixed, download the A4 PDF and the booklet and read them with
poppler, reload and find everything kept. Screenshots of the page are kept
in the test output directory (serve-page-*.png) for people to look at."""

import os
import shutil
import subprocess
import tempfile
import time
import unittest

from serve_support import Server
from support import SOURCE_DIR, out_path, pdftotext

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
except ImportError:  # pragma: no cover - .ci/setup installs python3-selenium
    webdriver = None

CHROMEDRIVER = "/usr/bin/chromedriver"

PROJECT = {
    "id": "BZ25YB119",
    "category": "一般课题",
    "title": "红色文化资源赋能巴中乡村振兴的路径研究",
    "leader": "王晓梅",
    "organization": "巴中职业技术学院",
    "filled": "2025-10-20",
}
CHANGES = {
    "project-title": "红色文化资源赋能巴中乡村振兴的路径研究",
    "result-title": "红色文化资源赋能巴中乡村振兴的路径研究（研究报告）",
    "what-changed": "成果形式由论文改为研究报告",
    "planned-form": "论文",
    "actual-form": "研究报告",
    "planned-date": "2025-06-30",
    "actual-date": "2025-09-30",
}
LEADER = {
    "name": "王晓梅", "gender": "女", "ethnicity": "汉", "born": "1982-03", "organization": "巴中职业技术学院",
    "post": "教研室主任", "rank": "副教授", "address": "巴中市巴州区学院路 1 号", "phone": "13908270001",
}
MEMBERS = {
    "original-member": [
        {"name": "赵一", "organization": "巴中职业技术学院", "rank": "讲师", "phone": "13908270002"},
        {"name": "钱二", "organization": "巴中市图书馆", "rank": "馆员", "phone": "13908270003"},
    ],
    "current-member": [
        {"name": "孙三", "organization": "巴中市文化馆", "rank": "助理馆员", "phone": "13908270004"},
    ],
}


@unittest.skipUnless(webdriver and os.path.exists(CHROMEDRIVER) and shutil.which("chromium"),
                     "chromium, chromium-driver and python3-selenium are not installed (.ci/setup installs them)")
class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().__enter__()
        cls.profile = tempfile.mkdtemp(prefix="banshi-chromium-")
        cls.downloads = tempfile.mkdtemp(prefix="banshi-downloads-")
        options = webdriver.ChromeOptions()
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900",
                  f"--user-data-dir={cls.profile}", "--lang=zh-CN"):
            options.add_argument(a)
        options.add_experimental_option("prefs", {"download.default_directory": cls.downloads,
                                                  "download.prompt_for_download": False})
        cls.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        cls.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": cls.downloads})
        cls.url = f"http://127.0.0.1:{cls.server.port}/"

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.__exit__(None, None, None)
        shutil.rmtree(cls.profile, ignore_errors=True)
        shutil.rmtree(cls.downloads, ignore_errors=True)

    # ---------------------------------------------------------------- helpers

    def wait(self, condition, timeout=60, what="condition"):
        end = time.time() + timeout
        while time.time() < end:
            try:
                value = condition()
                if value:
                    return value
            except Exception:  # the page is changing under us: try again
                pass
            time.sleep(0.1)
        self.fail(f"timed out waiting for {what}")

    def by_id(self, id_):
        return self.driver.find_element(By.ID, id_)

    def type_into(self, element, text):
        element.clear()
        element.send_keys(text)

    def preview_state(self):
        return self.by_id("preview-state").text

    def wait_for_preview(self, what="the preview"):
        # A change shows after a short pause: wait for the state to settle.
        time.sleep(0.8)
        self.wait(lambda: "已更新" in self.preview_state() or "仅预览" in self.preview_state(), 90, what)
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#preview .page canvas"), 60, "pages drawn")

    def screenshot(self, name):
        path = out_path(f"serve-page-{name}.png")
        self.driver.save_screenshot(path)
        return path

    def open_fresh(self):
        """The page, with nothing kept from an earlier test."""
        d = self.driver
        d.get(self.url)
        d.execute_script("localStorage.clear(); indexedDB.deleteDatabase('banshi-workbench');")
        d.refresh()
        self.wait(lambda: d.find_elements(By.CSS_SELECTOR, 'input[name="template"]'), 30, "the template choices")

    def field(self, key):
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-key="{key}"]')

    def person_field(self, role, n, key):
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-person="{role}:{n}"][data-key="{key}"]')

    def download(self, button, suffix):
        before = set(os.listdir(self.downloads))
        self.by_id(button).click()

        def done():
            new = [f for f in set(os.listdir(self.downloads)) - before if f.endswith(suffix)]
            return new[0] if new and not any(f.endswith(".crdownload") for f in os.listdir(self.downloads)) else None

        name = self.wait(done, 90, f"the download of {suffix}")
        return os.path.join(self.downloads, name)

    # ---------------------------------------------------------------- the test

    def test_workbench(self):
        d = self.driver
        self.open_fresh()
        self.assertEqual(d.title, "结项申请书在线填报与排版 — 巴中市社会科学界联合会")
        self.by_id("template-jiexiang").click()

        # Every input is labelled: by a <label for>, or by aria-label.
        unlabelled = d.execute_script("""
            return [...document.querySelectorAll('input:not([type=hidden]), textarea')]
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
              .map(e => e.id || e.name);""")
        self.assertEqual(unlabelled, [])

        # The cover.
        for key, value in PROJECT.items():
            self.type_into(self.field(f"project.{key}"), value)
        # 声明 and 是否变更: 否 each, chosen with the keyboard.
        for key in ("declaration.sensitive", "declaration.secret", "changes.changed"):
            radio = d.find_element(By.CSS_SELECTOR, f'input[name="{key}"][value="no"]')
            radio.send_keys(Keys.SPACE)
            self.assertTrue(radio.is_selected(), key)
        for key, value in CHANGES.items():
            self.type_into(self.field(f"changes.{key}"), value)
        for key, value in LEADER.items():
            self.type_into(self.person_field("original-leader", 0, key), value)
        d.find_element(By.XPATH, '//button[text()="与原负责人相同"]').click()
        self.assertEqual(self.person_field("current-leader", 0, "phone").get_attribute("value"), LEADER["phone"])
        for role, people in MEMBERS.items():
            for n, person in enumerate(people):
                self.by_id(f"add-{role}").click()
                for key, value in person.items():
                    self.type_into(self.person_field(role, n, key), value)
        # A row added and removed again.
        self.by_id("add-current-member").click()
        d.find_element(By.CSS_SELECTOR, '#person-current-member tbody tr:last-child button').click()
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, '#person-current-member tbody tr')), 1)

        # The report.
        self.by_id("report-file").send_keys(self.report_file())
        self.wait(lambda: self.by_id("file-name").text, 30, "the file to show")
        self.wait_for_preview("the preview after the upload")
        self.assertRegex(self.preview_state(), r"已更新 · \d+ 页")
        self.assertNotIn("errors", self.by_id("summary").get_attribute("class"))
        self.screenshot("filled")

        # A field's error appears next to it, and goes when it is fixed.
        idf = self.field("project.id")
        self.type_into(idf, "BZ25YB1O9")  # a letter O for a zero
        error = self.wait(lambda: idf.find_element(By.XPATH, '..').find_elements(By.CLASS_NAME, "field-error"),
                          60, "the error beside 立项编号")
        self.assertEqual(idf.get_attribute("aria-invalid"), "true")
        self.assertIn(error[0].get_attribute("id"), idf.get_attribute("aria-describedby"))
        self.assertIn("错误", self.by_id("summary").text)
        self.screenshot("field-error")
        self.type_into(idf, PROJECT["id"])
        self.wait(lambda: not idf.find_element(By.XPATH, '..').find_elements(By.CLASS_NAME, "field-error"),
                  60, "the error to go")
        self.assertIsNone(idf.get_attribute("aria-invalid"))
        self.wait_for_preview("the preview after the fix")

        # The downloads, read back with poppler.
        a4 = self.download("download-a4", ".pdf")
        info = subprocess.run(["pdfinfo", a4], capture_output=True, check=True).stdout.decode()
        self.assertIn("(A4)", info)
        text = pdftotext(a4)
        for s in (PROJECT["title"], PROJECT["organization"], CHANGES["what-changed"], LEADER["address"],
                  MEMBERS["original-member"][1]["name"], MEMBERS["current-member"][0]["phone"],
                  "一、新质生产力推动城乡融合发展的内在机理"):  # from the .docx
            self.assertIn(s, text.replace("\n", ""))
        booklet = self.download("download-booklet", ".a3.pdf")
        info = subprocess.run(["pdfinfo", booklet], capture_output=True, check=True).stdout.decode()
        self.assertIn("(A3)", info)
        saved = self.download("download-xml", ".xml")
        with open(saved, encoding="utf-8") as f:
            self.assertIn(f"<id>{PROJECT['id']}</id>", f.read())

        # A reload keeps everything.
        d.refresh()
        self.wait(lambda: self.field("project.title").get_attribute("value") == PROJECT["title"], 30, "the fields back")
        self.assertEqual(self.person_field("original-member", 1, "name").get_attribute("value"), "钱二")
        self.assertEqual(self.field("changes.what-changed").get_attribute("value"), CHANGES["what-changed"])
        self.assertTrue(d.find_element(By.CSS_SELECTOR, 'input[name="declaration.secret"][value="no"]').is_selected())
        self.wait(lambda: self.by_id("file-name").text, 30, "the file back")
        self.wait_for_preview("the preview after the reload")
        self.screenshot("reloaded")

    def test_pasted_text_and_outcome_alone(self):
        d = self.driver
        self.open_fresh()
        self.by_id("template-outcome").click()
        self.assertFalse(d.find_elements(By.CSS_SELECTOR, '[data-key="project.id"]'))  # no form for the outcome alone
        d.find_element(By.CSS_SELECTOR, 'input[name="report-mode"][value="text"]').click()
        ta = self.by_id("report-text")
        self.type_into(ta, "一篇短文\n\n一、开头\n\n第一段正文。\n\n二、结尾\n\n全文完⼀。")
        self.wait_for_preview()
        # The look-alike character's warning points at its line of the text.
        self.wait(lambda: "第 9 行" in self.by_id("report-text-errors").text, 60, "the warning on line 9")
        self.screenshot("pasted-text")

    def test_filled_form_in_word_fills_the_form(self):
        """A filled 结项申请书 dropped in as a .docx: its fields fill the page's
        form (cover, 声明, change table) and the template becomes 结项申请书."""
        d = self.driver
        self.open_fresh()
        self.by_id("template-outcome").click()
        form = os.path.join(SOURCE_DIR, "tests", "data", "docx", "fixtures", "form-filled.docx")
        self.by_id("report-file").send_keys(form)
        self.wait(lambda: self.field("project.id").get_attribute("value") == "BZ25YB108", 60, "the form's fields")
        self.assertTrue(self.by_id("template-jiexiang").is_selected())
        self.assertEqual(self.field("project.filled").get_attribute("value"), "2025-06-13")
        self.assertEqual(self.field("project.organization").get_attribute("value"), "政协巴中市巴州区委员会办公室")
        self.assertTrue(d.find_element(By.CSS_SELECTOR, 'input[name="declaration.secret"][value="no"]').is_selected())
        self.assertEqual(self.person_field("original-member", 1, "name").get_attribute("value"), "付俊")
        self.assertIn("已从 form-filled.docx 读入表单各栏的内容", self.by_id("import-notice").text)
        self.wait_for_preview("the preview of the form")
        self.assertNotIn("errors", self.by_id("summary").get_attribute("class"))
        self.screenshot("form-docx")

    def test_keyboard_only(self):
        """Every control is reached with Tab, in the page's order, and shows
        where the focus is."""
        d = self.driver
        self.open_fresh()
        d.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
        seen = []
        for _ in range(160):
            ActionChains(d).send_keys(Keys.TAB).perform()
            e = d.switch_to.active_element
            key = e.get_attribute("data-key") or e.get_attribute("name") if e.get_attribute("type") == "radio" else None
            key = key or e.get_attribute("data-key") or e.get_attribute("id") or e.tag_name
            if key == "body":  # past the page's last control
                break
            outline = d.execute_script(
                "const s = getComputedStyle(arguments[0]); const l = arguments[0].closest('label');"
                "return [s.outlineStyle, l ? getComputedStyle(l).outlineStyle : 'none'];", e)
            self.assertTrue("none" not in outline or outline != ["none", "none"], f"{key} shows no focus: {outline}; after {seen}")
            seen.append(key)
        self.assertEqual(d.execute_script("return document.querySelector('.skip-link').textContent"), "跳到填报内容")
        self.assertEqual(seen[0], "a")  # the skip link
        for key in ("template", "project.id", "project.filled", "declaration.secret", "changes.changed",
                    "add-original-member", "report-file", "figure-files", "download-a4", "download-booklet",
                    "download-xml"):
            self.assertIn(key, seen)
        order = [seen.index(k) for k in ("template", "project.id", "report-file", "download-a4")]
        self.assertEqual(order, sorted(order))

    def report_file(self):
        """A report written in Word: the docx importer's fixture made from the
        first sample (Word's heading styles and automatic numbering)."""
        return os.path.join(SOURCE_DIR, "tests", "data", "docx", "fixtures", "word-numbered.docx")


if __name__ == "__main__":
    unittest.main()
