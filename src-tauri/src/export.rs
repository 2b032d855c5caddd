//! Writing exported images. The UI renders the map (PNG or SVG) exactly as drawn in the webview
//! and sends it base64-encoded; this decodes it and replaces the file whole (temporary + rename).

use std::path::Path;

use crate::dto::{AppError, ErrorCode};

/// Decodes standard base64 (with padding).
fn decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let three = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&three[..3 - pad]);
    }
    Some(out)
}

/// Writes the decoded image to `path`, whole or not at all.
pub fn write(path: &Path, base64: &str) -> Result<(), AppError> {
    let bytes = decode(base64)
        .ok_or_else(|| AppError::new(ErrorCode::BadRequest, "the exported image was not valid base64"))?;
    let temporary = path.with_extension("exporting");
    std::fs::write(&temporary, &bytes).and_then(|()| std::fs::rename(&temporary, path)).map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        AppError::new(ErrorCode::Io, format!("{}: {error}", path.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_with_and_without_padding() {
        assert_eq!(decode("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode("aGk=").as_deref(), Some(&b"hi"[..]));
        assert_eq!(decode("aGVs").as_deref(), Some(&b"hel"[..]));
        assert_eq!(decode("iVBORw0KGgo=").as_deref(), Some(&b"\x89PNG\r\n\x1a\n"[..]));
        assert_eq!(decode("a$=="), None);
        assert_eq!(decode("abc"), None);
    }

    #[test]
    fn writes_the_file_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("map.png");
        write(&path, "iVBORw0KGgo=").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"\x89PNG\r\n\x1a\n");
        assert!(write(&path, "not base64!").is_err());
        assert_eq!(
            std::fs::read(&path).expect("read"),
            b"\x89PNG\r\n\x1a\n",
            "a failed export leaves the file"
        );
    }
}
