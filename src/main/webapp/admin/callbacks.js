// The callbacks tab: a filtered list paged on the server (GET 1/admin/callbacks, keyset tokens),
// create, reschedule, edit, cancel one or many, and the CSV of the cancelled ones.
import {$, call, cell, parseProperties, request} from "./api.js";

/** The cursor of each page seen: pages[0] is null (the first page), pages[i] the i-th's token. */
let pages = [null];
let pageIndex = 0;
let total = 0;
let filter = new URLSearchParams();
/** The callbacks of the page shown, by id. */
const shown = new Map();
let editing = null;

const INTERNAL = new Set(["_id", "_service_name", "_callback_state", "_desired_time", "_url",
  "_expiration_time", "_callback_reason"]);

/** Fills the service pickers from the configuration's callback services. */
export function loadServices(config) {
  const names = Object.entries(config.sections)
    .filter(([name, options]) => name.startsWith("service.") && options._service === "callback")
    .map(([name]) => name.slice("service.".length));
  for (const select of [$("filterService"), $("createService")]) {
    const keep = select.id === "filterService" ? [select.options[0]] : [];
    select.replaceChildren(...keep);
    for (const name of names) {
      select.append(new Option(name, name));
    }
  }
}

function readFilter() {
  const params = new URLSearchParams();
  const add = (name, value) => value.trim() && params.set(name, value.trim());
  add("service", $("filterService").value);
  add("state", $("filterState").value);
  add("from", $("filterFrom").value);
  add("to", $("filterTo").value);
  const prop = $("filterPropName").value.trim();
  if (prop) {
    params.set("prop." + prop, $("filterPropValue").value.trim());
  }
  params.set("limit", $("filterLimit").value);
  return params;
}

async function search(event) {
  event?.preventDefault();
  filter = readFilter();
  pages = [null];
  pageIndex = 0;
  await loadPage();
}

async function loadPage() {
  $("error").textContent = "";
  const params = new URLSearchParams(filter);
  if (pages[pageIndex]) {
    params.set("after", pages[pageIndex]);
  }
  let page;
  try {
    page = await call("GET", "callbacks?" + params);
  } catch (e) {
    $("error").textContent = e.message;
    return;
  }
  if (page.total !== undefined) {
    total = page.totalCapped ? page.total + "+" : page.total;
  }
  pages.length = pageIndex + 1;
  if (page.next) {
    pages.push(page.next);
  }
  showRows(page.callbacks);
  const limit = Number(filter.get("limit"));
  const first = page.callbacks.length ? pageIndex * limit + 1 : 0;
  $("pageInfo").textContent = `${first}–${pageIndex * limit + page.callbacks.length} of ${total}`;
  $("prevButton").disabled = pageIndex === 0;
  $("nextButton").disabled = !page.next;
}

function showRows(callbacks) {
  shown.clear();
  $("selectAll").checked = false;
  const rows = callbacks.map((c) => {
    shown.set(c._id, c);
    const tr = document.createElement("tr");
    tr.dataset.id = c._id;
    const check = document.createElement("input");
    check.type = "checkbox";
    check.className = "select";
    check.value = c._id;
    check.addEventListener("change", updateSelection);
    cell(tr, "").append(check);
    cell(tr, c._id, "id").addEventListener("click", () => edit(c._id));
    cell(tr, c._service_name);
    cell(tr, c._callback_state + (c._callback_reason ? " (" + c._callback_reason + ")" : ""),
      "state-" + c._callback_state);
    cell(tr, c._desired_time);
    cell(tr, c._customer_number);
    cell(tr, Object.entries(c).filter(([k]) => !INTERNAL.has(k) && k !== "_customer_number")
      .map(([k, v]) => k + "=" + v).join(", "), "props");
    return tr;
  });
  $("callbackRows").replaceChildren(...rows);
  updateSelection();
}

function selectedIds() {
  return [...document.querySelectorAll("#callbackRows input.select:checked")].map((c) => c.value);
}

function updateSelection() {
  const n = selectedIds().length;
  $("cancelSelectedButton").disabled = n === 0;
  $("cancelSelectedButton").textContent = n ? `Cancel selected (${n})` : "Cancel selected";
}

function selectAll() {
  for (const check of document.querySelectorAll("#callbackRows input.select")) {
    check.checked = $("selectAll").checked;
  }
  updateSelection();
}

async function cancelSelected() {
  const ids = selectedIds();
  try {
    const answer = await call("POST", "callback/cancel", {ids});
    $("exportInfo").textContent = `Cancelled ${answer.cancelled.length}`;
  } catch (e) {
    $("error").textContent = e.message;
  }
  await loadPage();
}

// ------------------------------------------------------------------ create and edit

async function create(event) {
  event.preventDefault();
  const result = $("createResult");
  result.classList.remove("failed");
  try {
    const body = parseProperties($("createProperties").value);
    body._customer_number = $("createNumber").value.trim();
    if ($("createTime").value.trim()) {
      body._desired_time = $("createTime").value.trim();
    }
    const answer = await call("POST", "callbacks/" + encodeURIComponent($("createService").value), body);
    result.textContent = "Created " + answer._id;
    await loadPage();
  } catch (e) {
    result.classList.add("failed");
    result.textContent = e.message;
  }
}

function edit(id) {
  const c = shown.get(id);
  editing = c;
  $("editForm").hidden = false;
  $("editId").textContent = c._id;
  $("editState").textContent = c._callback_state;
  $("editService").textContent = c._service_name;
  $("editTime").value = c._desired_time;
  $("editProperties").value = Object.entries(c).filter(([k]) => !INTERNAL.has(k))
    .map(([k, v]) => k + "=" + v).join("\n");
  $("editResult").textContent = "";
}

async function update(body, done) {
  const result = $("editResult");
  result.classList.remove("failed");
  try {
    const path = "callbacks/" + encodeURIComponent(editing._service_name) + "/" + encodeURIComponent(editing._id);
    await call("PUT", path, body());
    result.textContent = done;
    const id = editing._id;
    await loadPage();
    if (shown.has(id)) {
      edit(id);
      $("editResult").textContent = done;
    }
  } catch (e) {
    result.classList.add("failed");
    result.textContent = e.message;
  }
}

async function cancelOne() {
  try {
    await call("POST", "callback/cancel", {ids: [editing._id]});
    $("editResult").textContent = "Cancelled";
    await loadPage();
  } catch (e) {
    $("editResult").textContent = e.message;
  }
}

// ------------------------------------------------------------------ export

/** Fetches the CSV (with the Authorization header a plain link could not send) and saves it. */
async function exportCancelled() {
  const params = new URLSearchParams(filter);
  params.delete("limit");
  params.delete("state");
  if ($("exportProperties").value.trim()) {
    params.set("properties", $("exportProperties").value.trim());
  }
  try {
    const blob = await (await request("GET", "callbacks/cancelled.csv?" + params)).blob();
    const rows = (await blob.text()).split("\n").filter((l) => l).length - 1;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "cancelled-callbacks.csv";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    $("exportInfo").textContent = `Exported ${rows} cancelled callbacks`;
  } catch (e) {
    $("error").textContent = e.message;
  }
}

export function initCallbacks() {
  $("filterForm").addEventListener("submit", search);
  $("prevButton").addEventListener("click", () => { pageIndex--; loadPage(); });
  $("nextButton").addEventListener("click", () => { pageIndex++; loadPage(); });
  $("selectAll").addEventListener("change", selectAll);
  $("cancelSelectedButton").addEventListener("click", cancelSelected);
  $("exportButton").addEventListener("click", exportCancelled);
  $("createForm").addEventListener("submit", create);
  $("rescheduleButton").addEventListener("click",
    () => update(() => ({_new_desired_time: $("editTime").value.trim()}), "Rescheduled"));
  $("saveButton").addEventListener("click",
    () => update(() => parseProperties($("editProperties").value), "Saved"));
  $("cancelOneButton").addEventListener("click", cancelOne);
}

/** The first page with the filter as it stands (after log-in). */
export function searchNow() {
  return search();
}
