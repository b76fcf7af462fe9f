import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { changePassword } from '../api/endpoints';
import { useSession } from '../auth/useSession';
import { errorText } from '../components/errors';
import { toast } from '../components/toast';
import { useUnits } from '../components/units';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function Account() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { nameOf } = useUnits();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: PasswordValues) => changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      setError(null);
      form.resetFields();
      toast.success(t('account.passwordChanged'));
    },
    onError: (err) =>
      setError(err instanceof ApiError && err.status === 400 && /currentPassword:/.test(err.message) ? t('account.wrongPassword') : errorText(t, err)),
  });
  if (!user) return null;
  return (
    <section aria-labelledby="account-title" className="account">
      <h1 id="account-title">{t('account.title')}</h1>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('account.role')}>{t(`roles.${user.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('account.unit')}>{nameOf(user.adminUnitId) || t('common.none')}</Descriptions.Item>
      </Descriptions>
      <div className="block password-block">
        <h2>{t('account.password')}</h2>
        {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" />}
        <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, min: 10, message: t('account.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('account.password')}
          </Button>
        </Form>
      </div>
    </section>
  );
}
