/// The style and script of ``InteractiveMap``: plain CSS and JavaScript
/// written for snatool, no library, so the page works offline and from a
/// file. The script reads the view's JSON data and the SVG Graphviz drew;
/// node `n12` of the map is `<prefix>-n12` in the page, the edge from 3 to 5
/// `<prefix>-e3_5`.
enum InteractiveMapAssets {
    /// The view's style; in print the view is hidden and the static maps stand.
    static let css = """
        .explore { border: 1px solid #cfd8e0; padding: 0.6rem; margin: 1rem 0; background: #fbfcfd; }
        .explore-controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; position: relative; font-size: 0.9rem; }
        .explore-controls label { display: flex; flex-direction: column; } .explore-controls label.explore-check { flex-direction: row; align-items: center; gap: 0.3rem; }
        .explore-controls input[type=search] { min-width: 16rem; font-size: 1rem; padding: 0.2rem 0.4rem; }
        .explore-zoom button { font-size: 1rem; min-width: 2rem; margin-right: 0.2rem; }
        .explore-results { position: absolute; top: 100%; left: 0; z-index: 2; margin: 0; padding: 0; list-style: none; background: #fff; border: 1px solid #99a; min-width: 16rem; max-width: 30rem; }
        .explore-results:empty { display: none; } .explore-results li { padding: 0.2rem 0.5rem; cursor: pointer; } .explore-results li[aria-selected=true], .explore-results li:hover { background: #e3effa; }
        .explore-results .kind { color: #666; font-size: 0.8em; }
        .explore-body { display: flex; gap: 0.8rem; margin-top: 0.6rem; } .explore-map { flex: 3; min-width: 0; border: 1px solid #e3e7eb; background: #fff; cursor: grab; touch-action: none; }
        .explore-map:focus { outline: 3px solid #0072B2; } .explore-map svg { width: 100%; height: 70vh; display: block; }
        .explore-panel { flex: 1.3; min-width: 14rem; max-height: 70vh; overflow-y: auto; font-size: 0.88rem; }
        .explore-panel h3 { margin-top: 0; } .explore-panel dl { display: grid; grid-template-columns: auto auto; gap: 0.1rem 0.6rem; } .explore-panel dd { margin: 0; font-weight: bold; }
        .explore-panel li { margin-bottom: 0.4rem; } .explore-panel .finding-kind { font-size: 0.8em; color: #555; display: block; }
        .explore svg g.node { cursor: pointer; } .explore svg g.node:focus { outline: none; }
        .explore svg g.node:focus ellipse, .explore svg g.node.selected ellipse { stroke: #0072B2; stroke-width: 4px; }
        .explore svg g.off { display: none; } .explore svg g.dim { opacity: 0.12; }
        .explore svg.focus g.node:not(.hl):not(.nb), .explore svg.focus g.edge:not(.hl) { opacity: 0.12; }
        .explore svg g.node.hl ellipse { stroke: #C0002F; stroke-width: 3px; } .explore svg g.edge.hl path { stroke: #C0002F; stroke-width: 2.5px; }
        .explore svg g.edge.hl polygon { fill: #C0002F; stroke: #C0002F; }
        @media print { .explore, section#explore { display: none; } }
        """

    /// The view's behaviour: pan and zoom by the SVG's viewBox, search, filters, the panel.
    static let script = """
        document.querySelectorAll(".explore").forEach(function (root) {
          var data = JSON.parse(root.querySelector(".explore-data").textContent);
          var svg = root.querySelector("svg");
          var prefix = data.prefix;
          var base = svg.viewBox.baseVal;
          var home = { x: base.x, y: base.y, w: base.width, h: base.height };
          var view = { x: home.x, y: home.y, w: home.w, h: home.h };
          var layer0 = svg.querySelector("g.graph");
          var toView = layer0 && layer0.transform.baseVal.numberOfItems ? layer0.transform.baseVal.consolidate().matrix : null;
          function show() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h); }
          function zoom(factor, cx, cy) {
            var w = Math.min(home.w * 1.5, Math.max(home.w / 40, view.w * factor));
            var f = w / view.w;
            if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
            view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f; view.w = w; view.h = view.h * f;
            show();
          }
          function reset() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; show(); }
          function svgPoint(event) {
            var p = svg.createSVGPoint(); p.x = event.clientX; p.y = event.clientY;
            return p.matrixTransform(svg.getScreenCTM().inverse());
          }
          svg.addEventListener("wheel", function (event) {
            event.preventDefault();
            var p = svgPoint(event);
            zoom(event.deltaY < 0 ? 0.8 : 1.25, p.x, p.y);
          }, { passive: false });
          var drag = null;
          svg.addEventListener("pointerdown", function (event) {
            if (event.button !== 0) { return; }
            drag = { p: svgPoint(event), moved: false };
          });
          svg.addEventListener("pointermove", function (event) {
            if (!drag) { return; }
            var p = svgPoint(event);
            var dx = p.x - drag.p.x, dy = p.y - drag.p.y;
            if (Math.abs(dx) + Math.abs(dy) > view.w / 200) { drag.moved = true; }
            view.x -= dx; view.y -= dy; show();
          });
          window.addEventListener("pointerup", function () { setTimeout(function () { drag = null; }, 0); });
          root.querySelectorAll("[data-zoom]").forEach(function (button) {
            button.addEventListener("click", function () {
              var how = button.getAttribute("data-zoom");
              if (how === "in") { zoom(0.7); } else if (how === "out") { zoom(1.4); } else { reset(); }
            });
          });
          var mapBox = root.querySelector(".explore-map");
          mapBox.addEventListener("keydown", function (event) {
            var step = view.w / 10;
            if (event.key === "+" || event.key === "=") { zoom(0.7); }
            else if (event.key === "-") { zoom(1.4); }
            else if (event.key === "0") { reset(); }
            else if (event.key === "ArrowLeft") { view.x -= step; show(); }
            else if (event.key === "ArrowRight") { view.x += step; show(); }
            else if (event.key === "ArrowUp") { view.y -= step; show(); }
            else if (event.key === "ArrowDown") { view.y += step; show(); }
            else { return; }
            event.preventDefault();
          });

          // Nodes and edges, from the data and the SVG.
          var nodes = {}, organisations = {};
          data.nodes.forEach(function (node) {
            node.el = document.getElementById(prefix + "-n" + node.i);
            node.edges = [];
            nodes[node.i] = node;
            if (node.org) { (organisations[node.org] = organisations[node.org] || []).push(node); }
            if (node.el) {
              node.el.setAttribute("tabindex", "0");
              node.el.setAttribute("role", "button");
              node.el.setAttribute("aria-label", node.name);
              node.el.addEventListener("click", function () { if (!drag || !drag.moved) { select(node); } });
              node.el.addEventListener("keydown", function (event) {
                if (event.key === "Enter" || event.key === " ") { event.preventDefault(); event.stopPropagation(); select(node); }
              });
            }
          });
          var edges = data.edges.map(function (e) {
            var edge = { from: nodes[e[0]], to: nodes[e[1]], themes: e[2], el: document.getElementById(prefix + "-e" + e[0] + "_" + e[1]) };
            if (edge.from) { edge.from.edges.push(edge); }
            if (edge.to) { edge.to.edges.push(edge); }
            return edge;
          });
          function centre(node) {
            if (!node.el) { return null; }
            var box = node.el.getBBox();
            var x = box.x + box.width / 2, y = box.y + box.height / 2;
            if (toView) { var px = toView.a * x + toView.c * y + toView.e; y = toView.b * x + toView.d * y + toView.f; x = px; }
            return { x: x, y: y };
          }
          function centreOn(list) {
            var points = list.map(centre).filter(function (p) { return p; });
            if (!points.length) { return; }
            var xs = points.map(function (p) { return p.x; }), ys = points.map(function (p) { return p.y; });
            var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
            var w = Math.min(home.w, Math.max(home.w / 3, (maxX - minX) * 1.4, (maxY - minY) * 1.4 * home.w / home.h));
            view.w = w; view.h = w * home.h / home.w;
            view.x = (minX + maxX) / 2 - view.w / 2; view.y = (minY + maxY) / 2 - view.h / 2;
            show();
          }

          // Highlight a set of nodes and their ties.
          function clearHighlight() {
            svg.classList.remove("focus");
            svg.querySelectorAll(".hl, .nb, .selected").forEach(function (el) { el.classList.remove("hl", "nb", "selected"); });
          }
          function highlight(list) {
            clearHighlight();
            if (!list.length) { return; }
            svg.classList.add("focus");
            list.forEach(function (node) {
              if (!node.el) { return; }
              node.el.classList.add("hl");
              node.edges.forEach(function (edge) {
                if (!edge.el || edge.el.classList.contains("off")) { return; }
                edge.el.classList.add("hl");
                [edge.from, edge.to].forEach(function (other) { if (other && other.el && other !== node) { other.el.classList.add("nb"); } });
              });
            });
          }

          // Filters: theme, organisation, layer, and people with no ties in view.
          var themeSelect = root.querySelector(".explore-theme"), orgSelect = root.querySelector(".explore-organisation");
          var layerSelect = root.querySelector(".explore-layer"), isolates = root.querySelector(".explore-isolates");
          function filter() {
            var theme = themeSelect ? parseInt(themeSelect.value, 10) : -1;
            var org = orgSelect ? orgSelect.value : "", layer = layerSelect ? layerSelect.value : "";
            function kept(node) { return (!org || node.org === org) && (!layer || node.layer === layer); }
            data.nodes.forEach(function (node) { node.inView = 0; });
            edges.forEach(function (edge) {
              var onTheme = theme < 0 || edge.themes.indexOf(theme) >= 0;
              if (edge.el) { edge.el.classList.toggle("off", !onTheme); }
              var shown = onTheme && edge.from && edge.to && (kept(edge.from) || kept(edge.to));
              if (edge.el) { edge.el.classList.toggle("dim", onTheme && !shown); }
              if (onTheme) { if (edge.from) { edge.from.inView += 1; } if (edge.to) { edge.to.inView += 1; } }
            });
            data.nodes.forEach(function (node) {
              if (!node.el) { return; }
              node.el.classList.toggle("off", isolates.checked && node.inView === 0);
              node.el.classList.toggle("dim", !kept(node) || node.inView === 0);
            });
            if (current) { select(current, true); }
          }
          [themeSelect, orgSelect, layerSelect, isolates].forEach(function (control) { if (control) { control.addEventListener("change", filter); } });

          // The panel.
          var panel = root.querySelector(".explore-panel");
          var current = null;
          function add(parent, tag, text, cls) {
            var el = document.createElement(tag);
            if (text !== undefined) { el.textContent = text; }
            if (cls) { el.className = cls; }
            parent.appendChild(el);
            return el;
          }
          function findingList(title, indices) {
            add(panel, "h4", title);
            if (!indices.length) { add(panel, "p", "None."); return; }
            var list = add(panel, "ol", undefined, "explore-findings");
            indices.forEach(function (index) {
              var finding = data.findings[index];
              var item = add(list, "li");
              add(item, "span", finding.kind, "finding-kind");
              add(item, "strong", finding.headline);
              add(item, "span", " " + finding.evidence);
            });
          }
          function select(node, keepView) {
            current = node;
            highlight([node]);
            if (node.el) { node.el.classList.add("selected"); }
            if (!keepView) { centreOn([node]); }
            panel.textContent = "";
            add(panel, "h3", node.name);
            var facts = add(panel, "dl");
            function fact(term, value) { add(facts, "dt", term); add(facts, "dd", value); }
            if (node.org) { fact("Organisation", node.org); }
            if (node.layer) { fact("Layer", node.layer); }
            node.figures.forEach(function (pair) { fact(pair[0], pair[1]); });
            fact("Ties on the map now", String(node.inView === undefined ? node.edges.length : node.inView));
            findingList("Findings that name " + node.name, node.findings);
            if (node.org) { findingList("Findings that name " + node.org, node.orgFindings || []); }
          }
          function selectOrganisation(name) {
            current = null;
            var members = organisations[name] || [];
            highlight(members);
            centreOn(members);
            panel.textContent = "";
            add(panel, "h3", name);
            var facts = add(panel, "dl");
            add(facts, "dt", "People on the map"); add(facts, "dd", String(members.length));
            findingList("Findings that name " + name, members.length ? (members[0].orgFindings || []) : []);
            var list = add(panel, "ul");
            members.forEach(function (member) {
              var item = add(list, "li");
              var link = add(item, "a", member.name);
              link.setAttribute("href", "#" + prefix + "-n" + member.i);
              link.addEventListener("click", function (event) { event.preventDefault(); select(member); });
            });
          }

          // Search as you type.
          var search = root.querySelector(".explore-search"), results = root.querySelector(".explore-results");
          var candidates = data.nodes.map(function (node) { return { name: node.name, node: node }; });
          Object.keys(organisations).sort().forEach(function (name) { candidates.push({ name: name, organisation: name }); });
          var matches = [];
          function rank(name, query) {
            var lower = name.toLowerCase();
            if (lower.indexOf(query) === 0) { return 0; }
            if ((" " + lower).indexOf(" " + query) >= 0) { return 1; }
            return lower.indexOf(query) >= 0 ? 2 : -1;
          }
          function choose(match) {
            results.textContent = "";
            if (match.node) { select(match.node); } else { selectOrganisation(match.organisation); }
          }
          search.addEventListener("input", function () {
            var query = search.value.trim().toLowerCase();
            results.textContent = "";
            matches = [];
            if (query.length === 0) { clearHighlight(); return; }
            candidates.forEach(function (c) { var r = rank(c.name, query); if (r >= 0) { matches.push({ c: c, r: r }); } });
            matches.sort(function (a, b) { return a.r - b.r || a.c.name.localeCompare(b.c.name); });
            matches = matches.slice(0, 8).map(function (m) { return m.c; });
            matches.forEach(function (match, index) {
              var item = add(results, "li");
              item.setAttribute("role", "option");
              item.setAttribute("aria-selected", index === 0 ? "true" : "false");
              add(item, "span", match.name);
              add(item, "span", match.node ? "" : " organisation", "kind");
              item.addEventListener("click", function () { choose(match); });
            });
            if (!matches.length) { clearHighlight(); return; }
            var first = matches[0];
            if (first.node) { highlight([first.node]); centreOn([first.node]); }
            else { highlight(organisations[first.organisation]); centreOn(organisations[first.organisation]); }
          });
          search.addEventListener("keydown", function (event) {
            if (event.key === "Enter" && matches.length) { event.preventDefault(); choose(matches[0]); }
            if (event.key === "Escape") { search.value = ""; results.textContent = ""; clearHighlight(); }
          });
          window.addEventListener("beforeprint", reset);
          filter();
        });
        """
}
