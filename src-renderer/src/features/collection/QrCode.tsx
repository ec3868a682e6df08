/** A QR code drawn from its modules (rows of '0'/'1', made by the main process) as one SVG path, with its quiet zone. */
export function QrCode({ modules, label, size = 240 }: { modules: string[]; label: string; size?: number }) {
  const n = modules.length
  let d = ''
  modules.forEach((row, y) => {
    for (let x = 0; x < n; x++) if (row[x] === '1') d += `M${x + 4} ${y + 4}h1v1h-1z`
  })
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n + 8} ${n + 8}`} shapeRendering="crispEdges">
      <rect width={n + 8} height={n + 8} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
