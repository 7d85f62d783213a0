// Offers titles while a search box is typed in, from /api/search/suggest. Without it the box still works:
// the form goes to /search, which also matches the last word as the start of a word.
(function () {
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const list = document.getElementById(input.getAttribute('list'));
    if (!list) continue;
    let timer = 0;
    let asked = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || q === asked) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const r = await fetch('/api/search/suggest?q=' + encodeURIComponent(q));
          if (!r.ok) return;
          const { suggestions } = await r.json();
          list.replaceChildren(...suggestions.map((s) => {
            const o = document.createElement('option');
            o.value = s.title;
            return o;
          }));
        } catch (_) {
          // Offline or refused: the box keeps working without suggestions.
        }
      }, 150);
    });
  }
})();
