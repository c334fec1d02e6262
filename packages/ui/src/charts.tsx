import type { ReactNode } from 'react';
import { cn } from './cn';

export interface ChartSeries {
  name: string;
  /** One value per label, in the same order. */
  values: readonly number[];
}

export interface ChartProps {
  /** Says what the chart shows, for screen readers (`aria-label`) and the data table's caption. */
  title: string;
  /** The x-axis buckets, e.g. "Nov 24" or "14:00". */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Shown instead of the chart when there is nothing but zeros. */
  emptyText?: string;
  formatValue?: (value: number) => string;
  testId?: string;
  className?: string;
}

/**
 * Two drawings of the same chart: a wide one from the `sm` breakpoint up and a narrow one for phones,
 * so axis text stays legible when the SVG scales down to a phone's width (it is rendered on the
 * server, which does not know the width).
 */
interface Geometry {
  width: number;
  height: number;
  pad: { top: number; right: number; bottom: number; left: number };
  maxXLabels: number;
  fontSize: number;
  className: string;
}
const geometries: readonly Geometry[] = [
  {
    width: 640,
    height: 240,
    pad: { top: 12, right: 16, bottom: 28, left: 52 },
    maxXLabels: 6,
    fontSize: 11,
    className: 'hidden sm:block',
  },
  {
    width: 340,
    height: 220,
    pad: { top: 12, right: 12, bottom: 28, left: 40 },
    maxXLabels: 3,
    fontSize: 12,
    className: 'sm:hidden',
  },
];
const Y_TICKS = 4;

/** Series colours, from the brand palette outwards, as text colours used through `currentColor`. */
const seriesColours = ['text-brand-600', 'text-sky-500', 'text-amber-500', 'text-emerald-500'];

const plain = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const defaultFormat = (value: number) => plain.format(value);

/**
 * The smallest "nice" axis top (1, 2, 2.5, 5 × 10ⁿ per tick) at or above the largest value; whole
 * numbers (counts) get whole ticks, so one click is not drawn against 0.25, 0.5, 0.75.
 */
function niceTop(values: readonly number[]) {
  const max = Math.max(...values);
  if (max <= 0) return Y_TICKS;
  const rough = max / Y_TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const whole = values.every((value) => Number.isInteger(value));
  return (whole ? Math.ceil(step) : step) * Y_TICKS;
}

function isEmpty({ labels, series }: Pick<ChartProps, 'labels' | 'series'>) {
  return labels.length === 0 || series.every((entry) => entry.values.every((value) => value === 0));
}

function xLabelIndexes(count: number, max: number) {
  if (count <= max) return Array.from({ length: count }, (_, index) => index);
  const step = (count - 1) / (max - 1);
  return Array.from({ length: max }, (_, index) => Math.round(index * step));
}

function ChartEmpty({ text, testId }: { text: string; testId?: string }) {
  return (
    <div
      data-testid={testId}
      data-empty="true"
      className="grid min-h-40 place-items-center rounded-xl border-2 border-dashed border-slate-200 px-4 text-center text-sm text-slate-500"
    >
      {text}
    </div>
  );
}

function Legend({ series }: { series: readonly ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="mb-2 flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden>
      {series.map((entry, index) => (
        <li key={entry.name} className="flex items-center gap-1.5">
          <span className={cn('size-2.5 rounded-full bg-current', seriesColours[index % seriesColours.length])} />
          {entry.name}
        </li>
      ))}
    </ul>
  );
}

/** The same numbers as a table, for screen readers. */
function DataTable({ title, labels, series, format }: Pick<ChartProps, 'title' | 'labels' | 'series'> & { format: (value: number) => string }) {
  return (
    // The wrapper hides it: a table ignores the 1px height of `sr-only` and would stretch the page.
    <div className="sr-only">
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          {series.map((entry) => (
            <th key={entry.name} scope="col">
              {entry.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, index) => (
          <tr key={`${label}-${index}`}>
            <th scope="row">{label}</th>
            {series.map((entry) => (
              <td key={entry.name}>{format(entry.values[index] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** Grid lines with y values on the left and a few bucket labels along the bottom. */
function Axes({ geometry, top, labels, format, xOf }: { geometry: Geometry; top: number; labels: readonly string[]; format: (value: number) => string; xOf: (index: number) => number }) {
  const { width, height, pad, fontSize } = geometry;
  const plotHeight = height - pad.top - pad.bottom;
  // Labels at the very ends are anchored inwards so they are not cut off by the frame.
  const anchorOf = (x: number) => (x - pad.left < 24 ? 'start' : width - pad.right - x < 24 ? 'end' : 'middle');
  return (
    <g className="text-slate-400" fontSize={fontSize}>
      {Array.from({ length: Y_TICKS + 1 }, (_, tick) => {
        const value = (top / Y_TICKS) * tick;
        const y = pad.top + plotHeight - (plotHeight * tick) / Y_TICKS;
        return (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} stroke="currentColor" strokeOpacity={tick === 0 ? 0.6 : 0.25} />
            <text x={pad.left - 6} y={y} dy="0.32em" textAnchor="end" fill="currentColor" className="text-slate-500">
              {format(value)}
            </text>
          </g>
        );
      })}
      {xLabelIndexes(labels.length, geometry.maxXLabels).map((index) => (
        <text key={index} x={xOf(index)} y={height - 8} textAnchor={anchorOf(xOf(index))} fill="currentColor" className="text-slate-500">
          {labels[index]}
        </text>
      ))}
    </g>
  );
}

function ChartFrame({ title, labels, series, format, testId, className, kind, draw }: Pick<ChartProps, 'title' | 'labels' | 'series' | 'testId' | 'className'> & { format: (value: number) => string; kind: 'line' | 'bar'; draw: (geometry: Geometry) => ReactNode }) {
  return (
    <figure data-testid={testId} data-kind={kind} className={cn('w-full', className)}>
      <Legend series={series} />
      {geometries.map((geometry) => (
        <svg key={geometry.width} viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="img" aria-label={title} className={cn('h-auto w-full', geometry.className)} preserveAspectRatio="xMidYMid meet">
          <title>{title}</title>
          {draw(geometry)}
        </svg>
      ))}
      <DataTable title={title} labels={labels} series={series} format={format} />
    </figure>
  );
}

/** A line per series over evenly spaced buckets; renders on the server, scales with its container. */
export function LineChart(props: ChartProps) {
  const { labels, series, emptyText = 'No data for this period yet.', formatValue = defaultFormat } = props;
  if (isEmpty(props)) return <ChartEmpty text={emptyText} testId={props.testId} />;
  const top = niceTop(series.flatMap((entry) => entry.values));
  const draw = (geometry: Geometry) => {
    const { width, height, pad } = geometry;
    const plotWidth = width - pad.left - pad.right;
    const plotHeight = height - pad.top - pad.bottom;
    const xOf = (index: number) => pad.left + (labels.length === 1 ? plotWidth / 2 : (plotWidth * index) / (labels.length - 1));
    const yOf = (value: number) => pad.top + plotHeight - (plotHeight * value) / top;
    // Dots only while they stay apart (about 12 units each).
    const dots = plotWidth / Math.max(1, labels.length) >= 12;
    return (
      <>
        <Axes geometry={geometry} top={top} labels={labels} format={formatValue} xOf={xOf} />
        {series.map((entry, seriesIndex) => {
          const points = labels.map((_, index) => `${xOf(index).toFixed(1)},${yOf(entry.values[index] ?? 0).toFixed(1)}`);
          return (
            <g key={entry.name} className={seriesColours[seriesIndex % seriesColours.length]}>
              <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
              {dots
                ? labels.map((label, index) => (
                    <circle key={`${label}-${index}`} cx={xOf(index)} cy={yOf(entry.values[index] ?? 0)} r={3} fill="currentColor">
                      <title>{`${entry.name}, ${label}: ${formatValue(entry.values[index] ?? 0)}`}</title>
                    </circle>
                  ))
                : null}
            </g>
          );
        })}
      </>
    );
  };
  return <ChartFrame {...props} format={formatValue} kind="line" draw={draw} />;
}

/** Grouped bars per bucket, one per series; renders on the server, scales with its container. */
export function BarChart(props: ChartProps) {
  const { labels, series, emptyText = 'No data for this period yet.', formatValue = defaultFormat } = props;
  if (isEmpty(props)) return <ChartEmpty text={emptyText} testId={props.testId} />;
  const top = niceTop(series.flatMap((entry) => entry.values));
  const draw = (geometry: Geometry) => {
    const { width, height, pad } = geometry;
    const plotWidth = width - pad.left - pad.right;
    const plotHeight = height - pad.top - pad.bottom;
    const slot = plotWidth / labels.length;
    const barWidth = Math.max(1, (slot * 0.7) / series.length);
    const xOf = (index: number) => pad.left + slot * index + slot / 2;
    return (
      <>
        <Axes geometry={geometry} top={top} labels={labels} format={formatValue} xOf={xOf} />
        {series.map((entry, seriesIndex) => (
          <g key={entry.name} className={seriesColours[seriesIndex % seriesColours.length]}>
            {labels.map((label, index) => {
              const value = entry.values[index] ?? 0;
              const barHeight = (plotHeight * value) / top;
              const x = xOf(index) - (barWidth * series.length) / 2 + barWidth * seriesIndex;
              return (
                <rect key={`${label}-${index}`} x={x} y={pad.top + plotHeight - barHeight} width={barWidth} height={barHeight} rx={Math.min(2, barWidth / 2)} fill="currentColor">
                  <title>{`${entry.name}, ${label}: ${formatValue(value)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </>
    );
  };
  return <ChartFrame {...props} format={formatValue} kind="bar" draw={draw} />;
}
