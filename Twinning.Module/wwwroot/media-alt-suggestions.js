// Twinning admin: alternative texts offered for reuse in the media field (Features/ContentFields/MediaField,
// MediaAltSuggestions; ATAG B.2.3.3). The server lists, beside an empty alternative text box, the texts other items
// gave the same file; this script shows a "Use this text" button for each, which copies the text into the box and
// focuses it (nothing is submitted: the author still reads and saves), announced in the field's polite live region.
// A different file chosen in the row, or the file marked decorative, hides the list. Without this script the texts
// are shown to be typed.
"use strict";

(() => {
    for (const list of document.querySelectorAll("[data-alt-suggestions]:not([data-ready])")) {
        list.dataset.ready = "true";
        const field = list.closest("[data-media-field]");
        const row = list.closest("[data-media-row]");
        const box = row.querySelector("[data-media-alt]");
        const status = field.querySelector("[data-media-status]");
        for (const button of list.querySelectorAll("[data-alt-use]")) {
            button.hidden = false;
            button.addEventListener("click", () => {
                box.value = button.dataset.altUse;
                box.dispatchEvent(new Event("input", { bubbles: true }));
                box.dispatchEvent(new Event("change", { bubbles: true }));
                box.focus();
                // Emptied first, so the same text said twice is announced twice.
                status.textContent = "";
                window.setTimeout(() => { status.textContent = (field.dataset.suggestionUsed ?? "").replaceAll("{text}", button.dataset.altUse); }, 50);
            });
        }
        const path = row.querySelector("[data-media-path]");
        const shown = path.value;
        const decorative = row.querySelector("input[type=checkbox][name$='.Decorative']");
        const update = () => { list.hidden = path.value !== shown || decorative?.checked === true; };
        path.addEventListener("change", update);
        path.addEventListener("input", update);
        decorative?.addEventListener("change", update);
    }
})();
