// Small SVG charts drawn from API data (no chart library): a column chart over days and a bar list.
import { html } from 'htm/preact';
import type { VNode } from 'preact';

export interface Point {
  label: string;
  value: number;
}

/** A tidy axis maximum: 1, 2, 5 × 10^n at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}

/** Columns per day with a labelled axis; the numbers are also in a table for screen readers. */
export function ColumnChart({ title, points, unit }: { title: string; points: readonly Point[]; unit: string }): VNode {
  const width = 640;
  const height = 200;
  const left = 32;
  const bottom = 24;
  // Room above the top gridline for its label.
  const top = 12;
  const max = niceMax(Math.max(0, ...points.map((point) => point.value)));
  const step = (width - left) / Math.max(1, points.length);
  const barWidth = Math.max(2, step * 0.7);
  const y = (value: number) => top + (height - bottom - top) * (1 - value / max);
  const labelEvery = Math.ceil(points.length / 8);
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox=${`0 0 ${width} ${height}`} role="img" aria-label=${`${title}: ${points.reduce((sum, point) => sum + point.value, 0)} ${unit} in total, at most ${Math.max(0, ...points.map((point) => point.value))} on one day`}>
      ${[0, max / 2, max].map((tick) => html`<g class="tick">
        <line x1=${left} x2=${width} y1=${y(tick)} y2=${y(tick)} />
        <text x=${left - 6} y=${y(tick) + 4} text-anchor="end">${tick}</text></g>`)}
      ${points.map((point, index) => html`<g>
        <rect class="bar" x=${left + index * step + (step - barWidth) / 2} y=${y(point.value)} width=${barWidth} height=${Math.max(0, height - bottom - y(point.value))}><title>${point.label}: ${point.value} ${unit}</title></rect>
        ${index % labelEvery === 0 ? html`<text class="axis-label" x=${left + index * step + step / 2} y=${height - 6} text-anchor="middle">${point.label}</text>` : ''}
      </g>`)}
    </svg>
  </figure>`;
}

/** Horizontal bars for counts by a category (status, system). */
export function BarList({ title, points }: { title: string; points: readonly Point[] }): VNode {
  const max = Math.max(1, ...points.map((point) => point.value));
  return html`<figure class="bar-list">
    <figcaption>${title}</figcaption>
    ${points.length === 0 ? html`<p class="muted">None.</p>` : html`<table class="data">
      <thead><tr><th scope="col">${title.split(' by ')[1] ?? 'Item'}</th><th scope="col">Tickets</th><th scope="col"><span class="visually-hidden">Share</span></th></tr></thead>
      <tbody>${points.map((point) => html`<tr><th scope="row">${point.label}</th><td class="num">${point.value}</td>
        <td class="bar-cell"><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar" x="0" y="1" height="8" width=${(100 * point.value) / max} /></svg></td></tr>`)}</tbody>
    </table>`}
  </figure>`;
}

/** One headline figure of a `<dl class="figures">`: its label, value and what it counts. */
export function Figure({ label, value, detail }: { label: string; value: string | number; detail?: string }): VNode {
  return html`<div class="figure"><dt>${label}</dt><dd><span class="figure-value">${value}</span>${detail ? html`<span class="figure-detail">${detail}</span>` : ''}</dd></div>`;
}
