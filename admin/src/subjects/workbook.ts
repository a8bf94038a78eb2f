// The subject columns of a template workbook, read in the browser (exceljs, loaded only when a
// workbook is chosen): every sheet whose machine row starts `subject`, `name` (and `unit` for a
// member group) belongs to the group it is named after; its rows become one block of text, one
// line per sheet row, so a problem's line is the row number people see in Excel.
import type { GroupDef } from './api';

export interface SheetBlock { sheet: string; group: GroupDef; text: string }

/** Excel's sheet-name rules as the template applies them (31 characters, no []:*?/\). */
const sheetNameOf = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map(r => r.text).join('');
  if (typeof v === 'object' && v !== null && 'result' in v) return cellText((v as { result: unknown }).result);
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text);
  return String(v).replace(/[\t\r\n]+/g, ' ');
};

export async function readSubjectSheets(file: Blob, groups: GroupDef[]): Promise<{ blocks: SheetBlock[]; unknownSheets: string[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await file.arrayBuffer());
  const blocks: SheetBlock[] = [];
  const unknownSheets: string[] = [];
  wb.eachSheet(ws => {
    const machine = ws.getRow(1);
    if (cellText(machine.getCell(1).value) !== 'subject' || cellText(machine.getCell(2).value) !== 'name') return;
    const group = groups.find(g => ws.name === sheetNameOf(g.name) || ws.name === g.code || ws.name.endsWith(` ${g.code}`));
    if (!group) return void unknownSheets.push(ws.name);
    const withUnit = cellText(machine.getCell(3).value) === 'unit';
    const lines: string[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      lines.push(r === 1 ? '' : [1, 2, ...(withUnit ? [3] : [])].map(c => cellText(row.getCell(c).value).trim()).join('\t'));
    }
    blocks.push({ sheet: ws.name, group, text: lines.join('\n') });
  });
  return { blocks, unknownSheets };
}
