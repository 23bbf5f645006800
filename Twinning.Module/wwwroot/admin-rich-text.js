// Twinning admin: the rich-text editor of HTML fields and bodies (HtmlFieldEditor.cshtml), an enhancement of their
// text area, which stays in the form and is what is posted. Loaded as a module on every admin page; the editor
// library (lib/tiptap, installed from npm at build time) is imported only when a page has an HTML field.
// - Offers only what the server's sanitiser keeps: paragraphs, headings 2 to 4, bold, italic, links, bulleted and
//   numbered lists, quotations. A text holding other markup (a table, an image…) keeps the plain text area.
// - The toolbar follows the WAI-ARIA toolbar pattern: one tab stop, arrow keys, Home and End move between its buttons,
//   Alt+F10 in the text moves to it and Escape back; each button says whether its format applies (aria-pressed).
"use strict";

const fields = [...document.querySelectorAll("[data-rich-text]")];
const editable = new Set(["P", "BR", "H2", "H3", "H4", "STRONG", "B", "EM", "I", "A", "UL", "OL", "LI", "BLOCKQUOTE"]);

/** Whether the editor can show this HTML without losing any of it. */
function fits(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    return [...template.content.querySelectorAll("*")].every((element) => editable.has(element.tagName));
}

if (fields.length > 0) {
    const { Editor, StarterKit } = await import("./lib/tiptap/tiptap.js");
    for (const field of fields) {
        enhance(field, Editor, StarterKit);
    }
}

function enhance(field, Editor, StarterKit) {
    const source = field.querySelector("textarea");
    const toolbar = field.querySelector("[role=toolbar]");
    if (!fits(source.value)) {
        field.querySelector("[data-rich-text-fallback]").hidden = false;
        return;
    }
    const id = source.id;
    const label = document.querySelector(`label[for="${id}"]`);
    if (label && !label.id) {
        label.id = `${id}-label`;
    }
    // The editable area takes the text area's id: the label's and the error summary's links lead to it.
    source.id = `${id}-source`;
    const area = document.createElement("div");
    area.className = "rich-text-area";
    source.before(area);
    source.hidden = true;
    field.querySelector("[data-rich-text-keys]").hidden = false;
    const describedBy = [source.getAttribute("aria-describedby"), field.querySelector("[data-rich-text-keys]").id].filter(Boolean).join(" ");

    const buttons = [...toolbar.querySelectorAll("button")];
    const isActive = (button) => {
        const format = button.dataset.format;
        return format === "heading" ? editor.isActive("heading", { level: Number(button.dataset.level) }) : editor.isActive(format);
    };
    function reflect() {
        for (const button of editor ? buttons : []) {
            button.setAttribute("aria-pressed", String(isActive(button)));
        }
    }
    let editor;
    editor = new Editor({
        element: area,
        content: source.value,
        extensions: [StarterKit.configure({
            heading: { levels: [2, 3, 4] },
            code: false,
            codeBlock: false,
            strike: false,
            underline: false,
            horizontalRule: false,
            // No empty paragraph added after a final list or quotation: the saved HTML is what was typed.
            trailingNode: false,
            link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null, class: null } },
        })],
        editorProps: {
            attributes: {
                id,
                role: "textbox",
                "aria-multiline": "true",
                ...(label ? { "aria-labelledby": label.id } : {}),
                ...(describedBy ? { "aria-describedby": describedBy } : {}),
                ...(source.getAttribute("aria-invalid") ? { "aria-invalid": "true" } : {}),
                class: "rich-text-content",
            },
        },
        onUpdate: ({ editor: e }) => {
            source.value = e.isEmpty ? "" : e.getHTML();
            // A format applied by shortcut or toolbar fires no event in the form; the warning before leaving and the
            // browser's local copy of the form listen for changes. ("input" on the text area means a value put there by
            // another script, below.)
            source.dispatchEvent(new Event("change", { bubbles: true }));
        },
        onTransaction: () => reflect(),
    });
    label?.addEventListener("click", () => editor.commands.focus());
    // A value another script put into the text area (admin-local-copy.js restoring an unsaved copy): the editor shows
    // it, or gives way to the text area when the editor could not show it whole.
    source.addEventListener("input", () => {
        if (fits(source.value)) {
            editor.commands.setContent(source.value, { emitUpdate: false });
            return;
        }
        editor.destroy();
        area.remove();
        toolbar.hidden = true;
        field.querySelector("[data-rich-text-keys]").hidden = true;
        field.querySelector("[data-rich-text-fallback]").hidden = false;
        source.id = id;
        source.hidden = false;
    });

    const run = (button) => {
        const chain = editor.chain();
        switch (button.dataset.format) {
            case "paragraph": chain.setParagraph(); break;
            case "heading": chain.toggleHeading({ level: Number(button.dataset.level) }); break;
            case "bold": chain.toggleBold(); break;
            case "italic": chain.toggleItalic(); break;
            case "bulletList": chain.toggleBulletList(); break;
            case "orderedList": chain.toggleOrderedList(); break;
            case "blockquote": chain.toggleBlockquote(); break;
            case "link": {
                const address = window.prompt(button.dataset.prompt, editor.getAttributes("link").href ?? "https://");
                if (address === null) {
                    return;
                }
                const trimmed = address.trim();
                if (trimmed === "" || trimmed === "https://") {
                    chain.extendMarkRange("link").unsetLink();
                } else {
                    chain.extendMarkRange("link").setLink({ href: trimmed });
                }
                break;
            }
        }
        chain.run();
        reflect();
    };

    // One tab stop: the last button used (the first at the start); arrows, Home and End move within the toolbar.
    const focusButton = (index) => {
        const next = buttons[(index + buttons.length) % buttons.length];
        for (const button of buttons) {
            button.tabIndex = button === next ? 0 : -1;
        }
        next.focus();
    };
    buttons.forEach((button, index) => {
        button.tabIndex = index === 0 ? 0 : -1;
        button.addEventListener("click", () => run(button));
        button.addEventListener("keydown", (event) => {
            const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 };
            if (event.key in moves) {
                event.preventDefault();
                focusButton(moves[event.key]);
            } else if (event.key === "Escape") {
                event.preventDefault();
                editor.commands.focus();
            }
        });
    });
    editor.view.dom.addEventListener("keydown", (event) => {
        if (event.key === "F10" && event.altKey) {
            event.preventDefault();
            focusButton(Math.max(0, buttons.findIndex((button) => button.tabIndex === 0)));
        }
    });
    toolbar.hidden = false;
    reflect();
    // A link to the field from another page (the preview's accessibility checks) was followed before the editable
    // area existed: the browser could not focus it, so it is focused now.
    if (location.hash === `#${id}`) {
        editor.commands.focus();
    }
}
