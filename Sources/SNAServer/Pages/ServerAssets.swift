import SNAReports

/// The stylesheet and script the pages load from `/assets/`: the report's
/// style plus what forms and phones need, and one script for live updates and
/// the contact picker (no page has inline script).
enum ServerAssets {
    /// `/assets/serve.css`.
    static let css = ReportStyle.css + "\n" + """
        body { max-width: 48rem; }
        header.bar { display: flex; justify-content: space-between; align-items: center; border-bottom: 3px solid #0072B2; padding-bottom: 0.4rem; margin-bottom: 1rem; }
        header.bar a { color: #0b3d62; font-weight: bold; text-decoration: none; }
        h1 { font-size: 1.7rem; color: #0b3d62; margin: 0.4rem 0 0.6rem; }
        label { display: block; font-weight: bold; margin: 0.9rem 0 0.25rem; }
        input[type=text], input[type=search], input[type=password], select, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: 0.55rem; border: 1px solid #8a99a6; border-radius: 4px; }
        textarea { min-height: 5rem; } textarea.file { min-height: 10rem; font-family: monospace; font-size: 0.85rem; }
        input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 3px solid #E69F00; outline-offset: 1px; }
        button, .button { font: inherit; background: #0072B2; color: #fff; border: 0; border-radius: 4px; padding: 0.6rem 1.1rem; margin: 0.8rem 0.4rem 0.4rem 0; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #eef5fb; color: #0b3d62; border: 1px solid #0072B2; }
        button.danger { background: #a33a00; } button.link { background: none; color: #0b5c99; padding: 0; margin: 0; text-decoration: underline; }
        form.inline { display: inline; }
        .notice { background: #eef5fb; border-left: 4px solid #0072B2; padding: 0.6rem 0.9rem; }
        .notice.ok { background: #dff3ea; border-color: #009E73; } .notice.warn { background: #fdf0d0; border-color: #E69F00; }
        .hint { color: #555; font-size: 0.9rem; margin: 0.2rem 0; }
        .code { font-size: 2.6rem; letter-spacing: 0.3rem; font-weight: bold; color: #0b3d62; font-family: monospace; }
        fieldset.question { border: 1px solid #dde3e8; border-radius: 6px; margin: 1rem 0; padding: 0.6rem 0.9rem; }
        fieldset.question legend { font-weight: bold; padding: 0 0.3rem; }
        .choices { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.5rem 0; }
        .choices label { font-weight: normal; margin: 0; border: 1px solid #8a99a6; border-radius: 4px; padding: 0.5rem 0.7rem; cursor: pointer; min-width: 2.2rem; text-align: center; }
        .choices input { margin-right: 0.3rem; }
        .choices label:has(input:checked) { background: #0072B2; color: #fff; border-color: #0072B2; }
        td.none { color: #999; }
        ul.picked { list-style: none; padding: 0; margin: 0.4rem 0; } ul.picked li { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; border-bottom: 1px solid #dde3e8; padding: 0.35rem 0; }
        ul.picked li .who { flex: 1 1 14rem; } ul.picked li select { width: auto; } ul.picked li button { margin: 0; padding: 0.3rem 0.6rem; }
        ul.matches { list-style: none; padding: 0; margin: 0; border: 1px solid #dde3e8; border-top: 0; max-height: 16rem; overflow: auto; }
        ul.matches li button { width: 100%; text-align: left; background: #fff; color: #1d1d1d; margin: 0; border-radius: 0; border-bottom: 1px solid #eef1f4; }
        ul.matches li button:hover, ul.matches li button:focus { background: #eef5fb; }
        .status { font-size: 0.9rem; color: #00573f; min-height: 1.2rem; }
        @media (max-width: 40rem) { body { padding: 0.8rem; } .figure { min-width: 40%; } table { font-size: 0.8rem; } }
        """

    /// `/assets/serve.js`.
    static let script = #"""
        "use strict";
        // Live panels: an element with data-live and data-events is refreshed from
        // data-live whenever the server sends an event on data-events.
        document.querySelectorAll("[data-live][data-events]").forEach(function (panel) {
          var busy = false, again = false;
          function refresh() {
            if (busy) { again = true; return; }
            busy = true;
            fetch(panel.dataset.live, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : null; })
              .then(function (html) { if (html !== null) { panel.innerHTML = html; } })
              .finally(function () { busy = false; if (again) { again = false; refresh(); } });
          }
          var source = new EventSource(panel.dataset.events);
          source.addEventListener("update", refresh);
        });

        // A file input with data-into reads the chosen file into that textarea (the people file upload).
        document.querySelectorAll("input[type=file][data-into]").forEach(function (input) {
          input.addEventListener("change", function () {
            var file = input.files[0], target = document.getElementById(input.dataset.into);
            if (!file || !target) { return; }
            var reader = new FileReader();
            reader.onload = function () { target.value = reader.result; };
            reader.readAsText(file);
          });
        });

        // The contact picker: type part of a name, pick from the partnership's people.
        (function () {
          var form = document.querySelector("form[data-people]");
          if (!form) { return; }
          var people = [];
          var strengths = JSON.parse(form.dataset.strengths || "[]");
          var ratings = JSON.parse(form.dataset.ratings || "[]");
          var status = document.getElementById("save-status");
          fetch(form.dataset.people, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (list) { people = list; });

          function fold(text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
          function option(select, value, text, chosen) {
            var o = document.createElement("option"); o.value = value; o.textContent = text; if (chosen) { o.selected = true; } select.appendChild(o);
          }
          function addContact(theme, list, contact) {
            var key = contact.id ? "p" + contact.id : "t" + fold(contact.name);
            if (list.querySelector('[data-key="' + CSS.escape(key) + '"]')) { return; }
            var li = document.createElement("li"); li.dataset.key = key;
            var who = document.createElement("span"); who.className = "who";
            who.textContent = contact.name + (contact.organisation ? " (" + contact.organisation + ")" : "") + (contact.id ? "" : " (not on the list)");
            li.appendChild(who);
            var hidden = document.createElement("input"); hidden.type = "hidden";
            hidden.name = "tie." + theme; hidden.value = contact.id ? "p:" + contact.id : "t:" + contact.name; li.appendChild(hidden);
            if (strengths.length) {
              var s = document.createElement("select"); s.name = "strength." + theme + "." + hidden.value; s.setAttribute("aria-label", "How often, with " + contact.name);
              option(s, "", "How often?", false);
              strengths.forEach(function (p) { option(s, p.value, p.label, String(contact.strength) === String(p.value)); });
              li.appendChild(s);
            }
            ratings.forEach(function (item) {
              var r = document.createElement("select"); r.name = "rating." + item.id + "." + theme + "." + hidden.value; r.setAttribute("aria-label", item.label + ", " + contact.name);
              option(r, "", item.label + "?", false);
              for (var v = item.minimum; v <= item.maximum; v++) { option(r, String(v), item.label + ": " + v, contact.ratings && String(contact.ratings[item.id]) === String(v)); }
              li.appendChild(r);
            });
            var remove = document.createElement("button"); remove.type = "button"; remove.className = "secondary"; remove.textContent = "Remove";
            remove.setAttribute("aria-label", "Remove " + contact.name);
            remove.addEventListener("click", function () { li.remove(); save(); });
            li.appendChild(remove);
            list.appendChild(li);
          }

          form.querySelectorAll("[data-theme]").forEach(function (block) {
            var theme = block.dataset.theme;
            var input = block.querySelector("input[type=search]");
            var matches = block.querySelector("ul.matches");
            var list = block.querySelector("ul.picked");
            JSON.parse(block.dataset.picked || "[]").forEach(function (c) { addContact(theme, list, c); });
            function show() {
              matches.innerHTML = "";
              var typed = fold(input.value.trim());
              if (typed.length < 2) { return; }
              var found = people.filter(function (p) { return fold(p.name + " " + (p.organisation || "")).indexOf(typed) >= 0; }).slice(0, 12);
              found.forEach(function (p) {
                var li = document.createElement("li"), b = document.createElement("button");
                b.type = "button"; b.textContent = p.name + (p.organisation ? " (" + p.organisation + ")" : "");
                b.addEventListener("click", function () { addContact(theme, list, p); input.value = ""; matches.innerHTML = ""; input.focus(); save(); });
                li.appendChild(b); matches.appendChild(li);
              });
              var li = document.createElement("li"), b = document.createElement("button");
              b.type = "button"; b.textContent = "Someone not on the list: \u201c" + input.value.trim() + "\u201d";
              b.addEventListener("click", function () { addContact(theme, list, { name: input.value.trim() }); input.value = ""; matches.innerHTML = ""; input.focus(); save(); });
              li.appendChild(b); matches.appendChild(li);
            }
            input.addEventListener("input", show);
            input.addEventListener("keydown", function (event) {
              if (event.key === "Enter") { event.preventDefault(); var first = matches.querySelector("button"); if (first) { first.click(); } }
              if (event.key === "ArrowDown") { event.preventDefault(); var b = matches.querySelector("button"); if (b) { b.focus(); } }
            });
          });

          function save() {
            var data = new URLSearchParams(new FormData(form));
            data.set("action", "save");
            if (status) { status.textContent = "Saving\u2026"; }
            fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
              .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
              .then(function (j) { if (status) { status.textContent = "Saved at " + j.saved + "."; } })
              .catch(function () { if (status) { status.textContent = "Not saved: check your connection and press Save."; } });
          }
          form.addEventListener("change", function (event) { if (event.target.tagName === "SELECT") { save(); } });
        })();
        """#
}
