//! A fast refusal of text nested too deep to be a real document (`[[[[…]]]]`, `{a: {a: …}}`, `- - - …`
//! thousands of levels deep), before any parser sees it: parsers take minutes on such input before they
//! report their own recursion limit.
//!
//! The scan is one pass over the bytes, with a fixed-size stack of block indentations (no allocation per
//! level). It counts flow collections (`[`, `{`) outside quoted scalars and comments, and block levels by
//! indentation (and compact `- - x` sequences). It is approximate, on the side of accepting: a real document
//! is nowhere near the limit.

/// The deepest nesting of collections a document may have.
pub const MAX_NESTING: usize = 256;

/// Where text first goes deeper than [`MAX_NESTING`]: the line (from 1) and column (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

/// `Err` with the first place nested deeper than [`MAX_NESTING`] levels. `is_json` reads the text as JSON
/// (no block structure, only `"` strings); otherwise as YAML, which JSON also is.
pub fn check_nesting(text: &str, is_json: bool) -> Result<(), TooDeep> {
    let bytes = text.as_bytes();
    // Block indentation levels (YAML); fixed size, so no allocation per level.
    let mut block = [0usize; MAX_NESTING + 1];
    let mut block_len = 0usize;
    let mut flow = 0usize;
    let mut line = 1usize;
    let mut line_start = 0usize;
    // Whether the next non-blank character starts a value (where `[`, `{` or a quote opens something).
    let mut value_start = true;
    let mut at_line_start = true;
    // The indentation of the line that opened a block scalar, while its lines are being skipped.
    let mut block_scalar: Option<usize> = None;
    let mut line_indent = 0usize;
    let mut i = 0usize;
    let too_deep = |line: usize, at: usize, line_start: usize| TooDeep {
        line,
        column: at - line_start + 1,
    };
    while i < bytes.len() {
        let b = bytes[i];
        if at_line_start {
            at_line_start = false;
            if !is_json && flow == 0 {
                // Indentation, then compact sequence entries (`- - x`): each is a block level.
                let mut col = 0usize;
                while i + col < bytes.len() && bytes[i + col] == b' ' {
                    col += 1;
                }
                let first = bytes.get(i + col).copied();
                line_indent = col;
                let blank = matches!(first, None | Some(b'\n' | b'\r' | b'#'));
                if let Some(parent) = block_scalar {
                    if blank || col > parent {
                        // A line of a block scalar (`|`, `>`): text, not structure.
                        while i < bytes.len() && bytes[i] != b'\n' {
                            i += 1;
                        }
                        continue;
                    }
                    block_scalar = None;
                }
                if !blank {
                    let mut indent = col;
                    loop {
                        while block_len > 0 && block[block_len - 1] > indent {
                            block_len -= 1;
                        }
                        if block_len == 0 || block[block_len - 1] < indent {
                            if block_len + flow >= MAX_NESTING {
                                return Err(too_deep(line, i + indent, line_start));
                            }
                            block[block_len] = indent;
                            block_len += 1;
                        }
                        let at = i + indent;
                        let dash = bytes.get(at) == Some(&b'-')
                            && matches!(bytes.get(at + 1), None | Some(b' ' | b'\n' | b'\r'));
                        if !dash {
                            break;
                        }
                        indent += 1;
                        while bytes.get(i + indent) == Some(&b' ') {
                            indent += 1;
                        }
                        if matches!(bytes.get(i + indent), None | Some(b'\n' | b'\r')) {
                            break;
                        }
                    }
                    i += indent;
                    value_start = true;
                    continue;
                }
            }
            value_start = true;
            continue;
        }
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                at_line_start = true;
            }
            b' ' | b'\t' | b'\r' => {}
            b'#' if !is_json
                && (i == line_start || matches!(bytes[i - 1], b' ' | b'\t' | b'\r')) =>
            {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' if (is_json && b == b'"') || (!is_json && value_start) => {
                // A quoted scalar: skip to its end (`\` escapes in double quotes, `''` in single ones).
                i += 1;
                while i < bytes.len() {
                    let c = bytes[i];
                    if c == b'\n' {
                        line += 1;
                        line_start = i + 1;
                    }
                    if b == b'"' && c == b'\\' {
                        i += 2;
                        continue;
                    }
                    if c == b {
                        if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                value_start = false;
            }
            b'[' | b'{' if is_json || flow > 0 || value_start => {
                if flow + block_len >= MAX_NESTING {
                    return Err(too_deep(line, i, line_start));
                }
                flow += 1;
                value_start = true;
            }
            b']' | b'}' if flow > 0 => {
                flow -= 1;
                value_start = false;
            }
            b',' if flow > 0 || is_json => value_start = true,
            b':' if is_json
                || flow > 0
                || matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r')) =>
            {
                value_start = true
            }
            b'|' | b'>' if !is_json && flow == 0 && value_start => {
                block_scalar = Some(line_indent);
                value_start = false;
            }
            b'-' | b'?'
                if !is_json
                    && value_start
                    && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r')) => {}
            _ => value_start = false,
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("{}1{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn flow_block_and_json_nesting_beyond_the_limit_is_refused() {
        assert!(check_nesting(&nested("[", "]", 200), false).is_ok());
        assert!(check_nesting(&nested("[", "]", 200), true).is_ok());
        let err = check_nesting(&nested("[", "]", 300), false).unwrap_err();
        // The line itself is a block level: the 256th bracket is one too many.
        assert_eq!((err.line, err.column), (1, MAX_NESTING));
        assert!(check_nesting(&nested("{\"a\":", "}", 300), true).is_err());
        assert!(check_nesting(&nested("{a: ", "}", 300), false).is_err());
        let block: String = (0..300).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        let err = check_nesting(&format!("x: 1\n{block}"), false).unwrap_err();
        assert_eq!(err.line, MAX_NESTING + 2, "the line indented 256 spaces");
        assert!(check_nesting(&format!("{}x\n", "- ".repeat(300)), false).is_err());
        assert!(check_nesting(&format!("{}x\n", "- ".repeat(100)), false).is_ok());
    }

    #[test]
    fn brackets_in_quotes_comments_and_plain_scalars_do_not_count() {
        let many = "[".repeat(400);
        for text in [
            format!("a: '{many}'\n"),
            format!("a: \"{many}\"\n"),
            format!("a: 1 # {many}\n"),
            format!("a: x{many}\n"),
            format!("a: it's {many}\n"),
            format!("a: |\n  {many}\n"),
        ] {
            assert!(check_nesting(&text, false).is_ok(), "{text}");
        }
        assert!(check_nesting(&format!("{{\"a\": \"{many}\\\"\"}}"), true).is_ok());
    }
}

#[cfg(test)]
mod real_documents {
    use super::*;

    /// The vendored specs and the shared corpus (when present) are all well within the limit.
    #[test]
    fn real_documents_are_not_too_deep() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for dir in [root.join("../specs"), root.join("../../shared/corpus")] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let is_json = path.extension().is_some_and(|e| e == "json");
                let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
                if !(is_json || is_yaml) {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                assert_eq!(check_nesting(&text, is_json), Ok(()), "{}", path.display());
                // The source map reads JSON as YAML.
                assert_eq!(check_nesting(&text, false), Ok(()), "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen >= 4, "{seen} documents");
    }
}
