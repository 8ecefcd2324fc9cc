// The OpenGMS admin console: callbacks, live figures, nodes and configuration, over the admin REST
// API (docs/admin-console.md). One login (role admin) for the page's whole life.
import {$, call, setCredentials} from "./api.js";
import {initCallbacks, loadServices, searchNow} from "./callbacks.js";
import {startLive, stopLive} from "./live.js";
import {loadNodes} from "./nodes.js";

async function logIn(event) {
  event.preventDefault();
  $("loginError").textContent = "";
  setCredentials($("login").value, $("password").value);
  let config;
  try {
    config = await call("GET", "config");
  } catch (e) {
    setCredentials(null);
    $("loginError").textContent = e.message.startsWith("401")
      ? "Wrong login or password"
      : e.message.startsWith("403") ? "This login is not an admin" : e.message;
    return;
  }
  $("me").textContent = $("login").value;
  $("password").value = "";
  $("loginForm").hidden = true;
  $("session").hidden = false;
  $("desk").hidden = false;
  loadServices(config);
  searchNow();
  show("callbacksPanel");
}

function logOut() {
  stopLive();
  setCredentials(null);
  $("desk").hidden = true;
  $("session").hidden = true;
  $("loginForm").hidden = false;
}

function show(panelId) {
  for (const tab of document.querySelectorAll(".tabs button")) {
    const active = tab.dataset.panel === panelId;
    tab.classList.toggle("active", active);
    $(tab.dataset.panel).hidden = !active;
  }
  $("error").textContent = "";
  if (panelId === "livePanel") {
    startLive();
  } else {
    stopLive();
  }
  if (panelId === "nodesPanel") {
    loadNodes();
  }
}

$("loginForm").addEventListener("submit", logIn);
$("logoutButton").addEventListener("click", logOut);
for (const tab of document.querySelectorAll(".tabs button")) {
  tab.addEventListener("click", () => show(tab.dataset.panel));
}
$("nodesRefresh").addEventListener("click", loadNodes);
initCallbacks();
