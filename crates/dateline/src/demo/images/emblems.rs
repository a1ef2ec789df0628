//! Desk emblems: the pictures for contributors that are desks or services
//! rather than people.

use std::f32::consts::PI;

use super::canvas::Canvas;
use super::colour::{Colour, shade};
use super::rng::Rng;

#[derive(Clone, Copy)]
pub(super) enum Emblem {
    /// Broadcast waves around a point.
    Waves { background: [Colour; 2], fg: Colour, accent: Colour },
    /// Rising bars under a trend line.
    Bars { background: [Colour; 2], fg: Colour, accent: Colour },
}

pub(super) fn draw_emblem(cv: &mut Canvas, emblem: &Emblem, rng: &mut Rng) {
    match *emblem {
        Emblem::Waves { background, fg, accent } => draw_waves(cv, rng, background, fg, accent),
        Emblem::Bars { background, fg, accent } => draw_bars(cv, rng, background, fg, accent),
    }
}

/// Broadcast waves around a point.
fn draw_waves(cv: &mut Canvas, rng: &mut Rng, background: [Colour; 2], fg: Colour, accent: Colour) {
    let (w, h) = (cv.wf(), cv.hf());
    cv.diagonal_gradient(background);
    let centre = (0.5 * w, 0.5 * h);
    cv.glow(centre.0, centre.1, 0.45 * w, accent, 0.12);
    cv.circle(centre.0, centre.1, 0.05 * h, accent, 1.0);
    for k in 1..=4 {
        let r = 0.1 * h * k as f32 + 0.02 * h;
        let thick = 0.03 * h;
        let spread = 0.55 - 0.05 * k as f32;
        cv.arc(centre, r, thick, (-spread, spread), fg);
        cv.arc(centre, r, thick, (PI - spread, PI), fg);
        cv.arc(centre, r, thick, (-PI, -PI + spread), fg);
    }
    for _ in 0..40 {
        let (x, y) = (rng.range(0.0, w), rng.range(0.0, h));
        cv.circle(x, y, rng.range(1.0, 2.5), fg, 0.12);
    }
}

/// Rising bars under a trend line.
fn draw_bars(cv: &mut Canvas, rng: &mut Rng, background: [Colour; 2], fg: Colour, accent: Colour) {
    let (w, h) = (cv.wf(), cv.hf());
    cv.diagonal_gradient(background);
    let grid = shade(fg, 0.45);
    for k in 1..6 {
        let y = h * (0.15 + 0.14 * k as f32);
        cv.rect(0.14 * w, y, 0.86 * w, y + 1.0, grid, 0.5);
    }
    let heights = [0.22, 0.34, 0.3, 0.46, 0.58, 0.66];
    let mut points = Vec::new();
    for (i, v) in heights.iter().enumerate() {
        let x = w * (0.17 + 0.115 * i as f32);
        let top = h * (0.85 - v);
        cv.rect(x, top, x + 0.075 * w, 0.85 * h, fg, 1.0);
        cv.rect(x + 0.055 * w, top, x + 0.075 * w, 0.85 * h, shade(fg, 0.8), 1.0);
        points.push((x + 0.0375 * w, top - 0.08 * h + rng.range(-0.02, 0.02) * h));
    }
    for pair in points.windows(2) {
        cv.line(pair[0], pair[1], 5.0, accent, 1.0);
    }
    for &(x, y) in &points {
        cv.circle(x, y, 9.0, accent, 1.0);
        cv.circle(x, y, 4.0, background[1], 1.0);
    }
    cv.rect(0.14 * w, 0.85 * h, 0.86 * w, 0.85 * h + 3.0, shade(fg, 0.9), 1.0);
}
