/**
 * The district's summary report as a Google Doc, made the way a commune's report is: the roll-up template
 * (a Doc the app built from the kind's roll-up template, recorded in «Cài đặt») is copied with Drive and
 * never opened for writing, and the copy is merged through the Google Docs port with the ONE merge
 * algorithm. A template problem trashes the copy and says where the problem stands.
 */
import { parseTemplateText } from '../core/document/template-text';
import type { Rollup } from '../core/rollup/rollup';
import { rollupMergeData } from '../core/rollup/merge-data';
import { merge } from '../core/template/merge';
import { buildTemplateDoc } from '../apps-script/doc-builder';
import { createDocsPort } from '../apps-script/docs-port';
import { copyFile, createFolder, trashFile } from '../apps-script/drive';
import { readSettings, writeSettings } from '../apps-script/settings';
import { DISTRICT_MSG as M } from './messages';

export interface DistrictReport {
  id: string;
  name: string;
  url: string;
}

export function makeDistrictReport(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rollup: Rollup, shared: Record<string, string>, templateText: string, when: Date): DistrictReport {
  const zone = ss.getSpreadsheetTimeZone();
  let settings = readSettings(ss);
  if (!settings.templateId) {
    const folderId = settings.folderId || createFolder(M.folderName(ss.getName()));
    const built = buildTemplateDoc(parseTemplateText(templateText), M.templateName, folderId);
    writeSettings(ss, { templateId: built.id, templateUrl: built.url, folderId });
    settings = { ...settings, templateId: built.id, templateUrl: built.url, folderId };
  }
  const [d, m, y] = Utilities.formatDate(when, zone, 'd-M-yyyy').split('-');
  const data = rollupMergeData(rollup, shared, `${d}/${m}/${y}`);
  const name = M.reportName(Utilities.formatDate(when, zone, 'yyyy-MM-dd HH:mm'));
  const copy = copyFile(settings.templateId, name, settings.folderId || undefined);
  try {
    const port = createDocsPort(DocumentApp.openById(copy.id));
    const problems = merge(port, data);
    if (problems.length > 0) {
      trashFile(copy.id);
      throw new Error([M.docTemplateProblems(problems.length), ...problems.map((p) => `${p.location}: ${p.message}`)].join('\n'));
    }
    port.flush();
  } catch (e) {
    try {
      trashFile(copy.id);
    } catch {
      // already trashed, or Drive refuses: the first error is the one to report
    }
    throw e;
  }
  return { id: copy.id, name, url: copy.url };
}
