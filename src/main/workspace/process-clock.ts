import { HybridClock } from '../../core/clock'

/** The one clock of this process: every operation it makes sorts after every one it made or read, in any workspace. */
export const processClock = new HybridClock()
