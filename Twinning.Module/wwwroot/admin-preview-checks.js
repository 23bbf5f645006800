// Twinning admin: accessibility checks in the browser over the admin's preview of an item (Preview.cshtml; admin.md
// 3.3 (b), ATAG 2.0 B.3.1). The server already checks each rich-text value's HTML (HtmlChecks, the list above the
// preview); this runs IBM's Equal Access engine (lib/accessibility-checker-engine/ace.js, Apache-2.0) over the rendered
// HTML values only, not the admin around them, and lists what it finds beyond those checks in the editor's language, each problem naming
// its field and its element, the summary announced in the region's status. Without scripts the region stays hidden.
"use strict";

(() => {
    // The engine's rules kept, by the name of their text in the region's data attributes: only what an author can fix in
    // the text of a body or field (admin.md 3.3), on markup the sanitiser keeps, and only what the server's checks
    // (HtmlChecks, the list above the preview) do not already report, so that each rule has one home and no problem is
    // listed twice: empty and skipped headings, empty and vague links, tables without header cells, bold paragraphs and
    // images without alternative text are theirs (the engine's a_text_purpose, heading_content_exists,
    // table_headers_exists and img_alt_valid repeat them). Failures the engine is sure of, "FAIL", and img_alt_misuse
    // (a file name as alternative text, ATAG B.2.3.2), only a "POTENTIAL" to the engine but never a description.
    // Left out on purpose: frame_title_exists, the form and aria_* rules (the sanitiser removes what they check),
    // dir_attribute_valid, table_scope_valid and table_headers_ref_valid (attributes the rich-text editor cannot
    // write), element_tabbable_visible (the admin's styles, not the author's text).
    const rules = {
        img_alt_misuse: "imageAltFile",
        img_alt_redundant: "imageAltRepeats",
        table_caption_empty: "tableCaption",
        element_lang_valid: "language",
    };
    const kept = (result) => rules[result.ruleId] !== undefined
        && (result.value[1] === "FAIL" || (result.value[1] === "POTENTIAL" && result.ruleId === "img_alt_misuse"));
    // The engine's guideline closest to the law that applies (WCAG 2.1 AA via EN 301 549); 2.2 adds nothing here.
    const guideline = "WCAG_2_2";

    const region = document.querySelector("[data-preview-checks]");
    if (!region) {
        return;
    }
    const texts = region.dataset;
    const status = region.querySelector("[data-preview-checks-status]");
    const fill = (template, values) => Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), template ?? "");
    const collapse = (text) => text.replace(/\s+/g, " ").trim();
    const quote = (text) => text.length <= 60 ? text : text.slice(0, 59).trimEnd() + "…";
    // What a reader hears of an element: its text as shown (a table's cells apart) and its images' alternative texts.
    const textOf = (element) => quote(collapse([...element.querySelectorAll("*")].reduce(
        (text, image) => image.localName === "img" ? text + " " + (image.getAttribute("alt") ?? "") : text, element.innerText ?? element.textContent ?? "")));
    const fileOf = (image) => (image.getAttribute("src") ?? "").split(/[?#]/)[0].replace(/\/+$/, "").split("/").pop() || image.getAttribute("src") || "";

    // What each kept rule says about the element the engine names.
    const describe = {
        imageAltFile: (img) => fill(texts.imageAltFile, { file: fileOf(img) }),
        imageAltRepeats: (img) => fill(texts.imageAltRepeats, { file: fileOf(img), text: quote(collapse(img.getAttribute("alt") ?? "")) }),
        tableCaption: (caption) => fill(texts.tableCaption, { text: textOf(caption.closest("table") ?? caption) }),
        language: (element) => fill(texts.language, { lang: element.getAttribute("lang") ?? "", text: textOf(element) }),
    };

    const check = async (checker, value) => {
        const report = await checker.check(value, [guideline]);
        return report.results
            .filter((result) => kept(result) && result.node instanceof Element && value.contains(result.node))
            .map((result) => ({ node: result.node, problem: describe[rules[result.ruleId]](result.node) }))
            .sort((a, b) => a.node === b.node ? 0 : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    };

    const show = (problems) => {
        region.querySelector("ul")?.remove();
        if (problems.length === 0) {
            status.textContent = texts.none;
            return;
        }
        const forms = JSON.parse(texts.found);
        status.textContent = (forms[new Intl.PluralRules(document.documentElement.lang).select(problems.length)] ?? forms.other).replace("{0}", String(problems.length));
        const list = document.createElement("ul");
        for (const { field, problem } of problems) {
            const item = document.createElement("li");
            item.textContent = `${field}: ${problem}`;
            list.append(item);
        }
        region.append(list);
    };

    const run = async () => {
        const problems = [];
        try {
            const checker = new window.ace.Checker();
            for (const value of document.querySelectorAll(".content-preview .preview-html")) {
                const field = collapse(value.previousElementSibling?.textContent ?? "");
                // One value at a time, so that a value's problems come together, under its field's label.
                for (const { problem } of await check(checker, value)) {
                    problems.push({ field, problem });
                }
            }
        } catch {
            status.textContent = texts.failed;
            return;
        }
        show(problems);
    };

    // Shown (the status in it empty) before it is filled, so that the summary is announced when it comes.
    region.hidden = false;
    status.textContent = texts.running;
    window.setTimeout(run, 0);
})();
