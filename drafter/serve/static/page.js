// drafter serve: draws the form the server describes (from drafter/schema.py), sends the values for a
// preview as the user types, and shows check's findings beside their fields. Plain script, no build step;
// every text from the server is put in with textContent, never as HTML.
"use strict";

(function () {
  const state = JSON.parse(document.getElementById("state").textContent);
  const token = document.querySelector('meta[name="drafter-token"]').content;
  const values = state.values;
  const fields = {};  // path → the field's element
  const form = document.getElementById("facts-form");
  const paper = document.getElementById("preview");
  const status = document.getElementById("status");
  const DEBOUNCE_MS = 120;
  let seq = 0;
  let shown = 0;
  let timer = null;
  let dirty = false;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  function api(path, options) {
    const opts = Object.assign({ method: "POST", headers: {} }, options || {});
    opts.headers["X-Drafter-Token"] = token;
    if (opts.json !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(opts.json);
    }
    return fetch(path, opts);
  }

  function changed() {
    dirty = true;
    setStatus("有未保存的修改");
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  }

  function setStatus(text) { status.textContent = text; }

  // ------------------------------------------------------------------ the form

  let uid = 0;
  function inputId() { uid += 1; return "f" + uid; }

  function textInput(path, value, placeholder, cls) {
    const input = el("input", { type: "text", name: path, class: cls || "", placeholder: placeholder || "" });
    input.value = value || "";
    return input;
  }

  function scalarWidget(node, id) {
    const path = node.path;
    let input;
    if (node.widget === "choice" || node.widget === "flag") {
      input = el("select", { id: id, name: path });
      const options = node.widget === "flag" ? ["是", "否"] : node.choices;
      input.append(el("option", { value: "", text: "（未填）" }));
      for (const c of options) input.append(el("option", { value: c, text: c }));
      input.value = values[path] || "";
      input.addEventListener("change", () => { values[path] = input.value; changed(); });
      return input;
    }
    if (node.widget === "yaml") {
      input = el("textarea", { id: id, name: path, rows: "3" });
      input.value = values[path] || "";
    } else {
      input = textInput(path, values[path], "", node.widget === "number" ? "number" : "");
      input.id = id;
      if (node.choices.length) {  // suggestions only (a --templates folder may add report kinds)
        const list = el("datalist", { id: id + "-choices" });
        for (const c of node.choices) list.append(el("option", { value: c }));
        input.setAttribute("list", list.id);
        return el("span", {}, input, list);
      }
      if (node.widget === "number") input.setAttribute("inputmode", "numeric");
    }
    input.addEventListener("input", () => { values[path] = input.value; changed(); });
    return input;
  }

  function columnInput(node, column, row, i) {
    const name = node.path + "[" + i + "]." + column.key;
    let input;
    if (column.choices.length) {
      input = el("select", { name: name, class: "col-" + column.key });
      input.append(el("option", { value: "", text: column.key + "（未填）" }));
      for (const c of column.choices) input.append(el("option", { value: c, text: c }));
    } else {
      const sample = column.key === node.primary && node.samples[0] && !node.samples[0].includes(":")
        ? node.samples[0] : column.key + (column.required ? "" : "（可不填）");
      input = el("textarea", { name: name, rows: column.key === node.primary ? "2" : "1", placeholder: sample,
                               class: "col-" + column.key });
    }
    input.value = row[column.key] || "";
    input.addEventListener("input", () => { row[column.key] = input.value; changed(); });
    return input;
  }

  function rowsWidget(node) {
    // a list of sentences (rows) or of entries with parts such as 标题/内容 or 问题/整改情况/状态 (records)
    const path = node.path;
    const box = el("div", { class: "rows" });
    const isRecords = node.widget === "records";
    if (!Array.isArray(values[path])) values[path] = [];
    function draw() {
      box.textContent = "";
      values[path].forEach((value, i) => {
        let inputs;
        if (isRecords) {
          inputs = el("div", { class: "inputs" }, ...node.columns.map((c) => columnInput(node, c, value, i)));
        } else {
          const body = el("textarea", { name: path + "[" + i + "]", class: "row-text", rows: "2",
                                        placeholder: node.samples[0] || "" });
          body.value = value;
          body.addEventListener("input", () => { values[path][i] = body.value; changed(); });
          inputs = el("div", { class: "inputs" }, body);
        }
        const remove = el("button", { type: "button", class: "remove", title: "删除这一条", text: "删除",
                                      onclick: () => { values[path].splice(i, 1); draw(); changed(); } });
        box.append(el("div", { class: "row", "data-row": String(i) }, inputs, remove));
      });
    }
    draw();
    const add = el("button", { type: "button", class: "add", text: "＋ 添加一条", onclick: () => {
      const fresh = {};
      for (const c of node.columns) fresh[c.key] = "";
      values[path].push(isRecords ? fresh : "");
      draw();
      const last = box.querySelector(".row:last-child textarea");
      if (last) last.focus();
    } });
    return el("div", {}, box, add);
  }

  function checklistWidget(node) {
    // choices the schema lists (做法): ticked ones are written to the facts file, in the schema's order
    const path = node.path;
    if (!Array.isArray(values[path])) values[path] = [];
    const box = el("div", { class: "checklist" });
    for (const choice of node.choices) {
      const detail = node.samples.find((s) => s.startsWith(choice + "（")) || choice;
      const tick = el("input", { type: "checkbox", name: path, value: choice });
      tick.checked = values[path].includes(choice);
      tick.addEventListener("change", () => {
        const chosen = new Set(values[path]);
        if (tick.checked) chosen.add(choice); else chosen.delete(choice);
        values[path] = node.choices.filter((c) => chosen.has(c))
          .concat(values[path].filter((c) => !node.choices.includes(c)));
        changed();
      });
      box.append(el("label", { class: "tick" }, tick, detail));
    }
    return box;
  }

  function pickerWidget(node) {
    const path = node.path;
    if (!Array.isArray(values[path])) values[path] = [];
    const leads = {};
    const chips = el("div", { class: "chips" });
    const search = el("input", { type: "text", class: "picker-search", name: path + "-search",
                                 placeholder: "搜索片段，如 谈心谈话、党建品牌" });
    const hits = el("ul", { class: "hits" });
    function draw() {
      chips.textContent = "";
      values[path].forEach((id, i) => {
        const label = leads[id] ? id + "　" + leads[id] : id;
        chips.append(el("span", { class: "chip", "data-id": id }, label,
          el("button", { type: "button", title: "去掉", text: "×",
                         onclick: () => { values[path].splice(i, 1); draw(); changed(); } })));
      });
    }
    let searchTimer = null;
    search.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(async () => {
        const q = search.value.trim();
        hits.textContent = "";
        if (!q) return;
        const res = await api("/api/fragments?q=" + encodeURIComponent(q), { method: "GET" });
        if (!res.ok) return;
        for (const h of (await res.json()).hits) {
          leads[h.id] = h.lead;
          hits.append(el("li", { "data-id": h.id, title: h.text, onclick: () => {
            if (!values[path].includes(h.id)) values[path].push(h.id);
            draw(); changed();
          } }, el("span", { class: "id", text: h.id }), h.role + "：" + (h.lead || h.text)));
        }
      }, 200);
    });
    if (values[path].length) {
      api("/api/fragments?ids=" + encodeURIComponent(values[path].join(",")), { method: "GET" })
        .then((r) => r.ok ? r.json() : { hits: [] })
        .then((d) => { for (const h of d.hits) leads[h.id] = h.lead; draw(); });
    }
    draw();
    return el("div", {}, chips, search, hits);
  }

  function fieldNode(node) {
    const id = inputId();
    const wrap = el("div", { class: "field", "data-path": node.path });
    const list = ["rows", "records", "picker", "checklist"].includes(node.widget);
    wrap.append(list ? el("div", { class: "label", text: node.key })
                     : el("label", { for: id, text: node.key }));
    wrap.append(el("div", { class: "comment", text: node.comment + node.example }));
    if (node.widget === "rows" || node.widget === "records") wrap.append(rowsWidget(node));
    else if (node.widget === "checklist") wrap.append(checklistWidget(node));
    else if (node.widget === "picker") wrap.append(pickerWidget(node));
    else wrap.append(scalarWidget(node, id));
    wrap.append(el("div", { class: "errors" }));
    if (node.extra) wrap.dataset.extra = "1";
    fields[node.path] = wrap;
    return wrap;
  }

  function build(nodes, parent) {
    let loose = null;  // top-level fields outside a group share one box
    for (const node of nodes) {
      if (node.widget === "group") {
        loose = null;
        const box = el("fieldset", { "data-path": node.path }, el("legend", { text: node.key }),
                       el("p", { class: "group-comment", text: node.comment }), el("div", { class: "errors" }));
        fields[node.path] = box;
        build(node.children, box);
        parent.append(box);
      } else if (parent === form) {
        if (!loose) { loose = el("fieldset", {}); parent.append(loose); }
        loose.append(fieldNode(node));
      } else {
        parent.append(fieldNode(node));
      }
    }
  }

  // ------------------------------------------------------------------ findings and preview

  function showDiagnostics(diags) {
    for (const box of form.querySelectorAll(".errors")) box.textContent = "";
    for (const f of form.querySelectorAll(".field.has-error")) f.classList.remove("has-error");
    const general = document.getElementById("general-errors");
    general.textContent = "";
    for (const d of diags) {
      const where = d.field && fields[d.field];
      const text = d.label + "：" + (d.row !== null && d.row !== undefined ? "第" + (d.row + 1) + "条：" : "") +
                   (where ? "" : (d.key ? "“" + d.key + "”" : "")) + d.message;
      const line = el("div", { class: "diag " + d.severity, "data-code": d.key || "" }, text,
                      d.hint ? el("span", { class: "hint", text: "（提示：" + d.hint + "）" }) : null);
      if (where) {
        where.querySelector(".errors").append(line);
        if (d.severity === "error") where.classList.add("has-error");
      } else {
        general.append(line);
      }
    }
  }

  function hasValue(value) {
    return Array.isArray(value) ? value.length > 0 : Boolean(value && String(value).trim());
  }

  function showExtras(extras) {
    // counts only some unit types or report kinds have: shown for the chosen 类型/报告类型, or when filled
    const wanted = new Set(extras || []);
    for (const [path, box] of Object.entries(fields)) {
      if (box.dataset.extra) box.hidden = !wanted.has(path) && !hasValue(values[path]);
    }
  }

  function jumpTo(path) {
    const box = fields[path];
    if (!box) return;
    box.hidden = false;
    box.scrollIntoView({ block: "center" });
    const input = box.querySelector("input, textarea, select");
    if (input) input.focus();
    box.classList.remove("flash");
    void box.offsetWidth;
    box.classList.add("flash");
  }

  function drawDocument(blocks) {
    paper.textContent = "";
    for (const b of blocks) {
      const p = el("p", { class: b.kind });
      for (const s of b.spans) {
        if (s.placeholder !== null) {
          const mark = el("mark", { class: "ph", text: s.text, title: "点击填写“" + s.placeholder + "”" });
          if (s.field) {
            mark.dataset.field = s.field;
            mark.addEventListener("click", () => jumpTo(s.field));
          }
          p.append(mark);
        } else if (s.role !== "body" && b.kind === "para") {
          p.append(el("span", { class: "span-" + s.role, text: s.text }));
        } else {
          p.append(s.text);
        }
      }
      paper.append(p);
    }
  }

  function drawMeta(data) {
    const counts = document.getElementById("counts");
    counts.textContent = "";
    for (const c of data.counts) {
      counts.append(el("tr", {}, el("td", { text: c.section }), el("td", { class: "n", text: c.chars + " 字" })));
    }
    counts.append(el("tr", { class: "total" }, el("td", { text: "合计" }),
                     el("td", { class: "n", id: "total-chars", text: data.total + " 字" })));
    const o = data.originality;
    document.getElementById("originality").textContent =
      (o ? "与样例报告的重合度：最高 " + Math.round(o.share * 100) + "%（按 13 字片段计）" : "") +
      "　待补充 " + data.placeholders + " 处" +
      (data.lint.length ? "　规范表述提示 " + data.lint.length + " 处" : "");
  }

  async function refresh() {
    seq += 1;
    const mine = seq;
    const started = performance.now();
    let data;
    try {
      const res = await api("/api/preview", { json: { values: values } });
      data = await res.json();
    } catch (err) {
      setStatus("预览失败：drafter serve 已停止？");
      return;
    }
    if (mine < shown) return;  // an older answer arriving late
    shown = mine;
    showDiagnostics(data.diagnostics || []);
    showExtras(data.extras);
    if (data.ok) {
      drawDocument(data.blocks);
      drawMeta(data);
      paper.classList.remove("stale");
    } else {
      paper.classList.add("stale");
    }
    paper.dataset.seq = String(mine);
    window.drafterLastPreviewMs = performance.now() - started;
  }

  // ------------------------------------------------------------------ save, download, check

  async function showError(res) {
    let message = "操作失败（" + res.status + "）";
    try {
      const body = await res.json();
      if (body.error) message = body.error;
      if (body.diagnostics) showDiagnostics(body.diagnostics);
    } catch (err) { /* not JSON */ }
    setStatus(message);
  }

  document.getElementById("save").addEventListener("click", async () => {
    const res = await api("/api/save", { json: { values: values } });
    if (!res.ok) return showError(res);
    const body = await res.json();
    dirty = false;
    setStatus(!body.changed ? "没有改动，无需保存" :
              "已保存 " + body.saved + (body.backup ? "（原文件备份为 " + body.backup + "）" : ""));
  });

  function filenameOf(res) {
    const header = res.headers.get("Content-Disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : "述职报告.docx";
  }

  async function saveAs(res) {
    const blob = await res.blob();
    const link = el("a", { href: URL.createObjectURL(blob), download: filenameOf(res) });
    document.body.append(link);
    link.click();
    link.remove();
    return link.download;
  }

  document.getElementById("download").addEventListener("click", async () => {
    const res = await api("/api/download", { json: { values: values } });
    if (!res.ok) return showError(res);
    const name = await saveAs(res);
    setStatus("已下载 " + name + (dirty ? "（事实文件尚未保存）" : ""));
  });

  document.getElementById("lint-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const body = new FormData();
    body.append("file", file);
    const res = await api("/api/lint", { body: body });
    event.target.value = "";
    if (!res.ok) return showError(res);
    const result = await res.json();
    const findings = result.findings;
    const box = document.getElementById("lint-results");
    box.hidden = false;
    box.textContent = "";
    box.append(el("strong", { text: "检查已改稿 " + file.name + "：" +
                                     (findings.length ? "发现 " + findings.length + " 处" : "未发现问题") }));
    if (result.annotated) {
      box.append(" ", el("button", { type: "button", id: "annotated", text: "下载带批注的副本",
        onclick: async () => {
          const copy = await api("/api/annotated", { json: { id: result.annotated } });
          if (!copy.ok) return showError(copy);
          setStatus("已下载 " + await saveAs(copy));
        } }));
    }
    const list = el("ol", {});
    for (const f of findings) {
      list.append(el("li", { class: "finding " + f.severity,
                             text: (f.paragraph ? "第" + f.paragraph + "段：" : "全文：") + f.message +
                                   (f.excerpt ? "（" + f.excerpt + "）" : "") +
                                   (f.suggestion ? "→ " + f.suggestion : "") }));
    }
    box.append(list);
    setStatus("已检查 " + file.name);
  });

  window.addEventListener("beforeunload", (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }  // the browser asks before losing edits
  });

  build(state.form, form);
  showExtras(state.extras);
  refresh();
})();
