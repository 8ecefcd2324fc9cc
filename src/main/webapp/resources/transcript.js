// One transcript event [type, nickname, text, secondsFromStart, userType] as a line of the chat
// pages (agent console and customer demo), so both show messages, notices and pushed pages alike.

/** The element for one event; `pushedLabel` introduces a Notice.PushUrl link. */
export function transcriptLine([type, nickname, text, , userType], pushedLabel) {
  const div = document.createElement("div");
  div.className = "event " + (userType === "AGENT" ? "agent" : "client");
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = nickname;
  div.append(who);
  if (type === "Message.Text") {
    div.append(text);
  } else if (type === "Notice.PushUrl") {
    const link = document.createElement("a");
    link.href = text;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = text;
    div.append(pushedLabel, link);
  } else if (type === "Notice.NicknameUpdated") {
    div.classList.add("notice");
    div.append("is now called " + text); // Chat API v2: the customer renamed themselves
  } else {
    div.classList.add("notice");
    div.append(text);
  }
  return div;
}
