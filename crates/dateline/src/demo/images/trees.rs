//! Trees, drawn standing on the ground at their foot.

use std::f32::consts::PI;

use super::canvas::Canvas;
use super::colour::{Colour, lerp, shade};
use super::rng::Rng;

#[derive(Clone, Copy)]
pub(super) enum Tree {
    Round,
    Acacia,
    Palm,
    Conifer,
}

const TRUNK: Colour = [84, 64, 50];

/// Draws a tree of height about `s` whose foot is at (`x`, `gy`).
pub(super) fn draw_tree(cv: &mut Canvas, rng: &mut Rng, (x, gy, s): (f32, f32, f32), kind: Tree, colour: Colour) {
    match kind {
        Tree::Round => draw_round(cv, rng, (x, gy, s), colour),
        Tree::Acacia => draw_acacia(cv, rng, (x, gy, s), colour),
        Tree::Palm => draw_palm(cv, rng, (x, gy, s), colour),
        Tree::Conifer => draw_conifer(cv, (x, gy, s), colour),
    }
}

fn draw_round(cv: &mut Canvas, rng: &mut Rng, (x, gy, s): (f32, f32, f32), colour: Colour) {
    cv.rect(x - s * 0.04, gy - s * 0.5, x + s * 0.04, gy, TRUNK, 1.0);
    for _ in 0..7 {
        let (ox, oy) = (rng.range(-0.28, 0.28) * s, rng.range(-0.2, 0.15) * s);
        let r = rng.range(0.18, 0.3) * s;
        let c = shade(colour, rng.range(0.82, 1.12));
        cv.circle(x + ox, gy - s * 0.68 + oy, r, c, 1.0);
    }
}

fn draw_acacia(cv: &mut Canvas, rng: &mut Rng, (x, gy, s): (f32, f32, f32), colour: Colour) {
    let crown = gy - s * 0.75;
    cv.line((x, gy), (x - s * 0.1, crown), s * 0.05, TRUNK, 1.0);
    cv.line((x, gy - s * 0.3), (x + s * 0.22, crown), s * 0.035, TRUNK, 1.0);
    cv.line((x - s * 0.05, gy - s * 0.45), (x - s * 0.3, crown + s * 0.03), s * 0.03, TRUNK, 1.0);
    for _ in 0..6 {
        let ox = rng.range(-0.45, 0.45) * s;
        let c = shade(colour, rng.range(0.85, 1.1));
        cv.ellipse(x + ox, crown - rng.range(0.0, 0.08) * s, s * rng.range(0.2, 0.32), s * 0.07, c, 1.0);
    }
}

fn draw_palm(cv: &mut Canvas, rng: &mut Rng, (x, gy, s): (f32, f32, f32), colour: Colour) {
    let lean = rng.range(-0.25, 0.1) * s;
    let segments = 14;
    let point = |t: f32| (x + lean * t * t, gy - s * t);
    for i in 0..segments {
        let (a, b) = (point(i as f32 / segments as f32), point((i + 1) as f32 / segments as f32));
        cv.line(a, b, s * lerp(0.045, 0.03, i as f32 / segments as f32), shade(TRUNK, 1.1), 1.0);
    }
    let crown = point(1.0);
    for k in 0..9 {
        let a = -PI + k as f32 * PI / 8.0 + rng.range(-0.1, 0.1);
        let len = s * rng.range(0.3, 0.42);
        let mut prev = crown;
        for j in 1..=8 {
            let t = j as f32 / 8.0;
            let p = (crown.0 + a.cos() * len * t, crown.1 + a.sin() * len * t * 0.6 + len * 0.5 * t * t);
            cv.line(prev, p, s * 0.03 * (1.1 - t), colour, 1.0);
            prev = p;
        }
    }
    cv.circle(crown.0, crown.1 + s * 0.02, s * 0.03, [110, 90, 50], 1.0);
}

fn draw_conifer(cv: &mut Canvas, (x, gy, s): (f32, f32, f32), colour: Colour) {
    cv.rect(x - s * 0.03, gy - s * 0.2, x + s * 0.03, gy, TRUNK, 1.0);
    for k in 0..3 {
        let base = gy - s * (0.15 + 0.25 * k as f32);
        let half = s * (0.28 - 0.07 * k as f32);
        cv.poly(&[(x - half, base), (x, base - s * 0.4), (x + half, base)], colour, 1.0);
    }
}
