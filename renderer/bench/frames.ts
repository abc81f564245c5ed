/**
 * What both bench pages share: how a frame is timed and where the camera goes, so the two pages
 * do the same thing frame by frame. Cameras are in map coordinates: the point at the centre of
 * the viewport and the scale.
 */

export interface View {
  cx: number;
  cy: number;
  k: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Frames run (unmeasured) before each measurement, so the step's code is warm. */
export const WARMUP_FRAMES = 10;
/** The scale at which labels are read: panning and dragging happen here. */
export const READING_SCALE = 1;
/** How far the zoom goes in from the whole-map view. */
export const ZOOM_MAX = 2;
/** Pan: the camera sweeps a figure of eight of this half-width (map units at scale 1). */
const PAN_RADIUS = 700;
/** Drag: the concept circles its place with this radius, one turn per this many frames. */
const DRAG_RADIUS = 80;
const DRAG_TURN = 60;

/**
 * Runs `step(i)` once per frame for `warmup + frames` frames and returns the `frames` intervals
 * between the requestAnimationFrame timestamps of the measured frames.
 *
 * Each step runs in a task posted from the previous frame's rAF callback, i.e. between frames,
 * where the browser delivers input: a pointer or wheel event moves the camera, the canvas asks for
 * an animation frame and draws in the next one. (Calling the step inside the rAF callback instead
 * would push the canvas's own requestAnimationFrame to the frame after, so only every other frame
 * would draw, and Chromium paces frames without damage at 60 Hz, which would hide the cost.)
 */
export function measureFrames(frames: number, step: (i: number) => void, warmup = WARMUP_FRAMES): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const stamps: number[] = [];
    const channel = new MessageChannel();
    let i = 0;
    const finish = (error?: unknown) => {
      channel.port1.close();
      if (error === undefined) resolve(stamps.slice(1).map((t, j) => t - (stamps[j] ?? t)));
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    channel.port1.onmessage = () => {
      try {
        step(i++);
      } catch (error) {
        finish(error);
      }
    };
    const tick = (now: number) => {
      if (i >= warmup) stamps.push(now);
      if (i < warmup + frames) {
        requestAnimationFrame(tick);
        channel.port2.postMessage(null);
      } else finish();
    };
    requestAnimationFrame(tick);
  });
}

/** The scale MapCanvas's fit() picks for this box in this viewport. */
export function fitScale(box: Box, width: number, height: number): number {
  return Math.min(1.6, 0.92 * Math.min(width / Math.max(box.width, 1), height / Math.max(box.height, 1)));
}

export function centreOf(box: Box): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Pan: at reading scale, a figure of eight around the centre of the map, about 35 px a frame. */
export function panView(i: number, frames: number, centre: { x: number; y: number }): View {
  const t = ((i % frames) / frames) * 2 * Math.PI;
  return { cx: centre.x + PAN_RADIUS * Math.sin(t), cy: centre.y + (PAN_RADIUS / 2) * Math.sin(2 * t), k: READING_SCALE };
}

/** Zoom: from the whole map in to ZOOM_MAX and back out, geometrically, about the map's centre. */
export function zoomView(i: number, frames: number, centre: { x: number; y: number }, fit: number): View {
  const phase = (i % frames) / frames;
  const s = phase < 0.5 ? phase * 2 : 2 - phase * 2;
  const from = Math.min(fit, ZOOM_MAX / 4);
  return { cx: centre.x, cy: centre.y, k: from * (ZOOM_MAX / from) ** s };
}

/** Drag: where the dragged concept is on frame i, circling its place. */
export function dragPosition(i: number, origin: { x: number; y: number }): { x: number; y: number } {
  const t = (i / DRAG_TURN) * 2 * Math.PI;
  return { x: origin.x + DRAG_RADIUS * Math.cos(t) - DRAG_RADIUS, y: origin.y + DRAG_RADIUS * Math.sin(t) };
}

/** The concept nearest the centre of the map: the one dragged, with the camera on it. */
export function nearest<T extends { x: number; y: number }>(items: Iterable<T>, at: { x: number; y: number }): T | undefined {
  let best: T | undefined;
  let distance = Infinity;
  for (const item of items) {
    const d = (item.x - at.x) ** 2 + (item.y - at.y) ** 2;
    if (d < distance) {
      distance = d;
      best = item;
    }
  }
  return best;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Fonts for every character the map shows, in the weights it uses, before anything is timed. */
export async function loadFonts(texts: Iterable<string>): Promise<void> {
  const chars = new Set<string>();
  for (const text of texts) for (const c of text) chars.add(c);
  const sample = [...chars].join('');
  await Promise.all(['400', '500', '600'].map((weight) => document.fonts.load(`${weight} 14px "Noto Sans SC"`, sample)));
  await document.fonts.ready;
}

export function nextFrames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (--count <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
}
