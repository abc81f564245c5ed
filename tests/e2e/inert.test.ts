import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialog, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/workspace.ts';
import {
  CXL_MAP,
  DECISION,
  DECISION_CSV,
  DECISION_CSV_NAME,
  DECISION_CSV_TITLE,
  IDS,
  MERMAID_MAP,
  MERMAID_RAW,
  P,
  PAYLOADS,
  SECTION,
  writeInertFiles,
  zhOf,
} from './inert-fixtures.ts';
import { useApp, type AppPage } from './support.ts';

/**
 * Every text a user or an imported file supplies is rendered inert. The test imports a knowledge
 * base, two maps and two decisions whose every text carries PAYLOADS (script tags, event-handler
 * attributes, javascript: and data: links, SVG, remote images and styles, a spreadsheet formula,
 * Chinese), types more of them into the UI, opens every screen that shows them and checks, screen
 * by screen, that each payload is on screen as text and that nothing ran, was injected or was
 * requested.
 *
 * The page's Content-Security-Policy would stop an injected script by itself, and so would hide an
 * injection from the traps. So the main page runs with the CSP bypassed (DevTools'
 * Page.setBypassCSP): what is tested is that the renderer never turns text into markup. A second
 * tab with the CSP in force then revisits the screens and must see no CSP violation either.
 */

interface InertRecord {
  /** Payload code that ran: `__pwned=<n>`, `alert(…)`, `open(…)`. */
  fired: string[];
  /** Markup that appeared in the document: a script, a frame, an event-handler attribute, a bad URL. */
  injected: string[];
  /** CSP violations (the page tried something the policy forbids). */
  violations: string[];
}

/**
 * Installed in every page and frame of the context before any of its scripts: a setter on
 * `window.__pwned` (which every payload assigns), hooks on alert/open/print, a CSP-violation
 * listener, and a MutationObserver that records any script, frame, event-handler attribute or
 * javascript:/data:text/html/remote URL the moment it enters the document, even if it is removed again.
 */
function installTraps(): void {
  type Record = { fired: string[]; injected: string[]; violations: string[] };
  const own = window as unknown as { __inert?: Record };
  if (own.__inert) return;
  const record: Record = { fired: [], injected: [], violations: [] };
  Object.defineProperty(window, '__inert', { value: record });
  // A frame reports to its top window when it may (a javascript: frame shares its origin).
  const sink = (): Record => {
    try {
      return (window.top as unknown as { __inert?: Record } | null)?.__inert ?? record;
    } catch {
      return record;
    }
  };
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => undefined,
    set: (value: unknown) => sink().fired.push(`__pwned=${String(value)}`),
  });
  for (const name of ['alert', 'open', 'print'] as const) {
    const original = window[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(window, name, {
      configurable: true,
      writable: true,
      value(this: unknown, ...args: unknown[]) {
        sink().fired.push(`${name}(${args.map(String).join(', ')})`);
        return original.apply(this, args);
      },
    });
  }
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      // zod probes once whether eval is allowed (`Function('')` in a try); the refusal is not a payload's.
      if (e.blockedURI === 'eval' && e.sample === '') return;
      sink().violations.push(`${e.effectiveDirective}: ${e.blockedURI} (${e.sample})`);
    },
    true,
  );

  const URL_ATTRIBUTE = /^(?:href|src|srcset|xlink:href|action|formaction|data|poster|background|srcdoc|ping)$/i;
  const BAD_URL = /^\s*(?:javascript|vbscript|data:text\/html)|evil\.example/i;
  const placeOf = (el: Element) => `<${el.tagName.toLowerCase()}> in ${el.parentElement?.getAttribute('class') || el.parentElement?.tagName.toLowerCase() || '?'}`;
  const inspect = (el: Element, report: (what: string) => void) => {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'portal', 'applet', 'foreignobject'].includes(tag)) report(placeOf(el));
    if (tag === 'script') {
      const script = el as HTMLScriptElement | SVGScriptElement;
      const src = 'src' in script && typeof script.src === 'string' ? script.src : (el.getAttribute('href') ?? '');
      // The app's own bundle is the one script: same origin, no inline text.
      if (!src.startsWith(`${location.origin}/`) || (el.textContent ?? '').trim() !== '') report(`${placeOf(el)}: ${src || el.textContent}`);
    }
    if (tag === 'style' && /evil|pwned/i.test(el.textContent ?? '')) report(`${placeOf(el)}: ${el.textContent}`);
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) report(placeOf(el));
    if (tag === 'link' && BAD_URL.test(el.getAttribute('href') ?? '')) report(placeOf(el));
    for (const attribute of Array.from(el.attributes)) {
      if (/^on/i.test(attribute.name)) report(`${placeOf(el)} has ${attribute.name}="${attribute.value}"`);
      else if (URL_ATTRIBUTE.test(attribute.name) && BAD_URL.test(attribute.value)) report(`${placeOf(el)} has ${attribute.name}="${attribute.value}"`);
      else if (attribute.name === 'style' && /url\(\s*['"]?\s*(?:https?:|javascript:|\/\/)/i.test(attribute.value)) report(`${placeOf(el)} has style="${attribute.value}"`);
    }
  };
  const observer = new MutationObserver((mutations) => {
    const report = (what: string) => sink().injected.push(what);
    for (const m of mutations) {
      if (m.type === 'attributes' && m.target instanceof Element) inspect(m.target, report);
      for (const added of Array.from(m.addedNodes))
        if (added instanceof Element) {
          inspect(added, report);
          for (const inner of Array.from(added.querySelectorAll('*'))) inspect(inner, report);
        }
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Whitespace-insensitive, so a label wrapped over several SVG lines still matches. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('user- and file-supplied text is rendered inert', () => {
  const app = useApp();
  const tempDir = useTempDir();

  /** Installs the traps in the context and (unless `csp`) bypasses the page's CSP, then reloads. */
  async function arm(target: AppPage, { csp }: { csp: boolean }): Promise<{ dialogs: string[] }> {
    const dialogs: string[] = [];
    await target.context.addInitScript(installTraps);
    const onDialog = (dialog: Dialog) => {
      // The app's own confirmation when a session ends; any other dialog is a payload's.
      if (dialog.type() === 'confirm' && dialog.message().startsWith('End this session?')) return void dialog.accept();
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    };
    target.page.on('dialog', onDialog);
    target.context.on('page', (p) => p.on('dialog', onDialog));
    if (!csp) {
      const cdp = await target.context.newCDPSession(target.page);
      await cdp.send('Page.setBypassCSP', { enabled: true });
    }
    await target.page.reload();
    await target.page.locator('.app').waitFor();
    // A probe: an inline script runs exactly when the policy is bypassed, and is a violation otherwise.
    // The traps must see it either way; then its traces are cleared so each test starts clean.
    const probe = await target.page.evaluate(() => {
      const script = document.createElement('script');
      script.text = 'window.__cspProbe = 1';
      document.head.append(script);
      script.remove();
      return new Promise<{ ran: boolean; injected: string[]; violations: string[] }>((resolve) =>
        setTimeout(() => {
          const record = (window as unknown as { __inert: InertRecord }).__inert;
          const result = { ran: (window as unknown as { __cspProbe?: number }).__cspProbe === 1, injected: [...record.injected], violations: [...record.violations] };
          record.injected.length = 0;
          record.violations.length = 0;
          resolve(result);
        }, 50),
      );
    });
    expect(probe.ran, csp ? 'the CSP is in force' : 'the CSP is bypassed').toBe(!csp);
    expect(probe.injected, 'the traps see an injected script').toEqual([expect.stringContaining('window.__cspProbe')]);
    // (Reported once per policy: the header's and the page's own <meta>.)
    if (csp) expect(probe.violations.length, 'the traps see CSP violations').toBeGreaterThan(0);
    expect(probe.violations.filter((v) => !v.startsWith('script-src-elem: inline')), 'only the probe violated the CSP').toEqual([]);
    return { dialogs };
  }

  /** The record of the traps, and what a scan of the document finds now. */
  async function inspectPage(page: Page) {
    return page.evaluate(() => {
      const record = (window as unknown as { __inert: InertRecord }).__inert;
      const payloadScripts = Array.from(document.querySelectorAll('script')).filter((s) => /pwned|evil/i.test(`${s.src} ${s.text}`));
      return {
        fired: record.fired,
        injected: record.injected,
        violations: record.violations,
        handlerAttributes: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover], [onfocus]').length,
        payloadScripts: payloadScripts.length,
        frames: document.querySelectorAll('iframe, frame, object, embed').length,
        javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [href^="data:text/html" i]').length,
        remoteImages: Array.from(document.images).filter((img) => !img.src.startsWith(`${location.origin}/`) && !/^(data|blob):/.test(img.src)).length,
        mainScripts: document.scripts.length,
      };
    });
  }

  /**
   * The screen's check: each text is shown (as text, visible, inside `scope`), nothing ran,
   * nothing was injected, nothing left the page and the page threw nothing.
   */
  async function expectInert(target: AppPage & { dialogs: string[] }, where: string, texts: readonly string[], scope: Locator = target.page.locator('body')) {
    // A text not shown is reported after what ran or was injected instead, which says more.
    let notShown: unknown = null;
    for (const text of texts)
      await expect
        .poll(
          () =>
            scope.first().evaluate((root, wanted) => {
              const norm = (s: string | null) => (s ?? '').replace(/\s+/g, '');
              const want = norm(wanted);
              // The innermost elements holding the whole text, and whether one of them is drawn.
              const holders = [root, ...Array.from(root.querySelectorAll('*'))].filter(
                (el) => norm(el.textContent).includes(want) && !Array.from(el.children).some((child) => norm(child.textContent).includes(want)),
              );
              if (holders.length === 0) return 'missing';
              const drawn = (el: Element) => {
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
              };
              return holders.some(drawn) ? 'shown' : 'hidden';
            }, text),
          { message: `${where}: "${text}" is shown as text`, timeout: 5000 },
        )
        .toBe('shown')
        .catch((error: unknown) => void (notShown ??= error));
    const found = await inspectPage(target.page);
    expect(found.fired, `${where}: no payload ran`).toEqual([]);
    expect(target.dialogs, `${where}: no dialog opened`).toEqual([]);
    expect(found.injected, `${where}: no markup was injected`).toEqual([]);
    expect(found.violations, `${where}: no CSP violation`).toEqual([]);
    expect(found.handlerAttributes, `${where}: no event-handler attributes`).toBe(0);
    expect(found.payloadScripts, `${where}: no script with payload content`).toBe(0);
    expect(found.frames, `${where}: no frames`).toBe(0);
    expect(found.javascriptLinks, `${where}: no javascript: or data:text/html links`).toBe(0);
    expect(found.remoteImages, `${where}: no remote images`).toBe(0);
    expect(found.mainScripts, `${where}: the app's bundle is the only script`).toBe(1);
    expect(target.foreignRequests, `${where}: no request left the page`).toEqual([]);
    expect(target.pageErrors, `${where}: the page threw nothing`).toEqual([]);
    if (notShown) throw notShown;
  }

  /** Hash navigation inside the app, as a link would do it. */
  async function go(page: Page, hash: string) {
    await page.evaluate((h) => (window.location.hash = h), hash);
  }

  it('catches a payload that does run (the traps work)', async () => {
    const opened = await app.open({ locale: 'en-US' });
    const target = { ...opened, ...(await arm(opened, { csp: false })) };
    await target.page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<img src=x onerror="window.__pwned=2">';
      document.body.append(box);
      const script = document.createElement('script');
      script.text = 'window.__pwned=1';
      document.body.append(script);
    });
    await expect.poll(async () => (await inspectPage(target.page)).fired.sort()).toEqual(['__pwned=1', '__pwned=2']);
    const found = await inspectPage(target.page);
    expect(found.injected).toEqual(expect.arrayContaining([expect.stringContaining('onerror'), expect.stringContaining('<script>')]));
    expect(found.handlerAttributes).toBe(1);
  });

  it('imports hostile files, takes typed payloads, and every screen shows them as text without running anything', { timeout: 240_000 }, async () => {
    const files = writeInertFiles(tempDir());
    const opened = await app.open({ locale: 'en-US' });
    const target = { ...opened, ...(await arm(opened, { csp: false })) };
    const { page, context, screenshot } = target;
    const check = (where: string, texts: readonly string[], scope?: Locator) => expectInert(target, where, texts, scope);
    const typed = {
      title: `${P(8)} typed`,
      note: `${P(3)} typed note`,
      search: `${P(6)} 无此词`,
      concept: `${P(9)} typed`,
      mapTitle: `${P(4)} typed map`,
      stepTitle: `${P(10)} typed step`,
      stepNotes: `${P(0)} typed notes`,
      live: `${P(2)} live`,
      livePhrase: P(5),
      participant: `${P(6)} participant`,
      parked: `${P(9)} parked`,
      criterion: `${P(0)} typed criterion`,
      cite: `${P(11)} typed cite`,
    };

    // ---- The library: import the bundle, the CSV of cases and the Markdown entry ----------------
    await page.getByRole('button', { name: 'Import' }).click();
    const importDialog = page.getByRole('dialog');
    for (const [file, created] of [
      [files.bundle, /4 new, 0 updated, 0 unchanged, 3 new relations/],
      [files.casesCsv, /1 new, 0 updated, 0 unchanged, 2 new relations/],
      [files.markdown, /1 new, 0 updated, 0 unchanged, 1 new relations/],
    ] as const) {
      await importDialog.locator('input[type=file]').setInputFiles(file);
      await importDialog.getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => importDialog.getByRole('status').innerText(), { message: path.basename(file), timeout: 5000 }).toMatch(created);
    }
    // A refused file quotes the offending cell in its message.
    await importDialog.locator('input[type=file]').setInputFiles(files.badCasesCsv);
    await importDialog.getByRole('button', { name: 'Import' }).click();
    await check('the import error', [P(1)], importDialog.getByRole('alert'));
    await importDialog.getByRole('button', { name: 'Close' }).first().click();

    // ---- Search results: titles and snippets with the matches marked ------------------------------
    await page.locator('#library-search').fill('pwned');
    await expect.poll(() => page.getByTestId('result-count').innerText()).toMatch(/[1-9]\d* match/);
    const list = page.getByRole('listbox');
    await check('the search results', [P(0), P(11), P(3), P(5), P(9), P(7)], list);
    expect(await list.locator('mark').count(), 'the matches are marked').toBeGreaterThan(0);
    await screenshot('inert-search');
    await page.locator('#library-search').fill(typed.search);
    await check('a search that finds nothing', [typed.search], page.locator('.list-empty'));

    // ---- The entry in detail, in English ----------------------------------------------------------
    await page.locator('#library-search').fill('pwned');
    await list.locator(`.entity-row[data-id="${IDS.bundleCase}"]`).click();
    const detail = page.getByRole('article');
    await check(
      'the bundle case in detail',
      [P(0), zhOf(P(0)), `${P(1)} ${P(3)}`, P(2), P(4), P(5), P(6), P(7), P(8), SECTION.id, SECTION.title.en, P(9), P(3), P(12)],
      detail,
    );
    await check('the relation notes', [P(2), P(3), P(4)], detail.locator('.relation-list'));
    await screenshot('inert-detail-en');

    // The edit form holds the texts as field values.
    await detail.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('dialog');
    expect(await editor.getByLabel('Title · English').inputValue()).toBe(P(0));
    expect(await editor.getByLabel('Title · 中文').inputValue()).toBe(zhOf(P(0)));
    expect(await editor.getByLabel('Summary · English').inputValue()).toBe(`${P(1)} ${P(3)}`);
    await check('the edit form', [P(0)], editor.locator('.dialog-header h2'));
    // What a user types is a payload too.
    await editor.getByLabel('Title · English').fill(typed.title);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => detail.getByRole('heading', { level: 2 }).textContent()).toBe(typed.title);
    await detail.locator('.relation-list li').filter({ hasText: P(9) }).getByRole('button').first().click();
    await page.getByRole('dialog').getByLabel('Note · English').fill(typed.note);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await check('the typed title and relation note', [typed.title, typed.note], detail);

    // History lists each revision's title.
    await detail.getByRole('button', { name: 'History' }).click();
    await check('the history', [typed.title, P(0)], page.getByRole('dialog'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // ---- The same entry in Chinese ----------------------------------------------------------------
    await page.getByRole('button', { name: '中文' }).click();
    await check('the bundle case in Chinese', [zhOf(P(0)), typed.title, zhOf(P(1)), zhOf(P(2)), zhOf(P(4)), zhOf(P(7)), SECTION.title.zh, zhOf(P(12))], detail);
    await screenshot('inert-detail-zh');
    await page.getByRole('button', { name: 'English' }).click();

    // ---- The CSV case and the Markdown entry ------------------------------------------------------
    await go(page, `#/library/${IDS.csvCase}`);
    await check('the CSV case', [P(11), zhOf(P(11)), P(1), P(10), P(0), P(6), P(8), P(12), P(7)], detail);
    await go(page, `#/library/${IDS.mdStrategy}`);
    await check('the Markdown entry', [P(3), P(9), P(10), P(0), P(6), P(2), P(12)], detail);

    // ---- Two cases side by side -------------------------------------------------------------------
    await go(page, '#/library');
    await page.locator('#library-search').fill('pwned');
    for (const id of [IDS.bundleCase, IDS.csvCase]) await list.locator(`.entity-row[data-id="${id}"] .row-check`).check();
    await page.getByRole('button', { name: /Compare \(2\)/ }).click();
    await check('the comparison', [typed.title, P(11), P(4), P(5), P(6), P(7), P(0), P(8), P(12)], page.locator('.compare-table'));
    await screenshot('inert-compare');
    await page.keyboard.press('Escape');

    // ---- Maps: the Mermaid flowchart --------------------------------------------------------------
    await go(page, '#/maps');
    await page.getByRole('button', { name: 'Import' }).click();
    const mapDialog = page.getByRole('dialog');
    await mapDialog.locator('input[type=file]').setInputFiles(files.mermaid);
    await mapDialog.getByRole('button', { name: 'Import' }).click();
    await check('the Mermaid import report', [MERMAID_MAP.title, 'https://evil.example/f.svg#p', 'click (link or callback on "c1")'], mapDialog);
    await mapDialog.getByRole('button', { name: 'Open the map' }).click();
    const canvas = page.locator('.map-canvas');
    await expect.poll(() => canvas.locator('.map-node').count()).toBe(MERMAID_MAP.concepts.length + 1);
    const mermaidMapId = decodeURIComponent(new URL(page.url()).hash.replace('#/maps/', ''));
    await canvas.press('0');
    const mermaidLabels = [...MERMAID_MAP.concepts.map((c) => c.label), ...MERMAID_MAP.phrases.map((p) => p.label), MERMAID_RAW.label, MERMAID_RAW.phrase];
    await check('the Mermaid map on the canvas', [...mermaidLabels, ...MERMAID_MAP.groups.map((g) => g.title)], canvas);
    await check('the maps list', [MERMAID_MAP.title], page.locator('.maps-list'));
    const inspector = page.locator('.map-inspector');
    expect(await inspector.locator('input').first().inputValue()).toBe(MERMAID_MAP.title);
    await check('the inspector', [MERMAID_MAP.groups[0]?.title ?? ''], inspector);
    await screenshot('inert-map-mermaid');

    // Rename a concept on the canvas, and the map in the inspector.
    await canvas.locator('.map-node[data-id="c3"]').click();
    await check('the inspector of a concept', [P(8)], inspector.locator('h3'));
    await canvas.press('Enter');
    await page.locator('.map-label-editor').fill(typed.concept);
    await page.locator('.map-label-editor').press('Enter');
    await canvas.press('Escape');
    await inspector.locator('input').first().fill(typed.mapTitle);
    await check('the renamed concept and map', [typed.concept], canvas);
    await check('the renamed map in the list', [typed.mapTitle], page.locator('.maps-list'));
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('All changes saved');

    // The SVG export, opened as a document of its own, runs nothing and loads nothing either.
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'SVG image' }).click();
    const svg = readFileSync((await (await download).path()) ?? '', 'utf8');
    // Text is escaped, so every < in the file starts a real tag; none may be active, no attribute a handler or a link out.
    const tags = svg.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /^<\/?(?:script|foreignObject|iframe|image|a|use|style)\b/i.test(tag))).toEqual([]);
    const attributes = tags.flatMap((tag) => [...tag.matchAll(/\s([\w:-]+)\s*=\s*"([^"]*)"/g)].map(([, name = '', value = '']) => ({ name, value })));
    expect(attributes.filter(({ name, value }) => /^on/i.test(name) || (/^(?:href|src|xlink:href)$/i.test(name) && !value.startsWith('#')))).toEqual([]);
    // Labels are drawn as glyph outlines; their text stays in <title> and aria-label, escaped.
    expect(squash(svg).includes(squash('<title>&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;</title>')), 'a label is kept, escaped').toBe(true);
    const svgPage = await context.newPage();
    await svgPage.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    const svgText = squash((await svgPage.evaluate(() => document.documentElement.textContent)) ?? '');
    for (const label of [...MERMAID_MAP.concepts.filter((c) => c.id !== 'c3').map((c) => c.label), typed.concept]) expect(svgText).toContain(squash(label));
    const inSvg = await inspectPage(svgPage);
    expect(inSvg).toEqual({ fired: [], injected: [], violations: [], handlerAttributes: 0, payloadScripts: 0, frames: 0, javascriptLinks: 0, remoteImages: 0, mainScripts: 0 });
    await svgPage.close();

    // ---- Presentations of the map: the panel, a rehearsal, a session, its report ------------------
    await page.getByRole('button', { name: 'Presentations' }).click();
    await page.getByRole('button', { name: 'Reveal concept by concept' }).click();
    const steps = page.locator('.step-list .step-select');
    await expect.poll(() => steps.count()).toBeGreaterThan(3);
    await steps.first().click();
    await page.locator('.step-editor').getByLabel('Title').fill(typed.stepTitle);
    await page.locator('.step-editor').getByLabel('Speaker notes').fill(typed.stepNotes);
    const panel = page.locator('.presentation-panel');
    await check('the presentation panel', [typed.stepTitle, P(1), P(2)], panel);
    expect(await panel.getByLabel('Presentation').locator('option').first().textContent()).toContain(typed.mapTitle);
    await screenshot('inert-presentation-panel');

    await page.getByRole('button', { name: 'Rehearse' }).click();
    const audience = page.locator('.audience');
    await audience.waitFor();
    await page.keyboard.press('End');
    await page.waitForTimeout(900); // the camera's move
    await check('the rehearsal on its last step', [typed.concept, P(1), P(2), P(12), MERMAID_RAW.label], audience);
    expect(await page.title()).toContain(typed.mapTitle);
    await screenshot('inert-rehearsal');
    await page.keyboard.press('Escape');
    await page.locator('.map-editor').waitFor();

    if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Presentations' }).click();
    await page.getByRole('button', { name: '▶ Present' }).click();
    await page.getByRole('menuitem', { name: 'Audience on this screen only' }).click();
    await audience.waitFor();
    const presentationId = /#\/present\/([^?]+)/.exec(page.url())?.[1] ?? '';
    const sessionId = new URLSearchParams(page.url().split('?').pop()).get('session') ?? '';
    expect(sessionId).not.toBe('');
    await go(page, `#/present/${presentationId}?session=${encodeURIComponent(sessionId)}&view=presenter`);
    const presenter = page.locator('.presenter');
    await presenter.waitFor();
    await check('the presenter view', [typed.stepTitle, typed.stepNotes], presenter);
    const room = page.locator('.presenter-room');
    await room.getByLabel('New concept').fill(typed.live);
    await room.getByLabel('Related to').selectOption({ label: P(1) });
    await room.getByLabel('Linking phrase').first().fill(typed.livePhrase);
    await room.getByRole('button', { name: 'Add', exact: true }).click();
    await room.getByLabel('Name').fill(typed.participant);
    await room.getByRole('button', { name: 'Add participant' }).click();
    await room.getByLabel('An idea to come back to').fill(typed.parked);
    await room.getByRole('button', { name: 'Park' }).click();
    await room.getByRole('checkbox', { name: /Parking lot/ }).check();
    await check('the presenter’s room', [typed.participant, typed.parked], room);
    await check('the live concept in “Now”', [typed.live], page.locator('.presenter-now'));
    await screenshot('inert-presenter');

    await go(page, `#/present/${presentationId}?session=${encodeURIComponent(sessionId)}&view=audience`);
    await audience.waitFor();
    await page.waitForTimeout(900);
    await check('the audience view of the session', [typed.live, typed.parked], audience);
    await screenshot('inert-audience');

    await go(page, `#/present/${presentationId}?session=${encodeURIComponent(sessionId)}&view=presenter`);
    await page.getByRole('button', { name: 'End session' }).click();
    const report = page.locator('.report-body');
    await check('the workshop report', [typed.mapTitle, typed.live, typed.livePhrase, typed.parked, typed.stepTitle, typed.concept], report);
    await screenshot('inert-report');

    // ---- Maps: the CmapTools file -----------------------------------------------------------------
    await go(page, '#/maps');
    await page.getByRole('button', { name: 'Import' }).click();
    await mapDialog.locator('input[type=file]').setInputFiles(files.cxl);
    await mapDialog.getByRole('button', { name: 'Import' }).click();
    await check('the CXL import report', [CXL_MAP.title], mapDialog);
    await mapDialog.getByRole('button', { name: 'Open the map' }).click();
    await expect.poll(() => canvas.locator('.map-node').count()).toBe(CXL_MAP.concepts.length);
    await canvas.press('0');
    await check('the CXL map on the canvas', [...CXL_MAP.concepts.map((c) => c.label), ...CXL_MAP.phrases.map((p) => p.label)], canvas);
    await check('the maps list', [CXL_MAP.title, typed.mapTitle], page.locator('.maps-list'));
    await screenshot('inert-map-cxl');

    // ---- Decisions: the JSON problem --------------------------------------------------------------
    await go(page, '#/decisions');
    const decisionFile = page.locator('.maps-actions input[type=file]');
    await decisionFile.setInputFiles(files.decisionJson);
    await expect.poll(() => page.url()).toMatch(/#\/decisions\/.+/);
    const decisionId = decodeURIComponent(new URL(page.url()).hash.replace('#/decisions/', ''));
    expect(await page.getByLabel('Decision title').inputValue()).toBe(DECISION.title);
    for (const [i, a] of DECISION.alternatives.entries()) expect(await page.getByLabel(`Name of option ${i + 1}`).inputValue()).toBe(a.name ?? a.id);
    for (const [j, c] of DECISION.criteria.entries()) expect(await page.getByLabel(`Name of criterion ${j + 1}`).inputValue()).toBe(c.name);
    await check('the decisions list', [DECISION.title ?? ''], page.locator('.maps-list'));
    await check('the ranking', DECISION.alternatives.map((a) => a.name ?? a.id), page.getByTestId('ranking'));
    await check('the weights', [...DECISION.criteria.map((c) => c.name ?? c.id), DECISION.participants?.[0]?.name ?? ''], page.locator('.decision-editor'));
    await page.locator('[data-cell="0,0"]').click();
    const evidence = page.locator('.evidence-panel');
    await check('the evidence of a cell', [DECISION.alternatives[0]?.name ?? '', DECISION.criteria[0]?.name ?? '', typed.title, DECISION.evidence?.[0]?.note ?? ''], evidence);

    // Cite an entry found by a payload word, with a typed note; rename a criterion.
    await evidence.getByRole('button', { name: 'Cite', exact: true }).click();
    const cite = page.getByRole('dialog');
    await cite.locator('input[type=search]').fill('pwned');
    await check('the citation search', [P(11)], cite.getByRole('listbox'));
    await cite.getByRole('option').filter({ hasText: P(11) }).first().click();
    await cite.getByLabel('Note').fill(typed.cite);
    await cite.getByRole('button', { name: 'Cite', exact: true }).click();
    await check('the typed citation', [P(11), typed.cite], evidence.locator('.evidence-list'));
    await page.getByLabel('Name of criterion 2').fill(typed.criterion);
    await page.getByRole('button', { name: 'Run 10,000 samples' }).click();
    await expect.poll(() => page.locator('.results-panel figure').count(), { timeout: 5000 }).toBeGreaterThan(1);
    await check('the results with SMAA', [DECISION.alternatives[0]?.name ?? '', typed.criterion], page.locator('.decision-editor'));
    await screenshot('inert-decision');

    // ---- Decisions: the CSV matrix, titled by its file's name -------------------------------------
    await decisionFile.setInputFiles({ name: DECISION_CSV_NAME, mimeType: 'text/csv', buffer: readFileSync(files.decisionCsv) });
    await expect.poll(() => page.getByLabel('Decision title').inputValue()).toBe(DECISION_CSV_TITLE);
    await check('the CSV decision', [...DECISION_CSV.alternatives.map((a) => a.name ?? a.id)], page.getByTestId('ranking'));
    await check('the CSV decision’s criteria', DECISION_CSV.criteria.map((c) => c.name ?? c.id), page.locator('.weights-panel'));
    await check('the decisions list', [DECISION_CSV_TITLE, DECISION.title ?? ''], page.locator('.maps-list'));

    // ---- A second tab with the CSP in force: the same screens, no violation -----------------------
    const strictOpened = await app.openAnother({ locale: 'en-US' });
    const strict = { ...strictOpened, ...(await arm(strictOpened, { csp: true })) };
    const strictCheck = (where: string, texts: readonly string[], scope?: Locator) => expectInert(strict, `${where} (CSP in force)`, texts, scope);
    await go(strict.page, `#/library/${IDS.bundleCase}`);
    await strictCheck('the bundle case', [typed.title, P(1), P(4), typed.note], strict.page.getByRole('article'));
    await go(strict.page, `#/library/${IDS.mdStrategy}`);
    await strictCheck('the Markdown entry', [P(9), P(10)], strict.page.getByRole('article'));
    await go(strict.page, `#/maps/${mermaidMapId}`);
    await strictCheck('the Mermaid map', [typed.concept, P(1), typed.live], strict.page.locator('.map-canvas'));
    await go(strict.page, `#/present/${presentationId}?session=${encodeURIComponent(sessionId)}&view=report`);
    await strictCheck('the workshop report', [typed.parked, typed.live], strict.page.locator('.report-body'));
    await go(strict.page, `#/decisions/${decisionId}`);
    await strict.page.locator('[data-cell="0,0"]').click();
    await strictCheck('the decision', [typed.cite, P(6)], strict.page.locator('.decision-editor'));

    // And in so many words, for the whole run:
    for (const t of [target, strict]) {
      const found = await inspectPage(t.page);
      expect(found.fired).toEqual([]);
      expect(found.injected).toEqual([]);
      expect(t.dialogs).toEqual([]);
      expect(t.foreignRequests).toEqual([]);
      expect(t.pageErrors).toEqual([]);
    }
    // Every payload went into the knowledge base.
    const bundleText = readFileSync(files.bundle, 'utf8');
    expect(PAYLOADS.filter((p) => !bundleText.includes(JSON.stringify(p).slice(1, -1)))).toEqual([]);
  });
});
