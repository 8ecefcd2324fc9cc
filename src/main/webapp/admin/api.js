// The admin REST API (role admin) over HTTP Basic, as the agent console calls the Agent API.
const API = new URL("../1/admin/", location.href);

let authorization = null;

export function setCredentials(login, password) {
  if (login === null) {
    authorization = null;
    return;
  }
  const bytes = new TextEncoder().encode(login + ":" + password);
  authorization = "Basic " + btoa(String.fromCharCode(...bytes));
}

/** The response of a call; throws Error("<status> <message>") unless 2xx. */
export async function request(method, path, json) {
  // X-Requested-With: a 401 then comes without a challenge, so the browser shows no login dialog.
  const init = {method, headers: {Authorization: authorization, "X-Requested-With": "XMLHttpRequest"}};
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  }
  const response = await fetch(new URL(path, API), init);
  if (!response.ok) {
    const body = await response.text();
    let message = body;
    try {
      message = JSON.parse(body).message;
    } catch (e) {
      // not the JSON error shape: show the text
    }
    throw new Error(response.status + " " + message);
  }
  return response;
}

/** A call answering JSON. */
export async function call(method, path, json) {
  const body = await (await request(method, path, json)).text();
  return body ? JSON.parse(body) : null;
}

export const $ = (id) => document.getElementById(id);

export function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : String(text);
  if (className) {
    td.className = className;
  }
  row.append(td);
  return td;
}

/** "a=1\nb=2" → {a: "1", b: "2"}; lines without "=" are refused. */
export function parseProperties(text) {
  const properties = {};
  for (const line of text.split("\n").map((l) => l.trim()).filter((l) => l)) {
    const at = line.indexOf("=");
    if (at < 1) {
      throw new Error("Not name=value: " + line);
    }
    properties[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return properties;
}
