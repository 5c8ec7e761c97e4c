//! The little-endian binary layout of a model file's payload.

use crate::NlpError;

/// Appends values to a byte buffer.
#[derive(Default)]
pub(crate) struct Encoder {
    pub(crate) buf: Vec<u8>,
}

impl Encoder {
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn len(&mut self, v: usize) {
        self.u64(v as u64);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }

    pub(crate) fn i8s(&mut self, v: &[i8]) {
        self.len(v.len());
        self.buf.extend(v.iter().map(|&x| x as u8));
    }

    pub(crate) fn i16s(&mut self, v: &[i16]) {
        self.len(v.len());
        self.buf.reserve(v.len() * 2);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// Reads values back, failing with the byte offset on truncation.
pub(crate) struct Decoder<'a> {
    buf: &'a [u8],
    pos: usize,
    version: u32,
}

impl<'a> Decoder<'a> {
    /// A decoder for a payload of the current format version.
    #[cfg(test)]
    pub(crate) fn new(buf: &'a [u8]) -> Decoder<'a> {
        Decoder::of_version(buf, crate::model::FORMAT_VERSION)
    }

    /// A decoder for a payload written in format `version`.
    pub(crate) fn of_version(buf: &'a [u8], version: u32) -> Decoder<'a> {
        Decoder {
            buf,
            pos: 0,
            version,
        }
    }

    /// The format version of the payload.
    pub(crate) fn version(&self) -> u32 {
        self.version
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], NlpError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(end) => {
                let s = &self.buf[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(NlpError::model("truncated payload", self.pos)),
        }
    }

    pub(crate) fn u64(&mut self) -> Result<u64, NlpError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// A length, checked against the bytes left so a damaged file cannot make us
    /// allocate without bound (`unit` = bytes per element).
    pub(crate) fn len(&mut self, unit: usize) -> Result<usize, NlpError> {
        let at = self.pos;
        let n = self.u64()?;
        let left = (self.buf.len() - self.pos) as u64;
        if n.saturating_mul(unit.max(1) as u64) > left {
            return Err(NlpError::model("length runs past the end", at));
        }
        Ok(n as usize)
    }

    pub(crate) fn str(&mut self) -> Result<String, NlpError> {
        let n = self.len(1)?;
        let at = self.pos;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| NlpError::model("string is not UTF-8", at))
    }

    pub(crate) fn strs(&mut self) -> Result<Vec<String>, NlpError> {
        let n = self.len(8)?;
        (0..n).map(|_| self.str()).collect()
    }

    pub(crate) fn i8s(&mut self) -> Result<Vec<i8>, NlpError> {
        let n = self.len(1)?;
        Ok(self.take(n)?.iter().map(|&b| b as i8).collect())
    }

    pub(crate) fn i16s(&mut self) -> Result<Vec<i16>, NlpError> {
        let n = self.len(2)?;
        let b = self.take(n * 2)?;
        Ok(b.chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect())
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
}
