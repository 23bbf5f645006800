// The bag editor's Move up, Move down and Remove buttons, in place: without this script each submits the form, which
// comes back unsaved with the change made. The posted order of the items' Index inputs is their order, so moving an
// item's element is enough; the numbers in legends and button texts are rewritten ({n} in data-bag-text), and the
// change is announced in the bag's polite live region.
"use strict";

// Each bag's view names this script, so it may run more than once: a bag is set up once.
for (const bag of document.querySelectorAll("[data-bag]:not([data-bag-ready])")) {
    bag.dataset.bagReady = "true";
    const list = bag.querySelector("[data-bag-items]");
    const status = bag.querySelector("[data-bag-status]");
    const items = () => [...list.children].filter((li) => li.matches("[data-bag-item]"));
    const say = (template, item, position) => {
        // Emptied first, so that the same sentence twice is announced twice.
        status.textContent = "";
        window.setTimeout(() => {
            status.textContent = template.replace("{type}", item.dataset.type).replace("{position}", String(position)).replace("{count}", String(items().length));
        }, 50);
    };
    const renumber = () => {
        const all = items();
        all.forEach((li, index) => {
            for (const element of li.querySelectorAll("[data-bag-text]")) {
                element.textContent = element.dataset.bagText.replaceAll("{n}", String(index + 1));
            }
            for (const button of li.querySelectorAll("[data-bag-action]")) {
                const verb = button.dataset.bagAction;
                const inert = (verb === "up" && index === 0) || (verb === "down" && index === all.length - 1);
                if (inert) {
                    button.setAttribute("aria-disabled", "true");
                } else {
                    button.removeAttribute("aria-disabled");
                }
            }
        });
        bag.querySelector("[data-bag-empty]").hidden = all.length > 0;
        // The form now differs from what was loaded: leaving it warns (admin.js).
        list.dispatchEvent(new Event("change", { bubbles: true }));
    };
    bag.addEventListener("click", (event) => {
        const button = event.target.closest("[data-bag-action]");
        if (!button || button.closest("[data-bag]") !== bag) {
            return;
        }
        event.preventDefault();
        if (button.getAttribute("aria-disabled") === "true") {
            return;
        }
        const item = button.closest("[data-bag-item]");
        const verb = button.dataset.bagAction;
        if (verb === "remove") {
            const next = item.nextElementSibling ?? item.previousElementSibling;
            const position = items().indexOf(item) + 1;
            item.remove();
            renumber();
            say(bag.dataset.removed, item, position);
            (next?.querySelector("fieldset") ?? bag.querySelector("[data-bag-add]") ?? bag).focus();
            return;
        }
        if (verb === "up" && item.previousElementSibling) {
            list.insertBefore(item, item.previousElementSibling);
        } else if (verb === "down" && item.nextElementSibling) {
            list.insertBefore(item.nextElementSibling, item);
        }
        renumber();
        button.focus();
        say(bag.dataset.moved, item, items().indexOf(item) + 1);
    });
    // "Select all" and "Select none" of "Apply to selected" (hidden without this script): this bag's boxes only, not
    // those of a bag inside one of its items.
    const selectButtons = bag.querySelector("[data-bag-select-buttons]");
    if (selectButtons) {
        selectButtons.hidden = false;
        selectButtons.addEventListener("click", (event) => {
            const button = event.target.closest("[data-bag-select-all]");
            if (!button) {
                return;
            }
            for (const box of bag.querySelectorAll("[data-bag-select]")) {
                if (box.closest("[data-bag]") === bag) {
                    box.checked = button.dataset.bagSelectAll === "true";
                }
            }
        });
    }
}
