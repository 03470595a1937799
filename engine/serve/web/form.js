// The 结项申请书's fields, built from the field table the server gives
// (GET /api/fields): one input per field, labelled as on the paper form,
// grouped as the form groups them; the people of the change-data table as
// a card per leader and a table of members with rows to add and remove.
// Only the fields the chosen template prints are shown.
//
// values(): the fields as the API takes them (the JSON mirrors the report
// XML); showFindings() puts each finding next to the input it concerns.

const CHOICE_LABELS = { yes: "是", no: "否" };
// The field table's help, when it gives none (it gives every field one).
const TYPE_HINTS = {
  id: "如 BZ25YB119：BZ、年份后两位、两个大写字母、三位数字",
  date: "格式：2025-10-15",
  "year-month": "格式：1979-12",
};
const SECTION_NUMBERS = ["一", "二", "三", "四", "五", "六", "七"];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

function idOf(...parts) {
  return "f-" + parts.join("-").replace(/[^A-Za-z0-9-]/g, "-");
}

export class Form {
  constructor(container, table, onChange) {
    this.container = container;
    this.table = table;
    this.onChange = onChange;
    this.fields = (g) => table.fields.filter((f) => f.group === g);
    this.roles = table.roles;
    this.people = {}; // role → array of {key → value}
    for (const r of this.roles) this.people[r.value] = r.many ? [] : [{}];
    this.values_ = { project: {}, changes: {}, declaration: {} };
    this.prints = new Set();
    this.personOrder = []; // the JSON's person[i] → {role, n}
  }

  // ------------------------------------------------------------ building

  setTemplate(name) {
    const t = this.table.templates.find((x) => x.name === name) || this.table.templates[0];
    this.prints = new Set(t ? t.prints : []);
    this.render();
  }

  hasForm() {
    return this.prints.size > 0;
  }

  printed(group, key) {
    return this.prints.has(`${group}.${key}`);
  }

  render() {
    this.container.replaceChildren();
    this.sectionCount = 1; // 一 is the template choice
    if (!this.hasForm()) return;
    const groupLabel = (k) => (this.table.groups.find((g) => g.key === k) || { label: k }).label;
    this.section("project", groupLabel("project"), "按结项申请书封面填写。", (body) => {
      body.append(this.grid("project", this.fields("project")));
    });
    this.section("declaration", groupLabel("declaration"), "请如实勾选。", (body) => {
      for (const f of this.fields("declaration")) if (this.printed("declaration", f.key)) body.append(this.choice("declaration", f));
    });
    this.section("changes", groupLabel("changes"), "未发生变更的项目，“是否变更”选“否”，前后两栏照实填写即可。", (body) => {
      const changed = this.fields("changes").find((f) => f.type === "choice");
      if (changed && this.printed("changes", changed.key)) body.append(this.choice("changes", changed));
      body.append(this.grid("changes", this.fields("changes").filter((f) => f.type !== "choice")));
      for (const role of this.roles) {
        const shown = this.fields("person").filter((f) => this.printed(role.value, f.key));
        if (shown.length === 0) continue;
        body.append(role.many ? this.memberTable(role, shown) : this.leaderCard(role, shown));
      }
    });
  }

  section(group, title, intro, fill) {
    const number = SECTION_NUMBERS[this.sectionCount++];
    const hid = `h-${group}`;
    const body = el("section", { class: "panel", id: `section-${group}`, "aria-labelledby": hid });
    body.append(el("h2", { class: "panel-title", id: hid }, el("span", { class: "num", text: number }), title));
    if (intro) body.append(el("p", { class: "panel-intro", text: intro }));
    fill(body);
    this.container.append(body);
  }

  // A label–input row for every printed field of `group`.
  grid(group, fields) {
    const grid = el("div", { class: "grid" });
    for (const f of fields) {
      if (!this.printed(group, f.key)) continue;
      const id = idOf(group, f.key);
      const help = f.type === "text" ? null : f.help || TYPE_HINTS[f.type];
      const input = el("input", {
        type: "text",
        id,
        name: `${group}.${f.key}`,
        dataset: { key: `${group}.${f.key}` },
        "aria-required": f.required ? "true" : null,
        "aria-describedby": help ? `${id}-help` : null,
        inputmode: f.type === "text" ? null : "text",
        spellcheck: "false",
        value: this.values_[group][f.key] || "",
        oninput: (e) => {
          this.values_[group][f.key] = e.target.value;
          this.onChange();
        },
      });
      grid.append(
        el("div", { class: "field" },
          el("label", { for: id }, f.label, f.required ? el("span", { class: "required-mark", "aria-hidden": "true", text: "*" }) : null),
          el("div", { class: "control" }, input, help ? el("p", { class: "help", id: `${id}-help`, text: help }) : null)),
      );
    }
    return grid;
  }

  // 是 / 否 for a yes-or-no field.
  choice(group, f) {
    const name = `${group}.${f.key}`;
    const fs = el("fieldset", { class: "choice-group question", dataset: { key: name }, id: idOf(group, f.key) });
    fs.append(el("legend", { text: f.label }));
    const row = el("div", { class: "choices" });
    for (const c of f.choices) {
      const id = idOf(group, f.key, c);
      row.append(
        el("label", { for: id },
          el("input", {
            type: "radio",
            id,
            name,
            value: c,
            checked: this.values_[group][f.key] === c,
            onchange: () => {
              this.values_[group][f.key] = c;
              this.onChange();
            },
          }),
          CHOICE_LABELS[c] || c),
      );
    }
    fs.append(row);
    return fs;
  }

  personInput(role, n, f, labelled) {
    const id = idOf(role.value, n, f.key);
    const person = this.people[role.value][n];
    const help = f.type === "text" ? null : f.help || TYPE_HINTS[f.type];
    const input = el("input", {
      type: "text",
      id,
      dataset: { person: `${role.value}:${n}`, key: f.key },
      "aria-label": labelled ? null : `${role.label}第 ${n + 1} 人 ${f.label}`,
      "aria-describedby": help && labelled ? `${id}-help` : null,
      spellcheck: "false",
      value: person[f.key] || "",
      oninput: (e) => {
        person[f.key] = e.target.value;
        this.onChange();
      },
    });
    return { id, input, help };
  }

  leaderCard(role, fields) {
    const card = el("div", { class: "person", id: `person-${role.value}` });
    const head = el("div", { class: "person-head" }, el("h3", { class: "sub-plain", text: role.label }));
    // 现负责人 is usually 原负责人: one click copies.
    const original = this.roles.find((r) => !r.many && r.value !== role.value && role.value.startsWith("current"));
    if (original)
      head.append(el("button", {
        type: "button", class: "button small secondary", text: `与${original.label}相同`,
        onclick: () => {
          this.people[role.value][0] = { ...this.people[original.value][0] };
          this.render();
          this.onChange();
          document.getElementById(idOf(role.value, 0, fields[0].key))?.focus();
        },
      }));
    card.append(head);
    const grid = el("div", { class: "grid" });
    for (const f of fields) {
      const { id, input, help } = this.personInput(role, 0, f, true);
      grid.append(el("div", { class: "field" },
        el("label", { for: id, text: f.label }),
        el("div", { class: "control" }, input, help ? el("p", { class: "help", id: `${id}-help`, text: help }) : null)));
    }
    card.append(grid);
    return card;
  }

  memberTable(role, fields) {
    const wrap = el("div", { class: "member-block", id: `person-${role.value}` });
    const hid = `h-${role.value}`;
    wrap.append(el("h3", { class: "sub", id: hid }, role.label));
    const table = el("table", { class: "members", "aria-labelledby": hid });
    const head = el("tr", {}, el("th", { class: "index", scope: "col", text: "序号" }));
    for (const f of fields) head.append(el("th", { scope: "col", text: f.label }));
    head.append(el("th", { class: "actions", scope: "col", text: "操作" }));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    const list = this.people[role.value];
    if (list.length === 0)
      body.append(el("tr", { class: "empty" }, el("td", { colspan: fields.length + 2, text: "尚无人员。点击下方“添加一行”。" })));
    list.forEach((_, n) => {
      const tr = el("tr", {}, el("td", { class: "index", text: String(n + 1) }));
      for (const f of fields) tr.append(el("td", {}, this.personInput(role, n, f, false).input));
      tr.append(el("td", { class: "actions" }, el("button", {
        type: "button", class: "button small link", text: "删除", "aria-label": `删除${role.label}第 ${n + 1} 行`,
        onclick: () => {
          list.splice(n, 1);
          this.render();
          this.onChange();
          document.getElementById(`add-${role.value}`)?.focus();
        },
      })));
      body.append(tr);
    });
    table.append(body);
    wrap.append(table);
    const actions = el("div", { class: "row-actions" });
    actions.append(el("button", {
      type: "button", class: "button small", id: `add-${role.value}`, text: `添加一行${role.label}`,
      onclick: () => {
        list.push({});
        this.render();
        this.onChange();
        document.getElementById(idOf(role.value, list.length - 1, fields[0].key))?.focus();
      },
    }));
    const original = this.roles.find((r) => r.many && r.value !== role.value && role.value.startsWith("current"));
    if (original)
      actions.append(el("button", {
        type: "button", class: "button small secondary", text: `与${original.label}相同`,
        onclick: () => {
          this.people[role.value] = this.people[original.value].map((p) => ({ ...p }));
          this.render();
          this.onChange();
        },
      }));
    wrap.append(actions);
    return wrap;
  }

  // ------------------------------------------------------------ values

  // The fields as the API takes them, or null when the template prints no form.
  values() {
    if (!this.hasForm()) return null;
    const pick = (group, obj) => {
      const out = {};
      for (const f of this.fields(group)) if (this.printed(group, f.key)) out[f.key] = (obj[f.key] || "").trim();
      return out;
    };
    const changes = pick("changes", this.values_.changes);
    this.personOrder = [];
    const persons = [];
    for (const role of this.roles) {
      this.people[role.value].forEach((p, n) => {
        const person = { role: role.value };
        let any = false;
        for (const f of this.fields("person")) {
          const v = (p[f.key] || "").trim();
          if (v && this.printed(role.value, f.key)) {
            person[f.key] = v;
            any = true;
          }
        }
        if (!any) return;
        this.personOrder.push({ role: role.value, n });
        persons.push(person);
      });
    }
    if (persons.length) changes.person = persons;
    return { project: pick("project", this.values_.project), changes, declaration: pick("declaration", this.values_.declaration) };
  }

  // What localStorage keeps: everything typed, printed or not.
  snapshot() {
    return { values: this.values_, people: this.people };
  }

  restore(snap) {
    if (!snap) return;
    if (snap.values) for (const g of ["project", "changes", "declaration"]) this.values_[g] = { ...(snap.values[g] || {}) };
    if (snap.people) for (const r of this.roles) if (Array.isArray(snap.people[r.value])) this.people[r.value] = snap.people[r.value].map((p) => ({ ...p }));
    for (const r of this.roles) if (!r.many && this.people[r.value].length === 0) this.people[r.value] = [{}];
  }

  // The fields a report carried (POST /api/import), put in the form.
  load(fields) {
    for (const g of ["project", "changes", "declaration"]) {
      const src = fields[g] || {};
      this.values_[g] = {};
      for (const [k, v] of Object.entries(src)) if (typeof v === "string") this.values_[g][k] = v;
    }
    for (const r of this.roles) this.people[r.value] = [];
    for (const p of (fields.changes && fields.changes.person) || []) {
      if (!this.people[p.role]) continue;
      const person = {};
      for (const [k, v] of Object.entries(p)) if (k !== "role" && typeof v === "string") person[k] = v;
      this.people[p.role].push(person);
    }
    for (const r of this.roles) if (!r.many && this.people[r.value].length === 0) this.people[r.value] = [{}];
    this.render();
  }

  // ------------------------------------------------------------ findings

  // The input a finding concerns, or null. A finding's "field" is the
  // form element it was found at ("project.id", "changes.person[2]",
  // "project" for a missing field); its XML path names the field itself.
  inputFor(finding) {
    let key = finding.field || "";
    if (!key) return null;
    // "<changes>/<person role="x">/<phone>" → "phone"; "<changes>/@changed" → "changed".
    const leaf = (finding.path || "").split("/").pop().replace(/^@/, "").replace(/^<([^ >]+)[^>]*>$/, "$1");
    const last = key.split(".").pop().replace(/\[\d+\]$/, "");
    if (leaf && leaf !== last) key = `${key}.${leaf}`;
    const person = key.match(/^changes\.person\[(\d+)\]\.(.+)$/);
    if (person) {
      const at = this.personOrder[Number(person[1])];
      if (!at) return null;
      return this.container.querySelector(`[data-person="${at.role}:${at.n}"][data-key="${person[2]}"]`);
    }
    return this.container.querySelector(`[data-key="${key}"]`);
  }

  clearFindings() {
    for (const e of this.container.querySelectorAll(".field-error, .field-warning")) e.remove();
    for (const e of this.container.querySelectorAll("[aria-invalid]")) {
      e.removeAttribute("aria-invalid");
      const ids = (e.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && !x.startsWith("err-"));
      if (ids.length) e.setAttribute("aria-describedby", ids.join(" "));
      else e.removeAttribute("aria-describedby");
    }
  }

  // Puts each finding next to its input; returns the findings placed.
  showFindings(findings) {
    this.clearFindings();
    const placed = new Set();
    findings.forEach((f, i) => {
      const input = this.inputFor(f);
      if (!input) return;
      placed.add(f);
      const id = `err-${i}`;
      const msg = el("p", { class: f.severity === "error" ? "field-error" : "field-warning", id, text: f.message });
      const target = input.tagName === "FIELDSET" ? input : input.closest(".control, td") || input.parentElement;
      target.append(msg);
      const focusable = input.tagName === "FIELDSET" ? input.querySelector("input") : input;
      if (f.severity === "error") focusable.setAttribute("aria-invalid", "true");
      const ids = (focusable.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      focusable.setAttribute("aria-describedby", [...ids, id].join(" "));
    });
    return placed;
  }
}
