// Twinning admin: a copy of the content editor's unsaved form in this browser, offered back when the editor returns
// (a closed tab, a crash, a link followed by mistake). Loaded as a module on every admin page.
// - <form data-local-copy="{user}:{item id or new:{type}}">: while the form holds changes, its values are kept in
//   localStorage (a second after the last change, and at once when the page is left or the form sent), with the
//   version the form is based on (its baseVersionId and baseModified inputs) and the time. Never the form's own hidden
//   inputs (the anti-forgery token, the version, the owner), passwords or files.
// - Opening that form again, when the copy would change what it shows: [data-local-copy-notice] offers it back.
//   Restore puts the values into the fields that still exist, which marks the form changed (admin.js), and the form
//   back on the copy's version, so that a save over a newer version is refused showing what changed; Discard deletes
//   the copy. Until one is chosen the copy is kept as it is, whatever is typed meanwhile.
// - The copy is deleted when the save this page sent succeeded (the page it leads to has data-local-copy-saved); every
//   copy is deleted when a form with data-forget-local-copies (sign-out) is sent, and a copy older than 7 days when any
//   admin page opens.
"use strict";

const prefix = "twinning.local-copy:";
const maxAge = 7 * 24 * 60 * 60 * 1000;
const delay = 1000;
/** In this tab's sessionStorage: the copy written when the form was sent, deleted if the save succeeds. */
const sentKey = "twinning.local-copy-sent";

/** The browser's storage, or null when it refuses it (disabled, private mode): then nothing is kept. */
function storageOf(name) {
    try {
        return window[name];
    } catch {
        return null;
    }
}

const store = storageOf("localStorage");
/** Set when signing out: no copy is written any more, not even the one of a change typed a moment before. */
let forgetting = false;

function read(key) {
    try {
        const copy = JSON.parse(store.getItem(key));
        return copy && typeof copy.time === "number" && Array.isArray(copy.fields) ? copy : null;
    } catch {
        return null;
    }
}

function keys() {
    return Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key) => key?.startsWith(prefix));
}

const checkable = (element) => element.type === "checkbox" || element.type === "radio";
const valueOf = (element) => element.type === "select-multiple" ? [...element.selectedOptions].map((o) => o.value) : element.value;
const hidden = (element) => element.type === "hidden";
const skipped = new Set(["password", "file", "submit", "button", "reset", "image"]);

/** The form's named fields whose values are kept. A hidden input only within a field's editor (a picker's chosen item,
 * a bag's item, a media row), never the form's own (the anti-forgery token, the version, the owner). */
const fieldsOf = (form) => [...form.elements].filter((element) =>
    element.name && element.matches("input, select, textarea") && !skipped.has(element.type)
    && (!hidden(element) || element.closest(".field")));

/** Each field's value: a checkbox or radio button by its value and whether it is ticked, a hidden input by its value
 * alone (what it stands for, a chosen item, is made by its editor's script: it is not restored, only looked for), another
 * field by its value. */
const snapshot = (form) => fieldsOf(form).map((element) => hidden(element) ? { n: element.name, v: element.value, h: true }
    : checkable(element) ? { n: element.name, v: element.value, c: element.checked }
    : { n: element.name, v: valueOf(element) });

/** The copy's values paired with the fields now in the form (by name, then by value for a checkbox or hidden input,
 * else in order), and how many found no field: a bag's item or a picker's choice that is not there, a field removed
 * from the type. */
function match(form, fields) {
    const free = fieldsOf(form);
    const pairs = [];
    let missing = 0;
    for (const entry of fields) {
        const index = free.findIndex((element) => element.name === entry.n
            && (entry.h ? (hidden(element) || checkable(element)) && element.value === entry.v
                : "c" in entry ? checkable(element) && element.value === entry.v
                : !checkable(element) && !hidden(element)));
        if (index < 0) {
            missing++;
        } else {
            pairs.push([free[index], entry]);
            free.splice(index, 1);
        }
    }
    return { pairs, missing };
}

const same = (element, entry) => entry.h || ("c" in entry ? element.checked === entry.c : JSON.stringify(valueOf(element)) === JSON.stringify(entry.v));

/** Puts the value into the field, telling the page's scripts (the rich-text editor, admin.js's unsaved warning);
 * false when the field cannot take it (a choice no longer offered). */
function put(element, entry) {
    if ("c" in entry) {
        element.checked = entry.c;
    } else if (element.type === "select-multiple") {
        for (const option of element.options) {
            option.selected = entry.v.includes(option.value);
        }
    } else {
        element.value = entry.v;
    }
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.dispatchEvent(new Event("change", { bubbles: true }));
    return same(element, entry);
}

function keep(form, key) {
    const versionInputs = ["baseVersionId", "baseModified"].map((name) => form.elements.namedItem(name));
    const versionOf = () => versionInputs.map((input) => input?.value ?? "").join("|");
    const version = versionOf();
    const session = storageOf("sessionStorage");
    let sent = null;
    try {
        sent = JSON.parse(session?.getItem(sentKey));
        session?.removeItem(sentKey);
    } catch {
        sent = null;
    }
    // Deleted only when unchanged since it was sent: another tab may have written it again since.
    if (form.hasAttribute("data-local-copy-saved") && sent && read(sent.key)?.time === sent.time) {
        store.removeItem(sent.key);
    }

    let offered = false;
    let touched = false;
    let sending = false;
    let timer;
    const write = () => {
        window.clearTimeout(timer);
        timer = undefined;
        if (offered || forgetting) {
            return null;
        }
        const copy = { version: versionOf(), time: Date.now(), fields: snapshot(form) };
        try {
            store.setItem(key, JSON.stringify(copy));
            return copy;
        } catch {
            // Storage full or refused: the browser's warning before leaving still guards the form.
            return null;
        }
    };
    const changed = () => {
        touched = true;
        window.clearTimeout(timer);
        timer = window.setTimeout(write, delay);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // Leaving: written again whenever the form was changed at all, since a script may have changed it after the last
    // copy without an event (a picker adds its chosen item's hidden input).
    window.addEventListener("pagehide", () => {
        if (!sending && (timer !== undefined || touched)) {
            write();
        }
    });
    form.addEventListener("submit", (event) => {
        if (event.defaultPrevented) {
            return;
        }
        // The copy written below is the one the save makes needless; leaving for the answer writes no other.
        sending = true;
        if (timer !== undefined) {
            write();
        }
        // The copy as it is now, the one offered and not chosen included: the save makes it needless.
        const copy = read(key);
        try {
            session?.setItem(sentKey, JSON.stringify({ key, time: copy?.time }));
        } catch {
            // Then the copy stays until it is 7 days old or the next sign-out.
        }
    });

    const copy = read(key);
    const notice = document.querySelector("[data-local-copy-notice]");
    if (!copy || !notice) {
        return;
    }
    const offer = match(form, copy.fields);
    if (offer.missing === 0 && offer.pairs.every(([element, entry]) => same(element, entry))) {
        return;
    }
    offered = true;
    const found = notice.querySelector("[data-local-copy-found]");
    found.textContent = found.dataset.localCopyFound.replace("{0}", when(copy.time));
    notice.querySelector("[data-local-copy-older]").hidden = copy.version === version;
    notice.hidden = false;

    const status = document.querySelector("[data-local-copy-status]");
    const done = (text) => {
        offered = false;
        notice.hidden = true;
        const message = document.createElement("p");
        message.className = "notice done";
        message.textContent = text;
        status.replaceChildren(message);
        // The buttons are gone: the editor goes on in the form.
        fieldsOf(form).find((element) => !hidden(element))?.focus();
    };
    notice.querySelector("[data-local-copy-restore]").addEventListener("click", () => {
        // Paired again: the page's scripts may have replaced fields since (a picker's list, made when it loaded).
        const { pairs, missing } = match(form, copy.fields);
        // Values typed on an older version stay based on it: the save is then refused, showing what changed since.
        if (copy.version !== version) {
            copy.version.split("|").forEach((value, i) => {
                if (versionInputs[i]) {
                    versionInputs[i].value = value;
                }
            });
        }
        const refused = pairs.filter(([element, entry]) => !same(element, entry) && !put(element, entry)).length + missing;
        let text = notice.dataset.restored;
        if (refused > 0) {
            const forms = JSON.parse(notice.dataset.unrestored);
            const category = new Intl.PluralRules(document.documentElement.lang).select(refused);
            text += " " + (forms[category] ?? forms.other).replace("{0}", String(refused));
        }
        done(text);
        write();
    });
    notice.querySelector("[data-local-copy-discard]").addEventListener("click", () => {
        store.removeItem(key);
        done(notice.dataset.discarded);
    });
}

/** "10:42" today, else the date too, in the page's language. */
function when(time) {
    const date = new Date(time);
    const language = document.documentElement.lang;
    return date.toDateString() === new Date().toDateString()
        ? date.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" })
        : date.toLocaleString(language, { dateStyle: "medium", timeStyle: "short" });
}

if (store) {
    for (const key of keys()) {
        if (!(Date.now() - (read(key)?.time ?? 0) < maxAge)) {
            store.removeItem(key);
        }
    }
    document.addEventListener("submit", (event) => {
        if (!event.defaultPrevented && event.target.matches("form[data-forget-local-copies]")) {
            // A shared computer: the next person to sign in finds nothing of this one's work.
            forgetting = true;
            keys().forEach((key) => store.removeItem(key));
        }
    });
    const form = document.querySelector("form[data-local-copy]");
    if (form) {
        keep(form, prefix + form.dataset.localCopy);
    }
}
