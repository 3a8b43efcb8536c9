// The built-in free-play scene: a floor, a table and a few toys, no script and no magic of its
// own. Listed with the scene files; the palette, the pointer and the magic button do the rest.

export const SANDBOX_FILE = 'built-in/sandbox.json';

export const SANDBOX_SCENE_TEXT = JSON.stringify({
  format: 1,
  id: 'sandbox',
  title: 'Sandbox: a table and some toys',
  concept: 'free-play',
  description: 'Free play. Drag things with the mouse, flick them to push, add a box, a ball or a car, switch gravity off, or select a body and press the magic button. The observers watch everything you do.',
  study: { citation: 'No study: a place to try things out.' },
  world: { width: 8, height: 4, gravity: 9.81, substeps: 4 },
  duration: 600,
  bodies: [
    { id: 'floor', kind: 'ground', x: 4, y: 0.15, width: 8, height: 0.3 },
    { id: 'table', kind: 'platform', x: 2.2, y: 0.75, width: 2.4, height: 0.9 },
    { id: 'box', kind: 'box', x: 1.6, y: 1.4, width: 0.4, height: 0.4, color: '#3a86c8' },
    { id: 'car', kind: 'car', x: 2.6, y: 1.325, width: 0.5, height: 0.25, wheelRadius: 0.07, color: '#e4572e' },
    { id: 'ball', kind: 'ball', x: 5.6, y: 0.5, radius: 0.2, color: '#2a9d8f' },
  ],
});
