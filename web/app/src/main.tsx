import '@stratum/web-shared/base.css';
import { boot, createServices } from '@stratum/web-shared';
import { App } from './app.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The customer session is kept in localStorage: it survives closing the tab, as customers expect.
void boot(container, (config) => (
  <App services={createServices(config, { sessionStorage: window.localStorage })} />
));
