/* The graph page's behaviour: legend and type filter, date range, search, focus view, side panel.
   Reads the vis DataSets `nodes`/`edges` and `network` made above, and the JSON blob #kg-data.
   Filters only toggle `hidden` on the DataSets: nothing is reloaded. Text goes in with textContent. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var ALL_NODES = nodes.get();
  var ALL_EDGES = edges.get();
  var adjacency = {};
  ALL_NODES.forEach(function (n) { adjacency[n.id] = []; });
  ALL_EDGES.forEach(function (e) {
    adjacency[e.from].push([e.to, e]);
    adjacency[e.to].push([e.from, e]);
  });
  var state = { hiddenTypes: new Set(), from: null, to: null, focus: DATA.focus, depth: DATA.depth,
    showRejected: false };
  var shownNodes = {}, shownEdges = {}, legendCounts = [];
  ALL_NODES.forEach(function (n) { shownNodes[n.id] = true; });
  ALL_EDGES.forEach(function (e) { shownEdges[e.id] = true; });
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "onclick") node.addEventListener("click", attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /* ---- dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first or last day it may denote ---- */
  function parseBound(text, last) {
    text = text.trim();
    if (!text) return null;
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
    if (!m || (m[3] && !m[2])) throw new Error("dates are YYYY, YYYY-MM or YYYY-MM-DD");
    return m[1] + "-" + (m[2] || (last ? "12" : "01")) + "-" + (m[3] || (last ? "31" : "01"));
  }
  function overlaps(start, end) {
    if (state.from && end && end < state.from) return false;
    return !(state.to && start && start > state.to);
  }
  function describeDate(d) {
    if (!d) return "undated";
    return d.value + " (" + d.precision + (d.derivation && d.derivation !== "absolute" ? ", " + d.derivation : "") + ")";
  }

  /* ---- which nodes and edges are shown ---- */
  function edgeAllowed(e, visible, dateOn) {
    if (!visible.has(e.from) || !visible.has(e.to)) return false;
    if (e.kgStatus === "rejected" && !state.showRejected) return false;
    if (!dateOn || e.kgKind !== "membership") return true;
    return Boolean(e.kgStart || e.kgEnd) && overlaps(e.kgStart || null, e.kgEnd || null);
  }
  function computeVisible() {
    var dateOn = Boolean(state.from || state.to);
    var visible = new Set();
    ALL_NODES.forEach(function (n) {
      if (state.hiddenTypes.has(n.kgType)) return;
      if (n.kgStatus === "rejected" && !state.showRejected) return;  // a reviewer took it out
      if (n.kgKind === "event" && dateOn && (!n.kgStart || !overlaps(n.kgStart, n.kgEnd))) return;
      visible.add(n.id);
    });
    if (dateOn) {  // actors in nothing that happened in the date range go too
      ALL_NODES.forEach(function (n) {
        if (n.kgKind !== "entity" || !visible.has(n.id)) return;
        var kept = adjacency[n.id].some(function (p) { return edgeAllowed(p[1], visible, dateOn); });
        if (!kept) visible.delete(n.id);
      });
    }
    if (state.focus && visible.has(state.focus)) {
      var reached = new Set([state.focus]), frontier = [state.focus];
      for (var d = 0; d < state.depth; d++) {
        var next = [];
        frontier.forEach(function (id) {
          adjacency[id].forEach(function (p) {
            if (!reached.has(p[0]) && edgeAllowed(p[1], visible, dateOn)) { reached.add(p[0]); next.push(p[0]); }
          });
        });
        frontier = next;
      }
      visible = reached;
    }
    return { nodes: visible, edge: function (e) { return edgeAllowed(e, visible, dateOn); } };
  }
  function applyView() {
    var v = computeVisible(), nodeChanges = [], edgeChanges = [];
    ALL_NODES.forEach(function (n) {
      var show = v.nodes.has(n.id);
      if (show !== shownNodes[n.id]) { shownNodes[n.id] = show; nodeChanges.push({ id: n.id, hidden: !show }); }
    });
    ALL_EDGES.forEach(function (e) {
      var show = v.edge(e);
      if (show !== shownEdges[e.id]) { shownEdges[e.id] = show; edgeChanges.push({ id: e.id, hidden: !show }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    updateLegendCounts(v.nodes);
    $("status").textContent = v.nodes.size + " of " + ALL_NODES.length + " nodes shown" +
      (state.focus ? " \u2014 focus on " + DATA.nodes[state.focus].label + ", depth " + state.depth : "");
    return v.nodes.size;
  }
  function visibleIds() { return ALL_NODES.filter(function (n) { return shownNodes[n.id]; }).map(function (n) { return n.id; }); }
  /* Fit the view to the shown nodes that have a shown edge (the structure), not to lone actors. */
  function fitMain() {
    var tied = ALL_NODES.filter(function (n) {
      return shownNodes[n.id] && adjacency[n.id].some(function (p) { return shownEdges[p[1].id]; });
    }).map(function (n) { return n.id; });
    network.fit({ nodes: tied.length ? tied : visibleIds(), animation: false });
  }

  /* ---- legend, which is also the type filter ---- */
  var SHAPES = {
    dot: '<circle cx="7" cy="7" r="6"/>', square: '<rect x="1.5" y="1.5" width="11" height="11"/>',
    diamond: '<polygon points="7,0.5 13.5,7 7,13.5 0.5,7"/>', triangle: '<polygon points="7,1 13.5,13 0.5,13"/>',
    triangleDown: '<polygon points="0.5,1 13.5,1 7,13"/>', hexagon: '<polygon points="3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7"/>',
    star: '<polygon points="7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.3 2.9,13 4.2,8.2 0.5,5.2 5.2,5"/>'
  };
  function glyph(shape, color) {
    var span = el("span", { "class": "glyph" });
    span.innerHTML = '<svg viewBox="0 0 14 14" width="14" height="14" fill="' + color + '">' + (SHAPES[shape] || SHAPES.dot) + "</svg>";
    return span;
  }
  function buildLegend() {
    var box = $("legend-items");
    [["entity", "Actors and things"], ["event", "Events"]].forEach(function (group) {
      var items = DATA.legend.filter(function (t) { return t.kind === group[0]; });
      if (!items.length) return;
      box.appendChild(el("div", { "class": "group", text: group[1] }));
      var grid = box.appendChild(el("div", { "class": items.length > 6 ? "items" : "" }));
      items.forEach(function (t) {
        var box2 = el("input", { type: "checkbox", "data-type": t.type });
        box2.checked = true;
        box2.addEventListener("change", function () {
          if (box2.checked) state.hiddenTypes.delete(t.type); else state.hiddenTypes.add(t.type);
          applyView();
        });
        var count = el("span", { "class": "count", text: "(" + t.count + ")" });
        legendCounts.push({ kind: t.kind, type: t.type, total: t.count, span: count });
        grid.appendChild(el("label", {}, [box2, glyph(t.shape, t.color), t.type + " ", count]));
      });
    });
  }
  /* Each legend entry counts the nodes of its type the filters leave: "(3 of 12)", or "(12)" when all. */
  function updateLegendCounts(visible) {
    var shown = {};
    ALL_NODES.forEach(function (n) {
      if (visible.has(n.id)) shown[n.kgKind + "|" + n.kgType] = (shown[n.kgKind + "|" + n.kgType] || 0) + 1;
    });
    legendCounts.forEach(function (c) {
      var k = shown[c.kind + "|" + c.type] || 0;
      c.span.textContent = k === c.total ? "(" + c.total + ")" : "(" + k + " of " + c.total + ")";
    });
  }

  /* ---- side panel ---- */
  function nodeLink(id) {
    var n = DATA.nodes[id];
    return el("a", { onclick: function () { select(id); } , text: n ? n.label : id });
  }
  function typeBadge(item) {
    var look = DATA.legend.filter(function (t) { return t.type === item.type && t.kind === item.kind; })[0];
    return el("span", { "class": "type", style: "background:" + (look ? look.color : "#999"), text: item.type });
  }
  function reviewBadge(status) {
    return el("span", { "class": "review review-" + status, title: "review: " + status, text: status });
  }
  function evidenceBlock(panel, evidence) {
    panel.appendChild(el("h3", { text: "Evidence (" + evidence.length + ")" }));
    if (!evidence.length) panel.appendChild(el("p", { "class": "hint", text: "No passage recorded." }));
    evidence.forEach(function (ev) {
      panel.appendChild(el("blockquote", {}, [
        "\u201c" + ev[1] + "\u201d",
        el("span", { "class": "source", text: "\u2014 " + (DATA.documents[ev[0]] || ev[0]) })]));
    });
  }
  function facts(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) return;
      dl.appendChild(el("dt", { text: p[0] }));
      dl.appendChild(el("dd", {}, [typeof p[1] === "string" ? p[1] : (p[1].nodeType ? p[1] : JSON.stringify(p[1]))]));
    });
    return dl;
  }
  function attrPairs(attributes) {
    return Object.keys(attributes || {}).sort().map(function (k) {
      var v = attributes[k];
      return [k, typeof v === "string" ? v : JSON.stringify(v)];
    });
  }
  function showNode(id) {
    var n = DATA.nodes[id], panel = $("panel");
    panel.replaceChildren();
    if (!n) return;
    panel.dataset.showing = id;
    panel.appendChild(el("h2", { text: n.label }));
    panel.appendChild(typeBadge(n));
    if (n.status && n.status !== "extracted") panel.appendChild(reviewBadge(n.status));
    var pairs = [["id", id], ["also called", (n.aliases || []).join("; ")]];
    if (n.kind === "event") {
      pairs.push(["date", describeDate(n.date)]);
      if (n.date && n.date.phrase) pairs.push(["date phrase", n.date.phrase]);
      if (n.flags && n.flags.length) pairs.push(["flags", el("span", { "class": "flag", text: n.flags.join(", ") })]);
    }
    if (n.missing) pairs.push(["note", "named by an event or membership, not described in the facts"]);
    panel.appendChild(facts(pairs.concat(attrPairs(n.attributes))));
    if (n.kind === "event") {
      panel.appendChild(el("h3", { text: "Participants" }));
      panel.appendChild(el("ul", {}, n.participants.map(function (p) {
        return el("li", {}, [p[1] + ": ", nodeLink(p[0])]);
      })));
    } else {
      panel.appendChild(el("h3", { text: "Events in date order (" + n.events.length + ")" }));
      panel.appendChild(el("ol", {}, n.events.map(function (pair) {
        var ev = DATA.nodes[pair[0]];
        return el("li", { "class": "event" }, [describeDate(ev.date) + " \u2014 ", nodeLink(pair[0]), " (as " + pair[1] + ")"]);
      })));
      evidenceBlock(panel, n.evidence);
      if (n.ties.length) {
        panel.appendChild(el("h3", { text: "Memberships" }));
        panel.appendChild(el("ul", {}, n.ties.map(function (eid) {
          var t = DATA.edges[eid];
          var when = t.start || t.end ? " [" + (t.start ? describeDate(t.start) : "?") + " \u2013 " +
            (t.end ? describeDate(t.end) : "?") + "]" : "";
          return el("li", {}, [nodeLink(t.from), " \u2014 " + t.role + " \u2192 ", nodeLink(t.to),
            el("a", { onclick: function () { showEdge(eid); }, text: when || " [details]" })]);
        })));
      }
      return;
    }
    evidenceBlock(panel, n.evidence);
  }
  function showEdge(eid) {
    var e = DATA.edges[eid], panel = $("panel");
    panel.replaceChildren();
    if (!e) return;
    panel.dataset.showing = eid;
    panel.appendChild(el("h2", {}, [nodeLink(e.from), " \u2192 ", nodeLink(e.to)]));
    if (e.status && e.status !== "extracted") panel.appendChild(reviewBadge(e.status));
    panel.appendChild(facts([["edge", e.kind], ["role", e.role]].concat(
      e.kind === "membership" ? [["from", describeDate(e.start)], ["until", describeDate(e.end)]].concat(attrPairs(e.attributes)) : [])));
    evidenceBlock(panel, e.kind === "membership" ? e.evidence : DATA.nodes[e.from].evidence);
  }
  function select(id) {
    if (shownNodes[id]) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
    }
    showNode(id);
  }

  /* ---- search ---- */
  function search(text) {
    var q = text.trim().toLowerCase(), list = $("search-results");
    list.replaceChildren();
    if (!q) { list.hidden = true; $("search-count").textContent = ""; return []; }
    var hits = Object.keys(DATA.nodes).filter(function (id) {
      var n = DATA.nodes[id];
      return id.toLowerCase().indexOf(q) >= 0 || n.label.toLowerCase().indexOf(q) >= 0 ||
        (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
    hits.sort(function (a, b) { return (DATA.nodes[a].kind === "entity" ? 0 : 1) - (DATA.nodes[b].kind === "entity" ? 0 : 1) || DATA.nodes[a].label.localeCompare(DATA.nodes[b].label); });
    $("search-count").textContent = hits.length + " found";
    hits.slice(0, 40).forEach(function (id) {
      list.appendChild(el("li", { "data-id": id, onclick: function () { list.hidden = true; select(id); } },
        [DATA.nodes[id].label + " \u00b7 " + DATA.nodes[id].type]));
    });
    list.hidden = hits.length === 0;
    return hits;
  }
  $("search").addEventListener("input", function () { search(this.value); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = search(this.value); if (hits.length) { $("search-results").hidden = true; select(hits[0]); } }
    if (ev.key === "Escape") { $("search-results").hidden = true; }
  });

  /* ---- dates, focus, reset ---- */
  function readDates() {
    try {
      state.from = parseBound($("date-from").value, false);
      state.to = parseBound($("date-to").value, true);
      $("date-error").textContent = "";
    } catch (err) { $("date-error").textContent = err.message; return; }
    applyView();
    if (state.focus) network.fit({ nodes: visibleIds(), animation: false });  // what the dates leave, in view
    else fitMain();
  }
  $("date-from").addEventListener("change", readDates);
  $("date-to").addEventListener("change", readDates);
  function focusOn(id, depth) {
    state.focus = id;
    if (depth !== undefined) { state.depth = depth; $("focus-depth").value = String(depth); }
    applyView();
    network.fit({ nodes: visibleIds(), animation: false });
    select(id);
  }
  $("focus-button").addEventListener("click", function () {
    var chosen = network.getSelectedNodes()[0] || state.focus;
    if (!chosen) { $("status").textContent = "select a node first, then Focus"; return; }
    focusOn(chosen, Number($("focus-depth").value));
  });
  $("focus-depth").addEventListener("change", function () { if (state.focus) focusOn(state.focus, Number(this.value)); });
  function reset() {
    state.hiddenTypes.clear(); state.from = state.to = null; state.focus = null;
    document.querySelectorAll("#legend-items input").forEach(function (b) { b.checked = true; });
    $("date-from").value = $("date-to").value = ""; $("date-error").textContent = "";
    applyView();
    fitMain();
  }
  $("reset-button").addEventListener("click", reset);
  $("show-rejected").hidden = !DATA.rejected;
  $("show-rejected-box").addEventListener("change", function () {
    state.showRejected = this.checked;
    applyView();
  });

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) focusOn(params.nodes[0], Number($("focus-depth").value));
  });

  buildLegend();
  $("focus-depth").value = String(Math.min(Math.max(state.depth || 2, 1), 4));
  applyView();
  fitMain();
  if (state.focus) select(state.focus);
  window.kg = { data: DATA, state: state, applyView: applyView, showNode: showNode, showEdge: showEdge,
    search: search, focusOn: focusOn, reset: reset, select: select, fitMain: fitMain };
})();
