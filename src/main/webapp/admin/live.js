// The live tab: GET 1/admin/live every 5 seconds while the tab is shown; tables of queues and
// agents, and two uPlot charts of the server's per-minute samples of the last hour plus now.
import uPlot from "./vendor/uplot/dist/uPlot.esm.js";
import {$, call, cell} from "./api.js";

const REFRESH_MS = 5000;

let timer = null;
let waitingChart = null;
let ewtChart = null;

export function startLive() {
  if (timer === null) {
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  }
}

export function stopLive() {
  if (timer !== null) {
    clearInterval(timer);
    timer = null;
  }
}

async function refresh() {
  let live;
  try {
    live = await call("GET", "live");
  } catch (e) {
    $("error").textContent = e.message;
    return;
  }
  $("error").textContent = "";
  $("liveAt").textContent = "At " + live.at;
  $("queueRows").replaceChildren(...live.queues.map((q) => {
    const tr = document.createElement("tr");
    tr.dataset.queue = q.name;
    [q.name, q.waitingChats, q.waitingCallbacks, q.readyAgents, q.chatWaitSeconds, q.callbackWaitSeconds]
      .forEach((v) => cell(tr, v));
    return tr;
  }));
  $("agentRows").replaceChildren(...live.agents.map((a) => {
    const tr = document.createElement("tr");
    tr.dataset.agent = a.login;
    [a.login, a.state, a.chats].forEach((v) => cell(tr, v));
    return tr;
  }));
  chart([...live.history, live.totals]);
}

function chart(samples) {
  const x = samples.map((s) => Date.parse(s.at) / 1000);
  const waiting = [x, samples.map((s) => s.waitingChats), samples.map((s) => s.waitingCallbacks),
    samples.map((s) => s.readyAgents)];
  const ewt = [x, samples.map((s) => s.maxChatWait)];
  const width = Math.max(280, $("waitingChart").clientWidth || 400);
  if (waitingChart === null) {
    waitingChart = new uPlot({
      width, height: 180,
      series: [{}, {label: "waiting chats", stroke: "#24425f"}, {label: "waiting callbacks", stroke: "#8a4b08"},
        {label: "ready agents", stroke: "#2e7d32"}],
      scales: {y: {range: (u, min, max) => [0, Math.max(1, max)]}},
    }, waiting, $("waitingChart"));
    ewtChart = new uPlot({
      width, height: 180,
      series: [{}, {label: "longest chat EWT", stroke: "#c62828"}],
      scales: {y: {range: (u, min, max) => [0, Math.max(1, max)]}},
    }, ewt, $("ewtChart"));
  } else {
    waitingChart.setData(waiting);
    ewtChart.setData(ewt);
  }
}
