import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { session, SignInError } from '../auth/session';

/**
 * Over the current screen when the login ran out: the screen and what was typed in it stay; the
 * request that found the session gone waits and goes through once the user has signed in again.
 */
export function ExpiredSessionDialog({ user }: { user: User }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await session.signIn(user.username, password);
    } catch (err) {
      setError(err instanceof SignInError && err.status === 429 ? t('auth.tooMany') : t('auth.invalid'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('auth.expiredTitle')} closable={false} mask={{ closable: false }} keyboard={false} footer={null} destroyOnHidden>
      <p>{t('auth.expiredIntro')}</p>
      {error && <Alert type="error" title={error} showIcon role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <p>
          {t('auth.username')}: <strong>{user.username}</strong>
        </p>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <div className="form-actions">
          <Button onClick={() => void session.signOut('user')}>{t('nav.logout')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('auth.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
