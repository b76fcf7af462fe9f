import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Tag colours dark enough for white text (WCAG AA contrast), by meaning rather than hue. */
const TONES = {
  danger: '#a8071a',
  warning: '#874d00',
  info: '#0b5cad',
  success: '#22670a',
  neutral: '#595959',
  accent: '#8f2a0b',
} as const;
export type Tone = keyof typeof TONES;

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag color={TONES[tone]} variant="solid">
      {children}
    </Tag>
  );
}
