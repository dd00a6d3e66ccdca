/**
 * Comments and replies on Drive files, as the product reads them: `Drive.Comments.list` of the Drive advanced
 * service v3, replies inside each comment (the product writes no comment or reply, so `Drive.Replies` is not faked).
 * Behaviour from the Drive API v3 reference (developers.google.com/drive/api/reference/rest/v3/comments,
 * …/replies, and the guide "Manage comments and replies"), call shapes from the DTS
 * (@types/google-apps-script apis/drive_v3.d.ts). Modeled on purpose:
 *
 * - Every comments method requires the `fields` parameter; without it Drive answers 400
 *   "The 'fields' parameter is required for this method." (comments guide).
 * - list leaves deleted comments out unless `includeDeleted` is true; pages of `pageSize`
 *   (default 20, at most 100) with a `nextPageToken`.
 * - A reply whose `action` is 'resolve' marks its comment resolved, 'reopen' opens it again (replies
 *   reference, "action"): reviewers' replies added with `CommentStore.add` carry it.
 * - Authors carry a displayName; Drive does not give commenters' e-mail addresses here (the User schema's
 *   emailAddress "may not be present in certain contexts"), so the fake never returns one.
 * - Under drive.file, only files the app created are visible (404 "File not found: <id>."), as for Files.
 *
 * Reviewers' comments are added with `CommentStore.add` (no call counted): they come from other people, not
 * from the app.
 */
import { googleJsonError, pickFields, type DriveStore } from './drive';
import { Runtime, SCOPE, asGas } from './runtime';

type CommentsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.CommentsCollection;

export interface StoredReply {
  id: string;
  author: string;
  content: string;
  createdTime: string;
  modifiedTime: string;
  action?: 'resolve' | 'reopen';
  deleted: boolean;
}

export interface StoredComment {
  id: string;
  author: string;
  content: string;
  /** The text of the document the comment is anchored to ('' for a comment on the whole file). */
  quoted: string;
  createdTime: string;
  modifiedTime: string;
  resolved: boolean;
  deleted: boolean;
  replies: StoredReply[];
}

export interface ReviewerComment {
  author: string;
  content: string;
  quoted?: string;
  resolved?: boolean;
  deleted?: boolean;
  /** When, as an ISO time; default the fake clock's now. */
  at?: string;
  replies?: { author: string; content: string; action?: 'resolve' | 'reopen'; deleted?: boolean; at?: string }[];
}

const FIELDS_REQUIRED = "The 'fields' parameter is required for this method.";

export class CommentStore {
  private readonly byFile = new Map<string, StoredComment[]>();
  private next = 0;

  constructor(
    private readonly rt: Runtime,
    readonly drive: DriveStore,
  ) {}

  of(fileId: string): StoredComment[] {
    let list = this.byFile.get(fileId);
    if (!list) {
      list = [];
      this.byFile.set(fileId, list);
    }
    return list;
  }

  newId(prefix: string): string {
    this.next += 1;
    return `${prefix}${String(this.next).padStart(6, '0')}`;
  }

  now(): string {
    return new Date(this.rt.clock.now()).toISOString();
  }

  /** Test helper: a reviewer comments on the file (and others reply), without counting a call. */
  add(fileId: string, c: ReviewerComment): StoredComment {
    if (!this.drive.file(fileId)) throw new Error(`fake: no Drive file ${fileId}`);
    const at = c.at ?? this.now();
    const comment: StoredComment = {
      id: this.newId('AAAB'),
      author: c.author,
      content: c.content,
      quoted: c.quoted ?? '',
      createdTime: at,
      modifiedTime: at,
      resolved: c.resolved ?? false,
      deleted: c.deleted ?? false,
      replies: [],
    };
    for (const r of c.replies ?? []) {
      const when = r.at ?? at;
      comment.replies.push({ id: this.newId('AAAR'), author: r.author, content: r.content, createdTime: when, modifiedTime: when, action: r.action, deleted: r.deleted ?? false });
      if (r.action === 'resolve') comment.resolved = true;
      if (r.action === 'reopen') comment.resolved = false;
    }
    this.of(fileId).push(comment);
    return comment;
  }
}

function user(name: string): Record<string, unknown> {
  return { kind: 'drive#user', displayName: name, me: false };
}

function replyResource(r: StoredReply): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#reply',
    id: r.id,
    createdTime: r.createdTime,
    modifiedTime: r.modifiedTime,
    author: user(r.author),
    deleted: r.deleted,
    content: r.deleted ? '' : r.content,
    htmlContent: r.deleted ? '' : r.content,
  };
  if (r.action) out.action = r.action;
  return out;
}

function commentResource(c: StoredComment, includeDeleted: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#comment',
    id: c.id,
    createdTime: c.createdTime,
    modifiedTime: c.modifiedTime,
    author: user(c.author),
    deleted: c.deleted,
    resolved: c.resolved,
    content: c.deleted ? '' : c.content,
    htmlContent: c.deleted ? '' : c.content,
    replies: c.replies.filter((r) => includeDeleted || !r.deleted).map(replyResource),
  };
  if (c.quoted) out.quotedFileContent = { mimeType: 'text/html', value: c.quoted };
  return out;
}

class CommentsBase {
  constructor(
    protected readonly rt: Runtime,
    protected readonly store: CommentStore,
  ) {}
  protected enter(method: string, opts: Record<string, unknown> | undefined): void {
    const service = 'Drive.Comments';
    this.rt.hit(service, method);
    this.rt.requireAuth(`${service}.${method}`, SCOPE.driveFile, SCOPE.drive);
    if (method !== 'remove' && !(typeof opts?.fields === 'string' && opts.fields.trim() !== '')) throw this.fail(method, FIELDS_REQUIRED, 400);
  }
  protected fail(method: string, message: string, code: number): Error {
    return googleJsonError(this.rt, `drive.comments.${method}`, message, code);
  }
  protected comments(method: string, fileId: string): StoredComment[] {
    const f = this.store.drive.file(fileId);
    if (!f || !this.store.drive.driveCanSee(f)) throw this.fail(method, `File not found: ${fileId}.`, 404);
    return this.store.of(fileId);
  }
  protected page<T>(items: T[], opts: Record<string, unknown> | undefined): { items: T[]; nextPageToken?: string } {
    const size = Math.min(100, Math.max(1, Number(opts?.pageSize ?? 20)));
    const start = Number(opts?.pageToken ?? 0) || 0;
    const items_ = items.slice(start, start + size);
    return start + size < items.length ? { items: items_, nextPageToken: String(start + size) } : { items: items_ };
  }
}

export class FakeDriveComments extends CommentsBase implements Pick<CommentsCollection, 'list'> {
  constructor(rt: Runtime, store: CommentStore) {
    super(rt, store);
  }

  /** Drive.Comments.list(fileId, {fields, pageSize, pageToken, includeDeleted}). */
  list(fileId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.CommentList {
    this.enter('list', optionalArgs);
    const includeDeleted = optionalArgs?.includeDeleted === true;
    const all = this.comments('list', fileId).filter((c) => includeDeleted || !c.deleted);
    const { items, nextPageToken } = this.page(all, optionalArgs);
    const whole: Record<string, unknown> = { kind: 'drive#commentList', comments: items.map((c) => commentResource(c, includeDeleted)) };
    if (nextPageToken) whole.nextPageToken = nextPageToken;
    return asGas(pickFields(whole, optionalArgs?.fields as string, []));
  }
}
