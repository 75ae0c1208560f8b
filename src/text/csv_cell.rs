//! The CSV-injection guard: one neutraliser for every CSV cloudplan writes, and its exact
//! inverse for every CSV it reads back (catalogue files, items CSV, estimate CSV).

/// Neutralise a text cell against CSV formula injection ("CSV Injection",
/// <https://owasp.org/www-community/attacks/CSV_Injection>): a cell a spreadsheet could run as a
/// formula gets a leading `'`, which spreadsheets show as text. That is a cell starting with `=`,
/// `+`, `-`, `@`, tab or carriage return — also after leading spaces or double quotes (` =1+1`,
/// `"=1+1`; some importers trim them) — and, so that [`unneutralise`] is an exact inverse, a
/// cell starting with `'` itself. Every CSV cloudplan writes passes its text cells through here.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_neutralising(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn needs_neutralising(cell: &str) -> bool {
    if cell.starts_with('\'') {
        return true;
    }
    matches!(
        cell.trim_start_matches([' ', '"']).chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// The text [`neutralise`] was given, from what it returned (reading a CSV back): the leading
/// `'` is dropped only where `neutralise` would have added it.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => cell,
    }
}
