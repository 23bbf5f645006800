// Starts GraphiQL on /admin/graphql. Queries are posted as JSON to the page's endpoint with the editor's sign-in
// cookie (same origin), so they run with the editor's own permissions. GraphiQL's editors get labels in the admin's
// language and its read-only answer can be scrolled from the keyboard.
(function () {
  'use strict';
  var host = document.getElementById('graphiql');
  if (!host || !window.GraphiQL || !window.React || !window.ReactDOM) {
    return;
  }
  var labels = host.dataset;

  // The editor a part of GraphiQL belongs to, named in the admin's language.
  function nameOf(element) {
    return element.closest('.graphiql-query-editor') ? labels.labelQuery
      : element.closest('.result-window') ? labels.labelResponse
      : element.closest('.graphiql-editor-tool') ? editorToolName(element)
      : null;
  }

  // The tool pane holds the variables editor, then the headers editor.
  function editorToolName(element) {
    var editors = Array.prototype.slice.call(element.closest('.graphiql-editor-tool').querySelectorAll('.graphiql-editor'));
    return editors.indexOf(element.closest('.graphiql-editor')) === 1 ? labels.labelHeaders : labels.labelVariables;
  }

  // CodeMirror's input has no label, and its scrolling area no keyboard access of its own.
  function improve() {
    host.querySelectorAll('.CodeMirror textarea:not([aria-label]), .CodeMirror-scroll:not([aria-label])').forEach(function (element) {
      var name = nameOf(element);
      if (!name) {
        return;
      }
      element.setAttribute('aria-label', name);
      if (element.classList.contains('CodeMirror-scroll')) {
        element.setAttribute('tabindex', '0');
      }
    });
  }

  new MutationObserver(improve).observe(host, { childList: true, subtree: true });
  var fetcher = window.GraphiQL.createFetcher({ url: host.dataset.endpoint });
  window.ReactDOM.createRoot(host).render(window.React.createElement(window.GraphiQL, {
    fetcher: fetcher,
    defaultQuery: host.dataset.query,
    // Nothing of the editor's is kept in the browser beyond the session's queries.
    shouldPersistHeaders: false,
    isHeadersEditorEnabled: false,
  }));
}());
