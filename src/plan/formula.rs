//! Formula cells: numbers written as expressions over the plan's parameters.
//!
//! Parsing and evaluation use the `exmex` crate (floating point throughout, so `7/2 = 3.5`).
//! Supported: `+ - * / ^`, parentheses, `ceil floor round trunc abs sqrt exp ln log10`, the
//! infix operators `a min b` and `a max b`, and the constants `PI` and `E`. Parameters may
//! refer to other parameters; an unknown name or a cycle is an error naming the parameter
//! or the item field where it occurs.
//!
//! Errors are in the words of the person who typed the formula, never the parser's internals:
//! [`check_syntax`] reads the formula first ("missing operand after `*`", "`(` is never
//! closed", "missing operator between `2` and `users`"), and an unknown name suggests the
//! closest known one ("unknown name `usres` — did you mean `users`?").

use super::{Num, Plan};
use exmex::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// Why a formula could not be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FormulaError {
    /// The formula does not read (what is wrong, in the user's words).
    #[error("`{formula}`: {reason}")]
    Syntax {
        /// The formula as written.
        formula: String,
        /// What is wrong and where ([`check_syntax`]).
        reason: String,
    },
    /// The formula uses a name that is not one of the plan's parameters (the closest one is
    /// suggested).
    #[error("{}", unknown_name_text(name, formula, known))]
    UnknownName {
        /// The unknown name.
        name: String,
        /// The formula it occurs in (for a parameter: the name of the parameter using it).
        formula: String,
        /// The plan's parameter names, comma-separated (`none` when there are none).
        known: String,
    },
    /// Parameters refer to each other in a loop; the chain as `a → b → a`.
    #[error("parameters refer to each other in a cycle: {0}")]
    Cycle(String),
    /// The value is NaN or infinite (`1/0`, `1e400`).
    #[error("`{formula}` is not a finite number (got {value})")]
    NotFinite {
        /// The formula (or number) as written.
        formula: String,
        /// What it evaluated to.
        value: f64,
    },
}

/// Parameter values of a plan, resolved once; evaluates item fields.
#[derive(Debug, Clone, Default)]
pub struct Evaluator {
    values: FxHashMap<String, f64>,
    /// Results of formulas already evaluated: parameters are fixed for an evaluator, so a
    /// formula's value is too, and a 10,000-item plan whose items share a few formulas parses
    /// each of them once instead of once per item and field.
    memo: std::cell::RefCell<FxHashMap<String, f64>>,
}

/// Error while resolving the plan's parameters, naming the parameter.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("parameter `{name}`: {error}")]
pub struct ParameterError {
    /// The parameter whose value could not be resolved.
    pub name: String,
    /// Why not.
    pub error: FormulaError,
}

fn parse(formula: &str) -> Result<FlatEx<f64>, FormulaError> {
    // `NaN`, `inf`, `1e400` read as numbers but are none: say so rather than "unknown name".
    if let Ok(v) = formula.trim().parse::<f64>()
        && !v.is_finite()
    {
        return Err(FormulaError::NotFinite {
            formula: formula.trim().to_string(),
            value: v,
        });
    }
    let syntax = |reason: String| FormulaError::Syntax {
        formula: formula.to_string(),
        reason,
    };
    check_syntax(formula).map_err(syntax)?;
    // What the check lets through, exmex reads; should it still refuse, say so plainly.
    FlatEx::<f64>::parse(formula).map_err(|_| {
        syntax(
            "cannot read this formula; write numbers, parameter names, + - * / ^, \
             `a min b`, `a max b` and functions such as ceil(x)"
                .to_string(),
        )
    })
}

/// Functions of one argument, written `name(x)`.
const FUNCTIONS: &[&str] = &[
    "abs", "signum", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh",
    "acosh", "atanh", "floor", "round", "ceil", "trunc", "fract", "exp", "sqrt", "cbrt", "ln",
    "log2", "log10", "log",
];
/// Operators written as words between two values (`a min b`).
const WORD_OPERATORS: &[&str] = &["min", "max", "atan2"];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Value(String),
    Function(String),
    Operator(String),
    Open,
    Close,
}

impl Token {
    fn text(&self) -> &str {
        match self {
            Token::Value(t) | Token::Function(t) | Token::Operator(t) => t,
            Token::Open => "(",
            Token::Close => ")",
        }
    }
}

fn tokens(formula: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            // `1e6`: exmex has no exponent notation; say so rather than "unknown name `e6`".
            if i < chars.len()
                && matches!(chars[i], 'e' | 'E')
                && (chars.get(i + 1).is_some_and(char::is_ascii_digit)
                    || (matches!(chars.get(i + 1), Some('+' | '-'))
                        && chars.get(i + 2).is_some_and(char::is_ascii_digit)))
            {
                let number: String = chars[start..i].iter().collect();
                return Err(format!(
                    "write `{number}{}…` in full (for example 1000 for 1e3): formulas have no exponent notation",
                    chars[i]
                ));
            }
            out.push(Token::Value(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let next_is_open = chars[i..].iter().find(|c| !c.is_whitespace()) == Some(&'(');
            out.push(if WORD_OPERATORS.contains(&word.as_str()) {
                Token::Operator(word)
            } else if FUNCTIONS.contains(&word.as_str()) || next_is_open {
                Token::Function(word)
            } else {
                Token::Value(word)
            });
        } else if c == '{' {
            // exmex's `{any name}` form of a variable.
            let start = i;
            while i < chars.len() && chars[i] != '}' {
                i += 1;
            }
            if i == chars.len() {
                return Err("`{` is never closed with `}`".to_string());
            }
            i += 1;
            out.push(Token::Value(chars[start..i].iter().collect()));
        } else if "+-*/^".contains(c) {
            out.push(Token::Operator(c.to_string()));
            i += 1;
        } else if c == '(' {
            out.push(Token::Open);
            i += 1;
        } else if c == ')' {
            out.push(Token::Close);
            i += 1;
        } else {
            return Err(format!(
                "`{c}` cannot be used in a formula (write numbers, parameter names, + - * / ^ and parentheses)"
            ));
        }
    }
    Ok(out)
}

/// Read `formula` as a person checks it: every operator between two values, parentheses
/// matched, functions called with parentheses. The message says what is wrong and where.
pub fn check_syntax(formula: &str) -> Result<(), String> {
    let toks = tokens(formula)?;
    if toks.is_empty() {
        return Err("the formula is empty".to_string());
    }
    let mut open = 0usize;
    let mut want_value = true;
    let mut prev: Option<&Token> = None;
    for (k, t) in toks.iter().enumerate() {
        match t {
            Token::Function(name) => {
                if !want_value {
                    return Err(missing_operator(prev, t));
                }
                if !FUNCTIONS.contains(&name.as_str()) {
                    return Err(match closest(name, FUNCTIONS.iter().copied()) {
                        Some(f) => format!("unknown function `{name}` — did you mean `{f}`?"),
                        None => format!(
                            "unknown function `{name}` (functions: {})",
                            FUNCTIONS.join(", ")
                        ),
                    });
                }
                if toks.get(k + 1) != Some(&Token::Open) {
                    return Err(format!(
                        "write `{name}(…)`: a function takes its value in parentheses"
                    ));
                }
            }
            Token::Value(_) => {
                if !want_value {
                    return Err(missing_operator(prev, t));
                }
                want_value = false;
            }
            Token::Open => {
                if !want_value {
                    return Err(missing_operator(prev, t));
                }
                open += 1;
            }
            Token::Close => {
                match prev {
                    Some(Token::Open) => return Err("empty parentheses `()`".to_string()),
                    Some(Token::Operator(op)) => {
                        return Err(format!("missing operand after `{op}`"));
                    }
                    _ => {}
                }
                if open == 0 {
                    return Err("`)` has no matching `(`".to_string());
                }
                open -= 1;
            }
            Token::Operator(op) => {
                if want_value {
                    let unary = op == "-" || op == "+";
                    if !unary {
                        return Err(match prev {
                            Some(Token::Operator(p)) => format!("missing operand after `{p}`"),
                            _ => format!("missing operand before `{op}`"),
                        });
                    }
                } else {
                    want_value = true;
                }
            }
        }
        prev = Some(t);
    }
    if let Some(Token::Operator(op)) = prev {
        return Err(format!("missing operand after `{op}`"));
    }
    if let Some(Token::Function(f)) = prev {
        return Err(format!(
            "write `{f}(…)`: a function takes its value in parentheses"
        ));
    }
    match open {
        0 => Ok(()),
        1 => Err("a `(` is never closed".to_string()),
        n => Err(format!("{n} `(` are never closed")),
    }
}

fn missing_operator(prev: Option<&Token>, next: &Token) -> String {
    match prev {
        Some(p) => format!(
            "missing operator between `{}` and `{}`",
            p.text(),
            next.text()
        ),
        None => format!("unexpected `{}`", next.text()),
    }
}

/// The candidate closest to `name` when it is plausibly a typo of it: the same word in other
/// capitals, or at most one edit (two for longer names; a swap of neighbours is one edit).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if name.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            let d = if c.eq_ignore_ascii_case(name) {
                0
            } else {
                edit_distance(&name.to_lowercase(), &c.to_lowercase())
            };
            (d, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Optimal string alignment distance (insert, delete, substitute, swap neighbours).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// "unknown name `usres` in `usres * 2` — did you mean `users`?"; without a close name, the
/// parameters there are.
fn unknown_name_text(name: &str, formula: &str, known: &str) -> String {
    let names: Vec<&str> = known
        .split(", ")
        .filter(|k| !k.is_empty() && *k != "none")
        .collect();
    let place = if formula.is_empty() || formula == name {
        String::new()
    } else {
        format!(" in `{formula}`")
    };
    match closest(name, names.iter().copied()) {
        Some(c) => format!("unknown name `{name}`{place} — did you mean `{c}`?"),
        None if names.is_empty() => format!(
            "unknown name `{name}`{place}: the plan has no parameters (add `{name}` as a parameter first)"
        ),
        None => format!(
            "unknown name `{name}`{place} (parameters: {})",
            names.join(", ")
        ),
    }
}

/// Evaluate `formula` with `lookup` supplying each variable's value.
fn eval_with(
    formula: &str,
    mut lookup: impl FnMut(&str) -> Result<f64, FormulaError>,
) -> Result<f64, FormulaError> {
    let expr = parse(formula)?;
    let mut vals = Vec::with_capacity(expr.var_names().len());
    for name in expr.var_names() {
        vals.push(lookup(name)?);
    }
    let v = expr.eval(&vals).map_err(|_| FormulaError::Syntax {
        formula: formula.to_string(),
        reason: "cannot evaluate this formula".to_string(),
    })?;
    if !v.is_finite() {
        return Err(FormulaError::NotFinite {
            formula: formula.to_string(),
            value: v,
        });
    }
    Ok(v)
}

/// Names a formula refers to (parameters), in order of first appearance; syntax errors surface.
pub fn names_in(formula: &str) -> Result<Vec<String>, FormulaError> {
    Ok(parse(formula)?
        .var_names()
        .iter()
        .map(|s| s.to_string())
        .collect())
}

impl Evaluator {
    /// Resolve every parameter of `plan`, following references between parameters.
    pub fn new(plan: &Plan) -> Result<Evaluator, ParameterError> {
        Evaluator::from_parameters(plan.parameters.iter().map(|p| (p.name.as_str(), &p.value)))
    }

    /// Resolve parameters given as `(name, value)` pairs (as [`Evaluator::new`] does for a plan's),
    /// following references between them.
    pub fn from_parameters<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a Num)>,
    ) -> Result<Evaluator, ParameterError> {
        let defs: Vec<(&str, &Num)> = params.into_iter().collect();
        let by_name: HashMap<&str, &Num> = defs.iter().copied().collect();
        let mut values: FxHashMap<String, f64> =
            FxHashMap::with_capacity_and_hasher(defs.len(), Default::default());
        for (name, _) in &defs {
            let mut stack = Vec::new();
            resolve(name, &by_name, &mut values, &mut stack).map_err(|error| ParameterError {
                name: name.to_string(),
                error,
            })?;
        }
        Ok(Evaluator {
            values,
            memo: Default::default(),
        })
    }

    /// The value of a parameter, if the plan defines it.
    pub fn parameter(&self, name: &str) -> Option<f64> {
        self.values.get(name).copied()
    }

    /// Evaluate a field's value.
    pub fn eval(&self, num: &Num) -> Result<f64, FormulaError> {
        match num {
            Num::Value(v) if v.is_finite() => Ok(*v),
            Num::Value(v) => Err(FormulaError::NotFinite {
                formula: v.to_string(),
                value: *v,
            }),
            Num::Formula(f) => {
                if let Some(v) = self.memo.borrow().get(f.as_str()) {
                    return Ok(*v);
                }
                let v = eval_with(f, |name| {
                    self.values
                        .get(name)
                        .copied()
                        .ok_or_else(|| FormulaError::UnknownName {
                            name: name.to_string(),
                            formula: f.clone(),
                            known: self.known_names(),
                        })
                })?;
                self.memo.borrow_mut().insert(f.clone(), v);
                Ok(v)
            }
        }
    }

    fn known_names(&self) -> String {
        let mut k: Vec<&str> = self.values.keys().map(|s| s.as_str()).collect();
        k.sort_unstable();
        if k.is_empty() {
            "none".to_string()
        } else {
            k.join(", ")
        }
    }
}

fn resolve(
    name: &str,
    defs: &HashMap<&str, &Num>,
    values: &mut FxHashMap<String, f64>,
    stack: &mut Vec<String>,
) -> Result<f64, FormulaError> {
    if let Some(v) = values.get(name) {
        return Ok(*v);
    }
    if stack.iter().any(|s| s == name) {
        let mut chain = stack.clone();
        chain.push(name.to_string());
        return Err(FormulaError::Cycle(chain.join(" → ")));
    }
    let Some(num) = defs.get(name) else {
        let mut known: Vec<&str> = defs.keys().copied().collect();
        known.sort_unstable();
        return Err(FormulaError::UnknownName {
            name: name.to_string(),
            formula: stack.last().cloned().unwrap_or_default(),
            known: known.join(", "),
        });
    };
    stack.push(name.to_string());
    let v = match num {
        Num::Value(v) if v.is_finite() => *v,
        Num::Value(v) => {
            return Err(FormulaError::NotFinite {
                formula: v.to_string(),
                value: *v,
            });
        }
        Num::Formula(f) => eval_with(f, |dep| {
            resolve(dep, defs, values, stack).map_err(|e| match e {
                FormulaError::UnknownName { name, known, .. } => FormulaError::UnknownName {
                    name,
                    formula: f.clone(),
                    known,
                },
                other => other,
            })
        })?,
    };
    stack.pop();
    values.insert(name.to_string(), v);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(params: &[(&str, Num)]) -> Result<Evaluator, ParameterError> {
        Evaluator::from_parameters(params.iter().map(|(n, v)| (*n, v)))
    }

    #[test]
    fn float_division_and_functions() {
        let e = ev(&[
            ("peak_rps", Num::Value(1000.0)),
            ("users", Num::Value(250_000.0)),
        ])
        .unwrap();
        assert_eq!(e.eval(&Num::Formula("7/2".into())).unwrap(), 3.5);
        assert_eq!(
            e.eval(&Num::Formula("ceil(peak_rps / 120)".into()))
                .unwrap(),
            9.0
        );
        assert_eq!(
            e.eval(&Num::Formula("users * 0.002".into())).unwrap(),
            500.0
        );
        assert_eq!(e.eval(&Num::Formula("2 max 5".into())).unwrap(), 5.0);
    }

    #[test]
    fn parameters_chain_and_cycles() {
        let e = ev(&[
            ("a", Num::Formula("b * 2".into())),
            ("b", Num::Formula("c + 1".into())),
            ("c", Num::Value(4.0)),
        ])
        .unwrap();
        assert_eq!(e.parameter("a"), Some(10.0));
        let err = ev(&[
            ("a", Num::Formula("b".into())),
            ("b", Num::Formula("a + 1".into())),
        ])
        .unwrap_err();
        assert_eq!(err.name, "a");
        assert!(
            matches!(err.error, FormulaError::Cycle(ref c) if c.contains("a → b → a")),
            "{err}"
        );
    }

    #[test]
    fn unknown_names_and_syntax_are_reported() {
        let e = ev(&[("users", Num::Value(1.0))]).unwrap();
        let err = e.eval(&Num::Formula("userz * 2".into())).unwrap_err();
        assert!(err.to_string().contains("unknown name `userz`"), "{err}");
        assert!(err.to_string().contains("users"), "{err}");
        let err = e.eval(&Num::Formula("2 +* users".into())).unwrap_err();
        assert!(matches!(err, FormulaError::Syntax { .. }), "{err}");
        assert!(!err.to_string().contains("BinOp"), "{err}");
        let err = e.eval(&Num::Formula("1/0".into())).unwrap_err();
        assert!(matches!(err, FormulaError::NotFinite { .. }), "{err}");
    }

    #[test]
    fn errors_in_the_users_words() {
        let e = ev(&[("users", Num::Value(1.0)), ("peak_rps", Num::Value(2.0))]).unwrap();
        let msg = |f: &str| e.eval(&Num::Formula(f.into())).unwrap_err().to_string();
        assert_eq!(
            msg("usres * 2"),
            "unknown name `usres` in `usres * 2` — did you mean `users`?"
        );
        assert!(
            msg("Users").contains("did you mean `users`?"),
            "{}",
            msg("Users")
        );
        assert!(
            msg("zzz + 1").contains("(parameters: peak_rps, users)"),
            "{}",
            msg("zzz")
        );
        for (f, want) in [
            ("users *", "missing operand after `*`"),
            ("users * / 2", "missing operand after `*`"),
            ("* users", "missing operand before `*`"),
            ("(users + 1", "a `(` is never closed"),
            ("users + 1)", "`)` has no matching `(`"),
            ("2 users", "missing operator between `2` and `users`"),
            ("ceil users", "write `ceil(…)`"),
            (
                "ciel(users)",
                "unknown function `ciel` — did you mean `ceil`?",
            ),
            ("users $ 2", "`$` cannot be used"),
            ("()", "empty parentheses"),
            ("users * (2 + )", "missing operand after `+`"),
        ] {
            let m = msg(f);
            assert!(m.contains(want), "`{f}`: `{m}` lacks `{want}`");
            assert!(!m.contains("node") && !m.contains("Operator"), "{m}");
        }
        assert!(msg("1e3 * users").contains("no exponent notation"));
        // What exmex reads stays readable: unary minus, word operators, constants.
        for f in [
            "-users + 2",
            "0.25 * 4",
            "users max 3",
            "ceil(-(users)/2)",
            "PI * 2",
        ] {
            assert!(e.eval(&Num::Formula(f.into())).is_ok(), "{f}");
        }
        assert_eq!(closest("usres", ["users", "peak_rps"]), Some("users"));
        assert_eq!(closest("abc", ["users"]), None);
    }

    #[test]
    fn text_round_trip() {
        assert_eq!(Num::from_text("1,200"), Num::Value(1200.0));
        assert_eq!(Num::from_text("=users*2"), Num::Formula("users*2".into()));
        assert_eq!(Num::Value(0.25).to_text(), "0.25");
        assert_eq!(Num::Value(3.0).to_text(), "3");
    }
}
