//! Small helpers on raw samples shared by the engines.

/// Samples quieter than this (absolute value, full scale = 1.0) count as
/// silence when trimming: about −46 dBFS, below the breath noise of both
/// engines and above the hiss of Piper's output.
pub const SILENCE_THRESHOLD: f32 = 0.005;

/// Audio kept before the first and after the last sample above
/// [`SILENCE_THRESHOLD`], so soft onsets (an "h", an "s") are not clipped.
pub const KEEP_MS: u32 = 15;

/// Removes leading and trailing silence: everything before the first sample
/// louder than `threshold` and after the last one, keeping `keep_ms` of
/// margin on both sides. All-silent input becomes empty.
pub fn trim_silence(samples: &[f32], sample_rate: u32, threshold: f32, keep_ms: u32) -> Vec<f32> {
    let loud = |s: &f32| s.abs() > threshold;
    let Some(first) = samples.iter().position(loud) else {
        return Vec::new();
    };
    let last = samples.iter().rposition(loud).unwrap_or(first);
    let keep = (u64::from(sample_rate) * u64::from(keep_ms) / 1000) as usize;
    let start = first.saturating_sub(keep);
    let end = (last + 1 + keep).min(samples.len());
    samples[start..end].to_vec()
}

/// Length of the fade applied to both ends by [`trim`].
pub const FADE_MS: u32 = 2;

/// [`trim_silence`] with the default threshold and margin, then a
/// [`FADE_MS`] fade at both ends: speech that starts at the very first
/// sample (Piper does that) would otherwise click when joined to silence.
pub fn trim(samples: &[f32], sample_rate: u32) -> Vec<f32> {
    let mut out = trim_silence(samples, sample_rate, SILENCE_THRESHOLD, KEEP_MS);
    fade_edges(&mut out, sample_rate, FADE_MS);
    out
}

/// Linear fade-in and fade-out of `ms` milliseconds (at most half the
/// audio each).
pub fn fade_edges(samples: &mut [f32], sample_rate: u32, ms: u32) {
    let n = ((u64::from(sample_rate) * u64::from(ms) / 1000) as usize).min(samples.len() / 2);
    let len = samples.len();
    for i in 0..n {
        let gain = i as f32 / n as f32;
        samples[i] *= gain;
        samples[len - 1 - i] *= gain;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_both_ends_and_keeps_a_margin() {
        let mut s = vec![0.0f32; 1000];
        s[400] = 0.5;
        s[600] = -0.5;
        // 1 kHz: 15 ms margin = 15 samples.
        let t = trim_silence(&s, 1000, 0.01, 15);
        assert_eq!(t.len(), 600 - 400 + 1 + 30);
        assert_eq!(t[15], 0.5);
        assert_eq!(t[t.len() - 16], -0.5);
    }

    #[test]
    fn margin_is_clamped_to_the_edges() {
        let s = [0.9f32, 0.0, 0.0, 0.9];
        assert_eq!(trim_silence(&s, 1000, 0.01, 100), s.to_vec());
    }

    #[test]
    fn edges_fade() {
        let mut s = vec![1.0f32; 10];
        fade_edges(&mut s, 1000, 4);
        assert_eq!(s, [0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 0.75, 0.5, 0.25, 0.0]);
        let mut short = vec![1.0f32; 3];
        fade_edges(&mut short, 1000, 100);
        assert_eq!(short, [0.0, 1.0, 0.0]);
        fade_edges(&mut [], 1000, 5);
    }

    #[test]
    fn silence_becomes_empty() {
        assert!(trim_silence(&[0.001; 50], 1000, 0.01, 5).is_empty());
        assert!(trim_silence(&[], 1000, 0.01, 5).is_empty());
    }
}
