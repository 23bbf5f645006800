// Twinning admin: small conveniences on top of plain forms that work without this script.
// - <form data-confirm="Question?">: asks before submitting (deleting).
// - <form data-unsaved-warning>: the browser warns before leaving the page while the form holds unsaved changes.
"use strict";

document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
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

// A form that came back with errors: the summary takes the focus, so it is read first (GOV.UK's error summary).
document.querySelector("[data-focus-on-load]")?.focus();
