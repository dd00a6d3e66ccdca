import type { SampleData } from '../core/workbook/layout';
import sampleJson from '../../templates/so-lieu-mau.json';

/** The reference report's input figures (templates/so-lieu-mau.json), bundled into the CLI. */
export const SAMPLE: SampleData = sampleJson as unknown as SampleData;
