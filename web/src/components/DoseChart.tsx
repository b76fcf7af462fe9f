import { useTranslation } from 'react-i18next';
import type { Dose } from '../api/types';
import { addDays, formatDate } from '../format';

/**
 * Thirty days of doses drawn by hand in SVG: a bar per day taken (height by mg), a red mark per
 * day missed, nothing for a day not recorded. A few hundred bytes instead of a chart library.
 */
export function DoseChart({ doses, to, days = 30 }: { doses: Dose[]; to: string; days?: number }) {
  const { t } = useTranslation();
  const from = addDays(to, -(days - 1));
  const byDate = new Map(doses.map((d) => [d.date, d]));
  const max = Math.max(10, ...doses.map((d) => Number(d.doseMg ?? 0)));
  const W = 600;
  const H = 160;
  const pad = 24;
  const step = (W - pad * 2) / days;
  const taken = doses.filter((d) => d.status === 'taken').length;
  const missed = doses.filter((d) => d.status === 'missed').length;
  const cells = Array.from({ length: days }, (_, i) => addDays(from, i));
  return (
    <figure className="dose-chart">
      <svg viewBox={`0 0 ${W} ${H + 30}`} role="img" aria-label={t('clinic.chartLabel')} width="100%">
        <line x1={pad} y1={H} x2={W - pad} y2={H} stroke="#8c8c8c" />
        <text x={pad} y={14} fontSize="12" fill="#434343">
          {Math.round(max)} mg
        </text>
        {cells.map((day, i) => {
          const d = byDate.get(day);
          const x = pad + i * step + 2;
          if (d?.status === 'taken') {
            const h = Math.max(2, (Number(d.doseMg ?? 0) / max) * (H - 24));
            return (
              <rect key={day} x={x} y={H - h} width={step - 4} height={h} fill="#0b5cad">
                <title>{`${formatDate(day)}: ${d.doseMg} mg`}</title>
              </rect>
            );
          }
          if (d?.status === 'missed') {
            return (
              <g key={day}>
                <rect x={x} y={H - 10} width={step - 4} height={10} fill="#cf1322" />
                <title>{`${formatDate(day)}: ${t('clinic.missed')}`}</title>
              </g>
            );
          }
          return null;
        })}
        <text x={pad} y={H + 20} fontSize="12" fill="#434343">
          {formatDate(from)}
        </text>
        <text x={W - pad} y={H + 20} fontSize="12" fill="#434343" textAnchor="end">
          {formatDate(to)}
        </text>
      </svg>
      <figcaption>{t('clinic.chartSummary', { taken, missed })}</figcaption>
    </figure>
  );
}
