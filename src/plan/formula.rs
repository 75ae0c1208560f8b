//! Formula cells: numbers written as expressions over the plan's parameters.
//!
//! Parsing and evaluation use the `exmex` crate (floating point throughout, so `7/2 = 3.5`).
//! Supported: `+ - * / ^`, parentheses, `ceil floor round trunc abs sqrt exp ln log10`, the
//! infix operators `a min b` and `a max b`, and the constants `PI` and `E`. Parameters may
//! refer to other parameters; an unknown name or a cycle is an error naming the parameter
//! or the item field where it occurs.

use super::{Num, Plan};
use exmex::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// Why a formula could not be evaluated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FormulaError {
    /// The formula does not parse (or exmex cannot evaluate it).
    #[error("cannot parse `{formula}`: {reason}")]
    Syntax {
        /// The formula as written.
        formula: String,
        /// The parser's explanation.
        reason: String,
    },
    /// The formula uses a name that is not one of the plan's parameters.
    #[error("unknown name `{name}` in `{formula}` (known parameters: {known})")]
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
    FlatEx::<f64>::parse(formula).map_err(|e| FormulaError::Syntax {
        formula: formula.to_string(),
        reason: tidy_exmex_message(&e.to_string()),
    })
}

/// exmex messages embed Debug dumps of its operator structs; keep the human part.
fn tidy_exmex_message(msg: &str) -> String {
    let cut = msg.find(", Operator {").or_else(|| msg.find(" Operator {"));
    let s = match cut {
        Some(i) => &msg[..i],
        None => msg,
    };
    s.trim().to_string()
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
    let v = expr.eval(&vals).map_err(|e| FormulaError::Syntax {
        formula: formula.to_string(),
        reason: tidy_exmex_message(&e.to_string()),
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
    fn text_round_trip() {
        assert_eq!(Num::from_text("1,200"), Num::Value(1200.0));
        assert_eq!(Num::from_text("=users*2"), Num::Formula("users*2".into()));
        assert_eq!(Num::Value(0.25).to_text(), "0.25");
        assert_eq!(Num::Value(3.0).to_text(), "3");
    }
}
