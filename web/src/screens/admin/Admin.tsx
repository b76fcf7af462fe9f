import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { Busy } from '../../components/Busy';
import './admin.css';

const Units = lazy(() => import('./Units'));
const Facilities = lazy(() => import('./Facilities'));
const Users = lazy(() => import('./Users'));
const AuditLog = lazy(() => import('./AuditLog'));
const Replan = lazy(() => import('./Replan'));

const TABS = [
  { to: '/units', key: 'units', component: Units },
  { to: '/facilities', key: 'facilities', component: Facilities },
  { to: '/users', key: 'users', component: Users },
  { to: '/audit', key: 'audit', component: AuditLog },
  { to: '/reminders', key: 'reminders', component: Replan },
] as const;

/** The admin console (nested under /admin): units, facilities, users, the audit log and the reminder schedule. */
export default function Admin() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const current = TABS.find((tab) => location.startsWith(tab.to));
  return (
    <section aria-labelledby="admin-title" className="admin">
      <h1 id="admin-title">
        {t('admin.title')}
        {current && <span className="visually-hidden">: {t(`admin.tabs.${current.key}`)}</span>}
      </h1>
      <nav aria-label={t('admin.menu')} className="admin-nav">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.key}>
              <Link href={tab.to} aria-current={current === tab ? 'page' : undefined} className={current === tab ? 'current' : undefined}>
                {t(`admin.tabs.${tab.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Busy />}>
        <Switch>
          {TABS.map((tab) => (
            <Route key={tab.key} path={tab.to} component={tab.component} />
          ))}
          <Route>
            <Redirect to="/units" replace />
          </Route>
        </Switch>
      </Suspense>
    </section>
  );
}
