/**
 * The switches: every behaviour Google does not document that the product depends on, with both answers.
 * `true` is the optimistic answer (what the fakes assumed before), `false` the pessimistic one. The list,
 * what each answer means and what the product does under it, is docs/google-behaviours.md; the ids here
 * are the ones that page uses. Each switch has a contract case (src/apps-script/contract/) that reads Google's
 * live answer in the self-check; test/apps-script/contract.test.ts checks that it reads this switch's answer.
 *
 *   createGoogleWorld({ behaviours: { replaceAllKeepsPrivateUse: false } })
 *   createGoogleWorld({ behaviours: PESSIMISTIC })
 */

export interface GoogleBehaviours {
  /** (a) A Doc made by DocumentApp.create counts as created by the app for drive.file. */
  documentAppFilesAreAppFiles: boolean;
  /** (b) replaceAllText keeps Private Use Area characters of its replaceText. */
  replaceAllKeepsPrivateUse: boolean;
  /** (c) setValues stores strings as given (false: they are read as if typed, unless the cell is formatted '@'). */
  setValuesKeepsStrings: boolean;
  /** (d) The Sheet's time zone is the script's (false: the Sheet is in America/Los_Angeles). */
  sheetZoneIsScriptZone: boolean;
  /** (e) U+000B in replaceAllText's replaceText becomes a line break (false: it is dropped). */
  verticalTabIsLineBreak: boolean;
  /** (f) replaceAllText reaches headers and footers (false: the body only). */
  replaceAllReachesHeaders: boolean;
  /** (g) A leading apostrophe in setValues makes the rest text and is not stored (false: it is stored as a character). */
  apostropheMakesText: boolean;
  /** (h) Drive shares with an address that has no Google account without a notification e-mail (false: refused). */
  noAccountShareAllowed: boolean;
  /** (i) Every scope of the manifest was granted at consent (false: drive.file was left unticked). */
  allScopesGranted: boolean;
  /** (j) The account that made the template runs everything (false: a second clerk's account runs the later steps). */
  singleAccount: boolean;
  /**
   * (k) DocumentApp, reopening a Doc in the run that edited it through the Docs API, shows those edits, and
   * getAs renders them (false: for the rest of that run it shows, and renders, the Doc as it was before them).
   */
  documentAppSeesDocsApiEdits: boolean;
}

export type BehaviourId = keyof GoogleBehaviours;

export const OPTIMISTIC: GoogleBehaviours = {
  documentAppFilesAreAppFiles: true,
  replaceAllKeepsPrivateUse: true,
  setValuesKeepsStrings: true,
  sheetZoneIsScriptZone: true,
  verticalTabIsLineBreak: true,
  replaceAllReachesHeaders: true,
  apostropheMakesText: true,
  noAccountShareAllowed: true,
  allScopesGranted: true,
  singleAccount: true,
  documentAppSeesDocsApiEdits: true,
};

export const PESSIMISTIC: GoogleBehaviours = Object.fromEntries(Object.keys(OPTIMISTIC).map((k) => [k, false])) as unknown as GoogleBehaviours;

export const BEHAVIOUR_IDS = Object.keys(OPTIMISTIC) as BehaviourId[];

/** The Sheet's zone under the pessimistic answer of sheetZoneIsScriptZone: west of UTC, so a UTC midnight is the day before. */
export const OTHER_SHEET_ZONE = 'America/Los_Angeles';

/** The second clerk of singleAccount: false. */
export const SECOND_CLERK = 'canbo.vanphong@example.com';
