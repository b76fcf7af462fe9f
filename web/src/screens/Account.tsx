import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { useUnits } from '../components/units';

export default function Account() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { nameOf } = useUnits();
  if (!user) return null;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('account.role')}>{t(`roles.${user.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('account.unit')}>{nameOf(user.adminUnitId) || t('common.none')}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}
