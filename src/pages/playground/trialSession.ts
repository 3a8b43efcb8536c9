// One trial on screen: the scene's Simulation, its twin without the magic (for the ideal observer),
// what a person did to them (an input log), and the recent past (a frame history with a cursor).
// Step back moves the cursor; changing the past re-simulates the log up to the cursor, exactly.
import { Simulation } from '../../sim/simulation';
import type { SimEvent, WorldSnapshot } from '../../sim/snapshot';
import type { Condition } from '../../sim/spec';
import type { ResolvedScene } from '../../scenes/resolve';
import { observe } from '../../predictor/observation';
import { DragHandle } from './dragHandle';
import { FrameHistory, type FrameRecord } from './frameHistory';
import { isolatedGlobals } from './isolatedGlobals';
import { before, type Input } from './inputLog';

type Unstamped = Input extends infer I ? (I extends Input ? Omit<I, 'frame'> : never) : never;

export class TrialSession {
  readonly resolved: ResolvedScene;
  readonly condition: Condition;
  readonly history = new FrameHistory();
  private sim!: Simulation;
  /** The twin runs only while the ideal observer is watching (it doubles the physics). */
  private twin: Simulation | null = null;
  private twinWanted = false;
  private drag!: DragHandle;
  private twinDrag: DragHandle | null = null;
  private log: Input[] = [];
  private pointer: { x: number; y: number } | null = null;
  private loggedPointer: { x: number; y: number } | null = null;
  private viewFrame = 0;
  /** Wall time of the last physics step of the scene and of its twin (ms); set by the caller's clock. */
  readonly lastCost = { physics: 0, twin: 0 };

  constructor(resolved: ResolvedScene, condition: Condition) {
    this.resolved = resolved;
    this.condition = condition;
    this.build();
    this.record();
  }

  /** The frame on screen (the cursor). */
  get frame(): number {
    return this.viewFrame;
  }
  /** The newest simulated frame. */
  get head(): number {
    return this.sim.frame;
  }
  get frames(): number {
    return this.resolved.world.frames;
  }
  get ended(): boolean {
    return this.viewFrame >= this.frames;
  }
  get viewing(): FrameRecord {
    return this.history.at(this.viewFrame)!;
  }
  get current(): WorldSnapshot {
    return this.viewing.snapshot;
  }
  /** The snapshot one frame before the cursor (for interpolation), or the current one. */
  get previous(): WorldSnapshot {
    return (this.history.at(this.viewFrame - 1) ?? this.viewing).snapshot;
  }
  /** The violation onset, once the cursor has reached it. */
  get onsetFrame(): number | null {
    const f = this.sim.onsetFrame;
    return f !== null && f <= this.viewFrame ? f : null;
  }
  get events(): readonly SimEvent[] {
    return this.sim.events;
  }
  get gravityEnabled(): boolean {
    return this.sim.gravityEnabled;
  }
  get simulation(): Simulation {
    return this.sim;
  }
  /** The id of the body being dragged, if any. */
  get dragging(): string | null {
    return this.drag.holding;
  }

  /** One frame forward: from the history when the cursor is in the past (returns 'replayed'),
   * else one new fixed step of both worlds ('stepped'); false at the end of the trial. */
  step(clock: () => number = () => 0): 'replayed' | 'stepped' | false {
    if (this.viewFrame < this.head) {
      this.viewFrame++;
      return 'replayed';
    }
    if (this.ended) return false;
    if (this.drag.holding && this.pointer && (this.pointer.x !== this.loggedPointer?.x || this.pointer.y !== this.loggedPointer?.y)) {
      this.input({ kind: 'drag', x: this.pointer.x, y: this.pointer.y });
      this.loggedPointer = { ...this.pointer };
    }
    const t0 = clock();
    this.sim.step();
    const t1 = clock();
    const twin = this.twin;
    if (twin) isolatedGlobals(() => twin.step());
    const t2 = clock();
    this.lastCost.physics = t1 - t0;
    this.lastCost.twin = t2 - t1;
    this.record();
    return 'stepped';
  }

  /** Moves the cursor within the history; returns the frame it landed on. */
  seek(frame: number): number {
    this.viewFrame = Math.max(this.history.first, Math.min(this.head, Math.round(frame)));
    return this.viewFrame;
  }

  /** Carries out a person's input at the cursor. If the cursor is in the past, the future is
   * dropped first and both worlds are re-simulated to the cursor; returns true when that happened. */
  input(i: Unstamped): boolean {
    const rewound = this.viewFrame < this.head;
    if (rewound) this.rewind(this.viewFrame);
    const stamped = { ...i, frame: this.head } as Input;
    this.log.push(stamped);
    this.apply(stamped);
    // Show the change at once (an added body appears while paused); observers saw the frame before it.
    this.viewing.snapshot = this.sim.snapshot();
    return rewound;
  }

  /** Where the pointer is while dragging (matter-js px); logged once per step. */
  pointerAt(x: number, y: number): void {
    this.pointer = { x, y };
  }

  /** Starts or stops the twin. Started mid-trial, it is re-simulated from frame 0 with the same
   * inputs (never the magic), and the frames still held get its observations. */
  setTwin(on: boolean): void {
    if (on === this.twinWanted) return;
    this.twinWanted = on;
    if (!on) {
      this.twin = null;
      this.twinDrag = null;
      return;
    }
    const twin = this.makeTwin();
    let k = 0;
    for (let f = 0; ; f++) {
      const record = this.history.at(f);
      if (record) record.twinObs = observe(twin.snapshot());
      while (k < this.log.length && this.log[k]!.frame === f) this.applyToTwin(this.log[k++]!);
      if (f >= this.head) break;
      isolatedGlobals(() => twin.step());
    }
  }

  private makeTwin(): Simulation {
    return isolatedGlobals(() => {
      const twin = new Simulation(this.resolved.world, 'possible');
      this.twin = twin;
      this.twinDrag = new DragHandle(twin);
      return twin;
    });
  }

  /** Back to frame 0 of the same scene, with no inputs. */
  reset(): void {
    this.log = [];
    this.history.clear();
    this.build();
    this.record();
  }

  private build(): void {
    this.sim = new Simulation(this.resolved.world, this.condition);
    this.drag = new DragHandle(this.sim);
    this.twin = null;
    this.twinDrag = null;
    if (this.twinWanted) this.makeTwin();
    this.pointer = null;
    this.loggedPointer = null;
    this.viewFrame = 0;
  }

  private rewind(frame: number): void {
    const keep = before(this.log, frame);
    this.build();
    this.log = keep;
    let k = 0;
    for (let f = 0; f < frame; f++) {
      while (k < keep.length && keep[k]!.frame === f) this.apply(keep[k++]!);
      this.sim.step();
      const twin = this.twin;
      if (twin) isolatedGlobals(() => twin.step());
    }
    this.history.truncateAfter(frame);
    this.viewFrame = frame;
  }

  private apply(i: Input): void {
    applyInput(this.sim, this.drag, i, false);
    this.applyToTwin(i);
  }

  private applyToTwin(i: Input): void {
    const twin = this.twin;
    const drag = this.twinDrag;
    if (!twin || !drag) return;
    try {
      isolatedGlobals(() => applyInput(twin, drag, i, true));
    } catch {
      // The twin may lack what the magic changed (e.g. a vanished body); it simply does not follow.
    }
  }

  private record(): void {
    const snapshot = this.sim.snapshot();
    const obs = observe(snapshot);
    this.history.truncateAfter(snapshot.frame - 1);
    this.history.push({ snapshot, obs, twinObs: this.twin ? observe(this.twin.snapshot()) : obs, surprise: new Map() });
    this.viewFrame = snapshot.frame;
  }
}

function applyInput(sim: Simulation, drag: DragHandle, i: Input, isTwin: boolean): void {
  switch (i.kind) {
    case 'push': sim.applyAction({ type: 'push', body: i.body, at: 0, vx: i.vx, vy: i.vy, by: 'impulse' }); break;
    case 'add': sim.addBody(structuredClone(i.spec)); break;
    case 'remove':
      if (drag.holding === i.body) drag.release();
      sim.removeBody(i.body);
      break;
    case 'gravity': sim.setGravityEnabled(i.on); break;
    case 'magic': if (!isTwin) sim.applyMagicNow(i.violation); break;
    case 'grab': drag.grab(i.body, i.pointB, i.x, i.y); break;
    case 'drag': drag.moveTo(i.x, i.y); break;
    case 'release': drag.release(); break;
  }
}
