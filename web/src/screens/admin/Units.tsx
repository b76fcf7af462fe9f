import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../../api/types';
import { Busy } from '../../components/Busy';
import { errorText } from '../../components/errors';
import { NativeSelect } from '../../components/NativeSelect';
import { toast } from '../../components/toast';
import { formatNumber } from '../../format';
import { createUnit, listUnits, updateUnit, type UnitLevel } from './api';
import { FormModal } from './FormModal';

/** Which levels may hang under which (the service checks the same): a commune may sit directly under a province. */
const CHILD_LEVELS: Record<UnitLevel, UnitLevel[]> = { province: ['district', 'commune'], district: ['commune'], commune: [] };

interface UnitValues {
  code: string;
  name: string;
  level: UnitLevel;
  population?: number | null;
}

type Editing = { kind: 'add'; parent: AdminUnit | null } | { kind: 'edit'; unit: AdminUnit };

/** Adds a unit (under a parent, or a province) or renames one and sets its population. */
function UnitDialog({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: (u: AdminUnit) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitValues>();
  const levels = editing.kind === 'add' ? (editing.parent ? CHILD_LEVELS[editing.parent.level] : (['province'] as UnitLevel[])) : [];
  const save = useMutation({
    mutationFn: (v: UnitValues) =>
      editing.kind === 'add'
        ? createUnit({ code: v.code.trim(), name: v.name, level: v.level, parentId: editing.parent?.id, population: v.population ?? undefined })
        : updateUnit(editing.unit.id, { name: v.name, population: v.population ?? null }),
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: ['admin-units'] });
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      toast.success(editing.kind === 'add' ? t('admin.units.added', { name: unit.name }) : t('common.saved'));
      onSaved(unit);
    },
  });
  const title =
    editing.kind === 'edit'
      ? t('admin.units.editOf', { name: editing.unit.name })
      : editing.parent
        ? t('admin.units.addChildOf', { name: editing.parent.name })
        : t('admin.units.addProvince');
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormModal<UnitValues>
      title={title}
      name="unit"
      form={form}
      initialValues={editing.kind === 'edit' ? { name: editing.unit.name, population: editing.unit.population } : { level: levels[0] }}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error}
    >
      {editing.kind === 'add' && (
        <>
          <Form.Item name="level" label={t('admin.units.level')} hidden={levels.length < 2}>
            <NativeSelect options={levels.map((l) => ({ value: l, label: t(`admin.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('admin.units.code')} rules={required}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        </>
      )}
      <Form.Item name="name" label={t('admin.units.name')} rules={required}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item name="population" label={t('admin.units.population')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function UnitChildren({ parent }: { parent: AdminUnit | null }) {
  const { t } = useTranslation();
  const query = parent ? { parentId: parent.id, pageSize: 100 } : { level: 'province' as const, pageSize: 100 };
  const { data, isLoading, error } = useQuery({ queryKey: ['admin-units', parent?.id ?? 'root'], queryFn: () => listUnits(query) });
  if (isLoading) return <Busy />;
  if (error) return <Alert type="error" showIcon title={errorText(t, error)} />;
  const items = data?.items ?? [];
  if (!items.length) return <p className="unit-empty">{parent ? t('admin.units.noChildren') : t('admin.units.empty')}</p>;
  return (
    <ul>
      {items.map((u) => (
        <UnitNode key={u.id} unit={u} />
      ))}
      {data && data.total > items.length && <li className="unit-empty">{t('admin.units.more', { n: data.total - items.length })}</li>}
    </ul>
  );
}

function UnitNode({ unit }: { unit: AdminUnit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(unit.level === 'province');
  const [editing, setEditing] = useState<Editing | null>(null);
  const leaf = unit.level === 'commune';
  return (
    <li>
      <div className="unit-row">
        {!leaf && (
          <Button
            size="small"
            type="text"
            aria-expanded={open}
            aria-label={t(open ? 'admin.units.hide' : 'admin.units.show', { name: unit.name })}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </Button>
        )}
        <span className="unit-name">{unit.name}</span>
        <span className="unit-meta">
          {t(`admin.levels.${unit.level}`)} · {unit.code} ·{' '}
          {unit.population === null ? t('admin.units.noPopulation') : t('admin.units.populationValue', { n: formatNumber(unit.population) })}
        </span>
        <span className="actions">
          {!leaf && (
            <Button size="small" aria-label={t('admin.units.addChildOf', { name: unit.name })} onClick={() => setEditing({ kind: 'add', parent: unit })}>
              {t('admin.units.addChild')}
            </Button>
          )}
          <Button size="small" aria-label={t('admin.units.editOf', { name: unit.name })} onClick={() => setEditing({ kind: 'edit', unit })}>
            {t('admin.units.edit')}
          </Button>
        </span>
      </div>
      {!leaf && open && <UnitChildren parent={unit} />}
      {editing && (
        <UnitDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            if (editing.kind === 'add') setOpen(true);
          }}
        />
      )}
    </li>
  );
}

/** The unit tree: provinces, their districts and communes, each added, renamed and given a population here. */
export default function Units() {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <div>
      <div className="page-head">
        <h2>{t('admin.tabs.units')}</h2>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('admin.units.addProvince')}
        </Button>
      </div>
      <div className="block unit-tree" role="region" aria-label={t('admin.units.tree')}>
        <UnitChildren parent={null} />
      </div>
      {adding && <UnitDialog editing={{ kind: 'add', parent: null }} onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />}
    </div>
  );
}
