// Twinning admin: the media field's editor (Features/ContentFields/MediaField), on top of inputs that work without it.
// - "Choose from the library" opens a native <dialog> (WAI-ARIA dialog pattern: focus moves in, Esc closes, focus
//   returns) that searches the library (GET /admin/media/files?q=) or uploads a file into it (POST /admin/media/pick,
//   with the form's anti-forgery token), and puts the chosen path into the row.
// - The focal point: a click on the preview sets the two per-cent inputs, and typing them moves the marker; the crop
//   previews beside it follow (shortly after the last change), cut where the server's crop would cut.
// - Several files: Move up, Move down and Remove, each announced in the field's live region; the numbers in the
//   labels follow the new order.
// Each field's view includes this script; it sets up each field once.
"use strict";

(() => {
    const fill = (template, values) => Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), template ?? "");

    // The server's crop (ResizeGeometry.Crop, in single precision and rounding halves to even as .NET does): the
    // offset of the source, scaled to cover width × height, that centres the focal point without leaving the image.
    const single = Math.fround;
    const roundEven = (value) => {
        const rounded = Math.round(value);
        return Math.abs(value % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
    };
    const cropOffset = (sourceWidth, sourceHeight, width, height, x, y) => {
        const byHeight = single(height / sourceHeight);
        const byWidth = single(width / sourceWidth);
        if (byHeight < byWidth) {
            const resized = single(sourceHeight * byWidth);
            const top = roundEven(single(single(-resized * y) + height / 2));
            return { x: 0, y: Math.min(Math.max(top, roundEven(single(height - resized))), 0) };
        }
        const resized = single(sourceWidth * byHeight);
        const left = roundEven(single(single(-resized * x) + width / 2));
        return { x: Math.min(Math.max(left, roundEven(single(width - resized))), 0), y: 0 };
    };
    // A per-cent input as the server reads it: a unit from 0 to 1 with four decimals; null when it is not one.
    const unit = (input) => {
        const value = Math.round(Number(input.value.trim().replace(",", ".")) * 100) / 10000;
        return input.value.trim() !== "" && value >= 0 && value <= 1 ? single(value) : null;
    };

    for (const field of document.querySelectorAll("[data-media-field]:not([data-ready])")) {
        field.dataset.ready = "true";
        const list = field.querySelector("[data-media-rows]");
        const status = field.querySelector("[data-media-status]");
        const dialog = document.getElementById(field.dataset.dialog);
        const form = field.closest("form");
        const multiple = field.dataset.multiple === "true";
        const rows = () => [...list.querySelectorAll(":scope > [data-media-row]")];
        const pathOf = (row) => row.querySelector("[data-media-path]").value.trim();
        const filled = () => rows().filter((row) => pathOf(row) !== "");
        const announce = (text) => {
            // Emptied first, so the same text said twice is announced twice.
            status.textContent = "";
            window.setTimeout(() => { status.textContent = text; }, 50);
        };
        const changed = (input) => input.dispatchEvent(new Event("change", { bubbles: true }));

        const renumber = () => {
            rows().forEach((row, index) => {
                for (const element of row.querySelectorAll("[data-n]")) {
                    element.textContent = fill(element.dataset.n, { n: index + 1 });
                }
                const order = row.querySelector("[data-media-order]");
                if (order) {
                    order.hidden = pathOf(row) === "";
                }
            });
        };

        const showPreview = (row, path, preview) => {
            const box = row.querySelector("[data-media-preview]");
            const image = row.querySelector("[data-focal-image]");
            if (preview) {
                image.src = preview;
                image.alt = fill(field.dataset.previewAlt, { file: path.split("/").pop() });
            } else {
                image.removeAttribute("src");
                image.alt = "";
            }
            box.hidden = !preview;
        };

        // A new empty row after the last one is filled, so a gallery can take one more file; the copy's ids are made unique.
        let copies = 0;
        const addEmptyRow = () => {
            const last = rows().at(-1);
            if (!multiple || !last || pathOf(last) === "") {
                return;
            }
            const row = last.cloneNode(true);
            const suffix = `-n${++copies}`;
            const ids = new Set([...row.querySelectorAll("[id]")].map((element) => element.id));
            for (const element of row.querySelectorAll("[id]")) {
                element.id += suffix;
            }
            for (const element of row.querySelectorAll("[for], [aria-describedby]")) {
                for (const name of ["for", "aria-describedby"]) {
                    const value = element.getAttribute(name);
                    if (value) {
                        element.setAttribute(name, value.split(" ").map((id) => (ids.has(id) ? id + suffix : id)).join(" "));
                    }
                }
            }
            for (const input of row.querySelectorAll("input")) {
                if (input.type === "hidden") {
                    input.value = `c${copies}`;
                } else if (input.type === "checkbox") {
                    input.checked = false;
                    input.value = `c${copies}`;
                } else if (input.type === "number") {
                    input.value = "50";
                } else {
                    input.value = "";
                }
            }
            // The copied row's crop previews and the texts offered for its file (media-alt-suggestions.js) are not this row's.
            row.querySelector("[data-focal-crops]")?.remove();
            row.querySelector("[data-alt-suggestions]")?.remove();
            showPreview(row, "", null);
            const marker = row.querySelector("[data-focal-marker]");
            if (marker) {
                marker.style.left = "50%";
                marker.style.top = "50%";
            }
            list.append(row);
            setUpRow(row);
            renumber();
        };

        const setMarker = (row) => {
            const marker = row.querySelector("[data-focal-marker]");
            const x = Number(row.querySelector("[data-focus-x]")?.value);
            const y = Number(row.querySelector("[data-focus-y]")?.value);
            if (marker && Number.isFinite(x) && Number.isFinite(y)) {
                marker.style.left = `${Math.min(100, Math.max(0, x))}%`;
                marker.style.top = `${Math.min(100, Math.max(0, y))}%`;
            }
        };

        let opener = null;
        const choose = (file) => {
            const row = opener.closest("[data-media-row]");
            const input = row.querySelector("[data-media-path]");
            input.value = file.path;
            changed(input);
            // The crops shown were of the file replaced; the new file's are shown once the item is saved.
            row.querySelector("[data-focal-crops]")?.remove();
            showPreview(row, file.path, file.preview);
            const number = rows().indexOf(row) + 1;
            dialog.close();
            addEmptyRow();
            renumber();
            opener.focus();
            announce(fill(field.dataset.chosen, { file: file.name, n: number }));
        };

        // Before the focal point is saved, each crop preview shows the row's uncropped preview scaled to cover it and
        // moved by the server's offset, computed for the original's size, so it shows what the saved crop will cut.
        const followCrops = (row, image, x, y) => {
            const crops = row.querySelector("[data-focal-crops]");
            if (!crops) {
                return;
            }
            let timer = 0;
            const follow = () => {
                const fx = unit(x);
                const fy = unit(y);
                if (fx === null || fy === null || !image.getAttribute("src") || !row.contains(crops)) {
                    return;
                }
                for (const crop of crops.querySelectorAll("[data-focal-crop]")) {
                    const offset = cropOffset(Number(crops.dataset.width), Number(crops.dataset.height),
                        Number(crop.getAttribute("width")), Number(crop.getAttribute("height")), fx, fy);
                    crop.src = image.getAttribute("src");
                    crop.style.objectFit = "cover";
                    crop.style.objectPosition = `${offset.x}px ${offset.y}px`;
                }
            };
            for (const input of [x, y]) {
                for (const name of ["input", "change"]) {
                    input.addEventListener(name, () => {
                        window.clearTimeout(timer);
                        timer = window.setTimeout(follow, 200);
                    });
                }
            }
        };

        function setUpRow(row) {
            const pick = row.querySelector("[data-media-pick]");
            pick.hidden = false;
            pick.addEventListener("click", () => {
                opener = pick;
                dialog.showModal();
                const search = dialog.querySelector("[data-media-search]");
                search.focus();
                search.select();
                load(search.value);
            });
            const image = row.querySelector("[data-focal-image]");
            const x = row.querySelector("[data-focus-x]");
            const y = row.querySelector("[data-focus-y]");
            if (x && y) {
                image.addEventListener("click", (event) => {
                    const box = image.getBoundingClientRect();
                    const round = (value) => String(Math.round(Math.min(100, Math.max(0, value)) * 10) / 10);
                    x.value = round(((event.clientX - box.left) / box.width) * 100);
                    y.value = round(((event.clientY - box.top) / box.height) * 100);
                    changed(x);
                    setMarker(row);
                });
                x.addEventListener("input", () => setMarker(row));
                y.addEventListener("input", () => setMarker(row));
                row.querySelector("[data-focal-marker]").hidden = false;
                setMarker(row);
                followCrops(row, image, x, y);
            }
            const move = (direction) => {
                const others = filled();
                const from = others.indexOf(row);
                const to = from + direction;
                if (from < 0 || to < 0 || to >= others.length) {
                    return;
                }
                if (direction < 0) {
                    others[to].before(row);
                } else {
                    others[to].after(row);
                }
                renumber();
                changed(row.querySelector("[data-media-path]"));
                announce(fill(field.dataset.moved, { position: to + 1, count: others.length }));
            };
            row.querySelector("[data-media-up]")?.addEventListener("click", (event) => { move(-1); event.currentTarget.focus(); });
            row.querySelector("[data-media-down]")?.addEventListener("click", (event) => { move(1); event.currentTarget.focus(); });
            row.querySelector("[data-media-remove]")?.addEventListener("click", () => {
                const next = row.nextElementSibling ?? row.previousElementSibling;
                row.remove();
                renumber();
                form?.dispatchEvent(new Event("change", { bubbles: true }));
                (next?.querySelector("[data-media-remove]:not([hidden])") ?? next?.querySelector("[data-media-path]"))?.focus();
                announce(fill(field.dataset.removed, { count: filled().length }));
            });
        }

        // The dialog: search results as buttons, and an upload.
        const results = dialog.querySelector("[data-media-results]");
        const found = dialog.querySelector("[data-media-found]");
        const errors = dialog.querySelector("[data-media-errors]");
        let latest = 0;
        const load = async (query) => {
            const request = ++latest;
            found.textContent = dialog.dataset.loading;
            const response = await fetch(`/admin/media/files?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            if (request !== latest || !response.ok) {
                return;
            }
            const answer = await response.json();
            results.replaceChildren(...answer.files.map((file) => {
                const item = document.createElement("li");
                const button = document.createElement("button");
                button.type = "button";
                button.className = "media-result";
                if (file.thumbnail) {
                    const thumbnail = document.createElement("img");
                    thumbnail.src = file.thumbnail;
                    thumbnail.alt = "";
                    button.append(thumbnail);
                }
                const name = document.createElement("span");
                name.textContent = file.name;
                const path = document.createElement("span");
                path.className = "hint";
                path.textContent = file.path;
                button.append(name, path);
                button.addEventListener("click", () => choose(file));
                item.append(button);
                return item;
            }));
            found.textContent = answer.files.length === 0 ? dialog.dataset.none
                : fill(dialog.dataset.found, { count: answer.files.length }) + (answer.more ? " " + dialog.dataset.more : "");
        };
        const search = dialog.querySelector("[data-media-search]");
        let timer = 0;
        search.addEventListener("input", () => {
            window.clearTimeout(timer);
            timer = window.setTimeout(() => load(search.value), 250);
        });
        // Enter searches at once instead of submitting the item's form.
        search.addEventListener("keydown", (event) => {
            if (event.key === "Enter") {
                event.preventDefault();
                window.clearTimeout(timer);
                load(search.value);
            }
        });
        dialog.querySelector("[data-media-close]").addEventListener("click", () => dialog.close());
        dialog.addEventListener("close", () => {
            errors.textContent = "";
            opener?.focus();
        });
        const upload = dialog.querySelector("[data-media-upload]");
        upload.addEventListener("click", async () => {
            const file = dialog.querySelector("[data-media-file]");
            const body = new FormData();
            if (file.files.length > 0) {
                body.append("file", file.files[0]);
            }
            body.append("__RequestVerificationToken", form?.querySelector("input[name=__RequestVerificationToken]")?.value ?? "");
            errors.textContent = "";
            found.textContent = dialog.dataset.uploading;
            upload.disabled = true;
            try {
                const response = await fetch("/admin/media/pick", { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
                const answer = await response.json().catch(() => ({ errors: [] }));
                if (response.ok) {
                    file.value = "";
                    found.textContent = "";
                    choose(answer);
                } else {
                    found.textContent = "";
                    errors.textContent = [dialog.dataset.failed, ...(answer.errors ?? [])].join(" ");
                }
            } finally {
                upload.disabled = false;
            }
        });

        for (const row of rows()) {
            setUpRow(row);
        }
        renumber();
    }
})();
