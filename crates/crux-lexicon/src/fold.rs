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

/// The hash of a folded word: `FxHash` (rustc's multiply-rotate hash) over its bytes eight at
/// a time, then its length. The keys are our own lists, not input: no flooding concern.
#[must_use]
#[inline]
pub fn word_hash(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(SEED);
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        h = add(h, u64::from_le_bytes(b));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = add(h, u64::from_le_bytes(b));
    }
    add(h, bytes.len() as u64)
}
