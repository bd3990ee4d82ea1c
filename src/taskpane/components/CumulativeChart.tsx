import Decimal from "decimal.js";
import { tokens } from "@fluentui/react-components";
import { formatTkr } from "../format";

const W = 280;
const H = 90;
const PAD = 4;

/**
 * The cumulative flow as bars above (cost) and below (saved) the zero line. Amounts stay Decimal;
 * only each bar's pixel height becomes a number.
 */
export function CumulativeChart({ years, cumulative, label }: { years: number[]; cumulative: Decimal[]; label: string }) {
  if (cumulative.length === 0) return null;
  const max = Decimal.max(...cumulative.map((d) => d.abs()), new Decimal(1));
  const hasNeg = cumulative.some((d) => d.isNeg());
  const hasPos = cumulative.some((d) => d.isPos() && !d.isZero());
  // zero line: middle when both signs occur, else at the edge
  const zeroY = hasNeg && hasPos ? H / 2 : hasNeg ? PAD : H - PAD - 12;
  const room = hasNeg && hasPos ? H / 2 - PAD - 6 : H - 2 * PAD - 12;
  const step = (W - 2 * PAD) / cumulative.length;
  const bw = Math.max(2, step * 0.7);
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="chart">
      <title>{label}</title>
      <line x1={PAD} x2={W - PAD} y1={zeroY} y2={zeroY} stroke={tokens.colorNeutralStroke1} />
      {cumulative.map((d, i) => {
        const h = d.abs().div(max).times(room).toNumber();
        const x = PAD + i * step + (step - bw) / 2;
        const y = d.isNeg() ? zeroY : zeroY - h;
        return (
          <g key={i}>
            <rect
              x={x}
              y={y}
              width={bw}
              height={Math.max(h, 0.5)}
              fill={d.isNeg() ? tokens.colorPaletteGreenBackground3 : tokens.colorPaletteRedBackground3}
            >
              <title>{`${years[i] ?? ""}: ${formatTkr(d)} t.kr.`}</title>
            </rect>
            {(i === 0 || i === cumulative.length - 1) && years[i] !== undefined && (
              <text x={x + bw / 2} y={H - 1} fontSize="9" textAnchor="middle" fill={tokens.colorNeutralForeground3}>
                {years[i]}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
