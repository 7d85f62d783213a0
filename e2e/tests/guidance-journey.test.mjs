import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible, shotName } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { viewport: { width: 390, height: 844 } };
const run = Date.now().toString(36);

/** Answers one page of ten: the label of the answer for each item, by its number on the page. */
async function answerPage(page, label) {
  const items = page.locator('fieldset.item');
  const n = await items.count();
  for (let i = 0; i < n; i += 1) {
    await items.nth(i).getByLabel(label, { exact: true }).check();
  }
}

test('take the quiz without an account, sign up, keep the result, save a career, mark a step done and see progress', { timeout: 120_000 }, async () => {
  const page = await openPage(browser, PHONE);
  await page.goto(`${BASE}/`);
  await page.getByRole('link', { name: 'Start the interest quiz' }).click();
  await page.getByRole('heading', { name: 'Interest quiz' }).waitFor();
  await assertAccessible(page, 'quiz');
  await page.screenshot({ path: shotName('quiz-first-page') });

  // Realistic, then Investigative, Artistic, Social, Enterprising, Conventional: ten items a page.
  const plan = ['Dislike', 'Strongly like', 'Not sure', 'Strongly like', 'Strongly dislike', 'Dislike'];
  await answerPage(page, plan[0]);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Page 2 of 6 · 10 of 60 answered').waitFor();
  // Back keeps what was answered.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByText('Page 1 of 6 · 10 of 60 answered').waitFor();
  assert.equal(await page.locator('input[type=radio]:checked').count(), 10, 'answers kept going back');
  await page.getByRole('button', { name: 'Next' }).click();
  for (let p = 1; p < 6; p += 1) {
    await answerPage(page, plan[p]);
    if (p < 5) await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByLabel('How far do you plan to study?').selectOption('professional');
  await page.getByLabel('Your stream in class 11 and 12').selectOption('pcb');
  await page.getByRole('button', { name: 'See my results' }).click();

  await page.getByRole('heading', { name: 'Your interest results' }).waitFor();
  assert.match(page.url(), /\/assessment\/results\/[0-9a-f]{32}$/);
  assert.match(await page.locator('.lead').first().textContent(), /Your code: IS/);
  assert.equal(await page.getByRole('img', { name: 'Your interest scores' }).count(), 1, 'the chart has a name');
  assert.equal(await page.locator('table.scores tbody tr').count(), 6, 'its numbers are in a table too');
  const matches = page.locator('ol.matches > li');
  assert.ok(await matches.count() >= 20, 'at least twenty careers');
  assert.match(await matches.first().textContent(), /% fit/);
  await assertAccessible(page, 'results');
  await page.screenshot({ path: shotName('quiz-results') });
  const resultUrl = page.url();

  // Sign up from the results, come back to them and keep them.
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Username (shown with your comments) (required)').fill(`meera-${run}`);
  await page.getByLabel('Email address (required)').fill(`meera-${run}@example.in`);
  await page.getByLabel('Password (required)').fill('river-mango-kite-42');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.getByRole('link', { name: 'Continue where you were' }).click();
  assert.equal(page.url(), resultUrl);
  await page.getByRole('button', { name: 'Keep this result on my dashboard' }).click();
  await page.getByText('This result is on your dashboard.').waitFor();

  // Save the best-fitting career that has a roadmap, from its own page.
  const first = matches.filter({ hasNot: page.locator('.badge') }).first();
  const title = (await first.getByRole('link').first().textContent()).trim();
  await first.getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Save to my dashboard' }).click();
  await page.getByRole('heading', { name: 'My dashboard' }).waitFor();
  const saved = page.locator('article.saved').filter({ hasText: title });
  assert.match(await saved.textContent(), /0 of \d+ steps done/);

  // Mark its first step done.
  const step = saved.locator('ol.steps > li').first();
  await step.locator('summary').click();
  await step.getByLabel('Status', { exact: true }).selectOption('done');
  await step.getByLabel('Your note').fill('Chose PCB in class 11');
  await step.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'My dashboard' }).waitFor();
  const after = page.locator('article.saved').filter({ hasText: title });
  assert.match(await after.textContent(), /1 of \d+ steps done/);
  assert.ok(Number(await after.locator('progress').getAttribute('value')) > 0, 'the bar moved');
  assert.match(await page.locator('#latest-h + p').textContent(), /Your code: IS/, 'the kept result is the latest');
  await assertAccessible(page, 'dashboard');
  await page.screenshot({ path: shotName('dashboard'), fullPage: true });
  assert.deepEqual(page.problems, []);
});

test('the quiz moves on and keeps answers without script', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, { ...PHONE, javaScriptEnabled: false });
  await page.goto(`${BASE}/assessment`);
  await answerPage(page, 'Like');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Page 2 of 6 · 10 of 60 answered').waitFor();
  assert.match(page.url(), /a=3333333333-/, 'the answers so far are in the address, to bookmark');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByText('Page 1 of 6 · 10 of 60 answered').waitFor();
});
