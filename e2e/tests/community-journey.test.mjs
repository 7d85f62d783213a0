import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, assertAccessible, shotName } from './browser.mjs';
import { waitForMail, linkIn } from './mail.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { viewport: { width: 390, height: 844 } };
const run = Date.now().toString(36);

/** Fails the test if any script runs from user content: a dialog, or a global the payloads would set. */
function guardAgainstScripts(page) {
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
}

async function assertNoScriptRan(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected script or handler ran');
  assert.deepEqual(page.problems.filter((p) => p.startsWith('dialog')), [], 'no dialog opened');
}

async function signInAsEditor() {
  const page = await openPage(browser, PHONE);
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email address', { exact: true }).fill('editor@example.in');
  await page.getByLabel('Password').fill('e2e-editor-river-42');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$/);
  return page;
}

test('register, confirm by mail, comment as a guest, approve as an editor, subscribe and leave in one click', async () => {
  // Register; the link in the received mail confirms the address.
  const student = await openPage(browser, PHONE);
  const address = `kavya-${run}@example.in`;
  await student.goto(`${BASE}/register`);
  await student.getByLabel('Username (shown with your comments) (required)').fill(`kavya-${run}`);
  await student.getByLabel('Email address (required)').fill(address);
  await student.getByLabel('Password (required)').fill('river-mango-kite-42');
  await student.getByRole('button', { name: 'Create my account' }).click();
  await student.getByRole('heading', { name: 'Check your email' }).waitFor();
  const welcome = await waitForMail(address, 'Confirm your Disha account');
  await student.goto(linkIn(welcome, `${BASE}/verify/`));
  await student.getByRole('button', { name: 'Confirm my address' }).click();
  await student.getByRole('heading', { name: 'Your address is confirmed' }).waitFor();
  await student.screenshot({ path: shotName('journey-verified') });

  // A guest replies on a career page; the payloads in the name and text must stay text.
  const guest = await openPage(browser, PHONE);
  guardAgainstScripts(guest);
  await guest.goto(`${BASE}/careers/nurse`);
  await guest.getByRole('link', { name: 'Leave a reply' }).click();
  await assertAccessible(guest, 'comment form');
  await guest.getByLabel('Name (shown with your comment) (required)').fill('Asha <img src=x onerror="window.__xss=1">');
  await guest.getByLabel('Email address (required)').fill(`asha-${run}@example.in`);
  await guest.getByLabel('Comment (required)').fill(`Is GNM still offered? ${run} <script>window.__xss=1</script>`);
  await guest.getByRole('button', { name: 'Post comment' }).click();
  await guest.getByRole('heading', { name: 'Thank you' }).waitFor();
  await guest.goto(`${BASE}/careers/nurse`);
  assert.equal(await guest.getByText(`Is GNM still offered? ${run}`).count(), 0, 'it waits for an editor');

  // The editor approves it from the queue.
  const editor = await signInAsEditor();
  await editor.goto(`${BASE}/moderation`);
  await assertAccessible(editor, 'moderation');
  const item = editor.locator('ol.comments > li').filter({ hasText: run });
  await item.getByRole('button', { name: 'Publish' }).click();
  await editor.waitForURL(/\/moderation$/);

  await guest.reload();
  const shown = guest.locator('#comments .comment').filter({ hasText: run });
  await shown.waitFor();
  assert.match(await shown.textContent(), /Asha <img src=x onerror="window.__xss=1">/, 'the name is shown as typed');
  assert.equal(await guest.locator('#comments img').count(), 0, 'and is not markup');
  assert.equal(await guest.getByText(`asha-${run}@example.in`).count(), 0, 'the address is never shown');
  await assertNoScriptRan(guest);
  await guest.screenshot({ path: shotName('journey-comment'), fullPage: false });

  // An article with hostile Markdown renders inert too.
  await editor.goto(`${BASE}/blog/new`);
  await editor.getByLabel('Title (required)').fill(`Choosing a stream ${run}`);
  await editor.getByLabel('One-sentence summary (required)').fill('How to choose after class 10.');
  await editor.getByLabel('Article (required)').fill('Think about **what you enjoy**.\n\n<img src=x onerror="window.__xss=1"> <a href="javascript:window.__xss=1">click</a>');
  await editor.getByRole('button', { name: 'Publish' }).click();
  await editor.waitForURL(/\/blog\/choosing-a-stream/);
  const reader = await openPage(browser, PHONE);
  guardAgainstScripts(reader);
  await reader.goto(editor.url());
  await reader.getByRole('heading', { level: 1, name: `Choosing a stream ${run}` }).waitFor();
  const click = reader.getByRole('link', { name: 'click' });
  if (await click.count()) await click.click().catch(() => {});
  await assertNoScriptRan(reader);
  await reader.screenshot({ path: shotName('journey-article') });

  // Subscribe from the footer, confirm by mail, and get an issue.
  const subscriber = `reader-${run}@example.in`;
  await guest.goto(`${BASE}/`);
  await guest.getByLabel('Get new guides by email').fill(subscriber);
  await guest.getByRole('button', { name: 'Subscribe' }).click();
  await guest.getByRole('heading', { name: 'Check your email' }).waitFor();
  const confirm = await waitForMail(subscriber, 'Confirm your Disha newsletter subscription');
  await guest.goto(linkIn(confirm, `${BASE}/newsletter/confirm/`));
  await guest.getByRole('button', { name: 'Confirm my subscription' }).click();
  await guest.getByRole('heading', { name: 'You are subscribed' }).waitFor();

  await editor.goto(`${BASE}/newsletter/send`);
  await editor.getByLabel('Subject').fill(`Exam dates ${run}`);
  await editor.getByLabel('Issue (Markdown, sent as plain text)').fill('NEET and JEE dates are out.');
  await editor.getByRole('button', { name: 'Send the issue' }).click();
  await editor.getByText(/Queued for \d+ reader/).waitFor();
  const issue = await waitForMail(subscriber, `Exam dates ${run}`);
  assert.match(issue, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  const unsubscribe = issue.match(/List-Unsubscribe: <([^>]+)>/)[1];

  // The one-click request a mail program sends (RFC 8058), then the page says so too.
  const response = await guest.request.post(unsubscribe, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  assert.equal(response.status(), 200);
  await editor.goto(`${BASE}/newsletter/send`);
  await editor.getByLabel('Subject').fill(`After ${run}`);
  await editor.getByLabel('Issue (Markdown, sent as plain text)').fill('Anyone there?');
  await editor.getByRole('button', { name: 'Send the issue' }).click();
  await editor.getByText(/Queued for \d+ reader/).waitFor();
  await new Promise((r) => setTimeout(r, 1500));
  await assert.rejects(waitForMailQuickly(subscriber, `After ${run}`), 'no issue after unsubscribing');
  assert.deepEqual(guest.problems, [], 'no console errors');
});

async function waitForMailQuickly(to, subject) {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = `${process.env.DISHA_E2E_MAILDIR}/new`;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(`${dir}/${name}`, 'utf8').replace(/=\r?\n/g, '');
    if (text.includes(`To: ${to}`) && text.includes(subject)) return text;
  }
  throw new Error('none');
}
