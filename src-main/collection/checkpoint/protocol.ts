/** What the checkpoint thread is started with. */
export interface CheckpointWorkerData {
  path: string
  nativeBinding?: string
  /** How often it checkpoints (ms). */
  intervalMs: number
}

/** Reported after each checkpoint that copied pages back. */
export interface CheckpointProgress {
  log: number
  checkpointed: number
}

/** What it did, when it stops. */
export interface CheckpointSummary {
  checkpoints: number
  framesCopied: number
}
