import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatNumber } from '../format';

// Only the pieces this chart draws: the line, its axes, a tooltip and the target line.
echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

type Point = components['schemas']['TrendPointDto'];

const percent = (share: number): string => `${formatNumber(share * 100, 1)}%`;
/** 2025-03 → 03/2025 */
const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * A share by month as an Apache ECharts line (a gap for months without a snapshot) with the target
 * as a dashed line. The module loads with this component only (a lazy import of the coverage
 * screen); the months are also written out in a table that screen readers and keyboards reach.
 * `onDrawn` fires once the chart has finished drawing.
 */
export default function TrendLine({ points, target, label, onDrawn }: { points: Point[]; target: number | null; label: string; onDrawn?: () => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;

  useEffect(() => {
    const chart = echarts.init(box.current!, undefined, { renderer: 'svg' });
    // Listened to before the option is set: without animation the chart may finish drawing at once.
    const finished = () => {
      chart.off('finished', finished);
      drawn.current?.();
    };
    chart.on('finished', finished);
    const targetText = target === null ? '' : t('coverage.ofTarget', { target: percent(target) });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? percent(v) : '—') },
      xAxis: { type: 'category', data: points.map((p) => monthLabel(p.month)), axisLabel: { color: '#434343' } },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { color: '#434343', formatter: (v: number) => percent(v) } },
      series: [
        {
          type: 'line',
          name: label,
          data: points.map((p) => p.value),
          connectNulls: false,
          color: '#0b5cad',
          symbolSize: 7,
          markLine:
            target === null
              ? undefined
              : {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#22670a', type: 'dashed' },
                  label: { formatter: targetText, color: '#22670a', position: 'insideEndTop' },
                  data: [{ yAxis: target }],
                },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, target, label, t]);

  const known = points.filter((p) => p.value !== null);
  const last = known[known.length - 1];
  return (
    <figure className="trend-line">
      <div ref={box} role="img" aria-label={label} className="trend-chart" />
      <figcaption>
        {last ? t('coverage.trendLast', { month: monthLabel(last.month), share: percent(last.value!) }) : t('coverage.trendEmpty')}
      </figcaption>
      <details>
        <summary>{t('coverage.trendTable')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('coverage.month')}</th>
              <th scope="col">{t('coverage.share')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <td>{monthLabel(p.month)}</td>
                <td>{p.value === null ? t('common.none') : percent(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
