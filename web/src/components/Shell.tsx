import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Role, User } from '../api/types';
import { session } from '../auth/session';
import { LANGUAGES } from '../i18n';
import { NativeSelect } from './NativeSelect';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

const NAV: NavItem[] = [
  { to: '/today', label: 'nav.today', roles: ['commune_worker'] },
  { to: '/people', label: 'nav.people', roles: ['commune_worker', 'province_officer', 'admin'] },
  { to: '/clinic', label: 'nav.clinic', roles: ['clinic_staff', 'admin'] },
  { to: '/facility', label: 'nav.facility', roles: ['facility_staff', 'admin'] },
  { to: '/coverage', label: 'nav.coverage', roles: ['province_officer', 'admin', 'commune_worker'] },
  { to: '/monthly', label: 'nav.monthly', roles: ['province_officer', 'admin', 'commune_worker'] },
  { to: '/imports', label: 'imports.nav', roles: ['commune_worker', 'admin'] },
  { to: '/duplicates', label: 'duplicates.nav', roles: ['province_officer', 'admin'] },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
  { to: '/account', label: 'nav.account', roles: ['commune_worker', 'province_officer', 'admin', 'clinic_staff', 'facility_staff'] },
];

/** The frame of every screen: a skip link, the role's menu, language and sign-out. */
export function Shell({ user, children }: { user: User; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const items = NAV.filter((n) => n.roles.includes(user.role));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header no-print">
        <div className="brand">
          <span className="brand-name">{t('app.shortName')}</span>
          <span className="brand-user">
            {user.fullName ?? user.username} · {t(`roles.${user.role}`)}
          </span>
        </div>
        <div className="header-tools">
          <NativeSelect
            aria-label={t('app.language')}
            value={i18n.language === 'en' ? 'en' : 'vi'}
            onChange={(e) => void i18n.changeLanguage(e.target.value)}
            options={LANGUAGES.map((l) => ({ value: l, label: l === 'vi' ? 'Tiếng Việt' : 'English' }))}
          />
          <Button size="small" onClick={() => void session.signOut('user')}>
            {t('nav.logout')}
          </Button>
        </div>
        <nav aria-label={t('app.mainMenu')} className="main-nav">
          <ul>
            {items.map((n) => {
              const current = location === n.to || location.startsWith(`${n.to}/`);
              return (
                <li key={n.to}>
                  <Link href={n.to} aria-current={current ? 'page' : undefined} className={current ? 'current' : undefined}>
                    {t(n.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="shell-main">
        {children}
      </main>
    </div>
  );
}
