import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startHarness, type Harness } from '../../electron/harness.ts';
import { PROJECT_ROOT } from '../../electron/server/paths.ts';
import { useTempDir } from '../helpers/workspace.ts';

/**
 * E2E tests drive the built renderer in Debian's Chromium against the harness and a real SQLite
 * file. Every page records the requests it makes and the errors it throws; a test fails if the
 * page reaches anywhere but the harness or throws.
 */

export const CHROMIUM_PATH = process.env.WORKBENCH_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page made to anything but the harness. */
  foreignRequests: string[];
  pageErrors: string[];
  /** Saves a screenshot of the page (or of another page of the context) under test-results/screenshots. */
  screenshot(name: string, of?: Page): Promise<string>;
}

export function useApp(options: { seed?: boolean } = {}) {
  const tempDir = useTempDir();
  // One user-data folder per test (backups, recent workspaces), shared by the harnesses it starts.
  let testUserData: string | undefined;
  const userData = () => (testUserData ??= tempDir());
  let browser: Browser;
  let harness: Harness;
  const pages: AppPage[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH))
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set WORKBENCH_CHROMIUM.`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    for (const app of pages.splice(0)) {
      await app.context.close();
      expect(app.foreignRequests, 'the page may only talk to the harness').toEqual([]);
      expect(app.pageErrors, 'the page threw').toEqual([]);
    }
    await harness?.close();
    testUserData = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    /** Starts a harness on a fresh workspace and opens the app in a new browser context. */
    async open(
      init: { locale?: string; colorScheme?: 'light' | 'dark'; hash?: string; dbPath?: string; userData?: string } = {},
    ): Promise<AppPage & { harness: Harness }> {
      harness = await startHarness({ dbPath: init.dbPath ?? path.join(tempDir(), 'e2e.swb'), seed: options.seed, userData: init.userData ?? userData() });
      const app = await openPage(harness, init);
      return { ...app, harness };
    },
    /** Another tab on the same harness (for sync tests). */
    async openAnother(init: { locale?: string; colorScheme?: 'light' | 'dark'; hash?: string } = {}): Promise<AppPage> {
      return openPage(harness, init);
    },
  };

  async function openPage(h: Harness, init: { locale?: string; colorScheme?: 'light' | 'dark'; hash?: string }): Promise<AppPage> {
    const context = await browser.newContext({
      locale: init.locale ?? 'en-US',
      colorScheme: init.colorScheme ?? 'light',
      viewport: { width: 1400, height: 860 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const app: AppPage = {
      page,
      context,
      foreignRequests: [],
      pageErrors: [],
      async screenshot(name, of = page) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await of.screenshot({ path: file });
        return file;
      },
    };
    // Every page of the context is watched, windows the app opens (the audience view) included.
    const watch = (p: Page) => {
      p.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${h.url}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) app.foreignRequests.push(url);
      });
      p.on('pageerror', (error) => app.pageErrors.push(error.message));
    };
    watch(page);
    context.on('page', watch);
    pages.push(app);
    await page.goto(`${h.pageUrl}${init.hash ?? ''}`);
    return app;
  }
}
