import { lazy } from 'react';

/** Dialogs load when first opened, so forms and date pickers stay off the first screen. */
export const EnrollDialog = lazy(() => import('./EnrollDialog').then((m) => ({ default: m.EnrollDialog })));
export const EndEnrollmentDialog = lazy(() => import('./PersonDialogs').then((m) => ({ default: m.EndEnrollmentDialog })));
export const DoseHistory = lazy(() => import('./DoseHistory'));
