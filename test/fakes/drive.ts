/**
 * The in-memory Drive (shared with DocumentApp and the Docs fake) and the Drive advanced service v3.
 * Behaviour from the Drive API v3 reference (developers.google.com/drive/api/reference/rest/v3/files,
 * …/permissions), the DTS (@types/google-apps-script apis/drive_v3.d.ts) for call shapes, and
 * the Apps Script reference. Errors are GoogleJsonResponseException-style:
 * "API call to drive.files.<method> failed with error: <message>" (GF).
 *
 * Modeled on purpose:
 * - Default response fields: files come back with kind, id, name, mimeType only unless `fields` asks
 *   for more (Drive v3 reference, "fields" parameter); `fields: '*'` gives everything.
 * - drive.file scope: without the full drive scope only files the app created for the running account
 *   are visible; others give 404 "File not found: <id>." (docs/google-behaviours.md: second account).
 * - Permissions for an address without a Google account need a notification e-mail (Drive API error
 *   text quoted publicly). A world lists the Google accounts it knows with `googleAccounts`.
 */
import { DocModel } from './document';
import { CommentStore, FakeDriveComments } from './drive-comments';
import { SECOND_CLERK } from './behaviours';
import { Runtime, SCOPE, asGas } from './runtime';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type PermissionSchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type PermissionsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection;

export const MIME = {
  doc: 'application/vnd.google-apps.document',
  sheet: 'application/vnd.google-apps.spreadsheet',
  folder: 'application/vnd.google-apps.folder',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  text: 'text/plain',
  html: 'text/html',
} as const;

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  description?: string;
  createdTime: string;
  modifiedTime: string;
  /** Bytes of a non-Google file, as a string. */
  content?: string;
  /** The document behind a Google Doc. */
  doc?: DocModel;
  permissions: PermissionSchema[];
  /** Created by this app, so visible under the drive.file scope, for the account in `createdFor` only. */
  appCreated: boolean;
  /** The account the app created it for (drive.file is per user: docs/google-behaviours.md, second account). */
  createdFor: string;
  /** The account whose Drive holds it. */
  owner: string;
}

export interface Notification {
  fileId: string;
  emailAddress: string;
  role: string;
  emailMessage?: string;
}

/** A GoogleJsonResponseException as the advanced services throw it (name and message; `details` unconfirmed). */
export function googleJsonError(rt: Runtime, api: string, message: string, code = 400): Error {
  const e = rt.error(`API call to ${api} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  (e as Error & { details?: unknown }).details = { code, message };
  return e;
}

interface BlobLike {
  getDataAsString(): string;
  getContentType(): string | null;
  getName?(): string | null;
}

export class DriveStore {
  readonly files = new Map<string, DriveFile>();
  readonly notifications: Notification[] = [];
  /** When set, only these addresses have Google accounts; others need a notification e-mail to be shared with. */
  googleAccounts: Set<string> | null = null;

  constructor(
    readonly rt: Runtime,
    readonly ownerEmail: string,
  ) {}

  /**
   * Whether Drive treats the address as a Google account: the `googleAccounts` list when a world gives one;
   * otherwise every address, unless noAccountShareAllowed is pessimistic, when only the world's clerks have one.
   */
  hasGoogleAccount(email: string): boolean {
    const e = email.toLowerCase();
    if (this.googleAccounts) return this.googleAccounts.has(e);
    return this.rt.behaviours.noAccountShareAllowed || [this.ownerEmail, SECOND_CLERK].some((x) => x.toLowerCase() === e);
  }

  file(id: string): DriveFile | undefined {
    return this.files.get(id);
  }

  private stamp(): string {
    return new Date(this.rt.clock.now()).toISOString();
  }

  /** Test helper and shared path for every creation: no call is counted. Owned by the running account. */
  add(init: Partial<DriveFile> & { name: string; mimeType: string }, idPrefix = '1file'): DriveFile {
    const id = init.id ?? this.rt.newId(idPrefix);
    const now = this.stamp();
    const owner = init.owner ?? this.rt.user;
    const f: DriveFile = {
      id,
      parents: ['root'],
      trashed: false,
      createdTime: now,
      modifiedTime: now,
      appCreated: true,
      createdFor: this.rt.user,
      ...init,
      owner,
      permissions: init.permissions ?? [{ kind: 'drive#permission', id: `owner-${id.slice(-6)}`, type: 'user', role: 'owner', emailAddress: owner }],
    };
    this.files.set(id, f);
    return f;
  }

  createDoc(name: string, parents: string[], appCreated = true): DriveFile {
    const id = this.rt.newId('1doc');
    const f = this.add({ id, name, mimeType: MIME.doc, parents, appCreated });
    f.doc = new DocModel(this.rt, id);
    return f;
  }

  /** Test helper: a folder. */
  addFolder(name: string, opts: { parents?: string[]; appCreated?: boolean } = {}): DriveFile {
    return this.add({ name, mimeType: MIME.folder, parents: opts.parents ?? ['root'], appCreated: opts.appCreated ?? true }, '1fold');
  }

  /** Test helper: a Google Doc with paragraphs of text (body only). */
  addDoc(name: string, paragraphs: string[] = [''], opts: { parents?: string[]; appCreated?: boolean } = {}): DriveFile {
    const f = this.createDoc(name, opts.parents ?? ['root'], opts.appCreated ?? true);
    fillDoc(f.doc!, paragraphs);
    return f;
  }

  /** Whether the Drive advanced service sees the file for the running account (full drive, or drive.file and app-made for it). */
  driveCanSee(f: DriveFile): boolean {
    return this.rt.scopes.has(SCOPE.drive) || (f.appCreated && f.createdFor === this.rt.user && this.rt.scopes.has(SCOPE.driveFile));
  }

  /** Whether the running account can open the file at all (DocumentApp, documents scope): its own or shared with it. */
  userCanOpen(f: DriveFile): boolean {
    const me = this.rt.user.toLowerCase();
    return f.owner.toLowerCase() === me || f.permissions.some((p) => p.emailAddress?.toLowerCase() === me || p.type === 'anyone');
  }

  children(folderId: string): DriveFile[] {
    return [...this.files.values()].filter((f) => f.parents.includes(folderId));
  }
}

function fillDoc(model: DocModel, paragraphs: string[]): void {
  const body = model.body;
  const lines = paragraphs.length > 0 ? paragraphs : [''];
  body.children[0].texts()[0].text = lines[0];
  body.children[0].texts()[0].attrs = Array.from({ length: lines[0].length }, () => ({}));
  for (const line of lines.slice(1)) {
    const p = body.children[0].deepCopy();
    p.texts()[0].text = line;
    p.texts()[0].attrs = Array.from({ length: line.length }, () => ({}));
    p.parent = body;
    body.children.push(p);
  }
  model.dirty = false;
}

/** Picks the requested fields of a resource: "id,name", "files(id,name),nextPageToken", "*". */
export function pickFields(obj: Record<string, unknown>, fields: string | undefined, defaults: readonly string[]): Record<string, unknown> {
  if (fields === '*') return { ...obj };
  const list = fields ? splitFields(fields) : defaults.map((d) => ({ name: d, sub: undefined }));
  const out: Record<string, unknown> = {};
  for (const { name, sub } of list) {
    if (!(name in obj)) continue;
    const v = obj[name];
    if (sub !== undefined && Array.isArray(v)) out[name] = v.map((x) => pickFields(x as Record<string, unknown>, sub, []));
    else if (sub !== undefined && v !== null && typeof v === 'object') out[name] = pickFields(v as Record<string, unknown>, sub, []);
    else out[name] = v;
  }
  return out;
}

function splitFields(fields: string): { name: string; sub?: string }[] {
  const out: { name: string; sub?: string }[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of `${fields},`) {
    if (ch === ',' && depth === 0) {
      const m = /^\s*([\w.]+)\s*(?:\((.*)\))?\s*$/.exec(cur);
      if (m) out.push({ name: m[1], sub: m[2] });
      cur = '';
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    cur += ch;
  }
  return out;
}

const FILE_DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const PERMISSION_DEFAULT_FIELDS = ['kind', 'id', 'type', 'role', 'emailAddress'];

type FilesMethods = 'copy' | 'create' | 'get' | 'update';
type PermissionsMethods = 'create' | 'list';

class Base {
  constructor(
    protected readonly rt: Runtime,
    protected readonly store: DriveStore,
    private readonly collection: 'files' | 'permissions',
  ) {}
  protected api(method: string): string {
    return `drive.${this.collection}.${method === 'remove' ? 'delete' : method}`;
  }
  protected enter(method: string): void {
    const service = this.collection === 'files' ? 'Drive.Files' : 'Drive.Permissions';
    this.rt.hit(service, method);
    this.rt.requireAuth(`${service}.${method}`, SCOPE.driveFile, SCOPE.drive);
  }
  protected fail(method: string, message: string, code: number): Error {
    return googleJsonError(this.rt, this.api(method), message, code);
  }
  /** The file, if it exists and this scope may see it; else 404 "File not found: <id>." (facts §3, unconfirmed). */
  protected visible(method: string, id: string): DriveFile {
    const f = this.store.file(id);
    if (!f || !this.store.driveCanSee(f)) throw this.fail(method, `File not found: ${id}.`, 404);
    return f;
  }
  protected fileResource(f: DriveFile): Record<string, unknown> {
    const kind = f.mimeType === MIME.doc ? 'document' : f.mimeType === MIME.sheet ? 'spreadsheets' : null;
    return {
      kind: 'drive#file',
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      parents: [...f.parents],
      trashed: f.trashed,
      description: f.description,
      createdTime: f.createdTime,
      modifiedTime: f.modifiedTime,
      webViewLink: kind ? `https://docs.google.com/${kind}/d/${f.id}/edit?usp=drivesdk` : `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`,
      owners: [{ kind: 'drive#user', emailAddress: f.owner, me: f.owner === this.rt.user }],
      size: f.content !== undefined ? String(f.content.length) : undefined,
    };
  }
  protected out(f: DriveFile, opts?: Record<string, unknown>): Schema {
    return asGas(pickFields(this.fileResource(f), opts?.fields as string | undefined, FILE_DEFAULT_FIELDS));
  }
}

export class FakeDriveFiles extends Base implements Pick<FilesCollection, FilesMethods> {
  constructor(rt: Runtime, store: DriveStore) {
    super(rt, store, 'files');
  }
  private parentsOf(method: string, parents: string[] | undefined, fallback: string[]): string[] {
    const list = parents && parents.length > 0 ? parents : fallback;
    for (const p of list) if (p !== 'root') this.visible(method, p);
    return [...list];
  }

  /** Drive.Files.copy(resource, fileId[, opts]): a Google Doc is copied deeply (its own document model). */
  copy(resource: Schema, fileId: string, optionalArgs?: Record<string, unknown>): Schema {
    this.enter('copy');
    const src = this.visible('copy', fileId);
    if (src.mimeType === MIME.folder) throw this.fail('copy', 'This file cannot be copied by the user.', 403); // text unconfirmed
    const id = this.rt.newId(src.doc ? '1doc' : '1file');
    const f = this.store.add({
      id,
      name: resource?.name ?? `Copy of ${src.name}`,
      mimeType: src.mimeType,
      parents: this.parentsOf('copy', resource?.parents, src.parents),
      description: resource?.description ?? src.description,
      content: src.content,
      appCreated: true,
    });
    if (src.doc) f.doc = src.doc.clone(id);
    return this.out(f, optionalArgs);
  }

  /** Drive.Files.create(resource[, blob[, opts]]); a Google Doc from a text/plain or text/html blob is converted. */
  create(resource: Schema, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): Schema {
    this.enter('create');
    const blob = mediaData as unknown as BlobLike | undefined;
    const mimeType = resource?.mimeType ?? blob?.getContentType() ?? 'application/octet-stream';
    const name = resource?.name ?? blob?.getName?.() ?? 'Untitled';
    const parents = this.parentsOf('create', resource?.parents, ['root']);
    if (mimeType === MIME.doc) {
      const f = this.store.createDoc(name, parents);
      if (blob) fillDoc(f.doc!, importAsParagraphs(blob));
      return this.out(f, optionalArgs);
    }
    const f = this.store.add({ name, mimeType, parents, description: resource?.description, content: blob?.getDataAsString() });
    return this.out(f, optionalArgs);
  }

  /** Metadata, or with {alt:'media'} the content as a string; Google files must be exported instead (Drive v3 reference). */
  get(fileId: string): Schema;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): Schema;
  get(fileId: string, optionalArgs?: Record<string, unknown>): Schema | string {
    this.enter('get');
    const f = this.visible('get', fileId);
    if (optionalArgs?.alt === 'media') {
      if (f.mimeType.startsWith('application/vnd.google-apps.')) {
        throw this.fail('get', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 403);
      }
      return f.content ?? '';
    }
    return this.out(f, optionalArgs);
  }

  /** Patch semantics; parents move only with addParents/removeParents (Drive v3 reference). */
  update(resource: Schema, fileId: string, mediaData?: GoogleAppsScript.Base.Blob | null, optionalArgs?: Record<string, unknown>): Schema {
    this.enter('update');
    const f = this.visible('update', fileId);
    if (resource?.parents !== undefined) {
      throw this.fail('update', 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.', 403);
    }
    if (resource?.name !== undefined) f.name = resource.name;
    if (resource?.description !== undefined) f.description = resource.description;
    if (resource?.trashed !== undefined) f.trashed = Boolean(resource.trashed);
    const add = String(optionalArgs?.addParents ?? '').split(',').filter(Boolean);
    const remove = String(optionalArgs?.removeParents ?? '').split(',').filter(Boolean);
    for (const p of add) if (p !== 'root') this.visible('update', p);
    f.parents = [...f.parents.filter((p) => !remove.includes(p)), ...add.filter((p) => !f.parents.includes(p))];
    const blob = mediaData as unknown as BlobLike | null | undefined;
    if (blob) {
      if (f.doc) fillDoc(f.doc, importAsParagraphs(blob));
      else f.content = blob.getDataAsString();
    }
    f.modifiedTime = new Date(this.rt.clock.now()).toISOString();
    return this.out(f, optionalArgs);
  }
}

export class FakeDrivePermissions extends Base implements Pick<PermissionsCollection, PermissionsMethods> {
  private next = 0;
  constructor(rt: Runtime, store: DriveStore) {
    super(rt, store, 'permissions');
  }
  /** Drive.Permissions.create(resource, fileId, {sendNotificationEmail, emailMessage}); same address again updates the role. */
  create(resource: PermissionSchema, fileId: string, optionalArgs?: Record<string, unknown>): PermissionSchema {
    this.enter('create');
    const f = this.visible('create', fileId);
    const role = resource?.role ?? '';
    const type = resource?.type ?? '';
    if (!['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'].includes(role)) {
      throw this.fail('create', `Invalid permission role: ${role}.`, 400); // text unconfirmed
    }
    if (!['user', 'group', 'domain', 'anyone'].includes(type)) throw this.fail('create', `Invalid permission type: ${type}.`, 400); // text unconfirmed
    const email = resource?.emailAddress?.trim();
    if ((type === 'user' || type === 'group') && (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) {
      throw this.fail('create', `Invalid email address: ${email ?? ''}.`, 400); // text unconfirmed
    }
    const notify = optionalArgs?.sendNotificationEmail !== false && (type === 'user' || type === 'group');
    if (email && !notify && !this.store.hasGoogleAccount(email)) {
      throw this.fail(
        'create',
        `Bad Request. User message: "You are trying to invite ${email}. Since there is no Google account associated with this email address, you must check the "Notify people" box to invite this recipient."`,
        400,
      );
    }
    let p = f.permissions.find((x) => x.emailAddress?.toLowerCase() === email?.toLowerCase() && x.type === type);
    if (p && p.role !== 'owner') p.role = role;
    else if (!p) {
      p = { kind: 'drive#permission', id: `perm${String(++this.next).padStart(5, '0')}`, type, role, emailAddress: email };
      f.permissions.push(p);
    }
    if (notify && email) this.store.notifications.push({ fileId, emailAddress: email, role, emailMessage: optionalArgs?.emailMessage as string | undefined });
    return asGas(pickFields({ ...p }, optionalArgs?.fields as string | undefined, PERMISSION_DEFAULT_FIELDS));
  }
  /** {permissions: [...]} including the owner (Drive v3 reference, permissions.list). */
  list(fileId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    this.enter('list');
    const f = this.visible('list', fileId);
    const perms = f.permissions.map((p) => pickFields({ ...p }, undefined, PERMISSION_DEFAULT_FIELDS));
    const all = { kind: 'drive#permissionList', permissions: perms };
    const fields = optionalArgs?.fields as string | undefined;
    return asGas(fields ? pickFields({ ...all, permissions: f.permissions.map((p) => ({ ...p })) }, fields, []) : all);
  }
}

/** The `Drive` global (advanced service v3) plus test hooks. */
export class FakeDrive implements Pick<GoogleAppsScript.Drive, 'Files' | 'Permissions' | 'Comments'> {
  readonly Files: FilesCollection;
  readonly Permissions: PermissionsCollection;
  readonly Comments: GoogleAppsScript.Drive_v3.Drive.V3.Collection.CommentsCollection;
  readonly files: FakeDriveFiles;
  readonly permissions: FakeDrivePermissions;
  /** Reviewers' comments per file; `comments.add(fileId, {...})` in tests. */
  readonly comments: CommentStore;
  constructor(
    private readonly rt: Runtime,
    readonly store: DriveStore,
  ) {
    this.files = new FakeDriveFiles(rt, store);
    this.permissions = new FakeDrivePermissions(rt, store);
    this.comments = new CommentStore(rt, store);
    this.Files = asGas(this.files);
    this.Permissions = asGas(this.permissions);
    this.Comments = asGas(new FakeDriveComments(rt, this.comments));
  }
  /**
   * The next call(s) of `method` ('Files.copy', 'Permissions.create', ...) throw. A string becomes the
   * GoogleJsonResponseException Apps Script raises ("API call to drive.files.copy failed with error: …").
   */
  failNext(method: string, error: string | Error, opts: { code?: number; times?: number } = {}): void {
    const [collection, m] = method.split('.');
    const api = `drive.${collection.toLowerCase()}.${m}`;
    const err = typeof error === 'string' ? googleJsonError(this.rt, api, error, opts.code ?? 400) : error;
    this.rt.calls.failNext(`Drive.${method}`, err, opts.times ?? 1);
  }
}

/** A text/plain blob becomes one paragraph per line; text/html one per <p>/<h*>/<br>; others are not modeled. */
function importAsParagraphs(blob: BlobLike): string[] {
  const type = blob.getContentType() ?? '';
  const data = blob.getDataAsString();
  if (type.startsWith(MIME.text)) return data.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (type.startsWith(MIME.html)) {
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(data)?.[1] ?? data;
    return body
      .split(/<\/(?:p|h[1-6]|div|li)>|<br\s*\/?>/i)
      .map((s) => s.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim())
      .filter((s, i, a) => s !== '' || i < a.length - 1);
  }
  throw new Error(`fake: converting ${type} to a Google Doc is not modeled (only text/plain and text/html)`);
}
