import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function journey(page, { axe }) {
  await page.goto(`${BASE}/`);
  await page.getByLabel('Search careers, courses, colleges and articles').fill('sofware');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=sofware$/);
  assert.match(await page.locator('.count').textContent(), /results for “sofware”/);
  assert.ok(await page.locator('.results mark').count() > 0, 'the words found are marked');
  if (axe) await assertAccessible(page, 'search results (phone)');

  // The career, then the course that leads to it, then a college that teaches it.
  await page.locator('.results').getByRole('link', { name: 'Back-end Developer' }).click();
  await page.waitForURL(/\/careers\/backend-developer$/);
  await page.getByRole('link', { name: 'B.E./B.Tech in Computer Science and Engineering' }).click();
  await page.waitForURL(/\/colleges\?course=btech-computer-science$/);
  const names = await page.locator('.cards h3 a').allTextContents();
  assert.ok(names.length >= 2, `colleges listed: ${names.length}`);
  await page.getByRole('link', { name: names[0], exact: true }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), names[0]);
  await page.goBack();

  // Two ticked and compared, side by side.
  const ticks = page.locator('input[name="c"]');
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  await page.getByRole('button', { name: 'Compare the ticked colleges' }).click();
  await page.waitForURL(/\/colleges\/compare\?c=.+&c=.+/);
  assert.deepEqual(await page.locator('thead th[scope="col"]').allTextContents(), names.slice(0, 2));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing past the right edge');
}

test('a student searches "sofware", opens the career, follows its course, opens a college and compares two', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await journey(page, { axe: true });
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
  await page.context().close();
});

test('the same journey works with JavaScript off', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  await journey(page, { axe: false });
  await page.context().close();
});

test('the search box offers titles while typing', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/search`);
  await page.getByLabel('Search careers, courses, colleges and articles').pressSequentially('softw', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#search-suggestions option').length > 0);
  const offered = await page.locator('#search-suggestions option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(offered.includes('Software Developers'), offered.join(', '));
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
  await page.context().close();
});
