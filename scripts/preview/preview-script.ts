/**
 * The preview page's own script, as plain JavaScript text: slide navigation that survives a
 * reload, scroll positions kept across reloads, and the live-reload listener.
 */
export const PREVIEW_SCRIPT = `(() => {
  const key = 'triptyque-preview:' + location.pathname;
  let saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(key) || '{}'); } catch {}
  const deck = document.querySelector('iframe.deck-frame');
  const total = deck ? Number(deck.dataset.slides) || 0 : 0;
  const counter = document.querySelector('.slide-counter');
  const clamp = (n) => Math.max(1, total ? Math.min(total, n) : n);
  let current = clamp(Number(saved.slide) || 1);

  const mark = (n) => {
    current = n;
    if (counter) counter.textContent = total ? n + ' / ' + total : String(n);
    for (const link of document.querySelectorAll('.thumbs.slides a')) {
      if (Number(link.dataset.number) === n) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  const shown = () => {
    try { return Number(deck.contentWindow.location.hash.slice(1)) || current; } catch { return current; }
  };
  const go = (n) => {
    if (!deck) return;
    n = clamp(n);
    try { deck.contentWindow.location.hash = '#' + n; } catch { deck.src = deck.dataset.src + '#' + n; }
    mark(n);
  };

  if (deck) {
    deck.addEventListener('load', () => {
      try { deck.contentWindow.addEventListener('hashchange', () => mark(shown())); } catch {}
      mark(shown());
    });
    deck.src = deck.dataset.src + '#' + current;
    mark(current);
  }
  for (const link of document.querySelectorAll('.thumbs.slides a')) {
    link.addEventListener('click', (event) => { event.preventDefault(); go(Number(link.dataset.number)); deck.focus(); });
  }
  document.querySelector('.prev-slide')?.addEventListener('click', () => go(current - 1));
  document.querySelector('.next-slide')?.addEventListener('click', () => go(current + 1));
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') { go(current + 1); event.preventDefault(); }
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') { go(current - 1); event.preventDefault(); }
  });

  const panes = [...document.querySelectorAll('[data-pane]')];
  for (const pane of panes) pane.scrollTop = (saved.scroll || {})[pane.dataset.pane] || 0;
  if (saved.windowY) window.scrollTo(0, saved.windowY);
  const save = () => {
    const scroll = {};
    for (const pane of panes) scroll[pane.dataset.pane] = pane.scrollTop;
    sessionStorage.setItem(key, JSON.stringify({ slide: deck ? shown() : 1, scroll, windowY: window.scrollY }));
  };

  const live = document.querySelector('.live');
  const say = (state, text) => { if (live) { live.dataset.state = state; live.textContent = text; } };
  let lost = false;
  const events = new EventSource('/events');
  events.addEventListener('building', () => say('building', 'Rebuilding…'));
  events.addEventListener('built', () => { save(); location.reload(); });
  events.addEventListener('open', () => { if (lost) { save(); location.reload(); } });
  events.addEventListener('error', () => { lost = true; say('offline', 'Disconnected: is triptyque preview still running?'); });
  window.addEventListener('pagehide', save);
})();`;
