//! JavaScript's number behaviour, for the ports of the UI's TypeScript that must print exactly what
//! the canvas prints (arrows.rs): `Math.hypot` as V8 computes it, `Math.round`, `Math.min`/`max`,
//! `||` on numbers, `String(n)` and `Intl.NumberFormat("en-US")`. Each is tested against what
//! JavaScript gives (`tests/arrow-cases.json` and the cases below).

/// `Math.hypot(a, b)` as V8 computes it: both values divided by the larger, squares summed with
/// Kahan compensation, square root scaled back. Differs from `f64::hypot` in the last bit for
/// about half of all inputs, which shows in unrounded coordinates.
pub fn js_hypot(a: f64, b: f64) -> f64 {
    if a.is_infinite() || b.is_infinite() {
        return f64::INFINITY;
    }
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    let values = [a.abs(), b.abs()];
    let mut max = 0.0;
    for &v in &values {
        if v > max {
            max = v;
        }
    }
    if max == 0.0 {
        return 0.0;
    }
    let mut sum = 0.0;
    let mut compensation = 0.0;
    for &v in &values {
        let n = v / max;
        let summand = n * n - compensation;
        let preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    sum.sqrt() * max
}

/// `Math.round`: to the nearest integer, halves towards +∞ (`-2.5` → `-2`).
pub fn js_round(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let up = x.ceil();
    if up - 0.5 <= x { up } else { up - 1.0 }
}

/// `Math.max` of two numbers: `NaN` if either is.
pub fn js_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a > b || (a == b && b == 0.0 && b.is_sign_negative()) {
        a
    } else {
        b
    }
}

/// `Math.min` of two numbers: `NaN` if either is.
pub fn js_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a < b || (a == b && a == 0.0 && a.is_sign_negative()) {
        a
    } else {
        b
    }
}

/// `a || b` on numbers: `b` when `a` is `0`, `-0` or `NaN`.
pub fn js_or(a: f64, b: f64) -> f64 {
    if a == 0.0 || a.is_nan() { b } else { a }
}

/// The shortest decimal digits that read back as `value` (positive, finite, non-zero) and the
/// exponent `n` of JavaScript's Number::toString: `value = 0.digits × 10^n`.
fn shortest_digits(value: f64) -> (String, i32) {
    // `{:e}` prints the shortest round-trip digits, e.g. "1.2345e2" or "1e-7".
    let printed = format!("{value:e}");
    let (mantissa, exponent) = printed.split_once('e').unwrap_or((&printed, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// `String(n)`: how JavaScript prints a number, as in a template literal (`${n}`). Shortest
/// round-trip digits; exponential notation below 1e-6 and from 1e21 on; `-0` prints as `0`.
pub fn js_number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    if n == 0.0 {
        return "0".to_owned();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if n < 0.0 {
        return format!("-{}", js_number(-n));
    }
    let (digits, exp) = shortest_digits(n);
    let k = digits.len() as i32;
    if k <= exp && exp <= 21 {
        format!("{digits}{}", "0".repeat((exp - k) as usize))
    } else if 0 < exp && exp <= 21 {
        let (int, frac) = digits.split_at(exp as usize);
        format!("{int}.{frac}")
    } else if -6 < exp && exp <= 0 {
        format!("0.{}{digits}", "0".repeat((-exp) as usize))
    } else {
        let e = exp - 1;
        let sign = if e >= 0 { '+' } else { '-' };
        let (first, rest) = digits.split_at(1);
        if rest.is_empty() {
            format!("{first}e{sign}{}", e.abs())
        } else {
            format!("{first}.{rest}e{sign}{}", e.abs())
        }
    }
}

/// `Intl.NumberFormat("en-US", { maximumFractionDigits, minimumFractionDigits: 0, signDisplay:
/// "negative" }).format`, as the app's `formatNumber` (ui/src/format/units.ts): the shortest
/// decimal digits of `value` rounded half away from zero, trailing zeros dropped, thousands
/// separated by commas, `-` for negative values that do not round to zero (never "-0").
pub fn intl_number(value: f64, max_fraction_digits: usize) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_owned();
    }
    let negative = value.is_sign_negative();
    let magnitude = value.abs();
    // Integer and fraction digits of the exact shortest decimal.
    let (mut int_digits, mut frac_digits): (Vec<u8>, Vec<u8>) = if magnitude == 0.0 {
        (vec![0], Vec::new())
    } else {
        let (digits, exp) = shortest_digits(magnitude);
        let digits: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        if exp <= 0 {
            let mut frac = vec![0; (-exp) as usize];
            frac.extend(&digits);
            (vec![0], frac)
        } else if exp as usize >= digits.len() {
            let mut int = digits.clone();
            int.extend(std::iter::repeat_n(0, exp as usize - digits.len()));
            (int, Vec::new())
        } else {
            (digits[..exp as usize].to_vec(), digits[exp as usize..].to_vec())
        }
    };
    if frac_digits.len() > max_fraction_digits {
        let round_up = frac_digits[max_fraction_digits] >= 5;
        frac_digits.truncate(max_fraction_digits);
        if round_up {
            let mut carry = true;
            for d in frac_digits.iter_mut().rev().chain(int_digits.iter_mut().rev()) {
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    carry = false;
                    break;
                }
            }
            if carry {
                int_digits.insert(0, 1);
            }
        }
    }
    while frac_digits.last() == Some(&0) {
        frac_digits.pop();
    }
    while int_digits.len() > 1 && int_digits[0] == 0 {
        int_digits.remove(0);
    }
    let mut out = String::new();
    if negative && int_digits.iter().chain(&frac_digits).any(|&d| d != 0) {
        out.push('-');
    }
    for (i, d) in int_digits.iter().enumerate() {
        if i > 0 && (int_digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(b'0' + d));
    }
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|d| char::from(b'0' + d)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hypot_is_v8s() {
        assert_eq!(js_hypot(3.0, 4.0), 5.0);
        assert_eq!(js_hypot(-0.0, 0.0), 0.0);
        assert!(js_hypot(f64::NAN, 1.0).is_nan());
        assert_eq!(js_hypot(f64::NAN, f64::NEG_INFINITY), f64::INFINITY);
    }

    #[test]
    fn round_takes_halves_up() {
        assert_eq!(js_round(2.5), 3.0);
        assert_eq!(js_round(-2.5), -2.0);
        assert_eq!(js_round(-0.7), -1.0);
        assert!(js_round(-0.3).is_sign_negative());
        assert_eq!(js_round(0.49999999999999994), 0.0);
    }

    #[test]
    fn numbers_print_as_in_javascript() {
        assert_eq!(js_number(104.0), "104");
        assert_eq!(js_number(-0.0), "0");
        assert_eq!(js_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(js_number(1e21), "1e+21");
        assert_eq!(js_number(1e-7), "1e-7");
        assert_eq!(js_number(0.000001), "0.000001");
        assert_eq!(js_number(-1.5e-7), "-1.5e-7");
    }

    #[test]
    fn intl_formats_en_us() {
        assert_eq!(intl_number(1234567.25, 1), "1,234,567.3");
        assert_eq!(intl_number(-0.0, 1), "0");
        assert_eq!(intl_number(-0.04, 1), "0");
        assert_eq!(intl_number(-0.05, 1), "-0.1");
        // The shortest decimal is rounded, as ICU does (the binary value is 1.00499…).
        assert_eq!(intl_number(1.005, 2), "1.01");
        assert_eq!(intl_number(999.95, 1), "1,000");
    }
}
