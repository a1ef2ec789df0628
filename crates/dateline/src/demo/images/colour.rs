//! Colours and the arithmetic the painters share.

/// An 8-bit RGB colour, as written in the catalogue.
pub(super) type Colour = [u8; 3];

/// A colour in floating point, as the canvas holds it while drawing.
pub(super) type Fc = [f32; 3];

pub(super) fn fc(c: Colour) -> Fc {
    [f32::from(c[0]), f32::from(c[1]), f32::from(c[2])]
}

pub(super) fn mix(a: Colour, b: Colour, t: f32) -> Fc {
    let (a, b) = (fc(a), fc(b));
    [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

/// [`mix`], truncated back to 8 bits.
pub(super) fn mix_u8(a: Colour, b: Colour, t: f32) -> Colour {
    let m = mix(a, b, t);
    [m[0] as u8, m[1] as u8, m[2] as u8]
}

/// Multiplies a colour's brightness by `k`.
pub(super) fn shade(c: Colour, k: f32) -> Colour {
    let s = |v: u8| (f32::from(v) * k).clamp(0.0, 255.0) as u8;
    [s(c[0]), s(c[1]), s(c[2])]
}

pub(super) fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}
