// Chat files of the v2 demo page, by HTTP to /genesys/2/chat-ntf (how CometD clients of Chat API
// v2 move files): upload (multipart, operation=fileUpload) and download (operation=fileDownload),
// both proved by the chat's secureKey. FileUploaded events show as links; a plain link could not
// POST the secureKey, so a click fetches the file and saves it from a blob URL.

const NTF = new URL("../2/chat-ntf", location.href);

/** The first advice of a v2 error body, or the text itself. */
async function refusal(response) {
  const body = await response.text();
  try {
    const advice = JSON.parse(body).errors[0].advice;
    return new Error(response.status + " " + advice);
  } catch (e) {
    return new Error(response.status + " " + body);
  }
}

/** Uploads `file` to the chat of `secureKey`; answers the file id. Throws on refusal. */
export async function uploadFile(secureKey, file) {
  const form = new FormData();
  form.append("operation", "fileUpload");
  form.append("secureKey", secureKey);
  form.append("file", file, file.name);
  const response = await fetch(NTF, {method: "POST", body: form});
  if (!response.ok) {
    throw await refusal(response);
  }
  const answer = await response.json();
  return answer.userData && answer.userData["file-id"];
}

/** Fetches file `fileId` and hands it to the browser to save as `name`; answers its size. */
export async function downloadFile(secureKey, fileId, name) {
  const response = await fetch(NTF, {
    method: "POST",
    body: new URLSearchParams({operation: "fileDownload", secureKey, fileId}),
  });
  if (!response.ok) {
    throw await refusal(response);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const save = document.createElement("a");
  save.href = url;
  save.download = name;
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return blob.size;
}

/**
 * The line of a FileUploaded event `{from, userData}`; `onOpen(fileId, name)` runs when its link
 * is clicked.
 */
export function fileLine(event, onOpen) {
  const data = event.userData || {};
  const div = document.createElement("div");
  div.className = "event notice file " + (event.from.type === "Agent" ? "agent" : "client");
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = event.from.nickname;
  const link = document.createElement("a");
  link.className = "file-link";
  link.href = "#";
  link.dataset.fileId = data["file-id"];
  link.textContent = data["file-name"];
  link.addEventListener("click", (e) => {
    e.preventDefault();
    if (!div.classList.contains("deleted")) {
      onOpen(data["file-id"], data["file-name"]);
    }
  });
  div.append(who, "sent a file: ", link, " (" + data["file-size"] + " bytes)");
  return div;
}

/** Marks the line of file `fileId` as deleted (a FileDeleted event). */
export function markDeleted(transcript, fileId) {
  for (const link of transcript.querySelectorAll("a.file-link")) {
    if (link.dataset.fileId === fileId) {
      link.closest(".event").classList.add("deleted");
      link.removeAttribute("href");
    }
  }
}
