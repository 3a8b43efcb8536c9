// The experience diet: every knob of what the learner is shown, and the default setting of each.
/** What the learner is shown: every knob of the "experience diet" is here, nothing is implicit. */
export interface ExperienceDiet {
  /** Relative frequency of each kind of moving object. */
  kinds: { box: number; ball: number; car: number };
  /** Moving objects per episode (inclusive range). */
  objects: [number, number];
  /** Platforms (tables, boxes) per episode (inclusive range). */
  platforms: [number, number];
  /** Share of objects that start on a platform (the rest start on the floor or in the air). */
  onPlatform: number;
  /** Share of objects held in the air and let go (drops). */
  drops: number;
  /** Share of objects thrown into the air. */
  tosses: number;
  /** Share of pushes aimed at the nearest edge (things falling off edges). */
  edgePushes: number;
  /** Share of episodes where two objects are pushed into each other. */
  collisions: number;
  /** Length of each episode in frames (1/60 s). */
  episodeFrames: number;
  /** How many frames of each episode the learner sees (fresh episodes teach more than long ones). */
  framesPerEpisode: number;
  /** Share of watched frames chosen where something changes its motion (falls, landings, pushes). */
  eventFocus: number;
  /** Share of episodes with a screen standing in front, hiding what passes behind it (absent: none;
   * with none, an episode draws exactly the random numbers it did before this knob existed). */
  occlusion?: number;
  /** Share of episodes watched mirrored left–right (0.5: the world as often as in the mirror).
   * Absent or 0: none, and the episodes' random numbers are exactly those drawn without this knob. */
  mirror?: number;
  /** Share of episodes whose first platform is a low step (DIET_RANGES['low-step-height']), so
   * things roll off it and drop a short way to the floor. Absent or 0: none, as before. */
  lowSteps?: number;
  /** Share of episodes with a lower shelf right beside the first platform, a short drop
   * (DIET_RANGES['shelf-drop']) below its top. Absent or 0: none, as before. */
  lowerShelves?: number;
  /** Share of objects on a platform set down straddling its edge (up to 3/4 of their width
   * beyond it) and left alone: those with their middle over the platform stay, the others tip off.
   * Absent or 0: none, as before. */
  edgeRests?: number;
  /** How far beyond the edge an edge rest may reach, as a share of the object's width (absent: 0.75,
   * so a third of them have their middle beyond and tip off; 0.95 reaches the support scenes' 75–85%
   * overhangs, about half tip off). Drawn from the same random number either way. */
  edgeRestReach?: number;
  /** Share of objects placed on a surface that are instead held a little above it (low-drop-height)
   * and let go: short falls and landings (absent: none, and no random numbers drawn for it). */
  lowDrops?: number;
  /** The hand that holds an object before letting it go is never seen, so an object it holds
   * through a whole step looks like one resting in mid-air. With this knob such a step teaches
   * nothing about that object (its change is unknown, like an object that leaves the view); the
   * step in which it is let go is kept: an object at rest in the air that starts to fall.
   * Absent or false: held steps are learned from as any other (no random numbers depend on it). */
  skipHeld?: boolean;
  /** Share of watched frames chosen where support changes: an object at rest vertically starts to
   * fall, or a falling one lands (`changesSupport`). Absent or 0: none, and no random numbers drawn. */
  supportFocus?: number;
  /** Share of watched frames chosen where an object at rest starts to tip over an edge (`startsToTip`:
   * slower than a fall, which supportFocus's rule misses). Absent or 0: none, and no random numbers drawn. */
  tipFocus?: number;
  /** Share of watched frames chosen where an object turns over an edge while partly supported
   * (`pivots`: the whole of a tip, not only its onset; drawn after tipFocus's coin). Absent or 0:
   * none, and no random numbers drawn. */
  pivotFocus?: number;
  /** Share of episodes of ball play instead (ballPlay.ts): frictionless balls that roll far, launch
   * one another, fly over one another, bounce off side walls, roll along thin shelves. Absent or 0: none. */
  ballPlay?: number;
  /** Every ball slides without friction, as the scenes' balls do (its friction is still drawn, then
   * set to 0, so the episodes are otherwise the same). Absent or false: balls have ball-friction. */
  frictionlessBalls?: boolean;
  /** Share of episodes in which an unseen hand carries a box (pushes it along a platform top or
   * lowers it onto it, the `carry` action of the support scenes) to an edge and lets go with
   * 5–45% (stays) or 55–95% (falls) of its width beyond it, each half the time (carries.ts).
   * Absent or 0: none, and no random numbers drawn for it. */
  carries?: number;
}

export const DEFAULT_DIET: ExperienceDiet = {
  kinds: { box: 1, ball: 0.6, car: 1 },
  objects: [1, 3],
  platforms: [1, 2],
  onPlatform: 0.6,
  drops: 0.2,
  tosses: 0.1,
  edgePushes: 0.7,
  collisions: 0.2,
  episodeFrames: 150,
  framesPerEpisode: 12,
  eventFocus: 0.6,
};
