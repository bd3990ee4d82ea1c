import Decimal from "decimal.js";
import { tokens } from "@fluentui/react-components";
import { formatTkr } from "../format";

const W = 280;
const H = 130;
const PAD = 4;
const TOP = 16; // the title
const AXIS = 12; // the years
const LEFT = 34; // the values

/**
 * The cumulative flow as bars above (cost) and below (saved) the zero line, with its title, every
 * year on the x axis, the largest amounts and 0 on the y axis, and the break-even year marked.
 * The sign shows by position and by fill (solid above, hatched below), never by colour alone.
 * Amounts stay Decimal; only pixel sizes become numbers. Scales to the pane's width.
 */
export function CumulativeChart({
  years,
  cumulative,
  label,
  breakEvenYear,
}: {
  years: number[];
  cumulative: Decimal[];
  label: string;
  breakEvenYear?: number | null;
}) {
  if (cumulative.length === 0) return null;
  const max = Decimal.max(...cumulative.map((d) => d.abs()), new Decimal(1));
  const top = Decimal.max(...cumulative, new Decimal(0));
  const bottom = Decimal.min(...cumulative, new Decimal(0));
  const hasNeg = bottom.isNeg();
  const hasPos = top.isPos();
  const plotTop = TOP + PAD;
  const plotBottom = H - AXIS - PAD;
  const span = plotBottom - plotTop;
  // zero line: in proportion when both signs occur, else at the edge
  const range = top.minus(bottom).isZero() ? new Decimal(1) : top.minus(bottom);
  const zeroY = hasNeg && hasPos ? plotTop + top.div(range).times(span).toNumber() : hasNeg ? plotTop : plotBottom;
  const scale = (d: Decimal) =>
    d
      .abs()
      .div(hasNeg && hasPos ? range : max)
      .times(span)
      .toNumber();
  const step = (W - LEFT - PAD) / cumulative.length;
  const bw = Math.max(2, step * 0.6);
  const last = years[years.length - 1];
  const mark = breakEvenYear ?? null;
  const markIndex = mark === null ? -1 : years.indexOf(mark);
  const markX = markIndex >= 0 ? LEFT + markIndex * step + step / 2 : mark !== null && mark > last ? W - PAD : -1;
  const muted = tokens.colorNeutralForeground3;
  return (
    <svg width="100%" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="chart" style={{ maxWidth: W }}>
      <title>{label}</title>
      <defs>
        <pattern id="sparet" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" fill={tokens.colorPaletteGreenBackground2} />
          <line x1="0" y1="0" x2="0" y2="4" stroke={tokens.colorPaletteGreenForeground1} strokeWidth="2" />
        </pattern>
      </defs>
      <text x={0} y={11} fontSize="10" fontWeight="600" fill={tokens.colorNeutralForeground1} data-testid="chart-title">
        {label}
      </text>
      {/* y axis: the largest cost, 0, the largest saving */}
      {hasPos && (
        <text x={LEFT - 3} y={plotTop + 8} fontSize="8" textAnchor="end" fill={muted}>
          {formatTkr(top)}
        </text>
      )}
      <text x={LEFT - 3} y={zeroY + 3} fontSize="8" textAnchor="end" fill={muted}>
        0
      </text>
      {hasNeg && (
        <text x={LEFT - 3} y={plotBottom} fontSize="8" textAnchor="end" fill={muted}>
          {formatTkr(bottom)}
        </text>
      )}
      <line x1={LEFT} x2={W - PAD} y1={zeroY} y2={zeroY} stroke={tokens.colorNeutralStroke1} />
      {cumulative.map((d, i) => {
        const h = scale(d);
        const x = LEFT + i * step + (step - bw) / 2;
        const y = d.isNeg() ? zeroY : zeroY - h;
        return (
          <g key={i}>
            <rect
              x={x}
              y={y}
              width={bw}
              height={Math.max(h, 0.5)}
              fill={d.isNeg() ? "url(#sparet)" : tokens.colorPaletteRedBackground3}
              stroke={d.isNeg() ? tokens.colorPaletteGreenForeground1 : tokens.colorPaletteRedForeground1}
              strokeWidth="0.5"
            >
              <title>{`${years[i] ?? ""}: ${formatTkr(d)} t.kr. ${d.isNeg() ? "sparet" : "udgift"}`}</title>
            </rect>
            {years[i] !== undefined && (
              <text x={x + bw / 2} y={H - 2} fontSize="8" textAnchor="middle" fill={muted}>
                {years[i]}
              </text>
            )}
          </g>
        );
      })}
      {markX >= 0 && mark !== null && (
        <g data-testid="chart-breakeven">
          <line x1={markX} x2={markX} y1={plotTop} y2={plotBottom} stroke={tokens.colorNeutralForeground2} strokeDasharray="3 2" />
          {/* the words on the side with room: left of a mark in the right half */}
          <text
            x={markX > W / 2 ? markX - 3 : markX + 3}
            y={plotTop + 8}
            fontSize="8"
            textAnchor={markX > W / 2 ? "end" : "start"}
            fill={tokens.colorNeutralForeground2}
          >
            {mark > last ? `tilbagebetalt ${mark} →` : `tilbagebetalt ${mark}`}
          </text>
        </g>
      )}
    </svg>
  );
}
