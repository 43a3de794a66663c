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
    let hanging!: () => void;
    const hangs = new Promise<void>((resolve) => (hanging = resolve));
    const hung = service.withPage(PAGE, (page) => {
      hanging();
      return page.evaluate(() => new Promise<never>(() => undefined));
    });
    // The sibling starts once the hang has, and is mid-work when the hung page's browser is retired.
    await hangs;
    let attempts = 0;
    const sibling = service.withPage(PAGE, async (page) => {
      attempts += 1;
      await page.setContent('<p>patient</p>');
      if (attempts === 1) await new Promise((resolve) => page.browser().once('disconnected', resolve));
      return page.evaluate(() => document.body.textContent);
    });
    const [hungOutcome, siblingOutcome] = await Promise.allSettled([hung, sibling]);
    expect(hungOutcome).toMatchObject({ status: 'rejected', reason: { code: 'BROWSER_FAILED' } });
    expect(siblingOutcome).toEqual({ status: 'fulfilled', value: 'patient' });
    // It lost its first browser mid-work and was retried in the next one.
    expect(attempts).toBe(2);
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

describe('pages kept for later work of their kind (the next source of a build, the next build of a watch)', () => {
  let service: BrowserService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  it('gives the next work of a kind the page the last one left, with the sandbox of the current work', async () => {
    service = new BrowserService();
    const first = await service.withPage({ ...PAGE, kind: 'deck', affinity: 'a', keep: true }, async (page) => {
      await page.setContent('<p id="left">laissé là</p>');
      return page;
    });
    const blocked: string[] = [];
    const again = await service.withPage({ allowedRoots: [], onBlocked: (url) => blocked.push(url), kind: 'deck', affinity: 'b', keep: true }, async (page) => {
      // The fetch is blocked and reported to this work, not to the first one.
      await page.setContent('<img src="https://example.org/x.png">');
      return { page, closed: page.isClosed() };
    });
    expect(again.page).toBe(first);
    expect(again.closed).toBe(false);
    expect(blocked).toEqual(['https://example.org/x.png']);
    const other = await service.withPage({ ...PAGE, kind: 'brochure', keep: true }, async (page) => page);
    expect(other).not.toBe(first);
  });

  it('keeps a page for each work of a kind that ran at once, and gives each work the one its source used last', async () => {
    service = new BrowserService();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const both = Promise.all(
      ['a', 'b'].map((affinity) => service!.withPage({ ...PAGE, kind: 'deck', affinity, keep: true }, async (page) => {
        await held;
        return page;
      })),
    );
    release();
    const [pageA, pageB] = await both;
    expect(pageA).not.toBe(pageB);
    expect(await service.withPage({ ...PAGE, kind: 'deck', affinity: 'b', keep: true }, async (page) => page)).toBe(pageB);
    expect(await service.withPage({ ...PAGE, kind: 'deck', affinity: 'a', keep: true }, async (page) => page)).toBe(pageA);
    expect(pageA!.isClosed() || pageB!.isClosed()).toBe(false);
  });

  it('gives a fresh page to work of a kind whose pages are busy, and keeps no page whose work failed', async () => {
    service = new BrowserService();
    let release!: () => void;
    let started!: () => void;
    const working = new Promise<void>((resolve) => (started = resolve));
    const busy = service.withPage({ ...PAGE, kind: 'k', keep: true }, (page) => new Promise<typeof page>((resolve) => {
      release = () => resolve(page);
      started();
    }));
    await working;
    const meanwhile = await service.withPage({ ...PAGE, kind: 'k', keep: true }, async (page) => page);
    release();
    const kept = await busy;
    expect(meanwhile).not.toBe(kept);
    expect(meanwhile.isClosed()).toBe(false);
    await expect(service.withPage({ ...PAGE, kind: 'k', keep: true }, async (page) => {
      expect(page).toBe(kept);
      throw new Error('a mistake in the page script');
    })).rejects.toThrow('a mistake');
    expect(kept.isClosed()).toBe(true);
    const after = await service.withPage({ ...PAGE, kind: 'k', keep: true }, async (page) => page);
    expect(after).not.toBe(kept);
  });

  it('closes the page of a work that does not keep it, even a kept one it took, and the kept pages when no more work is coming', async () => {
    service = new BrowserService();
    const page = await service.withPage({ ...PAGE, kind: 'deck' }, async (opened) => opened);
    expect(page.isClosed()).toBe(true);
    const kept = await service.withPage({ ...PAGE, kind: 'deck', keep: true }, async (opened) => opened);
    expect(kept.isClosed()).toBe(false);
    const last = await service.withPage({ ...PAGE, kind: 'deck' }, async (opened) => opened);
    expect(last).toBe(kept);
    expect(kept.isClosed()).toBe(true);
    const other = await service.withPage({ ...PAGE, kind: 'brochure', keep: true }, async (opened) => opened);
    await service.releasePages();
    expect(other.isClosed()).toBe(true);
  });
});

describe('pages opened ahead of need (a build warms the browser up while its targets load)', () => {
  let service: BrowserService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  it('gives the page opened ahead (Chromium\'s launch tab, no renderer of its own) to the next work, with that work\'s viewport and sandbox and scripts off', async () => {
    service = new BrowserService();
    service.warmUp(2);
    const browser = await service.browser();
    const launchTab = (await browser.pages())[0];
    // The spares are opened without waiting for any work to ask: the launch tab and one new page.
    await expect.poll(async () => (await browser.pages()).length, { timeout: 20_000 }).toBe(2);
    const blocked: string[] = [];
    const seen = await service.withPage({ allowedRoots: [], viewport: { width: 640, height: 360 }, onBlocked: (url) => blocked.push(url) }, async (page) => {
      await page.setContent(`<img src="https://example.org/y.png"><script>document.title = 'ran'</script>`);
      return { launchTab: page === launchTab, width: page.viewport()?.width, title: await page.title() };
    });
    expect(seen).toEqual({ launchTab: true, width: 640, title: '' });
    expect(blocked).toEqual(['https://example.org/y.png']);
    // The other spare goes to the next work; no page is opened for it.
    const next = await service.withPage(PAGE, async () => (await browser.pages()).length);
    expect(next).toBe(1);
  });

  it('opens none when pages are kept between builds; a browser that died after warming up is relaunched for the work', async () => {
    service = new BrowserService();
    await service.withPage({ ...PAGE, kind: 'deck', keep: true }, async () => undefined);
    service.warmUp(2);
    const browser = await service.browser();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Only the kept page (which took the launch tab).
    expect((await browser.pages()).length).toBe(1);

    const fresh = new BrowserService();
    fresh.warmUp(1);
    const first = await fresh.browser();
    first.process()?.kill('SIGKILL');
    await new Promise((resolve) => first.once('disconnected', resolve));
    const rendered = await fresh.withPage(PAGE, async (page) => page.evaluate(() => 1 + 1));
    expect(rendered).toBe(2);
    await fresh.close();
  });
});
