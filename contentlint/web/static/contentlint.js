// contentlint's web page: check the draft as the writer pauses typing, and copy a rewrite with one click.
// Without this script the page still works: the form posts and the server renders the analysis.
(function () {
  "use strict";
  var PAUSE_MS = 700;

  // The page's words for what the script says, in the page's language (see _page.html.j2).
  function word(name) {
    return document.body.getAttribute("data-" + name) || "";
  }

  function copyText(text, button) {
    function done(ok) {
      button.textContent = ok ? word("copied") : word("select");
      window.setTimeout(function () { button.textContent = word("copy"); }, 1600);
    }
    function copyBySelection() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, copyBySelection);
    } else {
      copyBySelection();
    }
  }

  function enableCopyButtons(root) {
    root.querySelectorAll("button.copy").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var headline = button.parentElement.querySelector(".headline");
    if (headline) { copyText(headline.textContent, button); }
  });

  function watchDraft(form) {
    var result = document.getElementById("result");
    var status = document.getElementById("status");
    var timer = null;
    var sent = 0;
    var controller = null;

    function check() {
      var body = new URLSearchParams(new FormData(form));
      var mine = ++sent;
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      status.textContent = word("checking");
      fetch("/analyse", {
        method: "POST", body: body, credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
        return response.text();
      }).then(function (html) {
        if (mine !== sent) { return; }
        result.innerHTML = html;  // rendered by the server with every piece of text escaped
        enableCopyButtons(result);
        status.textContent = word("checked");
      }).catch(function (error) {
        if (mine !== sent || (error && error.name === "AbortError")) { return; }
        status.textContent = word("failed").replace("{error}", error.message);
      });
    }

    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, PAUSE_MS);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      check();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enableCopyButtons(document);
    var form = document.getElementById("draft-form");
    if (form && window.fetch && window.URLSearchParams && window.FormData) { watchDraft(form); }
  });
})();
