// Twinning admin: accessibility checks in the browser over the admin's preview of an item (Preview.cshtml; admin.md
// 3.3 (b), ATAG 2.0 B.3.1). The server already checks each rich-text value's HTML (HtmlChecks, the list above the
// preview); this runs IBM's Equal Access engine (lib/accessibility-checker-engine/ace.js, Apache-2.0) over the rendered
// HTML values only, not the admin around them, and lists what it finds in the editor's language, each problem naming
// its field and its element, the summary announced in the region's status. Without scripts the region stays hidden.
"use strict";

(() => {
    // The engine's rules kept, by the name of their text in the region's data attributes: only what an author can fix in
    // the text of a body or field (admin.md 3.3), on markup the sanitiser keeps (no iframes, forms, ARIA or styles, so
    // frame_title_exists, the label and the aria_* rules can never fire), and only failures the engine is sure of,
    // "FAIL", not "POTENTIAL" or "MANUAL". heading_content_exists is a recommendation in the engine but an empty heading
    // is plainly wrong; img_alt_misuse (a file name as alternative text, ATAG B.2.3.2) is only a "POTENTIAL" but is
    // kept, since a file name is never a good description. Left out on purpose: text_block_heading (a bold paragraph
    // used as a heading: the server already says so), dir_attribute_valid, table_scope_valid and
    // table_headers_ref_valid (attributes the rich-text editor cannot write), element_tabbable_visible (the admin's
    // styles, not the author's text).
    const rules = {
        a_text_purpose: "link",
        heading_content_exists: "emptyHeading",
        img_alt_valid: "imageAlt",
        img_alt_misuse: "imageAltFile",
        img_alt_redundant: "imageAltRepeats",
        table_headers_exists: "tableHeaders",
        table_caption_empty: "tableCaption",
        element_lang_valid: "language",
    };
    const sure = new Set(["FAIL"]);
    const potentialKept = new Set(["img_alt_misuse"]);
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
    // What a reader hears of an element: its text and its images' alternative texts.
    const textOf = (element) => quote(collapse([...element.querySelectorAll("*")].reduce(
        (text, image) => image.localName === "img" ? text + " " + (image.getAttribute("alt") ?? "") : text, element.textContent ?? "")));
    const fileOf = (image) => (image.getAttribute("src") ?? "").split(/[?#]/)[0].replace(/\/+$/, "").split("/").pop() || image.getAttribute("src") || "";
    const levelOf = (heading) => Number(heading.localName.slice(1));

    // What each kept rule says about the element the engine names.
    const describe = {
        link: (a) => fill(texts.link, { href: a.getAttribute("href") ?? "" }),
        emptyHeading: (h) => fill(texts.emptyHeading, { level: levelOf(h) }),
        imageAlt: (img) => fill(texts.imageAlt, { file: fileOf(img) }),
        imageAltFile: (img) => fill(texts.imageAltFile, { file: fileOf(img) }),
        imageAltRepeats: (img) => fill(texts.imageAltRepeats, { file: fileOf(img), text: quote(collapse(img.getAttribute("alt") ?? "")) }),
        tableHeaders: (table) => fill(texts.tableHeaders, { text: textOf(table) }),
        tableCaption: (caption) => fill(texts.tableCaption, { text: textOf(caption.closest("table") ?? caption) }),
        language: (element) => fill(texts.language, { lang: element.getAttribute("lang") ?? "", text: textOf(element) }),
    };

    // Headings in order: the engine has no such rule. As on the server (HtmlChecks), a site places a value inside its
    // own page, so the first heading of a value may have any level; after it, none may skip one.
    const headingOrder = (value) => {
        const found = [];
        let previous = null;
        for (const heading of value.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
            const level = levelOf(heading);
            const text = textOf(heading);
            if (text !== "" && previous !== null && level > previous + 1) {
                found.push({ node: heading, problem: fill(texts.headingOrder, { text, level, previous }) });
            }
            previous = level;
        }
        return found;
    };

    const check = async (checker, value) => {
        const report = await checker.check(value, [guideline]);
        const found = report.results
            .filter((result) => rules[result.ruleId] && (sure.has(result.value[1]) || (result.value[1] === "POTENTIAL" && potentialKept.has(result.ruleId))))
            .filter((result) => result.node instanceof Element && value.contains(result.node))
            .map((result) => ({ node: result.node, problem: describe[rules[result.ruleId]](result.node) }));
        return [...found, ...headingOrder(value)]
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
