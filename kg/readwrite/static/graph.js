/* The claims graph page (kg.readwrite.html): the network, a side panel, search and filters.
 *
 * The page holds two JSON documents, read with JSON.parse only:
 *   #kg-graph  vis-network's nodes, edges and options (made by pyvis);
 *   #kg-data   {nodes: {id: {...}}}, what the panel, search and filters show about each node.
 * Text from them reaches the page through textContent only, never as HTML.
 *
 * nodes, edges and network are globals, as in pyvis's own pages; the tests and
 * benchmarks drive the page through them.
 */
var nodes, edges, network;

(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  function readJSON(id) { return JSON.parse($(id).textContent); }

  var N = readJSON("kg-data").nodes;  // node id -> what the panel shows
  var ids = Object.keys(N);

  // ---- The network -------------------------------------------------------------------------

  function drawGraph(graph) {
    nodes = new vis.DataSet(graph.nodes);
    edges = new vis.DataSet(graph.edges);
    network = new vis.Network($("mynetwork"), {nodes: nodes, edges: edges}, graph.options);
  }

  // The loading bar (in the page only while a graph of over 100 nodes stabilises).
  function showStabilisationProgress() {
    var box = $("loadingBar");
    if (!box) return;
    network.on("stabilizationProgress", function (params) {
      box.removeAttribute("style");
      var done = params.iterations / params.total;
      $("bar").style.width = Math.max(20, 496 * done) + "px";
      $("text").textContent = Math.round(done * 100) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      $("text").textContent = "100%";
      $("bar").style.width = "496px";
      box.style.opacity = 0;
      setTimeout(function () { box.style.display = "none"; }, 500);
    });
  }

  // Freeze the layout once the bounded stabilisation is done, so big graphs stop moving.
  function freezeAfterStabilisation() {
    function freezeLayout() { network.setOptions({physics: {enabled: false}}); }
    // Small graphs may have finished stabilising already.
    if (network.physics.ready) { freezeLayout(); } else { network.once("stabilizationIterationsDone", freezeLayout); }
  }

  // ---- Building blocks: text goes in with textContent only ---------------------------------

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(id) {  // a node's name that opens its panel
    var a = el("a", N[id] ? N[id].label : id);
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(id); });
    return a;
  }
  function field(name, value) {
    var p = el("p");
    p.append(el("b", name + ": "), value);
    return p;
  }
  function list(items, make) {
    var ul = el("ul");
    items.forEach(function (item) { ul.append(make(item)); });
    return ul;
  }
  function isActor(d) { return d.type === "person" || d.type === "organisation"; }

  // ---- Side panel: everything the graph knows about the clicked node ------------------------

  function speaker(q) { return q.speaker_id ? link(q.speaker_id) : (q.speaker || "unknown speaker"); }
  function cue(q) { return (q.cue || "no cue") + (q.cue_class ? " (" + q.cue_class + ")" : ""); }
  function quoteItem(id, withSpeaker) {
    var q = N[id], li = el("li");
    li.append(el("blockquote", "\u201c" + q.content + "\u201d"));
    var meta = el("div", null, "kg-meta");
    if (withSpeaker) meta.append(speaker(q), " \u00b7 ");
    meta.append(cue(q));
    if (q.article) meta.append(" \u00b7 ", link(q.article));
    if (q.date) meta.append(" \u00b7 " + q.date);
    li.append(meta);
    if (q.sentence) li.append(el("div", q.sentence, "kg-sentence"));
    return li;
  }

  function fillActor(body, d) {  // a person or organisation
    if (d.aliases.length) body.append(field("Also called", d.aliases.join(", ")));
    if (d.roles.length) body.append(el("h3", "Roles"), list(d.roles, function (r) { return el("li", r); }));
    body.append(el("h3", "Articles (" + d.articles.length + ")"), list(d.articles, function (a) {
      var li = el("li"); li.append(link(a), " " + N[a].date); return li;
    }));
    body.append(el("h3", "Quotes (" + d.quotes.length + ")"),
      list(d.quotes, function (q) { return quoteItem(q, false); }));
  }
  function fillArticle(body, d) {
    [["Date", d.date], ["Publication", d.publication], ["Author", d.author]].forEach(function (f) {
      if (f[1]) body.append(field(f[0], f[1]));
    });
    if (/^https?:\/\//i.test(d.url)) {
      var a = el("a", d.url); a.href = d.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      body.append(field("Link", a));
    }
    body.append(el("h3", "People and organisations (" + d.actors.length + ")"), list(d.actors, function (a) {
      var li = el("li"); li.append(link(a), " (" + N[a].type + ")"); return li;
    }));
    body.append(el("h3", "Quotes (" + d.quotes.length + ")"),
      list(d.quotes, function (q) { return quoteItem(q, true); }));
  }
  function fillQuote(body, d) {
    body.append(field("Speaker", speaker(d)), field("Cue", cue(d)));
    if (d.quote_type) body.append(field("Type", d.quote_type));
    body.append(el("blockquote", "\u201c" + d.content + "\u201d"));
    if (d.sentence) body.append(field("Sentence", el("span", d.sentence, "kg-sentence")));
    if (d.article) body.append(field("Article", link(d.article)));
    if (d.date) body.append(field("Date", d.date));
  }
  function fill(body, id) {
    var d = N[id];
    body.append(el("h2", d.label), el("div", d.type, "kg-meta"));
    if (isActor(d)) fillActor(body, d);
    else if (d.type === "article") fillArticle(body, d);
    else if (d.type === "quote") fillQuote(body, d);
  }

  function showPanel(open) {  // the page narrows to make room for the panel
    if ($("kg-panel").hidden !== open) return;
    $("kg-panel").hidden = !open;
    document.body.classList.toggle("kg-panel-open", open);
    window.dispatchEvent(new Event("resize"));  // vis-network fits the canvas to its box
  }
  function show(id) {
    var body = $("kg-panel-body");
    body.replaceChildren();
    if (!N[id]) return;
    fill(body, id);
    showPanel(true);
    $("kg-panel").scrollTop = 0;
  }
  function select(id) {  // open a node's panel and centre the network on it
    show(id);
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
  }
  function initPanel() {
    network.on("click", function (params) {
      if (params.nodes.length) show(params.nodes[0]); else showPanel(false);
    });
    $("kg-panel-close").addEventListener("click", function () { showPanel(false); });
  }

  // ---- Search: part of a name or alias, case-insensitive; Enter again for the next match ----

  function initSearch() {
    var actors = ids.filter(function (id) { return isActor(N[id]); });
    actors.forEach(function (id) { var o = el("option"); o.value = N[id].label; $("kg-names").append(o); });
    var hits = [], hit = 0, lastQuery = null;
    $("kg-search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var query = $("kg-search-input").value.trim().toLowerCase();
      if (!query) return;
      if (query !== lastQuery) {
        hits = actors.filter(function (id) {
          var names = [N[id].label].concat(N[id].aliases);
          return names.some(function (n) { return n.toLowerCase().indexOf(query) >= 0; });
        });
        var rank = function (id) {  // the exact name, then names that start with the query
          var n = N[id].label.toLowerCase();
          return n === query ? 0 : n.indexOf(query) === 0 ? 1 : 2;
        };
        hits.sort(function (a, b) { return rank(a) - rank(b) || N[b].quotes.length - N[a].quotes.length; });
        hit = 0; lastQuery = query;
      } else if (hits.length) {
        hit = (hit + 1) % hits.length;
      }
      $("kg-search-status").textContent = hits.length ? (hit + 1) + " of " + hits.length : "no match";
      if (hits.length) select(hits[hit]);
    });
  }

  // ---- Filters: node types, article, cue class, date range; hidden nodes hide their edges ---

  function initFilters() {
    var types = [], cues = [];
    ids.forEach(function (id) {
      var d = N[id];
      if (types.indexOf(d.type) < 0) types.push(d.type);
      if (d.type === "quote" && d.cue_class && cues.indexOf(d.cue_class) < 0) cues.push(d.cue_class);
    });
    types.forEach(function (t) {
      var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = t;
      var label = el("label"); label.append(box, " " + (t || "other")); $("kg-types").append(label);
    });
    cues.sort().forEach(function (c) { var o = el("option", c); o.value = c; $("kg-cue").append(o); });
    ids.filter(function (id) { return N[id].type === "article"; })
      .sort(function (a, b) { return (N[a].date + a).localeCompare(N[b].date + b); })
      .forEach(function (id) {
        var o = el("option", (N[id].date ? N[id].date + " " : "") + N[id].label);
        o.value = id;
        $("kg-article").append(o);
      });
    document.querySelectorAll(".kg-controls select, .kg-controls input[type=date], #kg-types input")
      .forEach(function (c) { c.addEventListener("change", applyFilters); });
    $("kg-reset").addEventListener("click", resetFilters);
  }

  function applyFilters() {
    var shown = {}, art = $("kg-article").value, cueClass = $("kg-cue").value;
    var from = $("kg-from").value, to = $("kg-to").value;
    document.querySelectorAll("#kg-types input").forEach(function (b) { shown[b.value] = b.checked; });
    var dateOk = function (date) {  // undated nodes are out of any range
      return (!from && !to) || (!!date && (!from || date >= from) && (!to || date <= to));
    };
    var articleOk = function (id) { return (!art || id === art) && dateOk(N[id].date); };
    var visible = function (d, id) {
      if (!shown[d.type]) return false;
      if (d.type === "article") return articleOk(id);
      if (d.type === "quote") {
        return (!art || d.article === art) && dateOk(d.date) && (!cueClass || d.cue_class === cueClass);
      }
      if (d.articles) return d.articles.length ? d.articles.some(articleOk) : !art && !from && !to;
      return true;
    };
    nodes.update(ids.map(function (id) { return {id: id, hidden: !visible(N[id], id)}; }));
  }

  function resetFilters() {
    document.querySelectorAll("#kg-types input").forEach(function (b) { b.checked = true; });
    ["kg-article", "kg-cue", "kg-from", "kg-to"].forEach(function (id) { $(id).value = ""; });
    applyFilters();
  }

  // ---- Start --------------------------------------------------------------------------------

  drawGraph(readJSON("kg-graph"));
  showStabilisationProgress();
  freezeAfterStabilisation();
  initPanel();
  initSearch();
  initFilters();
})();
