/**
 * The Drive permissions of a report: who holds which role, and giving one person a role, through the Drive
 * advanced service v3, rate limits retried. Only `type: 'user'` permissions are ever created (never 'anyone'
 * or 'domain'), always with Google's notification e-mail: Drive may refuse an address without a Google
 * account otherwise (docs/google-behaviours.md, switch h).
 */
import { driveService } from './drive';
import { withBackoff } from './retry';
import type { RoleLabel } from './ui-data';

export type DriveRole = 'reader' | 'commenter' | 'writer';

export const DRIVE_ROLE: Record<RoleLabel, DriveRole> = { Xem: 'reader', 'Nhận xét': 'commenter', 'Chỉnh sửa': 'writer' };

/** Drive roles from least to most; a person at or above the wanted rank is already served. */
const ROLE_RANK: Record<string, number> = { reader: 1, commenter: 2, writer: 3, fileOrganizer: 4, organizer: 5, owner: 6 };

const DRIVE_ROLE_LABEL: Record<string, string> = { reader: 'Xem', commenter: 'Nhận xét', writer: 'Chỉnh sửa', fileOrganizer: 'Sắp xếp', organizer: 'Quản lý', owner: 'Chủ sở hữu' };

/** The role's name for the clerk. */
export function roleLabel(driveRole: string): string {
  return DRIVE_ROLE_LABEL[driveRole] ?? driveRole;
}

/** True when `held` is `wanted` or a higher role. */
export function covers(held: string | undefined, wanted: DriveRole): boolean {
  return Boolean(held) && (ROLE_RANK[held as string] ?? 0) >= ROLE_RANK[wanted];
}

/** Every permission of the file, by lower-cased e-mail: the best role each person holds. */
export function currentRoles(fileId: string): Map<string, string> {
  const roles = new Map<string, string>();
  let pageToken: string | undefined;
  do {
    const opts: Record<string, unknown> = { fields: 'nextPageToken,permissions(id,type,role,emailAddress)', pageSize: 100, supportsAllDrives: true };
    if (pageToken) opts.pageToken = pageToken;
    const page = withBackoff(() => driveService().Permissions.list(fileId, opts));
    for (const p of page.permissions ?? []) {
      const email = p.emailAddress?.toLowerCase();
      if (!email || !p.role) continue;
      const held = roles.get(email);
      if (!held || (ROLE_RANK[p.role] ?? 0) > (ROLE_RANK[held] ?? 0)) roles.set(email, p.role);
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return roles;
}

/** Gives `email` the role on the file, with Google's notification e-mail carrying `message` when there is one. */
export function grantRole(fileId: string, email: string, role: DriveRole, message = ''): void {
  const options: Record<string, unknown> = { sendNotificationEmail: true, supportsAllDrives: true };
  if (message) options.emailMessage = message;
  withBackoff(() => driveService().Permissions.create({ role, type: 'user', emailAddress: email }, fileId, options));
}
