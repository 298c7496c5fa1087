/* Broadsheet live blogs: new entries without reloading. Without this script a reload shows
   the current state. It asks one small, shared-cache answer (updates/?after=<entry>) every
   15 s while the tab is visible, every 60 s while it is hidden, backing off after errors. */
(function () {
  "use strict";
  var list = document.querySelector("[data-entries][data-poll-url]");
  if (!list || !window.fetch) { return; }
  var bar = document.querySelector("[data-new-bar]");
  var url = list.getAttribute("data-poll-url");
  var latest = list.getAttribute("data-latest");
  var VISIBLE = 15000, HIDDEN = 60000, MAX_BACKOFF = 300000;
  var failures = 0, timer = null, waiting = [];

  function fromHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html;  // rendered by the server from the editors' entries
    return template.content.firstElementChild;
  }

  function readerHasScrolled() {
    return list.getBoundingClientRect().top < 0;
  }

  function showWaiting() {
    if (!bar) { return; }
    bar.hidden = waiting.length === 0;
    var button = bar.querySelector("button");
    button.textContent = waiting.length === 1 ? "1 new update" : waiting.length + " new updates";
  }

  function insert(entries) {
    var empty = list.querySelector(".live-blog__empty");
    if (empty) { empty.remove(); }
    for (var i = entries.length - 1; i >= 0; i--) {
      list.insertBefore(entries[i], list.firstElementChild);
    }
    relativeTimes();
  }

  function apply(answer) {
    answer.deleted.forEach(function (id) {
      document.querySelectorAll('[data-entry-id="' + id + '"]').forEach(function (node) {
        node.remove();
      });
    });
    answer.edited.forEach(function (entry) {
      document.querySelectorAll('[data-entry-id="' + entry.id + '"]').forEach(function (node) {
        node.replaceWith(fromHtml(entry.html));
      });
    });
    var fresh = answer.entries.filter(function (entry) {
      return !document.querySelector('[data-entry-id="' + entry.id + '"]');
    }).map(function (entry) { return fromHtml(entry.html); });
    if (!answer.complete) { window.location.reload(); return; }
    latest = String(answer.latest);
    if (!fresh.length) { return; }
    if (readerHasScrolled()) {
      waiting = fresh.concat(waiting);  // newest first, like the page
      showWaiting();
    } else {
      insert(fresh);
    }
  }

  function delay() {
    var base = document.hidden ? HIDDEN : VISIBLE;
    if (!failures) { return base; }
    return Math.min(MAX_BACKOFF, base * Math.pow(2, failures)) * (0.75 + Math.random() / 2);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(poll, delay());
  }

  function poll() {
    fetch(url + "?after=" + encodeURIComponent(latest), { headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (answer) { failures = 0; apply(answer); })
      .catch(function () { failures += 1; })
      .then(schedule);
  }

  if (bar) {
    bar.querySelector("button").addEventListener("click", function () {
      insert(waiting);
      waiting = [];
      showWaiting();
      list.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  }

  // Times stay relative ("3 min ago") while the page is open.
  var format = window.Intl && Intl.RelativeTimeFormat
    ? new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: "auto" })
    : null;
  function relativeTimes() {
    if (!format) { return; }
    var now = Date.now();
    document.querySelectorAll("time[data-relative]").forEach(function (node) {
      if (!node.hasAttribute("title")) { node.setAttribute("title", node.textContent.trim()); }
      var minutes = Math.round((Date.parse(node.getAttribute("datetime")) - now) / 60000);
      if (minutes > -60) { node.textContent = format.format(Math.min(0, minutes), "minute"); }
      else if (minutes > -1440) { node.textContent = format.format(Math.round(minutes / 60), "hour"); }
      else { node.textContent = node.getAttribute("title"); }
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { failures = 0; poll(); } else { schedule(); }
  });
  relativeTimes();
  setInterval(relativeTimes, 30000);
  schedule();
})();
