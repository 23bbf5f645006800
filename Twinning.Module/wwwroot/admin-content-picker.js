// Twinning admin: content pickers (ContentPickerFieldEditor.cshtml). Without this script a chosen item is a ticked
// checkbox and an item is added by its ID; with it:
// - the chosen items are an ordered list whose items have Remove, Move up and Move down buttons (a picker of one item:
//   Remove only); each change is announced in the picker's polite live region and the focus stays on the item moved;
// - the ID input becomes a combobox (accessible-autocomplete, installed from npm at build time, WAI-ARIA combobox
//   pattern) searching /admin/content/choices, which offers only the items of the field's allowed types that the
//   editor may see. Choosing an item adds it to the list (replaces it, in a picker of one item).
// The form posts the ids in the list's order; the server checks them again.
"use strict";

const pickers = [...document.querySelectorAll("[data-content-picker]")];

/** How long typing must pause before the server is asked (ms). */
const searchDelay = 150;

/** "{0} moved to {1}" with its values. */
const format = (text, ...values) => text.replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));

function loadAutocomplete() {
    const base = new URL("./lib/accessible-autocomplete/", import.meta.url);
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("accessible-autocomplete.min.css", base).href;
    document.head.append(style);
    return new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("accessible-autocomplete.min.js", base).href;
        script.onload = () => resolve(window.accessibleAutocomplete);
        script.onerror = reject;
        document.head.append(script);
    });
}

if (pickers.length > 0) {
    const accessibleAutocomplete = await loadAutocomplete();
    for (const picker of pickers) {
        enhance(picker, accessibleAutocomplete);
    }
}

function enhance(picker, accessibleAutocomplete) {
    const t = picker.dataset;
    const multiple = t.multiple === "true";
    const list = picker.querySelector(".picker-chosen");
    const none = picker.querySelector("[data-picker-none]");
    const status = picker.querySelector("[data-picker-status]");
    const announce = (text) => {
        // Emptied first, so the same words twice in a row are read twice.
        status.textContent = "";
        window.setTimeout(() => { status.textContent = text; }, 50);
    };
    const items = () => [...list.children];
    const titleOf = (item) => item.querySelector("[data-title]").textContent;

    const button = (text, title, action) => {
        const element = document.createElement("button");
        element.type = "button";
        element.textContent = format(text, title);
        element.dataset.action = action;
        return element;
    };
    /** A list item for a chosen id: the hidden input the form posts, the title and the buttons. */
    const itemFor = (id, title) => {
        const item = document.createElement("li");
        item.dataset.id = id;
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = t.name;
        input.value = id;
        const name = document.createElement("span");
        name.dataset.title = "";
        name.textContent = title;
        item.append(input, name);
        if (multiple) {
            item.append(button(t.tMoveUp, title, "up"), button(t.tMoveDown, title, "down"));
        }
        item.append(button(t.tRemove, title, "remove"));
        return item;
    };
    const reflect = () => { none.hidden = items().length > 0; };
    // Tells the form its chosen items changed: adding, removing or moving one fires no event of its own, and the warning
    // before leaving and the browser's local copy of the form listen for changes.
    const changed = () => {
        reflect();
        list.dispatchEvent(new Event("change", { bubbles: true }));
    };

    for (const item of items()) {
        const box = item.querySelector("input[type=checkbox]");
        item.replaceWith(itemFor(box.value, item.querySelector("label").textContent));
    }

    list.addEventListener("click", (event) => {
        const action = event.target.closest("button")?.dataset.action;
        if (!action) {
            return;
        }
        const item = event.target.closest("li");
        const title = titleOf(item);
        if (action === "remove") {
            const next = item.nextElementSibling ?? item.previousElementSibling;
            item.remove();
            changed();
            (next?.querySelector("[data-action=remove]") ?? input()).focus();
            announce(format(t.tRemoved, title));
            return;
        }
        const sibling = action === "up" ? item.previousElementSibling : item.nextElementSibling;
        if (sibling) {
            if (action === "up") {
                sibling.before(item);
            } else {
                sibling.after(item);
            }
            changed();
        }
        // Moving an element takes the focus away from it: it goes back to the same button.
        item.querySelector(`[data-action=${action}]`).focus();
        announce(format(t.tMoved, title, items().indexOf(item) + 1, items().length));
    });

    const add = (choice) => {
        if (items().some((item) => item.dataset.id === choice.id)) {
            return;
        }
        const replaced = multiple ? null : items()[0];
        const item = itemFor(choice.id, choice.title);
        if (replaced) {
            replaced.replaceWith(item);
            announce(format(t.tReplaced, choice.title, titleOf(replaced)));
        } else {
            list.append(item);
            announce(format(t.tAdded, choice.title));
        }
        changed();
    };

    // The ID input gives way to the combobox, which takes its id (the error summary's links lead to it).
    const old = picker.querySelector("[data-picker-add] input");
    const id = old.id;
    const label = picker.querySelector(`label[for="${id}"]`);
    label.textContent = t.tSearch;
    const host = document.createElement("div");
    old.replaceWith(host);
    const input = () => host.querySelector("input");
    const listbox = () => host.querySelector("[role=listbox]");
    // Searching as the editor types: one request once typing pauses, an earlier request still under way is
    // cancelled, and only the answer to the newest query is shown (an older one arriving late must not replace the
    // list the keyboard is in). While a search is pending the combobox is marked busy.
    let searches = 0;
    let pending = null;
    let timer = 0;
    let shown = "";
    const busy = (on) => {
        if (on) {
            host.setAttribute("aria-busy", "true");
        } else {
            host.removeAttribute("aria-busy");
        }
    };
    const search = (query, populate) => {
        const number = ++searches;
        window.clearTimeout(timer);
        pending?.abort();
        pending = null;
        busy(true);
        timer = window.setTimeout(() => {
            const controller = new AbortController();
            pending = controller;
            fetch(`${t.search}&q=${encodeURIComponent(query)}`, {
                headers: { Accept: "application/json" }, credentials: "same-origin", signal: controller.signal,
            })
                .then((response) => (response.ok ? response.json() : []))
                .catch(() => [])
                .then((choices) => {
                    if (number !== searches) {
                        return;
                    }
                    pending = null;
                    busy(false);
                    if (input().value !== query) {
                        // Emptied meanwhile: the combobox shows nothing then.
                        return;
                    }
                    // The same items as the open list: it stays as it is, so an item the editor has moved to with the
                    // arrow keys stays the one Enter chooses.
                    const ids = choices.map((choice) => choice.id).join("\n");
                    if (ids === shown && choices.length > 0 && listbox()?.classList.contains("autocomplete__menu--visible")) {
                        return;
                    }
                    shown = ids;
                    populate(choices);
                });
        }, searchDelay);
    };
    accessibleAutocomplete({
        element: host,
        id,
        name: "",
        minLength: 1,
        showNoOptionsFound: true,
        confirmOnBlur: false,
        source: search,
        templates: {
            inputValue: () => "",
            suggestion: (choice) => {
                const text = document.createElement("span");
                text.textContent = typeof choice === "string" ? choice : choice.title;
                return text.innerHTML;
            },
        },
        onConfirm: (choice) => {
            shown = "";
            if (choice) {
                add(choice);
            }
        },
        tNoResults: () => t.tNoResults,
        tStatusQueryTooShort: (length) => format(t.tQueryTooShort, length),
        tStatusNoResults: () => t.tNoResults,
        tStatusSelectedOption: (option, length, index) => format(t.tHighlighted, option, index + 1, length),
        tStatusResults: (length, selected) => `${format(t.tResults, length)} ${selected}`,
        tAssistiveHint: () => t.tAssistiveHint,
    });
    // Its live regions stay polite but are not "status" regions: the page's one status is the save's notice.
    for (const region of host.querySelectorAll("[role=status]")) {
        region.removeAttribute("role");
    }
    // The combobox finds items by their titles: the hint on IDs goes.
    const idHint = picker.querySelector("[data-picker-id-hint]");
    idHint?.remove();
    const field = input();
    for (const name of ["aria-describedby", "aria-invalid"]) {
        const value = name === "aria-describedby"
            ? old.getAttribute(name)?.split(" ").filter((token) => token !== idHint?.id).join(" ")
            : old.getAttribute(name);
        if (value && name === "aria-invalid") {
            field.setAttribute(name, value);
        } else if (value) {
            field.setAttribute(name, `${field.getAttribute(name) ?? ""} ${value}`.trim());
        }
    }
    reflect();
}
