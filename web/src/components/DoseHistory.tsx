import { useQuery } from '@tanstack/react-query';
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { listDoses } from '../api/endpoints';
import { addDays, todayIso } from '../format';
import { Busy } from './Busy';
import { DoseChart } from './DoseChart';

/** A patient's last 30 days of doses, in a side panel over the roster. */
export default function DoseHistory({ enrollmentId, name, onClose }: { enrollmentId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const to = todayIso();
  const from = addDays(to, -29);
  const doses = useQuery({ queryKey: ['doses', enrollmentId, from], queryFn: () => listDoses(enrollmentId, from, to) });
  return (
    <Drawer open onClose={onClose} title={t('clinic.historyOf', { name })} size="large">
      {doses.data ? <DoseChart doses={doses.data.items} to={to} /> : <Busy />}
    </Drawer>
  );
}
