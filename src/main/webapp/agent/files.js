// Chat files in the agent console: the file button sends one through the Agent API
// (POST chats/{id}/file, multipart), and Notice.FileUploaded events show as links that download
// with the agent's credentials (a plain link could not carry the Authorization header).

/** Uploads `file` to chat `chatId`; `api` is the Agent API base URL. Throws on refusal. */
export async function uploadFile(api, authorization, chatId, file) {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await fetch(new URL("chats/" + encodeURIComponent(chatId) + "/file", api), {
    method: "POST",
    headers: {Authorization: authorization, "X-Requested-With": "XMLHttpRequest"},
    body: form,
  });
  if (!response.ok) {
    let message = await response.text();
    try {
      message = JSON.parse(message).message;
    } catch (e) {
      // not the JSON error shape: show the text
    }
    throw new Error(response.status + " " + message);
  }
  return response.json();
}

/**
 * The line of a Notice.FileUploaded event: who, and the file as a link; `deleted` holds the ids of
 * files a later Notice.FileDeleted removed.
 */
export function fileLine(event, api, authorization, chatId, deleted) {
  const [, nickname, text, , userType, data] = event;
  const div = document.createElement("div");
  div.className = "event notice file " + (userType === "AGENT" ? "agent" : "client");
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = nickname;
  div.append(who);
  const id = data && data["file-id"];
  if (!id || deleted.has(id)) {
    div.append("sent a file (deleted): " + text);
    return div;
  }
  const link = document.createElement("a");
  link.className = "file-link";
  link.href = "#";
  link.dataset.fileId = id;
  link.textContent = text;
  link.addEventListener("click", (e) => {
    e.preventDefault();
    download(api, authorization, chatId, id, text);
  });
  div.append("sent a file: ", link, " (" + data["file-size"] + " bytes)");
  return div;
}

async function download(api, authorization, chatId, fileId, name) {
  const path = "chats/" + encodeURIComponent(chatId) + "/file/" + encodeURIComponent(fileId)
    + "/download";
  const response = await fetch(new URL(path, api), {
    headers: {Authorization: authorization, "X-Requested-With": "XMLHttpRequest"},
  });
  if (!response.ok) {
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const save = document.createElement("a");
  save.href = url;
  save.download = name;
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
