import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MapDocument } from '../../core/graph/model.ts';
import { ok } from '../helpers/workspace.ts';
import { useApp } from './support.ts';

const GPU = '图形处理器(GPU)';
const TPU = '张量处理单元(TPU)';
const COMPUTE = '计算资源';
const DATA = '数据管理';

const node = (page: Page, label: string) => page.locator(`.map-canvas .map-node[aria-label="${label}"]`);

/** What the audience sees now: the concepts drawn, and which of them are dimmed. */
async function shown(page: Page): Promise<{ all: string[]; dimmed: string[] }> {
  const all = await page.locator('.audience .map-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
  const dimmed = await page.locator('.audience .map-node.dim').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
  return { all: all.sort(), dimmed: dimmed.sort() };
}

/** Selects a concept in the editor, after fitting the map so it is on screen. */
async function selectConcept(page: Page, label: string): Promise<void> {
  await page.locator('.map-canvas').first().press('0');
  await page.waitForTimeout(450); // the fit animates
  await node(page, label).click();
}

describe('presenting a map to a room', () => {
  const app = useApp();

  it('authors three steps and a detour, presents them by keyboard in sync with the presenter view, captures the room and exports the report', async () => {
    const { page, context, screenshot } = await app.open({ locale: 'en-US', hash: '#/maps/infrastructure-concept-map' });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Presentations' }).click();
    await page.getByRole('button', { name: 'New presentation' }).click();
    const steps = page.locator('.step-list .step-select');

    // Step 1: only 计算资源.
    await selectConcept(page, COMPUTE);
    await page.getByRole('button', { name: '+ Add step' }).click();
    await page.getByRole('button', { name: 'Show only the selection' }).click();
    await page.getByRole('button', { name: 'Fit to what is shown' }).click();
    await page.locator('.step-editor').getByLabel('Title').fill('Compute');
    // Step 2: the GPU joins, highlighted.
    await selectConcept(page, GPU);
    await page.getByRole('button', { name: '+ Add step' }).click();
    await page.getByRole('button', { name: 'Fit to what is shown' }).click();
    // A detour from step 2 brings in 数据管理.
    await page.getByRole('button', { name: 'Add detour' }).click();
    await selectConcept(page, DATA);
    await page.getByRole('button', { name: 'Also show the selection' }).click();
    await page.getByRole('button', { name: 'Highlight the selection' }).click();
    await page.locator('.step-editor').getByLabel('Title').fill('Data');
    // Back on step 2: name the detour; then step 3 adds the TPU, with notes.
    await steps.filter({ hasText: GPU }).click();
    await page.getByLabel('Detour name').fill('Where data comes in');
    await selectConcept(page, TPU);
    await page.getByRole('button', { name: '+ Add step' }).click();
    await page.getByRole('button', { name: 'Fit to what is shown' }).click();
    await page.locator('.step-editor').getByLabel('Speaker notes').fill('Ask who uses TPUs.');
    await expect.poll(() => steps.allTextContents()).toEqual([
      expect.stringContaining('Compute'),
      expect.stringContaining(GPU),
      expect.stringContaining('Data'),
      expect.stringContaining(TPU),
    ]);
    await screenshot('present-authoring-en');

    // Present: the audience opens in a second window, this one becomes the presenter view.
    const opened = context.waitForEvent('page');
    await page.getByRole('button', { name: '▶ Present' }).click();
    await page.getByRole('menuitem', { name: 'Audience in a new window' }).click();
    const audience = await opened;
    await audience.setViewportSize({ width: 1280, height: 720 });
    await audience.locator('.audience').waitFor();
    await page.locator('.presenter').waitFor();
    const progress = () => audience.getByTestId('progress').textContent();
    const presenterProgress = () => page.getByTestId('presenter-progress').textContent();

    await expect.poll(() => shown(audience)).toEqual({ all: [COMPUTE], dimmed: [] });
    await audience.keyboard.press('ArrowRight');
    await expect.poll(() => shown(audience)).toEqual({ all: [GPU, COMPUTE].sort(), dimmed: [COMPUTE] });
    await expect.poll(presenterProgress).toBe('2 / 3');
    await audience.keyboard.press('d');
    await expect.poll(() => shown(audience)).toEqual({ all: [GPU, COMPUTE, DATA].sort(), dimmed: [GPU, COMPUTE].sort() });
    await expect.poll(progress).toContain('Where data comes in 1/1');
    await audience.keyboard.press('ArrowRight');
    await expect.poll(progress).toBe('2 / 3');
    await audience.keyboard.press('Space');
    await expect.poll(() => shown(audience)).toEqual({ all: [GPU, COMPUTE, TPU].sort(), dimmed: [GPU, COMPUTE].sort() });
    await expect.poll(() => page.locator('.presenter-notes').textContent()).toContain('Ask who uses TPUs.');
    await audience.waitForTimeout(900); // the camera's move
    await screenshot('present-audience-en', audience);

    // Either window drives the other: Home on the presenter, "2 Enter" on the audience.
    await page.keyboard.press('Home');
    await expect.poll(progress).toBe('1 / 3');
    await audience.keyboard.type('2');
    await audience.keyboard.press('Enter');
    await expect.poll(presenterProgress).toBe('2 / 3');
    // The spotlight follows a click, and goes out on the next.
    await audience.mouse.click(640, 360);
    await audience.locator('.spotlight').waitFor();
    await audience.mouse.click(640, 360);
    await expect.poll(() => audience.locator('.spotlight').count()).toBe(0);
    await audience.keyboard.press('b');
    await audience.getByTestId('black-screen').waitFor();
    await page.getByRole('button', { name: 'Show the map' }).waitFor();
    await page.getByRole('button', { name: 'Show the map' }).click();
    await expect.poll(() => audience.getByTestId('black-screen').count()).toBe(0);

    // The room: a concept added live, two voters, dots, a parked idea.
    const room = page.locator('.room-panel');
    await room.getByLabel('New concept').fill('液冷');
    await room.getByLabel('Related to').selectOption({ label: GPU });
    await room.getByLabel('Linking phrase').first().fill('needs');
    await room.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => shown(audience).then((s) => s.all)).toContain('液冷');
    for (const name of ['Ana', 'Bo']) {
      await room.getByLabel('Name').fill(name);
      await room.getByRole('button', { name: 'Add participant' }).click();
      await expect.poll(() => room.getByRole('button', { name: new RegExp(`^${name}`) }).getAttribute('aria-pressed')).toBe('true');
      const target = name === 'Ana' ? '液冷' : GPU;
      await page.locator(`.presenter-now .map-node[aria-label="${target}"]`).click();
      if (name === 'Ana') await page.locator(`.presenter-now .map-node[aria-label="${target}"]`).click();
    }
    await expect.poll(() => audience.locator('.audience .map-votes circle').count()).toBe(3);
    await room.getByLabel('An idea to come back to').fill('Power costs of liquid cooling');
    await room.getByRole('button', { name: 'Park' }).click();
    await room.getByRole('checkbox', { name: /Parking lot/ }).check();
    await expect.poll(() => audience.locator('.parking-lot').textContent()).toContain('Power costs of liquid cooling');
    await screenshot('present-presenter-en');
    await audience.waitForTimeout(900);
    await screenshot('present-audience-votes-en', audience);

    // The report, on screen and exported.
    await page.getByRole('button', { name: 'End session' }).click();
    const report = page.locator('.report-body');
    await expect.poll(() => report.textContent()).toContain('Propositions added');
    await expect.poll(() => report.textContent()).toContain(`${GPU} — needs → 液冷`);
    await expect.poll(() => report.textContent()).toContain('液冷: 2 dots (Ana 2)');
    await expect.poll(() => report.textContent()).toContain('Power costs of liquid cooling');
    const markdown = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const md = readFileSync((await (await markdown).path()) ?? '', 'utf8');
    expect(md).toContain(`- ${GPU} — needs → 液冷`);
    expect(md).toContain('### Step 2 · Where data comes in 1: Data');
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF handout' }).click();
    const pdfBytes = readFileSync((await (await pdf).path()) ?? '');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot('present-report-en');
  });

  it('shows the PDF handout’s progress under the report, and cancels it without a download or an error', async () => {
    const { page, harness, screenshot } = await app.open({ locale: 'en-US' });
    const router = harness.server.router;
    // The generated walkthrough: one picture per step, 18 of them, so the handout takes seconds.
    const { id: presentationId } = await ok<{ id: string }>(router, 'presentations.create', { mapId: 'infrastructure-concept-map', title: 'Walk', from: 'reveal' });
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    await ok(router, 'sessions.end', { id });
    await page.evaluate((hash) => (window.location.hash = hash), `#/present/${presentationId}?session=${id}&view=report`);
    await page.locator('.report-body').waitFor();
    const downloads: unknown[] = [];
    page.on('download', (download) => downloads.push(download));

    await page.getByRole('button', { name: 'Export PDF handout' }).click();
    const bar = page.getByRole('progressbar');
    await expect.poll(() => bar.getAttribute('aria-valuenow').then(Number)).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.report-job').textContent()).toMatch(/Drawing the handout… \d+%/);
    await screenshot('present-report-handout-progress-en');
    await page.locator('.report-bar').getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Handout cancelled.').waitFor();
    expect(await bar.count()).toBe(0);
    expect(await page.locator('.toast').count()).toBe(0);
    expect(downloads).toEqual([]);
    expect(await page.getByRole('button', { name: 'Export PDF handout' }).isEnabled()).toBe(true);
  });

  it('shows an ended session’s participants without a way to remove them, and words its report anew without fetching it again', async () => {
    const { page, harness } = await app.open({ locale: 'en-US' });
    const router = harness.server.router;
    const { id: presentationId } = await ok<{ id: string }>(router, 'presentations.create', { mapId: 'infrastructure-concept-map', title: 'Walk', from: 'reveal' });
    const { id } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    await ok(router, 'sessions.addParticipant', { id, name: 'Ana' });
    await ok(router, 'sessions.end', { id });

    await page.evaluate((hash) => (window.location.hash = hash), `#/present/${presentationId}?session=${id}&view=presenter`);
    const room = page.locator('.room-panel');
    await room.getByRole('button', { name: /^Ana/ }).waitFor();
    expect(await room.getByRole('button', { name: /^Remove Ana/ }).count()).toBe(0);

    await page.evaluate((hash) => (window.location.hash = hash), `#/present/${presentationId}?session=${id}&view=report`);
    const report = page.locator('.report-body');
    await expect.poll(() => report.textContent()).toContain('The map was not changed during the session.');
    const fetched: string[] = [];
    page.on('request', (request) => request.url().includes('sessions.report') && fetched.push(request.url()));
    await page.getByLabel('Report language').selectOption('zh');
    await expect.poll(() => report.textContent()).toContain('研讨会报告');
    expect(fetched).toEqual([]);
  });

  it('keeps presentations and votes when the workspace is reopened, and says when deleting a concept changes a step (中文)', async () => {
    const first = await app.open({ locale: 'zh-CN', hash: '#/maps/infrastructure-concept-map' });
    const dbPath = first.harness.server.context.workspace.info().path;
    const { page } = first;
    await page.getByRole('button', { name: '演示', exact: true }).click();
    await page.getByRole('button', { name: '逐个概念展开' }).click();
    await expect.poll(() => page.locator('.step-list .step-select').count()).toBe(18);

    // Rehearse in the projector view and look at it.
    await page.getByRole('button', { name: '排练' }).click();
    await page.locator('.audience').waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('progress').textContent()).toContain('6 / 18');
    await page.waitForTimeout(900); // the camera's move
    await first.screenshot('present-audience-zh');
    await page.keyboard.press('Escape');
    await page.locator('.map-editor').waitFor();

    // A session with a vote, through the same API the presenter view uses.
    const router = first.harness.server.router;
    const [{ id: presentationId } = { id: '' }] = await ok<{ id: string }[]>(router, 'presentations.list', {});
    const { id: sessionId } = await ok<{ id: string }>(router, 'sessions.start', { presentationId });
    const { participant } = await ok<{ participant: string }>(router, 'sessions.addParticipant', { id: sessionId, name: '李雷' });
    const { document } = await ok<{ document: MapDocument }>(router, 'maps.get', { id: 'infrastructure-concept-map' });
    await ok(router, 'sessions.vote', { id: sessionId, participant, concept: document.concepts.find((c) => c.label === GPU)?.id });
    await first.harness.close();

    // Reopened: the presentation, its session and the vote are there.
    const again = await app.open({ locale: 'zh-CN', hash: `#/present/${presentationId}?session=${sessionId}&view=presenter`, dbPath });
    await again.page.locator('.presenter').waitFor();
    await expect.poll(() => again.page.locator('.vote-totals').textContent()).toContain(GPU);
    await expect.poll(() => again.page.locator('.participants').textContent()).toContain('李雷');

    // Deleting a concept a step shows updates that step, and the editor says so.
    await again.page.goto(`${again.harness.pageUrl}#/maps/infrastructure-concept-map`);
    await again.page.getByRole('button', { name: '演示', exact: true }).click();
    await expect.poll(() => again.page.locator('.step-list .step-select').first().textContent()).toContain('显示 1 项');
    await node(again.page, COMPUTE).click();
    await again.page.keyboard.press('Delete');
    await expect.poll(() => again.page.locator('.toast').textContent()).toContain(`移除“${COMPUTE}”`);
    await expect.poll(() => again.page.locator('.step-list .step-select').first().textContent()).toContain('显示 0 项');
    await again.screenshot('present-pruned-zh');
  });
});
