/**
 * Every Vietnamese sentence the template engine shows a user, in one place, so wording is reviewed once.
 * Locations are built in walk.ts; these functions only compose them into sentences.
 */
export const templateMessages = {
  unclosedBrace: 'thiếu "}}" để đóng thẻ',
  nestedOpen: 'có "{{" mới trước khi thẻ trước được đóng bằng "}}"',
  emptyTag: 'thẻ rỗng',
  badName: (name: string) =>
    `tên "${name}" không hợp lệ (chỉ dùng chữ, số, "_", "-", và "." để đi vào nhóm con)`,
  reservedColon: 'dấu ":" dành riêng cho chương trình, không dùng trong tên thẻ',
  dotSection: 'không dùng "." làm tên khối',

  malformed: (raw: string, reason: string, where: string) => `Thẻ "${raw}" viết sai: ${reason} (${where}).`,
  unknown: (tag: string, where: string, more: number) =>
    `Thẻ ${tag} không có trong dữ liệu (${where}${more > 0 ? `, và ${more} chỗ khác` : ''}).`,
  notText: (tag: string, what: string, where: string) =>
    `Thẻ ${tag} là ${what}, không chèn được như chữ (${where}). Dùng {{#…}} … {{/…}} cho danh sách, nhóm hay điều kiện.`,
  unclosedSection: (tag: string, where: string) => `Khối ${tag} được mở nhưng không có thẻ đóng (${where}).`,
  unopenedSection: (tag: string, where: string) => `Thẻ đóng ${tag} không có thẻ mở tương ứng (${where}).`,
  mismatchedSection: (open: string, openWhere: string, close: string, closeWhere: string) =>
    `Khối ${open} (${openWhere}) lại bị đóng bằng ${close} (${closeWhere}); các khối phải lồng nhau đúng thứ tự.`,
  badPlacement: (open: string, openWhere: string, close: string, closeWhere: string) =>
    `Thẻ mở ${open} (${openWhere}) và thẻ đóng ${close} (${closeWhere}) phải cùng một đoạn, cùng một hàng bảng, ` +
    'hoặc cùng một vùng (thân văn bản, đầu trang, chân trang, một ô bảng).',
  inList: (list: string, item: number) => `trong mục ${item} của ${list}`,
  tooLarge: (tag: string, where: string, limit: string) =>
    `Mẫu báo cáo sẽ tạo ra một văn bản quá lớn (hơn ${limit} ký tự) khi lặp khối ${tag} (${where}): ` +
    'có thể các khối danh sách được lồng vào nhau nên nhân lên nhiều lần. Sửa mẫu cho mỗi danh sách chỉ lặp một lần.',

  whatList: 'một danh sách',
  whatGroup: 'một nhóm giá trị',
  whatFlag: 'một giá trị đúng/sai',
  whatNumber: 'một số chưa được định dạng',

  bodyLabel: 'Thân văn bản',
  headerLabel: 'Đầu trang',
  firstPageHeaderLabel: 'Đầu trang của trang 1',
  footerLabel: 'Chân trang',
  firstPageFooterLabel: 'Chân trang của trang 1',
  evenPageHeaderLabel: 'Đầu trang của các trang chẵn',
  evenPageFooterLabel: 'Chân trang của các trang chẵn',
  paragraph: (n: number) => `đoạn ${n}`,
  table: (n: number) => `Bảng ${n}`,
  innerTable: (n: number) => `bảng ${n}`,
  rowCell: (row: number, cell: number) => `hàng ${row}, ô ${cell}`,
};

/** Errors in a template text file; template-text.ts prefixes each with "Dòng N: ". */
export const templateTextMessages = {
  line: (n: number, detail: string) => `Dòng ${n}: ${detail}`,
  unknownDirective: (d: string) =>
    `không hiểu lệnh "@${d}" (các lệnh: @page, @default, @header, @footer, @table, @row, @cell, @end)`,
  unknownAttribute: (a: string) => `không hiểu thuộc tính "${a}"`,
  badNumber: (key: string, value: string) => `"${key}=${value}": cần một số (dùng dấu chấm cho phần thập phân, ví dụ 12.7)`,
  needsValue: (key: string) => `"${key}" cần một giá trị, ví dụ ${key}=12`,
  noValue: (key: string) => `"${key}" không nhận giá trị`,
  unbalancedQuote: 'thiếu dấu ngoặc kép đóng',
  unclosedBracket: 'thiếu "]" đóng phần định dạng đầu đoạn',
  unclosedMarkup: (mark: string) => `"${mark}" mở nhưng chưa đóng trong đoạn`,
  pageTwice: 'lệnh @page chỉ được dùng một lần',
  badPaper: (v: string) => `khổ giấy "${v}" chưa hỗ trợ (chỉ A4)`,
  badFirstPageHeader: (v: string) => `first-page-header="${v}": dùng none (trang 1 không có đầu trang) hoặc same`,
  badBorders: (v: string) => `borders="${v}": dùng none hoặc all`,
  badWidths: 'widths= cần các số cách nhau bởi dấu phẩy, cộng lại bằng 100 (ví dụ widths=45,55)',
  nestedBlock: (d: string, open: string, line: number) => `không dùng @${d} bên trong @${open} (mở ở dòng ${line})`,
  endWithoutOpen: '@end không đóng khối nào',
  unclosedBlock: (d: string, line: number) => `khối @${d} mở ở dòng ${line} chưa có @end`,
  rowOutsideTable: '@row chỉ dùng trong @table',
  cellOutsideRow: '@cell cần đứng sau @row',
  textOutsideCell: 'trong @table, nội dung phải nằm sau @row và @cell',
  emptyTable: 'bảng không có hàng nào',
  cellCount: (row: number, got: number, want: number) => `hàng ${row} của bảng có ${got} ô, cần ${want} ô (theo widths=)`,
};
