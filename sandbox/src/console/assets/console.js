// Auto-refresh for the sandbox console: fetches the same page (with the same filters) every two
// seconds and swaps in its <main>. The page is escaped on the server; DOMParser runs no scripts,
// and nothing here builds markup from data.
(() => {
  const toggle = document.getElementById('auto-refresh');
  if (!(toggle instanceof HTMLInputElement)) return;
  let timer;
  const refresh = async () => {
    const response = await fetch(location.pathname + location.search, { headers: { accept: 'text/html' } });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('main');
    const current = document.getElementById('main');
    if (next && current) {
      // Keep open <details> open across refreshes.
      const open = new Set([...current.querySelectorAll('details[open] summary')].map((s) => s.textContent));
      current.replaceWith(document.adoptNode(next));
      for (const summary of next.querySelectorAll('details summary')) {
        if (open.has(summary.textContent)) summary.parentElement?.setAttribute('open', '');
      }
    }
  };
  const apply = () => {
    clearInterval(timer);
    if (toggle.checked) timer = setInterval(() => refresh().catch(() => {}), 2000);
    sessionStorage.setItem('stratum-console-refresh', toggle.checked ? '1' : '0');
  };
  toggle.checked = sessionStorage.getItem('stratum-console-refresh') === '1';
  toggle.addEventListener('change', apply);
  apply();
})();
