// Trains the interaction network on a stream of fresh experience, with a replay of past frames,
// and hands out checkpoints at chosen experience marks (the loop itself is the Trainer's).
import { Trainer, type CheckpointEvent, type ProgressEvent, type TrainOptions } from './trainer';

export { Trainer, trainSettings, type CheckpointEvent, type ProgressEvent, type TrainOptions, type TrainSettings, type TrainerPhase } from './trainer';
export { batchLoss, collectExperience, disposeBatch, evaluateLoss, makeBatch, type TensorBatch } from './trainingBatch';

/** The training loop. Deterministic for a seed: episodes, sampling and noise use seeded generators. */
export async function train(options: TrainOptions, onCheckpoint: (e: CheckpointEvent) => void | Promise<void>,
  onProgress?: (e: ProgressEvent) => void, shouldStop?: () => boolean): Promise<void> {
  const trainer = new Trainer(options);
  try {
    const emit = async (): Promise<void> => {
      for (const mark of trainer.takeMarks()) await onCheckpoint(trainer.checkpointEvent(mark));
    };
    await emit();
    while (!trainer.done) {
      if (shouldStop?.()) break;
      trainer.runChunk();
      onProgress?.({ experienceFrames: trainer.experienceFrames, totalFrames: trainer.settings.frames, trainLoss: trainer.recentLoss, gradientSteps: trainer.gradientSteps });
      await emit();
    }
  } finally {
    trainer.dispose();
  }
}
