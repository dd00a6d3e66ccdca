/** What the Google door says to the clerk, in one place. */
import { KIND_SETTING_LABEL, SETTINGS_HEADER, SETTINGS_TAB } from '../core/workbook/local-units';
export const MSG = {
  busy: 'Một người khác đang tạo hoặc chia sẻ báo cáo trên bảng tính này. Vui lòng đợi một chút rồi thử lại.',
  setupDone: (created: string[], kept: string[]) =>
    [
      created.length ? `Đã thêm ${created.length} trang: ${created.join(', ')}.` : 'Không cần thêm trang nào.',
      kept.length ? `Giữ nguyên ${kept.length} trang đã có (không ghi đè số liệu): ${kept.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  askSample: (kind: string) => `Điền số liệu mẫu của loại báo cáo «${kind}» vào các trang mới để dùng thử?\n\nChọn «Không» để tạo trang trống. Trang đã có số liệu không bao giờ bị ghi đè.`,
  chooseKindTitle: 'Chọn loại báo cáo',
  chooseKind: (names: string[]) => `Bảng tính này dùng cho loại báo cáo nào? Gõ số thứ tự (để trống: 1).\n\n${names.map((n, i) => `${i + 1}. ${n}`).join('\n')}\n\nCó thể đổi sau ở dòng «Loại báo cáo» của trang «Cài đặt».`,
  badKindChoice: (typed: string, count: number) => `«${typed}» không phải một số từ 1 đến ${count}: chưa thiết lập gì. Chọn lại «Thiết lập bảng tính».`,
  upgradeDone: (added: string[]) =>
    added.length
      ? `Đã thêm những gì loại báo cáo có mà bảng tính còn thiếu (không di chuyển, không sửa số liệu đã nhập):\n${added.map((a) => `- ${a}`).join('\n')}`
      : 'Bảng tính đã đủ mọi trang, bảng, dòng và cột. Giữ nguyên mọi trang và số liệu đã có.',
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
  settings: SETTINGS_TAB,
  log: 'Nhật ký',
  comments: 'Góp ý',
} as const;

/** Titles of the dialogs and the sidebar (ui-data.ts). */
export const UI_MSG = {
  issuesTitle: 'Kiểm tra số liệu',
  reportLinkTitle: 'Đã tạo báo cáo',
  shareTitle: 'Chia sẻ cho nơi nhận',
  selfCheckTitle: 'Tự kiểm tra kết nối Google',
} as const;

/** Sharing a report with the people of the «Nơi nhận» tab (share.ts). */
export const SHARE_MSG = {
  noReports: 'Chưa có báo cáo nào trong trang «Nhật ký». Chọn «Tạo báo cáo» trước, rồi chia sẻ.',
  noRecipientsTab: (tab: string) => `Không tìm thấy trang «${tab}». Dùng «Thiết lập bảng tính» để thêm lại.`,
  noRecipients: (tab: string) => `Trang «${tab}» chưa có nơi nhận nào ghi e-mail: không có ai để chia sẻ.`,
  refused: (n: number) => `Chưa chia sẻ cho ai: có ${n} ô cần sửa ở trang «Nơi nhận».`,
  unknownReport: 'Không tìm thấy báo cáo đã chọn trong trang «Nhật ký». Đóng hộp thoại rồi mở lại.',
  unknownRole: (role: string) => `Quyền «${role}» không hợp lệ; chọn Xem, Nhận xét hoặc Chỉnh sửa.`,
  otherAccount:
    'Báo cáo này do một tài khoản khác tạo (hoặc đã bị xóa), nên ứng dụng không chia sẻ được từ tài khoản của anh/chị. Nhờ người đã tạo báo cáo chia sẻ; hoặc chọn «Tạo báo cáo» để tạo bản của mình rồi chia sẻ bản đó.',
  pdfName: (report: string) => `${report} (bản PDF)`,
  pdfSummary: (shared: number, already: number, failed: number) => `Bản PDF: chia sẻ mới ${shared}, đã có quyền ${already}, lỗi ${failed}.`,
  cannotReadPermissions: (reason: string) => `Không đọc được danh sách người có quyền của báo cáo: ${reason}`,
  shared: (role: string) => `Đã chia sẻ với quyền ${role}.`,
  already: (role: string) => `Đã có quyền ${role}.`,
  failed: (reason: string) => `Lỗi: ${reason}`,
  summary: (shared: number, already: number, failed: number) =>
    `Đã chia sẻ cho ${shared} người, ${already} người đã có quyền` + (failed ? `, ${failed} người bị lỗi.` : '.'),
  logAction: 'Chia sẻ',
  logFailed: (reason: string) => `Không ghi được vào trang «Nhật ký»: ${reason}`,
} as const;

/**
 * "Tự kiểm tra kết nối Google" (self-check.ts) and its contract cases (contract/): what each case checks,
 * and for a behaviour Google does not document (docs/google-behaviours.md) what each of its answers means.
 */
export const SELF_CHECK_MSG = {
  running: 'Đang tự kiểm tra kết nối Google trên các tệp nháp…',
  scratchName: (stamp: string) => `Tự kiểm tra (tệp nháp, sẽ xóa) ${stamp}`,
  scratchFolder: (stamp: string) => `Tự kiểm tra (thư mục nháp, sẽ xóa) ${stamp}`,
  scratchTab: (stamp: string) => `Tự kiểm tra ${stamp}`,
  // Labels, one per case.
  scopes: 'Quyền đã cấp: ScriptApp.getAuthorizationInfo cho biết còn thiếu quyền nào không',
  lock: 'LockService: getDocumentLock, tryLock rồi releaseLock',
  properties: 'PropertiesService: ghi, đọc rồi xóa một thuộc tính người dùng nháp',
  editors: 'Số tài khoản được sửa bảng tính (Spreadsheet.getEditors)',
  createDoc: 'Drive.Files.create: tạo tài liệu nháp (Google Docs) trong thư mục của ứng dụng, điền bằng DocumentApp, Drive.Files.get thấy nó (phạm vi drive.file)',
  copy: 'Drive.Files.copy: bản sao đầy đủ; sửa bản sao không đổi bản gốc (phạm vi drive.file)',
  move: 'Drive: chuyển tệp sang thư mục khác bằng addParents/removeParents',
  permissionsList: 'Drive.Permissions.list trên tệp nháp: có chủ sở hữu',
  comments: 'Drive.Comments.list: bắt buộc có «fields»; tệp mới không có góp ý',
  shareNoAccount: (email: string) => `Drive.Permissions.create không gửi e-mail cho địa chỉ không có tài khoản Google (${email})`,
  documentApp: 'DocumentApp: tài liệu mới chưa có đầu trang; findText, bảng luôn có đoạn theo sau, copy() tách rời, replaceText trong một đoạn',
  documentSections: 'DocumentApp: thêm đầu trang, chân trang (lần thêm đầu trang thứ hai bị từ chối); cỡ trang và lề (điểm) đọc lại đúng sau khi mở lại',
  documentText: 'DocumentApp: in đậm theo đoạn ký tự, chèn và xóa chữ; không gắn lại phần tử đang gắn, không xóa đoạn cuối; tài liệu đã đóng không sửa được',
  documentTables: 'DocumentApp: sao chép dòng bảng (tách rời), chèn, thêm và xóa dòng',
  utilities: 'Utilities.formatDate và parseDate theo múi giờ Việt Nam',
  batchUpdate: 'Docs batchUpdate replaceAllText: thay nguyên văn ($1, \\), lần lượt theo thứ tự, qua các đoạn định dạng khác nhau; số lần thay trong phản hồi',
  atomic: 'Docs batchUpdate: một yêu cầu sai thì cả lô bị từ chối, tài liệu không đổi',
  privateUse: 'Docs replaceAllText với một ký tự vùng riêng tư (U+E000–U+F8FF)',
  lineBreak: 'Docs replaceAllText với U+000B (xuống dòng trong một đoạn)',
  headers: 'Docs replaceAllText có thay cả đầu trang và chân trang không',
  documentAppAfterBatch: 'DocumentApp mở lại tài liệu ngay sau Docs batchUpdate trong cùng lượt chạy (điều bản PDF sẽ in ra)',
  portMerge: 'Trộn mẫu như khi tạo báo cáo: sao chép mẫu, điền qua cổng Google Docs; giá trị có $1, \\ và {{b}} giữ nguyên văn, cả ở đầu trang',
  sheetReadWrite: 'SpreadsheetApp: trang trống (getLastRow 0, vùng dữ liệu A1), getSheetByName trả null khi không có, setValues/getValues, «=» thành công thức',
  plainText: 'Ô định dạng chữ thuần («@») giữ nguyên chữ như «007», «34,79 %», «1/2», «TRUE»',
  typedStrings: 'setValues vào ô định dạng thường với «007», «34,79 %», «1/2», «TRUE»',
  formulaText: 'setValues với dấu nháy đơn đầu chữ («\'=1+1»)',
  dates: 'Múi giờ của bảng tính và của tập lệnh; ngày ghi vào ô đọc lại đúng ngày',
  cleanup: 'Dọn dẹp: chuyển các tệp nháp vào thùng rác và xóa trang nháp',
  // An observed answer.
  observed: (answer: string, detail: string) => `Google trả lời: ${answer}. Sản phẩm chạy đúng với cả hai câu trả lời. (${detail})`,
  scopesGranted: 'đã cấp đủ mọi quyền',
  scopesMissing: 'còn thiếu quyền (người dùng đã bỏ chọn một quyền khi đồng ý)',
  stoppedForScopes: 'Bỏ qua vì còn thiếu quyền: chọn lại mục này và đồng ý cấp đủ mọi quyền.',
  oneAccount: 'chỉ một tài khoản sửa bảng tính',
  severalAccounts: 'nhiều tài khoản sửa bảng tính (mỗi người có thư mục báo cáo riêng)',
  shareAllowed: 'Drive cho chia sẻ mà không gửi e-mail',
  shareRefused: 'Drive từ chối khi không gửi e-mail (sản phẩm luôn gửi e-mail thông báo)',
  privateUseKept: 'giữ ký tự vùng riêng tư',
  privateUseStripped: 'bỏ ký tự vùng riêng tư (sản phẩm không dùng các ký tự này)',
  lineBreakKept: 'U+000B thành xuống dòng trong đoạn',
  lineBreakDropped: 'U+000B bị bỏ (sản phẩm phát hiện và báo rõ thẻ nào)',
  afterBatchSeen: 'DocumentApp thấy ngay các chỗ vừa thay',
  afterBatchStale: 'DocumentApp vẫn thấy bản trước khi thay (sản phẩm kiểm tra trước khi lưu PDF và cho lưu PDF ở lượt sau)',
  headersReached: 'thay cả đầu trang và chân trang',
  headersNotReached: 'chỉ thay phần thân (sản phẩm điền đầu trang, chân trang bằng DocumentApp)',
  stringsKept: 'giữ nguyên chữ',
  stringsTyped: 'đọc chữ như khi gõ tay, thành số, ngày hoặc đúng/sai (sản phẩm định dạng chữ thuần trước khi ghi)',
  apostropheHidden: 'dấu nháy đơn làm phần sau thành chữ và không được lưu',
  apostropheStored: 'dấu nháy đơn được lưu như một ký tự',
  sameZone: 'bảng tính cùng múi giờ với tập lệnh',
  otherZone: 'bảng tính khác múi giờ với tập lệnh (sản phẩm ghi ngày theo múi giờ của bảng tính)',
  // Details.
  skipped: (step: string) => `Bỏ qua vì bước «${step}» không đạt.`,
  lockBusy: 'Khóa đang do người khác giữ (có người đang tạo hoặc chia sẻ báo cáo): thử lại sau. Đây không phải lỗi kết nối.',
  expected: (want: string, got: string) => `Cần ${want}, nhận được ${got}.`,
  eitherOf: (a: string, b: string) => `${a} hoặc ${b}`,
  created: (id: string) => `Mã tệp ${id}.`,
  inFolder: (folder: string) => `nằm trong thư mục ${folder}`,
  unchanged: (text: string) => `bản gốc vẫn là ${text}`,
  merged: (text: string) => `Kết quả: ${text}`,
  replies: (counts: string, text: string) => `Số lần thay ${counts}; văn bản sau khi thay: ${text}`,
  zeroOmitted: 'occurrencesChanged bỏ trống hoặc 0 khi không có chỗ nào để thay',
  docsStructure: 'Documents.get: phần tử đầu là sectionBreak, đoạn đầu bắt đầu ở vị trí 1',
  invalidRefused: 'lô có yêu cầu sai bị từ chối',
  accepted: 'được chấp nhận',
  refused: (reason: string) => `Google từ chối: ${reason}`,
  noProblems: 'không có lỗi khi trộn',
  anOwner: 'một quyền owner',
  permissions: (n: number, owner: string) => `${n} quyền; chủ sở hữu: ${owner || '(không thấy)'}.`,
  refusedWithoutFields: 'gọi thiếu «fields» bị từ chối',
  noComments: 'danh sách góp ý rỗng',
  commentsOk: (reason: string) => `Thiếu «fields»: ${reason} Có «fields»: danh sách rỗng.`,
  noHeaderYet: 'getHeader() và getFooter() trả null',
  paragraphAfterTable: 'một đoạn văn sau bảng',
  detachedCopy: 'copy() không có phần tử cha',
  secondHeaderRefused: 'lần thêm đầu trang thứ hai bị từ chối',
  attachedRefused: 'gắn lại một đoạn đang gắn bị từ chối',
  lastParagraphKept: 'xóa đoạn cuối cùng bị từ chối',
  closedRefused: 'sửa tài liệu đã đóng bị từ chối',
  missingTab: 'Không có trang này',
  found: 'tìm thấy một trang',
  formulaKept: 'ô «=A1*2» là công thức, các ô khác không',
  textNotFormula: 'chữ, không phải công thức',
  readBack: (value: string, formula: string) => `Đọc lại giá trị ${value}` + (formula ? `, công thức ${formula}.` : '.'),
  moved: (parents: string) => `Tệp nay nằm trong: ${parents}.`,
  zones: (sheet: string, script: string) => `Bảng tính: ${sheet}; tập lệnh: ${script}.`,
  editorCount: (n: number) => `${n} tài khoản.`,
  aLock: 'khóa của tài liệu (tập lệnh gắn với bảng tính)',
  lockHeldThenFree: 'hasLock() đúng khi giữ, sai sau khi nhả',
  lockOk: 'Lấy được khóa, hasLock() đúng, nhả khóa xong.',
  propertyRoundTrip: 'đọc lại đúng giá trị đã ghi, rồi null sau khi xóa',
  propertyOk: 'Ghi, đọc và xóa được.',
  cleaned: (files: number, tab: boolean) => `Đã chuyển ${files} tệp nháp vào thùng rác` + (tab ? ' và xóa trang nháp.' : '.'),
  cleanupFailed: (what: string) => `Chưa dọn được: ${what}. Hãy tự xóa các tệp có tên bắt đầu bằng «Tự kiểm tra» trong Drive.`,
} as const;

/** "Tạo báo cáo" and "Tạo mẫu báo cáo mặc định" (generate.ts, settings.ts, drive.ts). */
export const GENERATE_MSG = {
  title: 'Tạo báo cáo',
  templateTitle: 'Tạo mẫu báo cáo mặc định',
  reading: 'Đang đọc số liệu…',
  copying: 'Đang sao chép mẫu báo cáo…',
  merging: 'Đang điền số liệu vào báo cáo…',
  building: 'Đang tạo tài liệu mẫu…',
  hasErrors: (n: number) => `Chưa tạo báo cáo: có ${n} lỗi số liệu cần sửa trước.`,
  askWarnings: (n: number, lines: string) => `Số liệu có ${n} cảnh báo:\n\n${lines}\n\nVẫn tạo báo cáo?`,
  cancelled: 'Đã hủy: chưa tạo báo cáo nào.',
  noTemplate: 'Chưa có mẫu báo cáo. Chọn «Tạo mẫu báo cáo mặc định» trước, hoặc ghi mã tài liệu mẫu vào trang «Cài đặt».',
  templateProblems: (n: number) => `Mẫu báo cáo có ${n} chỗ cần sửa; chưa tạo báo cáo (bản sao đã được bỏ vào thùng rác).`,
  done: (name: string) => `Đã tạo báo cáo «${name}».`,
  failed: (reason: string) => `Không tạo được báo cáo: ${reason}\nMẫu và số liệu không bị thay đổi; bản sao dở dang (nếu có) đã được bỏ vào thùng rác. Có thể thử lại.`,
  templateFailed: (reason: string) => `Không tạo được mẫu báo cáo: ${reason}`,
  templateDone: (name: string) => `Đã tạo mẫu «${name}» và ghi mã của nó vào trang «Cài đặt».`,
  /** The default template's Doc, named after the Sheet's kind: «Mẫu báo cáo - Phong trào thi đua «Dân vận khéo»». */
  templateName: (kindName: string) => `Mẫu báo cáo - ${kindName}`,
  templateNotShared:
    'Tài khoản của anh/chị chưa mở được tài liệu mẫu ghi ở trang «Cài đặt» (mẫu do một tài khoản khác tạo và chưa chia sẻ cho anh/chị). Nhờ người đã tạo mẫu mở mẫu và chia sẻ cho anh/chị (quyền Xem), rồi chọn «Tạo báo cáo» lại; hoặc chọn «Tạo mẫu báo cáo mặc định» để có mẫu của riêng mình.',
  folderName: (sheet: string) => `Báo cáo xã - ${sheet}`,
  // The PDF beside the report (report-pdf.ts); the report stands without it.
  logPdf: (url: string) => `Bản PDF: ${url}`,
  pdfFailed: (reason: string) => `Chưa lưu được bản PDF (báo cáo vẫn được tạo): ${reason} Có thể chọn «Tạo báo cáo» lại để có bản PDF.`,
  pdfOutOfTime: 'Chưa lưu bản PDF vì lượt chạy sắp hết thời gian Google cho phép (báo cáo vẫn được tạo). Chọn «Tạo báo cáo» lại để có bản PDF.',
  pdfNotYetVisible:
    'Chưa lưu bản PDF: trong lượt chạy này Google chưa cho thấy các số liệu vừa điền vào báo cáo, nên bản PDF lúc này sẽ chỉ có các thẻ {{…}}. Báo cáo vẫn được tạo đầy đủ. Bấm «Lưu bản PDF» trong hộp thoại báo cáo (một lượt chạy mới), hoặc mở báo cáo và chọn Tệp › Tải xuống › PDF.',
  pdfStillNotVisible:
    'Google vẫn chưa cho thấy các số liệu mới của báo cáo, nên chưa lưu bản PDF. Đợi một phút rồi bấm «Lưu bản PDF» lại, hoặc mở báo cáo và chọn Tệp › Tải xuống › PDF.',
  pdfSaved: (url: string) => `Đã lưu bản PDF cùng thư mục với báo cáo: ${url}`,
  pdfReportNotLogged: 'Không tìm thấy báo cáo này trong trang «Nhật ký» (dòng ghi lần tạo báo cáo đã bị xóa?), nên chưa lưu bản PDF. Mở báo cáo và chọn Tệp › Tải xuống › PDF.',
  // Reasons, from what Google answered.
  rateLimited: 'Google đang giới hạn số lượt gọi (quá nhiều yêu cầu). Đợi một phút rồi thử lại.',
  notFound: 'Không tìm thấy tài liệu mẫu hoặc thư mục lưu (đã bị xóa, hoặc ứng dụng không có quyền). Kiểm tra mã trong trang «Cài đặt».',
  noPermission: 'Ứng dụng không có quyền với tệp hoặc thư mục này trên Drive.',
  serviceMissing: (name: string) => `Dịch vụ nâng cao «${name}» chưa được bật trong dự án Apps Script.`,
  other: (detail: string) => `Google báo lỗi: ${detail}`,
  markersLost: (tag: string, first: number, second: number) =>
    `Google không giữ nguyên dấu tạm khi điền thẻ ${tag} (lượt đầu thay ${first} chỗ, lượt sau ${second} chỗ), nên báo cáo có thể điền sai. Bản sao đã được bỏ vào thùng rác. Hãy chạy «Tự kiểm tra kết nối Google» và gửi kết quả cho người quản lý ứng dụng.`,
  lineBreakLost: (tag: string) =>
    `Google không giữ chỗ xuống dòng trong giá trị của thẻ ${tag}. Bản sao đã được bỏ vào thùng rác. Hãy viết giá trị đó trên một dòng (bỏ chỗ xuống dòng trong ô số liệu) rồi chọn «Tạo báo cáo» lại.`,
  // The «Nhật ký» log.
  logAction: 'Tạo báo cáo',
  logTemplateAction: 'Tạo mẫu',
  logOk: 'Thành công',
  logTemplateProblems: 'Mẫu có lỗi',
  logFailed: 'Lỗi',
  logCancelled: 'Đã hủy',
  logOutOfTime: 'Dừng: sắp hết thời gian',
  logOutOfTimeMerging: 'Đã dừng khi đang điền số liệu vào bản sao; bản sao dở dang đã được bỏ vào thùng rác.',
  logInProgress: 'Đang tạo',
  logStopped: 'Bị dừng giữa chừng',
  /** `trashed` and `left`: ids of the stopped run's files (its copy, then its PDF if one was stored). */
  logStoppedDetail: (trashed: readonly string[], left: readonly string[]) =>
    'Lần chạy này bị Google dừng trước khi xong (thường do quá 6 phút).' +
    (trashed.length === 1 ? ' Bản sao dở dang đã được bỏ vào thùng rác.' : trashed.length > 1 ? ' Bản sao dở dang và bản PDF của nó đã được bỏ vào thùng rác.' : '') +
    (left.length > 0 ? ` Không bỏ được tệp dở dang (mã ${left.join(', ')}) vào thùng rác: hãy xóa trong Google Drive.` : ''),
  recoveredStoppedRun: (name: string) =>
    `Lần tạo báo cáo trước («${name}») đã bị Google dừng giữa chừng; bản sao dở dang đã được dọn và trang «Nhật ký» đã ghi lại.`,
  outOfTime:
    'Đã dừng an toàn vì lần chạy này sắp hết 6 phút mà Google Apps Script cho phép. Chưa có báo cáo nào được tạo (bản sao dở dang, nếu có, đã được bỏ vào thùng rác); mẫu và số liệu không bị thay đổi. Hãy chọn «Tạo báo cáo» lại: lần sau thường nhanh hơn.',
} as const;

/** Rows of the «Cài đặt» tab: label in column A, value in B, help in C (settings.ts). */
export const SETTINGS_MSG = {
  header: SETTINGS_HEADER,
  templateId: 'Mã tài liệu mẫu',
  templateUrl: 'Liên kết tài liệu mẫu',
  folderId: 'Mã thư mục lưu báo cáo',
  fileName: 'Mẫu tên tệp báo cáo',
  kind: KIND_SETTING_LABEL,
  kindHelp: 'Tên hoặc mã loại báo cáo (ví dụ kinh-te-xa-hoi); «Thiết lập bảng tính» thêm các trang, bảng, dòng, cột còn thiếu của loại này.',
  templateIdHelp: 'Do «Tạo mẫu báo cáo mặc định» ghi vào; có thể thay bằng mã của một tài liệu mẫu khác do ứng dụng tạo.',
  templateUrlHelp: 'Mở để sửa mẫu (giữ nguyên các thẻ {{…}}).',
  folderIdHelp: 'Do «Tạo mẫu báo cáo mặc định» tạo và ghi vào. Ứng dụng chỉ dùng được thư mục do chính nó tạo (quyền drive.file); để trống thì báo cáo nằm cùng thư mục với mẫu.',
  fileNameHelp: 'Các chỗ {ten_xa}, {ten_phong_trao}, {giai_doan}, {thoi_gian} được thay bằng số liệu và giờ tạo.',
  defaultFileName: 'Báo cáo {ten_phong_trao} {giai_doan} - {ten_xa} - {thoi_gian}',
  savePdf: 'Lưu thêm bản PDF',
  savePdfHelp: '«Có»: «Tạo báo cáo» lưu thêm một bản PDF của báo cáo vào cùng thư mục, và «Chia sẻ cho nơi nhận» chia sẻ được cả bản đó. «Không»: chỉ tạo tài liệu Google Docs.',
  yes: 'Có',
} as const;

/** "Xem góp ý": the reviewers' comments on the generated reports (comments.ts). */
export const COMMENTS_MSG = {
  title: 'Góp ý của nơi nhận',
  toastTitle: 'Báo cáo',
  reading: 'Đang đọc góp ý trên các báo cáo đã tạo…',
  noReports: 'Chưa có báo cáo nào trong trang «Nhật ký». Chọn «Tạo báo cáo» và chia sẻ trước, rồi xem góp ý.',
  cannotRead: (reason: string) => `Không đọc được góp ý của báo cáo này: ${reason}`,
  kindComment: 'Góp ý',
  kindReply: 'Trả lời',
  kindNone: 'Chưa có góp ý',
  kindError: 'Lỗi',
  open: 'Chưa giải quyết',
  resolved: 'Đã giải quyết',
  actionResolve: 'Đánh dấu đã giải quyết',
  actionReopen: 'Mở lại',
  logAction: 'Xem góp ý',
  logOpen: (n: number) => `Còn ${n} góp ý chưa giải quyết`,
  logError: 'Lỗi',
  logDetail: (n: number) => `Tổng cộng ${n} góp ý`,
  logFailed: (reason: string) => `Không ghi được vào trang «Nhật ký»: ${reason}`,
} as const;
