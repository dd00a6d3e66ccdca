import text from '../../../templates/bao-cao-dan-van-kheo.txt';

/** The default report template (templates/bao-cao-dan-van-kheo.txt), bundled into both doors. */
export const DEFAULT_TEMPLATE: string = text;
