import type { IndicatorDef } from './types';

/**
 * Every figure the report states that can be derived from others. Keys are what templates use:
 * {{chi_so.KEY}} for the value with its unit, {{cau.KEY}} for the ready phrase.
 */
export const INDICATORS: IndicatorDef[] = [
  { kind: 'periodYears', key: 'so_nam_ky_bao_cao', label: 'Số năm của kỳ báo cáo', decimals: 2 },

  // Area and forestry
  { kind: 'ratio', key: 'ty_le_che_phu_rung', label: 'Tỷ lệ che phủ rừng', part: 'dien_tich_rung', whole: 'dien_tich_tu_nhien', decimals: 2 },
  { kind: 'crossCheck', key: 'doi_chieu_che_phu_rung', label: 'Tỷ lệ che phủ rừng', entered: 'ty_le_che_phu_rung_da_bao_cao', computed: 'ty_le_che_phu_rung', tolerance: 0.5, decimals: 2 },

  // Agriculture
  { kind: 'rowProduct', key: 'san_luong', label: 'Sản lượng bình quân hằng năm', list: 'cay_trong', a: 'dien_tich', b: 'nang_suat', rowKey: 'ten', unit: 'tấn', factor: 0.1, decimals: 2 },
  { kind: 'perHeadPerYear', key: 'luong_thuc_binh_quan_dau_nguoi', label: 'Bình quân lương thực đầu người', total: 'tong_san_luong_luong_thuc', population: 'dan_so', factor: 1000, unit: 'kg/người/năm', decimals: 0 },
  { kind: 'changePercent', key: 'tang_gia_tri_1ha', label: 'Giá trị sản xuất trên 1 ha so với năm gốc', from: 'gia_tri_1ha_nam_goc', to: 'gia_tri_1ha', decimals: 1 },
  { kind: 'ratio', key: 'ty_trong_lam_nghiep', label: 'Tỷ trọng lâm nghiệp trong giá trị sản xuất nông nghiệp', part: 'gia_tri_lam_nghiep', whole: 'tong_gia_tri_nong_nghiep', decimals: 1 },
  { kind: 'ratio', key: 'ty_trong_tmdv', label: 'Tỷ trọng thương mại - dịch vụ trong tổng giá trị sản xuất', part: 'gia_tri_tmdv', whole: 'tong_gia_tri_san_xuat', decimals: 2 },

  // Culture and society
  { kind: 'rateOverPeriod', key: 'ho_ngheo', label: 'Tỷ lệ hộ nghèo', rate: 'ho_ngheo', decimals: 2 },
  { kind: 'fraction', key: 'thon_van_hoa', label: 'Thôn đạt danh hiệu Khu dân cư văn hóa', part: 'so_thon_van_hoa', whole: 'so_thon', decimals: 2 },
  { kind: 'status', key: 'gia_dinh_van_hoa', label: 'Tỷ lệ Gia đình văn hóa so với chỉ tiêu', value: 'ty_le_gia_dinh_van_hoa', target: 'chi_tieu_gia_dinh_van_hoa', decimals: 2 },
  { kind: 'changePoints', key: 'gia_dinh_van_hoa_so_nhiem_ky_truoc', label: 'Tỷ lệ Gia đình văn hóa so với nhiệm kỳ trước', from: 'ty_le_gia_dinh_van_hoa_nhiem_ky_truoc', to: 'ty_le_gia_dinh_van_hoa', decimals: 2 },
  { kind: 'listSum', key: 'tong_nha_ho_tro', label: 'Tổng số nhà được hỗ trợ', list: 'ho_tro_nha_o', column: 'so_nha', unit: 'nhà', decimals: 0 },
  { kind: 'listSum', key: 'tong_kinh_phi_nha_o', label: 'Tổng kinh phí hỗ trợ nhà ở', list: 'ho_tro_nha_o', column: 'kinh_phi', unit: 'triệu đồng', decimals: 2 },

  // Health and education
  { kind: 'rateOverPeriod', key: 'bao_hiem_y_te', label: 'Tỷ lệ tham gia bảo hiểm y tế', rate: 'bao_hiem_y_te', decimals: 2 },
  { kind: 'rateOverPeriod', key: 'suy_dinh_duong', label: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng', rate: 'suy_dinh_duong', decimals: 2 },
  { kind: 'rateOverPeriod', key: 'sinh_con_thu_ba', label: 'Tỷ lệ sinh con thứ 3', rate: 'sinh_con_thu_ba', decimals: 2 },
  { kind: 'status', key: 'tang_dan_so', label: 'Tỷ lệ tăng dân số tự nhiên so với chỉ tiêu', value: 'ty_le_tang_dan_so', target: 'chi_tieu_tang_dan_so', decimals: 2 },
  { kind: 'fraction', key: 'truong_dat_chuan', label: 'Trường đạt chuẩn quốc gia', part: 'so_truong_dat_chuan', whole: 'so_truong', decimals: 2 },
  { kind: 'status', key: 'tot_nghiep_thcs', label: 'Tỷ lệ tốt nghiệp THCS so với chỉ tiêu', value: 'ty_le_tot_nghiep_thcs', target: 'chi_tieu_giao_duc', decimals: 2 },
  { kind: 'status', key: 'hoan_thanh_tieu_hoc', label: 'Tỷ lệ hoàn thành chương trình Tiểu học so với chỉ tiêu', value: 'ty_le_hoan_thanh_tieu_hoc', target: 'chi_tieu_giao_duc', decimals: 2 },

  // Citizens and petitions
  { kind: 'sum', key: 'tong_luot_tiep_dan', label: 'Tổng lượt tiếp công dân', terms: ['tiep_dan_tru_so', 'tiep_dan_luu_dong'], unit: 'lượt', decimals: 0 },
  { kind: 'ratio', key: 'ty_le_giai_quyet_don', label: 'Tỷ lệ đơn đã giải quyết', part: 'don_giai_quyet', whole: 'don_tiep_nhan', decimals: 2 },
  { kind: 'fraction', key: 'don_da_giai_quyet', label: 'Đơn đã giải quyết trên đơn tiếp nhận', part: 'don_giai_quyet', whole: 'don_tiep_nhan', decimals: 2 },
  { kind: 'sum', key: 'tong_dot_tuyen_truyen', label: 'Tổng số đợt tuyên truyền pháp luật', terms: ['tuyen_truyen_thon', 'tuyen_truyen_xa'], unit: 'đợt', decimals: 0 },

  // Works and site clearance
  { kind: 'listSum', key: 'tong_cong_trinh', label: 'Tổng số công trình', list: 'cong_trinh', column: 'so_cong_trinh', unit: 'công trình', decimals: 0 },
  { kind: 'listCount', key: 'so_khu_cai_tang', label: 'Số khu cải táng', list: 'khu_gpmb', where: { column: 'loai', equals: 'Cải táng' }, unit: 'khu', leadingZero: true, decimals: 0 },
  { kind: 'listSum', key: 'dien_tich_cai_tang', label: 'Tổng diện tích khu cải táng', list: 'khu_gpmb', column: 'dien_tich', where: { column: 'loai', equals: 'Cải táng' }, unit: 'm²', columnUnit: 'ha', decimals: 2 },
  { kind: 'listCount', key: 'so_khu_tai_dinh_cu', label: 'Số khu tái định cư', list: 'khu_gpmb', where: { column: 'loai', equals: 'Tái định cư' }, unit: 'khu', leadingZero: true, decimals: 0 },
  { kind: 'listSum', key: 'dien_tich_tai_dinh_cu', label: 'Tổng diện tích khu tái định cư', list: 'khu_gpmb', column: 'dien_tich', where: { column: 'loai', equals: 'Tái định cư' }, unit: 'ha', decimals: 1, minDecimals: 1 },

  // "Dân vận khéo" models
  { kind: 'listCount', key: 'so_mo_hinh', label: 'Tổng số mô hình Dân vận khéo', list: 'mo_hinh', unit: 'mô hình', leadingZero: true, decimals: 0 },
  { kind: 'listCount', key: 'so_mo_hinh_kinh_te', label: 'Số mô hình lĩnh vực kinh tế', list: 'mo_hinh', where: { column: 'linh_vuc', equals: 'Kinh tế' }, unit: 'mô hình', leadingZero: true, decimals: 0 },
  { kind: 'listCount', key: 'so_mo_hinh_an_ninh', label: 'Số mô hình lĩnh vực an ninh – quốc phòng', list: 'mo_hinh', where: { column: 'linh_vuc', equals: 'An ninh – quốc phòng' }, unit: 'mô hình', leadingZero: true, decimals: 0 },
  { kind: 'listCount', key: 'so_mo_hinh_van_hoa', label: 'Số mô hình lĩnh vực văn hóa – xã hội', list: 'mo_hinh', where: { column: 'linh_vuc', equals: 'Văn hóa – xã hội' }, unit: 'mô hình', leadingZero: true, decimals: 0 },
];
