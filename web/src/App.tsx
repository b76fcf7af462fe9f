import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import type { Role } from './api/types';
import { useIdleSignOut } from './auth/useIdleSignOut';
import { useSession } from './auth/useSession';
import { ExpiredSessionDialog } from './components/ExpiredSessionDialog';
import { Shell } from './components/Shell';
import { Toasts } from './components/toast';

const SignIn = lazy(() => import('./screens/SignIn'));

const Today = lazy(() => import('./screens/Today'));
const People = lazy(() => import('./screens/People'));
const PersonPage = lazy(() => import('./screens/PersonPage'));
const PersonForm = lazy(() => import('./screens/PersonForm'));
const Clinic = lazy(() => import('./screens/Clinic'));
const Facility = lazy(() => import('./screens/Facility'));
const Account = lazy(() => import('./screens/Account'));
const Coverage = lazy(() => import('./screens/Coverage'));
const Admin = lazy(() => import('./screens/admin/Admin'));
const Imports = lazy(() => import('./screens/Imports'));
const ImportPage = lazy(() => import('./screens/Imports').then((m) => ({ default: m.ImportPage })));
const Duplicates = lazy(() => import('./screens/Duplicates'));
const Monthly = lazy(() => import('./screens/Monthly'));

const queryClient = new QueryClient({
  defaultOptions: {
    // Personal data lives in memory only, and not for long: nothing is persisted.
    queries: { staleTime: 30_000, gcTime: 5 * 60_000, retry: 1, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** Where each role starts its day. */
export const HOME: Record<Role, string> = {
  commune_worker: '/today',
  clinic_staff: '/clinic',
  facility_staff: '/facility',
  province_officer: '/people',
  admin: '/people',
};

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <div className="spinner" />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <p>{t('app.notFound')}</p>;
}

function Screens({ role }: { role: Role }) {
  const people = role !== 'clinic_staff' && role !== 'facility_staff';
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <Redirect to={HOME[role]} replace />
        </Route>
        <Route path="/sign-in">
          <Redirect to={HOME[role]} replace />
        </Route>
        {role === 'commune_worker' && <Route path="/today" component={Today} />}
        {people && <Route path="/people" component={People} />}
        {(role === 'commune_worker' || role === 'admin') && <Route path="/people/new" component={PersonForm} />}
        <Route path="/people/:id/edit" component={PersonForm} />
        <Route path="/people/:id" component={PersonPage} />
        {(role === 'clinic_staff' || role === 'admin') && <Route path="/clinic" component={Clinic} />}
        {(role === 'facility_staff' || role === 'admin') && <Route path="/facility" component={Facility} />}
        {(role === 'province_officer' || role === 'admin' || role === 'commune_worker') && <Route path="/coverage" component={Coverage} />}
        {role === 'admin' && <Route path="/admin" nest component={Admin} />}
        {(role === 'commune_worker' || role === 'admin') && <Route path="/imports" component={Imports} />}
        {(role === 'commune_worker' || role === 'admin') && <Route path="/imports/:id" component={ImportPage} />}
        {(role === 'province_officer' || role === 'admin') && <Route path="/duplicates" component={Duplicates} />}
        {(role === 'province_officer' || role === 'admin' || role === 'commune_worker') && <Route path="/monthly" component={Monthly} />}
        <Route path="/account" component={Account} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}

function Main() {
  const state = useSession();
  const [location, navigate] = useLocation();
  useIdleSignOut(state.status === 'signedIn' || state.status === 'expired');

  useEffect(() => {
    if (state.status === 'signedOut') {
      queryClient.clear();
      if (location !== '/sign-in') navigate('/sign-in', { replace: true });
    }
  }, [state.status, location, navigate]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedOut' || !state.user) {
    return (
      <Suspense fallback={<Loading />}>
        <SignIn reason={state.signedOutBecause} />
      </Suspense>
    );
  }
  return (
    <Shell user={state.user}>
      <Screens role={state.user.role} />
      {state.status === 'expired' && <ExpiredSessionDialog user={state.user} />}
    </Shell>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  useEffect(() => {
    document.documentElement.lang = vi ? 'vi' : 'en';
    dayjs.locale(vi ? 'vi' : 'en');
  }, [vi]);
  return (
    <ConfigProvider locale={vi ? viVN : enUS} theme={{ token: { colorPrimary: '#0b5cad', colorLink: '#0b5cad', colorTextDescription: '#595959', colorTextPlaceholder: '#6b6b6b', colorError: '#b3261e', fontSize: 15 } }}>
      <QueryClientProvider client={queryClient}>
        <Main />
        <Toasts />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
