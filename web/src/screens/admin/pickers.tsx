import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../api/types';
import { getUnit, listUnits } from './api';

/** "Xã Tân Lập (Xã/Phường, 26734)": a unit told apart from its namesakes by level and code. */
export function useUnitLabel(): (u: AdminUnit) => string {
  const { t } = useTranslation();
  return (u) => `${u.name} (${t(`admin.levels.${u.level}`)}, ${u.code})`;
}

/** Any unit of the country, searched by name or code on the service (a province holds hundreds of communes). */
export function UnitPicker({ value, onChange, id, allowClear }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; allowClear?: boolean }) {
  const label = useUnitLabel();
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['admin-units', 'search', q], queryFn: () => listUnits({ q: q.trim() || undefined, pageSize: 100 }) });
  const items = found.data?.items ?? [];
  const missing = !!value && found.isSuccess && !items.some((u) => u.id === value);
  const chosen = useQuery({ queryKey: ['admin-units', 'one', value], queryFn: () => getUnit(value!), enabled: missing });
  const units = chosen.data && missing ? [chosen.data, ...items] : items;
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      options={units.map((u) => ({ value: u.id, label: label(u) }))}
    />
  );
}

/** One filter of a list: its label above the control (the control carries `id`). */
export function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A unit's name, level and code, from its id. */
export function UnitName({ id }: { id: string | null }) {
  const label = useUnitLabel();
  const { data } = useQuery({ queryKey: ['admin-units', 'one', id], queryFn: () => getUnit(id!), enabled: !!id, staleTime: 10 * 60_000 });
  return <>{data ? label(data) : ''}</>;
}
