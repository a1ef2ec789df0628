//! The pictures' randomness: a small PRNG seeded from each file name, so
//! every run draws the same pixels.

use super::colour::Colour;

/// xorshift64*, seeded from an FNV-1a hash of the file name.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: &str) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Self(if h == 0 { 0x9e37_79b9_7f4a_7c15 } else { h })
    }

    pub(super) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in [0, 1).
    pub(super) fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    pub(super) fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    pub(super) fn chance(&mut self, p: f32) -> bool {
        self.unit() < p
    }

    pub(super) fn pick(&mut self, colours: &[Colour]) -> Colour {
        if colours.is_empty() {
            return [128, 128, 128];
        }
        colours[(self.next() % colours.len() as u64) as usize]
    }
}
