/* The page, part 2 of 4: the two views drawn with vis-network, the tooltip, fitting the view.
 *
 * The actor view shows people and organisations sized by their quotes (statements on a
 * discourse-network page), joined by congruence and conflict ties and, dashed, by roles. The
 * quote view (claims pages of up to view.quote_view_max_nodes nodes) shows articles, quotes,
 * speakers and concepts. Every filter change redraws the edges, hides what is left unconnected and
 * fits the view again; clicking a node never moves the view.
 */
(function () {
  "use strict";

  var D = KG.data, V = KG.view, $ = KG.$;
  var SHORT = 40;  // characters of a label on the canvas

  KG.current = "actors";  // the view on screen
  KG.settled = false;  // true once the view stands still (tests and benchmarks wait for it)

  function style(kind) { return V.palette.nodes[kind] || V.palette.other; }
  function shorten(text, n) { return text.length <= n ? text : text.slice(0, n - 1).replace(/\s+$/, "") + "\u2026"; }
  function node(id, kind, label, extra) {
    var s = style(kind), p = (KG.current === "quotes" ? V.quote_positions : V.actor_positions)[id] || [0, 0];
    var n = {id: id, label: shorten(label, SHORT), color: s[0], shape: s[1], x: p[0], y: p[1], hidden: true};
    Object.keys(extra || {}).forEach(function (k) { n[k] = extra[k]; });
    return n;
  }
  function stanceColour(agreement) { return V.palette.agreement[agreement] || V.palette.agreement.neutral; }

  // ---- The nodes of each view (all of them, hidden until the filters show them) -------------

  function actorNodes() {
    var list = D.actors.map(function (a) { return node(a.id, a.kind, a.name, {value: a.n_quotes}); });
    if (D.network === "actor-concept") {
      D.concepts.forEach(function (c) { list.push(node(c.id, "concept", c.label, {value: 1})); });
    }
    return list;
  }
  function quoteNodes() {
    var small = KG.quoteViewSize <= V.physics_max_nodes;
    return [].concat(
      D.articles.map(function (a) { return node(a.id, "article", a.title, {size: 14}); }),
      D.actors.map(function (a) { return node(a.id, a.kind, a.name, {value: a.n_quotes}); }),
      D.quotes.map(function (q) { return node(q.id, "quote", small ? q.content : "", {size: 8}); }),
      D.concepts.map(function (c) { return node(c.id, "concept", c.label, {size: 10}); }));
  }
  KG.quoteViewSize = D.articles.length + D.actors.length + D.quotes.length + D.concepts.length;

  // ---- What the filters leave: shown node ids (-> size) and the edges between them ----------

  function roleEdges(shown) {
    if (!KG.filter.roles) return [];
    return D.roles.filter(function (r) { return shown[D.actors[r.person].id] && shown[D.actors[r.organisation].id]; })
      .map(function (r, i) {
        return {id: "role:" + i, from: D.actors[r.person].id, to: D.actors[r.organisation].id, dashes: true,
                color: V.palette.edges.holds_role, width: 1, kg: {role: r}};
      });
  }
  function tieEdge(t, labels) {
    var stance = t.relation === "stance", tie = t.tie || {};
    var colour = stance ? stanceColour(tie.agree && tie.disagree ? "mixed" : tie.agree ? "agree"
      : tie.disagree ? "disagree" : "neutral") : V.palette.edges[t.relation];
    var weight = t.weight === undefined ? t.count : t.weight;
    return {id: t.id, from: D.actors[t.a].id, to: stance ? D.concepts[t.b].id : D.actors[t.b].id, color: colour,
            width: Math.min(1 + 1.5 * Math.log2(1 + (t.count || weight)), 8), label: labels ? KG.number(weight) : "",
            kg: t};
  }

  function actorView() {
    var f = KG.filter, shown = {}, quotes = KG.claims ? KG.shownQuotes() : [], ties, said = {};
    if (KG.claims) {
      quotes.forEach(function (qi) { var s = D.quotes[qi].speaker; if (s !== null) said[s] = (said[s] || 0) + 1; });
      var found = KG.ties(quotes);
      KG.skipped = found.skipped;
      D.actors.forEach(function (a, i) { if (said[i] && KG.actorKindShown(i)) shown[a.id] = said[i]; });
      ties = found.list;
    } else {
      ties = KG.networkTies();
      D.actors.forEach(function (a, i) { if (KG.actorKindShown(i) && f.concept < 0) shown[a.id] = a.n_quotes || 1; });
      ties.forEach(function (t) {
        shown[D.actors[t.a].id] = D.actors[t.a].n_quotes || 1;
        if (t.relation === "stance") shown[D.concepts[t.b].id] = 1; else shown[D.actors[t.b].id] = D.actors[t.b].n_quotes || 1;
      });
    }
    ties = ties.filter(function (t) { return shown[D.actors[t.a].id] && (t.relation === "stance" || shown[D.actors[t.b].id]); });
    KG.tiesFound = ties.length;
    ties = ties.slice(0, V.max_ties);
    KG.shownTies = ties;
    if (f.tiesOnly) {
      var tied = {};
      ties.forEach(function (t) { tied[D.actors[t.a].id] = tied[t.relation === "stance" ? D.concepts[t.b].id : D.actors[t.b].id] = 1; });
      Object.keys(shown).forEach(function (id) { if (!tied[id]) delete shown[id]; });
    }
    var labels = ties.length <= V.max_labelled_edges;
    return {nodes: shown, quotes: quotes, edges: ties.map(function (t) { return tieEdge(t, labels); }).concat(roleEdges(shown))};
  }

  function quoteView() {
    var quotes = KG.shownQuotes(), shown = {}, list = [];
    quotes.forEach(function (qi) {
      var q = D.quotes[qi];
      shown[q.id] = 1;
      if (q.article !== null) {
        shown[D.articles[q.article].id] = 1;
        list.push({id: "in:" + qi, from: q.id, to: D.articles[q.article].id, color: V.palette.edges.quoted_in});
      }
      if (q.speaker !== null && KG.actorKindShown(q.speaker)) {
        var a = D.actors[q.speaker];
        shown[a.id] = (shown[a.id] || 0) + 1;
        list.push({id: "said:" + qi, from: a.id, to: q.id, color: V.palette.edges.said});
      }
      q.stances.forEach(function (s) {
        if (!KG.stanceShown(s)) return;
        shown[D.concepts[s.concept].id] = 1;
        list.push({id: "about:" + qi + ":" + s.concept, from: q.id, to: D.concepts[s.concept].id,
                   color: stanceColour(s.agreement), kg: {stance: s, quote: qi}});
      });
    });
    return {nodes: shown, quotes: quotes, edges: list.concat(roleEdges(shown))};
  }

  // ---- Drawing, filtering, settling and fitting ----------------------------------------------

  function options(physics) {
    return {
      nodes: {font: {size: 14}, scaling: {min: 10, max: 40, label: {enabled: true, min: 14, max: 28, drawThreshold: 7}}},
      edges: {smooth: false, arrows: {to: {enabled: false}}, font: {size: 12, strokeWidth: 3}, scaling: {label: false}},
      layout: {improvedLayout: false},
      physics: physics ? {enabled: true, solver: "barnesHut", stabilization: {enabled: true, iterations: 100, fit: false},
                          barnesHut: {springLength: 120, avoidOverlap: 0.2}}
        : {enabled: false},
      interaction: {hover: true, hideEdgesOnDrag: true, hideEdgesOnZoom: !physics, tooltipDelay: 200}
    };
  }

  KG.draw = function (view) {  // put a view on screen
    KG.current = view;
    nodes = new vis.DataSet(view === "quotes" ? quoteNodes() : actorNodes());
    edges = new vis.DataSet([]);
    if (!network) {
      network = new vis.Network($("kg-network"), {nodes: nodes, edges: edges}, options(false));
      $("kg-network").querySelector(".vis-network").tabIndex = -1;  // the table and search reach the nodes
      KG.initTooltip();
    } else {
      network.setOptions({physics: {enabled: false}});
      network.setData({nodes: nodes, edges: edges});
    }
    KG.refresh(true);
  };

  KG.refresh = function (relax) {  // apply the filters to the view on screen, then fit it
    KG.hideTip();
    var shown = KG.current === "quotes" ? quoteView() : actorView();
    KG.shown = shown;
    nodes.update(nodes.getIds().map(function (id) {
      var size = shown.nodes[id], n = {id: id, hidden: !size};
      if (size && nodes.get(id).value !== undefined) n.value = size;
      return n;
    }));
    edges.clear();
    edges.add(shown.edges);
    network.unselectAll();
    settle(Object.keys(shown.nodes), relax && shown.edges.length <= V.physics_max_edges);
    KG.onRefresh.forEach(function (f) { f(shown); });
  };
  KG.onRefresh = [];  // what else follows the filters (table, counts), registered by part 4

  function settle(ids, relax) {  // relax small views with bounded physics, then freeze and fit
    KG.settled = false;
    if (!relax || !ids.length || ids.length > V.physics_max_nodes) { fit(ids); return; }
    network.setOptions(options(true));
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      fit(ids);
    });
    network.stabilize(100);
  }
  function fit(ids) {
    network.fit({nodes: ids, animation: false});
    if (network.getScale() > 1.5) network.moveTo({scale: 1.5, animation: false});
    KG.settled = true;
  }

  // Select a node without moving the view (or, with `move`, centre it at the same zoom).
  KG.select = function (id, move) {
    var n = nodes && nodes.get(id);
    if (!n || n.hidden) { network.unselectAll(); return; }
    network.selectNodes([id]);
    if (move) network.moveTo({position: network.getPositions([id])[id], animation: false});
  };

  // ---- Tooltip: our own, plain text, hidden whenever the pointer or the view moves on -------

  var pointer = {x: 0, y: 0};
  KG.hideTip = function () { $("kg-tip").hidden = true; };
  function showTip(text) {
    var tip = $("kg-tip"), box = $("kg-network");
    tip.textContent = text;
    tip.hidden = false;
    tip.style.left = Math.min(pointer.x + 12, Math.max(box.clientWidth - tip.offsetWidth - 4, 0)) + "px";
    tip.style.top = Math.min(pointer.y + 12, Math.max(box.clientHeight - tip.offsetHeight - 4, 0)) + "px";
  }
  KG.initTooltip = function () {
    var box = $("kg-network");
    box.addEventListener("mousemove", function (ev) {
      var r = box.getBoundingClientRect();
      pointer = {x: ev.clientX - r.left, y: ev.clientY - r.top};
    });
    box.addEventListener("mouseleave", KG.hideTip);
    network.on("hoverNode", function (p) { showTip(KG.describe(p.node)); });
    network.on("hoverEdge", function (p) { var e = edges.get(p.edge); if (e && e.kg) showTip(KG.describeEdge(e.kg)); });
    ["blurNode", "blurEdge", "dragStart", "zoom", "click"].forEach(function (ev) { network.on(ev, KG.hideTip); });
  };
})();
