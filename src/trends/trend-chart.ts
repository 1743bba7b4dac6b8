import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { italianDay } from "../deadlines/calendar-day.js";
import type { TrendDimension } from "./trend-map.js";
import type { TrendReport } from "./compute-trends.js";

const SIDES = { vacancies: "Offerte di lavoro arrivate", people: "Persone in carico" } as const;
/** No ellipsis: a navigator reads the whole group name (0 lifts Vega's width limit). */
const WHOLE_LABEL = 0;

/** One bar per side and group: the rows of a dimension as the chart's data. */
export function chartValues(dimension: TrendDimension): { group: string; side: string; count: number }[] {
  return dimension.rows.flatMap((r) => [
    { group: `${r.code} · ${r.label}`, side: SIDES.vacancies, count: r.vacancies },
    { group: `${r.code} · ${r.label}`, side: SIDES.people, count: r.people },
  ]);
}

/** A grouped horizontal bar chart of one dimension: offers and people side by side for each group. */
function dimensionChart(title: string, dimension: TrendDimension) {
  return {
    title,
    data: { values: chartValues(dimension) },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "group", type: "nominal", sort: null, title: null, axis: { labelLimit: WHOLE_LABEL } },
      yOffset: { field: "side", sort: [SIDES.vacancies, SIDES.people] },
      x: { field: "count", type: "quantitative", title: "Numero", axis: { tickMinStep: 1, format: "d" } },
      color: { field: "side", type: "nominal", title: null, sort: [SIDES.vacancies, SIDES.people], legend: { orient: "top", labelLimit: WHOLE_LABEL } },
    },
    width: 360,
  };
}

/** The Vega-Lite specification of the trend map: occupations above, sectors below. */
export function trendChartSpec(report: TrendReport): vegaLite.TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: `Mappa dei fabbisogni: ${report.cpiName}`, subtitle: `Semestre ${report.half} (${italianDay(report.from)} – ${italianDay(report.to)}): offerte arrivate e persone in carico` },
    vconcat: [dimensionChart("Professioni (gruppi CP2011)", report.occupations), dimensionChart("Settori (sezioni ATECO)", report.sectors)],
    config: { font: "sans-serif" },
  } as vegaLite.TopLevelSpec;
}

/** The chart as SVG, drawn headless (no canvas: the "none" renderer measures text by estimate). */
export async function trendChartSvg(report: TrendReport): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(trendChartSpec(report)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
