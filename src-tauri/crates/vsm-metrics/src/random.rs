//! Seeded random numbers and the distributions of docs/metrics.md §6. Written here rather than
//! pulled in, so a seed gives the same trials in every release, and fast enough for 10,000 trials
//! of a large map (ziggurat normals, squeezed gamma).

use vsm_model::{Distribution, Variability};

/// xoshiro256++ seeded through SplitMix64 (Blackman & Vigna): fast, and good enough for Monte Carlo.
#[derive(Debug, Clone)]
pub struct Random {
    state: [u64; 4],
}

impl Random {
    /// A generator whose sequence depends only on `seed`.
    pub fn new(seed: u64) -> Self {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Random { state: [next(), next(), next(), next()] }
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in (0, 1], safe for logarithms.
    fn open_unit(&mut self) -> f64 {
        1.0 - self.unit()
    }

    /// Standard normal: the ziggurat of Marsaglia & Tsang (2000), 128 layers, with the layer index
    /// and the value taken from different bits of one draw (Doornik's fix for their correlation).
    fn normal(&mut self) -> f64 {
        let tables = ziggurat();
        loop {
            let bits = self.next_u64();
            let layer = (bits & 127) as usize;
            let hz = (bits >> 32) as u32 as i32;
            if hz.unsigned_abs() < tables.k[layer] {
                return f64::from(hz) * tables.w[layer];
            }
            let x = f64::from(hz) * tables.w[layer];
            if layer == 0 {
                // The tail beyond R, by Marsaglia's method.
                loop {
                    let tail = -self.open_unit().ln() / ZIGGURAT_R;
                    let y = -self.open_unit().ln();
                    if y + y >= tail * tail {
                        return if hz > 0 { ZIGGURAT_R + tail } else { -ZIGGURAT_R - tail };
                    }
                }
            }
            if tables.f[layer] + self.unit() * (tables.f[layer - 1] - tables.f[layer]) < (-0.5 * x * x).exp()
            {
                return x;
            }
        }
    }

    /// Gamma(shape, 1) for shape ≥ 1 (Marsaglia & Tsang 2000), with their squeeze that skips the
    /// logarithms for most draws.
    fn gamma(&mut self, shape: f64) -> f64 {
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let t = 1.0 + c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.open_unit();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || u.ln() < 0.5 * x2 + d * (1.0 - v + v.ln()) {
                return d * v;
            }
        }
    }

    /// Number of passes through a rework loop: 1 + geometric, P(another pass) = `probability`.
    pub fn passes(&mut self, probability: f64) -> f64 {
        if probability <= 0.0 {
            return 1.0;
        }
        1.0 + (self.open_unit().ln() / probability.ln()).floor()
    }
}

/// Where the ziggurat's tail starts (128 layers).
const ZIGGURAT_R: f64 = 3.442_619_855_899;

/// The ziggurat's layer tables: `k` (integer thresholds), `w` (widths), `f` (densities).
struct Ziggurat {
    k: [u32; 128],
    w: [f64; 128],
    f: [f64; 128],
}

/// The tables, computed once (Marsaglia & Tsang's `zigset`).
fn ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        const M: f64 = 2_147_483_648.0; // 2^31
        const AREA: f64 = 9.912_563_035_262_17e-3;
        let mut table = Ziggurat { k: [0; 128], w: [0.0; 128], f: [0.0; 128] };
        let mut dn = ZIGGURAT_R;
        let mut tn = dn;
        let q = AREA / (-0.5 * dn * dn).exp();
        table.k[0] = ((dn / q) * M) as u32;
        table.k[1] = 0;
        table.w[0] = q / M;
        table.w[127] = dn / M;
        table.f[0] = 1.0;
        table.f[127] = (-0.5 * dn * dn).exp();
        for i in (1..=126).rev() {
            dn = (-2.0 * (AREA / dn + (-0.5 * dn * dn).exp()).ln()).sqrt();
            table.k[i + 1] = ((dn / tn) * M) as u32;
            tn = dn;
            table.f[i] = (-0.5 * dn * dn).exp();
            table.w[i] = dn / M;
        }
        table
    })
}

/// A prepared sampler of one node's time (fields are seconds; see [`Sampler::of`]).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sampler {
    /// Always the same.
    Fixed(f64),
    /// Uniform over [min, min + width].
    Uniform { min: f64, width: f64 },
    /// Triangular(min, mode, max); `split` = (mode − min) ÷ (max − min).
    Triangular { min: f64, mode: f64, max: f64, split: f64 },
    /// PERT: min + width × Beta(alpha, beta).
    Pert { min: f64, width: f64, alpha: f64, beta: f64 },
}

impl Sampler {
    /// The sampler of a variability description.
    pub fn of(variability: &Variability) -> Sampler {
        let (min, max) = (variability.min_s, variability.max_s);
        let width = max - min;
        let mode = variability.mode_s.unwrap_or(min);
        if width <= 0.0 {
            return Sampler::Fixed(min);
        }
        match variability.distribution {
            Distribution::Uniform => Sampler::Uniform { min, width },
            Distribution::Triangular => Sampler::Triangular { min, mode, max, split: (mode - min) / width },
            Distribution::Pert => Sampler::Pert {
                min,
                width,
                alpha: 1.0 + 4.0 * (mode - min) / width,
                beta: 1.0 + 4.0 * (max - mode) / width,
            },
        }
    }

    /// One draw.
    pub fn sample(&self, random: &mut Random) -> f64 {
        match *self {
            Sampler::Fixed(value) => value,
            Sampler::Uniform { min, width } => min + width * random.unit(),
            Sampler::Triangular { min, mode, max, split } => {
                let u = random.unit();
                if u < split {
                    min + (u * (max - min) * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * (max - min) * (max - mode)).sqrt()
                }
            }
            Sampler::Pert { min, width, alpha, beta } => {
                let x = random.gamma(alpha);
                let y = random.gamma(beta);
                min + width * x / (x + y)
            }
        }
    }

    /// The closed-form mean and variance (for tests and reports).
    pub fn moments(&self) -> (f64, f64) {
        match *self {
            Sampler::Fixed(value) => (value, 0.0),
            Sampler::Uniform { min, width } => (min + width / 2.0, width * width / 12.0),
            Sampler::Triangular { min, mode, max, .. } => (
                (min + mode + max) / 3.0,
                (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18.0,
            ),
            Sampler::Pert { min, width, alpha, beta } => {
                let sum = alpha + beta;
                (min + width * alpha / sum, width * width * alpha * beta / (sum * sum * (sum + 1.0)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ziggurat's normals have mean 0, variance 1, and the right share beyond ±1.96 and in the
    /// tail beyond R (where the tail method is used).
    #[test]
    fn normals_are_standard() {
        let mut random = Random::new(99);
        let n = 1_000_000;
        let xs: Vec<f64> = (0..n).map(|_| random.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let variance = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 5.0 / (n as f64).sqrt(), "mean {mean}");
        assert!((variance - 1.0).abs() < 5.0 * (2.0 / n as f64).sqrt(), "variance {variance}");
        let beyond = xs.iter().filter(|x| x.abs() > 1.959_964).count() as f64 / n as f64;
        assert!((beyond - 0.05).abs() < 5.0 * (0.05 * 0.95 / n as f64).sqrt(), "share beyond 1.96: {beyond}");
        let tail = xs.iter().filter(|x| x.abs() > ZIGGURAT_R).count() as f64 / n as f64;
        let expected = 0.000_576; // 2 × (1 − Φ(3.4426))
        assert!((tail - expected).abs() < 5.0 * (expected / n as f64).sqrt(), "tail share {tail}");
    }

    #[test]
    fn gamma_has_mean_and_variance_equal_to_its_shape() {
        let mut random = Random::new(5);
        for shape in [1.0, 2.5, 5.0] {
            let n = 200_000;
            let xs: Vec<f64> = (0..n).map(|_| random.gamma(shape)).collect();
            let mean = xs.iter().sum::<f64>() / n as f64;
            let variance = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
            assert!((mean - shape).abs() < 5.0 * (shape / n as f64).sqrt(), "shape {shape}: mean {mean}");
            assert!((variance - shape).abs() < 0.05 * shape, "shape {shape}: variance {variance}");
        }
    }
}
