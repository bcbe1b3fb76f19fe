// Finds the Chromium and Firefox binaries the suite drives, and says how to install them when they are missing.
import { accessSync, constants } from 'node:fs';

export const installHint =
  'Install the browsers with `sudo apt-get install -y chromium firefox-esr` (Debian/Ubuntu), or set CHROME_PATH / FIREFOX_PATH.';

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

/** Where we looked, for the error message. */
function looked(envVar: string, candidates: string[]): string {
  const fromEnv = process.env[envVar];
  return fromEnv ? `${envVar}=${fromEnv}` : `${envVar} unset, ${candidates.join(', ')}`;
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
    throw new Error(
      `Chromium not found (${looked('CHROME_PATH', chromiumCandidates)}). ${installHint}`,
    );
  }
  return path;
}

/** Path of Firefox: FIREFOX_PATH, else firefox-esr, else firefox. Throws with an install hint. */
export function findFirefox(): string {
  const path = find('FIREFOX_PATH', firefoxCandidates);
  if (!path) {
    throw new Error(
      `Firefox not found (${looked('FIREFOX_PATH', firefoxCandidates)}). ${installHint}`,
    );
  }
  return path;
}
