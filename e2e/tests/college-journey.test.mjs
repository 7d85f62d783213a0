import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a student goes from a career to its course, to colleges in their state, and compares two', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/careers/backend-developer`);
  await page.getByRole('link', { name: 'B.E./B.Tech in Computer Science and Engineering' }).click();
  await page.waitForURL(/\/colleges\?course=btech-computer-science$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Find a college');
  assert.match(await page.locator('.count').textContent(), /^[\d,]+ colleges/);

  // With a filter chosen the form folds away; open it to pick a state.
  await page.getByText('Filter colleges').click();
  await page.getByLabel('State or union territory').selectOption('Kerala');
  await page.getByLabel('Sort by').selectOption('intake');
  await page.getByRole('button', { name: 'Show colleges' }).click();
  await page.waitForURL(/state=Kerala/);
  await assertAccessible(page, 'colleges in Kerala (phone)');
  const names = await page.locator('.cards h3 a').allTextContents();
  assert.ok(names.length >= 2, `colleges listed: ${names.length}`);

  const ticks = page.locator('input[name="c"]');
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  await page.getByRole('button', { name: 'Compare the ticked colleges' }).click();
  await page.waitForURL(/\/colleges\/compare\?c=.+&c=.+/);
  const columns = await page.locator('thead th[scope="col"]').allTextContents();
  assert.deepEqual(columns, names.slice(0, 2));
  await assertAccessible(page, 'two colleges compared (phone)');
  const url = page.url();

  await page.getByRole('link', { name: names[0] }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), names[0]);
  assert.ok(await page.getByRole('table', { name: 'Undergraduate' }).isVisible());
  await assertAccessible(page, 'a college (phone)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing past the right edge');

  // The comparison's address is shareable: opened afresh it shows the same two.
  const again = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await again.goto(url);
  assert.deepEqual(await again.locator('thead th[scope="col"]').allTextContents(), names.slice(0, 2));
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
  await again.context().close();
  await page.context().close();
});
