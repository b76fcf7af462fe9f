import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { formatNumber } from '../../format';
import { replanReminders, type ReplanResult } from './api';

const FIGURES: (keyof ReplanResult)[] = ['raised', 'markedMissed', 'resolved', 'planned'];

/** Re-plans every reminder job from the database, after a confirmation, and shows what it did. */
export default function Replan() {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [doneAt, setDoneAt] = useState<Date | null>(null);
  const replan = useMutation({
    mutationFn: replanReminders,
    onSuccess: () => setDoneAt(new Date()),
    onSettled: () => setConfirming(false),
  });
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeStyle: 'medium' });
  return (
    <div>
      <h2>{t('admin.tabs.reminders')}</h2>
      <div className="block">
        <p>{t('admin.replan.intro')}</p>
        <Button type="primary" onClick={() => setConfirming(true)}>
          {t('admin.replan.button')}
        </Button>
      </div>
      {replan.error && <Alert type="error" showIcon role="alert" title={errorText(t, replan.error)} />}
      {replan.data && doneAt && (
        <section className="block replan-result" aria-live="polite">
          <h3>{t('admin.replan.result', { time: time.format(doneAt) })}</h3>
          <Descriptions bordered size="small" column={1}>
            {FIGURES.map((f) => (
              <Descriptions.Item key={f} label={t(`admin.replan.${f}`)}>
                {formatNumber(replan.data[f])}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </section>
      )}
      <Modal
        open={confirming}
        title={t('admin.replan.button')}
        okText={t('admin.replan.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: replan.isPending }}
        onOk={() => replan.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('admin.replan.confirm')}</p>
      </Modal>
    </div>
  );
}
