// The least a content script could do on arXiv's pages, for bench/content.bench.ts to measure beside
// Shelfmark (never shipped): the five buttons of each card near the viewport, in a closed root, and
// the star's state from the background. No settings, keyboard, notes, tags, page control, retries,
// message catalogue or in-page navigation: what is left of the goals of issue 10 for those is what
// Shelfmark costs beyond this script, in the same run.
(() => {
  const BUTTONS = [
    ['star', 'Star', 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z'],
    ['read', 'Mark read', 'M4.5 12.5l4.5 4.5 10.5-10.5'],
    ['queue', 'Add to queue', 'M4 6h11M4 12h11M4 18h7M18 14v8M14 18h8'],
    ['note', 'Note', 'M14 20.5H5.5a2 2 0 0 1-2-2v-13a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2V11M7.5 8.5h8M7.5 12h5'],
    ['tag', 'Tag', 'M3.5 12.5V4.5h8l9 9-8 8zM8 8.5h.01'],
  ];
  const CSS =
    ':host{display:inline-block;vertical-align:middle;margin:-13px 0}.bar{display:inline-flex;gap:2px}' +
    'button{all:unset;width:26px;height:26px;border-radius:6px;display:inline-grid;place-items:center;cursor:pointer;color:#555}' +
    'button[aria-pressed=true]{color:#4f46e5}svg{width:18px;height:18px;fill:none;stroke:currentColor;stroke-width:1.6}';
  const stars = new Map();
  const starred = new Set();

  const mount = (id, place) => {
    const root = document.createElement('shelfmark-controls');
    root.dataset.shelfmarkId = id;
    const shadow = root.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'group');
    for (const [kind, label, d] of BUTTONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.kind = kind;
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-pressed', String(kind === 'star' && starred.has(id)));
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d);
      svg.append(path);
      button.append(svg);
      bar.append(button);
      if (kind === 'star') stars.set(id, button);
    }
    shadow.append(style, bar);
    place(root);
  };
  const apply = (states) => {
    for (const [id, state] of Object.entries(states ?? {})) {
      if (state?.starred) starred.add(id);
      else starred.delete(id);
      stars.get(id)?.setAttribute('aria-pressed', String(starred.has(id)));
    }
  };
  const idOf = (href) => /(\d{4}\.\d{4,5})/.exec(href ?? '')?.[1];

  const run = () => {
    const ids = [];
    const abstract = document.getElementById('abs');
    if (abstract) {
      const number = idOf(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
      if (!number) return;
      const id = `arxiv:${number}`;
      abstract.setAttribute('data-shelfmark-card', id);
      mount(id, (root) => abstract.querySelector('h1.title')?.after(root));
      ids.push(id);
    } else {
      const near = new IntersectionObserver(
        (records) => {
          for (const record of records) {
            if (!record.isIntersecting) continue;
            near.unobserve(record.target);
            mount(record.target.dataset.shelfmarkCard, (root) => record.target.append(root));
          }
        },
        { rootMargin: '100% 0px' },
      );
      for (const dt of document.querySelectorAll('dl#articles > dt')) {
        const number = idOf(dt.querySelector('a[href^="/abs/"]')?.getAttribute('href'));
        if (!number) continue;
        const id = `arxiv:${number}`;
        dt.setAttribute('data-shelfmark-card', id);
        near.observe(dt);
        ids.push(id);
      }
    }
    chrome.runtime.sendMessage({ type: 'getStates', ids }).then(
      (answer) => answer?.ok && apply(answer.data),
      () => undefined,
    );
    chrome.runtime.onMessage.addListener((message) => message?.type === 'shelfmark:states' && apply(message.states));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
})();
