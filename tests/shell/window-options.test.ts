import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../electron/window-options.ts';

describe('the main window', () => {
  const options = mainWindowOptions({ preload: '/app/build/electron/preload.cjs', backgroundColor: '#fff' });

  it('isolates and sandboxes the page, without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the preload it is given and nothing else', () => {
    expect(options.webPreferences?.preload).toBe('/app/build/electron/preload.cjs');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('opens hidden until the first paint, at a usable desktop size', () => {
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(900);
  });
});
