import { chromium } from 'playwright-core';
const [url, out, sel] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
await p.goto(url);
if (sel) { await p.locator(sel).screenshot({ path: out }); } else { await p.screenshot({ path: out }); }
const over = await p.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length);
console.log('elements past right edge:', over);
await b.close();
