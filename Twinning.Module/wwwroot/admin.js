// Twinning admin: small conveniences on top of plain forms that work without this script.
// - <form data-confirm="Question?">, or a submit button with it: asks before submitting (deleting).
// - <input type="checkbox" data-select-all="formId" hidden>: shown, it ticks or clears every checkbox of that form.
// - <form data-unsaved-warning>: the browser warns before leaving the page while the form holds unsaved changes.
"use strict";

document.addEventListener("submit", (event) => {
    const form = event.target;
    const question = event.submitter?.dataset.confirm ?? (form instanceof HTMLFormElement ? form.dataset.confirm : undefined);
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

for (const form of document.querySelectorAll("form[data-unsaved-warning]")) {
    let dirty = false;
    const mark = () => { dirty = true; };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    // Saving is leaving on purpose.
    form.addEventListener("submit", () => { dirty = false; });
    window.addEventListener("beforeunload", (event) => {
        if (dirty) {
            event.preventDefault();
            // Older browsers show the dialog only when returnValue is set.
            event.returnValue = "";
        }
    });
}

for (const all of document.querySelectorAll("input[data-select-all]")) {
    const boxes = () => [...document.querySelectorAll(`input[type=checkbox][form="${all.dataset.selectAll}"]`)];
    const reflect = () => {
        const checked = boxes().filter((box) => box.checked).length;
        all.checked = checked > 0 && checked === boxes().length;
        all.indeterminate = checked > 0 && checked < boxes().length;
    };
    all.hidden = false;
    for (const label of all.labels) {
        label.hidden = false;
    }
    all.addEventListener("change", () => {
        for (const box of boxes()) {
            box.checked = all.checked;
        }
    });
    document.addEventListener("change", (event) => {
        if (event.target !== all && boxes().includes(event.target)) {
            reflect();
        }
    });
}

// A form that came back with errors: the summary takes the focus, so it is read first (GOV.UK's error summary).
document.querySelector("[data-focus-on-load]")?.focus();
