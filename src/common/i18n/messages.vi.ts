/**
 * The backend's user-facing Vietnamese messages, in one place: what an import tells the commune or
 * provincial worker about their file and its rows (the JSON answer and the error report), worded as
 * they say it. Codes and field names stay English (the API's contract); only these texts are shown.
 * The web app keeps its own words in web/src/i18n; reminder texts are written by SQL
 * (reminders/reminders.sql.ts) and the export sheets by the reports module.
 */
export const VI = {
  /** The file as a whole (row 0 of an import's errors). */
  file: {
    uploaderNotAllowed: 'Người tải tệp lên không còn quyền nhập hồ sơ',
    noHeaderRow: 'Tệp không có dòng tiêu đề',
    /** The reader itself failed: the file is not at fault. */
    readerFailed: 'Lỗi của hệ thống khi đọc tệp (không phải lỗi của tệp); lỗi đã được ghi lại để quản trị viên xử lý, hãy thử lại sau',
    systemFailed: 'Lỗi hệ thống khi nhập tệp; các nhóm dòng đã ghi được giữ nguyên, hãy nhập lại tệp',
    crashed: (times: number) =>
      `Tệp đã làm dừng tiến trình nhập ${times} lần nên không được nhập tiếp; các nhóm dòng đã ghi được giữ nguyên. Hãy kiểm tra tệp (có thể quá lớn) hoặc báo quản trị viên`,
    tooManyRows: (max: number) => `Tệp có quá ${max} dòng: hãy chia thành nhiều tệp`,
    tooManyColumns: (max: number) => `Tệp có dữ liệu ở quá ${max} cột: danh sách chỉ cần các cột của mẫu`,
    tooManyCells: (max: number) => `Tệp có quá ${max} ô dữ liệu: hãy chia thành nhiều tệp`,
    unpackedTooLarge: (mb: number) => `Tệp giải nén ra hơn ${mb} MB: không phải một danh sách thông thường, hãy chia thành nhiều tệp`,
    tooMuchText: (mb: number) => `Tệp chứa hơn ${mb} MB chữ: hãy chia thành nhiều tệp`,
    xmlRunTooLong: (kb: number) => `Tệp có một ô hoặc thẻ XML dài hơn ${kb} KB`,
    tooManyStrings: (max: number) => `Tệp có hơn ${max} chuỗi chữ khác nhau: hãy chia thành nhiều tệp`,
    brokenXlsx: 'Không đọc được tệp XLSX: tệp bị hỏng hoặc không phải bảng tính Excel',
    csvNotUtf8: 'Tệp CSV phải dùng bảng mã UTF-8 (trong Excel: Lưu thành "CSV UTF-8")',
  },
  /** The header row. */
  header: {
    duplicateColumn: (header: string) => `Cột "${header}" xuất hiện hai lần`,
    missingColumn: (header: string) => `Thiếu cột bắt buộc "${header}"`,
    missingUnitColumn: 'Thiếu cột mã hoặc tên đơn vị cư trú',
  },
  /** A cell of a row. */
  cell: {
    required: 'Bắt buộc nhập',
    invalidDate: 'Ngày không hợp lệ: cần dạng dd/mm/yyyy',
    futureDate: 'Ngày ở tương lai',
    tooLong: (max: number) => `Dài quá ${max} ký tự`,
    invalidSex: 'Giới tính phải là "Nam" hoặc "Nữ"',
    invalidNationalId: 'Số CCCD phải gồm đúng 12 chữ số',
    unitRequired: 'Cần mã hoặc tên đơn vị cư trú',
    invalidPhone: 'Số điện thoại không hợp lệ: 6-20 chữ số, có thể có dấu cách, + . ( ) -',
    invalidStatus: 'Tình trạng phải là "Sử dụng" hoặc "Nghiện"',
    substanceTooLong: (max: number) => `Mỗi chất dài tối đa ${max} ký tự`,
    tooManySubstances: (max: number) => `Tối đa ${max} chất`,
    registeredBeforeBirth: 'Ngày lập hồ sơ trước ngày sinh',
    decisionBeforeBirth: 'Ngày quyết định quản lý trước ngày sinh',
    invalidBoolean: 'Phải là "Có" hoặc "Không"',
  },
  /** The residence unit a row names. */
  unit: {
    ambiguousName: (n: number) => `Tên đơn vị trùng với ${n} đơn vị trong phạm vi quản lý: hãy dùng mã đơn vị`,
    unknown: 'Không tìm thấy đơn vị cư trú',
    outOfScope: 'Đơn vị cư trú ngoài phạm vi quản lý của bạn',
    notCommune: 'Đơn vị cư trú phải là cấp xã/phường',
  },
  /** A row against the file's other rows and the open files. */
  match: {
    duplicateInFile: (row: number, byNationalId: boolean) =>
      `Trùng với dòng ${row} của tệp (cùng ${byNationalId ? 'số CCCD' : 'họ tên, ngày sinh và đơn vị cư trú'})`,
    sameFileAsRow: (row: number) => `Cùng một hồ sơ với dòng ${row} của tệp`,
    ambiguous: (n: number) => `Khớp với ${n} hồ sơ đang mở cùng họ tên, ngày sinh và đơn vị cư trú: hãy thêm số CCCD`,
    possibleDuplicate: (caseCodes: string[]) =>
      `Có thể trùng với hồ sơ đang mở ${caseCodes.join(', ')} (cùng số CCCD, hoặc họ tên gần giống, cùng ngày sinh và giới tính); nếu là người khác, hãy mở hồ sơ qua biểu mẫu và xác nhận`,
    fileElsewhere: 'Số CCCD đã có hồ sơ đang mở ở đơn vị ngoài phạm vi quản lý của bạn; đã gửi đề nghị chuyển hồ sơ tới cấp quản lý chung',
    nationalIdCapReached: (cap: number) =>
      `Đã đến giới hạn ${cap} số CCCD trùng hồ sơ đang mở ở đơn vị khác trong ngày: dòng có số CCCD bị từ chối đến ngày mai`,
  },
  /** Writing a row. */
  write: {
    nationalIdTaken: 'Số CCCD vừa được dùng cho một hồ sơ khác đang mở',
    updateRefused: (reason: string) => `Hồ sơ không cập nhật được: ${reason}`,
    failed: 'Lỗi khi ghi dữ liệu',
    batchFailed: (rows: number, reason: string) => `Cả nhóm ${rows} dòng chứa dòng này không được ghi (${reason}); hãy nhập lại tệp`,
  },
} as const;
