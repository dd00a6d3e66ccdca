/**
 * The "Báo cáo" menu, kept in one place: the caption a clerk sees (Vietnamese) and the name of the
 * top-level function Apps Script calls. Every handler named here must be exported from main.ts so that
 * the build generates its top-level wrapper; test/apps-script/bundle.test.ts checks that against the
 * built dist/Code.js.
 */

export const MENU_TITLE = 'Báo cáo';

export type MenuHandlerName =
  | 'setupWorkbook'
  | 'checkFigures'
  | 'computeIndicators'
  | 'createDefaultTemplate'
  | 'generateReport'
  | 'shareReport'
  | 'showComments'
  | 'selfCheck';

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly handler: MenuHandlerName }
  | { readonly kind: 'separator' };

const item = (caption: string, handler: MenuHandlerName): MenuEntry => ({ kind: 'item', caption, handler });
const separator: MenuEntry = { kind: 'separator' };

export const MENU_ENTRIES: readonly MenuEntry[] = [
  item('Thiết lập bảng tính', 'setupWorkbook'),
  item('Kiểm tra số liệu', 'checkFigures'),
  item('Tính các chỉ tiêu', 'computeIndicators'),
  separator,
  item('Tạo mẫu báo cáo mặc định', 'createDefaultTemplate'),
  item('Tạo báo cáo', 'generateReport'),
  item('Chia sẻ cho nơi nhận', 'shareReport'),
  item('Xem góp ý', 'showComments'),
  separator,
  item('Tự kiểm tra kết nối Google', 'selfCheck'),
];

/** The handler names of the menu, in menu order. */
export function menuHandlerNames(): MenuHandlerName[] {
  return MENU_ENTRIES.flatMap((e) => (e.kind === 'item' ? [e.handler] : []));
}
