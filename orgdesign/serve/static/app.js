// The workshop page: holds the scenario (a list of what-ifs), asks the server for the recommendation and the
// comparison with the file after every change, and renders both. Every org string goes in with textContent,
// never as markup, so a hostile department name stays text. No library, no inline script (the CSP forbids it).
"use strict";

const FORMATS = ["html", "pptx", "xlsx", "markdown", "svg", "csv", "json", "mermaid", "dot", "graphml"];
const history = [[]]; // scenarios: each a list of {verb, value}; history[at] is the one shown
let at = 0;
let org = null; // /api/org: departments, objectives, functions, today's owners
const names = new Map(); // id -> name, for departments and objectives
let shownObjective = null; // the owner whose explanation is open

// --- small helpers ---------------------------------------------------------------------------

function $(selector) {
  return document.querySelector(selector);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fill(section, ...children) {
  const body = $(`#${section} .body`);
  body.replaceChildren(...children.filter((child) => child));
}

function name(id) {
  return names.get(id) || id;
}

// The page's words in the language `serve` runs in: /api/org sends each English text with its translation.
function t(english, values = {}) {
  const text = (org && org.words && org.words[english]) || english;
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

// The static words of index.html: data-t names what to translate, "text" (the default) and/or attributes.
function translatePage() {
  for (const node of document.querySelectorAll("[data-t]")) {
    for (const part of (node.getAttribute("data-t") || "text").split(" ")) {
      if (part === "text") node.textContent = t(node.textContent.trim());
      else node.setAttribute(part, t(node.getAttribute(part)));
    }
  }
  document.documentElement.lang = org.lang || "en";
}

function fit(value) {
  if (value === null || value === undefined) return "";
  const format = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return Number(value).toLocaleString((org && org.lang) || "en", format);
}

// --- the scenario ----------------------------------------------------------------------------

function scenario() {
  return history[at];
}

function body(entries) {
  const out = { set: [], without: [], with: [], pin: [], forbid: [] };
  for (const entry of entries) out[entry.verb].push(entry.value);
  return out;
}

function query(entries) {
  const params = new URLSearchParams();
  for (const entry of entries) params.append(entry.verb, entry.value);
  return params;
}

function describe(entry) {
  if (entry.verb === "without") return t("without {department}", { department: name(entry.value) });
  if (entry.verb === "with") return t("with a new {function} team", { function: entry.value.replaceAll("_", " ") });
  if (entry.verb === "pin" || entry.verb === "forbid") {
    const [objective, department] = entry.value.split("=");
    const words = entry.verb === "pin" ? "{objective}: owner must be {department}" : "{objective}: owner must not be {department}";
    return t(words, { objective: name(objective), department: name(department) });
  }
  const [path, value] = entry.value.split("=");
  const parts = path.split(".");
  if (parts[0] === "departments" && parts[2] === "capacity") return t("{department}: capacity {value}", { department: name(parts[1]), value });
  if (parts[0] === "objectives" && parts[2] === "priority") return t("{objective}: priority {value}", { objective: name(parts[1]), value });
  if (parts[0] === "current_owners") return t("{objective}: today's owner {department}", { objective: name(parts[1]), department: name(value) });
  return entry.value;
}

// A new scenario: a `set` replaces an earlier `set` of the same field; the same drop or team twice is once;
// a pin replaces the objective's earlier pin, and a pin or ban replaces the other on the same department.
function changed(entries, entry) {
  const key = (e) => (e.verb === "set" ? `set ${e.value.split("=")[0]}` : `${e.verb} ${e.value}`);
  const objective = (e) => e.value.split("=")[0];
  const contradicts = (e) =>
    (e.verb === "pin" || e.verb === "forbid") &&
    (entry.verb === "pin" || entry.verb === "forbid") &&
    (e.value === entry.value || (e.verb === "pin" && entry.verb === "pin" && objective(e) === objective(entry)));
  const kept = entries.filter((e) => !contradicts(e) && (key(e) !== key(entry) || e.verb === "with"));
  return [...kept, entry];
}

async function propose(entries) {
  if (await show(entries)) {
    history.splice(at + 1, history.length, entries);
    at = history.length - 1;
    controls();
  }
}

// --- talking to the server -------------------------------------------------------------------

async function post(path, payload) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
    credentials: "same-origin",
  });
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = { error: [`${response.status} ${response.statusText}`] };
  }
  return { ok: response.ok, status: response.status, data };
}

function problem(lines) {
  const box = $("#error");
  box.replaceChildren(el("strong", {}, `${t("Not applied:")} `), ...lines.map((line) => el("div", {}, line)));
  box.hidden = false;
}

function clearProblem() {
  $("#error").hidden = true;
  $("#error").replaceChildren();
}

// Recompute for these what-ifs and render; false (and the reason shown) when the server refused them.
async function show(entries) {
  $("#status").textContent = t("computing…");
  const [recommended, compared] = await Promise.all([
    post("/api/recommend", body(entries)),
    post("/api/compare", body(entries)),
  ]);
  $("#status").textContent = "";
  if (!recommended.ok || !compared.ok) {
    problem((recommended.ok ? compared : recommended).data.error || ["the server refused the change"]);
    return false;
  }
  clearProblem();
  learnNames(recommended.data);
  render(recommended.data, compared.data, entries);
  if (shownObjective) explain(shownObjective, entries);
  return true;
}

function learnNames(report) {
  for (const a of report.assignments) {
    names.set(a.objective, a.objective_name);
    names.set(a.owner, a.owner_name);
    if (a.runner_up) names.set(a.runner_up.department, a.runner_up.department_name);
  }
  for (const link of report.links) link.departments.forEach((id, i) => names.set(id, link.department_names[i]));
}

// --- rendering -------------------------------------------------------------------------------

function render(report, comparison, entries) {
  renderScenario(entries);
  renderChanges(comparison, entries);
  const moved = new Map(comparison.ownership_changes.map((change) => [change.objective, change]));
  renderOwners(report, moved);
  $("#chart-img").src = `/api/export?${query(entries)}&format=svg&view=recommended`;
  renderRaci(report);
  renderLinks(report);
  renderFindings(report);
  renderStructure(report, comparison);
  renderGap(report);
  $("#download").href = `/api/export?${query(entries)}&format=${$("#export-format").value}`;
}

function renderScenario(entries) {
  const list = $("#scenario");
  if (!entries.length) {
    list.replaceChildren(el("li", { class: "empty" }, t("the file as it is")));
    return;
  }
  list.replaceChildren(
    ...entries.map((entry, index) => {
      const remove = el("button", { type: "button", class: "remove", title: t("Take this change back") }, "×");
      remove.addEventListener("click", () => propose(entries.filter((_, i) => i !== index)));
      const label = entry.verb === "without" ? "restore: {change}" : "remove: {change}";
      remove.setAttribute("aria-label", t(label, { change: describe(entry) }));
      return el("li", {}, describe(entry), remove);
    }),
  );
}

function renderChanges(c, entries) {
  if (!entries.length) {
    fill("changes", el("p", { class: "quiet" }, t("No what-ifs yet: change something on the left.")));
    return;
  }
  const parts = [];
  const total = c.total_fit;
  const moved = c.ownership_changes.length;
  parts.push(el("p", {}, t("Total fit {before} → {after} ({change}); {moved} of {total} owners moved.", {
    before: fit(total.before), after: fit(total.after), change: (total.change >= 0 ? "+" : "") + fit(total.change),
    moved, total: moved + c.unchanged })));
  if (c.ownership_changes.length) {
    parts.push(el("ul", { class: "moves" }, ...c.ownership_changes.map((m) => {
      const rules = [
        ...m.rules_gained.map((r) => `+ ${r.rule} (${fit(r.contribution)})`),
        ...m.rules_lost.map((r) => `− ${r.rule} (${fit(r.contribution)})`),
      ];
      return el("li", { class: "moved" },
        el("strong", {}, m.objective_name), ": ", m.from_name || t("nobody"), " → ", el("strong", {}, m.to_name || t("nobody")),
        el("div", { class: "note" }, m.note), rules.length ? el("div", { class: "rules" }, rules.join("; ")) : null);
    })));
  }
  const pairs = (list) => list.map((pair) => pair.join(" ↔ "));
  const listed = (title, items, kind) =>
    items.length ? el("div", { class: kind }, el("h3", {}, title), el("ul", {}, ...items.map((i) => el("li", {}, i)))) : null;
  parts.push(listed(t("Links gained"), pairs(c.links_gained_names), "gained"));
  parts.push(listed(t("Links lost"), pairs(c.links_lost_names), "lost"));
  parts.push(listed(t("Findings resolved"), c.findings_resolved.map((f) => `${f.code} ${f.message}`), "gained"));
  parts.push(listed(t("Findings introduced"), c.findings_introduced.map((f) => `${f.code} ${f.message}`), "lost"));
  const s = c.structure;
  const structure = s.before === s.after ? "Structure: {before} (unchanged)" : "Structure: {before} → {after}";
  parts.push(el("p", {}, t(structure, { before: words(s.before), after: words(s.after) })));
  fill("changes", ...parts);
}

function words(model) {
  return (org && org.models && org.models[model]) || String(model || "").replaceAll("_", "-");
}

function renderOwners(report, moved) {
  const rows = report.assignments.map((a) => {
    const move = moved.get(a.objective);
    const button = el("button", { type: "button", class: "explain" }, t("Explain"));
    button.addEventListener("click", () => explain(a.objective, scenario()));
    const runner = a.runner_up ? `${a.runner_up.department_name} (${fit(a.runner_up.fit)})` : "";
    return el("tr", { class: move ? "moved" : "", "data-objective": a.objective },
      el("td", {}, a.objective_name, el("span", { class: "priority", title: t("priority") }, ` P${a.priority}`)),
      el("td", {}, el("strong", {}, a.owner_name), move ? el("div", { class: "note" }, t("was {department}", { department: move.from_name || t("nobody") })) : null),
      el("td", { class: "num" }, fit(a.fit)),
      el("td", {}, runner),
      el("td", {}, button));
  });
  fill("owners", table([t("Objective"), t("Owner"), t("Fit"), t("Runner-up"), ""], rows));
}

function table(headings, rows) {
  return el("div", { class: "scroll" }, el("table", {},
    el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows)));
}

function renderRaci(report) {
  const rows = report.assignments.map((a) => {
    const r = a.raci_names;
    return el("tr", {}, el("td", {}, a.objective_name), el("td", {}, r.responsible.join(", ")),
      el("td", {}, r.accountable || ""), el("td", {}, r.consulted.join(", ")), el("td", {}, r.informed.join(", ")));
  });
  fill("raci", table(["Objective", "Responsible", "Accountable", "Consulted", "Informed"].map((h) => t(h)), rows));
}

function renderLinks(report) {
  if (!report.links.length) return fill("links", el("p", { class: "quiet" }, t("No links needed.")));
  fill("links", el("ul", {}, ...report.links.map((link) =>
    el("li", {}, el("strong", {}, link.department_names.join(" ↔ ")), ": ", link.objective_names.join(", ")))));
}

function renderFindings(report) {
  if (!report.findings.length) return fill("findings", el("p", { class: "quiet" }, t("No findings.")));
  fill("findings", el("ul", {}, ...report.findings.map((f) =>
    el("li", { class: f.severity }, el("span", { class: "code" }, `${f.code} ${f.severity}`), " ", f.message,
      f.help ? el("div", { class: "note" }, `→ ${f.help}`) : null))));
}

function renderStructure(report) {
  const s = report.structure;
  const lines = (items) => el("ul", {}, ...(items || []).map((item) => el("li", {}, item)));
  fill("structure",
    el("p", {}, `${t("Today:")} `, el("strong", {}, words(s.current_model))), lines(s.current_why),
    el("p", {}, `${t("Recommended:")} `, el("strong", {}, words(s.model))), lines(s.why),
    el("p", {}, `${t("Next step:")} `, el("strong", {}, words(s.next))), lines(s.next_why),
    ...(s.proposals || []).map((p) => el("p", { class: "note" },
      t("Proposed: {unit}, reporting to {manager}: {reason}", { unit: p.name, manager: p.reports_to_name, reason: p.reason }))));
}

function renderGap(report) {
  const rows = report.gap.map((g) => el("tr", { class: g.changed ? "moved" : "" },
    el("td", {}, g.objective_name), el("td", {}, g.current_name || t("nobody")), el("td", {}, g.recommended_name),
    el("td", { class: "num" }, `${fit(g.current_fit)} → ${fit(g.recommended_fit)}`)));
  fill("gap", table(["Objective", "Today", "Recommended", "Fit"].map((h) => t(h)), rows));
}

// --- explain ---------------------------------------------------------------------------------

async function explain(objective, entries) {
  shownObjective = objective;
  const answer = await post("/api/explain", { objective, ...body(entries) });
  const section = $("#explain");
  section.hidden = false;
  section.querySelector(".what").textContent = name(objective);
  if (!answer.ok) {
    fill("explain", el("p", { class: "lost" }, (answer.data.error || []).join(" ")));
    return;
  }
  const x = answer.data;
  const parts = [
    el("p", {}, x.runner_up
      ? t("{owner} owns it with a fit of {fit}; the runner-up is {runner_up} at {runner_up_fit}.", {
        owner: name(x.owner), fit: fit(x.fit), runner_up: name(x.runner_up), runner_up_fit: fit(x.runner_up_fit) })
      : t("{owner} owns it with a fit of {fit}.", { owner: name(x.owner), fit: fit(x.fit) })),
    el("h3", {}, t("Reasons (they sum to the fit)")),
    el("ul", {}, ...x.reasons.map((r) => el("li", {}, `${r.rule}: ${r.contribution >= 0 ? "+" : ""}${fit(r.contribution)}`))),
  ];
  const w = x.why_not;
  if (w) {
    parts.push(el("h3", {}, t("Why not {department}? (fit {fit})", { department: name(w.department), fit: fit(w.fit) })));
    parts.push(el("ul", {}, ...w.blockers.map((b) => el("li", {}, b.text))));
    if (w.changes.length) {
      parts.push(el("h3", {}, t("What would flip it")));
      parts.push(el("ul", {}, ...w.changes.map((c) => el("li", {}, c.text))));
    }
  }
  fill("explain", ...parts);
  section.scrollIntoView({ block: "nearest" });
}

// --- the edit panel --------------------------------------------------------------------------

function options(select, items) {
  select.replaceChildren(...items.map(([value, label]) => {
    const option = el("option", {}, label);
    option.value = value;
    return option;
  }));
}

function lever(id, make) {
  const form = $(id);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const entry = make(form.elements);
    if (entry) propose(changed(scenario(), entry));
  });
}

function setUp() {
  const departments = org.departments.map((d) => [d.id, d.name]);
  const objectives = org.objectives.map((o) => [o.id, o.name]);
  for (const select of document.querySelectorAll("select[name=department]")) options(select, departments);
  for (const select of document.querySelectorAll("select[name=objective]")) options(select, objectives);
  options($("#f-add select[name=function]"), org.functions.map((f) => [f, f.replaceAll("_", " ")]));
  options($("#export-format"), FORMATS.map((f) => [f, f]));
  const capacity = $("#f-capacity");
  const showCapacity = () => {
    const d = org.departments.find((x) => x.id === capacity.elements.department.value);
    capacity.elements.value.value = d && d.capacity !== null ? d.capacity : "";
  };
  capacity.elements.department.addEventListener("change", showCapacity);
  showCapacity();
  const priority = $("#f-priority");
  const showPriority = () => {
    const o = org.objectives.find((x) => x.id === priority.elements.objective.value);
    if (o) priority.elements.value.value = String(o.priority);
  };
  priority.elements.objective.addEventListener("change", showPriority);
  showPriority();
  const today = $("#f-today");
  const showToday = () => {
    const owner = org.current_owners[today.elements.objective.value];
    if (owner) today.elements.department.value = owner;
  };
  today.elements.objective.addEventListener("change", showToday);
  showToday();

  lever("#f-capacity", (f) => f.value.value === "" ? null : { verb: "set", value: `departments.${f.department.value}.capacity=${f.value.value}` });
  lever("#f-drop", (f) => ({ verb: "without", value: f.department.value }));
  lever("#f-add", (f) => ({ verb: "with", value: f.function.value }));
  lever("#f-priority", (f) => ({ verb: "set", value: `objectives.${f.objective.value}.priority=${f.value.value}` }));
  lever("#f-constraint", (f) => ({ verb: f.verb.value, value: `${f.objective.value}=${f.department.value}` }));
  lever("#f-today", (f) => ({ verb: "set", value: `current_owners.${f.objective.value}=${f.department.value}` }));

  $("#undo").addEventListener("click", () => move(-1));
  $("#redo").addEventListener("click", () => move(1));
  $("#reset").addEventListener("click", () => scenario().length && propose([]));
  $("#save").addEventListener("click", save);
  $("#export-format").addEventListener("change", () => {
    $("#download").href = `/api/export?${query(scenario())}&format=${$("#export-format").value}`;
  });
  $("#explain-close").addEventListener("click", () => {
    shownObjective = null;
    $("#explain").hidden = true;
  });
}

async function move(step) {
  const target = at + step;
  if (target < 0 || target >= history.length) return;
  at = target;
  controls();
  await show(scenario());
}

function controls() {
  $("#undo").disabled = at === 0;
  $("#redo").disabled = at === history.length - 1;
  $("#reset").disabled = scenario().length === 0;
}

async function save() {
  const path = $("#save-path").value.trim() || $("#save-path").placeholder;
  let answer = await post("/api/save", { path, overwrite: false, ...body(scenario()) });
  if (answer.status === 409 && window.confirm(t("{path} already exists. Replace it?", { path }))) {
    answer = await post("/api/save", { path, overwrite: true, ...body(scenario()) });
  }
  if (answer.ok) {
    clearProblem();
    $("#status").textContent = t("Saved as {path}", { path: answer.data.saved });
  } else if (answer.status !== 409) {
    problem(answer.data.error || [t("could not save")]);
  } else {
    $("#status").textContent = t("Not saved");
  }
}

async function start() {
  const answer = await fetch("/api/org", { credentials: "same-origin" });
  if (!answer.ok) {
    problem([t("This page needs the address orgdesign serve printed (with its token).")]);
    return;
  }
  org = await answer.json();
  for (const d of org.departments) names.set(d.id, d.name);
  for (const o of org.objectives) names.set(o.id, o.name);
  $("#org-name").textContent = org.organization;
  $("#file-name").textContent = org.file;
  translatePage();
  document.title = t("{organization}: orgdesign workshop", { organization: org.organization });
  $("#save-path").placeholder = org.file.replace(/\.(ya?ml|json)$/i, "") + "-scenario.yaml";
  setUp();
  controls();
  await show([]);
}

document.addEventListener("DOMContentLoaded", start);
