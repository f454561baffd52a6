import { setFlagsFromString } from 'node:v8'

/**
 * Keeps main's garbage-collection pauses short. Building a big imported article in main (50,000 blocks) fills V8's young
 * generation with objects that all survive, and with its default 16 MB semi-spaces each scavenge then copies ~8 MB at
 * once: 20–25 ms with the loop held, enough to push a timer past 50 ms on a 2-core machine. With 2 MB semi-spaces the same
 * work is done in pauses of a few ms. Process-wide (the import worker gets it too, and parses ~10 % slower); set once, as
 * main starts, before the heap has grown.
 */
export function keepGcPausesShort(): void {
  setFlagsFromString('--max-semi-space-size=2')
}
