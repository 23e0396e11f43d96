// One dev server, two apps: `?frontend=legacy` (remembered for the tab) serves the legacy
// frontend system, anything else the new one. Each app is its own chunk.
import '@backstage/ui/css/styles.css';
import React from 'react';
import ReactDOM from 'react-dom/client';

const STORAGE_KEY = 'ssm-invocations-demo-frontend';
const requested = new URLSearchParams(window.location.search).get('frontend');
if (requested === 'legacy' || requested === 'new') sessionStorage.setItem(STORAGE_KEY, requested);
const useLegacy = sessionStorage.getItem(STORAGE_KEY) === 'legacy';

const root = ReactDOM.createRoot(document.getElementById('root') as HTMLElement);
const load = useLegacy ? import('./legacy/LegacyApp') : import('./App');
load
  .then(({ default: app }) => root.render(app))
  .catch((error: unknown) => {
    root.render(<pre>Could not load the app: {String(error)}</pre>);
  });
