// The rich-text editor library of the admin, bundled at build time from the npm packages in package.json into
// wwwroot/lib/tiptap/tiptap.js (an ES module). The admin's own script (wwwroot/admin-rich-text.js) imports it.
export { Editor } from "@tiptap/core";
export { StarterKit } from "@tiptap/starter-kit";
