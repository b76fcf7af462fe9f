import ExcelJS from 'exceljs';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { readSheet } from '/work/wt/defects/dist/src/modules/imports/sheet-reader.js';
let buf;
if (existsSync('/tmp/dfx/100k.xlsx')) buf = readFileSync('/tmp/dfx/100k.xlsx'); else {
const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('a');
ws.addRow(['Họ và tên','Ngày sinh','Giới tính','Số CCCD','Mã đơn vị cư trú','Tên','Địa chỉ','SĐT','Tình trạng','Chất','Ngày lập','Ngày QĐ','Tạm giữ']);
for (let i=0;i<100000;i++) ws.addRow([`Nguyễn Văn ${i}`, new Date(Date.UTC(1990,1,1+i%300)), 'Nam', String(1000000000+i), 'XA-01', 'Xã Một', `${i} đường Lê Lợi`, '0912345678', 'nghiện', 'heroin', '01/02/2024', '', 'không']);
buf = Buffer.from(await wb.xlsx.writeBuffer()); writeFileSync('/tmp/dfx/100k.xlsx', buf);
}
for (let k=0;k<2;k++){ const t=performance.now(); const rows = await readSheet(buf,'xlsx'); console.log('ours', rows.length, Math.round(performance.now()-t),'ms'); }
console.log('maxrss MB', process.resourceUsage().maxRSS/1024);
