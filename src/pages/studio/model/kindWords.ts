// Plain words for each kind the studio offers, keyed by the registries' own kinds (VIOLATION_KINDS,
// TRIGGER_KINDS, ACTION_KINDS): a kind added there without words here does not compile.
import type { ActionSpec, TriggerSpec, ViolationType } from '../../../sim/spec';
import { VIOLATION_KINDS } from '../../../sim/violations';
import { TRIGGER_KINDS } from '../../../sim/triggers';
import { ACTION_KINDS } from '../../../sim/actions';

export const VIOLATION_WORDS: { readonly [K in ViolationType]: string } = {
  float: 'it stops falling: from the onset it floats on at its height, keeping its sideways motion',
  freeze: 'it stops dead where it is and hangs there',
  teleport: 'it jumps to another place (to) without crossing the space between',
  vanish: 'it disappears',
  appear: 'a body absent at the start (present: false) appears from nowhere',
  'pass-through': 'it passes through another body (other) as if that were not solid',
  reverse: 'it turns back by itself, its velocity reversed',
  deflect: 'it swerves by an angle (rad, counter-clockwise) with nothing to push it',
  resize: 'it changes size by a factor (scale)',
  reshape: 'it changes shape: becomes a box or a ball',
  transfer: 'another body (other) moves off with its motion before anything touches it; it keeps a share (keep)',
  'set-velocity': 'its velocity becomes the one given, with nothing to push it',
  'scale-velocity': 'its velocity is multiplied by the factors given, with nothing to push it',
  weightless: 'gravity stops acting on it: it goes on as it was going',
};

type TriggerType = TriggerSpec['on'];
export const TRIGGER_WORDS: { readonly [K in TriggerType]: string } = {
  time: 'at a set time (s)',
  'loses-support': 'when the body first loses its support (nothing under it any more)',
  'enters-occluder': 'when the body’s centre goes behind a screen',
  'leaves-occluder': 'when the body comes out from behind a screen it went behind',
  'reaches-x': 'when the body reaches a line across the world at x (m)',
  'comes-to-rest': 'when the body, having moved, comes to rest (slower than below m/s)',
  contact: 'when the body touches another body',
};

type ActionType = ActionSpec['type'];
export const ACTION_WORDS: { readonly [K in ActionType]: string } = {
  push: 'a hand (or an unseen impulse) gives the body a velocity at a time',
  carry: 'a hand holding the body carries it to a point over a duration',
  release: 'the hand holding the body lets go',
  drop: 'the hand lets go and the body starts with a velocity',
};

/** The kinds, in the registries' order. */
export const VIOLATION_CHOICES = Object.keys(VIOLATION_KINDS) as ViolationType[];
export const TRIGGER_CHOICES = Object.keys(TRIGGER_KINDS) as TriggerType[];
export const ACTION_CHOICES = Object.keys(ACTION_KINDS) as ActionType[];
