/**
 * An answer's id, made on the device so a retried answer is stored once. 128 random bits from
 * crypto.getRandomValues, which browsers offer on plain http too (crypto.randomUUID needs a secure
 * context, and the shop's address http://192.168.x.x is not one).
 */
export function newClientId(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const bytes = random(new Uint8Array(16))
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
