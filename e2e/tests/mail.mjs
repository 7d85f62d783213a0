// Reads what the test SMTP server (aiosmtpd, started by scripts/e2e) wrote to its Maildir.
import { readdirSync, readFileSync } from 'node:fs';

const MAILDIR = process.env.DISHA_E2E_MAILDIR;

/** Waits up to 20 s for a message to `to` whose subject contains `subject`, and returns its text. */
export async function waitForMail(to, subject) {
  if (!MAILDIR) throw new Error('DISHA_E2E_MAILDIR is not set: run through scripts/e2e');
  for (let i = 0; i < 200; i += 1) {
    for (const name of readdirSync(`${MAILDIR}/new`)) {
      const text = readFileSync(`${MAILDIR}/new/${name}`, 'utf8');
      const unfolded = text.replace(/=\r?\n/g, '');
      if (unfolded.includes(`To: ${to}`) && unfolded.includes(subject)) return unfolded;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} about "${subject}"`);
}

/** The first address in `text` that starts with `prefix`. */
export function linkIn(text, prefix) {
  const start = text.indexOf(prefix);
  if (start < 0) throw new Error(`no ${prefix} in ${text}`);
  return text.slice(start).match(/^[A-Za-z0-9:/.\-]+/)[0];
}
