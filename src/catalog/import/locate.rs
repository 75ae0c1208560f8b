//! Line numbers for errors found in JSON offer files.
//!
//! The JSON readers stream (one product or term in memory at a time) and name a bad value by
//! its JSON path (`$.terms.OnDemand.<sku>.<sku>.<term>.priceDimensions.<rate>`). When an import
//! fails, [`with_line`] reads the file once more, byte by byte, to find the line of that path,
//! so the message says `file:line` like every other parser. Only done on failure; the scan
//! keeps nothing but the stack of open keys.

use super::ImportError;
use std::io::{BufReader, Read};
use std::path::Path;

/// Add the line of a JSON field error's path (and of the field inside it, when it has a JSON
/// name) to its location: `at` becomes `<line>: <path>`. Other errors are returned as they are.
pub fn with_line(e: ImportError, path: &Path) -> ImportError {
    let ImportError::Field {
        file,
        at,
        field,
        message,
    } = e
    else {
        return e;
    };
    if !at.starts_with('$') {
        return ImportError::Field {
            file,
            at,
            field,
            message,
        };
    }
    let inner = match field.as_str() {
        "PricePerUnit" => ".pricePerUnit.USD",
        "StartingRange" => ".beginRange",
        "EndingRange" => ".endRange",
        "Unit" => ".unit",
        _ => "",
    };
    let targets = [format!("{at}{inner}"), at.clone()];
    let line = std::fs::File::open(path)
        .ok()
        .and_then(|f| line_of(BufReader::new(f), &targets));
    let at = match line {
        Some(l) => format!("{l}: {at}"),
        None => at,
    };
    ImportError::Field {
        file,
        at,
        field,
        message,
    }
}

/// 1-based line of the key that ends the first of `targets` found (paths written `$.a.b`,
/// object keys only); the earlier target wins when both are present.
pub fn line_of<R: Read>(reader: BufReader<R>, targets: &[String]) -> Option<usize> {
    // Each open container: `Some(current key)` for objects, `None` for arrays.
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut expect_key = false;
    let mut line = 1usize;
    let mut found: Vec<Option<usize>> = vec![None; targets.len()];
    let mut bytes = reader.bytes();
    while let Some(Ok(b)) = bytes.next() {
        match b {
            b'\n' => line += 1,
            b'{' => {
                stack.push(Some(String::new()));
                expect_key = true;
            }
            b'[' => {
                stack.push(None);
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => expect_key = matches!(stack.last(), Some(Some(_))),
            b'"' => {
                let mut s = Vec::new();
                loop {
                    match bytes.next() {
                        Some(Ok(b'\\')) => {
                            if let Some(Ok(c)) = bytes.next() {
                                s.push(c);
                            }
                        }
                        Some(Ok(b'"')) | None | Some(Err(_)) => break,
                        Some(Ok(b'\n')) => {
                            line += 1;
                            break;
                        }
                        Some(Ok(c)) => s.push(c),
                    }
                }
                if expect_key && let Some(Some(key)) = stack.last_mut() {
                    *key = String::from_utf8_lossy(&s).into_owned();
                    expect_key = false;
                    let mut path = String::from("$");
                    for k in stack.iter().flatten() {
                        path.push('.');
                        path.push_str(k);
                    }
                    for (i, t) in targets.iter().enumerate() {
                        if found[i].is_none() && *t == path {
                            found[i] = Some(line);
                        }
                    }
                    if found[0].is_some() {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    found.into_iter().flatten().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_keys_with_dots_in_them() {
        let text = "{\n \"terms\": {\n  \"OnDemand\": {\n   \"A.B\": {\n    \"x\": 1,\n    \"pricePerUnit\": {\n     \"USD\": \"abc\"\n    }\n   }\n  }\n }\n}\n";
        let t = |p: &str| line_of(BufReader::new(text.as_bytes()), &[p.to_string()]);
        assert_eq!(t("$.terms.OnDemand.A.B"), Some(4));
        assert_eq!(t("$.terms.OnDemand.A.B.pricePerUnit.USD"), Some(7));
        assert_eq!(t("$.terms.Reserved"), None);
        let both = [
            "$.terms.OnDemand.A.B.nope".to_string(),
            "$.terms.OnDemand.A.B".to_string(),
        ];
        assert_eq!(line_of(BufReader::new(text.as_bytes()), &both), Some(4));
    }
}
