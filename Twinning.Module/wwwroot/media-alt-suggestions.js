// Twinning admin: alternative texts offered for reuse in the media field (Features/ContentFields/MediaField,
// MediaAltSuggestions; ATAG B.2.3.3). The server lists, beside an empty alternative text box, the texts other items
// gave the same file; this script shows a "Use this text" button for each, which copies the text into the box and
// focuses it (nothing is submitted: the author still reads and saves), announced in the field's polite live region.
// When a row's file changes (a pick from the library, or a path typed), the list goes, and for an image with an empty
// box the script asks GET /admin/media/suggestions for the texts of the new file and shows them the same way. A file
// marked decorative hides the list. Without this script the texts are shown to be typed, after a save.
"use strict";

(() => {
    const fill = (template, values) => Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), template ?? "");

    const setUp = (list) => {
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
                window.setTimeout(() => { status.textContent = fill(field.dataset.suggestionUsed, { text: button.dataset.altUse }); }, 50);
            });
        }
        const decorative = row.querySelector("input[type=checkbox][name$='.Decorative']");
        const update = () => { list.hidden = decorative?.checked === true; };
        decorative?.addEventListener("change", update);
        update();
    };

    // The same markup as MediaFieldEditor.cshtml draws, with the texts the field carries for it.
    const build = (field, box, suggestions) => {
        const list = document.createElement("div");
        list.className = "alt-suggestions";
        list.dataset.altSuggestions = "";
        const heading = document.createElement("p");
        heading.textContent = field.dataset.suggested;
        const items = document.createElement("ul");
        suggestions.forEach((suggestion, index) => {
            const item = document.createElement("li");
            const text = document.createElement("span");
            text.id = `${box.id}-suggestion-${index}`;
            text.textContent = fill(field.dataset.suggestedText, { text: suggestion.text })
                + (suggestion.usedIn ? " " + fill(field.dataset.suggestedUsedIn, { title: suggestion.usedIn }) : "");
            const button = document.createElement("button");
            button.type = "button";
            button.className = "secondary";
            button.dataset.altUse = suggestion.text;
            button.setAttribute("aria-describedby", text.id);
            button.textContent = field.dataset.useSuggestion;
            item.append(text, " ", button);
            items.append(item);
        });
        list.append(heading, items);
        return list;
    };

    const ask = async (path) => {
        const field = path.closest("[data-media-field]");
        const row = path.closest("[data-media-row]");
        const box = row?.querySelector("[data-media-alt]");
        const decorative = row?.querySelector("input[type=checkbox][name$='.Decorative']");
        const file = path.value.trim();
        if (!field || !box || file === "" || box.value.trim() !== "" || decorative?.checked) {
            return;
        }
        const query = new URLSearchParams({ path: file, culture: field.dataset.culture ?? "", item: field.dataset.item ?? "" });
        let answer;
        try {
            const response = await fetch(`/admin/media/suggestions?${query}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (!response.ok) {
                return;
            }
            answer = await response.json();
        } catch {
            return;
        }
        if (!answer.suggestions?.length) {
            return;
        }
        await settled();
        // The row may have moved on while the answer came.
        if (path.value.trim() !== file || box.value.trim() !== "" || row.querySelector("[data-alt-suggestions]")) {
            return;
        }
        const list = build(field, box, answer.suggestions);
        box.after(list);
        setUp(list);
    };

    // The list pushes what is below it down. The "change" that asks for it usually comes from leaving the path box by
    // pressing a button further down (Save draft): were the list shown between the button's press and its release, the
    // release would land beside the button and the click be lost. So it waits until no pointer is pressed.
    let pressed = false;
    let released = [];
    const settled = () => pressed ? new Promise((resolve) => released.push(resolve)) : Promise.resolve();
    const release = () => {
        pressed = false;
        // After the click that follows the release has been handled (it may send the form).
        window.setTimeout(() => { const waiting = released; released = []; waiting.forEach((resolve) => resolve()); }, 0);
    };

    for (const list of document.querySelectorAll("[data-alt-suggestions]:not([data-ready])")) {
        setUp(list);
    }
    // A changed file drops the texts offered for the one before; a settled one (media-field.js fires "change" after a
    // pick) asks for its own.
    if (!document.documentElement.dataset.altSuggestionsReady) {
        document.documentElement.dataset.altSuggestionsReady = "true";
        document.addEventListener("pointerdown", () => { pressed = true; }, true);
        document.addEventListener("pointerup", release, true);
        document.addEventListener("pointercancel", release, true);
        for (const type of ["input", "change"]) {
            document.addEventListener(type, (event) => {
                const path = event.target instanceof Element ? event.target.closest("[data-media-path]") : null;
                if (!path) {
                    return;
                }
                path.closest("[data-media-row]")?.querySelector("[data-alt-suggestions]")?.remove();
                if (type === "change") {
                    ask(path);
                }
            });
        }
    }
})();
