import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AdminUnit } from '../api/types';

/** The month before the current one, as the province reports it. */
export const lastMonth = (): Dayjs => dayjs().subtract(1, 'month').startOf('month');

/**
 * A report's unit (left out when `units` is empty) and month, up to the current one: the pickers
 * the coverage dashboard and the monthly reports share. `id` prefixes the fields' ids.
 */
export function PeriodFilters(props: {
  id: string;
  units: AdminUnit[];
  unitId: string | null;
  onUnit: (unitId: string) => void;
  month: Dayjs;
  onMonth: (month: Dayjs) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      {props.units.length > 0 && (
        <div className="filter">
          <label htmlFor={`${props.id}-unit`}>{t('coverage.unit')}</label>
          <Select
            id={`${props.id}-unit`}
            showSearch={{ optionFilterProp: 'label' }}
            value={props.unitId ?? undefined}
            onChange={props.onUnit}
            options={props.units.map((u) => ({ value: u.id, label: u.name }))}
            style={{ minWidth: 220 }}
          />
        </div>
      )}
      <div className="filter">
        <label htmlFor={`${props.id}-month`}>{t('coverage.month')}</label>
        <DatePicker
          id={`${props.id}-month`}
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={props.month}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d: Dayjs | null) => d && props.onMonth(d.startOf('month'))}
        />
      </div>
    </div>
  );
}
