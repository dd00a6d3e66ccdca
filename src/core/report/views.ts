/**
 * Lists the template reads in another cut than the workbook holds them: filtered (main crops, other
 * crops) or grouped (models by field). Each entry is one name a template can loop over.
 */
export type ListView =
  | { key: string; list: string; where: { column: string; equals: string } }
  | { key: string; list: string; groupBy: string; itemsKey: string };

export const LIST_VIEWS: ListView[] = [
  { key: 'cay_chinh', list: 'cay_trong', where: { column: 'nhom', equals: 'Cây chính' } },
  { key: 'cay_khac', list: 'cay_trong', where: { column: 'nhom', equals: 'Cây khác' } },
  { key: 'khu_cai_tang', list: 'khu_gpmb', where: { column: 'loai', equals: 'Cải táng' } },
  { key: 'khu_tai_dinh_cu', list: 'khu_gpmb', where: { column: 'loai', equals: 'Tái định cư' } },
  { key: 'linh_vuc_mo_hinh', list: 'mo_hinh', groupBy: 'linh_vuc', itemsKey: 'mo_hinh' },
];
