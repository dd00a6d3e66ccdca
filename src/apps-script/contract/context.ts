/**
 * The scratch world one run of the contract list works in: Google Docs and folders the app creates in the
 * deployer's Drive, and one scratch tab of this Sheet. Everything is made on demand and recorded, so the
 * clean-up trashes every file and deletes the tab whatever happened; the clerk's own tabs and files are
 * never touched. Drive and Docs calls go through the product's retry (retry.ts), as every Google call does.
 */
import { createFolder, createGoogleDoc, docsService, driveService, trashFile } from '../drive';
import { googleReason } from '../google-errors';
import { SELF_CHECK_MSG as M } from '../messages';
import { withBackoff } from '../retry';

/** A Drive advanced-service call, rate limits retried. */
export function drive<T>(call: (d: GoogleAppsScript.Drive) => T): T {
  return withBackoff(() => call(driveService()));
}

/** A Docs advanced-service call, rate limits retried. */
export function docs<T>(call: (d: GoogleAppsScript.Docs) => T): T {
  return withBackoff(() => call(docsService()));
}

export interface ContractContext {
  /** The run's time stamp, part of every scratch name. */
  readonly stamp: string;
  /** The scratch folder the app creates (once per run). */
  folder(): string;
  /** Another scratch folder. */
  newFolder(): string;
  /** A Google Doc the app creates (Drive.Files.create) in the scratch folder, its body holding `lines`; open in DocumentApp. */
  newDoc(lines: readonly string[]): GoogleAppsScript.Document.Document;
  /** The same Doc saved and closed, for the Docs and Drive APIs to read: its id. */
  savedDoc(lines: readonly string[]): string;
  /** Records a file a case made another way (a copy), so that the clean-up trashes it; returns the id. */
  keep(fileId: string): string;
  /** The scratch tab before any case wrote to it (throws once cells were handed out). */
  freshTab(): GoogleAppsScript.Spreadsheet.Sheet;
  /** `rows` × `cols` cells of the scratch tab that no other case uses. */
  cells(rows: number, cols: number): GoogleAppsScript.Spreadsheet.Range;
}

export interface CleanUpResult {
  ok: boolean;
  detail: string;
}

export class Scratch implements ContractContext {
  private readonly files: string[] = [];
  private readonly folders: string[] = [];
  private scratchFolder: string | null = null;
  private tab: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  private nextRow = 1;

  constructor(readonly stamp: string) {}

  folder(): string {
    if (!this.scratchFolder) this.scratchFolder = this.newFolder();
    return this.scratchFolder;
  }

  newFolder(): string {
    const id = createFolder(M.scratchFolder(this.stamp));
    this.folders.push(id);
    return id;
  }

  newDoc(lines: readonly string[]): GoogleAppsScript.Document.Document {
    // Drive.Files.create, never DocumentApp.create (docs/google-behaviours.md, switch a).
    const id = this.keep(createGoogleDoc(M.scratchName(this.stamp), this.folder()).id);
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    body.getParagraphs()[0].setText(lines[0] ?? '');
    for (const line of lines.slice(1)) body.appendParagraph(line);
    return doc;
  }

  savedDoc(lines: readonly string[]): string {
    const doc = this.newDoc(lines);
    const id = doc.getId();
    doc.saveAndClose();
    return id;
  }

  keep(fileId: string): string {
    this.files.push(fileId);
    return fileId;
  }

  private sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    if (!this.tab) {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const active = ss.getActiveSheet();
      this.tab = ss.insertSheet(M.scratchTab(this.stamp.replace(/:/g, '.'))); // plain characters in a tab name
      ss.setActiveSheet(active); // insertSheet activates the new tab; the clerk stays where they were
    }
    return this.tab;
  }

  freshTab(): GoogleAppsScript.Spreadsheet.Sheet {
    if (this.nextRow !== 1) throw new Error('contract: freshTab after cells were handed out');
    return this.sheet();
  }

  cells(rows: number, cols: number): GoogleAppsScript.Spreadsheet.Range {
    const range = this.sheet().getRange(this.nextRow, 1, rows, cols);
    this.nextRow += rows + 1;
    return range;
  }

  /** Trashes every scratch file (files before folders) and deletes the tab; each failure is named, none stops the others. */
  cleanUp(): CleanUpResult {
    const problems: string[] = [];
    let trashed = 0;
    for (const id of [...this.files, ...this.folders]) {
      try {
        trashFile(id);
        trashed++;
      } catch (e) {
        problems.push(`${id} (${googleReason(e)})`);
      }
    }
    let tabDeleted = false;
    if (this.tab) {
      try {
        SpreadsheetApp.getActiveSpreadsheet().deleteSheet(this.tab);
        tabDeleted = true;
      } catch (e) {
        problems.push(`${this.tab.getName()} (${googleReason(e)})`);
      }
    }
    if (problems.length > 0) return { ok: false, detail: M.cleanupFailed(problems.join('; ')) };
    return { ok: true, detail: M.cleaned(trashed, tabDeleted) };
  }
}
