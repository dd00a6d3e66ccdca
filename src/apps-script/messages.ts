/** What the Google door says to the clerk, in one place. */
export const MSG = {
  busy: 'Một người khác đang tạo hoặc chia sẻ báo cáo trên bảng tính này. Vui lòng đợi một chút rồi thử lại.',
  setupDone: (created: string[], kept: string[]) =>
    [
      created.length ? `Đã thêm ${created.length} trang: ${created.join(', ')}.` : 'Không cần thêm trang nào.',
      kept.length ? `Giữ nguyên ${kept.length} trang đã có (không ghi đè số liệu): ${kept.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  askSample: 'Điền số liệu mẫu (báo cáo Dân vận khéo xã Phổ Phong 2020-2023) vào các trang mới để dùng thử?\n\nChọn «Không» để tạo trang trống. Trang đã có số liệu không bao giờ bị ghi đè.',
  checkTitle: 'Kiểm tra số liệu',
  checkClean: 'Số liệu hợp lệ: không có lỗi, không có cảnh báo.',
  indicatorsTitle: 'Tính các chỉ tiêu',
  indicatorsDone: (n: number, tab: string, errors: number) =>
    `Đã ghi ${n} chỉ tiêu vào trang «${tab}».` + (errors ? `\n\nCòn ${errors} lỗi số liệu: các chỉ tiêu phụ thuộc vào ô lỗi chưa được tính. Chọn «Kiểm tra số liệu» để xem.` : ''),
  reading: 'Đang đọc số liệu…',
  computing: 'Đang tính các chỉ tiêu…',
  toastTitle: 'Báo cáo',
} as const;

/** Names of the tabs the product itself keeps (never input tabs). */
export const TABS = {
  indicators: 'Chỉ tiêu',
  settings: 'Cài đặt',
  log: 'Nhật ký',
} as const;
