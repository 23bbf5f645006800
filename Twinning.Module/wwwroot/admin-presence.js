// Twinning admin: who else is editing this item (Features/Presence), on the item's editor.
// <div data-presence="url" data-presence-interval="ms" aria-live="polite"> holds the notice as the server rendered it.
// This script tells the server at once, then every interval, that this editor has the page open (a POST with the
// page's anti-forgery token), and puts the answer, the notice as it is now, in its place when its text changed, so a
// screen reader announces news only. A tab in the background does not ping; back in front, it pings at once if it
// missed one. Without this script the notice is the one shown on load, and others do not see this editor.
"use strict";

(() => {
    const region = document.querySelector("[data-presence]");
    if (!region) {
        return;
    }
    const token = document.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
    const interval = Number(region.dataset.presenceInterval) || 30000;
    const text = (node) => node.textContent.replace(/\s+/g, " ").trim();
    let timer = 0;
    let missed = false;

    const ping = async () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(ping, interval);
        if (document.hidden) {
            missed = true;
            return;
        }
        missed = false;
        try {
            const response = await fetch(region.dataset.presence, {
                method: "POST",
                body: new URLSearchParams({ __RequestVerificationToken: token }),
                credentials: "same-origin",
            });
            // Signed out (sent to the sign-in page), refused or failed: the notice stays as it was.
            if (!response.ok || response.redirected) {
                return;
            }
            const answer = document.createElement("template");
            answer.innerHTML = await response.text();
            if (text(answer.content) !== text(region)) {
                region.replaceChildren(answer.content);
            }
        } catch {
            // Offline for a moment: the next ping tries again.
        }
    };

    document.addEventListener("visibilitychange", () => {
        if (!document.hidden && missed) {
            ping();
        }
    });
    ping();
})();
