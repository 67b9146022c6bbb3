// eventwatch charts: draws every [data-series] element with uPlot (vendored by `make assets`).
// The rows are the API's own payload, embedded by the page; they stay readable in
// window.eventwatch.charts[id] so tests (and people) can check what was drawn.
(function () {
  "use strict";
  const ew = (window.eventwatch = window.eventwatch || { charts: {} });
  const COLORS = { coop: "#2e8540", conf: "#c0392b", gold: "#8a5a00",
                   q1: "#7fbf7f", q2: "#2e8540", q3: "#e59b8f", q4: "#c0392b" };

  function seconds(period) { return Date.parse(period + "T00:00:00Z") / 1000; }

  // Every period from the first to the last, so a quiet month reads as 0, not as a line
  // drawn across the gap. Periods are ISO dates (the first day of each period).
  function allPeriods(first, last, by) {
    const out = [];
    const d = new Date(first + "T00:00:00Z"), end = new Date(last + "T00:00:00Z");
    while (d <= end && out.length < 20000) {
      out.push(d.toISOString().slice(0, 10));
      if (by === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
      else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
      else d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
    }
    return out;
  }

  function dyadOptions(width) {
    const bars = window.uPlot.paths.bars;
    return {
      width, height: 320,
      scales: { x: { time: true }, g: { range: [-10, 10] } },
      axes: [{}, { label: "events" }, { scale: "g", side: 1, label: "mean Goldstein", grid: { show: false } }],
      series: [{},
        { label: "cooperation", stroke: COLORS.coop, fill: COLORS.coop + "cc", paths: bars({ size: [0.35, 40], align: -1 }) },
        { label: "conflict", stroke: COLORS.conf, fill: COLORS.conf + "cc", paths: bars({ size: [0.35, 40], align: 1 }) },
        { label: "mean Goldstein", scale: "g", stroke: COLORS.gold, width: 2, dash: [6, 4], spanGaps: false, points: { show: true } }],
    };
  }

  function quadOptions(width) {
    return {
      width, height: 320, scales: { x: { time: true } },
      axes: [{}, { label: "events" }],
      series: [{},
        { label: "verbal cooperation", stroke: COLORS.q1, width: 2 },
        { label: "material cooperation", stroke: COLORS.q2, width: 2 },
        { label: "verbal conflict", stroke: COLORS.q3, width: 2 },
        { label: "material conflict", stroke: COLORS.q4, width: 2 }],
    };
  }

  function draw(el) {
    const rows = JSON.parse(el.dataset.series);
    const kind = el.dataset.kind;
    const byPeriod = new Map(rows.map((r) => [String(r.period), r]));
    const periods = rows.length
      ? allPeriods(String(rows[0].period), String(rows[rows.length - 1].period), el.dataset.by)
      : [];
    // Counts of a quiet period are 0; its mean Goldstein is unknown (null: a gap in the line).
    const pick = (k) => periods.map((p) => (byPeriod.has(p) ? byPeriod.get(p)[k] : (k === "goldstein_mean" ? null : 0)));
    const series = kind === "dyad"
      ? { cooperation: pick("cooperation"), conflict: pick("conflict"), goldstein_mean: pick("goldstein_mean") }
      : { verbal_cooperation: pick("verbal_cooperation"), material_cooperation: pick("material_cooperation"),
          verbal_conflict: pick("verbal_conflict"), material_conflict: pick("material_conflict") };
    ew.charts[el.id] = { kind, by: el.dataset.by, periods, series, rows };
    if (!window.uPlot) {
      el.textContent = "Chart library not built: run `make assets`.";
      el.dataset.drawn = "missing";
      return;
    }
    if (!rows.length) { el.textContent = "No dated events."; el.dataset.drawn = "empty"; return; }
    const width = Math.max(320, el.clientWidth - 16);
    const opts = kind === "dyad" ? dyadOptions(width) : quadOptions(width);
    new window.uPlot(opts, [periods.map(seconds), ...Object.values(series)], el);
    el.dataset.drawn = "true";
  }

  document.querySelectorAll("[data-series]").forEach(draw);
})();
