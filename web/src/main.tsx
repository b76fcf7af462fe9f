import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './app.css';
import { App } from './App';
import { session } from './auth/session';

void session.restore();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
