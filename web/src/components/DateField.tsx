import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../format';

/** A date typed or picked as dd/mm/yyyy; keyboard entry works without opening the calendar. */
export function DateField(props: { value?: Dayjs | null; onChange?: (d: Dayjs | null) => void; id?: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return <DatePicker {...props} format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />;
}
