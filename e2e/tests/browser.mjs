// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (browsers cannot be
// downloaded here), pointed at the server the test script started (DISHA_E2E_URL).
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

export const BASE = process.env.DISHA_E2E_URL ?? 'http://127.0.0.1:8080';
export const SHOTS = process.env.DISHA_E2E_SHOTS ?? new URL('../test-results/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page that fails the test on any console error (a CSP violation shows up as one). */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.problems = problems;
  return page;
}

/** Runs axe and fails on any serious or critical violation, listing them. */
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(report, [], `${label}: accessibility violations`);
}

export function shotName(label) {
  return `${SHOTS}/${process.env.DISHA_E2E_BACKEND ?? 'sqlite'}-${label}.png`;
}
