//! The zip container of an XLSX (and of the widget kit the app packs): writing deflated
//! entries, and reading the entries of a workbook made by any spreadsheet program (stored or
//! deflated, with or without data descriptors). Unpacking is bounded, so a small file cannot
//! unfold into gigabytes.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The most a workbook may hold once unpacked, in total.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;
/// The most entries a workbook may have.
const MAX_ENTRIES: usize = 10_000;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
/// 1980-01-01 00:00, the earliest time zip can say: every file written is the same for the
/// same content.
const DOS_DATE: u16 = (1 << 5) | 1;

/// Why the container cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// Not a zip file, or its directory is damaged.
    Damaged(&'static str),
    /// An entry the workbook needs is not there.
    Missing(String),
    /// Unpacked, the workbook would be larger than [`MAX_UNPACKED_BYTES`].
    TooLarge(usize),
}

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut index = 0;
    while index < 256 {
        let mut value = index as u32;
        let mut bit = 0;
        while bit < 8 {
            value = if value & 1 == 1 {
                0xEDB8_8320 ^ (value >> 1)
            } else {
                value >> 1
            };
            bit += 1;
        }
        table[index] = value;
        index += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 (IEEE), as zip stores it.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &byte| {
        CRC_TABLE[((crc ^ u32::from(byte)) & 0xff) as usize] ^ (crc >> 8)
    })
}

/// "Version made by": Unix (3), zip 2.0.
const MADE_ON_UNIX: u16 = 3 << 8 | 20;
/// A plain file, read and write for its owner, read for others (0o100644).
const UNIX_FILE_MODE: u32 = 0o100644;

/// Packs `entries` (name, content) into a zip file, each deflated.
pub fn write(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, content) in entries {
        let packed = compress_to_vec(content, 6);
        let crc = crc32(content);
        let offset = out.len() as u32;
        let fields = |out: &mut Vec<u8>| {
            put16(out, 20); // version needed: 2.0
            put16(out, 0x0800); // names in UTF-8
            put16(out, 8); // deflate
            put16(out, 0); // time
            put16(out, DOS_DATE);
            put32(out, crc);
            put32(out, packed.len() as u32);
            put32(out, content.len() as u32);
            put16(out, name.len() as u16);
            put16(out, 0); // extra field
        };
        put32(&mut out, LOCAL_HEADER);
        fields(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        put32(&mut directory, CENTRAL_HEADER);
        // Made on Unix, so that unzip takes the UTF-8 names as they are (on MS-DOS it reads
        // them in the DOS code page, whatever the flag says), with each file readable.
        put16(&mut directory, MADE_ON_UNIX);
        fields(&mut directory);
        put16(&mut directory, 0); // comment
        put16(&mut directory, 0); // disk
        put16(&mut directory, 0); // internal attributes
        put32(&mut directory, UNIX_FILE_MODE << 16); // external attributes
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    put32(&mut out, END_OF_DIRECTORY);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, directory.len() as u32);
    put32(&mut out, directory_offset);
    put16(&mut out, 0);
    out
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn get16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn get32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// One entry of a zip file's directory.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    crc: u32,
    packed_size: usize,
    size: usize,
    offset: usize,
}

/// A zip file opened for reading entries by name.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    unpacked: std::cell::Cell<usize>,
}

impl<'a> Archive<'a> {
    /// Reads the directory of `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Self, ZipError> {
        let damaged = ZipError::Damaged("the zip directory cannot be found");
        // The end record is within the last 64 KiB (its comment) plus its own 22 bytes.
        let search_from = bytes.len().saturating_sub(65_535 + 22);
        let end = (search_from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&at| get32(bytes, at) == Some(END_OF_DIRECTORY))
            .ok_or(damaged)?;
        let count = get16(bytes, end + 10).ok_or(ZipError::Damaged("short end record"))? as usize;
        let mut at = get32(bytes, end + 16).ok_or(ZipError::Damaged("short end record"))? as usize;
        if count > MAX_ENTRIES {
            return Err(ZipError::Damaged("too many entries"));
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let bad = ZipError::Damaged("a damaged directory entry");
            if get32(bytes, at) != Some(CENTRAL_HEADER) {
                return Err(bad);
            }
            let field16 = |offset| get16(bytes, at + offset).ok_or(bad.clone());
            let field32 = |offset| get32(bytes, at + offset).ok_or(bad.clone());
            let method = field16(10)?;
            let crc = field32(16)?;
            let packed_size = field32(20)? as usize;
            let size = field32(24)? as usize;
            let name_length = field16(28)? as usize;
            let extra_length = field16(30)? as usize;
            let comment_length = field16(32)? as usize;
            let offset = field32(42)? as usize;
            if packed_size == u32::MAX as usize || size == u32::MAX as usize {
                return Err(ZipError::Damaged("zip64 entries are not read"));
            }
            let name = bytes
                .get(at + 46..at + 46 + name_length)
                .ok_or(bad.clone())?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                method,
                crc,
                packed_size,
                size,
                offset,
            });
            at += 46 + name_length + extra_length + comment_length;
        }
        Ok(Archive {
            bytes,
            entries,
            unpacked: std::cell::Cell::new(0),
        })
    }

    /// Whether an entry of this name exists (names compare without case, as Excel's do).
    pub fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| {
            entry
                .name
                .eq_ignore_ascii_case(name.trim_start_matches('/'))
        })
    }

    /// The unpacked content of the entry `name`, its CRC checked.
    pub fn read(&self, name: &str) -> Result<Vec<u8>, ZipError> {
        let entry = self
            .entry(name)
            .ok_or_else(|| ZipError::Missing(name.to_owned()))?;
        let total = self.unpacked.get() + entry.size;
        if total > MAX_UNPACKED_BYTES {
            return Err(ZipError::TooLarge(total));
        }
        let bad = ZipError::Damaged("a damaged entry");
        if get32(self.bytes, entry.offset) != Some(LOCAL_HEADER) {
            return Err(bad);
        }
        let name_length = get16(self.bytes, entry.offset + 26).ok_or(bad.clone())? as usize;
        let extra_length = get16(self.bytes, entry.offset + 28).ok_or(bad.clone())? as usize;
        let start = entry.offset + 30 + name_length + extra_length;
        let packed = self
            .bytes
            .get(start..start + entry.packed_size)
            .ok_or(bad.clone())?;
        let content = match entry.method {
            0 => packed.to_vec(),
            8 => decompress_to_vec_with_limit(packed, MAX_UNPACKED_BYTES - self.unpacked.get())
                .map_err(|_| ZipError::Damaged("deflated data that does not inflate"))?,
            _ => return Err(ZipError::Damaged("an unknown compression method")),
        };
        if content.len() != entry.size || crc32(&content) != entry.crc {
            return Err(ZipError::Damaged("an entry whose checksum does not match"));
        }
        self.unpacked.set(self.unpacked.get() + content.len());
        Ok(content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn entries_written_are_read_back() {
        let entries = vec![
            ("a.xml".to_owned(), b"<a/>".repeat(1000)),
            ("dir/b.txt".to_owned(), "日本語".as_bytes().to_vec()),
            ("empty".to_owned(), Vec::new()),
        ];
        let packed = write(&entries);
        let archive = Archive::open(&packed).unwrap();
        for (name, content) in &entries {
            assert_eq!(&archive.read(name).unwrap(), content);
        }
        assert!(archive.has("/DIR/B.TXT"));
        assert_eq!(
            archive.read("missing").unwrap_err(),
            ZipError::Missing("missing".into())
        );
    }

    #[test]
    fn the_directory_says_made_on_unix_with_a_readable_file_mode() {
        // Debian's unzip reads the names of entries made on MS-DOS in the DOS code page, even
        // with the UTF-8 flag: a Japanese file name came out garbled and the widget kit broke.
        let packed = write(&[("公開.json".to_owned(), b"{}".to_vec())]);
        let at = packed
            .windows(4)
            .position(|window| window == CENTRAL_HEADER.to_le_bytes())
            .unwrap();
        let entry = &packed[at..];
        assert_eq!(entry[5], 3, "made by: Unix");
        assert_eq!(
            u16::from_le_bytes([entry[8], entry[9]]) & 0x0800,
            0x0800,
            "UTF-8 names"
        );
        let external = u32::from_le_bytes(entry[38..42].try_into().unwrap());
        assert_eq!(external >> 16, 0o100644);
    }

    #[test]
    fn a_flipped_byte_is_caught_by_the_checksum_or_the_inflater() {
        let packed = write(&[("a".to_owned(), b"hello hello hello".to_vec())]);
        for at in 30..packed.len() / 2 {
            let mut damaged = packed.clone();
            damaged[at] ^= 0x40;
            if let Ok(archive) = Archive::open(&damaged) {
                if let Ok(content) = archive.read("a") {
                    assert_eq!(content, b"hello hello hello");
                }
            }
        }
    }

    #[test]
    fn garbage_is_not_a_zip() {
        assert!(Archive::open(b"PK\x03\x04 not really").is_err());
        assert!(Archive::open(b"").is_err());
    }
}
