// One transcript event [type, nickname, text, secondsFromStart, userType] as a line of the chat
// pages (agent console and customer demos), so all show messages, notices and pushed pages alike:
// who said it, what, and at what time.

/**
 * The element for one event; `pushedLabel` introduces a Notice.PushUrl link. `time` (a Date) is
 * shown as the local hour and minute; `mine` puts the line on the reader's own side.
 */
export function transcriptLine([type, nickname, text, , userType], pushedLabel, {time, mine} = {}) {
  const div = document.createElement("div");
  div.className = "event " + (userType === "AGENT" ? "agent" : "client");
  div.classList.toggle("mine", Boolean(mine));
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
  if (time instanceof Date && !Number.isNaN(time.getTime())) {
    div.append(timeOf(time));
  }
  return div;
}

/** The time of an event `secondsFromStart` after a chat's `startedAt` (ISO text), or null. */
export function eventTime(startedAt, secondsFromStart) {
  if (!startedAt) {
    return null;
  }
  return new Date(Date.parse(startedAt) + 1000 * (Number(secondsFromStart) || 0));
}

function timeOf(date) {
  const time = document.createElement("time");
  time.className = "time";
  time.dateTime = date.toISOString();
  time.textContent = date.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
  return time;
}
