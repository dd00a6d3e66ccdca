/**
 * The kinds of report that ship in the repo's kinds/ folder, bundled into both doors (esbuild's JSON and
 * text loaders; vitest does the same). A new folder under kinds/ is added here once; a test checks that
 * every folder is listed.
 */
import { loadKind, type KindSource } from '../core/kind/load';
import type { ReportKind } from '../core/kind/types';
import danVanKheo from '../../kinds/dan-van-kheo/kind.json';
import danVanKheoTemplate from '../../kinds/dan-van-kheo/template.txt';
import danVanKheoSample from '../../kinds/dan-van-kheo/sample.json';
import danVanKheoRollup from '../../kinds/dan-van-kheo/rollup-template.txt';
import kinhTeXaHoi from '../../kinds/kinh-te-xa-hoi/kind.json';
import kinhTeXaHoiTemplate from '../../kinds/kinh-te-xa-hoi/template.txt';
import kinhTeXaHoiSample from '../../kinds/kinh-te-xa-hoi/sample.json';
import kinhTeXaHoiRollup from '../../kinds/kinh-te-xa-hoi/rollup-template.txt';

const SOURCES: KindSource[] = [
  { origin: 'kinds/dan-van-kheo', kindJson: danVanKheo, template: danVanKheoTemplate, rollupTemplate: danVanKheoRollup, sample: danVanKheoSample },
  { origin: 'kinds/kinh-te-xa-hoi', kindJson: kinhTeXaHoi, template: kinhTeXaHoiTemplate, rollupTemplate: kinhTeXaHoiRollup, sample: kinhTeXaHoiSample },
];

/** The kind a workbook uses when it names none: the first report the product made. */
export const DEFAULT_KIND_ID = 'dan-van-kheo';

let loaded: ReportKind[] | undefined;

/** Every bundled kind, checked on first use; a broken bundled kind is a build error, so this throws. */
export function bundledKinds(): ReportKind[] {
  if (!loaded) {
    loaded = SOURCES.map((src) => {
      const r = loadKind(src);
      if (!r.ok) throw new Error(`Bundled kind ${src.origin} is invalid:\n${r.problems.join('\n')}`);
      return r.kind;
    });
  }
  return loaded;
}

export function bundledKind(id: string): ReportKind | undefined {
  return bundledKinds().find((k) => k.id === id);
}

export function defaultKind(): ReportKind {
  return bundledKind(DEFAULT_KIND_ID) as ReportKind;
}
