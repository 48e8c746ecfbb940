// The one folding rule and the one word hash, shared by the library and its build script
// (which `include!`s this file), so that the table built at compile time is looked up with
// exactly the key and the hash it was built with.

/// Longest folded word, in bytes, that the lexicon holds or looks up; a longer word matches
/// no entry.
pub const MAX_WORD: usize = 64;

/// A word folded on the stack: see [`fold`].
#[derive(Clone, Copy)]
pub struct Folded {
    buf: [u8; MAX_WORD],
    len: usize,
}

impl Folded {
    /// The folded word.
    #[must_use]
    #[inline]
    pub fn as_str(&self) -> &str {
        // `fold` writes whole UTF-8 sequences only.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Debug for Folded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Folded").field(&self.as_str()).finish()
    }
}

/// The one folding rule of every lexicon lookup: lower case (ASCII on a fast path, full
/// Unicode lower-casing otherwise), with the typographic apostrophe `’` written as `'`.
/// `None` when the folded word is longer than [`MAX_WORD`] bytes (no entry is).
#[must_use]
#[inline]
pub fn fold(word: &str) -> Option<Folded> {
    let mut buf = [0u8; MAX_WORD];
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        let out = buf.get_mut(..bytes.len())?;
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        return Some(Folded {
            buf,
            len: bytes.len(),
        });
    }
    let mut len = 0;
    for c in word.chars() {
        let mut put = |c: char| -> Option<()> {
            let n = c.len_utf8();
            c.encode_utf8(buf.get_mut(len..len + n)?);
            len += n;
            Some(())
        };
        if c == '’' {
            put('\'')?;
        } else if c.is_ascii() {
            put(c.to_ascii_lowercase())?;
        } else {
            for l in c.to_lowercase() {
                put(l)?;
            }
        }
    }
    Some(Folded { buf, len })
}

/// Eight bytes in ASCII lower case at once (bytes outside ASCII unchanged): the bit trick of
/// the standard library's `make_ascii_lowercase`.
#[inline]
fn lower_u64(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let heptets = w & !HIGH;
    // Each byte's high bit: set when the byte is at least 'A', and when it is above 'Z'.
    let at_least_a = heptets + 0x3f3f_3f3f_3f3f_3f3f;
    let above_z = heptets + 0x2525_2525_2525_2525;
    let upper = !w & (at_least_a ^ above_z) & HIGH;
    w | (upper >> 2)
}

/// The hash of a word's bytes in ASCII lower case (so that an ASCII word hashes as its fold
/// does, without a copy): `FxHash` (rustc's multiply-rotate hash) over its bytes eight at a
/// time, then its length. The keys are our own lists, not input: no flooding concern.
#[must_use]
#[inline]
pub fn word_hash(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ lower_u64(w)).wrapping_mul(SEED);
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        h = add(h, u64::from_le_bytes(b));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = add(h, tail(rest));
    }
    (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(SEED)
}

/// [`word_hash`] of a word of at most eight bytes from its [`short_key`] and its length: the
/// same value, without reading the word again.
#[must_use]
#[inline]
pub fn short_hash(short: u64, len: usize) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let h = if len == 0 {
        0
    } else {
        (0u64.rotate_left(5) ^ short).wrapping_mul(SEED)
    };
    (h.rotate_left(5) ^ len as u64).wrapping_mul(SEED)
}

/// A word of at most eight bytes as one `u64` in ASCII lower case (0 for a longer or empty
/// one): two words of one length have the same value exactly when they are equal in ASCII lower
/// case, so a lookup compares a short word with a key in one instruction.
#[must_use]
#[inline]
pub fn short_key(bytes: &[u8]) -> u64 {
    match bytes.len() {
        8 => {
            let mut b = [0u8; 8];
            b.copy_from_slice(bytes);
            lower_u64(u64::from_le_bytes(b))
        }
        1..=7 => lower_u64(tail(bytes)),
        _ => 0,
    }
}

/// The last one to seven bytes of a word as one `u64`, read in at most two loads rather than a
/// copy of variable length (which calls `memcpy`). Each byte keeps its own lane, so that
/// `lower_u64` folds them; with the length hashed too, different tails of one length give
/// different values.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        // Two overlapping four-byte loads.
        let mut lo = [0u8; 4];
        lo.copy_from_slice(&rest[..4]);
        let mut hi = [0u8; 4];
        hi.copy_from_slice(&rest[n - 4..]);
        u64::from(u32::from_le_bytes(lo)) | u64::from(u32::from_le_bytes(hi)) << 32
    } else {
        // One to three bytes: the first, the middle and the last.
        u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
    }
}
