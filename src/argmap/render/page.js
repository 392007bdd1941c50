/* argmap interactive page: displays the data computed in Python (argmap.render.html).
 * Plain JS, no library, no network. Data is never inserted as HTML: only textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  // the data leaves empty values out (argmap.render.html._present): put them back
  function lists(o, keys) { keys.forEach(function (k) { if (!o[k]) o[k] = []; }); }
  // captions name claims by id between two U+E000 (html.REF): put their quoted texts there
  var REF = /\ue000([^\ue000]*)\ue000/g;
  function expand(text) {
    return text.replace(REF, function (whole, id) { return data.claims[id] ? "“" + data.claims[id].text + "”" : whole; });
  }
  Object.keys(data.claims).forEach(function (id) {
    var c = data.claims[id];
    lists(c, ["schemes", "premise_of", "tags", "supporters", "attackers", "undercutters", "supports", "attacks", "undercuts"]);
    if (!c.note) c.note = "";
  });
  Object.keys(data.steps).forEach(function (mode) {
    data.steps[mode].forEach(function (s) { lists(s, ["moves", "captions", "claims", "relations"]); });
  });
  var SVGNS = "http://www.w3.org/2000/svg";
  var svg = document.querySelector("#viewport svg");  // null when the map is too big to draw
  var mapBox = document.getElementById("map");
  var viewport = document.getElementById("viewport");
  var focusBox = document.getElementById("focus");
  var details = document.getElementById("details");
  var essay = document.getElementById("essay");
  var caption = document.getElementById("caption");
  var counter = document.getElementById("step-counter");
  var body = document.body;
  var READABLE = 1;     // the scale at which the map's 10 pt text is 13 px high
  var MAX_ROW = 60;     // neighbours shown in one row of the focus view
  var MAX_CAPTIONS = 100;

  function $(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function cls(e, name, on) { e.classList[on ? "add" : "remove"](name); }
  function button(className, text, title, onClick) {
    var b = el("button", className, text);
    b.type = "button";
    if (title) b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }

  /* --- the walk: every claim once, depth-first from the thesis ---------------- */
  var walk = data.walk.map(function (w) { return w[0]; });
  var depth = data.walk.map(function (w) { return w[1]; });
  var pos = {};          // claim id -> index in the walk
  var size = [];         // index -> how many claims rest on it (its subtree in the walk)
  var parent = [];       // index -> index of the claim it rests on, or -1
  (function () {
    var stack = [];
    walk.forEach(function (id, i) {
      pos[id] = i;
      size.push(0);
      while (stack.length && depth[stack[stack.length - 1]] >= depth[i]) stack.pop();
      parent.push(stack.length ? stack[stack.length - 1] : -1);
      stack.push(i);
    });
    for (var i = walk.length - 1; i >= 0; i--) if (parent[i] >= 0) size[parent[i]] += size[i] + 1;
  })();

  /* --- folds: a folded claim hides what rests on it --------------------------- */
  var folded = {};       // claim id -> true
  var hidden = {};       // claim id -> true when inside a fold
  function computeHidden() {
    hidden = {};
    for (var i = 0; i < walk.length; i++) {
      if (!folded[walk[i]]) continue;
      for (var j = i + 1; j <= i + size[i]; j++) hidden[walk[j]] = true;
      i += size[i];
    }
  }
  function unfoldAround(id) {
    // unfold every fold that hides ``id``
    for (var i = parent[pos[id]]; i >= 0; i = parent[i]) delete folded[walk[i]];
  }
  function setFold(id, on) {
    if (on) folded[id] = true; else delete folded[id];
    computeHidden();
    showFolds();
    renderList();
    if (selected === id) select(id, false);
  }

  /* --- index the SVG ---------------------------------------------------- */
  var claimNode = {};      // claim id -> <g>
  var relationParts = {};  // relation id -> [<g> edges and inference node]
  var edgeEnds = [];       // [<g> edge, tail id, head id]
  var edgeRelation = {};   // "tail->head" -> relation id
  if (svg) {
    Object.keys(data.relations).forEach(function (r) {
      var rel = data.relations[r];
      rel.premises.forEach(function (p) { edgeRelation[p + "->" + r] = edgeRelation[p + "->" + rel.target] = r; });
      edgeRelation[r + "->" + rel.target] = r;
    });
    $("g.node", svg).forEach(function (g) {
      if (data.claims[g.id]) { claimNode[g.id] = g; g.setAttribute("tabindex", "0"); }
      else if (data.relations[g.id]) { (relationParts[g.id] = relationParts[g.id] || []).push(g); }
      var tip = g.querySelector("a");  // Graphviz tooltips duplicate the panel
      if (tip) tip.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
    });
    $("g.edge", svg).forEach(function (g) {
      var title = g.querySelector("title");
      var ends = title ? title.textContent : "";
      var rel = data.relations[g.id] ? g.id : edgeRelation[ends];
      if (rel) { g.setAttribute("data-relation", rel); (relationParts[rel] = relationParts[rel] || []).push(g); }
      var at = ends.indexOf("->");
      if (at > 0) edgeEnds.push([g, ends.slice(0, at), ends.slice(at + 2)]);
    });
  }
  function nodeHidden(id) {
    // a claim inside a fold; a relation whose target is hidden or whose premises all are
    if (data.claims[id]) return !!hidden[id];
    var r = data.relations[id];
    return !r || nodeHidden(r.target) || r.premises.every(function (p) { return hidden[p]; });
  }
  function showFolds() {
    if (!svg) return;
    $(".fold-badge", svg).forEach(function (b) { b.parentNode.removeChild(b); });
    Object.keys(claimNode).forEach(function (id) { cls(claimNode[id], "folded", !!hidden[id]); });
    Object.keys(relationParts).forEach(function (r) {
      relationParts[r].forEach(function (g) { if (g.classList.contains("node")) cls(g, "folded", nodeHidden(r)); });
    });
    edgeEnds.forEach(function (e) { cls(e[0], "folded", nodeHidden(e[1]) || nodeHidden(e[2])); });
    Object.keys(folded).forEach(function (id) {
      var g = claimNode[id];
      if (!g || hidden[id]) return;
      var b = g.getBBox(), badge = document.createElementNS(SVGNS, "g");
      badge.setAttribute("class", "fold-badge");
      var rect = document.createElementNS(SVGNS, "rect"), text = document.createElementNS(SVGNS, "text");
      rect.setAttribute("x", b.x + b.width - 14); rect.setAttribute("y", b.y - 8);
      rect.setAttribute("width", 30); rect.setAttribute("height", 15); rect.setAttribute("rx", 7);
      text.setAttribute("x", b.x + b.width + 1); text.setAttribute("y", b.y + 3);
      text.setAttribute("text-anchor", "middle");
      text.textContent = "+" + size[pos[id]];
      badge.appendChild(rect); badge.appendChild(text);
      var tip = document.createElementNS(SVGNS, "title");
      tip.textContent = "Unfold the " + size[pos[id]] + " claims resting on it";
      badge.appendChild(tip);
      badge.addEventListener("click", function (ev) { ev.stopPropagation(); setFold(id, false); });
      g.appendChild(badge);
    });
  }

  var marksBy = null;  // claim id -> its marked passages in the essay, indexed on first use
  function marksOf(id) {
    if (!marksBy) {
      marksBy = {};
      $("mark.quote", essay).forEach(function (m) {
        m.getAttribute("data-claims").split(" ").forEach(function (c) { (marksBy[c] = marksBy[c] || []).push(m); });
      });
    }
    return marksBy[id] || [];
  }
  function markText(ids, scroll) {
    // mark the passages of ``ids`` in the essay, if it is shown (else when it is)
    if (essay.hidden) return;
    var first = null;
    ids.forEach(function (c) { marksOf(c).forEach(function (m) { light(m, "active"); first = first || m; }); });
    if (first && scroll !== false) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  function captionOf(r) { return expand(data.relations[r].caption); }

  /* --- selection and the detail panel ------------------------------------ */
  var selected = null;
  var lit = [];     // elements given a highlight class, to clear them without a search
  function light(e, name) { e.classList.add(name); lit.push([e, name]); }
  function clearLight() { lit.forEach(function (x) { x[0].classList.remove(x[1]); }); lit = []; }

  function claimLink(id) {
    var b = button("claim-link role-" + data.claims[id].role, data.claims[id].text, id, function () { select(id, true); });
    b.setAttribute("data-id", id);
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

  function detailTools(id) {
    var bar = el("div", "detail-tools");
    var i = pos[id];
    bar.appendChild(button("walk-prev", "◀ Previous claim", "The claim before it in the list (p)", function () { walkBy(-1); }));
    bar.appendChild(button("walk-next", "Next claim ▶", "The claim after it in the list (n)", function () { walkBy(1); }));
    if (size[i] > 0) {
      var on = !!folded[id];
      var fold = button("fold", on ? "Unfold +" + size[i] : "Fold the " + size[i] + (size[i] === 1 ? " claim" : " claims") + " resting on it",
        on ? "Show again what rests on this claim" : "Hide what rests on this claim; it shows +" + size[i],
        function () { setFold(id, !folded[id]); });
      bar.appendChild(fold);
    }
    if (svg) {
      bar.appendChild(button("focus-toggle", focusing ? "Whole map" : "Focus on it",
        focusing ? "Back to the whole map" : "Show this claim and its neighbours, large", function () { setFocus(!focusing); }));
    }
    return bar;
  }

  function select(id, scroll) {
    var c = data.claims[id];
    if (!c) return;
    if (hidden[id]) { unfoldAround(id); computeHidden(); showFolds(); renderList(); }
    selected = id;
    clearLight();
    if (claimNode[id]) light(claimNode[id], "selected");
    markText([id], scroll);
    details.textContent = "";
    var head = el("div", "detail-head");
    head.appendChild(el("span", "badge role-" + c.role, c.role));
    head.appendChild(el("span", "speaker", c.speaker));
    if (c.paragraph) head.appendChild(el("span", "para", "¶ " + c.paragraph));
    head.appendChild(el("span", "walk-pos", "claim " + (pos[id] + 1) + " of " + walk.length));
    details.appendChild(head);
    details.appendChild(el("h2", "claim-text", c.text));
    var quote = el("blockquote", "claim-quote", "“" + c.quote + "”");
    details.appendChild(quote);
    details.appendChild(detailTools(id));
    var dl = el("dl");
    textRow(dl, "Id", id);
    textRow(dl, "Scheme", c.schemes.join("; "));
    if (c.premise_of.length) {
      dl.appendChild(el("dt", null, "Its move"));
      var dd = el("dd", "moves");
      c.premise_of.forEach(function (r) { dd.appendChild(el("span", null, captionOf(r))); });
      dl.appendChild(dd);
    }
    listRow(dl, "Supported by", c.supporters);
    listRow(dl, "Attacked by", c.attackers);
    listRow(dl, "Its inference undercut by", c.undercutters);
    listRow(dl, "Supports", c.supports);
    listRow(dl, "Attacks", c.attacks);
    textRow(dl, "Undercuts", c.undercuts.map(expand).join("; "));
    if (c.label) textRow(dl, "Evaluation", { "in": "in (accepted)", "out": "out (defeated)", "undec": "undecided" }[c.label] || c.label);
    if (c.strength !== null && c.strength !== undefined) textRow(dl, "Strength", Number(c.strength).toFixed(2) + (data.converged === false ? " (did not converge: the last value)" : ""));
    textRow(dl, "Tags", c.tags.join(", "));
    textRow(dl, "Note", c.note);
    details.appendChild(dl);
    if (focusing) drawFocus(id);
    else if (claimNode[id]) centreOn(claimNode[id]);
    markListRow();
    if (scroll !== false) scrollListTo(id);
  }

  function walkBy(step) {
    var i = selected === null ? 0 : pos[selected] + step;
    if (i >= 0 && i < walk.length) select(walk[i], true);
  }

  function lightUp(ids) {
    clearLight();
    selected = null;
    details.textContent = "";
    details.appendChild(el("h2", "claim-text", ids.length === 1 ? "This passage states 1 claim" : "This passage states " + ids.length + " claims"));
    var list = el("div", "lit-list");
    ids.forEach(function (id) {
      if (claimNode[id]) light(claimNode[id], "lit");
      marksOf(id).forEach(function (m) { light(m, "active"); });
      list.appendChild(claimLink(id));
    });
    details.appendChild(list);
    var nodes = ids.map(function (id) { return claimNode[id]; }).filter(Boolean);
    if (focusing) drawFocus(ids[0]);
    else if (nodes.length) fitTo(nodes, READABLE);
    markListRow();
  }

  Object.keys(claimNode).forEach(function (id) {
    var g = claimNode[id];
    g.addEventListener("click", function (ev) { if (!dragged) { ev.stopPropagation(); select(id); } });
    g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(id); });
  });
  essay.addEventListener("click", function (ev) {
    var m = ev.target.closest && ev.target.closest("mark.quote");
    if (m) lightUp(m.getAttribute("data-claims").split(" "));
  });

  /* --- the focus view: a claim and its neighbours, large ---------------------- */
  var focusing = !svg;
  function focusCard(id, kind, main, below) {
    var c = data.claims[id];
    var card = button("focus-card role-" + c.role + (main ? " main" : ""), null, main ? id : "Go to this claim (" + id + ")", function () { select(id, true); });
    card.setAttribute("data-id", id);
    card.setAttribute("data-kind", kind);
    card.appendChild(el("span", "card-role", c.role + (c.by !== "authors" ? " · " + c.speaker : "")));
    card.appendChild(el("span", "card-text", c.text));
    var k = size[pos[id]];
    if (below && k) {
      var more = el("span", "card-more", "+" + k);
      more.title = k + (k === 1 ? " claim rests" : " claims rest") + " on it";
      card.appendChild(more);
    }
    return card;
  }
  function focusRow(title, items, where) {
    if (!items.length) return null;
    var row = el("div", "focus-row " + where);
    if (title) row.appendChild(el("div", "focus-head", title));
    var cards = el("div", "focus-cards");
    items.slice(0, MAX_ROW).forEach(function (x) { cards.appendChild(focusCard(x[0], x[1], where === "main", where === "below")); });
    if (items.length > MAX_ROW) cards.appendChild(el("span", "focus-more", "… and " + (items.length - MAX_ROW) + " more: see the claim list"));
    row.appendChild(cards);
    return row;
  }
  function drawFocus(id) {
    var c = data.claims[id];
    focusBox.textContent = "";
    var arrows = document.createElementNS(SVGNS, "svg");
    arrows.setAttribute("class", "focus-arrows");
    focusBox.appendChild(arrows);
    var up = [];
    c.premise_of.forEach(function (r) {
      var rel = data.relations[r], t = rel.target;
      while (data.relations[t]) t = data.relations[t].target;  // an undercut: the claim its inference concludes
      up.push([t, rel.kind]);
    });
    var down = [];
    (c.supporters || []).forEach(function (x) { down.push([x, "support"]); });
    var against = [];
    (c.attackers || []).forEach(function (x) { against.push([x, "opposition"]); });
    (c.undercutters || []).forEach(function (x) { against.push([x, "undercut"]); });
    var path = [];  // the claims it rests on, up to the top of its tree (the thesis)
    for (var i = parent[pos[id]]; i >= 0; i = parent[i]) path.unshift(walk[i]);
    if (path.length) {
      var trail = el("nav", "focus-path");
      trail.setAttribute("aria-label", "From the top of the map to this claim");
      path.forEach(function (p) {
        var step = button("path-step role-" + data.claims[p].role, data.claims[p].text, "Go to this claim (" + p + ")", function () { select(p, true); });
        step.setAttribute("data-id", p);
        trail.appendChild(step);
        trail.appendChild(el("span", "path-sep", "›"));
      });
      trail.appendChild(el("span", "path-here", "this claim"));
      focusBox.appendChild(trail);
    }
    var rows = [
      focusRow("It answers", up, "above"),
      focusRow("", [[id, "main"]], "main"),
      focusRow("What it rests on", down, "below"),
      focusRow("What answers it", against, "below"),
    ];
    rows.forEach(function (r) { if (r) focusBox.appendChild(r); });
    if (!up.length && !down.length && !against.length) focusBox.appendChild(el("p", "focus-alone", "Nothing supports or answers this claim, and it answers nothing."));
    focusBox.scrollTop = 0;
    drawArrows(arrows);
  }
  function drawArrows(arrows) {
    // an arrow from each neighbour to the claim (or from the claim to what it answers);
    // a row of more than 8 neighbours gets one arrow from the row instead of a fan
    var box = focusBox.getBoundingClientRect();
    var main = focusBox.querySelector(".focus-card.main");
    if (!main) return;
    arrows.setAttribute("width", focusBox.scrollWidth);
    arrows.setAttribute("height", focusBox.scrollHeight);
    ["support", "opposition", "undercut"].forEach(function (kind) {
      var marker = document.createElementNS(SVGNS, "marker");
      marker.setAttribute("id", "head-" + kind);
      marker.setAttribute("viewBox", "0 0 10 10");
      marker.setAttribute("refX", "9"); marker.setAttribute("refY", "5");
      marker.setAttribute("markerWidth", "7"); marker.setAttribute("markerHeight", "7");
      marker.setAttribute("orient", "auto");
      var head = document.createElementNS(SVGNS, "path");
      head.setAttribute("d", "M0,0 L10,5 L0,10 z");
      head.setAttribute("class", "head " + kind);
      marker.appendChild(head);
      arrows.appendChild(marker);
    });
    var m = main.getBoundingClientRect();
    function at(r, x, y) { return [r.left + r.width * x - box.left + focusBox.scrollLeft, r.top + r.height * y - box.top + focusBox.scrollTop]; }
    function arrow(from, to, kind) {
      var line = document.createElementNS(SVGNS, "line");
      line.setAttribute("x1", from[0]); line.setAttribute("y1", from[1]);
      line.setAttribute("x2", to[0]); line.setAttribute("y2", to[1]);
      line.setAttribute("class", "arrow " + kind);
      line.setAttribute("marker-end", "url(#head-" + kind + ")");
      arrows.appendChild(line);
    }
    $(".focus-row", focusBox).forEach(function (row) {
      if (row.classList.contains("main")) return;
      var above = row.classList.contains("above");
      var cards = $(".focus-card", row);
      if (cards.length > 8) {
        var r = row.querySelector(".focus-cards").getBoundingClientRect();
        var kinds = {};
        cards.forEach(function (c) { kinds[c.getAttribute("data-kind")] = true; });
        var kind = kinds.support ? "support" : Object.keys(kinds)[0];
        if (above) arrow(at(m, 0.5, 0), at(r, 0.5, 1), kind);
        else arrow(at(r, 0.5, 0), at(m, 0.5, 1), kind);
        return;
      }
      cards.forEach(function (card) {
        var c = card.getBoundingClientRect(), kind = card.getAttribute("data-kind");
        if (above) arrow(at(m, 0.5, 0), at(c, 0.5, 1), kind);
        else arrow(at(c, 0.5, 0), at(m, 0.5, 1), kind);
      });
    });
  }
  function setFocus(on) {
    if (!svg) on = true;
    focusing = on;
    cls(body, "focusing", on);
    document.getElementById("zoom-focus").textContent = on ? "Whole map" : "Focus";
    var id = selected || data.thesis;
    if (on) select(id, false);
    else { focusBox.textContent = ""; if (selected) select(selected, false); else fit(); }
  }

  /* --- search, filters and the claim list ------------------------------------- */
  var search = document.getElementById("search");
  var speakerFilter = document.getElementById("speaker-filter");
  var roleBoxes = $("input.role-filter");
  var hay = {};
  function haystack(id) {
    var c = data.claims[id];
    return hay[id] || (hay[id] = (c.text + "\n" + c.quote + "\n" + id).toLowerCase());
  }
  var listed = walk.slice();  // what the claim list shows, in order
  var filtering = false;
  function applyFilters() {
    var q = search.value.trim().toLowerCase();
    var roles = {};
    roleBoxes.forEach(function (b) { if (b.checked) roles[b.value] = true; });
    var who = speakerFilter.value;
    filtering = !!(q || who || Object.keys(roles).length < roleBoxes.length);
    var matches = walk.filter(function (id) {
      var c = data.claims[id];
      return roles[c.role] && (!who || c.by === who) && (!q || haystack(id).indexOf(q) >= 0);
    });
    var ok = {};
    matches.forEach(function (id) { ok[id] = true; });
    Object.keys(claimNode).forEach(function (id) {
      cls(claimNode[id], "dim", !ok[id]);
      cls(claimNode[id], "match", !!ok[id] && !!q);
    });
    document.getElementById("match-count").textContent = filtering ? matches.length + " of " + walk.length + " claims" : "";
    listed = filtering ? matches : walk;
    if (filtering) showTab("claims");
    renderList();
  }
  search.addEventListener("input", applyFilters);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && filtering && listed.length) select(listed[0], true);
  });
  speakerFilter.addEventListener("change", applyFilters);
  roleBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });

  var list = document.getElementById("claim-list");
  var listInner = document.getElementById("claim-list-inner");
  var ROW = 28;
  function shownRows() {
    return filtering ? listed : listed.filter(function (id) { return !hidden[id]; });
  }
  var rows = shownRows();
  function renderList() {
    rows = shownRows();
    listInner.style.height = rows.length * ROW + "px";
    drawRows();
  }
  function drawRows() {
    listInner.textContent = "";
    if (list.hidden) return;
    var first = Math.max(0, Math.floor(list.scrollTop / ROW) - 10);
    var last = Math.min(rows.length, first + Math.ceil((list.clientHeight || 600) / ROW) + 20);
    for (var i = first; i < last; i++) listInner.appendChild(listRow1(rows[i], i));
    if (!rows.length) listInner.appendChild(el("p", "list-empty", "No claim matches."));
  }
  function listRow1(id, i) {
    var c = data.claims[id], at = pos[id];
    var row = el("div", "list-row" + (id === selected ? " current" : ""));
    row.style.top = i * ROW + "px";
    row.setAttribute("data-id", id);
    row.style.paddingLeft = (filtering ? 0.4 : 0.4 + Math.min(depth[at], 12) * 1.1) + "em";
    if (!filtering && size[at]) {
      var t = button("fold-toggle", folded[id] ? "▸" : "▾", folded[id] ? "Unfold: show the " + size[at] + " claims resting on it" : "Fold: hide the " + size[at] + " claims resting on it", function (ev) {
        ev.stopPropagation(); setFold(id, !folded[id]);
      });
      row.appendChild(t);
    } else row.appendChild(el("span", "fold-space"));
    row.appendChild(el("span", "swatch role-" + c.role));
    var b = button("list-claim", c.text, id, function () { select(id, false); });
    row.appendChild(b);
    if (folded[id] && !filtering) row.appendChild(el("span", "fold-count", "+" + size[at]));
    return row;
  }
  function markListRow() {
    $(".list-row.current", listInner).forEach(function (r) { r.classList.remove("current"); });
    if (selected) $(".list-row", listInner).forEach(function (r) { if (r.getAttribute("data-id") === selected) r.classList.add("current"); });
  }
  function scrollListTo(id) {
    var i = rows.indexOf(id);
    if (i < 0 || list.hidden) return;
    if (i * ROW < list.scrollTop || (i + 1) * ROW > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, i * ROW - list.clientHeight / 3);
    }
    drawRows();
  }
  list.addEventListener("scroll", drawRows);

  /* --- tabs: the text or the claim list --------------------------------------- */
  var tabs = $("#tabs button");
  function showTab(name) {
    tabs.forEach(function (t) { cls(t, "current", t.getAttribute("data-tab") === name); });
    essay.hidden = name !== "essay";
    list.hidden = name !== "claims";
    if (name === "claims") { drawRows(); if (selected) scrollListTo(selected); }
    if (name === "essay" && selected) markText([selected], true);
  }
  tabs.forEach(function (t) { t.addEventListener("click", function () { showTab(t.getAttribute("data-tab")); }); });

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
    counter.textContent = "Step " + (step + 1) + " of " + all.length;
    caption.textContent = "";
    caption.appendChild(el("strong", "step-title", s.title));
    var ul = el("ul");
    var texts = s.relations.length ? s.relations.map(captionOf) : s.captions.map(expand);
    texts.slice(0, MAX_CAPTIONS).forEach(function (t) { ul.appendChild(el("li", null, t)); });
    if (texts.length > MAX_CAPTIONS) ul.appendChild(el("li", "more", "… and " + (texts.length - MAX_CAPTIONS) + " more"));
    caption.appendChild(ul);
    if (s.claims.length) {
      var shownClaims = el("div", "step-claims");
      shownClaims.appendChild(el("span", "step-claims-head", "New:"));
      s.claims.slice(0, MAX_CAPTIONS).forEach(function (c) { shownClaims.appendChild(claimLink(c)); });
      if (s.claims.length > MAX_CAPTIONS) shownClaims.appendChild(el("span", "more", "… and " + (s.claims.length - MAX_CAPTIONS) + " more"));
      caption.appendChild(shownClaims);
    }
    document.getElementById("prev").disabled = step === 0;
    document.getElementById("next").disabled = step === all.length - 1;
    clearLight();
    markText(s.claims.slice(0, 500), true);
    if (focusing) {
      // the step's first relation around its target, or the step's first claim
      var r = data.relations[s.relations[0]];
      while (r && data.relations[r.target]) r = data.relations[r.target];
      var at = r ? r.target : s.claims[0];
      if (at) drawFocus(at);
    } else {
      var shown = Object.keys(claims).map(function (id) { return claimNode[id]; }).filter(Boolean);
      Object.keys(relations).forEach(function (r) {
        (relationParts[r] || []).forEach(function (g) { if (g.classList.contains("node")) shown.push(g); });
      });
      fitTo(shown);
    }
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
    else if (ev.key === "n") walkBy(1);
    else if (ev.key === "p") walkBy(-1);
    else if (ev.key === "Escape") { if (step >= 0) setLesson(false); else if (focusing && svg) setFocus(false); }
  });

  /* --- zoom and pan ---------------------------------------------------- */
  var view = { x: 0, y: 0, s: 1 };
  var dragged = false;
  var minScale = 0.1;
  function apply() { if (viewport) viewport.style.transform = "translate(" + view.x + "px, " + view.y + "px) scale(" + view.s + ")"; }
  function animate() {
    viewport.classList.add("animate");
    setTimeout(function () { viewport.classList.remove("animate"); }, 400);
  }
  function zoomAt(factor, cx, cy) {
    var s = Math.max(minScale, Math.min(8, view.s * factor));
    factor = s / view.s;
    view.x = cx - (cx - view.x) * factor;
    view.y = cy - (cy - view.y) * factor;
    view.s = s;
    apply();
  }
  function size2() {
    return [svg.width.baseVal.value || svg.getBBox().width, svg.height.baseVal.value || svg.getBBox().height];
  }
  function fitScale() {
    var wh = size2();
    return Math.min(mapBox.clientWidth / wh[0], mapBox.clientHeight / wh[1]) * 0.96;
  }
  function fit() {
    var wh = size2();
    var bw = mapBox.clientWidth, bh = mapBox.clientHeight;
    view.s = Math.min(1.6, fitScale());
    view.x = (bw - wh[0] * view.s) / 2;
    view.y = Math.max(4, (bh - wh[1] * view.s) / 2);
    apply();
  }
  function boxOf(nodes) {
    // the bounding box of some SVG elements, in map coordinates (unaffected by zoom and animation)
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (g) {
      var b = g.getBBox(), m = g.getCTM();
      [[b.x, b.y], [b.x + b.width, b.y + b.height]].forEach(function (p) {
        var x = m.a * p[0] + m.c * p[1] + m.e, y = m.b * p[0] + m.d * p[1] + m.f;
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      });
    });
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  function lookAt(b, s, smoothly) {
    var bw = mapBox.clientWidth, bh = mapBox.clientHeight;
    view.s = s;
    view.x = (bw - b.w * s) / 2 - b.x * s;
    view.y = (bh - b.h * s) / 2 - b.y * s;
    if (smoothly) animate();
    apply();
  }
  function fitTo(nodes, least) {
    if (!nodes.length) return;
    var b = boxOf(nodes), bw = mapBox.clientWidth, bh = mapBox.clientHeight;
    lookAt(b, Math.max(least || minScale, Math.min(1.5, Math.min(bw / (b.w + 60), bh / (b.h + 60)))), true);
  }
  function centreOn(g) {
    // bring a claim into the middle of the view at a readable zoom, at once (a map that
    // moved under the pointer would take the next click elsewhere); one in view stays put
    var b = boxOf([g]), s = view.s, left = view.x + b.x * s, top = view.y + b.y * s;
    var inView = left >= 0 && top >= 0 && left + b.w * s <= mapBox.clientWidth && top + b.h * s <= mapBox.clientHeight;
    if (s < READABLE * 0.99 || !inView) { lookAt(b, Math.max(s, READABLE), false); clampView(); }
  }
  function clampView() {
    // no empty band beside a map wider or taller than the view: its edges stay at the view's
    var wh = size2(), pad = 8;
    [["x", wh[0], mapBox.clientWidth], ["y", wh[1], mapBox.clientHeight]].forEach(function (a) {
      var extent = a[1] * view.s;
      if (extent > a[2]) view[a[0]] = Math.min(pad, Math.max(a[2] - extent - pad, view[a[0]]));
    });
    apply();
  }
  function firstView() {
    // the whole map if it is readable so, else the thesis at a readable zoom
    minScale = Math.min(0.1, fitScale() * 0.9);
    if (fitScale() >= READABLE * 0.9 || !claimNode[data.thesis]) { fit(); return; }
    var b = boxOf([claimNode[data.thesis]]);
    view.s = READABLE;
    view.x = mapBox.clientWidth / 2 - (b.x + b.w / 2) * view.s;
    view.y = mapBox.clientHeight / 2 - (b.y + b.h / 2) * view.s;
    clampView();
  }
  function centre(factor) { zoomAt(factor, mapBox.clientWidth / 2, mapBox.clientHeight / 2); }
  document.getElementById("zoom-in").addEventListener("click", function () { centre(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { centre(0.8); });
  document.getElementById("zoom-fit").addEventListener("click", function () { if (focusing) setFocus(false); fit(); });
  document.getElementById("zoom-focus").addEventListener("click", function () { setFocus(!focusing); });
  if (svg) {
    mapBox.addEventListener("wheel", function (ev) {
      if (focusing) return;
      ev.preventDefault();
      var r = mapBox.getBoundingClientRect();
      zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
  }
  var drag = null;
  mapBox.addEventListener("mousedown", function (ev) {
    if (!svg || focusing || ev.button !== 0 || ev.target.closest("#zoom")) return;
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
  document.getElementById("tab-count").textContent = "(" + walk.length + ")";
  if (svg) {
    svg.removeAttribute("width"); svg.removeAttribute("height");
    var vb = svg.viewBox.baseVal;
    svg.setAttribute("width", vb.width * 4 / 3); svg.setAttribute("height", vb.height * 4 / 3);
    viewport.hidden = false;
    firstView();
    window.addEventListener("resize", function () { if (!focusing) fit(); });
  } else {
    showTab("claims");  // first: the essay, hidden, needs no layout
    setFocus(true);
  }
  renderList();
  window.argmapPage = {
    select: select, showStep: showStep, setLesson: setLesson, setFocus: setFocus, setFold: setFold,
    view: view, walkBy: walkBy, showTab: showTab, walk: walk,
    ready: performance.now(),  // when the first view was done (benchmarks/page.py)
  };
})();
