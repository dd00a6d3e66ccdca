/** What the district's Google door says, in one place. */
export const DISTRICT_MENU_TITLE = 'Tổng hợp huyện';

/** The district's menu: caption and the top-level function it calls (exported from main.ts). */
export const DISTRICT_MENU: readonly { caption: string; handler: string }[] = [
  { caption: 'Thiết lập bảng tổng hợp', handler: 'setupDistrict' },
  { caption: 'Tổng hợp các xã', handler: 'rollUpCommunes' },
];

export const DISTRICT_TABS = {
  communes: 'Danh sách xã',
  comparison: 'Tổng hợp',
  issues: 'Lỗi của các xã',
  working: 'Tổng hợp (đang chạy)',
  log: 'Nhật ký',
} as const;

export const COMMUNES_HEADER = ['STT', 'Tên xã', 'Liên kết bảng tính của xã', 'Ghi chú'];

export const DISTRICT_MSG = {
  title: 'Tổng hợp các xã',
  toastTitle: 'Tổng hợp huyện',
  setupDone: (created: boolean) =>
    created
      ? 'Đã thêm trang «Danh sách xã». Ghi tên từng xã và dán liên kết bảng tính báo cáo của xã (xã cần chia sẻ bảng tính cho tài khoản này, quyền Xem), rồi chọn «Tổng hợp».'
      : 'Trang «Danh sách xã» đã có; không thay đổi gì.',
  kindChosen: (name: string) => `Loại báo cáo các xã dùng: «${name}» (đổi ở dòng «Loại báo cáo» của trang «Cài đặt»; mọi xã trong danh sách cần báo cáo cùng một loại).`,
  noCommunesTab: 'Chưa có trang «Danh sách xã». Chọn «Thiết lập bảng tổng hợp» trước.',
  noCommunes: 'Trang «Danh sách xã» chưa có xã nào có liên kết bảng tính.',
  badLink: (cell: string, text: string) => `Danh sách xã!${cell}: «${text}» không phải liên kết tới một Google Trang tính (cần dạng https://docs.google.com/spreadsheets/d/…).`,
  duplicateLink: (cell: string, first: string) => `Danh sách xã!${cell}: bảng tính này đã có ở ô ${first}; mỗi xã chỉ ghi một lần.`,
  listProblems: (n: number) => `Chưa tổng hợp: có ${n} ô cần sửa ở trang «Danh sách xã».`,
  busy: 'Một lần tổng hợp khác đang chạy trên bảng tính này. Vui lòng đợi rồi thử lại.',
  reading: (done: number, total: number) => `Đang đọc bảng tính các xã: ${done}/${total}…`,
  cannotRead: (reason: string) => `Không đọc được bảng tính của xã: ${reason}`,
  continuing: (done: number, total: number) =>
    `Đã đọc ${done}/${total} xã và lưu lại. Phần còn lại sẽ tự chạy tiếp sau khoảng 1 phút (không cần bấm gì; có thể đóng bảng tính). Kết quả sẽ ghi vào trang «Tổng hợp» và «Nhật ký».`,
  alreadyRunning: (done: number, total: number) => `Lần tổng hợp trước đang chạy tiếp (${done}/${total} xã). Kết quả sẽ ghi vào trang «Tổng hợp» khi xong.`,
  done: (included: number, total: number, errors: number) =>
    `Đã tổng hợp ${total} xã vào trang «Tổng hợp»: ${included} xã được tính vào tổng` + (errors ? `, ${errors} xã có lỗi (xem trang «Lỗi của các xã»).` : '.'),
  docDone: (name: string, url: string) => `Báo cáo tổng hợp: «${name}»\n${url}`,
  docFailed: (reason: string) => `Chưa tạo được báo cáo tổng hợp: ${reason}. Số liệu tổng hợp vẫn ở trang «Tổng hợp».`,
  docTemplateProblems: (n: number) => `Mẫu báo cáo tổng hợp có ${n} chỗ cần sửa; chưa tạo báo cáo (bản sao đã được bỏ vào thùng rác).`,
  templateName: 'Mẫu báo cáo tổng hợp',
  noRollupTemplate: (kind: string) => `loại báo cáo «${kind}» chưa có mẫu báo cáo tổng hợp (rollup-template.txt)`,
  folderName: (sheet: string) => `Báo cáo tổng hợp - ${sheet}`,
  reportName: (when: string) => `Báo cáo tổng hợp - ${when}`,
  logAction: 'Tổng hợp',
  logContinue: 'Tạm dừng, tự chạy tiếp',
  logOk: 'Thành công',
  logFailed: 'Lỗi',
  serviceMissing: 'Dịch vụ nâng cao «Google Sheets API» chưa được bật trong dự án Apps Script của huyện.',
  stateLost: 'Không tìm thấy phần đã đọc của lần tổng hợp trước (trang «Tổng hợp (đang chạy)» bị xóa). Chọn «Tổng hợp» để làm lại từ đầu.',
} as const;
