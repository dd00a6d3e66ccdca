/**
 * Writes a benchmark workbook: `node workbook.mjs <file.xlsx> <rows> [list ...]` lays out the "Dân vận
 * khéo" sample with every list (or only the lists named) grown deterministically to <rows> rows, as
 * test/golden does. Bundled by scripts/bench.mjs; not part of the product.
 */
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { defaultKind } from '../../src/kinds/bundled';
import { writeXlsx } from '../../src/node/xlsx-write';
import { paddedSample } from '../../test/helpers/padded-sample';

const [file, rows, ...only] = process.argv.slice(2);
const kind = defaultKind();
await writeXlsx(layoutWorkbook(kind, paddedSample(kind, Number(rows), only.length > 0 ? only : undefined)), file);
