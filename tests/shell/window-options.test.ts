import { describe, expect, it } from 'vitest';
import { mainWindowOptions, presentationWindowOptions } from '../../electron/window-options.ts';

const windows = {
  'the main window': mainWindowOptions({ preload: '/app/build/electron/preload.cjs', backgroundColor: '#fff' }),
  'an audience window': presentationWindowOptions({ preload: '/app/build/electron/preload.cjs', bounds: null }),
};

describe.each(Object.entries(windows))('%s', (_name, options) => {

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

});

describe('window sizes', () => {
  it('opens the main window hidden until the first paint, at a usable desktop size', () => {
    expect(windows['the main window'].show).toBe(false);
    expect(windows['the main window'].minWidth).toBeGreaterThanOrEqual(900);
  });

  it('puts an audience window fullscreen on the chosen screen', () => {
    const options = presentationWindowOptions({ preload: '/p.cjs', bounds: { x: 1920, y: 0, width: 1280, height: 720 } });
    expect(options).toMatchObject({ fullscreen: true, x: 1920, y: 0, width: 1280, height: 720 });
  });
});
