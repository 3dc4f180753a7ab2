/**
 * Short declaration ids people can read out over the phone: `BR-` and five characters from an
 * alphabet without 0/O, 1/I/L and U, so nothing is misread. 30⁵ ≈ 24 million codes; the database's
 * unique index catches the rare repeat and the caller draws again.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 5;

export const SHORT_CODE_PATTERN = /^BR-[2-9A-HJKMNP-TV-Z]{5}$/;

/** Bytes at or above this would favour the first letters of the alphabet, so they are drawn again. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/**
 * A new random code.
 *
 * @example newShortCode() // "BR-7K3Q9"
 */
export function newShortCode(randomBytes: (count: number) => Uint8Array = defaultRandomBytes): string {
  let code = "";
  while (code.length < LENGTH) {
    for (const byte of randomBytes(LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT || code.length === LENGTH) continue;
      code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `BR-${code}`;
}

function defaultRandomBytes(count: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(count));
}

