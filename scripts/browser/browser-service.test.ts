import { ProtocolError } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLeftBehind, trackLaunches } from '../../test/chromium-processes';
import { isTriptyqueError } from '../errors';
import { asBrowserFailure, BrowserService } from './browser-service';

const PAGE = { allowedRoots: [] as string[] };

describe('a browser that crashes or hangs', () => {
  let launches: ReturnType<typeof trackLaunches>;
  let service: BrowserService | undefined;

  beforeAll(() => {
    launches = trackLaunches();
  });
  afterAll(() => launches.restore());
  afterEach(async () => {
    await service?.close();
    service = undefined;
    // Every Chromium the test launched, crashed or not, is gone from the process table.
    expect(await chromiumLeftBehind({ groups: launches.groups() })).toEqual([]);
    launches.launched.length = 0;
  });

  it('is relaunched when it dies during a page, and the page is rendered on the fresh one', async () => {
    service = new BrowserService();
    let calls = 0;
    const title = await service.withPage(PAGE, async (page) => {
      calls += 1;
      await page.setContent('<title>rendu</title><p>bonjour</p>');
      if (calls === 1) {
        page.browser().process()!.kill('SIGKILL');
        await new Promise(() => undefined);
      }
      return page.title();
    });
    expect(title).toBe('rendu');
    expect(calls).toBe(2);
    expect(launches.launched).toHaveLength(2);
  });

  it('gives up with BROWSER_FAILED and a clear sentence when a page hangs twice', async () => {
    service = new BrowserService({ pageTimeoutMs: 2_000 });
    let calls = 0;
    const started = Date.now();
    const outcome = service.withPage(PAGE, async (page) => {
      calls += 1;
      return page.evaluate(() => new Promise<never>(() => undefined));
    });
    await expect(outcome).rejects.toMatchObject({ name: 'TriptyqueError', code: 'BROWSER_FAILED', message: expect.stringMatching(/failed twice.*did not finish within 2 s/) });
    expect(calls).toBe(2);
    expect(launches.launched).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('turns a protocol timeout into BROWSER_FAILED, not an internal error', async () => {
    service = new BrowserService({ timeoutMs: 1_500 });
    const outcome = service.withPage(PAGE, (page) => page.evaluate(() => new Promise<never>(() => undefined)));
    await expect(outcome).rejects.toMatchObject({ code: 'BROWSER_FAILED', message: expect.stringMatching(/timed out/) });
    const escaped = asBrowserFailure(new ProtocolError('Page.printToPDF timed out. Increase the protocolTimeout setting'));
    expect(isTriptyqueError(escaped) && escaped.code).toBe('BROWSER_FAILED');
  });

  it("does not retry the work's own errors", async () => {
    service = new BrowserService();
    let calls = 0;
    const outcome = service.withPage(PAGE, async () => {
      calls += 1;
      throw new Error('a mistake in the page script');
    });
    await expect(outcome).rejects.toThrow('a mistake in the page script');
    expect(calls).toBe(1);
    expect(launches.launched).toHaveLength(1);
  });

  it('a hang on one page does not cost a sibling page its retry', async () => {
    service = new BrowserService({ pageTimeoutMs: 5_000 });
    const hung = service.withPage(PAGE, (page) => page.evaluate(() => new Promise<never>(() => undefined)));
    // The sibling is mid-work when the hung page's browser is retired at 5 s, on either attempt.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sibling = service.withPage(PAGE, async (page) => {
      await page.setContent('<p>patient</p>');
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      return page.evaluate(() => document.body.textContent);
    });
    const [hungOutcome, siblingOutcome] = await Promise.allSettled([hung, sibling]);
    expect(hungOutcome).toMatchObject({ status: 'rejected', reason: { code: 'BROWSER_FAILED' } });
    expect(siblingOutcome).toEqual({ status: 'fulfilled', value: 'patient' });
  });

  it('close() during a page leaves no browser and launches none afterwards', async () => {
    service = new BrowserService();
    let working = false;
    const running = service.withPage(PAGE, (page) => {
      working = true;
      return page.evaluate(() => new Promise<never>(() => undefined));
    });
    running.catch(() => undefined);
    while (!working) await new Promise((resolve) => setTimeout(resolve, 50));
    await service.close();
    await expect(running).rejects.toMatchObject({ code: 'BROWSER_FAILED', message: expect.stringMatching(/closed/) });
    expect(launches.launched).toHaveLength(1);
  });
});
