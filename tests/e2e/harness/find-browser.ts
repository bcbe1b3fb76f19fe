// Finds the Chromium and Firefox binaries the suite drives, and says how to install them when they are missing.
import { accessSync, constants } from 'node:fs';

export const installHint = 'Install them with: sudo apt-get install -y chromium firefox-esr';

const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const firefoxCandidates = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function find(envVar: string, candidates: string[]): string | undefined {
  const fromEnv = process.env[envVar];
  // An explicit path that does not exist is an error, not a reason to quietly use another browser.
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return candidates.find(isExecutable);
}

/** Path of Chromium: CHROME_PATH, else the usual Debian/Ubuntu locations. Throws with an install hint. */
export function findChromium(): string {
  const path = find('CHROME_PATH', chromiumCandidates);
  if (!path) {
    const tried = process.env.CHROME_PATH ?? chromiumCandidates.join(', ');
    throw new Error(`Chromium not found (looked at CHROME_PATH, then ${tried}). ${installHint}`);
  }
  return path;
}

/** Path of Firefox: FIREFOX_PATH, else firefox-esr, else firefox. Throws with an install hint. */
export function findFirefox(): string {
  const path = find('FIREFOX_PATH', firefoxCandidates);
  if (!path) {
    const tried = process.env.FIREFOX_PATH ?? firefoxCandidates.join(', ');
    throw new Error(`Firefox not found (looked at FIREFOX_PATH, then ${tried}). ${installHint}`);
  }
  return path;
}
