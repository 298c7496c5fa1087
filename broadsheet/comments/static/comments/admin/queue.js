/* Keyboard shortcuts for the moderation queue: j / k move between comments, x selects the
   current one, a / r / s approve, reject or mark it as spam by pressing its row's button.
   Without this script every action is still a plain form post. Keys typed into text fields
   are left alone, and the shortcuts follow the account's keyboard-shortcuts setting. */
(function () {
  "use strict";
  var table = document.querySelector("[data-comment-queue]");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-comment-row]"));
  if (!rows.length || !shortcutsEnabled()) { return; }
  var VERBS = { a: "approve", r: "reject", s: "spam" };
  var TYPING = "textarea, select, [contenteditable], input:not([type=checkbox]):not([type=radio])" +
    ":not([type=button]):not([type=submit]):not([type=reset])";

  function shortcutsEnabled() {
    var config = document.getElementById("wagtail-config");
    if (!config) { return true; }
    try { return JSON.parse(config.textContent).KEYBOARD_SHORTCUTS_ENABLED !== false; }
    catch (error) { return true; }
  }

  rows.forEach(function (row) { row.tabIndex = -1; });

  function currentRow() {
    var active = document.activeElement;
    var row = active && active.closest ? active.closest("tr[data-comment-row]") : null;
    return rows.indexOf(row) >= 0 ? row : null;
  }

  function focusRow(index) {
    var row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey ||
        event.altKey) { return; }
    if (event.target.closest && event.target.closest(TYPING)) { return; }
    var key = event.key;
    var row = currentRow();
    if (key === "j" || key === "k") {
      event.preventDefault();
      focusRow(row ? rows.indexOf(row) + (key === "j" ? 1 : -1) : 0);
      return;
    }
    if (!row) { return; }
    if (key === "x") {
      var box = row.querySelector("input[name=ids]");
      if (box) { event.preventDefault(); box.click(); row.focus(); }
      return;
    }
    var verb = VERBS[key];
    var button = verb && row.querySelector("button[data-shortcut='" + verb + "']");
    if (button) { event.preventDefault(); button.click(); }
  });
  table.setAttribute("data-shortcuts-ready", "");
})();
