import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { HOME } from '../App';
import { idleMinutes } from '../auth/useIdleSignOut';
import { session, SignInError, type SignOutReason } from '../auth/session';

export default function SignIn({ reason }: { reason?: SignOutReason }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await session.signIn(username.trim(), password);
      navigate(HOME[user.role], { replace: true });
    } catch (err) {
      setError(err instanceof SignInError && err.status === 429 ? t('auth.tooMany') : err instanceof SignInError ? t('auth.invalid') : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="sign-in">
      <Card className="sign-in-card">
        <h1>{t('app.name')}</h1>
        <h2>{t('auth.title')}</h2>
        <p>{t('auth.intro')}</p>
        {reason === 'idle' && <Alert type="info" showIcon title={t('auth.idleLoggedOut', { minutes: idleMinutes() })} />}
        {reason === 'user' && <Alert type="info" showIcon title={t('auth.loggedOut')} />}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} className="sign-in-form">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
