import { readdir, readlink, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../process-alive';

/** The prefix puppeteer gives the temporary profile of each Chromium it launches. */
const PROFILE_PREFIX = 'puppeteer_dev_chrome_profile-';

/**
 * Removes the profiles that killed builds left in the temporary folder. Chromium marks a profile
 * in use with a `SingletonLock` link to `host-pid`; only a profile whose Chromium on this host is
 * no longer running is removed, so other builds' live browsers keep theirs.
 */
export async function removeStaleProfiles(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.startsWith(PROFILE_PREFIX))) {
    const profile = join(dir, name);
    const owner = await readlink(join(profile, 'SingletonLock')).catch(() => undefined);
    const match = owner && /^(.*)-(\d+)$/.exec(owner);
    if (!match || match[1] !== hostname() || processAlive(Number(match[2]))) continue;
    await rm(profile, { recursive: true, force: true }).then(() => removed.push(profile), () => undefined);
  }
  return removed;
}
