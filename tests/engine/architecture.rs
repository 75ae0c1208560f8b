//! The layers of `src/` and their one-way arrows, read from the code: every `crate::` path in
//! every file under `src/` (outside comments) must name a module of the same top-level module
//! or of a layer below it. The table is written once here; `docs/ARCHITECTURE.md` draws it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Top-level modules from the bottom layer up; a module may import only from layers below its
/// own (and from itself). `main.rs` and `lib.rs` are the crate root and are not checked.
const LAYERS: &[&[&str]] = &[
    // Leaves: import nothing of the crate.
    &["text", "units", "limits", "atomic_file"],
    &["catalog"],
    &["scaling"],
    &["plan"],
    &["cost"],
    &["purchase"],
    &["forecast"],
    &["report"],
    // The two shells, side by side: neither imports the other.
    &["cli", "ui"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of `text` without `//` comments (doc comments included: a doc link up the layers
/// is a pointer for the reader, not an import) and without string literals.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = '\0';
        let mut kept = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_str && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                kept.push(c);
            }
            prev = if prev == '\\' && c == '\\' { '\0' } else { c };
            i += 1;
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// The top-level modules named by `crate::…` paths in `code`, including grouped imports
/// (`crate::{a::X, b}`).
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `$crate::` or an identifier ending in `crate`
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group, skipping nested braces.
            let mut depth = 0;
            let mut name = String::new();
            let mut at_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => at_start = true,
                    c if depth == 0 && at_start && (c.is_alphanumeric() || c == '_') => {
                        name.push(c)
                    }
                    _ => {
                        if !name.is_empty() {
                            found.insert(std::mem::take(&mut name));
                        }
                        if depth == 0 && !c.is_whitespace() {
                            at_start = false;
                        }
                    }
                }
            }
            if !name.is_empty() {
                found.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

#[test]
fn modules_import_only_downwards() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(
        files.len() > 50,
        "found only {} files under src/",
        files.len()
    );
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is in no layer",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for used in crate_paths(&code_only(&text)) {
            if used == module || used == "self" || used == "super" {
                continue;
            }
            match layer_of(&used) {
                Some(l) if l < own => {}
                Some(_) => wrong.push(format!(
                    "{}: `{module}` imports `crate::{used}`, which is not below it",
                    rel.display()
                )),
                None => wrong.push(format!("{}: `crate::{used}` is in no layer", rel.display())),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up or across the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_path_reader_sees_every_form() {
    let code = code_only(
        "use crate::plan::Plan;\nuse crate::{cost::{self, X}, units};\n// crate::ui in a comment\nlet s = \"crate::cli\";\n",
    );
    let found: Vec<String> = crate_paths(&code).into_iter().collect();
    assert_eq!(found, ["cost", "plan", "units"]);
}
