// contentlint's web page: check the draft as the writer pauses typing, copy a rewrite or its outline with one
// click, and save the brand brief in place. Without this script the page still works: the form posts and the
// server renders the analysis (and, for a save, the page with the saved brief).
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

  // An outline as a writer pastes it into a draft: the headline, then one line per section.
  function outlineText(rewrite) {
    var lines = [rewrite.querySelector(".headline").textContent];
    rewrite.querySelectorAll("details.outline li").forEach(function (section) {
      lines.push("- " + section.textContent);
    });
    return lines.join("\n");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) { return; }
    var rewrite = button.closest("li.rewrite");
    if (!rewrite) { return; }
    copyText(button.classList.contains("outline") ? outlineText(rewrite)
             : rewrite.querySelector(".headline").textContent, button);
  });

  var BRIEF_PREFIX = "brief.";  // the brief editor's fields: not part of a draft

  function draftBody(form) {
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf(BRIEF_PREFIX) !== 0) { body.append(name, value); }
    });
    return body;
  }

  function watchDraft(form) {
    var result = document.getElementById("result");
    var status = document.getElementById("status");
    var timer = null;
    var sent = 0;
    var controller = null;

    function check() {
      var body = draftBody(form);
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

    // Saved in place: the server answers with the whole page (as without the script), and the editor and the
    // analysis (its rewrites made from the saved brief) are taken from it.
    function saveBrief() {
      var panel = document.getElementById("brief-panel");
      var body = new URLSearchParams(new FormData(form));
      var mine = ++sent;
      status.textContent = word("saving");
      fetch("/brief", {method: "POST", body: body, credentials: "same-origin"}).then(function (response) {
        return response.text();
      }).then(function (page) {
        if (mine !== sent) { return; }
        var answer = new DOMParser().parseFromString(page, "text/html");
        var newPanel = answer.getElementById("brief-panel");
        var newResult = answer.getElementById("result");
        if (!newPanel || !newResult) { throw new Error("no page"); }
        panel.innerHTML = newPanel.innerHTML;  // rendered by the server with every piece of text escaped
        result.innerHTML = newResult.innerHTML;
        enableCopyButtons(result);
        status.textContent = "";
        var notice = panel.querySelector(".notice");
        if (notice) { notice.scrollIntoView({block: "nearest"}); }
      }).catch(function (error) {
        if (mine !== sent) { return; }
        status.textContent = word("failed").replace("{error}", error.message);
      });
    }

    form.addEventListener("input", function (event) {
      if (event.target.name && event.target.name.indexOf(BRIEF_PREFIX) === 0) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(check, PAUSE_MS);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      if (event.submitter && event.submitter.classList.contains("save-brief")) {
        saveBrief();
      } else {
        check();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enableCopyButtons(document);
    var form = document.getElementById("draft-form");
    if (form && window.fetch && window.URLSearchParams && window.FormData && window.DOMParser) { watchDraft(form); }
  });
})();
