/** Raw DEFLATE (RFC 1951) through the platform's streams: no library, no header bytes. */
async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(output).arrayBuffer())
}

export const deflateRaw = (bytes: Uint8Array) => transform(bytes, new CompressionStream('deflate-raw'))

export const inflateRaw = (bytes: Uint8Array) => transform(bytes, new DecompressionStream('deflate-raw'))
