/* argmap interactive page: displays the data computed in Python (argmap.render.html).
 * Plain JS, no library, no network. Data is never inserted as HTML: only textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var svg = document.querySelector("#viewport svg");
  var mapBox = document.getElementById("map");
  var viewport = document.getElementById("viewport");
  var details = document.getElementById("details");
  var essay = document.getElementById("essay");
  var caption = document.getElementById("caption");
  var counter = document.getElementById("step-counter");
  var body = document.body;

  function $(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function cls(e, name, on) { e.classList[on ? "add" : "remove"](name); }

  /* --- index the SVG ---------------------------------------------------- */
  var claimNode = {};      // claim id -> <g>
  var relationParts = {};  // relation id -> [<g> edges and inference node]
  $("g.node", svg).forEach(function (g) {
    if (data.claims[g.id]) { claimNode[g.id] = g; g.setAttribute("tabindex", "0"); }
    else if (data.relations[g.id]) { (relationParts[g.id] = relationParts[g.id] || []).push(g); }
    var tip = g.querySelector("a");  // Graphviz tooltips duplicate the panel
    if (tip) tip.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
  });
  $("g.edge", svg).forEach(function (g) {
    var title = g.querySelector("title");
    var rel = data.relations[g.id] ? g.id : data.edges[title ? title.textContent : ""];
    if (rel) { g.setAttribute("data-relation", rel); (relationParts[rel] = relationParts[rel] || []).push(g); }
  });
  var marks = $("mark.quote", essay);
  function marksOf(id) {
    return marks.filter(function (m) { return m.getAttribute("data-claims").split(" ").indexOf(id) >= 0; });
  }

  /* --- selection and the detail panel ------------------------------------ */
  function clearMarks(name) { $("." + name).forEach(function (e) { e.classList.remove(name); }); }

  function claimLink(id) {
    var b = el("button", "claim-link role-" + data.claims[id].role, data.claims[id].text);
    b.type = "button";
    b.setAttribute("data-id", id);
    b.title = id;
    b.addEventListener("click", function () { select(id, true); });
    return b;
  }
  function listRow(dl, label, ids) {
    if (!ids || !ids.length) return;
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    ids.forEach(function (id) { dd.appendChild(claimLink(id)); });
    dl.appendChild(dd);
  }
  function textRow(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", null, value));
  }

  function select(id, scroll) {
    var c = data.claims[id];
    if (!c) return;
    clearMarks("selected"); clearMarks("active"); clearMarks("lit");
    if (claimNode[id]) claimNode[id].classList.add("selected");
    var own = marksOf(id);
    own.forEach(function (m) { m.classList.add("active"); });
    if (own.length && scroll !== false) own[0].scrollIntoView({ block: "center", behavior: "smooth" });
    details.textContent = "";
    var head = el("div", "detail-head");
    head.appendChild(el("span", "badge role-" + c.role, c.role));
    head.appendChild(el("span", "speaker", c.speaker));
    if (c.paragraph) head.appendChild(el("span", "para", "¶ " + c.paragraph));
    details.appendChild(head);
    details.appendChild(el("h2", "claim-text", c.text));
    var quote = el("blockquote", "claim-quote", "“" + c.quote + "”");
    details.appendChild(quote);
    var dl = el("dl");
    textRow(dl, "Id", id);
    textRow(dl, "Scheme", c.schemes.join("; "));
    if (c.moves.length) {
      dl.appendChild(el("dt", null, "Its move"));
      var dd = el("dd", "moves");
      c.moves.forEach(function (t) { dd.appendChild(el("span", null, t)); });
      dl.appendChild(dd);
    }
    listRow(dl, "Supported by", c.supporters);
    listRow(dl, "Attacked by", c.attackers);
    listRow(dl, "Its inference undercut by", c.undercutters);
    listRow(dl, "Supports", c.supports);
    listRow(dl, "Attacks", c.attacks);
    textRow(dl, "Undercuts", (c.undercuts || []).join("; "));
    if (c.label) textRow(dl, "Evaluation", { "in": "in (accepted)", "out": "out (defeated)", "undec": "undecided" }[c.label] || c.label);
    if (c.strength !== null && c.strength !== undefined) textRow(dl, "Strength", Number(c.strength).toFixed(2) + (data.converged === false ? " (did not converge: the last value)" : ""));
    textRow(dl, "Tags", c.tags.join(", "));
    textRow(dl, "Note", c.note);
    details.appendChild(dl);
  }

  function lightUp(ids) {
    clearMarks("selected"); clearMarks("active"); clearMarks("lit");
    details.textContent = "";
    details.appendChild(el("h2", "claim-text", ids.length === 1 ? "This passage states 1 claim" : "This passage states " + ids.length + " claims"));
    var list = el("div", "lit-list");
    ids.forEach(function (id) {
      if (claimNode[id]) claimNode[id].classList.add("lit");
      marksOf(id).forEach(function (m) { m.classList.add("active"); });
      list.appendChild(claimLink(id));
    });
    details.appendChild(list);
  }

  Object.keys(claimNode).forEach(function (id) {
    var g = claimNode[id];
    g.addEventListener("click", function (ev) { if (!dragged) { ev.stopPropagation(); select(id); } });
    g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(id); });
  });
  marks.forEach(function (m) {
    m.addEventListener("click", function () { lightUp(m.getAttribute("data-claims").split(" ")); });
  });

  /* --- search and filters ------------------------------------------------ */
  var search = document.getElementById("search");
  var speakerFilter = document.getElementById("speaker-filter");
  var roleBoxes = $("input.role-filter");
  function applyFilters() {
    var q = search.value.trim().toLowerCase();
    var roles = roleBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var who = speakerFilter.value;
    var shown = 0;
    Object.keys(claimNode).forEach(function (id) {
      var c = data.claims[id];
      var ok = roles.indexOf(c.role) >= 0 && (!who || c.by === who) &&
        (!q || (c.text + "\n" + c.quote + "\n" + id).toLowerCase().indexOf(q) >= 0);
      cls(claimNode[id], "dim", !ok);
      cls(claimNode[id], "match", ok && !!q);
      if (ok) shown += 1;
    });
    var filtering = q || who || roles.length < roleBoxes.length;
    document.getElementById("match-count").textContent = filtering ? shown + " of " + Object.keys(claimNode).length + " claims" : "";
  }
  search.addEventListener("input", applyFilters);
  speakerFilter.addEventListener("change", applyFilters);
  roleBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });

  /* --- lesson: step through ----------------------------------------------- */
  var modeSelect = document.getElementById("lesson-mode");
  var step = -1;
  function steps() { return data.steps[modeSelect.value]; }
  function showStep(i) {
    var all = steps();
    step = Math.max(0, Math.min(all.length - 1, i));
    var claims = {}, relations = {}, fresh = {};
    for (var k = 0; k <= step; k++) {
      all[k].claims.forEach(function (c) { claims[c] = true; if (k === step) fresh[c] = true; });
      all[k].relations.forEach(function (r) { relations[r] = true; if (k === step) fresh[r] = true; });
    }
    Object.keys(claimNode).forEach(function (id) {
      cls(claimNode[id], "unrevealed", !claims[id]);
      cls(claimNode[id], "fresh", !!fresh[id]);
    });
    Object.keys(relationParts).forEach(function (r) {
      relationParts[r].forEach(function (g) { cls(g, "unrevealed", !relations[r]); cls(g, "fresh", !!fresh[r]); });
    });
    var s = all[step];
    var shown = Object.keys(claims).map(function (id) { return claimNode[id]; }).filter(Boolean);
    Object.keys(relations).forEach(function (r) {
      (relationParts[r] || []).forEach(function (g) { if (g.classList.contains("node")) shown.push(g); });
    });
    fitTo(shown);
    counter.textContent = "Step " + (step + 1) + " of " + all.length;
    caption.textContent = "";
    caption.appendChild(el("strong", "step-title", s.title));
    var ul = el("ul");
    s.captions.forEach(function (t) { ul.appendChild(el("li", null, t)); });
    caption.appendChild(ul);
    document.getElementById("prev").disabled = step === 0;
    document.getElementById("next").disabled = step === all.length - 1;
    clearMarks("active"); clearMarks("selected"); clearMarks("lit");
    var first = null;
    s.claims.forEach(function (c) { marksOf(c).forEach(function (m) { m.classList.add("active"); first = first || m; }); });
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  function setLesson(on) {
    cls(body, "lesson", on);
    document.getElementById("lesson-toggle").textContent = on ? "■ Show whole map" : "▶ Step through";
    if (on) { showStep(0); return; }
    step = -1;
    $(".unrevealed").concat($(".fresh")).forEach(function (g) { g.classList.remove("unrevealed"); g.classList.remove("fresh"); });
    counter.textContent = "";
    caption.textContent = "";
  }
  document.getElementById("lesson-toggle").addEventListener("click", function () { setLesson(!body.classList.contains("lesson")); });
  document.getElementById("next").addEventListener("click", function () { if (step < 0) setLesson(true); else showStep(step + 1); });
  document.getElementById("prev").addEventListener("click", function () { if (step > 0) showStep(step - 1); });
  modeSelect.addEventListener("change", function () { if (step >= 0) showStep(0); });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target && ev.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA") return;
    if (ev.key === "ArrowRight") { ev.preventDefault(); if (step < 0) setLesson(true); else showStep(step + 1); }
    else if (ev.key === "ArrowLeft") { if (step > 0) { ev.preventDefault(); showStep(step - 1); } }
    else if (ev.key === "Escape") { if (step >= 0) setLesson(false); }
  });

  /* --- zoom and pan ---------------------------------------------------- */
  var view = { x: 0, y: 0, s: 1 };
  var dragged = false;
  function apply() { viewport.style.transform = "translate(" + view.x + "px, " + view.y + "px) scale(" + view.s + ")"; }
  function zoomAt(factor, cx, cy) {
    var s = Math.max(0.1, Math.min(8, view.s * factor));
    factor = s / view.s;
    view.x = cx - (cx - view.x) * factor;
    view.y = cy - (cy - view.y) * factor;
    view.s = s;
    apply();
  }
  function fit() {
    var w = svg.width.baseVal.value || svg.getBBox().width;
    var h = svg.height.baseVal.value || svg.getBBox().height;
    var bw = mapBox.clientWidth, bh = mapBox.clientHeight;
    view.s = Math.min(1.6, Math.max(0.1, Math.min(bw / w, bh / h) * 0.96));
    view.x = (bw - w * view.s) / 2;
    view.y = Math.max(4, (bh - h * view.s) / 2);
    apply();
  }
  function fitTo(nodes) {
    // fit the bounding box of some SVG elements, in map coordinates (unaffected by zoom and animation)
    if (!nodes.length) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (g) {
      var b = g.getBBox(), m = g.getCTM();
      [[b.x, b.y], [b.x + b.width, b.y + b.height]].forEach(function (p) {
        var x = m.a * p[0] + m.c * p[1] + m.e, y = m.b * p[0] + m.d * p[1] + m.f;
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      });
    });
    var w = x1 - x0, h = y1 - y0, bw = mapBox.clientWidth, bh = mapBox.clientHeight;
    view.s = Math.min(1.5, Math.max(0.1, Math.min(bw / (w + 60), bh / (h + 60))));
    view.x = (bw - w * view.s) / 2 - x0 * view.s;
    view.y = (bh - h * view.s) / 2 - y0 * view.s;
    viewport.classList.add("animate");
    apply();
    setTimeout(function () { viewport.classList.remove("animate"); }, 400);
  }
  function centre(factor) { zoomAt(factor, mapBox.clientWidth / 2, mapBox.clientHeight / 2); }
  document.getElementById("zoom-in").addEventListener("click", function () { centre(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { centre(0.8); });
  document.getElementById("zoom-fit").addEventListener("click", fit);
  mapBox.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = mapBox.getBoundingClientRect();
    zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null;
  mapBox.addEventListener("mousedown", function (ev) {
    if (ev.button !== 0 || ev.target.closest("#zoom")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    dragged = false;
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) { dragged = true; mapBox.classList.add("dragging"); }
    if (dragged) { view.x = drag.vx + dx; view.y = drag.vy + dy; apply(); }
  });
  window.addEventListener("mouseup", function () {
    drag = null;
    mapBox.classList.remove("dragging");
    setTimeout(function () { dragged = false; }, 0);
  });
  svg.removeAttribute("width"); svg.removeAttribute("height");
  var vb = svg.viewBox.baseVal;
  svg.setAttribute("width", vb.width * 4 / 3); svg.setAttribute("height", vb.height * 4 / 3);
  fit();
  window.addEventListener("resize", fit);
  window.argmapPage = { select: select, showStep: showStep, setLesson: setLesson, view: view };
})();
