/** Every Vietnamese sentence about a .docx template that cannot be used, in one place. */
export const docxMessages = {
  notZip: 'tệp không phải là tài liệu Word dạng .docx (nếu là tệp .doc cũ, hãy mở bằng Word và lưu lại dạng .docx)',
  noBody: 'tệp .docx không có phần thân văn bản (word/document.xml)',
  missingPart: (path: string) => `tệp .docx thiếu phần «${path}»`,
  badXml: (path: string, detail: string) => `phần «${path}» của tệp .docx bị hỏng (${detail})`,
  notFound: (file: string) => `Không tìm thấy mẫu báo cáo «${file}».`,
  problemsHeading: 'Chưa tạo báo cáo: mẫu báo cáo có thẻ không dùng được:',
  unreadable: (file: string, reason: string) => `Không dùng được «${file}» làm mẫu báo cáo Word: ${reason}.`,
};
