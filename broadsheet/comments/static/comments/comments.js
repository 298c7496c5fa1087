/* Broadsheet comments: post, reply, like and report in place. Without this script every
   action still works as a plain form post. No framework, no requests to anyone else. */
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  if (!section || !window.fetch || !window.FormData) { return; }
  var mainForm = section.querySelector("[data-comment-form]");

  function csrfToken() {
    var input = section.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function send(url, body) {
    var headers = { "Accept": "application/json" };
    if (csrfToken()) { headers["X-CSRFToken"] = csrfToken(); }
    return fetch(url, { method: "POST", body: body, headers: headers, credentials: "same-origin" })
      .then(function (response) { return response.json(); });
  }

  function say(form, text) {
    var box = form.querySelector("[data-form-message]");
    if (!box) { return; }
    box.textContent = "";  // left truly empty, so the box is hidden (:empty)
    if (!text) { return; }
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html;  // server-rendered and sanitised comment markup
    return template.content.firstElementChild;
  }

  function refreshToken(form) {
    var url = section.getAttribute("data-token-url");
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) { form.querySelector("input[name=token]").value = data.token; })
      .catch(function () {});
  }

  function placeFor(parentId) {
    if (!parentId) {
      var list = section.querySelector(":scope > .comment-list");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-list";
        mainForm.parentNode.insertBefore(list, mainForm);
      }
      return list;
    }
    var item = document.getElementById("comment-" + parentId);
    var replies = item.querySelector(":scope > .comment-list--replies");
    if (!replies) {
      replies = document.createElement("ol");
      replies.className = "comment-list comment-list--replies";
      item.appendChild(replies);
    }
    return replies;
  }

  function onSubmit(event) {
    var form = event.target;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    send(form.action, new FormData(form)).then(function (data) {
      button.disabled = false;
      if (!data.ok) { say(form, data.message || "Your comment could not be sent."); return; }
      var parentId = form.querySelector("input[name=parent]").value;
      form.querySelector("textarea").value = "";
      // The server words the outcome in the reader's language; the fallback is only for an
      // answer that carries no message.
      var text = data.message ||
        (data.visible ? "Your comment is published." : "Your comment is awaiting moderation.");
      if (data.visible) {
        var item = fragment(data.html);
        item.classList.add("comment--new");
        placeFor(parentId).appendChild(item);
        item.scrollIntoView({ block: "nearest" });
      }
      if (form === mainForm) { say(form, text); return; }
      // The reply form goes; its outcome takes its place and the focus, so that it is read out
      // (a status region added with its text already in it is not announced) and the reader
      // is not left on a button that no longer exists.
      var note = document.createElement("p");
      note.className = "comments__notice";
      note.setAttribute("role", "status");
      note.tabIndex = -1;
      note.textContent = text;
      form.replaceWith(note);
      note.focus();
    }).catch(function () {
      button.disabled = false;
      form.removeEventListener("submit", onSubmit);
      form.submit();  // fall back to the plain post
    });
  }

  function openReply(link) {
    var id = link.getAttribute("data-reply");
    var item = document.getElementById("comment-" + id);
    var existing = item.querySelector(":scope > form[data-comment-form]");
    if (existing) { existing.querySelector("textarea").focus(); return; }
    var form = mainForm.cloneNode(true);
    form.removeAttribute("id");
    form.querySelectorAll("[id]").forEach(function (el) { el.id = el.id + "-" + id; });
    form.querySelectorAll("label[for]").forEach(function (el) { el.htmlFor = el.htmlFor + "-" + id; });
    form.querySelector("input[name=parent]").value = id;
    form.querySelector(".comment-form__heading").textContent = "Reply";
    say(form, "");
    var body = item.querySelector(":scope > .comment__body");
    body.parentNode.insertBefore(form, body.nextSibling);
    form.addEventListener("submit", onSubmit);
    refreshToken(form);
    form.querySelector("textarea").focus();
  }

  function like(form) {
    send(form.action, new FormData(form)).then(function (data) {
      if (data.ok) { form.querySelector("[data-like-count]").textContent = data.likes; }
      form.querySelector("button").disabled = true;
    });
  }

  function openReport(link) {
    if (link.nextElementSibling && link.nextElementSibling.matches("form.comment-report")) { return; }
    var form = document.createElement("form");
    form.className = "comment-report";
    form.action = link.href;
    var select = document.createElement("select");
    select.name = "reason";
    select.setAttribute("aria-label", "Reason");
    [["spam", "Spam"], ["abuse", "Abusive or hateful"], ["off-topic", "Off-topic"],
     ["other", "Something else"]].forEach(function (pair) {
      select.appendChild(new Option(pair[1], pair[0]));
    });
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = "Send report";
    form.appendChild(select);
    form.appendChild(button);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(form.action, new FormData(form)).then(function (data) {
        var note = document.createElement("span");
        note.textContent = data.message || "Thank you.";
        form.replaceWith(note);
      });
    });
    link.after(form);
    select.focus();
  }

  if (mainForm) {
    mainForm.addEventListener("submit", onSubmit);
    mainForm.querySelector("textarea").addEventListener("focus", function () {
      refreshToken(mainForm);
    }, { once: true });
  }
  section.addEventListener("click", function (event) {
    var reply = event.target.closest("[data-reply]");
    if (reply && mainForm) { event.preventDefault(); openReply(reply); return; }
    var report = event.target.closest("[data-report]");
    if (report) { event.preventDefault(); openReport(report); }
  });
  section.addEventListener("submit", function (event) {
    if (event.target.matches("[data-like]")) { event.preventDefault(); like(event.target); }
  });
})();
