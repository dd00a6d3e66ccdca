/**
 * HtmlService (REF html/html-service, html/html-output, html/html-template; guides/html/templates;
 * the Apps Script reference). Files are read from the folder given to the fake (the built dist/, where the
 * build copies src/apps-script/ui/*.html), by name without ".html".
 * Templates support the three scriptlets: <? code ?>, <?= printed, escaped ?> and <?!= printed raw ?>.
 * Names in scriptlets resolve to the template's own properties first, then to the script's globals
 * (`scope`, which load-bundle.ts points at the vm context so include() helpers work).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime, asGas, nameEnum } from './runtime';

type H = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = nameEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = nameEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

type OutputMethods = 'getContent' | 'setWidth' | 'setHeight' | 'setTitle' | 'getTitle';

export class FakeHtmlOutput implements Pick<H, OutputMethods> {
  width: number | null = null;
  height: number | null = null;
  title = '';
  constructor(
    private readonly rt: Runtime,
    public content: string,
    readonly source: string | null = null,
  ) {}
  private self(): H {
    return asGas(this);
  }
  getContent(): string {
    this.rt.hit('HtmlOutput', 'getContent');
    return this.content;
  }
  setWidth(width: number): H {
    this.rt.hit('HtmlOutput', 'setWidth');
    this.width = width;
    return this.self();
  }
  setHeight(height: number): H {
    this.rt.hit('HtmlOutput', 'setHeight');
    this.height = height;
    return this.self();
  }
  setTitle(title: string): H {
    this.rt.hit('HtmlOutput', 'setTitle');
    this.title = title;
    return this.self();
  }
  getTitle(): string {
    this.rt.hit('HtmlOutput', 'getTitle');
    return this.title;
  }
}

function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Compiles a template into JavaScript, as Apps Script does (HtmlTemplate.getCode shows the same). */
export function compileTemplate(source: string): string {
  const parts: string[] = ['var __out = "";'];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    if (m.index > last) parts.push(`__out += ${JSON.stringify(source.slice(last, m.index))};`);
    const code = m[2].trim();
    if (m[1] === '=') parts.push(`__out += __escape(${code});`);
    else if (m[1] === '!=') parts.push(`__out += String((${code}) ?? "");`);
    else parts.push(code);
    last = re.lastIndex;
  }
  if (last < source.length) parts.push(`__out += ${JSON.stringify(source.slice(last))};`);
  parts.push('return __out;');
  return parts.join('\n');
}

export class FakeHtmlTemplate implements Pick<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate'> {
  [name: string]: unknown;
  constructor(
    private readonly __rt: Runtime,
    private readonly __service: FakeHtmlService,
    private readonly __source: string,
    private readonly __file: string | null,
  ) {}
  evaluate(): H {
    this.__rt.hit('HtmlTemplate', 'evaluate');
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('__')) data[k] = this[k];
    // `with` resolves bare names against the template's data, then the script's globals.
    const fn = new Function('__data', '__scope', '__escape', `with (__scope) { with (__data) { ${compileTemplate(this.__source)} } }`);
    const html = fn(data, this.__service.scope, escapeHtml) as string;
    return asGas(new FakeHtmlOutput(this.__rt, html, this.__file));
  }
}

type ServiceMethods = 'createTemplateFromFile';

export class FakeHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceMethods | 'SandboxMode' | 'XFrameOptionsMode'> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  /** Globals visible to template scriptlets (load-bundle.ts sets the vm context). */
  scope: object = {};
  constructor(
    private readonly rt: Runtime,
    public filesDir: string,
  ) {}
  /** The file's text; "No HTML file named X was found." (text as commonly reported; unconfirmed). */
  private read(filename: string): string {
    const path = join(this.filesDir, `${filename}.html`);
    if (!existsSync(path)) throw this.rt.error(`No HTML file named ${filename} was found.`);
    return readFileSync(path, 'utf8');
  }
  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    this.rt.hit('HtmlService', 'createTemplateFromFile');
    return asGas(new FakeHtmlTemplate(this.rt, this, this.read(filename), filename));
  }
}
