// Opt-in alerts of a newly assigned chat: a short tone and, where the browser allows, a desktop
// notification. Off until the agent ticks the box; the choice is kept in this browser. Each alert
// raised is counted on the page (body data-alerts), which is what the browser tests look at.

const KEY = "opengms.agent.alerts";

let enabled = false;
let audio = null;

/** Wires the checkbox `toggle` and restores the agent's last choice. */
export function setUpAlerts(toggle) {
  enabled = localStorage.getItem(KEY) === "on";
  toggle.checked = enabled;
  toggle.addEventListener("change", () => {
    enabled = toggle.checked;
    localStorage.setItem(KEY, enabled ? "on" : "off");
    if (enabled && "Notification" in window && Notification.permission === "default") {
      Notification.requestPermission().catch(() => {}); // asked while the agent is clicking
    }
  });
}

/** Alerts the agent of `chat` (an Agent API chat) when they opted in. */
export function alertNewChat(chat) {
  if (!enabled) {
    return;
  }
  document.body.dataset.alerts = String(Number(document.body.dataset.alerts || 0) + 1);
  tone();
  if ("Notification" in window && Notification.permission === "granted" && document.hidden) {
    new Notification("New chat", {body: chat.customer.nickname + ": " + (chat.subject || "")});
  }
}

function tone() {
  try {
    audio = audio || new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.35);
  } catch (e) {
    // no audio output (or not allowed yet): the count and the badge still show it
  }
}
