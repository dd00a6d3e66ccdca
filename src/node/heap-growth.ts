/**
 * How far Node's heap may grow past what is live before its next full collection, for `generate`.
 *
 * V8 chooses the next full-collection threshold after each one as the live heap times a factor it
 * picks, up to 4, from how fast collection is against the program; on a busy machine (the collector runs
 * beside the program) it picks a large one. The merge keeps 110 to 160 MB live but replaces paragraphs
 * round after round, so with the factor V8 picks the heap fills up with replaced runs until several
 * times the live size (a report with every list at 10 000 rows peaked at 450 to 640 MB). A fixed
 * factor of 1,1 makes V8 collect as soon as a tenth more than the live heap is used: that report then
 * peaks near 330 MB (25 % gave about the same, with a run now and then near 400 MB) for no more CPU
 * time than the noise between runs. It is not a cap: the threshold still follows the live heap, so a
 * larger report gets a larger heap, never an out-of-memory error this would cause.
 *
 * It is set when `generate` starts, not when the merge does: V8 fixes the next threshold at each full
 * collection, so a factor set after reading took effect only after the merge's first stretch, which then
 * grew under the threshold reading had left (on an idle machine three runs of the same report peaked at
 * 388, 474 and 574 MB; set at the start, 313 to 323 MB in four, the sample's time unchanged).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 10;

/** Sets the factor for the rest of this process (V8 reads it at every full collection). */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
