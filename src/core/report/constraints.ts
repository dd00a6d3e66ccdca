/** Relations between figures the reader enforces: one entry per rule, with the clerk's message. */
export type Constraint =
  | { kind: 'partOfWhole'; part: string; whole: string; message: string }
  | { kind: 'dateOrder'; part: string; whole: string; severity: 'error' | 'warning'; message: string };

export const REPORT_CONSTRAINTS: Constraint[] = [
  { kind: 'partOfWhole', part: 'don_giai_quyet', whole: 'don_tiep_nhan', message: 'Số đơn đã giải quyết lớn hơn số đơn tiếp nhận: số giải quyết phải nhỏ hơn hoặc bằng số tiếp nhận.' },
  { kind: 'partOfWhole', part: 'dien_tich_rung', whole: 'dien_tich_tu_nhien', message: 'Diện tích rừng lớn hơn tổng diện tích tự nhiên của xã (trang «Tự nhiên»): phải nhỏ hơn hoặc bằng.' },
  { kind: 'partOfWhole', part: 'so_thon_van_hoa', whole: 'so_thon', message: 'Số thôn văn hóa lớn hơn tổng số thôn: phải nhỏ hơn hoặc bằng.' },
  { kind: 'partOfWhole', part: 'so_truong_dat_chuan', whole: 'so_truong', message: 'Số trường đạt chuẩn lớn hơn tổng số trường: phải nhỏ hơn hoặc bằng.' },
  { kind: 'partOfWhole', part: 'gia_tri_lam_nghiep', whole: 'tong_gia_tri_nong_nghiep', message: 'Giá trị lâm nghiệp lớn hơn tổng giá trị sản xuất nông nghiệp: phải nhỏ hơn hoặc bằng.' },
  { kind: 'partOfWhole', part: 'gia_tri_tmdv', whole: 'tong_gia_tri_san_xuat', message: 'Giá trị thương mại - dịch vụ lớn hơn tổng giá trị sản xuất toàn xã: phải nhỏ hơn hoặc bằng.' },
  { kind: 'dateOrder', part: 'ky_tu_ngay', whole: 'ky_den_ngay', severity: 'error', message: 'Kỳ báo cáo bắt đầu sau ngày kết thúc: «từ ngày» phải trước «đến ngày».' },
  { kind: 'dateOrder', part: 'ky_den_ngay', whole: 'ngay_bao_cao', severity: 'warning', message: 'Kỳ báo cáo kết thúc sau ngày báo cáo: kiểm tra lại ngày.' },
];
