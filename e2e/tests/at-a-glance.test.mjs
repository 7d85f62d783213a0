import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What a family came for must be on the first screen of a cheap phone, for every profile.
test('every profile shows stream, exams, route, cost and starting pay on the first screen of a 390 × 844 phone, with nothing past the right edge', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  const res = await fetch(`${BASE}/api/careers?per_page=100`);
  // The curated profiles (US occupations from O*NET have no Indian route to show).
  const items = (await res.json()).items.filter((c) => c.source === 'curated');
  assert.ok(items.length >= 48, `${items.length} careers`);
  const late = [];
  for (const { slug } of items) {
    await page.goto(`${BASE}/careers/${slug}`);
    const labels = await page.locator('dl.glance dt').allTextContents();
    for (const want of ['Stream after class 10', 'Main entrance exams', 'Shortest route',
      'Cost of the usual route, in all', 'Starting pay']) {
      assert.ok(labels.includes(want), `${slug}: ${want} missing from ${labels.join(' | ')}`);
    }
    // No table cell or list item may sit past the right edge (the header row of a stacked table is hidden).
    const wide = await page.evaluate(() => [...document.querySelectorAll('td, tbody th, li')]
      .filter((e) => !e.closest('thead') && e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => e.textContent.trim().slice(0, 40)));
    if (wide.length) late.push(`${slug}: past the right edge: ${wide.slice(0, 3).join(' | ')}`);
    const pay = page.locator('dl.glance div', { hasText: 'Starting pay' });
    const box = await pay.boundingBox();
    if (!box || box.y + box.height > 844) late.push(`${slug} (${Math.round(box?.y + box?.height)} px)`);
  }
  assert.deepEqual(late, [], 'starting pay below the first screen, or content past the right edge');
  assert.deepEqual(page.problems, []);
});
