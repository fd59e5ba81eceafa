/**
 * Point compression on the NIST P-256 curve (SEC 1 §2.3.3–2.3.4). A share link carries the
 * organiser's public key in its 33-byte compressed form; Web Crypto imports the 65-byte
 * uncompressed form everywhere but the compressed one only in some browsers, so the point is
 * restored here: y² = x³ − 3x + b (mod p), and since p ≡ 3 (mod 4), y = (y²)^((p+1)/4).
 */

const p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
const b = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn
const coordinateLength = 32

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n
  let square = base % p
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % p
    square = (square * square) % p
  }
  return result
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

function toBytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(coordinateLength)
  let rest = value
  for (let index = coordinateLength - 1; index >= 0; index -= 1) {
    bytes[index] = Number(rest & 255n)
    rest >>= 8n
  }
  return bytes
}

/** y² for a given x, or null when x is not a field element. */
function curveRightSide(x: bigint): bigint | null {
  if (x >= p) return null
  return (((x * x) % p) * x - 3n * x + b + 3n * p) % p
}

/** `04‖x‖y` (65 bytes) → `02|03‖x` (33 bytes); null unless the input is an uncompressed point of the curve. */
export function compressP256Point(uncompressed: Uint8Array): Uint8Array | null {
  if (uncompressed.length !== 1 + 2 * coordinateLength || uncompressed[0] !== 4) return null
  const x = toBigInt(uncompressed.subarray(1, 1 + coordinateLength))
  const y = toBigInt(uncompressed.subarray(1 + coordinateLength))
  const rightSide = curveRightSide(x)
  if (rightSide === null || y >= p || (y * y) % p !== rightSide) return null
  const compressed = new Uint8Array(1 + coordinateLength)
  compressed[0] = y & 1n ? 3 : 2
  compressed.set(uncompressed.subarray(1, 1 + coordinateLength), 1)
  return compressed
}

/** `02|03‖x` → `04‖x‖y`; null when no point of the curve has this x. */
export function decompressP256Point(compressed: Uint8Array): Uint8Array | null {
  const prefix = compressed[0]
  if (compressed.length !== 1 + coordinateLength || (prefix !== 2 && prefix !== 3)) return null
  const x = toBigInt(compressed.subarray(1))
  const rightSide = curveRightSide(x)
  if (rightSide === null) return null
  let y = modPow(rightSide, (p + 1n) / 4n)
  if ((y * y) % p !== rightSide) return null
  if (Number(y & 1n) !== prefix - 2) {
    if (y === 0n) return null
    y = p - y
  }
  const uncompressed = new Uint8Array(1 + 2 * coordinateLength)
  uncompressed[0] = 4
  uncompressed.set(compressed.subarray(1), 1)
  uncompressed.set(toBytes(y), 1 + coordinateLength)
  return uncompressed
}
