/**
 * A report template as a .docx a clerk edits in Word: the text template's document model rendered by the
 * same writer as the reports, with its tags left as typed, so `generate --template` merges it back.
 */
import { parseTemplateText } from '../../core/document/template-text';
import { renderDocx } from '../docx-writer';

export async function templateToDocx(templateText: string): Promise<Buffer> {
  return renderDocx(parseTemplateText(templateText));
}
