// eventwatch map: an SVG world from world-atlas (d3-geo + topojson-client, vendored by
// `make assets`); no tiles. Events at a real place are markers, greedily clustered in
// screen space (click a cluster to zoom in); events known only at country level shade their
// country and are never drawn as points. The drawn state is in window.eventwatch.map.
(function () {
  "use strict";
  const ew = (window.eventwatch = window.eventwatch || { charts: {} });
  const el = document.getElementById("map");
  if (!el) return;
  const data = JSON.parse(el.dataset.map);
  const NS = "http://www.w3.org/2000/svg";
  const RADIUS = 22; // px: markers closer than this merge into a cluster
  const MIN_SPAN = 16; // degrees: never zoom closer than this

  function node(tag, attrs, parent) {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    if (parent) parent.appendChild(n);
    return n;
  }

  function shade(count, max) {
    const t = Math.log1p(count) / Math.log1p(max || 1);
    const mix = (a, b) => Math.round(a + (b - a) * t);
    return `rgb(${mix(250, 226)},${mix(228, 160)},${mix(196, 88)})`;
  }

  function cluster(points, projection) {
    const clusters = [];
    const sorted = [...points].sort((a, b) => b.events - a.events);
    for (const p of sorted) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const near = clusters.find((c) => Math.hypot(c.x - xy[0], c.y - xy[1]) < RADIUS);
      if (near) { near.members.push(p); near.events += p.events; }
      else clusters.push({ x: xy[0], y: xy[1], members: [p], events: p.events });
    }
    return clusters;
  }

  function extent(points) {
    let [x0, y0, x1, y1] = [180, 90, -180, -90];
    for (const p of points) {
      x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon);
      y0 = Math.min(y0, p.lat); y1 = Math.max(y1, p.lat);
    }
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const hx = Math.max((x1 - x0) * 0.6, MIN_SPAN / 2), hy = Math.max((y1 - y0) * 0.6, MIN_SPAN / 2);
    return { type: "MultiPoint", coordinates: [
      [Math.max(-180, cx - hx), Math.max(-85, cy - hy)], [Math.min(180, cx + hx), Math.min(85, cy + hy)],
      [Math.max(-180, cx - hx), Math.min(85, cy + hy)], [Math.min(180, cx + hx), Math.max(-85, cy - hy)]] };
  }

  async function main() {
    if (!window.d3 || !window.d3.geoPath || !window.topojson) {
      el.textContent = "Map libraries not built: run `make assets`. The tables below list the places.";
      el.dataset.drawn = "missing";
      return;
    }
    const world = await (await fetch(el.dataset.world)).json();
    const countries = window.topojson.feature(world, world.objects.countries).features;
    const byIso = new Map(data.countries.filter((c) => c.iso_numeric).map((c) => [c.iso_numeric, c]));
    const maxCount = Math.max(1, ...data.countries.map((c) => c.events));
    const points = data.points.filter((p) => p.lat !== null && p.lon !== null);
    const W = Math.max(480, el.clientWidth || 960), H = Math.round(W * 0.56);
    const svg = node("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Map of events" }, el);
    const projection = window.d3.geoNaturalEarth1();
    const fitAll = () => points.length
      ? projection.fitExtent([[12, 12], [W - 12, H - 12]], extent(points))
      : projection.fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });

    function render() {
      svg.replaceChildren();
      const path = window.d3.geoPath(projection);
      node("path", { class: "sphere", d: path({ type: "Sphere" }) }, svg);
      const land = node("g", { class: "countries" }, svg);
      for (const f of countries) {
        const hit = byIso.get(f.id);
        const p = node("path", { class: hit ? "country shaded" : "country", d: path(f) || "", "data-iso": f.id || "" }, land);
        if (hit) {
          p.setAttribute("style", `fill:${shade(hit.events, maxCount)}`);
          p.setAttribute("data-country", hit.country);
          node("title", {}, p).textContent = `${f.properties.name}: ${hit.events} country-level events`;
        }
      }
      const layer = node("g", { class: "markers" }, svg);
      const clusters = cluster(points, projection);
      for (const c of clusters) {
        const single = c.members.length === 1;
        const names = c.members.map((m) => m.name);
        const g = node("g", { class: single ? "marker" : "cluster", "data-places": names.join("|"),
                              "data-events": c.events, transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})` }, layer);
        const r = (single ? 5 : 10) + 2 * Math.sqrt(c.events);
        node("circle", { r: r.toFixed(1) }, g);
        node("title", {}, g).textContent = c.members.map((m) => `${m.name} (${m.precision}): ${m.events} events`).join("\n");
        if (single) {
          const a = node("a", { href: `/events/${c.members[0].first_event}` }, g);
          a.appendChild(g.firstChild);
          node("text", { x: r + 3, y: 4 }, g).textContent = `${names[0]} (${c.events})`;
        } else {
          node("text", {}, g).textContent = String(c.events);
          g.addEventListener("click", () => zoomTo(c));
        }
      }
      ew.map = { points, countries: data.countries, clusters: clusters.map((c) => ({ places: c.members.map((m) => m.name), events: c.events, x: c.x, y: c.y })) };
      el.dataset.drawn = "true";
    }

    // Zoom in 3x on a cluster, keeping it in the middle of the map.
    function zoomTo(c) {
      const centre = projection.invert([c.x, c.y]);
      projection.scale(projection.scale() * 3);
      const [x, y] = projection(centre);
      const [tx, ty] = projection.translate();
      projection.translate([tx + W / 2 - x, ty + H / 2 - y]);
      render();
    }

    fitAll();
    render();
    const reset = document.getElementById("map-reset");
    if (reset) reset.addEventListener("click", () => { fitAll(); render(); });
  }

  main().catch((err) => { el.textContent = "Map failed: " + err; el.dataset.drawn = "error"; });
})();
