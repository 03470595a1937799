// The applicant's workbench: the form, the report, the live preview, the
// findings next to what they concern, and the downloads. Everything is
// sent to this server only (the API in the README); what was entered is
// kept in this browser (store.js).

import { Form } from "./form.js";
import { Preview } from "./preview.js";
import * as store from "./store.js";

const $ = (id) => document.getElementById(id);
const PLACEHOLDER_TEXT = "最终成果（尚未提交）";
const DELAY_MS = 500;

const state = { template: "", mode: "file", text: "", files: { report: null, figures: [] } };
let table, form, preview;
let timer = 0;
let inflight = null;
let undo = null;

// ------------------------------------------------------------ requests

function hasReport() {
  return state.mode === "file" ? !!state.files.report : state.text.trim() !== "";
}

// The request the page's state amounts to (multipart, as the API takes it).
function request({ placeholder = true } = {}) {
  const body = new FormData();
  body.append("lang", "zh");
  if (state.template) body.append("template", state.template);
  const fields = form.values();
  if (fields) body.append("fields", JSON.stringify(fields));
  if (state.mode === "file" && state.files.report) {
    body.append("report", state.files.report, state.files.report.name);
    for (const f of state.files.figures) body.append("figure", f, f.name);
  } else if (state.mode === "text" && state.text.trim() !== "") {
    body.append("text", state.text);
  } else if (placeholder) {
    // Before a report is given, the form's own pages are still worth seeing.
    body.append("text", PLACEHOLDER_TEXT);
  }
  return body;
}

function serverMs(res, name) {
  const m = (res.headers.get("Server-Timing") || "").match(new RegExp(`${name};dur=([0-9.]+)`));
  return m ? Math.round(Number(m[1])) : null;
}

function bytesOf(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ------------------------------------------------------------ preview

function setPreviewState(kind, text) {
  const s = $("preview-state");
  s.className = `preview-state ${kind}`;
  s.textContent = text;
}

function schedule(delay = DELAY_MS) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

async function refresh() {
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  setPreviewState("busy", "正在排版…");
  let res, data;
  try {
    res = await fetch("/api/preview", { method: "POST", body: request(), signal: controller.signal });
    data = await res.json();
  } catch (e) {
    if (controller.signal.aborted) return;
    setPreviewState("error", "无法连接服务器，稍后会自动重试");
    schedule(3000);
    return;
  }
  if (controller !== inflight) return;
  if (!res.ok) {
    showFindings({ summary: data.error, errors: 1, warnings: 0, findings: data.findings || [] });
    preview.stale();
    setPreviewState("error", res.status === 503 ? "服务器正忙，稍后自动重试" : "未能排版");
    if (res.status === 503) schedule(2000);
    return;
  }
  showFindings(data);
  if (!data.pdf) {
    preview.stale();
    setPreviewState("error", "有错误，预览停在上一次的排版");
    return;
  }
  const pages = await preview.show(bytesOf(data.pdf));
  if (controller !== inflight) return;
  const ms = serverMs(res, "preview");
  const took = ms !== null ? ` · 排版 ${ms} 毫秒` : "";
  if (data.partial) setPreviewState("warn", `表单有误，仅预览最终成果 · ${pages} 页${took}`);
  else setPreviewState("ok", `已更新 · ${pages} 页${took}`);
}

// ------------------------------------------------------------ findings

function where(f) {
  if (f.paragraph) return `第 ${f.paragraph} 段「${f.excerpt}」`;
  if (f.file === "pasted-text" && f.line) return `第 ${f.line} 行`;
  if (f.line) return `${f.file} 第 ${f.line} 行`;
  if (f.page) return `第 ${f.page} 页`;
  return "";
}

const SEVERITY = { error: "错误", warning: "警告", note: "提示" };

function focusFinding(f, input) {
  if (input) {
    const target = input.tagName === "FIELDSET" ? input.querySelector("input") : input;
    target.focus();
    target.scrollIntoView({ block: "center" });
    return;
  }
  if (state.mode === "text" && f.file === "pasted-text" && f.line) {
    const ta = $("report-text");
    const lines = ta.value.split("\n");
    const start = lines.slice(0, f.line - 1).reduce((n, l) => n + l.length + 1, 0);
    ta.focus();
    ta.setSelectionRange(start, start + (lines[f.line - 1] || "").length);
    return;
  }
  $("report-panel").scrollIntoView({ block: "start" });
}

function showFindings(data) {
  const findings = data.findings || [];
  const summary = $("summary");
  const noReport = !hasReport();
  summary.textContent = `${data.summary || ""}${noReport ? "（尚未提交最终成果）" : ""}`;
  summary.className = `summary ${data.errors ? "errors" : data.warnings ? "warnings" : "ok"}`;

  const placed = form.showFindings(findings);
  // The report's own findings beside the report; those of the whole run
  // (fonts) only in the full list.
  const about = findings.filter((f) => !placed.has(f) && f.file !== "fields" && (f.line || f.paragraph || f.path));
  // The importer's guesses (notes) are many and rarely wrong: counted
  // beside the report, listed in full with the other findings.
  const beside = about.filter((f) => f.severity !== "note");
  const notes = about.length - beside.length;
  for (const id of ["report-errors", "report-text-errors"]) $(id).replaceChildren();
  const list = state.mode === "text" ? $("report-text-errors") : $("report-errors");
  for (const f of beside) {
    const li = document.createElement("li");
    li.className = f.severity;
    const w = where(f);
    if (w) {
      const s = document.createElement("span");
      s.className = "where";
      s.textContent = w;
      li.append(s);
    }
    li.append(`${f.label ? f.label + "：" : ""}${f.message}`);
    list.append(li);
  }
  if (notes) {
    const li = document.createElement("li");
    li.className = "note";
    li.textContent = `读取文件时做了 ${notes} 处判断（如哪些段落是标题、摘要），见右侧“查看全部问题”。`;
    list.append(li);
  }

  const all = $("findings-list");
  all.replaceChildren();
  findings.forEach((f) => {
    const li = document.createElement("li");
    li.className = f.severity;
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button link";
    const input = form.inputFor(f);
    b.textContent = [where(f), f.label].filter(Boolean).join(" ") || "全文";
    b.addEventListener("click", () => focusFinding(f, input));
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = SEVERITY[f.severity] || f.severity;
    li.append(sev, b, `：${f.message}`);
    all.append(li);
  });
  $("findings-box").hidden = findings.length === 0;
  updateDownloads(data.errors || 0);
}

// ------------------------------------------------------------ downloads

function updateDownloads(errors) {
  const help = $("download-help");
  if (!hasReport()) help.textContent = "请先上传报告文件或粘贴正文，再下载打印稿。";
  else if (errors) help.textContent = `还有 ${errors} 个错误：改正后才能下载 PDF 打印稿（报告 XML 随时可以下载保存）。`;
  else help.textContent = "";
  for (const id of ["download-a4", "download-booklet"])
    $(id).setAttribute("aria-disabled", !hasReport() || errors ? "true" : "false");
  $("download-xml").setAttribute("aria-disabled", hasReport() ? "false" : "true");
}

function filenameOf(res, fallback) {
  const cd = res.headers.get("Content-Disposition") || "";
  const star = cd.match(/filename\*=UTF-8''([^;]+)/);
  if (star) return decodeURIComponent(star[1]);
  const plain = cd.match(/filename="([^"]+)"/);
  return plain ? plain[1] : fallback;
}

async function download(kind) {
  const help = $("download-help");
  if (!hasReport()) {
    help.textContent = "请先上传报告文件或粘贴正文，再下载打印稿。";
    return;
  }
  const url = { a4: "/api/render?impose=none", booklet: "/api/render?impose=a3-booklet", xml: "/api/xml" }[kind];
  const button = $(`download-${kind}`);
  const label = button.textContent;
  button.textContent = "正在生成…";
  try {
    const res = await fetch(url, { method: "POST", body: request({ placeholder: false }) });
    if (!res.ok) {
      const data = await res.json();
      if (data.findings) showFindings({ ...data, summary: data.summary || data.error });
      help.textContent = `未能生成：${data.error || res.status}`;
      return;
    }
    const blob = await res.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filenameOf(res, kind === "xml" ? "report.xml" : "report.pdf");
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    help.textContent = `已下载 ${a.download}`;
  } catch {
    help.textContent = "无法连接服务器，请稍后再试。";
  } finally {
    button.textContent = label;
  }
}

// ------------------------------------------------------------ state

function save() {
  store.saveState({ template: state.template, mode: state.mode, text: state.text, zoom: preview.zoom, form: form.snapshot() });
}

function changed() {
  save();
  schedule();
}

function renumber() {
  $("report-num").textContent = form.hasForm() ? "五" : "二";
}

function setTemplate(name) {
  state.template = name;
  for (const r of document.querySelectorAll('input[name="template"]')) r.checked = r.value === name;
  form.setTemplate(name);
  renumber();
}

function setMode(mode) {
  state.mode = mode;
  for (const r of document.querySelectorAll('input[name="report-mode"]')) r.checked = r.value === mode;
  $("mode-file").hidden = mode !== "file";
  $("mode-text").hidden = mode !== "text";
}

function formatSize(n) {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function showFiles() {
  const f = state.files.report;
  $("file-card").hidden = !f;
  $("dropzone").hidden = !!f;
  if (f) {
    $("file-name").textContent = f.name;
    $("file-size").textContent = formatSize(f.size);
  }
  // Figures are uploaded beside a report XML; a Word document holds its own.
  $("figures-field").hidden = !!f && !/\.xml$/i.test(f.name);
  const list = $("figure-list");
  list.replaceChildren(...state.files.figures.map((x) => Object.assign(document.createElement("li"), { textContent: `${x.name}（${formatSize(x.size)}）` })));
}

function notice(text, withUndo) {
  $("import-notice")?.remove();
  const p = document.createElement("p");
  p.className = "notice";
  p.id = "import-notice";
  p.setAttribute("role", "status");
  p.textContent = text;
  if (withUndo) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button link";
    b.textContent = "撤销";
    b.addEventListener("click", () => {
      form.restore(undo.form);
      setTemplate(undo.template);
      p.remove();
      changed();
    });
    p.append(" ", b);
  }
  $("file-card").after(p);
}

// A report that carries the form (a filled-in 结项申请书, or XML saved from
// this page) fills the form's fields.
async function importFields(file) {
  const body = new FormData();
  body.append("lang", "zh");
  body.append("report", file, file.name);
  try {
    const res = await fetch("/api/import", { method: "POST", body });
    if (!res.ok) return;
    const data = await res.json();
    const fields = data.fields || {};
    const known = table.templates.some((t) => t.name === data.template);
    if (Object.keys(fields).length === 0 && !known) return;
    undo = { form: structuredClone(form.snapshot()), template: state.template };
    if (known && data.template !== state.template) setTemplate(data.template);
    if (Object.keys(fields).length) {
      form.load(fields);
      notice(`已从 ${file.name} 读入表单各栏的内容。`, true);
    }
    save();
  } catch {
    // The preview reports what is wrong with the file.
  }
}

async function setReport(file) {
  state.files.report = file;
  if (!file) state.files.figures = [];
  showFiles();
  await store.saveFiles(state.files);
  if (file) await importFields(file);
  changed();
}

// ------------------------------------------------------------ start

function templateChoices() {
  const box = $("template-options");
  box.className = "choices cards";
  const names = { jiexiang: "结项申请书（含最终成果）", outcome: "仅最终成果" };
  for (const t of table.templates) {
    const id = `template-${t.name}`;
    const input = Object.assign(document.createElement("input"), { type: "radio", name: "template", value: t.name, id });
    input.setAttribute("aria-describedby", `${id}-desc`);
    input.addEventListener("change", () => {
      setTemplate(t.name);
      changed();
    });
    const label = document.createElement("label");
    label.htmlFor = id;
    const text = document.createElement("span");
    const strong = document.createElement("strong");
    strong.textContent = names[t.name] || t.name;
    const desc = document.createElement("span");
    desc.className = "desc";
    desc.id = `${id}-desc`;
    desc.textContent = t.description;
    text.append(strong, desc);
    label.append(input, text);
    box.append(label);
  }
}

async function main() {
  table = await (await fetch("/api/fields")).json();
  preview = new Preview($("preview"), $("preview-empty"));
  if (!preview.available) setPreviewState("error", "本机没有安装 pdf.js（libjs-pdf），无法显示预览；检查与下载不受影响。");
  form = new Form($("form-sections"), table, changed);
  templateChoices();

  const saved = store.loadState();
  if (saved) form.restore(saved.form);
  const first = table.templates[0] ? table.templates[0].name : "";
  setTemplate(saved && table.templates.some((t) => t.name === saved.template) ? saved.template : first);
  state.text = (saved && saved.text) || "";
  $("report-text").value = state.text;
  setMode(saved && saved.mode === "text" ? "text" : "file");
  state.files = await store.loadFiles();
  showFiles();

  for (const r of document.querySelectorAll('input[name="report-mode"]'))
    r.addEventListener("change", () => {
      setMode(r.value);
      changed();
    });
  $("report-text").addEventListener("input", (e) => {
    state.text = e.target.value;
    changed();
  });
  $("report-file").addEventListener("change", (e) => {
    if (e.target.files[0]) setReport(e.target.files[0]);
    e.target.value = "";
  });
  $("file-remove").addEventListener("click", () => {
    setReport(null);
    $("import-notice")?.remove();
    $("report-file").focus();
  });
  $("figure-files").addEventListener("change", async (e) => {
    state.files.figures = [...e.target.files];
    showFiles();
    await store.saveFiles(state.files);
    changed();
  });
  const zone = $("dropzone");
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const file = e.dataTransfer.files[0];
    if (file) setReport(file);
  });
  for (const kind of ["a4", "booklet", "xml"]) $(`download-${kind}`).addEventListener("click", () => download(kind));
  if (saved && (saved.zoom === "page" || saved.zoom === "width")) preview.zoom = saved.zoom;
  for (const r of document.querySelectorAll('input[name="zoom"]')) {
    r.checked = r.value === preview.zoom;
    r.addEventListener("change", () => {
      preview.zoom = r.value;
      save();
      preview.relayout();
    });
  }
  let resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => preview.relayout(), 200);
  });

  updateDownloads(0);
  schedule(0);
}

main();
