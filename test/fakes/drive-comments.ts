/**
 * Comments and replies on Drive files: the Drive advanced service v3 `Drive.Comments` and `Drive.Replies`.
 * Behaviour from the Drive API v3 reference (developers.google.com/drive/api/reference/rest/v3/comments,
 * …/replies, and the guide "Manage comments and replies"), call shapes from the DTS
 * (@types/google-apps-script apis/drive_v3.d.ts). Modeled on purpose:
 *
 * - Every comments and replies method requires the `fields` parameter; without it Drive answers 400
 *   "The 'fields' parameter is required for this method." (comments guide).
 * - list leaves deleted comments and replies out unless `includeDeleted` is true; pages of `pageSize`
 *   (default 20, at most 100) with a `nextPageToken`.
 * - A reply whose `action` is 'resolve' marks its comment resolved, 'reopen' opens it again (replies
 *   reference, "action").
 * - Authors carry a displayName; Drive does not give commenters' e-mail addresses here (the User schema's
 *   emailAddress "may not be present in certain contexts"), so the fake never returns one.
 * - Under drive.file, only files the app created are visible (404 "File not found: <id>."), as for Files.
 *
 * Reviewers' comments are added with `CommentStore.add` (no call counted): they come from other people, not
 * from the app.
 */
import { googleJsonError, pickFields, type DriveStore } from './drive';
import { Runtime, SCOPE, asGas } from './runtime';

type CommentSchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Comment;
type ReplySchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Reply;
type CommentsCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.CommentsCollection;
type RepliesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.RepliesCollection;

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
    private readonly collection: 'comments' | 'replies',
  ) {}
  protected enter(method: string, opts: Record<string, unknown> | undefined): void {
    const service = this.collection === 'comments' ? 'Drive.Comments' : 'Drive.Replies';
    this.rt.hit(service, method);
    this.rt.requireAuth(`${service}.${method}`, SCOPE.driveFile, SCOPE.drive);
    if (method !== 'remove' && !(typeof opts?.fields === 'string' && opts.fields.trim() !== '')) throw this.fail(method, FIELDS_REQUIRED, 400);
  }
  protected fail(method: string, message: string, code: number): Error {
    return googleJsonError(this.rt, `drive.${this.collection}.${method === 'remove' ? 'delete' : method}`, message, code);
  }
  protected comments(method: string, fileId: string): StoredComment[] {
    const f = this.store.drive.file(fileId);
    if (!f || !this.store.drive.driveCanSee(f)) throw this.fail(method, `File not found: ${fileId}.`, 404);
    return this.store.of(fileId);
  }
  protected comment(method: string, fileId: string, commentId: string): StoredComment {
    const c = this.comments(method, fileId).find((x) => x.id === commentId);
    if (!c) throw this.fail(method, `Comment not found: ${commentId}.`, 404); // text unconfirmed
    return c;
  }
  protected page<T>(items: T[], opts: Record<string, unknown> | undefined): { items: T[]; nextPageToken?: string } {
    const size = Math.min(100, Math.max(1, Number(opts?.pageSize ?? 20)));
    const start = Number(opts?.pageToken ?? 0) || 0;
    const items_ = items.slice(start, start + size);
    return start + size < items.length ? { items: items_, nextPageToken: String(start + size) } : { items: items_ };
  }
}

export class FakeDriveComments extends CommentsBase implements Pick<CommentsCollection, 'list' | 'get' | 'create'> {
  constructor(rt: Runtime, store: CommentStore) {
    super(rt, store, 'comments');
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

  get(fileId: string, commentId: string, optionalArgs?: Record<string, unknown>): CommentSchema {
    this.enter('get', optionalArgs);
    const c = this.comment('get', fileId, commentId);
    return asGas(pickFields(commentResource(c, optionalArgs?.includeDeleted === true), optionalArgs?.fields as string, []));
  }

  /** A comment by the user running the script (the self-check's scratch comment). */
  create(resource: CommentSchema, fileId: string, optionalArgs?: { fields: string }): CommentSchema {
    this.enter('create', optionalArgs);
    this.comments('create', fileId);
    if (!resource?.content) throw this.fail('create', 'Required parameter: content', 400); // text unconfirmed
    const c = this.store.add(fileId, { author: this.store.drive.ownerEmail, content: resource.content, quoted: resource.quotedFileContent?.value ?? '' });
    return asGas(pickFields(commentResource(c, false), optionalArgs?.fields, []));
  }
}

export class FakeDriveReplies extends CommentsBase implements Pick<RepliesCollection, 'list' | 'create'> {
  constructor(rt: Runtime, store: CommentStore) {
    super(rt, store, 'replies');
  }

  list(fileId: string, commentId: string, optionalArgs?: Record<string, unknown>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.ReplyList {
    this.enter('list', optionalArgs);
    const includeDeleted = optionalArgs?.includeDeleted === true;
    const all = this.comment('list', fileId, commentId).replies.filter((r) => includeDeleted || !r.deleted);
    const { items, nextPageToken } = this.page(all, optionalArgs);
    const whole: Record<string, unknown> = { kind: 'drive#replyList', replies: items.map(replyResource) };
    if (nextPageToken) whole.nextPageToken = nextPageToken;
    return asGas(pickFields(whole, optionalArgs?.fields as string, []));
  }

  /** A reply; action 'resolve' / 'reopen' changes the comment's resolved state. */
  create(resource: ReplySchema, fileId: string, commentId: string, optionalArgs?: { fields: string }): ReplySchema {
    this.enter('create', optionalArgs);
    const c = this.comment('create', fileId, commentId);
    const action = resource?.action as 'resolve' | 'reopen' | undefined;
    if (!resource?.content && !action) throw this.fail('create', 'Required parameter: content', 400); // text unconfirmed
    const at = this.store.now();
    const r: StoredReply = { id: this.store.newId('AAAR'), author: this.store.drive.ownerEmail, content: resource.content ?? '', createdTime: at, modifiedTime: at, action, deleted: false };
    c.replies.push(r);
    if (action === 'resolve') c.resolved = true;
    if (action === 'reopen') c.resolved = false;
    return asGas(pickFields(replyResource(r), optionalArgs?.fields, []));
  }
}
