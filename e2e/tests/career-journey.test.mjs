import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible, shotName } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a student searches from the home page and reads a whole career profile', async () => {
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());
  await page.getByLabel('Search careers, courses, colleges and articles').fill('back');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/search\?q=back/);
  await page.locator('.results').getByRole('link', { name: 'Back-end Developer' }).click();
  await page.waitForURL(/\/careers\/backend-developer$/);

  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Back-end Developer');
  for (const name of ['Overview', 'Roles and responsibilities', 'Steps to get there', 'Courses and fees',
    'Well-known colleges', 'Skills you need', 'Jobs and salaries', 'Interest profile',
    'Frequently asked questions', 'Related careers']) {
    assert.ok(await page.getByRole('heading', { level: 2, name, exact: true }).isVisible(), `section ${name}`);
  }
  const steps = await page.locator('ol.steps > li').count();
  assert.ok(steps >= 5, `numbered steps: ${steps}`);
  assert.ok(await page.getByRole('table', { name: 'Undergraduate (UG) courses' }).isVisible());
  assert.ok(await page.getByRole('table', { name: 'Postgraduate (PG) courses' }).isVisible());
  assert.match(await page.locator('#jobs').textContent(), /Source: .+ As of \d{4}/);
  const firstFaq = page.locator('#faqs details').first();
  await firstFaq.locator('summary').click();
  assert.equal(await firstFaq.getAttribute('open'), '');
  assert.ok(await page.locator('#related .card').count() >= 2, 'related careers');
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.deepEqual(ld.map((x) => x['@type']), ['Occupation', 'FAQPage']);

  await page.getByRole('link', { name: 'Engineering & Technology' }).first().click();
  await page.waitForURL(/stream=engineering-technology/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Engineering & Technology');
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
});

test('a student taking PCB finds the careers it leads to, without JavaScript', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/careers`);
  await page.getByLabel('Stream after class 10').selectOption('pcb');
  await page.getByRole('button', { name: 'Show careers' }).click();
  await page.waitForURL(/school_stream=pcb/);
  const titles = await page.locator('.cards .card h3').allTextContents();
  assert.ok(titles.includes('Dentist'), titles.join(', '));
  assert.ok(!titles.includes('Aerospace Engineer'), 'a PCM-only career is left out');
  const metas = await page.locator('.cards .card .meta').allTextContents();
  assert.ok(metas.every((m) => m.includes('Science (PCB)')), 'every card names its streams');
});

test('the career list filters without JavaScript', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await page.goto(`${BASE}/careers`);
  await page.getByLabel('Career field').selectOption('law');
  await page.getByLabel('Education level').selectOption('professional');
  await page.getByRole('button', { name: 'Show careers' }).click();
  await page.waitForURL(/stream=law&level=professional/);
  const titles = await page.locator('.cards .card h3').allTextContents();
  assert.ok(titles.length >= 2, titles.join(', '));
  assert.ok(titles.includes('Judge'), titles.join(', '));
  assert.ok(!titles.includes('Doctor'));
});

test('a class-10 student taking PCB starts on the home page and compares two careers on a phone, without JavaScript', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/`);
  const pcb = page.getByRole('link', { name: /Science \(PCB\)/ });
  const box = await pcb.boundingBox();
  assert.ok(box && box.y + box.height <= 844, 'the stream choice is on the first screen');
  await pcb.click();
  await page.waitForURL(/school_stream=pcb/);
  assert.ok((await page.locator('.cards .card h3').allTextContents()).includes('Nurse'));

  await page.goto(`${BASE}/careers/nurse`);
  await page.getByRole('link', { name: 'Compare with another career' }).click();
  await page.waitForURL(/compare\?c=nurse/);
  await page.getByLabel('Career 2').selectOption('pharmacist');
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForURL(/c=nurse&c=pharmacist/);
  const heads = await page.locator('table.compare thead th').allTextContents();
  assert.deepEqual(heads, ['Nurse', 'Pharmacist']);
  const rows = await page.locator('table.compare tbody th').allTextContents();
  for (const want of ['Main entrance exams', 'Shortest route', 'Cost of the usual route, in all', 'Starting pay']) {
    assert.ok(rows.includes(want), `${want} in ${rows.join(' | ')}`);
  }
  const wide = await page.evaluate(() => [...document.querySelectorAll('td, tbody th, thead th')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.textContent.slice(0, 30)));
  assert.deepEqual(wide, [], 'nothing past the right edge at 390 px');
});

test('a parent reports a mistake in a profile without JavaScript, and is told what happens next', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/careers/pharmacist`);
  await page.getByRole('link', { name: 'Report a mistake' }).first().click();
  await page.waitForURL(/\/careers\/pharmacist\/report$/);
  await page.getByLabel('Which part is wrong?').selectOption('courses');
  await page.getByLabel('What is wrong?').fill('short');
  await page.getByRole('button', { name: 'Send report' }).click();
  // The browser's own check stops a too-short message; with it bypassed the server names the field too.
  assert.match(page.url(), /\/report$/);
  await page.getByLabel('What is wrong?').fill('The D.Pharm fee range looks a year old; the state list was revised.');
  await page.getByLabel('Where is the correct fact published? (optional)').fill('https://www.pci.nic.in/');
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.waitForURL(/\/report\/thanks$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Thank you for your report');
});

test('an editor signs in and out without JavaScript, and a wrong password says nothing about the address', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email address').fill('editor@example.in');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.match(await page.locator('.errors').textContent(), /did not match an account/);
  await page.getByLabel('Password').fill('e2e-editor-river-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$/);
  assert.match(await page.locator('main').textContent(), /You are signed in as editor\./);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'disha_session');
  assert.ok(session && session.httpOnly && session.sameSite === 'Lax', JSON.stringify(session));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.goto(`${BASE}/account`);
  await page.waitForURL(/\/sign-in$/);
});

const pages = [
  ['home', '/'],
  ['careers', '/careers'],
  ['careers-page-2', '/careers?page=2'],
  ['career', '/careers/backend-developer'],
  ['career-doctor', '/careers/doctor'],
  ['bad-filter', '/careers?level=9'],
  ['search-miss', '/careers?q=docter'],
  ['compare', '/careers/compare?c=doctor&c=nurse&c=pharmacist'],
  ['compare-choose', '/careers/compare'],
  ['about', '/about'],
  ['report', '/careers/nurse/report'],
  ['career-ias', '/careers/ias-officer'],
  ['sign-in', '/sign-in'],
  ['forgot-password', '/forgot-password'],
  ['register', '/register'],
  ['comment-form', '/careers/nurse/comments/new'],
  ['blog', '/blog'],
  ['not-found', '/careers/no-such-career'],
  ['api-docs', '/api/docs'],
  ['colleges', '/colleges'],
  ['colleges-bad-filter', '/colleges?state=Atlantis'],
  ['search', '/search?q=sofware'],
  ['search-colleges', '/search?q=engineering+pune'],
  ['search-bad-filter', '/search?q=nurse&kind=person'],
  ['us-occupation', '/careers/software-developers'],
];

for (const scheme of ['light', 'dark']) {
  for (const [label, path] of pages) {
    test(`${label} has no serious accessibility violation in the ${scheme} scheme`, async () => {
      for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
        const page = await openPage(browser, { viewport, colorScheme: scheme });
        const response = await page.goto(`${BASE}${path}`);
        assert.ok(response.status() < 500, `${path}: ${response.status()}`);
        await assertAccessible(page, `${label} (${scheme}, ${device})`);
        await page.screenshot({ path: shotName(`${label}-${scheme}-${device}`), fullPage: label !== 'career' || device === 'phone' });
        assert.deepEqual(page.problems.filter((p) => !p.includes('404') && !p.includes('400')), [], `${label}: console errors`);
        await page.context().close();
      }
    });
  }
}
