// The OpenGMS agent console: the Agent API over HTTP Basic, and the agent's events pushed over
// CometD on /_opengms/agent (README, "Agent API"). Browsers cannot put headers on a websocket
// upgrade, so CometD runs over long-polling with the Authorization header on every request.
import {CometD} from "./vendor/cometd/cometd.js";
import {watchHandshake} from "../resources/handshake.js";
import {eventTime, transcriptLine} from "../resources/transcript.js";
import {alertNewChat, setUpAlerts} from "./alerts.js";
import {fileLine, uploadFile} from "./files.js";

const AGENT_CHANNEL = "/_opengms/agent";
const API = new URL("../1/agent/", location.href);
const COMETD_URL = new URL("../cometd", location.href).href;
/** How long after the last keystroke the customer is told the agent stopped typing. */
const TYPING_IDLE_MS = 3000;

const $ = (id) => document.getElementById(id);

let authorization = null;
let cometd = null;
let selected = null;
/**
 * chatSessionId → {chat, events: [] (index = position - 1), ended, customerTyping, unread (messages
 * not seen), fresh (assigned, not opened yet)}
 */
const chats = new Map();
const typing = {chatId: null, timer: null};

// ------------------------------------------------------------------ REST

async function call(method, path, form) {
  // X-Requested-With: a 401 then comes without a challenge, so the browser shows no login dialog.
  const init = {method, headers: {Authorization: authorization, "X-Requested-With": "XMLHttpRequest"}};
  if (form) {
    init.body = new URLSearchParams(form);
  }
  const response = await fetch(new URL(path, API), init);
  const body = await response.text();
  if (!response.ok) {
    let message = body;
    try {
      message = JSON.parse(body).message;
    } catch (e) {
      // not the JSON error shape: show the text
    }
    throw new Error(response.status + " " + message);
  }
  return body ? JSON.parse(body) : null;
}

function basic(login, password) {
  const bytes = new TextEncoder().encode(login + ":" + password);
  return "Basic " + btoa(String.fromCharCode(...bytes));
}

// ------------------------------------------------------------------ log in and presence

async function logIn(event) {
  event.preventDefault();
  $("loginError").textContent = "";
  authorization = basic($("login").value, $("password").value);
  let me;
  try {
    me = await call("GET", "me");
  } catch (e) {
    authorization = null;
    $("loginError").textContent = e.message.startsWith("401")
      ? "Wrong login or password"
      : e.message.startsWith("403") ? "This login is not an agent" : e.message;
    return;
  }
  $("password").value = "";
  $("loginForm").hidden = true;
  $("session").hidden = false;
  $("desk").hidden = false;
  $("me").textContent = me.nickname + " (" + me.login + ")";
  showPresence(me.ready);
  connect();
}

function showPresence(ready) {
  const presence = $("presence");
  presence.textContent = ready ? "ready" : "not ready";
  presence.classList.toggle("ready", ready);
}

async function setReady(ready) {
  try {
    showPresence((await call("POST", ready ? "ready" : "not-ready")).ready);
  } catch (e) {
    $("chatError").textContent = e.message;
  }
}

function logOut() {
  if (cometd) {
    // frees the session at once ([cometd] max_sessions_per_user counts it until it expires)
    delete document.body.dataset.cometd;
    cometd.disconnect(() => {
      document.body.dataset.cometd = "disconnected";
    });
    cometd = null;
  }
  authorization = null;
  chats.clear();
  selected = null;
  $("chats").replaceChildren();
  $("chat").hidden = true;
  $("desk").hidden = true;
  $("session").hidden = true;
  $("loginForm").hidden = false;
  showConnection(false);
}

// ------------------------------------------------------------------ CometD

function connect() {
  cometd = new CometD();
  cometd.unregisterTransport("websocket");
  cometd.unregisterTransport("callback-polling");
  cometd.configure({url: COMETD_URL, requestHeaders: {Authorization: authorization}, logLevel: "warn"});
  // Subscribing in the handshake listener subscribes again after every re-handshake.
  watchHandshake(cometd, {
    onOpen: () =>
      cometd.subscribe(AGENT_CHANNEL, onAgentMessage, (subscribed) => {
        if (subscribed.successful) {
          loadChats(); // what happened before this session
        }
      }),
    onRefused: (why) => {
      $("chatError").textContent = "Push refused: " + why;
    },
  });
  cometd.addListener("/meta/connect", (reply) => showConnection(reply.successful === true));
  cometd.handshake();
}

function showConnection(online) {
  const connection = $("connection");
  connection.textContent = online ? "online" : "offline";
  connection.classList.toggle("online", online);
}

function onAgentMessage(message) {
  const data = message.data;
  switch (data.type) {
    case "assigned":
      remember(data.chat, true);
      alertNewChat(data.chat);
      loadTranscript(data.chat.chatSessionId);
      break;
    case "event":
      onEvent(data.chatSessionId, Number(data.position), data.event);
      break;
    case "ended":
      onEnded(data.chatSessionId);
      break;
    case "presence":
      showPresence(data.ready);
      break;
    default:
      break; // types added later are ignored
  }
}

// ------------------------------------------------------------------ chats

async function loadChats() {
  try {
    for (const chat of await call("GET", "chats")) {
      remember(chat);
      loadTranscript(chat.chatSessionId);
    }
  } catch (e) {
    $("chatError").textContent = e.message;
  }
}

function remember(chat, assigned = false) {
  let entry = chats.get(chat.chatSessionId);
  if (!entry) {
    entry = {chat, events: [], ended: false, customerTyping: false, unread: 0, fresh: assigned};
    chats.set(chat.chatSessionId, entry);
  }
  entry.chat = chat;
  if (!selected || chats.get(selected).ended) {
    selected = chat.chatSessionId; // a new chat replaces an ended one on screen
    entry.fresh = false;
  }
  render();
  return entry;
}

async function loadTranscript(chatId) {
  try {
    const chat = await call("GET", "chats/" + encodeURIComponent(chatId));
    const entry = chats.get(chatId) || remember(chat);
    entry.chat = chat; // the latest nickname and user data
    chat.transcript.forEach((event, i) => {
      entry.events[i] = entry.events[i] || event;
    });
    if (chat.state === "FINISHED") {
      entry.ended = true;
    }
    render();
  } catch (e) {
    $("chatError").textContent = e.message;
  }
}

function onEvent(chatId, position, event) {
  const entry = chats.get(chatId);
  if (!entry) {
    loadTranscript(chatId); // an event of a chat this page does not know yet
    return;
  }
  entry.events[position - 1] = event;
  const [type, , text, , userType] = event;
  if (userType === "CLIENT") {
    if (type === "Notice.NicknameUpdated") {
      entry.chat.customer.nickname = text;
    }
    if (type === "Notice.TypingStarted") {
      entry.customerTyping = true;
    } else if (type === "Notice.TypingStopped" || type === "Message.Text" || type === "Notice.Left") {
      entry.customerTyping = false;
    }
    if (type === "Message.Text" && chatId !== selected) {
      entry.unread++;
    }
  }
  render();
}

function onEnded(chatId) {
  const entry = chats.get(chatId);
  if (entry) {
    entry.ended = true;
    entry.customerTyping = false;
    render();
  }
}

// ------------------------------------------------------------------ rendering

function render() {
  const list = $("chats");
  list.replaceChildren(
    ...[...chats.values()].map(({chat, ended, unread, fresh}) => {
      const item = document.createElement("li");
      item.dataset.chat = chat.chatSessionId;
      item.textContent = chat.customer.nickname + " — " + chat.subject;
      item.classList.toggle("selected", chat.chatSessionId === selected);
      item.classList.toggle("ended", ended);
      if (fresh && chat.chatSessionId !== selected) {
        item.append(badge("new", "new", "New chat"));
      } else if (unread) {
        item.append(badge("unread", String(unread), unread + " unread"));
      }
      item.addEventListener("click", () => select(chat.chatSessionId));
      return item;
    }));
  $("noChats").hidden = chats.size > 0;

  const entry = selected && chats.get(selected);
  $("chat").hidden = !entry;
  if (!entry) {
    return;
  }
  $("chatTitle").textContent = entry.chat.customer.nickname + ": " + entry.chat.subject;
  $("chatState").textContent = entry.ended ? "Chat ended" : "";
  const data = Object.entries(entry.chat.userData || {});
  $("userData").hidden = data.length === 0;
  $("userData").replaceChildren(
    ...data.flatMap(([key, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = key;
      const dd = document.createElement("dd");
      dd.textContent = value;
      return [dt, dd];
    }));
  $("customerTyping").textContent = entry.customerTyping
    ? entry.chat.customer.nickname + " is typing…" : "";
  for (const id of ["message", "sendButton", "pushUrl", "pushUrlButton", "fileInput", "fileButton",
    "leaveButton"]) {
    $(id).disabled = entry.ended;
  }
  const transcript = $("transcript");
  const deleted = new Set(entry.events.filter((e) => e && e[0] === "Notice.FileDeleted")
    .map((e) => e[5] && e[5]["file-id"]));
  transcript.replaceChildren(...entry.events.filter(shown).map((e) => line(e, deleted)));
  transcript.scrollTop = transcript.scrollHeight;
}

/** Typing notices show as the indicator, not as transcript lines. */
function shown(event) {
  return event && event[0] !== "Notice.TypingStarted" && event[0] !== "Notice.TypingStopped";
}

function line(event, deleted) {
  if (event[0] === "Notice.FileUploaded") {
    return fileLine(event, API, authorization, selected, deleted);
  }
  if (event[0] === "Notice.FileDeleted") {
    return transcriptLine([event[0], event[1], "deleted a file: " + event[2], event[3], event[4]]);
  }
  return transcriptLine(event, "pushed ", {
    time: eventTime(chats.get(selected).chat.startedAt, event[3]),
    mine: event[4] === "AGENT",
  });
}

function badge(kind, text, title) {
  const mark = document.createElement("span");
  mark.className = "badge " + kind;
  mark.textContent = text;
  mark.title = title;
  return mark;
}

function select(chatId) {
  selected = chatId;
  const entry = chats.get(chatId);
  entry.unread = 0; // read now: the list drawn next shows no badge for it
  entry.fresh = false;
  render();
}

// ------------------------------------------------------------------ acting on the selected chat

async function act(request, form) {
  const chatId = selected;
  $("chatError").textContent = "";
  try {
    return await call("POST", "chats/" + encodeURIComponent(chatId) + "/" + request, form);
  } catch (e) {
    $("chatError").textContent = e.message;
    return null;
  }
}

async function send(event) {
  event.preventDefault();
  const text = $("message").value;
  if (!text) {
    return;
  }
  stopTypingTimer();
  typing.chatId = null; // the message itself tells the customer the agent stopped typing
  if (await act("send", {message: text})) {
    $("message").value = "";
  }
}

function onKeystroke() {
  if (!selected || !$("message").value) {
    return;
  }
  if (typing.chatId !== selected) {
    typing.chatId = selected;
    act("startTyping");
  }
  stopTypingTimer();
  typing.timer = setTimeout(() => {
    if (typing.chatId) {
      const chatId = typing.chatId;
      typing.chatId = null;
      call("POST", "chats/" + encodeURIComponent(chatId) + "/stopTyping").catch(() => {});
    }
  }, TYPING_IDLE_MS);
}

function stopTypingTimer() {
  clearTimeout(typing.timer);
  typing.timer = null;
}

async function pushUrl(event) {
  event.preventDefault();
  if (await act("pushUrl", {url: $("pushUrl").value})) {
    $("pushUrl").value = "";
  }
}

async function sendFile(event) {
  event.preventDefault();
  const file = $("fileInput").files[0];
  if (!file) {
    return;
  }
  $("chatError").textContent = "";
  try {
    await uploadFile(API, authorization, selected, file);
    $("fileInput").value = "";
  } catch (e) {
    $("chatError").textContent = e.message;
  }
}

async function leave() {
  stopTypingTimer();
  typing.chatId = null;
  await act("leave");
}

setUpAlerts($("alertsToggle"));
$("loginForm").addEventListener("submit", logIn);
$("readyButton").addEventListener("click", () => setReady(true));
$("notReadyButton").addEventListener("click", () => setReady(false));
$("logoutButton").addEventListener("click", logOut);
$("sendForm").addEventListener("submit", send);
$("message").addEventListener("input", onKeystroke);
$("pushUrlForm").addEventListener("submit", pushUrl);
$("fileForm").addEventListener("submit", sendFile);
$("leaveButton").addEventListener("click", leave);
