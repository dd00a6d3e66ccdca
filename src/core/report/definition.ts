import type { ColumnDef, FieldDef, RateDef, ReportDefinition } from './schema';

/**
 * The commune report's figures, tab by tab. Each entry is what a clerk sees (label, unit, help) and what
 * the reader checks. Derived figures are NOT here: they are computed (indicators/definitions.ts).
 */

const text = (key: string, label: string, help?: string, required = true): FieldDef => ({ key, label, kind: 'text', required, help });
const date = (key: string, label: string, help?: string): FieldDef => ({ key, label, kind: 'date', required: true, help });
const count = (key: string, label: string, unit: string, help?: string): FieldDef => ({ key, label, kind: 'count', unit, required: true, help });
/** Google Sheets turns a typed "53,58%" into 0,5358 without saying so: the clerk types the number alone. */
const PERCENT_HELP = 'Nhập số phần trăm, không gõ dấu %: ví dụ 53,58';
const percent = (key: string, label: string, help?: string, required = true): FieldDef => ({
  key, label, kind: 'percent', dimension: 'percent', unit: '%', required, help: help ? `${help} ${PERCENT_HELP}.` : PERCENT_HELP,
});
const quantity = (key: string, label: string, dimension: FieldDef['dimension'], unit: string, help?: string, required = true): FieldDef => ({
  key, label, kind: 'number', dimension, unit, required, help,
});
const target = (key: string, label: string, help = 'Ví dụ: ≥ 90 (tối thiểu), ≤ 6 (tối đa), 85-90 (khoảng), giảm, tăng'): FieldDef => ({
  key, label, kind: 'target', required: true, help,
});
const rate = (key: string, label: string, help?: string): RateDef => ({ key, label, required: true, help });
const col = (key: string, label: string, kind: ColumnDef['kind'], extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key, label, kind, required: true, ...extra,
});

export const REPORT: ReportDefinition = {
  tabs: [
    {
      name: 'Thông tin chung',
      description: 'Cơ quan ban hành, số và ngày báo cáo, kỳ báo cáo, văn bản hướng dẫn, người ký, dân số.',
      blocks: [
        {
          type: 'fields',
          title: 'THÔNG TIN CHUNG',
          fields: [
            text('ten_xa', 'Tên xã', 'Viết như trong văn bản, ví dụ: Phổ Phong'),
            text('ten_cap_tren', 'Tên đơn vị hành chính cấp trên', 'Ví dụ: thị xã Đức Phổ'),
            text('ten_tinh', 'Tên tỉnh', 'Ví dụ: Quảng Ngãi'),
            text('so_ky_hieu', 'Số, ký hiệu báo cáo', 'Ví dụ: 125/BC-UBND, hoặc …/BC-UBND khi chưa lấy số'),
            date('ngay_bao_cao', 'Ngày báo cáo', 'Nhập ngày, ví dụ 25/5/2023'),
            text('ten_phong_trao', 'Tên phong trào', 'Ví dụ: Dân vận khéo'),
            date('ky_tu_ngay', 'Kỳ báo cáo: từ ngày'),
            date('ky_den_ngay', 'Kỳ báo cáo: đến ngày'),
            text('nhiem_ky_truoc', 'Nhiệm kỳ trước (để so sánh)', 'Ví dụ: 2015-2020'),
            text('van_ban_huong_dan', 'Văn bản hướng dẫn', 'Ví dụ: Hướng dẫn số 1506/HD-UBND'),
            date('ngay_van_ban_huong_dan', 'Ngày văn bản hướng dẫn'),
            text('co_quan_huong_dan', 'Cơ quan ban hành văn bản hướng dẫn', 'Ví dụ: UBND thị xã Đức Phổ'),
            text('trich_yeu_huong_dan', 'Trích yếu văn bản hướng dẫn', 'Bắt đầu bằng «về việc …»'),
            text('tham_quyen_ky', 'Thẩm quyền ký', 'Ví dụ: TM. ỦY BAN NHÂN DÂN'),
            text('chuc_vu_nguoi_ky', 'Chức vụ người ký', 'Ví dụ: CHỦ TỊCH'),
            text('nguoi_ky', 'Họ và tên người ký'),
            count('dan_so', 'Dân số', 'người', 'Dùng để tính bình quân lương thực đầu người'),
          ],
        },
      ],
    },
    {
      name: 'Tự nhiên',
      description: 'Vị trí địa lý, diện tích tự nhiên, ranh giới và giao thông.',
      blocks: [
        {
          type: 'fields',
          title: 'ĐIỀU KIỆN TỰ NHIÊN',
          fields: [
            text('vi_tri', 'Vị trí', 'Ví dụ: một xã miền núi nằm phía Tây Bắc thị xã Đức Phổ'),
            quantity('dien_tich_tu_nhien', 'Tổng diện tích tự nhiên', 'area', 'ha'),
            text('ranh_gioi_chung', 'Có đường ranh giới chung với', 'Các xã, thị xã, huyện giáp ranh, viết thành câu'),
            text('giao_thong', 'Giao thông chạy qua địa bàn', 'Viết thành câu'),
          ],
        },
        {
          type: 'list',
          key: 'giap_ranh',
          title: 'GIÁP RANH',
          required: true,
          uniqueBy: ['huong'],
          columns: [
            col('huong', 'Hướng', 'choice', { choices: ['Đông', 'Tây', 'Nam', 'Bắc', 'Đông Bắc', 'Đông Nam', 'Tây Bắc', 'Tây Nam'] }),
            col('giap', 'Giáp', 'text'),
          ],
        },
      ],
    },
    {
      name: 'Nông nghiệp',
      description: 'Sản lượng lương thực, giá trị sản xuất trên 1 ha và các cây trồng (bình quân hằng năm).',
      blocks: [
        {
          type: 'fields',
          title: 'SỐ LIỆU NÔNG NGHIỆP',
          fields: [
            quantity('tong_san_luong_luong_thuc', 'Tổng sản lượng lương thực cả kỳ báo cáo', 'mass', 'tấn'),
            quantity('gia_tri_1ha', 'Giá trị sản xuất bình quân trên 1 ha đất nông nghiệp', 'moneyPerHa', 'triệu đồng/ha/năm'),
            quantity('gia_tri_1ha_nam_goc', 'Giá trị sản xuất trên 1 ha năm gốc (đầu kỳ)', 'moneyPerHa', 'triệu đồng/ha/năm'),
          ],
        },
        {
          type: 'list',
          key: 'cay_trong',
          title: 'CÂY TRỒNG',
          required: true,
          uniqueBy: ['ten'],
          columns: [
            col('ten', 'Cây trồng', 'text'),
            col('nhom', 'Nhóm', 'choice', { choices: ['Cây chính', 'Cây khác'] }),
            col('dien_tich', 'Diện tích (ha/năm)', 'number', { dimension: 'area', unit: 'ha' }),
            col('nang_suat', 'Năng suất', 'number', { dimension: 'yield', unit: 'tạ/ha', unitColumn: 'don_vi_nang_suat' }),
            col('don_vi_nang_suat', 'Đơn vị năng suất', 'text'),
          ],
        },
      ],
    },
    {
      name: 'Lâm nghiệp - Dịch vụ',
      description: 'Rừng, giá trị lâm nghiệp, thương mại - dịch vụ và chợ.',
      blocks: [
        {
          type: 'fields',
          title: 'LÂM NGHIỆP, THƯƠNG MẠI - DỊCH VỤ',
          fields: [
            quantity('dien_tich_rung', 'Tổng diện tích rừng', 'area', 'ha'),
            percent('ty_le_che_phu_rung_da_bao_cao', 'Tỷ lệ che phủ rừng đã báo cáo (để đối chiếu)', 'Không bắt buộc. Sản phẩm tự tính tỷ lệ che phủ và cảnh báo khi số này lệch.', false),
            quantity('dien_tich_khai_thac_rung', 'Diện tích rừng khai thác bình quân hằng năm', 'area', 'ha'),
            quantity('gia_tri_lam_nghiep', 'Giá trị sản xuất lâm nghiệp', 'money', 'tỷ đồng'),
            quantity('tong_gia_tri_nong_nghiep', 'Tổng giá trị sản xuất nông nghiệp', 'money', 'tỷ đồng'),
            quantity('gia_tri_tmdv', 'Giá trị thương mại - dịch vụ', 'money', 'tỷ đồng'),
            quantity('tong_gia_tri_san_xuat', 'Tổng giá trị sản xuất toàn xã', 'money', 'tỷ đồng'),
            text('ten_cho', 'Các chợ trên địa bàn', 'Ví dụ: Km3 và Km7'),
            count('so_cho', 'Số chợ', 'chợ'),
            count('so_ho_kinh_doanh', 'Số hộ kinh doanh tại chợ', 'hộ'),
          ],
        },
      ],
    },
    {
      name: 'Văn hóa - Xã hội',
      description: 'Lao động, hộ nghèo, nhà ở, gia đình và khu dân cư văn hóa.',
      blocks: [
        {
          type: 'fields',
          title: 'VĂN HÓA - XÃ HỘI',
          fields: [
            percent('ty_le_lao_dong_co_viec_lam', 'Tỷ lệ lao động có việc làm'),
            count('so_thon', 'Số thôn', 'thôn'),
            count('so_thon_van_hoa', 'Số thôn đạt danh hiệu Khu dân cư văn hóa', 'thôn'),
            text('thon_tieu_bieu', 'Thôn văn hóa tiêu biểu (khen thưởng)', 'Viết thành câu', false),
            percent('ty_le_gia_dinh_van_hoa', 'Tỷ lệ hộ gia đình đạt «Gia đình văn hóa» (bình quân năm)'),
            target('chi_tieu_gia_dinh_van_hoa', 'Chỉ tiêu Nghị quyết về Gia đình văn hóa'),
            percent('ty_le_gia_dinh_van_hoa_nhiem_ky_truoc', 'Tỷ lệ Gia đình văn hóa bình quân nhiệm kỳ trước'),
          ],
        },
        {
          type: 'rates',
          title: 'TỶ LỆ ĐẦU KỲ - CUỐI KỲ',
          rates: [rate('ho_ngheo', 'Tỷ lệ hộ nghèo')],
        },
        {
          type: 'list',
          key: 'ho_tro_nha_o',
          title: 'HỖ TRỢ NHÀ Ở',
          required: true,
          uniqueBy: ['hinh_thuc', 'doi_tuong'],
          columns: [
            col('hinh_thuc', 'Hình thức hỗ trợ', 'text'),
            col('doi_tuong', 'Đối tượng', 'text'),
            col('so_nha', 'Số nhà', 'count'),
            col('kinh_phi', 'Kinh phí', 'number', { dimension: 'money', unit: 'triệu đồng', unitColumn: 'don_vi_kinh_phi' }),
            col('don_vi_kinh_phi', 'Đơn vị kinh phí', 'text'),
          ],
        },
      ],
    },
    {
      name: 'Y tế - Giáo dục',
      description: 'Bảo hiểm y tế, suy dinh dưỡng, dân số, trường chuẩn và tốt nghiệp.',
      blocks: [
        {
          type: 'rates',
          title: 'TỶ LỆ ĐẦU KỲ - CUỐI KỲ',
          rates: [
            rate('bao_hiem_y_te', 'Tỷ lệ người dân tham gia bảo hiểm y tế'),
            rate('suy_dinh_duong', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng'),
            rate('sinh_con_thu_ba', 'Tỷ lệ sinh con thứ 3'),
          ],
        },
        {
          type: 'fields',
          title: 'Y TẾ - GIÁO DỤC',
          fields: [
            percent('ty_le_sinh', 'Tỷ lệ sinh bình quân hằng năm (so dân số)'),
            percent('ty_le_tang_dan_so', 'Tỷ lệ tăng dân số tự nhiên'),
            target('chi_tieu_tang_dan_so', 'Chỉ tiêu Nghị quyết về tăng dân số tự nhiên'),
            count('so_truong', 'Số trường học', 'trường'),
            count('so_truong_dat_chuan', 'Số trường đạt chuẩn quốc gia', 'trường'),
            percent('ty_le_tot_nghiep_thcs', 'Tỷ lệ học sinh tốt nghiệp THCS hằng năm'),
            percent('ty_le_hoan_thanh_tieu_hoc', 'Tỷ lệ hoàn thành chương trình Tiểu học'),
            target('chi_tieu_giao_duc', 'Chỉ tiêu Nghị quyết về tốt nghiệp, hoàn thành chương trình'),
          ],
        },
      ],
    },
    {
      name: 'Tiếp dân - Đơn thư',
      description: 'Tiếp công dân, đơn thư khiếu nại, phản ánh, kiến nghị và tuyên truyền pháp luật.',
      blocks: [
        {
          type: 'fields',
          title: 'TIẾP CÔNG DÂN, ĐƠN THƯ, PHỔ BIẾN PHÁP LUẬT',
          fields: [
            count('tiep_dan_tru_so', 'Lượt tiếp công dân tại trụ sở UBND xã', 'lượt'),
            count('tiep_dan_luu_dong', 'Lượt tiếp công dân lưu động tại các thôn', 'lượt'),
            count('don_tiep_nhan', 'Số đơn tiếp nhận', 'đơn'),
            count('don_giai_quyet', 'Số đơn đã giải quyết', 'đơn'),
            count('tuyen_truyen_thon', 'Lượt tuyên truyền phổ biến pháp luật tại các thôn', 'lượt'),
            count('tuyen_truyen_xa', 'Đợt tuyên truyền tập trung tại xã', 'đợt'),
            count('luot_nguoi_tham_du', 'Lượt người tham dự tuyên truyền', 'lượt người'),
          ],
        },
      ],
    },
    {
      name: 'Công trình - GPMB',
      description: 'Công trình xây dựng, dồn điền đổi thửa, giải phóng mặt bằng cao tốc.',
      blocks: [
        {
          type: 'fields',
          title: 'DỒN ĐIỀN ĐỔI THỬA, GIẢI PHÓNG MẶT BẰNG',
          fields: [
            quantity('dien_tich_don_dien', 'Diện tích dồn điền đổi thửa', 'area', 'ha'),
            text('thon_don_dien', 'Các thôn dồn điền đổi thửa', 'Ví dụ: Hiệp An, Hùng Nghĩa, Gia An và thôn Vĩnh Xuân'),
            text('du_an_gpmb', 'Dự án giải phóng mặt bằng', 'Ví dụ: Dự án đường bộ cao tốc Bắc – Nam'),
            percent('ty_le_ban_giao_mat_bang', 'Tỷ lệ mặt bằng đã bàn giao'),
          ],
        },
        {
          type: 'list',
          key: 'cong_trinh',
          title: 'CÔNG TRÌNH XÂY DỰNG',
          required: true,
          uniqueBy: ['nhom'],
          columns: [
            col('nhom', 'Nhóm công trình', 'text'),
            col('so_cong_trinh', 'Số công trình', 'count'),
            col('mo_ta', 'Căn cứ, mô tả', 'text', { required: false }),
          ],
        },
        {
          type: 'list',
          key: 'khu_gpmb',
          title: 'KHU CẢI TÁNG, TÁI ĐỊNH CƯ',
          required: true,
          uniqueBy: ['ten'],
          columns: [
            col('loai', 'Loại khu', 'choice', { choices: ['Cải táng', 'Tái định cư'] }),
            col('ten', 'Tên khu', 'text'),
            col('thon', 'Thôn', 'text'),
            col('dien_tich', 'Diện tích', 'number', { dimension: 'area', unit: 'ha', unitColumn: 'don_vi_dien_tich' }),
            col('don_vi_dien_tich', 'Đơn vị diện tích', 'text'),
          ],
        },
      ],
    },
    {
      name: 'Mô hình Dân vận khéo',
      description: 'Các mô hình, điển hình «Dân vận khéo» theo lĩnh vực.',
      blocks: [
        {
          type: 'list',
          key: 'mo_hinh',
          title: 'MÔ HÌNH DÂN VẬN KHÉO',
          required: true,
          uniqueBy: ['ten'],
          columns: [
            col('linh_vuc', 'Lĩnh vực', 'choice', { choices: ['Kinh tế', 'An ninh – quốc phòng', 'Văn hóa – xã hội'] }),
            col('ten', 'Tên mô hình', 'text'),
            col('don_vi', 'Đơn vị thực hiện', 'text'),
            col('ket_qua', 'Kết quả', 'text', { required: false }),
          ],
        },
      ],
    },
    {
      name: 'Nơi nhận',
      description: 'Nơi nhận báo cáo; người có e-mail sẽ được chia sẻ bản báo cáo.',
      blocks: [
        {
          type: 'list',
          key: 'noi_nhan',
          title: 'NƠI NHẬN',
          required: true,
          uniqueBy: ['ten'],
          columns: [
            col('ten', 'Nơi nhận', 'text'),
            col('email', 'E-mail', 'email', { required: false }),
            col('quyen', 'Quyền khi chia sẻ', 'choice', { required: false, choices: ['Xem', 'Nhận xét', 'Chỉnh sửa'] }),
          ],
        },
      ],
    },
  ],
};
