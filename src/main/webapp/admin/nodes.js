// The nodes tab: GET 1/admin/nodes (every node of the cluster, from the heartbeats in the shared
// database) and GET 1/admin/config (secrets masked by the server), with the last refused change of
// the file and its file:line: reason.
import {$, call, cell} from "./api.js";

export async function loadNodes() {
  try {
    const [nodes, config] = await Promise.all([call("GET", "nodes"), call("GET", "config")]);
    $("nodeRows").replaceChildren(...nodes.map((n) => {
      const tr = document.createElement("tr");
      tr.dataset.node = n.name;
      cell(tr, n.self ? n.name + " (this node)" : n.name);
      cell(tr, n.status, "status-" + n.status.toLowerCase());
      [n.lastHeartbeat, n.startedAt, n.leftAt, n.businessTime, n.server, n.java]
        .forEach((v) => cell(tr, v));
      return tr;
    }));
    showConfig(config);
  } catch (e) {
    $("error").textContent = e.message;
  }
}

function showConfig(config) {
  $("configSource").textContent = config.source;
  $("configLoadedAt").textContent = config.loadedAt;
  $("refusedChange").textContent = config.refusedChange
    ? `Last refused change (${config.refusedChange.at}): ${config.refusedChange.reason}`
    : "No change of the file was refused since start-up.";
  const sections = Object.entries(config.sections).map(([name, options]) => {
    const div = document.createElement("div");
    div.className = "config-section";
    const title = document.createElement("h3");
    title.textContent = "[" + name + "]";
    const table = document.createElement("table");
    table.className = "grid";
    const body = document.createElement("tbody");
    for (const [option, value] of Object.entries(options)) {
      const tr = document.createElement("tr");
      tr.dataset.option = name + "/" + option;
      cell(tr, option);
      cell(tr, value);
      body.append(tr);
    }
    table.append(body);
    div.append(title, table);
    return div;
  });
  $("configSections").replaceChildren(...sections);
}
