import '@stratum/web-shared/base.css';
import { boot, createServices } from '@stratum/web-shared';
import { App, STAFF_GROUP } from './app.tsx';
import { syncStaffTokenCookie } from './staff-token-cookie.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Staff sessions live in sessionStorage: closing the tab signs out. The edge guard's cookie
// follows the session (see staff-token-cookie.ts).
void boot(container, (config) => {
  const services = createServices(config, {
    sessionStorage: window.sessionStorage,
    requiredGroup: STAFF_GROUP,
  });
  syncStaffTokenCookie(services.authenticator);
  return <App services={services} />;
});
