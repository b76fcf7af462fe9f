import { useTranslation } from 'react-i18next';

/** Placeholder lines while a screen's data loads: no spinner wall, the layout stays put. */
export function Busy() {
  const { t } = useTranslation();
  return (
    <div className="skeleton-lines" role="status">
      <span style={{ width: '60%' }} />
      <span />
      <span style={{ width: '80%' }} />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
