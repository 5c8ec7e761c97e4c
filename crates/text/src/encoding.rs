//! Turning input bytes into text: byte-order marks, UTF-16, lossy UTF-8 repair and
//! binary detection.

/// How many leading bytes are inspected to decide whether an input is binary.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Share of control or invalid bytes in the sample above which an input is binary.
const MAX_SUSPICIOUS_SHARE: f64 = 0.10;

/// Text decoded from bytes, with what had to be repaired on the way.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Human-readable notes on repairs (invalid UTF-8, UTF-16 input).
    pub warnings: Vec<String>,
}

/// Decodes `bytes` as text.
///
/// # Errors
///
/// Returns a short reason when the bytes look binary: NUL bytes, or more than a tenth
/// of the first 64 KiB being control bytes or invalid UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(text) = decode_utf16(bytes) {
        let warnings = vec!["decoded from UTF-16".to_string()];
        return Ok(Decoded { text, warnings });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    if sample.contains(&0) {
        return Err("contains NUL bytes".to_string());
    }
    let control = sample.iter().filter(|&&b| is_suspicious_control(b)).count();
    let invalid = count_invalid_utf8(sample, bytes.len() > sample.len());
    let suspicious = control + invalid;
    if !sample.is_empty() && suspicious as f64 / sample.len() as f64 > MAX_SUSPICIOUS_SHARE {
        return Err(format!(
            "{suspicious} of its first {} bytes are control bytes or invalid UTF-8",
            sample.len()
        ));
    }
    match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Borrowed(text) => Ok(Decoded {
            text: text.to_string(),
            warnings: Vec::new(),
        }),
        std::borrow::Cow::Owned(text) => {
            let repaired = count_invalid_sequences(bytes);
            let warnings = vec![format!(
                "invalid UTF-8 repaired: {repaired} byte sequence(s) replaced with U+FFFD"
            )];
            Ok(Decoded { text, warnings })
        }
    }
}

/// Control bytes that do not occur in text (tab, newlines, form feed and escape are
/// tolerated: they appear in scraped pages).
fn is_suspicious_control(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// Bytes in `sample` that are not part of valid UTF-8; an incomplete character at the
/// very end does not count when the sample was cut from a longer input.
fn count_invalid_utf8(sample: &[u8], truncated: bool) -> usize {
    let mut rest = sample;
    let mut invalid = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return invalid,
            Err(e) => {
                let after = e.valid_up_to();
                match e.error_len() {
                    Some(len) => {
                        invalid += len;
                        rest = &rest[after + len..];
                    }
                    None => {
                        if !truncated {
                            invalid += rest.len() - after;
                        }
                        return invalid;
                    }
                }
            }
        }
    }
}

/// Number of invalid sequences (each becomes one U+FFFD in a lossy decode).
fn count_invalid_sequences(bytes: &[u8]) -> usize {
    let mut rest = bytes;
    let mut count = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return count,
            Err(e) => {
                count += 1;
                match e.error_len() {
                    Some(len) => rest = &rest[e.valid_up_to() + len..],
                    None => return count,
                }
            }
        }
    }
}

/// Decodes UTF-16 with a byte-order mark; `None` when there is no UTF-16 BOM.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    Some(String::from_utf16_lossy(&units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom() {
        let d = decode(b"\xEF\xBB\xBFHello.").expect("a value");
        assert_eq!(d.text, "Hello.");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn repairs_invalid_utf8_with_a_warning() {
        let d = decode(b"Caf\xE9 talks resumed in Paris on Monday.").expect("a value");
        assert_eq!(d.text, "Caf\u{FFFD} talks resumed in Paris on Monday.");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].contains("1 byte sequence"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(decode(b"abc\0def").is_err());
    }

    #[test]
    fn many_control_bytes_are_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x02 } else { b'a' })
            .collect();
        assert!(decode(&bytes).is_err());
    }

    #[test]
    fn a_few_control_bytes_are_text() {
        let mut bytes = b"The ministry said on Friday that talks would go on.".repeat(10);
        bytes.push(0x07);
        assert!(decode(&bytes).is_ok());
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).expect("a value").text, "Kyiv");
    }
}
