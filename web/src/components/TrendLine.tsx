import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatNumber } from '../format';

type Point = components['schemas']['TrendPointDto'];

const percent = (share: number): string => `${formatNumber(share * 100, 1)}%`;
/** 2025-03 → 03/2025 */
const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * A share by month drawn by hand in SVG: a line through the months with a snapshot (a gap for
 * those without), the target as a dashed line. A few hundred bytes instead of a chart library.
 */
export function TrendLine({ points, target, label }: { points: Point[]; target: number | null; label: string }) {
  const { t } = useTranslation();
  const W = 600;
  const H = 160;
  const pad = 28;
  const step = points.length > 1 ? (W - pad * 2) / (points.length - 1) : 0;
  const x = (i: number) => pad + i * step;
  const y = (v: number) => H - Math.min(1, Math.max(0, v)) * (H - 20);
  // One path segment per run of months with a value.
  let d = '';
  points.forEach((p, i) => {
    if (p.value === null) return;
    d += `${i > 0 && points[i - 1]?.value !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)} `;
  });
  const known = points.filter((p) => p.value !== null);
  const last = known[known.length - 1];
  return (
    <figure className="trend-line">
      <svg viewBox={`0 0 ${W} ${H + 30}`} role="img" aria-label={label} width="100%">
        <line x1={pad} y1={H} x2={W - pad} y2={H} stroke="#8c8c8c" />
        {target !== null && (
          <>
            <line x1={pad} y1={y(target)} x2={W - pad} y2={y(target)} stroke="#22670a" strokeDasharray="6 4" />
            <text x={W - pad} y={y(target) - 4} fontSize="12" fill="#22670a" textAnchor="end">
              {t('coverage.ofTarget', { target: percent(target) })}
            </text>
          </>
        )}
        <path d={d} fill="none" stroke="#0b5cad" strokeWidth="2" />
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle key={p.month} cx={x(i)} cy={y(p.value)} r="4" fill="#0b5cad">
              <title>{`${monthLabel(p.month)}: ${percent(p.value)}`}</title>
            </circle>
          ),
        )}
        {points.length > 0 && (
          <>
            <text x={pad} y={H + 20} fontSize="12" fill="#434343">
              {monthLabel(points[0]!.month)}
            </text>
            <text x={W - pad} y={H + 20} fontSize="12" fill="#434343" textAnchor="end">
              {monthLabel(points[points.length - 1]!.month)}
            </text>
          </>
        )}
      </svg>
      <figcaption>
        {last ? t('coverage.trendLast', { month: monthLabel(last.month), share: percent(last.value!) }) : t('coverage.trendEmpty')}
      </figcaption>
    </figure>
  );
}
