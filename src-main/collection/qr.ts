import qrcode from 'qrcode-generator'

/** A QR code's modules as rows of '0' and '1' (qrcode-generator: offline, no dependencies); M correction survives a smudged table card. */
export function qrModules(text: string): { size: number; modules: string[] } {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const modules: string[] = []
  for (let r = 0; r < size; r++) {
    let row = ''
    for (let c = 0; c < size; c++) row += qr.isDark(r, c) ? '1' : '0'
    modules.push(row)
  }
  return { size, modules }
}
