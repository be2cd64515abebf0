import { useId } from 'react';

export interface DailyPoint {
  readonly day: string;
  readonly value: number;
}

export interface DailyBarChartProps {
  readonly title: string;
  readonly points: readonly DailyPoint[];
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 12, right: 8, bottom: 28, left: 36 };

/** Round the axis maximum up to 1, 2 or 5 × 10ⁿ so the grid lines fall on readable numbers. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}

/**
 * One counter per UTC day as bars, in plain SVG (no chart library in the bundle). The image has
 * a text summary for screen readers; the page shows the same numbers as a table too.
 */
export function DailyBarChart({ title, points, width = 640, height = 220 }: DailyBarChartProps) {
  const titleId = useId();
  const descId = useId();
  const max = niceMaximum(Math.max(0, ...points.map((point) => point.value)));
  const total = points.reduce((sum, point) => sum + point.value, 0);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(points.length, 1);
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.ceil(points.length / 6);
  const first = points[0]?.day ?? '';
  const last = points[points.length - 1]?.day ?? '';

  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      className="chart"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>
        {points.length === 0
          ? 'No days in range.'
          : `${total} in total from ${first} to ${last}; busiest day ${busiest(points)}.`}
      </desc>
      {[0, 0.5, 1].map((fraction) => (
        <g key={fraction}>
          <line
            x1={MARGIN.left}
            x2={width - MARGIN.right}
            y1={y(max * fraction)}
            y2={y(max * fraction)}
            stroke="currentColor"
            strokeOpacity={0.2}
          />
          <text
            x={MARGIN.left - 4}
            y={y(max * fraction) + 4}
            textAnchor="end"
            fontSize={11}
            fill="currentColor"
          >
            {max * fraction}
          </text>
        </g>
      ))}
      {points.map((point, index) => (
        <g key={point.day}>
          <rect
            x={MARGIN.left + index * slot + (slot - barWidth) / 2}
            y={y(point.value)}
            width={barWidth}
            height={Math.max(0, MARGIN.top + plotHeight - y(point.value))}
            fill="var(--accent)"
          >
            <title>{`${point.day}: ${point.value}`}</title>
          </rect>
          {index % labelEvery === 0 ? (
            <text
              x={MARGIN.left + index * slot + slot / 2}
              y={height - 8}
              textAnchor="middle"
              fontSize={11}
              fill="currentColor"
            >
              {point.day.slice(5)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

function busiest(points: readonly DailyPoint[]): string {
  const top = points.reduce((best, point) => (point.value > best.value ? point : best));
  return `${top.day} with ${top.value}`;
}
